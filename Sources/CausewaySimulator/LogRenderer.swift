/// Lays the emitted records out as files in one ``LogStyle``: envelopes, field names, file names, order.
struct LogRenderer {
    let services: [SimulatedService]
    let style: LogStyle
    var rng: SimulatorRandom
    /// Records already carrying their shown time (skew and burst applied).
    let records: [LogRecord]
    let shuffleOrder: Bool
    /// Service rank inside a burst: the shipper flushes one source's buffer after another.
    let burstRank: [Int]
    let burstTime: Int64?

    /// JSON field-name conventions, drawn per case.
    struct JSONKeys {
        var time: String
        var epochTime: Bool
        var level: String
        var upperLevel: Bool
        var service: String  // "service", "app", "service.name" (flat) or "service{name}" (nested)
        var message: String
        var trace: String
        var logger: String
        var pod: String?
    }

    mutating func files() -> [SimulatedCase.File] {
        switch style {
        case .mixed: return mixedFiles()
        default: return files(for: style, services: services.indices.map { $0 }, tag: nil)
        }
    }

    private mutating func mixedFiles() -> [SimulatedCase.File] {
        let logging = services.indices.filter { services[$0].logs }
        let styles = rng.sample([LogStyle.plain, .json, .logfmt, .wrapped, .compose, .kubectlPrefix, .perServiceFiles],
                                count: min(max(1, logging.count), rng.int(2...4)))
        var groups = Array(repeating: [Int](), count: styles.count)
        for (k, s) in rng.shuffled(logging).enumerated() {
            groups[k < styles.count ? k : rng.below(styles.count)].append(s)
        }
        var out: [SimulatedCase.File] = []
        for (style, group) in zip(styles, groups) where !group.isEmpty {
            out += files(for: style, services: group.sorted(), tag: "mixed")
        }
        return out
    }

    private mutating func files(for style: LogStyle, services chosen: [Int], tag: String?) -> [SimulatedCase.File] {
        let services = self.services
        let members = Set(chosen)
        let mine = records.filter { members.contains($0.service) }
        guard !mine.isEmpty else { return [] }
        let mixed = tag != nil
        switch style {
        case .plain:
            let name = mixed ? "logs/legacy/app.log" : rng.pick(["logs/app.log", "logs/incident.log", "logs/all-services.log", "logs/combined.log"])
            return [file(name, mine, merged: true) { r in
                let s = services[r.service]
                var lines = ["\(SimulatedInstant(milliseconds: r.shownTime).iso) \(r.line.level.word(for: s.runtime)) \(s.name) \(r.line.message)\(NativeLineFormat.fieldText(r.line.fields))"]
                lines = lines.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
                return lines + r.line.trace.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            }]
        case .json:
            var keys = drawJSONKeys()
            if mixed { keys.pod = keys.pod ?? "pod" }
            let name = mixed ? "logs/json/apps.jsonl" : rng.pick(["logs/app.jsonl", "logs/events.json", "logs/export.ndjson", "logs/logs.jsonl"])
            return [file(name, mine, merged: true) { r in [Self.jsonLine(r, keys, services: services)] }]
        case .logfmt:
            let timeKey = rng.pick(["ts", "time", "t"])
            let serviceKey = rng.pick(["service", "service", "app", "svc"])
            let name = mixed ? "logs/logfmt/services.log" : rng.pick(["logs/app.logfmt", "logs/services.log", "logs/loki-export.txt"])
            return [file(name, mine, merged: true) { r in
                let s = services[r.service]
                var parts = ["\(timeKey)=\(SimulatedInstant(milliseconds: r.shownTime).iso)", "level=\(r.line.level.word(for: s.runtime, uppercase: false))",
                             "\(serviceKey)=\(s.name)", "msg=\(NativeLineFormat.logfmtValue(r.line.message))"]
                if let logger = r.line.logger { parts.append("logger=\(NativeLineFormat.logfmtValue(logger))") }
                parts += r.line.fields.map { "\($0.0 == serviceKey || $0.0 == "msg" || $0.0 == "level" ? "ctx_" + $0.0 : $0.0)=\(NativeLineFormat.logfmtValue($0.1))" }
                if !r.line.trace.isEmpty { parts.append("stacktrace=\(NativeLineFormat.logfmtValue(r.line.trace.joined(separator: "\n")))") }
                return [parts.joined(separator: " ")]
            }]
        case .wrapped:
            let stream = rng.pick(["kube.var.log.containers", "prod-eu-1", "fluent-bit", "stdout", "app-logs", "vector/prod",
                                   services[rng.pick(chosen)].name])
            let name = mixed ? "logs/shipper/stream.log" : rng.pick(["logs/shipper.log", "logs/incident.log", "logs/stream.txt"])
            return [file(name, mine, merged: true) { r in
                let s = services[r.service]
                let outer: String = switch r.line.level {
                case .debug: "DEBUG"
                case .info: "INFO"
                case .warn: "WARN"
                case .error: "ERROR"
                case .fatal: "EMERGENCY"
                }
                let head = "\(SimulatedInstant(milliseconds: r.shownTime).iso) \(outer) \(stream) \(r.line.level.word(for: s.runtime)) \(s.name) \(r.line.message)\(NativeLineFormat.fieldText(r.line.fields))"
                return head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    + r.line.trace.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            }]
        case .compose:
            let flavors = drawFlavors()
            let width = (chosen.flatMap { services[$0].replicas.map(\.count) }.max() ?? 10) + 2
            let name = mixed ? "logs/compose/docker-compose.log" : rng.pick(["logs/docker-compose.log", "logs/compose-logs.txt"])
            return [file(name, mine, merged: true) { r in
                let s = services[r.service]
                let replica = s.replicas[min(r.pod, s.replicas.count - 1)]
                let prefix = replica.padded(to: width) + "| "
                return NativeLineFormat.render(r.line, service: s, pod: replica, at: SimulatedInstant(milliseconds: r.shownTime), flavor: flavors[r.service])
                    .map { prefix + $0 }
            }]
        case .kubectlPrefix:
            let flavors = drawFlavors()
            let name = mixed ? "logs/kubectl/pods.txt" : rng.pick(["logs/kubectl-logs.txt", "logs/pods.log", "logs/kubectl.out"])
            return [file(name, mine, merged: true) { r in
                let s = services[r.service]
                let pod = s.pods[min(r.pod, s.pods.count - 1)]
                let container = s.role == .cache ? "redis" : (s.role == .queue && s.runtime == .kafka ? "kafka" : s.name)
                let prefix = "[pod/\(pod)/\(container)] "
                return NativeLineFormat.render(r.line, service: s, pod: pod, at: SimulatedInstant(milliseconds: r.shownTime), flavor: flavors[r.service])
                    .map { prefix + $0 }
            }]
        case .perServiceFiles, .mixed:
            let flavors = drawFlavors()
            let folder = mixed ? "logs/pods/" : rng.pick(["logs/", "logs/pods/", "logs/containers/"])
            var out: [SimulatedCase.File] = []
            for s in chosen {
                for (p, pod) in services[s].pods.enumerated() {
                    let lines = mine.filter { $0.service == s && min($0.pod, services[s].pods.count - 1) == p }
                    guard !lines.isEmpty else { continue }
                    out.append(file("\(folder)\(pod).log", lines, merged: false) { r in
                        NativeLineFormat.render(r.line, service: services[s], pod: pod, at: SimulatedInstant(milliseconds: r.shownTime), flavor: flavors[s])
                    })
                }
            }
            return out
        }
    }

    private mutating func drawFlavors() -> [NativeLineFormat.Flavor] {
        services.map { _ in NativeLineFormat.Flavor(goZap: rng.chance(0.4), nodePino: rng.chance(0.4)) }
    }

    private mutating func drawJSONKeys() -> JSONKeys {
        let time = rng.pick(["ts", "time", "@timestamp", "timestamp"])
        let level = rng.pick(["level", "level", "severity", "lvl"])
        return JSONKeys(
            time: time, epochTime: time == "ts" && rng.chance(0.4), level: level,
            upperLevel: level == "severity" || rng.chance(0.4),
            service: rng.pick(["service", "app", "service.name", "service{name}"]),
            message: rng.pick(["msg", "message"]),
            trace: rng.pick(["stack_trace", "exception", "error.stack", "stacktrace"]),
            logger: rng.pick(["logger", "logger_name", "name"]),
            pod: rng.chance(0.4) ? rng.pick(["pod", "kubernetes.pod_name", "host"]) : nil)
    }

    private static func jsonLine(_ r: LogRecord, _ k: JSONKeys, services: [SimulatedService]) -> String {
        let s = services[r.service]
        let t = SimulatedInstant(milliseconds: r.shownTime)
        var object: [(String, JSONText)] = [(k.time, k.epochTime ? .number(t.epochSeconds) : .string(t.iso))]
        let word = r.line.level.word(for: s.runtime, uppercase: k.upperLevel)
        object.append((k.level, .string(word)))
        if k.service == "service{name}" {
            object.append(("service", .object([("name", .string(s.name))])))
        } else {
            object.append((k.service, .string(s.name)))
        }
        if let podKey = k.pod { object.append((podKey, .string(s.pods[min(r.pod, s.pods.count - 1)]))) }
        if let logger = r.line.logger { object.append((k.logger, .string(logger))) }
        object.append((k.message, .string(r.line.message)))
        let reserved = Set(object.map(\.0) + ["service", k.trace])
        for (key, value) in r.line.fields {
            let name = reserved.contains(key) ? "ctx." + key : key
            if ["status", "res.statusCode", "responseTime", "attempt"].contains(key), let n = Int64(value) {
                object.append((name, .int(n)))
            } else {
                object.append((name, .string(value)))
            }
        }
        if !r.line.trace.isEmpty { object.append((k.trace, .string(r.line.trace.joined(separator: "\n")))) }
        return JSONText.object(object).compact
    }

    /// A file from records: merged files are ordered by the time they show, per-pod files by writing order.
    private mutating func file(_ path: String, _ chosen: [LogRecord], merged: Bool, render: (LogRecord) -> [String])
        -> SimulatedCase.File
    {
        var ordered = chosen.sorted { a, b in
            if merged {
                if a.shownTime != b.shownTime { return a.shownTime < b.shownTime }
                if let burst = burstTime, a.shownTime == burst, burstRank[a.service] != burstRank[b.service] {
                    return burstRank[a.service] < burstRank[b.service]
                }
                return (a.time, a.sequence) < (b.time, b.sequence)
            }
            return (a.time, a.sequence) < (b.time, b.sequence)
        }
        if shuffleOrder && ordered.count > 10 {
            for _ in 0..<max(1, ordered.count / rng.int(30...80)) {
                let i = rng.below(ordered.count)
                let j = min(ordered.count - 1, max(0, i + rng.int(-15...15)))
                let moved = ordered.remove(at: i)
                ordered.insert(moved, at: j)
            }
        }
        var text = ""
        for r in ordered {
            for line in render(r) {
                text += line
                text += "\n"
            }
        }
        return SimulatedCase.File(relativePath: path, contents: text)
    }
}
