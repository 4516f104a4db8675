#!/usr/bin/env python3
"""l04: fluentd aggregator config change -> OpenSearch 413s -> buffer full (overflow_action block)
-> docker fluentd log driver blocks container stdout -> every app on the docker hosts hangs.

Hosts: lb-01 (nginx, json-file driver: unaffected, shows the 504/502), app-01/app-02 (docker,
fluentd log driver in blocking mode; collected with `docker logs --timestamps`), log-01 (td-agent +
opensearch-logs), db-01 (postgres, kills idle-in-transaction sessions of the blocked app).
The root (fluentd) logs only WARN; no app names it. app-02's clock runs ~1.8 s ahead. After the
restart of td-agent the blocked pipe contents are flushed in a burst with old app timestamps.
"""
import os
import sys
from l_common import *

rng = Rng(4404)
OUT = Out(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))

T0 = T("2026-04-09T02:20:00Z")
T1 = T("2026-04-09T02:58:00Z")
RELOAD = T("2026-04-09T02:29:48.000Z")
FIRST413 = T("2026-04-09T02:30:51Z")
FULL = T("2026-04-09T02:36:41Z")
STOP = T("2026-04-09T02:47:05Z")
START = T("2026-04-09T02:48:02Z")
UNBLOCK = START + 3.1
APP02_SKEW = 1.8
# when each container's stdout pipe fills after the buffer is full (volume dependent)
FILL = {"booking-api": 2.5, "availability-service": 21.0, "billing-service": 64.0, "user-service": 170.0}
HOSTS = ["app-01", "app-02"]
CID = {(h, s): rng.hex(64) for h in HOSTS for s in FILL}
PORT = {"booking-api": 8080, "availability-service": 8081, "billing-service": 8000, "user-service": 3000}
HIP = {"app-01": "10.20.1.11", "app-02": "10.20.1.12", "log-01": "10.20.9.5", "db-01": "10.20.5.20", "lb-01": "10.20.0.10"}


def skew(h):
    return APP02_SKEW if h == "app-02" else 0.0


def blocked(svc, t):
    return FULL + FILL[svc] <= t < UNBLOCK


# ---------------------------------------------------------------- docker logs --timestamps files
def dlog(host, svc, t, line):
    """t = time the app wrote the line. Docker stamps it when the copier reads it."""
    if blocked(svc, t):
        # stays in the pipe (or in a blocked write) until td-agent comes back
        dt = UNBLOCK + rng.uniform(0.0, 0.9)
    else:
        dt = t + rng.uniform(0.00002, 0.0004)
    s = skew(host)
    OUT.add("logs/%s/%s.log" % (host, svc), dt + s, "%sZ %s" % (iso(dt + s, 9, ""), line))


def app_ts(host, t):
    return t + skew(host)


def booking(host, t, level, logger, thread, msg, trace=None, stack=None, **kv):
    ts = app_ts(host, t)
    d = {"@timestamp": iso(ts), "@version": "1", "message": msg, "logger_name": logger, "thread_name": thread, "level": level,
         "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000, "DEBUG": 10000}[level]}
    if trace:
        d["traceId"] = trace
        d["spanId"] = trace[16:]
    d.update(kv)
    if stack:
        d["stack_trace"] = stack
    dlog(host, "booking-api", t, jdump(d))


def avail(host, t, level, caller, msg, **kv):
    d = {"level": level, "ts": round(app_ts(host, t), 6), "caller": caller, "msg": msg}
    d.update(kv)
    dlog(host, "availability-service", t, jdump(d))


def billing(host, t, text):
    dlog(host, "billing-service", t, text)


def usersvc(host, t, level, obj):
    d = {"level": level, "time": epoch_ms(app_ts(host, t)), "pid": 1, "hostname": CID[(host, "user-service")][:12]}
    d.update(obj)
    dlog(host, "user-service", t, jdump(d))


# ---------------------------------------------------------------- request flows
def tomcat_thread():
    return "http-nio-8080-exec-%d" % rng.randint(1, 200)


PSQL_CLOSED = ("org.springframework.transaction.TransactionSystemException: Could not commit JPA transaction\n"
               "\tat org.springframework.orm.jpa.JpaTransactionManager.doCommit(JpaTransactionManager.java:570)\n"
               "\tat org.springframework.transaction.support.AbstractPlatformTransactionManager.processCommit(AbstractPlatformTransactionManager.java:795)\n"
               "\tat com.acme.booking.BookingService$$SpringCGLIB$$0.create(<generated>)\n"
               "\tat com.acme.booking.web.BookingController.create(BookingController.java:48)\n"
               "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
               "Caused by: org.postgresql.util.PSQLException: This connection has been closed.\n"
               "\tat org.postgresql.jdbc.PgConnection.checkClosed(PgConnection.java:993)\n"
               "\tat org.postgresql.jdbc.PgConnection.commit(PgConnection.java:969)\n"
               "\tat com.zaxxer.hikari.pool.ProxyConnection.commit(ProxyConnection.java:378)\n"
               "\t... 61 common frames omitted")


def stall_end(svc, t):
    """if the app is blocked at t, when does the call complete (the thread sits in write())"""
    if blocked(svc, t):
        return UNBLOCK + rng.uniform(0.05, 2.5)
    return None


def flow_booking_create(t, host):
    trace = rng.hex(32)
    th = tomcat_thread()
    bid = "BK-" + rng.hex(6).upper()
    prop = rng.randint(1000, 9999)
    d = rng.lat(0.004, 0.3)
    booking(host, t + d, "INFO", "c.a.booking.web.RequestLoggingFilter", th, "POST /v1/bookings started", trace, clientIp="10.20.0.10")
    se = stall_end("booking-api", t + d)
    if se:
        # blocked inside a transaction while logging
        end = se
        booking(host, t + d + 0.01, "INFO", "com.acme.booking.BookingService", th, "Reserving property %d for %d nights" % (prop, rng.randint(1, 9)), trace)
        if se - t > 62:
            booking(host, end, "ERROR", "c.a.booking.web.ApiExceptionHandler", th, "Unhandled exception on POST /v1/bookings", trace, PSQL_CLOSED)
            booking(host, end + 0.001, "INFO", "c.a.booking.web.RequestLoggingFilter", th, "POST /v1/bookings completed status=500 took=%dms" % int((end - t) * 1000), trace)
        return end - t, None
    # availability call
    ah = rng.choice(HOSTS)
    ad = flow_availability_check(t + d + 0.002, ah, prop, trace)
    if ad is None:
        return None, None
    d += ad + 0.003
    se = stall_end("booking-api", t + d)
    if se:
        return se - t, None
    bd = flow_billing(t + d, rng.choice(HOSTS), bid)
    if bd is None:
        return None, None
    d += bd + rng.lat(0.012, 0.3)
    booking(host, t + d, "INFO", "com.acme.booking.BookingService", th, "Booking %s created for property %d (%d nights, total %.2f EUR)" % (bid, prop, rng.randint(1, 9), rng.uniform(80, 2400)), trace)
    booking(host, t + d + 0.0005, "INFO", "c.a.booking.web.RequestLoggingFilter", th, "POST /v1/bookings completed status=201 took=%dms" % int(d * 1000), trace)
    return d + 0.001, 201


def flow_booking_get(t, host):
    trace = rng.hex(32)
    th = tomcat_thread()
    d = rng.lat(0.009, 0.35)
    se = stall_end("booking-api", t)
    if se:
        return se - t, None
    booking(host, t + d, "INFO", "c.a.booking.web.RequestLoggingFilter", th, "GET /v1/bookings/BK-%s completed status=200 took=%dms" % (rng.hex(6).upper(), int(d * 1000)), trace)
    return d, 200


def flow_availability_check(t, host, prop, trace):
    se = stall_end("availability-service", t)
    if se:
        return None
    d = rng.lat(0.006, 0.4)
    avail(host, t + d, "info", "http/handler.go:88", "availability check", property_id=prop, nights=rng.randint(1, 9), available=True,
          duration_ms=round(d * 1000, 2), trace_id=trace)
    return d


def flow_availability_search(t, host):
    se = stall_end("availability-service", t)
    if se:
        return se - t, None
    d = rng.lat(0.028, 0.45)
    avail(host, t + d, "info", "http/handler.go:61", "availability search", city=rng.choice(["lisbon", "porto", "madrid", "seville", "valencia", "faro"]),
          results=rng.randint(0, 240), duration_ms=round(d * 1000, 2), trace_id=rng.hex(32))
    return d, 200


def flow_billing(t, host, bid):
    se = stall_end("billing-service", t)
    if se:
        return None
    d = rng.lat(0.045, 0.4)
    ch = "ch_" + rng.alnum(24)
    billing(host, t + d - 0.001, "%s INFO billing.charges: charge %s authorised for %s amount=%d currency=EUR" % (comma_ts(app_ts(host, t + d - 0.001)), ch, bid, rng.randint(8000, 240000)))
    billing(host, t + d, '%s - - [%s] "POST /charges HTTP/1.1" 201 %d "-" "Java-http-client/21.0.4"' % (HIP["app-01"] if rng.random() < 0.5 else HIP["app-02"], clf(app_ts(host, t + d)), rng.randint(280, 340)))
    return d


def flow_user(t, host):
    se = stall_end("user-service", t)
    if se:
        return se - t, None
    d = rng.lat(0.007, 0.4)
    usersvc(host, t + d, 30, {"req": {"id": rng.randint(1, 10 ** 6), "method": "GET", "url": "/v1/users/me"}, "res": {"statusCode": 200}, "responseTime": round(d * 1000, 3), "msg": "request completed"})
    return d, 200


# ---------------------------------------------------------------- nginx on lb-01 (docker json-file)
NGINX_CID = rng.hex(64)
nginx_conn = [184000]
upstream_fail = {}


def nginx_json(t, stream, text):
    OUT.add("logs/lb-01/nginx/%s-json.log" % NGINX_CID, t,
            jdump({"log": text + "\n", "stream": stream, "time": iso(t + rng.uniform(0.00001, 0.0002), 9, "") + "Z"}))


def nginx_access(t, d, method, path, status, ua, up, bytes_, uct, urt, ust):
    ci = client_ip(rng)
    nginx_json(t + d, "stdout", '%s - - [%s] "%s %s HTTP/1.1" %d %d "-" "%s" rt=%.3f uct="%s" uht="%s" urt="%s" ua="%s" us="%s"' % (
        ci, clf(t + d), method, path, status, bytes_, ua, d, uct, urt if ust != "-" else "-", urt, up, ust))
    return ci


def nginx_error(t, msg, ci, method, path, up):
    nginx_conn[0] += rng.randint(1, 60)
    wpid = rng.randint(22, 29)
    nginx_json(t, "stderr", '%s [error] %d#%d: *%d %s, client: %s, server: api.acme-stays.com, request: "%s %s HTTP/1.1", upstream: "http://%s%s", host: "api.acme-stays.com"' % (
        space_ts(t, 0).replace("-", "/"), wpid, wpid, nginx_conn[0], msg, ci, method, path, up, path.split("?")[0]))


def route(t):
    kind = rng.wchoice([("create", 12), ("get", 22), ("search", 34), ("user", 22), ("static", 10)])
    host = rng.choice(HOSTS)
    ua = rng.choice(UA_BROWSER + UA_APP)
    if kind == "static":
        d = rng.lat(0.0008, 0.3)
        nginx_access(t, d, "GET", rng.choice(["/robots.txt", "/favicon.ico", "/health"]), 200, ua, "-", rng.randint(40, 900), "-", "-", "-")
        return
    svc, method, path, fn = {
        "create": ("booking-api", "POST", "/v1/bookings", flow_booking_create),
        "get": ("booking-api", "GET", "/v1/bookings/BK-%s" % rng.hex(6).upper(), flow_booking_get),
        "search": ("availability-service", "GET", "/v1/availability?city=%s&nights=%d" % (rng.choice(["lisbon", "porto", "madrid", "faro"]), rng.randint(1, 9)), flow_availability_search),
        "user": ("user-service", "GET", "/v1/users/me", flow_user),
    }[kind]
    up = "%s:%d" % (HIP[host], PORT[svc])
    # nginx marks upstreams failed (max_fails=3 fail_timeout=10s): if all failed -> 502 no live upstreams
    key = svc
    if upstream_fail.get(key, 0) > t and rng.random() < 0.45:
        ci = nginx_access(t, 0.0, method, path, 502, ua, svc, 157, "-", "-", "-")
        nginx_error(t, "no live upstreams while connecting to upstream", ci, method, path, svc)
        return
    if fn is flow_booking_create or fn is flow_booking_get:
        d, st = fn(t + 0.0005, host)
    else:
        d, st = fn(t + 0.0005, host)
    if st is None or d is None or d > 30.0:
        # proxy_read_timeout 30s
        d = 30.0 + rng.uniform(0.0005, 0.003)
        ci = nginx_access(t, d, method, path, 504, ua, up, 167, "%.3f" % rng.uniform(0.0, 0.002), "30.001", "504")
        nginx_error(t + d, "upstream timed out (110: Connection timed out) while reading response header from upstream", ci, method, path, up)
        upstream_fail[key] = t + d + 10
        return
    uct = "%.3f" % rng.uniform(0.0, 0.002)
    nginx_access(t, d + 0.001, method, path, st, ua, up, rng.randint(300, 9000) if st < 300 else 211, uct, "%.3f" % d, str(st))


# ---------------------------------------------------------------- background per app
def app_background():
    for host in HOSTS:
        # booking-api housekeeping
        for t in arrivals(rng, T0, T1, 1 / 30.0):
            a = rng.randint(0, 4)
            booking(host, t, "INFO", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 housekeeper", "HikariPool-1 - Pool stats (total=20, active=%d, idle=%d, waiting=0)" % (a, 20 - a))
        for t in arrivals(rng, T0, T1, 1 / 180.0):
            booking(host, t, "WARN", "o.h.e.j.s.SqlExceptionHelper", "scheduling-1", "SQL Warning Code: 0, SQLState: 00000")
        # availability cache refresh
        for t in arrivals(rng, T0, T1, 1 / 20.0):
            avail(host, t, "debug" if rng.random() < 0.1 else "info", "cache/refresher.go:52", "rate cache refreshed", entries=rng.randint(40000, 42000), took_ms=rng.randint(30, 90))
        for t in arrivals(rng, T0, T1, 1 / 240.0):
            avail(host, t, "warn", "channel/bookingcom.go:140", "channel manager returned partial inventory", channel="booking.com", missing=rng.randint(1, 12))
        # billing: worker heartbeats and a noisy FX warning
        for t in arrivals(rng, T0, T1, 1 / 30.0):
            billing(host, t, "%s WARNING billing.fx: ECB reference rate for THB is stale (last update 2026-04-07); using cached value" % comma_ts(app_ts(host, t)))
        for t in arrivals(rng, T0, T1, 1 / 60.0):
            billing(host, t, "%s INFO gunicorn.error: Worker heartbeat ok (workers=4, busy=%d)" % (comma_ts(app_ts(host, t)), rng.randint(0, 2)))
        # user-service
        for t in arrivals(rng, T0, T1, 1 / 90.0):
            usersvc(host, t, 40, {"msg": "(node:1) [DEP0005] DeprecationWarning: Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead."})
    # after the unblock: hikari complaints, DB closed connections
    for host in HOSTS:
        booking(host, UNBLOCK + 0.3, "WARN", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 housekeeper",
                "HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=11m24s361ms).")
        for i in range(rng.randint(3, 7)):
            booking(host, UNBLOCK + rng.uniform(0.4, 3), "WARN", "com.zaxxer.hikari.pool.PoolBase", tomcat_thread(),
                    "HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@%s (This connection has been closed.). Possibly consider using a shorter maxLifetime value." % rng.hex(8))
        avail(host, UNBLOCK + 0.2, "warn", "runtime/watchdog.go:33", "event loop stalled", stalled_for="11m21.4s")


# ---------------------------------------------------------------- fluentd (td-agent.log) on log-01
FL = "logs/log-01/fluentd/td-agent.log"


def fl(t, level, msg, worker=True):
    OUT.block(FL, t, "%s +0000 [%s]: %s%s" % (space_ts(t, 0), level, "#0 " if worker else "", msg))


CONFIG_DUMP = """using configuration file: <ROOT>
  <system>
    log_level info
    workers 1
  </system>
  <source>
    @type forward
    @id in_forward
    port 24224
    bind "0.0.0.0"
  </source>
  <source>
    @type tail
    @id in_tail_nginx
    path "/var/log/remote/lb-01/nginx/*.log"
    pos_file "/var/log/td-agent/pos/nginx.pos"
    tag "nginx.access"
    <parse>
      @type "nginx"
    </parse>
  </source>
  <filter docker.**>
    @type parser
    key_name "log"
    reserve_data true
    <parse>
      @type "json"
    </parse>
  </filter>
  <match docker.** nginx.**>
    @type opensearch
    @id out_opensearch
    host "opensearch-logs"
    port 9200
    logstash_format true
    logstash_prefix "apps"
    request_timeout 60s
    <buffer tag>
      @type "file"
      path "/var/log/td-agent/buffer/opensearch"
      chunk_limit_size {chunk}
      total_limit_size 2g
      flush_interval {flush}
      flush_thread_count {threads}
      overflow_action block
      retry_type exponential_backoff
      retry_wait 1s
      retry_max_interval 128s
    </buffer>
  </match>
</ROOT>"""


def fluentd():
    # long-running noise: nginx lines that do not match the parser
    for t in arrivals(rng, T0, T1, 1 / 25.0):
        fl(t, "warn", "[in_tail_nginx] pattern not matched: \"%s - - [%s] \\\"\\\\x16\\\\x03\\\\x01\\\\x02\\\\x00\\\\x01\\\\x00\\\\x01\\\\xFC\\\\x03\\\\x03\\\" 400 157 \\\"-\\\" \\\"-\\\"\"" % (client_ip(rng), clf(t - 1)))
    for t in arrivals(rng, T0, RELOAD, 1 / 140.0):
        fl(t, "info", "[out_opensearch] Detected OpenSearch 2.17.1")
    # the change
    fl(RELOAD - 0.5, "info", "Reloading new config", worker=False)
    fl(RELOAD, "info", CONFIG_DUMP.replace("{chunk}", "256m").replace("{flush}", "60s").replace("{threads}", "1"), worker=False)
    fl(RELOAD + 0.2, "info", "shutting down input plugin type=:forward plugin_id=\"in_forward\"")
    fl(RELOAD + 0.3, "info", "shutting down output plugin type=:opensearch plugin_id=\"out_opensearch\"")
    fl(RELOAD + 1.1, "info", "starting fluentd worker pid=2211 ppid=7 worker=0", worker=False)
    fl(RELOAD + 1.2, "info", "[in_forward] listening port port=24224 bind=\"0.0.0.0\"")
    fl(RELOAD + 1.3, "info", "fluentd worker is now running worker=0")
    # 413 retries with exponential backoff per chunk
    t = FIRST413
    retry = 0
    chunk = rng.hex(32)
    while t < STOP:
        size = int(min(256, 120 + (t - FIRST413) / 6) * 1048576 * rng.uniform(0.9, 1.0))
        nxt = min(2 ** retry, 128)
        fl(t, "warn", "[out_opensearch] failed to flush the buffer. retry_times=%d next_retry_time=%s +0000 chunk=\"%s\" error_class=Fluent::Plugin::OpenSearchOutput::RecoverableRequestFailure error=\"could not push logs to OpenSearch cluster ({:host=>\\\"opensearch-logs\\\", :port=>9200, :scheme=>\\\"http\\\"}): [413] {\\\"error\\\":{\\\"root_cause\\\":[{\\\"type\\\":\\\"illegal_argument_exception\\\",\\\"reason\\\":\\\"request body of %d bytes exceeds http.max_content_length [104857600]\\\"}],\\\"status\\\":413}}\"" % (
            retry, space_ts(t + nxt, 0), chunk, size))
        if retry == 0 and t == FIRST413:
            for fr in ["/opt/td-agent/lib/ruby/gems/3.2.0/gems/fluent-plugin-opensearch-1.1.4/lib/fluent/plugin/out_opensearch.rb:1146:in `rescue in send_bulk'",
                       "/opt/td-agent/lib/ruby/gems/3.2.0/gems/fluent-plugin-opensearch-1.1.4/lib/fluent/plugin/out_opensearch.rb:1108:in `send_bulk'",
                       "/opt/td-agent/lib/ruby/gems/3.2.0/gems/fluent-plugin-opensearch-1.1.4/lib/fluent/plugin/out_opensearch.rb:892:in `block in write'",
                       "/opt/td-agent/lib/ruby/gems/3.2.0/gems/fluent-plugin-opensearch-1.1.4/lib/fluent/plugin/out_opensearch.rb:891:in `each'",
                       "/opt/td-agent/lib/ruby/gems/3.2.0/gems/fluent-plugin-opensearch-1.1.4/lib/fluent/plugin/out_opensearch.rb:891:in `write'",
                       "/opt/td-agent/lib/ruby/gems/3.2.0/gems/fluentd-1.16.5/lib/fluent/plugin/output.rb:1225:in `try_flush'",
                       "/opt/td-agent/lib/ruby/gems/3.2.0/gems/fluentd-1.16.5/lib/fluent/plugin/output.rb:1538:in `flush_thread_run'",
                       "/opt/td-agent/lib/ruby/gems/3.2.0/gems/fluentd-1.16.5/lib/fluent/plugin/output.rb:510:in `block (2 levels) in start'",
                       "/opt/td-agent/lib/ruby/gems/3.2.0/gems/fluentd-1.16.5/lib/fluent/plugin_helper/thread.rb:78:in `block in thread_create'"]:
                fl(t, "warn", fr)
        else:
            fl(t, "warn", "suppressed same stacktrace")
        if rng.random() < 0.3:
            fl(t + rng.uniform(0.5, 2), "warn", "[out_opensearch] buffer flush took longer time than slow_flush_log_threshold: elapsed_time=%.3f slow_flush_log_threshold=20.0 plugin_id=\"out_opensearch\"" % rng.uniform(20.5, 31))
        t += nxt + rng.uniform(0.05, 0.6)
        retry += 1
        if retry > 6 and rng.random() < 0.3:
            retry = 6
    # buffer full
    t = FULL
    while t < STOP:
        fl(t, "warn", "[out_opensearch] failed to write data into buffer by buffer overflow action=:block")
        t += rng.uniform(1.0, 1.05)
    fl(FULL + 30, "warn", "[out_opensearch] buffer queue limit reached: total_limit_size=2147483648 stage_size=%d queue_size=%d" % (rng.randint(2 ** 28, 2 ** 29), 2147483648 - rng.randint(2 ** 28, 2 ** 29)))
    # operator restarts td-agent after moving the buffer aside
    fl(STOP, "info", "Received graceful stop", worker=False)
    fl(STOP + 1.0, "info", "fluentd worker is now stopping worker=0")
    fl(STOP + 1.1, "info", "shutting down fluentd worker worker=0", worker=False)
    fl(STOP + 30.0, "warn", "[out_opensearch] thread doesn't exit correctly (killed or other reason) plugin=Fluent::Plugin::OpenSearchOutput title=:flush_thread_0 thread=#<Thread:0x00007f2b1c0e7a38@flush_thread_0 /opt/td-agent/lib/ruby/gems/3.2.0/gems/fluentd-1.16.5/lib/fluent/plugin_helper/thread.rb:70 aborting> error=nil")
    fl(START, "info", "init supervisor logger path=\"/var/log/td-agent/td-agent.log\" rotate_age=nil rotate_size=nil", worker=False)
    fl(START + 0.1, "info", "parsing config file is succeeded path=\"/etc/td-agent/td-agent.conf\"", worker=False)
    fl(START + 0.2, "info", "gem 'fluentd' version '1.16.5'", worker=False)
    fl(START + 0.21, "info", "gem 'fluent-plugin-opensearch' version '1.1.4'", worker=False)
    fl(START + 0.5, "info", CONFIG_DUMP.replace("{chunk}", "8m").replace("{flush}", "5s").replace("{threads}", "8"), worker=False)
    fl(START + 0.6, "info", "starting fluentd-1.16.5 pid=31877 ruby=\"3.2.3\"", worker=False)
    fl(START + 0.9, "info", "spawn command to main:  cmdline=[\"/opt/td-agent/bin/ruby\", \"-Eascii-8bit:ascii-8bit\", \"/opt/td-agent/bin/fluentd\", \"--log\", \"/var/log/td-agent/td-agent.log\", \"--daemon\", \"/var/run/td-agent/td-agent.pid\", \"--under-supervisor\"]", worker=False)
    fl(START + 2.1, "info", "starting fluentd worker pid=31881 ppid=31877 worker=0", worker=False)
    fl(START + 2.9, "info", "[in_forward] listening port port=24224 bind=\"0.0.0.0\"")
    fl(START + 3.0, "info", "fluentd worker is now running worker=0")
    for t in arrivals(rng, START + 5, START + 90, 1 / 6.0):
        fl(t, "warn", "[out_opensearch] buffer flush took longer time than slow_flush_log_threshold: elapsed_time=%.3f slow_flush_log_threshold=20.0 plugin_id=\"out_opensearch\"" % rng.uniform(20.1, 24))


# ---------------------------------------------------------------- opensearch-logs (healthy)
def opensearch():
    f = "logs/log-01/opensearch/opensearch-logs.log"

    def os_(t, lvl, logger, msg):
        d, fr = space_ts(t, 3).split(".")
        OUT.add(f, t, "[%sT%s,%s][%-5s][%-38s] [opensearch-logs-1] %s" % (d.split(" ")[0], d.split(" ")[1], fr, lvl, logger, msg))

    for t in arrivals(rng, T0, T1, 1 / 35.0):
        r = rng.random()
        if r < 0.5:
            os_(t, "INFO", "o.o.j.s.JobSweeper", "Running full sweep")
        elif r < 0.8:
            os_(t, "INFO", "o.o.m.j.JvmGcMonitorService", "[gc][%d] overhead, spent [%dms] collecting in the last [1s]" % (rng.randint(800000, 900000), rng.randint(250, 420)))
        else:
            os_(t, "WARN", "o.o.c.r.a.DiskThresholdMonitor", "high disk watermark [90%%] exceeded on [x1FhQ2kTQ0e3m9VYc1Xz1A][opensearch-logs-1][/var/lib/opensearch/nodes/0] free: %.1fgb[%.1f%%], shards will be relocated away from this node; currently relocating away shards totalling [0] bytes; the node is expected to continue to exceed the high disk watermark when these relocations are complete" % (rng.uniform(38, 41), rng.uniform(9.1, 9.6)))


# ---------------------------------------------------------------- postgres on db-01
def postgres():
    f = "logs/db-01/postgres/postgresql-15-main.log"

    def pg(t, pid, ue, lvl, msg):
        OUT.add(f, t, "%s [%d] %s%s:  %s" % (pg_ts(t), pid, ue + " " if ue else "", lvl, msg))

    t = T0 + 100
    while t < T1:
        pg(t, 512, "", "LOG", "checkpoint starting: time")
        pg(t + 269.8, 512, "", "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, 1 recycled; write=269.8 s, sync=0.004 s, total=269.813 s; sync files=31, longest=0.002 s, average=0.001 s; distance=%d kB, estimate=%d kB" % (
            rng.randint(400, 2000), rng.uniform(0.2, 1.5), rng.randint(5000, 20000), rng.randint(15000, 22000)))
        t += 300
    for t in arrivals(rng, T0, T1, 1 / 120.0):
        pg(t, rng.randint(30000, 40000), "reporting@bookings", "LOG", "duration: %.3f ms  statement: SELECT property_id, count(*) FROM bookings WHERE created_at > now() - interval '7 days' GROUP BY 1" % rng.uniform(1000, 2600))
    # idle in transaction sessions from blocked booking-api threads get killed (idle_in_transaction_session_timeout = 60s)
    for t in arrivals(rng, FULL + 62, UNBLOCK, 0.12):
        pid = rng.randint(40000, 50000)
        host = rng.choice(HOSTS)
        pg(t, pid, "booking@bookings", "FATAL", "terminating connection due to idle-in-transaction timeout")
    for t in arrivals(rng, UNBLOCK, UNBLOCK + 20, 0.6):
        pg(t, rng.randint(40000, 50000), "booking@bookings", "LOG", "could not receive data from client: Connection reset by peer")
    for t in arrivals(rng, T0, T1, 1 / 300.0):
        pg(t, rng.randint(30000, 40000), "booking@bookings", "ERROR", 'duplicate key value violates unique constraint "idempotency_keys_pkey"')
        pg(t, rng.randint(30000, 40000), "booking@bookings", "DETAIL", "Key (key)=(%s) already exists." % rng.uuid())


# ---------------------------------------------------------------- journals and docker events
def journal_entry(host, t, ident, unit, pid, prio, msg, comm=None, exe=None):
    boot = {"app-01": "5c1e9a7f2b3d4e6f8a9b0c1d2e3f4a5b", "app-02": "0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d", "log-01": "77aa12bc34de56f0718293a4b5c6d7e8"}[host]
    mid = {"app-01": "e3b0c44298fc1c149afbf4c8996fb924", "app-02": "27ae41e4649b934ca495991b7852b855", "log-01": "d4735e3a265e16eee03f59718b9b5d03"}[host]
    ts = t + skew(host)
    us = epoch_us(ts)
    cur = "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (rng.hex(32), rng.randint(0x100000, 0xffffff), boot, rng.randint(10 ** 10, 10 ** 11), us, rng.hex(16))
    lines = ["__CURSOR=" + cur, "__REALTIME_TIMESTAMP=%d" % us, "__MONOTONIC_TIMESTAMP=%d" % (us - 1775500000000000), "_BOOT_ID=" + boot,
             "PRIORITY=%d" % prio, "SYSLOG_FACILITY=3", "_UID=0", "_GID=0", "_CAP_EFFECTIVE=1ffffffffff", "_MACHINE_ID=" + mid, "_HOSTNAME=" + host,
             "_TRANSPORT=%s" % ("stdout" if ident in ("dockerd", "containerd") else "kernel" if ident == "kernel" else "syslog" if ident == "sudo" else "journal"), "SYSLOG_IDENTIFIER=" + ident, "_PID=%d" % pid]
    if comm:
        lines += ["_COMM=" + comm, "_EXE=" + exe]
    lines += ["_SYSTEMD_CGROUP=/system.slice/%s" % unit, "_SYSTEMD_UNIT=%s" % unit, "_SYSTEMD_SLICE=system.slice", "MESSAGE=" + msg]
    # journal export format: one KEY=value per line, entries separated by an empty line
    OUT.add("logs/%s/journal-%s.export" % (host, "docker" if host != "log-01" else "system"), ts, "\n".join(lines) + "\n")


def journals():
    for host in HOSTS:
        for t in arrivals(rng, T0, T1, 1 / 60.0):
            c = rng.hex(64)
            journal_entry(host, t, "dockerd", "docker.service", 1042, 6,
                          'time="%sZ" level=info msg="ignoring event" container=%s module=libcontainerd namespace=moby topic=/tasks/delete type="*events.TaskDelete"' % (iso(app_ts(host, t), 9, ""), c),
                          "dockerd", "/usr/bin/dockerd")
        for svc in FILL:
            for t in arrivals(rng, FULL + FILL[svc] + 20, UNBLOCK, 1 / 35.0):
                journal_entry(host, t, "dockerd", "docker.service", 1042, 4,
                              'time="%sZ" level=warning msg="Health check for container %s error: timed out starting health check for container %s"' % (
                                  iso(app_ts(host, t), 9, ""), CID[(host, svc)], CID[(host, svc)]), "dockerd", "/usr/bin/dockerd")
        for t in arrivals(rng, T0, T1, 1 / 300.0):
            journal_entry(host, t, "containerd", "containerd.service", 988, 6,
                          'time="%sZ" level=info msg="shim disconnected" id=%s namespace=moby' % (iso(app_ts(host, t), 9, ""), rng.hex(64)), "containerd", "/usr/bin/containerd")
    # log-01 system journal: td-agent restart by the operator
    journal_entry("log-01", STOP - 0.4, "sudo", "session-4412.scope", 31820, 5, "    oncall : TTY=pts/0 ; PWD=/home/oncall ; USER=root ; COMMAND=/usr/bin/mv /var/log/td-agent/buffer/opensearch /var/log/td-agent/buffer/opensearch.stuck-0247", "sudo", "/usr/bin/sudo")
    journal_entry("log-01", STOP, "systemd", "init.scope", 1, 6, "Stopping td-agent.service - td-agent: Fluentd based data collector for Treasure Data...", "systemd", "/usr/lib/systemd/systemd")
    journal_entry("log-01", STOP + 31.2, "systemd", "init.scope", 1, 4, "td-agent.service: State 'stop-sigterm' timed out. Killing.", "systemd", "/usr/lib/systemd/systemd")
    journal_entry("log-01", STOP + 31.3, "systemd", "init.scope", 1, 4, "td-agent.service: Killing process 2211 (ruby) with signal SIGKILL.", "systemd", "/usr/lib/systemd/systemd")
    journal_entry("log-01", STOP + 31.5, "systemd", "init.scope", 1, 6, "td-agent.service: Deactivated successfully.", "systemd", "/usr/lib/systemd/systemd")
    journal_entry("log-01", START - 0.6, "systemd", "init.scope", 1, 6, "Starting td-agent.service - td-agent: Fluentd based data collector for Treasure Data...", "systemd", "/usr/lib/systemd/systemd")
    journal_entry("log-01", START + 1.0, "systemd", "init.scope", 1, 6, "Started td-agent.service - td-agent: Fluentd based data collector for Treasure Data.", "systemd", "/usr/lib/systemd/systemd")
    journal_entry("log-01", RELOAD - 6, "sudo", "session-4398.scope", 29114, 5, "    deploy : TTY=unknown ; PWD=/srv/ansible ; USER=root ; COMMAND=/usr/bin/systemctl reload td-agent", "sudo", "/usr/bin/sudo")
    journal_entry("log-01", RELOAD - 5.8, "systemd", "init.scope", 1, 6, "Reloading td-agent.service - td-agent: Fluentd based data collector for Treasure Data...", "systemd", "/usr/lib/systemd/systemd")
    journal_entry("log-01", RELOAD - 5.5, "systemd", "init.scope", 1, 6, "Reloaded td-agent.service - td-agent: Fluentd based data collector for Treasure Data.", "systemd", "/usr/lib/systemd/systemd")
    journal_entry("log-01", FULL + 41.7, "kernel", "init.scope", 0, 4, "TCP: request_sock_TCP: Possible SYN flooding on port 24224. Sending cookies.  Check SNMP counters.")


def docker_events():
    img = {"booking-api": "registry.acme.io/booking-api:2.8.1", "availability-service": "registry.acme.io/availability-service:1.19.0",
           "billing-service": "registry.acme.io/billing-service:4.2.3", "user-service": "registry.acme.io/user-service:3.0.7"}
    cmd = {"booking-api": "curl -fsS http://localhost:8080/actuator/health || exit 1", "availability-service": "wget -qO- http://localhost:8081/healthz || exit 1",
           "billing-service": "curl -fsS http://localhost:8000/health || exit 1", "user-service": "node /app/healthcheck.js"}
    for host in HOSTS:
        f = "logs/%s/docker-events.txt" % host
        for svc in FILL:
            cid = CID[(host, svc)]
            t = T0 + rng.uniform(0, 10)
            unhealthy_sent = False
            fails = 0
            while t < T1:
                ts = t + skew(host)
                attrs = "(image=%s, name=%s)" % (img[svc], svc)
                if blocked(svc, t + 5):
                    fails += 1
                    OUT.add(f, ts, "%sZ container exec_create: /bin/sh -c %s %s %s" % (iso(ts, 9, ""), cmd[svc], cid, attrs))
                    OUT.add(f, ts + 0.001, "%sZ container exec_start: /bin/sh -c %s %s %s" % (iso(ts + 0.001, 9, ""), cmd[svc], cid, attrs))
                    if fails >= 3 and not unhealthy_sent:
                        OUT.add(f, ts + 5.0, "%sZ container health_status: unhealthy %s %s" % (iso(ts + 5.0, 9, ""), cid, attrs))
                        unhealthy_sent = True
                else:
                    OUT.add(f, ts, "%sZ container exec_create: /bin/sh -c %s %s %s" % (iso(ts, 9, ""), cmd[svc], cid, attrs))
                    OUT.add(f, ts + 0.001, "%sZ container exec_start: /bin/sh -c %s %s %s" % (iso(ts + 0.001, 9, ""), cmd[svc], cid, attrs))
                    OUT.add(f, ts + 0.06, "%sZ container exec_die %s (execID=%s, exitCode=0, image=%s, name=%s)" % (iso(ts + 0.06, 9, ""), cid, rng.hex(64), img[svc], svc))
                    if unhealthy_sent:
                        OUT.add(f, ts + 0.061, "%sZ container health_status: healthy %s %s" % (iso(ts + 0.061, 9, ""), cid, attrs))
                        unhealthy_sent = False
                        fails = 0
                t += 30


# ---------------------------------------------------------------- main
app_background()
fluentd()
opensearch()
postgres()
journals()
docker_events()
for t in arrivals(rng, T0, T1, 2.6):
    route(t)
for t in arrivals(rng, T0, T1, 0.2):
    nginx_access(t, rng.lat(0.0005, 0.3), "GET", "/nginx_status", 200, "Prometheus/2.53.0", "-", 97, "-", "-", "-")

truth = {
    "root_cause": {"service": "fluentd", "fault": "log-pipeline-backpressure", "start": iso(RELOAD)},
    "propagation": ["fluentd", "booking-api", "nginx"],
    "affected": ["fluentd", "booking-api", "availability-service", "billing-service", "user-service", "nginx", "postgres"],
    "notes": "A td-agent config reload at 02:29:48 set chunk_limit_size 256m / 1 flush thread; OpenSearch rejected the huge bulk requests (413), "
             "the file buffer filled and overflow_action block stopped in_forward. The docker fluentd log driver (blocking mode) on app-01/app-02 "
             "then blocked container stdout, so booking-api, availability-service, billing-service and user-service hung mid-request "
             "(nginx 504/502, postgres killing idle-in-transaction sessions) until td-agent was restarted with the buffer moved aside at 02:48.",
}
OUT.write(truth)
