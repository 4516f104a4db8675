#!/usr/bin/env python3
"""Generate the logs/ tree for this case. Standard library only, byte-deterministic."""
import datetime as dt
import json
import os
import random
import shutil

# The set's shared helpers (ids, arrival times, file writers), kept once in g_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "g_common.py")).read())

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
rng = random.Random(210426)
UTC = dt.timezone.utc


def E(h, mi, s=0.0):
    return dt.datetime(2026, 4, 21, h, mi, tzinfo=UTC).timestamp() + s


T_START = E(11, 0)
T_END = E(11, 55)
T_SALE = E(11, 30, 0.0)
T_ROUTE_FLAP = E(11, 28, 3.7)
T_ROLLBACK = E(11, 47, 5.0)
T_RESYNC = E(11, 49, 20.0)
T_FLAG = E(11, 29, 12.0)

POD = "bcdfghjklmnpqrstvwxz2456789"
ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"


def podsfx(n=5):
    return "".join(rng.choice(POD) for _ in range(n))


def event_rate(t):
    """inventory.stock.* messages per second."""
    return 120 + 360 * ramp(t, T_SALE, T_SALE + 90) * (1 - 0.3 * ramp(t, E(11, 45), E(11, 55)))


# ------------------------------------------------------------------------------ inventory-projector (Elixir)
PROJ = [{"pod": "inventory-projector-6f8d9c7b5-" + podsfx(), "ip": "10.12.%d.%d" % (n, rng.randint(10, 90)),
         "log": [], "pid": rng.randint(2000, 2600)} for n in (3, 6)]
PROJ_NEW = [{"pod": "inventory-projector-5b7c6d8f9-" + podsfx(), "ip": "10.12.%d.%d" % (n, rng.randint(10, 90)),
             "log": [], "pid": rng.randint(2000, 2600)} for n in (4, 7)]
NATS = [{"name": "nats-%d" % i, "ip": "10.12.20.%d" % (11 + i), "log": [], "cid": rng.randint(4000, 9000)}
        for i in range(3)]


def ex_ts(t):
    d = dt.datetime.fromtimestamp(t, UTC)
    return d.strftime("%H:%M:%S.") + "%03d" % (d.microsecond // 1000)


def exlog(p, t, level, msg, meta=""):
    p["log"].append((t, "%s %s[%s] %s" % (ex_ts(t), meta, level, msg)))


def nats_log(n, t, lvl, msg):
    d = dt.datetime.fromtimestamp(t, UTC)
    n["log"].append((t, "[1] %s.%06d [%s] %s" % (d.strftime("%Y/%m/%d %H:%M:%S"), d.microsecond, lvl, msg)))


def handle_ms(t):
    return 5.2 if t < T_ROLLBACK + 30 else 0.55


disconnects = []
for p in PROJ:
    n = NATS[PROJ.index(p) % 3]
    p["nats"] = n
    p["cid"] = n["cid"] + rng.randint(1, 300)
    p["port"] = rng.randint(40000, 60000)
    t = T_SALE + rng.uniform(55, 85)
    while t < T_ROLLBACK:
        disconnects.append((t, p))
        t += rng.uniform(70, 130)

PID_COUNTER = [310]


def newpid():
    PID_COUNTER[0] += rng.randint(3, 40)
    return "#PID<0.%d.0>" % PID_COUNTER[0]


for t, p in sorted(disconnects, key=lambda x: x[0]):
    n = p["nats"]
    ip, port, cid = p["ip"], p["port"], p["cid"]
    chunks = rng.randint(800, 2600)
    nats_log(n, t - 0.001, "INF", '%s:%d - cid:%d - "v1.8.0:elixir:inventory-projector" - Slow Consumer Detected: '
                                  'WriteDeadline of 10s exceeded with %d chunks of %d total bytes.' % (
                                      ip, port, cid, chunks, chunks * rng.randint(600, 1100)))
    nats_log(n, t + 0.0004, "INF", '%s:%d - cid:%d - "v1.8.0:elixir:inventory-projector" - Client connection closed: '
                                   'Slow Consumer (Write Deadline)' % (ip, port, cid))
    tc = t + rng.uniform(0.01, 0.3)
    gpid = newpid()
    block = [
        "%s [error] GenServer %s terminating" % (ex_ts(tc), gpid),
        "** (stop) :disconnected",
        "Last message: {:tcp_closed, #Port<0.%d>}" % rng.randint(20, 400),
        "State: %%{bot: nil, connection_settings: %%{host: ~c\"nats.messaging.svc.cluster.local\", port: 4222, "
        "connection_timeout: 3000, name: \"inventory-projector\", tcp_opts: [:binary, {:active, :once}]}, "
        "next_sid: 2, pinger: #PID<0.%d.0>, receivers: %%{1 => %%{recipient: #PID<0.%d.0>, unsub_after: :infinity}}, "
        "request_inbox_prefix: \"_INBOX.%s.\", request_receivers: %%{}, socket: #Port<0.%d>}" % (
            rng.randint(300, 900), rng.randint(300, 900), rid(22), rng.randint(20, 400)),
    ]
    p["log"].append((tc, "\n".join(block)))
    exlog(p, tc + 0.002, "warning", "Gnat.ConnectionSupervisor connection down, reconnecting in 2000ms")
    tr = tc + 2.0 + rng.uniform(0.01, 0.2)
    p["port"] = rng.randint(40000, 60000)
    n["cid"] += rng.randint(2, 30)
    p["cid"] = n["cid"]
    exlog(p, tr, "info", "Gnat.ConnectionSupervisor connected to nats://nats.messaging.svc.cluster.local:4222 "
                         "(server %s)" % n["name"])
    exlog(p, tr + 0.004, "info", "subscribed to inventory.stock.> queue=projector sid=1")
    for _ in range(rng.randint(3, 9)):
        tg = tr + rng.uniform(0.2, 25)
        exp = rng.randint(300, 9000)
        exlog(p, tg, "warning", "sequence gap on sku-%05d: expected %d, got %d; projection marked stale" % (
            rng.randint(1, 24000), exp, exp + rng.randint(2, 60)), meta="sku_shard=%d " % rng.randint(0, 15))

for p in PROJ + PROJ_NEW:
    new = p in PROJ_NEW
    t0 = T_ROLLBACK + (6 + 9 * PROJ_NEW.index(p) if new else 0)
    t = (t0 if new else T_START) + rng.uniform(0, 30)
    end = T_END if new else T_ROLLBACK + 12 + 9 * PROJ.index(p)
    while t < end:
        cap = 1000.0 / handle_ms(t)
        rate = event_rate(t) / 2
        got = min(cap, rate) * rng.uniform(0.96, 1.02)
        exlog(p, t, "info", "projector stats: handled=%d/min avg_handle_ms=%.2f mailbox=%d audit_writes=%d" % (
            got * 60, handle_ms(t) * rng.uniform(0.9, 1.1), int(max(0, rate - cap) * rng.uniform(5, 40)),
            0 if new else got * 60), meta="")
        t += 60.0
    if not new:
        exlog(p, end, "notice", "Application inventory_projector exited: :stopped")
    else:
        for k, msg in enumerate(["Running InventoryProjector.Application (release inventory_projector 3.3.2)",
                                 "Gnat.ConnectionSupervisor connected to nats://nats.messaging.svc.cluster.local:4222 "
                                 "(server nats-%d)" % rng.randint(0, 2),
                                 "subscribed to inventory.stock.> queue=projector sid=1"]):
            exlog(p, t0 + 0.1 * k, "info", msg)
exlog(PROJ_NEW[0], T_RESYNC, "info", "resync requested by ops: rebuilding stock projection from inventory-svc snapshot")
exlog(PROJ_NEW[0], T_RESYNC + 48.2, "info", "resync done: 23981 skus written, 4112 corrected")

# ------------------------------------------------------------------------------ nats-server noise
for n in NATS:
    for t in arrivals(T_START, T_END, 1 / 300.0):
        nats_log(n, t, "ERR", '10.12.9.%d:%d - cid:%d - "v2.10.4:python3:" - authentication error - User "legacy-reporting"' % (
            rng.randint(2, 250), rng.randint(40000, 60000), rng.randint(100, 99999)))
    for t in arrivals(T_START, T_END, 1 / 400.0):
        nats_log(n, t, "WRN", '10.12.5.%d:%d - cid:%d - "v1.31.0:go:order-events-relay" - Readloop processing time: %.3fs' % (
            rng.randint(2, 250), rng.randint(40000, 60000), rng.randint(100, 99999), rng.uniform(2.0, 2.9)))
nats_log(NATS[2], T_ROUTE_FLAP, "ERR", "10.12.20.11:6222 - rid:%d - Error trying to connect to route (attempt 1): "
                                       "dial tcp 10.12.20.11:6222: i/o timeout" % rng.randint(10, 99))
nats_log(NATS[2], T_ROUTE_FLAP - 0.5, "INF", "10.12.20.11:6222 - rid:17 - Router connection closed: Stale Connection")
nats_log(NATS[0], T_ROUTE_FLAP - 0.4, "INF", "10.12.20.13:44512 - rid:19 - Router connection closed: Stale Connection")
nats_log(NATS[2], T_ROUTE_FLAP + 2.1, "INF", "10.12.20.11:6222 - rid:%d - Route connection created" % rng.randint(100, 200))
nats_log(NATS[0], T_ROUTE_FLAP + 2.2, "INF", "10.12.20.13:50122 - rid:%d - Route connection created" % rng.randint(100, 200))

# ------------------------------------------------------------------------------ stale projection model
def stale_share(t):
    if t < T_SALE + 60:
        return 0.002
    s = 0.05 + 0.55 * ramp(t, T_SALE + 60, T_SALE + 720)
    if t > T_RESYNC + 48:
        s = 0.003
    return s


# ------------------------------------------------------------------------------ inventory-svc (uvicorn, --timestamps)
INV = [{"pod": "inventory-svc-7d9b8c6f5-" + podsfx(), "log": []} for _ in range(2)]


def uv(t, ip, method, path, code, phrase):
    p = rng.choice(INV)
    d = dt.datetime.fromtimestamp(t, UTC)
    ts = d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%03dZ" % (d.microsecond, rng.randint(0, 999))
    p["log"].append((t, '%s INFO:     %s:%d - "%s %s HTTP/1.1" %d %s' % (ts, ip, rng.randint(40000, 60000), method, path,
                                                                        code, phrase)))


# ------------------------------------------------------------------------------ checkout-svc (Akka)
CHK = [{"pod": "checkout-svc-84c7d6b9f-" + podsfx(), "ip": "10.12.%d.%d" % (n, rng.randint(10, 90)), "log": []}
       for n in (2, 5)]


def akka(c, t, lvl, src, msg):
    d = dt.datetime.fromtimestamp(t, UTC)
    c["log"].append((t, "[%s] [%s.%03d] [checkout-akka.actor.default-dispatcher-%d] [%s] %s" % (
        lvl, d.strftime("%m/%d/%Y %H:%M:%S"), d.microsecond // 1000, rng.randint(4, 30), src, msg)))


def checkout(t):
    c = rng.choice(CHK)
    oid = "ord_" + rid(12)
    n_items = rng.randint(1, 4)
    skus = ["sku-%05d" % rng.randint(1, 24000) for _ in range(n_items)]
    cur = t + rng.uniform(0.003, 0.01)
    bad = [s for s in skus if rng.random() < stale_share(t) * 0.8]
    cur += rng.uniform(0.008, 0.03)
    if bad:
        uv(cur, c["ip"], "POST", "/v1/reservations", 409, "Conflict")
        s = bad[0]
        akka(c, cur + 0.001, "WARN", "akka://checkout/user/reservation-router/$%s" % rid(2),
             "reservation rejected for %s %s: inventory-svc responded 409 Conflict "
             "{\"error\":\"insufficient_stock\",\"sku\":\"%s\",\"available\":0,\"requested\":%d}" % (
                 oid, s, s, rng.randint(1, 3)))
        akka(c, cur + 0.002, "ERROR", "akka://checkout/user/checkout-flow/%s" % oid,
             "checkout %s failed: ReservationRejected(%s,insufficient_stock)" % (oid, s))
        return 409, cur - t
    uv(cur, c["ip"], "POST", "/v1/reservations", 201, "Created")
    cur += rng.uniform(0.12, 0.45)
    akka(c, cur, "INFO", "akka://checkout/user/checkout-flow/%s" % oid, "checkout %s completed: %d items" % (oid, n_items))
    return 201, cur - t


# ------------------------------------------------------------------------------ storefront-api (Go slog JSON)
SF = [{"pod": "storefront-api-69c8b7d5f-" + podsfx(), "log": []} for _ in range(3)]


def slog(p, t, level, msg, **kv):
    d = dt.datetime.fromtimestamp(t, UTC)
    ts = d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%03dZ" % (d.microsecond, rng.randint(0, 999))
    o = {"time": ts, "level": level, "msg": msg}
    o.update(kv)
    p["log"].append((t, json.dumps(o, separators=(",", ":"))))


def sf_rate(t):
    return 2.8 + 4.5 * ramp(t, T_SALE - 20, T_SALE + 60) * (1 - 0.3 * ramp(t, E(11, 45), E(11, 55)))


for t in arrivals(T_START, T_END, sf_rate):
    p = rng.choice(SF)
    x = rng.random()
    if x < 0.13:
        st, dur = checkout(t)
        ms = dur * 1000 + rng.uniform(1, 4)
        if st == 409:
            slog(p, t + ms / 1000.0, "WARN", "checkout rejected", upstream="checkout-svc", status=409,
                 reason="insufficient_stock", path="/api/checkout")
        slog(p, t + ms / 1000.0 + 0.0003, "INFO", "http request", method="POST", path="/api/checkout", status=st,
             dur_ms=round(ms, 2), req_id=hexs(16))
    elif x < 0.75:
        s = "sku-%05d" % rng.randint(1, 24000)
        ms = rng.lognormvariate(1.4, 0.4)
        slog(p, t + ms / 1000.0, "INFO", "http request", method="GET", path="/api/products/" + s, status=200,
             dur_ms=round(ms, 2), req_id=hexs(16), stock_src="projection")
    else:
        path = rng.choice(["/api/cart", "/api/campaigns/spring-sale", "/api/search?q=%s" % rng.choice(
            ["sneaker", "hoodie", "cap", "jacket", "socks"]), "/api/session"])
        ms = rng.lognormvariate(2.0, 0.5)
        slog(p, t + ms / 1000.0, "INFO", "http request", method="GET", path=path, status=200, dur_ms=round(ms, 2),
             req_id=hexs(16))
for p in SF:
    slog(p, T_FLAG + rng.uniform(0, 2), "INFO", "feature flags refreshed", changed="pdp_urgency_badge",
         value=True, source="flagd")
    for t in arrivals(T_START, T_END, 1 / 60.0):
        slog(p, t, "WARN", "redis: slow command", cmd="MGET", keys=rng.randint(40, 120), dur_ms=rng.randint(50, 140))

for t in arrivals(T_START, T_END, lambda t: 0.6 + 1.2 * ramp(t, T_SALE, T_SALE + 90)):
    uv(t, "10.12.8.%d" % rng.randint(2, 250), "PATCH", "/v1/stock/sku-%05d" % rng.randint(1, 24000), 200, "OK")
for t in arrivals(T_START, T_END, 1 / 5.0):
    uv(t, "10.12.0.%d" % rng.randint(2, 9), "GET", "/healthz", 200, "OK")
for t in arrivals(T_RESYNC, T_RESYNC + 48, 2.0):
    uv(t, PROJ_NEW[0]["ip"], "GET", "/v1/snapshot?page=%d&size=500" % rng.randint(1, 48), 200, "OK")

# ------------------------------------------------------------------------------ write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)


for n in NATS:
    write_lines("messaging/%s/nats-server.log" % n["name"], n["log"])
for p in PROJ + PROJ_NEW:
    write_lines("inventory/%s.log" % p["pod"], p["log"])
for p in INV:
    write_lines("inventory/%s.log" % p["pod"], p["log"])
for c in CHK:
    write_lines("checkout/%s.log" % c["pod"], c["log"])
for p in SF:
    write_lines("storefront/%s.log" % p["pod"], p["log"])
