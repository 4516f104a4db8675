/// One simulation in progress: the drawn plan (times, who is affected, when, along which path) and the lines
/// and events emitted so far. ``IncidentSimulator`` creates one per case and throws it away.
struct IncidentRun {
    var rng: SimulatorRandom
    let topology: SimulatedTopology
    let fault: FaultKind
    let root: Int
    let style: LogStyle
    var options: SimulationOptions
    var services: [SimulatedService]
    let namespace: String
    let nodes: [String]
    let windowStart: Int64
    let onset: Int64
    let end: Int64

    var records: [LogRecord] = []
    var events: [KubernetesEvent] = []
    var sequence = 0

    /// Plan: who shows symptoms, when the failure reaches them, and from which callee.
    var affected: [Bool]
    var arrival: [Int64]
    var via: [Int]
    var edgeDelay: [Int: Int64] = [:]
    /// How each failing service fails its callers, with weights.
    var failureModes: [[(DependencyFailure, Double)]]
    /// Intervals during which the root serves nothing (killed, restarting).
    var rootDown: [(Int64, Int64)] = []
    /// Share of ordinary traffic the root still logs after the onset, outside `rootDown`.
    var rootTrafficAfterOnset = 1.0
    /// Lines the root's fault script produced (counted even when the root is silent).
    var rootScriptLines = 0
    /// The pod serving after the onset (a deploy replaces it).
    var rootPodAfterOnset = 0
    var notes: [String] = []
    /// Notes on the hard parts (skew, distractors, burst), written after the story of the fault.
    var difficultyNotes: [String] = []
    var acceptableRoots: [String] = []
    var accessFormat: Phrasebook.AccessFormat
    let version: String
    let company: String

    init(topology: SimulatedTopology, fault: FaultKind, root: Int, style: LogStyle, options: SimulationOptions,
         seed: UInt64) {
        var rng = SimulatorRandom(seed: seed)
        self.topology = topology
        self.fault = fault
        self.root = root
        self.style = style
        self.options = options
        namespace = rng.pick(["prod", "production", "shop", "default", "prod-eu", "apps"])
        company = rng.pick(["acme", "shopco", "example", "northwind", "fashionaura", "globex"])
        let nodePool = rng.pick(["gke-prod-pool-a", "ip-10-0", "aks-nodepool1", "worker"])
        nodes = (0..<rng.int(3...6)).map { _ in
            nodePool == "ip-10-0" ? "ip-10-0-\(rng.int(1...250))-\(rng.int(1...250)).ec2.internal" : "\(nodePool)-\(rng.hex(4))-\(rng.string(4, from: "bcdfghjklmnpqrstvwxz2456789"))"
        }
        version = "\(rng.int(1...4)).\(rng.int(0...60)).\(rng.int(0...12))"

        // When: a day in 2026, any time of day, 1–5 minutes of calm, then 2–15 minutes of incident.
        let day = SimulatedInstant(year: 2026, month: 3, day: 1).milliseconds + Int64(rng.below(240)) * 86_400_000
        windowStart = day + rng.int64(0...86_399_999)
        onset = windowStart + rng.int64(60_000...300_000)
        end = onset + rng.int64(120_000...900_000)

        // Who: runtimes, pods, addresses.
        var used: [String] = []
        var built: [SimulatedService] = []
        for (i, s) in topology.services.enumerated() {
            let runtime = Self.runtime(for: s, using: &rng)
            var ip: String
            repeat { ip = "10.\(rng.pick([0, 0, 1, 2, 244])).\(rng.int(0...15)).\(rng.int(2...250))" } while used.contains(ip)
            used.append(ip)
            let domain = Self.domain(of: s.name)
            let pods: [String]
            let replicas = s.role.isApplication ? rng.int(1...2) : 1
            if s.role == .cache || s.role == .database || s.role == .queue {
                pods = (0..<replicas).map { "\(s.name)-\($0)" }
            } else {
                let hash = rng.string(rng.int(9...10), from: "bcdfghjklmnpqrstvwxz2456789")
                pods = (0..<replicas).map { _ in "\(s.name)-\(hash)-\(rng.string(5, from: "bcdfghjklmnpqrstvwxz2456789"))" }
            }
            var port = runtime.defaultPort
            if runtime == .go && rng.chance(0.25) { port = 9090 }
            let logs: Bool
            switch s.role {
            case .external: logs = false
            case .cache, .database, .queue: logs = i == root ? !options.silentRoot : rng.chance(0.65)
            default: logs = !(i == root && options.silentRoot)
            }
            built.append(SimulatedService(
                index: i, name: s.name, role: s.role, runtime: runtime, domain: domain, pods: pods,
                replicas: (1...replicas).map { "\(s.name)-\($0)" }, ip: ip, port: port, logs: logs,
                codeRoot: runtime == .python ? domain.filling("-", with: "_")
                    : "com.\(company).\(domain.filling("-", with: ""))"))
        }
        services = built
        self.rng = rng
        accessFormat = .ingressNginx
        affected = Array(repeating: false, count: built.count)
        arrival = Array(repeating: Int64.max, count: built.count)
        via = Array(repeating: -1, count: built.count)
        failureModes = Array(repeating: [], count: built.count)
        let gatewayRuntime = built.first { $0.role == .gateway }?.runtime
        accessFormat = gatewayRuntime == .envoy ? .envoy : (self.rng.chance(0.6) ? .ingressNginx : .nginxCombined)
    }

    static func runtime(for s: SimulatedTopology.Service, using rng: inout SimulatorRandom) -> Runtime {
        let n = s.name.lowercased()
        switch s.role {
        case .gateway:
            if n.contains("envoy") || n.contains("istio") { return .envoy }
            if n.contains("nginx") || n.contains("ingress") { return .nginx }
            return rng.chance(0.5) ? .nginx : .envoy
        case .frontend: return rng.chance(0.85) ? .node : .java
        case .cache: return .redis
        case .database: return n.contains("mysql") || n.contains("maria") ? .mysql : .postgres
        case .queue: return n.contains("rabbit") || n.contains("amqp") ? .rabbitmq : .kafka
        case .external: return .external
        case .api, .worker, .consumer:
            return rng.pick([(.java, 0.35), (.go, 0.3), (.node, 0.15), (.python, 0.2)])
        }
    }

    /// The business word in a service name: `payments-worker` → `payments`.
    static func domain(of name: String) -> String {
        var d = name
        for suffix in ["-batch-worker", "-events-consumer", "-service", "-api", "-svc", "-worker", "-jobs", "-consumer",
                       "-processor", "-listener", "-db", "-postgres", "-mysql", "-pg", "-redis", "-cache", "-rabbitmq",
                       "-v2", "-internal", "-2", "-3"] where d.hasSuffix(suffix) && d.count > suffix.count {
            d = String(d.dropLast(suffix.count))
        }
        return d.isEmpty ? name : d
    }

    // MARK: Emitting

    mutating func emit(_ service: Int, at time: Int64, _ line: Line, pod: Int = 0, symptom: Bool = false) {
        guard services[service].logs, time >= windowStart, time <= end + 30_000 else { return }
        sequence += 1
        let skewed = time + services[service].skew
        records.append(LogRecord(time: time, shownTime: skewed, service: service, pod: min(pod, services[service].pods.count - 1),
                                 line: line, sequence: sequence, isSymptom: symptom))
    }

    /// A root line of the fault script: counted always, written unless the root is silent.
    mutating func emitRoot(at time: Int64, _ line: Line) {
        rootScriptLines += 1
        emit(root, at: time, line, pod: time >= onset ? rootPodAfterOnset : 0, symptom: true)
    }

    mutating func event(_ time: Int64, _ reason: String, _ message: String, warning: Bool = true, pod: String,
                        container: String?, count: Int = 1, last: Int64? = nil, component: String = "kubelet",
                        kind: String = "Pod") {
        sequence += 1
        events.append(KubernetesEvent(
            time: time, lastTime: last ?? time, count: count, type: warning ? "Warning" : "Normal", reason: reason,
            message: message, kind: kind, name: pod, fieldPath: container.map { "spec.containers{\($0)}" },
            component: component, host: component == "kubelet" || component == "kernel-monitor" ? rng.pick(nodes) : nil,
            sequence: sequence))
    }

    func isDown(_ t: Int64) -> Bool {
        rootDown.contains { t >= $0.0 && t < $0.1 }
    }

    // MARK: The plan

    /// Draws who is affected, when the failure reaches each one, and the truth's propagation path.
    mutating func planPropagation() {
        let n = services.count
        func userFacing(_ i: Int) -> Bool { services[i].role.isUserFacing }
        func mayBeAffected(_ i: Int) -> Bool { i == root || options.gatewayErrors || !userFacing(i) }

        affected[root] = true
        // A failure no caller can feel is no incident: when only user-facing services call the root, they show it.
        let rootCallers = topology.callers(ofIndex: root)
        if !options.gatewayErrors, !rootCallers.isEmpty, rootCallers.allSatisfy(userFacing) {
            options.gatewayErrors = true
        }
        // A guaranteed chain up to an entry, through callers that can reach a user-facing one where possible.
        var reachesUser = Array(repeating: false, count: n)
        for _ in 0..<n {
            for i in 0..<n where !reachesUser[i] {
                let callers = topology.callers(ofIndex: i)
                reachesUser[i] = (callers.isEmpty && userFacing(i)) || callers.contains { reachesUser[$0] }
            }
        }
        var current = root
        var guard_ = 0
        while guard_ < n {
            guard_ += 1
            let callers = topology.callers(ofIndex: current).filter { !affected[$0] && mayBeAffected($0) }
            guard !callers.isEmpty else { break }
            let preferred = callers.filter { reachesUser[$0] }
            current = rng.pick(preferred.isEmpty ? callers : preferred)
            affected[current] = true
        }
        // Everyone calling the root feels it; further up, most callers of an affected service do.
        var frontier = [root]
        var seen = Array(repeating: false, count: n)
        seen[root] = true
        while let s = frontier.popLast() {
            for c in topology.callers(ofIndex: s) {
                if !affected[c] && mayBeAffected(c) && (s == root || rng.chance(0.7)) { affected[c] = true }
                if affected[c] && !seen[c] {
                    seen[c] = true
                    frontier.append(c)
                }
            }
        }

        // Arrival times: shortest delays up the affected subgraph (Dijkstra over n ≤ a few dozen nodes).
        arrival[root] = onset
        var done = Array(repeating: false, count: n)
        for _ in 0..<n {
            var best = -1
            for i in 0..<n where affected[i] && !done[i] && arrival[i] != Int64.max {
                if best < 0 || arrival[i] < arrival[best] { best = i }
            }
            guard best >= 0 else { break }
            done[best] = true
            if best != root && failureModes[best].isEmpty { failureModes[best] = derivedModes(for: best) }
            for c in topology.callers(ofIndex: best) where affected[c] && !done[c] {
                let delay = delayFor(callee: best, caller: c)
                if arrival[best] + delay < arrival[c] {
                    arrival[c] = arrival[best] + delay
                    via[c] = best
                }
            }
        }
        for i in 0..<n where affected[i] && arrival[i] >= end {
            affected[i] = false  // the failure would reach it only after the logs end
            arrival[i] = Int64.max
        }
        // Affected services whose chain back to the root broke are dropped too.
        var changed = true
        while changed {
            changed = false
            for i in 0..<n where affected[i] && i != root && (via[i] < 0 || !affected[via[i]]) {
                affected[i] = false
                arrival[i] = Int64.max
                changed = true
            }
        }
    }

    /// The delay, drawn once per edge, before a failing callee's trouble shows at a caller.
    mutating func delayFor(callee: Int, caller: Int) -> Int64 {
        let key = caller * 4096 + callee
        if let d = edgeDelay[key] { return d }
        let slow = failureModes[callee].contains { $0.0.isSlow && $0.1 >= 1 }
        let seconds = slow ? rng.logUniform(1.5...30) : rng.logUniform(0.2...15)
        let d = Int64(seconds * 1000)
        edgeDelay[key] = d
        return d
    }

    /// The root, then callers to the entry where the failure arrived first.
    func propagationPath() -> [Int] {
        let tops = services.indices.filter { i in
            affected[i] && !topology.callers(ofIndex: i).contains { affected[$0] }
        }
        guard let top = tops.min(by: { a, b in
            let ka = (topology.callers(ofIndex: a).isEmpty ? 0 : 1, services[a].role.isUserFacing ? 0 : 1, arrival[a], a)
            let kb = (topology.callers(ofIndex: b).isEmpty ? 0 : 1, services[b].role.isUserFacing ? 0 : 1, arrival[b], b)
            return ka < kb
        }) else { return [root] }
        var path = [top]
        var current = top
        while current != root, via[current] >= 0, path.count <= services.count {
            current = via[current]
            path.append(current)
        }
        return path.reversed()
    }

    /// Modes for an application service that fails because something below it does.
    mutating func derivedModes(for s: Int) -> [(DependencyFailure, Double)] {
        let below = topology.callees(ofIndex: s).filter { affected[$0] }
        let slow = below.contains { d in failureModes[d].contains { $0.0.isSlow && $0.1 >= 1 } }
        var modes: [(DependencyFailure, Double)] = slow ? [(.timeout, 3), (.serverError, 1)] : [(.serverError, 3), (.unavailable, 1)]
        if options.circuitBreakers { modes.append((.unavailable, 1)) }
        return modes
    }

    // MARK: Ordinary traffic

    mutating func backgroundTraffic() {
        let logging = services.filter(\.logs)
        guard !logging.isEmpty else { return }
        let seconds = Double(end - windowStart) / 1000
        let budget = Double(rng.int(1500...5000)) * min(1.6, max(0.6, Double(logging.count) / 12))
        let perService = budget / Double(logging.count) / seconds
        for s in services where s.logs {
            var rate = perService
            switch s.role {
            case .gateway: rate *= 2
            case .cache, .database, .queue: rate *= 0.15
            default: rate *= rng.double(0.5...1.3)
            }
            let meanGap = 1000 / rate
            var t = windowStart + Int64(rng.unit() * meanGap)
            let callers = topology.callers(ofIndex: s.index).map { services[$0] }
            while t < end {
                t += Int64(meanGap * rng.double(0.1...1.9)) + 1
                if s.index == root && t >= onset {
                    if isDown(t) || !rng.chance(rootTrafficAfterOnset) { continue }
                }
                let pod = s.index == root && t >= onset ? rootPodAfterOnset : rng.below(max(1, s.pods.count - (s.index == root && rootPodAfterOnset > 0 ? 1 : 0)))
                switch s.role {
                case .cache, .database, .queue:
                    emit(s.index, at: t, Phrasebook.storeBackground(s, callers: callers, using: &rng), pod: pod)
                case .gateway:
                    emitGatewayAccess(s.index, at: t)
                default:
                    let status = rng.pick([(200, 0.8), (201, 0.06), (204, 0.05), (404, 0.06), (400, 0.015), (304, 0.015)])
                    let duration = Int(rng.logUniform(2...350))
                    emit(s.index, at: t, Phrasebook.background(s, status: status, durationMs: duration, using: &rng), pod: pod)
                }
            }
        }
    }

    mutating func emitGatewayAccess(_ g: Int, at t: Int64) {
        let routes = topology.callees(ofIndex: g)
        guard !routes.isEmpty else {
            let ctx = context(caller: g, dep: g, mustName: true)
            emit(g, at: t, Phrasebook.access(accessFormat, ctx, status: 200, durationMs: Int(rng.logUniform(2...200)), at: SimulatedInstant(milliseconds: t + services[g].skew), using: &rng))
            return
        }
        let d = rng.pick(routes)
        if affected[d] && affected[g] && t >= arrival[g] && rng.chance(0.7) { return }
        let ctx = context(caller: g, dep: d, mustName: false)
        let status = rng.pick([(200, 0.84), (201, 0.04), (204, 0.03), (304, 0.04), (404, 0.05)])
        emit(g, at: t, Phrasebook.access(accessFormat, ctx, status: status, durationMs: Int(rng.logUniform(3...400)), at: SimulatedInstant(milliseconds: t + services[g].skew), using: &rng))
    }

    /// How `caller` addresses `dep` on one call (host form fixed per pair, path per call).
    mutating func context(caller: Int, dep: Int, mustName: Bool) -> CallContext {
        let c = services[caller], d = services[dep]
        var pairRNG = SimulatorRandom(seed: UInt64(caller * 4096 + dep) &* 0x9E37_79B9 ^ UInt64(truncatingIfNeeded: windowStart))
        let host: String
        switch d.role {
        case .external: host = d.externalHost
        default:
            host = pairRNG.pick([d.name, d.name, d.name, "\(d.name).\(namespace).svc.cluster.local", "\(d.name).\(namespace)"])
        }
        var port = d.port
        var scheme = d.role == .external ? "https" : "http"
        if d.tls {
            scheme = "https"
            port = switch d.runtime {
            case .redis: 6380
            case .kafka: 9093
            case .rabbitmq: 5671
            case .postgres, .mysql: d.port
            default: 8443
            }
        }
        let (method, path) = d.role == .external ? ("POST", pairRNG.pick(["/v1/charges", "/v3/mail/send", "/v1/payment_intents", "/2010-04-01/Accounts/AC\(pairRNG.hex(32))/Messages.json", "/v1/shipments", "/maps/api/geocode/json"])) : Phrasebook.requestPath(for: d, using: &rng)
        let sameTechnology = topology.callees(ofIndex: caller).filter { services[$0].runtime.technology == d.runtime.technology }
        return CallContext(
            caller: c, dep: d, host: host, port: port, scheme: scheme, method: method, path: path,
            timeoutMs: pairRNG.pick([1000, 2000, 3000, 5000, 5000, 10000, 30000]), mustName: mustName,
            technologyAmbiguous: d.runtime.technology != "http" && sameTechnology.count > 1,
            traces: options.stackTraces && rng.chance(0.45), namespace: namespace)
    }
}
