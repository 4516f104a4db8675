internal import CausewayCore
internal import Foundation

/// Records from files that are documents rather than one record per line: Kubernetes events (JSON list or
/// the `kubectl get events` table), OpenTelemetry JSON log exports, CSV/TSV exports with a header row, and
/// MySQL's slow query log.
/// Trace exports are read by ``TraceDocumentReader``.
struct DocumentRecord {
    var service: ServiceName
    var timestamp: Timestamp?
    var level: LogLevel?
    var message: String
    var raw: String
    var line: Int
    /// The HTTP status a structured record states in a field of its own.
    var httpStatus: Int? = nil
    /// Lines that only add to the record (a stack trace inside one log event).
    var continuation = ""
}

enum DocumentReaders {
    /// What a file's first bytes say it is.
    enum Kind {
        case lines
        case jsonDocument
        case delimited(separator: UInt8)
        case eventsTable
        case podDescription
        case mysqlSlowLog
    }

    static func sniff(_ head: Data) -> Kind {
        let text = String(decoding: head.prefix(8192), as: UTF8.self)
        let trimmed = text.drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" })
        let firstLine = trimmed.prefix(while: { $0 != "\n" })
        if trimmed.first == "[" {
            // `[{…}, …]` or `[]` is a JSON document; `[2026-05-24 …]` or `[pod/…]` starts a log line.
            let next = trimmed.dropFirst().drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).first
            return next == "{" || next == "]" ? .jsonDocument : .lines
        }
        if trimmed.first == "{" {
            // One object per line, or one document?
            if let data = String(firstLine).data(using: .utf8), (try? JSONSerialization.jsonObject(with: data)) != nil {
                let lowered = firstLine.lowercased()
                if lowered.hasPrefix("{\"resourcelogs\"") || lowered.hasPrefix("{\"items\"") || lowered.contains("\"kind\":\"eventlist\"")
                    || (lowered.contains("\"logevents\"") && lowered.contains("\"loggroup\""))
                    || (lowered.hasPrefix("{\"records\"") && lowered.contains("\"eventsource\""))
                    || lowered.hasPrefix("{\"resourcespans\"") || lowered.hasPrefix("{\"resource_spans\"")
                    || (lowered.hasPrefix("{\"data\"") && TraceDocumentReader.looksLikeTraces(Data(firstLine.utf8)))
                {
                    return .jsonDocument
                }
                return .lines
            }
            return .jsonDocument
        }
        if looksLikeMySQLSlowLog(trimmed, firstLine: firstLine) { return .mysqlSlowLog }
        if firstLine.hasPrefix("Name:"), trimmed.contains("\nNamespace:"), trimmed.contains("\nContainers:") { return .podDescription }
        let upper = firstLine.uppercased()
        if upper.hasPrefix("LAST SEEN") || (upper.hasPrefix("NAMESPACE") && upper.contains("LAST SEEN")) { return .eventsTable }
        // `-o custom-columns` and `-o wide` variants: the columns name an event's parts.
        let headerWords = Set(upper.split(separator: " "))
        if headerWords.isSuperset(of: ["TYPE", "REASON", "MESSAGE"]), headerWords.contains("OBJECT") || headerWords.contains("INVOLVED") {
            return .eventsTable
        }
        for separator: Character in [",", "\t", ";"] {
            let cells = splitDelimited(String(firstLine), separator: separator)
            // A header row is column names. A log line with a JSON body (`"timestamp":"…","message":…`)
            // splits on its commas into cells that hold those words too, but not as names.
            let named = cells.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            guard named.count >= 3, named.allSatisfy(isColumnName) else { continue }
            let names = cells.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
            let keys = Set(names.map(columnKey))
            let hasMessage = !keys.isDisjoint(with: ["message", "msg", "log", "line", "body", "text", "raw", "content", "logmessage"])
                || (!keys.isDisjoint(with: ["httpstatus", "status", "statuscode", "scstatus", "resultcode"])
                    && !keys.isDisjoint(with: ["requesturi", "uri", "path", "url", "csuristem"]))
                // Application Insights' exceptions and dependencies tables.
                || keys.contains("outermessage") || keys.isSuperset(of: ["target", "resultcode", "success"])
            let hasTime = names.contains { $0.contains("time") || $0 == "date" || $0 == "ts" || $0.contains("timestamp") }
            if hasMessage && hasTime { return .delimited(separator: separator.asciiValue!) }
        }
        return .lines
    }

    // MARK: - JSON documents

    /// Kubernetes events, an OTLP log export, CloudWatch Logs subscription records, CloudTrail delivery files or
    /// an Alertmanager payload, with the format the records are counted under; nil when the document is none of
    /// them (the caller counts it).
    static func readJSONDocument(_ data: Data) -> (records: [DocumentRecord], format: LogFormat)? {
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            // Maybe one document per line (the OTLP file exporter writes JSON lines of resourceLogs).
            // Firehose runs its records together with no separator (`{…}{…}`): each object of a line in turn.
            var records: [DocumentRecord] = []
            var format: LogFormat?
            for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for object in concatenatedObjects(Substring(line)) {
                    guard let item = try? JSONSerialization.jsonObject(with: Data(object.utf8)), let batch = read(item, line: index + 1)
                    else { continue }
                    records += batch.records
                    format = format ?? batch.format
                }
            }
            return format.map { (records, $0) }
        }
        return read(object, line: 1)
    }

    private static func read(_ object: Any, line: Int) -> (records: [DocumentRecord], format: LogFormat)? {
        if let dictionary = object as? [String: Any] {
            if let resourceLogs = dictionary["resourceLogs"] as? [Any] { return (otlpLogs(resourceLogs, line: line), .otlpLogs) }
            if let items = dictionary["items"] as? [Any] { return (kubernetesEvents(items), .kubernetesEvents) }
            if dictionary["involvedObject"] != nil { return (kubernetesEvents([dictionary]), .kubernetesEvents) }
            if let events = dictionary["logEvents"] as? [Any], dictionary["logGroup"] != nil {
                let records = cloudWatchEvents(
                    events, logGroup: dictionary["logGroup"] as? String ?? "", logStream: dictionary["logStream"] as? String ?? "", line: line)
                return (records, .cloudWatchSubscription)
            }
            if let trail = dictionary["Records"] as? [Any], (trail.first as? [String: Any])?["eventSource"] != nil {
                return (cloudTrailEvents(trail, line: line), .cloudTrail)
            }
            // A subscription's health check, not a log.
            if dictionary["messageType"] as? String == "CONTROL_MESSAGE" { return ([], .cloudWatchSubscription) }
            // (Alerts are counted with the Kubernetes events, as they always were: both are documents about services.)
            if let alerts = dictionary["alerts"] as? [Any], dictionary["receiver"] != nil || dictionary["groupKey"] != nil {
                return (alertmanagerAlerts(alerts, line: line), .kubernetesEvents)
            }
        }
        if let array = object as? [Any] {
            if let first = array.first as? [String: Any], first["involvedObject"] != nil { return (kubernetesEvents(array), .kubernetesEvents) }
        }
        return nil
    }

    /// The top-level JSON objects of a line, in order: the whole line when it holds one (or is not JSON at all),
    /// each of `{…}{…}` when objects are run together. Braces inside strings do not count.
    static func concatenatedObjects(_ line: Substring) -> [Substring] {
        let bytes = Array(line.utf8)
        var objects: [Substring] = []
        var depth = 0
        var inString = false
        var escaped = false
        var start = 0
        for (i, b) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
                continue
            }
            switch b {
            case 0x22: inString = true
            case 0x7B:
                if depth == 0 { start = i }
                depth += 1
            case 0x7D where depth > 0:
                depth -= 1
                if depth == 0 { objects.append(Substring(String(decoding: bytes[start...i], as: UTF8.self))) }
            default: break
            }
        }
        return objects.count > 1 ? objects : [line]
    }

    /// The events of one CloudWatch Logs subscription record. Each event's message is read as a line of its
    /// own (its time, level and, for a structured line, its service); the record's log group names the
    /// service (``service(logGroup:logStream:)``) unless the line does. An event without a time of its own
    /// takes the event's `timestamp` (epoch milliseconds); a multi-line event (a stack trace) keeps its
    /// first line as the message and the rest as its continuation.
    static func cloudWatchEvents(_ events: [Any], logGroup: String, logStream: String, line: Int) -> [DocumentRecord] {
        let named = service(logGroup: logGroup, logStream: logStream)
        let parser = RecordParser(knownServices: [])
        var records: [DocumentRecord] = []
        for case let event as [String: Any] in events {
            guard let text = event["message"] as? String else { continue }
            let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
            let head = trimmed.prefix { $0 != "\n" }
            let continuation = head.endIndex < trimmed.endIndex ? String(trimmed[trimmed.index(after: head.endIndex)...]) : ""
            let eventTime = (event["timestamp"] as? NSNumber).flatMap { Timestamp($0.int64Value, unit: 1_000_000) }
            var bytes = Array(head.utf8.prefix(LineReader.maximumLineBytes))
            let record: DocumentRecord? = bytes.withUnsafeMutableBufferPointer { buffer in
                let parsed = parser.parse(Bytes(buffer), context: eventTime)
                let structured = parsed.format == .jsonLines || parsed.format == .logfmt
                let stated = structured ? parsed.service.flatMap { ServiceName.normalized($0.string) } : nil
                guard let service = stated ?? named else { return nil }
                return DocumentRecord(
                    service: service, timestamp: parsed.timestampIsComplete ? parsed.timestamp ?? eventTime : eventTime,
                    level: parsed.level, message: parsed.message.string, raw: String(head), line: line,
                    httpStatus: parsed.httpStatus, continuation: continuation)
            }
            if let record { records.append(record) }
        }
        return records
    }

    /// The service a CloudWatch log group and stream name: a container's log file in the stream (Fluent Bit's
    /// `…var.log.containers.<pod>_<namespace>_<container>-<id>.log`) or an ECS task's stream
    /// (`<prefix>/<container>/<task id>`); else the log group's last part that is not AWS's own word or
    /// the kind of log (`/aws/rds/instance/orders-db/postgresql` is orders-db's, `/aws/lambda/payment-fn`
    /// payment-fn's, `/ecs/orders-service` orders-service's).
    static func service(logGroup: String, logStream: String) -> ServiceName? {
        if let range = logStream.range(of: "var.log.containers.") {
            return LogIngestor.service(fromFileName: String(logStream[range.upperBound...]))
        }
        let streamParts = logStream.split(separator: "/")
        if streamParts.count == 3, streamParts[2].count >= 32, streamParts[2].allSatisfy(\.isHexDigit),
            let container = ServiceName.normalized(streamParts[1])
        {
            return container
        }
        let parts = logGroup.split(separator: "/").map { $0.lowercased() }
        for part in parts.reversed() where !cloudWatchGroupWords.contains(part) {
            if let service = LogIngestor.service(fromFileName: part) { return service }
        }
        return streamParts.last.flatMap { LogIngestor.service(fromFileName: String($0)) }
    }

    /// CloudTrail's delivery files (`{"Records": [...]}`): each API call is a record of the resource it acts on
    /// (a function, database, bucket, security group, service, cluster or table its request names; calls that
    /// name none are AWS's own plumbing and left out), at its `eventTime`, an error when it failed. A call that writes is written
    /// `AWS API change <event> on <resource> by <who>: <request parameters>`, a change; one that reads,
    /// `AWS API call …`.
    static func cloudTrailEvents(_ records: [Any], line: Int) -> [DocumentRecord] {
        var result: [DocumentRecord] = []
        for case let event as [String: Any] in records {
            guard let name = event["eventName"] as? String else { continue }
            let parameters = event["requestParameters"] as? [String: Any] ?? [:]
            var resource: String?
            for key in cloudTrailResourceKeys {
                if let value = parameters[key] as? String, !value.isEmpty {
                    // An ARN's last part (`arn:aws:lambda:…:function:image-resize`, `…:service/shop/upload-api`).
                    resource = String(value.split(whereSeparator: { $0 == ":" || $0 == "/" }).last ?? Substring(value))
                    break
                }
            }
            // A call that names none of the system's resources (assuming a role, reading a parameter, creating a
            // log stream) is plumbing of AWS's own.
            guard let resource, let service = ServiceName.normalized(resource) else { continue }
            let who = ((event["userIdentity"] as? [String: Any])?["arn"] as? String) ?? "unknown"
            let readOnly = (event["readOnly"] as? Bool) ?? ["Get", "List", "Describe", "Head", "Lookup"].contains { name.hasPrefix($0) }
            let scalars = parameters.keys.sorted().compactMap { key -> String? in
                switch parameters[key] {
                case let text as String: return "\(key)=\(text)"
                case let number as NSNumber: return "\(key)=\(number)"
                default: return nil
                }
            }
            var message = "AWS API \(readOnly ? "call" : "change") \(name) on \(resource) by \(who)"
            if !scalars.isEmpty { message += ": " + scalars.joined(separator: " ") }
            var level = LogLevel.info
            if let code = event["errorCode"] as? String {
                level = .error
                message += " failed: \(code) \(event["errorMessage"] as? String ?? "")"
            }
            let time = (event["eventTime"] as? String).flatMap { TimestampParser.parse($0) }
            result.append(DocumentRecord(service: service, timestamp: time, level: level, message: message, raw: message, line: line))
        }
        return result
    }

    /// Request parameters that name the resource a CloudTrail event acts on, most specific first.
    static let cloudTrailResourceKeys = [
        "functionName", "dBInstanceIdentifier", "dBClusterIdentifier", "cacheClusterId", "replicationGroupId", "tableName",
        "bucketName", "queueUrl", "topicArn", "streamName", "deliveryStreamName", "service", "serviceName", "cluster",
        "clusterName", "autoScalingGroupName", "loadBalancerName", "targetGroupArn", "groupId", "groupName", "stackName",
        "secretId", "keyId", "roleName", "name",
    ]

    /// Words of AWS's log group names that name the platform or the kind of log, not a service.
    static let cloudWatchGroupWords: Set<String> = [
        "aws", "rds", "instance", "cluster", "lambda", "apigateway", "ecs", "eks", "containerinsights", "vendedlogs",
        "application", "dataplane", "host", "performance", "postgresql", "error", "slowquery", "general", "audit",
        "upgrade", "iam-db-auth-error", "agent", "proxy", "elasticbeanstalk", "var", "log", "states", "codebuild",
    ]

    /// An Alertmanager webhook payload: each alert becomes a record of the service its labels name (`service`,
    /// `app`, `deployment`, `horizontalpodautoscaler`, `statefulset`, `daemonset`, `pod`, `container`, `job`, in
    /// that order), at its `startsAt` (its `endsAt` once resolved), at its `severity`, with its name and summary
    /// as the message. Alerts that name no service are skipped: an alert about a whole cluster says nothing
    /// of where a failure began.
    static func alertmanagerAlerts(_ alerts: [Any], line: Int) -> [DocumentRecord] {
        var records: [DocumentRecord] = []
        for (index, item) in alerts.enumerated() {
            guard let alert = item as? [String: Any], let labels = alert["labels"] as? [String: Any] else { continue }
            let keys = ["service", "app", "app_kubernetes_io_name", "deployment", "horizontalpodautoscaler", "statefulset", "daemonset", "pod", "container", "job"]
            guard let owner = keys.lazy.compactMap({ labels[$0] as? String }).compactMap({ ServiceName.normalized($0) }).first else { continue }
            let name = labels["alertname"] as? String ?? "alert"
            let annotations = alert["annotations"] as? [String: Any] ?? [:]
            let summary = (annotations["summary"] as? String ?? annotations["description"] as? String ?? annotations["message"] as? String ?? "")
                .replacingOccurrences(of: "\n", with: " ")
            let resolved = (alert["status"] as? String) == "resolved"
            let time = ((resolved ? alert["endsAt"] : alert["startsAt"]) as? String).flatMap { TimestampParser.parse($0) }
            let severity = (labels["severity"] as? String).flatMap { LogLevel(word: Substring($0)) } ?? .warning
            let level: LogLevel = resolved ? .info : severity
            let text = "\(resolved ? "RESOLVED" : "FIRING") alert \(name): \(summary)"
            let raw = "\(time?.iso8601 ?? "-") alertmanager \(resolved ? "resolved" : "firing") \(name) \(owner.rawValue): \(summary)"
            records.append(DocumentRecord(service: owner, timestamp: time, level: level, message: text, raw: raw, line: line + index))
        }
        return records
    }

    /// `kubectl get events -o json`: each event becomes a record of the service owning its object.
    static func kubernetesEvents(_ items: [Any]) -> [DocumentRecord] {
        var records: [DocumentRecord] = []
        for (index, item) in items.enumerated() {
            guard let event = item as? [String: Any], let object = event["involvedObject"] as? [String: Any],
                let name = object["name"] as? String
            else { continue }
            let reason = event["reason"] as? String ?? ""
            let message = (event["message"] as? String ?? event["note"] as? String ?? "").replacingOccurrences(of: "\n", with: " ")
            // A node's event about a process it killed (`Killed process 4242 (payments-worker)`) belongs to
            // that process's service, not to the node.
            var owner = name
            if (object["kind"] as? String) == "Node", let process = processName(in: message) { owner = process }
            guard let service = ServiceName.normalized(owner) else { continue }
            let type = event["type"] as? String ?? "Normal"
            var time: Timestamp?
            for key in ["lastTimestamp", "eventTime", "firstTimestamp"] {
                if let text = event[key] as? String, let ts = TimestampParser.parse(text) {
                    time = ts
                    break
                }
            }
            if time == nil, let metadata = event["metadata"] as? [String: Any], let text = metadata["creationTimestamp"] as? String {
                time = TimestampParser.parse(text)
            }
            let kind = object["kind"] as? String ?? "Object"
            let count = event["count"] as? Int ?? 1
            let text = "\(reason): \(message)" + (count > 1 ? " (x\(count))" : "")
            let raw = "\(time?.iso8601 ?? "-") \(type) \(reason) \(kind.lowercased())/\(name): \(message)"
            records.append(
                DocumentRecord(
                    service: service, timestamp: time, level: type == "Warning" ? .warning : .info, message: text, raw: raw,
                    line: index + 1))
        }
        return records
    }

    /// The name in `Killed process 4242 (payments-worker)`.
    static func processName(in message: String) -> String? {
        guard let range = message.range(of: "process ") else { return nil }
        let rest = message[range.upperBound...]
        guard let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") else { return nil }
        let name = rest[rest.index(after: open)..<close]
        return name.isEmpty || name.count > 96 ? nil : String(name)
    }

    /// OpenTelemetry JSON logs: `resourceLogs[].resource.attributes[service.name]`, `scopeLogs[].logRecords[]`.
    static func otlpLogs(_ resourceLogs: [Any], line: Int) -> [DocumentRecord] {
        var records: [DocumentRecord] = []
        var ordinal = 0
        for case let resource as [String: Any] in resourceLogs {
            let attributes = ((resource["resource"] as? [String: Any])?["attributes"] as? [[String: Any]]) ?? []
            let serviceName = attributes.first { $0["key"] as? String == "service.name" }
                .flatMap { ($0["value"] as? [String: Any])?["stringValue"] as? String }
            let scopes = (resource["scopeLogs"] as? [[String: Any]]) ?? (resource["instrumentationLibraryLogs"] as? [[String: Any]]) ?? []
            for scope in scopes {
                for record in (scope["logRecords"] as? [[String: Any]]) ?? [] {
                    ordinal += 1
                    guard let name = serviceName, let service = ServiceName.normalized(name) else { continue }
                    var body = ""
                    if let value = record["body"] as? [String: Any] {
                        body = value["stringValue"] as? String ?? (value.first.map { "\($0.value)" } ?? "")
                    }
                    var time: Timestamp?
                    for key in ["timeUnixNano", "observedTimeUnixNano"] {
                        if let text = record[key] as? String, let nanos = Int64(text), nanos > 0 {
                            time = Timestamp(nanoseconds: nanos)
                            break
                        }
                    }
                    var level: LogLevel?
                    if let text = record["severityText"] as? String { level = LogLevel(word: Substring(text)) }
                    if level == nil, let number = record["severityNumber"] as? Int { level = LogLevel(otelSeverityNumber: number) }
                    let raw = "\(time?.iso8601 ?? "-") \(level?.name ?? "-") \(name) \(body)"
                    records.append(
                        DocumentRecord(service: service, timestamp: time, level: level, message: body, raw: raw, line: line == 1 ? ordinal : line))
                }
            }
        }
        return records
    }

    // MARK: - Tables

    /// `kubectl get events [-o wide] [-A]`, or a `-o custom-columns` table of the same parts: columns separated
    /// by two or more spaces. Times there are relative (`5m`), so these records carry none, unless a time
    /// column (`LAST`, `LAST SEEN`, `FIRST SEEN`, `TIME`, `LASTTIMESTAMP`) holds absolute times.
    static func readEventsTable(_ text: String) -> [DocumentRecord] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first else { return [] }
        let starts = columnStarts(String(header))
        let names = cut(String(header), at: starts).map { $0.uppercased() }
        func column(_ name: String) -> Int? { names.firstIndex { $0.hasPrefix(name) } }
        var records: [DocumentRecord] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = cut(String(line), at: starts)
            func cell(_ name: String) -> String { column(name).flatMap { $0 < cells.count ? cells[$0] : nil } ?? "" }
            let object = cell("OBJECT")
            let podName = object.split(separator: "/").last.map(String.init) ?? object
            guard let service = ServiceName.normalized(podName) else { continue }
            let type = cell("TYPE")
            let reason = cell("REASON")
            let message = cell("MESSAGE")
            let time = ["LAST", "TIME", "FIRST"].lazy.compactMap { column($0) }.first.flatMap { $0 < cells.count ? parseTime(cells[$0]) : nil }
            records.append(
                DocumentRecord(
                    service: service, timestamp: time, level: type == "Warning" ? .warning : .info, message: "\(reason): \(message)",
                    raw: String(line), line: index + 1))
        }
        return records
    }

    /// `kubectl describe pod`: each container's last termination (`Last State: Terminated`, its `Reason`,
    /// `Exit Code` and `Finished` time) becomes a record of the pod's service, an error when the container
    /// was killed or failed (OOMKilled, Error, a non-zero exit code). The Events table at its end has
    /// relative ages only and is left to `kubectl get events`.
    static func readPodDescription(_ text: String) -> [DocumentRecord] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func value(_ line: String) -> String {
            guard let colon = line.firstIndex(of: ":") else { return "" }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let nameLine = lines.first(where: { $0.hasPrefix("Name:") }), let service = ServiceName.normalized(value(nameLine)) else { return [] }
        var records: [DocumentRecord] = []
        var container = ""
        var inContainers = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let indent = line.prefix(while: { $0 == " " }).count
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if indent == 0 { inContainers = line.hasPrefix("Containers:") || line.hasPrefix("Init Containers:") }
            if inContainers, indent == 2, trimmed.hasSuffix(":") { container = String(trimmed.dropLast()) }
            if inContainers, trimmed.hasPrefix("Last State:"), value(trimmed).hasPrefix("Terminated") {
                // The termination's fields follow, indented deeper.
                var fields: [String: String] = [:]
                var next = index + 1
                while next < lines.count, lines[next].prefix(while: { $0 == " " }).count > indent {
                    let field = lines[next].trimmingCharacters(in: .whitespaces)
                    if let colon = field.firstIndex(of: ":") { fields[String(field[..<colon])] = value(field) }
                    next += 1
                }
                let reason = fields["Reason"] ?? "Terminated"
                let exitCode = fields["Exit Code"] ?? "?"
                let failed = reason != "Completed" || exitCode != "0"
                records.append(
                    DocumentRecord(
                        service: service, timestamp: fields["Finished"].flatMap(parseHTTPDate), level: failed ? .error : .info,
                        message: "container \(container) terminated: \(reason) (exit code \(exitCode))", raw: line, line: index + 1))
                index = next
                continue
            }
            index += 1
        }
        return records
    }

    /// An RFC 1123 date as kubectl prints it: `Thu, 14 May 2026 07:16:40 +0000`.
    static func parseHTTPDate(_ text: String) -> Timestamp? {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var words = text.split(separator: " ")
        if let first = words.first, first.hasSuffix(",") { words.removeFirst() }
        guard words.count >= 4, let day = Int(words[0]), let month = months.firstIndex(of: String(words[1])), let year = Int(words[2])
        else { return nil }
        let zone = words.count >= 5 ? String(words[4]) : "+0000"
        guard zone.count == 5, zone.first == "+" || zone.first == "-" else { return nil }
        let iso = String(format: "%04d-%02d-%02dT%@%@:%@", year, month + 1, day, String(words[3]), String(zone.prefix(3)), String(zone.suffix(2)))
        return parseTime(iso)
    }

    static func columnStarts(_ header: String) -> [Int] {
        var starts: [Int] = []
        var previousSpace = true
        var spaces = 0
        for (offset, character) in header.enumerated() {
            if character == " " {
                spaces += 1
                previousSpace = true
                continue
            }
            if previousSpace && (starts.isEmpty || spaces >= 2 || offset == 0) { starts.append(offset) }
            previousSpace = false
            spaces = 0
        }
        return starts
    }

    static func cut(_ line: String, at starts: [Int]) -> [String] {
        let characters = Array(line)
        return starts.enumerated().map { index, start in
            let end = index + 1 < starts.count ? starts[index + 1] : characters.count
            guard start < characters.count else { return "" }
            if index + 1 == starts.count { return String(characters[start...]).trimmingCharacters(in: .whitespaces) }
            return String(characters[start..<min(end, characters.count)]).trimmingCharacters(in: .whitespaces)
        }
    }

    /// CSV or TSV with a header row; quoted cells may hold separators, doubled quotes and line breaks. A
    /// message cell holding a Docker JSON record (`{"log": "…"}`) is unwrapped.
    static func readDelimited(_ text: String, separator: Character, fallbackService: ServiceName?) -> (records: [DocumentRecord], malformed: Int) {
        var rows = parseDelimited(text, separator: separator)
        guard !rows.isEmpty else { return ([], 0) }
        let header = rows.removeFirst().cells.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        // Header names compared by their letters and digits, without a unit in brackets or Azure's type suffix
        // (`TimeGenerated [UTC]`, `httpStatus_d`, `ContainerName` for `container_name`).
        let keys = header.map(Self.columnKey)
        func find(_ names: [String]) -> Int? {
            for name in names {
                if let i = header.firstIndex(of: name) { return i }
                if let i = keys.firstIndex(of: Self.columnKey(name)) { return i }
            }
            return nil
        }
        let timeColumn = find(["@timestamp", "timestamp", "time", "ts", "date", "datetime", "_time", "eventtime", "timegenerated", "generated_at"])
            ?? header.firstIndex { $0.contains("time") }
        let messageColumn = find(["message", "msg", "log", "line", "body", "text", "_raw", "content", "logmessage", "log_message"])
        let levelColumn = find([
            "level", "severity", "lvl", "loglevel", "log.level", "severitytext", "status", "kubeeventtype", "leveldisplayname", "entrytype",
            "errorlevel", "severitylevel",
        ])
        // Application Insights names the writing app `cloud_RoleName`.
        let serviceColumn = find([
            "service", "service.name", "service_name", "app", "application", "container", "container_name", "pod",
            "pod_name", "kubernetes.pod_name", "kubernetes.container_name", "program", "app_name", "cloud_rolename",
        ])
        // Splunk's `source` is the file or stream a line came from (`/…/alloc/logs/user-svc.stderr.0`): its path
        // names the service better than the `host` the file sat on. An Azure export's `ResourceId` names the
        // resource that wrote the row (`…/APPLICATIONGATEWAYS/AGW-SHOP-PROD-WEU`); an events table's `Name`, the
        // object the event is about.
        let sourceColumn = find(["source", "log.file.path", "filename", "file", "resourceid", "resource", "name"])
        let hostColumn = find(["host", "hostname", "host.name", "source_name", "computer", "machinename"])
        // An access log's request and status, for rows with no message column.
        let methodColumn = find(["method", "httpmethod", "http_method", "request_method", "verb", "cs-method"])
        let pathColumn = find(["path", "uri", "requesturi", "request_uri", "url", "cs-uri-stem"])
        let statusColumn = find(["status", "httpstatus", "status_code", "sc-status", "elb_status_code", "resultcode"])
        // Application Insights' exceptions and dependencies tables carry no message column: what failed is in
        // the exception's type and messages, and in the call's target, name, result and success.
        let exceptionColumns = ["type", "outermessage", "innermosttype", "innermostmessage"].map { find([$0]) }
        let dependencyColumns = ["type", "target", "name", "data", "resultcode"].map { find([$0]) }
        let successColumn = find(["success"])
        var records: [DocumentRecord] = []
        var malformed = 0
        // One parser for the document: each holds scratch buffers the size of the longest line.
        let parser = RecordParser(knownServices: [])
        for row in rows {
            var message: String
            if let messageColumn, messageColumn < row.cells.count {
                message = row.cells[messageColumn]
            } else if messageColumn == nil, exceptionColumns[1] != nil {
                let parts = exceptionColumns.map { $0.flatMap { $0 < row.cells.count ? row.cells[$0] : nil } ?? "" }
                message = "\(parts[0]): \(parts[1])"
                if !parts[3].isEmpty, parts[3] != parts[1] { message += " (\(parts[2]): \(parts[3]))" }
            } else if messageColumn == nil, dependencyColumns[1] != nil, successColumn != nil {
                let parts = dependencyColumns.map { $0.flatMap { $0 < row.cells.count ? row.cells[$0] : nil } ?? "" }
                message = "\(parts[0]) call to \(parts[1]): \(parts[2]) result \(parts[4])"
            } else if messageColumn == nil, let statusColumn, statusColumn < row.cells.count, methodColumn != nil || pathColumn != nil {
                message = [methodColumn, pathColumn, statusColumn].compactMap { $0 }.filter { $0 < row.cells.count }
                    .map { row.cells[$0] }.joined(separator: " ")
            } else {
                malformed += 1
                continue
            }
            var level = levelColumn.flatMap { $0 < row.cells.count ? Self.level(row.cells[$0]) : nil }
            // A call or request that did not succeed (Application Insights' `success` False) failed.
            if let successColumn, successColumn < row.cells.count, row.cells[successColumn].lowercased() == "false" {
                level = max(level ?? .error, .error)
            }
            func cell(_ column: Int?) -> String? { column.flatMap { $0 < row.cells.count && !row.cells[$0].isEmpty ? row.cells[$0] : nil } }
            var service = cell(serviceColumn).flatMap { ServiceName.normalized($0) }
                ?? cell(sourceColumn).flatMap { source in
                    guard source.contains("/") else { return ServiceName.normalized(source) }
                    // An Azure resource id ends with the resource's name; a path, with its file.
                    if source.uppercased().hasPrefix("/SUBSCRIPTIONS/") { return source.split(separator: "/").last.flatMap { ServiceName.normalized($0) } }
                    return LogIngestor.service(fromPath: source)
                }
            if messageColumn == nil, let status = cell(statusColumn).flatMap({ Int($0.split(separator: ".").first ?? "") }), status >= 500 {
                level = max(level ?? .error, .error)
            }
            var timestamp = timeColumn.flatMap { $0 < row.cells.count ? parseTime(row.cells[$0]) : nil }
            // The message may be a line of its own, in any format the line reader knows: a header with its own
            // time and level, a Docker json-file record, an application's JSON (a Kong log, an Envoy access log).
            var parsed: (Timestamp?, LogLevel?, ServiceName?, String, Int?)?
            message.withCString { pointer in
                let bytes = Bytes(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
                let record = parser.parse(bytes, context: timestamp)
                if record.timestamp != nil || record.level != nil || record.format != .plain {
                    parsed = (
                        record.timestamp, record.level, record.service.flatMap { ServiceName.normalized($0.string) }, record.message.string,
                        record.httpStatus
                    )
                }
            }
            if let (innerTime, innerLevel, innerService, innerMessage, status) = parsed {
                if timestamp == nil { timestamp = innerTime }
                if let innerLevel { level = innerLevel }
                if let status, status >= 500 { level = max(level ?? .error, .error) }
                if service == nil { service = innerService }
                message = innerMessage.trimmingCharacters(in: .newlines)
            }
            if service == nil { service = cell(hostColumn).flatMap { ServiceName.normalized($0) } }
            guard let owner = service ?? fallbackService else {
                malformed += 1
                continue
            }
            records.append(
                DocumentRecord(service: owner, timestamp: timestamp, level: level, message: message, raw: row.raw, line: row.line))
        }
        return (records, malformed)
    }

    /// A level cell: a word, or Application Insights' severity number (0 verbose, 1 information, 2 warning,
    /// 3 error, 4 critical).
    static func level(_ cell: String) -> LogLevel? {
        switch cell.trimmingCharacters(in: .whitespaces) {
        case "0": .debug
        case "1": .info
        case "2": .warning
        case "3": .error
        case "4": .critical
        default: LogLevel(word: Substring(cell))
        }
    }

    static func parseTime(_ text: String) -> Timestamp? {
        var copy = text.trimmingCharacters(in: .whitespaces)
        if let parsed = copy.withUTF8({ StructuredTime.parse($0, context: nil)?.timestamp }) { return parsed }
        return usTime(copy)
    }

    /// `8/19/2025, 5:14:54.384 PM` (the Azure portal's and Excel's export, in UTC): month, day, year, a 12-hour
    /// clock and its AM or PM.
    static func usTime(_ text: String) -> Timestamp? {
        let parts = text.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard parts.count == 3, let meridiem = Optional(parts[2].uppercased()), meridiem == "AM" || meridiem == "PM" else { return nil }
        let date = parts[0].split(separator: "/").compactMap { Int($0) }
        let clock = parts[1].split(separator: ":")
        guard date.count == 3, clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]),
            (1...12).contains(hour), (0...59).contains(minute), (1...12).contains(date[0]), (1...31).contains(date[1]), date[2] >= 1970
        else { return nil }
        let hour24 = hour % 12 + (meridiem == "PM" ? 12 : 0)
        let iso = String(format: "%04d-%02d-%02dT%02d:%02d:%@Z", date[2], date[0], date[1], hour24, minute, String(clock[2]))
        return TimestampParser.parse(iso)
    }

    /// A header name's letters and digits, lower-cased, without a unit in brackets (`[UTC]`) or an Azure type
    /// suffix (`_s`, `_d`, `_g`, `_b`, `_t`).
    /// Whether a header cell reads as a column's name: short, starting with a letter, `_`, `@` or `[`, and
    /// made of letters, digits, spaces and the punctuation exports put in names (`_time`, `@timestamp`,
    /// `cs-uri-stem`, `kubernetes.pod_name`, `TimeGenerated [UTC]`, `Duration (ms)`, `#Fields`). A cell with
    /// a colon, a brace, an inner quote or an equals sign is a value, not a name.
    static func isColumnName(_ cell: String) -> Bool {
        var name = Substring(cell.trimmingCharacters(in: .whitespaces))
        if name.count >= 2, name.first == "\"", name.last == "\"" { name = name.dropFirst().dropLast() }
        guard let first = name.first, name.count <= 64,
            first.isLetter || first == "_" || first == "@" || first == "[" || first == "#"
        else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || " _.-@/()[]#".contains($0) }
    }

    static func columnKey(_ name: String) -> String {
        var text = name.lowercased()
        if let bracket = text.firstIndex(of: "[") { text = String(text[..<bracket]) }
        text = text.trimmingCharacters(in: .whitespaces)
        for suffix in ["_s", "_d", "_g", "_b", "_t"] where text.hasSuffix(suffix) && text.count > 3 {
            text = String(text.dropLast(2))
            break
        }
        return String(text.filter { $0.isLetter || $0.isNumber })
    }

    struct Row {
        var cells: [String]
        var raw: String
        var line: Int
    }

    /// The rows of CSV or TSV text, read byte by byte (a separator, quote and line break are ASCII, so no
    /// byte of a multi-byte character is taken for one). A quoted cell may hold separators, doubled quotes and
    /// line breaks; `\r` before a line break is dropped (Windows exports). `raw` is the row as written, without
    /// its closing quotes' last one, as it always was.
    static func parseDelimited(_ text: String, separator: Character) -> [Row] {
        let sep = separator.asciiValue ?? UInt8(ascii: ",")
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
        var rows: [Row] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var raw: [UInt8] = []
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let c = bytes[i]
                i += 1
                if c == carriage { continue }
                raw.append(c)
                if inQuotes {
                    if c == quote {
                        if i < n, bytes[i] == quote {
                            cell.append(quote)
                            raw.append(quote)
                            i += 1
                        } else {
                            inQuotes = false
                            if i < n { raw.removeLast() }
                        }
                    } else {
                        if c == newline { line += 1 }
                        cell.append(c)
                    }
                    continue
                }
                switch c {
                case quote where cell.isEmpty:
                    inQuotes = true
                case sep:
                    cells.append(Self.cellText(cell))
                    cell.removeAll(keepingCapacity: true)
                case newline:
                    cells.append(Self.cellText(cell))
                    raw.removeLast()
                    if !(cells.count == 1 && cells[0].isEmpty) {
                        rows.append(Row(cells: cells, raw: String(decoding: raw, as: UTF8.self), line: rowLine))
                    }
                    cells = []
                    cell.removeAll(keepingCapacity: true)
                    raw.removeAll(keepingCapacity: true)
                    line += 1
                    rowLine = line
                default:
                    cell.append(c)
                }
            }
        }
        if !cell.isEmpty || !cells.isEmpty {
            cells.append(Self.cellText(cell))
            rows.append(Row(cells: cells, raw: String(decoding: raw, as: UTF8.self), line: rowLine))
        }
        return rows
    }

    /// A cell's text without the apostrophe exports put before a value that a spreadsheet would run as a
    /// formula (`'@timestamp`, `'-1`, `'=cmd`: Kibana's and Splunk's CSV escaping).
    static func cellText(_ cell: [UInt8]) -> String {
        if cell.count >= 2, cell[0] == UInt8(ascii: "'"), [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@")].contains(cell[1]) {
            return String(decoding: cell.dropFirst(), as: UTF8.self)
        }
        return String(decoding: cell, as: UTF8.self)
    }

    static func splitDelimited(_ line: String, separator: Character) -> [String] {
        parseDelimited(line, separator: separator).first?.cells ?? []
    }
}
