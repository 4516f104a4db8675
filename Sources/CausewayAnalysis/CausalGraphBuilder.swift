public import CausewayCore
public import CausewayIngest
internal import Foundation

/// Builds the causal graph from an incident's templates and the declared topology.
///
/// Steps, each counted in ``CausalGraphBuilder/Summary`` for the analysis trail:
/// 1-3. Services, roles and calls: the ``TopologyAssembly`` of the declaration, the trace exports and what
///    the lines name (each inferred call with its confidence and evidence, each conflict with the
///    declaration listed).
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
        /// Anomalous templates beyond the ``CausalGraphBuilder/maximumEvents`` weightiest, left out of the graph.
        public var eventsLeftOut = 0
        public var edgesByKind: [CausalEdgeKind: Int] = [:]
        public var signalCounts: [SignalID: Int] = [:]
        /// Trouble templates at their usual rate, set aside as background (their ids).
        public var background: [String] = []
        /// Services whose ordinary traffic shifted or went quiet (derived events).
        public var shifts = 0
        /// Services that stopped a steady message while logging the rest (derived events).
        public var stoppedMessages = 0
        /// Services whose containers restarted in the incident (files of one container, one after another).
        public var restarts = 0
        /// Services whose spans got slower (derived events).
        public var latencies = 0
        /// Services the slowed hops between traced lines point at (derived events).
        public var slowHops = 0
        /// Services whose callers' traced calls stopped reaching their logs (derived events).
        public var unansweredCalls = 0
        /// Services whose requests' traced steps were cut short (derived events).
        public var cutShort = 0
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
    /// At most this many templates become events: every pair of events is weighed for `explains`, so the
    /// graph's cost grows with the square of their number. A log whose lines never repeat a shape (a JSON
    /// document in a message, say) can make tens of thousands of templates; the weightiest are kept.
    static let maximumEvents = 600
    /// Roles that serve statements their clients compose (a signal's `atServer` reading applies to them).
    static let serverRoles: Set<ServiceRole> = [.database, .cache, .queue]

    public func build(
        log: IncidentLog, declared: Topology?, anomalies: AnomalyModel, shifts: [BehaviourShift] = [],
        latencies: [LatencyShift] = []
    ) -> (CausalGraph, Summary, ExplanationModel) {
        var summary = Summary()
        var causal = CausalGraph()
        let declaredTopology = declared ?? Topology()

        // 1-3. Services, roles and calls: declared, traced and inferred, merged.
        let assembly = TopologyAssembly(log: log, declared: declared)
        let topology = assembly.topology
        let roles = assembly.roles
        let resolvedMentions = assembly.resolvedMentions
        summary.declaredCalls = declaredTopology.calls.count
        summary.tracedCalls = log.tracedCalls.count
        summary.inferredCalls = topology.calls.filter { $0.provenance == .inferred }.count
        summary.conflicts = assembly.conflicts

        // Service nodes.
        for service in topology.services {
            let node = ServiceNode(
                name: service, role: roles[service] ?? .unknown, roleSource: assembly.roleSources[service] ?? .unknown,
                isInferredFromVocabulary: assembly.vocabularyServices.contains(service), emitsLogs: assembly.emitters.contains(service))
            causal.serviceIndex[service] = causal.graph.addNode(.service(node))
        }
        summary.services = topology.services.count
        summary.servicesFromVocabulary = assembly.vocabularyServices.sorted()

        // 4. Events.
        var eventMentions: [Int: Set<ServiceName>] = [:]
        var candidates: [(index: Int, anomaly: TemplateAnomaly, weight: Double)] = []
        for (index, template) in log.templates.enumerated() where template.isAnomalous {
            summary.templatesConsidered += 1
            let anomaly = anomalies.anomalies[template.id]
                ?? TemplateAnomaly(kind: .unmeasured, score: 1, onset: template.firstSeen, before: 0, during: template.count, expected: 0)
            // Trouble at its usual rate is background, not the incident.
            guard anomaly.score > 0 else {
                summary.background.append(template.id)
                continue
            }
            candidates.append((index, anomaly, Self.eventWeight(template, anomaly: anomaly, rulebook: rulebook)))
        }
        if candidates.count > Self.maximumEvents {
            // Changes are kept whatever their weight: they are what failures so often follow.
            let kept = candidates.sorted { ($0.weight, log.templates[$1.index].id) > ($1.weight, log.templates[$0.index].id) }
                .prefix(Self.maximumEvents)
            let keptIndices = Set(kept.map(\.index))
            summary.eventsLeftOut = candidates.count - keptIndices.count
            candidates = candidates.filter { keptIndices.contains($0.index) }
        }
        for (index, anomaly, _) in candidates {
            let template = log.templates[index]
            var signal = template.signals.first
            let named = resolvedMentions[index].filter { !$0.isCaller }.map(\.service)
            let callees = Set(topology.callees(of: template.service))
            // An error no rule classifies that names one of the emitter's dependencies is a failed call to it;
            // a FATAL or CRITICAL line is the emitter giving up, whatever it names.
            if signal == nil, template.level == .error, named.contains(where: callees.contains) {
                signal = ExplanationModel.observerSignal
            }
            // A data store that refuses a client's statement is answering it: the line means what the signal's
            // server reading says.
            if let server = signal.flatMap({ rulebook.definition($0)?.atServer }), Self.serverRoles.contains(roles[template.service] ?? .unknown),
                rulebook.definition(server) != nil
            {
                signal = server
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

        /// Adds a derived event (a finding about a service's traffic, not one template's lines) and the
        /// edge from its service.
        func addDerivedEvent(_ event: EventNode, reason: String) {
            let node = causal.graph.addNode(.event(event))
            causal.eventIndex[event.template.id] = node
            eventMentions[node] = []
            summary.events += 1
            causal.graph.addEdge(
                from: causal.serviceIndex[event.subject]!, to: node, weight: 1,
                label: CausalEdge(kind: .emits, reason: reason, evidence: Array(event.evidence.prefix(1))))
        }

        causal.servingNormally = Set(shifts.filter(\.isServingNormally).map(\.service))

        // Services whose ordinary traffic changed: derived events, with the most changed template's lines
        // as evidence.
        // A stopped message is the more specific account of the same change of mix: it stands instead.
        for shift in shifts where shift.isSignificant && (shift.wentQuiet || shift.stopped == nil) {
            guard causal.serviceIndex[shift.service] != nil, let window = anomalies.window else { continue }
            let quiet = shift.wentQuiet
            let signal: SignalID = quiet ? .wentQuiet : .behaviourShift
            let text = quiet
                ? "went quiet: \(shift.linesBefore) lines before the incident, \(shift.linesDuring) during it (rate ×\(String(format: "%.2f", shift.volumeRatio)))"
                : "behaviour shift: its messages changed mix (divergence \(String(format: "%.3f", shift.divergence))); most changed: \(shift.mostChanged.message)"
            let template = LogTemplate(
                id: "\(shift.service)/\(signal)", service: shift.service, pattern: text, message: text, signals: [signal],
                level: .warning, count: shift.linesDuring, firstSeen: shift.onset, lastSeen: window.end,
                samples: shift.mostChanged.samples, mentions: [], timeline: TemplateTimeline())
            let definition = rulebook.definition(signal)
            let score = quiet ? 1 : min(1, shift.divergence / 0.1)
            let event = EventNode(
                template: template, subject: shift.service, signal: signal,
                rootLikelihood: definition?.rootLikelihood ?? 0.3,
                anomaly: TemplateAnomaly(
                    kind: quiet ? .falling : .rising, score: score, onset: shift.onset, before: shift.linesBefore,
                    during: shift.linesDuring, expected: 0),
                evidence: Self.evidence(shift.mostChanged, window: anomalies.window))
            addDerivedEvent(event, reason: text)
            summary.shifts += 1
        }

        // Messages that stopped while their services went on logging: derived events, citing the last
        // lines before the drop.
        for shift in shifts {
            guard let stopped = shift.stopped, causal.serviceIndex[shift.service] != nil, let window = anomalies.window
            else { continue }
            let signal = SignalID.stoppedMessage
            let text = "stopped logging a message it logged \(stopped.before) time(s) before \(stopped.onset.iso8601): \(stopped.after) line(s) since, where its earlier rate predicts \(Int(stopped.expected.rounded())), while the service went on logging; the message: \(stopped.template.message)"
            let lastLines = stopped.template.samples.filter { ($0.timestamp ?? stopped.onset) < stopped.onset }
            let evidence = Array(lastLines.suffix(2).reversed()) + stopped.template.samples.filter { !lastLines.contains($0) }
            guard !evidence.isEmpty else { continue }
            let template = LogTemplate(
                id: "\(shift.service)/\(signal)", service: shift.service, pattern: text, message: text, signals: [signal],
                level: .warning, count: stopped.before, firstSeen: stopped.onset, lastSeen: window.end,
                samples: evidence, mentions: [], timeline: TemplateTimeline())
            let event = EventNode(
                template: template, subject: shift.service, signal: signal,
                rootLikelihood: rulebook.definition(signal)?.rootLikelihood ?? 0.5,
                anomaly: TemplateAnomaly(
                    kind: .falling, score: stopped.score, onset: stopped.onset, before: stopped.before, during: stopped.after,
                    expected: stopped.expected),
                evidence: evidence)
            addDerivedEvent(event, reason: text)
            summary.stoppedMessages += 1
        }

        // Containers that restarted: a kubelet writes each run of a container to a new file, so files of one
        // container starting one after another in the incident are restarts, however little the process said
        // before it was killed (a liveness probe killing a hung process leaves no error). Derived events of the
        // crash signal, citing the last line of the run that ended and the first of the next.
        if let window = anomalies.window {
            let restarts = ContainerRestart.find(in: log.statistics.files, from: window.start.adding(seconds: -300), to: window.end)
            let texts = log.sourceLines.texts(at: restarts.values.flatMap { $0.prefix(2).flatMap { [$0.lastLine, $0.firstLine] } })
            for (service, pairs) in restarts.sorted(by: { $0.key < $1.key }) {
                guard causal.serviceIndex[service] != nil, let first = pairs.first else { continue }
                let signal = SignalID("crash")
                let containers = Set(pairs.map(\.container)).count
                let text = "restarted \(pairs.count) time(s) in the incident (\(containers) container(s); a new log file for each run), the first at \(first.at.iso8601)"
                let evidence = pairs.prefix(2).flatMap { restart in
                    [
                        texts[restart.lastLine].map { EvidenceLine(location: restart.lastLine, timestamp: restart.endedAt, level: .info, text: $0) },
                        texts[restart.firstLine].map { EvidenceLine(location: restart.firstLine, timestamp: restart.at, level: .info, text: $0) },
                    ].compactMap { $0 }
                }
                guard !evidence.isEmpty else { continue }
                let template = LogTemplate(
                    id: "\(service)/restarts", service: service, pattern: text, message: text, signals: [signal],
                    level: .error, count: pairs.count, firstSeen: first.at, lastSeen: pairs.last?.at,
                    samples: evidence, mentions: [], timeline: TemplateTimeline())
                let event = EventNode(
                    template: template, subject: service, signal: signal,
                    rootLikelihood: rulebook.definition(signal)?.rootLikelihood ?? 0.8,
                    anomaly: TemplateAnomaly(
                        kind: .rising, score: min(1, 0.5 + 0.1 * Double(pairs.count)), onset: first.at, before: 0,
                        during: pairs.count, expected: 0),
                    evidence: evidence)
                addDerivedEvent(event, reason: text)
                summary.restarts += 1
            }
        }

        // Services whose spans got slower: derived events.
        for latency in latencies where latency.isSignificantRise {
            guard causal.serviceIndex[latency.service] != nil, let window = anomalies.window else { continue }
            let signal = SignalID.latencyRise
            let text = "spans took \(CausalGraph.duration(latency.medianDuring)) (median of \(latency.spansDuring)) in the incident against \(CausalGraph.duration(latency.medianBefore)) (median of \(latency.spansBefore)) before it"
            let sample = log.templates.filter { $0.service == latency.service }.max { $0.count < $1.count }
            let template = LogTemplate(
                id: "\(latency.service)/\(signal)", service: latency.service, pattern: text, message: text, signals: [signal],
                level: .warning, count: latency.spansDuring, firstSeen: latency.onset ?? window.start, lastSeen: window.end,
                samples: sample?.samples ?? [], mentions: [], timeline: TemplateTimeline())
            let event = EventNode(
                template: template, subject: latency.service, signal: signal,
                rootLikelihood: rulebook.definition(signal)?.rootLikelihood ?? 0.45,
                anomaly: TemplateAnomaly(
                    kind: .rising, score: min(1, Foundation.log(latency.ratio) / Foundation.log(10.0) + 0.2),
                    onset: latency.onset ?? window.start,
                    before: latency.spansBefore, during: latency.spansDuring, expected: 0),
                evidence: sample.map { Self.evidence($0, window: anomalies.window) } ?? [])
            guard !event.evidence.isEmpty else { continue }
            addDerivedEvent(event, reason: text)
            summary.latencies += 1
        }

        // Services the slowed hops point at: derived events, citing the two lines of a typical slow hop.
        let hopShifts = HopShift.measure(log.tracedLines, topology: topology, window: anomalies.window)
        let suspects = HopShift.suspects(hopShifts)
        let hopTexts = log.sourceLines.texts(at: suspects.flatMap { suspect in
            suspect.hops.prefix(1).flatMap { [$0.exampleFrom.location, $0.exampleTo.location] }
        })
        for suspect in suspects {
            guard causal.serviceIndex[suspect.service] != nil, let window = anomalies.window, let top = suspect.hops.first
            else { continue }
            let signal = SignalID.slowHops
            let edges = suspect.hops.map { "\($0.caller) → \($0.callee)" }
            var unique: [String] = []
            for edge in edges where !unique.contains(edge) { unique.append(edge) }
            let hop = top.direction == .request
                ? "calls from \(top.caller) reached \(top.callee)" : "answers from \(top.callee) reached \(top.caller)"
            var text = "\(hop) after \(CausalGraph.duration(top.medianDuring)) (median of \(top.hopsDuring)) from \(top.onset.iso8601) on, against \(CausalGraph.duration(top.medianBefore)) (median of \(top.hopsBefore)) before"
            if unique.count > 1 { text += "; slower too: \(unique.dropFirst().prefix(4).joined(separator: ", "))" }
            let evidence = [top.exampleFrom, top.exampleTo].evidence(texts: hopTexts)
            let sample = log.templates.filter { $0.service == suspect.service }.max { $0.count < $1.count }
            let fallback = sample.map { Self.evidence($0, window: anomalies.window) } ?? []
            let template = LogTemplate(
                id: "\(suspect.service)/\(signal)", service: suspect.service, pattern: text, message: text, signals: [signal],
                level: .warning, count: suspect.hops.reduce(0) { $0 + $1.hopsDuring },
                firstSeen: suspect.hops.map(\.onset).min() ?? window.start, lastSeen: window.end,
                samples: evidence.isEmpty ? (sample?.samples ?? []) : evidence, mentions: [], timeline: TemplateTimeline())
            let event = EventNode(
                template: template, subject: suspect.service, signal: signal,
                rootLikelihood: rulebook.definition(signal)?.rootLikelihood ?? 0.6,
                anomaly: TemplateAnomaly(
                    kind: .rising, score: min(1, Foundation.log(top.ratio) / Foundation.log(10.0) + 0.2),
                    onset: suspect.hops.map(\.onset).min(), before: top.hopsBefore, during: top.hopsDuring, expected: 0),
                evidence: evidence.isEmpty ? fallback : evidence)
            guard !event.evidence.isEmpty else { continue }
            addDerivedEvent(event, reason: text)
            summary.slowHops += 1
        }

        // Lines that always came next in a request and stopped coming: a callee no longer reached (about the
        // callee) or a step of a service's own cut short (about the service). Derived events, citing a line
        // still followed before the change and one no longer followed after it.
        let lost = LostSuccessor.suspects(LostSuccessor.measure(log.tracedLines, topology: topology, window: anomalies.window))
        let lostTexts = log.sourceLines.texts(at: lost.flatMap { suspect in
            suspect.findings.prefix(1).flatMap { [$0.unfollowedLine.location, $0.nextLine.location, $0.followedLine.location, $0.successorLine.location] }
        })
        func pattern(_ id: String?) -> String {
            // The masked pattern names a line without one request's ids.
            guard let id else { return "" }
            let text = log.templates.first { $0.id == id }?.pattern ?? id
            return text.count > 160 ? String(text.prefix(160)) + "…" : text
        }
        for suspect in lost {
            guard causal.serviceIndex[suspect.service] != nil, let window = anomalies.window, let top = suspect.findings.first
            else { continue }
            let signal: SignalID = suspect.kind == .call ? .unansweredCalls : .cutShort
            let counts = "in \(top.followedBefore) of \(top.linesBefore) traces before \(top.onset.iso8601), in \(top.followedDuring) of \(top.linesDuring) since"
            var text: String
            switch suspect.kind {
            case .call:
                text = "calls from \(top.service) stopped reaching its logs: \(top.service)'s line \"\(pattern(top.site))\" was followed by a line of \(suspect.service) \(counts), with no complaint from \(top.service)"
                let others = Set(suspect.findings.dropFirst().map(\.service)).subtracting([top.service]).sorted()
                if !others.isEmpty { text += "; from \(others.prefix(4).map(\.rawValue).joined(separator: ", ")) too" }
            case .step:
                text = "its requests were cut short: its line \"\(pattern(top.site))\" was followed by its line \"\(pattern(top.successorStep))\" \(counts), with no warning or error in between"
                if suspect.findings.count > 1 { text += "; \(suspect.findings.count - 1) more of its steps too" }
            }
            var evidence = [top.unfollowedLine, top.nextLine, top.followedLine, top.successorLine].evidence(texts: lostTexts)
            if evidence.isEmpty, let site = log.templates.first(where: { $0.id == top.site }) {
                // Input that cannot be read again (stdin): the site's own samples, the unfollowed ones first.
                let unfollowed = site.samples.filter { ($0.timestamp ?? window.start) >= top.onset }
                evidence = unfollowed + site.samples.filter { !unfollowed.contains($0) }
            }
            guard !evidence.isEmpty else { continue }
            let template = LogTemplate(
                id: "\(suspect.service)/\(signal)", service: suspect.service, pattern: text, message: text, signals: [signal],
                level: .error, count: suspect.findings.reduce(0) { $0 + $1.linesDuring - $1.followedDuring },
                firstSeen: suspect.findings.map(\.onset).min() ?? window.start, lastSeen: window.end,
                samples: evidence, mentions: [], timeline: TemplateTimeline())
            let event = EventNode(
                template: template, subject: suspect.service, signal: signal,
                rootLikelihood: rulebook.definition(signal)?.rootLikelihood ?? 0.6,
                anomaly: TemplateAnomaly(
                    kind: .falling, score: min(1, top.likelihoodRatio / (2 * LostSuccessor.minimumLikelihoodRatio)),
                    onset: suspect.findings.map(\.onset).min(), before: top.followedBefore, during: top.followedDuring,
                    expected: Double(top.linesDuring) * top.shareBefore),
                evidence: evidence)
            addDerivedEvent(event, reason: text)
            switch suspect.kind {
            case .call: summary.unansweredCalls += 1
            case .step: summary.cutShort += 1
            }
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
        var model = ExplanationModel(
            rulebook: rulebook, topology: topology, roles: roles, hasDeclaredTopology: declared != nil && !(declared!.isEmpty))
        let events = causal.eventNodes
        model.troubled = Set(
            events.flatMap { node in causal.impacts(of: causal.event(node), rulebook: rulebook).filter { $0.1 >= .degraded }.map(\.0) })
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

    /// How much a template weighs when only the weightiest can become events: changes first, then by level,
    /// root likelihood, lines (on a log scale) and how anomalous it is.
    static func eventWeight(_ template: LogTemplate, anomaly: TemplateAnomaly, rulebook: SignalRulebook) -> Double {
        let definition = template.signals.first.flatMap { rulebook.definition($0) }
        if definition?.change == true { return .infinity }
        let level = template.level >= .critical ? 3.0 : template.level >= .error ? 2.0 : template.level >= .warning ? 1.0 : 0.5
        let likelihood = ExplanationModel.rootLikelihood(signal: definition, level: template.level)
        return level * (1 + 2 * likelihood) * (1 + log2(Double(max(1, template.count)))) * max(0.05, anomaly.score)
    }

    /// A template's samples with those inside the incident window first (each group in time order).
    static func evidence(_ template: LogTemplate, window: IncidentWindow?) -> [EvidenceLine] {
        guard let window else { return template.samples }
        let inside = template.samples.filter { $0.timestamp.map { $0 >= window.start && $0 <= window.end } ?? false }
        return inside + template.samples.filter { !inside.contains($0) }
    }
}

/// One restart of a container, read off a kubelet's files: the run that ended and the next one's start.
struct ContainerRestart: Hashable, Sendable {
    /// The container's key (``LogIngestor/containerRun(ofPath:)``).
    var container: String
    /// When the next run's first record was written, and the last record of the run before.
    var at: Timestamp
    var endedAt: Timestamp?
    /// The last line of the run that ended and the first of the next.
    var lastLine: SourceLocation
    var firstLine: SourceLocation

    /// The restarts between `start` and `end`, by the service whose container restarted, each in time order.
    static func find(in files: [IngestStatistics.FileSummary], from start: Timestamp, to end: Timestamp) -> [ServiceName: [ContainerRestart]] {
        var runs: [String: [(file: IngestStatistics.FileSummary, at: Timestamp, service: ServiceName)]] = [:]
        for file in files {
            guard let at = file.firstSeen, let service = file.service, let key = LogIngestor.containerRun(ofPath: file.path) else { continue }
            runs[key, default: []].append((file, at, service))
        }
        var restarts: [ServiceName: [ContainerRestart]] = [:]
        for (key, files) in runs {
            let ordered = files.sorted { ($0.at, $0.file.path) < ($1.at, $1.file.path) }
            for (ended, started) in zip(ordered, ordered.dropFirst()) where started.at >= start && started.at <= end {
                restarts[started.service, default: []].append(
                    ContainerRestart(
                        container: key, at: started.at, endedAt: ended.file.lastSeen,
                        lastLine: SourceLocation(file: ended.file.path, line: ended.file.lines),
                        firstLine: SourceLocation(file: started.file.path, line: 1)))
            }
        }
        return restarts.mapValues { $0.sorted { ($0.at, $0.firstLine.file) < ($1.at, $1.firstLine.file) } }
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
