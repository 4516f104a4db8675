#!/usr/bin/env python3
"""Generate the logs/ tree for this case. Standard library only, byte-deterministic."""
import datetime as dt
import json
import os
import random
import shutil

# The set's shared helpers (ids, arrival times, file writers), kept once in g_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "g_common.py")).read())

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
rng = random.Random(140726)
UTC = dt.timezone.utc
PROJECT = "shopfloor-prod"


def E(h, mi, s=0.0):
    return dt.datetime(2026, 7, 14, h, mi, tzinfo=UTC).timestamp() + s


T_START = E(9, 50)
T_END = E(10, 25)
T_UPGRADE = E(9, 58, 31.0)
T_DRAIN = E(10, 1, 2.2)
T_N3_GONE = E(10, 1, 14.8)
T_QUORUM = T_N3_GONE + 1.5
T_BREAKER = T_QUORUM + 61.4
T_N3_BACK = E(10, 11, 5.3)
T_STOREFRONT_DEPLOY = E(9, 59, 12.0)

ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"
POD = "bcdfghjklmnpqrstvwxz2456789"


def podsfx(n=5):
    return "".join(rng.choice(POD) for _ in range(n))


def rfc_ns(t):
    d = dt.datetime.fromtimestamp(t, UTC)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%03dZ" % (d.microsecond, rng.randint(0, 999))


def insert_id():
    return rid(14)


ENTRIES = []


def k8s_entry(t, ns, pod, container, node, app, stream=None, text=None, payload=None, severity=None):
    e = {"insertId": insert_id()}
    if text is not None:
        e["textPayload"] = text
    else:
        e["jsonPayload"] = payload
    e["resource"] = {"type": "k8s_container", "labels": {"project_id": PROJECT, "location": "europe-west1",
                                                          "cluster_name": "prod-euw1", "namespace_name": ns,
                                                          "pod_name": pod, "container_name": container}}
    e["timestamp"] = rfc_ns(t)
    if severity is None:
        severity = "ERROR" if stream == "stderr" else "INFO"
    e["severity"] = severity
    e["labels"] = {"k8s-pod/app": app, "compute.googleapis.com/resource_name": node}
    log_id = stream or "stdout"
    e["logName"] = "projects/%s/logs/%s" % (PROJECT, log_id)
    e["receiveTimestamp"] = rfc_ns(t + rng.uniform(0.4, 3.5))
    ENTRIES.append((t, log_id, e))


# ---------------------------------------------------------------------------------- CockroachDB
CRDB_NODES = {i: {"pod": "cockroachdb-%d" % i, "nid": i + 1, "ip": "10.4.%d.%d" % (i + 2, rng.randint(10, 60)),
                  "gke": "gke-prod-euw1-pool-db-%s-%s" % (hexs(4), podsfx(4)), "ctr": rng.randint(400, 900)}
             for i in range(5)}
CRDB_NODES[2]["gke_new"] = "gke-prod-euw1-pool-db-%s-%s" % (hexs(4), podsfx(4))
RANGES = [(412, '/Table/118/1/"sku-0{4…-5…}"', 88), (413, '/Table/118/1/"sku-0{5…-6…}"', 91),
          (415, '/Table/118/1/"sku-0{6…-7…}"', 73), (418, '/Table/118/1/"sku-0{7…-8…}"', 66),
          (421, '/Table/118/1/"sku-0{8…-9…}"', 80), (433, '/Table/121/{1/"res-7…-2}', 41)]
THIRD = {412: 1, 413: 4, 415: 1, 418: 2, 421: 4, 433: 2}


def crdb(i, t, sev, src, tags, msg, gid=None):
    n = CRDB_NODES[i]
    n["ctr"] += 1
    d = dt.datetime.fromtimestamp(t, UTC)
    line = "%s%s %s.%06d %d %s ⋮ [%s] %d  %s" % (sev, d.strftime("%y%m%d"), d.strftime("%H:%M:%S"), d.microsecond,
                                                  gid or rng.randint(100, 99999), src, tags, n["ctr"], msg)
    node = n.get("gke_new") if (i == 2 and t > T_N3_GONE) else n["gke"]
    k8s_entry(t, "db", n["pod"], "db", node, "cockroachdb", stream="stderr", text=line)


def n_up(nid, t):
    if nid == 3:
        return not (T_N3_GONE <= t < T_N3_BACK)
    if nid == 5:
        return n5_up(t)
    return True


N5_CYCLES = []
t = E(9, 47, 40.0)
while t < T_END:
    up = t + rng.uniform(25, 40)
    N5_CYCLES.append((t, up))
    t = up + 300.0 + rng.uniform(0, 6)


def n5_up(t):
    for s, e in N5_CYCLES:
        if s + 4 <= t < e:
            return True
    return False


def range_unavailable(rng_id, t):
    return T_QUORUM <= t < T_N3_BACK + 2.0 and not n5_up(t)


for s, e in N5_CYCLES:
    if s > T_END:
        break
    crdb(4, s, "I", "1@cli/start.go:1386", "T1,Vsystem,n?", "starting CockroachDB CCL v23.2.9 (x86_64-pc-linux-gnu, "
                                                            "built 2024/08/01 19:02:51, go1.22.5 X:nocoverageredesign)")
    crdb(4, s + 2.1, "I", "3@server/node.go:533", "T1,Vsystem,n5", "initialized store s5")
    crdb(4, s + 3.9, "I", "1@cli/start.go:1197", "T1,Vsystem,n5", "node startup completed:\nCockroachDB node "
                                                                 "starting at 2026-07-14 %s (took 3.8s)" %
         dt.datetime.fromtimestamp(s + 3.9, UTC).strftime("%H:%M:%S.%f"))
    crdb(4, e - 20.0, "W", "3@storage/pebble.go:1269", "T1,Vsystem,n5,s5,pebble",
         "disk slowness detected: write to file ‹/cockroach/cockroach-data/%06d.log› has been ongoing for 10.0s" %
         rng.randint(100000, 999999))
    crdb(4, e, "F", "3@storage/pebble.go:1372", "T1,Vsystem,n5,s5,pebble",
         "file write stall detected: disk stall detected: pebble unable to write to ‹/cockroach/cockroach-data/%06d.log› "
         "in 20.00 seconds" % rng.randint(100000, 999999))
    crdb(4, e + 0.01, "F", "3@storage/pebble.go:1372", "T1,Vsystem,n5,s5,pebble", "!!! This is a fatal error. Exiting.")

for dtt, src, msg in [(0.0, "1@cli/start.go:1024", "received signal 'terminated'"),
                      (0.01, "1@cli/start.go:1115", "initiating graceful shutdown of server"),
                      (0.5, "1@server/drain.go:413", "drain remaining: 41"),
                      (0.52, "1@server/drain.go:415", "drain details: descriptor leases: 12, liveness record: 1, "
                                                       "range lease iterations: 28"),
                      (6.1, "1@server/drain.go:413", "drain remaining: 0"),
                      (12.4, "1@cli/start.go:1155", "server drained and shutdown completed")]:
    crdb(2, T_DRAIN + dtt, "I", src, "T1,Vsystem,n3", msg)
crdb(2, T_N3_BACK - 4.2, "I", "1@cli/start.go:1386", "T1,Vsystem,n?",
     "starting CockroachDB CCL v23.2.9 (x86_64-pc-linux-gnu, built 2024/08/01 19:02:51, go1.22.5 X:nocoverageredesign)")
crdb(2, T_N3_BACK, "I", "1@cli/start.go:1197", "T1,Vsystem,n3",
     "node startup completed:\nCockroachDB node starting at 2026-07-14 %s (took 4.1s)" %
     dt.datetime.fromtimestamp(T_N3_BACK, UTC).strftime("%H:%M:%S.%f"))

for i in (0, 1, 3):
    nid = i + 1
    t = T_START + rng.uniform(0, 10)
    while t < T_END:
        crdb(i, t, "I", "2@server/status/runtime_log.go:47", "T1,Vsystem,n%d" % nid,
             "runtime stats: %.1f GiB RSS, %d goroutines (stacks: %d MiB), %.1f GiB/%.1f GiB/%.1f GiB Go "
             "alloc/idle/total, %.1f GiB/%.1f GiB CGO alloc/total, %.1f CGO/sec, %.1f/%.1f %%(u/s)time, %.1f %%gc "
             "(%dx), %d MiB/%d MiB (r/w)net" % (
                 rng.uniform(9.1, 9.6), rng.randint(1400, 2100), rng.randint(20, 40), rng.uniform(1.4, 2.0),
                 rng.uniform(0.5, 0.9), rng.uniform(2.4, 2.8), rng.uniform(4.0, 4.4), rng.uniform(4.6, 4.9),
                 rng.uniform(4000, 9000), rng.uniform(25, 45), rng.uniform(5, 10), rng.uniform(0.3, 1.0),
                 rng.randint(0, 4), rng.randint(6, 20), rng.randint(5, 16)))
        t += 10.0
    for peer, pnid in ((2, 3), (4, 5)):
        t = T_START + rng.uniform(0, 3)
        while t < T_END:
            if not n_up(pnid, t) and (pnid == 5 or t >= T_N3_GONE):
                err = "connection refused" if pnid == 5 else "i/o timeout"
                crdb(i, t, "W", "2@rpc/nodedialer/nodedialer.go:194", "T1,Vsystem,n%d" % nid,
                     "unable to connect to n%d: failed to connect to n%d at ‹cockroachdb-%d.cockroachdb.db.svc.cluster."
                     "local:26257›: initial connection heartbeat failed: ‹rpc error: code = Unavailable desc = "
                     "connection error: desc = \"transport: Error while dialing: dial tcp %s:26257: %s\"›" % (
                         pnid, pnid, peer, CRDB_NODES[peer]["ip"], "connect: " + err if pnid == 5 else err))
                t += rng.uniform(4.5, 6.5)
            else:
                t += 2.0
    for t in arrivals(T_START, T_END, 1 / 120.0):
        crdb(i, t, "I", "13@kv/kvserver/replicate_queue.go:740", "T1,Vsystem,n%d,replicate,s%d,r%d/%d:‹%s›" % (
            nid, nid, rng.randint(300, 500), rng.randint(1, 3), "/Table/1{18/1/\"sku-1…-20}"),
            "skipping replica: store s5 is suspect, not yet dead (time_until_store_dead 5m0s)")

for rid_, span, gen in RANGES:
    i = THIRD[rid_] - 1
    nid = THIRD[rid_]
    tags = "T1,Vsystem,n%d,s%d,r%d/3:‹%s›" % (nid, nid, rid_, span)
    desc = "r%d:‹%s› [(n3,s3):1, (n5,s5):2, (n%d,s%d):3, next=4, gen=%d]" % (rid_, span, nid, nid, gen)
    tb = T_BREAKER + rng.uniform(-2, 6)
    crdb(i, tb, "W", "kv/kvserver/replica_circuit_breaker.go:175", tags,
         "breaker: tripped with error: replica unavailable: (n%d,s%d):3 unable to serve request to %s: closed "
         "timestamp: %d.%09d,0 (2026-07-14 %s); raft status: {\"id\":\"3\",\"term\":%d,\"vote\":\"3\",\"commit\":%d,"
         "\"lead\":\"0\",\"raftState\":\"StatePreCandidate\",\"applied\":%d,\"progress\":{},\"leadtransferee\":\"0\"}: "
         "have been waiting 61.50s for slow proposal ConditionalPut [‹/Local/Range%s/RangeDescriptor›]" % (
             nid, nid, desc, int(T_QUORUM), rng.randint(0, 999999999),
             dt.datetime.fromtimestamp(T_QUORUM, UTC).strftime("%H:%M:%S.%f"), rng.randint(30, 60),
             rng.randint(100000, 300000), rng.randint(100000, 300000), span.split("{")[0]))
    t = T_QUORUM + 60.0 + rng.uniform(0, 5)
    att = 55
    while t < T_N3_BACK:
        if range_unavailable(rid_, t):
            crdb(i, t, "W", "kv/kvclient/kvcoord/dist_sender.go:1859", "T1,Vsystem,n%d,client=10.4.%d.%d:%d,hostssl,"
                                                                      "user=catalog" % (nid, rng.randint(1, 9),
                                                                                        rng.randint(10, 90),
                                                                                        rng.randint(40000, 60000)),
                 "slow range RPC: have been waiting %.2fs (%d attempts) for RPC Scan [‹%s›,/Min) to %s; resp: "
                 "‹(err: replica unavailable: (n%d,s%d):3 unable to serve request to r%d: lost quorum (down: "
                 "(n3,s3):1,(n5,s5):2))›" % (t - T_QUORUM, att, span.replace("{", "").split("-")[0] + "…", desc, nid,
                                             nid, rid_))
            att += rng.randint(50, 70)
        t += 60.0 + rng.uniform(-1, 1)
    tr = T_N3_BACK + rng.uniform(1.2, 3.0)
    crdb(i, tr, "I", "kv/kvserver/replica_circuit_breaker.go:192", tags, "breaker: reset")

# ---------------------------------------------------------------------------------- catalog-svc (Quarkus text on stdout)
CAT_PODS = [("catalog-svc-7b8d6c9f4-" + podsfx(), "gke-prod-euw1-pool-apps-%s-%s" % (hexs(4), podsfx(4)))
            for _ in range(3)]
CAT_NEW = ("catalog-svc-7b8d6c9f4-" + podsfx(), "gke-prod-euw1-pool-apps-%s-%s" % (hexs(4), podsfx(4)))
T_HPA = E(10, 3, 48.0)


def qts(t):
    d = dt.datetime.fromtimestamp(t, UTC)
    return "%s,%03d" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000)


def cat_pods(t):
    return CAT_PODS + ([CAT_NEW] if t > T_HPA + 40 else [])


JDBC_TIMEOUT = "org.postgresql.util.PSQLException: ERROR: query execution canceled due to statement timeout"
JAVA_FRAMES = [
    "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)",
    "\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2412)",
    "\tat org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:371)",
    "\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:502)",
    "\tat org.postgresql.jdbc.PgPreparedStatement.executeQuery(PgPreparedStatement.java:134)",
    "\tat io.agroal.pool.wrapper.PreparedStatementWrapper.executeQuery(PreparedStatementWrapper.java:78)",
    "\tat com.shopfloor.catalog.stock.StockRepository.levelsFor(StockRepository.java:64)",
    "\tat com.shopfloor.catalog.stock.StockService.availability(StockService.java:41)",
    "\tat com.shopfloor.catalog.api.ProductResource.get(ProductResource.java:57)",
]


def sku():
    return "sku-%05d" % rng.randint(0, 19999)


def hot_sku(s):
    return "sku-04" <= s < "sku-09"


def catalog_get(t, s):
    pod, node = rng.choice(cat_pods(t))
    thread = "executor-thread-%d" % rng.randint(1, 64)
    if hot_sku(s) and range_unavailable(412, t):
        if t < T_BREAKER:
            ms = 5000 + rng.uniform(1, 20)
            err = JDBC_TIMEOUT
        else:
            ms = rng.uniform(3, 15)
            err = ("org.postgresql.util.PSQLException: ERROR: replica unavailable: (n%d,s%d):3 unable to serve request "
                   "to r412:/Table/118/1/\"sku-0{4…-5…}\" [(n3,s3):1, (n5,s5):2, (n1,s1):3, next=4, gen=88]: lost "
                   "quorum (down: (n3,s3):1,(n5,s5):2)" % (1, 1))
        te = t + ms / 1000.0
        k8s_entry(te, "shop", pod, "catalog-svc", node, "catalog-svc",
                  text="%s ERROR [com.sho.cat.sto.StockRepository] (%s) stock lookup failed for %s" % (qts(te), thread, s))
        k8s_entry(te + 0.000011, "shop", pod, "catalog-svc", node, "catalog-svc", text=err)
        for k, fr in enumerate(JAVA_FRAMES):
            k8s_entry(te + 0.000012 * (k + 2), "shop", pod, "catalog-svc", node, "catalog-svc", text=fr)
        k8s_entry(te + 0.001, "shop", pod, "catalog-svc", node, "catalog-svc",
                  text="%s WARN  [io.qua.htt.access-log] (%s) GET /v1/products/%s 503 %dms" % (qts(te + 0.001), thread,
                                                                                           s, ms))
        return 503, ms
    ms = rng.lognormvariate(2.5, 0.5)
    if rng.random() < 0.25:
        k8s_entry(t + ms / 1000.0, "shop", pod, "catalog-svc", node, "catalog-svc",
                  text="%s INFO  [io.qua.htt.access-log] (%s) GET /v1/products/%s 200 %dms" % (
                      qts(t + ms / 1000.0), thread, s, ms))
    return 200, ms


# ---------------------------------------------------------------------------------- order-svc (Go, structured JSON)
ORD_PODS = [("order-svc-5c9f8d7b6-" + podsfx(), "gke-prod-euw1-pool-apps-%s-%s" % (hexs(4), podsfx(4))) for _ in range(2)]


def order_create(t, items):
    pod, node = rng.choice(ORD_PODS)
    oid = "ord_" + rid(12)
    blocked = any(hot_sku(s) for s in items) and (range_unavailable(433, t) or range_unavailable(412, t))
    if blocked:
        if t < T_BREAKER:
            ms = 8000.0 + rng.uniform(1, 30)
            err = "reserve stock: ERROR: query execution canceled due to statement timeout (SQLSTATE 57014)"
        else:
            ms = rng.uniform(4, 20)
            err = ("reserve stock: ERROR: replica unavailable: (n2,s2):3 unable to serve request to "
                   "r433:/Table/121/{1/\"res-7…-2} [(n3,s3):1, (n5,s5):2, (n2,s2):3, next=4, gen=41]: lost quorum "
                   "(down: (n3,s3):1,(n5,s5):2) (SQLSTATE XXUUU)")
        te = t + ms / 1000.0
        k8s_entry(te, "shop", pod, "order-svc", node, "order-svc", severity="ERROR",
                  payload={"message": "create order failed", "order_id": oid, "error": err, "items": len(items),
                           "duration_ms": round(ms, 1), "logging.googleapis.com/trace":
                               "projects/%s/traces/%s" % (PROJECT, hexs(32))})
        return 500, ms
    ms = rng.lognormvariate(3.2, 0.4)
    k8s_entry(t + ms / 1000.0, "shop", pod, "order-svc", node, "order-svc", severity="INFO",
              payload={"message": "order created", "order_id": oid, "items": len(items), "duration_ms": round(ms, 1)})
    return 201, ms


# ---------------------------------------------------------------------------------- storefront-api (Node) + LB
SF_OLD = [("storefront-api-6d9c7f8b5-" + podsfx(), "gke-prod-euw1-pool-apps-%s-%s" % (hexs(4), podsfx(4))) for _ in range(3)]
SF_NEW = [("storefront-api-84f7b6c5d-" + podsfx(), "gke-prod-euw1-pool-apps-%s-%s" % (hexs(4), podsfx(4))) for _ in range(3)]


def sf_pods(t):
    k = int(max(0, min(3, (t - T_STOREFRONT_DEPLOY) / 30.0))) if t > T_STOREFRONT_DEPLOY else 0
    return SF_OLD[k:] + SF_NEW[:k]


def sf_log(t, pod, node, sev, msg, **kv):
    p = {"message": msg, "severity": sev}
    p.update(kv)
    k8s_entry(t, "shop", pod, "storefront-api", node, "storefront-api", severity=sev, payload=p)


LB_BACKEND = "k8s1-9f3c21ab-shop-storefront-api-8080-6d1e4b2a"
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"]


def lb_entry(t, method, url, status, lat, size, details):
    if rng.random() >= 0.5:
        return
    e = {"httpRequest": {"requestMethod": method, "requestUrl": "https://shop.shopfloor.eu" + url,
                         "requestSize": str(rng.randint(300, 1400)), "status": status, "responseSize": str(size),
                         "userAgent": rng.choice(UAS),
                         "remoteIp": "%d.%d.%d.%d" % (rng.choice((31, 62, 78, 85, 91, 195)), rng.randint(0, 255),
                                                      rng.randint(0, 255), rng.randint(1, 254)),
                         "serverIp": "10.4.%d.%d" % (rng.randint(10, 12), rng.randint(2, 250)),
                         "latency": "%.6fs" % lat},
         "insertId": insert_id(),
         "jsonPayload": {"@type": "type.googleapis.com/google.cloud.loadbalancing.type.LoadBalancerLogEntry",
                         "backendTargetProjectNumber": "projects/604218337215", "statusDetails": details,
                         "remoteIp": None},
         "resource": {"type": "http_load_balancer", "labels": {"backend_service_name": LB_BACKEND,
                                                               "forwarding_rule_name": "k8s2-fs-9f3c21ab-shop-shop-ingress-q1w2e3r4",
                                                               "project_id": PROJECT,
                                                               "target_proxy_name": "k8s2-ts-9f3c21ab-shop-shop-ingress-q1w2e3r4",
                                                               "url_map_name": "k8s2-um-9f3c21ab-shop-shop-ingress-q1w2e3r4",
                                                               "zone": "global"}},
         "timestamp": rfc_ns(t), "severity": "INFO" if status < 400 else "WARNING",
         "logName": "projects/%s/logs/requests" % PROJECT, "trace": "projects/%s/traces/%s" % (PROJECT, hexs(32)),
         "receiveTimestamp": rfc_ns(t + rng.uniform(0.5, 4))}
    e["jsonPayload"]["remoteIp"] = e["httpRequest"]["remoteIp"]
    ENTRIES.append((t, "requests", e))


for t in arrivals(T_START, T_END, 2.2):
    pod, node = rng.choice(sf_pods(t))
    x = rng.random()
    if x < 0.5:
        s = sku()
        st, ms = catalog_get(t + 0.002, s)
        ms += rng.uniform(2, 8)
        url = "/api/products/%s" % s
        if st >= 500:
            sf_log(t + ms / 1000.0, pod, node, "ERROR", "upstream catalog-svc failed", path=url, status=st,
                   upstream="http://catalog-svc.shop.svc.cluster.local:8080/v1/products/%s" % s, duration_ms=round(ms, 1))
            status = 502
        else:
            status = 200
        sf_log(t + ms / 1000.0 + 0.0005, pod, node, "INFO" if status < 500 else "WARNING", "request completed",
               method="GET", path=url, status=status, duration_ms=round(ms, 1))
        lb_entry(t + ms / 1000.0 + 0.002, "GET", url, status, ms / 1000.0 + 0.002, 4200 if status == 200 else 180,
                 "response_sent_by_backend")
    elif x < 0.62:
        items = [sku() for _ in range(rng.randint(1, 4))]
        st, ms = order_create(t + 0.002, items)
        ms += rng.uniform(2, 8)
        status = 201 if st < 500 else 502
        if ms > 30000:
            status = 502
        if st >= 500:
            sf_log(t + ms / 1000.0, pod, node, "ERROR", "upstream order-svc failed", path="/api/checkout", status=st,
                   upstream="http://order-svc.shop.svc.cluster.local:8080/v1/orders", duration_ms=round(ms, 1))
        sf_log(t + ms / 1000.0 + 0.0005, pod, node, "INFO" if status < 500 else "WARNING", "request completed",
               method="POST", path="/api/checkout", status=status, duration_ms=round(ms, 1))
        lb_entry(t + ms / 1000.0 + 0.002, "POST", "/api/checkout", status, ms / 1000.0 + 0.002,
                 900 if status == 201 else 180, "response_sent_by_backend")
    else:
        url = rng.choice(["/api/cart", "/api/session", "/api/categories/%d" % rng.randint(1, 80),
                          "/api/search?q=%s" % rng.choice(["desk", "lamp", "sofa", "mug", "rug"])])
        ms = rng.lognormvariate(2.3, 0.5)
        if rng.random() < 0.3:
            sf_log(t + ms / 1000.0, pod, node, "INFO", "request completed", method="GET", path=url, status=200,
                   duration_ms=round(ms, 1))
        lb_entry(t + ms / 1000.0 + 0.002, "GET", url, 200, ms / 1000.0 + 0.002, rng.randint(300, 9000),
                 "response_sent_by_backend")

for i, (pod, node) in enumerate(SF_NEW):
    ts = T_STOREFRONT_DEPLOY + 30 * i - 6
    sf_log(ts, pod, node, "INFO", "storefront-api 5.31.0 listening on :8080", version="5.31.0", node_env="production")
    sf_log(ts + 0.2, pod, node, "WARNING", "DEPRECATION: option `legacyCartMerge` will be removed in 6.0")
for i, (pod, node) in enumerate(SF_OLD):
    sf_log(T_STOREFRONT_DEPLOY + 30 * (i + 1) + 0.5, pod, node, "INFO", "SIGTERM received, closing server")
for t in arrivals(T_START, T_END, 1 / 45.0):
    pod, node = rng.choice(sf_pods(t))
    sf_log(t, pod, node, "WARNING", "recommendations timeout, serving fallback", upstream="recs-svc", timeout_ms=300)
k8s_entry(T_HPA + 38, "shop", CAT_NEW[0], "catalog-svc", CAT_NEW[1], "catalog-svc",
          text="%s INFO  [io.quarkus] (main) catalog-svc 3.14.2 on JVM (powered by Quarkus 3.11.1) started in 4.117s. "
               "Listening on: http://0.0.0.0:8080" % qts(T_HPA + 38))

ENTRIES.append((T_UPGRADE, "cloudaudit.googleapis.com%2Factivity", {
    "protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog", "status": {},
                     "authenticationInfo": {"principalEmail": "platform-ci@shopfloor-prod.iam.gserviceaccount.com"},
                     "requestMetadata": {"callerIp": "34.78.112.19", "callerSuppliedUserAgent": "terraform/1.9.2 "
                                                                                             "(+https://www.terraform.io) "
                                                                                             "Terraform-Plugin-SDK/2.33.0 "
                                                                                             "terraform-provider-google/5.36.0"},
                     "serviceName": "container.googleapis.com",
                     "methodName": "google.container.v1.ClusterManager.UpdateNodePool",
                     "resourceName": "projects/shopfloor-prod/locations/europe-west1/clusters/prod-euw1/nodePools/pool-db",
                     "request": {"@type": "type.googleapis.com/google.container.v1.UpdateNodePoolRequest",
                                 "nodeVersion": "1.29.6-gke.1038001", "imageType": "COS_CONTAINERD",
                                 "upgradeSettings": {"maxSurge": 1, "maxUnavailable": 0, "strategy": "SURGE"}}},
    "insertId": insert_id(),
    "resource": {"type": "gke_nodepool", "labels": {"project_id": PROJECT, "location": "europe-west1",
                                                   "cluster_name": "prod-euw1", "nodepool_name": "pool-db"}},
    "timestamp": rfc_ns(T_UPGRADE), "severity": "NOTICE",
    "logName": "projects/%s/logs/cloudaudit.googleapis.com%%2Factivity" % PROJECT,
    "operation": {"id": "operation-%d-%s" % (int(T_UPGRADE * 1000), hexs(8)), "producer": "container.googleapis.com",
                  "first": True},
    "receiveTimestamp": rfc_ns(T_UPGRADE + 0.9)}))

# ---------------------------------------------------------------------------------- write (GCS sink layout)
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)

files = {}
for t, log_id, e in sorted(ENTRIES, key=lambda x: x[0]):
    d = dt.datetime.fromtimestamp(t, UTC)
    key = (log_id, d.strftime("%Y/%m/%d"), d.hour)
    files.setdefault(key, []).append(e)
for (log_id, day, hour), ents in sorted(files.items()):
    path = os.path.join(OUT, "gcs-sink", log_id, day, "%02d:00:00_%02d:59:59_S0.json" % (hour, hour))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    batch = []
    out = []
    for e in ents:
        batch.append(e)
        if len(batch) >= rng.randint(20, 60):
            rng.shuffle(batch)
            out.extend(batch)
            batch = []
    rng.shuffle(batch)
    out.extend(batch)
    with open(path, "wb") as f:
        for e in out:
            f.write((json.dumps(e, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8"))
