import os, shutil, random, json, gzip, math
from datetime import datetime, timezone, timedelta

R = random.Random(140414)
HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc
BERLIN = timezone(timedelta(hours=2))

def T(h, m, s=0.0):
    return datetime(2026, 4, 14, h, m, 0, tzinfo=UTC).timestamp() + s

START = T(9, 10)
END = T(10, 22)
CH_DOWN = T(9, 31, 38.412)
CH_UP = T(9, 31, 58.730)
CH_READY = T(9, 32, 4.118)
DEPLOY = T(9, 24, 5)

FILES = {}
SEQ = [0]

def emit(path, t, line):
    SEQ[0] += 1
    FILES.setdefault(path, []).append((t, SEQ[0], line))

def ri(a, b):
    return a + int(R.random() * (b - a + 1))

R.randint = ri

def rc(seq):
    return seq[int(R.random() * len(seq))]

R.choice = rc

_SC = {}

def sec_fmt(t, fmt):
    k = (int(t), fmt)
    v = _SC.get(k)
    if v is None:
        v = datetime.fromtimestamp(int(t), UTC).strftime(fmt)
        _SC[k] = v
    return v

def dtu(t):
    return datetime.fromtimestamp(t, UTC)

def iso_ms(t):
    return sec_fmt(t, "%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (int(t * 1000) % 1000)

def iso_us(t):
    return sec_fmt(t, "%Y-%m-%dT%H:%M:%S.") + "%06dZ" % (int(t * 1e6) % 1000000)

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def uuid():
    h = hexid(32)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], "4" + h[13:16], "a" + h[17:20], h[20:])

def ch_time(t):
    return sec_fmt(t + 7200, "%Y.%m.%d %H:%M:%S.") + "%06d" % (int(t * 1e6) % 1000000)

def pulsar_time(t):
    return sec_fmt(t, "%Y-%m-%dT%H:%M:%S,") + "%03d+0000" % (int(t * 1000) % 1000)

def klog_time(t):
    d = dtu(t)
    return "I%s %s.%06d" % (d.strftime("%m%d"), d.strftime("%H:%M:%S"), int(round(t * 1e6)) % 1000000)

def parts_at(t):
    if t < CH_UP:
        return int(34 + 14 * math.sin(t / 37.0) + 6 * math.sin(t / 11.0))
    x = t - CH_UP
    base = 40 + 0.245 * x
    if base >= 300:
        return int(297 + 5 * math.sin(t / 23.0) + 2 * math.sin(t / 7.0))
    return int(base + 5 * math.sin(t / 19.0))

OLD_PODS = [("collector-api-7d4b9c8f6-qx8lm", "10.42.3.17"), ("collector-api-7d4b9c8f6-w2rnt", "10.42.4.22"), ("collector-api-7d4b9c8f6-zk5fd", "10.42.5.31")]
NEW_PODS = [("collector-api-5c9f7b6d8-h7vjc", "10.42.3.41", T(9, 24, 19.2)), ("collector-api-5c9f7b6d8-m4xq2", "10.42.4.40", T(9, 24, 51.7)), ("collector-api-5c9f7b6d8-tr9bw", "10.42.5.12", T(9, 25, 24.9))]
OLD_END = [T(9, 24, 33.0), T(9, 25, 5.4), T(9, 25, 38.8)]

def pod_for(t, i):
    slot = i % 3
    np_, nip, nstart = NEW_PODS[slot]
    if t >= OLD_END[slot] - 8:
        if t >= nstart + 6:
            return np_, nip
        return OLD_PODS[(slot + 1) % 3] if t < OLD_END[(slot + 1) % 3] - 8 else NEW_PODS[(slot + 2) % 3][:2]
    return OLD_PODS[slot][:2] if t < OLD_END[slot] - 8 else (np_, nip)

INGRESS = ["ingress-nginx-controller-6b8f9d7c5-4xk2p", "ingress-nginx-controller-6b8f9d7c5-9tq7m"]
UAS = ["acme-js/3.2.1 (web)", "acme-js/3.2.0 (web)", "acme-ios/5.8.0", "acme-android/5.7.4", "acme-python/2.1.0", "acme-node/4.0.2"]
WRITE_KEYS = ["wk_" + hexid(20) for _ in range(40)]
CLIENT_NETS = ["81.2.%d.%d", "92.40.%d.%d", "176.24.%d.%d", "84.17.%d.%d", "203.0.%d.%d", "5.148.%d.%d", "188.29.%d.%d"]

def client_ip():
    return R.choice(CLIENT_NETS) % (R.randint(0, 255), R.randint(1, 254))

def rate(t):
    x = (t - START) / 60.0
    return 4.1 + 0.6 * math.sin(x / 9.0) + 0.35 * math.sin(x / 2.3)

SENDTIMEOUT = 30.0
QUOTA_HOLD = [T(9, 57, 12.3), T(9, 58, 12.4), T(9, 57, 12.3), T(9, 59, 12.6)]
TOO_MANY = None

def ingress_line(ing, t, cip, rid, method, path, status, up_status, up_rt, rt, bytes_sent, req_len, ua, up_addr, host="ingest.acme-analytics.io"):
    line = ('{"time":"%s","remote_addr":"%s","x_forwarded_for":"%s","request_id":"%s","remote_user":"","bytes_sent":%d,"request_time":%.3f,"status":%d,"vhost":"%s","request_proto":"HTTP/2.0","path":"%s","request_query":"","request_length":%d,"duration":%.3f,"method":"%s","http_referrer":"","http_user_agent":"%s","upstream_addr":"%s","upstream_status":"%s","upstream_response_time":"%s","upstream_name":"analytics-collector-api-8080","namespace":"analytics","ingress_name":"collector","service_name":"collector-api"}'
            % (sec_fmt(t, "%Y-%m-%dT%H:%M:%S+00:00"), cip, cip, rid, bytes_sent, rt, status, host, path, req_len, rt, method, ua, up_addr, up_status, up_rt))
    emit("ingress-nginx/%s.log" % ing, t, line)

QSEQ = {}

def qlog(pod, t, level, logger, msg, thread=None, mdc=None, exc=None):
    QSEQ[pod] = QSEQ.get(pod, 1200) + R.randint(1, 3)
    d = {"timestamp": iso_us(t), "sequence": QSEQ[pod], "loggerClassName": "org.jboss.logging.Logger", "loggerName": logger,
         "level": level, "message": msg, "threadName": thread or "executor-thread-%d" % R.randint(1, 24), "threadId": R.randint(40, 96),
         "mdc": mdc or {}, "ndc": "", "hostName": pod, "processName": "/opt/java/openjdk/bin/java", "processId": 1}
    if exc:
        d["exception"] = exc
    emit("collector-api/%s.json.log" % pod, t, json.dumps(d, separators=(",", ":")))

TIMEOUT_FRAMES = [
    {"class": "org.apache.pulsar.client.impl.ProducerImpl", "method": "run", "line": 2118},
    {"class": "io.netty.util.HashedWheelTimer$HashedWheelTimeout", "method": "run", "line": 715},
    {"class": "io.netty.util.HashedWheelTimer$Worker", "method": "run", "line": 475},
    {"class": "java.lang.Thread", "method": "run", "line": 1583}]

CB_FRAMES = [
    {"class": "io.smallrye.faulttolerance.core.circuit.breaker.CircuitBreaker", "method": "apply", "line": 77},
    {"class": "io.smallrye.faulttolerance.core.timeout.Timeout", "method": "apply", "line": 51},
    {"class": "io.acme.collector.ingest.EventPublisher_FaultToleranceInterceptor", "method": "intercept", "line": 112},
    {"class": "io.acme.collector.ingest.BatchResource", "method": "ingest", "line": 64}]

def gen_edge_and_api():
    cb = {}
    stats = {}
    t = START
    i = 0
    retries = []
    while t < END:
        t += R.expovariate(rate(t) * (1.0 if t < QUOTA_HOLD[0] else 1.55))
        if t >= END:
            break
        i += 1
        ing = INGRESS[i % 2]
        rid = hexid(32)
        cip = client_ip()
        ua = R.choice(UAS)
        pod, pip = pod_for(t, i)
        up = "%s:8080" % pip
        if R.random() < 0.18:
            rt = R.uniform(0.001, 0.006)
            ingress_line(ing, t, cip, rid, "GET", "/v1/projects/%s/settings" % R.choice(WRITE_KEYS), 200, "200", "%.3f" % rt, rt + 0.001, R.randint(900, 1400), R.randint(300, 600), ua, up)
            continue
        if R.random() < 0.004:
            ingress_line(ing, t, "34.88.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), rid, "POST", "/v1/batch", 413, "", "", 0.0, 583, 2101544, "acme-node/3.9.0", "")
            continue
        events = R.randint(5, 380)
        req_len = 380 + events * R.randint(380, 640)
        part = R.randrange(4)
        wk = R.choice(WRITE_KEYS)
        st = stats.setdefault(pod, [0, 0, 0, []])
        if R.random() < 0.012:
            rt = R.uniform(0.002, 0.008)
            ingress_line(ing, t, cip, rid, "POST", "/v1/batch", 400, "400", "%.3f" % rt, rt, 212, req_len, ua, up)
            qlog(pod, t + rt * 0.8, "WARN", "io.acme.collector.ingest.BatchValidator", "Rejected batch from %s: %d events missing required field 'anonymousId' or 'userId'" % (wk, R.randint(1, 4)), mdc={"requestId": rid})
            st[1] += 1
            continue
        if DEPLOY < t < NEW_PODS[2][2] + 7 and R.random() < 0.02:
            ingress_line(ing, t, cip, rid, "POST", "/v1/batch", 502, "502", "0.001", 0.002, 150, req_len, ua, up)
            continue
        held = t >= QUOTA_HOLD[part]
        c = cb.setdefault(pod, {"state": "closed", "win": [], "open_until": 0})
        if c["state"] == "open" and t >= c["open_until"]:
            c["state"] = "half"
        if c["state"] == "open":
            rt = R.uniform(0.001, 0.004)
            ingress_line(ing, t, cip, rid, "POST", "/v1/batch", 503, "503", "%.3f" % rt, rt, 198, req_len, ua, up)
            if R.random() < 0.5:
                qlog(pod, t + rt * 0.7, "ERROR", "io.acme.collector.ingest.BatchResource", "Failed to enqueue batch (%d events) for %s" % (events, wk), mdc={"requestId": rid},
                     exc={"refId": 1, "exceptionType": "io.smallrye.faulttolerance.api.CircuitBreakerOpenException", "message": "io.acme.collector.ingest.EventPublisher#publish circuit breaker is open", "frames": CB_FRAMES})
            if R.random() < 0.6:
                retries.append(t + R.uniform(1, 8))
            continue
        if not held:
            rt = R.uniform(0.003, 0.019) + (0.004 if events > 200 else 0)
            ingress_line(ing, t, cip, rid, "POST", "/v1/batch", 202, "202", "%.3f" % rt, rt + 0.0005, 172, req_len, ua, up)
            st[0] += 1
            st[3].append(rt * 1000)
            c["win"].append(0)
            if c["state"] == "half":
                c["state"] = "closed"
        else:
            ingress_line(ing, t + 10.001, cip, rid, "POST", "/v1/batch", 504, "504", "10.001", 10.001 + R.uniform(0, 0.002), 160, req_len, ua, up)
            qlog(pod, t + SENDTIMEOUT + R.uniform(0.0, 0.05), "ERROR", "io.acme.collector.ingest.EventPublisher",
                 "Publish of batch %s to persistent://analytics/ingest/events failed after %dms" % (rid[:16], int(SENDTIMEOUT * 1000) + R.randint(0, 40)),
                 thread="pulsar-timer-%d-1" % R.randint(4, 7), mdc={"requestId": rid},
                 exc={"refId": 1, "exceptionType": "org.apache.pulsar.client.api.PulsarClientException$TimeoutException",
                      "message": "The producer %s-0-%d can not send message to the topic persistent://analytics/ingest/events-partition-%d within given timeout" % (pod, R.randint(1, 9), part),
                      "frames": TIMEOUT_FRAMES})
            st[2] += 1
            c["win"].append(1)
            if R.random() < 0.8:
                retries.append(t + 10 + R.uniform(1, 6))
            if c["state"] == "half":
                c["state"] = "open"
                c["open_until"] = t + 15
                qlog(pod, t + 0.001, "WARN", "io.acme.collector.ingest.EventPublisher", "Circuit breaker for EventPublisher#publish transitioned HALF_OPEN -> OPEN", mdc={})
        c["win"] = c["win"][-20:]
        if c["state"] == "closed" and len(c["win"]) >= 20 and sum(c["win"]) >= 10:
            c["state"] = "open"
            c["open_until"] = t + 15
            c["win"] = []
            qlog(pod, t + 0.001, "WARN", "io.acme.collector.ingest.EventPublisher", "Circuit breaker for EventPublisher#publish transitioned CLOSED -> OPEN (failure ratio 0.50 over 20 requests)", mdc={})
    for rt_ in retries:
        if rt_ >= END:
            continue
        pod, pip = pod_for(rt_, int(rt_ * 7))
        rt = R.uniform(0.001, 0.004)
        ingress_line(INGRESS[int(rt_) % 2], rt_, client_ip(), hexid(32), "POST", "/v1/batch", 503, "503", "%.3f" % rt, rt, 198, R.randint(4000, 200000), R.choice(UAS), "%s:8080" % pip)

def gen_api_periodic():
    pods_life = [(OLD_PODS[k][0], START, OLD_END[k]) for k in range(3)] + [(p, s, END) for p, _, s in NEW_PODS]
    for pod, s, e in pods_life:
        t = s + R.uniform(5, 30)
        while t < e:
            held = t > QUOTA_HOLD[0] + 40
            acc = R.randint(230, 290) if not held else R.randint(0, 12)
            qlog(pod, t, "INFO", "io.acme.collector.ingest.IngestStats", "ingest window=30s accepted=%d rejected=%d publish_p50_ms=%d publish_p99_ms=%d inflight=%d" % (
                acc, R.randint(0, 5), R.randint(3, 6) if not held else 30000, R.randint(11, 19) if not held else 30041, R.randint(0, 3) if not held else R.randint(40, 120)), thread="executor-thread-1")
            t += 30 + R.uniform(-0.05, 0.05)
    for pod, ip, s in NEW_PODS:
        lines = [
            ("INFO", "io.quarkus", "collector-api 2.31.1 on JVM (powered by Quarkus 3.8.3) started in 2.114s. Listening on: http://0.0.0.0:8080"),
            ("INFO", "io.quarkus", "Profile prod activated. "),
            ("INFO", "io.quarkus", "Installed features: [cdi, messaging, messaging-pulsar, micrometer, rest, rest-jackson, smallrye-context-propagation, smallrye-fault-tolerance, smallrye-health, vertx]"),
            ("WARN", "io.quarkus.config", "Unrecognized configuration key \"quarkus.pulsar.devservices.enabled\" was provided; it will be ignored; verify that the dependency extension for this configuration is set or that you did not make a typo"),
            ("INFO", "org.apache.pulsar.client.impl.ConnectionPool", "[[id: 0x%s, L:/%s:4%d - R:pulsar-proxy.pulsar.svc.cluster.local/10.42.7.5:6650]] Connected to server" % (hexid(8), ip, R.randint(1000, 9999))),
        ]
        for k, (lv, lg, m) in enumerate(lines):
            qlog(pod, s - 2.3 + k * 0.21, lv, lg, m, thread="main")
        for p in range(4):
            qlog(pod, s - 1.0 + p * 0.05, "INFO", "org.apache.pulsar.client.impl.ProducerImpl", "[persistent://analytics/ingest/events-partition-%d] [null] Creating producer on cnx [id: 0x%s, L:/%s:4%d - R:pulsar-proxy.pulsar.svc.cluster.local/10.42.7.5:6650]" % (p, hexid(8), ip, R.randint(1000, 9999)), thread="pulsar-client-io-1-1")
    for k in range(3):
        qlog(OLD_PODS[k][0], OLD_END[k] - 0.4, "INFO", "io.quarkus", "collector-api stopped in 0.183s", thread="Shutdown thread")

CH_PID_OLD = 1
CH_PID_NEW = 1
CHQ = {}
CH_HOST = "chi-events-0-0-0"

def chlog(t, thread, qid, level, msg, err=False):
    line = "%s [ %d ] {%s} <%s> %s" % (ch_time(t), thread, qid, level, msg)
    emit("clickhouse/clickhouse-server.log", t, line)
    if err or level in ("Error", "Warning", "Fatal"):
        emit("clickhouse/clickhouse-server.err.log", t, line)

CH_TABLE_UUID = "3f2a9c1e-8b7d-4e21-9a5c-0d6e4f1b7a22"
CH_STACK = [
    "0. DB::Exception::Exception(DB::Exception::MessageMasked&&, int, bool) @ 0x000000000c800f1b",
    "1. DB::Exception::Exception<unsigned long&, ReadableSize, String>(int, FormatStringHelperImpl<std::type_identity<unsigned long&>::type, std::type_identity<ReadableSize>::type, std::type_identity<String>::type>, unsigned long&, ReadableSize&&, String&&) @ 0x00000000127a2e1c",
    "2. DB::MergeTreeData::delayInsertOrThrowIfNeeded(Poco::Event*, std::shared_ptr<DB::Context const> const&, bool) const @ 0x00000000127a1b8f",
    "3. DB::MergeTreeSink::onStart() @ 0x0000000012bd4a2b",
    "4. DB::ExceptionKeepingTransform::work() @ 0x0000000012f6d19d",
    "5. DB::ExecutionThreadContext::executeTask() @ 0x0000000012c6a4d9",
    "6. DB::PipelineExecutor::executeStepImpl(unsigned long, std::atomic<bool>*) @ 0x0000000012c5f0f0",
    "7. DB::PushingPipelineExecutor::start() @ 0x0000000012c71c2a",
    "8. DB::TCPHandler::processInsertQuery() @ 0x0000000012b1e6a4",
    "9. DB::TCPHandler::runImpl() @ 0x0000000012b14f3d",
    "10. DB::TCPHandler::run() @ 0x0000000012b2e8b9",
    "11. Poco::Net::TCPServerConnection::start() @ 0x0000000015a8bdd2",
    "12. Poco::Net::TCPServerDispatcher::run() @ 0x0000000015a8cbd1",
    "13. Poco::PooledThread::run() @ 0x0000000015b83707",
    "14. Poco::ThreadImpl::runnableEntry(void*) @ 0x0000000015b819dd",
    "15. ? @ 0x00007f4e2a094ac3",
    "16. ? @ 0x00007f4e2a126850"]

WRITER_PODS = [("ch-writer-0", "10.42.3.55", [0, 1]), ("ch-writer-1", "10.42.5.48", [2, 3])]
PART_SEQ = [81200]

def slog(pod, t, level, msg, **kv):
    s = "time=%s level=%s msg=%s" % (iso_ms(t), level, json.dumps(msg) if (" " in msg or "=" in msg) else msg)
    for k, v in kv.items():
        if isinstance(v, str) and (v == "" or any(c in v for c in ' ="')):
            v = json.dumps(v)
        s += " %s=%s" % (k, v)
    emit("ch-writer/%s.log" % pod, t, s)

def gen_writer_and_ch():
    global TOO_MANY
    for pod, ip, parts in WRITER_PODS:
        for p in parts:
            t = START + R.uniform(0, 5)
            backoff = 0
            attempt = 0
            pending_rows = 0
            while t < END:
                rows = R.randint(3800, 6900) if t < QUOTA_HOLD[p] else R.randint(3800, 6900)
                if attempt == 0:
                    pending_rows = rows
                    batch_bytes = pending_rows * R.randint(520, 640)
                qid = uuid()
                port = R.randint(32000, 60999)
                th = R.randint(600, 980)
                pc = parts_at(t)
                if CH_DOWN <= t < CH_READY:
                    attempt += 1
                    slog(pod, t, "WARN", "insert failed, will retry", partition=p, rows=pending_rows, attempt=attempt,
                         err="dial tcp 10.42.6.21:9000: connect: connection refused" if t >= CH_DOWN + 1.2 else "read tcp %s:%d->10.42.6.21:9000: read: connection reset by peer" % (ip, port),
                         backoff=["1s", "2s", "4s", "8s", "16s"][min(attempt - 1, 4)])
                    t += [1, 2, 4, 8, 16][min(attempt - 1, 4)] + R.uniform(0, 0.05)
                    continue
                if pc >= 300:
                    attempt += 1
                    if TOO_MANY is None:
                        TOO_MANY = t
                    chlog(t, th, qid, "Debug", "executeQuery: (from %s:%d, user: writer) INSERT INTO events.raw_events (ts, project_id, anonymous_id, user_id, event, properties, context, received_at) FORMAT Native  (stage: Complete)" % (ip, port))
                    avg = 2.8 + R.random() * 0.7
                    msg = "executeQuery: Code: 252. DB::Exception: Too many parts (%d with average size of %.2f MiB) in table 'events.raw_events' (%s). Merges are processing significantly slower than inserts. (TOO_MANY_PARTS) (version 24.3.2.23 (official build)) (from %s:%d) (in query: INSERT INTO events.raw_events (ts, project_id, anonymous_id, user_id, event, properties, context, received_at) FORMAT Native), Stack trace (when copying this message, always include the lines below):\n\n%s\n" % (pc, avg, CH_TABLE_UUID, ip, port, "\n".join(CH_STACK))
                    chlog(t + 0.0021, th, qid, "Error", msg)
                    chlog(t + 0.0023, th, qid, "Error", "TCPHandler: Code: 252. DB::Exception: Too many parts (%d with average size of %.2f MiB) in table 'events.raw_events' (%s). Merges are processing significantly slower than inserts. (TOO_MANY_PARTS), Stack trace (when copying this message, always include the lines below):\n\n%s\n" % (pc, avg, CH_TABLE_UUID, "\n".join(CH_STACK)))
                    chlog(t + 0.0025, th, qid, "Debug", "TCPHandler: Processed in 0.00%d sec." % R.randint(2, 9))
                    bo = min(30, 2 ** min(attempt - 1, 5))
                    slog(pod, t + 0.004, "ERROR", "insert failed, will retry", partition=p, rows=pending_rows, attempt=attempt,
                         err="code: 252, message: Too many parts (%d with average size of %.2f MiB) in table 'events.raw_events' (%s). Merges are processing significantly slower than inserts" % (pc, avg, CH_TABLE_UUID),
                         backoff="%ds" % bo)
                    if attempt in (5, 10, 20, 40):
                        slog(pod, t + 0.005, "WARN", "consumer paused: flush not acknowledged", partition=p, topic="persistent://analytics/ingest/events-partition-%d" % p, subscription="ch-writer", unacked=min(50000, pending_rows * 9), pending_since="%ds" % int(sum(min(30, 2 ** min(k, 5)) for k in range(attempt))))
                    t += bo + R.uniform(0, 0.3)
                    continue
                delay = 0
                if pc > 150:
                    delay = int(min(1000, 1000 * ((pc - 150) / 150.0) ** 1.5 + R.randint(1, 9)))
                dur = R.uniform(0.12, 0.32) + delay / 1000.0 + (0.05 if attempt else 0)
                chlog(t, th, qid, "Debug", "executeQuery: (from %s:%d, user: writer) INSERT INTO events.raw_events (ts, project_id, anonymous_id, user_id, event, properties, context, received_at) FORMAT Native  (stage: Complete)" % (ip, port))
                if delay:
                    chlog(t + 0.001, th, qid, "Information", "events.raw_events (%s): Delaying inserting block by %d ms. because there are %d parts and their average size is %.2f MiB" % (CH_TABLE_UUID, delay, pc, 3.9 - pc / 200.0))
                mib = batch_bytes / 1048576.0
                chlog(t + dur * 0.5, th, qid, "Debug", "DiskLocal: Reserved %.2f MiB on local disk `default`, having unreserved 1.21 TiB." % mib)
                PART_SEQ[0] += 1
                pn = "202604_%d_%d_0" % (PART_SEQ[0], PART_SEQ[0])
                chlog(t + dur * 0.8, th, qid, "Trace", "events.raw_events (%s): Renaming temporary part tmp_insert_%s to %s with tid (1, 1, 00000000-0000-0000-0000-000000000000)." % (CH_TABLE_UUID, pn, pn))
                chlog(t + dur * 0.98, th, qid, "Debug", "MemoryTracker: Peak memory usage (for query): %.2f MiB." % (mib * 2.4 + 8))
                chlog(t + dur, th, qid, "Debug", "TCPHandler: Processed in %.6f sec." % dur)
                slog(pod, t + dur + 0.001, "INFO", "batch inserted", partition=p, rows=pending_rows, bytes=batch_bytes, dur_ms=int(dur * 1000), attempt=attempt + 1)
                if attempt > 0:
                    slog(pod, t + dur + 0.002, "INFO", "consumer resumed", partition=p, acked=pending_rows)
                attempt = 0
                t += dur + (5.0 if pc < 300 else 0.5) + R.uniform(-0.15, 0.15)

def gen_ch_background():
    t = START + 1.3
    while t < END:
        if CH_DOWN <= t < CH_READY + 5:
            t += 2
            continue
        after = t >= CH_UP
        th = R.randint(300, 330)
        pc = parts_at(t)
        k = R.randint(4, 9) if not after else R.randint(8, 16)
        a = R.randint(81000, max(81001, PART_SEQ[0] - 40 if PART_SEQ[0] > 81040 else 81050))
        b = a + R.randint(10, 30)
        level = R.randint(1, 4)
        tag = "%s::202604_%d_%d_%d" % (CH_TABLE_UUID, a, b, level)
        chlog(t, th, tag, "Debug", "events.raw_events (%s) (MergerMutator): Selected %d parts from 202604_%d_%d_%d to 202604_%d_%d_0" % (CH_TABLE_UUID, k, a, a + 2, level - 1 if level > 1 else 0, b, b))
        chlog(t + 0.001, th, tag, "Debug", "DiskLocal: Reserved %.2f MiB on local disk `default`, having unreserved 1.21 TiB." % (k * R.uniform(2.5, 4.5)))
        chlog(t + 0.002, th, tag, "Debug", "MergeTask::PrepareStage: Merging %d parts: from 202604_%d_%d_%d to 202604_%d_%d_0 into Wide with storage Full" % (k, a, a + 2, level - 1 if level > 1 else 0, b, b))
        rows = k * R.randint(4000, 6500)
        md = rows / R.uniform(180000, 260000) * (1.0 if not after else 1.6)
        chlog(t + md, th, tag, "Debug", "MergeTask::MergeProjectionsStage: Merge sorted %d rows, containing 8 columns (8 merged, 0 gathered) in %.6f sec., %.2f rows/sec., %.2f MiB/sec." % (rows, md, rows / md, rows * 590 / md / 1048576))
        chlog(t + md + 0.003, th, tag, "Trace", "MergedBlockOutputStream: filled checksums 202604_%d_%d_%d (state Temporary)" % (a, b, level))
        if after and R.random() < 0.5 and pc > 60:
            chlog(t + md + 0.01, R.randint(300, 330), "", "Debug", "events.raw_events (%s) (MergerMutator): Not selecting parts to merge: background executor is busy (2/2 merges running, 4/4 tasks queued)" % CH_TABLE_UUID)
        t += (R.uniform(1.2, 3.0) if not after else R.uniform(9, 16))
    t = START + 40
    while t < END:
        if not (CH_DOWN <= t < CH_READY):
            qid = uuid()
            port = R.randint(32000, 60999)
            th = R.randint(600, 980)
            chlog(t, th, qid, "Debug", "executeQuery: (from 10.42.2.19:%d, user: grafana) SELECT toStartOfMinute(ts) AS m, count() FROM events.raw_events_v2 WHERE project_id = 'prj_7h2k' AND ts > now() - INTERVAL 6 HOUR GROUP BY m ORDER BY m (stage: Complete)" % port)
            chlog(t + 0.0012, th, qid, "Error", "executeQuery: Code: 60. DB::Exception: Unknown table expression identifier 'events.raw_events_v2' in scope SELECT toStartOfMinute(ts) AS m, count() FROM events.raw_events_v2 WHERE (project_id = 'prj_7h2k') AND (ts > (now() - toIntervalHour(6))) GROUP BY m ORDER BY m ASC. (UNKNOWN_TABLE) (version 24.3.2.23 (official build)) (from 10.42.2.19:%d) (in query: SELECT toStartOfMinute(ts) AS m, count() FROM events.raw_events_v2 WHERE project_id = 'prj_7h2k' AND ts > now() - INTERVAL 6 HOUR GROUP BY m ORDER BY m)" % port)
            for q in range(R.randint(1, 3)):
                qid2 = uuid()
                tq = t + 0.3 + q * 0.2
                chlog(tq, th + 1, qid2, "Debug", "executeQuery: (from 10.42.2.19:%d, user: grafana) SELECT event, count() AS c FROM events.raw_events WHERE project_id = '%s' AND ts > now() - INTERVAL 1 HOUR GROUP BY event ORDER BY c DESC LIMIT 20 (stage: Complete)" % (R.randint(32000, 60999), R.choice(["prj_7h2k", "prj_a91x", "prj_00ff", "prj_k2m3"])))
                pc = parts_at(tq)
                dq = R.uniform(0.05, 0.4) * (1 + pc / 120.0)
                chlog(tq + dq, th + 1, qid2, "Information", "executeQuery: Read %d rows, %.2f MiB in %.6f sec., %d rows/sec., %.2f MiB/sec." % (R.randint(200000, 9000000), R.uniform(5, 90), dq, R.randint(900000, 20000000), R.uniform(40, 300)))
        t += R.uniform(100, 140)
    t = START + 7
    while t < END:
        if not (CH_DOWN <= t < CH_READY):
            chlog(t, R.randint(200, 210), "", "Debug", "AsynchronousMetrics: MemoryTracking: was %.2f GiB, peak %.2f GiB, free memory in arenas %.2f MiB, will set to %.2f GiB (RSS), difference: %.2f MiB" % (R.uniform(3.1, 3.4), R.uniform(3.5, 3.7), R.uniform(10, 40), R.uniform(3.1, 3.4), R.uniform(-20, 20)))
        t += 60
    t0 = CH_DOWN
    seq = [
        (0.000, 1, "Information", "Application: Received termination signal (Terminated)"),
        (0.002, 1, "Debug", "Application: Received termination signal."),
        (0.003, 1, "Debug", "Application: Waiting for current connections to close."),
        (0.512, 1, "Information", "Application: Closed all listening sockets. Waiting for 4 outstanding connections."),
        (1.514, 1, "Information", "Application: Closed connections. But 2 remain. Tip: To increase wait time add to config: <shutdown_wait_unfinished>60</shutdown_wait_unfinished>"),
        (1.530, 1, "Information", "Application: Will shutdown forcefully."),
        (20.318, 1, "Information", "SentryWriter: Sending crash reports is disabled"),
        (20.344, 1, "Information", "Application: Starting ClickHouse 24.3.2.23 (revision: 54484, git hash: 6ad1a6b1ee4a2d0fd0e0ba4a6c8eb3a5d6d9c03f, build id: 2B61E3D3C5C8F0E6A7A8D49A1D4B0C6E5A2F7B90), PID 1"),
        (20.344, 1, "Information", "Application: starting up"),
        (20.344, 1, "Information", "Application: OS name: Linux, version: 6.1.79, architecture: x86_64"),
        (20.351, 1, "Debug", "ConfigProcessor: Processing configuration file '/etc/clickhouse-server/config.xml'."),
        (20.353, 1, "Debug", "ConfigProcessor: Merging configuration file '/etc/clickhouse-server/config.d/01-clickhouse-01-listen.xml'."),
        (20.354, 1, "Debug", "ConfigProcessor: Merging configuration file '/etc/clickhouse-server/config.d/01-clickhouse-02-logger.xml'."),
        (20.355, 1, "Debug", "ConfigProcessor: Merging configuration file '/etc/clickhouse-server/config.d/02-clickhouse-storage.xml'."),
        (20.356, 1, "Debug", "ConfigProcessor: Merging configuration file '/etc/clickhouse-server/config.d/chop-generated-settings.xml'."),
        (20.357, 1, "Debug", "ConfigProcessor: Merging configuration file '/etc/clickhouse-server/config.d/zz-low-memory-profile.xml'."),
        (20.369, 1, "Information", "Application: Changed setting 'max_server_memory_usage' to 12.60 GiB (14.00 GiB available * 0.90 max_server_memory_usage_to_ram_ratio)"),
        (20.412, 1, "Information", "Context: Initialized background executor for merges and mutations with num_threads=2, num_tasks=4, scheduling_policy=round_robin"),
        (20.412, 1, "Information", "Context: Initialized background executor for move operations with num_threads=8, num_tasks=8"),
        (20.413, 1, "Information", "Context: Initialized background executor for fetches with num_threads=16, num_tasks=16"),
        (20.413, 1, "Information", "Context: Initialized background executor for common operations (e.g. clearing old parts) with num_threads=8, num_tasks=8"),
        (20.980, 1, "Information", "DatabaseAtomic (events): Metadata processed, database events has 3 tables and 0 dictionaries in total."),
        (21.611, 1, "Information", "TablesLoader: Parsed metadata of 9 tables in 3 databases in 0.62 sec"),
        (24.702, 1, "Debug", "events.raw_events (%s): Loading data parts" % CH_TABLE_UUID),
        (25.881, 1, "Debug", "events.raw_events (%s): Loaded data parts (%d items)" % (CH_TABLE_UUID, parts_at(CH_UP))),
        (26.118, 1, "Information", "Application: Listening for http://[::]:8123"),
        (26.118, 1, "Information", "Application: Listening for native protocol (tcp): [::]:9000"),
        (26.119, 1, "Information", "Application: Listening for replica communication (interserver): http://[::]:9009"),
        (26.120, 1, "Information", "Application: Ready for connections."),
    ]
    for off, th, lv, m in seq:
        chlog(t0 + off, th, "", lv, m)

def pl(broker, t, thread, level, logger, msg):
    emit("pulsar/%s.log" % broker, t, "%s [%s] %-5s %s - %s" % (pulsar_time(t), thread, level, logger, msg))

def gen_pulsar():
    brokers = {0: "pulsar-broker-0", 1: "pulsar-broker-1", 2: "pulsar-broker-0", 3: "pulsar-broker-1"}
    for b in ("pulsar-broker-0", "pulsar-broker-1"):
        t = START + R.uniform(0, 15)
        while t < END:
            pl(b, t, "pulsar-web-41-%d" % R.randint(1, 8), "INFO", "org.eclipse.jetty.server.RequestLog", "10.42.0.%d - - [%s] \"GET /metrics/ HTTP/1.1\" 200 %d \"-\" \"Prometheus/2.51.1\" %d" % (R.randint(2, 9), dtu(t).strftime("%d/%b/%Y:%H:%M:%S +0000"), R.randint(380000, 420000), R.randint(40, 140)))
            t += 30 + R.uniform(-0.2, 0.2)
        t = START + R.uniform(0, 60)
        while t < END:
            pl(b, t, "pulsar-load-manager-1-1", "INFO", "org.apache.pulsar.broker.loadbalance.impl.ModularLoadManagerImpl", "Writing local data to metadata store because maximum change %.6f%% exceeded threshold 10%%; time since last report written is %.1f seconds" % (R.uniform(10, 30), R.uniform(60, 900)))
            t += R.uniform(240, 600)
    backlog = [R.uniform(2, 6) * 1048576 for _ in range(4)]
    ledgers = [48210, 48231, 48244, 48259]
    for p in range(4):
        b = brokers[p]
        t = START + R.uniform(20, 200)
        while t < END:
            ml = "analytics/ingest/persistent/events-partition-%d" % p
            pl(b, t, "bookkeeper-ml-scheduler-OrderedScheduler-%d-0" % R.randint(0, 7), "INFO", "org.apache.bookkeeper.mledger.impl.ManagedLedgerImpl", "[%s] Ledger %d reached max entries %s, creating new ledger" % (ml, ledgers[p], "50000") if R.random() < 0.5 else "[%s] Ledger %d rolled over after %d minutes" % (ml, ledgers[p], 10))
            ledgers[p] += R.randint(8, 40)
            pl(b, t + R.uniform(0.005, 0.02), "BookKeeperClientWorker-OrderedExecutor-%d-0" % R.randint(0, 7), "INFO", "org.apache.bookkeeper.mledger.impl.ManagedLedgerImpl", "[%s] Created new ledger %d" % (ml, ledgers[p]))
            t += R.uniform(280, 620)
    for p in range(4):
        b = brokers[p]
        t = START + 60
        while t < END:
            size = 0
            stuck = TOO_MANY is not None and t > TOO_MANY
            if stuck:
                size = 6 * 1048576 + (t - TOO_MANY) * 212000 * (1.0 + 0.06 * p)
            else:
                size = R.uniform(2, 9) * 1048576
            if size > 104857600 and t >= QUOTA_HOLD[p] - 1:
                pl(b, t, "pulsar-backlog-quota-checker-%d-1" % R.randint(30, 39), "WARN", "org.apache.pulsar.broker.service.BacklogQuotaManager",
                   "Backlog size %d exceeded quota limit 104857600 for topic persistent://analytics/ingest/events-partition-%d with policy producer_request_hold; producer requests will be held until backlog is reduced" % (int(min(size, 104857600 + (t - QUOTA_HOLD[p] + 60) * 40000)), p))
                if R.random() < 0.9:
                    pl(b, t + 0.002, "pulsar-backlog-quota-checker-%d-1" % R.randint(30, 39), "INFO", "org.apache.pulsar.broker.service.persistent.PersistentTopic",
                       "[persistent://analytics/ingest/events-partition-%d] Backlog quota exceeded (destination_storage). Oldest unacked entry on subscription ch-writer is %d seconds old" % (p, int(t - TOO_MANY) + R.randint(5, 60)))
            t += 60
    for p in range(4):
        b = brokers[p]
        if TOO_MANY is None:
            break
        t = TOO_MANY + R.uniform(40, 110)
        pl(b, t, "pulsar-io-3-%d" % R.randint(1, 8), "INFO", "org.apache.pulsar.broker.service.persistent.PersistentDispatcherSingleActiveConsumer",
           "[persistent://analytics/ingest/events-partition-%d / ch-writer-Consumer{subscription=PersistentSubscription{topic=persistent://analytics/ingest/events-partition-%d, name=ch-writer}, consumerId=0, consumerName=ch-writer-%d, address=[id: 0x%s, L:/10.42.7.%d:6650 - R:/10.42.%d.%d:4%d]}] Consumer is blocked on unacked messages: unackedMessages=50000 maxUnackedMessagesPerConsumer=50000" % (p, p, p // 2, hexid(8), 21 + (p % 2), 3 if p < 2 else 5, 55 if p < 2 else 48, R.randint(1000, 9999)))
    for ts_, ip in ((OLD_END[0] - 0.3, "10.42.3.17"), (OLD_END[1] - 0.3, "10.42.4.22"), (OLD_END[2] - 0.3, "10.42.5.31")):
        for p in range(4):
            pl(brokers[p], ts_ + p * 0.01, "pulsar-io-3-%d" % R.randint(1, 8), "INFO", "org.apache.pulsar.broker.service.ServerCnx", "Closed connection from /%s:4%d" % (ip, R.randint(1000, 9999)))
    for pod, ip, s in NEW_PODS:
        for p in range(4):
            pl(brokers[p], s - 0.95 + p * 0.05, "pulsar-io-3-%d" % R.randint(1, 8), "INFO", "org.apache.pulsar.broker.service.ServerCnx",
               "[/%s:4%d] Created new producer: Producer{topic=PersistentTopic{topic=persistent://analytics/ingest/events-partition-%d}, client=[id: 0x%s, L:/10.42.7.%d:6650 - R:/%s:4%d] [SR:%s, state:Connected], producerName=%s-0-%d, producerId=%d}" % (ip, R.randint(1000, 9999), p, hexid(8), 21 + p % 2, ip, R.randint(1000, 9999), ip, pod, p, p))

def gen_ingress_klog():
    for ing in INGRESS:
        for t, m in ((DEPLOY + 14.3, "\"Updating endpoints\" service=\"analytics/collector-api\" added=1 removed=0"),
                     (OLD_END[0] + 0.7, "\"Updating endpoints\" service=\"analytics/collector-api\" added=0 removed=1"),
                     (NEW_PODS[1][2] + 0.4, "\"Updating endpoints\" service=\"analytics/collector-api\" added=1 removed=0"),
                     (OLD_END[1] + 0.7, "\"Updating endpoints\" service=\"analytics/collector-api\" added=0 removed=1"),
                     (NEW_PODS[2][2] + 0.4, "\"Updating endpoints\" service=\"analytics/collector-api\" added=1 removed=0"),
                     (OLD_END[2] + 0.7, "\"Updating endpoints\" service=\"analytics/collector-api\" added=0 removed=1")):
            tt = t + R.uniform(0, 0.2)
            emit("ingress-nginx/%s.log" % ing, tt, "%s       7 endpointslices.go:144] %s" % (klog_time(tt), m))
        t = START + R.uniform(60, 300)
        while t < END:
            emit("ingress-nginx/%s.log" % ing, t, "%s       7 status.go:304] \"updating Ingress status\" namespace=\"analytics\" ingress=\"collector\" currentValue=[{\"ip\":\"34.90.11.87\"}] newValue=[{\"ip\":\"34.90.11.87\"}]" % klog_time(t).replace("I", "I", 1))
            t += R.uniform(900, 1500)

def write_all():
    shutil.rmtree(LOGS, ignore_errors=True)
    os.makedirs(LOGS)
    for rel in sorted(FILES):
        rows = FILES[rel]
        rows.sort(key=lambda r: (r[0], r[1]))
        data = ("\n".join(r[2] for r in rows) + "\n").encode()
        if rel == "clickhouse/clickhouse-server.log":
            cut = 0
            for idx, r in enumerate(rows):
                if r[0] >= CH_DOWN + 20.0:
                    cut = idx
                    break
            first = ("\n".join(r[2] for r in rows[:cut]) + "\n").encode()
            data = ("\n".join(r[2] for r in rows[cut:]) + "\n").encode()
            os.makedirs(os.path.join(LOGS, "clickhouse"), exist_ok=True)
            with open(os.path.join(LOGS, "clickhouse/clickhouse-server.log.0.gz"), "wb") as f:
                with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as g:
                    g.write(first)
        p = os.path.join(LOGS, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)

gen_writer_and_ch()
gen_edge_and_api()
gen_api_periodic()
gen_ch_background()
gen_pulsar()
gen_ingress_klog()
write_all()
