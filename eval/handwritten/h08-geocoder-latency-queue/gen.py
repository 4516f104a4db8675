import os, shutil, random, math, json, gzip, heapq
from datetime import datetime, timezone

R = random.Random(70820)
HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc

def ri(a, b):
    return a + int(R.random() * (b - a + 1))

def rc(seq):
    return seq[int(R.random() * len(seq))]

def T(h, m, s=0.0):
    return datetime(2026, 7, 8, h, m, 0, tzinfo=UTC).timestamp() + s

START = T(19, 50)
END = T(20, 55)
GEO_BAD = T(20, 14, 21.35)
RMQ_MAINT = T(20, 5, 12.4)
MAXLEN = 1000
FILES = {}
SEQ = [0]
_SC = {}

def sec_fmt(t, fmt):
    k = (int(math.floor(t)), fmt)
    v = _SC.get(k)
    if v is None:
        v = datetime.fromtimestamp(k[0], UTC).strftime(fmt)
        _SC[k] = v
    return v

def frac(t, n):
    return int((t - math.floor(t)) * 10 ** n)

def emit(path, t, line):
    SEQ[0] += 1
    FILES.setdefault(path, []).append((t, SEQ[0], line))

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

B32A = "0123456789abcdefghjkmnpqrstvwxyz"

def b32(n):
    v = R.getrandbits(5 * n)
    out = []
    for _ in range(n):
        out.append(B32A[v & 31])
        v >>= 5
    return "".join(out)

OA = [("order-api-6c9f8b7d5-2kq8p", "10.4.3.21"), ("order-api-6c9f8b7d5-7wtzn", "10.4.4.17"), ("order-api-6c9f8b7d5-vh4xr", "10.4.5.33")]
DW = [("dispatch-worker-8d7c6b5f4-bx2mk", "10.4.6.12"), ("dispatch-worker-8d7c6b5f4-jz9qv", "10.4.6.40"), ("dispatch-worker-8d7c6b5f4-p3rls", "10.4.7.21"), ("dispatch-worker-8d7c6b5f4-t8nwd", "10.4.7.58")]
RMQ = ["rabbit@rabbitmq-0.rabbitmq-nodes.messaging", "rabbit@rabbitmq-1.rabbitmq-nodes.messaging", "rabbit@rabbitmq-2.rabbitmq-nodes.messaging"]
RMQ_IP = ["10.4.2.10", "10.4.2.11", "10.4.2.12"]

def zreq(pod, t, method, path, status, dur, rid, oid=None):
    emit("order-api/%s.log" % pod, t, '{"level":"info","service":"order-api","method":"%s","path":"%s","status":%d,"dur_ms":%.1f,%s"req_id":"%s","time":"%s","message":"request"}' % (method, path, status, dur * 1000, ('"order_id":"%s",' % oid) if oid else "", rid, sec_fmt(t, "%Y-%m-%dT%H:%M:%SZ")))

def zl(pod, t, level, fields, msg):
    s = '{"level":"%s"' % level
    for k, v in fields:
        s += ',"%s":%s' % (k, json.dumps(v) if isinstance(v, str) else (("%.1f" % v) if isinstance(v, float) else str(v)))
    s += ',"time":"%s","message":"%s"}' % (sec_fmt(t, "%Y-%m-%dT%H:%M:%SZ"), msg)
    emit("order-api/%s.log" % pod, t, s)

def sl(pod, t, level, event, logger, **kv):
    s = "%s%06dZ [%-9s] %-30s [%s]" % (sec_fmt(t, "%Y-%m-%dT%H:%M:%S."), frac(t, 6), level, event, logger)
    for k, v in kv.items():
        if isinstance(v, str) and (v == "" or any(c in v for c in ' "=')):
            v = json.dumps(v)
        s += " %s=%s" % (k, v)
    emit("dispatch-worker/%s.log" % pod, t, s)

def rl(node, t, level, pid, msg):
    emit("rabbitmq/%s.log" % node.split(".")[0], t, "%s.%06d+00:00 [%s] %s %s" % (sec_fmt(t, "%Y-%m-%d %H:%M:%S"), frac(t, 6), level, pid, msg))

def erl_pid():
    return "<0.%d.0>" % ri(900, 99999)

CF_ROWS = []

def cf(t, dur, ip, method, uri, status, origin_status, bytes_, ua, country, cache="dynamic", ot=None):
    CF_ROWS.append((t, '{"CacheCacheStatus":"%s","ClientCountry":"%s","ClientDeviceType":"%s","ClientIP":"%s","ClientRequestHost":"api.dashcart.app","ClientRequestMethod":"%s","ClientRequestURI":"%s","ClientRequestUserAgent":"%s","EdgeEndTimestamp":"%s","EdgeResponseBytes":%d,"EdgeResponseStatus":%d,"EdgeStartTimestamp":"%s","OriginResponseStatus":%d,"OriginResponseTime":%d,"RayID":"%s","WAFAction":"%s"}' % (
        cache, country, "mobile" if "DashCart" in ua else "desktop", ip, method, uri, ua, sec_fmt(t + dur, "%Y-%m-%dT%H:%M:%SZ"), bytes_, status, sec_fmt(t, "%Y-%m-%dT%H:%M:%SZ"), origin_status, int((ot if ot is not None else dur) * 1e9), hexid(16), "block" if status == 403 else "unknown")))

def geo_latency(t):
    if t < GEO_BAD:
        return R.lognormvariate(math.log(0.09), 0.35)
    ramp = min(1.0, (t - GEO_BAD) / 50.0)
    if R.random() < 0.06 * (1 - ramp) + 0.04:
        return R.lognormvariate(math.log(0.12), 0.4)
    if R.random() < 0.7 * ramp:
        return 99.0
    return R.lognormvariate(math.log(2.0 + 5.5 * ramp), 0.45)

def geocode(t, pod, oid, which):
    tt = t
    for attempt in (1, 2, 3):
        lat = geo_latency(tt)
        if lat <= 10.0:
            if lat > 3.0:
                sl(pod, tt + lat, "warning", "geocode slow", "dispatch.geo", order_id=oid, field=which, attempt=attempt, duration_ms=int(lat * 1000), upstream="geocoder")
            return True, tt + lat - t
        tt += 10.0
        sl(pod, tt, "warning", "geocode attempt failed", "dispatch.geo", order_id=oid, field=which, attempt=attempt, error="ReadTimeout(ReadTimeoutError(\"HTTPSConnectionPool(host='api.geoprovider.io', port=443): Read timed out. (read timeout=10)\"))", upstream="geocoder")
        if attempt < 3:
            tt += [1.0, 2.0][attempt - 1]
    return False, tt - t

from collections import deque

def process(st, tp, oid, red, pi, k):
    pod = DW[pi][0]
    cache1 = R.random() < 0.4
    cache2 = R.random() < 0.4
    d = 0.003
    ok = True
    if not cache1:
        o1, d1 = geocode(st + d, pod, oid, "pickup")
        d += d1
        ok = ok and o1
    if ok and not cache2:
        o2, d2 = geocode(st + d, pod, oid, "dropoff")
        d += d2
        ok = ok and o2
    d += R.uniform(0.01, 0.04)
    end = st + d
    if d > 60.0 and R.random() < 0.85:
        hb = st + 60.0 + R.uniform(0.5, 2.5)
        node = RMQ[pi % 3]
        rl(node, hb, "error", erl_pid(), "closing AMQP connection <0.%d.0> (%s:%d -> %s:5672 - dispatch-worker:%d:%s): missed heartbeats from client, timeout: 60s" % (ri(10000, 99999), DW[pi][1], ri(40000, 60999), RMQ_IP[pi % 3], ri(7, 40), hexid(8)))
        sl(pod, end + 0.002, "error", "ack failed, channel closed", "dispatch.consumer", order_id=oid, delivery_tag=ri(1, 900), error="StreamLostError: (\"Stream connection lost: ConnectionResetError(104, 'Connection reset by peer')\",)")
        sl(pod, end + 0.003, "warning", "amqp connection lost, reconnecting", "dispatch.consumer", worker=k, reconnect_in_s=5)
        cp = ri(10000, 99999)
        port = ri(40000, 60999)
        rl(node, end + 5.02, "info", "<0.%d.0>" % cp, "accepting AMQP connection <0.%d.0> (%s:%d -> %s:5672)" % (cp, DW[pi][1], port, RMQ_IP[pi % 3]))
        rl(node, end + 5.03, "info", "<0.%d.0>" % cp, "connection <0.%d.0> (%s:%d -> %s:5672 - dispatch-worker:%d:%s): user 'dispatch' authenticated and granted access to vhost 'prod'" % (cp, DW[pi][1], port, RMQ_IP[pi % 3], ri(7, 40), hexid(8)))
        return end + 5.04, hb
    if ok:
        sl(pod, end, "info", "order assigned", "dispatch.assign", order_id=oid, courier_id="cr_%s" % b32(6), geocode_cache="%s/%s" % ("hit" if cache1 else "miss", "hit" if cache2 else "miss"), queue_wait_s="%.1f" % (st - tp), handle_ms=int(d * 1000), redelivered=str(red))
    else:
        sl(pod, end, "error", "geocoding failed after 3 attempts, dead-lettering", "dispatch.assign", order_id=oid, queue_wait_s="%.1f" % (st - tp), dlx="dispatch.assign.dlq", upstream="geocoder")
    return end + 0.001, None

QLEN = []

def run_queue(creates):
    slots = []
    for pi in range(len(DW)):
        for k in range(6):
            slots.append((START - R.uniform(0, 1), pi, k))
    heapq.heapify(slots)
    q = deque()
    rej = set()
    def advance(now):
        while q and slots[0][0] <= now:
            ft, pi, k = heapq.heappop(slots)
            tp, oid, red = q.popleft()
            st = max(ft, tp)
            free, requeue_at = process(st, tp, oid, red, pi, k)
            heapq.heappush(slots, (free, pi, k))
            if requeue_at is not None:
                q.appendleft((tp, oid, True))
    for t, oid in creates:
        tp = t + 0.02
        advance(tp)
        if len(q) >= MAXLEN:
            rej.add(oid)
            continue
        QLEN.append((tp, len(q)))
        q.append((tp, oid, False))
        advance(tp)
    advance(END + 60)
    return rej

UAS_APP = ["DashCart/5.2.1 (iPhone; iOS 17.5.1; Scale/3.00)", "DashCart/5.2.0 (iPhone; iOS 17.4; Scale/3.00)", "DashCart/5.1.9 (Android 14; SM-A546B)", "DashCart/5.2.1 (Android 13; Pixel 6a)"]
COUNTRIES = ["de", "de", "de", "at", "nl", "be", "pl", "ch"]

def rate(t):
    x = (t - START) / 60.0
    return 5.0 + 0.7 * math.sin(x / 11.0) + 0.4 * math.sin(x / 3.0) + 0.8 * max(0.0, min(1.0, (x - 20) / 25.0))

def gen():
    t = START
    reqs = []
    creates = []
    while True:
        t += R.expovariate(rate(t))
        if t >= END:
            break
        x = R.random()
        if x < 0.36:
            kind = "create"
            creates.append((t, "ord_%s" % b32(10)))
        elif x < 0.66:
            kind = "status"
        elif x < 0.86:
            kind = "eta"
        elif x < 0.97:
            kind = "menu"
        else:
            kind = "bot"
        reqs.append((t, kind))
    return reqs, creates

reqs, creates = gen()
CREATE_AT = {t: o for t, o in creates}

REJ = run_queue(creates)

OA_CB = {p: {"state": "closed", "fails": 0, "until": 0.0} for p, _ in OA}

def gen_edge():
    for t, kind in reqs:
        pod, ip = rc(OA)
        cip = "%d.%d.%d.%d" % (rc([84, 87, 91, 92, 93, 95, 178, 185, 188, 212, 213, 31, 37, 46]), ri(0, 255), ri(0, 255), ri(1, 254))
        ua = rc(UAS_APP)
        country = rc(COUNTRIES)
        rid = hexid(16)
        if kind == "bot":
            cf(t, 0.0, rc(["45.146.164.110", "193.142.146.35", "185.220.101.47"]), "GET", rc(["/wp-login.php", "/.env", "/v1/admin", "/actuator/env"]), 403, 0, 4100, "python-requests/2.31.0", rc(["ru", "nl", "us"]), cache="unknown", ot=0)
            continue
        if kind == "menu":
            d = R.uniform(0.002, 0.03)
            cf(t, d, cip, "GET", "/v1/restaurants/%d/menu" % ri(1000, 1999), 200, 200 if R.random() < 0.3 else 0, ri(8000, 40000), ua, country, cache="hit" if R.random() < 0.7 else "miss", ot=0 if R.random() < 0.7 else d)
            continue
        if kind in ("status", "eta"):
            d = R.uniform(0.004, 0.02)
            path = "/v1/orders/ord_%s%s" % (b32(10), "/eta" if kind == "eta" else "")
            zreq(pod, t + d, "GET", "/v1/orders/{id}" + ("/eta" if kind == "eta" else ""), 200, d, rid)
            cf(t, d + 0.012, cip, "GET", path, 200, 200, ri(300, 900), ua, country, ot=d)
            continue
        oid = CREATE_AT[t]
        cb = OA_CB[pod]
        if cb["state"] == "open" and t >= cb["until"]:
            cb["state"] = "half"
        if cb["state"] == "open":
            d = R.uniform(0.004, 0.012)
            zl(pod, t + d - 0.001, "warn", [("service", "order-api"), ("breaker", "amqp-publish"), ("order_id", oid), ("req_id", rid)], "rejecting order: event bus circuit open")
            zreq(pod, t + d, "POST", "/v1/orders", 503, d, rid)
            cf(t, d + 0.012, cip, "POST", "/v1/orders", 503, 503, 96, ua, country, ot=d)
            continue
        if oid in REJ:
            d = R.uniform(0.018, 0.045)
            zl(pod, t + d - 0.002, "error", [("service", "order-api"), ("error", "amqp: publish nacked by broker"), ("exchange", "orders"), ("routing_key", "order.created"), ("order_id", oid), ("req_id", rid)], "failed to publish order event")
            zl(pod, t + d - 0.001, "warn", [("service", "order-api"), ("order_id", oid), ("req_id", rid)], "order rolled back")
            zreq(pod, t + d, "POST", "/v1/orders", 503, d, rid)
            cf(t, d + 0.012, cip, "POST", "/v1/orders", 503, 503, 96, ua, country, ot=d)
            cb["fails"] += 1
            if cb["state"] == "half" or cb["fails"] >= 5:
                zl(pod, t + d + 0.0001, "warn", [("service", "order-api"), ("name", "amqp-publish"), ("from", "half-open" if cb["state"] == "half" else "closed"), ("to", "open")], "circuit breaker state change")
                cb["state"] = "open"
                cb["until"] = t + d + 30.0
                cb["fails"] = 0
            continue
        if cb["state"] == "half":
            zl(pod, t + 0.0001, "info", [("service", "order-api"), ("name", "amqp-publish"), ("from", "half-open"), ("to", "closed")], "circuit breaker state change")
            cb["state"] = "closed"
        cb["fails"] = 0
        d = R.uniform(0.015, 0.04)
        zreq(pod, t + d, "POST", "/v1/orders", 201, d, rid, oid)
        cf(t, d + 0.012, cip, "POST", "/v1/orders", 201, 201, ri(420, 760), ua, country, ot=d)

def gen_worker_periodic():
    for pod, ip in DW:
        t = START + R.uniform(0, 30)
        while t < END:
            sl(pod, t, "info", "consumer stats", "dispatch.consumer", queue="dispatch.assign", consumers=6, prefetch=5, inflight=ri(0, 6) if t < GEO_BAD + 30 else ri(26, 30))
            t += 30 + R.uniform(-0.01, 0.01)
        t = START + R.uniform(0, 400)
        while t < END:
            sl(pod, t, "warning", "courier pool low", "dispatch.assign", zone=rc(["berlin-mitte", "berlin-kreuzberg", "hamburg-altona"]), available=ri(0, 3))
            t += R.uniform(200, 700)

def gen_rabbit():
    for i, node in enumerate(RMQ):
        t = START + R.uniform(0, 20)
        while t < END:
            if not (i == 2 and RMQ_MAINT - 2 <= t < RMQ_MAINT + 95):
                cl = rc(["10.4.%d.%d" % (ri(3, 5), ri(10, 60)), "10.4.8.%d" % ri(10, 40)])
                port = ri(40000, 60999)
                cp = "<0.%d.0>" % ri(10000, 99999)
                rl(node, t, "info", cp, "accepting AMQP connection %s (%s:%d -> %s:5672)" % (cp, cl, port, RMQ_IP[i]))
                rl(node, t + 0.004, "info", cp, "connection %s (%s:%d -> %s:5672): user '%s' authenticated and granted access to vhost 'prod'" % (cp, cl, port, RMQ_IP[i], rc(["order-api", "notification-svc", "order-api"])))
                if R.random() < 0.5:
                    rl(node, t + R.uniform(5, 120), "warning", cp, "closing AMQP connection %s (%s:%d -> %s:5672, vhost: 'prod', user: '%s'):\nclient unexpectedly closed TCP connection" % (cp, cl, port, RMQ_IP[i], rc(["order-api", "notification-svc"])))
            t += R.uniform(60, 240)
    m = RMQ_MAINT
    n2 = RMQ[2]
    for k, msg in enumerate(["RabbitMQ is asked to stop...", "Stopping RabbitMQ applications and their dependencies in the following order:", "    rabbitmq_management", "    rabbitmq_prometheus", "    rabbit", "Stopping rabbit_mqtt_retainer_sup", "Stopping application 'rabbit'", "Peer discovery: unregistering node 'rabbit@rabbitmq-2.rabbitmq-nodes.messaging'", "Successfully stopped RabbitMQ and its dependencies"]):
        rl(n2, m + k * 0.08, "info", "<0.%d.0>" % (2000 + k), msg)
    for k, msg in enumerate(["Starting RabbitMQ 3.12.13 on Erlang 26.2.5 [jit]", "RabbitMQ version: 3.12.13", "Running boot step rabbit_peer_discovery", "Peer discovery backend rabbit_peer_discovery_k8s does not support registration, skipping registration.", "Waiting for Mnesia tables for 30000 ms, 9 retries left", "Successfully synced tables from a peer", "Ready to start client connection listeners", "started TCP listener on [::]:5672", "Server startup complete; 5 plugins started.\n * rabbitmq_prometheus\n * rabbitmq_peer_discovery_k8s\n * rabbitmq_peer_discovery_common\n * rabbitmq_management\n * rabbitmq_management_agent", "Time to start RabbitMQ: 41251 ms"]):
        rl(n2, m + 52 + k * 0.9, "info", "<0.%d.0>" % (230 + k), msg)
    for i in (0, 1):
        rl(RMQ[i], m + 1.3, "info", "<0.%d.0>" % ri(500, 900), "rabbit on node 'rabbit@rabbitmq-2.rabbitmq-nodes.messaging' down")
        rl(RMQ[i], m + 1.32, "info", "<0.%d.0>" % ri(500, 900), "Keeping rabbit@rabbitmq-2.rabbitmq-nodes.messaging listeners: the node is already back")
        rl(RMQ[i], m + 1.35, "info", "<0.%d.0>" % ri(500, 900), "Node rabbit@rabbitmq-2.rabbitmq-nodes.messaging is down, deleting its listeners")
        rl(RMQ[i], m + 1.4, "info", "<0.%d.0>" % ri(500, 900), "Quorum queue 'dispatch.assign' in vhost 'prod': leader is rabbit@rabbitmq-0.rabbitmq-nodes.messaging, members: 3, 2 online") if i == 0 else None
        rl(RMQ[i], m + 53.5, "info", "<0.%d.0>" % ri(500, 900), "node 'rabbit@rabbitmq-2.rabbitmq-nodes.messaging' up")
        rl(RMQ[i], m + 93.8, "info", "<0.%d.0>" % ri(500, 900), "rabbit on node 'rabbit@rabbitmq-2.rabbitmq-nodes.messaging' up")

def write_all():
    shutil.rmtree(LOGS, ignore_errors=True)
    os.makedirs(LOGS)
    for rel in sorted(FILES):
        rows = FILES[rel]
        rows.sort(key=lambda r: (r[0], r[1]))
        p = os.path.join(LOGS, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(("\n".join(r[2] for r in rows) + "\n").encode())
    CF_ROWS.sort(key=lambda r: r[0])
    b0 = START
    os.makedirs(os.path.join(LOGS, "cloudflare", "20260708"), exist_ok=True)
    while b0 < END:
        b1 = b0 + 300
        rows = [r[1] for r in CF_ROWS if b0 <= r[0] < b1]
        name = "%s_%s_%s.log.gz" % (sec_fmt(b0, "%Y%m%dT%H%M%SZ"), sec_fmt(b1, "%Y%m%dT%H%M%SZ"), hexid(8))
        with open(os.path.join(LOGS, "cloudflare", "20260708", name), "wb") as f:
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=6) as g:
                g.write(("\n".join(rows) + "\n").encode())
        b0 = b1

gen_edge()
gen_worker_periodic()
gen_rabbit()
write_all()
