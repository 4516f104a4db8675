#!/usr/bin/env python3
"""l01: PostgreSQL plan regression after autovacuum ANALYZE on catalog-db.

Story: at 03:02:14 autovacuum finishes an automatic analyze of product_variants; the new
statistics flip the plan of the hot variants lookup to a sequential scan (1.5-6 s instead of
~4 ms). catalog-service (Go, pgx) times out / gets cancelled, storefront-bff (Node) returns
502/504, edge-envoy shows the 5xx. cart-service also fails on catalog lookups. An HPA scale-up
of catalog-service makes it worse (too many clients). A storefront-bff rollout at 03:09 is a
red herring. A DBA raises the column statistics target and re-analyzes at 03:16 -> recovery.
"""
import os
import sys
from l_common import *

SEED = 1101
rng = Rng(SEED)
OUT = Out(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))

T0 = T("2026-02-17T02:40:00Z")
T1 = T("2026-02-17T03:25:00Z")
FAULT = T("2026-02-17T03:02:14.318Z")
HPA = T("2026-02-17T03:05:41Z")
DEPLOY = T("2026-02-17T03:09:20Z")
FIX = T("2026-02-17T03:16:05.402Z")

# ---------------------------------------------------------------- pods
envoy_pods = rng.pods("edge-envoy", 2)
bff_old = rng.pods("storefront-bff", 3)
bff_new = rng.pods("storefront-bff", 3)
cat_pods = rng.pods("catalog-service", 4)
cat_rs = cat_pods[0].split("-")[2]
cat_extra = ["catalog-service-%s-%s" % (cat_rs, rng.k8s(5)) for _ in range(4)]
cart_pods = rng.pods("cart-service", 2)
search_pods = rng.pods("search-service", 2)
rec_pods = rng.pods("recommendation-service", 2)
wish_pods = rng.pods("wishlist-service", 1)
pod_ip = {}
for p in envoy_pods + bff_old + bff_new + cat_pods + cat_extra + cart_pods + search_pods + rec_pods + wish_pods:
    pod_ip[p] = "10.42.%d.%d" % (rng.randint(0, 7), rng.randint(2, 250))
bff_start = {p: DEPLOY + 8 + i * 35 for i, p in enumerate(bff_new)}
bff_stop = {p: DEPLOY + 30 + i * 35 for i, p in enumerate(bff_old)}
cat_start = {p: HPA + 14 + i * 3.1 for i, p in enumerate(cat_extra)}


def bff_alive(t):
    a = [p for p in bff_old if t < bff_stop[p]] + [p for p in bff_new if t >= bff_start[p]]
    return a


def cat_alive(t):
    return cat_pods + [p for p in cat_extra if t >= cat_start[p] + 6]


PG = "logs/catalog-db/catalog-db-0.log"
pg_pid = [48000]


def pgpid():
    pg_pid[0] += rng.randint(1, 40)
    return pg_pid[0]


cat_backends = {}


def backend_for(pod):
    if pod not in cat_backends or rng.random() < 0.004:
        cat_backends[pod] = [pgpid() for _ in range(6)]
    return rng.choice(cat_backends[pod])


VARIANT_SQL = ("SELECT v.id, v.sku, v.price_cents, v.currency, v.stock_qty, v.attrs, p.title FROM product_variants v "
               "JOIN products p ON p.id = v.product_id WHERE v.product_id = ANY($1) AND v.active AND v.region = $2 "
               "ORDER BY v.product_id, v.position")
VARIANT_BY_ID_SQL = ("SELECT v.id, v.sku, v.price_cents, v.currency, v.stock_qty, v.product_id FROM product_variants v "
                     "WHERE v.id = $1 AND v.region = $2 AND v.active")
CATEGORY_SQL = ("SELECT p.id FROM products p JOIN product_categories pc ON pc.product_id = p.id WHERE pc.category_id = $1 "
                "AND p.published ORDER BY pc.rank LIMIT $2 OFFSET $3")


def slow_factor(t):
    if FAULT <= t < FIX:
        return 1
    return 0


def variant_query_ms(t, many=False):
    if slow_factor(t):
        base = rng.lat(3100 if many else 2600, 0.42, lo=900)
        # slightly worse while the extra catalog pods pile on
        if t > HPA + 20:
            base *= 1.15
        return base
    return rng.lat(4.5 if many else 2.1, 0.5, lo=0.6)


# ---------------------------------------------------------------- postgres background
def pg_line(t, pid, ue, level, msg):
    pre = "%s [%d] %s" % (pg_ts(t), pid, (ue + " ") if ue else "")
    OUT.add(PG, t, "%s%s:  %s" % (pre, level, msg))


def pg_block(t, pid, ue, level, msg, extra):
    pre = "%s [%d] %s" % (pg_ts(t), pid, (ue + " ") if ue else "")
    txt = "%s%s:  %s" % (pre, level, msg)
    for e in extra:
        txt += "\n" + e
    OUT.block(PG, t, txt)


def pg_background():
    # checkpoints every 5 minutes
    t = T("2026-02-17T02:39:11.204Z")
    while t < T1:
        pid = 61
        pg_line(t, pid, "", "LOG", "checkpoint starting: time")
        dur = rng.uniform(268, 271)
        bufs = rng.randint(900, 4200)
        pg_line(t + dur, pid, "", "LOG",
                "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=%.3f s, total=%.3f s; sync files=%d, longest=%.3f s, average=%.3f s; distance=%d kB, estimate=%d kB; lsn=2A/%08X, redo lsn=2A/%08X"
                % (bufs, bufs / 1310.72, rng.randint(1, 4), dur - 0.05, rng.uniform(0.003, 0.03), dur,
                   rng.randint(30, 70), rng.uniform(0.001, 0.01), 0.001, rng.randint(30000, 70000),
                   rng.randint(50000, 60000), rng.randint(0, 2**31), rng.randint(0, 2**31)))
        t += 300
    # autovacuum on other tables
    for t in arrivals(rng, T0, T1, 1 / 240.0):
        tbl = rng.choice(["inventory_events", "price_history", "wishlist_items", "product_views", "sessions_audit"])
        pid = pgpid()
        hits, miss = rng.randint(2000, 40000), rng.randint(10, 3000)
        pg_block(t, pid, "", "LOG", 'automatic vacuum of table "catalog.public.%s": index scans: %d' % (tbl, rng.randint(0, 1)), [
            "\tpages: 0 removed, %d remain, %d scanned (%.2f%% of total)" % (rng.randint(8000, 90000), rng.randint(100, 4000), rng.uniform(0.5, 9)),
            "\ttuples: %d removed, %d remain, 0 are dead but not yet removable" % (rng.randint(200, 40000), rng.randint(100000, 9000000)),
            "\tremovable cutoff: %d, which was 1 XIDs old when operation ended" % rng.randint(91000000, 92000000),
            "\tindex scan needed: %d pages from table (%.2f%% of total) had %d dead item identifiers removed" % (rng.randint(10, 900), rng.uniform(0.1, 2), rng.randint(100, 9000)),
            "\tavg read rate: %.3f MB/s, avg write rate: %.3f MB/s" % (rng.uniform(1, 60), rng.uniform(0.1, 9)),
            "\tbuffer usage: %d hits, %d misses, %d dirtied" % (hits, miss, rng.randint(10, 900)),
            "\tWAL usage: %d records, %d full page images, %d bytes" % (rng.randint(100, 9000), rng.randint(0, 400), rng.randint(10000, 9000000)),
            "\tsystem usage: CPU: user: %.2f s, system: %.2f s, elapsed: %.2f s" % (rng.uniform(0, 1), rng.uniform(0, 0.3), rng.uniform(0.1, 4)),
        ])
    # connection churn from cron/report users + psql
    for t in arrivals(rng, T0, T1, 1 / 50.0):
        pid = pgpid()
        host = rng.choice(["10.42.6.31", "10.42.2.118", "10.42.5.77"])
        user, app = rng.choice([("reporting", "metabase"), ("catalog_feed", "feed-exporter"), ("wishlist_svc", "wishlist-service")])
        port = rng.randint(32768, 60999)
        pg_line(t, pid, "", "LOG", "connection received: host=%s port=%d" % (host, port))
        pg_line(t + 0.004, pid, "%s@catalog" % user, "LOG",
                "connection authorized: user=%s database=catalog application_name=%s SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)" % (user, app))
        life = rng.uniform(0.5, 40)
        if user == "reporting" and rng.random() < 0.75:
            d = rng.uniform(600, 2400)
            pg_line(t + 0.01 + d / 1000, pid, "%s@catalog" % user, "LOG",
                    "duration: %.3f ms  execute <unnamed>: SELECT date_trunc('hour', viewed_at) AS h, count(*) FROM product_views WHERE viewed_at > now() - interval '24 hours' GROUP BY 1 ORDER BY 1" % d)
        if rng.random() < 0.12:
            pg_line(t + life, pid, "%s@catalog" % user, "LOG", "could not receive data from client: Connection reset by peer")
        pg_line(t + life + 0.001, pid, "%s@catalog" % user, "LOG",
                "disconnection: session time: 0:00:%06.3f user=%s database=catalog host=%s port=%d" % (life, user, host, port))
    # wishlist duplicate key errors - long-running distractor
    for t in arrivals(rng, T0, T1, 1 / 70.0):
        pid = pgpid()
        uid, vid = rng.randint(100000, 999999), rng.randint(10000, 99999)
        pg_line(t, pid, "wishlist_svc@catalog", "ERROR", 'duplicate key value violates unique constraint "wishlist_items_user_id_variant_id_key"')
        pg_line(t, pid, "wishlist_svc@catalog", "DETAIL", "Key (user_id, variant_id)=(%d, %d) already exists." % (uid, vid))
        pg_line(t, pid, "wishlist_svc@catalog", "STATEMENT", "INSERT INTO wishlist_items (user_id, variant_id, created_at) VALUES ($1, $2, now())")
    # the fault: automatic analyze
    pid = pgpid()
    pg_block(FAULT, pid, "", "LOG", 'automatic analyze of table "catalog.public.product_variants"', [
        "\tI/O timings: read: 1822.117 ms, write: 0.000 ms",
        "\tavg read rate: 41.228 MB/s, avg write rate: 0.000 MB/s",
        "\tbuffer usage: 18817 hits, 12090 misses, 121 dirtied",
        "\tsystem usage: CPU: user: 1.21 s, system: 0.18 s, elapsed: 2.29 s"])
    pg_line(T("2026-02-17T02:47:51.660Z"), pgpid(), "", "LOG", 'automatic analyze of table "catalog.public.price_history"')
    # too many clients after HPA scale-up
    for i in range(14):
        t = HPA + 15 + i * rng.uniform(2, 30)
        pid = pgpid()
        pg_line(t, pid, "", "LOG", "connection received: host=%s port=%d" % (pod_ip[rng.choice(cat_extra)], rng.randint(32768, 60999)))
        pg_line(t + 0.002, pid, "catalog_svc@catalog", "FATAL", "sorry, too many clients already")
    # DBA fix
    pid = pgpid()
    pg_line(FIX - 64, pid, "", "LOG", "connection received: host=10.42.7.14 port=50112")
    pg_line(FIX - 63.9, pid, "postgres@catalog", "LOG", "connection authorized: user=postgres database=catalog application_name=psql SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)")
    pg_line(FIX - 41.2, pid, "postgres@catalog", "LOG", "duration: 1.882 ms  statement: SELECT relname, n_live_tup, last_autoanalyze FROM pg_stat_user_tables WHERE relname = 'product_variants';")
    pg_line(FIX - 6.1, pid, "postgres@catalog", "LOG", "statement: ALTER TABLE product_variants ALTER COLUMN region SET STATISTICS 1000;")
    pg_line(FIX, pid, "postgres@catalog", "LOG", "duration: 3244.913 ms  statement: ANALYZE product_variants;")
    pg_line(FIX + 140, pid, "postgres@catalog", "LOG", "disconnection: session time: 0:03:24.118 user=postgres database=catalog host=10.42.7.14 port=50112")


AUTO_EXPLAIN = """\tQuery Text: {sql}
\tSort  (cost=412877.21..412877.34 rows=52 width=221) (actual time={a:.3f}..{b:.3f} rows={rows} loops=1)
\t  Sort Key: v.product_id, v.position
\t  Sort Method: quicksort  Memory: 31kB
\t  ->  Hash Join  (cost=1.12..412875.73 rows=52 width=221) (actual time={c:.3f}..{a:.3f} rows={rows} loops=1)
\t        Hash Cond: (v.product_id = p.id)
\t        ->  Seq Scan on product_variants v  (cost=0.00..412810.11 rows=5211 width=189) (actual time=0.412..{a:.3f} rows={rows} loops=1)
\t              Filter: (active AND (product_id = ANY ($1)) AND (region = $2))
\t              Rows Removed by Filter: 9182214
\t        ->  Hash  (cost=0.56..0.56 rows=24 width=40) (actual time=0.041..0.041 rows=24 loops=1)
\t              ->  Index Scan using products_pkey on products p  (cost=0.43..0.56 rows=24 width=40) (actual time=0.012..0.033 rows=24 loops=1)
\t                    Index Cond: (id = ANY ($1))"""


def pg_query(t, pod, ms, sql, params, outcome):
    """outcome: ok | cancel | timeout"""
    pid = backend_for(pod)
    ue = "catalog_svc@catalog"
    end = t + ms / 1000.0
    if outcome == "ok":
        if ms >= 1000:
            pg_line(end, pid, ue, "LOG", "duration: %.3f ms  execute stmtcache_%s: %s" % (ms, rng.choice(["7c1e0f2b1a", "19d4a8e2c0", "a81f0c33de"]), sql))
            pg_line(end, pid, ue, "DETAIL", "parameters: %s" % params)
            if ms >= 3000 and rng.random() < 0.12:
                pg_block(end, pid, ue, "LOG", "duration: %.3f ms  plan:" % ms, [AUTO_EXPLAIN.format(sql=sql, a=ms - 2, b=ms - 1.2, c=ms - 30, rows=rng.randint(8, 60))])
    elif outcome == "cancel":
        pg_line(end, pid, ue, "ERROR", "canceling statement due to user request")
        pg_line(end, pid, ue, "STATEMENT", sql)
    elif outcome == "timeout":
        pg_line(end, pid, ue, "ERROR", "canceling statement due to statement timeout")
        pg_line(end, pid, ue, "STATEMENT", sql)


# ---------------------------------------------------------------- catalog-service (zap)
def zap(pod, t, level, caller, msg, **kv):
    d = {"level": level, "ts": round(t, 6), "caller": caller, "msg": msg}
    d.update(kv)
    OUT.add("logs/catalog-service/%s.log" % pod, t, jdump(d))


def catalog_startup(pod, t, version="1.42.0"):
    zap(pod, t, "info", "cmd/catalog/main.go:61", "starting catalog-service", version=version, commit="4f2a9c1", go="go1.23.4")
    zap(pod, t + 0.01, "info", "internal/db/pool.go:44", "pgxpool configured", pool="catalog", host="catalog-db-rw.data.svc.cluster.local:5432",
        database="catalog", user="catalog_svc", max_conns=20, min_conns=4, max_conn_idle_time="30m0s", statement_timeout="5s")
    zap(pod, t + 0.02, "info", "internal/cache/local.go:38", "local product cache initialised", max_cost_mb=256, ttl="2m0s")
    zap(pod, t + 0.21, "info", "cmd/catalog/main.go:98", "http server listening", addr=":8080")
    zap(pod, t + 0.22, "info", "cmd/catalog/main.go:104", "grpc server listening", addr=":9090")


def catalog_request(t, pod, path, route, caller_timeout, many, rid, trace):
    """Returns (status, duration_s, err_text)."""
    cached = (not many) and rng.random() < 0.42
    ip_c = "10.42.%d.%d" % (rng.randint(0, 7), rng.randint(2, 250))
    if cached:
        d = rng.lat(0.0016, 0.5)
        zap(pod, t + d, "info", "internal/http/middleware.go:72", "request", method="GET", path=path, route=route, status=200,
            duration=round(d, 6), bytes=rng.randint(900, 4000), cache="hit", request_id=rid, trace_id=trace, remote=ip_c)
        return 200, d, None
    pre = 0.0
    if many:
        pre = rng.lat(0.003, 0.4)
    # pool exhaustion during the incident
    p_pool = 0.0
    if FAULT + 70 < t < FIX + 3:
        p_pool = 0.05 + 0.25 * ramp(t, FAULT + 70, HPA) - (0.08 if t > HPA + 30 else 0)
    if rng.random() < p_pool:
        wait = min(caller_timeout, 5.0)
        zap(pod, t + wait, "error", "internal/store/variants.go:118", "query product variants failed", pool="catalog",
            error="failed to acquire connection: context deadline exceeded" if caller_timeout > 5 else "failed to acquire connection: context canceled",
            request_id=rid, trace_id=trace)
        st = 503 if caller_timeout > 5 else 499
        zap(pod, t + wait, "info" if st == 499 else "error", "internal/http/middleware.go:72", "request", method="GET", path=path, route=route,
            status=st, duration=round(wait, 6), bytes=0 if st == 499 else 94, cache="miss", request_id=rid, trace_id=trace, remote=ip_c)
        return st, wait, "pool"
    ms = variant_query_ms(t, many)
    sql = VARIANT_SQL if many else VARIANT_BY_ID_SQL
    ids = [rng.randint(10000, 99999) for _ in range(rng.randint(8, 24) if many else 1)]
    params = "$1 = '{%s}', $2 = '%s'" % (",".join(map(str, ids)), rng.choice(["eu", "eu", "uk", "us"])) if many else \
        "$1 = '%d', $2 = '%s'" % (ids[0], rng.choice(["eu", "eu", "uk", "us"]))
    qs = t + pre
    budget = caller_timeout - pre
    if ms / 1000.0 > min(budget, 5.0):
        if budget < 5.0:
            pg_query(qs, pod, budget * 1000, sql, params, "cancel")
            d = caller_timeout + 0.0004
            zap(pod, t + d, "error", "internal/store/variants.go:131", "query product variants failed", pool="catalog",
                error="timeout: context canceled", request_id=rid, trace_id=trace, elapsed=round(d, 3))
            zap(pod, t + d, "info", "internal/http/middleware.go:72", "request", method="GET", path=path, route=route, status=499,
                duration=round(d, 6), bytes=0, cache="miss", request_id=rid, trace_id=trace, remote=ip_c)
            return 499, d, "cancel"
        else:
            pg_query(qs, pod, 5000.4, sql, params, "timeout")
            d = pre + 5.0012
            zap(pod, t + d, "error", "internal/store/variants.go:131", "query product variants failed", pool="catalog",
                error="ERROR: canceling statement due to statement timeout (SQLSTATE 57014)", request_id=rid, trace_id=trace, elapsed=round(d, 3))
            zap(pod, t + d, "error", "internal/http/middleware.go:72", "request", method="GET", path=path, route=route, status=500,
                duration=round(d, 6), bytes=112, cache="miss", request_id=rid, trace_id=trace, remote=ip_c)
            return 500, d, "timeout"
    pg_query(qs, pod, ms, sql, params, "ok")
    d = pre + ms / 1000.0 + rng.lat(0.0009, 0.4)
    if d > 1.0:
        zap(pod, t + d - 0.0002, "warn", "internal/store/variants.go:140", "slow query", pool="catalog", query="variants.by_product_ids" if many else "variants.by_id",
            elapsed=round(ms / 1000.0, 3), threshold="1s", request_id=rid, trace_id=trace)
    zap(pod, t + d, "info", "internal/http/middleware.go:72", "request", method="GET", path=path, route=route, status=200,
        duration=round(d, 6), bytes=rng.randint(1500, 24000), cache="miss", request_id=rid, trace_id=trace, remote=ip_c)
    return 200, d, None


def catalog_periodic():
    for pod in cat_pods:
        t = T0 + rng.uniform(0, 30)
        while t < T1:
            inc = 1 if FAULT < t < FIX else 0
            acq = rng.randint(0, 3) if not inc else rng.randint(14, 20)
            zap(pod, t, "info", "internal/db/stats.go:29", "pool stats", pool="catalog", total_conns=max(acq, rng.randint(4, 8)) if not inc else 20,
                acquired_conns=acq, idle_conns=0 if inc else rng.randint(3, 6), max_conns=20,
                empty_acquire_count=rng.randint(0, 3) + (rng.randint(200, 900) if inc else 0), canceled_acquire_count=(rng.randint(20, 200) if inc else 0))
            t += 60
    for pod in cat_extra:
        catalog_startup(pod, cat_start[pod])
        t = cat_start[pod] + 1.2
        for i in range(3):
            zap(pod, t + i * 2.0, "warn", "internal/db/pool.go:71", "db warmup failed, retrying", pool="catalog",
                error='failed to connect to `user=catalog_svc database=catalog`: 10.96.44.12:5432 (catalog-db-rw.data.svc.cluster.local): server error: FATAL: sorry, too many clients already (SQLSTATE 53300)', attempt=i + 1)
    for pod in cat_pods:
        zap(pod, T0 + rng.uniform(100, 900), "warn", "internal/feeds/google.go:53", "merchant feed upload skipped", reason="feed window closed", next_run="04:00:00Z")


# ---------------------------------------------------------------- storefront-bff (pino)
bff_reqid = {}


def pino(pod, t, level, obj):
    d = {"level": level, "time": epoch_ms(t), "pid": 1 if pod in bff_new else 19, "hostname": pod}
    d.update(obj)
    OUT.add("logs/storefront-bff/%s.log" % pod, t, jdump(d))


def bff_lifecycle():
    for p in bff_old:
        pino(p, T0 + rng.uniform(0, 3), 30, {"msg": "metrics reporter flushed", "series": rng.randint(300, 420)})
        pino(p, bff_stop[p], 30, {"msg": "received SIGTERM, draining connections", "inflight": rng.randint(1, 9)})
        pino(p, bff_stop[p] + 4.8, 30, {"msg": "server closed"})
    for p in bff_new:
        s = bff_start[p]
        pino(p, s, 30, {"msg": "starting storefront-bff", "version": "2026.02.16-3", "node": "v22.13.1", "env": "production"})
        pino(p, s + 0.3, 40, {"msg": "(node:1) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. Please use a userland alternative instead."})
        pino(p, s + 0.9, 30, {"msg": "upstreams configured", "catalog": "http://catalog-service.shop.svc.cluster.local:8080",
                              "cart": "http://cart-service.shop.svc.cluster.local:8080", "search": "http://search-service.shop.svc.cluster.local:8000",
                              "recommendations": "http://recommendation-service.shop.svc.cluster.local:8000", "timeoutMs": 3000})
        pino(p, s + 1.1, 30, {"msg": "server listening", "port": 3000})


def bff_req(pod, t, d, method, url, status, rid, ua, ip):
    n = bff_reqid.get(pod, 0) + 1
    bff_reqid[pod] = n
    pino(pod, t + d, 30 if status < 500 else 50, {
        "req": {"id": rid, "method": method, "url": url,
                "headers": {"host": "shop.example.com", "user-agent": ua, "x-request-id": rid, "x-forwarded-for": ip},
                "remoteAddress": "::ffff:" + rng.choice([pod_ip[e] for e in envoy_pods]), "remotePort": rng.randint(32768, 60999)},
        "res": {"statusCode": status, "headers": {"content-type": "application/json; charset=utf-8", "x-request-id": rid}},
        "responseTime": int(d * 1000), "msg": "request completed"})


NODE_TIMEOUT_STACK = ("TimeoutError: The operation was aborted due to timeout\n"
                      "    at new DOMException (node:internal/per_context/domexception:53:5)\n"
                      "    at AbortSignal.timeout (node:internal/abort_controller:141:14)\n"
                      "    at CatalogClient.get (/app/dist/clients/catalog.js:41:36)\n"
                      "    at async ProductPage.load (/app/dist/routes/product.js:27:21)\n"
                      "    at async /app/dist/server.js:88:9")


def bff_catalog_error(pod, t, rid, what, status, err):
    if err in ("cancel", "pool-cancel"):
        pino(pod, t, 50, {"reqId": rid, "upstream": "catalog-service", "op": what,
                          "err": {"type": "TimeoutError", "message": "The operation was aborted due to timeout", "stack": NODE_TIMEOUT_STACK, "code": 23, "name": "TimeoutError"},
                          "msg": "catalog-service request failed"})
    else:
        pino(pod, t, 50, {"reqId": rid, "upstream": "catalog-service", "op": what, "status": status,
                          "err": {"type": "UpstreamError", "message": "catalog-service responded %d" % status,
                                  "stack": "UpstreamError: catalog-service responded %d\n    at CatalogClient.get (/app/dist/clients/catalog.js:52:13)\n    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)" % status},
                          "msg": "catalog-service request failed"})


# ---------------------------------------------------------------- cart-service (logback json)
def lb(pod, t, level, logger, thread, msg, trace=None, stack=None, **kv):
    d = {"@timestamp": iso(t), "@version": "1", "message": msg, "logger_name": logger, "thread_name": thread, "level": level,
         "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000, "DEBUG": 10000}[level]}
    if trace:
        d["traceId"] = trace
        d["spanId"] = trace[:16]
    d.update(kv)
    if stack:
        d["stack_trace"] = stack
    OUT.add("logs/cart-service/%s.log" % pod, t, jdump(d))


CART_STACK = ("org.springframework.web.client.ResourceAccessException: I/O error on GET request for \"http://catalog-service.shop.svc.cluster.local:8080/v1/variants/{vid}\": Read timed out\n"
              "\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915)\n"
              "\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:895)\n"
              "\tat org.springframework.web.client.RestTemplate.execute(RestTemplate.java:790)\n"
              "\tat org.springframework.web.client.RestTemplate.getForObject(RestTemplate.java:380)\n"
              "\tat com.shop.cart.catalog.CatalogClient.variant(CatalogClient.java:58)\n"
              "\tat com.shop.cart.service.CartService.addItem(CartService.java:104)\n"
              "\tat com.shop.cart.web.CartController.addItem(CartController.java:61)\n"
              "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)\n"
              "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)\n"
              "\tat org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659)\n"
              "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
              "Caused by: java.net.SocketTimeoutException: Read timed out\n"
              "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)\n"
              "\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:304)\n"
              "\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)\n"
              "\tat java.base/java.io.BufferedInputStream.fill(BufferedInputStream.java:291)\n"
              "\tat java.base/sun.net.www.http.HttpClient.parseHTTPHeader(HttpClient.java:825)\n"
              "\t... 47 common frames omitted")
CART_500_STACK = ("org.springframework.web.client.HttpServerErrorException$InternalServerError: 500 Internal Server Error: \"{\"error\":\"internal\",\"detail\":\"variant lookup failed\"}\"\n"
                  "\tat org.springframework.web.client.HttpServerErrorException.create(HttpServerErrorException.java:102)\n"
                  "\tat org.springframework.web.client.DefaultResponseErrorHandler.handleError(DefaultResponseErrorHandler.java:186)\n"
                  "\tat org.springframework.web.client.RestTemplate.handleResponse(RestTemplate.java:942)\n"
                  "\tat com.shop.cart.catalog.CatalogClient.variant(CatalogClient.java:58)\n"
                  "\tat com.shop.cart.service.CartService.addItem(CartService.java:104)\n"
                  "\tat com.shop.cart.web.CartController.addItem(CartController.java:61)\n"
                  "\tat java.base/java.lang.Thread.run(Thread.java:1583)")


def cart_add(t, rid, trace, user):
    pod = rng.choice(cart_pods)
    thread = "http-nio-8080-exec-%d" % rng.randint(1, 200)
    vid = rng.randint(10000, 99999)
    cpod = rng.choice(cat_alive(t))
    d0 = rng.lat(0.004, 0.3)
    st, d, err = catalog_request(t + d0, cpod, "/v1/variants/%d" % vid, "/v1/variants/{id}", 6.0, False, rid, trace)
    if st == 200:
        dd = d0 + d + rng.lat(0.012, 0.4)
        lb(pod, t + dd, "INFO", "com.shop.cart.service.CartService", thread, "Added variant %d x%d to cart %s" % (vid, rng.randint(1, 3), user[:8]), trace,
           cartId=user[:8], userId=user)
        return 200, dd
    dd = d0 + d + 0.002
    if st in (499,) or err == "cancel":
        pass
    if st == 499 or d >= 5.9:
        lb(pod, t + dd, "ERROR", "com.shop.cart.web.ErrorAdvice", thread, "Request POST /v1/carts/items failed", trace, CART_STACK.replace("{vid}", str(vid)), userId=user)
        return 503, dd
    lb(pod, t + dd, "ERROR", "com.shop.cart.web.ErrorAdvice", thread, "Request POST /v1/carts/items failed", trace, CART_500_STACK, userId=user)
    return 502, dd


def cart_background():
    for pod in cart_pods:
        t = T0 + rng.uniform(0, 60)
        while t < T1:
            lb(pod, t, "INFO", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 housekeeper",
               "HikariPool-1 - Pool stats (total=10, active=%d, idle=%d, waiting=0)" % ((lambda a: (a, 10 - a))(rng.randint(0, 2))))
            t += 30
        for t in arrivals(rng, T0, T1, 1 / 400.0):
            lb(pod, t, "WARN", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 housekeeper",
               "HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=%dm%ds%dms)." % (rng.randint(1, 2), rng.randint(0, 59), rng.randint(0, 999)))


# ---------------------------------------------------------------- search-service (structlog)
def slog(pod, t, level, event, **kv):
    d = {"event": event}
    d.update(kv)
    d["level"] = level
    d["logger"] = "search.api"
    d["timestamp"] = iso(t, 6)
    OUT.add("logs/search-service/%s.log" % pod, t, jdump_sp(d))


QUERIES = ["running shoes", "rain jacket", "wool socks", "trail runner", "linen shirt", "kids boots", "yoga mat", "backpack 30l",
           "merino", "down jacket", "sandals", "gift card", "water bottle", "beanie", "gore-tex", "sale", "chelsea boots"]


# ---------------------------------------------------------------- recommendation-service (python logging, noisy)
def rec_background():
    for pod in rec_pods:
        f = "logs/recommendation-service/%s.log" % pod
        for t in arrivals(rng, T0, T1, 0.55):
            r = rng.random()
            if r < 0.45:
                OUT.add(f, t, "%s ERROR [recs.features] feature fetch failed for user=%d: FeatureStoreTimeout('online store p99 budget 35ms exceeded (took %dms)')"
                        % (comma_ts(t), rng.randint(100000, 999999), rng.randint(36, 90)))
            elif r < 0.6:
                OUT.add(f, t, "%s WARNING [recs.model] falling back to popularity model for segment=%s" % (comma_ts(t), rng.choice(["new", "returning", "anon"])))
            elif r < 0.62:
                OUT.add(f, t, "%s WARNING [py.warnings] /usr/local/lib/python3.11/site-packages/sklearn/base.py:376: InconsistentVersionWarning: Trying to unpickle estimator TruncatedSVD from version 1.3.2 when using version 1.5.2. This might lead to breaking code or invalid results. Use at your own risk." % comma_ts(t))
            else:
                OUT.add(f, t, '%s INFO [uvicorn.access] %s:0 - "GET /v1/recs?product_id=%d&k=12 HTTP/1.1" 200' % (comma_ts(t), rng.choice([pod_ip[p] for p in bff_old]), rng.randint(10000, 99999)))


# ---------------------------------------------------------------- wishlist-service (zap)
def wish_background():
    pod = wish_pods[0]
    f = "logs/wishlist-service/%s.log" % pod
    for t in arrivals(rng, T0, T1, 0.12):
        uid = rng.randint(100000, 999999)
        if rng.random() < 0.12:
            OUT.add(f, t, jdump({"level": "warn", "ts": round(t, 6), "caller": "store/pg.go:77", "msg": "wishlist insert conflict, treating as idempotent",
                                 "user_id": uid, "error": 'ERROR: duplicate key value violates unique constraint "wishlist_items_user_id_variant_id_key" (SQLSTATE 23505)'}))
        OUT.add(f, t + 0.004, jdump({"level": "info", "ts": round(t + 0.004, 6), "caller": "http/log.go:31", "msg": "handled",
                                     "method": rng.choice(["GET", "GET", "POST", "DELETE"]), "path": "/v1/wishlist", "status": 200, "user_id": uid,
                                     "latency_ms": round(rng.lat(6, 0.5), 2)}))


# ---------------------------------------------------------------- edge envoy
def envoy(t, d, method, path, status, flags, bsent, rid, ua, ip, upstream, brecv=0):
    pod = envoy_pods[int(rng.random() * 2)]
    line = '[%s] "%s %s HTTP/1.1" %d %s %d %d %d %s "%s" "%s" "%s" "shop.example.com" "%s"' % (
        iso(t), method, path, status, flags, brecv, bsent, int(d * 1000),
        str(max(0, int(d * 1000) - rng.randint(0, 2))) if upstream != "-" else "-", ip, ua, rid, upstream)
    OUT.add("logs/edge-envoy/%s.log" % pod, t + d, line)


# ---------------------------------------------------------------- traffic
def traffic():
    users = [rng.uuid() for _ in range(1400)]
    for t in arrivals(rng, T0, T1, 1.55):
        bffs = bff_alive(t)
        pod = rng.choice(bffs)
        rid = rng.uuid()
        trace = rng.hex(32)
        ua = rng.choice(UA_BROWSER + UA_APP)
        ip = client_ip(rng)
        user = rng.choice(users)
        kind = rng.wchoice([("product", 36), ("category", 18), ("search", 20), ("cart_add", 8), ("cart_get", 10), ("wish", 4), ("home", 4)])
        ups = "%s:3000" % pod_ip[pod]
        hop = rng.lat(0.0012, 0.3)
        if kind == "product":
            pid = rng.randint(1000, 60000)
            url = "/api/products/%d" % pid
            cpod = rng.choice(cat_alive(t))
            st, d, err = catalog_request(t + hop, cpod, "/v1/products/%d" % pid, "/v1/products/{id}", 3.0, False, rid, trace)
            if rng.random() < 0.15:
                pino(pod, t + hop + 0.8, 40, {"reqId": rid, "upstream": "recommendation-service", "msg": "recommendations unavailable, rendering without",
                                               "err": {"type": "TimeoutError", "message": "The operation was aborted due to timeout"}})
            if st == 200:
                total = hop + d + rng.lat(0.006, 0.4)
                bff_req(pod, t, total - hop, "GET", url, 200, rid, ua, ip)
                envoy(t, total + hop, "GET", url, 200, "-", rng.randint(3000, 24000), rid, ua, ip, ups)
            else:
                total = hop + d + 0.002
                bs = 504 if err in ("cancel", "pool") and st == 499 else 502
                bff_catalog_error(pod, t + total - 0.001, rid, "getProduct", st, "cancel" if st == 499 else err)
                bff_req(pod, t, total - hop, "GET", url, bs, rid, ua, ip)
                envoy(t, total + hop, "GET", url, bs, "-", 61 if bs == 502 else 57, rid, ua, ip, ups)
        elif kind == "category":
            slug = rng.choice(["womens-running", "mens-jackets", "accessories", "kids", "sale", "new-in", "hiking", "socks"])
            url = "/api/category/%s?page=%d" % (slug, rng.randint(1, 6))
            cpod = rng.choice(cat_alive(t))
            st, d, err = catalog_request(t + hop, cpod, "/v1/categories/%s/products" % slug, "/v1/categories/{slug}/products", 3.0, True, rid, trace)
            if st == 200:
                total = hop + d + rng.lat(0.01, 0.4)
                bff_req(pod, t, total - hop, "GET", url, 200, rid, ua, ip)
                envoy(t, total + hop, "GET", url, 200, "-", rng.randint(8000, 60000), rid, ua, ip, ups)
            else:
                total = hop + d + 0.002
                bs = 504 if st == 499 else 502
                bff_catalog_error(pod, t + total - 0.001, rid, "listCategory", st, "cancel" if st == 499 else err)
                bff_req(pod, t, total - hop, "GET", url, bs, rid, ua, ip)
                envoy(t, total + hop, "GET", url, bs, "-", 57, rid, ua, ip, ups)
        elif kind == "search":
            q = rng.choice(QUERIES)
            url = "/api/search?q=%s" % q.replace(" ", "+")
            spod = rng.choice(search_pods)
            took = rng.lat(0.035, 0.5)
            slog(spod, t + hop + took, "info", "search executed", query=q, hits=rng.randint(0, 900), took_ms=round(took * 1000, 1),
                 index="products-v12", request_id=rid, trace_id=trace)
            total = hop + took + rng.lat(0.004, 0.3)
            bff_req(pod, t, total - hop, "GET", url, 200, rid, ua, ip)
            envoy(t, total + hop, "GET", url, 200, "-", rng.randint(2000, 30000), rid, ua, ip, ups)
        elif kind == "cart_add":
            url = "/api/cart/items"
            st, d = cart_add(t + hop, rid, trace, user)
            total = hop + d + 0.003
            bs = 200 if st == 200 else 502
            if st != 200:
                pino(pod, t + total - 0.001, 50, {"reqId": rid, "upstream": "cart-service", "status": st, "msg": "cart-service request failed",
                                                   "err": {"type": "UpstreamError", "message": "cart-service responded %d" % st}})
            bff_req(pod, t, total - hop, "POST", url, bs, rid, ua, ip)
            envoy(t, total + hop, "POST", url, bs, "-", 180 if bs == 200 else 61, rid, ua, ip, ups, brecv=rng.randint(60, 140))
        elif kind == "cart_get":
            url = "/api/cart"
            d = rng.lat(0.018, 0.4)
            bff_req(pod, t, d, "GET", url, 200, rid, ua, ip)
            envoy(t, d + hop, "GET", url, 200, "-", rng.randint(400, 5000), rid, ua, ip, ups)
        elif kind == "wish":
            url = "/api/wishlist"
            d = rng.lat(0.012, 0.4)
            bff_req(pod, t, d, "GET", url, 200, rid, ua, ip)
            envoy(t, d + hop, "GET", url, 200, "-", rng.randint(200, 3000), rid, ua, ip, ups)
        else:
            url = "/api/home"
            d = rng.lat(0.03, 0.4)
            bff_req(pod, t, d, "GET", url, 200, rid, ua, ip)
            envoy(t, d + hop, "GET", url, 200, "-", rng.randint(9000, 40000), rid, ua, ip, ups)
    # health checks and bots hitting envoy directly
    for t in arrivals(rng, T0, T1, 0.25):
        envoy(t, 0.0004, "GET", "/ready", 200, "-", 0, rng.uuid(), "kube-probe/1.30", "10.42.0.1", "-")
    for t in arrivals(rng, T0, T1, 0.03):
        envoy(t, 0.0009, "GET", rng.choice(["/wp-login.php", "/.env", "/admin/config.php", "/.git/config"]), 404, "NR", 0, rng.uuid(),
              "Mozilla/5.0 zgrab/0.x", client_ip(rng), "-")


# ---------------------------------------------------------------- kubernetes events
def events():
    rows = []

    def ev(t, typ, reason, obj, msg):
        rows.append((t, "%-24s %-8s %-26s %-58s %s" % (iso_s(t), typ, reason, obj, msg)))

    ev(T0 + 95, "Normal", "SuccessfulCreate", "job/feed-exporter-29522560", "Created pod: feed-exporter-29522560-%s" % rng.k8s(5))
    ev(T0 + 410, "Normal", "Completed", "job/feed-exporter-29522560", "Job completed")
    ev(T0 + 1200, "Warning", "Unhealthy", "pod/%s" % rec_pods[0], "Readiness probe failed: Get \"http://%s:8000/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % pod_ip[rec_pods[0]])
    ev(HPA, "Normal", "SuccessfulRescale", "horizontalpodautoscaler/catalog-service", "New size: 8; reason: pods metric http_server_inflight_requests above target")
    ev(HPA + 0.2, "Normal", "ScalingReplicaSet", "deployment/catalog-service", "Scaled up replica set catalog-service-%s to 8 from 4" % cat_rs)
    for p in cat_extra:
        s = cat_start[p]
        ev(s - 12, "Normal", "Scheduled", "pod/%s" % p, "Successfully assigned shop/%s to ip-10-20-%d-%d.eu-west-1.compute.internal" % (p, rng.randint(1, 9), rng.randint(1, 250)))
        ev(s - 10, "Normal", "Pulled", "pod/%s" % p, 'Container image "registry.example.com/shop/catalog-service:1.42.0" already present on machine')
        ev(s - 9.5, "Normal", "Created", "pod/%s" % p, "Created container catalog-service")
        ev(s - 9.2, "Normal", "Started", "pod/%s" % p, "Started container catalog-service")
        for k in range(rng.randint(2, 5)):
            ev(s + 10 + k * 10, "Warning", "Unhealthy", "pod/%s" % p, "Readiness probe failed: HTTP probe failed with statuscode: 503")
    for p in cat_pods:
        for k in range(rng.randint(3, 8)):
            ev(FAULT + 200 + rng.uniform(0, 700), "Warning", "Unhealthy", "pod/%s" % p, "Readiness probe failed: Get \"http://%s:8080/healthz/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % pod_ip[p])
    new_rs = bff_new[0].split("-")[2]
    old_rs = bff_old[0].split("-")[2]
    ev(DEPLOY, "Normal", "ScalingReplicaSet", "deployment/storefront-bff", "Scaled up replica set storefront-bff-%s to 1" % new_rs)
    for i, p in enumerate(bff_new):
        s = bff_start[p]
        ev(s - 7.5, "Normal", "Scheduled", "pod/%s" % p, "Successfully assigned shop/%s to ip-10-20-%d-%d.eu-west-1.compute.internal" % (p, rng.randint(1, 9), rng.randint(1, 250)))
        ev(s - 7, "Normal", "Pulling", "pod/%s" % p, 'Pulling image "registry.example.com/shop/storefront-bff:2026.02.16-3"')
        ev(s - 2.4, "Normal", "Pulled", "pod/%s" % p, 'Successfully pulled image "registry.example.com/shop/storefront-bff:2026.02.16-3" in 4.512s (4.512s including waiting). Image size: 61828712 bytes.')
        ev(s - 1.9, "Normal", "Created", "pod/%s" % p, "Created container storefront-bff")
        ev(s - 1.7, "Normal", "Started", "pod/%s" % p, "Started container storefront-bff")
        ev(bff_stop[bff_old[i]] - 0.1, "Normal", "ScalingReplicaSet", "deployment/storefront-bff", "Scaled down replica set storefront-bff-%s to %d from %d" % (old_rs, 2 - i, 3 - i))
        ev(bff_stop[bff_old[i]], "Normal", "Killing", "pod/%s" % bff_old[i], "Stopping container storefront-bff")
        if i < 2:
            ev(s + 25, "Normal", "ScalingReplicaSet", "deployment/storefront-bff", "Scaled up replica set storefront-bff-%s to %d from %d" % (new_rs, i + 2, i + 1))
    ev(T1 - 300, "Normal", "SuccessfulRescale", "horizontalpodautoscaler/catalog-service", "New size: 4; reason: All metrics below target")
    rows.sort(key=lambda r: r[0])
    hdr = "%-24s %-8s %-26s %-58s %s" % ("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE")
    OUT.set_raw("logs/k8s/events-shop.txt", hdr + "\n" + "".join(r[1] + "\n" for r in rows))


# ---------------------------------------------------------------- main
for p in cat_pods:
    zap(p, T0 + rng.uniform(0, 20), "info", "internal/cache/local.go:71", "cache stats", hits=rng.randint(100000, 900000), misses=rng.randint(50000, 400000), evictions=rng.randint(0, 900))
pg_background()
catalog_periodic()
bff_lifecycle()
cart_background()
rec_background()
wish_background()
traffic()
events()

truth = {
    "root_cause": {"service": "catalog-db", "fault": "query-plan-regression", "start": iso(FAULT)},
    "propagation": ["catalog-db", "catalog-service", "storefront-bff", "edge-envoy"],
    "affected": ["catalog-db", "catalog-service", "storefront-bff", "edge-envoy", "cart-service"],
    "notes": "autovacuum's automatic ANALYZE of product_variants at 03:02:14 flipped the variants lookup to a sequential scan; "
             "catalog-service queries went from ~3 ms to seconds, were cancelled or hit statement_timeout, storefront-bff and cart-service failed "
             "and edge-envoy served 502/504 until a DBA raised the column statistics target and re-analyzed at 03:16. The HPA scale-up "
             "(too many clients) and the storefront-bff rollout at 03:09 are consequences/red herrings.",
}
topology = [
    ("edge-envoy", "gateway", ["storefront-bff"]),
    ("storefront-bff", "frontend", ["catalog-service", "cart-service", "search-service", "recommendation-service", "wishlist-service"]),
    ("catalog-service", "api", ["catalog-db"]),
    ("cart-service", "api", ["catalog-service"]),
    ("search-service", "api", []),
    ("recommendation-service", "api", []),
    ("wishlist-service", "api", ["catalog-db"]),
    ("catalog-db", "database", []),
]
OUT.write(truth, topology)
