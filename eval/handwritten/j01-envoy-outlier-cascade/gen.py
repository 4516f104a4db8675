#!/usr/bin/env python3
"""Generator for case j01 (deterministic, standard library only).

Writes ./logs/ beside this file. Re-running produces byte-identical output.
"""
import datetime
import json
import math
import os
import random
import shutil

SEED = 1101
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
UTC = datetime.timezone.utc
DAY0 = datetime.datetime(2025, 11, 18, tzinfo=UTC).timestamp()


def T(h, m, s=0.0):
    return DAY0 + h * 3600 + m * 60 + s


def dt(t):
    return datetime.datetime.fromtimestamp(round(t, 6), UTC)


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def iso_s(t):
    return dt(t).strftime("%Y-%m-%dT%H:%M:%SZ")


def py_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (d.microsecond // 1000)


def klog_ts(t):
    d = dt(t)
    return d.strftime("%m%d %H:%M:%S.") + "%06d" % d.microsecond


LINES = {}


def emit(path, t, line):
    LINES.setdefault(path, []).append((t, len(LINES.get(path, [])), line))


def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))


def uuid4():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[R.randrange(4)], h[17:20], h[20:32])


def lognorm(median, sigma):
    return median * math.exp(R.gauss(0, sigma))


NS = "shop"
INGRESS_POD = "ingress-gateway-7c9d5f6b8-kq2lw"
CHECKOUT = [("checkout-api-5b6c8d7f9-4jz8k", "10.12.1.21"),
            ("checkout-api-5b6c8d7f9-f2vxq", "10.12.1.22"),
            ("checkout-api-5b6c8d7f9-rw9tn", "10.12.1.23")]
CATALOG = [("catalog-api-84f5b7d6c-hx7mn", "10.12.2.31"),
           ("catalog-api-84f5b7d6c-pl2ds", "10.12.2.32")]
CART = [("cart-api-6d9b8c5f4-9kq2z", "10.12.4.11"),
        ("cart-api-6d9b8c5f4-zt6wr", "10.12.4.12")]
REVIEWS_OLD = [("reviews-svc-7f6c9d8b5-lm3qp", "10.12.5.17")]
REVIEWS_NEW = [("reviews-svc-5d8f7c9b4-vv8jk", "10.12.5.29")]
PAYMENTS = [("payments-api-78c9f6d5b-kd4st", "10.12.6.41"),
            ("payments-api-78c9f6d5b-wq7lc", "10.12.6.42")]
PRICING_OLD = [("pricing-svc-6f7d9c8b5-2xkqp", "10.12.3.45"),
               ("pricing-svc-6f7d9c8b5-8vhtn", "10.12.3.46"),
               ("pricing-svc-6f7d9c8b5-mz4rc", "10.12.3.47"),
               ("pricing-svc-6f7d9c8b5-t7lwd", "10.12.3.48")]
PRICING_NEW = [("pricing-svc-6f7d9c8b5-q9dzx", "10.12.3.61"),
               ("pricing-svc-6f7d9c8b5-hb2kf", "10.12.3.62"),
               ("pricing-svc-6f7d9c8b5-w5npr", "10.12.3.63"),
               ("pricing-svc-6f7d9c8b5-c6xjt", "10.12.3.64")]

START = T(9, 30)
END = T(10, 42)
REVIEWS_DEPLOY = T(10, 9, 14.6)
EVICT = [T(10, 11, 42.318), T(10, 13, 1.774), T(10, 14, 17.402), T(10, 15, 29.115)]
READY = [T(10, 12, 31.206), T(10, 13, 48.530), T(10, 15, 2.911), T(10, 16, 14.668)]


def pricing_pods_at(t):
    pods = []
    for i in range(4):
        if t < EVICT[i]:
            pods.append((PRICING_OLD[i][0], PRICING_OLD[i][1], False))
        elif t >= READY[i]:
            pods.append((PRICING_NEW[i][0], PRICING_NEW[i][1], True))
    return pods


def n_throttled(t):
    return sum(1 for r in READY if t >= r)


def severity(t):
    n = n_throttled(t)
    if n == 0:
        return 0.0
    base = [0, 0.22, 0.45, 0.72, 0.9][n]
    return min(1.0, base + 0.06 * math.sin((t - READY[0]) / 37.0))


UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
    "ShopApp/6.12.0 (Android 14; Pixel 8)",
    "ShopApp/6.12.0 (iOS 18.1; iPhone15,3)",
    "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
]


def client_ip():
    return R.choice(["203.0.113.%d" % R.randint(2, 250), "198.51.100.%d" % R.randint(2, 250),
                     "192.0.2.%d" % R.randint(2, 250), "100.64.%d.%d" % (R.randint(0, 40), R.randint(2, 250))])


def envoy_line(t, method, path, proto, code, flags, rx, tx, dur, ust, xff, ua, rid, auth, uhost):
    return '[%s] "%s %s %s" %s %s %d %d %d %s "%s" "%s" "%s" "%s" "%s"' % (
        iso_ms(t), method, path, proto, code, flags, rx, tx, dur, ust, xff, ua, rid, auth, uhost)


def zap_epoch(t, level, caller, msg, **kw):
    d = {"level": level, "ts": round(t, 4), "caller": caller, "msg": msg}
    d.update(kw)
    return json.dumps(d, separators=(",", ":"))


def zap_iso(t, level, caller, msg, **kw):
    d = {"level": level, "ts": iso_ms(t), "caller": caller, "msg": msg}
    d.update(kw)
    return json.dumps(d, separators=(",", ":"))


PRICING_AUTH = "pricing-svc.shop.svc.cluster.local:8080"
PAY_AUTH = "payments-api.shop.svc.cluster.local:8080"

OUTLIER_LOG = "checkout-api/checkout-api-5b6c8d7f9-4jz8k/envoy-outlier-events.log"


def pricing_call(t, caller, timeout_ms):
    pods = pricing_pods_at(t)
    sev = severity(t)
    if sev > 0.4 and R.random() < (sev - 0.4) * 0.55:
        return (503, "UH", 0, "-", "-", None, False)
    if caller == "cart" and sev > 0.6 and R.random() < (sev - 0.6) * 0.5:
        return (503, "UO", 0, "-", "-", None, False)
    pod, ip, thr = R.choice(pods)
    if not thr:
        d = lognorm(14 + 30 * sev, 0.45)
    else:
        d = lognorm(180 + 900 * sev, 0.7)
    if d >= timeout_ms:
        return (504, "UT", timeout_ms + R.randint(0, 3), "-", ip + ":8080", pod, True)
    di = max(2, int(d))
    return (200, "-", di + R.randint(0, 2), str(di), ip + ":8080", pod, thr and d > 250)


def outlier_events():
    ts = []
    for i in range(4):
        t = READY[i] + R.uniform(35, 70)
        n = 0
        while t < END:
            n += 1
            ts.append((t, "EJECT", PRICING_NEW[i][1], n))
            dur = 30 * min(n, 6) + R.uniform(0, 0.2)
            un = t + dur
            if un < END:
                ts.append((un, "UNEJECT", PRICING_NEW[i][1], n))
            t = un + R.uniform(4, 20) * (1.4 - severity(un))
    ts.sort()
    last = {}
    for (t, action, ip, n) in ts:
        secs = int(t - last[ip]) if ip in last else None
        last[ip] = t
        d = {"type": "CONSECUTIVE_GATEWAY_FAILURE" if R.random() < 0.8 else "CONSECUTIVE_5XX",
             "cluster_name": "outbound|8080||" + PRICING_AUTH.split(":")[0],
             "upstream_url": ip + ":8080",
             "action": action,
             "num_ejections": n,
             "enforced": True,
             "timestamp": iso_ms(t)}
        if secs is not None:
            d["secs_since_last_action"] = str(secs)
        if action == "EJECT":
            d["eject_consecutive_event"] = {}
        emit(OUTLIER_LOG, t, json.dumps(d, separators=(",", ":")))


ROUTES = [
    (22, "GET", "/api/catalog/products/{sku}", "catalog"),
    (9, "GET", "/api/catalog/search?q={q}", "catalog"),
    (10, "GET", "/api/cart", "cart"),
    (6, "POST", "/api/cart/items", "cart"),
    (7, "POST", "/api/checkout/quote", "checkout"),
    (2, "POST", "/api/checkout/submit", "checkout"),
    (6, "GET", "/api/reviews/{sku}?page=1", "reviews"),
    (2, "GET", "/api/account/me", "account"),
    (1, "GET", "/static/app.{h}.js", "static"),
]
RW = [r[0] for r in ROUTES]
QUERIES = ["running+shoes", "rain+jacket", "wool+socks", "backpack", "headlamp", "trail+shoes", "down+vest", "gloves"]


def sku():
    return "SKU-%05d" % R.randint(10000, 48000)


def ingress_traffic():
    t = START
    ilog = "ingress-gateway/%s/access.log" % INGRESS_POD
    while t < END:
        hour_factor = 1.0 + 0.15 * math.sin((t - START) / 900.0)
        t += R.expovariate(2.2 * hour_factor)
        r = R.choices(ROUTES, RW)[0]
        method, tmpl, svc = r[1], r[2], r[3]
        path = tmpl.replace("{sku}", sku()).replace("{q}", R.choice(QUERIES)).replace("{h}", "3f9a1c2e")
        rid = uuid4()
        ua = R.choice(UAS)
        xff = client_ip()
        sev = severity(t)
        code, flags, ust, rx, tx = 200, "-", "-", 0, 0
        if svc == "catalog":
            pod, ip = R.choice(CATALOG)
            up = ip + ":8000"
            d = lognorm(38, 0.5)
            code = 200
            if "products" in path:
                pc = pricing_call(t, "catalog", 800)
                if pc[0] != 200:
                    d += 800 if pc[1] == "UT" else 3
                    catalog_fallback(t + d / 1000.0, pod, path.split("/")[-1], pc, rid)
                else:
                    d += pc[2]
                    if pc[6]:
                        catalog_slow(t + d / 1000.0, pod, path.split("/")[-1], pc[2])
                sidecar_out(t + 0.002, pod, "catalog", pc, rid, "python-requests/2.32.3")
                if R.random() < 0.003:
                    code = 404
            tx = R.randint(2400, 9800) if code == 200 else 61
            rx = 0
        elif svc == "cart":
            pod, ip = R.choice(CART)
            up = ip + ":3000"
            d = lognorm(22, 0.4)
            attempts = 0
            final = None
            tt = t
            while attempts < 3:
                attempts += 1
                pc = pricing_call(tt, "cart", 1000)
                sidecar_out(tt + 0.001, pod, "cart", pc, rid, "axios/1.7.7")
                d += pc[2]
                tt += pc[2] / 1000.0
                if pc[0] == 200:
                    final = pc
                    break
                cart_retry_log(tt, pod, rid, attempts, pc)
                back = 100 * (2 ** (attempts - 1)) + R.randint(0, 50)
                d += back
                tt += back / 1000.0
            if final is None:
                code = 502
                tx = 98
                cart_fail_log(tt, pod, rid)
            else:
                code = 201 if method == "POST" else 200
                tx = R.randint(700, 3100)
            rx = R.randint(90, 240) if method == "POST" else 0
        elif svc == "checkout":
            pod, ip = R.choice(CHECKOUT)
            up = ip + ":8080"
            d = lognorm(30, 0.4)
            rx = R.randint(350, 900)
            pc = pricing_call(t, "checkout", 1000)
            sidecar_out(t + 0.001, pod, "checkout", pc, rid, "Go-http-client/1.1")
            d += pc[2]
            if pc[0] != 200:
                code = 502 if pc[1] == "UH" else 504
                tx = 112
                checkout_fail_log(t + d / 1000.0, pod, rid, pc, path)
            else:
                code = 200
                tx = R.randint(900, 2600)
                if path.endswith("submit"):
                    pd = lognorm(180, 0.35)
                    d += pd
                    pay_ok = R.random() > 0.04
                    sidecar_out(t + pc[2] / 1000.0 + 0.002, pod, "checkout",
                                (200 if pay_ok else 402, "-", int(pd), str(int(pd) - 2),
                                 R.choice(PAYMENTS)[1] + ":8080", None, False), rid,
                                "Go-http-client/1.1", auth=PAY_AUTH, path="/v1/charges", method="POST")
                    if not pay_ok:
                        code = 402
                        tx = 143
                        emit("checkout-api/%s/app.log" % pod, t + d / 1000.0,
                             zap_epoch(t + d / 1000.0, "warn", "submit/handler.go:211", "payment declined",
                                       request_id=rid, order_ref="ord_" + hexid(10),
                                       decline_code=R.choice(["insufficient_funds", "do_not_honor", "expired_card"])))
        elif svc == "reviews":
            reviews_req(t, rid)
            pods = REVIEWS_NEW if t > REVIEWS_DEPLOY + 20 else REVIEWS_OLD
            pod, ip = pods[0]
            up = ip + ":9000"
            d = lognorm(45, 0.5)
            code = 200
            tx = R.randint(1500, 7000)
            if REVIEWS_DEPLOY + 20 < t < REVIEWS_DEPLOY + 150 and R.random() < 0.35:
                code = 500
                tx = 47
            elif REVIEWS_DEPLOY - 2 < t < REVIEWS_DEPLOY + 20 and R.random() < 0.5:
                code, flags, up, tx, d = 503, "UF", ip + ":9000", 91, 1
        elif svc == "account":
            up = "10.12.7.%d:8080" % R.randint(11, 12)
            d = lognorm(25, 0.4)
            code = 200 if R.random() > 0.06 else 401
            tx = 412 if code == 200 else 38
        else:
            up = "10.12.8.5:80"
            d = lognorm(3, 0.3)
            code = 200 if R.random() > 0.1 else 304
            tx = 184233 if code == 200 else 0
        di = int(d)
        if up != "-" and flags not in ("UH", "UF"):
            ust = str(max(1, di - R.randint(0, 2)))
        emit(ilog, t, envoy_line(t, method, path, "HTTP/2" if "ShopApp" not in ua else "HTTP/1.1", code, flags,
                                 rx, tx, di, ust, xff, ua, rid, "shop.example.com", up))


def sidecar_out(t, pod, caller, pc, rid, ua, auth=PRICING_AUTH, path="/v2/quote", method="POST"):
    code, flags, dur, ust, uhost = pc[0], pc[1], pc[2], pc[3], pc[4]
    tx = {200: R.randint(310, 720), 503: 19 if flags == "UH" else 81, 504: 24, 402: 143}.get(code, 60)
    if flags == "UO":
        tx = 81
    rx = R.randint(120, 400)
    emit("%s-api/%s/envoy-sidecar.log" % (caller, pod) if caller != "checkout" else
         "checkout-api/%s/envoy-sidecar.log" % pod, t,
         envoy_line(t, method, path, "HTTP/1.1", code, flags, rx, tx, dur, ust, "-", ua, rid, auth, uhost))


def catalog_fallback(t, pod, s, pc, rid):
    f = "catalog-api/%s/app.log" % pod
    if pc[1] == "UT":
        err = ("HTTPConnectionPool(host='pricing-svc.shop.svc.cluster.local', port=8080): "
               "Read timed out. (read timeout=0.8)")
    elif pc[1] == "UH":
        err = "503 Server Error: Service Unavailable for url: http://pricing-svc.shop.svc.cluster.local:8080/v2/quote"
    else:
        err = "%d Server Error for url: http://pricing-svc.shop.svc.cluster.local:8080/v2/quote" % pc[0]
    emit(f, t, "%s WARNING [catalog.pricing] price lookup failed for %s: %s" % (py_ts(t), s, err))
    if R.random() < 0.85:
        emit(f, t + 0.0004, "%s INFO [catalog.pricing] serving cached list price for %s (age=%ds)"
             % (py_ts(t + 0.0004), s, R.randint(40, 3600)))


def catalog_slow(t, pod, s, ms):
    if R.random() < 0.3:
        emit("catalog-api/%s/app.log" % pod, t,
             "%s INFO [catalog.views] GET /products/%s completed in %dms" % (py_ts(t), s, ms + 30))


def cart_retry_log(t, pod, rid, attempt, pc):
    msg = {"UT": "Request failed with status code 504", "UH": "Request failed with status code 503",
           "UO": "Request failed with status code 503"}[pc[1]]
    d = {"level": 40, "time": int(t * 1000), "pid": 1, "hostname": pod, "reqId": rid,
         "msg": "pricing quote failed, retrying", "attempt": attempt,
         "err": {"type": "AxiosError", "message": msg, "code": "ERR_BAD_RESPONSE"}}
    emit("cart-api/%s/app.log" % pod, t, json.dumps(d, separators=(",", ":")))


def cart_fail_log(t, pod, rid):
    d = {"level": 50, "time": int(t * 1000), "pid": 1, "hostname": pod, "reqId": rid,
         "msg": "unable to price cart after 3 attempts", "err": {"type": "PricingUnavailableError",
                                                                "message": "pricing-svc unavailable",
                                                                "stack": "PricingUnavailableError: pricing-svc unavailable\n    at PricingClient.quote (/app/dist/clients/pricing.js:88:13)\n    at async CartService.reprice (/app/dist/services/cart.js:142:20)"}}
    emit("cart-api/%s/app.log" % pod, t, json.dumps(d, separators=(",", ":")))
    d2 = {"level": 30, "time": int(t * 1000) + 1, "pid": 1, "hostname": pod, "reqId": rid,
          "res": {"statusCode": 502}, "responseTime": 0, "msg": "request completed"}
    emit("cart-api/%s/app.log" % pod, t + 0.001, json.dumps(d2, separators=(",", ":")))


def checkout_fail_log(t, pod, rid, pc, path):
    f = "checkout-api/%s/app.log" % pod
    if pc[1] == "UT":
        err = ("pricing: POST http://pricing-svc.shop.svc.cluster.local:8080/v2/quote: "
               "unexpected status 504: upstream request timeout")
    elif pc[1] == "UH":
        err = ("pricing: POST http://pricing-svc.shop.svc.cluster.local:8080/v2/quote: "
               "unexpected status 503: no healthy upstream")
    else:
        err = "pricing: unexpected status %d" % pc[0]
    emit(f, t, zap_epoch(t, "error", "quote/handler.go:142", "pricing quote failed", request_id=rid,
                         route=path, cart_id="c_" + hexid(12), error=err))


def reviews_req(t, rid):
    pass


def pricing_logs():
    for i in range(4):
        for (pod, ip), alive_from, alive_to, throttled in (
                (PRICING_OLD[i], START, EVICT[i], False), (PRICING_NEW[i], READY[i] - 6.5, END, True)):
            f = "pricing-svc/%s/app.log" % pod
            if throttled:
                t0 = READY[i] - 6.5
                emit(f, t0, dt(t0).strftime("%Y/%m/%d %H:%M:%S") + " maxprocs: Updating GOMAXPROCS=1: using minimum allowed GOMAXPROCS")
                emit(f, t0 + 0.004, zap_iso(t0 + 0.004, "info", "cmd/main.go:61", "starting pricing-svc",
                                            version="3.14.2", commit="a41c9e0", go="go1.23.3"))
                emit(f, t0 + 0.02, zap_iso(t0 + 0.02, "info", "ratetable/loader.go:77", "loading rate table",
                                           source="redis://pricing-cache.shop.svc.cluster.local:6379/2"))
                emit(f, t0 + 5.9, zap_iso(t0 + 5.9, "info", "ratetable/loader.go:112", "rate table loaded",
                                          currencies=38, rules=14211, elapsed=("%.3fs" % 5.88)))
                emit(f, t0 + 6.0, zap_iso(t0 + 6.0, "info", "cmd/main.go:98", "http server listening", addr=":8080"))
            t = alive_from + R.uniform(0, 30) if not throttled else READY[i] + 30
            while t < alive_to:
                if throttled:
                    el = lognorm(9 + 30 * severity(t), 0.3)
                else:
                    el = lognorm(0.9, 0.2)
                emit(f, t + el, zap_iso(t + el, "info", "ratetable/refresh.go:54",
                                        "rate table refreshed", rules=14211 + R.randint(-3, 3),
                                        elapsed="%.3fs" % el))
                if el > 30:
                    emit(f, t + el + 0.001, zap_iso(t + el + 0.001, "warn", "ratetable/refresh.go:61",
                                                    "rate table refresh took longer than interval",
                                                    elapsed="%.1fs" % el, interval="30s"))
                if R.random() < 0.07:
                    emit(f, t + el + 0.002, zap_iso(t + el + 0.002, "warn", "ratetable/fx.go:130",
                                                    "currency rate missing, falling back to USD",
                                                    currency=R.choice(["XOF", "MNT", "BTN"])))
                t += 30
            t = max(alive_from, READY[i]) if throttled else alive_from
            while t < alive_to:
                t += R.expovariate(0.9)
                if t >= alive_to:
                    break
                sev = severity(t)
                if throttled:
                    d = lognorm(180 + 900 * sev, 0.7)
                else:
                    d = lognorm(14 + 30 * sev, 0.45)
                if d > 1000:
                    if R.random() < 0.12:
                        emit(f, t + d / 1000, zap_iso(t + d / 1000, "warn", "server/middleware.go:88",
                                                      "slow request", method="POST", path="/v2/quote",
                                                      duration="%.3fs" % (d / 1000.0), status=200))
                    continue
                if R.random() < 0.5:
                    emit(f, t + d / 1000, zap_iso(t + d / 1000, "info", "server/middleware.go:79", "request",
                                                  method="POST", path="/v2/quote", status=200,
                                                  duration="%.3fms" % d, items=R.randint(1, 9)))
        pod = PRICING_OLD[i][0]
        f = "pricing-svc/%s/app.log" % pod
        te = EVICT[i] + 0.2
        emit(f, te, zap_iso(te, "info", "cmd/main.go:121", "received signal, shutting down", signal="terminated"))
        emit(f, te + 0.6, zap_iso(te + 0.6, "info", "cmd/main.go:130", "http server stopped"))


def checkout_background():
    for pod, ip in CHECKOUT:
        f = "checkout-api/%s/app.log" % pod
        t = START + R.uniform(0, 5)
        while t < END:
            t += R.expovariate(0.12)
            x = R.random()
            if x < 0.55:
                emit(f, t, zap_epoch(t, "info", "cart/sync.go:66", "abandoned cart sweep done",
                                     scanned=R.randint(200, 900), expired=R.randint(0, 20)))
            elif x < 0.8:
                emit(f, t, zap_epoch(t, "warn", "tax/client.go:97", "tax estimate fallback used",
                                     region=R.choice(["PR", "GU", "VI", "AS"]), reason="no nexus table"))
            elif x < 0.9:
                emit(f, t, zap_epoch(t, "error", "promo/validate.go:51", "promo code validation failed",
                                     code=R.choice(["BF2025", "WELCOME10", "FREESHIP"]),
                                     error="promo expired or usage limit reached"))
            else:
                emit(f, t, zap_epoch(t, "info", "health/probe.go:23", "dependency check",
                                     pricing="ok", payments="ok", redis="ok"))


def catalog_background():
    for pod, ip in CATALOG:
        f = "catalog-api/%s/app.log" % pod
        t = START + R.uniform(0, 5)
        while t < END:
            t += R.expovariate(0.15)
            x = R.random()
            if x < 0.5:
                emit(f, t, "%s INFO [catalog.search] search q=%s hits=%d took=%dms" %
                     (py_ts(t), R.choice(QUERIES), R.randint(0, 400), R.randint(8, 60)))
            elif x < 0.75:
                emit(f, t, "%s WARNING [catalog.media] thumbnail missing for %s, using placeholder" %
                     (py_ts(t), sku()))
            elif x < 0.85:
                emit(f, t, "%s ERROR [catalog.feeds] supplier feed row rejected: missing GTIN (supplier=%s row=%d)" %
                     (py_ts(t), R.choice(["acme-outdoor", "northpeak", "blue-fjord"]), R.randint(1, 40000)))
            else:
                emit(f, t, "%s INFO [gunicorn.access] 10.12.0.1 - - \"GET /healthz HTTP/1.1\" 200 2" % py_ts(t))


def cart_background():
    for pod, ip in CART:
        f = "cart-api/%s/app.log" % pod
        t = START + R.uniform(0, 5)
        while t < END:
            t += R.expovariate(0.1)
            x = R.random()
            if x < 0.6:
                d = {"level": 30, "time": int(t * 1000), "pid": 1, "hostname": pod,
                     "msg": "session store stats", "hits": R.randint(900, 2000), "misses": R.randint(5, 60)}
            elif x < 0.85:
                d = {"level": 40, "time": int(t * 1000), "pid": 1, "hostname": pod,
                     "msg": "cart item references discontinued sku, dropping", "sku": sku()}
            else:
                d = {"level": 50, "time": int(t * 1000), "pid": 1, "hostname": pod,
                     "msg": "failed to publish cart event",
                     "err": {"type": "Error", "message": "connect ECONNREFUSED 10.12.9.14:4222"}}
            emit(f, t, json.dumps(d, separators=(",", ":")))


def reviews_logs():
    f_old = "reviews-svc/%s/app.log" % REVIEWS_OLD[0][0]
    f_new = "reviews-svc/%s/app.log" % REVIEWS_NEW[0][0]
    t = START
    while t < REVIEWS_DEPLOY + 2:
        t += R.expovariate(0.2)
        emit(f_old, t, zap_epoch(t, "info", "reviews/list.go:40", "reviews listed", sku=sku(), count=R.randint(0, 40)))
    emit(f_old, REVIEWS_DEPLOY + 2.1, zap_epoch(REVIEWS_DEPLOY + 2.1, "info", "main.go:88", "shutting down"))
    t0 = REVIEWS_DEPLOY - 9
    emit(f_new, t0, zap_epoch(t0, "info", "main.go:40", "starting reviews-svc", version="2.8.0", commit="77be0d1"))
    emit(f_new, t0 + 0.3, zap_epoch(t0 + 0.3, "warn", "sentiment/model.go:58",
                                    "failed to load sentiment model shard, using fallback scorer",
                                    shard="s3://ml-artifacts/sentiment/v9/shard-3.onnx",
                                    error="operation error S3: GetObject, https response error StatusCode: 403, AccessDenied"))
    t = t0 + 1
    while t < END:
        t += R.expovariate(0.5)
        if REVIEWS_DEPLOY + 20 < t < REVIEWS_DEPLOY + 150 and R.random() < 0.6:
            emit(f_new, t, zap_epoch(t, "error", "reviews/list.go:71", "list reviews failed", sku=sku(),
                                     error="pq: column r.sentiment_v2 does not exist"))
        elif R.random() < 0.25:
            emit(f_new, t, zap_epoch(t, "warn", "sentiment/score.go:33", "fallback scorer used", sku=sku()))
        else:
            emit(f_new, t, zap_epoch(t, "info", "reviews/list.go:40", "reviews listed", sku=sku(), count=R.randint(0, 40)))
    tm = REVIEWS_DEPLOY + 151
    emit(f_new, tm, zap_epoch(tm, "info", "migrate/run.go:30", "applied migration", version=412,
                              name="add_sentiment_v2_column"))


def kube_events():
    f = "cluster/kubectl-get-events-shop.txt"
    rows = []

    def ev(t, typ, reason, obj, msg):
        rows.append((t, typ, reason, obj, msg))
    t = START
    while t < END:
        t += R.uniform(240, 420)
        ev(t, "Warning", "BackOff", "pod/nightly-export-29391840-7xq2m", "Back-off restarting failed container export in pod nightly-export-29391840-7xq2m_shop(6b1e...)")
    t = START + 100
    while t < END:
        t += R.uniform(500, 900)
        jn = "feed-sync-2939%04d" % R.randint(1000, 9999)
        ev(t, "Normal", "SuccessfulCreate", "job/" + jn, "Created pod: %s-%s" % (jn, hexid(5)))
        ev(t + R.uniform(40, 90), "Normal", "Completed", "job/" + jn, "Job completed")
    d = REVIEWS_DEPLOY
    ev(d - 10, "Normal", "ScalingReplicaSet", "deployment/reviews-svc", "Scaled up replica set reviews-svc-5d8f7c9b4 to 1")
    ev(d - 9.8, "Normal", "Scheduled", "pod/reviews-svc-5d8f7c9b4-vv8jk", "Successfully assigned shop/reviews-svc-5d8f7c9b4-vv8jk to ip-10-12-33-7.ec2.internal")
    ev(d - 9.3, "Normal", "Pulling", "pod/reviews-svc-5d8f7c9b4-vv8jk", 'Pulling image "123456789012.dkr.ecr.us-east-1.amazonaws.com/reviews-svc:2.8.0"')
    ev(d - 6.1, "Normal", "Pulled", "pod/reviews-svc-5d8f7c9b4-vv8jk", 'Successfully pulled image "123456789012.dkr.ecr.us-east-1.amazonaws.com/reviews-svc:2.8.0" in 3.174s (3.174s including waiting). Image size: 48213411 bytes.')
    ev(d - 6.0, "Normal", "Created", "pod/reviews-svc-5d8f7c9b4-vv8jk", "Created container: reviews-svc")
    ev(d - 5.9, "Normal", "Started", "pod/reviews-svc-5d8f7c9b4-vv8jk", "Started container reviews-svc")
    ev(d + 1.5, "Normal", "ScalingReplicaSet", "deployment/reviews-svc", "Scaled down replica set reviews-svc-7f6c9d8b5 to 0 from 1")
    ev(d + 1.6, "Normal", "Killing", "pod/reviews-svc-7f6c9d8b5-lm3qp", "Stopping container reviews-svc")
    for i in range(4):
        old, new = PRICING_OLD[i][0], PRICING_NEW[i][0]
        e = EVICT[i]
        ev(e, "Normal", "EvictedByVPA", "pod/" + old, "Pod was evicted by VPA Updater to apply resource recommendation.")
        ev(e + 0.05, "Normal", "Killing", "pod/" + old, "Stopping container pricing-svc")
        ev(e + 0.05, "Normal", "Killing", "pod/" + old, "Stopping container istio-proxy")
        ev(e + 0.3, "Normal", "SuccessfulCreate", "replicaset/pricing-svc-6f7d9c8b5", "Created pod: " + new)
        ev(e + 0.35, "Normal", "Scheduled", "pod/" + new, "Successfully assigned shop/%s to ip-10-12-3%d-%d.ec2.internal" % (new, i, 10 + i))
        ev(e + 1.2, "Normal", "Pulled", "pod/" + new, 'Container image "docker.io/istio/proxyv2:1.23.2" already present on machine')
        ev(e + 1.3, "Normal", "Created", "pod/" + new, "Created container: istio-proxy")
        ev(e + 1.5, "Normal", "Started", "pod/" + new, "Started container istio-proxy")
        ev(e + 2.1, "Normal", "Pulled", "pod/" + new, 'Container image "123456789012.dkr.ecr.us-east-1.amazonaws.com/pricing-svc:3.14.2" already present on machine')
        ev(e + 2.2, "Normal", "Created", "pod/" + new, "Created container: pricing-svc")
        ev(READY[i] - 6.6, "Normal", "Started", "pod/" + new, "Started container pricing-svc")
        ev(READY[i] - 3.0, "Warning", "Unhealthy", "pod/" + new, "Readiness probe failed: HTTP probe failed with statuscode: 503")
    for t in (T(10, 19, 3), T(10, 27, 40), T(10, 36, 12)):
        ev(t, "Warning", "Unhealthy", "pod/" + PRICING_NEW[R.randrange(4)][0], "Liveness probe failed: Get \"http://10.12.3.6%d:15020/app-health/pricing-svc/livez\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % R.randint(1, 4))
    rows.sort(key=lambda r: r[0])
    w = [21, 8, 18, 48]
    lines = ["%-21s %-8s %-18s %-48s %s" % ("LAST", "TYPE", "REASON", "OBJECT", "MESSAGE")]
    for (t, typ, reason, obj, msg) in rows:
        lines.append("%-21s %-8s %-18s %-48s %s" % (iso_s(t), typ, reason, obj, msg))
    emit(f, START, "\n".join(lines))


def vpa_updater():
    f = "cluster/vpa-updater-5c8d9b7f6-x4lqw.log"
    t = START
    pid = 1
    while t < END:
        t += 60 + R.uniform(-0.004, 0.004)
        emit(f, t, 'I%s       %d updater.go:227] "Updater loop started"' % (klog_ts(t), pid))
        emit(f, t + 0.011, 'I%s       %d pods_eviction_restriction.go:226] "Too few replicas" kind="ReplicaSet" object="kube-system/metrics-server-6d94bc8694" livePods=1 requiredPods=2 globalMinReplicas=2' % (klog_ts(t + 0.011), pid))
        if R.random() < 0.3:
            emit(f, t + 0.02, 'W%s       %d updater.go:153] "Failed to get recommendation for container" err="no recommendation for container \\"export\\"" pod="shop/nightly-export-29391840-7xq2m"' % (klog_ts(t + 0.02), pid))
    for i in range(4):
        e = EVICT[i] - 0.01
        emit(f, e - 0.003, 'I%s       %d update_priority_calculator.go:143] "Pod accepted for update" pod="shop/%s" updatePriority=1.38 processedRecommendations=1' % (klog_ts(e - 0.003), pid, PRICING_OLD[i][0]))
        emit(f, e, 'I%s       %d updater.go:215] "Evicting pod" pod="shop/%s"' % (klog_ts(e), pid, PRICING_OLD[i][0]))
    emit(f, T(10, 11, 41.9), 'I%s       %d updater.go:188] "Processing VPA" vpa="shop/pricing-svc" updateMode="Auto" pods=4' % (klog_ts(T(10, 11, 41.9)), pid))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    ingress_traffic()
    outlier_events()
    pricing_logs()
    checkout_background()
    catalog_background()
    cart_background()
    reviews_logs()
    kube_events()
    vpa_updater()
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
