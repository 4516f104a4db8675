internal import CausewayCore
internal import Foundation

/// Reads trace exports — OTLP JSON (`resourceSpans`), Jaeger JSON (the `/api/traces` and UI download shape,
/// `{"data": [{"traceID", "spans", "processes"}]}`) and Zipkin v2 JSON (an array of spans with
/// `localEndpoint.serviceName`) — into what the analysis uses: call edges with their traffic, and the failed
/// spans as error records.
///
/// - A child span in another service than its parent is one call from the parent's service to the child's
///   (Zipkin's shared server span: from the client span's service). A client span whose callee sent no
///   span of its own (a database, a third party) is a call to the service its attributes name
///   (`peer.service`, `server.address`, `net.peer.name`, Zipkin's `remoteEndpoint.serviceName`).
/// - Messaging hops (a consumer span under a producer span, or a `FOLLOWS_FROM` reference) are not calls:
///   the producer does not wait for the consumer, so a consumer's failure does not reach it.
/// - A span marked as failed (OTLP status code 2, Jaeger's `error=true` tag or `otel.status_code=ERROR`,
///   Zipkin's `error` tag) becomes an ERROR record of its service at the span's end, saying what failed, whom
///   it called and why, and citing the line of the span's object in the export.
enum TraceDocumentReader {
    /// One span, whichever export it came from.
    struct Span {
        enum Kind {
            case unspecified, `internal`, server, client, producer, consumer
        }

        var trace: String
        var id: String
        var parent: String?
        /// The parent reference is `FOLLOWS_FROM` (Jaeger): a hand-off, not a call.
        var followsFrom = false
        var service: ServiceName
        var name: String
        var kind: Kind
        var start: Timestamp?
        /// Seconds.
        var duration: Double?
        var isError: Bool
        var statusMessage: String?
        var httpStatus: String?
        /// The callee its attributes name, for client and producer spans.
        var peer: String?
        /// Zipkin: a server span sharing its id with the client span that called it.
        var shared = false
        var line: Int

        var end: Timestamp? {
            guard let start else { return nil }
            return start.adding(seconds: duration ?? 0)
        }
    }

    /// What one export held.
    struct Digest {
        var format: LogFormat
        var spans = 0
        /// Traced call edges, sorted, with traffic and the first spans' lines as evidence.
        var calls: [Topology.Call] = []
        /// One ERROR record per failed span.
        var errorRecords: [DocumentRecord] = []
        /// Span objects without the fields a span needs (ids, a service).
        var malformedSpans = 0
        /// Where the document was damaged or cut short, if it was.
        var fault: LocatedJSONParser.Fault?
    }

    /// Whether a document's first bytes are those of a trace export (its first span-shaped keys).
    static func looksLikeTraces(_ head: Data) -> Bool {
        let text = String(decoding: head.prefix(64 * 1024), as: UTF8.self)
        if text.contains("\"resourceSpans\"") || text.contains("\"resource_spans\"") { return true }
        // Jaeger: spans with `traceID` and `spanID` (capital D), or a `processes` map.
        if text.contains("\"traceID\""), text.contains("\"spanID\"") || text.contains("\"processes\"") { return true }
        // Zipkin v2: `traceId` with `localEndpoint`.
        if text.contains("\"traceId\""), text.contains("\"localEndpoint\"") { return true }
        return false
    }

    /// Reads an export; nil when the document holds nothing trace-shaped after all.
    static func read(_ data: Data, file: String) -> Digest? {
        let (values, faults) = LocatedJSONParser.parse(Array(data))
        var spans: [Span] = []
        var format: LogFormat?
        var malformed = 0
        for value in values {
            guard let (found, kind, bad) = spansIn(value) else { continue }
            spans += found
            malformed += bad
            format = format ?? kind
        }
        guard let format else {
            // Damaged before the first span: still a trace file when its head says so.
            guard let fault = faults.first, looksLikeTraces(data) else { return nil }
            var digest = Digest(format: .otlpTraces)
            digest.fault = fault
            return digest
        }
        var digest = Digest(format: format)
        digest.spans = spans.count
        digest.malformedSpans = malformed
        digest.fault = faults.first
        (digest.calls, digest.errorRecords) = calls(in: spans, file: file)
        return digest
    }

    /// The spans of one top-level value, the export it is, and how many span objects were unusable.
    static func spansIn(_ value: LocatedJSON) -> (spans: [Span], format: LogFormat, malformed: Int)? {
        if let object = value.object {
            if let resourceSpans = (object["resourceSpans"] ?? object["resource_spans"])?.array {
                return otlp(resourceSpans)
            }
            if let traces = object["data"]?.array, traces.contains(where: { $0["spans"] != nil }) {
                return jaeger(traces)
            }
            if object["spans"] != nil, object["processes"] != nil { return jaeger([value]) }
            return nil
        }
        guard let items = value.array, let first = items.first else { return nil }
        if first["spans"] != nil, first["traceID"] != nil { return jaeger(items) }
        // Zipkin: a list of spans, or a list of traces (lists of spans) from `/api/v2/traces`.
        let flat = items.flatMap { $0.array ?? [$0] }
        guard flat.contains(where: { $0["traceId"] != nil && ($0["localEndpoint"] != nil || $0["id"] != nil) }) else { return nil }
        return zipkin(flat)
    }

    // MARK: - OTLP

    static func otlp(_ resourceSpans: [LocatedJSON]) -> (spans: [Span], format: LogFormat, malformed: Int) {
        var spans: [Span] = []
        var malformed = 0
        for resource in resourceSpans {
            let attributes = otlpAttributes(resource["resource"]?["attributes"])
            let service = attributes["service.name"].flatMap(ServiceName.normalized)
            let scopes = (resource["scopeSpans"] ?? resource["scope_spans"] ?? resource["instrumentationLibrarySpans"])?.array ?? []
            for scope in scopes {
                for item in scope["spans"]?.array ?? [] {
                    guard let object = item.object, let service, let trace = object["traceId"]?.text, !trace.isEmpty,
                        let id = object["spanId"]?.text, !id.isEmpty
                    else {
                        malformed += 1
                        continue
                    }
                    let tags = otlpAttributes(object["attributes"])
                    let startNanos = object["startTimeUnixNano"]?.integer
                    let endNanos = object["endTimeUnixNano"]?.integer
                    let status = object["status"]
                    let code = status?["code"]?.text ?? ""
                    var message = status?["message"]?.text
                    for event in object["events"]?.array ?? [] where event["name"]?.text == "exception" {
                        let fields = otlpAttributes(event["attributes"])
                        message = message ?? fields["exception.message"] ?? fields["exception.type"]
                    }
                    spans.append(
                        Span(
                            trace: trace, id: id, parent: object["parentSpanId"]?.text.flatMap { $0.isEmpty ? nil : $0 },
                            service: service, name: object["name"]?.text ?? "span", kind: otlpKind(object["kind"]),
                            start: startNanos.map { Timestamp(nanoseconds: $0) },
                            duration: startNanos.flatMap { start in endNanos.map { Double(max(0, $0.subtractingReportingOverflow(start).partialValue)) / 1e9 } },
                            isError: code == "2" || code == "STATUS_CODE_ERROR", statusMessage: message,
                            httpStatus: tags["http.response.status_code"] ?? tags["http.status_code"],
                            peer: tags["peer.service"] ?? tags["server.address"] ?? tags["net.peer.name"], line: object.line))
                }
            }
        }
        return (spans, .otlpTraces, malformed)
    }

    /// `[{"key": "service.name", "value": {"stringValue": "checkout"}}]` as a dictionary of texts.
    static func otlpAttributes(_ value: LocatedJSON?) -> [String: String] {
        var result: [String: String] = [:]
        for item in value?.array ?? [] {
            guard let key = item["key"]?.text, let wrapped = item["value"]?.object, let first = wrapped.fields.first else { continue }
            if let text = first.value.text, result[key] == nil { result[key] = text }
        }
        return result
    }

    static func otlpKind(_ value: LocatedJSON?) -> Span.Kind {
        switch value?.text ?? "" {
        case "1", "SPAN_KIND_INTERNAL": .internal
        case "2", "SPAN_KIND_SERVER": .server
        case "3", "SPAN_KIND_CLIENT": .client
        case "4", "SPAN_KIND_PRODUCER": .producer
        case "5", "SPAN_KIND_CONSUMER": .consumer
        default: .unspecified
        }
    }

    // MARK: - Jaeger

    static func jaeger(_ traces: [LocatedJSON]) -> (spans: [Span], format: LogFormat, malformed: Int) {
        var spans: [Span] = []
        var malformed = 0
        for trace in traces {
            var processes: [String: ServiceName] = [:]
            for (key, process) in trace["processes"]?.object?.fields ?? [] {
                if let name = process["serviceName"]?.text.flatMap(ServiceName.normalized) { processes[key] = name }
            }
            for item in trace["spans"]?.array ?? [] {
                guard let object = item.object, let traceID = object["traceID"]?.text ?? trace["traceID"]?.text,
                    let id = object["spanID"]?.text, !id.isEmpty,
                    let service = object["processID"]?.text.flatMap({ processes[$0] })
                        ?? object["process"]?["serviceName"]?.text.flatMap(ServiceName.normalized)
                else {
                    malformed += 1
                    continue
                }
                var tags: [String: String] = [:]
                for tag in object["tags"]?.array ?? [] {
                    if let key = tag["key"]?.text, let value = tag["value"]?.text, tags[key] == nil { tags[key] = value }
                }
                var parent = object["parentSpanID"]?.text
                var followsFrom = false
                let references = object["references"]?.array ?? []
                if let reference = references.first(where: { $0["refType"]?.text == "CHILD_OF" }) ?? references.first {
                    parent = reference["spanID"]?.text
                    followsFrom = reference["refType"]?.text == "FOLLOWS_FROM"
                }
                if parent == "" || parent == "0" { parent = nil }
                var message = tags["otel.status_description"] ?? tags["error.message"]
                for log in object["logs"]?.array ?? [] where message == nil {
                    for field in log["fields"]?.array ?? [] {
                        let key = field["key"]?.text
                        if key == "message" || key == "error.object" || key == "exception.message" {
                            message = field["value"]?.text
                            break
                        }
                    }
                }
                let kind: Span.Kind =
                    switch tags["span.kind"] ?? "" {
                    case "server": .server
                    case "client": .client
                    case "producer": .producer
                    case "consumer": .consumer
                    case "internal": .internal
                    default: .unspecified
                    }
                let micros = object["startTime"]?.integer
                spans.append(
                    Span(
                        trace: traceID, id: id, parent: parent, followsFrom: followsFrom, service: service,
                        name: object["operationName"]?.text ?? "span", kind: kind,
                        start: micros.flatMap { Timestamp($0, unit: 1000) },
                        duration: object["duration"]?.integer.map { Double($0) / 1e6 },
                        isError: tags["error"] == "true" || tags["otel.status_code"] == "ERROR", statusMessage: message,
                        httpStatus: tags["http.response.status_code"] ?? tags["http.status_code"],
                        peer: tags["peer.service"] ?? tags["server.address"] ?? tags["net.peer.name"], line: object.line))
            }
        }
        return (spans, .jaegerTraces, malformed)
    }

    // MARK: - Zipkin

    static func zipkin(_ items: [LocatedJSON]) -> (spans: [Span], format: LogFormat, malformed: Int) {
        var spans: [Span] = []
        var malformed = 0
        for item in items {
            guard let object = item.object, let trace = object["traceId"]?.text, let id = object["id"]?.text, !id.isEmpty,
                let service = object["localEndpoint"]?["serviceName"]?.text.flatMap(ServiceName.normalized)
            else {
                malformed += 1
                continue
            }
            var tags: [String: String] = [:]
            for (key, value) in object["tags"]?.object?.fields ?? [] {
                if let text = value.text { tags[key] = text }
            }
            let kind: Span.Kind =
                switch object["kind"]?.text ?? "" {
                case "SERVER": .server
                case "CLIENT": .client
                case "PRODUCER": .producer
                case "CONSUMER": .consumer
                default: .unspecified
                }
            let error = tags["error"]
            let micros = object["timestamp"]?.integer
            spans.append(
                Span(
                    trace: trace, id: id, parent: object["parentId"]?.text, service: service, name: object["name"]?.text ?? "span",
                    kind: kind, start: micros.flatMap { Timestamp($0, unit: 1000) },
                    duration: object["duration"]?.integer.map { Double($0) / 1e6 },
                    isError: error != nil && error != "false", statusMessage: error.flatMap { $0.isEmpty || $0 == "true" ? nil : $0 },
                    httpStatus: tags["http.status_code"] ?? tags["http.response.status_code"],
                    peer: object["remoteEndpoint"]?["serviceName"]?.text ?? tags["peer.service"], shared: object["shared"]?.text == "true",
                    line: object.line))
        }
        return (spans, .zipkinTraces, malformed)
    }

    // MARK: - Calls and failures

    /// Call edges between services and one error record per failed span.
    /// - Complexity: O(s log s) for s spans.
    static func calls(in spans: [Span], file: String) -> ([Topology.Call], [DocumentRecord]) {
        struct Pair: Hashable {
            var caller: ServiceName
            var callee: ServiceName
        }
        var byID: [String: [Int]] = [:]
        for (index, span) in spans.enumerated() { byID[span.trace + "\u{0}" + span.id, default: []].append(index) }
        var traffic: [Pair: Topology.Traffic] = [:]
        var evidence: [Pair: [Int]] = [:]
        // The services each span called, and those of them whose side failed: a failed span names its callee
        // only when that says something (its one callee, or its one failing callee).
        var callees = [Set<ServiceName>](repeating: [], count: spans.count)
        var failedCallees = [Set<ServiceName>](repeating: [], count: spans.count)
        var hasRemoteChild = [Bool](repeating: false, count: spans.count)

        func count(_ pair: Pair, span: Span, failed: Bool) {
            var entry = traffic[pair] ?? Topology.Traffic(calls: 0, errors: 0, firstSeen: nil, lastSeen: nil)
            entry.absorb(Topology.Traffic(calls: 1, errors: failed ? 1 : 0, firstSeen: span.start, lastSeen: span.start))
            traffic[pair] = entry
            if evidence[pair, default: []].count < Topology.Call.evidenceLimit { evidence[pair, default: []].append(span.line) }
        }

        for span in spans {
            var callerIndex: Int?
            if span.shared, span.kind == .server {
                // Zipkin's shared span: the client half has the same id in the calling service.
                callerIndex = byID[span.trace + "\u{0}" + span.id]?.first { spans[$0].kind == .client && spans[$0].service != span.service }
            } else if let parent = span.parent, let candidates = byID[span.trace + "\u{0}" + parent] {
                // The parent in the same service, if there is one, makes this a local child.
                if !candidates.contains(where: { spans[$0].service == span.service }) {
                    callerIndex = candidates.first { spans[$0].kind == .client } ?? candidates.first
                }
            }
            guard let callerIndex else { continue }
            let parent = spans[callerIndex]
            // A message handed over (a consumer under a producer, FOLLOWS_FROM) is not a call.
            if span.followsFrom || span.kind == .consumer || parent.kind == .producer { continue }
            hasRemoteChild[callerIndex] = true
            callees[callerIndex].insert(span.service)
            if span.isError { failedCallees[callerIndex].insert(span.service) }
            // The call failed when the callee's span did, or the caller's client span (a server span's own
            // failure says nothing about each call it made).
            count(Pair(caller: parent.service, callee: span.service), span: span, failed: span.isError || (parent.kind == .client && parent.isError))
        }
        // Client spans whose callee sent no span: a database, a cache, a third party.
        for (index, span) in spans.enumerated() where span.kind == .client && !hasRemoteChild[index] {
            guard let peer = span.peer, let name = ServiceName.normalized(peer), name != span.service,
                name.rawValue.contains(where: \.isLetter)
            else { continue }
            callees[index].insert(name)
            if span.isError { failedCallees[index].insert(name) }
            count(Pair(caller: span.service, callee: name), span: span, failed: span.isError)
        }

        var calls: [Topology.Call] = []
        for (pair, seen) in traffic {
            calls.append(
                Topology.Call(
                    caller: pair.caller, callee: pair.callee, provenance: .traced, confidence: 1 - 0.1 / Double(seen.calls),
                    evidence: (evidence[pair] ?? []).map { SourceLocation(file: file, line: $0) }, traffic: seen))
        }
        calls.sort()

        var records: [DocumentRecord] = []
        for (index, span) in spans.enumerated() where span.isError {
            var message = "\(span.name) failed"
            let named = failedCallees[index].count == 1 ? failedCallees[index] : callees[index]
            if named.count == 1, let target = named.first { message += " calling \(target)" }
            if let status = span.httpStatus { message += " with HTTP \(status)" }
            if let detail = span.statusMessage?.replacingOccurrences(of: "\n", with: " "), !detail.isEmpty { message += ": \(detail)" }
            let time = span.end
            let raw = "\(time?.iso8601 ?? "-") ERROR \(span.service) \(message) (trace \(span.trace), span \(span.id))"
            records.append(DocumentRecord(service: span.service, timestamp: time, level: .error, message: message, raw: raw, line: span.line))
        }
        return (calls, records)
    }
}
