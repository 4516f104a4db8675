public import CausewayAnalysis
internal import CausewayCore

/// Writes the report's causal graph as a Mermaid flowchart, for Markdown hosts that draw Mermaid natively
/// (GitHub, GitLab, many wikis): the same nodes and edges as ``DOTWriter``, grouped by tier, coloured by
/// health, with patient zero (or one hypothesis' root) and its propagation path in red.
///
/// Log text is hostile here too: every label passes through ``MermaidText``, which keeps letters, digits
/// and plain punctuation and writes everything else as a Mermaid entity code (`#60;`), so no label can
/// end its string, start a statement, or carry HTML. Node ids are derived from the report's node ids, so
/// two runs give the same text. Mermaid hosts show no tooltips; each node's evidence (`file:line`) is in a
/// `click` tooltip for renderers that allow it, and in the event nodes' labels.
///
/// Mermaid hosts refuse very large diagrams (GitHub: 50,000 characters, 500 edges): past
/// ``characterLimit`` or ``edgeLimit`` the events are left out and only services and their calls are drawn.
///
/// ## Topics
/// - ``flowchart(for:)``
/// - ``flowchart(for:hypothesis:)``
public struct MermaidWriter: Sendable {
    public init() {}

    /// Most characters written with events; beyond, the flowchart keeps services only.
    public static let characterLimit = 40_000
    /// Most edges written with events; beyond, the flowchart keeps services only.
    public static let edgeLimit = 400

    /// The causal graph with the report's patient zero and propagation path highlighted.
    public func flowchart(for report: IncidentReport) -> String {
        let root = report.graph.nodes.filter(\.isPatientZero).map(\.id)
        let path = report.graph.nodes.filter(\.onPath).map(\.id)
        let pathEdges = report.graph.edges.filter(\.onPath).map { $0.from + "\u{0}" + $0.to }
        return flowchart(report, title: "Causal graph: \(report.title)", root: Set(root), path: Set(path), pathEdges: Set(pathEdges))
    }

    /// The causal graph with one hypothesis' root and its own propagation path highlighted.
    public func flowchart(for report: IncidentReport, hypothesis: HypothesisEntry) -> String {
        var path = Set(hypothesis.propagationPath.map { "svc:" + $0.rawValue })
        var pathEdges = Set<String>()
        for step in hypothesis.propagationSteps {
            pathEdges.insert("svc:\(step.to.rawValue)\u{0}svc:\(step.from.rawValue)")
            if let cause = step.causeEvent, let effect = step.effectEvent {
                path.formUnion([cause, effect])
                pathEdges.insert(cause + "\u{0}" + effect)
            }
        }
        let root = Set(["svc:" + hypothesis.service.rawValue] + (hypothesis.event.map { [$0] } ?? []))
        let title = "Hypothesis #\(hypothesis.rank): \(hypothesis.signalTitle.lowercased()) at \(hypothesis.service) (confidence \(String(format: "%.2f", hypothesis.confidence)))"
        return flowchart(report, title: title, root: root, path: path.union(root), pathEdges: pathEdges)
    }

    func flowchart(_ report: IncidentReport, title: String, root: Set<String>, path: Set<String>, pathEdges: Set<String>) -> String {
        let full = flowchart(report, title: title, root: root, path: path, pathEdges: pathEdges, events: true)
        let edges = report.graph.edges.count
        if full.count <= Self.characterLimit && edges <= Self.edgeLimit { return full }
        return flowchart(report, title: title, root: root, path: path, pathEdges: pathEdges, events: false)
    }

    func flowchart(
        _ report: IncidentReport, title: String, root: Set<String>, path: Set<String>, pathEdges: Set<String>, events: Bool
    ) -> String {
        let nodes = report.graph.nodes.filter { events || $0.kind != "event" }
        let ids = Self.identifiers(nodes.map(\.id))
        var lines = ["flowchart TB", "  %% " + MermaidText.comment(title)]
        if !events {
            lines.append("  %% events left out: the full flowchart is larger than Mermaid hosts accept")
        }
        let tiers = Dictionary(grouping: nodes) { $0.role.tier }
        for tier in tiers.keys.sorted() {
            let members = tiers[tier]!
            lines.append("  subgraph tier\(tier) [\"\(MermaidText.label(members[0].role.tierName))\"]")
            for node in members { lines.append("    " + nodeStatement(node, id: ids[node.id]!, isRoot: root.contains(node.id))) }
            lines.append("  end")
        }
        var linkStyles: [Int] = []
        var tracedLinks: [Int] = []
        var count = 0
        for edge in report.graph.edges {
            guard let from = ids[edge.from], let to = ids[edge.to] else { continue }
            let onPath = pathEdges.contains(edge.from + "\u{0}" + edge.to)
            let label: String
            let arrow: String
            switch edge.kind {
            case .calls:
                // Solid where declared, dashed where inferred; traced calls are solid arrows dotted by a link style.
                let provenance = DOTWriter.provenance(of: edge)
                label = edge.from.hasPrefix("grp:") || edge.to.hasPrefix("grp:") ? "calls ×\(Int(edge.weight))" : provenance == "declared" ? "calls" : "calls (\(provenance))"
                arrow = onPath ? "==>" : provenance == "inferred" ? "-.->" : "-->"
                if provenance == "traced", !onPath { tracedLinks.append(count) }
            case .emits:
                label = "emits"
                arrow = "---"
            case .mentions:
                label = "names"
                arrow = "-.->"
            case .precedes:
                label = "precedes"
                arrow = "-.->"
            case .explains:
                label = "explains \(String(edge.weight))"
                arrow = onPath ? "==>" : "-->"
            }
            lines.append("  \(from) \(arrow)|\(MermaidText.label(label))| \(to)")
            if onPath { linkStyles.append(count) }
            count += 1
        }
        lines.append("  classDef down fill:#f6c9c4,stroke:#b03a2e,color:#1c2833")
        lines.append("  classDef degraded fill:#fde4b8,stroke:#ca6f1e,color:#1c2833")
        lines.append("  classDef atrisk fill:#fcf3cf,stroke:#9a7d0a,color:#1c2833")
        lines.append("  classDef healthy fill:#eaf4ee,stroke:#5d6d7e,color:#1c2833")
        lines.append("  classDef event fill:#fbfcfc,stroke:#aab7b8,color:#1c2833")
        lines.append("  classDef group fill:#fbfcfc,stroke:#aab7b8,stroke-dasharray:4 3,color:#566573")
        for (name, members) in Self.classes(nodes, ids: ids) where !members.isEmpty {
            lines.append("  class \(members.joined(separator: ",")) \(name)")
        }
        for node in nodes where path.contains(node.id) || root.contains(node.id) {
            lines.append("  style \(ids[node.id]!) stroke:#b03a2e,stroke-width:\(root.contains(node.id) ? 4 : 2)px")
        }
        if !tracedLinks.isEmpty {
            lines.append("  linkStyle \(tracedLinks.map(String.init).joined(separator: ",")) stroke-dasharray:1 4")
        }
        if !linkStyles.isEmpty {
            lines.append("  linkStyle \(linkStyles.map(String.init).joined(separator: ",")) stroke:#b03a2e,stroke-width:3px")
        }
        for node in nodes {
            lines.append("  click \(ids[node.id]!) href \"#evidence\" \"\(MermaidText.tooltip(tooltip(node, report: report)))\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func nodeStatement(_ node: ReportGraph.Node, id: String, isRoot: Bool) -> String {
        switch node.kind {
        case "service":
            let label = (isRoot ? (node.isPatientZero ? "PATIENT ZERO\n" : "ROOT\n") : "") + node.label
            return "\(id)[\"\(MermaidText.label(label))\"]"
        case "group":
            return "\(id)[[\"\(MermaidText.label(node.label))\"]]"
        default:
            let cited = node.evidence.first.map { "\n\($0.file):\($0.line)" } ?? ""
            return "\(id)>\"\(MermaidText.label(node.label + cited))\"]"
        }
    }

    func tooltip(_ node: ReportGraph.Node, report: IncidentReport) -> String {
        var text = node.detail
        if node.kind == "service",
            let impact = (report.affectedServices + report.unrelatedAnomalies).first(where: { $0.service == node.service })
        {
            text += ". " + impact.impact + (impact.evidence.isEmpty ? "" : " (" + DOTWriter.cited(impact.evidence) + ")")
        } else if !node.evidence.isEmpty {
            text += " (" + DOTWriter.cited(node.evidence) + ")"
        }
        return text
    }

    /// Class names by health (and kind), each listing its node ids in order.
    static func classes(_ nodes: [ReportGraph.Node], ids: [String: String]) -> [(String, [String])] {
        var byClass: [(String, [String])] = [("down", []), ("degraded", []), ("atrisk", []), ("healthy", []), ("event", []), ("group", [])]
        for node in nodes {
            let name: String
            switch node.kind {
            case "event": name = "event"
            case "group": name = "group"
            default: name = node.health == .atRisk ? "atrisk" : node.health.rawValue
            }
            if let index = byClass.firstIndex(where: { $0.0 == name }) { byClass[index].1.append(ids[node.id]!) }
        }
        return byClass
    }

    /// Mermaid ids from the report's node ids: letters, digits and `_`, made unique with a numeric suffix.
    static func identifiers(_ nodeIDs: [String]) -> [String: String] {
        var result: [String: String] = [:]
        var used = Set<String>()
        for nodeID in nodeIDs.sorted() {
            let base = String(nodeID.unicodeScalars.map { $0.isASCII && (Character($0).isLetter || Character($0).isNumber) ? Character($0) : "_" })
            var candidate = base
            var suffix = 2
            while !used.insert(candidate).inserted {
                candidate = base + "_\(suffix)"
                suffix += 1
            }
            result[nodeID] = candidate
        }
        return result
    }
}
