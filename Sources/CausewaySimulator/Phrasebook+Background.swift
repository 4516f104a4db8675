/// Everyday lines: request logs, jobs, consumers, store housekeeping, start-up banners.
extension Phrasebook {
    static func requestPath(for s: SimulatedService, using rng: inout SimulatorRandom) -> (String, String) {
        let id = rng.chance(0.5) ? String(rng.int(1000...999_999)) : rng.hex(8)
        if s.role == .frontend {
            return ("GET", rng.pick(["/", "/checkout", "/cart", "/product/\(id)", "/account", "/search?q=\(rng.pick(["shoes", "jacket", "lamp", "headphones"]))", "/_next/data/build-\(rng.hex(6))/index.json"]))
        }
        let d = s.domain
        switch rng.below(6) {
        case 0, 1: return ("GET", "/v1/\(d)/\(id)")
        case 2: return ("GET", "/v1/\(d)?page=\(rng.int(1...20))&size=\(rng.pick([20, 50, 100]))")
        case 3: return ("POST", "/v1/\(d)")
        case 4: return ("PUT", "/v1/\(d)/\(id)")
        default: return (rng.pick(["GET", "POST"]), "/v1/\(d)/\(id)/\(rng.pick(["items", "status", "history", "summary"]))")
        }
    }

    static func userID(using rng: inout SimulatorRandom) -> String {
        rng.pick(["u-\(rng.int(10000...999_999))", "usr_\(rng.hex(12))", String(rng.int(100_000...9_999_999))])
    }

    /// One line of ordinary traffic for an application service.
    static func background(_ s: SimulatedService, status: Int, durationMs: Int, using rng: inout SimulatorRandom) -> Line {
        let (method, path) = requestPath(for: s, using: &rng)
        let requestID = rng.hex(16)
        let level: Level = status >= 500 ? .error : (status >= 400 ? .warn : .info)
        switch s.role {
        case .worker:
            if rng.chance(0.6) {
                let job = "\(s.noun)-\(rng.int(10000...999_999))"
                switch s.runtime {
                case .python: return Line(.info, "Task \(s.domain.filling("-", with: "_")).tasks.\(rng.pick(["process", "sync", "send", "reconcile"]))_\(s.noun.filling("-", with: "_"))[\(rng.hex(8))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(12))] succeeded in \(durationMs / 1000).\(pad(durationMs % 1000, 3))s: None", logger: "celery.app.trace")
                case .go: return Line(.info, "job completed", fields: [("job", job), ("duration", "\(durationMs)ms"), ("attempt", "1")])
                default: return Line(.info, rng.pick(["Processed job \(job) in \(durationMs)ms", "Job \(job) finished (\(durationMs) ms)", "Picked up \(rng.int(1...25)) jobs from queue \(s.domain)"]))
                }
            }
        case .consumer:
            let topic = "\(s.domain).\(rng.pick(["created", "events", "updated"]))"
            return Line(.info, rng.pick([
                "Consumed \(rng.int(1...500)) records from \(topic)-\(rng.int(0...11)) at offset \(rng.int(100_000...99_999_999))",
                "Committed offsets for group \(s.name): \(topic)-\(rng.int(0...11))=\(rng.int(100_000...99_999_999))",
                "Handled \(s.noun) event \(rng.hex(8)) in \(durationMs)ms",
            ]), fields: [("topic", topic)])
        default: break
        }
        switch s.runtime {
        case .java:
            if rng.chance(0.12) {
                let total = rng.pick([10, 20, 30])
                let active = rng.int(0...max(1, total / 3))
                return Line(.debug, "HikariPool-1 - Pool stats (total=\(total), active=\(active), idle=\(total - active), waiting=0)", logger: "com.zaxxer.hikari.pool.HikariPool")
            }
            let message = rng.chance(0.5) || status >= 300
                ? "\(method) \(path) -> \(status) (\(durationMs) ms)"
                : "\(rng.pick(["Fetched", "Created", "Updated", "Loaded"])) \(s.noun) \(rng.int(1000...999_999)) for user \(userID(using: &rng)) in \(durationMs)ms"
            return Line(level, message, fields: [("traceId", rng.hex(32)), ("spanId", rng.hex(16))], logger: "\(s.codeRoot.abbreviatedPackage).web.\(s.typeStem)Controller")
        case .go:
            return Line(level, rng.pick(["request completed", "handled request", "http request"]), fields: [
                ("method", method), ("path", path), ("status", String(status)),
                ("duration", "\(durationMs).\(rng.int(0...9))ms"), ("request_id", requestID),
            ])
        case .node:
            if rng.chance(0.5) {
                return Line(level, "\(method) \(path) \(status) \(durationMs).\(pad(rng.int(0...999), 3)) ms - \(rng.int(2...9000))")
            }
            return Line(level, "request completed", fields: [("req.method", method), ("req.url", path), ("res.statusCode", String(status)), ("responseTime", String(durationMs)), ("reqId", "req-\(rng.int(1...99999))")])
        default:
            if rng.chance(0.5) {
                return Line(level, "\(s.pods.isEmpty ? "10.0.0.1" : "10.0.\(rng.int(0...15)).\(rng.int(2...250))") - - \"\(method) \(path) HTTP/1.1\" \(status) \(rng.int(2...9000)) \"-\" \"python-requests/2.31.0\"", logger: "gunicorn.access")
            }
            return Line(level, "\"\(method) \(path) HTTP/1.1\" \(status) \(rng.int(2...9000))", logger: "django.server")
        }
    }

    /// A housekeeping line of a store or broker.
    static func storeBackground(_ s: SimulatedService, callers: [SimulatedService], using rng: inout SimulatorRandom) -> Line {
        let table = (callers.isEmpty ? s.domain : rng.pick(callers).domain).filling("-", with: "_")
        switch s.runtime {
        case .redis:
            return Line(.info, rng.pick([
                "\(rng.pick([1, 100, 10000])) changes in \(rng.pick([3600, 300, 60])) seconds. Saving...",
                "Background saving started by pid \(rng.int(20...9000))", "DB saved on disk",
                "Fork CoW for RDB: current \(rng.int(1...40)) MB, peak \(rng.int(1...40)) MB, average \(rng.int(1...20)) MB",
                "Background saving terminated with success",
            ]))
        case .postgres:
            let caller = callers.isEmpty ? nil : rng.pick(callers)
            return Line(.info, rng.pick([
                "LOG:  checkpoint starting: time",
                "LOG:  checkpoint complete: wrote \(rng.int(50...4000)) buffers (\(rng.int(0...20)).\(rng.int(0...9))%); 0 WAL file(s) added, 0 removed, \(rng.int(0...3)) recycled; write=\(rng.int(1...29)).\(pad(rng.int(0...999), 3)) s, sync=0.00\(rng.int(1...9)) s, total=\(rng.int(1...29)).\(pad(rng.int(0...999), 3)) s; sync files=\(rng.int(5...80)), longest=0.00\(rng.int(1...9)) s, average=0.001 s; distance=\(rng.int(500...20000)) kB, estimate=\(rng.int(500...20000)) kB",
                "LOG:  automatic vacuum of table \"\(table).public.\(table)\": index scans: \(rng.int(0...2))",
                "LOG:  automatic analyze of table \"\(table).public.\(table)\"",
                "LOG:  connection authorized: user=\(table) database=\(table) application_name=\(caller?.name ?? "psql")",
                "LOG:  duration: \(rng.int(200...900)).\(pad(rng.int(0...999), 3)) ms  statement: SELECT count(*) FROM \(table) WHERE created_at > now() - interval '1 day'",
            ]))
        case .mysql:
            let peer = "10.0.\(rng.int(0...15)).\(rng.int(2...250))"
            switch rng.below(3) {
            case 0: return Line(.info, "[Note] [MY-010914] [Server] Aborted connection \(rng.int(1000...99999)) to db: '\(table)' user: 'app' host: '\(peer)' (Got an error reading communication packets).")
            case 1: return Line(.warn, "[Warning] [MY-010055] [Server] IP address '\(peer)' could not be resolved: Name or service not known")
            default: return Line(.info, "[Note] [MY-011953] [InnoDB] Page cleaner took \(rng.int(4001...9000))ms to flush \(rng.int(100...2000)) and evict 0 pages")
            }
        case .kafka:
            let topic = "\(table.filling("_", with: "-")).\(rng.pick(["created", "events", "updated"]))"
            return Line(.info, rng.pick([
                "[Log partition=\(topic)-\(rng.int(0...11)), dir=/var/lib/kafka/data] Rolled new log segment at offset \(rng.int(100_000...99_999_999)) in \(rng.int(1...9)) ms. (kafka.log.LocalLog)",
                "[GroupCoordinator \(rng.int(0...2))]: Stabilized group \(callers.isEmpty ? "app" : rng.pick(callers).name) generation \(rng.int(10...400)) (__consumer_offsets-\(rng.int(0...49))) with \(rng.int(1...6)) members (kafka.coordinator.group.GroupCoordinator)",
                "[GroupMetadataManager brokerId=\(rng.int(0...2))] Removed 0 expired offsets in \(rng.int(0...3)) milliseconds. (kafka.coordinator.group.GroupMetadataManager)",
                "[ProducerStateManager partition=\(topic)-\(rng.int(0...11))] Wrote producer snapshot at offset \(rng.int(100_000...99_999_999)) with 0 producer ids in \(rng.int(1...9)) ms. (kafka.log.ProducerStateManager)",
            ]))
        case .rabbitmq:
            let conn = "<0.\(rng.int(1000...60000)).0>"
            let peer = "10.0.\(rng.int(0...15)).\(rng.int(2...250)):\(rng.int(32768...60999)) -> \(s.ip):5672"
            return Line(.info, rng.pick([
                "accepting AMQP connection \(conn) (\(peer))",
                "connection \(conn) (\(peer)): user 'app' authenticated and granted access to vhost '/'",
                "closing AMQP connection \(conn) (\(peer), vhost: '/', user: 'app')",
            ]))
        default:
            return Line(.info, "ok")
        }
    }

    /// The lines a service prints while starting.
    static func startup(_ s: SimulatedService, version: String, using rng: inout SimulatorRandom) -> [Line] {
        let app = s.typeStem + "Application"
        switch s.runtime {
        case .java:
            let seconds = "\(rng.int(6...28)).\(pad(rng.int(0...999), 3))"
            return [
                Line(.info, "Starting \(app) v\(version) using Java 17.0.\(rng.int(8...12)) with PID 1 (/app/app.jar started by app in /app)", logger: "\(s.codeRoot.abbreviatedPackage).\(app)"),
                Line(.info, "The following 1 profile is active: \"prod\"", logger: "\(s.codeRoot.abbreviatedPackage).\(app)"),
                Line(.info, "Tomcat initialized with port \(s.port) (http)", logger: "o.s.b.w.embedded.tomcat.TomcatWebServer"),
                Line(.info, "HikariPool-1 - Starting...", logger: "com.zaxxer.hikari.HikariDataSource"),
                Line(.info, "HikariPool-1 - Start completed.", logger: "com.zaxxer.hikari.HikariDataSource"),
                Line(.info, "Tomcat started on port \(s.port) (http) with context path ''", logger: "o.s.b.w.embedded.tomcat.TomcatWebServer"),
                Line(.info, "Started \(app) in \(seconds) seconds (process running for \(seconds))", logger: "\(s.codeRoot.abbreviatedPackage).\(app)"),
            ]
        case .go:
            return [
                Line(.info, "starting \(s.name)", fields: [("version", "v\(version)"), ("commit", rng.hex(7)), ("go", "go1.22.\(rng.int(1...5))")]),
                Line(.info, "connected to dependencies", fields: [("elapsed", "\(rng.int(20...900))ms")]),
                Line(.info, "listening", fields: [("addr", ":\(s.port)")]),
            ]
        case .node:
            return [
                Line(.info, "> \(s.name)@\(version) start"),
                Line(.info, "> node dist/main.js"),
                Line(.info, rng.pick(["Server listening on port \(s.port)", "Nest application successfully started", "ready - started server on 0.0.0.0:\(s.port)"])),
            ]
        case .python:
            return [
                Line(.info, "Starting gunicorn 21.2.0", logger: "gunicorn.error"),
                Line(.info, "Listening at: http://0.0.0.0:\(s.port) (1)", logger: "gunicorn.error"),
                Line(.info, "Using worker: \(rng.pick(["sync", "gthread", "uvicorn.workers.UvicornWorker"]))", logger: "gunicorn.error"),
                Line(.info, "Booting worker with pid: \(rng.int(7...40))", logger: "gunicorn.error"),
            ]
        case .redis:
            return [
                Line(.info, "Redis version=7.2.4, bits=64, commit=00000000, modified=0, pid=1, just started"),
                Line(.info, "Server initialized"),
                Line(.info, "Loading RDB produced by version 7.2.4"),
                Line(.info, "RDB age \(rng.int(30...900)) seconds"),
            ]
        case .postgres:
            return [
                Line(.info, "LOG:  starting PostgreSQL 16.2 on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit"),
                Line(.info, "LOG:  listening on IPv4 address \"0.0.0.0\", port 5432"),
                Line(.info, "LOG:  database system was interrupted; last known up at \(rng.int(10...23)):\(pad(rng.int(0...59))):\(pad(rng.int(0...59))) UTC"),
                Line(.info, "LOG:  database system was not properly shut down; automatic recovery in progress"),
            ]
        case .kafka:
            return [
                Line(.info, "Registered kafka:type=kafka.Log4jController MBean (kafka.utils.Log4jControllerRegistration$)"),
                Line(.info, "[KafkaServer id=\(rng.int(0...2))] starting (kafka.server.KafkaServer)"),
            ]
        case .rabbitmq:
            return [Line(.info, "Starting RabbitMQ 3.13.1 on Erlang 26.2.3 [jit]")]
        default:
            return []
        }
    }
}
