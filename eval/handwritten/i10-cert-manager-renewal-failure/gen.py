#!/usr/bin/env python3
"""Generate the logs for this case (deterministic, stdlib only)."""
import os, shutil, random, json, math
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
R = random.Random(3142026)

def ep(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()

T0 = ep("2026-03-14T08:34:00")
T_END = ep("2026-03-14T09:27:30")
T_EXPIRE = ep("2026-03-14T09:12:00")       # NotAfter of payments/ledger-grpc-tls
T_WALLET_DEPLOY = ep("2026-03-14T09:01:37")
MAX_CONN_AGE = 600.0                        # ledger: NettyServerBuilder.maxConnectionAge(10m)

def dtu(t):
    return datetime.fromtimestamp(t, tz=timezone.utc)

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def uuid():
    return "%08x-%04x-4%03x-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12), 0x8000 | R.getrandbits(14), R.getrandbits(48))

logs = {}   # (ns, pod, container) -> rows
seq = [0]
def emit(ns, pod, cont, t, text):
    seq[0] += 1
    logs.setdefault((ns, pod, cont), []).append((t, seq[0], text))

# ------------------------------------------------------------------ formats
def klog(t, sev, file_line, msg, kv):
    us = int(round(t * 1e6))
    d = dtu(us // 1000000)
    s = "%s%s %s.%06d       1 %s] %s" % (sev, d.strftime("%m%d"), d.strftime("%H:%M:%S"), us % 1000000, file_line, json.dumps(msg))
    for k, v in kv:
        s += " %s=%s" % (k, json.dumps(v) if isinstance(v, str) else v)
    return s

def jul(t, cls, method, level, msg):
    d = dtu(t)
    h = d.hour % 12 or 12
    head = "%s %02d, %d %d:%02d:%02d %s %s %s" % (d.strftime("%b"), d.day, d.year, h, d.minute, d.second, "AM" if d.hour < 12 else "PM", cls, method)
    return head + "\n" + "%s: %s" % (level, msg)

def zc(t, lvl, msg, fields):
    """zerolog.ConsoleWriter{Out: os.Stdout, NoColor: true, TimeFormat: time.RFC3339}"""
    s = "%s %s %s" % (dtu(t).strftime("%Y-%m-%dT%H:%M:%SZ"), lvl, msg)
    keys = sorted(k for k, _ in fields if k != "error")
    fd = dict(fields)
    order = (["error"] if "error" in fd else []) + keys
    for k in order:
        v = str(fd[k])
        if any(c in v for c in ' "=\\') or v == "":
            v = json.dumps(v)
        s += " %s=%s" % (k, v)
    return s

# ------------------------------------------------------------------ pods
LEDGER = [("ledger-6f7b9c8d4-2xkpz", "10.42.3.17"), ("ledger-6f7b9c8d4-qm7wt", "10.42.5.9")]
PAY = [("payments-api-7c9d8f6b5-4nq2k", "10.42.1.23"), ("payments-api-7c9d8f6b5-9vxbt", "10.42.2.31"), ("payments-api-7c9d8f6b5-rt6dl", "10.42.4.12")]
WAL_OLD = [("wallet-api-5b8c7d9f6-h2kxs", "10.42.1.40"), ("wallet-api-5b8c7d9f6-z8pqm", "10.42.4.27")]
WAL_NEW = [("wallet-api-6d4f8b7c9-7wlrn", "10.42.2.55"), ("wallet-api-6d4f8b7c9-xk3vd", "10.42.5.33")]
WAL_SWAP = [T_WALLET_DEPLOY + 11.2, T_WALLET_DEPLOY + 34.8]
SKIPPER = [("skipper-ingress-7f6c5d9b8-bz5mv", "10.42.0.14"), ("skipper-ingress-7f6c5d9b8-l9rtq", "10.42.3.8")]
CM = "cert-manager-6c9b7d8f54-wq2lx"
CM_CAINJ = "cert-manager-cainjector-7b5d9c6f8-mx4hp"
CM_WH = "cert-manager-webhook-5f8d6c7b9-t7kzn"

def wallet_pods(t):
    return [WAL_NEW[i] if t >= WAL_SWAP[i] else WAL_OLD[i] for i in range(2)]

# ------------------------------------------------------------------ gRPC client connection model
# each client pod keeps one HTTP/2 connection per ledger pod; the server sends GOAWAY at maxConnectionAge,
# the client reconnects; after NotAfter every new TLS handshake fails and grpc-go backs off exponentially.
subconns = {}   # (client_pod, ledger_pod) -> dict(established, failing_since)
handshake_failures = []  # (t, client_ip, ledger_pod)

def plan_subconn(client, lp, t_est):
    sc = {"est": t_est, "fail_from": None}
    t = t_est
    while True:
        t_goaway = t + MAX_CONN_AGE * R.uniform(0.9, 1.0)
        if t_goaway >= T_END:
            break
        reconnect = t_goaway + R.uniform(0.001, 0.05)
        if reconnect < T_EXPIRE:
            t = reconnect
            continue
        sc["fail_from"] = reconnect
        # grpc-go backoff: base 1s, multiplier 1.6, jitter 0.2, max 120s
        b = 1.0
        tt = reconnect
        while tt < T_END:
            handshake_failures.append((tt, client[1], lp))
            tt += b * R.uniform(0.8, 1.2)
            b = min(120.0, b * 1.6)
        break
    subconns[(client[0], lp[0])] = sc

for c in PAY + WAL_OLD:
    for lp in LEDGER:
        plan_subconn(c, lp, T0 - R.uniform(0, MAX_CONN_AGE))
for i, c in enumerate(WAL_NEW):
    for lp in LEDGER:
        plan_subconn(c, lp, WAL_SWAP[i] - 7 + R.uniform(0, 0.5))

def client_broken(client, t):
    """RPCs fail when no ledger subconn is READY"""
    for lp in LEDGER:
        sc = subconns[(client[0], lp[0])]
        if sc["fail_from"] is None or t < sc["fail_from"]:
            return False
    return True

def ledger_for(client, t):
    ok = [lp for lp in LEDGER if subconns[(client[0], lp[0])]["fail_from"] is None or t < subconns[(client[0], lp[0])]["fail_from"]]
    return R.choice(ok)

TLS_ERR = ('rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: tls: failed to verify certificate: '
           'x509: certificate has expired or is not yet valid: current time %s is after 2026-03-14T09:12:00Z"')

# ------------------------------------------------------------------ ledger server logs (grpc-java, JUL SimpleFormatter)
STACK = ("io.grpc.netty.shaded.io.netty.handler.codec.DecoderException: javax.net.ssl.SSLHandshakeException: Received fatal alert: bad_certificate\n"
         "\tat io.grpc.netty.shaded.io.netty.handler.codec.ByteToMessageDecoder.callDecode(ByteToMessageDecoder.java:499)\n"
         "\tat io.grpc.netty.shaded.io.netty.handler.codec.ByteToMessageDecoder.channelRead(ByteToMessageDecoder.java:290)\n"
         "\tat io.grpc.netty.shaded.io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:444)\n"
         "\tat io.grpc.netty.shaded.io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:420)\n"
         "\tat io.grpc.netty.shaded.io.netty.channel.AbstractChannelHandlerContext.fireChannelRead(AbstractChannelHandlerContext.java:412)\n"
         "\tat io.grpc.netty.shaded.io.netty.channel.DefaultChannelPipeline$HeadContext.channelRead(DefaultChannelPipeline.java:1410)\n"
         "\tat io.grpc.netty.shaded.io.netty.channel.DefaultChannelPipeline.fireChannelRead(DefaultChannelPipeline.java:919)\n"
         "\tat io.grpc.netty.shaded.io.netty.channel.epoll.AbstractEpollStreamChannel$EpollStreamUnsafe.epollInReady(AbstractEpollStreamChannel.java:800)\n"
         "\tat io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoop.processReady(EpollEventLoop.java:509)\n"
         "\tat io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoop.run(EpollEventLoop.java:407)\n"
         "\tat io.grpc.netty.shaded.io.netty.util.concurrent.SingleThreadEventExecutor$4.run(SingleThreadEventExecutor.java:997)\n"
         "\tat io.grpc.netty.shaded.io.netty.util.internal.ThreadExecutorMap$2.run(ThreadExecutorMap.java:74)\n"
         "\tat io.grpc.netty.shaded.io.netty.util.concurrent.FastThreadLocalRunnable.run(FastThreadLocalRunnable.java:30)\n"
         "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
         "Caused by: javax.net.ssl.SSLHandshakeException: Received fatal alert: bad_certificate\n"
         "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)\n"
         "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:117)\n"
         "\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:365)\n"
         "\tat java.base/sun.security.ssl.Alert$AlertConsumer.consume(Alert.java:287)\n"
         "\tat java.base/sun.security.ssl.TransportContext.dispatch(TransportContext.java:204)\n"
         "\tat java.base/sun.security.ssl.SSLTransport.decode(SSLTransport.java:172)\n"
         "\tat java.base/sun.security.ssl.SSLEngineImpl.decode(SSLEngineImpl.java:736)\n"
         "\tat java.base/sun.security.ssl.SSLEngineImpl.readRecord(SSLEngineImpl.java:691)\n"
         "\tat java.base/sun.security.ssl.SSLEngineImpl.unwrap(SSLEngineImpl.java:506)\n"
         "\tat java.base/sun.security.ssl.SSLEngineImpl.unwrap(SSLEngineImpl.java:482)\n"
         "\tat java.base/javax.net.ssl.SSLEngine.unwrap(SSLEngine.java:679)\n"
         "\tat io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler$SslEngineType$3.unwrap(SslHandler.java:309)\n"
         "\tat io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler.unwrap(SslHandler.java:1441)\n"
         "\tat io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler.decodeJdkCompatible(SslHandler.java:1334)\n"
         "\tat io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler.decode(SslHandler.java:1383)\n"
         "\tat io.grpc.netty.shaded.io.netty.handler.codec.ByteToMessageDecoder.decodeRemovalReentryProtection(ByteToMessageDecoder.java:529)\n"
         "\tat io.grpc.netty.shaded.io.netty.handler.codec.ByteToMessageDecoder.callDecode(ByteToMessageDecoder.java:468)\n"
         "\t... 12 more")

for t, cip, lp in handshake_failures:
    emit("payments", lp[0], "ledger", t + 0.002, jul(t + 0.002, "io.grpc.netty.shaded.io.grpc.netty.NettyServerTransport", "notifyTerminated", "INFO", "Transport failed") + "\n" + STACK)

def ledger_rpc(t, lp, method, caller):
    d = R.lognormvariate(-4.7, 0.4)
    acct = "acct_" + hexid(12)
    if method == "PostEntries":
        msg = "PostEntries ok caller=%s account=%s entries=%d took=%dms" % (caller, acct, R.choice([2, 2, 2, 4]), int(d * 1000))
    else:
        msg = "%s ok caller=%s account=%s took=%dms" % (method, caller, acct, int(d * 1000))
    emit("payments", lp[0], "ledger", t + d, jul(t + d, "com.paylane.ledger.grpc.AuditInterceptor$1", "onComplete", "INFO", msg))
    return d

for lp in LEDGER:
    for k in range(int((T_END - T0) / 300)):
        ts = T0 + 60 + k * 300 + R.uniform(0, 3)
        emit("payments", lp[0], "ledger", ts, jul(ts, "com.paylane.ledger.store.OutboxRelay", "run", "INFO", "Relayed %d outbox events to kafka topic ledger.entries.v1" % R.randint(200, 900)))
    ts = T0 + R.uniform(300, 900)
    emit("payments", lp[0], "ledger", ts, jul(ts, "com.zaxxer.hikari.pool.HikariPool", "run", "WARNING",
         "HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m2s361ms)."))

# ------------------------------------------------------------------ request traffic: skipper -> payments-api / wallet-api -> ledger
CLIENTS = ["%d.%d.%d.%d" % (R.choice([3, 18, 34, 35, 52, 54, 81, 85, 91, 145, 185, 194, 212]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)) for _ in range(300)]
UAS = ["paylane-python/3.4.1", "paylane-node/5.2.0", "okhttp/4.12.0", "Go-http-client/2.0", "PaylaneiOS/7.3.2 CFNetwork/1490.0.4 Darwin/23.2.0", "paylane-php/2.9.0"]

def skipper_access(sk, t_start, t_end, ip, method, path, status, size, ua, flow):
    line = '%s - - [%s] "%s %s HTTP/1.1" %d %d "-" "%s" %d api.paylane.io %s -' % (
        ip, dtu(t_start).strftime("%d/%b/%Y:%H:%M:%S +0000"), method, path, status, size, ua, int((t_end - t_start) * 1000), flow)
    emit("ingress", sk[0], "skipper-ingress", t_end, line)

def handle(t):
    sk = R.choice(SKIPPER)
    ip, ua = R.choice(CLIENTS), R.choice(UAS)
    flow = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(16))
    rid = uuid()
    x = R.random()
    if x < 0.62:
        svc = "payments-api"
        pod = R.choice(PAY)
        if x < 0.40:
            method, path, rpc, ok = "POST", "/v1/payments", "PostEntries", 201
        elif x < 0.52:
            method, path, rpc, ok = "GET", "/v1/payments/pay_" + hexid(16), "GetTransfer", 200
        else:
            method, path, rpc, ok = "POST", "/v1/refunds", "PostEntries", 201
    else:
        svc = "wallet-api"
        pod = R.choice(wallet_pods(t))
        if x < 0.86:
            method, path, rpc, ok = "GET", "/v1/wallets/wal_%s/balance" % hexid(12), "GetBalance", 200
        else:
            method, path, rpc, ok = "POST", "/v1/wallets/wal_%s/topups" % hexid(12), "PostEntries", 201
    cur = t + R.uniform(0.0005, 0.002)
    if client_broken(pod, cur):
        d = R.uniform(0.0005, 0.003)
        cur += d
        emit("payments", pod[0], svc, cur, zc(cur, "ERR", "ledger call failed", [("error", TLS_ERR % dtu(cur).strftime("%Y-%m-%dT%H:%M:%SZ")),
             ("method", "/ledger.v1.Ledger/" + rpc), ("request_id", rid)]))
        status = 503
    else:
        lp = ledger_for(pod, cur)
        cur += ledger_rpc(cur, lp, rpc, svc) + 0.001
        status = ok
        if svc == "payments-api" and method == "POST" and R.random() < 0.012:
            status = 402
            emit("payments", pod[0], svc, cur, zc(cur, "WRN", "card declined", [("decline_code", R.choice(["insufficient_funds", "do_not_honor", "expired_card"])), ("request_id", rid)]))
    cur += R.uniform(0.0005, 0.002)
    lvl = "INF" if status < 500 else "ERR"
    if status == 402:
        lvl = "WRN"
    emit("payments", pod[0], svc, cur, zc(cur, lvl, "request completed", [("duration_ms", "%.1f" % ((cur - t) * 1000)), ("method", method),
         ("path", path.split("/wal_")[0] + "/:id" + path.split("/wal_")[1][12:] if "/wal_" in path else (path if not path.startswith("/v1/payments/pay_") else "/v1/payments/:id")),
         ("request_id", rid), ("status", status)]))
    size = R.randint(200, 1600) if status < 400 else (74 if status == 503 else 112)
    tend = cur + R.uniform(0.0005, 0.002)
    skipper_access(sk, t, tend, ip, method, path, status, size, ua, flow)

t = T0 + 0.3
while t < T_END:
    rate = 2.3 + 0.4 * math.sin((t - T0) / 650.0)
    t += R.expovariate(rate)
    if t < T_END:
        handle(t)

# skipper app logs ([APP] prefixed logrus text)
for sk in SKIPPER:
    for k in range(int((T_END - T0) / 60)):
        ts = T0 + 17 + k * 60 + R.uniform(0, 1)
        emit("ingress", sk[0], "skipper-ingress", ts, '[APP]time="%s" level=info msg="route settings received, id: %d"' % (dtu(ts).strftime("%Y-%m-%dT%H:%M:%SZ"), 4410 + k))
    for k in range(6):
        ts = T0 + R.uniform(0, T_END - T0)
        emit("ingress", sk[0], "skipper-ingress", ts, '[APP]time="%s" level=error msg="client canceled after %dms, route kube_payments__payments_api__api_paylane_io____payments_api with backend network http://%s:8080, status code 499: context canceled, remote host: %s, request: \\"POST /v1/payments HTTP/1.1\\", host: api.paylane.io, user agent: \\"okhttp/4.12.0\\""' % (
            dtu(ts).strftime("%Y-%m-%dT%H:%M:%SZ"), R.randint(3000, 9000), R.choice(PAY)[1], R.choice(CLIENTS)))

# wallet-api deploy (red herring) + startup lines
for i, p in enumerate(WAL_NEW):
    ts = WAL_SWAP[i] - 7.4
    emit("payments", p[0], "wallet-api", ts, zc(ts, "INF", "starting wallet-api", [("commit", "9f1c0ad"), ("go", "go1.22.1"), ("version", "1.42.0")]))
    emit("payments", p[0], "wallet-api", ts + 0.21, zc(ts + 0.21, "INF", "ledger client configured", [("ca", "/etc/paylane/ca/ca.crt"), ("target", "dns:///ledger.payments.svc.cluster.local:9443"), ("tls", "true")]))
    emit("payments", p[0], "wallet-api", ts + 0.24, zc(ts + 0.24, "WRN", "config key WALLET_FX_PROVIDER not set, defaulting to ecb", []))
    emit("payments", p[0], "wallet-api", ts + 0.3, zc(ts + 0.3, "INF", "http server listening", [("addr", ":8080")]))
for i, p in enumerate(WAL_OLD):
    ts = WAL_SWAP[i] + 0.6
    emit("payments", p[0], "wallet-api", ts, zc(ts, "INF", "shutting down", [("signal", "terminated")]))
for p in PAY:
    for k in range(R.randint(4, 9)):
        ts = T0 + R.uniform(0, T_END - T0)
        emit("payments", p[0], "payments-api", ts, zc(ts, "WRN", "webhook signature mismatch", [("endpoint", "we_" + hexid(12)), ("merchant_id", "mch_" + hexid(10))]))

# ------------------------------------------------------------------ cert-manager controller (klog)
def cm(t, sev, fl, msg, kv):
    emit("cert-manager", CM, "cert-manager-controller", t, klog(t, sev, fl, msg, kv))

ERR_KP = 'error getting keypair for CA issuer: secrets "internal-ca-keypair" not found'
tt = T0 + 41.3 + R.random()
while tt < T_END:
    cm(tt, "E", "controller.go:167", "re-queuing item due to error processing", [("err", ERR_KP), ("logger", "cert-manager.controller"), ("key", "internal-ca")])
    tt += 600 + R.uniform(-1, 1) + R.random() * 0.001
# the issuance attempt for ledger-grpc-tls is in exponential backoff (last failed attempt 08:00), next attempt at 10:00
tt = T0 + 101.7 + R.random()
while tt < T_END:
    cm(tt, "I", "trigger_controller.go:215", "Not re-issuing certificate as an attempt has been made in the last 1h0m0s and will be retried at 2026-03-14 10:00:03 +0000 UTC",
       [("logger", "cert-manager.certificates-trigger"), ("key", "payments/ledger-grpc-tls")])
    tt += 900 + R.uniform(-1, 1)
for tt in (T0 + 5 * 60 + 12.2, T0 + 35 * 60 + 12.4):
    cm(tt, "I", "sync.go:222", "CertificateRequest is not ready: Referenced issuer does not have a Ready status condition", [("logger", "cert-manager.certificaterequests-issuer-ca"),
       ("resource_name", "ledger-grpc-tls-19"), ("resource_namespace", "payments"), ("resource_kind", "CertificateRequest"), ("resource_version", "v1")])
# unrelated ACME rate limit for the marketing landing page (cert still valid for 41 days)
tt = T0 + 203.5 + R.random()
while tt < T_END:
    cm(tt, "E", "controller.go:167", "re-queuing item due to error processing",
       [("err", "error creating new order: 429 urn:ietf:params:acme:error:rateLimited: Error creating new order :: too many certificates (5) already issued for this exact set of domains in the last 168 hours: landing.paylane.io, retry after 2026-03-15T02:41:09Z: see https://letsencrypt.org/docs/rate-limits/#new-certificates-per-exact-set-of-hostnames"),
        ("logger", "cert-manager.controller"), ("key", "marketing/landing-tls-1-3721906554")])
    tt += 1200 + R.uniform(-3, 3)
for k in range(6):
    ts = T0 + R.uniform(0, T_END - T0)
    cm(ts, "I", "reflector.go:351", "Caches populated", [("type", R.choice(["*v1.Secret", "*v1.Certificate", "*v1.Issuer"])), ("reflector", "k8s.io/client-go@v0.29.1/tools/cache/reflector.go:229")])
for k in range(int((T_END - T0) / 600)):
    ts = T0 + 290 + k * 600 + R.uniform(0, 2)
    emit("cert-manager", CM_CAINJ, "cert-manager-cainjector", ts, klog(ts, "I", "reconciler.go:141", "Updated object", [("logger", "cert-manager"), ("kind", "validatingwebhookconfiguration"), ("name", "cert-manager-webhook")]))
    emit("cert-manager", CM_WH, "cert-manager-webhook", ts + 3.1, klog(ts + 3.1, "I", "logs.go:59", "http: TLS handshake error from 10.42.0.1:%d: EOF" % R.randint(30000, 60000), []))

# ------------------------------------------------------------------ events.json per namespace (kubectl cluster-info dump)
def event(ns, name, kind, obj, reason, msg, etype, first, last, count, comp):
    return {"metadata": {"name": "%s.%s" % (obj, hexid(16)), "namespace": ns, "uid": uuid(), "resourceVersion": str(R.randint(180000000, 189999999)),
                         "creationTimestamp": dtu(first).strftime("%Y-%m-%dT%H:%M:%SZ")},
            "involvedObject": {"kind": kind, "namespace": ns, "name": obj, "uid": uuid(), "apiVersion": "cert-manager.io/v1" if kind in ("Certificate", "CertificateRequest", "Issuer", "ClusterIssuer") else ("apps/v1" if kind in ("Deployment", "ReplicaSet") else "v1"),
                               "resourceVersion": str(R.randint(180000000, 189999999))},
            "reason": reason, "message": msg, "source": {"component": comp},
            "firstTimestamp": dtu(first).strftime("%Y-%m-%dT%H:%M:%SZ"), "lastTimestamp": dtu(last).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "count": count, "type": etype, "eventTime": None, "reportingComponent": comp, "reportingInstance": ""}

ev = {"cert-manager": [], "payments": [], "ingress": []}
ev["cert-manager"].append(event("cert-manager", "internal-ca", "ClusterIssuer", "internal-ca", "ErrGetKeyPair", "Error getting keypair for CA issuer: secrets \"internal-ca-keypair\" not found",
                                "Warning", ep("2026-02-21T15:48:12"), T0 + 41.3, 2786, "cert-manager-clusterissuers"))
ev["cert-manager"].append(event("cert-manager", "internal-ca", "ClusterIssuer", "internal-ca", "ErrInitIssuer", "Error initializing issuer: secrets \"internal-ca-keypair\" not found",
                                "Warning", ep("2026-02-21T15:48:12"), T0 + 41.3, 2786, "cert-manager-clusterissuers"))
ev["payments"].append(event("payments", "ledger-grpc-tls", "Certificate", "ledger-grpc-tls", "Issuing", "Renewing certificate as renewal was scheduled at 2026-02-22 09:12:00 +0000 UTC",
                            "Normal", ep("2026-02-22T09:12:01"), ep("2026-03-14T08:00:03"), 14, "cert-manager-certificates-trigger"))
ev["payments"].append(event("payments", "ledger-grpc-tls", "Certificate", "ledger-grpc-tls", "Requested", "Created new CertificateRequest resource \"ledger-grpc-tls-19\"",
                            "Normal", ep("2026-03-14T08:00:03"), ep("2026-03-14T08:00:03"), 1, "cert-manager-certificates-request-manager"))
ev["payments"].append(event("payments", "ledger-grpc-tls-19", "CertificateRequest", "ledger-grpc-tls-19", "IssuerNotReady", "Referenced issuer does not have a Ready status condition",
                            "Normal", ep("2026-03-14T08:00:03"), T0 + 35 * 60 + 12.4, 3, "cert-manager-certificaterequests-issuer-ca"))
for i, p in enumerate(WAL_NEW):
    ev["payments"].append(event("payments", p[0], "Pod", p[0], "Scheduled", "Successfully assigned payments/%s to ip-10-42-%d-%d.eu-west-1.compute.internal" % (p[0], 2 + i * 3, R.randint(10, 200)),
                                "Normal", WAL_SWAP[i] - 9.2, WAL_SWAP[i] - 9.2, 1, "default-scheduler"))
    ev["payments"].append(event("payments", p[0], "Pod", p[0], "Pulled", "Container image \"registry.paylane.io/wallet-api:1.42.0\" already present on machine", "Normal", WAL_SWAP[i] - 8.4, WAL_SWAP[i] - 8.4, 1, "kubelet"))
    ev["payments"].append(event("payments", p[0], "Pod", p[0], "Started", "Started container wallet-api", "Normal", WAL_SWAP[i] - 7.6, WAL_SWAP[i] - 7.6, 1, "kubelet"))
    ev["payments"].append(event("payments", WAL_OLD[i][0], "Pod", WAL_OLD[i][0], "Killing", "Stopping container wallet-api", "Normal", WAL_SWAP[i], WAL_SWAP[i], 1, "kubelet"))
ev["payments"].append(event("payments", "wallet-api", "Deployment", "wallet-api", "ScalingReplicaSet", "Scaled up replica set wallet-api-6d4f8b7c9 to 1", "Normal", T_WALLET_DEPLOY, T_WALLET_DEPLOY, 1, "deployment-controller"))
ev["payments"].append(event("payments", "wallet-api", "Deployment", "wallet-api", "ScalingReplicaSet", "Scaled down replica set wallet-api-5b8c7d9f6 to 0 from 1", "Normal", WAL_SWAP[1], WAL_SWAP[1], 1, "deployment-controller"))
ev["ingress"].append(event("ingress", SKIPPER[0][0], "Pod", SKIPPER[0][0], "Unhealthy", "Readiness probe failed: Get \"http://10.42.0.14:9999/metrics\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
                           "Warning", ep("2026-03-12T22:10:41"), T0 + 920, 37, "kubelet"))

# ------------------------------------------------------------------ write the cluster-info dump layout
shutil.rmtree(LOGS, ignore_errors=True)
DUMP = os.path.join(LOGS, "cluster-state")
pods = {}
for (ns, pod, cont), rows in logs.items():
    pods.setdefault((ns, pod), []).append((cont, rows))
for (ns, pod) in sorted(pods):
    d = os.path.join(DUMP, ns, pod)
    os.makedirs(d, exist_ok=True)
    parts = []
    for cont, rows in sorted(pods[(ns, pod)]):
        rows.sort(key=lambda r: (r[0], r[1]))
        parts.append("==== START logs for container %s of pod %s/%s ====\n" % (cont, ns, pod))
        parts.append("\n".join(r[2] for r in rows) + "\n")
        parts.append("==== END logs for container %s of pod %s/%s ====\n" % (cont, ns, pod))
    with open(os.path.join(d, "logs.txt"), "w") as f:
        f.write("".join(parts))
for ns, items in ev.items():
    os.makedirs(os.path.join(DUMP, ns), exist_ok=True)
    doc = {"kind": "EventList", "apiVersion": "v1", "metadata": {"resourceVersion": "189512877"}, "items": items}
    with open(os.path.join(DUMP, ns, "events.json"), "w") as f:
        f.write(json.dumps(doc, indent=4) + "\n")
