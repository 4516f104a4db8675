/// The shapes of log line Causeway reads. Detected per line and counted per file.
public enum LogFormat: String, Hashable, Sendable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
    /// `time LEVEL service message` and its common variants (level and service in any order, bracketed).
    case plain
    /// A shipper's envelope around an application line: `time LEVEL stream LEVEL service message`.
    /// The inner level and service are the emitter's.
    case wrapped
    /// One JSON object per line (structured loggers, Docker's json-file, Loki, journald, OpenTelemetry).
    case jsonLines = "json"
    /// `key=value` pairs (Heroku, Go's logfmt, slog's text handler).
    case logfmt

    public static func < (lhs: LogFormat, rhs: LogFormat) -> Bool { lhs.rawValue < rhs.rawValue }
}
