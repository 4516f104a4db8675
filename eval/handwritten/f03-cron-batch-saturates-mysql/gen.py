#!/usr/bin/env python3
"""f03: nightly ledger-reconcile cron runs an unbounded join on the shared orders MySQL primary; storefront PHP-FPM and loyalty-service starve."""
import datetime as dt
import gzip
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
R = random.Random(3003)
UTC = dt.timezone.utc
CET = dt.timedelta(hours=1)  # Europe/Berlin in February, written without offset by most of these tools
T0 = dt.datetime(2026, 2, 3, 0, 44, 0, tzinfo=UTC)
T_END = dt.datetime(2026, 2, 3, 1, 36, 0, tzinfo=UTC)
T_CRON = dt.datetime(2026, 2, 3, 1, 0, 1, 412000, tzinfo=UTC)
T_Q = dt.datetime(2026, 2, 3, 1, 0, 3, 87000, tzinfo=UTC)  # the big query starts
T_KILL = dt.datetime(2026, 2, 3, 1, 27, 41, 0, tzinfo=UTC)
T_DEP = dt.datetime(2026, 2, 3, 0, 50, 2, 0, tzinfo=UTC)
files = {}
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def emit(path, t, line):
    files.setdefault(path, []).append((t, line))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def load(t):
    """0..1 saturation of the MySQL primary"""
    if t < T_Q + dt.timedelta(seconds=50):
        return 0.0
    if t < T_Q + dt.timedelta(seconds=200):
        return (t - T_Q - dt.timedelta(seconds=50)).total_seconds() / 150.0
    if t < T_KILL:
        return 1.0
    if t < T_KILL + dt.timedelta(seconds=40):
        return 1.0 - (t - T_KILL).total_seconds() / 40.0
    return 0.0


def fpm_ts(t):
    lt = t + CET
    return "%02d-%s-%d %s" % (lt.day, MON[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"))


# ------------------------------------------------------------------ mysql
SLOW = "orders-mysql/db-orders-01/var/log/mysql/mysql-slow.log"
ERR = "orders-mysql/db-orders-01/var/log/mysql/error.log"
emit(SLOW, T0 - dt.timedelta(days=2), "/usr/sbin/mysqld, Version: 8.0.36-0ubuntu0.22.04.1 ((Ubuntu)). started with:\nTcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock\nTime                 Id Command    Argument")


def slow(t_end, user, host, cid, qt, lt, sent, exam, sql, db=None):
    hdr = "# Time: %s\n# User@Host: %s[%s] @  [%s]  Id: %d\n# Query_time: %.6f  Lock_time: %.6f Rows_sent: %d  Rows_examined: %d\n" % (
        t_end.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), user, user, host, cid, qt, lt, sent, exam)
    if db:
        hdr += "use %s;\n" % db
    hdr += "SET timestamp=%d;\n%s" % (int((t_end - dt.timedelta(seconds=qt)).timestamp()), sql)
    emit(SLOW, t_end, hdr)


def myerr(t, lvl, code, sub, msg, thr=0):
    emit(ERR, t, "%s %d [%s] [%s] [%s] %s" % (t.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), thr, lvl, code, sub, msg))


# pre-existing noise on the DB
t = T0
while t < T_END:
    t += dt.timedelta(seconds=R.uniform(90, 240))
    myerr(t, "Warning", "MY-010055", "Server", "IP address '10.4.9.%d' could not be resolved: Name or service not known" % R.choice([3, 17]))
t = T0 + dt.timedelta(seconds=30)
while t < T_END:
    t += dt.timedelta(seconds=R.uniform(100, 300))
    qt = R.uniform(1.05, 1.9)
    slow(t, "storefront", "10.4.2.%d" % R.choice([11, 12, 13]), R.randint(880000, 899999), qt, 0.000009, 48, R.randint(180000, 260000),
         "SELECT p.id, p.sku, p.name, p.price_cents FROM products p WHERE p.active = 1 AND (p.name LIKE '%%%s%%' OR p.description LIKE '%%%s%%') ORDER BY p.popularity DESC LIMIT 48;" % ((R.choice(["wander", "regen", "zelt", "socken"]),) * 2), db="shop")

# the cron query (written to the slow log only when it ends: killed)
REC_SQL = ("INSERT INTO ledger.reconcile_diff (order_id, order_total_cents, captured_cents, refunded_cents, psp_reference, diff_cents)\n"
           "SELECT o.id, o.total_cents, COALESCE(SUM(pc.amount_cents),0), COALESCE(SUM(pr.amount_cents),0), MAX(pc.psp_reference),\n"
           "       o.total_cents - COALESCE(SUM(pc.amount_cents),0) + COALESCE(SUM(pr.amount_cents),0)\n"
           "FROM shop.orders o\n"
           "LEFT JOIN shop.payment_captures pc ON pc.order_id = o.id\n"
           "LEFT JOIN shop.payment_refunds pr ON pr.order_id = o.id\n"
           "WHERE DATE_FORMAT(o.created_at, '%Y-%m') <= '2026-01'\n"
           "GROUP BY o.id, o.total_cents\n"
           "HAVING diff_cents <> 0;")
slow(T_KILL + dt.timedelta(milliseconds=210), "ledger_reconcile", "10.4.7.22", 1771203, (T_KILL - T_Q).total_seconds() + 0.21, 0.000214, 0, 318554210, REC_SQL, db="ledger")
t = T_Q + dt.timedelta(seconds=55)
while t < T_KILL:
    t += dt.timedelta(seconds=R.uniform(40, 140))
    myerr(t, "Note", "MY-011953", "InnoDB", "Page cleaner took %dms to flush %d and evict %d pages" % (R.randint(4000, 11000), R.randint(800, 2000), R.randint(200, 2000)))
myerr(T_KILL + dt.timedelta(milliseconds=180), "Note", "MY-010914", "Server", "Aborted connection 1771203 to db: 'ledger' user: 'ledger_reconcile' host: '10.4.7.22' (Got an error writing communication packets).")
myerr(T_KILL - dt.timedelta(seconds=4), "Note", "MY-010914", "Server", "Aborted connection 1770944 to db: 'shop' user: 'ops_admin' host: '10.4.9.40' (Got timeout reading communication packets).")

# ------------------------------------------------------------------ ledger-reconcile (cron on batch-01, python logging, local time)
RL = "ledger-reconcile/batch-01/var/log/ledger-reconcile/reconcile.log"


def pyl(t, lvl, name, msg):
    lt = t + CET
    emit(RL, t, "%s,%03d %s %s: %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, name, msg))


# yesterday's run tail for context
pyl(T0 - dt.timedelta(hours=23, minutes=1), "INFO", "reconcile", "finished period=2025-12 mismatches=17 elapsed=412.8s")
pyl(T_CRON, "INFO", "reconcile", "ledger-reconcile 3.4.0 starting (host=batch-01 pid=2219411)")
pyl(T_CRON + dt.timedelta(milliseconds=211), "INFO", "reconcile", "period=2026-01 strategy=full-scan (incremental cursor missing: ledger.reconcile_state has no row for 2026-01)")
pyl(T_CRON + dt.timedelta(milliseconds=1675), "INFO", "reconcile.db", "connected to orders-mysql-primary.internal:3306 as ledger_reconcile")
pyl(T_Q, "INFO", "reconcile", "computing order/payment differences into ledger.reconcile_diff")
traceback = """ERROR reconcile: reconcile run failed
Traceback (most recent call last):
  File "/opt/ledger-reconcile/reconcile/main.py", line 141, in run
    cur.execute(DIFF_SQL, {"period": period})
  File "/opt/ledger-reconcile/venv/lib/python3.11/site-packages/pymysql/cursors.py", line 153, in execute
    result = self._query(query)
             ^^^^^^^^^^^^^^^^^^
  File "/opt/ledger-reconcile/venv/lib/python3.11/site-packages/pymysql/cursors.py", line 322, in _query
    conn.query(q)
  File "/opt/ledger-reconcile/venv/lib/python3.11/site-packages/pymysql/connections.py", line 558, in query
    self._affected_rows = self._read_query_result(unbuffered=unbuffered)
                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/opt/ledger-reconcile/venv/lib/python3.11/site-packages/pymysql/connections.py", line 822, in _read_query_result
    result.read()
  File "/opt/ledger-reconcile/venv/lib/python3.11/site-packages/pymysql/connections.py", line 1200, in read
    first_packet = self.connection._read_packet()
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/opt/ledger-reconcile/venv/lib/python3.11/site-packages/pymysql/connections.py", line 772, in _read_packet
    packet.raise_for_error()
  File "/opt/ledger-reconcile/venv/lib/python3.11/site-packages/pymysql/protocol.py", line 221, in raise_for_error
    err.raise_mysql_exception(self._data)
  File "/opt/ledger-reconcile/venv/lib/python3.11/site-packages/pymysql/err.py", line 143, in raise_mysql_exception
    raise errorclass(errno, errval)
pymysql.err.OperationalError: (1317, 'Query execution was interrupted')"""
lt = T_KILL + dt.timedelta(milliseconds=230) + CET
emit(RL, T_KILL + dt.timedelta(milliseconds=230), "%s,%03d %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, traceback))
pyl(T_KILL + dt.timedelta(milliseconds=260), "INFO", "reconcile", "exit status 1 after 1659.8s")

# cron's own record in syslog on batch-01 (RFC3164, local time)


def syslog(path, t, host, prog, msg):
    lt = t + CET
    emit(path, t, "%s %2d %s %s %s: %s" % (MON[lt.month - 1], lt.day, lt.strftime("%H:%M:%S"), host, prog, msg))


syslog("ledger-reconcile/batch-01/var/log/syslog", T_CRON - dt.timedelta(milliseconds=400), "batch-01", "CRON[2219409]", "(ledger) CMD (/opt/ledger-reconcile/bin/run-nightly >> /var/log/ledger-reconcile/reconcile.log 2>&1)")
for k in range(10):
    syslog("ledger-reconcile/batch-01/var/log/syslog", T0 + dt.timedelta(minutes=5 * k + 2), "batch-01", "CRON[%d]" % (2219000 + k * 37), "(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)")
syslog("ledger-reconcile/batch-01/var/log/syslog", T0 + dt.timedelta(minutes=17, seconds=3), "batch-01", "systemd[1]", "Starting apt-daily.service - Daily apt download activities...")
syslog("ledger-reconcile/batch-01/var/log/syslog", T0 + dt.timedelta(minutes=17, seconds=9), "batch-01", "systemd[1]", "apt-daily.service: Deactivated successfully.")

# ------------------------------------------------------------------ storefront: php-fpm on web-01..03 behind an ALB
WEB = [("web-01", "10.4.2.11"), ("web-02", "10.4.2.12"), ("web-03", "10.4.2.13")]
PAGES = [("GET", "/", 0.30), ("GET", "/kategorie/wandern", 0.18), ("GET", "/produkt/%d", 0.25), ("GET", "/warenkorb", 0.1), ("POST", "/warenkorb/add", 0.08),
         ("POST", "/kasse/bestellen", 0.03), ("GET", "/konto/bestellungen", 0.06)]
busy = {w[0]: [] for w in WEB}  # end times of in-flight requests per host
maxed_logged = {w[0]: dt.datetime(2000, 1, 1, tzinfo=UTC) for w in WEB}
pidn = {w[0]: 30000 + i * 1000 for i, w in enumerate(WEB)}
SLOW_STACK = ["[0x00007f3a8c4152a0] execute() /var/www/shop/vendor/doctrine/dbal/src/Driver/PDO/Statement.php:130",
              "[0x00007f3a8c415180] execute() /var/www/shop/vendor/doctrine/dbal/src/Statement.php:218",
              "[0x00007f3a8c415090] executeQuery() /var/www/shop/vendor/doctrine/dbal/src/Connection.php:1106",
              "[0x00007f3a8c414fa0] fetchAllAssociative() /var/www/shop/src/Repository/%s.php:%d",
              "[0x00007f3a8c414e60] %s() /var/www/shop/src/Controller/%s.php:%d",
              "[0x00007f3a8c414d10] handle() /var/www/shop/vendor/symfony/http-kernel/HttpKernel.php:181",
              "[0x00007f3a8c414c20] handle() /var/www/shop/vendor/symfony/http-kernel/Kernel.php:197",
              "[0x00007f3a8c414b40] run() /var/www/shop/vendor/symfony/runtime/Runner/Symfony/HttpKernelRunner.php:35",
              "[0x00007f3a8c414a50] require_once() /var/www/shop/vendor/autoload_runtime.php:29",
              "[0x00007f3a8c414960] [INCLUDES_OR_EVALS] /var/www/shop/public/index.php:5"]

alb = {}
t = T0
while t < T_END:
    t += dt.timedelta(seconds=R.expovariate(4.5))
    r = R.random()
    acc = 0
    for m, p, w in PAGES:
        acc += w
        if r <= acc:
            break
    if "%d" in p:
        p = p % R.randint(10000, 99999)
    host, hip = R.choice(WEB)
    L = load(t)
    busy[host] = [e for e in busy[host] if e > t]
    elb_status = tgt_status = 200
    if m == "POST" and p == "/warenkorb/add":
        elb_status = tgt_status = 302
    tpt = R.uniform(0.04, 0.22)
    if L > 0:
        tpt = tpt + L * R.uniform(3, 14) * (1 + len(busy[host]) / 20)
    err = None
    if len(busy[host]) >= 16:
        # all children busy: request queues in the listen backlog
        if maxed_logged[host] + dt.timedelta(seconds=R.uniform(8, 25)) < t:
            emit("storefront/%s/var/log/php8.2-fpm.log" % host, t, "[%s] WARNING: [pool www] server reached pm.max_children setting (16), consider raising it" % fpm_ts(t))
            maxed_logged[host] = t
        tpt += R.uniform(5, 40)
    if L > 0.5 and R.random() < 0.25 * L:
        err = R.choice(["too_many", "too_many", "timeout"])
    if tpt > 60 or (err == "timeout" and tpt > 30):
        elb_status, tgt_status, tpt = 504, None, -1
    elif err == "too_many":
        tpt = R.uniform(0.05, 0.4)
        elb_status = tgt_status = 500
        pidn[host] += 1
        emit("storefront/%s/var/log/php8.2-fpm.log" % host, t + dt.timedelta(seconds=tpt), '[%s] WARNING: [pool www] child %d said into stderr: "NOTICE: PHP message: PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [1040] Too many connections in /var/www/shop/vendor/doctrine/dbal/src/Driver/PDO/Connection.php:33"' % (fpm_ts(t + dt.timedelta(seconds=tpt)), pidn[host]))
        emit("storefront/%s/var/log/php8.2-fpm.log" % host, t + dt.timedelta(seconds=tpt, microseconds=5), '[%s] WARNING: [pool www] child %d said into stderr: "Stack trace:"' % (fpm_ts(t + dt.timedelta(seconds=tpt)), pidn[host]))
        emit("storefront/%s/var/log/php8.2-fpm.log" % host, t + dt.timedelta(seconds=tpt, microseconds=6), '[%s] WARNING: [pool www] child %d said into stderr: "#0 /var/www/shop/vendor/doctrine/dbal/src/Driver/PDO/MySQL/Driver.php(31): PDO->__construct(\'mysql:host=orde...\', \'storefront\', Object(SensitiveParameterValue), Array)"' % (fpm_ts(t + dt.timedelta(seconds=tpt)), pidn[host]))
    else:
        busy[host].append(t + dt.timedelta(seconds=tpt))
    if tpt > 5 and R.random() < 0.3:
        pidn[host] += 1
        ts5 = t + dt.timedelta(seconds=5, milliseconds=R.randint(1, 90))
        emit("storefront/%s/var/log/php8.2-fpm.log" % host, ts5, '[%s] WARNING: [pool www] child %d, script \'/var/www/shop/public/index.php\' (request: "%s /index.php") executing too slow (%.6f sec), logging' % (fpm_ts(ts5), pidn[host], m, 5 + R.random() * 0.1))
        repo, ctrl = R.choice([("ProductRepository", "ProductController"), ("CategoryRepository", "CategoryController"), ("OrderRepository", "AccountController"), ("CartRepository", "CartController")])
        stk = [s for s in SLOW_STACK]
        stk[3] = stk[3] % (repo, R.randint(40, 200))
        stk[4] = stk[4] % (R.choice(["show", "index", "list"]), ctrl, R.randint(20, 120))
        emit("storefront/%s/var/log/php8.2-fpm/www-slow.log" % host, ts5, "\n[%s]  [pool www] pid %d\nscript_filename = /var/www/shop/public/index.php\n%s" % (fpm_ts(ts5), pidn[host], "\n".join(stk)))
        if R.random() < 0.3 and tpt > 1.2:
            slow(t + dt.timedelta(seconds=min(tpt, 59)), "storefront", hip, R.randint(1771300, 1779999), min(tpt, 59) - 0.05, R.uniform(0.00001, 0.02), 24, R.randint(24, 400),
                 R.choice(["SELECT o.id, o.status, o.total_cents, o.created_at FROM orders o WHERE o.customer_id = %d ORDER BY o.created_at DESC LIMIT 20;" % R.randint(1, 900000),
                           "SELECT p.* FROM products p JOIN category_products cp ON cp.product_id = p.id WHERE cp.category_id = 14 AND p.active = 1 ORDER BY cp.position LIMIT 24 OFFSET 0;",
                           "SELECT ci.product_id, ci.qty, p.price_cents FROM cart_items ci JOIN products p ON p.id = ci.product_id WHERE ci.cart_id = '%s';" % hexid(32)]))
    # ALB log entry, 5 minute files per ALB node
    ip = "%d.%d.%d.%d" % (R.randint(31, 217), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
    done = t + dt.timedelta(seconds=(tpt if tpt > 0 else 60.0) + 0.001)
    node_ip = R.choice(["10.4.0.12", "10.4.1.77"])
    bucket = done.replace(minute=done.minute // 5 * 5, second=0, microsecond=0) + dt.timedelta(minutes=5)
    key = (bucket.strftime("%Y%m%dT%H%MZ"), node_ip)
    line = ('h2 %s app/shop-prod-alb/50dc6c495c0c9188 %s:%d %s %.3f %s %.3f %d %s %d %d "%s https://www.eichwald-outdoor.de:443%s HTTP/2.0" "%s" TLS_AES_128_GCM_SHA256 TLSv1.3 '
            'arn:aws:elasticloadbalancing:eu-central-1:412887310962:targetgroup/shop-web/73e2d6bc24d8a067 "Root=1-%08x-%s" "www.eichwald-outdoor.de" "arn:aws:acm:eu-central-1:412887310962:certificate/6f1d2a9e-4c1b-4e0a-9a3f-0e9b2c7d1a55" 0 %s "forward" "-" "%s" "%s" "%s" "-" "-" TID_%s'
            % (done.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), ip, R.randint(1024, 65535), ("%s:80" % hip), 0.0 + R.random() * 0.001, ("%.3f" % tpt) if tpt >= 0 else "-1", 0.0 if tpt >= 0 else -1,
               elb_status, str(tgt_status) if tgt_status else "-", R.randint(200, 900), R.randint(2000, 60000) if elb_status < 500 else 272, m, p,
               R.choice(["Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
                         "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36 Edg/121.0.0.0"]),
               int(t.timestamp()), hexid(24), t.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "-" if tgt_status is None and elb_status == 504 else "-",
               "%s:80" % hip, str(tgt_status) if tgt_status else "-", hexid(32)))
    alb.setdefault(key, []).append((done, line))

# php-fpm deploy/reload (red herring) and routine noise
for host, _ in WEB:
    tr = T_DEP + dt.timedelta(seconds=R.uniform(0, 20))
    for k, msg in enumerate(["NOTICE: Reloading in progress ...", "NOTICE: reloading: execvp(\"/usr/sbin/php-fpm8.2\", {\"/usr/sbin/php-fpm8.2\", \"--nodaemonize\", \"--fpm-config\", \"/etc/php/8.2/fpm/php-fpm.conf\"})",
                             "NOTICE: using inherited socket fd=8, \"/run/php/php8.2-fpm.sock\"", "NOTICE: fpm is running, pid 1187", "NOTICE: ready to handle connections", "NOTICE: systemd monitor interval set to 10000ms"]):
        emit("storefront/%s/var/log/php8.2-fpm.log" % host, tr + dt.timedelta(milliseconds=k * 7), "[%s] %s" % (fpm_ts(tr), msg))
    t = T0
    while t < T_END:
        t += dt.timedelta(seconds=R.uniform(120, 400))
        pidn[host] += 1
        emit("storefront/%s/var/log/php8.2-fpm.log" % host, t, '[%s] WARNING: [pool www] child %d said into stderr: "NOTICE: PHP message: PHP Deprecated:  Creation of dynamic property App\\Legacy\\Voucher::$legacyCode is deprecated in /var/www/shop/src/Legacy/Voucher.php on line 57"' % (fpm_ts(t), pidn[host]))

# ------------------------------------------------------------------ loyalty-service (Rails, same MySQL cluster)
rails_pids = [11, 14, 17, 20]
t = T0
while t < T_END:
    t += dt.timedelta(seconds=R.expovariate(2.0))
    pid = R.choice(rails_pids)
    rid = "%s-%s-%s-%s-%s" % (hexid(8), hexid(4), hexid(4), hexid(4), hexid(12))
    lt = t + CET
    path, action = R.choice([("/api/v2/points/%d" % R.randint(1, 900000), "PointsController#show"), ("/api/v2/rewards", "RewardsController#index"),
                             ("/api/v2/points/%d/history" % R.randint(1, 900000), "PointsController#history")])
    ip = "10.4.2.%d" % R.choice([11, 12, 13])
    P = "loyalty-service/loyalty-01/srv/loyalty/shared/log/production.log"

    def rl(tt, sev, msg):
        l2 = tt + CET
        emit(P, tt, "%s, [%s #%d] %5s -- : [%s] %s" % (sev[0], l2.strftime("%Y-%m-%dT%H:%M:%S.%f"), pid, sev, rid, msg))
    rl(t, "INFO", 'Started GET "%s" for %s at %s +0100' % (path, ip, lt.strftime("%Y-%m-%d %H:%M:%S")))
    rl(t + dt.timedelta(microseconds=400), "INFO", "Processing by %s as JSON" % action)
    L = load(t)
    ar = R.uniform(1.5, 9.0) + L * R.uniform(1500, 9000)
    if L > 0.6 and R.random() < 0.3:
        te = t + dt.timedelta(milliseconds=5000 + R.uniform(1, 30))
        rl(te, "INFO", "Completed 500 Internal Server Error in %dms (ActiveRecord: %.1fms | Allocations: %d)" % ((te - t).total_seconds() * 1000, 5000.4, R.randint(2000, 6000)))
        rl(te + dt.timedelta(microseconds=300), "FATAL", "  ")
        rl(te + dt.timedelta(microseconds=301), "FATAL", "ActiveRecord::StatementTimeout (Mysql2::Error: Query execution was interrupted, maximum statement execution time exceeded):")
        rl(te + dt.timedelta(microseconds=302), "FATAL", "  ")
        for k, fr in enumerate(["app/models/points_ledger.rb:41:in `balance_for'", "app/controllers/points_controller.rb:12:in `show'"]):
            rl(te + dt.timedelta(microseconds=303 + k), "FATAL", fr)
    else:
        te = t + dt.timedelta(milliseconds=ar + R.uniform(2, 8))
        rl(te, "INFO", "Completed 200 OK in %dms (Views: %.1fms | ActiveRecord: %.1fms | Allocations: %d)" % (int((te - t).total_seconds() * 1000), R.uniform(0.2, 1.5), ar, R.randint(900, 4000)))
    if R.random() < 0.01:
        t2 = t + dt.timedelta(seconds=R.uniform(0, 1))
        rid = hexid(8) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(12)
        rl(t2, "INFO", 'Started GET "/wp-login.php" for 10.4.0.12 at %s +0100' % (t2 + CET).strftime("%Y-%m-%d %H:%M:%S"))
        rl(t2 + dt.timedelta(microseconds=500), "FATAL", "  ")
        rl(t2 + dt.timedelta(microseconds=501), "FATAL", 'ActionController::RoutingError (No route matches [GET] "/wp-login.php"):')

# ------------------------------------------------------------------ write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
for path in sorted(files):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    rows = sorted(files[path], key=lambda x: x[0])
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        for _, line in rows:
            f.write(line + "\n")
for (stamp, node_ip) in sorted(alb):
    rows = [x[1] for x in sorted(alb[(stamp, node_ip)], key=lambda x: x[0])]
    d = "AWSLogs/412887310962/elasticloadbalancing/eu-central-1/2026/02/03"
    name = "412887310962_elasticloadbalancing_eu-central-1_app.shop-prod-alb.50dc6c495c0c9188_%s_%s_%s.log.gz" % (stamp, node_ip, hexid(8))
    full = os.path.join(OUT, "shop-prod-alb", d, name)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(gzip.compress(("".join(r + "\n" for r in rows)).encode("utf-8"), mtime=0))
