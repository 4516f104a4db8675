internal import CausewayCore
internal import Foundation

/// Maps the fields of a structured record (a JSON object or logfmt pairs) onto time, level, service and
/// message, by the field names common loggers, shippers and exporters use.
struct StructuredRecordParser: Sendable {
    static let timeKeys = [
        "@timestamp", "timestamp", "time", "ts", "t", "datetime", "date", "timeunixnano", "time_unix_nano",
        "observedtimeunixnano", "__realtime_timestamp", "eventtime", "event_time", "logtime", "created",
    ]
    static let levelKeys = [
        "level", "severity", "lvl", "levelname", "log.level", "severitytext", "severity_text", "loglevel",
        "log_level", "priority", "level_name",
    ]
    static let levelNumberKeys = ["severitynumber", "severity_number"]
    static let serviceKeys = [
        "service", "service.name", "resource.service.name", "resource.attributes.service.name", "servicename",
        "service_name", "app", "application", "app.name", "kubernetes.labels.app", "kubernetes.labels.app.kubernetes.io/name",
        "kubernetes.labels.app_kubernetes_io/name", "kubernetes.container_name", "kubernetes.container.name",
        "kubernetes.pod_name", "kubernetes.pod.name", "labels.app", "labels.service", "stream.app", "stream.service",
        "container_name", "container", "pod", "component", "_systemd_unit", "syslog_identifier",
    ]
    static let messageKeys = [
        "msg", "message", "log", "body", "body.stringvalue", "text", "event", "line", "error", "err", "error.message",
    ]

    /// Reads the fields; `nested` re-parses a message that is itself a plain log line (Docker's `log` field).
    func parse(fields: [String: String], plain: PlainLineParser, context: Timestamp?, format: LogFormat) -> ParsedLine? {
        var lowered: [String: String] = [:]
        for key in fields.keys.sorted() where lowered[key.lowercased()] == nil {
            lowered[key.lowercased()] = fields[key]
        }
        guard let message = Self.first(Self.messageKeys, in: lowered) else { return nil }
        var result = ParsedLine(message: Substring(message), format: format)

        if let text = Self.first(Self.timeKeys, in: lowered) {
            if let ts = Self.timestamp(from: text, context: context) {
                result.timestamp = ts.timestamp
                result.timestampIsComplete = ts.isComplete
            }
        }
        if let text = Self.first(Self.levelKeys, in: lowered), let level = LogLevel(word: Substring(text)) {
            result.level = level
        } else if let text = Self.first(Self.levelNumberKeys, in: lowered), let number = Int(text) {
            result.level = LogLevel(otelSeverityNumber: number)
        }
        for key in Self.serviceKeys {
            if let text = lowered[key], let name = ServiceName.normalized(text) {
                result.service = name
                break
            }
        }

        // An envelope around an application line: let the inner line fill what the envelope lacks or
        // override the envelope's level and service, as for shipper-wrapped plain lines.
        let inner = plain.parse(Substring(message), context: result.timestamp ?? context)
        if inner.level != nil || inner.timestamp != nil {
            if result.timestamp == nil, let ts = inner.timestamp {
                result.timestamp = ts
                result.timestampIsComplete = inner.timestampIsComplete
            }
            if let level = inner.level { result.level = level }
            if let service = inner.service { result.service = service }
            result.message = inner.message
        }
        return result
    }

    static func first(_ keys: [String], in fields: [String: String]) -> String? {
        for key in keys {
            if let value = fields[key], !value.isEmpty { return value }
        }
        return nil
    }

    /// A time field: text in any form ``TimestampParser`` reads, or a number of seconds, milliseconds,
    /// microseconds or nanoseconds since the epoch (told apart by magnitude).
    static func timestamp(from text: String, context: Timestamp?) -> (timestamp: Timestamp, isComplete: Bool)? {
        if let value = Double(text), !text.contains("-"), !text.contains(":") {
            let magnitude = abs(value)
            let nanos: Double
            switch magnitude {
            case 1e17...: nanos = value
            case 1e14..<1e17: nanos = value * 1e3
            case 1e11..<1e14: nanos = value * 1e6
            case 1e8..<1e11: nanos = value * 1e9
            default: return nil
            }
            return (Timestamp(nanoseconds: Int64(nanos)), true)
        }
        var copy = text
        return copy.withUTF8 { buffer in
            guard let match = TimestampParser.parsePrefix(buffer, context: context) else { return nil }
            return (match.timestamp, match.isComplete)
        }
    }
}

/// Reads one JSON object per line, flattening nested objects into dotted keys (`kubernetes.labels.app`).
struct JSONLineParser: Sendable {
    var fields = StructuredRecordParser()

    func parse(_ line: Substring, plain: PlainLineParser, context: Timestamp?) -> ParsedLine? {
        guard line.first == "{", let data = String(line).data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        else { return nil }
        var flat: [String: String] = [:]
        Self.flatten(object, prefix: "", depth: 0, into: &flat)
        return fields.parse(fields: flat, plain: plain, context: context, format: .jsonLines)
    }

    static func flatten(_ object: [String: Any], prefix: String, depth: Int, into flat: inout [String: String]) {
        for (key, value) in object {
            let path = prefix.isEmpty ? key : prefix + "." + key
            switch value {
            case let nested as [String: Any] where depth < 5:
                flatten(nested, prefix: path, depth: depth + 1, into: &flat)
            case let text as String:
                flat[path] = text
            case let number as NSNumber:
                flat[path] = number.stringValue
            default:
                break
            }
        }
    }
}

/// Reads `key=value key="quoted value"` lines.
struct LogfmtParser: Sendable {
    var fields = StructuredRecordParser()

    /// Nil unless the line has at least two pairs, one of them a message or level key.
    func parse(_ line: Substring, plain: PlainLineParser, context: Timestamp?) -> ParsedLine? {
        let pairs = Self.pairs(line)
        guard pairs.count >= 2 else { return nil }
        let keys = Set(pairs.keys.map { $0.lowercased() })
        guard keys.contains(where: { StructuredRecordParser.messageKeys.contains($0) }),
            keys.contains(where: { StructuredRecordParser.levelKeys.contains($0) || StructuredRecordParser.timeKeys.contains($0) })
        else { return nil }
        return fields.parse(fields: pairs, plain: plain, context: context, format: .logfmt)
    }

    static func pairs(_ line: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var index = line.startIndex
        while index < line.endIndex {
            while index < line.endIndex, line[index] == " " { index = line.index(after: index) }
            let keyStart = index
            while index < line.endIndex, line[index] != "=", line[index] != " " { index = line.index(after: index) }
            guard index < line.endIndex, line[index] == "=", keyStart < index else {
                // A bare word: skip it.
                while index < line.endIndex, line[index] != " " { index = line.index(after: index) }
                continue
            }
            let key = String(line[keyStart..<index])
            index = line.index(after: index)
            var value = ""
            if index < line.endIndex, line[index] == "\"" {
                index = line.index(after: index)
                while index < line.endIndex, line[index] != "\"" {
                    if line[index] == "\\", line.index(after: index) < line.endIndex {
                        index = line.index(after: index)
                    }
                    value.append(line[index])
                    index = line.index(after: index)
                }
                if index < line.endIndex { index = line.index(after: index) }
            } else {
                let start = index
                while index < line.endIndex, line[index] != " " { index = line.index(after: index) }
                value = String(line[start..<index])
            }
            if result[key] == nil { result[key] = value }
        }
        return result
    }
}
