#!/usr/bin/env python3
"""k01: promo-engine 3.8.0 switches its eligibility recompute to one big Lua script
(EVALSHA) per segment against the shared cart-redis. Each script runs 20-60 s, so
cart-redis answers every other client with BUSY; cart-api (retrying) and everything
above it light up while promo-engine itself only logs INFO progress lines.
Python 3 standard library only; fixed seed; rewrites logs/ beside itself."""
import json
import os
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

SLUG = "k01-redis-lua-busy"
OUT = Path(__file__).resolve().parent / "logs"
rng = random.Random(1301)
UTC = timezone.utc
BASE = datetime(2026, 2, 3, 13, 5, 0, tzinfo=UTC)
END = 55 * 60.0

FILES = {}
SEQ = [0]


def emit(name, t, text):
    SEQ[0] += 1
    FILES.setdefault(name, []).append((t, SEQ[0], text))


def dt(t):
    return BASE + timedelta(seconds=t)


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def epoch_ms(t):
    return int(round(dt(t).timestamp() * 1000))


def hexid(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


# ---------------------------------------------------------------- incident timeline
REVIEWS_DEPLOY = 28 * 60 + 40.0      # 13:33:40 reviews-api rollout (red herring)
PROMO_DEPLOY = 31 * 60 + 5.0         # 13:36:05 promo-engine 3.8.0 rollout
JOB_START = 33 * 60 + 12.0           # 13:38:12 scheduled recompute (new strategy)
ROLLBACK = 42 * 60 + 31.0            # 13:47:31 promo-engine rolled back to 3.7.2

SCRIPTS = []                         # (start, end, segment)
t = JOB_START + 0.31
seg = 1
while t < ROLLBACK + 40 and seg <= 16:
    dur = rng.uniform(21, 58)
    SCRIPTS.append((t, t + dur, seg))
    t = t + dur + rng.uniform(2.5, 6.0)
    seg += 1
# the rollback SIGTERMs the pod mid-run; the script already inside redis keeps running
SCRIPTS = [s for s in SCRIPTS if s[0] < ROLLBACK]
LAST_SCRIPT_END = SCRIPTS[-1][1]


def redis_state(t):
    """'ok', 'slow' (script running < 5 s: commands queue), 'busy' (BUSY replies)."""
    for s, e, _ in SCRIPTS:
        if s <= t < e:
            return ("slow", e) if t - s < 5.0 else ("busy", e)
    return ("ok", None)


# ---------------------------------------------------------------- pod names
INGRESS = "istio-ingressgateway-7f8b9c6d5-qk2lm"
BFF_PODS = ["storefront-bff-5c7d8f9b6-h4wzt", "storefront-bff-5c7d8f9b6-r9l2x"]
CART_PODS = ["cart-api-6d9f7c5b8-x2kqp", "cart-api-6d9f7c5b8-m7v4n"]
CHECKOUT_POD = "checkout-api-84c6b9d7f-pq8sd"
REVIEWS_OLD = "reviews-api-7b5f8c9d4-ljk2w"
REVIEWS_NEW = "reviews-api-69d4c7f8b-2xnqs"
PROMO_OLD = "promo-engine-5f6d7c8b9-wq4tz"
PROMO_NEW = "promo-engine-7c9b8d6f5-zt6hn"
PROMO_RB = "promo-engine-5f6d7c8b9-8kxvd"

IP = {
    "ingress": "10.12.1.9",
    INGRESS: "10.12.1.9",
    BFF_PODS[0]: "10.12.3.45", BFF_PODS[1]: "10.12.5.18",
    CART_PODS[0]: "10.12.2.71", CART_PODS[1]: "10.12.6.33",
    CHECKOUT_POD: "10.12.4.12",
}

UAS = [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.101 Mobile Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.2; rv:122.0) Gecko/20100101 Firefox/122.0",
    "ShopApp/5.12.0 (iOS 17.2; iPhone15,3)",
    "ShopApp/5.11.4 (Android 13; Pixel 7)",
]
CLIENTS = ["%d.%d.%d.%d" % (rng.choice([84, 91, 176, 185, 212, 46, 62, 77]), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254)) for _ in range(400)]
CARTS = ["c_" + hexid(12) for _ in range(900)]
PRODUCTS = [str(rng.randint(100000, 999999)) for _ in range(600)]

# ---------------------------------------------------------------- log writers


def envoy(t, method, path, code, flags, details, rx, tx, dur, upst, xff, ua, rid, upstream_host, cluster, authority="shop.example.com"):
    ust = "-" if upst is None else str(upst)
    line = ('[%s] "%s %s HTTP/2" %d %s %s - "-" %d %d %d %s "%s" "%s" "%s" "%s" "%s" %s %s %s:8443 %s:%d %s -' % (
        iso_ms(t), method, path, code, flags, details, rx, tx, dur, ust, xff, ua, rid, authority,
        upstream_host, cluster, "10.12.1.9:%d" % rng.randint(32768, 60999) if upstream_host != "-" else "-",
        "10.12.1.9", xff, rng.randint(1024, 65535), authority))
    emit("istio-ingressgateway/%s.log" % INGRESS, t + dur / 1000.0, line)


def slog(pod, t, level, msg, **kv):
    parts = ["time=%s" % iso_ms(t), "level=%s" % level, 'msg="%s"' % msg]
    for k, v in kv.items():
        if isinstance(v, str) and (" " in v or '"' in v or "=" in v or v == ""):
            v = '"%s"' % v.replace('"', '\\"')
        parts.append("%s=%s" % (k, v))
    emit("storefront-bff/%s.log" % pod, t, " ".join(parts))


def pino(pod, t, level, obj):
    rec = {"level": level, "time": epoch_ms(t), "pid": 1, "hostname": pod}
    rec.update(obj)
    emit("cart-api/%s.log" % pod, t, json.dumps(rec, separators=(",", ":")))


def zap(t, level, caller, msg, **kv):
    rec = {"level": level, "ts": round(dt(t).timestamp(), 6), "caller": caller, "msg": msg}
    rec.update(kv)
    emit("checkout-api/%s.log" % CHECKOUT_POD, t, json.dumps(rec, separators=(",", ":")))


def logback(pod, t, level, thread, logger, msg, exc=None):
    d = dt(t)
    s = "%s.%03d  %5s 1 --- [%15s] %-40s : %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level,
                                                  thread[-15:], logger[-40:], msg)
    if exc:
        s += "\n" + exc
    emit("reviews-api/%s.log" % pod, t, s)


def pylog(pod, t, level, logger, msg):
    d = dt(t)
    s = "%s,%03d %-8s [%s] %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level, logger, msg)
    emit("promo-engine/%s.log" % pod, t, s)


def redislog(t, sym, msg, role="M", pid=1):
    d = dt(t)
    s = "%d:%s %s.%03d %s %s" % (pid, role, d.strftime("%d %b %Y %H:%M:%S"), d.microsecond // 1000, sym, msg)
    emit("cart-redis/cart-redis-0.log", t, s)


# ---------------------------------------------------------------- cart-api behaviour

IOREDIS_BUSY_STACK = ("ReplyError: BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\n"
                      "    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\n"
                      "    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)\n"
                      "    at JavascriptRedisParser.execute (/app/node_modules/redis-parser/lib/parser.js:563:20)\n"
                      "    at Socket.<anonymous> (/app/node_modules/ioredis/built/DataHandler.js:30:20)\n"
                      "    at Socket.emit (node:events:517:28)\n"
                      "    at addChunk (node:internal/streams/readable:368:12)\n"
                      "    at readableAddChunk (node:internal/streams/readable:341:9)\n"
                      "    at Socket.Readable.push (node:internal/streams/readable:278:10)\n"
                      "    at TCP.onStreamRead (node:internal/stream_base_commons:190:23)")
IOREDIS_TIMEOUT_STACK = ("Error: Command timed out\n"
                         "    at Timeout._onTimeout (/app/node_modules/ioredis/built/Command.js:192:33)\n"
                         "    at listOnTimeout (node:internal/timers:569:17)\n"
                         "    at process.processTimers (node:internal/timers:512:7)")


def cart_call(t, pod, method, url, rid, caller_ip, cart_id):
    """Simulate cart-api handling; returns (status, duration_ms, body_len)."""
    cmd = "hgetall" if method == "GET" else "evalsha"
    args = ["cart:%s" % cart_id] if method == "GET" else ["4f1b0d6a9e0c2d7b8a3f5e61c2b9d0a7e4f3c1b2", "1", "cart:%s" % cart_id]
    cur = t
    attempts = 0
    status = 200
    while True:
        st, end = redis_state(cur)
        if st == "ok":
            cur += rng.uniform(0.0008, 0.004)
            break
        attempts += 1
        if st == "slow":
            cur += 1.0  # ioredis commandTimeout
            err = {"type": "Error", "message": "Command timed out", "stack": IOREDIS_TIMEOUT_STACK}
        else:
            cur += rng.uniform(0.0005, 0.002)
            err = {"type": "ReplyError", "message": "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.",
                   "stack": IOREDIS_BUSY_STACK, "command": {"name": cmd, "args": args}}
        if attempts <= 3:
            pino(pod, cur, 40, {"reqId": rid, "attempt": attempts, "maxAttempts": 4, "backoffMs": 50 * attempts,
                                "err": err, "msg": "redis command failed, retrying"})
            cur += 0.05 * attempts
            continue
        pino(pod, cur, 50, {"reqId": rid, "cartId": cart_id, "err": err,
                            "msg": "failed to load cart" if method == "GET" else "failed to update cart"})
        status = 503
        break
    dur = cur - t
    body = rng.randint(380, 2400) if status == 200 else 74
    rt = max(1, int(dur * 1000))
    pino(pod, cur, 30 if status < 500 else 50,
         {"req": {"id": rid, "method": method, "url": url, "query": {}, "params": {},
                  "headers": {"host": "cart-api.shop.svc.cluster.local:3000", "user-agent": "Go-http-client/1.1",
                              "x-request-id": rid, "accept-encoding": "gzip"},
                  "remoteAddress": "::ffff:%s" % caller_ip, "remotePort": rng.randint(32768, 60999)},
          "res": {"statusCode": status, "headers": {"content-type": "application/json; charset=utf-8", "content-length": str(body)}},
          "responseTime": rt, "msg": "request completed" if status < 500 else "request errored"})
    return status, dur, body


def checkout_call(t, rid, cart_id, bff_ip):
    cur = t + rng.uniform(0.001, 0.003)
    pod = rng.choice(CART_PODS)
    st, d, _ = cart_call(cur, pod, "GET", "/v1/carts/%s" % cart_id, rid, IP[CHECKOUT_POD], cart_id)
    cur += d + 0.002
    if st != 200:
        zap(cur, "error", "cartclient/client.go:88", "fetch cart failed", request_id=rid, cart_id=cart_id,
            url="http://cart-api.shop.svc.cluster.local:3000/v1/carts/%s" % cart_id, status=st,
            error="cart-api returned 503 Service Unavailable: {\"error\":\"cart_unavailable\",\"retryable\":true}",
            stacktrace="github.com/shopco/checkout-api/internal/cartclient.(*Client).Get\n\t/src/internal/cartclient/client.go:88\n"
                       "github.com/shopco/checkout-api/internal/checkout.(*Service).Begin\n\t/src/internal/checkout/service.go:141\n"
                       "github.com/shopco/checkout-api/internal/httpapi.(*Handler).beginCheckout\n\t/src/internal/httpapi/checkout.go:57")
        code = 502
    else:
        cur += rng.uniform(0.03, 0.18)  # tax + inventory + payment intent
        code = 201
    zap(cur, "info" if code < 500 else "warn", "httpapi/middleware.go:64", "request",
        request_id=rid, method="POST", path="/v1/checkouts", status=code,
        latency_ms=round((cur - t) * 1000, 2), remote_addr="%s:%d" % (bff_ip, rng.randint(32768, 60999)))
    return code, cur - t


# ---------------------------------------------------------------- reviews-api (red herring deploy)

def reviews_call(t, rid, pid):
    # during rollout, old pod is terminating: a few connection resets
    pod = REVIEWS_OLD if t < REVIEWS_DEPLOY + 38 else REVIEWS_NEW
    if REVIEWS_DEPLOY + 30 <= t < REVIEWS_DEPLOY + 38 and rng.random() < 0.6:
        return 503, 0.004, "UC", "upstream_reset_before_response_started{connection_termination}"
    if REVIEWS_DEPLOY + 38 <= t < REVIEWS_DEPLOY + 75 and rng.random() < 0.3:
        d = rng.uniform(0.6, 1.9)  # cold JIT
    else:
        d = rng.uniform(0.012, 0.09)
    if rng.random() < 0.02:
        logback(pod, t + d, "WARN", "http-nio-8080-exec-%d" % rng.randint(1, 40), "c.s.reviews.moderation.ModerationClient",
                "Moderation lookup for product %s timed out after 250ms, serving unmoderated snapshot" % pid)
    return 200, d, "-", "via_upstream"


# ---------------------------------------------------------------- main traffic loop

def bff_request(t, route, ua, xff):
    rid = uuid4()
    pod = rng.choice(BFF_PODS)
    bip = IP[pod]
    t1 = t + rng.uniform(0.0004, 0.0015)
    method, path = route
    status = 200
    up = None
    err = None
    if path.startswith("/api/cart"):
        cid = rng.choice(CARTS)
        cpod = rng.choice(CART_PODS)
        if method == "GET":
            st, d, _ = cart_call(t1, cpod, "GET", "/v1/carts/%s" % cid, rid, bip, cid)
        else:
            st, d, _ = cart_call(t1, cpod, "POST", "/v1/carts/%s/items" % cid, rid, bip, cid)
        up = ("cart-api", "http://cart-api.shop.svc.cluster.local:3000/v1/carts/%s%s" % (cid, "" if method == "GET" else "/items"))
        status = 200 if st == 200 else 503
        dur = d + rng.uniform(0.001, 0.004)
        if st != 200:
            err = "unexpected status 503 from cart-api"
    elif path == "/api/checkout":
        cid = rng.choice(CARTS)
        st, d = checkout_call(t1, rid, cid, bip)
        up = ("checkout-api", "http://checkout-api.shop.svc.cluster.local:8080/v1/checkouts")
        status = 201 if st == 201 else 502
        dur = d + rng.uniform(0.001, 0.004)
        if st != 201:
            err = "unexpected status 502 from checkout-api"
    elif path.endswith("/reviews"):
        pid = path.split("/")[3]
        st, d, fl, det = reviews_call(t1, rid, pid)
        up = ("reviews-api", "http://reviews-api.shop.svc.cluster.local:8080/v1/products/%s/reviews" % pid)
        dur = d + rng.uniform(0.001, 0.004)
        if st != 200:
            status = 503
            err = 'Get "http://reviews-api.shop.svc.cluster.local:8080/v1/products/%s/reviews": read tcp %s:%d->10.12.7.%d:8080: read: connection reset by peer' % (pid, bip, rng.randint(32768, 60999), rng.randint(2, 250))
    elif path == "/api/recommendations":
        up = ("recs-api", "http://recs-api.ml.svc.cluster.local:8080/v2/recommendations")
        if rng.random() < 0.06:
            dur = 0.8 + rng.uniform(0.0, 0.01)
            err = "context deadline exceeded"
            status = 200  # degrades to empty list
            slog(pod, t1 + dur, "ERROR", "recommendations fetch failed, serving fallback", upstream="recs-api",
                 url=up[1], err='Get "%s?user=anon&limit=12": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' % up[1],
                 request_id=rid)
            err = None
        else:
            dur = rng.uniform(0.02, 0.2)
    else:  # product detail -> catalog-api
        pid = path.split("/")[3]
        up = ("catalog-api", "http://catalog-api.shop.svc.cluster.local:8080/v1/products/%s" % pid)
        dur = rng.uniform(0.006, 0.05)
        if rng.random() < 0.004:
            status = 404
    if err:
        slog(pod, t1 + dur, "ERROR", "upstream request failed", upstream=up[0], method=method, url=up[1],
             err=err, request_id=rid)
    slog(pod, t1 + dur + 0.0003, "INFO" if status < 500 else "WARN", "http request", method=method, path=path,
         status=status, duration_ms="%.1f" % ((dur + 0.0008) * 1000), bytes=rng.randint(200, 6000) if status < 400 else 88,
         request_id=rid, remote_ip=xff)
    total = dur + 0.0015
    return status, total, rid, pod


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)

    routes = ([("GET", "/")] * 8 + [("GET", "/c/sale")] * 3 + [("GET", "/p/%s" % p) for p in PRODUCTS[:40]][:8] +
              [("GET", "/api/products/%s" % p) for p in PRODUCTS[:80]][:7] + [("GET", "/api/cart")] * 7 +
              [("POST", "/api/cart/items")] * 4 + [("POST", "/api/checkout")] * 2 + [("GET", "/api/products/X/reviews")] * 3 +
              [("GET", "/api/recommendations")] * 2)
    t = 0.0
    while t < END:
        # diurnal-ish ramp: slightly busier after 13:30
        rate = 1.75 + (0.3 if t > 25 * 60 else 0.0)
        t += rng.expovariate(rate)
        if t >= END:
            break
        method, path = rng.choice(routes)
        if "/X/" in path:
            path = path.replace("/X/", "/%s/" % rng.choice(PRODUCTS))
        if path.startswith("/api/products/") and not path.endswith("reviews"):
            path = "/api/products/%s" % rng.choice(PRODUCTS)
        ua = rng.choice(UAS)
        xff = rng.choice(CLIENTS)
        if path.startswith("/api/"):
            st, d, rid, pod = bff_request(t, (method, path), ua, xff)
            envoy(t, method, path, st, "-", "via_upstream", rng.randint(0, 900) if method == "POST" else 0,
                  rng.randint(300, 7000) if st < 400 else 88, int(d * 1000) + 1, int(d * 1000), xff, ua, rid,
                  "%s:8080" % IP[pod], "outbound|8080||storefront-bff.shop.svc.cluster.local")
        else:
            d = rng.uniform(0.004, 0.06)
            envoy(t, method, path, 200, "-", "via_upstream", 0, rng.randint(9000, 88000), int(d * 1000) + 1, int(d * 1000),
                  xff, ua, uuid4(), "10.12.%d.%d:3000" % (rng.choice([2, 5, 6]), rng.randint(10, 90)),
                  "outbound|3000||storefront-web.shop.svc.cluster.local")

    # health probes and bots hitting the gateway: 404/301 noise present all along
    t = 3.0
    while t < END:
        t += rng.expovariate(1 / 45.0)
        p = rng.choice(["/wp-login.php", "/.env", "/admin/config.php", "/api/v1/../../etc/passwd", "/robots.txt", "/sitemap.xml"])
        code = 200 if p in ("/robots.txt", "/sitemap.xml") else 404
        envoy(t, "GET", p, code, "-" if code == 200 else "NR", "via_upstream" if code == 200 else "route_not_found", 0,
              0 if code == 404 else 512, 0 if code == 404 else 3, None if code == 404 else 2, rng.choice(CLIENTS),
              "Mozilla/5.0 (compatible; Nimbostratus-Bot/v1.3.2; http://cloudsystemnetworks.com)" if code == 404 else "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
              uuid4(), "-" if code == 404 else "10.12.2.40:3000", "-" if code == 404 else "outbound|3000||storefront-web.shop.svc.cluster.local")

    # ---------------- cart-api background: health, metrics, redis reconnect noise
    for pod in CART_PODS:
        t = rng.uniform(0, 10)
        while t < END:
            st, _ = redis_state(t)
            if rng.random() < 0.004:
                pino(pod, t, 40, {"msg": "slow event loop lag detected", "lagMs": rng.randint(55, 140), "threshold": 50})
            t += 30
        # pre-existing: a malformed coupon payload from an old app version, every few minutes
        t = rng.uniform(30, 200)
        while t < END:
            pino(pod, t, 40, {"reqId": uuid4(), "err": {"type": "ValidationError", "message": "\"couponCode\" length must be less than or equal to 32 characters long",
                                                         "stack": "ValidationError: \"couponCode\" length must be less than or equal to 32 characters long\n    at Object.exports.process (/app/node_modules/joi/lib/errors.js:193:19)\n    at internals.entry (/app/node_modules/joi/lib/validator.js:253:26)\n    at exports.entry (/app/node_modules/joi/lib/validator.js:28:30)\n    at internals.Base.validate (/app/node_modules/joi/lib/base.js:548:26)\n    at validateBody (/app/src/middleware/validate.js:14:31)"},
                              "msg": "request validation failed"})
            t += rng.uniform(120, 420)

    # ---------------- storefront-bff pre-existing: catalog slow warnings, config reload
    for pod in BFF_PODS:
        slog(pod, rng.uniform(1, 5), "INFO", "config reloaded", source="/etc/bff/upstreams.yaml", upstreams=6)
        t = rng.uniform(20, 90)
        while t < END:
            slog(pod, t, "WARN", "circuit breaker half-open probe", breaker="recs-api", state="half-open", failures=rng.randint(5, 9))
            t += rng.uniform(200, 500)

    # ---------------- checkout-api background
    t = 5.0
    while t < END:
        t += rng.uniform(50, 70)
        zap(t, "info", "outbox/relay.go:112", "outbox relay tick", published=rng.randint(0, 6), pending=rng.randint(0, 3))
    t = 40.0
    while t < END:
        t += rng.uniform(240, 600)
        zap(t, "warn", "tax/client.go:203", "tax quote fell back to cached rate", region=rng.choice(["DE-BY", "FR-IDF", "NL-NH", "AT-9"]),
            error="Post \"https://api.taxprovider.example/v3/quote\": net/http: TLS handshake timeout")

    # ---------------- reviews-api: steady logs + deploy at 13:33:40 (red herring)
    t = 2.0
    while t < REVIEWS_DEPLOY + 38:
        t += rng.uniform(55, 65)
        logback(REVIEWS_OLD, t, "INFO", "scheduling-1", "c.s.reviews.cache.RatingAggregateRefresher",
                "Refreshed rating aggregates for %d products in %d ms" % (rng.randint(180, 260), rng.randint(35, 120)))
    td = REVIEWS_DEPLOY
    logback(REVIEWS_NEW, td + 2.1, "INFO", "main", "com.shopco.reviews.ReviewsApplication",
            "Starting ReviewsApplication v2.14.1 using Java 17.0.10 with PID 1 (/app/reviews-api.jar started by app in /app)")
    logback(REVIEWS_NEW, td + 2.15, "INFO", "main", "com.shopco.reviews.ReviewsApplication", "The following 1 profile is active: \"prod\"")
    logback(REVIEWS_NEW, td + 6.4, "INFO", "main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 8080 (http)")
    logback(REVIEWS_NEW, td + 6.5, "INFO", "main", "o.apache.catalina.core.StandardService", "Starting service [Tomcat]")
    logback(REVIEWS_NEW, td + 6.5, "INFO", "main", "o.apache.catalina.core.StandardEngine", "Starting Servlet engine: [Apache Tomcat/10.1.18]")
    logback(REVIEWS_NEW, td + 9.8, "INFO", "main", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Starting...")
    logback(REVIEWS_NEW, td + 10.3, "INFO", "main", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@5b2f6a11")
    logback(REVIEWS_NEW, td + 10.3, "INFO", "main", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed.")
    logback(REVIEWS_NEW, td + 13.9, "WARN", "main", "JpaBaseConfiguration$JpaWebConfiguration",
            "spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning")
    logback(REVIEWS_NEW, td + 17.2, "INFO", "main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path ''")
    logback(REVIEWS_NEW, td + 17.3, "INFO", "main", "com.shopco.reviews.ReviewsApplication", "Started ReviewsApplication in 15.882 seconds (process running for 16.91)")
    logback(REVIEWS_OLD, td + 30.0, "INFO", "SpringApplicationShutdownHook", "o.s.b.w.e.tomcat.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete")
    logback(REVIEWS_OLD, td + 30.4, "INFO", "tomcat-shutdown", "o.s.b.w.e.tomcat.GracefulShutdown", "Graceful shutdown complete")
    logback(REVIEWS_OLD, td + 30.6, "INFO", "SpringApplicationShutdownHook", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Shutdown initiated...")
    logback(REVIEWS_OLD, td + 30.7, "INFO", "SpringApplicationShutdownHook", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Shutdown completed.")
    for k in range(3):
        tt = td + 41 + k * 7.3
        logback(REVIEWS_NEW, tt, "ERROR", "http-nio-8080-exec-%d" % (k + 3), "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.QueryTimeoutException: JDBC exception executing SQL [select r1_0.id,r1_0.author,r1_0.body,r1_0.created_at,r1_0.product_id,r1_0.rating from review r1_0 where r1_0.product_id=? order by r1_0.created_at desc offset ? rows fetch first ? rows only] [ERROR: canceling statement due to statement timeout] [n/a]] with root cause",
                "org.postgresql.util.PSQLException: ERROR: canceling statement due to statement timeout\n"
                "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)\n"
                "\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2412)\n"
                "\tat org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:371)\n"
                "\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:502)\n"
                "\tat org.postgresql.jdbc.PgPreparedStatement.executeQuery(PgPreparedStatement.java:134)\n"
                "\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)\n"
                "\tat org.hibernate.sql.results.jdbc.internal.DeferredResultSetAccess.executeQuery(DeferredResultSetAccess.java:246)\n"
                "\t... 96 common frames omitted")
    t = td + 60
    while t < END:
        t += rng.uniform(55, 65)
        logback(REVIEWS_NEW, t, "INFO", "scheduling-1", "c.s.reviews.cache.RatingAggregateRefresher",
                "Refreshed rating aggregates for %d products in %d ms" % (rng.randint(180, 260), rng.randint(35, 120)))

    # ---------------- promo-engine
    def promo_boot(pod, t0, version, strategy):
        pylog(pod, t0, "INFO", "gunicorn.error", "Starting gunicorn 21.2.0")
        pylog(pod, t0 + 0.01, "INFO", "gunicorn.error", "Listening at: http://0.0.0.0:8000 (1)")
        pylog(pod, t0 + 0.01, "INFO", "gunicorn.error", "Using worker: sync")
        pylog(pod, t0 + 0.02, "INFO", "gunicorn.error", "Booting worker with pid: 7")
        pylog(pod, t0 + 1.4, "INFO", "promo_engine.app", "promo-engine %s starting (commit %s)" % (version, hexid(7)))
        pylog(pod, t0 + 1.5, "INFO", "promo_engine.redis", "connected to redis://cart-redis.shop.svc.cluster.local:6379/0 (pool max_connections=16)")
        pylog(pod, t0 + 1.6, "INFO", "promo_engine.jobs", "eligibility recompute strategy=%s batch_keys=%s" % (strategy, "all" if strategy == "lua_bulk" else "500"))
        if strategy == "lua_bulk":
            pylog(pod, t0 + 1.7, "INFO", "promo_engine.redis", "SCRIPT LOAD recompute_eligibility.lua -> sha1=9b71d2c83e0f5a4c6d17e2b8a0f39c54d1e6a7b2")
        pylog(pod, t0 + 1.8, "INFO", "apscheduler.scheduler", "Adding job tentatively -- it will be properly scheduled when the scheduler starts")
        pylog(pod, t0 + 1.9, "INFO", "apscheduler.scheduler", 'Added job "recompute_eligibility" to job store "default"')
        pylog(pod, t0 + 1.9, "INFO", "apscheduler.scheduler", "Scheduler started")

    # old pod: job runs every 20 minutes at :18/:38/:58 with the pipeline strategy (harmless)
    promo_boot_time = None
    pod = PROMO_OLD
    for run in [13 * 60 + 12.0]:  # 13:18:12
        pylog(pod, run, "INFO", "apscheduler.executors.default",
              'Running job "recompute_eligibility (trigger: cron[minute=\'18,38,58\'], next run at: 2026-02-03 13:38:12 UTC)" (scheduled at 2026-02-03 13:18:12+00:00)')
        pylog(pod, run + 0.01, "INFO", "promo_engine.jobs.recompute", "starting flash-sale eligibility recompute: segments=16 strategy=pipeline campaign=FS-0203")
        cur = run + 0.05
        for s in range(1, 17):
            d = rng.uniform(0.6, 1.4)
            cur += d
            pylog(pod, cur, "INFO", "promo_engine.jobs.recompute", "segment %d/16 done in %.1fs (keys=%d, pipelined batches=%d)" % (s, d, rng.randint(380000, 420000), rng.randint(760, 840)))
        pylog(pod, cur + 0.02, "INFO", "promo_engine.jobs.recompute", "recompute finished: segments=16 elapsed=%.1fs" % (cur - run))
        pylog(pod, cur + 0.03, "INFO", "apscheduler.executors.default", 'Job "recompute_eligibility (trigger: cron[minute=\'18,38,58\'], next run at: 2026-02-03 13:38:12 UTC)" executed successfully')
    # steady http noise on promo-engine (cart-api -> promo not modelled; internal admin API)
    t = 1.0
    while t < END:
        t += rng.uniform(20, 40)
        p = PROMO_OLD if t < PROMO_DEPLOY + 20 else (PROMO_NEW if t < ROLLBACK + 12 else PROMO_RB)
        pylog(p, t, "INFO", "promo_engine.campaigns", "campaign cache refreshed: active=%d scheduled=%d" % (rng.randint(11, 14), rng.randint(3, 6)))
    promo_boot(PROMO_NEW, PROMO_DEPLOY, "3.8.0", "lua_bulk")
    pylog(PROMO_OLD, PROMO_DEPLOY + 19.5, "INFO", "gunicorn.error", "Handling signal: term")
    pylog(PROMO_OLD, PROMO_DEPLOY + 19.6, "INFO", "gunicorn.error", "Worker exiting (pid: 7)")
    pylog(PROMO_OLD, PROMO_DEPLOY + 19.9, "INFO", "gunicorn.error", "Shutting down: Master")
    pylog(PROMO_NEW, JOB_START, "INFO", "apscheduler.executors.default",
          'Running job "recompute_eligibility (trigger: cron[minute=\'18,38,58\'], next run at: 2026-02-03 13:58:12 UTC)" (scheduled at 2026-02-03 13:38:12+00:00)')
    pylog(PROMO_NEW, JOB_START + 0.004, "INFO", "promo_engine.jobs.recompute", "starting flash-sale eligibility recompute: segments=16 strategy=lua_bulk campaign=FS-0203")
    for s, e, sg in SCRIPTS:
        pylog(PROMO_NEW, s - 0.002, "INFO", "promo_engine.jobs.recompute", "segment %d/16: EVALSHA 9b71d2c8 keys=1 args=3" % sg)
        if e < ROLLBACK:
            pylog(PROMO_NEW, e + 0.003, "INFO", "promo_engine.jobs.recompute",
                  "segment %d/16 done in %.1fs (keys=%d, scripted)" % (sg, e - s, rng.randint(380000, 420000)))
    pylog(PROMO_NEW, ROLLBACK, "INFO", "gunicorn.error", "Handling signal: term")
    pylog(PROMO_NEW, ROLLBACK + 0.3, "INFO", "gunicorn.error", "Worker exiting (pid: 7)")
    pylog(PROMO_NEW, ROLLBACK + 0.31, "INFO", "apscheduler.scheduler", "Scheduler has been shut down")
    pylog(PROMO_NEW, ROLLBACK + 0.5, "INFO", "gunicorn.error", "Shutting down: Master")
    promo_boot(PROMO_RB, ROLLBACK - 14.0, "3.7.2", "pipeline")
    run = 53 * 60 + 12.0  # 13:58:12 back on pipeline
    pylog(PROMO_RB, run, "INFO", "apscheduler.executors.default",
          'Running job "recompute_eligibility (trigger: cron[minute=\'18,38,58\'], next run at: 2026-02-03 14:18:12 UTC)" (scheduled at 2026-02-03 13:58:12+00:00)')
    pylog(PROMO_RB, run + 0.01, "INFO", "promo_engine.jobs.recompute", "starting flash-sale eligibility recompute: segments=16 strategy=pipeline campaign=FS-0203")
    cur = run + 0.05
    for s in range(1, 17):
        d = rng.uniform(0.6, 1.4)
        cur += d
        if cur > END:
            break
        pylog(PROMO_RB, cur, "INFO", "promo_engine.jobs.recompute", "segment %d/16 done in %.1fs (keys=%d, pipelined batches=%d)" % (s, d, rng.randint(380000, 420000), rng.randint(760, 840)))

    # ---------------- cart-redis
    t = rng.uniform(20, 60)
    while t < END:
        st, _ = redis_state(t)
        if st == "ok":
            pid = rng.randint(2000, 9000)
            redislog(t, "*", "100 changes in 300 seconds. Saving...")
            redislog(t + 0.001, "*", "Background saving started by pid %d" % pid)
            redislog(t + rng.uniform(1.5, 2.6), "*", "DB saved on disk", role="C", pid=pid)
            redislog(t + 2.7, "*", "RDB: %d MB of memory used by copy-on-write" % rng.randint(3, 9), role="C", pid=pid)
            redislog(t + 2.8, "*", "Background saving terminated with success")
        t += rng.uniform(290, 310)
    for s, e, sg in SCRIPTS:
        redislog(s + 5.0 + rng.uniform(0.0, 0.09), "#",
                 "Lua slow script detected: still in execution after 5000 milliseconds. You can try killing the script using the SCRIPT KILL command. Script SHA1 is: 9b71d2c83e0f5a4c6d17e2b8a0f39c54d1e6a7b2")
    # replica keeps a steady "partial resync" noise pre-incident (unrelated)
    redislog(7 * 60 + 3.2, "#", "Connection with replica 10.12.6.90:6379 lost.")
    redislog(7 * 60 + 4.0, "*", "Replica 10.12.6.90:6379 asks for synchronization")
    redislog(7 * 60 + 4.0, "*", "Partial resynchronization request from 10.12.6.90:6379 accepted. Sending 1842 bytes of backlog starting from offset 88213776119.")

    # ---------------- write
    for name, rows in FILES.items():
        rows.sort(key=lambda r: (r[0], r[1]))
        p = OUT / name
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            for _, _, text in rows:
                f.write(text)
                f.write("\n")


if __name__ == "__main__":
    main()
