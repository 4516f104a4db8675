public import Foundation

/// A case's ground truth (`truth.json`, FORMAT.md). Only `root_cause.service` is required.
public struct CaseTruth: Hashable, Sendable, Decodable {
    public struct RootCause: Hashable, Sendable, Decodable {
        public var service: String
        public var fault: String?
        public var start: String?
    }

    public var rootCause: RootCause
    public var propagation: [String]?
    public var affected: [String]?
    public var acceptableRoots: [String]?

    enum CodingKeys: String, CodingKey {
        case rootCause = "root_cause"
        case propagation
        case affected
        case acceptableRoots = "acceptable_roots"
    }

    /// Every service that counts as a correct root.
    public var correctRoots: Set<String> {
        Set([rootCause.service] + (acceptableRoots ?? []))
    }

    public static func load(_ url: URL) throws -> CaseTruth {
        try JSONDecoder().decode(CaseTruth.self, from: Data(contentsOf: url))
    }
}

/// What scoring reads from an analysis (`report.json`, FORMAT.md), plus the per-service activity the
/// baselines need.
public struct CaseAnswer: Hashable, Sendable, Decodable {
    public struct Hypothesis: Hashable, Sendable, Decodable {
        public var service: String
        public var confidence: Double
    }

    public struct Affected: Hashable, Sendable, Decodable {
        public var service: String
        public var health: String
    }

    public struct Activity: Hashable, Sendable, Decodable {
        public var service: String
        public var errorLines: Int
        public var firstError: String?
    }

    /// The merged topology the analysis ran on (report.json's `topology`): only its calls are read.
    public struct Topology: Hashable, Sendable, Decodable {
        public struct Call: Hashable, Sendable, Decodable {
            public var caller: String
            public var callee: String
            /// `declared`, `inferred` or `traced`.
            public var provenance: String
        }

        public var calls: [Call]
    }

    public var hypotheses: [Hypothesis]
    public var propagationPath: [String]
    public var affectedServices: [Affected]
    public var serviceActivity: [Activity]?
    public var topology: Topology?

    /// The call edges the analysis drew from logs and traces rather than from a topology file.
    public var observedCalls: Set<CallEdge> {
        Set((topology?.calls ?? []).filter { $0.provenance != "declared" }.map { CallEdge(caller: $0.caller, callee: $0.callee) })
    }
}
