#!/usr/bin/env python3
"""Generator for incident case e06-ephemeral-port-exhaustion (standard library only, deterministic)."""
SEED = 4606
import os, json, gzip, shutil, random, math
from datetime import datetime, timezone, timedelta

# The set's shared helpers (output sink, time formats, random shapes), kept once in e_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "e_common.py")).read())

# ======================================================================== case
# e06: feed-aggregator v5.3.0 builds a fresh http.Transport per call; its pods run out of ephemeral
# ports towards profile-service (EADDRNOTAVAIL). profile-service itself is healthy.

T_BEGIN = ep(2025, 9, 9, 21, 5, 0)
T_END = ep(2025, 9, 9, 21, 35, 0)
T_DEP = ep(2025, 9, 9, 21, 11, 30, 0)        # rollout of feed-aggregator 5.3.0
T_FLAG = ep(2025, 9, 9, 21, 12, 5, 0)        # red herring: profile-service feature-flag reload
T_RB = ep(2025, 9, 9, 21, 27, 40, 0)         # rollback to 5.2.4

NODES = {"ip-10-31-4-17": "10.31.4.17", "ip-10-31-5-203": "10.31.5.203", "ip-10-31-6-88": "10.31.6.88", "ip-10-31-4-122": "10.31.4.122"}
PODS = {}
PODIP = {}
PODNODE = {}


def mk(svc, n, rs, nodes):
    PODS[svc] = []
    for i in range(n):
        p = podname(svc, rs)
        PODS[svc].append(p)
        PODIP[p] = "100.64.%d.%d" % (R.randint(0, 63), R.randint(2, 250))
        PODNODE[p] = nodes[i % len(nodes)]
    return PODS[svc]


mk("mobile-gateway", 2, "6c9b8d7f5", ["ip-10-31-5-203", "ip-10-31-6-88"])
mk("mobile-bff", 3, "7d8f6c9b4", ["ip-10-31-5-203", "ip-10-31-6-88", "ip-10-31-4-122"])
OLD_FEED = mk("feed-aggregator", 2, "5b7c9d8f6", ["ip-10-31-4-17", "ip-10-31-4-17"])
NEW_FEED = [podname("feed-aggregator", "8f6d5b9c7") for _ in range(2)]
RB_FEED = [podname("feed-aggregator", "5b7c9d8f6") for _ in range(2)]
for p in NEW_FEED + RB_FEED:
    PODIP[p] = "100.64.%d.%d" % (R.randint(0, 63), R.randint(2, 250))
    PODNODE[p] = "ip-10-31-4-17"
mk("profile-service", 3, "6f8d9c5b7", ["ip-10-31-5-203", "ip-10-31-6-88", "ip-10-31-4-122"])
mk("post-store", 2, "58c9f7d6b", ["ip-10-31-6-88", "ip-10-31-4-122"])
mk("ranking-service", 2, "7c6b5d9f8", ["ip-10-31-5-203", "ip-10-31-4-122"])
mk("media-resolver", 1, "6d5f8b7c9", ["ip-10-31-6-88"])
mk("settings-service", 1, "5f6c7b8d9", ["ip-10-31-4-122"])
mk("notifications-api", 1, "7b5d6f9c8", ["ip-10-31-5-203"])
mk("comments-service", 2, "6b9f5c8d7", ["ip-10-31-6-88", "ip-10-31-5-203"])
SVCIP = {"profile-service": "10.96.41.12", "post-store": "10.96.17.203", "ranking-service": "10.96.88.41", "media-resolver": "10.96.9.77",
         "feed-aggregator": "10.96.52.9"}

# feed-aggregator pod lifetimes: (pod, start, ready, stop, version)
FEED = []
FEED.append((OLD_FEED[0], T_BEGIN - 86400, T_BEGIN - 86390, T_DEP + 28.0, "5.2.4"))
FEED.append((OLD_FEED[1], T_BEGIN - 86400, T_BEGIN - 86390, T_DEP + 60.0, "5.2.4"))
FEED.append((NEW_FEED[0], T_DEP + 6.0, T_DEP + 18.0, T_RB + 32.0, "5.3.0"))
FEED.append((NEW_FEED[1], T_DEP + 38.0, T_DEP + 50.0, T_RB + 64.0, "5.3.0"))
FEED.append((RB_FEED[0], T_RB + 6.0, T_RB + 20.0, 1e12, "5.2.4"))
FEED.append((RB_FEED[1], T_RB + 38.0, T_RB + 52.0, 1e12, "5.2.4"))


def feed_pods(t):
    return [f for f in FEED if f[2] <= t < f[3]]


def fanout_burst(t):
    # fan-out-on-write job runs every minute, bursting for ~25 s
    return ((t - T_BEGIN) % 60.0) < 25.0


def port_fail(fpod_entry, t):
    """fraction of new connects to profile-service failing with EADDRNOTAVAIL for a feed pod"""
    pod, start, ready, stop, ver = fpod_entry
    if ver != "5.3.0":
        return 0.0
    # ~520 new conns/s, 60 s TIME_WAIT, 28232 ports -> exhausted ~54 s after serving traffic
    up = t - ready
    if up < 54.0:
        return 0.0
    base = 0.62 if fanout_burst(t) else 0.18
    return min(0.9, base * min(1.0, (up - 54.0) / 20.0 + 0.3))


# ------------------------------------------------------------------ formatters
def echo(pod, t, cip, method, uri, status, ms, bout, err=""):
    d = {"time": iso_us(t + ms / 1000.0).replace("Z", "") + "%03dZ" % R.randint(0, 999), "id": hexid(32), "remote_ip": cip, "host": "api.chirpr.app",
         "method": method, "uri": uri, "user_agent": R.choice(["Chirpr/8.4.1 (iPhone; iOS 17.6; Scale/3.00)", "Chirpr/8.4.0 (Android 14; Pixel 7)", "Chirpr/8.3.9 (Android 13; SM-S911B)"]),
         "status": status, "error": err, "latency": int(ms * 1e6), "latency_human": ("%.6fms" % ms) if ms < 1000 else ("%.6fs" % (ms / 1000.0)),
         "bytes_in": 0 if method == "GET" else R.randint(80, 900), "bytes_out": bout}
    emit("mobile-gateway/%s.log" % pod, t + ms / 1000.0, json.dumps(d, separators=(",", ":")))


BS = "betterstack/chirpr-prod-export-2025-09-09T2135Z.ndjson"


def bs(pod, t, level, message, ns="mobile"):
    svc = pod.rsplit("-", 2)[0]
    d = {"dt": iso_us(t + lat(0.3, 0.5)), "level": level, "message": message,
         "kubernetes": {"namespace_name": ns, "pod_name": pod, "container_name": svc, "host": PODNODE[pod]},
         "_source": "k8s-chirpr-prod"}
    emit(BS, t, json.dumps(d, separators=(",", ":")))


def node_bff(pod, t, level, msg):
    # mobile-bff writes its own JSON lines (winston); Better Stack wraps them
    bs(pod, t, level, json.dumps({"level": level, "message": msg, "timestamp": iso_ms(t)}, separators=(",", ":")))


def golog(pod, t, src, msg):
    d = dt(t)
    emit("feed-aggregator/%s.log" % pod, t, "%s.%06d %s: %s" % (d.strftime("%Y/%m/%d %H:%M:%S"), d.microsecond, src, msg))


PUMA_PID = {}


def ruby(pod, t, level, msg):
    d = dt(t)
    emit("profile-service/%s.log" % pod, t, "%s, [%s.%06d #%d] %5s -- : %s" % (level[0], d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond, PUMA_PID.setdefault(pod, R.randint(1, 9)), level, msg))


def rack(pod, t, cip, method, path, status, size, secs):
    emit("profile-service/%s.log" % pod, t + secs, '%s - - [%s] "%s %s HTTP/1.1" %d %s %.4f' % (cip, clf(t + secs), method, path, status, size, secs))


# systemd journal export format
JR = {}


def journal(node, t, ident, msg, prio=6, unit=None, pid=None, transport="syslog"):
    us = int(round(t * 1e6))
    fields = ["__CURSOR=s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % ("3f1c0a9e5b7d4c2e8a6f1b3d5c7e9a0b", JR.setdefault(node, [R.randint(10 ** 6, 10 ** 7)])[0], "9a1e3c5b7d9f4e2a8c6b0d1f3e5a7c9b", us - 1700000000000000, us, hexid(16)),
              "__REALTIME_TIMESTAMP=%d" % us, "__MONOTONIC_TIMESTAMP=%d" % (us - 1757300000000000), "_BOOT_ID=9a1e3c5b7d9f4e2a8c6b0d1f3e5a7c9b",
              "PRIORITY=%d" % prio, "_TRANSPORT=%s" % transport, "_HOSTNAME=%s" % node, "SYSLOG_IDENTIFIER=%s" % ident]
    JR[node][0] += 1
    if unit:
        fields.append("_SYSTEMD_UNIT=%s" % unit)
    if pid:
        fields.append("_PID=%d" % pid)
    fields.append("MESSAGE=%s" % msg)
    emit("nodes/%s.journal.export" % node, t, "\n".join(fields) + "\n")


def klogline(t, sev, src, msg):
    d = dt(t)
    return "%s%s %s.%06d    2291 %s] %s" % (sev, d.strftime("%m%d"), d.strftime("%H:%M:%S"), d.microsecond, src, msg)


# ------------------------------------------------------------------ services
ERRWIN = {}
PROFILE_CONN = {}   # per-10s window counters per profile pod: [requests, new_conns]


def profile_hit(t, client_pod, n_ids, new_conn, log_sample=0.02):
    pod = R.choice(PODS["profile-service"])
    w = int((t - T_BEGIN) // 10)
    c = PROFILE_CONN.setdefault((pod, w), [0, 0])
    c[0] += 1
    if new_conn:
        c[1] += 1
    secs = lat(0.006, 0.35)
    if R.random() < log_sample:
        if n_ids == 1:
            rack(pod, t, PODIP[client_pod], "GET", "/v1/profiles/u_%d" % R.randint(10 ** 6, 10 ** 8), 200, R.randint(600, 1400), secs)
        else:
            rack(pod, t, PODIP[client_pod], "GET", "/v1/profiles?ids=%d" % n_ids, 200, R.randint(3000, 20000), secs)
    return secs * 1000.0


def feed_request(t, rid, uid):
    fe = R.choice(feed_pods(t))
    pod, start, ready, stop, ver = fe
    ms = lat(4, 0.3)
    # posts
    ms += lat(9, 0.3)
    bs(R.choice(PODS["post-store"]), t + ms / 1000.0, "info", "ts=%s level=info msg=\"timeline page\" user=%s items=25 took=%.1fms" % (iso_ms(t + ms / 1000.0), uid, lat(8, 0.3)), ns="social")
    # ranking
    ms += lat(12, 0.3)
    # author profiles: one call per item (N+1)
    f = port_fail(fe, t)
    failed = 0
    first_err = None
    for k in range(25):
        tk = t + (ms + k * 0.6) / 1000.0
        if R.random() < f:
            failed += 1
            if first_err is None:
                first_err = tk
            continue
        profile_hit(tk, pod, 1, ver == "5.3.0" or R.random() < 0.002, log_sample=0.004)
    ms += 25 * 0.6 + lat(5, 0.3)
    if failed:
        # error logging is rate limited: one line per pod per 10 s window, with a suppressed counter
        w = (pod, int((first_err - T_BEGIN) // 10))
        if w not in ERRWIN:
            ERRWIN[w] = [first_err, 0]
        ERRWIN[w][1] += failed
    if failed > 5:
        golog(pod, t + ms / 1000.0, "handler.go:141", "[WARN] GET /internal/feed/%s 502 (profiles: %d/25 failed) %dms rid=%s" % (uid, failed, ms, rid))
        return 502, ms
    golog(pod, t + ms / 1000.0, "handler.go:141", "[INFO] GET /internal/feed/%s 200 (profiles: %d/25 failed) %dms rid=%s" % (uid, failed, ms, rid))
    return 200, ms


def bff(t, route, uid, rid):
    pod = R.choice(PODS["mobile-bff"])
    ms = lat(6, 0.3)
    if route == "feed":
        st, m = feed_request(t + 0.002, rid, uid)
        ms += m
        if st != 200:
            node_bff(pod, t + ms / 1000.0, "error", "GET /v3/feed failed: upstream feed-aggregator responded 502 (url=http://feed-aggregator.social.svc.cluster.local:8080/internal/feed/%s, rid=%s)" % (uid, rid))
            return "GET", "/v3/feed", 502, ms
        node_bff(pod, t + ms / 1000.0, "info", "GET /v3/feed 200 %dms rid=%s" % (ms, rid))
        return "GET", "/v3/feed", 200, ms
    if route == "me":
        # bff's own keep-alive pool to profile-service: unaffected
        m = profile_hit(t + 0.002, pod, 1, R.random() < 0.003, log_sample=0.05)
        ms += m
        node_bff(pod, t + ms / 1000.0, "info", "GET /v3/me 200 %dms rid=%s" % (ms, rid))
        return "GET", "/v3/me", 200, ms
    if route == "profile":
        m = profile_hit(t + 0.002, pod, 1, R.random() < 0.003, log_sample=0.05)
        ms += m
        path = "/v3/users/u_%d" % R.randint(10 ** 6, 10 ** 8)
        node_bff(pod, t + ms / 1000.0, "info", "GET %s 200 %dms rid=%s" % (path, ms, rid))
        return "GET", path, 200, ms
    if route == "comments":
        cp = R.choice(PODS["comments-service"])
        m = lat(14, 0.4)
        pid = R.randint(10 ** 9, 10 ** 10)
        bs(cp, t + (ms + m) / 1000.0, "info", "INFO  [%s] c.c.comments.CommentResource - GET /posts/%d/comments 200 %dms" % (iso_ms(t + (ms + m) / 1000.0), pid, m), ns="social")
        ms += m
        node_bff(pod, t + ms / 1000.0, "info", "GET /v3/posts/%d/comments 200 %dms rid=%s" % (pid, ms, rid))
        return "GET", "/v3/posts/%d/comments" % pid, 200, ms
    if route == "settings":
        sp = PODS["settings-service"][0]
        m = lat(5, 0.3)
        bs(sp, t + (ms + m) / 1000.0, "info", "%s INFO settings fetched user=%s version=%d" % (iso_ms(t + (ms + m) / 1000.0), uid, R.randint(3, 90)), ns="mobile")
        ms += m
        node_bff(pod, t + ms / 1000.0, "info", "GET /v3/settings 200 %dms rid=%s" % (ms, rid))
        return "GET", "/v3/settings", 200, ms
    # notifications badge
    npod = PODS["notifications-api"][0]
    m = lat(7, 0.3)
    ms += m
    node_bff(pod, t + ms / 1000.0, "info", "GET /v3/notifications/unread 200 %dms rid=%s" % (ms, rid))
    return "GET", "/v3/notifications/unread", 200, ms


def rate(t):
    return 6.2 + 0.8 * math.sin((t - T_BEGIN) / 400.0)


for t in arrivals(T_BEGIN, T_END, rate):
    route = wchoice([("feed", 38), ("me", 10), ("profile", 14), ("comments", 18), ("settings", 6), ("notif", 14)])
    uid = "u_%d" % R.randint(10 ** 6, 10 ** 8)
    rid = hexid(16)
    method, uri, st, ms = bff(t + 0.001, route, uid, rid)
    echo(R.choice(PODS["mobile-gateway"]), t, client_ip(), method, uri, st, ms + 0.6, R.randint(400, 60000) if st == 200 else 62,
         "" if st == 200 else "code=502, message=Bad Gateway, internal=upstream mobile-bff returned 502")

# ------------------------------------------------------------------ feed-aggregator background fan-out (bulk of the connections)
for fe in FEED:
    pod, start, ready, stop, ver = fe
    if stop < T_BEGIN:
        continue
    if start > T_BEGIN:
        golog(pod, start + 0.8, "main.go:52", "[INFO] feed-aggregator %s starting (commit %s, go1.22.6)" % (ver, {"5.3.0": "c41e9d2", "5.2.4": "7a0f3b1"}[ver]))
        golog(pod, start + 0.9, "main.go:77", "[INFO] upstream client: timeout=2s max_idle_conns_per_host=%s" % ("0 (per-request transport)" if ver == "5.3.0" else "256"))
        golog(pod, ready - 0.1, "main.go:118", "[INFO] listening on :8080 (fanout workers=8)")
    if stop < T_END:
        golog(pod, stop, "main.go:131", "[INFO] received terminated, shutting down (draining 2s)")
    t = math.ceil((max(ready, T_BEGIN) - T_BEGIN) / 60.0) * 60.0 + T_BEGIN
    while t < min(stop, T_END):
        users = R.randint(420, 560)
        calls = users * R.randint(22, 26)
        # estimate failures over the burst
        f = sum(port_fail(fe, t + s) for s in range(0, 25, 5)) / 5.0
        failed = int(calls * f * lat(1.0, 0.05))
        tt = t + 25.0 + R.random()
        # register healthy profile traffic in the stats (sampled: every call counts)
        if failed:
            golog(pod, tt, "fanout.go:77", "[ERROR] fanout batch %d finished with errors: users=%d profile_calls=%d failed=%d first_error=\"dial tcp %s:8080: connect: cannot assign requested address\"" % (
                R.randint(10 ** 5, 10 ** 6), users, calls, failed, SVCIP["profile-service"]))
        else:
            golog(pod, tt, "fanout.go:81", "[INFO] fanout batch %d done: users=%d profile_calls=%d failed=0 took=%.1fs" % (R.randint(10 ** 5, 10 ** 6), users, calls, 24 + R.random()))
        # account the profile-service side in aggregate
        ok_calls = calls - failed
        for s in range(25):
            for ppod in PODS["profile-service"]:
                w = int((t + s - T_BEGIN) // 10)
                c = PROFILE_CONN.setdefault((ppod, w), [0, 0])
                c[0] += ok_calls // 75
                c[1] += (ok_calls // 75) if ver == "5.3.0" else (1 if R.random() < 0.05 else 0)
        t += 60.0

for (pod, w), (t0, cnt) in sorted(ERRWIN.items(), key=lambda kv: kv[1][0]):
    golog(pod, t0, "profiles.go:88", "[ERROR] profile lookup failed: Get \"http://profile-service.social.svc.cluster.local:8080/v1/profiles/u_%d\": dial tcp %s:8080: connect: cannot assign requested address%s" % (
        R.randint(10 ** 6, 10 ** 8), SVCIP["profile-service"], (" (%d similar errors suppressed in last 10s)" % (cnt - 1)) if cnt > 1 else ""))

# ------------------------------------------------------------------ profile-service stats, startup, flag reload
for ppod in PODS["profile-service"]:
    w = 0
    while T_BEGIN + (w + 1) * 10 <= T_END:
        req, nc = PROFILE_CONN.get((ppod, w), [0, 0])
        req += R.randint(30, 60)
        reuse = 100.0 * (1.0 - nc / max(req, 1))
        ruby(ppod, T_BEGIN + (w + 1) * 10 + R.random() * 0.05, "INFO", "stats window=10s requests=%d new_connections=%d keepalive_reuse=%.1f%% p99=%dms puma_backlog=0 threads=%d/16" % (
            req, nc, max(reuse, 0.0), int(lat(19, 0.15)), R.randint(3, 9) + (4 if nc > 500 else 0)))
        w += 1
    ruby(ppod, T_FLAG + R.random() * 0.4, "INFO", "Flipper: reloaded 41 features from redis (changed: avatar_cdn_v2 false->true)")
    ruby(ppod, T_FLAG + 0.6 + R.random() * 0.4, "INFO", "AvatarUrlBuilder: using cdn host avatars-v2.chirpr-cdn.net")

# ------------------------------------------------------------------ other services' background lines
t = T_BEGIN + 3
while t < T_END:
    npod = PODS["notifications-api"][0]
    if R.random() < 0.3:
        bs(npod, t, "error", "apns push failed token=%s... reason=BadDeviceToken status=400 (will prune)" % hexid(12))
    else:
        bs(npod, t, "info", "apns batch sent=%d failed=%d took=%dms" % (R.randint(40, 200), R.randint(0, 3), R.randint(90, 400)))
    t += lat(8, 0.4)
for mp in PODS["media-resolver"]:
    t = T_BEGIN + 1
    while t < T_END:
        bs(mp, t, "info", "cache stats hits=%d misses=%d evictions=%d" % (R.randint(800, 1600), R.randint(10, 80), R.randint(0, 10)), ns="social")
        t += 30
for rp in PODS["ranking-service"]:
    t = T_BEGIN + R.random() * 60
    while t < T_END:
        bs(rp, t, "info", "[ranking] model=gbdt-2025-09-08 scored=%d p99=%dms" % (R.randint(2000, 5000), R.randint(9, 16)), ns="social")
        t += 60

# ------------------------------------------------------------------ node journals
KPID = {n: R.randint(1000, 3000) for n in NODES}
for node in NODES:
    t = T_BEGIN + R.random() * 60
    while t < T_END:
        journal(node, t, "kubelet", klogline(t, "I", "kuberuntime_manager.go:1053", '"Container runtime GC done" freedBytes=0'), unit="kubelet.service", pid=KPID[node])
        t += 120 + R.random() * 5
for fe in FEED:
    pod, start, ready, stop, ver = fe
    if T_BEGIN < start < T_END:
        journal("ip-10-31-4-17", start - 1.2, "kubelet", klogline(start - 1.2, "I", "kubelet.go:2408", '"SyncLoop ADD" source="api" pods=["social/%s"]' % pod), unit="kubelet.service", pid=KPID["ip-10-31-4-17"])
        journal("ip-10-31-4-17", ready, "kubelet", klogline(ready, "I", "kubelet.go:2518", '"SyncLoop (probe)" probe="readiness" status="ready" pod="social/%s"' % pod), unit="kubelet.service", pid=KPID["ip-10-31-4-17"])
    if T_BEGIN < stop < T_END:
        journal("ip-10-31-4-17", stop - 0.5, "kubelet", klogline(stop - 0.5, "I", "kubelet.go:2424", '"SyncLoop DELETE" source="api" pods=["social/%s"]' % pod), unit="kubelet.service", pid=KPID["ip-10-31-4-17"])
# kernel: TIME_WAIT overflow on the node running the new feed-aggregator pods
t = FEED[2][2] + 54.0
sup = 0
while t < T_RB + 40:
    if fanout_burst(t):
        journal("ip-10-31-4-17", t, "kernel", "TCP: time wait bucket table overflow", prio=6, transport="kernel")
        sup = R.randint(200, 900)
        journal("ip-10-31-4-17", t + 5.0, "kernel", "net_ratelimit: %d callbacks suppressed" % sup, prio=6, transport="kernel")
    t += 10.0
# unrelated, pre-existing: conntrack pressure on the batch node
t = T_BEGIN + 12
while t < T_END:
    journal("ip-10-31-4-122", t, "kernel", "nf_conntrack: nf_conntrack: table full, dropping packet", prio=4, transport="kernel")
    t += lat(95, 0.5)

n = write_all()
print("e06 lines:", n)
