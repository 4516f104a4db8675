import CausewayAnalysis
import CausewayCore
import CausewayIngest
import Foundation
import Testing

/// The merged topology of text (one file) and an optional declared topology in YAML.
func assemble(_ text: String, declared yaml: String? = nil, file: String = "app.log") throws -> TopologyAssembly {
    let declared = try yaml.map { try TopologyLoader.parse($0, source: "topology.yaml") }
    var ingestor = LogIngestor(
        rulebook: try SignalRulebook.bundled(), options: .init(knownServices: Set(declared?.services ?? [])))
    ingestor.ingest(data: Data(text.utf8), displayPath: file)
    return TopologyAssembly(log: ingestor.finish(), declared: declared)
}

extension TopologyAssembly {
    func call(_ caller: ServiceName, _ callee: ServiceName) -> Topology.Call? {
        topology.call(from: caller, to: callee)
    }

    var edges: [String] { topology.calls.map { "\($0.caller) → \($0.callee)" } }
}

@Suite("Topology inferred from logs")
struct TopologyInferenceTests {
    @Test(
        "a line's cue says who calls whom, with the line as evidence",
        arguments: [
            ("2026-05-24T11:54:10Z ERROR checkout-api POST http://payments-worker:8080/charge failed: 503", "checkout-api", "payments-worker", 0.9),
            ("2026-05-24T11:54:10Z ERROR checkout-api could not connect to postgres-orders:5432: connection refused", "checkout-api", "postgres-orders", 0.9),
            ("2026-05-24T11:54:10Z ERROR checkout-api dial tcp: lookup sessions.prod.svc.cluster.local: no such host", "checkout-api", "sessions", 0.9),
            ("2026-05-24T11:54:10Z ERROR checkout-api AnnotatedConnectException: Connection refused: payments-worker/10.0.4.7:8080", "checkout-api", "payments-worker", 0.9),
            ("2026-05-24T11:54:10Z ERROR checkout-api Error calling accounts-api: deadline exceeded", "checkout-api", "accounts-api", 0.75),
            ("2026-05-24T11:54:10Z WARN checkout-api retrying, for upstream: ledger-svc", "checkout-api", "ledger-svc", 0.75),
            ("2026-05-24T11:54:10Z ERROR checkout-api upstream fraud-check returned 503", "checkout-api", "fraud-check", 0.75),
            ("2026-05-24T11:54:10Z ERROR checkout-api Circuit breaker OPENED for payments-worker", "checkout-api", "payments-worker", 0.75),
            ("2026-05-24T11:54:10Z ERROR checkout-api connection to server at \"orders-pg\" (10.0.0.5), port 5432 failed", "checkout-api", "orders-pg", 0.75),
            ("2026-05-24T11:54:10Z WARN checkout-api Retrying in 0.4 seconds after error talking to ledger-mysql", "checkout-api", "ledger-mysql", 0.75),
            ("time=2026-05-24T11:54:10Z level=error service=checkout-api msg=\"Breaker is open\" upstream=auth0", "checkout-api", "auth0", 0.75),
            ("{\"time\":\"2026-05-24T11:54:10Z\",\"level\":\"error\",\"service\":\"checkout-api\",\"msg\":\"charge failed\",\"provider\":\"stripe\"}", "checkout-api", "stripe", 0.75),
            ("2026-05-24T11:54:10Z WARN checkout-api rate limit exceeded for client ingress-nginx", "ingress-nginx", "checkout-api", 0.4),
        ] as [(String, ServiceName, ServiceName, Double)])
    func cues(line: String, caller: ServiceName, callee: ServiceName, confidence: Double) throws {
        let assembly = try assemble(line + "\n" + line.replacingOccurrences(of: "11:54:10", with: "11:54:11"))
        if confidence < CallInferenceLimits.minimumConfidence {
            // A bare name alone is not enough for an edge.
            #expect(assembly.call(caller, callee) == nil, "\(assembly.edges)")
            return
        }
        let call = try #require(assembly.call(caller, callee), "\(assembly.edges)")
        #expect(call.provenance == .inferred)
        #expect(abs(call.confidence - confidence) < 1e-9)
        #expect(call.evidence.first == SourceLocation(file: "app.log", line: 1))
        #expect(call.reason?.contains("(app.log:1)") == true, "\(call.reason ?? "")")
    }

    @Test("a host in a company's internal zone names the one emitter its first label begins; a public host or a shared word names none")
    func internalZoneHost() throws {
        let assembly = try assemble(
            """
            2026-03-10T14:40:00Z INFO media-ingest-01 stored asset a1 in 12 ms
            2026-03-10T14:40:01Z INFO orders-ledger order 1 booked
            2026-03-10T14:40:02Z INFO orders-export order 1 exported
            2026-03-10T14:41:10Z WARN listings-api media upload failed error=HTTP status server error (500) for url (http://media.int.sellwise.net/v1/assets)
            2026-03-10T14:41:11Z WARN listings-api stock check failed for url (http://orders.int.sellwise.net/v1/stock)
            2026-03-10T14:41:12Z WARN listings-api currency feed failed for url (https://media.example.com/v1/rates)

            """)
        #expect(assembly.call("listings-api", "media-ingest") != nil)
        #expect(assembly.call("listings-api", "orders-ledger") == nil && assembly.call("listings-api", "orders-export") == nil, "two emitters begin with orders: neither is meant")
        #expect(assembly.call("listings-api", "orders") != nil, "the host's own name stands")
        #expect(!assembly.topology.services.contains("media"))
    }

    @Test("a host named for its job and kind (`egress-proxy`) is the one known service holding that job's word (`squid-egress`)")
    func distinctiveWordHost() throws {
        let assembly = try assemble(
            """
            2026-03-24T14:30:00Z INFO squid-egress CONNECT api.stripe.com:443 tunnelled
            2026-03-24T14:30:01Z INFO orders-api order 1 booked
            2026-03-24T14:30:02Z INFO orders-worker order 1 packed
            2026-03-24T14:31:08Z ERROR checkout-api proxy CONNECT to egress-proxy.internal:3128 failed: connection refused
            2026-03-24T14:31:09Z ERROR checkout-api request failed: could not connect to orders-gateway:8080
            """)
        #expect(assembly.call("checkout-api", "squid-egress") != nil, "\(assembly.topology.calls.map { "\($0.caller)->\($0.callee)" })")
        #expect(!assembly.topology.services.contains("egress-proxy"))
        #expect(assembly.call("checkout-api", "orders-gateway") != nil, "two services hold orders: the host's own name stands")
    }

    @Test("a driver's exception in the stack trace names the product its protocol comes from: the one service running a compatible one")
    func compatibleProductInStackTrace() throws {
        let assembly = try assemble(
            """
            2026-05-28T18:00:05Z INFO scylla-cluster compaction of feed.posts done in 7139ms
            2026-05-28T18:32:25Z ERROR feed-api timeline read failed op=HomeFeed viewer=4084709
            com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException: Cassandra timeout during read query at consistency LOCAL_QUORUM
            \tat com.datastax.oss.driver.internal.core.cql.CqlRequestHandler.onResponse(CqlRequestHandler.java:655)
            2026-05-28T18:32:26Z INFO feed-api served 200 in 48ms
            """)
        let call = try #require(assembly.call("feed-api", "scylla-cluster"), "\(assembly.edges)")
        #expect(call.evidence.first == SourceLocation(file: "app.log", line: 3), "the exception line is the evidence")
        #expect(assembly.roles["scylla-cluster"] == .database)
        #expect(!assembly.topology.services.contains("cassandra-database"))
    }

    @Test("Java's socket address (`host/10.0.4.7:5432`) names a known service or a server on its usual port; a cluster's own peer names none")
    func socketAddress() throws {
        let assembly = try assemble(
            """
            2026-03-11T10:06:41Z WARN zookeeper-0 Cannot open channel to 2 at election address zk-2/10.132.0.22:3888
            2026-03-11T10:06:42Z ERROR orders-api Connection refused: orders-db/10.0.4.7:5432
            2026-03-11T10:06:43Z ERROR orders-api Connection refused: orders-db/10.0.4.7:5432
            """)
        #expect(!assembly.topology.services.contains("zk"), "\(assembly.topology.services)")
        #expect(assembly.call("orders-api", "orders-db") != nil, "\(assembly.edges)")
    }

    @Test("a host field inside an object named for a dependency (`\"db\":{\"host\":…}`, `redis.host=`) is an address")
    func dependencyHostFields() throws {
        let assembly = try assemble(
            """
            {"name":"orders-api","level":50,"db":{"host":"orders-db.cluster-cq1x7.eu-west-1.rds.amazonaws.com","port":5432},"err":{"message":"Connection terminated due to connection timeout"},"msg":"failed to acquire db connection","time":"2026-03-04T14:07:27.423Z"}
            time=2026-03-04T14:07:28Z level=error service=cart-api redis.host=sessions-redis msg="cache read failed"
            {"name":"orders-api","level":30,"req":{"host":"shop.example.com"},"msg":"request completed","time":"2026-03-04T14:07:29.000Z"}
            """,
            declared: """
            services:
              - name: orders-api
                calls: [orders-db]
              - name: orders-db
            """)
        let call = try #require(assembly.call("orders-api", "orders-db"), "\(assembly.edges)")
        #expect(call.provenance == .declared)
        #expect(assembly.call("cart-api", "sessions-redis") != nil, "\(assembly.edges)")
        #expect(assembly.roles["sessions-redis"] == .cache)
        #expect(!assembly.topology.services.contains("shop"), "a request's host is not a dependency")
    }

    @Test("a service named for its product, named in a client's line as that product, is a dependency at the product word's weight")
    func productNamedService() throws {
        let assembly = try assemble(
            """
            time=2026-03-11T13:51:48Z level=warn service=cassandra msg="Writing large partition timeline/user_feed:8812231 (1.124GiB)"
            time=2026-03-11T13:53:12Z level=warn service=timeline-api msg="Read of user_feed failed: Cassandra timeout during read query"
            time=2026-03-11T13:53:13Z level=info service=timeline-api msg="served 200 in 48ms"
            """)
        let call = try #require(assembly.call("timeline-api", "cassandra"), "\(assembly.edges)")
        #expect(call.confidence >= 0.5, "drawn on one line: a product word weighs more than a bare name")
        #expect(!assembly.topology.services.contains("cassandra-database"))
    }

    @Test("a managed data store's endpoint, written without a port, names the server it stands for")
    func managedEndpointHost() throws {
        let assembly = try assemble(
            """
            2026-06-23T13:40:12Z INFO psql-orders-prod checkpoint starting: time
            2026-06-23T14:12:38Z ERROR orders-api postgresql call to psql-orders-prod.postgres.database.azure.com | orders: INSERT orders result 2200H
            2026-06-23T14:12:39Z ERROR orders-api query on billing-db.c9xk2lq.eu-west-1.rds.amazonaws.com failed: too many connections
            2026-06-23T14:12:40Z INFO orders-api fetched https://docs.example.com/help in 12ms
            """)
        #expect(assembly.call("orders-api", "psql-orders-prod") != nil, "\(assembly.edges)")
        #expect(assembly.call("orders-api", "billing-db") != nil, "\(assembly.edges)")
        #expect(assembly.roles["billing-db"] == .database)
        #expect(!assembly.topology.services.contains("postgres-database"), "\(assembly.topology.services)")
        #expect(!assembly.topology.services.contains("docs"))
    }

    @Test("the one database no product word names is the database product its clients name; a second unnamed database leaves it unnamed")
    func soleStore() throws {
        let lines = """
            time=2025-02-18T10:01:40Z level=warn service=orders-db msg="database \\"orders\\" must be vacuumed within 1000000 transactions"
            time=2025-02-18T10:01:56Z level=error service=order-service msg="org.postgresql.util.PSQLException: ERROR: database is not accepting commands"
            time=2025-02-18T10:01:57Z level=error service=notify-api msg="Twilio returned 503 for message create"
            """
        let one = try assemble(lines)
        #expect(one.call("order-service", "orders-db") != nil, "\(one.edges)")
        #expect(!one.topology.services.contains("postgres-database"))
        #expect(one.call("notify-api", "twilio") != nil, "a third party goes by its own name: \(one.edges)")
        let two = try assemble(lines + "\ntime=2025-02-18T10:01:58Z level=info service=billing-db msg=\"checkpoint complete\"")
        #expect(two.call("order-service", "orders-db") == nil, "\(two.edges)")
        #expect(two.topology.services.contains("postgres-database"))
    }

    @Test("a product word names no compatible service when two could answer")
    func compatibleProductAmbiguous() throws {
        let assembly = try assemble(
            """
            2026-05-28T18:00:05Z INFO sessions-keydb ready to accept connections
            2026-05-28T18:00:06Z INFO cart-dragonfly ready to accept connections
            2026-05-28T18:32:25Z ERROR checkout-api Redis command timed out after 2s
            """)
        #expect(assembly.call("checkout-api", "sessions-keydb") == nil, "\(assembly.edges)")
        #expect(assembly.call("checkout-api", "cart-dragonfly") == nil)
    }

    @Test("client vocabulary names a database, a cache and a queue, with their roles")
    func vocabulary() throws {
        let assembly = try assemble(
            """
            2026-05-24T11:54:10Z ERROR orders-api org.postgresql.util.PSQLException: FATAL: too many connections
            2026-05-24T11:54:11Z ERROR orders-api Failed to acquire lock - Redis CLUSTERDOWN The cluster is down
            2026-05-24T11:54:12Z ERROR orders-api KafkaProducer send failed: org.apache.kafka.common.errors.TimeoutException
            """)
        #expect(assembly.roles["postgres-database"] == .database, "\(assembly.topology.services)")
        #expect(assembly.roles["redis-cache"] == .cache)
        #expect(assembly.roles["kafka-queue"] == .queue)
        #expect(assembly.vocabularyServices == ["kafka-queue", "postgres-database", "redis-cache"])
        for callee: ServiceName in ["postgres-database", "redis-cache", "kafka-queue"] {
            let call = try #require(assembly.call("orders-api", callee), "\(assembly.edges)")
            #expect(call.confidence == MentionCue.technology.confidence)
        }
    }

    @Test("a technology word stands for the service the emitter reaches at an address")
    func vocabularyResolvesToAddress() throws {
        let assembly = try assemble(
            """
            2026-05-24T11:54:10Z INFO orders-api connected to sessions-redis:6379
            2026-05-24T11:54:11Z ERROR orders-api Redis command timed out
            """)
        #expect(assembly.vocabularyServices.isEmpty, "\(assembly.topology.services)")
        #expect(assembly.roles["sessions-redis"] == .cache)
        #expect(assembly.edges == ["orders-api → sessions-redis"])
    }

    @Test("a technology word is the emitter's declared callee in its role, and a store naming its own software names nobody")
    func vocabularyAndDeclaration() throws {
        let assembly = try assemble(
            """
            2026-05-24T11:54:10Z ERROR inventory-db [ERROR] mariadb: WSREP: failed to reach primary view
            2026-05-24T11:54:11Z ERROR inventory-api SQLNonTransientConnectionException at org.mariadb.jdbc.Connection
            2026-05-24T11:54:12Z ERROR inventory-db [ERROR] mariadb: WSREP: failed to reach primary view
            2026-05-24T11:54:13Z ERROR inventory-api SQLNonTransientConnectionException at org.mariadb.jdbc.Connection
            """,
            declared: """
                services:
                  - name: inventory-api
                    role: api
                    calls: [inventory-db]
                  - name: inventory-db
                    role: database
                """)
        #expect(assembly.vocabularyServices.isEmpty, "\(assembly.topology.services)")
        #expect(assembly.edges == ["inventory-api → inventory-db"], "\(assembly.edges)")
    }

    @Test("independent templates add up: 1 − Π(1 − c), and the evidence lists each")
    func confidenceAddsUp() throws {
        let assembly = try assemble(
            """
            2026-05-24T11:54:10Z INFO billing-api started
            2026-05-24T11:54:10Z INFO ledger-api started
            2026-05-24T11:54:11Z WARN billing-api slow answer, ledger-api took 900ms
            2026-05-24T11:54:12Z WARN billing-api cache miss for ledger-api totals
            """)
        let call = try #require(assembly.call("billing-api", "ledger-api"), "\(assembly.edges)")
        #expect(abs(call.confidence - (1 - 0.6 * 0.6)) < 1e-9)
        #expect(call.evidence.map(\.line) == [3, 4])
    }

    @Test("roles come from names and vocabulary; a name says more than a word")
    func roles() throws {
        let assembly = try assemble(
            """
            2026-05-24T11:54:10Z ERROR api-gateway upstream checkout-api returned 502
            2026-05-24T11:54:11Z ERROR checkout-api could not connect to orders-db:5432
            """)
        #expect(assembly.roles["api-gateway"] == .gateway)
        #expect(assembly.roles["orders-db"] == .database)
        #expect(RoleInference.role(forName: "paypal-api") == .external, "a vendor's API is a third party")
        #expect(RoleInference.role(forName: "stripe-webhook-consumer") == .consumer)
        #expect(assembly.roleSources["orders-db"] == .name)
        #expect(assembly.edges == ["api-gateway → checkout-api", "checkout-api → orders-db"])
    }

    @Test("an ingress upstream names a silent service once the input shows its namespace")
    func ingressNamespace() throws {
        let access = { (status: Int, upstream: String) in
            #"2026-05-24T11:54:1\#(status % 10)Z INFO ingress-nginx 10.0.0.1 - - [24/May/2026:11:54:10 +0000] "GET /v1/x HTTP/1.1" \#(status) 12 "-" "curl/8.5" 100 0.004 [\#(upstream)] [] 10.1.0.5:8080 12 0.004 \#(status) 4f2a"#
        }
        let assembly = try assemble(
            [
                access(200, "production-orders-api-8080"), "2026-05-24T11:54:11Z INFO orders-api order placed",
                access(502, "production-billing-svc-8000"), access(503, "production-billing-svc-8000"),
            ].joined(separator: "\n"))
        #expect(assembly.edges == ["ingress-nginx → billing-svc", "ingress-nginx → orders-api"], "\(assembly.edges)")
        // Without a namespace to go by, an unknown upstream names nobody.
        let unknown = try assemble(access(502, "production-billing-svc-8000"))
        #expect(unknown.edges.isEmpty, "\(unknown.edges)")
    }

    @Test("Kubernetes pods, deployments and events map to the same service")
    func kubernetesNames() throws {
        let events = #"""
            {"apiVersion": "v1", "kind": "List", "items": [
              {"involvedObject": {"kind": "Pod", "name": "payments-worker-7d9f8c6b5-x2x4q", "namespace": "prod"}, "reason": "BackOff", "message": "Back-off restarting failed container worker", "type": "Warning", "lastTimestamp": "2026-05-24T11:54:12Z", "count": 3},
              {"involvedObject": {"kind": "Deployment", "name": "payments-worker", "namespace": "prod"}, "reason": "ScalingReplicaSet", "message": "Scaled up replica set payments-worker-7d9f8c6b5 to 3", "type": "Normal", "lastTimestamp": "2026-05-24T11:50:00Z"},
              {"involvedObject": {"kind": "Node", "name": "ip-10-0-1-23"}, "reason": "OOMKilling", "message": "Memory cgroup out of memory: Killed process 4242 (payments-worker)", "type": "Warning", "lastTimestamp": "2026-05-24T11:54:10Z"}
            ]}
            """#
        var ingestor = LogIngestor(rulebook: try SignalRulebook.bundled())
        ingestor.ingest(
            data: Data(
                """
                [pod/payments-worker-7d9f8c6b5-x2x4q/worker] 2026-05-24T11:54:10Z ERROR Out of memory: killing process
                [pod/checkout-api-6b8f9c7d54-kq2zn/api] 2026-05-24T11:54:11Z ERROR POST http://payments-worker.prod.svc.cluster.local:8080/charge failed
                """.utf8), displayPath: "pods.log")
        ingestor.ingest(data: Data(events.utf8), displayPath: "events.json")
        let assembly = TopologyAssembly(log: ingestor.finish(), declared: nil)
        #expect(assembly.topology.services == ["checkout-api", "payments-worker"], "\(assembly.topology.services)")
        #expect(assembly.edges == ["checkout-api → payments-worker"])
    }
}

@Suite("Topology from three sources")
struct TopologyMergeTests {
    static let declared = """
        services:
          - name: api-gateway
            role: gateway
            calls: [checkout-api]
          - name: checkout-api
            calls: [payments-worker]
          - name: payments-worker
        """

    @Test("a declared topology is the truth about its services: no edge is inferred between them")
    func declarationWins() throws {
        let assembly = try assemble(
            """
            2026-05-24T11:54:10Z ERROR checkout-api Error calling payments-worker: 503
            2026-05-24T11:54:11Z WARN payments-worker slow answer to api-gateway
            2026-05-24T11:54:12Z WARN payments-worker slow answer to api-gateway again
            """, declared: Self.declared)
        #expect(assembly.edges == ["api-gateway → checkout-api", "checkout-api → payments-worker"])
        #expect(assembly.topology.calls.allSatisfy { $0.provenance == .declared })
        #expect(assembly.conflicts.isEmpty)
    }

    @Test("an address between two declared services that the declaration lacks is a conflict")
    func addressConflict() throws {
        let assembly = try assemble(
            """
            2026-05-24T11:54:10Z ERROR api-gateway GET http://payments-worker:8080/status failed
            """, declared: Self.declared)
        let conflict = try #require(assembly.conflicts.first)
        #expect(conflict.kind == .undeclaredCall)
        #expect(conflict.caller == "api-gateway" && conflict.callee == "payments-worker")
        #expect(conflict.seenBy == .inferred)
        #expect(conflict.detail.contains("add it under api-gateway's `calls`"))
        #expect(conflict.evidence == [SourceLocation(file: "app.log", line: 1)])
    }

    @Test("a traced call that only reverses a declared edge is a conflict, not a second edge the other way")
    func reversedTraceLeftOut() throws {
        let declared = try TopologyLoader.parse(Self.declared, source: "topology.yaml")
        let zipkin = #"""
            [{"traceId": "a3ce929d0e0e4736", "id": "4bf92f3577b34da6", "kind": "SERVER", "name": "get /settle", "timestamp": 1779623650000000,
              "duration": 180000, "localEndpoint": {"serviceName": "payments-worker", "ipv4": "10.0.1.12"}, "tags": {"http.status_code": "200"}},
             {"traceId": "a3ce929d0e0e4736", "id": "4bf92f3577b35eb7", "kind": "CLIENT", "name": "post", "timestamp": 1779623650005000,
              "duration": 165000, "localEndpoint": {"serviceName": "payments-worker", "ipv4": "10.0.1.12"}, "tags": {"http.status_code": "200"},
              "parentId": "4bf92f3577b34da6"},
             {"traceId": "a3ce929d0e0e4736", "id": "4bf92f3577b35eb7", "kind": "SERVER", "name": "post /api/orders", "timestamp": 1779623650008000,
              "duration": 157000, "localEndpoint": {"serviceName": "checkout-api", "ipv4": "10.0.2.7"}, "tags": {"http.status_code": "200"},
              "parentId": "4bf92f3577b34da6", "shared": true}]
            """#
        var ingestor = LogIngestor(rulebook: try SignalRulebook.bundled(), options: .init(knownServices: Set(declared.services)))
        ingestor.ingest(data: Data(zipkin.utf8), displayPath: "zipkin-traces.json")
        let log = ingestor.finish()
        #expect(log.tracedCalls.contains { $0.caller == "payments-worker" && $0.callee == "checkout-api" })
        let assembly = TopologyAssembly(log: log, declared: declared)
        #expect(assembly.call("payments-worker", "checkout-api") == nil, "\(assembly.edges)")
        #expect(assembly.call("checkout-api", "payments-worker")?.provenance == .declared)
        #expect(assembly.conflicts.contains { $0.kind == .reversed && $0.caller == "payments-worker" })
    }

    @Test("traces that run against a declared edge are a conflict; those that confirm it corroborate it")
    func tracedConflicts() throws {
        var topology = try TopologyLoader.parse(Self.declared, source: "topology.yaml")
        let traffic = Topology.Traffic(calls: 12, errors: 0, firstSeen: nil, lastSeen: nil)
        let observed = [
            Topology.Call(caller: "payments-worker", callee: "checkout-api", provenance: .traced, evidence: [SourceLocation(file: "t.json", line: 9)], traffic: traffic),
            Topology.Call(caller: "api-gateway", callee: "checkout-api", provenance: .traced, traffic: traffic),
            Topology.Call(caller: "checkout-api", callee: "fraud-check", provenance: .traced, traffic: traffic),
        ]
        let conflicts = Topology.conflicts(declared: topology, observed: observed)
        // (api-gateway → checkout-api is confirmed; checkout-api → payments-worker is never traced, although
        // checkout-api makes 12 traced calls: too few to call the declaration stale.)
        #expect(conflicts.map(\.kind) == [.reversed, .undeclaredService])
        #expect(conflicts[0].detail.contains("declares checkout-api → payments-worker"))
        #expect(conflicts[0].evidence == [SourceLocation(file: "t.json", line: 9)])
        #expect(conflicts[1].detail.contains("does not list fraud-check"))
        for call in observed { topology.merge(call) }
        let confirmed = try #require(topology.call(from: "api-gateway", to: "checkout-api"))
        #expect(confirmed.provenance == .declared && confirmed.corroboratedBy == [.traced] && confirmed.traffic?.calls == 12)
    }

    @Test("a declared call that busy traces never show is unobserved")
    func unobserved() throws {
        let topology = try TopologyLoader.parse(Self.declared, source: "topology.yaml")
        let busy = Topology.Traffic(calls: Topology.unobservedMinimumCalls, errors: 0, firstSeen: nil, lastSeen: nil)
        let observed = [
            Topology.Call(caller: "checkout-api", callee: "fraud-check", provenance: .traced, traffic: busy),
            Topology.Call(caller: "api-gateway", callee: "payments-worker", provenance: .traced, traffic: busy),
        ]
        let conflicts = Topology.conflicts(declared: topology, observed: observed)
        let unobserved = try #require(conflicts.first { $0.kind == .unobserved && $0.caller == "checkout-api" }, "\(conflicts)")
        #expect(unobserved.caller == "checkout-api" && unobserved.callee == "payments-worker")
        #expect(unobserved.detail.contains("remove the call if checkout-api no longer makes it"))
        // api-gateway → checkout-api: checkout-api is in the traces, api-gateway is busy elsewhere.
        #expect(conflicts.contains { $0.kind == .unobserved && $0.caller == "api-gateway" && $0.callee == "checkout-api" })
    }

    @Test("traced edges join the merged map with their traffic, beside the inferred ones")
    func tracedAndInferred() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CausewayIngestTests/Fixtures/traces/zipkin-traces.json")
        var ingestor = LogIngestor(rulebook: try SignalRulebook.bundled())
        ingestor.ingest(data: Data("2026-05-24T11:54:10Z ERROR payments-worker could not connect to ledger-db:5432\n".utf8), displayPath: "app.log")
        ingestor.ingest(fileAt: url.path, displayPath: "zipkin-traces.json")
        let assembly = TopologyAssembly(log: ingestor.finish(), declared: nil)
        let summary = assembly.summary(source: "none")
        #expect(summary.callsByProvenance == ["traced": 3, "inferred": 1], "\(summary.calls.map { "\($0.caller)→\($0.callee) \($0.provenance)" })")
        let traced = try #require(summary.calls.first { $0.caller == "web-frontend" })
        #expect(traced.traffic?.calls == 3 && traced.provenance == "traced")
        let inferred = try #require(summary.calls.first { $0.callee == "ledger-db" })
        #expect(inferred.provenance == "inferred" && inferred.evidence?.first?.file == "app.log")
    }
}

/// Mirrors `CallInference.minimumConfidence` (internal): the least confidence an inferred edge is drawn at.
enum CallInferenceLimits {
    static let minimumConfidence = 0.5
}
