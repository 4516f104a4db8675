#!/usr/bin/env python3
"""m09: inbox.activity_by_user rows carry default_time_to_live = 7 days. Last week's Black
Friday campaign wrote a huge burst of activity rows for popular accounts between 08:00 and
08:40; exactly one week later they expire together and become tombstones. Reads of those
partitions ('latest 50') must walk >100k expired cells: TombstoneOverwhelming / read failures
at LOCAL_QUORUM, heap pressure and GC pauses slow every other read on the same replicas."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from m_common import (LogSet, Rand, USER_AGENTS, iso, jdump, main_dir, report, strf, ts_of,  # noqa: E402
                      write_topology, write_truth, java_trace)

R = Rand(20251202)
T0 = ts_of(2025, 12, 2, 7, 50, 0)
T1 = ts_of(2025, 12, 2, 8, 52, 0)
EXPIRE0 = ts_of(2025, 12, 2, 8, 1, 48.0)   # first big partitions cross the failure threshold
EXPIRE1 = ts_of(2025, 12, 2, 8, 40, 0.0)
KONG_CHANGE = ts_of(2025, 12, 2, 8, 3, 20.0)
C4_SKEW = -187.0
L = None
NODES = [("cass-inbox-%02d" % i, "10.30.4.%d" % (10 + i)) for i in range(1, 7)]


def add(path, t, line):
    L.add(path, t, line)


def frac_expired(t):
    if t < EXPIRE0:
        return 0.0
    return min(1.0, (t - EXPIRE0) / (EXPIRE1 - EXPIRE0))


# ----------------------------------------------------------------- formats
def cass(node, t, level, thread, src, msg):
    shown = t + (C4_SKEW if node == "cass-inbox-04" else 0.0)
    add("logs/inbox-cassandra/%s/system.log" % node, t, "%-5s [%s] %s %s - %s" % (level, thread, strf(shown, "%Y-%m-%d %H:%M:%S,{ms}"), src, msg))


def kong(t_start, dur, method, uri, status, size, consumer, upstream_ip, ua, client, proxy_ms):
    d = {"request": {"method": method, "uri": uri, "size": R.randrange(300, 1100), "headers": {"user-agent": ua, "x-request-id": R.uuid()}},
         "upstream_uri": uri, "response": {"status": status, "size": size},
         "route": {"name": "mobile-bff-route", "id": "6f2c1b9e-0d4a-4c7e-9f21-8a3b5c7d9e10"},
         "service": {"name": "mobile-bff", "host": "mobile-bff.prod.svc.cluster.local", "port": 8080, "retries": 0},
         "latencies": {"request": int(dur * 1000), "kong": R.randrange(0, 3), "proxy": proxy_ms},
         "tries": [{"balancer_latency": 0, "port": 8080, "balancer_start": int(t_start * 1000) + 1, "ip": upstream_ip}],
         "client_ip": client, "started_at": int(t_start * 1000), "upstream_status": str(status), "consumer": {"username": consumer}}
    add("logs/api-gw/kong-file-log.json", t_start + dur, jdump(d))


OTEL_BUF = []


def otel(t, sev, body, attrs, trace):
    sevnum = {"INFO": 9, "WARN": 13, "ERROR": 17}[sev]
    OTEL_BUF.append((t, {"timeUnixNano": str(int(t * 1e9)), "observedTimeUnixNano": str(int((t + 0.002) * 1e9)), "severityNumber": sevnum,
                         "severityText": sev, "body": {"stringValue": body},
                         "attributes": [{"key": k, "value": {"stringValue": str(v)} if not isinstance(v, int) else {"intValue": str(v)}} for k, v in attrs],
                         "traceId": trace, "spanId": R.hexid(16)}))


def flush_otel():
    OTEL_BUF.sort(key=lambda r: r[0])
    i = 0
    pods = ["mobile-bff-5d7c9b8f6-2qkzn", "mobile-bff-5d7c9b8f6-hx4vm", "mobile-bff-5d7c9b8f6-t8r2w"]
    while i < len(OTEL_BUF):
        # the collector's batch processor flushes every 1s or 64 records
        start = OTEL_BUF[i][0]
        batch = []
        while i < len(OTEL_BUF) and OTEL_BUF[i][0] < start + 1.0 and len(batch) < 64:
            batch.append(OTEL_BUF[i][1])
            i += 1
        pod = pods[len(batch) % 3]
        line = {"resourceLogs": [{"resource": {"attributes": [
            {"key": "service.name", "value": {"stringValue": "mobile-bff"}},
            {"key": "service.version", "value": {"stringValue": "4.31.0"}},
            {"key": "k8s.pod.name", "value": {"stringValue": pod}},
            {"key": "k8s.namespace.name", "value": {"stringValue": "prod"}},
            {"key": "deployment.environment", "value": {"stringValue": "production"}}]},
            "scopeLogs": [{"scope": {"name": "io.opentelemetry.winston", "version": "0.5.0"}, "logRecords": batch}],
            "schemaUrl": "https://opentelemetry.io/schemas/1.24.0"}]}
        add("logs/otel-collector/mobile-bff-logs.json", start + 1.0, jdump(line))


def dw(t, level, logger, msg, exc=None):
    line = "%-5s [%s] %s: %s" % (level, strf(t, "%Y-%m-%d %H:%M:%S,{ms}"), logger, msg)
    if exc:
        line += "\n" + "\n".join("! " + ln for ln in exc.split("\n"))
    pod = R.pick(["messaging-api-0", "messaging-api-1"])
    add("logs/messaging-api/%s/application.log" % pod, t, line)


def dw_req(t_end, src, method, path, status, size, ms):
    pod = R.pick(["messaging-api-0", "messaging-api-1"])
    add("logs/messaging-api/%s/requests.log" % pod, t_end, '%s - - [%s] "%s %s HTTP/1.1" %d %d "-" "okhttp/4.12.0" %d' % (
        src, strf(t_end, "%d/%b/%Y:%H:%M:%S +0000"), method, path, status, size, ms))


def syslog(t, host, sev, msg, sd):
    pri = 16 * 8 + {"ERROR": 3, "WARN": 4, "INFO": 6}[sev]
    add("logs/inbox-svc/rsyslog-inbox-svc.log", t, "<%d>1 %s %s inbox-svc %d - %s %s %s" % (pri, iso(t, 6, False), host, {"inbox-01": 2211, "inbox-02": 2198, "inbox-03": 2240}[host], sd, sev, msg))


def kafka_style(t, level, msg):
    add("logs/notification-fanout/fanout.log", t, "[%s] %s %s" % (strf(t, "%Y-%m-%d %H:%M:%S,{ms}"), level, msg))


# ----------------------------------------------------------------- simulation
POWER = ["u_%07d" % R.randrange(1000000, 9999999) for _ in range(300)]
NORMAL = ["u_%07d" % R.randrange(1000000, 9999999) for _ in range(4000)]
POWER_RANK = dict((u, i / 300.0) for i, u in enumerate(POWER))


def heap_pressure(t):
    return 0.6 * frac_expired(t) + (0.3 if t > EXPIRE0 + 60 else 0.0)


def cassandra_read(t, user, kind):
    """Returns (result, dur, coordinator_ip). result in ok|fail|timeout."""
    coord = R.pick(NODES)
    power = user in POWER_RANK
    if power and POWER_RANK[user] < frac_expired(t):
        tomb = R.randrange(100001, 420000)
        dur = R.lat(0.9, 0.3)
        # replicas abort; coordinator gets failures
        reps = R.sample(NODES, 3)
        for n, ip in reps[:2]:
            if R.random() < 0.35:
                cass(n, t + dur * 0.8, "ERROR", "ReadStage-%d" % R.randrange(1, 33), "StorageProxy.java:2069",
                     "Scanned over 100001 tombstones during query 'SELECT * FROM inbox.activity_by_user WHERE user_id = '%s' LIMIT %d' (last scanned row token was %d and partion key was ((%s))); query aborted" % (
                         user, 50 if kind == "list" else 5000, R.randrange(-2 ** 63, 2 ** 63), user))
        return "fail", dur, coord[1]
    hp = heap_pressure(t)
    if power:
        # partially expired partitions: slow, warn threshold
        dur = R.lat(0.012, 0.4)
        if t > EXPIRE0 - 1800 and R.random() < 0.25:
            n = R.pick(NODES)[0]
            cass(n, t + dur, "WARN", "ReadStage-%d" % R.randrange(1, 33), "ReadCommand.java:617",
                 "Read %d live rows and %d tombstone cells for query SELECT * FROM inbox.activity_by_user WHERE user_id = '%s' LIMIT 50; token %d (see tombstone_warn_threshold)" % (
                     R.randrange(5, 50), R.randrange(1200, 90000), user, R.randrange(-2 ** 63, 2 ** 63)))
    else:
        dur = R.lat(0.006, 0.4)
    if hp > 0 and R.random() < 0.12 * hp:
        return "timeout", 2.0, coord[1]
    return "ok", dur * (1 + 3 * hp), coord[1]


def exc_readfailure(coord):
    return java_trace("com.datastax.oss.driver.api.core.servererrors.ReadFailureException",
                      "Cassandra failure during read query at consistency LOCAL_QUORUM (2 responses were required but only 0 replica responded, 2 failed)",
                      ["com.datastax.oss.driver.api.core.servererrors.ReadFailureException.copy(ReadFailureException.java:132)",
                       "com.datastax.oss.driver.internal.core.util.concurrent.CompletableFutures.getUninterruptibly(CompletableFutures.java:149)",
                       "com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:53)",
                       "com.datastax.oss.driver.internal.core.session.DefaultSession.execute(DefaultSession.java:230)",
                       "com.chatty.inbox.repo.ActivityRepository.latest(ActivityRepository.java:77)"])


def main():
    global L
    out = main_dir(sys.argv)
    L = LogSet(out)
    hosts = ["inbox-01", "inbox-02", "inbox-03"]
    for t in R.arrivals(T0, T1, lambda t: 1.35):
        client = R.public_ip()
        power = R.random() < 0.3
        user = R.pick(POWER) if power else R.pick(NORMAL)
        trace = R.hexid(32)
        ua = R.pick(["Chatty/12.4.0 (iPhone; iOS 18.1.1; Scale/3.00)", "Chatty/12.4.1 (Android 15; Pixel 8 Pro)", "Chatty/12.3.9 (Android 14; SM-A546B)"])
        consumer = "ios-app" if "iPhone" in ua else "android-app"
        k = R.wpick([("list", 45), ("count", 20), ("mark", 10), ("feed", 15), ("me", 10)])
        bff_ip = "10.40.2.%d" % R.randrange(11, 14)
        if k in ("list", "count"):
            path = "/v1/inbox?limit=50" if k == "list" else "/v1/inbox/unread-count"
            mpath = "/v1/users/%s/inbox%s" % (user, "?limit=50" if k == "list" else "/unread-count")
            t1 = t + R.lat(0.003, 0.3)
            ok = False
            tt = t1
            for attempt in (1, 2):
                host = R.pick(hosts)
                t2 = tt + R.lat(0.002, 0.3)
                res, d, coord = cassandra_read(t2, user, k)
                t3 = t2 + d
                sd = '[req@49152 user="%s" trace="%s"]' % (user, trace)
                if res == "ok":
                    isvc = 200
                    if R.random() < 0.04:
                        syslog(t3 + 0.001, host, "INFO", "GET /inbox/%s ok rows=%d took=%dms" % (user, R.randrange(0, 50), int(d * 1000)), sd)
                elif res == "fail":
                    isvc = 500
                    syslog(t3 + 0.001, host, "ERROR", "GET /inbox/%s failed: ReadFailureException: Cassandra failure during read query at consistency LOCAL_QUORUM (2 responses were required but only 0 replica responded, 2 failed) [coordinator=/%s:9042]" % (user, coord), sd)
                else:
                    isvc = 504
                    syslog(t3 + 0.001, host, "ERROR", "GET /inbox/%s failed: ReadTimeoutException: Cassandra timeout during read query at consistency LOCAL_QUORUM (2 responses were required but only 1 replica responded). In case this was generated during read repair, the consistency level is not representative of the actual consistency. [coordinator=/%s:9042]" % (user, coord), sd)
                t4 = t3 + 0.002
                if isvc == 200:
                    ok = True
                    tt = t4
                    break
                dw(t4 + 0.001, "WARN", "com.chatty.messaging.clients.InboxClient", "inbox-svc returned %d for user %s (attempt %d/2)" % (isvc, user, attempt))
                tt = t4 + 0.05
            dur_m = tt - t1 + R.lat(0.004, 0.3)
            if ok:
                mst = 200
            else:
                mst = 502
                dw(t1 + dur_m, "ERROR", "com.chatty.messaging.resources.InboxResource", "Error handling GET %s" % mpath,
                   exc=java_trace("javax.ws.rs.InternalServerErrorException", "inbox-svc unavailable for %s after 2 attempts" % user,
                                  ["com.chatty.messaging.clients.InboxClient.fetch(InboxClient.java:94)",
                                   "com.chatty.messaging.resources.InboxResource.list(InboxResource.java:52)",
                                   "java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
                                   "org.glassfish.jersey.server.model.internal.ResourceMethodInvocationHandlerFactory.lambda$static$0(ResourceMethodInvocationHandlerFactory.java:52)",
                                   "org.glassfish.jersey.server.ServerRuntime$1.run(ServerRuntime.java:255)"]))
            dw_req(t1 + dur_m, bff_ip, "GET", mpath, mst, R.randrange(300, 9000) if mst == 200 else 71, int(dur_m * 1000))
            total = dur_m + (t1 - t) + R.lat(0.004, 0.3)
            st = 200 if mst == 200 else 502
            if st != 200:
                otel(t + total - 0.001, "ERROR", "messaging-api GET %s failed with 502" % mpath, [("http.route", path.split("?")[0]), ("enduser.id", user), ("upstream", "messaging-api")], trace)
            elif R.random() < 0.05:
                otel(t + total, "INFO", "inbox served", [("http.route", path.split("?")[0]), ("duration_ms", int(total * 1000))], trace)
            kong(t, total + 0.002, "GET", path, st, R.randrange(400, 9000) if st == 200 else 96, consumer, bff_ip, ua, client, int(total * 1000))
        elif k == "mark":
            d = R.lat(0.02, 0.3)
            path = "/v1/inbox/%s/read" % R.hexid(12)
            if R.random() < 0.03:
                syslog(t + d - 0.003, R.pick(hosts), "INFO", "POST /inbox/%s/read ok" % user, '[req@49152 user="%s" trace="%s"]' % (user, trace))
            dw_req(t + d - 0.002, bff_ip, "POST", "/v1/users/%s/inbox/read" % user, 204, 0, int(d * 1000) - 2)
            kong(t, d, "POST", path, 204, 0, consumer, bff_ip, ua, client, int(d * 1000))
        elif k == "feed":
            d = R.lat(0.05, 0.35)
            dw_req(t + d - 0.004, bff_ip, "GET", "/v1/users/%s/feed?cursor=%s" % (user, R.alnum(10)), 200, R.randrange(3000, 20000), int(d * 1000) - 4)
            kong(t, d, "GET", "/v1/feed", 200, R.randrange(3000, 20000), consumer, bff_ip, ua, client, int(d * 1000))
        else:
            d = R.lat(0.015, 0.35)
            kong(t, d, "GET", "/v1/me", 200, R.randrange(500, 1500), consumer, bff_ip, ua, client, int(d * 1000))
    flush_otel()
    platform()
    sizes = L.write()
    report(out, sizes)
    write_truth(out, {
        "root_cause": {"service": "inbox-cassandra", "fault": "tombstone-overwhelm-mass-ttl-expiry", "start": iso(EXPIRE0, 3)},
        "propagation": ["inbox-cassandra", "inbox-svc", "messaging-api", "mobile-bff", "api-gw"],
        "affected": ["inbox-cassandra", "inbox-svc", "messaging-api", "mobile-bff", "api-gw"],
        "acceptable_roots": [],
        "notes": (
            "Cassandra cluster inbox-cassandra (nodes cass-inbox-01..06, 10.30.4.11-16, RF=3, LOCAL_QUORUM). Table "
            "inbox.activity_by_user has default_time_to_live=604800. Last Tuesday's campaign burst (08:00-08:40) wrote "
            "huge numbers of activity rows into popular users' partitions; from 08:01:48Z today those cells expire and "
            "count as tombstones. 'Latest 50' and unread-count reads of those partitions scan >100k tombstone cells: "
            "replicas abort ('Scanned over 100001 tombstones ... query aborted', StorageProxy), the coordinator returns "
            "ReadFailure; more partitions cross the threshold as the expiry window advances (ramp to 08:40). Heap "
            "pressure from the scans gives long G1 pauses and dropped READ_REQ messages, so ordinary reads also time "
            "out occasionally. inbox-svc (rsyslog RFC 5424 from VMs inbox-01..03) logs ReadFailureException/"
            "ReadTimeoutException naming only the coordinator IP; messaging-api (Dropwizard, '! '-prefixed stack "
            "traces) retries once and returns 502; mobile-bff (OpenTelemetry collector file exporter, OTLP JSON batches) "
            "returns 502; Kong file-log shows 502 on /v1/inbox*. Earlier tombstone_warn_threshold WARNs appear well "
            "before the failures. Clock quirks: cass-inbox-04 runs 187 s behind, so its first errors look like they "
            "precede the onset; Kong uses epoch ms started_at; OTLP uses epoch nanoseconds; the collector writes "
            "1-second batches. Red herrings: Kong rate-limiting plugin change at 08:03:20Z with a few 429s for one "
            "partner consumer; notification-fanout's pre-existing Kafka consumer lag warnings and a rebalance; "
            "Cassandra GCInspector pauses (a symptom of the tombstone scans, not a JVM tuning problem); a routine "
            "nodetool repair session on cass-inbox-02."),
    })
    write_topology(out, [
        {"name": "api-gw", "role": "gateway", "calls": ["mobile-bff", "auth-svc"]},
        {"name": "mobile-bff", "role": "frontend", "calls": ["messaging-api", "profile-svc"]},
        {"name": "messaging-api", "role": "api", "calls": ["inbox-svc", "feed-svc"]},
        {"name": "inbox-svc", "role": "api", "calls": ["inbox-cassandra"]},
        {"name": "feed-svc", "role": "api", "calls": ["feed-redis"]},
        {"name": "notification-fanout", "role": "consumer", "calls": ["kafka", "inbox-cassandra"]},
        {"name": "profile-svc", "role": "api", "calls": []},
        {"name": "auth-svc", "role": "api", "calls": []},
        {"name": "inbox-cassandra", "role": "database", "calls": []},
        {"name": "feed-redis", "role": "cache", "calls": []},
        {"name": "kafka", "role": "queue", "calls": []},
    ])


def platform():
    # cassandra background: GC, compaction, gossip, dropped messages
    for node, ip in NODES:
        t = T0 + R.uniform(0, 20)
        while t < T1:
            hp = heap_pressure(t)
            if R.random() < 0.5:
                ms = int(R.lat(180, 0.3) * (1 + 5 * hp))
                lvl = "WARN" if ms > 1000 else "INFO"
                cass(node, t, lvl, "Service Thread", "GCInspector.java:294" if lvl == "WARN" else "GCInspector.java:299",
                     "G1 Young Generation GC in %dms.  G1 Eden Space: %d -> 0; G1 Old Gen: %d -> %d; G1 Survivor Space: %d -> %d; " % (
                         ms, R.randrange(2, 6) * 10 ** 9, int((3.1 + 2.5 * hp) * 10 ** 9), int((3.3 + 2.6 * hp) * 10 ** 9), R.randrange(1, 4) * 10 ** 8, R.randrange(1, 4) * 10 ** 8))
            else:
                cass(node, t, "INFO", "CompactionExecutor:%d" % R.randrange(1, 5), "CompactionTask.java:253",
                     "Compacted (%s) %d sstables to [/var/lib/cassandra/data/inbox/%s-5c1f0a2e9b8d11ee8f3a0242ac120002/nb-%d-big,] to level=0.  %d MiB to %d MiB (~%d%% of original) in %d ms.  Read Throughput = %.3f MiB/s, Write Throughput = %.3f MiB/s, Row Throughput = ~%d/s.  %d total partitions merged to %d.  Partition merge counts were {1:%d, 2:%d, }" % (
                         R.hexid(8) + "-" + R.hexid(4), R.randrange(2, 6), R.pick(["activity_by_user", "unread_counters", "threads_by_user"]), R.randrange(20000, 40000),
                         R.randrange(40, 900), R.randrange(30, 800), R.randrange(60, 98), R.randrange(2000, 40000), R.uniform(10, 60), R.uniform(10, 60),
                         R.randrange(10000, 90000), R.randrange(20000, 90000), R.randrange(15000, 80000), R.randrange(10000, 60000), R.randrange(1000, 9000)))
            if hp > 0.3 and R.random() < 0.3:
                cass(node, t + 0.5, "INFO", "ScheduledTasks:1", "MessagingMetrics.java:206",
                     "READ_REQ messages were dropped in last 5000 ms: 0 internal and %d cross node. Mean internal dropped latency: 0 ms and Mean cross-node dropped latency: %d ms" % (
                         R.randrange(20, 900), R.randrange(2100, 9000)))
            t += R.expovariate(1 / 40.0)
    # repair on cass-inbox-02 (red herring)
    rs = ts_of(2025, 12, 2, 7, 55, 2)
    cass("cass-inbox-02", rs, "INFO", "Repair-Task-1", "RepairRunnable.java:334", "Starting repair command #1841 (%s), repairing keyspace inbox with repair options (parallelism: parallel, primary range: true, incremental: false, job threads: 1, ColumnFamilies: [threads_by_user], dataCenters: [], hosts: [], previewKind: NONE, # of ranges: 256, pull repair: false, force repair: false, optimise streams: false, ignore unreplicated keyspaces: false, repairPaxos: true, paxosOnly: false)" % R.uuid())
    cass("cass-inbox-02", rs + 1400, "INFO", "Repair-Task-1", "RepairRunnable.java:421", "Repair command #1841 finished in 23 minutes 20 seconds")
    # notification-fanout (kafka consumer), pre-existing lag warnings
    t = T0 + 5
    while t < T1:
        r = R.random()
        if r < 0.5:
            kafka_style(t, "WARN", "[Consumer clientId=fanout-%d, groupId=notification-fanout] consumer lag on activity.events-%d is %d records (threshold 50000)" % (
                R.randrange(0, 4), R.randrange(0, 24), R.randrange(50001, 140000)))
        else:
            kafka_style(t, "INFO", "[fanout-worker-%d] wrote batch of %d activity rows to inbox.activity_by_user in %d ms (ttl=604800)" % (R.randrange(0, 8), R.randrange(200, 1000), R.randrange(40, 400)))
        t += R.expovariate(1 / 15.0)
    rb = ts_of(2025, 12, 2, 8, 17, 44)
    kafka_style(rb, "INFO", "[Consumer clientId=fanout-2, groupId=notification-fanout] Request joining group due to: group is already rebalancing")
    kafka_style(rb + 3.1, "INFO", "[Consumer clientId=fanout-2, groupId=notification-fanout] Successfully joined group with generation Generation{generationId=412, memberId='fanout-2-%s', protocol='cooperative-sticky'}" % R.uuid())
    # Kong plugin change + a few 429s
    add("logs/api-gw/kong-error.log", KONG_CHANGE, "%s [notice] 1291#0: *%d [kong] init.lua:591 declarative config loaded from admin API: plugin 'rate-limiting' (id=8e1f2c3d-...) updated for consumer 'partner-acme', context: ngx.timer" % (
        strf(KONG_CHANGE, "%Y/%m/%d %H:%M:%S"), R.randrange(100000, 999999)))
    t = KONG_CHANGE + 5
    while t < KONG_CHANGE + 600:
        d = 0.001
        kong(t, d, "GET", "/v1/feed", 429, 41, "partner-acme", "10.40.2.11", "acme-integration/2.1", "52.18.%d.%d" % (R.randrange(256), R.randrange(256)), 0)
        t += R.expovariate(1 / 8.0)
    t = T0 + 30
    while t < T1:
        if R.random() < 0.2:
            add("logs/api-gw/kong-error.log", t, "%s [warn] 1291#0: *%d [lua] healthcheck.lua:1150: log(): [healthcheck] (auth-svc.prod.svc) unhealthy TIMEOUT increment (1/3) for '10.40.3.%d(10.40.3.%d:8080)', context: ngx.timer" % (
                strf(t, "%Y/%m/%d %H:%M:%S"), R.randrange(100000, 999999), 21, 21))
        t += 60
    # inbox-svc driver warnings naming nodes
    t = EXPIRE0 + 30
    while t < T1:
        if heap_pressure(t) > 0.2:
            n = R.pick(NODES)
            syslog(t, R.pick(["inbox-01", "inbox-02", "inbox-03"]), "WARN",
                   "com.datastax.oss.driver.internal.core.pool.ChannelPool: [s0|/%s:9042] Error while opening new channel (ConnectionInitException: [s0|connecting...] Protocol initialization request, step 1 (OPTIONS): timed out after 5000 ms)" % n[1],
                   '[req@49152 user="-" trace="-"]')
        t += R.expovariate(1 / 45.0)


if __name__ == "__main__":
    main()
