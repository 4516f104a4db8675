internal import CausewayCore

/// What a parser read off one line, before the reader assigns location and fills gaps from context.
struct ParsedLine: Sendable {
    var timestamp: Timestamp?
    /// False when the line carried only a time of day or a syslog date without a year.
    var timestampIsComplete: Bool = true
    var level: LogLevel?
    var service: ServiceName?
    var message: Substring
    var format: LogFormat
}
