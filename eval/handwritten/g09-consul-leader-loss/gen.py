#!/usr/bin/env python3
"""Generate the logs/ tree for this case. Standard library only, byte-deterministic."""
import datetime as dt
import json
import os
import random
import shutil

# The set's shared helpers (ids, arrival times, file writers), kept once in g_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "g_common.py")).read())

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
rng = random.Random(180826)
UTC = dt.timezone.utc


def E(h, mi, s=0.0):
    return dt.datetime(2026, 8, 18, h, mi, tzinfo=UTC).timestamp() + s


T_START = E(10, 0)
T_END = E(10, 45)
T_PRICING_DEPLOY = E(10, 12, 40.0)
T_S1_STOP = E(10, 14, 7.2)
T_S2_ELECTED = E(10, 14, 9.6)
T_S1_START = E(10, 14, 20.4)
T_S2_STOP = E(10, 14, 31.5)
T_S2_START = E(10, 14, 45.1)
T_S1_RESTORED = E(10, 18, 5.3)
T_LEADER_BACK = E(10, 18, 7.9)
T_S2_RESTORED = E(10, 18, 21.0)
ACL_TTL = 30.0
SKEW = {"consul-server-1": 0.0, "consul-server-2": 0.0, "consul-server-3": -41.3}
IPS = {"consul-server-1": "10.30.1.11", "consul-server-2": "10.30.1.12", "consul-server-3": "10.30.1.13"}
IDS = {}

ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"


for k in IPS:
    IDS[k] = uuid()


def no_leader(t):
    return T_S2_STOP <= t < T_LEADER_BACK


def acl_fails(t):
    """client agents' token cache (acl.token_ttl=30s, down_policy=deny) runs out after the leader is gone"""
    return T_S2_STOP + ACL_TTL <= t < T_LEADER_BACK + 0.4


def hc_ts(t):
    d = dt.datetime.fromtimestamp(t, UTC)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


consul = {k: [] for k in IPS}
agents = {"nomad-client-02": [], "nomad-client-05": []}


def hc(store, t, lvl, name, msg, skew=0.0):
    pad = {"INFO": "[INFO]  ", "WARN": "[WARN]  ", "ERROR": "[ERROR] ", "DEBUG": "[DEBUG] "}[lvl]
    store.append((t, "%s %s%s: %s" % (hc_ts(t + skew), pad, name, msg)))


def srv(s, t, lvl, name, msg):
    hc(consul[s], t, lvl, name, msg, SKEW[s])


def node(s):
    return 'Node at %s:8300' % IPS[s]


# -------------------------------------------------------------------------------- consul servers: steady state
for s in IPS:
    for t in arrivals(T_START, T_END, 1 / 30.0):
        if s == "consul-server-1" and T_S1_STOP <= t < T_S1_RESTORED + 1:
            continue
        if s == "consul-server-2" and T_S2_STOP <= t < T_S2_RESTORED + 1:
            continue
        srv(s, t, "WARN", "agent", "Check is now critical: check=_nomad-check-%s" % rng.choice(
            ["4e1c2c9a1f0b7d3e", "9a77f1d2c3b4e5f6"]))
    for t in arrivals(T_START, T_END, 1 / 240.0):
        if s == "consul-server-1" and T_S1_STOP <= t < T_S1_RESTORED + 1:
            continue
        if s == "consul-server-2" and T_S2_STOP <= t < T_S2_RESTORED + 1:
            continue
        srv(s, t, "WARN", "agent.server.raft", "failed to append to log buffer: pending snapshot of %.2f GiB in "
                                                "progress, consider raising raft_snapshot_threshold" % rng.uniform(1.6, 1.8))
for t in arrivals(T_START, T_S1_STOP, 1 / 75.0):
    srv("consul-server-1", t, "INFO", "agent.server.fsm", "snapshot created: duration=%.4fs" % rng.uniform(9, 14)
        if rng.random() < 0.1 else "KVS apply: op=set keys=%d" % rng.randint(200, 900))

s1 = "consul-server-1"
for dtt, lvl, name, msg in [
    (0.0, "INFO", "agent", "Caught: signal=terminated"),
    (0.001, "INFO", "agent", "Graceful shutdown disabled. Exiting"),
    (0.002, "INFO", "agent", "Requesting shutdown"),
    (0.004, "INFO", "agent.server", "shutting down server"),
    (0.021, "WARN", "agent.server.serf.lan", "serf: Shutdown without a Leave"),
    (0.024, "WARN", "agent.server.serf.wan", "serf: Shutdown without a Leave"),
    (0.09, "INFO", "agent", "consul server down"),
    (0.091, "INFO", "agent", "shutdown complete"),
]:
    srv(s1, T_S1_STOP + dtt, lvl, name, msg)
startup = [
    (0.0, "INFO", "agent", "==> Starting Consul agent..."),
    (0.001, "INFO", "agent", "Version: '1.18.1'"),
    (0.002, "INFO", "agent", "Build Date: '2024-03-26 21:20:21 +0000 UTC'"),
    (0.003, "INFO", "agent", "Node ID: '%s'"),
    (0.004, "INFO", "agent", "Node name: '%s'"),
    (0.005, "INFO", "agent", "Datacenter: 'dc1' (Segment: '<all>')"),
    (0.006, "INFO", "agent", "Server: true (Bootstrap: false)"),
    (0.41, "INFO", "agent.server.raft", "starting restore from snapshot: id=41-10239812-1755510361092 "
                                       "last-index=10239812 last-term=41 size-in-bytes=1843299120"),
]


def start_server(s, t0, restored):
    for dtt, lvl, name, msg in startup:
        if "%s" in msg:
            msg = msg % (IDS[s] if "ID" in msg else s)
        srv(s, t0 + dtt, lvl, name, msg)
    t = t0 + 10.4
    while t < restored:
        pct = 100.0 * (t - t0) / (restored - t0)
        srv(s, t, "INFO", "agent.server.raft", "snapshot restore progress: id=41-10239812-1755510361092 "
                                               "last-index=10239812 last-term=41 size-in-bytes=1843299120 "
                                               "read-bytes=%d percent-complete=\"%.2f%%\"" % (
                                                   1843299120 * pct / 100, pct))
        t += 10.0
    srv(s, restored, "INFO", "agent.server.raft", "restored from snapshot: id=41-10239812-1755510361092 "
                                                  "last-index=10239812 last-term=41 size-in-bytes=1843299120")
    srv(s, restored + 0.02, "INFO", "agent.server.raft", "initial configuration: index=10239812 servers=\"[%s]\"" %
        ", ".join("{Suffrage:Voter ID:%s Address:%s:8300}" % (IDS[k], IPS[k]) for k in IPS))
    srv(s, restored + 0.03, "INFO", "agent.server.raft", "entering follower state: follower=\"%s [Follower]\" "
                                                         "leader-address= leader-id=" % node(s))
    srv(s, restored + 0.2, "INFO", "agent", "started state syncer")
    srv(s, restored + 0.21, "INFO", "agent", "Consul agent running!")


start_server(s1, T_S1_START, T_S1_RESTORED)

for s in ("consul-server-2", "consul-server-3"):
    tt = T_S1_STOP + rng.uniform(0.9, 1.3)
    srv(s, tt, "WARN", "agent.server.raft", "heartbeat timeout reached, starting election: last-leader-addr=%s:8300 "
                                            "last-leader-id=%s" % (IPS[s1], IDS[s1]))
    srv(s, tt + 0.0002, "INFO", "agent.server.raft", "entering candidate state: node=\"%s [Candidate]\" term=42" % node(s))
srv("consul-server-3", T_S2_ELECTED - 0.9, "INFO", "agent.server.raft", "entering follower state: follower=\"%s "
                                                                         "[Follower]\" leader-address= leader-id=" %
    node("consul-server-3"))
srv("consul-server-2", T_S2_ELECTED - 0.001, "INFO", "agent.server.raft", "election won: term=42 tally=2")
srv("consul-server-2", T_S2_ELECTED, "INFO", "agent.server.raft", "entering leader state: leader=\"%s [Leader]\"" %
    node("consul-server-2"))
srv("consul-server-2", T_S2_ELECTED + 0.001, "INFO", "agent.server", "cluster leadership acquired")
srv("consul-server-2", T_S2_ELECTED + 0.002, "INFO", "agent.server", "New leader elected: payload=consul-server-2")
srv("consul-server-3", T_S2_ELECTED + 0.004, "INFO", "agent.server", "New leader elected: payload=consul-server-2")
for tt in arrivals(T_S1_STOP + 2, T_S2_STOP, 1.5):
    srv("consul-server-2", tt, "ERROR", "agent.server.raft", "failed to appendEntries to: peer=\"{Voter %s %s:8300}\" "
                                                              "error=\"dial tcp %s:8300: connect: connection refused\"" % (
                                                                  IDS[s1], IPS[s1], IPS[s1]))

s2 = "consul-server-2"
for dtt, lvl, name, msg in [
    (0.0, "INFO", "agent", "Caught: signal=terminated"),
    (0.001, "INFO", "agent", "Graceful shutdown disabled. Exiting"),
    (0.002, "INFO", "agent", "Requesting shutdown"),
    (0.004, "INFO", "agent.server", "shutting down server"),
    (0.006, "INFO", "agent.server", "cluster leadership lost"),
    (0.02, "WARN", "agent.server.serf.lan", "serf: Shutdown without a Leave"),
    (0.09, "INFO", "agent", "consul server down"),
    (0.091, "INFO", "agent", "shutdown complete"),
]:
    srv(s2, T_S2_STOP + dtt, lvl, name, msg)
start_server(s2, T_S2_START, T_S2_RESTORED)

s3 = "consul-server-3"
t = T_S2_STOP + rng.uniform(0.9, 1.4)
srv(s3, t, "WARN", "agent.server.raft", "heartbeat timeout reached, starting election: last-leader-addr=%s:8300 "
                                        "last-leader-id=%s" % (IPS[s2], IDS[s2]))
term = 42
while t < T_LEADER_BACK - 2.5:
    term += 1
    srv(s3, t + 0.0002, "INFO", "agent.server.raft", "entering candidate state: node=\"%s [Candidate]\" term=%d" % (
        node(s3), term))
    for peer in (s1, s2):
        if (peer == s2 and T_S2_STOP <= t < T_S2_START + 0.5) or (peer == s1 and t < T_S1_START + 0.5):
            err = "dial tcp %s:8300: connect: connection refused" % IPS[peer]
        else:
            err = "dial tcp %s:8300: i/o timeout" % IPS[peer]
        srv(s3, t + rng.uniform(0.001, 0.01), "ERROR", "agent.server.raft",
            "failed to make requestVote RPC: target=\"{Voter %s %s:8300}\" error=\"%s\" term=%d" % (
                IDS[peer], IPS[peer], err, term))
    srv(s3, t + 0.001, "INFO", "agent.server.raft", "pre-vote campaign failed: term=%d tally=1 votesNeeded=2" % term)
    t += rng.uniform(1.1, 2.6)
for tt in arrivals(T_S2_STOP + 1, T_LEADER_BACK, 2.2):
    srv(s3, tt, "ERROR", "agent.server.rpc", "RPC failed to server in DC: server=%s:8300 datacenter=dc1 method=%s "
                                             "error=\"No cluster leader\"" % (IPS[s3], rng.choice(
                                                 ["ACL.TokenRead", "Catalog.Register", "Health.ServiceNodes",
                                                  "Catalog.Deregister", "Session.Renew"])))
srv(s3, T_LEADER_BACK - 1.9, "INFO", "agent.server.raft", "entering candidate state: node=\"%s [Candidate]\" term=%d" % (
    node(s3), term + 1))
srv(s3, T_LEADER_BACK - 0.001, "INFO", "agent.server.raft", "election won: term=%d tally=2" % (term + 1))
srv(s3, T_LEADER_BACK, "INFO", "agent.server.raft", "entering leader state: leader=\"%s [Leader]\"" % node(s3))
srv(s3, T_LEADER_BACK + 0.002, "INFO", "agent.server", "cluster leadership acquired")
srv(s3, T_LEADER_BACK + 0.003, "INFO", "agent.server", "New leader elected: payload=consul-server-3")
srv(s1, T_LEADER_BACK + 0.004, "INFO", "agent.server", "New leader elected: payload=consul-server-3")
srv(s2, T_S2_RESTORED + 0.4, "INFO", "agent.server", "New leader elected: payload=consul-server-3")
srv(s3, T_LEADER_BACK + 0.4, "INFO", "agent.leader", "started routine: routine=\"CA root pruning\"")

# -------------------------------------------------------------------------------- client agents on nomad clients
for host, store in agents.items():
    for t in arrivals(T_START, T_END, 1 / 200.0):
        hc(store, t, "INFO", "agent.client.memberlist.lan", "memberlist: Suspect nomad-client-07 has failed, no acks "
                                                            "received" if rng.random() < 0.5 else
           "memberlist: Marking nomad-client-07 as failed, suspect timeout reached (2 peer confirmations)")
    for t in arrivals(T_S2_STOP + 0.5, T_LEADER_BACK, 1.4):
        hc(store, t, "ERROR", "agent.client", "RPC failed to server: method=%s server=%s:8300 error=\"rpc error "
                                              "making call: No cluster leader\"" % (
                                                  rng.choice(["ACL.TokenRead", "Catalog.Register", "Health.ServiceNodes",
                                                              "Coordinate.Update"]), IPS[s3]))
    for t in arrivals(T_S2_STOP + 0.5, T_LEADER_BACK, 0.2):
        hc(store, t, "WARN", "agent", "Coordinate update error: error=\"rpc error making call: No cluster leader\"")

# -------------------------------------------------------------------------------- pricing (Go zerolog)
vector = []
PR_OLD = [("pricing", uuid(), "nomad-client-0%d" % n) for n in (2, 3, 5)]
PR_NEW = [("pricing", uuid(), "nomad-client-0%d" % n) for n in (3, 4, 5)]


def vec(t, host, alloc, task, stream, msg):
    ti = t + rng.uniform(0.05, 1.8)
    d = dt.datetime.fromtimestamp(ti, UTC)
    rec = {"file": "/opt/nomad/data/alloc/%s/alloc/logs/%s.%s.0" % (alloc, task, stream), "host": host,
           "message": msg, "source_type": "file",
           "timestamp": d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%03dZ" % (d.microsecond, rng.randint(0, 999))}
    vector.append((ti, rec))


def zlog(t, level, msg, **kv):
    o = {"level": level}
    o.update(kv)
    o["time"] = dt.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    o["message"] = msg
    return json.dumps(o, separators=(",", ":"))


def pricing_allocs(t):
    if t < T_PRICING_DEPLOY:
        return PR_OLD
    if t < T_PRICING_DEPLOY + 50:
        return PR_OLD[1:] + PR_NEW[:1]
    return PR_NEW


for i, (task, alloc, host) in enumerate(PR_NEW):
    t0 = T_PRICING_DEPLOY - 8 + 25 * i
    vec(t0, host, alloc, task, "stderr", zlog(t0, "info", "starting pricing", version="2.4.0", commit="c0ffe37"))
    vec(t0 + 0.3, host, alloc, task, "stderr", zlog(t0 + 0.3, "info", "registered with consul", service_id="pricing-" +
                                                     alloc[:8], check="http://:8080/health"))
    vec(t0 + 0.31, host, alloc, task, "stderr", zlog(t0 + 0.31, "warn", "price rules cache cold, loading", rules=1822))
for i, (task, alloc, host) in enumerate(PR_OLD):
    t0 = T_PRICING_DEPLOY + 20 + 25 * i
    vec(t0, host, alloc, task, "stderr", zlog(t0, "info", "shutting down", signal="interrupt"))
    vec(t0 + 0.2, host, alloc, task, "stderr", zlog(t0 + 0.2, "info", "deregistered from consul",
                                                     service_id="pricing-" + alloc[:8]))

# -------------------------------------------------------------------------------- cart (Quarkus JSON)
CART = [("cart", uuid(), "nomad-client-0%d" % n, "cart-%s" % hexs(8)) for n in (2, 4, 5)]
seq = {c[1]: rng.randint(10000, 20000) for c in CART}


def qjson(c, t, level, logger, msg, exc=None, thread=None):
    task, alloc, host, hostname = c
    d = dt.datetime.fromtimestamp(t, UTC)
    o = {"timestamp": d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000), "sequence": -1,
         "loggerClassName": "org.jboss.logging.Logger", "loggerName": logger, "level": level, "message": msg,
         "threadName": thread or "executor-thread-%d" % rng.randint(1, 48), "threadId": rng.randint(30, 200), "mdc": {},
         "ndc": "", "hostName": hostname, "processName": "cart-runner", "processId": 1}
    if exc:
        o["exception"] = exc
    vec(t, host, alloc, task, "stdout", json.dumps(o, separators=(",", ":")))


def pricing_call(t, sku_count):
    task, alloc, host = rng.choice(pricing_allocs(t))
    ms = rng.lognormvariate(2.2, 0.4) + (rng.uniform(5, 40) if T_PRICING_DEPLOY < t < T_PRICING_DEPLOY + 100 else 0)
    if rng.random() < 0.2:
        vec(t + ms / 1000.0, host, alloc, task, "stderr",
            zlog(t + ms / 1000.0, "info", "quote", skus=sku_count, dur_ms=round(ms, 1), currency="EUR"))
    return ms


LOOKUP_CACHE = {}


def cart_request(t, method, path):
    c = rng.choice(CART)
    lc = LOOKUP_CACHE.get(c[1], -1e9)
    needs_price = not path.endswith("/count")
    ms = rng.uniform(0.6, 2.5)
    if needs_price:
        if t - lc > 5.0:
            if acl_fails(t):
                qjson(c, t + 0.002, "ERROR", "com.acme.cart.discovery.ConsulLookup",
                      "pricing lookup failed: consul GET /v1/health/service/pricing?passing=1 returned 403: ACL not found",
                      exc={"refId": 1, "exceptionType": "com.acme.cart.discovery.DiscoveryException",
                           "message": "403 ACL not found", "frames": [
                               {"class": "com.acme.cart.discovery.ConsulLookup", "method": "healthy", "line": 88},
                               {"class": "com.acme.cart.pricing.PricingClient", "method": "quote", "line": 41},
                               {"class": "com.acme.cart.api.CartResource", "method": "view", "line": 67}]})
                qjson(c, t + 0.003, "WARN", "io.quarkus.http.access-log", '%s - - "%s %s HTTP/1.1" 503 96 %d ms' % (
                    "10.30.5.%d" % rng.randint(2, 60), method, path, 3))
                return 503, 0.004
            LOOKUP_CACHE[c[1]] = t
        ms += pricing_call(t + 0.002, rng.randint(1, 9))
    st = 201 if method == "POST" else 200
    if rng.random() < 0.35:
        qjson(c, t + ms / 1000.0, "INFO", "io.quarkus.http.access-log", '%s - - "%s %s HTTP/1.1" %d %d %d ms' % (
            "10.30.5.%d" % rng.randint(2, 60), method, path, st, rng.randint(300, 4000), ms))
    return st, ms / 1000.0


# -------------------------------------------------------------------------------- fabio (edge)
fabio_access = []
fabio_log = []


def fabio_std(t, msg):
    fabio_log.append((t, "%s %s" % (dt.datetime.fromtimestamp(t, UTC).strftime("%Y/%m/%d %H:%M:%S"), msg)))


for t in arrivals(T_START, T_END, 3.2):
    x = rng.random()
    client = "%d.%d.%d.%d" % (rng.choice((37, 46, 82, 94, 151, 188)), rng.randint(0, 255), rng.randint(0, 255),
                              rng.randint(1, 254))
    if x < 0.55:
        method, path = rng.choice([("GET", "/api/cart"), ("GET", "/api/cart/count"), ("POST", "/api/cart/items"),
                                   ("GET", "/api/cart/summary")])
        st, dur = cart_request(t + 0.001, method, path)
        upstream = "cart"
    else:
        method, path = "GET", rng.choice(["/api/catalog/items/%d" % rng.randint(1, 90000), "/api/catalog/search",
                                          "/static/app.%s.js" % hexs(8), "/api/catalog/categories"])
        st, dur = 200, rng.lognormvariate(2.6, 0.5) / 1000.0
        upstream = "catalog"
    te = t + dur + 0.001
    fabio_access.append((te, '%s - - [%s] "%s %s HTTP/1.1" %d %d' % (
        client, dt.datetime.fromtimestamp(te, UTC).strftime("%d/%b/%Y:%H:%M:%S +0000"), method, path, st,
        96 if st >= 500 else rng.randint(300, 9000))))

HIDX = [8812117]
for t in arrivals(T_START, T_END, 1 / 20.0):
    if acl_fails(t):
        fabio_std(t, "[WARN] consul: Error fetching health state. Unexpected response code: 403 (ACL not found)")
    elif no_leader(t):
        fabio_std(t, "[WARN] consul: Error fetching health state. Unexpected response code: 500 (No cluster leader)")
    elif rng.random() < 0.3 or T_PRICING_DEPLOY < t < T_PRICING_DEPLOY + 100:
        HIDX[0] += rng.randint(1, 40)
        fabio_std(t, "[INFO] consul: Health changed to #%d" % HIDX[0])

# -------------------------------------------------------------------------------- write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)


for s in IPS:
    write_lines("consul-servers/%s/consul.log" % s, consul[s])
for h, store in agents.items():
    write_lines("nomad-clients/%s/consul-agent.log" % h, store)
write_lines("edge/fabio/access.log", fabio_access)
write_lines("edge/fabio/fabio.log", fabio_log)
vector.sort(key=lambda x: x[0])
for t, r in vector:
    if '"sequence":-1,' in r["message"]:
        a = r["file"].split("/")[5]
        seq[a] += 1
        r["message"] = r["message"].replace('"sequence":-1,', '"sequence":%d,' % seq[a], 1)
write_lines("vector/nomad-allocs-2026-08-18.ndjson",
            [(t, json.dumps(r, separators=(",", ":"))) for t, r in vector])
