public import CausewayAnalysis
internal import CausewayCore

/// Writes the report's causal graph as DOT: services grouped by tier in clusters, events beside their
/// emitters, nodes coloured by health, patient zero and the propagation path highlighted, and every edge
/// labelled with its kind.
///
/// Pure Swift and separate from rendering: the DOT text is the tested boundary. Tiers are rows from the
/// user-facing edge at the top to the data stores at the bottom, so `calls` point down and the failure's
/// path climbs up; each service's events sit beside it on its row. Only `calls` edges constrain the layout:
/// `explains` edges, which run against them, do not tangle the rows.
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

    public func dot(for report: IncidentReport) -> String {
        let graph = report.graph
        var lines: [String] = []
        lines.append("digraph causeway {")
        let title = "Causal graph: \(report.title)"
        lines.append("  graph [rankdir=TB, fontname=\"Helvetica\", fontsize=12, nodesep=0.3, ranksep=0.7, newrank=true, compound=true, label=\(DOTText.quoted(title)), labelloc=t, tooltip=\(DOTText.quoted(title))];")
        lines.append("  node [fontname=\"Helvetica\", fontsize=10, style=\"filled,rounded\", shape=box];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=8, color=\"#7f8c8d\", fontcolor=\"#566573\", arrowsize=0.7];")

        // Clusters by tier, each holding its services and their events.
        let byID = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0) })
        let tiers = Dictionary(grouping: graph.nodes) { $0.role.tier }
        for tier in tiers.keys.sorted() {
            let members = tiers[tier]!.sorted { ($0.kind == "service" ? 0 : 1, $0.id) < ($1.kind == "service" ? 0 : 1, $1.id) }
            let name = members.first?.role.tierName ?? "tier"
            lines.append("  subgraph \(DOTText.quoted("cluster_tier\(tier)")) {")
            lines.append("    label=\(DOTText.quoted(name)); style=\"rounded,dashed\"; color=\"#aab7b8\"; fontcolor=\"#566573\"; fontsize=10;")
            for node in members { lines.append("    " + nodeStatement(node, report: report)) }
            lines.append("    { rank=same; " + members.map { DOTText.quoted($0.id) + ";" }.joined(separator: " ") + " }")
            lines.append("  }")
        }

        for edge in graph.edges {
            guard byID[edge.from] != nil, byID[edge.to] != nil else { continue }
            lines.append("  " + edgeStatement(edge))
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    func nodeStatement(_ node: ReportGraph.Node, report: IncidentReport) -> String {
        let (fill, border) = Self.colours(node.health)
        var attributes: [(String, String)] = []
        var label = node.label
        var tooltip = node.detail
        if node.kind == "service" {
            if node.isPatientZero { label = "PATIENT ZERO\n" + label }
            attributes.append(("shape", "box"))
            attributes.append(("fillcolor", DOTText.quoted(fill)))
            attributes.append(("color", DOTText.quoted(node.isPatientZero || node.onPath ? Self.pathColour : border)))
            attributes.append(("penwidth", node.isPatientZero ? "3" : node.onPath ? "2" : "1.2"))
            if node.isPatientZero { attributes.append(("peripheries", "2")) }
            attributes.append(("fontsize", "11"))
        } else {
            attributes.append(("shape", "note"))
            attributes.append(("style", "filled"))
            attributes.append(("fillcolor", DOTText.quoted(node.isPatientZero ? fill : "#fbfcfc")))
            attributes.append(("color", DOTText.quoted(node.onPath ? Self.pathColour : border)))
            attributes.append(("penwidth", node.isPatientZero ? "2.5" : node.onPath ? "1.8" : "1"))
            let cited = node.evidence.map { "\($0.file):\($0.line)" }.joined(separator: ", ")
            if !cited.isEmpty { tooltip += "\n(" + cited + ")" }
        }
        attributes.append(("label", DOTText.quoted(label)))
        attributes.append(("tooltip", DOTText.quoted(tooltip)))
        attributes.append(("id", DOTText.quoted(DOTText.identifier(node.id))))
        attributes.append(("class", DOTText.quoted("\(node.kind) health-\(node.health.rawValue)\(node.onPath ? " on-path" : "")\(node.isPatientZero ? " patient-zero" : "")")))
        return DOTText.quoted(node.id) + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }

    func edgeStatement(_ edge: ReportGraph.Edge) -> String {
        var attributes: [(String, String)] = []
        let label: String
        switch edge.kind {
        case .calls:
            // Solid where declared, dashed where inferred from logs, dotted where read off traces.
            let provenance = edge.provenance ?? (edge.reason.hasPrefix("declared") ? "declared" : "inferred")
            label = provenance == "declared" ? "calls" : "calls (\(provenance))"
            attributes.append(("style", provenance == "traced" ? "dotted" : provenance == "inferred" ? "dashed" : "solid"))
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
            attributes.append(("color", edge.onPath ? DOTText.quoted(Self.pathColour) : "\"#d68910\""))
            attributes.append(("penwidth", edge.onPath ? "2.5" : String(1 + edge.weight)))
        }
        if edge.onPath && edge.kind == .calls {
            attributes.append(("color", DOTText.quoted(Self.pathColour)))
            attributes.append(("penwidth", "2.5"))
            attributes.append(("dir", "back"))
        }
        attributes.append(("xlabel", DOTText.quoted(label)))
        attributes.append(("tooltip", DOTText.quoted("\(edge.kind.rawValue): \(edge.reason)")))
        attributes.append(("id", DOTText.quoted(DOTText.identifier("\(edge.kind.rawValue)--\(edge.from)--\(edge.to)"))))
        attributes.append(("class", DOTText.quoted("edge-\(edge.kind.rawValue)\(edge.onPath ? " on-path" : "")")))
        return DOTText.quoted(edge.from) + " -> " + DOTText.quoted(edge.to) + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }
}
