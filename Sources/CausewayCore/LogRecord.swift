/// One normalised log record: a line (or a multi-line record joined to its head) reduced to the four
/// facts every later stage reads, plus where it came from.
public struct LogRecord: Hashable, Sendable {
    /// When it happened; nil when the line carried no time we could read.
    public var timestamp: Timestamp?
    public var level: LogLevel
    /// The service that emitted it, normalised; nil when neither the line nor its file names one.
    public var service: ServiceName?
    /// The message without the header fields (time, level, service).
    public var message: String
    public var location: SourceLocation
    /// The line as it was read (after repairing invalid UTF-8), for evidence.
    public var raw: String

    public init(
        timestamp: Timestamp?, level: LogLevel, service: ServiceName?, message: String, location: SourceLocation,
        raw: String
    ) {
        self.timestamp = timestamp
        self.level = level
        self.service = service
        self.message = message
        self.location = location
        self.raw = raw
    }
}
