public import CausewayCore

/// One line kept as evidence: where it is, when, and its text (truncated for very long lines).
public struct EvidenceLine: Hashable, Sendable, Codable, Comparable {
    public var location: SourceLocation
    public var timestamp: Timestamp?
    public var level: LogLevel
    /// The line as read, at most ``EvidenceLine/maximumLength`` characters.
    public var text: String

    /// Longer lines are cut here (with `…`), so one 20 MB line cannot swamp a report.
    public static let maximumLength = 2_000

    public init(location: SourceLocation, timestamp: Timestamp?, level: LogLevel, text: String) {
        self.location = location
        self.timestamp = timestamp
        self.level = level
        self.text = text.utf8.count > Self.maximumLength && text.count > Self.maximumLength
            ? String(text.prefix(Self.maximumLength)) + "…" : text
    }

    public static func < (lhs: EvidenceLine, rhs: EvidenceLine) -> Bool {
        let l = lhs.timestamp?.nanoseconds ?? Int64.min
        let r = rhs.timestamp?.nanoseconds ?? Int64.min
        return (l, lhs.location) < (r, rhs.location)
    }
}

/// A mention with the line that made it, and how that line made it.
public struct LocatedMention: Hashable, Sendable, Comparable {
    public var target: MentionTarget
    public var evidence: EvidenceLine
    /// The strongest way any of the template's lines named the target.
    public var cue: MentionCue
    /// The role the naming implied (`postgres://`, port 6379, the word `Redis`), if any.
    public var roleHint: ServiceRole?

    public init(target: MentionTarget, evidence: EvidenceLine, cue: MentionCue = .name, roleHint: ServiceRole? = nil) {
        self.target = target
        self.evidence = evidence
        self.cue = cue
        self.roleHint = roleHint
    }

    public static func < (lhs: LocatedMention, rhs: LocatedMention) -> Bool {
        (lhs.target, lhs.evidence) < (rhs.target, rhs.evidence)
    }
}

/// All lines of one service that share a template and the same signals: one event of the incident.
public struct LogTemplate: Hashable, Sendable {
    /// Stable across runs: the service and a hash of the template text.
    public var id: String
    public var service: ServiceName
    /// The message with variable parts masked as `<*>`.
    public var pattern: String
    /// The first line's message (header fields removed), at most 500 characters.
    public var message: String
    /// Matched signals, most specific first.
    public var signals: [SignalID]
    /// The loudest level among its lines.
    public var level: LogLevel
    public var count: Int
    public var firstSeen: Timestamp?
    public var lastSeen: Timestamp?
    /// The first lines, in reading order, at most ``LogTemplate/sampleLimit``.
    public var samples: [EvidenceLine]
    /// What its lines name besides the emitter, one located example each.
    public var mentions: [LocatedMention]
    /// Lines per second (only lines with a timestamp).
    public var timeline: TemplateTimeline

    public static let sampleLimit = 5

    public init(
        id: String, service: ServiceName, pattern: String, message: String, signals: [SignalID], level: LogLevel, count: Int,
        firstSeen: Timestamp?, lastSeen: Timestamp?, samples: [EvidenceLine], mentions: [LocatedMention], timeline: TemplateTimeline
    ) {
        self.id = id
        self.service = service
        self.pattern = pattern
        self.message = message
        self.signals = signals
        self.level = level
        self.count = count
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.samples = samples
        self.mentions = mentions
        self.timeline = timeline
    }

    /// Whether the lines look like trouble: a matched signal, or WARN and above — unless their only signal
    /// is a benign one (``SignalRulebook/benignSignals``), such as a client's 404.
    public var isAnomalous: Bool {
        if let first = signals.first, SignalRulebook.benignSignals.contains(first), signals.count == 1 { return false }
        return !signals.isEmpty || level >= .warning
    }
}
