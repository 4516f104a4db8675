/// How loud a log line says it is, on one scale for every format (syslog numbers, Java, Python, Go, pino, OTel).
public enum LogLevel: Int, Comparable, Hashable, Sendable, CaseIterable {
    case trace = 0
    case debug = 1
    case info = 2
    case notice = 3
    case warning = 4
    case error = 5
    case critical = 6
    case emergency = 7

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The conventional upper-case name: `WARN`, `ERROR`, `FATAL`, ...
    public var name: String {
        switch self {
        case .trace: "TRACE"
        case .debug: "DEBUG"
        case .info: "INFO"
        case .notice: "NOTICE"
        case .warning: "WARN"
        case .error: "ERROR"
        case .critical: "FATAL"
        case .emergency: "EMERGENCY"
        }
    }

    /// True for `ERROR` and above.
    public var isError: Bool { self >= .error }

    /// Reads a level word in any common spelling and case (`warn`, `WARNING`, `Err`, `fatal`, `crit`,
    /// `panic`, `E`, `W`; .NET's `fail`, `dbug`, `trce`; PostgreSQL's and PgBouncer's `LOG`; MySQL's `Note`), with or without
    /// brackets or a trailing colon, or a syslog / pino number.
    public init?(word: Substring) {
        var text = word
        while let first = text.first, first == "[" || first == "<" || first == "(" { text = text.dropFirst() }
        while let last = text.last, last == "]" || last == ">" || last == ")" || last == ":" || last == "," {
            text = text.dropLast()
        }
        guard !text.isEmpty, text.count <= 11 else { return nil }
        switch text.lowercased() {
        case "trace", "trc", "trce", "finest", "finer", "verbose", "t": self = .trace
        case "debug", "dbg", "dbug", "fine", "d", "10", "20": self = .debug
        case "info", "inf", "information", "informational", "log", "note", "i", "30", "6": self = .info
        case "notice", "5": self = .notice
        case "warn", "warning", "wrn", "w", "40", "4": self = .warning
        case "error", "err", "eror", "fail", "severe", "e", "50", "3": self = .error
        case "fatal", "critical", "crit", "ftl", "panic", "dpanic", "f", "c", "60", "2": self = .critical
        case "emergency", "emerg", "alert", "0", "1": self = .emergency
        default: return nil
        }
    }

    /// Like ``init(word:)`` but only for spellings that stand for a level in free text: words, not single
    /// letters or numbers, which appear in messages too often to mean a level there.
    public init?(headerWord word: Substring) {
        guard word.count >= 3, word.contains(where: { $0.isLetter }), let level = LogLevel(word: word) else {
            return nil
        }
        self = level
    }

    /// Maps an OpenTelemetry severity number (1-24) onto this scale.
    public init(otelSeverityNumber number: Int) {
        switch number {
        case ...4: self = .trace
        case 5...8: self = .debug
        case 9...12: self = .info
        case 13...16: self = .warning
        case 17...20: self = .error
        default: self = .critical
        }
    }
}

extension LogLevel: Codable {
    /// Decodes any spelling ``init(word:)`` reads; encodes the conventional name (`WARN`, `ERROR`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self), let level = LogLevel(rawValue: number) {
            self = level
            return
        }
        let text = try container.decode(String.self)
        guard let level = LogLevel(word: Substring(text)) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown log level '\(text)'; use trace, debug, info, warning, error or critical")
        }
        self = level
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
