public import CausewayAnalysis
internal import CausewayCore

/// Writes the report's causal graph as DOT: services grouped by tier in clusters, events beside their
/// emitters, nodes coloured by health, patient zero and the propagation path highlighted, and every edge
/// labelled with its kind. Call edges are drawn by where they came from: solid where declared in the
/// topology file, dashed where inferred from log lines, dotted where read off traces, with a legend.
///
/// Pure Swift and separate from rendering: the DOT text is the tested boundary. Tiers are rows from the
/// user-facing edge at the top to the data stores at the bottom, so `calls` point down and the failure's
/// path climbs up; each service's events sit beside it on its row. Only `calls` edges constrain the layout:
/// `explains` edges, which run against them, do not tangle the rows. Edge labels are `xlabel`s, which do
/// not add ranks to the layout. (Stacking a crowded row's events below their service with invisible edges
/// was tried: Graphviz 2.43 aborts the process in `merge_chain` on such graphs, so rows stay flat.)
///
/// Every node carries a tooltip with its evidence (the cited `file:line`s), and every node, edge and
/// cluster an `id` derived from what it stands for, so that two runs give the same SVG and several
/// diagrams can sit in one HTML page without clashing ids.
///
/// ## Topics
/// - ``dot(for:)``
/// - ``dot(for:hypothesis:)``
public struct DOTWriter: Sendable {
    public init() {}

    /// Fill and border colours by health (`#rrggbb`: Graphviz 2.42 rejects `#rgb`).
    static func colours(_ health: ServiceHealth) -> (fill: String, border: String) {
        switch health {
        case .down: ("#f6c9c4", "#b03a2e")
        case .degraded: ("#fde4b8", "#ca6f1e")
        case .atRisk: ("#fcf3cf", "#9a7d0a")
        case .healthy: ("#eaf4ee", "#5d6d7e")
        }
    }

    static let pathColour = "#b03a2e"

    /// What one diagram highlights: the report's own root and path, or one hypothesis' root and path.
    struct Highlight {
        /// The SVG id of the whole graph, and the prefix of every other id in it.
        var graphID: String
        var idPrefix: String
        var title: String
        /// The flag over the root service's label.
        var rootFlag: String
        var isRoot: (ReportGraph.Node) -> Bool
        var isOnPath: (ReportGraph.Node) -> Bool
        var isEdgeOnPath: (ReportGraph.Edge) -> Bool
        /// Services this diagram's hypothesis leaves unexplained (dashed).
        var unexplained: Set<ServiceName>
    }

    /// The causal graph with the report's patient zero and propagation path highlighted.
    public func dot(for report: IncidentReport) -> String {
        dot(
            report,
            Highlight(
                graphID: "causal-graph", idPrefix: "", title: "Causal graph: \(report.title)", rootFlag: "PATIENT ZERO",
                isRoot: { $0.isPatientZero }, isOnPath: { $0.onPath }, isEdgeOnPath: { $0.onPath }, unexplained: []))
    }

    /// The causal graph with one hypothesis' service as the root and its own propagation path highlighted;
    /// the services it leaves unexplained are drawn dashed. Ids are prefixed `h<rank>-`.
    public func dot(for report: IncidentReport, hypothesis: HypothesisEntry) -> String {
        let services = Set(hypothesis.propagationPath)
        var events = Set(hypothesis.event.map { [$0] } ?? [])
        var hops = Set<String>()
        for step in hypothesis.propagationSteps {
            step.causeEvent.map { _ = events.insert($0) }
            step.effectEvent.map { _ = events.insert($0) }
            // A call edge runs from the caller (`to`) to the callee (`from`).
            hops.insert(Self.serviceNodeID(step.to) + "\u{0}" + Self.serviceNodeID(step.from))
        }
        let rootID = Self.serviceNodeID(hypothesis.service)
        let title = "Hypothesis #\(hypothesis.rank): \(hypothesis.signalTitle.lowercased()) at \(hypothesis.service) (confidence \(String(format: "%.2f", hypothesis.confidence)))"
        return dot(
            report,
            Highlight(
                graphID: "hypothesis-\(hypothesis.rank)", idPrefix: "h\(hypothesis.rank)-", title: title,
                rootFlag: "HYPOTHESIS #\(hypothesis.rank)",
                isRoot: { $0.id == rootID || ($0.kind == "event" && $0.id == hypothesis.event) },
                isOnPath: { node in
                    node.kind == "service" ? services.contains(node.service) : node.kind == "event" && events.contains(node.id)
                },
                isEdgeOnPath: { edge in
                    switch edge.kind {
                    case .calls: hops.contains(edge.from + "\u{0}" + edge.to)
                    case .explains: events.contains(edge.from) && events.contains(edge.to)
                    default: false
                    }
                },
                unexplained: Set(hypothesis.leavesUnexplained)))
    }

    func dot(_ report: IncidentReport, _ view: Highlight) -> String {
        let graph = report.graph
        var lines: [String] = []
        lines.append("digraph causeway {")
        lines.append("  graph [id=\(DOTText.quoted(view.graphID)), rankdir=TB, fontname=\"Helvetica\", fontsize=12, nodesep=0.3, ranksep=0.7, newrank=true, compound=true, label=\(DOTText.quoted(view.title)), labelloc=t, tooltip=\(DOTText.quoted(view.title))];")
        lines.append("  node [fontname=\"Helvetica\", fontsize=10, style=\"filled,rounded\", shape=box];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=8, color=\"#7f8c8d\", fontcolor=\"#566573\", arrowsize=0.7];")

        // Clusters by tier, each holding its services and their events.
        let ids = Set(graph.nodes.map(\.id))
        let tiers = Dictionary(grouping: graph.nodes) { $0.role.tier }
        let impacts = Dictionary(
            (report.affectedServices + report.unrelatedAnomalies).map { ($0.service, $0) }, uniquingKeysWith: { first, _ in first })
        for tier in tiers.keys.sorted() {
            let members = tiers[tier]!.sorted { (Self.kindOrder($0.kind), $0.id) < (Self.kindOrder($1.kind), $1.id) }
            let name = members.first?.role.tierName ?? "tier"
            lines.append("  subgraph \(DOTText.quoted("cluster_tier\(tier)")) {")
            lines.append("    id=\(DOTText.quoted(view.idPrefix + "tier-\(tier)")); label=\(DOTText.quoted(name)); style=\"rounded,dashed\"; color=\"#aab7b8\"; fontcolor=\"#566573\"; fontsize=10;")
            for node in members { lines.append("    " + nodeStatement(node, view: view, impact: impacts[node.service])) }
            lines.append("    { rank=same; " + members.map { DOTText.quoted($0.id) + ";" }.joined(separator: " ") + " }")
            lines.append("  }")
        }

        var provenances = Set<String>()
        for edge in graph.edges where ids.contains(edge.from) && ids.contains(edge.to) {
            lines.append("  " + edgeStatement(edge, view: view))
            if edge.kind == .calls { provenances.insert(Self.provenance(of: edge)) }
        }
        lines += Self.legend(provenances, idPrefix: view.idPrefix)
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where a call edge came from: `declared`, `inferred` or `traced` (older reports name no provenance:
    /// their reason tells declared edges apart).
    static func provenance(of edge: ReportGraph.Edge) -> String {
        edge.provenance ?? (edge.reason.hasPrefix("declared") ? "declared" : "inferred")
    }

    /// The line a call edge is drawn with, by where it came from: solid where declared in the topology file,
    /// dashed where inferred from log lines, dotted where read off traces.
    public static func lineStyle(provenance: String) -> String {
        switch provenance {
        case "traced": "dotted"
        case "inferred": "dashed"
        default: "solid"
        }
    }

    /// What each call line style means, one sample arrow per provenance the diagram draws (declared, then
    /// inferred, then traced), in a small cluster of its own; nothing when the diagram draws no call.
    static func legend(_ provenances: Set<String>, idPrefix: String) -> [String] {
        let entries: [(provenance: String, text: String)] = [
            ("declared", "declared in the topology file"), ("inferred", "inferred from log lines"), ("traced", "read off traces"),
        ].filter { provenances.contains($0.0) }
        guard !entries.isEmpty else { return [] }
        var lines = [
            "  subgraph \"cluster_legend\" {",
            "    id=\(DOTText.quoted(idPrefix + "legend")); label=\"Calls\"; style=\"rounded\"; color=\"#d5dbdb\"; fontcolor=\"#566573\"; fontsize=9;",
            "    node [shape=plaintext, style=\"\", fontsize=9, fontcolor=\"#566573\", width=0, height=0, margin=0.04];",
        ]
        var row: [String] = []
        for entry in entries {
            let from = "legend:\(entry.provenance)"
            let to = "legend:\(entry.provenance):end"
            row += [DOTText.quoted(from) + ";", DOTText.quoted(to) + ";"]
            lines.append("    \(DOTText.quoted(from)) [label=\(DOTText.quoted(entry.text)), id=\(DOTText.quoted(idPrefix + "legend-\(entry.provenance)")), class=\"legend\"];")
            lines.append("    \(DOTText.quoted(to)) [label=\"\", shape=point, width=0.04, color=\"#7f8c8d\", id=\(DOTText.quoted(idPrefix + "legend-\(entry.provenance)-end")), class=\"legend\"];")
            lines.append("    \(DOTText.quoted(from)) -> \(DOTText.quoted(to)) [style=\(Self.lineStyle(provenance: entry.provenance)), minlen=2, id=\(DOTText.quoted(idPrefix + "legend-\(entry.provenance)-line")), class=\"legend provenance-\(entry.provenance)\"];")
        }
        lines.append("    { rank=same; " + row.joined(separator: " ") + " }")
        lines.append("  }")
        return lines
    }

    /// Services first, then collapsed groups, then events.
    static func kindOrder(_ kind: String) -> Int {
        switch kind {
        case "service": 0
        case "group": 1
        default: 2
        }
    }

    /// A service's node id, as ``ReportGraph/Node/id`` spells it.
    static func serviceNodeID(_ name: ServiceName) -> String { "svc:" + name.rawValue }

    /// `file:line, file:line` for a tooltip.
    static func cited(_ refs: [EvidenceRef]) -> String {
        refs.map { "\($0.file):\($0.line)" }.joined(separator: ", ")
    }

    func nodeStatement(_ node: ReportGraph.Node, view: Highlight, impact: AffectedService?) -> String {
        let (fill, border) = Self.colours(node.health)
        let isRoot = view.isRoot(node)
        let onPath = view.isOnPath(node)
        let unexplained = node.kind == "service" && view.unexplained.contains(node.service)
        var attributes: [(String, String)] = []
        var label = node.label
        var tooltip = node.detail
        switch node.kind {
        case "service":
            if isRoot { label = view.rootFlag + "\n" + label }
            attributes.append(("shape", "box"))
            if unexplained { attributes.append(("style", "\"filled,rounded,dashed\"")) }
            attributes.append(("fillcolor", DOTText.quoted(fill)))
            attributes.append(("color", DOTText.quoted(isRoot || onPath ? Self.pathColour : border)))
            attributes.append(("penwidth", isRoot ? "3" : onPath ? "2" : "1.2"))
            if isRoot { attributes.append(("peripheries", "2")) }
            attributes.append(("fontsize", "11"))
            if let impact {
                tooltip += "\n" + impact.impact
                if !impact.evidence.isEmpty { tooltip += "\n(" + Self.cited(impact.evidence) + ")" }
            }
            if unexplained { tooltip += "\nLeft unexplained by this hypothesis." }
        case "group":
            attributes.append(("shape", "box3d"))
            attributes.append(("style", "\"filled,dashed\""))
            attributes.append(("fillcolor", "\"#fbfcfc\""))
            attributes.append(("color", DOTText.quoted(border)))
            attributes.append(("fontcolor", "\"#566573\""))
        default:
            attributes.append(("shape", "note"))
            attributes.append(("style", "filled"))
            attributes.append(("fillcolor", DOTText.quoted(isRoot ? fill : "#fbfcfc")))
            attributes.append(("color", DOTText.quoted(onPath ? Self.pathColour : border)))
            attributes.append(("penwidth", isRoot ? "2.5" : onPath ? "1.8" : "1"))
            if !node.evidence.isEmpty { tooltip += "\n(" + Self.cited(node.evidence) + ")" }
        }
        attributes.append(("label", DOTText.quoted(label)))
        attributes.append(("tooltip", DOTText.quoted(tooltip)))
        attributes.append(("id", DOTText.quoted(view.idPrefix + DOTText.identifier(node.id))))
        let classes = [node.kind, "health-\(node.health.rawValue)"] + (onPath ? ["on-path"] : []) + (isRoot ? ["patient-zero"] : [])
            + (unexplained ? ["unexplained"] : [])
        attributes.append(("class", DOTText.quoted(classes.joined(separator: " "))))
        return DOTText.quoted(node.id) + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }

    func edgeStatement(_ edge: ReportGraph.Edge, view: Highlight) -> String {
        var attributes: [(String, String)] = []
        let onPath = view.isEdgeOnPath(edge)
        let label: String
        switch edge.kind {
        case .calls:
            // Solid where declared, dashed where inferred from logs, dotted where read off traces.
            let provenance = Self.provenance(of: edge)
            if edge.from.hasPrefix("grp:") || edge.to.hasPrefix("grp:") {
                label = "calls ×\(Int(edge.weight))"
                attributes.append(("color", "\"#aab7b8\""))
            } else {
                label = provenance == "declared" ? "calls" : "calls (\(provenance))"
            }
            attributes.append(("style", Self.lineStyle(provenance: provenance)))
            attributes.append(("weight", "3"))
        case .emits:
            label = "emits"
            attributes.append(("color", "\"#aab7b8\""))
            attributes.append(("arrowhead", "none"))
            attributes.append(("weight", "4"))
        case .mentions:
            label = "names"
            attributes.append(("style", "dotted"))
            attributes.append(("constraint", "false"))
        case .precedes:
            label = "precedes"
            attributes.append(("style", "dotted"))
            attributes.append(("color", "\"#aab7b8\""))
            attributes.append(("constraint", "false"))
        case .explains:
            label = "explains \(String(edge.weight))"
            attributes.append(("constraint", "false"))
            attributes.append(("color", onPath ? DOTText.quoted(Self.pathColour) : "\"#d68910\""))
            attributes.append(("penwidth", onPath ? "2.5" : String(1 + edge.weight)))
        }
        if onPath && edge.kind == .calls {
            attributes.append(("color", DOTText.quoted(Self.pathColour)))
            attributes.append(("penwidth", "2.5"))
            attributes.append(("dir", "back"))
        }
        attributes.append(("xlabel", DOTText.quoted(label)))
        attributes.append(("tooltip", DOTText.quoted("\(edge.kind.rawValue): \(edge.reason)")))
        attributes.append(("id", DOTText.quoted(view.idPrefix + DOTText.identifier("\(edge.kind.rawValue)--\(edge.from)--\(edge.to)"))))
        let provenanceClass = edge.kind == .calls ? " provenance-\(Self.provenance(of: edge))" : ""
        attributes.append(("class", DOTText.quoted("edge-\(edge.kind.rawValue)\(provenanceClass)\(onPath ? " on-path" : "")")))
        return DOTText.quoted(edge.from) + " -> " + DOTText.quoted(edge.to) + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }
}
