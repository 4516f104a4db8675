internal import CausewayCore
public import CausewayIngest
internal import Foundation

/// Turns an ``IncidentAnalysis`` into the ``IncidentReport``: every number and sentence of every output
/// is decided here, once.
public struct ReportAssembler: Sendable {
    public var analysis: IncidentAnalysis
    public var rulebook: SignalRulebook
    public var playbook: Playbook

    /// Most timeline entries shown; the rest are counted.
    static let timelineLimit = 60
    /// Most evidence lines listed.
    static let evidenceLimit = 20
    /// Most hypotheses listed.
    static let hypothesisLimit = 10
    /// Most recommendations.
    static let recommendationLimit = 8

    public init(analysis: IncidentAnalysis, rulebook: SignalRulebook, playbook: Playbook) {
        self.analysis = analysis
        self.rulebook = rulebook
        self.playbook = playbook
    }

    var graph: CausalGraph { analysis.graph }

    public func assemble(generator: String) -> IncidentReport {
        let paths = hypothesisPaths()
        let hypotheses = hypothesisEntries(paths: paths)
        let patientZero = patientZeroEntry()
        let affected = affectedServices()
        let unrelated = analysis.blastRadius.unrelated.map { affectedEntry($0, health: analysis.health[$0] ?? .degraded) }
        let timeline = timelineEntries()
        let detection = detectionEntry()
        let trigger = triggerEntry()
        let severity = severityAssessment()
        let recommendations = recommendationEntries(detection: detection)
        let whys = whyEntries(detection: detection, trigger: trigger)
        var report = IncidentReport(
            schemaVersion: IncidentReport.currentSchemaVersion, generator: generator, title: title(),
            summary: [], severity: severity, window: window(), incidentWindow: analysis.anomalies.window,
            background: backgroundNoise(), patientZero: patientZero, hypotheses: hypotheses,
            propagationPath: analysis.path, propagationSteps: analysis.pathSteps.map(hop),
            affectedServices: affected, unrelatedAnomalies: unrelated, timeline: timeline,
            recommendations: recommendations, evidence: evidenceEntries(), trigger: trigger, detection: detection,
            whys: whys, trail: [],
            similarIncidents: SimilarIncidents(
                searched: false,
                note: "No incident history was searched. Run with --history to store incidents and compare with past ones.",
                matches: []),
            ingest: ingestSummary(), serviceActivity: serviceActivity(), topology: topologySummary(), graph: reportGraph(hypothesisPaths: paths))
        report.summary = summary(report)
        report.trail = trail(report)
        return report
    }

    // MARK: - Pieces

    func title() -> String {
        guard let root = analysis.patientZero else {
            return analysis.graph.eventNodes.isEmpty ? "No incident found in the logs" : "Errors without a clear root cause"
        }
        return "\(signalTitle(root)) in \(root.service)"
    }

    /// The signal's id, or `error` for lines no rule classifies.
    static func signalName(_ signal: SignalID?) -> String {
        signal?.rawValue ?? "error"
    }

    /// The signal's title; for lines no rule classifies, "Errors", or "Warnings" when they are below ERROR.
    func signalTitle(_ signal: SignalID?, level: LogLevel? = nil) -> String {
        if let title = signal.flatMap({ rulebook.definition($0)?.title }) { return title }
        if let level, level < .error { return "Warnings" }
        return "Errors"
    }

    /// The title of a hypothesis's signal, read off its representative event.
    func signalTitle(_ hypothesis: Hypothesis) -> String {
        signalTitle(hypothesis.signal, level: hypothesis.event.map { graph.event($0).template.level })
    }

    func refs(_ lines: [EvidenceLine]) -> [EvidenceRef] {
        var seen = Set<EvidenceRef>()
        return lines.map { EvidenceRef($0.location) }.filter { seen.insert($0).inserted }
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func round(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }

    func window() -> TimeWindow? {
        let times = graph.eventNodes.flatMap { node -> [Timestamp] in
            let t = graph.event(node).template
            return [t.firstSeen, t.lastSeen].compactMap { $0 }
        }
        guard let start = times.min(), let end = times.max() else { return nil }
        return TimeWindow(start: start, end: end)
    }

    /// Most background templates listed.
    static let backgroundLimit = 10

    func backgroundNoise() -> [BackgroundNoise] {
        let ids = Set(analysis.buildSummary.background)
        return analysis.log.templates.filter { ids.contains($0.id) }
            .sorted { ($1.level, $1.count, $0.id) < ($0.level, $0.count, $1.id) }
            .prefix(Self.backgroundLimit)
            .map { template in
                let anomaly = analysis.anomalies.anomalies[template.id]
                return BackgroundNoise(
                    service: template.service, message: Self.clip(template.message, 200), level: template.level,
                    before: anomaly?.before ?? 0, during: anomaly?.during ?? template.count,
                    evidence: refs(Array(template.samples.prefix(1))))
            }
    }

    /// A hypothesis' own propagation path and its steps.
    typealias HypothesisPath = (services: [ServiceName], steps: [CausalGraph.PropagationStep])

    func hypothesisEntries(paths: [HypothesisPath]) -> [HypothesisEntry] {
        analysis.ranking.hypotheses.prefix(Self.hypothesisLimit).enumerated().map { index, h in
            let (path, steps) = paths[index]
            return HypothesisEntry(
                rank: h.rank, service: h.service, role: h.role, signal: Self.signalName(h.signal), signalTitle: signalTitle(h),
                confidence: h.confidence, firstSeen: h.firstSeen, evidence: refs(h.evidence),
                reasonsFor: h.reasonsFor.map { Statement($0.text, evidence: refs($0.evidence)) },
                reasonsAgainst: h.reasonsAgainst.map { Statement($0.text, evidence: refs($0.evidence)) },
                explains: h.explains, leavesUnexplained: h.leavesUnexplained,
                event: h.event.map { Self.eventID(graph.event($0)) }, propagationPath: path, propagationSteps: steps.map(hop))
        }
    }

    /// Each listed hypothesis' own propagation path, as if its service were patient zero; the first is the
    /// analysis' path itself.
    func hypothesisPaths() -> [HypothesisPath] {
        analysis.ranking.hypotheses.prefix(Self.hypothesisLimit).enumerated().map { index, h in
            if index == 0, !analysis.path.isEmpty { return (analysis.path, analysis.pathSteps) }
            return graph.propagationPath(from: h.service, rulebook: rulebook, health: analysis.health, model: analysis.model)
        }
    }

    /// A propagation step as the report states it, with the events behind it and their times.
    func hop(_ step: CausalGraph.PropagationStep) -> PropagationHop {
        let cause = step.causeEvent.map { graph.event($0) }
        let effect = step.effectEvent.map { graph.event($0) }
        return PropagationHop(
            from: step.from, to: step.to, weight: Self.round(step.weight), reason: step.reason, evidence: refs(step.evidence),
            causeEvent: cause.map(Self.eventID), effectEvent: effect.map(Self.eventID), causeTime: cause?.firstSeen,
            effectTime: effect?.firstSeen)
    }

    func representativeEvent() -> EventNode? {
        analysis.patientZero?.event.map { graph.event($0) }
    }

    func patientZeroEntry() -> PatientZero? {
        guard let root = analysis.patientZero else { return nil }
        let event = representativeEvent()
        return PatientZero(
            service: root.service, role: root.role, signal: Self.signalName(root.signal), signalTitle: signalTitle(root),
            time: event?.firstSeen ?? root.firstSeen, confidence: root.confidence,
            evidence: refs(event.map { Array($0.evidence.prefix(3)) } ?? root.evidence))
    }

    /// Events that touch `service` (as subject or failing observer), most root-like first.
    func events(touching service: ServiceName) -> [EventNode] {
        Self.mostRootLikeFirst(graph.events(touching: service, rulebook: rulebook).map { graph.event($0) })
    }

    /// Events most root-like first, then earliest, then by id.
    static func mostRootLikeFirst(_ events: [EventNode]) -> [EventNode] {
        events.sorted { ($1.rootLikelihood, $0.firstSeen?.nanoseconds ?? .max, $0.id) < ($0.rootLikelihood, $1.firstSeen?.nanoseconds ?? .max, $1.id) }
    }

    func affectedEntry(_ service: ServiceName, health: ServiceHealth) -> AffectedService {
        var touching = events(touching: service)
        if touching.isEmpty {
            // No failure, but perhaps a change of its own (a behaviour shift): the row says what was seen.
            touching = Self.mostRootLikeFirst(graph.eventNodes.map { graph.event($0) }.filter { $0.subject == service })
        }
        var parts: [String] = []
        for event in touching.prefix(3) {
            let title = signalTitle(event.signal, level: event.template.level)
            let lines = event.template.count == 1 ? "1 line" : "\(event.template.count) lines"
            if event.emitter == service && event.subject == service {
                parts.append("\(title) (\(lines))")
            } else if event.subject == service {
                parts.append("\(title.lowercased()) reported by \(event.emitter) (\(lines))")
            } else {
                parts.append("\(title.lowercased()) toward \(event.subject) (\(lines))")
            }
        }
        if parts.isEmpty {
            parts.append(health == .atRisk ? "no symptom yet; calls an affected service" : "no line describes it")
        }
        let first = touching.compactMap(\.firstSeen).min()
        return AffectedService(
            service: service, role: graph.service(service)?.role ?? .unknown, health: health, firstAnomaly: first,
            impact: parts.joined(separator: "; "),
            evidence: refs(touching.prefix(3).map { $0.evidence[0] }))
    }

    func affectedServices() -> [AffectedService] {
        analysis.blastRadius.affected.map { affectedEntry($0, health: analysis.health[$0] ?? .degraded) }
            + analysis.blastRadius.atRisk.map { affectedEntry($0, health: .atRisk) }
    }

    /// How far each event sits from patient zero's events along `explains` edges (for ordering ties).
    func causalDepth() -> [Int: Int] {
        guard let root = analysis.patientZero?.service else { return [:] }
        var depth: [Int: Int] = [:]
        var frontier = graph.eventNodes.filter { graph.event($0).subject == root }
        for node in frontier { depth[node] = 0 }
        var head = 0
        while head < frontier.count {
            let node = frontier[head]
            head += 1
            for edgeIndex in graph.graph.outgoing[node] where graph.graph.edges[edgeIndex].label.kind == .explains {
                let target = graph.graph.edges[edgeIndex].target
                if depth[target] == nil {
                    depth[target] = depth[node]! + 1
                    frontier.append(target)
                }
            }
        }
        return depth
    }

    func entryService() -> ServiceName? {
        analysis.path.last
    }

    /// Where users arrive: a user-facing role, or the path's entry when nothing calls it. Severity and
    /// detection both ask this, so a report never calls a symptom user-visible that its severity does not.
    func isUserFacing(_ service: ServiceName) -> Bool {
        let role = graph.service(service)?.role ?? .unknown
        return role.isUserFacing || (service == entryService() && graph.topology.callers(of: service).isEmpty)
    }

    func timelineEntries() -> [TimelineEntry] {
        let depth = causalDepth()
        var pathRank: [ServiceName: Int] = [:]
        for (index, service) in analysis.path.enumerated() { pathRank[service] = index }
        let radius = Set(analysis.blastRadius.affected + analysis.blastRadius.unrelated)
        let nodes = graph.eventNodes.filter { node in
            let e = graph.event(node)
            return radius.contains(e.subject) || radius.contains(e.emitter) || e.signal != nil
        }
        let ordered = nodes.sorted { a, b in
            let ea = graph.event(a)
            let eb = graph.event(b)
            // Equal times are ordered by causality: up the path from patient zero, then by depth along
            // explains edges, then the more root-like first.
            let ra = pathRank[ea.emitter] ?? analysis.path.count
            let rb = pathRank[eb.emitter] ?? analysis.path.count
            let ka = (ea.firstSeen?.nanoseconds ?? .max, ra, depth[a] ?? Int.max, -ea.rootLikelihood)
            let kb = (eb.firstSeen?.nanoseconds ?? .max, rb, depth[b] ?? Int.max, -eb.rootLikelihood)
            return ka < kb || (ka == kb && ea.id < eb.id)
        }
        let rootEvent = analysis.patientZero?.event
        let entry = entryService()
        var markedUserVisible = false
        var entries: [TimelineEntry] = []
        for node in ordered.prefix(Self.timelineLimit) {
            let e = graph.event(node)
            var marker: String?
            if node == rootEvent {
                marker = "patient-zero"
            } else if !markedUserVisible, let entry, entry != analysis.patientZero?.service,
                graph.visibleAt(e, rulebook: rulebook).contains(entry)
            {
                marker = "first-user-visible"
                markedUserVisible = true
            }
            entries.append(
                TimelineEntry(
                    time: e.firstSeen, service: e.emitter, about: e.subject == e.emitter ? nil : e.subject,
                    signal: Self.signalName(e.signal), title: signalTitle(e.signal, level: e.template.level), level: e.template.level,
                    count: e.template.count, message: e.template.message, evidence: EvidenceRef(e.evidence[0].location),
                    marker: marker, event: Self.eventID(e)))
        }
        return entries
    }

    func evidenceEntries() -> [EvidenceEntry] {
        var lines: [(EvidenceLine, EventNode)] = []
        if let root = representativeEvent() {
            lines += root.evidence.prefix(3).map { ($0, root) }
        }
        for step in analysis.pathSteps {
            for line in step.evidence {
                if let node = graph.eventNodes.first(where: { graph.event($0).template.samples.contains(line) }) {
                    lines.append((line, graph.event(node)))
                }
            }
        }
        for service in analysis.blastRadius.affected {
            for event in events(touching: service).prefix(2) { lines.append((event.evidence[0], event)) }
        }
        var seen = Set<SourceLocation>()
        let unique = lines.filter { seen.insert($0.0.location).inserted }
            .sorted { ($0.0.timestamp?.nanoseconds ?? .max, $0.0.location) < ($1.0.timestamp?.nanoseconds ?? .max, $1.0.location) }
        return unique.prefix(Self.evidenceLimit).map { line, event in
            EvidenceEntry(
                file: line.location.file, line: line.location.line, time: line.timestamp, service: event.emitter,
                level: line.level, signal: Self.signalName(event.signal), text: line.text)
        }
    }

    func severityAssessment() -> SeverityAssessment {
        let health = analysis.health
        let radius = analysis.blastRadius.affected
        let userFacing = radius.filter(isUserFacing)
        let anyDown = radius.contains { health[$0] == .down }
        if let down = userFacing.first(where: { health[$0] == .down }) {
            return SeverityAssessment(level: "P1", reason: "\(down), where users arrive, is down")
        }
        if let degraded = userFacing.first(where: { health[$0] == .degraded }) {
            if anyDown {
                let downed = radius.filter { health[$0] == .down }.map(\.rawValue)
                return SeverityAssessment(
                    level: "P1",
                    reason: "\(degraded), where users arrive, is degraded and \(Self.list(downed)) \(downed.count == 1 ? "is" : "are") down behind it")
            }
            return SeverityAssessment(level: "P2", reason: "\(degraded), where users arrive, is degraded")
        }
        if !radius.isEmpty, radius.contains(where: { (health[$0] ?? .healthy) >= .degraded }) {
            return SeverityAssessment(
                level: "P3", reason: "\(radius.count) internal service(s) affected; no user-facing service shows symptoms in these logs")
        }
        return SeverityAssessment(level: "P4", reason: "no service shows a failure; only warnings or unclassified noise")
    }

    func detectionEntry() -> Detection? {
        guard let root = representativeEvent(), let rootTime = root.firstSeen, let entry = entryService(), isUserFacing(entry)
        else { return nil }
        let candidates = graph.eventNodes.map { graph.event($0) }
            .filter { graph.visibleAt($0, rulebook: rulebook).contains(entry) && $0.firstSeen != nil }
        guard let first = candidates.min(by: { ($0.firstSeen!, $0.id) < ($1.firstSeen!, $1.id) }) else { return nil }
        let seconds = max(0, rootTime.seconds(until: first.firstSeen!))
        let fromRef = EvidenceRef(root.evidence[0].location)
        let toRef = EvidenceRef(first.evidence[0].location)
        var statement =
            "\(CausalGraph.duration(seconds)) from the first line about the root cause (\(root.emitter), \(rootTime.iso8601), \(fromRef.file):\(fromRef.line)) to the first user-visible symptom at \(entry) (\(first.firstSeen!.iso8601), \(toRef.file):\(toRef.line))."
        if abs(rootTime.seconds(until: first.firstSeen!)) < 0.001 {
            statement += " Both lines carry the same timestamp, so the logs cannot separate the fault from its first visible effect."
        }
        statement += " When your alerting paged someone is not in the logs; add it to get the full time to detection."
        return Detection(
            seconds: Self.round(seconds), from: rootTime, fromEvidence: fromRef, to: first.firstSeen!, toEvidence: toRef,
            toService: entry, statement: statement)
    }

    func triggerEntry() -> TriggerHypothesis? {
        guard let root = analysis.patientZero, let event = representativeEvent() else { return nil }
        // When the root's own strongest evidence is the change, the failure is its first other trouble.
        var rootTime = event.firstSeen
        if event.signal.flatMap({ rulebook.definition($0)?.change }) == true {
            let failures = graph.eventNodes.map { graph.event($0) }.filter { e in
                (e.subject == root.service || e.emitter == root.service) && e.signal.flatMap { rulebook.definition($0)?.change } != true
            }
            rootTime = failures.compactMap(\.firstSeen).min() ?? rootTime
        }
        let changes = graph.eventNodes.map { graph.event($0) }.filter { e in
            guard e.signal.flatMap({ rulebook.definition($0)?.change }) == true else { return false }
            guard e.subject == root.service || e.emitter == root.service else { return false }
            guard let t = e.firstSeen, let r = rootTime else { return rootTime == nil }
            let gap = t.seconds(until: r)
            return gap >= 0 && gap <= 3600
        }
        if let change = changes.max(by: { ($0.firstSeen?.nanoseconds ?? 0) < ($1.firstSeen?.nanoseconds ?? 0) }) {
            // The change's last cited line before the failure: a change made again and again (a flag snapshot
            // refreshed for every flag) is the one closest before the failure.
            let line = change.evidence.filter { e in e.timestamp.map { t in rootTime.map { t <= $0 } ?? true } ?? false }
                .max { ($0.timestamp!, $1.location) < ($1.timestamp!, $0.location) } ?? change.evidence[0]
            let gap = (line.timestamp ?? change.firstSeen).flatMap { c in rootTime.map { c.seconds(until: $0) } }
            let when = gap.map { $0 > 0 ? " \(CausalGraph.duration($0)) before the failure" : "" } ?? ""
            return TriggerHypothesis(
                text: "\(signalTitle(change.signal)) at \(root.service)\(when): \"\(line.text.trimmingCharacters(in: .whitespaces))\"",
                basis: "a \(change.signal!.rawValue.replacingOccurrences(of: "_", with: " ")) line at \(root.service) precedes its first failure",
                needsHuman: false, evidence: refs([line]))
        }
        return TriggerHypothesis(
            text: "Likely \(playbook.trigger(for: root.signal)).",
            basis: "the usual causes of \(signalTitle(root).lowercased()); no deploy or configuration change appears in the logs before it, so this is not a finding",
            needsHuman: true, evidence: refs([event.evidence[0]]))
    }

    func ingestSummary() -> IngestSummary {
        let stats = analysis.log.statistics
        return IngestSummary(
            files: stats.files.count, lines: stats.lines, records: stats.records, joinedLines: stats.joinedLines,
            recordsWithoutTime: stats.recordsWithoutTime,
            recordsByFormat: Dictionary(uniqueKeysWithValues: stats.recordsByFormat.map { ($0.key.rawValue, $0.value) }),
            skipped: Dictionary(uniqueKeysWithValues: stats.skipped.map { ($0.key.rawValue, $0.value) }),
            services: stats.services, templates: stats.templates,
            localTime: stats.localTimeFiles.isEmpty ? nil : Dictionary(uniqueKeysWithValues: stats.localTimeFiles.map { ($0.path, $0.zoneName) }),
            aliases: stats.aliases.isEmpty ? nil : Dictionary(uniqueKeysWithValues: stats.aliases.map { ($0.name.rawValue, $0.service) }))
    }

    func serviceActivity() -> [ServiceActivity] {
        var activity: [ServiceName: ServiceActivity] = [:]
        for template in analysis.log.templates {
            var entry = activity[template.service]
                ?? ServiceActivity(service: template.service, lines: 0, warningLines: 0, errorLines: 0, firstError: nil)
            entry.lines += template.count
            if template.level == .warning { entry.warningLines += template.count }
            if template.level >= .error {
                entry.errorLines += template.count
                if let first = template.firstSeen, entry.firstError.map({ first < $0 }) ?? true { entry.firstError = first }
            }
            activity[template.service] = entry
        }
        return activity.values.sorted { $0.service < $1.service }
    }

    func topologySummary() -> TopologySummary {
        TopologySummary(
            source: analysis.topologySource,
            services: graph.topology.services.map { name in
                let node = graph.service(name)
                return TopologySummary.Service(
                    name: name, role: node?.role ?? .unknown, roleSource: node?.roleSource.rawValue ?? "unknown")
            },
            calls: graph.topology.calls.map(TopologySummary.Call.init),
            conflicts: analysis.buildSummary.conflicts)
    }
}
