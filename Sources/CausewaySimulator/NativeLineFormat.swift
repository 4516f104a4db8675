/// How a runtime writes a line to its own stdout, timestamp and all: what `docker compose logs`,
/// `kubectl logs` and per-pod files show.
enum NativeLineFormat {
    /// Per-service choices drawn once per case (Go: slog text or zap console; Node: winston text or pino JSON).
    struct Flavor: Sendable {
        var goZap: Bool
        var nodePino: Bool
    }

    static func render(_ line: Line, service s: SimulatedService, pod: String, at t: SimulatedInstant, flavor: Flavor) -> [String] {
        let fields = fieldText(line.fields)
        var head: String
        var continuationPrefix = ""
        switch s.runtime {
        case .java:
            let level = line.level.word(for: .java)
            let logger = (line.logger ?? "\(s.codeRoot.abbreviatedPackage).\(s.typeStem)Service").padded(to: 40)
            let traceID = line.fields.first { $0.0 == "traceId" }?.1
            let spanID = line.fields.first { $0.0 == "spanId" }?.1
            let rest = line.fields.filter { $0.0 != "traceId" && $0.0 != "spanId" }
            let app = traceID.map { "[\(s.name),\($0),\(spanID ?? "")]" } ?? "[\(s.name)]"
            head = "\(t.iso) \(level.padded(to: 5)) 1 --- \(app) [nio-\(s.port)-exec-\(1 + abs(pod.hashValueStable) % 200)] \(logger) : \(line.message)\(fieldText(rest))"
        case .go:
            if flavor.goZap {
                // zap's caller is the statement that logged: one file and line per message shape, whatever
                // the values in one line.
                let statement = line.message.split(separator: " ").prefix { !$0.contains(where: \.isNumber) }.prefix(4).joined(separator: " ").hashValueStable
                let caller = "\(s.noun)/\(["handler", "client", "service"][abs(statement) % 3]).go:\(20 + abs(statement) % 300)"
                let json = line.fields.isEmpty ? "" : "\t" + JSONText.object(line.fields.map { ($0.0, .string($0.1)) }).compact
                head = "\(t.iso)\t\(line.level.word(for: .go, uppercase: false))\t\(caller)\t\(line.message)\(json)"
            } else {
                head = "time=\(t.iso) level=\(line.level.word(for: .go)) msg=\(logfmtValue(line.message))\(line.fields.map { " \($0.0)=\(logfmtValue($0.1))" }.joined())"
            }
        case .node:
            if flavor.nodePino {
                let number: Int64 = switch line.level { case .debug: 20; case .info: 30; case .warn: 40; case .error: 50; case .fatal: 60 }
                var object: [(String, JSONText)] = [("level", .int(number)), ("time", .int(t.milliseconds)), ("pid", .int(1)), ("hostname", .string(pod))]
                object += line.fields.map { ($0.0, .string($0.1)) }
                if !line.trace.isEmpty {
                    object.append(("err", .object([("type", .string(String(line.trace[0].prefix { $0 != ":" }))), ("message", .string(line.trace[0])), ("stack", .string(line.trace.joined(separator: "\n")))])))
                }
                object.append(("msg", .string(line.message)))
                return [JSONText.object(object).compact]
            }
            head = "\(t.iso) \(line.level.word(for: .node, uppercase: false)): \(line.message)\(fields)"
        case .python:
            if let logger = line.logger, logger.hasPrefix("gunicorn") {
                head = "[\(t.spaced(".").prefix(19)) +0000] [1] [\(line.level.word(for: .python))] \(line.message)\(fields)"
            } else {
                head = "\(t.spaced(",")) \(line.level.word(for: .python)) [\(line.logger ?? s.domain)] \(line.message)\(fields)"
            }
        case .nginx:
            if line.message.contains(" - - [") {
                head = line.message
            } else {
                let level = line.level == .info ? "notice" : (line.level == .warn ? "warn" : (line.level == .fatal ? "crit" : "error"))
                head = "\(t.slashed) [\(level)] \(20 + abs(pod.hashValueStable) % 20)#\(20 + abs(pod.hashValueStable) % 20): \(line.message)"
            }
        case .envoy:
            head = line.message.hasPrefix("\"") ? "[\(t.iso)] \(line.message)"
                : "[\(t.spaced("."))][1][\(line.level.word(for: .envoy, uppercase: false))][config] [source/common/upstream/cds_api_helper.cc:35] \(line.message)"
        case .redis:
            let mark = line.level >= .warn ? "#" : (line.level == .debug ? "." : "*")
            head = "1:\(line.message.contains("Loading") || line.message.contains("Server initialized") ? "M" : "M") \(t.redis) \(mark) \(line.message)"
        case .postgres:
            let prefix = "\(t.spaced()) UTC [\(100 + abs(line.message.hashValueStable) % 60000)] "
            head = prefix + line.message
            continuationPrefix = prefix
        case .mysql:
            head = "\(t.iso.dropLast())000Z \(abs(line.message.hashValueStable) % 200) \(line.message)"
        case .kafka:
            head = "[\(t.spaced(","))] \(line.level.word(for: .kafka)) \(line.message)"
        case .rabbitmq:
            head = "\(t.spaced())\(pad(abs(line.message.hashValueStable) % 1000, 3))+00:00 [\(line.level == .warn ? "warning" : line.level.word(for: .rabbitmq, uppercase: false))] <0.\(200 + abs(line.message.hashValueStable) % 900).0> \(line.message)"
        case .external:
            head = line.message
        }
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for entry in line.trace {
            for piece in entry.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(continuationPrefix + piece)
            }
        }
        return lines
    }

    static func fieldText(_ fields: [(String, String)]) -> String {
        fields.map { " \($0.0)=\(logfmtValue($0.1))" }.joined()
    }

    /// A logfmt value: bare when it can be, quoted with escapes otherwise.
    static func logfmtValue(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\n" || $0 == "\t" || $0 == "\\" }
        guard needsQuotes else { return value }
        var out = "\""
        for c in value {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}

extension String {
    /// Left-aligned in `width` characters (truncated from the left like logback's `%-40.40logger`).
    func padded(to width: Int) -> String {
        if count >= width { return String(suffix(width)) }
        return self + String(repeating: " ", count: width - count)
    }

    /// A hash that never changes between runs (FNV-1a), unlike `hashValue`.
    var hashValueStable: Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h >> 1)
    }
}
