#!/usr/bin/env python3
"""l09: Elasticsearch shard recovery/relocation storm.

kured drains and reboots the node of elasticsearch-3 at 02:14. When the 5 min delayed-allocation
timeout expires (02:19:05) the master starts recovering 46 replicas at once, and when
elasticsearch-3 rejoins the balancer relocates dozens more - with node_concurrent_recoveries=12,
cluster_concurrent_rebalance=16 and indices.recovery.max_bytes_per_sec=2gb left over from a
migration. Disks/network saturate, searches take seconds or are rejected. Elasticsearch logs WARN
(slowlog, GC overhead, transport timeouts) but no ERROR. search-api (Spring, ES Java client,
resilience4j) fails and opens its circuit breaker, storefront (Phoenix) returns 502s, the istio
ingress gateway shows them; autocomplete-service and indexer-worker suffer too. elasticsearch-3's
host clock is ~6.3 s fast after the reboot until chrony steps it back at 02:31:10. A search-api
rollout at 02:35 is unrelated. Throttles are reset at 02:40:20 and the cluster settles.
"""
import os
import sys
from l_common import *

rng = Rng(9909)
OUT = Out(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))

T0 = T("2026-04-23T02:10:00Z")
T1 = T("2026-04-23T02:55:00Z")
KURED = T("2026-04-23T02:14:05Z")
NODE_LEFT = T("2026-04-23T02:14:04.118Z") + 27.3
FAULT = NODE_LEFT + 300.0           # delayed allocation expires -> mass recoveries
REJOIN = T("2026-04-23T02:21:52.640Z")
CHRONY = T("2026-04-23T02:31:10Z")
ES3_SKEW = 6.3
FIX = T("2026-04-23T02:40:20.5Z")
CALM = FIX + 140
SA_DEPLOY = T("2026-04-23T02:35:02Z")

NODES = ["elasticsearch-%d" % i for i in range(6)]
NID = {n: rng.alnum(22, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for n in NODES}
NIP = {n: "10.42.%d.%d" % (rng.randint(0, 9), rng.randint(2, 250)) for n in NODES}
MASTER = "elasticsearch-1"


def storm(t):
    """0..1 intensity of the recovery storm"""
    if t < FAULT:
        return 0.0
    if t < FIX:
        return min(1.0, 0.55 + 0.45 * ramp(t, REJOIN, REJOIN + 60)) * (0.35 + 0.65 * ramp(t, FAULT, FAULT + 45))
    return max(0.0, 1.0 - (t - FIX) / (CALM - FIX)) * 0.8


def es3_skew(t):
    return ES3_SKEW if (REJOIN - 60 <= t < CHRONY) else 0.0


# ---------------------------------------------------------------- elasticsearch logs
def es(node, t, lvl, logger, msg):
    ts = t + (es3_skew(t) if node == "elasticsearch-3" else 0.0)
    d, f = _sp(ts)
    OUT.block("logs/elasticsearch/%s.log" % node, t, "[%s,%s][%-5s][%-25s] [%s] %s" % (d, f, lvl, logger, node, msg))


def _sp(t):
    s = iso(t, 3, "")
    d, f = s.split(".")
    return d, f


def nd(n):
    return "{%s}{%s}{%s}{%s}{%s:9300}{cdfhilmrstw}" % (n, NID[n], rng.alnum(22), NIP[n], NIP[n])


INDICES = [("products-v7", 12), ("suggest-v3", 3), ("orders-search-2026.04", 6), ("reviews-v2", 6), ("content-pages", 2), ("inventory-v5", 6)]


def es_logs():
    # steady noise on all nodes
    for n in NODES:
        for t in arrivals(rng, T0, T1, 1 / 50.0):
            if n == "elasticsearch-3" and NODE_LEFT - 25 < t < REJOIN - 40:
                continue
            s = storm(t)
            if rng.random() < 0.6 + 0.3 * s:
                ms = int(rng.uniform(200, 420) * (1 + 6 * s))
                tot = rng.randint(100, 999) + ms
                lvl = "WARN" if ms > 1000 else "INFO"
                es(n, t, lvl, "o.e.m.j.JvmGcMonitorService", "[gc][%d] overhead, spent [%s] collecting in the last [%s]" % (rng.randint(900000, 990000), "%dms" % ms if ms < 1000 else "%.1fs" % (ms / 1000), "%.1fs" % (tot / 1000)))
            elif n == MASTER:
                es(n, t, "INFO", "o.e.c.m.MetadataMappingService", "[orders-search-2026.04/%s] update_mapping [_doc]" % rng.alnum(22))
            else:
                es(n, t, "WARN", "o.e.d.r.RestController", "[ignore_throttled] parameter is deprecated because frozen indices have been deprecated. Consider cold or frozen tiers in place of frozen indices.")
    # deprecation noise from the old indexer client (long running)
    for t in arrivals(rng, T0, T1, 1 / 400.0):
        es(rng.choice(NODES[:3]), t, "WARN", "o.e.d.a.a.i.t.p.PutIndexTemplateAction", "legacy template [logs-template] has index patterns [logs-*] matching patterns from existing composable templates [logs] with patterns (logs => [logs-*-*]); this template [logs-template] may be ignored in favor of a composable template at index creation time")
    # node leaves
    es(MASTER, NODE_LEFT, "INFO", "o.e.c.s.MasterService", "node-left[%s reason: disconnected], term: 41, version: 918221, delta: removed {%s}" % (nd("elasticsearch-3"), nd("elasticsearch-3")))
    for n in NODES:
        if n != "elasticsearch-3":
            es(n, NODE_LEFT + rng.uniform(0.01, 0.2), "INFO", "o.e.c.s.ClusterApplierService", "removed {%s}, term: 41, version: 918221, reason: ApplyCommitRequest{term=41, version=918221, sourceNode=%s}" % (nd("elasticsearch-3"), nd(MASTER)))
    es(MASTER, NODE_LEFT + 0.4, "INFO", "o.e.c.r.DelayedAllocationService", "scheduling reroute for delayed shards in [4.9m] (46 delayed shards)")
    es(MASTER, NODE_LEFT + 0.5, "INFO", "o.e.c.r.a.AllocationService", "Cluster health status changed from [GREEN] to [YELLOW] (reason: [{elasticsearch-3}{%s}{%s} reason: disconnected])." % (NID["elasticsearch-3"], NIP["elasticsearch-3"]))
    es("elasticsearch-3", NODE_LEFT - 26.5, "INFO", "o.e.n.Node", "stopping ...")
    es("elasticsearch-3", NODE_LEFT - 25.1, "INFO", "o.e.n.Node", "stopped")
    es("elasticsearch-3", NODE_LEFT - 25.0, "INFO", "o.e.n.Node", "closing ...")
    es("elasticsearch-3", NODE_LEFT - 24.8, "INFO", "o.e.n.Node", "closed")
    # delayed allocation expires -> the storm starts
    es(MASTER, FAULT, "INFO", "o.e.c.r.DelayedAllocationService", "scheduling reroute for delayed shards in [0s] (46 delayed shards)")
    # elasticsearch-3 comes back
    s = REJOIN - 45
    boot = ["version[7.17.22], pid[7], build[default/docker/38e9ca2e81304a821c50862dafab089ca863944b/2024-06-06T07:35:17.876121680Z], OS[Linux/6.1.90-99.173.amzn2023.x86_64/amd64], JVM[Oracle Corporation/OpenJDK 64-Bit Server VM/22.0.1/22.0.1+8-16]",
            "JVM home [/usr/share/elasticsearch/jdk], using bundled JDK [true]",
            "using [1] data paths, mounts [[/usr/share/elasticsearch/data (/dev/nvme1n1)]], net usable_space [612.4gb], net total_space [984.3gb], types [ext4]",
            "heap size [15.9gb], compressed ordinary object pointers [true]",
            "node name [elasticsearch-3], node ID [%s], cluster name [search-prod], roles [transform, data_frozen, master, remote_cluster_client, data, ml, data_content, data_hot, data_warm, data_cold, ingest]" % NID["elasticsearch-3"],
            "initialized", "starting ..."]
    for i, m in enumerate(boot):
        es("elasticsearch-3", s + i * 0.8, "INFO", "o.e.n.Node", m)
    es("elasticsearch-3", s + 9, "INFO", "o.e.t.TransportService", "publish_address {%s:9300}, bound_addresses {0.0.0.0:9300}" % NIP["elasticsearch-3"])
    es("elasticsearch-3", REJOIN + 0.2, "INFO", "o.e.c.s.ClusterApplierService", "master node changed {previous [], current [%s]}, added {%s}, term: 41, version: 918377, reason: ApplyCommitRequest{term=41, version=918377, sourceNode=%s}" % (nd(MASTER), ", ".join(nd(n) for n in NODES if n != "elasticsearch-3"), nd(MASTER)))
    es("elasticsearch-3", REJOIN + 1.5, "INFO", "o.e.h.AbstractHttpServerTransport", "publish_address {%s:9200}, bound_addresses {0.0.0.0:9200}" % NIP["elasticsearch-3"])
    es("elasticsearch-3", REJOIN + 1.6, "INFO", "o.e.n.Node", "started")
    es(MASTER, REJOIN, "INFO", "o.e.c.s.MasterService", "node-join[%s join existing leader], term: 41, version: 918377, delta: added {%s}" % (nd("elasticsearch-3"), nd("elasticsearch-3")))
    # relocations / recoveries
    started = 0
    t = FAULT + 0.5
    while t < CALM:
        s_ = storm(t)
        idx, shards = rng.choice(INDICES)
        sh = rng.randrange(shards)
        src, dst = rng.sample([n for n in NODES if not (n == "elasticsearch-3" and t < REJOIN + 2)], 2)
        if t > REJOIN and rng.random() < 0.45:
            dst = "elasticsearch-3"
        kind = "peer" if t < REJOIN or rng.random() < 0.5 else "relocation"
        dur = rng.uniform(60, 420) * (1 + s_)
        gb = rng.uniform(8, 42)
        es(dst, t + dur, "WARN" if dur > 300 else "INFO", "o.e.i.r.PeerRecoveryTargetService",
           "[%s][%d] recovery of shard from [%s] took [%.1fm] (%.1fgb, throttled [%.1fs] on target, phase1 [%.1fm], translog ops [%d])" % (idx, sh, src, dur / 60, gb, rng.uniform(0, 2), dur / 60 * 0.9, rng.randint(1000, 900000)))
        if rng.random() < 0.3:
            es(src, t + dur * rng.uniform(0.3, 0.9), "WARN", "o.e.i.r.RecoverySourceHandler", "[%s][%d][recover to %s] sending file chunk took [%.1fs] which is above the warn threshold of [5s]" % (idx, sh, dst, rng.uniform(5.2, 19)))
        started += 1
        t += rng.uniform(2, 9) / max(0.15, s_)
    es(MASTER, FIX - 0.4, "INFO", "o.e.c.s.ClusterSettings", "updating [indices.recovery.max_bytes_per_sec] from [2gb] to [200mb]")
    es(MASTER, FIX - 0.39, "INFO", "o.e.c.s.ClusterSettings", "updating [cluster.routing.allocation.node_concurrent_recoveries] from [12] to [2]")
    es(MASTER, FIX - 0.38, "INFO", "o.e.c.s.ClusterSettings", "updating [cluster.routing.allocation.cluster_concurrent_rebalance] from [16] to [2]")
    for n in NODES:
        if n != MASTER:
            es(n, FIX - 0.3 + rng.uniform(0, 0.1), "INFO", "o.e.c.s.ClusterSettings", "updating [indices.recovery.max_bytes_per_sec] from [2gb] to [200mb]")
    es(MASTER, CALM + 320, "INFO", "o.e.c.r.a.AllocationService", "Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[products-v7][9]]]).")
    # transport timeouts and slowlogs during the storm
    for n in NODES:
        for t in arrivals(rng, FAULT, CALM, lambda x: 0.12 * storm(x), 0.12):
            if n == "elasticsearch-3" and t < REJOIN + 5:
                continue
            other = rng.choice([m for m in NODES if m != n])
            sent = rng.uniform(10, 40)
            es(n, t, "WARN", "o.e.t.TransportService", "Received response for a request that has timed out, sent [%.1fs/%dms] ago, timed out [%.1fs/%dms] ago, action [indices:data/read/search[phase/query]], node [%s], id [%d]" % (
                sent, int(sent * 1000), sent - 5, int((sent - 5) * 1000), nd(other), rng.randint(10 ** 7, 10 ** 8)))
        for t in arrivals(rng, T0, T1, lambda x: 0.01 + 0.45 * storm(x), 0.46):
            if n == "elasticsearch-3" and NODE_LEFT - 25 < t < REJOIN + 5:
                continue
            took = rng.uniform(0.5, 1.2) if storm(t) < 0.05 else rng.uniform(1.0, 9.5)
            idx = rng.choice(["products-v7", "products-v7", "suggest-v3", "reviews-v2"])
            q = rng.choice(["boots", "rain jacket", "linen", "kids", "sale", "wool", "trail", "sandal"])
            lvl = "WARN" if took >= 1.0 else "INFO"
            es(n, t, lvl, "i.s.s.query", "[%s][%d] took[%.1fs], took_millis[%d], total_hits[%d hits], types[], stats[], search_type[QUERY_THEN_FETCH], total_shards[%d], source[{\"size\":24,\"query\":{\"bool\":{\"must\":[{\"multi_match\":{\"query\":\"%s\",\"fields\":[\"title^3\",\"brand^2\",\"description\"],\"type\":\"best_fields\"}}],\"filter\":[{\"term\":{\"active\":{\"value\":true}}}]}}}], id[%s]," % (
                idx, rng.randrange(12), took, int(took * 1000), rng.randint(0, 9000), 12 if idx == "products-v7" else 3, q, rng.uuid()))


# ---------------------------------------------------------------- search-api (logstash json)
sa_old = rng.pods("search-api", 3)
sa_new = rng.pods("search-api", 3)
sa_start = {p: SA_DEPLOY + 10 + i * 28 for i, p in enumerate(sa_new)}
sa_stop = {p: SA_DEPLOY + 25 + i * 28 for i, p in enumerate(sa_old)}
cb_state = {}


def sa_alive(t):
    return [p for p in sa_old if t < sa_stop[p]] + [p for p in sa_new if t >= sa_start[p]]


def sj(pod, t, level, logger, thread, msg, stack=None, **kv):
    d = {"@timestamp": iso(t), "@version": "1", "message": msg, "logger_name": logger, "thread_name": thread, "level": level,
         "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000, "DEBUG": 10000}[level],
         "app": "search-api", "version": "5.2.1" if pod in sa_new else "5.2.0"}
    d.update(kv)
    if stack:
        d["stack_trace"] = stack
    OUT.add("logs/search-api/%s.log" % pod, t, jdump(d))


REJECT_STACK = ("co.elastic.clients.elasticsearch._types.ElasticsearchException: [es/search] failed: [es_rejected_execution_exception] rejected execution of TimedRunnable{original=ActionRunnable#wrap[org.elasticsearch.search.SearchService$$Lambda$7713/0x0000000801b3c8a0@5d3c1f2a], creationTimeNanos=%d, startTimeNanos=0, finishTimeNanos=-1, failedOrRejected=false} on TaskExecutionTimeTrackingEsThreadPoolExecutor[name = %s/search, queue capacity = 1000, task execution EWMA = 1.4s, total task execution time = 9.1h, org.elasticsearch.common.util.concurrent.TaskExecutionTimeTrackingEsThreadPoolExecutor@1f0a3b2c[Running, pool size = 13, active threads = 13, queued tasks = 1000, completed tasks = %d]]\n"
                "\tat co.elastic.clients.transport.ElasticsearchTransportBase.getApiResponse(ElasticsearchTransportBase.java:345)\n"
                "\tat co.elastic.clients.transport.ElasticsearchTransportBase.performRequest(ElasticsearchTransportBase.java:147)\n"
                "\tat co.elastic.clients.elasticsearch.ElasticsearchClient.search(ElasticsearchClient.java:1929)\n"
                "\tat com.acme.search.es.ProductSearchRepository.search(ProductSearchRepository.java:88)\n"
                "\tat io.github.resilience4j.circuitbreaker.CircuitBreaker.lambda$decorateCheckedSupplier$82a9021a$1(CircuitBreaker.java:70)\n"
                "\tat com.acme.search.service.SearchService.search(SearchService.java:54)\n"
                "\tat com.acme.search.web.SearchController.search(SearchController.java:41)\n"
                "\tat java.base/java.lang.Thread.run(Thread.java:1583)")
TIMEOUT_STACK = ("java.net.SocketTimeoutException: 5,000 milliseconds timeout on connection http-outgoing-%d [ACTIVE]\n"
                 "\tat org.elasticsearch.client.RestClient.extractAndWrapCause(RestClient.java:934)\n"
                 "\tat org.elasticsearch.client.RestClient.performRequest(RestClient.java:300)\n"
                 "\tat org.elasticsearch.client.RestClient.performRequest(RestClient.java:288)\n"
                 "\tat co.elastic.clients.transport.rest_client.RestClientHttpClient.performRequest(RestClientHttpClient.java:91)\n"
                 "\tat co.elastic.clients.transport.ElasticsearchTransportBase.performRequest(ElasticsearchTransportBase.java:144)\n"
                 "\tat co.elastic.clients.elasticsearch.ElasticsearchClient.search(ElasticsearchClient.java:1929)\n"
                 "\tat com.acme.search.es.ProductSearchRepository.search(ProductSearchRepository.java:88)\n"
                 "\tat com.acme.search.service.SearchService.search(SearchService.java:54)\n"
                 "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
                 "Caused by: java.net.SocketTimeoutException: 5,000 milliseconds timeout on connection http-outgoing-%d [ACTIVE]\n"
                 "\tat org.apache.http.nio.protocol.HttpAsyncRequestExecutor.timeout(HttpAsyncRequestExecutor.java:387)\n"
                 "\tat org.apache.http.impl.nio.client.InternalIODispatch.onTimeout(InternalIODispatch.java:92)\n"
                 "\tat org.apache.http.impl.nio.reactor.BaseIOReactor.timeoutCheck(BaseIOReactor.java:263)\n"
                 "\tat org.apache.http.impl.nio.reactor.AbstractIOReactor.execute(AbstractIOReactor.java:280)\n"
                 "\tat java.base/java.lang.Thread.run(Thread.java:1583)")


def es_latency(t):
    s = storm(t)
    if s < 0.02:
        return rng.lat(0.035, 0.5), False
    rej = rng.random() < 0.28 * s
    return rng.lat(0.05 + 3.2 * s, 0.6), rej


def search_api(t, q, rid):
    """returns (status, dur)"""
    pod = rng.choice(sa_alive(t))
    th = "http-nio-8080-exec-%d" % rng.randint(1, 200)
    cb = cb_state.setdefault(pod, {"open_until": 0.0, "fails": []})
    if cb["open_until"] > t:
        d = rng.lat(0.0008, 0.3)
        sj(pod, t + d, "WARN", "c.a.search.web.SearchController", th, "Search for '%s' short-circuited: CircuitBreaker 'elasticsearch' is OPEN and does not permit further calls" % q, requestId=rid)
        return 503, d
    lat, rej = es_latency(t)
    fail = None
    if rej:
        d = rng.lat(0.02, 0.4)
        fail = "reject"
    elif lat > 5.0:
        d = 5.0 + rng.uniform(0.001, 0.01)
        fail = "timeout"
    else:
        d = lat + rng.lat(0.004, 0.3)
    if fail:
        node = rng.choice(NODES)
        if fail == "reject":
            sj(pod, t + d, "ERROR", "c.a.search.web.ApiExceptionHandler", th, "Search failed for '%s'" % q,
               REJECT_STACK % (rng.randint(10 ** 14, 10 ** 15), node, rng.randint(10 ** 7, 10 ** 8)), requestId=rid)
        else:
            c = rng.randint(10, 400)
            sj(pod, t + d, "ERROR", "c.a.search.web.ApiExceptionHandler", th, "Search failed for '%s'" % q, TIMEOUT_STACK % (c, c), requestId=rid)
        cb["fails"] = [x for x in cb["fails"] if x > t - 20] + [t]
        if len(cb["fails"]) >= 5:
            cb["open_until"] = t + d + 30
            cb["fails"] = []
            sj(pod, t + d + 0.001, "INFO", "c.a.search.config.ResilienceConfig", th, "CircuitBreaker 'elasticsearch' changed state from CLOSED to OPEN")
            sj(pod, t + d + 30.0, "INFO", "c.a.search.config.ResilienceConfig", "parallel-1", "CircuitBreaker 'elasticsearch' changed state from OPEN to HALF_OPEN")
        return 503, d + 0.002
    if d > 1.0:
        sj(pod, t + d, "WARN", "c.a.search.es.ProductSearchRepository", th, "Slow Elasticsearch query (%d ms) for '%s'" % (int(lat * 1000), q), requestId=rid)
    sj(pod, t + d + 0.0005, "INFO", "c.a.search.web.AccessLog", th, "GET /v2/search?q=%s 200 %dms" % (q.replace(" ", "+"), int(d * 1000)), requestId=rid)
    return 200, d


def sa_lifecycle():
    for p in sa_new:
        s = sa_start[p]
        sj(p, s - 9, "INFO", "com.acme.search.SearchApiApplication", "main", "Starting SearchApiApplication v5.2.1 using Java 21.0.4 with PID 1 (/app/app.jar started by app in /app)")
        sj(p, s - 8.5, "INFO", "com.acme.search.SearchApiApplication", "main", "The following 1 profile is active: \"prod\"")
        sj(p, s - 3, "INFO", "c.a.search.config.ElasticsearchConfig", "main", "Elasticsearch client configured for [https://elasticsearch.search.svc.cluster.local:9200], socketTimeout=5000ms, connectTimeout=1000ms")
        sj(p, s - 0.5, "INFO", "o.s.b.w.embedded.tomcat.TomcatWebServer", "main", "Tomcat started on port 8080 (http) with context path '/'")
        sj(p, s - 0.4, "INFO", "com.acme.search.SearchApiApplication", "main", "Started SearchApiApplication in 8.712 seconds (process running for 9.301)")
    for p in sa_old:
        sj(p, sa_stop[p], "INFO", "o.s.b.w.e.tomcat.GracefulShutdown", "SpringApplicationShutdownHook", "Commencing graceful shutdown. Waiting for active requests to complete")
        sj(p, sa_stop[p] + 1.2, "INFO", "o.s.b.w.e.tomcat.GracefulShutdown", "tomcat-shutdown", "Graceful shutdown complete")


# ---------------------------------------------------------------- autocomplete (zerolog), indexer (structlog kv)
ac_pods = rng.pods("autocomplete-service", 2)
ix_pods = rng.pods("indexer-worker", 1)


def autocomplete(t):
    pod = rng.choice(ac_pods)
    lat, rej = es_latency(t)
    prefix = rng.choice(["bo", "boo", "rai", "lin", "ki", "wo", "tr", "sa", "jac"])
    if rej or lat > 0.8:
        d = 0.8 if not rej else rng.lat(0.02, 0.3)
        OUT.add("logs/autocomplete-service/%s.log" % pod, t + d, jdump({"level": "error", "prefix": prefix, "index": "suggest-v3",
                "error": "context deadline exceeded" if not rej else "elasticsearch: 429 Too Many Requests: es_rejected_execution_exception",
                "time": iso(t + d, 3), "message": "suggest query failed"}))
        return 503, d
    d = lat * 0.6 + 0.002
    OUT.add("logs/autocomplete-service/%s.log" % pod, t + d, jdump({"level": "info", "prefix": prefix, "suggestions": rng.randint(0, 10), "took_ms": round(d * 1000, 2),
                                                                      "time": iso(t + d, 3), "message": "suggest"}))
    return 200, d


def indexer():
    pod = ix_pods[0]
    f = "logs/indexer-worker/%s.log" % pod

    def K(t, level, event, **kv):
        pairs = ["timestamp='%s'" % iso(t, 6), "level='%s'" % level, "event='%s'" % event] + ["%s=%s" % (k, repr(v)) for k, v in kv.items()]
        OUT.add(f, t, " ".join(pairs))

    t = T0 + 2
    while t < T1:
        s = storm(t)
        took = rng.lat(0.4, 0.3) * (1 + 25 * s)
        docs = rng.randint(200, 1000)
        if s > 0.3 and rng.random() < 0.35:
            K(t + took, "warning", "bulk partially rejected, retrying", index="products-v7", docs=docs, rejected=rng.randint(10, docs), status=429,
              error_type="es_rejected_execution_exception", attempt=rng.randint(1, 3))
        elif took > 10:
            K(t + took, "warning", "bulk request slow", index="products-v7", docs=docs, took_ms=int(took * 1000))
        else:
            K(t + took, "info", "bulk indexed", index="products-v7", docs=docs, took_ms=int(took * 1000))
        lag = int(max(0, (t - FAULT) * 0.8 * s)) if s > 0 else rng.randint(0, 3)
        if rng.random() < 0.2:
            K(t + took + 0.001, "info" if lag < 60 else "warning", "consumer lag", topic="catalog.product-updates", group="es-indexer", lag_seconds=lag)
        t += took + rng.uniform(3, 6)
    for t in arrivals(rng, T0, T1, 1 / 100.0):
        K(t, "warning", "elasticsearch client deprecation", message="[types removal] Specifying types in bulk requests is deprecated.")


# ---------------------------------------------------------------- storefront (phoenix)
sf_pods = rng.pods("storefront", 3)


def px(pod, t, level, msg, rid):
    OUT.add("logs/storefront/%s.log" % pod, t, "%s request_id=%s [%s] %s" % (space_ts(t, 3), rid, level, msg))


def storefront(t, path, kind):
    pod = rng.choice(sf_pods)
    rid = rng.alnum(20, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    px(pod, t, "info", "GET %s" % path.split("?")[0], rid)
    if kind == "search":
        q = path.split("q=")[1].replace("+", " ")
        st, d = search_api(t + 0.002, q, rid)
        if st != 200:
            d += 0.003
            px(pod, t + d, "error", "search-api request failed: %s" % ("%Mint.TransportError{reason: :timeout}" if d >= 5.0 else "{:http_status, 503}"), rid)
            px(pod, t + d + 0.001, "info", "Sent 502 in %dms" % int(d * 1000), rid)
            return 502, d + 0.001, pod
        d += rng.lat(0.008, 0.3)
    elif kind == "suggest":
        st, d = autocomplete(t + 0.002)
        if st != 200:
            px(pod, t + d, "warning", "autocomplete unavailable, returning empty suggestions", rid)
        d += 0.002
    else:
        d = rng.lat(0.025, 0.4)
    unit = "ms" if d >= 0.001 else "µs"
    px(pod, t + d, "info", "Sent 200 in %s" % ("%dms" % int(d * 1000) if unit == "ms" else "%dµs" % int(d * 1e6)), rid)
    return 200, d, pod


# ---------------------------------------------------------------- istio ingress gateway
ig_pods = rng.pods("istio-ingressgateway", 2)
sf_ip = {p: "10.42.%d.%d" % (rng.randint(0, 9), rng.randint(2, 250)) for p in sf_pods}


def istio(t, d, path, code, pod, ua):
    g = rng.choice(ig_pods)
    line = '[%s] "GET %s HTTP/1.1" %d - via_upstream - "-" 0 %d %d %d "%s" "%s" "%s" "www.acme-outdoor.com" "%s:4000" outbound|4000||storefront.web.svc.cluster.local %s:%d %s:8080 %s:0 - -' % (
        iso(t), path, code, rng.randint(9000, 80000) if code == 200 else 133, int(d * 1000), max(0, int(d * 1000) - 1), client_ip(rng), ua, rng.uuid(),
        sf_ip[pod], "10.42.0.%d" % rng.randint(2, 250), rng.randint(32768, 60999), "10.42.0.9", client_ip(rng))
    OUT.add("logs/istio-ingressgateway/%s.log" % g, t + d, line)


def traffic():
    for t in arrivals(rng, T0, T1, 1.9):
        ua = rng.choice(UA_BROWSER + UA_APP)
        kind = rng.wchoice([("search", 40), ("suggest", 20), ("page", 40)])
        if kind == "search":
            q = rng.choice(["boots", "rain jacket", "linen shirt", "kids", "sale", "wool socks", "trail shoes", "sandals", "tent", "sleeping bag"])
            path = "/search?q=%s" % q.replace(" ", "+")
        elif kind == "suggest":
            path = "/api/suggest?q=%s" % rng.choice(["bo", "rai", "lin", "ki", "wo", "tr", "sa"])
        else:
            path = rng.choice(["/", "/c/hiking", "/c/running", "/p/%d" % rng.randint(10000, 99999), "/cart", "/c/sale"])
        st, d, pod = storefront(t + 0.001, path, kind)
        istio(t, d + 0.002, path, st, pod, ua)
    for p in sf_pods:
        for t in arrivals(rng, T0, T1, 1 / 90.0):
            OUT.add("logs/storefront/%s.log" % p, t, "%s [warning] Ecto.Adapters.SQL pool checkout took %dms (queue_time), consider increasing :pool_size" % (space_ts(t, 3), rng.randint(50, 180)))


# ---------------------------------------------------------------- kured + events
def kured():
    f = "logs/kured/kured-%s.log" % rng.k8s(5)

    def K(t, msg, lvl="info", **kv):
        ts = t + es3_skew(t)
        OUT.add(f, t, logfmt([("time", iso_s(ts)), ("level", lvl), ("msg", msg)] + list(kv.items())))

    t = T0 + 20
    while t < KURED:
        K(t, "Reboot not required")
        t += 60
    K(KURED, "Reboot required")
    K(KURED + 0.4, "Acquired reboot lock")
    K(KURED + 0.5, "Draining node ip-10-1-4-77.eu-central-1.compute.internal")
    K(KURED + 0.9, "evicting pod search/elasticsearch-3")
    K(NODE_LEFT - 26.6, "pod search/elasticsearch-3 evicted")
    K(NODE_LEFT + 2.0, "Running command: [/usr/bin/nsenter -m/proc/1/ns/mnt -- /bin/systemctl reboot] for node: ip-10-1-4-77.eu-central-1.compute.internal")
    K(NODE_LEFT + 2.1, "Commanding reboot for node: ip-10-1-4-77.eu-central-1.compute.internal")
    K(REJOIN - 70, "Holding lock")
    K(REJOIN - 69.5, "Uncordoning node ip-10-1-4-77.eu-central-1.compute.internal")
    K(REJOIN - 69, "Releasing lock")
    t = REJOIN - 10
    while t < T1:
        K(t, "Reboot not required")
        t += 60


def events():
    out = []

    def ev(t, ns, kind, name, typ, reason, msg, comp="kubelet"):
        out.append((t, jdump({"metadata": {"name": "%s.%s" % (name, rng.hex(16)), "namespace": ns, "uid": rng.uuid(), "creationTimestamp": iso_s(t)},
                              "reason": reason, "message": msg, "source": {"component": comp}, "firstTimestamp": iso_s(t), "lastTimestamp": iso_s(t), "count": 1, "type": typ,
                              "involvedObject": {"kind": kind, "namespace": ns, "name": name, "apiVersion": "v1" if kind in ("Pod", "Node") else "apps/v1"},
                              "reportingComponent": comp})))

    ev(KURED + 0.5, "", "Node", "ip-10-1-4-77.eu-central-1.compute.internal", "Normal", "NodeNotSchedulable", "Node ip-10-1-4-77.eu-central-1.compute.internal status is now: NodeNotSchedulable", "node-controller")
    ev(KURED + 1.0, "search", "Pod", "elasticsearch-3", "Normal", "Killing", "Stopping container elasticsearch")
    ev(NODE_LEFT + 40, "", "Node", "ip-10-1-4-77.eu-central-1.compute.internal", "Normal", "Rebooted", "Node ip-10-1-4-77.eu-central-1.compute.internal has been rebooted, boot id: %s" % rng.uuid())
    ev(NODE_LEFT + 42, "search", "StatefulSet", "elasticsearch", "Normal", "SuccessfulCreate", "create Pod elasticsearch-3 in StatefulSet elasticsearch successful", "statefulset-controller")
    ev(NODE_LEFT + 43, "search", "Pod", "elasticsearch-3", "Warning", "FailedScheduling", "0/9 nodes are available: 1 node(s) were unschedulable, 8 node(s) had volume node affinity conflict. preemption: 0/9 nodes are available: 9 Preemption is not helpful for scheduling.", "default-scheduler")
    ev(REJOIN - 60, "search", "Pod", "elasticsearch-3", "Normal", "Scheduled", "Successfully assigned search/elasticsearch-3 to ip-10-1-4-77.eu-central-1.compute.internal", "default-scheduler")
    ev(REJOIN - 47, "search", "Pod", "elasticsearch-3", "Normal", "Started", "Started container elasticsearch")
    for k in range(6):
        ev(REJOIN - 30 + k * 10, "search", "Pod", "elasticsearch-3", "Warning", "Unhealthy", "Readiness probe failed: Waiting for elasticsearch cluster to become ready (request params: \"wait_for_status=yellow&timeout=1s\" )\nCluster is not yet ready (request params: \"wait_for_status=yellow&timeout=1s\" )")
    new_rs = sa_new[0].split("-")[2]
    old_rs = sa_old[0].split("-")[2]
    ev(SA_DEPLOY, "search", "Deployment", "search-api", "Normal", "ScalingReplicaSet", "Scaled up replica set search-api-%s to 1" % new_rs, "deployment-controller")
    for i, p in enumerate(sa_new):
        ev(sa_start[p] - 9.5, "search", "Pod", p, "Normal", "Started", "Started container search-api")
        ev(sa_stop[sa_old[i]], "search", "Pod", sa_old[i], "Normal", "Killing", "Stopping container search-api")
        ev(sa_stop[sa_old[i]], "search", "Deployment", "search-api", "Normal", "ScalingReplicaSet", "Scaled down replica set search-api-%s to %d from %d" % (old_rs, 2 - i, 3 - i), "deployment-controller")
    for p in sa_old:
        for k in range(rng.randint(1, 4)):
            ev(FAULT + rng.uniform(200, 900), "search", "Pod", p, "Warning", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503")
    for t in arrivals(rng, T0, T1, 1 / 300.0):
        ev(t, "web", "Pod", "sitemap-gen-29614%d-%s" % (rng.randint(100, 999), rng.k8s(5)), "Warning", "BackOff", "Back-off restarting failed container sitemap-gen in pod sitemap-gen")
    out.sort(key=lambda x: x[0])
    OUT.set_raw("logs/k8s-events.jsonl", "".join(x[1] + "\n" for x in out))


def recs():
    for p in rng.pods("recommendation-api", 1):
        for t in arrivals(rng, T0, T1, 0.3):
            OUT.add("logs/recommendation-api/%s.log" % p, t, '%s INFO [recs] served recs for sku=%d in %dms' % (comma_ts(t), rng.randint(10000, 99999), rng.randint(4, 30)))


es_logs()
sa_lifecycle()
indexer()
traffic()
kured()
events()
recs()

truth = {
    "root_cause": {"service": "elasticsearch", "fault": "shard-relocation-storm", "start": iso(FAULT)},
    "propagation": ["elasticsearch", "search-api", "storefront", "istio-ingressgateway"],
    "affected": ["elasticsearch", "search-api", "autocomplete-service", "indexer-worker", "storefront", "istio-ingressgateway"],
    "notes": "After kured rebooted the node of elasticsearch-3, the delayed-allocation timeout expired at 02:19:05 and the cluster started dozens "
             "of concurrent recoveries/relocations (node_concurrent_recoveries=12, cluster_concurrent_rebalance=16, 2gb/s recovery throttle "
             "left over from a migration), saturating disks and network. Searches slowed to seconds or were rejected: search-api failed and "
             "opened its circuit breaker, storefront returned 502 through the istio ingress gateway, autocomplete and the indexer degraded, "
             "until the throttles were reset at 02:40:20. Elasticsearch logs only WARN; elasticsearch-3's clock ran ~6 s fast until chrony "
             "stepped it at 02:31:10; the search-api 5.2.1 rollout at 02:35 is unrelated.",
}
topology = [
    ("istio-ingressgateway", "gateway", ["storefront"]),
    ("storefront", "frontend", ["search-api", "autocomplete-service", "recommendation-api"]),
    ("search-api", "api", ["elasticsearch"]),
    ("autocomplete-service", "api", ["elasticsearch"]),
    ("recommendation-api", "api", []),
    ("indexer-worker", "consumer", ["elasticsearch"]),
    ("elasticsearch", "database", []),
    ("kured", "worker", []),
]
OUT.write(truth, topology)
