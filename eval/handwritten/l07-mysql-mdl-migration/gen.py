#!/usr/bin/env python3
"""l07: a Flyway migration job (orders-migrate, Argo CD PreSync hook of order-service 2.41.0) runs
ALTER TABLE orders ADD INDEX while the nightly bi-exporter holds a consistent-snapshot transaction
on `orders`. The ALTER waits for the metadata lock and every later statement on `orders` queues
behind it (MDL wait queue). orders-mysql logs nothing about it; Flyway prints one line and goes
silent. order-service (HikariCP "OrdersPool") times out queries (MySQLTimeoutException after 30 s)
and exhausts its pool, kong returns 5xx, payment-service webhooks and shipping-service pollers fail.
A DBA kills the bi-exporter session at 04:01:40; the ALTER completes and everything recovers.
A kong rate-limiting config update at 03:51 is unrelated.
"""
import os
import sys
from l_common import *

rng = Rng(7707)
OUT = Out(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))

T0 = T("2026-02-26T03:20:00Z")
T1 = T("2026-02-26T04:10:00Z")
BI_START = T("2026-02-26T03:21:31.250Z")
SYNC = T("2026-02-26T03:38:02Z")
MIGRATE = T("2026-02-26T03:38:14.604Z")   # ALTER issued; starts waiting for MDL
KILL = T("2026-02-26T04:01:40.220Z")
ALTER_DONE = T("2026-02-26T04:02:25.118Z")
KONG_CHANGE = T("2026-02-26T03:51:12Z")

os_pods = rng.pods("order-service", 3)
pay_pods = rng.pods("payment-service", 2)
ship_pods = rng.pods("shipping-service", 1)
cust_pods = rng.pods("customer-service", 2)
kong_pods = rng.pods("kong", 2)
mig_pod = "orders-migrate-58-%s" % rng.k8s(5)
bi_pod = "bi-exporter-29531600-%s" % rng.k8s(5)
ip = {}
for p in os_pods + pay_pods + ship_pods + cust_pods + kong_pods + [mig_pod, bi_pod]:
    ip[p] = "10.0.%d.%d" % (rng.randint(2, 9), rng.randint(2, 250))


def mdl_blocked(t):
    return MIGRATE <= t < KILL + 0.6


# pool model: while blocked every order-table query holds a connection for 30 s (queryTimeout)


def pool_acquire(pod, t, hold):
    """returns wait (0 if free) or None if the OrdersPool (maximumPoolSize=10) times out after 5 s.
    The logged traffic is a sample, so saturation is modelled from the lock window, not counted."""
    if mdl_blocked(t):
        sat = 0.7 * ramp(t, MIGRATE + 25, MIGRATE + 140)
        if rng.random() < sat:
            return None
        return rng.uniform(0, 4.5) * sat
    if KILL + 0.6 <= t < KILL + 4 and rng.random() < 0.3:
        return rng.uniform(0.5, 3)
    return 0.0


# ---------------------------------------------------------------- order-service (logstash json)
def lb(pod, t, level, logger, thread, msg, stack=None, **kv):
    d = {"@timestamp": iso(t), "@version": "1", "message": msg, "logger_name": logger, "thread_name": thread, "level": level,
         "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000, "DEBUG": 10000}[level], "app": "order-service", "version": "2.40.3"}
    d.update(kv)
    if stack:
        d["stack_trace"] = stack
    OUT.add("logs/order-service/%s.log" % pod, t, jdump(d))


TIMEOUT_STACK = ("org.springframework.dao.QueryTimeoutException: PreparedStatementCallback; SQL [{sql}]; Statement cancelled due to timeout or client request\n"
                 "\tat org.springframework.jdbc.support.SQLExceptionSubclassTranslator.doTranslate(SQLExceptionSubclassTranslator.java:68)\n"
                 "\tat org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator.translate(AbstractFallbackSQLExceptionTranslator.java:107)\n"
                 "\tat org.springframework.jdbc.core.JdbcTemplate.translateException(JdbcTemplate.java:1548)\n"
                 "\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:677)\n"
                 "\tat org.springframework.jdbc.core.JdbcTemplate.query(JdbcTemplate.java:723)\n"
                 "\tat com.example.orders.repo.OrderRepository.{method}(OrderRepository.java:{line})\n"
                 "\tat com.example.orders.service.OrderService.{smethod}(OrderService.java:{sline})\n"
                 "\tat com.example.orders.web.OrderController.{cmethod}(OrderController.java:{cline})\n"
                 "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
                 "Caused by: com.mysql.cj.jdbc.exceptions.MySQLTimeoutException: Statement cancelled due to timeout or client request\n"
                 "\tat com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:113)\n"
                 "\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:916)\n"
                 "\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeQuery(ClientPreparedStatement.java:972)\n"
                 "\tat com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery(ProxyPreparedStatement.java:52)\n"
                 "\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)\n"
                 "\tat org.springframework.jdbc.core.JdbcTemplate$1.doInPreparedStatement(JdbcTemplate.java:732)\n"
                 "\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:658)\n"
                 "\t... 87 common frames omitted")
POOL_STACK = ("org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection\n"
              "\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:84)\n"
              "\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:653)\n"
              "\tat com.example.orders.repo.{repo}.{method}(OrderRepository.java:{line})\n"
              "\tat com.example.orders.web.OrderController.{cmethod}(OrderController.java:{cline})\n"
              "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
              "Caused by: java.sql.SQLTransientConnectionException: OrdersPool - Connection is not available, request timed out after 5001ms (total=10, active=10, idle=0, waiting={w})\n"
              "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)\n"
              "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)\n"
              "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:144)\n"
              "\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:99)\n"
              "\tat org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:160)\n"
              "\tat org.springframework.jdbc.datasource.DataSourceUtils.doGetConnection(DataSourceUtils.java:118)\n"
              "\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:81)\n"
              "\t... 92 common frames omitted")

OPS = {
    "create": ("POST", "/v1/orders", "insert", "INSERT INTO orders (id, customer_id, status, total_cents, currency, created_at, updated_at) VALUES (?, ?, 'PENDING', ?, ?, now(6), now(6))", "create", 88, "create", 61, True),
    "get": ("GET", "/v1/orders/{id}", "findById", "SELECT id, customer_id, status, total_cents, currency, created_at, updated_at FROM orders WHERE id = ?", "get", 42, "get", 47, True),
    "list": ("GET", "/v1/orders?customerId={c}", "findByCustomer", "SELECT id, status, total_cents, currency, created_at FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT 20", "list", 57, "list", 39, True),
    "items": ("GET", "/v1/orders/{id}/items", "findItems", "SELECT sku, qty, price_cents FROM order_items WHERE order_id = ?", "items", 71, "items", 53, False),
    "pay": ("POST", "/internal/orders/{id}/payment", "markPaid", "UPDATE orders SET status = 'PAID', paid_at = now(6), updated_at = now(6) WHERE id = ? AND status = 'PENDING'", "markPaid", 103, "markPaid", 77, True),
    "ready": ("GET", "/internal/orders?status=READY_TO_SHIP&limit=50", "findReady", "SELECT id, customer_id, shipping_address_id FROM orders WHERE status = 'READY_TO_SHIP' ORDER BY paid_at LIMIT 50", "ready", 118, "ready", 92, True),
}
slow_entries = []


def order_op(t, op, caller="kong"):
    """returns (status, dur, path)"""
    method, path, rmeth, sql, smeth, line, cmeth, cline, on_orders = OPS[op]
    pod = rng.choice(os_pods)
    th = "http-nio-8080-exec-%d" % rng.randint(1, 200)
    oid = rng.uuid()
    p = path.replace("{id}", oid).replace("{c}", str(rng.randint(100000, 999999)))
    blocked = on_orders and mdl_blocked(t)
    hold = 30.0 if blocked else rng.lat(0.004, 0.4)
    if blocked:
        # released early if the lock clears before the query timeout
        rel = KILL + 0.6
        if t + 30.0 > rel:
            hold = max(0.01, rel - t) + rng.lat(0.004, 0.4)
    w = pool_acquire(pod, t, hold)
    if w is None:
        d = 5.001 + rng.uniform(0, 0.01)
        waiting = rng.randint(8, 60)
        lb(pod, t + d, "WARN", "com.zaxxer.hikari.pool.HikariPool", th, "OrdersPool - Connection is not available, request timed out after 5001ms (total=10, active=10, idle=0, waiting=%d)" % max(1, waiting))
        lb(pod, t + d + 0.0004, "ERROR", "c.e.orders.web.ApiExceptionHandler", th, "%s %s failed: Failed to obtain JDBC Connection" % (method, p.split("?")[0]),
           POOL_STACK.replace("{repo}", "OrderItemRepository" if op == "items" else "OrderRepository").replace("{method}", rmeth).replace("{line}", str(line)).replace("{cmethod}", cmeth).replace("{cline}", str(cline)).replace("{w}", str(max(1, waiting))))
        lb(pod, t + d + 0.0006, "INFO", "c.e.orders.web.AccessLogFilter", th, "%s %s 503 %dms" % (method, p, int(d * 1000)), caller=caller)
        return 503, d + 0.001, p
    d = w
    if blocked and hold >= 29.9:
        d += 30.0 + rng.uniform(0.001, 0.02)
        lb(pod, t + d, "ERROR", "c.e.orders.web.ApiExceptionHandler", th, "%s %s failed: Statement cancelled due to timeout or client request" % (method, p.split("?")[0]),
           TIMEOUT_STACK.replace("{sql}", sql).replace("{method}", rmeth).replace("{line}", str(line)).replace("{smethod}", smeth).replace("{sline}", str(line - 20)).replace("{cmethod}", cmeth).replace("{cline}", str(cline)))
        lb(pod, t + d + 0.0005, "INFO", "c.e.orders.web.AccessLogFilter", th, "%s %s 500 %dms" % (method, p, int(d * 1000)), caller=caller)
        slow_entries.append((t + w + 30.0, "order_svc", ip[pod], 30.0 + rng.uniform(0.0001, 0.003), 29.99 + rng.uniform(0, 0.009), sql, True))
        return 500, d + 0.001, p
    d += hold
    if blocked:
        slow_entries.append((t + w + hold, "order_svc", ip[pod], hold, hold - 0.003, sql, False))
    st = 201 if op == "create" else 200
    if op == "create":
        lb(pod, t + d - 0.0003, "INFO", "c.e.orders.service.OrderService", th, "Order %s created (%d items, %.2f %s)" % (oid, rng.randint(1, 6), rng.uniform(10, 600), rng.choice(["EUR", "GBP"])))
    if op == "pay":
        lb(pod, t + d - 0.0003, "INFO", "c.e.orders.service.OrderService", th, "Order %s marked PAID" % oid)
    if d > 2.0:
        lb(pod, t + d - 0.0002, "WARN", "c.e.orders.web.SlowRequestLogger", th, "Slow request %s %s took %dms" % (method, p, int(d * 1000)))
    lb(pod, t + d, "INFO", "c.e.orders.web.AccessLogFilter", th, "%s %s %d %dms" % (method, p, st, int(d * 1000)), caller=caller)
    return st, d, p


def os_background():
    for pod in os_pods:
        t = T0 + rng.uniform(0, 30)
        while t < T1:
            if mdl_blocked(t) and t > MIGRATE + 60:
                act, waiting = 10, rng.randint(10, 60)
            else:
                act, waiting = rng.randint(0, 3), 0
            lb(pod, t, "DEBUG", "com.zaxxer.hikari.pool.HikariPool", "OrdersPool housekeeper", "OrdersPool - Pool stats (total=10, active=%d, idle=%d, waiting=%d)" % (act, 10 - act, waiting))
            t += 30
        for t in arrivals(rng, T0, T1, 1 / 240.0):
            lb(pod, t, "WARN", "c.e.orders.outbox.OutboxPublisher", "scheduling-1", "Outbox batch published with %d retries (kafka request timed out once)" % rng.randint(1, 2))
        # connection evictions after the incident
    for pod in os_pods:
        for i in range(rng.randint(2, 5)):
            lb(pod, KILL + rng.uniform(2, 40), "WARN", "com.zaxxer.hikari.pool.PoolBase", "OrdersPool housekeeper",
               "OrdersPool - Failed to validate connection com.mysql.cj.jdbc.ConnectionImpl@%s (No operations allowed after connection closed.). Possibly consider using a shorter maxLifetime value." % rng.hex(8))


# ---------------------------------------------------------------- kong (file-log JSON)
SVC_IDS = {s: rng.uuid() for s in ("order-service", "customer-service", "payment-service")}


def kong(t, d, method, uri, status, svc, pod_ip, port=8080, kong_lat=None, ua=None):
    kl = kong_lat if kong_lat is not None else rng.randint(0, 2)
    started = epoch_ms(t)
    up = int(d * 1000)
    rec = {
        "request": {"method": method, "uri": uri, "url": "https://api.shop-example.io:443" + uri, "size": rng.randint(400, 1200),
                    "querystring": {}, "headers": {"host": "api.shop-example.io", "user-agent": ua or rng.choice(UA_APP + UA_BROWSER)}},
        "upstream_uri": uri,
        "response": {"status": status, "size": rng.randint(300, 3000) if status < 400 else rng.randint(150, 260),
                     "headers": {"content-type": "application/json", "x-kong-upstream-latency": str(up)}},
        "route": {"name": "%s-route" % svc, "protocols": ["https"], "strip_path": False},
        "service": {"id": SVC_IDS[svc], "name": svc, "host": "%s.orders.svc.cluster.local" % svc if svc == "order-service" else "%s.%s.svc.cluster.local" % (svc, svc.split("-")[0]),
                    "port": port, "protocol": "http", "read_timeout": 60000, "retries": 5},
        "latencies": {"kong": kl, "proxy": up, "request": up + kl},
        "tries": [{"balancer_latency": 0, "port": port, "balancer_start": started, "ip": pod_ip}],
        "client_ip": client_ip(rng), "upstream_status": str(status), "started_at": started,
    }
    OUT.add("logs/kong/%s.log" % rng.choice(kong_pods), t + d, jdump(rec))


def traffic():
    for t in arrivals(rng, T0, T1, 1.05):
        kind = rng.wchoice([("create", 12), ("get", 22), ("list", 10), ("items", 12), ("customer", 30), ("webhook", 8), ("static", 6)])
        if kind in ("create", "get", "list", "items"):
            st, d, p = order_op(t + 0.001, kind)
            kong(t, d + 0.002, OPS[kind][0], p, st, "order-service", ip[rng.choice(os_pods)])
        elif kind == "customer":
            pod = rng.choice(cust_pods)
            d = rng.lat(0.01, 0.4)
            path = rng.choice(["/v1/customers/me", "/v1/customers/me/addresses", "/v1/customers/me/payment-methods"])
            OUT.add("logs/customer-service/%s.log" % pod, t + d, jdump({"level": 30, "time": epoch_ms(t + d), "pid": 1, "hostname": pod,
                    "req": {"method": "GET", "url": path}, "res": {"statusCode": 200}, "responseTime": int(d * 1000), "msg": "request completed"}))
            kong(t, d + 0.001, "GET", path, 200, "customer-service", ip[pod])
        elif kind == "webhook":
            pod = rng.choice(pay_pods)
            ev = "evt_" + rng.alnum(24)
            d0 = rng.lat(0.005, 0.3)
            st, d, p = order_op(t + d0, "pay", "payment-service")
            d += d0
            if st >= 500:
                OUT.add("logs/payment-service/%s.log" % pod, t + d, jdump({"level": "error", "msg": "failed to mark order paid, psp will redeliver",
                        "event_id": ev, "error": "POST http://order-service.orders.svc.cluster.local:8080%s: unexpected status 5%02d" % (p, st % 100), "time": iso_s(t + d)}))
                kong(t, d + 0.002, "POST", "/webhooks/psp", 500, "payment-service", ip[pod], ua="Stripe/1.0 (+https://stripe.com/docs/webhooks)")
            else:
                OUT.add("logs/payment-service/%s.log" % pod, t + d, jdump({"level": "info", "msg": "payment webhook processed", "event_id": ev,
                        "type": "payment_intent.succeeded", "latency_ms": int(d * 1000), "time": iso_s(t + d)}))
                kong(t, d + 0.002, "POST", "/webhooks/psp", 200, "payment-service", ip[pod], ua="Stripe/1.0 (+https://stripe.com/docs/webhooks)")
        else:
            pod = rng.choice(cust_pods)
            kong(t, 0.001, "GET", "/health", 200, "customer-service", ip[pod], kong_lat=0, ua="kube-probe/1.29")
    # shipping poller
    pod = ship_pods[0]
    t = T0 + 3.3
    while t < T1:
        st, d, p = order_op(t, "ready", "shipping-service")
        dd = min(d, 10.0)
        if st == 200 and d <= 10.0:
            OUT.add("logs/shipping-service/%s.log" % pod, t + dd, jdump({"level": "info", "component": "poller", "orders": rng.randint(0, 12), "took_ms": round(dd * 1000, 1),
                                                                        "time": iso(t + dd, 3), "message": "fetched ready-to-ship orders"}))
        else:
            OUT.add("logs/shipping-service/%s.log" % pod, t + dd, jdump({"level": "error", "component": "poller", "time": iso(t + dd, 3),
                    "error": "Get \"http://order-service.orders.svc.cluster.local:8080/internal/orders?status=READY_TO_SHIP&limit=50\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" if d > 10.0 else "unexpected status 503 from order-service",
                    "message": "poll failed"}))
        t += 10 + dd
    for t in arrivals(rng, T0, T1, 1 / 30.0):
        OUT.add("logs/shipping-service/%s.log" % pod, t, jdump({"level": "warn", "component": "carrier", "carrier": "parcelforce", "status": 429,
                                                                "time": iso(t, 3), "message": "carrier label API rate limited, backing off"}))
    for p in pay_pods:
        for t in arrivals(rng, T0, T1, 1 / 45.0):
            OUT.add("logs/payment-service/%s.log" % p, t, jdump({"level": "warning", "msg": "3DS challenge abandoned", "payment_intent": "pi_" + rng.alnum(24), "time": iso_s(t)}))


# ---------------------------------------------------------------- orders-mysql: error log + slow log
EL = "logs/orders-mysql/error.log"
SL = "logs/orders-mysql/mysql-slow.log"


def mysql_err(t, prio, code, sub, msg, thr=0):
    OUT.add(EL, t, "%s %d [%s] [%s] [%s] %s" % (iso(t, 6), thr, prio, code, sub, msg))


def slow(t, user, host, qt, lt, rs, rex, sql, tid, db="orders"):
    OUT.block(SL, t, "# Time: %s\n# User@Host: %s[%s] @  [%s]  Id: %d\n# Query_time: %.6f  Lock_time: %.6f Rows_sent: %d  Rows_examined: %d\nuse %s;\nSET timestamp=%d;\n%s;" % (
        iso(t, 6), user, user, host, tid, qt, lt, rs, rex, db, int(t - qt), sql))


def mysql():
    for t in arrivals(rng, T0, T1, 1 / 90.0):
        mysql_err(t, "Warning", "MY-010055", "Server", "IP address '10.0.%d.%d' could not be resolved: Name or service not known" % (rng.randint(2, 9), rng.randint(2, 250)), rng.randint(80000, 99999))
    for t in arrivals(rng, T0, T1, 1 / 120.0):
        mysql_err(t, "Warning", "MY-013360", "Server", "Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'", rng.randint(80000, 99999))
    for t in arrivals(rng, T0, T1, 1 / 200.0):
        mysql_err(t, "Note", "MY-010914", "Server", "Aborted connection %d to db: 'orders' user: 'order_svc' host: '%s' (Got an error reading communication packets)." % (rng.randint(80000, 99999), ip[rng.choice(os_pods)]), rng.randint(80000, 99999))
    for t in arrivals(rng, KILL + 1, KILL + 60, 0.3):
        mysql_err(t, "Note", "MY-010914", "Server", "Aborted connection %d to db: 'orders' user: 'order_svc' host: '%s' (Got timeout reading communication packets)." % (rng.randint(80000, 99999), ip[rng.choice(os_pods)]), rng.randint(80000, 99999))
    # bi-exporter chunked reads in the snapshot transaction show up in the slow log
    t = BI_START + 40
    n = 0
    while t < KILL:
        q = rng.uniform(2.2, 6.5)
        slow(t + q, "bi_reader", ip[bi_pod], q, 0.000004, 50000, 50000 + n * 50000,
             "SELECT * FROM orders WHERE id > '%s' ORDER BY id LIMIT 50000" % rng.uuid(), 88123)
        t += q + rng.uniform(25, 40)
        n += 1
    # the killed export query
    slow(KILL, "bi_reader", ip[bi_pod], 8.412331, 0.000005, 0, 31200, "SELECT * FROM orders WHERE id > '%s' ORDER BY id LIMIT 50000" % rng.uuid(), 88123)
    # the ALTER
    slow(ALTER_DONE, "flyway", ip[mig_pod], ALTER_DONE - MIGRATE, KILL - MIGRATE + 0.002, 0, 0,
         "ALTER TABLE `orders` ADD INDEX `idx_orders_created_at` (`created_at`), ALGORITHM=INPLACE, LOCK=NONE", 90211)
    # dba session
    for (t, user, host, qt, lt, sql, killed) in slow_entries:
        if rng.random() < 0.5:
            s = sql.replace("?", "'%s'" % rng.uuid() if "id" in sql else str(rng.randint(100000, 999999)))
            slow(t, user, host, qt, lt, 0 if killed else 1, 0 if killed else 1, s, rng.randint(89000, 89999))
    for t in arrivals(rng, T0, T1, 1 / 150.0):
        q = rng.uniform(2.0, 3.4)
        slow(t, "reporting", "10.0.9.31", q, 0.000003, rng.randint(10, 300), rng.randint(200000, 900000),
             "SELECT DATE(created_at) d, COUNT(*) FROM order_events WHERE created_at > NOW() - INTERVAL 30 DAY GROUP BY d", rng.randint(70000, 79999))


# ---------------------------------------------------------------- orders-migrate (flyway, kubectl logs --timestamps)
def migrate():
    f = "logs/orders-migrate/%s.log" % mig_pod
    s = MIGRATE - 2.4
    lines = [(0.0, "Flyway OSS Edition 10.17.0 by Redgate"), (0.001, ""), (0.002, "See release notes here: https://rd.gt/416ObMi"),
             (1.2, "Database: jdbc:mysql://orders-mysql.orders.svc.cluster.local:3306/orders (MySQL 8.0)"),
             (1.9, "Successfully validated 58 migrations (execution time 00:00.184s)"),
             (2.1, "Current version of schema `orders`: 57"),
             (2.4, 'Migrating schema `orders` to version "58 - add index orders created at" [non-transactional]')]
    for dt, l in lines:
        OUT.add(f, s + dt, "%sZ %s" % (iso(s + dt, 9, ""), l))
    e = ALTER_DONE + 0.05
    OUT.add(f, e, "%sZ Successfully applied 1 migration to schema `orders`, now at version v58 (execution time 24:10.514s)" % iso(e, 9, ""))


# ---------------------------------------------------------------- bi-exporter (python logging)
def bi():
    f = "logs/bi-exporter/%s.log" % bi_pod

    def L(t, lvl, name, msg):
        OUT.add(f, t, "%s %s %s: %s" % (comma_ts(t), lvl, name, msg))

    L(BI_START - 1.1, "INFO", "bi_exporter", "starting nightly export run=2026-02-26 tables=orders,order_items,order_events target=s3://acme-bi-landing/orders/dt=2026-02-26/")
    L(BI_START - 0.2, "INFO", "bi_exporter.mysql", "connected to orders-mysql.orders.svc.cluster.local:3306 as bi_reader (connection id 88123)")
    L(BI_START, "INFO", "bi_exporter.mysql", "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")
    t = BI_START + 60
    rows = 0
    while t < KILL:
        rows += rng.randint(80000, 110000)
        L(t, "INFO", "bi_exporter.orders", "exported %d/4812331 rows (%.1f%%), %.1f MB written" % (rows, rows / 48123.31, rows * 0.00041))
        t += 60
    L(KILL, "ERROR", "bi_exporter.orders", "export failed\nTraceback (most recent call last):\n  File \"/app/bi_exporter/tables.py\", line 77, in export_table\n    cur.execute(q, (last_id,))\n  File \"/usr/local/lib/python3.11/site-packages/MySQLdb/cursors.py\", line 179, in execute\n    res = self._query(mogrified_query)\n  File \"/usr/local/lib/python3.11/site-packages/MySQLdb/connections.py\", line 261, in query\n    _mysql.connection.query(self, query)\nMySQLdb.OperationalError: (2013, 'Lost connection to MySQL server during query')")
    L(KILL + 0.2, "WARNING", "bi_exporter", "run aborted; partial files left under s3://acme-bi-landing/orders/dt=2026-02-26/_tmp/")


# ---------------------------------------------------------------- argocd application controller
def argocd():
    f = "logs/argocd/argocd-application-controller-0.log"

    def A(t, lvl, msg, **kv):
        pairs = [("time", iso_s(t)), ("level", lvl), ("msg", msg)] + list(kv.items())
        OUT.add(f, t, logfmt(pairs))

    for t in arrivals(rng, T0, T1, 1 / 20.0):
        app = rng.choice(["customer-service", "payment-service", "shipping-service", "kong-config", "order-service"])
        A(t, "info", "Reconciliation completed", application="argocd/" + app, dest_namespace=app.split("-")[0], **{"time_ms": rng.randint(40, 400), "comparison-level": 1})
    A(SYNC, "info", "Initiated automated sync to '7c1f0e2'", application="argocd/order-service", dest_namespace="orders", dest_server="https://kubernetes.default.svc")
    A(SYNC + 0.4, "info", "Tasks (dry-run)", application="argocd/order-service", syncId="00041-xUqLa", tasks="[PreSync/0 hook batch/Job:orders/orders-migrate-58 nil->obj (,,), Sync/0 resource apps/Deployment:orders/order-service obj->obj (,,)]")
    A(SYNC + 0.9, "info", "Running tasks", application="argocd/order-service", syncId="00041-xUqLa", tasks="[PreSync/0 hook batch/Job:orders/orders-migrate-58 nil->obj (,,)]")
    t = SYNC + 5
    while t < ALTER_DONE + 2:
        A(t, "info", "Updating operation state. phase: Running -> Running, message: 'waiting for completion of hook batch/Job/orders-migrate-58' -> 'waiting for completion of hook batch/Job/orders-migrate-58'", application="argocd/order-service", syncId="00041-xUqLa")
        t += 180
    A(ALTER_DONE + 3, "info", "Running tasks", application="argocd/order-service", syncId="00041-xUqLa", tasks="[Sync/0 resource apps/Deployment:orders/order-service obj->obj (,,)]")
    A(ALTER_DONE + 4, "info", "Updating operation state. phase: Running -> Succeeded, message: 'waiting for completion of hook batch/Job/orders-migrate-58' -> 'successfully synced (all tasks run)'", application="argocd/order-service", syncId="00041-xUqLa")
    A(KONG_CHANGE, "info", "Initiated automated sync to 'e90ab44'", application="argocd/kong-config", dest_namespace="kong", dest_server="https://kubernetes.default.svc")
    A(KONG_CHANGE + 2, "info", "Updating operation state. phase: Running -> Succeeded, message: 'successfully synced (all tasks run)'", application="argocd/kong-config", syncId="00112-pQwEr")


def events():
    rows = []

    def ev(t, typ, reason, obj, msg):
        rows.append((t, "%-20s %-8s %-20s %-44s %s" % (iso_s(t), typ, reason, obj, msg)))

    ev(SYNC + 1.2, "Normal", "SuccessfulCreate", "job/orders-migrate-58", "Created pod: %s" % mig_pod)
    ev(SYNC + 1.5, "Normal", "Scheduled", "pod/%s" % mig_pod, "Successfully assigned orders/%s to ip-10-0-6-44.eu-west-2.compute.internal" % mig_pod)
    ev(SYNC + 2.0, "Normal", "Pulled", "pod/%s" % mig_pod, 'Container image "registry.acme.io/orders/migrations:2.41.0" already present on machine')
    ev(SYNC + 2.2, "Normal", "Created", "pod/%s" % mig_pod, "Created container flyway")
    ev(SYNC + 2.4, "Normal", "Started", "pod/%s" % mig_pod, "Started container flyway")
    ev(ALTER_DONE + 1.0, "Normal", "Completed", "job/orders-migrate-58", "Job completed")
    ev(ALTER_DONE + 5, "Normal", "ScalingReplicaSet", "deployment/order-service", "Scaled up replica set order-service-%s to 1" % rng.k8s(10))
    for p in os_pods:
        for k in range(rng.randint(3, 8)):
            ev(MIGRATE + rng.uniform(60, KILL - MIGRATE), "Warning", "Unhealthy", "pod/%s" % p, "Readiness probe failed: HTTP probe failed with statuscode: 503")
    ev(BI_START - 2, "Normal", "SuccessfulCreate", "cronjob/bi-exporter", "Created job bi-exporter-29531600")
    ev(KILL + 2, "Warning", "BackoffLimitExceeded", "job/bi-exporter-29531600", "Job has reached the specified backoff limit")
    rows.sort(key=lambda r: r[0])
    OUT.set_raw("logs/events-orders.txt", "%-20s %-8s %-20s %-44s %s\n" % ("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE") + "".join(r[1] + "\n" for r in rows))


traffic()
os_background()
mysql()
migrate()
bi()
argocd()
events()

truth = {
    "root_cause": {"service": "orders-migrate", "fault": "metadata-lock-blocking-ddl", "start": iso(MIGRATE)},
    "propagation": ["orders-migrate", "orders-mysql", "order-service", "kong"],
    "affected": ["orders-migrate", "orders-mysql", "order-service", "kong", "payment-service", "shipping-service"],
    "acceptable_roots": ["bi-exporter"],
    "notes": "The Argo CD PreSync Flyway job orders-migrate-58 issued ALTER TABLE orders ADD INDEX at 03:38:14 while bi-exporter held a "
             "consistent-snapshot transaction on orders; the ALTER waited for the metadata lock and every later statement on orders queued "
             "behind it. order-service queries hit the 30 s query timeout and the OrdersPool ran dry (kong 500/503, payment webhooks and the "
             "shipping poller failing) until the DBA killed the bi-exporter session at 04:01:40. MySQL's error log stays quiet.",
}
topology = [
    ("kong", "gateway", ["order-service", "customer-service", "payment-service"]),
    ("order-service", "api", ["orders-mysql"]),
    ("customer-service", "api", []),
    ("payment-service", "api", ["order-service"]),
    ("shipping-service", "worker", ["order-service"]),
    ("orders-mysql", "database", []),
    ("orders-migrate", "worker", ["orders-mysql"]),
    ("bi-exporter", "worker", ["orders-mysql"]),
    ("argocd-application-controller", "worker", []),
]
OUT.write(truth, topology)
