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
# d06: reservation-worker (Kafka consumer on 3 VMs) is redeployed at 11:02 with
# max.poll.interval.ms lowered 300000 -> 30000. When a flash-sale burst builds a
# backlog, full 500-record polls take >30 s, members are kicked, the group
# rebalances over and over (eager protocol), commits fail, records are
# re-processed and the lag explodes. checkout-api's request/reply over Kafka
# times out -> web-bff 502 -> Apache edge 502.
# Formats: log4j2 JsonLayout (consumer, per VM), Vector kubernetes_logs NDJSON
# (structlog console, Celery, Node text inside .message), Apache access+error log.
rng = random.Random(4606)

START = datetime(2025, 3, 11, 11, 0, 0, tzinfo=UTC)
END = START + timedelta(minutes=40)
DEPLOY = datetime(2025, 3, 11, 11, 2, 9, 0, tzinfo=UTC)
SURGE = datetime(2025, 3, 11, 11, 13, 30, 0, tzinfo=UTC)
SURGE_END = datetime(2025, 3, 11, 11, 27, 0, tzinfo=UTC)
REVERT = datetime(2025, 3, 11, 11, 31, 40, 0, tzinfo=UTC)
CATALOG_DEPLOY = datetime(2025, 3, 11, 11, 15, 12, 0, tzinfo=UTC)
TOPIC = "inventory.reserve.v1"
GROUP = "reservation-worker"
VMS = ["reservation-worker-01", "reservation-worker-02", "reservation-worker-03"]

wsink = {vm: Sink() for vm in VMS}
vsink = Sink()
acc = Sink()
err = Sink()


# ---------------- log4j2 JsonLayout ----------------
def j4(vm, t, level, logger, thread, message, thrown=None):
    rec = {"instant": {"epochSecond": int(t.timestamp()), "nanoOfSecond": t.microsecond * 1000},
           "thread": thread, "level": level, "loggerName": logger, "message": message}
    if thrown:
        rec["thrown"] = thrown
    rec["endOfBatch"] = False
    rec["loggerFqcn"] = "org.apache.logging.slf4j.Log4jLogger"
    rec["threadId"] = 1 if thread == "main" else (31 if "heartbeat" in thread else 24)
    rec["threadPriority"] = 5
    wsink[vm].add(t, jdump(rec))


COMMIT_FAILED = {"commonElementCount": 0,
                 "localizedMessage": "Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.",
                 "message": "Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.",
                 "name": "org.apache.kafka.clients.consumer.CommitFailedException",
                 "extendedStackTrace": [
                     {"class": "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "method": "sendOffsetCommitRequest", "file": "ConsumerCoordinator.java", "line": 1351, "exact": False, "location": "kafka-clients-3.6.1.jar", "version": "?"},
                     {"class": "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "method": "commitOffsetsSync", "file": "ConsumerCoordinator.java", "line": 1170, "exact": False, "location": "kafka-clients-3.6.1.jar", "version": "?"},
                     {"class": "org.apache.kafka.clients.consumer.KafkaConsumer", "method": "commitSync", "file": "KafkaConsumer.java", "line": 1523, "exact": False, "location": "kafka-clients-3.6.1.jar", "version": "?"},
                     {"class": "com.shop.reservation.ReservationLoop", "method": "commitBatch", "file": "ReservationLoop.java", "line": 142, "exact": True, "location": "reservation-worker-2.19.0.jar", "version": "?"},
                     {"class": "com.shop.reservation.ReservationLoop", "method": "run", "file": "ReservationLoop.java", "line": 97, "exact": True, "location": "reservation-worker-2.19.0.jar", "version": "?"},
                     {"class": "java.lang.Thread", "method": "run", "file": "Thread.java", "line": 1583, "exact": True, "location": "?", "version": "?"}]}

CONSUMER_CONFIG_KEYS = [
    ("allow.auto.create.topics", "true"), ("auto.commit.interval.ms", "5000"), ("auto.offset.reset", "earliest"),
    ("bootstrap.servers", "[kafka-1.internal:9092, kafka-2.internal:9092, kafka-3.internal:9092]"), ("check.crcs", "true"),
    ("client.id", "%s"), ("enable.auto.commit", "false"), ("fetch.max.bytes", "52428800"), ("fetch.max.wait.ms", "500"),
    ("group.id", GROUP), ("group.instance.id", "null"), ("heartbeat.interval.ms", "3000"), ("isolation.level", "read_uncommitted"),
    ("key.deserializer", "class org.apache.kafka.common.serialization.StringDeserializer"), ("max.partition.fetch.bytes", "1048576"),
    ("max.poll.interval.ms", "%d"), ("max.poll.records", "500"),
    ("partition.assignment.strategy", "[class org.apache.kafka.clients.consumer.RangeAssignor]"),
    ("request.timeout.ms", "30000"), ("session.timeout.ms", "45000"),
    ("value.deserializer", "class io.confluent.kafka.serializers.KafkaAvroDeserializer")]


def consumer_config(client_id, mpi):
    lines = ["ConsumerConfig values: "]
    for k, v in CONSUMER_CONFIG_KEYS:
        if k == "client.id":
            v = client_id
        elif k == "max.poll.interval.ms":
            v = str(mpi)
        lines.append("\t%s = %s" % (k, v))
    return "\n".join(lines) + "\n"


def cpref(cid):
    return "[Consumer clientId=%s, groupId=%s] " % (cid, GROUP)


COORD = "kafka-2.internal:9092 (id: 2147483645 rack: null)"


class Member:
    def __init__(self, vm, n):
        self.vm = vm
        self.cid = "consumer-%s-%d" % (GROUP, n)
        self.mid = None

    def new_mid(self):
        self.mid = "%s-%s" % (self.cid, uuid_from(rng))


def startup(m, t, mpi, version):
    j4(m.vm, t, "INFO", "com.shop.reservation.Main", "main", "Starting reservation-worker %s on %s (JDK 21.0.2)" % (version, m.vm))
    j4(m.vm, t + ms(240), "INFO", "org.apache.kafka.clients.consumer.ConsumerConfig", "main", consumer_config(m.cid, mpi))
    j4(m.vm, t + ms(260), "INFO", "org.apache.kafka.common.utils.AppInfoParser", "main", "Kafka version: 3.6.1")
    j4(m.vm, t + ms(262), "INFO", "org.apache.kafka.clients.consumer.KafkaConsumer", "main", cpref(m.cid) + "Subscribed to topic(s): " + TOPIC)


PARTS = list(range(12))


def assignment(members):
    out = {}
    k = len(members)
    per = len(PARTS) // k
    for i, m in enumerate(members):
        out[m.cid] = PARTS[i * per:(i + 1) * per]
    return out


def plist(ps):
    return ", ".join("%s-%d" % (TOPIC, p) for p in ps)


gen = [1187]
offsets = {p: 8812000 + rng.randint(0, 90000) for p in PARTS}


def rebalance_done(members, t, reason_member=None):
    gen[0] += 1
    g = gen[0]
    asg = assignment(members)
    leader = members[0]
    for m in members:
        tj = t + ms(rng.uniform(5, 400))
        if m.mid is None:
            m.new_mid()
        j4(m.vm, tj, "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "reservation-loop-0",
           cpref(m.cid) + "(Re-)joining group")
        j4(m.vm, t + ms(rng.uniform(900, 1400)), "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "reservation-loop-0",
           cpref(m.cid) + "Successfully joined group with generation Generation{generationId=%d, memberId='%s', protocol='range'}" % (g, m.mid))
        if m is leader:
            j4(m.vm, t + ms(1450), "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "reservation-loop-0",
               cpref(m.cid) + "Finished assignment for group at generation %d: {%s}" % (
                   g, ", ".join("%s=Assignment(partitions=[%s])" % (x.mid, plist(asg[x.cid])) for x in members)))
        ts = t + ms(rng.uniform(1500, 1700))
        j4(m.vm, ts, "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "reservation-loop-0",
           cpref(m.cid) + "Successfully synced group in generation Generation{generationId=%d, memberId='%s', protocol='range'}" % (g, m.mid))
        j4(m.vm, ts + ms(1), "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "reservation-loop-0",
           cpref(m.cid) + "Notifying assignor about the new Assignment(partitions=[%s])" % plist(asg[m.cid]))
        j4(m.vm, ts + ms(2), "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "reservation-loop-0",
           cpref(m.cid) + "Adding newly assigned partitions: %s" % plist(asg[m.cid]))
        for p in asg[m.cid]:
            j4(m.vm, ts + ms(4), "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "reservation-loop-0",
               cpref(m.cid) + "Setting offset for partition %s-%d to the committed offset FetchPosition{offset=%d, offsetEpoch=Optional[17], currentLeader=LeaderAndEpoch{leader=Optional[kafka-%d.internal:9092 (id: %d rack: null)], epoch=17}}" % (
                   TOPIC, p, offsets[p], 1 + p % 3, 1 + p % 3))
    return t + ms(1750), asg


def revoke(m, t, parts):
    j4(m.vm, t, "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "reservation-loop-0",
       cpref(m.cid) + "Revoke previously assigned partitions %s" % plist(parts))


# ---------------- incoming load & worker simulation ----------------
def incoming(t):
    if t < SURGE:
        return 18.0 + 3 * math.sin((t - START).total_seconds() / 300.0)
    x = (t - SURGE).total_seconds()
    if t < SURGE_END:
        return 34.0 + (46.0 if x < 60 else 0.0)
    return 19.0


def db_rec_ms(t, storm):
    base = 52.0 if t < SURGE else 61.0
    return rng.uniform(base - 5, base + 10) if storm else rng.uniform(38, 55)


lag_track = []      # (t, lag, commit_rate)
dup_count = [0]
members = [Member(vm, 1) for vm in VMS]
for i, m in enumerate(members):
    m.cid = "consumer-%s-1" % GROUP
# (each VM runs one consumer; client ids are per-process so they repeat across VMs)

# old process (before 11:02 deploy) on each VM: steady state
t = START
lag = 120.0
mpi = 300000


def steady(t_from, t_to, members, asg, version_note=None):
    """Small batches, no timeouts. Returns lag at the end."""
    global lag
    nxt = {m.cid + m.vm: t_from + ms(rng.uniform(100, 2500)) for m in members}
    t = t_from
    while t < t_to:
        lag = max(0.0, lag + incoming(t) - 0)
        # consume greedily
        for m in members:
            k = m.cid + m.vm
            if nxt[k] <= t:
                n = int(min(500, lag / len(members) + rng.uniform(0, 8)))
                n = max(n, 1)
                d = n * db_rec_ms(t, False) / 1000.0
                lag = max(0.0, lag - n)
                ps = asg[m.cid + m.vm] if (m.cid + m.vm) in asg else asg.get(m.cid, PARTS[:4])
                for p in ps:
                    offsets[p] += n // max(1, len(ps))
                if rng.random() < 0.25:
                    j4(m.vm, t + timedelta(seconds=d), "INFO", "com.shop.reservation.ReservationLoop", "reservation-loop-0",
                       "Processed batch records=%d partitions=%d duration_ms=%d db_p50_ms=%d committed=true records_lag_max=%d" % (
                           n, len(ps), int(d * 1000), int(d * 1000 / n), int(lag / 12 + rng.uniform(0, 20))))
                nxt[k] = t + timedelta(seconds=max(d, 0.5) + rng.uniform(0.05, 0.5))
        lag_track.append((t, lag, 9999.0))
        t += timedelta(seconds=1)
    return lag


# old generation assignment
asg0 = {}
for i, m in enumerate(members):
    asg0[m.cid + m.vm] = PARTS[i * 4:(i + 1) * 4]
steady(START, DEPLOY, members, asg0)

# rolling deploy of 2.19.0 with max.poll.interval.ms=30000
mpi = 30000
for i, m in enumerate(members):
    td = DEPLOY + timedelta(seconds=40 * i)
    j4(m.vm, td - ms(800), "INFO", "com.shop.reservation.Main", "SIGTERM handler", "Shutdown requested, closing consumer")
    revoke(m, td - ms(600), asg0[m.cid + m.vm])
    j4(m.vm, td - ms(590), "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "SIGTERM handler",
       cpref(m.cid) + "Member %s sending LeaveGroup request to coordinator %s due to the consumer is being closed" % (m.cid + "-" + uuid_from(rng), COORD))
    startup(m, td + timedelta(seconds=6), mpi, "2.19.0")
    m.mid = None
    ta, _ = rebalance_done(members, td + timedelta(seconds=8))
asg1 = {}
for i, m in enumerate(members):
    asg1[m.cid + m.vm] = PARTS[i * 4:(i + 1) * 4]
steady(DEPLOY + timedelta(seconds=100), SURGE, members, asg1)

# storm
t = SURGE
storm_started = None
while t < REVERT:
    # let lag build in small-batch mode until polls fill up
    if lag < 1500:
        n_in = incoming(t)
        lag = max(0.0, lag + n_in - min(lag + n_in, 3 * 1000.0 / 60.0))
        lag_track.append((t, lag, 40.0))
        t += timedelta(seconds=1)
        continue
    if storm_started is None:
        storm_started = t
    # one poll cycle: every member takes a full batch
    durs = []
    for i, m in enumerate(members):
        n = int(min(500, lag / 3))
        d = n * db_rec_ms(t, True) / 1000.0
        durs.append((m, n, d))
    kicked = [(m, n, d) for (m, n, d) in durs if d > mpi / 1000.0]
    committed = 0
    for (m, n, d) in durs:
        ps = PARTS[members.index(m) * 4:(members.index(m) + 1) * 4]
        if d <= mpi / 1000.0:
            committed += n
            for p in ps:
                offsets[p] += n // 4
            j4(m.vm, t + timedelta(seconds=d), "INFO", "com.shop.reservation.ReservationLoop", "reservation-loop-0",
               "Processed batch records=%d partitions=4 duration_ms=%d db_p50_ms=%d committed=true records_lag_max=%d" % (
                   n, int(d * 1000), int(d * 1000 / n), int(lag / 12)))
    if kicked:
        t_kick = t + timedelta(seconds=mpi / 1000.0)
        for (m, n, d) in kicked:
            j4(m.vm, t_kick + ms(rng.uniform(0, 900)), "WARN", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
               "kafka-coordinator-heartbeat-thread | " + GROUP,
               cpref(m.cid) + "consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages. You can address this either by increasing max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with max.poll.records.")
            j4(m.vm, t_kick + ms(rng.uniform(900, 1000)), "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
               "kafka-coordinator-heartbeat-thread | " + GROUP,
               cpref(m.cid) + "Member %s sending LeaveGroup request to coordinator %s due to consumer poll timeout has expired." % (m.mid, COORD))
            te = t + timedelta(seconds=d)
            dups = int(n * rng.uniform(0.2, 0.6))
            dup_count[0] += dups
            j4(m.vm, te, "WARN", "com.shop.reservation.ReservationHandler", "reservation-loop-0",
               "Skipped %d duplicate reservation commands already applied (idempotency key exists) in this batch" % dups)
            j4(m.vm, te + ms(3), "ERROR", "com.shop.reservation.ReservationLoop", "reservation-loop-0",
               "Offset commit failed for batch of %d records on %s; records will be re-delivered" % (n, plist(PARTS[members.index(m) * 4:(members.index(m) + 1) * 4])),
               thrown=COMMIT_FAILED)
            j4(m.vm, te + ms(5), "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "reservation-loop-0",
               cpref(m.cid) + "Failing OffsetCommit request since the consumer is not part of an active group")
            revoke(m, te + ms(8), PARTS[members.index(m) * 4:(members.index(m) + 1) * 4])
            m.mid = None
        for (m, n, d) in durs:
            if (m, n, d) in kicked:
                continue
            j4(m.vm, t_kick + ms(rng.uniform(1000, 3000)), "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "kafka-coordinator-heartbeat-thread | " + GROUP,
               cpref(m.cid) + "Request joining group due to: group is already rebalancing")
            revoke(m, t_kick + ms(rng.uniform(3000, 9000)), PARTS[members.index(m) * 4:(members.index(m) + 1) * 4])
        t_rb = max([t + timedelta(seconds=d) for (m, n, d) in durs] + [t_kick + timedelta(seconds=9)]) + ms(rng.uniform(300, 2500))
        t_next, _ = rebalance_done(members, t_rb)
    else:
        t_next = t + timedelta(seconds=max(d for (_, _, d) in durs)) + ms(rng.uniform(50, 300))
    span = (t_next - t).total_seconds()
    # lag evolution over the cycle
    s = 0
    while s < span:
        tt = t + timedelta(seconds=s)
        lag += incoming(tt)
        lag_track.append((tt, lag, committed / span))
        s += 1
    lag = max(0.0, lag - committed)
    t = t_next

# revert: 2.19.1 with max.poll.interval.ms=300000, worker.threads=2
mpi = 300000
new_members = []
for i, vm in enumerate(VMS):
    for k in (1, 2):
        mm = Member(vm, k)
        new_members.append(mm)
for i, vm in enumerate(VMS):
    td = REVERT + timedelta(seconds=25 * i)
    old = members[i]
    j4(vm, td - ms(700), "INFO", "com.shop.reservation.Main", "SIGTERM handler", "Shutdown requested, closing consumer")
    j4(vm, td - ms(690), "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "SIGTERM handler",
       cpref(old.cid) + "Member %s sending LeaveGroup request to coordinator %s due to the consumer is being closed" % (old.mid or (old.cid + "-" + uuid_from(rng)), COORD))
    j4(vm, td + timedelta(seconds=6), "INFO", "com.shop.reservation.Main", "main", "Starting reservation-worker 2.19.1 on %s (JDK 21.0.2), worker.threads=2" % vm)
    for mm in new_members[2 * i:2 * i + 2]:
        j4(vm, td + timedelta(seconds=6, milliseconds=240), "INFO", "org.apache.kafka.clients.consumer.ConsumerConfig", "main", consumer_config(mm.cid, mpi))
t_next, _ = rebalance_done(new_members, REVERT + timedelta(seconds=60))
t = t_next
throughput = 6 * 1000.0 / 58.0
while t < END:
    lag = max(0.0, lag + incoming(t) - throughput)
    lag_track.append((t, lag, throughput))
    if int((t - START).total_seconds()) % 9 == 0:
        m = rng.choice(new_members)
        n = int(min(500, lag / 6 + rng.uniform(5, 20)))
        d = n * 0.058
        j4(m.vm, t + timedelta(seconds=d), "INFO", "com.shop.reservation.ReservationLoop", "reservation-loop-%d" % (int(m.cid[-1]) - 1),
           "Processed batch records=%d partitions=2 duration_ms=%d db_p50_ms=%d committed=true records_lag_max=%d" % (n, int(d * 1000), 58, int(lag / 12)))
    t += timedelta(seconds=1)

lag_track.sort(key=lambda x: x[0])


def lag_at(tq):
    lo, hi = 0, len(lag_track) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lag_track[mid][0] <= tq:
            lo = mid
        else:
            hi = mid - 1
    return lag_track[lo][1], lag_track[lo][2]


def reply_wait(tq):
    L, rate_ = lag_at(tq)
    if L < 600:
        return rng.uniform(0.15, 2.2)
    if tq < REVERT + timedelta(seconds=60):
        rate_ = min(rate_, 12.0)
    return L / max(rate_, 1.0) + rng.uniform(0, 2)


# periodic lag metric from each worker (JMX reporter)
for vm in VMS:
    t = START + timedelta(seconds=20 + VMS.index(vm) * 3)
    while t < END:
        L, _ = lag_at(t)
        j4(vm, t, "INFO", "com.shop.reservation.metrics.LagReporter", "metrics-reporter-1",
           "consumer-fetch-manager-metrics records-lag-max=%d records-consumed-rate=%.1f commit-rate=%.2f rebalance-rate-per-hour=%.1f" % (
               int(L / 12), rng.uniform(20, 30) if L < 600 else rng.uniform(40, 55), 0.4 if L < 600 else rng.uniform(0.02, 0.2),
               0.0 if (storm_started is None or t < storm_started or t > REVERT + timedelta(seconds=90)) else rng.uniform(45, 90)))
        t += timedelta(seconds=60)


# ---------------- Vector kubernetes_logs (NDJSON) ----------------
NODES = ["ip-10-40-%d-%d.ec2.internal" % (rng.randint(1, 3), rng.randint(10, 250)) for _ in range(4)]
PODS = {}


def mkpods(app, n, image):
    rs = alnum(rng, 10, "bcdfghjklmnpqrstvwxz2456789")
    PODS[app] = [{"name": "%s-%s-%s" % (app, rs, alnum(rng, 5, "bcdfghjklmnpqrstvwxz2456789")), "uid": uuid_from(rng),
                  "node": rng.choice(NODES), "ip": "10.40.%d.%d" % (rng.randint(64, 127), rng.randint(2, 250)), "image": image,
                  "cid": hexs(rng, 64), "hash": rs} for _ in range(n)]


mkpods("web-bff", 3, "123456789012.dkr.ecr.us-east-1.amazonaws.com/web-bff:1.31.2")
mkpods("checkout-api", 3, "123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout-api:3.4.0")
mkpods("cart-api", 2, "123456789012.dkr.ecr.us-east-1.amazonaws.com/cart-api:2.2.7")
mkpods("catalog-api", 2, "123456789012.dkr.ecr.us-east-1.amazonaws.com/catalog-api:5.0.3")
mkpods("payment-api", 2, "123456789012.dkr.ecr.us-east-1.amazonaws.com/payment-api:1.12.0")
mkpods("order-service", 2, "123456789012.dkr.ecr.us-east-1.amazonaws.com/order-service:4.6.1")
mkpods("email-worker", 1, "123456789012.dkr.ecr.us-east-1.amazonaws.com/email-worker:0.9.8")
NEW_CATALOG = []
rs_c = alnum(rng, 10, "bcdfghjklmnpqrstvwxz2456789")
for i in range(2):
    NEW_CATALOG.append({"name": "catalog-api-%s-%s" % (rs_c, alnum(rng, 5, "bcdfghjklmnpqrstvwxz2456789")), "uid": uuid_from(rng), "node": rng.choice(NODES),
                        "ip": "10.40.%d.%d" % (rng.randint(64, 127), rng.randint(2, 250)), "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/catalog-api:5.1.0",
                        "cid": hexs(rng, 64), "hash": rs_c})


def vec(app, t, line, stream="stdout", pod=None):
    p = pod or rng.choice(PODS[app])
    rec = {"file": "/var/log/pods/shop_%s_%s/%s/0.log" % (p["name"], p["uid"], app),
           "kubernetes": {"container_id": "containerd://" + p["cid"], "container_image": p["image"], "container_name": app,
                          "namespace_labels": {"kubernetes.io/metadata.name": "shop"}, "pod_ip": p["ip"],
                          "pod_labels": {"app.kubernetes.io/name": app, "pod-template-hash": p["hash"]},
                          "pod_name": p["name"], "pod_namespace": "shop", "pod_node_name": p["node"], "pod_uid": p["uid"]},
           "message": line, "source_type": "kubernetes_logs", "stream": stream,
           "timestamp": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%03dZ" % (t.microsecond, rng.randint(0, 999))}
    vsink.add(t, jdump(rec))
    return p


def slog(app, t, level, event, pod=None, **kw):
    kv = " ".join("%s=%s" % (k, kw[k]) for k in sorted(kw))
    line = "%s [%-9s] %-30s %s" % (iso_us(t), level, event, kv)
    return vec(app, t, line.rstrip(), pod=pod)


def node_log(t, level, msg):
    vec("web-bff", t, "%s %-5s [bff] %s" % (iso_ms(t), level, msg))


def catalog_pods(t):
    if t < CATALOG_DEPLOY:
        return PODS["catalog-api"]
    if t < CATALOG_DEPLOY + timedelta(seconds=40):
        return [PODS["catalog-api"][1], NEW_CATALOG[0]]
    return NEW_CATALOG


late_replies = []


def checkout(t, cart, user):
    """checkout-api: publish ReserveStock, wait for reply (8 s), then charge + create order."""
    pod = rng.choice(PODS["checkout-api"])
    corr = uuid_from(rng)
    slog("checkout-api", t + ms(2), "info", "reserve requested", pod=pod, cart_id=cart, correlation_id=corr, topic=TOPIC,
         reply_topic="inventory.reserve.reply.v1", items=rng.randint(1, 6))
    w = reply_wait(t)
    if w > 8.0:
        te = t + timedelta(seconds=8, milliseconds=rng.uniform(2, 20))
        slog("checkout-api", te, "error", "reservation reply timeout", pod=pod, cart_id=cart, correlation_id=corr, waited_ms=8000,
             consumer_group=GROUP)
        tb = ("Traceback (most recent call last):\n"
              "  File \"/app/checkout/reservations.py\", line 88, in reserve\n"
              "    reply = await asyncio.wait_for(fut, timeout=self.reply_timeout)\n"
              "  File \"/usr/local/lib/python3.12/asyncio/tasks.py\", line 520, in wait_for\n"
              "    return await fut\n"
              "asyncio.exceptions.CancelledError\n"
              "\n"
              "The above exception was the direct cause of the following exception:\n"
              "\n"
              "Traceback (most recent call last):\n"
              "  File \"/app/checkout/api.py\", line 142, in create_checkout\n"
              "    reservation = await reservations.reserve(cart)\n"
              "  File \"/app/checkout/reservations.py\", line 91, in reserve\n"
              "    raise ReservationTimeout(f\"no reply on inventory.reserve.reply.v1 within {self.reply_timeout}s\")\n"
              "checkout.reservations.ReservationTimeout: no reply on inventory.reserve.reply.v1 within 8.0s")
        for i, ln in enumerate(tb.split("\n")):
            vec("checkout-api", te + timedelta(microseconds=30 + i), ln, stream="stderr", pod=pod)
        if w < 400:
            late_replies.append((t + timedelta(seconds=w), pod, corr))
        slog("checkout-api", te + ms(1), "info", "request finished", pod=pod, method="POST", path="/v1/checkout", status=504,
             duration_ms=int((te - t).total_seconds() * 1000))
        return (te - t).total_seconds() * 1000, 504
    tr = t + timedelta(seconds=w)
    slog("checkout-api", tr, "info", "reservation confirmed", pod=pod, cart_id=cart, correlation_id=corr, latency_ms=int(w * 1000))
    pl = rng.lognormvariate(5.3, 0.3)
    pst = 200
    if rng.random() < 0.03:
        pst = 402
    slog("payment-api", tr + ms(pl), "info", "charge processed", status=pst, amount_cents=rng.randint(999, 49999), psp="adyen",
         latency_ms=int(pl))
    if pst != 200:
        slog("checkout-api", tr + ms(pl + 2), "warning", "payment declined", pod=pod, cart_id=cart, decline_code="refused")
        dur = w * 1000 + pl + 4
        slog("checkout-api", t + ms(dur), "info", "request finished", pod=pod, method="POST", path="/v1/checkout", status=402, duration_ms=int(dur))
        return dur, 402
    ol = rng.lognormvariate(3.2, 0.4)
    slog("order-service", tr + ms(pl + ol), "info", "order created", order_id="o_%s" % alnum(rng, 10), user_id=user, latency_ms=int(ol))
    dur = w * 1000 + pl + ol + rng.uniform(2, 6)
    slog("checkout-api", t + ms(dur), "info", "request finished", pod=pod, method="POST", path="/v1/checkout", status=200, duration_ms=int(dur))
    return dur, 200


def rate(t):
    base = 1.6
    if SURGE <= t < SURGE_END:
        base = 3.4
    return base


UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
       "ShopApp/7.4.0 (Android 14; Pixel 7)"]


def apache_ts(t):
    return t.strftime("%d/%b/%Y:%H:%M:%S +0000")


def apache_err_ts(t):
    return t.strftime("%a %b %d %H:%M:%S.") + "%06d" % t.microsecond + t.strftime(" %Y")


for t0 in arrivals(rng, START, END, rate):
    user = "u%07d" % rng.randint(1, 9999999)
    cart = "c_" + alnum(rng, 10)
    r = rng.random()
    tb = t0 + ms(rng.uniform(0.5, 1.5))
    ip = "%d.%d.%d.%d" % (rng.randint(31, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    rid = hexs(rng, 16)
    if r < 0.22:
        method, path = "POST", "/api/checkout"
        d, st = checkout(tb + ms(2), cart, user)
        if st == 504:
            node_log(tb + ms(d + 2), "ERROR", "POST /api/checkout upstream checkout-api.shop.svc:8000 responded 504 reqId=%s" % rid)
            bst = 502
        else:
            bst = st
        bd = d + rng.uniform(2, 8)
    elif r < 0.45:
        method, path = "GET", "/api/cart"
        cl = rng.lognormvariate(2.2, 0.4)
        slog("cart-api", tb + ms(cl), "info", "cart loaded", cart_id=cart, items=rng.randint(0, 9), latency_ms=round(cl, 1))
        bd, bst = cl + rng.uniform(2, 6), 200
    elif r < 0.85:
        method, path = "GET", "/api/catalog/products/%d" % rng.randint(1000, 99999)
        cp = rng.choice(catalog_pods(tb))
        cl = rng.lognormvariate(2.6, 0.4)
        if CATALOG_DEPLOY <= tb < CATALOG_DEPLOY + timedelta(seconds=40) and rng.random() < 0.15:
            node_log(tb + ms(3), "WARN", "GET %s upstream catalog-api.shop.svc:8080 connection refused (ECONNREFUSED), retrying once reqId=%s" % (path, rid))
        slog("catalog-api", tb + ms(cl), "info", "product served", pod=cp, path=path.replace("/api/catalog", "/v1"), latency_ms=round(cl, 1))
        bd, bst = cl + rng.uniform(2, 6), 200
    else:
        method, path = "GET", "/api/orders"
        ol = rng.lognormvariate(3.0, 0.5)
        if SURGE <= tb < SURGE_END and rng.random() < 0.1:
            ol += rng.uniform(300, 900)
            slog("order-service", tb + ms(ol), "warning", "slow query", query="orders_by_user", duration_ms=int(ol), user_id=user)
        slog("order-service", tb + ms(ol), "info", "orders listed", user_id=user, latency_ms=round(ol, 1))
        bd, bst = ol + rng.uniform(2, 6), 200
    node_log(tb + ms(bd), "INFO" if bst < 500 else "WARN", "%s %s %d %dms reqId=%s" % (method, path, bst, int(bd), rid))
    total = bd + rng.uniform(0.5, 2)
    acc.add(t0 + ms(total), "%s - - [%s] \"%s %s HTTP/1.1\" %d %d \"https://www.shop.example/\" \"%s\" %d" % (
        ip, apache_ts(t0), method, path, bst, rng.randint(200, 9000) if bst == 200 else rng.randint(150, 500), rng.choice(UAS), int(total * 1000)))

for (tl, pod, corr) in late_replies:
    if tl < END:
        slog("checkout-api", tl, "warning", "late reply for unknown correlation id dropped", pod=pod, correlation_id=corr, topic="inventory.reserve.reply.v1")

# ---------------- catalog-api deploy (red herring) ----------------
for i, p in enumerate(NEW_CATALOG):
    ts = CATALOG_DEPLOY + timedelta(seconds=4 + 20 * i)
    slog("catalog-api", ts, "info", "starting catalog-api", pod=p, version="5.1.0", git_sha="e1b04c7")
    slog("catalog-api", ts + ms(900), "warning", "search index alias missing, falling back to primary", pod=p, alias="products_read")

# ---------------- email-worker (Celery): pre-existing SMTP failures ----------------
t = START + timedelta(seconds=4)
while t < END:
    tid = uuid_from(rng)
    ts_ = t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000)
    vec("email-worker", t, "[%s: INFO/MainProcess] Task notifications.send_email[%s] received" % (ts_, tid))
    t2 = t + ms(rng.uniform(200, 900))
    ts2 = t2.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t2.microsecond // 1000)
    if rng.random() < 0.2:
        vec("email-worker", t2, "[%s: WARNING/ForkPoolWorker-%d] Task notifications.send_email[%s] retry: Retry in 60s: SMTPServerDisconnected('Connection unexpectedly closed')" % (ts2, rng.randint(1, 4), tid))
    else:
        vec("email-worker", t2, "[%s: INFO/ForkPoolWorker-%d] Task notifications.send_email[%s] succeeded in %.3fs: None" % (ts2, rng.randint(1, 4), tid, (t2 - t).total_seconds()))
    t += timedelta(seconds=rng.uniform(2, 9))

# Apache error log: scanner noise that predates the incident
t = START + timedelta(seconds=7)
while t < END:
    bad = rng.choice(["/.env", "/.git/config", "/wp-login.php", "/server-status", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php"])
    sip = "%d.%d.%d.%d" % (rng.randint(31, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    if bad == "/server-status":
        err.add(t, "[%s] [authz_core:error] [pid %d:tid %d] [client %s:%d] AH01630: client denied by server configuration: /var/www/html/server-status" % (
            apache_err_ts(t), rng.choice([2211, 2212, 2214]), rng.randint(139800000000000, 139899999999999), sip, rng.randint(30000, 60000)))
    else:
        err.add(t, "[%s] [proxy:error] [pid %d:tid %d] [client %s:%d] AH00898: Error reading from remote server returned by %s" % (
            apache_err_ts(t), rng.choice([2211, 2212, 2214]), rng.randint(139800000000000, 139899999999999), sip, rng.randint(30000, 60000), bad)
                if rng.random() < 0.15 else
                "[%s] [authz_core:error] [pid %d:tid %d] [client %s:%d] AH01630: client denied by server configuration: /var/www/html%s" % (
            apache_err_ts(t), rng.choice([2211, 2212, 2214]), rng.randint(139800000000000, 139899999999999), sip, rng.randint(30000, 60000), bad))
        acc.add(t, "%s - - [%s] \"GET %s HTTP/1.1\" 403 199 \"-\" \"Mozilla/5.0 zgrab/0.x\" %d" % (sip, apache_ts(t), bad, rng.randint(200, 900)))
    t += timedelta(seconds=rng.uniform(20, 110))

# marketing push (context)
slog("order-service", SURGE - timedelta(seconds=20), "info", "campaign started", campaign="spring-flash-sale", audience=2140000)

# ---------------- write ----------------
reset_logs()
total = 0
for vm in VMS:
    lines = wsink[vm].sorted_lines()
    write_file("vm/%s/reservation-worker/app.json" % vm, lines)
    total += len(lines)
lines = vsink.sorted_lines()
write_file("vector/k8s-shop-2025-03-11.ndjson", lines)
total += len(lines)
lines = acc.sorted_lines()
write_file("edge-proxy/access_log", lines)
total += len(lines)
lines = err.sorted_lines()
write_file("edge-proxy/error_log", lines)
total += len(lines)
print("d06 lines:", total, "dups:", dup_count[0], "storm:", storm_started)
