import CausewayAnalysis
import CausewayCore
import CausewayIngest
import Foundation
import Testing

/// The RFC 3339 time `second` seconds after 10:00 on the day the test incidents happen.
func time(_ second: Int) -> String { String(format: "2026-05-24T10:%02d:%02d.000Z", second / 60, second % 60) }

@Suite("Causal reasoning")
struct CausalReasoningTests {
    static let shop = """
        services:
          - name: web-gateway
            role: gateway
            calls: [checkout-api, catalog-api]
          - name: checkout-api
            role: api
            calls: [payments-worker, orders-db]
          - name: catalog-api
            role: api
            calls: [orders-db]
          - name: payments-worker
            role: worker
          - name: orders-db
            role: database
          - name: admin-ui
            role: frontend
            calls: [catalog-api]
        """

    @Test("a callee's OOM explains its caller's circuit breaker and the gateway's 5xx")
    func calleeOOM() throws {
        let report = try analyse(
            """
            2026-05-24T10:00:00.000Z INFO checkout-api order placed id=1
            2026-05-24T10:00:05.000Z FATAL payments-worker java.lang.OutOfMemoryError: Java heap space
            2026-05-24T10:00:06.200Z ERROR checkout-api Circuit breaker OPENED for payments-worker
            2026-05-24T10:00:07.900Z ERROR web-gateway upstream checkout-api returned 503 Service Unavailable
            """, topology: Self.shop)
        #expect(report.patientZero?.service == "payments-worker")
        #expect(report.propagationPath == ["payments-worker", "checkout-api", "web-gateway"])
        #expect(report.severity.level == "P1")
        #expect(report.detection?.seconds == 2.9)
    }

    @Test("trouble reworded during the incident (another logger prefix) is the old trouble, not a new symptom")
    func rewordedOldTrouble() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 600, by: 5) {
            lines.append("\(time(second)) INFO catalog-api served request id=\(second)")
            lines.append("\(time(second)) INFO checkout-api order placed id=\(second)")
        }
        for second in stride(from: 3, to: 600, by: 40) {
            let prefix = second < 360 ? "" : "[catalog] "
            lines.append("\(time(second)) ERROR catalog-api \(prefix)Scheduled job cleanup-expired failed: lock held by another worker")
        }
        for second in stride(from: 361, to: 600, by: 2) {
            lines.append("\(time(second)) FATAL payments-worker java.lang.OutOfMemoryError: Java heap space")
            lines.append("\(time(second + 1)) ERROR checkout-api Circuit breaker OPENED for payments-worker")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        #expect(report.patientZero?.service == "payments-worker")
        let reworded = report.background.filter { $0.service == "catalog-api" && $0.message.hasPrefix("[catalog]") }
        #expect(reworded.count == 1, "the reworded job failure is background: \(report.background.map(\.message))")
    }

    @Test("a service cut off the network is the root, not the dependency only it says it cannot reach")
    func cutOffWitness() throws {
        let topology = """
            services:
              - name: edge-gateway
                role: gateway
                calls: [storefront]
              - name: storefront
                role: frontend
                calls: [catalog-service]
              - name: catalog-service
                role: api
            """
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO edge-gateway GET /shop 200 upstream=storefront")
            // The catalog goes on serving its other clients.
            lines.append("\(time(second)) INFO catalog-service served items id=\(second)")
            if second < 180 { lines.append("\(time(second)) INFO storefront rendered page id=\(second)") }
        }
        for second in stride(from: 180, to: 300, by: 3) {
            lines.append("\(time(second)) ERROR edge-gateway upstream storefront: dial tcp 10.2.14.79:8080: connect: no route to host")
            lines.append("\(time(second + 1)) ERROR storefront Request to catalog-service failed: No route to host")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: topology)
        #expect(report.patientZero?.service == "storefront")
    }

    @Test("a caller that changed right before it could no longer reach a dependency is the root, not the dependency")
    func changedCallerIsTheRoot() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO checkout-api order placed id=\(second)")
            lines.append("\(time(second + 1)) INFO web-gateway GET /checkout 200")
        }
        lines.append("\(time(178)) INFO checkout-api configuration changed: payments.url=http://payments-workr:8080")
        for second in stride(from: 180, to: 300, by: 3) {
            lines.append("\(time(second)) ERROR checkout-api charge failed: dial tcp: lookup payments-worker on 10.96.0.10:53: no such host")
            lines.append("\(time(second + 1)) ERROR web-gateway GET /checkout 502 upstream checkout-api")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        #expect(report.patientZero?.service == "checkout-api", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal) })")
        let blamed = try #require(report.hypotheses.first { $0.service == "payments-worker" })
        #expect(blamed.reasonsAgainst.contains { $0.text.contains("right after checkout-api itself changed") }, "\(blamed.reasonsAgainst.map(\.text))")
    }

    @Test("a cache emptied at once by the service that calls it explains the misses that overload the origin below")
    func cacheFlushReachesDependencies() throws {
        let topology = """
            services:
              - name: cms-publisher
                calls: [varnish]
              - name: varnish
                role: cache
                calls: [content-api]
              - name: content-api
                role: api
                calls: [content-db]
              - name: content-db
                role: database
            """
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO varnish GET /news/\(second) 200 hit")
            lines.append("\(time(second + 1)) INFO content-api rendered article id=\(second)")
        }
        for second in stride(from: 20, to: 300, by: 40) {
            lines.append(#"\#(time(second)) INFO cms-publisher BAN sent to 3 varnish nodes: obj.http.x-url ~ "^/news/\#(second)$""#)
        }
        lines.append(#"\#(time(178)) INFO cms-publisher BAN sent to 3 varnish nodes: obj.http.x-url ~ "^/" (section=None)"#)
        for second in stride(from: 181, to: 300, by: 3) {
            lines.append("\(time(second)) ERROR varnish GET /news/\(second) 503 backend fetch failed")
            lines.append("\(time(second + 1)) ERROR content-api query failed: sorry, too many clients already")
            lines.append("\(time(second + 2)) ERROR content-db FATAL: sorry, too many clients already")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: topology)
        let flush = try #require(report.hypotheses.first { $0.service == "cms-publisher" }, "\(report.hypotheses.map(\.service))")
        #expect(flush.signal == "cache_flush")
        #expect(Set(flush.explains).isSuperset(of: ["varnish", "content-api"]), "\(flush.explains)")
        #expect(report.patientZero?.service == "cms-publisher", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal, $0.explains, $0.reasonsAgainst.map(\.text)) })")
    }

    @Test("a migration job whose DDL locks the database is the root, and the path runs from it into the database and up")
    func schemaMigrationLocksTheDatabase() throws {
        let topology = """
            services:
              - name: gateway
                role: gateway
                calls: [orders-api]
              - name: orders-api
                role: api
                calls: [orders-db]
              - name: orders-migrate
                role: worker
                calls: [orders-db]
              - name: orders-db
                role: database
            """
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO gateway GET /orders/\(second) 200")
            lines.append("\(time(second + 1)) INFO orders-api order \(second) loaded")
        }
        lines.append("\(time(170)) INFO orders-migrate Successfully validated 58 migrations")
        lines.append("\(time(171)) INFO orders-migrate Migrating schema `orders` to version \"58 - add index\" [non-transactional]")
        for second in stride(from: 172, to: 300, by: 3) {
            lines.append("\(time(second)) WARN orders-db slow query: 30.000 s, 29.900 s of it waiting for a lock, 0 rows examined: SELECT * FROM orders WHERE id = \(second)")
            lines.append("\(time(second + 1)) ERROR orders-api query failed: statement timeout on orders-db")
            lines.append("\(time(second + 2)) ERROR gateway GET /orders/\(second) 504 upstream orders-api timed out")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: topology)
        let migration = try #require(report.hypotheses.first { $0.service == "orders-migrate" }, "\(report.hypotheses.map(\.service))")
        #expect(migration.signal == "schema_migration")
        #expect(report.patientZero?.service == "orders-migrate", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal, $0.explains) })")
        #expect(report.propagationPath == ["orders-migrate", "orders-db", "orders-api", "gateway"], "\(report.propagationPath)")
    }

    @Test("a migration a service ran at its start explains no failure of the database that is not a lock or a slow query")
    func schemaMigrationExplainsOnlyLocks() throws {
        let topology = """
            services:
              - name: orders-api
                role: api
                calls: [orders-db]
              - name: orders-db
                role: database
            """
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO orders-api order \(second) loaded")
        }
        lines.append("\(time(100)) INFO orders-api Migrating schema \"public\" to version \"58 - add gift message\"")
        for second in stride(from: 200, to: 300, by: 3) {
            lines.append("\(time(second)) ERROR orders-db database is not accepting commands that assign new XIDs to avoid wraparound data loss")
            lines.append("\(time(second + 1)) ERROR orders-api insert failed: orders-db refused the command")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: topology)
        #expect(report.patientZero?.service == "orders-db", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal, $0.explains) })")
    }

    @Test("an edge proxy that names its upstreams only by address still ends the path, and is in the blast radius")
    func edgeEntryWithoutNamedUpstreams() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO edge-gateway GET /orders/\(second) 200 upstream 10.0.3.7:8080")
            lines.append("\(time(second + 1)) INFO orders-api order \(second) loaded from orders-db")
        }
        for second in stride(from: 170, to: 300, by: 3) {
            lines.append("\(time(second)) ERROR orders-db could not extend file \"base/16384/2619\": No space left on device")
            lines.append("\(time(second + 1)) ERROR orders-api query to orders-db failed: could not write: No space left on device")
            lines.append("\(time(second + 2)) ERROR edge-gateway GET /orders/\(second) 502 upstream 10.0.3.7:8080")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"))
        #expect(report.patientZero?.service == "orders-db", "\(report.hypotheses.map { ($0.service, $0.confidence) })")
        #expect(report.propagationPath == ["orders-db", "orders-api", "edge-gateway"], "\(report.propagationPath)")
        #expect(report.affectedServices.contains { $0.service == "edge-gateway" }, "\(report.affectedServices.map(\.service))")
    }

    @Test("a dependency only one caller blames, while it serves its usual traffic, carries that against it")
    func contradictedWitness() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO web-gateway GET /checkout 200")
            lines.append("\(time(second)) INFO payments-worker charged card id=\(second)")
            lines.append("\(time(second + 1)) INFO payments-worker settled batch id=\(second)")
        }
        for second in stride(from: 180, to: 300, by: 3) {
            lines.append("\(time(second)) ERROR checkout-api IllegalStateException: No instances available for payments-worker")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        let blamed = try #require(report.hypotheses.first { $0.service == "payments-worker" })
        #expect(blamed.reasonsAgainst.contains { $0.text.contains("kept serving its usual traffic") }, "\(blamed.reasonsAgainst)")
        #expect(report.patientZero?.service == "checkout-api", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal) })")
    }

    @Test("a caller's failure explains the change of mix at the service it calls")
    func callerChangesCalleeMix() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO orders-db SELECT served rows=\(second % 7)")
            // checkout-api stops writing orders when it starts failing.
            if second < 180 { lines.append("\(time(second + 1)) INFO orders-db INSERT INTO orders committed id=\(second)") }
        }
        for second in stride(from: 180, to: 300, by: 2) {
            lines.append("\(time(second)) ERROR checkout-api order validation failed: NullPointerException in OrderMapper")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        #expect(report.patientZero?.service == "checkout-api", "\(report.hypotheses.map { ($0.service, $0.confidence) })")
    }

    @Test("a change of demand travels down the calls: a gateway's failure explains a message stopping two hops below it")
    func demandTwoHopsDown() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            // checkout-api's one line says nothing of which requests it handles.
            lines.append("\(time(second)) INFO checkout-api request handled in \(10 + second % 5) ms")
            lines.append("\(time(second + 1)) INFO orders-db SELECT served rows=\(second % 7)")
            // The gateway stops sending order writes once its route table breaks.
            if second < 180 { lines.append("\(time(second + 1)) INFO orders-db INSERT INTO orders committed id=\(second)") }
        }
        for second in stride(from: 178, to: 300, by: 3) {
            lines.append("\(time(second)) ERROR web-gateway route table reload failed: NullPointerException in RouteMapper")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        #expect(report.hypotheses.contains { $0.service == "orders-db" && $0.signal == "stopped_message" })
        // The hypothesis for orders-db says what speaks against it: the change of demand from above.
        let stopped = try #require(report.hypotheses.first { $0.service == "orders-db" })
        #expect(
            stopped.reasonsAgainst.contains { $0.text.contains("web-gateway depends on orders-db (2 hops): its changed requests change what orders-db logs") },
            "\(stopped.reasonsAgainst.map(\.text))")
        #expect(report.patientZero?.service == "web-gateway", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal) })")
    }

    @Test("a silent service its caller names keeps the blame when the only other cause in sight is a mild shift below it")
    func weakCauseKeepsLittle() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            if second < 180 { lines.append("\(time(second)) INFO web-gateway GET /checkout 200") }
            lines.append("\(time(second + 1)) INFO payments-worker settled batch id=\(second)")
            // After checkout-api dies, payments-worker's mix drifts: fewer charges, a queue it now drains.
            if second < 176 || second % 6 == 0 { lines.append("\(time(second + 1)) INFO payments-worker charged card id=\(second)") }
            if second >= 176, second % 4 == 0 { lines.append("\(time(second + 1)) INFO payments-worker retry queue drained size=\(second % 9)") }
        }
        // checkout-api logs nothing at all: only the gateway says it refuses connections.
        for second in stride(from: 180, to: 300, by: 3) {
            lines.append("\(time(second)) ERROR web-gateway connect() failed (111: Connection refused) while connecting to upstream checkout-api")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        #expect(report.hypotheses.contains { $0.service == "payments-worker" && $0.signal == "behaviour_shift" })
        #expect(report.patientZero?.service == "checkout-api", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal) })")
    }

    @Test("names that stop resolving point at the resolver, not at the services named")
    func resolverFailure() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO checkout-api order placed id=\(second)")
            lines.append("\(time(second + 1)) INFO catalog-api listed products page=\(second % 7)")
            lines.append("\(time(second + 1)) INFO coredns [INFO] 10.0.0.\(second % 9):5353 - A IN orders-db.shop.svc.cluster.local. NOERROR")
        }
        lines.append("\(time(180)) FATAL coredns [FATAL] plugin/loop: Loop (127.0.0.1:43119 -> :53) detected for zone \".\"")
        lines.append("\(time(181)) ERROR coredns Back-off restarting failed container coredns")
        for second in stride(from: 182, to: 300, by: 3) {
            lines.append("\(time(second)) ERROR checkout-api dial tcp: lookup orders-db on 10.96.0.10:53: no such host")
            lines.append("\(time(second + 1)) ERROR catalog-api getaddrinfo ENOTFOUND payments-worker")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        #expect(report.patientZero?.service == "coredns", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal) })")
    }

    @Test("a database that refuses a client's statements is answering it: the client that changed is the root")
    func refusedStatements() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO web-gateway GET /products/\(second) 200")
            lines.append("\(time(second)) INFO checkout-api order placed id=\(second)")
            lines.append("\(time(second + 1)) INFO orders-db checkpoint complete: wrote \(second) buffers")
        }
        lines.append("\(time(170)) INFO catalog-api deployed version 3.14.0")
        for second in stride(from: 180, to: 300, by: 2) {
            lines.append("\(time(second)) ERROR orders-db [3\(second)] catalog_app@orders ERROR:  column p1_0.legacy_sku does not exist at character 66")
            lines.append("\(time(second)) ERROR catalog-api SQL Error: 0, SQLState: 42703 column p1_0.legacy_sku does not exist")
            lines.append("\(time(second + 1)) ERROR web-gateway upstream catalog-api returned 500 Internal Server Error")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        #expect(report.patientZero?.service == "catalog-api", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal) })")
        let database = report.affectedServices.first { $0.service == "orders-db" }
        #expect(database == nil || database!.health < .degraded, "the database answered every statement")
    }

    @Test("a pipeline's deploy line that names a service is that service's deploy, and the trigger")
    func pipelineDeploy() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO web-gateway GET /products/\(second) 200")
            lines.append("\(time(second + 1)) INFO catalog-api listed products page=\(second % 7)")
        }
        for second in stride(from: 180, to: 300, by: 2) {
            lines.append("\(time(second)) ERROR catalog-api NullPointerException in ProductController.list")
            lines.append("\(time(second + 1)) ERROR web-gateway upstream catalog-api returned 500 Internal Server Error")
        }
        let pipeline = """
            \(time(150)) ##[group]Run helm upgrade --install catalog-api ./chart -n shop --set image.tag=3.14.0
            \(time(175)) Release "catalog-api" has been upgraded. Happy Helming!
            """
        let report = try analyse(
            files: [("app.log", lines.sorted().joined(separator: "\n")), ("ci/deploy-pipeline-run-42.log", pipeline)], topology: Self.shop)
        #expect(report.patientZero?.service == "catalog-api", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal) })")
        let trigger = try #require(report.trigger)
        #expect(!trigger.needsHuman, "\(trigger.text)")
        #expect(trigger.text.contains("catalog-api") && trigger.text.contains("before the failure") && !trigger.text.contains(" 0 ms"), "\(trigger.text)")
    }

    @Test("hundreds of trouble templates past the bound: the weightiest become events and the rest are counted in the trail")
    func manyTemplates() throws {
        var lines: [String] = []
        // Words of three letters that share nothing from one message to the next, so that no two cluster.
        func word(_ n: Int) -> String {
            String(decoding: [UInt8(97 + n % 26), UInt8(97 + (n / 26) % 26), UInt8(97 + (n / 676) % 26)], as: UTF8.self)
        }
        let services = ["web-gateway", "checkout-api", "catalog-api", "payments-worker", "orders-db", "admin-ui"]
        var n = 0
        for service in services {
            for index in 0..<150 {
                let message = (0..<(3 + index % 4)).map { _ in
                    n += 1
                    return word(n * 7919)
                }.joined(separator: " ")
                lines.append("\(time(60 + index % 100)) WARN \(service) \(message)")
            }
        }
        lines.append("\(time(170)) FATAL payments-worker java.lang.OutOfMemoryError: Java heap space")
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        let events = report.graph.nodes.count { $0.kind == "event" }
        #expect(report.graph.eventsTotal <= 600 + 8, "\(report.graph.eventsTotal) events")
        #expect(events > 0)
        #expect(report.trail.contains { $0.observation.contains("lighter ones were left out") }, "\(report.trail.map(\.observation))")
        #expect(report.hypotheses.contains { $0.service == "payments-worker" })
    }

    @Test("a service whose steady message stopped, while it logs the rest, is the root its callers' trouble points at")
    func stoppedMessage() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO web-gateway GET /checkout 200")
            lines.append("\(time(second)) INFO checkout-api order placed id=\(second)")
            lines.append("\(time(second + 1)) INFO payments-worker settled batch id=\(second)")
            // The charge path now throws before it logs; the exception is handled by the caller.
            if second < 180 { lines.append("\(time(second + 1)) INFO payments-worker charged card id=\(second)") }
        }
        for second in stride(from: 181, to: 300, by: 4) {
            lines.append("\(time(second)) WARN checkout-api payment declined, retrying order id=\(second)")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        #expect(report.patientZero?.service == "payments-worker", "\(report.hypotheses.map { ($0.service, $0.confidence) })")
        #expect(report.hypotheses.first?.signal == "stopped_message")
    }

    @Test("a resolver's lines name the queries it failed, not services it calls: the resolver stays the root")
    func resolverQueries() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO checkout-api order placed id=\(second)")
            lines.append("\(time(second + 1)) INFO catalog-api listed products page=\(second % 7)")
        }
        for second in stride(from: 180, to: 300, by: 2) {
            lines.append("\(time(second)) ERROR coredns [ERROR] plugin/errors: 2 sqs.eu-west-1.amazonaws.com. AAAA: read udp 10.244.3.176:3669\(second % 10)->10.1.0.2:53: i/o timeout")
            lines.append("\(time(second + 1)) ERROR checkout-api charge failed: dial tcp: lookup payments-worker on 10.96.0.10:53: read udp 10.244.1.9:5101\(second % 10)->10.96.0.10:53: i/o timeout")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        #expect(report.patientZero?.service == "coredns", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal) })")
        #expect(!report.topology.services.contains { $0.name.rawValue.contains("sqs") }, "a query names no service")
    }

    @Test("a flag flipped at a flag service is the trigger; the service that took it in and failed is the root")
    func flagTakenIn() throws {
        let topology = Self.shop.replacingOccurrences(of: "  - name: catalog-api\n    role: api\n    calls: [orders-db]", with: "  - name: catalog-api\n    role: api\n    calls: [orders-db, flags]") + """

              - name: flags
                role: api
            """
        #expect(topology.contains("calls: [orders-db, flags]"))
        var lines: [String] = []
        for second in stride(from: 0, to: 600, by: 2) {
            lines.append("\(time(second)) INFO web-gateway GET /products 200")
            lines.append("\(time(second + 1)) INFO catalog-api listed products page=\(second % 7) source=http://flags:8080/v1/snapshot")
        }
        lines.append("\(time(100)) INFO flags flag \"checkout.badges\" updated by pm@example.com: rollout 0% -> 100%")
        lines.append("\(time(300)) INFO flags flag \"catalog.variant_stock\" updated by pm@example.com: rollout 0% -> 100%")
        lines.append("\(time(102)) INFO catalog-api flag snapshot refreshed from http://flags:8080/v1/snapshot")
        lines.append("\(time(302)) INFO catalog-api flag snapshot refreshed from http://flags:8080/v1/snapshot")
        for second in stride(from: 310, to: 600, by: 2) {
            lines.append("\(time(second)) WARN catalog-api repeated query detected: \(100 + second % 50) similar queries")
            lines.append("\(time(second + 1)) ERROR web-gateway upstream catalog-api returned 503 Service Unavailable")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: topology)
        #expect(report.patientZero?.service == "catalog-api", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal) })")
        let trigger = try #require(report.trigger)
        #expect(trigger.text.contains("10:05:02"), "the refresh just before the failure, not the first one: \(trigger.text)")
    }

    @Test("a hypothesis is told by the event that holds most of its blame, not by its most root-like kind of line")
    func representativeEvent() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 600, by: 2) {
            lines.append("\(time(second)) INFO web-gateway GET /checkout 200")
            lines.append("\(time(second + 1)) INFO checkout-api order placed id=\(second)")
            lines.append("\(time(second + 1)) INFO payments-worker settled batch id=\(second)")
        }
        for second in stride(from: 180, to: 600, by: 2) {
            lines.append("\(time(second)) ERROR checkout-api charge failed: dial tcp payments-worker:8080: connect: connection refused")
            lines.append("\(time(second + 1)) ERROR web-gateway upstream checkout-api returned 502 Bad Gateway")
        }
        // Long after the failure began, one unclassified error of the root's own.
        lines.append("\(time(560)) ERROR payments-worker reconciliation job aborted")
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        let zero = try #require(report.patientZero)
        #expect(zero.service == "payments-worker", "\(report.hypotheses.map { ($0.service, $0.confidence, $0.signal) })")
        #expect(zero.signal == "conn_refused", "\(zero.signal)")
    }

    @Test("errors that stop when the incident ends are recovery, not a stopped message")
    func stoppedErrorsAreRecovery() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 600, by: 2) {
            lines.append("\(time(second)) INFO web-gateway GET /checkout 200")
            lines.append("\(time(second + 1)) INFO payments-worker settled batch id=\(second)")
            if (200..<400).contains(second) {
                lines.append("\(time(second)) ERROR checkout-api charge failed: upstream payments-worker returned 503")
            } else {
                lines.append("\(time(second)) INFO checkout-api order placed id=\(second)")
            }
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        #expect(!report.hypotheses.contains { $0.signal == "stopped_message" && $0.service == "checkout-api" && $0.rank == 1 })
        #expect(!report.timeline.contains { $0.signal == "stopped_message" && $0.message.contains("charge failed") }, "\(report.timeline.map(\.message))")
    }

    @Test("a lock wait timeout that names the database is about the database, not the client that waited")
    func lockWaitAtTheDatabase() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO checkout-api order placed id=\(second)")
        }
        for second in stride(from: 180, to: 300, by: 3) {
            lines.append("\(time(second)) ERROR checkout-api query failed: Error 1205 (HY000): Lock wait timeout exceeded; try restarting transaction host=orders-db:3306")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        #expect(report.patientZero?.service == "orders-db", "\(report.hypotheses.map { ($0.service, $0.confidence) })")
    }

    @Test("noise a short baseline already holds several lines of is background, not the incident")
    func shortBaselineNoise() throws {
        var lines: [String] = []
        for second in stride(from: 0, to: 300, by: 2) {
            lines.append("\(time(second)) INFO checkout-api order placed id=\(second)")
            lines.append("\(time(second + 1)) WARN catalog-api cache entry stale, refreshing key=\(second)")
        }
        // The incident starts 24 s in: too early for a baseline that could tell a new template from an old one.
        for second in stride(from: 24, to: 300, by: 2) {
            lines.append("\(time(second)) FATAL payments-worker java.lang.OutOfMemoryError: Java heap space")
            lines.append("\(time(second + 1)) ERROR checkout-api Circuit breaker OPENED for payments-worker")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n"), topology: Self.shop)
        #expect(report.patientZero?.service == "payments-worker")
        #expect(report.background.contains { $0.service == "catalog-api" }, "\(report.background.map(\.message))")
    }

    @Test("a silent dependency named by every caller is found, and marked down")
    func silentRoot() throws {
        let report = try analyse(
            """
            2026-05-24T10:00:01.000Z ERROR checkout-api could not connect to orders-db:5432: connection refused
            2026-05-24T10:00:01.300Z ERROR catalog-api dial tcp orders-db:5432: connect: connection refused
            2026-05-24T10:00:02.000Z ERROR checkout-api could not connect to orders-db:5432: connection refused
            2026-05-24T10:00:03.000Z ERROR web-gateway connect() failed (111: Connection refused) while connecting to upstream checkout-api
            """, topology: Self.shop)
        #expect(report.patientZero?.service == "orders-db")
        #expect(report.affectedServices.first { $0.service == "orders-db" }?.health == .down)
        #expect(report.propagationPath.first == "orders-db")
        #expect(report.propagationPath.last == "web-gateway")
        #expect(report.hypotheses.first?.reasonsAgainst.contains { $0.text.contains("logs nothing itself") } == true)
    }

    @Test("healthy callers of affected services are at risk")
    func atRisk() throws {
        let report = try analyse(
            """
            2026-05-24T10:00:01.000Z ERROR catalog-api dial tcp orders-db:5432: connect: connection refused
            """, topology: Self.shop)
        let atRisk = Set(report.affectedServices.filter { $0.health == .atRisk }.map(\.service))
        #expect(atRisk.isSuperset(of: ["web-gateway", "admin-ui"]))
        #expect(!atRisk.contains("payments-worker"))
    }

    @Test("trouble that never reaches users is P3, not P1")
    func internalOnly() throws {
        let report = try analyse(
            "2026-05-24T10:00:05.000Z FATAL payments-worker java.lang.OutOfMemoryError: Java heap space\n", topology: Self.shop)
        #expect(report.patientZero?.service == "payments-worker")
        #expect(report.severity.level == "P3")
    }

    @Test("a deploy just before a crash is the trigger hypothesis, and rolling it back the first recommendation")
    func deployTrigger() throws {
        let report = try analyse(
            """
            2026-05-24T09:58:00.000Z INFO checkout-api Starting version v2.4.1 (rolling update)
            2026-05-24T10:00:00.000Z FATAL checkout-api panic: runtime error: invalid memory address or nil pointer dereference
            2026-05-24T10:00:01.000Z ERROR web-gateway connect() failed (111: Connection refused) while connecting to upstream checkout-api
            """, topology: Self.shop)
        #expect(report.patientZero?.service == "checkout-api")
        let trigger = try #require(report.trigger)
        #expect(!trigger.needsHuman)
        #expect(trigger.evidence.first?.line == 1)
        #expect(report.recommendations.first?.title.contains("Roll back") == true)
    }

    @Test("a job that ran for minutes and finished before the incident did not go quiet; the service that logged all along and stopped is the root")
    func finishedJobIsNotQuiet() throws {
        func stamp(_ second: Int) -> String { String(format: "2026-05-24T10:%02d:%02d.000Z", second / 60, second % 60) }
        var lines: [String] = []
        for second in stride(from: 0, to: 2400, by: 10) {
            lines.append("\(stamp(second)) INFO web-gateway GET /api/catalog 200 12ms")
            if second < 1800 { lines.append("\(stamp(second + 1)) INFO catalog-api served catalog page \(second)") }
        }
        for second in stride(from: 1200, to: 1350, by: 5) { lines.append("\(stamp(second + 2)) INFO cert-rotation renewed certificate \(second) of 30") }
        for second in stride(from: 1800, to: 2100, by: 2) {
            lines.append("\(stamp(second + 1)) ERROR web-gateway upstream catalog-api connect() failed (111: Connection refused)")
        }
        let report = try analyse(lines.sorted().joined(separator: "\n") + "\n", topology: Self.shop)
        let quiet = report.hypotheses.filter { $0.signal == "went_quiet" }.map(\.service)
        #expect(!quiet.contains("cert-rotation"), "\(report.hypotheses.map { "\($0.service) \($0.signal)" })")
        #expect(report.patientZero?.service == "catalog-api")
    }

    @Test("a broker that cuts off a slow consumer (at info level) blames the client its line names, not itself")
    func slowConsumer() throws {
        func stamp(_ second: Int) -> String { String(format: "2026/04/21 11:%02d:%02d.000000", second / 60, second % 60) }
        func iso(_ second: Int) -> String { String(format: "2026-04-21T11:%02d:%02d.000Z", second / 60, second % 60) }
        var broker: [String] = []
        var projector: [String] = []
        for second in stride(from: 0, to: 1800, by: 20) {
            broker.append("[1] \(stamp(second)) [INF] 10.12.6.\(second % 200):53367 - cid:\(8000 + second) - \"v1.31.0:go:order-relay\" - Client connection created")
            projector.append("\(iso(second + 1)) INFO inventory-projector applied stock event \(second)")
        }
        for second in stride(from: 1200, to: 1800, by: 30) {
            broker.append(
                "[1] \(stamp(second + 2)) [INF] 10.12.6.85:\(50000 + second) - cid:\(9000 + second) - \"v1.8.0:elixir:inventory-projector\" - Slow Consumer Detected: WriteDeadline of 10s exceeded with 2453 chunks of 1785784 total bytes.")
        }
        let report = try analyse(files: [("nats-0/nats-server.log", broker.joined(separator: "\n") + "\n"), ("inventory-projector.log", projector.joined(separator: "\n") + "\n")])
        let hypothesis = try #require(report.hypotheses.first { $0.service == "inventory-projector" }, "\(report.hypotheses.map { "\($0.service) \($0.signal)" })")
        #expect(hypothesis.signal == "slow_consumer")
        #expect(report.patientZero?.service == "inventory-projector")
    }

    @Test("logs without any trouble give no patient zero and P4")
    func quiet() throws {
        let report = try analyse("2026-05-24T10:00:00.000Z INFO checkout-api order placed id=1\n", topology: Self.shop)
        #expect(report.patientZero == nil)
        #expect(report.hypotheses.isEmpty)
        #expect(report.severity.level == "P4")
        #expect(report.title == "No incident found in the logs")
    }

    @Test("without a topology, co-mentions give the calls and roles order the tiers")
    func inferredTopology() throws {
        let report = try analyse(
            """
            2026-05-24T10:00:00.000Z ERROR orders-worker Redis CLUSTERDOWN The cluster is down
            2026-05-24T10:00:01.000Z ERROR orders-api call to orders-worker failed: timeout after 5000ms
            2026-05-24T10:00:02.000Z ERROR edge-gateway upstream orders-api returned 504 Gateway Timeout
            """)
        let calls = Set(report.topology.calls.map { "\($0.caller)->\($0.callee)" })
        #expect(calls.isSuperset(of: ["orders-worker->redis-cache", "orders-api->orders-worker", "edge-gateway->orders-api"]))
        #expect(report.topology.calls.allSatisfy { $0.provenance == "inferred" && $0.reason != nil })
        #expect(report.propagationPath.last == "edge-gateway")
        #expect(["redis-cache", "orders-worker"].contains(report.patientZero?.service))
    }
}

@Suite("Restarts told by files")
struct ContainerRestartTests {
    @Test("a kubelet's file per container run: runs of one container starting in the incident are restarts at that service")
    func restartsFromFiles() throws {
        #expect(LogIngestor.containerRun(ofPath: "containers/orders-worker-5f8c9d7b6-fqmmb_prod_worker-16d165c866d33ad1.log") == "containers/orders-worker-5f8c9d7b6-fqmmb_prod_worker")
        #expect(LogIngestor.containerRun(ofPath: "pods/prod_orders-worker-5f8c9d7b6-fqmmb_0d3f/worker/3.log") == "pods/prod_orders-worker-5f8c9d7b6-fqmmb_0d3f/worker")
        #expect(LogIngestor.containerRun(ofPath: "orders-worker/orders-worker-5f8c9d7b6-fqmmb.log") == nil)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-restarts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("containers"), withIntermediateDirectories: true)
        func stamp(_ second: Int) -> String { String(format: "2026-01-14T10:%02d:%02d.000Z", second / 60, second % 60) }
        func run(_ id: String, from: Int, to: Int) throws {
            let lines = stride(from: from, to: to, by: 5).map { "\(stamp($0)) stdout F {\"level\":\"info\",\"msg\":\"processed task \($0)\"}" }
            let name = "orders-worker-5f8c9d7b6-fqmmb_prod_worker-\(String(repeating: id, count: 64)).log"
            try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("containers/\(name)"), atomically: true, encoding: .utf8)
        }
        try run("a", from: 0, to: 600)
        try run("b", from: 640, to: 700)
        try run("c", from: 740, to: 800)
        var gateway: [String] = []
        for second in stride(from: 0, to: 900, by: 3) {
            let failing = second >= 610
            gateway.append("\(stamp(second)) \(failing ? "ERROR" : "INFO") edge-gateway POST /orders -> orders-worker \(failing ? "504 upstream timed out" : "200 ok")")
        }
        try (gateway.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("edge-gateway.log"), atomically: true, encoding: .utf8)

        let report = try IncidentPipeline(analyzer: try IncidentAnalyzer.bundled(), generator: "causeway test").run(.init(paths: [folder.path]))
        let restart = try #require(report.hypotheses.first { $0.service == "orders-worker" && $0.signal == "crash" }, "\(report.hypotheses.map { "\($0.service) \($0.signal)" })")
        #expect(restart.evidence.contains { $0.line == 1 && $0.file.contains("bbbb") }, "cites the first line of the next run")
        #expect(report.trail.contains { $0.observation.contains("whose containers restarted") }, "\(report.trail)")
    }
}
