#!/usr/bin/env python3
# Deterministic incident log generator (standard library only).
import os
import shutil
import random
import json
import gzip
import math
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc


def reset_logs():
    if os.path.isdir(LOGS):
        shutil.rmtree(LOGS)
    os.makedirs(LOGS)


def write_file(rel, lines, gz=False):
    path = os.path.join(LOGS, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    with open(path, "wb") as f:
        if gz:
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as g:
                g.write(data)
        else:
            f.write(data)


class Sink:
    """Collects (time, text) records; emits them sorted by time (stable)."""

    def __init__(self):
        self.items = []
        self.n = 0

    def add(self, t, text):
        self.items.append((t, self.n, text))
        self.n += 1

    def sorted_lines(self):
        return [x[2] for x in sorted(self.items, key=lambda x: (x[0], x[1]))]

    def __len__(self):
        return len(self.items)


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    L = math.exp(-lam)
    k, p = 0, 1.0
    while True:
        p *= rng.random()
        if p <= L:
            return k
        k += 1


def iso_ms(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def iso_us(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % t.microsecond


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum(rng, n, alphabet="abcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def uuid_from(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[0:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


def jdump(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def each_second(start, end):
    t = start
    while t < end:
        yield t
        t += timedelta(seconds=1)


def arrivals(rng, start, end, rate_fn):
    """Poisson arrivals; rate_fn(t) -> requests per second."""
    out = []
    for s in each_second(start, end):
        n = poisson(rng, rate_fn(s))
        ts = sorted(rng.random() for _ in range(n))
        for x in ts:
            out.append(s + timedelta(microseconds=int(x * 1e6)))
    return out


def ms(x):
    return timedelta(milliseconds=x)

# ---------------------------------------------------------------------------
# d01: Cassandra node (cass-b) runs a huge compaction of a wide partition; heap
# pressure -> long G1 Old-Gen pauses -> client read timeouts at timeline-api ->
# web-bff 504s.  Formats: Cassandra system.log, Java util logging (SimpleFormatter
# two-line), log4j2 EcsLayout JSON.  Layout: one folder per host.
rng = random.Random(4101)

START = datetime(2025, 3, 11, 13, 40, 0, tzinfo=UTC)
END = START + timedelta(minutes=33)
COMPACT_START = datetime(2025, 3, 11, 13, 51, 4, 118000, tzinfo=UTC)
FIRST_PAUSE = datetime(2025, 3, 11, 13, 53, 10, 402000, tzinfo=UTC)
STOP_COMPACTION = datetime(2025, 3, 11, 14, 5, 41, 0, tzinfo=UTC)
DEPLOY_SEARCH = datetime(2025, 3, 11, 13, 47, 31, 0, tzinfo=UTC)

CASS = [("cass-a", "10.2.0.11"), ("cass-b", "10.2.0.12"), ("cass-c", "10.2.0.13")]
BAD_IP = "10.2.0.12"

# host clock offsets (seconds); app-04 NTP drifted
SKEW = {"app-01": 0.0, "app-02": 0.0, "app-03": 0.0, "app-04": 2.7, "app-05": -0.4,
        "cass-a": 0.0, "cass-b": 0.0, "cass-c": 0.0}


def local(host, t):
    return t + timedelta(seconds=SKEW[host])


# ---------------- GC pause schedule on cass-b ----------------
PAUSES = [(FIRST_PAUSE, 1412)]
t = FIRST_PAUSE + timedelta(seconds=47)
while t < STOP_COMPACTION + timedelta(seconds=70):
    if t < STOP_COMPACTION:
        d = rng.randint(2400, 9100)
    else:
        d = rng.randint(900, 2200)
    PAUSES.append((t, d))
    t = t + ms(d) + timedelta(seconds=rng.randint(9, 31))


def pause_state(tq, span_ms=2000):
    """0 = healthy, 2 = request overlaps a pause, 1 = recovering backlog."""
    end_q = tq + ms(span_ms)
    for (p, d) in PAUSES:
        pe = p + ms(d)
        if p <= end_q and tq <= pe:
            return 2, (pe - tq).total_seconds() * 1000.0
        if pe < tq <= pe + timedelta(seconds=5):
            return 1, 0
    return 0, 0


def jul_ts(t):
    h = t.hour % 12 or 12
    return "%s %d, %d %d:%02d:%02d %s" % (t.strftime("%b"), t.day, t.year, h, t.minute, t.second,
                                         "AM" if t.hour < 12 else "PM")


def cass_ts(t):
    return t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000)


sinks = {}


def sink(key):
    if key not in sinks:
        sinks[key] = Sink()
    return sinks[key]


def ecs(host, service, t, level, logger, thread, message, extra=None):
    rec = {"@timestamp": iso_ms(local(host, t)), "log.level": level, "message": message,
           "ecs.version": "1.2.0", "service.name": service, "service.node.name": host,
           "event.dataset": service + ".log", "process.thread.name": thread, "log.logger": logger}
    if extra:
        for k, v in extra:
            rec[k] = v
    sink((host, service, "json")).add(t, jdump(rec))


def jul(host, service, t, cls, method, level, msg, trace=None):
    text = "%s %s %s\n%s: %s" % (jul_ts(local(host, t)), cls, method, level, msg)
    if trace:
        text += "\n" + trace
    sink((host, service, "jul")).add(t, text)


def cass(host, t, level, thread, src, msg):
    sink((host, "cassandra", "system")).add(t, "%-5s [%s] %s %s - %s" % (level, thread, cass_ts(local(host, t)), src, msg))


DRIVER_TIMEOUT_TRACE = """com.datastax.oss.driver.api.core.DriverTimeoutException: Query timed out after PT2S
\tat com.datastax.oss.driver.api.core.DriverTimeoutException.copy(DriverTimeoutException.java:34)
\tat com.datastax.oss.driver.internal.core.util.concurrent.CompletableFutures.getUninterruptibly(CompletableFutures.java:149)
\tat com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:53)
\tat com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:30)
\tat com.datastax.oss.driver.internal.core.session.DefaultSession.execute(DefaultSession.java:230)
\tat com.datastax.oss.driver.api.core.cql.SyncCqlSession.execute(SyncCqlSession.java:54)
\tat com.social.timeline.store.FeedRepository.fetchPage(FeedRepository.java:88)
\tat com.social.timeline.service.TimelineService.load(TimelineService.java:61)
\tat com.social.timeline.api.TimelineResource.getTimeline(TimelineResource.java:47)
\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
\tat org.glassfish.jersey.server.model.internal.ResourceMethodInvocationHandlerFactory.lambda$static$0(ResourceMethodInvocationHandlerFactory.java:52)
\t... 47 more"""

READ_TIMEOUT_TRACE = """com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException: Cassandra timeout during read query at consistency LOCAL_QUORUM (2 responses were required but only 1 replica responded)
\tat com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException.copy(ReadTimeoutException.java:110)
\tat com.datastax.oss.driver.internal.core.util.concurrent.CompletableFutures.getUninterruptibly(CompletableFutures.java:149)
\tat com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:53)
\tat com.datastax.oss.driver.internal.core.session.DefaultSession.execute(DefaultSession.java:230)
\tat com.social.timeline.store.FeedRepository.fetchPage(FeedRepository.java:88)
\tat com.social.timeline.service.TimelineService.load(TimelineService.java:61)
\tat com.social.timeline.api.TimelineResource.getTimeline(TimelineResource.java:47)
\t... 49 more"""

WRITE_TIMEOUT_TRACE = """com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException: Cassandra timeout during SIMPLE write query at consistency LOCAL_QUORUM (2 replica were required but only 1 acknowledged the write)
\tat com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException.copy(WriteTimeoutException.java:136)
\tat com.datastax.oss.driver.internal.core.util.concurrent.CompletableFutures.getUninterruptibly(CompletableFutures.java:149)
\tat com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:53)
\tat com.datastax.oss.driver.internal.core.session.DefaultSession.execute(DefaultSession.java:230)
\tat com.social.fanout.FeedWriter.writeBatch(FeedWriter.java:73)
\tat com.social.fanout.FanoutLoop.handle(FanoutLoop.java:112)
\t... 6 more"""

TIMELINE_HOSTS = ["app-03", "app-04"]
BFF_HOSTS = ["app-01", "app-02"]
USERS = [rng.randint(100000, 9999999) for _ in range(3000)]


def uid():
    return rng.choice(USERS)


# ---------------- timeline-api read ----------------
def timeline_read(t, user):
    host = rng.choice(TIMELINE_HOSTS)
    thread = "grizzly-http-server-%d" % rng.randint(0, 31)
    total = rng.uniform(1.5, 4.0)  # app overhead
    attempts = []
    for attempt in range(2):
        tq = t + ms(total)
        state, _ = pause_state(tq)
        coord = rng.choice(CASS)[1]
        if state == 2:
            r = rng.random()
            if coord == BAD_IP or r < 0.35:
                outcome, lat = "driver_timeout", 2000 + rng.uniform(0, 6)
            elif r < 0.50:
                outcome, lat = "read_timeout", rng.uniform(1795, 1830)
            else:
                outcome, lat = "ok", rng.uniform(40, 900)
        elif state == 1:
            outcome = "driver_timeout" if rng.random() < 0.06 else "ok"
            lat = 2000 + rng.uniform(0, 5) if outcome != "ok" else rng.uniform(150, 1600)
        else:
            if rng.random() < 0.0004:
                outcome, lat = "driver_timeout", 2000 + rng.uniform(0, 5)
            else:
                outcome, lat = "ok", rng.lognormvariate(2.6, 0.45)
        total += lat
        attempts.append((tq, outcome, coord, lat))
        if outcome == "ok":
            break
    total += rng.uniform(0.5, 3)
    final_ok = attempts[-1][1] == "ok"
    for i, (tq, outcome, coord, lat) in enumerate(attempts):
        if outcome == "ok":
            continue
        te = tq + ms(lat)
        trace = DRIVER_TIMEOUT_TRACE if outcome == "driver_timeout" else READ_TIMEOUT_TRACE
        if i == 0 and len(attempts) > 1:
            jul(host, "timeline-api", te, "com.social.timeline.store.FeedRepository", "fetchPage", "WARNING",
                "Read of user_feed for user %d failed via coordinator /%s:9042 (attempt 1/2), retrying on next host" % (user, coord),
                trace)
        else:
            jul(host, "timeline-api", te, "com.social.timeline.store.FeedRepository", "fetchPage", "SEVERE",
                "Read of user_feed for user %d failed via coordinator /%s:9042 (attempt %d/2), giving up" % (user, coord, i + 1),
                trace)
        if outcome == "driver_timeout" and coord == BAD_IP and rng.random() < 0.08:
            jul(host, "timeline-api", te + ms(3), "com.datastax.oss.driver.internal.core.pool.ChannelPool", "lambda$reconnectNow$3",
                "WARNING", "[s0|/%s:9042]  Error while opening new channel (ConnectionInitException: [s0|connecting...] Protocol initialization request, step 1 (OPTIONS): timed out after 500 ms)" % BAD_IP)
    status = 200 if final_ok else 500
    jul(host, "timeline-api", t + ms(total), "com.social.timeline.api.AccessLog", "log", "INFO",
        "%s GET /v1/timeline/%d?limit=30 %d %dms" % (thread, user, status, int(total)))
    return total, status


def timeline_post(t, user):
    host = rng.choice(TIMELINE_HOSTS)
    lat = rng.lognormvariate(2.2, 0.4)
    pid = rng.randint(10**8, 10**9)
    jul(host, "timeline-api", t + ms(lat), "com.social.timeline.api.AccessLog", "log", "INFO",
        "grizzly-http-server-%d POST /v1/posts 201 %dms post=%d" % (rng.randint(0, 31), int(lat), pid))
    return lat, 201, pid


# ---------------- simple backends ----------------
def backend(service, host, t, path, base_mu, err_p=0.0, err=None, logger=None, method="GET"):
    lat = rng.lognormvariate(base_mu, 0.5)
    status = 200
    extra_err = None
    if rng.random() < err_p and err:
        status, lat, extra_err = err(t)
    thread = "http-nio-8080-exec-%d" % rng.randint(1, 200)
    trace_id = hexs(rng, 32)
    ecs(host, service, t + ms(lat), "INFO" if status < 500 else "ERROR", logger or "org.zalando.logbook.Logbook", thread,
        "%s %s -> %d in %dms" % (method, path, status, int(lat)),
        [("http.request.method", method), ("url.path", path.split("?")[0]), ("http.response.status_code", status),
         ("event.duration", int(lat * 1e6)), ("trace.id", trace_id)] + (extra_err or []))
    return lat, status


def media_err(t):
    return 503, rng.uniform(300, 1200), [("error.type", "software.amazon.awssdk.services.s3.model.S3Exception"),
                                        ("error.message", "Please reduce your request rate. (Service: S3, Status Code: 503, Request ID: %s)" % alnum(rng, 16, "ABCDEF0123456789")),
                                        ("error.stack_trace", "software.amazon.awssdk.services.s3.model.S3Exception: Please reduce your request rate. (Service: S3, Status Code: 503)\n\tat software.amazon.awssdk.protocols.xml.internal.unmarshall.AwsXmlPredicatedResponseHandler.handleErrorResponse(AwsXmlPredicatedResponseHandler.java:156)\n\tat com.social.media.store.S3BlobStore.put(S3BlobStore.java:58)\n\t... 88 more")]


def ads_err(t):
    return 504, rng.uniform(800, 820), [("error.type", "java.util.concurrent.TimeoutException"),
                                       ("error.message", "bidder.adx-partner.net did not answer within 800ms")]


search_boot_until = DEPLOY_SEARCH + timedelta(seconds=38)


def search_err(t):
    return 503, rng.uniform(1, 5), [("error.type", "co.elastic.clients.transport.TransportException"),
                                   ("error.message", "node: http://es-search-0.es:9200/, status: 503, [es/search] failed: [search_phase_execution_exception] all shards failed")]


# ---------------- web-bff request flow ----------------
ENDPOINTS = [("home", 0.46), ("profile", 0.16), ("search", 0.10), ("notifications", 0.14), ("post", 0.06), ("media", 0.08)]


def pick_endpoint():
    r = rng.random()
    acc = 0
    for name, w in ENDPOINTS:
        acc += w
        if r < acc:
            return name
    return ENDPOINTS[-1][0]


def rate(t):
    m = (t - START).total_seconds() / 60.0
    return 3.0 + 0.6 * math.sin(m / 9.0)


def bff_access(host, t, method, path, status, dur, trace_id, user, level="INFO", extra=None):
    fields = [("http.request.method", method), ("url.path", path), ("http.response.status_code", status),
              ("event.duration", int(dur * 1e6)), ("trace.id", trace_id), ("user.id", str(user)),
              ("client.ip", "100.%d.%d.%d" % (rng.randint(64, 127), rng.randint(0, 255), rng.randint(1, 254)))]
    if extra:
        fields += extra
    ecs(host, "web-bff", t + ms(dur), level, "com.social.bff.web.AccessLogFilter", "reactor-http-epoll-%d" % rng.randint(1, 8),
        "%s %s %d %dms" % (method, path, status, int(dur)), fields)


for t0 in arrivals(rng, START, END, rate):
    ep = pick_endpoint()
    user = uid()
    bhost = rng.choice(BFF_HOSTS)
    trace_id = hexs(rng, 32)
    # auth introspection for every call
    alat, _ = backend("auth-svc", "app-01", t0 + ms(0.4), "/oauth2/introspect", 1.3, logger="com.social.auth.web.IntrospectController")
    tt = t0 + ms(alat + 0.6)
    if ep == "home":
        tl_lat, tl_status = timeline_read(tt, user)
        ads_lat, ads_status = backend("ads-api", "app-04", tt, "/v2/slots?placement=home&user=%d" % user, 3.6, 0.012, ads_err)
        if ads_status != 200:
            ecs(bhost, "web-bff", tt + ms(ads_lat), "WARN", "com.social.bff.client.AdsClient", "reactor-http-epoll-%d" % rng.randint(1, 8),
                "ads slot fetch failed, rendering without ads (status=%d)" % ads_status, [("trace.id", trace_id)])
        if tl_lat > 3000:
            dur = alat + 3000 + rng.uniform(1, 4)
            ecs(bhost, "web-bff", t0 + ms(dur - 0.5), "ERROR", "com.social.bff.client.TimelineClient", "parallel-%d" % rng.randint(1, 4),
                "GET http://timeline-api.social.svc.cluster.local:8080/v1/timeline/%d?limit=30 failed: Did not observe any item or terminal signal within 3000ms in 'flatMap' (and no fallback has been configured)" % user,
                [("trace.id", trace_id), ("error.type", "java.util.concurrent.TimeoutException"),
                 ("error.stack_trace", "java.util.concurrent.TimeoutException: Did not observe any item or terminal signal within 3000ms in 'flatMap' (and no fallback has been configured)\n\tat reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber.handleTimeout(FluxTimeout.java:296)\n\tat reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber.doTimeout(FluxTimeout.java:281)\n\tat com.social.bff.client.TimelineClient.fetch(TimelineClient.java:64)\n\t... 12 more")])
            bff_access(bhost, t0, "GET", "/api/v1/home", 504, dur, trace_id, user, "WARN")
        elif tl_status >= 500:
            dur = alat + tl_lat + rng.uniform(1, 3)
            ecs(bhost, "web-bff", t0 + ms(dur - 0.5), "ERROR", "com.social.bff.client.TimelineClient", "reactor-http-epoll-%d" % rng.randint(1, 8),
                "GET http://timeline-api.social.svc.cluster.local:8080/v1/timeline/%d?limit=30 returned 500 Internal Server Error" % user,
                [("trace.id", trace_id), ("error.type", "org.springframework.web.reactive.function.client.WebClientResponseException$InternalServerError")])
            bff_access(bhost, t0, "GET", "/api/v1/home", 502, dur, trace_id, user, "WARN")
        else:
            dur = alat + max(tl_lat, ads_lat if ads_status == 200 else 800) + rng.uniform(2, 6)
            bff_access(bhost, t0, "GET", "/api/v1/home", 200, dur, trace_id, user)
    elif ep == "profile":
        other = uid()
        lat, st = backend("profile-api", "app-02", tt, "/v1/profiles/%d" % other, 2.4, logger="com.social.profile.web.ProfileController")
        bff_access(bhost, t0, "GET", "/api/v1/profile/%d" % other, st, alat + lat + rng.uniform(1, 3), trace_id, user)
    elif ep == "notifications":
        lat, st = backend("notification-api", "app-03", tt, "/v1/users/%d/notifications?unread=true" % user, 2.2,
                          logger="com.social.notify.web.InboxController")
        bff_access(bhost, t0, "GET", "/api/v1/notifications", st, alat + lat + rng.uniform(1, 3), trace_id, user)
    elif ep == "search":
        q = rng.choice(["cats", "f1 results", "recipes", "election", "jazz", "rust", "ski", "paris", "nba", "memes"])
        in_boot = DEPLOY_SEARCH <= tt <= search_boot_until
        lat, st = backend("search-api", "app-05", tt, "/v1/search?q=%s" % q.replace(" ", "+"), 3.2,
                          0.55 if in_boot else 0.002, search_err, logger="com.social.search.web.SearchController")
        code = st if st == 200 else 503
        bff_access(bhost, t0, "GET", "/api/v1/search", code, alat + lat + rng.uniform(1, 3), trace_id, user,
                   "INFO" if code == 200 else "WARN")
    elif ep == "post":
        lat, st, pid = timeline_post(tt, user)
        bff_access(bhost, t0, "POST", "/api/v1/posts", st, alat + lat + rng.uniform(1, 3), trace_id, user)
    else:
        lat, st = backend("media-svc", "app-05", tt, "/v1/uploads", 4.0, 0.025, media_err, logger="com.social.media.web.UploadController", method="POST")
        bff_access(bhost, t0, "POST", "/api/v1/media", 201 if st == 200 else 502, alat + lat + rng.uniform(1, 3), trace_id, user,
                   "INFO" if st == 200 else "WARN")

# ---------------- search-api red herring deploy ----------------
ecs("app-05", "search-api", DEPLOY_SEARCH - timedelta(seconds=2), "INFO", "org.springframework.context.support.DefaultLifecycleProcessor", "SpringApplicationShutdownHook",
    "Commencing graceful shutdown. Waiting for active requests to complete")
ecs("app-05", "search-api", DEPLOY_SEARCH + timedelta(seconds=6), "INFO", "com.social.search.SearchApplication", "main",
    "Starting SearchApplication v4.19.0 using Java 21.0.2 with PID 1 (/app/search-api.jar started by app in /app)")
ecs("app-05", "search-api", DEPLOY_SEARCH + timedelta(seconds=9), "INFO", "com.social.search.config.FeatureConfig", "main",
    "Applied config change: search.highlight.enabled=true, search.es.request-timeout=1500ms (was 3000ms)")
ecs("app-05", "search-api", DEPLOY_SEARCH + timedelta(seconds=14), "WARN", "co.elastic.clients.transport.rest_client.RestClientTransport", "main",
    "Elasticsearch cluster health is yellow, continuing startup")
ecs("app-05", "search-api", DEPLOY_SEARCH + timedelta(seconds=38), "INFO", "com.social.search.SearchApplication", "main",
    "Started SearchApplication in 31.4 seconds (process running for 32.9)")

# ---------------- fanout-worker (JUL) ----------------
lag = 0
t = START + timedelta(seconds=rng.uniform(0, 2))
while t < END:
    followers = rng.randint(20, 900)
    state, _ = pause_state(t, 1500)
    batches = max(1, followers // 200)
    failed = 0
    dur = 0.0
    for b in range(batches):
        if state == 2 and rng.random() < 0.45:
            failed += 1
            dur += 2000
            jul("app-05", "fanout-worker", t + ms(dur), "com.social.fanout.FeedWriter", "writeBatch", "WARNING",
                "Batch %d/%d of post fan-out failed, will retry with backoff" % (b + 1, batches), WRITE_TIMEOUT_TRACE)
        else:
            dur += rng.uniform(8, 40) if state == 0 else rng.uniform(200, 1400)
    lag = max(0, lag + (18 if failed else 0) + (6 if state else 0) - 5)
    pid = rng.randint(10**8, 10**9)
    jul("app-05", "fanout-worker", t + ms(dur), "com.social.fanout.FanoutLoop", "handle", "INFO",
        "fanned out post %d to %d followers in %d ms (failedBatches=%d, partition=%d, lag=%d)" % (pid, followers, int(dur), failed, rng.randint(0, 11), lag))
    t = t + ms(dur) + ms(rng.uniform(300, 1800))

# ---------------- Cassandra system.log ----------------
for host, ip in CASS:
    # periodic memtable flushes / compactions / young gc
    t = START + timedelta(seconds=rng.uniform(1, 20))
    while t < END:
        kind = rng.random()
        if kind < 0.35:
            tbl = rng.choice(["user_feed", "post_by_id", "feed_cursor", "follower_counts"])
            cass(host, t, "INFO", "NativePoolCleaner" if rng.random() < 0.1 else "MemtableFlushWriter:%d" % rng.randint(1, 4),
                 "Flushing.java:145", "Writing Memtable-%s@%d(%.3fMiB serialized bytes, %d ops, %d%%/0%% of on/off-heap limit), flushed range = (min(-9223372036854775808), max(9223372036854775807)]" % (
                     tbl, rng.randint(10**8, 2 * 10**9), rng.uniform(2, 60), rng.randint(2000, 90000), rng.randint(1, 9)))
        elif kind < 0.55:
            lat = rng.randint(201, 340)
            og = (5900, 6700) if (host == "cass-b" and COMPACT_START + timedelta(seconds=60) < t < STOP_COMPACTION + timedelta(seconds=90)) else (2200, 2600)
            cass(host, t, "INFO", "Service Thread", "GCInspector.java:299",
                 "G1 Young Generation GC in %dms.  G1 Eden Space: %d -> 0; G1 Old Gen: %d -> %d; G1 Survivor Space: %d -> %d;" % (
                     lat, rng.randint(900, 1100) * 1048576, rng.randint(og[0], og[1]) * 1048576, rng.randint(og[0], og[1] + 100) * 1048576,
                     rng.randint(40, 60) * 1048576, rng.randint(40, 60) * 1048576))
        elif kind < 0.70:
            cid = uuid_from(rng)
            cass(host, t, "INFO", "CompactionExecutor:%d" % rng.randint(1, 4), "CompactionTask.java:253",
                 "Compacted (%s) 4 sstables to [/var/lib/cassandra/data/timeline/post_by_id-7a3c1e40d1f211ed9c2b5b1e7f0d4a11/nb-%d-big,] to level=0.  %.3fMiB to %.3fMiB (~%d%% of original) in %dms.  Read Throughput = %.3fMiB/s, Write Throughput = %.3fMiB/s, Row Throughput = ~%d/s.  %d total partitions merged to %d.  Partition merge counts were {1:%d, 2:%d, }" % (
                     cid, rng.randint(20000, 48000), rng.uniform(50, 200), rng.uniform(40, 180), rng.randint(70, 95), rng.randint(800, 6000),
                     rng.uniform(20, 60), rng.uniform(18, 55), rng.randint(20000, 90000), rng.randint(30000, 90000), rng.randint(20000, 60000),
                     rng.randint(10000, 40000), rng.randint(1000, 9000)))
        elif kind < 0.80:
            other = rng.choice([x for x in CASS if x[0] != host])
            cass(host, t, "INFO", "HintsDispatcher:%d" % rng.randint(1, 3), "HintsDispatchExecutor.java:289",
                 "Finished hinted handoff of file %s-%d-2.hints to endpoint /%s:7000: %s, partially" % (
                     uuid_from(rng), 1741700000000 + rng.randint(0, 9999999), other[1], uuid_from(rng)) if rng.random() < 0.2 else
                 "Finished hinted handoff of file %s-%d-2.hints to endpoint /%s:7000: %s" % (
                     uuid_from(rng), 1741700000000 + rng.randint(0, 9999999), other[1], uuid_from(rng)))
        else:
            cass(host, t, "INFO", "ScheduledTasks:1", "NoSpamLogger.java:92",
                 "Some operations were slow, details available at debug level (debug.log)")
        t += timedelta(seconds=rng.uniform(20, 75))

# pre-existing tombstone warning on cass-a (distractor)
for k in range(6):
    tt = START + timedelta(minutes=2 + 5 * k, seconds=rng.randint(0, 50))
    cass("cass-a", tt, "WARN", "ReadStage-%d" % rng.randint(1, 32), "ReadCommand.java:612",
         "Read 1000 live rows and 2311 tombstone cells for query SELECT * FROM timeline.feed_cursor WHERE user_id = %d LIMIT 1000; token %d (see tombstone_warn_threshold)" % (uid(), rng.randint(-9 * 10**18, 9 * 10**18)))

# the wide-partition compaction on cass-b
cid = uuid_from(rng)
cass("cass-b", COMPACT_START, "INFO", "CompactionExecutor:4", "CompactionTask.java:155",
     "Compacting (%s) [/var/lib/cassandra/data/timeline/user_feed-3f1ab0c0d1f211ed9c2b5b1e7f0d4a11/nb-48801-big-Data.db:level=0, /var/lib/cassandra/data/timeline/user_feed-3f1ab0c0d1f211ed9c2b5b1e7f0d4a11/nb-48744-big-Data.db:level=0, /var/lib/cassandra/data/timeline/user_feed-3f1ab0c0d1f211ed9c2b5b1e7f0d4a11/nb-48512-big-Data.db:level=0, /var/lib/cassandra/data/timeline/user_feed-3f1ab0c0d1f211ed9c2b5b1e7f0d4a11/nb-47990-big-Data.db:level=0, ]" % cid)
cass("cass-b", COMPACT_START + timedelta(seconds=44), "WARN", "CompactionExecutor:4", "BigTableWriter.java:274",
     "Writing large partition timeline/user_feed:8812231 (1.124GiB) to sstable /var/lib/cassandra/data/timeline/user_feed-3f1ab0c0d1f211ed9c2b5b1e7f0d4a11/nb-48812-big-Data.db")
cass("cass-b", COMPACT_START + timedelta(seconds=71), "WARN", "CompactionExecutor:4", "BigTableWriter.java:274",
     "Writing large partition timeline/user_feed:412009 (612.880MiB) to sstable /var/lib/cassandra/data/timeline/user_feed-3f1ab0c0d1f211ed9c2b5b1e7f0d4a11/nb-48812-big-Data.db")
heap_old = 6100
for i, (p, d) in enumerate(PAUSES):
    heap_old = min(7900, heap_old + rng.randint(-120, 260))
    kind = "G1 Old Generation" if d > 2000 else "G1 Young Generation"
    cass("cass-b", p + ms(d), "WARN", "Service Thread", "GCInspector.java:294",
         "%s GC in %dms.  G1 Eden Space: %d -> 0; G1 Old Gen: %d -> %d; G1 Survivor Space: %d -> 0;" % (
             kind, d, rng.randint(200, 600) * 1048576, heap_old * 1048576, (heap_old - rng.randint(5, 140)) * 1048576, rng.randint(10, 40) * 1048576))
    if d > 2000:
        tdrop = p + ms(d) + timedelta(seconds=rng.uniform(0.3, 4.5))
        cass("cass-b", tdrop, "INFO", "ScheduledTasks:1", "MessagingMetrics.java:206",
             "READ_REQ messages were dropped in last 5000 ms: %d internal and %d cross node. Mean internal dropped latency: %d ms and Mean cross-node dropped latency: %d ms" % (
                 rng.randint(50, 400), rng.randint(400, 2600), rng.randint(2100, d), rng.randint(2100, d + 800)))
        if rng.random() < 0.5:
            cass("cass-b", tdrop + ms(2), "INFO", "ScheduledTasks:1", "MessagingMetrics.java:206",
                 "MUTATION_REQ messages were dropped in last 5000 ms: %d internal and %d cross node. Mean internal dropped latency: %d ms and Mean cross-node dropped latency: %d ms" % (
                     rng.randint(0, 40), rng.randint(20, 300), rng.randint(2100, d), rng.randint(2100, d + 800)))
        if rng.random() < 0.35:
            base = tdrop + ms(5)
            cass("cass-b", base, "INFO", "ScheduledTasks:1", "StatusLogger.java:65",
                 "Pool Name                                     Active   Pending      Completed   Blocked  All Time Blocked")
            for j, (pool, act, pend) in enumerate([("ReadStage", 32, rng.randint(800, 4000)), ("CompactionExecutor", 1, rng.randint(30, 60)),
                                                   ("MutationStage", rng.randint(4, 32), rng.randint(0, 900)), ("Native-Transport-Requests", 128, rng.randint(100, 2000)),
                                                   ("MemtableFlushWriter", rng.randint(0, 2), rng.randint(0, 3)), ("GossipStage", 1, rng.randint(0, 40))]):
                cass("cass-b", base + ms(j + 1), "INFO", "ScheduledTasks:1", "StatusLogger.java:69",
                     "%-45s %6d %9d %14d %9d %17d" % (pool, act, pend, rng.randint(10**7, 10**9), 0, rng.randint(0, 200)))
        # peers notice the node going down/up for the longer pauses
        if d > 5000:
            for host, ip in CASS:
                if ip == BAD_IP:
                    continue
                td = p + ms(rng.uniform(4100, min(d, 5200)))
                cass(host, td, "INFO", "GossipTasks:1", "Gossiper.java:1124", "InetAddress /%s:7000 is now DOWN" % BAD_IP)
                cass(host, p + ms(d) + ms(rng.uniform(300, 1500)), "INFO", "GossipStage:1", "Gossiper.java:1110",
                     "InetAddress /%s:7000 is now UP" % BAD_IP)
                cass(host, p + ms(d) + timedelta(seconds=rng.uniform(8, 14)), "INFO", "HintsDispatcher:%d" % rng.randint(1, 3), "HintsDispatchExecutor.java:289",
                     "Finished hinted handoff of file %s-%d-2.hints to endpoint /%s:7000: %s" % (
                         uuid_from(rng), int(p.timestamp() * 1000), BAD_IP, uuid_from(rng)))
        if d > 6000 and rng.random() < 0.5:
            cass("cass-b", p + ms(d) + ms(40), "WARN", "GossipTasks:1", "FailureDetector.java:319",
                 "Not marking nodes down due to local pause of %dms > 5000000000ns" % d)
    else:
        pass
cass("cass-b", STOP_COMPACTION, "INFO", "RMI TCP Connection(412)-127.0.0.1", "CompactionManager.java:2071",
     "Stopping compactions of type COMPACTION requested via JMX (nodetool stop COMPACTION)")
cass("cass-b", STOP_COMPACTION + timedelta(seconds=3), "INFO", "CompactionExecutor:4", "CompactionTask.java:241",
     "Compaction interrupted: Compaction@%s(timeline, user_feed, 8213119811/19998123110)bytes" % cid)

# ---------------- write files ----------------
FILES = [
    (("app-01", "web-bff", "json"), "hosts/app-01/web-bff/web-bff.json"),
    (("app-02", "web-bff", "json"), "hosts/app-02/web-bff/web-bff.json"),
    (("app-01", "auth-svc", "json"), "hosts/app-01/auth-svc/auth-svc.json"),
    (("app-02", "profile-api", "json"), "hosts/app-02/profile-api/profile-api.json"),
    (("app-03", "timeline-api", "jul"), "hosts/app-03/timeline-api/timeline-api.0.log"),
    (("app-04", "timeline-api", "jul"), "hosts/app-04/timeline-api/timeline-api.0.log"),
    (("app-03", "notification-api", "json"), "hosts/app-03/notification-api/notification-api.json"),
    (("app-04", "ads-api", "json"), "hosts/app-04/ads-api/ads-api.json"),
    (("app-05", "fanout-worker", "jul"), "hosts/app-05/fanout-worker/fanout-worker.0.log"),
    (("app-05", "media-svc", "json"), "hosts/app-05/media-svc/media-svc.json"),
    (("app-05", "search-api", "json"), "hosts/app-05/search-api/search-api.json"),
    (("cass-a", "cassandra", "system"), "hosts/cass-a/cassandra/system.log"),
    (("cass-b", "cassandra", "system"), "hosts/cass-b/cassandra/system.log"),
    (("cass-c", "cassandra", "system"), "hosts/cass-c/cassandra/system.log"),
]
reset_logs()
total = 0
for key, rel in FILES:
    lines = sink(key).sorted_lines()
    write_file(rel, lines)
    total += sum(x.count("\n") + 1 for x in lines)
print("d01 lines:", total)
