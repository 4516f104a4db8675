#!/usr/bin/env python3
"""f02: Elasticsearch data node lost -> shards recover onto two nodes -> heap pressure -> parent circuit breaker trips."""
import datetime as dt
import gzip
import json
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
R = random.Random(4202)
UTC = dt.timezone.utc
T0 = dt.datetime(2026, 4, 21, 7, 0, 0, tzinfo=UTC)
T_END = dt.datetime(2026, 4, 21, 7, 35, 0, tzinfo=UTC)
T_LEFT = dt.datetime(2026, 4, 21, 7, 16, 41, 307000, tzinfo=UTC)
T_RECOV = T_LEFT + dt.timedelta(seconds=60)
T_BREAK = dt.datetime(2026, 4, 21, 7, 19, 4, 880000, tzinfo=UTC)
T_CALM = dt.datetime(2026, 4, 21, 7, 31, 10, 0, tzinfo=UTC)  # recovery throttled by on-call, breaker trips fade
CEST = dt.timezone(dt.timedelta(hours=2))
files = {}


def emit(path, t, line):
    files.setdefault(path, []).append((t, line))


def hexid(n, alpha="0123456789abcdef"):
    return "".join(R.choice(alpha) for _ in range(n))


B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
CLUSTER_UUID = hexid(22, B64)
NODES = {"es-catalog-master-0": ("10.4.1.5", "m"), "es-catalog-data-0": ("10.4.1.10", "cdhilrstw"),
         "es-catalog-data-1": ("10.4.1.11", "cdhilrstw"), "es-catalog-data-2": ("10.4.1.12", "cdhilrstw")}
NODE_ID = {n: hexid(22, B64) for n in NODES}


def es(node, t, lvl, logger, thread, msg):
    # ES 8 ECS layout, byte-for-byte quirks (space after some colons)
    ts = t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
    line = ('{"@timestamp":"%s", "log.level":%s"%s", "message":%s, "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server",'
            '"process.thread.name":"%s","log.logger":"%s","elasticsearch.cluster.uuid":"%s","elasticsearch.node.id":"%s","elasticsearch.node.name":"%s","elasticsearch.cluster.name":"catalog"}'
            % (ts, " " * (5 - len(lvl)) if len(lvl) < 5 else " ", lvl, json.dumps(msg), thread, logger, CLUSTER_UUID, NODE_ID[node], node))
    emit("catalog-es/%s/catalog_server.json" % node, t, line)


def node_desc(n):
    ip, roles = NODES[n]
    return "{%s}{%s}{%s}{%s}{%s}{%s:9300}{%s}" % (n, NODE_ID[n], hexid(22, B64), n, ip, ip, roles)


def gclog(node, t, msg):
    emit("catalog-es/%s/gc.log" % node, t, "[%s+0000][%d][gc] %s" % (t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % (t.microsecond // 1000), 88, msg))


def heap_at(node, t):
    """heap used in GB on a data node"""
    base = 15.8 + 2.0 * R.random()
    if node == "es-catalog-data-0":
        return base
    if t < T_RECOV:
        return base
    ramp = min(1.0, (t - T_RECOV).total_seconds() / 85.0)
    if t > T_CALM:
        ramp = max(0.35, 1.0 - (t - T_CALM).total_seconds() / 200.0)
    return base + ramp * (12.6 - 2.0 * R.random() * 0.3)


# ---- cluster background and event sequence
gcn = {n: R.randint(30000, 40000) for n in NODES}
for n in NODES:
    es(n, T0 + dt.timedelta(seconds=R.uniform(5, 30)), "WARN", "org.elasticsearch.cluster.metadata.MetadataIndexTemplateService",
       "elasticsearch[%s][masterService#updateTask][T#1]" % n, "index template [catalog-legacy] has index patterns [products-*] matching patterns from existing composable templates [products] with patterns (products => [products-v*]); this template [catalog-legacy] may be ignored in favor of a composable template at index creation time") if n == "es-catalog-master-0" else None
    t = T0 + dt.timedelta(seconds=R.uniform(0, 4))
    end = T_LEFT if n == "es-catalog-data-0" else T_END
    while t < end:
        if n != "es-catalog-master-0":
            h = heap_at(n, t)
            gcn[n] += 1
            pause = R.uniform(8, 40) if h < 25 else R.uniform(150, 900)
            kind = "Pause Young (Normal) (G1 Evacuation Pause)" if h < 28.5 or R.random() < 0.6 else "Pause Young (Concurrent Start) (G1 Humongous Allocation)"
            before = int(h * 1024)
            after = int(before - (R.uniform(1500, 5000) if h < 25 else R.uniform(80, 600)))
            gclog(n, t, "GC(%d) %s %dM->%dM(31744M) %.3fms" % (gcn[n], kind, before, after, pause))
            step = R.uniform(3.5, 8.0) if h < 25 else R.uniform(0.6, 1.8)
            if h >= 27.5 and R.random() < 0.35:
                es(n, t + dt.timedelta(milliseconds=3), "WARN", "org.elasticsearch.monitor.jvm.JvmGcMonitorService", "elasticsearch[%s][scheduler][T#1]" % n,
                   "[gc][%d] overhead, spent [%.1fs] collecting in the last [%.1fs]" % (int((t - T0).total_seconds()) + 88211, pause / 1000 + R.uniform(0.2, 0.6), R.uniform(1.0, 1.6)))
            t += dt.timedelta(seconds=step)
        else:
            t += dt.timedelta(seconds=60)
for k in range(6):
    es("es-catalog-master-0", T0 + dt.timedelta(minutes=1 + k * 2.6, seconds=R.uniform(0, 9)), "INFO", "org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor",
       "elasticsearch[es-catalog-master-0][management][T#2]", "low disk watermark [85%%] exceeded on [%s][es-catalog-data-0][/usr/share/elasticsearch/data] free: %.1fgb[14.%d%%], replicas will not be assigned to this node" % (NODE_ID["es-catalog-data-0"], 104.0 + R.random(), R.randint(1, 8)))
# master: node-left, yellow, delayed allocation, recoveries
m = "es-catalog-master-0"
es(m, T_LEFT, "INFO", "org.elasticsearch.cluster.service.MasterService", "elasticsearch[%s][masterService#updateTask][T#1]" % m,
   "node-left[%s reason: disconnected], term: 14, version: 88123, delta: removed {%s}" % (node_desc("es-catalog-data-0"), node_desc("es-catalog-data-0")))
es(m, T_LEFT + dt.timedelta(milliseconds=41), "INFO", "org.elasticsearch.cluster.service.ClusterApplierService", "elasticsearch[%s][clusterApplierService#updateTask][T#1]" % m,
   "removed {%s}, term: 14, version: 88123, reason: Publication{term=14, version=88123}" % node_desc("es-catalog-data-0"))
es(m, T_LEFT + dt.timedelta(milliseconds=77), "INFO", "org.elasticsearch.cluster.routing.allocation.AllocationService", "elasticsearch[%s][masterService#updateTask][T#1]" % m,
   "Cluster health status changed from [GREEN] to [YELLOW] (reason: [{es-catalog-data-0}{%s} reason: disconnected])." % NODE_ID["es-catalog-data-0"])
es(m, T_LEFT + dt.timedelta(milliseconds=80), "INFO", "org.elasticsearch.cluster.routing.DelayedAllocationService", "elasticsearch[%s][masterService#updateTask][T#1]" % m,
   "scheduling reroute for delayed shards in [59.7s] (41 delayed shards)")
for n in ("es-catalog-data-1", "es-catalog-data-2"):
    es(n, T_LEFT + dt.timedelta(milliseconds=60), "INFO", "org.elasticsearch.cluster.service.ClusterApplierService", "elasticsearch[%s][clusterApplierService#updateTask][T#1]" % n,
       "removed {%s}, term: 14, version: 88123, reason: ApplyCommitRequest{term=14, version=88123, sourceNode=%s}" % (node_desc("es-catalog-data-0"), node_desc(m)))
    es(n, T_LEFT + dt.timedelta(seconds=0.9), "WARN", "org.elasticsearch.cluster.NodeConnectionsService",
       "elasticsearch[%s][generic][T#4]" % n, "failed to connect to %s (tried [1] times)" % node_desc("es-catalog-data-0"))
shard = 0
tr = T_RECOV + dt.timedelta(seconds=0.4)
while tr < T_END and shard < 41:
    tgt = "es-catalog-data-1" if shard % 2 else "es-catalog-data-2"
    src = "es-catalog-data-2" if shard % 2 else "es-catalog-data-1"
    dur = R.uniform(40, 140)
    idx = "products-v12" if shard < 24 else "product-suggest-v3"
    es(tgt, tr + dt.timedelta(seconds=dur), "INFO", "org.elasticsearch.indices.recovery.PeerRecoveryTargetService",
       "elasticsearch[%s][generic][T#%d]" % (tgt, R.randint(1, 9)),
       "[%s][%d] recovery of [%s][%d] from [%s] completed in [%.1fs], files [%d] (%.1fgb), ops [%d]" % (idx, shard % 24, idx, shard % 24, node_desc(src), dur, R.randint(40, 90), R.uniform(3, 9), R.randint(1000, 90000)))
    tr += dt.timedelta(seconds=R.uniform(12, 30))
    shard += 1
# breaker G1 strategy messages (sparse, the node rarely says more)
for n in ("es-catalog-data-1", "es-catalog-data-2"):
    t = T_BREAK - dt.timedelta(seconds=R.uniform(2, 6))
    while t < T_CALM + dt.timedelta(seconds=60):
        before = R.randint(32600000000, 33400000000)
        es(n, t, "INFO", "org.elasticsearch.indices.breaker.HierarchyCircuitBreakerService", "elasticsearch[%s][search][T#%d]" % (n, R.randint(1, 13)),
           "attempting to trigger G1GC due to high heap usage [%d]" % before)
        ok = R.random() < 0.3
        es(n, t + dt.timedelta(milliseconds=R.randint(40, 120)), "INFO", "org.elasticsearch.indices.breaker.HierarchyCircuitBreakerService", "elasticsearch[%s][search][T#%d]" % (n, R.randint(1, 13)),
           "GC %s bring memory usage down, before [%d], after [%d], allocations [%d], duration [%d]" % ("did" if ok else "did not", before, before - (R.randint(900000000, 2000000000) if ok else R.randint(1000000, 90000000)), R.randint(1, 40), R.randint(20, 140)))
        t += dt.timedelta(seconds=R.uniform(25, 70))
es(m, T_CALM - dt.timedelta(seconds=20), "INFO", "org.elasticsearch.common.settings.ClusterSettings", "elasticsearch[%s][clusterApplierService#updateTask][T#1]" % m,
   "updating [indices.recovery.max_bytes_per_sec] from [200mb] to [40mb]")
es(m, T_CALM - dt.timedelta(seconds=19.9), "INFO", "org.elasticsearch.common.settings.ClusterSettings", "elasticsearch[%s][clusterApplierService#updateTask][T#1]" % m,
   "updating [cluster.routing.allocation.node_concurrent_recoveries] from [4] to [1]")


def breaker_msg(node, t):
    h = heap_at(node, t)
    return ("[parent] Data too large, data for [<http_request>] would be [%d/%.1fgb], which is larger than the limit of [31621696716/29.4gb], real usage: [%d/%.1fgb], new bytes reserved: [%d/%s], usages [model_inference=0/0b, inflight_requests=%d/%.1fkb, request=%d/%.1fmb, fielddata=1503221480/1.3gb, eql_sequence=0/0b]"
            % (int(h * 1.0737e9) + 20480, h + 0.02, int(h * 1.0737e9), h, 20480, "20kb", R.randint(20000, 90000), R.uniform(20, 90), R.randint(10000000, 90000000), R.uniform(10, 90)))


def tripping(t):
    if t < T_BREAK:
        return 0.0
    if t < T_BREAK + dt.timedelta(seconds=40):
        return 0.3
    if t < T_CALM:
        return 0.62
    return max(0.0, 0.62 - (t - T_CALM).total_seconds() / 150.0)


# ---- search-api (python logging, shipped to Loki, exported with logcli --forward)
SAPODS = ["search-api-6f7d9c8b4-2mq8k", "search-api-6f7d9c8b4-x7c2w", "search-api-6f7d9c8b4-hn5rt"]
BFFPODS = ["product-bff-59d8b7c6d-bt4jz", "product-bff-59d8b7c6d-wq9sl"]
sa_lines = []   # (t, pod, line)
bff_lines = []


def pyts(t):
    return t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000)


TRACE_HEAD = ["Traceback (most recent call last):",
              '  File "/app/search_api/routes.py", line 88, in search',
              '    resp = await es.search(index="products", query=q, aggs=facets, size=24, request_timeout=2.0)',
              '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
              '  File "/usr/local/lib/python3.12/site-packages/elasticsearch/_async/client/__init__.py", line 4121, in search',
              '    return await self.perform_request(  # type: ignore[return-value]',
              '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^',
              '  File "/usr/local/lib/python3.12/site-packages/elasticsearch/_async/client/_base.py", line 271, in perform_request',
              '    response = await self._perform_request(',
              '               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
              '  File "/usr/local/lib/python3.12/site-packages/elasticsearch/_async/client/_base.py", line 352, in _perform_request',
              '    raise HTTP_EXCEPTIONS.get(meta.status, ApiError)(']

t = T0
while t < T_END:
    t += dt.timedelta(seconds=R.expovariate(3.0))
    pod = R.choice(SAPODS)
    bpod = R.choice(BFFPODS)
    path = R.choice(["/v1/search", "/v1/search", "/v1/search", "/v1/suggest", "/v1/search/facets"])
    q = R.choice(["rain jacket", "trail shoes", "wool socks", "tent 2p", "headlamp", "merino", "gaiters", "stove", "down vest", "kids boots"])
    h = heap_at("es-catalog-data-1", t)
    es_ms = R.uniform(6, 40) if h < 25 else R.uniform(180, 1400)
    status = 200
    tp = tripping(t)
    te = t + dt.timedelta(milliseconds=es_ms)
    if R.random() < tp:
        node = R.choice(["es-catalog-data-1", "es-catalog-data-2"])
        msg = breaker_msg(node, t)
        sa_lines.append((te, pod, "%s INFO [elastic_transport.transport] POST https://catalog-es-http.search.svc:9200/products/_search [status:429 duration:%.3fs]" % (pyts(te), es_ms / 1000)))
        sa_lines.append((te + dt.timedelta(microseconds=300), pod, "%s ERROR [search_api.routes] search failed path=%s q=%r" % (pyts(te), path, q)))
        for k, ln in enumerate(TRACE_HEAD + ["elasticsearch.ApiError: ApiError(429, 'circuit_breaking_exception', %r)" % msg]):
            sa_lines.append((te + dt.timedelta(microseconds=300 + k), pod, ln))
        status = 503
    elif es_ms > 1000 and R.random() < 0.5:
        te = t + dt.timedelta(seconds=2.0)
        sa_lines.append((te, pod, "%s WARNING [elastic_transport.node_pool] Node <AiohttpHttpNode(https://catalog-es-http.search.svc:9200)> has failed for 1 times in a row, putting on 1 second timeout" % pyts(te)))
        sa_lines.append((te + dt.timedelta(microseconds=200), pod, "%s ERROR [search_api.routes] search timed out path=%s q=%r: ConnectionTimeout('Connection timed out')" % (pyts(te), path, q)))
        status = 504
    else:
        sa_lines.append((te, pod, "%s INFO [elastic_transport.transport] POST https://catalog-es-http.search.svc:9200/products/_search [status:200 duration:%.3fs]" % (pyts(te), es_ms / 1000)))
    done = te + dt.timedelta(milliseconds=R.uniform(1, 4))
    sa_lines.append((done, pod, '%s INFO [uvicorn.access] 10.60.%d.%d:%d - "GET %s?q=%s HTTP/1.1" %d' % (pyts(done), R.randint(0, 3), R.randint(2, 250), R.randint(30000, 60000), path, q.replace(" ", "+"), status)))
    # product-bff (go slog JSON)
    bt = done + dt.timedelta(milliseconds=R.uniform(0.5, 2))
    rid = hexid(16)
    if status != 200:
        bff_lines.append((bt, bpod, json.dumps({"time": bt.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d" % bt.microsecond + "%03dZ" % R.randint(0, 999), "level": "ERROR",
                                                 "msg": "upstream request failed", "req_id": rid, "upstream": "search-api", "url": "http://search-api.catalog.svc.cluster.local:8000%s" % path,
                                                 "status": status, "err": "search-api: unexpected status %d" % status}, separators=(",", ":"))))
    code = 200 if status == 200 else 502
    bff_lines.append((bt + dt.timedelta(microseconds=100), bpod, json.dumps({"time": bt.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d" % bt.microsecond + "%03dZ" % R.randint(0, 999),
                      "level": "INFO" if code == 200 else "WARN", "msg": "request", "method": "GET", "path": "/api" + path, "status": code,
                      "duration_ms": round((bt - t).total_seconds() * 1000 + 3, 1), "req_id": rid}, separators=(",", ":"))))
    # cloudfront edge
    ct = bt + dt.timedelta(milliseconds=R.uniform(2, 15))
    ip = "%d.%d.%d.%d" % (R.randint(24, 220), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
    cfid = hexid(56, B64[:62]) + "=="
    emit("storefront-cdn/cloudfront/E2QWRUHAPOMQZL.%s.%s.gz" % (ct.strftime("%Y-%m-%d-%H"), "a7c3f1e9" if ct.minute < 30 else "c02d88b1"), ct,
         "\t".join([ct.strftime("%Y-%m-%d"), ct.strftime("%H:%M:%S"), R.choice(["AMS54-P2", "FRA56-P5", "LHR62-C2", "CDG52-P1"]),
                    str(R.randint(900, 14000) if code == 200 else 498), ip, "GET", "d1x8kq2m4z7p9n.cloudfront.net", "/api" + path, str(code), "https://www.tarnhollow.com/",
                    "Mozilla/5.0%20(Macintosh;%20Intel%20Mac%20OS%20X%2010_15_7)%20AppleWebKit/605.1.15%20(KHTML,%20like%20Gecko)%20Version/17.4%20Safari/605.1.15",
                    "q=" + q.replace(" ", "%2B"), "-", "Miss" if code == 200 else "Error", cfid, "www.tarnhollow.com", "https", str(R.randint(300, 900)),
                    "%.3f" % ((ct - t).total_seconds() + 0.004), "-", "TLSv1.3", "TLS_AES_128_GCM_SHA256", "Miss" if code == 200 else "Error", "HTTP/2.0", "-", "-",
                    str(R.randint(30000, 65000)), "%.3f" % ((ct - t).total_seconds()), "Miss" if code == 200 else "Error", "application/json", "-", "-", "-"]))

# ---- catalog-indexer (go slog text), steady bulk indexing; pre-existing mapping errors
t = T0 + dt.timedelta(seconds=2)
batch = 88000
while t < T_END:
    batch += 1
    tp = tripping(t)
    if R.random() < tp:
        n = R.choice(["es-catalog-data-1", "es-catalog-data-2"])
        emit("catalog-indexer/catalog-indexer-0.log", t, 'time=%s level=WARN msg="bulk request rejected" index=products-v12 batch=%d items=500 status=429 err="circuit_breaking_exception: %s"'
             % (t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000), batch, breaker_msg(n, t).replace('"', "'")))
        emit("catalog-indexer/catalog-indexer-0.log", t + dt.timedelta(milliseconds=1), 'time=%s level=INFO msg="retrying bulk" batch=%d attempt=%d backoff=%s'
             % ((t + dt.timedelta(milliseconds=1)).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % ((t.microsecond // 1000 + 1) % 1000), batch, R.randint(1, 5), R.choice(["2s", "4s", "8s"])))
    else:
        failed = 0
        if R.random() < 0.07:
            failed = R.randint(1, 3)
            emit("catalog-indexer/catalog-indexer-0.log", t, 'time=%s level=ERROR msg="document rejected" index=products-v12 sku=%s err="mapper_parsing_exception: failed to parse field [dimensions.weight_g] of type [float] in document with id \'%s\'. Preview of field\'s value: \'n/a\'"'
                 % (t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000), "TH-%06d" % R.randint(0, 999999), "TH-%06d" % R.randint(0, 999999)))
        emit("catalog-indexer/catalog-indexer-0.log", t + dt.timedelta(milliseconds=2), 'time=%s level=INFO msg="bulk indexed" index=products-v12 batch=%d items=500 failed=%d took_ms=%d'
             % ((t + dt.timedelta(milliseconds=2)).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % ((t + dt.timedelta(milliseconds=2)).microsecond // 1000), batch, failed, R.randint(60, 240) if heap_at("es-catalog-data-1", t) < 25 else R.randint(900, 4000)))
    t += dt.timedelta(seconds=R.uniform(3, 6))

# red herring: product-bff rolled out at 07:05
T_DEP = dt.datetime(2026, 4, 21, 7, 5, 12, tzinfo=UTC)
for i, pod in enumerate(BFFPODS):
    tt = T_DEP + dt.timedelta(seconds=i * 35)
    bff_lines.append((tt, pod, json.dumps({"time": tt.strftime("%Y-%m-%dT%H:%M:%S.%f") + "000Z", "level": "INFO", "msg": "starting product-bff", "version": "2026.04.21-1", "commit": "9e1c4a7", "go": "go1.22.2"}, separators=(",", ":"))))
    bff_lines.append((tt + dt.timedelta(seconds=1), pod, json.dumps({"time": (tt + dt.timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%f") + "000Z", "level": "WARN", "msg": "config key deprecated", "key": "SEARCH_TIMEOUT_MS", "use": "UPSTREAM_SEARCH_TIMEOUT"}, separators=(",", ":"))))


def logcli(lines, app, ns, container, backward):
    out = []
    for t, pod, line in lines:
        lbl = '{app="%s", container="%s", namespace="%s", pod="%s"}' % (app, container, ns, pod)
        out.append((t, "%s %s %s" % (t.astimezone(CEST).strftime("%Y-%m-%dT%H:%M:%S%z")[:-2] + ":" + t.astimezone(CEST).strftime("%z")[-2:], lbl, line)))
    out.sort(key=lambda x: x[0], reverse=backward)
    return [x[1] for x in out]


if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(os.path.join(OUT, "loki-export"))
with open(os.path.join(OUT, "loki-export", "search-api_2026-04-21_0900-0935_CEST.txt"), "w", encoding="utf-8", newline="\n") as f:
    for ln in logcli(sa_lines, "search-api", "catalog", "search-api", False):
        f.write(ln + "\n")
with open(os.path.join(OUT, "loki-export", "product-bff_2026-04-21_0900-0935_CEST.txt"), "w", encoding="utf-8", newline="\n") as f:
    for ln in logcli(bff_lines, "product-bff", "storefront", "product-bff", True):
        f.write(ln + "\n")
for path in sorted(files):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    rows = [x[1] for x in sorted(files[path], key=lambda x: x[0])]
    if path.endswith(".gz"):
        body = "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end\n"
        body += "".join(r + "\n" for r in rows)
        with open(full, "wb") as f:
            f.write(gzip.compress(body.encode("utf-8"), mtime=0))
    else:
        with open(full, "w", encoding="utf-8", newline="\n") as f:
            for r in rows:
                f.write(r + "\n")
