#!/usr/bin/env python3
"""k04: accounts-api 4.12.0 (rolling deploy 14:27-14:29 on three VMs) moved its health
endpoint from /healthz to /health/live; the Consul service check still probes /healthz and
gets 404, so each instance turns critical as soon as it is upgraded. consul-template on the
two edge nginx hosts re-renders the accounts upstream with fewer servers and finally with
its '{{else}}server 127.0.0.1:65535; # force a 502' fallback: every /accounts/ request gets
'connect() failed (111: Connection refused) ... upstream: "http://127.0.0.1:65535/..."'.
accounts-api itself is healthy and silent apart from 'Not Found: /healthz'.
Red herrings: catalog-api rolling deploy at 14:21 (also consul-template renders), a
flapping reports upstream all along, mobile clients retrying 502s (retry storm).
Fix at 14:47:30 (consul reload with /health/live) -> recovery.
Python 3 standard library only; fixed seed; rewrites logs/ beside itself."""
import json
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

SLUG = "k04-consul-healthcheck-empty-upstream"
OUT = Path(__file__).resolve().parent / "logs"
rng = random.Random(404)
UTC = timezone.utc
BASE = datetime(2026, 3, 4, 14, 0, 0, tzinfo=UTC)
END = 55 * 60.0
FILES = {}
SEQ = [0]


def emit(name, t, text):
    SEQ[0] += 1
    FILES.setdefault(name, []).append((t, SEQ[0], text))


def dt(t):
    return BASE + timedelta(seconds=t)


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def hexid(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def syslog_head(t):
    d = dt(t)
    return "%s %2d %s" % (d.strftime("%b"), d.day, d.strftime("%H:%M:%S"))


# ------------------------------------------------------------------ topology of the estate
LBS = ["edge-lb-01", "edge-lb-02"]
LB_IP = {"edge-lb-01": "10.20.0.11", "edge-lb-02": "10.20.0.12"}
ACC = ["accounts-api-01", "accounts-api-02", "accounts-api-03"]
ACC_IP = {"accounts-api-01": "10.20.1.11", "accounts-api-02": "10.20.1.12", "accounts-api-03": "10.20.1.13"}
ORD = ["orders-api-01", "orders-api-02"]
ORD_IP = {"orders-api-01": "10.20.2.11", "orders-api-02": "10.20.2.12"}
CAT = ["catalog-api-01", "catalog-api-02"]
CAT_IP = {"catalog-api-01": "10.20.3.11", "catalog-api-02": "10.20.3.12"}
REP_IP = ["10.20.4.21", "10.20.4.22"]

ACC_DEPLOY = {"accounts-api-01": 27 * 60 + 0.0, "accounts-api-02": 28 * 60 + 5.0, "accounts-api-03": 29 * 60 + 10.0}
CAT_DEPLOY = {"catalog-api-01": 21 * 60 + 30.0, "catalog-api-02": 23 * 60 + 0.0}
FIX = 47 * 60 + 30.0
BOOT = {h: hexid(32) for h in LBS + ACC + ORD + CAT}
MACHINE = {h: hexid(32) for h in LBS}

# health state -> (time, passing set) timeline for consul catalog
events = []   # (t, service, instance, passing)


PHASE = {h: rng.uniform(0, 10) for h in ACC}


def acc_check_critical_at(h):
    # first Consul HTTP check after the new gunicorn is listening gets the 404
    t = PHASE[h]
    while t < ACC_DEPLOY[h] + 6.0:
        t += 10.0
    return t + 0.004


ACC_CRIT = {h: acc_check_critical_at(h) for h in ACC}
ACC_PASS_AGAIN = {h: FIX + 3.0 + i * 1.7 for i, h in enumerate(ACC)}
CAT_CRIT = {h: (CAT_DEPLOY[h] + 1.5, CAT_DEPLOY[h] + 31.0 + rng.uniform(0, 4)) for h in CAT}
# reports-02 flaps all along (pre-existing)
REP_FLAPS = []
t = 140.0
while t < END:
    down = t
    up = t + rng.uniform(25, 70)
    REP_FLAPS.append((down, up))
    t = up + rng.uniform(300, 540)


def acc_up(h, t):
    return not (ACC_CRIT[h] <= t < ACC_PASS_AGAIN[h])


def acc_servers(t):
    return [h for h in ACC if acc_up(h, t)]


def cat_up(h, t):
    a, b = CAT_CRIT[h]
    return not (a <= t < b)


def app_running(h, t):
    """accounts hosts: app process down for ~6 s during restart"""
    if h in ACC_DEPLOY:
        return not (ACC_DEPLOY[h] <= t < ACC_DEPLOY[h] + 6.0)
    if h in CAT_DEPLOY:
        return not (CAT_DEPLOY[h] <= t < CAT_DEPLOY[h] + 24.0)
    return True


def rep_up(i, t):
    if i == 0:
        return True
    return not any(a <= t < b for a, b in REP_FLAPS)


# ------------------------------------------------------------------ writers
CURSOR = {h: 0x1a2b00 for h in LBS}
WORKERS = {h: [4118 + k for k in range(4)] if h == "edge-lb-01" else [3861 + k for k in range(4)] for h in LBS}
NEXTPID = {"edge-lb-01": 5120, "edge-lb-02": 4902}
CONNID = {"edge-lb-01": 1873000, "edge-lb-02": 1811000}


def journal(host, t, ident, unit, pid, prio, msg, comm=None, exe=None, cmdline=None, transport="stdout"):
    CURSOR[host] += 1
    rt = int(round(dt(t).timestamp() * 1e6))
    rec = {
        "__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (BOOT[host][:32], CURSOR[host], BOOT[host], rt - 1772000000000000, rt, hexid(16)),
        "__REALTIME_TIMESTAMP": str(rt), "__MONOTONIC_TIMESTAMP": str(rt - 1771400000000000),
        "_BOOT_ID": BOOT[host], "_MACHINE_ID": MACHINE[host], "_HOSTNAME": host, "PRIORITY": str(prio),
        "SYSLOG_FACILITY": "3", "SYSLOG_IDENTIFIER": ident, "_TRANSPORT": transport, "_PID": str(pid),
        "_UID": "0", "_GID": "0", "_SYSTEMD_SLICE": "system.slice", "_SYSTEMD_UNIT": unit,
        "_SYSTEMD_CGROUP": "/system.slice/%s" % unit, "MESSAGE": msg}
    if comm:
        rec["_COMM"] = comm
    if exe:
        rec["_EXE"] = exe
    if cmdline:
        rec["_CMDLINE"] = cmdline
    emit("%s/journal.json" % host, t, json.dumps(rec, separators=(",", ":")))


def ct_log(host, t, level, msg):
    journal(host, t, "consul-template", "consul-template.service", 1123 if host == "edge-lb-01" else 1098, 6 if level != "WARN" else 4,
            "%s [%s] %s" % (iso_ms(t).replace("Z", "Z"), level, msg), comm="consul-template", exe="/usr/bin/consul-template",
            cmdline="/usr/bin/consul-template -config=/etc/consul-template.d")


def nginx_err(host, t, level, pid, msg, conn=None):
    d = dt(t)
    c = ("*%d " % conn) if conn else ""
    emit("%s/nginx/error.log" % host, t, "%s [%s] %d#%d: %s%s" % (d.strftime("%Y/%m/%d %H:%M:%S"), level, pid, pid, c, msg))


def nginx_access(host, t, client, method, uri, status, size, ua, rt, uct, uht, urt, uaddr, ustatus, ref="-"):
    d = dt(t)
    line = '%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s" rt=%.3f uct="%s" uht="%s" urt="%s" ua="%s" us="%s" host="api.example.com"' % (
        client, d.strftime("%d/%b/%Y:%H:%M:%S +0000"), method, uri, status, size, ref, ua, rt, uct, uht, urt, uaddr, ustatus)
    emit("%s/nginx/access.log" % host, t + rt, line)


def nginx_reload(host, t):
    master = 1187 if host == "edge-lb-01" else 1154
    sig = NEXTPID[host]
    NEXTPID[host] += 1
    journal(host, t, "systemd", "init.scope", 1, 6, "Reloading nginx.service - A high performance web server and a reverse proxy server...",
            comm="systemd", exe="/usr/lib/systemd/systemd", cmdline="/sbin/init", transport="journal")
    nginx_err(host, t + 0.004, "notice", sig, "signal process started")
    nginx_err(host, t + 0.005, "notice", master, "signal 1 (SIGHUP) received from %d, reconfiguring" % sig)
    nginx_err(host, t + 0.005, "notice", master, "reconfiguring")
    nginx_err(host, t + 0.006, "notice", master, 'using the "epoll" event method')
    nginx_err(host, t + 0.006, "notice", master, "start worker processes")
    new = []
    for _ in range(4):
        p = NEXTPID[host]
        NEXTPID[host] += 1
        new.append(p)
        nginx_err(host, t + 0.007, "notice", master, "start worker process %d" % p)
    for p in WORKERS[host]:
        nginx_err(host, t + 0.01, "notice", p, "gracefully shutting down")
        nginx_err(host, t + rng.uniform(0.05, 1.2), "notice", p, "exiting")
        nginx_err(host, t + rng.uniform(1.2, 1.5), "notice", p, "exit")
        nginx_err(host, t + 1.55, "notice", master, "signal 17 (SIGCHLD) received from %d" % p)
        nginx_err(host, t + 1.55, "notice", master, "worker process %d exited with code 0" % p)
    nginx_err(host, t + 1.56, "notice", master, "signal 29 (SIGIO) received")
    WORKERS[host] = new
    journal(host, t + 0.02, "systemd", "init.scope", 1, 6, "Reloaded nginx.service - A high performance web server and a reverse proxy server.",
            comm="systemd", exe="/usr/lib/systemd/systemd", cmdline="/sbin/init", transport="journal")


def render(host, t, tmpl):
    ct_log(host, t, "INFO", '(runner) rendered "/etc/consul-template/%s.ctmpl" => "/etc/nginx/conf.d/upstream-%s.conf"' % (tmpl, tmpl))
    ct_log(host, t + 0.001, "INFO", '(runner) executing command "[\\"systemctl reload nginx\\"]" from "/etc/consul-template/%s.ctmpl" => "/etc/nginx/conf.d/upstream-%s.conf"' % (tmpl, tmpl))
    ct_log(host, t + 0.002, "INFO", '(child) spawning: systemctl reload nginx')
    nginx_reload(host, t + 0.05)


def app_syslog(host, t, ident, pid, msg):
    emit("%s/syslog" % host, t, "%s %s %s[%d]: %s" % (syslog_head(t), host, ident, pid, msg))


def consul_agent(host, t, level, msg):
    app_syslog(host, t, "consul", 812 if host.startswith("acc") else 790, "%s [%s]  %s" % (iso_ms(t), level, msg))


# ------------------------------------------------------------------ apps
def gunicorn_access(host, t, src, method, path, status, size, ua):
    d = dt(t)
    proto = "HTTP/1.1" if ua == "Consul Health Check" else "HTTP/1.0"
    emit("%s/accounts-api/access.log" % host, t, '%s - - [%s] "%s %s %s" %d %d "-" "%s"' % (
        src, d.strftime("%d/%b/%Y:%H:%M:%S +0000"), method, path, proto, status, size, ua))


def django(host, t, level, name, msg):
    d = dt(t)
    emit("%s/accounts-api/app.log" % host, t, "%s,%03d %s %s %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level, name, msg))


def gokit(host, t, **kv):
    parts = ["ts=%s" % iso_ms(t)]
    for k, v in kv.items():
        v = str(v)
        parts.append("%s=%s" % (k, '"%s"' % v.replace('"', '\\"') if (" " in v or "=" in v or '"' in v) else v))
    emit("%s/orders-api/app.log" % host, t, " ".join(parts))


def logback(host, t, level, thread, logger, msg, exc=None):
    d = dt(t)
    s = "%s.%03d %-5s [%s] %s - %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level, thread, logger, msg)
    if exc:
        s += "\n" + exc
    emit("%s/catalog-api/app.log" % host, t, s)


UAS_WEB = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
           "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3.1 Safari/605.1.15",
           "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0"]
UAS_APP = ["ExampleApp/8.4.1 (iPhone; iOS 17.3.1; Scale/3.00)", "ExampleApp/8.4.0 (Android 14; SM-A546B)", "okhttp/4.12.0"]
CLIENTS = ["%d.%d.%d.%d" % (rng.choice([2, 5, 37, 79, 87, 89, 141, 188]), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254)) for _ in range(500)]
USERS = [rng.randint(100000, 999999) for _ in range(800)]


def handle_accounts(lb, t, client, method, path, ua):
    servers = acc_servers(t)
    CONNID[lb] += 1
    cid = CONNID[lb]
    wpid = rng.choice(WORKERS[lb])
    up_path = path[len("/accounts"):]
    if not servers:
        rt = rng.uniform(0.0003, 0.0012)
        nginx_err(lb, t + rt, "error", wpid, 'connect() failed (111: Connection refused) while connecting to upstream, client: %s, server: api.example.com, request: "%s %s HTTP/1.1", upstream: "http://127.0.0.1:65535%s", host: "api.example.com"' % (client, method, path, up_path), conn=cid)
        nginx_access(lb, t, client, method, path, 502, 157, ua, rt, "-", "-", "0.000", "127.0.0.1:65535", "502")
        return 502
    h = rng.choice(servers)
    if not app_running(h, t):
        rt = 0.001
        nginx_err(lb, t + rt, "error", wpid, 'connect() failed (111: Connection refused) while connecting to upstream, client: %s, server: api.example.com, request: "%s %s HTTP/1.1", upstream: "http://%s:8000%s", host: "api.example.com"' % (client, method, path, ACC_IP[h], up_path), conn=cid)
        h2 = rng.choice([x for x in servers if x != h] or [h])
        d = rng.uniform(0.01, 0.06)
        st = 200
        gunicorn_access(h2, t + d, LB_IP[lb], method, up_path, st, rng.randint(90, 900), ua)
        nginx_access(lb, t, client, method, path, st, rng.randint(90, 900), ua, d + rt, "0.000, 0.001", "-, %.3f" % d, "0.001, %.3f" % d, "%s:8000, %s:8000" % (ACC_IP[h], ACC_IP[h2]), "502, %d" % st)
        return st
    d = rng.lognormvariate(-3.6, 0.5)
    st = 200
    if path.endswith("/sessions"):
        st = 201 if rng.random() < 0.93 else 401
    elif path.endswith("/me") and rng.random() < 0.03:
        st = 401
    size = rng.randint(90, 1400) if st < 400 else 58
    gunicorn_access(h, t + d, LB_IP[lb], method, up_path, st, size, ua)
    if st == 401:
        django(h, t + d, "WARNING", "django.request", "Unauthorized: %s" % up_path)
    elif path.endswith("/sessions") and rng.random() < 0.5:
        django(h, t + d, "INFO", "accounts.auth", "login succeeded user_id=%d mfa=%s" % (rng.choice(USERS), rng.choice(["false", "false", "totp"])))
    nginx_access(lb, t, client, method, path, st, size, ua, d + 0.0004, "0.000", "%.3f" % d, "%.3f" % d, "%s:8000" % ACC_IP[h], str(st))
    return st


def handle_orders(lb, t, client, method, path, ua):
    h = rng.choice(ORD)
    d = rng.lognormvariate(-3.4, 0.5)
    st = 200 if method == "GET" else 201
    if rng.random() < 0.01:
        st = 404
    gokit(h, t + d, level="info", caller="http.go:88", method=method, path=path[len("/orders"):], status=st, took="%.1fms" % (d * 1000), remote=LB_IP[lb])
    size = rng.randint(200, 4200)
    nginx_access(lb, t, client, method, path, st, size, ua, d + 0.0004, "0.000", "%.3f" % d, "%.3f" % d, "%s:8080" % ORD_IP[h], str(st))


def handle_catalog(lb, t, client, method, path, ua):
    ups = [h for h in CAT if cat_up(h, t)]
    h = rng.choice(ups)
    d = rng.lognormvariate(-3.9, 0.5)
    wpid = rng.choice(WORKERS[lb])
    CONNID[lb] += 1
    if not app_running(h, t):
        # consul-template has not yet removed it: one failed attempt then next upstream
        nginx_err(lb, t + 0.001, "error", wpid, 'connect() failed (111: Connection refused) while connecting to upstream, client: %s, server: api.example.com, request: "%s %s HTTP/1.1", upstream: "http://%s:8080%s", host: "api.example.com"' % (client, method, path, CAT_IP[h], path[len("/catalog"):]), conn=CONNID[lb])
        other = [x for x in CAT if x != h][0]
        if app_running(other, t):
            nginx_access(lb, t, client, method, path, 200, rng.randint(600, 9000), ua, d + 0.002, "0.001, 0.000", "-, %.3f" % d, "0.001, %.3f" % d, "%s:8080, %s:8080" % (CAT_IP[h], CAT_IP[other]), "502, 200")
        return
    if t >= CAT_DEPLOY[h] + 24 and t < CAT_DEPLOY[h] + 70 and rng.random() < 0.25:
        d += rng.uniform(0.4, 1.4)  # cold caches after restart
    nginx_access(lb, t, client, method, path, 200, rng.randint(600, 9000), ua, d + 0.0004, "0.000", "%.3f" % d, "%.3f" % d, "%s:8080" % CAT_IP[h], "200")


def handle_reports(lb, t, client, path, ua):
    ups = [i for i in range(2) if rep_up(i, t)]
    i = rng.choice(ups)
    wpid = rng.choice(WORKERS[lb])
    CONNID[lb] += 1
    if i == 1 and rng.random() < 0.25:
        nginx_err(lb, t + 30.0, "error", wpid, 'upstream timed out (110: Connection timed out) while reading response header from upstream, client: %s, server: api.example.com, request: "GET %s HTTP/1.1", upstream: "http://%s:8080%s", host: "api.example.com"' % (client, path, REP_IP[1], path[len("/reports"):]), conn=CONNID[lb])
        nginx_access(lb, t, client, "GET", path, 504, 160, ua, 30.001, "0.000", "-", "30.001", "%s:8080" % REP_IP[1], "504")
        return
    d = rng.uniform(0.2, 2.5)
    nginx_access(lb, t, client, "GET", path, 200, rng.randint(2000, 90000), ua, d, "0.000", "%.3f" % d, "%.3f" % d, "%s:8080" % REP_IP[i], "200")


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)

    t = 0.0
    while t < END:
        t += rng.expovariate(2.0)
        if t >= END:
            break
        lb = rng.choice(LBS)
        client = rng.choice(CLIENTS)
        r = rng.random()
        mobile = rng.random() < 0.55
        ua = rng.choice(UAS_APP if mobile else UAS_WEB)
        if r < 0.3:
            method, path = rng.choice([("POST", "/accounts/v1/sessions"), ("GET", "/accounts/v1/me"), ("GET", "/accounts/v1/me"),
                                       ("POST", "/accounts/v1/token/refresh"), ("POST", "/accounts/v1/token/refresh"), ("GET", "/accounts/v1/preferences")])
            st = handle_accounts(lb, t, client, method, path, ua)
            # mobile SDK retries 502 up to 3 times with short backoff (retry storm)
            if st == 502 and mobile:
                tt = t
                for k in range(3):
                    tt += 0.25 * (2 ** k) + rng.uniform(0, 0.1)
                    st = handle_accounts(rng.choice(LBS), tt, client, method, path, ua)
                    if st != 502:
                        break
        elif r < 0.58:
            method, path = rng.choice([("GET", "/orders/v1/orders"), ("GET", "/orders/v1/orders/%d" % rng.randint(4000000, 4999999)),
                                       ("POST", "/orders/v1/orders"), ("GET", "/orders/v1/orders/%d/tracking" % rng.randint(4000000, 4999999))])
            handle_orders(lb, t, client, method, path, ua)
        elif r < 0.97:
            path = rng.choice(["/catalog/v2/products?category=%d&page=%d" % (rng.randint(1, 80), rng.randint(1, 6)),
                               "/catalog/v2/products/%d" % rng.randint(10000, 99999), "/catalog/v2/search?q=%s" % rng.choice(["boots", "tent", "lamp", "kettle"])])
            handle_catalog(lb, t, client, "GET", path, ua)
        else:
            handle_reports(lb, t, "10.20.9.%d" % rng.randint(10, 30), "/reports/v1/exports/%d" % rng.randint(100, 999), "python-requests/2.31.0")

    # pre-existing nginx noise
    for lb in LBS:
        t = rng.uniform(10, 60)
        while t < END:
            t += rng.expovariate(1 / 100.0)
            CONNID[lb] += 1
            if rng.random() < 0.5:
                nginx_err(lb, t, "info", rng.choice(WORKERS[lb]), "SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: %s, server: 0.0.0.0:443" % rng.choice(CLIENTS), conn=CONNID[lb])
            else:
                nginx_err(lb, t, "error", rng.choice(WORKERS[lb]), 'client intended to send too large body: %d bytes, client: %s, server: api.example.com, request: "POST /orders/v1/attachments HTTP/1.1", host: "api.example.com"' % (rng.randint(10500000, 40000000), rng.choice(CLIENTS)), conn=CONNID[lb])

    # ---------------- consul-template renders + nginx reloads on both LBs
    renders = []
    for a, b in REP_FLAPS:
        renders.append((a + 1.2, "reports"))
        if b < END:
            renders.append((b + 1.1, "reports"))
    for h in CAT:
        a, b = CAT_CRIT[h]
        renders.append((a + 0.6, "catalog"))
        renders.append((b + 0.7, "catalog"))
    for h in ACC:
        renders.append((ACC_CRIT[h] + 0.4, "accounts"))
        renders.append((ACC_PASS_AGAIN[h] + 0.5, "accounts"))
    renders.sort()
    for lb in LBS:
        off = 0.0 if lb == "edge-lb-01" else rng.uniform(0.02, 0.2)
        for tt, tmpl in renders:
            render(lb, tt + off, tmpl)
        t = rng.uniform(0, 100)
        while t < END:
            if rng.random() < 0.5:
                ct_log(lb, t, "WARN", "(view) health.service(reports-api|passing): Unexpected response code: 500 (rpc error making call: rpc error making call: EOF) (retry attempt 1 after \"250ms\")")
            t += rng.uniform(600, 900)

    # ---------------- accounts-api hosts: deploys, health checks, consul agent
    for i, h in enumerate(ACC):
        ip = ACC_IP[h]
        td = ACC_DEPLOY[h]
        gpid_old = 2211 + i * 7
        gpid_new = 48812 + i * 131
        t = PHASE[h]
        while t < END:
            running = app_running(h, t)
            new = t >= td + 6.0
            if running:
                if new:
                    gunicorn_access(h, t + 0.002, ip, "GET", "/healthz", 404, 179, "Consul Health Check")
                    django(h, t + 0.002, "WARNING", "django.request", "Not Found: /healthz")
                else:
                    gunicorn_access(h, t + 0.002, ip, "GET", "/healthz", 200, 2, "Consul Health Check")
            if t >= ACC_CRIT[h] - 0.1 and t < ACC_PASS_AGAIN[h] - 3:
                consul_agent(h, t + 0.004, "WARN", "agent: Check is now critical: check=service:accounts-api")
            t += 10.0
        # fixed definition now probes /health/live
        t = FIX + 3.0 + i * 1.7
        while t < END:
            gunicorn_access(h, t, ip, "GET", "/health/live", 200, 15, "Consul Health Check")
            t += 10.0
        consul_agent(h, ACC_CRIT[h] + 0.01, "INFO", "agent: Synced check: check=service:accounts-api")
        consul_agent(h, FIX + i * 1.7, "INFO", "agent: Caught: signal=hangup")
        consul_agent(h, FIX + i * 1.7 + 0.001, "INFO", "agent: Reloading configuration...")
        consul_agent(h, FIX + i * 1.7 + 0.02, "INFO", "agent: Synced service: service=accounts-api")
        consul_agent(h, ACC_PASS_AGAIN[h] + 0.01, "INFO", "agent: Synced check: check=service:accounts-api")
        # deploy (ansible via ssh -> systemctl restart)
        app_syslog(h, td - 2.2, "sshd", 51200 + i, "Accepted publickey for deploy from 10.20.9.5 port %d ssh2: ED25519 SHA256:q2mB0Yc1kq7kR9o1xMZs8g9Jm3b2kq6tHq1oT3y0Pp8" % rng.randint(40000, 60000))
        app_syslog(h, td - 1.0, "ansible-ansible.legacy.unarchive", 51230 + i, "Invoked with src=/tmp/accounts-api-4.12.0.tar.gz dest=/opt/accounts-api/releases/4.12.0 remote_src=True")
        app_syslog(h, td, "systemd", 1, "Stopping accounts-api.service - Accounts API (gunicorn)...")
        app_syslog(h, td + 0.1, "gunicorn", gpid_old, "[%s +0000] [%d] [INFO] Handling signal: term" % (dt(td + 0.1).strftime("%Y-%m-%d %H:%M:%S"), gpid_old))
        for w in range(4):
            app_syslog(h, td + 0.5, "gunicorn", gpid_old, "[%s +0000] [%d] [INFO] Worker exiting (pid: %d)" % (dt(td + 0.5).strftime("%Y-%m-%d %H:%M:%S"), gpid_old + 1 + w, gpid_old + 1 + w))
        app_syslog(h, td + 1.2, "gunicorn", gpid_old, "[%s +0000] [%d] [INFO] Shutting down: Master" % (dt(td + 1.2).strftime("%Y-%m-%d %H:%M:%S"), gpid_old))
        app_syslog(h, td + 1.3, "systemd", 1, "accounts-api.service: Deactivated successfully.")
        app_syslog(h, td + 1.3, "systemd", 1, "Stopped accounts-api.service - Accounts API (gunicorn).")
        app_syslog(h, td + 1.4, "systemd", 1, "Started accounts-api.service - Accounts API (gunicorn).")
        ts = td + 1.9
        app_syslog(h, ts, "gunicorn", gpid_new, "[%s +0000] [%d] [INFO] Starting gunicorn 21.2.0" % (dt(ts).strftime("%Y-%m-%d %H:%M:%S"), gpid_new))
        app_syslog(h, ts, "gunicorn", gpid_new, "[%s +0000] [%d] [INFO] Listening at: http://0.0.0.0:8000 (%d)" % (dt(ts).strftime("%Y-%m-%d %H:%M:%S"), gpid_new, gpid_new))
        app_syslog(h, ts, "gunicorn", gpid_new, "[%s +0000] [%d] [INFO] Using worker: gthread" % (dt(ts).strftime("%Y-%m-%d %H:%M:%S"), gpid_new))
        for w in range(4):
            app_syslog(h, ts + 0.05 * w, "gunicorn", gpid_new, "[%s +0000] [%d] [INFO] Booting worker with pid: %d" % (dt(ts).strftime("%Y-%m-%d %H:%M:%S"), gpid_new + 1 + w, gpid_new + 1 + w))
        django(h, td + 5.1, "INFO", "accounts.apps", "accounts-api 4.12.0 ready (commit 9f1c2ab, settings=accounts.settings.production)")
        django(h, td + 5.2, "INFO", "accounts.health", "health endpoints: /health/live /health/ready")
        app_syslog(h, td + 7.0, "ansible-ansible.legacy.uri", 51260 + i, "Invoked with url=http://127.0.0.1:8000/health/live status_code=[200] timeout=5 method=GET")
        # pre-existing periodic noise
        t = rng.uniform(0, 300)
        while t < END:
            app_syslog(h, t, "CRON", 60000 + int(t), "(root) CMD (/usr/local/bin/rotate-django-sessions >/dev/null 2>&1)")
            t += 600
        t = rng.uniform(50, 300)
        while t < END:
            django(h, t, "WARNING", "accounts.ratelimit", "login rate limit exceeded for ip=%s (10/60s)" % rng.choice(CLIENTS))
            t += rng.uniform(200, 700)

    # ---------------- orders-api background
    for h in ORD:
        t = rng.uniform(20, 200)
        while t < END:
            gokit(h, t, level="error", caller="webhook.go:57", msg="payment webhook signature mismatch", provider="adyen", psp_reference="%016d" % rng.randint(10 ** 15, 10 ** 16 - 1))
            t += rng.uniform(240, 600)
        t = rng.uniform(0, 60)
        while t < END:
            gokit(h, t, level="info", caller="outbox.go:101", msg="outbox flushed", events=rng.randint(0, 14))
            t += 60

    # ---------------- catalog-api hosts: deploy at 14:21:30 / 14:23:00 (red herring)
    for i, h in enumerate(CAT):
        td = CAT_DEPLOY[h]
        t = rng.uniform(0, 60)
        while t < END:
            if app_running(h, t):
                logback(h, t, "INFO", "scheduling-1", "c.e.catalog.cache.PriceCacheWarmer", "Warmed %d price entries in %d ms" % (rng.randint(4000, 5200), rng.randint(80, 300)))
            t += 60
        logback(h, td + 0.2, "INFO", "SpringApplicationShutdownHook", "o.s.b.w.e.tomcat.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete")
        logback(h, td + 0.9, "INFO", "tomcat-shutdown", "o.s.b.w.e.tomcat.GracefulShutdown", "Graceful shutdown complete")
        logback(h, td + 6.1, "INFO", "main", "com.example.catalog.CatalogApplication", "Starting CatalogApplication v7.3.0 using Java 21.0.2 with PID %d" % (3100 + i))
        logback(h, td + 12.4, "WARN", "main", "o.h.engine.jdbc.spi.SqlExceptionHelper", "SQL Warning Code: 0, SQLState: 00000")
        logback(h, td + 12.5, "WARN", "main", "o.h.engine.jdbc.spi.SqlExceptionHelper", "relation \"product_search_idx\" already exists, skipping")
        logback(h, td + 23.2, "INFO", "main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path ''")
        logback(h, td + 23.3, "INFO", "main", "com.example.catalog.CatalogApplication", "Started CatalogApplication in 17.024 seconds (process running for 17.9)")
        logback(h, td + 40.0, "ERROR", "http-nio-8080-exec-3", "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: java.lang.IllegalStateException: price cache not warmed yet] with root cause",
                "java.lang.IllegalStateException: price cache not warmed yet\n\tat com.example.catalog.cache.PriceCache.get(PriceCache.java:58)\n\tat com.example.catalog.web.ProductController.product(ProductController.java:41)\n\t... 48 common frames omitted")
        a, b = CAT_CRIT[h]
        t = a
        while t < b:
            consul_agent(h, t, "WARN", 'agent: Check is now critical: check=service:catalog-api')
            t += 10
        consul_agent(h, a + 0.01, "INFO", "agent: Synced check: check=service:catalog-api")
        consul_agent(h, b + 0.01, "INFO", "agent: Synced check: check=service:catalog-api")
        app_syslog(h, td - 0.3, "systemd", 1, "Stopping catalog-api.service - Catalog API...")
        app_syslog(h, td + 1.0, "systemd", 1, "catalog-api.service: Deactivated successfully.")
        app_syslog(h, td + 1.0, "systemd", 1, "Stopped catalog-api.service - Catalog API.")
        app_syslog(h, td + 1.1, "systemd", 1, "catalog-api.service: Consumed 2h 14min 9.611s CPU time.")
        app_syslog(h, td + 5.9, "systemd", 1, "Started catalog-api.service - Catalog API.")

    for name, rows in FILES.items():
        rows.sort(key=lambda r: (r[0], r[1]))
        p = OUT / name
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            for _, _, text in rows:
                f.write(text)
                f.write("\n")
    print("accounts critical:", {h: iso_ms(v) for h, v in ACC_CRIT.items()})


if __name__ == "__main__":
    main()
