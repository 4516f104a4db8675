import CausewayCore
@testable import CausewayIngest
import Testing

@Suite("Signals, mentions and templates")
struct SignalAndMentionTests {
    let rulebook: SignalRulebook

    init() throws {
        rulebook = try SignalRulebook.bundled()
    }

    @Test(
        "classifies common failure lines",
        arguments: [
            ("out of memory: killed process 4242 (java)", "oom"),
            ("java.lang.outofmemoryerror: java heap space", "oom"),
            ("circuit breaker opened for upstream: payments-worker", "circuit_open"),
            ("upstream fashion-aura-api 5xx rate 38% over last 1m", "http_5xx"),
            ("hikaripool-1 - connection is not available, request timed out after 30000ms", "pool_exhausted"),
            ("failed to acquire order lock - redis clusterdown", "cluster_down"),
            ("dial tcp 10.0.0.7:5432: connect: connection refused", "conn_refused"),
            ("context deadline exceeded", "timeout"),
            ("back-off restarting failed container", "crash"),
            ("squid cache (version 6.6): terminated abnormally.", "crash"),
            ("no space left on device", "disk_full"),
            ("x509: certificate has expired or is not yet valid", "tls_error"),
            ("purge.tasks.ban_section: ban sent to 3 varnish nodes: obj.http.x-url ~ \"^/\" (section=none)", "cache_flush"),
            ("executed flushall on sessions-redis", "cache_flush"),
            ("[info] plugin/reload: running configuration sha512 = 9c3f1e0b7d25a4c8", "config_change"),
            ("[note] [my-011953] [innodb] page cleaner took 5567ms to flush 287 and evict 0 pages", "io_stall"),
            ("sd 2:0:0:3: [sdd] tag#17 timing out command, waited 180s", "io_stall"),
            ("\"v1.8.0:elixir:inventory-projector\" - slow consumer detected: writedeadline of 10s exceeded", "slow_consumer"),
            ("failed to connect to `host=payments-db user=app`: server error (fatal: password authentication failed for user app (sqlstate 28p01))", "credentials_rejected"),
            ("an error occurred (invalidaccesskeyid) when calling the putobject operation", "credentials_rejected"),
            ("query failed: failed to acquire connection: context deadline exceeded", "pool_exhausted"),
        ])
    func classifies(line: String, expected: String) {
        #expect(rulebook.signals(in: line, level: .error).first?.rawValue == expected)
    }

    @Test("templates: two known services facing each other keep two templates; a blob longer than any name is never one")
    func clustererNames() {
        let clusterer = TemplateClusterer(knownServices: ["orders-api", "billing-api"])
        #expect(TemplateClusterer.trimmed("(orders-api):") == "orders-api")
        #expect(TemplateClusterer.trimmed(Substring(String(repeating: "{\\\"a\\\":1}", count: 40))) == "")
        #expect(clusterer.similarity(["call", "to", "orders-api", "failed"], ["call", "to", "billing-api", "failed"]) == -1)
        #expect(clusterer.similarity(["call", "to", "<*>", "failed"], ["call", "to", "billing-api", "failed"]) == 0.875)
        let keys = (0..<1000).map { (index: $0, text: "blob \(String($0, radix: 7)) end", dependencies: Set<ServiceName>()) }
        #expect(clusterer.cluster(keys).reduce(0) { $0 + $1.members.count } == 1000, "every key in a cluster, however many shapes repeat")
        // A key beyond the comparison window that spells an earlier cluster's pattern joins it: one pattern, one template.
        var spread = (0..<300).map { (index: $0, text: "GET w\($0)a w\($0)b", dependencies: Set<ServiceName>()) }
        spread.append((index: 300, text: "GET w0a w0b", dependencies: []))
        let clusters = clusterer.cluster(spread)
        #expect(clusters.count == 300)
        #expect(clusters.first?.members == [0, 300])
    }

    @Test("a Kubernetes audit log's writes are changes to the object's service; reads and controllers' routine writes are not")
    func auditWrites() {
        #expect(rulebook.signals(in: "patch /apis/networking.k8s.io/v1/namespaces/payments/networkpolicies/payments-ingress?fieldManager=argocd 200", level: .info) == ["object_change"])
        #expect(rulebook.signals(in: "get /apis/networking.k8s.io/v1/namespaces/payments/networkpolicies/payments-ingress 200", level: .info).isEmpty)
        #expect(rulebook.signals(in: "update /apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-scheduler 200", level: .info).isEmpty)
        #expect(rulebook.signals(in: "patch /api/v1/namespaces/shop/pods/web-7d9f8-x2x1q/status 200", level: .info).isEmpty)
    }

    @Test(
        "a migration tool's run is a schema migration; a schema with nothing to apply, or a Redis slot migrating, is not",
        arguments: [
            ("migrating schema `orders` to version \"58 - add index orders created at\" [non-transactional]", true),
            ("changeset db/changelog/058-add-index.yaml::58::ops ran successfully in 24210ms", true),
            ("info  [alembic.runtime.migration] running upgrade 1a2b3c -> 4d5e6f, add index on orders", true),
            ("== 20260226033814 addindextoorders: migrating ======================================", true),
            ("applying migration '20260226033814_addindextoorders'.", true),
            ("schema `orders` is up to date. no migration necessary.", false),
            ("cluster setslot 5461 migrating 07c37dfeb235213a872192d90877d0cd55635b91", false),
        ])
    func schemaMigration(line: String, isMigration: Bool) {
        #expect(rulebook.signals(in: line, level: .info).contains("schema_migration") == isMigration, "\(rulebook.signals(in: line, level: .info))")
    }

    @Test("a ban of one page is routine, not a cache emptied")
    func narrowBan() {
        #expect(rulebook.signals(in: "ban sent to 3 varnish nodes: obj.http.x-url ~ \"^/politics/2025/05/12/housing-vote$\"", level: .info).isEmpty)
    }

    @Test("a veto word stops a match, and levels below a rule's minimum do not match")
    func vetoAndLevel() {
        #expect(rulebook.signals(in: "client configured with timeout=30s", level: .error).contains("timeout") == false)
        #expect(rulebook.signals(in: "request timed out", level: .info).contains("timeout") == false)
        #expect(rulebook.signals(in: "oomkilled", level: .info).contains("oom"))
    }

    @Test("a telemetry exporter's failures are benign, whatever else they say")
    func telemetryIsBenign() {
        let line = "Failed to export metrics to statsd-exporter.monitoring:9125: connection refused"
        #expect(rulebook.signals(in: line, level: .error) == ["telemetry_export"])
        #expect(rulebook.signals(in: "failed to export spans: rpc error: code = Unavailable", level: .error) == ["telemetry_export"])
        #expect(rulebook.signals(in: "dial tcp 10.0.0.7:5432: connect: connection refused", level: .error) == ["conn_refused"])
    }

    @Test("ASP.NET Core's per-request unhandled exception is a failed request, not a crash")
    func requestExceptionIsNoCrash() {
        let request = rulebook.signals(in: "An unhandled exception has occurred while executing the request.", level: .error)
        #expect(!request.contains("crash"), "\(request)")
        #expect(rulebook.signals(in: "Unhandled exception. System.InvalidOperationException: boom", level: .critical).contains("crash"))
    }

    @Test("a deprecation notice is benign, even when the setting it names is a timeout or a connection")
    func deprecationIsBenign() {
        let line = "Deprecated configuration key 'inventory.client.timeout' is used; use 'inventory.http.read-timeout' instead."
        #expect(rulebook.signals(in: line, level: .error) == ["deprecation"])
        #expect(rulebook.signals(in: "(node:1) [DEP0005] DeprecationWarning: Buffer() is deprecated due to security and usability issues.", level: .warning) == ["deprecation"])
        #expect(rulebook.signals(in: "Read timed out calling inventory:8080", level: .error) == ["timeout"])
    }

    @Test("finds named services and the technologies that stand for dependencies")
    func mentions() {
        let extractor = MentionExtractor(knownServices: ["payments-worker", "api-gateway"], vocabulary: rulebook.vocabulary)
        let found = extractor.mentions(
            in: "POST http://payments-worker:8080/charge failed; RedisConnectionException; org.postgresql.util.PSQLException",
            emitter: "api-gateway")
        #expect(found.contains(.service("payments-worker")))
        #expect(found.contains(.technology("redis", .cache, generic: false)))
        #expect(found.contains(.technology("postgres", .database, generic: false)))
        #expect(!found.contains(.service("api-gateway")), "the emitter does not mention itself")
        #expect(extractor.mentions(in: "striped lock stripes", emitter: nil).isEmpty, "a word inside another word is not a mention")
    }

    @Test("a program's own module, named after the program, is no service it calls; an application's snake-case dependency is")
    func ownModules() {
        let extractor = MentionExtractor(knownServices: ["rabbitmq", "orders-api"], vocabulary: rulebook.vocabulary)
        let module = extractor.mentions(
            in: "Peer discovery backend rabbit_peer_discovery_k8s does not support registration, skipping unregistration.", emitter: "rabbitmq")
        func services(_ targets: [MentionTarget]) -> [String] {
            targets.compactMap { if case .service(let name) = $0 { name.rawValue } else { nil } }
        }
        #expect(!services(module).contains { $0.hasPrefix("rabbit") }, "\(module)")
        let dependency = extractor.mentions(in: "query to backend orders_ledger failed", emitter: "orders-api")
        #expect(services(dependency).contains { $0.hasPrefix("orders") && $0.hasSuffix("ledger") }, "\(dependency)")
    }

    @Test("Istio's cluster name for mutual TLS names the service after its direction, port and subset")
    func istioClusterName() {
        let extractor = MentionExtractor(knownServices: [], vocabulary: rulebook.vocabulary)
        let named = extractor.mentions(
            in: "upstream connect error: TLS_error WRONG_VERSION_NUMBER outbound_.8080_._.ledger-svc.ledger.svc.cluster.local", emitter: "wallet-api"
        ).compactMap { if case .service(let name) = $0 { name.rawValue } else { nil } }
        #expect(named == ["ledger-svc"], "\(named)")
    }

    @Test("a public host spelled with a known service's words is that service")
    func hostSpellingAKnownService() {
        let extractor = MentionExtractor(knownServices: ["taxwise-api", "tax-service"], vocabulary: rulebook.vocabulary)
        let found = extractor.cuedMentions(
            in: "quote failed: x509: certificate has expired", emitter: "tax-service",
            raw: "level=error msg=\"quote failed\" provider=api.taxwise.io")
        #expect(found.contains { $0.target == .service("taxwise-api") }, "\(found)")
        #expect(!found.contains { $0.target == .service("api.taxwise.io") })
    }

    @Test("Consul names and gRPC resolver targets name services; a gRPC server's peer is its client")
    func consulAndGRPC() {
        let extractor = MentionExtractor(knownServices: ["pricing", "cart"], vocabulary: rulebook.vocabulary)
        let target = extractor.cuedMentions(
            in: "tax quote attempt 3/4 failed: rpc error: code = DeadlineExceeded (target=dns:///tax-calc.service.consul:9090)",
            emitter: "pricing", raw: nil)
        #expect(target.contains { $0.target == .service("tax-calc") && $0.cue == .address }, "\(target)")
        let peer = extractor.mentions(in: "grpc method=/pricing.v1.Pricing/PriceCart peer=cart code=DeadlineExceeded", emitter: "pricing")
        #expect(peer.contains(.caller("cart")) && !peer.contains(.service("cart")), "\(peer)")
        #expect(ServiceName.normalized("tax-calc.service.dc1.consul") == "tax-calc")
    }

    @Test("a proxy's upstream name (namespace, service, port) names the service behind it")
    func upstreamNames() {
        let extractor = MentionExtractor(knownServices: ["checkout-service", "ingress-nginx"], vocabulary: rulebook.vocabulary)
        let line = #"10.0.0.7 - - "POST /api/checkout HTTP/1.1" 502 157 [apps-checkout-service-8080] 10.1.2.3:8080 0.001"#
        #expect(extractor.mentions(in: line, emitter: "ingress-nginx").contains(.service("checkout-service")))
        #expect(extractor.mentions(in: "[checkout-service-8080] upstream reset", emitter: "ingress-nginx").contains(.service("checkout-service")))
        #expect(extractor.mentions(in: "[apps-billing-8080] 502", emitter: "ingress-nginx").isEmpty, "an unknown service stays unnamed")
        // Envoy's cluster names joined by `_` (service, namespace, port).
        let envoy = #"PUT /api/v2/products/7 503 upstream checkout-service_apps_8080 flags -"#
        #expect(extractor.mentions(in: envoy, emitter: "ingress-nginx").contains(.service("checkout-service")), "\(extractor.mentions(in: envoy, emitter: "ingress-nginx"))")
        #expect(!extractor.mentions(in: "GET / 503 upstream billing_apps_8080", emitter: "ingress-nginx").contains(.service("checkout-service")))
    }

    @Test("a cluster address nobody declared, from a caller with one declared dependency, is that dependency")
    func serviceObjectNamedForWhatItServes() {
        var extractor = MentionExtractor(knownServices: ["product-admin", "opensearch", "web", "cart", "orders"], vocabulary: rulebook.vocabulary)
        for (caller, callee) in [("product-admin", "opensearch"), ("web", "cart"), ("web", "orders")] as [(ServiceName, ServiceName)] {
            extractor.declared.merge(Topology.Call(caller: caller, callee: callee, provenance: .declared))
        }
        let line = #"index failed: 429 host=https://catalog-search.search.svc:9200"#
        #expect(extractor.mentions(in: line, emitter: "product-admin") == [.service("opensearch")])
        #expect(extractor.mentions(in: line, emitter: "web") == [.service("catalog-search")], "two dependencies: no guess")
        #expect(!extractor.mentions(in: "charge failed host=https://api.stripe.com", emitter: "product-admin").contains(.service("opensearch")), "a public address is not the dependency")
    }

    @Test("lines that name different dependencies stay in different templates, each about its dependency")
    func templatesAboutOneDependency() throws {
        let log = try ingest(
            """
            2026-05-01T10:00:01.000Z ERROR edge-gateway upstream error: GET http://checkout-api.apps.svc.cluster.local:3000/v1/a1 returned 503
            2026-05-01T10:00:02.000Z ERROR edge-gateway upstream error: GET http://catalog-service.apps.svc.cluster.local:8080/v1/b2 returned 503
            2026-05-01T10:00:03.000Z ERROR edge-gateway upstream error: GET http://checkout-api.apps.svc.cluster.local:3000/v1/c3 returned 503
            2026-05-01T10:00:04.000Z INFO checkout-api ready
            2026-05-01T10:00:05.000Z INFO catalog-service ready
            """)
        let errors = log.templates.filter { $0.service == "edge-gateway" && $0.level == .error }
        #expect(errors.count == 2, "\(log.templates.map { "\($0.service) \($0.level) \($0.pattern)" })")
        #expect(Set(errors.map(\.id)).count == 2, "ids stay apart even when the patterns agree")
        let checkout = errors.first { $0.mentions.contains { $0.target == .service("checkout-api") } }
        #expect(checkout?.count == 2)
        #expect(checkout?.mentions.contains { $0.target == .service("catalog-service") } == false)
    }

    @Test(
        "a dependency's host field is read in JSON and logfmt, with the role its object implies; a request's host is not",
        arguments: [
            (#"{"db":{"host":"orders-db.rds.amazonaws.com","port":5432},"req":{"host":"a.example"}}"#, ["orders-db.rds.amazonaws.com"]),
            (#"{"msg":"x","redis":{"address":"sessions-redis:6379","user":"app"}}"#, ["sessions-redis"]),
            (#"{"msg":"say \"db\": {\"host\": \"x\"}","host":"web-1"}"#, []),
            ("level=error db.host=orders-db redis.hostname=cache-1 host=web-1 msg=\"failed\"", ["orders-db", "cache-1"]),
            (#"{"server.address":"ledger-api","net.peer.name":"fraud-svc"}"#, ["ledger-api", "fraud-svc"]),
        ] as [(String, [String])])
    func dependencyHosts(line: String, hosts: [String]) {
        #expect(MentionExtractor.dependencyHosts(in: line).map(\.host) == hosts)
    }

    @Test("masks variable parts so lines that differ only in them share a template")
    func templates() {
        let a = TemplateMasker.template(of: "user 4711 paid 12.50 EUR in 35ms req=9f8e7d6c5b4a3210 from 10.0.3.17:443")
        let b = TemplateMasker.template(of: "user 815 paid 7.00 EUR in 102ms req=0123456789abcdef from 10.0.9.1:443")
        #expect(a == b)
        #expect(TemplateMasker.template(of: "HTTP 5xx from ts-travel2-service") == "HTTP 5xx from ts-travel2-service")
        #expect(TemplateMasker.identifier(of: a) == TemplateMasker.identifier(of: b))
        #expect(TemplateMasker.identifier(of: a).count == 12)
    }
}
