import os, shutil, random, json, gzip, math
from datetime import datetime, timezone, timedelta

R = random.Random(51902)
HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc

def ri(a, b):
    return a + int(R.random() * (b - a + 1))

def rc(seq):
    return seq[int(R.random() * len(seq))]

def T(h, m, s=0.0):
    return datetime(2026, 5, 19, h, m, 0, tzinfo=UTC).timestamp() + s

START = T(12, 52)
END = T(14, 10)
FILES = {}
SEQ = [0]
_SC = {}

def sec_fmt(t, fmt):
    k = (int(math.floor(t)), fmt)
    v = _SC.get(k)
    if v is None:
        v = datetime.fromtimestamp(k[0], UTC).strftime(fmt)
        _SC[k] = v
    return v

def frac(t, n):
    return int((t - math.floor(t)) * 10 ** n)

def iso_ms(t):
    return sec_fmt(t, "%Y-%m-%dT%H:%M:%S.") + "%03dZ" % frac(t, 3)

def iso_us(t):
    return sec_fmt(t, "%Y-%m-%dT%H:%M:%S.") + "%06dZ" % frac(t, 6)

def emit(path, t, line):
    SEQ[0] += 1
    FILES.setdefault(path, []).append((t, SEQ[0], line))

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def uid4():
    h = "%032x" % R.getrandbits(128)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

NODES = {"A": ("ip-10-20-3-41.eu-west-1.compute.internal", 0.0, 1822), "B": ("ip-10-20-5-17.eu-west-1.compute.internal", 3.1, 1790), "C": ("ip-10-20-4-88.eu-west-1.compute.internal", -0.4, 1811)}

ROLL = [T(13, 5, 10.2173), T(13, 5, 48.6412), T(13, 6, 25.1088)]
INV_PODS = [
    {"name": "inventory-svc-5f6c8d7b4-8vt2n", "ip": "10.20.3.52", "node": "A", "ver": "1.42.0", "hash": "5f6c8d7b4", "start": START - 86400, "end": ROLL[0] + 3.0},
    {"name": "inventory-svc-5f6c8d7b4-p4lqz", "ip": "10.20.5.91", "node": "B", "ver": "1.42.0", "hash": "5f6c8d7b4", "start": START - 86400, "end": ROLL[1] + 3.0},
    {"name": "inventory-svc-5f6c8d7b4-xr7mw", "ip": "10.20.4.23", "node": "C", "ver": "1.42.0", "hash": "5f6c8d7b4", "start": START - 86400, "end": ROLL[2] + 3.0},
    {"name": "inventory-svc-7b9d6c5f8-kq2xw", "ip": "10.20.3.77", "node": "A", "ver": "1.43.0", "hash": "7b9d6c5f8", "start": ROLL[0], "end": END + 10, "w": 1.0},
    {"name": "inventory-svc-7b9d6c5f8-d9fzp", "ip": "10.20.5.34", "node": "B", "ver": "1.43.0", "hash": "7b9d6c5f8", "start": ROLL[1], "end": END + 10, "w": 1.1},
    {"name": "inventory-svc-7b9d6c5f8-s6hbn", "ip": "10.20.4.61", "node": "C", "ver": "1.43.0", "hash": "7b9d6c5f8", "start": ROLL[2], "end": END + 10, "w": 0.97},
]
for p in INV_PODS:
    p.setdefault("w", 1.0)
    p["cid"] = hexid(64)
    p["pcid"] = hexid(64)
    p["uid"] = "%s-%s-%s-%s-%s" % (hexid(8), hexid(4), hexid(4), hexid(4), hexid(12))
CAT_PODS = [{"name": "catalog-svc-6c8d9f7b5-fz2lp", "ip": "10.20.3.18", "node": "A"}, {"name": "catalog-svc-6c8d9f7b5-qw8jn", "ip": "10.20.5.40", "node": "B"}]
for p in CAT_PODS:
    p["cid"] = hexid(64)
    p["pcid"] = hexid(64)
BFF_PODS = [{"name": "storefront-bff-84d6c9b7f-2mkx9", "ip": "10.20.4.71"}, {"name": "storefront-bff-84d6c9b7f-rb7tq", "ip": "10.20.3.66"}]
CART_IPS = ["10.20.4.29", "10.20.5.63"]
GW = "istio-ingressgateway-7c9f8d6b5-2xhpl"

def kjson(pod, app, container, image, labels):
    node = NODES[pod["node"]][0]
    d = {"pod_name": pod["name"], "namespace_name": "shop", "labels": labels, "host": node,
         "container_name": container, "container_image": image}
    return json.dumps(d, separators=(",", ":"))

for p in INV_PODS:
    lab = {"app": "inventory-svc", "pod-template-hash": p["hash"], "version": p["ver"]}
    p["k_app"] = kjson(p, "inventory-svc", "inventory", "registry.acme-shop.io/shop/inventory:%s" % p["ver"], lab)
    p["k_px"] = kjson(p, "inventory-svc", "istio-proxy", "docker.io/istio/proxyv2:1.21.2", lab)
for p in CAT_PODS:
    lab = {"app": "catalog-svc", "pod-template-hash": "6c8d9f7b5", "version": "2.8.4"}
    p["k_app"] = kjson(p, "catalog-svc", "catalog", "registry.acme-shop.io/shop/catalog:2.8.4", lab)
    p["k_px"] = kjson(p, "catalog-svc", "istio-proxy", "docker.io/istio/proxyv2:1.21.2", lab)

def skew(pod):
    return NODES[pod["node"]][1]

def fluent(pod, t, container, inner, stream="stdout"):
    tt = t + skew(pod)
    px = container == "istio-proxy"
    cid = pod["pcid"] if px else pod["cid"]
    tag = "kubernetes.var.log.containers.%s_shop_%s-%s.log" % (pod["name"], container, cid)
    kj = pod["k_px"] if px else pod["k_app"]
    rec = '{"log":%s,"stream":"%s","docker":{"container_id":"%s"},"kubernetes":%s}' % ('"' + inner.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '\\n"', stream, cid, kj)
    emit("fluentd/shop", tt, "%s\t%s\t%s" % (sec_fmt(tt, "%Y-%m-%dT%H:%M:%S+00:00"), tag, rec))

def lf(v):
    if isinstance(v, float):
        return "%.3f" % v
    v = str(v)
    if v == "" or any(c in v for c in ' ="'):
        return json.dumps(v)
    return v

def invlog(pod, t, caller, level, **kv):
    s = "ts=%s caller=%s level=%s" % (iso_us(t + skew(pod)), caller, level)
    for k, v in kv.items():
        s += " %s=%s" % (k, lf(v))
    fluent(pod, t, "inventory", s, "stderr")

def envoy_json(t, method, path, authority, code, flags, details, brx, btx, dur, ust, ua, rid, upstream_host, upstream_cluster, uladdr, dladdr, draddr, sni, route="default", xff=None, proto="HTTP/1.1", term=None, tfr=None):
    return ('{"authority":"%s","bytes_received":%d,"bytes_sent":%d,"connection_termination_details":%s,"downstream_local_address":"%s","downstream_remote_address":"%s","duration":%d,"method":"%s","path":"%s","protocol":"%s","request_id":"%s","requested_server_name":%s,"response_code":%d,"response_code_details":"%s","response_flags":"%s","route_name":"%s","start_time":"%s","upstream_cluster":"%s","upstream_host":%s,"upstream_local_address":%s,"upstream_service_time":%s,"upstream_transport_failure_reason":%s,"user_agent":"%s","x_forwarded_for":%s}'
            % (authority, brx, btx, "null" if term is None else json.dumps(term), dladdr, draddr, dur, method, path, proto, rid,
               "null" if sni is None else '"%s"' % sni, code, details, flags, route, iso_ms(t), upstream_cluster,
               "null" if upstream_host is None else '"%s"' % upstream_host, "null" if uladdr is None else '"%s"' % uladdr,
               "null" if ust is None else '"%d"' % ust, "null" if tfr is None else json.dumps(tfr), ua, "null" if xff is None else '"%s"' % xff))

STEP = 1.0
NSTEPS = int((END - START) / STEP) + 2
G = {p["name"]: [0.0] * NSTEPS for p in INV_PODS}
READY = {p["name"]: [True] * NSTEPS for p in INV_PODS}
EJECT = {p["name"]: 0.0 for p in INV_PODS}
CONSEC = {p["name"]: 0 for p in INV_PODS}
NEJ = {p["name"]: 0 for p in INV_PODS}
RESTARTS = {}

def mult(g):
    if g < 38000:
        return 1 + (g / 16000.0) ** 2
    return 6.64 + (g - 38000) / 520.0

def idx(t):
    return max(0, min(NSTEPS - 1, int((t - START) / STEP)))

def rate(t):
    x = (t - START) / 60.0
    return 2.0 + 0.25 * math.sin(x / 11.0) + 0.2 * math.sin(x / 3.1) + (0.1 if x > 40 else 0)

def alive(p, t):
    return p["start"] <= t < p["end"]

LIVE = {}

def simulate_state():
    gcur = {p["name"]: (180.0 + R.uniform(0, 60)) for p in INV_PODS}
    ready = {p["name"]: True for p in INV_PODS}
    fails = {p["name"]: 0 for p in INV_PODS}
    lfails = {p["name"]: 0 for p in INV_PODS}
    nextprobe = {p["name"]: p["start"] + R.uniform(0, 5) for p in INV_PODS}
    nextl = {p["name"]: p["start"] + R.uniform(0, 10) for p in INV_PODS}
    probe_events = []
    for k in range(NSTEPS):
        t = START + k * STEP
        live = [p for p in INV_PODS if alive(p, t) and t >= p["start"] + 4]
        elig = [p for p in live if ready[p["name"]]]
        tot_w = sum(p["w"] for p in elig) or 1.0
        inv_rps = rate(t) * 0.74
        for p in INV_PODS:
            n = p["name"]
            if not alive(p, t):
                G[n][k] = gcur[n]
                READY[n][k] = False
                continue
            if p["ver"] == "1.43.0" and ready[n]:
                share = p["w"] / tot_w
                gcur[n] += inv_rps * share * 28.0 * R.uniform(0.7, 1.3)
            if p["ver"] == "1.43.0":
                gcur[n] += 6.0 + 3.0 * R.random()
            elif p["ver"] == "1.42.0":
                gcur[n] = 180 + 40 * math.sin(t / 50.0) + 30 * R.random()
            G[n][k] = gcur[n]
            while nextprobe[n] <= t + STEP and nextprobe[n] < p["end"]:
                tp = nextprobe[n]
                m = mult(gcur[n])
                lat = 0.0015 * m * m * R.uniform(0.6, 1.4) + R.uniform(0.0005, 0.003)
                if lat > 1.0:
                    fails[n] += 1
                    probe_events.append((tp, p, "Readiness", lat))
                    if fails[n] >= 3 and ready[n]:
                        ready[n] = False
                        probe_events.append((tp + 0.002, p, "NotReady", lat))
                else:
                    if not ready[n]:
                        probe_events.append((tp + 0.002, p, "Ready", lat))
                    fails[n] = 0
                    ready[n] = True
                nextprobe[n] += 5.0 + R.uniform(-0.003, 0.003)
            while nextl[n] <= t + STEP and nextl[n] < p["end"]:
                tp = nextl[n]
                m = mult(gcur[n])
                lat = 0.0015 * m * m * R.uniform(0.6, 1.4)
                if lat > 2.0:
                    lfails[n] += 1
                    probe_events.append((tp, p, "Liveness", lat))
                    if lfails[n] >= 3:
                        probe_events.append((tp + 0.01, p, "Restart", lat))
                        RESTARTS.setdefault(n, []).append(tp)
                        gcur[n] = 0.0
                        lfails[n] = 0
                        fails[n] = 0
                        ready[n] = False
                        nextprobe[n] = tp + 9.0
                        nextl[n] = tp + 40.0
                        continue
                else:
                    lfails[n] = 0
                nextl[n] += 10.0 + R.uniform(-0.003, 0.003)
            READY[n][k] = ready[n]
            if gcur[n] == 0.0:
                gcur[n] = 150.0
    return probe_events

def restarting(p, t):
    rs = RESTARTS.get(p["name"])
    if not rs:
        return False
    for rt in rs:
        if rt <= t < rt + 8.5:
            return True
    return False

CATS = ["garden-furniture", "bbq-grills", "outdoor-lighting", "planters", "parasols", "hammocks", "fire-pits", "garden-tools", "sun-loungers", "outdoor-rugs", "bird-feeders", "sheds"]
UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
       "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.179 Mobile Safari/537.36",
       "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"]

def pick_inv(t):
    k = idx(t)
    cands = [p for p in INV_PODS if p["start"] + 4 <= t < p["end"] and READY[p["name"]][k] and EJECT[p["name"]] <= t and not restarting(p, t)]
    if not cands:
        return None
    tw = sum(p["w"] for p in cands)
    x = R.random() * tw
    for p in cands:
        x -= p["w"]
        if x <= 0:
            return p
    return cands[-1]

def inv_call(t, caller_pod, caller_kind, path, method, base, trace):
    rid = uid4()
    p = pick_inv(t)
    sport = ri(33000, 60999)
    if caller_kind == "catalog":
        src = caller_pod["ip"]
    else:
        src = caller_pod
    if p is None:
        if caller_kind == "catalog":
            fluent(caller_pod, t, "istio-proxy", envoy_json(t, method, path, "inventory-svc.shop.svc.cluster.local:8080", 503, "UH", "no_healthy_upstream", 0 if method == "GET" else 212, 19, 0, None, "Go-http-client/1.1", rid, None, "outbound|8080||inventory-svc.shop.svc.cluster.local", None, "10.100.41.7:8080", "%s:%d" % (src, sport), None, route="inventory-svc.shop.svc.cluster.local:8080"))
        return 503, 0.0005, "no healthy upstream", None
    m = mult(G[p["name"]][idx(t)])
    lat = base * m * R.lognormvariate(0, 0.35)
    if R.random() < 0.01:
        lat += R.uniform(0.05, 0.3)
    n = p["name"]
    timeout = 1.0
    if lat > timeout:
        code, flags, det, dur, ust = 504, "UT", "response_timeout", 1000 + ri(0, 3), None
        CONSEC[n] += 1
        res_lat = timeout + 0.001
    else:
        code, flags, det, dur, ust = 200, "-", "via_upstream", int(lat * 1000) + 1, int(lat * 1000)
        CONSEC[n] = 0
        res_lat = lat
    if CONSEC[n] >= 5 and EJECT[n] <= t:
        NEJ[n] += 1
        EJECT[n] = t + 30.0 * NEJ[n]
        CONSEC[n] = 0
    btx = 0 if code != 200 else (ri(280, 420) if "batch" not in path else ri(2400, 9800))
    upl = "%s:%d" % (src, ri(33000, 60999))
    if caller_kind == "catalog" and code >= 400:
        fluent(caller_pod, t, "istio-proxy", envoy_json(t, method, path, "inventory-svc.shop.svc.cluster.local:8080", code, flags, det, 0 if method == "GET" else 212, btx if code == 200 else 24, dur, ust, "Go-http-client/1.1", rid, "%s:8080" % p["ip"], "outbound|8080||inventory-svc.shop.svc.cluster.local", upl, "10.100.41.7:8080", "%s:%d" % (src, sport), None, route="inventory-svc.shop.svc.cluster.local:8080"))
    inbound_code = 200 if code == 200 else 0
    inbound_flags = "-" if code == 200 else "DC"
    inbound_det = "via_upstream" if code == 200 else "downstream_remote_disconnect"
    fluent(p, t + 0.0004, "istio-proxy", envoy_json(t + 0.0004, method, path, "inventory-svc.shop.svc.cluster.local:8080", inbound_code, inbound_flags, inbound_det, 0 if method == "GET" else 212, btx, int(min(lat, timeout) * 1000), ust, "Go-http-client/1.1", rid, "%s:8080" % p["ip"], "inbound|8080||", "127.0.0.6:%d" % ri(33000, 60999), "%s:8080" % p["ip"], "%s:%d" % (src, ri(33000, 60999)), "outbound_.8080_._.inventory-svc.shop.svc.cluster.local", route="default"))
    if code == 200:
        if lat > 0.5:
            invlog(p, t + 0.0007 + lat, "http.go:141", "warn", msg="slow request", path=path, took="%.2fs" % lat, trace_id=trace)
    else:
        invlog(p, t + timeout + 0.002, "stock.go:88", "error", msg="stock lookup aborted", path=path, err="context canceled", took="%.2fs" % (timeout + R.uniform(0, 0.004)), trace_id=trace)
    return code, res_lat, det, p

def catlog(pod, t, msg):
    tt = t + skew(pod)
    fluent(pod, t, "catalog", "%s %s" % (sec_fmt(tt, "%Y/%m/%d %H:%M:%S"), msg), "stderr")

def bfflog(pod, t, d):
    emit("storefront-bff/%s.log" % pod["name"], t, json.dumps(d, separators=(",", ":")))

AXIOS_STACK = "AxiosError: Request failed with status code %d\n    at settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)\n    at IncomingMessage.handleStreamEnd (/app/node_modules/axios/dist/node/axios.cjs:3065:11)\n    at IncomingMessage.emit (node:events:531:35)\n    at endReadableNT (node:internal/streams/readable:1696:12)\n    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)\n    at async Axios.request (/app/node_modules/axios/dist/node/axios.cjs:3876:14)\n    at async CatalogClient.%s (/app/dist/clients/catalog.js:%d:22)\n    at async /app/dist/routes/%s.js:%d:19"

def gen_requests():
    t = START
    n = 0
    while True:
        t += R.expovariate(rate(t))
        if t >= END:
            break
        n += 1
        trace = hexid(32)
        rid = uid4()
        bff = BFF_PODS[n % 2]
        cat = CAT_PODS[ri(0, 1)]
        ua = rc(UAS)
        cip = "%d.%d.%d.%d" % (rc([81, 86, 90, 92, 109, 151, 176, 185, 212]), ri(0, 255), ri(0, 255), ri(1, 254))
        x = R.random()
        status = 200
        size = ri(1800, 24000)
        t1 = t + 0.0008
        if x < 0.35:
            slug = rc(CATS)
            path = "/api/category/%s" % slug
            cat_base = R.uniform(0.012, 0.03)
            code, il, det, ip = inv_call(t1 + 0.003 + cat_base, cat, "catalog", "/v1/stock:batch", "POST", R.uniform(0.045, 0.09), trace)
            if code == 200:
                bl = cat_base + il + R.uniform(0.004, 0.012)
                bff_lat = bl + R.uniform(0.006, 0.02)
            else:
                bl = cat_base + il + 0.002
                catlog(cat, t1 + bl, "category %s: stock batch (%d skus): inventory-svc: %d %s" % (slug, rc([24, 24, 24, 48]), code, "Gateway Timeout (upstream request timeout)" if code == 504 else "Service Unavailable (no healthy upstream)"))
                catlog(cat, t1 + bl + 0.0001, "http: GET /v2/categories/%s/products -> 503 (%dms)" % (slug, int(bl * 1000)))
                bff_lat = bl + R.uniform(0.004, 0.01)
                status = 502
                size = 91
                bfflog(bff, t1 + bff_lat - 0.001, {"level": "error", "message": "catalog request failed", "service": "storefront-bff", "upstream": "catalog-svc", "url": "http://catalog-svc.shop.svc.cluster.local:8080/v2/categories/%s/products?page=1&size=24" % slug, "status": 503, "traceId": trace, "stack": AXIOS_STACK % (503, "listCategory", 88, "category", 41), "timestamp": iso_ms(t1 + bff_lat - 0.001)})
        elif x < 0.65:
            pid = ri(10000, 99999)
            path = "/api/products/%d" % pid
            cat_base = R.uniform(0.006, 0.018)
            code, il, det, ip = inv_call(t1 + 0.002 + cat_base, cat, "catalog", "/v1/stock/SKU-%d" % (pid * 3 + 7), "GET", R.uniform(0.006, 0.02), trace)
            bl = cat_base + il + R.uniform(0.002, 0.006)
            if code != 200:
                catlog(cat, t1 + bl, "product %d: stock lookup failed, serving availability=unknown: inventory-svc: %d %s" % (pid, code, "Gateway Timeout (upstream request timeout)" if code == 504 else "Service Unavailable (no healthy upstream)"))
            bff_lat = bl + R.uniform(0.004, 0.015)
            if R.random() < 0.015:
                status = 404
                size = 61
        elif x < 0.73:
            path = "/api/cart/items"
            cart_ip = rc(CART_IPS)
            code, il, det, ip = inv_call(t1 + 0.01, cart_ip, "cart", "/v1/reservations", "POST", R.uniform(0.01, 0.03), trace)
            bff_lat = il + R.uniform(0.02, 0.05)
            if code != 200:
                status = 503
                size = 104
                bfflog(bff, t1 + bff_lat - 0.001, {"level": "error", "message": "add to cart failed", "service": "storefront-bff", "upstream": "cart-svc", "url": "http://cart-svc.shop.svc.cluster.local:8080/v1/carts/current/items", "status": 503, "body": {"error": "reservation_unavailable", "detail": "inventory reservation failed: %s" % ("upstream request timeout" if code == 504 else "no healthy upstream")}, "traceId": trace, "timestamp": iso_ms(t1 + bff_lat - 0.001)})
        elif x < 0.88:
            pid = ri(10000, 99999)
            path = "/api/products/%d/reviews" % pid
            bff_lat = R.uniform(0.015, 0.06)
            if R.random() < 0.06:
                bfflog(bff, t1 + bff_lat - 0.001, {"level": "warn", "message": "reviews not found for product", "service": "storefront-bff", "upstream": "reviews-svc", "productId": pid, "status": 404, "traceId": trace, "timestamp": iso_ms(t1 + bff_lat - 0.001)})
        else:
            path = "/api/cart"
            bff_lat = R.uniform(0.01, 0.04)
        method = "POST" if path == "/api/cart/items" else "GET"
        emit("storefront-bff/%s.log" % bff["name"], t1 + bff_lat, '{"meta":{"req":{"url":"%s","method":"%s","httpVersion":"1.1","headers":{"x-request-id":"%s","user-agent":"%s"}},"res":{"statusCode":%d},"responseTime":%d},"level":"%s","message":"HTTP %s %s","service":"storefront-bff","timestamp":"%s"}' % (path, method, rid, ua, status, int(bff_lat * 1000), "info" if status < 500 else "warn", method, path, iso_ms(t1 + bff_lat)))
        gl = bff_lat + 0.0015
        emit("istio-ingressgateway/%s.log" % GW, t, envoy_json(t, method, path, "www.gardenhaus.de", status, "-", "via_upstream", 0 if method == "GET" else ri(120, 400), size, int(gl * 1000), int(bff_lat * 1000) + 1, ua, rid, "%s:3000" % bff["ip"], "outbound|80||storefront-bff.shop.svc.cluster.local", "10.20.2.14:%d" % ri(33000, 60999), "10.20.2.14:8443", "%s:%d" % (cip, ri(1024, 65535)), "www.gardenhaus.de", route="storefront", xff=cip, proto="HTTP/2"))

def gen_periodic():
    for p in INV_PODS:
        t0 = p["start"]
        if t0 > START:
            inv_start_lines(p, t0)
            for rt in RESTARTS.get(p["name"], []):
                inv_start_lines(p, rt + 8.5)
        t = max(START, t0 + 2) + R.uniform(0, 30)
        t = START + ((t - START) // 30) * 30 + (hash_off(p) % 30) if t0 <= START else t
        while t < min(END, p["end"] - 0.5):
            if not restarting(p, t):
                g = G[p["name"]][idx(t)]
                heap = 42 + g * 0.0312 + R.uniform(-3, 3)
                m = mult(g)
                gcf = min(0.62, 0.004 + 0.012 * (m - 1))
                invlog(p, t, "metrics.go:61", "info", msg="runtime stats", goroutines=int(g), heap_alloc_mb="%.1f" % heap, heap_objects=int(291822 + g * 51), num_gc=int((t - p["start"]) / max(0.4, 9.0 / m)), gc_cpu_fraction="%.3f" % gcf, last_gc_pause_ms="%.1f" % (0.3 + 0.02 * m * R.uniform(0.5, 1.5)))
            t += 30 + R.uniform(-0.004, 0.006)
    for p in INV_PODS[:3]:
        invlog(p, p["end"] - 1.8, "main.go:121", "info", msg="received signal, shutting down", signal="terminated")
        invlog(p, p["end"] - 1.5, "main.go:134", "info", msg="http server stopped")
    for p in CAT_PODS:
        t = START + R.uniform(0, 60)
        while t < END:
            catlog(p, t, "cache stats: products=%d categories=%d hit_ratio=%.2f evictions=%d" % (ri(18100, 18300), 212, R.uniform(0.9, 0.95), ri(0, 40)))
            t += 60
        catlog(p, T(13, 31, 20.4) + R.uniform(0, 0.4), "flags: reloaded from configmap shop/catalog-flags (resourceVersion 88213417): enable_recos_v2=true facet_cache_ttl=300s")
        catlog(p, T(13, 31, 20.9) + R.uniform(0, 0.4), "recos: v2 ranking enabled, warming model cache")
        catlog(p, T(13, 31, 24.3) + R.uniform(0, 0.4), "recos: model cache warm (1422 items, 3.1s)")

def hash_off(p):
    return sum(ord(c) for c in p["name"])

def inv_start_lines(p, t0):
    invlog(p, t0, "main.go:88", "info", msg="starting inventory-svc", version=p["ver"], commit="9f2c1ab" if p["ver"] == "1.43.0" else "77d0e3c", go="go1.22.3")
    invlog(p, t0 + 0.004, "config.go:40", "info", msg="config loaded", warehouses=16, lookup="parallel-first-response" if p["ver"] == "1.43.0" else "parallel-all", lookup_timeout="800ms", db="inventory-pg.shop.svc.cluster.local:5432")
    invlog(p, t0 + 0.071, "db.go:52", "info", msg="connected to postgres", pool_max=20)
    invlog(p, t0 + 0.095, "main.go:102", "info", msg="listening", addr=":8080", health=":8081")
    fluent(p, t0 - 1.2, "istio-proxy", "%s\tinfo\tEnvoy proxy is ready" % iso_us(t0 - 1.2 + skew(p)))

def gen_kubelet(probe_events):
    pids = {k: v[2] for k, v in NODES.items()}
    def kl(node, t, msg, proc="kubelet"):
        name, sk, pid = NODES[node]
        tt = t + sk
        short = name.split(".")[0]
        d = datetime.fromtimestamp(math.floor(tt), UTC)
        emit("nodes/%s/kubelet.log" % short, tt, "%s %s %s[%d]: I%s %s.%06d %7d %s" % (d.strftime("%b %d %H:%M:%S"), short, proc, pid, d.strftime("%m%d"), d.strftime("%H:%M:%S"), frac(tt, 6), pid, msg))
    def cd(node, t, msg):
        name, sk, pid = NODES[node]
        tt = t + sk
        short = name.split(".")[0]
        d = datetime.fromtimestamp(math.floor(tt), UTC)
        emit("nodes/%s/kubelet.log" % short, tt, "%s %s containerd[911]: time=\"%s\" level=info msg=%s" % (d.strftime("%b %d %H:%M:%S"), short, iso_us(tt).replace("Z", "Z"), json.dumps(msg)))
    for tp, p, kind, lat in probe_events:
        if tp < START or tp > END:
            continue
        n = p["name"]
        if kind in ("Readiness", "Liveness"):
            port = "15020/app-health/inventory/%s" % ("readyz" if kind == "Readiness" else "livez")
            kl(p["node"], tp + (1.0 if kind == "Readiness" else 3.0), "prober.go:107] \"Probe failed\" probeType=\"%s\" pod=\"shop/%s\" podUID=\"%s\" containerName=\"inventory\" probeResult=\"failure\" output=\"Get \\\"http://%s:%s\\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\"" % (kind, n, p["uid"], p["ip"], port))
        elif kind == "Restart":
            kl(p["node"], tp + 3.0, "kubelet.go:2542] \"SyncLoop (probe)\" probe=\"liveness\" status=\"unhealthy\" pod=\"shop/%s\"" % n)
            kl(p["node"], tp + 3.001, "kuberuntime_manager.go:1052] \"Message for Container of pod\" containerName=\"inventory\" containerStatusID={\"Type\":\"containerd\",\"ID\":\"%s\"} pod=\"shop/%s\" containerMessage=\"Container inventory failed liveness probe, will be restarted\"" % (p["cid"], n))
            kl(p["node"], tp + 3.002, "kuberuntime_container.go:779] \"Killing container with a grace period\" pod=\"shop/%s\" podUID=\"%s\" containerName=\"inventory\" containerID=\"containerd://%s\" gracePeriod=30" % (n, p["uid"], p["cid"]))
            cd(p["node"], tp + 3.004, "StopContainer for \"%s\" with timeout 30 (s)" % p["cid"])
            cd(p["node"], tp + 3.4, "shim disconnected id=%s namespace=k8s.io" % p["cid"])
            cd(p["node"], tp + 3.5, "StopContainer for \"%s\" returns successfully" % p["cid"])
            newcid = hexid(64)
            cd(p["node"], tp + 7.8, "CreateContainer within sandbox \"%s\" for &ContainerMetadata{Name:inventory,Attempt:1,} returns container id \"%s\"" % (hexid(64), newcid))
            cd(p["node"], tp + 8.2, "StartContainer for \"%s\" returns successfully" % newcid)
            kl(p["node"], tp + 8.3, "kubelet.go:2414] \"SyncLoop (PLEG): event for pod\" pod=\"shop/%s\" event={\"ID\":\"%s\",\"Type\":\"ContainerStarted\",\"Data\":\"%s\"}" % (n, p["uid"], newcid))
            kl(p["node"], tp + 9.0, "kubelet.go:2542] \"SyncLoop (probe)\" probe=\"readiness\" status=\"\" pod=\"shop/%s\"" % n)
        elif kind == "NotReady":
            kl(p["node"], tp + 1.0, "kubelet.go:2542] \"SyncLoop (probe)\" probe=\"readiness\" status=\"\" pod=\"shop/%s\"" % n)
        elif kind == "Ready":
            kl(p["node"], tp + 0.01, "kubelet.go:2542] \"SyncLoop (probe)\" probe=\"readiness\" status=\"ready\" pod=\"shop/%s\"" % n)
    for i, p in enumerate(INV_PODS[3:]):
        old = INV_PODS[i]
        kl(p["node"], p["start"] - 6.0, "kubelet.go:2398] \"SyncLoop ADD\" source=\"api\" pods=[\"shop/%s\"]" % p["name"])
        kl(p["node"], p["start"] - 1.3, "kubelet.go:2414] \"SyncLoop (PLEG): event for pod\" pod=\"shop/%s\" event={\"ID\":\"%s\",\"Type\":\"ContainerStarted\",\"Data\":\"%s\"}" % (p["name"], p["uid"], p["cid"]))
        kl(p["node"], p["start"] + 3.5, "kubelet.go:2542] \"SyncLoop (probe)\" probe=\"readiness\" status=\"ready\" pod=\"shop/%s\"" % p["name"])
        kl(old["node"], old["end"] - 2.0, "kubelet.go:2414] \"SyncLoop DELETE\" source=\"api\" pods=[\"shop/%s\"]" % old["name"])
        kl(old["node"], old["end"] - 1.99, "kuberuntime_container.go:779] \"Killing container with a grace period\" pod=\"shop/%s\" podUID=\"%s\" containerName=\"inventory\" containerID=\"containerd://%s\" gracePeriod=30" % (old["name"], old["uid"], old["cid"]))
    for node in ("A", "B", "C"):
        t = START + R.uniform(0, 120)
        while t < END:
            if node == "C":
                kl(node, t, "prober.go:107] \"Probe failed\" probeType=\"Readiness\" pod=\"shop/recommendations-5d7b8c9f6-lx2vq\" podUID=\"9b1f0c2e-55aa-4f0e-8d3b-1c2d3e4f5a6b\" containerName=\"recommendations\" probeResult=\"failure\" output=\"HTTP probe failed with statuscode: 503\"")
                t += R.uniform(40, 160)
            else:
                kl(node, t, "kubelet_getters.go:218] \"Pod status updated\" pod=\"kube-system/aws-node-%s\" status=\"Running\"" % ("x7k2p" if node == "A" else "m4q9z"))
                t += R.uniform(280, 420)

def gen_gateway_noise():
    t = START + 31
    while t < END:
        emit("istio-ingressgateway/%s.log" % GW, t, "%s\twarning\tenvoy config external/envoy/source/extensions/config_subscription/grpc/grpc_stream.h:190\tStreamAggregatedResources gRPC config stream to xds-grpc closed since %ds ago: 14, connection error: desc = \"transport: Error while dialing: dial tcp 10.100.0.17:15012: i/o timeout\"\tthread=18" % (iso_us(t), ri(40, 200)))
        t += R.uniform(600, 1200)

def write_all():
    shutil.rmtree(LOGS, ignore_errors=True)
    os.makedirs(LOGS)
    for rel in sorted(FILES):
        rows = FILES[rel]
        rows.sort(key=lambda r: (r[0], r[1]))
        if rel == "fluentd/shop":
            cut = T(13, 30)
            a = [r[2] for r in rows if r[0] < cut]
            b = [r[2] for r in rows if r[0] >= cut]
            os.makedirs(os.path.join(LOGS, "fluentd"), exist_ok=True)
            with open(os.path.join(LOGS, "fluentd/shop.20260519_0.log.gz"), "wb") as f:
                with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=6) as g:
                    g.write(("\n".join(a) + "\n").encode())
            with open(os.path.join(LOGS, "fluentd/shop.20260519_1.log"), "wb") as f:
                f.write(("\n".join(b) + "\n").encode())
            continue
        p = os.path.join(LOGS, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(("\n".join(r[2] for r in rows) + "\n").encode())

pe = simulate_state()
gen_requests()
gen_periodic()
gen_kubelet(pe)
gen_gateway_noise()
write_all()
