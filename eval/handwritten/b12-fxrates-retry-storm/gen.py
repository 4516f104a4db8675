#!/usr/bin/env python3
"""b12: fx-rates gets slow (its rate refresh loops on a malformed ECB feed while
holding the rates write lock).  pricing retries 4x with no jitter (retry
storm), product-api's resilience4j breaker opens and serves stale rates,
checkout quotes fail.  Envoy edge (default text format + cluster).
Run: python3 gen.py"""
SEED = 1212
# ---- shared helpers (standard library only) ---------------------------------
import gzip
import json
import os
import random
import string
from datetime import datetime, timedelta, timezone

UTC = timezone.utc
HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(SEED)  # noqa: F821  (SEED is set at the top of each gen.py)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def T(s):
    """ISO string (UTC) -> aware datetime."""
    return datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(UTC)


def iso(t, ms=3):
    if ms == 0:
        return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    frac = ("%06d" % t.microsecond)[:ms]
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S") + "." + frac + "Z"


def iso_off(t, hours, ms=3):
    tz = timezone(timedelta(hours=hours))
    lt = t.astimezone(tz)
    frac = ("%06d" % lt.microsecond)[:ms]
    sign = "+" if hours >= 0 else "-"
    return lt.strftime("%Y-%m-%dT%H:%M:%S") + "." + frac + "%s%02d:00" % (sign, abs(hours))


def epoch(t):
    return t.timestamp()


def ms(t):
    return int(round(t.timestamp() * 1000))


def clf(t, hours=0):
    """[20/Nov/2026:10:01:02 +0000] without the brackets"""
    lt = t.astimezone(timezone(timedelta(hours=hours)))
    sign = "+" if hours >= 0 else "-"
    return "%02d/%s/%04d:%s %s%02d00" % (lt.day, MONTHS[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), sign, abs(hours))


def rfc3164(t):
    return "%s %2d %s" % (MONTHS[t.month - 1], t.day, t.strftime("%H:%M:%S"))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n):
    return "".join(R.choice(string.ascii_lowercase + string.digits) for _ in range(n))


def uuid():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:32])


def traceparent():
    return "00-%s-%s-01" % (hexid(32), hexid(16))


def podname(svc, rs=None):
    rs = rs or alnum(9).replace("a", "7")
    return "%s-%s-%s" % (svc, rs[:9] if len(rs) >= 9 else rs, alnum(5))


def ip(prefix="10.0"):
    return "%s.%d.%d" % (prefix, R.randint(0, 15), R.randint(2, 250))


def poisson_times(start, end, rate):
    """Arrival times with mean `rate` per second between start and end (datetimes)."""
    t = start
    out = []
    if rate <= 0:
        return out
    while True:
        t = t + timedelta(seconds=R.expovariate(rate))
        if t >= end:
            return out
        out.append(t)


def every(start, end, period, jitter=0.0):
    t = start
    out = []
    while t < end:
        out.append(t + timedelta(seconds=R.uniform(-jitter, jitter)) if jitter else t)
        t = t + timedelta(seconds=period)
    return out


def jdur(lo, hi):
    return R.uniform(lo, hi)


def logn(mu_ms, sigma=0.5):
    """lognormal duration in ms with median mu_ms"""
    import math
    return mu_ms * math.exp(R.gauss(0, sigma))


# ---- output sink ------------------------------------------------------------
class Sink:
    def __init__(self):
        self.files = {}
        self.seq = 0

    def add(self, path, t, line):
        """path is relative to the case folder; t is the REAL time used for ordering."""
        self.seq += 1
        self.files.setdefault(path, []).append((t, self.seq, line))

    def write(self, gz=()):
        total = 0
        for path, rows in self.files.items():
            rows.sort(key=lambda r: (r[0], r[1]))
            text = "\n".join(r[2] for r in rows) + "\n"
            full = os.path.join(HERE, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            n = text.count("\n")
            total += n
            if path in gz:
                with open(full, "wb") as raw, gzip.GzipFile(filename=os.path.basename(full)[:-3], mode="wb", fileobj=raw, mtime=0) as f:
                    f.write(text.encode("utf-8", "surrogateescape"))
            else:
                with open(full, "w", encoding="utf-8", errors="surrogateescape") as f:
                    f.write(text)
        print("wrote %d lines in %d files" % (total, len(self.files)))


def clean_logs():
    d = os.path.join(HERE, "logs")
    if os.path.isdir(d):
        for root, dirs, files in os.walk(d, topdown=False):
            for f in files:
                os.remove(os.path.join(root, f))
            for x in dirs:
                os.rmdir(os.path.join(root, x))


# ---- line formats -------------------------------------------------------------
def zap(t, level, caller, msg, **kw):
    d = {"level": level, "ts": round(epoch(t), 3), "caller": caller, "msg": msg}
    d.update(kw)
    return json.dumps(d, separators=(",", ":"))


def logrus(t, level, msg, **kw):
    parts = ['time="%s"' % iso(t, 0), "level=%s" % level, "msg=%s" % json.dumps(msg)]
    for k, v in kw.items():
        v = str(v)
        parts.append("%s=%s" % (k, json.dumps(v) if (" " in v or "=" in v or '"' in v or v == "") else v))
    return " ".join(parts)


def logfmt(t, level, msg, **kw):
    parts = ["ts=%s" % iso(t), "level=%s" % level, "msg=%s" % json.dumps(msg)]
    for k, v in kw.items():
        v = str(v)
        parts.append("%s=%s" % (k, json.dumps(v) if (" " in v or "=" in v or '"' in v or v == "") else v))
    return " ".join(parts)


PINO_LEVEL = {"trace": 10, "debug": 20, "info": 30, "warn": 40, "error": 50, "fatal": 60}


def pino(t, level, msg, pid, hostname, **kw):
    d = {"level": PINO_LEVEL[level], "time": ms(t), "pid": pid, "hostname": hostname}
    d.update(kw)
    d["msg"] = msg
    return json.dumps(d, separators=(",", ":"))


def pylog(t, level, module, msg):
    return "%s,%03d %s [%s] %s" % (t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, level, module, msg)


def gunicorn_err(t, pid, level, msg):
    return "[%s +0000] [%d] [%s] %s" % (t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"), pid, level, msg)


def spring(t, level, pid, thread, logger, msg, app=None):
    """Spring Boot 3 console pattern (UTC)."""
    lvl = "%5s" % level
    appp = "[%s] " % app if app else ""
    return "%s %s %d --- %s[%15s] %-40s : %s" % (iso(t), lvl, pid, appp, thread[-15:], logger, msg)


def spring2(t, level, pid, thread, logger, msg):
    """Spring Boot 2 console pattern, local time without zone."""
    return "%s.%03d %5s %d --- [%15s] %-40s : %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, level, pid, thread[-15:], logger, msg)


def pg(t, pid, level, msg, who=None):
    prefix = "%s.%03d UTC [%d] " % (t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid)
    if who:
        prefix += who + " "
    return prefix + "%s:  %s" % (level, msg)


def redislog(t, pid, role, sym, msg):
    return "%d:%s %02d %s %04d %s.%03d %s %s" % (pid, role, t.day, MONTHS[t.month - 1], t.year, t.strftime("%H:%M:%S"), t.microsecond // 1000, sym, msg)


def nginx_err(t, level, pid, conn, msg):
    return "%s [%s] %d#%d: *%d %s" % (t.strftime("%Y/%m/%d %H:%M:%S"), level, pid, pid, conn, msg)


def garbage():
    kinds = [
        "\x00\x00\x00\x17\x03\x01\x9c\xff\xfe",
        '{"level":"info","ts":17',
        "\x1b[2K\x1b[1G",
        '{"level":30,"time":17',
        "\ufffd\ufffd\x07\x00\ufffdbinary",
        "---- truncated ----",
    ]
    return R.choice(kinds)

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
