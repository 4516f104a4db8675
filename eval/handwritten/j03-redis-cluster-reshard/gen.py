#!/usr/bin/env python3
"""Generator for case j03 (deterministic, standard library only).

Writes ./logs/ beside this file (kubelet /var/log/pods layout, CRI log format).
Re-running produces byte-identical output.
"""
import datetime
import json
import math
import os
import random
import shutil

SEED = 3303
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
UTC = datetime.timezone.utc
DAY0 = datetime.datetime(2025, 9, 23, tzinfo=UTC).timestamp()


def T(h, m, s=0.0):
    return DAY0 + h * 3600 + m * 60 + s


def dt(t):
    return datetime.datetime.fromtimestamp(round(t, 6), UTC)


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def cri_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%03dZ" % (d.microsecond, R.randint(0, 999))


def redis_ts(t):
    d = dt(t)
    return d.strftime("%d %b %Y %H:%M:%S.") + "%03d" % (d.microsecond // 1000)


def nginx_local(t):
    return dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000")


def nginx_err_ts(t):
    return dt(t).strftime("%Y/%m/%d %H:%M:%S")


def klog_ts(t):
    d = dt(t)
    return d.strftime("%m%d %H:%M:%S.") + "%06d" % d.microsecond


LINES = {}


def emit(path, t, line, stream="stdout"):
    row = "%s %s F %s" % (cri_ts(t + R.uniform(0.00002, 0.0009)), stream, line)
    LINES.setdefault(path, []).append((t, len(LINES.get(path, [])), row))


def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))


def uid():
    h = hexid(32)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def lognorm(median, sigma):
    return median * math.exp(R.gauss(0, sigma))


def podpath(ns, pod, container):
    if (ns, pod) not in PODUID:
        PODUID[(ns, pod)] = uid()
    return "%s_%s_%s/%s/0.log" % (ns, pod, PODUID[(ns, pod)], container)


PODUID = {}

START = T(10, 55)
END = T(11, 50)

RDOM = "redis-sessions.data.svc.cluster.local"
NODES = []
for i in range(8):
    NODES.append({"name": "redis-sessions-%d" % i, "id": hexid(40), "ip": "10.30.4.%d" % (12 + i),
                  "host": "redis-sessions-%d.%s" % (i, RDOM)})
NEW_SHARD_UP = T(11, 12, 3.4)
REBAL_START = T(11, 18, 40.0)
BLOCKS = [(1, T(11, 21, 14.207), T(11, 21, 41.032)),
          (0, T(11, 27, 5.551), T(11, 27, 24.690)),
          (4, T(11, 33, 48.120), T(11, 34, 1.377))]
FAILOVERS = [
    (1, 4, T(11, 21, 29.318), T(11, 21, 30.114), T(11, 21, 32.402), 9),
    (0, 3, T(11, 27, 20.602), T(11, 27, 21.388), T(11, 27, 22.971), 10),
]
REBAL_STOP = T(11, 38, 12.0)
SHORT_BLOCKS = []
_t = REBAL_START + 9.0
while _t < REBAL_STOP:
    _src = R.choice([0, 1, 2])
    if _src == 1 and _t > FAILOVERS[0][4]:
        _src = 4
    if _src == 0 and _t > FAILOVERS[1][4]:
        _src = 3
    _d = min(9.0, lognorm(2.2, 0.6))
    if not any(b[1] - 3 < _t < b[2] + 3 for b in BLOCKS):
        SHORT_BLOCKS.append((_src, _t, _t + _d))
    _t += _d + R.uniform(6, 30)


def rlog(i, t, role, lvl, msg):
    n = NODES[i]
    emit(podpath("data", n["name"], "redis"), t, "1:%s %s %s %s" % (role, redis_ts(t), lvl, msg))


def nid(i):
    return "%s (%s)" % (NODES[i]["id"], NODES[i]["host"])


def redis_logs():
    roles = {0: "M", 1: "M", 2: "M", 3: "S", 4: "S", 5: "S"}
    for i in range(6):
        t = START + R.uniform(0, 300)
        while t < END:
            t += R.uniform(600, 1100)
            role = roles[i]
            if i in (1,) and t > BLOCKS[0][0]:
                role = "S"
            if i == 4 and t > FAILOVERS[0][4]:
                role = "M"
            if i == 0 and t > BLOCKS[1][0]:
                role = "S"
            if i == 3 and t > FAILOVERS[1][4]:
                role = "M"
            if role == "M":
                pid = R.randint(2000, 9000)
                rlog(i, t, role, "*", "Starting automatic rewriting of AOF on %d%% growth" % R.randint(100, 140))
                rlog(i, t + 0.002, role, "*", "Creating AOF incr file appendonly.aof.%d.incr.aof on background rewrite" % R.randint(20, 90))
                rlog(i, t + 0.01, role, "*", "Background append only file rewriting started by pid %d" % pid)
                d = R.uniform(4, 9)
                rlog(i, t + d, "C", "*", "Successfully created the temporary AOF base file temp-rewriteaof-bg-%d.aof" % pid)
                rlog(i, t + d + 0.001, "C", "*", "Fork CoW for AOF rewrite: current %d MB, peak %d MB, average %d MB" % (R.randint(2, 30), R.randint(30, 80), R.randint(10, 30)))
                rlog(i, t + d + 0.1, role, "*", "Background AOF rewrite terminated with success")
                rlog(i, t + d + 0.11, role, "*", "Successfully renamed the temporary AOF base file temp-rewriteaof-bg-%d.aof into appendonly.aof.%d.base.rdb" % (pid, R.randint(20, 90)))
                rlog(i, t + d + 0.12, role, "*", "Background AOF rewrite finished successfully")
    for t in (T(11, 2, 41.3), T(11, 9, 12.8)):
        rlog(2, t, "M", "*", "Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer without waiting for fsync to complete, this may slow down Redis.")
    for i in (6, 7):
        t0 = NEW_SHARD_UP + (0 if i == 6 else 1.7)
        msgs = [
            ("#", "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect."),
            ("*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo"),
            ("*", "Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started"),
            ("*", "Configuration loaded"),
            ("*", "monotonic clock: POSIX clock_gettime"),
            ("*", "Running mode=cluster, port=6379."),
            ("*", "No cluster configuration found, I'm %s" % NODES[i]["id"]),
            ("*", "Server initialized"),
            ("*", "Ready to accept connections tcp"),
        ]
        for k, (lv, m) in enumerate(msgs):
            rlog(i, t0 + k * 0.001, "C" if k < 3 else "M", lv, m)
        rlog(i, t0 + 41.2, "M", "*", "IP address for this node updated to %s" % NODES[i]["ip"])
        if i == 7:
            t1 = t0 + 55.0
            for k, m in enumerate(["Before turning into a replica, using my own master parameters to synthesize a cached master: I may be able to synchronize with the new master with just a partial transfer.",
                                   "Connecting to MASTER %s:6379" % NODES[6]["host"],
                                   "MASTER <-> REPLICA sync started",
                                   "Non blocking connect for SYNC fired the event.",
                                   "Master replied to PING, replication can continue...",
                                   "Partial resynchronization not possible (no cached master)",
                                   "Full resync from master: %s:0" % hexid(40),
                                   "MASTER <-> REPLICA sync: receiving streamed RDB from master with EMPTY disk",
                                   "MASTER <-> REPLICA sync: Flushing old data",
                                   "MASTER <-> REPLICA sync: Loading DB in memory",
                                   "Loading RDB produced by version 7.2.5",
                                   "Done loading RDB, keys loaded: 0, keys expired: 0.",
                                   "MASTER <-> REPLICA sync: Finished with success"]):
                rlog(i, t1 + k * 0.003, "S", "*", m)
        else:
            rlog(i, t0 + 56.0, "M", "*", "Replica %s:6379 asks for synchronization" % NODES[7]["ip"])
            rlog(i, t0 + 56.001, "M", "*", "Full resync requested by replica %s:6379" % NODES[7]["ip"])
            rlog(i, t0 + 56.002, "M", "*", "Streamed RDB transfer with replica %s:6379 succeeded (socket). Waiting for REPLCONF ACK from replica to enable streaming" % NODES[7]["ip"])
            rlog(i, t0 + 56.01, "M", "*", "Synchronization with replica %s:6379 succeeded" % NODES[7]["ip"])
            rlog(i, REBAL_START + 3.1, "M", "#", "Cluster state changed: ok")
    for (fm, rep, pfail, fail, ok, epoch) in FAILOVERS:
        others = [k for k in range(8) if k not in (fm,)]
        reporter = R.choice([k for k in (0, 1, 2, 3, 4, 5, 6) if k not in (fm, rep)])
        for k in others:
            role = "M" if k in (0, 1, 2, 6) or (k == 4 and fail > FAILOVERS[0][4]) or (k == 3 and fail > FAILOVERS[1][4]) else "S"
            if k in (1,) and fail > FAILOVERS[0][4]:
                role = "S"
            if k == reporter:
                rlog(k, fail, role, "*", "Marking node %s as failing (quorum reached)." % nid(fm))
            else:
                rlog(k, fail + R.uniform(0.001, 0.02), role, "*", "FAIL message received from %s about %s" % (nid(reporter), nid(fm)))
            rlog(k, fail + R.uniform(0.02, 0.05), role, "#", "Cluster state changed: fail")
            if role == "M" and k != rep:
                rlog(k, ok - R.uniform(0.9, 1.4), role, "*", "Failover auth granted to %s for epoch %d" % (nid(rep), epoch))
            if k != rep:
                rlog(k, ok + R.uniform(0.0, 0.3), role, "#", "Cluster state changed: ok")
        rlog(rep, fail + 0.2, "S", "#", "Start of election delayed for %d milliseconds (rank #0, offset %d)." % (R.randint(500, 900), R.randint(8 * 10 ** 10, 9 * 10 ** 10)))
        rlog(rep, ok - 1.5, "S", "#", "Starting a failover election for epoch %d." % epoch)
        rlog(rep, ok - 0.2, "S", "#", "Failover election won.")
        rlog(rep, ok - 0.19, "S", "#", "configEpoch set to [%d] after successful failover" % epoch)
        rlog(rep, ok - 0.188, "M", "*", "Discarding previously cached master state.")
        rlog(rep, ok - 0.187, "M", "*", "Setting secondary replication ID to %s, valid up to offset: %d. New replication ID is %s" % (hexid(40), R.randint(8 * 10 ** 10, 9 * 10 ** 10), hexid(40)))
        rlog(rep, ok, "M", "#", "Cluster state changed: ok")
        bend = [b for b in BLOCKS if b[0] == fm][0][2]
        rlog(fm, bend + 0.003, "M", "*", "Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer without waiting for fsync to complete, this may slow down Redis.")
        rlog(fm, bend + 0.05, "M", "#", "Configuration change detected. Reconfiguring myself as a replica of %s" % nid(rep))
        rlog(fm, bend + 0.051, "S", "*", "Before turning into a replica, using my own master parameters to synthesize a cached master: I may be able to synchronize with the new master with just a partial transfer.")
        rlog(fm, bend + 0.052, "S", "*", "Connecting to MASTER %s:6379" % NODES[rep]["host"])
        rlog(fm, bend + 0.053, "S", "*", "MASTER <-> REPLICA sync started")
        for k in others:
            if k != rep:
                rlog(k, bend + R.uniform(0.4, 1.2), "M" if k in (0, 2, 6) else "S", "*", "Clear FAIL state for node %s:master without slots is reachable again." % nid(fm))
        rlog(fm, bend + 0.06, "S", "*", "Non blocking connect for SYNC fired the event.")
        rlog(fm, bend + 0.061, "S", "*", "Master replied to PING, replication can continue...")
        rlog(fm, bend + 0.062, "S", "*", "Trying a partial resynchronization (request %s:%d)." % (hexid(40), R.randint(8 * 10 ** 10, 9 * 10 ** 10)))
        rlog(rep, bend + 0.07, "M", "*", "Replica %s:6379 asks for synchronization" % NODES[fm]["ip"])
        rlog(rep, bend + 0.071, "M", "*", "Partial resynchronization not accepted: Requested offset for second ID was %d, but I can reply up to %d" % (R.randint(8 * 10 ** 10, 9 * 10 ** 10), R.randint(8 * 10 ** 10, 9 * 10 ** 10)))
        rlog(rep, bend + 0.072, "M", "*", "Starting BGSAVE for SYNC with target: disk")
        rlog(rep, bend + 0.29, "M", "*", "Background saving started by pid %d" % R.randint(300, 900))
        rlog(fm, bend + 0.3, "S", "*", "Full resync from master: %s:%d" % (hexid(40), R.randint(8 * 10 ** 10, 9 * 10 ** 10)))
        dsave = R.uniform(28, 40)
        rlog(rep, bend + dsave, "C", "*", "DB saved on disk")
        rlog(rep, bend + dsave + 0.001, "C", "*", "Fork CoW for RDB: current %d MB, peak %d MB, average %d MB" % (R.randint(400, 900), R.randint(900, 1400), R.randint(300, 600)))
        rlog(rep, bend + dsave + 0.2, "M", "*", "Background saving terminated with success")
        rlog(rep, bend + dsave + 6.1, "M", "*", "Synchronization with replica %s:6379 succeeded" % NODES[fm]["ip"])
        for k, m in enumerate(["MASTER <-> REPLICA sync: receiving %d bytes from master to disk" % R.randint(3 * 10 ** 9, 5 * 10 ** 9),
                               "MASTER <-> REPLICA sync: Flushing old data",
                               "MASTER <-> REPLICA sync: Loading DB in memory",
                               "Loading RDB produced by version 7.2.5",
                               "RDB age %d seconds" % R.randint(6, 9),
                               "RDB memory usage when created %.2f Mb" % R.uniform(3800, 4400)]):
            rlog(fm, bend + dsave + 0.5 + k * 0.001, "S", "*", m)
        rlog(fm, bend + dsave + 5.9, "S", "*", "Done loading RDB, keys loaded: %d, keys expired: %d." % (R.randint(2800000, 3100000), R.randint(100, 4000)))
        rlog(fm, bend + dsave + 6.0, "S", "*", "MASTER <-> REPLICA sync: Finished with success")
    b = BLOCKS[2]
    rlog(4, b[2] + 0.002, "M", "*", "Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer without waiting for fsync to complete, this may slow down Redis.")


def blocked_node_for_key(t, keyslot):
    for (fm, rep, pfail, fail, ok, epoch) in FAILOVERS:
        if fail <= t < ok:
            return "clusterdown"
    owner = None
    third = keyslot * 3 // 16384
    owner = [0, 1, 2][third]
    if owner == 1 and t >= FAILOVERS[0][4]:
        owner = 4
    if owner == 0 and t >= FAILOVERS[1][4]:
        owner = 3
    for (n, s, e) in BLOCKS + SHORT_BLOCKS:
        if n == owner and s <= t < e:
            return "timeout"
    for (fm, rep, pfail, fail, ok, epoch) in FAILOVERS:
        if ok <= t < ok + 1.5:
            return "moved_refresh"
        bend = [b for b in BLOCKS if b[0] == fm][0][2]
        if owner == rep and bend < t < bend + 0.6:
            return "timeout"
    if REBAL_START <= t < REBAL_STOP:
        h = (keyslot * 2654435761 + int(t // 20) * 40503) % 1000
        if h < 45:
            return "tryagain" if R.random() < 0.85 else "redirects"
    return "ok"


WEB_BFF = [("web-bff-5c7d9f8b6-kx8pl", "10.30.2.5"), ("web-bff-5c7d9f8b6-m2q7d", "10.30.2.6"), ("web-bff-5c7d9f8b6-zz4tw", "10.30.2.7")]
SESSION = [("session-svc-7f8b9c6d5-4hkc2", "10.30.3.21"), ("session-svc-7f8b9c6d5-rj8vx", "10.30.3.22")]
AUTH_OLD = [("auth-api-74d6b5c8f9-pq2mz", "10.30.3.41"), ("auth-api-74d6b5c8f9-wx5nd", "10.30.3.42")]
AUTH_NEW = [("auth-api-6b7c8d9e01-f7lqs", "10.30.3.51"), ("auth-api-6b7c8d9e01-t9hvk", "10.30.3.52")]
AUTH_DEPLOY = T(11, 16, 31.0)
CATALOG = [("catalog-svc-58b9c7d6f4-bn6xr", "10.30.3.61"), ("catalog-svc-58b9c7d6f4-gk2wp", "10.30.3.62")]
NOTIF = ("notification-svc-6c5d4b8a97-d8rml", "10.30.3.71")
INGRESS = "ingress-nginx-controller-7d9c6b5f84-hn2kq"

UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Mobile Safari/537.36",
]


def pino(t, pod, level, msg, **kw):
    d = {"level": level, "time": int(t * 1000), "pid": 1, "hostname": pod}
    d.update(kw)
    d["msg"] = msg
    return json.dumps(d, separators=(",", ":"))


def zlog(t, level, msg, **kw):
    d = {"level": level}
    d.update(kw)
    d["time"] = iso_ms(t)
    d["message"] = msg
    return json.dumps(d, separators=(",", ":"))


def keyslot():
    return R.randrange(16384)


def redis_err(st, slot):
    ip_h = lambda i: "%s:6379" % NODES[i]["host"]
    if st == "timeout":
        return {"type": "Error", "message": "Command timed out", "stack": "Error: Command timed out\n    at Timeout._onTimeout (/app/node_modules/ioredis/built/Redis.js:174:32)\n    at listOnTimeout (node:internal/timers:581:17)\n    at process.processTimers (node:internal/timers:519:7)"}
    if st == "clusterdown":
        return {"type": "ReplyError", "message": "CLUSTERDOWN The cluster is down", "stack": "ReplyError: CLUSTERDOWN The cluster is down\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)"}
    if st == "tryagain":
        return {"type": "ReplyError", "message": "TRYAGAIN Multiple keys request during rehashing of slot", "stack": "ReplyError: TRYAGAIN Multiple keys request during rehashing of slot\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)"}
    if st == "redirects":
        return {"type": "Error", "message": "Too many Cluster redirections. Last error: ReplyError: ASK %d %s" % (slot, ip_h(6)), "stack": "Error: Too many Cluster redirections. Last error: ReplyError: ASK %d %s\n    at Cluster.handleError (/app/node_modules/ioredis/built/cluster/index.js:681:27)" % (slot, ip_h(6))}
    return {"type": "Error", "message": "unknown"}


def session_op(t, op, sid):
    pod, ip = R.choice(SESSION)
    f = podpath("prod", pod, "session-svc")
    slot = int(sid, 16) % 16384
    st = blocked_node_for_key(t, slot)
    reqid = "req-%s" % hexid(6)
    path = {"get": "/v1/sessions/%s" % sid, "create": "/v1/sessions", "touch": "/v1/sessions/%s/touch" % sid}[op]
    method = {"get": "GET", "create": "POST", "touch": "PUT"}[op]
    if st == "ok" or st == "moved_refresh":
        d = lognorm(3.5, 0.4) + (R.uniform(20, 60) if st == "moved_refresh" else 0)
        code = 200 if op != "create" else 201
        if op == "get" and R.random() < 0.04:
            code = 404
        emit(f, t + d / 1000, pino(t + d / 1000, pod, 30, "request completed", reqId=reqid,
                                   req={"method": method, "url": path},
                                   res={"statusCode": code}, responseTime=round(d, 3)))
        if code == 404 and R.random() < 0.5:
            emit(f, t + d / 1000, pino(t + d / 1000, pod, 40, "session not found or expired", reqId=reqid))
        return code, d
    if st == "timeout":
        d = 500 + R.uniform(0, 4)
    elif st == "clusterdown":
        d = lognorm(2, 0.3)
    else:
        d = lognorm(6, 0.5)
    e = redis_err(st, slot)
    emit(f, t + d / 1000, pino(t + d / 1000, pod, 50, "redis command failed", reqId=reqid,
                               command={"get": "hgetall", "create": "multi", "touch": "pexpire"}[op], slot=slot, err=e))
    emit(f, t + d / 1000 + 0.0003, pino(t + d / 1000 + 0.0003, pod, 30, "request completed", reqId=reqid,
                                        req={"method": method, "url": path},
                                        res={"statusCode": 503}, responseTime=round(d + 0.4, 3)))
    return 503, d


def bff_request(t, route, ua, cip):
    pod, ip = R.choice(WEB_BFF)
    f = podpath("prod", pod, "web-bff")
    sid = hexid(12)
    reqid = hexid(32)
    total = 0.0
    code = 200
    if route in ("account", "cart", "session", "orders"):
        attempts = 0
        while True:
            attempts += 1
            sc, d = session_op(t + total / 1000, "get", sid)
            total += d + lognorm(1.5, 0.3)
            if sc in (200, 404):
                break
            if attempts == 3:
                break
            emit(f, t + total / 1000, zlog(t + total / 1000, "warn", "session lookup failed, retrying", service="web-bff",
                                           request_id=reqid, attempt=attempts, upstream="http://session-svc.prod.svc.cluster.local:8080/v1/sessions/" + sid,
                                           error="unexpected status 503 Service Unavailable"))
            total += 50 * attempts
        if sc == 503:
            code = 503
            emit(f, t + total / 1000, zlog(t + total / 1000, "error", "session middleware: upstream unavailable", service="web-bff",
                                           request_id=reqid, path="/api/" + route, upstream="session-svc", attempts=attempts,
                                           error="GET http://session-svc.prod.svc.cluster.local:8080/v1/sessions/%s: 503 Service Unavailable" % sid))
        elif sc == 404:
            code = 401
        else:
            total += lognorm(18, 0.4)
            if route == "session" and R.random() < 0.25:
                session_op(t + total / 1000, "touch", sid)
    elif route == "login":
        code, d = auth_login(t + 0.001, cip)
        total += d
        if code >= 500:
            emit(f, t + total / 1000, zlog(t + total / 1000, "error", "login proxy failed", service="web-bff", request_id=reqid,
                                           upstream="http://auth-api.prod.svc.cluster.local:8080/v2/login", status=code))
    elif route == "products":
        cp, cip2 = R.choice(CATALOG)
        total += lognorm(24, 0.5)
        if R.random() < 0.3:
            emit(podpath("prod", cp, "catalog-svc"), t + total / 1000,
                 '{"@t":"%s","@mt":"Served {Count} products for {Category} in {Elapsed:0.0} ms","@r":["%.1f"],"Count":%d,"Category":"%s","Elapsed":%.4f,"SourceContext":"Catalog.Api.ProductsController"}' % (
                     iso_ms(t + total / 1000)[:-1] + "0000Z", total, R.randint(12, 48), R.choice(["shoes", "outerwear", "bags", "kids"]), total))
    if R.random() < 0.02 and code == 200:
        emit(f, t + total / 1000, zlog(t + total / 1000, "info", "request", service="web-bff", request_id=reqid, method="GET",
                                       path="/api/" + route, status=code, duration_ms=round(total, 2)))
    return code, total, pod, ip


def auth_login(t, cip):
    pods = AUTH_NEW if t > AUTH_DEPLOY + 12 else AUTH_OLD
    pod, ip = R.choice(pods)
    f = podpath("prod", pod, "auth-api")
    reqid = "req-%s" % hexid(4)
    slot = keyslot()
    st = blocked_node_for_key(t, slot)
    d = lognorm(85, 0.3)
    if st not in ("ok", "moved_refresh"):
        e = redis_err(st, slot)
        emit(f, t + 0.002, pino(t + 0.002, pod, 40, "rate limiter unavailable, failing open", reqId=reqid, err=e))
    if R.random() < 0.12:
        emit(f, t + d / 1000, pino(t + d / 1000, pod, 30, "login failed", reqId=reqid, reason="invalid_password"))
        emit(f, t + d / 1000 + 0.0002, pino(t + d / 1000 + 0.0002, pod, 30, "request completed", reqId=reqid, req={"method": "POST", "url": "/v2/login"}, res={"statusCode": 401}, responseTime=round(d, 3)))
        return 401, d
    sc, d2 = session_op(t + d / 1000, "create", hexid(12))
    d += d2
    if sc != 201:
        emit(f, t + d / 1000, pino(t + d / 1000, pod, 50, "failed to create session", reqId=reqid,
                                   err={"type": "HTTPError", "message": "Response code 503 (Service Unavailable)", "code": "ERR_NON_2XX_3XX_RESPONSE"},
                                   upstream="http://session-svc.prod.svc.cluster.local:8080/v1/sessions"))
        emit(f, t + d / 1000 + 0.0002, pino(t + d / 1000 + 0.0002, pod, 30, "request completed", reqId=reqid, req={"method": "POST", "url": "/v2/login"}, res={"statusCode": 502}, responseTime=round(d, 3)))
        return 502, d
    emit(f, t + d / 1000, pino(t + d / 1000, pod, 30, "request completed", reqId=reqid, req={"method": "POST", "url": "/v2/login"}, res={"statusCode": 200}, responseTime=round(d, 3)))
    return 200, d


ROUTES = [(30, "products", "GET", "/api/products?category={c}&page={p}"),
          (16, "session", "GET", "/api/session"),
          (14, "account", "GET", "/api/account"),
          (14, "cart", "GET", "/api/cart"),
          (6, "orders", "GET", "/api/orders?limit=10"),
          (5, "login", "POST", "/api/login"),
          (15, "static", "GET", "/static/js/main.{h}.js")]


def ingress_traffic():
    f = podpath("ingress-nginx", INGRESS, "controller")
    t = START
    while t < END:
        t += R.expovariate(2.6)
        w, route, method, tmpl = R.choices(ROUTES, [r[0] for r in ROUTES])[0]
        path = tmpl.replace("{c}", R.choice(["shoes", "outerwear", "bags", "kids"])).replace("{p}", str(R.randint(1, 6))).replace("{h}", "4c1e9a7b")
        cip = "%d.%d.%d.%d" % (R.choice([81, 86, 92, 109, 176, 212]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
        ua = R.choice(UAS)
        reqlen = R.randint(380, 900)
        rid = hexid(32)
        if route == "static" and R.random() < 0.04:
            emit(f, t, '%s - - [%s] "GET /api/reports/legacy?range=30d HTTP/2.0" 503 190 "https://www.northwind-outfitters.com/account" "%s" %d %.3f [prod-legacy-reports-80] [] - - - - %s' % (
                cip, nginx_local(t), ua, reqlen, 0.0, rid))
            continue
        if route == "static":
            emit(f, t, '%s - - [%s] "%s %s HTTP/2.0" 200 %d "https://www.northwind-outfitters.com/" "%s" %d %.3f [prod-static-web-80] [] 10.30.5.9:80 %d %.3f 200 %s' % (
                cip, nginx_local(t), method, path, 183552, ua, reqlen, 0.002, 183552, 0.002, rid))
            continue
        code, dur, pod, ip = bff_request(t, route, ua, cip)
        dur_s = dur / 1000.0
        if dur_s > 5.0:
            emit(f, t + 5.0, '%s [error] 41#41: *%d upstream timed out (110: Operation timed out) while reading response header from upstream, client: %s, server: www.northwind-outfitters.com, request: "%s %s HTTP/2.0", upstream: "http://%s:8080%s", host: "www.northwind-outfitters.com"' % (
                nginx_err_ts(t + 5.0), R.randint(10 ** 6, 9 * 10 ** 6), cip, method, path, ip, path), stream="stderr")
            code, dur_s = 504, 5.0
        size = {200: R.randint(800, 14000), 401: 52, 503: 71, 502: 66, 504: 160}.get(code, 90)
        emit(f, t + dur_s, '%s - - [%s] "%s %s HTTP/2.0" %d %d "https://www.northwind-outfitters.com/" "%s" %d %.3f [prod-web-bff-8080] [] %s:8080 %d %.3f %d %s' % (
            cip, nginx_local(t + dur_s), method, path, code, size, ua, reqlen, dur_s + 0.001, ip, size, dur_s, code, rid))


def ingress_background():
    f = podpath("ingress-nginx", INGRESS, "controller")
    t = START + 20
    while t < END:
        t += R.uniform(50, 140)
        emit(f, t, 'W%s       7 controller.go:1216] Service "prod/legacy-reports" does not have any active Endpoint.' % klog_ts(t), stream="stderr")
    t = START + 7
    while t < END:
        t += R.uniform(90, 200)
        emit(f, t, '%s [warn] 41#41: *%d a client request body is buffered to a temporary file /tmp/nginx/client-body/%010d, client: %d.%d.%d.%d, server: www.northwind-outfitters.com, request: "POST /api/uploads/avatar HTTP/2.0", host: "www.northwind-outfitters.com"' % (
            nginx_err_ts(t), R.randint(10 ** 6, 9 * 10 ** 6), R.randint(10 ** 8, 10 ** 9), R.randint(1, 223), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)), stream="stderr")
    for off in (2.1, 14.8, 27.3):
        tt = AUTH_DEPLOY + off
        emit(f, tt, 'I%s       7 controller.go:193] "Configuration changes detected, backend reload required"' % klog_ts(tt), stream="stderr")
        emit(f, tt + 0.31, 'I%s       7 controller.go:213] "Backend successfully reloaded"' % klog_ts(tt + 0.31), stream="stderr")
        emit(f, tt + 0.312, 'I%s       7 event.go:377] Event(v1.ObjectReference{Kind:"Pod", Namespace:"ingress-nginx", Name:"%s", UID:"%s", APIVersion:"v1", ResourceVersion:"%d", FieldPath:""}): type: \'Normal\' reason: \'RELOAD\' NGINX reload triggered due to a change in configuration' % (
            klog_ts(tt + 0.312), INGRESS, PODUID.get(("ingress-nginx", INGRESS), "x"), R.randint(10 ** 7, 10 ** 8)), stream="stderr")


def service_background():
    for pod, ip in WEB_BFF:
        f = podpath("prod", pod, "web-bff")
        t = START + R.uniform(0, 30)
        while t < END:
            t += 30
            emit(f, t, zlog(t, "info", "upstream pool stats", service="web-bff", upstream="session-svc",
                            idle=R.randint(2, 16), in_use=R.randint(0, 6), wait_count=0))
            if R.random() < 0.15:
                emit(f, t + 0.5, zlog(t + 0.5, "warn", "feature config refresh failed, keeping previous", service="web-bff",
                                      error="Get \"http://config-svc.prod.svc.cluster.local:8080/v1/flags\": context deadline exceeded"))
    for pod, ip in SESSION:
        f = podpath("prod", pod, "session-svc")
        t = START + R.uniform(0, 60)
        while t < END:
            t += 60
            emit(f, t, pino(t, pod, 30, "redis cluster nodes", masters=3 if t < REBAL_START else 4, replicas=3 if t < NEW_SHARD_UP else 4,
                            status="ready"))
        for (fm, rep, pfail, fail, ok, epoch) in FAILOVERS:
            tt = fail + R.uniform(0.2, 0.9)
            emit(f, tt, pino(tt, pod, 40, "redis cluster error", err={"type": "Error", "message": "Failed to refresh slots cache.", "lastNodeError": {"type": "ReplyError", "message": "CLUSTERDOWN The cluster is down"}}))
            emit(f, ok + R.uniform(0.1, 0.6), pino(ok + 0.3, pod, 30, "redis cluster refreshed slots", node="%s:6379" % NODES[rep]["host"]))
    pod, ip = NOTIF
    f = podpath("prod", pod, "notification-svc")
    t = START
    while t < END:
        t += R.expovariate(0.4)
        if R.random() < 0.55:
            emit(f, t, pino(t, pod, 50, "push delivery failed", provider="fcm", err={"code": "messaging/registration-token-not-registered", "message": "Requested entity was not found."}))
        else:
            emit(f, t, pino(t, pod, 30, "push delivered", provider=R.choice(["fcm", "apns"]), latencyMs=R.randint(40, 300)))
    for pod, ip in AUTH_OLD:
        f = podpath("prod", pod, "auth-api")
        emit(f, AUTH_DEPLOY + 11.8, pino(AUTH_DEPLOY + 11.8, pod, 30, "SIGTERM received, draining connections"))
        emit(f, AUTH_DEPLOY + 12.4, pino(AUTH_DEPLOY + 12.4, pod, 30, "server closed"))
    for pod, ip in AUTH_NEW:
        f = podpath("prod", pod, "auth-api")
        t0 = AUTH_DEPLOY + R.uniform(0, 2)
        emit(f, t0, "(node:1) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. Please use a userland alternative instead.", stream="stderr")
        emit(f, t0 + 0.001, "(Use `node --trace-deprecation ...` to show where the warning was created)", stream="stderr")
        emit(f, t0 + 0.2, pino(t0 + 0.2, pod, 30, "auth-api starting", version="5.3.0", commit="e91d2c7", node="v20.17.0"))
        emit(f, t0 + 0.6, pino(t0 + 0.6, pod, 40, "JWKS cache cold, fetching keys", url="https://login.northwind-outfitters.com/.well-known/jwks.json"))
        emit(f, t0 + 0.9, pino(t0 + 0.9, pod, 30, "Server listening at http://0.0.0.0:8080"))
        t = t0 + 1
        while t < END:
            t += R.uniform(20, 50)
            if R.random() < 0.2:
                emit(f, t, pino(t, pod, 40, "token refresh rejected", reason="refresh token reuse detected", userId="u_%s" % hexid(8)))
    for pod, ip in AUTH_OLD:
        f = podpath("prod", pod, "auth-api")
        t = START
        while t < AUTH_DEPLOY:
            t += R.uniform(20, 50)
            if R.random() < 0.2:
                emit(f, t, pino(t, pod, 40, "token refresh rejected", reason="refresh token reuse detected", userId="u_%s" % hexid(8)))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    podpath("ingress-nginx", INGRESS, "controller")
    redis_logs()
    ingress_traffic()
    ingress_background()
    service_background()
    for path in sorted(LINES):
        full = os.path.join(OUT, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        rows = sorted(LINES[path], key=lambda r: (r[0], r[1]))
        with open(full, "w", encoding="utf-8", newline="\n") as fh:
            for r in rows:
                fh.write(r[2])
                fh.write("\n")


if __name__ == "__main__":
    main()
