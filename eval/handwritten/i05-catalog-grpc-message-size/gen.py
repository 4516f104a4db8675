#!/usr/bin/env python3
"""Generate the logs for this case (deterministic, stdlib only)."""
import os, shutil, random, json, math
from datetime import datetime, timezone, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
R = random.Random(5192026)

def ep(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()

T0 = ep("2026-05-19T09:26:00")
T_END = ep("2026-05-19T10:14:00")
T_IMPORT = ep("2026-05-19T09:48:20") + 0.512
T_IMPORT_DONE = T_IMPORT + 262.0
CEST = timedelta(hours=2)   # the engineer's browser time zone (Kibana dateFormat:tz = Browser)

def dtu(t):
    return datetime.fromtimestamp(t, tz=timezone.utc)

def iso_ms(t):
    return dtu(t).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (int(round(t * 1000)) % 1000)

def iso_us(t):
    us = int(round(t * 1e6))
    return dtu(us // 1000000).strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % (us % 1000000)

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

rows = []
seq = [0]
def emit(t, ns, pod, container, message):
    seq[0] += 1
    rows.append((t, seq[0], ns, pod, container, message))

BFF = ["storefront-bff-6d9c8b7f5-2kq8x", "storefront-bff-6d9c8b7f5-m4nvt", "storefront-bff-6d9c8b7f5-x7c2p"]
CAT = ["catalog-5c7f8d6b9-fq2lw", "catalog-5c7f8d6b9-tz8kd"]
RECS = ["recs-84b6f9c7d-hv5rj", "recs-84b6f9c7d-p2wqm"]
IMPORT_POD = "merch-import-29128668-q8t4z"
UPTIME0 = {p: R.uniform(40000, 200000) for p in BFF + CAT + RECS}

# ---------------------------------------------------------------- category sizes (bytes of ListCategoryProducts)
CATS = {"sale": 2.61e6, "women-dresses": 2.05e6, "men-shirts": 1.48e6, "new-in": 1.92e6, "shoes": 1.31e6, "accessories": 0.88e6,
        "kids": 0.74e6, "home": 0.52e6, "women-tops": 1.66e6, "men-trousers": 1.12e6}
GROWTH = {"sale": 3.9e6, "women-dresses": 2.4e6, "new-in": 2.6e6, "women-tops": 1.1e6, "shoes": 0.9e6, "men-shirts": 0.6e6}
LIMIT = 4194304

def cat_size(c, t):
    base = CATS[c]
    if t > T_IMPORT:
        f = min(1.0, (t - T_IMPORT) / (T_IMPORT_DONE - T_IMPORT))
        base += GROWTH.get(c, 0) * f
    return int(base * R.uniform(0.995, 1.005))

def items_for(size):
    return int(size / 121.7)

def catalog_load(t):
    """extra latency factor from serialising huge responses"""
    if t < T_IMPORT + 60:
        return 1.0
    return 1.0 + min(5.0, (t - T_IMPORT - 60) / 70.0)

# ---------------------------------------------------------------- formats
def structlog(pod, t, event, fields, level, logger):
    rec = {"event": event}
    rec.update(fields)
    rec["level"] = level
    rec["logger"] = logger
    rec["timestamp"] = iso_us(t)
    emit(t, "shop", pod, "storefront-bff", json.dumps(rec))

def logstash(pod, t, container, message, logger, thread, level, fields=None, stack=None):
    rec = {"@timestamp": iso_ms(t), "@version": "1", "message": message, "logger_name": logger, "thread_name": thread,
           "level": level, "level_value": {"TRACE": 5000, "DEBUG": 10000, "INFO": 20000, "WARN": 30000, "ERROR": 40000}[level]}
    if stack:
        rec["stack_trace"] = stack
    if fields:
        rec.update(fields)
    emit(t, "shop", pod, container, json.dumps(rec, separators=(",", ":")))

def linkerd(pod, t, level, scope, target, msg):
    up = UPTIME0[pod] + (t - T0)
    emit(t, "shop", pod, "linkerd-proxy", "[%12.6fs] %5s ThreadId(%02d) %s%s: %s" % (up, level, R.choice([1, 1, 1, 2, 3]), scope, target, msg))

# ---------------------------------------------------------------- catalog behaviour
def catalog_rpc(t, method, caller, key, deadline):
    """returns (status, duration, size)"""
    pod = R.choice(CAT)
    load = catalog_load(t)
    if method == "ListCategoryProducts":
        size = cat_size(key, t)
        d = (0.03 + size / 2.2e7) * load * R.uniform(0.8, 1.3)
        if size > 1_000_000 and (d > 0.25 or size > 3_000_000):
            lvl = "WARN" if size > 3_000_000 else "INFO"
            logstash(pod, t + d, "catalog", "rpc completed" if lvl == "INFO" else "large response", "com.shop.catalog.grpc.LoggingInterceptor",
                     "grpc-default-executor-%d" % R.randint(0, 63), lvl,
                     {"grpc_method": "catalog.v1.Catalog/ListCategoryProducts", "grpc_status": "OK", "duration_ms": int(d * 1000),
                      "response_bytes": size, "items": items_for(size), "category": key, "caller": caller})
        if d > deadline:
            return "DEADLINE_EXCEEDED", deadline, size
        if size > LIMIT:
            return "RESOURCE_EXHAUSTED", d, size
        return "OK", d, size
    # point lookups
    d = R.lognormvariate(-5.0, 0.5) * (load ** 1.9)
    if d > 0.25:
        logstash(pod, t + min(d, 3), "catalog", "rpc completed", "com.shop.catalog.grpc.LoggingInterceptor", "grpc-default-executor-%d" % R.randint(0, 63), "INFO",
                 {"grpc_method": "catalog.v1.Catalog/%s" % method, "grpc_status": "OK" if d < deadline else "CANCELLED", "duration_ms": int(d * 1000),
                  "response_bytes": R.randint(900, 40000), "caller": caller})
    if d > deadline:
        return "DEADLINE_EXCEEDED", deadline, 0
    if R.random() < 0.004:
        return "NOT_FOUND", d, 0
    return "OK", d, R.randint(900, 40000)

RE_TB = ('Traceback (most recent call last):\n'
         '  File "/app/storefront/catalog_client.py", line 88, in list_category\n'
         '    resp = await self._stub.ListCategoryProducts(req, timeout=self._deadline, metadata=md)\n'
         '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
         '  File "/usr/local/lib/python3.12/site-packages/grpc/aio/_call.py", line 327, in __await__\n'
         '    raise _create_rpc_error(\n'
         'grpc.aio._call.AioRpcError: <AioRpcError of RPC that terminated with:\n'
         '\tstatus = StatusCode.RESOURCE_EXHAUSTED\n'
         '\tdetails = "Received message larger than max (%d vs. 4194304)"\n'
         '\tdebug_error_string = "UNKNOWN:Error received from peer ipv4:10.96.40.11:9090 {created_time:\\"%s\\", grpc_status:8, grpc_message:\\"Received message larger than max (%d vs. 4194304)\\"}"\n'
         '>')
DL_TB = ('Traceback (most recent call last):\n'
         '  File "/app/storefront/catalog_client.py", line %d, in %s\n'
         '    resp = await self._stub.%s(req, timeout=self._deadline, metadata=md)\n'
         '  File "/usr/local/lib/python3.12/site-packages/grpc/aio/_call.py", line 327, in __await__\n'
         '    raise _create_rpc_error(\n'
         'grpc.aio._call.AioRpcError: <AioRpcError of RPC that terminated with:\n'
         '\tstatus = StatusCode.DEADLINE_EXCEEDED\n'
         '\tdetails = "Deadline Exceeded"\n'
         '\tdebug_error_string = "UNKNOWN:Deadline Exceeded {grpc_status:4, created_time:\\"%s\\"}"\n'
         '>')

def recs_call(t, user):
    pod = R.choice(RECS)
    cur = t + 0.002
    st, d, _ = catalog_rpc(cur, "BatchGetProducts", "recs", None, 0.3)
    cur += d
    thread = "DefaultDispatcher-worker-%d" % R.randint(1, 16)
    if st == "DEADLINE_EXCEEDED":
        logstash(pod, cur + 0.001, "recs", "catalog BatchGetProducts failed (DEADLINE_EXCEEDED after 300ms), serving popular-items fallback",
                 "com.shop.recs.CatalogEnricher", thread, "WARN", {"user_id": user, "fallback": "popular"})
        return "fallback", cur + 0.004
    cur += R.lognormvariate(-4.4, 0.3)
    return "ok", cur

# ---------------------------------------------------------------- storefront traffic
PAGES = [("category", 0.36), ("product", 0.34), ("home", 0.16), ("search", 0.10), ("cart", 0.04)]

def pick_page():
    x, acc = R.random(), 0
    for p, w in PAGES:
        acc += w
        if x < acc:
            return p
    return "cart"

CAT_W = ["sale"] * 8 + ["women-dresses"] * 5 + ["new-in"] * 5 + ["men-shirts"] * 3 + ["shoes"] * 3 + ["women-tops"] * 3 + ["accessories", "kids", "home", "men-trousers"] * 2

def request(t):
    pod = R.choice(BFF)
    rid = hexid(32)
    page = pick_page()
    user = "u_" + hexid(10)
    cur = t + 0.001
    status = 200
    if page == "category":
        c = R.choice(CAT_W)
        path = "/c/%s" % c
        st, d, size = catalog_rpc(cur, "ListCategoryProducts", "storefront-bff", c, 2.5)
        cur += d
        if st == "RESOURCE_EXHAUSTED":
            structlog(pod, cur, "catalog call failed", {"rpc": "ListCategoryProducts", "category": c, "code": "RESOURCE_EXHAUSTED",
                      "request_id": rid, "exception": RE_TB % (size, iso_ms(cur).replace("Z", "+00:00"), size)}, "error", "storefront.catalog_client")
            status = 502
        elif st == "DEADLINE_EXCEEDED":
            structlog(pod, cur, "catalog call failed", {"rpc": "ListCategoryProducts", "category": c, "code": "DEADLINE_EXCEEDED", "request_id": rid,
                      "exception": DL_TB % (88, "list_category", "ListCategoryProducts", iso_ms(cur).replace("Z", "+00:00"))}, "error", "storefront.catalog_client")
            status = 504
    elif page == "product":
        sku = "%07d" % R.randint(1000000, 9999999)
        path = "/p/%s" % sku
        st, d, _ = catalog_rpc(cur, "GetProduct", "storefront-bff", None, 0.5)
        cur += d
        if st == "NOT_FOUND":
            structlog(pod, cur, "product not found", {"sku": sku, "request_id": rid}, "warning", "storefront.routes.product")
            status = 404
        elif st == "DEADLINE_EXCEEDED":
            structlog(pod, cur, "catalog call failed", {"rpc": "GetProduct", "sku": sku, "code": "DEADLINE_EXCEEDED", "request_id": rid,
                      "exception": DL_TB % (61, "get_product", "GetProduct", iso_ms(cur).replace("Z", "+00:00"))}, "error", "storefront.catalog_client")
            status = 504
        else:
            rs, cur = recs_call(cur, user)
            if rs == "fallback":
                structlog(pod, cur, "recommendations degraded", {"source": "popular", "request_id": rid}, "warning", "storefront.routes.product")
    elif page == "home":
        path = "/"
        rs, cur = recs_call(cur, user)
    elif page == "search":
        path = "/search"
        st, d, _ = catalog_rpc(cur, "SearchProducts", "storefront-bff", None, 0.8)
        cur += d
        if st == "DEADLINE_EXCEEDED":
            structlog(pod, cur, "catalog call failed", {"rpc": "SearchProducts", "code": "DEADLINE_EXCEEDED", "request_id": rid,
                      "exception": DL_TB % (112, "search", "SearchProducts", iso_ms(cur).replace("Z", "+00:00"))}, "error", "storefront.catalog_client")
            status = 504
    else:
        path = "/cart"
        cur += R.lognormvariate(-4.0, 0.3)
    cur += R.lognormvariate(-5.3, 0.3)
    structlog(pod, cur, "request", {"method": "GET", "path": path, "status": status, "duration_ms": round((cur - t) * 1000, 1),
              "request_id": rid, "client_ip": "10.0.%d.%d" % (R.randint(0, 15), R.randint(2, 250))},
              "info" if status < 500 else "error", "storefront.access")

t = T0 + 0.4
while t < T_END:
    rate = 2.5 + 0.45 * math.sin((t - T0) / 650.0)
    if t > T_IMPORT + 120:
        rate *= 1.12  # shoppers hitting refresh
    t += R.expovariate(rate)
    if t < T_END:
        request(t)

# ---------------------------------------------------------------- periodic / lifecycle noise
for pod in CAT:
    k = 0
    tt = T0 + R.uniform(5, 30)
    while tt < T_END:
        load = catalog_load(tt)
        logstash(pod, tt, "catalog", "executor stats", "com.shop.catalog.ops.ExecutorMetrics", "metrics-reporter-1", "INFO",
                 {"active": min(64, int(R.randint(2, 9) * load)), "queued": int(max(0, (load - 1.5) * R.randint(20, 60))), "pool_size": 64,
                  "heap_used_mb": int(min(3900, R.randint(900, 1300) * (1 + (load - 1) * 0.45))), "heap_max_mb": 4096})
        if load > 3.5 and R.random() < 0.5:
            logstash(pod, tt + 0.2, "catalog", "GC pause exceeded 500ms (G1 Evacuation Pause, %d ms)" % R.randint(520, 1400),
                     "com.shop.catalog.ops.GcMonitor", "GC-monitor", "WARN")
        tt += 30
    for k in range(int((T_END - T0) / 300)):
        ts = T0 + 100 + k * 300 + R.uniform(0, 5)
        logstash(pod, ts, "catalog", "category index refreshed", "com.shop.catalog.index.CategoryIndex", "scheduling-1", "INFO",
                 {"categories": 214, "products": 182400 + (46212 if ts > T_IMPORT_DONE + 40 else 0), "took_ms": R.randint(900, 2400)})
for pod in RECS:
    for k in range(int((T_END - T0) / 600)):
        ts = T0 + 250 + k * 600 + R.uniform(0, 30)
        logstash(pod, ts, "recs", "model refresh took %d ms (threshold 3000 ms)" % R.randint(3100, 5200), "com.shop.recs.model.ModelRefresher",
                 "model-refresh", "WARN", {"model": "als-v14", "version": "2026-05-19T06:00"})
for pod in BFF + CAT + RECS:
    for k in range(R.randint(1, 3)):
        ts = T0 + R.uniform(0, T_END - T0)
        linkerd(pod, ts, "INFO", "outbound:proxy{addr=10.96.0.1:443}", "", "linkerd_reconnect: Failed to connect error=endpoint 10.0.1.12:443: connect timed out after 1s")
    ts = T0 + R.uniform(60, 200)
    linkerd(pod, ts, "INFO", "daemon:identity", "", "linkerd_app: Certified identity id=%s.shop.serviceaccount.identity.linkerd.cluster.local" % pod.rsplit("-", 2)[0])
for k in range(10):
    ts = T_IMPORT + 150 + k * 55 + R.uniform(0, 20)
    pod = R.choice(BFF)
    linkerd(pod, ts, "WARN", "outbound:proxy{addr=10.96.40.11:9090}:service{ns=shop name=catalog port=9090}", ":endpoint{addr=10.0.%d.%d:9090}" % (R.randint(4, 6), R.randint(10, 200)),
            "linkerd_proxy_http::h2: HTTP/2 connection error error=stream no longer needed")

# merch-import CronJob (Go, log.Printf)
imp = [(T_IMPORT, "merch-import 1.9.3 starting (feed=s3://shop-merch-feeds/2026-05-19/summer-sale-2026.jsonl.gz, mode=upsert)"),
       (T_IMPORT + 1.4, "feed header: assortment=summer-sale-2026 variants=46212 categories=[sale women-dresses new-in women-tops shoes men-shirts]")]
for b in range(1, 47):
    imp.append((T_IMPORT + 2 + b * 5.55 + R.uniform(-0.5, 0.5), "upserted batch %d/47 (%d variants) in %dms" % (b, 1000, R.randint(3900, 6200))))
imp.append((T_IMPORT_DONE - 2, "upserted batch 47/47 (212 variants) in 1190ms"))
imp.append((T_IMPORT_DONE, "import complete: 46212 variants upserted, 0 rejected, 6 categories touched"))
imp.append((T_IMPORT_DONE + 0.3, "triggering category index refresh: POST http://catalog.shop.svc.cluster.local:8080/admin/reindex -> 202 Accepted"))
for ts, m in imp:
    emit(ts, "batch", IMPORT_POD, "merch-import", dtu(ts).strftime("%Y/%m/%d %H:%M:%S ") + m)

# ---------------------------------------------------------------- Kibana Discover "Generate CSV" export
NONALNUM = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

def esc(v):
    if v and v[0] in "=+-@\t\r":
        v = "'" + v
    if v and any(c not in NONALNUM for c in v):
        return '"' + v.replace('"', '""') + '"'
    return v

def kdate(t):
    d = dtu(t) + CEST
    return d.strftime("%b ") + str(d.day) + d.strftime(", %Y @ %H:%M:%S.") + "%03d" % (int(round(t * 1000)) % 1000)

shutil.rmtree(LOGS, ignore_errors=True)
os.makedirs(LOGS)
rows.sort(key=lambda r: (r[0], r[1]), reverse=True)
with open(os.path.join(LOGS, "Discover - shop namespace 11.26-12.14.csv"), "w", newline="") as f:
    f.write(",".join(esc(h) for h in ["@timestamp", "kubernetes.namespace", "kubernetes.pod.name", "kubernetes.container.name", "message"]) + "\n")
    for t, _, ns, pod, cont, msg in rows:
        f.write(",".join([esc(kdate(t)), esc(ns), esc(pod), esc(cont), esc(msg)]) + "\n")
