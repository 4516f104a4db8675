#!/usr/bin/env python3
"""b03: session-redis hits maxmemory with noeviction; writes fail with
'OOM command not allowed'.  One `docker compose logs --no-color` dump.
Run: python3 gen.py"""
SEED = 303
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common.py")).read())

# ---- case -------------------------------------------------------------------
clean_logs()
S = Sink()

START = T("2026-11-20T09:58:00Z")
END = T("2026-11-20T10:31:00Z")
OOM = T("2026-11-20T10:14:22.640Z")
FIXED = T("2026-11-20T10:24:07.900Z")
OUT = "logs/compose.log"
PROFILE_TZ = 1  # profile-api container runs with TZ=Europe/Berlin, logger prints local time w/o offset

NAMES = ["haproxy-1", "auth-service-1", "auth-service-2", "profile-api-1", "rate-limiter-1", "session-redis-1", "users-db-1", "search-svc-1"]
W = max(len(n) for n in NAMES) + 2


def out(c, t, line):
    for i, l in enumerate(line.split("\n")):
        S.add(OUT, t, "%s| %s" % (c.ljust(W), l))


def oom(t):
    return OOM <= t < FIXED


OOM_MSG = "OOM command not allowed when used memory > 'maxmemory'."


def hap(t, fe, be, srv, tq, tw, tc, tr, status, size, req, term="----"):
    tt = int(tq + tw + tc + tr)
    line = "%s:%d [%s.%03d] %s %s/%s %d/%d/%d/%d/%d %d %d - - %s %d/%d/%d/%d/0 0/0 \"%s\"" % (
        ip("172.18"), R.randint(30000, 65000), clf(t).split(" ")[0], t.microsecond // 1000, fe, be, srv, tq, tw, tc, tr, tt, status, size, term,
        R.randint(20, 90), R.randint(20, 90), R.randint(1, 9), R.randint(0, 5), req)
    out("haproxy-1", t + timedelta(milliseconds=tt), line)


def auth(c, t, level, mod, msg):
    out(c, t, pylog(t, level, mod, msg))


def gacc(c, t, method, path, status, size, dur_us):
    # gunicorn access log (custom format with request time in microseconds)
    out(c, t, '%s - - [%s] "%s %s HTTP/1.1" %d %d "-" "%s" %d' % (ip("172.18"), clf(t), method, path, status, size, "haproxy/2.8", dur_us))


def rails(t, lvl, rid, msg):
    lt = t + timedelta(hours=PROFILE_TZ)
    ts = lt.strftime("%Y-%m-%dT%H:%M:%S") + ".%06d" % lt.microsecond
    out("profile-api-1", t, "%s, [%s #1] %5s -- : [%s] %s" % (lvl[0], ts, lvl, rid, msg))


def rl(t, level, msg, **kw):
    out("rate-limiter-1", t, logrus(t, level, msg, **kw))


def rd(t, sym, msg, role="M", pid=1):
    out("session-redis-1", t, redislog(t, pid, role, sym, msg))


def my(t, tid, lvl, code, msg):
    out("users-db-1", t, "%s %d [%s] [%s] [Server] %s" % (iso(t, 6), tid, lvl, code, msg))


SEARCH_PID = 27

# ----------------------------------------------------------- background
for t in every(START + timedelta(seconds=44), END, 300):
    rd(t, "*", "100 changes in 300 seconds. Saving...")
    rd(t + timedelta(milliseconds=3), "*", "Background saving started by pid %d" % R.randint(300, 9000))
    big = t > OOM - timedelta(minutes=20)
    d = timedelta(seconds=R.uniform(6, 9) if big else R.uniform(4, 6))
    pid = R.randint(300, 9000)
    rd(t + d, "*", "DB saved on disk", role="C", pid=pid)
    rd(t + d + timedelta(milliseconds=1), "*", "Fork CoW for RDB: current %d MB, peak %d MB, average %d MB" % (R.randint(30, 60), R.randint(60, 90), R.randint(20, 40)), role="C", pid=pid)
    rd(t + d + timedelta(milliseconds=95), "*", "Background saving terminated with success")

for t in every(START + timedelta(seconds=11), END, 47, jitter=5):
    my(t, 0, "Warning", "MY-010055", "IP address '172.18.0.%d' could not be resolved: Name or service not known" % R.choice([9, 12, 14]))
for t in every(START + timedelta(seconds=300), END, 900):
    my(t, 0, "Note", "MY-011953", "InnoDB: page_cleaner: 1000ms intended loop took %dms. The settings might not be optimal." % R.randint(1100, 2400))

# search-svc: own pre-existing warnings (suggest API slow), unrelated
for t in poisson_times(START, END, 1 / 12.0):
    out("search-svc-1", t, pino(t, "warn", "suggestions backend slow, serving without suggestions", SEARCH_PID, "search-svc-1", backend="http://suggest.internal:9200", elapsedMs=R.randint(301, 900)))

# haproxy health checks: every backend stays UP (PING still works on an OOM redis)
for t in every(START + timedelta(seconds=2), END, 2):
    for c in ("auth-service-1", "auth-service-2"):
        if R.random() < 0.2:
            gacc(c, t + timedelta(milliseconds=R.randint(0, 900)), "GET", "/healthz", 200, 15, R.randint(600, 1900))
for t in every(START + timedelta(seconds=30), END, 60, jitter=2):
    rl(t, "info", "stats", checks=R.randint(230, 290), allowed=R.randint(229, 290), limited=R.randint(0, 3), redis="session-redis:6379")
    auth("auth-service-1", t, "INFO", "auth.metrics", "active_sessions_gauge refreshed")
for t in every(START + timedelta(seconds=5), END, 120, jitter=3):
    out("haproxy-1", t,
        "%s:%d [%s.%03d] fe_http be_stats/<STATS> 0/-1/-1/-1/0 200 %d - - LR-- 3/3/0/0/0 0/0 \"GET /stats;csv HTTP/1.1\"" % ("172.18.0.30", R.randint(30000, 65000), clf(t).split(" ")[0], t.microsecond // 1000, R.randint(9000, 12000)))

# ---------------------------------------------------------- user traffic
def ratelimit(t, who):
    """API call -> rate-limiter -> redis INCR. Fails open under OOM (noisy)."""
    if oom(t):
        key = "rl:%s:%d" % (who, int(t.timestamp()) // 60)
        rl(t, "error", "redis INCR failed", key=key, error="OOM command not allowed when used memory > 'maxmemory'.", addr="session-redis:6379")
        rl(t + timedelta(microseconds=300), "warning", "rate limit check failed open", client=who, route="/v1/check", policy="fail_open")
        if R.random() < 0.5:
            rl(t + timedelta(microseconds=500), "error", "redis EXPIRE skipped after failed INCR", key=key, error="OOM command not allowed when used memory > 'maxmemory'.")


AUTH_TB = """Traceback (most recent call last):
  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 880, in full_dispatch_request
    rv = self.dispatch_request()
  File "/app/auth/views.py", line 64, in login
    sid = sessions.create(user.id, remember=form.remember.data)
  File "/app/auth/sessions.py", line 41, in create
    self.r.set(f"sess:{sid}", payload)
  File "/usr/local/lib/python3.12/site-packages/redis/client.py", line 2355, in set
    return self.execute_command("SET", *pieces, **options)
  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 1041, in read_response
    raise response
redis.exceptions.OutOfMemoryError: OOM command not allowed when used memory > 'maxmemory'."""

for t in poisson_times(START, END, 5.0):
    k = R.random()
    c = R.choice(["auth-service-1", "auth-service-2"])
    srv = "auth1" if c.endswith("1") else "auth2"
    if k < 0.10:
        # login: POST /login -> auth-service -> SET session (no TTL for remember-me)
        ratelimit(t, "auth-service")
        if oom(t):
            d = R.uniform(8, 20)
            auth(c, t + timedelta(milliseconds=d), "ERROR", "auth.views", "login failed for user_id=%d: could not persist session\n%s" % (R.randint(10000, 999999), AUTH_TB))
            gacc(c, t + timedelta(milliseconds=d), "POST", "/login", 500, 291, int(d * 1000))
            hap(t, "fe_http", "be_auth", srv, 0, 0, 1, int(d), 500, 420, "POST /login HTTP/1.1")
        else:
            d = logn(35, 0.3)
            auth(c, t + timedelta(milliseconds=d), "INFO", "auth.views", "login ok user_id=%d remember=%s" % (R.randint(10000, 999999), R.choice(["True", "False"])))
            gacc(c, t + timedelta(milliseconds=d), "POST", "/login", 302, 0, int(d * 1000))
            hap(t, "fe_http", "be_auth", srv, 0, 0, 1, int(d), 302, 310, "POST /login HTTP/1.1")
    elif k < 0.30:
        # session refresh: GET /api/session -> GET (ok) + EXPIRE/SET last_seen (fails)
        ratelimit(t, "auth-service")
        if oom(t):
            d = R.uniform(3, 9)
            auth(c, t + timedelta(milliseconds=d), "ERROR", "auth.sessions", "session touch failed sid=%s: OutOfMemoryError(\"%s\") host=session-redis port=6379" % (hexid(16), OOM_MSG))
            gacc(c, t + timedelta(milliseconds=d), "GET", "/api/session", 503, 64, int(d * 1000))
            hap(t, "fe_http", "be_auth", srv, 0, 0, 0, int(d), 503, 180, "GET /api/session HTTP/1.1")
        else:
            d = logn(6, 0.3)
            gacc(c, t + timedelta(milliseconds=d), "GET", "/api/session", 200, 212, int(d * 1000))
            hap(t, "fe_http", "be_auth", srv, 0, 0, 0, int(d), 200, 380, "GET /api/session HTTP/1.1")
    elif k < 0.62:
        # profile pages (rails): read session ok; cache writes fail under OOM -> slower, still 200
        ratelimit(t, "profile-api")
        rid = uuid()
        path = R.choice(["/profile", "/profile/orders", "/profile/addresses", "/profile/preferences"])
        rails(t, "INFO", rid, 'Started GET "%s" for %s at %s +0100' % (path, ip("172.18"), (t + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S")))
        rails(t + timedelta(milliseconds=1), "INFO", rid, "Processing by ProfilesController#%s as HTML" % path.strip("/").replace("profile/", "").replace("profile", "show"))
        if oom(t):
            d = logn(180, 0.3)
            rails(t + timedelta(milliseconds=d * 0.6), "WARN", rid, "RedisCacheStore: write_entry failed, returned false: Redis::CommandError: %s" % OOM_MSG)
            rails(t + timedelta(milliseconds=d), "INFO", rid, "Completed 200 OK in %dms (Views: %.1fms | ActiveRecord: %.1fms | Allocations: %d)" % (d, d * 0.3, d * 0.6, R.randint(20000, 60000)))
        else:
            d = logn(45, 0.3)
            rails(t + timedelta(milliseconds=d), "INFO", rid, "Completed 200 OK in %dms (Views: %.1fms | ActiveRecord: %.1fms | Allocations: %d)" % (d, d * 0.5, d * 0.2, R.randint(9000, 30000)))
        hap(t, "fe_http", "be_profile", "profile1", 0, 0, 0, int(d) + 1, 200, R.randint(9000, 30000), "GET %s HTTP/1.1" % path)
    else:
        d = logn(25, 0.4)
        q = R.choice(["shoes", "winter+jacket", "gift", "usb-c", "desk"])
        out("search-svc-1", t + timedelta(milliseconds=d), pino(t + timedelta(milliseconds=d), "info", "request completed", SEARCH_PID, "search-svc-1",
                                                              req={"method": "GET", "url": "/search?q=" + q}, res={"statusCode": 200}, responseTime=int(d)))
        hap(t, "fe_http", "be_search", "search1", 0, 0, 0, int(d), 200, R.randint(2000, 15000), "GET /search?q=%s HTTP/1.1" % q)

# on-call deletes orphaned remember-me keys at 10:24 via redis-cli (not logged by redis);
# auth-service logs a recovered line
auth("auth-service-2", FIXED + timedelta(seconds=2.2), "INFO", "auth.sessions", "session store writable again (last error 2.3s ago)")
rl(FIXED + timedelta(seconds=0.4), "info", "redis healthy again, leaving fail-open mode", addr="session-redis:6379")

for _ in range(3):
    t = START + timedelta(seconds=R.uniform(10, 1900))
    out(R.choice(["search-svc-1", "rate-limiter-1"]), t, garbage())
S.write()
