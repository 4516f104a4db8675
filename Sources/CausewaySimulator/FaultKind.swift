/// What goes wrong at the root of a simulated incident. The raw value is truth.json's `root_cause.fault`.
public enum FaultKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The process runs out of memory and is killed (OOMKilled), again and again.
    case oom
    /// The service is starved of CPU: requests slow down, probes time out.
    case cpuSaturation = "cpu_saturation"
    /// The service's own database connection pool is exhausted (a leak or a connection storm).
    case poolExhaustion = "pool_exhaustion"
    /// A database runs slow queries and lock contention: statement timeouts, deadlocks.
    case slowQuery = "slow_query"
    /// A cache cluster goes down (CLUSTERDOWN, restarts, LOADING, maxmemory).
    case cacheDown = "cache_down"
    /// The message broker goes down: producers and consumers lose it.
    case brokerDown = "broker_down"
    /// A new release misbehaves: exceptions, panics, a crashing new pod.
    case badDeploy = "bad_deploy"
    /// A server's TLS certificate expires: its callers' handshakes fail.
    case tlsExpired = "tls_expired"
    /// The service crashes at start-up and Kubernetes backs off restarting it.
    case crashLoop = "crash_loop"
    /// The service's volume fills up: No space left on device.
    case diskFull = "disk_full"
    /// The service is cut off the network (a NetworkPolicy, a bad node): calls to and from it time out.
    case networkIsolation = "network_isolation"
    /// The request-handling thread pool is exhausted: requests queue, are rejected, time out.
    case threadPoolExhaustion = "thread_pool_exhaustion"
    /// A third-party API is down or failing.
    case thirdPartyOutage = "third_party_outage"
    /// A configuration or feature-flag change breaks the service.
    case configChange = "config_change"

    /// The roles a root of this fault can have.
    public var rootRoles: [SimulatedTopology.Role] {
        let app: [SimulatedTopology.Role] = [.api, .worker, .consumer, .frontend]
        switch self {
        case .oom, .cpuSaturation, .crashLoop, .badDeploy: return app
        case .poolExhaustion: return [.api, .worker, .consumer]
        case .threadPoolExhaustion: return [.api, .worker, .frontend]
        case .slowQuery: return [.database]
        case .cacheDown: return [.cache]
        case .brokerDown: return [.queue]
        case .thirdPartyOutage: return [.external]
        case .tlsExpired: return [.gateway, .frontend, .api, .worker, .cache, .database, .queue]
        case .diskFull: return [.api, .worker, .consumer, .database, .queue, .cache]
        case .networkIsolation: return [.frontend, .api, .worker, .consumer, .cache, .database, .queue]
        case .configChange: return [.gateway, .frontend, .api, .worker, .consumer]
        }
    }

    /// Whether `service` in `topology` can be the root of this fault.
    ///
    /// Besides the role: a pool exhaustion needs a database to pool connections to, and a TLS expiry or a
    /// network isolation needs someone calling the service to notice it.
    public func canStrike(_ service: String, in topology: SimulatedTopology) -> Bool {
        guard let s = topology.service(named: service), rootRoles.contains(s.role) else { return false }
        switch self {
        case .poolExhaustion:
            return s.calls.contains { topology.service(named: $0)?.role == .database }
        case .tlsExpired, .networkIsolation:
            return !topology.callers(of: service).isEmpty
        default:
            return true
        }
    }

    /// Every service of `topology` that can be the root of this fault, in topology order.
    public func validRoots(in topology: SimulatedTopology) -> [String] {
        topology.services.map(\.name).filter { canStrike($0, in: topology) }
    }
}
