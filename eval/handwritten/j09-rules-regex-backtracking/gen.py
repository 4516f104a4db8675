#!/usr/bin/env python3
"""Generator for case j09 (deterministic, standard library only).

Writes ./logs/ beside this file. Re-running produces byte-identical output.
"""
import datetime
import json
import math
import os
import random
import shutil

SEED = 9909
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
UTC = datetime.timezone.utc
DAY0 = datetime.datetime(2025, 3, 27, tzinfo=UTC).timestamp()


def T(h, m, s=0.0):
    return DAY0 + h * 3600 + m * 60 + s


def dt(t):
    return datetime.datetime.fromtimestamp(round(t, 6), UTC)


def log4j_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (d.microsecond // 1000)


def short_iso_precise(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d+00:00" % d.microsecond


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def apache_err_ts(t):
    d = dt(t)
    return d.strftime("%a %b %d %H:%M:%S.") + "%06d" % d.microsecond + d.strftime(" %Y")


def apache_acc_ts(t):
    return dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000")


LINES = {}


def emit(path, t, line):
    LINES.setdefault(path, []).append((t, len(LINES.get(path, [])), line))


def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))


def lognorm(median, sigma):
    return median * math.exp(R.gauss(0, sigma))


START = T(9, 10)
END = T(10, 10)
RELOAD = {"rules-engine-01": T(9, 40, 17.306), "rules-engine-02": T(9, 40, 19.118), "rules-engine-03": T(9, 40, 21.842)}
INV_DEPLOY = T(9, 37, 30.0)
RULES_HOSTS = ["rules-engine-01", "rules-engine-02", "rules-engine-03"]
CHECKOUT_HOSTS = ["checkout-svc-01", "checkout-svc-02"]
EDGE_HOSTS = ["edge-httpd-01", "edge-httpd-02"]


class Journal:
    def __init__(self, host, unit, ident, pid, comm, exe, cmdline, uid):
        self.host = host
        self.unit = unit
        self.ident = ident
        self.pid = pid
        self.comm = comm
        self.exe = exe
        self.cmdline = cmdline
        self.uid = uid
        self.boot = hexid(32)
        self.machine = hexid(32)
        self.seqnum_id = hexid(32)
        self.seq = R.randint(10 ** 6, 9 * 10 ** 6)
        self.inv = hexid(32)
        self.stream = hexid(32)
        self.mono0 = R.randint(10 ** 12, 9 * 10 ** 12)

    def rec(self, t, prio, msg, transport="stdout", ident=None, pid=None, unit=None, extra=None):
        self.seq += 1
        us = int(round(t * 1e6))
        mono = self.mono0 + int((t - START) * 1e6)
        d = {"__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (self.seqnum_id, self.seq, self.boot, mono, us, hexid(16)),
             "__REALTIME_TIMESTAMP": str(us), "__MONOTONIC_TIMESTAMP": str(mono), "__SEQNUM": str(self.seq),
             "__SEQNUM_ID": self.seqnum_id, "_BOOT_ID": self.boot, "_MACHINE_ID": self.machine, "_HOSTNAME": self.host,
             "PRIORITY": str(prio), "SYSLOG_FACILITY": "3", "_TRANSPORT": transport}
        if transport == "stdout":
            d.update({"_STREAM_ID": self.stream, "SYSLOG_IDENTIFIER": ident or self.ident, "_PID": str(pid or self.pid),
                      "_UID": str(self.uid), "_GID": str(self.uid), "_COMM": self.comm, "_EXE": self.exe, "_CMDLINE": self.cmdline,
                      "_CAP_EFFECTIVE": "0", "_SELINUX_CONTEXT": "unconfined\n", "_SYSTEMD_CGROUP": "/system.slice/%s" % (unit or self.unit),
                      "_SYSTEMD_UNIT": unit or self.unit, "_SYSTEMD_SLICE": "system.slice", "_SYSTEMD_INVOCATION_ID": self.inv})
        else:
            d.update({"SYSLOG_IDENTIFIER": ident or "systemd", "_PID": "1", "_UID": "0", "_GID": "0", "_COMM": "systemd",
                      "_EXE": "/usr/lib/systemd/systemd", "_CMDLINE": "/sbin/init", "_CAP_EFFECTIVE": "1ffffffffff",
                      "_SYSTEMD_CGROUP": "/init.scope", "_SYSTEMD_UNIT": "init.scope", "_SYSTEMD_SLICE": "-.slice",
                      "UNIT": unit or self.unit, "CODE_FILE": "src/core/unit.c", "CODE_LINE": "5832", "CODE_FUNC": "unit_log_resources",
                      "MESSAGE_ID": "ae8f7b866b0347b9af31fe1c80b127c0", "INVOCATION_ID": self.inv, "_SOURCE_REALTIME_TIMESTAMP": str(us - 40)})
        if extra:
            d.update(extra)
        d["MESSAGE"] = msg
        return json.dumps(d, separators=(",", ":"))


JR = {h: Journal(h, "rules-engine.service", "rules-engine", R.randint(1100, 1900), "java",
                 "/usr/lib/jvm/java-21-openjdk-amd64/bin/java",
                 "/usr/bin/java -Xms6g -Xmx6g -XX:+UseG1GC -Dlog4j2.configurationFile=/etc/rules-engine/log4j2.xml -jar /opt/rules-engine/rules-engine-7.4.2.jar",
                 997) for h in RULES_HOSTS}


def rlog(host, t, level, thread, logger, msg):
    prio = {"ERROR": 3, "WARN": 4, "INFO": 6, "DEBUG": 7}[level]
    line = "%s %-5s [%s] %s - %s" % (log4j_ts(t), level, thread, logger, msg)
    emit("%s/journal-rules-engine.json" % host, t + R.uniform(0.0001, 0.002), JR[host].rec(t, prio, line))


def rules_load(host, t):
    r = RELOAD[host]
    if t < r + 1.5:
        return 0.0
    return min(1.0, 0.55 + (t - r) / 90.0)


def evaluate(t, host, descriptor_bad):
    L = rules_load(host, t)
    if L == 0:
        return True, lognorm(6, 0.4)
    ms = lognorm(40 + 5200 * L * L, 0.6)
    if descriptor_bad:
        ms += lognorm(3500, 0.5)
    return ms < 2000, ms


def rules_background():
    for h in RULES_HOSTS:
        t = START + R.uniform(0, 60)
        while t < END:
            t += 60
            L = rules_load(h, t)
            evals = int(R.randint(2200, 2600) * (1 - 0.85 * L))
            p99 = int(lognorm(9, 0.2) if L == 0 else lognorm(2000 + 9000 * L, 0.3))
            rlog(h, t, "INFO", "stats-reporter", "c.f.r.m.StatsReporter", "evaluations=%d p50=%dms p99=%dms active=%d/%d queued=%d" % (
                evals, max(2, int(p99 / 4)) if L else R.randint(3, 5), p99, R.randint(1, 6) if L == 0 else 64, 64, 0 if L == 0 else R.randint(200, 1400)))
            if R.random() < 0.3:
                rlog(h, t + 3, "WARN", "pool-2-thread-1", "c.f.r.e.GeoIpEnricher", "GeoIP database is %d days old (GeoIP2-City_20250301)" % R.randint(26, 27))
            if R.random() < 0.15:
                rlog(h, t + 7, "ERROR", "qtp%d-%d" % (1922154895, R.randint(30, 99)), "c.f.r.a.EvaluateResource", "Rejected malformed request: Unrecognized field \"deviceFingerprintV3\" (class com.fernpay.rules.api.EvaluateRequest), not marked as ignorable")
        t = RELOAD[h] - 60 * 30
        while t < END:
            if abs(t - RELOAD[h]) < 1:
                rlog(h, t, "INFO", "rules-poller", "c.f.r.c.RuleSetPoller", "New rule set available: s3://fernpay-rules-prod/rulesets/ruleset-2025.03.27-2.json (etag \"9c1f0e4b7a62d85c3e1f0a9b2d4c6e81\")")
                rlog(h, t + 0.41, "INFO", "rules-poller", "c.f.r.c.RuleSetLoader", "Compiled 412 rules (3 added, 1 modified, 0 removed) in 388 ms")
                rlog(h, t + 0.42, "INFO", "rules-poller", "c.f.r.c.RuleSetLoader", "Activated rule set 2025.03.27-2 (previous 2025.03.26-1)")
            elif t > START and R.random() < 0.25:
                rlog(h, t, "INFO", "rules-poller", "c.f.r.c.RuleSetPoller", "Rule set unchanged (etag \"%s\")" % ("4be07d2a91c3f5e8a6b0d1c2e3f4a5b6" if t < RELOAD[h] else "9c1f0e4b7a62d85c3e1f0a9b2d4c6e81"))
            t += 60
        t = RELOAD[h] + R.uniform(4, 9)
        sup = 0
        while t < END:
            sup = int(R.randint(40, 400) * rules_load(h, t))
            rlog(h, t, "WARN", "eval-%d" % R.randint(1, 64), "c.f.r.e.RuleEvaluator",
                 "Rule evaluation exceeded budget: rule=R-2211 ('merchant descriptor sanity') elapsed=%dms budget=50ms txn=tx_%s (%d similar messages suppressed)" % (
                     int(lognorm(4200, 0.5)), hexid(16), sup))
            t += R.uniform(50, 70)
        t = RELOAD[h] + 95 + R.uniform(0, 20)
        while t < END:
            rlog(h, t, "WARN", "qtp1922154895-%d" % R.randint(20, 30), "o.e.j.u.t.QueuedThreadPool",
                 "QueuedThreadPool[qtp1922154895]@729c1e27{STARTED,8<=200<=200,i=0,r=-1,q=1000}[NO_TRY] rejected org.eclipse.jetty.io.ManagedSelector$Accept@%s" % hexid(8))
            t += R.uniform(20, 90)
    for h in RULES_HOSTS:
        t = START + R.uniform(0, 600)
        while t < END:
            emit("%s/journal-rules-engine.json" % h, t, JR[h].rec(t, 6, "Starting sysstat-collect.service - system activity accounting tool...", transport="journal", unit="sysstat-collect.service"))
            emit("%s/journal-rules-engine.json" % h, t + 0.05, JR[h].rec(t + 0.05, 6, "sysstat-collect.service: Deactivated successfully.", transport="journal", unit="sysstat-collect.service"))
            t += 600


def ck(host, t, level, caller, msg, **kw):
    parts = ["ts=%s" % iso_ms(t), "level=%s" % level, "caller=%s" % caller, 'msg="%s"' % msg]
    for k, v in kw.items():
        v = str(v)
        if any(c in v for c in ' "='):
            v = '"%s"' % v.replace('"', '\\"')
        parts.append("%s=%s" % (k, v))
    pid = {"checkout-svc-01": 2211, "checkout-svc-02": 2187}[host]
    emit("%s/journal-short-iso.log" % host, t, "%s %s checkout-svc[%d]: %s" % (short_iso_precise(t + R.uniform(0.00001, 0.0003)), host, pid, " ".join(parts)))


def inventory_reserve(t, host):
    if INV_DEPLOY + 10 < t < INV_DEPLOY + 120 and R.random() < 0.3:
        ck(host, t, "warn", "inventory.go:61", "stock reservation failed, continuing without hold", err="rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp 10.44.3.21:9090: connect: connection refused\"", upstream="inventory-svc.int.fernpay.net:9090")
        return 3.0
    return lognorm(12, 0.3)


def authorize(t, host, txn):
    d = lognorm(0.004, 0.3)
    d += inventory_reserve(t + d, host) / 1000.0
    bad = R.random() < 0.18
    attempts = 0
    while True:
        attempts += 1
        rh = R.choice(RULES_HOSTS)
        ok, ms = evaluate(t + d, rh, bad)
        if ok:
            d += ms / 1000.0
            break
        d += 2.0
        ck(host, t + d, "warn", "fraud/client.go:88", "fraud check failed", txn=txn, attempt=attempts,
           err='Post "http://rules.int.fernpay.net:8080/v1/evaluate": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
           upstream="%s.int.fernpay.net:8080" % rh)
        if attempts == 3:
            ck(host, t + d + 0.0002, "error", "checkout/authorize.go:142", "authorization declined: fraud check unavailable (fail-closed)", txn=txn, amount_minor=R.randint(500, 90000), currency=R.choice(["EUR", "GBP", "USD"]))
            return 503, d + 0.001
        d += 0.2 * attempts
    d += lognorm(0.32, 0.3)
    if R.random() < 0.04:
        ck(host, t + d, "info", "checkout/authorize.go:171", "card declined by issuer", txn=txn, code=R.choice(["05", "51", "54"]))
        return 402, d
    if R.random() < 0.1:
        ck(host, t + d, "info", "checkout/authorize.go:180", "authorized", txn=txn, psp="adyen", latency_ms=int(d * 1000))
    return 200, d


UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15",
       "okhttp/4.12.0", "Fernpay-SDK/3.2.1 (python-requests/2.32.3)"]


def traffic():
    t = START
    while t < END:
        t += R.expovariate(2.0)
        edge = R.choice(EDGE_HOSTS)
        ck_host = R.choice(CHECKOUT_HOSTS)
        ip = "%d.%d.%d.%d" % (R.choice([31, 46, 62, 77, 85, 93, 109, 178, 185]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
        ua = R.choice(UAS)
        x = R.random()
        if x < 0.42:
            txn = "tx_" + hexid(16)
            code, d = authorize(t, ck_host, txn)
            path, method = "/api/v1/payments/authorize", "POST"
            size = {200: 412, 402: 188, 503: 96}[code]
            if d > 6.0:
                apache_err(edge, t + 6.0, "proxy_http:error", "(70007)The timeout specified has expired: [client %s:%d] AH01102: error reading status line from remote server %s.int.fernpay.net:8080, referer: https://pay.fernpay.net/checkout" % (ip, R.randint(20000, 65000), ck_host))
                apache_err(edge, t + 6.0001, "proxy:error", "[client %s:%d] AH00898: Error reading from remote server returned by /api/v1/payments/authorize, referer: https://pay.fernpay.net/checkout" % (ip, R.randint(20000, 65000)))
                code, d, size = 504, 6.0, 247
            apache_acc(edge, t, ip, method, path, code, size, "https://pay.fernpay.net/checkout", ua, d)
        elif x < 0.62:
            path = "/api/v1/payments/%s" % ("tx_" + hexid(16))
            d = lognorm(0.018, 0.3)
            apache_acc(edge, t, ip, "GET", path, 200 if R.random() > 0.02 else 404, R.randint(300, 900), "-", ua, d)
        elif x < 0.72:
            d = lognorm(0.03, 0.3)
            apache_acc(edge, t, ip, "GET", "/api/v1/merchants/me/config", 200, R.randint(1000, 3000), "-", ua, d)
        else:
            d = lognorm(0.002, 0.3)
            apache_acc(edge, t, ip, "GET", "/checkout/assets/app.%s.js" % "7d1f3c", 200, 241233, "https://pay.fernpay.net/checkout", UAS[R.randrange(3)], d)


def apache_acc(edge, t, ip, method, path, code, size, ref, ua, d):
    te = t + d
    emit("%s/apache2/access.log" % edge, te, '%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s" %d' % (ip, apache_acc_ts(te), method, path, code, size, ref, ua, int(d * 1e6)))


def apache_err(edge, t, mod, msg):
    pid = {"edge-httpd-01": 3318, "edge-httpd-02": 3290}[edge]
    emit("%s/apache2/error.log" % edge, t, "[%s] [%s] [pid %d:tid %d] %s" % (apache_err_ts(t), mod, pid + R.randint(0, 6), 140000000000000 + R.randint(10 ** 9, 9 * 10 ** 9), msg))


def background():
    for e in EDGE_HOSTS:
        t = START + R.uniform(0, 60)
        while t < END:
            t += R.uniform(90, 240)
            apache_err(e, t, "proxy:error", "AH00940: HTTP: disabled connection for (legacy-reports.int.fernpay.net:8080)")
            if R.random() < 0.3:
                apache_err(e, t + 5, "ssl:info", "[client %d.%d.%d.%d:%d] AH02008: SSL library error 1 in handshake (server pay.fernpay.net:443)" % (R.randint(1, 223), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254), R.randint(20000, 65000)))
    for h in CHECKOUT_HOSTS:
        t = START + R.uniform(0, 30)
        while t < END:
            t += R.uniform(20, 80)
            x = R.random()
            if x < 0.5:
                ck(h, t, "info", "metrics/pusher.go:40", "pushed metrics", series=R.randint(800, 900))
            elif x < 0.8:
                ck(h, t, "warn", "psp/adyen.go:212", "3DS challenge abandoned", txn="tx_" + hexid(16), elapsed="180s")
            else:
                ck(h, t, "error", "webhook/sender.go:77", "merchant webhook delivery failed", merchant="m_%s" % hexid(6), status=410, url="https://hooks.example-merchant.com/fernpay")
    j = Journal("inventory-svc-01", "inventory-svc.service", "inventory-svc", 7741, "inventory-svc", "/opt/inventory-svc/bin/inventory-svc", "/opt/inventory-svc/bin/inventory-svc --config /etc/inventory-svc/config.yaml", 996)
    f = "inventory-svc-01/journal-inventory-svc.json"
    t = START
    while t < INV_DEPLOY:
        t += R.uniform(15, 45)
        emit(f, t, j.rec(t, 6, '{"level":"info","time":"%s","message":"reservations compacted","released":%d}' % (iso_ms(t), R.randint(0, 40))))
    emit(f, INV_DEPLOY, j.rec(INV_DEPLOY, 6, "Stopping inventory-svc.service - Fernpay inventory holds...", transport="journal", ident="systemd"))
    emit(f, INV_DEPLOY + 0.5, j.rec(INV_DEPLOY + 0.5, 6, "inventory-svc.service: Deactivated successfully.", transport="journal", ident="systemd"))
    emit(f, INV_DEPLOY + 0.6, j.rec(INV_DEPLOY + 0.6, 6, "Stopped inventory-svc.service - Fernpay inventory holds.", transport="journal", ident="systemd"))
    j.pid = 8120
    j.inv = hexid(32)
    emit(f, INV_DEPLOY + 118.0, j.rec(INV_DEPLOY + 118.0, 6, "Started inventory-svc.service - Fernpay inventory holds.", transport="journal", ident="systemd"))
    emit(f, INV_DEPLOY + 118.2, j.rec(INV_DEPLOY + 118.2, 6, '{"level":"info","time":"%s","message":"starting inventory-svc","version":"1.31.0"}' % iso_ms(INV_DEPLOY + 118.2)))
    emit(f, INV_DEPLOY + 118.3, j.rec(INV_DEPLOY + 118.3, 4, '{"level":"warn","time":"%s","message":"applying schema migration 0043_hold_expiry_index; this may take a while"}' % iso_ms(INV_DEPLOY + 118.3)))
    t = INV_DEPLOY + 120
    while t < END:
        t += R.uniform(15, 45)
        if R.random() < 0.12:
            emit(f, t, j.rec(t, 3, '{"level":"error","time":"%s","message":"hold expiry sweep failed","error":"ERROR: deadlock detected (SQLSTATE 40P01)"}' % iso_ms(t)))
        else:
            emit(f, t, j.rec(t, 6, '{"level":"info","time":"%s","message":"reservations compacted","released":%d}' % (iso_ms(t), R.randint(0, 40))))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    traffic()
    rules_background()
    background()
    for path in sorted(LINES):
        full = os.path.join(OUT, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        rows = sorted(LINES[path], key=lambda r: (r[0], r[1]))
        with open(full, "w", encoding="utf-8", newline="\n") as fh:
            for r in rows:
                fh.write(r[2])
                fh.write("\n")


if __name__ == "__main__":
    main()
