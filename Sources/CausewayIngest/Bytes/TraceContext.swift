public import CausewayCore
#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Trace and span ids in a log line (OpenTelemetry and most tracers' log correlation): `TraceID: 6f3c…`,
/// `trace_id=…`, `"traceId":"…"`, `dd.trace_id=…`, and the same for spans; and Spring's unnamed
/// brackets in a line's head: Sleuth's `[app,traceId,spanId]` (with `,true` on older versions) and Spring
/// Boot 3.2's `[traceId-spanId]`.
enum TraceContext {
    /// Hashes of the trace id and (when present) the span id.
    static func extract(_ line: Bytes) -> (trace: UInt64, span: UInt64?)? {
        guard let trace = id(after: "trace", in: line) else { return nil }
        return (trace, id(after: "span", in: line))
    }

    /// How far into a line Spring's correlation brackets are looked for: they stand in its head, before
    /// the logger and the message.
    static let bracketReach = 160

    /// The ids in Spring's correlation brackets within the line's first ``bracketReach`` bytes: a trace id
    /// of 16 or 32 hex digits and a span id of 16, as `[app,trace,span]`, `[app,trace,span,true]` or
    /// `[trace-span]`.
    static func bracketed(_ line: Bytes) -> (trace: UInt64, span: UInt64?)? {
        guard let base = line.baseAddress else { return nil }
        let limit = min(line.count, bracketReach)
        var i = 0
        while i < limit {
            guard let found = memchr(base + i, Int32(ASCII.openBracket), limit - i) else { return nil }
            i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var k = i + 1
            // `[app,` : the application's name (possibly empty) before the first comma.
            while k < limit, ASCII.isAlphanumeric(line[k]) || line[k] == ASCII.hyphen || line[k] == ASCII.dot || line[k] == ASCII.underscore {
                k += 1
            }
            var separator = ASCII.comma
            if k < limit, line[k] == ASCII.comma {
                k += 1
            } else {
                // `[trace-span]`: no name; the run just read is the trace id and a hyphen follows.
                k = i + 1
                separator = ASCII.hyphen
            }
            let traceStart = k
            while k < line.count, ASCII.isHexDigit(line[k]) { k += 1 }
            let traceLength = k - traceStart
            if traceLength == 16 || traceLength == 32, k < line.count, line[k] == separator {
                let spanStart = k + 1
                var e = spanStart
                while e < line.count, ASCII.isHexDigit(line[e]) { e += 1 }
                if e - spanStart == 16, e < line.count, line[e] == ASCII.closeBracket || (separator == ASCII.comma && line[e] == ASCII.comma) {
                    return (WordHash(of: line.slice(traceStart, traceStart + traceLength)).value, WordHash(of: line.slice(spanStart, e)).value)
                }
            }
            i += 1
        }
        return nil
    }

    /// The id following `<word>id`, `<word>_id`, `<word>.id` or `<word>-id` and a separator.
    static func id(after word: StaticString, in line: Bytes) -> UInt64? {
        let w = word.utf8Start
        let n = word.utf8CodeUnitCount
        var i = 0
        let limit = line.count
        while i + n + 2 < limit {
            if ASCII.lower(line[i]) == w[0] {
                var j = 1
                while j < n, ASCII.lower(line[i + j]) == w[j] { j += 1 }
                if j == n, i == 0 || !ASCII.isLetter(line[i - 1]) || ASCII.isLower(line[i - 1]) && ASCII.isUpper(line[i]) {
                    var k = i + n
                    if k < limit, line[k] == ASCII.underscore || line[k] == ASCII.dot || line[k] == ASCII.hyphen { k += 1 }
                    if k + 1 < limit, ASCII.lower(line[k]) == 0x69, ASCII.lower(line[k + 1]) == 0x64 {
                        k += 2
                        // Separators: `: `, `=`, `":"`, spaces.
                        var skipped = 0
                        while k < limit, skipped < 4,
                            line[k] == ASCII.colon || line[k] == ASCII.equals || line[k] == ASCII.quote || line[k] == ASCII.space
                        {
                            k += 1
                            skipped += 1
                        }
                        let start = k
                        while k < limit, ASCII.isAlphanumeric(line[k]) || line[k] == ASCII.hyphen { k += 1 }
                        if k - start >= 8 { return WordHash(of: line.slice(start, k)).value }
                    }
                }
            }
            i += 1
        }
        return nil
    }
}

/// One span as the logs show it: a service's lines that share a trace and span id.
public struct ObservedSpan: Hashable, Sendable {
    public var service: ServiceName
    public var trace: UInt64
    /// When its first line was written (the record's time).
    public var start: Timestamp
    /// Seconds from its first line to its last, on the emitter's own clock when the lines carry one.
    public var duration: Double
    public var lines: Int
}

/// One line that carries a trace id: where and when a request passed through a service. Lines of one trace,
/// in time order, show the hops between services (a caller's line, then its callee's).
public struct TracedLine: Hashable, Sendable {
    public var service: ServiceName
    public var trace: UInt64
    /// When it was written (the record's time).
    public var time: Timestamp
    /// Seconds since midnight on the emitter's own clock when the line carries one, else the record's.
    public var clock: Double
    public var level: LogLevel
    public var location: SourceLocation
    /// The id of the ``LogTemplate`` the line was counted under (nil when the template table was full).
    public var template: String?

    public init(
        service: ServiceName, trace: UInt64, time: Timestamp, clock: Double, level: LogLevel, location: SourceLocation,
        template: String? = nil
    ) {
        self.service = service
        self.trace = trace
        self.time = time
        self.clock = clock
        self.level = level
        self.location = location
        self.template = template
    }
}

/// Collects spans from one job's records, keeping memory bounded: past ``capacity`` spans only traces
/// whose hash falls below a halving threshold are kept (consistent sampling: a trace is kept whole or not
/// at all, whichever job reads it).
struct SpanCollector {
    static let capacity = 200_000

    struct Entry {
        var key: UInt64
        /// The span id's hash (0 when the lines carry none): with the service's name and the trace, what
        /// joins the parts of a span that a file split cut between two jobs.
        var span: UInt64
        var service: Int
        var trace: UInt64
        var start: Timestamp
        var first: Double
        var last: Double
        var lines: Int32
    }

    struct LineEntry {
        var trace: UInt64
        var time: Timestamp
        var clock: Double
        var service: Int32
        var line: Int32
        var level: LogLevel
        /// The line's key in the job's aggregator (-1 when folded).
        var key: Int32
    }

    /// At most this many traced lines are kept (about 40 bytes each).
    static let lineCapacity = 250_000

    private(set) var entries: [Entry] = []
    private(set) var lines: [LineEntry] = []
    private var index: [UInt64: Int] = [:]
    /// Traces are kept while `trace % 1024 < threshold`.
    private(set) var threshold: UInt64 = 1024

    static func key(service: Int, trace: UInt64, span: UInt64?) -> UInt64 {
        (trace &* 0x9E37_79B9_7F4A_7C15) ^ (span ?? 0) &+ UInt64(service) &* 0xBF58_476D_1CE4_E5B9
    }

    mutating func add(
        service: Int, trace: UInt64, span: UInt64?, time: Timestamp, clock: Double, line: Int, level: LogLevel, key: Int32 = -1
    ) {
        guard trace % 1024 < threshold else { return }
        lines.append(
            LineEntry(
                trace: trace, time: time, clock: clock, service: Int32(service), line: Int32(clamping: line), level: level, key: key))
        if lines.count > Self.lineCapacity { tighten(to: threshold / 2) }
        guard trace % 1024 < threshold else { return }
        let key = Self.key(service: service, trace: trace, span: span)
        if let position = index[key] {
            entries[position].first = min(entries[position].first, clock)
            entries[position].last = max(entries[position].last, clock)
            if time < entries[position].start { entries[position].start = time }
            entries[position].lines += 1
            return
        }
        index[key] = entries.count
        entries.append(Entry(key: key, span: span ?? 0, service: service, trace: trace, start: time, first: clock, last: clock, lines: 1))
        if entries.count > Self.capacity { tighten(to: threshold / 2) }
    }

    /// Keeps only traces under a lower threshold.
    mutating func tighten(to newThreshold: UInt64) {
        guard newThreshold < threshold else { return }
        threshold = newThreshold
        entries.removeAll { $0.trace % 1024 >= newThreshold }
        lines.removeAll { $0.trace % 1024 >= newThreshold }
        index.removeAll(keepingCapacity: true)
        for (position, entry) in entries.enumerated() { index[entry.key] = position }
    }
}
