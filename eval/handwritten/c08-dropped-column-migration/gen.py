#!/usr/bin/env python3
"""c08: catalog-service 3.14.0 deploy; its Helm pre-upgrade Flyway job drops products.legacy_sku while old pods still map
it, and a forgotten view entity in the new code still selects it. Per-service files.
Formats: GitHub Actions logs, Flyway output, PostgreSQL stderr log, logstash-logback JSON (Spring Boot), Go slog JSON + text,
Python logging with tracebacks, Traefik JSON access log, Kubernetes events JSON lines."""
import datetime as dt, json, os, random, shutil, itertools, uuid

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "logs")
R = random.Random(8808)
BASE = dt.datetime(2026, 4, 21, 15, 30, 0, tzinfo=dt.timezone.utc)
END = 1560.0
SEQ = itertools.count()
FILES = {}
def T(s): return BASE + dt.timedelta(microseconds=int(round(s * 1e6)))
def emit(f, s, text): FILES.setdefault(f, []).append((s, next(SEQ), text))
def hexid(n): return "".join(R.choice("0123456789abcdef") for _ in range(n))
def z3(s): t = T(s); return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
def j(d): return json.dumps(d, separators=(",", ":"))

GHA1 = 482.0            # 15:38:02 deploy workflow run #1187 starts
JOB_CREATED = 658.3     # 15:40:58 helm pre-upgrade hook job
DROP = 667.412          # 15:41:07.412 ALTER TABLE products DROP COLUMN legacy_sku (lock acquired at +1.38s)
LOCK_WAIT = 1.38
ROLL_START = 672.5
NEW_READY = [707.9, 741.6]     # new pods ready
OLD_GONE = [709.0, 742.4]      # old pods terminated (stop receiving traffic ~1s before)
GHA2 = 1170.0           # 15:49:30 hotfix run #1188 (3.14.1)
FIX_READY = [1212.8, 1249.9]
FIX_OLD_GONE = [1213.9, 1251.0]

OLD = ["catalog-service-6b8d7f9c5-2wq7x", "catalog-service-6b8d7f9c5-kx4m9"]
NEW = ["catalog-service-79c5d8b6f-j6t2p", "catalog-service-79c5d8b6f-v9h3n"]
FIX = ["catalog-service-5f9b7c8d6-d4r8k", "catalog-service-5f9b7c8d6-q2z5w"]
def catalog_pod(s):
    c = []
    for i in range(2):
        if s < OLD_GONE[i] - 1: c.append((OLD[i], "3.13.2"))
        if NEW_READY[i] <= s < FIX_OLD_GONE[i] - 1: c.append((NEW[i], "3.14.0"))
        if s >= FIX_READY[i]: c.append((FIX[i], "3.14.1"))
    return R.choice(c)

# ---------------------------------------------------------------- postgres log
PG = "catalog-db/postgresql-2026-04-21_150000.log"
def pg(s, pid, who, sev, msg):
    t = T(s)
    emit(PG, s, t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d UTC" % (t.microsecond // 1000) + f" [{pid}] {who}{sev}:  {msg}")
SQL_OLD = "select p1_0.id,p1_0.category_id,p1_0.created_at,p1_0.description,p1_0.legacy_sku,p1_0.name,p1_0.price_cents,p1_0.updated_at from products p1_0 where p1_0.id=$1"
SQL_VIEW = ("select pvv1_0.variant_id,pvv1_0.color,pvv1_0.legacy_sku,pvv1_0.product_id,pvv1_0.size,pvv1_0.stock from (select v.id as variant_id, v.product_id, v.color, v.size, v.stock, p.legacy_sku "
            "from product_variants v join products p on p.id = v.product_id) pvv1_0 where pvv1_0.product_id=$1")
SQL_IDX = "SELECT id, name, legacy_sku, price_cents, updated_at FROM products WHERE updated_at > '{}' ORDER BY updated_at LIMIT 500"
APP_PIDS = [R.randint(29000, 31000) for _ in range(24)]
s = R.uniform(0, 60)
while s < END:
    pg(s, 58, "", "LOG", "checkpoint starting: time")
    w = R.randint(300, 2200)
    pg(s + R.uniform(25, 28), 58, "", "LOG", f"checkpoint complete: wrote {w} buffers ({w / 1638.4:.1f}%); 0 WAL file(s) added, 0 removed, {R.randint(0, 3)} recycled; write={R.uniform(20, 27):.3f} s, sync={R.uniform(0.001, 0.05):.3f} s, total={R.uniform(25, 28):.3f} s; sync files={R.randint(20, 90)}, longest=0.0{R.randint(1, 9)} s, average=0.001 s; distance={R.randint(4000, 30000)} kB, estimate={R.randint(20000, 40000)} kB; lsn=1A/{hexid(8).upper()}, redo lsn=1A/{hexid(8).upper()}")
    s += 300
s = R.uniform(0, 40)
while s < END:   # pre-existing: cart-service upsert races
    pid = R.randint(29000, 31000)
    pg(s, pid, "cart_app@catalog ", "ERROR", 'duplicate key value violates unique constraint "cart_items_cart_id_sku_key"')
    pg(s, pid, "cart_app@catalog ", "DETAIL", f"Key (cart_id, sku)=({R.randint(10**6, 10**7)}, SKU-{R.randint(10000, 99999)}) already exists.")
    pg(s, pid, "cart_app@catalog ", "STATEMENT", "INSERT INTO cart_items (cart_id, sku, qty) VALUES ($1, $2, $3)")
    s += R.uniform(20, 60)
s = R.uniform(100, 200)
while s < END:
    pg(s, R.randint(31000, 33000), "", "LOG", f'automatic vacuum of table "catalog.public.{R.choice(["product_variants", "cart_items", "price_history"])}": index scans: 1')
    s += R.uniform(180, 400)
# the migration
MPID = 31877
pg(DROP - 0.05, MPID, "catalog_migrator@catalog ", "LOG", 'statement: SET lock_timeout = \'10s\'')
pg(DROP + 1.0, MPID, "catalog_migrator@catalog ", "LOG", "process 31877 still waiting for AccessExclusiveLock on relation 16422 of database 16384 after 1000.118 ms")
pg(DROP + 1.0, MPID, "catalog_migrator@catalog ", "DETAIL", f"Process holding the lock: {APP_PIDS[3]}. Wait queue: 31877, {APP_PIDS[5]}, {APP_PIDS[8]}.")
pg(DROP + 1.0, MPID, "catalog_migrator@catalog ", "STATEMENT", "ALTER TABLE products DROP COLUMN legacy_sku")
pg(DROP + LOCK_WAIT, MPID, "catalog_migrator@catalog ", "LOG", "process 31877 acquired AccessExclusiveLock on relation 16422 of database 16384 after 1381.902 ms")
pg(DROP + LOCK_WAIT + 0.004, MPID, "catalog_migrator@catalog ", "LOG", "statement: ALTER TABLE products DROP COLUMN legacy_sku")
pg(DROP + LOCK_WAIT + 0.01, MPID, "catalog_migrator@catalog ", "LOG", "duration: 1392.305 ms  statement: ALTER TABLE products DROP COLUMN legacy_sku")
pg(DROP + LOCK_WAIT + 0.05, MPID, "catalog_migrator@catalog ", "LOG", 'statement: INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "execution_time", "success") VALUES (59, \'3.14.0\', \'drop products legacy sku\', \'SQL\', \'V3_14_0__drop_products_legacy_sku.sql\', -1190466413, \'catalog_migrator\', 1394, true)')
COL_GONE = DROP + LOCK_WAIT + 0.012

def pg_err(s, sql, col, who="catalog_app@catalog "):
    pid = R.choice(APP_PIDS)
    pos = sql.index(col) + 1
    pg(s, pid, who, "ERROR", f"column {col} does not exist at character {pos}")
    pg(s, pid, who, "STATEMENT", sql)

# ---------------------------------------------------------------- catalog-service (logstash JSON)
CAT = "catalog-service.log"
def lj(pod, s, level, logger, msg, thread=None, stack=None, **kv):
    d = {"@timestamp": z3(s), "@version": "1", "message": msg, "logger_name": logger, "thread_name": thread or f"http-nio-8080-exec-{R.randint(1, 60)}",
         "level": level, "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000, "DEBUG": 10000}[level], "HOSTNAME": pod, "app": "catalog-service"}
    d.update(kv)
    if stack: d["stack_trace"] = stack
    emit(CAT, s, j(d))
def stack_for(sql, col, pos, entity):
    return (f"org.springframework.dao.InvalidDataAccessResourceUsageException: JDBC exception executing SQL [{sql.replace('$1', '?')}] [ERROR: column {col} does not exist\n  Position: {pos}] [n/a]; SQL [n/a]\n"
            "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:277)\n"
            "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.translateExceptionIfPossible(HibernateJpaDialect.java:241)\n"
            f"\tat com.acme.catalog.product.{entity}Repository.findById(Unknown Source)\n"
            "\tat com.acme.catalog.product.ProductService.getProduct(ProductService.java:58)\n"
            "\tat com.acme.catalog.api.ProductController.get(ProductController.java:41)\n"
            "\t... 87 common frames omitted\n"
            f"Caused by: org.postgresql.util.PSQLException: ERROR: column {col} does not exist\n  Position: {pos}\n"
            "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)\n"
            "\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420)\n"
            "\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)\n"
            "\t... 120 common frames omitted\n")

def catalog_get(s, pid_, detail, rid, caller):
    """returns (status, end)"""
    pod, ver = catalog_pod(s)
    d = R.uniform(0.004, 0.025)
    if DROP <= s < DROP + LOCK_WAIT: d += DROP + LOCK_WAIT - s   # queued behind the AccessExclusiveLock
    broken = s + d >= COL_GONE and (ver == "3.13.2" or (ver == "3.14.0" and detail))
    if not broken:
        if detail and ver != "3.14.1" and R.random() < 0.02:
            lj(pod, s + d, "DEBUG", "c.a.catalog.product.ProductService", f"cache miss for product {pid_}", trace_id=rid)
        return 200, s + d
    if ver == "3.13.2":
        sql, col, ent = SQL_OLD, "p1_0.legacy_sku", "Product"
    else:
        sql, col, ent = SQL_VIEW, "p.legacy_sku", "ProductVariantView"
    pos = sql.index(col) + 1
    pg_err(s + d - 0.0005, sql, col)
    lj(pod, s + d, "WARN", "o.h.engine.jdbc.spi.SqlExceptionHelper", "SQL Error: 0, SQLState: 42703", trace_id=rid)
    lj(pod, s + d + 0.0001, "ERROR", "o.h.engine.jdbc.spi.SqlExceptionHelper", f"ERROR: column {col} does not exist\n  Position: {pos}", trace_id=rid)
    lj(pod, s + d + 0.0008, "ERROR", "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
       f"Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.InvalidDataAccessResourceUsageException: JDBC exception executing SQL [{sql.replace('$1', '?')}] [ERROR: column {col} does not exist\n  Position: {pos}] [n/a]; SQL [n/a]] with root cause",
       stack=stack_for(sql, col, pos, ent), trace_id=rid)
    return 500, s + d + 0.001

# catalog periodic / startup lines
for pods, start, ver in ((OLD, None, "3.13.2"), (NEW, NEW_READY, "3.14.0"), (FIX, FIX_READY, "3.14.1")):
    for i, pod in enumerate(pods):
        if start:
            b = start[i] - 33.0
            lj(pod, b, "INFO", "com.acme.catalog.CatalogApplication", f"Starting CatalogApplication v{ver} using Java 21.0.4 with PID 1 (/app/app.jar started by app in /app)", thread="main")
            lj(pod, b + 9.1, "INFO", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed.", thread="main")
            lj(pod, b + 14.2, "INFO", "o.h.e.t.j.p.i.JtaPlatformInitiator", "HHH000489: No JTA platform available (set 'hibernate.transaction.jta.platform' to enable JTA platform integration)", thread="main")
            lj(pod, b + 31.5, "INFO", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path '/'", thread="main")
            lj(pod, b + 32.9, "INFO", "com.acme.catalog.CatalogApplication", f"Started CatalogApplication in 32.7 seconds (process running for 33.9)", thread="main")
        s = (start[i] if start else 0) + R.uniform(0, 60)
        stop = {"3.13.2": OLD_GONE[i], "3.14.0": FIX_OLD_GONE[i], "3.14.1": END}[ver]
        while s < stop:
            lj(pod, s, "INFO", "c.a.catalog.cache.CacheStats", f"product cache size={R.randint(18000, 22000)} hitRatio={R.uniform(0.91, 0.97):.3f}", thread="scheduling-1")
            s += 60
        if ver != "3.14.1":
            lj(pod, stop - 0.8, "INFO", "o.s.b.w.e.tomcat.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete", thread="SpringApplicationShutdownHook")
            lj(pod, stop - 0.2, "INFO", "o.s.b.w.e.tomcat.GracefulShutdown", "Graceful shutdown complete", thread="tomcat-shutdown")

# ---------------------------------------------------------------- storefront-bff (Go slog JSON) + traefik
BFF = ["storefront-bff-7d6c5b8f9-n2k7q", "storefront-bff-7d6c5b8f9-r5x3m"]
def bff(s, level, msg, **kv):
    d = {"time": z3(s), "level": level, "msg": msg}; d.update(kv)
    emit("storefront-bff.log", s, j(d))
def traefik(s0, dur, method, path, status, svc, rid):
    s = s0 + dur
    d = {"ClientAddr": f"100.64.{R.randint(0, 63)}.{R.randint(2, 250)}:{R.randint(1024, 65000)}", "ClientHost": f"100.64.{R.randint(0, 63)}.{R.randint(2, 250)}",
         "DownstreamContentSize": R.randint(400, 30000) if status < 400 else R.randint(40, 120), "DownstreamStatus": status, "Duration": int(dur * 1e9),
         "OriginDuration": int((dur - 0.0004) * 1e9), "OriginStatus": status, "Overhead": 400000, "RequestAddr": "shop.example.org", "RequestHost": "shop.example.org",
         "RequestMethod": method, "RequestPath": path, "RequestProtocol": "HTTP/2.0", "RouterName": f"shop-{svc}@kubernetescrd", "ServiceName": f"shop-{svc}-8080@kubernetescrd",
         "StartUTC": T(s0).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "entryPointName": "websecure", "level": "info", "msg": "", "request_X-Request-Id": rid, "time": T(s).strftime("%Y-%m-%dT%H:%M:%SZ")}
    emit("traefik.log", s, j(d))

ORD = "order-service.log"
def slogt(f, s, level, msg, **kv):
    parts = [f"time={z3(s)}", f"level={level}", "msg=" + (json.dumps(msg) if " " in msg else msg)]
    for k, v in kv.items():
        v = str(v); parts.append(f"{k}=" + (json.dumps(v) if (" " in v or '"' in v or "=" in v) else v))
    emit(f, s, " ".join(parts))

t = 0.0
while t < END:
    t += R.expovariate(2.6)
    if t >= END: break
    rid = hexid(16); x = R.random(); bp = R.choice(BFF)
    if x < 0.30:   # product detail
        pid_ = R.randint(100000, 999999)
        a = t + 0.001; attempt = 0
        while True:
            attempt += 1
            st, end = catalog_get(a, pid_, True, rid, "storefront-bff")
            if st == 200: break
            bff(end + 0.0005, "WARN" if attempt == 1 else "ERROR", "catalog request failed" + (", retrying" if attempt == 1 else ""), pod=bp, request_id=rid,
                url=f"http://catalog-service.shop.svc.cluster.local:8080/api/products/{pid_}", status=500, attempt=attempt, duration_ms=round((end - a) * 1000, 1))
            if attempt == 2: break
            a = end + 0.05
        status = 200 if st == 200 else 502
        dur = end + 0.003 - t
        bff(t + dur - 0.0003, "INFO" if status == 200 else "ERROR", "request", pod=bp, method="GET", path=f"/api/products/{pid_}", status=status, duration_ms=round(dur * 1000, 1), request_id=rid)
        traefik(t - 0.0005, dur + 0.001, "GET", f"/api/products/{pid_}", status, "storefront-bff", rid)
    elif x < 0.78:  # listings / search: no legacy_sku in new code; old pods still break
        path = R.choice(["/api/products?category=shoes", "/api/products?category=bags&page=2", "/api/products?q=linen", "/api/products?category=sale", "/api/products?category=outdoor&sort=price"])
        st, end = catalog_get(t + 0.001, 0, False, rid, "storefront-bff")
        if st != 200:
            bff(end + 0.0005, "ERROR", "catalog request failed", pod=bp, request_id=rid, url=f"http://catalog-service.shop.svc.cluster.local:8080{path}", status=500, attempt=1, duration_ms=round((end - t) * 1000, 1))
        status = 200 if st == 200 else 502
        dur = end + 0.003 - t
        bff(t + dur - 0.0003, "INFO" if status == 200 else "ERROR", "request", pod=bp, method="GET", path=path, status=status, duration_ms=round(dur * 1000, 1), request_id=rid)
        traefik(t - 0.0005, dur + 0.001, "GET", path, status, "storefront-bff", rid)
    elif x < 0.90:  # orders -> order-service -> catalog availability (uses the variant view)
        oid = R.randint(10**7, 10**8)
        a = t + 0.002
        pid_ = R.randint(100000, 999999)
        st, end = catalog_get(a, pid_, True, rid, "order-service")
        if st == 200:
            slogt(ORD, end + R.uniform(0.03, 0.08), "INFO", "order created", order_id=oid, items=R.randint(1, 4), request_id=rid)
            dur = end + 0.09 - t; status = 201
        else:
            slogt(ORD, end + 0.0006, "ERROR", "availability check failed", order_id=oid, product_id=pid_, url=f"http://catalog-service.shop.svc.cluster.local:8080/internal/products/{pid_}/availability", status=500, request_id=rid)
            slogt(ORD, end + 0.0008, "ERROR", "create order failed", order_id=oid, status=503, err="catalog unavailable", request_id=rid)
            dur = end + 0.002 - t; status = 503
        traefik(t - 0.0005, dur, "POST", "/api/orders", status, "order-service", rid)
    else:
        traefik(t, R.uniform(0.0005, 0.002), "GET", R.choice(["/healthz", "/favicon.ico", "/robots.txt"]), 200, "storefront-bff", rid)
# pre-existing: order-service webhook signature warnings
s = R.uniform(0, 40)
while s < END:
    slogt(ORD, s, "WARN", "payment webhook rejected", provider="mollie", reason="signature mismatch", remote="35.157.%d.%d" % (R.randint(0, 255), R.randint(1, 254)))
    s += R.uniform(25, 70)

# ---------------------------------------------------------------- search-indexer (Python, every 30s)
SI = "search-indexer.log"
def pyl(s, level, name, msg):
    t = T(s); emit(SI, s, t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000) + f" {level:<8} {name} {msg}")
s = R.uniform(0, 30); wm = T(-3600)
while s < END:
    q = SQL_IDX.format(wm.strftime("%Y-%m-%d %H:%M:%S"))
    if s < COL_GONE:
        n = R.randint(20, 180)
        pyl(s + R.uniform(0.05, 0.3), "INFO", "indexer.sync", f"indexed {n} products into opensearch index products-v12 (watermark {wm.strftime('%Y-%m-%dT%H:%M:%S')})")
        wm = T(s - 5)
    else:
        pos = q.index("legacy_sku") + 1
        pg(s + 0.02, R.randint(31000, 33000), "search_indexer@catalog ", "ERROR", f"column \"legacy_sku\" does not exist at character {pos}")
        pg(s + 0.02, R.randint(31000, 33000), "search_indexer@catalog ", "STATEMENT", q)
        pyl(s + 0.021, "ERROR", "indexer.sync", "incremental sync failed, will retry in 30s\nTraceback (most recent call last):\n  File \"/app/indexer/sync.py\", line 88, in run_once\n    cur.execute(QUERY, (watermark,))\n  File \"/usr/local/lib/python3.12/site-packages/psycopg/cursor.py\", line 97, in execute\n    raise ex.with_traceback(None)\npsycopg.errors.UndefinedColumn: column \"legacy_sku\" does not exist\nLINE 1: SELECT id, name, legacy_sku, price_cents, updated_at FROM pr...\n                         ^")
    s += 30.0

# ---------------------------------------------------------------- migration job (Flyway) + Kubernetes events + GitHub Actions
MJ = "catalog-service-migrate.log"
for off, line in [(3.1, "Flyway OSS Edition 10.17.0 by Redgate"), (3.2, ""), (3.25, "See release notes here: https://rd.gt/416ObMi"),
                  (3.9, "Database: jdbc:postgresql://catalog-db.data.svc.cluster.local:5432/catalog (PostgreSQL 16.3)"),
                  (4.6, "Successfully validated 59 migrations (execution time 00:00.047s)"), (4.9, 'Current version of schema "public": 3.13.2'),
                  (9.05, 'Migrating schema "public" to version "3.14.0 - drop products legacy sku"'),
                  (DROP + LOCK_WAIT + 0.06 - JOB_CREATED, 'Successfully applied 1 migration to schema "public", now at version v3.14.0 (execution time 00:01.394s)')]:
    emit(MJ, JOB_CREATED + off, line)
K8 = "k8s-events.jsonl"
def kev(s, kind, name, reason, msg, typ="Normal", comp="kubelet"):
    emit(K8, s, j({"kind": "Event", "apiVersion": "v1", "metadata": {"name": f"{name}.{hexid(16)}", "namespace": "shop"},
                   "involvedObject": {"kind": kind, "namespace": "shop", "name": name}, "reason": reason, "message": msg, "source": {"component": comp},
                   "firstTimestamp": T(s).strftime("%Y-%m-%dT%H:%M:%SZ"), "lastTimestamp": T(s).strftime("%Y-%m-%dT%H:%M:%SZ"), "count": 1, "type": typ}))
MJP = "catalog-service-migrate-8xk2p"
kev(JOB_CREATED, "Job", "catalog-service-migrate", "SuccessfulCreate", f"Created pod: {MJP}", comp="job-controller")
kev(JOB_CREATED + 0.2, "Pod", MJP, "Scheduled", f"Successfully assigned shop/{MJP} to ip-10-1-4-77.eu-central-1.compute.internal", comp="default-scheduler")
kev(JOB_CREATED + 0.9, "Pod", MJP, "Pulled", 'Container image "ghcr.io/acme/catalog-service-migrations:3.14.0" already present on machine')
kev(JOB_CREATED + 1.1, "Pod", MJP, "Created", "Created container flyway")
kev(JOB_CREATED + 1.3, "Pod", MJP, "Started", "Started container flyway")
kev(DROP + LOCK_WAIT + 1.2, "Job", "catalog-service-migrate", "Completed", "Job completed", comp="job-controller")
def rollout(start, rs_new, rs_old, newp, oldp, ready, gone, image):
    kev(ready[0] - 36.5, "Deployment", "catalog-service", "ScalingReplicaSet", f"Scaled up replica set {rs_new} to 1", comp="deployment-controller")
    for i in range(2):
        b = ready[i] - 36
        kev(b, "Pod", newp[i], "Scheduled", f"Successfully assigned shop/{newp[i]} to ip-10-1-{3 + i}-{50 + i}.eu-central-1.compute.internal", comp="default-scheduler")
        kev(b + 0.8, "Pod", newp[i], "Pulling", f'Pulling image "{image}"')
        kev(b + 2.6, "Pod", newp[i], "Pulled", f'Successfully pulled image "{image}" in 1.8s (1.8s including waiting). Image size: 201733120 bytes.')
        kev(b + 2.8, "Pod", newp[i], "Started", "Started container catalog-service")
        kev(b + 12, "Pod", newp[i], "Unhealthy", "Readiness probe failed: Get \"http://10.1.%d.%d:8080/actuator/health/readiness\": dial tcp 10.1.%d.%d:8080: connect: connection refused" % (3 + i, 80 + i, 3 + i, 80 + i), typ="Warning")
        kev(gone[i] - 1, "Pod", oldp[i], "Killing", "Stopping container catalog-service")
        kev(gone[i] - 0.9, "Deployment", "catalog-service", "ScalingReplicaSet", f"Scaled down replica set {rs_old} to {1 - i} from {2 - i}", comp="deployment-controller")
        if i == 0: kev(gone[i] - 0.8, "Deployment", "catalog-service", "ScalingReplicaSet", f"Scaled up replica set {rs_new} to 2 from 1", comp="deployment-controller")
rollout(ROLL_START, "catalog-service-79c5d8b6f", "catalog-service-6b8d7f9c5", NEW, OLD, NEW_READY, OLD_GONE, "ghcr.io/acme/catalog-service:3.14.0")
rollout(GHA2 + 35.0, "catalog-service-5f9b7c8d6", "catalog-service-79c5d8b6f", FIX, NEW, FIX_READY, FIX_OLD_GONE, "ghcr.io/acme/catalog-service:3.14.1")
# unrelated steady warning events (cart-service readiness flaps, pre-existing)
s = R.uniform(0, 200)
while s < END:
    kev(s, "Pod", "cart-service-58b9c7d6f-8mfx2", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", typ="Warning")
    s += R.uniform(200, 360)

def gha(f, s, text): t = T(s); emit(f, s, t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d0Z " % t.microsecond + text)
def run(f, s0, ver, migrate, ready):
    s = s0
    steps = [("##[group]Run actions/checkout@v4", 1.2), ("Syncing repository: acme/catalog-service", 0.9),
             ("HEAD is now at " + ("b72c1e0 feat(catalog): drop legacy SKU support (#2210)" if migrate else "4a9d3f2 fix(catalog): remove legacy_sku from ProductVariantView (#2214)"), 0.3), ("##[endgroup]", 0.1),
             ("##[group]Run ./gradlew test", 1.0), ("BUILD SUCCESSFUL in 1m 52s", 112.0), ("412 tests completed, 0 failed, 3 skipped", 0.2), ("##[endgroup]", 0.1),
             ("##[group]Run docker/build-push-action@v6", 0.6), (f"#14 pushing ghcr.io/acme/catalog-service:{ver} with docker", 24.0), ("#14 DONE 6.2s", 6.2), ("##[endgroup]", 0.1),
             (f"##[group]Run helm upgrade --install catalog-service ./chart -n shop --set image.tag={ver} --wait --timeout 10m", 0.4)]
    for text, dt_ in steps:
        gha(f, s, text); s += dt_
    if migrate:
        s = max(s, JOB_CREATED - 0.5)
        gha(f, s, 'Release "catalog-service" will run pre-upgrade hook: Job/catalog-service-migrate')
        s = DROP + LOCK_WAIT + 1.4
        gha(f, s, "hook Job/catalog-service-migrate succeeded")
    s = ready + 1.0
    gha(f, s, 'Release "catalog-service" has been upgraded. Happy Helming!')
    for text in ["NAME: catalog-service", "LAST DEPLOYED: " + T(s).strftime("%a %b %d %H:%M:%S %Y"), "NAMESPACE: shop", "STATUS: deployed", f"REVISION: {97 if migrate else 98}", "##[endgroup]"]:
        gha(f, s + 0.01, text)
    s += 1.5
    gha(f, s, "##[group]Run ./scripts/smoke.sh https://shop.example.org")
    gha(f, s + 0.4, "smoke: GET /api/products?category=shoes -> 200 (87ms)")
    gha(f, s + 0.7, "smoke: GET /api/categories -> 200 (21ms)")
    gha(f, s + 0.8, "smoke: OK")
    gha(f, s + 0.9, "##[endgroup]")
    gha(f, s + 1.5, "Post job cleanup.")
    gha(f, s + 2.0, "Cleaning up orphan processes")
run("github-actions/deploy-catalog-service-run-1187.log", GHA1, "3.14.0", True, NEW_READY[1])
run("github-actions/deploy-catalog-service-run-1188.log", GHA2 - 145.0, "3.14.1", False, FIX_READY[1])

# ---------------------------------------------------------------- write
if os.path.isdir(OUT): shutil.rmtree(OUT)
total = 0
for f, rows in sorted(FILES.items()):
    rows.sort(key=lambda r: (r[0], r[1]))
    p = os.path.join(OUT, f); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            if r[0] <= END + 2: fh.write(r[2] + "\n"); total += r[2].count("\n") + 1
print(OUT, total)
