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
# d04: tax-calc loads a pathological tax ruleset (each Quote becomes ~100x more
# CPU-expensive). pricing calls it with a 400 ms per-attempt deadline and up to 4
# attempts, checkout calls pricing with a 1.5 s deadline and 3 attempts: retry
# amplification keeps tax-calc saturated; checkout/cart fail; Kong returns 504/502.
# Platform: Nomad + Consul. Formats: Splunk search export (CSV, newest first) whose
# _raw holds Go std `log` lines, Kong http-log JSON and Consul/Nomad hclog lines.
import csv
import io

rng = random.Random(4404)

START = datetime(2025, 3, 11, 9, 58, 0, tzinfo=UTC)
END = START + timedelta(minutes=36)
RULES_LOAD = datetime(2025, 3, 11, 10, 14, 21, 604000, tzinfo=UTC)
ROLLBACK = datetime(2025, 3, 11, 10, 27, 52, 0, tzinfo=UTC)
CHECKOUT_DEPLOY = datetime(2025, 3, 11, 10, 11, 34, 0, tzinfo=UTC)

rows = []   # (time, seq, host, source, sourcetype, raw)
seq = [0]


def row(t, host, source, sourcetype, raw):
    rows.append((t, seq[0], host, source, sourcetype, raw))
    seq[0] += 1


def alloc_id():
    return uuid_from(rng)


HOSTS = ["nomad-client-%02d" % i for i in range(1, 7)]
ALLOCS = {}


def allocs(job, n, hosts):
    ALLOCS[job] = [(h, alloc_id()) for h in hosts[:n]]


allocs("checkout", 2, ["nomad-client-01", "nomad-client-04"])
allocs("cart", 2, ["nomad-client-02", "nomad-client-05"])
allocs("pricing", 3, ["nomad-client-02", "nomad-client-04", "nomad-client-06"])
allocs("tax-calc", 2, ["nomad-client-03", "nomad-client-05"])
allocs("promotions", 1, ["nomad-client-06"])
allocs("inventory", 2, ["nomad-client-01", "nomad-client-03"])
allocs("shipping", 1, ["nomad-client-05"])
allocs("fraud-check", 1, ["nomad-client-06"])
allocs("user-svc", 2, ["nomad-client-02", "nomad-client-03"])
allocs("kong", 2, ["nomad-client-01", "nomad-client-04"])
OLD_CHECKOUT = list(ALLOCS["checkout"])
NEW_CHECKOUT = [(h, alloc_id()) for (h, _) in OLD_CHECKOUT]

IPS = {}
for job, al in ALLOCS.items():
    IPS[job] = ["10.0.%d.%d" % (HOSTS.index(h) + 1, rng.randint(10, 250)) for (h, _) in al]


def golog(job, idx, t, src, msg, allocs_override=None):
    al = (allocs_override or ALLOCS[job])[idx]
    ts = t.strftime("%Y/%m/%d %H:%M:%S.") + "%06d" % t.microsecond
    row(t, al[0], "/opt/nomad/data/alloc/%s/alloc/logs/%s.stderr.0" % (al[1], job), "nomad:alloc:stderr", "%s %s: %s" % (ts, src, msg))


def checkout_alloc(t):
    return NEW_CHECKOUT if t >= CHECKOUT_DEPLOY + timedelta(seconds=25) else OLD_CHECKOUT


def hclog_ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def consul(host, t, level, msg):
    row(t, host, "/var/log/consul/consul.log", "consul:agent", "%s [%-5s] %s" % (hclog_ts(t), level, msg))


def nomad(host, t, level, msg):
    row(t, host, "/var/log/nomad/nomad.log", "nomad:client", "%s [%-5s] %s" % (hclog_ts(t), level, msg))


# ---------------- tax-calc capacity model ----------------
CORES = 1.0  # 2 allocs x 500 MHz cpu shares


def cost_s(t):
    if RULES_LOAD <= t < ROLLBACK:
        return 0.30
    return 0.0032


backlog = 0.0
lat_by_sec = {}
inflight_by_sec = {}
attempts_by_sec = {}
health_critical = {}   # sec -> bool per alloc idx


CUR = {"lat": 0.004, "hc": (False, False)}


def tax_latency(t):
    k = int((t - START).total_seconds())
    return lat_by_sec.get(k, CUR["lat"])


def hc_at(k):
    return health_critical.get(k, CUR["hc"])


def rate(t):
    m = (t - START).total_seconds() / 60.0
    return 2.8 + 0.5 * math.sin(m / 8.0)


UAS = ["okhttp/4.12.0", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/122.0",
       "ShopApp/5.12.1 (Android 14)"]
consul_zero_addr = []


def tax_attempt(ta, cart, pidx, attempt, maxa, deadline_ms):
    """One pricing -> tax-calc attempt. Returns (elapsed_ms, ok)."""
    k = int((ta - START).total_seconds())
    attempts_by_sec[k] = attempts_by_sec.get(k, 0) + 1
    lat = tax_latency(ta) * 1000.0 * rng.uniform(0.7, 1.3)
    if hc_at(k)[0] and hc_at(k)[1]:
        golog("pricing", pidx, ta + ms(0.4), "taxclient.go:96",
              "tax quote attempt %d/%d failed: rpc error: code = Unavailable desc = last resolver error: produced zero addresses (target=dns:///tax-calc.service.consul:9090 method=/tax.v1.TaxCalculator/Quote cart=%s)" % (attempt, maxa, cart))
        return 0.4, False
    if lat > deadline_ms:
        golog("pricing", pidx, ta + ms(deadline_ms), "taxclient.go:96",
              "tax quote attempt %d/%d failed: rpc error: code = DeadlineExceeded desc = context deadline exceeded (target=dns:///tax-calc.service.consul:9090 method=/tax.v1.TaxCalculator/Quote cart=%s)" % (attempt, maxa, cart))
        return deadline_ms, False
    return lat, True


def pricing_call(t, cart, outer_deadline_ms, caller):
    """pricing.PriceCart: promotions + tax with retries; returns (elapsed_ms, code)."""
    pidx = rng.randrange(3)
    el = rng.uniform(0.5, 2.0)
    pl = rng.lognormvariate(1.3, 0.4)  # promotions
    el += pl
    code = "OK"
    ok = False
    for attempt in range(1, 5):
        remaining = outer_deadline_ms - el
        if remaining <= 0:
            code = "DeadlineExceeded"
            break
        d = min(400.0, remaining)
        e, ok = tax_attempt(t + ms(el), cart, pidx, attempt, 4, d)
        el += e
        if ok:
            break
        if el >= outer_deadline_ms:
            code = "DeadlineExceeded"
            break
        el += 25 * (2 ** (attempt - 1)) * rng.uniform(0.8, 1.2)
    if not ok and code == "OK":
        code = "Unavailable"
    if el > outer_deadline_ms:
        el = outer_deadline_ms
        code = "Canceled" if code == "OK" else code
    if code != "OK":
        golog("pricing", pidx, t + ms(el), "server.go:141",
              "grpc method=/pricing.v1.Pricing/PriceCart peer=%s code=%s dur=%.1fms err=\"tax: %s\"" % (
                  caller, code, el, "rpc error: code = DeadlineExceeded desc = context deadline exceeded" if code != "Unavailable" else "all 4 attempts failed"))
    else:
        golog("pricing", pidx, t + ms(el), "server.go:141", "grpc method=/pricing.v1.Pricing/PriceCart peer=%s code=OK dur=%.1fms" % (caller, el))
    return el, code


def kong_log(t0, method, uri, svc, status, up_ms, route):
    kl = rng.randint(0, 2)
    kidx = rng.randrange(2)
    host, aid = ALLOCS["kong"][kidx]
    rec = {"request": {"method": method, "uri": uri, "url": "https://api.shop.example:443" + uri, "size": rng.randint(180, 900),
                       "querystring": {}, "headers": {"host": "api.shop.example", "user-agent": rng.choice(UAS), "x-request-id": uuid_from(rng)}},
           "upstream_uri": uri, "response": {"status": status, "size": rng.randint(300, 4000) if status < 400 else rng.randint(90, 200)},
           "route": {"name": route, "protocols": ["https"], "strip_path": False},
           "service": {"name": svc, "host": "%s.service.consul" % svc, "port": 8080, "protocol": "http", "retries": 0,
                       "connect_timeout": 2000, "read_timeout": 5000, "write_timeout": 5000},
           "latencies": {"proxy": int(up_ms), "kong": kl, "request": int(up_ms) + kl + rng.randint(0, 2)},
           "client_ip": "%d.%d.%d.%d" % (rng.randint(31, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
           "started_at": int(t0.timestamp() * 1000), "upstream_status": str(status) if status != 504 else ""}
    te = t0 + ms(up_ms + kl)
    row(te, host, "/opt/nomad/data/alloc/%s/alloc/logs/kong-http-log.json" % aid, "kong:http_log", jdump(rec))


# ---------------- main time-stepped simulation ----------------
arr = arrivals(rng, START, END, rate)
ai = 0
sec = 0
total_secs = int((END - START).total_seconds())
cap_per_sec = CORES
hc_state = [False, False]
rho_ema = 0.0
while sec < total_secs:
    s0 = START + timedelta(seconds=sec)
    # latency for this second from current backlog
    c = cost_s(s0)
    rho_q = min(0.97, rho_ema)
    lat_by_sec[sec] = backlog / CORES + c * (1 + rho_q / (2 * (1 - rho_q)))
    inflight_by_sec[sec] = int(backlog / max(c, 0.001)) if backlog > 0 else rng.randint(0, 4)
    # consul health checks (2 s timeout) flip per alloc
    CUR["lat"] = lat_by_sec[sec]
    for i in range(2):
        if sec % 10 == (3 + i * 5) % 10:
            newst = lat_by_sec[sec] > 2.0 and rng.random() < 0.75
            host, aid = ALLOCS["tax-calc"][i]
            tch = s0 + timedelta(milliseconds=rng.randint(0, 999))
            if newst and not hc_state[i]:
                consul(host, tch, "WARN", "agent: Check is now critical: check=_nomad-check-taxcalc-health-%s" % aid[:8])
                consul(host, tch + ms(1), "WARN", "agent: check timed out: check=_nomad-check-taxcalc-health-%s url=http://%s:8081/healthz timeout=2s" % (aid[:8], IPS["tax-calc"][i]))
            elif hc_state[i] and not newst:
                consul(host, tch, "INFO", "agent: Synced check: check=_nomad-check-taxcalc-health-%s" % aid[:8])
            hc_state[i] = newst
    health_critical[sec] = (hc_state[0], hc_state[1])
    CUR["hc"] = health_critical[sec]
    while ai < len(arr) and arr[ai] < s0 + timedelta(seconds=1):
        t0 = arr[ai]
        ai += 1
        r = rng.random()
        cart = "crt_" + alnum(rng, 12)
        cidx = rng.randrange(2)
        if r < 0.30:
            # checkout confirm: checkout -> pricing (1.5 s, 3 attempts) -> inventory, fraud-check
            el = rng.uniform(0.5, 2.0)
            code = "OK"
            for attempt in range(1, 4):
                pe, code = pricing_call(s0 + (t0 - s0) + ms(el), cart, 1500.0, "checkout")
                el += pe
                if code == "OK":
                    break
                golog("checkout", cidx, t0 + ms(el), "pricing_client.go:61",
                      "price cart %s attempt %d/3: rpc error: code = DeadlineExceeded desc = context deadline exceeded (pricing.service.consul:9090)" % (cart, attempt))
                if el > 4800:
                    break
                el += 50 * rng.uniform(0.8, 1.2)
            if code == "OK":
                il = rng.lognormvariate(1.8, 0.4)
                fl = rng.lognormvariate(2.8, 0.5)
                el += max(il, fl) + rng.uniform(1, 3)
                status = 200
            else:
                status = 502
            if el >= 5000:
                kong_log(t0, "POST", "/api/checkout/confirm", "checkout", 504, 5000 + rng.uniform(0, 3), "checkout-confirm")
                golog("checkout", cidx, t0 + ms(el), "handler.go:77",
                      "POST /api/checkout/confirm cart=%s status=502 dur=%.2fs err=\"pricing unavailable: context canceled\"" % (cart, el / 1000.0),
                      allocs_override=checkout_alloc(t0))
            else:
                kong_log(t0, "POST", "/api/checkout/confirm", "checkout", status, el, "checkout-confirm")
                golog("checkout", cidx, t0 + ms(el), "handler.go:77",
                      "POST /api/checkout/confirm cart=%s status=%d dur=%.2fs%s" % (cart, status, el / 1000.0,
                                                                                    "" if status == 200 else " err=\"pricing: rpc error: code = DeadlineExceeded desc = context deadline exceeded\""),
                      allocs_override=checkout_alloc(t0))
        elif r < 0.62:
            # cart view: cart -> pricing (1 s, no retry)
            el = rng.uniform(0.5, 1.5) + rng.lognormvariate(1.2, 0.3)
            pe, code = pricing_call(t0 + ms(el), cart, 1000.0, "cart")
            el += pe
            status = 200 if code == "OK" else 503
            cidx2 = rng.randrange(2)
            golog("cart", cidx2, t0 + ms(el), "api.go:203",
                  "GET /api/cart/%s %d %.1fms%s" % (cart, status, el, "" if status == 200 else " pricing_err=\"rpc error: code = DeadlineExceeded desc = context deadline exceeded\""))
            kong_log(t0, "GET", "/api/cart/%s" % cart, "cart", status, el + rng.uniform(0.5, 2), "cart")
        elif r < 0.80:
            uid = rng.randint(100000, 999999)
            el = rng.lognormvariate(2.4, 0.5)
            st = 200
            uidx = rng.randrange(2)
            if rng.random() < 0.015:
                el = 3000 + rng.uniform(0, 20)
                st = 500
                golog("user-svc", uidx, t0 + ms(el), "ldap.go:57", "ldap bind to ldaps://ad-dc-02.corp.shop.example:636 failed: LDAP Result Code 200 \"Network Error\": i/o timeout")
            golog("user-svc", uidx, t0 + ms(el), "http.go:44", "GET /v1/users/%d status=%d dur=%.1fms" % (uid, st, el))
            kong_log(t0, "GET", "/api/users/%d" % uid, "user-svc", st, el + 1, "users")
        elif r < 0.92:
            sku = "SKU%06d" % rng.randint(1, 999999)
            el = rng.lognormvariate(1.7, 0.4)
            golog("inventory", rng.randrange(2), t0 + ms(el), "grpc.go:88", "grpc method=/inventory.v1.Stock/Get sku=%s code=OK dur=%.1fms" % (sku, el))
            kong_log(t0, "GET", "/api/stock/%s" % sku, "inventory", 200, el + 2, "stock")
        else:
            el = rng.lognormvariate(3.0, 0.4)
            golog("shipping", 0, t0 + ms(el), "rates.go:130", "rates computed zip=%05d carriers=4 dur=%.1fms" % (rng.randint(1000, 99999), el))
            kong_log(t0, "GET", "/api/shipping/rates", "shipping", 200, el + 2, "shipping-rates")
    # update tax-calc backlog with the work offered this second
    work = attempts_by_sec.get(sec, 0) * c
    rho_ema = 0.8 * rho_ema + 0.2 * (work / cap_per_sec)
    backlog = min(14.0, max(0.0, backlog + work - cap_per_sec))
    if s0 <= ROLLBACK + timedelta(seconds=20) < s0 + timedelta(seconds=1):
        backlog = 0.0   # allocs restarted by the operator right after the rollback
    sec += 1

# ---------------- tax-calc's own (sparse) logs ----------------
for idx in range(2):
    golog("tax-calc", idx, START + timedelta(seconds=2 + idx), "main.go:61", "tax-calc 3.8.2 (go1.22.1) serving gRPC on :9090, http health on :8081")
    t = START + timedelta(seconds=30 + idx * 7)
    while t < END:
        k = int((t - START).total_seconds())
        win = range(max(0, k - 60), k)
        q = sum(attempts_by_sec.get(x, 0) for x in win) // 2
        lat = lat_by_sec.get(k, 0.004)
        inf = inflight_by_sec.get(k, 0) // 2 + rng.randint(0, 3)
        golog("tax-calc", idx, t, "stats.go:33",
              "stats: quotes_1m=%d inflight=%d goroutines=%d p50=%s p99=%s cpu=%.0f%% gc_pause_p99=%dus" % (
                  q, inf, inf + 41 + rng.randint(0, 9), "%.0fms" % max(1, lat * 1000 * 0.6), "%.0fms" % max(3, lat * 1000 * 1.6),
                  min(99, 100 * (q / 60.0) * cost_s(t) / 0.5 + rng.uniform(2, 8)), rng.randint(150, 900)))
        t += timedelta(seconds=60)
    golog("tax-calc", idx, RULES_LOAD + ms(idx * 412), "rules.go:118",
          "rules: hot-reloaded ruleset 2025.03.11-r2 from consul kv tax/rules/current (48211 rules, 9 jurisdictions changed) in 3.2s")
    golog("tax-calc", idx, ROLLBACK + ms(idx * 388), "rules.go:118",
          "rules: hot-reloaded ruleset 2025.03.10-r1 from consul kv tax/rules/current (47960 rules, 9 jurisdictions changed) in 2.9s")
    # the only hint of trouble: client cancellations
    for k in range(int((RULES_LOAD - START).total_seconds()) + 20, int((ROLLBACK - START).total_seconds()) + 40, 17):
        if rng.random() < 0.55:
            golog("tax-calc", idx, START + timedelta(seconds=k, milliseconds=rng.randint(0, 999)), "server.go:212",
                  "grpc: Server.processUnaryRPC failed to write status: connection error: desc = \"transport is closing\"")

for i, (h, aid) in enumerate(ALLOCS["tax-calc"]):
    tr = ROLLBACK + timedelta(seconds=19, milliseconds=rng.randint(0, 900))
    nomad(h, tr, "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=tax-calc type=\"Restart Signaled\" msg=\"User requested restart\" failed=false" % aid)
    nomad(h, tr + timedelta(seconds=2), "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=tax-calc type=Restarting msg=\"Task restarting in 0s\" failed=false" % aid)
    nomad(h, tr + timedelta(seconds=3), "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=tax-calc type=Started msg=\"Task started by client\" failed=false" % aid)
    golog("tax-calc", i, tr + timedelta(seconds=3, milliseconds=200), "main.go:61", "tax-calc 3.8.2 (go1.22.1) serving gRPC on :9090, http health on :8081")

# background consul chatter on all hosts
for h in HOSTS:
    t = START + timedelta(seconds=rng.uniform(0, 60))
    while t < END:
        r = rng.random()
        if r < 0.6:
            consul(h, t, "INFO", "agent: Synced check: check=_nomad-check-%s" % hexs(rng, 40))
        elif r < 0.85:
            consul(h, t, "INFO", "agent.client.serf.lan: serf: EventMemberUpdate: %s" % rng.choice(HOSTS))
        else:
            consul(h, t, "WARN", "agent.client.memberlist.lan: memberlist: Refuting a suspect message (from: %s)" % rng.choice(HOSTS))
        t += timedelta(seconds=rng.uniform(40, 160))

# ---------------- red herring: checkout deploy (job version 43) ----------------
nomad("nomad-client-01", CHECKOUT_DEPLOY, "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=checkout type=Killing msg=\"Sent interrupt. Waiting 5s before force killing\" failed=false" % OLD_CHECKOUT[0][1])
for i, (h, aid) in enumerate(NEW_CHECKOUT):
    t = CHECKOUT_DEPLOY + timedelta(seconds=3 + i * 11)
    nomad(h, t, "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=checkout type=Received msg=\"Task received by client\" failed=false" % aid)
    nomad(h, t + timedelta(seconds=2), "INFO", "client.driver_mgr.docker: created container: driver=docker container_id=%s" % hexs(rng, 64))
    nomad(h, t + timedelta(seconds=3), "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=checkout type=Started msg=\"Task started by client\" failed=false" % aid)
    golog("checkout", i, t + timedelta(seconds=4), "main.go:40", "checkout v1.43.0 (git 7c2e1f9) starting, nomad job version 43", allocs_override=NEW_CHECKOUT)
    golog("checkout", i, t + timedelta(seconds=4, milliseconds=3), "config.go:71", "WARNING: config key payment.timeout_ms is deprecated, use payment.timeout (value 2500ms)", allocs_override=NEW_CHECKOUT)
    golog("checkout", i, t + timedelta(seconds=4, milliseconds=40), "main.go:88", "listening on :8080", allocs_override=NEW_CHECKOUT)
nomad("nomad-client-04", CHECKOUT_DEPLOY + timedelta(seconds=14), "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=checkout type=Killing msg=\"Sent interrupt. Waiting 5s before force killing\" failed=false" % OLD_CHECKOUT[1][1])

# fraud-check: noisy pre-existing warnings
t = START + timedelta(seconds=9)
while t < END:
    golog("fraud-check", 0, t, "model.go:77", "WARN score fallback: feature store timeout for feature set device_fingerprint_v2, using defaults")
    t += timedelta(seconds=rng.uniform(8, 40))
# promotions: quiet info
t = START + timedelta(seconds=4)
while t < END:
    golog("promotions", 0, t, "cache.go:51", "refreshed %d active campaigns from promotions-db in %dms" % (rng.randint(30, 60), rng.randint(8, 40)))
    t += timedelta(seconds=30)

# ---------------- write: Splunk CSV export, newest first ----------------
reset_logs()
rows.sort(key=lambda x: (x[0], x[1]), reverse=True)
buf = io.StringIO()
w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
w.writerow(["_time", "host", "source", "sourcetype", "index", "_raw"])
for (t, n, host, source, st, raw) in rows:
    w.writerow([t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d+00:00" % (t.microsecond // 1000), host, source, st, "prod_shop", raw])
data = buf.getvalue().rstrip("\n").split("\n")
write_file("splunk_export_prod_shop_20250311T0958-1034.csv", data)
print("d04 lines:", len(data))
