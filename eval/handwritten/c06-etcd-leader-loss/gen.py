#!/usr/bin/env python3
"""c06: etcd (service registry) loses its leader: one member already gone (pre-existing), the leader's disk stalls ->
election storm with no stable quorum for ~6 min; service discovery built on etcd breaks (registrations, resolvers).
ONE combined file written like `stern --timestamps` (pod, container, CRI timestamp, raw line) mixing etcd zap JSON,
Go slog text + JSON, Rust tracing, Java logback, Python logging. Streams are flushed in chunks, so lines from different
pods are out of order by up to a few seconds; node B's clock is 2.8s ahead."""
import datetime as dt, json, os, random, shutil, itertools

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "logs")
R = random.Random(6606)
BASE = dt.datetime(2026, 5, 5, 3, 10, 0, tzinfo=dt.timezone.utc)
END = 1560.0
SEQ = itertools.count()
STREAMS = {}   # (pod, container) -> list of (true_time, seq, raw_line, node)
def T(s): return BASE + dt.timedelta(microseconds=int(round(s * 1e6)))
def hexid(n): return "".join(R.choice("0123456789abcdef") for _ in range(n))
NODE_SKEW = {"A": 0.0, "B": 2.8, "C": 0.0}
POD_NODE = {}
def local(pod, s): return s + NODE_SKEW[POD_NODE[pod]]
def z3(s): t = T(s); return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
def z6(s): t = T(s); return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % t.microsecond
def emit(pod, cont, s, line): STREAMS.setdefault((pod, cont), []).append((s, next(SEQ), line))

STALL = 668.3      # 03:21:08.3 leader registry-etcd-0 fdatasync stalls (EBS)
DISK_OK = 1012.0   # 03:26:52
RECOVER = 1015.2   # 03:26:55.2 stable leader (etcd-1, with etcd-0 caught up)
OLD_EXPIRE = RECOVER + 11.0   # abandoned leases expire (TTL 10s + 1s election-timeout extension on promote)
ETCD2_BACK = 1065.4  # ops recreate registry-etcd-2 (PVC re-attached)
ETCD_URL = "registry-etcd.platform.svc.cluster.local:2379"
ID = {"registry-etcd-0": "a5e2f7b3c1d04e6f", "registry-etcd-1": "8e9e05c52164694d", "registry-etcd-2": "c8a13d9e0f7b2541"}
for p, n in [("registry-etcd-0", "A"), ("registry-etcd-1", "B"), ("registry-etcd-2", "C")]: POD_NODE[p] = n

def etcd(pod, s, level, caller, msg, logger=None, **kv):
    d = {"level": level, "ts": z6(local(pod, s)).replace("Z", "Z")}
    if logger: d["logger"] = logger
    d["caller"] = caller; d["msg"] = msg; d.update(kv)
    emit(pod, "etcd", s, json.dumps(d, separators=(",", ":")))
def raft(pod, s, msg, level="info"): etcd(pod, s, level, "etcdserver/zap_raft.go:77", msg, logger="raft")

# ---------------------------------------------------------------- etcd: steady state + pre-existing member-2 absence
for pod in ("registry-etcd-0", "registry-etcd-1"):
    s = R.uniform(0, 5)
    while s < ETCD2_BACK:
        for rt in ("ROUND_TRIPPER_SNAPSHOT", "ROUND_TRIPPER_RAFT_MESSAGE"):
            etcd(pod, s + R.uniform(0, 0.01), "warn", "rafthttp/probing_status.go:68", "prober detected unhealthy status", **{"round-tripper-name": rt,
                 "remote-peer-id": ID["registry-etcd-2"], "rtt": "0s", "error": "dial tcp: lookup registry-etcd-2.registry-etcd.platform.svc.cluster.local on 10.96.0.10:53: no such host"})
        s += 5.0
    s = R.uniform(0, 60)
    while s < END:
        if pod == "registry-etcd-0" or s > RECOVER:
            rev = 48211000 + int(s * 37)
            etcd(pod, s, "info", "mvcc/index.go:214", "compact tree index", revision=rev - 5000)
            etcd(pod, s + R.uniform(0.02, 0.09), "info", "mvcc/kvstore_compaction.go:57", "finished scheduled compaction", **{"compact-revision": rev - 5000, "took": f"{R.uniform(8, 40):.6f}ms", "hash": R.randint(10**8, 4 * 10**9)})
        s += 300.0
    s = R.uniform(0, 30)
    while s < STALL:
        if R.random() < 0.5:
            etcd(pod, s, "warn", "etcdserver/util.go:170", "apply request took too long", took=f"{R.uniform(101, 180):.6f}ms", **{"expected-duration": "100ms"}, prefix="read-only range ",
                 request=f'key:"/services/" range_end:"/services0" ', response=f"range_response_count:{R.randint(18, 24)} size:{R.randint(5000, 7000)}")
        s += R.uniform(40, 120)

# ---------------------------------------------------------------- etcd: the stall and the election storm
e0, e1 = "registry-etcd-0", "registry-etcd-1"
etcd(e0, STALL + 1.31, "warn", "wal/wal.go:805", "slow fdatasync", took="1.302s", **{"expected-duration": "1s"})
etcd(e0, STALL + 1.33, "warn", "etcdserver/raft.go:416", "leader failed to send out heartbeat on time; took too long, leader is overloaded likely from slow disk",
     to=ID[e1], **{"heartbeat-interval": "100ms", "expected-duration": "200ms", "exceeded-duration": "1.131s"})
term = 7; idx = 48236611
s = STALL + 1.2 + R.uniform(0, 0.2)
raft(e1, s, f"{ID[e1]} is starting a new election at term {term}")
leader_windows = []
while s < RECOVER - 2.5:
    raft(e1, s + 0.0001, f"{ID[e1]} became pre-candidate at term {term}")
    raft(e1, s + 0.0002, f"{ID[e1]} [logterm: 7, index: {idx}] sent MsgPreVote request to {ID[e0]} at term {term}")
    raft(e1, s + 0.0003, f"{ID[e1]} [logterm: 7, index: {idx}] sent MsgPreVote request to {ID['registry-etcd-2']} at term {term}")
    raft(e1, s + R.uniform(0.002, 0.02), f"{ID[e1]} received MsgPreVoteResp from {ID[e0]} at term {term}")
    raft(e1, s + 0.021, f"{ID[e1]} has received 2 MsgPreVoteResp votes and 0 vote rejections")
    term += 1
    raft(e1, s + 0.022, f"{ID[e1]} became candidate at term {term}")
    raft(e1, s + 0.023, f"{ID[e1]} [logterm: 7, index: {idx}] sent MsgVote request to {ID[e0]} at term {term}")
    raft(e0, s + 0.03, f"{ID[e0]} [term: {term - 1}] received a MsgVote message with higher term from {ID[e1]} [term: {term}]")
    raft(e0, s + 0.031, f"{ID[e0]} became follower at term {term}")
    if term == 8: raft(e0, s + 0.032, f"raft.node: {ID[e0]} lost leader {ID[e0]} at term 8")
    # the vote must be persisted (fsync) before it is sent: slow disk
    fs = R.uniform(1.2, 6.5)
    etcd(e0, s + 0.03 + fs, "warn", "wal/wal.go:805", "slow fdatasync", took=f"{fs:.3f}s", **{"expected-duration": "1s"})
    raft(e0, s + 0.031 + fs, f"{ID[e0]} [logterm: 7, index: {idx}, vote: 0] cast MsgVote for {ID[e1]} [logterm: 7, index: {idx}] at term {term}")
    timeout = R.uniform(1.0, 2.0)
    if fs + 0.01 < timeout:
        w = s + 0.04 + fs
        raft(e1, w, f"{ID[e1]} received MsgVoteResp from {ID[e0]} at term {term}")
        raft(e1, w + 0.0001, f"{ID[e1]} has received 2 MsgVoteResp votes and 0 vote rejections")
        raft(e1, w + 0.0002, f"{ID[e1]} became leader at term {term}")
        raft(e1, w + 0.0003, f"raft.node: {ID[e1]} elected leader {ID[e1]} at term {term}")
        raft(e0, w + R.uniform(0.5, 3.0), f"raft.node: {ID[e0]} elected leader {ID[e1]} at term {term}")
        hold = R.uniform(1.0, 2.2)
        leader_windows.append((w, w + hold))
        raft(e1, w + hold, f"{ID[e1]} stepped down to follower since quorum is not active", level="warn")
        raft(e1, w + hold + 0.0001, f"{ID[e1]} became follower at term {term}")
        raft(e1, w + hold + 0.0002, f"raft.node: {ID[e1]} lost leader {ID[e1]} at term {term}")
        s = w + hold + R.uniform(1.0, 2.0)
    else:
        s = s + timeout
    raft(e1, s, f"{ID[e1]} is starting a new election at term {term}")
# final, stable election once the disk is healthy
raft(e1, RECOVER - 0.03, f"{ID[e1]} became pre-candidate at term {term}")
term += 1
raft(e1, RECOVER - 0.02, f"{ID[e1]} became candidate at term {term}")
raft(e0, RECOVER - 0.012, f"{ID[e0]} [logterm: 7, index: {idx}, vote: 0] cast MsgVote for {ID[e1]} [logterm: 7, index: {idx}] at term {term}")
raft(e1, RECOVER - 0.001, f"{ID[e1]} became leader at term {term}")
raft(e1, RECOVER, f"raft.node: {ID[e1]} elected leader {ID[e1]} at term {term}")
raft(e0, RECOVER + 0.01, f"raft.node: {ID[e0]} elected leader {ID[e1]} at term {term}")
FINAL_TERM = term
# server-side symptoms during the storm (both members)
for pod in (e0, e1):
    s = STALL + 2.0 + R.uniform(0, 1)
    while s < RECOVER:
        x = R.random()
        if x < 0.4:
            etcd(pod, s, "warn", "etcdserver/v3_server.go:897", "waiting for ReadIndex response took too long, retrying", **{"sent-request-id": R.randint(10**18, 9 * 10**18), "retry-timeout": "500ms"})
        elif x < 0.7:
            etcd(pod, s, "warn", "etcdserver/v3_server.go:909", "timed out waiting for read index response (local node might have slow network)", timeout="7s")
        else:
            etcd(pod, s, "warn", "etcdserver/util.go:170", "apply request took too long", took=f"{R.uniform(2, 9):.6f}s", **{"expected-duration": "100ms"}, prefix="",
                 request=f"header:<ID:{R.randint(10**18, 9 * 10**18)} > lease_grant:<ttl:10-second id:{hexid(16)}>", response="", error="etcdserver: request timed out")
        s += R.uniform(0.8, 3.0)
    s = STALL + 3
    while s < DISK_OK:
        if R.random() < 0.35 and pod == e0:
            fs = R.uniform(1.1, 8.8)
            etcd(e0, s, "warn", "wal/wal.go:805", "slow fdatasync", took=f"{fs:.3f}s", **{"expected-duration": "1s"})
        s += R.uniform(2, 6)
# registry-etcd-2 comes back
e2 = "registry-etcd-2"
etcd(e2, ETCD2_BACK, "info", "etcdmain/etcd.go:73", "Running: ", args=["etcd", "--name=registry-etcd-2", "--data-dir=/var/run/etcd/default.etcd", "--initial-cluster-state=existing", "--heartbeat-interval=100", "--election-timeout=1000"])
etcd(e2, ETCD2_BACK + 0.2, "info", "embed/etcd.go:309", "starting an etcd server", **{"etcd-version": "3.5.16", "git-sha": "f20bbad", "go-version": "go1.22.7", "name": "registry-etcd-2"})
etcd(e2, ETCD2_BACK + 1.4, "info", "etcdserver/server.go:522", "recovered v3 backend from snapshot", **{"backend-size-bytes": 2101231616, "backend-size": "2.1 GB"})
raft(e2, ETCD2_BACK + 1.9, f"{ID[e2]} became follower at term {FINAL_TERM}")
raft(e2, ETCD2_BACK + 2.0, f"raft.node: {ID[e2]} elected leader {ID[e1]} at term {FINAL_TERM}")
etcd(e2, ETCD2_BACK + 2.1, "info", "etcdserver/server.go:2044", "published local member to cluster through raft", **{"local-member-id": ID[e2], "cluster-id": "cdf818194e3a8c32"})
for pod in (e0, e1):
    etcd(pod, ETCD2_BACK + 2.3, "info", "rafthttp/peer_status.go:53", "peer became active", **{"peer-id": ID[e2]})
    etcd(pod, ETCD2_BACK + 2.31, "info", "rafthttp/stream.go:249", "set message encoder", **{"from": ID[pod], "to": ID[e2], "stream-type": "stream Message"})

def etcd_write_ok(s):
    """proposals (lease grant, put) need a committed quorum write: impossible while the voter's disk stalls"""
    return s < STALL + 1.2 or s >= RECOVER + 0.05
def etcd_ok(s):
    """linearizable reads / grants / keepalives work"""
    if s < STALL + 1.2 or s >= RECOVER + 0.05: return True
    return any(a <= s < b for a, b in leader_windows)

# ---------------------------------------------------------------- registrars (each instance, own client lib + backoff)
INST = {
    "inventory-svc": [("inventory-svc-5f8d7c6b9-2kq8t", "C", "10.0.3.41"), ("inventory-svc-5f8d7c6b9-x7hmz", "C", "10.0.3.57")],
    "pricing-svc": [("pricing-svc-6c9b8d7f5-j5p2w", "B", "10.0.2.18"), ("pricing-svc-6c9b8d7f5-n8v4r", "B", "10.0.2.33")],
    "user-svc": [("user-svc-7d8f9b6c5-q3t7k", "B", "10.0.2.71"), ("user-svc-7d8f9b6c5-w9m2x", "A", "10.0.1.64")],
    "search-svc": [("search-svc-84c7b9d6f-h2r5n", "C", "10.0.3.88")],
}
for svc, lst in INST.items():
    for pod, node, ip in lst: POD_NODE[pod] = node
GW = [("api-gateway-6b8f7d9c5-k4x2m", "A"), ("api-gateway-6b8f7d9c5-t8q6v", "C")]
OA = [("order-api-59d7c8b6f-b7n3w", "A"), ("order-api-59d7c8b6f-r2k9p", "C")]
NOTIF = [("notification-svc-7f6d5c8b9-g6h4j", "B")]
for p, n in GW + OA + NOTIF: POD_NODE[p] = n

def rust(pod, s, level, target, msg, **kv):
    emit(pod, "inventory-svc", s, f"{z6(local(pod, s))} {level:>5} {target}: {msg}" + ("".join(f" {k}={v}" for k, v in kv.items())))
def slogt(pod, cont, s, level, msg, **kv):
    parts = [f"time={z3(local(pod, s))}", f"level={level}", "msg=" + (json.dumps(msg) if " " in msg else msg)]
    for k, v in kv.items():
        v = str(v); parts.append(f"{k}=" + (json.dumps(v) if (" " in v or '"' in v or "=" in v) else v))
    emit(pod, cont, s, " ".join(parts))
def slogj(pod, s, level, msg, **kv):
    d = {"time": z3(local(pod, s)), "level": level, "msg": msg}; d.update(kv)
    emit(pod, "order-api", s, json.dumps(d, separators=(",", ":")))
def logback(pod, s, level, thread, logger, msg):
    t = T(local(pod, s))
    emit(pod, "user-svc", s, t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000) + f" {level:<5} 1 --- [{thread}] {logger} : {msg}")
def pylog(pod, cont, s, level, name, msg):
    t = T(local(pod, s))
    emit(pod, cont, s, t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000) + f" {level} [{name}] {msg}")

def reg_log(svc, pod, s, kind, attempt=0, lease=None, err=None, retry=None):
    if svc == "inventory-svc":
        if kind == "ka_fail":
            rust(pod, s, "WARN", "inventory_svc::registry", "lease keep-alive failed", lease=lease, error=f'"grpc request error: status: Unavailable, message: \\"{err}\\", details: [], metadata: MetadataMap {{ headers: {{}} }}"')
        elif kind == "reg_fail":
            rust(pod, s, "ERROR", "inventory_svc::registry", "service registration failed", endpoint=f"http://{ETCD_URL}", key=f"/services/inventory-svc/{pod}", attempt=attempt,
                 error=f'"grpc request error: status: Unavailable, message: \\"{err}\\", details: [], metadata: MetadataMap {{ headers: {{}} }}"', retry_in=f"{retry}s")
        else:
            rust(pod, s, "INFO", "inventory_svc::registry", "registered service instance", key=f"/services/inventory-svc/{pod}", lease=lease, ttl=10)
    elif svc == "pricing-svc":
        if kind == "ka_fail": slogt(pod, "pricing-svc", s, "WARN", "lease keepalive failed", lease=lease, err=err)
        elif kind == "reg_fail": slogt(pod, "pricing-svc", s, "ERROR", "register service failed", service=svc, endpoints=ETCD_URL, attempt=attempt, err=err, retry_in=f"{retry}s")
        else: slogt(pod, "pricing-svc", s, "INFO", "service registered", service=svc, key=f"/services/pricing-svc/{pod}", lease=lease, ttl="10s")
    elif svc == "user-svc":
        if kind == "ka_fail": logback(pod, s, "WARN", "jetcd-keepalive", "c.a.user.registry.EtcdRegistrar", f"keepalive failed for lease {lease}: io.grpc.StatusRuntimeException: UNAVAILABLE: {err}")
        elif kind == "reg_fail": logback(pod, s, "ERROR", "registrar-1", "c.a.user.registry.EtcdRegistrar", f"Registration of user-svc/{pod} failed (attempt {attempt}), retrying in {retry}s: io.etcd.jetcd.common.exception.EtcdException: io.grpc.StatusRuntimeException: UNAVAILABLE: {err}")
        else: logback(pod, s, "INFO", "registrar-1", "c.a.user.registry.EtcdRegistrar", f"Registered user-svc/{pod} with lease {lease} (ttl 10s)")
    else:
        if kind == "ka_fail": pylog(pod, "search-svc", s, "WARNING", "search.registry", f"lease {lease} refresh failed: <_MultiThreadedRendezvous of RPC that terminated with: status = StatusCode.UNAVAILABLE details = \"{err}\">")
        elif kind == "reg_fail": pylog(pod, "search-svc", s, "ERROR", "search.registry", f"registration failed (attempt {attempt}), next try in {retry}s: etcd3.exceptions.ConnectionFailedError: {err}")
        else: pylog(pod, "search-svc", s, "INFO", "search.registry", f"registered /services/search-svc/{pod} lease={lease} ttl=10")

BACKOFF = {"inventory-svc": lambda a: min(64, 2 ** (a - 1)), "pricing-svc": lambda a: min(30, 2 ** (a - 1)),
           "user-svc": lambda a: 15, "search-svc": lambda a: min(60, 5 * a)}
REREG = {}
for svc, lst in INST.items():
    for pod, node, ip in lst:
        lease = hexid(16)
        # keepalive every ~3.3s; first failure after the stall
        s = R.uniform(0, 3.3)
        while s < STALL + 1.2: s += 3.33
        # keepalive may still succeed inside a leader window; fail otherwise
        fails = 0
        while etcd_ok(s) or fails < 3:
            if not etcd_ok(s):
                fails += 1
                reg_log(svc, pod, s + 5.0, "ka_fail", lease=lease, err="etcdserver: no leader" if fails < 3 else "context deadline exceeded")
            s += 3.33
        # client library gives up the lease and re-registers with back-off
        a = 0; t = s + 5.0
        while True:
            a += 1
            if etcd_write_ok(t + 0.01):
                lease = hexid(16)
                reg_log(svc, pod, t + R.uniform(0.005, 0.03), "ok", lease=lease)
                REREG[pod] = t; break
            b = BACKOFF[svc](a)
            reg_log(svc, pod, t + R.uniform(2.0, 5.0) if a % 2 else t + 0.002, "reg_fail", attempt=a, err=R.choice(["etcdserver: no leader", "context deadline exceeded", "etcdserver: request timed out"]), retry=b)
            t += b + R.uniform(2.0, 5.0)

def registered(svc, s):
    out = []
    for pod, node, ip in INST[svc]:
        if s < OLD_EXPIRE or s >= REREG[pod]: out.append((pod, ip))
    return out

# ---------------------------------------------------------------- api-gateway discovery cache (30s refresh, 5s retry, 60s max-stale)
CACHE = {}
for gw, node in GW:
    for svc in ("user-svc", "search-svc"):
        CACHE[(gw, svc)] = {"eps": registered(svc, 0), "last_ok": 0.0, "next": R.uniform(0, 30), "dropped": False}
def gw_eps(gw, svc, s):
    c = CACHE[(gw, svc)]
    while c["next"] <= s:
        t = c["next"]
        if etcd_ok(t):
            new = registered(svc, t)
            if c["dropped"] or len(new) != len(c["eps"]):
                slogt(gw, "api-gateway", t, "INFO", "discovery refreshed", service=svc, endpoints=len(new), source=ETCD_URL)
            c["eps"] = new; c["last_ok"] = t; c["dropped"] = False; c["next"] = t + 30.0
        else:
            age = t - c["last_ok"]
            if age > 60 and not c["dropped"]:
                c["dropped"] = True; c["eps"] = []
                slogt(gw, "api-gateway", t, "ERROR", "discovery entry expired, dropping endpoints", service=svc, max_stale="60s", last_refresh=z3(local(gw, c["last_ok"])))
            elif not c["dropped"]:
                slogt(gw, "api-gateway", t, "WARN", "discovery refresh failed, serving stale endpoints", service=svc, stale_for=f"{int(age)}s", err="etcdserver: no leader" if R.random() < 0.6 else "context deadline exceeded")
            else:
                slogt(gw, "api-gateway", t, "WARN", "discovery refresh failed", service=svc, err="context deadline exceeded")
            c["next"] = t + 5.0
    return c["eps"]

# order-api gRPC etcd resolver: watch (require-leader) + 10s re-list; keeps last addresses on error
RES = {}
for oa, node in OA:
    for svc in ("inventory-svc", "pricing-svc"):
        RES[(oa, svc)] = {"eps": registered(svc, 0), "next": R.uniform(0, 10), "broken": False}
def oa_eps(oa, svc, s):
    c = RES[(oa, svc)]
    while c["next"] <= s:
        t = c["next"]
        if etcd_ok(t) and not (STALL < t < RECOVER):
            if c["broken"]:
                slogj(oa, t, "INFO", "etcd resolver watch re-established", target=f"etcd:///services/{svc}", addresses=len(registered(svc, t)))
            c["broken"] = False
        elif STALL + 3.5 < t:
            if not c["broken"]:
                c["broken"] = True
                slogj(oa, t, "WARN", "etcd resolver watch canceled", target=f"etcd:///services/{svc}", err="rpc error: code = Unavailable desc = etcdserver: no leader")
            slogj(oa, t + 0.001, "WARN", "resolver re-list failed, keeping last addresses", target=f"etcd:///services/{svc}", addresses=len(c["eps"]), err="context deadline exceeded")
        c["next"] = t + 10.0
    if not c["broken"]:
        c["eps"] = registered(svc, s)
    return c["eps"]

# ---------------------------------------------------------------- traffic
def gw_access(gw, t0, t1, method, path, status, upstream, rid, level="INFO"):
    slogt(gw, "api-gateway", t1, level, "access", method=method, path=path, status=status, duration_ms=round((t1 - t0) * 1000, 1), upstream=upstream, request_id=rid,
          remote=f"100.64.{R.randint(0, 63)}.{R.randint(2, 250)}")
t = 0.0
while t < END:
    t += R.expovariate(3.2)
    if t >= END: break
    gw, _ = R.choice(GW); rid = hexid(16); x = R.random()
    if x < 0.25 or x < 0.52:
        svc = "user-svc" if x < 0.25 else "search-svc"
        path = f"/api/users/{R.randint(10**5, 10**6)}" if svc == "user-svc" else f"/api/search?q={R.choice(['tent', 'boots', 'stove', 'jacket', 'rope'])}"
        eps = gw_eps(gw, svc, t)
        if not eps:
            slogt(gw, "api-gateway", t + 0.0002, "ERROR", "no healthy upstream", route=path.split("?")[0].rsplit("/", 1)[0] if svc == "user-svc" else "/api/search", upstream=svc, request_id=rid)
            gw_access(gw, t, t + 0.0004, "GET", path, 503, svc, rid, "ERROR"); continue
        pod, ip = R.choice(eps)
        d = R.uniform(0.005, 0.05) if svc == "user-svc" else R.uniform(0.02, 0.15)
        if svc == "user-svc":
            logback(pod, t + d, "INFO", f"grpc-default-executor-{R.randint(0, 30)}", "c.a.user.api.UserGrpcService", f"GetUser id={path.rsplit('/', 1)[1]} found=true took={int(d * 1000)}ms")
        else:
            pylog(pod, "search-svc", t + d, "INFO", "search.api", f"query q={path.split('=')[1]} hits={R.randint(0, 400)} took_ms={int(d * 1000)}")
        gw_access(gw, t, t + d + 0.002, "GET", path, 200, svc, rid)
    elif x < 0.78:
        oa, _ = R.choice(OA)
        oid = R.randint(10**7, 10**8)
        a = t + 0.002; ok = True; status = 201
        for svc, method in (("inventory-svc", "/inventory.v1.Inventory/Reserve"), ("pricing-svc", "/pricing.v1.Pricing/Quote")):
            eps = oa_eps(oa, svc, a)
            if not eps:
                slogj(oa, a + 0.0003, "ERROR", "grpc call failed", method=method, code="Unavailable", err="rpc error: code = Unavailable desc = name resolver error: produced zero addresses", order_id=oid, request_id=rid)
                ok = False; a += 0.0005; break
            pod, ip = R.choice(eps)
            d = R.uniform(0.004, 0.03)
            if svc == "inventory-svc":
                rust(pod, a + d, "INFO", "inventory_svc::grpc", "reserve", order_id=oid, skus=R.randint(1, 5), elapsed_ms=int(d * 1000))
            else:
                slogt(pod, "pricing-svc", a + d, "INFO", "quote", order_id=oid, currency="EUR", total_cents=R.randint(1500, 50000), duration_ms=round(d * 1000, 1))
            a += d + 0.001
        if ok:
            slogj(oa, a + 0.004, "INFO", "order placed", order_id=oid, request_id=rid, duration_ms=round((a + 0.004 - t) * 1000, 1))
            gw_access(gw, t, a + 0.006, "POST", "/api/orders", 201, "order-api", rid)
        else:
            slogj(oa, a + 0.0005, "ERROR", "request failed", method="POST", path="/v1/orders", status=503, request_id=rid)
            gw_access(gw, t, a + 0.002, "POST", "/api/orders", 502, "order-api", rid, "ERROR")
    else:
        gw_access(gw, t, t + R.uniform(0.0003, 0.002), "GET", R.choice(["/healthz", "/healthz", "/api/config"]), 200, "-" , rid)
# exercise caches to the end so late refresh lines get logged
for gw, _ in GW:
    for svc in ("user-svc", "search-svc"): gw_eps(gw, svc, END)
for oa, _ in OA:
    for svc in ("inventory-svc", "pricing-svc"): oa_eps(oa, svc, END)

# ---------------------------------------------------------------- notification-svc: unaffected (k8s Service DNS), pre-existing SMTP errors
pn = NOTIF[0][0]
s = R.uniform(0, 10)
while s < END:
    pylog(pn, "notification-svc", s, "INFO", "notify.worker", f"sent email template=order_confirmation to=***@{R.choice(['gmail.com', 'outlook.com', 'web.de', 'icloud.com'])} provider=smtp-relay.mail.svc.cluster.local:587")
    s += R.uniform(2, 6)
s = R.uniform(0, 40)
while s < END:
    pylog(pn, "notification-svc", s, "ERROR", "notify.worker", "smtp send failed: (450, b'4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.') recipient=***@gmail.com; will retry")
    s += R.uniform(30, 80)

# ---------------------------------------------------------------- stern-style combined output with chunked flushes
out_rows = []
for (pod, cont), rows in STREAMS.items():
    rows.sort(key=lambda r: (r[0], r[1]))
    buf = []; first = None
    for (s, sq, line) in rows:
        if s > END + 3: continue
        if buf and s - first > buf_age:
            flush_t = first + buf_age
            for (bs, bsq, bl) in buf: out_rows.append((flush_t, bs, bsq, f"{pod} {cont} {z6(local(pod, bs))[:-1]}{R.randint(0, 999):03d}Z {bl}"))
            buf = []
        if not buf:
            first = s; buf_age = R.uniform(0.3, 3.5)
        buf.append((s, sq, line))
    for (bs, bsq, bl) in buf: out_rows.append((first + buf_age, bs, bsq, f"{pod} {cont} {z6(local(pod, bs))[:-1]}{R.randint(0, 999):03d}Z {bl}"))
out_rows.sort(key=lambda r: (r[0], r[1], r[2]))
if os.path.isdir(OUT): shutil.rmtree(OUT)
os.makedirs(OUT)
with open(os.path.join(OUT, "stern-prod-0310-0336.log"), "w", encoding="utf-8", newline="\n") as fh:
    for r in out_rows: fh.write(r[3] + "\n")
print(OUT, len(out_rows), "leader windows:", len(leader_windows), "final term", FINAL_TERM, "rereg:", {k: round(v - RECOVER, 1) for k, v in REREG.items()})
