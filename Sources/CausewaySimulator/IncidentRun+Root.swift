/// The fault at the root: what it prints, which Kubernetes events it causes, and how it fails its callers.
extension IncidentRun {
    var rootService: SimulatedService { services[root] }
    var rootContainer: String { services[root].name }

    /// Prepares the fault (modes, TLS, pods) before the plan, then writes the root's own lines and events.
    mutating func scriptRoot() {
        switch fault {
        case .oom: scriptOOM()
        case .crashLoop: scriptCrashLoop()
        case .badDeploy: scriptBadDeploy()
        case .configChange: scriptConfigChange()
        case .cpuSaturation: scriptCPU()
        case .threadPoolExhaustion: scriptThreadPool()
        case .poolExhaustion: scriptPoolExhaustion()
        case .diskFull: scriptDiskFull()
        case .slowQuery: scriptSlowQuery()
        case .cacheDown: scriptCacheDown()
        case .brokerDown: scriptBrokerDown()
        case .tlsExpired: scriptTLS()
        case .networkIsolation: scriptIsolation()
        case .thirdPartyOutage: scriptThirdParty()
        }
    }

    // MARK: Helpers

    /// `count` times spread over the incident, the first at the onset.
    mutating func incidentTimes(_ count: Int, from start: Int64? = nil) -> [Int64] {
        let s = start ?? onset
        guard count > 0, s < end else { return [] }
        var times = [s]
        for _ in 1..<max(1, count) { times.append(s + rng.int64(0...(end - s))) }
        return times.sorted()
    }

    mutating func startupDuration() -> Int64 {
        switch rootService.runtime {
        case .java, .kafka: rng.int64(9_000...35_000)
        case .go: rng.int64(600...3_000)
        case .node: rng.int64(1_500...6_000)
        case .python: rng.int64(2_000...8_000)
        default: rng.int64(2_000...20_000)
        }
    }

    /// Start-up lines spread over `duration` from `start`.
    mutating func emitStartup(at start: Int64, duration: Int64, pod: Int? = nil, limit: Int? = nil) {
        var lines = Phrasebook.startup(rootService, version: version, using: &rng)
        if let limit { lines = Array(lines.prefix(limit)) }
        for (i, line) in lines.enumerated() {
            let t = start + duration * Int64(i) / Int64(max(1, lines.count))
            rootScriptLines += 1
            emit(root, at: t, line, pod: pod ?? (t >= onset ? rootPodAfterOnset : 0), symptom: true)
        }
    }

    var rootPod: String { rootService.pods[min(rootPodAfterOnset, rootService.pods.count - 1)] }

    mutating func restartEvents(at t: Int64, image: String? = nil) {
        let img = image ?? "registry.\(company).io/\(rootContainer):\(version)"
        event(t, "Pulled", "Container image \"\(img)\" already present on machine", warning: false, pod: rootPod, container: rootContainer)
        event(t + 120, "Created", "Created container \(rootContainer)", warning: false, pod: rootPod, container: rootContainer)
        event(t + 400, "Started", "Started container \(rootContainer)", warning: false, pod: rootPod, container: rootContainer)
    }

    mutating func backOffEvents(_ times: [Int64]) {
        guard let first = times.first, let last = times.last else { return }
        event(first, "BackOff", "Back-off restarting failed container \(rootContainer) in pod \(rootPod)_\(namespace)(\(rng.hex(8))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(12)))",
              pod: rootPod, container: rootContainer, count: times.count, last: last)
    }

    mutating func probeFailure(_ t: Int64, readiness: Bool, reason: String, count: Int = 1, last: Int64? = nil) {
        let path = rootService.runtime == .java ? (readiness ? "/actuator/health/readiness" : "/actuator/health/liveness") : (readiness ? "/ready" : "/healthz")
        let detail: String
        switch reason {
        case "refused": detail = "Get \"http://\(rootService.ip):\(rootService.port)\(path)\": dial tcp \(rootService.ip):\(rootService.port): connect: connection refused"
        case "timeout": detail = "Get \"http://\(rootService.ip):\(rootService.port)\(path)\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
        default: detail = "HTTP probe failed with statuscode: 503"
        }
        event(t, "Unhealthy", "\(readiness ? "Readiness" : "Liveness") probe failed: \(detail)", pod: rootPod, container: rootContainer, count: count, last: last)
    }

    /// A request-handling failure of the root's own code (bad deploy, bad flag): runtime-specific.
    mutating func codeFailure(at t: Int64) -> Line {
        let r = rootService
        let field = rng.pick(["currency", "customerId", "id", "amount", "shippingAddress", "locale", "discountCode"])
        let (method, path) = Phrasebook.requestPath(for: r, using: &rng)
        let traces = options.stackTraces
        switch r.runtime {
        case .java:
            let exception = rng.pick([
                "java.lang.NullPointerException: Cannot invoke \"\(r.codeRoot).model.\(r.typeStem)Request.get\(field.prefix(1).uppercased() + field.dropFirst())()\" because \"request\" is null",
                "java.lang.IllegalArgumentException: No enum constant \(r.codeRoot).model.\(field.prefix(1).uppercased() + field.dropFirst()).\(rng.pick(["EUR_V2", "UNKNOWN", "PENDING_REVIEW"]))",
                "java.lang.ClassCastException: class java.lang.String cannot be cast to class java.lang.Long (java.lang.String and java.lang.Long are in module java.base of loader 'bootstrap')",
                "com.fasterxml.jackson.databind.exc.MismatchedInputException: Cannot deserialize value of type `java.math.BigDecimal` from Object value (token `JsonToken.START_OBJECT`)",
            ])
            let message = "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: \(exception)] with root cause"
            return Line(.error, traces ? message : "\(method) \(path) failed: \(exception)",
                        trace: traces ? StackTraces.java(exception, library: .none, service: r, using: &rng) : [],
                        logger: "o.a.c.c.C.[.[.[/].[dispatcherServlet]")
        case .go:
            let panicMessage = "runtime error: \(rng.pick(["invalid memory address or nil pointer dereference", "index out of range [3] with length 3", "slice bounds out of range [:12] with capacity 8"]))"
            if traces {
                var trace = StackTraces.goPanic(panicMessage, service: r, using: &rng)
                trace[0] = "http: panic serving \(rng.pick(["10.0", "10.1"])).\(rng.int(0...15)).\(rng.int(2...250)):\(rng.int(32768...60999)): \(panicMessage)"
                return Line(.error, trace[0], trace: Array(trace.dropFirst()))
            }
            return Line(.error, "panic recovered", fields: [("error", panicMessage), ("method", method), ("path", path), ("status", "500")])
        case .node:
            let err = rng.pick(["TypeError: Cannot read properties of undefined (reading '\(field)')",
                                "TypeError: \(r.noun).\(field).toFixed is not a function",
                                "ReferenceError: \(field)Schema is not defined"])
            return Line(.error, "Unhandled error on \(method) \(path): \(err)",
                        trace: traces ? [err] + StackTraces.node(library: "app", service: r, using: &rng) : [])
        default:
            let err = rng.pick(["AttributeError: 'NoneType' object has no attribute '\(field)'", "KeyError: '\(field)'",
                                "TypeError: unsupported operand type(s) for *: 'decimal.Decimal' and 'float'"])
            if traces {
                let trace = StackTraces.python(err, call: "serializer.to_representation(\(r.noun.filling("-", with: "_")))", service: r, library: "rest_framework", using: &rng)
                return Line(.error, "Internal Server Error: \(path.split(separator: "?").first ?? "")", trace: trace, logger: "django.request")
            }
            return Line(.error, "Exception on \(path) [\(method)]: \(err)", logger: "\(r.domain.filling("-", with: "_")).views")
        }
    }

    // MARK: OOM kill

    mutating func scriptOOM() {
        failureModes[root] = [(.refused, 3), (.reset, 1), (.unavailable, 2)]
        let r = rootService
        var t = onset
        var restarts = 0
        var backOffs: [Int64] = []
        let process = r.runtime == .java ? "java" : (r.runtime == .node ? "node" : (r.runtime == .python ? "gunicorn" : r.name))
        while t < end {
            // Pressure first, then the kill.
            switch r.runtime {
            case .java:
                for k in 0..<rng.int(1...3) {
                    let pause = "\(rng.int(800...4200)).\(pad(rng.int(0...999), 3))ms"
                    emitRoot(at: t - Int64(rng.int(2_000...25_000)) + Int64(k * 10), Line(.warn, "GC(\(rng.int(2000...90000))) Pause Full (G1 Compaction Pause) \(rng.int(1010...1023))M->\(rng.int(1000...1020))M(1024M) \(pause)", logger: "gc"))
                }
                let exception = "java.lang.OutOfMemoryError: Java heap space"
                if options.stackTraces && rng.chance(0.6) {
                    emitRoot(at: t, Line(.error, "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Handler dispatch failed: \(exception)] with root cause",
                                         trace: [exception, "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3541)", "\tat java.base/java.lang.AbstractStringBuilder.ensureCapacityInternal(AbstractStringBuilder.java:242)",
                                                 "\tat com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString(ObjectMapper.java:3964)", "\tat \(r.codeRoot).service.\(r.typeStem)Service.export(\(r.typeStem)Service.java:\(rng.int(40...300)))"],
                                         logger: "o.a.c.c.C.[.[.[/].[dispatcherServlet]"))
                } else {
                    emitRoot(at: t, Line(.error, rng.pick(["\(exception)", "Exception in thread \"http-nio-\(r.port)-exec-\(rng.int(1...200))\" \(exception)", "java.lang.OutOfMemoryError: GC overhead limit exceeded"])))
                }
                if rng.chance(0.5) { emitRoot(at: t + Int64(rng.int(5...400)), Line(.fatal, "Terminating due to java.lang.OutOfMemoryError: Java heap space")) }
            case .go:
                if rng.chance(0.3) {
                    emitRoot(at: t - Int64(rng.int(3_000...20_000)), Line(.warn, "memory usage high", fields: [("heap_alloc", "\(rng.int(900...1900))MiB"), ("limit", "2GiB"), ("goroutines", String(rng.int(2000...40000)))]))
                }
                if rng.chance(0.5) {
                    let trace = StackTraces.goFatal("runtime: out of memory", using: &rng)
                    emitRoot(at: t, Line(.fatal, trace[0], trace: options.stackTraces ? Array(trace.dropFirst()) : []))
                }  // otherwise the cgroup kills it without a word
            case .node:
                let gcs = ["<--- Last few GCs --->", "", "[1:0x\(rng.hex(7))]   \(rng.int(100_000...900_000)) ms: Mark-Compact \(rng.int(2040...2047)).\(rng.int(0...9)) (\(rng.int(2070...2090)).\(rng.int(0...9))) -> \(rng.int(2030...2046)).\(rng.int(0...9)) (\(rng.int(2070...2090)).\(rng.int(0...9))) MB, \(rng.int(900...2500)).\(rng.int(10...99)) / 0.00 ms  (average mu = 0.1\(rng.int(0...9))\(rng.int(0...9)), current mu = 0.0\(rng.int(0...9))\(rng.int(0...9))) allocation failure; scavenge might not succeed", "", "<--- JS stacktrace --->", ""]
                emitRoot(at: t, Line(.fatal, "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
                                     trace: options.stackTraces ? gcs + [" 1: 0xb7a940 node::Abort() [node]", " 2: 0xa8e823  [node]", " 3: 0xd5e3b0 v8::Utils::ReportOOMFailure(v8::internal::Isolate*, char const*, bool) [node]"] : []))
            default:
                emitRoot(at: t, Line(.error, "Worker (pid:\(rng.int(7...60))) was sent SIGKILL! Perhaps out of memory?", logger: "gunicorn.error"))
            }
            if rng.chance(0.5) {
                event(t + 50, "OOMKilling", "Memory cgroup out of memory: Killed process \(rng.int(1000...40000)) (\(process)) total-vm:\(rng.int(2_000_000...6_000_000))kB, anon-rss:\(rng.int(1_000_000...2_100_000))kB, file-rss:\(rng.int(0...40000))kB, shmem-rss:0kB, UID:\(rng.pick([0, 1000, 65532])) pgtables:\(rng.int(2000...6000))kB oom_score_adj:\(rng.pick([999, 1000, -997]))",
                      pod: rng.pick(nodes), container: nil, component: "kernel-monitor", kind: "Node")
            } else {
                event(t + 200, "OOMKilled", "Container \(rootContainer) in pod \(rootPod) was OOMKilled (exit code 137), restarting", pod: rootPod, container: rootContainer, component: "kubelet")
            }
            let backoff: Int64 = restarts == 0 ? 0 : min(300_000, 10_000 << Int64(min(5, restarts - 1)))
            if restarts > 0 { backOffs.append(t + 1_000) }
            let startup = startupDuration()
            let restartAt = t + backoff + Int64(rng.int(500...2_000))
            rootDown.append((t, restartAt + startup))
            if restartAt < end {
                restartEvents(at: restartAt)
                if r.runtime == .java || rng.chance(0.4) { probeFailure(restartAt + startup / 2, readiness: true, reason: "refused") }
                if r.runtime == .python {
                    emitRoot(at: restartAt, Line(.info, "Booting worker with pid: \(rng.int(7...90))", logger: "gunicorn.error"))
                } else {
                    emitStartup(at: restartAt, duration: startup)
                }
            }
            restarts += 1
            t = restartAt + startup + rng.int64(25_000...150_000)
        }
        backOffEvents(backOffs)
        notes.append("\(rootContainer) runs out of memory and is killed \(restarts) time(s); each restart takes a while, and callers get connection refused and resets meanwhile.")
    }

    // MARK: Crash loop

    mutating func scriptCrashLoop() {
        failureModes[root] = [(.refused, 3), (.unavailable, 2)]
        rootDown = [(onset, end + 60_000)]
        let r = rootService
        event(onset - rng.int64(3_000...15_000), "Killing", "Stopping container \(rootContainer)", warning: false, pod: rootPod, container: rootContainer)
        let crash: (Level, String, [String])
        let secret = rng.pick(["DATABASE_URL", "STRIPE_SECRET_KEY", "JWT_PUBLIC_KEY", "KAFKA_BOOTSTRAP_SERVERS", "REDIS_URL"])
        switch r.runtime {
        case .java:
            switch rng.below(3) {
            case 0: crash = (.error, "APPLICATION FAILED TO START", ["", "***************************", "APPLICATION FAILED TO START", "***************************", "", "Description:", "",
                             "Failed to bind properties under '\(r.domain).\(rng.pick(["client.timeout", "datasource.url", "retry.max-attempts"]))' to \(rng.pick(["java.time.Duration", "java.lang.String", "int"])):", "", "    Reason: failed to convert java.lang.String to \(rng.pick(["java.time.Duration", "int"]))", "", "Action:", "", "Update your application's configuration"])
            case 1: crash = (.error, "Application run failed", ["org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource' defined in class path resource [org/springframework/boot/autoconfigure/jdbc/DataSourceConfiguration$Hikari.class]: Failed to instantiate [com.zaxxer.hikari.HikariDataSource]: Factory method 'dataSource' threw exception with message: Failed to determine a suitable driver class",
                                                               "\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:648)", "\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)", "\tat \(r.codeRoot).\(r.typeStem)Application.main(\(r.typeStem)Application.java:12)"])
            default: crash = (.error, "Application run failed", ["java.lang.IllegalStateException: Required property '\(secret.lowercased().filling("_", with: "."))' is not set", "\tat \(r.codeRoot).config.\(r.typeStem)Properties.validate(\(r.typeStem)Properties.java:\(rng.int(20...90)))", "\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)"])
            }
        case .go:
            switch rng.below(3) {
            case 0: crash = (.fatal, "failed to load config: open /etc/\(r.name)/config.yaml: no such file or directory", [])
            case 1:
                let trace = StackTraces.goPanic("missing required environment variable \(secret)", service: r, using: &rng)
                crash = (.fatal, trace[0], Array(trace.dropFirst()))
            default: crash = (.fatal, "failed to initialize: parse \"postgres://\(r.noun):***@\(r.noun)-db:5432/\(r.noun)?sslmode=require&pool_max_conns=abc\": invalid pool_max_conns: strconv.ParseInt: parsing \"abc\": invalid syntax", [])
            }
        case .node:
            switch rng.below(3) {
            case 0: crash = (.error, "Error: Cannot find module '/app/dist/main.js'", ["    at Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)", "    at Module._load (node:internal/modules/cjs/loader:986:27)", "    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:135:12)", "    at node:internal/main/run_main_module:28:49"])
            case 1: crash = (.error, "Error: Missing required environment variable: \(secret)", ["    at requireEnv (/app/dist/config.js:14:15)", "    at Object.<anonymous> (/app/dist/config.js:31:21)", "    at Module._compile (node:internal/modules/cjs/loader:1376:14)"])
            default: crash = (.error, "Error: listen EADDRINUSE: address already in use :::\(r.port)", ["    at Server.setupListenHandle [as _listen2] (node:net:1872:16)", "    at listenInCluster (node:net:1920:12)"])
            }
        default:
            let module = r.domain.filling("-", with: "_")
            crash = rng.chance(0.5)
                ? (.error, "Exception in worker process", ["Traceback (most recent call last):", "  File \"/usr/local/lib/python3.11/site-packages/gunicorn/arbiter.py\", line 609, in spawn_worker", "    worker.init_process()", "  File \"/app/\(module)/settings.py\", line \(rng.int(10...80)), in <module>", "    DATABASES = {\"default\": dj_database_url.parse(os.environ[\"\(secret)\"])}", "KeyError: '\(secret)'"])
                : (.error, "Exception in worker process", ["Traceback (most recent call last):", "  File \"/usr/local/lib/python3.11/importlib/__init__.py\", line 126, in import_module", "    return _bootstrap._gcd_import(name[level:], package, level)", "ModuleNotFoundError: No module named '\(module).settings_prod'"])
        }
        var t = onset
        var restarts = 0
        var backOffs: [Int64] = []
        while t < end {
            let startup = min(startupDuration(), 8_000)
            restartEvents(at: t - startup)
            emitStartup(at: t - startup, duration: startup, limit: rng.int(1...2))
            var line = Line(crash.0, crash.1, trace: options.stackTraces || crash.1 == "APPLICATION FAILED TO START" ? crash.2 : [])
            if !options.stackTraces, let last = crash.2.last(where: { !$0.hasPrefix("\t") && !$0.hasPrefix("  ") && !$0.isEmpty }), !crash.2.isEmpty, crash.1 != "APPLICATION FAILED TO START" {
                line.message += ": " + last
            }
            emitRoot(at: t, line)
            if r.runtime == .python {
                emitRoot(at: t + 40, Line(.info, "Worker exiting (pid: \(rng.int(7...40)))", logger: "gunicorn.error"))
                emitRoot(at: t + 90, Line(.info, "Shutting down: Master", logger: "gunicorn.error"))
                emitRoot(at: t + 95, Line(.info, "Reason: Worker failed to boot.", logger: "gunicorn.error"))
            }
            restarts += 1
            let backoff: Int64 = min(300_000, Int64(10_000) << Int64(min(5, restarts - 1)))
            backOffs.append(t + 2_000)
            t += backoff + startup + rng.int64(200...1_500)
        }
        backOffEvents(backOffs)
        notes.append("\(rootContainer) crashes at start-up \(restarts) time(s) in a row; Kubernetes backs off between restarts, so it never serves.")
    }

    // MARK: Bad deploy

    mutating func scriptBadDeploy() {
        failureModes[root] = [(.serverError, 4), (.reset, 1)]
        rootTrafficAfterOnset = 0.5
        let alphabet = "bcdfghjklmnpqrstvwxz2456789"
        let old = rootService.pods[0]
        let oldHash = old.split(separator: "-").dropLast().last.map(String.init) ?? rng.string(10, from: alphabet)
        let newHash = rng.string(10, from: alphabet)
        let newPod = "\(rootContainer)-\(newHash)-\(rng.string(5, from: alphabet))"
        services[root].pods.append(newPod)
        rootPodAfterOnset = services[root].pods.count - 1
        let parts = version.split(separator: ".").compactMap { Int($0) }
        let newVersion = "\(parts[0]).\(parts[1] + 1).0"
        let image = "registry.\(company).io/\(rootContainer):\(newVersion)"
        let startup = startupDuration()
        let deployAt = onset - startup - rng.int64(3_000...30_000)
        event(deployAt, "ScalingReplicaSet", "Scaled up replica set \(rootContainer)-\(newHash) to 1", warning: false, pod: rootContainer, container: nil, component: "deployment-controller", kind: "Deployment")
        event(deployAt + 300, "Scheduled", "Successfully assigned \(namespace)/\(newPod) to \(rng.pick(nodes))", warning: false, pod: newPod, container: nil, component: "default-scheduler")
        event(deployAt + 900, "Pulling", "Pulling image \"\(image)\"", warning: false, pod: newPod, container: rootContainer)
        let pullMs = rng.int(800...9000)
        event(deployAt + 900 + Int64(pullMs), "Pulled", "Successfully pulled image \"\(image)\" in \(pullMs / 1000).\(pad(pullMs % 1000, 3))s (\(pullMs / 1000).\(pad(pullMs % 1000, 3))s including waiting). Image size: \(rng.int(80_000_000...600_000_000)) bytes.", warning: false, pod: newPod, container: rootContainer)
        event(deployAt + 1_000 + Int64(pullMs), "Created", "Created container \(rootContainer)", warning: false, pod: newPod, container: rootContainer)
        event(deployAt + 1_200 + Int64(pullMs), "Started", "Started container \(rootContainer)", warning: false, pod: newPod, container: rootContainer)
        let scaleDown = onset + rng.int64(5_000...40_000)
        event(scaleDown, "ScalingReplicaSet", "Scaled down replica set \(rootContainer)-\(oldHash) to 0 from 1", warning: false, pod: rootContainer, container: nil, component: "deployment-controller", kind: "Deployment")
        event(scaleDown + 200, "Killing", "Stopping container \(rootContainer)", warning: false, pod: old, container: rootContainer)

        var lines = Phrasebook.startup(rootService, version: newVersion, using: &rng)
        if lines.isEmpty { lines = [Line(.info, "starting \(rootContainer) \(newVersion)")] }
        for (i, line) in lines.enumerated() {
            rootScriptLines += 1
            emit(root, at: deployAt + 1_500 + Int64(pullMs) + startup * Int64(i) / Int64(lines.count), line, pod: rootPodAfterOnset, symptom: true)
        }
        for t in incidentTimes(rng.int(8...30)) {
            emitRoot(at: t, codeFailure(at: t))
        }
        notes.append("A rollout of \(rootContainer) \(newVersion) (pod \(newPod)) starts serving at the onset and fails requests with errors from the new code; the old pod is stopped shortly after.")
    }

    // MARK: Config or feature-flag change

    mutating func scriptConfigChange() {
        let r = rootService
        if r.role == .gateway {
            failureModes[root] = [(.serverError, 1)]
            let victims = topology.callees(ofIndex: root)
            let victim = victims.isEmpty ? root : rng.pick(victims)
            if r.runtime == .nginx {
                emitRoot(at: onset - 800, Line(.info, "signal 1 (SIGHUP) received from \(rng.int(20...9000)), reconfiguring"))
                emitRoot(at: onset - 790, Line(.info, "reconfiguring"))
                emitRoot(at: onset - 700, Line(.info, "using the \"epoll\" event method"))
                emitRoot(at: onset - 600, Line(.info, "start worker processes"))
                emitRoot(at: onset - 500, Line(.info, "gracefully shutting down"))
            } else {
                emitRoot(at: onset - 800, Line(.info, "cds: add \(rng.int(4...30)) cluster(s), remove \(rng.int(1...3)) cluster(s)"))
                emitRoot(at: onset - 600, Line(.info, "lds: add/update listener 'listener_0.0.0.0_8080'"))
            }
            let n = rng.int(20...120)
            for t in incidentTimes(n) {
                let ctx = context(caller: root, dep: victim, mustName: false)
                let status = rng.pick([404, 503, 503])
                rootScriptLines += 1
                if r.runtime == .envoy {
                    emit(root, at: t, Phrasebook.access(.envoy, ctx, status: status, durationMs: rng.int(0...3), at: SimulatedInstant(milliseconds: t + r.skew),
                                                        flags: status == 404 ? "NR" : "NC", details: status == 404 ? "route_not_found" : "cluster_not_found", using: &rng), symptom: true)
                } else {
                    if status == 503 {
                        emit(root, at: t, Line(.error, "*\(rng.int(1000...999_999)) no live upstreams while connecting to upstream, client: 10.0.\(rng.int(0...15)).\(rng.int(2...250)), server: shop.example.com, request: \"\(ctx.method) /api\(ctx.path) HTTP/1.1\", upstream: \"http://\(victim == root ? "backend" : services[victim].name)-v2/api\(ctx.path)\", host: \"shop.example.com\""), symptom: true)
                    }
                    emit(root, at: t + 1, Phrasebook.access(accessFormat, ctx, status: status, durationMs: rng.int(0...4), at: SimulatedInstant(milliseconds: t + r.skew), using: &rng), symptom: true)
                }
            }
            notes.append("A configuration reload of the gateway \(rootContainer) breaks the route to \(victim == root ? "its backends" : services[victim].name): users get 404 and 503 from the gateway itself.")
            return
        }
        let flag = rng.pick(["new-pricing-engine", "checkout-v2", "async-\(r.noun)-sync", "strict-validation", "\(r.noun)-batching"])
        let reload: Line = switch r.runtime {
        case .java: Line(.info, "Refresh keys changed: [\(r.domain).\(rng.pick(["client.base-url", "rate-limit.per-minute", "features.\(flag)"]))]", logger: "o.s.c.e.event.RefreshEventListener")
        case .go: Line(.info, "config reloaded", fields: [("path", "/etc/\(r.name)/config.yaml"), ("checksum", rng.hex(12)), ("changed", "features.\(flag)")])
        case .node: Line(.info, "Feature flag \"\(flag)\" updated: false -> true (rollout 100%)")
        default: Line(.info, "Reloaded settings from ConfigMap \(r.name)-config (resourceVersion=\(rng.int(1_000_000...99_999_999)))", logger: "\(r.domain.filling("-", with: "_")).config")
        }
        emitRoot(at: onset - rng.int64(200...3_000), reload)
        let callees = topology.callees(ofIndex: root).filter { services[$0].role.isApplication || services[$0].role == .external }
        let variant = rng.below(callees.isEmpty ? 2 : 3)
        switch variant {
        case 0:
            failureModes[root] = [(.serverError, 4), (.unavailable, 1)]
            for t in incidentTimes(rng.int(8...30)) { emitRoot(at: t, codeFailure(at: t)) }
            notes.append("Turning on the feature flag '\(flag)' in \(rootContainer) sends requests down a broken code path.")
        case 1:
            failureModes[root] = [(.tooManyRequests, 1)]
            rootTrafficAfterOnset = 0.3
            let limit = rng.pick([5, 10, 20])
            let callers = topology.callers(ofIndex: root).map { services[$0].name }
            for t in incidentTimes(rng.int(10...40)) {
                let who = callers.isEmpty ? "anonymous" : rng.pick(callers)
                emitRoot(at: t, Line(.warn, rng.pick(["Rate limit exceeded for client \(who) (limit=\(limit)/min), responding 429", "rate limit exceeded"]), fields: [("client", who), ("limit", "\(limit)/min")]))
            }
            notes.append("A configuration change sets \(rootContainer)'s rate limit to \(limit) requests per minute: it answers 429 to its callers.")
        default:
            failureModes[root] = [(.serverError, 3), (.unavailable, 1)]
            let dep = services[rng.pick(callees)]
            let wrong = "\(dep.name)-svc.\(namespace).svc.cluster.local"
            for t in incidentTimes(rng.int(8...30)) {
                let err: String = switch r.runtime {
                case .java: "org.springframework.web.client.ResourceAccessException: I/O error on POST request for \"http://\(wrong):\(dep.port)/v1/\(dep.domain)\": \(wrong)"
                case .go: "Post \"http://\(wrong):\(dep.port)/v1/\(dep.domain)\": dial tcp: lookup \(wrong) on 10.96.0.10:53: no such host"
                case .node: "Error: getaddrinfo ENOTFOUND \(wrong)"
                default: "requests.exceptions.ConnectionError: HTTPConnectionPool(host='\(wrong)', port=\(dep.port)): Max retries exceeded with url: /v1/\(dep.domain) (Caused by NameResolutionError(\"<urllib3.connection.HTTPConnection object at 0x7f\(rng.hex(10))>: Failed to resolve '\(wrong)' ([Errno -2] Name or service not known)\"))"
                }
                emitRoot(at: t, Line(.error, rng.chance(0.5) ? err : "\(rng.pick(["Request failed", "Upstream call failed", "Failed to process \(r.noun)"])): \(err)"))
            }
            notes.append("A configuration change points \(rootContainer) at a host that does not exist (\(wrong)); \(dep.name) itself is healthy.")
        }
    }

    // MARK: CPU saturation

    mutating func scriptCPU() {
        failureModes[root] = [(.timeout, 4), (.unavailable, 1)]
        rootTrafficAfterOnset = 0.4
        let r = rootService
        for t in incidentTimes(rng.int(8...30)) {
            let (method, path) = Phrasebook.requestPath(for: r, using: &rng)
            let ms = rng.int(2_500...28_000)
            let line: Line
            switch r.runtime {
            case .java:
                line = rng.chance(0.3)
                    ? Line(.warn, "HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=\(rng.int(30...80))s\(rng.int(0...999))ms).", logger: "com.zaxxer.hikari.pool.HikariPool")
                    : Line(.warn, "Slow request: \(method) \(path) took \(ms)ms", logger: "\(r.codeRoot.abbreviatedPackage).web.RequestTimingFilter")
            case .go: line = Line(.warn, "slow request", fields: [("method", method), ("path", path), ("duration", "\(ms / 1000).\(pad(ms % 1000, 3))s"), ("cpu_throttled", "true")])
            case .node: line = Line(.warn, rng.chance(0.5) ? "Event loop blocked for \(ms)ms" : "\(method) \(path) 200 \(ms).\(rng.int(100...999)) ms - \(rng.int(100...9000))")
            default: line = rng.chance(0.5) ? Line(.fatal, "WORKER TIMEOUT (pid:\(rng.int(7...90)))", logger: "gunicorn.error") : Line(.warn, "Slow request \(method) \(path) took \(ms / 1000).\(pad(ms % 1000, 3))s", logger: "\(r.domain.filling("-", with: "_")).middleware")
            }
            emitRoot(at: t, line)
        }
        let probes = incidentTimes(rng.int(3...12), from: onset + rng.int64(5_000...30_000))
        if let first = probes.first {
            probeFailure(first, readiness: false, reason: "timeout", count: probes.count, last: probes.last)
            if probes.count >= 3 { event(probes[2] + 100, "Killing", "Container \(rootContainer) failed liveness probe, will be restarted", warning: false, pod: rootPod, container: rootContainer) }
        }
        if rng.chance(0.6) {
            event(onset + rng.int64(15_000...60_000), "SuccessfulRescale", "New size: \(rng.int(4...10)); reason: cpu resource utilization (percentage of request) above target", warning: false,
                  pod: rootContainer, container: nil, component: "horizontal-pod-autoscaler", kind: "HorizontalPodAutoscaler")
        }
        notes.append("\(rootContainer) is starved of CPU (throttled at its limit): requests slow down until its callers time out.")
    }

    // MARK: Thread pool exhaustion

    mutating func scriptThreadPool() {
        failureModes[root] = [(.timeout, 3), (.unavailable, 2)]
        rootTrafficAfterOnset = 0.3
        let r = rootService
        let size = rng.pick([50, 100, 200, 256])
        for t in incidentTimes(rng.int(8...30)) {
            let line: Line
            switch r.runtime {
            case .java:
                if rng.chance(0.4) {
                    line = Line(.warn, "All threads (\(size)) are currently busy, waiting. Increase maxThreads (\(size)) or check the servlet status", logger: "o.apache.tomcat.util.net.NioEndpoint")
                } else {
                    let exception = "java.util.concurrent.RejectedExecutionException: Task org.apache.tomcat.util.net.NioEndpoint$SocketProcessor@\(rng.hex(8)) rejected from org.apache.tomcat.util.threads.ThreadPoolExecutor@\(rng.hex(8))[Running, pool size = \(size), active threads = \(size), queued tasks = \(rng.int(100...1000)), completed tasks = \(rng.int(100_000...9_000_000))]"
                    line = Line(.error, options.stackTraces ? "Executor rejected socket [\(rng.hex(8))] for processing" : exception,
                                trace: options.stackTraces ? StackTraces.java(exception, library: .tomcat, service: r, using: &rng) : [], logger: "o.apache.tomcat.util.net.NioEndpoint")
                }
            case .go: line = Line(.error, "worker pool exhausted, rejecting request", fields: [("busy", "\(size)/\(size)"), ("queued", String(rng.int(500...4096)))])
            case .node: line = Line(.error, "Too many concurrent requests (in flight: \(size)), shedding load with 503")
            default: line = rng.chance(0.5)
                ? Line(.error, "*** uWSGI listen queue of socket \"0.0.0.0:\(r.port)\" (fd: 3) full !!! (\(rng.int(101...129))/100) ***")
                : Line(.fatal, "WORKER TIMEOUT (pid:\(rng.int(7...90)))", logger: "gunicorn.error")
            }
            emitRoot(at: t, line)
        }
        let probes = incidentTimes(rng.int(2...10), from: onset + rng.int64(5_000...40_000))
        if let first = probes.first { probeFailure(first, readiness: true, reason: "timeout", count: probes.count, last: probes.last) }
        notes.append("\(rootContainer)'s request threads are all busy (\(size)): new requests queue, are rejected, and callers time out.")
    }

    // MARK: Connection pool exhaustion

    mutating func scriptPoolExhaustion() {
        failureModes[root] = [(.serverError, 2), (.timeout, 2), (.unavailable, 1)]
        rootTrafficAfterOnset = 0.4
        let r = rootService
        let db = topology.callees(ofIndex: root).first { services[$0].role == .database }
        let size = rng.pick([10, 20, 30, 50])
        if r.runtime == .java && rng.chance(0.6) {
            let leak = "java.lang.Exception: Apparent connection leak detected"
            emitRoot(at: onset - rng.int64(500...5_000), Line(.warn, "Connection leak detection triggered for org.postgresql.jdbc.PgConnection@\(rng.hex(8)) on thread http-nio-\(r.port)-exec-\(rng.int(1...200)), stack trace follows",
                                                    trace: options.stackTraces ? [leak, "\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:128)", "\tat \(r.codeRoot).repository.\(r.typeStem)Repository.findAll(\(r.typeStem)Repository.java:\(rng.int(30...200)))"] : [],
                                                    logger: "com.zaxxer.hikari.pool.ProxyLeakTask"))
        }
        for t in incidentTimes(rng.int(8...30)) {
            let line: Line
            switch r.runtime {
            case .java:
                if rng.chance(0.25) {
                    line = Line(.debug, "HikariPool-1 - Pool stats (total=\(size), active=\(size), idle=0, waiting=\(rng.int(10...200)))", logger: "com.zaxxer.hikari.pool.HikariPool")
                } else {
                    let exception = "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms."
                    line = Line(.error, options.stackTraces ? "Request processing failed: org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection" : exception,
                                trace: options.stackTraces ? StackTraces.java(exception, library: .hikari, service: r, using: &rng) : [], logger: "o.a.c.c.C.[.[.[/].[dispatcherServlet]")
                }
            case .go: line = Line(.error, "query failed", fields: [("error", "failed to acquire connection: context deadline exceeded"), ("pool_total", String(size)), ("pool_acquired", String(size)), ("pool_waiting", String(rng.int(5...300)))])
            case .node: line = Line(.error, "KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) in your query?")
            default: line = Line(.error, "sqlalchemy.exc.TimeoutError: QueuePool limit of size \(size) overflow \(size * 2) reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)", logger: "\(r.domain.filling("-", with: "_")).db")
            }
            emitRoot(at: t, line)
        }
        if let db {
            if !services[db].logs {
                acceptableRoots.append(services[db].name)
                notes.append("\(services[db].name) writes no logs here, so its pool errors alone cannot rule out a slow \(services[db].name).")
            } else {
                notes.append("\(services[db].name) keeps logging normally, which rules it out.")
            }
        }
        notes.append("\(rootContainer) leaks database connections until its pool (\(size)) is exhausted; its requests wait for a connection and fail.")
    }

    // MARK: Disk full

    mutating func scriptDiskFull() {
        let r = rootService
        switch r.runtime {
        case .postgres:
            failureModes[root] = [(.diskFullWrite, 3), (.recovering, 1), (.refused, 1)]
            let relfile = "base/\(rng.int(16384...16420))/\(rng.int(16400...99999))"
            emitRoot(at: onset, Line(.error, "ERROR:  could not extend file \"\(relfile)\": No space left on device", trace: ["HINT:  Check free disk space."]))
            let panicAt = onset + rng.int64(10_000...90_000)
            emitRoot(at: panicAt, Line(.fatal, "PANIC:  could not write to file \"pg_wal/xlogtemp.\(rng.int(30...900))\": No space left on device"))
            emitRoot(at: panicAt + 300, Line(.info, "LOG:  server process (PID \(rng.int(1000...60000))) was terminated by signal 6: Aborted"))
            emitRoot(at: panicAt + 310, Line(.info, "LOG:  terminating any other active server processes"))
            emitRoot(at: panicAt + 900, Line(.info, "LOG:  all server processes terminated; reinitializing"))
            emitRoot(at: panicAt + 1_200, Line(.info, "LOG:  database system was interrupted; last known up at \(SimulatedInstant(milliseconds: panicAt - 60_000).spaced()) UTC"))
            for t in incidentTimes(rng.int(6...25), from: panicAt + 1_500) {
                emitRoot(at: t, rng.chance(0.5) ? Line(.fatal, "FATAL:  the database system is in recovery mode")
                                 : Line(.error, "ERROR:  could not extend file \"\(relfile)\": No space left on device", trace: ["HINT:  Check free disk space."]))
            }
        case .mysql:
            failureModes[root] = [(.diskFullWrite, 2), (.timeout, 2)]
            for t in incidentTimes(rng.int(6...20)) {
                emitRoot(at: t, rng.chance(0.5)
                    ? Line(.error, "[ERROR] [MY-000035] [Server] Disk is full writing './binlog.\(pad(rng.int(1...999), 6))' (OSErrno 28 - No space left on device). Waiting for someone to free space... Retry in 60 secs. Message reprinted in 600 secs.")
                    : Line(.error, "[ERROR] [MY-012639] [InnoDB] Write to file ./\(r.domain)/\(r.domain).ibd failed at offset \(rng.int(1_000_000...900_000_000)), 16384 bytes should have been written, only 0 were written. Operating system error number 28. Check that your OS and file system support files of this size. Check also that the disk is not full or a disk quota exceeded."))
            }
        case .kafka:
            failureModes[root] = [(.brokerUnavailable, 3), (.recordsExpired, 2)]
            let topic = "\(rng.pick(topology.callers(ofIndex: root).map { services[$0].domain } + [r.domain])).events-\(rng.int(0...11))"
            emitRoot(at: onset, Line(.error, "Error while appending records to \(topic) in dir /var/lib/kafka/data (org.apache.kafka.storage.internals.log.LogDirFailureChannel)", trace: ["java.io.IOException: No space left on device", "\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)", "\tat org.apache.kafka.common.record.FileRecords.append(FileRecords.java:207)"]))
            emitRoot(at: onset + 50, Line(.warn, "[ReplicaManager broker=\(rng.int(0...2))] Stopping serving replicas in dir /var/lib/kafka/data (kafka.server.ReplicaManager)"))
            emitRoot(at: onset + 400, Line(.error, "Shutdown broker because all log dirs in /var/lib/kafka/data have failed (kafka.log.LogManager)"))
            rootDown = [(onset, end + 60_000)]
            var backOffs: [Int64] = []
            for t in incidentTimes(rng.int(1...4), from: onset + 30_000) {
                restartEvents(at: t)
                emitStartup(at: t, duration: 5_000)
                emitRoot(at: t + 6_000, Line(.error, "Error while loading log dir /var/lib/kafka/data (kafka.log.LogManager)", trace: ["java.io.IOException: No space left on device"]))
                backOffs.append(t + 7_000)
            }
            backOffEvents(backOffs)
        case .rabbitmq:
            failureModes[root] = [(.publishBlocked, 3), (.timeout, 1)]
            emitRoot(at: onset, Line(.warn, "Free disk space is insufficient. Free bytes: \(rng.int(10_000_000...49_000_000)). Limit: 50000000"))
            emitRoot(at: onset + 5, Line(.warn, "disk resource limit alarm set on node 'rabbit@\(r.pods[0])'.", trace: ["", "**********************************************************", "*** Publishers will be blocked until this alarm clears ***", "**********************************************************"]))
            for t in incidentTimes(rng.int(4...12), from: onset + 2_000) {
                emitRoot(at: t, Line(.warn, "connection <0.\(rng.int(1000...60000)).0> (10.0.\(rng.int(0...15)).\(rng.int(2...250)):\(rng.int(32768...60999)) -> \(r.ip):5672): blocked because of resource alarm(s): disk"))
            }
        case .redis:
            failureModes[root] = [(.readOnlyDisk, 1)]
            for t in incidentTimes(rng.int(6...20)) {
                emitRoot(at: t, rng.chance(0.5) ? Line(.warn, "Write error saving DB on disk: No space left on device") : Line(.warn, "Background saving error"))
                if rng.chance(0.3) { emitRoot(at: t - 500, Line(.info, "\(rng.pick([1, 100])) changes in \(rng.pick([60, 300])) seconds. Saving...")) }
            }
        default:
            failureModes[root] = [(.serverError, 3), (.unavailable, 1)]
            rootTrafficAfterOnset = 0.5
            let volume = rng.pick(["/var/lib/\(r.name)", "/tmp", "/data/uploads", "/var/spool/\(r.name)"])
            for t in incidentTimes(rng.int(8...30)) {
                let line: Line = switch r.runtime {
                case .java: Line(.error, "Failed to write \(r.noun) export: java.io.IOException: No space left on device",
                                 trace: options.stackTraces ? ["java.io.IOException: No space left on device", "\tat java.base/java.io.FileOutputStream.writeBytes(Native Method)", "\tat java.base/java.io.FileOutputStream.write(FileOutputStream.java:367)", "\tat \(r.codeRoot).storage.LocalSpool.write(LocalSpool.java:\(rng.int(30...120)))"] : [])
                case .go: Line(.error, "write \(volume)/\(rng.hex(12)).tmp: no space left on device")
                case .node: Line(.error, "Error: ENOSPC: no space left on device, write", fields: [("path", "\(volume)/\(rng.hex(12))")])
                default: Line(.error, "OSError: [Errno 28] No space left on device: '\(volume)/tmp\(rng.string(8, from: "abcdefghijklmnopqrstuvwxyz0123456789"))'", logger: "\(r.domain.filling("-", with: "_")).storage")
                }
                emitRoot(at: t, line)
            }
            if rng.chance(0.6) {
                event(onset + rng.int64(30_000...200_000), "Evicted", "The node was low on resource: ephemeral-storage. Threshold quantity: \(rng.int(1...4))Gi, available: \(rng.int(100...900))Mi. Container \(rootContainer) was using \(rng.int(8...40))Gi, request is 0, has larger consumption of ephemeral-storage.", pod: rootPod, container: nil)
            }
        }
        notes.append("\(rootContainer)'s volume fills up: writes fail with No space left on device.")
    }

    // MARK: Slow queries and lock contention

    mutating func scriptSlowQuery() {
        let r = rootService
        let tables = topology.callers(ofIndex: root).map { services[$0].domain.filling("-", with: "_") }
        let table = tables.isEmpty ? r.domain.filling("-", with: "_") : rng.pick(tables)
        if r.runtime == .mysql {
            failureModes[root] = [(.statementTimeout, 3), (.deadlock, 1), (.timeout, 2)]
            for t in incidentTimes(rng.int(8...30)) {
                switch rng.below(3) {
                case 0: emitRoot(at: t, Line(.warn, "[Note] [MY-011825] [InnoDB] Transactions deadlock detected, dumping detailed information.", trace: ["*** (1) TRANSACTION:", "TRANSACTION \(rng.int(1_000_000...9_000_000)), ACTIVE \(rng.int(1...40)) sec starting index read", "mysql tables in use 1, locked 1", "*** (2) TRANSACTION:", "*** WE ROLL BACK TRANSACTION (2)"]))
                case 1: emitRoot(at: t, Line(.warn, "[Warning] [MY-010897] [Server] Aborted connection \(rng.int(1000...99999)) to db: '\(table)' user: 'app' host: '10.0.\(rng.int(0...15)).\(rng.int(2...250))' (Got timeout reading communication packets)."))
                default: emitRoot(at: t, Line(.warn, "# Query_time: \(rng.int(5...60)).\(pad(rng.int(0...999_999), 6))  Lock_time: \(rng.int(3...50)).\(pad(rng.int(0...999_999), 6)) Rows_sent: 0  Rows_examined: \(rng.int(100_000...9_000_000))", trace: ["SET timestamp=\(t / 1000);", "UPDATE \(table) SET status = 'reserved' WHERE sku IN (SELECT sku FROM \(table)_items WHERE \(table)_id = \(rng.int(1000...999_999)));"]))
                }
            }
        } else {
            failureModes[root] = [(.statementTimeout, 3), (.timeout, 2), (.deadlock, 1)]
            let statement = rng.pick([
                "SELECT o.* FROM \(table) o JOIN \(table)_items i ON i.\(table)_id = o.id WHERE o.customer_id = $1 ORDER BY o.created_at DESC",
                "UPDATE \(table) SET reserved = reserved + $1 WHERE sku = $2",
                "SELECT * FROM \(table) WHERE lower(email) = lower($1)",
                "DELETE FROM \(table)_sessions WHERE expires_at < now()",
            ])
            let tooMany = rng.chance(0.5) ? onset + (end - onset) * Int64(rng.int(30...70)) / 100 : Int64.max
            if tooMany < end { failureModes[root].append((.tooManyClients, 1)) }
            for t in incidentTimes(rng.int(10...35)) {
                let pid = rng.int(1000...60000)
                switch rng.below(t >= tooMany ? 5 : 4) {
                case 0: emitRoot(at: t, Line(.info, "LOG:  duration: \(rng.int(5_000...60_000)).\(pad(rng.int(0...999), 3)) ms  statement: \(statement)"))
                case 1: emitRoot(at: t, Line(.info, "LOG:  process \(pid) still waiting for ShareLock on transaction \(rng.int(1_000_000...99_000_000)) after \(rng.int(1000...9000)).\(pad(rng.int(0...999), 3)) ms",
                                             trace: ["DETAIL:  Process holding the lock: \(rng.int(1000...60000)). Wait queue: \(pid).", "CONTEXT:  while updating tuple (\(rng.int(1...9999)),\(rng.int(1...60))) in relation \"\(table)\"", "STATEMENT:  \(statement)"]))
                case 2: emitRoot(at: t, Line(.error, "ERROR:  canceling statement due to statement timeout", trace: ["STATEMENT:  \(statement)"]))
                case 3: emitRoot(at: t, Line(.error, "ERROR:  deadlock detected", trace: ["DETAIL:  Process \(pid) waits for ShareLock on transaction \(rng.int(1_000_000...99_000_000)); blocked by process \(rng.int(1000...60000)).", "HINT:  See server log for query details.", "STATEMENT:  \(statement)"]))
                default: emitRoot(at: t, Line(.fatal, "FATAL:  sorry, too many clients already"))
                }
            }
        }
        notes.append("\(rootContainer) runs slow queries and lock waits on \(table): statements time out, deadlocks abort transactions, and callers' pools back up.")
    }

    // MARK: Cache down

    mutating func scriptCacheDown() {
        if rng.chance(0.5) {
            failureModes[root] = [(.clusterDown, 3), (.timeout, 1)]
            let node = rng.hex(40)
            emitRoot(at: onset - 300, Line(.info, "Marking node \(node) as failing (quorum reached)."))
            emitRoot(at: onset, Line(.warn, "Cluster state changed: fail"))
            for t in incidentTimes(rng.int(3...10), from: onset + 1_000) {
                emitRoot(at: t, rng.chance(0.5) ? Line(.warn, "Connection with master lost.") : Line(.info, "Cluster state changed: fail"))
            }
            notes.append("The \(rootContainer) cluster loses quorum (Cluster state changed: fail): every command answers CLUSTERDOWN.")
        } else {
            failureModes[root] = [(.refused, 2), (.loading, 2)]
            var t = onset
            var backOffs: [Int64] = []
            var restarts = 0
            while t < end {
                emitRoot(at: t, Line(.warn, rng.pick(["Received SIGTERM scheduling shutdown...", "Out Of Memory allocating \(rng.int(10_000...900_000)) bytes!"])))
                if restarts == 0 && rng.chance(0.5) {
                    event(t + 100, "OOMKilled", "Container redis in pod \(rootPod) was OOMKilled (exit code 137), restarting", pod: rootPod, container: "redis")
                }
                let restartAt = t + Int64(restarts == 0 ? rng.int(1_000...5_000) : min(300_000, 10_000 << min(5, restarts - 1)))
                let loading = rng.int64(15_000...90_000)
                rootDown.append((t, restartAt + loading))
                if restarts > 0 { backOffs.append(t + 500) }
                if restartAt < end {
                    restartEvents(at: restartAt, image: "redis:7.2.4-alpine")
                    emitStartup(at: restartAt, duration: 2_000)
                    probeFailure(restartAt + loading / 2, readiness: true, reason: "loading")
                    emitRoot(at: restartAt + loading, Line(.info, "Done loading RDB, keys loaded: \(rng.int(100_000...9_000_000)), keys expired: \(rng.int(0...5000))."))
                    emitRoot(at: restartAt + loading + 5, Line(.info, "Ready to accept connections tcp"))
                }
                restarts += 1
                t = restartAt + loading + rng.int64(30_000...200_000)
            }
            backOffEvents(backOffs)
            notes.append("\(rootContainer) dies and restarts \(restarts) time(s); while it reloads its dataset callers get connection refused and LOADING.")
        }
    }

    // MARK: Broker down

    mutating func scriptBrokerDown() {
        let r = rootService
        rootDown = [(onset, end + 60_000)]
        if r.runtime == .rabbitmq {
            failureModes[root] = [(.refused, 3), (.timeout, 1)]
            emitRoot(at: onset - 200, Line(.warn, "memory resource limit alarm set on node 'rabbit@\(r.pods[0])'."))
            emitRoot(at: onset, Line(.error, "** Generic server rabbit_disk_monitor terminating"))
            emitRoot(at: onset + 100, Line(.info, "Stopping RabbitMQ applications and their dependencies in the following order:"))
            emitRoot(at: onset + 2_000, Line(.info, "Successfully stopped RabbitMQ and its dependencies"))
        } else {
            failureModes[root] = [(.brokerUnavailable, 3), (.recordsExpired, 1), (.timeout, 1)]
            let id = rng.int(0...2)
            let clusterA = rng.string(22, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
            let clusterB = rng.string(22, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
            emitRoot(at: onset, Line(.info, "[KafkaServer id=\(id)] shutting down (kafka.server.KafkaServer)"))
            emitRoot(at: onset + 1_500, Line(.info, "[KafkaServer id=\(id)] shut down completed (kafka.server.KafkaServer)"))
            var backOffs: [Int64] = []
            for t in incidentTimes(rng.int(1...5), from: onset + 20_000) {
                restartEvents(at: t, image: "confluentinc/cp-kafka:7.6.0")
                emitStartup(at: t, duration: 3_000)
                emitRoot(at: t + 4_000, Line(.error, "[KafkaServer id=\(id)] Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)",
                                             trace: ["kafka.common.InconsistentClusterIdException: The Cluster ID \(clusterA) doesn't match stored clusterId Some(\(clusterB)) in meta.properties. The broker is trying to join the wrong cluster. Configured zookeeper.connect may be wrong.", "\tat kafka.server.KafkaServer.startup(KafkaServer.scala:243)", "\tat kafka.Kafka$.main(Kafka.scala:113)"]))
                backOffs.append(t + 5_000)
            }
            backOffEvents(backOffs)
        }
        notes.append("The broker \(rootContainer) goes down and does not come back: producers and consumers lose it.")
    }

    // MARK: TLS expiry

    mutating func scriptTLS() {
        failureModes[root] = [(.tlsExpired, 1)]
        services[root].tls = true
        rootTrafficAfterOnset = 0.05
        let r = rootService
        for t in incidentTimes(rng.int(4...20)) {
            let peer = "10.\(rng.pick([0, 1])).\(rng.int(0...15)).\(rng.int(2...250)):\(rng.int(32768...60999))"
            switch r.runtime {
            case .go: emitRoot(at: t, Line(.info, "http: TLS handshake error from \(peer): remote error: tls: expired certificate"))
            case .nginx: emitRoot(at: t, Line(.info, "*\(rng.int(1000...999_999)) SSL_do_handshake() failed (SSL: error:0A000415:SSL routines::sslv3 alert certificate expired:SSL alert number 45) while SSL handshaking, client: \(peer.split(separator: ":")[0]), server: 0.0.0.0:443"))
            case .redis: emitRoot(at: t, Line(.warn, "Error accepting a client connection: error:0A000415:SSL routines::sslv3 alert certificate expired (addr=\(peer) laddr=\(r.ip):6380)"))
            case .postgres: emitRoot(at: t, Line(.info, "LOG:  could not accept SSL connection: sslv3 alert certificate expired"))
            case .kafka: emitRoot(at: t, Line(.info, "[SocketServer listenerType=BROKER, nodeId=\(rng.int(0...2))] Failed authentication with /\(peer.split(separator: ":")[0]) (channelId=\(r.ip):9093-\(peer)-\(rng.int(1...400))) (SSL handshake failed) (org.apache.kafka.common.network.Selector)"))
            case .java where rng.chance(0.5): emitRoot(at: t, Line(.debug, "Handshake failed for client connection from IP address [\(peer.split(separator: ":")[0])] and port [\(peer.split(separator: ":")[1])]", logger: "o.apache.tomcat.util.net.NioEndpoint"))
            default: break  // most servers say nothing when a client rejects their certificate
            }
        }
        notes.append("\(rootContainer)'s TLS certificate expires at the onset: callers' handshakes fail with certificate-expired errors.")
    }

    // MARK: Network isolation

    mutating func scriptIsolation() {
        failureModes[root] = [(.noRoute, 2), (.timeout, 3)]
        rootTrafficAfterOnset = 0
        let r = rootService
        let deps = topology.callees(ofIndex: root)
        for t in incidentTimes(rng.int(6...25)) {
            if r.role.isApplication && !deps.isEmpty {
                let d = rng.pick(deps)
                let ctx = context(caller: root, dep: d, mustName: rng.chance(0.5))
                emitRoot(at: t, Phrasebook.failure(rng.chance(0.5) ? .noRoute : .timeout, ctx, at: SimulatedInstant(milliseconds: t), using: &rng))
            } else if r.role.isApplication {
                emitRoot(at: t, Line(.warn, rng.pick(["failed to export spans: context deadline exceeded (otel-collector.observability:4317)",
                                                      "DNS lookup failed: lookup kubernetes.default.svc.cluster.local on 10.96.0.10:53: read udp \(r.ip):\(rng.int(32768...60999))->10.96.0.10:53: i/o timeout"])))
            } else {
                let peer = "10.0.\(rng.int(0...15)).\(rng.int(2...250))"
                let line: Line = switch r.runtime {
                case .redis: rng.chance(0.5) ? Line(.warn, "Connection with replica \(peer):6379 lost.") : Line(.warn, "Cluster state changed: fail")
                case .postgres: rng.chance(0.5) ? Line(.info, "LOG:  could not receive data from client: Connection timed out") : Line(.info, "LOG:  terminating walsender process due to replication timeout")
                case .mysql: Line(.warn, "[Warning] [MY-010897] [Server] Aborted connection \(rng.int(1000...99999)) to db: 'app' user: 'app' host: '\(peer)' (Got timeout reading communication packets).")
                case .kafka: Line(.warn, "[ReplicaFetcher replicaId=\(rng.int(0...2)), leaderId=\(rng.int(0...2)), fetcherId=0] Error sending fetch request (sessionId=\(rng.int(100_000_000...999_999_999)), epoch=\(rng.int(1000...90000))) to node \(rng.int(0...2)): java.net.SocketTimeoutException: Failed to connect within 30000 ms (kafka.server.ReplicaFetcherThread)")
                default: Line(.warn, "rabbit on node 'rabbit@\(r.name)-1' down")
                }
                emitRoot(at: t, line)
            }
        }
        notes.append("\(rootContainer) is cut off the network (a NetworkPolicy change): nothing reaches it, and its own calls out time out too, which points at its dependencies although they are healthy.")
    }

    // MARK: Third-party outage

    mutating func scriptThirdParty() {
        switch rng.below(3) {
        case 0: failureModes[root] = [(.unavailable, 1)]
        case 1: failureModes[root] = [(.timeout, 1)]
        default: failureModes[root] = [(.unavailable, 2), (.timeout, 1), (.serverError, 1)]
        }
        let what = failureModes[root].count > 1 ? "answers 5xx and times out" : (failureModes[root][0].0 == .timeout ? "times out" : "answers 503")
        notes.append("The third-party API \(rootContainer) has an outage and \(what).")
    }
}
