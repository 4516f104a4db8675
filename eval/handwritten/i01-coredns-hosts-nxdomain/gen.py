#!/usr/bin/env python3
"""Generate the logs for this case (deterministic, stdlib only)."""
import os, shutil, random, json
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
R = random.Random(110211)

def ep(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()

T0 = ep("2026-02-11T08:55:00")
T_END = ep("2026-02-11T09:35:10")
T_RELOAD_A = ep("2026-02-11T09:26:41") + 0.372418
T_RELOAD_B = ep("2026-02-11T09:27:03") + 0.118733
T_FRAUD_DEPLOY = ep("2026-02-11T09:14:22") + 0.5

def dtu(t):
    return datetime.fromtimestamp(t, tz=timezone.utc)

def rfc3339nano(t):
    us = int(round(t * 1e6))
    d = dtu(us // 1000000)
    ns = (us % 1000000) * 1000 + R.randint(0, 999)
    frac = ("%09d" % ns).rstrip("0")
    return d.strftime("%Y-%m-%dT%H:%M:%S") + ("." + frac if frac else "") + "Z"

def ms(t):
    return int(round(t * 1000))

files = {}
def emit(path, t, line):
    files.setdefault(path, []).append((t, len(files.get(path, [])), line))

# ---------------------------------------------------------------- topology of pods
COREDNS = [("coredns-5d78c9869d-4xk2p", "10.244.0.12", T_RELOAD_A),
           ("coredns-5d78c9869d-9wqlm", "10.244.1.9", T_RELOAD_B)]
PAY = [("payments-api-6c9f7b8d54-h2x7q", "10.244.2.14"), ("payments-api-6c9f7b8d54-tq5vd", "10.244.3.22")]
LED = [("ledger-api-7b4f9c6d8-kd8wz", "10.244.1.31"), ("ledger-api-7b4f9c6d8-p7m2r", "10.244.2.40")]
FRAUD_OLD = [("fraud-score-85d6f5b7c-8vbnq", "10.244.3.11"), ("fraud-score-85d6f5b7c-zl4gx", "10.244.1.18")]
FRAUD_NEW = [("fraud-score-7f4c8d9b6-c2mfp", "10.244.3.47"), ("fraud-score-7f4c8d9b6-wx9hs", "10.244.2.58")]
NOTIFY = ("notify-worker-5f8b6c7d9-jr6tn", "10.244.2.51")
SFTP = ("sftp-sync-28461330-xk2lp", "10.244.3.61")
APISIX = ("apisix-7d9c5b6f4-fn8tz", "10.244.0.30")

SEARCH = {"ledger": ["ledger.svc.cluster.local", "svc.cluster.local", "cluster.local", "eu-west-1.compute.internal"],
          "payments": ["payments.svc.cluster.local", "svc.cluster.local", "cluster.local", "eu-west-1.compute.internal"],
          "notify": ["notify.svc.cluster.local", "svc.cluster.local", "cluster.local", "eu-west-1.compute.internal"],
          "batch": ["batch.svc.cluster.local", "svc.cluster.local", "cluster.local", "eu-west-1.compute.internal"],
          "monitoring": ["monitoring.svc.cluster.local", "svc.cluster.local", "cluster.local", "eu-west-1.compute.internal"]}

def fmt_dur(sec):
    s = ("%.9f" % sec).rstrip("0")
    if s.endswith("."):
        s += "0"
    return s + "s"

def dns_line(client_ip, qtype, name, rcode, flags, qsize, rsize, dur):
    return '[INFO] %s:%d - %d "%s IN %s udp %d false 1232" %s %s %d %s' % (
        client_ip, R.randint(32768, 60999), R.randint(0, 65535), qtype, name, qsize, rcode, flags, rsize, fmt_dur(dur))

def wire(name):
    return len(name) + 1

def coredns_for(t):
    # kube-proxy spreads queries across the two replicas
    return COREDNS[R.randint(0, 1)]

def reloaded(pod, t):
    return t >= pod[2]

def resolve(t, client_ip, ns, name, kind):
    """kind: 'prodint' (forwarded private zone), 'external', 'cluster'. Returns (ok, t_done)."""
    ok_final = True
    cur = t
    cands = []
    if name.count(".") < 5 and not name.endswith("."):
        for s in SEARCH[ns]:
            cands.append((name + "." + s + ".", "search", s))
    cands.append((name + ".", "abs", None))
    if kind == "cluster":
        # cluster-local names resolve on the first matching search suffix
        pass
    for cand, what, suffix in cands:
        qsize = 12 + wire(cand[:-1]) + 4 + 11
        pod = coredns_for(cur)
        path = "coredns/%s.log" % pod[0]
        answered = False
        for qt in ("A", "AAAA"):
            d = R.uniform(0.00004, 0.00025)
            if what == "search":
                if kind == "cluster" and suffix in ("svc.cluster.local",) and name.count(".") == 1:
                    if qt == "A":
                        line = dns_line(client_ip, qt, cand, "NOERROR", "qr,aa,rd", qsize, qsize + 16 + 12, d)
                    else:
                        line = dns_line(client_ip, qt, cand, "NOERROR", "qr,aa,rd", qsize, qsize + 83, d)
                    answered = True
                elif suffix.endswith("compute.internal"):
                    d = R.uniform(0.0004, 0.0021) if R.random() < 0.35 else R.uniform(0.00003, 0.00009)
                    line = dns_line(client_ip, qt, cand, "NXDOMAIN", "qr,rd,ra", qsize, qsize + 104, d)
                else:
                    line = dns_line(client_ip, qt, cand, "NXDOMAIN", "qr,aa,rd", qsize, qsize + 95, d)
            else:
                if kind == "prodint":
                    if reloaded(pod, cur) and not name.startswith("legacy-sftp"):
                        line = dns_line(client_ip, qt, cand, "NXDOMAIN", "qr,aa,rd", qsize, qsize + 92, R.uniform(0.00003, 0.00012))
                        ok_final = False
                    elif name.startswith("legacy-sftp") and reloaded(pod, cur):
                        if qt == "A":
                            line = dns_line(client_ip, qt, cand, "NOERROR", "qr,aa,rd", qsize, qsize + 16 + 12, d)
                        else:
                            line = dns_line(client_ip, qt, cand, "NOERROR", "qr,aa,rd", qsize, qsize + 12, d)
                    else:
                        dd = R.uniform(0.0006, 0.0032) if R.random() < 0.3 else R.uniform(0.00003, 0.0001)
                        if qt == "A":
                            line = dns_line(client_ip, qt, cand, "NOERROR", "qr,rd,ra", qsize, qsize + 118, dd)
                        else:
                            line = dns_line(client_ip, qt, cand, "NOERROR", "qr,rd,ra", qsize, qsize + 160, dd)
                else:
                    dd = R.uniform(0.0008, 0.009) if R.random() < 0.3 else R.uniform(0.00003, 0.0001)
                    if qt == "A":
                        line = dns_line(client_ip, qt, cand, "NOERROR", "qr,rd,ra", qsize, qsize + R.choice([48, 64, 80, 96]), dd)
                    else:
                        line = dns_line(client_ip, qt, cand, "NOERROR", "qr,rd,ra", qsize, qsize + R.choice([60, 76, 92]), dd)
            emit(path, cur + d, line)
        cur += R.uniform(0.0003, 0.0011)
        if answered:
            return True, cur
    return ok_final, cur

# ---------------------------------------------------------------- zerolog (TimeFormatUnixMs)
def zl(level, ctx, fields, t, msg):
    parts = ['"level":"%s"' % level]
    for k, v in ctx + fields:
        parts.append('"%s":%s' % (k, json.dumps(v, separators=(",", ":"))))
    parts.append('"time":%d' % ms(t))
    parts.append('"message":%s' % json.dumps(msg))
    return "{" + ",".join(parts) + "}"

PAY_CTX = [("service", "payments-api"), ("version", "2.31.4")]
LED_CTX = [("service", "ledger-api"), ("version", "1.18.0")]
NOT_CTX = [("service", "notify-worker"), ("version", "0.9.12")]

def rid():
    return "%08x-%04x-4%03x-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12),
                                           0x8000 | R.getrandbits(14), R.getrandbits(48))

def tid(prefix, n=16):
    al = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789"
    return prefix + "".join(R.choice(al) for _ in range(n))

MERCHANTS = [tid("mch_", 12) for _ in range(140)]
ACCOUNTS = [tid("acct_", 14) for _ in range(400)]
CLIENT_IPS = ["%d.%d.%d.%d" % (R.choice([3, 18, 34, 35, 52, 54, 81, 85, 91, 145, 185, 194, 212]), R.randint(0, 255),
                               R.randint(0, 255), R.randint(1, 254)) for _ in range(260)]
UAS = ["paylane-python/3.4.1", "paylane-node/5.2.0", "paylane-node/5.1.3", "okhttp/4.12.0", "Go-http-client/2.0",
       "PaylaneiOS/7.3.2 CFNetwork/1490.0.4 Darwin/23.2.0", "paylane-php/2.9.0", "Java/17.0.9", "curl/8.4.0",
       "WooCommerce-Paylane/1.12.4 (WordPress/6.4.3)"]

# ---------------------------------------------------------------- ledger model
def ledger_fail_prob(t):
    if t < T_RELOAD_A + 28:
        return 0.0
    x = (t - T_RELOAD_A - 28) / 330.0
    return min(0.86, 0.04 + 0.82 * x)

led_conn_churn_next = {p[0]: T0 + R.uniform(5, 60) for p in LED}

def ledger_call(t, pay_pod, method, path, req_id):
    """Returns (status, t_end)."""
    lp = R.choice(LED)
    lpath = "ledger-api/%s.log" % lp[0]
    # background pool churn -> DNS lookups
    if t >= led_conn_churn_next[lp[0]]:
        ok, _ = resolve(t, lp[1], "ledger", "ledger-db.prod.internal", "prodint")
        led_conn_churn_next[lp[0]] = t + R.uniform(25, 95)
    fail = R.random() < ledger_fail_prob(t)
    if fail:
        okdns, tdone = resolve(t + 0.0004, lp[1], "ledger", "ledger-db.prod.internal", "prodint")
        if okdns:
            fail = False
    if fail:
        dur = (tdone - t) + R.uniform(0.0004, 0.0015)
        emit(lpath, t + dur - 0.0002, zl("error", LED_CTX, [("component", "pgxpool"), ("request_id", req_id),
            ("error", "failed to connect to `host=ledger-db.prod.internal user=ledger_app database=ledger`: hostname resolving error (lookup ledger-db.prod.internal on 10.96.0.10:53: no such host)")],
            t + dur - 0.0002, "acquire connection"))
        emit(lpath, t + dur, zl("warn", LED_CTX, [("method", method), ("path", path), ("status", 503),
            ("duration_ms", round(dur * 1000, 3)), ("request_id", req_id), ("remote_addr", pay_pod[1])], t + dur, "request completed"))
        return 503, t + dur
    dur = R.lognormvariate(-4.3, 0.45)
    if R.random() < 0.004:
        dur = R.uniform(0.6, 1.4)
        emit(lpath, t + dur - 0.001, zl("warn", LED_CTX, [("component", "store"), ("request_id", req_id),
            ("query", "SELECT account_id, balance_minor, currency, version FROM balances WHERE account_id = $1 FOR UPDATE"),
            ("duration_ms", round(dur * 1000 - 1.2, 3))], t + dur - 0.001, "slow query"))
    st = 201 if method == "POST" else 200
    if method == "GET" and R.random() < 0.01:
        st = 404
    emit(lpath, t + dur, zl("info", LED_CTX, [("method", method), ("path", path), ("status", st),
        ("duration_ms", round(dur * 1000, 3)), ("request_id", req_id), ("remote_addr", pay_pod[1])], t + dur, "request completed"))
    return st, t + dur

# ---------------------------------------------------------------- fraud-score (uvicorn, via kubectl logs --timestamps)
fraud_ports = {}
def fraud_pods(t):
    if t < T_FRAUD_DEPLOY:
        return FRAUD_OLD
    if t < T_FRAUD_DEPLOY + 40:
        return [FRAUD_OLD[1], FRAUD_NEW[0]] if t < T_FRAUD_DEPLOY + 20 else [FRAUD_NEW[0], FRAUD_NEW[1]]
    return FRAUD_NEW

def uv(pod, t, text):
    emit("fraud-score/%s.log" % pod[0], t, rfc3339nano(t) + " " + text)

def fraud_call(t, pay_pod):
    pods = fraud_pods(t)
    fp = R.choice(pods)
    # short window during rollout where the Service still routes to a terminating endpoint
    if T_FRAUD_DEPLOY + 16 < t < T_FRAUD_DEPLOY + 44 and R.random() < 0.5:
        return None, t + R.uniform(0.001, 0.003)
    dur = R.lognormvariate(-3.7, 0.35)
    key = (pay_pod[1], fp[0])
    if key not in fraud_ports or R.random() < 0.02:
        fraud_ports[key] = R.randint(33000, 60999)
    uv(fp, t + dur, 'INFO:     %s:%d - "POST /v1/score HTTP/1.1" 200 OK' % (pay_pod[1], fraud_ports[key]))
    return 200, t + dur

# lifecycle lines for the fraud-score rollout
for p in FRAUD_NEW:
    ts = T_FRAUD_DEPLOY + (0 if p is FRAUD_NEW[0] else 20) + R.uniform(1.5, 2.5)
    uv(p, ts, "INFO:     Started server process [1]")
    uv(p, ts + 0.001, "INFO:     Waiting for application startup.")
    uv(p, ts + 1.3, "INFO:     Application startup complete.")
    uv(p, ts + 1.301, "INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)")
    for k in range(int((T_END - ts) / 10)):
        tt = ts + 8 + k * 10 + R.uniform(-0.2, 0.2)
        if tt < T_END:
            uv(p, tt, 'INFO:     %s:%d - "GET /healthz HTTP/1.1" 200 OK' % ("10.244.%d.1" % (3 if p is FRAUD_NEW[0] else 2), R.randint(40000, 60000)))
for i, p in enumerate(FRAUD_OLD):
    tstop = T_FRAUD_DEPLOY + (18 if i == 0 else 38)
    uv(p, tstop, "INFO:     Shutting down")
    uv(p, tstop + 0.102, "INFO:     Waiting for application shutdown.")
    uv(p, tstop + 0.104, "INFO:     Application shutdown complete.")
    uv(p, tstop + 0.105, "INFO:     Finished server process [1]")
    for k in range(int((tstop - T0) / 10)):
        tt = T0 + 3 + k * 10 + R.uniform(-0.2, 0.2)
        uv(p, tt, 'INFO:     %s:%d - "GET /healthz HTTP/1.1" 200 OK' % ("10.244.%d.1" % (3 if i == 0 else 1), R.randint(40000, 60000)))

# ---------------------------------------------------------------- edge traffic
ROUTES = [("POST", "/v1/payments", 0.34), ("GET", "/v1/payments/{id}", 0.27), ("GET", "/v1/balances/{acct}", 0.19),
          ("POST", "/v1/refunds", 0.05), ("GET", "/v1/merchants/{mid}", 0.10), ("POST", "/v1/payment_intents/{id}/confirm", 0.05)]

def pick_route():
    x = R.random()
    acc = 0
    for m, p, w in ROUTES:
        acc += w
        if x < acc:
            return m, p
    return ROUTES[-1][0], ROUTES[-1][1]

def apisix_access(t, ip, method, uri, status, size, rt, ua, up_addr, up_status, up_rt):
    d = dtu(t)
    line = '%s - - [%s] api.paylane.io "%s %s HTTP/1.1" %d %d %.3f "-" "%s" %s %s %s "http://api.paylane.io%s"' % (
        ip, d.strftime("%d/%b/%Y:%H:%M:%S +0000"), method, uri, status, size, rt, ua, up_addr, up_status, up_rt, uri)
    emit("apisix/access.log", t, line)

BREAKER = {p[0]: {"fails": [], "open_until": 0.0} for p in PAY}

def handle(t, ip, ua):
    method, tpl = pick_route()
    pp = R.choice(PAY)
    ppath = "payments-api/%s.log" % pp[0]
    req = rid()
    mid = R.choice(MERCHANTS)
    uri = tpl.replace("{id}", tid("pay_", 18)).replace("{acct}", R.choice(ACCOUNTS)).replace("{mid}", mid)
    cur = t + R.uniform(0.0003, 0.0012)
    status = 200
    needs_ledger = tpl not in ("/v1/merchants/{mid}",)
    if method == "POST" and tpl == "/v1/payments":
        fs, cur = fraud_call(cur + 0.001, pp)
        if fs is None:
            emit(ppath, cur, zl("warn", PAY_CTX, [("upstream", "fraud-score"), ("request_id", req), ("merchant_id", mid),
                ("error", 'Post "http://fraud-score.risk.svc.cluster.local:8000/v1/score": dial tcp 10.96.141.7:8000: connect: connection refused')],
                cur, "fraud-score unavailable"))
            if R.random() < 0.7:
                status = 503
                needs_ledger = False
                emit(ppath, cur + 0.0002, zl("error", PAY_CTX, [("request_id", req), ("merchant_id", mid), ("policy", "fail_closed_high_value")],
                    cur + 0.0002, "rejecting payment: risk score unavailable"))
            else:
                emit(ppath, cur + 0.0002, zl("warn", PAY_CTX, [("request_id", req), ("merchant_id", mid), ("policy", "default_low_risk")],
                    cur + 0.0002, "applying default risk policy"))
    if needs_ledger:
        if tpl in ("/v1/payments", "/v1/refunds", "/v1/payment_intents/{id}/confirm"):
            lm, lpth = "POST", "/v1/entries"
        elif tpl == "/v1/payments/{id}":
            lm, lpth = "GET", "/v1/transfers/" + uri.rsplit("/", 1)[1].replace("pay_", "tr_")
        else:
            lm, lpth = "GET", "/v1/accounts/%s/balance" % uri.rsplit("/", 1)[1]
        backoff = [0.1, 0.25]
        br = BREAKER[pp[0]]
        if cur < br["open_until"]:
            emit(ppath, cur + 0.0001, zl("error", PAY_CTX, [("upstream", "ledger-api"), ("request_id", req), ("breaker", "ledger-api"),
                ("error", "circuit breaker is open")], cur + 0.0001, "ledger call rejected"))
            status = 503
            needs_ledger = False
        for attempt in (range(1, 4) if needs_ledger else []):
            ls, cur = ledger_call(cur + R.uniform(0.0004, 0.001), pp, lm, lpth, req)
            if ls < 500:
                status = {201: 201 if method == "POST" else 200, 200: 200, 404: 404}[ls]
                break
            br["fails"] = [x for x in br["fails"] if x > cur - 10] + [cur]
            if len(br["fails"]) >= 9 and cur >= br["open_until"]:
                br["open_until"] = cur + 15
                br["fails"] = []
                emit(ppath, cur + 0.0002, zl("warn", PAY_CTX, [("breaker", "ledger-api"), ("state", "open"), ("failures", 9), ("window_s", 10), ("open_for_s", 15)],
                    cur + 0.0002, "circuit breaker state changed"))
            if attempt < 3:
                emit(ppath, cur + 0.0003, zl("warn", PAY_CTX, [("upstream", "ledger-api"), ("attempt", attempt), ("status", ls),
                    ("request_id", req), ("backoff_ms", int(backoff[attempt - 1] * 1000))], cur + 0.0003, "ledger call failed, retrying"))
                cur += backoff[attempt - 1] + R.uniform(0, 0.03)
            else:
                emit(ppath, cur + 0.0003, zl("error", PAY_CTX, [("upstream", "ledger-api"), ("attempt", attempt), ("status", ls),
                    ("request_id", req), ("error", "ledger-api: %s http://ledger-api.ledger.svc.cluster.local:8080%s: 503 Service Unavailable" % (lm, lpth))],
                    cur + 0.0003, "ledger call failed"))
                status = 503
    else:
        cur += R.lognormvariate(-5.2, 0.4)
    if status == 201 and method == "POST" and R.random() < 0.012:
        status = 409
        emit(ppath, cur, zl("warn", PAY_CTX, [("request_id", req), ("merchant_id", mid), ("idempotency_key", tid("idk_", 20))],
            cur, "idempotency key reused with different parameters"))
    if status == 200 and method == "POST":
        status = 201 if tpl != "/v1/payment_intents/{id}/confirm" else 200
    cur += R.uniform(0.0002, 0.0009)
    dur = cur - t
    lvl = "info" if status < 500 else "error"
    if 400 <= status < 500:
        lvl = "warn"
    emit(ppath, cur, zl(lvl, PAY_CTX, [("method", method), ("path", tpl), ("status", status), ("duration_ms", round(dur * 1000, 3)),
        ("request_id", req), ("merchant_id", mid), ("user_agent", ua)], cur, "request completed"))
    size = {200: R.randint(380, 1900), 201: R.randint(600, 1400), 404: 96, 409: 164, 503: 87}[status]
    up_rt = cur - t + 0.0004
    tend = cur + R.uniform(0.0006, 0.0016)
    apisix_access(tend, ip, method, uri, status, size, tend - t, ua, pp[1] + ":8080", status, "%.3f" % up_rt)

t = T0 + 0.2
import math
while t < T_END:
    rate = 1.45 + 0.3 * math.sin((t - T0) / 600.0) + 0.25 * math.sin((t - T0) / 97.0)
    t += R.expovariate(rate)
    if t >= T_END:
        break
    handle(t, R.choice(CLIENT_IPS), R.choice(UAS))

# ---------------------------------------------------------------- notify-worker: SMTP for receipts, new connection per batch
tn = T0 + 4
npath = "notify-worker/%s.log" % NOTIFY[0]
pending = []
while tn < T_END:
    tn += R.uniform(9, 16)
    n = R.randint(1, 6)
    ok, td = resolve(tn, NOTIFY[1], "notify", "smtp.prod.internal", "prodint")
    if ok:
        for k in range(n):
            te = td + 0.05 + k * R.uniform(0.08, 0.2)
            emit(npath, te, zl("info", NOT_CTX, [("template", R.choice(["payment_receipt", "refund_receipt", "payout_notice"])),
                ("message_id", "<%s@paylane.io>" % rid()), ("smtp_host", "smtp.prod.internal:587"), ("duration_ms", round(R.uniform(60, 190), 1))],
                te, "email sent"))
    else:
        emit(npath, td + 0.0003, zl("error", NOT_CTX, [("smtp_host", "smtp.prod.internal:587"), ("batch_size", n),
            ("error", "dial tcp: lookup smtp.prod.internal on 10.96.0.10:53: no such host")], td + 0.0003, "smtp send failed, will retry"))
        emit(npath, td + 0.0005, zl("warn", NOT_CTX, [("queue", "email-outbound"), ("requeued", n), ("retry_in_s", 30)], td + 0.0005, "batch requeued"))

# sftp-sync CronJob (every 10 min) resolves legacy-sftp via the new hosts entry
for k in range(5):
    ts = ep("2026-02-11T09:00:00") + k * 600 + R.uniform(3, 6)
    resolve(ts, SFTP[1], "batch", "legacy-sftp.prod.internal", "prodint")
    resolve(ts + 2.1, SFTP[1], "batch", "warehouse-export.prod.internal", "prodint")

# background DNS from the rest of the cluster
BG = [("monitoring", "10.244.1.77", "alertmanager-main.monitoring.svc.cluster.local", "cluster"),
      ("payments", PAY[0][1], "api.stripe.com", "external"),
      ("payments", PAY[1][1], "api.stripe.com", "external"),
      ("payments", PAY[0][1], "sqs.eu-west-1.amazonaws.com", "external"),
      ("ledger", LED[0][1], "sts.eu-west-1.amazonaws.com", "external"),
      ("monitoring", "10.244.3.29", "grafana-cloud-logs.example-observability.net", "external"),
      ("payments", PAY[1][1], "kafka.prod.internal", "prodint"),
      ("notify", NOTIFY[1], "sqs.eu-west-1.amazonaws.com", "external")]
tb = T0 + 1
while tb < T_END:
    tb += R.expovariate(0.2)
    ns, ip, name, kind = R.choice(BG)
    if kind == "prodint":
        continue  # kafka clients keep long-lived connections; only rare lookups
    resolve(tb, ip, ns, name, kind)

# kafka bootstrap lookups (rare, only on reconnect)
for ts in (ep("2026-02-11T09:03:12"), ep("2026-02-11T09:19:40"), ep("2026-02-11T09:33:05")):
    resolve(ts + R.random(), PAY[1][1], "payments", "kafka.prod.internal", "prodint")

# coredns plugin/errors: upstream timeouts that happen every now and then
for k in range(9):
    ts = T0 + R.uniform(30, T_END - T0 - 30)
    pod = R.choice(COREDNS)
    emit("coredns/%s.log" % pod[0], ts, "[ERROR] plugin/errors: 2 %s AAAA: read udp %s:%d->10.40.0.2:53: i/o timeout" % (
        R.choice(["sqs.eu-west-1.amazonaws.com.", "api.stripe.com.", "grafana-cloud-logs.example-observability.net."]), pod[1], R.randint(32768, 60999)))

# coredns reload
for pod in COREDNS:
    tr = pod[2]
    emit("coredns/%s.log" % pod[0], tr - 0.004, "[INFO] Reloading")
    emit("coredns/%s.log" % pod[0], tr + 0.001, "[INFO] plugin/health: Going into lameduck mode for 5s")
    emit("coredns/%s.log" % pod[0], tr + 0.021, "[INFO] plugin/reload: Running configuration SHA512 = "
         "9c3f1e0b7d25a4c86e1f2b3a90d4c5e6f7a8b9c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b")
    emit("coredns/%s.log" % pod[0], tr + 0.022, "[INFO] Reloading complete")

# apisix error log: a handful of routine warnings
elog = []
for k in range(14):
    ts = T0 + R.uniform(10, T_END - T0 - 10)
    d = dtu(ts)
    emit("apisix/error.log", ts, '%s [warn] %d#%d: *%d a client request body is buffered to a temporary file /usr/local/apisix/client_body_temp/%010d, client: %s, server: _, request: "POST /v1/payments/batch HTTP/1.1", host: "api.paylane.io"' % (
        d.strftime("%Y/%m/%d %H:%M:%S"), 47 + k % 4, 47 + k % 4, R.randint(100000, 999999), R.randint(1, 99999), R.choice(CLIENT_IPS)))
for k in range(3):
    ts = T0 + R.uniform(10, T_END - T0 - 10)
    d = dtu(ts)
    emit("apisix/error.log", ts, '%s [warn] 49#49: *%d [lua] plugin.lua:1017: run_plugin(): limit-count: rejected request for consumer merchant-legacy-importer, client: 34.%d.%d.%d, server: _, request: "GET /v1/payments?limit=500 HTTP/1.1", host: "api.paylane.io"' % (
        d.strftime("%Y/%m/%d %H:%M:%S"), R.randint(100000, 999999), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)))

# ---------------------------------------------------------------- write
def write_all():
    shutil.rmtree(LOGS, ignore_errors=True)
    for path in sorted(files):
        full = os.path.join(LOGS, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        rows = files[path]
        rows.sort(key=lambda r: (r[0], r[1]))
        lines = []
        for t, _, line in rows:
            if path.startswith("coredns/"):
                lines.append(rfc3339nano(t) + " " + line)
            else:
                lines.append(line)
        with open(full, "w", newline="\n") as f:
            f.write("\n".join(lines) + "\n")

write_all()
