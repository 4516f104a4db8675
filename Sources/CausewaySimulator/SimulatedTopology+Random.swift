extension SimulatedTopology {
    /// Draws a realistic service map of `size` services (clamped to 5...40).
    ///
    /// A gateway at the top (and, in larger maps, a frontend below it), one to three layers of API services
    /// calling downwards, workers called by the APIs, consumers fed by a queue, and shared infrastructure at the
    /// bottom: databases, caches, a message broker and third-party APIs. Names come from vocabularies of real
    /// systems (`checkout-api`, `orders-service`, `payments-worker`, `orders-db`, `redis-sessions`, `kafka`,
    /// `stripe-gateway`), and a store usually belongs to the service of the same business domain. Every call
    /// points to a later layer, so the map is a DAG, and every service but the entries has a caller.
    ///
    /// From a size of 8 on, the map has at least one database, cache, queue and external API, so every
    /// ``FaultKind`` has a valid root.
    ///
    /// - Complexity: O(size²) at most.
    public static func random(using rng: inout some RandomNumberGenerator, size: Int) -> SimulatedTopology {
        var builder = TopologyBuilder(size: min(40, max(5, size)))
        builder.build(using: &rng)
        do {
            return try SimulatedTopology(services: builder.services())
        } catch {
            preconditionFailure("generated topology is invalid: \(error)")
        }
    }
}

/// Assembles a random topology layer by layer (see ``SimulatedTopology/random(using:size:)``).
private struct TopologyBuilder {
    struct Node {
        var name: String
        var role: SimulatedTopology.Role
        var domain: String?
        var layer: Int
        var calls: [Int] = []
    }

    let size: Int
    var nodes: [Node] = []
    var used: [String: Bool] = [:]

    init(size: Int) { self.size = size }

    mutating func build(using rng: inout some RandomNumberGenerator) {
        let infraCount = min(size - 3, max(2, Int((Double(size) * 0.3).rounded()) + 2))
        let hasFrontend = size >= 9 && rng.chance(0.6)
        let appCount = size - 1 - (hasFrontend ? 1 : 0) - infraCount

        // Roles of the application services.
        var consumers = 0, workers = 0
        if appCount >= 4 { consumers = 1 + (appCount >= 12 ? 1 : 0) + (rng.chance(0.3) ? 1 : 0) }
        if appCount >= 3 { workers = max(1, Int(Double(appCount) * rng.double(0.08...0.2))) }
        consumers = min(consumers, max(0, appCount - 2 - workers))
        let apis = appCount - consumers - workers

        let domains = rng.shuffled(Vocabulary.domains)
        var domainCursor = 0
        func nextDomain() -> String {
            defer { domainCursor += 1 }
            return domains[domainCursor % domains.count]
        }

        // Top.
        let gateway = add(rng.pick(Vocabulary.gateways), .gateway, nil, layer: 0)
        var frontend: Int?
        if hasFrontend { frontend = add(rng.pick(Vocabulary.frontends), .frontend, nil, layer: 1) }

        // API layers.
        let layerCount = apis >= 9 ? 3 : (apis >= 3 ? 2 : 1)
        var apiLayers: [[Int]] = Array(repeating: [], count: layerCount)
        for i in 0..<apis {
            let layer: Int
            if i < max(1, Int((Double(apis) * 0.4).rounded())) {
                layer = 0
            } else if layerCount == 3, i >= apis - max(1, apis / 4) {
                layer = 2
            } else {
                layer = min(1, layerCount - 1)
            }
            let domain = nextDomain()
            let name = uniqueName(rng.pick(Vocabulary.apiPatterns), domain, using: &rng)
            apiLayers[layer].append(add(name, .api, domain, layer: 2 + layer))
        }
        let allApis = apiLayers.flatMap { $0 }

        var workerIndices: [Int] = []
        for _ in 0..<workers {
            let domain = rng.chance(0.6) && !allApis.isEmpty ? nodes[rng.pick(allApis)].domain! : nextDomain()
            let name = uniqueName(rng.pick(Vocabulary.workerPatterns), domain, using: &rng)
            workerIndices.append(add(name, .worker, domain, layer: 5))
        }
        var consumerIndices: [Int] = []
        for _ in 0..<consumers {
            let domain = rng.chance(0.5) && !allApis.isEmpty ? nodes[rng.pick(allApis)].domain! : nextDomain()
            let name = uniqueName(rng.pick(Vocabulary.consumerPatterns), domain, using: &rng)
            consumerIndices.append(add(name, .consumer, domain, layer: 5))
        }

        // Infrastructure: one of each kind first, then more of the common ones.
        var infraRoles: [SimulatedTopology.Role] = [.database, .cache, .queue, .external]
        while infraRoles.count < infraCount {
            infraRoles.append(rng.pick([(.database, 0.4), (.cache, 0.3), (.external, 0.2), (.queue, 0.1)]))
        }
        infraRoles = Array(infraRoles.prefix(infraCount))
        let apps = allApis + workerIndices + consumerIndices
        var infra: [Int] = []
        for role in infraRoles {
            let owner = apps.isEmpty ? nil : rng.pick(apps)
            let domain = owner.flatMap { nodes[$0].domain } ?? nextDomain()
            let name: String
            switch role {
            case .database: name = uniqueName(rng.pick(Vocabulary.databasePatterns), domain, using: &rng)
            case .cache: name = uniqueName(rng.pick(Vocabulary.cachePatterns), domain, using: &rng)
            case .queue: name = uniqueName(rng.pick(Vocabulary.queues), domain, using: &rng)
            default: name = uniqueName(rng.pick(Vocabulary.externals), domain, using: &rng)
            }
            let i = add(name, role, domain, layer: 6)
            infra.append(i)
            if let owner, role == .database || role == .cache { link(owner, i) }
        }

        // Calls from the top down.
        if let frontend {
            link(gateway, frontend)
            let viaFrontend = rng.sample(apiLayers[0], count: max(1, rng.int(1...max(1, apiLayers[0].count))))
            for api in viaFrontend { link(frontend, api) }
            for api in apiLayers[0] where !viaFrontend.contains(api) || rng.chance(0.3) { link(gateway, api) }
        } else {
            for api in apiLayers[0] { link(gateway, api) }
        }
        for layer in 1..<max(1, layerCount) {
            let above = apiLayers[0..<layer].flatMap { $0 }
            for api in apiLayers[layer] {
                for caller in rng.sample(above, count: rng.int(1...2)) { link(caller, api) }
            }
        }
        for worker in workerIndices {
            for caller in rng.sample(allApis, count: rng.int(1...2)) { link(caller, worker) }
        }
        let queues = infra.filter { nodes[$0].role == .queue }
        for consumer in consumerIndices {
            if !queues.isEmpty { link(consumer, rng.pick(queues)) }
            let lower = apiLayers.count > 1 ? apiLayers[1...].flatMap { $0 } : []
            if !lower.isEmpty, rng.chance(0.4) { link(consumer, rng.pick(lower)) }
        }

        // Every store gets one to three callers among the application services, preferring its own domain.
        for store in infra {
            let role = nodes[store].role
            var candidates: [Int]
            switch role {
            case .queue: candidates = allApis + workerIndices
            case .external: candidates = allApis.filter { nodes[$0].layer > 2 || layerCount == 1 } + workerIndices
            default: candidates = apps
            }
            if candidates.isEmpty { candidates = apps }
            if candidates.isEmpty { candidates = [gateway] }
            let wanted = rng.int(1...(role == .external ? 2 : 3))
            let sameDomain = candidates.filter { nodes[$0].domain == nodes[store].domain }
            var chosen = sameDomain.prefix(1).map { $0 }
            for c in rng.shuffled(candidates) where chosen.count < wanted && !chosen.contains(c) { chosen.append(c) }
            for caller in chosen { link(caller, store) }
        }
        // An application service with no store of its own often talks to one anyway.
        let stores = infra.filter { nodes[$0].role == .database || nodes[$0].role == .cache }
        for app in apps where !stores.isEmpty && !nodes[app].calls.contains(where: { stores.contains($0) }) {
            if rng.chance(0.5) { link(app, rng.pick(stores)) }
        }
        // Nothing but the entries may be left without a caller.
        for i in nodes.indices where i != gateway && nodes[i].role != .consumer {
            let hasCaller = nodes.contains { $0.calls.contains(i) }
            if !hasCaller {
                let above = nodes.indices.filter { nodes[$0].layer < nodes[i].layer && nodes[$0].role.isApplication }
                link(above.isEmpty ? gateway : rng.pick(above), i)
            }
        }
    }

    @discardableResult
    private mutating func add(_ name: String, _ role: SimulatedTopology.Role, _ domain: String?, layer: Int) -> Int {
        used[name] = true
        nodes.append(Node(name: name, role: role, domain: domain, layer: layer))
        return nodes.count - 1
    }

    private mutating func link(_ caller: Int, _ callee: Int) {
        guard caller != callee, !nodes[caller].calls.contains(callee) else { return }
        nodes[caller].calls.append(callee)
    }

    /// Fills `{d}` with the domain; on a clash, tries other patterns' shapes, then a numeric suffix.
    private mutating func uniqueName(_ pattern: String, _ domain: String, using rng: inout some RandomNumberGenerator)
        -> String
    {
        let base = pattern.filling("{d}", with: domain)
        if used[base] == nil { return base }
        for suffix in ["-v2", "-internal", "-2", "-3", "-4", "-5", "-6", "-7", "-8", "-9"] {
            let name = base + suffix
            if used[name] == nil { return name }
        }
        return base + "-" + rng.hex(4)
    }

    func services() -> [SimulatedTopology.Service] {
        let order = nodes.indices.sorted { (nodes[$0].layer, $0) < (nodes[$1].layer, $1) }
        return order.map { i in
            let calls = nodes[i].calls.sorted { (nodes[$0].layer, $0) < (nodes[$1].layer, $1) }
            return SimulatedTopology.Service(name: nodes[i].name, role: nodes[i].role, calls: calls.map { nodes[$0].name })
        }
    }
}

