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
# d08: a product manager enables the feature flag catalog.variant_stock_badges to
# 100% in acme-flags. In acme-api the flag turns on a code path that loads stock
# per variant inside the product-list serializer (N+1: 6 -> 150..420 queries per
# request). Heroku Postgres saturates, list requests hit the 30 s router limit
# (H12), acme-storefront SSR fetches time out -> 503 pages / H12.
# Formats: Heroku logplex drains (`heroku logs` output) one file per app: router
# lines, dyno state, log-runtime-metrics, heroku-postgres sample# metrics and
# Postgres slow-query lines, python-json-logger JSON, Celery worker, Go log, Node text.
rng = random.Random(4808)

START = datetime(2025, 3, 11, 15, 55, 0, tzinfo=UTC)
END = START + timedelta(minutes=35)
FLAG_ON = datetime(2025, 3, 11, 16, 5, 12, 0, tzinfo=UTC)
FLAG_OFF = datetime(2025, 3, 11, 16, 21, 41, 0, tzinfo=UTC)
STORE_RELEASE = datetime(2025, 3, 11, 16, 2, 31, 0, tzinfo=UTC)

apps = {}


def sink(app):
    if app not in apps:
        apps[app] = Sink()
    return apps[app]


def hts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d+00:00" % t.microsecond


def hl(app, t, source, msg):
    sink(app).add(t, "%s %s: %s" % (hts(t), source, msg))


API_DYNOS = ["web.%d" % i for i in range(1, 5)]
DYNO_OFF = {d: rng.uniform(0, 30) for d in API_DYNOS}


def refresh_after(d, t_ev):
    """first 30 s snapshot tick of dyno d at or after t_ev"""
    base = START + timedelta(seconds=DYNO_OFF[d])
    k = math.ceil((t_ev - base).total_seconds() / 30.0)
    return base + timedelta(seconds=30 * k)


DYNO_ON = {d: refresh_after(d, FLAG_ON + timedelta(seconds=1)) for d in API_DYNOS}
DYNO_OFFT = {d: refresh_after(d, FLAG_OFF + timedelta(seconds=1)) for d in API_DYNOS}
FLAG_EFFECT = min(DYNO_ON.values())
FLAG_OFF_EFFECT = min(DYNO_OFFT.values())


def flag_on(t, dyno=None):
    if dyno is None:
        return FLAG_EFFECT <= t < FLAG_OFF_EFFECT
    return DYNO_ON[dyno] <= t < DYNO_OFFT[dyno]


def pressure(t):
    if t < FLAG_EFFECT:
        return 0.0
    if t < FLAG_OFF_EFFECT:
        x = (t - FLAG_EFFECT).total_seconds()
        return min(1.0, x / 80.0) * (0.9 + 0.1 * math.sin(x / 37.0))
    x = (t - FLAG_OFF_EFFECT).total_seconds()
    return max(0.0, 1.0 - x / 55.0)


def q_ms(t):
    return 0.25 * (1 + 290 * pressure(t))


def fwd():
    return "%d.%d.%d.%d" % (rng.randint(31, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))


def router(app, t0, method, path, dyno, service_ms, status, host):
    rid = uuid_from(rng)
    if service_ms >= 30000:
        te = t0 + timedelta(seconds=30)
        hl(app, te, "heroku[router]", "at=error code=H12 desc=\"Request timeout\" method=%s path=\"%s\" host=%s request_id=%s fwd=\"%s\" dyno=%s connect=%dms service=30000ms status=503 bytes=0 protocol=https" % (
            method, path, host, rid, fwd(), dyno, rng.randint(0, 2)))
        return rid, 503
    te = t0 + ms(service_ms + 1)
    hl(app, te, "heroku[router]", "at=info method=%s path=\"%s\" host=%s request_id=%s fwd=\"%s\" dyno=%s connect=%dms service=%dms status=%d bytes=%d protocol=https" % (
        method, path, host, rid, fwd(), dyno, rng.randint(0, 2), int(service_ms), status, rng.randint(300, 40000) if status == 200 else rng.randint(100, 900)))
    return rid, status


def pyjson(app, dyno, t, level, name, message, **kw):
    d = {"asctime": t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000), "levelname": level, "name": name, "message": message}
    for k in sorted(kw):
        d[k] = kw[k]
    hl(app, t, "app[%s]" % dyno, json.dumps(d, separators=(", ", ": ")))


# ---------------- acme-api ----------------
SLUGS = ["shoes", "jackets", "bags", "accessories", "kids", "outdoor", "sale", "new-in", "denim", "knitwear"]
slow_sql_budget = {}


def api_request(t0, path, kind):
    """acme-api handles a request. returns (service_ms, status)."""
    dyno = rng.choice(API_DYNOS)
    if kind == "list":
        nq = 6 + (rng.randint(150, 420) if flag_on(t0, dyno) else 0)
    elif kind == "featured":
        nq = 5 + (rng.randint(60, 140) if flag_on(t0, dyno) else 0)
    elif kind == "detail":
        nq = rng.randint(4, 9)
    else:
        nq = rng.randint(2, 6)
    q = q_ms(t0)
    noise = rng.lognormvariate(0, 0.35)
    db_ms = nq * q * noise
    app_ms = rng.uniform(8, 25) + (nq * 0.35 if nq > 20 else 0)
    dur = db_ms + app_ms
    status = 200
    # log when done (even if the router already gave up)
    pyjson("acme-api", dyno, t0 + ms(dur), "INFO" if dur < 5000 else "WARNING", "api.request",
           "request finished" if dur < 5000 else "slow request", method="GET", path=path.split("?")[0], query=path.split("?")[1] if "?" in path else "",
           status=status, duration_ms=round(dur, 1), db_queries=nq, db_time_ms=round(db_ms, 1), request_id=uuid_from(rng))
    if nq > 100 and rng.random() < 0.015:
        pyjson("acme-api", dyno, t0 + ms(dur * 0.5), "WARNING", "django.db.backends",
               "repeated query detected: %d similar statements in one request" % (nq - 6),
               sql='SELECT "catalog_variantstock"."id", "catalog_variantstock"."variant_id", "catalog_variantstock"."warehouse_id", "catalog_variantstock"."quantity" FROM "catalog_variantstock" WHERE "catalog_variantstock"."variant_id" = %s',
               view="catalog.api.ProductListView")
    if pressure(t0) > 0.7:
        k = int((t0 - START).total_seconds() // 20)
        if slow_sql_budget.get(k, 0) < 1 and rng.random() < 0.2:
            slow_sql_budget[k] = slow_sql_budget.get(k, 0) + 1
            pid = rng.randint(1000, 30000)
            tq = t0 + ms(dur * 0.6)
            hl("acme-api", tq, "app[postgres.%d]" % pid,
               "[DATABASE] [%d-1] sql_error_code = 00000 time_ms = \"%s UTC\" pid=\"%d\" proc_start_time=\"%s UTC\" session_id=\"%s.%s\" vtid=\"%d/%d\" tid=\"0\" log_line=\"%d\" database=\"d6fq1b2k9c0a1e\" connection_source=\"34.%d.%d.%d(%d)\" user=\"u4kq9v2c1b7a0f\" application_name=\"%s\" LOG:  duration: %.3f ms  statement: SELECT \"catalog_variantstock\".\"id\", \"catalog_variantstock\".\"variant_id\", \"catalog_variantstock\".\"warehouse_id\", \"catalog_variantstock\".\"quantity\" FROM \"catalog_variantstock\" WHERE \"catalog_variantstock\".\"variant_id\" = %d" % (
                   rng.randint(10, 99), tq.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (tq.microsecond // 1000), pid,
                   (tq - timedelta(minutes=rng.randint(1, 20))).strftime("%Y-%m-%d %H:%M:%S"), hexs(rng, 8), hexs(rng, 4),
                   rng.randint(1, 60), rng.randint(1000, 99999), rng.randint(1, 50), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254),
                   rng.randint(30000, 60000), dyno, rng.uniform(2000, 4200), rng.randint(100000, 999999)))
    return dur, status, dyno


# ---------------- storefront ----------------
STORE_DYNOS = ["web.1", "web.2", "web.3"]


def store_log(dyno, t, msg):
    hl("acme-storefront", t, "app[%s]" % dyno, msg)


def rate(t):
    m = (t - START).total_seconds() / 60.0
    return 1.9 + 0.3 * math.sin(m / 6.0)


release_window = (STORE_RELEASE, STORE_RELEASE + timedelta(seconds=40))
for t0 in arrivals(rng, START, END, rate):
    r = rng.random()
    dyno = rng.choice(STORE_DYNOS)
    calls = []
    if r < 0.38:
        slug = rng.choice(SLUGS)
        page = "/c/%s" % slug
        calls = [("/api/v2/products?category=%s&page=%d" % (slug, rng.randint(1, 4)), "list")]
    elif r < 0.55:
        page = "/"
        calls = [("/api/v2/products?featured=1", "featured"), ("/api/v2/banners", "other")]
    elif r < 0.85:
        pid = rng.randint(10000, 99999)
        page = "/p/%d" % pid
        calls = [("/api/v2/products/%d" % pid, "detail"), ("/api/v2/products/%d/related" % pid, "other")]
    else:
        page = "/cart"
        calls = [("/api/v2/cart", "other")]
    el = rng.uniform(5, 20)
    status = 200
    for (path, kind) in calls:
        tc = t0 + ms(el)
        dur, st, adyno = api_request(tc + ms(2), path, kind)
        arid, ast = router("acme-api", tc + ms(1), "GET", path, adyno, dur, 200, "acme-api.herokuapp.com")
        if dur > 10000:
            el += 10000 + rng.uniform(1, 5)
            store_log(dyno, t0 + ms(el), "[storefront] ERROR fetch https://acme-api.herokuapp.com%s failed: TimeoutError: The operation was aborted due to timeout (10000ms) request_id=%s" % (path, arid))
            status = 503
            break
        el += dur + rng.uniform(1, 3)
    el += rng.uniform(10, 60)
    if status == 200:
        store_log(dyno, t0 + ms(el), "[storefront] GET %s -> 200 (%d ms) api_calls=%d" % (page, int(el), len(calls)))
    else:
        store_log(dyno, t0 + ms(el), "[storefront] GET %s -> 503 (%d ms) rendered error page" % (page, int(el)))
    if release_window[0] <= t0 < release_window[1] and rng.random() < 0.25:
        hl("acme-storefront", t0 + ms(400), "heroku[router]", "at=error code=H13 desc=\"Connection closed without response\" method=GET path=\"%s\" host=www.acme-shop.example request_id=%s fwd=\"%s\" dyno=%s connect=0ms service=%dms status=503 bytes=0 protocol=https" % (
            page, uuid_from(rng), fwd(), dyno, rng.randint(200, 900)))
        continue
    router("acme-storefront", t0, "GET", page, dyno, el, status, "www.acme-shop.example")

# mobile apps call acme-api directly
for t0 in arrivals(rng, START, END, lambda t: 1.3):
    r = rng.random()
    if r < 0.35:
        slug = rng.choice(SLUGS)
        path, kind = "/api/v2/products?category=%s&page=%d&client=ios" % (slug, rng.randint(1, 6)), "list"
    elif r < 0.7:
        path, kind = "/api/v2/products/%d" % rng.randint(10000, 99999), "detail"
    else:
        path, kind = rng.choice(["/api/v2/cart", "/api/v2/orders", "/api/v2/me"]), "other"
    dur, st, adyno = api_request(t0 + ms(1), path, kind)
    router("acme-api", t0, "GET", path, adyno, dur, 200, "acme-api.herokuapp.com")

# ---------------- heroku-postgres + redis metrics, dyno metrics (acme-api drain) ----------------
t = START + timedelta(seconds=17)
xact = 81234567
while t < END:
    p = pressure(t)
    xact += rng.randint(2000, 4000) + int(p * 90000)
    hl("acme-api", t, "app[heroku-postgres]",
       "source=DATABASE addon=postgresql-tapered-41722 sample#current_transaction=%d sample#db_size=%dbytes sample#tables=61 sample#active-connections=%d sample#waiting-connections=%d sample#index-cache-hit-rate=%.5f sample#table-cache-hit-rate=%.5f sample#load-avg-1m=%.2f sample#load-avg-5m=%.2f sample#load-avg-15m=%.2f sample#read-iops=%.1f sample#write-iops=%.1f sample#tmp-disk-used=543633408 sample#tmp-disk-available=72435159040 sample#memory-total=16082980kB sample#memory-free=%dkB sample#memory-cached=12450240kB sample#memory-postgres=%dkB sample#wal-percentage-used=0.07" % (
           xact, 20394812000 + rng.randint(0, 9000000), int(11 + rng.randint(0, 6) + 46 * p), int(p * rng.randint(4, 19)),
           0.9991 - 0.002 * p, 0.9973 - 0.004 * p, 0.4 + 15.5 * p + rng.uniform(0, 0.4), 0.38 + 11 * p, 0.35 + 6 * p,
           rng.uniform(5, 20) + 900 * p, rng.uniform(4, 12) + 3 * p, 812340 - int(300000 * p), 345612 + int(900000 * p)))
    hl("acme-api", t + ms(rng.uniform(100, 900)), "app[heroku-redis]",
       "source=REDIS addon=redis-rugged-55901 sample#active-connections=%d sample#load-avg-1m=%.2f sample#load-avg-5m=0.07 sample#load-avg-15m=0.05 sample#read-iops=0 sample#write-iops=%.1f sample#memory-total=15618680kB sample#memory-free=13922180kB sample#memory-cached=1008880kB sample#memory-redis=%dbytes sample#hit-rate=%.5f sample#evicted-keys=0" % (
           rng.randint(18, 26), rng.uniform(0.01, 0.1), rng.uniform(0.5, 2.0), rng.randint(41000000, 42000000), rng.uniform(0.96, 0.98)))
    for d in API_DYNOS:
        td = t + ms(rng.uniform(1000, 5000))
        hl("acme-api", td, "heroku[%s]" % d, "source=%s dyno=heroku.219876543.%s sample#load_avg_1m=%.2f sample#load_avg_5m=%.2f sample#load_avg_15m=%.2f" % (
            d, uuid_from(rng), 0.2 + 1.4 * p + rng.uniform(0, 0.3), 0.18 + p, 0.15 + 0.6 * p))
        hl("acme-api", td + ms(1), "heroku[%s]" % d, "source=%s dyno=heroku.219876543.%s sample#memory_total=%.2fMB sample#memory_rss=%.2fMB sample#memory_cache=%.2fMB sample#memory_swap=0.00MB sample#memory_pgpgin=%dpages sample#memory_pgpgout=%dpages sample#memory_quota=1024.00MB" % (
            d, uuid_from(rng), 402 + 190 * p + rng.uniform(0, 20), 380 + 185 * p + rng.uniform(0, 20), rng.uniform(10, 30), rng.randint(100000, 300000), rng.randint(100000, 300000)))
    t += timedelta(seconds=60)

# flag snapshot refresh in every api dyno
for d in API_DYNOS:
    pyjson("acme-api", d, DYNO_ON[d], "INFO", "flags.client", "flag snapshot refreshed", version=418, changed=["catalog.variant_stock_badges"], source="https://acme-flags.herokuapp.com/v1/snapshot")
    pyjson("acme-api", d, DYNO_OFFT[d], "INFO", "flags.client", "flag snapshot refreshed", version=419, changed=["catalog.variant_stock_badges"], source="https://acme-flags.herokuapp.com/v1/snapshot")
    tt = refresh_after(d, START + timedelta(minutes=3, seconds=12))
    pyjson("acme-api", d, tt, "INFO", "flags.client", "flag snapshot refreshed", version=417, changed=["checkout.apple_pay_button"], source="https://acme-flags.herokuapp.com/v1/snapshot")
    tt = refresh_after(d, START + timedelta(minutes=28, seconds=41))
    pyjson("acme-api", d, tt, "INFO", "flags.client", "flag snapshot refreshed", version=420, changed=["search.synonyms_v2"], source="https://acme-flags.herokuapp.com/v1/snapshot")

# ---------------- acme-flags (flag service) ----------------
t = START + timedelta(seconds=5)
while t < END:
    for d in ("web.1",):
        n = rng.randint(8, 12)
        hl("acme-flags", t, "app[%s]" % d, "%s snapshot.go:54: served snapshot v%d to %d clients (etag=\"%s\")" % (
            t.strftime("%Y/%m/%d %H:%M:%S"), 416 if t < START + timedelta(minutes=3, seconds=11) else (417 if t < FLAG_ON else (418 if t < FLAG_OFF else (419 if t < START + timedelta(minutes=28, seconds=40) else 420))), n, hexs(rng, 12)))
    t += timedelta(seconds=30)
hl("acme-flags", FLAG_ON, "app[web.1]", "%s audit.go:31: flag \"catalog.variant_stock_badges\" updated by maria.keller@acme-shop.example: rollout 0%% -> 100%% (env=production, reason=\"launch stock badges on listing\")" % FLAG_ON.strftime("%Y/%m/%d %H:%M:%S"))
hl("acme-flags", FLAG_OFF, "app[web.1]", "%s audit.go:31: flag \"catalog.variant_stock_badges\" updated by oncall-sre@acme-shop.example: rollout 100%% -> 0%% (env=production, reason=\"INC-2291 api latency\")" % FLAG_OFF.strftime("%Y/%m/%d %H:%M:%S"))
for (tt, user, key, a, b) in [(START + timedelta(minutes=3, seconds=11), "tom.b@acme-shop.example", "checkout.apple_pay_button", "50%", "100%"),
                              (START + timedelta(minutes=28, seconds=40), "maria.keller@acme-shop.example", "search.synonyms_v2", "0%", "10%")]:
    hl("acme-flags", tt, "app[web.1]", "%s audit.go:31: flag \"%s\" updated by %s: rollout %s -> %s (env=production)" % (tt.strftime("%Y/%m/%d %H:%M:%S"), key, user, a, b))

# ---------------- acme-worker (Celery) ----------------
def celery_ts(t):
    return t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000)


t = START + timedelta(seconds=2)
while t < END:
    d = rng.choice(["worker.1", "worker.2"])
    tid = uuid_from(rng)
    task = rng.choice(["orders.tasks.sync_inventory", "orders.tasks.sync_inventory", "webhooks.tasks.deliver", "catalog.tasks.refresh_price_cache"])
    hl("acme-worker", t, "app[%s]" % d, "[%s: INFO/MainProcess] Task %s[%s] received" % (celery_ts(t), task, tid))
    if task == "webhooks.tasks.deliver" and rng.random() < 0.3:
        te = t + ms(rng.uniform(5000, 5100))
        hl("acme-worker", te, "app[%s]" % d, "[%s: WARNING/ForkPoolWorker-%d] Task %s[%s] retry: Retry in 120s: ReadTimeout(ReadTimeoutError(\"HTTPSConnectionPool(host='hooks.partner-erp.example', port=443): Read timed out. (read timeout=5)\"))" % (
            celery_ts(te), rng.randint(1, 4), task, tid))
    else:
        nq = rng.randint(20, 60) if task != "webhooks.tasks.deliver" else 2
        dur = nq * q_ms(t) * rng.lognormvariate(0, 0.3) + rng.uniform(20, 200)
        te = t + ms(dur)
        hl("acme-worker", te, "app[%s]" % d, "[%s: INFO/ForkPoolWorker-%d] Task %s[%s] succeeded in %.3fs: None" % (celery_ts(te), rng.randint(1, 4), task, tid, dur / 1000.0))
    t += timedelta(seconds=rng.uniform(1.5, 6))
# heavy periodic task
t = START + timedelta(seconds=40)
while t < END:
    tid = uuid_from(rng)
    hl("acme-worker", t, "app[worker.2]", "[%s: INFO/MainProcess] Task catalog.tasks.rebuild_listing_cache[%s] received" % (celery_ts(t), tid))
    dur = 2400 * q_ms(t) * rng.lognormvariate(0, 0.2) + 900
    if dur > 90000:
        te = t + timedelta(seconds=90)
        hl("acme-worker", te, "app[worker.2]", "[%s: WARNING/ForkPoolWorker-1] Soft time limit (90s) exceeded for catalog.tasks.rebuild_listing_cache[%s]" % (celery_ts(te), tid))
        hl("acme-worker", te + ms(40), "app[worker.2]", "[%s: ERROR/ForkPoolWorker-1] Task catalog.tasks.rebuild_listing_cache[%s] raised unexpected: SoftTimeLimitExceeded()" % (celery_ts(te + ms(40)), tid))
        tb = ["Traceback (most recent call last):",
              "  File \"/app/.heroku/python/lib/python3.12/site-packages/celery/app/trace.py\", line 453, in trace_task",
              "    R = retval = fun(*args, **kwargs)",
              "  File \"/app/catalog/tasks.py\", line 77, in rebuild_listing_cache",
              "    for product in Product.objects.listable().iterator(chunk_size=500):",
              "  File \"/app/.heroku/python/lib/python3.12/site-packages/django/db/backends/utils.py\", line 105, in _execute",
              "    return self.cursor.execute(sql, params)",
              "billiard.exceptions.SoftTimeLimitExceeded: SoftTimeLimitExceeded()"]
        for i, ln in enumerate(tb):
            hl("acme-worker", te + ms(41 + i * 0.01), "app[worker.2]", ln)
    else:
        te = t + ms(dur)
        hl("acme-worker", te, "app[worker.2]", "[%s: INFO/ForkPoolWorker-1] Task catalog.tasks.rebuild_listing_cache[%s] succeeded in %.3fs: {'products': %d}" % (celery_ts(te), tid, dur / 1000.0, rng.randint(14000, 14500)))
    t += timedelta(seconds=120)

# ---------------- acme-search: pre-existing R14 ----------------
for t0 in arrivals(rng, START, END, lambda t: 0.5):
    d = rng.choice(["web.1", "web.2"])
    dur = rng.lognormvariate(3.6, 0.5)
    hl("acme-search", t0 + ms(dur), "app[%s]" % d, "%s handler.go:88: q=%s hits=%d took=%.1fms" % ((t0 + ms(dur)).strftime("%Y/%m/%d %H:%M:%S"), rng.choice(["sneaker", "red+dress", "rain+jacket", "tote"]), rng.randint(0, 300), dur))
    router("acme-search", t0, "GET", "/search?q=%s" % rng.choice(["sneaker", "dress", "jacket", "tote"]), d, dur, 200, "acme-search.herokuapp.com")
t = START + timedelta(seconds=33)
while t < END:
    hl("acme-search", t, "heroku[web.1]", "Process running mem=%dM(%.1f%%)" % (rng.randint(1030, 1090), rng.uniform(100.6, 106.4)))
    hl("acme-search", t + ms(2), "heroku[web.1]", "Error R14 (Memory quota exceeded)")
    t += timedelta(seconds=rng.uniform(40, 90))

# ---------------- acme-auth ----------------
for t0 in arrivals(rng, START, END, lambda t: 0.7):
    d = rng.choice(["web.1", "web.2"])
    dur = rng.lognormvariate(2.5, 0.4)
    hl("acme-auth", t0 + ms(dur), "app[%s]" % d, "%s token.go:61: issued token sub=cus_%s ttl=3600 took=%.1fms" % ((t0 + ms(dur)).strftime("%Y/%m/%d %H:%M:%S"), alnum(rng, 10), dur))
    router("acme-auth", t0, "POST", "/oauth/token", d, dur, 200, "acme-auth.herokuapp.com")

# ---------------- acme-storefront release (red herring) ----------------
hl("acme-storefront", STORE_RELEASE - timedelta(seconds=20), "app[api]", "Build started by user deploy-bot@acme-shop.example")
hl("acme-storefront", STORE_RELEASE - timedelta(seconds=2), "app[api]", "Deploy 9c41e7d by user deploy-bot@acme-shop.example")
hl("acme-storefront", STORE_RELEASE - timedelta(seconds=2), "app[api]", "Release v212 created by user deploy-bot@acme-shop.example")
for i, d in enumerate(STORE_DYNOS):
    ts = STORE_RELEASE + timedelta(seconds=i * 6)
    hl("acme-storefront", ts, "heroku[%s]" % d, "Restarting")
    hl("acme-storefront", ts + ms(10), "heroku[%s]" % d, "State changed from up to starting")
    hl("acme-storefront", ts + ms(900), "heroku[%s]" % d, "Stopping all processes with SIGTERM")
    hl("acme-storefront", ts + ms(1300), "heroku[%s]" % d, "Process exited with status 143")
    hl("acme-storefront", ts + timedelta(seconds=4), "heroku[%s]" % d, "Starting process with command `npm run start -- -p 41233`")
    hl("acme-storefront", ts + timedelta(seconds=9), "app[%s]" % d, "  \u25b2 Next.js 14.1.3")
    hl("acme-storefront", ts + timedelta(seconds=9, milliseconds=3), "app[%s]" % d, "  - Local:        http://localhost:41233")
    hl("acme-storefront", ts + timedelta(seconds=9, milliseconds=9), "app[%s]" % d, " \u2713 Ready in 812ms")
    hl("acme-storefront", ts + timedelta(seconds=10), "heroku[%s]" % d, "State changed from starting to up")

# ---------------- write ----------------
reset_logs()
total = 0
for app in sorted(apps):
    lines = apps[app].sorted_lines()
    write_file("heroku/%s.log" % app, lines)
    total += len(lines)
print("d08 lines:", total)
