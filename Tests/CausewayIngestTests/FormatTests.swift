import CausewayCore
@testable import CausewayIngest
import Foundation
import Testing

@Suite("Formats")
struct FormatTests {
    @Test("docker compose and kubectl --prefix name the service from their prefix")
    func prefixes() throws {
        let log = try ingest(
            """
            payments-worker-1  | 2026-05-24T11:54:10.221Z ERROR Out of memory: killing process
            [pod/checkout-api-7d9f8c6b5-x2x4q/checkout] 2026-05-24T11:54:11.000Z WARN upstream payments-worker timed out
            [pod/checkout-api-7d9f8c6b5-x2x4q/checkout] {"level":"error","msg":"circuit breaker opened for payments-worker"}
            """)
        #expect(Set(log.statistics.services) == ["payments-worker", "checkout-api"])
        #expect(log.statistics.recordsByFormat[.compose] == 1)
        #expect(log.statistics.recordsByFormat[.kubectlPrefix] == 2)
        #expect(log.templates.first { $0.service == "payments-worker" }?.signals.first == "oom")
    }

    @Test("inside a container's prefix a bracketed name is a logger, not another service")
    func prefixBeatsLoggerName() throws {
        let log = try ingest(
            """
            checkout-svc-1  | 2026-08-01 14:43:33,395 ERROR [checkout] Exception in worker process
            [pod/orders-api-7d9f8c6b5-x2x4q/orders] 2026-08-01 14:43:34,000 ERROR [orders.db] pool exhausted
            """)
        #expect(Set(log.statistics.services) == ["checkout-svc", "orders-api"])
    }

    @Test("an HTTP status in a field or a request line classifies the record")
    func httpStatuses() throws {
        let log = try ingest(
            """
            ts=2026-04-16T07:04:14.939Z level=warn service=notifications msg="request completed" res.statusCode=404
            ts=2026-04-16T07:04:15.939Z level=error service=notifications msg="request completed" res.statusCode=503
            ts=2026-04-16T07:04:16.939Z level=info service=notifications msg="request completed" res.statusCode=200
            {"time":"2026-04-16T07:04:17Z","level":"warn","service":"orders","msg":"handled","http":{"status_code":429}}
            2026-04-16T07:04:18Z WARN reporting-svc PUT /v1/reporting/3c33fad3 404 8.206 ms - 6733
            2026-04-16T07:04:19Z ERROR reporting-svc GET /v1/reporting 502 1.1 ms - 12
            """)
        func signals(_ service: ServiceName, _ level: LogLevel) -> [SignalID]? {
            log.templates.first { $0.service == service && $0.level == level }?.signals
        }
        #expect(signals("notifications", .warning) == ["client_error"])
        #expect(signals("notifications", .error)?.contains("http_5xx") == true)
        #expect(signals("notifications", .info) == [])
        #expect(signals("orders", .warning)?.contains("rate_limited") == true)
        #expect(signals("reporting-svc", .warning) == ["client_error"])
        #expect(signals("reporting-svc", .error)?.contains("http_5xx") == true)
        #expect(log.templates.filter { $0.service == "notifications" }.count == 3, "each status is its own template")
    }

    @Test("MySQL's error log: a thread id before the bracketed level; a Note is information, whatever its words")
    func mysqlErrorLog() throws {
        let log = try ingest(
            """
            2026-06-24T06:16:10.151000Z 64 [Note] [MY-010914] [Server] Aborted connection 86947 to db: 'users' user: 'app' host: '10.0.11.224' (Got an error reading communication packets).
            2026-06-24T06:14:18.500000Z 73 [Warning] [MY-010055] [Server] IP address '10.0.10.148' could not be resolved: Name or service not known
            2026-06-24T06:14:19.500000Z 1 [ERROR] [MY-012592] [InnoDB] Operating system error number 28 in a file operation.
            """, file: "orders-mysql.log")
        #expect(log.templates.first { $0.message.contains("Aborted connection") }?.level == .info)
        #expect(log.templates.first { $0.message.contains("could not be resolved") }?.level == .warning)
        #expect(log.templates.first { $0.message.contains("Operating system error") }?.level == .error)
    }

    @Test("HAProxy's HTTP log states the status after the five request timers")
    func haproxyStatus() throws {
        let log = try ingest(
            """
            Mar  5 11:02:04 lb-int-01 haproxy[2212]: 10.30.2.11:42188 [05/Mar/2026:11:02:04.883] fe_internal be_payments_api/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 21/21/0/0/0 0/0 "POST /v1/payments/authorize HTTP/1.1"
            Mar  5 11:02:05 lb-int-01 haproxy[2212]: 10.30.2.12:33296 [05/Mar/2026:11:02:05.118] fe_internal be_payments_api/payments-api-3 0/0/1/75/76 200 418 - - ---- 44/44/1/1/0 0/0 "POST /v1/payments/capture HTTP/1.1"
            Mar  5 11:02:06 lb-int-01 haproxy[2212]: 10.30.2.13:33297 [05/Mar/2026:11:02:06.118] fe_internal be_ledger/ledger-1 0/0/1/5/6 404 18 - - ---- 44/44/1/1/0 0/0 "GET /v1/entries/9 HTTP/1.1"
            """)
        #expect(log.templates.first { $0.level == .error }?.signals.contains("http_5xx") == true)
        #expect(log.templates.first { $0.level == .warning }?.signals == ["client_error"])
        #expect(log.templates.count == 3, "each status is its own template")
    }

    @Test("messages of two logger classes stay two templates when the line numbers are masked")
    func loggerClassesStayApart() throws {
        var lines: [String] = []
        for second in 0..<12 {
            let time = String(format: "2023-01-29T11:19:%02d.100Z", second)
            // Two classes, one message shape: the class is all that tells them apart.
            lines.append("\(time) INFO price-service p.c.PriceController#46 TraceID: 4f2a\(second)c9 [findByRouteId] routeId=a\(second) type=G")
            lines.append("\(time) INFO price-service p.s.PriceServiceImpl#71 TraceID: 4f2a\(second)c9 [findByRouteId] routeId=a\(second) type=G")
        }
        let log = try ingest(lines.joined(separator: "\n"))
        let templates = log.templates.filter { $0.service == "price-service" }
        #expect(templates.count == 2, "\(templates.map(\.pattern))")
        #expect(templates.allSatisfy { $0.count == 12 })
    }

    @Test("Spring's correlation brackets carry the trace: Sleuth's [app,trace,span] and Boot 3.2's [trace-span], joined across formats")
    func springCorrelationBrackets() throws {
        let trace = "97637c30f4771602c7f658ad53055b8d"
        let log = try ingest(
            """
            checkout-api-1  | 2026-10-05T08:46:27.312Z  INFO 1 --- [checkout-api,\(trace),6976a932ce609537] [nio-8080-exec-24] c.s.checkout.web.CheckoutController : POST /v1/orders -> 201 (79 ms)
            ledger-api-1    | 2026-10-05T08:46:27.330Z  INFO [ledger-api,\(trace),1a2b3c4d5e6f7a8b,true] 1 --- [nio-8080-exec-2] c.s.ledger.LedgerService : ledger entry written
            payments-1      | 2026-10-05T08:46:27.350Z  INFO 1 --- [payments] [nio-8080-exec-7] [\(trace)-0f1e2d3c4b5a6978] c.s.payments.PaymentService : card charged
            fraud-1         | {"time":"2026-10-05T08:46:27.360Z","level":"info","service":"fraud","trace_id":"\(trace)","msg":"scored"}
            audit-1         | 2026-10-05T08:46:27.370Z  INFO 1 --- [audit] [nio-8080-exec-7] [worker-1] c.s.audit.AuditService : [batch,7] no ids here [deadbeef-cafe]
            """)
        let traced = log.tracedLines.filter { $0.trace == log.tracedLines.first?.trace }
        #expect(Set(traced.map(\.service)) == ["checkout-api", "ledger-api", "payments", "fraud"], "\(log.tracedLines.map { ($0.service, $0.trace) })")
        #expect(!log.tracedLines.contains { $0.service == "audit" }, "brackets without a 16- or 32-digit id and a 16-digit span are no trace")
    }

    @Test("behind compose prefixes, a line continues only its own container's record; gunicorn's time is read")
    func composeContinuationStaysInItsContainer() throws {
        let log = try ingest(
            """
            tax-worker-2        | 2026-06-23T20:42:30.738Z WARN  1 --- [tax-worker] [nio-8080-exec-67] c.g.tax.web.TaxController : GET /v1/tax/954a1b5b -> 404 (167 ms)
            ledger-api-1        | [2026-06-23 20:42:30 +0000] [1] [ERROR] Worker (pid:7) was sent SIGKILL! Perhaps out of memory?
            tax-worker-2        | 2026-06-23T20:42:31.100Z ERROR 1 --- [tax-worker] [nio-8080-exec-67] c.g.tax.TaxService : lookup failed
            tax-worker-2        | java.lang.IllegalStateException: rate table missing
            tax-worker-2        | \tat com.shop.tax.TaxService.lookup(TaxService.java:88)
            ledger-api-1        | no timestamp, no level: a stray line of ledger-api's own
            """)
        // tax-worker's exception and its frame join its record; ledger-api's stray line, coming while
        // tax-worker's record is open, is not tax-worker's.
        #expect(log.statistics.joinedLines == 2)
        let oom = try #require(log.templates.first { $0.signals.contains("oom") })
        #expect(oom.service == "ledger-api")
        #expect(oom.firstSeen == TimestampParser.parse("2026-06-23T20:42:30Z")!)
        #expect(!log.templates.contains { $0.service == "tax-worker" && $0.signals.contains("oom") })
    }

    @Test("syslog RFC 3164 and RFC 5424 take the app as the service (the host, for the system's own programs) and the priority as the level")
    func syslog() throws {
        let log = try ingest(
            """
            <27>May 24 11:54:10 node-3 payments-worker[4242]: connection refused to ledger-db:5432
            <30>1 2026-05-24T11:54:11.500Z node-3 checkout-api 77 ID47 [exampleSDID@32473 iut="3"] order placed
            May 24 11:54:12 node-3 sshd[99]: Accepted publickey for deploy
            <3>1 2026-05-24T11:54:13.000Z media-nfs kernel - - - sd 2:0:0:3: [sdd] tag#17 timing out command, waited 180s
            May 24 11:54:14 localhost kernel: nfs: server media-nfs not responding, still trying
            May 24 11:54:15 node-3 ansible-ansible.legacy.unarchive[51230]: Invoked with src=/tmp/app-4.12.0.tar.gz dest=/opt/app
            """)
        let services = Set(log.statistics.services)
        #expect(services == ["payments-worker", "checkout-api", "node", "media-nfs", "kernel"], "the system's own programs speak for their host")
        let refused = try #require(log.templates.first { $0.service == "payments-worker" })
        #expect(refused.level == .error)
        #expect(refused.message.hasPrefix("connection refused"))
        let placed = try #require(log.templates.first { $0.service == "checkout-api" })
        #expect(placed.level == .info)
        #expect(placed.message == "order placed")
        #expect(placed.firstSeen?.iso8601 == "2026-05-24T11:54:11.500Z")
        #expect(log.statistics.recordsByFormat[.syslog] == 6)
    }

    @Test("JSON from journald, Loki and pino: epoch times, numeric levels, nested labels")
    func structuredVariants() throws {
        let log = try ingest(
            """
            {"__REALTIME_TIMESTAMP":"1779623650221000","PRIORITY":"3","_SYSTEMD_UNIT":"payments-worker.service","MESSAGE":"worker crashed: exit status 1"}
            {"labels":{"app":"checkout-api","level":"warn"},"line":"slow response from payments-worker","timestamp":"2026-05-24T11:54:11Z"}
            {"level":50,"time":1779623652000,"name":"x","service":"cart-api","msg":"request failed"}
            """)
        let worker = try #require(log.templates.first { $0.service == "payments-worker" })
        #expect(worker.level == .error)
        #expect(worker.firstSeen?.iso8601 == "2026-05-24T11:54:10.221Z")
        #expect(worker.signals.contains("crash"))
        #expect(log.templates.first { $0.service == "checkout-api" }?.level == .warning)
        let cart = try #require(log.templates.first { $0.service == "cart-api" })
        #expect(cart.level == .error)
        #expect(cart.firstSeen?.iso8601 == "2026-05-24T11:54:12.000Z")
    }

    @Test("an error field speaks where the message says nothing: pino's err.message, zap's error, logfmt's err; the template stays the message's")
    func errorFields() throws {
        let log = try ingest(
            #"""
            {"level":40,"time":1770125898758,"service":"cart-api","err":{"type":"ReplyError","message":"BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.","stack":"ReplyError: BUSY Redis is busy running a script.\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)"},"msg":"redis command failed, retrying"}
            {"level":"error","ts":"2026-02-03T13:38:19.000Z","service":"ledger-api","msg":"query failed","error":"dial tcp ledger-db:5432: connect: connection refused"}
            {"level":"error","ts":"2026-02-03T13:38:20.000Z","service":"ledger-api","msg":"query failed"}
            {"level":"error","ts":"2026-02-03T13:38:21.000Z","service":"orders-api","msg":"upstream error calling payments","error":"context deadline exceeded"}
            ts=2026-02-03T13:38:22Z level=error app=sessions msg="cache read failed" err="WRONGPASS invalid username-password pair or user is disabled."
            """#)
        let busy = try #require(log.templates.first { $0.service == "cart-api" })
        #expect(busy.message == "redis command failed, retrying")
        #expect(busy.signals.first == "server_busy", "\(busy.signals)")
        let refused = try #require(log.templates.first { $0.service == "ledger-api" && !$0.signals.isEmpty })
        #expect(refused.message == "query failed")
        #expect(refused.signals.first == "conn_refused")
        #expect(refused.mentions.contains { $0.target == .service("ledger-db") }, "the error's text names the dependency: \(refused.mentions)")
        #expect(log.templates.filter { $0.service == "ledger-api" }.count == 2, "the same message without an error field is another event")
        let orders = try #require(log.templates.first { $0.service == "orders-api" })
        #expect(orders.signals == ["dependency_error"], "a message with a reading of its own keeps it: \(orders.signals)")
        #expect(log.templates.first { $0.service == "sessions" }?.signals.first == "credentials_rejected")
        // The literals the field table reads on every line hold to the list of message names.
        let errorNames = FieldNames.message[FieldNames.firstErrorMessageRank..<(FieldNames.firstErrorMessageRank + FieldNames.errorMessageNameCount)]
        #expect(Array(errorNames) == ["error", "err", "error.message", "err.message", "exception.message"])
    }

    @Test("a shipper's record around an application's JSON line: the inner record's message, level, service and time are read")
    func nestedJSON() throws {
        let log = try ingest(
            #"""
            {"date":"2025-03-11T09:24:45.167696Z","log":"{\"level\":\"error\",\"msg\":\"charge failed: card declined by issuer\",\"service\":\"payments\",\"ts\":\"2025-03-11T09:24:45.100Z\"}\n","stream":"stdout","kubernetes":{"container_name":"payments-sidecar"}}
            {"date":"2025-03-11T09:24:46.000000Z","log":"{\"metadata\":{\"name\":\"recommendations-bqhtzkxtn9-r4ttg.849ac\"},\"reason\":\"Unhealthy\",\"message\":\"Readiness probe failed: context deadline exceeded\",\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"recommendations-bqhtzkxtn9-r4ttg\"}}","kubernetes":{"container_name":"event-exporter"}}
            """#)
        let payments = try #require(log.templates.first { $0.service == "payments" }, "\(log.templates.map { ($0.service, $0.message) })")
        #expect(payments.level == .error)
        #expect(payments.message == "charge failed: card declined by issuer")
        #expect(payments.firstSeen?.iso8601 == "2025-03-11T09:24:45.167Z", "the shipper's time is kept when it has one")
        let probe = try #require(log.templates.first { $0.service == "recommendations" }, "an event is its involved object's")
        #expect(probe.message.hasPrefix("Readiness probe failed"))
    }

    @Test("an access log record with no message is written as method, path, status, upstream and flags (Envoy JSON)")
    func accessRecordWithoutMessage() throws {
        let line = #"{"start_time":"2025-03-11T09:24:45.105Z","method":"GET","path":"/","protocol":"HTTP/1.1","response_code":503,"response_flags":"UH","upstream_cluster":"outbound|8080||recommendations.shop.svc.cluster.local","duration":1}"#
        let log = try ingest(line + "\n", file: "web/istio-proxy.log")
        let template = try #require(log.templates.first)
        #expect(template.message == "GET / 503 upstream outbound|8080||recommendations.shop.svc.cluster.local flags UH")
        #expect(template.level == .error)
        #expect(template.signals.contains("http_5xx"))
        #expect(template.firstSeen?.iso8601 == "2025-03-11T09:24:45.105Z")
    }

    @Test("GELF 1.1: the underscored fields name the service, the syslog level and epoch time are read")
    func gelf() throws {
        let log = try ingest(
            #"""
            {"version":"1.1","host":"ip-10-1-2-33.eu-west-1.compute.internal","short_message":"[ERROR] plugin/errors: 2 sqs.eu-west-1.amazonaws.com. AAAA: read udp 10.244.3.176:36693->10.1.0.2:53: i/o timeout","timestamp":1741689872.588,"level":3,"_container_name":"coredns","_pod_name":"coredns-ht2nvlr62k-bv7hw","_app":"coredns"}
            {"version":"1.1","host":"ip-10-1-5-12","short_message":"charge failed: dial tcp: lookup api.psp.example on 10.96.0.10:53: read udp 10.244.1.9:51012->10.96.0.10:53: i/o timeout","timestamp":1741689873.1,"level":3,"_container_name":"payments-api","_app":"payments-api"}
            """#, file: "graylog/gelf-ip-10-1-5-12.jsonl")
        let resolver = try #require(log.templates.first { $0.service == "coredns" }, "\(log.templates.map(\.service))")
        #expect(resolver.level == .error)
        #expect(resolver.firstSeen?.iso8601 == "2025-03-11T10:44:32.588Z")
        let payments = try #require(log.templates.first { $0.service == "payments-api" })
        #expect(payments.signals.first == "dns_failure", "Go's resolver error: lookup NAME on SERVER:53")
    }

    @Test("a Lambda log stream from `aws logs tail --format detailed`: stream and request id peeled, the runtime's JSON read")
    func lambdaStream() throws {
        let log = try ingest(
            """
            2025-03-11T15:10:48.310009+00:00 2025/03/11/[$LATEST]41a05839a753b8329f125f4eb324ddf0 2025-03-11T15:10:48.310Z\ted29457d-15e7-4e31-a364-16c2206cdec3\tWARN\t{"level":"warn","msg":"paygate rate limited","status":429,"retry_after_s":2}
            2025-03-11T15:10:49.350443+00:00 2025/03/11/[$LATEST]41a05839a753b8329f125f4eb324ddf0 2025-03-11T15:10:49.350Z\t1f42df26-6073-4744-af3e-4e9879f5d032\tINFO\t{"level":"info","msg":"charge captured","attempts":1}
            """, file: "cloudwatch/aws/lambda/payment-fn/2025_03_11_LATEST_41a05839a753b8329f125f4eb324ddf0.log")
        #expect(Set(log.templates.map(\.service)) == ["payment-fn"], "\(log.templates.map(\.service))")
        let limited = try #require(log.templates.first { $0.message == "paygate rate limited" }, "\(log.templates.map(\.message))")
        #expect(limited.level == .warning)
        #expect(limited.firstSeen?.iso8601 == "2025-03-11T15:10:48.310Z")
    }

    @Test("a Datadog logs export: the record's attributes hold its service, status, time and message")
    func datadogExport() throws {
        let line = #"{"id":"AQAAAYLZ","type":"log","attributes":{"service":"order-service","host":"i-0a1f3ce0e5669fe06","status":"error","timestamp":"2025-03-11T15:12:00.134Z","message":"POST /orders 502 PaymentFailedException","attributes":{"http":{"method":"POST","status_code":502}}}}"#
        let log = try ingest(line + "\n", file: "datadog/logs-export-ecs-shop-prod.ndjson")
        let template = try #require(log.templates.first)
        #expect(template.service == "order-service")
        #expect(template.level == .error)
        #expect(template.message == "POST /orders 502 PaymentFailedException")
        #expect(template.firstSeen?.iso8601 == "2025-03-11T15:12:00.134Z")
    }

    @Test("Azure portal exports: container logs with the line in LogMessage, 12-hour US times, an application gateway's access rows")
    func azureExports() throws {
        let containers = #"""
            TimeGenerated [UTC],Computer,ContainerId,ContainerName,PodName,PodNamespace,LogMessage,LogSource
            "8/19/2025, 5:15:01.347 PM",aks-userpool-3,b5f29e,catalog-svc,catalog-svc-7b8c6d9f4-6555z,shop,"{""level"":""error"",""status"":502,""message"":""price lookup failed""}",stdout
            """#
        let log = try ingest(containers, file: "ContainerLogV2_shop_2025-08-19T1715.csv")
        let row = try #require(log.templates.first)
        #expect(row.service == "catalog-svc")
        #expect(row.message == "price lookup failed")
        #expect(row.level == .error)
        #expect(row.firstSeen?.iso8601 == "2025-08-19T17:15:01.347Z")
        let gateway = #"""
            TimeGenerated [UTC],Category,ResourceId,httpMethod_s,requestUri_s,httpStatus_d,timeTaken_d
            "8/19/2025, 5:14:54.384 PM",ApplicationGatewayAccessLog,/SUBSCRIPTIONS/6F1C/RESOURCEGROUPS/RG-SHOP/PROVIDERS/MICROSOFT.NETWORK/APPLICATIONGATEWAYS/AGW-SHOP-PROD-WEU,GET,/cart,502,0.93
            """#
        let edge = try ingest(gateway, file: "AzureDiagnostics_ApplicationGatewayAccessLog_2025-08-19T1715.csv")
        let access = try #require(edge.templates.first)
        #expect(access.service == "agw-shop-prod-weu")
        #expect(access.message == "GET /cart 502")
        #expect(access.level == .error)
    }

    @Test("an Alertmanager webhook payload: each alert is an event of the workload its labels name")
    func alertmanagerWebhook() throws {
        let payload = #"""
            {"receiver":"pagerduty","status":"firing","alerts":[
              {"status":"firing","labels":{"alertname":"KubeHpaMaxedOut","namespace":"pricing","horizontalpodautoscaler":"pricing-engine","severity":"warning"},
               "annotations":{"summary":"HPA is running at max replicas"},"startsAt":"2025-08-19T16:59:03.000Z"},
              {"status":"firing","labels":{"alertname":"Watchdog","severity":"none"},"annotations":{},"startsAt":"2025-08-19T16:00:00.000Z"}],
             "groupKey":"{}:{alertname=KubeHpaMaxedOut}","version":"4"}
            """#
        let log = try ingest(payload, file: "alertmanager-webhook/20250819T165933Z-03-KubeHpaMaxedOut.json")
        #expect(log.templates.map(\.service) == ["pricing-engine"], "an alert naming no workload is skipped")
        let alert = try #require(log.templates.first)
        #expect(alert.level == .warning)
        #expect(alert.message.contains("KubeHpaMaxedOut") && alert.message.contains("max replicas"))
        #expect(alert.firstSeen?.iso8601 == "2025-08-19T16:59:03.000Z")
    }

    @Test("an OpenTelemetry JSON log export is read as a document")
    func otlp() throws {
        let export = #"""
            {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"payments-worker"}}]},
             "scopeLogs":[{"logRecords":[
               {"timeUnixNano":"1779623650221000000","severityText":"FATAL","body":{"stringValue":"OutOfMemoryError: Java heap space"}},
               {"timeUnixNano":"1779623651000000000","severityNumber":9,"body":{"stringValue":"restarted"}}]}]}]}
            """#
        let log = try ingest(export, file: "otel-export.json")
        #expect(log.statistics.records == 2)
        #expect(log.statistics.recordsByFormat[.otlpLogs] == 2)
        #expect(log.templates.first?.signals.first == "oom")
        #expect(log.templates.first?.firstSeen?.iso8601 == "2026-05-24T11:54:10.221Z")
    }

    @Test("Kubernetes events become events of the owning service")
    func kubernetesEvents() throws {
        let events = #"""
            {"apiVersion":"v1","kind":"List","items":[
              {"involvedObject":{"kind":"Pod","name":"payments-worker-7d9f8c6b5-x2x4q","namespace":"shop"},"reason":"OOMKilling",
               "message":"Memory cgroup out of memory: Killed process 4242 (java)","type":"Warning","lastTimestamp":"2026-05-24T11:54:10Z","count":1},
              {"involvedObject":{"kind":"Pod","name":"payments-worker-7d9f8c6b5-x2x4q"},"reason":"BackOff",
               "message":"Back-off restarting failed container","type":"Warning","lastTimestamp":"2026-05-24T11:54:40Z","count":4},
              {"involvedObject":{"kind":"Pod","name":"checkout-api-6f5d8-9hq2x"},"reason":"Unhealthy",
               "message":"Readiness probe failed: HTTP probe failed with statuscode: 503","type":"Warning","lastTimestamp":"2026-05-24T11:54:20Z"}
            ]}
            """#
        let log = try ingest(events, file: "k8s-events.json")
        #expect(log.statistics.recordsByFormat[.kubernetesEvents] == 3)
        let worker = log.templates.filter { $0.service == "payments-worker" }
        #expect(worker.contains { $0.signals.first == "oom" })
        #expect(worker.contains { $0.signals.contains("crash") })
        #expect(log.templates.contains { $0.service == "checkout-api" && $0.signals.contains("health_check_failed") })

        let table = try ingest(
            """
            LAST SEEN   TYPE      REASON      OBJECT                                MESSAGE
            2m          Warning   OOMKilling  pod/payments-worker-7d9f8c6b5-x2x4q   Memory cgroup out of memory: Killed process 4242
            1m          Warning   BackOff     pod/payments-worker-7d9f8c6b5-x2x4q   Back-off restarting failed container
            """, file: "events.txt")
        #expect(table.statistics.records == 2)
        #expect(table.templates.allSatisfy { $0.service == "payments-worker" })
        #expect(table.statistics.recordsWithoutTime == 2, "the table's relative times cannot be placed")
    }

    @Test("an events table with absolute times (-o custom-columns) places its events")
    func kubernetesEventsTableWithTimes() throws {
        let table = try ingest(
            """
            LAST                     TYPE     REASON      OBJECT                                  MESSAGE
            2026-05-14T07:12:34Z     Warning  BackOff     pod/pricing-engine-7d4b9c8f6-fk2lp      Back-off restarting failed container
            2026-05-14T07:12:35Z     Warning  Unhealthy   pod/pricing-engine-7d4b9c8f6-fk2lp      Readiness probe failed: connection refused
            """, file: "k8s-events.txt")
        #expect(table.statistics.recordsByFormat[.kubernetesEvents] == 2)
        #expect(table.statistics.recordsWithoutTime == 0)
        #expect(table.templates.allSatisfy { $0.service == "pricing-engine" }, "\(table.templates.map(\.service))")
        #expect(table.templates.compactMap(\.firstSeen).min()?.iso8601 == "2026-05-14T07:12:34.000Z")
    }

    @Test("kubectl describe pod: a container's last termination (OOMKilled) is an event of the pod's service at its time")
    func podDescription() throws {
        let described = try ingest(
            """
            Name:             pricing-engine-7d4b9c8f6-fk2lp
            Namespace:        shop
            Containers:
              pricing-engine:
                Image:          registry.example.com/pricing-engine:3.8.2
                State:          Waiting
                  Reason:       CrashLoopBackOff
                Last State:     Terminated
                  Reason:       OOMKilled
                  Exit Code:    137
                  Started:      Thu, 14 May 2026 07:16:14 +0000
                  Finished:     Thu, 14 May 2026 07:16:40 +0000
                Ready:          False
                Restart Count:  4
            Events:
              Type     Reason   Age                From     Message
              ----     ------   ----               ----     -------
              Warning  BackOff  2m (x9 over 6m)    kubelet  Back-off restarting failed container
            """, file: "describe-pricing-engine.txt")
        let killed = try #require(described.templates.first)
        #expect(described.templates.count == 1)
        #expect(killed.service == "pricing-engine")
        #expect(killed.signals.contains("oom"), "\(killed.pattern) \(killed.signals)")
        #expect(killed.firstSeen?.iso8601 == "2026-05-14T07:16:40.000Z")
    }

    @Test("MySQL's slow query log: one record per entry, dated when the statement started, a long lock wait said as one")
    func mysqlSlowLog() throws {
        let log = try ingest(
            """
            /usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:
            Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock
            Time                 Id Command    Argument
            # Time: 2026-02-26T03:22:16.559016Z
            # User@Host: bi_reader[bi_reader] @  [10.0.8.238]  Id: 88123
            # Query_time: 5.309017  Lock_time: 0.000004 Rows_sent: 50000  Rows_examined: 50000
            use orders;
            SET timestamp=1772076131;
            SELECT * FROM orders WHERE id > '2dbb4cd8' ORDER BY id LIMIT 50000;
            # Time: 2026-02-26T04:02:25.168000Z
            # User@Host: flyway[flyway] @  [10.0.9.130]  Id: 90211
            # Query_time: 1450.514000  Lock_time: 1405.618000 Rows_sent: 0  Rows_examined: 0
            SET timestamp=1772077094;
            ALTER TABLE `orders`
              ADD INDEX `idx_orders_created_at` (`created_at`), ALGORITHM=INPLACE, LOCK=NONE;
            """, file: "orders-mysql/mysql-slow.log")
        #expect(log.statistics.records == 2)
        #expect(log.statistics.recordsByFormat[.mysqlSlowLog] == 2)
        #expect(log.statistics.recordsWithoutTime == 0)
        #expect(log.templates.allSatisfy { $0.service == "orders-mysql" }, "\(log.templates.map(\.service))")
        let select = try #require(log.templates.first { $0.pattern.contains("SELECT") })
        #expect(select.signals == ["slow_query"], "\(select.signals)")
        #expect(select.firstSeen?.iso8601 == "2026-02-26T03:22:11.249Z", "the start: written at 03:22:16.559016, 5.309017 s after")
        let alter = try #require(log.templates.first { $0.pattern.contains("ALTER TABLE") }, "\(log.templates.map(\.pattern))")
        #expect(Set(alter.signals) == ["slow_query", "lock_failure"], "\(alter.signals)")
        #expect(alter.pattern.contains("ADD INDEX"), "a statement over two lines is one: \(alter.pattern)")
        #expect(alter.firstSeen?.iso8601 == "2026-02-26T03:38:14.654Z")
        #expect(alter.level == .warning)
    }

    @Test("AWS load balancer access logs: the time after the type, the load balancer's name and status, the target in the message")
    func loadBalancerAccessLog() throws {
        let log = try ingest(
            """
            h2 2026-02-03T01:20:00.936627Z app/shop-prod-alb/50dc6c495c0c9188 142.184.42.87:12108 10.4.2.12:80 0.000 0.048 0.000 200 200 523 30193 "GET https://shop.example.de:443/ HTTP/2.0" "Mozilla/5.0 (iPhone)" TLS_AES_128_GCM_SHA256 TLSv1.3 arn:aws:elasticloadbalancing:eu-central-1:4128:targetgroup/shop-web/73e2 "Root=1-69814d10-85d1" "shop.example.de" "-" 0 2026-02-03T01:19:12.830108Z "forward" "-" "-" "10.4.2.12:80" "200" "-" "-" TID_f65d
            https 2026-02-03T01:21:07.102000Z app/shop-prod-alb/50dc6c495c0c9188 31.9.178.50:63756 10.4.2.13:80 0.000 -1 -1 504 - 325 0 "POST https://shop.example.de:443/checkout HTTP/1.1" "curl/8.5.0" TLS_AES_128_GCM_SHA256 TLSv1.3 arn:aws:elasticloadbalancing:eu-central-1:4128:targetgroup/shop-web/73e2 "Root=1-69814d10-85d2" "shop.example.de" "-" 0 2026-02-03T01:20:07.101000Z "forward" "-" "-" "10.4.2.13:80" "-" "-" "-" TID_f65e
            """, file: "4128_elasticloadbalancing_eu-central-1_app.shop-prod-alb.50dc6c495c0c9188_20260203T0120Z_10.4.1.77_a98e.log")
        #expect(log.statistics.recordsByFormat[.loadBalancerAccess] == 2)
        #expect(log.statistics.recordsWithoutTime == 0)
        #expect(log.templates.allSatisfy { $0.service == "shop-prod-alb" }, "\(log.templates.map(\.service))")
        let timeout = try #require(log.templates.first { $0.pattern.contains("checkout") }, "\(log.templates.map(\.pattern))")
        #expect(timeout.signals.contains("http_5xx"), "\(timeout.pattern) \(timeout.signals)")
        #expect(timeout.firstSeen?.iso8601 == "2026-02-03T01:21:07.102Z")
        #expect(timeout.pattern.contains("target -"), "\(timeout.pattern)")
    }

    @Test("Ruby's Logger (Rails): the time in brackets, the level, the program's name after `--` as the service")
    func rubyLogger() throws {
        let log = try ingest(
            """
            I, [2026-02-03T01:44:01.582748 #17]  INFO -- : [ff0d1ea4] Started GET "/api/v2/points/646959" for 10.4.2.13
            E, [2026-02-03T01:44:02.100000 #17] ERROR -- : [ff0d1ea4] ActiveRecord::StatementInvalid (Mysql2::Error: Lock wait timeout exceeded)
            W, [2026-02-03T01:44:03.000000 #9]  WARN -- sidekiq: retrying job 42
            """, file: "loyalty/production.log")
        #expect(log.statistics.recordsWithoutTime == 0)
        let failure = try #require(log.templates.first { $0.level == .error }, "\(log.templates.map(\.pattern))")
        #expect(failure.service == "loyalty")
        #expect(failure.pattern.hasPrefix("[") && !failure.pattern.contains("ERROR --"), "\(failure.pattern)")
        #expect(failure.firstSeen?.iso8601 == "2026-02-03T01:44:02.100Z")
        #expect(log.templates.contains { $0.service == "sidekiq" && $0.level == .warning }, "\(log.templates.map { ($0.service, $0.level) })")
    }

    @Test("Google Cloud Logging's LogEntry (a GCS sink's lines): the resource's labels name the workload, the payload is the message")
    func cloudLoggingEntries() throws {
        let log = try ingest(
            """
            {"insertId":"af0u8","textPayload":"reencrypt-pii 1.3.0 task 0/32 starting: batch=500, workers=16","resource":{"type":"cloud_run_job","labels":{"job_name":"reencrypt-pii","location":"europe-west1"}},"timestamp":"2025-07-09T15:31:04.518422Z","severity":"DEFAULT","logName":"projects/acme/logs/run.googleapis.com%2Fstdout"}
            {"insertId":"s3p3d","jsonPayload":{"message":"KMS Decrypt failed: quota exceeded","status":503},"resource":{"type":"cloud_run_revision","labels":{"service_name":"tokenizer","revision_name":"tokenizer-00042-xuz"}},"timestamp":"2025-07-09T15:31:38.028020Z","severity":"ERROR","logName":"projects/acme/logs/run.googleapis.com%2Fstderr"}
            """, file: "gcs-log-sink/run.googleapis.com/stdout/2025/07/09/15:00:00_15:59:59_S0.json")
        #expect(Set(log.templates.map(\.service)) == ["reencrypt-pii", "tokenizer"], "\(log.templates.map(\.service))")
        let failure = try #require(log.templates.first { $0.service == "tokenizer" })
        #expect(failure.level == .error)
        #expect(failure.pattern.hasPrefix("KMS Decrypt failed"), "\(failure.pattern)")
        #expect(failure.signals.contains("rate_limited"), "\(failure.signals)")
    }

    @Test("a node agent's lines about a pod (kubelet's pod=, containerd's sandbox) are the pod's service's, not the node's")
    func nodeAgentLinesAboutPods() throws {
        let log = try ingest(
            """
            2025-02-18T11:30:36+0000 gke-core-pool-5e1a2b3c-m2lk kubelet[1843]: I0218 11:30:36.020000    1843 kubelet.go:2432] "SyncLoop ADD" source="api" pods=["ledger/ledger-svc-7c9d8f6b5-9vqz8"]
            2025-02-18T11:30:36+0000 gke-core-pool-5e1a2b3c-m2lk containerd[912]: time="2025-02-18T11:30:36.420000Z" level=info msg="RunPodSandbox for &PodSandboxMetadata{Name:ledger-svc-7c9d8f6b5-9vqz8,Uid:bc58,Namespace:ledger,Attempt:0,} returns sandbox id"
            2025-02-18T11:30:38+0000 gke-core-pool-5e1a2b3c-m2lk kubelet[1843]: I0218 11:30:38.720000    1843 kuberuntime_container.go:297] "Pulling image" pod="monitoring/node-exporter-hlmfr" image="quay.io/prometheus/node-exporter:v1.8.1"
            2025-02-18T11:30:52+0000 gke-core-pool-5e1a2b3c-m2lk kubelet[1843]: I0218 11:30:52.817117    1843 log.go:194] "Cleaned up orphaned pod volumes dir" podUID="5a6b475c"
            """, file: "nodes/gke-core-pool-5e1a2b3c-m2lk/kubelet-containerd.journal")
        #expect(Set(log.templates.map(\.service)) == ["ledger-svc", "node-exporter", "gke-core-pool-5e1a2b3c-m2lk"], "\(log.templates.map(\.service))")
        #expect(log.statistics.recordsWithoutTime == 0)
    }

    @Test("Traefik's JSON access log: an empty msg is no message, and its ServiceName (name@provider) is the upstream, not the proxy")
    func traefikAccessLog() throws {
        let log = try ingest(
            """
            {"ClientHost":"195.145.98.195","DownstreamStatus":503,"Duration":2010251388,"OriginStatus":503,"RequestHost":"shop.example.com","RequestMethod":"GET","RequestPath":"/api/products/SKU-92807","RouterName":"shop-web-api-websecure@kubernetescrd","ServiceAddr":"10.4.1.12:3000","ServiceName":"shop-web-api-3000@kubernetes","StartUTC":"2026-02-17T09:33:20.783246765Z","level":"info","msg":"","time":"2026-02-17T09:33:22Z"}
            """, file: "traefik/traefik-6b8f9d7c4-2hkzq.log")
        let record = try #require(log.templates.first)
        #expect(record.service == "traefik", "\(log.templates.map(\.service))")
        #expect(record.pattern.contains("GET") && record.pattern.contains("upstream shop-web-api"), "\(record.pattern)")
        #expect(record.signals.contains("http_5xx"), "\(record.signals)")
    }

    @Test("a syslog program named only for its software is the deployment its file is named for")
    func softwareProgramInItsDeploymentsFile() throws {
        let text = """
            Feb 24 10:37:44 lb-edge-01 haproxy[2231]: 145.225.208.239:2089 [24/Feb/2026:10:37:44.085] fe_https~ be_web_portal/wp1 1/0/2/1128/1131 500 312 - - ---- 433/390/24/9/0 0/0 "GET /claims/CLM-2026-54717 HTTP/1.1"
            Feb 24 10:37:45 lb-edge-01 billing-sync[77]: batch 4 sent
            """
        let deployment = try ingest(text, file: "edge-haproxy/haproxy.log")
        #expect(Set(deployment.templates.map(\.service)) == ["edge-haproxy", "billing-sync"], "\(deployment.templates.map(\.service))")
        let elsewhere = try ingest(text, file: "lb-edge-01/syslog")
        #expect(elsewhere.templates.contains { $0.service == "haproxy" }, "a file not named for it keeps the program's name")
    }

    @Test("Kong's log serializer: the `service` object is the upstream the record names, not the gateway that wrote it")
    func kongLogSerializer() throws {
        let log = try ingest(
            """
            {"request":{"method":"GET","uri":"/v1/orders/42"},"upstream_uri":"/v1/orders/42","response":{"status":503},"service":{"name":"order-service","host":"order-service.orders.svc.cluster.local","port":8080},"latencies":{"kong":2,"proxy":30001},"started_at":1772076001712}
            """, file: "kong/kong-4llmb7x7gk-9qsn2.log")
        let record = try #require(log.templates.first)
        #expect(record.service == "kong", "\(log.templates.map(\.service))")
        #expect(record.signals.contains("http_5xx"), "\(record.pattern) \(record.signals)")
        #expect(record.pattern.contains("order-service"), "the upstream is named: \(record.pattern)")
    }

    @Test("stern's output: the pod names the service, the line after the time is read as itself")
    func sternOutput() throws {
        let log = try ingest(
            """
            shop storefront-85d9c6f7b-v7n4k web 2026-06-17T16:25:00.844000597Z {"level":50,"time":1781713500000,"msg":"getaddrinfo ENOTFOUND catalog-api"}
            kube-system coredns-7db6d8ff4d-8kq2x coredns 2026-06-17T16:40:51.614Z [FATAL] plugin/loop: Loop (127.0.0.1:43119 -> :53) detected for zone "."
            checkout-api-6f5d8c7b9-9hq2x app 2026-06-17T16:41:00Z level=error msg="dial tcp: lookup orders-db: no such host"
            """, file: "cluster-pods.log")
        #expect(Set(log.templates.map(\.service)) == ["storefront", "coredns", "checkout-api"], "\(log.templates.map(\.service))")
        #expect(log.templates.first { $0.service == "coredns" }?.level == .critical)
        #expect(log.templates.first { $0.service == "storefront" }?.level == .error)
        #expect(log.templates.first { $0.service == "checkout-api" }?.firstSeen?.iso8601 == "2026-06-17T16:41:00.000Z")
    }

    @Test("Loki's logcli output: the labels name the service, the line inside is read as itself")
    func lokiLabels() throws {
        let log = try ingest(
            """
            2026-05-14T08:57:59.866+02:00 {app="cart-service", container="app", pod="cart-service-58b7c6d9f-t7hqx"} {"level":"error","ts":1778741879.693,"msg":"pricing call failed"}
            2026-05-14T08:58:00.934+02:00 {container="web-bff", namespace="shop"} time="2026-05-14T06:58:00Z" level=warning msg="slow upstream"
            2026-05-14T08:58:01.000+02:00 {job="shop/quote-api", level="error"} request failed
            """, file: "loki-export.log")
        #expect(log.statistics.recordsByFormat[.loki] == 3)
        #expect(Set(log.templates.map(\.service)) == ["cart-service", "web-bff", "quote-api"])
        #expect(log.templates.first { $0.service == "cart-service" }?.level == .error)
        #expect(log.templates.first { $0.service == "cart-service" }?.firstSeen?.iso8601 == "2026-05-14T06:57:59.693Z", "the line's own time")
        #expect(log.templates.first { $0.service == "quote-api" }?.level == .error, "the level label when the line has none")
        #expect(log.templates.first { $0.service == "quote-api" }?.firstSeen?.iso8601 == "2026-05-14T06:58:01.000Z", "Loki's time when the line has none")
    }

    @Test("a Splunk export: the source path names the service before the host, and a JSON cell is read as a record")
    func splunkExport() throws {
        let csv = #"""
            "_time","host","source","sourcetype","index","_raw"
            "2025-03-11T10:34:00.836+00:00","nomad-client-01","/opt/nomad/data/alloc/91b6/alloc/logs/kong.json","kong:http_log","prod","{""request"":{""method"":""GET"",""uri"":""/api/users/295194""},""response"":{""status"":503},""started_at"":1741689237827}"
            "2025-03-11T10:34:00.833+00:00","nomad-client-02","/opt/nomad/data/alloc/61eb/alloc/logs/user-svc.stderr.0","nomad:alloc:stderr","prod","2025/03/11 10:34:00.833776 http.go:44: GET /v1/users/295194 status=500 dur=3006.7ms"
            """#
        let log = try ingest(csv, file: "splunk_export_prod_shop.csv")
        #expect(Set(log.templates.map(\.service)) == ["kong", "user-svc"], "\(log.templates.map(\.service))")
        let kong = try #require(log.templates.first { $0.service == "kong" })
        #expect(kong.message == "GET /api/users/295194 503")
        #expect(kong.level == .error)
        let windows = try ingest(csv.replacingOccurrences(of: "\n", with: "\r\n"), file: "splunk_export_prod_shop.csv")
        #expect(windows.statistics.records == log.statistics.records, "a Windows export's CRLF ends its rows")
        #expect(Set(windows.templates.map(\.service)) == ["kong", "user-svc"])
    }

    @Test("Application Insights exports: cloud_RoleName is the service, severityLevel a number, exceptions and dependencies make messages")
    func applicationInsightsExports() throws {
        let exceptions = try ingest(
            #"""
            timestamp [UTC],problemId,type,outerMessage,innermostType,innermostMessage,method,severityLevel,cloud_RoleName,cloud_RoleInstance,operation_Id
            "6/23/2026, 2:12:38.073 PM",Npgsql.PostgresException at Orders.Insert,Microsoft.EntityFrameworkCore.DbUpdateException,An error occurred while saving the entity changes.,Npgsql.PostgresException,"2200H: nextval: reached maximum value of sequence ""orders_id_seq"" (2147483647)",Orders.Insert,3,orders-api,lw1,e9e2
            """#, file: "appinsights_exceptions.csv")
        let failed = try #require(exceptions.templates.first)
        #expect(failed.service == "orders-api")
        #expect(failed.level == .error, "severityLevel 3")
        #expect(failed.message.contains("DbUpdateException: An error occurred") && failed.message.contains("reached maximum value"), "\(failed.message)")
        #expect(failed.firstSeen?.iso8601 == "2026-06-23T14:12:38.073Z")
        let dependencies = try ingest(
            #"""
            timestamp [UTC],type,target,name,data,success,resultCode,duration,cloud_RoleName,cloud_RoleInstance,operation_Id
            "6/23/2026, 1:40:01.125 PM",postgresql,psql-orders-prod.postgres.database.azure.com | orders,INSERT orders,"INSERT INTO orders",False,2200H,12.2,orders-api,lw1,1395
            """#, file: "appinsights_dependencies.csv")
        let call = try #require(dependencies.templates.first)
        #expect(call.service == "orders-api")
        #expect(call.level == .error, "success False")
        #expect(call.message.hasPrefix("postgresql call to psql-orders-prod.postgres.database.azure.com"), "\(call.message)")
    }

    @Test("a Kibana CSV export: the apostrophe that guards a formula-like cell is dropped, from the header and the values")
    func kibanaExport() throws {
        let csv = #"""
            "'@timestamp","kubernetes.namespace","kubernetes.pod.name","kubernetes.container.name",message
            "May 19, 2026 @ 12:14:00.294",shop,"catalog-5c7f8d6b9-fq2lw",catalog,"{""@timestamp"":""2026-05-19T10:14:00.290Z"",""message"":""rpc completed"",""level"":""INFO""}"
            "May 19, 2026 @ 12:13:59.784",shop,"recs-7d9f8c6b5-m4nvt",recs,"'-1 score for item 42, falling back"
            """#
        let log = try ingest(csv, file: "Discover - shop namespace.csv")
        #expect(log.statistics.recordsByFormat[.csv] == 2, "\(log.statistics.recordsByFormat)")
        #expect(Set(log.templates.map(\.service)) == ["catalog", "recs"], "\(log.templates.map(\.service))")
        #expect(log.templates.first { $0.service == "catalog" }?.firstSeen?.iso8601 == "2026-05-19T10:14:00.290Z")
        #expect(log.templates.first { $0.service == "recs" }?.message.hasPrefix("-1 score") == true)
    }

    @Test("a Windows event log export: the machine names the service, the level display name the level, and the machine's spellings join the service")
    func windowsEvents() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-winevents-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("LEDGER01/LedgerApi"), withIntermediateDirectories: true)
        try #"""
            "TimeCreated","Id","LevelDisplayName","ProviderName","MachineName","Message"
            "5/19/2026 6:44:10 AM","36887","Error","Schannel","LEDGER01.corp.fabrikam.internal","A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 44."
            "5/19/2026 6:44:06 AM","7036","Information","Service Control Manager","LEDGER01.corp.fabrikam.internal","The Fabrikam Ledger API service entered the running state."
            """#.write(to: folder.appendingPathComponent("LEDGER01/System-events.csv"), atomically: true, encoding: .utf8)
        try #"""
            {"@t":"2026-05-19T06:44:07.1066325Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms","RequestMethod":"GET","RequestPath":"/v1/settlements","StatusCode":200,"Elapsed":5.2578,"SourceContext":"Serilog.AspNetCore.RequestLoggingMiddleware","MachineName":"LEDGER01","Application":"Fabrikam.Ledger.Api"}
            {"@t":"2026-05-19T06:44:08.2652138Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms","RequestMethod":"GET","RequestPath":"/v1/entries","StatusCode":200,"Elapsed":4.125,"SourceContext":"Serilog.AspNetCore.RequestLoggingMiddleware","MachineName":"LEDGER01","Application":"Fabrikam.Ledger.Api"}
            """#.write(to: folder.appendingPathComponent("LEDGER01/LedgerApi/log-20260519.clef"), atomically: true, encoding: .utf8)
        try "2026-05-19T06:44:09.000Z ERROR checkout-api call to https://ledger-api.corp.fabrikam.internal/v1/entries failed: certificate revoked\n"
            .write(to: folder.appendingPathComponent("checkout-api.log"), atomically: true, encoding: .utf8)
        let files = ["LEDGER01/System-events.csv", "LEDGER01/LedgerApi/log-20260519.clef", "checkout-api.log"]
        let log = IngestEngine(rulebook: try SignalRulebook.bundled())
            .run(files.map { .file(path: folder.appendingPathComponent($0).path, displayPath: "logs/windows/" + $0) })
        #expect(log.statistics.services == ["checkout-api", "ledger-api"], "\(log.statistics.services)")
        let alert = try #require(log.templates.first { $0.message.contains("fatal alert") })
        #expect(alert.service == "ledger-api")
        #expect(alert.level == .error)
        #expect(log.templates.first { $0.message.contains("running state") }?.level == .info)
        #expect(log.statistics.aliases.map(\.name).sorted() == ["fabrikam.ledger.api", "ledger01"])
    }

    @Test("Fluentd's out_file: time, tag and the JSON record, whose Kubernetes labels name the service and whose log field is the line")
    func fluentdOutFile() throws {
        let envoy = #"{\"authority\":\"inventory-svc.shop.svc.cluster.local:8080\",\"method\":\"POST\",\"path\":\"/v1/stock:batch\",\"response_code\":504,\"response_flags\":\"UT\"}"#
        let text = [
            "2026-05-19T13:34:00+00:00\tkubernetes.var.log.containers.catalog-svc-6c8d9f7b5-qw8jn_shop_istio-proxy-a9df.log\t{\"log\":\"\(envoy)\\n\",\"stream\":\"stdout\",\"kubernetes\":{\"pod_name\":\"catalog-svc-6c8d9f7b5-qw8jn\",\"namespace_name\":\"shop\",\"labels\":{\"app\":\"catalog-svc\"},\"container_name\":\"istio-proxy\"}}",
            "2026-05-19T13:34:01+00:00\tkubernetes.var.log.containers.inventory-svc-7b9d6c5f8-kq2xw_shop_inventory-b3c1.log\t{\"log\":\"level=warn ts=2026-05-19T13:34:01.120Z msg=\\\"slow request\\\" took=4.2s\\n\",\"stream\":\"stderr\",\"kubernetes\":{\"pod_name\":\"inventory-svc-7b9d6c5f8-kq2xw\",\"labels\":{\"app\":\"inventory-svc\"},\"container_name\":\"inventory\"}}",
        ].joined(separator: "\n") + "\n"
        let log = try ingest(text, file: "fluentd/shop.20260519_1.log")
        #expect(log.statistics.recordsByFormat[.fluentd] == 2, "\(log.statistics.recordsByFormat)")
        #expect(Set(log.templates.map(\.service)) == ["catalog-svc", "inventory-svc"])
        #expect(log.templates.first { $0.service == "catalog-svc" }?.level == .error, "the access record's 504")
        let slow = try #require(log.templates.first { $0.service == "inventory-svc" })
        #expect(slow.level == .warning)
        #expect(slow.firstSeen?.iso8601 == "2026-05-19T13:34:01.000Z", "Fluentd's time for a record without one")
    }

    @Test("Papertrail's archive: the event id is no time; the generated time, the severity's name and the program (the host, for the kernel) are read")
    func papertrailArchive() throws {
        let text = [
            "1704482231002819241\t2025-11-06 14:20:13\t2025-11-06 14:20:14\t118201\tstor-node-01\t10.80.20.11\tdaemon\tInformational\tminio\tAPI: SYSTEM() healing done",
            "1704482231043000580\t2025-11-06 14:24:51\t2025-11-06 14:24:52\t118311\tstor-node-03\t10.80.20.13\tkern\tError\tkernel\tnvme nvme3: I/O 812 QID 5 timeout, aborting",
        ].joined(separator: "\n") + "\n"
        let log = try ingest(text, file: "papertrail/2025-11-06-14.tsv")
        #expect(log.statistics.recordsByFormat[.syslog] == 2, "\(log.statistics.recordsByFormat)")
        #expect(Set(log.templates.map(\.service)) == ["minio", "stor-node"], "\(log.templates.map(\.service))")
        let stall = try #require(log.templates.first { $0.service == "stor-node" })
        #expect(stall.level == .error)
        #expect(stall.firstSeen?.iso8601 == "2025-11-06T14:24:51.000Z")
        #expect(stall.signals.contains("io_stall"), "\(stall.signals)")
    }

    @Test("Fluent Bit's out_file: tag, epoch and the JSON record; a nested line's placeholder service (ES_ECS, unknown_service) gives way to the Kubernetes labels")
    func fluentBitOutFile() throws {
        let es = #"{\"@timestamp\":\"2025-07-02T13:04:03.793Z\",\"log.level\":\"WARN\",\"message\":\"failed to process cluster event (put-mapping) within 30s\",\"service.name\":\"ES_ECS\"}"#
        let text = [
            #"kube.var.log.containers.catalog-ingest-7d5f9c8b6d-r2xkq_catalog_catalog-ingest-559b.log: [1751461331.621214628, {"stream":"stderr","log":"2025-07-02 13:02:11,604 INFO [catalog_ingest.feeds] feed brightline-v3 enabled","kubernetes":{"pod_name":"catalog-ingest-7d5f9c8b6d-r2xkq","labels":{"app.kubernetes.io/name":"catalog-ingest"},"container_name":"catalog-ingest"}}]"#,
            #"kube.var.log.containers.es-master-1_search_elasticsearch-050a.log: [1751461443.793000000, {"time":"2025-07-02T13:04:03.793Z","stream":"stdout","log":""# + es + #"","kubernetes":{"pod_name":"es-master-1","labels":{"app.kubernetes.io/name":"elasticsearch"},"container_name":"elasticsearch"}}]"#,
        ].joined(separator: "\n") + "\n"
        let log = try ingest(text, file: "fluent-bit/prod.log")
        #expect(log.statistics.recordsByFormat[.fluentd] == 2, "\(log.statistics.recordsByFormat)")
        #expect(Set(log.templates.map(\.service)) == ["catalog-ingest", "elasticsearch"], "\(log.templates.map(\.service))")
        let feed = try #require(log.templates.first { $0.service == "catalog-ingest" })
        #expect(feed.firstSeen?.iso8601 == "2025-07-02T13:02:11.604Z", "the line's own time")
        let mapping = try #require(log.templates.first { $0.service == "elasticsearch" })
        #expect(mapping.level == .warning)
    }

    @Test("Vector's kubernetes_logs records: the pod's labels name the service, not the container")
    func vectorKubernetesLogs() throws {
        let line = #"{"file":"/var/log/pods/data_orders-db-0_2f3e/postgres/0.log","kubernetes":{"container_name":"postgres","pod_labels":{"app.kubernetes.io/name":"orders-db"},"pod_name":"orders-db-0","pod_owner":"StatefulSet/orders-db"},"message":"2026-04-28 03:41:05.328 UTC [1] LOG:  database system is shut down","source_type":"kubernetes_logs","stream":"stderr","timestamp":"2026-04-28T03:41:05.328Z"}"# + "\n"
        let log = try ingest(line, file: "logs/vector.json")
        #expect(log.templates.map(\.service) == ["orders-db"], "\(log.templates.map(\.service))")
    }

    @Test("CloudTrail's delivery file: each call is a record of the resource it names, a write is a change, AWS's own plumbing is left out")
    func cloudTrail() throws {
        let text = #"{"Records":[{"eventTime":"2026-04-07T10:21:37Z","eventSource":"lambda.amazonaws.com","eventName":"PutFunctionConcurrency20171031","userIdentity":{"arn":"arn:aws:sts::123456789012:assumed-role/terraform-ci/run-88"},"requestParameters":{"functionName":"image-resize","reservedConcurrentExecutions":2},"readOnly":false},{"eventTime":"2026-04-07T10:21:40Z","eventSource":"sts.amazonaws.com","eventName":"AssumeRole","userIdentity":{"arn":"arn:aws:iam::123456789012:user/deploy"},"requestParameters":{"roleArn":"arn:aws:iam::123456789012:role/x"},"readOnly":true},{"eventTime":"2026-04-07T10:22:00Z","eventSource":"rds.amazonaws.com","eventName":"ModifyDBInstance","userIdentity":{"arn":"arn:aws:iam::123456789012:user/ops"},"requestParameters":{"dBInstanceIdentifier":"orders-db"},"errorCode":"AccessDenied","errorMessage":"not authorized"}]}"# + "\n"
        let log = try ingest(text, file: "cloudtrail/123456789012_CloudTrail_eu-west-1_20260407T1020Z_oBBraqlx4TYkokDr.json")
        #expect(log.statistics.recordsByFormat[.cloudTrail] == 2, "\(log.statistics.recordsByFormat)")
        #expect(Set(log.templates.map(\.service)) == ["image-resize", "orders-db"], "\(log.templates.map(\.service))")
        let change = try #require(log.templates.first { $0.service == "image-resize" })
        #expect(change.signals.contains("config_change"), "\(change.signals)")
        #expect(change.message.contains("reservedConcurrentExecutions=2"))
        #expect(change.firstSeen?.iso8601 == "2026-04-07T10:21:37.000Z")
        #expect(log.templates.first { $0.service == "orders-db" }?.level == .error)
    }

    @Test("a `component` field names a part of the program when the file names the service, and the service otherwise")
    func componentField() throws {
        let line = #"time="2025-05-20T14:02:28Z" level=error msg="query failed" error="sorry, too many clients already" component=store"# + "\n"
        let named = try ingest(line, file: "content-api/content-api-7f5d8c9b6-4kx2p.log")
        #expect(named.templates.map(\.service) == ["content-api"], "\(named.templates.map(\.service))")
        let unnamed = try ingest(#"{"time":"2025-05-20T14:02:28Z","level":"error","component":"kube-scheduler","msg":"failed to schedule pod"}"# + "\n", file: "logs/all.log")
        #expect(unnamed.templates.map(\.service) == ["kube-scheduler"])
    }

    @Test("CloudWatch Logs subscription records from Firehose: each event is a line of the service its log group or stream names")
    func cloudWatchSubscription() throws {
        func record(_ group: String, _ stream: String, _ events: [(Int, String)]) -> String {
            let list = events.map { event in
                let message = try! JSONSerialization.data(withJSONObject: ["message": event.1])
                let body = String(decoding: message, as: UTF8.self).dropFirst().dropLast()
                return "{\"id\":\"1\",\"timestamp\":\(event.0),\(body)}"
            }.joined(separator: ",")
            return #"{"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":""# + group + #"","logStream":""# + stream
                + #"","subscriptionFilters":["all-to-s3"],"logEvents":["# + list + "]}"
        }
        let rds = record("/aws/rds/instance/orders-db/postgresql", "orders-db", [
            (1_739_872_799_946, "2025-02-18 09:59:59 UTC:10.0.20.13(33047):orders_app@orders:[27126]:WARNING:  database \"orders\" must be vacuumed within 1000000 transactions"),
        ])
        let ecs = record("/ecs/order-service", "ecs/order-service/0f3c9a7e5b2d4c18a6e9f0b1c2d3e4f5", [
            (1_739_872_916_060, "2025-02-18 10:01:56.060 ERROR 1 --- [exec-47] o.h.e.j.s.SqlExceptionHelper : ERROR: database is not accepting commands\n\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2676)"),
        ])
        let api = record("/aws/apigateway/orders-http-api", "$default", [
            (1_739_872_917_000, #"{"requestId":"a1","routeKey":"POST /v1/orders","status":"502","responseLatency":"29"}"#),
        ])
        let control = #"{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],"logEvents":[{"id":"","timestamp":1739872700000,"message":"CWL CONTROL MESSAGE: Checking health of destination Firehose."}]}"#
        // Firehose runs records together on one line unless told to add a newline.
        let text = rds + ecs + "\n" + control + "\n" + api + "\n"
        let log = try ingest(text, file: "firehose/2025/02/18/10/cwl-archive-1-2025-02-18-10-00-03-77fb8b3e")
        #expect(log.statistics.recordsByFormat[.cloudWatchSubscription] == 3, "\(log.statistics.recordsByFormat)")
        #expect(Set(log.templates.map(\.service)) == ["orders-db", "order-service", "orders-http-api"], "\(log.templates.map(\.service))")
        let vacuum = try #require(log.templates.first { $0.service == "orders-db" })
        #expect(vacuum.level == .warning)
        #expect(vacuum.firstSeen?.iso8601 == "2025-02-18T09:59:59.000Z")
        let failed = try #require(log.templates.first { $0.service == "order-service" })
        #expect(failed.level == .error)
        #expect(failed.firstSeen?.iso8601 == "2025-02-18T10:01:56.060Z", "the line's own time")
        #expect(!failed.message.contains("QueryExecutorImpl"), "the trace continues the record, it is not its message")
        #expect(log.templates.first { $0.service == "orders-http-api" }?.level == .error, "the access record's 502")
    }

    @Test("a CloudWatch log group or stream names its service", arguments: [
        ("/aws/rds/instance/orders-db/postgresql", "orders-db", "orders-db"),
        ("/aws/lambda/payment-fn", "2025/02/18/[$LATEST]41a05839a753b8329f125f4eb324ddf0", "payment-fn"),
        ("/ecs/shop", "ecs/cart-api/0f3c9a7e5b2d4c18a6e9f0b1c2d3e4f5", "cart-api"),
        ("/aws/containerinsights/prod/application", "ip-10-0-1-12.ec2.internal-application.var.log.containers.checkout-7d9f8c6b5-x2x1q_shop_checkout-2f9a.log", "checkout"),
    ] as [(String, String, String)])
    func cloudWatchGroupNames(group: String, stream: String, service: String) {
        #expect(DocumentReaders.service(logGroup: group, logStream: stream)?.rawValue == service)
    }

    @Test("JSON records named by other vendors: Akamai DataStream's and Cloudflare Logpush's request fields and times, a Kubernetes audit event's verb, URI and response code")
    func vendorRecords() throws {
        let akamai = #"{"version":2,"cp":"1438211","reqId":"e362d7717c","reqTimeSec":"1791270037.203","statusCode":"504","reqHost":"dash.example.io","reqMethod":"GET","reqPath":"/api/v2/dashboards/ops/tiles/usage","UA":"Mozilla/5.0"}"#
        let audit = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","verb":"patch","requestURI":"/apis/networking.k8s.io/v1/namespaces/payments/networkpolicies/payments-ingress","objectRef":{"resource":"networkpolicies","namespace":"payments","name":"payments-ingress"},"responseStatus":{"metadata":{},"code":200},"requestReceivedTimestamp":"2026-09-14T11:31:02.120000Z"}"#
        let cloudflare = #"{"CacheCacheStatus":"dynamic","ClientIP":"185.70.117.53","ClientRequestHost":"api.dashcart.app","ClientRequestMethod":"POST","ClientRequestURI":"/v1/orders","EdgeResponseStatus":502,"EdgeStartTimestamp":"2026-07-08T20:15:00Z","OriginResponseStatus":502,"RayID":"e93ba4995eaa39e6"}"#
        let log = try ingest(akamai + "\n" + audit + "\n" + cloudflare + "\n", file: "edge.json")
        #expect(log.statistics.recordsByFormat[.jsonLines] == 3)
        let logpush = try #require(log.templates.first { $0.message.hasPrefix("POST") })
        #expect(logpush.message == "POST /v1/orders 502")
        #expect(logpush.level == .error)
        #expect(logpush.firstSeen?.iso8601 == "2026-07-08T20:15:00.000Z")
        let edge = try #require(log.templates.first { $0.message.hasPrefix("GET") })
        #expect(edge.message == "GET /api/v2/dashboards/ops/tiles/usage 504")
        #expect(edge.level == .error)
        #expect(edge.firstSeen?.iso8601 == "2026-10-06T07:00:37.203Z")
        let change = try #require(log.templates.first { $0.message.hasPrefix("patch") })
        #expect(change.signals == ["object_change"])
        #expect(change.firstSeen?.iso8601 == "2026-09-14T11:31:02.120Z")
    }

    @Test("CSV and TSV exports: columns by header name, quoted cells, Docker JSON in a cell")
    func delimited() throws {
        let csv = try ingest(
            #"""
            timestamp,pod,level,message
            2026-05-24T11:54:10.221Z,payments-worker-7d9f8c6b5-x2x4q,ERROR,"Out of memory, killing process"
            2026-05-24T11:54:11.000Z,checkout-api-6f5d8-9hq2x,info,"{""log"":""2026-05-24T11:54:11Z ERROR checkout-api circuit breaker opened for payments-worker\n"",""stream"":""stdout""}"
            """#, file: "export.csv")
        #expect(csv.statistics.recordsByFormat[.csv] == 2)
        #expect(csv.templates.first { $0.service == "payments-worker" }?.signals.first == "oom")
        let breaker = try #require(csv.templates.first { $0.service == "checkout-api" })
        #expect(breaker.level == .error)
        #expect(breaker.signals.first == "circuit_open")
        let tsv = try ingest("time\tservice\tmsg\n2026-05-24T11:54:10Z\tledger-db\tdeadlock detected\n", file: "export.tsv")
        #expect(tsv.templates.first?.service == "ledger-db")
    }

    @Test("Python tracebacks and Go panics join the record above them")
    func multiLine() throws {
        let log = try ingest(
            """
            2026-05-24T11:54:10Z ERROR billing-worker unhandled error in job 42
            Traceback (most recent call last):
              File "/app/job.py", line 12, in run
                ledger.post(entry)
            psycopg2.OperationalError: could not connect to server: Connection refused
            2026-05-24T11:54:11Z ERROR orders-api panic: runtime error: index out of range [3] with length 3
            goroutine 1 [running]:
            main.main()
            \t/app/main.go:9 +0x1d
            """)
        #expect(log.statistics.records == 2)
        #expect(log.statistics.joinedLines == 7)
        #expect(log.templates.first { $0.service == "billing-worker" }?.signals.contains("conn_refused") == true)
    }

    /// A new temporary folder holding `text` as `name` and, beside it, `name.gz` (by `/bin/gzip -k`).
    static func gzipped(_ text: String, named name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let plain = directory.appendingPathComponent(name)
        try text.write(to: plain, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-k", plain.path]
        try process.run()
        process.waitUntilExit()
        return directory
    }

    @Test("gzip files are read; a truncated one keeps what was readable and says so")
    func gzip() throws {
        var text = ""
        for i in 0..<20_000 { text += "2026-05-24T11:54:\(String(format: "%02d", i % 60)).000Z INFO payments-worker processed job \(i)\n" }
        let directory = try Self.gzipped(text, named: "payments-worker.log")
        defer { try? FileManager.default.removeItem(at: directory) }
        let compressed = directory.appendingPathComponent("payments-worker.log.gz")
        let rulebook = try SignalRulebook.bundled()
        let whole = IngestEngine(rulebook: rulebook).run([.file(path: compressed.path, displayPath: "payments-worker.log.gz")])
        #expect(whole.statistics.records == 20_000)
        #expect(whole.statistics.skipped.isEmpty)

        let data = try Data(contentsOf: compressed)
        let truncated = directory.appendingPathComponent("cut.log.gz")
        try data.prefix(data.count / 2).write(to: truncated)
        let partial = IngestEngine(rulebook: rulebook, options: .init(defaultService: "payments-worker"))
            .run([.file(path: truncated.path, displayPath: "cut.log.gz")])
        #expect(partial.statistics.skipped[.truncatedGzip] == 1)
        #expect(partial.statistics.records > 1_000 && partial.statistics.records < 20_000)
    }

    @Test("a gzip file is sniffed for what it inflates to: a compressed CSV export reads as CSV, on disk as in memory")
    func gzipDocument() throws {
        var text = "timestamp,pod,level,message\n"
        for i in 0..<500 { text += "2026-05-24T11:54:\(String(format: "%02d", i % 60)).000Z,payments-worker-7d9f8c6b5-x2x4q,ERROR,\"job \(i) failed, retrying\"\n" }
        let directory = try Self.gzipped(text, named: "export.csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = directory.appendingPathComponent("export.csv")
        let rulebook = try SignalRulebook.bundled()
        let compressed = IngestEngine(rulebook: rulebook).run([.file(path: plain.path + ".gz", displayPath: "export.csv.gz")])
        let uncompressed = IngestEngine(rulebook: rulebook).run([.file(path: plain.path, displayPath: "export.csv")])
        #expect(compressed.statistics.recordsByFormat[.csv] == 500)
        #expect(uncompressed.statistics.recordsByFormat[.csv] == 500)
        #expect(compressed.statistics.services == ["payments-worker"])
    }

    @Test("a log line whose JSON body holds column-like words is a line, not a CSV header")
    func jsonBodyIsNotAHeader() throws {
        let line = #"2023-01-30T12:59:19.460 ts-preserve-service-b5ccf8557-l5l4p 20:59:19.508 ERROR o.a.c.c.C.[dispatcherServlet] threw exception: 500 Internal Server Error: [{"timestamp":"2023-01-30T12:59:19.460+00:00","status":500,"error":"Internal Server Error","message":"","path":"/api/v1/securityservice/securityConfigs"}]"#
        let text = (0..<20).map { _ in line }.joined(separator: "\n")
        let rulebook = try SignalRulebook.bundled()
        let log = IngestEngine(rulebook: rulebook).run([.data(Data(text.utf8), displayPath: "logs/logs.txt")])
        #expect(log.statistics.recordsByFormat[.csv] == nil)
        #expect(log.statistics.records == 20)
        #expect(log.statistics.skipped.isEmpty)
        #expect(log.statistics.services == ["ts-preserve-service"])
    }

    @Test("a syslog relay's local time without a year gives way to the program's own full time; year-less lines take the year of the incident's other files")
    func syslogDates() throws {
        var ingestor = LogIngestor(rulebook: try SignalRulebook.bundled())
        ingestor.ingest(data: Data("2026-03-05T16:00:00Z INFO checkout-api started\n".utf8), displayPath: "checkout-api.log")
        ingestor.ingest(
            data: Data(
                """
                Mar  5 11:01:56 lb-int-01 consul-template[812]: 2026-03-05T16:01:56.914Z [INFO] consul-template: received signal hangup, reloading configuration
                Mar  5 11:01:58 lb-int-01 systemd[1]: Reloaded haproxy.service - HAProxy Load Balancer.

                """.utf8), displayPath: "lb-int-01/var/log/syslog")
        let log = ingestor.finish()
        let relayed = try #require(log.templates.first { $0.service == "consul-template" })
        #expect(relayed.firstSeen == TimestampParser.parse("2026-03-05T16:01:56.914Z"))
        #expect(!relayed.pattern.hasPrefix("2026"), "the program's time is not part of its message")
        let reloaded = try #require(log.templates.first { $0.message.contains("Reloaded haproxy") })
        #expect(reloaded.firstSeen == TimestampParser.parse("2026-03-05T11:01:58Z"), "not in 1970")
    }

    @Test("a file whose times carry no zone and lie hours before the zoned files' is read in the zone that puts it beside them")
    func localTimeFiles() throws {
        func lines(_ make: (Int) -> String) -> String { (0..<60).map(make).joined(separator: "\n") + "\n" }
        // The application writes UTC from 15:30; the load balancer's syslog writes EST (UTC-05:00), no zone.
        let app = lines { String(format: "2026-03-05T15:%02d:00Z INFO checkout-api order %d placed", 30 + $0 / 2, $0) }
        let balancer = lines { String(format: "Mar  5 10:%02d:30 lb-int-01 haproxy[2211]: request %d served 200", 30 + $0 / 2, $0) }
        // A zone-less file that already sits beside the rest is left as it is (UTC without the `Z`).
        let worker = lines { String(format: "2026-03-05 15:%02d:10,000 INFO billing-worker job %d done", 31 + $0 / 2, $0) }
        var ingestor = LogIngestor(rulebook: try SignalRulebook.bundled())
        ingestor.ingest(data: Data(app.utf8), displayPath: "checkout-api.log")
        ingestor.ingest(data: Data(balancer.utf8), displayPath: "lb-int-01/haproxy.log")
        ingestor.ingest(data: Data(worker.utf8), displayPath: "billing-worker.log")
        let log = ingestor.finish()
        #expect(log.statistics.localTimeFiles == [.init(path: "lb-int-01/haproxy.log", utcOffset: -5 * 3600)])
        #expect(log.statistics.localTimeFiles.first?.zoneName == "UTC-05:00")
        let served = try #require(log.templates.first { $0.service == "haproxy" })
        #expect(served.firstSeen == TimestampParser.parse("2026-03-05T15:30:30Z"))
        let done = try #require(log.templates.first { $0.service == "billing-worker" })
        #expect(done.firstSeen == TimestampParser.parse("2026-03-05T15:31:10Z"))
    }

    @Test("a file that cannot be read to its end is counted, not fatal")
    func readError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = IngestEngine(rulebook: try SignalRulebook.bundled()).run([.file(path: directory.path, displayPath: "dir")])
        #expect(log.statistics.records == 0)
        #expect(!log.statistics.skipped.isEmpty)
    }

    @Test("one service across compose, kubectl, JSON and file names")
    func normalisation() throws {
        var ingestor = LogIngestor(rulebook: try SignalRulebook.bundled())
        ingestor.ingest(data: Data("payments-worker-2  | 2026-05-24T11:54:10Z ERROR boom\n".utf8), displayPath: "compose.txt")
        ingestor.ingest(data: Data("[pod/payments-worker-7d9f8c6b5-x2x4q/w] 2026-05-24T11:54:11Z ERROR boom\n".utf8), displayPath: "k.txt")
        ingestor.ingest(data: Data(#"{"service":"payments-worker","level":"error","msg":"boom"}"#.utf8), displayPath: "j.json")
        ingestor.ingest(data: Data("2026-05-24T11:54:12Z ERROR boom\n".utf8), displayPath: "payments-worker-0.log")
        let log = ingestor.finish()
        #expect(log.statistics.services == ["payments-worker"])
        #expect(log.statistics.records == 4)
    }
}

@Suite("Parallel reading")
struct ParallelReadingTests {
    @Test("one worker or several, split or whole: the same templates, counts, samples and statistics")
    func equivalence() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-par-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("mixed.log")
        var generator = SplitMix(seed: 7)
        var text = ""
        let services = ["api-gateway", "checkout-api", "payments-worker", "ledger-db"]
        for i in 0..<60_000 {
            let second = 1_779_620_400 + i / 20
            let stamp = Timestamp(nanoseconds: Int64(second) * 1_000_000_000 + Int64(i % 20) * 50_000_000).iso8601
            let service = services[Int(generator.next() % 4)]
            switch generator.next() % 7 {
            case 0: text += "\(stamp) ERROR \(service) connection refused to ledger-db:5432 attempt \(i % 7)\n"
            case 1: text += #"{"ts":"\#(stamp)","level":"warn","service":"\#(service)","msg":"slow request \#(i) took \#(i % 900)ms"}"# + "\n"
            case 2: text += "\(stamp) ERROR \(service) request failed\n\tat com.shop.Handler.run(Handler.java:\(i % 50))\n\tat java.lang.Thread.run(Thread.java:829)\n"
            case 3: text += "ts=\(stamp) level=info app=\(service) msg=\"served \(i)\"\n"
            case 4:
                // Spans whose lines lie hundreds of lines apart: some straddle a part's boundary.
                text += "\(stamp) INFO \(service) step done trace_id=\(String(format: "%016x", 0xABCDEF + i / 400)) span_id=\(String(format: "%016x", service.count))\n"
            default: text += "\(stamp) INFO \(service) GET /v1/items/\(i) 200 \(i % 300)ms\n"
            }
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let rulebook = try SignalRulebook.bundled()
        let source = LogSource.file(path: file.path, displayPath: "mixed.log")
        let one = IngestEngine(rulebook: rulebook, options: .init(workers: 1)).run([source])
        let split = IngestEngine(rulebook: rulebook, options: .init(workers: 2, splitThreshold: 256 * 1024)).run([source])
        #expect(one.statistics == split.statistics)
        #expect(one.templates.map(\.id) == split.templates.map(\.id))
        #expect(one.templates.map(\.count) == split.templates.map(\.count))
        #expect(one.templates.map(\.samples) == split.templates.map(\.samples))
        #expect(one.templates.map(\.timeline) == split.templates.map(\.timeline))
        #expect(one.statistics.joinedLines > 0, "stack traces were joined in both runs alike")
        #expect(one.tracedLines == split.tracedLines)
        #expect(!one.spans.isEmpty && one.spans == split.spans, "a span a part's boundary cuts is one span, as in one part")
    }
}
