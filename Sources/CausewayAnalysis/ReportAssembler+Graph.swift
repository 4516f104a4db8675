internal import CausewayCore
internal import CausewayIngest

/// The causal graph as the diagram draws it: services grouped by tier, events beside their emitters,
/// patient zero and the propagation path marked. Large incidents are condensed to the events that carry
/// the most of the ranking's mass; large systems to the anomalous subgraph and its immediate neighbours,
/// with crowded tiers of neighbours collapsed into one node per tier and health.
///
/// Condensing happens here, before layout: `dot` slows sharply past a few hundred nodes, and a picture of
/// hundreds of services helps nobody.
extension ReportAssembler {
    /// Most events drawn by weight; the others are counted in ``ReportGraph/eventsTotal``.
    static let drawnEventLimit = 40
    /// Most events drawn by weight in a large system, where each tier's row already holds many services.
    static let largeSystemEventLimit = 24
    /// Most `explains` edges drawn into one event (the strongest).
    static let explainsFanIn = 2
    /// Most `precedes` edges drawn into one event (the strongest).
    static let precedesFanIn = 2
    /// Most nodes drawn, groups and events included.
    static let drawnNodeLimit = 300
    /// Systems up to this many services are drawn whole.
    static let wholeSystemLimit = 40
    /// Hypotheses whose propagation paths are always drawn: they get diagrams of their own.
    static let drawnHypothesisLimit = 5
    /// Neighbours of one tier and health drawn one by one up to this many; more are collapsed into a group.
    static let neighboursPerGroup = 6

    func reportGraph(hypothesisPaths: [HypothesisPath]) -> ReportGraph {
        let health = analysis.health
        let onPath = Set(analysis.path)
        let root = analysis.patientZero?.service
        let rootEvent = analysis.patientZero?.event
        let drawn = drawnEvents(hypothesisPaths: hypothesisPaths)
        let drawnSet = Set(drawn)
        let pathEvents = pathEventNodes()
        let (shown, groups) = drawnServices(events: drawn, hypothesisPaths: hypothesisPaths)
        var groupOf: [ServiceName: String] = [:]
        for group in groups {
            for member in group.members { groupOf[member] = group.id }
        }

        var nodes: [ReportGraph.Node] = []
        for service in graph.topology.services where shown.contains(service) {
            let node = graph.service(service)!
            var label = service.rawValue + "\n" + node.role.rawValue
            let state = health[service] ?? .healthy
            if analysis.blastRadius.atRisk.contains(service) {
                label += " · at-risk"
            } else if state != .healthy {
                label += " · " + state.rawValue
            }
            if !node.emitsLogs { label += node.isInferredFromVocabulary ? "\n(named only by technology)" : "\n(no logs)" }
            let displayHealth = self.displayHealth(service)
            nodes.append(
                ReportGraph.Node(
                    id: Self.serviceID(service), kind: "service", label: label, service: service, role: node.role,
                    health: displayHealth, isPatientZero: service == root, onPath: onPath.contains(service),
                    detail: "\(service) (\(node.role.rawValue), role from \(node.roleSource.rawValue)); health \(displayHealth.rawValue)",
                    evidence: []))
        }
        nodes += groups
        for index in drawn.sorted(by: { graph.event($0).id < graph.event($1).id }) {
            let event = graph.event(index)
            let signal = event.signal?.rawValue ?? event.template.level.name.lowercased()
            let label = "\(signal) ×\(event.template.count)\n" + Self.wrap(Self.clip(event.template.message, 84), width: 30, lines: 3)
            let time = event.firstSeen.map { " first at \($0.iso8601)" } ?? ""
            nodes.append(
                ReportGraph.Node(
                    id: Self.eventID(event), kind: "event", label: label, service: event.emitter,
                    role: graph.service(event.emitter)?.role ?? .unknown, health: health[event.subject] ?? .healthy,
                    isPatientZero: index == rootEvent, onPath: pathEvents.contains(index),
                    detail: "\(signalTitle(event.signal, level: event.template.level)) about \(event.subject), \(event.template.count) line(s)\(time): \(Self.clip(event.evidence[0].text, 300))",
                    evidence: refs(Array(event.evidence.prefix(3)))))
        }

        // Edges.
        var edges: [ReportGraph.Edge] = []
        var explainsInto: [Int: [(Int, Double)]] = [:]
        var precedesInto: [Int: [(Int, Double)]] = [:]
        var groupCalls: [String: [String: (count: Int, sources: Set<Topology.Provenance>)]] = [:]
        for (edgeIndex, edge) in graph.graph.edges.enumerated() {
            let from = graph.graph.nodes[edge.source]
            let to = graph.graph.nodes[edge.target]
            switch edge.label.kind {
            case .calls:
                guard let a = from.service?.name, let b = to.service?.name else { continue }
                let provenance = edge.label.provenance ?? .inferred
                if shown.contains(a), shown.contains(b) {
                    let path = onPath.contains(a) && onPath.contains(b) && isPathHop(callee: b, caller: a)
                    edges.append(
                        ReportGraph.Edge(
                            from: Self.serviceID(a), to: Self.serviceID(b), kind: .calls, weight: Self.round(edge.weight),
                            onPath: path, reason: edge.label.reason, provenance: provenance.rawValue))
                } else if let source = shown.contains(a) ? Self.serviceID(a) : groupOf[a],
                    let target = shown.contains(b) ? Self.serviceID(b) : groupOf[b],
                    source.hasPrefix("grp:") != target.hasPrefix("grp:")
                {
                    // One edge between a drawn service and a group stands for all its calls into or out of it.
                    var previous = groupCalls[source]?[target] ?? (0, [])
                    previous.count += 1
                    previous.sources.insert(provenance)
                    groupCalls[source, default: [:]][target] = previous
                }
            case .emits:
                guard let a = from.service, shown.contains(a.name), drawnSet.contains(edge.target) else { continue }
                edges.append(
                    ReportGraph.Edge(
                        from: Self.serviceID(a.name), to: Self.eventID(graph.event(edge.target)), kind: .emits, weight: 1,
                        onPath: false, reason: edge.label.reason))
            case .mentions:
                guard drawnSet.contains(edge.source), let b = to.service, shown.contains(b.name) else { continue }
                edges.append(
                    ReportGraph.Edge(
                        from: Self.eventID(graph.event(edge.source)), to: Self.serviceID(b.name), kind: .mentions, weight: 1,
                        onPath: false, reason: edge.label.reason))
            case .precedes:
                guard drawnSet.contains(edge.source), drawnSet.contains(edge.target) else { continue }
                precedesInto[edge.target, default: []].append((edgeIndex, edge.weight))
            case .explains:
                guard drawnSet.contains(edge.source), drawnSet.contains(edge.target), edge.weight >= 0.1 else { continue }
                explainsInto[edge.target, default: []].append((edgeIndex, edge.weight))
            }
        }
        for (source, targets) in groupCalls {
            for (target, calls) in targets {
                // The group edge takes its calls' provenance when they share one; mixed ones draw as inferred.
                let sources = calls.sources.sorted()
                let provenance: Topology.Provenance = sources.count == 1 ? sources[0] : .inferred
                edges.append(
                    ReportGraph.Edge(
                        from: source, to: target, kind: .calls, weight: Double(calls.count), onPath: false,
                        reason: "\(sources.map(\.rawValue).joined(separator: " or ")): \(calls.count) call(s) between a drawn service and collapsed ones",
                        provenance: provenance.rawValue))
            }
        }
        for (_, candidates) in precedesInto.sorted(by: { $0.key < $1.key }) {
            for (edgeIndex, weight) in Self.strongest(candidates, Self.precedesFanIn) {
                let edge = graph.graph.edges[edgeIndex]
                edges.append(
                    ReportGraph.Edge(
                        from: Self.eventID(graph.event(edge.source)), to: Self.eventID(graph.event(edge.target)), kind: .precedes,
                        weight: Self.round(weight), onPath: false, reason: edge.label.reason))
            }
        }
        for (_, candidates) in explainsInto.sorted(by: { $0.key < $1.key }) {
            for (edgeIndex, weight) in Self.strongest(candidates, Self.explainsFanIn) {
                let edge = graph.graph.edges[edgeIndex]
                let onPathEdge = pathEvents.contains(edge.source) && pathEvents.contains(edge.target)
                edges.append(
                    ReportGraph.Edge(
                        from: Self.eventID(graph.event(edge.source)), to: Self.eventID(graph.event(edge.target)), kind: .explains,
                        weight: Self.round(weight), onPath: onPathEdge, reason: edge.label.reason))
            }
        }
        edges.sort { ($0.kind, $0.from, $0.to) < ($1.kind, $1.from, $1.to) }
        nodes.sort { (Self.kindOrder($0.kind), $0.id) < (Self.kindOrder($1.kind), $1.id) }
        return ReportGraph(
            nodes: nodes, edges: edges, eventsTotal: graph.eventNodes.count, eventsDrawn: drawn.count,
            servicesTotal: graph.topology.services.count, servicesDrawn: shown.count,
            servicesCollapsed: groups.reduce(0) { $0 + $1.members.count })
    }

    /// Services first, then groups, then events.
    static func kindOrder(_ kind: String) -> Int {
        switch kind {
        case "service": 0
        case "group": 1
        default: 2
        }
    }

    /// The `count` heaviest of `candidates` (edge index, weight), ties by edge index.
    static func strongest(_ candidates: [(Int, Double)], _ count: Int) -> ArraySlice<(Int, Double)> {
        candidates.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.prefix(count)
    }

    /// The health a service is drawn with: at-risk when the blast radius says so.
    func displayHealth(_ service: ServiceName) -> ServiceHealth {
        analysis.blastRadius.atRisk.contains(service) ? .atRisk : analysis.health[service] ?? .healthy
    }

    /// The events drawn: the heaviest by the ranking's mass, then always patient zero's, and the events that
    /// carry the drawn hypotheses' paths (so that each hypothesis' diagram can highlight its own path).
    func drawnEvents(hypothesisPaths: [HypothesisPath]) -> [Int] {
        let mass = analysis.ranking.eventMass
        let heaviest = graph.eventNodes.sorted { a, b in
            let ma = mass[a] ?? 0
            let mb = mass[b] ?? 0
            return ma > mb || (ma == mb && graph.event(a).id < graph.event(b).id)
        }
        let limit = graph.topology.services.count > Self.wholeSystemLimit ? Self.largeSystemEventLimit : Self.drawnEventLimit
        var drawn = Array(heaviest.prefix(limit))
        var seen = Set(drawn)
        func add(_ node: Int?) {
            if let node, seen.insert(node).inserted { drawn.append(node) }
        }
        add(analysis.patientZero?.event)
        for (index, hypothesis) in analysis.ranking.hypotheses.prefix(Self.drawnHypothesisLimit).enumerated() {
            // The first hypothesis' path always; the others' while the picture stays small.
            guard index == 0 || drawn.count < limit + 20 else { break }
            add(hypothesis.event)
            for step in index < hypothesisPaths.count ? hypothesisPaths[index].steps : [] {
                add(step.causeEvent)
                add(step.effectEvent)
            }
        }
        return drawn
    }

    /// The services drawn one by one, and the groups that stand for crowded tiers of neighbours.
    ///
    /// Up to ``wholeSystemLimit`` services, all of them. Beyond, the anomalous subgraph (the drawn hypotheses'
    /// paths, the affected and unrelated services, the services behind the drawn events) and its immediate
    /// neighbours (callers and callees). Neighbours of one tier and health are drawn one by one when there
    /// are at most ``neighboursPerGroup`` of them, else collapsed into one group node; whatever does not fit
    /// under ``drawnNodeLimit`` is collapsed the same way. The rest of the system is not drawn.
    ///
    /// - Complexity: O(S log S + C) for S services and C calls.
    func drawnServices(events: [Int], hypothesisPaths: [HypothesisPath]) -> (Set<ServiceName>, [ReportGraph.Node]) {
        let services = graph.topology.services
        guard services.count > Self.wholeSystemLimit else { return (Set(services), []) }

        var core: [ServiceName] = []
        var inCore = Set<ServiceName>()
        func add(_ service: ServiceName) {
            if graph.service(service) != nil, inCore.insert(service).inserted { core.append(service) }
        }
        analysis.patientZero.map { add($0.service) }
        analysis.path.forEach(add)
        for (index, hypothesis) in analysis.ranking.hypotheses.prefix(Self.drawnHypothesisLimit).enumerated() {
            add(hypothesis.service)
            if index < hypothesisPaths.count { hypothesisPaths[index].services.forEach(add) }
        }
        analysis.blastRadius.affected.forEach(add)
        analysis.blastRadius.unrelated.forEach(add)
        for node in events {
            add(graph.event(node).emitter)
            add(graph.event(node).subject)
        }

        // Calls are sorted by caller then callee, so each list comes out sorted.
        var callers: [ServiceName: [ServiceName]] = [:]
        var callees: [ServiceName: [ServiceName]] = [:]
        for call in graph.topology.calls {
            callees[call.caller, default: []].append(call.callee)
            callers[call.callee, default: []].append(call.caller)
        }
        var neighbours: [ServiceName] = []
        var seen = inCore
        for service in core {
            for other in (callers[service] ?? []) + (callees[service] ?? [])
            where graph.service(other) != nil && seen.insert(other).inserted {
                neighbours.append(other)
            }
        }

        // Groups are keyed by tier and health; at most one per key.
        let key = { (service: ServiceName) -> Int in
            (self.graph.service(service)?.role.tier ?? 2) * 10 + (ServiceHealth.allCases.firstIndex(of: self.displayHealth(service)) ?? 0)
        }
        let groupBudget = Set(services.map(key)).count
        let serviceBudget = max(1, Self.drawnNodeLimit - events.count - groupBudget)
        var shown = Set(core.prefix(serviceBudget))
        var collapsed = Array(core.dropFirst(serviceBudget))
        let buckets = Dictionary(grouping: neighbours, by: key)
        for key in buckets.keys.sorted() {
            let members = buckets[key]!
            if members.count <= Self.neighboursPerGroup, shown.count + members.count <= serviceBudget {
                shown.formUnion(members)
            } else {
                collapsed += members
            }
        }
        let groups = Dictionary(grouping: collapsed, by: key)
            .sorted { $0.key < $1.key }
            .map { _, members in groupNode(members.sorted()) }
        return (shown, groups)
    }

    /// One node standing for several services of one tier and health.
    func groupNode(_ members: [ServiceName]) -> ReportGraph.Node {
        let first = members[0]
        let role = graph.service(first)?.role ?? .unknown
        let health = displayHealth(first)
        let named = members.prefix(12).map(\.rawValue).joined(separator: ", ") + (members.count > 12 ? ", … (+\(members.count - 12) more)" : "")
        let kinds = Set(members.map { graph.service($0)?.role ?? .unknown }).sorted().map(\.rawValue).joined(separator: ", ")
        return ReportGraph.Node(
            id: "grp:tier\(role.tier)-\(health.rawValue)", kind: "group",
            label: "\(members.count) more service\(members.count == 1 ? "" : "s")\n\(role.tierName) tier · \(health.rawValue)",
            service: first, role: role, health: health, isPatientZero: false, onPath: false,
            detail: "\(members.count) \(health.rawValue) service(s) of the \(role.tierName) tier (\(kinds)) next to the incident, collapsed: \(named)",
            evidence: [], members: members)
    }

    /// The events that carry the path: patient zero's, and for each hop the explains edge behind it.
    func pathEventNodes() -> Set<Int> {
        var result = Set<Int>()
        if let root = analysis.patientZero?.event { result.insert(root) }
        for step in analysis.pathSteps {
            if let cause = step.causeEvent { result.insert(cause) }
            if let effect = step.effectEvent { result.insert(effect) }
        }
        return result
    }

    func isPathHop(callee: ServiceName, caller: ServiceName) -> Bool {
        analysis.pathSteps.contains { $0.from == callee && $0.to == caller }
    }

    /// Breaks text into at most `lines` lines of about `width` characters, at spaces where possible.
    static func wrap(_ text: String, width: Int, lines: Int) -> String {
        var result: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > width {
                if !current.isEmpty {
                    result.append(current)
                    current = ""
                }
                result.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                result.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { result.append(current) }
        if result.count > lines {
            result = Array(result.prefix(lines))
            result[lines - 1] += "…"
        }
        return result.joined(separator: "\n")
    }

    static func serviceID(_ name: ServiceName) -> String { "svc:" + name.rawValue }
    static func eventID(_ event: EventNode) -> String { "evt:" + event.id }
}
