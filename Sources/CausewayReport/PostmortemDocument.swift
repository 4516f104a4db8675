public import CausewayAnalysis
internal import CausewayCore
internal import Foundation

/// Inline content of the postmortem: text that renderers escape for their format.
public enum Inline: Hashable, Sendable {
    case text(String)
    case strong(String)
    case emphasis(String)
    case code(String)
    /// A cited log line, `file:line`.
    case citation(EvidenceRef)
    /// A short highlighted word (severity, health, kind).
    case badge(String, style: String)
}

/// A block of the postmortem.
public indirect enum Block: Hashable, Sendable {
    case paragraph([Inline])
    case list(ordered: Bool, items: [[Inline]])
    case table(header: [String], rows: [[[Inline]]])
    case code(language: String, text: String)
    /// The causal-graph diagram: a relative link in Markdown, inline SVG in HTML.
    case diagram(file: String, alt: String)
    case subsection(title: [Inline], blocks: [Block])
    /// A remark for the reader, such as "needs a human".
    case note([Inline])
}

public struct DocumentSection: Hashable, Sendable {
    /// A stable anchor (`root-cause`).
    public var id: String
    public var title: String
    public var blocks: [Block]
}

/// The postmortem as format-neutral blocks, built once from the report so that the Markdown and HTML
/// renderings say exactly the same thing.
public struct PostmortemDocument: Hashable, Sendable {
    public var title: String
    public var byline: [Inline]
    public var sections: [DocumentSection]

    /// The file name the diagram is linked as from Markdown (beside the report).
    public static let diagramFile = "causal-graph.svg"

    public init(report: IncidentReport) {
        title = "Incident report: \(report.title)"
        byline = Self.byline(report)
        sections = [
            Self.summary(report), Self.rootCause(report), Self.affected(report), Self.timeline(report),
            Self.diagram(report), Self.recommendations(report), Self.evidence(report), Self.forensics(report),
            Self.detection(report), Self.whys(report), Self.hypotheses(report), Self.similar(report), Self.ingest(report),
            Self.trail(report),
        ]
    }

    static func cites(_ refs: [EvidenceRef]) -> [Inline] {
        guard !refs.isEmpty else { return [] }
        var result: [Inline] = [.text(" (")]
        for (index, ref) in refs.prefix(6).enumerated() {
            if index > 0 { result.append(.text(", ")) }
            result.append(.citation(ref))
        }
        if refs.count > 6 { result.append(.text(", +\(refs.count - 6) more")) }
        result.append(.text(")"))
        return result
    }

    static func time(_ timestamp: Timestamp?) -> String {
        timestamp.map(\.timeOfDay) ?? "—"
    }

    static func byline(_ report: IncidentReport) -> [Inline] {
        var parts: [Inline] = [
            .text("Severity "), .badge(report.severity.level, style: report.severity.level.lowercased()),
        ]
        if let zero = report.patientZero {
            parts += [.text(" · Confidence "), .strong(String(format: "%.2f", zero.confidence))]
        }
        if let window = report.window {
            let c = window.start.civil
            let date = "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
            parts += [.text(" · \(date) \(window.start.timeOfDay)–\(window.end.timeOfDay) UTC")]
        }
        parts += [
            .text(
                " · \(report.ingest.lines) lines from \(report.ingest.files) file(s), \(report.ingest.services.count) service(s) · \(report.generator)"
            )
        ]
        return parts
    }

    static func summary(_ report: IncidentReport) -> DocumentSection {
        DocumentSection(
            id: "summary", title: "Executive summary",
            blocks: [.list(ordered: false, items: report.summary.map { [.text($0.text)] + cites($0.evidence) })])
    }

    static func rootCause(_ report: IncidentReport) -> DocumentSection {
        guard let zero = report.patientZero else {
            return DocumentSection(id: "root-cause", title: "Root cause", blocks: [.paragraph([.text("No root cause stands out in these logs.")])])
        }
        var blocks: [Block] = [
            .paragraph(
                [.strong(zero.service.rawValue), .text(" (\(zero.role.rawValue)): \(zero.signalTitle.lowercased())")]
                    + (zero.time.map { [.text(" at \($0.iso8601)")] } ?? []) + cites(zero.evidence)),
            .paragraph([
                .text("Confidence "), .strong(String(format: "%.2f", zero.confidence)), .text(" · Severity "),
                .badge(report.severity.level, style: report.severity.level.lowercased()), .text(": \(report.severity.reason)."),
            ]),
        ]
        if let trigger = report.trigger {
            var line: [Inline] = [.strong("Trigger hypothesis: "), .text(trigger.text)]
            line += cites(trigger.evidence)
            line.append(.text(" Basis: \(trigger.basis)."))
            blocks.append(.paragraph(line))
            if trigger.needsHuman { blocks.append(.note([.text("Needs a human: the logs do not show what triggered it.")])) }
        }
        return DocumentSection(id: "root-cause", title: "Root cause", blocks: blocks)
    }

    static func affected(_ report: IncidentReport) -> DocumentSection {
        let rows: [[[Inline]]] = (report.affectedServices + report.unrelatedAnomalies).map { service in
            let unrelated = report.unrelatedAnomalies.contains(service)
            return [
                [.strong(service.service.rawValue)], [.text(service.role.rawValue)],
                [.badge(service.health.rawValue, style: service.health.rawValue)] + (unrelated ? [.text(" (unrelated)")] : []),
                [.text(time(service.firstAnomaly))], [.text(service.impact)],
                service.evidence.isEmpty ? [.text("—")] : Array(cites(service.evidence).dropFirst().dropLast()),
            ]
        }
        if rows.isEmpty {
            return DocumentSection(id: "affected", title: "Affected services", blocks: [.paragraph([.text("No service shows a failure.")])])
        }
        return DocumentSection(
            id: "affected", title: "Affected services",
            blocks: [.table(header: ["Service", "Role", "Health", "First anomaly (UTC)", "Impact", "Evidence"], rows: rows)])
    }

    static func timeline(_ report: IncidentReport) -> DocumentSection {
        let rows: [[[Inline]]] = report.timeline.map { entry in
            var event: [Inline] = []
            switch entry.marker {
            case "patient-zero": event.append(.badge("patient zero", style: "down"))
            case "first-user-visible": event.append(.badge("first user-visible", style: "degraded"))
            default: break
            }
            if !event.isEmpty { event.append(.text(" ")) }
            event.append(.text(entry.title))
            if let about = entry.about { event.append(.text(" → \(about)")) }
            return [
                [.text(time(entry.time))], [.text(entry.service.rawValue)], event, [.text(String(entry.count))],
                [.code(String(entry.message.prefix(160)))], [.citation(entry.evidence)],
            ]
        }
        var blocks: [Block] = [.table(header: ["Time (UTC)", "Service", "Event", "Lines", "Message", "Source"], rows: rows)]
        if rows.isEmpty { blocks = [.paragraph([.text("No anomalous event was found.")])] }
        if report.timeline.contains(where: { $0.time != nil }),
            Set(report.timeline.compactMap { $0.time }).count == 1, report.timeline.count > 1
        {
            blocks.append(.note([.text("Every event shares one timestamp; they are ordered by the causal graph, root first.")]))
        }
        return DocumentSection(id: "timeline", title: "Timeline", blocks: blocks)
    }

    static func diagram(_ report: IncidentReport) -> DocumentSection {
        var blocks: [Block] = [.diagram(file: diagramFile, alt: "Causal graph: \(report.title)")]
        var legend: [Inline] = [
            .text("Services are grouped by tier; red is down, orange degraded, yellow at risk. "),
            .text("Patient zero has a double border; the propagation path is drawn in red. "),
            .text("Dashed calls were inferred from the logs."),
        ]
        if report.graph.eventsDrawn < report.graph.eventsTotal {
            legend.append(.text(" Showing the \(report.graph.eventsDrawn) events that carry the most weight, of \(report.graph.eventsTotal)."))
        }
        blocks.append(.paragraph(legend))
        return DocumentSection(id: "diagram", title: "Causal graph", blocks: blocks)
    }

    static func recommendations(_ report: IncidentReport) -> DocumentSection {
        var blocks: [Block] = []
        for item in report.recommendations {
            var inner: [Block] = [.paragraph([.text(item.why)] + cites(item.evidence))]
            if !item.commands.isEmpty { inner.append(.code(language: "sh", text: item.commands.joined(separator: "\n"))) }
            blocks.append(
                .subsection(
                    title: [.text("#\(item.rank) "), .badge(item.kind, style: "kind"), .text(" \(item.title)")], blocks: inner))
        }
        if blocks.isEmpty { blocks = [.paragraph([.text("No recommendation: no root cause was found.")])] }
        else {
            blocks.append(.note([.text("Commands assume the Deployment and its pods' app label carry the service's name; add -n NAMESPACE where needed.")]))
        }
        return DocumentSection(id: "recommendations", title: "Fix recommendations", blocks: blocks)
    }

    static func evidence(_ report: IncidentReport) -> DocumentSection {
        guard !report.evidence.isEmpty else {
            return DocumentSection(id: "evidence", title: "Supporting evidence", blocks: [.paragraph([.text("No line is cited.")])])
        }
        let width = report.evidence.map { "\($0.file):\($0.line)".count }.max() ?? 0
        let text = report.evidence.map { entry -> String in
            let place = "\(entry.file):\(entry.line)"
            return place + String(repeating: " ", count: width - place.count) + "  " + entry.text
        }.joined(separator: "\n")
        return DocumentSection(id: "evidence", title: "Supporting evidence (raw log lines)", blocks: [.code(language: "text", text: text)])
    }

    static func forensics(_ report: IncidentReport) -> DocumentSection {
        var items: [[Inline]] = []
        if let zero = report.patientZero {
            items.append(
                [.strong("Patient zero: "), .text("\(zero.service), \(zero.signalTitle.lowercased())")]
                    + (zero.time.map { [.text(" at \($0.timeOfDay) UTC")] } ?? []) + cites(zero.evidence))
        }
        if report.propagationPath.count > 1 {
            items.append([.strong("Propagation path: "), .text(report.propagationPath.map(\.rawValue).joined(separator: " → "))])
            for hop in report.propagationSteps {
                items.append([.text("\(hop.from) → \(hop.to) (weight \(String(format: "%.2f", hop.weight))): \(hop.reason)")] + cites(hop.evidence))
            }
        } else if let zero = report.patientZero {
            items.append([.strong("Propagation path: "), .text("\(zero.service) only: no affected caller found")])
        }
        let groups: [(String, ServiceHealth)] = [("down", .down), ("degraded", .degraded), ("at risk", .atRisk)]
        var radius: [String] = []
        for (name, health) in groups {
            let members = report.affectedServices.filter { $0.health == health }.map(\.service.rawValue)
            radius.append("\(name): \(members.isEmpty ? "none" : members.joined(separator: ", "))")
        }
        let count = report.affectedServices.filter { $0.health != .atRisk }.count
        items.append([.strong("Blast radius (\(count) affected): "), .text(radius.joined(separator: "; "))])
        items.append(
            [.strong("Unrelated anomalies: "),
             .text(report.unrelatedAnomalies.isEmpty ? "none" : report.unrelatedAnomalies.map(\.service.rawValue).joined(separator: ", "))])
        if let trigger = report.trigger {
            items.append([.strong("Trigger hypothesis: "), .text(trigger.text + (trigger.needsHuman ? " (needs a human)" : ""))] + cites(trigger.evidence))
        }
        return DocumentSection(id: "forensics", title: "Forensic report", blocks: [.list(ordered: false, items: items)])
    }

    static func detection(_ report: IncidentReport) -> DocumentSection {
        guard let detection = report.detection else {
            return DocumentSection(
                id: "detection", title: "Time to detection (MTTD)",
                blocks: [.paragraph([.text("Not measurable from these logs: they lack timestamps or a user-visible symptom.")])])
        }
        return DocumentSection(
            id: "detection", title: "Time to detection (MTTD)",
            blocks: [
                .paragraph([.strong(CausalGraph.duration(detection.seconds)), .text(" — " + detection.statement)])
            ])
    }

    static func whys(_ report: IncidentReport) -> DocumentSection {
        let items: [[Inline]] = report.whys.map { why in
            [.strong(why.question), .text(" " + why.answer)] + cites(why.evidence)
                + (why.needsHuman ? [.text(" "), .badge("needs a human", style: "human")] : [])
        }
        if items.isEmpty {
            return DocumentSection(id: "whys", title: "The 5 Whys", blocks: [.paragraph([.text("No root cause, so no whys.")])])
        }
        return DocumentSection(
            id: "whys", title: "The 5 Whys",
            blocks: [
                .paragraph([.text("Derived from the propagation path walked backwards, from where users saw the failure to its root.")]),
                .list(ordered: true, items: items),
            ])
    }

    static func hypotheses(_ report: IncidentReport) -> DocumentSection {
        guard !report.hypotheses.isEmpty else {
            return DocumentSection(id: "hypotheses", title: "Competing hypotheses", blocks: [.paragraph([.text("No candidate.")])])
        }
        let rows: [[[Inline]]] = report.hypotheses.map { h in
            [
                [.text(String(h.rank))], [.strong(h.service.rawValue)], [.text(h.signalTitle)],
                [.text(String(format: "%.2f", h.confidence))],
                [.text(h.explains.isEmpty ? "—" : h.explains.map(\.rawValue).joined(separator: ", "))],
                [.text(h.leavesUnexplained.isEmpty ? "—" : h.leavesUnexplained.map(\.rawValue).joined(separator: ", "))],
            ]
        }
        var blocks: [Block] = [
            .table(header: ["#", "Service", "Signal", "Confidence", "Explains", "Leaves unexplained"], rows: rows)
        ]
        for h in report.hypotheses.prefix(5) {
            var inner: [Block] = []
            let pro = h.reasonsFor.map { [.text("For: " + $0.text)] + cites($0.evidence) }
            let con = h.reasonsAgainst.map { [.text("Against: " + $0.text)] + cites($0.evidence) }
            if !(pro + con).isEmpty { inner.append(.list(ordered: false, items: pro + con)) }
            blocks.append(
                .subsection(
                    title: [.text("#\(h.rank) \(h.service): \(h.signalTitle.lowercased()) (confidence \(String(format: "%.2f", h.confidence)))")],
                    blocks: inner))
        }
        let total = report.hypotheses.reduce(0) { $0 + $1.confidence }
        blocks.append(
            .note([
                .text(
                    "Confidences sum to \(String(format: "%.2f", total)); the rest is held back for a cause the logs do not show."
                )
            ]))
        return DocumentSection(id: "hypotheses", title: "Competing hypotheses", blocks: blocks)
    }

    static func similar(_ report: IncidentReport) -> DocumentSection {
        var blocks: [Block] = []
        if report.similarIncidents.matches.isEmpty {
            blocks.append(.paragraph([.text(report.similarIncidents.note)]))
        } else {
            blocks.append(
                .table(
                    header: ["Incident", "Title", "Score", "Why", "Resolution"],
                    rows: report.similarIncidents.matches.map { match in
                        [
                            [.code(match.id)], [.text(match.title)], [.text(String(format: "%.2f", match.score))],
                            [.text(match.why.joined(separator: "; "))], [.text(match.resolution ?? "—")],
                        ]
                    }))
        }
        return DocumentSection(id: "similar", title: "Similar past incidents", blocks: blocks)
    }

    static func ingest(_ report: IncidentReport) -> DocumentSection {
        let ingest = report.ingest
        var items: [[Inline]] = [
            [.text("\(ingest.files) file(s), \(ingest.lines) line(s), \(ingest.records) record(s), \(ingest.templates) template(s)")],
            [.text("Formats: " + (ingest.recordsByFormat.isEmpty ? "none" : ingest.recordsByFormat.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))],
            [.text("Skipped or repaired: " + (ingest.skipped.isEmpty ? "nothing" : ingest.skipped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))],
            [.text("Services seen: " + ingest.services.map(\.rawValue).joined(separator: ", "))],
            [.text("Topology: " + report.topology.source)],
        ]
        if ingest.joinedLines > 0 { items.insert([.text("\(ingest.joinedLines) continuation line(s) joined to their records")], at: 1) }
        if let window = report.incidentWindow {
            let how = window.source == .detected ? "detected" : window.source == .given ? "given" : "the whole input"
            items.append([.text("Incident window (\(how)): \(window.start.iso8601) to \(window.end.iso8601)")])
        }
        var blocks: [Block] = [.list(ordered: false, items: items)]
        if !report.background.isEmpty {
            blocks.append(.paragraph([.text("Warnings and errors at their usual rate before and during the incident, set aside as background:")]))
            blocks.append(
                .table(
                    header: ["Service", "Level", "Before", "During", "Message", "Source"],
                    rows: report.background.map { noise in
                        [
                            [.text(noise.service.rawValue)], [.text(noise.level.name)], [.text(String(noise.before))],
                            [.text(String(noise.during))], [.code(noise.message)],
                            noise.evidence.isEmpty ? [.text("—")] : [.citation(noise.evidence[0])],
                        ]
                    }))
        }
        return DocumentSection(id: "ingest", title: "Input", blocks: blocks)
    }

    static func trail(_ report: IncidentReport) -> DocumentSection {
        DocumentSection(
            id: "trail", title: "Analysis trail",
            blocks: [
                .list(ordered: true, items: report.trail.map { [.strong($0.step + ": "), .text($0.observation)] })
            ])
    }
}

