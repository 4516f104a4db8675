public import CausewayAnalysis
internal import CausewayCore

/// Writes a merged topology (``TopologySummary``) as DOT: services in rows by tier, one arrow per call from
/// caller to callee, drawn by where the call came from (solid where declared in the topology file, dashed
/// where inferred from log lines, dotted where read off traces) with a legend, and conflicts in red.
///
/// Pure Swift, like ``DOTWriter``: the DOT text is the tested boundary. Every label and tooltip goes
/// through ``DOTText/quoted(_:)``, so service names and the log text in reasons cannot break out of it.
public struct TopologyDOTWriter: Sendable {
    public init() {}

    static let conflictColour = "#b03a2e"

    /// The topology as one DOT digraph, stable for the same input.
    public func dot(for topology: TopologySummary) -> String {
        var lines = [
            "digraph topology {",
            "  graph [id=\"topology\", rankdir=TB, fontname=\"Helvetica\", fontsize=12, nodesep=0.4, ranksep=0.7, newrank=true, label=\(DOTText.quoted("Topology (\(topology.source))")), labelloc=t];",
            "  node [fontname=\"Helvetica\", fontsize=11, shape=box, style=\"filled,rounded\", fillcolor=\"#eaf4ee\", color=\"#5d6d7e\"];",
            "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#7f8c8d\", fontcolor=\"#566573\", arrowsize=0.7];",
        ]
        let tiers = Dictionary(grouping: topology.services) { $0.role.tier }
        for tier in tiers.keys.sorted() {
            let members = tiers[tier]!.sorted { $0.name < $1.name }
            lines.append("  subgraph \(DOTText.quoted("cluster_tier\(tier)")) {")
            lines.append("    id=\(DOTText.quoted("tier-\(tier)")); label=\(DOTText.quoted(members[0].role.tierName)); style=\"rounded,dashed\"; color=\"#aab7b8\"; fontcolor=\"#566573\"; fontsize=10;")
            for service in members {
                let role = service.role == .unknown ? "role unknown" : "\(service.role.rawValue) (\(service.roleSource))"
                lines.append(
                    "    \(DOTText.quoted(Self.nodeID(service.name))) [label=\(DOTText.quoted("\(service.name.rawValue)\n\(service.role.rawValue)")), tooltip=\(DOTText.quoted("\(service.name.rawValue): \(role)")), id=\(DOTText.quoted(DOTText.identifier(Self.nodeID(service.name)))), class=\"service\"];"
                )
            }
            lines.append("    { rank=same; " + members.map { DOTText.quoted(Self.nodeID($0.name)) + ";" }.joined(separator: " ") + " }")
            lines.append("  }")
        }

        let conflicted = Set((topology.conflicts ?? []).map { "\($0.caller.rawValue)\u{0}\($0.callee.rawValue)" })
        var provenances = Set<String>()
        for call in topology.calls {
            provenances.insert(call.provenance)
            lines.append("  " + edgeStatement(call, conflicted: conflicted.contains("\(call.caller.rawValue)\u{0}\(call.callee.rawValue)")))
        }
        // A conflict the merged map does not draw (a declared edge the traces never show) still gets a line.
        let drawn = Set(topology.calls.map { "\($0.caller.rawValue)\u{0}\($0.callee.rawValue)" })
        for conflict in topology.conflicts ?? [] where !drawn.contains("\(conflict.caller.rawValue)\u{0}\(conflict.callee.rawValue)") {
            lines.append(
                "  \(DOTText.quoted(Self.nodeID(conflict.caller))) -> \(DOTText.quoted(Self.nodeID(conflict.callee))) [style=dotted, color=\(DOTText.quoted(Self.conflictColour)), xlabel=\(DOTText.quoted(conflict.kind.rawValue)), tooltip=\(DOTText.quoted(conflict.detail)), constraint=false, class=\"conflict\"];"
            )
        }
        lines += DOTWriter.legend(provenances, idPrefix: "")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func nodeID(_ name: ServiceName) -> String { "svc:" + name.rawValue }

    func edgeStatement(_ call: TopologySummary.Call, conflicted: Bool) -> String {
        var label = call.provenance
        if let traffic = call.traffic { label += " ×\(traffic.calls)" }
        if call.provenance == "inferred", let confidence = call.confidence { label += " " + String(format: "%.2f", confidence) }
        var tooltip = "\(call.caller.rawValue) calls \(call.callee.rawValue): \(call.reason ?? "declared in the topology")"
        if let also = call.alsoSeenBy, !also.isEmpty { tooltip += "; also \(also.joined(separator: ", "))" }
        if let evidence = call.evidence, !evidence.isEmpty {
            tooltip += "\n(" + evidence.map { "\($0.file):\($0.line)" }.joined(separator: ", ") + ")"
        }
        var attributes: [(String, String)] = [("style", DOTWriter.lineStyle(provenance: call.provenance))]
        if conflicted {
            attributes.append(("color", DOTText.quoted(Self.conflictColour)))
            attributes.append(("penwidth", "2"))
        }
        if let traffic = call.traffic, traffic.errors > 0 { attributes.append(("fontcolor", DOTText.quoted(Self.conflictColour))) }
        attributes.append(("xlabel", DOTText.quoted(label)))
        attributes.append(("tooltip", DOTText.quoted(tooltip)))
        attributes.append(("id", DOTText.quoted(DOTText.identifier("calls--\(call.caller.rawValue)--\(call.callee.rawValue)"))))
        attributes.append(("class", DOTText.quoted("edge-calls provenance-\(call.provenance)\(conflicted ? " conflict" : "")")))
        return DOTText.quoted(Self.nodeID(call.caller)) + " -> " + DOTText.quoted(Self.nodeID(call.callee)) + " ["
            + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }
}
