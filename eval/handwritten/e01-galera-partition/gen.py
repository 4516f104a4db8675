#!/usr/bin/env python3
"""Generator for incident case e01-galera-partition (standard library only, deterministic)."""
SEED = 4101
import os, json, gzip, shutil, random, math
from datetime import datetime, timezone, timedelta

# The set's shared helpers (output sink, time formats, random shapes), kept once in e_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "e_common.py")).read())

# ======================================================================== case
# e01: Galera node partitioned into a non-primary component; clients round-robin onto it.

T_BEGIN = ep(2025, 4, 8, 13, 50, 0)
T_END = ep(2025, 4, 8, 14, 22, 40)
T0 = ep(2025, 4, 8, 14, 3, 17, 412)        # network partition isolates inventory-db-2
T_NONPRIM = T0 + 5.62                       # db-2 declares peers dead -> NON-PRIMARY, refuses queries
T_RESTART = ep(2025, 4, 8, 14, 20, 21, 0)   # on-call restarts mariadb on inventory-db-2
T_SYNC = T_RESTART + 38.4                   # IST complete, db-2 SYNCED again
T_DEPLOY = T0 - 251.0                       # red herring: search-api WAR redeploy
DB_TZ = 2.0                                 # db VMs log local time (CEST) without offset
SKEW = {"inventory-db-0": 0.0, "inventory-db-1": 0.8, "inventory-db-2": 47.3}

NODES = {}
PODS = {}
PODIP = {}


def mkpods(svc, n, nodes, rs):
    PODS[svc] = []
    for i in range(n):
        p = podname(svc, rs)
        PODS[svc].append(p)
        NODES[p] = nodes[i % len(nodes)]
        PODIP[p] = ip()


mkpods("ingress-nginx-controller", 1, ["k8s-node-a1"], "5f8d6b7c9")
mkpods("storefront-web", 2, ["k8s-node-a1", "k8s-node-a2"], "6d8f9c7b5")
mkpods("catalog-api", 2, ["k8s-node-a1", "k8s-node-a3"], "7b9c4d8f6")
mkpods("cart-api", 2, ["k8s-node-a1", "k8s-node-a3"], "58c7d9f4b")
mkpods("checkout-api", 2, ["k8s-node-a2", "k8s-node-a3"], "6c4b8f7d9")
mkpods("inventory-api", 3, ["k8s-node-a1", "k8s-node-a2", "k8s-node-a3"], "5c7d8b9f4")
mkpods("reservation-service", 2, ["k8s-node-a2", "k8s-node-a3"], "84f9b6c7d")
mkpods("pricing-api", 2, ["k8s-node-a2", "k8s-node-a3"], "7f6c5d9b8")
mkpods("payment-api", 1, ["k8s-node-a3"], "59d7c8b6f")
mkpods("user-api", 1, ["k8s-node-a2"], "6b8d7c9f5")
mkpods("search-api", 2, ["k8s-node-a3", "k8s-node-a1"], "7d5f9c8b6")
mkpods("recommendation-api", 1, ["k8s-node-a3"], "6f9b7c5d8")
SEARCH_NEW_RS = "9c6d4f7b8"
SEARCH_NEW = [podname("search-api", SEARCH_NEW_RS) for _ in range(2)]
for i, p in enumerate(SEARCH_NEW):
    NODES[p] = ["k8s-node-a3", "k8s-node-a1"][i]
    PODIP[p] = ip()

DBIP = {"inventory-db-0": "10.20.7.11", "inventory-db-1": "10.20.7.12", "inventory-db-2": "10.20.7.13"}
DBUUID = {k: hexid(8) + "-" + hexid(4) for k in DBIP}
SEQNO = [88213002]


def path_of(pod, kind=None):
    n = NODES[pod]
    if kind:
        return "%s/%s/%s" % (n, pod, kind)
    return "%s/%s.log" % (n, pod)


# ------------------------------------------------------------------ formatters
def zl(pod, t, level, msg, unix=False, **kv):
    d = {"level": level}
    d["svc"] = pod.rsplit("-", 2)[0]
    d.update(kv)
    d["time"] = int(round(t * 1000)) if unix else iso_ms(t)
    d["message"] = msg
    emit(path_of(pod), t, json.dumps(d, separators=(",", ":")))


def jul(t):
    d = dt(t)
    return d.strftime("%d-%b-%Y %H:%M:%S.") + "%03d" % (d.microsecond // 1000)


def catalina(pod, t, level, thread, src, msg):
    emit(path_of(pod, "catalina.out"), t, "%s %s [%s] %s %s" % (jul(t), level, thread, src, msg))


def tc_access(pod, t, cip, method, path, status, size, ms):
    emit(path_of(pod, "localhost_access_log.2025-04-08.txt"), t + ms / 1000.0,
         '%s - - [%s] "%s %s HTTP/1.1" %d %s %d' % (cip, clf(t), method, path, status, size if size else "-", int(ms)))


def wf(pod, t, level, cat, thread, msg):
    d = dt(t)
    emit(path_of(pod, "server.log"), t, "%s,%03d %-5s [%s] (%s) %s" % (
        d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level, cat, thread, msg))


def l4rs(pod, t, level, target, msg):
    d = dt(t)
    emit(path_of(pod), t, "%s.%06d+00:00 %s %s - %s" % (d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond, level, target, msg))


def envlog(pod, t, level, target, msg):
    emit(path_of(pod), t, "[%s %-5s %s] %s" % (iso_s(t), level, target, msg))


def ruby(pod, t, level, msg, pid):
    d = dt(t)
    emit(path_of(pod), t, "%s, [%s.%06d #%d] %5s -- storefront: %s" % (
        level[0], d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond, pid, level, msg))


def rack(pod, t, cip, method, path, status, size, secs):
    emit(path_of(pod), t + secs, '%s - - [%s] "%s %s HTTP/1.1" %d %s %.4f' % (
        cip, clf(t + secs), method, path, status, size if size else "-", secs))


def db(node, t, level, msg, thread=0):
    lt = t + SKEW[node]
    d = dt(lt, DB_TZ)
    emit("%s/mysqld.err" % node, t, "%s %d [%s] %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), thread, level, msg))


RUBY_PID = {p: R.randint(8, 40) for p in PODS["storefront-web"]}
EXEC = lambda: "http-nio-8080-exec-%d" % R.randint(1, 40)
SKUS = ["SKU-%05d" % R.randint(10000, 99999) for _ in range(900)]
USERS = ["u-%06d" % R.randint(100000, 999999) for _ in range(2500)]
WORDS = ["linen shirt", "running shoes", "rain jacket", "wool socks", "backpack", "sneakers", "denim", "chino",
         "hoodie", "sunglasses", "trail shoes", "parka", "swim shorts", "belt", "beanie", "tote bag"]


def db_bad(t):
    return T_NONPRIM <= t < T_RESTART


def inv_stack(conn, sql):
    return "\n".join([
        "\tjava.sql.SQLNonTransientConnectionException: (conn=%d) WSREP has not yet prepared node for application use" % conn,
        "\t\tat org.mariadb.jdbc.export.ExceptionFactory.createException(ExceptionFactory.java:300)",
        "\t\tat org.mariadb.jdbc.export.ExceptionFactory.create(ExceptionFactory.java:359)",
        "\t\tat org.mariadb.jdbc.message.ClientMessage.readPacket(ClientMessage.java:138)",
        "\t\tat org.mariadb.jdbc.client.impl.StandardClient.readPacket(StandardClient.java:872)",
        "\t\tat org.mariadb.jdbc.client.impl.StandardClient.readResults(StandardClient.java:811)",
        "\t\tat org.mariadb.jdbc.client.impl.StandardClient.execute(StandardClient.java:734)",
        "\t\tat org.mariadb.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:92)",
        "\t\tat org.mariadb.jdbc.ClientPreparedStatement.executeQuery(ClientPreparedStatement.java:281)",
        "\t\tat com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery(ProxyPreparedStatement.java:52)",
        "\t\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)",
        "\t\tat org.springframework.jdbc.core.JdbcTemplate$1.doInPreparedStatement(JdbcTemplate.java:732)",
        "\t\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:658)",
        "\t\tat com.shop.inventory.repo.StockLevelRepository.findBySku(StockLevelRepository.java:64)",
        "\t\tat com.shop.inventory.service.StockService.availability(StockService.java:118)",
        "\t\tat com.shop.inventory.web.StockController.get(StockController.java:47)",
        "\t\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
        "\t\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)",
        "\t\tat org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:166)",
        "\t\tat org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1744)",
        "\t\tat org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:61)",
        "\t\tat java.base/java.lang.Thread.run(Thread.java:1583)",
    ])


# ------------------------------------------------------------------ services
def inventory(t, cip, method, path, sku, rid):
    pod = R.choice(PODS["inventory-api"])
    ms = lat(7, 0.4)
    if db_bad(t) and R.random() < 0.335:
        ms = lat(3.2, 0.3)
        th = EXEC()
        conn = R.randint(40000, 62000)
        tt = t + ms / 1000.0
        catalina(pod, tt - 0.001, "WARNING", th, "com.zaxxer.hikari.pool.ProxyConnection.checkException",
                 "HikariPool-1 - Connection org.mariadb.jdbc.Connection@%s marked as broken because of SQLSTATE(08S01), ErrorCode(1047)" % hexid(8))
        sql = "SELECT sku, warehouse_id, on_hand, reserved FROM stock_level WHERE sku = ?"
        catalina(pod, tt, "SEVERE", th, "org.apache.catalina.core.StandardWrapperValve.invoke",
                 "Servlet.service() for servlet [dispatcherServlet] in context with path [/inventory] threw exception "
                 "[Request processing failed: org.springframework.dao.DataAccessResourceFailureException: PreparedStatementCallback; "
                 "SQL [%s]; (conn=%d) WSREP has not yet prepared node for application use] with root cause\n%s" % (sql, conn, inv_stack(conn, sql)))
        tc_access(pod, t, cip, method, path, 500, 0, ms)
        return 500, ms
    if T_RESTART <= t < T_SYNC and R.random() < 0.06:
        # driver hits the restarting node first, fails over to the next A record
        ms += lat(1000, 0.05)
        catalina(pod, t + 1.0, "WARNING", "HikariPool-1 connection adder", "com.zaxxer.hikari.pool.HikariPool.createPoolEntry",
                 "HikariPool-1 - Cannot acquire connection from data source, retrying next host: java.sql.SQLNonTransientConnectionException: "
                 "Socket fail to connect to address=(host=inventory-db.prod.internal)(port=3306)(type=primary). Connection refused")
    tc_access(pod, t, cip, method, path, 200, R.randint(70, 140), ms)
    return 200, ms


def pricing(t, sku):
    pod = R.choice(PODS["pricing-api"])
    ms = lat(4, 0.35)
    l4rs(pod, t + ms / 1000.0, "INFO", "pricing_api::http", "GET /v1/prices/%s -> 200 (%.1fms, cache=%s)" % (
        sku, ms, R.choice(["hit", "hit", "hit", "miss"])))
    return 200, ms


def reservation(t, order, lines, rid):
    pod = R.choice(PODS["reservation-service"])
    th = "default task-%d" % R.randint(1, 64)
    ms = lat(22, 0.35)
    if db_bad(t) and R.random() < 0.335:
        ms = lat(6, 0.3)
        conn = R.randint(40000, 62000)
        tt = t + ms / 1000.0
        wf(pod, tt - 0.002, "WARN", "org.hibernate.engine.jdbc.spi.SqlExceptionHelper", th, "SQL Error: 1047, SQLState: 08S01")
        wf(pod, tt - 0.002, "ERROR", "org.hibernate.engine.jdbc.spi.SqlExceptionHelper", th,
           "(conn=%d) WSREP has not yet prepared node for application use" % conn)
        wf(pod, tt, "ERROR", "io.undertow.request", th,
           "UT005023: Exception handling request to /reservation/api/reservations: org.jboss.resteasy.spi.UnhandledException: "
           "jakarta.persistence.PersistenceException: org.hibernate.exception.JDBCConnectionException: could not execute statement "
           "[(conn=%d) WSREP has not yet prepared node for application use] [insert into stock_reservation (created_at,order_id,sku,qty,warehouse_id,id) values (?,?,?,?,?,?)]\n"
           "\tat org.jboss.resteasy.core.ExceptionHandler.handleApplicationException(ExceptionHandler.java:107)\n"
           "\tat org.jboss.resteasy.core.SynchronousDispatcher.invoke(SynchronousDispatcher.java:444)\n"
           "\tat io.undertow.servlet.handlers.ServletInitialHandler.handleRequest(ServletInitialHandler.java:152)\n"
           "\tat org.jboss.threads.EnhancedQueueExecutor$ThreadBody.run(EnhancedQueueExecutor.java:1513)\n"
           "\tat java.base/java.lang.Thread.run(Thread.java:840)\n"
           "Caused by: jakarta.persistence.PersistenceException: org.hibernate.exception.JDBCConnectionException: could not execute statement\n"
           "\tat org.hibernate.internal.ExceptionConverterImpl.convert(ExceptionConverterImpl.java:165)\n"
           "\tat org.hibernate.internal.SessionImpl.flush(SessionImpl.java:1433)\n"
           "\tat com.shop.reservation.ReservationService.reserve(ReservationService.java:88)\n"
           "\t... 41 more\n"
           "Caused by: java.sql.SQLNonTransientConnectionException: (conn=%d) WSREP has not yet prepared node for application use\n"
           "\tat org.mariadb.jdbc.export.ExceptionFactory.createException(ExceptionFactory.java:300)\n"
           "\tat org.mariadb.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:92)\n"
           "\t... 58 more" % (conn, conn))
        return 500, ms
    wf(pod, t + ms / 1000.0, "INFO", "com.shop.reservation.ReservationResource", th,
       "reserved order=%s lines=%d warehouse=%s in %d ms" % (order, lines, R.choice(["WH-FRA1", "WH-FRA1", "WH-AMS2"]), int(ms)))
    return 201, ms


def payment(t, order, amount):
    pod = PODS["payment-api"][0]
    ms = lat(180, 0.3)
    l4rs(pod, t + ms / 1000.0, "INFO", "payment_api::charges", "charge created order=%s amount=%.2f EUR psp=adyen psp_ref=%s (%.0fms)" % (
        order, amount, hexid(16).upper(), ms))
    return 201, ms


def catalog(t, cip, kind, rid, sku=None):
    pod = R.choice(PODS["catalog-api"])
    ms = lat(9, 0.4)
    if kind == "featured":
        zl(pod, t + ms / 1000.0, "info", "request", req_id=rid, method="GET", path="/v1/featured", status=200, dur_ms=round(ms, 1))
        return 200, ms
    st, m1 = inventory(t + 0.002, PODIP[pod], "GET", "/inventory/stock/%s" % sku, sku, rid)
    if st != 200:
        zl(pod, t + (m1 + 3) / 1000.0, "warn", "stock lookup failed; rendering product without availability", req_id=rid,
           upstream="http://inventory-api.prod.svc.cluster.local:8080/inventory/stock/%s" % sku, status=st)
    st2, m2 = pricing(t + (m1 + 3) / 1000.0, sku)
    ms += m1 + m2
    zl(pod, t + ms / 1000.0, "info", "request", req_id=rid, method="GET", path="/v1/products/%s" % sku, status=200, dur_ms=round(ms, 1))
    return 200, ms


def cart(t, cip, kind, rid, cid, sku=None):
    pod = R.choice(PODS["cart-api"])
    ms = lat(5, 0.4)
    if kind == "get":
        zl(pod, t + ms / 1000.0, "info", "request", unix=True, req_id=rid, method="GET", path="/v1/carts/%s" % cid, status=200, dur_ms=round(ms, 1))
        return 200, ms
    status = 200
    for attempt in (1, 2):
        st, m1 = inventory(t + ms / 1000.0, PODIP[pod], "POST", "/inventory/stock/%s/availability" % sku, sku, rid)
        ms += m1
        if st == 200:
            break
        if attempt == 1:
            zl(pod, t + ms / 1000.0, "warn", "availability check failed, retrying", unix=True, req_id=rid,
               upstream="http://inventory-api.prod.svc.cluster.local:8080/inventory/stock/%s/availability" % sku, status=st, attempt=attempt)
            ms += 50
        else:
            zl(pod, t + ms / 1000.0, "error", "add item failed", unix=True, req_id=rid, cart_id=cid, sku=sku,
               error="inventory availability: upstream returned 500 Internal Server Error")
            status = 503
    if status == 200:
        st, m2 = pricing(t + ms / 1000.0, sku)
        ms += m2 + lat(3, 0.3)
    zl(pod, t + ms / 1000.0, "info", "request", unix=True, req_id=rid, method="POST", path="/v1/carts/%s/items" % cid, status=status, dur_ms=round(ms, 1))
    return status, ms


def checkout(t, cip, rid, cid, uid):
    pod = R.choice(PODS["checkout-api"])
    order = "ord-%s" % hexid(10)
    ms = lat(6, 0.3)
    st, m = cart(t + ms / 1000.0, PODIP[pod], "get", rid, cid)
    ms += m
    lines = R.randint(1, 5)
    status = 201
    for attempt in (1, 2, 3):
        st, m = reservation(t + ms / 1000.0, order, lines, rid)
        ms += m
        if st == 201:
            break
        if attempt < 3:
            zl(pod, t + ms / 1000.0, "warn", "reservation attempt failed", req_id=rid, order_id=order, attempt=attempt,
               url="http://reservation-service:8080/reservation/api/reservations", status=st, backoff_ms=200 * attempt)
            ms += 200 * attempt
        else:
            zl(pod, t + ms / 1000.0, "error", "checkout failed", req_id=rid, order_id=order, user_id=uid,
               error="reserve stock: POST http://reservation-service:8080/reservation/api/reservations: 500 Internal Server Error after 3 attempts")
            status = 500
    if status == 201:
        st, m = payment(t + ms / 1000.0, order, R.randint(1500, 42000) / 100.0)
        ms += m
    zl(pod, t + ms / 1000.0, "info", "request", req_id=rid, method="POST", path="/v1/checkout", status=status, dur_ms=round(ms, 1), user_id=uid)
    return status, ms


def user(t, rid, uid, orders=False):
    pod = PODS["user-api"][0]
    ms = lat(8 if not orders else 25, 0.4)
    p = "/v1/users/%s" % uid + ("/orders" if orders else "")
    zl(pod, t + ms / 1000.0, "info", "request", req_id=rid, method="GET", path=p, status=200, dur_ms=round(ms, 1))
    return 200, ms


def search_pods(t):
    if t < T_DEPLOY:
        return PODS["search-api"]
    if t < T_DEPLOY + 14:
        return []
    return SEARCH_NEW


def search(t, cip, q, via_ingress):
    pods = search_pods(t)
    if not pods:
        return 503, 0.4, None
    pod = R.choice(pods)
    ms = lat(35, 0.5)
    if t < T_DEPLOY + 40 and pod in SEARCH_NEW:
        ms += lat(400, 0.4)   # cold JIT / caches after redeploy
    tc_access(pod, t, cip, "GET", "/search/api/query?q=%s&size=24" % q.replace(" ", "+"), 200, R.randint(2000, 9000), ms)
    return 200, ms, pod


def recs(t, uid):
    pod = PODS["recommendation-api"][0]
    if R.random() < 0.045:
        ms = 800 + lat(3, 0.2)
        envlog(pod, t + ms / 1000.0, "ERROR", "recommendation_api::features",
               "feature store request failed: error sending request for url (http://features.ml-platform.internal/v2/users/%s/vector): operation timed out" % uid)
        envlog(pod, t + ms / 1000.0 + 0.0004, "INFO", "recommendation_api::http", "GET /v1/recs?user=%s 200 %dms fallback=popular" % (uid, ms))
        return 200, ms
    ms = lat(28, 0.4)
    envlog(pod, t + ms / 1000.0, "INFO", "recommendation_api::http", "GET /v1/recs?user=%s 200 %dms" % (uid, ms))
    return 200, ms


ING = PODS["ingress-nginx-controller"][0]


def ingress_line(t, cip, method, path, status, size, rt, upname, upaddr, upst, rid, ref="https://shop.example.com/"):
    ua = R.choice(UAS)
    emit(path_of(ING), t + rt, '%s - - [%s] "%s %s HTTP/2.0" %d %d "%s" "%s" %d %.3f [%s] [] %s %s %s %s %s' % (
        cip, clf(t + rt), method, path, status, size, ref, ua, R.randint(300, 900), rt, upname,
        upaddr, size if upst != "-" else "0", ("%.3f" % rt) if upst != "-" else "-", upst, rid))


def storefront(t, cip, route):
    pod = R.choice(PODS["storefront-web"])
    pid = RUBY_PID[pod]
    rid = hexid(32)
    uid = R.choice(USERS)
    cid = "c-" + hexid(12)
    ms = lat(12, 0.3)
    status = 200
    method = "GET"
    if route == "home":
        path = "/"
        st, m = catalog(t + 0.003, PODIP[pod], "featured", rid)
        ms += m
        st, m = recs(t + 0.003, uid)
        ms = max(ms, m + 12)
    elif route == "product":
        sku = R.choice(SKUS)
        path = "/products/%s" % sku.lower()
        st, m = catalog(t + 0.003, PODIP[pod], "product", rid, sku)
        ms += m
    elif route == "search":
        q = R.choice(WORDS)
        path = "/search?q=%s" % q.replace(" ", "+")
        st, m, sp = search(t + 0.003, PODIP[pod], q, False)
        ms += m
        if st != 200:
            ruby(pod, t + ms / 1000.0, "ERROR", "[%s] SearchClient: GET http://search-api.prod.svc.cluster.local:8080/search/api/query failed: "
                 "Faraday::ConnectionFailed (Failed to open TCP connection to search-api.prod.svc.cluster.local:8080 (Connection refused - connect(2) for \"10.43.18.201\" port 8080))" % rid, pid)
            status = 503
    elif route == "cart_add":
        method = "POST"
        sku = R.choice(SKUS)
        path = "/cart/items"
        st, m = cart(t + 0.003, PODIP[pod], "add", rid, cid, sku)
        ms += m
        if st != 200:
            ruby(pod, t + ms / 1000.0, "ERROR", "[%s] CartClient: POST http://cart-api.prod.svc.cluster.local:8080/v1/carts/%s/items -> 503 Service Unavailable" % (rid, cid), pid)
            status = 502
    elif route == "cart":
        path = "/cart"
        st, m = cart(t + 0.003, PODIP[pod], "get", rid, cid)
        ms += m
    elif route == "checkout":
        method = "POST"
        path = "/checkout"
        st, m = checkout(t + 0.003, PODIP[pod], rid, cid, uid)
        ms += m
        if st != 201:
            ruby(pod, t + ms / 1000.0, "ERROR", "[%s] CheckoutClient: POST http://checkout-api.prod.svc.cluster.local:8080/v1/checkout -> 500 Internal Server Error (user=%s)" % (rid, uid), pid)
            status = 500
        else:
            status = 303
    elif route == "account":
        path = "/account"
        st, m = user(t + 0.003, rid, uid)
        ms += m
    else:
        path = "/account/orders"
        st, m = user(t + 0.003, rid, uid, True)
        ms += m
    size = {200: R.randint(9000, 60000), 303: 0, 500: 1543, 502: 1543, 503: 1211}[status]
    rack(pod, t, PODIP[ING], method, path, status, size, ms / 1000.0)
    rt = ms / 1000.0 + 0.001
    ingress_line(t, cip, method, path, status, size, rt, "prod-storefront-web-3000", PODIP[pod] + ":3000", str(status), rid)


def edge_search_api(t, cip):
    q = R.choice(WORDS)[:R.randint(2, 6)]
    rid = hexid(32)
    st, m, sp = search(t + 0.001, PODIP[ING], q, True)
    path = "/api/search?q=%s" % q.replace(" ", "+")
    if st != 200:
        old = R.choice(PODS["search-api"])
        ingress_line(t, cip, "GET", path, 503, 190, 0.001, "prod-search-api-8080", PODIP[old] + ":8080", "503", rid)
        d = dt(t)
        emit(path_of(ING), t + 0.0005, '%s [error] 31#31: *%d connect() failed (111: Connection refused) while connecting to upstream, client: %s, '
             'server: shop.example.com, request: "GET %s HTTP/2.0", upstream: "http://%s:8080/search/api/query?q=%s", host: "shop.example.com"' % (
                 d.strftime("%Y/%m/%d %H:%M:%S"), R.randint(4000000, 4900000), cip, path, PODIP[old], q.replace(" ", "+")))
        return
    ingress_line(t, cip, "GET", path, 200, R.randint(800, 4000), m / 1000.0 + 0.001, "prod-search-api-8080", PODIP[sp] + ":8080", "200", rid)


def rate(t):
    return 3.1 + 0.5 * math.sin((t - T_BEGIN) / 600.0)


ROUTES = [("home", 14), ("product", 34), ("search", 10), ("cart_add", 12), ("cart", 10), ("checkout", 5), ("account", 6), ("orders", 3)]
for t in arrivals(T_BEGIN, T_END, rate):
    cip = client_ip()
    if R.random() < 0.09:
        edge_search_api(t, cip)
    else:
        storefront(t, cip, wchoice(ROUTES))

# ------------------------------------------------------------------ probes (kubelet) on tomcat pods
for svc in ("inventory-api", "search-api"):
    pods = PODS[svc] + (SEARCH_NEW if svc == "search-api" else [])
    for pod in pods:
        ctx = "/inventory" if svc == "inventory-api" else "/search"
        t = T_BEGIN + R.random() * 10
        while t < T_END:
            alive = True
            if svc == "search-api":
                alive = (pod in PODS["search-api"] and t < T_DEPLOY) or (pod in SEARCH_NEW and t > T_DEPLOY + 14)
            if alive:
                # readiness only checks that the JVM answers; it never touches the database
                tc_access(pod, t, "10.42.%d.1" % (1 + list(NODES).index(pod) % 3), "GET", ctx + "/actuator/health/liveness", 200, 15, lat(1.2, 0.2))
            t += 10.0

# ------------------------------------------------------------------ JVM housekeeping lines
for pod in PODS["inventory-api"]:
    t = T_BEGIN + R.random() * 300
    while t < T_END:
        catalina(pod, t, "INFO", "HikariPool-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool.logPoolState",
                 "HikariPool-1 - Pool stats (total=20, active=%d, idle=%d, waiting=0)" % ((lambda a: (a, 20 - a))(R.randint(1, 6))))
        t += 300 + R.random() * 5

# search-api redeploy (red herring)
for i, pod in enumerate(PODS["search-api"]):
    tt = T_DEPLOY + i * 0.4
    catalina(pod, tt, "INFO", "Thread-4", "org.apache.coyote.AbstractProtocol.pause", 'Pausing ProtocolHandler ["http-nio-8080"]')
    catalina(pod, tt + 0.01, "INFO", "Thread-4", "org.apache.catalina.core.StandardService.stopInternal", "Stopping service [Catalina]")
    catalina(pod, tt + 0.3, "INFO", "Thread-4", "org.apache.coyote.AbstractProtocol.stop", 'Stopping ProtocolHandler ["http-nio-8080"]')
for i, pod in enumerate(SEARCH_NEW):
    tt = T_DEPLOY + 1.5 + i * 0.7
    catalina(pod, tt, "INFO", "main", "org.apache.catalina.startup.VersionLoggerListener.log", "Server version name:   Apache Tomcat/9.0.87")
    catalina(pod, tt + 0.001, "INFO", "main", "org.apache.catalina.startup.VersionLoggerListener.log", "Command line argument: -Dapp.version=search-api 2.41.0 (git 3f9c1ab)")
    catalina(pod, tt + 0.4, "INFO", "main", "org.apache.catalina.startup.HostConfig.deployWAR", "Deploying web application archive [/usr/local/tomcat/webapps/search.war]")
    catalina(pod, tt + 2.1, "WARNING", "main", "org.apache.catalina.util.SessionIdGeneratorBase.createSecureRandom",
             "Creation of SecureRandom instance for session ID generation using [SHA1PRNG] took [312] milliseconds.")
    catalina(pod, tt + 11.2, "INFO", "main", "org.apache.catalina.startup.HostConfig.deployWAR",
             "Deployment of web application archive [/usr/local/tomcat/webapps/search.war] has finished in [10,804] ms")
    catalina(pod, tt + 11.3, "INFO", "main", "org.apache.coyote.AbstractProtocol.start", 'Starting ProtocolHandler ["http-nio-8080"]')
    catalina(pod, tt + 11.4, "INFO", "main", "org.apache.catalina.startup.Catalina.start", "Server startup in [11342] milliseconds")

# ------------------------------------------------------------------ galera cluster logs
U = DBUUID
A0, A1, A2 = "inventory-db-0", "inventory-db-1", "inventory-db-2"
APP_PODS = PODS["inventory-api"] + PODS["reservation-service"]
# healthy background: aborted connections from app pool churn, occasional InnoDB notes
for node in (A0, A1, A2):
    t = T_BEGIN + R.random() * 120
    while t < T_END:
        if not (node == A2 and T0 <= t < T_SYNC):
            cid_ = R.randint(30000, 60000)
            db(node, t, "Warning", "Aborted connection %d to db: 'inventory' user: 'inventory_app' host: '%s' (Got timeout reading communication packets)" % (
                cid_, PODIP[R.choice(APP_PODS)]), cid_)
        t += lat(240, 0.5)
db(A0, T_BEGIN + 431.2, "Note", "WSREP: Member 1.0 (inventory-db-1) desyncs itself from group")
db(A0, T_BEGIN + 433.0, "Note", "WSREP: Member 1.0 (inventory-db-1) resyncs itself to group.")
db(A1, T_BEGIN + 431.2, "Note", "WSREP: Shifting SYNCED -> DONOR/DESYNCED (TO: 88212871)")
db(A1, T_BEGIN + 432.9, "Note", "WSREP: Shifting DONOR/DESYNCED -> JOINED (TO: 88212874)")
db(A1, T_BEGIN + 433.0, "Note", "WSREP: Shifting JOINED -> SYNCED (TO: 88212874)")

# the partition: db-2 loses both peers
peers2 = "tcp://%s:4567 tcp://%s:4567" % (DBIP[A0], DBIP[A1])
db(A2, T0 + 0.93, "Note", "WSREP: (%s, 'tcp://0.0.0.0:4567') turning message relay requesting on, nonlive peers: %s" % (U[A2], peers2))
db(A0, T0 + 1.21, "Note", "WSREP: (%s, 'tcp://0.0.0.0:4567') turning message relay requesting on, nonlive peers: tcp://%s:4567" % (U[A0], DBIP[A2]))
db(A1, T0 + 1.35, "Note", "WSREP: (%s, 'tcp://0.0.0.0:4567') turning message relay requesting on, nonlive peers: tcp://%s:4567" % (U[A1], DBIP[A2]))
for k in range(3):
    db(A2, T0 + 1.9 + k * 1.1, "Note", "WSREP: (%s, 'tcp://0.0.0.0:4567') reconnecting to %s (tcp://%s:4567), attempt 0" % (U[A2], U[[A0, A1][k % 2]], DBIP[[A0, A1][k % 2]]))
db(A2, T0 + 5.41, "Note", "WSREP: declaring node with index 0 suspected, timeout PT5S (evs.suspect_timeout)")
db(A2, T0 + 5.41, "Note", "WSREP: declaring node with index 1 suspected, timeout PT5S (evs.suspect_timeout)")
db(A2, T0 + 5.44, "Note", "WSREP: evs::proto(%s, GATHER, view_id(REG,%s,41)) suspecting node: %s" % (U[A2], U[A0], U[A0]))
db(A2, T0 + 5.44, "Note", "WSREP: evs::proto(%s, GATHER, view_id(REG,%s,41)) suspecting node: %s" % (U[A2], U[A0], U[A1]))
db(A2, T0 + 5.58, "Note", "WSREP: view(view_id(NON_PRIM,%s,41) memb {\n\t%s,0\n} joined {\n} left {\n} partitioned {\n\t%s,0\n\t%s,0\n})" % (U[A2], U[A2], U[A0], U[A1]))
db(A2, T0 + 5.59, "Note", "WSREP: New COMPONENT: primary = no, bootstrap = no, my_idx = 0, memb_num = 1")
db(A2, T0 + 5.60, "Note", "WSREP: Flow-control interval: [16, 16]")
db(A2, T0 + 5.61, "Note", "WSREP: Received NON-PRIMARY.")
db(A2, T0 + 5.61, "Note", "WSREP: Shifting SYNCED -> OPEN (TO: 88213344)")
db(A2, T0 + 5.62, "Note", "WSREP: New cluster view: global state: 3c1f9e2a-11d4-11ee-9a2c-7b1e0f4d2c11:88213344, view# -1: non-Primary, number of nodes: 1, my index: 0, protocol version 4")
db(A2, T0 + 5.63, "Warning", "WSREP: Send action {(nil), 328, TORDERED} returned -107 (Transport endpoint is not connected)")
for node, other, idx in ((A0, A1, 0), (A1, A0, 1)):
    b = T0 + 5.9 + idx * 0.02
    db(node, b, "Note", "WSREP: declaring %s at tcp://%s:4567 stable" % (U[other], DBIP[other]))
    db(node, b + 0.01, "Note", "WSREP: forgetting %s (tcp://%s:4567)" % (U[A2], DBIP[A2]))
    db(node, b + 0.02, "Note", "WSREP: Node %s state prim" % U[A0])
    db(node, b + 0.05, "Note", "WSREP: view(view_id(PRIM,%s,42) memb {\n\t%s,0\n\t%s,0\n} joined {\n} left {\n} partitioned {\n\t%s,0\n})" % (U[A0], U[A0], U[A1], U[A2]))
    db(node, b + 0.06, "Note", "WSREP: save pc into disk")
    db(node, b + 0.07, "Note", "WSREP: New COMPONENT: primary = yes, bootstrap = no, my_idx = %d, memb_num = 2" % idx)
    db(node, b + 0.08, "Note", "WSREP: STATE EXCHANGE: sent state UUID: %s-%s" % (hexid(8), hexid(4)))
    db(node, b + 0.12, "Note", "WSREP: Quorum results:\n\tversion    = 6,\n\tcomponent  = PRIMARY,\n\tconf_id    = 41,\n\tmembers    = 2/2 (joined/total),\n\tact_id     = 88213351,\n\tlast_appl. = 88213290,\n\tprotocols  = 2/10/4 (gcs/repl/appl),\n\tvote policy= 0,\n\tgroup UUID = 3c1f9e2a-11d4-11ee-9a2c-7b1e0f4d2c11")
    db(node, b + 0.13, "Note", "WSREP: Flow-control interval: [23, 23]")
    db(node, b + 0.14, "Note", "WSREP: New cluster view: global state: 3c1f9e2a-11d4-11ee-9a2c-7b1e0f4d2c11:88213351, view# 42: Primary, number of nodes: 2, my index: %d, protocol version 4" % idx)
    db(node, b + 6.5, "Note", "WSREP: cleaning up %s (tcp://%s:4567)" % (U[A2], DBIP[A2]))
# isolated node keeps trying
t = T0 + 7
k = 1
while t < T_RESTART:
    tgt = [A0, A1][k % 2]
    db(A2, t, "Note", "WSREP: (%s, 'tcp://0.0.0.0:4567') reconnecting to %s (tcp://%s:4567), attempt %d" % (U[A2], U[tgt], DBIP[tgt], k // 2 * 30))
    if k % 6 == 0:
        db(A2, t + 0.5, "Warning", "WSREP: last inactive check more than PT1.5S (3*evs.inactive_check_period) ago (PT3.51251S), skipping check")
    t += 30 + R.random() * 2
    k += 1
# aborted connections on db-2 from evicted Hikari connections
t = T_NONPRIM + 0.4
while t < T_RESTART:
    cid_ = R.randint(40000, 62000)
    db(A2, t, "Warning", "Aborted connection %d to db: 'inventory' user: 'inventory_app' host: '%s' (Got an error reading communication packets)" % (
        cid_, PODIP[R.choice(APP_PODS)]), cid_)
    t += lat(9, 0.6)
# restart and IST
r = T_RESTART
db(A2, r, "Note", "/usr/sbin/mariadbd (initiated by: unknown): Normal shutdown")
db(A2, r + 0.02, "Note", "WSREP: Shutdown replication")
db(A2, r + 0.9, "Note", "InnoDB: Shutdown completed; log sequence number 118412907331; transaction id 95512044")
db(A2, r + 1.1, "Note", "/usr/sbin/mariadbd: Shutdown complete")
db(A2, r + 3.4, "Note", "Starting MariaDB 10.6.16-MariaDB-log source revision b83c379420a8846ae4b28768d3c81fa354cca056 as process 28714")
db(A2, r + 3.5, "Note", "WSREP: Loading provider /usr/lib/galera/libgalera_smm.so initial position: 3c1f9e2a-11d4-11ee-9a2c-7b1e0f4d2c11:88213344")
db(A2, r + 4.6, "Note", "WSREP: gcomm: connecting to group 'inventory_cluster', peer '%s:,%s:,%s:'" % (DBIP[A0], DBIP[A1], DBIP[A2]))
db(A2, r + 5.2, "Note", "WSREP: Shifting CLOSED -> OPEN (TO: 0)")
db(A2, r + 5.9, "Note", "WSREP: Member 2.0 (inventory-db-2) requested state transfer from '*any*'. Selected 0.0 (inventory-db-0)(SYNCED) as donor.")
db(A0, r + 5.9, "Note", "WSREP: Member 2.0 (inventory-db-2) requested state transfer from '*any*'. Selected 0.0 (inventory-db-0)(SYNCED) as donor.")
db(A0, r + 5.95, "Note", "WSREP: Shifting SYNCED -> DONOR/DESYNCED (TO: 88227120)")
db(A0, r + 6.0, "Note", "WSREP: IST sender 88213345 -> 88227120")
db(A2, r + 6.1, "Note", "WSREP: Shifting PRIMARY -> JOINER (TO: 88227120)")
db(A2, r + 6.2, "Note", "WSREP: Prepared IST receiver for 88213345-88227120, listening at: tcp://%s:4568" % DBIP[A2])
db(A0, r + 31.0, "Note", "WSREP: async IST sender served")
db(A0, r + 31.1, "Note", "WSREP: Shifting DONOR/DESYNCED -> JOINED (TO: 88227390)")
db(A0, r + 31.2, "Note", "WSREP: Shifting JOINED -> SYNCED (TO: 88227390)")
db(A2, r + 31.3, "Note", "WSREP: IST received: 3c1f9e2a-11d4-11ee-9a2c-7b1e0f4d2c11:88227120")
db(A2, r + 37.9, "Note", "WSREP: Shifting JOINER -> JOINED (TO: 88227402)")
db(A2, r + 38.3, "Note", "WSREP: Shifting JOINED -> SYNCED (TO: 88227402)")
db(A2, r + 38.4, "Note", "WSREP: Synchronized with group, ready for connections")
db(A2, r + 38.5, "Note", "/usr/sbin/mariadbd: ready for connections.\nVersion: '10.6.16-MariaDB-log'  socket: '/run/mysqld/mysqld.sock'  port: 3306  MariaDB Server")
for node in (A0, A1):
    db(node, r + 5.7, "Note", "WSREP: view(view_id(PRIM,%s,43) memb {\n\t%s,0\n\t%s,0\n\t%s,0\n} joined {\n\t%s,0\n} left {\n} partitioned {\n})" % (
        U[A0], U[A0], U[A1], U[A2], U[A2]))

n = write_all()
print("e01 lines:", n)
