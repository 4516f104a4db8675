public import CausewayCore
public import Foundation

/// What ingestion hands the analysis: the incident's lines reduced to templates, and what was read.
public struct IncidentLog: Sendable {
    /// Templates sorted by first appearance, then service and id.
    public var templates: [LogTemplate]
    public var statistics: IngestStatistics

    public init(templates: [LogTemplate], statistics: IngestStatistics) {
        self.templates = templates
        self.statistics = statistics
    }
}

/// Reads log files and streams into templates, one line at a time.
///
/// Every line is accounted for: it becomes part of a record, is joined to the record above it as a
/// continuation, or is counted in ``IngestStatistics/skipped`` with its reason.
public struct LogIngestor {
    public struct Options: Sendable {
        /// Services known before reading (from the topology): accepted as service names in any position.
        public var knownServices: Set<ServiceName>
        /// The service for lines that name none, when neither they nor their file name tell.
        public var defaultService: ServiceName?

        public init(knownServices: Set<ServiceName> = [], defaultService: ServiceName? = nil) {
            self.knownServices = knownServices
            self.defaultService = defaultService
        }
    }

    /// Lines longer than this are cut (and counted): a message never needs more to be classified.
    public static let maximumLineBytes = 64 * 1024

    private let rulebook: SignalRulebook
    private let options: Options
    private let plain: PlainLineParser
    private let json = JSONLineParser()
    private let logfmt = LogfmtParser()

    private var statistics = IngestStatistics()
    private var templates: [LogTemplate] = []
    private var templateIndex: [TemplateKey: Int] = [:]
    private var emitters = Set<ServiceName>()

    private struct TemplateKey: Hashable {
        var service: ServiceName
        var pattern: String
        var signals: [SignalID]
    }

    public init(rulebook: SignalRulebook, options: Options = Options()) {
        self.rulebook = rulebook
        self.options = options
        self.plain = PlainLineParser(knownServices: Set(options.knownServices.map(\.rawValue)))
    }

    /// Reads one file. A file that cannot be read is counted and skipped, not thrown: the other inputs
    /// still deserve analysis.
    public mutating func ingest(fileAt path: String, displayPath: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            statistics.skip(.unreadableFile)
            statistics.files.append(.init(path: displayPath, lines: 0, records: 0, format: nil))
            return
        }
        ingest(data: data, displayPath: displayPath, fileService: Self.service(fromFileName: path))
    }

    /// Reads bytes already in memory (standard input, tests).
    public mutating func ingest(data: Data, displayPath: String, fileService: ServiceName? = nil) {
        if data.isEmpty {
            statistics.skip(.emptyFile)
            statistics.files.append(.init(path: displayPath, lines: 0, records: 0, format: nil))
            return
        }
        if Self.looksBinary(data) {
            statistics.skip(.binaryFile)
            statistics.files.append(.init(path: displayPath, lines: 0, records: 0, format: nil))
            return
        }
        var file = FileState(displayPath: displayPath, fileService: fileService ?? options.defaultService)
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            var lineNumber = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                lineNumber += 1
                var lineEnd = end
                if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                readLine(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]), number: lineNumber, file: &file)
                start = end + 1
            }
        }
        flush(&file)
        statistics.files.append(
            .init(
                path: displayPath, lines: file.lines, records: file.records,
                format: file.formats.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key))
    }

    /// The templates and statistics so far, with mentions resolved against every service seen.
    public func finish() -> IncidentLog {
        var result = templates
        let known = emitters.union(options.knownServices)
        let extractor = MentionExtractor(knownServices: known, vocabulary: rulebook.vocabulary)
        for index in result.indices {
            // The first line's message (not its raw text, whose header may name a shipper's stream).
            let evidence = result[index].samples[0]
            result[index].mentions = extractor.mentions(in: result[index].message, emitter: result[index].service)
                .map { LocatedMention(target: $0, evidence: evidence) }
        }
        result.sort {
            let l = $0.firstSeen?.nanoseconds ?? Int64.max
            let r = $1.firstSeen?.nanoseconds ?? Int64.max
            return (l, $0.service, $0.id) < (r, $1.service, $1.id)
        }
        var stats = statistics
        stats.services = emitters.sorted()
        stats.templates = result.count
        return IncidentLog(templates: result, statistics: stats)
    }

    // MARK: - Lines

    private struct FileState {
        var displayPath: String
        var fileService: ServiceName?
        var lines = 0
        var records = 0
        var formats: [LogFormat: Int] = [:]
        var context: Timestamp?
        var sawTimestamps = false
        var pending: PendingRecord?
    }

    private struct PendingRecord {
        var parsed: ParsedLine
        var head: String
        var continuation: String = ""
        var location: SourceLocation
    }

    private mutating func readLine(_ bytes: UnsafeBufferPointer<UInt8>, number: Int, file: inout FileState) {
        file.lines += 1
        statistics.lines += 1
        var slice = bytes
        if slice.count > Self.maximumLineBytes {
            slice = UnsafeBufferPointer(rebasing: slice[0..<Self.maximumLineBytes])
            statistics.skip(.overlongLine)
        }
        var text: String
        if slice.contains(0) {
            statistics.skip(.nulBytes)
            text = String(decoding: slice.filter { $0 != 0 }, as: UTF8.self)
        } else if let valid = String(validating: slice, as: UTF8.self) {
            text = valid
        } else {
            statistics.skip(.invalidUTF8)
            text = String(decoding: slice, as: UTF8.self)
        }
        if text.allSatisfy({ $0 == " " || $0 == "\t" }) {
            statistics.skip(.blankLine)
            return
        }
        let line = Substring(text)
        var parsed: ParsedLine
        if line.first == "{", let structured = json.parse(line, plain: plain, context: file.context) {
            parsed = structured
        } else if line.contains("="), let structured = logfmt.parse(line, plain: plain, context: file.context) {
            parsed = structured
        } else {
            parsed = plain.parse(line, context: file.context)
        }

        if isContinuation(parsed, line: line, file: file), file.pending != nil {
            file.pending!.continuation += "\n" + text
            statistics.joinedLines += 1
            return
        }
        flush(&file)
        if let ts = parsed.timestamp {
            file.sawTimestamps = true
            if parsed.timestampIsComplete { file.context = ts }
        }
        file.pending = PendingRecord(
            parsed: parsed, head: text, location: SourceLocation(file: file.displayPath, line: number))
    }

    /// A stack frame, a `Caused by:`, an indented line, or an untimed line in a file whose records carry
    /// time: part of the record above.
    private func isContinuation(_ parsed: ParsedLine, line: Substring, file: FileState) -> Bool {
        guard parsed.timestamp == nil, parsed.format == .plain else { return false }
        if let first = line.first, first == " " || first == "\t" { return true }
        if line.hasPrefix("Caused by:") || line.hasPrefix("at ") || line.hasPrefix("...") || line.hasPrefix("Traceback")
        {
            return true
        }
        return file.sawTimestamps && parsed.level == nil
    }

    private mutating func flush(_ file: inout FileState) {
        guard let pending = file.pending else { return }
        file.pending = nil
        let parsed = pending.parsed
        guard let service = parsed.service ?? file.fileService else {
            statistics.skip(.noService)
            return
        }
        file.records += 1
        file.formats[parsed.format, default: 0] += 1
        statistics.records += 1
        statistics.recordsByFormat[parsed.format, default: 0] += 1
        if parsed.timestamp == nil { statistics.recordsWithoutTime += 1 }
        emitters.insert(service)

        let fullText = pending.continuation.isEmpty ? String(parsed.message) : parsed.message + pending.continuation
        let level = parsed.level ?? Self.inferredLevel(LowercasedBytes(fullText))
        let signals = rulebook.signals(in: fullText, level: level)
        let pattern = TemplateMasker.template(of: parsed.message)
        let key = TemplateKey(service: service, pattern: pattern, signals: signals)
        let evidence = EvidenceLine(location: pending.location, timestamp: parsed.timestamp, level: level, text: pending.head)

        if let index = templateIndex[key] {
            templates[index].count += 1
            templates[index].level = max(templates[index].level, level)
            if let ts = parsed.timestamp {
                if templates[index].firstSeen.map({ ts < $0 }) ?? true { templates[index].firstSeen = ts }
                if templates[index].lastSeen.map({ ts > $0 }) ?? true { templates[index].lastSeen = ts }
                templates[index].countsPerSecond[Self.second(ts), default: 0] += 1
            }
            if templates[index].samples.count < LogTemplate.sampleLimit { templates[index].samples.append(evidence) }
        } else {
            let id = service.rawValue + "/" + TemplateMasker.identifier(of: pattern + "\u{1}" + signals.map(\.rawValue).joined(separator: ","))
            var counts: [Int64: Int] = [:]
            if let ts = parsed.timestamp { counts[Self.second(ts)] = 1 }
            templateIndex[key] = templates.count
            templates.append(
                LogTemplate(
                    id: id, service: service, pattern: pattern,
                    message: parsed.message.count > 500 ? String(parsed.message.prefix(500)) + "…" : String(parsed.message),
                    signals: signals, level: level, count: 1,
                    firstSeen: parsed.timestamp, lastSeen: parsed.timestamp, samples: [evidence], mentions: [],
                    countsPerSecond: counts))
        }
    }

    // MARK: - Helpers

    static func second(_ ts: Timestamp) -> Int64 {
        ts.nanoseconds >= 0 ? ts.nanoseconds / 1_000_000_000 : (ts.nanoseconds - 999_999_999) / 1_000_000_000
    }

    /// A level for a line that states none, from the words it uses.
    static func inferredLevel(_ text: LowercasedBytes) -> LogLevel {
        if text.contains(Array("fatal".utf8)) || text.contains(Array("panic".utf8)) { return .critical }
        for word in ["error", "exception", "fail", "refused", "timed out", "timeout", "out of memory", "killed"]
        where text.contains(Array(word.utf8)) {
            return .error
        }
        if text.contains(Array("warn".utf8)) { return .warning }
        return .info
    }

    /// More than 1% NUL bytes or 10% other control bytes in the first 8 KiB: not a log.
    static func looksBinary(_ data: Data) -> Bool {
        let head = data.prefix(8192)
        var nul = 0
        var control = 0
        for byte in head {
            if byte == 0 {
                nul += 1
            } else if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x1B {
                control += 1
            }
        }
        return nul * 100 > head.count || control * 10 > head.count
    }

    /// The service a file is named after (`payments-worker.log`, `payments-worker-7d9f8-x2x1q.log`), unless
    /// the name is a generic one that says nothing about a service.
    public static func service(fromFileName path: String) -> ServiceName? {
        var name = (path as NSString).lastPathComponent
        for suffix in [".gz", ".log", ".txt", ".json", ".jsonl", ".ndjson", ".out", ".err"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        let generic: Set<String> = [
            "log", "logs", "app", "application", "incident", "output", "combined", "all", "messages", "syslog", "stdout",
            "stderr", "events", "console", "server", "main", "current", "latest", "input", "dump", "export",
        ]
        guard let service = ServiceName.normalized(name), !generic.contains(service.rawValue),
            service.rawValue.contains(where: \.isLetter)
        else { return nil }
        return service
    }
}
