internal import CCausewayBytes
internal import CausewayCore
internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

/// What one job read: its keys, its services, and its share of the statistics.
struct JobResult {
    var aggregator: KeyAggregator
    var lines = 0
    var records = 0
    var joinedLines = 0
    var recordsWithoutTime = 0
    /// Records with a time, and those of them whose time carried no zone (``ParsedRecord/timestampIsLocal``).
    var stampedRecords = 0
    var localStampedRecords = 0
    /// Read from standard input (which cannot be read again).
    var fromStandardInput = false
    /// Records per format, indexed by the format's position in `LogFormat.allCases` (no hashing per line).
    var formatCounts = [Int](repeating: 0, count: LogFormat.allCases.count)
    var skipped: [IngestStatistics.Reason: Int] = [:]
    var emitters = Set<ServiceName>()
    var spans = SpanCollector()
    /// The services `spans` entries refer to, by local id.
    var spanServices: [ServiceName] = []
    /// Call edges read off a trace export.
    var tracedCalls: [Topology.Call] = []
    /// Spans read from a trace export.
    var traceSpans = 0
    /// The document's format when it is one (a trace export may yield no record at all).
    var documentFormat: LogFormat?
    /// The file the job read, as reports show it (for traced lines' locations).
    var displayPath = ""

    init(job: Int) {
        aggregator = KeyAggregator(job: job)
    }

    mutating func skip(_ reason: IngestStatistics.Reason, _ count: Int = 1) {
        skipped[reason, default: 0] += count
    }

    /// Gives the services `aliases` names their canonical name, everywhere the result names one.
    mutating func renameServices(_ aliases: [ServiceName: ServiceName]) {
        guard !aliases.isEmpty else { return }
        aggregator.renameServices(aliases)
        emitters = Set(emitters.map { aliases[$0] ?? $0 })
        spanServices = spanServices.map { aliases[$0] ?? $0 }
        for index in tracedCalls.indices {
            if let name = aliases[tracedCalls[index].caller] { tracedCalls[index].caller = name }
            if let name = aliases[tracedCalls[index].callee] { tracedCalls[index].callee = name }
        }
    }

    mutating func count(_ format: LogFormat) {
        formatCounts[format.ordinal] += 1
    }

    var recordsByFormat: [LogFormat: Int] {
        var result: [LogFormat: Int] = [:]
        for (index, format) in LogFormat.allCases.enumerated() where formatCounts[index] > 0 {
            result[format] = formatCounts[index]
        }
        return result
    }
}

extension LogFormat {
    /// Position in `allCases`.
    var ordinal: Int {
        switch self {
        case .plain: 0
        case .wrapped: 1
        case .jsonLines: 2
        case .logfmt: 3
        case .compose: 4
        case .kubectlPrefix: 5
        case .syslog: 6
        case .csv: 7
        case .kubernetesEvents: 8
        case .otlpLogs: 9
        case .otlpTraces: 10
        case .jaegerTraces: 11
        case .zipkinTraces: 12
        case .loki: 13
        case .fluentd: 14
        case .cloudWatchSubscription: 15
        case .cloudTrail: 16
        case .mysqlSlowLog: 17
        case .loadBalancerAccess: 18
        }
    }
}

/// Reads one stretch of lines (a whole file, or a part of a large one) into keys.
///
/// Records are finished one line late, so that stack-trace and continuation lines join the record above
/// them before it is counted.
struct LineJob {
    var index: Int
    var displayPath: String
    var fileService: ServiceName?
    /// Whether `fileService` comes from the file's own name (not from `--service`).
    var fileNamesService = false
    var firstLineNumber: Int
    var context: Timestamp?
    /// The zone the file's times without one are in, seconds east of UTC (0: read them as UTC).
    var utcOffset = 0
    var rulebook: SignalRulebook
    var knownServices: [String]
    /// Bytes read so far, shared with the progress reporter.
    var progress: ProgressCounter?

    func run(_ source: inout BlockSource) -> JobResult {
        var state = LineJobState(job: self)
        var reader = LineReader()
        reader.forEachScannedLine(of: &source, firstLineNumber: firstLineNumber, beforeReuse: { state.keepPending() }) { bytes, number, cut, flags in
            state.read(bytes, number: number, cut: cut, flags: flags)
        }
        state.finishPending()
        state.result.aggregator.finish()
        state.result.spanServices = state.canonical
        state.result.displayPath = displayPath
        switch reader.failure {
        case .readError: state.result.skip(.readError)
        case .truncatedGzip: state.result.skip(.truncatedGzip)
        case nil: break
        }
        state.release()
        return state.result
    }
}

/// The mutable side of a ``LineJob``: the parser, the masker, the pending record and the result.
struct LineJobState {
    let job: LineJob
    var result: JobResult
    let parser: RecordParser
    var masker = MessageMasker()
    var context: Timestamp?
    var sawTimestamps = false
    /// Raw service tokens seen, each mapped to an index into `canonical` (or -1 when not a name).
    var services = ByteKeyTable()
    var serviceOfToken: [Int] = []
    /// The topology's services: a line's service in another form (`pricing` for `pricing-service`) is theirs.
    lazy var knownServiceNames = Set(job.knownServices.map { ServiceName($0) })
    /// Normalised services, by local id.
    var canonical: [ServiceName] = []
    /// Whether each local service has emitted a record yet.
    var emitted: [Bool] = []
    var canonicalIndex: [ServiceName: Int] = [:]
    var fileServiceID: Int?

    // The pending record. Its line and message are views into the reader's buffer (or the parser's scratch)
    // until either is about to be reused: then ``keepPending()`` copies them into `raw` and `message`. Its
    // key stays in the masker's buffer, which nothing writes before the record is finished.
    var pending = false
    let raw: UnsafeMutablePointer<UInt8>
    var pendingRaw = Bytes(start: nil, count: 0)
    let message: UnsafeMutablePointer<UInt8>
    var pendingMessage = Bytes(start: nil, count: 0)
    var keyHash: UInt64 = 0
    let continuation: UnsafeMutablePointer<UInt8>
    var continuationLength = 0
    /// The pending record's detail (``ParsedRecord/detail``), copied out of the parser's scratch.
    let detail: UnsafeMutablePointer<UInt8>
    var detailLength = 0
    let scratch: UnsafeMutablePointer<UInt8>
    var sink: RecordSink
    var pendingService: Int?
    /// ``scan(_:)``'s trace marks of the line being read (the text after NUL bytes are removed).
    var lineMarks: Int32 = 0
    /// ``prefixHash(_:)`` of the pending record's line.
    var pendingPrefix: UInt64 = 0
    var pendingTimestamp: Timestamp?
    var pendingLevel: LogLevel?
    var pendingLine = 0
    var pendingFormat = LogFormat.plain
    var pendingTrace: (trace: UInt64, span: UInt64?)?
    var pendingClock: Double?
    var pendingStatus: Int?
    var bytesSinceProgress = 0

    static let rawCapacity = LineReader.maximumLineBytes + 16
    static let continuationCapacity = 8 * 1024

    init(job: LineJob) {
        self.job = job
        result = JobResult(job: job.index)
        parser = RecordParser(knownServices: job.knownServices, fileNamesService: job.fileNamesService)
        context = job.context
        raw = .allocate(capacity: Self.rawCapacity)
        message = .allocate(capacity: Self.rawCapacity)
        continuation = .allocate(capacity: Self.continuationCapacity)
        detail = .allocate(capacity: Self.continuationCapacity)
        scratch = .allocate(capacity: Self.rawCapacity)
        sink = RecordSink(rulebook: job.rulebook, displayPath: job.displayPath)
        if let fileService = job.fileService { fileServiceID = localID(fileService) }
    }

    func release() {
        masker.release()
        raw.deallocate()
        message.deallocate()
        continuation.deallocate()
        detail.deallocate()
        scratch.deallocate()
        sink.release()
    }

    /// `flags`: the line's ``scan(_:)``, which the reader takes from its sweep of the block.
    mutating func read(_ line: Bytes, number: Int, cut: Bool, flags: Int32) {
        result.lines += 1
        bytesSinceProgress += line.count + 1
        if bytesSinceProgress > 1 << 20, let progress = job.progress {
            progress.add(bytesSinceProgress)
            bytesSinceProgress = 0
        }
        if cut { result.skip(.overlongLine) }
        var text = line
        // NUL bytes are removed; invalid UTF-8 is counted here and repaired when text is kept. `flags` tell
        // whether the line holds either a NUL or a byte past ASCII, and the marks of a trace id that a record
        // started from it looks for.
        var ascii = flags & Int32(causeway_line_high) == 0
        lineMarks = flags & Int32(causeway_mark_trace | causeway_mark_bracket)
        if flags & Int32(causeway_line_nul) != 0 {
            result.skip(.nulBytes)
            keepPending()  // the pending line may be in `scratch`
            var n = 0
            for b in line where b != 0 {
                scratch[n] = b
                n += 1
            }
            text = Bytes(start: UnsafePointer(scratch), count: n)
            ascii = Self.isASCII(text)
            lineMarks = Self.scan(text) & Int32(causeway_mark_trace | causeway_mark_bracket)
        }
        if !ascii, !Self.isValidUTF8(text) { result.skip(.invalidUTF8) }
        processLine(text, number: number)
    }

    private mutating func processLine(_ line: Bytes, number: Int) {
        var blank = true
        for b in line where !ASCII.isSpace(b) {
            blank = false
            break
        }
        if blank {
            result.skip(.blankLine)
            return
        }
        if pending, !pendingMessageInLine { keepPendingMessage() }  // parsing reuses the parser's scratch
        var record = parser.parse(line, context: context)
        if pending, Self.isContinuation(record, line: line, sawTimestamps: sawTimestamps, pendingPrefix: pendingPrefix) {
            appendContinuation(line)
            result.joinedLines += 1
            return
        }
        finishPending()
        if let ts = record.timestamp {
            sawTimestamps = true
            // The context stays in the file's own clock: it dates the partial times that follow.
            if record.timestampIsComplete { context = ts }
            result.stampedRecords += 1
            if record.timestampIsLocal {
                result.localStampedRecords += 1
                if job.utcOffset != 0 { record.timestamp = ts.adding(seconds: Double(-job.utcOffset)) }
            }
        }
        startPending(record, line: line, number: number)
    }

    // Static, with the one field it reads passed in: a method on `self` copied the whole state (some 760
    // bytes) for every line.
    private static func isContinuation(_ record: ParsedRecord, line: Bytes, sawTimestamps: Bool, pendingPrefix: UInt64) -> Bool {
        if record.continuesRecord { return true }
        guard record.timestamp == nil, record.format == .plain || record.format == .compose || record.format == .kubectlPrefix
        else { return false }
        // Behind a compose or kubectl prefix, a line continues only the record of the same container: the
        // streams interleave, and another container's line is never part of this one's stack trace.
        if record.format != .plain, prefixHash(record) != pendingPrefix { return false }
        if let first = line.first, ASCII.isSpace(first) { return true }
        let start = line.skipSpaces(from: 0)
        let rest = line.slice(start, line.count)
        if rest.hasPrefix("Caused by:") || rest.hasPrefix("at ") || rest.hasPrefix("...") || rest.hasPrefix("Traceback")
            || rest.hasPrefix("goroutine ")
        {
            return true
        }
        return sawTimestamps && record.level == nil
    }

    /// The container prefix a compose or kubectl line carries, hashed (0 for other lines).
    private static func prefixHash(_ record: ParsedRecord) -> UInt64 {
        guard record.format == .compose || record.format == .kubectlPrefix, let service = record.service else { return 0 }
        return WordHash(of: service).value
    }

    private mutating func startPending(_ record: ParsedRecord, line: Bytes, number: Int) {
        pending = true
        pendingPrefix = Self.prefixHash(record)
        precondition(line.count <= Self.rawCapacity && record.message.count <= Self.rawCapacity, "line longer than the reader's limit")
        let m = record.message
        pendingRaw = line
        pendingMessage = m
        pendingMessageInLine = Self.holds(line, m)
        masker.mask(m)
        keyHash = masker.hash.value
        continuationLength = 0
        detailLength = min(record.detail.count, Self.continuationCapacity)
        if detailLength > 0 { detail.update(from: record.detail.baseAddress!, count: detailLength) }
        pendingTimestamp = record.timestamp
        pendingLevel = record.level
        pendingLine = number
        pendingFormat = record.format
        pendingService = record.service.flatMap { resolveService($0) } ?? fileServiceID
        pendingClock = record.localClock
        pendingStatus = record.httpStatus
        // `read` found whether the line may hold `trace` and whether it holds a `[` where Spring's
        // correlation brackets could start (`bracketed` needs one at least 35 bytes before the end).
        let marks = lineMarks
        pendingTrace = marks & Int32(causeway_mark_trace) != 0 ? TraceContext.extract(line) : nil
        if pendingTrace == nil, marks & Int32(causeway_mark_bracket) != 0 { pendingTrace = TraceContext.bracketed(line) }
        if let service = pendingService, let level = record.level, record.httpStatus == nil {
            sink.prefetch(serviceID: service, maskedHash: keyHash, level: level, aggregator: result.aggregator)
        }
    }

    /// Whether the pending message lies inside the pending line or has been copied (else it is in the
    /// parser's scratch, which the next parse reuses).
    var pendingMessageInLine = true

    @inline(__always)
    static func holds(_ line: Bytes, _ part: Bytes) -> Bool {
        guard part.count > 0 else { return true }
        guard let l = line.baseAddress, let p = part.baseAddress else { return false }
        return p >= l && p + part.count <= l + line.count
    }

    /// Copies the pending record's line and message out of buffers about to be reused (the reader's, the
    /// NUL-free scratch, the parser's scratch).
    mutating func keepPending() {
        guard pending else { return }
        if !pendingMessageInLine {
            keepPendingMessage()
        }
        guard pendingRaw.count > 0, let base = pendingRaw.baseAddress, base != UnsafePointer(raw) else { return }
        // A message inside the line moves with it.
        let messageInLine = pendingMessage.count > 0 && Self.holds(pendingRaw, pendingMessage)
        let offset = messageInLine ? pendingMessage.baseAddress! - base : 0
        raw.update(from: base, count: pendingRaw.count)
        pendingRaw = Bytes(start: raw, count: pendingRaw.count)
        if messageInLine { pendingMessage = Bytes(start: raw + offset, count: pendingMessage.count) }
    }

    /// Copies the pending message out of the parser's scratch.
    mutating func keepPendingMessage() {
        if pendingMessage.count > 0, pendingMessage.baseAddress! != UnsafePointer(message) {
            message.update(from: pendingMessage.baseAddress!, count: pendingMessage.count)
            pendingMessage = Bytes(start: message, count: pendingMessage.count)
        }
        pendingMessageInLine = true
    }

    private mutating func appendContinuation(_ line: Bytes) {
        let room = Self.continuationCapacity - continuationLength
        guard room > 1 else { return }
        continuation[continuationLength] = ASCII.newline
        let n = min(line.count, room - 1)
        if n > 0 { (continuation + continuationLength + 1).update(from: line.baseAddress!, count: n) }
        continuationLength += 1 + n
    }

    /// Normalises a raw service token once per distinct token; returns its local id.
    private mutating func resolveService(_ bytes: Bytes) -> Int? {
        let hash = Self.tokenHash(bytes)
        if let id = services.find(bytes, hash: hash) {
            let local = serviceOfToken[id]
            return local >= 0 ? local : nil
        }
        _ = services.findOrInsert(bytes, hash: hash)
        guard var name = ServiceName.normalized(bytes.string) else {
            serviceOfToken.append(-1)
            return nil
        }
        if let form = name.knownForm(in: knownServiceNames) { name = form }
        // A program that names only its software (syslog's `haproxy[2231]:`) in the file of a deployment named
        // for it (`edge-haproxy/haproxy.log`) is that deployment.
        if let file = job.fileService, file != name, LogIngestor.namesOnlySoftware(name),
            LogIngestor.words(of: file).contains(where: { $0 == name.rawValue })
        {
            name = file
        }
        let local = localID(name)
        serviceOfToken.append(local)
        return local
    }

    /// A hash for the raw service tokens' table, cheaper than `WordHash` over a whole pod name: the first and
    /// last eight bytes (overlapping in a short token) and the length. The table compares a token's bytes in
    /// full, so tokens that differ only in the middle still get ids of their own; a hash only places them.
    @inline(__always)
    static func tokenHash(_ bytes: Bytes) -> UInt64 {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var first: UInt64
        var last: UInt64
        if n >= 8 {
            first = raw.loadUnaligned(as: UInt64.self)
            last = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            first = UInt64(raw.loadUnaligned(as: UInt32.self))
            last = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
        } else {
            first = UInt64(base[0]) | UInt64(base[n / 2]) << 8
            last = UInt64(base[n - 1])
        }
        let h = (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &+ UInt64(n)) &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 29)
    }

    mutating func localID(_ name: ServiceName) -> Int {
        if let id = canonicalIndex[name] { return id }
        canonical.append(name)
        emitted.append(false)
        canonicalIndex[name] = canonical.count - 1
        return canonical.count - 1
    }

    mutating func finishPending() {
        guard pending else { return }
        pending = false
        guard let serviceID = pendingService else {
            result.skip(.noService)
            return
        }
        result.records += 1
        result.count(pendingFormat)
        if pendingTimestamp == nil { result.recordsWithoutTime += 1 }
        if !emitted[serviceID] {
            emitted[serviceID] = true
            result.emitters.insert(canonical[serviceID])
        }
        let line = pendingRaw
        // .NET's console logger writes `fail: Catalog.Api.Orders[0]` and the message on the next, indented line:
        // the record's message is both.
        var composed: [UInt8] = []
        if continuationLength > 1, Self.isCategoryOnly(pendingMessage) {
            var start = 1  // after the newline appendContinuation wrote
            while start < continuationLength, ASCII.isSpace(continuation[start]) { start += 1 }
            var end = start
            while end < continuationLength, continuation[end] != ASCII.newline { end += 1 }
            if end > start {
                composed.reserveCapacity(pendingMessage.count + 1 + end - start)
                composed.append(contentsOf: UnsafeBufferPointer(start: pendingMessage.baseAddress, count: pendingMessage.count))
                composed.append(ASCII.space)
                composed.append(contentsOf: UnsafeBufferPointer(start: continuation + start, count: end - start))
                composed.withUnsafeBufferPointer { masker.mask($0) }
                keyHash = masker.hash.value
            }
        }
        // The names are read in place, and only for a new key.
        let key = composed.withUnsafeBufferPointer { composedMessage in
            canonical.withUnsafeBufferPointer { names in
                sink.add(
                    serviceID: serviceID, service: { names[serviceID] }, maskedKey: masker.key, maskedHash: keyHash,
                    message: composedMessage.isEmpty ? pendingMessage : composedMessage,
                    continuation: Bytes(start: continuation, count: continuationLength),
                    detail: Bytes(start: detail, count: detailLength), level: pendingLevel,
                    httpStatus: pendingStatus, timestamp: pendingTimestamp, line: pendingLine,
                    raw: { line.string }, into: &result.aggregator)
            }
        }
        if let trace = pendingTrace, let time = pendingTimestamp {
            let clock = pendingClock ?? Double(time.nanoseconds % 86_400_000_000_000) / 1e9
            result.spans.add(service: serviceID, trace: trace.trace, span: trace.span, time: time, clock: clock, line: pendingLine,
                level: pendingLevel ?? .info, key: key)
        }
    }

    /// `Catalog.Api.Middleware.ExceptionHandlingMiddleware[0]`: a dotted category and an event id in brackets,
    /// and nothing else (the head of .NET's two-line console format).
    static func isCategoryOnly(_ m: Bytes) -> Bool {
        var end = m.count
        while end > 0, ASCII.isSpace(m[end - 1]) { end -= 1 }
        guard end >= 6, m[end - 1] == ASCII.closeBracket else { return false }
        var i = end - 2
        while i > 0, ASCII.isDigit(m[i]) { i -= 1 }
        guard i < end - 2, m[i] == ASCII.openBracket, i > 2 else { return false }
        var dots = 0
        for k in 0..<i {
            let b = m[k]
            if b == ASCII.dot { dots += 1 } else if !(ASCII.isAlphanumeric(b) || b == ASCII.underscore) { return false }
        }
        return dots >= 1 && ASCII.isLetter(m[0])
    }

    // MARK: - Helpers

    /// ``causeway_line_scan`` of a line: whether it holds a NUL or a byte past ASCII, and the cheap tests
    /// before looking for trace ids: whether it holds `trace` in any case and whether it holds a `[` (neither
    /// in its last five bytes). Lines of 12 bytes or fewer are too short for ``TraceContext/extract(_:)``, so
    /// only `[` is set for them (so that ``TraceContext/bracketed(_:)`` decides as before).
    @inline(__always)
    static func scan(_ line: Bytes) -> Int32 {
        guard line.count > 0, let base = line.baseAddress else { return Int32(causeway_mark_bracket) }
        return causeway_line_scan(base, line.count)
    }

    static func isASCII(_ bytes: Bytes) -> Bool {
        var combined: UInt8 = 0
        for b in bytes { combined |= b }
        return combined < 0x80
    }

    static func isValidUTF8(_ bytes: Bytes) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// A level for a line that states none, from the words it uses.
    static func inferredLevel(_ message: Bytes) -> LogLevel {
        if let status = accessLogStatus(message) {
            // An access log line says how it went by its status: 5xx failed, 4xx was the client's.
            return status >= 500 ? .error : status >= 400 ? .warning : .info
        }
        if containsWord(message, "fatal") || containsWord(message, "panic") { return .critical }
        for word: StaticString in ["error", "exception", "fail", "refused", "timed out", "timeout", "out of memory", "killed"]
        where containsWord(message, word) {
            return .error
        }
        return containsWord(message, "warn") ? .warning : .info
    }

    /// The status of an access-log line (`"GET /x HTTP/1.1" 503 …`, `GET /x 503 2.1 ms`), if it is one.
    static func accessLogStatus(_ text: Bytes) -> Int? {
        HTTPStatus.inText(text)
    }

    /// Case-insensitive substring search for a lower-case ASCII literal.
    static func containsWord(_ text: Bytes, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard n > 0, text.count >= n else { return false }
        let w = word.utf8Start
        var i = 0
        while i + n <= text.count {
            if ASCII.lower(text[i]) == w[0] {
                var j = 1
                while j < n, ASCII.lower(text[i + j]) == w[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}

/// Turns finished records into keys: composes the key (local service id, masked message, and the signals
/// of records whose continuation lines may change their meaning) and counts the record under it.
struct RecordSink {
    let rulebook: SignalRulebook
    /// The file the records come from, as reports show it (for samples' locations).
    let displayPath: String
    private let composed: UnsafeMutablePointer<UInt8>
    static let capacity = MessageMasker.capacity + 512

    init(rulebook: SignalRulebook, displayPath: String) {
        self.rulebook = rulebook
        self.displayPath = displayPath
        composed = .allocate(capacity: Self.capacity)
    }

    func release() {
        composed.deallocate()
    }

    /// The hash of a composed key, from the masker's hash of the message, the hash of any per-record signals
    /// (FNV-1a's start value when none), the service and the level class.
    @inline(__always)
    static func keyHash(maskedHash: UInt64, signalsHash: UInt64, serviceID: Int, levelClass: UInt8) -> UInt64 {
        (maskedHash ^ signalsHash) &+ (UInt64(serviceID) << 2 | UInt64(levelClass)) &* 0x9E37_79B9_7F4A_7C15
    }

    /// Starts loading the key table's slot for a record that states its level and will carry no signals of
    /// its own, a line before ``add(serviceID:service:maskedKey:maskedHash:message:continuation:level:httpStatus:timestamp:line:raw:into:)``
    /// looks it up.
    @inline(__always)
    func prefetch(serviceID: Int, maskedHash: UInt64, level: LogLevel, aggregator: KeyAggregator) {
        aggregator.table.prefetch(
            hash: Self.keyHash(maskedHash: maskedHash, signalsHash: FNV1a().value, serviceID: serviceID, levelClass: level.levelClass))
    }

    /// `service` is read only for a new key, so that counting a line copies (and retains) no name.
    /// - Returns: the record's key id in the aggregator (-1 when folded).
    @discardableResult
    func add(
        serviceID: Int, service: () -> ServiceName, maskedKey: Bytes, maskedHash: UInt64, message: Bytes, continuation: Bytes,
        detail: Bytes = Bytes(start: nil, count: 0), level stated: LogLevel?, httpStatus: Int? = nil,
        timestamp: Timestamp?, line: Int, raw: () -> String, into aggregator: inout KeyAggregator
    ) -> Int32 {
        var level = stated ?? LineJobState.inferredLevel(message)
        if let httpStatus {
            // A status field says how the request went, whatever level the logger gives every request it logs
            // (Traefik's and Envoy's JSON access logs write `info` beside a 502): 5xx failed. A stated level
            // keeps a 4xx, the client's.
            if httpStatus >= 500 {
                level = max(level, .error)
            } else if stated == nil, httpStatus >= 400 {
                level = max(level, .warning)
            }
        }
        var signals: [SignalID]? = nil
        if continuation.count > 0 || detail.count > 0 || httpStatus != nil {
            // A stack trace, an error field or a status field can change what a record means: classify those
            // one by one. An error field speaks where the message says nothing of its own (`redis command
            // failed` with `err.message` `BUSY Redis is busy running a script`): a message that does is the
            // writer's own reading of the error.
            var read = rulebook.signals(in: message.string + continuation.string, level: level, httpStatus: httpStatus)
            if read.isEmpty, detail.count > 0 {
                read = rulebook.signals(in: message.string + "\n" + detail.string + continuation.string, level: level, httpStatus: httpStatus)
            }
            signals = read
        }
        // The key's bytes: three of service id, the masked message, and any per-record signals. Its hash
        // reuses the one the masker computed while writing the message.
        var length = 0
        let buffer = composed
        var extra = FNV1a()
        func put(_ b: UInt8) {
            guard length < Self.capacity else { return }
            buffer[length] = b
            length += 1
        }
        put(UInt8(truncatingIfNeeded: serviceID))
        put(UInt8(truncatingIfNeeded: serviceID >> 8))
        put(UInt8(truncatingIfNeeded: serviceID >> 16))
        // Lines of one message at different levels are different events (a slow request logged as WARN is
        // not the INFO traffic around it).
        put(level.levelClass)
        let copied = min(maskedKey.count, Self.capacity - length)
        if copied > 0 {
            (buffer + length).update(from: maskedKey.baseAddress!, count: copied)
            length += copied
        }
        if let signals, !signals.isEmpty {
            put(1)
            for s in signals {
                for b in s.rawValue.utf8 {
                    put(b)
                    extra.add(b)
                }
                put(2)
            }
        }
        let hash = Self.keyHash(maskedHash: maskedHash, signalsHash: extra.value, serviceID: serviceID, levelClass: level.levelClass)
        return aggregator.add(
            key: Bytes(start: buffer, count: length), hash: hash, timestamp: timestamp, level: level,
            line: line,
            sample: { EvidenceLine(location: SourceLocation(file: displayPath, line: line), timestamp: timestamp, level: level, text: raw()) },
            make: {
                let text = message.string
                var stats = KeyStats(
                    service: service(), level: level, signals: signals ?? rulebook.signals(in: text, level: level),
                    message: text.count > 500 ? String(text.prefix(500)) + "…" : text, firstOrder: (0, 0))
                // The error a field states, on the record's own line, then the stack trace's exception lines
                // below it.
                stats.causes = StackTraceCause.statedError(in: detail).map {
                    EvidenceLine(location: SourceLocation(file: displayPath, line: line), timestamp: timestamp, level: level, text: $0.string)
                }
                stats.causes += StackTraceCause.exceptionLines(in: continuation).map {
                    EvidenceLine(
                        location: SourceLocation(file: displayPath, line: line + $0.index), timestamp: timestamp, level: level,
                        text: $0.text.string)
                }
                return stats
            })
    }
}

extension LogLevel {
    /// 0 for INFO and below, 1 for WARN, 2 for ERROR and above.
    var levelClass: UInt8 {
        self >= .error ? 2 : self == .warning ? 1 : 0
    }
}
