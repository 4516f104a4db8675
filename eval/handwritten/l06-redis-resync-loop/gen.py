#!/usr/bin/env python3
"""l06: redis-sessions replica stuck in a full-resync loop.

After a short disconnect at 03:03:40 the replica cannot partially resync (repl-backlog too small),
and every full sync ends with the master dropping it for exceeding client-output-buffer-limit
replica (256mb 64mb 60). Each ~70 s cycle: BGSAVE on the master (fork latency), RDB transfer (the
replica serves stale data), load (clients reading the replica get LOADING errors). Redis only
logs notice/warning levels. session-service (Go, logfmt) returns 503/404, account-web (PHP-FPM +
Monolog) saturates, checkout-web (Django) raises BusyLoadingError, web-nginx (VM, clock ~3.1 s
behind) shows 5xx/401. An nginx reload at 03:12:30 is unrelated. Buffer limits raised at ~03:21.
"""
import os
import sys
from l_common import *

rng = Rng(6606)
OUT = Out(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))

T0 = T("2026-06-03T02:50:00Z")
T1 = T("2026-06-03T03:30:00Z")
FAULT = T("2026-06-03T03:03:40.118Z")
FIXED = T("2026-06-03T03:21:37Z")  # CONFIG SET client-output-buffer-limit (not logged by redis)
NGINX_SKEW = -3.1
NGINX_RELOAD = T("2026-06-03T03:12:30Z")
MIP, RIP = "10.42.1.7", "10.42.3.21"
RF = "logs/redis-sessions/redis-sessions-0.log"   # master
RR = "logs/redis-sessions/redis-sessions-1.log"   # replica

# ---------------------------------------------------------------- build the sync cycles
cycles = []  # dicts with phases
t = FAULT
offset = 1848120311
while True:
    c = {"connect": t + rng.uniform(0.5, 1.2)}
    c["bgsave_end"] = c["connect"] + rng.uniform(24, 31)
    c["xfer_end"] = c["bgsave_end"] + rng.uniform(13, 17)
    c["load_end"] = c["xfer_end"] + rng.uniform(19, 24)
    c["offset"] = offset
    offset += rng.randint(300000000, 400000000)
    if c["connect"] > FIXED:
        c["kill"] = None
        cycles.append(c)
        break
    c["kill"] = c["connect"] + rng.uniform(63, 68)
    cycles.append(c)
    t = c["kill"]


def replica_state(t):
    """ok | stale | loading"""
    if t < FAULT:
        return "ok"
    for c in cycles:
        if c["connect"] - 2 <= t < c["xfer_end"]:
            return "stale"
        if c["xfer_end"] <= t < c["load_end"]:
            return "loading"
        if c["kill"] and c["load_end"] <= t < c["kill"] + 1.5:
            return "stale"
    if t >= cycles[-1]["load_end"]:
        return "ok"
    return "stale"


def master_forking(t):
    for c in cycles:
        if c["connect"] <= t < c["connect"] + 0.9:
            return True
    return False


def rl(f, t, role, lvl, msg, pid=1):
    OUT.add(f, t, "%d:%s %s %s %s" % (pid, role, redis_ts(t), lvl, msg))


# ---------------------------------------------------------------- redis logs
def redis_logs():
    # startup banner long ago is not in the window; periodic background saves on the master
    t = T0 + 41.3
    while t < T1:
        if not any(c["connect"] - 5 < t < (c["kill"] or c["load_end"]) + 5 for c in cycles):
            rl(RF, t, "M", "*", "100 changes in 300 seconds. Saving...")
            cp = rng.randint(20000, 90000)
            rl(RF, t + 0.001, "M", "*", "Background saving started by pid %d" % cp)
            d = rng.uniform(22, 30)
            rl(RF, t + d, "C", "*", "DB saved on disk", cp)
            rl(RF, t + d + 0.001, "C", "*", "Fork CoW for RDB: current %d MB, peak %d MB, average %d MB" % (rng.randint(8, 40), rng.randint(40, 80), rng.randint(5, 30)), cp)
            rl(RF, t + d + 0.09, "M", "*", "Background saving terminated with success")
        t += 300
    # the disconnect that starts it
    rl(RF, FAULT, "M", "#", "Connection with replica %s:6379 lost." % RIP)
    rl(RR, FAULT + 0.002, "S", "#", "Connection with master lost.")
    rl(RR, FAULT + 0.003, "S", "*", "Caching the disconnected master state.")
    rl(RR, FAULT + 0.004, "S", "*", "Reconnecting to MASTER redis-sessions-0.redis-sessions-headless.data.svc.cluster.local:6379")
    replid = "8f1e3c0a9d27b54e61c7a0d3b2f9e8c4a1d5b6e7"
    for i, c in enumerate(cycles):
        ct = c["connect"]
        rl(RR, ct - 0.3, "S", "*", "Connecting to MASTER redis-sessions-0.redis-sessions-headless.data.svc.cluster.local:6379")
        rl(RR, ct - 0.29, "S", "*", "MASTER <-> REPLICA sync started")
        rl(RR, ct - 0.28, "S", "*", "Non blocking connect for SYNC fired the event.")
        rl(RR, ct - 0.27, "S", "*", "Master replied to PING, replication can continue...")
        rl(RR, ct - 0.26, "S", "*", "Trying a partial resynchronization (request %s:%d)." % (replid, c["offset"] - rng.randint(1000, 90000000)))
        rl(RF, ct - 0.25, "M", "*", "Replica %s:6379 asks for synchronization" % RIP)
        rl(RF, ct - 0.249, "M", "*", "Unable to partial resync with replica %s:6379 for lack of backlog (Replica request was: %d)." % (RIP, c["offset"] - rng.randint(1000, 90000000)))
        rl(RF, ct - 0.248, "M", "*", "Starting BGSAVE for SYNC with target: disk")
        cp = rng.randint(20000, 90000)
        rl(RF, ct, "M", "*", "Background saving started by pid %d" % cp)
        rl(RR, ct + 0.001, "S", "*", "Full resync from master: %s:%d" % (replid, c["offset"]))
        be = c["bgsave_end"]
        rl(RF, be - 0.1, "C", "*", "DB saved on disk", cp)
        rl(RF, be - 0.099, "C", "*", "Fork CoW for RDB: current %d MB, peak %d MB, average %d MB" % (rng.randint(280, 420), rng.randint(420, 520), rng.randint(150, 260)), cp)
        rl(RF, be, "M", "*", "Background saving terminated with success")
        size = rng.randint(1700000000, 1790000000)
        rl(RR, be + 0.01, "S", "*", "MASTER <-> REPLICA sync: receiving %d bytes from master to disk" % size)
        xe = c["xfer_end"]
        rl(RF, xe - 0.01, "M", "*", "Synchronization with replica %s:6379 succeeded" % RIP)
        rl(RR, xe, "S", "*", "Discarding previously cached master state.")
        rl(RR, xe + 0.001, "S", "*", "MASTER <-> REPLICA sync: Flushing old data")
        rl(RR, xe + 1.9, "S", "*", "MASTER <-> REPLICA sync: Loading DB in memory")
        rl(RR, xe + 1.91, "S", "*", "Loading RDB produced by version 7.2.5")
        rl(RR, xe + 1.912, "S", "*", "RDB age %d seconds" % int(xe - ct))
        rl(RR, xe + 1.913, "S", "*", "RDB memory usage when created %.2f Mb" % (size / 1048576 * 1.9))
        le = c["load_end"]
        rl(RR, le - 0.01, "S", "*", "Done loading RDB, keys loaded: %d, keys expired: %d." % (rng.randint(4100000, 4300000), rng.randint(800, 3000)))
        rl(RR, le, "S", "*", "MASTER <-> REPLICA sync: Finished with success")
        if c["kill"]:
            k = c["kill"]
            omem = rng.randint(268435456, 280000000)
            rl(RF, k, "M", "#", "Client id=%d addr=%s:%d laddr=%s:6379 fd=%d name= age=%d idle=0 flags=S db=0 sub=0 psub=0 ssub=0 multi=-1 watch=0 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=%d omem=%d tot-mem=%d events=r cmd=psync user=default redir=-1 resp=2 lib-name= lib-ver= scheduled to be closed ASAP for overcoming of output buffer limits." % (
                rng.randint(200000, 900000), RIP, rng.randint(32768, 60999), MIP, rng.randint(10, 60), int(k - ct), rng.randint(4000, 9000), omem, omem + 22000))
            rl(RF, k + 0.05, "M", "#", "Connection with replica %s:6379 lost." % RIP)
            rl(RR, k + 0.052, "S", "#", "Connection with master lost.")
            rl(RR, k + 0.053, "S", "*", "Caching the disconnected master state.")
            rl(RR, k + 0.054, "S", "*", "Reconnecting to MASTER redis-sessions-0.redis-sessions-headless.data.svc.cluster.local:6379")


# ---------------------------------------------------------------- session-service (go-kit logfmt)
ss_pods = rng.pods("session-service", 3)


def ss(pod, t, pairs):
    OUT.add("logs/session-service/%s.log" % pod, t, logfmt([("ts", iso(t, 6))] + pairs))


def ss_lookup(t, sid, caller):
    """returns (status, dur)"""
    pod = rng.choice(ss_pods)
    st = replica_state(t)
    if st == "loading":
        d = rng.lat(0.0012, 0.4)
        ss(pod, t + d, [("caller", "store.go:88"), ("level", "error"), ("msg", "session lookup failed"), ("sid", sid[:12]), ("store", "sessionstore-ro"),
                        ("err", "LOADING Redis is loading the dataset in memory")])
        ss(pod, t + d + 0.0001, [("caller", "handler.go:74"), ("level", "info"), ("method", "GET"), ("path", "/v1/sessions/:id"), ("status", 503),
                                 ("took", "%.1fms" % (d * 1000)), ("caller_app", caller)])
        return 503, d
    if st == "stale" and rng.random() < 0.27:
        d = rng.lat(0.0011, 0.4)
        ss(pod, t + d, [("caller", "store.go:95"), ("level", "warn"), ("msg", "session not found"), ("sid", sid[:12]), ("store", "sessionstore-ro")])
        ss(pod, t + d + 0.0001, [("caller", "handler.go:74"), ("level", "info"), ("method", "GET"), ("path", "/v1/sessions/:id"), ("status", 404),
                                 ("took", "%.1fms" % (d * 1000)), ("caller_app", caller)])
        return 404, d
    d = rng.lat(0.0014, 0.4)
    if rng.random() < 0.25:
        # sliding expiration write to the master
        if master_forking(t) or (t > FAULT and t < FIXED + 60 and rng.random() < 0.02):
            d += 0.5
            ss(pod, t + d, [("caller", "store.go:131"), ("level", "error"), ("msg", "session touch failed"), ("sid", sid[:12]), ("store", "sessionstore"),
                            ("err", "read tcp %s:%d->10.96.14.2:6379: i/o timeout" % (rng.choice(["10.42.1.19", "10.42.2.40", "10.42.4.8"]), rng.randint(32768, 60999)))])
    ss(pod, t + d, [("caller", "handler.go:74"), ("level", "info"), ("method", "GET"), ("path", "/v1/sessions/:id"), ("status", 200), ("took", "%.1fms" % (d * 1000)), ("caller_app", caller)])
    return 200, d


def ss_background():
    for pod in ss_pods:
        for t in arrivals(rng, T0, T1, 1 / 30.0):
            hits = rng.randint(50, 200)
            ss(pod, t, [("caller", "pool.go:41"), ("level", "debug"), ("msg", "redis pool stats"), ("store", rng.choice(["sessionstore", "sessionstore-ro"])), ("hits", rng.randint(10000, 90000)),
                        ("misses", rng.randint(0, 20)), ("timeouts", 0 if not (FAULT < t < FIXED + 60) else rng.randint(1, 40)), ("total_conns", rng.randint(10, 30)), ("idle_conns", rng.randint(3, 10))])
        ss(pod, T0 + rng.uniform(0, 30), [("caller", "main.go:57"), ("level", "info"), ("msg", "config"), ("store_rw", "redis://redis-sessions.data.svc.cluster.local:6379/0"),
                                          ("store_ro", "redis://redis-sessions-ro.data.svc.cluster.local:6379/0"), ("read_timeout", "500ms")])


# ---------------------------------------------------------------- account-web (php-fpm + monolog)
aw_pods = rng.pods("account-web", 3)
busy = {p: 0 for p in aw_pods}


def monolog(pod, t, level, msg, ctx="{}"):
    OUT.add("logs/account-web/%s.log" % pod, t, "[%s+00:00] app.%s: %s %s []" % (iso(t, 6, ""), level, msg, ctx))


def fpm(pod, t, level, msg):
    d, _ = space_ts(t, 0).split(" ")
    dd = _dmy(t)
    OUT.add("logs/account-web/%s.log" % pod, t, "[%s] %s: %s" % (dd, level, msg))


def _dmy(t):
    d, _ = iso(t, 0).split("T")
    y, m, dd = d.split("-")
    return "%s-%s-%s %s" % (dd, MONTHS[int(m) - 1], y, iso(t, 0).split("T")[1].rstrip("Z"))


def php_warning(pod, t, msg):
    OUT.add("logs/account-web/%s.log" % pod, t, "[%s UTC] PHP Warning:  %s" % (_dmy(t), msg))


def account_req(t, path):
    pod = rng.choice(aw_pods)
    sid = rng.hex(40)
    d = rng.lat(0.004, 0.3)
    st, sd = ss_lookup(t + d, sid, "account-web")
    d += sd + rng.lat(0.002, 0.3)
    if st == 503:
        # guzzle retries twice with 250ms backoff
        for i in range(2):
            d += 0.25
            st, sd = ss_lookup(t + d, sid, "account-web")
            d += sd
            if st != 503:
                break
    if st == 503:
        monolog(pod, t + d, "ERROR", "Session validation failed", '{"exception":"[object] (GuzzleHttp\\\\Exception\\\\ServerException(code: 503): Server error: `GET http://session-service.auth.svc.cluster.local:8080/v1/sessions/%s` resulted in a `503 Service Unavailable` response:\\n{\\"error\\":\\"session store unavailable\\"}\\n at /var/www/html/vendor/guzzlehttp/guzzle/src/Exception/RequestException.php:113)"}' % sid[:16])
        return 503, d + 0.001
    if st == 404:
        monolog(pod, t + d, "NOTICE", "Session not found, redirecting to login", '{"sid":"%s","path":"%s"}' % (sid[:12], path))
        return 302, d + 0.003
    d += rng.lat(0.03, 0.4)
    return 200, d


def fpm_background():
    for pod in aw_pods:
        for t in arrivals(rng, T0, T1, 1 / 120.0):
            php_warning(pod, t, "Undefined array key \"utm_source\" in /var/www/html/src/Tracking/Attribution.php on line 42")
        for t in arrivals(rng, T0, T1, 1 / 300.0):
            OUT.add("logs/account-web/%s.log" % pod, t, "[%s UTC] PHP Deprecated:  Creation of dynamic property App\\Legacy\\ProfileView::$meta is deprecated in /var/www/html/src/Legacy/ProfileView.php on line 31" % _dmy(t))
        # busy pool warnings in each cycle (identical timestamps, second resolution)
        for c in cycles:
            if c["kill"] is None:
                continue
            ts = c["xfer_end"] + rng.uniform(2, 6)
            ts = float(int(ts))
            fpm(pod, ts, "WARNING", "[pool www] seems busy (you may need to increase pm.start_servers, or pm.min/max_spare_servers), spawning 8 children, there are 0 idle, and %d total children" % rng.randint(28, 38))
            if rng.random() < 0.7:
                fpm(pod, ts + 1, "WARNING", "[pool www] server reached pm.max_children setting (40), consider raising it")
            for k in range(rng.randint(2, 6)):
                monolog(pod, ts + 1, "WARNING", "Slow request detected", '{"path":"/account","elapsed_ms":%d,"upstream":"session-service"}' % rng.randint(1500, 4800))


# ---------------------------------------------------------------- checkout-web (django + gunicorn)
cw_pods = rng.pods("checkout-web", 2)
BUSY_TB = """Traceback (most recent call last):
  File "/usr/local/lib/python3.12/site-packages/django/core/handlers/exception.py", line 55, in inner
    response = get_response(request)
  File "/usr/local/lib/python3.12/site-packages/django/contrib/sessions/middleware.py", line 20, in process_request
    request.session = self.SessionStore(session_key)
  File "/usr/local/lib/python3.12/site-packages/django/contrib/sessions/backends/cache.py", line 21, in load
    session_data = self._cache.get(self.cache_key)
  File "/usr/local/lib/python3.12/site-packages/django_redis/cache.py", line 91, in get
    value = self._get(key, default, version, client)
  File "/usr/local/lib/python3.12/site-packages/django_redis/client/default.py", line 258, in get
    value = client.get(key)
  File "/usr/local/lib/python3.12/site-packages/redis/commands/core.py", line 1829, in get
    return self.execute_command("GET", name)
  File "/usr/local/lib/python3.12/site-packages/redis/client.py", line 559, in execute_command
    return conn.retry.call_with_retry(
  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 574, in read_response
    raise response
redis.exceptions.BusyLoadingError: Redis is loading the dataset in memory"""


def cw(pod, t, text):
    OUT.add("logs/checkout-web/%s.log" % pod, t, text)


def checkout_req(t, path, method):
    pod = rng.choice(cw_pods)
    st = replica_state(t)
    if st == "loading":
        d = rng.lat(0.004, 0.3)
        cw(pod, t + d, "%s ERROR django.request Internal Server Error: %s\n%s" % (comma_ts(t + d), path, BUSY_TB))
        cw(pod, t + d + 0.001, '10.42.0.31 - - [%s] "%s %s HTTP/1.0" 500 145 "-" "%s"' % (clf(t + d), method, path, rng.choice(UA_BROWSER)))
        return 500, d + 0.002
    if st == "stale" and rng.random() < 0.25:
        d = rng.lat(0.006, 0.3)
        cw(pod, t + d, "%s WARNING checkout.views Anonymous session on %s, redirecting to /login/?next=%s" % (comma_ts(t + d), path, path))
        cw(pod, t + d + 0.001, '10.42.0.31 - - [%s] "%s %s HTTP/1.0" 302 0 "-" "%s"' % (clf(t + d), method, path, rng.choice(UA_BROWSER)))
        return 302, d + 0.002
    d = rng.lat(0.045, 0.4)
    code = 200 if method == "GET" else 302
    cw(pod, t + d, '10.42.0.31 - - [%s] "%s %s HTTP/1.0" %d %d "-" "%s"' % (clf(t + d), method, path, code, rng.randint(3000, 40000) if code == 200 else 0, rng.choice(UA_BROWSER)))
    return code, d


def cw_background():
    for pod in cw_pods:
        for t in arrivals(rng, T0, T1, 1 / 40.0):
            cw(pod, t, "%s WARNING py.warnings /usr/local/lib/python3.12/site-packages/stripe/api_resources/abstract/api_resource.py:18: DeprecationWarning: stripe.api_resources is deprecated, use stripe directly" % comma_ts(t)) if rng.random() < 0.2 else \
                cw(pod, t, "%s INFO checkout.tasks Abandoned-cart sweep: %d carts reminded" % (comma_ts(t), rng.randint(0, 12)))


# ---------------------------------------------------------------- web-nginx (VM) access + error
NA = "logs/web-nginx/access.log"
NE = "logs/web-nginx/error.log"
ng_conn = [771000]


def ng_access(t, d, method, path, st, bytes_, ua, upaddr, urt):
    ts = t + NGINX_SKEW
    OUT.add(NA, ts + d, '%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s" rt=%.3f uct="%s" urt="%s" ua="%s"' % (
        client_ip(rng), clf(ts + d), method, path, st, bytes_, rng.choice(["-", "https://www.example-shop.com/", "https://www.example-shop.com/account"]), ua, d,
        "%.3f" % rng.uniform(0, 0.001) if upaddr != "-" else "-", urt, upaddr))


def ng_error(t, level, msg, extra=""):
    ts = t + NGINX_SKEW
    ng_conn[0] += rng.randint(1, 50)
    wp = rng.choice([40121, 40122, 40123, 40124]) if ts < NGINX_RELOAD + NGINX_SKEW + 1 else rng.choice([48213, 48214, 48215, 48216])
    OUT.add(NE, ts, "%s [%s] %d#%d: %s%s" % (space_ts(ts, 0).replace("-", "/"), level, wp, wp, ("*%d " % ng_conn[0]) if extra != "noconn" else "", msg))


def traffic():
    for t in arrivals(rng, T0, T1, 3.2):
        ua = rng.choice(UA_BROWSER)
        kind = rng.wchoice([("account", 30), ("checkout", 16), ("static", 34), ("search", 20)])
        if kind == "account":
            path = rng.choice(["/account", "/account/orders", "/account/addresses", "/account/settings"])
            st, d = account_req(t, path)
            up = "unix:/run/php/php-fpm.sock"
            if st == 503 and rng.random() < 0.35:
                d = 30.0
                ng_access(t, d + 0.001, "GET", path, 504, 167, ua, up, "30.001")
                ng_error(t + d, "error", 'upstream timed out (110: Connection timed out) while reading response headers from upstream, client: %s, server: www.example-shop.com, request: "GET %s HTTP/1.1", upstream: "fastcgi://unix:/run/php/php-fpm.sock:", host: "www.example-shop.com"' % (client_ip(rng), path))
                continue
            ng_access(t, d + 0.001, "GET", path, 502 if st == 503 else st, 157 if st == 503 else (0 if st == 302 else rng.randint(4000, 30000)), ua, up, "%.3f" % d)
            if st == 503:
                ng_error(t + d, "error", 'FastCGI sent in stderr: "PHP message: session validation failed" while reading response header from upstream, client: %s, server: www.example-shop.com, request: "GET %s HTTP/1.1", upstream: "fastcgi://unix:/run/php/php-fpm.sock:", host: "www.example-shop.com"' % (client_ip(rng), path))
        elif kind == "checkout":
            path, method = rng.choice([("/checkout/", "GET"), ("/checkout/shipping/", "POST"), ("/checkout/payment/", "POST"), ("/cart/", "GET")])
            st, d = checkout_req(t, path, method)
            ng_access(t, d + 0.001, method, path, st, rng.randint(2000, 40000) if st == 200 else (145 if st == 500 else 0), ua, "10.42.2.%d:8000" % rng.randint(10, 20), "%.3f" % d)
        elif kind == "search":
            d = rng.lat(0.05, 0.4)
            q = rng.choice(["sofa", "lamp", "rug", "desk+chair", "mirror", "shelf"])
            OUT.add("logs/search-api/search-api.log", t + d, jdump({"ts": iso(t + d), "lvl": "INFO", "msg": "search", "q": q, "hits": rng.randint(0, 500), "ms": round(d * 1000, 1)}))
            ng_access(t, d + 0.001, "GET", "/search?q=%s" % q, 200, rng.randint(8000, 40000), ua, "10.42.5.%d:9000" % rng.randint(10, 20), "%.3f" % d)
        else:
            d = rng.lat(0.0006, 0.4)
            ng_access(t, d, "GET", rng.choice(["/static/css/site.%s.css" % rng.hex(8), "/static/js/app.%s.js" % rng.hex(8), "/img/logo.svg", "/favicon.ico"]), 200, rng.randint(1000, 200000), ua, "-", "-")
    # unrelated reload
    ng_error(NGINX_RELOAD, "notice", "signal 1 (SIGHUP) received from 48211, reconfiguring", "noconn")
    ng_error(NGINX_RELOAD + 0.001, "notice", "reconfiguring", "noconn")
    ng_error(NGINX_RELOAD + 0.01, "notice", 'using the "epoll" event method', "noconn")
    ng_error(NGINX_RELOAD + 0.011, "notice", "start worker processes", "noconn")
    for w in (48213, 48214, 48215, 48216):
        ng_error(NGINX_RELOAD + 0.012, "notice", "start worker process %d" % w, "noconn")
    for w in (40121, 40122, 40123, 40124):
        ng_error(NGINX_RELOAD + 0.5, "notice", "gracefully shutting down", "noconn")
        ng_error(NGINX_RELOAD + rng.uniform(1, 25), "notice", "exiting", "noconn")
        ng_error(NGINX_RELOAD + 26, "notice", "signal 17 (SIGCHLD) received from %d" % w, "noconn")
        ng_error(NGINX_RELOAD + 26.001, "notice", "worker process %d exited with code 0" % w, "noconn")
    for t in arrivals(rng, T0, T1, 1 / 50.0):
        ng_error(t, "warn", 'an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/%d/%02d/00000%05d while reading upstream, client: %s, server: www.example-shop.com, request: "GET /search?q=sofa HTTP/1.1", upstream: "http://10.42.5.14:9000/search?q=sofa", host: "www.example-shop.com"' % (
            rng.randint(1, 9), rng.randint(0, 99), rng.randint(0, 99999), client_ip(rng)))


def mailer():
    f = "logs/mailer/mailer-worker.log"
    for t in arrivals(rng, T0, T1, 0.25):
        if rng.random() < 0.75:
            OUT.add(f, t, "%s [ERROR] mailer.bounces: bounce webhook references unknown message id <%s@email.amazonses.com>, dropping" % (comma_ts(t), rng.hex(32)))
        else:
            OUT.add(f, t, "%s [INFO] mailer.send: delivered template=%s to=%s***@%s" % (comma_ts(t), rng.choice(["order-shipped", "password-reset", "welcome"]), rng.alnum(2).lower(), rng.choice(["gmail.com", "outlook.com", "web.de"])))


redis_logs()
ss_background()
fpm_background()
cw_background()
traffic()
mailer()

truth = {
    "root_cause": {"service": "redis-sessions", "fault": "replica-full-resync-loop", "start": iso(FAULT)},
    "propagation": ["redis-sessions", "session-service", "account-web", "web-nginx"],
    "affected": ["redis-sessions", "session-service", "account-web", "checkout-web", "web-nginx"],
    "notes": "After a brief replica disconnect at 03:03:40 the redis-sessions replica could not partially resync (backlog too small) and every full "
             "sync ended with the master dropping it for exceeding client-output-buffer-limit replica, ~70 s per loop. Readers of the replica "
             "(session-service via redis-sessions-ro, checkout-web via django-redis) got LOADING/BusyLoadingError or stale misses; account-web "
             "(PHP-FPM) saturated and web-nginx (clock ~3 s behind) served 502/504 until the limits were raised around 03:21. Redis itself "
             "logs only notice/warning; the nginx reload at 03:12:30 is unrelated.",
}
OUT.write(truth)
