import CausewayCore
import CausewayIngest
import Testing

@Suite("Line parsing")
struct LineParsingTests {
    @Test("reads time LEVEL service message")
    func plain() throws {
        let log = try ingest("2026-05-24T11:54:10.221Z ERROR payments-worker Out of memory: heap=512MiB\n")
        let template = try #require(log.templates.first)
        #expect(template.service == "payments-worker")
        #expect(template.level == .error)
        #expect(template.firstSeen?.iso8601 == "2026-05-24T11:54:10.221Z")
        #expect(template.message == "Out of memory: heap=512MiB")
        #expect(log.statistics.recordsByFormat[.plain] == 1)
    }

    @Test("takes the inner level and emitter of a shipper-wrapped line, not the shipper's stream")
    func wrapped() throws {
        let log = try ingest(
            "2026-05-24T11:54:10.221Z EMERGENCY fashion-aura-api FATAL payments-worker Out of memory: heap=512MiB rss=731MiB, killing process\n")
        let template = try #require(log.templates.first)
        #expect(template.service == "payments-worker")
        #expect(template.level == .critical)
        #expect(template.message.hasPrefix("Out of memory"))
        #expect(template.signals.first == "oom")
        #expect(log.statistics.recordsByFormat[.wrapped] == 1)
    }

    @Test("a shipper's envelope names its application in one plain word; a message's own `ERROR:` does not")
    func innerSlot() throws {
        let log = try ingest(
            """
            2026-05-31T18:57:07.758Z ERROR postgres ERROR:  deadlock detected
            2026-05-31T18:57:08.000Z INFO api-gateway GET /v1/orders 200
            2026-05-31T18:57:59.555Z ERROR postgres ERROR:  canceling statement due to statement timeout
            """)
        #expect(Set(log.statistics.services) == ["postgres", "api-gateway"], "\(log.statistics.services)")
        #expect(log.templates.filter { $0.service == "postgres" }.allSatisfy { $0.level == .error })
        let wrapped = try ingest("2026-05-31T18:58:00.000Z INFO vector-agent ERROR checkout Out of memory: killing process\n")
        #expect(wrapped.statistics.services == ["checkout"])
        let logged = try ingest("2026-06-01T15:55:58.778Z INFO recommendations-db LOG:  duration: 486.304 ms  statement: SELECT 1\n")
        #expect(logged.statistics.services == ["recommendations-db"], "a word after PostgreSQL's LOG: is its message, not a service")
    }

    @Test("reads a collector line around a pod's application line (time, pod, time of day, level, logger)")
    func collectorAroundApplication() throws {
        let log = try ingest(
            "2023-01-29T08:42:09.487160534Z ts-travel2-service-5c66d57d58-6mp2b 16:42:09.486 ERROR t.c.Travel2Controller#115 TraceID: 6f3c query failed\n")
        let template = try #require(log.templates.first)
        #expect(template.service == "ts-travel2-service")
        #expect(template.level == .error)
        #expect(template.firstSeen?.iso8601 == "2023-01-29T08:42:09.487Z")
        #expect(template.message.hasPrefix("t.c.Travel2Controller#115"))
    }

    @Test("a logger's source line names the statement: two statements of one class are two templates, ids stay masked")
    func sourceLinesKept() throws {
        var text = ""
        for i in 0..<6 {
            text += "2026-05-24T10:00:0\(i).000Z basic INFO f.m.s.BasicServiceImpl#459 [queryPrice][Query For Price Config][RouteIds: [\(1000 + i)]]\n"
            text += "2026-05-24T10:00:0\(i).100Z basic INFO f.m.s.BasicServiceImpl#444 [queryPrice][Query For Price Config][RouteId: \(2000 + i)]\n"
            text += "2026-05-24T10:00:0\(i).200Z basic INFO at (Handler.java:88) handled order#\(31_337 + i) in main.go:\(40 + i)\n"
            // Two statements whose messages differ only in numbers: the source line alone keeps them apart.
            text += "2026-05-24T10:00:0\(i).300Z travel INFO t.s.TravelServiceImpl#451 [getTickets][Calculate distance][calculate time: \(i * 7)]\n"
            text += "2026-05-24T10:00:0\(i).400Z travel INFO t.s.TravelServiceImpl#457 [getTickets][Calculate distance][calculate time: \(i * 11 + 16)]\n"
        }
        let patterns = Set(try ingest(text).templates.map(\.pattern))
        #expect(patterns.contains { $0.hasPrefix("f.m.s.BasicServiceImpl#459 ") }, "\(patterns)")
        #expect(patterns.contains { $0.hasPrefix("f.m.s.BasicServiceImpl#444 ") }, "\(patterns)")
        #expect(patterns.contains("at (Handler.java:88) handled order#<*> in <*>"), "an order number is no source line, nor is a changing one")
        #expect(patterns.contains { $0.hasPrefix("t.s.TravelServiceImpl#451 ") } && patterns.contains { $0.hasPrefix("t.s.TravelServiceImpl#457 ") })
    }

    @Test("keeps a message's first word when nothing marks it as a service")
    func firstWordStaysInMessage() throws {
        let log = try ingest("2026-05-24 11:54:10,221 ERROR failed to connect to db\n", defaultService: "orders")
        let template = try #require(log.templates.first)
        #expect(template.service == "orders")
        #expect(template.message == "failed to connect to db")
    }

    @Test("reads JSON lines with common and nested field names")
    func jsonLines() throws {
        let log = try ingest(
            """
            {"@timestamp":"2026-05-24T11:54:10.221Z","level":"error","service":{"name":"checkout-api"},"message":"upstream timed out"}
            {"ts":1779623651.5,"severity":"WARN","kubernetes":{"labels":{"app":"cart"}},"msg":"slow"}
            {"time":"2026-05-24T11:54:12Z","log":"2026-05-24T11:54:12Z ERROR payments-worker Connection refused\\n","stream":"stdout"}
            """)
        let byService = Dictionary(grouping: log.templates, by: \.service)
        #expect(byService["checkout-api"]?.first?.level == .error)
        #expect(byService["cart"]?.first?.level == .warning)
        #expect(byService["cart"]?.first?.firstSeen?.iso8601 == "2026-05-24T11:54:11.500Z")
        #expect(byService["payments-worker"]?.first?.signals.contains("conn_refused") == true)
        #expect(log.statistics.recordsByFormat[.jsonLines] == 3)
    }

    @Test("reads logfmt")
    func logfmt() throws {
        let log = try ingest(#"ts=2026-05-24T11:54:10.221Z level=error app=orders-api msg="pool exhausted: 50/50 connections in use" caller=db.go:12"# + "\n")
        let template = try #require(log.templates.first)
        #expect(template.service == "orders-api")
        #expect(template.signals.first == "pool_exhausted")
        #expect(log.statistics.recordsByFormat[.logfmt] == 1)
    }

    @Test("joins stack-trace lines to the record above them")
    func continuation() throws {
        let log = try ingest(
            """
            2026-05-24T11:54:10.221Z ERROR orders-api Request failed
            java.lang.IllegalStateException: boom
            \tat com.shop.Orders.place(Orders.java:42)
            Caused by: java.lang.OutOfMemoryError: Java heap space
            2026-05-24T11:54:11.000Z INFO orders-api recovered
            """)
        #expect(log.statistics.records == 2)
        #expect(log.statistics.joinedLines == 3)
        let failed = try #require(log.templates.first { $0.level == .error })
        #expect(failed.signals.contains("oom"), "a cause deep in the stack trace still classifies the record")
    }

    @Test("a stack trace's exception lines are kept with the template, at their own lines: the first and the deepest cause")
    func exceptionLines() throws {
        let log = try ingest(
            """
            2026-05-24T11:54:10.221Z ERROR orders-api Request failed
            \tat com.shop.Orders.place(Orders.java:42)
            java.lang.IllegalStateException: boom
            \tat com.shop.Orders.place(Orders.java:42)
            Caused by: org.hibernate.exception.JDBCConnectionException: unable to obtain connection
            Caused by: java.net.ConnectException: Connection refused: orders-db/10.0.4.7:5432
            \t... 12 more
            2026-05-24T11:54:11.000Z INFO orders-api recovered
            """)
        let failed = try #require(log.templates.first { $0.level == .error })
        #expect(failed.mentions.contains { $0.target == .service("orders-db") && $0.evidence.location.line == 6 }, "\(failed.mentions)")
    }

    @Test("reads PostgreSQL's severity after its prefix; DETAIL and STATEMENT lines join the report above them")
    func postgresSeverity() throws {
        let log = try ingest(
            """
            2026-04-21 15:41:07.362 UTC [31877] migrator@catalog LOG:  statement: SET lock_timeout = '10s'
            2026-04-21 15:41:08.808 UTC [30312] app@catalog ERROR:  column p1_0.legacy_sku does not exist at character 66
            2026-04-21 15:41:08.808 UTC [30312] app@catalog STATEMENT:  select p1_0.id,p1_0.legacy_sku from products p1_0 where p1_0.id=$1
            2026-04-21 15:41:09.100 UTC:10.1.2.3(40112):app@catalog:[30313]:FATAL:  password authentication failed for user "app"
            2026-04-21 15:41:09.100 UTC:10.1.2.3(40112):app@catalog:[30313]:DETAIL:  Connection matched pg_hba.conf line 99
            """, file: "catalog-db/postgresql-2026-04-21_150000.log")
        #expect(log.statistics.records == 3)
        #expect(log.statistics.joinedLines == 2)
        let statement = try #require(log.templates.first { $0.message.contains("lock_timeout") })
        #expect(statement.level == .info, "LOG is informational, whatever words the statement holds")
        let rejected = try #require(log.templates.first { $0.message.contains("legacy_sku") })
        #expect(rejected.level == .error)
        #expect(rejected.signals.first == "statement_rejected")
        #expect(log.templates.contains { $0.level == .critical && $0.message.contains("password authentication failed") })
    }

    @Test("a process id in brackets before the level is neither the level nor the message's start (PgBouncer in a container)")
    func bracketedProcessID() throws {
        let log = try ingest(
            """
            2025-03-11 09:13:07.786 UTC [1] WARNING C-0x55d19f8eeb71: (nodb)/(nouser)@10.3.4.33:44216 pooler error: no more connections allowed (max_client_conn)
            2025-03-11 09:13:11.813 UTC [1] LOG C-0x55d1712bde92: catalog/catalog_app@10.3.4.33:45446 closing because: query_wait_timeout (age=15s)
            """, file: "pgbouncer/pgbouncer.log")
        let warning = try #require(log.templates.first { $0.message.contains("max_client_conn") })
        #expect(warning.level == .warning, "[1] is PgBouncer's process id, not syslog's level 1")
        #expect(warning.message.hasPrefix("C-0x"))
        let closing = try #require(log.templates.first { $0.message.contains("closing because") })
        #expect(closing.level == .info, "LOG is informational, whatever words follow it")
        #expect(log.templates.allSatisfy { $0.service == "pgbouncer" })
    }

    @Test(".NET's console logger: `fail:` is an error and the indented message joins it")
    func dotnetConsole() throws {
        let log = try ingest(
            """
            2025-03-11T09:13:11.834Z fail: Catalog.Api.Middleware.ExceptionHandlingMiddleware[0]
                  Unhandled exception: Npgsql.NpgsqlException (0x80004005): Exception while reading from stream
            2025-03-11T09:13:12.000Z info: Catalog.Api.Middleware.RequestLogging[0]
                  GET /products/42 200 12ms
            """, file: "catalog-api/catalog-api.log")
        #expect(log.statistics.records == 2)
        let failed = try #require(log.templates.first { $0.level == .error })
        #expect(failed.message.hasPrefix("Catalog.Api.Middleware.ExceptionHandlingMiddleware"))
        #expect(failed.message.contains("Unhandled exception: Npgsql.NpgsqlException"), "the indented line is the message: \(failed.message)")
        let request = try #require(log.templates.first { $0.level == .info })
        #expect(request.message.hasSuffix("GET /products/42 200 12ms"), "\(request.message)")
    }

    @Test("a JSON access log's 5xx status is an error whatever level the logger gives every request (Traefik)")
    func accessLogStatusOverLevel() throws {
        let log = try ingest(
            """
            {"DownstreamStatus":200,"OriginStatus":200,"RequestMethod":"GET","RequestPath":"/api/products/1","level":"info","msg":"","time":"2026-04-21T15:41:07Z"}
            {"DownstreamStatus":502,"OriginStatus":502,"RequestMethod":"GET","RequestPath":"/api/products/2","level":"info","msg":"","time":"2026-04-21T15:41:08Z"}
            {"status":404,"level":"info","msg":"request","time":"2026-04-21T15:41:09Z"}
            """, file: "edge/traefik.log")
        let failed = try #require(log.templates.first { $0.level == .error })
        #expect(failed.signals.first == "http_5xx")
        #expect(log.templates.filter { $0.level >= .warning }.count == 1, "a stated level keeps a client's 404")
    }

    @Test("an Elasticsearch slowlog line's message is its slowlog message, not the query it quotes")
    func elasticsearchSlowlog() throws {
        let lines = (0..<4).map { i in
            #"{"@timestamp":"2026-08-11T18:52:0\#(i).183Z","log.level":"WARN","elasticsearch.slowlog.message":"[products][\#(i)]","elasticsearch.slowlog.source":"{\"size\":\#(20 + i),\"query\":{\"match\":{\"name\":\"term \#(i)\"}}}","elasticsearch.slowlog.took":"6\#(i)0.8ms"}"#
        }
        let log = try ingest(lines.joined(separator: "\n"), file: "search-es/products_index_search_slowlog.json")
        #expect(log.templates.allSatisfy { $0.service == "search-es" })
        #expect(log.templates.allSatisfy { $0.pattern.hasPrefix("[products]") && !$0.pattern.contains("query") }, "\(log.templates.map(\.pattern))")
    }

    @Test("names the service after its file when the lines do not")
    func serviceFromFileName() throws {
        let log = try ingest("2026-05-24T11:54:10Z ERROR something broke\n", file: "logs/payments-worker-7d9f8c6b5-x2x4q.log")
        #expect(log.templates.first?.service == "payments-worker")
    }

    @Test(
        "a path names the service: the file unless its name is generic, dated or the software's, else the nearest folder",
        arguments: [
            ("logs/orders-db/postgresql-2026-03-12_132000.log", "orders-db"),
            ("logs/edge-nginx/access.log", "edge-nginx"),
            ("checkout/gunicorn-access.log", "checkout"),
            ("search-es/products_index_search_slowlog.json", "search-es"),
            ("logs/payments-7f9c8d6b5-x2x4q.log", "payments"),
            ("logs/inventory-2026-03-12.log.gz", "inventory"),
            ("logs/orders-api.log.1", "orders-api"),
            ("logs/redis.log", "redis"),
            ("alb/123456789012_elasticloadbalancing_eu-central-1_app.shop-alb.50dc6c495c0c9188_20260514T0700Z_10.0.1.15_2fq1mq.log", "shop-alb"),
            ("logs/memcached/mc-02/docker-memcached.log", "memcached"),
            ("logs/storefront/W3SVC2/u_ex25031108.log", "storefront"),
            ("logs/nodes/ip-10-1-2-33/dmesg-T.txt", "ip-10-1-2-33"),
            ("cloudwatch/aws/lambda/payment-fn/2025_03_11_LATEST_41a05839a753b8329f125f4eb324ddf0.log", "payment-fn"),
            ("containers/fulfillment-worker-5f8c9d7b6-fqmmb_prod_worker-16d165c866d33ad1f4c1ed1424b19fea04c37a0b48cc8e019b041ea5338f4d74.log", "fulfillment-worker"),
            ("shop/accounts-api-58d6c9b7f-hnrfs_accounts-api.log", "accounts-api"),
            ("cloudflare/http_requests/20251106/20251106T142500Z_20251106T143000Z_9efc50c7.log.gz", "cloudflare"),
            ("catalog-indexer/catalog-indexer-driver-773f0189/driver.log", "catalog-indexer-driver"),
            ("ledger-api/log-20260519.clef", "ledger-api"),
            ("hosts/cass-b/cassandra/system.log", "cassandra"),
            ("logs/clickhouse/clickhouse-server.err.log", "clickhouse"),
            ("messaging/rabbitmq-2/rabbit.log", "rabbitmq"),
            ("logs/system.log", "system"),
            ("logs/varnish-2/varnishncsa.log", "varnish"),
            ("logs/cms-publisher/heroku-logs.txt", "cms-publisher"),
            ("logs/orders-mysql/mysql-slow.log", "orders-mysql"),
            ("logs/ingress-nginx/ingress-nginx-controller-7f6b9c8d5-8prwk_controller.log", "ingress-nginx-controller"),
            // A host's file system under the host's folder, under the service's.
            ("storefront/web-01/var/log/php8.2-fpm/www-slow.log", "storefront"),
            ("orders-mysql/db-orders-01/var/log/mysql/error.log", "orders-mysql"),
            ("loyalty-service/loyalty-01/srv/loyalty/shared/log/production.log", "loyalty-service"),
            ("hosts/app-01/home/deploy/.pm2/logs/pricing-api-out-0.log", "pricing-api-out"),
            ("web-01/var/log/orders-api.log", "orders-api"),
            // A program's own file name in a numbered instance's folder: the service above it.
            ("inbox-cassandra/cass-inbox-06/system.log", "inbox-cassandra"),
            ("shop/legacy-orders-5c9d7f8b6-gztq5/catalina.out", "legacy-orders"),
            ("kafka/kafka-0/server.log", "kafka"),
            // A mesh's sidecar speaks for its pod.
            ("wallet-api/wallet-api-6b7c8d9f5-jx4lm/istio-proxy.log", "wallet-api"),
        ])
    func serviceFromPath(path: String, service: String) {
        #expect(LogIngestor.service(fromPath: path)?.rawValue == service)
    }

    @Test("with a topology, the nearest part of a path the topology names is the file's service")
    func pathInTopologyWords() {
        let known: Set<ServiceName> = ["opensearch", "catalog-indexer", "orders-api"]
        #expect(LogIngestor.service(fromPath: "opensearch/opensearch-data-2/catalog-search.log", known: known) == "opensearch")
        #expect(LogIngestor.service(fromPath: "opensearch/opensearch-data-2/catalog-search.log", known: []) == "catalog-search")
        #expect(LogIngestor.service(fromPath: "orders/orders-api-7d9f8c6b5-x2x1q.log", known: known) == "orders-api")
        #expect(LogIngestor.service(fromPath: "node-a1/kern.log", known: known) == "node-a1", "no known part: the path's own name")
        #expect(LogIngestor.service(fromPath: "logs/orders-api_AzureDiagnostics_AppServiceHTTPLogs.csv", known: known) == "orders-api")
    }

    @Test("a name in another form than the topology's is the topology's service")
    func knownForms() throws {
        let known: Set<ServiceName> = ["pricing-service", "payments", "checkout-api", "checkout-svc"]
        #expect(ServiceName("pricing").knownForm(in: known) == "pricing-service")
        #expect(ServiceName("pricing-svc").knownForm(in: known) == "pricing-service")
        #expect(ServiceName("payments-service").knownForm(in: known) == "payments")
        #expect(ServiceName("checkout").knownForm(in: known) == nil, "two known forms: no guess")
        #expect(ServiceName("pricing-service").knownForm(in: known) == nil, "known already")
        #expect(ServiceName("inventory").knownForm(in: known) == nil)
        // A host's folder and its lines take the topology's name.
        let log = try ingest("2026-05-24T11:54:10Z ERROR OutOfMemoryError: Java heap space\n", file: "logs/pricing-01/app.log", known: known)
        #expect(log.templates.first?.service == "pricing-service", "\(log.templates.map(\.service))")
        let lines = try ingest(#"{"ts":"2026-05-24T11:54:10Z","level":"error","service":"pricing","msg":"GC overhead limit exceeded"}"#, known: known)
        #expect(lines.templates.first?.service == "pricing-service", "\(lines.templates.map(\.service))")
    }

    @Test("a path of generic names names no service", arguments: ["logs/app.log", "logs/2026-05-14/app.log", "k8s-events.txt", "incident-42/all.log"])
    func genericPaths(path: String) {
        #expect(LogIngestor.service(fromPath: path) == nil)
    }

    @Test("a file named only with generic words names no service", arguments: ["all-services.log", "combined_logs.txt", "app.log", "logs/all.log.gz"])
    func genericFileNames(file: String) {
        #expect(LogIngestor.service(fromFileName: file) == nil)
        #expect(LogIngestor.service(fromFileName: "logs/payments-service.log") == "payments-service", "a real name keeps its generic word")
    }
}
