/// A service map to simulate incidents on: services, what each one does, and whom it calls.
///
/// Calls point from a caller to its dependency (`api-gateway` calls `checkout-api`, `checkout-api` calls
/// `orders-db`). A failure travels the other way: up from a dependency to its callers.
///
/// Build one from code, parse a FORMAT.md `topology.yaml` or `topology.json` with ``init(parsing:)``, render it
/// back with ``yaml``, or draw a realistic one with ``random(using:size:)``.
///
/// ## Topics
/// ### Building
/// - ``init(services:)``
/// - ``init(parsing:)``
/// - ``random(using:size:)``
/// - ``large(size:using:)``
/// ### Reading
/// - ``services``
/// - ``service(named:)``
/// - ``callers(of:)``
/// - ``entries``
/// - ``yaml``
public struct SimulatedTopology: Sendable, Hashable {
    /// What a service does, which decides the faults it can suffer and how it logs.
    public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
        case gateway, frontend, api, worker, consumer, queue, cache, database, external

        /// Application code we run ourselves (as opposed to infrastructure and third parties).
        public var isApplication: Bool {
            switch self {
            case .gateway, .frontend, .api, .worker, .consumer: true
            case .queue, .cache, .database, .external: false
            }
        }

        /// Where users come in.
        public var isUserFacing: Bool { self == .gateway || self == .frontend }

        /// A best guess from a service's name, for topology files that leave the role out.
        public static func inferred(fromName name: String) -> Role {
            let n = name.lowercased()
            func has(_ words: String...) -> Bool { words.contains { n.contains($0) } }
            if has("gateway") && has("stripe", "paypal", "payment-provider") { return .external }
            if has("stripe", "sendgrid", "twilio", "paypal", "auth0", "shippo", "googleapis", "maps-api", "external",
                   "third-party", "s3-") { return .external }
            if has("redis", "memcache", "cache", "valkey") { return .cache }
            if has("postgres", "mysql", "maria", "mongo", "-db", "database", "cassandra", "dynamo") { return .database }
            if has("kafka", "rabbit", "nats", "queue", "broker", "sqs", "pubsub") { return .queue }
            if has("gateway", "ingress", "nginx", "envoy", "edge", "proxy") { return .gateway }
            if has("frontend", "web", "ui", "storefront", "bff", "portal", "dashboard") { return .frontend }
            if has("worker", "job", "cron", "batch") { return .worker }
            if has("consumer", "listener", "processor", "subscriber") { return .consumer }
            return .api
        }
    }

    /// One service: its base name (no pod or replica suffix), its role and the services it calls.
    public struct Service: Sendable, Hashable {
        public var name: String
        public var role: Role
        public var calls: [String]

        public init(name: String, role: Role, calls: [String] = []) {
            self.name = name
            self.role = role
            self.calls = calls
        }
    }

    /// Every service, in the order given.
    public let services: [Service]
    private let indexByName: [String: Int]
    private let callerIndices: [[Int]]

    /// Creates a topology, checking that names are unique and every call names a listed service.
    public init(services: [Service]) throws(SimulatorError) {
        guard !services.isEmpty else {
            throw SimulatorError(.topologyInvalid, "a topology needs at least one service")
        }
        var index: [String: Int] = [:]
        for (i, service) in services.enumerated() {
            guard !service.name.isEmpty, !service.name.contains(where: \.isWhitespace) else {
                throw SimulatorError(.topologyInvalid, "service name '\(service.name)' is empty or has spaces")
            }
            guard index[service.name] == nil else {
                throw SimulatorError(.topologyInvalid, "service '\(service.name)' is listed twice; merge its calls")
            }
            index[service.name] = i
        }
        var callers = Array(repeating: [Int](), count: services.count)
        for (i, service) in services.enumerated() {
            var seen: [String: Bool] = [:]
            for callee in service.calls {
                guard let j = index[callee] else {
                    throw SimulatorError(
                        .topologyInvalid, "'\(service.name)' calls '\(callee)', which is not listed; add it as a service")
                }
                guard j != i else {
                    throw SimulatorError(.topologyInvalid, "'\(service.name)' calls itself; remove that call")
                }
                guard seen[callee] == nil else { continue }
                seen[callee] = true
                callers[j].append(i)
            }
        }
        self.services = services
        self.indexByName = index
        self.callerIndices = callers
    }

    /// The service with this name, if any.
    public func service(named name: String) -> Service? {
        indexByName[name].map { services[$0] }
    }

    /// The services that call `name`, in topology order.
    public func callers(of name: String) -> [String] {
        guard let i = indexByName[name] else { return [] }
        return callerIndices[i].map { services[$0].name }
    }

    /// The services nobody calls: where requests enter (gateways and frontends, and consumers fed by a queue).
    public var entries: [String] {
        services.indices.filter { callerIndices[$0].isEmpty }.map { services[$0].name }
    }

    /// Dense index of a service (internal: graph work inside the simulator).
    func index(of name: String) -> Int? { indexByName[name] }

    /// Caller indices of the service at `index`.
    func callers(ofIndex index: Int) -> [Int] { callerIndices[index] }

    /// Callee indices of the service at `index`, without repeats.
    func callees(ofIndex index: Int) -> [Int] {
        var result: [Int] = []
        for name in services[index].calls {
            if let j = indexByName[name], !result.contains(j) { result.append(j) }
        }
        return result
    }

    public static func == (lhs: SimulatedTopology, rhs: SimulatedTopology) -> Bool {
        lhs.services == rhs.services
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(services)
    }
}
