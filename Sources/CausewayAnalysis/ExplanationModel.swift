public import CausewayCore
public import CausewayIngest
internal import Foundation

/// How strongly one event explains another: the `explains` weight.
///
/// An event *c* explains an event *e* when the failure *c* is about could produce what *e* reports. Four
/// independent pieces of evidence are multiplied:
///
/// - **Link** (is there a way for *c* to reach *e*?): 1 when *c* is about the very service *e* is about and
///   *c* is the more root-like of the two (an OOM kill at payments-worker explains "circuit open for
///   payments-worker"); when *e*'s service depends on *c*'s, 1 for a direct call and ×0.6 per extra hop;
///   0.7 when *e*'s lines name *c*'s service without a known call; 0.25 when no topology was given and only
///   the roles put *c*'s service below *e*'s (gateway → api → worker → queue → cache/database), unless the
///   calls the logs and traces show never touch *c*'s service; for what a caller does to its dependencies
///   (a signal marked `reachesDependencies`, such as a cache emptied at once), the same hops down the calls;
///   else 0.
/// - **Semantics**: the signal table's `explains` strength of *c*'s signal for *e*'s (an OOM kill explains
///   "connection refused" at 0.9); 0.4 when *c* is an error no rule classifies, 0.15 for such a warning.
/// - **Openness of the effect**: a symptom that is usually where failures *start* (rootLikelihood near 1, such
///   as an OOM kill) is hard to explain from another service: ×(1 − rootLikelihood(e)) across services.
/// - **State**: ×0.8 when the cause leaves its service degraded rather than down (a service that is down
///   explains its callers' failures more fully).
/// - **Timing**: 1 when *c* was first seen before *e* by more than the clock tolerance; 0.85 when the two are
///   within it (equal timestamps are no evidence either way: both directions get the same factor); when *c*
///   comes after *e*, 0.85 decaying with a 30 s half-scale, since only clock skew allows it.
///
/// An event that reports on another service (a circuit breaker opened *for* payments-worker) also acts as a
/// cause at its emitter, which is failing its own callers: there it counts as a `dependency_error` with
/// root likelihood 0.15.
///
/// The clock tolerance is 1 ms within one emitter (one clock) and 2 s across emitters (skew).
public struct ExplanationModel: Sendable {
    public var rulebook: SignalRulebook

    /// Hops from a service to each of its transitive dependencies.
    var dependencyHops: [ServiceName: [ServiceName: Int]]
    var roles: [ServiceName: ServiceRole]
    /// Whether a topology was given: without one, roles alone may suggest a dependency.
    var hasDeclaredTopology: Bool
    /// Services some call edge touches (traced or inferred when nothing is declared). Without a declared
    /// topology, a service outside this set when the set is not empty showed no sign of taking part in
    /// calls: no line names it and its lines name no one (a batch job, a consumer of its own queue).
    var connected: Set<ServiceName>
    /// Services some event leaves degraded or down (set once the events are known).
    var troubled: Set<ServiceName> = []
    /// How much of its weight a change keeps when it explains trouble at another service while its own
    /// service shows none: a change reaches others only through what they do with it, and a service that takes
    /// a change in (a flag snapshot refreshed, a config reloaded) logs a change of its own.
    static let quietChangeFactor = 0.3

    static let sameClockTolerance = 0.001
    static let crossClockTolerance = 2.0
    static let skewDecaySeconds = 30.0
    static let equalTimeFactor = 0.85
    static let hopDecay = 0.6
    static let mentionLink = 0.7
    static let rolePriorLink = 0.25
    static let unclassifiedStrength = 0.4
    static let unclassifiedWarningStrength = 0.15
    /// What an event means at its emitter when it reports on another service: the emitter's calls fail.
    static let observerSignal: SignalID = "dependency_error"
    static let observerRootLikelihood = 0.15
    static let degradedFactor = 0.8
    /// Findings a change in callers' demand can produce at a service with no fault of its own: its
    /// messages changed mix, or one of them stopped, or it refuses what they now send (the statements, the
    /// credentials: any signal's `atServer` reading, see ``isServerReading(_:)``).
    static let demandSignals: Set<SignalID> = [.behaviourShift, .stoppedMessage]
    /// The link from trouble at a caller to a change of demand at the service it calls.
    static let callerTrafficLink = 0.5
    /// How well a caller's trouble explains its dependency's mix shift, whatever the trouble.
    static let callerTrafficStrength = 0.3
    /// How well a caller's stopped message explains a stopped message at the service it calls: the
    /// requests behind it stopped too.
    static let stoppedDemandStrength = 0.9
    /// How well a caller's other trouble explains a stopped message at the service it calls: a caller that
    /// fails before its call no longer makes it.
    static let stoppingDemandStrength = 0.6
    /// How well a caller's change (a deploy, a configuration change), or what it logs of the same refusal
    /// (its rejected statements, its rejected credentials), explains what its data store refuses: the
    /// statements and the credentials are the caller's.
    static let refusedStatementStrength = 0.9

    /// The signals that are a data store's reading of another (its `atServer`: `statement_refused`,
    /// `credentials_refused`): the store answering what its clients sent.
    let serverReadings: Set<SignalID>

    func isServerReading(_ signal: SignalID) -> Bool { serverReadings.contains(signal) }

    init(rulebook: SignalRulebook, topology: Topology, roles: [ServiceName: ServiceRole], hasDeclaredTopology: Bool) {
        self.rulebook = rulebook
        serverReadings = Set(rulebook.signals.compactMap(\.atServer))
        self.roles = roles
        self.hasDeclaredTopology = hasDeclaredTopology
        connected = Set(topology.calls.flatMap { [$0.caller, $0.callee] })
        var hops: [ServiceName: [ServiceName: Int]] = [:]
        for service in topology.services {
            var seen: [ServiceName: Int] = [:]
            var frontier = [service]
            var depth = 0
            while !frontier.isEmpty, depth < 8 {
                depth += 1
                var next: [ServiceName] = []
                for node in frontier {
                    for callee in topology.callees(of: node) where seen[callee] == nil && callee != service {
                        seen[callee] = depth
                        next.append(callee)
                    }
                }
                frontier = next
            }
            hops[service] = seen
        }
        dependencyHops = hops
    }

    /// A failure to resolve a name.
    static let nameResolutionSignal: SignalID = "dns_failure"
    /// How well any trouble at the resolver explains names not resolving.
    static let resolverStrength = 0.8

    /// Whether a service is a DNS resolver (CoreDNS, kube-dns, NodeLocal DNSCache, dnsmasq, BIND, Unbound):
    /// by its name, since topologies seldom draw the calls every service makes to it.
    static func isResolver(_ service: ServiceName) -> Bool {
        let words = service.rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
        return words.contains { $0.hasSuffix("dns") || $0 == "dnsmasq" || $0 == "named" || $0 == "bind" || $0 == "unbound" }
    }

    /// The root-likelihood prior of an event.
    static func rootLikelihood(signal: SignalDefinition?, level: LogLevel) -> Double {
        if let signal { return signal.rootLikelihood }
        // FATAL and CRITICAL mostly come right before a process gives up (zap, logrus and Go's log exit after
        // them): likelier a starting point than an ordinary error.
        return level >= .critical ? 0.5 : level >= .error ? 0.3 : 0.15
    }

    /// The services an event can act as a cause *at*: its subject, and its emitter when the emitter is
    /// itself failing its callers while reporting on another service.
    func causeLoci(of event: EventNode) -> [ServiceName] {
        guard event.subject != event.emitter else { return [event.subject] }
        let observer = event.signal.flatMap { rulebook.definition($0)?.observerHealth } ?? .degraded
        return observer >= .degraded ? [event.subject, event.emitter] : [event.subject]
    }

    /// The link strength from a failure at `cause` to trouble at `effect`, with a phrase saying why.
    func link(from cause: ServiceName, to effect: ServiceName, effectMentions: Set<ServiceName>) -> (Double, String)? {
        if let hops = dependencyHops[effect]?[cause] {
            let strength = pow(Self.hopDecay, Double(hops - 1))
            return (strength, hops == 1 ? "\(effect) calls \(cause)" : "\(effect) depends on \(cause) (\(hops) hops)")
        }
        if effectMentions.contains(cause) {
            return (Self.mentionLink, "\(effect)'s lines name \(cause)")
        }
        // The roles' prior stands in for calls nobody wrote down; when the logs and traces do show calls, a
        // cause they never connect to anything is off the request path, and the prior does not reach it.
        if !hasDeclaredTopology, connected.isEmpty || connected.contains(cause), let c = roles[cause], let e = roles[effect],
            c.tier > e.tier
        {
            return (Self.rolePriorLink, "\(cause) (\(c.rawValue)) sits below \(effect) (\(e.rawValue))")
        }
        return nil
    }

    /// The weight of `cause explains effect`, in (0, 1], and the reason; nil when it does not.
    public func explains(_ cause: EventNode, _ effect: EventNode, effectMentions: Set<ServiceName>)
        -> (weight: Double, reason: String, locus: ServiceName)?
    {
        guard cause.id != effect.id else { return nil }
        let causeSignal = cause.signal.flatMap { rulebook.definition($0) }
        // What a service did to its dependencies (it emptied their cache) is its own act: the trouble it
        // causes there does not explain it back.
        if effect.signal.flatMap({ rulebook.definition($0) })?.reachesDependencies == true, cause.subject != effect.subject { return nil }
        // A deploy or config change explains only what happens at the same service or below it in time.
        var best: (weight: Double, reason: String, locus: ServiceName)?
        for locus in causeLoci(of: cause) {
            // At its own subject an event means what its signal means; at its emitter, reporting on a
            // dependency, it means only that the emitter fails its calls.
            let atSubject = locus == cause.subject
            let causeRootLikelihood = atSubject ? cause.rootLikelihood : Self.observerRootLikelihood
            let linkStrength: Double
            var why: String
            var againstCalls = false
            if locus == effect.subject {
                // A derived event sums up the service's own traffic, the same lines its other events come
                // from: it is another view of their cause, not their cause.
                guard causeRootLikelihood > effect.rootLikelihood, causeSignal?.derived != true else { continue }
                linkStrength = 1
                why = "same service"
            } else if atSubject, effect.signal == Self.nameResolutionSignal, Self.isResolver(locus) {
                // Every name resolves through the cluster's DNS: a failure to resolve one, whatever the name, is
                // the resolver's before it is the named service's.
                linkStrength = 1
                why = "every name resolves through \(locus)"
            } else if let (strength, phrase) = link(from: locus, to: effect.subject, effectMentions: effectMentions) {
                linkStrength = strength * (1 - effect.rootLikelihood)
                why = phrase
            } else if atSubject, causeSignal?.reachesDependencies == true, let hops = dependencyHops[locus]?[effect.subject] {
                // What a caller does to its dependencies (a cache emptied at once) reaches them and, through
                // them, whatever else they call.
                linkStrength = pow(Self.hopDecay, Double(hops - 1)) * (1 - effect.rootLikelihood)
                why = hops == 1 ? "\(locus) calls \(effect.subject)" : "\(locus) depends on \(effect.subject) (\(hops) hops)"
            } else if let signal = effect.signal, Self.demandSignals.contains(signal) || isServerReading(signal), let hops = dependencyHops[locus]?[effect.subject],
                cause.subject != effect.subject
            {
                // Against the calls' direction only for a change of demand: a caller that fails, retries or
                // skips a step changes what its dependency is asked to do, and so what it logs. A caller's
                // complaint about that very dependency is no change of demand.
                linkStrength = Self.callerTrafficLink * pow(Self.hopDecay, Double(hops - 1)) * (1 - effect.rootLikelihood)
                againstCalls = true
                why = hops == 1
                    ? "\(locus) calls \(effect.subject): its changed requests change what \(effect.subject) logs"
                    : "\(locus) depends on \(effect.subject) (\(hops) hops): its changed requests change what \(effect.subject) logs"
            } else {
                continue
            }
            let semantics: Double
            if againstCalls {
                // Whatever went wrong at the caller, what reaches the dependency is only a change of requests;
                // a caller that stopped a message of its own stopped the requests behind it.
                if let refusal = effect.signal, isServerReading(refusal) {
                    // The caller's own account of the refusal (the signal whose server reading it is), or a change.
                    let sent = causeSignal?.atServer == refusal || causeSignal?.change == true
                    semantics = sent ? Self.refusedStatementStrength : Self.callerTrafficStrength
                } else {
                    semantics = effect.signal != .stoppedMessage ? Self.callerTrafficStrength
                        : cause.signal == .stoppedMessage ? Self.stoppedDemandStrength : Self.stoppingDemandStrength
                }
            } else if atSubject, effect.signal == Self.nameResolutionSignal, Self.isResolver(locus) {
                // Whatever the resolver's trouble, names not resolving is what it does to its clients.
                semantics = max(causeSignal?.strength(explaining: effect.signal) ?? 0, Self.resolverStrength)
            } else if atSubject {
                // An unclassified warning says little about a failure; an unclassified error a little more.
                semantics = causeSignal?.strength(explaining: effect.signal)
                    ?? (cause.template.level >= .error ? Self.unclassifiedStrength : Self.unclassifiedWarningStrength)
            } else {
                semantics = rulebook.definition(Self.observerSignal)?.strength(explaining: effect.signal) ?? Self.unclassifiedStrength
            }
            let timing = Self.timingFactor(cause, effect)
            let state = stateFactor(cause, atSubject: atSubject)
            // (What a caller does to its dependencies reaches them whatever it logs of its own.)
            let quiet = causeSignal?.change == true && causeSignal?.reachesDependencies != true && locus != effect.subject
                && !troubled.contains(locus) ? Self.quietChangeFactor : 1
            let weight = min(1, linkStrength * semantics * timing * state * quiet)
            guard weight > 0.001 else { continue }
            why = "\(Self.phrase(cause, at: locus)) explains \(Self.effectPhrase(effect)) (\(why))"
            if best == nil || weight > best!.weight { best = (weight, why, locus) }
        }
        return best
    }

    /// A service that is down explains its callers' failures more fully than one that is only degraded.
    func stateFactor(_ cause: EventNode, atSubject: Bool) -> Double {
        guard let definition = cause.signal.flatMap({ rulebook.definition($0) }) else { return Self.degradedFactor }
        let health = atSubject ? definition.subjectHealth : definition.observerHealth
        return health == .degraded ? Self.degradedFactor : 1
    }

    /// `oom at payments-worker`, or for an observer `payments-worker failing (it reports cluster_down at
    /// redis-cache)`.
    static func phrase(_ event: EventNode, at locus: ServiceName) -> String {
        let name = event.signal?.rawValue ?? "error"
        if locus == event.subject { return "\(name) at \(locus)" }
        return "\(locus) failing (it reports \(name) at \(event.subject))"
    }

    /// `circuit_open at fashion-aura-api about payments-worker`, or `oom at payments-worker`.
    static func effectPhrase(_ event: EventNode) -> String {
        let name = event.signal?.rawValue ?? "error"
        if event.subject == event.emitter { return "\(name) at \(event.emitter)" }
        return "\(name) at \(event.emitter) about \(event.subject)"
    }

    static func timingFactor(_ cause: EventNode, _ effect: EventNode) -> Double {
        guard let c = cause.firstSeen, let e = effect.firstSeen else { return equalTimeFactor }
        let tolerance = cause.emitter == effect.emitter ? sameClockTolerance : crossClockTolerance
        let gap = c.seconds(until: e)
        if gap > tolerance { return 1 }
        if gap >= -tolerance { return equalTimeFactor }
        return max(0.05, equalTimeFactor * pow(0.5, (-gap - tolerance) / skewDecaySeconds))
    }
}
