internal import CausewayCore

/// Where a field's value sits in the source bytes.
struct FieldValue {
    var start: Int
    var end: Int
    /// The value is a JSON string with backslash escapes to decode.
    var escaped: Bool
}

/// The fields of a structured record that ingest reads, each the best-ranked of its kind found.
struct StructuredFields {
    var time: FieldValue?
    var level: FieldValue?
    var levelNumber: FieldValue?
    var service: FieldValue?
    var message: FieldValue?
    /// An HTTP response status (`status`, `res.statusCode`, `http.response.status_code`).
    var status: FieldValue?
    /// An access log's request method, path, upstream and response flags, read only to write the message of a
    /// record that has none (Envoy's and Traefik's JSON access logs).
    var method: FieldValue?
    var path: FieldValue?
    var upstream: FieldValue?
    var flags: FieldValue?
    /// What went wrong, when the record states it apart from its message: an error object's message or
    /// an exception's text (pino's `err.message`, zap's and logrus's `error`, logstash-logback-encoder's
    /// `stack_trace`, structlog's `exception`). Read beside a message taken from another field.
    var detail: FieldValue?
    fileprivate var ranks = (
        time: Int.max, level: Int.max, levelNumber: Int.max, service: Int.max, message: Int.max, status: Int.max,
        method: Int.max, path: Int.max, upstream: Int.max, flags: Int.max, detail: Int.max
    )

    mutating func reset() {
        self = StructuredFields()
    }

    /// Whether the service came from a `component` field: a Kubernetes component's name, but in an
    /// application's own lines (logrus's `component=store`) a part of the program, not a service.
    var serviceIsComponent: Bool { ranks.service == FieldNames.componentRank }

    /// Whether the service came from a `service` object that also states the host requests go to (Kong's
    /// `"service": {"name": "order-service", "host": "order-service.orders.svc", …}`): the gateway's upstream,
    /// which the record names, not the service that wrote it.
    var serviceIsUpstream: Bool {
        ranks.service == FieldNames.serviceObjectNameRank && ranks.upstream == FieldNames.upstreamServiceHostRank
    }

    /// Offers a field found at `path` (lower case, dotted); keeps it when it outranks what was there.
    mutating func offer(path: Bytes, value: FieldValue) {
        guard let entry = FieldNames.lookup(path) else { return }
        offer(entry, value: value)
    }

    /// Offers a field whose name (1 to 8 bytes at `start` of `source`, a top-level name) is read straight
    /// from the source: lower-cased and packed into one word as ``FieldNames/ShortNames`` keeps names, with
    /// no copy into a path buffer.
    @inline(__always)
    /// `names` is ``FieldNames/shortNames``, passed in so that a line's fields read the global once.
    mutating func offer(shortName start: Int, length: Int, in source: Bytes, names: FieldNames.ShortNames, value: FieldValue) {
        guard let entry = names.lookup(word: FieldNames.ShortNames.packLowered(source, start, length), length: length) else { return }
        offer(entry, value: value)
    }

    @inline(__always)
    private mutating func offer(_ entry: (FieldNames.Kind, Int), value: FieldValue) {
        let (kind, rank) = entry
        switch kind {
        case .time where rank < ranks.time: time = value; ranks.time = rank
        case .level where rank < ranks.level: level = value; ranks.level = rank
        case .levelNumber where rank < ranks.levelNumber: levelNumber = value; ranks.levelNumber = rank
        case .service where rank < ranks.service: service = value; ranks.service = rank
        case .message:
            if rank < ranks.message {
                message = value
                ranks.message = rank
            }
            // The error names among the message names (used for a record with no other message) also
            // state the detail.
            if rank >= FieldNames.firstErrorMessageRank, rank - FieldNames.firstErrorMessageRank < ranks.detail {
                detail = value
                ranks.detail = rank - FieldNames.firstErrorMessageRank
            }
        case .detail where rank + FieldNames.errorMessageNameCount < ranks.detail:
            detail = value
            ranks.detail = rank + FieldNames.errorMessageNameCount
        case .status where rank < ranks.status: status = value; ranks.status = rank
        case .method where rank < ranks.method: method = value; ranks.method = rank
        case .path where rank < ranks.path: path = value; ranks.path = rank
        case .upstream where rank < ranks.upstream: upstream = value; ranks.upstream = rank
        case .flags where rank < ranks.flags: flags = value; ranks.flags = rank
        default: break
        }
    }
}

/// The field names structured loggers, shippers and exporters use, in order of preference.
enum FieldNames {
    enum Kind { case time, level, levelNumber, service, message, status, method, path, upstream, flags, detail }

    static let time = [
        "@timestamp", "timestamp", "time", "ts", "t", "datetime", "date", "timeunixnano", "time_unix_nano",
        "observedtimeunixnano", "__realtime_timestamp", "eventtime", "event_time", "logtime", "created", "_time", "start_time",
        "startutc", "attributes.timestamp", "reqtimesec", "requestreceivedtimestamp", "edgestarttimestamp",
    ]
    static let level = [
        "level", "severity", "lvl", "levelname", "log.level", "severitytext", "severity_text", "loglevel",
        "log_level", "priority", "level_name", "detected_level", "labels.level", "attributes.status",
    ]
    static let levelNumber = ["severitynumber", "severity_number"]
    static let service = [
        // A Kubernetes event is about its involved object, whoever exported it.
        "involvedobject.name", "_involved_name", "service", "svc", "service.name", "resource.service.name", "resource.attributes.service.name", "servicename",
        "service_name", "app", "application", "app.name", "kubernetes.labels.app",
        "kubernetes.labels.app.kubernetes.io/name", "kubernetes.labels.app_kubernetes_io/name",
        // Vector's kubernetes_logs source: the pod's labels, then its owner (`StatefulSet/orders-db`).
        "kubernetes.pod_labels.app", "kubernetes.pod_labels.app.kubernetes.io/name", "kubernetes.pod_owner",
        "kubernetes.container_name", "kubernetes.container.name", "kubernetes.pod_name", "kubernetes.pod.name",
        "labels.app", "labels.service", "labels.service_name", "labels.container", "labels.pod", "stream.app",
        "stream.service", "container_name", "container", "pod", "component", "logger_name.service",
        "_systemd_unit", "syslog_identifier", "_comm", "_app", "_service", "_service_name", "_application",
        "_container_name", "_pod_name", "_tag", "attributes.service",
        // Google Cloud Logging's LogEntry: the monitored resource's labels name the workload (a Cloud Run
        // service or job, a function, a GKE container, an App Engine module).
        "resource.labels.service_name", "resource.labels.job_name", "resource.labels.function_name",
        "resource.labels.container_name", "resource.labels.module_id", "labels.k8s-pod/app",
    ]
    static let componentRank = service.firstIndex(of: "component")!
    static let message = [
        "msg", "message", "log", "body", "body.stringvalue", "text", "line", "event", "error", "err",
        "error.message", "err.message", "exception.message", "short_message", "full_message", "elasticsearch.slowlog.message", "attributes.message",
        // Cloud Logging's LogEntry: a text payload, or a structured one's message.
        "textpayload", "jsonpayload.message", "jsonpayload.msg",
    ]
    /// The first of the error names in ``message`` (`error`, then four more): from it on, a message name
    /// also states the detail, at its rank counted from here. A literal, read on every line (a test holds it
    /// to the list).
    static var firstErrorMessageRank: Int { 8 }
    static var errorMessageNameCount: Int { 5 }
    /// The detail's other names, ranked after the error names of ``message``: the error's text before a
    /// stack trace, a stack trace before a bare type.
    static let detail = [
        "error.msg", "err.msg", "exception", "exc_info", "stack_trace", "stacktrace", "error.stack_trace", "exception.stacktrace",
        "exception.stack_trace", "err.stack", "error.stack", "@x", "error.type", "err.type", "exception.type",
    ]

    static let status = [
        "http.response.status_code", "http.status_code", "attributes.http.response.status_code",
        "attributes.http.status_code", "res.statuscode", "res.status", "response.status", "response.statuscode",
        "response.status_code", "resp.status", "statuscode", "status_code", "http_status", "httpstatus",
        "response_status", "status", "downstreamstatus", "originstatus", "response_code", "httprequest.status",
        "attributes.attributes.http.status_code", "attributes.http.status_code", "responsestatus.code", "edgeresponsestatus",
    ]
    static let method = [
        "method", "http.method", "http.request.method", "request_method", "requestmethod", "req.method", "request.method",
        "httprequest.requestmethod", "verb", "reqmethod", "clientrequestmethod",
    ]
    static let path = [
        "path", "url.path", "http.target", "request_path", "requestpath", "request_uri", "uri", "request.uri", "req.url",
        "request.path", "http.url", "httprequest.requesturl", "url", "reqpath", "requesturi", "clientrequesturi", "clientrequestpath",
    ]
    /// Kong's log serializer states the upstream as a `service` object (`service.name`, `service.host`): its
    /// host ranks last here, and it marks the record's `service.name` as the upstream's, not the emitter's.
    static let upstream = ["upstream_cluster", "upstream_host", "upstream", "upstream_addr", "upstream_service", "service.host"]
    static let upstreamServiceHostRank = upstream.firstIndex(of: "service.host")!
    static let serviceObjectNameRank = service.firstIndex(of: "service.name")!
    static let flags = ["response_flags"]
    private static let kinds: [(Kind, [String])] = [
        (.time, time), (.level, level), (.levelNumber, levelNumber), (.service, service), (.message, message), (.status, status),
        (.method, method), (.path, path), (.upstream, upstream), (.flags, flags), (.detail, detail),
    ]

    private static let table: (ByteKeyTable, [(Kind, Int)]) = {
        var keys = ByteKeyTable(capacity: 256)
        var values: [(Kind, Int)] = []
        for (kind, names) in kinds {
            for (rank, name) in names.enumerated() {
                var bytes = Array(name.utf8)
                bytes.withUnsafeMutableBufferPointer { buffer in
                    let b = Bytes(buffer)
                    let (id, inserted) = keys.findOrInsert(b, hash: WordHash(of: b).value)
                    if inserted { values.append((kind, rank)) } else { _ = id }
                }
            }
        }
        return (keys, values)
    }()

    static func lookup(_ path: Bytes) -> (Kind, Int)? {
        if path.count <= 8 { return shortNames.lookup(path) }
        guard let id = table.0.find(path, hash: WordHash(of: path).value) else { return nil }
        return table.1[id]
    }

    /// The names of eight bytes or fewer (the usual `ts`, `level`, `msg`), each packed into one word: a
    /// lookup is a multiply and a compare, with no hash over bytes and no `memcmp`. The same entries as
    /// `table` (the first of a repeated name wins there and here).
    static let shortNames: ShortNames = {
        var short = ShortNames()
        for (kind, names) in kinds {
            for (rank, name) in names.enumerated() where name.utf8.count <= 8 {
                var bytes = Array(name.utf8)
                bytes.withUnsafeMutableBufferPointer { short.insert(Bytes($0), (kind, rank)) }
            }
        }
        return short
    }()

    struct ShortNames {
        static let size = 128
        private var words = [UInt64](repeating: 0, count: size)
        /// 0 for an empty slot, else the name's length plus one.
        private var lengths = [Int](repeating: 0, count: size)
        private var values = [(Kind, Int)](repeating: (.time, 0), count: size)

        @inline(__always)
        static func pack(_ bytes: Bytes) -> UInt64 {
            var word: UInt64 = 0
            for i in 0..<bytes.count { word |= UInt64(bytes[i]) << UInt64(8 * i) }
            return word
        }

        @inline(__always)
        static func slot(_ word: UInt64, _ length: Int) -> Int {
            Int(truncatingIfNeeded: ((word ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> 57)
        }

        mutating func insert(_ name: Bytes, _ value: (Kind, Int)) {
            let word = Self.pack(name)
            var index = Self.slot(word, name.count)
            while lengths[index] != 0 {
                if words[index] == word && lengths[index] == name.count + 1 { return }  // the first wins
                index = (index + 1) & (Self.size - 1)
            }
            words[index] = word
            lengths[index] = name.count + 1
            values[index] = value
        }

        @inline(__always)
        func lookup(_ path: Bytes) -> (Kind, Int)? {
            lookup(word: Self.pack(path), length: path.count)
        }

        /// The entry of the name packed into `word` (as ``pack(_:)`` packs it), `length` bytes long.
        @inline(__always)
        func lookup(word: UInt64, length: Int) -> (Kind, Int)? {
            var index = Self.slot(word, length)
            while true {
                let stored = lengths[index]
                if stored == 0 { return nil }
                if words[index] == word && stored == length + 1 { return values[index] }
                index = (index + 1) & (Self.size - 1)
            }
        }

        /// The `length` (1 to 8) bytes at `start` of `bytes` with ASCII capitals lowered (as `ASCII.lower`),
        /// packed as ``pack(_:)`` packs them. One 8-byte load when eight bytes from `start` (or eight ending
        /// at the name's end) lie inside `bytes`; nothing outside `bytes` is read.
        @inline(__always)
        static func packLowered(_ bytes: Bytes, _ start: Int, _ length: Int) -> UInt64 {
            let raw = UnsafeRawPointer(bytes.baseAddress!)
            var word: UInt64
            if start + 8 <= bytes.count {
                word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
                if length < 8 { word &= (1 << UInt64(8 * length)) - 1 }
            } else if start + length >= 8 {
                word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + length - 8, as: UInt64.self)) >> UInt64(8 * (8 - length))
            } else {
                word = 0
                for i in 0..<length { word |= UInt64(bytes[start + i]) << UInt64(8 * i) }
            }
            return lowered(word)
        }

        /// Each byte of `word` from `A` to `Z` lowered, every other byte kept (SWAR: per byte, `x + 0x3F` sets
        /// the high bit from `A` up and `x + 0x25` from `[` up, on the low seven bits so no carry crosses
        /// into the next byte; bytes of 0x80 and above are left alone).
        @inline(__always)
        static func lowered(_ word: UInt64) -> UInt64 {
            let low = word & 0x7F7F_7F7F_7F7F_7F7F
            let fromA = low &+ 0x3F3F_3F3F_3F3F_3F3F
            let pastZ = low &+ 0x2525_2525_2525_2525
            let capitals = fromA & ~pastZ & ~word & 0x8080_8080_8080_8080
            return word | (capitals >> 2)
        }
    }
}

/// A time field: text in any form ``TimestampParser`` reads, or a number of seconds, milliseconds,
/// microseconds or nanoseconds since the epoch, told apart by magnitude.
enum StructuredTime {
    static func parse(_ text: Bytes, context: Timestamp?) -> TimestampParser.Match? {
        var cache = TimestampParser.PrefixCache()
        return parse(text, context: context, cache: &cache)
    }

    /// As ``parse(_:context:)``, remembering the last date, hour and minute in `cache`.
    static func parse(_ text: Bytes, context: Timestamp?, cache: inout TimestampParser.PrefixCache) -> TimestampParser.Match? {
        var digits = 0
        var dots = 0
        var other = false
        for b in text {
            if ASCII.isDigit(b) {
                digits += 1
            } else if b == ASCII.dot {
                dots += 1
            } else {
                other = true  // not a number: the counts no longer matter
                break
            }
        }
        if !other, digits > 0, dots <= 1 {
            var integer: Int64 = 0
            var fraction: Double = 0
            var scale = 0.1
            var afterDot = false
            var integerDigits = 0
            for b in text {
                if b == ASCII.dot {
                    afterDot = true
                    continue
                }
                let d = Int64(b - 0x30)
                if afterDot {
                    fraction += Double(d) * scale
                    scale /= 10
                } else if integerDigits < 19 {
                    integer = integer * 10 + d
                    integerDigits += 1
                }
            }
            let time: Timestamp?
            switch integerDigits {
            case 18...19: time = Timestamp(nanoseconds: integer)
            case 15...17: time = Timestamp(integer, unit: 1_000, plus: Int64(fraction * 1e3))
            case 12...14: time = Timestamp(integer, unit: 1_000_000, plus: Int64(fraction * 1e6))
            case 9...11: time = Timestamp(integer, unit: 1_000_000_000, plus: Int64((fraction * 1e9).rounded()))
            default: return nil
            }
            guard let time else { return nil }
            return .init(timestamp: time, length: text.count, isComplete: true, hasZone: true)
        }
        return cache.parsePrefix(text, context: context)
    }
}
