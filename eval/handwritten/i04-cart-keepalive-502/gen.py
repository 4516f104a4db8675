#!/usr/bin/env python3
"""Generate the logs for this case (deterministic, stdlib only)."""
import os, shutil, random, json, math
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
R = random.Random(804)

def ep(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()

T0 = ep("2026-04-08T08:56:00")
T_END = ep("2026-04-08T09:46:00")
T_PROFILE_DEPLOY = ep("2026-04-08T09:16:48")
T_CART_DEPLOY = ep("2026-04-08T09:21:05") + 0.31

def dtu(t):
    return datetime.fromtimestamp(t, tz=timezone.utc)

def iso_ms(t):
    return dtu(t).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (int(round(t * 1000)) % 1000)

def uuid():
    return "%08x-%04x-4%03x-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12),
                                           0x8000 | R.getrandbits(14), R.getrandbits(48))

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

edge_access, edge_error = [], []
loki = {}   # stream-key -> list of (t_ns, line)
seq = [0]
def emit(lst, t, line):
    seq[0] += 1
    lst.append((t, seq[0], line))

def loki_emit(labels, t, line):
    key = json.dumps(labels, sort_keys=True)
    seq[0] += 1
    ns = int(round(t * 1e6)) * 1000 + R.randint(0, 999)
    loki.setdefault(key, []).append((ns, seq[0], line))

# ----------------------------------------------------------- pods
CART_OLD = ["cart-api-7d4b9c8f6-2xkqp", "cart-api-7d4b9c8f6-h7wmz", "cart-api-7d4b9c8f6-vq5ns"]
CART_NEW = ["cart-api-5f6c7b9d84-lk2tr", "cart-api-5f6c7b9d84-9pdxw", "cart-api-5f6c7b9d84-rm4hz"]
CART_SWAP = [T_CART_DEPLOY + 9.2, T_CART_DEPLOY + 44.7, T_CART_DEPLOY + 81.3]   # new pod ready, old pod terminated
PROF_OLD = ["profile-api-66c8d7f9b5-4gq8n", "profile-api-66c8d7f9b5-tx2vk"]
PROF_NEW = ["profile-api-7b9f5c6d47-bb6sm", "profile-api-7b9f5c6d47-k9xjr"]
PROF_SWAP = [T_PROFILE_DEPLOY + 12.4, T_PROFILE_DEPLOY + 39.0]
MEILI = "meilisearch-0"

def cart_pods(t):
    pods = []
    for i in range(3):
        pods.append(CART_NEW[i] if t >= CART_SWAP[i] else CART_OLD[i])
    return pods

def prof_pods(t):
    return [PROF_NEW[i] if t >= PROF_SWAP[i] else PROF_OLD[i] for i in range(2)]

NODES = ["ip-10-42-16-87.eu-central-1.compute.internal", "ip-10-42-17-8.eu-central-1.compute.internal", "ip-10-42-18-142.eu-central-1.compute.internal"]
NODE_OF = {}
for i, p in enumerate(CART_OLD + CART_NEW + PROF_OLD + PROF_NEW):
    NODE_OF[p] = NODES[(i * 2 + 1) % 3]

def cart_labels(pod):
    return {"app": "cart-api", "container": "cart-api", "job": "shop/cart-api", "namespace": "shop", "node_name": NODE_OF[pod], "pod": pod, "stream": "stdout"}

def prof_labels(pod):
    return {"app": "profile-api", "container": "profile-api", "job": "shop/profile-api", "namespace": "shop", "node_name": NODE_OF[pod], "pod": pod, "stream": "stderr"}

MEILI_LABELS = {"app": "meilisearch", "container": "meilisearch", "job": "search/meilisearch", "namespace": "search", "node_name": NODES[0], "pod": MEILI, "stream": "stderr"}

# ----------------------------------------------------------- app loggers
def winston(pod, t, level, message, meta, version):
    rec = {"service": "cart-api", "version": version}
    rec.update(meta)
    rec["level"] = level
    rec["message"] = message
    rec["timestamp"] = iso_ms(t)
    loki_emit(cart_labels(pod), t, json.dumps(rec, separators=(",", ":")))

def gokit(pod, t, pairs):
    d = dtu(t)
    ns = int(round(t * 1e6)) % 1000000 * 1000 + R.randint(0, 999)
    ts = d.strftime("%Y-%m-%dT%H:%M:%S.") + ("%09d" % ns).rstrip("0") + "Z"
    parts = ["ts=" + ts]
    for k, v in pairs:
        v = str(v)
        if v == "" or any(c in v for c in ' ="'):
            v = json.dumps(v)
        parts.append("%s=%s" % (k, v))
    loki_emit(prof_labels(pod), t, " ".join(parts))

def meili(t, line):
    loki_emit(MEILI_LABELS, t, "[%s %s" % (dtu(t).strftime("%Y-%m-%dT%H:%M:%SZ"), line))

# ----------------------------------------------------------- edge
CLIENTS = ["%d.%d.%d.%d" % (R.choice([2, 5, 31, 37, 46, 62, 77, 78, 79, 84, 87, 88, 91, 93, 176, 178, 185, 188, 217]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)) for _ in range(500)]
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.6312.99 Mobile Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:124.0) Gecko/20100101 Firefox/124.0",
       "Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.6312.80 Mobile Safari/537.36"]
UPSTREAMS = {"cart_api": "10.96.44.12:3000", "profile_api": "10.96.71.203:8080", "meilisearch": "10.96.9.88:7700", "web": "10.96.120.5:3000"}
PRODUCTS = ["p/%s-%d" % (R.choice(["linen-shirt", "wool-scarf", "denim-jacket", "running-shoe", "canvas-tote", "rain-coat", "chino", "hoodie", "beanie", "sneaker-low"]), R.randint(1000, 9999)) for _ in range(300)]
WORKERS = [27, 28, 29, 30]
WBASE = {27: 4811290, 28: 4790013, 29: 4835577, 30: 4802468}

def access(t_start, t_end, ip, method, uri, status, body, ref, ua, uct, uht, urt, uaddr, ustatus, phost, proto="HTTP/2.0"):
    d = dtu(t_start)
    line = '%s - - [%s] "%s %s %s" %d %d "%s" "%s" rt=%.3f uct="%s" uht="%s" urt="%s" ua="%s" us="%s" ph="%s" rid=%s' % (
        ip, d.strftime("%d/%b/%Y:%H:%M:%S +0000"), method, uri, proto, status, body, ref, ua, t_end - t_start, uct, uht, urt, uaddr, ustatus, phost, hexid(32))
    emit(edge_access, t_end, line)

def err(t, level, msg, ip, method, uri, upstream_url, ref):
    d = dtu(t)
    w = R.choice(WORKERS)
    conn = WBASE[w] + int((t - T0) * 97.3) + R.randint(0, 40)
    line = '%s [%s] %d#%d: *%d %s, client: %s, server: shop.example.com, request: "%s %s HTTP/2.0", upstream: "%s", host: "shop.example.com"' % (
        d.strftime("%Y/%m/%d %H:%M:%S"), level, w, w, conn, msg, ip, method, uri, upstream_url)
    if ref != "-":
        line += ', referrer: "%s"' % ref
    emit(edge_error, t, line)

def f3(x):
    return "%.3f" % x

def cart_request(t, ip, ua, ref):
    x = R.random()
    if x < 0.45:
        method, uri = "GET", "/api/cart"
    elif x < 0.75:
        method, uri = "POST", "/api/cart/items"
    elif x < 0.85:
        method, uri = "PATCH", "/api/cart/items/%s" % hexid(12)
    elif x < 0.93:
        method, uri = "DELETE", "/api/cart/items/%s" % hexid(12)
    else:
        method, uri = "POST", "/api/cart/coupon"
    pods = cart_pods(t)
    pod = R.choice(pods)
    new = pod in CART_NEW
    version = "3.8.0" if new else "3.7.4"
    up = UPSTREAMS["cart_api"]
    # keep-alive race: nginx reuses an idle upstream connection the pod is closing at the same instant
    race = new and R.random() < 0.075
    if race:
        tr = t + R.uniform(0.0004, 0.0019)
        msg = R.choice(["upstream prematurely closed connection while reading response header from upstream"] * 3 +
                       ["recv() failed (104: Connection reset by peer) while reading response header from upstream"])
        err(tr, "error", msg, ip, method, uri, "http://%s%s" % (up, uri), ref)
        if method in ("GET",):
            # cached connection failed -> nginx retries once on a fresh connection
            d = R.lognormvariate(-4.0, 0.4)
            pod2 = R.choice(pods)
            winston(pod2, tr + d, "info", "HTTP %s %s" % (method, uri), {"requestId": uuid(), "statusCode": 200, "responseTime": int(d * 1000),
                    "cartItems": R.randint(0, 9)}, "3.8.0" if pod2 in CART_NEW else "3.7.4")
            access(t, tr + d + 0.001, ip, method, uri, 200, R.randint(600, 3800), ref, ua, "0.000, 0.001", "-, " + f3(d), f3(tr - t) + ", " + f3(d),
                   up + ", " + up, "502, 200", "cart_api")
        else:
            access(t, tr + 0.0003, ip, method, uri, 502, 157, ref, ua, "0.000", "-", f3(tr - t), up, "502", "cart_api")
        return
    d = R.lognormvariate(-3.9, 0.45)
    status = 200 if method != "POST" or uri.endswith("coupon") else 201
    meta = {"requestId": uuid(), "statusCode": status, "responseTime": int(d * 1000)}
    level = "info"
    if uri.endswith("coupon") and R.random() < 0.3:
        status = 422
        meta["statusCode"] = 422
        winston(pod, t + d - 0.001, "warn", "coupon rejected", {"requestId": meta["requestId"], "code": R.choice(["EXPIRED", "NOT_FOUND", "MIN_BASKET"])}, version)
        level = "warn"
    if method == "POST" and R.random() < 0.01:
        winston(pod, t + d * 0.6, "warn", "stock reservation conflict, retrying", {"requestId": meta["requestId"], "sku": "SKU-%05d" % R.randint(10000, 99999), "attempt": 1}, version)
    winston(pod, t + d, level, "HTTP %s %s" % (method, uri.split("?")[0]), meta, version)
    uct = f3(R.choice([0.0, 0.0, 0.0, 0.001]))
    access(t, t + d + 0.001, ip, method, uri, status, R.randint(300, 3800) if status < 400 else 88, ref, ua, uct, f3(d), f3(d), up, str(status), "cart_api")

def profile_request(t, ip, ua, ref):
    method, uri = R.choice([("GET", "/api/profile/me"), ("GET", "/api/profile/me"), ("GET", "/api/profile/addresses"), ("PUT", "/api/profile/preferences"), ("POST", "/api/profile/addresses")])
    up = UPSTREAMS["profile_api"]
    # rollout: kube-proxy still sends some new connections to a terminating pod
    in_roll = any(0 < t - s < 6 for s in PROF_SWAP)
    if in_roll and R.random() < 0.4:
        tr = t + R.uniform(0.0005, 0.002)
        err(tr, "error", "connect() failed (111: Connection refused) while connecting to upstream", ip, method, uri, "http://%s%s" % (up, uri), ref)
        if method == "GET":
            d = R.lognormvariate(-5.0, 0.4)
            pod = R.choice(prof_pods(t))
            gokit(pod, tr + d, [("caller", "transport.go:118"), ("level", "info"), ("method", method), ("path", uri), ("status", 200), ("took", "%.3fms" % (d * 1000)), ("request_id", hexid(16))])
            access(t, tr + d + 0.001, ip, method, uri, 200, R.randint(300, 2000), ref, ua, "-, 0.001", "-, " + f3(d), f3(tr - t) + ", " + f3(d), up + ", " + up, "502, 200", "profile_api")
        else:
            access(t, tr + 0.0002, ip, method, uri, 502, 157, ref, ua, "-", "-", f3(tr - t), up, "502", "profile_api")
        return
    d = R.lognormvariate(-5.0, 0.5)
    pod = R.choice(prof_pods(t))
    st = 200 if method in ("GET", "PUT") else 201
    if R.random() < 0.01:
        st = 401
    gokit(pod, t + d, [("caller", "transport.go:118"), ("level", "info" if st < 400 else "warn"), ("method", method), ("path", uri), ("status", st), ("took", "%.3fms" % (d * 1000)), ("request_id", hexid(16))])
    access(t, t + d + 0.001, ip, method, uri, st, R.randint(300, 2000) if st < 400 else 61, ref, ua, "0.000", f3(d), f3(d), up, str(st), "profile_api")

QUERIES = ["linen", "shirt", "scarf", "jacket", "running", "tote", "rain", "chino", "hoodie", "sneaker", "wool", "blue", "summer", "gift", "kids"]

def search_request(t, ip, ua, ref):
    q = R.choice(QUERIES)
    facets = R.random() < 0.12
    uri = "/api/search?q=%s&page=%d%s" % (q, R.randint(1, 3), "&facets=brand,size,color,price" if facets else "")
    up = UPSTREAMS["meilisearch"]
    if facets and R.random() < 0.06:
        d = 10.0 + R.uniform(0.001, 0.003)
        err(t + d, "error", "upstream timed out (110: Connection timed out) while reading response header from upstream", ip, "GET", uri,
            "http://%s/indexes/products/search" % up, ref)
        meili(t + R.uniform(11, 14), 'INFO  actix_web::middleware::logger] 10.42.9.14 "POST /indexes/products/search HTTP/1.1" 200 %d "-" "nginx/openresty" %.6f' % (R.randint(40000, 90000), R.uniform(11, 14)))
        access(t, t + d + 0.0004, ip, "GET", uri, 504, 160, ref, ua, "0.000", "-", f3(d), up, "504", "meilisearch")
        return
    d = R.lognormvariate(-4.6, 0.5) * (6 if facets else 1)
    meili(t + d, 'INFO  actix_web::middleware::logger] 10.42.9.14 "POST /indexes/products/search HTTP/1.1" 200 %d "-" "nginx/openresty" %.6f' % (R.randint(1500, 30000), d))
    access(t, t + d + 0.0005, ip, "GET", uri, 200, R.randint(1500, 30000), ref, ua, "0.000", f3(d), f3(d), up, "200", "meilisearch")

def page_request(t, ip, ua, ref):
    uri = R.choice(["/", "/" + R.choice(PRODUCTS), "/" + R.choice(PRODUCTS), "/c/" + R.choice(["men", "women", "sale", "new-in", "accessories"]), "/cart", "/checkout"])
    d = R.lognormvariate(-3.2, 0.5)
    st = 200
    if R.random() < 0.006:
        # client gave up
        access(t, t + d, ip, "GET", uri, 499, 0, ref, ua, "0.000", "-", f3(d), UPSTREAMS["web"], "-", "web")
        return
    access(t, t + d + 0.001, ip, "GET", uri, st, R.randint(18000, 90000), ref, ua, "0.000", f3(d * 0.7), f3(d), UPSTREAMS["web"], "200", "web")

t = T0 + 0.2
while t < T_END:
    rate = 2.6 + 0.5 * math.sin((t - T0) / 800.0) + 0.3 * math.sin((t - T0) / 131.0)
    t += R.expovariate(rate)
    if t >= T_END:
        break
    ip, ua = R.choice(CLIENTS), R.choice(UAS)
    ref = "https://shop.example.com/" + R.choice(["", R.choice(PRODUCTS), "cart", "c/sale"])
    x = R.random()
    if x < 0.40:
        cart_request(t, ip, ua, ref)
    elif x < 0.55:
        profile_request(t, ip, ua, ref)
    elif x < 0.75:
        search_request(t, ip, ua, ref)
    else:
        page_request(t, ip, ua, "-" if R.random() < 0.3 else ref)

# scanners speaking TLS / garbage to the plain-HTTP listener
JUNK = ["\\x16\\x03\\x01\\x00\\xF4\\x01\\x00\\x00\\xF0\\x03\\x03\\x8A\\xB1\\x1C\\x9E", "\\x03\\x00\\x00/*\\xE0\\x00\\x00\\x00\\x00\\x00Cookie: mstshash=Administr",
        "MGLNDD_203.0.113.7_80", "\\x00\\x00\\x00\\x01", "GET /.git/config HTTP/1.1"]
for k in range(25):
    ts = T0 + R.uniform(0, T_END - T0)
    j = R.choice(JUNK)
    d = dtu(ts)
    if j.startswith("GET"):
        emit(edge_access, ts, '%s - - [%s] "%s" 404 153 "-" "Mozilla/5.0 zgrab/0.x" rt=0.000 uct="-" uht="-" urt="-" ua="-" us="-" ph="-" rid=%s' % (
            "45.148.10.%d" % R.randint(2, 250), d.strftime("%d/%b/%Y:%H:%M:%S +0000"), j, hexid(32)))
    else:
        emit(edge_access, ts, '%s - - [%s] "%s" 400 157 "-" "-" rt=%.3f uct="-" uht="-" urt="-" ua="-" us="-" ph="-" rid=%s' % (
            R.choice(["185.242.226.%d", "87.236.176.%d", "193.163.125.%d"]) % R.randint(2, 250), d.strftime("%d/%b/%Y:%H:%M:%S +0000"), j, R.uniform(0, 0.4), hexid(32)))

# ----------------------------------------------------------- lifecycle lines
for i in range(3):
    tn = CART_SWAP[i] - 7.8
    p = CART_NEW[i]
    winston(p, tn, "info", "starting cart-api", {"node": "v20.12.1", "pid": 1, "commit": "e4c21b7"}, "3.8.0")
    winston(p, tn + 0.35, "info", "redis connected", {"url": "redis://cart-redis.shop.svc.cluster.local:6379/0"}, "3.8.0")
    winston(p, tn + 0.41, "info", "http server options", {"keepAliveTimeout": 5000, "headersTimeout": 60000, "requestTimeout": 300000, "maxHeadersCount": 2000}, "3.8.0")
    winston(p, tn + 0.42, "info", "cart-api listening", {"port": 3000, "lib": "@acme/http-server@1.2.0"}, "3.8.0")
    po = CART_OLD[i]
    winston(po, CART_SWAP[i] + 0.4, "info", "SIGTERM received, closing server", {"inflight": R.randint(0, 3)}, "3.7.4")
    winston(po, CART_SWAP[i] + 1.6, "info", "server closed, bye", {}, "3.7.4")
for i in range(2):
    tn = PROF_SWAP[i] - 4.1
    p = PROF_NEW[i]
    gokit(p, tn, [("caller", "main.go:61"), ("level", "info"), ("msg", "starting profile-api"), ("version", "2.14.0"), ("go", "go1.22.1")])
    gokit(p, tn + 0.2, [("caller", "main.go:88"), ("level", "info"), ("msg", "connected to postgres"), ("host", "profile-db.shop.svc.cluster.local")])
    gokit(p, tn + 0.21, [("caller", "main.go:104"), ("level", "info"), ("transport", "HTTP"), ("addr", ":8080")])
    po = PROF_OLD[i]
    gokit(po, PROF_SWAP[i] + 0.1, [("caller", "main.go:131"), ("level", "info"), ("msg", "shutting down"), ("signal", "terminated")])
for k in range(40):
    ts = T0 + R.uniform(0, T_END - T0)
    meili(ts, "WARN  meilisearch::search] Search query took %d ms, above the slow query threshold (facets: brand,size,color,price)" % R.randint(2100, 9800))
for k in range(int((T_END - T0) / 60)):
    ts = T0 + 30 + 60 * k + R.uniform(-1, 1)
    meili(ts, 'INFO  actix_web::middleware::logger] 10.42.3.1 "GET /health HTTP/1.1" 200 22 "-" "kube-probe/1.29" 0.000071')

# ----------------------------------------------------------- write
shutil.rmtree(LOGS, ignore_errors=True)
os.makedirs(os.path.join(LOGS, "openresty"))
os.makedirs(os.path.join(LOGS, "loki-export"))
for name, rows in (("access.log", edge_access), ("error.log", edge_error)):
    rows.sort(key=lambda r: (r[0], r[1]))
    with open(os.path.join(LOGS, "openresty", name), "w") as f:
        f.write("\n".join(r[2] for r in rows) + "\n")

# Loki query_range responses (direction=backward, limit=5000), saved per app and time window
def stats(n, nbytes):
    return {"summary": {"bytesProcessedPerSecond": R.randint(20000000, 90000000), "linesProcessedPerSecond": R.randint(80000, 400000),
                        "totalBytesProcessed": nbytes, "totalLinesProcessed": n, "execTime": round(R.uniform(0.05, 0.4), 6),
                        "queueTime": round(R.uniform(0.0001, 0.004), 6), "subqueries": 0, "totalEntriesReturned": n,
                        "splits": R.randint(1, 4), "shards": R.randint(1, 16), "totalPostFilterLines": n, "totalStructuredMetadataBytesProcessed": 0},
            "querier": {"store": {"totalChunksRef": R.randint(4, 40), "totalChunksDownloaded": R.randint(4, 40), "chunksDownloadTime": R.randint(1000000, 90000000),
                                  "queryReferencedStructuredMetadata": False, "chunk": {"headChunkBytes": 0, "headChunkLines": 0, "decompressedBytes": nbytes,
                                  "decompressedLines": n, "compressedBytes": nbytes // 6, "totalDuplicates": 0, "postFilterLines": n, "headChunkStructuredMetadataBytes": 0,
                                  "decompressedStructuredMetadataBytes": 0}, "chunkRefsFetchTime": R.randint(100000, 3000000), "congestionControlLatency": 0,
                                  "pipelineWrapperFilteredLines": 0}},
            "ingester": {"totalReached": 3, "totalChunksMatched": R.randint(0, 6), "totalBatches": R.randint(1, 8), "totalLinesSent": R.randint(0, 2000),
                         "store": {"totalChunksRef": 0, "totalChunksDownloaded": 0, "chunksDownloadTime": 0, "queryReferencedStructuredMetadata": False,
                                   "chunk": {"headChunkBytes": R.randint(0, 200000), "headChunkLines": R.randint(0, 900), "decompressedBytes": 0, "decompressedLines": 0,
                                             "compressedBytes": 0, "totalDuplicates": 0, "postFilterLines": 0, "headChunkStructuredMetadataBytes": 0,
                                             "decompressedStructuredMetadataBytes": 0}, "chunkRefsFetchTime": 0, "congestionControlLatency": 0, "pipelineWrapperFilteredLines": 0}},
            "cache": {k: {"entriesFound": 0, "entriesRequested": 0, "entriesStored": 0, "bytesReceived": 0, "bytesSent": 0, "requests": 0, "downloadTime": 0, "queryLengthServed": 0}
                      for k in ("chunk", "index", "result", "statsResult", "volumeResult", "seriesResult", "labelResult", "instantMetricResult")}}

apps = {}
for key, rows in loki.items():
    labels = json.loads(key)
    apps.setdefault(labels["app"], []).append((labels, rows))
WINDOWS = [(T0 + i * 900, T0 + (i + 1) * 900) for i in range(int(math.ceil((T_END - T0) / 900)))]
for app in sorted(apps):
    for (ws, we) in WINDOWS:
        result = []
        n, nb = 0, 0
        for labels, rows in sorted(apps[app], key=lambda x: x[0]["pod"]):
            sel = [r for r in rows if ws * 1e9 <= r[0] < we * 1e9]
            if not sel:
                continue
            sel.sort(key=lambda r: (r[0], r[1]), reverse=True)
            result.append({"stream": labels, "values": [[str(r[0]), r[2]] for r in sel]})
            n += len(sel)
            nb += sum(len(r[2]) for r in sel)
        if not result:
            continue
        doc = {"status": "success", "data": {"resultType": "streams", "result": result, "stats": stats(n, nb)}}
        name = "%s_%s-%s.json" % (app, dtu(ws).strftime("%Y%m%dT%H%M"), dtu(we).strftime("%H%M"))
        with open(os.path.join(LOGS, "loki-export", name), "w") as f:
            f.write(json.dumps(doc, separators=(",", ":")))
