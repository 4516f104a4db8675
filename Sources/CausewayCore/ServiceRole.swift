/// What a service does in the request path, which orders the tiers: callers above, dependencies below.
public enum ServiceRole: String, Hashable, Comparable, Sendable, CaseIterable, Codable {
    case gateway
    case frontend
    case api
    case worker
    case consumer
    case queue
    case cache
    case database
    case external
    case unknown

    /// The tier, from the user-facing edge (0) to the stores and third parties at the bottom (4).
    /// A failure normally travels up the tiers: a tier-4 outage explains tier-1 errors, not the reverse.
    public var tier: Int {
        switch self {
        case .gateway, .frontend: 0
        case .api: 1
        case .worker, .consumer, .unknown: 2
        case .queue: 3
        case .cache, .database, .external: 4
        }
    }

    /// The tier's name in diagrams and reports.
    public var tierName: String {
        switch tier {
        case 0: "edge"
        case 1: "api"
        case 2: "services"
        case 3: "messaging"
        default: "data & third parties"
        }
    }

    /// Whether users reach the system through this service.
    public var isUserFacing: Bool { tier == 0 }

    /// Whether this is stateful infrastructure rather than application code.
    public var isInfrastructure: Bool { self == .cache || self == .database || self == .queue }

    public static func < (lhs: ServiceRole, rhs: ServiceRole) -> Bool {
        (lhs.tier, lhs.rawValue) < (rhs.tier, rhs.rawValue)
    }
}
