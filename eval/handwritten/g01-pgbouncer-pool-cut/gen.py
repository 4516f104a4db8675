#!/usr/bin/env python3
"""Generate the logs/ tree for this case. Standard library only, byte-deterministic."""
import datetime as dt
import gzip
import json
import os
import random
import shutil

# The set's shared helpers (ids, arrival times, file writers), kept once in g_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "g_common.py")).read())

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
rng = random.Random(170226)
UTC = dt.timezone.utc


def E(y, mo, d, h, mi, s=0.0):
    return dt.datetime(y, mo, d, h, mi, tzinfo=UTC).timestamp() + s


T_START = E(2026, 2, 17, 13, 35)
T_END = E(2026, 2, 17, 14, 20)
T_CART_DEPLOY = E(2026, 2, 17, 13, 49, 30.5)
T0 = E(2026, 2, 17, 13, 52, 10.4)
T_FIX = E(2026, 2, 17, 14, 9, 48.2)
PGB_SKEW = 74.6


def dtu(t):
    return dt.datetime.fromtimestamp(t, UTC)


def iso_nano(t):
    d = dtu(t)
    ns = int(round((t - int(t)) * 1e9)) % 1000000000
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%09dZ" % ns


def iso_ms(t):
    d = dtu(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def clf(t):
    return dtu(t).strftime("%d/%b/%Y:%H:%M:%S +0000")


def hexid(bits):
    return "%0*x" % (bits // 4, rng.getrandbits(bits))


ALNUM = "0123456789abcdefghjkmnpqrstvwxyz"


def arrivals(start, end, rate):
    t = start
    while True:
        t += rng.expovariate(rate(t))
        if t >= end:
            return
        yield t


def ramp(t, a, b):
    if t <= a:
        return 0.0
    if t >= b:
        return 1.0
    return (t - a) / (b - a)


def severity(t):
    """Share of DB work that cannot get a server connection in time."""
    if t < T0 + 6:
        return 0.0
    up = 0.18 + 0.42 * ramp(t, T0 + 6, T0 + 150) + 0.15 * ramp(t, T0 + 150, T0 + 420)
    if t >= T_FIX:
        up *= 1.0 - ramp(t, T_FIX + 2, T_FIX + 45)
    return up


def reject_share(t):
    if t < T0 + 95 or t > T_FIX + 20:
        return 0.0
    return 0.35 * ramp(t, T0 + 95, T0 + 300)


# ---------------------------------------------------------------- tasks / ips
ORDERS_TASKS = [(hexid(128), "10.20.8.%d" % n) for n in (17, 23, 41, 56, 88, 102)]
CART_OLD = [(hexid(128), "10.20.9.%d" % n) for n in (12, 30, 77, 140)]
CART_NEW = [(hexid(128), "10.20.9.%d" % n) for n in (19, 64, 151, 203)]
INV_TASKS = [(hexid(128), "10.20.10.%d" % n) for n in (8, 91)]
GW_CLIENTS = ["10.0.1.%d" % n for n in (12, 13, 14)]
CATALOG_IPS = ["10.20.11.%d" % n for n in (5, 6, 7)]
AUTH_IPS = ["10.20.12.%d" % n for n in (20, 21)]

UAS = [
    "Shopfront/5.14.2 (iPhone; iOS 17.3; Scale/3.00)",
    "Shopfront/5.14.1 (iPhone; iOS 17.2.1; Scale/3.00)",
    "okhttp/4.12.0",
    "Shopfront-Android/5.14.2 (Pixel 7; Android 14)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
]


def cart_tasks_at(t):
    if t < T_CART_DEPLOY + 35:
        return CART_OLD
    if t < T_CART_DEPLOY + 95:
        return CART_OLD + CART_NEW
    return CART_NEW


# ---------------------------------------------------------------- sinks
orders_ev = []
cart_ev = {}
inv_ev = []
gw_lines = []
gw_err = []
pgb = []


def slog(t, level, msg, **kv):
    d = {"time": iso_nano(t), "level": level, "msg": msg}
    d.update(kv)
    return json.dumps(d, separators=(",", ":"))


PGX_TIMEOUT = "timeout: context deadline exceeded"


def pgx_reject(db, user):
    return ("failed to connect to `host=pgbouncer.prod.internal user=%s database=%s`: server error "
            "(ERROR: no more connections allowed (max_client_conn) (SQLSTATE 08P01))" % (user, db))


def pgaddr():
    return "0x55%s" % ("%010x" % rng.getrandbits(40))


def pgb_reject(t, ip):
    port = rng.randint(32768, 60999)
    cid = pgaddr()
    pgb.append((t + rng.uniform(-0.004, 0.0), "WARNING C-%s: (nodb)/(nouser)@%s:%d pooler error: "
                "no more connections allowed (max_client_conn)" % (cid, ip, port)))
    pgb.append((t + 0.0001, "LOG C-%s: (nodb)/(nouser)@%s:%d closing because: "
                "no more connections allowed (max_client_conn) (age=0s)" % (cid, ip, port)))


def db_call(t, base_ms, timeout_ms, db, user, ip):
    """Returns (outcome, ms). outcome in ok|timeout|reject"""
    s = severity(t)
    r = reject_share(t)
    if r and rng.random() < r * s:
        pgb_reject(t, ip)
        return "reject", rng.uniform(0.6, 3.5)
    if s and rng.random() < s:
        return "timeout", timeout_ms + rng.uniform(0.2, 9.0)
    ms = base_ms * rng.lognormvariate(0, 0.45)
    if s:
        ms += rng.expovariate(1.0 / (50 + 900 * s))
        if ms > timeout_ms:
            return "timeout", timeout_ms + rng.uniform(0.2, 9.0)
    return "ok", ms


# ---------------------------------------------------------------- gateway + apps
ORDER_PATHS = [("GET", "/v1/orders", 0.34), ("GET", "/v1/orders/{id}", 0.38),
               ("POST", "/v1/orders", 0.16), ("GET", "/v1/orders/{id}/tracking", 0.12)]
CART_PATHS = [("GET", "/v1/cart", 0.55), ("POST", "/v1/cart/items", 0.25),
              ("DELETE", "/v1/cart/items/{sku}", 0.08), ("PUT", "/v1/cart/items/{sku}", 0.12)]
OTHER_PATHS = [("GET", "/v1/products/{sku}", 0.5), ("GET", "/v1/search", 0.35),
               ("POST", "/v1/auth/refresh", 0.15)]


def pick(choices):
    x = rng.random()
    acc = 0.0
    for c in choices:
        acc += c[-1]
        if x < acc:
            return c
    return choices[-1]


def sku():
    return "SKU-%05d" % rng.randint(1, 48000)


def gw_rate(t):
    return 5.2 + 0.6 * ((t - T_START) / 2700.0)


def handle_orders(t, method, path, req_id):
    task, ip = rng.choice(ORDERS_TASKS)
    stream = "ecs/orders-api/" + task
    user = "usr_" + rid(8)
    if method == "POST":
        ops = [("orders.Create", 22.0, 3000.0)]
    elif path.endswith("tracking"):
        ops = [("orders.GetByID", 6.0, 2000.0), ("shipments.ByOrder", 9.0, 2000.0)]
    elif path == "/v1/orders":
        ops = [("orders.ListByUser", 14.0, 2000.0)]
    else:
        ops = [("orders.GetByID", 6.0, 2000.0)]
    total = rng.uniform(0.4, 2.0)
    status = 200 if method == "GET" else 201
    cur = t
    for op, base, tmo in ops:
        attempts = 2 if method == "POST" else 1
        for att in range(attempts):
            outcome, ms = db_call(cur, base, tmo, "orders", "orders_app", ip)
            cur += ms / 1000.0
            total += ms
            if outcome == "ok":
                status = status
                break
            err = PGX_TIMEOUT if outcome == "timeout" else pgx_reject("orders", "orders_app")
            if att + 1 < attempts:
                orders_ev.append((cur, stream, slog(cur, "WARN", "retrying query", op=op, attempt=att + 1,
                                                      err=err, req_id=req_id)))
                continue
            orders_ev.append((cur, stream, slog(cur, "ERROR", "db query failed", op=op, err=err,
                                                  dur_ms=round(ms, 2), req_id=req_id, user_id=user)))
            status = 503 if outcome == "reject" else 500
        if status >= 500:
            break
    total += rng.uniform(0.3, 1.5)
    end = t + total / 1000.0
    gw_timeout = total > 5000.0
    if gw_timeout:
        end_gw = t + 5.0 + rng.uniform(0.0005, 0.003)
        orders_ev.append((end, stream, slog(end, "WARN", "write response", err="write tcp %s:8080->%s:%d: "
                                                "write: broken pipe" % (ip, rng.choice(GW_CLIENTS), rng.randint(33000, 60000)),
                                                req_id=req_id)))
    orders_ev.append((end, stream, slog(end, "INFO" if status < 500 else "ERROR", "request", method=method,
                                          path=path, status=status, dur_ms=round(total, 2), req_id=req_id,
                                          remote="10.0.1.%d" % rng.choice((12, 13, 14)))))
    if gw_timeout:
        return ip, 504, 5.0, None
    return ip, status, total / 1000.0, None


def handle_cart(t, method, path, req_id):
    task, ip = rng.choice(cart_tasks_at(t))
    stream = "ecs/cart-api/" + task
    total = rng.uniform(0.3, 1.2)
    status = 200
    if method == "GET":
        if rng.random() < 0.12:
            outcome, ms = db_call(t, 7.0, 1500.0, "cart", "cart_app", ip)
        else:
            outcome, ms = "ok", rng.uniform(0.6, 3.0)
    else:
        outcome, ms = db_call(t, 11.0, 1500.0, "cart", "cart_app", ip)
    total += ms
    end = t + total / 1000.0
    if outcome != "ok":
        err = PGX_TIMEOUT if outcome == "timeout" else pgx_reject("cart", "cart_app")
        cart_ev.setdefault(stream, []).append((end, slog(end, "ERROR", "store: exec failed", err=err,
                                                        req_id=req_id, method=method, path=path)))
        status = 500
    if method == "POST" and status == 200:
        status = 201
    if rng.random() < 0.5 or status >= 500:
        cart_ev.setdefault(stream, []).append((end + 0.0002, slog(end + 0.0002, "INFO" if status < 500 else "WARN",
                                                                 "http request", method=method, path=path,
                                                                 status=status, latency=("%.3fms" % total),
                                                                 request_id=req_id)))
    return ip, status, total / 1000.0, None


def handle_other(t, method, path, req_id):
    if path.startswith("/v1/auth"):
        ip = rng.choice(AUTH_IPS)
        ms = rng.uniform(18, 60)
        st = 200 if rng.random() > 0.03 else 401
    else:
        ip = rng.choice(CATALOG_IPS)
        ms = rng.lognormvariate(3.0, 0.5)
        st = 200 if rng.random() > 0.02 else 404
    return ip, st, ms / 1000.0, None


for t in arrivals(T_START, T_END, gw_rate):
    x = rng.random()
    req_id = hexid(64)
    if x < 0.42:
        method, path, _ = pick(ORDER_PATHS)
        path = path.replace("{id}", "ord_" + rid(10))
        ip, st, dur, _ = handle_orders(t, method, path, req_id)
    elif x < 0.70:
        method, path, _ = pick(CART_PATHS)
        path = path.replace("{sku}", sku())
        ip, st, dur, _ = handle_cart(t, method, path, req_id)
    else:
        method, path, _ = pick(OTHER_PATHS)
        path = path.replace("{sku}", sku())
        if path == "/v1/search":
            path += "?q=%s&page=%d" % (rng.choice(["sneakers", "rain+jacket", "linen+shirt", "backpack",
                                                   "running", "wool+socks", "kids+boots"]), rng.randint(1, 4))
        ip, st, dur, _ = handle_other(t, method, path, req_id)
    client = "%d.%d.%d.%d" % (rng.choice((81, 92, 176, 185, 212, 88)), rng.randint(0, 255),
                              rng.randint(0, 255), rng.randint(1, 254))
    ups = dur
    req_time = dur + rng.uniform(0.0004, 0.0025)
    if st == 504:
        line_err = ('%s [error] %d#%d: *%d upstream timed out (110: Connection timed out) while reading response '
                    'header from upstream, client: %s, server: _, request: "%s %s HTTP/1.1", upstream: '
                    '"http://%s:8080%s", host: "api.shopfront.io"')
        wk = rng.choice((44, 45, 46, 47))
        tt = t + 5.0
        gw_err.append((tt, line_err % (dtu(tt).strftime("%Y/%m/%d %H:%M:%S"), wk, wk, rng.randint(2000000, 9000000),
                                      client, method, path.split("?")[0], ip, path.split("?")[0])))
        ups_s = "5.001"
    else:
        ups_s = "%.3f" % ups
    size = rng.randint(80, 240) if st >= 400 else rng.randint(300, 14000)
    host = "api.shopfront.io"
    line = '%s - - [%s] %s "%s %s HTTP/1.1" %d %d %.3f "-" "%s" %s:8080 %d %s "http://%s:8080%s"' % (
        client, clf(t + req_time), host, method, path, st, size, req_time, rng.choice(UAS), ip, st, ups_s,
        ip, path)
    gw_lines.append((t + req_time, line))

# ---------------------------------------------------------------- inventory-worker
inv_tasks = INV_TASKS
for t in arrivals(T_START, T_END, lambda t: 0.55):
    task, ip = rng.choice(inv_tasks)
    stream = "ecs/inventory-worker/" + task
    batch = rng.randint(40, 250)
    outcome, ms = db_call(t, 35.0, 5000.0, "inventory", "inventory_app", ip)
    end = t + ms / 1000.0
    if outcome == "ok":
        inv_ev.append((end, stream, slog(end, "INFO", "stock sync batch applied", batch=batch,
                                         dur_ms=round(ms, 1), supplier=rng.choice(["acme", "northwind", "kestrel"]))))
    else:
        err = ("acquire conn: " + PGX_TIMEOUT) if outcome == "timeout" else pgx_reject("inventory", "inventory_app")
        inv_ev.append((end, stream, slog(end, "ERROR", "stock sync batch failed", batch=batch, err=err,
                                         will_retry=True)))
    if rng.random() < 0.08:
        tt = t + rng.uniform(0.01, 0.5)
        inv_ev.append((tt, stream, slog(tt, "WARN", "supplier feed fetch failed", supplier="kestrel",
                                        url="https://feeds.kestrel-supply.com/v2/stock.csv",
                                        err="unexpected status 502 Bad Gateway", attempt=rng.randint(1, 3))))
    if rng.random() < 0.015:
        tt = t + rng.uniform(0.01, 0.5)
        inv_ev.append((tt, stream, slog(tt, "ERROR", "publish stock event", subject="stock.changed",
                                        err="nats: timeout")))

# ---------------------------------------------------------------- service start-up lines (cart deploy)
for i, (task, ip) in enumerate(CART_NEW):
    t = T_CART_DEPLOY + 2.0 + i * 1.7 + rng.uniform(0, 0.4)
    s = "ecs/cart-api/" + task
    ev = cart_ev.setdefault(s, [])
    ev.append((t, slog(t, "INFO", "starting cart-api", version="2026.02.17-2", commit="9c41e7d", go="go1.22.0")))
    ev.append((t + 0.011, slog(t + 0.011, "WARN", "config: CART_TTL is deprecated, use CART_ITEM_TTL")))
    ev.append((t + 0.09, slog(t + 0.09, "INFO", "db pool ready", host="pgbouncer.prod.internal", port=6432,
                              database="cart", max_conns=40)))
    ev.append((t + 0.12, slog(t + 0.12, "INFO", "redis connected", addr="cart-cache.prod.internal:6379")))
    ev.append((t + 0.13, slog(t + 0.13, "INFO", "listening", addr=":8080")))
for i, (task, ip) in enumerate(CART_OLD):
    t = T_CART_DEPLOY + 96.0 + i * 0.9
    s = "ecs/cart-api/" + task
    ev = cart_ev.setdefault(s, [])
    ev.append((t, slog(t, "INFO", "received signal, shutting down", signal="terminated")))
    ev.append((t + 0.4, slog(t + 0.4, "INFO", "server stopped")))

# ---------------------------------------------------------------- pgbouncer own log
PGB_PID = 2187
t = T_START - 23.0
st_i = 0
while t < T_END:
    s = severity(t)
    xacts = int(rng.uniform(140, 175) * (1 - 0.55 * s))
    queries = int(xacts * rng.uniform(1.9, 2.2))
    wait = int(rng.uniform(8, 60) if s == 0 else rng.uniform(0.6, 1.2) * 1800000 * s)
    xact_us = int(rng.uniform(2100, 2900) * (1 + 0.4 * s))
    q_us = int(rng.uniform(900, 1300) * (1 + 0.4 * s))
    pgb.append((t, "LOG stats: %d xacts/s, %d queries/s, %d client parses/s, %d server parses/s, %d binds/s, "
                   "in %d B/s, out %d B/s, xact %d us, query %d us, wait %d us" % (
                       xacts, queries, 0, 0, 0, queries * rng.randint(170, 210), queries * rng.randint(600, 900),
                       xact_us, q_us, wait)))
    t += 60.0
pgb.append((T0, "LOG got SIGHUP, re-reading config"))
pgb.append((T_FIX, "LOG got SIGHUP, re-reading config"))
t = T_START + 41.0
while t < T_END:
    cid, cport = pgaddr(), rng.randint(40000, 60000)
    pgb.append((t, "WARNING C-%s: pgbouncer/datadog@10.20.3.9:%d pooler error: password authentication failed" % (
        cid, cport)))
    pgb.append((t + 0.0004, "LOG C-%s: pgbouncer/datadog@10.20.3.9:%d closing because: password authentication "
                            "failed (age=0s)" % (cid, cport)))
    t += 15.0 + rng.uniform(-0.05, 0.05)

# ---------------------------------------------------------------- ECS service events
ecs_events = []


def ecs_event(t, msg):
    ecs_events.append({"id": "%s-%s-%s-%s-%s" % (hexid(32), hexid(16), hexid(16), hexid(16), hexid(48)),
                       "createdAt": dtu(t).strftime("%Y-%m-%dT%H:%M:%S.") + "%06d+00:00" % dtu(t).microsecond,
                       "message": msg, "_t": t})


ecs_event(T_START - 3 * 3600 - 11.2, "(service cart-api) has reached a steady state.")
ecs_event(T_START - 6 * 3600 + 3.9, "(service orders-api) has reached a steady state.")
ecs_event(T_START - 6 * 3600 + 2.1, "(service inventory-worker) has reached a steady state.")
ecs_event(T_CART_DEPLOY, "(service cart-api) has started 4 tasks: %s." % " ".join(
    "(task %s)" % k for k, _ in CART_NEW))
ecs_event(T_CART_DEPLOY + 58.3, "(service cart-api) registered 4 targets in (target-group arn:aws:elasticloadbalancing:"
                                "eu-west-1:418273640192:targetgroup/cart-api-tg/6d0ecf831eec9f09)")
ecs_event(T_CART_DEPLOY + 94.0, "(service cart-api) has begun draining connections on 4 tasks.")
ecs_event(T_CART_DEPLOY + 94.1, "(service cart-api) deregistered 4 targets in (target-group arn:aws:elasticloadbalancing:"
                                "eu-west-1:418273640192:targetgroup/cart-api-tg/6d0ecf831eec9f09)")
ecs_event(T_CART_DEPLOY + 131.0, "(service cart-api) has stopped 4 running tasks: %s." % " ".join(
    "(task %s)" % k for k, _ in CART_OLD))
ecs_event(T_CART_DEPLOY + 412.7, "(service cart-api) has reached a steady state.")
ecs_event(T_CART_DEPLOY + 412.9, "(service cart-api) (deployment ecs-svc/8823149911830276154) deployment completed.")
ecs_event(T_START + 6 * 3600, "(service orders-api) has reached a steady state.")
ecs_events = [e for e in ecs_events if e["_t"] < T_END + 600]
ecs_events.sort(key=lambda e: -e["_t"])


# ---------------------------------------------------------------- write
def write(path, data, mode="w"):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(full, "wb") as f:
        f.write(data)


if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)

gw_lines.sort(key=lambda x: x[0])
write("apisix/access.log", "".join(l + "\n" for _, l in gw_lines))
gw_err.sort(key=lambda x: x[0])
boot = [(T_START - 3600 * 9 - 3.2, "%s [warn] 1#1: [lua] plugin.lua:246: load_plugin(): plugin [skywalking] is "
                                   "disabled, skip" % dtu(T_START - 3600 * 9 - 3.2).strftime("%Y/%m/%d %H:%M:%S"))]
errs = boot + gw_err
write("apisix/error.log", "".join(l + "\n" for _, l in errs))

orders_ev.sort(key=lambda x: x[0])
page = 0
for i in range(0, len(orders_ev), 4000):
    page += 1
    chunk = orders_ev[i:i + 4000]
    evs = []
    for (t, stream, msg) in chunk:
        ms = int(t * 1000)
        evs.append({"logStreamName": stream, "timestamp": ms, "message": msg,
                    "ingestionTime": ms + rng.randint(180, 2400), "eventId": "%d" % rng.getrandbits(120)})
    doc = {"events": evs, "searchedLogStreams": [{"logStreamName": "ecs/orders-api/" + k, "searchedCompletely": True}
                                                 for k, _ in ORDERS_TASKS]}
    if i + 4000 < len(orders_ev):
        doc["nextToken"] = "Bxk" + hexid(256) + "/" + hexid(128)
    write("cloudwatch/orders-api/filter-log-events.page%02d.json" % page, json.dumps(doc, indent=4) + "\n")

inv_ev.sort(key=lambda x: x[0])
lines = []
for t, stream, msg in inv_ev:
    d = dtu(t)
    lines.append("%s.%06d+00:00 %s %s\n" % (d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond, stream, msg))
write("cloudwatch/inventory-worker.tail.txt", "".join(lines))

export_id = "%s-%s-%s-%s-%s" % (hexid(32), hexid(16), hexid(16), hexid(16), hexid(48))
for stream in sorted(cart_ev):
    evs = sorted(cart_ev[stream], key=lambda x: x[0])
    body = "".join("%s %s\n" % (iso_ms(t), m) for t, m in evs)
    write("s3-export/exportedlogs/%s/%s/000000.gz" % (export_id, stream), gzip.compress(body.encode(), 6, mtime=0))
write("s3-export/exportedlogs/%s/aws-logs-write-test" % export_id, "Permission Check Successful")

pgb.sort(key=lambda x: x[0])
lines = []
for t, msg in pgb:
    d = dtu(t + PGB_SKEW)
    lines.append("%s.%03d UTC [%d] %s\n" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, PGB_PID, msg))
write("hosts/db-proxy-1/var/log/pgbouncer/pgbouncer.log", "".join(lines))

svc_doc = {"services": [{"serviceName": "cart-api", "clusterArn": "arn:aws:ecs:eu-west-1:418273640192:cluster/shop-prod",
                         "status": "ACTIVE", "desiredCount": 4, "runningCount": 4,
                         "taskDefinition": "arn:aws:ecs:eu-west-1:418273640192:task-definition/cart-api:212",
                         "events": [{k: v for k, v in e.items() if k != "_t"} for e in ecs_events
                                    if "cart-api" in e["message"]]},
                        {"serviceName": "orders-api", "clusterArn": "arn:aws:ecs:eu-west-1:418273640192:cluster/shop-prod",
                         "status": "ACTIVE", "desiredCount": 6, "runningCount": 6,
                         "taskDefinition": "arn:aws:ecs:eu-west-1:418273640192:task-definition/orders-api:388",
                         "events": [{k: v for k, v in e.items() if k != "_t"} for e in ecs_events
                                    if "orders-api" in e["message"]]},
                        {"serviceName": "inventory-worker", "clusterArn": "arn:aws:ecs:eu-west-1:418273640192:cluster/shop-prod",
                         "status": "ACTIVE", "desiredCount": 2, "runningCount": 2,
                         "taskDefinition": "arn:aws:ecs:eu-west-1:418273640192:task-definition/inventory-worker:97",
                         "events": [{k: v for k, v in e.items() if k != "_t"} for e in ecs_events
                                    if "inventory-worker" in e["message"]]}],
           "failures": []}
write("ecs/describe-services.json", json.dumps(svc_doc, indent=4) + "\n")
