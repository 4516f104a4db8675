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
    /// A diagram, named by its SVG file (`causal-graph.svg`): a relative link to the file beside the
    /// Markdown (or its PNG, or a Mermaid block), inline SVG in HTML.
    case diagram(file: String, alt: String)
    case subsection(title: [Inline], blocks: [Block])
    /// A remark for the reader.
    case note([Inline])
    /// What the logs cannot tell and the incident's owners must fill in or confirm, marked as such.
    case human([Inline])
    /// Blocks meant to sit side by side (competing hypotheses); formats that cannot, stack them.
    case columns([[Block]])
}

public struct DocumentSection: Hashable, Sendable {
    /// A stable anchor (`root-cause`).
    public var id: String
    public var title: String
    public var blocks: [Block]
}

/// The postmortem as format-neutral blocks, built once from the report so that the Markdown and HTML
/// renderings say exactly the same thing.
///
/// It follows the usual postmortem template (summary, impact, root cause and trigger, detection,
/// resolution, action items, lessons learned, timeline), then the analysis behind it (causal graph,
/// competing hypotheses, the 5 Whys, forensic report, evidence, similar incidents, topology, input, trail). The
/// analysis fills what it can; what only the incident's owners know is a ``Block/human(_:)`` block.
public struct PostmortemDocument: Hashable, Sendable {
    public var title: String
    public var byline: [Inline]
    public var sections: [DocumentSection]

    /// The file name the causal graph is linked as from Markdown (beside the report).
    public static let diagramFile = "causal-graph.svg"
    /// The file name the timeline diagram is linked as.
    public static let timelineFile = "timeline.svg"
    /// How many hypotheses get a diagram of their own by default.
    public static let defaultHypothesisDiagrams = 3

    /// - Parameter hypothesisDiagrams: how many of the top hypotheses get a diagram of their own.
    public init(report: IncidentReport, hypothesisDiagrams: Int = PostmortemDocument.defaultHypothesisDiagrams) {
        title = "Incident report: \(report.title)"
        byline = Self.byline(report)
        sections = [
            Self.summary(report), Self.impact(report), Self.rootCause(report), Self.detection(report), Self.resolution(report),
            Self.actionItems(report), Self.lessons(report), Self.timeline(report), Self.diagram(report),
            Self.hypotheses(report, diagrams: hypothesisDiagrams), Self.whys(report), Self.forensics(report),
            Self.evidence(report), Self.similar(report), Self.topology(report), Self.ingest(report), Self.trail(report),
        ]
    }

    /// The SVG file of one hypothesis' diagram: `hypothesis-<rank>-<service>.svg`.
    public static func hypothesisFile(_ hypothesis: HypothesisEntry) -> String {
        "hypothesis-\(hypothesis.rank)-\(safeFileName(hypothesis.service.rawValue)).svg"
    }

    /// Letters, digits, `-` and `_` kept; anything else (a path separator, a dot) becomes `-`.
    static func safeFileName(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return scalar.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : "-"
        })
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
            id: "summary", title: "Summary",
            blocks: [
                .list(ordered: false, items: report.summary.map { [.text($0.text)] + cites($0.evidence) }),
                .note([
                    .text("A draft written from the logs alone: every claim cites the lines behind it. What the logs cannot show is marked "),
                    .strong("Needs a human"), .text(" for the incident's owners to fill in or confirm."),
                ]),
            ])
    }

    static func impact(_ report: IncidentReport) -> DocumentSection {
        var blocks: [Block] = [
            .paragraph([
                .text("Severity "), .badge(report.severity.level, style: report.severity.level.lowercased()),
                .text(": \(report.severity.reason)."),
            ])
        ]
        if let window = report.window {
            var line: [Inline] = [
                .text("Trouble in the logs from \(window.start.iso8601) to \(window.end.iso8601) (\(CausalGraph.duration(window.start.seconds(until: window.end))))")
            ]
            if let detection = report.detection {
                line.append(.text("; users were first affected at \(detection.toService) at \(detection.to.timeOfDay) UTC"))
                line += cites([detection.toEvidence])
            }
            line.append(.text("."))
            blocks.append(.paragraph(line))
        }
        blocks += affected(report).blocks
        blocks.append(
            .human([
                .text("how many requests, users or orders failed, for how long, and which SLOs burned error budget. The logs show symptoms, not customers.")
            ]))
        return DocumentSection(id: "impact", title: "Impact", blocks: blocks)
    }

    static func rootCause(_ report: IncidentReport) -> DocumentSection {
        guard let zero = report.patientZero else {
            return DocumentSection(
                id: "root-cause", title: "Root cause and trigger",
                blocks: [
                    .paragraph([.text("No root cause stands out in these logs.")]),
                    .human([.text("what caused the incident, from metrics, changes and the services' owners.")]),
                ])
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
            if trigger.needsHuman { blocks.append(.human([.text("the logs do not show what triggered it.")])) }
        }
        if report.hypotheses.count > 1 {
            let others = report.hypotheses.dropFirst().prefix(2).map { "\($0.service) (\(String(format: "%.2f", $0.confidence)))" }
            blocks.append(
                .paragraph([
                    .text("Competing hypotheses: \(others.joined(separator: ", ")); they are compared side by side under "),
                    .emphasis("Competing hypotheses"), .text(" below."),
                ]))
        }
        return DocumentSection(id: "root-cause", title: "Root cause and trigger", blocks: blocks)
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
        var blocks: [Block] = [
            .diagram(file: timelineFile, alt: "Timeline: \(report.title)"),
            .paragraph([
                .text("One lane per affected service; each mark is an event at the time its service stamped it (diamonds errors, circles warnings, hollow circles where another service reported it). "),
                .text("The red guide is the first line about the root cause, the orange one the first user-visible symptom; MTTD runs between them."),
            ]),
            .table(header: ["Time (UTC)", "Service", "Event", "Lines", "Message", "Source"], rows: rows),
        ]
        if rows.isEmpty { blocks = [.paragraph([.text("No anomalous event was found.")])] }
        for note in report.timingNotes {
            blocks.append(.note([.text(note.text)]))
        }
        return DocumentSection(id: "timeline", title: "Timeline", blocks: blocks)
    }

    static func diagram(_ report: IncidentReport) -> DocumentSection {
        var blocks: [Block] = [.diagram(file: diagramFile, alt: "Causal graph: \(report.title)")]
        var legend: [Inline] = [
            .text("Services are grouped by tier; red is down, orange degraded, yellow at risk. "),
            .text("Patient zero has a double border; the propagation path is drawn in red. "),
            .text("Calls are solid where declared in the topology file, dashed where inferred from the logs, dotted where read off traces."),
        ]
        if report.graph.eventsDrawn < report.graph.eventsTotal {
            legend.append(.text(" Showing the \(report.graph.eventsDrawn) events that carry the most weight, of \(report.graph.eventsTotal)."))
        }
        let graph = report.graph
        if graph.servicesDrawn + graph.servicesCollapsed < graph.servicesTotal || graph.servicesCollapsed > 0 {
            var text = " Of \(graph.servicesTotal) services, the anomalous subgraph and its immediate neighbours are drawn: \(graph.servicesDrawn) one by one"
            if graph.servicesCollapsed > 0 { text += ", \(graph.servicesCollapsed) collapsed into one box per tier and health" }
            let hidden = graph.servicesTotal - graph.servicesDrawn - graph.servicesCollapsed
            if hidden > 0 { text += "; the other \(hidden) are not drawn" }
            legend.append(.text(text + "."))
        }
        blocks.append(.paragraph(legend))
        if let conflicts = report.topology.conflicts, !conflicts.isEmpty {
            blocks.append(.note([.text("\(conflicts.count) observed call(s) contradict the declared topology: see Topology.")]))
        }
        return DocumentSection(id: "diagram", title: "Causal graph", blocks: blocks)
    }

    static func actionItems(_ report: IncidentReport) -> DocumentSection {
        var blocks: [Block] = []
        if !report.recommendations.isEmpty {
            blocks.append(
                .table(
                    header: ["#", "Action", "Kind", "Owner", "Ticket"],
                    rows: report.recommendations.map { item in
                        [[.text(String(item.rank))], [.text(item.title)], [.badge(item.kind, style: "kind")], [], []]
                    }))
            blocks.append(.human([.text("give each action an owner and a ticket; drop what does not apply and add what the logs cannot suggest.")]))
        }
        for item in report.recommendations {
            var inner: [Block] = [.paragraph([.text(item.why)] + cites(item.evidence))]
            if !item.commands.isEmpty { inner.append(.code(language: "sh", text: item.commands.joined(separator: "\n"))) }
            blocks.append(
                .subsection(
                    title: [.text("#\(item.rank) "), .badge(item.kind, style: "kind"), .text(" \(item.title)")], blocks: inner))
        }
        if blocks.isEmpty {
            blocks = [
                .paragraph([.text("No recommendation: no root cause was found.")]),
                .human([.text("the actions that will prevent a recurrence, each with an owner.")]),
            ]
        } else {
            blocks.append(.note([.text("Commands assume the Deployment and its pods' app label carry the service's name; add -n NAMESPACE where needed.")]))
        }
        return DocumentSection(id: "action-items", title: "Action items", blocks: blocks)
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
        let ask = Block.human([
            .text("how the incident was detected (which alert, page or customer report) and when the on-call engineer acknowledged it.")
        ])
        guard let detection = report.detection else {
            return DocumentSection(
                id: "detection", title: "Detection",
                blocks: [
                    .paragraph([.text("Time to detection (MTTD): not measurable from these logs: they lack timestamps or a user-visible symptom.")]),
                    ask,
                ])
        }
        return DocumentSection(
            id: "detection", title: "Detection",
            blocks: [
                .paragraph([
                    .text("Time to detection (MTTD) from the logs: "), .strong(CausalGraph.duration(detection.seconds)),
                    .text(" — " + detection.statement),
                ]),
                ask,
            ])
    }

    static func resolution(_ report: IncidentReport) -> DocumentSection {
        var blocks: [Block] = []
        if let window = report.window {
            blocks.append(
                .paragraph([
                    .text("The last line of trouble in these logs is at \(window.end.iso8601); whether service had recovered by then, the logs do not say.")
                ]))
        }
        if let first = report.recommendations.first(where: { $0.kind == "mitigate" }) {
            blocks.append(
                .paragraph([.text("The analysis suggests starting with action item #\(first.rank): \(first.title).")] + cites(first.evidence)))
        }
        for match in report.similarIncidents.matches.prefix(2) {
            if let resolution = match.resolution {
                blocks.append(
                    .paragraph([
                        .text("A similar past incident, "), .code(match.id), .text(" (score \(String(format: "%.2f", match.score))), was resolved by: \(resolution)"),
                    ]))
            }
        }
        blocks.append(.human([.text("what was done to mitigate and resolve the incident, by whom, and when service was restored.")]))
        return DocumentSection(id: "resolution", title: "Resolution", blocks: blocks)
    }

    static func lessons(_ report: IncidentReport) -> DocumentSection {
        var wrong: [[Inline]] = []
        if let zero = report.patientZero, let detection = report.detection {
            wrong.append(
                [.text("Users were affected \(CausalGraph.duration(detection.seconds)) after the first line about \(zero.signalTitle.lowercased()) at \(zero.service); nothing in the logs shows an alert on it.")]
                    + cites([detection.fromEvidence, detection.toEvidence]))
        }
        if report.propagationPath.count > 2 {
            wrong.append(
                [.text("The failure crossed \(report.propagationPath.count - 1) calls before users saw it (\(report.propagationPath.map(\.rawValue).joined(separator: " → "))): no caller on the way contained it.")]
                    + cites(report.propagationSteps.flatMap { $0.evidence.suffix(1) }))
        }
        if let trigger = report.trigger, trigger.needsHuman {
            wrong.append([.text("What triggered the failure cannot be read from the logs.")] + cites(trigger.evidence))
        }
        var blocks: [Block] = [.subsection(title: [.text("What went well")], blocks: [.human([.text("what helped: alerts that fired, runbooks that worked, people who knew.")])])]
        var wrongBlocks: [Block] = []
        if !wrong.isEmpty { wrongBlocks.append(.list(ordered: false, items: wrong)) }
        wrongBlocks.append(.human([.text("confirm these and add what the logs cannot show (process, tooling, communication).")]))
        blocks.append(.subsection(title: [.text("What went wrong")], blocks: wrongBlocks))
        blocks.append(.subsection(title: [.text("Where we got lucky")], blocks: [.human([.text("what could have made it worse.")])]))
        return DocumentSection(id: "lessons", title: "Lessons learned", blocks: blocks)
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

    /// The competing hypotheses alone, side by side with a diagram each, and the lines they cite: the page
    /// `causeway compare` writes.
    /// - Parameter hypotheses: how many of the top hypotheses to compare, each with its own diagram.
    public init(comparing report: IncidentReport, hypotheses: Int) {
        title = "Competing hypotheses: \(report.title)"
        byline = Self.byline(report)
        var intro: [Block] = [
            .paragraph([
                .text("Each hypothesis names a service as the root cause. Its diagram draws the same causal graph with that service as the root and the path the failure would have travelled from it in red; the services it leaves unexplained are dashed."),
            ])
        ]
        if let zero = report.patientZero {
            intro.append(
                .paragraph([
                    .text("The analysis picks "), .strong(zero.service.rawValue),
                    .text(" (confidence \(String(format: "%.2f", zero.confidence))); the others are what a responder should rule out."),
                ]))
        }
        sections = [
            DocumentSection(id: "reading", title: "How to read this page", blocks: intro),
            Self.hypotheses(report, diagrams: hypotheses, shown: hypotheses), Self.evidence(report),
        ]
    }

    static func hypotheses(_ report: IncidentReport, diagrams: Int, shown: Int = 5) -> DocumentSection {
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
        var columns: [[Block]] = []
        for (index, h) in report.hypotheses.prefix(max(shown, diagrams)).enumerated() {
            var inner: [Block] = []
            // The diagram first, so that side by side the pictures line up.
            if index < diagrams {
                inner.append(.diagram(file: hypothesisFile(h), alt: "Hypothesis #\(h.rank): \(h.service), its propagation path in red"))
            }
            if h.propagationPath.count > 1 {
                inner.append(.paragraph([.strong("Path: "), .text(h.propagationPath.map(\.rawValue).joined(separator: " → "))]))
            } else {
                inner.append(.paragraph([.strong("Path: "), .text("\(h.service) only: no affected caller found")]))
            }
            inner.append(
                .paragraph([
                    .strong("Explains: "), .text(h.explains.isEmpty ? "—" : h.explains.map(\.rawValue).joined(separator: ", ")),
                    .text(" · "), .strong("Leaves unexplained: "),
                    .text(h.leavesUnexplained.isEmpty ? "—" : h.leavesUnexplained.map(\.rawValue).joined(separator: ", ")),
                ]))
            let pro = h.reasonsFor.map { [.text("For: " + $0.text)] + cites($0.evidence) }
            let con = h.reasonsAgainst.map { [.text("Against: " + $0.text)] + cites($0.evidence) }
            if !(pro + con).isEmpty { inner.append(.list(ordered: false, items: pro + con)) }
            columns.append([
                .subsection(
                    title: [.text("#\(h.rank) \(h.service): \(h.signalTitle.lowercased()) (confidence \(String(format: "%.2f", h.confidence)))")],
                    blocks: inner)
            ])
        }
        blocks.append(.columns(columns))
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
            [.text("\(ingest.files) file(s), \(ingest.lines) line(s), \(ingest.records) record(s), \(ingest.templates) template(s)")]
        ]
        if ingest.joinedLines > 0 { items.append([.text("\(ingest.joinedLines) continuation line(s) joined to their records")]) }
        items.append([.text("Formats: " + (ingest.recordsByFormat.isEmpty ? "none" : ingest.recordsByFormat.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))])
        items.append([.text("Skipped or repaired: " + (ingest.skipped.isEmpty ? "nothing" : ingest.skipped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))])
        if let local = ingest.localTime, !local.isEmpty {
            // Times without a zone, far from the zoned files' times: say which clock each was read on.
            items.append(
                [.text("Read in local time (their times carry no zone and lay hours apart from the rest): " + local.sorted { $0.key < $1.key }.map { "\($0.key) as \($0.value)" }.joined(separator: ", "))])
        }
        if let aliases = ingest.aliases, !aliases.isEmpty {
            // Several spellings of one service, read as one: say which.
            let byService = Dictionary(grouping: aliases, by: \.value)
            items.append(
                [.text("Read as one service (other spellings of its name): " + byService.keys.sorted().map { service in
                    "\(byService[service]!.map(\.key).sorted().joined(separator: ", ")) as \(service)"
                }.joined(separator: "; "))])
        }
        items.append([.text("Services seen: " + ingest.services.map(\.rawValue).joined(separator: ", "))])
        items.append([.text("Topology: " + report.topology.source)])
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

