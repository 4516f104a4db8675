internal import CausewayAnalysis
internal import CausewayCore
internal import Foundation

extension PostmortemDocument {
    /// Most observed (inferred or traced) calls listed one by one; report.json keeps them all.
    static let topologyRowLimit = 40

    /// The topology the analysis ran on: how many calls each source drew, the calls observed rather than
    /// declared (with their confidence and evidence), and where observation contradicts the declaration.
    static func topology(_ report: IncidentReport) -> DocumentSection {
        let topology = report.topology
        let counts = topology.callsByProvenance
        let corroborated = topology.calls.filter { !($0.alsoSeenBy ?? []).isEmpty }.count
        var summary = "\(topology.calls.count) call(s) between \(topology.services.count) service(s): "
            + (counts["declared", default: 0] > 0 ? "\(counts["declared", default: 0]) declared (\(topology.source)), " : "none declared, ")
            + "\(counts["inferred", default: 0]) inferred from log lines, \(counts["traced", default: 0]) read off traces"
        if corroborated > 0 { summary += "; \(corroborated) drawn by more than one source" }
        var blocks: [Block] = [.paragraph([.text(summary + ".")])]

        let observed = topology.calls.filter { $0.provenance != "declared" }
        if !observed.isEmpty {
            let rows: [[[Inline]]] = observed.prefix(topologyRowLimit).map { call in
                var source = call.provenance
                if let also = call.alsoSeenBy, !also.isEmpty { source += " (also \(also.joined(separator: ", ")))" }
                let traffic = call.traffic.map { "\($0.calls) call(s)" + ($0.errors > 0 ? ", \($0.errors) failed" : "") } ?? "—"
                let evidence = call.evidence ?? []
                return [
                    [.text(call.caller.rawValue)], [.text(call.callee.rawValue)], [.text(source)],
                    [.text(call.confidence.map { String(format: "%.2f", $0) } ?? "—")], [.text(traffic)],
                    evidence.isEmpty ? [.text("—")] : Array(cites(evidence).dropFirst().dropLast()),
                ]
            }
            blocks.append(.table(header: ["Caller", "Callee", "Source", "Confidence", "Traffic", "Evidence"], rows: rows))
            if observed.count > topologyRowLimit {
                blocks.append(.note([.text("\(observed.count - topologyRowLimit) more observed call(s) are listed in report.json.")]))
            }
            blocks.append(
                .note([
                    .text("Save this map with "), .code("causeway topology <inputs> > topology.yaml"),
                    .text(", correct it, and keep it beside the logs: a declared topology is the truth about the services it lists."),
                ]))
        }

        let conflicts = topology.conflicts ?? []
        if conflicts.isEmpty {
            if counts["declared", default: 0] > 0, !observed.isEmpty {
                blocks.append(.paragraph([.text("Nothing observed contradicts the declared topology.")]))
            }
        } else {
            blocks.append(.paragraph([.strong("Conflicts with the declared topology"), .text(" (\(conflicts.count)):")]))
            blocks.append(
                .table(
                    header: ["Kind", "Call", "Seen by", "What to do", "Evidence"],
                    rows: conflicts.map { conflict in
                        [
                            [.badge(conflict.kind.rawValue, style: "degraded")], [.text("\(conflict.caller) → \(conflict.callee)")],
                            [.text(conflict.seenBy.rawValue)], [.text(conflict.detail)],
                            conflict.evidence.isEmpty
                                ? [.text("—")] : Array(cites(conflict.evidence.map(EvidenceRef.init)).dropFirst().dropLast()),
                        ]
                    }))
        }
        return DocumentSection(id: "topology", title: "Topology", blocks: blocks)
    }
}
