internal import CausewayCore
internal import CausewayIngest
internal import Foundation

/// The report's prose: summary, recommendations, the 5 Whys and the analysis trail, each sentence built
/// from the analysis and citing its lines.
extension ReportAssembler {
    func summary(_ report: IncidentReport) -> [Statement] {
        guard let root = analysis.patientZero, let zero = report.patientZero else {
            let anomalous = graph.eventNodes.count
            if anomalous == 0 {
                return [
                    Statement(
                        "Read \(report.ingest.records) records from \(report.ingest.services.count) service(s); none shows a warning, an error or a known failure signal."
                    )
                ]
            }
            return [Statement("\(anomalous) anomalous event(s) were found, but none points at a root cause.")]
        }
        var statements: [Statement] = []
        let event = representativeEvent()
        let when = zero.time.map { " at \($0.timeOfDay) UTC" } ?? ""
        var first = "\(root.service) (\(root.role.rawValue)) shows \(zero.signalTitle.lowercased())\(when)"
        if let event {
            first += ": \"\(Self.clip(event.template.message, 140))\""
        }
        first += ". It is the most likely root cause, with confidence \(String(format: "%.2f", zero.confidence))."
        statements.append(Statement(first, evidence: zero.evidence.prefix(1).map { $0 }))

        if report.propagationPath.count > 1 {
            let path = report.propagationPath.map(\.rawValue).joined(separator: " → ")
            statements.append(
                Statement(
                    "The failure travelled up the callers: \(path).",
                    evidence: report.propagationSteps.flatMap { $0.evidence.suffix(1) }))
        }
        let down = report.affectedServices.filter { $0.health == .down }.count
        let degraded = report.affectedServices.filter { $0.health == .degraded }.count
        let atRisk = report.affectedServices.filter { $0.health == .atRisk }.count
        var impact = "\(down + degraded) service(s) affected (\(down) down, \(degraded) degraded)"
        if atRisk > 0 { impact += ", \(atRisk) more at risk" }
        impact += "; severity \(report.severity.level): \(report.severity.reason)."
        statements.append(Statement(impact, evidence: report.affectedServices.compactMap { $0.evidence.first }))

        if report.hypotheses.count > 1 {
            let second = report.hypotheses[1]
            statements.append(
                Statement(
                    "The next hypothesis is \(second.signalTitle.lowercased()) at \(second.service) (confidence \(String(format: "%.2f", second.confidence))).",
                    evidence: second.evidence.prefix(1).map { $0 }))
        }
        if let detection = report.detection {
            statements.append(
                Statement(
                    "Users were first affected \(CausalGraph.duration(detection.seconds)) after the first root-cause line.",
                    evidence: [detection.fromEvidence, detection.toEvidence]))
        }
        return statements
    }

    static func clip(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    // MARK: - Recommendations

    func recommendationEntries(detection: Detection?) -> [Recommendation] {
        guard let root = analysis.patientZero, let rootEvent = representativeEvent() else { return [] }
        var items: [Recommendation] = []
        var seen = Set<String>()

        func add(_ event: EventNode, prefix: String = "", suffix: String = "") {
            let roles = [event.subject, event.emitter].map { graph.service($0)?.role ?? .unknown }
            for entry in playbook.entries(for: event.signal, roles: roles) {
                let key = "\(entry.signal)|\(entry.kind)|\(event.subject)|\(event.emitter)|\(entry.title)"
                guard seen.insert(key).inserted else { continue }
                let fill = { (text: String) in
                    Playbook.fill(text, service: event.subject, observer: event.emitter, root: root.service)
                }
                items.append(
                    Recommendation(
                        rank: 0, kind: entry.kind, title: prefix + fill(entry.title), why: fill(entry.why) + suffix,
                        service: event.subject, commands: entry.commands.map(fill),
                        evidence: refs([event.evidence[0]])))
            }
        }

        // The root cause first, with a deploy or config change when one triggered it.
        let changes = graph.eventNodes.map { graph.event($0) }.filter {
            $0.signal.flatMap({ rulebook.definition($0)?.change }) == true && $0.subject == root.service
        }
        if let trigger = analysisTrigger(), !trigger.needsHuman, let change = changes.first {
            add(change)
        }
        add(rootEvent)
        // Then what the failure did on its way up.
        for step in analysis.pathSteps {
            if let effect = step.effectEvent { add(graph.event(effect)) }
        }
        // Then the strongest alternative, named as such.
        if let second = analysis.ranking.hypotheses.dropFirst().first, second.confidence > 0, let node = second.event {
            add(graph.event(node), prefix: "If hypothesis #2 holds: ", suffix: "")
        }
        // And a guardrail.
        if let signal = rootEvent.signal, let definition = rulebook.definition(signal) {
            let lead = detection.map { " The logs show it \(CausalGraph.duration($0.seconds)) before users were affected." } ?? ""
            items.append(
                Recommendation(
                    rank: 0, kind: "prevent", title: "Alert on \(definition.title.lowercased()) at \(root.service)",
                    why: "This incident's first sign was \(definition.title.lowercased()) at \(root.service).\(lead) An alert on it pages before users notice.",
                    service: root.service,
                    commands: [
                        "# alert when lines like the cited one appear, e.g. in Loki:",
                        "sum(count_over_time({app=\"\(root.service)\"} |~ \"(?i)\(Self.alertPattern(rootEvent))\" [5m])) > 0",
                    ],
                    evidence: refs([rootEvent.evidence[0]])))
        }
        return items.prefix(Self.recommendationLimit).enumerated().map { index, item in
            var item = item
            item.rank = index + 1
            return item
        }
    }

    func analysisTrigger() -> TriggerHypothesis? { triggerEntry() }

    /// A regular expression for the root event's constant words, safe to paste into a LogQL string.
    static func alertPattern(_ event: EventNode) -> String {
        let words = event.template.pattern.split(separator: " ")
            .filter { !$0.contains("<*>") && $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "_" } && $0.count > 2 }
            .prefix(4)
        return words.isEmpty ? "error" : words.joined(separator: ".*")
    }

    // MARK: - Whys

    func whyEntries(detection: Detection?, trigger: TriggerHypothesis?) -> [Why] {
        guard let root = analysis.patientZero, let rootEvent = representativeEvent() else { return [] }
        var whys: [(String, String, [EvidenceRef], Bool)] = []
        let path = analysis.path
        let steps = analysis.pathSteps
        let health = analysis.health

        func because(_ hop: CausalGraph.PropagationStep) -> (String, [EvidenceRef]) {
            var text = "Because its dependency \(hop.from) was \(state(hop.from))"
            var cited: [EvidenceRef] = []
            if let effect = hop.effectEvent.map({ graph.event($0) }) {
                text += ": \(effect.emitter) logged \"\(Self.clip(effect.template.message, 120))\""
                cited.append(EvidenceRef(effect.evidence[0].location))
            }
            if let cause = hop.causeEvent.map({ graph.event($0) }) {
                text += ", which \(cause.emitter)'s \"\(Self.clip(cause.template.message, 100))\" explains (weight \(String(format: "%.2f", hop.weight)))"
                cited.append(EvidenceRef(cause.evidence[0].location))
            }
            return (text + ".", cited)
        }

        func state(_ service: ServiceName) -> String {
            switch health[service] ?? .healthy {
            case .down: "down"
            case .degraded: "failing"
            default: "affected"
            }
        }

        // Down the path from the entry, one why per hop; a long path folds its middle into one answer.
        var hops = Array(steps.reversed())
        if hops.count > 3 {
            let kept = Array(hops.prefix(2))
            let folded = Array(hops.dropFirst(2))
            let chain = ([folded.first!.to] + folded.map(\.from)).map(\.rawValue).joined(separator: " ← ")
            hops = kept
            whys.append(contentsOf: kept.map { hop in
                let (answer, cited) = because(hop)
                return ("Why was \(hop.to) \(state(hop.to))?", answer, cited, false)
            })
            whys.append(
                (
                    "Why was \(folded.first!.to) \(state(folded.first!.to))?",
                    "Because the failure came up the chain \(chain): \(folded.map(\.reason).joined(separator: "; ")).",
                    folded.flatMap { refs($0.evidence) }, false
                ))
        } else {
            for hop in hops {
                let question =
                    hop.to == path.last && (graph.service(hop.to)?.role.isUserFacing ?? false)
                    ? "Why did users see errors at \(hop.to)?" : "Why was \(hop.to) \(state(hop.to))?"
                let (answer, cited) = because(hop)
                whys.append((question, answer, cited, false))
            }
        }

        // The root's own failure.
        let meaning = rootEvent.signal.flatMap { rulebook.definition($0)?.meaning } ?? "It logged errors no rule classifies."
        whys.append(
            (
                "Why was \(root.service) \(state(root.service))?",
                "\(signalTitle(root)): \"\(Self.clip(rootEvent.template.message, 160))\". \(meaning)",
                refs([rootEvent.evidence[0]]), false
            ))

        // Its trigger.
        if let trigger {
            whys.append(
                (
                    "Why did \(root.service) fail that way?",
                    trigger.needsHuman
                        ? "The logs do not say. \(trigger.text) Confirm with metrics, recent changes and the service's owners."
                        : trigger.text,
                    trigger.evidence, trigger.needsHuman
                ))
        }

        // Detection, then the systemic question only a human can answer.
        if whys.count < 5 {
            let earlier = graph.eventNodes.map { graph.event($0) }.filter { e in
                // A line the service wrote, not a finding derived from its traffic: that is no warning anyone saw.
                e.emitter == root.service && e.template.level == .warning && e.id != rootEvent.id
                    && e.signal.flatMap { rulebook.definition($0)?.derived } != true
                    && (e.firstSeen.flatMap { t in rootEvent.firstSeen.map { t < $0 } } ?? false)
            }
            var answer: String
            var cited: [EvidenceRef] = []
            if let warning = earlier.min(by: { $0.firstSeen! < $1.firstSeen! }) {
                answer = "\(root.service) warned \(CausalGraph.duration(warning.firstSeen!.seconds(until: rootEvent.firstSeen!))) before it failed (\"\(Self.clip(warning.template.message, 100))\"), but nothing in the logs shows anyone acting on it."
                cited = refs([warning.evidence[0]])
            } else {
                answer = "The logs show no warning from \(root.service) before its failure: the first sign was the failure itself."
                if let detection { cited = [detection.fromEvidence] }
            }
            answer += " Which alert should have fired, and why it did not, needs a human."
            // Users were affected only where the report shows a user-visible symptom.
            let question = detection == nil ? "Why did nothing catch it earlier?" : "Why did nothing catch it before users were affected?"
            whys.append((question, answer, cited, true))
        }
        if whys.count < 5 {
            whys.append(
                (
                    "Why does the system allow this class of failure?",
                    "Needs a human: the logs cannot show design decisions. Start from the recommendations' prevent items and ask why \(root.service)'s \(signalTitle(root).lowercased()) could reach users along \(path.map(\.rawValue).joined(separator: " → "))."
                    , [], true
                ))
        }
        return whys.prefix(5).enumerated().map { index, why in
            Why(number: index + 1, question: why.0, answer: why.1, evidence: why.2, needsHuman: why.3)
        }
    }

    // MARK: - Trail

    func trail(_ report: IncidentReport) -> [TrailStep] {
        var steps: [(String, String)] = []
        let ingest = report.ingest
        let formats = ingest.recordsByFormat.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var read = "\(ingest.files) file(s), \(ingest.lines) line(s) → \(ingest.records) record(s)"
        if !formats.isEmpty { read += " (formats: \(formats))" }
        if ingest.joinedLines > 0 { read += "; \(ingest.joinedLines) continuation line(s) joined to their records" }
        let skipped = ingest.skipped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        read += skipped.isEmpty ? "; nothing skipped" : "; skipped or repaired: " + skipped.joined(separator: ", ")
        steps.append(("Read and normalise the input", read + "."))

        steps.append(
            (
                "Cluster lines into templates",
                "\(ingest.templates) template(s) across \(ingest.services.count) service(s) (\(ingest.services.map(\.rawValue).joined(separator: ", "))); \(analysis.buildSummary.templatesConsidered) anomalous (a signal, or WARN and above)."
                    + (analysis.buildSummary.eventsLeftOut > 0
                        ? " The \(CausalGraphBuilder.maximumEvents) weightiest became events; \(analysis.buildSummary.eventsLeftOut) lighter ones were left out of the graph (its cost grows with the square of the events)."
                        : "")
            ))

        if let window = report.incidentWindow {
            let how: String
            switch window.source {
            case .detected: how = "detected where the rates of trouble templates rose together"
            case .given: how = "given with --since/--until"
            case .wholeInput: how = "the whole input (too short or uniform to separate a baseline)"
            }
            var observation = "\(window.start.iso8601) to \(window.end.iso8601), \(how); \(Int(window.bucketSeconds.rounded())) s buckets."
            if let lead = analysis.windowLead {
                observation += " The errors surged from \(lead.surge.iso8601); the start was moved back to where the requests first changed, \(lead.onset.iso8601) (\(lead.signal.rawValue.replacingOccurrences(of: "_", with: " ")) at \(lead.service)), less the same clock margin, and everything was measured again from there."
            }
            let background = analysis.buildSummary.background.count
            if background > 0 {
                observation += " \(background) warning or error template(s) ran at their usual rate and were set aside as background."
            }
            steps.append(("Find the incident window", observation))
        }
        let signals = analysis.buildSummary.signalCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\($0.key) ×\($0.value)" }
        steps.append(
            ("Classify symptoms", signals.isEmpty ? "No line matched a signal rule." : "Signals matched: " + signals.joined(separator: ", ") + "."))

        let summary = analysis.buildSummary
        if summary.shifts + summary.stoppedMessages + summary.latencies + summary.slowHops + summary.restarts > 0
            || !analysis.log.tracedLines.isEmpty
        {
            var traffic: [String] = []
            if summary.shifts > 0 { traffic.append("\(summary.shifts) service(s) whose ordinary messages shifted or went quiet") }
            if summary.stoppedMessages > 0 {
                traffic.append("\(summary.stoppedMessages) service(s) that stopped logging a steady message while logging the rest")
            }
            if summary.restarts > 0 {
                traffic.append("\(summary.restarts) service(s) whose containers restarted (one log file per run)")
            }
            if !analysis.log.spans.isEmpty {
                traffic.append("\(analysis.log.spans.count) span(s) timed from trace-correlated lines, \(summary.latencies) service(s) slower")
            }
            if !analysis.log.tracedLines.isEmpty {
                traffic.append("hops between services timed from \(analysis.log.tracedLines.count) traced line(s), \(summary.slowHops) service(s) at slowed hops, \(summary.unansweredCalls) whose callers' calls stopped reaching their logs, \(summary.cutShort) whose requests were cut short")
            }
            steps.append(("Compare traffic with its baseline", traffic.joined(separator: "; ") + "."))
        }
        var topology = analysis.hasDeclaredTopology
            ? "Declared topology (\(analysis.topologySource)): \(summary.declaredCalls) call(s)."
            : "No topology given."
        let traced = report.topology.calls.filter { $0.provenance == "traced" }
        if !traced.isEmpty {
            topology += " Read \(traced.count) call(s) off traces: "
                + traced.map { "\($0.caller) → \($0.callee) (×\($0.traffic?.calls ?? 0))" }.joined(separator: ", ") + "."
        }
        let inferred = report.topology.calls.filter { $0.provenance == "inferred" }
        if !inferred.isEmpty {
            topology += " Inferred \(inferred.count) call(s) from what lines name: "
                + inferred.map { "\($0.caller) → \($0.callee) (\(String(format: "%.2f", $0.confidence ?? 0)))" }.joined(separator: ", ") + "."
        }
        if let conflicts = report.topology.conflicts, !conflicts.isEmpty {
            topology += " \(conflicts.count) conflict(s) with the declaration."
        }
        if !summary.servicesFromVocabulary.isEmpty {
            topology += " Named only by technology: " + summary.servicesFromVocabulary.map(\.rawValue).joined(separator: ", ") + "."
        }
        let roles = report.topology.services.map { "\($0.name) \($0.role.rawValue)" }.joined(separator: ", ")
        steps.append(("Map the services and their dependencies", topology + " Roles: \(roles)."))

        let edges = CausalEdgeKind.allCases.map { "\($0.rawValue) \(summary.edgesByKind[$0] ?? 0)" }.joined(separator: ", ")
        steps.append(
            (
                "Build the causal graph",
                "\(graph.graph.nodeCount) node(s) (\(summary.services) service(s), \(summary.events) event(s)); edges: \(edges)."
            ))

        let top = report.hypotheses.prefix(3).map { "\($0.service) \(String(format: "%.2f", $0.confidence))" }
        steps.append(
            (
                "Rank hypotheses",
                "Random walk with restart over \(summary.edgesByKind[.explains] ?? 0) explains edge(s), \(analysis.ranking.iterations) iteration(s); \(report.hypotheses.count) candidate(s)"
                    + (top.isEmpty ? "." : "; top: " + top.joined(separator: ", ") + ".")
                    + " \(Int(analysis.ranking.heldBack * 100))% of the confidence is held back for a cause outside the logs."
            ))
        if let zero = report.patientZero {
            steps.append(
                (
                    "Pick patient zero",
                    "\(zero.service): \(zero.signalTitle.lowercased())" + (zero.time.map { ", first seen \($0.iso8601)" } ?? "") + "."
                ))
            let probability = analysis.pathSteps.reduce(1.0) { $0 * $1.weight }
            steps.append(
                (
                    "Trace the propagation path",
                    report.propagationPath.count > 1
                        ? "\(report.propagationPath.map(\.rawValue).joined(separator: " → ")) (most probable path up the callers, probability \(String(format: "%.2f", probability)))."
                        : "No affected caller of \(zero.service) was found; the failure stayed there."
                ))
        }
        let down = report.affectedServices.filter { $0.health == .down }.map(\.service.rawValue)
        let degraded = report.affectedServices.filter { $0.health == .degraded }.map(\.service.rawValue)
        let risk = report.affectedServices.filter { $0.health == .atRisk }.map(\.service.rawValue)
        steps.append(
            (
                "Measure the blast radius",
                "down: \(down.isEmpty ? "none" : down.joined(separator: ", ")); degraded: \(degraded.isEmpty ? "none" : degraded.joined(separator: ", ")); at risk: \(risk.isEmpty ? "none" : risk.joined(separator: ", ")); unrelated anomalies: \(report.unrelatedAnomalies.isEmpty ? "none" : report.unrelatedAnomalies.map(\.service.rawValue).joined(separator: ", "))."
            ))
        steps.append(("Assess severity", "\(report.severity.level): \(report.severity.reason)."))
        steps.append(
            (
                "Write the report",
                "\(report.timeline.count) timeline entr\(report.timeline.count == 1 ? "y" : "ies"), \(report.evidence.count) evidence line(s), \(report.recommendations.count) recommendation(s), \(report.whys.count) whys; the diagram draws \(report.graph.nodes.count) node(s) and \(report.graph.edges.count) edge(s)."
            ))
        return steps.enumerated().map { TrailStep(number: $0.offset + 1, step: $0.element.0, observation: $0.element.1) }
    }
}
