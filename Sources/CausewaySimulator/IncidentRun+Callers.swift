/// Symptoms up the call graph: failed calls, retries, circuit breakers, errors served to callers, gateway 5xx.
extension IncidentRun {
    mutating func callerSymptoms() {
        for c in services.indices where affected[c] && c != root {
            let deps = topology.callees(ofIndex: c).filter { affected[$0] && arrival[$0] < end }
            for d in deps { symptoms(caller: c, dep: d, sharing: deps.count) }
        }
    }

    private mutating func symptoms(caller c: Int, dep d: Int, sharing: Int) {
        let start = arrival[d] + delayFor(callee: d, caller: c)
        guard start < end else { return }
        let base = max(6, rootScriptLines)
        var count = options.symptomFlood ? Int(Double(base) * rng.double(10...100)) / sharing : rng.int(4...25)
        count = max(2, min(count, 2_500))
        var times = [start]
        for _ in 1..<count { times.append(start + rng.int64(0...(end - start))) }
        times.sort()

        let caller = services[c]
        let isGateway = caller.role == .gateway && (caller.runtime == .nginx || caller.runtime == .envoy)
        let breakerName = rng.pick([services[d].name, services[d].name, services[d].name, "\(services[d].typeStem)Client", services[d].domain])
        let threshold = rng.int(5...20)
        let openFor = rng.int64(10_000...60_000)
        let attempts = rng.int(2...4)
        let backoffBase = rng.int(100...500)
        var failures = 0
        var openUntil: Int64? = nil

        for (k, t) in times.enumerated() {
            let ctx = context(caller: c, dep: d, mustName: k == 0 || rng.chance(0.5))
            let now = SimulatedInstant(milliseconds: t + caller.skew)
            if let until = openUntil, t < until {
                // Short-circuited by the open breaker.
                if isGateway {
                    gatewayFailure(c, ctx, .circuitOpen, at: t)
                } else if rng.chance(0.6) {
                    emit(c, at: t, shortCircuit(caller, name: breakerName, ctx), pod: rng.below(caller.pods.count), symptom: true)
                    if rng.chance(0.3) { servedError(c, for: .unavailable, at: t + 2) }
                }
                continue
            }
            if let until = openUntil {
                if !isGateway {
                    emit(c, at: until, breakerChange(caller, name: breakerName, to: "HALF_OPEN"), symptom: true)
                    emit(c, at: t + 5, breakerChange(caller, name: breakerName, to: "OPEN", from: "HALF_OPEN"), symptom: true)
                }
                openUntil = t + openFor
            }
            let f = rng.pick(failureModes[d])
            if isGateway {
                gatewayFailure(c, ctx, f, at: t)
            } else {
                var line = Phrasebook.failure(f, ctx, at: now, using: &rng)
                if ctx.mustName && !mentions(line, services[d]) {
                    line.fields.append(("upstream", services[d].name))
                }
                var at = t
                let pod = rng.below(caller.pods.count)
                if options.retries && k > 0 && f != .tooManyRequests && rng.chance(0.7) {
                    for attempt in 1..<attempts {
                        let wait = backoffBase << (attempt - 1) + rng.int(0...backoffBase / 2)
                        emit(c, at: at, retryLine(caller, ctx, summary: line, attempt: attempt, of: attempts, waitMs: wait), pod: pod, symptom: true)
                        at += Int64(wait) + Int64(f.isSlow ? ctx.timeoutMs : rng.int(1...40))
                    }
                }
                emit(c, at: at, line, pod: pod, symptom: true)
                if rng.chance(0.35) { servedError(c, for: f, at: at + Int64(rng.int(1...30))) }
            }
            failures += 1
            if options.circuitBreakers && openUntil == nil && failures >= threshold {
                openUntil = t + openFor
                if isGateway {
                    if caller.runtime == .nginx { emit(c, at: t + 1, Phrasebook.nginx(.circuitOpen, ctx, at: now, using: &rng), symptom: true) }
                } else {
                    emit(c, at: t + 1, breakerChange(caller, name: breakerName, to: "OPEN"), symptom: true)
                }
            }
        }
    }

    func mentions(_ line: Line, _ dep: SimulatedService) -> Bool {
        if line.message.contains(dep.name) { return true }
        if line.fields.contains(where: { $0.1.contains(dep.name) }) { return true }
        return line.trace.contains { $0.contains(dep.name) }
    }

    /// The gateway's own record of a failed request: an error-log line where nginx writes one, and the 5xx.
    mutating func gatewayFailure(_ g: Int, _ ctx: CallContext, _ f: DependencyFailure, at t: Int64) {
        let s = services[g]
        let now = SimulatedInstant(milliseconds: t + s.skew)
        if s.runtime == .envoy {
            let (status, flags, details) = Phrasebook.envoyOutcome(f)
            let duration = f.isSlow ? ctx.timeoutMs : rng.int(0...40)
            emit(g, at: t, Phrasebook.access(.envoy, ctx, status: status, durationMs: duration, at: now, flags: flags, details: details, using: &rng), symptom: true)
            return
        }
        switch f {
        case .serverError, .unavailable, .tooManyRequests:
            break  // nginx passes the upstream's answer through and only the access log shows it
        default:
            emit(g, at: t, Phrasebook.nginx(f, ctx, at: now, using: &rng), symptom: true)
        }
        let status = f == .unavailable || f == .serverError ? rng.pick([Phrasebook.nginxStatus(f), 502]) : Phrasebook.nginxStatus(f)
        let duration = f.isSlow ? ctx.timeoutMs : rng.int(0...60)
        emit(g, at: t + 1, Phrasebook.access(accessFormat, ctx, status: status, durationMs: duration, at: now, using: &rng), symptom: true)
    }

    /// The caller's own failed response to its caller.
    mutating func servedError(_ c: Int, for f: DependencyFailure, at t: Int64) {
        let s = services[c]
        guard s.role == .api || s.role == .frontend || (s.role == .worker && rng.chance(0.3)) else { return }
        let status: Int = switch f {
        case .timeout, .noRoute, .statementTimeout: rng.pick([504, 500, 503])
        case .unavailable, .circuitOpen, .brokerUnavailable: 503
        case .tooManyRequests: rng.pick([429, 503])
        case .refused, .reset: rng.pick([502, 500, 503])
        default: 500
        }
        let duration = f.isSlow ? rng.int(1_000...30_000) : rng.int(2...120)
        emit(c, at: t, Phrasebook.background(s, status: status, durationMs: duration, using: &rng), pod: rng.below(s.pods.count), symptom: true)
    }

    func retryLine(_ caller: SimulatedService, _ ctx: CallContext, summary: Line, attempt: Int, of max: Int, waitMs: Int) -> Line {
        var rng = SimulatorRandom(seed: UInt64(truncatingIfNeeded: waitMs &* 7919 &+ attempt &* 31 &+ ctx.path.count))
        let traceLine = caller.runtime == .python ? summary.trace.last { !$0.isEmpty } : summary.trace.first { !$0.isEmpty }
        let detail = summary.fields.first { $0.0 == "error" }?.1 ?? traceLine ?? summary.message
        let error = String(detail.split(separator: "\n").first ?? "").prefix(220).description
        let seconds = "\(waitMs / 1000).\(pad(waitMs % 1000, 3))"
        let http = ctx.dep.runtime.technology == "http" || ctx.dep.role == .external
        switch caller.runtime {
        case .java:
            if ctx.dep.runtime == .redis {
                return Line(.info, "Reconnecting, last destination was \(ctx.host)/\(ctx.dep.ip):\(ctx.port)", logger: "i.l.core.protocol.ConnectionWatchdog")
            }
            return Line(.warn, "Retry '\(http ? ctx.dep.name : "\(ctx.dep.name)-\(ctx.dep.runtime.technology)")', waiting PT\(seconds.hasSuffix(".000") ? String(waitMs / 1000) : seconds)S until attempt '\(attempt + 1)'. Last attempt failed with exception '\(error)'.",
                        logger: "i.g.r.retry.internal.RetryImpl")
        case .go:
            return rng.chance(0.5)
                ? Line(.warn, "retrying request", fields: [("upstream", ctx.dep.name), ("attempt", String(attempt + 1)), ("max_attempts", String(max)), ("backoff", "\(waitMs)ms"), ("error", error)])
                : Line(.warn, "call to \(ctx.dep.name) failed, retrying in \(waitMs)ms (attempt \(attempt + 1)/\(max)): \(error)")
        case .node:
            return Line(.warn, http ? "Retrying \(ctx.method) \(ctx.url) (attempt \(attempt + 1) of \(max)) in \(waitMs)ms" : "Retrying \(ctx.dep.runtime.technology) operation against \(ctx.hostPort) in \(waitMs)ms (attempt \(attempt + 1)/\(max))")
        default:
            if http {
                return Line(.warn, "Retrying (Retry(total=\(max - attempt), connect=None, read=None, redirect=None, status=None)) after connection broken by '\(error.split(separator: ":").first ?? "")': \(ctx.path)", logger: "urllib3.connectionpool")
            }
            return Line(.warn, "Retrying in \(seconds) seconds (attempt \(attempt + 1) of \(max)) after error talking to \(ctx.dep.name)", logger: "tenacity")
        }
    }

    func breakerChange(_ caller: SimulatedService, name: String, to state: String, from: String? = nil) -> Line {
        let previous = from ?? (state == "OPEN" ? "CLOSED" : "OPEN")
        let level: Level = state == "OPEN" ? .warn : .info
        switch caller.runtime {
        case .java: return Line(level, "CircuitBreaker '\(name)' changed state from \(previous) to \(state)", logger: "\(caller.codeRoot.abbreviatedPackage).config.ResilienceConfig")
        case .go: return Line(level, "circuit breaker state changed", fields: [("name", name), ("from", previous.lowercased().filling("_", with: "-")), ("to", state.lowercased().filling("_", with: "-"))])
        case .node: return Line(level, "Circuit breaker [\(name)] \(state == "OPEN" ? "opened" : "half-open")")
        default: return Line(level, state == "OPEN" ? "Circuit breaker '\(name)' opened after repeated failures" : "Circuit breaker '\(name)' is half-open, trying one call", logger: "pybreaker")
        }
    }

    func shortCircuit(_ caller: SimulatedService, name: String, _ ctx: CallContext) -> Line {
        switch caller.runtime {
        case .java: return Line(.error, "\(ctx.method) \(ctx.path) failed: io.github.resilience4j.circuitbreaker.CallNotPermittedException: CircuitBreaker '\(name)' is OPEN and does not permit further calls", logger: "\(caller.codeRoot.abbreviatedPackage).web.GlobalExceptionHandler")
        case .go: return Line(.error, "call to \(ctx.dep.name) rejected: circuit breaker is open", fields: [("breaker", name)])
        case .node: return Line(.error, "Error: Breaker is open", fields: [("code", "EOPENBREAKER"), ("breaker", name), ("upstream", ctx.dep.name)])
        default: return Line(.error, "pybreaker.CircuitBreakerError: Timeout not elapsed yet, circuit breaker still open (\(name))", logger: "pybreaker")
        }
    }
}
