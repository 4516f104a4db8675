#!/usr/bin/env python3
"""m08: presence-svc (Elixir, Nomad) decodes client JSON with keys: :atoms. Mobile 7.3.0
sends per-device custom field keys, atoms are never collected, the BEAM atom table fills
and every node dies ('no more index entries in atom_tab'). Nomad restarts them into a
reconnect storm that refills the table in ~1.5 minutes -> crash loop until a hotfix."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from m_common import (LogSet, Rand, USER_AGENTS, iso, jdump, main_dir, report, strf, ts_of,  # noqa: E402
                      write_truth)

R = Rand(20251006)
T0 = ts_of(2025, 10, 6, 13, 52, 0)
T1 = ts_of(2025, 10, 6, 14, 48, 0)
CHAT_DEPLOY = ts_of(2025, 10, 6, 14, 5, 12)
FIRST_CRASH = ts_of(2025, 10, 6, 14, 11, 37.214)
HOTFIX = ts_of(2025, 10, 6, 14, 36, 20)
PDT = -420
L = None

ALLOCS = [
    {"id": "3f1c9a2e-7b4d-4e8a-9c21-5d6e7f8a9b01", "ip": "10.20.4.17", "node": "nomad-client-04", "port": 24817, "first": FIRST_CRASH},
    {"id": "8a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "ip": "10.20.5.23", "node": "nomad-client-05", "port": 28133, "first": FIRST_CRASH + 28.6},
    {"id": "c0d1e2f3-a4b5-4c6d-9e8f-7a6b5c4d3e2f", "ip": "10.20.6.31", "node": "nomad-client-06", "port": 21409, "first": FIRST_CRASH + 73.1},
]
HOTFIX_ALLOCS = [
    {"id": "f7e6d5c4-b3a2-4190-8f7e-6d5c4b3a2918", "ip": "10.20.4.17", "node": "nomad-client-04", "port": 30122},
    {"id": "a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d", "ip": "10.20.5.23", "node": "nomad-client-05", "port": 27750},
    {"id": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e", "ip": "10.20.6.31", "node": "nomad-client-06", "port": 25593},
]


def add(path, t, line):
    L.add(path, t, line)


# ----------------------------------------------------------------- crash-loop schedule per alloc
def build_schedule():
    for i, a in enumerate(ALLOCS):
        ups = []      # (start, end) windows where the BEAM is running
        crashes = []
        restarts = []
        start = T0 - 86400
        crash = a["first"]
        interval_start = None
        attempts = 0
        while crash < HOTFIX + 20:
            ups.append((start, crash))
            crashes.append(crash)
            if interval_start is None or crash - interval_start > 300:
                interval_start = crash
                attempts = 0
            attempts += 1
            if attempts <= 3:
                delay = 15.0 * R.uniform(1.0, 1.25)
                rs = crash + delay
                restarts.append((crash, rs, delay, False))
            else:
                rs = interval_start + 300 + 15.0 * R.uniform(1.0, 1.25)
                restarts.append((crash, rs, rs - crash, True))
                interval_start = None
                attempts = 0
            start = rs
            crash = rs + R.uniform(38, 70)
        if start < HOTFIX + 20 + 25 * i:
            ups.append((start, HOTFIX + 20 + 25 * i))
        a["ups"] = ups
        a["crashes"] = [c for c in crashes if c < HOTFIX + 20 + 25 * i]
        a["restarts"] = [r for r in restarts if r[0] < HOTFIX + 20 + 25 * i]
        a["stop"] = HOTFIX + 20 + 25 * i
        h = HOTFIX_ALLOCS[i]
        h["ups"] = [(a["stop"] + 6, T1 + 100)]


def alloc_up(a, t, passing_lag=10.0):
    for s, e in a["ups"]:
        if s + passing_lag <= t < e:
            return True
    return False


def healthy_backends(t):
    out = []
    for a in ALLOCS + HOTFIX_ALLOCS:
        if alloc_up(a, t):
            out.append(a)
    return out


def presence_try(t):
    """(ok, backend, error) for one presence call from ws-gateway or chat-api."""
    backends = healthy_backends(t)
    if not backends:
        return False, None, "refused"
    a = R.pick(backends)
    if a in ALLOCS:
        for s, e in a["ups"]:
            if s <= t < e and (t - s < 28 or e - t < 12) and s > T0:
                if R.random() < 0.6:
                    return False, a, "timeout"
            if s <= t < e and e - t < 12 and s <= T0:
                if R.random() < 0.5:
                    return False, a, "timeout"
    return True, a, None


# ----------------------------------------------------------------- formats
def rust(t, level, target, msg, **kw):
    fields = " ".join("%s=%s" % (k, v) for k, v in kw.items())
    pod = "ws-gateway-1" if R.random() < 0.5 else "ws-gateway-2"
    add("logs/ws-gateway/%s.log" % WSG[pod], t, "%s %5s %s: %s%s" % (iso(t, 6, True), level, target, msg, (" " + fields) if fields else ""))


WSG = {"ws-gateway-1": "ws-gateway-a7c2", "ws-gateway-2": "ws-gateway-f31b"}


def traefik(t_start, dur, client, method, path, status, size, router, server, ua, counter):
    add("logs/traefik/access.log", t_start + dur, '%s - - [%s] "%s %s HTTP/1.1" %d %d "-" "%s" %d "%s" "%s" %dms' % (
        client, strf(t_start, "%d/%b/%Y:%H:%M:%S +0000"), method, path, status, size, ua, counter, router, server, int(dur * 1000)))


def elixir(alloc, t, level, msg):
    add("logs/nomad/allocs/%s/alloc/logs/presence.stdout.0" % alloc["id"], t, "\n%s [%s] %s" % (strf(t, "%H:%M:%S.{ms}"), level, msg))


def estderr(alloc, t, text):
    add("logs/nomad/allocs/%s/alloc/logs/presence.stderr.0" % alloc["id"], t, text)


def nomad(node, t, level, msg):
    add("logs/nomad/clients/%s/nomad.log" % node, t, "%s [%s]%s%s" % (iso(t, 3, True), level, " " * (6 - len(level)), msg))


def consul(node, t, level, msg):
    add("logs/consul/%s/consul.log" % node, t, "%s [%s]%s%s" % (iso(t, 3, True), level, " " * (6 - len(level)), msg))


def logstash(t, level, logger, msg, thread=None, stack=None, **kw):
    d = {"@timestamp": iso(t, 3, True), "@version": "1", "message": msg, "logger_name": logger,
         "thread_name": thread or "DefaultDispatcher-worker-%d" % R.randrange(1, 17), "level": level,
         "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000}[level]}
    if stack:
        d["stack_trace"] = stack
    d.update(kw)
    d["service"] = "chat-api"
    pod = "chat-api-%s" % ("b4f1" if R.random() < 0.5 else "e92d")
    add("logs/chat-api/%s.json" % pod, t, jdump(d))


def push(t, level, msg, **kw):
    parts = ["ts=%s" % iso(t, 3, False, PDT), "level=%s" % level, 'msg="%s"' % msg]
    for k, v in kw.items():
        sv = str(v)
        parts.append('%s="%s"' % (k, sv) if (" " in sv or "=" in sv) else "%s=%s" % (k, sv))
    add("logs/push-svc/push-svc.log", t, " ".join(parts))


# ----------------------------------------------------------------- simulation
CLIENT_UAS = ["ChatCo/7.3.0 (iOS 18.0; iPhone16,1)", "ChatCo/7.3.0 (Android 15; Pixel 9)", "ChatCo/7.2.4 (iOS 17.6; iPhone14,5)",
              "ChatCo/7.2.4 (Android 14; SM-S918B)", "ChatCo-Desktop/3.9.1 (Windows 11)", "ChatCo-Desktop/3.9.1 (macOS 15.0)"]


def main():
    global L
    out = main_dir(sys.argv)
    L = LogSet(out)
    build_schedule()
    counter = [48_211_330]

    def cnt():
        counter[0] += 1
        return counter[0]

    # --- websocket clients (a sampled population)
    import heapq
    ev = []
    seq = [0]

    def push_ev(t, kind, data):
        seq[0] += 1
        heapq.heappush(ev, (t, seq[0], kind, data))

    clients = []
    for i in range(175):
        c = {"user": "u_%07d" % R.randrange(1000000, 9999999), "ip": R.public_ip(), "ua": R.pick(CLIENT_UAS), "backoff": 1.0,
             "alloc": None, "since": None}
        clients.append(c)
        push_ev(T0 + R.uniform(0, 600), "connect", i)
    # alloc crash events disconnect bound clients
    for a in ALLOCS:
        for cr in a["crashes"]:
            push_ev(cr + 0.05, "crash", a["id"])
    while ev:
        t, _, kind, data = heapq.heappop(ev)
        if t >= T1:
            continue
        if kind == "crash":
            dropped = [i for i, c in enumerate(clients) if c["alloc"] == data]
            a = [x for x in ALLOCS if x["id"] == data][0]
            rust(t + 0.4, "ERROR", "ws_gateway::presence", "presence node went away, dropping bound sessions",
                 node="%s:%d" % (a["ip"], a["port"]), sessions=len(dropped) * 37 + R.randrange(0, 30),
                 error="\"connection closed before message completed\"")
            for i in dropped:
                c = clients[i]
                dur = t + 0.5 - c["since"]
                rust(t + 0.5 + R.random() * 0.3, "INFO", "ws_gateway::session", "session closed", session_id=R.hexid(16), user_id=c["user"],
                     code=1012, reason="\"presence unavailable\"", duration_s="%.1f" % dur)
                traefik(c["since"], dur, c["ip"], "GET", "/socket/websocket?vsn=2.0.0", 101, 0, "ws@file", "http://10.20.3.%d:8443" % R.randrange(11, 13), c["ua"], cnt())
                c["alloc"] = None
                c["backoff"] = 1.0
                push_ev(t + 0.5 + R.uniform(0.2, 1.5), "connect", i)
            continue
        if kind == "connect":
            c = clients[data]
            ok, a, err = presence_try(t)
            if ok:
                c["alloc"] = a["id"] if a in ALLOCS else "hotfix"
                c["since"] = t
                c["backoff"] = 1.0
                if R.random() < 0.15:
                    rust(t + 0.03, "INFO", "ws_gateway::session", "session established", session_id=R.hexid(16), user_id=c["user"],
                         presence="%s:%d" % (a["ip"], a["port"]))
                # normal disconnect later
                life = R.lat(900, 0.8)
                push_ev(t + life, "close", data)
            else:
                dur = R.lat(0.035, 0.3) if err == "refused" else 5.0 + R.random() * 0.01
                if err == "refused":
                    rust(t + dur - 0.001, "WARN", "ws_gateway::session", "presence join failed, closing session", user_id=c["user"],
                         upstream="presence-svc.service.consul", error="\"no healthy presence-svc instances (consul: 0 passing)\"" if R.random() < 0.6 else
                         "\"error trying to connect: tcp connect error: Connection refused (os error 111)\"")
                else:
                    rust(t + dur - 0.001, "WARN", "ws_gateway::session", "presence join failed, closing session", user_id=c["user"],
                         upstream="%s:%d" % (a["ip"], a["port"]), error="\"join timed out after 5s\"")
                traefik(t, dur, c["ip"], "GET", "/socket/websocket?vsn=2.0.0", 101, 0, "ws@file", "http://10.20.3.%d:8443" % R.randrange(11, 13), c["ua"], cnt())
                c["backoff"] = min(60.0, c["backoff"] * 2)
                push_ev(t + dur + c["backoff"] * R.uniform(0.5, 1.0), "connect", data)
        elif kind == "close":
            c = clients[data]
            if c["alloc"] is None or c["since"] is None or t < c["since"]:
                continue
            if c["alloc"] != "hotfix":
                a = [x for x in ALLOCS if x["id"] == c["alloc"]][0]
                if not alloc_up(a, t, 0.0):
                    continue
            dur = t - c["since"]
            traefik(c["since"], dur, c["ip"], "GET", "/socket/websocket?vsn=2.0.0", 101, 0, "ws@file", "http://10.20.3.%d:8443" % R.randrange(11, 13), c["ua"], cnt())
            c["alloc"] = None
            push_ev(t + R.uniform(30, 600), "connect", data)
    # --- chat-api message sends + REST traffic
    for t in R.arrivals(T0, T1, lambda t: 2.1):
        client = R.public_ip()
        ua = R.pick(CLIENT_UAS)
        k = R.wpick([("send", 40), ("history", 35), ("contacts", 15), ("profile", 10)])
        if k == "send":
            d = R.lat(0.025, 0.35)
            backends, pa, perr = presence_try(t)
            conv = "c_%s" % R.alnum(10)
            recipients = R.randrange(1, 6)
            if backends:
                offline = sum(1 for _ in range(recipients) if R.random() < 0.35)
            else:
                offline = recipients
                d += 0.003 if perr == "refused" else 1.5
                if perr == "timeout":
                    logstash(t + d, "WARN", "com.chatco.chat.presence.PresenceClient", "presence lookup failed, assuming all %d recipients offline" % recipients,
                             stack="io.ktor.client.plugins.HttpRequestTimeoutException: Request timeout has expired [url=http://%s:%d/v1/presence/bulk, request_timeout=1500 ms]\n\tat io.ktor.client.plugins.HttpTimeout$Plugin$install$1$1$killer$1.invokeSuspend(HttpTimeout.kt:165)\n\tat com.chatco.chat.presence.PresenceClient.bulkStatus(PresenceClient.kt:61)\n\tat com.chatco.chat.messages.DeliveryService.fanOut(DeliveryService.kt:118)" % (pa["ip"], pa["port"]),
                             conversation_id=conv, upstream="http://presence-svc.service.consul:4000/v1/presence/bulk")
                else:
                  logstash(t + 0.004, "WARN", "com.chatco.chat.presence.PresenceClient", "presence lookup failed, assuming all %d recipients offline" % recipients,
                         stack="java.net.ConnectException: Connection refused\n\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)\n\tat java.base/sun.nio.ch.Net.pollConnectNow(Net.java:682)\n"
                               "\tat java.base/sun.nio.ch.SocketChannelImpl.finishConnect(SocketChannelImpl.java:973)\n\tat io.ktor.network.sockets.SocketImpl.connect$ktor_network(SocketImpl.kt:50)\n"
                               "\tat com.chatco.chat.presence.PresenceClient.bulkStatus(PresenceClient.kt:61)\n\tat com.chatco.chat.messages.DeliveryService.fanOut(DeliveryService.kt:118)",
                         conversation_id=conv, upstream="http://presence-svc.service.consul:4000/v1/presence/bulk")
            if R.random() < 0.05:
                logstash(t + d, "INFO", "com.chatco.chat.messages.MessageController", "message accepted", conversation_id=conv, recipients=recipients, offline=offline)
            for _ in range(offline):
                tp = t + d + R.uniform(0.05, 0.4)
                throttled = (not backends) and R.random() < 0.8
                if throttled:
                    push(tp, "error", "apns push rejected", provider="apns", status=429, reason="TooManyRequests", topic="com.chatco.ios", retry_after="30s")
                elif R.random() < 0.12:
                    push(tp, "info", "push delivered", provider=R.pick(["apns", "fcm"]), latency_ms=R.randrange(40, 300))
            traefik(t, d, client, "POST", "/api/v2/conversations/%s/messages" % conv, 201, R.randrange(200, 600), "chat-api@consulcatalog",
                    "http://10.20.%d.%d:8080" % (R.randrange(7, 9), R.randrange(40, 60)), ua, cnt())
        else:
            path = {"history": "/api/v2/conversations/c_%s/messages?before=%d" % (R.alnum(10), R.randrange(10 ** 9, 2 * 10 ** 9)),
                    "contacts": "/api/v2/contacts?presence=true", "profile": "/api/v2/me"}[k]
            d = R.lat(0.03, 0.4)
            status = 200
            if k == "contacts" and not presence_try(t)[0]:
                logstash(t + d, "WARN", "com.chatco.chat.presence.PresenceClient", "presence lookup failed, returning contacts without presence",
                         upstream="http://presence-svc.service.consul:4000/v1/presence/bulk")
            traefik(t, d, client, "GET", path, status, R.randrange(400, 9000), "chat-api@consulcatalog",
                    "http://10.20.%d.%d:8080" % (R.randrange(7, 9), R.randrange(40, 60)), ua, cnt())
    platform()
    sizes = L.write()
    report(out, sizes)
    crashes = sum(len(a["crashes"]) for a in ALLOCS)
    sys.stderr.write("crashes: %d\n" % crashes)
    write_truth(out, {
        "root_cause": {"service": "presence-svc", "fault": "crash-loop-beam-atom-table-exhausted", "start": iso(FIRST_CRASH, 3)},
        "propagation": ["presence-svc", "ws-gateway", "traefik"],
        "affected": ["presence-svc", "ws-gateway", "chat-api", "push-svc", "traefik"],
        "acceptable_roots": ["presence"],
        "notes": (
            "presence-svc is an Elixir/Phoenix release run by Nomad (job presence-svc, 3 allocs on nomad-client-04/05/06, "
            "registered in Consul as presence-svc). Its JSON decoding uses keys: :atoms; mobile 7.3.0 sends per-device "
            "custom field keys, so the atom table (limit 1,048,576) grows; presence's own vm-stats warning reports "
            "atom_count rising from ~79% at 13:5x. At 14:11:37.214Z the first BEAM dies with 'no more index entries in "
            "atom_tab (max=1048576)' (alloc stderr, crash dump) and the other two follow within 75 s. Nomad restarts "
            "each after ~15 s; ws-gateway's reconnect storm (all dropped sessions rejoin) refills the table and the nodes "
            "crash again after 70-120 s; after 3 restarts in 5m the restart policy (mode=delay) parks the alloc. "
            "Presence logs only at :warning (time-of-day only, no date, blank line between entries). Propagation: "
            "ws-gateway drops sessions bound to a dead node (code 1012) and rejects joins while Consul has 0 passing "
            "instances; clients reconnect with backoff (Traefik shows bursts of short 101 websocket lines); chat-api "
            "cannot look up presence and treats every recipient as offline, so push-svc's volume jumps and APNs "
            "answers 429 (loud downstream symptom). Hotfix deploy presence-svc 2.14.1 (keys: :strings) at 14:36:20Z; "
            "new allocs stay up and everything recovers. Clock quirks: presence stdout has HH:MM:SS.mmm only; push-svc "
            "logs in America/Los_Angeles (-07:00); Traefik CLF lines are written when the (long-lived) websocket closes "
            "but stamped with its start, so they are heavily out of order. Red herrings: chat-api 5.2.0 deploy at "
            "14:05:12Z; push-svc APNs 429 flood; a Consul memberlist suspect/flap of an unrelated node at 13:58; "
            "ws-gateway's routine 'connection reset without closing handshake' warnings."),
    })


def platform():
    # presence: vm stats warnings growing, then crash output
    for i, a in enumerate(ALLOCS):
        t = T0 + 60 + 37 * i + R.random()
        pct = 0.79 + 0.005 * i
        while t < a["first"]:
            cnt = int(1048576 * pct)
            elixir(a, t, "warning", "[Presence.VMStats] atom_count=%d atom_limit=1048576 (%.1f%%) process_count=%d memory_total=%dMB" % (
                cnt, pct * 100, R.randrange(180000, 240000), R.randrange(1800, 2300)))
            t += 300
            pct = min(0.9952, pct + 0.055 * (1 + (t - T0) / 2400))
        for k, (s, e) in enumerate(a["ups"]):
            if k > 0:
                elixir(a, s + 3.1, "warning", "[libcluster:nomad] unable to connect to :\"presence@%s\"" % R.pick([x["ip"] for x in ALLOCS if x is not a]))
                if e - s > 40:
                    elixir(a, s + 35, "warning", "[Presence.Tracker] shard %d: heartbeat backlog %d messages, delta sync with %d peers pending" % (
                        R.randrange(0, 16), R.randrange(5000, 40000), R.randrange(0, 3)))
        for cr in a["crashes"]:
            estderr(a, cr, "no more index entries in atom_tab (max=1048576)\n\nCrash dump is being written to: erl_crash.dump...done")
    for i, h in enumerate(HOTFIX_ALLOCS):
        s = h["ups"][0][0]
        elixir(h, s + 2.2, "warning", "[Presence.VMStats] atom_count=%d atom_limit=1048576 (%d%%) process_count=%d memory_total=%dMB" % (
            R.randrange(41000, 43000), 4, R.randrange(40000, 90000), R.randrange(400, 700)))
        t = s + 300
        while t < T1:
            elixir(h, t, "warning", "[Presence.VMStats] atom_count=%d atom_limit=1048576 (%d%%) process_count=%d memory_total=%dMB" % (
                R.randrange(43000, 45000), 4, R.randrange(180000, 240000), R.randrange(1500, 2000)))
            t += 300
    # nomad client logs
    for a in ALLOCS:
        node = a["node"]
        for (cr, rs, delay, exceeded) in a["restarts"]:
            nomad(node, cr + 0.2, "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=presence type=Terminated msg=\"Exit Code: 1\" failed=false" % a["id"])
            if exceeded:
                nomad(node, cr + 0.21, "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=presence type=\"Not Restarting\" msg=\"Exceeded allowed attempts 3 in interval 5m0s and mode is \\\"delay\\\"\" failed=false" % a["id"])
            nomad(node, cr + 0.22, "INFO", "client.alloc_runner.task_runner: restarting task: alloc_id=%s task=presence reason=\"%s\" delay=%.6fs" % (
                a["id"], "Exceeded allowed attempts, applying a delay" if exceeded else "Restart within policy", delay))
            nomad(node, cr + 0.23, "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=presence type=Restarting msg=\"Task restarting in %.6fs\" failed=false" % (a["id"], delay))
            nomad(node, rs, "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=presence type=Started msg=\"Task started by client\" failed=false" % a["id"])
        nomad(node, a["stop"], "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=presence type=Killing msg=\"Sent interrupt. Waiting 30s before force killing\" failed=false" % a["id"])
        nomad(node, a["stop"] + 1.1, "INFO", "client.gc: marking allocation for GC: alloc_id=%s" % a["id"])
    for h in HOTFIX_ALLOCS:
        s = h["ups"][0][0]
        nomad(h["node"], s - 5, "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=presence type=Received msg=\"Task received by client\" failed=false" % h["id"])
        nomad(h["node"], s - 4.5, "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=presence type=Driver msg=\"Downloading image\" failed=false" % h["id"])
        nomad(h["node"], s, "INFO", "client.alloc_runner.task_runner: Task event: alloc_id=%s task=presence type=Started msg=\"Task started by client\" failed=false" % h["id"])
        nomad(h["node"], s - 4.9, "INFO", "client.alloc_runner: allocation update: alloc_id=%s job=presence-svc version=19 image=registry.chatco.internal/presence-svc:2.14.1" % h["id"])
    for node in ("nomad-client-04", "nomad-client-05", "nomad-client-06"):
        t = T0 + R.uniform(0, 30)
        while t < T1:
            nomad(node, t, "INFO", "client: node registration complete") if R.random() < 0.02 else \
                nomad(node, t, "INFO", "client.gc: garbage collection skipped because no terminal allocations: reason=\"number of allocations (%d) is over the limit (50)\"" % R.randrange(51, 60)) if R.random() < 0.3 else \
                nomad(node, t, "INFO", "agent: (runner) rendered \"(dynamic)\" => \"/opt/nomad/data/alloc/%s/chat-api/local/app.env\"" % R.uuid())
            t += R.expovariate(1 / 120.0)
    # consul: health checks for presence
    for a in ALLOCS:
        chk = "_nomad-check-%s" % R.hexid(40)
        for (cr, rs, delay, exceeded) in a["restarts"]:
            consul(a["node"], cr + R.uniform(1, 9), "WARN", "agent: Check is now critical: check=%s" % chk)
            consul(a["node"], cr + R.uniform(9.5, 10), "WARN", "agent: Check socket connection failed: check=%s error=\"dial tcp %s:%d: connect: connection refused\"" % (chk, a["ip"], a["port"]))
            consul(a["node"], rs + R.uniform(9, 11), "INFO", "agent: Synced check: check=%s" % chk)
            consul(a["node"], rs + 10.5, "INFO", "agent: Check status changed: check=%s status=passing" % chk)
        consul(a["node"], a["stop"] + 0.5, "INFO", "agent: Deregistered service: service=_nomad-task-%s-presence-presence-svc-http" % a["id"])
    for h in HOTFIX_ALLOCS:
        consul(h["node"], h["ups"][0][0] + 0.5, "INFO", "agent: Synced service: service=_nomad-task-%s-presence-presence-svc-http" % h["id"])
    for node in ("nomad-client-04", "nomad-client-05", "nomad-client-06"):
        t = T0 + R.uniform(0, 30)
        while t < T1:
            consul(node, t, "INFO", "agent: Synced check: check=_nomad-check-%s" % R.hexid(40))
            t += R.expovariate(1 / 90.0)
        flap = ts_of(2025, 10, 6, 13, 58, 12) + R.uniform(0, 2)
        consul(node, flap, "INFO", "agent.client.memberlist.lan: memberlist: Suspect nomad-client-11 has failed, no acks received")
        consul(node, flap + 6.1, "INFO", "agent.client.serf.lan: serf: EventMemberFailed: nomad-client-11 10.20.11.9")
        consul(node, flap + 19.7, "INFO", "agent.client.serf.lan: serf: EventMemberJoin: nomad-client-11 10.20.11.9")
    # chat-api deploy
    for pod in ("b4f1", "e92d"):
        st = CHAT_DEPLOY + (0 if pod == "b4f1" else 25)
        add("logs/chat-api/chat-api-%s.json" % pod, st, jdump({"@timestamp": iso(st, 3, True), "@version": "1", "message": "Application started in 6.412 seconds, version=5.2.0 (git 2e7f0ab)",
                                                                "logger_name": "com.chatco.chat.ApplicationKt", "thread_name": "main", "level": "INFO", "level_value": 20000, "service": "chat-api"}))
    # ws-gateway noise
    t = T0 + 4
    while t < T1:
        rust(t, "WARN", "tungstenite::protocol", "Connection reset without closing handshake", peer="%s:%d" % (R.public_ip(), R.randrange(1024, 65535)))
        t += R.expovariate(1 / 25.0)
    t = T0 + 8
    while t < T1:
        rust(t, "INFO", "ws_gateway::metrics", "sessions snapshot", active=R.randrange(180000, 200000) if not (FIRST_CRASH < t < HOTFIX + 60) else R.randrange(40000, 140000),
             joins_per_s=R.randrange(40, 80) if not (FIRST_CRASH < t < HOTFIX + 60) else R.randrange(900, 4000))
        t += 60
    # push-svc baseline
    t = T0
    while t < T1:
        push(t, "info", "apns connection pool stats", open=32, in_flight=R.randrange(0, 40), sent_1m=R.randrange(2500, 4000) if not (FIRST_CRASH < t < HOTFIX + 60) else R.randrange(14000, 30000))
        t += 60


if __name__ == "__main__":
    main()
