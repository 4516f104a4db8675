#!/usr/bin/env python3
"""f05: unbounded cache in quote-engine on quote-02 grows for days; host starts swapping; latency and timeouts in pricing-api."""
import datetime as dt
import json
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
R = random.Random(5005)
UTC = dt.timezone.utc
T0 = dt.datetime(2026, 4, 2, 6, 0, 0, tzinfo=UTC)
T_END = dt.datetime(2026, 4, 2, 9, 50, 0, tzinfo=UTC)
T_SWAP = dt.datetime(2026, 4, 2, 8, 9, 40, tzinfo=UTC)      # swap-in starts
T_THRASH = dt.datetime(2026, 4, 2, 8, 52, 0, tzinfo=UTC)    # latency visible
T_TO = dt.datetime(2026, 4, 2, 9, 4, 30, tzinfo=UTC)        # timeouts
T_DEP = dt.datetime(2026, 4, 2, 8, 31, 5, tzinfo=UTC)       # pricing-api deploy (red herring)
WARSAW = dt.timedelta(hours=2)
files = {}


def emit(path, t, line):
    files.setdefault(path, []).append((t, line))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def sev(t):
    """0..1 swap pressure on quote-02"""
    if t < T_SWAP:
        return 0.0
    if t < T_THRASH:
        return 0.15 * (t - T_SWAP).total_seconds() / (T_THRASH - T_SWAP).total_seconds()
    if t < T_TO:
        return 0.15 + 0.35 * (t - T_THRASH).total_seconds() / (T_TO - T_THRASH).total_seconds()
    return min(1.0, 0.5 + 0.5 * (t - T_TO).total_seconds() / 1500.0)


def rss_gb(host, t):
    base = {"quote-01": 2.1, "quote-02": 6.55, "quote-03": 2.3}[host]
    return base + 0.42 * (t - T0).total_seconds() / 3600.0


def rust(t, lvl, target, msg, span=""):
    return "%s %5s %s%s: %s" % (t.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), lvl, span, target, msg)


# ---------------------------------------------------------------- quote-engine
PIDS = {"quote-01": 1841, "quote-02": 977, "quote-03": 1902}
BOOT_ID = {h: hexid(32) for h in PIDS}
MACHINE = {h: hexid(32) for h in PIDS}
cursor = [0]


def journal(host, t, ident, msg, prio=6, pid=None, unit=None, transport="stdout", extra=None):
    cursor[0] += 1
    rec = {"__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (hexid(32), 0x1a2b3c + cursor[0], BOOT_ID[host], 0x2f0000000 + cursor[0] * 7919, int(t.timestamp() * 1e6), hexid(16)),
           "__REALTIME_TIMESTAMP": str(int(t.timestamp() * 1e6)), "__MONOTONIC_TIMESTAMP": str(int((t - dt.datetime(2026, 3, 24, 13, 2, 0, tzinfo=UTC)).total_seconds() * 1e6)),
           "_BOOT_ID": BOOT_ID[host], "PRIORITY": str(prio), "_TRANSPORT": transport, "_HOSTNAME": host, "_MACHINE_ID": MACHINE[host], "SYSLOG_IDENTIFIER": ident}
    if transport == "stdout":
        rec.update({"SYSLOG_FACILITY": "3", "_UID": "998", "_GID": "998", "_COMM": ident, "_EXE": "/opt/quote-engine/bin/quote-engine",
                    "_CMDLINE": "/opt/quote-engine/bin/quote-engine --config /etc/quote-engine/config.toml", "_SYSTEMD_CGROUP": "/system.slice/%s" % unit,
                    "_SYSTEMD_UNIT": unit, "_SYSTEMD_SLICE": "system.slice", "_STREAM_ID": hexid(32), "_PID": str(pid)})
    elif transport == "kernel":
        rec.update({"SYSLOG_FACILITY": "0", "_KERNEL_DEVICE": "+memory", "_SOURCE_MONOTONIC_TIMESTAMP": rec["__MONOTONIC_TIMESTAMP"]})
    else:
        rec.update({"SYSLOG_FACILITY": "3", "_PID": str(pid), "_UID": "0", "_GID": "0", "_COMM": ident, "_SYSTEMD_UNIT": unit or "init.scope"})
    if extra:
        rec.update(extra)
    rec["MESSAGE"] = msg
    emit("quote-02/journalctl-o-json_2026-04-02T0600Z.json" if host == "quote-02" else None, t, json.dumps(rec, separators=(",", ":")))


def qe(host, t, lvl, target, msg, span=""):
    line = rust(t, lvl, target, msg, span)
    if host == "quote-02":
        journal(host, t, "quote-engine", line, prio={"INFO": 6, "WARN": 4, "ERROR": 3}[lvl], pid=PIDS[host], unit="quote-engine.service")
    else:
        emit("%s/var/log/quote-engine/quote-engine.log.2026-04-02" % host, t, line)


for host in PIDS:
    t = T0 + dt.timedelta(seconds=R.uniform(0, 59))
    entries = {"quote-01": 410000, "quote-02": 2851000, "quote-03": 455000}[host]
    while t < T_END:
        entries += R.randint(1500, 2300)
        s = sev(t) if host == "quote-02" else 0.0
        qe(host, t, "INFO", "quote_engine::cache", "cache stats entries=%d hit_ratio=%.3f evictions=0 approx_bytes=%d" % (entries, R.uniform(0.91, 0.95), int(rss_gb(host, t) * 0.86e9)))
        qe(host, t + dt.timedelta(milliseconds=2), "INFO", "quote_engine::scheduler", "tick=fx-refresh rates=168 source=ecb elapsed_ms=%d" % (R.randint(40, 90) + int(s * R.uniform(800, 4200))))
        if s > 0.2 and R.random() < s:
            qe(host, t + dt.timedelta(milliseconds=int(2100 * s)), "WARN", "quote_engine::scheduler", "tick overran budget tick=fx-refresh elapsed_ms=%d budget_ms=1000" % (1000 + int(s * R.uniform(900, 4000))))
        t += dt.timedelta(seconds=60 + R.uniform(-0.05, 0.05) + 3 * s)
    if host != "quote-02":
        emit("%s/var/log/quote-engine/quote-engine.log.2026-04-02" % host, T0 - dt.timedelta(hours=5, minutes=57),
             rust(T0 - dt.timedelta(hours=5, minutes=57), "INFO", "quote_engine::config", "configuration reloaded path=/etc/quote-engine/config.toml margin_table=v2026.04.01"))
# quote-02 host journal: memory pressure signals (sparse)
journal("quote-02", T_SWAP + dt.timedelta(minutes=19, seconds=3), "systemd-journald", "Under memory pressure, flushing caches.", prio=6, pid=402, unit="systemd-journald.service", transport="journal")
journal("quote-02", T_THRASH + dt.timedelta(minutes=3, seconds=11), "systemd-journald", "Under memory pressure, flushing caches.", prio=6, pid=402, unit="systemd-journald.service", transport="journal")
for k in range(5):
    tk = T_TO + dt.timedelta(minutes=4 + k * 6, seconds=R.uniform(0, 40))
    journal("quote-02", tk, "systemd-journald", "Under memory pressure, flushing caches.", prio=6, pid=402, unit="systemd-journald.service", transport="journal")
tk = T_TO + dt.timedelta(minutes=17, seconds=22)
for i, m in enumerate(["INFO: task quote-engine:1013 blocked for more than 122 seconds.", "      Not tainted 6.1.0-18-cloud-amd64 #1 Debian 6.1.76-1",
                       "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.", "task:quote-engine     state:D stack:0     pid:1013  ppid:1      flags:0x00000000",
                       "Call Trace:", " <TASK>", " __schedule+0x34d/0x9e0", " schedule+0x5a/0xd0", " io_schedule+0x42/0x70", " folio_wait_bit_common+0x12d/0x350",
                       " do_swap_page+0x2a7/0xb70", " __handle_mm_fault+0x6e3/0xbc0", " handle_mm_fault+0xdb/0x2d0",
                       " do_user_addr_fault+0x1b0/0x5a0", " exc_page_fault+0x70/0x170", " asm_exc_page_fault+0x26/0x30", " </TASK>"]):
    journal("quote-02", tk + dt.timedelta(microseconds=i), "kernel", m, prio=3 if i == 0 else 4, transport="kernel")
# routine host noise
for host in ("quote-02",):
    t = T0
    while t < T_END:
        t += dt.timedelta(minutes=10, seconds=R.uniform(0, 2))
        journal(host, t, "CRON", "(prometheus) CMD (/usr/local/bin/textfile-collector.sh)", prio=6, pid=R.randint(20000, 40000), unit="cron.service", transport="syslog")
    journal(host, T0 + dt.timedelta(minutes=47, seconds=3), "systemd", "Starting apt-daily-upgrade.service - Daily apt upgrade and clean activities...", pid=1, transport="journal")
    journal(host, T0 + dt.timedelta(minutes=47, seconds=31), "systemd", "apt-daily-upgrade.service: Deactivated successfully.", pid=1, transport="journal")

# ---------------------------------------------------------------- pricing-api (pm2 + pino) on app-01, app-02
APPS = {"app-01": [3311, 3312], "app-02": [2920, 2921]}
UPS = {"quote-01": "10.20.4.11:7070", "quote-02": "10.20.4.12:7070", "quote-03": "10.20.4.13:7070"}
reqn = [0]


def pino(host, t, lvl, pid, obj):
    o = {"level": lvl, "time": int(t.timestamp() * 1000), "pid": pid, "hostname": host}
    o.update(obj)
    emit("%s/home/deploy/.pm2/logs/pricing-api-out-%d.log" % (host, APPS[host].index(pid if pid in APPS[host] else pid - 400)), t, json.dumps(o, separators=(",", ":")))


t = T0
while t < T_END:
    t += dt.timedelta(seconds=R.expovariate(2.2))
    host = R.choice(["app-01", "app-02"])
    pid = R.choice(APPS[host])
    if t > T_DEP + dt.timedelta(seconds=30 if host == "app-01" else 75):
        pid = pid + 400
    reqn[0] += 1
    rid = "req-%d" % reqn[0]
    up = R.choice(list(UPS))
    lat = R.uniform(6, 28)
    status = 200
    err = None
    if up == "quote-02":
        s = sev(t)
        lat += s * R.expovariate(1 / 500.0) + (s * R.uniform(200, 1400) if R.random() < s else 0)
        if lat > 800:
            err, lat, status = "timeout", 800 + R.uniform(0, 3), 504
    route = R.choice(["/v2/prices/basket", "/v2/prices/basket", "/v2/prices/item", "/v2/prices/promo-preview"])
    if err:
        pino(host, t + dt.timedelta(milliseconds=lat), 50, pid, {"reqId": rid, "upstream": "http://%s/v1/quote" % UPS[up],
             "err": {"type": "DOMException", "message": "The operation was aborted due to timeout", "stack": "TimeoutError: The operation was aborted due to timeout\n    at new DOMException (node:internal/per_context/domexception:53:5)\n    at AbortSignal.timeout (node:internal/abort_controller:130:9)\n    at QuoteClient.quote (/srv/pricing-api/dist/clients/quote.js:41:32)\n    at async priceBasket (/srv/pricing-api/dist/routes/basket.js:27:19)", "name": "TimeoutError", "code": 23},
             "msg": "quote-engine call failed"})
    tot = lat + R.uniform(1, 5)
    pino(host, t + dt.timedelta(milliseconds=tot), 30 if status == 200 else 40, pid, {"req": {"id": rid, "method": "POST", "url": route, "remoteAddress": "10.20.1.%d" % R.randint(10, 40)},
         "res": {"statusCode": status}, "responseTime": int(tot), "msg": "request completed"})
    if R.random() < 0.004:
        pino(host, t, 40, pid, {"ccy": R.choice(["CHF", "SEK", "NOK", "HUF"]), "ageSec": R.randint(3700, 7100), "msg": "fx rate older than 1h, using last known value"})
for host in APPS:
    td = T_DEP + dt.timedelta(seconds=30 if host == "app-01" else 75)
    for i, old in enumerate(APPS[host]):
        pino(host, td - dt.timedelta(seconds=1.2 - i * 0.1), 30, old, {"signal": "SIGINT", "msg": "graceful shutdown: closing server"})
        pino(host, td + dt.timedelta(seconds=0.8 + i * 0.1), 30, old + 400, {"version": "3.18.0", "node": "v20.12.1", "msg": "pricing-api listening on :8080"})
        pino(host, td + dt.timedelta(seconds=0.9 + i * 0.1), 30, old + 400, {"upstreams": [UPS[k] for k in sorted(UPS)], "timeoutMs": 800, "msg": "quote client configured"})

# ---------------------------------------------------------------- zabbix problems export (CSV, server local time Europe/Warsaw)
ZB = [("Warning", T_SWAP + dt.timedelta(minutes=2, seconds=7), None, "quote-02", "Linux: Lack of available memory (< 20% of total)"),
      ("Average", T_THRASH - dt.timedelta(minutes=6, seconds=50), None, "quote-02", "Linux: High swap space usage (less than 50% free)"),
      ("Warning", T_THRASH + dt.timedelta(minutes=7, seconds=13), None, "quote-02", "Linux: Load average is too high (per CPU load over 1.5 for 5m)"),
      ("High", T_TO + dt.timedelta(minutes=1, seconds=2), None, "app-01", "pricing-api: 5xx rate > 2% for 3m"),
      ("High", T_TO + dt.timedelta(minutes=1, seconds=32), None, "app-02", "pricing-api: 5xx rate > 2% for 3m"),
      ("Warning", dt.datetime(2026, 4, 2, 7, 12, 40, tzinfo=UTC), dt.datetime(2026, 4, 2, 7, 14, 40, tzinfo=UTC), "app-02", "Linux: Disk read/write request responses are too high (read > 20 ms for 15m or write > 20 ms for 15m)"),
      ("Information", dt.datetime(2026, 4, 1, 23, 3, 10, tzinfo=UTC), None, "quote-01", "Linux: Operating system description has changed"),
      ("Warning", dt.datetime(2026, 4, 2, 8, 31, 40, tzinfo=UTC), dt.datetime(2026, 4, 2, 8, 33, 40, tzinfo=UTC), "app-01", "pricing-api: process restarted (uptime < 10m)"),
      ("Warning", dt.datetime(2026, 4, 2, 8, 32, 25, tzinfo=UTC), dt.datetime(2026, 4, 2, 8, 34, 25, tzinfo=UTC), "app-02", "pricing-api: process restarted (uptime < 10m)")]
T_EXPORT = dt.datetime(2026, 4, 2, 9, 50, 12, tzinfo=UTC)


def dur(s):
    s = int(s)
    d, s = divmod(s, 86400)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    out = []
    if d:
        out.append("%dd" % d)
    if h:
        out.append("%dh" % h)
    if m:
        out.append("%dm" % m)
    if s and not d:
        out.append("%ds" % s)
    return " ".join(out)


rows = ['"Severity","Time","Recovery time","Status","Info","Host","Problem","Duration","Update","Actions","Tags"']
for sv, t, rec, host, prob in sorted(ZB, key=lambda x: x[1], reverse=True):
    rows.append('"%s","%s","%s","%s","","%s","%s","%s","Update","%s","%s"' % (
        sv, (t + WARSAW).strftime("%Y-%m-%d %H:%M:%S"), (rec + WARSAW).strftime("%Y-%m-%d %H:%M:%S") if rec else "", "RESOLVED" if rec else "PROBLEM", host, prob,
        dur(((rec or T_EXPORT) - t).total_seconds()), "1" if sv in ("High", "Average") else "", "class: os, component: memory" if "memory" in prob or "swap" in prob else ("class: software, component: application" if "pricing" in prob else "class: os")))
emit("zabbix/zbx_problems_export_2026-04-02_1150.csv", T_EXPORT, "\n".join(rows))

# ---------------------------------------------------------------- write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
for path in sorted(p for p in files if p):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    rws = sorted(files[path], key=lambda x: x[0])
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        for _, line in rws:
            f.write(line + "\n")
