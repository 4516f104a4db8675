public import CausewayCore
public import CausewayIngest

/// A statement the analysis makes, with the lines behind it.
public struct Finding: Hashable, Sendable {
    public var text: String
    public var evidence: [EvidenceLine]

    public init(_ text: String, evidence: [EvidenceLine] = []) {
        self.text = text
        self.evidence = evidence
    }
}

/// One candidate root cause: a service, the symptom that makes it a candidate, and how much of the
/// incident it accounts for.
public struct Hypothesis: Hashable, Sendable {
    public var rank: Int
    public var service: ServiceName
    public var role: ServiceRole
    /// The most root-like signal about the service, nil when only unclassified errors point at it.
    public var signal: SignalID?
    /// The event that stands for the hypothesis (its most root-like, then earliest).
    public var event: Int?
    /// Share of the random walk's mass on the service's events, after holding some back for causes
    /// outside the logs; in [0, 1] and summing to at most 1 over all hypotheses.
    public var confidence: Double
    /// When the service's trouble was first seen.
    public var firstSeen: Timestamp?
    public var evidence: [EvidenceLine]
    public var reasonsFor: [Finding]
    public var reasonsAgainst: [Finding]
    /// Affected services whose trouble this hypothesis explains (through explains edges).
    public var explains: [ServiceName]
    /// Affected services it leaves unexplained.
    public var leavesUnexplained: [ServiceName]
}
