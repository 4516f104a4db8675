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

    public var hypotheses: [Hypothesis]
    public var propagationPath: [String]
    public var affectedServices: [Affected]
    public var serviceActivity: [Activity]?
}
