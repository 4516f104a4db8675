public import CausewayCore
internal import CausewayGraph
public import CausewayIngest
internal import Foundation

/// Ranking candidate root causes by a random walk with restart over the reversed `explains` edges
/// (MonitorRank, Kim et al. 2013; MicroRCA, Wu et al. 2020), with the signal table's root likelihood as
/// each event's weight for staying put (for a report about another service, at least the share its causes
/// leave unexplained).
extension CausalGraph {
    /// The outcome of ranking: hypotheses best first, and the walk's figures for the trail.
    public struct Ranking: Sendable {
        public var hypotheses: [Hypothesis]
        /// The walk's stationary mass per event node.
        public var eventMass: [Int: Double]
        public var iterations: Int
        /// Share of confidence held back for a cause the logs do not show.
        public var heldBack: Double
    }

    /// Confidence kept back from every ranking: the logs never rule out a cause they do not show.
    static let heldBackConfidence = 0.05

    /// A derived event restarts walks like a template of this many lines.
    static let derivedEventLines = 8

    /// Restart weight of an event: louder and more frequent trouble starts more walks.
    static func restartWeight(_ event: EventNode, derived: Bool) -> Double {
        let level: Double
        switch event.template.level {
        case .emergency, .critical: level = 3
        case .error: level = 2
        case .warning: level = event.signal == nil ? 0.5 : 1
        default: level = 0.5
        }
        var lines = event.anomaly.kind == .rising ? max(1, event.anomaly.during) : max(1, event.template.count)
        // A derived event (a shift, a slowdown) is one finding however many lines it read.
        if derived { lines = derivedEventLines }
        return level * (1 + log2(Double(lines))) * max(0.05, event.anomaly.score)
    }

    /// How much a doubtful witness's word about a dependency no one else blames still counts.
    static let doubtfulWitnessFactor = 0.1

    /// A service reporting on a dependency.
    struct Witness: Hashable {
        var emitter: ServiceName
        var subject: ServiceName
    }

    /// Reports that the caller could not reach or use its dependency at all (no address, no route, no
    /// connection, no instance, a failed call), as opposed to answers the dependency gave (a 5xx, a
    /// timeout, an expired certificate): only these can be the caller's own trouble while the dependency
    /// serves everyone else.
    static let reachFailures: Set<SignalID> = ["dns_failure", .networkUnreachable, "conn_refused", "conn_reset", "dependency_error"]

    /// Why a witness's report says more about its emitter than about the dependency it names.
    enum WitnessDoubt: Hashable {
        /// The emitter is cut off (it went quiet, or its callers cannot reach it): a service isolated from
        /// the network fails every call it makes, so its dependencies look down to it alone.
        case cutOff
        /// The dependency's own lines contradict the report: nothing anomalous of its own, and it kept
        /// serving its usual traffic at its usual mix and rate, while the caller only says it could not
        /// reach it (``reachFailures``). The trouble is likelier on the caller's side of the call: its
        /// client, its service discovery, its network.
        case contradicted
        /// The emitter changed (a deploy, a configuration change) shortly before it began to say it could not
        /// reach the dependency (``reachFailures``), and the dependency shows nothing of its own: a changed
        /// client that now calls a wrong address, port or credential fails its calls to a healthy service.
        case changedFirst
    }

    /// How long before a witness's first complaint its own change may come and still account for it.
    static let changeLead = 600.0

    /// The share of its weight a witness's report passes on: ``doubtfulWitnessFactor`` when it is doubtful.
    static func reliability(of witness: Witness, _ unreliable: [Witness: WitnessDoubt]) -> Double {
        unreliable[witness] == nil ? 1 : doubtfulWitnessFactor
    }

    /// Reports that say more about their emitter than about the dependency they name. Only a dependency
    /// no other service blames is concerned: a dependency that is really down is blamed by its other
    /// callers too. Such a report passes ``doubtfulWitnessFactor`` of its weight to the dependency and
    /// keeps its walks at the emitter.
    func unreliableWitnesses(rulebook: SignalRulebook) -> [Witness: WitnessDoubt] {
        var cutOff = Set<ServiceName>()
        var witnesses: [ServiceName: Set<ServiceName>] = [:]
        var troubled = Set<ServiceName>()
        var answered = Set<Witness>()
        var changed: [ServiceName: Timestamp] = [:]
        var firstComplaint: [Witness: Timestamp] = [:]
        for node in eventNodes {
            let e = event(node)
            if e.signal == .wentQuiet { cutOff.insert(e.subject) }
            if let signal = e.signal, rulebook.definition(signal)?.change == true, e.subject == e.emitter, let time = e.template.firstSeen {
                changed[e.emitter] = min(changed[e.emitter] ?? time, time)
            }
            if e.subject != e.emitter {
                witnesses[e.subject, default: []].insert(e.emitter)
                if let time = e.firstSeen {
                    let witness = Witness(emitter: e.emitter, subject: e.subject)
                    firstComplaint[witness] = min(firstComplaint[witness] ?? time, time)
                }
                if e.signal == .networkUnreachable { cutOff.insert(e.subject) }
                if !Self.reachFailures.contains(e.signal ?? "") { answered.insert(Witness(emitter: e.emitter, subject: e.subject)) }
            } else if e.anomaly.score > 0 {
                troubled.insert(e.subject)
            }
        }
        var result: [Witness: WitnessDoubt] = [:]
        for (subject, emitters) in witnesses where emitters.count == 1 {
            let emitter = emitters.first!
            if cutOff.contains(emitter) {
                result[Witness(emitter: emitter, subject: subject)] = .cutOff
            } else if servingNormally.contains(subject), !troubled.contains(subject),
                !answered.contains(Witness(emitter: emitter, subject: subject))
            {
                result[Witness(emitter: emitter, subject: subject)] = .contradicted
            } else if let change = changed[emitter], let complaint = firstComplaint[Witness(emitter: emitter, subject: subject)],
                change <= complaint, change.seconds(until: complaint) <= Self.changeLead, !troubled.contains(subject),
                !answered.contains(Witness(emitter: emitter, subject: subject))
            {
                result[Witness(emitter: emitter, subject: subject)] = .changedFirst
            }
        }
        return result
    }

    /// Ranks every service the events point at.
    /// - Complexity: O(k · (V + E)) for the walk over event nodes, plus O(V · E) to assemble reasons.
    public func rankHypotheses(rulebook: SignalRulebook, health: [ServiceName: ServiceHealth]) -> Ranking {
        let events = eventNodes
        guard !events.isEmpty else { return Ranking(hypotheses: [], eventMass: [:], iterations: 0, heldBack: 1) }

        // Walk nodes: each event at its subject, and, when it reports on another service, a second node at
        // its failing emitter. The report's line restarts walks at the emitter; the subject node is reached
        // through the edge that says "the emitter fails because the subject does".
        var walk = Digraph<(event: Int, locus: ServiceName), Void>()
        var atSubject: [Int: Int] = [:]
        var atObserver: [Int: Int] = [:]
        var stay: [Double] = []
        var restart: [Double] = []
        let observerDefinition = rulebook.definition(ExplanationModel.observerSignal)
        let unreliable = unreliableWitnesses(rulebook: rulebook)
        for node in events {
            let e = event(node)
            atSubject[node] = walk.addNode((node, e.subject))
            stay.append(e.rootLikelihood)
            let observerHealth = e.signal.flatMap { rulebook.definition($0)?.observerHealth } ?? .degraded
            if e.subject != e.emitter, observerHealth >= .degraded {
                atObserver[node] = walk.addNode((node, e.emitter))
                // A doubtful report keeps its walks at its emitter.
                let reliability = Self.reliability(of: Witness(emitter: e.emitter, subject: e.subject), unreliable)
                stay.append(min(1, ExplanationModel.observerRootLikelihood / reliability))
                restart.append(0)
                restart.append(Self.restartWeight(e, derived: e.signal.flatMap { rulebook.definition($0)?.derived } == true))
                let definition = e.signal.flatMap { rulebook.definition($0) }
                let strength = (definition?.strength(explaining: observerDefinition?.id) ?? ExplanationModel.unclassifiedStrength) * reliability
                walk.addEdge(from: atObserver[node]!, to: atSubject[node]!, weight: strength, label: ())
            } else {
                restart.append(Self.restartWeight(e, derived: e.signal.flatMap { rulebook.definition($0)?.derived } == true))
            }
        }
        for edge in graph.edges where edge.label.kind == .explains {
            let cause = event(edge.source)
            let atCauseSubject = edge.label.causeLocus == cause.subject || atObserver[edge.source] == nil
            let causeNode = atCauseSubject ? atSubject[edge.source]! : atObserver[edge.source]!
            // What only a doubtful witness says about a dependency explains little.
            let reliability = atCauseSubject ? Self.reliability(of: Witness(emitter: cause.emitter, subject: cause.subject), unreliable) : 1
            walk.addEdge(from: atSubject[edge.target]!, to: causeNode, weight: edge.weight * reliability, label: ())
        }
        // A report puts the blame on the service it names; the causes in sight below that service take it
        // only as far as their weights go. The chance that none of them is the cause (noisy-OR: the product
        // of 1 − weight) stays at the named service: a service its callers say refuses connections keeps
        // the blame when the only other cause in sight is a mild shift in its callee's mix, where
        // normalising the weights alone would pass all that does not stay to that one weak cause. A
        // service's own unclassified trouble names no one, and moves on as before.
        for (eventNode, node) in atSubject where event(eventNode).subject != event(eventNode).emitter {
            let unexplained = walk.outgoing[node].reduce(1.0) { $0 * (1 - min(1, walk.edges[$1].weight)) }
            stay[node] = max(stay[node], unexplained)
        }
        let (mass, iterations) = walk.randomWalkWithRestart(restart: restart, stay: stay)
        var eventMass: [Int: Double] = [:]
        var blame: [ServiceName: Double] = [:]
        // The mass each event holds at each service: a hypothesis is told by the event that holds most of its
        // blame there.
        var massAt: [ServiceName: [Int: Double]] = [:]
        for (index, node) in walk.nodes.enumerated() {
            eventMass[node.event, default: 0] += mass[index]
            blame[node.locus, default: 0] += mass[index]
            massAt[node.locus, default: [:]][node.event, default: 0] += mass[index]
        }

        // Candidates: every service an event is about or comes from.
        for node in events where blame[event(node).emitter] == nil {
            blame[event(node).emitter] = 0
        }
        let total = blame.values.reduce(0, +)
        let ordered = blame.sorted { ($1.value, $0.key) < ($0.value, $1.key) }

        var hypotheses: [Hypothesis] = []
        for (rank, entry) in ordered.enumerated() {
            let service = entry.key
            var own = events.filter { event($0).subject == service }
            if own.isEmpty { own = events.filter { event($0).emitter == service } }
            // The event holding most of the service's blame (to a thousandth of the whole), then the most
            // root-like, then the earliest.
            let held = massAt[service] ?? [:]
            let representative = own.max { a, b in
                let ea = event(a)
                let eb = event(b)
                let ma = ((held[a] ?? 0) / max(total, 1e-12) * 1000).rounded()
                let mb = ((held[b] ?? 0) / max(total, 1e-12) * 1000).rounded()
                let ka = (ma, ea.rootLikelihood, -(ea.firstSeen?.nanoseconds ?? Int64.max))
                let kb = (mb, eb.rootLikelihood, -(eb.firstSeen?.nanoseconds ?? Int64.max))
                return ka < kb || (ka == kb && ea.id > eb.id)
            }
            let raw = total > 0 ? entry.value / total * (1 - Self.heldBackConfidence) : 0
            // Two decimals, rounded down: every rendering shows the same figures, and they sum to at most 1.
            let confidence = (raw * 100 + 1e-9).rounded(.down) / 100
            let firstSeen = own.compactMap { event($0).firstSeen }.min()
                ?? events.filter { event($0).emitter == service }.compactMap { event($0).firstSeen }.min()
            hypotheses.append(
                Hypothesis(
                    rank: rank + 1, service: service, role: self.service(service)?.role ?? .unknown,
                    signal: representative.flatMap { event($0).signal }, event: representative, confidence: confidence,
                    firstSeen: firstSeen,
                    evidence: representative.map { Array(event($0).evidence.prefix(2)) } ?? [],
                    reasonsFor: [], reasonsAgainst: [], explains: [], leavesUnexplained: []))
        }
        for index in hypotheses.indices {
            annotate(&hypotheses[index], among: hypotheses, rulebook: rulebook, health: health, unreliable: unreliable)
        }
        return Ranking(hypotheses: hypotheses, eventMass: eventMass, iterations: iterations, heldBack: Self.heldBackConfidence)
    }

    /// Fills what speaks for and against a hypothesis, and what it explains, from the graph.
    func annotate(_ hypothesis: inout Hypothesis, among all: [Hypothesis], rulebook: SignalRulebook,
                  health: [ServiceName: ServiceHealth], unreliable: [Witness: WitnessDoubt]) {
        let service = hypothesis.service
        let own = eventNodes.filter { event($0).subject == service }
        var reasonsFor: [Finding] = []
        var reasonsAgainst: [Finding] = []

        // Its own symptoms, and who reports them.
        let selfReported = own.filter { event($0).emitter == service }
        let reportedByOthers = own.filter { event($0).emitter != service }
        for node in selfReported.prefix(2) {
            let e = event(node)
            reasonsFor.append(Finding("its own lines report \(describe(e, rulebook: rulebook))", evidence: [e.evidence[0]]))
        }
        if !reportedByOthers.isEmpty {
            let reporters = Set(reportedByOthers.map { event($0).emitter }).sorted().map(\.rawValue)
            let lines = reportedByOthers.reduce(0) { $0 + event($1).template.count }
            let strongest = reportedByOthers.max { event($0).rootLikelihood < event($1).rootLikelihood }!
            reasonsFor.append(
                Finding(
                    "named as failing in \(lines) line(s) from \(reporters.joined(separator: ", ")): \(describe(event(strongest), rulebook: rulebook))",
                    evidence: reportedByOthers.prefix(3).map { event($0).evidence[0] }))
        }
        if selfReported.isEmpty && reportedByOthers.isEmpty {
            reasonsAgainst.append(Finding("no line is about its own failure: it only reports trouble elsewhere"))
        } else if selfReported.isEmpty, !(self.service(service)?.emitsLogs ?? false) {
            reasonsAgainst.append(Finding("it logs nothing itself: only other services' lines point at it"))
        }
        if let (witness, doubt) = unreliable.first(where: { $0.key.subject == service }) {
            let text = switch doubt {
            case .cutOff:
                "only \(witness.emitter) blames it, and \(witness.emitter) is itself cut off (it went quiet, or its callers cannot reach it): its calls fail whatever their target"
            case .contradicted:
                "only \(witness.emitter) blames it, while its own lines show nothing wrong: it kept serving its usual traffic through the window, so the fault is likelier on \(witness.emitter)'s side of the call (its client, service discovery or network)"
            case .changedFirst:
                "only \(witness.emitter) blames it, and only that it could not be reached, right after \(witness.emitter) itself changed (a deploy or a configuration change), while its own lines show nothing wrong: the change likelier points \(witness.emitter) at a wrong address, port or credential"
            }
            reasonsAgainst.append(Finding(text, evidence: reportedByOthers.prefix(1).map { event($0).evidence[0] }))
        }

        // What it explains.
        var explained = Set<ServiceName>()
        var strongest: (Double, Digraph<CausalNode, CausalEdge>.Edge)?
        var frontier = own
        var visited = Set(own)
        while let node = frontier.popLast() {
            for edgeIndex in graph.outgoing[node] where graph.edges[edgeIndex].label.kind == .explains {
                let edge = graph.edges[edgeIndex]
                guard edge.weight >= 0.1 else { continue }
                let target = event(edge.target)
                for (touched, value) in impacts(of: target, rulebook: rulebook) where touched != service && value >= .degraded {
                    explained.insert(touched)
                }
                if own.contains(node), strongest == nil || edge.weight > strongest!.0 { strongest = (edge.weight, edge) }
                if visited.insert(edge.target).inserted { frontier.append(edge.target) }
            }
        }
        let affected = Set(health.filter { $0.value >= .degraded }.keys)
        hypothesis.explains = explained.intersection(affected).sorted()
        hypothesis.leavesUnexplained = affected.subtracting(explained).subtracting([service]).sorted()
        if let (weight, edge) = strongest, !hypothesis.explains.isEmpty {
            reasonsFor.append(
                Finding(
                    "explains trouble at \(hypothesis.explains.map(\.rawValue).joined(separator: ", ")); strongest link: \(edge.label.reason) (weight \(Self.format(weight)))",
                    evidence: edge.label.evidence))
        }

        // What explains it.
        var cause: (Double, Digraph<CausalNode, CausalEdge>.Edge)?
        for node in own {
            for edgeIndex in graph.incoming[node] where graph.edges[edgeIndex].label.kind == .explains {
                let edge = graph.edges[edgeIndex]
                let source = event(edge.source)
                guard source.subject != service else { continue }
                if cause == nil || edge.weight > cause!.0 { cause = (edge.weight, edge) }
            }
        }
        if let (weight, edge) = cause, weight >= 0.05 {
            let source = event(edge.source)
            reasonsAgainst.append(
                Finding(
                    "its trouble could itself come from \(source.subject): \(edge.label.reason) (weight \(Self.format(weight)))",
                    evidence: [source.evidence[0]]))
        }

        // Timing against the other candidates.
        if let first = hypothesis.firstSeen {
            let others = all.filter { $0.service != service }.compactMap { h in h.firstSeen.map { (h.service, $0) } }
            if let earlier = others.filter({ $0.1.seconds(until: first) > ExplanationModel.crossClockTolerance }).min(by: { $0.1 < $1.1 }) {
                reasonsAgainst.append(
                    Finding("its first anomaly came \(Self.duration(earlier.1.seconds(until: first))) after \(earlier.0)'s"))
            } else if !others.isEmpty,
                others.allSatisfy({ first.seconds(until: $0.1) > ExplanationModel.crossClockTolerance })
            {
                let next = others.map { first.seconds(until: $0.1) }.min()!
                reasonsFor.append(Finding("its first anomaly is the incident's first, \(Self.duration(next)) before any other service's"))
            } else if others.allSatisfy({ abs(first.seconds(until: $0.1)) <= ExplanationModel.crossClockTolerance }), !others.isEmpty {
                reasonsAgainst.append(Finding("timing cannot order it: the other candidates' first lines fall within the 2 s clock tolerance of its own"))
            }
        }

        // Signal semantics.
        if let best = own.map({ event($0).rootLikelihood }).max(), best < 0.3, let signal = hypothesis.signal,
            let definition = rulebook.definition(signal)
        {
            reasonsAgainst.append(
                Finding("its strongest signal, \(definition.title.lowercased()), is a symptom that usually arrives from a dependency rather than starting here"))
        }
        let tier = self.service(service)?.role.tier ?? 2
        let otherTiers = affected.subtracting([service]).compactMap { self.service($0)?.role.tier }
        if !otherTiers.isEmpty, otherTiers.allSatisfy({ $0 < tier }) {
            reasonsFor.append(Finding("it sits below every other affected service in the dependency direction"))
        }
        hypothesis.reasonsFor = reasonsFor
        hypothesis.reasonsAgainst = reasonsAgainst
    }

    func describe(_ event: EventNode, rulebook: SignalRulebook) -> String {
        let title = event.signal.flatMap { rulebook.definition($0)?.title.lowercased() } ?? "\(event.template.level.name) lines"
        let count = event.template.count == 1 ? "" : " (\(event.template.count) lines)"
        return "\(title)\(count)"
    }

    static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// `350 ms`, `4.2 s`, `3 min 5 s`.
    public static func duration(_ seconds: Double) -> String {
        let s = abs(seconds)
        if s < 1 { return "\(Int((s * 1000).rounded())) ms" }
        if s < 60 { return String(format: "%.1f s", s) }
        let whole = Int(s.rounded())
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \((whole % 3600) / 60) min"
    }
}
