/// The service map: who calls whom, and what role each service plays.
///
/// One map merges what three sources say: the user's declaration (`topology.yaml`), what log lines imply
/// (co-mentions, URLs, client vocabulary) and what trace spans show (a parent span in one service with a child
/// in another). Each call edge records where it came from, how sure that source is, and the lines or spans
/// behind it. Services and calls are kept sorted, so every walk over a topology is deterministic.
///
/// ## Topics
/// ### Building
/// - ``addService(_:role:)``
/// - ``addCall(_:)``
/// - ``merge(_:)``
/// ### Reading
/// - ``call(from:to:)``
/// - ``callees(of:)``
/// - ``callers(of:)``
/// - ``conflicts(declared:observed:)``
public struct Topology: Hashable, Sendable {
    /// Where a call edge came from.
    public enum Provenance: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
        /// Written by the user in `topology.yaml` / `topology.json`.
        case declared
        /// Read off log lines (co-mentions, URLs, client vocabulary).
        case inferred
        /// Read off trace spans.
        case traced

        public static func < (lhs: Provenance, rhs: Provenance) -> Bool { lhs.rawValue < rhs.rawValue }

        /// Which source wins when two say the same edge: the declaration, then traces, then logs.
        var precedence: Int {
            switch self {
            case .declared: 0
            case .traced: 1
            case .inferred: 2
            }
        }
    }

    /// What traces saw of one call edge: how many calls, how many failed, and when.
    public struct Traffic: Hashable, Sendable, Codable {
        /// Parent/child span pairs across the two services (or client spans naming the callee).
        public var calls: Int
        /// Those whose span was marked as an error.
        public var errors: Int
        public var firstSeen: Timestamp?
        public var lastSeen: Timestamp?

        public init(calls: Int, errors: Int, firstSeen: Timestamp?, lastSeen: Timestamp?) {
            self.calls = calls
            self.errors = errors
            self.firstSeen = firstSeen
            self.lastSeen = lastSeen
        }

        /// Both counts added, the time span widened.
        public mutating func absorb(_ other: Traffic) {
            calls += other.calls
            errors += other.errors
            if let t = other.firstSeen, firstSeen.map({ t < $0 }) ?? true { firstSeen = t }
            if let t = other.lastSeen, lastSeen.map({ t > $0 }) ?? true { lastSeen = t }
        }
    }

    /// One dependency: `caller` calls `callee`.
    public struct Call: Hashable, Sendable, Comparable {
        public var caller: ServiceName
        public var callee: ServiceName
        /// The source that drew the edge (the strongest, when several did).
        public var provenance: Provenance
        /// Why the edge was drawn, such as `a line from fashion-aura-api names payments-worker (logs/app.log:2)`.
        public var reason: String?
        /// How sure the source is, in [0, 1]: 1 for a declaration; for traces, from the number of calls; for
        /// logs, from the cues (an address such as `http://b:8080` says more than a bare name).
        public var confidence: Double
        /// The lines (or trace spans, cited by their line in the export) behind the edge: at most
        /// ``Topology/Call/evidenceLimit``, sorted.
        public var evidence: [SourceLocation]
        /// What traces saw of this edge, if any saw it.
        public var traffic: Traffic?
        /// Other sources that drew the same edge (a declared call the traces confirm), sorted.
        public var corroboratedBy: [Provenance]

        /// Most evidence locations kept per edge.
        public static let evidenceLimit = 5

        public init(
            caller: ServiceName, callee: ServiceName, provenance: Provenance, reason: String? = nil, confidence: Double? = nil,
            evidence: [SourceLocation] = [], traffic: Traffic? = nil
        ) {
            self.caller = caller
            self.callee = callee
            self.provenance = provenance
            self.reason = reason
            self.confidence = min(1, max(0, confidence ?? (provenance == .declared ? 1 : 0.5)))
            self.evidence = Array(Set(evidence).sorted().prefix(Self.evidenceLimit))
            self.traffic = traffic
            self.corroboratedBy = []
        }

        /// Every source that drew the edge, the primary one first.
        public var sources: [Provenance] { [provenance] + corroboratedBy }

        public static func < (lhs: Call, rhs: Call) -> Bool {
            (lhs.caller, lhs.callee, lhs.provenance) < (rhs.caller, rhs.callee, rhs.provenance)
        }
    }

    /// Declared roles, by service; a service missing here has its role inferred.
    public private(set) var roles: [ServiceName: ServiceRole]
    /// Every service named, sorted.
    public private(set) var services: [ServiceName]
    /// Every call edge, sorted by caller then callee, at most one per (caller, callee).
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
        guard call.caller != call.callee else { return false }
        let (found, index) = position(call.caller, call.callee)
        guard !found else { return false }
        addService(call.caller)
        addService(call.callee)
        calls.insert(call, at: index)
        return true
    }

    /// Adds `call`, or folds it into the edge already drawn between the same two services: the stronger
    /// source stays primary (declared, then traced, then inferred), the other is listed in
    /// ``Call/corroboratedBy``, traffic adds up, evidence is pooled and the confidence is the larger.
    public mutating func merge(_ call: Call) {
        guard call.caller != call.callee else { return }
        let (found, index) = position(call.caller, call.callee)
        guard found else {
            addCall(call)
            return
        }
        var existing = calls[index]
        if call.provenance != existing.provenance {
            var incoming = call
            if incoming.provenance.precedence < existing.provenance.precedence {
                swap(&existing, &incoming)
            }
            let others = Set(existing.corroboratedBy + incoming.corroboratedBy + [incoming.provenance]).subtracting([existing.provenance])
            existing.corroboratedBy = others.sorted { $0.precedence < $1.precedence }
            existing.confidence = max(existing.confidence, incoming.confidence)
            existing.evidence = Array(Set(existing.evidence + incoming.evidence).sorted().prefix(Call.evidenceLimit))
            if let traffic = incoming.traffic {
                if existing.traffic == nil { existing.traffic = traffic } else { existing.traffic!.absorb(traffic) }
            }
        } else {
            existing.confidence = max(existing.confidence, call.confidence)
            existing.evidence = Array(Set(existing.evidence + call.evidence).sorted().prefix(Call.evidenceLimit))
            if let traffic = call.traffic {
                if existing.traffic == nil { existing.traffic = traffic } else { existing.traffic!.absorb(traffic) }
            }
        }
        calls[index] = existing
    }

    public func contains(_ name: ServiceName) -> Bool {
        services.binarySearch(name) != nil
    }

    /// - Complexity: O(log c) for c calls.
    public func hasCall(from caller: ServiceName, to callee: ServiceName) -> Bool {
        position(caller, callee).found
    }

    /// The edge `caller → callee`, if drawn.
    /// - Complexity: O(log c) for c calls.
    public func call(from caller: ServiceName, to callee: ServiceName) -> Call? {
        let (found, index) = position(caller, callee)
        return found ? calls[index] : nil
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

    /// Whether an edge joins the two services and, if not, where it would go in `calls`.
    /// - Complexity: O(log c): `calls` is sorted by (caller, callee) and holds one edge per pair.
    private func position(_ caller: ServiceName, _ callee: ServiceName) -> (found: Bool, index: Int) {
        var low = 0
        var high = calls.count
        while low < high {
            let mid = (low + high) / 2
            if (calls[mid].caller, calls[mid].callee) < (caller, callee) {
                low = mid + 1
            } else {
                high = mid
            }
        }
        let found = low < calls.count && calls[low].caller == caller && calls[low].callee == callee
        return (found, low)
    }
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
