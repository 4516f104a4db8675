#!/usr/bin/env python3
"""Generate the logs/ tree for this case. Standard library only, byte-deterministic."""
import datetime as dt
import os
import random
import shutil

# The set's shared helpers (ids, arrival times, file writers), kept once in g_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "g_common.py")).read())

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
rng = random.Random(70426)
UTC = dt.timezone.utc


def E(h, mi, s=0.0):
    return dt.datetime(2026, 4, 7, h, mi, tzinfo=UTC).timestamp() + s


T_START = E(13, 40)
T_END = E(14, 30)
T_INGRESS_RELOAD = E(13, 57, 31.2)
T_ROLLBACK = E(14, 22, 10.0)

ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"
POD_ALNUM = "bcdfghjklmnpqrstvwxz2456789"


def podsfx():
    return "".join(rng.choice(POD_ALNUM) for _ in range(5))


def go_ts(t):
    return dt.datetime.fromtimestamp(t, UTC).strftime("%Y/%m/%d %H:%M:%S")


def tod(t):
    d = dt.datetime.fromtimestamp(t, UTC)
    return d.strftime("%H:%M:%S.") + "%03d" % (d.microsecond // 1000)


def rfc_nano(t):
    d = dt.datetime.fromtimestamp(t, UTC)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%03dZ" % (d.microsecond, rng.randint(0, 999))


# ------------------------------------------------------------------ geo-lookup pods
GEO = []
for name, ip, emf, restart in (("geo-lookup-6d8c7b9f5-2ktzp", "10.42.4.19", E(13, 58, 2.4), E(14, 5, 31.0)),
                               ("geo-lookup-6d8c7b9f5-8qwmn", "10.42.7.33", E(14, 3, 40.9), E(14, 11, 2.0)),
                               ("geo-lookup-6d8c7b9f5-xr4hd", "10.42.2.51", E(14, 7, 15.3), E(14, 14, 21.0))):
    GEO.append({"pod": name, "ip": ip, "emfile": emf, "restart": restart, "app": [], "prev": [], "proxy": [],
                "proxy_start": E(10, 31, 0) + rng.uniform(0, 40), "gor": rng.randint(180, 230)})
GEO_NEW = [{"pod": "geo-lookup-7f6d5c4b3-" + podsfx(), "ip": "10.42.%d.%d" % (rng.choice((2, 4, 7)), rng.randint(60, 90)),
            "start": T_ROLLBACK + 3 + 9 * i, "app": []} for i in range(3)]
GEO_SVC = "10.96.31.8"


def geo_broken(g, t):
    return g["emfile"] <= t < g["restart"] + 4.0


def geo_pods_at(t):
    if t < T_ROLLBACK + 10:
        return GEO
    return None


def proxy_line(uptime, level, ctx, target, msg):
    return "[%13.6fs] %5s ThreadId(%02d) %s: %s: %s" % (uptime, level, rng.choice((1, 1, 2)), ctx, target, msg)


def geo_call(t, client):
    """client is a dict with a 'proxy' list and 'pstart'. Returns (ok, ms, kind)."""
    if t >= T_ROLLBACK + 10:
        return True, rng.lognormvariate(1.3, 0.5), None
    g = rng.choice(GEO)
    if not geo_broken(g, t):
        return True, rng.lognormvariate(1.3, 0.5) + (0 if t < g["emfile"] - 600 else rng.uniform(0, 3)), None
    cp = client["proxy"]
    ctx_ep = ("outbound:proxy{addr=%s:8080}:service{ns=geo name=geo-lookup port=8080}:endpoint{addr=%s:8080}"
              % (GEO_SVC, g["ip"]))
    if rng.random() < 0.55:
        cp.append((t + 1.0, proxy_line(t + 1.0 - client["pstart"], "WARN", ctx_ep, "linkerd_reconnect",
                                       "Failed to connect error=connect timed out after 1s")))
        g["proxy"].append((t + 1.0 + rng.uniform(-0.01, 0.01),
                           proxy_line(t + 1.0 - g["proxy_start"], "WARN",
                                      "inbound:server{port=8080}:rescue{client.addr=%s:%d}" % (
                                          client["ip"], rng.randint(32768, 60999)),
                                      "linkerd_app_core::errors::respond",
                                      "HTTP/1.1 request failed error=error trying to connect: connect timed out "
                                      "after 1s error.sources=[connect timed out after 1s]")))
        return False, 2000.0 + rng.uniform(0.5, 4), "timeout"
    cp.append((t + 0.002, proxy_line(t + 0.002 - client["pstart"], "INFO",
                                     "outbound:proxy{addr=%s:8080}:rescue{client.addr=%s:%d}" % (
                                         GEO_SVC, client["ip"], rng.randint(32768, 60999)),
                                     "linkerd_app_core::errors::respond",
                                     "HTTP/1.1 request failed error=logical service geo-lookup.geo.svc.cluster.local:"
                                     "8080: service in fail-fast error.sources=[service in fail-fast]")))
    return False, rng.uniform(0.6, 2.5), "failfast"


# ------------------------------------------------------------------ delivery-quote (Ktor)
DQ = [{"pod": "delivery-quote-5c7b9d8f6-" + podsfx(), "ip": "10.42.%d.%d" % (n, rng.randint(10, 60)),
       "pstart": E(2, 12, 0) - 86400 * 2 + rng.uniform(0, 30), "app": [], "proxy": []} for n in (2, 5, 7)]
CD = [{"pod": "courier-dispatch-84b6f9c7d-" + podsfx(), "ip": "10.42.%d.%d" % (n, rng.randint(10, 60)),
       "pstart": E(6, 40, 0) - 86400 + rng.uniform(0, 30), "proxy": []} for n in (4, 5)]

KTOR_TIMEOUT_STACK = [
    "io.ktor.client.plugins.HttpRequestTimeoutException: Request timeout has expired [url=http://geo-lookup.geo.svc.cluster.local:8080/v1/geocode, request_timeout=2000 ms]",
    "\tat io.ktor.client.plugins.HttpTimeoutKt$HttpTimeout$2$1$killer$1.invokeSuspend(HttpTimeout.kt:165)",
    "\tat kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)",
    "\tat kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)",
    "\tat kotlinx.coroutines.internal.LimitedDispatcher$Worker.run(LimitedDispatcher.kt:115)",
    "\tat kotlinx.coroutines.scheduling.TaskImpl.run(Tasks.kt:103)",
    "\tat kotlinx.coroutines.scheduling.CoroutineScheduler.runSafely(CoroutineScheduler.kt:584)",
    "\tat kotlinx.coroutines.scheduling.CoroutineScheduler$Worker.executeTask(CoroutineScheduler.kt:793)",
    "\tat kotlinx.coroutines.scheduling.CoroutineScheduler$Worker.runWorker(CoroutineScheduler.kt:697)",
    "\tat kotlinx.coroutines.scheduling.CoroutineScheduler$Worker.run(CoroutineScheduler.kt:684)",
]
KTOR_503_STACK = [
    "io.ktor.client.plugins.ServerResponseException: Server error(POST http://geo-lookup.geo.svc.cluster.local:8080/v1/geocode: 503 Service Unavailable. Text: \"\"",
    "\tat io.ktor.client.plugins.DefaultResponseValidationKt$addDefaultResponseValidation$1$1.invokeSuspend(DefaultResponseValidation.kt:54)",
    "\tat io.ktor.client.plugins.DefaultResponseValidationKt$addDefaultResponseValidation$1$1.invoke(DefaultResponseValidation.kt)",
    "\tat io.ktor.client.plugins.HttpCallValidator.validateResponse(HttpCallValidator.kt:51)",
    "\tat io.ktor.client.plugins.HttpCallValidator.access$validateResponse(HttpCallValidator.kt:43)",
    "\tat io.ktor.client.plugins.HttpCallValidator$Companion$install$3.invokeSuspend(HttpCallValidator.kt:152)",
    "\tat kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)",
    "\tat kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)",
]
QUOTE_TAIL = [
    "\tat com.rapidroute.quote.geo.GeoClient.geocode(GeoClient.kt:71)",
    "\tat com.rapidroute.quote.geo.GeoClient$geocode$1.invokeSuspend(GeoClient.kt)",
    "\tat com.rapidroute.quote.QuoteService.quote(QuoteService.kt:38)",
    "\tat com.rapidroute.quote.routes.QuoteRoutesKt$quoteRoutes$1$1.invokeSuspend(QuoteRoutes.kt:24)",
]


def ktor(t, thread, level, logger, msg):
    return "%s [%s] %-5s %s - %s" % (tod(t), thread, level, logger, msg)


def ev_thread():
    return "eventLoopGroupProxy-4-%d" % rng.randint(1, 8)


def dw_thread():
    return "DefaultDispatcher-worker-%d" % rng.randint(1, 24)


def quote_request(t):
    pod = rng.choice(DQ)
    A = pod["app"]
    cur = t + rng.uniform(0.001, 0.004)
    failed = False
    for leg in ("pickup", "dropoff"):
        for attempt in range(3):
            ok, ms, kind = geo_call(cur, pod)
            cur += ms / 1000.0
            if ok:
                break
            if attempt < 2:
                A.append((cur, ktor(cur, dw_thread(), "WARN", "io.ktor.client.plugins.HttpRequestRetry",
                                    "Retrying request POST http://geo-lookup.geo.svc.cluster.local:8080/v1/geocode "
                                    "attempt: %d" % (attempt + 1))))
                cur += 0.1 * (2 ** attempt) + rng.uniform(0, 0.05)
            else:
                failed = True
                stack = KTOR_TIMEOUT_STACK if kind == "timeout" else KTOR_503_STACK
                block = [ktor(cur, dw_thread(), "ERROR", "c.r.quote.geo.GeoClient",
                              "geocode failed leg=%s addr_hash=%s" % (leg, hexs(12)))] + stack + QUOTE_TAIL
                A.append((cur, "\n".join(block)))
        if failed:
            break
        cur += rng.uniform(0.002, 0.01)
    if not failed:
        cur += rng.uniform(0.003, 0.02)
    ms = int((cur - t) * 1000)
    status = "503 Service Unavailable" if failed else "200 OK"
    A.append((cur, ktor(cur, ev_thread(), "INFO", "Application", "%s: POST - /v1/quotes in %dms" % (status, ms))))
    return pod, (503 if failed else 200), cur - t


def misc_request(t, path):
    pod = rng.choice(DQ)
    ms = rng.randint(1, 12)
    pod["app"].append((t + ms / 1000.0, ktor(t + ms / 1000.0, ev_thread(), "INFO", "Application",
                                            "200 OK: GET - %s in %dms" % (path, ms))))
    return pod, 200, ms / 1000.0


# ------------------------------------------------------------------ ingress-nginx
ING_POD = "ingress-nginx-controller-7f9d8c6b5-" + podsfx()
ingress = []
UAS = ["RapidRoute/3.22.0 (iOS 17.4; iPhone14,5)", "RapidRoute/3.22.0 (Android 14; SM-S911B)",
       "RapidRoute/3.21.4 (Android 13; Pixel 6a)", "RapidRoute-Merchant/1.9.2 (Windows 10)",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36"]


def ing_line(t, client, method, path, status, size, ua, reqlen, rt, upname, upaddr, uplen, upt, upst):
    return ('%s - - [%s] "%s %s HTTP/2.0" %d %d "-" "%s" %d %.3f [%s] [] %s %s %s %s %s' % (
        client, dt.datetime.fromtimestamp(t, UTC).strftime("%d/%b/%Y:%H:%M:%S +0000"), method, path, status, size, ua,
        reqlen, rt, upname, upaddr, uplen, upt, upst, hexs(32)))


for t in arrivals(T_START, T_END, 3.6):
    client = "%d.%d.%d.%d" % (rng.choice((31, 62, 77, 89, 151, 185)), rng.randint(0, 255), rng.randint(0, 255),
                              rng.randint(1, 254))
    ua = rng.choice(UAS)
    x = rng.random()
    if x < 0.55:
        pod, st, dur = quote_request(t + 0.001)
        if dur > 10.0:
            end = t + 10.0 + 0.002
            ingress.append((end, ing_line(end, client, "POST", "/v1/quotes", 504, 160, ua, rng.randint(600, 900), 10.001,
                                          "delivery-delivery-quote-8080", "%s:8080" % pod["ip"], 0, "10.001", 504)))
            continue
        end = t + dur + 0.002
        size = 58 if st == 503 else rng.randint(400, 900)
        ingress.append((end, ing_line(end, client, "POST", "/v1/quotes", st, size, ua, rng.randint(600, 900),
                                      dur + 0.002, "delivery-delivery-quote-8080", "%s:8080" % pod["ip"], size,
                                      "%.3f" % dur, st)))
    elif x < 0.70:
        path = "/v1/quotes/%s" % ("q_" + hexs(10))
        pod, st, dur = misc_request(t + 0.001, path)
        end = t + dur + 0.002
        ingress.append((end, ing_line(end, client, "GET", path, st, rng.randint(400, 900), ua, rng.randint(300, 500),
                                      dur + 0.002, "delivery-delivery-quote-8080", "%s:8080" % pod["ip"], 600,
                                      "%.3f" % dur, st)))
    else:
        path = rng.choice(["/v1/orders/%s" % hexs(8), "/v1/me", "/v1/couriers/nearby?lat=52.%04d&lng=13.%04d" % (
            rng.randint(0, 9999), rng.randint(0, 9999)), "/v1/promos"])
        ups = {"/v1/me": "delivery-account-api-8080", "/v1/promos": "delivery-promo-api-8080"}.get(
            path, "delivery-orders-api-8080" if path.startswith("/v1/orders") else "delivery-courier-api-8080")
        dur = rng.lognormvariate(2.7, 0.6) / 1000.0
        end = t + dur + 0.002
        ingress.append((end, ing_line(end, client, "GET", path, 200, rng.randint(200, 5000), ua, rng.randint(300, 500),
                                      dur + 0.002, ups, "10.42.%d.%d:8080" % (rng.randint(1, 8), rng.randint(10, 90)),
                                      rng.randint(200, 5000), "%.3f" % dur, 200)))


def klog(t, lvl, src, msg, pid=7):
    d = dt.datetime.fromtimestamp(t, UTC)
    return "%s%s %s.%06d       %d %s] %s" % (lvl, d.strftime("%m%d"), d.strftime("%H:%M:%S"), d.microsecond, pid, src, msg)


ingress.append((T_INGRESS_RELOAD - 0.4, klog(T_INGRESS_RELOAD - 0.4, "I", "store.go:440",
                                             "\"Found valid IngressClass\" ingress=\"marketing/promo-landing\" "
                                             "ingressclass=\"nginx\"")))
ingress.append((T_INGRESS_RELOAD - 0.39, klog(T_INGRESS_RELOAD - 0.39, "I", "event.go:364",
                                              "Event(v1.ObjectReference{Kind:\"Ingress\", Namespace:\"marketing\", "
                                              "Name:\"promo-landing\", UID:\"%s-%s-%s-%s-%s\", APIVersion:\"networking.k8s.io/v1\", "
                                              "ResourceVersion:\"318840512\", FieldPath:\"\"}): type: 'Normal' reason: 'Sync' "
                                              "Scheduled for sync" % (hexs(8), hexs(4), hexs(4), hexs(4), hexs(12)))))
ingress.append((T_INGRESS_RELOAD, klog(T_INGRESS_RELOAD, "I", "controller.go:190",
                                       "\"Configuration changes detected, backend reload required\"")))
ingress.append((T_INGRESS_RELOAD + 0.61, klog(T_INGRESS_RELOAD + 0.61, "I", "controller.go:210",
                                              "\"Backend successfully reloaded\"")))
ingress.append((T_INGRESS_RELOAD + 0.62, klog(T_INGRESS_RELOAD + 0.62, "I", "event.go:364",
                                              "Event(v1.ObjectReference{Kind:\"Pod\", Namespace:\"ingress-nginx\", "
                                              "Name:\"%s\", UID:\"%s-%s-%s-%s-%s\", APIVersion:\"v1\", "
                                              "ResourceVersion:\"318001177\", FieldPath:\"\"}): type: 'Normal' reason: "
                                              "'RELOAD' NGINX reload triggered due to a change in configuration" % (
                                                  ING_POD, hexs(8), hexs(4), hexs(4), hexs(4), hexs(12)))))
t = T_START + 17.0
while t < T_END:
    ingress.append((t, klog(t, "W", "backend_ssl.go:47", "\"Error obtaining X.509 certificate\" err=\"no object "
                                                        "matching key \\\"partners/partners-tls\\\" in local store\"")))
    t += 300.0 + rng.uniform(-0.5, 0.5)

# ------------------------------------------------------------------ courier-dispatch (only its proxy logs exist)
for t in arrivals(T_START, T_END, 1.4):
    c = rng.choice(CD)
    geo_call(t, c)

# ------------------------------------------------------------------ geo-lookup own logs
for g in GEO:
    t = T_START + rng.uniform(0, 60)
    while t < T_ROLLBACK:
        if t < g["emfile"]:
            g["gor"] += rng.randint(25, 45)
            reqs = rng.randint(2900, 3500)
            line = "stats: reqs=%d p50=%.1fms p99=%.1fms cache_hit=%.2f tile_errs=%d goroutines=%d" % (
                reqs, rng.uniform(2.6, 3.6), rng.uniform(14, 24), rng.uniform(0.88, 0.93), rng.randint(18, 40), g["gor"])
            g["prev"].append((t, go_ts(t) + " " + line))
        elif t >= g["restart"] + 4:
            gor = 40 + int((t - g["restart"]) / 60.0 * 35)
            line = "stats: reqs=%d p50=%.1fms p99=%.1fms cache_hit=%.2f tile_errs=%d goroutines=%d" % (
                rng.randint(2900, 3500), rng.uniform(2.6, 3.6), rng.uniform(14, 24), rng.uniform(0.75, 0.90),
                rng.randint(18, 40), gor)
            g["app"].append((t, go_ts(t) + " " + line))
        t += 60.0
    for tt in arrivals(T_START, T_ROLLBACK, 0.45):
        if g["emfile"] <= tt < g["restart"] + 4:
            continue
        z = rng.choice((12, 13, 14, 15))
        line = "tile-cache: GET /tiles/%d/%d/%d.pbf: 404 Not Found" % (z, rng.randint(0, 2 ** z), rng.randint(0, 2 ** z))
        (g["prev"] if tt < g["emfile"] else g["app"]).append((tt, go_ts(tt) + " " + line))
    t = g["emfile"]
    delay = 0.005
    while t < g["restart"]:
        g["prev"].append((t, go_ts(t) + " http: Accept error: accept tcp [::]:8080: accept4: too many open files; "
                                        "retrying in %s" % (("%dms" % int(delay * 1000)) if delay < 1 else "1s")))
        t += delay
        delay = min(delay * 2, 1.0)
        if rng.random() < 0.04:
            delay = 0.005
    for tt in arrivals(g["emfile"] + 0.3, g["restart"], 0.35):
        z = rng.choice((13, 14, 15))
        g["prev"].append((tt, go_ts(tt) + ' tile fetch z=%d: Get "http://tile-cache.geo.svc.cluster.local:8080/tiles/'
                                          '%d/%d/%d.pbf": dial tcp 10.96.77.3:8080: socket: too many open files' % (
                                              z, z, rng.randint(0, 2 ** z), rng.randint(0, 2 ** z))))
    for tt in arrivals(g["emfile"] + 20, g["restart"], 0.05):
        g["prev"].append((tt, go_ts(tt) + " geoip: open /data/GeoLite2-City.mmdb: too many open files"))
    rs = g["restart"] + 2.1
    g["app"].append((rs, go_ts(rs) + " geo-lookup v2.8.0 (commit 3be91f2) starting"))
    g["app"].append((rs + 0.3, go_ts(rs + 0.3) + " loaded /data/GeoLite2-City.mmdb (build 2026-04-01, 3.1M records)"))
    g["app"].append((rs + 0.31, go_ts(rs + 0.31) + " tile-cache upstream http://tile-cache.geo.svc.cluster.local:8080"))
    g["app"].append((rs + 0.32, go_ts(rs + 0.32) + " listening on :8080"))
    tsd = T_ROLLBACK + 12 + rng.uniform(0, 20)
    g["app"].append((tsd, go_ts(tsd) + " received terminated, shutting down"))
    for tt in arrivals(T_START, T_ROLLBACK, 1 / 240.0):
        g["proxy"].append((tt, proxy_line(tt - g["proxy_start"], "INFO", "outbound:proxy{addr=10.96.0.1:443}",
                                          "linkerd_proxy_http::client", "handling as opaque: connection is not HTTP")))

for g in GEO_NEW:
    s = g["start"]
    g["app"].append((s, go_ts(s) + " geo-lookup v2.7.3 (commit a04c9e1) starting"))
    g["app"].append((s + 0.3, go_ts(s + 0.3) + " loaded /data/GeoLite2-City.mmdb (build 2026-04-01, 3.1M records)"))
    g["app"].append((s + 0.31, go_ts(s + 0.31) + " tile-cache upstream http://tile-cache.geo.svc.cluster.local:8080"))
    g["app"].append((s + 0.32, go_ts(s + 0.32) + " listening on :8080"))
    t = s + 60
    while t < T_END:
        g["app"].append((t, go_ts(t) + " stats: reqs=%d p50=%.1fms p99=%.1fms cache_hit=%.2f tile_errs=%d goroutines=%d" % (
            rng.randint(2900, 3500), rng.uniform(2.6, 3.6), rng.uniform(14, 24), rng.uniform(0.75, 0.9),
            rng.randint(18, 40), rng.randint(38, 60))))
        t += 60
    for tt in arrivals(s + 1, T_END, 0.4):
        z = rng.choice((12, 13, 14, 15))
        g["app"].append((tt, go_ts(tt) + " tile-cache: GET /tiles/%d/%d/%d.pbf: 404 Not Found" % (
            z, rng.randint(0, 2 ** z), rng.randint(0, 2 ** z))))

for p in DQ:
    t = T_START + rng.uniform(0, 120)
    while t < T_END:
        p["app"].append((t, ktor(t, "pricing-refresh", "WARN", "c.r.quote.pricing.RulesCache",
                                 "pricing-rules refresh returned 0 rules for zone=BER-%02d, keeping %d cached" % (
                                     rng.randint(1, 14), rng.randint(80, 140)))))
        t += 120 + rng.uniform(-1, 1)

# ------------------------------------------------------------------ write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)


def write(path, lines_with_t, fmt=None):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    lines_with_t = sorted(lines_with_t, key=lambda x: x[0])
    with open(full, "wb") as f:
        for t, l in lines_with_t:
            f.write(((fmt(t, l) if fmt else l) + "\n").encode("utf-8"))


write("ingress-nginx/%s.log" % ING_POD, ingress)
for p in DQ:
    write("delivery/%s/delivery-quote.log" % p["pod"], p["app"])
    write("delivery/%s/linkerd-proxy.log" % p["pod"], p["proxy"])
for c in CD:
    write("delivery/%s/linkerd-proxy.log" % c["pod"], c["proxy"])
for g in GEO:
    write("geo/%s/geo-lookup.previous.log" % g["pod"], g["prev"])
    write("geo/%s/geo-lookup.log" % g["pod"], g["app"])
    write("geo/%s/linkerd-proxy.log" % g["pod"], g["proxy"], fmt=lambda t, l: rfc_nano(t) + " " + l)
for g in GEO_NEW:
    write("geo/%s/geo-lookup.log" % g["pod"], g["app"])
