public import CausewayCore
public import CausewayIngest
internal import Foundation

/// Builds the causal graph from an incident's templates and the declared topology.
///
/// Steps, each counted in ``CausalGraphBuilder/Summary`` for the analysis trail:
/// 1. Services: every emitter, every declared service, and every dependency a line names by technology
///    (`Redis CLUSTERDOWN`), resolved to a known service when one fits, else named `<technology>-<role>`.
/// 2. Roles: declared, else from the name, else from the vocabulary that named it, else the middle tier.
/// 3. Calls: declared edges, plus edges inferred from co-mentions (a line from A that names B: A calls B,
///    unless the roles put B above A).
/// 4. Events: every anomalous template (a signal, or WARN and above) with its subject.
/// 5. Edges: emits, mentions, calls, explains (``ExplanationModel``) and precedes.
public struct CausalGraphBuilder: Sendable {
    /// Counts of what the build found, for the analysis trail.
    public struct Summary: Hashable, Sendable {
        public var services = 0
        public var servicesFromVocabulary: [ServiceName] = []
        public var declaredCalls = 0
        public var inferredCalls = 0
        /// Call edges read off trace exports.
        public var tracedCalls = 0
        /// Where traces (or addresses in log lines) contradict the declared topology.
        public var conflicts: [TopologyConflict] = []
        public var events = 0
        public var templatesConsidered = 0
        public var edgesByKind: [CausalEdgeKind: Int] = [:]
        public var signalCounts: [SignalID: Int] = [:]
        /// Trouble templates at their usual rate, set aside as background (their ids).
        public var background: [String] = []
        /// Services whose ordinary traffic shifted or went quiet (derived events).
        public var shifts = 0
        /// Services whose spans got slower (derived events).
        public var latencies = 0
    }

    public var rulebook: SignalRulebook

    public init(rulebook: SignalRulebook) {
        self.rulebook = rulebook
    }

    /// Events closer than this many seconds at related services get a `precedes` edge.
    static let precedesWindow = 300.0
    /// At most this many `precedes` edges leave one event (to its nearest successors).
    static let precedesFanOut = 3
    /// `explains` edges weaker than this are dropped as noise.
    static let minimumExplainsWeight = 0.02

    public func build(
        log: IncidentLog, declared: Topology?, anomalies: AnomalyModel, shifts: [BehaviourShift] = [],
        latencies: [LatencyShift] = []
    ) -> (CausalGraph, Summary, ExplanationModel) {
        var summary = Summary()
        var causal = CausalGraph()
        let declaredTopology = declared ?? Topology()
        var topology = declaredTopology

        // 1-2. Services and roles: declared, emitters, and the services traces name.
        var roles: [ServiceName: ServiceRole] = [:]
        var roleSources: [ServiceName: ServiceNode.RoleSource] = [:]
        var emitters = Set<ServiceName>()
        for template in log.templates { emitters.insert(template.service) }
        var known = Set(declaredTopology.services).union(emitters)
        for call in log.tracedCalls {
            known.insert(call.caller)
            known.insert(call.callee)
        }
        func assignRole(_ service: ServiceName, hint: ServiceRole?, hintSource: ServiceNode.RoleSource) {
            if let role = declaredTopology.roles[service] {
                roles[service] = role
                roleSources[service] = .declared
            } else if let role = RoleInference.role(forName: service) {
                roles[service] = role
                roleSources[service] = .name
            } else if let hint {
                roles[service] = hint
                roleSources[service] = hintSource
            }
        }
        for service in known.sorted() {
            topology.addService(service)
            assignRole(service, hint: nil, hintSource: .unknown)
        }

        // Resolve every template's mentions to services: services named at an address or after a phrase of
        // calling join the map; technology words resolve to a known service or a `<technology>-<role>` one.
        var resolvedMentions: [[ResolvedMention]] = []
        var vocabularyServices = Set<ServiceName>()
        // Services each emitter reaches by address or phrase: a technology word in its lines most likely
        // stands for one of them (`redis: connection refused` beside `addr=sessions-redis:6379`).
        var reached: [ServiceName: Set<ServiceName>] = [:]
        for template in log.templates {
            var resolved: [ResolvedMention] = []
            for mention in template.mentions {
                switch mention.target {
                case .service(let name):
                    if !known.contains(name) {
                        known.insert(name)
                        topology.addService(name)
                        assignRole(name, hint: mention.roleHint, hintSource: .address)
                    } else if roles[name] == nil, let hint = mention.roleHint {
                        roles[name] = hint
                        roleSources[name] = .address
                    }
                    if mention.cue >= .phrase { reached[template.service, default: []].insert(name) }
                    resolved.append(ResolvedMention(service: name, evidence: mention.evidence, technology: nil, cue: mention.cue))
                case .caller(let name):
                    if !known.contains(name) {
                        known.insert(name)
                        topology.addService(name)
                        assignRole(name, hint: nil, hintSource: .unknown)
                    }
                    resolved.append(
                        ResolvedMention(service: name, evidence: mention.evidence, technology: nil, isCaller: true, cue: mention.cue))
                case .technology: break
                }
            }
            resolvedMentions.append(resolved)
        }
        for (index, template) in log.templates.enumerated() {
            for mention in template.mentions {
                guard case .technology(let word, let role, let generic) = mention.target else { continue }
                let emitterReached = (reached[template.service] ?? []).sorted()
                let matching = emitterReached.filter { Self.holds($0, word: word) }
                let sameRole = emitterReached.filter { roles[$0] == role }
                let name: ServiceName?
                if let first = matching.first {
                    name = first
                } else if sameRole.count == 1 {
                    name = sameRole[0]
                } else {
                    name = resolveTechnology(
                        word, role: role, generic: generic, emitter: template.service, known: known, topology: declaredTopology,
                        roles: roles)
                }
                guard let name else { continue }
                if !known.contains(name) {
                    known.insert(name)
                    vocabularyServices.insert(name)
                    topology.addService(name)
                    roles[name] = role
                    roleSources[name] = .vocabulary
                }
                if name != template.service, !resolvedMentions[index].contains(where: { $0.service == name && !$0.isCaller }) {
                    resolvedMentions[index].append(
                        ResolvedMention(service: name, evidence: mention.evidence, technology: word, cue: mention.cue))
                }
            }
        }
        for service in known where roles[service] == nil {
            roles[service] = .unknown
            roleSources[service] = .unknown
        }

        // 3. Calls: traced edges (facts, weighted by traffic), then edges inferred from what lines name.
        summary.declaredCalls = declaredTopology.calls.count
        for call in log.tracedCalls { topology.merge(call) }
        summary.tracedCalls = log.tracedCalls.count
        let inference = CallInference.infer(
            templates: log.templates, mentions: resolvedMentions, roles: roles, declared: declared)
        for call in inference.calls {
            if let existing = topology.call(from: call.caller, to: call.callee) {
                if existing.provenance != .inferred { topology.merge(call) }
                continue
            }
            // An edge the declaration or the traces already draw the other way wins.
            if topology.hasCall(from: call.callee, to: call.caller) { continue }
            topology.addCall(call)
        }
        summary.inferredCalls = topology.calls.filter { $0.provenance == .inferred }.count
        summary.conflicts = Topology.conflicts(declared: declaredTopology, observed: log.tracedCalls + inference.betweenDeclared)

        // Service nodes.
        for service in topology.services {
            let node = ServiceNode(
                name: service, role: roles[service] ?? .unknown, roleSource: roleSources[service] ?? .unknown,
                isInferredFromVocabulary: vocabularyServices.contains(service), emitsLogs: emitters.contains(service))
            causal.serviceIndex[service] = causal.graph.addNode(.service(node))
        }
        summary.services = topology.services.count
        summary.servicesFromVocabulary = vocabularyServices.sorted()

        // 4. Events.
        var eventMentions: [Int: Set<ServiceName>] = [:]
        for (index, template) in log.templates.enumerated() where template.isAnomalous {
            summary.templatesConsidered += 1
            let anomaly = anomalies.anomalies[template.id]
                ?? TemplateAnomaly(kind: .unmeasured, score: 1, onset: template.firstSeen, before: 0, during: template.count, expected: 0)
            // Trouble at its usual rate is background, not the incident.
            guard anomaly.score > 0 else {
                summary.background.append(template.id)
                continue
            }
            var signal = template.signals.first
            let named = resolvedMentions[index].filter { !$0.isCaller }.map(\.service)
            let callees = Set(topology.callees(of: template.service))
            // An error no rule classifies that names one of the emitter's dependencies is a failed call to it.
            if signal == nil, template.level >= .error, named.contains(where: callees.contains) {
                signal = ExplanationModel.observerSignal
            }
            let definition = signal.flatMap { rulebook.definition($0) }
            var subject = template.service
            if definition?.subject == .named, !named.isEmpty {
                subject = named.first(where: { callees.contains($0) }) ?? named[0]
            }
            let event = EventNode(
                template: template, subject: subject, signal: signal,
                rootLikelihood: ExplanationModel.rootLikelihood(signal: definition, level: template.level), anomaly: anomaly,
                evidence: Self.evidence(template, window: anomalies.window))
            let node = causal.graph.addNode(.event(event))
            causal.eventIndex[template.id] = node
            eventMentions[node] = Set(named)
            summary.events += 1
            for id in template.signals { summary.signalCounts[id, default: 0] += template.count }

            causal.graph.addEdge(
                from: causal.serviceIndex[template.service]!, to: node, weight: 1,
                label: CausalEdge(kind: .emits, reason: "\(template.count) line(s) from \(template.service)", evidence: Array(template.samples.prefix(1)), provenance: nil))
            for mention in resolvedMentions[index] {
                guard let target = causal.serviceIndex[mention.service] else { continue }
                causal.graph.addEdge(
                    from: node, to: target, weight: 1,
                    label: CausalEdge(
                        kind: .mentions, reason: "its lines name \(mention.technology ?? mention.service.rawValue)",
                        evidence: [mention.evidence], provenance: nil))
            }
        }

        // Services whose ordinary traffic changed: derived events, with the most changed template's lines
        // as evidence.
        for shift in shifts where shift.isSignificant {
            guard causal.serviceIndex[shift.service] != nil, let window = anomalies.window else { continue }
            let quiet = shift.wentQuiet
            let signal: SignalID = quiet ? "went_quiet" : "behaviour_shift"
            let text = quiet
                ? "went quiet: \(shift.linesBefore) lines before the incident, \(shift.linesDuring) during it (rate ×\(String(format: "%.2f", shift.volumeRatio)))"
                : "behaviour shift: its messages changed mix (divergence \(String(format: "%.3f", shift.divergence))); most changed: \(shift.mostChanged.message)"
            let template = LogTemplate(
                id: "\(shift.service)/\(signal)", service: shift.service, pattern: text, message: text, signals: [signal],
                level: .warning, count: shift.linesDuring, firstSeen: window.start, lastSeen: window.end,
                samples: shift.mostChanged.samples, mentions: [], timeline: TemplateTimeline())
            let definition = rulebook.definition(signal)
            let score = quiet ? 1 : min(1, shift.divergence / 0.1)
            let event = EventNode(
                template: template, subject: shift.service, signal: signal,
                rootLikelihood: definition?.rootLikelihood ?? 0.3,
                anomaly: TemplateAnomaly(
                    kind: quiet ? .falling : .rising, score: score, onset: window.start, before: shift.linesBefore,
                    during: shift.linesDuring, expected: 0),
                evidence: Self.evidence(shift.mostChanged, window: anomalies.window))
            let node = causal.graph.addNode(.event(event))
            causal.eventIndex[template.id] = node
            eventMentions[node] = []
            summary.events += 1
            summary.shifts += 1
            causal.graph.addEdge(
                from: causal.serviceIndex[shift.service]!, to: node, weight: 1,
                label: CausalEdge(kind: .emits, reason: text, evidence: Array(shift.mostChanged.samples.prefix(1))))
        }

        // Services whose spans got slower: derived events.
        for latency in latencies where latency.isSignificantRise {
            guard causal.serviceIndex[latency.service] != nil, let window = anomalies.window else { continue }
            let signal: SignalID = "latency_rise"
            let text = "spans took \(CausalGraph.duration(latency.medianDuring)) (median of \(latency.spansDuring)) in the incident against \(CausalGraph.duration(latency.medianBefore)) (median of \(latency.spansBefore)) before it"
            let sample = log.templates.filter { $0.service == latency.service }.max { $0.count < $1.count }
            let template = LogTemplate(
                id: "\(latency.service)/\(signal)", service: latency.service, pattern: text, message: text, signals: [signal],
                level: .warning, count: latency.spansDuring, firstSeen: window.start, lastSeen: window.end,
                samples: sample?.samples ?? [], mentions: [], timeline: TemplateTimeline())
            let event = EventNode(
                template: template, subject: latency.service, signal: signal,
                rootLikelihood: rulebook.definition(signal)?.rootLikelihood ?? 0.45,
                anomaly: TemplateAnomaly(
                    kind: .rising, score: min(1, Foundation.log(latency.ratio) / Foundation.log(10.0) + 0.2), onset: window.start,
                    before: latency.spansBefore, during: latency.spansDuring, expected: 0),
                evidence: sample.map { Self.evidence($0, window: anomalies.window) } ?? [])
            guard !event.evidence.isEmpty else { continue }
            let node = causal.graph.addNode(.event(event))
            causal.eventIndex[template.id] = node
            eventMentions[node] = []
            summary.events += 1
            summary.latencies += 1
            causal.graph.addEdge(
                from: causal.serviceIndex[latency.service]!, to: node, weight: 1,
                label: CausalEdge(kind: .emits, reason: text, evidence: Array(event.evidence.prefix(1))))
        }

        // Calls edges: declared ones weigh 1; traced ones by their share of the busiest edge's traffic;
        // inferred ones by their confidence.
        let busiest = topology.calls.compactMap { $0.traffic?.calls }.max() ?? 1
        for call in topology.calls {
            guard let source = causal.serviceIndex[call.caller], let target = causal.serviceIndex[call.callee] else { continue }
            let weight: Double
            switch call.provenance {
            case .declared: weight = 1
            case .traced:
                let calls = Double(call.traffic?.calls ?? 1)
                weight = 0.8 + 0.2 * Foundation.log(1 + calls) / Foundation.log(1 + Double(busiest))
            case .inferred: weight = 0.5 + 0.3 * call.confidence
            }
            causal.graph.addEdge(
                from: source, to: target, weight: weight,
                label: CausalEdge(
                    kind: .calls, reason: call.reason ?? "declared in the topology", evidence: [], provenance: call.provenance))
        }

        // 5. Explains and precedes.
        let model = ExplanationModel(
            rulebook: rulebook, topology: topology, roles: roles, hasDeclaredTopology: declared != nil && !(declared!.isEmpty))
        let events = causal.eventNodes
        for cause in events {
            for effect in events where cause != effect {
                let c = causal.event(cause)
                let e = causal.event(effect)
                guard let found = model.explains(c, e, effectMentions: eventMentions[effect] ?? []),
                    found.weight >= Self.minimumExplainsWeight
                else { continue }
                causal.graph.addEdge(
                    from: cause, to: effect, weight: found.weight,
                    label: CausalEdge(
                        kind: .explains, reason: found.reason, evidence: [c.evidence[0], e.evidence[0]],
                        causeLocus: found.locus))
            }
        }
        addPrecedes(&causal, events: events, model: model)

        causal.topology = topology
        for kind in CausalEdgeKind.allCases {
            summary.edgesByKind[kind] = causal.graph.edges.count(where: { $0.label.kind == kind })
        }
        return (causal, summary, model)
    }

    /// `a precedes b` for each event's nearest later events (within the window) at the same or a
    /// dependency-related service, beyond the clock tolerance.
    private func addPrecedes(_ causal: inout CausalGraph, events: [Int], model: ExplanationModel) {
        let timed = events.filter { causal.event($0).firstSeen != nil }
            .sorted { (causal.event($0).firstSeen!, $0) < (causal.event($1).firstSeen!, $1) }
        for (position, earlier) in timed.enumerated() {
            let a = causal.event(earlier)
            var added = 0
            for later in timed[(position + 1)...] {
                let b = causal.event(later)
                let gap = a.firstSeen!.seconds(until: b.firstSeen!)
                if gap > Self.precedesWindow || added == Self.precedesFanOut { break }
                let tolerance = a.emitter == b.emitter ? ExplanationModel.sameClockTolerance : ExplanationModel.crossClockTolerance
                guard gap > tolerance else { continue }
                let related = a.subject == b.subject || a.emitter == b.emitter
                    || model.dependencyHops[b.subject]?[a.subject] != nil || model.dependencyHops[b.emitter]?[a.emitter] != nil
                guard related else { continue }
                let formatted = gap < 10 ? String(Int((gap * 1000).rounded())) + " ms" : String(Int(gap.rounded())) + " s"
                causal.graph.addEdge(
                    from: earlier, to: later, weight: max(0.01, min(1, 1 - gap / Self.precedesWindow)),
                    label: CausalEdge(kind: .precedes, reason: "first seen \(formatted) earlier", evidence: [], provenance: nil))
                added += 1
            }
        }
    }

    /// A template's samples with those inside the incident window first (each group in time order).
    static func evidence(_ template: LogTemplate, window: IncidentWindow?) -> [EvidenceLine] {
        guard let window else { return template.samples }
        let inside = template.samples.filter { $0.timestamp.map { $0 >= window.start && $0 <= window.end } ?? false }
        return inside + template.samples.filter { !inside.contains($0) }
    }

    /// Maps a technology word to a service: a known service whose name holds the word (the emitter's
    /// callees first), else the emitter's one declared callee with that role, else `<word>-<role>` unless
    /// the word is generic.
    /// Whether a service's name holds `word` as one of its parts (`sessions-redis` holds `redis`).
    static func holds(_ name: ServiceName, word: String) -> Bool {
        name.rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).contains { $0 == word }
    }

    func resolveTechnology(
        _ word: String, role: ServiceRole, generic: Bool, emitter: ServiceName, known: Set<ServiceName>,
        topology: Topology, roles: [ServiceName: ServiceRole]
    ) -> ServiceName? {
        let callees = topology.callees(of: emitter)
        func holdsWord(_ name: ServiceName) -> Bool {
            name.rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).contains { $0 == word }
        }
        if let callee = callees.first(where: holdsWord) { return callee }
        let named = known.filter(holdsWord).sorted()
        if let first = named.first { return first }
        let sameRole = callees.filter { roles[$0] == role }
        if sameRole.count == 1 { return sameRole[0] }
        if generic { return nil }
        return ServiceName("\(word)-\(role.rawValue)")
    }
}

/// A mention resolved to a service.
struct ResolvedMention: Hashable, Sendable {
    var service: ServiceName
    var evidence: EvidenceLine
    /// The technology word, when the line named one rather than the service itself.
    var technology: String?
    /// The line names the service as its caller (`from`, `client`), not as a dependency.
    var isCaller = false
    /// How the line named it.
    var cue: MentionCue = .name
}
