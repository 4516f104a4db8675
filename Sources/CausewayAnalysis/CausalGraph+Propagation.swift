public import CausewayCore
internal import CausewayGraph
public import CausewayIngest

/// The propagation path and the blast radius, on the service-level view of the causal graph.
extension CausalGraph {
    /// One hop of the failure's travel: from a dependency to a service that calls it.
    public struct PropagationStep: Hashable, Sendable {
        public var from: ServiceName
        public var to: ServiceName
        /// The strongest `explains` weight from trouble at `from` to trouble visible at `to`.
        public var weight: Double
        public var reason: String
        public var evidence: [EvidenceLine]
        /// The event node at `from` and the event node showing at `to` behind the weight, when an
        /// `explains` edge carries the hop.
        public var causeEvent: Int?
        public var effectEvent: Int?
    }

    /// The services an affected set spans, split by health.
    public struct BlastRadius: Hashable, Sendable {
        /// Affected services connected to patient zero, down first, then degraded; by name within each.
        public var affected: [ServiceName]
        /// Services with no symptom yet that call an affected one.
        public var atRisk: [ServiceName]
        /// Services with symptoms that no link ties to patient zero.
        public var unrelated: [ServiceName]
    }

    /// Weight used when a call edge joins two affected services but no `explains` edge does.
    static let callOnlyWeight = 0.05

    /// Where an event's trouble shows: its subject, and its emitter when the emitter is failing too.
    func visibleAt(_ event: EventNode, rulebook: SignalRulebook) -> [ServiceName] {
        impacts(of: event, rulebook: rulebook).filter { $0.1 >= .degraded }.map(\.0)
    }

    /// The service-level propagation graph: an edge from X to Y when Y calls X and both are affected,
    /// weighted by the strongest `explains` edge from an event at X to an event showing at Y. One more kind of
    /// edge starts at `root`: from it down to a dependency it calls when what it did there (a signal that
    /// reaches dependencies: a cache emptied, a schema migrated) explains the dependency's trouble. The root
    /// joins the graph for it even when its own health is fine: a migration job is healthy while the
    /// database it locked is not.
    func propagationGraph(rulebook: SignalRulebook, health: [ServiceName: ServiceHealth], model: ExplanationModel, root: ServiceName? = nil)
        -> (Digraph<ServiceName, PropagationStep>, [ServiceName: Int], Strongest)
    {
        var view = Digraph<ServiceName, PropagationStep>()
        var index: [ServiceName: Int] = [:]
        let affected = health.filter { $0.value >= .degraded }.keys.sorted()
        for service in affected { index[service] = view.addNode(service) }

        var strongest: Strongest = [:]
        for edge in graph.edges where edge.label.kind == .explains {
            let cause = event(edge.source)
            let effect = event(edge.target)
            for from in model.causeLoci(of: cause) {
                for to in visibleAt(effect, rulebook: rulebook) where from != to {
                    if (strongest[from]?[to]?.weight ?? 0) < edge.weight {
                        strongest[from, default: [:]][to] = (edge.weight, edge)
                    }
                }
            }
        }
        // A step the calls alone carry cites the first trouble at each end: the claim rests on both being
        // affected.
        var firstTrouble: [ServiceName: (time: Timestamp, line: EvidenceLine)] = [:]
        for node in eventNodes {
            let e = event(node)
            guard let time = e.firstSeen, let line = e.evidence.first else { continue }
            for service in visibleAt(e, rulebook: rulebook) where (firstTrouble[service].map { (time, line.location) < ($0.time, $0.line.location) } ?? true) {
                firstTrouble[service] = (time, line)
            }
        }
        if let root {
            for call in topology.calls where call.caller == root {
                guard index[call.callee] != nil, let found = strongest[root]?[call.callee],
                    event(found.edge.source).signal.flatMap({ rulebook.definition($0) })?.reachesDependencies == true
                else { continue }
                let from = index[root] ?? view.addNode(root)
                index[root] = from
                view.addEdge(
                    from: from, to: index[call.callee]!, weight: found.weight,
                    label: PropagationStep(
                        from: root, to: call.callee, weight: found.weight, reason: found.edge.label.reason,
                        evidence: found.edge.label.evidence, causeEvent: found.edge.source, effectEvent: found.edge.target))
            }
        }
        for call in topology.calls {
            guard let from = index[call.callee], let to = index[call.caller] else { continue }
            let found = strongest[call.callee]?[call.caller]
            let weight = max(found?.weight ?? 0, Self.callOnlyWeight)
            let reason = found?.edge.label.reason ?? "\(call.caller) calls \(call.callee); both affected"
            let evidence = found?.edge.label.evidence ?? [firstTrouble[call.callee]?.line, firstTrouble[call.caller]?.line].compactMap { $0 }
            view.addEdge(
                from: from, to: to, weight: weight,
                label: PropagationStep(
                    from: call.callee, to: call.caller, weight: weight, reason: reason, evidence: evidence,
                    causeEvent: found?.edge.source, effectEvent: found?.edge.target))
        }
        return (view, index, strongest)
    }

    /// The strongest `explains` edge from trouble at one service to trouble visible at another.
    typealias Strongest = [ServiceName: [ServiceName: (weight: Double, edge: Digraph<CausalNode, CausalEdge>.Edge)]]

    /// The most probable path from patient zero up the callers to the user-facing entry.
    ///
    /// The entry is the outermost affected, reachable service (one no affected service calls), a gateway or
    /// frontend by role when there is one. Among several, the most probable path wins (then the name). The path
    /// moves from a dependency to its caller, so it cannot run against the dependency direction, with one
    /// exception that says why: a first step from patient zero down to the dependency its own act reached
    /// (the database its migration locked).
    public func propagationPath(
        from root: ServiceName, rulebook: SignalRulebook, health: [ServiceName: ServiceHealth], model: ExplanationModel
    ) -> (services: [ServiceName], steps: [PropagationStep]) {
        let graph = propagationGraph(rulebook: rulebook, health: health, model: model, root: root)
        return propagationPath(from: root, rulebook: rulebook, health: health, in: graph)
    }

    /// ``propagationPath(from:rulebook:health:model:)`` on a service view already built (the blast radius
    /// builds it once for both).
    func propagationPath(
        from root: ServiceName, rulebook: SignalRulebook, health: [ServiceName: ServiceHealth],
        in graph: (view: Digraph<ServiceName, PropagationStep>, index: [ServiceName: Int], strongest: Strongest)
    ) -> (services: [ServiceName], steps: [PropagationStep]) {
        let (view, index, strongest) = graph
        guard let start = index[root] else { return ([root], []) }
        let reachable = view.reachable(from: start)
        let hasAffectedCaller: (Int) -> Bool = { node in
            view.outgoing[node].contains { reachable[view.edges[$0].target] != nil }
        }
        // The outermost affected services (no affected caller above them), user-facing ones first: a BFF
        // behind an ingress is not where users arrive.
        let tops = reachable.keys.filter { !hasAffectedCaller($0) }
        let userFacingTops = tops.filter { self.service(view.nodes[$0])?.role.isUserFacing ?? false }
        let entries = (userFacingTops.isEmpty ? tops : userFacingTops).sorted { view.nodes[$0] < view.nodes[$1] }

        // Same-clock testimony: when each service first complained about each dependency, and when each
        // service first showed trouble of its own.
        var complaints: [ServiceName: [ServiceName: Timestamp]] = [:]
        var ownTrouble: [ServiceName: Timestamp] = [:]
        for node in eventNodes {
            let e = event(node)
            guard let time = e.firstSeen else { continue }
            if e.subject != e.emitter, complaints[e.emitter]?[e.subject].map({ time < $0 }) ?? true {
                complaints[e.emitter, default: [:]][e.subject] = time
            }
            for service in visibleAt(e, rulebook: rulebook) where ownTrouble[service].map({ time < $0 }) ?? true {
                ownTrouble[service] = time
            }
        }

        var best: (nodes: [Int], probability: Double)?
        for entry in entries {
            guard let path = route(in: view, from: start, to: entry, reachable: reachable, complaints: complaints, ownTrouble: ownTrouble)
                ?? view.mostProbablePath(from: start, to: entry, weight: { $0.weight })
            else { continue }
            if best == nil || path.probability > best!.probability + 1e-12 { best = path }
        }
        var services = (best?.nodes ?? [start]).map { view.nodes[$0] }
        var steps: [PropagationStep] = []
        if let path = best {
            for (a, b) in zip(path.nodes, path.nodes.dropFirst()) {
                if let edge = view.outgoing[a].map({ view.edges[$0] }).filter({ $0.target == b }).max(by: { $0.weight < $1.weight }) {
                    steps.append(edge.label)
                }
            }
        }
        if let edge = edgeEntry(after: services, health: health, strongest: strongest) {
            services.append(edge.to)
            steps.append(edge)
        }
        return (services, steps)
    }

    /// The user-facing service where the failure surfaced, when the path stops short of it because it named
    /// none of the services it calls (an edge proxy whose access log shows upstreams by address only): an
    /// affected gateway or frontend with no known callee, whose trouble the path's last service explains
    /// (the strongest such link, then the name). Nil when the path already ends where users arrive, or when the
    /// topology was declared (it says what the edge calls).
    func edgeEntry(after path: [ServiceName], health: [ServiceName: ServiceHealth], strongest: Strongest) -> PropagationStep? {
        guard !topology.calls.contains(where: { $0.sources.contains(.declared) }), let last = path.last,
            !(service(last)?.role.isUserFacing ?? false)
        else { return nil }
        let candidates = health.filter { entry in
            entry.value >= .degraded && !path.contains(entry.key) && (service(entry.key)?.role.isUserFacing ?? false)
                && topology.callees(of: entry.key).isEmpty
        }.keys
        guard let (entry, link) = candidates.compactMap({ name in strongest[last]?[name].map { (name, $0) } })
            .max(by: { ($0.1.weight, $1.0) < ($1.1.weight, $0.0) })
        else { return nil }
        return PropagationStep(
            from: last, to: entry, weight: link.weight, reason: link.edge.label.reason, evidence: link.edge.label.evidence,
            causeEvent: link.edge.source, effectEvent: link.edge.target)
    }

    /// The way the failure travelled, walked back from `entry` to patient zero: at each service, the
    /// affected dependency it complained about first (its own lines, one clock, so skew between services
    /// cannot reorder them); failing that, the dependency whose own trouble showed first; then the
    /// strongest `explains` link, then the name. Only dependencies patient zero's failure can reach count.
    /// Nil when the walk cannot reach patient zero.
    func route(
        in view: Digraph<ServiceName, PropagationStep>, from start: Int, to entry: Int, reachable: [Int: Int],
        complaints: [ServiceName: [ServiceName: Timestamp]], ownTrouble: [ServiceName: Timestamp]
    ) -> (nodes: [Int], probability: Double)? {
        var nodes = [entry]
        var probability = 1.0
        var visited: Set<Int> = [entry]
        var current = entry
        while current != start {
            let caller = view.nodes[current]
            let candidates = view.incoming[current].map { view.edges[$0] }.filter { reachable[$0.source] != nil && !visited.contains($0.source) }
            func key(_ edge: Digraph<ServiceName, PropagationStep>.Edge) -> (Int, Int64, Double, ServiceName) {
                let callee = view.nodes[edge.source]
                if let time = complaints[caller]?[callee] { return (0, time.nanoseconds, -edge.weight, callee) }
                if let time = ownTrouble[callee] { return (1, time.nanoseconds, -edge.weight, callee) }
                return (2, 0, -edge.weight, callee)
            }
            guard let next = candidates.min(by: { key($0) < key($1) }) else { return nil }
            probability *= next.weight
            visited.insert(next.source)
            nodes.append(next.source)
            current = next.source
        }
        return (nodes.reversed(), probability)
    }

    /// The affected services tied to patient zero, the healthy callers at risk, and unrelated trouble.
    public func blastRadius(
        from root: ServiceName, rulebook: SignalRulebook, health: [ServiceName: ServiceHealth], model: ExplanationModel
    ) -> BlastRadius {
        let graph = propagationGraph(rulebook: rulebook, health: health, model: model, root: root)
        let (view, index, _) = graph
        var connected = Set<ServiceName>([root])
        if let start = index[root] {
            for node in view.reachable(from: start, direction: .both).keys { connected.insert(view.nodes[node]) }
        }
        // The path's entry is affected by the same failure, even where no call joins it (``edgeEntry``).
        connected.formUnion(propagationPath(from: root, rulebook: rulebook, health: health, in: graph).services)
        let affected = connected.sorted { (health[$0] ?? .healthy, $1) > (health[$1] ?? .healthy, $0) }
        let unrelated = health.filter { $0.value >= .degraded && !connected.contains($0.key) }.keys.sorted()

        var atRisk = Set<ServiceName>()
        var frontier = Array(connected)
        var seen = connected
        while let service = frontier.popLast() {
            for caller in topology.callers(of: service) where !seen.contains(caller) {
                seen.insert(caller)
                if (health[caller] ?? .healthy) < .degraded {
                    atRisk.insert(caller)
                    frontier.append(caller)
                }
            }
        }
        return BlastRadius(affected: affected, atRisk: atRisk.sorted(), unrelated: unrelated)
    }
}
