#!/usr/bin/env python3
"""Generator for incident case e05-hpa-maxed-cpu-throttling (standard library only, deterministic)."""
SEED = 4505
import os, json, gzip, shutil, random, math
from datetime import datetime, timezone, timedelta

# The set's shared helpers (output sink, time formats, random shapes), kept once in e_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "e_common.py")).read())

# ======================================================================== case
# e05: flash-sale load; pricing-engine HPA hits maxReplicas while every pod is CFS-throttled at its CPU limit.
import csv, io

T_BEGIN = ep(2025, 8, 19, 16, 40, 0)
T_END = ep(2025, 8, 19, 17, 15, 0)
T_SALE = ep(2025, 8, 19, 16, 50, 0)           # flash sale starts (promo stacking rules active)
T_MIT = ep(2025, 8, 19, 17, 6, 10, 0)         # on-call patches CPU limit 1 -> 2 and HPA max 10 -> 16
T_RECO = ep(2025, 8, 19, 16, 52, 20, 0)       # red herring: recommendations rollout

NODES = ["aks-userpool-38114627-vmss%06d" % i for i in range(6)]
PODS = {}
PODNODE = {}
PODIP = {}
NS = {}


def mk(svc, n, rs, ns):
    PODS[svc] = [podname(svc, rs) for _ in range(n)]
    NS[svc] = ns
    for p in PODS[svc]:
        PODNODE[p] = R.choice(NODES)
        PODIP[p] = "10.244.%d.%d" % (R.randint(0, 5), R.randint(2, 250))


mk("web-frontend", 3, "6d9f7c8b5", "shop")
mk("catalog-svc", 2, "7b8c6d9f4", "shop")
mk("cart-service", 2, "5f9d8b7c6", "shop")
mk("checkout-svc", 2, "6c7b9d8f5", "shop")
mk("inventory-svc", 2, "58d9c7b6f", "shop")
mk("recommendations", 2, "7f6d8c9b5", "shop")
mk("quote-api", 3, "6b9c7d5f8", "pricing")
mk("promo-service", 2, "5d8f6b9c7", "pricing")
mk("tax-calculator", 1, "7c5b8f6d9", "pricing")
RECO_NEW = [podname("recommendations", "8c7d5f9b6") for _ in range(2)]
for p in RECO_NEW:
    PODNODE[p] = R.choice(NODES)
    PODIP[p] = "10.244.%d.%d" % (R.randint(0, 5), R.randint(2, 250))
NS["recommendations"] = "shop"
NS["pricing-engine"] = "pricing"

# pricing-engine replicas over time: (pod, ready_from, gone_at, capacity rpc/s)
PE = []
RS_OLD, RS_NEW = "7d5c9b8f6", "9f6b7c5d8"


def pe_add(ready, gone, rs):
    p = podname("pricing-engine", rs)
    PODNODE[p] = R.choice(NODES)
    PODIP[p] = "10.244.%d.%d" % (R.randint(0, 5), R.randint(2, 250))
    PE.append([p, ready, gone, rs])
    return p


HPA_STEPS = [(ep(2025, 8, 19, 16, 51, 34, 0), 6), (ep(2025, 8, 19, 16, 52, 49, 0), 8), (ep(2025, 8, 19, 16, 54, 3, 0), 10)]
for _ in range(4):
    pe_add(T_BEGIN - 86400, T_MIT + 40 + R.random() * 60, RS_OLD)
prev = 4
for ts, n in HPA_STEPS:
    for _ in range(n - prev):
        pe_add(ts + 24 + R.random() * 6, T_MIT + 40 + R.random() * 60, RS_OLD)
    prev = n
# after the patch: new RS with 2 CPU limit, HPA max 16
for k in range(16):
    pe_add(T_MIT + 30 + k * 4.5 + R.random() * 3, 1e12, RS_NEW)
PE.sort(key=lambda x: x[1])


def pe_ready(t):
    return [x for x in PE if x[1] <= t < x[2]]


def ramp(t):
    return 0.0 if t < T_SALE else min(1.0, (t - T_SALE) / 600.0)


def pod_cap(rs, t):
    c = 0.94 - 0.47 * ramp(t)       # promo stacking roughly doubles CPU per quote during the sale
    return 2.0 * c if rs == RS_NEW else c


def edge_rate(t):
    base = 2.2 + 3.8 * ramp(t)
    t5 = ep(2025, 8, 19, 17, 5, 0)
    if t > t5:
        base -= min(0.8, (t - t5) / 400.0)
    return base + 0.2 * math.sin((t - T_BEGIN) / 90.0)


# ---- per-second pricing-engine state (offered load incl. retries, mean latency, timeout/shed fractions)
STATE = {}
fail_s = 0.0
sec = int(T_BEGIN)
while sec < int(T_END) + 2:
    ready = pe_ready(sec)
    cap = sum(pod_cap(x[3], sec) for x in ready)
    demand = 0.94 * edge_rate(sec) * (1.0 + 1.6 * fail_s)
    u = demand / cap
    rej = max(0.0, 1.0 - 1.25 / u)
    ua = min(u, 1.25)
    mean = 0.045 + 0.5 * max(0.0, ua - 0.6) ** 1.6 + (0.9 * (ua - 1.0) if ua > 1.0 else 0.0)
    z = (math.log(0.8) - math.log(mean)) / 0.55
    frac = 0.5 * math.erfc(z / math.sqrt(2))
    fail_new = rej + (1.0 - rej) * frac
    fail_s = 0.8 * fail_s + 0.2 * fail_new
    q = max(0.0, (ua - 0.9) * 40.0) * len(ready)
    STATE[sec] = (mean, frac, rej, u, q, len(ready))
    sec += 1


def pe_state(t):
    return STATE[int(t)]


# ------------------------------------------------------------------ Azure portal CSV exports
def az_time(t):
    d = dt(t)
    h = d.hour % 12 or 12
    return "%d/%d/%d, %d:%02d:%02d.%03d %s" % (d.month, d.day, d.year, h, d.minute, d.second, d.microsecond // 1000, "PM" if d.hour >= 12 else "AM")


def csvrow(vals):
    b = io.StringIO()
    csv.writer(b, lineterminator="").writerow(vals)
    return b.getvalue()


CL_PRICING = "ContainerLogV2_pricing_2025-08-19T1715.csv"
CL_SHOP = "ContainerLogV2_shop_2025-08-19T1715.csv"
CL_HDR = ["TimeGenerated [UTC]", "Computer", "ContainerId", "ContainerName", "PodName", "PodNamespace", "LogMessage", "LogSource"]
CID = {}


def clog(pod, t, msg, src="stdout"):
    svc = pod.rsplit("-", 2)[0]
    ing = t + 0.4 + R.random() * 2.5
    cid = CID.setdefault(pod, hexid(64))
    f = CL_PRICING if NS[svc] == "pricing" else CL_SHOP
    emit(f, -ing, csvrow([az_time(ing), PODNODE[pod], cid, svc, pod, NS[svc], msg, src]))


emit(CL_PRICING, -1e18, csvrow(CL_HDR))
emit(CL_SHOP, -1e18, csvrow(CL_HDR))


def l4rs(pod, t, level, target, msg):
    d = dt(t)
    clog(pod, t, "%s.%06d+00:00 %s %s - %s" % (d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond, level, target, msg))


def logstash(pod, t, level, logger, msg, **kv):
    d = {"@timestamp": iso_ms(t), "@version": "1", "message": msg, "logger_name": logger, "thread_name": "default-nioEventLoopGroup-1-%d" % R.randint(1, 8),
         "level": level, "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000}[level]}
    d.update(kv)
    clog(pod, t, json.dumps(d, separators=(",", ":")))


def lf(pod, t, level, msg, **kv):
    s = "time=%s level=%s msg=%s" % (iso_ms(t), level, json.dumps(msg))
    for k, v in kv.items():
        s += " %s=%s" % (k, v)
    clog(pod, t, s)


def zj(pod, t, level, msg, **kv):
    d = {"level": level}
    d.update(kv)
    d["time"] = iso_ms(t)
    d["message"] = msg
    clog(pod, t, json.dumps(d, separators=(",", ":")), "stderr" if level == "error" else "stdout")


def fe(pod, t, level, msg):
    clog(pod, t, "%s [%s]: %s" % (iso_ms(t), level, msg), "stderr" if level == "error" else "stdout")


def lb(pod, t, level, logger, msg):
    d = dt(t)
    clog(pod, t, "%s.%03d [http-nio-8080-exec-%d] %-5s %s - %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, R.randint(1, 50), level, logger, msg))


AG = "AzureDiagnostics_ApplicationGatewayAccessLog_2025-08-19T1715.csv"
AG_HDR = ["TimeGenerated [UTC]", "Category", "ResourceId", "listenerName_s", "ruleName_s", "backendPoolName_s", "backendSettingName_s",
          "clientIP_s", "httpMethod_s", "requestUri_s", "host_s", "userAgent_s", "httpStatus_d", "serverRouted_s", "serverStatus_s",
          "serverResponseLatency_s", "timeTaken_d", "receivedBytes_d", "sentBytes_d", "transactionId_g", "sslEnabled_s"]
emit(AG, -1e18, csvrow(AG_HDR))
AGRID = "/SUBSCRIPTIONS/6F1C0B2E-7A3D-4E59-9C21-0D8E4B7A1F35/RESOURCEGROUPS/RG-SHOP-PROD-WEU/PROVIDERS/MICROSOFT.NETWORK/APPLICATIONGATEWAYS/AGW-SHOP-PROD-WEU"


def appgw(t, method, uri, status, backend_pod, ms, ua):
    tt = t + ms / 1000.0
    ing = tt + 30 + R.random() * 60
    emit(AG, -ing, csvrow([az_time(tt), "ApplicationGatewayAccessLog", AGRID, "lst-https-shop", "rule-shop-web", "pool-web-frontend", "bs-web-frontend-3000",
                           client_ip(), method, uri, "www.shopvolta.example", ua, status, "%s:3000" % PODIP[backend_pod], str(status),
                           "%.3f" % (ms / 1000.0), "%.3f" % (ms / 1000.0 + 0.002), R.randint(400, 1900), R.randint(900, 80000) if status < 500 else R.randint(200, 500),
                           uuidish(), "on"]))


# ------------------------------------------------------------------ services
def pricing_call(t, caller_pod, deadline):
    """returns (status, ms) ; status 'OK' | 'DEADLINE_EXCEEDED' | 'RESOURCE_EXHAUSTED' | 'UNAVAILABLE'"""
    mean, frac, rej, u, q, n = pe_state(t)
    if R.random() < rej:
        return "RESOURCE_EXHAUSTED", lat(3, 0.3)
    ms = lat(mean * 1000.0, 0.55)
    if ms > deadline:
        return "DEADLINE_EXCEEDED", deadline
    return "OK", ms


def quote(t, rid, kind, items):
    pod = R.choice(PODS["quote-api"])
    ms = lat(3, 0.3)
    ok = False
    for attempt in (1, 2, 3):
        st, m = pricing_call(t + ms / 1000.0, pod, 800.0)
        ms += m
        if st == "OK":
            ok = True
            break
        logstash(pod, t + ms / 1000.0, "WARN", "com.shopvolta.quote.PricingClient",
                 "PriceItems failed: %s%s (attempt %d/3) target=dns:///pricing-engine.pricing.svc.cluster.local:9090" % (
                     st, ": deadline exceeded after 0.800s" if st == "DEADLINE_EXCEEDED" else ": server overloaded, queue full", attempt),
                 request_id=rid, grpc_status=st, items=items)
        ms += 100
    if not ok:
        logstash(pod, t + ms / 1000.0, "ERROR", "com.shopvolta.quote.QuoteController", "quote failed after 3 attempts: pricing unavailable", request_id=rid, kind=kind, status=504)
        return 504, ms
    # promo + tax
    m2 = lat(6, 0.3)
    ms += m2
    m3 = lat(2.5, 0.3)
    ms += m3
    logstash(pod, t + ms / 1000.0, "INFO", "com.shopvolta.quote.QuoteController", "quote computed kind=%s items=%d in %dms" % (kind, items, ms), request_id=rid)
    return 200, ms


def catalog(t, rid, path, listing):
    pod = R.choice(PODS["catalog-svc"])
    ms = lat(12, 0.4)
    if listing:
        st, m = pricing_call(t + ms / 1000.0, pod, 300.0)
        ms += m
        if st != "OK":
            zj(pod, t + ms / 1000.0, "warn", "live prices unavailable, serving cached list prices", request_id=rid, path=path,
               upstream="pricing-engine.pricing.svc.cluster.local:9090", grpc_code=st)
    zj(pod, t + ms / 1000.0, "info", "request", request_id=rid, method="GET", path=path, status=200, dur_ms=round(ms, 1))
    return 200, ms


def reco_pods(t):
    return PODS["recommendations"] if t < T_RECO + 30 else RECO_NEW


def reco(t, rid):
    pod = R.choice(reco_pods(t))
    ms = lat(22, 0.4)
    if T_RECO + 30 <= t < T_RECO + 75 and R.random() < 0.3:
        lf(pod, t + ms / 1000.0, "warn", "model cache cold, falling back to bestsellers", rid=rid)
    return 200, ms


def cart(t, rid, method):
    pod = R.choice(PODS["cart-service"])
    cid = "c_" + hexid(12)
    ms = lat(5, 0.3)
    if method == "POST":
        ip_ = R.choice(PODS["inventory-svc"])
        m = lat(7, 0.3)
        lf(ip_, t + (ms + m) / 1000.0, "info", "reserve check", sku="SV-%06d" % R.randint(1, 999999), available="true", took_ms=round(m, 1))
        ms += m
    st, m = quote(t + ms / 1000.0, rid, "cart", R.randint(1, 7))
    ms += m
    if st != 200:
        zj(pod, t + ms / 1000.0, "error", "cart totals unavailable", request_id=rid, cart_id=cid,
           error="POST http://quote-api.pricing.svc.cluster.local/v2/quotes: 504 Gateway Timeout")
        zj(pod, t + ms / 1000.0 + 0.0002, "info", "request", request_id=rid, method=method, path="/v1/carts/%s" % cid + ("/items" if method == "POST" else ""), status=502, dur_ms=round(ms, 1))
        return 502, ms
    zj(pod, t + ms / 1000.0, "info", "request", request_id=rid, method=method, path="/v1/carts/%s" % cid + ("/items" if method == "POST" else ""), status=200, dur_ms=round(ms, 1))
    return 200, ms


def checkout(t, rid):
    pod = R.choice(PODS["checkout-svc"])
    ms = lat(8, 0.3)
    st, m = quote(t + ms / 1000.0, rid, "checkout", R.randint(1, 6))
    ms += m
    if st != 200:
        lb(pod, t + ms / 1000.0, "ERROR", "c.s.checkout.CheckoutController", "final quote failed for request %s: 504 GATEWAY_TIMEOUT from quote-api.pricing.svc.cluster.local" % rid)
        return 503, ms
    ms += lat(40, 0.3)
    lb(pod, t + ms / 1000.0, "INFO", "c.s.checkout.CheckoutController", "order SV%09d submitted (request %s) in %d ms" % (R.randint(10 ** 8, 10 ** 9 - 1), rid, ms))
    return 201, ms


def frontend(t):
    pod = R.choice(PODS["web-frontend"])
    rid = hexid(16)
    r = wchoice([("home", 15), ("category", 25), ("product", 30), ("cart", 10), ("cart_add", 10), ("checkout", 4), ("static", 6)])
    ua = R.choice(UAS)
    ms = lat(18, 0.3)
    status = 200
    method = "GET"
    if r == "home":
        uri = "/"
        st, m = catalog(t + 0.002, rid, "/v1/listings/featured", True)
        st2, m2 = reco(t + 0.002, rid)
        ms += max(m, m2)
    elif r == "category":
        cat_ = R.choice(["laptops", "phones", "audio", "tv", "gaming", "smart-home", "cameras"])
        uri = "/c/%s?page=%d" % (cat_, R.randint(1, 5))
        st, m = catalog(t + 0.002, rid, "/v1/listings/" + cat_, True)
        ms += m
    elif r == "product":
        sku = "SV-%06d" % R.randint(1, 999999)
        uri = "/p/%s" % sku
        st, m = catalog(t + 0.002, rid, "/v1/products/%s" % sku, False)
        ms += m
        st2, m2 = quote(t + 0.002, rid, "pdp", 1)
        ms = max(ms, m2 + 18)
        if st2 != 200:
            fe(pod, t + ms / 1000.0, "warn", "GET %s price box degraded: quote-api 504 (req %s)" % (uri, rid))
    elif r in ("cart", "cart_add"):
        method = "GET" if r == "cart" else "POST"
        uri = "/cart" if r == "cart" else "/api/cart/items"
        st, m = cart(t + 0.002, rid, method)
        ms += m
        if st != 200:
            fe(pod, t + ms / 1000.0, "error", "%s %s failed: cart-service responded 502 (req %s)" % (method, uri, rid))
            status = 502
    elif r == "checkout":
        method, uri = "POST", "/api/checkout"
        st, m = checkout(t + 0.002, rid)
        ms += m
        if st >= 500:
            fe(pod, t + ms / 1000.0, "error", "POST /api/checkout failed: checkout-svc responded 503 (req %s)" % rid)
            status = 503
        else:
            status = 201
    else:
        uri = "/_next/static/chunks/%s.js" % hexid(16)
        ms = lat(2, 0.3)
    appgw(t, method, uri, status, pod, ms + 1.0, ua)


for t in arrivals(T_BEGIN, T_END, edge_rate):
    frontend(t)

for p in PODS["promo-service"]:
    t = T_BEGIN + R.random() * 30
    while t < T_END:
        lf(p, t, "info", "eligibility stats", window="30s", evaluated=int(edge_rate(t) * 15 * lat(1, 0.1)), campaign=("AUG-FLASH-40" if t >= T_SALE else "none"), p99_ms=round(lat(9, 0.2), 1))
        t += 30

for p in PODS["tax-calculator"]:
    t = T_BEGIN + R.random() * 60
    while t < T_END:
        lf(p, t, "info", "rates cache", jurisdictions=27, entries=int(4100 + R.random() * 40), hit_ratio="%.3f" % (0.97 + R.random() * 0.02), window="60s")
        t += 60

# ------------------------------------------------------------------ pricing-engine own logs: startup + 10 s stats
for x in PE:
    p, ready, gone, rs = x
    if ready > T_BEGIN:
        st0 = ready - 9.0
        l4rs(p, st0, "INFO", "pricing_engine", "pricing-engine 2.14.3 starting (git 71c0e2a)")
        l4rs(p, st0 + 0.01, "INFO", "pricing_engine::runtime", "tokio runtime: worker_threads=16 (available_parallelism=16), blocking_threads=64")
        l4rs(p, st0 + 2.4, "INFO", "pricing_engine::rules", "loaded 18211 price rules, 312 promotions (%d stacking) from snapshot s3://sv-pricing/rules/2025-08-19T16:30Z" % (44 if ready > T_SALE else 3))
        l4rs(p, ready - 0.2, "INFO", "pricing_engine::server", "gRPC listening on 0.0.0.0:9090, health on 0.0.0.0:9091")
    if gone < T_END:
        l4rs(p, gone, "INFO", "pricing_engine::server", "SIGTERM received, draining in-flight requests")
    t = max(T_BEGIN, ready) + R.random() * 10
    while t < min(gone, T_END):
        mean, frac, rej, u, q, n = pe_state(t)
        served = int(pod_cap(rs, t) * 410 * min(1.0, u) * lat(1.0, 0.08))
        p50 = mean * 1000 * 0.93
        p99 = mean * 1000 * 3.6
        l4rs(p, t, "INFO", "pricing_engine::stats", "window=10s served=%d p50=%.0fms p99=%.0fms inflight=%d queued=%d" % (served, p50, p99, min(64, int(u * 8 + R.random() * 3)), int(q / max(n, 1))))
        if q / max(n, 1) > 8:
            l4rs(p, t + 0.001, "WARN", "pricing_engine::server", "request queue above high-water mark (queued=%d, limit=48); shedding with RESOURCE_EXHAUSTED" % int(q / max(n, 1)))
        t += 10
l4rs(PE[0][0], T_BEGIN + 200, "WARN", "pricing_engine::rules", "promotion AUG-FLASH-40 scheduled for 2025-08-19T16:50:00Z has 44 stacking combinations (evaluation cost high)")

# ------------------------------------------------------------------ Kubernetes events (Container Insights KubeEvents export)
KE = "KubeEvents_2025-08-19T1715.csv"
emit(KE, -1e18, csvrow(["TimeGenerated [UTC]", "ClusterName", "Computer", "ObjectKind", "Namespace", "Name", "Reason", "Message", "KubeEventType", "SourceComponent", "FirstSeen [UTC]", "LastSeen [UTC]", "Count"]))


def kev(t, node, kind, ns, name, reason, msg, typ="Normal", comp="kubelet", count=1, first=None):
    ing = t + 20 + R.random() * 40
    emit(KE, -ing, csvrow([az_time(ing), "aks-shop-prod-weu", node, kind, ns, name, reason, msg, typ, comp, az_time(first or t), az_time(t), count]))


cur = 4
for ts, n in HPA_STEPS:
    kev(ts, "", "HorizontalPodAutoscaler", "pricing", "pricing-engine", "SuccessfulRescale",
        "New size: %d; reason: cpu resource utilization (percentage of request) above target" % n, comp="horizontal-pod-autoscaler")
    kev(ts + 0.05, "", "Deployment", "pricing", "pricing-engine", "ScalingReplicaSet", "Scaled up replica set pricing-engine-%s to %d from %d" % (RS_OLD, n, cur), comp="deployment-controller")
    cur = n
for x in PE:
    p, ready, gone, rs = x
    if T_BEGIN < ready < T_END:
        node = PODNODE[p]
        kev(ready - 14, "", "Pod", "pricing", p, "Scheduled", "Successfully assigned pricing/%s to %s" % (p, node), comp="default-scheduler")
        kev(ready - 13, node, "Pod", "pricing", p, "Pulled", 'Container image "acrshopprod.azurecr.io/pricing-engine:2.14.3" already present on machine')
        kev(ready - 12.6, node, "Pod", "pricing", p, "Created", "Created container pricing-engine")
        kev(ready - 12.2, node, "Pod", "pricing", p, "Started", "Started container pricing-engine")
    if gone < T_END:
        kev(gone, PODNODE[p], "Pod", "pricing", p, "Killing", "Stopping container pricing-engine")
# readiness probe timeouts while saturated
for x in PE:
    p, ready, gone, rs = x
    t = max(ready, T_BEGIN) + R.random() * 10
    first = None
    cnt = 0
    while t < min(gone, T_END):
        mean, frac, rej, u, q, n = pe_state(t)
        if mean > 0.9 and R.random() < 0.5:
            cnt += 1
            first = first or t
            kev(t, PODNODE[p], "Pod", "pricing", p, "Unhealthy",
                'Readiness probe failed: Get "http://%s:9091/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' % PODIP[p], typ="Warning", count=cnt, first=first)
        t += 10
kev(T_MIT, "", "Deployment", "pricing", "pricing-engine", "ScalingReplicaSet", "Scaled up replica set pricing-engine-%s to 3" % RS_NEW, comp="deployment-controller")
kev(T_MIT + 45, "", "HorizontalPodAutoscaler", "pricing", "pricing-engine", "SuccessfulRescale", "New size: 13; reason: cpu resource utilization (percentage of request) above target", comp="horizontal-pod-autoscaler")
kev(T_MIT + 120, "", "HorizontalPodAutoscaler", "pricing", "pricing-engine", "SuccessfulRescale", "New size: 16; reason: cpu resource utilization (percentage of request) above target", comp="horizontal-pod-autoscaler")
kev(T_MIT + 150, "", "Deployment", "pricing", "pricing-engine", "ScalingReplicaSet", "Scaled down replica set pricing-engine-%s to 0 from 2" % RS_OLD, comp="deployment-controller")
for x in PE:
    p, ready, gone, rs = x
    if rs == RS_NEW:
        kev(ready - 12, PODNODE[p], "Pod", "pricing", p, "Started", "Started container pricing-engine")
# red herring rollout + pre-existing crashloop
kev(T_RECO, "", "Deployment", "shop", "recommendations", "ScalingReplicaSet", "Scaled up replica set recommendations-8c7d5f9b6 to 1", comp="deployment-controller")
for k, p in enumerate(RECO_NEW):
    kev(T_RECO + 2 + k * 14, PODNODE[p], "Pod", "shop", p, "Pulling", 'Pulling image "acrshopprod.azurecr.io/recommendations:3.8.0"')
    kev(T_RECO + 9 + k * 14, PODNODE[p], "Pod", "shop", p, "Started", "Started container recommendations")
    kev(T_RECO + 16 + k * 14, "", "Deployment", "shop", "recommendations", "ScalingReplicaSet", "Scaled down replica set recommendations-7f6d8c9b5 to %d from %d" % (1 - k, 2 - k), comp="deployment-controller")
for k, p in enumerate(RECO_NEW):
    lf(p, T_RECO + 9.5 + k * 14, "info", "recommendations 3.8.0 starting", model="als-2025-08-18", workers=4)
t = T_BEGIN + 35
cnt = 212
while t < T_END:
    cnt += 1
    kev(t, NODES[2], "Pod", "batch", "batch-exporter-28731540-x7q2m", "BackOff", "Back-off restarting failed container exporter in pod batch-exporter-28731540-x7q2m_batch(5a1e0b9c-8d2f-4b61-93a7-1c4e7f2d8b05)", typ="Warning", count=cnt, first=T_BEGIN - 5400)
    t += 300

# ------------------------------------------------------------------ Alertmanager webhook payloads
AM_N = [0]


def am(t, status, alerts, group):
    AM_N[0] += 1
    payload = {"receiver": "pagerduty-shop", "status": status, "alerts": alerts,
               "groupLabels": {"alertname": group}, "commonLabels": {"alertname": group, "cluster": "aks-shop-prod-weu"},
               "commonAnnotations": {}, "externalURL": "https://alertmanager.shop-prod.internal", "version": "4",
               "groupKey": "{}/{severity=~\"warning|critical\"}:{alertname=\"%s\"}" % group, "truncatedAlerts": 0}
    emit("alertmanager-webhook/%s-%02d-%s.json" % (dt(t).strftime("%Y%m%dT%H%M%SZ"), AM_N[0], group), 0, json.dumps(payload, indent=2))


def alert(name, status, starts, labels, summary, desc, ends=None):
    lab = {"alertname": name, "cluster": "aks-shop-prod-weu"}
    lab.update(labels)
    return {"status": status, "labels": lab, "annotations": {"summary": summary, "description": desc},
            "startsAt": iso_ms(starts), "endsAt": iso_ms(ends) if ends else "0001-01-01T00:00:00Z",
            "generatorURL": "https://prometheus.shop-prod.internal/graph?g0.expr=" + name, "fingerprint": hexid(16)}


am(T_BEGIN + 95, "firing", [alert("KubePodCrashLooping", "firing", T_BEGIN - 5100, {"namespace": "batch", "pod": "batch-exporter-28731540-x7q2m", "container": "exporter", "severity": "warning"},
                                  "Pod is crash looping.", "Pod batch/batch-exporter-28731540-x7q2m (exporter) is in waiting state (reason: \"CrashLoopBackOff\").")], "KubePodCrashLooping")
t_thr = ep(2025, 8, 19, 16, 57, 41, 0)
am(t_thr + 30, "firing", [alert("CPUThrottlingHigh", "firing", t_thr, {"namespace": "pricing", "pod": x[0], "container": "pricing-engine", "severity": "info"},
                               "Processes experience elevated CPU throttling.", "%d%% throttling of CPU in namespace pricing for container pricing-engine in pod %s." % (R.randint(38, 71), x[0]))
                         for x in pe_ready(t_thr)], "CPUThrottlingHigh")
t_hpa = ep(2025, 8, 19, 16, 59, 3, 0)
am(t_hpa + 30, "firing", [alert("KubeHpaMaxedOut", "firing", t_hpa, {"namespace": "pricing", "horizontalpodautoscaler": "pricing-engine", "severity": "warning"},
                               "HPA is running at max replicas", "HPA pricing/pricing-engine has been running at max replicas for longer than 5 minutes.")], "KubeHpaMaxedOut")
t_5xx = ep(2025, 8, 19, 16, 59, 48, 0)
am(t_5xx + 30, "firing", [alert("AppGatewayHigh5xxRate", "firing", t_5xx, {"severity": "critical", "service": "web-frontend", "gateway": "agw-shop-prod-weu"},
                               "More than 5% of requests return 5xx", "agw-shop-prod-weu backend pool pool-web-frontend 5xx ratio is 5.8% over 5m."),
                         alert("QuoteApiLatencyHigh", "firing", t_5xx - 70, {"severity": "critical", "namespace": "pricing", "service": "quote-api"},
                               "quote-api p99 latency above 2s", "quote-api p99 is 2.61s (SLO 500ms).")], "AppGatewayHigh5xxRate")
t_res = ep(2025, 8, 19, 17, 10, 48, 0)
am(t_res + 30, "resolved", [alert("AppGatewayHigh5xxRate", "resolved", t_5xx, {"severity": "critical", "service": "web-frontend", "gateway": "agw-shop-prod-weu"},
                                 "More than 5% of requests return 5xx", "agw-shop-prod-weu backend pool pool-web-frontend 5xx ratio is 0.2% over 5m.", t_res)], "AppGatewayHigh5xxRate")

n = write_all()
print("e05 lines:", n)
