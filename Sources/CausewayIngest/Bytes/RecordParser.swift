internal import CausewayCore

/// What one line says, with byte views into the line or the parser's scratch space (valid until the
/// next parse).
struct ParsedRecord {
    var timestamp: Timestamp?
    /// False for a time of day or a syslog date without a year (the date came from context).
    var timestampIsComplete = true
    /// True when the time carried no zone (nor was epoch time): the writer's local time, maybe, read as UTC.
    var timestampIsLocal = false
    var level: LogLevel?
    /// The raw service, pod or container name, not yet normalised.
    var service: Bytes?
    var message: Bytes
    var format: LogFormat
    /// The emitter's own time of day (seconds since midnight) when the line also carries one after a
    /// collector's timestamp: the clock span durations are measured on.
    var localClock: Double?
    /// The HTTP status a structured record states in a field of its own (not in its message).
    var httpStatus: Int?
    /// What went wrong, as a structured record states it in a field apart from its message (pino's
    /// `err.message`, zap's `error`, a `stack_trace`): empty when there is none.
    var detail = Bytes(start: nil, count: 0)
    /// True for a line that only adds to the record before it: PostgreSQL's `DETAIL:`, `HINT:`,
    /// `STATEMENT:`, `CONTEXT:`, `QUERY:` and `LOCATION:` lines, each with its own timestamp.
    var continuesRecord = false
}

/// Parses one line in whatever format it is: JSON, logfmt, compose and kubectl prefixes, syslog, or plain
/// `time LEVEL service message` with its variants and shipper envelopes.
///
/// One parser per worker: it owns scratch buffers for the unescaped message and service of structured
/// records.
final class RecordParser {
    /// Services known before reading (from the topology), accepted as header tokens whatever their shape.
    private let known: ByteKeyTable
    private let messageScratch: UnsafeMutablePointer<UInt8>
    private let serviceScratch: UnsafeMutablePointer<UInt8>
    private let innerScratch: UnsafeMutablePointer<UInt8>
    private let detailScratch: UnsafeMutablePointer<UInt8>
    private static let scratchSize = LineReader.maximumLineBytes + 16
    private static let serviceScratchSize = 512
    // Only the parser's own thread touches it: no dynamic exclusivity checks on the hot path.
    @exclusivity(unchecked) private var json = JSONFieldScanner()
    /// The last timestamp's date, hour and minute, which the next line's most often shares.
    @exclusivity(unchecked) private var times = TimestampParser.PrefixCache()

    /// Whether the file names its service (`payments-worker-7d9f8-x2x1q.log`): then a bracketed or
    /// colon-marked header token is a thread or logger (`[main]`, `[django.request]`), not a service,
    /// unless the topology knows it.
    private let fileNamesService: Bool

    /// Byte classes of service names: lower-case letters 0, else one of ``NameClass``.
    private let nameClasses: UnsafeMutablePointer<UInt8>

    private enum NameClass {
        static let digit: UInt8 = 1
        /// `-` or `_`.
        static let separator: UInt8 = 2
        static let dot: UInt8 = 4
        static let other: UInt8 = 8
    }

    init(knownServices: [String], fileNamesService: Bool = false) {
        nameClasses = .allocate(capacity: 256)
        for value in 0..<256 {
            let b = UInt8(value)
            nameClasses[value] =
                ASCII.isLower(b) ? 0 : ASCII.isDigit(b) ? NameClass.digit
                : b == ASCII.hyphen || b == ASCII.underscore ? NameClass.separator : b == ASCII.dot ? NameClass.dot : NameClass.other
        }
        self.fileNamesService = fileNamesService
        var table = ByteKeyTable()
        for name in knownServices {
            var bytes = Array(name.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                let b = Bytes(buffer)
                _ = table.findOrInsert(b, hash: WordHash(of: b).value)
            }
        }
        known = table
        messageScratch = .allocate(capacity: Self.scratchSize)
        serviceScratch = .allocate(capacity: Self.serviceScratchSize)
        innerScratch = .allocate(capacity: Self.scratchSize)
        detailScratch = .allocate(capacity: Self.scratchSize)
    }

    deinit {
        nameClasses.deallocate()
        messageScratch.deallocate()
        serviceScratch.deallocate()
        innerScratch.deallocate()
        detailScratch.deallocate()
    }

    /// Parses a line; `context` supplies the date of partial timestamps.
    func parse(_ line: Bytes, context: Timestamp?) -> ParsedRecord {
        let start = line.skipSpaces(from: 0)
        guard start < line.count else { return ParsedRecord(message: line, format: .plain) }
        let first = line[start]
        // Most lines open with a timestamp: nothing but the plain reader (and Papertrail's archive, which opens
        // with a long event id and a tab) starts with a digit.
        if ASCII.isDigit(first) {
            if let record = parsePapertrail(line.slice(start, line.count), context: context) { return record }
            var record = parsePlain(line.slice(start, line.count), context: context)
            if let pod = Self.nodeAgentPod(line) { record.service = pod }
            return record
        }
        if first == ASCII.openBrace, var record = parseJSON(line.slice(start, line.count), context: context) {
            refineStructured(&record, context: context)
            return record
        }
        if first == ASCII.lessThan, let record = parseSyslogPriority(line.slice(start, line.count), context: context) {
            return record
        }
        if first == ASCII.openBracket, let record = parseKubectlPrefix(line.slice(start, line.count), context: context) {
            return record
        }
        if ASCII.isLower(first), let record = parseLoadBalancerAccess(line.slice(start, line.count), context: context) {
            return record
        }
        if ASCII.isLower(first), let record = parseFluentBit(line.slice(start, line.count), context: context) {
            return record
        }
        if ASCII.isUpper(first), let record = parseRubyLogger(line.slice(start, line.count), context: context) {
            return record
        }
        if let record = parseCompose(line.slice(start, line.count), context: context) {
            return record
        }
        if ASCII.isLower(first), let record = parseStern(line.slice(start, line.count), context: context) {
            return record
        }
        if var record = parseLogfmt(line.slice(start, line.count), context: context) {
            refineStructured(&record, context: context)
            return record
        }
        var record = parsePlain(line.slice(start, line.count), context: context)
        if let pod = Self.nodeAgentPod(line) { record.service = pod }
        return record
    }

    /// The pod a node agent's line is about: the kubelet's `pod="namespace/name"` or `pods=["namespace/name"]`,
    /// containerd's `PodSandboxMetadata{Name:name,…}`. Its lifecycle (created, started, probed, killed) is the
    /// pod's service's, as Kubernetes' events about it are; the node only ran it. Nil for any other line, and
    /// for one whose syslog tag (its first `[` among its first 120 bytes) is not the agent's (`kubelet[1843]:`,
    /// `containerd[912]:`): one `memchr` on nearly every line.
    static func nodeAgentPod(_ line: Bytes) -> Bytes? {
        guard let bracket = line.firstIndex(of: "[", before: 120) else { return nil }
        let tag = line.slice(0, bracket)
        guard tag.hasSuffix(" kubelet") || tag.hasSuffix(" containerd") else { return nil }
        var start: Int
        var end: UInt8 = ASCII.quote
        if let at = line.firstIndex(of: " pod=\"") {
            start = at + 6
        } else if let at = line.firstIndex(of: " pods=[\"") {
            start = at + 8
        } else if let at = line.firstIndex(of: "PodSandboxMetadata{Name:") {
            start = at + 24
            end = ASCII.comma
        } else {
            return nil
        }
        var stop = start
        while stop < line.count, line[stop] != end, line[stop] != ASCII.space {
            if line[stop] == ASCII.slash { start = stop + 1 }
            stop += 1
        }
        guard stop < line.count, line[stop] == end, stop > start else { return nil }
        // A DaemonSet's or a Job's pod is its owner's name and five characters Kubernetes draws from its
        // alphabet without vowels (`node-exporter-hlmfr`); a Deployment's has the ReplicaSet's hash before
        // them, which the service name's own rules remove with them.
        let suffix = stop - 5
        if suffix - 1 > start, line[suffix - 1] == ASCII.hyphen, (suffix..<stop).allSatisfy({ Self.podSuffixAlphabet.contains(line[$0]) }) {
            var previous = suffix - 1
            while previous > start, line[previous - 1] != ASCII.hyphen { previous -= 1 }
            let hashLike = suffix - 1 - previous >= 6 && (previous..<(suffix - 1)).contains { ASCII.isDigit(line[$0]) }
            if !hashLike { stop = suffix - 1 }
        }
        return line.slice(start, stop)
    }

    /// The characters of the random part of a Kubernetes object's generated name.
    static let podSuffixAlphabet = Set("bcdfghjklmnpqrstvwxz2456789".utf8)

    // MARK: - Plain

    /// `time LEVEL service message` and variants; see ``PlainHeader``.
    func parsePlain(_ line: Bytes, context: Timestamp?) -> ParsedRecord {
        var record = ParsedRecord(message: line, format: .plain)
        var index = 0
        // A timestamp, possibly bracketed.
        let bracketed = line.first == ASCII.openBracket
        let tsStart = bracketed ? 1 : 0
        if tsStart < line.count, let match = times.parsePrefix(line.slice(tsStart, line.count), context: context) {
            var after = tsStart + match.length
            var ok = true
            if bracketed {
                if after < line.count, line[after] == ASCII.closeBracket { after += 1 } else { ok = false }
            }
            if ok {
                record.timestamp = match.timestamp
                record.timestampIsComplete = match.isComplete
                record.timestampIsLocal = !match.hasZone
                index = after
                // Syslog (RFC 3164) without a priority: `host tag[pid]: message`.
                if !match.isComplete, ASCII.isLetter(line[tsStart]), let tagged = syslogTag(line, from: index) {
                    record.service = Self.syslogService(program: tagged.service, host: tagged.host)
                    record.message = line.slice(tagged.messageStart, line.count)
                    record.format = .syslog
                    // The program's own full timestamp after the tag (`consul-template[812]: 2026-03-05T16:01:56Z
                    // [INFO] …`) says more than the relay's local time without a year or zone.
                    if let first = record.message.first, ASCII.isDigit(first),
                        let own = times.parsePrefix(record.message, context: context), own.isComplete
                    {
                        record.timestamp = own.timestamp
                        record.timestampIsComplete = true
                        record.timestampIsLocal = !own.hasZone
                        record.message = record.message.slice(record.message.skipSpaces(from: own.length), record.message.count)
                    }
                    return record
                }
            }
        }
        if record.timestamp == nil {
            if let (match, level) = TimestampParser.parseKlog(line, context: context) {
                // klog: `I0524 11:54:10.221000 1 controller.go:123] message`.
                record.timestamp = match.timestamp
                record.timestampIsComplete = match.isComplete
                record.timestampIsLocal = true
                record.level = level
                var cursor = line.skipSpaces(from: match.length)
                cursor = line.skipSpaces(from: line.tokenEnd(from: cursor))  // thread id
                let file = line.tokenEnd(from: cursor)
                if file > cursor, line[file - 1] == ASCII.closeBracket { cursor = line.skipSpaces(from: file) }
                record.message = line.slice(min(cursor, line.count), line.count)
                return record
            }
            peelHeader(line, from: index, into: &record, context: context)
            // An access log's time sits inside the line: `… [19/May/2026:19:19:37 +0000] "GET …`.
            if record.timestamp == nil, let match = Self.embeddedCommonLogTime(line) {
                record.timestamp = match.timestamp
                record.timestampIsComplete = true
                record.timestampIsLocal = !match.hasZone
            }
            return record
        }
        // `aws logs tail --format detailed`: `time 2025/03/11/[$LATEST]41a0… line`, the log stream between the
        // collector's time and the function's own line.
        let streamStart = line.skipSpaces(from: index)
        if streamStart < line.count, Self.isLambdaStream(line.slice(streamStart, line.tokenEnd(from: streamStart))) {
            var inner = parseInner(line.slice(line.skipSpaces(from: line.tokenEnd(from: streamStart)), line.count), context: record.timestamp ?? context)
            if inner.timestamp == nil {
                inner.timestamp = record.timestamp
                inner.timestampIsComplete = record.timestampIsComplete
                inner.timestampIsLocal = record.timestampIsLocal
            }
            return inner
        }
        // Loki's `logcli query` output: `time {app="cart", pod="cart-7d9f"} line`.
        let brace = line.skipSpaces(from: index)
        if brace < line.count, line[brace] == ASCII.openBrace, let labels = Self.lokiLabels(line, from: brace) {
            var inner = parseInner(line.slice(line.skipSpaces(from: labels.end), line.count), context: context)
            if inner.timestamp == nil {
                inner.timestamp = record.timestamp
                inner.timestampIsComplete = record.timestampIsComplete
                inner.timestampIsLocal = record.timestampIsLocal
            }
            if let service = labels.service { inner.service = service }
            if inner.level == nil, let level = labels.level { inner.level = LogLevel.parse(level, header: true) }
            inner.format = .loki
            return inner
        }
        // Fluentd's out_file: `time<TAB>tag<TAB>{record}`.
        if index < line.count, line[index] == ASCII.tab, var inner = fluentdRecord(line, from: index + 1, context: context) {
            if inner.timestamp == nil {
                inner.timestamp = record.timestamp
                inner.timestampIsComplete = record.timestampIsComplete
                inner.timestampIsLocal = record.timestampIsLocal
            }
            return inner
        }
        peelHeader(line, from: index, into: &record, context: context)
        if record.level == nil { readServerSeverity(&record) }
        // A JSON record after a plain header (a Lambda runtime's `time requestId LEVEL {json}`).
        if record.message.first == ASCII.openBrace { refineNestedJSON(&record, context: context) }
        return record
    }

    /// The record after Fluentd's tag (`kubernetes.var.log.containers.<pod>_<namespace>_<container>-<id>.log`,
    /// then a tab, then the JSON record), read as a JSON line; nil when the line is not of that shape.
    private func fluentdRecord(_ line: Bytes, from tagStart: Int, context: Timestamp?) -> ParsedRecord? {
        var tagEnd = tagStart
        while tagEnd < line.count, line[tagEnd] != ASCII.tab, line[tagEnd] != ASCII.space { tagEnd += 1 }
        guard tagEnd > tagStart, tagEnd + 1 < line.count, line[tagEnd] == ASCII.tab, line[tagEnd + 1] == ASCII.openBrace,
            var record = parseJSON(line.slice(tagEnd + 1, line.count), context: context)
        else { return nil }
        refineStructured(&record, context: context)
        record.format = .fluentd
        return record
    }

    /// Ruby's standard Logger, Rails' default: `I, [2026-02-03T01:44:01.582748 #17]  INFO -- progname: message`
    /// (the severity's letter, the time and process id in brackets, the level, and after `--` the program's
    /// name, often empty). The program's name, when there is one, is the service. Nil for any other line.
    private func parseRubyLogger(_ line: Bytes, context: Timestamp?) -> ParsedRecord? {
        guard line.count > 8, line[1] == ASCII.comma, line[2] == ASCII.space, line[3] == ASCII.openBracket else { return nil }
        switch line[0] {
        case UInt8(ascii: "D"), UInt8(ascii: "I"), UInt8(ascii: "W"), UInt8(ascii: "E"), UInt8(ascii: "F"), UInt8(ascii: "A"): break
        default: return nil
        }
        guard let match = times.parsePrefix(line.slice(4, line.count), context: context) else { return nil }
        var i = 4 + match.length
        while i < line.count, line[i] != ASCII.closeBracket { i += 1 }
        guard i < line.count else { return nil }
        i = line.skipSpaces(from: i + 1)
        let levelStart = i
        while i < line.count, ASCII.isUpper(line[i]) { i += 1 }
        let level = LogLevel.parse(line.slice(levelStart, i), header: true)
        i = line.skipSpaces(from: i)
        guard level != nil, i + 1 < line.count, line[i] == ASCII.hyphen, line[i + 1] == ASCII.hyphen else { return nil }
        i += 2
        // The program's name runs to the first `: `.
        var colon = i
        while colon < line.count, !(line[colon] == ASCII.colon && (colon + 1 == line.count || line[colon + 1] == ASCII.space)) { colon += 1 }
        guard colon < line.count else { return nil }
        var record = ParsedRecord(message: line.slice(line.skipSpaces(from: min(colon + 1, line.count)), line.count), format: .plain)
        record.timestamp = match.timestamp
        record.timestampIsComplete = match.isComplete
        record.timestampIsLocal = !match.hasZone
        record.level = level
        let nameStart = line.skipSpaces(from: i)
        var nameEnd = colon
        while nameEnd > nameStart, ASCII.isSpace(line[nameEnd - 1]) { nameEnd -= 1 }
        let name = line.slice(nameStart, nameEnd)
        if name.count > 0, !name.contains(where: { ASCII.isSpace($0) }) { record.service = name }
        return record
    }

    /// Where Traefik's `@provider` suffix starts in a service's name (`web-api-3000@kubernetes`,
    /// `billing@docker`, `api@file`), or nil for a name without one.
    static func providerSuffix(_ name: Bytes) -> Int? {
        guard name.count > 2, let at = name.firstIndex(where: { $0 == UInt8(ascii: "@") }), at > 0 else { return nil }
        let provider = name.slice(at + 1, name.count)
        for known: StaticString in ["kubernetes", "kubernetescrd", "kubernetesgateway", "docker", "file", "internal", "consulcatalog", "ecs", "nomad", "swarm"]
        where provider.equalsIgnoringCase(known) {
            return at
        }
        return nil
    }

    /// AWS Elastic Load Balancing's access log (an Application Load Balancer's): `type time elb client:port
    /// target:port request_processing_time target_processing_time response_processing_time elb_status_code
    /// target_status_code received_bytes sent_bytes "request" "user_agent" …`, the type one of `http`,
    /// `https`, `h2`, `grpcs`, `ws`, `wss`. The load balancer (`app/NAME/id`) is the service and its status the
    /// record's; the message is the request, the status, the target's status and the target
    /// (`GET https://shop.example:443/cart HTTP/2.0 504 target - upstream 10.4.2.12:80`). Nil for any other line.
    private func parseLoadBalancerAccess(_ line: Bytes, context: Timestamp?) -> ParsedRecord? {
        var typeEnd = 0
        while typeEnd < line.count, typeEnd < 6, ASCII.isLower(line[typeEnd]) || ASCII.isDigit(line[typeEnd]) { typeEnd += 1 }
        guard typeEnd >= 2, typeEnd + 1 < line.count, line[typeEnd] == ASCII.space, ASCII.isDigit(line[typeEnd + 1]) else { return nil }
        let type = line.slice(0, typeEnd)
        guard type.equalsIgnoringCase("http") || type.equalsIgnoringCase("https") || type.equalsIgnoringCase("h2")
            || type.equalsIgnoringCase("grpcs") || type.equalsIgnoringCase("ws") || type.equalsIgnoringCase("wss"),
            let match = times.parsePrefix(line.slice(typeEnd + 1, line.count), context: context), match.isComplete, match.hasZone
        else { return nil }
        // The fields after the time: space-separated, the request and user agent in double quotes.
        var fields: [(Int, Int)] = []
        var cursor = typeEnd + 1 + match.length
        while fields.count < 11, cursor < line.count {
            guard line[cursor] == ASCII.space else { return nil }
            cursor += 1
            if cursor < line.count, line[cursor] == ASCII.quote {
                var end = cursor + 1
                while end < line.count, line[end] != ASCII.quote { end += 1 }
                guard end < line.count else { return nil }
                fields.append((cursor + 1, end))
                cursor = end + 1
            } else {
                var end = cursor
                while end < line.count, line[end] != ASCII.space { end += 1 }
                fields.append((cursor, end))
                cursor = end
            }
        }
        // elb, client, target, three times, two statuses, two byte counts, the request.
        guard fields.count == 11 else { return nil }
        func field(_ index: Int) -> Bytes { line.slice(fields[index].0, fields[index].1) }
        let status = HTTPStatus.value(field(6))
        guard status != nil || field(6).count == 1 else { return nil }
        var record = ParsedRecord(message: line, format: .loadBalancerAccess)
        record.timestamp = match.timestamp
        record.httpStatus = status
        // `app/NAME/id`: the name.
        let elb = field(0)
        var slashes: [Int] = []
        for i in 0..<elb.count where elb[i] == ASCII.slash { slashes.append(i) }
        if slashes.count == 2, slashes[1] > slashes[0] + 1 { record.service = elb.slice(slashes[0] + 1, slashes[1]) }
        var words = ScratchWords(buffer: messageScratch, capacity: Self.scratchSize)
        words.append(field(10))
        words.append(field(6))
        words.append(field(7), prefix: "target ")
        words.append(field(2), prefix: "upstream ")
        record.message = words.bytes
        return record
    }

    /// The service a structured record's service field states, or nil when it names none: a placeholder
    /// (``isPlaceholderService(_:)``), or a `component` field in a file named for its service (in an
    /// application's lines, `component=store` names a part of the program).
    private func statedService(_ name: Bytes, _ fields: StructuredFields) -> Bytes? {
        if fileNamesService && fields.serviceIsComponent { return nil }
        return Self.isPlaceholderService(name) ? nil : name
    }

    /// What a gateway's access record means by its fields, settled before its message is written, for a record
    /// on its own line and one inside a shipper's: an empty message field (Traefik writes `"msg":""` on every
    /// access line) is no message, and a service field that names where the request went is the upstream, not
    /// the proxy that wrote the line: Traefik's `namespace-service-port@provider`, Kong's `service` object
    /// with its host (``StructuredFields/serviceIsUpstream``).
    static func settleAccessFields(_ fields: inout StructuredFields, source: Bytes) {
        if let message = fields.message, message.end <= message.start { fields.message = nil }
        if fields.serviceIsUpstream {
            fields.service = nil
        } else if let service = fields.service, fields.upstream == nil, let at = providerSuffix(source.slice(service.start, service.end)) {
            fields.upstream = FieldValue(start: service.start, end: service.start + at, escaped: service.escaped)
            fields.service = nil
        }
    }

    /// A service field's value that names no service: OpenTelemetry's default when none was set
    /// (`unknown_service`, `unknown_service:java`), Elasticsearch's fixed `ES_ECS`, and empty stand-ins. The
    /// service then comes from wherever else the record or its file says.
    static func isPlaceholderService(_ name: Bytes) -> Bool {
        // On the bytes, lengths first: every structured record with a service passes here.
        func equals(_ literal: StaticString, prefix: Bool = false) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard prefix ? name.count >= n : name.count == n else { return false }
            let w = literal.utf8Start
            for i in 0..<n where ASCII.lower(name[i]) != w[i] { return false }
            return true
        }
        switch name.count {
        case 1: return name[0] == ASCII.hyphen
        case 3: return equals("n/a")
        case 4: return equals("null") || equals("none")
        case 6: return equals("es_ecs")
        case 7: return equals("unknown")
        case 9: return equals("undefined")
        default: return name.count >= 15 && equals("unknown_service", prefix: true)
        }
    }

    /// Papertrail's archive files: `id<TAB>generated_at<TAB>received_at<TAB>source_id<TAB>source_name<TAB>source_ip
    /// <TAB>facility<TAB>severity<TAB>program<TAB>message`, times in UTC. The program names the service (the
    /// host, for the system's own programs), the severity's name is the level. Nil for any other line.
    private func parsePapertrail(_ line: Bytes, context: Timestamp?) -> ParsedRecord? {
        var i = 0
        while i < line.count, ASCII.isDigit(line[i]) { i += 1 }
        guard i >= 10, i < line.count, line[i] == ASCII.tab else { return nil }
        var fields: [(Int, Int)] = []
        var start = i + 1
        while fields.count < 8 {
            var end = start
            while end < line.count, line[end] != ASCII.tab { end += 1 }
            guard end < line.count else { return nil }
            fields.append((start, end))
            start = end + 1
        }
        let generated = line.slice(fields[0].0, fields[0].1)
        guard let match = TimestampParser.parsePrefix(generated, context: context), match.length == generated.count else { return nil }
        var record = ParsedRecord(message: line.slice(start, line.count), format: .syslog)
        record.timestamp = match.timestamp
        record.timestampIsComplete = match.isComplete
        record.level = LogLevel.parse(line.slice(fields[6].0, fields[6].1), header: true)
        let host = line.slice(fields[3].0, fields[3].1)
        let program = line.slice(fields[7].0, fields[7].1)
        record.service = program.count > 0 ? Self.syslogService(program: program, host: host) : host
        return record
    }

    /// Fluent Bit's `out_file` in its default format: `tag: [epoch.fraction, {record}]`, the record read as a
    /// JSON line (its Kubernetes metadata names the service, its `log` field is the application's line); the
    /// epoch time stands when the record has none. Nil when the line is not of that shape.
    private func parseFluentBit(_ line: Bytes, context: Timestamp?) -> ParsedRecord? {
        // A tag holds no `=` or quote: a logfmt line (`ts=…`) is out at its first key.
        var tagEnd = 0
        while tagEnd < line.count {
            let b = line[tagEnd]
            if b == ASCII.space { break }
            if b == ASCII.equals || b == ASCII.quote { return nil }
            tagEnd += 1
        }
        guard tagEnd > 1, line[tagEnd - 1] == ASCII.colon, tagEnd + 2 < line.count, line[tagEnd] == ASCII.space,
            line[tagEnd + 1] == ASCII.openBracket
        else { return nil }
        var comma = tagEnd + 2
        while comma < line.count, line[comma] != ASCII.comma { comma += 1 }
        let epoch = line.slice(tagEnd + 2, min(comma, line.count))
        guard comma < line.count, let time = TimestampParser.parsePrefix(epoch, context: context), time.length == epoch.count
        else { return nil }
        let open = line.skipSpaces(from: comma + 1)
        var end = line.count
        while end > open, line[end - 1] == ASCII.space || line[end - 1] == ASCII.carriageReturn { end -= 1 }
        guard open < end, line[open] == ASCII.openBrace, line[end - 1] == ASCII.closeBracket,
            var record = parseJSON(line.slice(open, end - 1), context: context)
        else { return nil }
        refineStructured(&record, context: context)
        if record.timestamp == nil {
            record.timestamp = time.timestamp
            record.timestampIsComplete = time.isComplete
            record.timestampIsLocal = !time.hasZone
        }
        record.format = .fluentd
        return record
    }

    /// A CloudWatch Logs stream name of AWS Lambda: `2025/03/11/[$LATEST]41a05839…` (or a version for
    /// `$LATEST`).
    static func isLambdaStream(_ token: Bytes) -> Bool {
        guard token.count > 14, ASCII.isDigit(token[0]), token[4] == ASCII.slash, token[7] == ASCII.slash, token[10] == ASCII.slash,
            token[11] == ASCII.openBracket
        else { return false }
        return true
    }

    /// A request id in the header (Lambda's runtimes write `time requestId LEVEL message`): 36 bytes of hex
    /// and dashes in UUID form.
    static func isRequestID(_ token: Bytes) -> Bool {
        guard token.count == 36 else { return false }
        for i in 0..<36 {
            let b = token[i]
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if b != ASCII.hyphen { return false }
            } else if !(ASCII.isDigit(b) || (b | 0x20) &- 0x61 < 6) {
                return false
            }
        }
        return true
    }

    /// PostgreSQL's severity after its line prefix (`[30312] app@orders ERROR:  column "sku" does not
    /// exist`, `…:app@orders:[30312]:LOG:  checkpoint starting`), for a plain line whose header held no
    /// level: the word in capitals right after the start, a space or a colon, then a colon and two spaces,
    /// within the first 160 bytes. `LOG` is informational; the secondary reports (`DETAIL`, `HINT`,
    /// `STATEMENT`, `CONTEXT`, `QUERY`, `LOCATION`) continue the record before them.
    private static let serverSeverities: [(word: StaticString, level: LogLevel?)] = [
        ("ERROR", .error), ("LOG", .info), ("STATEMENT", nil), ("DETAIL", nil), ("FATAL", .critical), ("WARNING", .warning),
        ("HINT", nil), ("CONTEXT", nil), ("QUERY", nil), ("LOCATION", nil), ("PANIC", .emergency), ("NOTICE", .notice),
        ("INFO", .info), ("DEBUG1", .debug), ("DEBUG2", .debug), ("DEBUG3", .debug), ("DEBUG4", .debug), ("DEBUG5", .debug),
    ]

    func readServerSeverity(_ record: inout ParsedRecord) {
        let text = record.message
        let limit = min(text.count, 160)
        var i = 0
        while i + 3 < limit {
            // A colon followed by two spaces ends the word.
            guard text[i] == ASCII.colon, text[i + 1] == ASCII.space, text[i + 2] == ASCII.space else {
                i += 1
                continue
            }
            var start = i
            while start > 0, ASCII.isUpper(text[start - 1]) || ASCII.isDigit(text[start - 1]) { start -= 1 }
            if start < i, start == 0 || text[start - 1] == ASCII.space || text[start - 1] == ASCII.colon {
                let word = text.slice(start, i)
                for (name, level) in Self.serverSeverities where word.equalsIgnoringCase(name) {
                    record.level = level ?? .info
                    record.continuesRecord = level == nil
                    return
                }
            }
            return
        }
    }

    /// A Loki label set, `{key="value", …}` at `start`: where it ends, the value of the label that names the
    /// service best (`service_name`, `service`, `app`, `app_kubernetes_io_name`, `k8s_app`, `container`,
    /// `job`, then `pod`) and of `level` or `detected_level`; nil when the braces hold anything else.
    static func lokiLabels(_ line: Bytes, from start: Int) -> (end: Int, service: Bytes?, level: Bytes?)? {
        var i = start + 1
        var service: Bytes?
        var serviceRank = Int.max
        var level: Bytes?
        var pairs = 0
        while i < line.count {
            i = line.skipSpaces(from: i)
            guard i < line.count else { return nil }
            if line[i] == ASCII.closeBrace { return pairs > 0 ? (i + 1, service, level) : nil }
            let keyStart = i
            while i < line.count, ASCII.isAlphanumeric(line[i]) || line[i] == ASCII.underscore || line[i] == ASCII.dot { i += 1 }
            guard i > keyStart, i + 1 < line.count, line[i] == ASCII.equals, line[i + 1] == ASCII.quote else { return nil }
            let key = line.slice(keyStart, i)
            i += 2
            let valueStart = i
            while i < line.count, line[i] != ASCII.quote { i += line[i] == ASCII.backslash ? 2 : 1 }
            guard i < line.count else { return nil }
            let value = line.slice(valueStart, i)
            i += 1
            pairs += 1
            let ranked: [StaticString] = ["service_name", "service", "app", "app_kubernetes_io_name", "k8s_app", "container", "job", "pod"]
            if value.count > 0, let rank = ranked.firstIndex(where: { key.equalsIgnoringCase($0) }), rank < serviceRank {
                service = value
                serviceRank = rank
            }
            if key.equalsIgnoringCase("level") || key.equalsIgnoringCase("detected_level") { level = value }
            i = line.skipSpaces(from: i)
            if i < line.count, line[i] == ASCII.comma { i += 1 }
        }
        return nil
    }

    /// The first `[DD/Mon/YYYY:HH:MM:SS zone]` within the line's first 160 bytes.
    static func embeddedCommonLogTime(_ line: Bytes) -> TimestampParser.Match? {
        let limit = min(line.count, 160)
        var i = 0
        while i + 21 < limit {
            if line[i] == ASCII.openBracket, ASCII.isDigit(line[i + 1]), ASCII.isDigit(line[i + 2]), line[i + 3] == ASCII.slash,
                let match = TimestampParser.parseCommonLog(line.slice(i + 1, line.count))
            {
                return match
            }
            i += 1
        }
        return nil
    }

    /// The kinds of header token the previous line had, four bits each (see `HeaderKind`), and how many.
    @exclusivity(unchecked) private var layout: UInt64 = 0
    @exclusivity(unchecked) private var layoutCount = 0

    private enum HeaderKind {
        static let level: UInt64 = 1
        static let service: UInt64 = 2
        static let time: UInt64 = 3
        static let stream: UInt64 = 4
        /// A shipper's stream label of any shape.
        static let label: UInt64 = 5
        /// A process id in brackets before the level (`[1] WARNING`, PgBouncer's).
        static let pid: UInt64 = 6
    }

    /// `[1]`, `[31877]`: a process or thread id in brackets.
    /// A bare thread or process id of up to ten digits (MySQL's `2026-… 64 [Note] [MY-010914] …`); a header
    /// token only when a level follows it.
    static func isThreadNumber(_ token: Bytes) -> Bool {
        guard token.count >= 1, token.count <= 10 else { return false }
        for b in token where !ASCII.isDigit(b) { return false }
        return true
    }

    static func isBracketedNumber(_ token: Bytes) -> Bool {
        guard token.count >= 3, token[0] == ASCII.openBracket, token[token.count - 1] == ASCII.closeBracket else { return false }
        for i in 1..<(token.count - 1) where !ASCII.isDigit(token[i]) { return false }
        return true
    }

    /// Peels level, time-of-day, stream and service tokens off the front; the rest is the message.
    ///
    /// Lines of one file share a layout, so the previous line's layout is tried first with cheap checks;
    /// any doubt falls back to the full rules, which then record the new layout.
    private func peelHeader(_ line: Bytes, from start: Int, into record: inout ParsedRecord, context: Timestamp?) {
        if layoutCount > 0, peelWithLayout(line, from: start, into: &record, context: context) { return }
        peelHeaderFully(line, from: start, into: &record, context: context)
    }

    private func peelWithLayout(_ line: Bytes, from start: Int, into record: inout ParsedRecord, context: Timestamp?) -> Bool {
        var index = line.skipSpaces(from: start)
        var level: LogLevel?
        var service: Bytes?
        var levels = 0
        var services = 0
        var timestamp: TimestampParser.Match?
        for k in 0..<layoutCount {
            guard index < line.count else { return false }
            let end = line.tokenEnd(from: index)
            let token = line.slice(index, end)
            switch (layout >> UInt64(4 * k)) & 0xF {
            case HeaderKind.level:
                guard let parsed = services > 0 ? Self.strictLevel(token) : (LogLevel.parse(token, header: true) ?? Self.bracketedLevel(token))
                else { return false }
                level = parsed
                levels += 1
            case HeaderKind.service:
                guard let core = obviousService(token) else { return false }
                service = core
                services += 1
            case HeaderKind.label:
                services += 1
            case HeaderKind.pid:
                guard Self.isBracketedNumber(token) || Self.isRequestID(token) || Self.isThreadNumber(token) else { return false }
            case HeaderKind.time:
                guard Self.isTimeOfDay(token) else { return false }
                record.localClock = Self.secondsOfDay(token)
                if record.timestamp == nil { timestamp = TimestampParser.parsePrefix(token, context: context) }
            default:
                guard Self.isStreamWord(token) else { return false }
            }
            index = line.skipSpaces(from: end)
        }
        if index < line.count {
            let next = line.slice(index, line.tokenEnd(from: index))
            let nextLevel = services > 0 ? Self.strictLevel(next) : LogLevel.parse(next, header: true) ?? Self.bracketedLevel(next)
            if nextLevel != nil || Self.isTimeOfDay(next) || Self.isStreamWord(next) { return false }
            // A layout learned from a line that named no service must not hide the service of this one.
            if services == 0, obviousService(next) != nil { return false }
        }
        if let timestamp {
            record.timestamp = timestamp.timestamp
            record.timestampIsComplete = false
            record.timestampIsLocal = true
        }
        if levels >= 2 && services >= 2 { record.format = .wrapped }
        if let level { record.level = level }
        if let service { record.service = service }
        record.message = line.slice(min(index, line.count), line.count)
        return true
    }

    /// The bounds of a service name inside its marks (`[payments-worker]`, `payments-worker:`), and
    /// whether it had any.
    @inline(__always)
    private static func serviceMark(_ token: Bytes) -> (start: Int, end: Int, marked: Bool) {
        let count = token.count
        if count > 2, token[0] == ASCII.openBracket, token[count - 1] == ASCII.closeBracket { return (1, count - 1, true) }
        if count > 1, token[count - 1] == ASCII.colon { return (0, count - 1, true) }
        return (0, count, false)
    }

    /// A service token that needs no context to be believed: bracketed, ending in `:`, holding `-`, `_` or
    /// a digit (and not a dotted logger name), or known from the topology.
    private func obviousService(_ token: Bytes) -> Bytes? {
        let (start, end, marked) = Self.serviceMark(token)
        guard end - start >= 2, end - start <= 96, ASCII.isLower(token[start]), token[end - 1] != ASCII.dot else { return nil }
        // One table lookup per byte (see `nameClasses`).
        var classes: UInt8 = 0
        for i in start..<end { classes |= nameClasses[Int(token[i])] }
        if classes & NameClass.other != 0 { return nil }
        let shaped = classes & (NameClass.digit | NameClass.separator) != 0
        let dotted = classes & NameClass.dot != 0
        let separated = classes & NameClass.separator != 0
        let core = token.slice(start, end)
        let isKnown = known.count > 0 && known.find(core, hash: WordHash(of: core).value) != nil
        if marked && (fileNamesService || (dotted && !separated)) { return isKnown ? core : nil }
        if separated || (shaped && !dotted) || marked || isKnown { return core }
        return nil
    }

    private func peelHeaderFully(_ line: Bytes, from start: Int, into record: inout ParsedRecord, context: Timestamp?) {
        var index = line.skipSpaces(from: start)
        var kinds: UInt64 = 0
        var levels = 0
        var services = 0
        var lastLevel: LogLevel?
        var lastService: Bytes?
        var afterLevel = false
        var afterService = false
        // `ERROR:` with its colon is a message's own prefix (PostgreSQL's `ERROR:  deadlock detected`), not a
        // shipper's inner level: no service follows it.
        var levelHadColon = false
        var peeled = 0
        while peeled < 8, index < line.count {
            let end = line.tokenEnd(from: index)
            let token = line.slice(index, end)
            let nextStart = line.skipSpaces(from: end)
            // After a service, only a level in capitals or brackets is a header (a shipper's inner level);
            // `error`, `panic:` or `warn` there start the message.
            if let level = services > 0 ? Self.strictLevel(token) : (LogLevel.parse(token, header: true) ?? Self.bracketedLevel(token)) {
                lastLevel = level
                levels += 1
                levelHadColon = token.count > 0 && token[token.count - 1] == ASCII.colon
                afterLevel = true
                afterService = false
                kinds |= HeaderKind.level << UInt64(4 * peeled)
                if levelHadColon && services > 0 {
                    // An application's own `LOG:` or `ERROR:` after the envelope's service starts its message:
                    // nothing after it is header (`INFO orders-db LOG:  duration: 4.2 ms`).
                    peeled += 1
                    index = nextStart
                    break
                }
            } else if Self.isTimeOfDay(token) || Self.isStreamWord(token) {
                kinds |= (Self.isTimeOfDay(token) ? HeaderKind.time : HeaderKind.stream) << UInt64(4 * peeled)
                if Self.isTimeOfDay(token) {
                    record.localClock = Self.secondsOfDay(token)
                    if record.timestamp == nil, let match = TimestampParser.parsePrefix(token, context: context) {
                        record.timestamp = match.timestamp
                        record.timestampIsComplete = false
                        record.timestampIsLocal = true
                    }
                }
            } else if levels == 0, services == 0, Self.isBracketedNumber(token) || Self.isRequestID(token) || Self.isThreadNumber(token),
                nextStart < line.count,
                Self.strictLevel(line.slice(nextStart, line.tokenEnd(from: nextStart))) != nil
            {
                // A process or request id before the level: `… UTC [1] WARNING C-0x55d1…: pooler error`
                // (PgBouncer), `…Z 536baae0-ddfa-4e7d-b79c-8bca42b9b7e9 INFO {…}` (a Lambda runtime).
                kinds |= HeaderKind.pid << UInt64(4 * peeled)
            } else if let service = serviceToken(
                token, afterLevel: afterLevel, afterService: afterService,
                next: nextStart < line.count ? line.slice(nextStart, line.tokenEnd(from: nextStart)) : nil,
                innerSlot: afterLevel && levels >= 2 && services >= 1 && !levelHadColon)
            {
                lastService = service
                services += 1
                afterLevel = false
                afterService = true
                kinds |= HeaderKind.service << UInt64(4 * peeled)
            } else if afterLevel, levels == 1, nextStart < line.count,
                Self.strictLevel(line.slice(nextStart, line.tokenEnd(from: nextStart))) != nil
            {
                // A shipper's stream label between its level and the application's (`INFO vector/prod ERROR
                // checkout-api …`): whatever it looks like, it is envelope, not message.
                services += 1
                afterLevel = false
                afterService = true
                kinds |= HeaderKind.label << UInt64(4 * peeled)
            } else {
                break
            }
            peeled += 1
            index = nextStart
        }
        if levels >= 2 && services >= 2 { record.format = .wrapped }
        if let lastLevel { record.level = lastLevel }
        if let lastService { record.service = lastService }
        record.message = line.slice(min(index, line.count), line.count)
        layout = kinds
        layoutCount = peeled
    }

    /// Whether `token` is a service name standing in the header (see PlainLineParser's rules).
    ///
    /// `innerSlot`: the token follows a shipper's envelope (`LEVEL stream LEVEL`), where the application's
    /// service stands; there a plain lower-case word (`checkout`) is the service.
    private func serviceToken(_ token: Bytes, afterLevel: Bool, afterService: Bool, next: Bytes?, innerSlot: Bool = false) -> Bytes? {
        let (start, end, marked) = Self.serviceMark(token)
        let length = end - start
        guard length >= 2, length <= 96, ASCII.isLower(token[start]), token[end - 1] != ASCII.dot else { return nil }
        var shaped = false
        var dotted = false
        var separated = false
        for i in start..<end {
            let b = token[i]
            if ASCII.isLower(b) { continue }
            if ASCII.isDigit(b) {
                shaped = true
                continue
            }
            if b == ASCII.hyphen || b == ASCII.underscore {
                shaped = true
                separated = true
                continue
            }
            if b == ASCII.dot {
                shaped = true
                dotted = true
                continue
            }
            return nil
        }
        let core = token.slice(start, end)
        if !shaped, LogLevel.parse(core, header: true) != nil { return nil }
        if marked, fileNamesService || (dotted && !separated) {
            // A thread or logger in brackets: a service only when the topology says so.
            return known.count > 0 && known.find(core, hash: WordHash(of: core).value) != nil ? core : nil
        }
        var nextChecked = false
        var nextIsHeaderValue = false
        func nextIsHeader() -> Bool {
            if !nextChecked {
                nextChecked = true
                nextIsHeaderValue = next.map { Self.strictLevel($0) != nil || Self.isTimeOfDay($0) || Self.isStreamWord($0) } ?? false
            }
            return nextIsHeaderValue
        }
        if afterService && !nextIsHeader() { return nil }
        // A name with a separator that is not a dotted logger (`payments-worker`, `ts_travel2`) needs no
        // further evidence.
        if separated || (shaped && !dotted) || marked { return core }
        let isKnown = known.count > 0 && known.find(core, hash: WordHash(of: core).value) != nil
        if isKnown { return core }
        if innerSlot && !dotted { return core }
        if dotted { return nextIsHeader() ? core : nil }
        if afterLevel { return nextIsHeader() ? core : nil }
        return nextIsHeader() ? core : nil
    }

    /// The service a syslog line is about: its program, or the host for the system's own programs.
    static func syslogService(program: Bytes, host: Bytes) -> Bytes {
        isHostProgram(program) && namesHost(host) ? host : program
    }

    /// The operating system's own programs (the kernel, systemd, cron, sshd, the disk and RAID monitors, the NFS
    /// server's daemons): their syslog lines are about the host they run on, which is the service a
    /// host-by-host incident names (`media-nfs kernel: sd 2:0:0:3: timing out command`).
    /// Configuration management acting on the host counts too: Ansible's modules log as `ansible-<module>`.
    static func isHostProgram(_ tag: Bytes) -> Bool {
        guard tag.count <= 48 else { return false }
        let name = tag.string.lowercased()
        return hostPrograms.contains(name) || name.hasPrefix("systemd-") || name.hasPrefix("ansible-")
    }

    static let hostPrograms: Set<String> = [
        "kernel", "systemd", "init", "cron", "crond", "anacron", "atd", "sshd", "sudo", "su", "login", "smartd", "mdadm",
        "chronyd", "ntpd", "rsyslogd", "auditd", "audit", "dbus-daemon", "networkmanager", "udevd", "polkitd", "multipathd",
        "iscsid", "rpc.mountd", "rpc.statd", "rpc.idmapd", "rpcbind", "nfsd", "lvm", "dhclient", "irqbalance", "kdump",
        "puppet-agent", "chef-client", "salt-minion",
    ]

    /// Whether a syslog host field names a host (not `localhost`, an IP address or `-`).
    static func namesHost(_ host: Bytes) -> Bool {
        guard host.contains(where: ASCII.isLetter) else { return false }
        let name = host.string.lowercased()
        return name != "localhost" && !name.hasPrefix("localhost.")
    }

    /// `host tag[pid]: message` or `host tag: message` after a syslog date.
    private func syslogTag(_ line: Bytes, from start: Int) -> (host: Bytes, service: Bytes, messageStart: Int)? {
        let hostStart = line.skipSpaces(from: start)
        let hostEnd = line.tokenEnd(from: hostStart)
        let tagStart = line.skipSpaces(from: hostEnd)
        let tagEnd = line.tokenEnd(from: tagStart)
        guard hostEnd > hostStart, tagEnd > tagStart + 1, line[tagEnd - 1] == ASCII.colon else { return nil }
        var nameEnd = tagEnd - 1
        for i in tagStart..<nameEnd where line[i] == ASCII.openBracket {
            nameEnd = i
            break
        }
        guard nameEnd > tagStart else { return nil }
        return (line.slice(hostStart, hostEnd), line.slice(tagStart, nameEnd), line.skipSpaces(from: tagEnd))
    }

    // MARK: - Prefixes

    /// `<PRI>` then RFC 5424 (`1 TIMESTAMP HOST APP PROCID MSGID SD MSG`) or RFC 3164.
    private func parseSyslogPriority(_ line: Bytes, context: Timestamp?) -> ParsedRecord? {
        var index = 1
        var priority = 0
        while index < line.count, index < 5, ASCII.isDigit(line[index]) {
            priority = priority * 10 + Int(line[index] - 0x30)
            index += 1
        }
        guard index > 1, index < line.count, line[index] == ASCII.greaterThan, priority <= 191 else { return nil }
        index += 1
        let severity = LogLevel(syslogSeverity: priority % 8)
        if index + 1 < line.count, ASCII.isDigit(line[index]), line[index + 1] == ASCII.space {
            // RFC 5424.
            var fields: [Bytes] = []
            var cursor = index + 2
            for _ in 0..<5 {
                cursor = line.skipSpaces(from: cursor)
                let end = line.tokenEnd(from: cursor)
                fields.append(line.slice(cursor, end))
                cursor = end
            }
            guard fields.count == 5 else { return nil }
            var record = ParsedRecord(message: line, format: .syslog)
            record.level = severity
            if let match = TimestampParser.parsePrefix(fields[0], context: context) {
                record.timestamp = match.timestamp
                record.timestampIsLocal = !match.hasZone
            }
            if !(fields[2].count == 1 && fields[2][0] == ASCII.hyphen) {
                record.service = Self.syslogService(program: fields[2], host: fields[1])
            }
            // Structured data: `-` or one or more `[...]` elements.
            cursor = line.skipSpaces(from: cursor)
            if cursor < line.count, line[cursor] == ASCII.hyphen {
                cursor += 1
            } else {
                while cursor < line.count, line[cursor] == ASCII.openBracket {
                    var inQuote = false
                    while cursor < line.count {
                        let b = line[cursor]
                        if b == ASCII.backslash {
                            cursor += 2
                            continue
                        }
                        if b == ASCII.quote { inQuote.toggle() }
                        cursor += 1
                        if b == ASCII.closeBracket && !inQuote { break }
                    }
                }
            }
            cursor = line.skipSpaces(from: min(cursor, line.count))
            // A UTF-8 byte-order mark may open the message.
            if cursor + 2 < line.count, line[cursor] == 0xEF, line[cursor + 1] == 0xBB, line[cursor + 2] == 0xBF { cursor += 3 }
            record.message = line.slice(min(cursor, line.count), line.count)
            if record.service == nil { peelHeader(line, from: cursor, into: &record, context: context) }
            return record
        }
        var record = parsePlain(line.slice(index, line.count), context: context)
        record.format = .syslog
        if record.level == nil { record.level = severity }
        return record
    }

    /// `[pod/name/container] line`.
    private func parseKubectlPrefix(_ line: Bytes, context: Timestamp?) -> ParsedRecord? {
        guard line.hasPrefix("[pod/") else { return nil }
        var close = 5
        while close < line.count, line[close] != ASCII.closeBracket, !ASCII.isSpace(line[close]) { close += 1 }
        guard close < line.count, line[close] == ASCII.closeBracket else { return nil }
        var nameEnd = 5
        while nameEnd < close, line[nameEnd] != ASCII.slash { nameEnd += 1 }
        guard nameEnd > 5 else { return nil }
        let pod = line.slice(5, nameEnd)
        var record = parseInner(line.slice(line.skipSpaces(from: close + 1), line.count), context: context)
        if record.service == nil || record.format != .wrapped { record.service = pod }
        record.format = .kubectlPrefix
        return record
    }

    /// `stern --timestamps` output: `[namespace] pod container time line`, each a lower-case name, the pod's
    /// with a hyphen, then a complete timestamp. The pod names the service; the line inside is read as itself.
    private func parseStern(_ line: Bytes, context: Timestamp?) -> ParsedRecord? {
        var names = 0
        var podStart = 0
        var podEnd = 0
        var previousStart = 0
        var previousEnd = 0
        var cursor = 0
        while names < 3 {
            guard cursor < line.count, ASCII.isLower(line[cursor]) else { break }
            // A name's bytes up to the space after it; any other byte (a logfmt `=`, a `:`) ends the test at once.
            var end = cursor
            while end < line.count, !ASCII.isSpace(line[end]) {
                let b = line[end]
                guard ASCII.isLower(b) || ASCII.isDigit(b) || b == ASCII.hyphen || b == ASCII.dot || b == ASCII.underscore else { return nil }
                end += 1
            }
            guard end < line.count else { return nil }
            // The pod is the name before the container, the last name.
            podStart = previousStart
            podEnd = previousEnd
            previousStart = cursor
            previousEnd = end
            names += 1
            cursor = line.skipSpaces(from: end)
            guard cursor < line.count else { return nil }
            if names >= 2, ASCII.isDigit(line[cursor]) { break }
        }
        guard names >= 2, cursor < line.count, ASCII.isDigit(line[cursor]), podEnd > podStart else { return nil }
        var hasHyphen = false
        for i in podStart..<podEnd where line[i] == ASCII.hyphen { hasHyphen = true }
        guard hasHyphen, let match = times.parsePrefix(line.slice(cursor, line.count), context: context), match.isComplete else { return nil }
        let after = cursor + match.length
        guard after < line.count, ASCII.isSpace(line[after]) else { return nil }
        var record = parseInner(line.slice(line.skipSpaces(from: after), line.count), context: context)
        if record.timestamp == nil {
            record.timestamp = match.timestamp
            record.timestampIsComplete = true
            record.timestampIsLocal = !match.hasZone
        }
        if record.service == nil || record.format != .wrapped { record.service = line.slice(podStart, podEnd) }
        record.format = .kubectlPrefix
        return record
    }

    /// `payments-worker-1  | line` (docker compose), the name padded with spaces.
    private func parseCompose(_ line: Bytes, context: Timestamp?) -> ParsedRecord? {
        let nameEnd = line.tokenEnd(from: 0)
        guard nameEnd >= 2, nameEnd < line.count, ASCII.isLetter(line[0]) else { return nil }
        let barIndex = line.skipSpaces(from: nameEnd)
        guard barIndex < line.count, line[barIndex] == ASCII.pipe,
            barIndex + 1 == line.count || line[barIndex + 1] == ASCII.space
        else { return nil }
        for i in 0..<nameEnd {
            let b = line[i]
            guard ASCII.isAlphanumeric(b) || b == ASCII.hyphen || b == ASCII.underscore || b == ASCII.dot else { return nil }
        }
        let name = line.slice(0, nameEnd)
        var record = parseInner(line.slice(min(barIndex + 2, line.count), line.count), context: context)
        // The container wrote the line; a name inside it is a logger or thread unless a shipper wrapped it.
        if record.service == nil || record.format != .wrapped { record.service = name }
        record.format = .compose
        return record
    }

    /// The line inside a prefix: JSON, logfmt or plain.
    private func parseInner(_ line: Bytes, context: Timestamp?) -> ParsedRecord {
        if line.first == ASCII.openBrace, var record = parseJSON(line, context: context) {
            refineStructured(&record, context: context)
            return record
        }
        if var record = parseLogfmt(line, context: context) {
            refineStructured(&record, context: context)
            return record
        }
        return parsePlain(line, context: context)
    }

    // MARK: - Structured

    private func parseJSON(_ line: Bytes, context: Timestamp?) -> ParsedRecord? {
        guard json.scan(line) else { return nil }
        return structuredRecord(from: &json.fields, source: line, format: .jsonLines, context: context)
    }

    private func parseLogfmt(_ line: Bytes, context: Timestamp?) -> ParsedRecord? {
        // Cheap refusal: logfmt needs an `=` before the first space of its first pair.
        let firstEnd = line.tokenEnd(from: 0)
        var hasEquals = false
        for i in 0..<firstEnd where line[i] == ASCII.equals {
            hasEquals = true
            break
        }
        guard hasEquals, var fields = LogfmtScanner.scan(line) else { return nil }
        return structuredRecord(from: &fields, source: line, format: .logfmt, context: context)
    }

    /// `fields` is `inout` only so that it is passed by address: a copy of the scanner's fields (192 bytes) for
    /// every structured line cost more than reading them.
    private func structuredRecord(from fields: inout StructuredFields, source: Bytes, format: LogFormat, context: Timestamp?)
        -> ParsedRecord?
    {
        Self.settleAccessFields(&fields, source: source)
        let text: Bytes
        if let message = fields.message {
            text = decode(message, source: source, into: messageScratch, capacity: Self.scratchSize)
        } else if let written = accessMessage(fields, source: source, into: messageScratch) {
            text = written
        } else {
            return nil
        }
        var record = ParsedRecord(message: text, format: format)
        if let time = fields.time {
            let text = decode(time, source: source, into: serviceScratch, capacity: Self.serviceScratchSize)
            if let parsed = StructuredTime.parse(text, context: context, cache: &times) {
                record.timestamp = parsed.timestamp
                record.timestampIsComplete = parsed.isComplete
                record.timestampIsLocal = !parsed.hasZone
            }
        }
        if let level = fields.level {
            record.level = LogLevel.parse(source.slice(level.start, level.end), header: false)
        } else if let number = fields.levelNumber {
            var value = 0
            for i in number.start..<number.end where ASCII.isDigit(source[i]) { value = value * 10 + Int(source[i] - 0x30) }
            record.level = LogLevel(otelSeverityNumber: value)
        }
        if let service = fields.service, let name = statedService(decode(service, source: source, into: serviceScratch, capacity: Self.serviceScratchSize), fields) {
            record.service = name
        }
        if let status = fields.status {
            record.httpStatus = HTTPStatus.value(source.slice(status.start, status.end))
        }
        if let detail = fields.detail { record.detail = self.detail(detail, message: fields.message, source: source) }
        return record
    }

    /// A structured record's detail, unless it is the field the message came from or states nothing (a
    /// number, an empty string): unescaped into the detail scratch.
    private func detail(_ value: FieldValue, message: FieldValue?, source: Bytes) -> Bytes {
        let none = Bytes(start: nil, count: 0)
        if let message, message.start == value.start { return none }
        let text = decode(value, source: source, into: detailScratch, capacity: Self.scratchSize)
        for b in text where ASCII.isLetter(b) { return text }
        return none
    }

    /// The message of an access log record that has none (Envoy's and Traefik's JSON access logs):
    /// `GET /cart 503 upstream outbound|8080||recommendations.shop.svc.cluster.local flags UH`, written into
    /// `scratch`; nil unless the record has a status and a method or path.
    private func accessMessage(_ fields: StructuredFields, source: Bytes, into scratch: UnsafeMutablePointer<UInt8>) -> Bytes? {
        guard let status = fields.status, fields.method != nil || fields.path != nil else { return nil }
        var words = ScratchWords(buffer: scratch, capacity: Self.scratchSize)
        func append(_ value: FieldValue?, prefix: StaticString) {
            guard let value else { return }
            let raw = source.slice(value.start, value.end)
            guard !(raw.count == 1 && raw[0] == ASCII.hyphen), raw.count <= 2048 else { return }
            words.append(raw, prefix: prefix)
        }
        append(fields.method, prefix: "")
        append(fields.path, prefix: "")
        append(status, prefix: "")
        append(fields.upstream, prefix: "upstream ")
        append(fields.flags, prefix: "flags ")
        return words.bytes
    }

    /// A scanner for a JSON record inside another's message (a shipper's `log` field around an application's
    /// own JSON line); only ``refineStructured(_:context:)`` uses it.
    @exclusivity(unchecked) private var nestedJSON = JSONFieldScanner()

    /// A structured record's message may itself be a plain line with its own header (Docker's `log`
    /// field): its level and service win, its time fills a gap. Or it may be a JSON record of its own (Fluent
    /// Bit and Vector around an application that logs JSON): then its fields are read the same way.
    private func refineStructured(_ record: inout ParsedRecord, context: Timestamp?) {
        // Only a message that opens like a header (a time, a bracket, a level word) can carry one.
        let m = record.message
        let start = m.skipSpaces(from: 0)
        guard start < m.count else { return }
        let first = m[start]
        if first == ASCII.openBrace {
            refineNestedJSON(&record, context: context)
            return
        }
        if !(ASCII.isDigit(first) || first == ASCII.openBracket || ASCII.isUpper(first)) { return }
        if ASCII.isUpper(first), LogLevel.parse(m.slice(start, m.tokenEnd(from: start)), header: true) == nil,
            !ASCII.isDigit(first)
        {
            // `May 24 …` (syslog) opens with a capital too.
            if TimestampParser.parsePrefix(m.slice(start, m.count)) == nil { return }
        }
        let inner = parsePlain(record.message, context: record.timestamp ?? context)
        guard inner.level != nil || inner.timestamp != nil else { return }
        if record.timestamp == nil, let ts = inner.timestamp {
            record.timestamp = ts
            record.timestampIsComplete = inner.timestampIsComplete
            record.timestampIsLocal = inner.timestampIsLocal
        }
        if let level = inner.level { record.level = level }
        if let service = inner.service {
            // The inner service points into the message scratch; copy it so the message may be trimmed.
            let n = min(service.count, Self.serviceScratchSize)
            innerScratch.update(from: service.baseAddress!, count: n)
            record.service = Bytes(start: innerScratch, count: n)
        }
        record.message = inner.message
    }

    /// Reads the JSON record a structured record's message holds: its message (or an access log's written
    /// one), level and status win; its time fills a gap; its service wins when it names one.
    private func refineNestedJSON(_ record: inout ParsedRecord, context: Timestamp?) {
        var end = record.message.count
        while end > 0, ASCII.isSpace(record.message[end - 1]) || record.message[end - 1] == ASCII.newline || record.message[end - 1] == 0x0D {
            end -= 1
        }
        let m = record.message.slice(record.message.skipSpaces(from: 0), end)
        guard m.count >= 2, m[m.count - 1] == ASCII.closeBrace, nestedJSON.scan(m) else { return }
        var fields = nestedJSON.fields
        Self.settleAccessFields(&fields, source: m)
        // The outer message may sit in `messageScratch`: the inner one is written to `innerScratch`.
        let message: Bytes
        if let value = fields.message {
            message = decode(value, source: m, into: innerScratch, capacity: Self.scratchSize)
        } else if let written = accessMessage(fields, source: m, into: innerScratch) {
            message = written
        } else {
            return
        }
        if record.timestamp == nil, let time = fields.time {
            let text = decode(time, source: m, into: serviceScratch + Self.serviceScratchSize / 2, capacity: Self.serviceScratchSize / 2)
            if let parsed = StructuredTime.parse(text, context: context, cache: &times) {
                record.timestamp = parsed.timestamp
                record.timestampIsComplete = parsed.isComplete
                record.timestampIsLocal = !parsed.hasZone
            }
        }
        if let level = fields.level, let parsed = LogLevel.parse(m.slice(level.start, level.end), header: false) {
            record.level = parsed
        } else if let number = fields.levelNumber {
            var value = 0
            for i in number.start..<number.end where ASCII.isDigit(m[i]) { value = value * 10 + Int(m[i] - 0x30) }
            record.level = LogLevel(otelSeverityNumber: value)
        }
        // Into the second half of the service scratch: the outer service may sit in its first half.
        if let service = fields.service,
            let name = statedService(decode(service, source: m, into: serviceScratch + Self.serviceScratchSize / 2, capacity: Self.serviceScratchSize / 2), fields)
        {
            record.service = name
        }
        if let status = fields.status { record.httpStatus = HTTPStatus.value(m.slice(status.start, status.end)) }
        if let detail = fields.detail { record.detail = self.detail(detail, message: fields.message, source: m) }
        record.message = message
    }

    /// The bytes of a field value: a view into the line, or unescaped into `scratch`.
    private func decode(_ value: FieldValue, source: Bytes, into scratch: UnsafeMutablePointer<UInt8>, capacity: Int) -> Bytes {
        let raw = source.slice(value.start, value.end)
        guard value.escaped else { return raw }
        return JSONFieldScanner.unescape(raw, into: scratch, capacity: capacity)
    }

    // MARK: - Token kinds

    /// A level word in capitals (`ERROR`, `WARN:`) or brackets (`[error]`).
    static func strictLevel(_ token: Bytes) -> LogLevel? {
        if let level = bracketedLevel(token) { return level }
        guard let first = token.first, ASCII.isUpper(first) else { return nil }
        for b in token where ASCII.isLower(b) { return nil }
        return LogLevel.parse(token, header: true)
    }

    static func bracketedLevel(_ token: Bytes) -> LogLevel? {
        // A number in brackets is a process id (`[1]`, PgBouncer's in a container), not a level.
        guard token.count > 2, token[0] == ASCII.openBracket, token[token.count - 1] == ASCII.closeBracket, ASCII.isLetter(token[1])
        else { return nil }
        return LogLevel.parse(token, header: false)
    }

    /// `16:42:09.486` as seconds since midnight.
    static func secondsOfDay(_ token: Bytes) -> Double? {
        guard isTimeOfDay(token) else { return nil }
        func two(_ i: Int) -> Double { Double(token[i] - 0x30) * 10 + Double(token[i + 1] - 0x30) }
        var seconds = two(0) * 3600 + two(3) * 60 + two(6)
        if token.count > 9, token[8] == ASCII.dot || token[8] == ASCII.comma {
            var scale = 0.1
            var i = 9
            while i < token.count, ASCII.isDigit(token[i]) {
                seconds += Double(token[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
        }
        return seconds
    }

    static func isTimeOfDay(_ token: Bytes) -> Bool {
        guard token.count >= 8 else { return false }
        return token[2] == ASCII.colon && token[5] == ASCII.colon && ASCII.isDigit(token[0]) && ASCII.isDigit(token[1])
            && ASCII.isDigit(token[3]) && ASCII.isDigit(token[4]) && ASCII.isDigit(token[6]) && ASCII.isDigit(token[7])
    }

    @inline(__always)
    static func isStreamWord(_ token: Bytes) -> Bool {
        if token.count == 1 { return token[0] == 0x46 || token[0] == 0x50 }
        guard token.count == 6, token[0] | 0x20 == 0x73 else { return false }
        return token.equalsIgnoringCase("stdout") || token.equalsIgnoringCase("stderr")
    }
}

extension LogLevel {
    /// The syslog severity (0 emergency … 7 debug).
    init(syslogSeverity: Int) {
        switch syslogSeverity {
        case 0, 1: self = .emergency
        case 2: self = .critical
        case 3: self = .error
        case 4: self = .warning
        case 5: self = .notice
        case 6: self = .info
        default: self = .debug
        }
    }
}
