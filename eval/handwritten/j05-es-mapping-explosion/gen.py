#!/usr/bin/env python3
"""Generator for case j05 (deterministic, standard library only).

All container logs arrive through Fluent Bit (tail + kubernetes filter) and are written by
out_file in its default "tag: [time, record]" format, one file per namespace.
Writes ./logs/ beside this file. Re-running produces byte-identical output.
"""
import datetime
import json
import math
import os
import random
import shutil

SEED = 5505
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
UTC = datetime.timezone.utc
DAY0 = datetime.datetime(2025, 7, 2, tzinfo=UTC).timestamp()


def T(h, m, s=0.0):
    return DAY0 + h * 3600 + m * 60 + s


def dt(t):
    return datetime.datetime.fromtimestamp(round(t, 6), UTC)


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def iso_7(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d0Z" % d.microsecond


def iso_ns(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%03dZ" % (d.microsecond, R.randint(0, 999))


def py_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (d.microsecond // 1000)


LINES = {}


def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))


def uid():
    h = hexid(32)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def lognorm(median, sigma):
    return median * math.exp(R.gauss(0, sigma))


START = T(12, 30)
END = T(13, 45)
FEED_ON = T(13, 2, 11.604)
RECO_DEPLOY = T(12, 58, 37.0)
INDEX = "products-v7"
INDEX_UUID = "Rk2pX0aVQ8y1mE3hT9cJ4w"
CLUSTER_UUID = "qY8bL2kPT1aW6vN0cR5s3g"

PODS = {}


def pod(ns, name, app, container, image, host, labels=None):
    key = (ns, name, container)
    if key not in PODS:
        lb = {"app.kubernetes.io/name": app, "pod-template-hash": name.split("-")[-2] if name.count("-") >= 2 else "0"}
        if labels:
            lb = labels
        PODS[key] = {"pod_name": name, "namespace_name": ns, "pod_id": uid(), "labels": lb,
                     "host": host, "container_name": container, "docker_id": hexid(64),
                     "container_hash": image.split(":")[0] + "@sha256:" + hexid(64), "container_image": image}
    return PODS[key]


def emit(meta, t, line, stream="stdout"):
    k = meta
    tag = "kube.var.log.containers.%s_%s_%s-%s.log" % (k["pod_name"], k["namespace_name"], k["container_name"], k["docker_id"])
    rec = {"time": iso_ns(t), "stream": stream, "_p": "F", "log": line, "kubernetes": k}
    row = "%s: [%.9f, %s]" % (tag, t + R.uniform(0.0005, 0.02), json.dumps(rec, separators=(",", ":"), ensure_ascii=False))
    path = "fluent-bit/%s.log" % k["namespace_name"]
    LINES.setdefault(path, []).append((t, len(LINES.get(path, [])), row))


ES_MASTERS = [pod("search", "es-master-%d" % i, "elasticsearch", "elasticsearch",
                  "docker.elastic.co/elasticsearch/elasticsearch:8.14.3", "ip-10-8-%d-21.ec2.internal" % i,
                  {"app.kubernetes.io/name": "elasticsearch", "elasticsearch.k8s.elastic.co/cluster-name": "search-prod", "elasticsearch.k8s.elastic.co/node-master": "true",
                   "statefulset.kubernetes.io/pod-name": "es-master-%d" % i}) for i in range(3)]
ES_DATA = [pod("search", "es-data-%d" % i, "elasticsearch", "elasticsearch",
               "docker.elastic.co/elasticsearch/elasticsearch:8.14.3", "ip-10-8-%d-4%d.ec2.internal" % (i % 3, i),
               {"app.kubernetes.io/name": "elasticsearch", "elasticsearch.k8s.elastic.co/cluster-name": "search-prod", "elasticsearch.k8s.elastic.co/node-data": "true",
                "statefulset.kubernetes.io/pod-name": "es-data-%d" % i}) for i in range(4)]
NODE_IDS = {m["pod_name"]: hexid(22) for m in ES_MASTERS + ES_DATA}
INGEST = pod("catalog", "catalog-ingest-7d5f9c8b6d-r2xkq", "catalog-ingest", "catalog-ingest",
             "registry.internal/catalog/catalog-ingest:4.2.1", "ip-10-8-1-77.ec2.internal")
SEARCH_API = [pod("prod", "search-api-6b8d7f5c94-%s" % s, "search-api", "search-api",
                  "registry.internal/prod/search-api:2025.06.30-1", "ip-10-8-%d-5%d.ec2.internal" % (i, i)) for i, s in enumerate(["hw2pl", "k7znx", "v4qtr"])]
BFF = [pod("prod", "storefront-bff-5c9b8d7f6-%s" % s, "storefront-bff", "storefront-bff",
           "registry.internal/prod/storefront-bff:3.41.0", "ip-10-8-%d-6%d.ec2.internal" % (i, i)) for i, s in enumerate(["2mdxk", "qj9ws"])]
RECO_OLD = pod("prod", "recommendation-svc-84c7d9f5b-6lzvm", "recommendation-svc", "recommendation-svc",
               "registry.internal/prod/recommendation-svc:1.18.2", "ip-10-8-2-71.ec2.internal")
RECO_NEW = pod("prod", "recommendation-svc-6f9d8c7b5-x8kqn", "recommendation-svc", "recommendation-svc",
               "registry.internal/prod/recommendation-svc:1.19.0", "ip-10-8-0-72.ec2.internal")
TRAEFIK = pod("ingress", "traefik-6d4f8b9c7-tj5wd", "traefik", "traefik", "docker.io/library/traefik:v3.1.2", "ip-10-8-0-10.ec2.internal")


def fields_at(t):
    if t < FEED_ON + 19:
        return 812
    return int(812 + 11.5 * (t - FEED_ON - 19) + 0.0009 * (t - FEED_ON - 19) ** 2)


def es_pressure(t):
    if t < FEED_ON + 19:
        return 0.0
    x = (t - FEED_ON - 19) / 600.0
    return min(1.0, 0.15 + 0.85 * (1 - math.exp(-1.6 * x)))


def es_log(meta, t, level, logger, thread, msg, dataset="elasticsearch.server"):
    d = {"@timestamp": iso_ms(t), "log.level": level, "message": msg, "ecs.version": "1.2.0", "service.name": "ES_ECS",
         "event.dataset": dataset, "process.thread.name": "elasticsearch[%s][%s]" % (meta["pod_name"], thread),
         "log.logger": logger, "elasticsearch.cluster.uuid": CLUSTER_UUID, "elasticsearch.node.id": NODE_IDS[meta["pod_name"]],
         "elasticsearch.node.name": meta["pod_name"], "elasticsearch.cluster.name": "search-prod"}
    emit(meta, t, json.dumps(d, separators=(",", ":")))


def es_logs():
    master = ES_MASTERS[1]
    t = START + 12
    while t < END:
        t += R.uniform(60, 200)
        m = R.choice(ES_DATA)
        es_log(m, t, "WARN", "org.elasticsearch.deprecation.rest.RestController", "http_server_worker][T#%d" % R.randint(1, 8),
               "Legacy index templates are deprecated in favor of composable templates.", dataset="elasticsearch.deprecation")
    t = START + 40
    while t < END:
        t += 300 + R.uniform(-2, 2)
        es_log(master, t, "INFO", "org.elasticsearch.xpack.ilm.IndexLifecycleRunner", "trigger_engine_scheduler][T#1",
               "policy [logs-default] for index [.ds-logs-app-default-2025.07.01-000042] on an error step due to a transient error, moving back to the failed step [rollover] for execution. retry attempt [%d]" % R.randint(110, 140))
    for tt in (T(12, 45, 0.2), T(13, 15, 0.4), T(13, 45, 0.1)):
        if tt < END:
            es_log(master, tt, "INFO", "org.elasticsearch.snapshots.SnapshotsService", "masterService#updateTask][T#1",
                   "snapshot [s3-backups:nightly-2025.07.02-%s/%s] started" % (hexid(6), hexid(22)))
    for tt in (T(12, 41, 3.3), T(12, 53, 48.1)):
        es_log(master, tt, "INFO", "org.elasticsearch.cluster.metadata.MetadataMappingService", "masterService#updateTask][T#1",
               "[%s/%s] update_mapping [_doc]" % (INDEX, INDEX_UUID))
    t = FEED_ON + 19
    version = 8123311
    while t < END:
        p = es_pressure(t)
        es_log(master, t, "INFO", "org.elasticsearch.cluster.metadata.MetadataMappingService", "masterService#updateTask][T#1",
               "[%s/%s] update_mapping [_doc]" % (INDEX, INDEX_UUID))
        version += 1
        took = lognorm(0.4 + 22 * p, 0.35)
        if took > 10:
            es_log(master, t + took, "WARN", "org.elasticsearch.cluster.service.MasterService", "masterService#updateTask][T#1",
                   "took [%.1fs/%dms] to compute cluster state update for [put-mapping [%s/%s][_doc], put-mapping [%s/%s][_doc]], which exceeds the warn threshold of [10s]" % (
                       took, int(took * 1000), INDEX, INDEX_UUID, INDEX, INDEX_UUID))
        if p > 0.35 and R.random() < 0.35:
            lag_node = R.choice(ES_DATA)
            es_log(master, t + took + 10.0, "INFO", "org.elasticsearch.cluster.coordination.Coordinator", "generic][T#%d" % R.randint(1, 30),
                   "after [10s] publication of cluster state version [%d] is still waiting for {%s}{%s}{%s}{%s}{10.8.%d.%d}{10.8.%d.%d:9300}{dir}{xpack.installed=true, k8s_node_name=%s} [SENT_APPLY_COMMIT]" % (
                       version, lag_node["pod_name"], NODE_IDS[lag_node["pod_name"]], hexid(22), "10.8.2.4", R.randint(0, 2), R.randint(40, 49), R.randint(0, 2), R.randint(40, 49), lag_node["host"]))
        if p > 0.3 and R.random() < 0.5:
            dn = R.choice(ES_DATA)
            ap = lognorm(8 + 40 * p, 0.3)
            if ap > 30:
                es_log(dn, t + took + ap, "WARN", "org.elasticsearch.cluster.service.ClusterApplierService", "clusterApplierService#updateTask][T#1",
                       "cluster state applier task [ApplyCommitRequest{term=14, version=%d, sourceNode={es-master-1}{%s}}] took [%.1fs] which is above the warn threshold of [30s]: [running task [ApplyCommitRequest{term=14, version=%d}]] took [0ms], [connecting to new nodes] took [0ms], [applying settings] took [0ms], [org.elasticsearch.indices.cluster.IndicesClusterStateService@%s] took [%dms], [org.elasticsearch.script.ScriptService@%s] took [0ms]" % (
                           version, NODE_IDS["es-master-1"], ap, version, hexid(8), int(ap * 1000) - R.randint(20, 200), hexid(8)))
        t += lognorm(2.6, 0.3) + took * 0.55
    for dn in ES_DATA:
        t = FEED_ON + 180 + R.uniform(0, 60)
        gcn = R.randint(180000, 190000)
        while t < END:
            p = es_pressure(t)
            if R.random() < p:
                gcn += R.randint(3, 40)
                spent = lognorm(0.6 + 3 * p, 0.3)
                lvl = "WARN" if spent > 1.0 else "INFO"
                es_log(dn, t, lvl, "org.elasticsearch.monitor.jvm.JvmGcMonitorService", "scheduler][T#1",
                       "[gc][%d] overhead, spent [%.1fs] collecting in the last [%.1fs]" % (gcn, spent, spent + R.uniform(0.1, 0.5)))
            t += R.uniform(15, 60)
    t = FEED_ON + 400
    while t < END:
        dn = R.choice(ES_DATA)
        es_log(dn, t, "WARN", "org.elasticsearch.transport.InboundHandler", "transport_worker][T#%d" % R.randint(1, 8),
               "handling request [InboundMessage{Header{%d}{8.14.3}{%d}{true}{false}{false}{false}{indices:data/read/search[phase/query]}}] took [%dms] which is above the warn threshold of [5000ms]" % (
                   R.randint(1000, 9999), R.randint(10 ** 7, 10 ** 8), R.randint(5100, 21000)))
        t += R.uniform(20, 90)


def pylog(meta, t, level, name, msg):
    emit(meta, t, "%s %s [%s] %s" % (py_ts(t), level, name, msg), stream="stderr")


def ingest_logs():
    m = INGEST
    feeds = ["northwind", "acme-home", "kestrel-outdoor"]
    t = START + 3
    while t < END:
        feed = R.choice(feeds + (["brightline-v3"] * 3 if t > FEED_ON else []))
        n = R.randint(200, 500)
        p = es_pressure(t)
        if t < FEED_ON + 19 or feed != "brightline-v3":
            took = int(lognorm(180 + 2500 * p, 0.3))
        else:
            took = int(lognorm(900 + 26000 * p, 0.35))
        te = t + took / 1000.0
        if took > 30000 or (p > 0.4 and feed == "brightline-v3" and R.random() < 0.5):
            failed = R.randint(int(n * 0.2), n)
            pylog(m, te, "WARNING", "catalog_ingest.sink.es", "bulk to %s: %d/%d items failed (feed=%s, took=%dms)" % (INDEX, failed, n, feed, took))
            reason = R.choice(["process_cluster_event_timeout_exception: failed to process cluster event (put-mapping [%s/%s]) within 30s" % (INDEX, INDEX_UUID),
                               "process_cluster_event_timeout_exception: failed to process cluster event (put-mapping [%s/%s]) within 30s" % (INDEX, INDEX_UUID),
                               "es_rejected_execution_exception: rejected execution of coordinating operation [coordinating_and_primary_bytes=%d, replica_bytes=0, all_bytes=%d, coordinating_operation_bytes=%d, max_coordinating_and_primary_bytes=107374182]" % (R.randint(10 ** 8, 1.07 * 10 ** 8), R.randint(10 ** 8, 1.07 * 10 ** 8), R.randint(10 ** 5, 10 ** 6))])
            pylog(m, te + 0.001, "ERROR", "catalog_ingest.sink.es", "first failure: index=%s _id=%s status=%d error=%s" % (
                INDEX, "sku-%d" % R.randint(100000, 999999), 503 if "timeout" in reason else 429, reason))
            pylog(m, te + 0.002, "INFO", "catalog_ingest.sink.es", "re-queueing %d failed items (attempt %d/5, backoff %.1fs)" % (failed, R.randint(1, 5), R.uniform(0.5, 4)))
        else:
            pylog(m, te, "INFO", "catalog_ingest.sink.es", "bulk indexed %d docs into %s (feed=%s, took=%dms, errors=false)" % (n, INDEX, feed, took))
        if feed == "kestrel-outdoor" and R.random() < 0.2:
            pylog(m, te + 0.01, "WARNING", "catalog_ingest.normalize", "skipped %d rows without price (feed=kestrel-outdoor)" % R.randint(1, 12))
        t = te + R.uniform(1.5, 5.0)
    pylog(m, FEED_ON - 0.4, "INFO", "catalog_ingest.config", "config reloaded from /etc/catalog-ingest/feeds.yaml (revision 118 -> 119)")
    pylog(m, FEED_ON, "INFO", "catalog_ingest.feeds", "feed brightline-v3 enabled: source=sftp://feeds.brightline-supply.com/export/v3/, schedule=continuous, attributes_mode=passthrough")
    pylog(m, FEED_ON + 14.2, "INFO", "catalog_ingest.feeds", "brightline-v3: fetched delta export (48211 products, 16.3 MiB)")
    pylog(m, FEED_ON + 17.9, "WARNING", "catalog_ingest.normalize", "brightline-v3: 48211 rows carry attribute keys not present in the attribute registry; passing through as-is")


def clef(meta, t, level, mt, props, exc=None, rendered=None):
    d = {"@t": iso_7(t), "@mt": mt}
    if level != "Information":
        d["@l"] = level
    if rendered:
        d["@r"] = rendered
    if exc:
        d["@x"] = exc
    d.update(props)
    emit(meta, t, json.dumps(d, separators=(",", ":")))


def spring(meta, t, level, thread, logger, msg):
    d = dt(t)
    ts = d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)
    emit(meta, t, "%s %5s 1 --- [storefront-bff] [%15s] %-40s : %s" % (ts, level, thread[-15:], logger[-40:], msg))


QUERIES = ["sofa", "desk lamp", "outdoor chair", "bath towel", "queen duvet", "wall shelf", "bar stool", "area rug 8x10", "planter", "mirror"]


def search_call(t, kind, q, trace):
    m = R.choice(SEARCH_API)
    p = es_pressure(t)
    es_ms = lognorm(35 + 2600 * p * p, 0.55)
    timeout_ms = 2000
    ctx = {"SourceContext": "Search.Api.Elastic.ProductSearch", "TraceId": trace, "Application": "search-api"}
    if es_ms > timeout_ms:
        d = timeout_ms + R.uniform(1, 12)
        exc = ("Elastic.Transport.UnexpectedTransportException: The request was canceled due to the configured HttpClient.Timeout of 2 seconds elapsing.\n"
               " ---> System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 2 seconds elapsing.\n"
               " ---> System.TimeoutException: A task was canceled.\n"
               "   at System.Net.Http.HttpClient.HandleFailure(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)\n"
               "   at Elastic.Transport.HttpRequestInvoker.RequestCoreAsync[TResponse](Boolean isAsync, Endpoint endpoint, BoundConfiguration boundConfiguration, PostData postData, CancellationToken cancellationToken)\n"
               "   at Search.Api.Elastic.ProductSearch.QueryAsync(SearchRequest request, CancellationToken ct) in /src/Search.Api/Elastic/ProductSearch.cs:line 87")
        clef(m, t + d / 1000, "Error", "Elasticsearch query failed for {Index} after {ElapsedMs} ms",
             dict(ctx, Index="products", ElapsedMs=int(d), Query=q, Node="https://search-prod-es-http.search.svc:9200"), exc=exc)
        return 503, d + 2
    if p > 0.5 and R.random() < 0.08 * p:
        d = es_ms
        clef(m, t + d / 1000, "Error", "Elasticsearch query failed for {Index} after {ElapsedMs} ms",
             dict(ctx, Index="products", ElapsedMs=int(d), Query=q, Node="https://search-prod-es-http.search.svc:9200"),
             exc="Elastic.Transport.TransportException: Request failed to execute. Call: Status code 429 from: POST /products/_search?typed_keys=true. ServerError: Type: es_rejected_execution_exception Reason: \"rejected execution of TimedRunnable{original=org.elasticsearch.action.search.FetchSearchPhase$1@%s} on TaskExecutionTimeTrackingEsThreadPoolExecutor[name = es-data-%d/search, queue capacity = 1000, task execution EWMA = 2.1s, total task execution time = 19.2h, org.elasticsearch.common.util.concurrent.TaskExecutionTimeTrackingEsThreadPoolExecutor@%s[Running, pool size = 13, active threads = 13, queued tasks = 1000, completed tasks = %d]]\"" % (
                 hexid(8), R.randint(0, 3), hexid(8), R.randint(10 ** 7, 10 ** 8)))
        return 503, d
    d = es_ms + lognorm(4, 0.3)
    if d > 800:
        clef(m, t + d / 1000, "Warning", "Slow search {Query} took {ElapsedMs} ms (es took {EsTookMs} ms)",
             dict(ctx, Query=q, ElapsedMs=int(d), EsTookMs=int(es_ms * 0.9)))
    elif R.random() < 0.08:
        clef(m, t + d / 1000, "Information", "Search {Query} returned {Hits} hits in {ElapsedMs} ms",
             dict(ctx, Query=q, Hits=R.randint(0, 900), ElapsedMs=int(d)))
    return 200, d


def traffic():
    t = START
    reqcount = 880211
    while t < END:
        t += R.expovariate(0.34)
        reqcount += R.randint(1, 4)
        x = R.random()
        b = R.choice(BFF)
        trace = hexid(32)
        thread = "http-nio-8080-exec-%d" % R.randint(1, 200)
        if x < 0.38:
            q = R.choice(QUERIES)
            path = "/api/search?q=%s&page=%d" % (q.replace(" ", "+"), R.randint(1, 3))
            sc, d = search_call(t + 0.002, "search", q, trace)
            d += lognorm(6, 0.3)
            code = 200 if sc == 200 else 502
            if sc != 200:
                spring(b, t + d / 1000, "ERROR", thread, "c.l.storefront.search.SearchClient",
                       "search-api call failed: 503 Service Unavailable from GET http://search-api.prod.svc.cluster.local/v1/search [traceId=%s]" % trace)
            router, svc, port = "storefront-bff@kubernetescrd", "prod-storefront-bff-8080@kubernetescrd", 8080
        elif x < 0.62:
            slug = "p-%d" % R.randint(10000, 99999)
            path = "/api/products/%s" % slug
            d = lognorm(30, 0.3)
            sc, d2 = search_call(t + d / 1000, "similar", "more_like_this:" + slug, trace)
            d += min(d2, 2100)
            code = 200
            if sc != 200:
                spring(b, t + d / 1000, "WARN", thread, "c.l.storefront.product.ProductService",
                       "similar-items unavailable for %s, rendering without carousel: 503 Service Unavailable from GET http://search-api.prod.svc.cluster.local/v1/similar" % slug)
            router, svc, port = "storefront-bff@kubernetescrd", "prod-storefront-bff-8080@kubernetescrd", 8080
        elif x < 0.72:
            path = "/api/recommendations?ctx=home"
            reco = RECO_NEW if t > RECO_DEPLOY + 15 else RECO_OLD
            d = lognorm(60, 0.3)
            code = 200
            if RECO_DEPLOY + 15 < t < RECO_DEPLOY + 200 and R.random() < 0.4:
                code = 500
            router, svc, port = "recommendation-svc@kubernetescrd", "prod-recommendation-svc-8000@kubernetescrd", 8000
        elif x < 0.80:
            path = "/api/cart"
            d = lognorm(22, 0.3)
            code = 200
            router, svc, port = "storefront-bff@kubernetescrd", "prod-storefront-bff-8080@kubernetescrd", 8080
        else:
            path = "/assets/app.%s.js" % "b71c9e"
            d = lognorm(2, 0.3)
            code = 200
            router, svc, port = "static-web@kubernetescrd", "prod-static-web-80@kubernetescrd", 80
        dur_ns = int(d * 1e6)
        ip = "10.8.%d.%d" % (R.randint(0, 2), R.randint(50, 90))
        cip = "%d.%d.%d.%d" % (R.choice([31, 62, 79, 89, 145, 188]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
        acc = {"ClientAddr": "%s:%d" % (cip, R.randint(20000, 65000)), "ClientHost": cip, "ClientPort": str(R.randint(20000, 65000)),
               "ClientUsername": "-", "DownstreamContentSize": R.randint(400, 30000) if code == 200 else 21,
               "DownstreamStatus": code, "Duration": dur_ns + R.randint(20000, 90000), "OriginContentSize": R.randint(400, 30000) if code == 200 else 21,
               "OriginDuration": dur_ns, "OriginStatus": code, "Overhead": R.randint(20000, 90000), "RequestAddr": "www.lindenhaus.com",
               "RequestContentSize": 0, "RequestCount": reqcount, "RequestHost": "www.lindenhaus.com", "RequestMethod": "GET",
               "RequestPath": path, "RequestPort": "-", "RequestProtocol": "HTTP/2.0", "RequestScheme": "https", "RetryAttempts": 0,
               "RouterName": "prod-" + router, "ServiceAddr": "%s:%d" % (ip, port), "ServiceName": svc, "ServiceURL": "http://%s:%d" % (ip, port),
               "StartLocal": iso_ns(t).replace("Z", "Z"), "StartUTC": iso_ns(t), "TLSCipher": "TLS_AES_128_GCM_SHA256", "TLSVersion": "1.3",
               "entryPointName": "websecure", "level": "info", "msg": "", "time": dt(t + d / 1000).strftime("%Y-%m-%dT%H:%M:%SZ")}
        emit(TRAEFIK, t + d / 1000, json.dumps(acc, separators=(",", ":")))


def background():
    for b in BFF:
        t = START + R.uniform(0, 20)
        while t < END:
            t += R.uniform(20, 70)
            x = R.random()
            if x < 0.4:
                spring(b, t, "WARN", "http-nio-8080-exec-%d" % R.randint(1, 200), "c.l.storefront.cart.CartMerger",
                       "Guest cart %s references unavailable variant, dropping line" % hexid(10))
            elif x < 0.7:
                spring(b, t, "INFO", "scheduling-1", "c.l.storefront.config.FlagRefresher", "Refreshed 41 feature flags (etag=W/\"%s\")" % hexid(8))
            else:
                spring(b, t, "ERROR", "http-nio-8080-exec-%d" % R.randint(1, 200), "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                       "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: java.lang.IllegalArgumentException: Invalid currency code: XTS] with root cause")
    for m in SEARCH_API:
        t = START + R.uniform(0, 20)
        while t < END:
            t += R.uniform(40, 120)
            if R.random() < 0.5:
                clef(m, t, "Warning", "Synonym set {SynonymSet} is stale ({AgeHours} h), using cached copy",
                     {"SynonymSet": "home-goods-en", "AgeHours": R.randint(30, 40), "SourceContext": "Search.Api.Synonyms.SynonymCache", "Application": "search-api"})
            else:
                clef(m, t, "Information", "Health check {Check} completed with status {Status}",
                     {"Check": "elasticsearch", "Status": "Healthy" if es_pressure(t) < 0.6 else "Degraded", "SourceContext": "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", "Application": "search-api"})
    t = START
    while t < END:
        t += R.uniform(5, 25)
        reco = RECO_NEW if t > RECO_DEPLOY + 15 else RECO_OLD
        if RECO_DEPLOY < t < RECO_DEPLOY + 15:
            continue
        if reco is RECO_NEW and t < RECO_DEPLOY + 200 and R.random() < 0.6:
            emit(reco, t, "%s ERROR [reco.api] Exception on /recommendations [GET]\nTraceback (most recent call last):\n  File \"/app/.venv/lib/python3.12/site-packages/flask/app.py\", line 1473, in wsgi_app\n    response = self.full_dispatch_request()\n  File \"/app/reco/api.py\", line 64, in recommendations\n    vec = store.user_vector(uid)\n  File \"/app/reco/store.py\", line 31, in user_vector\n    raw = self.redis.hget(f\"uv:{uid}\", \"v2\")\nredis.exceptions.ResponseError: WRONGTYPE Operation against a key holding the wrong kind of value" % py_ts(t), stream="stderr")
        else:
            emit(reco, t, "%s INFO [reco.api] served %d recommendations (model=%s)" % (py_ts(t), R.randint(8, 24), "als-2025w26" if reco is RECO_OLD else "als-2025w27"), stream="stderr")
    emit(RECO_OLD, RECO_DEPLOY + 14.0, "%s INFO [gunicorn.error] Handling signal: term" % py_ts(RECO_DEPLOY + 14.0), stream="stderr")
    emit(RECO_NEW, RECO_DEPLOY + 2.0, "%s INFO [gunicorn.error] Starting gunicorn 22.0.0" % py_ts(RECO_DEPLOY + 2.0), stream="stderr")
    emit(RECO_NEW, RECO_DEPLOY + 2.1, "%s INFO [gunicorn.error] Listening at: http://0.0.0.0:8000 (1)" % py_ts(RECO_DEPLOY + 2.1), stream="stderr")
    emit(RECO_NEW, RECO_DEPLOY + 5.3, "%s INFO [reco.model] loaded model als-2025w27 (412k users, 38k items)" % py_ts(RECO_DEPLOY + 5.3), stream="stderr")
    emit(RECO_NEW, RECO_DEPLOY + 200.5, "%s INFO [reco.store] migrated user vectors to hash layout (uv:* v2), 412339 keys" % py_ts(RECO_DEPLOY + 200.5), stream="stderr")
    t = START + 30
    while t < END:
        t += R.uniform(120, 300)
        emit(TRAEFIK, t, json.dumps({"level": "error", "providerName": "kubernetescrd", "ingress": "legacy-admin", "namespace": "prod",
                                     "error": "kubernetes service not found: prod/legacy-admin", "time": dt(t).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                     "message": "Cannot create service"}, separators=(",", ":")))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    es_logs()
    ingest_logs()
    traffic()
    background()
    for path in sorted(LINES):
        full = os.path.join(OUT, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        rows = sorted(LINES[path], key=lambda r: (r[0], r[1]))
        with open(full, "w", encoding="utf-8", newline="\n") as fh:
            for r in rows:
                fh.write(r[2])
                fh.write("\n")


if __name__ == "__main__":
    main()
