#!/usr/bin/env python3
"""c04: Node.js (Fastify) auth-service event loop blocked by synchronous crypto.pbkdf2Sync on login during a login surge.
Per-pod files; Fastify/pino JSON, Go slog text, kubectl get events -o json document, GitHub Actions deploy log (red herring).
Discrete-event simulation of each auth pod's single-threaded event loop, kubelet probes, restarts with back-off."""
import datetime as dt, json, os, random, shutil, itertools, heapq, math

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "logs")
R = random.Random(4404)
BASE = dt.datetime(2026, 2, 12, 18, 20, 0, tzinfo=dt.timezone.utc)
END = 1680.0
SURGE = 902.4           # 18:35:02.4 push campaign lands on phones
SEQ = itertools.count()
FILES = {}
def T(s): return BASE + dt.timedelta(microseconds=int(round(s * 1e6)))
def ms(s): t = T(s); return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
def epoch_ms(s): return int(round(T(s).timestamp() * 1000))
def emit(f, s, text): FILES.setdefault(f, []).append((s, next(SEQ), text))
def hexid(n): return "".join(R.choice("0123456789abcdef") for _ in range(n))
def j(d): return json.dumps(d, separators=(",", ":"))
def slogt(f, s, level, msg, **kv):
    parts = [f"time={ms(s)}", f"level={level}", "msg=" + (json.dumps(msg) if (" " in msg or "=" in msg) else msg)]
    for k, v in kv.items():
        v = str(v)
        parts.append(f"{k}=" + (json.dumps(v) if (" " in v or '"' in v or "=" in v or v == "") else v))
    emit(f + ".log", s, " ".join(parts))

AUTH = [("auth-service-6d8f7c9b5-7xk2p", "10.42.1.7"), ("auth-service-6d8f7c9b5-h4m9t", "10.42.3.12"), ("auth-service-6d8f7c9b5-q2wzn", "10.42.4.9")]
GW = [("web-gateway-5f6d8c7b9-lx7vq", "10.42.2.5"), ("web-gateway-5f6d8c7b9-w3n8d", "10.42.5.17")]
AUTH_URL = "http://auth-service.identity.svc.cluster.local:3000"
AUTH_VIP = "10.96.41.208"

class Pod:
    def __init__(self, name, ip):
        self.name, self.ip = name, ip
        self.free_at = 0.0; self.up = True; self.up_at = 0.0; self.ready = True
        self.lf = 0; self.rf = 0; self.restarts = 0; self.open = []; self.pid = 1; self.reqn = R.randint(100, 900)
        self.kill_at = None
PODS = [Pod(n, i) for n, i in AUTH]
UIDS = {n: "%s-%s-%s-%s-%s" % (hexid(8), hexid(4), hexid(4), hexid(4), hexid(12)) for n, i in AUTH}

def auth_log(pod, s, level, msg, **kv):
    d = {"level": level, "time": epoch_ms(s), "pid": pod.pid, "hostname": pod.name}
    d.update(kv); d["msg"] = msg
    emit(pod.name + ".log", s, j(d))

# ---------------------------------------------------------------- load model
def login_rate(s):
    if s < SURGE: return 0.45
    if s < SURGE + 55: return 0.45 + (8.0 - 0.45) * (s - SURGE) / 55
    if s < SURGE + 170: return 8.0
    return 0.6 + 7.4 * math.exp(-(s - SURGE - 170) / 110)
API_RATE = 2.2
CACHE_HIT = 0.55
EVQ = []
def push(t, kind, data): heapq.heappush(EVQ, (t, next(SEQ), kind, data))
# API requests
t = 0.0
while t < END:
    t += R.expovariate(API_RATE)
    push(t, "api", {"gw": R.choice(GW), "rid": hexid(16)})
# logins via thinning
t = 0.0
while t < END:
    t += R.expovariate(10.0)
    if R.random() < login_rate(t) / 10.0:
        push(t, "login", {"gw": R.choice(GW), "rid": hexid(16), "attempt": 1, "user": f"u{R.randint(100000, 999999)}"})
# probes
for p in PODS:
    off = R.uniform(0, 10)
    s = off
    while s < END: push(s, "probe", {"pod": p, "kind": "live"}); s += 10.0
    s = off + R.uniform(0, 5)
    while s < END: push(s, "probe", {"pod": p, "kind": "ready"}); s += 5.0

# gateway circuit breakers (per gateway pod): open after 8 consecutive failures, 20s open, half-open single probe
BRK = {g[0]: {"state": "closed", "fails": 0, "until": 0.0, "probe_inflight": False} for g in GW}
def brk_state(gwn, s):
    b = BRK[gwn]
    if b["state"] == "open" and s >= b["until"]:
        b["state"] = "half-open"; b["probe_inflight"] = False
        slogt(gwn, s, "INFO", "circuit breaker state changed", name="auth-introspect", **{"from": "open", "to": "half-open"})
    return b["state"]
def brk_result(gwn, s, ok):
    b = BRK[gwn]
    if ok:
        if b["state"] == "half-open":
            b["state"] = "closed"; slogt(gwn, s, "INFO", "circuit breaker state changed", name="auth-introspect", **{"from": "half-open", "to": "closed"})
        b["fails"] = 0
    else:
        b["fails"] += 1
        if b["state"] == "half-open" or (b["state"] == "closed" and b["fails"] >= 8):
            slogt(gwn, s, "WARN", "circuit breaker state changed", name="auth-introspect", **{"from": b["state"], "to": "open"}, consecutive_failures=b["fails"])
            b["state"] = "open"; b["until"] = s + 20.0

K8S = []
AGG = {}
def kev_agg(s, ns, kind, name, reason, msg, typ="Normal", key=None):
    k = (name, reason, key)
    if k in AGG:
        e = AGG[k]; e["count"] += 1; e["lastTimestamp"] = T(s).strftime("%Y-%m-%dT%H:%M:%SZ"); e["message"] = msg; return
    kev(s, ns, kind, name, reason, msg, typ=typ)
    AGG[k] = K8S[-1][1]
def kev(s, ns, kind, name, reason, msg, typ="Normal", comp="kubelet", count=1, first=None):
    K8S.append((s, {"apiVersion": "v1", "kind": "Event", "metadata": {"name": f"{name}.{hexid(16)}", "namespace": ns, "uid": hexid(8) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(12), "resourceVersion": str(R.randint(10**7, 10**8))},
        "involvedObject": {"kind": kind, "namespace": ns, "name": name, "apiVersion": "v1" if kind == "Pod" else "apps/v1", **({"fieldPath": f"spec.containers{{{name.rsplit('-', 2)[0]}}}"} if kind == "Pod" else {})},
        "reason": reason, "message": msg, "source": {"component": comp, **({"host": "ip-10-20-%d-%d.ec2.internal" % (R.randint(1, 9), R.randint(10, 250))} if comp == "kubelet" else {})},
        "firstTimestamp": T(first if first is not None else s).strftime("%Y-%m-%dT%H:%M:%SZ"), "lastTimestamp": T(s).strftime("%Y-%m-%dT%H:%M:%SZ"), "count": count, "type": typ,
        "eventTime": None, "reportingComponent": comp, "reportingInstance": ""}))

def pick_pod(s):
    c = [p for p in PODS if p.up and p.ready and s >= p.up_at]
    return R.choice(c) if c else None

def assign(pod, s, cpu, kind, meta):
    start = max(s, pod.free_at); fin = start + cpu; pod.free_at = fin
    pod.reqn += 1
    req = {"pod": pod, "arr": s, "start": start, "fin": fin, "kind": kind, "meta": meta, "reset": None, "reqid": f"req-{pod.reqn:x}"}
    pod.open.append(req)
    return req

FIRST_SLOW = [None]
def auth_req_lines(req, finished):
    p = req["pod"]; m = req["meta"]
    url = "/v1/introspect" if req["kind"] == "introspect" else ("/v1/login" if req["kind"] == "login" else ("/healthz" if m.get("probe") == "live" else "/readyz"))
    remote = m.get("remote", "10.42.2.5")
    auth_log(p, req["start"] + 0.00005, 30, "incoming request", reqId=req["reqid"], req={"method": "GET" if req["kind"] == "probe" else "POST", "url": url,
             "hostname": f"{p.ip}:3000" if req["kind"] == "probe" else "auth-service.identity.svc.cluster.local:3000", "remoteAddress": remote, "remotePort": R.randint(30000, 60000)})
    if finished:
        rt = (req["fin"] - req["arr"]) * 1000
        if rt > 1000 and FIRST_SLOW[0] is None and req["kind"] != "probe": FIRST_SLOW[0] = req["fin"]
        status = 200
        auth_log(p, req["fin"], 30, "request completed", reqId=req["reqid"], res={"statusCode": status}, responseTime=round(rt, 6 if rt < 10 else 3))

def kill(pod, s):
    """liveness failed 3x: kubelet kills container at s"""
    pod.restarts += 1
    pod.up = False; pod.ready = False; pod.lf = 0; pod.rf = 0
    kev_agg(s, "identity", "Pod", pod.name, "Killing", "Container auth-service failed liveness probe, will be restarted", key="kill")
    # the SIGTERM handler only runs when the loop gets to it
    sig_t = min(max(s, pod.free_at) + 0.001, s + 30.0)
    exit_t = sig_t + 0.05
    for req in list(pod.open):
        if req["fin"] > exit_t and req["reset"] is None:
            req["reset"] = exit_t
            if not req.get("done"): push(exit_t, "reset", req)
    auth_log(pod, sig_t, 30, "received SIGTERM, closing server", signal="SIGTERM")
    backoff = [0, 0, 10, 20, 40, 80][min(pod.restarts, 5)]
    start = exit_t + backoff + R.uniform(0.6, 1.2)
    if backoff:
        kev_agg(exit_t + 1.0, "identity", "Pod", pod.name, "BackOff", "Back-off restarting failed container auth-service in pod %s_identity(%s)" % (pod.name, UIDS[pod.name]), typ="Warning", key="bo")
    kev_agg(start - 0.3, "identity", "Pod", pod.name, "Pulled", 'Container image "ghcr.io/acme/auth-service:4.18.2" already present on machine', key="pulled")
    kev_agg(start - 0.2, "identity", "Pod", pod.name, "Created", "Created container auth-service", key="created")
    kev_agg(start, "identity", "Pod", pod.name, "Started", "Started container auth-service", key="started")
    pod.pid = 1
    up = start + R.uniform(1.6, 2.4)
    auth_log(pod, up - 0.4, 30, "loaded config", env="production", pbkdf2Iterations=310000, redis="redis://session-redis.identity.svc.cluster.local:6379/2", version="4.18.2")
    auth_log(pod, up, 30, "Server listening at http://0.0.0.0:3000")
    pod.up_at = up; pod.free_at = up; pod.kill_at = None
    push(up + 0.01, "up", {"pod": pod})
    pod.open = []

def gw_access(gwn, s_start, s_end, method, path, status, upstream, rid, level="INFO", **kv):
    slogt(gwn, s_end, level, "access", method=method, path=path, status=status, dur_ms=round((s_end - s_start) * 1000, 1), upstream=upstream, request_id=rid,
          client_ip=f"100.64.{R.randint(0, 60)}.{R.randint(2, 250)}", **kv)

DOWN = {"profile-service": None, "feed-service": None, "order-history-service": None}
API_PATHS = [("GET", "/v1/feed", "feed-service"), ("GET", "/v1/me", "profile-service"), ("PATCH", "/v1/me/preferences", "profile-service"),
             ("GET", "/v1/orders?limit=20", "order-history-service"), ("GET", "/v1/feed?cursor=", "feed-service"), ("GET", "/v1/me/avatar", "profile-service")]
def downstream(svc, s, method, path, rid):
    d = R.uniform(0.006, 0.06)
    DOWN_LOG(svc, s + d, method, path, rid, d)
    return d

def finish_api(data, s, ok, err=None):
    gwn, gwip = data["gw"]; rid = data["rid"]; method, path, svc = data["route"]
    if ok:
        d = downstream(svc, s + 0.001, method, path, rid)
        gw_access(gwn, data["t0"], s + d + 0.002, method, path, 200, svc, rid)
    else:
        if err:
            slogt(gwn, s, "ERROR", "auth introspection failed", err=err, request_id=rid, upstream="auth-service", timeout="1s")
        gw_access(gwn, data["t0"], s + 0.0005, method, path, 503, svc, rid, level="ERROR")

def login_retry(data, s):
    if data["attempt"] < 2:
        nd = dict(data); nd["attempt"] += 1; nd["rid"] = hexid(16)
        push(s + R.uniform(2.0, 4.5) * data["attempt"], "login", nd)

PROF_OLD = ["profile-service-84b7c6d5f-9tq2m", "profile-service-84b7c6d5f-zr5wx"]
PROF_NEW = ["profile-service-7d9c8b6f4-m2x8k", "profile-service-7d9c8b6f4-f6v3n"]
PROF_SWITCH = [695.0, 731.0]
FEED = ["feed-service-65d8f9c7b-p8k3r", "feed-service-65d8f9c7b-t2w6y"]
OH = ["order-history-service-5c7b9d8f6-j4n7c"]
def DOWN_LOG(svc, s, method, path, rid, d):
    if svc == "profile-service":
        c = [PROF_NEW[i] for i in range(2) if s >= PROF_SWITCH[i]] + [PROF_OLD[i] for i in range(2) if s < PROF_SWITCH[i]]
        slogt(R.choice(c), s, "INFO", "request handled", method=method, path=path, status=200, duration_ms=round(d * 1000, 1), request_id=rid)
    elif svc == "feed-service":
        pn = R.choice(FEED)
        emit(pn + ".log", s, j({"level": 30, "time": epoch_ms(s), "pid": 1, "hostname": pn, "reqId": rid, "items": R.randint(10, 30), "responseTime": round(d * 1000, 2), "msg": "feed served"}))
    else:
        slogt(OH[0], s, "INFO", "orders listed", path=path, count=R.randint(0, 20), duration_ms=round(d * 1000, 1), request_id=rid)
# ---------------------------------------------------------------- main loop
while EVQ:
    s, _, kind, data = heapq.heappop(EVQ)
    if s > END + 40: break
    if kind == "api":
        gwn, gwip = data["gw"]; data["t0"] = s; data["route"] = R.choice(API_PATHS)
        if data["route"][1].endswith("cursor="): data["route"] = (data["route"][0], data["route"][1] + hexid(8), data["route"][2])
        if R.random() < CACHE_HIT:
            finish_api(data, s + 0.0003, True); continue
        st = brk_state(gwn, s)
        if st == "open" or (st == "half-open" and BRK[gwn]["probe_inflight"]):
            finish_api(data, s + 0.0002, False, err="circuit breaker is open"); continue
        if st == "half-open": BRK[gwn]["probe_inflight"] = True
        pod = pick_pod(s)
        if pod is None:
            e = f'Post "{AUTH_URL}/v1/introspect": dial tcp {AUTH_VIP}:3000: connect: connection refused'
            brk_result(gwn, s + 0.001, False); finish_api(data, s + 0.001, False, err=e); continue
        req = assign(pod, s + 0.0005, R.uniform(0.0009, 0.0026), "introspect", {"remote": gwip, "api": data})
        push(min(req["fin"] + 0.0004, s + 1.0), "resolve", req)
    elif kind == "login":
        gwn, gwip = data["gw"]; data["t0"] = s
        pod = pick_pod(s)
        if pod is None:
            slogt(gwn, s + 0.001, "ERROR", "upstream request failed", upstream="auth-service", err=f'dial tcp {AUTH_VIP}:3000: connect: connection refused', request_id=data["rid"])
            gw_access(gwn, s, s + 0.0012, "POST", "/v1/auth/login", 502, "auth-service", data["rid"], level="ERROR", attempt=data["attempt"])
            login_retry(data, s + 0.0012); continue
        req = assign(pod, s + 0.0006, R.uniform(0.37, 0.42), "login", {"remote": gwip, "login": data})
        push(min(req["fin"] + 0.0008, s + 5.0), "resolve", req)
    elif kind == "probe":
        pod = data["pod"]
        if not pod.up or s < pod.up_at: continue
        req = assign(pod, s, 0.00025, "probe", {"remote": "10.42.%s.1" % pod.ip.split(".")[2], "probe": data["kind"]})
        push(min(req["fin"], s + 1.0), "resolve", req)
    elif kind == "up":
        pod = data["pod"]; pod.up = True; pod.ready = False
    elif kind == "auth_fin":
        req = data; pod = req["pod"]
        if req in pod.open: pod.open.remove(req)
        if req["reset"] is not None and req["reset"] < req["fin"]:
            if req["start"] < req["reset"]: auth_req_lines(req, False)
        else:
            auth_req_lines(req, True)
    elif kind == "reset":
        req = data; pod = req["pod"]
        if req.get("done"): continue
        req["done"] = True
        if req in pod.open: pod.open.remove(req)
        if req["start"] < req["reset"]: auth_req_lines(req, False)
        if req["kind"] == "introspect":
            api = req["meta"]["api"]; gwn = api["gw"][0]
            e = f'Post "{AUTH_URL}/v1/introspect": read tcp {api["gw"][1]}:{R.randint(30000, 60000)}->{pod.ip}:3000: read: connection reset by peer'
            brk_result(gwn, s, False); finish_api(api, s, False, err=e)
        elif req["kind"] == "login":
            lg = req["meta"]["login"]; gwn = lg["gw"][0]
            slogt(gwn, s, "ERROR", "upstream request failed", upstream="auth-service", err=f'read tcp {lg["gw"][1]}:{R.randint(30000, 60000)}->{pod.ip}:3000: read: connection reset by peer', request_id=lg["rid"])
            gw_access(gwn, lg["t0"], s + 0.0003, "POST", "/v1/auth/login", 502, "auth-service", lg["rid"], level="ERROR", attempt=lg["attempt"])
            login_retry(lg, s)
    elif kind == "resolve":
        req = data; pod = req["pod"]
        if req.get("done") or req["reset"] is not None and req["reset"] <= s: continue
        req["done"] = True
        ok = req["fin"] <= s + 1e-9
        if ok:
            if req in pod.open: pod.open.remove(req)
            auth_req_lines(req, True)
        else:
            push(req["fin"], "auth_fin", req)   # Node still finishes the work after the client gave up (unless killed first)
        if req["kind"] == "probe":
            if req["meta"]["probe"] == "live":
                if ok: pod.lf = 0
                else:
                    pod.lf += 1
                    kev_agg(s, "identity", "Pod", pod.name, "Unhealthy", f'Liveness probe failed: Get "http://{pod.ip}:3000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', typ="Warning", key="live")
                    if pod.lf >= 3 and pod.up: kill(pod, s)
            else:
                if ok:
                    if not pod.ready and pod.up: pod.ready = True
                    pod.rf = 0
                else:
                    pod.rf += 1
                    kev_agg(s, "identity", "Pod", pod.name, "Unhealthy", f'Readiness probe failed: Get "http://{pod.ip}:3000/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', typ="Warning", key="ready")
                    if pod.rf >= 2: pod.ready = False
            continue
        if req["kind"] == "introspect":
            api = req["meta"]["api"]; gwn = api["gw"][0]
            if ok:
                brk_result(gwn, s, True); finish_api(api, s, True)
            else:
                e = f'Post "{AUTH_URL}/v1/introspect": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'
                brk_result(gwn, s, False); finish_api(api, s, False, err=e)
        else:
            lg = req["meta"]["login"]; gwn = lg["gw"][0]
            if ok:
                sess = hexid(24)
                slogt("session-service-7c5d9f8b6-kx2vd", s + R.uniform(0.003, 0.01), "INFO", "session created", session_id=sess, user_id=lg["user"], ttl="720h", store="session-redis:6379")
                gw_access(gwn, lg["t0"], s + 0.001, "POST", "/v1/auth/login", 200, "auth-service", lg["rid"], attempt=lg["attempt"])
            else:
                slogt(gwn, s, "ERROR", "upstream request failed", upstream="auth-service", err=f'Post "{AUTH_URL}/v1/login": context deadline exceeded', timeout="5s", request_id=lg["rid"])
                gw_access(gwn, lg["t0"], s + 0.0004, "POST", "/v1/auth/login", 504, "auth-service", lg["rid"], level="ERROR", attempt=lg["attempt"])
                login_retry(lg, s)
                # the work still lands later: session is created even though the client is gone
                slogt("session-service-7c5d9f8b6-kx2vd", req["fin"] + R.uniform(0.003, 0.01), "INFO", "session created", session_id=hexid(24), user_id=lg["user"], ttl="720h", store="session-redis:6379")

# ---------------------------------------------------------------- downstream services
# profile-service startup noise
for i, np in enumerate(PROF_NEW):
    b = PROF_SWITCH[i] - 9.0
    slogt(np, b, "INFO", "starting profile-service", version="2.31.0", commit="e41f0a9", go="go1.23.5")
    slogt(np, b + 0.4, "WARN", "feature flag provider not reachable, using defaults", provider="flagd.platform.svc.cluster.local:8013", err="connection refused")
    slogt(np, b + 2.1, "INFO", "flag provider ready", provider="flagd.platform.svc.cluster.local:8013")
    slogt(np, b + 2.3, "INFO", "listening", addr=":8080")
    slogt(PROF_OLD[i], PROF_SWITCH[i] + 0.2, "INFO", "shutting down", signal="terminated")
# pre-existing: order-history-service steady errors from a legacy export endpoint
s = R.uniform(5, 30)
while s < END:
    slogt(OH[0], s, "ERROR", "export job failed", job="monthly-statement", err='pq: canceling statement due to statement timeout', timeout="15s")
    s += R.uniform(25, 55)
# campaign-service: the push campaign (trigger of the surge, not a fault)
CAMP = "campaign-service-6f7b8c9d5-s9h2l"
s = R.uniform(0, 60)
while s < END:
    slogt(CAMP, s, "DEBUG", "scheduler tick", due=1 if abs(s - 898) < 30 else 0); s += 60
slogt(CAMP, 897.9, "INFO", "campaign dispatch started", campaign="valentines-2026-evening", audience=1184220, channel="fcm+apns")
for k in range(1, 9):
    slogt(CAMP, 897.9 + k * 5.1, "INFO", "dispatch progress", campaign="valentines-2026-evening", sent=int(1184220 * k / 8.2), failed=int(3186 * k / 8.2))
slogt(CAMP, 939.1, "INFO", "campaign dispatch finished", campaign="valentines-2026-evening", sent=1181034, failed=3186, duration="41.2s")
slogt(CAMP, 939.2, "WARN", "invalid registration tokens", campaign="valentines-2026-evening", count=3186, action="pruned")
# gateway health checks
for gwn, ip in GW:
    s = R.uniform(0, 10)
    while s < END:
        slogt(gwn, s, "DEBUG", "health", path="/healthz", status=200, client_ip="10.42.%s.1" % ip.split(".")[2]); s += 10

# ioredis timeouts inside auth-service: when a pod's loop lag exceeds 500ms the commandTimeout timer fires first
lag_lines = []
for f, rows in list(FILES.items()):
    if not f.startswith("auth-service"): continue
    podname = f[:-4]
    last = -10
    for (s, _, text) in list(rows):
        d = json.loads(text)
        if d.get("msg") == "request completed" and d.get("responseTime", 0) > 1500 and d["req" if "req" in d else "res"] and s - last > R.uniform(6, 14):
            last = s
            emit(f, s + 0.0002, j({"level": 50, "time": epoch_ms(s + 0.0002), "pid": 1, "hostname": podname,
                  "err": {"type": "Error", "message": "Command timed out", "stack": "Error: Command timed out\n    at Timeout._onTimeout (/app/node_modules/ioredis/built/Redis.js:172:32)\n    at listOnTimeout (node:internal/timers:581:17)\n    at process.processTimers (node:internal/timers:519:7)"},
                  "command": "GET", "key": "tok:" + hexid(12), "msg": "token cache lookup failed, falling back to signature check"}))

# ---------------------------------------------------------------- kubernetes events (one JSON document, as `kubectl get events -o json`)
kev(662.0, "accounts", "Deployment", "profile-service", "ScalingReplicaSet", "Scaled up replica set profile-service-7d9c8b6f4 to 1", comp="deployment-controller")
for i, np in enumerate(PROF_NEW):
    b = PROF_SWITCH[i] - 14
    kev(b, "accounts", "Pod", np, "Scheduled", f"Successfully assigned accounts/{np} to ip-10-20-{3 + i}-{40 + i}.ec2.internal", comp="default-scheduler")
    kev(b + 1.0, "accounts", "Pod", np, "Pulling", 'Pulling image "ghcr.io/acme/profile-service:2.31.0"')
    kev(b + 3.4, "accounts", "Pod", np, "Pulled", 'Successfully pulled image "ghcr.io/acme/profile-service:2.31.0" in 2.4s (2.4s including waiting). Image size: 31822904 bytes.')
    kev(b + 3.6, "accounts", "Pod", np, "Created", "Created container profile-service")
    kev(b + 3.9, "accounts", "Pod", np, "Started", "Started container profile-service")
    kev(PROF_SWITCH[i] + 0.1, "accounts", "Pod", PROF_OLD[i], "Killing", "Stopping container profile-service")
kev(PROF_SWITCH[1] + 0.3, "accounts", "Deployment", "profile-service", "ScalingReplicaSet", "Scaled down replica set profile-service-84b7c6d5f to 0 from 1", comp="deployment-controller")
K8S.sort(key=lambda e: (e[0]))
doc = {"apiVersion": "v1", "items": [e[1] for e in K8S], "kind": "List", "metadata": {"resourceVersion": ""}}
FILES["k8s-events.json"] = [(0, 0, json.dumps(doc, indent=4))]

# ---------------------------------------------------------------- GitHub Actions deploy log (profile-service, red herring)
def gha(s, text): emit("deploy/profile-service-deploy-run-8841.log", s, T(s).strftime("%Y-%m-%dT%H:%M:%S.") + "%06d" % T(s).microsecond + "0Z " + text)
g = 612.0
for line in ["##[group]Run actions/checkout@v4", "with:", "  repository: acme/profile-service", "  ref: refs/heads/main", "##[endgroup]",
             "Syncing repository: acme/profile-service", "HEAD is now at e41f0a9 feat(profile): lazy-load avatar variants (#1294)",
             "##[group]Run docker/build-push-action@v6", "#12 pushing ghcr.io/acme/profile-service:2.31.0 with docker", "#12 DONE 7.4s", "##[endgroup]",
             "##[group]Run azure/setup-kubectl@v4", "##[endgroup]",
             "##[group]Run kubectl -n accounts set image deployment/profile-service profile-service=ghcr.io/acme/profile-service:2.31.0",
             "deployment.apps/profile-service image updated", "##[endgroup]",
             "##[group]Run kubectl -n accounts rollout status deployment/profile-service --timeout=300s",
             'Waiting for deployment "profile-service" rollout to finish: 1 out of 2 new replicas have been updated...',
             'Waiting for deployment "profile-service" rollout to finish: 1 old replicas are pending termination...',
             'deployment "profile-service" successfully rolled out', "##[endgroup]",
             "##[group]Run ./scripts/smoke.sh https://api.example.app/v1/me/health", "smoke: GET /v1/me/health -> 200 (41ms)", "smoke: OK", "##[endgroup]",
             "Post job cleanup.", "Cleaning up orphan processes"]:
    step = 1.1 if "Waiting" not in line else 33.2
    if line.startswith("#12 DONE"): step = 8.0
    if "set image" in line: g = 661.5
    gha(g, line); g += step
g = max(g, PROF_SWITCH[1] + 2)

# ---------------------------------------------------------------- write
if os.path.isdir(OUT): shutil.rmtree(OUT)
total = 0
for f, rows in sorted(FILES.items()):
    rows.sort(key=lambda r: (r[0], r[1]))
    p = os.path.join(OUT, f); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            if r[0] <= END + 2: fh.write(r[2] + "\n"); total += r[2].count("\n") + 1
print(OUT, total, "first slow auth response completes at", ms(FIRST_SLOW[0]) if FIRST_SLOW[0] else None)
