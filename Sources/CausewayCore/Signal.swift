/// A named failure symptom (`oom`, `circuit_open`, `http_5xx`, ...), as defined by the signal rule table.
public struct SignalID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: SignalID, rhs: SignalID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The health a signal implies for the service it is about.
public enum ServiceHealth: String, Hashable, Comparable, Sendable, Codable, CaseIterable {
    case healthy
    /// No symptom yet, but depends on an affected service.
    case atRisk = "at-risk"
    case degraded
    case down

    var rank: Int {
        switch self {
        case .healthy: 0
        case .atRisk: 1
        case .degraded: 2
        case .down: 3
        }
    }

    public static func < (lhs: ServiceHealth, rhs: ServiceHealth) -> Bool { lhs.rank < rhs.rank }
}

/// One row of the signal rule table: what a symptom looks like in a log line and what it means.
///
/// The table ships as a resource (`signals.json`), so the rules can be read and extended without code.
public struct SignalDefinition: Hashable, Sendable, Codable {
    /// Whom a signal is about.
    public enum Subject: String, Hashable, Sendable, Codable {
        /// The service that wrote the line (an OOM kill in its own log).
        case emitter
        /// The service the line names (`connection refused to payments-db`); the emitter when none is named.
        case named
    }

    public var id: SignalID
    /// A short human title: "Out of memory".
    public var title: String
    /// How severe the symptom is for the service it is about.
    public var severity: LogLevel
    public var subject: Subject
    /// Health of the subject service while the signal fires.
    public var subjectHealth: ServiceHealth
    /// Health of the emitter when it reports on another service (it is failing its own callers).
    public var observerHealth: ServiceHealth
    /// Prior odds, in (0, 1], that this symptom is where a failure starts rather than where it arrives:
    /// high for resource faults and crashes, low for symptoms such as timeouts and 5xx.
    public var rootLikelihood: Double
    /// Lines at or above this level match; a rule about what happened (a deploy, an OOM kill) may match INFO.
    public var minimumLevel: LogLevel
    /// Lower-case substrings, any of which matches.
    public var anyOf: [String]
    /// Groups of lower-case substrings that match when all of a group are present.
    public var allOf: [[String]]
    /// Lower-case substrings that veto a match (`timeout=30s` in a config dump is not a timeout).
    public var noneOf: [String]
    /// The symptoms this one explains at the services that depend on its subject, with the strength of the
    /// link in (0, 1]; `*` is the strength for any other symptom.
    public var explains: [String: Double]
    /// What the signal means, for reports.
    public var meaning: String
    /// True for lines that look like trouble but are not (a client's 404): they never become events.
    public var benign: Bool?
    /// True for changes (a deploy, a config or flag change): they are kept as events whenever they happen,
    /// since they are what a failure so often follows.
    public var change: Bool?
    /// True for signals the analysis derives from how a service's traffic changed, not from a line's words.
    public var derived: Bool?
    /// HTTP response statuses that show the signal whatever the words: `"500-599"`, `"429"`. The status
    /// comes from a request line, a method and path, or a status field.
    public var httpStatuses: [String]?
    /// What the signal means when a data store (a database, cache or queue) logs it: a server refusing what a
    /// client sent, not failing. `column "sku" does not exist` is a failure of the code that sent the
    /// statement, in that code's log, and a healthy answer in the database's.
    public var atServer: SignalID?
    /// True for what a caller does *to* its dependencies (a cache emptied at once, so every request falls
    /// through to the origin): the signal explains trouble at the services its subject calls, against the
    /// usual direction in which failures spread.
    public var reachesDependencies: Bool?

    public init(
        id: SignalID, title: String, severity: LogLevel, subject: Subject, subjectHealth: ServiceHealth,
        observerHealth: ServiceHealth, rootLikelihood: Double, minimumLevel: LogLevel, anyOf: [String],
        allOf: [[String]] = [], noneOf: [String] = [], explains: [String: Double], meaning: String
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.subject = subject
        self.subjectHealth = subjectHealth
        self.observerHealth = observerHealth
        self.rootLikelihood = rootLikelihood
        self.minimumLevel = minimumLevel
        self.anyOf = anyOf
        self.allOf = allOf
        self.noneOf = noneOf
        self.explains = explains
        self.meaning = meaning
    }

    /// How strongly this signal at a dependency explains `effect` at a service that depends on it.
    public func strength(explaining effect: SignalID?) -> Double {
        if let effect, let value = explains[effect.rawValue] { return value }
        return explains["*"] ?? 0.3
    }
}
