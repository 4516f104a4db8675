public import CausewayCore

/// What ingestion read and what it had to skip or repair, by reason: nothing is lost silently.
public struct IngestStatistics: Hashable, Sendable, Codable {
    public struct FileSummary: Hashable, Sendable, Codable {
        public var path: String
        public var lines: Int
        public var records: Int
        /// The format most of its records had; nil when none was read.
        public var format: LogFormat?
        /// The service most of its records belong to; nil when none was read.
        public var service: ServiceName?
        /// Its earliest and latest record times; nil when no record had one.
        public var firstSeen: Timestamp?
        public var lastSeen: Timestamp?

        public init(
            path: String, lines: Int, records: Int, format: LogFormat?, service: ServiceName? = nil, firstSeen: Timestamp? = nil,
            lastSeen: Timestamp? = nil
        ) {
            self.path = path
            self.lines = lines
            self.records = records
            self.format = format
            self.service = service
            self.firstSeen = firstSeen
            self.lastSeen = lastSeen
        }
    }

    /// Why lines or files were skipped or repaired.
    public enum Reason: String, Hashable, Sendable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
        case binaryFile = "binary file"
        case emptyFile = "empty file"
        case unreadableFile = "unreadable file"
        case noService = "no service"
        case invalidUTF8 = "invalid UTF-8 (repaired)"
        case nulBytes = "NUL bytes (removed)"
        case overlongLine = "overlong line (truncated)"
        case blankLine = "blank line"
        case readError = "read error (file changed or vanished)"
        case truncatedGzip = "truncated or damaged gzip"
        case unsupportedDocument = "unsupported document"
        case damagedTrace = "damaged or truncated trace file (spans before the damage read)"
        case foldedTemplates = "records folded past the template limit"
        case malformedRecord = "malformed record"
        case notALog = "source code or notes in a folder (not a log)"

        public static func < (lhs: Reason, rhs: Reason) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var files: [FileSummary] = []
    /// Physical lines read.
    public var lines = 0
    /// Records formed (a multi-line record counts once).
    public var records = 0
    /// Continuation lines joined to the record above them (stack traces and the like).
    public var joinedLines = 0
    public var recordsByFormat: [LogFormat: Int] = [:]
    /// Lines or files, by reason; repairs are counted here too although the line is kept.
    public var skipped: [Reason: Int] = [:]
    /// Records without a readable timestamp (kept, but they cannot be ordered in time).
    public var recordsWithoutTime = 0
    /// Every service seen as an emitter, normalised and sorted.
    public var services: [ServiceName] = []
    public var templates = 0
    /// Spans read from trace exports (OTLP, Jaeger, Zipkin).
    public var traceSpans = 0
    /// Files whose times carry no zone and were read in the zone that puts them beside the zoned files.
    public var localTimeFiles: [LocalTimeFile] = []

    /// Names read as another spelling of a service (``ServiceAliases``), sorted by name.
    public var aliases: [Alias] = []

    /// A name (`ledgerapi`, `ledger01`) read as the service it spells (`ledger-api`).
    public struct Alias: Hashable, Sendable, Codable {
        public var name: ServiceName
        public var service: ServiceName

        public init(name: ServiceName, service: ServiceName) {
            self.name = name
            self.service = service
        }
    }

    /// A file read in local time: its times less `utcOffset` seconds are UTC.
    public struct LocalTimeFile: Hashable, Sendable, Codable {
        public var path: String
        /// Seconds east of UTC (`-18000` for UTC−05:00).
        public var utcOffset: Int

        public init(path: String, utcOffset: Int) {
            self.path = path
            self.utcOffset = utcOffset
        }

        /// `UTC-05:00`, `UTC+05:30`.
        public var zoneName: String {
            let minutes = abs(utcOffset) / 60
            return String(format: "UTC%@%02d:%02d", utcOffset < 0 ? "-" : "+", minutes / 60, minutes % 60)
        }
    }

    public init() {}

    mutating func skip(_ reason: Reason, _ count: Int = 1) {
        skipped[reason, default: 0] += count
    }
}
