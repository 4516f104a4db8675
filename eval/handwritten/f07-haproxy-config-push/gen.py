#!/usr/bin/env python3
"""f07: an Ansible-pushed consul-template change renders the payments backend with the wrong port; internal HAProxy marks all servers DOWN -> 503 NOSRV."""
import datetime as dt
import json
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
R = random.Random(70707)
UTC = dt.timezone.utc
EST = dt.timedelta(hours=-5)
T0 = dt.datetime(2026, 3, 5, 15, 30, 0, tzinfo=UTC)
T_END = dt.datetime(2026, 3, 5, 16, 31, 0, tzinfo=UTC)
T_DEP = dt.datetime(2026, 3, 5, 15, 41, 17, tzinfo=UTC)     # payments-api deploy (red herring)
T_PUSH = dt.datetime(2026, 3, 5, 16, 1, 57, 204000, tzinfo=UTC)
T_REVERT = dt.datetime(2026, 3, 5, 16, 19, 33, 0, tzinfo=UTC)
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
files = {}


def emit(path, t, line):
    files.setdefault(path, []).append((t, line))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


LBS = ["lb-int-01", "lb-int-02"]
HPID = {"lb-int-01": [2211], "lb-int-02": [1987]}
SKEW = {"lb-int-01": 0.0, "lb-int-02": -2.4}


def reload_time(lb, base):
    return base + dt.timedelta(seconds=1.1 + (0.6 if lb == "lb-int-02" else 0))


def cur_pid(lb, t):
    p = HPID[lb][0]
    if t >= reload_time(lb, T_PUSH):
        p += 1
    if t >= reload_time(lb, T_REVERT):
        p += 1
    return p


def sysl(lb, path, t, prog, msg):
    lt = t + EST + dt.timedelta(seconds=SKEW[lb])
    emit("%s/var/log/%s" % (lb, path), t, "%s %2d %s %s %s: %s" % (MON[lt.month - 1], lt.day, lt.strftime("%H:%M:%S"), lb, prog, msg))


def down_window(lb, t):
    a = reload_time(lb, T_PUSH) + dt.timedelta(seconds=0.05)
    b = reload_time(lb, T_REVERT) + dt.timedelta(seconds=0.05)
    return a <= t < b


def all_down(lb, t):
    a = reload_time(lb, T_PUSH) + dt.timedelta(seconds=6.3)   # fall 3 x inter 2s
    b = reload_time(lb, T_REVERT) + dt.timedelta(seconds=0.05)
    return a <= t < b


# ---------------------------------------------------------------- change + reloads on both LBs
for lb in LBS:
    for base, port, why in ((T_PUSH, "8443", "push"), (T_REVERT, "8080", "revert")):
        t = base + dt.timedelta(seconds=(0.0 if lb == "lb-int-01" else 0.6))
        sysl(lb, "syslog", t - dt.timedelta(seconds=0.8), "ansible-ansible.legacy.copy", "Invoked with src=/home/deploy/.ansible/tmp/ansible-tmp-%d.%d/source dest=/etc/consul-template/templates/haproxy.cfg.ctmpl mode=0644 owner=root group=root backup=True follow=False force=True" % (int(base.timestamp()), R.randint(100000, 999999)))
        sysl(lb, "syslog", t - dt.timedelta(seconds=0.3), "systemd[1]", "Reloading consul-template.service - consul-template...")
        sysl(lb, "syslog", t - dt.timedelta(seconds=0.29), "consul-template[%d]" % 812, "%sZ [INFO] consul-template: received signal hangup, reloading configuration" % (t - dt.timedelta(seconds=0.29)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3])
        sysl(lb, "syslog", t - dt.timedelta(seconds=0.28), "systemd[1]", "Reloaded consul-template.service - consul-template.")
        sysl(lb, "syslog", t, "consul-template[812]", '%sZ [INFO] (runner) rendered "/etc/consul-template/templates/haproxy.cfg.ctmpl" => "/etc/haproxy/haproxy.cfg"' % t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3])
        sysl(lb, "syslog", t + dt.timedelta(milliseconds=2), "consul-template[812]", '%sZ [INFO] (runner) executing command "/usr/local/bin/haproxy-safe-reload" from "/etc/consul-template/templates/haproxy.cfg.ctmpl" => "/etc/haproxy/haproxy.cfg"' % (t + dt.timedelta(milliseconds=2)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3])
        sysl(lb, "syslog", t + dt.timedelta(milliseconds=400), "haproxy-safe-reload[%d]" % R.randint(30000, 40000), "Configuration file is valid")
        sysl(lb, "syslog", t + dt.timedelta(milliseconds=900), "systemd[1]", "Reloading haproxy.service - HAProxy Load Balancer...")
        rt = reload_time(lb, base)
        newpid = cur_pid(lb, rt + dt.timedelta(seconds=0.01))
        oldpid = newpid - 1
        sysl(lb, "haproxy.log", rt, "haproxy[%d]" % newpid, "[NOTICE]   (%d) : New worker (%d) forked" % (HPID[lb][0] - 30, newpid))
        sysl(lb, "haproxy.log", rt + dt.timedelta(milliseconds=3), "haproxy[%d]" % newpid, "[NOTICE]   (%d) : Loading success." % (HPID[lb][0] - 30))
        sysl(lb, "haproxy.log", rt + dt.timedelta(milliseconds=5), "haproxy[%d]" % oldpid, "Stopping frontend fe_internal in 0 ms.")
        sysl(lb, "haproxy.log", rt + dt.timedelta(milliseconds=6), "haproxy[%d]" % oldpid, "Stopping backend be_payments_api in 0 ms.")
        sysl(lb, "haproxy.log", rt + dt.timedelta(milliseconds=7), "haproxy[%d]" % oldpid, "Stopping backend be_ledger_api in 0 ms.")
        sysl(lb, "haproxy.log", rt + dt.timedelta(milliseconds=8), "haproxy[%d]" % oldpid, "Proxy fe_internal stopped (cumulated conns: FE: %d, BE: 0)." % R.randint(90000, 400000))
        sysl(lb, "haproxy.log", rt + dt.timedelta(milliseconds=9), "haproxy[%d]" % oldpid, "Proxy be_payments_api stopped (cumulated conns: FE: 0, BE: %d)." % R.randint(30000, 90000))
        sysl(lb, "haproxy.log", rt + dt.timedelta(milliseconds=200), "haproxy[%d]" % newpid, "[WARNING]  (%d) : Former worker (%d) exited with code 0 (Exit)" % (HPID[lb][0] - 30, oldpid))
        sysl(lb, "syslog", rt + dt.timedelta(milliseconds=210), "systemd[1]", "Reloaded haproxy.service - HAProxy Load Balancer.")
        if why == "push":
            for i, srv in enumerate(["payments-api-1", "payments-api-2", "payments-api-3"]):
                td = rt + dt.timedelta(seconds=4.1 + i * 0.7 + R.uniform(0, 0.2))
                msg = 'Server be_payments_api/%s is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. %d active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.' % (srv, 2 - i)
                sysl(lb, "haproxy.log", td, "haproxy[%d]" % newpid, "[WARNING]  (%d) : %s" % (newpid, msg))
                sysl(lb, "haproxy.log", td + dt.timedelta(microseconds=50), "haproxy[%d]" % newpid, msg)
            ta = rt + dt.timedelta(seconds=6.3)
            sysl(lb, "haproxy.log", ta, "haproxy[%d]" % newpid, "[ALERT]    (%d) : backend 'be_payments_api' has no server available!" % newpid)
            sysl(lb, "haproxy.log", ta + dt.timedelta(microseconds=50), "haproxy[%d]" % newpid, "backend be_payments_api has no server available!")

# pre-existing flapping ledger server (red herring)
for lb in LBS:
    t = T0 + dt.timedelta(minutes=3)
    while t < T_END:
        p = cur_pid(lb, t)
        sysl(lb, "haproxy.log", t, "haproxy[%d]" % p, "[WARNING]  (%d) : Server be_ledger_api/ledger-api-2 is DOWN, reason: Layer7 timeout, check duration: 2001ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue." % p)
        t2 = t + dt.timedelta(seconds=R.uniform(8, 30))
        sysl(lb, "haproxy.log", t2, "haproxy[%d]" % cur_pid(lb, t2), "[WARNING]  (%d) : Server be_ledger_api/ledger-api-2 is UP, reason: Layer7 check passed, code: 200, check duration: 41ms. 2 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue." % cur_pid(lb, t2))
        t += dt.timedelta(minutes=R.uniform(7, 14))

# ---------------------------------------------------------------- traffic
PAY = {"payments-api-1": "10.30.5.21:8080", "payments-api-2": "10.30.5.22:8080", "payments-api-3": "10.30.5.23:8080"}
ALLOCS = {"payments-api-1": hexid(8) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(12)}
for k in ("payments-api-2", "payments-api-3"):
    ALLOCS[k] = hexid(8) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(12)
NEWALLOCS = {k: hexid(8) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(12) for k in sorted(PAY)}
CK_ALLOC = "3f9a2c71-8d4e-4b0f-a6c2-1e7d5b9f0a34"


def pay_alloc(srv, t):
    return (NEWALLOCS if t >= T_DEP + dt.timedelta(seconds=40 * int(srv[-1])) else ALLOCS)[srv]


def pay_log(srv, t, lvl, target, fields, span=None):
    o = {"timestamp": t.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "level": lvl, "fields": fields, "target": target}
    if span:
        o["span"] = span
        o["spans"] = [span]
    emit("nomad/alloc/%s/alloc/logs/payments-api.stdout.0" % pay_alloc(srv, t), t, json.dumps(o, separators=(",", ":")))


def hlog(lb, t, client, fe, be, srv, timers, status, size, flags, conns, req):
    lt = t + EST + dt.timedelta(seconds=SKEW[lb])
    acc = "%02d/%s/%d:%s.%03d" % (lt.day, MON[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), lt.microsecond // 1000)
    sysl(lb, "haproxy.log", t, "haproxy[%d]" % cur_pid(lb, t), '%s [%s] %s %s/%s %s %d %d - - %s %s 0/0 "%s"' % (client, acc, fe, be, srv, timers, status, size, flags, conns, req))


def ck(t, lvl, msg, **kw):
    parts = ["time=%s" % t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000), "level=" + lvl, 'msg="%s"' % msg]
    for k, v in kw.items():
        v = str(v)
        parts.append("%s=%s" % (k, ('"%s"' % v.replace('"', '\\"')) if (" " in v or '"' in v or "=" in v) else v))
    emit("nomad/alloc/%s/alloc/logs/checkout-api.stderr.0" % CK_ALLOC, t, " ".join(parts))


def sk(t, pid, tid, msg, cls=None, jid=None, elapsed=None, lvl="INFO"):
    ctx = "pid=%d tid=%s" % (pid, tid)
    if cls:
        ctx += " class=%s jid=%s" % (cls, jid)
    if elapsed is not None:
        ctx += " elapsed=%.3f" % elapsed
    lt = t + EST
    emit("billing-01/journalctl-u-billing-worker-o-short-iso.txt", t, "%s billing-01 sidekiq[%d]: %s %s %s: %s" % (
        lt.strftime("%Y-%m-%dT%H:%M:%S") + "-0500", pid, t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000), ctx, lvl, msg))


def one_request(t, client, req, origin):
    """returns (status, duration_ms)"""
    lb = R.choice(LBS)
    n_conn = R.randint(20, 60)
    if all_down(lb, t) or (down_window(lb, t) and R.random() < 0.7):
        if all_down(lb, t):
            hlog(lb, t, client, "fe_internal", "be_payments_api", "<NOSRV>", "0/-1/-1/-1/0", 503, 217, "SC--", "%d/%d/0/0/0" % (n_conn, n_conn), req)
            return 503, R.uniform(0.3, 2.0)
        srv = R.choice(sorted(PAY))
        hlog(lb, t, client, "fe_internal", "be_payments_api", srv, "0/0/-1/-1/3003", 503, 217, "sC--", "%d/%d/0/0/3" % (n_conn, n_conn), req)
        return 503, 3003 + R.uniform(0, 5)
    srv = R.choice(sorted(PAY))
    tr = R.uniform(15, 90)
    status = 200 if "capture" not in req or R.random() > 0.002 else 409
    hlog(lb, t, client, "fe_internal", "be_payments_api", srv, "0/0/1/%d/%d" % (int(tr), int(tr) + 1), status, R.randint(300, 900), "----", "%d/%d/%d/%d/0" % (n_conn, n_conn, R.randint(1, 8), R.randint(0, 4)), req)
    span = {"method": req.split()[0], "uri": req.split()[1], "version": "HTTP/1.1", "name": "request"}
    pay_log(srv, t + dt.timedelta(milliseconds=tr), "INFO", "tower_http::trace::on_response", {"message": "finished processing request", "latency": "%d ms" % int(tr), "status": status}, span)
    return status, tr + 1.5


t = T0
while t < T_END:
    t += dt.timedelta(seconds=R.expovariate(3.0))
    oid = "ord_%s" % hexid(10)
    st, d = one_request(t, "10.30.2.%d:%d" % (R.randint(10, 19), R.randint(30000, 60000)), "POST /v1/payments/authorize HTTP/1.1", "checkout")
    tt = t + dt.timedelta(milliseconds=d)
    if st >= 500:
        ck(tt, "ERROR", "payment authorization failed", order_id=oid, upstream="http://payments.internal.lb:80/v1/payments/authorize", status=st, body="<html><body><h1>503 Service Unavailable</h1>")
        ck(tt + dt.timedelta(microseconds=200), "INFO", "request", method="POST", path="/api/checkout/confirm", status=502, dur_ms=round(d + 4, 1))
    else:
        ck(tt + dt.timedelta(microseconds=200), "INFO", "request", method="POST", path="/api/checkout/confirm", status=200, dur_ms=round(d + R.uniform(5, 20), 1))
    if R.random() < 0.02:
        ck(t, "WARN", "address validation degraded, skipping", provider="loqate", err="context deadline exceeded")

# billing-worker (sidekiq) capture jobs, with retries
t = T0
tids = ["2rb4", "2rcs", "2rd8", "2rdo", "2re4"]
while t < T_END:
    t += dt.timedelta(seconds=R.expovariate(0.7))
    jid = hexid(24)
    tid = R.choice(tids)
    sk(t, 1432, tid, "start", "CapturePaymentJob", jid)
    st, d = one_request(t + dt.timedelta(milliseconds=3), "10.30.3.7:%d" % R.randint(30000, 60000), "POST /v1/payments/capture HTTP/1.1", "billing")
    te = t + dt.timedelta(milliseconds=d + 8)
    if st >= 500:
        sk(te, 1432, tid, "fail", "CapturePaymentJob", jid, elapsed=(te - t).total_seconds())
        sk(te, 1432, tid, '{"context":"Job raised exception","job":{"retry":12,"queue":"billing","class":"CapturePaymentJob","args":["%s"],"jid":"%s","created_at":%.6f,"enqueued_at":%.6f}}' % ("ord_" + hexid(10), jid, t.timestamp() - 2, t.timestamp() - 0.4), lvl="WARN")
        sk(te, 1432, tid, "Faraday::ServerError: the server responded with status 503", lvl="WARN")
        for fr in ["/srv/billing/shared/bundle/ruby/3.2.0/gems/faraday-2.9.0/lib/faraday/response/raise_error.rb:38:in `on_complete'",
                   "/srv/billing/shared/bundle/ruby/3.2.0/gems/faraday-2.9.0/lib/faraday/middleware.rb:18:in `block in call'",
                   "/srv/billing/releases/20260302141155/app/clients/payments_client.rb:27:in `capture'",
                   "/srv/billing/releases/20260302141155/app/jobs/capture_payment_job.rb:14:in `perform'"]:
            sk(te, 1432, tid, fr, lvl="WARN")
    else:
        sk(te, 1432, tid, "done", "CapturePaymentJob", jid, elapsed=(te - t).total_seconds())

# payments-api deploy (red herring) + its own background
for srv in sorted(PAY):
    td = T_DEP + dt.timedelta(seconds=40 * int(srv[-1]))
    for i, (tg, m) in enumerate([("payments_api", "starting payments-api version=4.12.0 git_sha=c41e9a2"), ("payments_api::db", "connected to postgres pool_size=20"),
                                 ("payments_api::psp", "PSP client ready provider=adyen endpoint=https://pal-live.adyenpayments.com"), ("payments_api", "listening on 0.0.0.0:8080")]):
        pay_log(srv, td + dt.timedelta(milliseconds=300 * i), "INFO", tg, {"message": m})
    pay_log(srv, td + dt.timedelta(seconds=1.5), "WARN", "payments_api::config", {"message": "PAYMENTS_TLS_LISTEN_PORT set (8443) but tls listener disabled; ignoring"})
    tt = T0
    while tt < T_END:
        tt += dt.timedelta(seconds=R.uniform(50, 70))
        pay_log(srv, tt, "INFO", "payments_api::health", {"message": "consul health check ok", "check": "service:payments-api-%s" % srv[-1]})

# ---------------------------------------------------------------- write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
for path in sorted(files):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    rows = sorted(files[path], key=lambda x: x[0])
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        for _, line in rows:
            f.write(line + "\n")
