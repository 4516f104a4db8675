#!/usr/bin/env python3
"""c01: MongoDB primary step-down / election flapping (priority takeover loop).
Go slog JSON services, MongoDB 4.4+ structured logs, Kubernetes events (JSON lines).
Layout: one file per service/pod under logs/. Deterministic (fixed seed)."""
import datetime as dt, json, os, random, shutil, itertools

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "logs")
R = random.Random(1701)
BASE = dt.datetime(2026, 3, 17, 9, 40, 0, tzinfo=dt.timezone.utc)
END = 1710.0          # 10:08:30
SEQ = itertools.count()
FILES = {}

def T(s): return BASE + dt.timedelta(microseconds=int(round(s * 1e6)))
def ms(s): t = T(s); return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
def mongo_ts(s): t = T(s); return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d+00:00" % (t.microsecond // 1000)
def emit(f, s, text): FILES.setdefault(f, []).append((s, next(SEQ), text))
def hexid(n): return "".join(R.choice("0123456789abcdef") for _ in range(n))
def j(d): return json.dumps(d, separators=(",", ":"), ensure_ascii=False)

def slog(f, s, level, msg, **kv):
    d = {"time": ms(s), "level": level, "msg": msg}
    d.update(kv)
    emit(f, s, j(d))

# ---------------------------------------------------------------- mongo model
M = ["orders-mongo-0", "orders-mongo-1", "orders-mongo-2"]
HOST = {m: f"{m}.orders-mongo.data.svc.cluster.local:27017" for m in M}
IP = {"orders-mongo-0": "10.42.3.41", "orders-mongo-1": "10.42.5.22", "orders-mongo-2": "10.42.7.30"}
# stall = orders-mongo-0 intermittently unreachable (packet loss on its node)
CYCLES = [  # stall_start, stall_end, elected, term, takeover(time) , rollback ops
    (941.310, 967.8, "orders-mongo-1", 42, 1051.92, 23),
    (1085.204, 1109.4, "orders-mongo-2", 44, 1192.63, 0),
    (1221.877, 1246.9, "orders-mongo-1", 46, 1335.41, 11),
    (1362.015, 1385.2, "orders-mongo-2", 48, None, 0),
]
RECONFIG = 1398.61
LATE_BLIP = (1521.3, 1540.9)   # mongo-0 unreachable again, now priority 0 secondary: no client impact
for c in CYCLES:
    pass
ELECT = []   # (elect_time, winner, term, stepdown_old_time)
for (S, E_, win, term, tk, rb) in CYCLES:
    e = S + 10.0 + R.uniform(0.25, 1.3)
    ELECT.append((S, E_, e, win, term, tk, rb))

def primary_at(s):
    p = "orders-mongo-0"
    for (S, E_, e, win, term, tk, rb) in ELECT:
        if s >= e: p = win
        if tk and s >= tk + 0.2: p = "orders-mongo-0"
    return p

def write_outcome(ts, timeout):
    """returns (ok, latency, err) for an op routed to the primary (Go driver, retryWrites)."""
    for (S, E_, e, win, term, tk, rb) in ELECT:
        U = S + 4.1           # driver marks orders-mongo-0 Unknown (heartbeat check times out)
        disc = e + 0.55       # driver discovers the new primary
        if S <= ts < U:
            if disc < ts + timeout and ts >= disc - 0.3:
                return True, disc - ts + 0.02, None
            return False, timeout, "hdr"
        if U <= ts < disc:
            if disc < ts + timeout:
                return True, disc - ts + R.uniform(0.004, 0.02), None
            return False, timeout, "sel"
        if tk and tk - 0.05 <= ts < tk + 0.45:
            if R.random() < 0.3:
                return False, R.uniform(0.3, 0.6), "nwp"
            return True, R.uniform(0.35, 0.7), None
    return True, R.uniform(0.004, 0.018), None

def read_outcome(ts, timeout):
    for (S, E_, e, win, term, tk, rb) in ELECT:
        U = S + 4.1
        if S <= ts < U:
            return False, timeout, "hdr"
    return True, R.uniform(0.002, 0.009), None

def topo_str(primary_known):
    servers = []
    for m in M:
        if m == "orders-mongo-0":
            servers.append(f"{{ Addr: {HOST[m]}, Type: Unknown, Last error: dial tcp {IP[m]}:27017: i/o timeout }}")
        else:
            servers.append(f"{{ Addr: {HOST[m]}, Type: RSSecondary, Average RTT: {R.randint(600, 1400)}µs }}")
    return "{ Type: ReplicaSetNoPrimary, Servers: [" + ", ".join(servers) + ", ] }"

# ---------------------------------------------------------------- pods
PODS = {
    "edge-gateway": ["edge-gateway-7c9d5b6f4-xk2lp", "edge-gateway-7c9d5b6f4-m8q4z"],
    "storefront-bff": ["storefront-bff-6b7d9c8f5-2hxwq", "storefront-bff-6b7d9c8f5-p9lkt"],
    "order-service": ["order-service-85d6f7b9c-4tz8n", "order-service-85d6f7b9c-w2r6j", "order-service-85d6f7b9c-c7v5s"],
    "payment-service": ["payment-service-5b9c7d6f8-r4k2d", "payment-service-5b9c7d6f8-j6n8x"],
    "inventory-service": ["inventory-service-66f8d7c9b-t5m3q", "inventory-service-66f8d7c9b-v7b2n"],
    "recommendation-service": ["recommendation-service-7d5c9b8f6-z8w4k"],
    "notification-worker": ["notification-worker-5c8f9d7b6-hq3mz"],
}
CART_OLD = ["cart-service-7f6c5d9b8-lq9zt", "cart-service-7f6c5d9b8-g2k5r"]
CART_NEW = ["cart-service-6d9f7c8b5d-q7x2m", "cart-service-6d9f7c8b5d-b4n9c"]
CART_SWITCH = [652.4, 671.9]   # new pods ready; old pods terminated at these times

def pod(svc): return R.choice(PODS[svc])
def cart_pod(s):
    ready = [CART_NEW[i] for i in range(2) if s >= CART_SWITCH[i]]
    old = [CART_OLD[i] for i in range(2) if s < CART_SWITCH[i] + 1.0]
    return R.choice(ready + old)

F = {k: f"{k}.log" for k in list(PODS) + ["cart-service"]}
K8S = "k8s-events.jsonl"

def upstream(name, port=8080): return f"http://{name}.shop.svc.cluster.local:{port}"

# ---------------------------------------------------------------- traffic
orders_known = []
def gw(s, method, path, status, dur, rid, ua):
    lvl = "INFO" if status < 500 else "ERROR"
    slog(F["edge-gateway"], s + dur, lvl, "request", pod=pod("edge-gateway"), request_id=rid,
         method=method, path=path, status=status, duration_ms=round(dur * 1000, 1),
         upstream="storefront-bff", bytes=R.randint(180, 5400) if status < 400 else R.randint(60, 140),
         remote_ip=f"100.64.{R.randint(0,40)}.{R.randint(2,250)}", user_agent=ua)

UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 19_1 like Mac OS X) AppleWebKit/605.1.15", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/141.0",
       "ShopApp/7.12.0 (Android 15)", "ShopApp/7.12.1 (iOS 19.0)", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) Safari/605.1.15"]

def order_create(t0, rid, trace):
    # gateway -> bff -> order-service
    bp = pod("storefront-bff"); op = pod("order-service")
    t = t0 + R.uniform(0.001, 0.003)
    t_os = t + R.uniform(0.001, 0.004)
    user = f"u_{R.randint(10000, 99999)}"
    inv = R.uniform(0.012, 0.045); pay = R.uniform(0.08, 0.26)
    slog(F["inventory-service"], t_os + inv, "INFO", "reservation created", pod=pod("inventory-service"),
         trace_id=trace, sku_count=R.randint(1, 4), duration_ms=round(inv * 1000, 1))
    auth = "auth_" + hexid(12)
    pp = pod("payment-service")
    slog(F["payment-service"], t_os + inv + pay, "INFO", "authorization approved", pod=pp, trace_id=trace,
         authorization_id=auth, amount_cents=R.randint(900, 48000), currency="EUR", psp="adyen", duration_ms=round(pay * 1000, 1))
    tw = t_os + inv + pay + 0.002
    ok, lat, err = write_outcome(tw, 3.0)
    oid = "ord_" + hexid(16)
    if ok:
        tend = tw + lat
        lvl = "WARN" if lat > 0.5 else "INFO"
        if lvl == "WARN":
            slog(F["order-service"], tend, "WARN", "slow mongo write", pod=op, trace_id=trace, collection="orders.orders",
                 op="insert", duration_ms=round(lat * 1000, 1), threshold_ms=500)
        slog(F["order-service"], tend + 0.0005, "INFO", "order created", pod=op, trace_id=trace, order_id=oid, user_id=user,
             duration_ms=round((tend - t_os) * 1000, 1))
        orders_known.append((tend, oid))
        d = tend - t0 + R.uniform(0.002, 0.006)
        slog(F["storefront-bff"], t0 + d - 0.001, "INFO", "checkout completed", pod=bp, request_id=rid, trace_id=trace,
             order_id=oid, duration_ms=round((d - 0.001) * 1000, 1))
        gw(t0, "POST", "/api/v1/checkout", 201, d + 0.001, rid, R.choice(UAS))
        return
    tend = tw + lat
    conn = R.randint(900, 2400)
    if err == "hdr":
        emsg = f"connection({HOST['orders-mongo-0']}[-{conn}]) incomplete read of message header: context deadline exceeded"
    elif err == "sel":
        emsg = "server selection error: context deadline exceeded, current topology: " + topo_str(False)
    else:
        old = [w for (S, E_, e, w, term, tk, rb) in ELECT if tk and tk - 0.05 <= tw < tk + 0.45][0]
        emsg = f"(NotWritablePrimary) not primary"
    slog(F["order-service"], tend, "ERROR", "persist order failed", pod=op, trace_id=trace, order_id=oid,
         collection="orders.orders", error=emsg, duration_ms=round(lat * 1000, 1))
    slog(F["order-service"], tend + 0.001, "WARN", "voiding payment authorization after persist failure", pod=op,
         trace_id=trace, authorization_id=auth)
    slog(F["payment-service"], tend + R.uniform(0.06, 0.14), "INFO", "authorization voided", pod=pp, trace_id=trace,
         authorization_id=auth, reason="merchant_cancel")
    slog(F["order-service"], tend + 0.002, "ERROR", "request failed", pod=op, trace_id=trace, method="POST",
         path="/v1/orders", status=503, duration_ms=round((tend - t_os) * 1000, 1))
    d = tend - t0 + R.uniform(0.003, 0.007)
    slog(F["storefront-bff"], t0 + d - 0.001, "ERROR", "upstream call failed", pod=bp, request_id=rid, trace_id=trace,
         upstream="order-service", url=upstream("order-service") + "/v1/orders", status=503,
         duration_ms=round((d - 0.002) * 1000, 1), attempt=1, retryable=False)
    gw(t0, "POST", "/api/v1/checkout", 502, d + 0.001, rid, R.choice(UAS))

def order_get(t0, rid, trace):
    bp = pod("storefront-bff"); op = pod("order-service")
    past = [o for (tt, o) in orders_known[-400:] if tt < t0]
    oid = R.choice(past) if past else "ord_" + hexid(16)
    attempt = 1; t = t0 + 0.002; total = 0
    while True:
        ok, lat, err = read_outcome(t, 2.0)
        if ok:
            slog(F["order-service"], t + lat + 0.001, "DEBUG" if False else "INFO", "order fetched", pod=op, trace_id=trace,
                 order_id=oid, duration_ms=round(lat * 1000 + 1.2, 1))
            d = t + lat + R.uniform(0.003, 0.006) - t0
            gw(t0, "GET", f"/api/v1/orders/{oid}", 200, d, rid, R.choice(UAS))
            return
        conn = R.randint(900, 2400)
        slog(F["order-service"], t + lat, "ERROR", "find order failed", pod=op, trace_id=trace, order_id=oid,
             collection="orders.orders", read_preference="primaryPreferred",
             error=f"connection({HOST['orders-mongo-0']}[-{conn}]) incomplete read of message header: context deadline exceeded",
             duration_ms=round(lat * 1000, 1))
        slog(F["order-service"], t + lat + 0.001, "ERROR", "request failed", pod=op, trace_id=trace, method="GET",
             path=f"/v1/orders/{oid}", status=503, duration_ms=round(lat * 1000 + 0.8, 1))
        slog(F["storefront-bff"], t + lat + 0.003, "WARN" if attempt == 1 else "ERROR",
             "upstream call failed" + (", retrying" if attempt == 1 else ""), pod=bp, request_id=rid, trace_id=trace,
             upstream="order-service", url=upstream("order-service") + f"/v1/orders/{oid}", status=503,
             duration_ms=round(lat * 1000 + 2.5, 1), attempt=attempt, retryable=True)
        if attempt == 2:
            gw(t0, "GET", f"/api/v1/orders/{oid}", 502, t + lat + 0.005 - t0, rid, R.choice(UAS))
            return
        attempt = 2; t = t + lat + 0.1

def products(t0, rid, trace):
    rp = pod("recommendation-service"); ip = pod("inventory-service")
    d1 = R.uniform(0.01, 0.05)
    slog(F["inventory-service"], t0 + d1, "INFO", "stock lookup", pod=ip, trace_id=trace, skus=R.randint(4, 24),
         duration_ms=round(d1 * 1000, 1))
    status = 200
    if R.random() < 0.35:
        d2 = R.uniform(0.02, 0.09)
        slog(F["recommendation-service"], t0 + d2, "INFO", "recommendations served", pod=rp, trace_id=trace,
             model="two-tower-v14", items=12, duration_ms=round(d2 * 1000, 1))
    d = max(d1, 0.02) + R.uniform(0.005, 0.02)
    path = R.choice(["/api/v1/products?category=shoes", "/api/v1/products?category=outerwear", "/api/v1/products/search?q=linen",
                     f"/api/v1/products/p{R.randint(10000,99999)}", "/api/v1/products?category=accessories&page=2"])
    gw(t0, "GET", path, status, d, rid, R.choice(UAS))

def cart(t0, rid, trace):
    cp = cart_pod(t0)
    d = R.uniform(0.006, 0.03)
    meth = R.choice(["GET", "GET", "POST", "DELETE"])
    msgs = {"GET": "cart loaded", "POST": "item added", "DELETE": "item removed"}
    slog(F["cart-service"], t0 + d, "INFO", msgs[meth], pod=cp, trace_id=trace, cart_id="c_" + hexid(10),
         items=R.randint(0, 7), duration_ms=round(d * 1000, 1))
    gw(t0, meth, "/api/v1/cart" + ("/items" if meth != "GET" else ""), 200 if meth != "POST" else 201,
       d + R.uniform(0.003, 0.01), rid, R.choice(UAS))

def health(t0):
    gw(t0, "GET", "/healthz", 200, R.uniform(0.0004, 0.0012), "-", "kube-probe/1.30")

t = 0.0
while t < END:
    t += R.expovariate(4.3)
    if t >= END: break
    rid = hexid(16); trace = hexid(32)
    x = R.random()
    if x < 0.20: order_create(t, rid, trace)
    elif x < 0.33: order_get(t, rid, trace)
    elif x < 0.70: products(t, rid, trace)
    else: cart(t, rid, trace)

# gateway health noise every 10s per pod
for p in PODS["edge-gateway"]:
    s = R.uniform(0, 10)
    while s < END:
        slog(F["edge-gateway"], s, "INFO", "request", pod=p, request_id="-", method="GET", path="/healthz", status=200,
             duration_ms=round(R.uniform(0.2, 0.9), 2), upstream="-", bytes=2, remote_ip="10.42.0.1", user_agent="kube-probe/1.30")
        s += 10.0

# pre-existing unrelated errors: recommendation feature-store timeouts at steady rate
s = R.uniform(5, 25)
while s < END:
    slog(F["recommendation-service"], s, "ERROR", "feature store lookup failed, serving fallback", pod=PODS["recommendation-service"][0],
         store="feast-online", error="rpc error: code = DeadlineExceeded desc = context deadline exceeded", timeout_ms=80)
    s += R.uniform(14, 30)
# payment: steady declines (warn)
s = R.uniform(3, 20)
while s < END:
    slog(F["payment-service"], s, "WARN", "authorization declined", pod=pod("payment-service"), psp="adyen",
         refusal_reason=R.choice(["Refused", "Not enough balance", "CVC Declined", "Expired Card"]), trace_id=hexid(32))
    s += R.uniform(20, 60)

# ---------------------------------------------------------------- notification worker (change stream)
nw = PODS["notification-worker"][0]
pending = sorted(orders_known)
for (tt, oid) in pending:
    lag = R.uniform(0.02, 0.12)
    for (S, E_, e, win, term, tk, rb) in ELECT:
        if S <= tt + lag < e + 1.5:
            lag = (e + 1.5 - tt) + R.uniform(0.05, 0.4)
    slog(F["notification-worker"], tt + lag, "INFO", "order confirmation queued", pod=nw, order_id=oid, channel=R.choice(["email", "email", "push"]))
for (S, E_, e, win, term, tk, rb) in ELECT:
    slog(F["notification-worker"], S + 10.02, "ERROR", "change stream error", pod=nw, collection="orders.orders",
         error=f"connection({HOST['orders-mongo-0']}[-{R.randint(3,40)}]) incomplete read of message header: read tcp 10.42.6.14:{R.randint(40000,60000)}->{IP['orders-mongo-0']}:27017: i/o timeout",
         resumable=True)
    slog(F["notification-worker"], S + 10.03, "WARN", "resuming change stream", pod=nw, collection="orders.orders",
         resume_token="8267" + hexid(36).upper(), backoff_ms=500)
    slog(F["notification-worker"], e + 1.5, "INFO", "change stream resumed", pod=nw, collection="orders.orders", server=HOST[win])
    if tk:
        slog(F["notification-worker"], tk + 0.21, "ERROR", "change stream error", pod=nw, collection="orders.orders",
             error="(InterruptedDueToReplStateChange) operation was interrupted", resumable=True)
        slog(F["notification-worker"], tk + 0.22, "WARN", "resuming change stream", pod=nw, collection="orders.orders",
             resume_token="8267" + hexid(36).upper(), backoff_ms=500)
        slog(F["notification-worker"], tk + 0.85, "INFO", "change stream resumed", pod=nw, collection="orders.orders", server=HOST["orders-mongo-0"])

# ---------------------------------------------------------------- mongo logs
def mlog(m, s, sev, comp, mid, ctx, msg, attr=None):
    d = {"t": {"$date": mongo_ts(s)}, "s": sev, "c": comp, "id": mid, "ctx": ctx, "msg": msg}
    if attr is not None: d["attr"] = attr
    emit(m + ".log", s, j(d))

# background: connections, slow queries
for m in M:
    s = R.uniform(0, 3); conn = {"orders-mongo-0": 88121, "orders-mongo-1": 40222, "orders-mongo-2": 39907}[m]
    while s < END:
        s += R.expovariate(0.22 if m == "orders-mongo-0" else 0.12)
        conn += 1
        ip = f"10.42.{R.randint(1,9)}.{R.randint(2,250)}"
        port = R.randint(30000, 60000)
        mlog(m, s, "I", "NETWORK", 22943, "listener", "Connection accepted",
             {"remote": f"{ip}:{port}", "uuid": f"{hexid(8)}-{hexid(4)}-{hexid(4)}-{hexid(4)}-{hexid(12)}", "connectionId": conn, "connectionCount": R.randint(180, 240)})
        mlog(m, s + 0.002, "I", "NETWORK", 51800, f"conn{conn}", "client metadata",
             {"remote": f"{ip}:{port}", "client": f"conn{conn}", "doc": {"driver": {"name": "mongo-go-driver", "version": "1.17.1"}, "os": {"type": "linux", "architecture": "amd64"}, "platform": "go1.23.4", "application": {"name": R.choice(["order-service", "notification-worker", "order-service"])}}})
        mlog(m, s + R.uniform(30, 200), "I", "NETWORK", 22944, f"conn{conn}", "Connection ended",
             {"remote": f"{ip}:{port}", "uuid": f"{hexid(8)}-{hexid(4)}-{hexid(4)}-{hexid(4)}-{hexid(12)}", "connectionId": conn, "connectionCount": R.randint(180, 240)})
s = R.uniform(5, 40)
while s < END:
    p = primary_at(s)
    mlog(p, s, "I", "COMMAND", 51803, f"conn{R.randint(88000, 99000)}", "Slow query",
         {"type": "command", "ns": "orders.orders", "appName": "order-service", "command": {"aggregate": "orders", "pipeline": [{"$match": {"status": "PENDING_FULFILMENT"}}, {"$sort": {"createdAt": 1}}, {"$limit": 500}], "cursor": {}, "$db": "orders"},
          "planSummary": "IXSCAN { status: 1, createdAt: 1 }", "keysExamined": R.randint(400, 900), "docsExamined": 500, "nreturned": 500,
          "queryHash": "7F1C3A9E", "planCacheKey": "A61D0B22", "reslen": R.randint(380000, 520000), "locks": {"Global": {"acquireCount": {"r": 2}}},
          "readConcern": {"level": "local", "provenance": "implicitDefault"}, "storage": {}, "remote": f"10.42.{R.randint(1,9)}.{R.randint(2,250)}:{R.randint(30000,60000)}", "protocol": "op_msg", "durationMillis": R.randint(105, 260)})
    s += R.uniform(25, 70)

def hb_fail(frm, to, s):
    mlog(frm, s, "I", "REPL_HB", 23974, "ReplCoord-" + str(R.randint(1, 30)), "Heartbeat failed after max retries",
         {"target": HOST[to], "maxHeartbeatRetries": 2,
          "error": {"code": 202, "codeName": "NetworkInterfaceExceededTimeLimit", "errmsg": "Couldn't get a connection within the time limit of 1000ms"}})

def state_change(m, s, old, new):
    mlog(m, s, "I", "REPL", 21358, "ReplCoord-" + str(R.randint(1, 30)), "Replica set state transition", {"newState": new, "oldState": old})

cur_primary = "orders-mongo-0"
for (S, E_, e, win, term, tk, rb) in ELECT:
    other = [m for m in M if m not in ("orders-mongo-0", win)][0]
    # slow ops on mongo-0 while packets are being dropped
    for k in range(3):
        mlog("orders-mongo-0", S + 1.2 + k * 2.7, "W", "COMMAND", 20525, f"conn{R.randint(88000, 99000)}",
             "Failed to gather storage statistics for slow operation", {"opId": R.randint(10**6, 10**7), "error": "lock acquire timeout"})
    mlog("orders-mongo-0", S + 6.4, "I", "COMMAND", 51803, f"conn{R.randint(88000, 99000)}", "Slow query",
         {"type": "command", "ns": "orders.orders", "appName": "order-service", "command": {"insert": "orders", "ordered": True, "writeConcern": {"w": "majority", "wtimeout": 0}, "$db": "orders"},
          "ninserted": 1, "keysInserted": 4, "numYields": 0, "reslen": 230, "writeConcern": {"w": "majority", "wtimeout": 0, "provenance": "clientSupplied"},
          "storage": {}, "remote": f"10.42.{R.randint(1,9)}.{R.randint(2,250)}:{R.randint(30000,60000)}", "protocol": "op_msg", "durationMillis": R.randint(5900, 6400)})
    # heartbeats failing both directions during the partition
    s = S + 2.1
    while s < E_:
        for m in M:
            if m != "orders-mongo-0":
                hb_fail(m, "orders-mongo-0", s + R.uniform(0, 0.4))
                hb_fail("orders-mongo-0", m, s + R.uniform(0, 0.4))
        s += R.uniform(1.9, 2.3)
    # secondaries mark it down
    for m in M:
        if m != "orders-mongo-0":
            mlog(m, S + 2.4 + R.uniform(0, 0.3), "I", "REPL", 21216, "ReplCoord-" + str(R.randint(1, 30)), "Member is in new state",
                 {"hostAndPort": HOST["orders-mongo-0"], "newState": "(not reachable/healthy)"})
    # old primary relinquishes
    d = S + 10.05 + R.uniform(0, 0.1)
    mlog("orders-mongo-0", d, "I", "REPL", 21809, "ReplCoord-7", "Can't see a majority of the set, relinquishing primary", {})
    mlog("orders-mongo-0", d + 0.001, "I", "REPL", 21475, "ReplCoord-7", "Stepping down from primary in response to heartbeat", {})
    mlog("orders-mongo-0", d + 0.003, "I", "REPL", 21343, "RstlKillOpThread", "Starting to kill user operations", {})
    killed = R.randint(20, 48)
    mlog("orders-mongo-0", d + 0.011, "I", "REPL", 21344, "RstlKillOpThread", "Stopped killing user operations", {})
    mlog("orders-mongo-0", d + 0.012, "I", "REPL", 21340, "RstlKillOpThread", "State transition ops metrics",
         {"metrics": {"lastStateTransition": "stepDown", "userOpsKilled": killed, "userOpsRunning": R.randint(40, 90)}})
    state_change("orders-mongo-0", d + 0.014, "PRIMARY", "SECONDARY")
    # election on the winner
    mlog(win, e - 0.21, "I", "ELECTION", 4615652, "ReplCoord-" + str(R.randint(1, 30)),
         "Starting an election, since we've seen no PRIMARY in election timeout period", {"electionTimeoutPeriodMillis": 10000})
    mlog(win, e - 0.2, "I", "ELECTION", 21438, "ReplCoord-" + str(R.randint(1, 30)), "Conducting a dry run election to see if we could be elected", {"currentTerm": term - 1})
    mlog(win, e - 0.12, "I", "ELECTION", 21444, "ReplCoord-" + str(R.randint(1, 30)), "Dry election run succeeded, running for election", {"newTerm": term})
    mlog(other, e - 0.11, "I", "ELECTION", 5972100, "conn" + str(R.randint(1000, 3000)), "Voting for candidate",
         {"candidate": HOST[win], "term": term, "reason": "ok"})
    mlog(win, e, "I", "ELECTION", 21450, "ReplCoord-" + str(R.randint(1, 30)), "Election succeeded, assuming primary role", {"term": term})
    state_change(win, e + 0.001, "SECONDARY", "PRIMARY")
    mlog(win, e + 0.002, "I", "REPL", 21106, "OplogApplier-0", "Resetting sync source to empty", {"previous": HOST[cur_primary]})
    mlog(win, e + 0.004, "I", "REPL", 21359, "ReplCoord-" + str(R.randint(1, 30)), "Entering primary catch-up mode", {})
    mlog(win, e + 0.21, "I", "REPL", 21363, "ReplCoord-" + str(R.randint(1, 30)), "Caught up to the latest optime known via heartbeats", {})
    mlog(win, e + 0.35, "I", "REPL", 21331, "OplogApplier-0", "Transition to primary complete; database writes are now permitted", {})
    mlog(other, e + 0.9, "I", "REPL", 21216, "ReplCoord-" + str(R.randint(1, 30)), "Member is in new state", {"hostAndPort": HOST[win], "newState": "PRIMARY"})
    mlog(other, e + 1.2, "I", "REPL", 21799, "BackgroundSync", "Sync source candidate chosen", {"syncSource": HOST[win]})
    cur_primary = win
    # partition heals: mongo-0 rejoins, maybe rollback
    mlog("orders-mongo-0", E_ + 0.4, "I", "REPL", 21216, "ReplCoord-3", "Member is in new state", {"hostAndPort": HOST[win], "newState": "PRIMARY"})
    for m in M:
        if m != "orders-mongo-0":
            mlog(m, E_ + R.uniform(0.5, 1.5), "I", "REPL", 21216, "ReplCoord-" + str(R.randint(1, 30)), "Member is in new state",
                 {"hostAndPort": HOST["orders-mongo-0"], "newState": "SECONDARY" if not rb else "ROLLBACK"})
    if rb:
        mlog("orders-mongo-0", E_ + 0.8, "I", "REPL", 21088, "BackgroundSync", "Changed sync source", {"oldSyncSource": "empty", "newSyncSource": HOST[win]})
        state_change("orders-mongo-0", E_ + 0.9, "SECONDARY", "ROLLBACK")
        mlog("orders-mongo-0", E_ + 0.91, "I", "ROLLBACK", 21593, "BackgroundSync", "Transition to ROLLBACK", {})
        mlog("orders-mongo-0", E_ + 1.3, "I", "ROLLBACK", 21604, "BackgroundSync", "Rollback common point",
             {"commonPointOpTime": {"ts": {"$timestamp": {"t": int(T(S).timestamp()), "i": 3}}, "t": term - 1}})
        mlog("orders-mongo-0", E_ + 2.8, "I", "ROLLBACK", 21612, "BackgroundSync", "Rollback summary",
             {"startTime": {"$date": mongo_ts(E_ + 0.9)}, "endTime": {"$date": mongo_ts(E_ + 2.8)}, "syncSource": HOST[win],
              "rbid": 3 + term, "lastOptimeRolledBack": {"ts": {"$timestamp": {"t": int(T(S + 9).timestamp()), "i": 1}}, "t": term - 1},
              "commonPoint": {"ts": {"$timestamp": {"t": int(T(S).timestamp()), "i": 3}}, "t": term - 1},
              "totalEntriesRolledBackIncludingNoops": rb, "rollbackDataFileDirectory": "/data/db/rollback/orders.orders",
              "rollbackCommandCounts": {"insert": rb}, "totalNumberOfOpsRolledBack": rb})
        state_change("orders-mongo-0", E_ + 2.85, "ROLLBACK", "SECONDARY")
    else:
        mlog("orders-mongo-0", E_ + 0.8, "I", "REPL", 21799, "BackgroundSync", "Sync source candidate chosen", {"syncSource": HOST[win]})
    # priority takeover
    if tk:
        mlog("orders-mongo-0", tk - 9.6, "I", "REPL", 21413, "ReplCoord-5", "Scheduling priority takeover",
             {"when": {"$date": mongo_ts(tk - 0.05)}})
        mlog("orders-mongo-0", tk - 0.05, "I", "ELECTION", 21416, "ReplCoord-5", "Starting an election for a priority takeover", {})
        mlog("orders-mongo-0", tk - 0.04, "I", "ELECTION", 21438, "ReplCoord-5", "Conducting a dry run election to see if we could be elected", {"currentTerm": term})
        mlog("orders-mongo-0", tk - 0.01, "I", "ELECTION", 21444, "ReplCoord-5", "Dry election run succeeded, running for election", {"newTerm": term + 1})
        mlog(win, tk - 0.005, "I", "REPL", 21402, "ReplCoord-" + str(R.randint(1, 30)), "Stepping down from primary, because a new term has begun", {"term": term + 1})
        mlog(win, tk - 0.004, "I", "REPL", 21343, "RstlKillOpThread", "Starting to kill user operations", {})
        mlog(win, tk + 0.004, "I", "REPL", 21340, "RstlKillOpThread", "State transition ops metrics",
             {"metrics": {"lastStateTransition": "stepDown", "userOpsKilled": R.randint(3, 12), "userOpsRunning": R.randint(40, 90)}})
        state_change(win, tk + 0.005, "PRIMARY", "SECONDARY")
        mlog("orders-mongo-0", tk, "I", "ELECTION", 21450, "ReplCoord-5", "Election succeeded, assuming primary role", {"term": term + 1})
        state_change("orders-mongo-0", tk + 0.001, "SECONDARY", "PRIMARY")
        mlog("orders-mongo-0", tk + 0.18, "I", "REPL", 21331, "OplogApplier-0", "Transition to primary complete; database writes are now permitted", {})
        oth = [m for m in M if m not in ("orders-mongo-0", win)][0]
        mlog(oth, tk + 0.7, "I", "REPL", 21216, "ReplCoord-" + str(R.randint(1, 30)), "Member is in new state", {"hostAndPort": HOST["orders-mongo-0"], "newState": "PRIMARY"})
        cur_primary = "orders-mongo-0"

# operator reconfig: orders-mongo-0 priority 0
newcfg = {"_id": "rs-orders", "version": 19, "term": 48, "members": [
    {"_id": 0, "host": HOST["orders-mongo-0"], "priority": 0, "votes": 1},
    {"_id": 1, "host": HOST["orders-mongo-1"], "priority": 1, "votes": 1},
    {"_id": 2, "host": HOST["orders-mongo-2"], "priority": 1, "votes": 1}], "settings": {"electionTimeoutMillis": 10000, "heartbeatIntervalMillis": 2000}}
mlog("orders-mongo-2", RECONFIG, "I", "REPL", 21352, "conn51877", "replSetReconfig admin command received from client", {"newConfig": newcfg})
for m in M:
    mlog(m, RECONFIG + R.uniform(0.02, 0.6), "I", "REPL", 21392, "ReplCoord-" + str(R.randint(1, 30)), "New replica set config in use",
         {"config": {"_id": "rs-orders", "version": 19, "term": 48}})
s = LATE_BLIP[0] + 2.0
while s < LATE_BLIP[1]:
    for m in ("orders-mongo-1", "orders-mongo-2"):
        hb_fail(m, "orders-mongo-0", s + R.uniform(0, 0.4)); hb_fail("orders-mongo-0", m, s + R.uniform(0, 0.4))
    s += 2.1

# ---------------------------------------------------------------- k8s events
def kev(s, ns, kind, name, reason, msg, typ="Normal", comp="kubelet", host=None, count=1):
    d = {"metadata": {"name": f"{name}.{hexid(16)}", "namespace": ns, "creationTimestamp": T(s).strftime("%Y-%m-%dT%H:%M:%SZ")},
         "involvedObject": {"kind": kind, "namespace": ns, "name": name, "apiVersion": "v1" if kind == "Pod" else "apps/v1"},
         "reason": reason, "message": msg, "source": {"component": comp, **({"host": host} if host else {})},
         "firstTimestamp": T(s).strftime("%Y-%m-%dT%H:%M:%SZ"), "lastTimestamp": T(s).strftime("%Y-%m-%dT%H:%M:%SZ"),
         "count": count, "type": typ}
    emit(K8S, s, j(d))

# red herring: cart-service rollout 1.42.0 -> 1.43.0
kev(612.0, "shop", "Deployment", "cart-service", "ScalingReplicaSet", "Scaled up replica set cart-service-6d9f7c8b5d to 1", comp="deployment-controller")
for i, (np, sw) in enumerate(zip(CART_NEW, CART_SWITCH)):
    b = 612.3 if i == 0 else 653.0
    kev(b, "shop", "Pod", np, "Scheduled", f"Successfully assigned shop/{np} to ip-10-42-{4+i}-{11+i}.eu-west-1.compute.internal", comp="default-scheduler")
    kev(b + 1.1, "shop", "Pod", np, "Pulling", 'Pulling image "registry.internal/shop/cart-service:1.43.0"')
    kev(b + 6.4, "shop", "Pod", np, "Pulled", 'Successfully pulled image "registry.internal/shop/cart-service:1.43.0" in 5.2s (5.2s including waiting). Image size: 48211093 bytes.')
    kev(b + 6.6, "shop", "Pod", np, "Created", "Created container cart-service")
    kev(b + 6.9, "shop", "Pod", np, "Started", "Started container cart-service")
    kev(b + 9.0, "shop", "Pod", np, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", typ="Warning")
    kev(sw, "shop", "Pod", CART_OLD[i], "Killing", "Stopping container cart-service")
    if i == 0:
        kev(sw + 0.4, "shop", "Deployment", "cart-service", "ScalingReplicaSet", "Scaled down replica set cart-service-7f6c5d9b8 to 1 from 2", comp="deployment-controller")
        kev(sw + 0.5, "shop", "Deployment", "cart-service", "ScalingReplicaSet", "Scaled up replica set cart-service-6d9f7c8b5d to 2 from 1", comp="deployment-controller")
    else:
        kev(sw + 0.4, "shop", "Deployment", "cart-service", "ScalingReplicaSet", "Scaled down replica set cart-service-7f6c5d9b8 to 0 from 1", comp="deployment-controller")
    # cart new pod startup lines
    cp = np
    slog(F["cart-service"], b + 7.3, "INFO", "starting cart-service", pod=cp, version="1.43.0", commit="9c1e44b", go="go1.23.4")
    slog(F["cart-service"], b + 7.6, "WARN", "config key CART_TTL_HOURS is deprecated, use CART_TTL", pod=cp)
    slog(F["cart-service"], b + 7.9, "ERROR", "cache warmup failed", pod=cp, error="dial tcp 10.42.8.19:6379: connect: connection refused", redis="cart-redis-master.shop.svc.cluster.local:6379", attempt=1)
    slog(F["cart-service"], b + 9.4, "INFO", "cache warmup complete", pod=cp, keys=R.randint(4000, 9000), attempt=2)
    slog(F["cart-service"], b + 9.8, "INFO", "listening", pod=cp, addr=":8080")
# mongo readiness probe failures during partitions
for (S, E_, e, win, term, tk, rb) in ELECT:
    for k, off in enumerate((5.3, 15.3)):
        if S + off < E_:
            kev(S + off, "data", "Pod", "orders-mongo-0", "Unhealthy",
                "Readiness probe failed: command \"mongosh --quiet --eval db.adminCommand('ping')\" timed out", typ="Warning",
                host="ip-10-42-3-17.eu-west-1.compute.internal", count=1 + k)

# ---------------------------------------------------------------- write
if os.path.isdir(OUT): shutil.rmtree(OUT)
os.makedirs(OUT)
total = 0
for f, rows in sorted(FILES.items()):
    rows.sort(key=lambda r: (r[0], r[1]))
    with open(os.path.join(OUT, f), "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            if r[0] <= END + 5: fh.write(r[2] + "\n"); total += 1
print(OUT, total)
