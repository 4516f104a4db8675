#!/usr/bin/env python3
# Deterministic incident log generator (standard library only).
import os
import shutil
import random
import json
import gzip
import math
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc


def reset_logs():
    if os.path.isdir(LOGS):
        shutil.rmtree(LOGS)
    os.makedirs(LOGS)


def write_file(rel, lines, gz=False):
    path = os.path.join(LOGS, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    with open(path, "wb") as f:
        if gz:
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as g:
                g.write(data)
        else:
            f.write(data)


class Sink:
    """Collects (time, text) records; emits them sorted by time (stable)."""

    def __init__(self):
        self.items = []
        self.n = 0

    def add(self, t, text):
        self.items.append((t, self.n, text))
        self.n += 1

    def sorted_lines(self):
        return [x[2] for x in sorted(self.items, key=lambda x: (x[0], x[1]))]

    def __len__(self):
        return len(self.items)


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    L = math.exp(-lam)
    k, p = 0, 1.0
    while True:
        p *= rng.random()
        if p <= L:
            return k
        k += 1


def iso_ms(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def iso_us(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % t.microsecond


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum(rng, n, alphabet="abcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def uuid_from(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[0:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


def jdump(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def each_second(start, end):
    t = start
    while t < end:
        yield t
        t += timedelta(seconds=1)


def arrivals(rng, start, end, rate_fn):
    """Poisson arrivals; rate_fn(t) -> requests per second."""
    out = []
    for s in each_second(start, end):
        n = poisson(rng, rate_fn(s))
        ts = sorted(rng.random() for _ in range(n))
        for x in ts:
            out.append(s + timedelta(microseconds=int(x * 1e6)))
    return out


def ms(x):
    return timedelta(milliseconds=x)

# ---------------------------------------------------------------------------
# d05: recommendations v3.8.0 ships a readinessProbe pointed at a deep /health/ready
# check with timeoutSeconds=1 and failureThreshold=1. At the morning peak the
# deep check takes >1 s, every pod flips NotReady, the Service loses all its
# endpoints and Envoy returns 503 UH ("no healthy upstream") to web -> web 500
# -> istio-ingressgateway 500. The pods themselves are running and healthy.
# Formats: Fluent Bit S3 output (gzip NDJSON chunks per node) with kubernetes.*
# metadata; Istio/Envoy JSON access logs; logback default pattern (time only);
# winston JSON; Go std log; kubernetes-event-exporter JSON.
rng = random.Random(4505)

START = datetime(2025, 3, 11, 9, 5, 0, tzinfo=UTC)
END = START + timedelta(minutes=36)
DEPLOY = datetime(2025, 3, 11, 9, 14, 2, 0, tzinfo=UTC)
PEAK = datetime(2025, 3, 11, 9, 22, 20, 0, tzinfo=UTC)
ROLLBACK = datetime(2025, 3, 11, 9, 36, 11, 0, tzinfo=UTC)
HPA_SEARCH = datetime(2025, 3, 11, 9, 20, 4, 0, tzinfo=UTC)
CART_OOM = datetime(2025, 3, 11, 9, 8, 41, 0, tzinfo=UTC)

NODES = ["ip-10-12-%d-%d.eu-west-1.compute.internal" % (rng.randint(1, 4), rng.randint(10, 250)) for _ in range(5)]
records = {n: [] for n in NODES}
seq = [0]


def podname(app, rs=None):
    return "%s-%s-%s" % (app, rs or alnum(rng, 10, "bcdfghjklmnpqrstvwxz2456789")[:10], alnum(rng, 5, "bcdfghjklmnpqrstvwxz2456789"))


class Pod:
    def __init__(self, app, ns="shop", version="v1", rs=None, node=None):
        self.app, self.ns, self.version = app, ns, version
        self.name = podname(app, rs)
        self.node = node or rng.choice(NODES)
        self.ip = "10.12.%d.%d" % (rng.randint(1, 4), rng.randint(10, 250))
        self.uid = uuid_from(rng)
        self.docker = {c: hexs(rng, 64) for c in (app, "istio-proxy")}


IMAGES = {"web": "registry.shop.example/web:2.14.0", "product-api": "registry.shop.example/product-api:5.2.1",
          "recommendations": "registry.shop.example/recommendations:%s", "reviews": "registry.shop.example/reviews:1.9.3",
          "cart": "registry.shop.example/cart:3.3.0", "search": "registry.shop.example/search:7.0.2",
          "checkout": "registry.shop.example/checkout:4.1.0", "payments": "registry.shop.example/payments:2.8.4",
          "inventory": "registry.shop.example/inventory:1.17.0", "user-api": "registry.shop.example/user-api:6.0.1",
          "istio-ingressgateway": "docker.io/istio/proxyv2:1.20.3", "event-exporter": "ghcr.io/resmoio/kubernetes-event-exporter:v1.7"}


def fb(pod, container, t, line, stream="stdout"):
    img = IMAGES.get(container, "docker.io/istio/proxyv2:1.20.3") if container != "istio-proxy" else "docker.io/istio/proxyv2:1.20.3"
    if container == "recommendations":
        img = IMAGES["recommendations"] % pod.version
    rec = {"date": iso_us(t), "log": line, "stream": stream, "time": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%03dZ" % (t.microsecond, rng.randint(0, 999)),
           "kubernetes": {"pod_name": pod.name, "namespace_name": pod.ns, "pod_id": pod.uid,
                          "labels": {"app": pod.app, "version": pod.version, "pod-template-hash": pod.name.split("-")[-2],
                                     "security.istio.io/tlsMode": "istio", "service.istio.io/canonical-name": pod.app},
                          "host": pod.node, "container_name": container, "docker_id": pod.docker.get(container, hexs(rng, 64)),
                          "container_image": img}}
    records[pod.node].append((t, seq[0], jdump(rec)))
    seq[0] += 1


PODS = {}
for app, n in [("web", 3), ("product-api", 3), ("reviews", 2), ("cart", 2), ("search", 3), ("checkout", 2), ("payments", 2),
               ("inventory", 2), ("user-api", 2)]:
    rs = alnum(rng, 10, "bcdfghjklmnpqrstvwxz2456789")
    PODS[app] = [Pod(app, rs=rs) for _ in range(n)]
igw_rs = alnum(rng, 10, "bcdfghjklmnpqrstvwxz2456789")
PODS["istio-ingressgateway"] = [Pod("istio-ingressgateway", ns="istio-system", rs=igw_rs) for _ in range(2)]
EXPORTER = Pod("event-exporter", ns="monitoring")
rs_old = alnum(rng, 10, "bcdfghjklmnpqrstvwxz2456789")
rs_new = alnum(rng, 10, "bcdfghjklmnpqrstvwxz2456789")
rs_rb = alnum(rng, 10, "bcdfghjklmnpqrstvwxz2456789")
RECS_OLD = [Pod("recommendations", version="v3.7.4", rs=rs_old) for _ in range(3)]
RECS_NEW = [Pod("recommendations", version="v3.8.0", rs=rs_new) for _ in range(3)]
RECS_RB = [Pod("recommendations", version="v3.7.4", rs=rs_rb) for _ in range(3)]
SEARCH_EXTRA = [Pod("search", rs=PODS["search"][0].name.split("-")[1]) for _ in range(3)]

# rollout timing: new pod i becomes ready, old pod i terminates
NEW_READY = [DEPLOY + timedelta(seconds=24 + 31 * i) for i in range(3)]
RB_READY = [ROLLBACK + timedelta(seconds=22 + 27 * i) for i in range(3)]


def event(t, obj_kind, obj_name, ns, reason, message, typ="Normal", component="kubelet", host=None, count=1):
    ev = {"metadata": {"name": "%s.%s" % (obj_name, hexs(rng, 16)), "namespace": ns, "uid": uuid_from(rng),
                       "creationTimestamp": t.strftime("%Y-%m-%dT%H:%M:%SZ")},
          "reason": reason, "message": message, "source": {"component": component, "host": host} if host else {"component": component},
          "firstTimestamp": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "lastTimestamp": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "count": count, "type": typ,
          "eventTime": None, "reportingComponent": component, "reportingInstance": host or "",
          "involvedObject": {"kind": obj_kind, "namespace": ns, "name": obj_name, "apiVersion": "v1" if obj_kind == "Pod" else "apps/v1"}}
    fb(EXPORTER, "event-exporter", t + ms(rng.uniform(50, 900)), jdump(ev))


# ---------------- readiness model ----------------
def check_median(t):
    # deep /health/ready latency (feature-store round trips), grows with morning traffic
    if t < PEAK - timedelta(seconds=240):
        return 0.42
    if t < PEAK:
        return 0.42 + 0.9 * (1 - (PEAK - t).total_seconds() / 240.0)
    return 1.36


ready = {}      # pod name -> list of (t, bool) transitions
probe_lines = []
for group, ready_from, gone_at, probe_timeout in [(RECS_OLD, [START - timedelta(days=1)] * 3, NEW_READY + [], 5.0),
                                                   (RECS_NEW, NEW_READY, RB_READY, 1.0),
                                                   (RECS_RB, RB_READY, [END + timedelta(hours=1)] * 3, 5.0)]:
    for i, p in enumerate(group):
        trans = [(ready_from[i], True)]
        state = True
        fails = 0
        t = max(ready_from[i], START) + timedelta(seconds=rng.uniform(0, 5))
        while t < min(gone_at[i], END):
            if group is RECS_NEW:
                lat = rng.lognormvariate(math.log(check_median(t)), 0.22)
            else:
                lat = rng.lognormvariate(math.log(0.012), 0.3)  # old chart probes shallow /health/live
            path = "/health/ready" if group is RECS_NEW else "/health/live"
            fb(p, "recommendations", t + timedelta(seconds=lat),
               "%s [eventLoopGroupProxy-4-%d] INFO  Application - 200 OK: GET - %s in %dms" % (
                   (t + timedelta(seconds=lat)).strftime("%H:%M:%S.") + "%03d" % ((t + timedelta(seconds=lat)).microsecond // 1000),
                   rng.randint(1, 4), path, int(lat * 1000)))
            ok = lat <= probe_timeout
            if group is RECS_NEW and lat > 0.8 and rng.random() < 0.3:
                fb(p, "recommendations", t + timedelta(seconds=lat) - ms(3),
                   "%s [DefaultDispatcher-worker-%d] WARN  c.s.recs.health.ReadinessCheck - feature-store ping took %dms, model registry %dms (ok)" % (
                       (t + timedelta(seconds=lat)).strftime("%H:%M:%S.") + "%03d" % ((t + timedelta(seconds=lat)).microsecond // 1000),
                       rng.randint(1, 8), int(lat * 1000 * 0.7), int(lat * 1000 * 0.25)))
            if not ok:
                event(t + timedelta(seconds=1), "Pod", p.name, "shop", "Unhealthy",
                      "Readiness probe failed: Get \"http://%s:15020/app-health/recommendations/readyz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % p.ip,
                      typ="Warning", host=p.node)
            if ok != state:
                state = ok
                trans.append((t + timedelta(seconds=min(lat, probe_timeout)) + ms(rng.uniform(300, 1500)), ok))
            t += timedelta(seconds=5 if group is RECS_NEW else 10)
        trans.append((gone_at[i], False))
        ready[p.name] = trans


def pod_ready(p, t):
    st = False
    for (tt, s) in ready[p.name]:
        if tt <= t:
            st = s
        else:
            break
    return st


ALL_RECS = RECS_OLD + RECS_NEW + RECS_RB


def recs_endpoints(t):
    return [p for p in ALL_RECS if pod_ready(p, t)]


# ---------------- envoy JSON access log ----------------
def envoy(pod, t, method, path, code, flags, dur, up_host, cluster, authority, direction, req_id, details="via_upstream", up_time=None):
    rec = {"authority": authority, "bytes_received": rng.randint(0, 600) if method != "GET" else 0,
           "bytes_sent": rng.randint(400, 9000) if code == 200 else (19 if flags == "UH" else rng.randint(20, 200)),
           "connection_termination_details": None, "downstream_local_address": "%s:8080" % pod.ip if direction == "inbound" else "10.100.%d.%d:8080" % (rng.randint(0, 255), rng.randint(1, 254)),
           "downstream_remote_address": "10.12.%d.%d:%d" % (rng.randint(1, 4), rng.randint(10, 250), rng.randint(30000, 60000)),
           "duration": int(dur), "method": method, "path": path, "protocol": "HTTP/1.1", "request_id": req_id,
           "requested_server_name": "outbound_.8080_._.%s.shop.svc.cluster.local" % pod.app if direction == "inbound" else None,
           "response_code": code, "response_code_details": details, "response_flags": flags,
           "route_name": "default", "start_time": iso_ms(t), "upstream_cluster": cluster, "upstream_host": up_host,
           "upstream_local_address": None if flags == "UH" else "10.12.%d.%d:%d" % (rng.randint(1, 4), rng.randint(10, 250), rng.randint(30000, 60000)),
           "upstream_service_time": None if up_time is None else str(int(up_time)), "upstream_transport_failure_reason": None,
           "user_agent": "node-fetch" if direction == "outbound" else None, "x_forwarded_for": None}
    fb(pod, "istio-proxy", t + ms(dur), jdump(rec))


def svc_call(caller, callee_app, t, method, path, req_id, handler):
    """caller sidecar outbound -> callee sidecar inbound -> handler(pod, t) -> (lat, code)."""
    cluster = "outbound|8080||%s.shop.svc.cluster.local" % callee_app
    authority = "%s.shop.svc.cluster.local:8080" % callee_app if callee_app != "recommendations" else "recommendations:8080"
    if callee_app == "recommendations":
        eps = recs_endpoints(t)
    else:
        eps = PODS[callee_app]
    if not eps:
        d = rng.uniform(0.05, 0.4)
        envoy(caller, t, method, path, 503, "UH", d, None, cluster, authority, "outbound", req_id, details="no_healthy_upstream")
        return d, 503, "no healthy upstream"
    callee = rng.choice(eps)
    t_in = t + ms(rng.uniform(0.3, 0.9))
    lat, code = handler(callee, t_in)
    envoy(callee, t_in, method, path, code, "-", lat + 0.4, "%s:8080" % callee.ip, "inbound|8080||", authority, "inbound", req_id, up_time=lat)
    total = lat + rng.uniform(0.8, 2.0)
    envoy(caller, t, method, path, code, "-", total, "%s:8080" % callee.ip, cluster, authority, "outbound", req_id, up_time=lat + 0.5)
    return total, code, None


def logback(pod, t, level, thread, logger, msg):
    fb(pod, pod.app, t, "%s [%s] %-5s %s - %s" % (t.strftime("%H:%M:%S.") + "%03d" % (t.microsecond // 1000), thread, level, logger, msg))


def winston(pod, t, level, msg, **kw):
    d = {"level": level, "message": msg}
    for k in sorted(kw):
        d[k] = kw[k]
    d["timestamp"] = iso_ms(t)
    fb(pod, pod.app, t, jdump(d))


def golog(pod, t, src, msg):
    fb(pod, pod.app, t, "%s %s: %s" % (t.strftime("%Y/%m/%d %H:%M:%S.") + "%06d" % t.microsecond, src, msg), stream="stderr")


# handlers --------------------------------------------------------------
def h_recs(kind):
    def h(p, t):
        lat = rng.lognormvariate(3.4, 0.35)
        logback(p, t + ms(lat), "INFO", "eventLoopGroupProxy-4-%d" % rng.randint(1, 4), "Application",
                "200 OK: GET - /v1/recs/%s in %dms" % (kind, int(lat)))
        return lat, 200
    return h


def h_reviews(p, t):
    if rng.random() < 0.04:
        lat = 3000 + rng.uniform(0, 10)
        winston(p, t + ms(lat), "error", "ratings query timed out", db="ratings-db", timeout_ms=3000, product=rng.randint(1000, 99999))
        return lat, 504
    lat = rng.lognormvariate(3.0, 0.4)
    winston(p, t + ms(lat), "info", "GET /v1/reviews 200", duration_ms=round(lat, 1))
    return lat, 200


def h_simple(app, mu, path):
    def h(p, t):
        lat = rng.lognormvariate(mu, 0.4)
        golog(p, t + ms(lat), "server.go:88", "%s 200 %.1fms" % (path, lat))
        return lat, 200
    return h


def h_product(p, t):
    rid = hexs(rng, 16)
    lat = rng.lognormvariate(2.3, 0.4)
    rl, rc, why = svc_call(p, "recommendations", t + ms(lat), "GET", "/v1/recs/similar?product=%d" % rng.randint(1000, 99999), rid, h_recs("similar"))
    vl, vc, _ = svc_call(p, "reviews", t + ms(lat), "GET", "/v1/reviews?product=%d" % rng.randint(1000, 99999), rid, h_reviews)
    if rc != 200:
        logback(p, t + ms(lat + rl), "WARN", "http-nio-8080-exec-%d" % rng.randint(1, 40), "c.s.product.recs.SimilarItemsClient",
                "similar-items unavailable (HTTP %d: %s), serving product page without recommendations" % (rc, why or "error"))
    total = lat + max(rl, vl) + rng.uniform(1, 3)
    logback(p, t + ms(total), "INFO", "http-nio-8080-exec-%d" % rng.randint(1, 40), "c.s.product.web.AccessLog", "GET /v1/products 200 %dms" % int(total))
    return total, 200


def search_handler(p, t):
    lat = rng.lognormvariate(3.3, 0.4)
    if p in SEARCH_EXTRA:
        lat *= 2.2
    golog(p, t + ms(lat), "handler.go:51", "search q=%s hits=%d took=%.1fms" % (rng.choice(["jacket", "boots", "lamp", "desk", "kettle"]), rng.randint(0, 400), lat))
    return lat, 200


# ---------------- user traffic ----------------
def rate(t):
    # morning ramp
    m = (t - START).total_seconds() / 60.0
    return 1.25 + 0.75 * min(1.0, m / 20.0)


for t0 in arrivals(rng, START, END, rate):
    igw = rng.choice(PODS["istio-ingressgateway"])
    web = rng.choice(PODS["web"])
    rid = uuid_from(rng)
    r = rng.random()
    tw = t0 + ms(rng.uniform(0.5, 1.2))
    wl = rng.uniform(1, 4)
    if r < 0.34:
        path = "/"
        rl, rc, why = svc_call(web, "recommendations", tw + ms(wl), "GET", "/v1/recs/home?user=%d" % rng.randint(10000, 999999), rid, h_recs("home"))
        pl, pc, _ = svc_call(web, "product-api", tw + ms(wl), "GET", "/v1/products/featured", rid, h_product)
        wl += max(rl, pl)
        if rc != 200:
            code = 500
            winston(web, tw + ms(wl), "error", "render failed for / : FetchError: recommendations responded 503 (no healthy upstream)",
                    route="/", upstream="http://recommendations:8080/v1/recs/home", requestId=rid,
                    stack="FetchError: recommendations responded 503 (no healthy upstream)\n    at RecsClient.home (/app/dist/clients/recs.js:41:13)\n    at async HomePage.getServerSideProps (/app/dist/pages/index.js:88:19)")
        else:
            code = 200
    elif r < 0.62:
        path = "/product/%d" % rng.randint(1000, 99999)
        pl, pc, _ = svc_call(web, "product-api", tw + ms(wl), "GET", "/v1/products/%s" % path.split("/")[-1], rid, h_product)
        wl += pl
        code = 200
    elif r < 0.76:
        path = "/search"
        eps = PODS["search"] + [p for p in SEARCH_EXTRA if tw >= HPA_SEARCH + timedelta(seconds=50)]
        callee = rng.choice(eps)
        lat, c = search_handler(callee, tw + ms(wl))
        envoy(callee, tw + ms(wl), "GET", "/v1/search", 200, "-", lat + 0.4, "%s:8080" % callee.ip, "inbound|8080||", "search.shop.svc.cluster.local:8080", "inbound", rid, up_time=lat)
        envoy(web, tw + ms(wl), "GET", "/v1/search", 200, "-", lat + 1.5, "%s:8080" % callee.ip, "outbound|8080||search.shop.svc.cluster.local", "search.shop.svc.cluster.local:8080", "outbound", rid, up_time=lat + 0.5)
        wl += lat + 1.5
        code = 200
    elif r < 0.90:
        path = "/cart"
        cl, cc, _ = svc_call(web, "cart", tw + ms(wl), "GET", "/v1/cart", rid, h_simple("cart", 1.9, "GET /v1/cart"))
        wl += cl
        code = 200
    elif r < 0.96:
        path = "/account"
        ul, uc, _ = svc_call(web, "user-api", tw + ms(wl), "GET", "/v1/me", rid, h_simple("user-api", 1.7, "GET /v1/me"))
        wl += ul
        code = 200
    else:
        path = "/checkout"

        def h_checkout(p, t):
            l1, _, _ = svc_call(p, "inventory", t + ms(2), "POST", "/v1/reserve", rid, h_simple("inventory", 2.0, "POST /v1/reserve"))
            l2, _, _ = svc_call(p, "payments", t + ms(3 + l1), "POST", "/v1/charge", rid, h_simple("payments", 4.2, "POST /v1/charge"))
            lat = l1 + l2 + rng.uniform(3, 8)
            golog(p, t + ms(lat), "checkout.go:140", "POST /v1/checkout 200 %.1fms" % lat)
            return lat, 200
        cl, cc, _ = svc_call(web, "checkout", tw + ms(wl), "POST", "/v1/checkout", rid, h_checkout)
        wl += cl
        code = 200
    wl += rng.uniform(2, 8)
    winston(web, tw + ms(wl), "info" if code == 200 else "warn", "%s %s %d" % ("GET" if path != "/checkout" else "POST", path, code),
            duration_ms=round(wl, 1), requestId=rid)
    envoy(igw, t0, "GET" if path != "/checkout" else "POST", path, code, "-", wl + 1.2, "%s:8080" % web.ip,
          "outbound|80||web.shop.svc.cluster.local", "www.shop.example", "outbound", rid, up_time=wl)

# ---------------- rollout / rollback / red herrings ----------------
event(DEPLOY, "Deployment", "recommendations", "shop", "ScalingReplicaSet", "Scaled up replica set recommendations-%s to 1" % rs_new, component="deployment-controller")
for i, p in enumerate(RECS_NEW):
    ts = DEPLOY + timedelta(seconds=1 + 31 * i)
    event(ts, "Pod", p.name, "shop", "Scheduled", "Successfully assigned shop/%s to %s" % (p.name, p.node), component="default-scheduler")
    event(ts + timedelta(seconds=3), "Pod", p.name, "shop", "Pulled", "Container image \"registry.shop.example/recommendations:v3.8.0\" already present on machine", host=p.node)
    event(ts + timedelta(seconds=4), "Pod", p.name, "shop", "Started", "Started container recommendations", host=p.node)
    logback(p, ts + timedelta(seconds=6), "INFO", "main", "Application", "Application started in 9.412 seconds.")
    logback(p, ts + timedelta(seconds=6, milliseconds=5), "INFO", "main", "Application", "Responding at http://0.0.0.0:8080")
    logback(p, ts + timedelta(seconds=6, milliseconds=9), "INFO", "main", "c.s.recs.health.ReadinessCheck",
            "readiness endpoint /health/ready checks: feature-store, model-registry, embeddings-cache")
    event(NEW_READY[i] + timedelta(seconds=2), "Deployment", "recommendations", "shop", "ScalingReplicaSet",
          "Scaled down replica set recommendations-%s to %d from %d" % (rs_old, 2 - i, 3 - i), component="deployment-controller")
    event(NEW_READY[i] + timedelta(seconds=2), "Pod", RECS_OLD[i].name, "shop", "Killing", "Stopping container recommendations", host=RECS_OLD[i].node)
event(ROLLBACK, "Deployment", "recommendations", "shop", "ScalingReplicaSet", "Scaled up replica set recommendations-%s to 1" % rs_rb, component="deployment-controller")
for i, p in enumerate(RECS_RB):
    ts = ROLLBACK + timedelta(seconds=1 + 27 * i)
    event(ts, "Pod", p.name, "shop", "Scheduled", "Successfully assigned shop/%s to %s" % (p.name, p.node), component="default-scheduler")
    event(ts + timedelta(seconds=4), "Pod", p.name, "shop", "Started", "Started container recommendations", host=p.node)
    logback(p, ts + timedelta(seconds=6), "INFO", "main", "Application", "Application started in 9.108 seconds.")
    event(RB_READY[i] + timedelta(seconds=2), "Pod", RECS_NEW[i].name, "shop", "Killing", "Stopping container recommendations", host=RECS_NEW[i].node)

event(HPA_SEARCH, "HorizontalPodAutoscaler", "search", "shop", "SuccessfulRescale", "New size: 6; reason: cpu resource utilization (percentage of request) above target", component="horizontal-pod-autoscaler")
for i, p in enumerate(SEARCH_EXTRA):
    event(HPA_SEARCH + timedelta(seconds=2 + i), "Pod", p.name, "shop", "Scheduled", "Successfully assigned shop/%s to %s" % (p.name, p.node), component="default-scheduler")
    event(HPA_SEARCH + timedelta(seconds=20 + i), "Pod", p.name, "shop", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", typ="Warning", host=p.node)
    golog(p, HPA_SEARCH + timedelta(seconds=12 + i), "index.go:73", "warming shard cache: 0/12 shards loaded")
    golog(p, HPA_SEARCH + timedelta(seconds=44 + i), "index.go:73", "warming shard cache: 12/12 shards loaded")

cp = PODS["cart"][1]
event(CART_OOM, "Pod", cp.name, "shop", "OOMKilled", "Container cart exceeded its memory limit (512Mi)", typ="Warning", host=cp.node)
event(CART_OOM + timedelta(seconds=1), "Pod", cp.name, "shop", "BackOff", "Back-off restarting failed container cart in pod %s_shop(%s)" % (cp.name, cp.uid), typ="Warning", host=cp.node)
golog(cp, CART_OOM + timedelta(seconds=12), "main.go:30", "cart 3.3.0 starting; redis=cart-redis:6379")

# reviews: sporadic pre-existing DB warnings already covered; add pool warnings
for k in range(14):
    p = rng.choice(PODS["reviews"])
    winston(p, START + timedelta(seconds=rng.randint(0, 2100)), "warn", "knex: Timeout acquiring a connection. The pool is probably full.", db="ratings-db")

# ---------------- write: Fluent Bit S3 chunks (gzip json_lines) ----------------
reset_logs()
total = 0
for node in NODES:
    recs = sorted(records[node], key=lambda x: (x[0], x[1]))
    # Fluent Bit flushes a chunk every ~60-180 s; records of a chunk arrive with tag order, not time order
    i = 0
    while i < len(recs):
        t_first = recs[i][0]
        cut = t_first + timedelta(seconds=rng.randint(60, 180))
        j = i
        while j < len(recs) and recs[j][0] < cut:
            j += 1
        chunk = recs[i:j]
        # group by container (Fluent Bit input per tag) -> out of global time order
        chunk = sorted(chunk, key=lambda x: (json.loads(x[2])["kubernetes"]["container_name"] != "istio-proxy", x[0], x[1]))
        key = "fluent-bit/%s/%s/%s-%s.json.gz" % (node.split(".")[0], cut.strftime("%Y/%m/%d/%H"), cut.strftime("%M%S"), alnum(rng, 8, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"))
        write_file(key, [x[2] for x in chunk], gz=True)
        total += len(chunk)
        i = j
print("d05 lines:", total)
