/// The service map: who calls whom, and what role each service plays.
///
/// Services are kept sorted by name so that every walk over a topology is deterministic.
public struct Topology: Hashable, Sendable {
    /// Where a call edge came from.
    public enum Provenance: String, Hashable, Sendable, Codable, Comparable {
        /// Written by the user in `topology.yaml` / `topology.json`.
        case declared
        /// Read off log lines (co-mentions, URLs, client vocabulary).
        case inferred
        /// Read off trace spans.
        case traced

        public static func < (lhs: Provenance, rhs: Provenance) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One dependency: `caller` calls `callee`.
    public struct Call: Hashable, Sendable, Comparable {
        public var caller: ServiceName
        public var callee: ServiceName
        public var provenance: Provenance
        /// Why an inferred edge was drawn, such as `fashion-aura-api names payments-worker (logs/app.log:2)`.
        public var reason: String?

        public init(caller: ServiceName, callee: ServiceName, provenance: Provenance, reason: String? = nil) {
            self.caller = caller
            self.callee = callee
            self.provenance = provenance
            self.reason = reason
        }

        public static func < (lhs: Call, rhs: Call) -> Bool {
            (lhs.caller, lhs.callee, lhs.provenance) < (rhs.caller, rhs.callee, rhs.provenance)
        }
    }

    /// Declared roles, by service; a service missing here has its role inferred.
    public private(set) var roles: [ServiceName: ServiceRole]
    /// Every service named, sorted.
    public private(set) var services: [ServiceName]
    /// Every call edge, sorted, at most one per (caller, callee).
    public private(set) var calls: [Call]

    public init() {
        roles = [:]
        services = []
        calls = []
    }

    /// Adds a service (idempotent); a role given here replaces none already declared.
    public mutating func addService(_ name: ServiceName, role: ServiceRole? = nil) {
        if !contains(name) {
            let index = services.firstIndex(where: { $0 > name }) ?? services.endIndex
            services.insert(name, at: index)
        }
        if let role, roles[name] == nil { roles[name] = role }
    }

    /// Adds `caller → callee` unless that edge is already present; returns whether it was added.
    @discardableResult
    public mutating func addCall(_ call: Call) -> Bool {
        guard call.caller != call.callee, !hasCall(from: call.caller, to: call.callee) else { return false }
        addService(call.caller)
        addService(call.callee)
        let index = calls.firstIndex(where: { $0 > call }) ?? calls.endIndex
        calls.insert(call, at: index)
        return true
    }

    public func contains(_ name: ServiceName) -> Bool {
        services.binarySearch(name) != nil
    }

    public func hasCall(from caller: ServiceName, to callee: ServiceName) -> Bool {
        calls.contains { $0.caller == caller && $0.callee == callee }
    }

    /// The services `service` calls directly, sorted.
    public func callees(of service: ServiceName) -> [ServiceName] {
        calls.filter { $0.caller == service }.map(\.callee)
    }

    /// The services that call `service` directly, sorted.
    public func callers(of service: ServiceName) -> [ServiceName] {
        calls.filter { $0.callee == service }.map(\.caller).sorted()
    }

    public var isEmpty: Bool { services.isEmpty }
}

extension Array where Element: Comparable {
    /// The index of `value` in a sorted array, or nil.
    /// - Complexity: O(log n).
    func binarySearch(_ value: Element) -> Int? {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value {
                low = mid + 1
            } else {
                high = mid
            }
        }
        return low < count && self[low] == value ? low : nil
    }
}
