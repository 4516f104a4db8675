#!/usr/bin/env python3
"""b09: the billing MySQL primary's data volume fills up with binlogs; commits
hang ('Disk is full writing ./binlog... Waiting for someone to free space'),
connections pile up to max_connections.  Callers look saturated (PHP-FPM
max_children, gunicorn WORKER TIMEOUT).  Syslog (RFC 3164) from the DB host.
Run: python3 gen.py"""
SEED = 909
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common.py")).read())

# ---- case -------------------------------------------------------------------
clean_logs()
S = Sink()

START = T("2026-02-22T02:55:00Z")
END = T("2026-02-22T03:31:00Z")
FULL = T("2026-02-22T03:12:40.318Z")
PURGE = T("2026-02-22T03:24:10.904Z")
RESUME = T("2026-02-22T03:24:40.318Z")       # next 60s retry after space is freed
CONN_LIMIT_AT = T("2026-02-22T03:15:02Z")    # max_connections (300) reached
PHP_TZ = 1                                  # php-fpm logs in Europe/Berlin local time

MY = "logs/billing-mysql/error.log"
SYS = "logs/billing-mysql/syslog"
NGA = "logs/edge-nginx/access.log"
NGE = "logs/edge-nginx/error.log"
FPM = "logs/invoice-portal/php8.2-fpm.log"
SLOW = "logs/invoice-portal/www-slow.log"
LAR = "logs/invoice-portal/laravel-2026-02-22.log"
GE = "logs/billing-api/gunicorn-error.log"
GA = "logs/billing-api/gunicorn-access.log"
BA = "logs/billing-api/app.log"
UI = "logs/usage-ingest.log"
RP = "logs/reporting.log"


def hung(t):
    return FULL <= t < RESUME


def too_many(t):
    return CONN_LIMIT_AT <= t < RESUME + timedelta(seconds=8)


def my(t, thread, lvl, code, sub, msg):
    S.add(MY, t, "%s %d [%s] [%s] [%s] %s" % (iso(t, 6), thread, lvl, code, sub, msg))


def sysl(t, proc, msg):
    S.add(SYS, t, "%s db-billing-01 %s: %s" % (rfc3164(t), proc, msg))


def php_ts(t):
    lt = t + timedelta(hours=PHP_TZ)
    return "%02d-%s-%04d %s" % (lt.day, MONTHS[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"))


def fpm(t, msg):
    S.add(FPM, t, "[%s] %s" % (php_ts(t), msg))


def lar(t, level, msg):
    S.add(LAR, t, "[%s] production.%s: %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), level, msg))


def nga(t, method, path, status, size, rt, ups, urt):
    S.add(NGA, t + timedelta(seconds=rt), '%s - - [%s] "%s %s HTTP/1.1" %d %d "-" "%s" %.3f %s %s' % (
        ip("77.11"), clf(t), method, path, status, size, R.choice(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/121.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) Safari/605.1.15", "BillingSync/1.4"]),
        rt, ups, urt))


# ---------------------------------------------------------------- mysql + host
# pre-existing: a legacy reporting user with mysql_native_password warns on every connect
for t in poisson_times(START, END, 1 / 20.0):
    my(t, R.randint(80000, 99000), "Warning", "MY-013360", "Server", "Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'")
my(T("2026-02-22T03:00:00.012Z"), 0, "Note", "MY-011953", "InnoDB", "Page cleaner took 4812ms to flush 2000 and evict 0 pages")
my(FULL, 17, "ERROR", "MY-000035", "Server", "Disk is full writing './binlog.000412' (OS errno 28 - No space left on device). Waiting for someone to free space... Retry in 60 secs. Message reprinted in 600 secs.")
my(FULL + timedelta(seconds=2.4), 0, "ERROR", "MY-012592", "InnoDB", "Operating system error number 28 in a file operation.")
my(FULL + timedelta(seconds=2.4), 0, "ERROR", "MY-012596", "InnoDB", "Error number 28 means 'No space left on device'")
my(FULL + timedelta(seconds=2.4), 0, "Warning", "MY-012637", "InnoDB", "1048576 bytes should have been written. Only 409600 bytes written. Retrying for the remaining bytes.")
my(FULL + timedelta(seconds=2.5), 0, "Warning", "MY-012638", "InnoDB", "Retry attempts for writing partial data failed.")
my(FULL + timedelta(seconds=600), 17, "ERROR", "MY-000035", "Server", "Disk is full writing './binlog.000412' (OS errno 28 - No space left on device). Waiting for someone to free space... Retry in 60 secs. Message reprinted in 600 secs.")
my(RESUME + timedelta(seconds=0.3), 0, "Warning", "MY-010897", "Server", "Aborted connection %d to db: 'billing' user: 'portal' host: '10.40.2.18' (Got timeout reading communication packets)." % R.randint(90000, 99999))
for i in range(6):
    my(RESUME + timedelta(seconds=0.3 + 0.01 * i), 0, "Note", "MY-010914", "Server", "Aborted connection %d to db: 'billing' user: '%s' host: '10.40.2.%d' (Got an error reading communication packets)." % (R.randint(90000, 99999), R.choice(["portal", "billing_api", "ingest"]), R.randint(10, 40)))

# host syslog: disk check cron every 5 min escalates; rsyslog/journald complain once full
pct = [83, 86, 90, 94, 97, 99]
for i, t in enumerate(every(START + timedelta(seconds=30), END, 300)):
    if t < FULL:
        p = pct[min(i, len(pct) - 1)]
        sysl(t, "CRON[%d]" % R.randint(20000, 30000), "(root) CMD (/usr/local/bin/check_disk -w 85 -c 95 -p /var/lib/mysql)")
        lvl = "OK" if p < 85 else ("WARNING" if p < 95 else "CRITICAL")
        sysl(t + timedelta(seconds=1), "check_disk[%d]" % R.randint(20000, 30000), "DISK %s - free space: /var/lib/mysql %d MB (%d%% inode=97%%);" % (lvl, int(512000 * (100 - p) / 100), 100 - p))
    elif t < PURGE:
        sysl(t, "CRON[%d]" % R.randint(20000, 30000), "(root) CMD (/usr/local/bin/check_disk -w 85 -c 95 -p /var/lib/mysql)")
        sysl(t + timedelta(seconds=1), "check_disk[%d]" % R.randint(20000, 30000), "DISK CRITICAL - free space: /var/lib/mysql 0 MB (0% inode=97%);")
    else:
        sysl(t, "CRON[%d]" % R.randint(20000, 30000), "(root) CMD (/usr/local/bin/check_disk -w 85 -c 95 -p /var/lib/mysql)")
        sysl(t + timedelta(seconds=1), "check_disk[%d]" % R.randint(20000, 30000), "DISK WARNING - free space: /var/lib/mysql 61440 MB (12% inode=97%);")
for t in every(START + timedelta(seconds=12), END, 60):
    sysl(t, "systemd[1]", "Started mysql-exporter-textfile.service - Export MySQL binlog size.") if R.random() < 0.3 else None
sysl(FULL + timedelta(seconds=9), "rsyslogd[688]", "file '/var/log/mysql/slow.log': write error: No space left on device [v8.2112.0 try https://www.rsyslog.com/e/2027 ]")
sysl(FULL + timedelta(seconds=31), "systemd-journald[402]", "Failed to open system journal: No space left on device")
sysl(FULL + timedelta(seconds=95), "rsyslogd[688]", "action 'action-1-builtin:omfile' suspended (module 'builtin:omfile'), retry 0. There should be messages before this one giving the reason for suspension. [v8.2112.0 try https://www.rsyslog.com/e/2007 ]")
sysl(PURGE - timedelta(seconds=41), "sshd[31202]", "Accepted publickey for dba from 10.40.0.5 port 52214 ssh2: ED25519 SHA256:Kq2w1yq2vQ7sWq4d8r9Vx3oF0b1pLZk0u8x7s6d5f4A")
sysl(PURGE - timedelta(seconds=3), "sudo[31260]", "     dba : TTY=pts/0 ; PWD=/home/dba ; USER=root ; COMMAND=/usr/bin/mysql -e \"PURGE BINARY LOGS BEFORE '2026-02-15 00:00:00'\"")
sysl(PURGE + timedelta(seconds=20), "systemd-journald[402]", "System Journal (/var/log/journal/5d1c7e0b2a3f4e6d9c8b7a6f5e4d3c2b) is 1.1G, max 4.0G, 2.8G free.")

# ---------------------------------------------------------------- usage-ingest (Go, logrus) writes every second
def ui(t, level, msg, **kw):
    S.add(UI, t, logrus(t, level, msg, **kw))


open_conns = 12
for t in every(START, END, 1.0, jitter=0.05):
    rows = R.randint(300, 800)
    if hung(t):
        # batch INSERT hangs on commit; ctx timeout 10s
        if too_many(t):
            ui(t + timedelta(milliseconds=3), "error", "flush batch failed", table="usage_events", rows=rows, err="Error 1040 (08004): Too many connections")
        else:
            ui(t + timedelta(seconds=10), "error", "flush batch failed", table="usage_events", rows=rows, err="context deadline exceeded", db="billing-mysql.internal:3306")
        if R.random() < 0.2:
            ui(t + timedelta(seconds=10, milliseconds=1), "warning", "spooling batch to disk, backlog growing", spool_dir="/var/spool/usage-ingest", backlog=R.randint(100, 9000))
    else:
        if R.random() < 0.1:
            ui(t + timedelta(milliseconds=R.randint(8, 30)), "info", "flushed batch", table="usage_events", rows=rows, took_ms=R.randint(8, 30))
for t in every(START, END, 60):
    ui(t, "info", "db pool stats", open=R.randint(8, 14) if not hung(t) else min(120, 14 + int((t - FULL).total_seconds() / 5)), in_use=R.randint(1, 4) if not hung(t) else min(120, 14 + int((t - FULL).total_seconds() / 5)), idle=R.randint(6, 10) if not hung(t) else 0)

# ---------------------------------------------------------------- billing-api (python, gunicorn sync workers, timeout 30)
def ge(t, pid, lvl, msg):
    S.add(GE, t, gunicorn_err(t, pid, lvl, msg))


workers = {pid: None for pid in (18, 19, 20, 21)}   # pid -> busy-until
next_pid = [40]
for t in poisson_times(START, END, 0.7):
    path = R.choice(["/v1/payments", "/v1/payments", "/v1/invoices/%d/pay" % R.randint(10000, 99999), "/v1/balance/%d" % R.randint(1000, 9999)])
    method = "GET" if path.startswith("/v1/balance") else "POST"
    free = [p for p, b in workers.items() if b is None or b <= t]
    if not free:
        # all sync workers busy: nginx waits then times out (proxy_read_timeout 60s)
        nga(t, method, path, 504, 167, 60.0, "10.40.3.21:8000", "60.001")
        S.add(NGE, t + timedelta(seconds=60), nginx_err(t + timedelta(seconds=60), "error", 2211, R.randint(10**6, 10**7), 'upstream timed out (110: Connection timed out) while reading response header from upstream, client: %s, server: billing.kestrel-energy.de, request: "%s %s HTTP/1.1", upstream: "http://10.40.3.21:8000%s", host: "billing.kestrel-energy.de"' % (ip("77.11"), method, path, path)))
        continue
    pid = R.choice(free)
    if hung(t) and method == "POST":
        if too_many(t):
            d = R.uniform(0.005, 0.02)
            S.add(BA, t + timedelta(seconds=d), pylog(t + timedelta(seconds=d), "ERROR", "billing.db", "payment %s failed: (pymysql.err.OperationalError) (1040, 'Too many connections')" % uuid()))
            S.add(GA, t + timedelta(seconds=d), '10.40.1.5 - - [%s] "%s %s HTTP/1.0" 500 52 "-" "nginx" %d' % (clf(t), method, path, int(d * 1e6)))
            nga(t, method, path, 500, 52, d + 0.002, "10.40.3.21:8000", "%.3f" % d)
            continue
        # the worker hangs in COMMIT until gunicorn kills it after 30s
        workers[pid] = t + timedelta(seconds=30.5)
        kt = t + timedelta(seconds=30 + R.uniform(0.1, 0.9))
        ge(kt, 1, "CRITICAL", "WORKER TIMEOUT (pid:%d)" % pid)
        ge(kt + timedelta(milliseconds=2), pid, "ERROR", "Error handling request %s\nTraceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/gunicorn/workers/sync.py\", line 135, in handle\n    self.handle_request(listener, req, client, addr)\n  File \"/app/billing/payments.py\", line 112, in create_payment\n    db.session.commit()\n  File \"/usr/local/lib/python3.12/site-packages/pymysql/connections.py\", line 775, in _read_bytes\n    data = self._rfile.read(num_bytes)\n  File \"/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py\", line 204, in handle_abort\n    sys.exit(1)\nSystemExit: 1" % path)
        ge(kt + timedelta(milliseconds=5), pid, "INFO", "Worker exiting (pid: %d)" % pid)
        np_ = next_pid[0]
        next_pid[0] += R.randint(1, 3)
        ge(kt + timedelta(milliseconds=R.randint(200, 400)), np_, "INFO", "Booting worker with pid: %d" % np_)
        del workers[pid]
        workers[np_] = kt + timedelta(seconds=0.4)
        nga(t, method, path, 502, 157, (kt - t).total_seconds(), "10.40.3.21:8000", "%.3f" % (kt - t).total_seconds())
        S.add(NGE, kt, nginx_err(kt, "error", 2211, R.randint(10**6, 10**7), 'upstream prematurely closed connection while reading response header from upstream, client: %s, server: billing.kestrel-energy.de, request: "%s %s HTTP/1.1", upstream: "http://10.40.3.21:8000%s", host: "billing.kestrel-energy.de"' % (ip("77.11"), method, path, path)))
        continue
    d = logn(60 if method == "POST" else 15, 0.3) / 1000
    workers[pid] = t + timedelta(seconds=d)
    S.add(GA, t + timedelta(seconds=d), '10.40.1.5 - - [%s] "%s %s HTTP/1.0" %d %d "-" "nginx" %d' % (clf(t), method, path, 201 if method == "POST" else 200, R.randint(80, 900), int(d * 1e6)))
    if method == "POST" and R.random() < 0.3:
        S.add(BA, t + timedelta(seconds=d), pylog(t + timedelta(seconds=d), "INFO", "billing.payments", "payment captured id=%s amount_cents=%d" % (uuid(), R.randint(1000, 90000))))
    nga(t, method, path, 201 if method == "POST" else 200, R.randint(80, 900), d + 0.002, "10.40.3.21:8000", "%.3f" % d)

# ---------------------------------------------------------------- invoice-portal (nginx -> php-fpm, Laravel)
busy = []   # busy-until times of fpm children
MAXCH = 40
last_maxch = [START]
LAR_TRACE = """[stacktrace]
#0 /var/www/portal/vendor/laravel/framework/src/Illuminate/Database/Connection.php(779): Illuminate\\\\Database\\\\Connection->runQueryCallback('%s', Array, Object(Closure))
#1 /var/www/portal/vendor/laravel/framework/src/Illuminate/Database/Connection.php(398): Illuminate\\\\Database\\\\Connection->run('%s', Array, Object(Closure))
#2 /var/www/portal/app/Http/Controllers/InvoiceController.php(61): Illuminate\\\\Database\\\\Query\\\\Builder->%s()
#3 /var/www/portal/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54): App\\\\Http\\\\Controllers\\\\InvoiceController->%s(Object(Illuminate\\\\Http\\\\Request))
#4 {main}
"}"""
for t in poisson_times(START, END, 2.2):
    busy = [b for b in busy if b > t]
    kind = R.random()
    path = R.choice(["/invoices", "/invoices/%d" % R.randint(10000, 99999), "/account/usage"]) if kind < 0.75 else R.choice(["/invoices/%d/download" % R.randint(10000, 99999), "/login"])
    method = "POST" if path == "/login" else "GET"
    writes = (path == "/login") or R.random() < 0.35   # session + audit-log insert on many requests
    if len(busy) >= MAXCH:
        if (t - last_maxch[0]).total_seconds() > 10:
            fpm(t, "WARNING: [pool www] server reached pm.max_children setting (40), consider raising it")
            last_maxch[0] = t
        # request queues on the fpm socket backlog until nginx gives up (fastcgi_read_timeout 60s)
        nga(t, method, path, 504, 167, 60.0, "unix:/run/php/php8.2-fpm.sock", "60.000")
        S.add(NGE, t + timedelta(seconds=60), nginx_err(t + timedelta(seconds=60), "error", 2210, R.randint(10**6, 10**7), 'upstream timed out (110: Connection timed out) while reading response header from upstream, client: %s, server: portal.kestrel-energy.de, request: "%s %s HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "portal.kestrel-energy.de"' % (ip("77.11"), method, path)))
        continue
    if hung(t) and writes:
        if too_many(t):
            d = R.uniform(0.01, 0.04)
            sql = "insert into `audit_log` (`user_id`, `action`, `created_at`) values (?, ?, ?)"
            lar(t + timedelta(seconds=d), "ERROR", "SQLSTATE[HY000] [1040] Too many connections (Connection: mysql, SQL: %s) {\"exception\":\"[object] (Illuminate\\\\Database\\\\QueryException(code: 1040): SQLSTATE[HY000] [1040] Too many connections (Connection: mysql, SQL: %s) at /var/www/portal/vendor/laravel/framework/src/Illuminate/Database/Connection.php:825)\n" % (sql, sql) +
                LAR_TRACE % ("insert", "insert", "insert", "show"))
            nga(t, method, path, 500, 612, d + 0.002, "unix:/run/php/php8.2-fpm.sock", "%.3f" % d)
            continue
        # child blocks in the INSERT/COMMIT; request_terminate_timeout=30s
        pid = R.randint(1500, 4000)
        busy.append(t + timedelta(seconds=30))
        st = t + timedelta(seconds=5)
        S.add(SLOW, st, "\n[%s]  [pool www] pid %d\nscript_filename = /var/www/portal/public/index.php\n[0x00007f3a1c613f10] execute() /var/www/portal/vendor/laravel/framework/src/Illuminate/Database/Connection.php:585\n[0x00007f3a1c613e70] Illuminate\\Database\\{closure}() /var/www/portal/vendor/laravel/framework/src/Illuminate/Database/Connection.php:816\n[0x00007f3a1c613dd0] runQueryCallback() /var/www/portal/vendor/laravel/framework/src/Illuminate/Database/Connection.php:783\n[0x00007f3a1c613d40] insert() /var/www/portal/app/Support/AuditLog.php:22" % (php_ts(st), pid))
        kt = t + timedelta(seconds=30.0 + R.uniform(0.001, 0.05))
        fpm(kt, "WARNING: [pool www] child %d, script '/var/www/portal/public/index.php' (request: \"%s /index.php\") execution timed out (30.%06d sec), terminating" % (pid, method, R.randint(0, 60000)))
        fpm(kt + timedelta(milliseconds=3), "WARNING: [pool www] child %d exited on signal 15 (SIGTERM) after %.6f seconds from start" % (pid, R.uniform(300, 4000)))
        fpm(kt + timedelta(milliseconds=4), "NOTICE: [pool www] child %d started" % (pid + R.randint(1, 300)))
        nga(t, method, path, 502, 166, 30.01, "unix:/run/php/php8.2-fpm.sock", "30.010")
        S.add(NGE, kt, nginx_err(kt, "error", 2210, R.randint(10**6, 10**7), 'recv() failed (104: Connection reset by peer) while reading response header from upstream, client: %s, server: portal.kestrel-energy.de, request: "%s %s HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "portal.kestrel-energy.de"' % (ip("77.11"), method, path)))
        continue
    d = logn(90, 0.35) / 1000
    busy.append(t + timedelta(seconds=d))
    nga(t, method, path, 200 if method == "GET" else 302, R.randint(3000, 60000) if method == "GET" else 0, d + 0.001, "unix:/run/php/php8.2-fpm.sock", "%.3f" % d)
    if R.random() < 0.04:
        lar(t + timedelta(seconds=d), "INFO", "Invoice PDF generated {\"invoice\":%d,\"ms\":%d}" % (R.randint(10000, 99999), R.randint(200, 900)))

# pre-existing Laravel warning (deprecation), all along
for t in poisson_times(START, END, 1 / 30.0):
    lar(t, "WARNING", "Creation of dynamic property App\\Models\\Invoice::$legacy_ref is deprecated in /var/www/portal/app/Models/Invoice.php on line 88")
# fpm pool status lines
for t in every(START + timedelta(seconds=40), END, 600):
    fpm(t, "NOTICE: [pool www] 'pm.max_children' is 40, 'pm.start_servers' is 8 (dynamic)")

# reporting (reads from the replica) - unaffected, pre-existing slow query warnings
for t in poisson_times(START, END, 1 / 35.0):
    S.add(RP, t, pylog(t, "WARNING", "reports.sql", "slow query on billing-mysql-replica.internal took %.1fs: SELECT customer_id, SUM(kwh) FROM usage_events WHERE day >= %%s GROUP BY customer_id" % R.uniform(5, 14)))
for t in every(START, END, 120):
    S.add(RP, t, pylog(t, "INFO", "reports.scheduler", "next run: dashboard_refresh in 120s"))

S.add(SYS, T("2026-02-22T03:18:02Z"), "\x00\x00\x00\x00\x00\x00\x00\x00Feb 22 03:18:02 db-billing-01 kernel: [")
S.write()
