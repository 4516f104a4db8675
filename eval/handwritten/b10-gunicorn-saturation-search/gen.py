#!/usr/bin/env python3
"""b10: a scraper's size=500 searches pin every gunicorn sync worker of
search-api (CPU-bound re-ranking); queued requests time out in catalog-bff,
whose retries triple the load.  Elasticsearch is fine (its slowlog noise is
pre-existing).  No topology.  Run: python3 gen.py"""
SEED = 1010
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common.py")).read())

# ---- case -------------------------------------------------------------------
import heapq

clean_logs()
S = Sink()

START = T("2026-08-11T18:52:00Z")
END = T("2026-08-11T19:23:00Z")
BOT_START = T("2026-08-11T19:05:31.200Z")
BOT_BLOCK = T("2026-08-11T19:17:42.000Z")
SEARCH_SKEW = timedelta(seconds=-5.2)   # search-api nodes' clock is behind
BFF_TIMEOUT = 2.0
PODS = ["search-api-5fd8b7c9d-4gq2m", "search-api-5fd8b7c9d-lx7tw"]
WORKERS = 8

ENV = "logs/front-envoy/access.json"
BFF = "logs/catalog-bff.log"
SA = {p: "logs/%s.log" % p for p in PODS}
ESL = "logs/search-es/products_index_search_slowlog.json"
PA = "logs/product-api.log"
RV = "logs/reviews-api.log"
BOT_IPS = ["185.191.171.%d" % i for i in (4, 9, 17, 33)]


def env(t, method, path, status, flags, dur, cluster, ua, xff, rid, upstream_host):
    d = {"start_time": iso(t), "method": method, "path": path, "protocol": "HTTP/1.1", "response_code": status, "response_flags": flags,
         "bytes_received": 0, "bytes_sent": R.randint(200, 40000) if status == 200 else R.randint(15, 100), "duration": int(dur * 1000),
         "upstream_service_time": str(int(dur * 1000) - 1) if status < 500 and flags == "-" else None, "x_forwarded_for": xff, "user_agent": ua,
         "request_id": rid, "authority": "shop.larkspur-outdoor.com", "upstream_host": upstream_host, "upstream_cluster": cluster}
    S.add(ENV, t + timedelta(seconds=dur), json.dumps(d, separators=(",", ":")))


def sa_access(pod, t_end, method, path, status, dur, ua):
    lt = t_end + SEARCH_SKEW
    S.add(SA[pod], t_end, '10.60.1.%d - - [%s] "%s %s HTTP/1.1" %d %d "-" "%s" %.3f' % (R.randint(10, 30), clf(lt - timedelta(seconds=dur)), method, path, status, R.randint(2000, 90000), ua, dur))


def sa_err(pod, t, wpid, lvl, msg):
    S.add(SA[pod], t, gunicorn_err(t + SEARCH_SKEW, wpid, lvl, msg))


def sa_app(pod, t, lvl, mod, msg):
    S.add(SA[pod], t, pylog(t + SEARCH_SKEW, lvl, mod, msg))


# ------------------------------------------------------------------ workload
# events: (arrival, kind, payload)
arrivals = []
for t in poisson_times(START, END, 1.3):
    arrivals.append((t, "user", None))
for t in poisson_times(BOT_START, BOT_BLOCK, 1.1):
    arrivals.append((t, "bot", None))
for t in poisson_times(BOT_BLOCK, END, 1.1):
    if t < BOT_BLOCK + timedelta(minutes=4):
        arrivals.append((t, "blocked", None))
arrivals.sort(key=lambda a: a[0])

free = {p: [START] * WORKERS for p in PODS}     # min-heaps of worker free times
for p in PODS:
    heapq.heapify(free[p])
wpids = {p: list(range(20 + 10 * i, 20 + 10 * i + WORKERS)) for i, p in enumerate(PODS)}
rr = [0]
QUERIES = ["tent", "2 person tent", "sleeping bag", "rain jacket", "trail shoes", "headlamp", "stove", "carabiner", "backpack 40l", "merino socks"]


BACKLOG = 40          # gunicorn --backlog 40 (listen queue)
queued = {p: [] for p in PODS}


def attempt(t, q, size, ua):
    """dispatch one HTTP request to search-api at time t; returns (pod, start, end, service)
    or (pod, None, None, None) when the listen queue is full (connection reset)."""
    rr[0] += 1
    pod = PODS[rr[0] % 2]
    queued[pod] = [x for x in queued[pod] if x > t]
    if len(queued[pod]) >= BACKLOG:
        return pod, None, None, None
    wfree = heapq.heappop(free[pod])
    start = max(t, wfree)
    if size >= 500:
        svc = R.uniform(3.0, 6.5) if R.random() > 0.02 else R.uniform(31, 40)
    else:
        svc = logn(45, 0.3) / 1000
    end = start + timedelta(seconds=min(svc, 30.0 + 0.3))
    heapq.heappush(free[pod], end)
    if start > t:
        queued[pod].append(start)
    return pod, start, end, svc


for (t, kind, _) in arrivals:
    rid = uuid()
    if kind == "blocked":
        env(t, "GET", "/api/search?q=%s&size=500&page=%d" % (R.choice(QUERIES).replace(" ", "+"), R.randint(1, 400)), 403, "-", 0.0004, "-", "python-requests/2.31.0", R.choice(BOT_IPS), rid, "-")
        continue
    bot = kind == "bot"
    q = R.choice(QUERIES)
    size = 500 if bot else 24
    page = R.randint(1, 400) if bot else R.randint(1, 3)
    path = "/api/search?q=%s&size=%d&page=%d" % (q.replace(" ", "+"), size, page)
    ua = "python-requests/2.31.0" if bot else R.choice(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/127.0", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X)"])
    xff = R.choice(BOT_IPS) if bot else ip("82.4")
    # catalog-bff: 2s timeout, up to 3 attempts, backoff 100ms/200ms
    tt = t + timedelta(milliseconds=2)
    ok = False
    for n in range(1, 4):
        pod, st, en, svc = attempt(tt, q, size, ua)
        if st is None:
            et = tt + timedelta(milliseconds=R.randint(1, 4))
            S.add(BFF, et, pino(et, "error", "search upstream error", 7, "catalog-bff-6b9d-xq2", reqId=rid, attempt=n,
                                upstream="http://search-api.catalog.svc:8000/search", err={"type": "SocketError", "message": "other side closed", "code": "UND_ERR_SOCKET"}))
            if n < 3:
                S.add(BFF, et + timedelta(milliseconds=1), pino(et, "warn", "retrying search request", 7, "catalog-bff-6b9d-xq2", reqId=rid, attempt=n + 1, backoffMs=100 * n))
            tt = et + timedelta(milliseconds=100 * n)
            continue
        wpid = R.choice(wpids[pod])
        done = (en - tt).total_seconds()
        if svc > 30.0:
            # gunicorn kills the worker
            kt = st + timedelta(seconds=30.0 + R.uniform(0.1, 0.6))
            sa_err(pod, kt, 1, "CRITICAL", "WORKER TIMEOUT (pid:%d)" % wpid)
            sa_err(pod, kt + timedelta(milliseconds=3), wpid, "INFO", "Worker exiting (pid: %d)" % wpid)
            nw = max(wpids[pod]) + R.randint(1, 3)
            wpids[pod].remove(wpid)
            wpids[pod].append(nw)
            sa_err(pod, kt + timedelta(milliseconds=R.randint(250, 600)), nw, "INFO", "Booting worker with pid: %d" % nw)
        elif done <= BFF_TIMEOUT:
            sa_access(pod, en, "GET", "/search?q=%s&size=%d&page=%d" % (q.replace(" ", "+"), size, page), 200, svc, "undici")
            ok = True
            break
        else:
            # bff gave up; worker still runs the request later and hits EPIPE on write
            if svc >= 4.0:
                sa_app(pod, st + timedelta(seconds=svc - 0.01), "WARNING", "search.rerank", "rerank of %d hits took %d ms (q=%r)" % (size, int(svc * 1000), q))
            if R.random() < 0.35:
                sa_err(pod, en, wpid, "ERROR", "Socket error processing request.\nTraceback (most recent call last):\n  File \"/usr/local/lib/python3.11/site-packages/gunicorn/workers/sync.py\", line 135, in handle\n    self.handle_request(listener, req, client, addr)\n  File \"/usr/local/lib/python3.11/site-packages/gunicorn/workers/sync.py\", line 193, in handle_request\n    util.reraise(*sys.exc_info())\n  File \"/usr/local/lib/python3.11/site-packages/gunicorn/http/wsgi.py\", line 346, in write\n    util.write(self.sock, arg, self.chunked)\nBrokenPipeError: [Errno 32] Broken pipe")
            else:
                sa_access(pod, en, "GET", "/search?q=%s&size=%d&page=%d" % (q.replace(" ", "+"), size, page), 200, svc, "undici")
        et = tt + timedelta(seconds=BFF_TIMEOUT)
        S.add(BFF, et, pino(et, "error", "search upstream timeout", 7, "catalog-bff-6b9d-xq2", reqId=rid, attempt=n,
                            upstream="http://search-api.catalog.svc:8000/search", err={"type": "HeadersTimeoutError", "message": "Headers Timeout Error", "code": "UND_ERR_HEADERS_TIMEOUT"}, timeoutMs=2000))
        if n < 3:
            S.add(BFF, et + timedelta(milliseconds=1), pino(et, "warn", "retrying search request", 7, "catalog-bff-6b9d-xq2", reqId=rid, attempt=n + 1, backoffMs=100 * n))
        tt = et + timedelta(milliseconds=100 * n)
    total = (tt - t).total_seconds() if not ok else (en - t).total_seconds() + 0.003
    if ok:
        if R.random() < 0.2:
            S.add(BFF, t + timedelta(seconds=total), pino(t + timedelta(seconds=total), "info", "request completed", 7, "catalog-bff-6b9d-xq2", reqId=rid, req={"method": "GET", "url": path}, res={"statusCode": 200}, responseTime=int(total * 1000)))
        env(t, "GET", path, 200, "-", total + 0.001, "catalog_bff", ua, xff, rid, "10.60.2.14:3000")
    else:
        # envoy route timeout is 5s: it answers 504 UT before bff finishes its third attempt
        S.add(BFF, t + timedelta(seconds=total), pino(t + timedelta(seconds=total), "error", "request errored", 7, "catalog-bff-6b9d-xq2", reqId=rid, req={"method": "GET", "url": path}, res={"statusCode": 502}, responseTime=int(total * 1000),
                                                       err={"type": "SearchUnavailable", "message": "search-api did not answer after 3 attempts"}))
        if total >= 5.0:
            env(t, "GET", path, 504, "UT", 5.0 + R.uniform(0, 0.003), "catalog_bff", ua, xff, rid, "10.60.2.14:3000")
        else:
            env(t, "GET", path, 502, "-", total + 0.002, "catalog_bff", ua, xff, rid, "10.60.2.14:3000")

# ------------------------------------------------------------------ other traffic (unaffected)
for t in poisson_times(START, END, 3.0):
    rid = uuid()
    k = R.random()
    if k < 0.6:
        d = logn(25, 0.35) / 1000
        pid_ = R.randint(1000, 99999)
        if R.random() < 0.1:
            S.add(PA, t + timedelta(seconds=d), zap(t + timedelta(seconds=d), "info", "api/product.go:64", "product served", product_id=pid_, cache=R.choice(["hit", "miss"]), latency_ms=int(d * 1000)))
        env(t, "GET", "/api/products/%d" % pid_, 200, "-", d + 0.004, "catalog_bff", "Mozilla/5.0 (X11; Linux x86_64) Firefox/129.0", ip("82.1"), rid, "10.60.2.14:3000")
    else:
        d = logn(35, 0.35) / 1000
        env(t, "GET", "/api/products/%d/reviews" % R.randint(1000, 99999), 200, "-", d + 0.004, "catalog_bff", "Mozilla/5.0 (X11; Linux x86_64) Firefox/129.0", ip("82.1"), rid, "10.60.2.14:3000")
# reviews-api: pre-existing error (spam classifier unreachable), constant
for t in poisson_times(START, END, 1 / 14.0):
    S.add(RV, t, logrus(t, "error", "spam classifier call failed, accepting review unscored", err='Post "http://spam-clf.ml.svc:8080/score": dial tcp 10.60.9.4:8080: connect: connection refused', review_id=R.randint(10**6, 10**7)))
for t in every(START, END, 30):
    S.add(RV, t, logrus(t, "info", "moderation queue", pending=R.randint(20, 60)))
    S.add(PA, t, zap(t, "info", "cache/stats.go:18", "cache stats", hit_ratio=round(R.uniform(0.88, 0.95), 3), entries=R.randint(40000, 42000)))

# elasticsearch slowlog: pre-existing constant rate, unrelated to the incident
for t in poisson_times(START, END, 1 / 8.0):
    took = R.uniform(520, 1900)
    d = {"@timestamp": iso(t), "log.level": "WARN", "elasticsearch.slowlog.id": None, "elasticsearch.slowlog.message": "[products][%d]" % R.randint(0, 4),
         "elasticsearch.slowlog.search_type": "QUERY_THEN_FETCH", "elasticsearch.slowlog.source": '{"size":24,"query":{"bool":{"must":[{"multi_match":{"query":"%s","fields":["name^3","description"]}}],"filter":[{"term":{"in_stock":true}}]}},"aggregations":{"facets":{"terms":{"field":"brand.keyword","size":200}}}}' % R.choice(QUERIES),
         "elasticsearch.slowlog.stats": "[]", "elasticsearch.slowlog.took": "%.1fms" % took, "elasticsearch.slowlog.took_millis": int(took), "elasticsearch.slowlog.total_hits": "%d hits" % R.randint(100, 9000),
         "elasticsearch.slowlog.total_shards": 5, "ecs.version": "1.2.0", "service.name": "ES_ECS", "event.dataset": "elasticsearch.index_search_slowlog", "process.thread.name": "elasticsearch[es-data-%d][search][T#%d]" % (R.randint(0, 2), R.randint(1, 13)),
         "log.logger": "index.search.slowlog.query", "elasticsearch.cluster.name": "larkspur-search", "elasticsearch.node.name": "es-data-%d" % R.randint(0, 2)}
    S.add(ESL, t, json.dumps(d, separators=(",", ":")))

# gunicorn startup noise from the previous deploy (hours before) is not in the window; periodic app info
for p in PODS:
    for t in every(START + timedelta(seconds=R.uniform(0, 60)), END, 60):
        sa_app(p, t, "INFO", "search.index", "synonyms refreshed (%d entries)" % R.randint(1200, 1300))
    for t in every(START, END, 10):
        S.add(SA[p], t, '10.60.0.1 - - [%s] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.30" 0.001' % clf(t + SEARCH_SKEW)) if (t < BOT_START or t > BOT_BLOCK + timedelta(seconds=90)) else None

S.add(BFF, START + timedelta(seconds=777), garbage())
S.write()
