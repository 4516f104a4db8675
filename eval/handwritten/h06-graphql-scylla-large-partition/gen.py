import os, shutil, random, math, json
from datetime import datetime, timezone

R = random.Random(52818)
HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc

def ri(a, b):
    return a + int(R.random() * (b - a + 1))

def rc(seq):
    return seq[int(R.random() * len(seq))]

def T(h, m, s=0.0):
    return datetime(2026, 5, 28, h, m, 0, tzinfo=UTC).timestamp() + s

START = T(18, 0)
END = T(19, 5)
POST = T(18, 31, 38.2)
STALL0 = T(18, 32, 4.377)
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

def iso_ms(t):
    return sec_fmt(t, "%Y-%m-%dT%H:%M:%S.") + "%03dZ" % frac(t, 3)

def emit(path, t, line):
    SEQ[0] += 1
    FILES.setdefault(path, []).append((t, SEQ[0], line))

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def stall(t):
    if t < STALL0:
        return 0.0
    x = t - STALL0
    base = min(1.0, x / 150.0)
    wob = 0.75 + 0.25 * math.sin(x / 47.0) + 0.1 * math.sin(x / 9.0)
    return max(0.0, min(1.0, base * wob))

GW = [("graphql-gateway-7d9c8b6f5-k2m4x", 1), ("graphql-gateway-7d9c8b6f5-tq8vn", 1)]
FEED = ["feed-6f8d7c9b4-2hxkq", "feed-6f8d7c9b4-jm5rw", "feed-6f8d7c9b4-zp7nd"]
USERS = ["users-58b9f6d7c-4wqlx", "users-58b9f6d7c-rv2jt"]
MEDIA = ["media-7c6b5d8f9-8kznp", "media-7c6b5d8f9-xs4hd"]
FEED_IP = {"feed-6f8d7c9b4-2hxkq": "10.40.2.17", "feed-6f8d7c9b4-jm5rw": "10.40.3.22", "feed-6f8d7c9b4-zp7nd": "10.40.1.45"}
SCYLLA = [("scylla-0", "10.40.8.10"), ("scylla-1", "10.40.8.11"), ("scylla-2", "10.40.8.12")]
OPS = [("HomeFeed", 0.42, ("feed", "users", "media")), ("PostDetail", 0.18, ("feed", "media", "users")), ("Profile", 0.14, ("users", "feed", "media")), ("Notifications", 0.16, ("users",)), ("Search", 0.10, ("users", "media"))]

def bun(pod, t, level, msg, **kv):
    s = '{"name":"graphql-gateway","hostname":"%s","pid":1,"level":%d' % (pod, level)
    for k, v in kv.items():
        s += ',"%s":%s' % (k, json.dumps(v) if isinstance(v, (str, dict, list)) else ("true" if v is True else "false" if v is False else str(v)))
    s += ',"msg":%s,"time":"%s","v":0}' % (json.dumps(msg), iso_ms(t))
    emit("graphql-gateway/%s.log" % pod, t, s)

def feed_log(pod, t, level, thread, logger, msg):
    emit("feed/%s/application.2026-05-28.log" % pod, t, "%s.%03d [%s] %-5s %s - %s" % (sec_fmt(t, "%H:%M:%S"), frac(t, 3), thread, level, logger, msg))

def users_log(pod, t, line):
    emit("users/%s.log" % pod, t, "%s%09dZ %s" % (sec_fmt(t, "%Y-%m-%dT%H:%M:%S."), frac(t, 9), line))

def jul_time(t):
    return sec_fmt(t, "%b %d, %Y %-I:%M:%S %p")

def media_log(pod, t, cls, meth, level, msg):
    emit("media/%s/media-0.log" % pod, t, "%s %s %s\n%s: %s" % (jul_time(t), cls, meth, level, msg))

def sc(node, t, level, shard, msg):
    emit("scylla/%s.log" % node, t, "%-5s %s,%03d [shard %s] %s" % (level, sec_fmt(t, "%Y-%m-%d %H:%M:%S"), frac(t, 3), shard, msg))

READ_TIMEOUT = ("com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException: Cassandra timeout during read query at consistency LOCAL_QUORUM (2 responses were required but only %d replica responded). In case this was generated during read repair, the consistency level is not representative of the actual consistency.\n"
                "\tat com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException.copy(ReadTimeoutException.java:101)\n"
                "\tat com.datastax.oss.driver.internal.core.util.Loggers.warnWithException(Loggers.java:40)\n"
                "\tat com.datastax.oss.driver.internal.core.cql.CqlRequestHandler$NodeResponseCallback.processErrorResponse(CqlRequestHandler.java:775)\n"
                "\tat com.datastax.oss.driver.internal.core.cql.CqlRequestHandler$NodeResponseCallback.onResponse(CqlRequestHandler.java:655)\n"
                "\tat com.datastax.oss.driver.internal.core.channel.InFlightHandler.channelRead(InFlightHandler.java:257)\n"
                "\tat io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:444)\n"
                "\tat io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:569)\n"
                "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
                "\tSuppressed: java.lang.Exception: Call site\n"
                "\t\tat app.acme.feed.TimelineRepository.readTimeline(TimelineRepository.kt:88)\n"
                "\t\tat app.acme.feed.FeedService.homeFeed(FeedService.kt:41)\n"
                "\t\tat app.acme.feed.graphql.QueryResolver.homeFeed(QueryResolver.kt:27)")
DRIVER_TIMEOUT = ("com.datastax.oss.driver.api.core.DriverTimeoutException: Query timed out after PT2S\n"
                  "\tat com.datastax.oss.driver.internal.core.cql.CqlRequestHandler.lambda$scheduleTimeout$1(CqlRequestHandler.java:206)\n"
                  "\tat io.netty.util.HashedWheelTimer$HashedWheelTimeout.run(HashedWheelTimer.java:715)\n"
                  "\tat io.netty.util.HashedWheelTimer$Worker.run(HashedWheelTimer.java:475)\n"
                  "\tat java.base/java.lang.Thread.run(Thread.java:1583)")

def feed_call(t, op, rid):
    pod = rc(FEED)
    s = stall(t)
    author = None
    if op == "HomeFeed":
        hit_celeb = t >= POST and R.random() < 0.62
        p_fail = (0.04 + 0.72 * s) if hit_celeb else (0.03 + 0.35 * s)
    elif op == "PostDetail":
        hit_celeb = t >= POST and R.random() < 0.35
        p_fail = (0.05 + 0.6 * s) if hit_celeb else 0.02 + 0.25 * s
    else:
        hit_celeb = False
        p_fail = 0.02 + 0.28 * s
    if t < STALL0:
        p_fail = 0.0004
    thread = "eventLoopGroupProxy-4-%d" % ri(1, 8)
    if R.random() < p_fail:
        kind = R.random()
        dur = 2.0 + R.uniform(0.001, 0.03)
        if kind < 0.55:
            feed_log(pod, t + dur - 0.002, "ERROR", "DefaultDispatcher-worker-%d" % ri(1, 16), "a.a.feed.TimelineRepository", "timeline read failed op=%s viewer=%d page=1\n%s" % (op, ri(100000, 9999999), DRIVER_TIMEOUT))
        else:
            dur = R.uniform(1.0, 1.9)
            feed_log(pod, t + dur - 0.002, "ERROR", "DefaultDispatcher-worker-%d" % ri(1, 16), "a.a.feed.TimelineRepository", "timeline read failed op=%s viewer=%d page=1\n%s" % (op, ri(100000, 9999999), READ_TIMEOUT % ri(0, 1)))
        feed_log(pod, t + dur, "INFO", thread, "ktor.application", "500 Internal Server Error: POST - /graphql in %dms (x-request-id=%s)" % (int(dur * 1000), rid))
        return False, dur
    base = R.uniform(0.018, 0.06)
    if hit_celeb:
        base += R.uniform(0.08, 0.35) + s * R.uniform(0.3, 1.2)
        if R.random() < 0.12:
            feed_log(pod, t + base - 0.001, "WARN", "DefaultDispatcher-worker-%d" % ri(1, 16), "a.a.feed.TimelineRepository", "slow timeline read author=8812734 rows=%d pages=%d took=%dms" % (ri(400, 1800), ri(2, 9), int(base * 1000)))
    else:
        base += s * R.uniform(0.0, 0.4)
    feed_log(pod, t + base, "INFO", thread, "ktor.application", "200 OK: POST - /graphql in %dms (x-request-id=%s)" % (int(base * 1000), rid))
    return True, base

def users_call(t):
    pod = rc(USERS)
    d = R.uniform(0.004, 0.02)
    users_log(pod, t + d, 'INFO:     10.40.%d.%d:%d - "POST /graphql HTTP/1.1" 200 OK' % (ri(1, 3), ri(10, 80), ri(32000, 60999)))
    return True, d

def media_call(t, rid):
    pod = rc(MEDIA)
    s = stall(t)
    n = ri(3, 24)
    if R.random() < 0.06 * s:
        d = 2.0 + R.uniform(0, 0.02)
        media_log(pod, t + d, "com.acme.media.MediaRepository", "batchGet", "SEVERE", "media batch lookup failed ids=%d request=%s\n%s" % (n, rid, DRIVER_TIMEOUT))
        return False, d
    d = R.uniform(0.008, 0.04) + s * R.uniform(0, 0.15)
    media_log(pod, t + d, "com.acme.media.GraphQLHandler", "handle", "INFO", "POST /graphql op=_entities(Media) ids=%d took=%dms request=%s" % (n, int(d * 1000), rid))
    return True, d

def rate(t):
    x = (t - START) / 60.0
    return 4.6 + 0.5 * math.sin(x / 10.0) + 0.3 * math.sin(x / 3.3) + (0.6 if t > POST else 0)

def gen_traffic():
    t = START
    cum = []
    acc = 0
    for name, w, subs in OPS:
        acc += w
        cum.append((acc, name, subs))
    while True:
        t += R.expovariate(rate(t))
        if t >= END:
            break
        x = R.random()
        for c, name, subs in cum:
            if x <= c:
                break
        gw = rc(GW)[0]
        rid = hexid(32)
        tt = t + 0.002
        ok_all = True
        fatal = False
        partial = []
        total = 0.002
        for sg in subs:
            if sg == "feed":
                ok, d = feed_call(tt, name, rid)
                if not ok:
                    ok_all = False
                    fatal = True
                    partial.append("feed")
                    if d < 1.95:
                        bun(gw, tt + d, 50, "HTTP fetch failed from 'feed': 500: Internal Server Error", req_id=rid, operationName=name, subgraph="feed", err={"message": "HTTP fetch failed from 'feed': 500: Internal Server Error", "name": "Error", "stack": "Error: HTTP fetch failed from 'feed': 500: Internal Server Error\n    at RemoteGraphQLDataSource.errorFromResponse (/app/node_modules/@apollo/gateway/dist/datasources/RemoteGraphQLDataSource.js:203:25)\n    at RemoteGraphQLDataSource.sendRequest (/app/node_modules/@apollo/gateway/dist/datasources/RemoteGraphQLDataSource.js:127:28)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\n    at async sendOperation (/app/node_modules/@apollo/gateway/dist/executeQueryPlan.js:353:28)"})
                    else:
                        bun(gw, tt + d, 50, "HTTP fetch failed from 'feed': 500: Internal Server Error", req_id=rid, operationName=name, subgraph="feed", upstreamMs=int(d * 1000))
                    total += d
                    break
            elif sg == "users":
                ok, d = users_call(tt)
            else:
                ok, d = media_call(tt, rid)
                if not ok:
                    partial.append("media")
                    bun(gw, tt + d, 40, "subgraph errors in response", req_id=rid, operationName=name, subgraph="media", path=["homeFeed" if name == "HomeFeed" else "post", "media"], code="DOWNSTREAM_SERVICE_ERROR")
            tt += d
            total += d
        if fatal:
            status = 502 if name in ("HomeFeed", "PostDetail") else 200
        else:
            status = 200
        lvl = 30 if status == 200 and not partial else (40 if status == 200 else 50)
        te = t + total + 0.001
        emit("graphql-gateway/%s.log" % gw, te, '{"name":"graphql-gateway","hostname":"%s","pid":1,"level":%d,"req_id":"%s","operationName":"%s","clientName":"%s","clientVersion":"%s","statusCode":%d,"durationMs":%d,"errors":%d,"msg":"request completed","time":"%s","v":0}' % (
            gw, lvl, rid, name, rc(["web", "web", "ios", "android"]), rc(["2026.05.3", "2026.05.2", "6.12.0", "6.11.4"]), status, int((total + 0.001) * 1000), len(partial), iso_ms(te)))

def gen_scylla():
    nodes = SCYLLA
    for node, ip in nodes:
        t = START + R.uniform(0, 90)
        while t < END:
            sh = ri(0, 7)
            a = ri(2, 6)
            size_a = ri(150, 900)
            d = R.uniform(900, 9000)
            tbl = rc(["feed.timeline_by_user", "feed.timeline_by_user", "feed.posts", "media.media_by_id", "feed.likes_by_post"])
            sc(node, t, "INFO ", "%d:comp" % sh, "compaction - [Compact %s %s-%s-%s-%s-%s] Compacting [%s]" % (tbl, hexid(8), hexid(4), hexid(4), hexid(4), hexid(12), ", ".join("/var/lib/scylla/data/%s-%s/me-3g%s_0%s_%s-big-Data.db:level=0:origin=memtable" % (tbl.replace(".", "/"), hexid(32), hexid(3), hexid(3), hexid(20)) for _ in range(a))))
            sc(node, t + d / 1000, "INFO ", "%d:comp" % sh, "compaction - [Compact %s %s-%s-%s-%s-%s] Compacted %d sstables to [/var/lib/scylla/data/%s-%s/me-3g%s_0%s_%s-big-Data.db:level=0]. %dMB to %dMB (~%d%% of original) in %dms = %dMB/s. ~%d total partitions merged to %d." % (tbl, hexid(8), hexid(4), hexid(4), hexid(4), hexid(12), a, tbl.replace(".", "/"), hexid(32), hexid(3), hexid(3), hexid(20), size_a, int(size_a * 0.92), 92, int(d), int(size_a / (d / 1000.0)), ri(5000, 20000), ri(4000, 18000)))
            t += R.uniform(60, 200)
    lp = [(T(18, 9, 41.2), "scylla-1"), (T(18, 14, 3.9), "scylla-2"), (T(18, 21, 27.5), "scylla-0"), (T(18, 27, 55.0), "scylla-1")]
    for t, node in lp:
        sc(node, t, "WARN ", "5:comp", "large_data - Writing large partition feed/timeline_by_user: (8812734) (%d bytes) to me-3g%s_0%s_%s-big-Data.db" % (ri(238000000, 252000000), hexid(3), hexid(3), hexid(20)))
    for node, ip in nodes:
        t = STALL0 + (0 if node == "scylla-2" else R.uniform(0.2, 2.5))
        while t < END:
            s = stall(t)
            ms = int(60 + 800 * s * R.uniform(0.4, 1.3))
            bt = " ".join("0x%x" % ri(0x4a00000, 0x5ffffff) for _ in range(14))
            sc(node, t, "WARN ", "5", "seastar - Reactor stalled for %d ms on shard 5. Backtrace: %s" % (ms, bt))
            if s > 0.3 and R.random() < 0.22:
                dropped = ri(40, 900)
                waiting = ri(20, 400)
                tm = ri(12, 125)
                sc(node, t + ms / 1000.0 + 0.003, "INFO ", "5:stmt", "reader_concurrency_semaphore - (rate limiting dropped %d similar messages) Semaphore _read_concurrency_sem with 100/100 count and %d/149946368 memory resources: timed out, dumping permit diagnostics:\npermits\tcount\tmemory\ttable/operation/state\n%d\t%d\t%dM\tfeed.timeline_by_user/data-query/active/await\n%d\t%d\t%dK\tmedia.media_by_id/data-query/active/await\n%d\t0\t0B\tfeed.timeline_by_user/data-query/waiting\n%d\t0\t0B\tmedia.media_by_id/data-query/waiting\n\n%d\t100\t%dM\ttotal\n\nTotal: %d permits with 100 count and %dM memory resources" % (
                    dropped, ri(11000000, 140000000), 97, 97, ri(11, 120), 3, 3, ri(100, 900), waiting, ri(1, 12), 100 + waiting, tm, 100 + waiting, tm))
            if s > 0.5 and R.random() < 0.2:
                sc(node, t + 0.5, "WARN ", "5:stmt", "storage_proxy - Exception when communicating with %s, to read from feed.timeline_by_user: seastar::timed_out_error (timedout)" % rc([x[1] for x in nodes if x[0] != node]))
            t += max(12.0 + R.uniform(0, 0.5), R.expovariate(0.02 + 0.08 * s))

def gen_otel():
    t = START + R.uniform(0, 20)
    while t < END:
        emit("otel-collector/otel-collector-0.log", t, "%s\terror\texporterhelper/queue_sender.go:101\tExporting failed. Dropping data.\t{\"kind\": \"exporter\", \"data_type\": \"traces\", \"name\": \"otlp/tempo\", \"error\": \"not retryable error: Permanent error: rpc error: code = ResourceExhausted desc = grpc: received message larger than max (%d vs. 4194304)\", \"dropped_items\": %d}" % (iso_ms(t), ri(4200000, 6900000), ri(300, 2048)))
        t += R.uniform(20, 140)
    t = START + 5
    while t < END:
        emit("otel-collector/otel-collector-0.log", t, "%s\twarn\tmemorylimiter/memorylimiter.go:222\tMemory usage is above soft limit. Forcing a GC.\t{\"kind\": \"processor\", \"name\": \"memory_limiter\", \"pipeline\": \"traces\", \"cur_mem_mib\": %d}" % (iso_ms(t), ri(1640, 1720)))
        t += R.uniform(300, 700)

def fix_metrics():
    for pod in FEED:
        t = START + R.uniform(0, 60)
        while t < END:
            s = stall(t)
            feed_log(pod, t, "INFO", "metrics-1", "a.a.feed.Metrics", "cql in_flight=%d open_connections=6 speculative_executions_1m=%d client_timeouts_1m=%d read_timeouts_1m=%d" % (ri(0, 12) + int(s * 380), ri(0, 3) + int(s * 900), int(s * ri(100, 400)), int(s * ri(30, 160))))
            t += 60 + R.uniform(-0.01, 0.01)

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

gen_traffic()
gen_scylla()
gen_otel()
fix_metrics()
for pod in MEDIA:
    t = START + R.uniform(0, 300)
    while t < END:
        media_log(pod, t, "com.acme.media.S3Presigner", "sign", "WARNING", "presign cache miss storm: %d misses in last 60s (bucket=acme-media-prod)" % ri(80, 300))
        t += R.uniform(200, 600)
write_all()
