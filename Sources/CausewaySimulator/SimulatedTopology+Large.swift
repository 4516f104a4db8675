extension SimulatedTopology {
    /// Draws a large layered service map of `size` services (at least 20), for scale drills: hundreds of
    /// services where ``random(using:size:)`` stops at 40.
    ///
    /// One gateway calls a fifth of the services as its APIs; the APIs call backend APIs, which call workers,
    /// databases and caches; workers call databases, queues and now and then a third-party API. Every call
    /// points one layer down, so the map is a DAG and every service but the gateway has a caller. Names are
    /// `<domain><number>-<role word>` (`orders07-api`, `ledger03-db`), which name their role and keep no
    /// trailing number that could read as a replica suffix.
    ///
    /// - Complexity: O(size).
    public static func large(size: Int, using rng: inout some RandomNumberGenerator) -> SimulatedTopology {
        let size = max(20, size)
        let counts: [(Role, String, Double)] = [
            (.api, "api", 0.16), (.api, "service", 0.40), (.worker, "worker", 0.20), (.database, "db", 0.12),
            (.cache, "cache", 0.08), (.queue, "queue", 0.02),
        ]
        var layers: [[String]] = [["edge-gateway"]]
        var roles: [String: Role] = ["edge-gateway": .gateway]
        var made = 1
        var serial = 0
        for (index, (role, word, share)) in counts.enumerated() {
            let count = index == counts.count - 1 ? max(1, size - 1 - made - 1) : max(1, Int(Double(size) * share))
            var layer: [String] = []
            for _ in 0..<count {
                serial += 1
                let domain = Vocabulary.domains[serial % Vocabulary.domains.count]
                let name = "\(domain)\(serial < 10 ? "0" : "")\(serial)-\(word)"
                layer.append(name)
                roles[name] = role
            }
            made += count
            layers.append(layer)
        }
        layers.append(["stripe-external"])
        roles["stripe-external"] = .external

        let gateway = layers[0][0], frontAPIs = layers[1], backAPIs = layers[2], workers = layers[3]
        let databases = layers[4], caches = layers[5], queues = layers[6], external = layers[7][0]
        func pick(_ names: [String], _ count: Int) -> [String] {
            var chosen: [String] = []
            while chosen.count < min(count, names.count) {
                let name = names[rng.int(0...(names.count - 1))]
                if !chosen.contains(name) { chosen.append(name) }
            }
            return chosen
        }
        var calls: [String: [String]] = [gateway: frontAPIs]
        for api in frontAPIs { calls[api] = pick(backAPIs, 3) }
        for api in backAPIs { calls[api] = pick(workers, 1) + pick(databases, 1) + pick(caches, 1) }
        for worker in workers { calls[worker] = pick(databases, 1) + pick(queues, 1) + (rng.chance(0.2) ? [external] : []) }
        // Every backend has a caller, so no service floats outside the request path.
        var called = Set(calls.values.flatMap { $0 })
        for (layer, callers) in [(backAPIs, frontAPIs), (workers, backAPIs), (databases, backAPIs), (caches, backAPIs), (queues, workers), ([external], workers)] {
            for name in layer where !called.contains(name) {
                let caller = callers[rng.int(0...(callers.count - 1))]
                calls[caller, default: []].append(name)
                called.insert(name)
            }
        }
        let services = layers.flatMap { $0 }.map { Service(name: $0, role: roles[$0]!, calls: calls[$0] ?? []) }
        do {
            return try SimulatedTopology(services: services)
        } catch {
            preconditionFailure("generated topology is invalid: \(error)")
        }
    }
}
