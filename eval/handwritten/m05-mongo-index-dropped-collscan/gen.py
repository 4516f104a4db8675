#!/usr/bin/env python3
"""m05: a DBA drops the {tenant_id:1, sku:1} index on catalog.products to replace it with a
{tenant_id, sku, locale} index. Until the replacement two-phase index build commits (~26
min, slowed by the load it causes), every lookup by tenant+sku is a COLLSCAN over 4.2M
documents; the primary's CPU saturates and queries hit maxTimeMS."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from m_common import (LogSet, Rand, USER_AGENTS, iso, jdump, main_dir, report, strf, ts_of,  # noqa: E402
                      write_truth, java_trace, py_trace)

R = Rand(20250422)
T0 = ts_of(2025, 4, 22, 9, 44, 0)
T1 = ts_of(2025, 4, 22, 10, 36, 0)
DEPLOY = ts_of(2025, 4, 22, 9, 58, 20)
FEED = ts_of(2025, 4, 22, 10, 0, 0)
DROP = ts_of(2025, 4, 22, 10, 3, 12.418)
BUILD_START = ts_of(2025, 4, 22, 10, 3, 14.902)
ROLLBACK = ts_of(2025, 4, 22, 10, 14, 5)
BUILD_DONE = ts_of(2025, 4, 22, 10, 19, 41.337)
EDT = -240
M2_SKEW = -41.3
L = None
NS = "catalog.products"
COLL_UUID = "5b7a3c1e-9d24-4f1b-8e6a-2c0d9f3e7a41"
BUILD_UUID = "c3e1f0a2-7b84-4d6e-9a15-0e2b8c4f6d73"
TENANTS = ["t_eu_01", "t_eu_02", "t_us_01", "t_uk_01", "t_de_03"]


def add(path, t, line):
    L.add(path, t, line)


def degraded(t):
    return DROP <= t < BUILD_DONE


# ----------------------------------------------------------------- mongo
def mlog(member, t, s, c, mid, ctx, msg, attr=None):
    shown = t + (M2_SKEW if member == "catalog-mongo-2" else 0.0)
    d = {"t": {"$date": iso(shown, 3, False)}, "s": s, "c": c, "id": mid, "ctx": ctx, "msg": msg}
    if attr is not None:
        d["attr"] = attr
    add("logs/catalog-mongo/%s/mongod.log" % member, t, jdump(d))


def slow_query(t, conn, app, remote, filt, dur_ms, plan, docs, keys, nret, err=False, kind="find"):
    cmd = {kind: "products", "filter": filt, "projection": {"_id": 1, "sku": 1, "title": 1, "price": 1, "stock": 1, "media": 1, "attrs": 1},
           "maxTimeMS": 2000, "lsid": {"id": {"$uuid": R.uuid()}}, "$clusterTime": {"clusterTime": {"$timestamp": {"t": int(t), "i": R.randrange(1, 40)}},
           "signature": {"hash": {"$binary": {"base64": "AAAAAAAAAAAAAAAAAAAAAAAAAAA=", "subType": "0"}}, "keyId": 0}}, "$db": "catalog",
           "$readPreference": {"mode": "primary"}}
    attr = {"type": "command", "ns": NS, "appName": app, "command": cmd, "planSummary": plan, "planningTimeMicros": R.randrange(60, 400),
            "keysExamined": keys, "docsExamined": docs, "fromPlanCache": True, "nBatches": 1, "cursorExhausted": True, "numYields": docs // 1000,
            "nreturned": nret, "queryHash": "7A1C3E92", "planCacheKey": "B1E0F2D7", "queryFramework": "classic", "reslen": 300 + nret * 1800,
            "locks": {"FeatureCompatibilityVersion": {"acquireCount": {"r": docs // 1000 + 1}}, "Global": {"acquireCount": {"r": docs // 1000 + 1}},
                      "Mutex": {"acquireCount": {"r": 1}}},
            "readConcern": {"level": "local", "provenance": "implicitDefault"},
            "storage": {"data": {"bytesRead": docs * 41, "timeReadingMicros": int(dur_ms * 310)}} if docs > 100000 else {},
            "remote": remote, "protocol": "op_msg", "durationMillis": dur_ms}
    if err:
        attr["ok"] = 0
        attr["errMsg"] = "operation exceeded time limit"
        attr["errName"] = "MaxTimeMSExpired"
        attr["errCode"] = 50
    mlog("catalog-mongo-0", t, "I", "COMMAND", 51803, conn, "Slow query", attr)


# ----------------------------------------------------------------- others
def ktor(pod, t, level, logger, msg, thread=None):
    thread = thread or "eventLoopGroupProxy-4-%d" % R.randrange(1, 9)
    add("logs/catalog-api/%s.log" % pod, t, "%s [%s] %-5s %s - %s" % (strf(t, "%Y-%m-%d %H:%M:%S.{ms}"), thread, level, logger, msg))


CIDS = {}


def beat(t, container, pod, raw, node):
    rec = {"@timestamp": iso(t + R.uniform(0.3, 2.2), 3, True),
           "@metadata": {"beat": "filebeat", "type": "_doc", "version": "8.13.2"},
           "log": {"offset": R.randrange(10 ** 5, 10 ** 8), "file": {"path": "/var/log/containers/%s_storefront_%s-%s.log" % (pod, container, CIDS.setdefault(pod, R.hexid(64)))}},
           "stream": "stdout", "message": raw, "input": {"type": "container"},
           "kubernetes": {"pod": {"name": pod}, "namespace": "storefront", "container": {"name": container}, "node": {"name": node}},
           "host": {"name": node}}
    add("logs/filebeat/filebeat-2025.04.22.ndjson", t + 1.0, jdump(rec))


BFF_PODS = [("product-bff-6c8d9f7b5-4mx2q", "gke-prod-pool-2-8f1d2c3b-kx7n"), ("product-bff-6c8d9f7b5-9tz6w", "gke-prod-pool-2-8f1d2c3b-q4mv"),
            ("product-bff-6c8d9f7b5-rh3jp", "gke-prod-pool-2-8f1d2c3b-w2zs")]
REV_PODS = [("reviews-svc-5f9b8c7d6-2kq8l", "gke-prod-pool-2-8f1d2c3b-kx7n"), ("reviews-svc-5f9b8c7d6-x7n4v", "gke-prod-pool-2-8f1d2c3b-w2zs")]
CAT_PODS_NEW = ["catalog-api-7d4f9c8b6-5lqzt", "catalog-api-7d4f9c8b6-g8v2m", "catalog-api-7d4f9c8b6-nx4kd"]
CAT_PODS_OLD = ["catalog-api-69b8d7c5f-bw6hr", "catalog-api-69b8d7c5f-jk2pt", "catalog-api-69b8d7c5f-t9x5c"]
CAT_PODS_RB = ["catalog-api-69b8d7c5f-d3h7w", "catalog-api-69b8d7c5f-m6q9s", "catalog-api-69b8d7c5f-z2f8k"]
CAT_IPS = ["10.8.3.21", "10.8.4.17", "10.8.5.33", "10.8.3.40", "10.8.4.41", "10.8.5.42"]


def cat_pods(t):
    if t < DEPLOY + 30:
        return CAT_PODS_OLD
    if t < ROLLBACK + 35:
        return CAT_PODS_NEW
    return CAT_PODS_RB


def bff(t, level, message, pod, **kw):
    d = {"level": level, "message": message}
    d.update(kw)
    d["service"] = "product-bff"
    d["timestamp"] = strf(t, "%Y-%m-%d %H:%M:%S", EDT)
    beat(t, "product-bff", pod[0], jdump(d), pod[1])


def lograge(t, pod, **kw):
    parts = []
    for k, v in kw.items():
        parts.append("%s=%s" % (k, v))
    beat(t, "reviews-svc", pod[0], " ".join(parts), pod[1])


SEARCH_POD = "search-api-85c7d6b9f-p2wq7"


def search(t, line):
    add("logs/search-api/%s.log" % SEARCH_POD, t, line)


def pylog(t, level, logger, msg):
    search(t, "%s %s %s: %s" % (strf(t, "%Y-%m-%d %H:%M:%S,{ms}"), level, logger, msg))


def nginx(t_end, client, method, path, status, size, rt, upstream, uht, ref="-"):
    add("logs/nginx/access.log", t_end, '%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s" rt=%.3f uct="0.001" uht="%s" urt="%s" ups="%s"' % (
        client, strf(t_end, "%d/%b/%Y:%H:%M:%S +0000"), method, path, status, size, ref, R.pick(USER_AGENTS), rt, uht, uht, upstream))


def nginx_err(t, level, msg):
    add("logs/nginx/error.log", t, "%s [%s] %d#%d: %s" % (strf(t, "%Y/%m/%d %H:%M:%S"), level, 31, 31, msg))


MTE = ("com.mongodb.MongoExecutionTimeoutException", "Command failed with error 50 (MaxTimeMSExpired): 'operation exceeded time limit' on server "
       "catalog-mongo-0.catalog-mongo.data.svc.cluster.local:27017. The full response is {\"ok\": 0.0, \"errmsg\": \"operation exceeded time limit\", "
       "\"code\": 50, \"codeName\": \"MaxTimeMSExpired\", \"$clusterTime\": {\"clusterTime\": {\"$timestamp\": {\"t\": %d, \"i\": 12}}, "
       "\"signature\": {\"hash\": {\"$binary\": {\"base64\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAA=\", \"subType\": \"00\"}}, \"keyId\": 0}}, "
       "\"operationTime\": {\"$timestamp\": {\"t\": %d, \"i\": 12}}}")


def mte_trace(t):
    return java_trace(MTE[0], MTE[1] % (int(t), int(t)), [
        "com.mongodb.internal.connection.ProtocolHelper.createSpecialException(ProtocolHelper.java:266)",
        "com.mongodb.internal.connection.ProtocolHelper.getCommandFailureException(ProtocolHelper.java:207)",
        "com.mongodb.internal.connection.InternalStreamConnection.receiveCommandMessageResponse(InternalStreamConnection.java:541)",
        "com.mongodb.internal.connection.InternalStreamConnection.sendAndReceive(InternalStreamConnection.java:409)",
        "com.mongodb.internal.connection.DefaultServer$DefaultServerProtocolExecutor.execute(DefaultServer.java:209)",
        "com.mongodb.internal.operation.FindOperation.lambda$execute$1(FindOperation.java:325)",
        "com.mongodb.client.internal.MongoIterableImpl.iterator(MongoIterableImpl.java:78)",
        "com.shopzilla.catalog.repo.ProductRepository.findBySkus(ProductRepository.kt:88)",
        "com.shopzilla.catalog.routes.ProductRoutesKt$productRoutes$2.invokeSuspend(ProductRoutes.kt:47)",
        "io.ktor.server.routing.Route$buildPipeline$1$1.invokeSuspend(Route.kt:116)",
        "kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)"], more=0)


def catalog_lookup(t, n_skus, caller_ip, path):
    """catalog-api handling; returns (status, dur, pod)."""
    pod = R.pick(cat_pods(t))
    tenant = R.pick(TENANTS)
    skus = ["%s-%06d" % (tenant[-5:].upper().replace("_", ""), R.randrange(1, 999999)) for _ in range(n_skus)]
    remote = "%s:%d" % (R.pick(CAT_IPS), R.randrange(32768, 60999))
    conn = "conn%d" % R.randrange(48000, 49999)
    filt = {"tenant_id": tenant, "sku": {"$in": skus}} if n_skus > 1 else {"tenant_id": tenant, "sku": skus[0]}
    if degraded(t):
        load = min(1.0, (t - DROP) / 40.0)
        scan_ms = int(R.lat(2600, 0.35) * load + 90 * (1 - load))
        if scan_ms >= 2000:
            dur = 2.0 + R.uniform(0.001, 0.03)
            if R.random() < 0.06:
                slow_query(t + dur, conn, "catalog-api", remote, filt, int(dur * 1000), "COLLSCAN", R.randrange(1400000, 3100000), 0, 0, err=True)
            ktor(pod, t + dur + 0.002, "ERROR", "c.s.catalog.routes.ProductRoutes",
                 "GET %s failed tenant=%s skus=%d\n%s" % (path, tenant, n_skus, mte_trace(t + dur)))
            ktor(pod, t + dur + 0.003, "INFO", "Application", "503 Service Unavailable: GET - %s in %dms" % (path, int(dur * 1000) + 3))
            return 503, dur + 0.004, pod
        dur = scan_ms / 1000.0
        if R.random() < 0.06:
            slow_query(t + dur, conn, "catalog-api", remote, filt, scan_ms, "COLLSCAN", 4182113, 0, n_skus)
        ktor(pod, t + dur + 0.002, "INFO", "Application", "200 OK: GET - %s in %dms" % (path, scan_ms + 2))
        return 200, dur + 0.003, pod
    dur = R.lat(0.006, 0.4) * (1 + n_skus / 10.0)
    if dur > 0.1 and R.random() < 0.3:
        slow_query(t + dur, conn, "catalog-api", remote, filt, int(dur * 1000), "IXSCAN { tenant_id: 1, sku: 1 }", n_skus, n_skus, n_skus)
    ktor(pod, t + dur + 0.001, "INFO", "Application", "200 OK: GET - %s in %dms" % (path, int(dur * 1000) + 1))
    return 200, dur + 0.002, pod


CATS = ["running-shoes", "rain-jackets", "headphones", "coffee-machines", "backpacks", "yoga", "camping", "kitchen"]
QUERIES = ["trail+shoes", "noise+cancelling", "espresso", "waterproof", "carry+on", "standing+desk", "bike+light", "air+fryer"]


def main():
    global L
    out = main_dir(sys.argv)
    L = LogSet(out)
    for t in R.arrivals(T0, T1, lambda t: 1.4):
        client = R.public_ip()
        k = R.wpick([("pdp", 45), ("plp", 20), ("search", 18), ("reviews", 8), ("static_api", 9)])
        pod = R.pick(BFF_PODS)
        if k in ("pdp", "plp"):
            path = "/p/%s-%d" % (R.pick(["trail-runner", "aero-shell", "quietcomfort", "barista-pro", "daypack", "flow-mat"]), R.randrange(10000, 99999)) if k == "pdp" else "/c/%s?page=%d" % (R.pick(CATS), R.randrange(1, 6))
            n = 1 if k == "pdp" else R.randrange(24, 49)
            tt = t + 0.004
            st = 200
            cst = 200
            total = 0.0
            for attempt in (1, 2):
                cst, d, _ = catalog_lookup(tt, n, "", "/v1/products/by-sku" if n == 1 else "/v1/products/batch")
                if cst == 200 and d <= 2.5:
                    total += d
                    break
                if cst != 200 and d <= 2.5:
                    bff(tt + d, "warn", "catalog-api responded %d, not retrying" % cst, pod, path=path, upstream="http://catalog-api.catalog.svc:8080")
                    total += d
                    st = 502
                    break
                if d > 2.5:
                    d = 2.5
                    bff(tt + 2.5, "warn", "catalog-api request timed out after 2500ms (attempt %d/2)" % attempt, pod, path=path, upstream="http://catalog-api.catalog.svc:8080")
                else:
                    bff(tt + d, "warn", "catalog-api responded %d (attempt %d/2)" % (cst, attempt), pod, path=path, upstream="http://catalog-api.catalog.svc:8080")
                total += d + 0.05
                tt += d + 0.05
                st = 502
            if st == 502 and cst == 200:
                st = 200
            render = R.lat(0.035, 0.3)
            total += render
            if st >= 500:
                bff(t + total, "error", "render failed: CatalogUnavailableError: catalog-api unavailable after 2 attempts", pod, path=path,
                    stack="CatalogUnavailableError: catalog-api unavailable after 2 attempts\n    at CatalogClient.fetchProducts (/app/src/clients/catalog.ts:74:13)\n    at async loadProductPage (/app/src/routes/product.ts:31:19)\n    at async /app/node_modules/express-async-handler/index.js:25:5")
            elif R.random() < 0.05:
                bff(t + total, "info", "rendered", pod, path=path, ms=int(total * 1000))
            size = R.randrange(40000, 160000) if st == 200 else 1850
            nginx(t + total + 0.001, client, "GET", path, st, size, total + 0.001, "%s:3000" % R.pick(["10.8.2.15", "10.8.2.16", "10.8.2.17"]), "%.3f" % total,
                  "https://www.shopzilla.example/")
            if st >= 500 and R.random() < 0.3:
                nginx_err(t + total, "error", "*%d upstream prematurely closed connection while reading response header from upstream, client: %s, server: www.shopzilla.example, request: \"GET %s HTTP/1.1\", upstream: \"http://10.8.2.15:3000%s\", host: \"www.shopzilla.example\"" % (R.randrange(100000, 999999), client, path, path))
            # reviews for PDP
            if k == "pdp":
                rp = R.pick(REV_PODS)
                d = R.lat(0.012, 0.4)
                redis_err = R.random() < 0.05
                lograge(t + 0.01 + d, rp, method="GET", path="/v1/reviews/%d" % R.randrange(10000, 99999), format="json",
                        controller="Api::V1::ReviewsController", action="index", status=200, duration="%.2f" % (d * 1000 + (250 if redis_err else 0)),
                        view="%.2f" % (d * 100), db="%.2f" % (d * 500), cache=("miss" if redis_err else "hit"))
                if redis_err:
                    beat(t + 0.01 + d, "reviews-svc", rp[0], "W, [%s #1]  WARN -- : Redis::TimeoutError: Connection timed out (redis://reviews-cache.storefront.svc:6379) - falling back to DB" % strf(t + 0.01 + d, "%Y-%m-%dT%H:%M:%S.{us}"), rp[1])
        elif k == "search":
            q = R.pick(QUERIES)
            path = "/search?q=%s" % q
            es = R.lat(0.035, 0.35)
            cst, d, _ = catalog_lookup(t + es, 24, "", "/v1/products/batch")
            total = es + d + 0.01
            sst = 200 if cst == 200 else 502
            if sst == 200:
                search(t + total, '10.8.2.%d - - [%s] "GET /v2/search?q=%s&size=24 HTTP/1.1" 200 %d "-" "node-fetch/2.7.0" %d' % (
                    R.randrange(15, 18), strf(t + total, "%d/%b/%Y:%H:%M:%S +0000"), q, R.randrange(30000, 60000), int(total * 1e6)))
            else:
                pylog(t + total - 0.001, "ERROR", "search.hydrate", "catalog-api batch hydrate failed status=%d ids=24 q=%s took=%.3fs" % (cst, q, total))
                search(t + total, '10.8.2.%d - - [%s] "GET /v2/search?q=%s&size=24 HTTP/1.1" 502 61 "-" "node-fetch/2.7.0" %d' % (
                    R.randrange(15, 18), strf(t + total, "%d/%b/%Y:%H:%M:%S +0000"), q, int(total * 1e6)))
            total += 0.02
            st = 200 if sst == 200 else 502
            if st >= 500:
                bff(t + total, "error", "search upstream failed with 502", pod, path=path, upstream="http://search-api.search.svc:8000")
            nginx(t + total, client, "GET", path, st, R.randrange(30000, 90000) if st == 200 else 1850, total, "%s:3000" % R.pick(["10.8.2.15", "10.8.2.16", "10.8.2.17"]), "%.3f" % total)
        elif k == "reviews":
            rp = R.pick(REV_PODS)
            d = R.lat(0.015, 0.4)
            rid = R.randrange(10000, 99999)
            lograge(t + d, rp, method="POST", path="/v1/reviews", format="json", controller="Api::V1::ReviewsController", action="create", status=201,
                    duration="%.2f" % (d * 1000), view="0.41", db="%.2f" % (d * 600))
            nginx(t + d + 0.01, client, "POST", "/api/reviews", 201, 312, d + 0.01, "10.8.6.%d:3000" % R.randrange(20, 24), "%.3f" % d)
        else:
            path = R.pick(["/api/cart/count", "/api/session", "/api/flags"])
            d = R.lat(0.008, 0.4)
            nginx(t + d, client, "GET", path, 200, R.randrange(40, 400), d, "%s:3000" % R.pick(["10.8.2.15", "10.8.2.16", "10.8.2.17"]), "%.3f" % d)
    platform()
    sizes = L.write()
    report(out, sizes)
    write_truth(out, {
        "root_cause": {"service": "catalog-mongo", "fault": "index-dropped-collection-scans", "start": iso(DROP, 3)},
        "propagation": ["catalog-mongo", "catalog-api", "product-bff", "nginx"],
        "affected": ["catalog-mongo", "catalog-api", "product-bff", "search-api", "feed-importer", "nginx"],
        "acceptable_roots": [],
        "notes": (
            "catalog-mongo replica set (catalog-mongo-0 primary, -1/-2 secondaries). 10:03:12.418Z a DBA session "
            "(appName mongosh 2.2.5) runs dropIndexes tenant_id_1_sku_1 on catalog.products and starts a two-phase "
            "createIndexes for {tenant_id, sku, locale}. Every catalog-api lookup by tenant+sku (and the feed-importer's "
            "upserts) becomes a COLLSCAN over ~4.2M documents; the primary saturates, queries run into maxTimeMS=2000 "
            "(error 50 MaxTimeMSExpired). mongod logs only a 5% sample of slow operations (slowOpSampleRate), with "
            "planSummary COLLSCAN. The index build is slowed by the same load and by catalog-mongo-2 (commitQuorum); it "
            "commits at 10:29:41Z and everything recovers. Propagation: catalog-api (Ktor, MongoExecutionTimeoutException "
            "stack traces naming catalog-mongo-0.catalog-mongo.data.svc.cluster.local:27017) returns 503 after 2 s, "
            "product-bff (2.5 s timeout, 1 retry) renders 502 for product and category pages, search-api's hydrate "
            "returns 502, nginx shows 502 with long upstream times; feed-importer's chunks crawl and time out. "
            "Clock/format quirks: product-bff Winston timestamps are America/New_York local time without offset "
            "(UTC-4) and are wrapped inside Filebeat NDJSON whose @timestamp is the harvest time; reviews-svc lograge "
            "lines are also inside the Filebeat file; catalog-mongo-2's clock is 41 s behind; catalog-api logback is UTC "
            "without zone. Red herrings: catalog-api v4.12.0 rollout at 09:58:20Z and its rollback to v4.11.3 at "
            "10:14:05Z (no effect); the hourly feed-importer CronJob starting 10:00:00Z (it is a victim: it slows after "
            "10:03); reviews-svc's pre-existing Redis timeouts; nginx's routine SSL handshake / body size errors."),
    })


def platform():
    # routine mongod noise on all members
    for m in ("catalog-mongo-0", "catalog-mongo-1", "catalog-mongo-2"):
        t = T0 + R.uniform(0, 20)
        while t < T1:
            r = R.random()
            if r < 0.5:
                mlog(m, t, "I", "NETWORK", 22943, "listener", "Connection accepted", {"remote": "%s:%d" % (R.pick(CAT_IPS), R.randrange(32768, 60999)),
                     "uuid": {"uuid": {"$uuid": R.uuid()}}, "connectionId": R.randrange(48000, 49999), "connectionCount": R.randrange(180, 260)})
            elif r < 0.8:
                mlog(m, t, "I", "NETWORK", 22944, "conn%d" % R.randrange(48000, 49999), "Connection ended", {"remote": "%s:%d" % (R.pick(CAT_IPS), R.randrange(32768, 60999)),
                     "uuid": {"uuid": {"$uuid": R.uuid()}}, "connectionId": R.randrange(48000, 49999), "connectionCount": R.randrange(180, 260)})
            else:
                mlog(m, t, "I", "STORAGE", 22430, "Checkpointer", "WiredTiger message", {"message": {"ts_sec": int(t), "ts_usec": R.randrange(0, 999999), "thread": "1:0x7f3b2c1d4640",
                     "session_name": "WT_SESSION.checkpoint", "category": "WT_VERB_CHECKPOINT_PROGRESS", "category_id": 6, "verbose_level": "DEBUG_1",
                     "verbose_level_id": 1, "msg": "saving checkpoint snapshot min: %d, snapshot max: %d snapshot count: 0, oldest timestamp: (%d, 1) , meta checkpoint timestamp: (%d, 3) base write gen: 48211" % (
                         R.randrange(10 ** 6, 10 ** 7), R.randrange(10 ** 6, 10 ** 7), int(t) - 300, int(t))}})
            t += R.expovariate(1 / (6.0 if m == "catalog-mongo-0" else 14.0))
    # the DBA session
    dba = "conn48877"
    mlog("catalog-mongo-0", DROP - 31.0, "I", "NETWORK", 22943, "listener", "Connection accepted", {"remote": "10.8.0.14:52210", "uuid": {"uuid": {"$uuid": R.uuid()}}, "connectionId": 48877, "connectionCount": 231})
    mlog("catalog-mongo-0", DROP - 30.9, "I", "NETWORK", 51800, dba, "client metadata", {"remote": "10.8.0.14:52210", "client": dba,
         "doc": {"application": {"name": "mongosh 2.2.5"}, "driver": {"name": "nodejs|mongosh", "version": "6.5.0|2.2.5"}, "platform": "Node.js v20.12.2, LE",
                 "os": {"name": "linux", "architecture": "x64", "version": "5.15.0-1057-gke", "type": "Linux"}}})
    mlog("catalog-mongo-0", DROP - 30.5, "I", "ACCESS", 20250, dba, "Authentication succeeded", {"mechanism": "SCRAM-SHA-256", "speculative": True, "principalName": "dba_mkowalski", "authenticationDatabase": "admin", "remote": "10.8.0.14:52210", "extraInfo": {}})
    mlog("catalog-mongo-0", DROP, "I", "COMMAND", 51806, dba, "CMD: dropIndexes", {"namespace": NS, "uuid": {"uuid": {"$uuid": COLL_UUID}}, "indexes": "\"tenant_id_1_sku_1\""})
    for m, dl in (("catalog-mongo-1", 0.08), ("catalog-mongo-2", 0.11)):
        mlog(m, DROP + dl, "I", "COMMAND", 51806, "ReplWriterWorker-3", "CMD: dropIndexes", {"namespace": NS, "uuid": {"uuid": {"$uuid": COLL_UUID}}, "indexes": "\"tenant_id_1_sku_1\""})
    props = {"v": 2, "key": {"tenant_id": 1, "sku": 1, "locale": 1}, "name": "tenant_id_1_sku_1_locale_1"}
    for m, dl in (("catalog-mongo-0", 0.0), ("catalog-mongo-1", 0.2), ("catalog-mongo-2", 0.3)):
        ctx = dba if m == "catalog-mongo-0" else "ReplWriterWorker-1"
        mlog(m, BUILD_START + dl, "I", "INDEX", 20438, ctx, "Index build: registering", {"buildUUID": {"uuid": {"$uuid": BUILD_UUID}}, "namespace": NS,
             "collectionUUID": {"uuid": {"$uuid": COLL_UUID}}, "indexes": 1, "firstIndex": {"name": "tenant_id_1_sku_1_locale_1"}, "command": {"createIndexes": "products", "v": 2, "indexes": [props], "commitQuorum": "votingMembers"} if m == "catalog-mongo-0" else None})
        mlog(m, BUILD_START + dl + 0.05, "I", "INDEX", 20384, "IndexBuildsCoordinatorMongod-%d" % R.randrange(0, 4), "Index build: starting",
             {"buildUUID": {"uuid": {"$uuid": BUILD_UUID}}, "collectionUUID": {"uuid": {"$uuid": COLL_UUID}}, "namespace": NS, "properties": props,
              "specIndex": 0, "numSpecs": 1, "method": "Hybrid", "maxTemporaryMemoryUsageMB": 200})
    mlog("catalog-mongo-0", BUILD_START + 0.06, "I", "INDEX", 20440, dba, "Index build: waiting for index build to complete",
         {"buildUUID": {"uuid": {"$uuid": BUILD_UUID}}, "deadline": {"$date": {"$numberLong": "9223372036854775807"}}})
    # progress (scan) messages
    for m, scan_done in (("catalog-mongo-0", ts_of(2025, 4, 22, 10, 13, 4.1)), ("catalog-mongo-1", ts_of(2025, 4, 22, 10, 12, 22.7)), ("catalog-mongo-2", ts_of(2025, 4, 22, 10, 19, 12.9))):
        t = BUILD_START + 60
        n = 0
        while t < scan_done:
            n = int(4182113 * (t - BUILD_START) / (scan_done - BUILD_START))
            mlog(m, t, "I", "-", 51773, "IndexBuildsCoordinatorMongod-1", "progress meter", {"name": "Index Build: scanning collection", "done": n, "total": 4182113, "percent": int(100 * n / 4182113)})
            t += 60 + R.random()
        mlog(m, scan_done, "I", "INDEX", 20391, "IndexBuildsCoordinatorMongod-1", "Index build: collection scan done",
             {"buildUUID": {"uuid": {"$uuid": BUILD_UUID}}, "collectionUUID": {"uuid": {"$uuid": COLL_UUID}}, "namespace": NS, "totalRecords": 4182113,
              "readSource": "kMajorityCommitted", "durationMillis": int((scan_done - BUILD_START) * 1000)})
        mlog(m, scan_done + 9.2, "I", "INDEX", 20685, "IndexBuildsCoordinatorMongod-1", "Index build: inserted keys from external sorter into index",
             {"namespace": NS, "index": "tenant_id_1_sku_1_locale_1", "keysInserted": 4182113, "durationMillis": 9204})
        if m != "catalog-mongo-0":
            mlog(m, scan_done + 9.4, "I", "INDEX", 3856203, "IndexBuildsCoordinatorMongod-1", "Index build: voted for commit", {"buildUUID": {"uuid": {"$uuid": BUILD_UUID}}})
    mlog("catalog-mongo-0", BUILD_DONE - 0.3, "I", "INDEX", 3856201, "IndexBuildsCoordinatorMongod-1", "Index build: commit quorum satisfied",
         {"indexBuildEntry": {"_id": {"$uuid": BUILD_UUID}, "collectionUUID": {"$uuid": COLL_UUID}, "commitQuorum": "votingMembers", "indexNames": ["tenant_id_1_sku_1_locale_1"],
                              "commitReadyMembers": ["catalog-mongo-0.catalog-mongo.data.svc.cluster.local:27017", "catalog-mongo-1.catalog-mongo.data.svc.cluster.local:27017",
                                                     "catalog-mongo-2.catalog-mongo.data.svc.cluster.local:27017"]}})
    for m, dl in (("catalog-mongo-0", 0.0), ("catalog-mongo-1", 0.4), ("catalog-mongo-2", 0.9)):
        mlog(m, BUILD_DONE + dl, "I", "STORAGE", 20663, "IndexBuildsCoordinatorMongod-1", "Index build: done building",
             {"buildUUID": {"uuid": {"$uuid": BUILD_UUID}}, "collectionUUID": {"uuid": {"$uuid": COLL_UUID}}, "namespace": NS, "index": "tenant_id_1_sku_1_locale_1",
              "ident": "index-1187-%d" % 8172439912345678901, "collectionIdent": "collection-312-8172439912345678901", "commitTimestamp": {"$timestamp": {"t": int(BUILD_DONE), "i": 4}}})
        mlog(m, BUILD_DONE + dl + 0.01, "I", "INDEX", 20447, "IndexBuildsCoordinatorMongod-1", "Index build: completed", {"buildUUID": {"uuid": {"$uuid": BUILD_UUID}}})
    mlog("catalog-mongo-0", BUILD_DONE + 0.02, "I", "COMMAND", 51803, dba, "Slow query", {"type": "command", "ns": "catalog.$cmd", "appName": "mongosh 2.2.5",
         "command": {"createIndexes": "products", "indexes": [props], "commitQuorum": "votingMembers", "$db": "catalog"}, "numYields": 0,
         "reslen": 271, "locks": {}, "remote": "10.8.0.14:52210", "protocol": "op_msg", "durationMillis": int((BUILD_DONE - BUILD_START) * 1000)})
    # feed-importer job (red herring / victim)
    fp = "logs/feed-importer/feed-importer-29084160-h7k2x.log"
    def sb(t, level, logger, msg):
        add(fp, t, "%s %5s 1 --- [           main] %-40s : %s" % (strf(t, "%Y-%m-%dT%H:%M:%S.{ms}Z"), level, logger, msg))
    sb(FEED + 4.1, "INFO", "c.s.feeds.FeedImporterApplication", "Started FeedImporterApplication in 3.912 seconds (process running for 4.8)")
    sb(FEED + 4.3, "INFO", "o.s.b.c.l.support.SimpleJobLauncher", "Job: [SimpleJob: [name=feedImportJob]] launched with the following parameters: [{'run.id':'{value=1745316000, type=class java.lang.Long, identifying=true}'}]")
    sb(FEED + 4.4, "INFO", "o.s.batch.core.job.SimpleStepHandler", "Executing step: [upsertProductsStep]")
    t = FEED + 6
    chunk = 0
    while t < T1:
        chunk += 1
        if degraded(t):
            took = R.uniform(28, 75)
            if R.random() < 0.35:
                t += 30.0
                sb(t, "ERROR", "o.s.batch.core.step.AbstractStep", "Encountered an error executing step upsertProductsStep in job feedImportJob\n" + java_trace(
                    "com.mongodb.MongoSocketReadTimeoutException", "Timeout while receiving message",
                    ["com.mongodb.internal.connection.InternalStreamConnection.translateReadException(InternalStreamConnection.java:700)",
                     "com.mongodb.internal.connection.InternalStreamConnection.receiveMessageWithAdditionalTimeout(InternalStreamConnection.java:578)",
                     "com.mongodb.internal.operation.MixedBulkWriteOperation.executeCommand(MixedBulkWriteOperation.java:430)",
                     "org.springframework.data.mongodb.core.DefaultBulkOperations.execute(DefaultBulkOperations.java:291)",
                     "com.shopzilla.feeds.writer.ProductUpsertWriter.write(ProductUpsertWriter.java:52)"],
                    caused=("java.net.SocketTimeoutException", "Read timed out", ["java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)"], 24)))
                sb(t + 0.2, "WARN", "o.s.b.c.step.item.ChunkMonitor", "Retrying chunk %d (attempt 2/3) after write failure" % chunk)
                t += 5
                continue
            t += took
            sb(t, "WARN", "c.s.feeds.writer.ProductUpsertWriter", "chunk %d: 500 upserts took %d ms (slow)" % (chunk, int(took * 1000)))
            if R.random() < 0.3:
                slow_query(t - 0.01, "conn%d" % R.randrange(48000, 49999), "feed-importer", "10.8.7.%d:%d" % (R.randrange(10, 20), R.randrange(32768, 60999)),
                           {"tenant_id": R.pick(TENANTS), "sku": "%06d" % R.randrange(1, 999999)}, int(took * 1000), "COLLSCAN", 4182113, 0, 0, kind="update")
        else:
            took = R.uniform(1.5, 3.2)
            t += took
            if chunk % 10 == 0:
                sb(t, "INFO", "c.s.feeds.writer.ProductUpsertWriter", "chunk %d: 500 upserts took %d ms" % (chunk, int(took * 1000)))
        if chunk >= 190 and not degraded(t):
            sb(t + 0.3, "INFO", "o.s.batch.core.step.AbstractStep", "Step: [upsertProductsStep] executed in %dm%ds" % ((t - FEED) // 60, (t - FEED) % 60))
            sb(t + 0.4, "INFO", "o.s.b.c.l.support.SimpleJobLauncher", "Job: [SimpleJob: [name=feedImportJob]] completed with the following parameters: [{'run.id':'{value=1745316000, type=class java.lang.Long, identifying=true}'}] and the following status: [COMPLETED] in %dm%ds" % ((t - FEED) // 60, (t - FEED) % 60))
            break
    # catalog-api deploy + rollback start-ups
    for pods, st, ver in ((CAT_PODS_NEW, DEPLOY, "4.12.0"), (CAT_PODS_RB, ROLLBACK, "4.11.3")):
        for i, p in enumerate(pods):
            s0 = st + 8 * i
            ktor(p, s0, "INFO", "c.s.catalog.ApplicationKt", "catalog-api %s starting (build %s)" % (ver, R.hexid(7)), thread="main")
            ktor(p, s0 + 1.2, "INFO", "org.mongodb.driver.client", "MongoClient with metadata {\"driver\": {\"name\": \"mongo-java-driver|sync|kmongo\", \"version\": \"4.11.1\"}, \"os\": {\"type\": \"Linux\", \"name\": \"Linux\", \"architecture\": \"amd64\", \"version\": \"5.15.0-1057-gke\"}, \"platform\": \"Java/Eclipse Adoptium/21.0.2+13-LTS\", \"application\": {\"name\": \"catalog-api\"}} created with settings MongoClientSettings{readPreference=primary, writeConcern=WriteConcern{w=majority, wTimeout=null ms, journal=null}, retryWrites=true, retryReads=true, readConcern=ReadConcern{level=null}, ... applicationName='catalog-api', ...}", thread="main")
            ktor(p, s0 + 1.6, "INFO", "org.mongodb.driver.cluster", "Discovered replica set primary catalog-mongo-0.catalog-mongo.data.svc.cluster.local:27017 with max election id 7fffffff0000000000000031 and max set version 7", thread="cluster-ClusterId{value='%s', description='null'}-catalog-mongo-0.catalog-mongo.data.svc.cluster.local:27017" % R.hexid(24))
            ktor(p, s0 + 2.3, "INFO", "Application", "Responding at http://0.0.0.0:8080", thread="main")
    # nginx error-log noise
    t = T0 + 3
    while t < T1:
        c = R.public_ip()
        if R.random() < 0.6:
            nginx_err(t, "info", "*%d SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: %s, server: 0.0.0.0:443" % (R.randrange(100000, 999999), c))
        else:
            nginx_err(t, "error", "*%d client intended to send too large body: %d bytes, client: %s, server: www.shopzilla.example, request: \"POST /api/reviews/photos HTTP/1.1\", host: \"www.shopzilla.example\"" % (R.randrange(100000, 999999), R.randrange(10485761, 30000000), c))
        t += R.expovariate(1 / 35.0)


if __name__ == "__main__":
    main()
