#!/usr/bin/env python3
"""b12: fx-rates gets slow (its rate refresh loops on a malformed ECB feed while
holding the rates write lock).  pricing retries 4x with no jitter (retry
storm), product-api's resilience4j breaker opens and serves stale rates,
checkout quotes fail.  Envoy edge (default text format + cluster).
Run: python3 gen.py"""
SEED = 1212
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common.py")).read())

# ---- case -------------------------------------------------------------------
from collections import deque

clean_logs()
S = Sink()

START = T("2026-01-19T14:44:00Z")
END = T("2026-01-19T15:17:00Z")
SLOW_START = T("2026-01-19T15:00:07.220Z")
SLOW_END = T("2026-01-19T15:09:40.500Z")
CHK_SKEW = timedelta(seconds=2.2)

ENV = "logs/envoy-edge.log"
WEB = "logs/web-api.log"
CHK = "logs/checkout-api.log"
PRC = "logs/pricing.log"
FX = "logs/fx-rates.log"
PRD = "logs/product-api.log"
SRCH = "logs/search.log"

recent = deque()


def fx_latency(t):
    """fx-rates latency (s) for a call arriving at t, load dependent during the slow window."""
    while recent and (t - recent[0]).total_seconds() > 10:
        recent.popleft()
    recent.append(t)
    if SLOW_START <= t < SLOW_END:
        load = len(recent) / 10.0 / 6.0     # normal ~6 calls/s
        return logn(1300, 0.35) / 1000 * max(1.0, load ** 1.3)
    return logn(35, 0.3) / 1000


def fx_serve(t, caller, d, status=200):
    if R.random() < 0.04:
        S.add(FX, t + timedelta(seconds=d), zap(t + timedelta(seconds=d), "info", "httpx/middleware.go:44", "request",
                                                 method="GET", path="/v1/rates", status=status, duration_ms=round(d * 1000, 1), client=caller))


def env(t, method, path, status, flags, dur, cluster, upstream):
    S.add(ENV, t + timedelta(seconds=dur), '[%s] "%s %s HTTP/1.1" %d %s %d %d %d %s "%s" "%s" "%s" "api.quillon-travel.com" "%s" %s' % (
        iso(t), method, path, status, flags, R.randint(0, 600) if method == "POST" else 0, R.randint(60, 20000) if status < 400 else R.randint(19, 95), int(dur * 1000),
        str(int(dur * 1000) - 1) if flags == "-" else "-", ip("93.184"), R.choice(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/132.0", "QuillonApp/4.1.0 (Android 15)"]), uuid(), upstream, cluster))


def prc(t, level, msg, **kw):
    S.add(PRC, t, logrus(t, level, msg, **kw))


def chk(t, level, mod, msg):
    S.add(CHK, t, pylog(t + CHK_SKEW, level, mod, msg))


def prd(t, level, thread, logger, msg):
    S.add(PRD, t, spring(t, level, 1, thread, logger, msg, app="product-api"))


# ------------------------------------------------------------- fx-rates own lines
for t in every(START + timedelta(seconds=7), END, 60):
    if t < SLOW_START or t >= SLOW_END:
        S.add(FX, t, zap(t, "info", "rates/refresh.go:61", "rates refreshed", source="https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml", pairs=412, took_ms=R.randint(80, 300)))
S.add(FX, SLOW_START, zap(SLOW_START, "info", "rates/refresh.go:48", "refreshing rates", source="https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml", size_bytes=8812334))
for i, t in enumerate(every(SLOW_START + timedelta(seconds=28), SLOW_END, 30, jitter=2)):
    S.add(FX, t, zap(t, "warn", "rates/parse.go:133", "feed parse error, retrying", attempt=i + 1, line=R.randint(180000, 190000), error="XML syntax error on line %d: unexpected EOF" % R.randint(180000, 190000)))
S.add(FX, SLOW_END, zap(SLOW_END, "warn", "rates/refresh.go:70", "rates refresh finished slower than expected", took_s=round((SLOW_END - SLOW_START).total_seconds(), 1), expected_s=5, pairs=412, attempts=19))

# ------------------------------------------------------------- product-api breaker model
BR = {"state": "CLOSED", "window": deque(maxlen=20), "open_until": None, "half_calls": 0, "half_fail": 0}


def br_transition(t, new):
    old = BR["state"]
    BR["state"] = new
    prd(t, "WARN" if new == "OPEN" else "INFO", "fxRates-%d" % R.randint(1, 9), "c.q.product.fx.FxRatesClient", "CircuitBreaker 'fxRates' changed state from %s to %s" % (old, new))


def product_fx(t):
    """returns (latency, stale)"""
    if BR["state"] == "OPEN":
        if t >= BR["open_until"]:
            br_transition(t, "HALF_OPEN")
            BR["half_calls"] = 0
            BR["half_fail"] = 0
        else:
            if R.random() < 0.08:
                prd(t, "DEBUG", "nio-8080-exec-%d" % R.randint(1, 64), "c.q.product.fx.FxRatesClient", "fallback: io.github.resilience4j.circuitbreaker.CallNotPermittedException: CircuitBreaker 'fxRates' is OPEN and does not permit further calls -> serving cached rates (age %ds)" % int((t - SLOW_START).total_seconds() + 60))
            return 0.001, True
    d = fx_latency(t)
    fx_serve(t, "product-api", d)
    failed = d > 0.8
    if failed:
        prd(t + timedelta(seconds=0.8), "WARN", "nio-8080-exec-%d" % R.randint(1, 64), "c.q.product.fx.FxRatesClient",
            "fx rates call failed, using cached rates: java.util.concurrent.TimeoutException: TimeLimiter 'fxRates' recorded a timeout exception.")
    if BR["state"] == "HALF_OPEN":
        BR["half_calls"] += 1
        BR["half_fail"] += failed
        if BR["half_calls"] >= 5:
            if BR["half_fail"] * 2 >= 5:
                br_transition(t + timedelta(seconds=min(d, 0.8)), "OPEN")
                BR["open_until"] = t + timedelta(seconds=30)
            else:
                br_transition(t + timedelta(seconds=min(d, 0.8)), "CLOSED")
                BR["window"].clear()
        return min(d, 0.8), failed
    BR["window"].append(failed)
    if len(BR["window"]) >= 20 and sum(BR["window"]) * 2 >= len(BR["window"]):
        prd(t + timedelta(seconds=0.801), "INFO", "nio-8080-exec-%d" % R.randint(1, 64), "c.q.product.fx.FxRatesClient", "failure rate %.1f%% above threshold 50.0%% for 'fxRates' (buffered calls 20)" % (100.0 * sum(BR["window"]) / len(BR["window"])))
        br_transition(t + timedelta(seconds=0.802), "OPEN")
        BR["open_until"] = t + timedelta(seconds=30.8)
        BR["window"].clear()
    return min(d, 0.8), failed


# ------------------------------------------------------------- pricing (retry storm)
def pricing_quote(t, rid):
    """pricing -> fx-rates with 1s timeout, 4 attempts, 50ms*2^n backoff, no jitter.
    returns (ok, dur)"""
    total = 0.0
    for n in range(1, 5):
        at = t + timedelta(seconds=total)
        d = fx_latency(at)
        fx_serve(at, "pricing", d)
        if d <= 1.0:
            total += d
            return True, total
        total += 1.0
        prc(t + timedelta(seconds=total), "warning", "fx-rates request failed", attempt=n, max_attempts=4, request_id=rid,
            error='Get "http://fx-rates.pricing.svc.cluster.local:8080/v1/rates?base=EUR": context deadline exceeded (Client.Timeout exceeded while awaiting headers)')
        total += 0.05 * (2 ** (n - 1))
    prc(t + timedelta(seconds=total), "error", "quote failed", request_id=rid, error="fx: giving up after 4 attempts")
    return False, total


# ------------------------------------------------------------- traffic
for t in poisson_times(START, END, 4.2):
    k = R.random()
    rid = uuid()
    if k < 0.32:
        # quote: envoy -> web-api -> checkout-api -> pricing -> fx-rates
        ok, d = pricing_quote(t + timedelta(milliseconds=8), rid)
        if ok:
            d2 = d + 0.012 + logn(15, 0.3) / 1000
            if R.random() < 0.15:
                prc(t + timedelta(seconds=d2), "info", "quote computed", request_id=rid, currency=R.choice(["USD", "GBP", "JPY", "CHF", "SEK"]), latency_ms=int(d2 * 1000))
            chk(t + timedelta(seconds=d2 + 0.003), "INFO", "checkout.quote", "quote %s ok in %dms" % (rid[:8], int(d2 * 1000)))
            env(t, "POST", "/api/checkout/quote", 200, "-", d2 + 0.006, "web_api", "10.80.1.%d:3000" % R.randint(10, 20))
        else:
            # checkout-api gives up on pricing after 3s (aiohttp ClientTimeout)
            ct = t + timedelta(seconds=3.0)
            chk(ct, "ERROR", "checkout.quote", "pricing call failed: asyncio.TimeoutError after 3.0s (http://pricing.pricing.svc.cluster.local:8080/v2/quote) request_id=%s" % rid)
            S.add(WEB, ct + timedelta(milliseconds=3), pino(ct + timedelta(milliseconds=3), "error", "checkout-api responded 503", 1, "web-api-5d8f", reqId=rid, upstream="checkout-api", path="/quote"))
            env(t, "POST", "/api/checkout/quote", 503, "-", 3.006, "web_api", "10.80.1.%d:3000" % R.randint(10, 20))
    elif k < 0.8:
        # product pages: envoy -> web-api -> product-api -> fx-rates (breaker)
        d, stale = product_fx(t + timedelta(milliseconds=5))
        d2 = d + logn(20, 0.3) / 1000 + 0.006
        env(t, "GET", "/api/products/%d?currency=%s" % (R.randint(1000, 99999), R.choice(["USD", "GBP", "EUR", "JPY"])), 200, "-", d2, "web_api", "10.80.1.%d:3000" % R.randint(10, 20))
    else:
        d = logn(30, 0.4) / 1000
        if R.random() < 0.1:
            S.add(SRCH, t + timedelta(seconds=d), pino(t + timedelta(seconds=d), "info", "search served", 1, "search-7b6c", q=R.choice(["lisbon", "kyoto", "reykjavik", "oaxaca"]), hits=R.randint(10, 200), took=int(d * 1000)))
        env(t, "GET", "/api/search?q=%s" % R.choice(["lisbon", "kyoto", "reykjavik", "oaxaca"]), 200, "-", d + 0.004, "web_api", "10.80.1.%d:3000" % R.randint(10, 20))

# ------------------------------------------------------------- background
# web-api: pre-existing noisy warnings about a deprecated header (all along), health
for t in poisson_times(START, END, 1 / 4.0):
    S.add(WEB, t, pino(t, "warn", "client sent deprecated X-Api-Version header", 1, "web-api-5d8f", version="2019-07", ua="QuillonApp/3.9.2"))
for t in every(START, END, 15):
    S.add(WEB, t, pino(t, "info", "health ok", 1, "web-api-5d8f", uptimeS=int((t - START).total_seconds()) + 86000))
# pricing: pre-existing error for an unsupported currency (constant)
for t in poisson_times(START, END, 1 / 12.0):
    prc(t, "error", "quote failed", request_id=uuid(), error="unsupported currency: XAU")
# product-api housekeeping
for t in every(START + timedelta(seconds=13), END, 60):
    prd(t, "INFO", "scheduling-1", "c.q.product.cache.CatalogCacheWarmer", "catalog cache warm: %d entries" % R.randint(50000, 51000))
# checkout-api: pre-existing warning on promo lookups
for t in poisson_times(START, END, 1 / 30.0):
    chk(t, "WARNING", "checkout.promo", "promo service returned 404 for code %s" % R.choice(["WINTER25", "SKI10", "XMAS"]))

for _ in range(2):
    S.add(PRC, START + timedelta(seconds=R.uniform(0, 1900)), garbage())
S.write()
