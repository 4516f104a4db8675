#!/usr/bin/env python3
"""b02: HikariCP pool exhaustion in order-service (Spring Boot) caused by a
connection leak on the CSV export error path.  Logs are `kubectl logs --prefix`
dumps per namespace.  Run: python3 gen.py"""
SEED = 202
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common.py")).read())

# ---- case -------------------------------------------------------------------
clean_logs()
S = Sink()

START = T("2026-07-08T08:58:00Z")
END = T("2026-07-08T09:27:00Z")
RESTART = T("2026-07-08T09:23:31.500Z")

GW = "logs/istio-system.log"
SHOP = "logs/shop.log"

GW_POD = "[pod/istio-ingressgateway-6d8f7c9b5-4hj2k/istio-proxy] "
BFF_PODS = ["storefront-bff-7b9c6d5f8-2xk9d", "storefront-bff-7b9c6d5f8-wq5mt"]
OS_OLD = ["order-service-5c6d7f9b4-k2x8p", "order-service-5c6d7f9b4-q7wzn"]
OS_NEW = ["order-service-5c6d7f9b4-7rdx2", "order-service-5c6d7f9b4-lm9fs"]
CUS_POD = "customer-service-66d4b8c7f-tt2vx"
CAT_POD = "catalog-service-85f6c4d9b-h8n2q"
AUD_POD = "audit-consumer-7f8c5d6b9-pz4kc"
OS_IP = {OS_OLD[0]: "10.8.3.14", OS_OLD[1]: "10.8.5.22", OS_NEW[0]: "10.8.4.31", OS_NEW[1]: "10.8.3.40"}
BFF_IP = {BFF_PODS[0]: "10.8.2.11", BFF_PODS[1]: "10.8.5.7"}


def shop(pod, container, t, line):
    S.add(SHOP, t, "[pod/%s/%s] %s" % (pod, container, line))


def envoy(t, method, path, status, flags, details, dur, upstream_host, rid, ust=None, sent=None):
    line = '[%s] "%s %s HTTP/2" %d %s %s - "-" %d %d %d %s "%s" "%s" "%s" "api.acme-shop.io" "%s" outbound|3000||storefront-bff.shop.svc.cluster.local %s:41%03d %s:8443 %s:5%04d - -' % (
        iso(t), method, path, status, flags, details, R.randint(0, 900) if method == "POST" else 0, sent if sent is not None else R.randint(200, 9000), int(dur * 1000),
        str(int(ust * 1000)) if ust is not None else "-", ip("100.64"), R.choice(["Mozilla/5.0 (Linux; Android 14) Chrome/124.0", "Mozilla/5.0 (X11; Linux x86_64) Firefox/126.0", "AcmeShop-iOS/8.2.1"]),
        rid, upstream_host, "10.8.1.9", R.randint(0, 999), "10.8.1.9", ip("100.64"), R.randint(0, 9999))
    S.add(GW, t + timedelta(seconds=dur), GW_POD + line)


OS_PID = {p: R.randint(1, 1) for p in OS_OLD + OS_NEW}


def osl(pod, t, level, thread, logger, msg):
    shop(pod, "order-service", t, spring(t, level, 1, thread, logger, msg, app="order-service"))


HIKARI_TRACE = """org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for transaction
\tat org.springframework.orm.jpa.JpaTransactionManager.doBegin(JpaTransactionManager.java:466)
\tat org.springframework.transaction.support.AbstractPlatformTransactionManager.startTransaction(AbstractPlatformTransactionManager.java:531)
\tat org.springframework.transaction.interceptor.TransactionAspectSupport.invokeWithinTransaction(TransactionAspectSupport.java:392)
\tat com.acme.orders.api.OrderController.%s(OrderController.java:%d)
\tat org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659)
\tat java.base/java.lang.Thread.run(Thread.java:1583)
Caused by: org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection [HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=%d)] [n/a]
\tat org.hibernate.exception.internal.SQLStateConversionDelegate.convert(SQLStateConversionDelegate.java:100)
\tat org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl.getConnection(DatasourceConnectionProviderImpl.java:122)
\t... 118 common frames omitted
Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=%d)
\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)
\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)
\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:128)
\t... 121 common frames omitted"""

LEAK_TRACE = """Connection leak detection triggered for org.postgresql.jdbc.PgConnection@%s on thread http-nio-8080-exec-%d, stack trace follows
java.lang.Exception: Apparent connection leak detected
\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:128)
\tat org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:160)
\tat org.springframework.jdbc.datasource.DataSourceUtils.doGetConnection(DataSourceUtils.java:118)
\tat com.acme.orders.export.ReportExportService.streamRows(ReportExportService.java:88)
\tat com.acme.orders.export.ReportExportService.exportCsv(ReportExportService.java:54)
\tat com.acme.orders.api.AdminExportController.export(AdminExportController.java:41)
\tat java.base/java.lang.Thread.run(Thread.java:1583)"""

# -------------------------------------------------------------------- state
# each order-service pod: pool of 10; leaked connections accumulate from exports
leaks = {p: [] for p in OS_OLD}  # times at which a connection leaked
exports = []
t = T("2026-07-08T09:12:07.310Z")
while t < T("2026-07-08T09:19:30Z"):
    exports.append(t)
    t += timedelta(seconds=R.uniform(14, 38))
# admin user's browser aborts each export after ~8 s; the error path never closes the connection
for i, t in enumerate(exports):
    pod = OS_OLD[i % 2]
    th = R.randint(1, 200)
    rid = uuid()
    bff = R.choice(BFF_PODS)
    osl(pod, t + timedelta(milliseconds=30), "INFO", "http-nio-8080-exec-%d" % th, "c.a.orders.export.AdminExportController", "export requested by user=ops-admin@acme-shop.io range=2026-01-01..2026-07-07 format=csv")
    ab = t + timedelta(seconds=R.uniform(7.8, 8.4))
    osl(pod, ab, "WARN", "http-nio-8080-exec-%d" % th, "c.a.orders.export.ReportExportService",
        "export aborted after %d rows: org.apache.catalina.connector.ClientAbortException: java.io.IOException: Broken pipe" % R.randint(40000, 90000))
    leaks[pod].append(ab)
    # Hikari leakDetectionThreshold=60000
    lt = t + timedelta(seconds=60.0 + R.uniform(0.01, 0.4))
    osl(pod, lt, "WARN", "l-1 housekeeper", "com.zaxxer.hikari.pool.ProxyLeakTask", LEAK_TRACE % (hexid(8), th))
    d = (ab - t).total_seconds()
    envoy(t, "GET", "/api/admin/orders/export?from=2026-01-01&to=2026-07-07&format=csv", 0, "DC", "downstream_remote_disconnect", d, BFF_IP[bff] + ":3000", rid, sent=R.randint(4_000_000, 9_000_000))
    shop(bff, "bff", ab, pino(ab, "warn", "request aborted by client", 1, bff, reqId=rid, req={"method": "GET", "url": "/api/admin/orders/export?format=csv"}, responseTime=int(d * 1000)))


def pool_free(pod, t):
    if pod not in leaks:
        return True
    return sum(1 for x in leaks[pod] if x <= t) < 10 - (1 if R.random() < 0.5 else 0) and not (t >= RESTART)


def exhausted(pod, t):
    if pod not in leaks or t >= RESTART:
        return False
    n = sum(1 for x in leaks[pod] if x <= t)
    # base load holds ~1-2 conns, so 9 leaks is effectively full
    return n >= 9


def live_os(t):
    return OS_NEW if t >= RESTART + timedelta(seconds=25) else OS_OLD


# ------------------------------------------------------------ background
# order-service hikari debug stats + actuator health
for pod in OS_OLD + OS_NEW:
    lo = START if pod in OS_OLD else RESTART + timedelta(seconds=2)
    hi = RESTART + timedelta(seconds=1) if pod in OS_OLD else END
    if pod in OS_NEW:
        b = lo
        osl(pod, b, "INFO", "main", "c.a.orders.OrderServiceApplication", "Starting OrderServiceApplication v4.12.2 using Java 21.0.3 with PID 1 (/app/app.jar started by app in /app)")
        osl(pod, b + timedelta(seconds=3.2), "INFO", "main", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Starting...")
        osl(pod, b + timedelta(seconds=3.5), "INFO", "main", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@%s" % hexid(8))
        osl(pod, b + timedelta(seconds=3.6), "INFO", "main", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed.")
        osl(pod, b + timedelta(seconds=8.1), "INFO", "main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path '/'")
        osl(pod, b + timedelta(seconds=8.3), "INFO", "main", "c.a.orders.OrderServiceApplication", "Started OrderServiceApplication in 8.317 seconds (process running for 9.02)")
        lo = b + timedelta(seconds=9)
    for t in every(lo + timedelta(seconds=R.uniform(0, 30)), hi, 30):
        n = sum(1 for x in leaks.get(pod, []) if x <= t)
        act = 10 if exhausted(pod, t) else min(9, n + R.randint(0, 1))
        wait = 0 if act < 10 else R.randint(14, 60)
        osl(pod, t, "DEBUG", "l-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 - Before cleanup stats (total=10, active=%d, idle=%d, waiting=%d)" % (act, 10 - act, wait))
        osl(pod, t + timedelta(milliseconds=1), "DEBUG", "l-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 - After cleanup  stats (total=10, active=%d, idle=%d, waiting=%d)" % (act, 10 - act, wait))
        if exhausted(pod, t):
            osl(pod, t + timedelta(milliseconds=2), "DEBUG", "l-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 - Fill pool skipped, pool has sufficient level or currently being filled (queueDepth=0).")
    for t in every(lo + timedelta(seconds=R.uniform(0, 10)), hi, 10):
        if exhausted(pod, t):
            e = t + timedelta(seconds=30)
            if e < hi:
                osl(pod, e, "WARN", "nio-8080-exec-%d" % R.randint(1, 200), "o.s.b.a.jdbc.DataSourceHealthIndicator",
                    "DataSource health check failed\norg.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection\n\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:84)\nCaused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=%d)" % R.randint(20, 70))

# postgres (orders-db-0): checkpoints, pre-existing grafana auth failure, connection stats
PGP = "orders-db-0"
for t in every(START + timedelta(seconds=77), END, 300):
    shop(PGP, "postgres", t, pg(t, 58, "LOG", "checkpoint starting: time"))
    t2 = t + timedelta(seconds=R.uniform(60, 90))
    shop(PGP, "postgres", t2, pg(t2, 58, "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, 1 recycled; write=%.3f s, sync=0.0%d s, total=%.3f s; sync files=%d, longest=0.004 s, average=0.001 s; distance=%d kB, estimate=%d kB" % (
        R.randint(300, 1500), R.uniform(1, 4), R.uniform(50, 80), R.randint(1, 9), R.uniform(60, 90), R.randint(20, 60), R.randint(4000, 12000), R.randint(12000, 15000))))
for t in every(START + timedelta(seconds=5), END, 30, jitter=1):
    p = R.randint(20000, 29999)
    shop(PGP, "postgres", t, pg(t, p, "FATAL", 'password authentication failed for user "grafana_ro"', "grafana_ro@orders"))
    shop(PGP, "postgres", t, pg(t, p, "DETAIL", 'Role "grafana_ro" does not exist.\n\tConnection matched file "/var/lib/postgresql/data/pgdata/pg_hba.conf" line 128: "host all all all scram-sha-256"', "grafana_ro@orders"))
for t in every(START + timedelta(seconds=200), END, 600):
    shop(PGP, "postgres", t, pg(t, R.randint(20000, 29999), "LOG", 'automatic analyze of table "orders.public.order_lines"', ""))
for t in exports:
    shop(PGP, "postgres", t + timedelta(seconds=5.2), pg(t + timedelta(seconds=5.2), R.randint(20000, 29999), "LOG",
         "duration: %.3f ms  execute <unnamed>: SELECT o.id, o.created_at, o.total_cents, l.sku, l.qty FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.created_at BETWEEN $1 AND $2 ORDER BY o.id" % R.uniform(4900, 5300),
         "orders_app@orders"))
# leaked connections sit "idle in transaction" -> pg kills them only after idle_in_transaction_session_timeout = 15min
for pod in OS_OLD:
    for lt in leaks[pod]:
        k = lt + timedelta(minutes=15)
        if k < RESTART:
            shop(PGP, "postgres", k, pg(k, R.randint(20000, 29999), "FATAL", "terminating connection due to idle-in-transaction timeout", "orders_app@orders"))
# restart closes the leaked connections
for i in range(12):
    t = RESTART + timedelta(milliseconds=40 * i + 3)
    shop(PGP, "postgres", t, pg(t, R.randint(20000, 29999), "LOG", "could not receive data from client: Connection reset by peer", "orders_app@orders"))

# customer-service (Go, logrus): pre-existing warning about a deprecated loyalty API
for t in poisson_times(START, END, 1 / 15.0):
    shop(CUS_POD, "app", t, logrus(t, "warning", "loyalty tier lookup fell back to default", customer_id=R.randint(100000, 999999), err="loyalty-api: 410 Gone (v1 endpoint retired)"))
for t in every(START, END, 60, jitter=3):
    shop(CUS_POD, "app", t, logrus(t, "info", "cache stats", hits=R.randint(4000, 6000), misses=R.randint(100, 400), evictions=0))
    shop(CAT_POD, "app", t, logrus(t, "info", "index refresh complete", products=18422, took="%dms" % R.randint(200, 420)))
for t in poisson_times(START, END, 1 / 4.0):
    shop(AUD_POD, "consumer", t, pylog(t, "INFO", "audit.consumer", "stored event order.%s id=%s partition=%d offset=%d" % (R.choice(["created", "paid", "shipped"]), uuid(), R.randint(0, 5), R.randint(100000, 900000))))

# ------------------------------------------------------------ user traffic
ORDER_PATHS = [("GET", "/api/orders?status=open", "list"), ("GET", "/api/orders/{id}", "get"), ("POST", "/api/orders", "create")]
rr = [0]
for t in poisson_times(START, END, 3.2):
    rid = uuid()
    bff = R.choice(BFF_PODS)
    kind = R.random()
    if kind < 0.30:
        # orders traffic
        method, path, op = R.choice(ORDER_PATHS)
        if "{id}" in path:
            path = path.replace("{id}", str(R.randint(5000000, 5999999)))
        pods = live_os(t)
        total = 0.0
        ok = False
        lines = []
        for attempt in range(1, 4):
            rr[0] += 1
            pod = pods[rr[0] % 2]
            at = t + timedelta(seconds=total + 0.004)
            th = "http-nio-8080-exec-%d" % R.randint(1, 200)
            if exhausted(pod, at):
                # hikari waits 30s; bff gives up after 5s and retries
                osl(pod, at + timedelta(seconds=30.0 + R.uniform(0.0005, 0.003)), "ERROR", th, "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                    "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for transaction] with root cause\n" +
                    HIKARI_TRACE % (op + "Order" if op != "list" else "listOrders", R.choice([61, 77, 102]), R.randint(10, 80), R.randint(10, 80)))
                e = at + timedelta(seconds=5.0 + R.uniform(0.0, 0.003))
                shop(bff, "bff", e, pino(e, "error", "upstream call failed", 1, bff, reqId=rid, upstream="order-service",
                                         url="http://order-service.shop.svc.cluster.local:8080" + path.split("?")[0], attempt=attempt,
                                         err={"type": "AxiosError", "message": "timeout of 5000ms exceeded", "code": "ECONNABORTED",
                                              "stack": "AxiosError: timeout of 5000ms exceeded\n    at RedirectableRequest.handleRequestTimeout (/app/node_modules/axios/dist/node/axios.cjs:3176:16)\n    at Timeout.<anonymous> (/app/node_modules/follow-redirects/index.js:221:12)"}))
                if attempt < 3:
                    shop(bff, "bff", e + timedelta(milliseconds=1), pino(e, "warn", "retrying request", 1, bff, reqId=rid, upstream="order-service", attempt=attempt + 1, delayMs=100 * attempt))
                total += 5.0 + 0.1 * attempt
            else:
                d = logn(45 if method == "GET" else 120, 0.4) / 1000
                if method == "POST":
                    osl(pod, at + timedelta(seconds=d), "INFO", th, "c.a.orders.service.OrderService", "order %d created for customer %d total=%d cents" % (R.randint(6000000, 6999999), R.randint(100000, 999999), R.randint(500, 90000)))
                total += d
                ok = True
                break
        if ok:
            envoy(t, method, path, 200 if method == "GET" else 201, "-", "via_upstream", total + 0.006, BFF_IP[bff] + ":3000", rid, ust=total + 0.004)
            shop(bff, "bff", t + timedelta(seconds=total + 0.003), pino(t + timedelta(seconds=total + 0.003), "info", "request completed", 1, bff, reqId=rid,
                                                                        req={"method": method, "url": path}, res={"statusCode": 200 if method == "GET" else 201}, responseTime=int(total * 1000)))
        else:
            # Envoy route timeout is 15s: fires before bff's third attempt returns
            envoy(t, method, path, 504, "UT", "response_timeout", 15.0 + R.uniform(0, 0.002), BFF_IP[bff] + ":3000", rid, sent=24)
            e = t + timedelta(seconds=15.0)
            shop(bff, "bff", e, pino(e, "warn", "client closed request before response", 1, bff, reqId=rid, req={"method": method, "url": path}))
            e2 = t + timedelta(seconds=total)
            shop(bff, "bff", e2, pino(e2, "error", "request errored", 1, bff, reqId=rid, req={"method": method, "url": path}, res={"statusCode": 502},
                                      err={"type": "Error", "message": "order-service unavailable after 3 attempts"}, responseTime=int(total * 1000)))
    elif kind < 0.75:
        path = R.choice(["/api/catalog/products?page=%d" % R.randint(1, 50), "/api/catalog/products/%d" % R.randint(1000, 99999), "/api/catalog/categories"])
        d = logn(30, 0.4) / 1000
        envoy(t, "GET", path, 200, "-", "via_upstream", d + 0.004, BFF_IP[bff] + ":3000", rid, ust=d + 0.002)
        if R.random() < 0.5:
            shop(bff, "bff", t + timedelta(seconds=d), pino(t + timedelta(seconds=d), "info", "request completed", 1, bff, reqId=rid, req={"method": "GET", "url": path}, res={"statusCode": 200}, responseTime=int(d * 1000)))
    else:
        path = R.choice(["/api/customers/me", "/api/customers/me/addresses"])
        d = logn(22, 0.4) / 1000
        envoy(t, "GET", path, 200, "-", "via_upstream", d + 0.004, BFF_IP[bff] + ":3000", rid, ust=d + 0.002)

# restart of order-service (rollout restart by on-call)
for pod in OS_OLD:
    osl(pod, RESTART, "INFO", "ionShutdownHook", "o.s.b.w.e.tomcat.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete")
    osl(pod, RESTART + timedelta(seconds=0.8), "INFO", "ionShutdownHook", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Shutdown initiated...")
    osl(pod, RESTART + timedelta(seconds=0.9), "INFO", "ionShutdownHook", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Shutdown completed.")

# envoy health / stats noise
for t in every(START, END, 5):
    S.add(GW, t, GW_POD + '[%s] "GET /healthz/ready HTTP/1.1" 200 - via_upstream - "-" 0 0 0 - "-" "kube-probe/1.29" "%s" "10.8.1.9:15021" "-" - - 10.8.1.9:15021 10.8.0.1:40012 - -' % (iso(t), uuid()))

for _ in range(2):
    t = START + timedelta(seconds=R.uniform(100, 1500))
    shop(BFF_PODS[0], "bff", t, garbage())

for pod in OS_OLD:
    print(pod, "leaks", [iso(x) for x in leaks[pod]][:10])
S.write()
