#!/usr/bin/env python3
"""Generate the logs for this case (deterministic, stdlib only)."""
import os, shutil, random, math
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
R = random.Random(5122026)

def ep(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()

T0 = ep("2026-05-12T08:50:00")
T_END = ep("2026-05-12T09:35:00")
T_DEPLOY = ep("2026-05-12T08:58:31")
T_POISON = ep("2026-05-12T09:11:04") + 0.2219

def dtu(t):
    return datetime.fromtimestamp(t, tz=timezone.utc)

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def uuid():
    return "%08x-%04x-4%03x-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12), 0x8000 | R.getrandbits(14), R.getrandbits(48))

rows = []
seq = [0]
def emit(t, source, container, image, level, message):
    seq[0] += 1
    rows.append((t, seq[0], source, container, image, level, message))

HOST_A, HOST_B = "docker-prod-02", "docker-prod-03"
IMG = {"oauth2-proxy": "quay.io/oauth2-proxy/oauth2-proxy:v7.6.0", "billing-api": "registry.internal/billing/billing-api:2026.05.12-1",
       "billing-api-old": "registry.internal/billing/billing-api:2026.05.07-2", "invoice-worker": "registry.internal/billing/invoice-worker:2026.04.29-1",
       "rabbitmq": "rabbitmq:3.12.14-management", "reports-cron": "registry.internal/billing/reports-cron:1.4.0", "notifier": "registry.internal/billing/notifier:0.8.3"}

# ---------------------------------------------------------------- formats
def ruby(t, pid, sev, msg, progname=""):
    d = dtu(t)
    us = int(round(t * 1e6)) % 1000000
    return "%s, [%s.%06d #%d] %5s -- %s: %s" % (sev[0], d.strftime("%Y-%m-%dT%H:%M:%S"), us, pid, sev, progname, msg)

def rack(t_end, ip, user, method, path, status, length, dur):
    return '%s - %s [%s] "%s %s HTTP/1.1" %d %s %0.4f' % (ip, user or "-", dtu(t_end).strftime("%d/%b/%Y:%H:%M:%S +0000"), method, path, status, length, dur)

def rmq(t, level, pid, msg):
    us = int(round(t * 1e6)) % 1000000
    return "%s.%06d+00:00 [%s] %s %s" % (dtu(t).strftime("%Y-%m-%d %H:%M:%S"), us, level, pid, msg)

def o2p(client, rid, user, t, host, method, upstream, uri, ua, status, size, dur):
    return '%s - %s - %s [%s] %s %s %s "%s" HTTP/1.1 "%s" %d %d %.3f' % (client, rid, user, dtu(t).strftime("%Y/%m/%d %H:%M:%S"), host, method, upstream, uri, ua, status, size, dur)

# ---------------------------------------------------------------- actors
USERS = ["%s@%s" % (n, d) for n, d in zip(
    ["alice", "bob.k", "c.meyer", "dana", "e.rossi", "farid", "g.novak", "hana", "ivo", "j.smith", "kat", "l.dubois", "m.perez", "nora", "oleg", "p.lind", "quinn", "r.sato", "sven", "tara"] * 3,
    ["acme-corp.com", "globex.io", "initech.de", "umbrella.nl", "hooli.com", "vandelay.co.uk", "stark.eu", "wayne.fr", "tyrell.se", "cyberdyne.at"] * 6)]
CLIENTS = ["%d.%d.%d.%d" % (R.choice([5, 31, 46, 62, 80, 84, 91, 95, 145, 185, 188, 193, 212, 217]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)) for _ in range(120)]
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
       "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"]
BILLING = [("billing-api-1", HOST_A, "172.18.0.9"), ("billing-api-2", HOST_B, "172.19.0.11")]
WORKERS = [("invoice-worker-1", HOST_A, "172.18.0.7"), ("invoice-worker-2", HOST_B, "10.20.0.13")]
RMQ = ("rabbitmq-1", HOST_A, "172.18.0.4")
OAUTH = ("oauth2-proxy-1", HOST_A)
erl = [31012]
def epid():
    erl[0] += R.randint(3, 40)
    return "<0.%d.0>" % erl[0]

billing_pid = {"billing-api-1": [12, 14, 16], "billing-api-2": [11, 13, 15]}

def blog(b, t, sev, msg):
    pid = R.choice(billing_pid[b[0]] if t >= T_DEPLOY + 12 else [7, 9, 10])
    emit(t, b[1], b[0], IMG["billing-api"] if t >= T_DEPLOY + 8 else IMG["billing-api-old"], 6, ruby(t, pid, sev, msg))

# ---------------------------------------------------------------- worker state machine
worker_alive = {w[0]: True for w in WORKERS}
crash_windows = {w[0]: [] for w in WORKERS}   # (crash_t, back_t)
conns = {}

def wlog(w, t, sev, msg):
    emit(t, w[1], w[0], IMG["invoice-worker"], 6, ruby(t, 1, sev, msg))

def worker_connect(w, t):
    pid = epid()
    port = R.randint(40000, 60000)
    conns[w[0]] = (pid, port)
    emit(t, RMQ[1], RMQ[0], IMG["rabbitmq"], 6, rmq(t, "info", pid, "accepting AMQP connection %s (%s:%d -> %s:5672)" % (pid, w[2], port, RMQ[2])))
    emit(t + 0.003, RMQ[1], RMQ[0], IMG["rabbitmq"], 6, rmq(t + 0.003, "info", pid, "connection %s (%s:%d -> %s:5672) has a client-provided name: invoice-worker" % (pid, w[2], port, RMQ[2])))
    emit(t + 0.005, RMQ[1], RMQ[0], IMG["rabbitmq"], 6, rmq(t + 0.005, "info", pid, "connection %s (%s:%d -> %s:5672 - invoice-worker): user 'invoice' authenticated and granted access to vhost 'billing'" % (pid, w[2], port, RMQ[2])))

def worker_start(w, t):
    wlog(w, t, "INFO", "Sneakers 2.12.0 starting: workers=1 threads=2 prefetch=4 amqp=amqp://invoice:***@rabbitmq:5672/billing")
    wlog(w, t + 0.41, "INFO", "[InvoiceRenderWorker] prawn 2.5.0, aws-sdk-s3 1.149.0, bucket=billing-invoices-prod")
    worker_connect(w, t + 0.63)
    wlog(w, t + 0.66, "INFO", "[InvoiceRenderWorker] subscribed to invoice.render (ack: true, prefetch: 4)")

def worker_crash(w, t):
    pid, port = conns[w[0]]
    emit(t + 0.004, RMQ[1], RMQ[0], IMG["rabbitmq"], 6, rmq(t + 0.004, "warning", pid, "closing AMQP connection %s (%s:%d -> %s:5672 - invoice-worker, vhost: 'billing', user: 'invoice'):" % (pid, w[2], port, RMQ[2])))
    emit(t + 0.004, RMQ[1], RMQ[0], IMG["rabbitmq"], 6, rmq(t + 0.004, "warning", pid, "client unexpectedly closed TCP connection"))

# long-lived connections existed before the window; nothing is logged for them until they die
for w in WORKERS:
    conns[w[0]] = ("<0.%d.0>" % R.randint(2000, 9000), R.randint(40000, 60000))

POISON = "INV-2026-04-018812"
# crash loop
t = T_POISON
victim = WORKERS[0]
cycle = 0
while t < T_END:
    cycle += 1
    wlog(victim, t, "INFO", "[InvoiceRenderWorker] rendering %s account=acct_7731 lines=183402 redelivered=%s" % (POISON, "false" if cycle == 1 else "true"))
    if R.random() < 0.5:
        wlog(victim, t + R.uniform(14, 22), "WARN", "[InvoiceRenderWorker] %s: line item table spans %d pages, this may take a while" % (POISON, 6113))
    crash = t + R.uniform(36, 47)
    if crash >= T_END:
        break
    worker_crash(victim, crash)
    crash_windows[victim[0]].append((t, crash + 3.2))
    back = crash + R.uniform(2.6, 3.4)
    if back < T_END:
        worker_start(victim, back)
    other = WORKERS[1] if victim is WORKERS[0] else WORKERS[0]
    if R.random() < 0.45:
        t = crash + R.uniform(0.05, 0.3)
        victim = other
    else:
        t = back + R.uniform(0.9, 1.5)

def busy(w, t):
    for a, b in crash_windows[w[0]]:
        if a <= t <= b:
            return True
    return False

# ---------------------------------------------------------------- request traffic
INV_IDS = ["INV-2026-%02d-%06d" % (R.choice([3, 4, 4, 5]), R.randint(1000, 20000)) for _ in range(900)]
ROUTES = [("GET", "/invoices", 0.28), ("GET", "/invoices/{id}", 0.2), ("GET", "/invoices/{id}/pdf", 0.12), ("GET", "/account", 0.18),
          ("GET", "/usage?period=2026-05", 0.12), ("POST", "/payment-methods", 0.03), ("PUT", "/account/billing-contact", 0.03), ("GET", "/healthz", 0.04)]

def pick():
    x, acc = R.random(), 0
    for m, p, w in ROUTES:
        acc += w
        if x < acc:
            return m, p
    return "GET", "/invoices"

def render_ok(t, inv, w):
    d = R.lognormvariate(0.1, 0.4)
    wlog(w, t, "INFO", "[InvoiceRenderWorker] rendering %s account=acct_%d lines=%d redelivered=false" % (inv, R.randint(1000, 9999), R.randint(3, 240)))
    if R.random() < 0.03:
        wlog(w, t + d * 0.8, "WARN", "[InvoiceRenderWorker] S3 put_object took %.1fs for %s.pdf" % (R.uniform(2.1, 4.4), inv))
    wlog(w, t + d, "INFO", "[InvoiceRenderWorker] %s rendered (%d KB) and uploaded to s3://billing-invoices-prod/%s.pdf in %dms" % (inv, R.randint(40, 900), inv, int(d * 1000)))
    return d

def pdf(t, b, user, rid):
    inv = R.choice(INV_IDS)
    path = "/invoices/%s/pdf" % inv
    blog(b, t + 0.002, "INFO", "[req=%s] invoice render RPC -> invoice.render invoice=%s" % (rid, inv))
    after = t > T_POISON + 6
    if after and R.random() < 0.93:
        # requests pile up behind the redelivered messages; workers keep dying before getting to them
        tt = t + 15.0 + R.uniform(0.001, 0.01)
        blog(b, tt, "WARN", "[req=%s] invoice render RPC timed out after 15.0s invoice=%s" % (rid, inv))
        blog(b, tt + 0.0005, "ERROR", "[req=%s] Billing::InvoiceRenderTimeout: no reply from invoice.render within 15.0s (correlation_id=%s)" % (rid, uuid()))
        return tt + 0.002, 504, path
    w = R.choice([w for w in WORKERS if not busy(w, t)] or WORKERS)
    d = render_ok(t + 0.01, inv, w)
    tt = t + 0.015 + d
    blog(b, tt, "INFO", "[req=%s] invoice %s ready url=https://billing-invoices-prod.s3.eu-central-1.amazonaws.com/%s.pdf" % (rid, inv, inv))
    notifier_event(tt + R.uniform(0.05, 0.3), inv)
    return tt + 0.003, 302, path

def notifier_event(t, inv):
    emit(t, HOST_B, "notifier-1", IMG["notifier"], 6, dtu(t).strftime("%Y/%m/%d %H:%M:%S ") + "invoice.ready %s: archived copy stored, no email (on-demand render)" % inv)

def request(t):
    method, path = pick()
    user = R.choice(USERS)
    client = R.choice(CLIENTS)
    ua = R.choice(UAS)
    rid = uuid()
    b = R.choice(BILLING)
    if path == "/healthz":
        tt = t + 0.002
        emit(tt, b[1], b[0], IMG["billing-api"] if t >= T_DEPLOY + 8 else IMG["billing-api-old"], 6, rack(tt, "172.18.0.1", None, "GET", "/healthz", 200, "15", tt - t))
        return
    if "{id}/pdf" in path:
        tt, st, real = pdf(t, b, user, rid[:8])
        length = "-" if st == 504 else "0"
    else:
        real = path.replace("{id}", R.choice(INV_IDS))
        d = R.lognormvariate(-3.4, 0.5)
        st = 200 if method == "GET" else (201 if method == "POST" else 200)
        if "/invoices/" in real and R.random() < 0.02:
            st = 404
            blog(b, t + d, "WARN", "[req=%s] invoice not found or not visible to %s: %s" % (rid[:8], user, real.rsplit("/", 1)[1]))
        tt = t + d
        length = str(R.randint(300, 24000)) if st < 400 else "46"
    emit(tt, b[1], b[0], IMG["billing-api"] if t >= T_DEPLOY + 8 else IMG["billing-api-old"], 6,
         rack(tt, "172.18.0.5", user, method, real, st, length, tt - t))
    emit(tt + 0.001, OAUTH[1], OAUTH[0], IMG["oauth2-proxy"], 6,
         o2p(client, rid, user, tt + 0.001, "billing.example.com", method, "billing-api", real, ua, st, 0 if length in ("-", "0") else int(length), tt - t + 0.001))

t = T0 + 0.2
while t < T_END:
    rate = 1.7 + 0.3 * math.sin((t - T0) / 600.0)
    t += R.expovariate(rate)
    if t < T_END:
        request(t)

# backlog messages that workers manage to render between crashes (their callers already gave up)
for w in WORKERS:
    for (a, b) in crash_windows[w[0]]:
        for k in range(R.randint(0, 2)):
            ts = b + R.uniform(1.0, 3.0) + k * 1.5
            inv = R.choice(INV_IDS)
            wlog(w, ts, "INFO", "[InvoiceRenderWorker] rendering %s account=acct_%d lines=%d redelivered=true" % (inv, R.randint(1000, 9999), R.randint(3, 240)))
            wlog(w, ts + R.uniform(0.8, 2.5), "INFO", "[InvoiceRenderWorker] %s rendered (%d KB) and uploaded to s3://billing-invoices-prod/%s.pdf in %dms" % (inv, R.randint(40, 900), inv, R.randint(800, 2500)))
            wlog(w, ts + 2.6, "WARN", "[InvoiceRenderWorker] reply for %s dropped: reply_to amq.rabbitmq.reply-to.g1h2AA5yZXBseUAyNzQ4NjU0Mw== no longer exists" % inv)

# ---------------------------------------------------------------- oauth2-proxy auth + noise
for k in range(160):
    ts = T0 + R.uniform(0, T_END - T0)
    emit(ts, OAUTH[1], OAUTH[0], IMG["oauth2-proxy"], 3, "[%s] [oauthproxy.go:1034] Error while loading CSRF cookie: http: named cookie not present" % dtu(ts).strftime("%Y/%m/%d %H:%M:%S"))
for k in range(70):
    ts = T0 + R.uniform(0, T_END - T0)
    u = R.choice(USERS)
    emit(ts, OAUTH[1], OAUTH[0], IMG["oauth2-proxy"], 6, "%s - %s - %s [%s] [AuthSuccess] Authenticated via OAuth2: Session{email:%s user:%s PreferredUsername: token:true id_token:true created:%s expires:%s refresh_token:true}" % (
        R.choice(CLIENTS), uuid(), u, dtu(ts).strftime("%Y/%m/%d %H:%M:%S"), u, hexid(24), dtu(ts).strftime("%Y-%m-%d %H:%M:%S.%f +0000 UTC"), dtu(ts + 3600).strftime("%Y-%m-%d %H:%M:%S.%f +0000 UTC")))

# ---------------------------------------------------------------- billing-api deploy (red herring)
for b in BILLING:
    ts = T_DEPLOY + (0 if b is BILLING[0] else 21.3)
    img = IMG["billing-api"]
    lines = ["Puma starting in cluster mode...", "* Puma version: 6.4.2 (ruby 3.3.1-p55) (\"The Eagle of Durango\")", "*  Min threads: 5", "*  Max threads: 5",
             "*  Environment: production", "*   Master PID: 1", "*      Workers: 3", "*     Restarts: (\u2714) hot (\u2716) phased",
             "* Preloading application", "* Listening on http://0.0.0.0:9292", "Use Ctrl-C to stop"]
    emit(ts - 1.5, b[1], b[0], IMG["billing-api-old"], 6, "[1] - Gracefully shutting down workers...")
    emit(ts - 0.9, b[1], b[0], IMG["billing-api-old"], 6, "[1] === puma shutdown: %s ===" % dtu(ts - 0.9).strftime("%Y-%m-%d %H:%M:%S +0000"))
    emit(ts - 0.89, b[1], b[0], IMG["billing-api-old"], 6, "[1] - Goodbye!")
    for i, l in enumerate(lines):
        emit(ts + 1.2 + i * 0.002 + (1.6 if i >= 8 else 0), b[1], b[0], img, 6, "[1] " + l)
    for i, pid in enumerate(billing_pid[b[0]]):
        emit(ts + 3.1 + i * 0.05, b[1], b[0], img, 6, "[1] - Worker %d (PID: %d) booted in 0.41s, phase: 0" % (i, pid))
    emit(ts + 3.4, b[1], b[0], img, 3, "W, [%s.%06d #1]  WARN -- : [Billing::Config] ENV BILLING_LEGACY_TAX_MODE is deprecated and will be removed in 2026.06" % (dtu(ts + 3.4).strftime("%Y-%m-%dT%H:%M:%S"), R.randint(0, 999999)))

# ---------------------------------------------------------------- rabbitmq background, reports-cron (exits without closing)
for k in range(int((T_END - T0) / 300) + 1):
    ts = T0 + 12 + k * 300 + R.uniform(0, 2)
    if ts >= T_END:
        break
    pid = epid()
    port = R.randint(40000, 60000)
    ip = "10.20.0.13"
    emit(ts, RMQ[1], RMQ[0], IMG["rabbitmq"], 6, rmq(ts, "info", pid, "accepting AMQP connection %s (%s:%d -> %s:5672)" % (pid, ip, port, RMQ[2])))
    emit(ts + 0.004, RMQ[1], RMQ[0], IMG["rabbitmq"], 6, rmq(ts + 0.004, "info", pid, "connection %s (%s:%d -> %s:5672): user 'reports' authenticated and granted access to vhost 'billing'" % (pid, ip, port, RMQ[2])))
    emit(ts + 0.6, HOST_B, "reports-cron-%d" % (k + 1), IMG["reports-cron"], 6, dtu(ts + 0.6).strftime("%Y-%m-%dT%H:%M:%SZ") + " queued report usage-rollup for period 2026-05 (%d accounts)" % R.randint(1800, 1900))
    emit(ts + 0.7, RMQ[1], RMQ[0], IMG["rabbitmq"], 6, rmq(ts + 0.7, "warning", pid, "closing AMQP connection %s (%s:%d -> %s:5672, vhost: 'billing', user: 'reports'):" % (pid, ip, port, RMQ[2])))
    emit(ts + 0.7, RMQ[1], RMQ[0], IMG["rabbitmq"], 6, rmq(ts + 0.7, "warning", pid, "client unexpectedly closed TCP connection"))
for k in range(int((T_END - T0) / 600)):
    ts = T0 + 200 + k * 600 + R.uniform(0, 20)
    emit(ts, RMQ[1], RMQ[0], IMG["rabbitmq"], 6, rmq(ts, "warning", "<0.%d.0>" % R.randint(600, 900), "Queue 'invoice.render' in vhost 'billing': policy 'lazy-queues' sets deprecated queue-mode 'lazy', it has no effect since RabbitMQ 3.12"))
for k in range(40):
    ts = T0 + R.uniform(0, T_END - T0)
    emit(ts, HOST_B, "notifier-1", IMG["notifier"], 6, dtu(ts).strftime("%Y/%m/%d %H:%M:%S ") + "payment.succeeded %s: receipt email queued to %s" % ("pi_" + hexid(24), R.choice(USERS)))

# ---------------------------------------------------------------- Graylog "Export to CSV" (sorted by timestamp, newest first)
def q(v):
    return '"' + v.replace('"', '""') + '"'

shutil.rmtree(LOGS, ignore_errors=True)
os.makedirs(LOGS)
rows.sort(key=lambda r: (int(round(r[0] * 1000)), r[1]), reverse=True)
with open(os.path.join(LOGS, "graylog-search-result-billing-prod.csv"), "w", newline="") as f:
    f.write(",".join(q(h) for h in ["timestamp", "source", "container_name", "image_name", "level", "message"]) + "\n")
    for t, _, src, cont, img, lvl, msg in rows:
        ms = int(round(t * 1000))
        ts = dtu(ms // 1000).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)
        f.write(",".join([q(ts), q(src), q(cont), q(img), q(str(lvl)), q(msg)]) + "\n")
