#!/usr/bin/env python3
"""Generate the logs for this case (deterministic, stdlib only)."""
import os, shutil, random, math
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
R = random.Random(622026)

def ep(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()

T0 = ep("2026-06-02T12:40:00")
T_END = ep("2026-06-02T13:26:00")
T_FLAG = ep("2026-06-02T13:04:58") + 0.203
T_CATALOG = ep("2026-06-02T12:58:47") + 0.418

def dtu(t):
    return datetime.fromtimestamp(t, tz=timezone.utc)

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def uuid():
    return "%08x-%04x-%04x-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(16), R.getrandbits(16), R.getrandbits(48))

files = {}
seq = [0]
def emit(path, t, line):
    seq[0] += 1
    files.setdefault(path, []).append((t, seq[0], line))

# ------------------------------------------------------------------ formats
def hclog(t, level, name, msg, kv=()):
    ms = int(round(t * 1000))
    ts = dtu(ms // 1000).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)
    s = "%s [%s] %s%s: %s" % (ts, level, " " * (5 - len(level)), name, msg)
    if kv:
        s += ":"
    for k, v in kv:
        v = str(v)
        if " " in v or '"' in v or v == "":
            v = '"' + v.replace('"', '\\"') + '"'
        s += " %s=%s" % (k, v)
    return s

def golog(t, msg):
    return dtu(t).strftime("%Y/%m/%d %H:%M:%S ") + msg

EDGE_SKEW = 3.4   # edge-1's NTP is broken: its clock runs ahead of the Nomad clients

def logback(t, thread, level, logger, msg):
    ms = int(round(t * 1000))
    return "%s.%03d [%s] %-5s %s - %s" % (dtu(ms // 1000).strftime("%Y-%m-%d %H:%M:%S"), ms % 1000, thread, level, logger, msg)

def log4js(t, level, cat, msg):
    ms = int(round(t * 1000))
    return "[%s.%03d] [%s] %s - %s" % (dtu(ms // 1000).strftime("%Y-%m-%dT%H:%M:%S"), ms % 1000, level, cat, msg)

# ------------------------------------------------------------------ inventory
NODES = {"nomad-client-1": "10.30.1.11", "nomad-client-2": "10.30.1.12", "nomad-client-3": "10.30.1.13", "edge-1": "10.30.0.21"}
WEB = [{"node": "nomad-client-1", "alloc": "8c1f2e3a-5b7d-4e09-a1c3-6f2d8e4b0a71", "port": 24617},
       {"node": "nomad-client-2", "alloc": "3e9a0b4c-1d2f-4a6e-8b0c-9d1e2f3a4b52", "port": 28841},
       {"node": "nomad-client-3", "alloc": "f47b2c1d-9e8a-4b3c-a2d1-0e9f8a7b6c13", "port": 21093}]
for w in WEB:
    w["check"] = "_nomad-check-" + hexid(40)
    w["ip"] = NODES[w["node"]]
CAT_OLD = [{"node": "nomad-client-2", "alloc": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d44", "port": 21733}, {"node": "nomad-client-3", "alloc": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c85", "port": 30112}]
CAT_NEW = [{"node": "nomad-client-1", "alloc": "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e96", "port": 27405}, {"node": "nomad-client-2", "alloc": "e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a707", "port": 23368}]
for c in CAT_OLD + CAT_NEW:
    c["check"] = "_nomad-check-" + hexid(40)
    c["ip"] = NODES[c["node"]]
UNLEASH = {"node": "nomad-client-3", "alloc": "9d8c7b6a-5f4e-4d3c-b2a1-0f9e8d7c6b58", "port": 4242}
FABIO = {"node": "edge-1", "alloc": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c69"}

def alloc_path(a, task, stream="stdout"):
    return "%s/alloc/%s/alloc/logs/%s.%s.0" % (a["node"], a["alloc"], task, stream)

# ------------------------------------------------------------------ unleash health model
def unleash_slow_prob(t):
    if t < T_FLAG + 9:
        return 0.0
    ramp = min(1.0, (t - T_FLAG - 9) / 45.0)
    return 0.66 * ramp + 0.08 * math.sin((t - T_FLAG) / 37.0)

def unleash_latency(t):
    if R.random() < unleash_slow_prob(t):
        return R.uniform(1.05, 4.5)
    if t > T_FLAG + 9:
        return R.uniform(0.15, 0.9)
    return R.uniform(0.002, 0.02)

# ------------------------------------------------------------------ web-api health checks (Consul, every 10 s) + check_restart
web_state = {}
for w in WEB:
    web_state[w["alloc"]] = {"status": "passing", "fails": 0, "down_until": 0.0, "restarts": 0, "windows": []}
health_events = []   # (t, alloc, passing)
KTHREADS = ["eventLoopGroupProxy-4-%d" % i for i in range(1, 9)]

def web_log(w, t, level, logger, msg, thread=None):
    emit(alloc_path(w, "web-api"), t, logback(t, thread or R.choice(KTHREADS), level, logger, msg))

def consul_path(node):
    return "%s/consul.log" % node

def nomad_path(node):
    return "%s/nomad.log" % node

def web_startup(w, t):
    web_log(w, t, "INFO", "ktor.application", "Autoreload is disabled because the development mode is off.", "main")
    web_log(w, t + 3.81, "INFO", "io.getunleash.DefaultUnleash", "Unleash client started: appName=web-api instanceId=%s-%s" % (w["node"], hexid(6)), "main")
    web_log(w, t + 4.2, "INFO", "ktor.application", "Application started in 4.318 seconds.", "main")
    web_log(w, t + 4.6, "INFO", "ktor.application", "Responding at http://0.0.0.0:8080", "DefaultDispatcher-worker-1")

for w in WEB:
    st = web_state[w["alloc"]]
    t = T0 + R.uniform(0, 10)
    while t < T_END:
        if t < st["down_until"]:
            ok = False
            reason = "connection refused"
        else:
            lat = unleash_latency(t)
            ok = lat <= 1.0
            reason = None
            if ok:
                web_log(w, t + lat + 0.004, "INFO", "ktor.application", "200 OK: GET - /healthz in %dms" % int((lat + 0.004) * 1000))
            else:
                web_log(w, t + 1.003, "WARN", "c.s.web.health.HealthRoutes",
                        "/healthz failing: dependency unleash: HttpRequestTimeoutException: Request timeout has expired [url=http://unleash.service.consul:4242/health, request_timeout=1000 ms]")
                web_log(w, t + 1.005, "INFO", "ktor.application", "503 Service Unavailable: GET - /healthz in 1005ms")
        path = consul_path(w["node"])
        if ok:
            if st["status"] != "passing":
                st["status"] = "passing"
                health_events.append((t + 1.1, w["alloc"], True))
                emit(path, t + 1.2, hclog(t + 1.2, "INFO", "agent", "Synced check", [("check", w["check"])]))
            st["fails"] = 0
        else:
            st["fails"] += 1
            out_t = t + (1.006 if reason is None else 0.002)
            emit(path, out_t, hclog(out_t, "WARN", "agent", "Check is now critical", [("check", w["check"])]))
            if st["status"] != "critical":
                st["status"] = "critical"
                health_events.append((out_t, w["alloc"], False))
                emit(path, out_t + 0.08, hclog(out_t + 0.08, "INFO", "agent", "Synced check", [("check", w["check"])]))
            if st["fails"] >= 3 and t >= st["down_until"] + 30:
                # Nomad check_restart: limit = 3, grace = "30s"
                st["fails"] = 0
                st["restarts"] += 1
                tr = out_t + 0.3
                np_ = nomad_path(w["node"])
                emit(np_, tr, hclog(tr, "INFO", "client.alloc_runner.task_runner", "Task event", [("alloc_id", w["alloc"]), ("task", "web-api"), ("type", "Restart Signaled"),
                     ("msg", 'healthcheck: check "service: \\"web-api\\" check" unhealthy'), ("failed", "false")]))
                emit(np_, tr + 5.1, hclog(tr + 5.1, "INFO", "client.driver_mgr.docker", "stopped container", [("container_id", hexid(64)), ("driver", "docker")]))
                emit(np_, tr + 5.2, hclog(tr + 5.2, "INFO", "client.alloc_runner.task_runner", "Task event", [("alloc_id", w["alloc"]), ("task", "web-api"), ("type", "Terminated"),
                     ("msg", "Exit Code: 143, Exit Message: \"Docker container exited with non-zero exit code: 143\""), ("failed", "false")]))
                emit(np_, tr + 5.3, hclog(tr + 5.3, "INFO", "client.alloc_runner.task_runner", "restarting task", [("alloc_id", w["alloc"]), ("task", "web-api"), ("reason", "Restart within policy"), ("delay", "0s")]))
                emit(np_, tr + 6.4, hclog(tr + 6.4, "INFO", "client.driver_mgr.docker", "started container", [("container_id", hexid(64)), ("driver", "docker")]))
                emit(np_, tr + 6.5, hclog(tr + 6.5, "INFO", "client.alloc_runner.task_runner", "Task event", [("alloc_id", w["alloc"]), ("task", "web-api"), ("type", "Started"),
                     ("msg", "Task started by client"), ("failed", "false")]))
                web_log(w, tr + 0.2, "INFO", "ktor.application", "Application stopping", "SIGTERM handler")
                web_log(w, tr + 0.9, "INFO", "io.getunleash.DefaultUnleash", "Shutting down Unleash client", "SIGTERM handler")
                web_startup(w, tr + 7.2)
                st["down_until"] = tr + 12.0
                st["windows"].append((tr, tr + 12.0))
        t += 10 + R.uniform(-0.02, 0.02)

# ------------------------------------------------------------------ routing table as Fabio sees it
health_events.sort()
def healthy_at(t):
    s = {w["alloc"]: True for w in WEB}
    for te, a, ok in health_events:
        if te > t:
            break
        s[a] = ok
    return [w for w in WEB if s[w["alloc"]]]

# fabio refreshes its table shortly after each health change
fabio_path = alloc_path(FABIO, "fabio", "stderr")
change_times = sorted(set(round(te + R.uniform(0.2, 0.9), 3) for te, _, _ in health_events))
health_idx = [81234]

def cat_instances(t):
    if t < T_CATALOG + 14:
        return CAT_OLD
    if t < T_CATALOG + 30:
        return [CAT_NEW[0], CAT_OLD[1]]
    return CAT_NEW

def fabio_table(t, webs):
    lines = ["route add web-api app.shop.example/ http://%s:%d/ tags \"urlprefix-app.shop.example/\"" % (w["ip"], w["port"]) for w in webs]
    lines += ["route add catalog-svc app.shop.example/catalog http://%s:%d/ tags \"urlprefix-app.shop.example/catalog\"" % (c["ip"], c["port"]) for c in cat_instances(t)]
    lines += ["route add unleash flags.shop.internal/ http://%s:4242/ tags \"urlprefix-flags.shop.internal/\"" % NODES[UNLEASH["node"]]]
    return lines

def fabio_update(t):
    health_idx[0] += R.randint(1, 9)
    emit(fabio_path, t, golog(t + EDGE_SKEW, "[INFO] consul: Health changed to #%d" % health_idx[0]))
    emit(fabio_path, t + 0.012, golog(t + EDGE_SKEW + 0.012, "[INFO] Updated config to\n" + "\n".join(fabio_table(t, healthy_at(t)))))

for ct in change_times:
    fabio_update(ct)
for k, dt in enumerate([0.6, 14.9, 31.2]):
    fabio_update(T_CATALOG + dt)

# ------------------------------------------------------------------ edge traffic
CLIENTS = ["%d.%d.%d.%d" % (R.choice([24, 47, 63, 67, 68, 71, 73, 76, 98, 99, 104, 107, 108, 172, 173, 174]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)) for _ in range(400)]
UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
       "ShopApp/4.2.1 (Android 14)", "ShopApp/4.2.1 (iOS 17.5)"]
WEB_PATHS = ["/", "/api/cart", "/api/cart", "/api/session", "/api/checkout/summary", "/api/recommendations", "/api/orders", "/p/%d"]
fabio_access = alloc_path(FABIO, "fabio", "stdout")
cat_paths = ["/catalog/items?category=%s" % c for c in ("shoes", "bags", "jackets", "sale", "kids")] + ["/catalog/items/%d" % i for i in range(100)]

def access(t_end, ip, method, uri, status, size, ua, upstream_svc, upstream_addr, dur):
    emit(fabio_access, t_end, '%s - - [%s] "%s %s HTTP/1.1" %d %d "-" "%s" %s %s %dms' % (
        ip, dtu(t_end + EDGE_SKEW).strftime("%d/%b/%Y:%H:%M:%S +0000"), method, uri, status, size, ua, upstream_svc, upstream_addr, int(dur * 1000)))

def request(t):
    ip, ua = R.choice(CLIENTS), R.choice(UAS)
    if R.random() < 0.25:
        cats = cat_instances(t)
        c = R.choice(cats)
        uri = R.choice(cat_paths)
        d = R.lognormvariate(-4.5, 0.4)
        emit(alloc_path(c, "catalog-svc"), t + d, golog(t + d, "GET %s 200 %.1fms" % (uri, d * 1000)))
        access(t + d + 0.001, ip, "GET", uri, 200, R.randint(1200, 14000), ua, "catalog-svc", "%s:%d" % (c["ip"], c["port"]), d + 0.001)
        return
    p = R.choice(WEB_PATHS)
    if "%d" in p:
        p = p % R.randint(100000, 999999)
    method = "POST" if p in ("/api/cart",) and R.random() < 0.35 else "GET"
    webs = healthy_at(t)
    if not webs:
        emit(fabio_path, t + 0.0003, golog(t + EDGE_SKEW + 0.0003, "[WARN] No route for app.shop.example%s" % p))
        return
    w = R.choice(webs)
    st = web_state[w["alloc"]]
    d = R.lognormvariate(-3.6, 0.5)
    code = 200
    if p == "/api/orders" and R.random() < 0.04:
        code = 401
    if any(a <= t < b for a, b in st["windows"]):
        # the route still points at an instance that is restarting
        emit(fabio_path, t + 0.001, golog(t + EDGE_SKEW + 0.001, "[ERROR] http: proxy error: dial tcp %s:%d: connect: connection refused" % (w["ip"], w["port"])))
        access(t + 0.002, ip, method, p, 502, 0, ua, "web-api", "%s:%d" % (w["ip"], w["port"]), 0.002)
        return
    if p.startswith("/api/recommendations") or p == "/":
        c = R.choice(cat_instances(t))
        dc = R.lognormvariate(-4.6, 0.4)
        emit(alloc_path(c, "catalog-svc"), t + dc + 0.002, golog(t + dc + 0.002, "GET /catalog/items?ids=%d,%d,%d 200 %.1fms" % (R.randint(1, 99999), R.randint(1, 99999), R.randint(1, 99999), dc * 1000)))
        d += dc
    web_log(w, t + d, "INFO", "ktor.application", "%s: %s - %s in %dms" % ({200: "200 OK", 401: "401 Unauthorized"}[code], method, p, int(d * 1000)))
    access(t + d + 0.001, ip, method, p, code, R.randint(400, 30000) if code == 200 else 32, ua, "web-api", "%s:%d" % (w["ip"], w["port"]), d + 0.001)

t = T0 + 0.3
while t < T_END:
    rate = 3.1 + 0.5 * math.sin((t - T0) / 500.0)
    t += R.expovariate(rate)
    if t < T_END:
        request(t)

# ------------------------------------------------------------------ unleash (log4js basic layout)
upath = alloc_path(UNLEASH, "unleash")
for k in range(int((T_END - T0) / 60)):
    ts = T0 + 20 + k * 60 + R.uniform(0, 2)
    emit(upath, ts, log4js(ts, "INFO", "/services/client-metrics/instance-service.ts", "Stored metrics for %d client instances (%d toggles)" % (R.randint(38, 44), 187)))
emit(upath, T_FLAG - 41.7, log4js(T_FLAG - 41.7, "INFO", "/services/segment-service.ts", "Segment 'beta-testers-june' created by maria.lopez@shop.example"))
emit(upath, T_FLAG - 0.4, log4js(T_FLAG - 0.4, "INFO", "/services/segment-service.ts",
     "Segment 'beta-testers-june' updated by maria.lopez@shop.example: constraint userId IN (25000 values)"))
emit(upath, T_FLAG, log4js(T_FLAG, "INFO", "/features/feature-toggle/feature-toggle-service.ts",
     "maria.lopez@shop.example added strategy flexibleRollout to feature 'checkout-redesign' in environment 'production' (segments: beta-testers-june)"))
emit(upath, T_FLAG + 0.6, log4js(T_FLAG + 0.6, "WARN", "/services/segment-service.ts",
     "Segment 'beta-testers-june' has 25000 constraint values; the recommended maximum is 250"))
tt = T_FLAG + 12
while tt < T_END:
    tt += R.expovariate(1 / 7.0)
    x = R.random()
    if x < 0.45:
        emit(upath, tt, log4js(tt, "WARN", "/middleware/response-time-metrics.ts", "Slow request GET /api/client/features took %d ms (payload %d KB, appName=%s)" % (
            R.randint(1400, 6800), R.randint(1080, 1140), R.choice(["web-api", "web-api", "catalog-svc", "mobile-bff", "checkout-worker"]))))
    elif x < 0.7:
        emit(upath, tt, log4js(tt, "ERROR", "/db/db-pool", "KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?"))
    elif x < 0.9:
        emit(upath, tt, log4js(tt, "WARN", "/services/client-metrics/last-seen-service.ts", "Failed to store last-seen for %d toggles: KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?" % R.randint(20, 187)))
    else:
        emit(upath, tt, log4js(tt, "ERROR", "/routes/client-api/feature.ts", "Request aborted by client: GET /api/client/features (%d ms)" % R.randint(10000, 10100)))
for k in range(int((T_END - T0) / 300)):
    ts = T0 + 111 + k * 300 + R.uniform(0, 2)
    emit(upath, ts, log4js(ts, "WARN", "/services/version-service.ts", "Could not check for new Unleash versions: FetchError: request to https://version.unleash.run/ failed, reason: getaddrinfo ENOTFOUND version.unleash.run"))

# web-api's unleash SDK also struggles to refresh toggles
for w in WEB:
    tt = T0 + R.uniform(0, 15)
    while tt < T_END:
        lat = unleash_latency(tt) * R.uniform(1.5, 3.0)
        if tt > T_FLAG + 9 and lat > 3:
            web_log(w, tt + 3.0, "WARN", "i.g.u.repository.FeatureRepository", "Could not refresh feature toggles: io.getunleash.UnleashException: Fetching toggles from http://unleash.service.consul:4242/api/client/features failed: java.net.http.HttpTimeoutException: request timed out",
                    "unleash-api-executor")
        tt += 15 + R.uniform(-0.05, 0.05)
    for k in range(R.randint(3, 6)):
        ts = T0 + R.uniform(0, T_END - T0)
        web_log(w, ts, "WARN", "c.s.web.cart.CartService", "Cart %s references delisted SKU %d; dropping line" % (hexid(12), R.randint(100000, 999999)))

# ------------------------------------------------------------------ consul / nomad background and catalog deploy
for node in ("nomad-client-1", "nomad-client-2", "nomad-client-3", "edge-1"):
    cp = consul_path(node)
    sk = EDGE_SKEW if node == "edge-1" else 0.0
    for k in range(R.randint(3, 7)):
        ts = T0 + R.uniform(0, T_END - T0)
        other = R.choice([n for n in NODES if n != node])
        emit(cp, ts, hclog(ts + sk, "INFO", "agent.client.memberlist.lan", "memberlist: Suspect %s has failed, no acks received" % other))
    for k in range(R.randint(1, 3)):
        ts = T0 + R.uniform(0, T_END - T0)
        emit(cp, ts, hclog(ts, "WARN", "agent.client.memberlist.lan", "memberlist: Refuting a suspect message (from: %s)" % R.choice([n for n in NODES if n != node])))
    ts = T0 + R.uniform(100, 2000)
    emit(cp, ts, hclog(ts, "ERROR", "agent.client", "RPC failed to server", [("method", "Catalog.ServiceNodes"), ("server", "10.30.0.5:8300"), ("error", "rpc error making call: EOF")]))
    np_ = nomad_path(node)
    for k in range(int((T_END - T0) / 600)):
        ts = T0 + 300 + k * 600 + R.uniform(0, 30)
        emit(np_, ts, hclog(ts, "INFO", "client.gc", "garbage collecting allocation", [("alloc_id", uuid()), ("reason", "number of allocations (%d) is over the limit (50)" % R.randint(51, 53))]))

for i, (old, new) in enumerate(zip(CAT_OLD, CAT_NEW)):
    ts = T_CATALOG + i * 15.2
    np_ = nomad_path(new["node"])
    for j, (typ, msg) in enumerate([("Received", "Task received by client"), ("Task Setup", "Building Task Directory"), ("Driver", "Downloading image"), ("Started", "Task started by client")]):
        emit(np_, ts + j * 1.3, hclog(ts + j * 1.3, "INFO", "client.alloc_runner.task_runner", "Task event", [("alloc_id", new["alloc"]), ("task", "catalog-svc"), ("type", typ), ("msg", msg), ("failed", "false")]))
    emit(consul_path(new["node"]), ts + 4.3, hclog(ts + 4.3, "INFO", "agent", "Synced service", [("service", "_nomad-task-%s-group-catalog-catalog-svc-http" % new["alloc"])]))
    emit(consul_path(new["node"]), ts + 4.31, hclog(ts + 4.31, "INFO", "agent", "Synced check", [("check", new["check"])]))
    emit(alloc_path(new, "catalog-svc"), ts + 4.0, golog(ts + 4.0, "catalog-svc v1.31.0 listening on :%d (db=catalog-pg.service.consul)" % new["port"]))
    np_o = nomad_path(old["node"])
    emit(np_o, ts + 14, hclog(ts + 14, "INFO", "client.alloc_runner.task_runner", "Task event", [("alloc_id", old["alloc"]), ("task", "catalog-svc"), ("type", "Killing"), ("msg", "Sent interrupt. Waiting 5s before force killing"), ("failed", "false")]))
    emit(np_o, ts + 14.8, hclog(ts + 14.8, "INFO", "client.alloc_runner.task_runner", "Task event", [("alloc_id", old["alloc"]), ("task", "catalog-svc"), ("type", "Terminated"), ("msg", "Exit Code: 0"), ("failed", "false")]))
    emit(consul_path(old["node"]), ts + 13.9, hclog(ts + 13.9, "INFO", "agent", "Deregistered service", [("service", "_nomad-task-%s-group-catalog-catalog-svc-http" % old["alloc"])]))
    emit(alloc_path(old, "catalog-svc"), ts + 14.1, golog(ts + 14.1, "shutting down: received signal interrupt"))
    emit(alloc_path(new, "catalog-svc"), ts + 9.7, golog(ts + 9.7, "WARN cache warmup skipped: redis catalog-cache.service.consul:6379 not reachable yet, retrying in background"))

# ------------------------------------------------------------------ write
shutil.rmtree(LOGS, ignore_errors=True)
for path in sorted(files):
    full = os.path.join(LOGS, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    rows = sorted(files[path], key=lambda r: (r[0], r[1]))
    with open(full, "w") as f:
        f.write("\n".join(r[2] for r in rows) + "\n")
