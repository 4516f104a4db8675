#!/usr/bin/env python3
"""Generator for incident case e07-opensearch-disk-flood-stage (standard library only, deterministic)."""
SEED = 4707
import os, json, gzip, shutil, random, math
from datetime import datetime, timezone, timedelta

# The set's shared helpers (output sink, time formats, random shapes), kept once in e_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "e_common.py")).read())

# ======================================================================== case
# e07: a search slowlog threshold of 0ms fills the (small) disk of opensearch-data-2; flood-stage
# watermark puts every index with a shard there read-only; all writers fail with 429.

T_BEGIN = ep(2025, 10, 2, 3, 10, 0)
T_END = ep(2025, 10, 2, 3, 42, 0)
T_SET = ep(2025, 10, 2, 3, 12, 40, 118)       # slowlog trace threshold 0ms on products / products-v2
T_LOW = ep(2025, 10, 2, 3, 19, 4, 220)
T_HIGH = T_LOW + 240.0
T_FLOOD = T_LOW + 510.0
T_REVERT = ep(2025, 10, 2, 3, 36, 2, 40)      # settings reverted
T_RM = ep(2025, 10, 2, 3, 36, 31, 0)          # slowlogs deleted
T_RELEASE = ep(2025, 10, 2, 3, 36, 44, 301)   # block released
T_MDEPLOY = ep(2025, 10, 2, 3, 24, 30, 0)     # red herring: merchant-api deploy

NODEID = {"opensearch-master-0": "mQ7fT2cXRkWb0pL9vY3sHg", "opensearch-data-0": "Dk2pV9qLTm6xY1sZcR0eWa",
          "opensearch-data-1": "Hs5bN8wQPe3uJ7kLm2zXoB", "opensearch-data-2": "Xq3Zk2sGQ0yR1d8vHxT7bA"}
NODEIP = {"opensearch-master-0": "10.60.1.21", "opensearch-data-0": "10.60.1.37", "opensearch-data-1": "10.60.3.12", "opensearch-data-2": "10.60.2.44"}
IDX = {"products": "4xTq9LmZR2yWc8VnB1sKpA", "products-v2": "Zr8sLq2XTk5pYw0NbC3vMe", "search-queries-2025.10": "Wp1eRt6YUi9oPa3SdF5gHj"}

PODS = {}
PODIP = {}


def mk(svc, n, rs):
    PODS[svc] = [podname(svc, rs) for _ in range(n)]
    for p in PODS[svc]:
        PODIP[p] = "10.60.%d.%d" % (R.randint(0, 7), R.randint(2, 250))


mk("merchant-gateway", 2, "6b8c9d7f5")
mk("merchant-api", 2, "7c9d5f8b6")
MAPI_NEW = [podname("merchant-api", "9d7b6c5f8") for _ in range(2)]
for p in MAPI_NEW:
    PODIP[p] = "10.60.%d.%d" % (R.randint(0, 7), R.randint(2, 250))
mk("product-admin-api", 3, "5f8b7c6d9")
mk("search-api", 2, "6d9c8b7f4")
mk("storefront-bff", 2, "7b5c9d6f8")

BLOCK_ERR = ("cluster_block_exception: index [%s] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, "
             "index has read-only-allow-delete block];")


def blocked(t):
    return T_FLOOD + 0.2 <= t < T_RELEASE


DISK_PTS = [(T_BEGIN, 81.9), (T_SET, 82.0), (T_LOW, 85.02), (T_HIGH, 90.03), (T_FLOOD, 95.01), (T_RM, 97.4), (T_RM + 20, 82.6), (T_END, 82.6)]


def disk_pct(t):
    # opensearch-data-2: 199.9gb disk
    for (a0, v0), (a1, v1) in zip(DISK_PTS, DISK_PTS[1:]):
        if a0 <= t <= a1:
            return v0 + (v1 - v0) * (t - a0) / (a1 - a0)
    return DISK_PTS[-1][1]


# ------------------------------------------------------------------ formatters
def osl(node, t, level, logger, msg):
    d = dt(t)
    emit("opensearch/%s/catalog-search.log" % node, t, "[%s,%03d][%-5s][%s] [%s] %s" % (
        d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond // 1000, level, logger, node, msg))


def zl(pod, t, level, msg, **kv):
    d = {"level": level, "app": "product-admin-api"}
    d.update(kv)
    d["time"] = iso_ms(t)
    d["message"] = msg
    emit("product-admin-api/%s.log" % pod, t, json.dumps(d, separators=(",", ":")))


def symfony(pod, t, chan, level, msg, ctx):
    d = dt(t)
    emit("merchant-api/%s.log" % pod, t, "[%s.%06d+00:00] %s.%s: %s %s []" % (d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond, chan, level, msg, json.dumps(ctx, separators=(",", ":")).replace("/", "\\/")))


def envoy_json(pod, t, method, path, status, flags, ms, up, upms, rid):
    d = {"start_time": iso_ms(t), "method": method, "path": path, "protocol": "HTTP/1.1", "response_code": status, "response_flags": flags,
         "bytes_received": R.randint(0, 4000) if method != "GET" else 0, "bytes_sent": R.randint(100, 30000) if status < 400 else R.randint(90, 300),
         "duration": int(ms), "upstream_service_time": str(int(upms)) if upms is not None else None, "x_forwarded_for": client_ip(),
         "user_agent": R.choice(["MerchantPortal/3.2 (web)", "merchant-sync/1.8 (+https://partners.shoplane.example)", "python-requests/2.32.3"]),
         "request_id": rid, "authority": "merchant-api.shoplane.example", "upstream_host": up, "upstream_cluster": "merchant-api_merchant_8080"}
    emit("merchant-gateway/%s/access.log" % pod, t + ms / 1000.0, json.dumps(d, separators=(",", ":")))


def spark(path, t, level, cls, msg):
    d = dt(t)
    emit(path, t, "%s %s %s: %s" % (d.strftime("%y/%m/%d %H:%M:%S"), level, cls, msg))


def airflow(path, t, src, level, msg):
    d = dt(t)
    emit(path, t, "[%s UTC] {%s} %s - %s" % (d.strftime("%Y-%m-%d, %H:%M:%S"), src, level, msg))


def envlog(pod, t, level, target, msg):
    emit("search-api/%s.log" % pod, t, "[%s %-5s %s] %s" % (iso_s(t), level, target, msg))


# ------------------------------------------------------------------ OpenSearch cluster logs
M = "opensearch-master-0"
D2 = "opensearch-data-2"
for node in NODEID:
    if node == M:
        continue
    osl(node, T_SET + 0.02 + R.random() * 0.05, "INFO", "o.o.c.s.IndexScopedSettings", "[products] updating [index.search.slowlog.threshold.query.trace] from [-1] to [0ms]")
    osl(node, T_SET + 0.03 + R.random() * 0.05, "INFO", "o.o.c.s.IndexScopedSettings", "[products-v2] updating [index.search.slowlog.threshold.query.trace] from [-1] to [0ms]")
    osl(node, T_REVERT + 0.02 + R.random() * 0.05, "INFO", "o.o.c.s.IndexScopedSettings", "[products] updating [index.search.slowlog.threshold.query.trace] from [0ms] to [-1]")
    osl(node, T_REVERT + 0.03 + R.random() * 0.05, "INFO", "o.o.c.s.IndexScopedSettings", "[products-v2] updating [index.search.slowlog.threshold.query.trace] from [0ms] to [-1]")
osl(M, T_SET - 0.01, "INFO", "o.o.c.m.MetadataUpdateSettingsService", "updating settings for indices [[products/%s], [products-v2/%s]]" % (IDX["products"], IDX["products-v2"]))
osl(M, T_REVERT - 0.01, "INFO", "o.o.c.m.MetadataUpdateSettingsService", "updating settings for indices [[products/%s], [products-v2/%s]]" % (IDX["products"], IDX["products-v2"]))


def free_str(p):
    free = 199.9 * (100.0 - p) / 100.0
    return "free: %.1fgb[%.1f%%]" % (free, 100.0 - p)


path2 = "[/usr/share/opensearch/data/nodes/0]"
t = T_LOW
while t < T_RM + 5:
    p = disk_pct(t)
    nid = "[%s][%s]%s" % (NODEID[D2], D2, path2)
    if p >= 95.0:
        osl(M, t, "WARN", "o.o.c.r.a.DiskThresholdMonitor", "flood stage disk watermark [95%%] exceeded on %s %s, all indices on this node will be marked read-only" % (nid, free_str(p)))
    elif p >= 90.0:
        osl(M, t, "WARN", "o.o.c.r.a.DiskThresholdMonitor", "high disk watermark [90%%] exceeded on %s %s, shards will be relocated away from this node; currently relocating away shards totalling [%d] bytes; the node is expected to continue to exceed the high disk watermark when these relocations are complete" % (nid, free_str(p), R.choice([0, 0, 5312288113])))
    elif p >= 85.0:
        osl(M, t, "INFO", "o.o.c.r.a.DiskThresholdMonitor", "low disk watermark [85%%] exceeded on %s %s, replicas will not be assigned to this node" % (nid, free_str(p)))
    t += 30.0
osl(M, T_FLOOD + 0.01, "INFO", "o.o.c.m.MetadataIndexStateService", "adding block read_only_allow_delete to indices [[products/%s], [products-v2/%s], [search-queries-2025.10/%s]]" % (IDX["products"], IDX["products-v2"], IDX["search-queries-2025.10"]))
osl(M, T_FLOOD + 0.1, "INFO", "o.o.c.m.MetadataIndexStateService", "completed adding block read_only_allow_delete to indices [[products/%s], [products-v2/%s], [search-queries-2025.10/%s]]" % (IDX["products"], IDX["products-v2"], IDX["search-queries-2025.10"]))
osl(M, T_HIGH + 31.0, "INFO", "o.o.c.r.a.AllocationService", "Cluster health status changed from [GREEN] to [YELLOW] (reason: [shards started [[products-v2][3]]]).")
osl(M, T_HIGH + 31.5, "INFO", "o.o.c.r.a.AllocationService", "Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[products-v2][3]]]).")
osl(M, T_RELEASE, "INFO", "o.o.c.r.a.DiskThresholdMonitor", "releasing read-only-allow-delete block on indices: [[products/%s], [products-v2/%s], [search-queries-2025.10/%s]] since they are now allocated to nodes with sufficient disk space" % (IDX["products"], IDX["products-v2"], IDX["search-queries-2025.10"]))
osl(M, T_RELEASE + 0.05, "INFO", "o.o.c.m.MetadataIndexStateService", "removing block read_only_allow_delete from indices [[products/%s], [products-v2/%s], [search-queries-2025.10/%s]]" % (IDX["products"], IDX["products-v2"], IDX["search-queries-2025.10"]))
# data-2 writes rejected by the block are logged at DEBUG only; the node itself logs the relocation and a few translog warnings
osl(D2, T_HIGH + 2.2, "INFO", "o.o.i.r.PeerRecoverySourceService", "[products-v2][3] starting recovery to {opensearch-data-0}{%s}{10.60.1.37}" % NODEID["opensearch-data-0"])
osl(D2, T_HIGH + 30.9, "INFO", "o.o.i.r.PeerRecoverySourceService", "[products-v2][3] finished recovery to {opensearch-data-0}")
# unrelated, pre-existing: GC pressure on data-1
t = T_BEGIN + 40
while t < T_END:
    osl("opensearch-data-1", t, "WARN", "o.o.m.j.JvmGcMonitorService", "[gc][%d] overhead, spent [%dms] collecting in the last [%.1fs]" % (int(t) % 10000000, R.randint(520, 900), 1.0 + R.random() * 0.3))
    if R.random() < 0.3:
        osl("opensearch-data-1", t + 0.001, "INFO", "o.o.m.j.JvmGcMonitorService", "[gc][%d] overhead, spent [%dms] collecting in the last [%.1fs]" % (int(t) % 10000000 + 1, R.randint(250, 499), 1.0 + R.random() * 0.3))
    t += lat(110, 0.5)
# periodic cluster-manager noise
t = T_BEGIN + 17
while t < T_END:
    if not blocked(t):
        osl(M, t, "INFO", "o.o.c.m.MetadataMappingService", "[search-queries-2025.10/%s] update_mapping [_doc]" % IDX["search-queries-2025.10"])
    t += lat(240, 0.4)
t = T_BEGIN + 4
while t < T_END:
    osl(M, t, "INFO", "o.o.j.s.JobSweeper", "Running full sweep")
    t += 300

# allocation snapshot taken by the on-call
emit("opensearch/cat-allocation-0332Z.txt", 0, "\n".join([
    "$ curl -s 'https://catalog-search.search.svc:9200/_cat/allocation?v' (2025-10-02T03:32:40Z)",
    "shards disk.indices disk.used disk.avail disk.total disk.percent host       ip         node",
    "    41       71.2gb   121.4gb    378.5gb    499.9gb           24 10.60.1.37 10.60.1.37 opensearch-data-0",
    "    41       70.9gb   129.8gb    370.1gb    499.9gb           25 10.60.3.12 10.60.3.12 opensearch-data-1",
    "    37       62.0gb   190.7gb      9.2gb    199.9gb           95 10.60.2.44 10.60.2.44 opensearch-data-2",
    "",
    "$ du -sh /usr/share/opensearch/logs/* (opensearch-data-2)",
    "31G\t/usr/share/opensearch/logs/catalog-search_index_search_slowlog.log",
    "4.1G\t/usr/share/opensearch/logs/catalog-search_index_search_slowlog-2025-10-02-1.json.gz",
    "212M\t/usr/share/opensearch/logs/catalog-search.log",
    "18M\t/usr/share/opensearch/logs/catalog-search_deprecation.log"]))

# ------------------------------------------------------------------ product-admin-api + merchant-api + gateway
def index_doc(t, pod, idx, pid, rid):
    """sync write with refresh=wait_for; go client retries 429 three times"""
    ms = lat(18, 0.35)
    if not blocked(t):
        return True, ms
    for a in range(3):
        ms += lat(3, 0.3) + [100, 200, 400][a]
    zl(pod, t + ms / 1000.0, "error", "index product failed", request_id=rid, product_id=pid, index=idx,
       error="opensearch: [429 Too Many Requests] {\"error\":{\"root_cause\":[{\"type\":\"cluster_block_exception\",\"reason\":\"index [%s] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];\"}],\"type\":\"cluster_block_exception\",\"reason\":\"index [%s] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];\"},\"status\":429}" % (idx, idx),
       host="https://catalog-search.search.svc:9200", attempts=4)
    return False, ms


def product_admin(t, method, path, rid, pid):
    pod = R.choice(PODS["product-admin-api"])
    ms = lat(6, 0.3)
    status = 200
    if method in ("PUT", "PATCH"):
        ms += lat(8, 0.3)   # postgres tx
        ok, m = index_doc(t + ms / 1000.0, pod, "products", pid, rid)
        ms += m
        if not ok:
            zl(pod, t + ms / 1000.0 + 0.0002, "warn", "transaction rolled back", request_id=rid, product_id=pid, reason="search index write failed")
            status = 503
        elif R.random() < 0.01:
            zl(pod, t + ms / 1000.0, "warn", "version conflict, client should refetch", request_id=rid, product_id=pid, status=409)
            status = 409
    else:
        ms += lat(9, 0.4)
    zl(pod, t + ms / 1000.0, "info", "http", request_id=rid, method=method, path=path, status=status, duration_ms=round(ms, 2))
    return status, ms


def mapi_pods(t):
    return PODS["merchant-api"] if t < T_MDEPLOY + 20 else MAPI_NEW


def merchant(t, kind, rid):
    pod = R.choice(mapi_pods(t))
    ms = lat(11, 0.3)
    pid = "P%08d" % R.randint(10 ** 7, 10 ** 8 - 1)
    mid = "M%05d" % R.randint(10000, 99999)
    if kind == "update":
        method, path = "PUT", "/api/v2/products/%s" % pid
        st, m = product_admin(t + ms / 1000.0, "PUT", "/internal/products/%s" % pid, rid, pid)
    elif kind == "price":
        method, path = "PATCH", "/api/v2/products/%s/price" % pid
        st, m = product_admin(t + ms / 1000.0, "PATCH", "/internal/products/%s/price" % pid, rid, pid)
    elif kind == "list":
        method, path = "GET", "/api/v2/products?page=%d" % R.randint(1, 40)
        st, m = product_admin(t + ms / 1000.0, "GET", "/internal/products?merchant=%s" % mid, rid, pid)
    else:
        method, path = "GET", "/api/v2/orders?status=open"
        st, m = 200, lat(25, 0.4)
    ms += m
    if st >= 500:
        symfony(pod, t + ms / 1000.0, "app", "ERROR", "Product update failed: product-admin-api returned 503 Service Unavailable",
                {"merchant": mid, "product": pid, "url": "http://product-admin-api.catalog.svc.cluster.local:8080/internal/products/%s" % pid, "request_id": rid})
        symfony(pod, t + ms / 1000.0 + 0.0003, "request", "CRITICAL", "Uncaught PHP Exception Symfony\\Component\\HttpKernel\\Exception\\ServiceUnavailableHttpException: \"Catalog is temporarily read-only\" at /srv/app/src/Controller/ProductController.php line 142",
                {"exception": "[object] (Symfony\\Component\\HttpKernel\\Exception\\ServiceUnavailableHttpException(code: 0): Catalog is temporarily read-only at /srv/app/src/Controller/ProductController.php:142)"})
    else:
        symfony(pod, t + ms / 1000.0, "request", "INFO", "Matched route \"%s\"." % {"update": "product_update", "price": "product_price", "list": "product_list", "orders": "order_list"}[kind],
                {"route": {"update": "product_update", "price": "product_price", "list": "product_list", "orders": "order_list"}[kind], "request_uri": "https://merchant-api.shoplane.example" + path, "method": method})
    return method, path, st, ms, pod


def rate(t):
    return 2.6 + 0.4 * math.sin((t - T_BEGIN) / 300.0)


for t in arrivals(T_BEGIN, T_END, rate):
    rid = uuidish()
    kind = wchoice([("update", 30), ("price", 22), ("list", 33), ("orders", 15)])
    method, path, st, ms, mpod = merchant(t + 0.001, kind, rid)
    envoy_json(R.choice(PODS["merchant-gateway"]), t, method, path, st, "-", ms + 0.8, "%s:8080" % PODIP[mpod], ms, rid)

# merchant-api red herring rollout (Symfony cache warmup, a few deprecations)
for k, p in enumerate(MAPI_NEW):
    tt = T_MDEPLOY + k * 9
    symfony(p, tt, "php", "INFO", "Symfony 6.4.12 kernel booted (env=prod, debug=false) release=merchant-api@2025.10.01-3", {})
    symfony(p, tt + 0.4, "cache", "INFO", "Cache warmup completed in 1.84s", {"pools": 7})
    symfony(p, tt + 0.5, "php", "WARNING", "User Deprecated: Since doctrine/doctrine-bundle 2.11: Not setting \"doctrine.orm.controller_resolver.auto_mapping\" to false is deprecated.", {})

# ------------------------------------------------------------------ search-api (reads keep working)
for t in arrivals(T_BEGIN, T_END, lambda t: 1.6):
    pod = R.choice(PODS["search-api"])
    ms = lat(24, 0.4)
    q = R.choice(["sneakers", "desk+lamp", "usb-c+hub", "yoga+mat", "coffee+grinder", "rain+jacket", "kids+bike"])
    envlog(pod, t + ms / 1000.0, "INFO", "search_api::http", "GET /v1/search?q=%s 200 hits=%d took=%dms" % (q, R.randint(0, 900), ms))
    bp = R.choice(PODS["storefront-bff"])
    tb = t - 0.003
    emit("storefront-bff/%s.log" % bp, tb + (ms + 9) / 1000.0, '%s [%s] "GET /search?q=%s&page=1 HTTP/1.1" 200 %d "https://www.shoplane.example/" "%s"' % (
        client_ip(), clf(tb), q, R.randint(4000, 40000), R.choice(UAS)))
for pod in PODS["search-api"]:
    t = T_BEGIN + 30
    while t < T_END:
        if blocked(t):
            envlog(pod, t, "WARN", "search_api::analytics", "query log flush failed (will drop 512 events): 429 cluster_block_exception index [search-queries-2025.10] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block]")
        t += 30

# ------------------------------------------------------------------ catalog-indexer (Spark structured streaming driver)
SP_DRIVERS = []
run_start = T_BEGIN - 3 * 3600
drv = "catalog-indexer-driver-%s" % hexid(8)
cur_path = "catalog-indexer/%s/driver.log" % drv
qid = uuidish()
batch = 88211
stage = 1400
t = T_BEGIN + 7.3
restart_at = None
while t < T_END:
    if blocked(t):
        # the micro-batch fails after 4 task attempts
        runid = uuidish()
        stage += 1
        for a in range(4):
            tid = R.randint(10 ** 5, 10 ** 6)
            spark(cur_path, t + 1.5 + a * 1.1, "WARN", "TaskSetManager",
                  "Lost task 3.%d in stage %d.0 (TID %d) (10.60.5.%d executor %d): org.opensearch.hadoop.rest.OpenSearchHadoopException: Could not write all entries for bulk operation [500/500]. Error sample (first [5] error messages):\n"
                  "\torg.opensearch.hadoop.rest.OpenSearchHadoopRemoteException: %s\n"
                  "\torg.opensearch.hadoop.rest.OpenSearchHadoopRemoteException: %s\n"
                  "\t...\n"
                  "Bailing out...\n"
                  "\tat org.opensearch.hadoop.rest.bulk.BulkProcessor.flush(BulkProcessor.java:520)\n"
                  "\tat org.opensearch.hadoop.rest.RestRepository.flush(RestRepository.java:238)\n"
                  "\tat org.opensearch.spark.sql.OpenSearchDataFrameWriter.write(OpenSearchSparkSQL.scala:114)\n"
                  "\tat org.apache.spark.scheduler.ResultTask.runTask(ResultTask.scala:93)\n"
                  "\tat org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:620)\n"
                  "\tat java.base/java.lang.Thread.run(Thread.java:840)" % (a, stage, tid, R.randint(2, 250), R.randint(1, 4), BLOCK_ERR % "products", BLOCK_ERR % "products"))
        te = t + 1.5 + 4 * 1.1
        spark(cur_path, te, "ERROR", "TaskSetManager", "Task 3 in stage %d.0 failed 4 times; aborting job" % stage)
        spark(cur_path, te + 0.05, "ERROR", "MicroBatchExecution",
              "Query catalog-indexer [id = %s, runId = %s] terminated with error\n"
              "org.apache.spark.SparkException: Job aborted due to stage failure: Task 3 in stage %d.0 failed 4 times, most recent failure: Lost task 3.3 in stage %d.0: org.opensearch.hadoop.rest.OpenSearchHadoopException: Could not write all entries for bulk operation [500/500]. Error sample (first [5] error messages):\n"
              "\torg.opensearch.hadoop.rest.OpenSearchHadoopRemoteException: %s\n"
              "\tat org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:2856)\n"
              "\tat org.apache.spark.scheduler.DAGScheduler.$anonfun$abortStage$2(DAGScheduler.scala:2792)\n"
              "\tat org.apache.spark.sql.execution.streaming.MicroBatchExecution.runBatch(MicroBatchExecution.scala:732)\n"
              "\tat org.apache.spark.sql.execution.streaming.StreamExecution.$anonfun$runStream$1(StreamExecution.scala:286)\n"
              "\tat org.apache.spark.sql.execution.streaming.StreamExecution$$anon$1.run(StreamExecution.scala:209)" % (qid, runid, stage, stage, BLOCK_ERR % "products"))
        spark(cur_path, te + 0.3, "INFO", "SparkContext", "Invoking stop() from shutdown hook")
        spark(cur_path, te + 0.9, "INFO", "SparkContext", "Successfully stopped SparkContext")
        # spark-operator restarts the application with a new driver after backoff
        t = te + 25.0 + R.random() * 5
        drv = "catalog-indexer-driver-%s" % hexid(8)
        cur_path = "catalog-indexer/%s/driver.log" % drv
        spark(cur_path, t, "INFO", "SparkContext", "Running Spark version 3.5.1")
        spark(cur_path, t + 0.4, "INFO", "SparkContext", "Submitted application: catalog-indexer")
        spark(cur_path, t + 6.2, "INFO", "MicroBatchExecution", "Resuming at batch %d with committed offsets {KafkaV2[Subscribe[catalog.cdc.products]]: {\"catalog.cdc.products\":{\"0\":%d,\"1\":%d,\"2\":%d}}} and available offsets" % (
            batch, R.randint(10 ** 8, 10 ** 9), R.randint(10 ** 8, 10 ** 9), R.randint(10 ** 8, 10 ** 9)))
        t += 8.0
        continue
    rows = R.randint(300, 1400)
    prog = {"id": qid, "runId": uuidish(), "name": "catalog-indexer", "timestamp": iso_ms(t), "batchId": batch, "numInputRows": rows,
            "inputRowsPerSecond": round(rows / 30.0, 3), "processedRowsPerSecond": round(rows / lat(2.1, 0.2), 3),
            "durationMs": {"addBatch": R.randint(900, 2600), "getBatch": 0, "latestOffset": R.randint(3, 20), "queryPlanning": R.randint(8, 40), "triggerExecution": R.randint(1100, 2900), "walCommit": R.randint(15, 60)},
            "stateOperators": [], "sources": [{"description": "KafkaV2[Subscribe[catalog.cdc.products]]", "numInputRows": rows}],
            "sink": {"description": "org.opensearch.spark.sql.OpenSearchSparkSQL@%s" % hexid(8), "numOutputRows": -1}}
    spark(cur_path, t + 2.5, "INFO", "MicroBatchExecution", "Streaming query made progress: " + json.dumps(prog, indent=2))
    if R.random() < 0.05:
        spark(cur_path, t + 0.2, "WARN", "KafkaDataConsumer", "KafkaDataConsumer is not running in UninterruptibleThread. It may hang when KafkaDataConsumer's methods are interrupted because of KAFKA-1894")
    batch += 1
    t += 30.0

# ------------------------------------------------------------------ Airflow nightly reindex
AF = "airflow/dag_id=catalog_reindex/run_id=scheduled__2025-10-02T03:00:00+00:00/task_id=bulk_reindex_products_v2/attempt=%d.log"
p1 = AF % 1
t0 = ep(2025, 10, 2, 3, 5, 12, 0)
airflow(p1, t0, "taskinstance.py:2170", "INFO", "Starting attempt 1 of 3")
airflow(p1, t0 + 0.1, "taskinstance.py:2191", "INFO", "Executing <Task(PythonOperator): bulk_reindex_products_v2> on 2025-10-02 03:00:00+00:00")
airflow(p1, t0 + 0.2, "standard_task_runner.py:60", "INFO", "Started process 48812 to run task")
docs = 0
t = t0 + 20
while t < T_FLOOD + 1.0:
    docs += R.randint(26000, 34000)
    if t >= T_BEGIN - 400:
        airflow(p1, t, "reindex.py:88", "INFO", "indexed %d/2412870 docs into products-v2 (%.1f%%), bulk p99=%dms" % (docs, docs / 24128.7, R.randint(140, 420)))
    t += 30
tf = T_FLOOD + 1.4
airflow(p1, tf, "taskinstance.py:2698", "ERROR", "Task failed with exception\nTraceback (most recent call last):\n"
        "  File \"/home/airflow/.local/lib/python3.11/site-packages/airflow/models/taskinstance.py\", line 433, in _execute_task\n    result = execute_callable(context=context, **execute_callable_kwargs)\n"
        "  File \"/opt/airflow/dags/catalog/reindex.py\", line 97, in bulk_reindex\n    for ok, item in helpers.streaming_bulk(client, actions, chunk_size=2000, max_retries=3):\n"
        "  File \"/home/airflow/.local/lib/python3.11/site-packages/opensearchpy/helpers/actions.py\", line 446, in streaming_bulk\n    for data, (ok, info) in zip(\n"
        "  File \"/home/airflow/.local/lib/python3.11/site-packages/opensearchpy/helpers/actions.py\", line 339, in _process_bulk_chunk\n    yield from gen\n"
        "  File \"/home/airflow/.local/lib/python3.11/site-packages/opensearchpy/helpers/actions.py\", line 274, in _process_bulk_chunk_success\n    raise BulkIndexError(\"%%i document(s) failed to index.\" %% len(errors), errors)\n"
        "opensearchpy.helpers.errors.BulkIndexError: ('2000 document(s) failed to index.', [{'index': {'_index': 'products-v2', '_id': 'P%08d', 'status': 429, 'error': {'type': 'cluster_block_exception', "
        "'reason': 'index [products-v2] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];'}}}])" % R.randint(10 ** 7, 10 ** 8 - 1))
airflow(p1, tf + 0.1, "taskinstance.py:1206", "INFO", "Marking task as UP_FOR_RETRY. dag_id=catalog_reindex, task_id=bulk_reindex_products_v2, run_id=scheduled__2025-10-02T03:00:00+00:00, execution_date=20251002T030000, start_date=20251002T030512, end_date=20251002T032715")
airflow(p1, tf + 0.3, "local_task_job_runner.py:240", "INFO", "Task exited with return code 1")
for att, ta in ((2, tf + 301.0), (3, tf + 602.0)):
    pa = AF % att
    airflow(pa, ta, "taskinstance.py:2170", "INFO", "Starting attempt %d of 3" % att)
    airflow(pa, ta + 0.1, "taskinstance.py:2191", "INFO", "Executing <Task(PythonOperator): bulk_reindex_products_v2> on 2025-10-02 03:00:00+00:00")
    airflow(pa, ta + 2.0, "reindex.py:61", "INFO", "resuming from checkpoint: %d docs already indexed" % docs)
    if blocked(ta + 4):
        airflow(pa, ta + 4.2, "taskinstance.py:2698", "ERROR", "Task failed with exception\nTraceback (most recent call last):\n"
                "  File \"/opt/airflow/dags/catalog/reindex.py\", line 97, in bulk_reindex\n    for ok, item in helpers.streaming_bulk(client, actions, chunk_size=2000, max_retries=3):\n"
                "opensearchpy.helpers.errors.BulkIndexError: ('2000 document(s) failed to index.', [{'index': {'_index': 'products-v2', 'status': 429, 'error': {'type': 'cluster_block_exception', "
                "'reason': 'index [products-v2] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];'}}}])")
        airflow(pa, ta + 4.3, "taskinstance.py:1206", "INFO", "Marking task as UP_FOR_RETRY. dag_id=catalog_reindex, task_id=bulk_reindex_products_v2, run_id=scheduled__2025-10-02T03:00:00+00:00")
    else:
        t = ta + 20
        while t < T_END:
            docs += R.randint(26000, 34000)
            airflow(pa, t, "reindex.py:88", "INFO", "indexed %d/2412870 docs into products-v2 (%.1f%%), bulk p99=%dms" % (docs, docs / 24128.7, R.randint(140, 420)))
            t += 30

n = write_all()
print("e07 lines:", n)
