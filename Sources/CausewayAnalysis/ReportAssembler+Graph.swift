internal import CausewayCore
internal import CausewayIngest

/// The causal graph as the diagram draws it: services grouped by tier, events beside their emitters,
/// patient zero and the propagation path marked. Large incidents are condensed to the events that carry
/// the most of the ranking's mass.
extension ReportAssembler {
    /// Most events drawn; the others are counted in ``ReportGraph/eventsTotal``.
    static let drawnEventLimit = 40
    /// Most `explains` edges drawn into one event (the strongest).
    static let explainsFanIn = 2

    func reportGraph() -> ReportGraph {
        let health = analysis.health
        let onPath = Set(analysis.path)
        let root = analysis.patientZero?.service
        let rootEvent = analysis.patientZero?.event
        let mass = analysis.ranking.eventMass

        // Events: the heaviest first, then always patient zero's, capped.
        let allEvents = graph.eventNodes
        var drawn = allEvents.sorted { a, b in
            let ma = mass[a] ?? 0
            let mb = mass[b] ?? 0
            return ma > mb || (ma == mb && graph.event(a).id < graph.event(b).id)
        }
        drawn = Array(drawn.prefix(Self.drawnEventLimit))
        if let rootEvent, !drawn.contains(rootEvent) { drawn.append(rootEvent) }
        let drawnSet = Set(drawn)
        let pathEvents = pathEventNodes()

        // Services: all when few, else the affected, at-risk and their direct neighbours.
        let services = graph.topology.services
        var shownServices = Set(services)
        if services.count > 40 {
            let core = Set(analysis.blastRadius.affected + analysis.blastRadius.atRisk + analysis.blastRadius.unrelated)
            shownServices = core
            for service in core {
                shownServices.formUnion(graph.topology.callers(of: service))
                shownServices.formUnion(graph.topology.callees(of: service))
            }
            for node in drawn { shownServices.insert(graph.event(node).emitter) }
        }

        var nodes: [ReportGraph.Node] = []
        for service in services where shownServices.contains(service) {
            let node = graph.service(service)!
            var label = service.rawValue + "\n" + node.role.rawValue
            let state = health[service] ?? .healthy
            if analysis.blastRadius.atRisk.contains(service) {
                label += " · at-risk"
            } else if state != .healthy {
                label += " · " + state.rawValue
            }
            if !node.emitsLogs { label += node.isInferredFromVocabulary ? "\n(named only by technology)" : "\n(no logs)" }
            let displayHealth: ServiceHealth = analysis.blastRadius.atRisk.contains(service) ? .atRisk : state
            nodes.append(
                ReportGraph.Node(
                    id: Self.serviceID(service), kind: "service", label: label, service: service, role: node.role,
                    health: displayHealth, isPatientZero: service == root, onPath: onPath.contains(service),
                    detail: "\(service) (\(node.role.rawValue), role from \(node.roleSource.rawValue)); health \(displayHealth.rawValue)",
                    evidence: []))
        }
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
                    detail: "\(signalTitle(event.signal)) about \(event.subject), \(event.template.count) line(s)\(time): \(Self.clip(event.evidence[0].text, 300))",
                    evidence: refs(Array(event.evidence.prefix(3)))))
        }

        // Edges.
        var edges: [ReportGraph.Edge] = []
        var explainsInto: [Int: [(Int, Double)]] = [:]
        for (edgeIndex, edge) in graph.graph.edges.enumerated() {
            let from = graph.graph.nodes[edge.source]
            let to = graph.graph.nodes[edge.target]
            switch edge.label.kind {
            case .calls:
                guard let a = from.service, let b = to.service, shownServices.contains(a.name), shownServices.contains(b.name) else { continue }
                let path = onPath.contains(a.name) && onPath.contains(b.name) && isPathHop(callee: b.name, caller: a.name)
                edges.append(
                    ReportGraph.Edge(
                        from: Self.serviceID(a.name), to: Self.serviceID(b.name), kind: .calls, weight: Self.round(edge.weight),
                        onPath: path, reason: edge.label.reason, provenance: edge.label.provenance?.rawValue))
            case .emits:
                guard let a = from.service, shownServices.contains(a.name), drawnSet.contains(edge.target) else { continue }
                edges.append(
                    ReportGraph.Edge(
                        from: Self.serviceID(a.name), to: Self.eventID(graph.event(edge.target)), kind: .emits, weight: 1,
                        onPath: false, reason: edge.label.reason))
            case .mentions:
                guard drawnSet.contains(edge.source), let b = to.service, shownServices.contains(b.name) else { continue }
                edges.append(
                    ReportGraph.Edge(
                        from: Self.eventID(graph.event(edge.source)), to: Self.serviceID(b.name), kind: .mentions, weight: 1,
                        onPath: false, reason: edge.label.reason))
            case .precedes:
                guard drawnSet.contains(edge.source), drawnSet.contains(edge.target) else { continue }
                edges.append(
                    ReportGraph.Edge(
                        from: Self.eventID(graph.event(edge.source)), to: Self.eventID(graph.event(edge.target)), kind: .precedes,
                        weight: Self.round(edge.weight), onPath: false, reason: edge.label.reason))
            case .explains:
                guard drawnSet.contains(edge.source), drawnSet.contains(edge.target), edge.weight >= 0.1 else { continue }
                explainsInto[edge.target, default: []].append((edgeIndex, edge.weight))
            }
        }
        for (_, candidates) in explainsInto.sorted(by: { $0.key < $1.key }) {
            let strongest = candidates.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.prefix(Self.explainsFanIn)
            for (edgeIndex, weight) in strongest {
                let edge = graph.graph.edges[edgeIndex]
                let onPathEdge = pathEvents.contains(edge.source) && pathEvents.contains(edge.target)
                edges.append(
                    ReportGraph.Edge(
                        from: Self.eventID(graph.event(edge.source)), to: Self.eventID(graph.event(edge.target)), kind: .explains,
                        weight: Self.round(weight), onPath: onPathEdge, reason: edge.label.reason))
            }
        }
        edges.sort { ($0.kind, $0.from, $0.to) < ($1.kind, $1.from, $1.to) }
        nodes.sort { ($0.kind == "service" ? 0 : 1, $0.id) < ($1.kind == "service" ? 0 : 1, $1.id) }
        return ReportGraph(nodes: nodes, edges: edges, eventsTotal: allEvents.count, eventsDrawn: drawn.count)
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
