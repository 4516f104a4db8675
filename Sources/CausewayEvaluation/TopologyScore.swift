/// One call edge, `caller → callee`, by service name.
public struct CallEdge: Hashable, Sendable, Codable, Comparable {
    public var caller: String
    public var callee: String

    public init(caller: String, callee: String) {
        self.caller = caller
        self.callee = callee
    }

    public static func < (lhs: CallEdge, rhs: CallEdge) -> Bool { (lhs.caller, lhs.callee) < (rhs.caller, rhs.callee) }
}

/// How well the topology an analysis found without the case's topology file matches it.
///
/// - Recall: of the call edges the incident's propagation crosses (`truth.propagation` runs from the root to
///   the entry, so each step `a, b` is the call `b → a`), the share the analysis drew, in that direction.
/// - Precision: of the call edges the analysis observed (inferred from lines or read off traces), the share
///   the case's declared topology holds.
///
/// Counts, not ratios, so that groups of cases add up (micro-averaged).
public struct TopologyScore: Hashable, Sendable, Codable {
    /// Propagation edges in the truth, and those the analysis drew.
    public var propagationEdges: Int
    public var propagationEdgesFound: Int
    /// Observed edges the analysis drew, and those the declared topology holds.
    public var observedEdges: Int
    public var observedEdgesDeclared: Int
    /// Observed edges the declaration lacks, and propagation edges missed (sorted), for reading failures.
    public var spurious: [CallEdge]
    public var missed: [CallEdge]

    /// - Parameters:
    ///   - observed: the edges the analysis drew from logs and traces (not from a topology file).
    ///   - declared: the case's topology file's edges.
    ///   - propagation: `truth.propagation`, root first.
    public init(observed: Set<CallEdge>, declared: Set<CallEdge>, propagation: [String]) {
        var crossed = Set<CallEdge>()
        for (callee, caller) in zip(propagation, propagation.dropFirst()) where callee != caller {
            crossed.insert(CallEdge(caller: caller, callee: callee))
        }
        propagationEdges = crossed.count
        propagationEdgesFound = crossed.intersection(observed).count
        observedEdges = observed.count
        observedEdgesDeclared = observed.intersection(declared).count
        spurious = observed.subtracting(declared).sorted()
        missed = crossed.subtracting(observed).sorted()
    }

    public var recall: Double? { propagationEdges == 0 ? nil : Double(propagationEdgesFound) / Double(propagationEdges) }
    public var precision: Double? { observedEdges == 0 ? nil : Double(observedEdgesDeclared) / Double(observedEdges) }
}

/// Topology scores over a group of cases: each case's counts added up.
public struct TopologyScoreSummary: Hashable, Sendable, Codable {
    public var cases: Int
    public var propagationEdges: Int
    public var propagationEdgesFound: Int
    public var observedEdges: Int
    public var observedEdgesDeclared: Int
    /// Recall over every propagation edge of the group (nil when it has none).
    public var recall: Double?
    /// Precision over every observed edge of the group (nil when none was observed).
    public var precision: Double?

    /// Nil when no case of the group was scored.
    public init?(_ scores: [TopologyScore]) {
        guard !scores.isEmpty else { return nil }
        cases = scores.count
        propagationEdges = scores.map(\.propagationEdges).reduce(0, +)
        propagationEdgesFound = scores.map(\.propagationEdgesFound).reduce(0, +)
        observedEdges = scores.map(\.observedEdges).reduce(0, +)
        observedEdgesDeclared = scores.map(\.observedEdgesDeclared).reduce(0, +)
        recall = propagationEdges == 0 ? nil : Double(propagationEdgesFound) / Double(propagationEdges)
        precision = observedEdges == 0 ? nil : Double(observedEdgesDeclared) / Double(observedEdges)
    }
}
