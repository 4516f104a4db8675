/// Where what the system was seen doing disagrees with what its topology file says.
///
/// A declaration is written once and drifts; traces and log lines show what the services do now. A
/// conflict names the two services, what each source says, and the lines or spans behind the observation,
/// so that the user can fix the file (or the system).
public struct TopologyConflict: Hashable, Sendable, Codable, Comparable {
    public enum Kind: String, Hashable, Sendable, Codable, Comparable {
        /// The observation runs against a declared edge: `callee → caller` seen, `caller → callee` declared.
        case reversed
        /// A call between two declared services that the declaration lacks.
        case undeclaredCall = "undeclared-call"
        /// A call involving a service the declaration does not list.
        case undeclaredService = "undeclared-service"
        /// A declared call the traces never show, although they show the caller busy calling others and the
        /// callee present: the declaration may be stale.
        case unobserved

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind
    /// The observed edge.
    public var caller: ServiceName
    public var callee: ServiceName
    /// Who saw it: traces or log lines.
    public var seenBy: Topology.Provenance
    /// One sentence: what was seen, what the declaration says, what to do.
    public var detail: String
    public var evidence: [SourceLocation]

    public init(
        kind: Kind, caller: ServiceName, callee: ServiceName, seenBy: Topology.Provenance, detail: String,
        evidence: [SourceLocation]
    ) {
        self.kind = kind
        self.caller = caller
        self.callee = callee
        self.seenBy = seenBy
        self.detail = detail
        self.evidence = evidence
    }

    public static func < (lhs: TopologyConflict, rhs: TopologyConflict) -> Bool {
        (lhs.kind, lhs.caller, lhs.callee, lhs.seenBy) < (rhs.kind, rhs.caller, rhs.callee, rhs.seenBy)
    }
}

extension Topology {
    /// Traced calls a caller must show before a declared call of its that traces never show counts as
    /// ``TopologyConflict/Kind/unobserved`` (traces are sampled: a few spans prove nothing by absence).
    public static let unobservedMinimumCalls = 20

    /// Observed calls (traced, or inferred from logs with at least `minimumConfidence`) that contradict
    /// `declared`, sorted; and declared calls that busy traces never show. Nothing conflicts with an empty
    /// declaration.
    ///
    /// - Complexity: O((o + d) log d) for o observed and d declared calls.
    public static func conflicts(
        declared: Topology, observed: [Call], minimumConfidence: Double = 0.85
    ) -> [TopologyConflict] {
        guard !declared.isEmpty else { return [] }
        var found = Set<TopologyConflict>()
        let traced = observed.filter { $0.provenance == .traced }
        var tracedOut: [ServiceName: Int] = [:]
        var tracedPairs = Set<[ServiceName]>()
        var inTraces = Set<ServiceName>()
        for call in traced {
            tracedOut[call.caller, default: 0] += call.traffic?.calls ?? 1
            tracedPairs.insert([call.caller, call.callee])
            inTraces.insert(call.caller)
            inTraces.insert(call.callee)
        }
        for call in declared.calls where !tracedPairs.contains([call.caller, call.callee]) {
            guard let out = tracedOut[call.caller], out >= unobservedMinimumCalls, inTraces.contains(call.callee) else { continue }
            found.insert(
                TopologyConflict(
                    kind: .unobserved, caller: call.caller, callee: call.callee, seenBy: .traced,
                    detail:
                        "traces show \(out) call(s) from \(call.caller) but none to \(call.callee), which the topology declares; remove the call if \(call.caller) no longer makes it",
                    evidence: []))
        }
        for call in observed where call.provenance != .declared {
            guard call.provenance == .traced || call.confidence >= minimumConfidence else { continue }
            guard !declared.hasCall(from: call.caller, to: call.callee) else { continue }
            let source = call.provenance == .traced ? "traces show" : "log lines show"
            let count = call.traffic.map { " (\($0.calls) call(s))" } ?? ""
            if declared.hasCall(from: call.callee, to: call.caller) {
                found.insert(
                    TopologyConflict(
                        kind: .reversed, caller: call.caller, callee: call.callee, seenBy: call.provenance,
                        detail:
                            "\(source) \(call.caller) calling \(call.callee)\(count), but the topology declares \(call.callee) → \(call.caller); check the direction of that call",
                        evidence: call.evidence))
            } else if declared.contains(call.caller) && declared.contains(call.callee) {
                found.insert(
                    TopologyConflict(
                        kind: .undeclaredCall, caller: call.caller, callee: call.callee, seenBy: call.provenance,
                        detail:
                            "\(source) \(call.caller) calling \(call.callee)\(count), which the topology does not declare; add it under \(call.caller)'s `calls`",
                        evidence: call.evidence))
            } else if call.provenance == .traced {
                // Log lines name many things that are not services; only traces are sure enough here.
                let missing = [call.caller, call.callee].filter { !declared.contains($0) }.map(\.rawValue)
                found.insert(
                    TopologyConflict(
                        kind: .undeclaredService, caller: call.caller, callee: call.callee, seenBy: call.provenance,
                        detail:
                            "\(source) \(call.caller) calling \(call.callee)\(count), but the topology does not list \(missing.joined(separator: " or ")); add it under `services`",
                        evidence: call.evidence))
            }
        }
        return found.sorted()
    }
}
