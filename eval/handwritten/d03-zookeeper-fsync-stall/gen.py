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
# d03: ZooKeeper leader zk-1's transaction-log disk is saturated by a snapshot
# upload job; fsync stalls of 4-19 s block all ZK writes, sessions expire.
# order-router's per-cart ZK lock and its Curator service discovery fail ->
# checkout 503s through web-api and frontend (GCLB).
# Formats: Google Cloud Logging export written by a GCS log sink (NDJSON, one
# folder per logName, hourly shards), jsonPayload / textPayload / httpRequest.
rng = random.Random(4303)

PROJECT = "acme-shop-prod"
START = datetime(2025, 3, 11, 9, 50, 0, tzinfo=UTC)
END = START + timedelta(minutes=34)
BACKUP_START = datetime(2025, 3, 11, 10, 6, 2, 0, tzinfo=UTC)
STALL_FROM = datetime(2025, 3, 11, 10, 6, 41, 377000, tzinfo=UTC)
STALL_UNTIL = datetime(2025, 3, 11, 10, 16, 35, 0, tzinfo=UTC)
NODE_UPGRADE = datetime(2025, 3, 11, 9, 58, 10, 0, tzinfo=UTC)
SESSION_TIMEOUT = 6.0

ZK = {"zk-1": "10.132.0.21", "zk-2": "10.132.0.22", "zk-3": "10.132.0.23"}

STALLS = []
t = STALL_FROM
while t < STALL_UNTIL:
    d = rng.uniform(4.0, 19.0) if STALLS else 11.8
    STALLS.append((t, d))
    t = t + timedelta(seconds=d + rng.uniform(4, 21))


def stalled(tq):
    for (s, d) in STALLS:
        if s <= tq < s + timedelta(seconds=d):
            return s + timedelta(seconds=d)
    return None


entries = []   # (receive_time, seq, logName, json)
seqn = [0]


def insert_id():
    return alnum(rng, 16, "abcdefghijklmnopqrstuvwxyz0123456789")


NODES = ["gke-prod-gke-1-pool-1-4f1c2a9e-%s" % alnum(rng, 4) for _ in range(6)]


def emit(t, log_id, resource, severity=None, json_payload=None, text_payload=None, labels=None, http=None, trace=None, recv_delay=None):
    e = {"insertId": insert_id()}
    if http is not None:
        e["httpRequest"] = http
    if json_payload is not None:
        e["jsonPayload"] = json_payload
    if text_payload is not None:
        e["textPayload"] = text_payload
    e["resource"] = resource
    e["timestamp"] = iso_us(t)
    if severity:
        e["severity"] = severity
    if labels:
        e["labels"] = labels
    e["logName"] = "projects/%s/logs/%s" % (PROJECT, log_id.replace("/", "%2F"))
    if trace:
        e["trace"] = "projects/%s/traces/%s" % (PROJECT, trace)
    rt = t + timedelta(seconds=recv_delay if recv_delay is not None else rng.uniform(0.4, 3.5))
    e["receiveTimestamp"] = iso_us(rt)
    entries.append((rt, seqn[0], log_id, jdump(e)))
    seqn[0] += 1


PODS = {}


def pod(app, n):
    if app not in PODS:
        rs = alnum(rng, 10, "bcdfghjklmnpqrstvwxz2456789")[:9]
        PODS[app] = ["%s-%s-%s" % (app, rs, alnum(rng, 5, "bcdfghjklmnpqrstvwxz2456789")) for _ in range(n)]
        PODS[app + ":node"] = [rng.choice(NODES) for _ in range(n)]
    return PODS[app]


def k8s(app, idx, stream="stdout"):
    pods = PODS[app]
    return ({"type": "k8s_container", "labels": {"project_id": PROJECT, "location": "europe-west1", "cluster_name": "prod-gke-1",
                                                 "namespace_name": "shop", "pod_name": pods[idx], "container_name": app}},
            {"k8s-pod/app": app, "k8s-pod/pod-template-hash": pods[idx].split("-")[-2], "compute.googleapis.com/resource_name": PODS[app + ":node"][idx]})


for app, n in [("frontend", 3), ("web-api", 3), ("order-router", 2), ("inventory", 3), ("shipping-quote", 2), ("pricing-engine", 2),
               ("user-profile", 2), ("search", 2), ("recommendation", 2), ("batch-reporter", 1)]:
    pod(app, n)

POD_IPS = {}
for app in ("order-router", "inventory", "pricing-engine"):
    POD_IPS[app] = ["10.8.%d.%d" % (rng.randint(1, 5), rng.randint(2, 250)) for _ in PODS[app]]


def applog(app, idx, t, sev, msg, logger=None, thread=None, extra=None, trace=None, stream="stdout"):
    res, lab = k8s(app, idx)
    jp = {"message": msg}
    if logger:
        jp["logger_name"] = logger
    if thread:
        jp["thread_name"] = thread
    if extra:
        for k, v in extra:
            jp[k] = v
    emit(t, stream, res, sev, json_payload=jp, labels=lab, trace=trace)


def stderr_trace(app, idx, t, text):
    """GKE splits unstructured stderr into one LogEntry per line."""
    res, lab = k8s(app, idx)
    for i, ln in enumerate(text.split("\n")):
        emit(t + timedelta(microseconds=i * 7), "stderr", res, "ERROR", text_payload=ln, labels=lab, recv_delay=1.2 + i * 0.0001)


# ---------------- ZooKeeper sessions & client behaviour ----------------
class Client:
    def __init__(self, app, idx):
        self.app, self.idx = app, idx
        self.server = rng.choice(list(ZK))
        self.sid = "0x%d%015x" % (int(self.server[-1]), rng.getrandbits(44))
        self.unreg = []   # windows where the ephemeral registration is missing
        self.lost = []


clients = [Client(a, i) for a in ("order-router", "inventory", "pricing-engine") for i in range(len(PODS[a]))]


def zk_text(node, t, level, thread, src, msg):
    ts = t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000)
    myid = node[-1]
    text = "%s [myid:%s] - %-5s [%s:%s] - %s" % (ts, myid, level, thread, src, msg)
    res = {"type": "gce_instance", "labels": {"project_id": PROJECT, "instance_id": str(4410000000000000000 + int(myid) * 7919), "zone": "europe-west1-" + "bcd"[int(myid) - 1]}}
    # ops agent: timestamp = time the line was read by the agent
    emit(t + ms(rng.uniform(150, 900)), "zookeeper", res, {"INFO": "INFO", "WARN": "WARNING", "ERROR": "ERROR"}[level],
         text_payload=text, labels={"compute.googleapis.com/resource_name": node, "agent.googleapis.com/log_file_path": "/var/log/zookeeper/zookeeper.log"})


def syslog(node, t, text):
    res = {"type": "gce_instance", "labels": {"project_id": PROJECT, "instance_id": str(4410000000000000000 + int(node[-1]) * 7919), "zone": "europe-west1-b"}}
    emit(t, "syslog", res, "DEFAULT", text_payload=t.strftime("%b %d %H:%M:%S ") + node + " " + text,
         labels={"compute.googleapis.com/resource_name": node})


# background ZK chatter
for node in ZK:
    t = START + timedelta(seconds=rng.uniform(1, 30))
    while t < END:
        r = rng.random()
        cli = "10.8.%d.%d" % (rng.randint(1, 5), rng.randint(2, 250))
        if r < 0.45:
            zk_text(node, t, "INFO", "NIOWorkerThread-%d" % rng.randint(1, 8), "ZooKeeperServer@1158",
                    "Refusing session request for client /%s:%d as it has seen zxid 0x6a%08x our last zxid is 0x6a%08x client must try another server" % (cli, rng.randint(30000, 60000), rng.randint(1, 99999), rng.randint(1, 99999))
                    if rng.random() < 0.05 else
                    "Established session 0x%d%015x with negotiated timeout 30000 for client /%s:%d" % (int(node[-1]), rng.getrandbits(44), cli, rng.randint(30000, 60000)))
        elif r < 0.75:
            zk_text(node, t, "INFO", "NIOWorkerThread-%d" % rng.randint(1, 8), "NIOServerCnxn@507",
                    "Processing stat command from /10.132.0.9:%d" % rng.randint(30000, 60000))
        elif node == "zk-1" and r < 0.85:
            zk_text(node, t, "INFO", "SyncThread:1", "FileTxnLog@284",
                    "Creating new log file: log.6a%08x" % rng.randint(10**6, 10**7))
        else:
            zk_text(node, t, "INFO", "SessionTracker", "ZooKeeperServer@628",
                    "Expiring session 0x%d%015x, timeout of 30000ms exceeded" % (int(node[-1]), rng.getrandbits(44)))
        t += timedelta(seconds=rng.uniform(15, 70))

syslog("zk-1", BACKUP_START, "CRON[22817]: (root) CMD (/opt/zk-tools/snapshot-upload.sh --full)")
syslog("zk-1", BACKUP_START + timedelta(seconds=1), "snapshot-upload.sh[22819]: compressing /var/lib/zookeeper/version-2 (log + snapshot, 38.2G) -> /var/lib/zookeeper/backup/zk-1-20250311.tar.zst")
syslog("zk-1", STALL_UNTIL - timedelta(seconds=11), "snapshot-upload.sh[22819]: uploading zk-1-20250311.tar.zst (11.4G) to gs://acme-zk-backups/prod/")
syslog("zk-1", STALL_UNTIL + timedelta(seconds=94), "snapshot-upload.sh[22819]: done, removed local archive")
for k in range(3):
    syslog("zk-1", START + timedelta(minutes=4 + 11 * k, seconds=rng.randint(0, 40)), "google_guest_agent[912]: Updating keys for user gke-7c1f2e.")

for (s, d) in STALLS:
    e = s + timedelta(seconds=d)
    zk_text("zk-1", e + ms(rng.uniform(1, 20)), "WARN", "SyncThread:1", "FileTxnLog@423",
            "fsync-ing the write ahead log in SyncThread:1 took %dms which will adversely effect operation latency.File size is %d bytes. See the ZooKeeper troubleshooting guide" % (int(d * 1000), rng.randint(40, 67) * 1048576))
    if d > 9.5:
        for f in ("zk-2", "zk-3"):
            zk_text(f, s + timedelta(seconds=rng.uniform(9.0, min(d, 10.5))), "WARN", "QuorumPeer[myid=%s](plain=0.0.0.0:2181)(secure=disabled)" % f[-1], "Follower@131",
                    "Exception when following the leader, leader zk-1/10.132.0.21:2888 has not responded for %dms (syncLimit=5 ticks)" % int(rng.uniform(9000, d * 1000)))
    if d > 3:
        zk_text("zk-1", e + ms(rng.uniform(30, 80)), "WARN", "LearnerHandler-/10.132.0.2%d:%d" % (rng.randint(2, 3), rng.randint(40000, 50000)), "LearnerHandler@1079",
                "Closing connection to peer due to transaction timeout.")
        zk_text("zk-1", e + ms(rng.uniform(80, 200)), "INFO", "CommitProcessor:1", "CommitProcessor@412",
                "Processed %d pending requests after sync stall, queue max latency %dms" % (rng.randint(200, 900), int(d * 1000) + rng.randint(10, 400)))

# client session handling
for c in clients:
    ip = POD_IPS[c.app][c.idx]
    tid = "main-EventThread"
    for (s, d) in STALLS:
        e = s + timedelta(seconds=d)
        on_leader = c.server == "zk-1"
        if rng.random() > (0.9 if on_leader else 0.55):
            continue
        # client stops hearing pings
        t1 = s + timedelta(seconds=SESSION_TIMEOUT * 2 / 3.0 + rng.uniform(0, 0.05))
        if t1 > e:
            continue
        applog(c.app, c.idx, t1, "INFO",
               "Client session timed out, have not heard from server in %dms for session id %s, closing socket connection and attempting reconnect" % (int(SESSION_TIMEOUT * 2000 / 3), c.sid),
               "org.apache.zookeeper.ClientCnxn", "main-SendThread(%s.zk.internal:2181)" % c.server)
        applog(c.app, c.idx, t1 + ms(2), "INFO", "State change: SUSPENDED", "org.apache.curator.framework.state.ConnectionStateManager", "Curator-ConnectionStateManager-0")
        newserver = rng.choice([z for z in ZK if z != c.server])
        applog(c.app, c.idx, t1 + ms(rng.uniform(300, 1200)), "INFO",
               "Socket connection established, initiating session, client: /%s:%d, server: %s.zk.internal/%s:2181" % (ip, rng.randint(30000, 60000), newserver, ZK[newserver]),
               "org.apache.zookeeper.ClientCnxn", "main-SendThread(%s.zk.internal:2181)" % newserver)
        if d >= SESSION_TIMEOUT:
            texp = s + timedelta(seconds=SESSION_TIMEOUT + rng.uniform(0.0, 1.9))
            zk_text("zk-1", texp, "INFO", "SessionTracker", "ZooKeeperServer@628", "Expiring session %s, timeout of %dms exceeded" % (c.sid, int(SESSION_TIMEOUT * 1000)))
            tl = e + ms(rng.uniform(40, 400))
            applog(c.app, c.idx, tl, "WARNING",
                   "Unable to reconnect to ZooKeeper service, session %s has expired" % c.sid,
                   "org.apache.zookeeper.ClientCnxn", "main-SendThread(%s.zk.internal:2181)" % newserver)
            applog(c.app, c.idx, tl + ms(3), "ERROR", "State change: LOST", "org.apache.curator.framework.state.ConnectionStateManager", "Curator-ConnectionStateManager-0")
            c.sid = "0x%d%015x" % (int(newserver[-1]), rng.getrandbits(44))
            c.server = newserver
            # the new session itself needs a committed createSession
            nxt = stalled(tl + ms(500))
            tn = (nxt if nxt else tl) + ms(rng.uniform(300, 900))
            zk_text(newserver, tn - ms(5), "INFO", "CommitProcessor:%s" % newserver[-1], "Learner@149",
                    "Revalidating client: %s" % c.sid)
            applog(c.app, c.idx, tn, "INFO",
                   "Session establishment complete on server %s.zk.internal/%s:2181, session id = %s, negotiated timeout = %d" % (newserver, ZK[newserver], c.sid, int(SESSION_TIMEOUT * 1000)),
                   "org.apache.zookeeper.ClientCnxn", "main-SendThread(%s.zk.internal:2181)" % newserver)
            applog(c.app, c.idx, tn + ms(2), "INFO", "State change: RECONNECTED", "org.apache.curator.framework.state.ConnectionStateManager", "Curator-ConnectionStateManager-0")
            c.lost.append((tl, tn + ms(rng.uniform(700, 2500))))
            if c.app == "order-router":
                applog(c.app, c.idx, tl + ms(6), "WARNING", "ServiceCache[inventory] cleared after ZooKeeper session loss; instances unavailable until cache is rebuilt",
                       "com.acme.orders.discovery.InstanceWatcher", "Curator-ConnectionStateManager-0")
                applog(c.app, c.idx, c.lost[-1][1], "INFO", "ServiceCache[inventory] rebuilt with %d instances" % rng.randint(1, 3),
                       "com.acme.orders.discovery.InstanceWatcher", "Curator-ServiceCache-0")
            if c.app == "inventory":
                treg = tn + ms(rng.uniform(800, 3500))
                nxt2 = stalled(treg)
                if nxt2:
                    treg = nxt2 + ms(rng.uniform(200, 700))
                c.unreg.append((e + ms(rng.uniform(5, 60)), treg))
                applog(c.app, c.idx, treg, "INFO", "Re-registered service instance inventory/%s at /services/inventory after session loss" % PODS["inventory"][c.idx],
                       "org.apache.curator.x.discovery.details.ServiceDiscoveryImpl", "Curator-ServiceDiscovery-0")
                if rng.random() < 0.5:
                    stderr_trace("inventory", c.idx, tl + ms(5),
                                 "org.apache.zookeeper.KeeperException$SessionExpiredException: KeeperErrorCode = Session expired for /services/inventory/%s\n\tat org.apache.zookeeper.KeeperException.create(KeeperException.java:134)\n\tat org.apache.zookeeper.KeeperException.create(KeeperException.java:54)\n\tat org.apache.curator.framework.imps.CreateBuilderImpl$17.call(CreateBuilderImpl.java:1176)\n\tat org.apache.curator.x.discovery.details.ServiceDiscoveryImpl.internalRegisterService(ServiceDiscoveryImpl.java:237)\n\tat com.acme.inventory.discovery.Registration.onReconnect(Registration.java:58)\n\t... 9 more" % PODS["inventory"][c.idx])
            if c.app == "pricing-engine":
                applog(c.app, c.idx, tl + ms(8), "WARNING", "Lost leadership for price-publisher (LeaderLatch path /leader/price-publisher); pausing scheduled price pushes",
                       "com.acme.pricing.publish.PublisherLeadership", "Curator-LeaderLatch-0")
        else:
            tr = e + ms(rng.uniform(20, 300))
            applog(c.app, c.idx, tr, "INFO",
                   "Session establishment complete on server %s.zk.internal/%s:2181, session id = %s, negotiated timeout = %d" % (newserver, ZK[newserver], c.sid, int(SESSION_TIMEOUT * 1000)),
                   "org.apache.zookeeper.ClientCnxn", "main-SendThread(%s.zk.internal:2181)" % newserver)
            applog(c.app, c.idx, tr + ms(2), "INFO", "State change: RECONNECTED", "org.apache.curator.framework.state.ConnectionStateManager", "Curator-ConnectionStateManager-0")
            c.server = newserver


def inventory_available(tq):
    inv = [c for c in clients if c.app == "inventory"]
    up = [c for c in inv if not any(a <= tq < b for (a, b) in c.unreg)]
    return up


# ---------------- request traffic ----------------
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Mobile Safari/537.36"]
recs_unready = (NODE_UPGRADE + timedelta(seconds=20), NODE_UPGRADE + timedelta(seconds=95))
last_cache_log = {}


def order_router(t, trace, cart, kind):
    idx = rng.randrange(2)
    lat = rng.uniform(1, 3)
    if kind == "checkout":
        # per-cart lock in ZooKeeper (ephemeral sequential node create)
        st = stalled(t + ms(lat))
        if st and (st - (t + ms(lat))).total_seconds() > 3.0:
            lat += 3000 + rng.uniform(0, 4)
            applog("order-router", idx, t + ms(lat), "ERROR",
                   "Could not acquire lock /locks/checkout/%s within 3000 ms; rejecting checkout" % cart,
                   "com.acme.orders.checkout.CartLock", "http-nio-8080-exec-%d" % rng.randint(1, 64), trace=trace,
                   extra=[("cart_id", cart), ("lock_backend", "zookeeper")])
            applog("order-router", idx, t + ms(lat + 1), "INFO", "POST /v1/checkout 503 %dms" % int(lat),
                   "com.acme.orders.web.AccessLog", "http-nio-8080-exec-%d" % rng.randint(1, 64), trace=trace,
                   extra=[("status", 503), ("latency_ms", int(lat))])
            return lat, 503
        if st:
            lat += (st - (t + ms(lat))).total_seconds() * 1000 + rng.uniform(5, 40)
        else:
            lat += rng.uniform(4, 15)
    # service discovery for inventory
    me = [c for c in clients if c.app == "order-router" and c.idx == idx][0]
    if any(a <= t + ms(lat) < b for (a, b) in me.lost):
        up = []
    else:
        up = inventory_available(t + ms(lat))
    if not up:
        k = int((t - START).total_seconds())
        if last_cache_log.get(idx) != k:
            last_cache_log[idx] = k
            applog("order-router", idx, t + ms(lat), "WARNING", "ServiceCache[inventory]: instance list is now empty (0 of 3 registered)",
                   "com.acme.orders.discovery.InstanceWatcher", "Curator-ServiceCache-0")
        applog("order-router", idx, t + ms(lat + 0.2), "ERROR",
               "No instances available for service 'inventory' (discovery path /services/inventory)",
               "com.acme.orders.client.InventoryClient", "http-nio-8080-exec-%d" % rng.randint(1, 64), trace=trace,
               extra=[("exception", "org.apache.curator.x.discovery.details.InstanceProvider$NoInstancesException")])
        applog("order-router", idx, t + ms(lat + 1), "INFO", "%s %d %dms" % ("POST /v1/checkout" if kind == "checkout" else "GET /v1/quote", 503, int(lat)),
               "com.acme.orders.web.AccessLog", "http-nio-8080-exec-%d" % rng.randint(1, 64), trace=trace,
               extra=[("status", 503), ("latency_ms", int(lat))])
        return lat, 503
    inst = rng.choice(up)
    il = rng.lognormvariate(2.0, 0.4)
    applog("inventory", inst.idx, t + ms(lat + il), "INFO", "GET /v1/stock?cart=%s 200 %dms" % (cart, int(il)),
           "com.acme.inventory.web.AccessLog", "http-nio-8080-exec-%d" % rng.randint(1, 64), trace=trace)
    sl = rng.lognormvariate(2.6, 0.4)
    sidx = rng.randrange(2)
    applog("shipping-quote", sidx, t + ms(lat + sl), "INFO", "quote computed", extra=[("cart", cart), ("carrier", rng.choice(["dhl", "ups", "dpd", "gls"])), ("latency_ms", round(sl, 1))], trace=trace)
    lat += max(il, sl) + rng.uniform(1, 4)
    path = "POST /v1/checkout" if kind == "checkout" else "GET /v1/quote"
    applog("order-router", idx, t + ms(lat), "INFO", "%s 200 %dms" % (path, int(lat)),
           "com.acme.orders.web.AccessLog", "http-nio-8080-exec-%d" % rng.randint(1, 64), trace=trace,
           extra=[("status", 200), ("latency_ms", int(lat))])
    return lat, 200


def simple_go(app, t, path, mu, trace, err=None):
    lat = rng.lognormvariate(mu, 0.45)
    st = 200
    if err:
        st, lat2, msg = err
        lat = lat2
        applog(app, rng.randrange(len(PODS[app])), t + ms(lat), "ERROR", msg, trace=trace)
    applog(app, rng.randrange(len(PODS[app])), t + ms(lat), "INFO", "request served",
           extra=[("path", path), ("status", st), ("duration_ms", round(lat, 2))], trace=trace)
    return lat, st


def rate(t):
    m = (t - START).total_seconds() / 60.0
    return 2.2 + 0.4 * math.sin(m / 6.0)


for t0 in arrivals(rng, START, END, rate):
    trace = hexs(rng, 32)
    r = rng.random()
    fidx = rng.randrange(3)
    widx = rng.randrange(3)
    cart = "c" + alnum(rng, 10)
    user = rng.randint(10000, 999999)
    t1 = t0 + ms(rng.uniform(1, 4))
    if r < 0.26:
        route, method, kind = "/api/cart/quote", "GET", "quote"
    elif r < 0.40:
        route, method, kind = "/api/checkout", "POST", "checkout"
    elif r < 0.56:
        route, method, kind = "/api/search", "GET", "search"
    elif r < 0.74:
        route, method, kind = "/api/recommendations", "GET", "recs"
    else:
        route, method, kind = "/api/me", "GET", "me"
    if kind in ("quote", "checkout"):
        lat, st = order_router(t1 + ms(1), trace, cart, kind)
        if st != 200:
            applog("web-api", widx, t1 + ms(lat + 1), "ERROR",
                   "upstream order-router returned 503 for %s %s" % ("POST /v1/checkout" if kind == "checkout" else "GET /v1/quote", cart),
                   extra=[("upstream", "http://order-router.shop.svc.cluster.local:8080"), ("status", 503)], trace=trace)
            wst = 503
        else:
            wst = 200
    elif kind == "search":
        lat, st = simple_go("search", t1, "/search?q=%s" % rng.choice(["boots", "tent", "lamp", "mug", "desk", "sofa"]), 3.1, trace)
        wst = st
    elif kind == "recs":
        if recs_unready[0] <= t1 <= recs_unready[1] and rng.random() < 0.5:
            lat, st = simple_go("recommendation", t1, "/v1/recs", 2.0, trace,
                                (503, rng.uniform(1, 3), "model warmup in progress, refusing request (ready=false)"))
        else:
            lat, st = simple_go("recommendation", t1, "/v1/recs", 3.4, trace)
        wst = st
        if st != 200:
            applog("web-api", widx, t1 + ms(lat + 1), "WARNING", "recommendation unavailable, returning empty list",
                   extra=[("upstream", "http://recommendation.shop.svc.cluster.local"), ("status", st)], trace=trace)
            wst = 200
    else:
        lat, st = simple_go("user-profile", t1, "/v1/users/%d" % user, 2.0, trace)
        wst = st
    wlat = lat + rng.uniform(1, 4)
    applog("web-api", widx, t1 + ms(wlat), "INFO" if wst == 200 else "WARNING", "handled request",
           extra=[("method", method), ("path", route), ("status", wst), ("duration_ms", round(wlat, 2)), ("user_id", str(user))], trace=trace)
    flat = wlat + rng.uniform(2, 9)
    fst = wst
    if fst != 200:
        applog("frontend", fidx, t0 + ms(flat - 1), "ERROR", "API call failed",
               extra=[("route", route), ("status", fst), ("backend", "web-api:8080")], trace=trace)
    res = {"type": "http_load_balancer", "labels": {"project_id": PROJECT, "zone": "global", "url_map_name": "k8s2-um-4q9xk2g1-shop-frontend-ingress-7a2xk",
                                                    "forwarding_rule_name": "k8s2-fs-4q9xk2g1-shop-frontend-ingress-7a2xk", "target_proxy_name": "k8s2-ts-4q9xk2g1-shop-frontend-ingress-7a2xk",
                                                    "backend_service_name": "k8s1-4q9xk2g1-shop-frontend-80-3b1d9c7e"}}
    http = {"requestMethod": method, "requestUrl": "https://shop.acme.example%s" % route, "requestSize": str(rng.randint(200, 900)),
            "status": fst, "responseSize": str(rng.randint(300, 9000) if fst == 200 else 148), "userAgent": rng.choice(UAS),
            "remoteIp": "%d.%d.%d.%d" % (rng.randint(31, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
            "serverIp": "10.8.%d.%d" % (rng.randint(1, 5), rng.randint(2, 250)), "latency": "%.6fs" % (flat / 1000.0), "protocol": "HTTP/1.1"}
    emit(t0 + ms(flat), "requests", res, "INFO" if fst < 500 else "WARNING",
         json_payload={"@type": "type.googleapis.com/google.cloud.loadbalancing.type.LoadBalancerLogEntry",
                       "statusDetails": "response_sent_by_backend", "backendTargetProjectNumber": "projects/918273645501"},
         http=http, trace=trace)

# ---------------- pricing-engine scheduled pushes ----------------
for idx in range(2):
    t = START + timedelta(seconds=5 + idx * 13)
    while t < END:
        if idx == 0:
            st = stalled(t)
            if st:
                applog("pricing-engine", 0, t + timedelta(seconds=5), "ERROR",
                       "Price push batch aborted: lock /locks/price-push not acquired within 5000ms",
                       "com.acme.pricing.publish.PricePushJob", "scheduling-1")
            else:
                applog("pricing-engine", 0, t + ms(rng.uniform(100, 900)), "INFO",
                       "Pushed %d price updates to catalog (version %d)" % (rng.randint(20, 400), rng.randint(880000, 890000)),
                       "com.acme.pricing.publish.PricePushJob", "scheduling-1")
        else:
            applog("pricing-engine", 1, t, "INFO", "Not the leader for price-publisher, skipping push",
                   "com.acme.pricing.publish.PricePushJob", "scheduling-1")
        t += timedelta(seconds=30)

# ---------------- batch-reporter pre-existing errors ----------------
t = START + timedelta(seconds=12)
while t < END:
    if rng.random() < 0.6:
        applog("batch-reporter", 0, t, "ERROR",
               "BigQuery insertAll failed: 403 Exceeded rate limits: too many table update operations for this table. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas",
               extra=[("table", "analytics.orders_hourly"), ("rows", rng.randint(100, 900))])
    else:
        applog("batch-reporter", 0, t, "INFO", "flushed report rows", extra=[("table", "analytics.orders_hourly"), ("rows", rng.randint(100, 900))])
    t += timedelta(seconds=rng.uniform(20, 50))

# ---------------- GKE node upgrade (red herring) ----------------
def k8s_event(t, kind, name, reason, message, typ="Normal", comp="kubelet"):
    res = {"type": "k8s_pod" if kind == "Pod" else "k8s_node", "labels": {"project_id": PROJECT, "location": "europe-west1", "cluster_name": "prod-gke-1"}}
    if kind == "Pod":
        res["labels"]["namespace_name"] = "shop"
        res["labels"]["pod_name"] = name
    else:
        res["labels"]["node_name"] = name
    emit(t, "events", res, "WARNING" if typ == "Warning" else "INFO",
         json_payload={"apiVersion": "v1", "kind": "Event", "involvedObject": {"kind": kind, "name": name, "namespace": "shop" if kind == "Pod" else ""},
                       "reason": reason, "message": message, "type": typ, "source": {"component": comp},
                       "metadata": {"name": "%s.%s" % (name, hexs(rng, 16)), "namespace": "shop" if kind == "Pod" else "default"}})


upg = NODES[2]
k8s_event(NODE_UPGRADE, "Node", upg, "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % upg, comp="node-controller")
k8s_event(NODE_UPGRADE + timedelta(seconds=3), "Node", upg, "Upgrade", "Node %s is being upgraded to 1.29.1-gke.1589017 (surge)" % upg, comp="gke-node-upgrader")
old_recs = PODS["recommendation"][0]
k8s_event(NODE_UPGRADE + timedelta(seconds=8), "Pod", old_recs, "Killing", "Stopping container recommendation")
newp = "recommendation-" + PODS["recommendation"][0].split("-")[1] + "-" + alnum(rng, 5, "bcdfghjklmnpqrstvwxz2456789")
k8s_event(NODE_UPGRADE + timedelta(seconds=12), "Pod", newp, "Scheduled", "Successfully assigned shop/%s to %s" % (newp, NODES[4]), comp="default-scheduler")
k8s_event(NODE_UPGRADE + timedelta(seconds=31), "Pod", newp, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", typ="Warning")
k8s_event(NODE_UPGRADE + timedelta(seconds=96), "Pod", newp, "Started", "Started container recommendation")
k8s_event(NODE_UPGRADE + timedelta(seconds=140), "Node", upg, "NodeReady", "Node %s status is now: NodeReady" % upg, comp="kubelet")

# ---------------- write GCS sink shards ----------------
reset_logs()
entries.sort(key=lambda x: (x[0], x[1]))
shards = {}
order = []
for (rt, n, log_id, line) in entries:
    hour = rt.replace(minute=0, second=0, microsecond=0)
    key = (log_id, hour)
    if key not in shards:
        shards[key] = []
        order.append(key)
    shards[key].append(line)
total = 0
for key in order:
    log_id, hour = key
    rel = "%s/%s/%s_%s_S0.json" % (log_id, hour.strftime("%Y/%m/%d"), hour.strftime("%H:00:00"), hour.strftime("%H:59:59"))
    write_file(rel, shards[key])
    total += len(shards[key])
print("d03 lines:", total)
