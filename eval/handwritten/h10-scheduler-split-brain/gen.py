import os, shutil, random, math, json, heapq
from datetime import datetime, timezone

R = random.Random(100610)
HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc

def ri(a, b):
    return a + int(R.random() * (b - a + 1))

def rc(seq):
    return seq[int(R.random() * len(seq))]

def T(h, m, s=0.0):
    return datetime(2026, 10, 6, h, m, 0, tzinfo=UTC).timestamp() + s

START = T(7, 0)
END = T(8, 10)
RENEW_FAIL = T(7, 30, 52.118)
LOST = T(7, 31, 2.004)
ACQ = T(7, 31, 27.512)
API_DEPLOY = T(7, 27, 3.2)
SKEW1 = 4.2
FILES = {}
SEQ = [0]
_SC = {}

def sec_fmt(t, fmt):
    k = (int(math.floor(t)), fmt)
    v = _SC.get(k)
    if v is None:
        v = datetime.fromtimestamp(k[0], UTC).strftime(fmt)
        _SC[k] = v
    return v

def frac(t, n):
    return int((t - math.floor(t)) * 10 ** n)

def emit(path, t, line):
    SEQ[0] += 1
    FILES.setdefault(path, []).append((t, SEQ[0], line))

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def sfqid():
    return "01b7%s-0000-%s-0000-%s" % (hexid(4), hexid(4), hexid(12))

SCHED = {"report-scheduler-0": {"skew": 0.0, "id": "report-scheduler-0_7f3c2a1e-9d41-4b8e-a6c2-1f0e5d9b3c77"}, "report-scheduler-1": {"skew": SKEW1, "id": "report-scheduler-1_2b9e4d10-5c3a-4f7e-8e21-6a7d0c4b1f92"}}

def klog(pod, t, sev, src, msg):
    tt = t + SCHED[pod]["skew"] + R.uniform(0.00001, 0.0006)
    emit("report-scheduler/%s.log" % pod, tt, "%s%s %s.%06d       1 %s] %s" % (sev, sec_fmt(tt, "%m%d"), sec_fmt(tt, "%H:%M:%S"), frac(tt, 6), src, msg))

RUNNER = ["rollup-runner-6f9c7b8d5-lq2xw", "rollup-runner-6f9c7b8d5-v8n4k"]

def akka(pod, t, level, thread, src, msg):
    emit("rollup-runner/%s.log" % pod, t, "[%s] [%s.%03d] [%s] [%s] %s" % (level, sec_fmt(t, "%m/%d/%Y %H:%M:%S"), frac(t, 3), thread, src, msg))

API = {"old": ["reporting-api-7d5c9b6f8-4hz2m", "reporting-api-7d5c9b6f8-qk7tn"], "new": ["reporting-api-5f8b6d7c9-9wrx4", "reporting-api-5f8b6d7c9-jm2ds"]}
API_SW = [API_DEPLOY + 21.3, API_DEPLOY + 49.8]

def api_pod(t, i):
    k = i % 2
    return API["new"][k] if t >= API_SW[k] else API["old"][k]

def lg(pod, t, level, where, msg):
    emit("reporting-api/%s.log" % pod, t, "%s.%03d | %-8s | %s - %s" % (sec_fmt(t, "%Y-%m-%d %H:%M:%S"), frac(t, 3), level, where, msg))

DS = []

def akamai(t, dur, ip, path, status, size, ua, cache, country, city):
    DS.append((t, '{"version":2,"cp":"1438211","reqId":"%s","reqTimeSec":"%d.%03d","bytes":"%d","cliIP":"%s","statusCode":"%d","proto":"HTTPS","reqHost":"dash.fjordanalytics.io","reqMethod":"GET","reqPath":"%s","reqPort":"443","rspContentLen":"%d","rspContentType":"%s","UA":"%s","tlsVersion":"TLSv1.3","cacheStatus":"%d","turnAroundTimeMSec":"%d","transferTimeMSec":"%d","errorCode":"%s","country":"%s","city":"%s"}' % (
        hexid(10), int(t), frac(t, 3), size, ip, status, path, size, "application/json" if path.startswith("/api") else "application/javascript", ua, cache, int(dur * 1000), ri(0, 6), "-" if status < 500 else "ERR_READ_ERROR|origin_status_%d" % status, country, city)))

WH_SLOTS = 8
STMTS = []

def run_jobs():
    jobs = []
    def dispatch(pod, t, job, run, heavy, reason=None):
        rid = "%s-%s" % (job, run)
        if reason:
            klog(pod, t, "I", "reconcile.go:91", "\"Re-dispatching run\" job=\"%s\" run=\"%s\" reason=\"%s\" identity=\"%s\"" % (job, run, reason, SCHED[pod]["id"]))
        else:
            klog(pod, t, "I", "dispatcher.go:88", "\"Dispatching run\" job=\"%s\" run=\"%s\" runner=\"http://rollup-runner.reports.svc.cluster.local:8080\" identity=\"%s\"" % (job, run, SCHED[pod]["id"]))
        klog(pod, t + R.uniform(0.01, 0.05), "I", "dispatcher.go:104", "\"Run accepted\" job=\"%s\" run=\"%s\" status=202" % (job, run))
        jobs.append((t + 0.01, pod, job, run, heavy))
    t = START
    while t < END:
        m = int(round((t - T(0, 0)) / 60.0)) % 60
        hh = sec_fmt(t, "%Y%m%dT%H%M")
        leaders = ["report-scheduler-0"]
        if t >= ACQ:
            leaders.append("report-scheduler-1")
        for pod in leaders:
            tt = t + R.uniform(0.0005, 0.004)
            if m % 5 == 0:
                dispatch(pod, tt, "rollup_usage_incremental", hh + "Z", "medium")
            if m % 10 == 0:
                dispatch(pod, tt + 0.06, "refresh_kpi_cache", hh + "Z", "light")
            if m == 7:
                dispatch(pod, tt + 0.1, "rollup_hourly_usage", sec_fmt(t - 3600, "%Y%m%dT%H") + "Z", "heavy")
        t += 60
    base = T(7, 0) - 3600 * 30
    tt = ACQ + 1.41
    klog("report-scheduler-1", ACQ + 1.2, "I", "reconcile.go:77", "\"Found unacknowledged runs\" count=30 oldest=\"%s\" newest=\"%s\"" % (sec_fmt(base, "%Y-%m-%dT%H:00:00Z"), sec_fmt(base + 29 * 3600, "%Y-%m-%dT%H:00:00Z")))
    for h in range(30):
        dispatch("report-scheduler-1", tt + h * 0.07, "rollup_hourly_usage", sec_fmt(base + h * 3600, "%Y%m%dT%H") + "Z", "heavy", reason="no completion ack in lease annotations")
    return sorted(jobs)

JOB_DUR = {"light": (8, 25), "medium": (40, 95), "heavy": (180, 320)}

def main():
    jobs = run_jobs()
    dash_reqs = []
    t = START
    i = 0
    while True:
        rate = 3.6 + 0.6 * math.sin((t - START) / 600.0) + (0.8 if t > T(7, 40) else 0.0)
        t += R.expovariate(rate)
        if t >= END:
            break
        dash_reqs.append(t)
    wh_free = [START - 5.0] * WH_SLOTS
    heapq.heapify(wh_free)
    runner_free = [START - 5.0] * 7
    heapq.heapify(runner_free)
    job_stmts = []
    for (t, pod, job, run, heavy) in jobs:
        rp = RUNNER[hash_s(run + pod) % 2]
        st = heapq.heappop(runner_free)
        start = max(t, st)
        d = R.uniform(*JOB_DUR[heavy])
        job_stmts.append((start, rp, pod, job, run, heavy, d, t))
        heapq.heappush(runner_free, start + d + 30)
    tiles = ["usage_by_region", "active_accounts_7d", "revenue_mtd", "api_calls_by_plan", "error_rate_by_service", "top_customers", "churn_risk", "ingest_lag"]
    dashes = ["ops-overview", "exec-kpis", "customer-health", "billing-daily", "platform-sre"]
    allq = []
    for j in job_stmts:
        allq.append((j[0], 0, j))
    for t in dash_reqs:
        allq.append((t, 1, None))
    allq.sort(key=lambda x: (x[0], x[1]))
    results_dash = {}
    job_results = []
    in_use = []
    for (t, kind, j) in allq:
        if kind == 1 and R.random() < 0.55:
            results_dash[t] = ("cache", 0.0, 0.0)
            continue
        while in_use and in_use[0] <= t:
            heapq.heappop(in_use)
        if kind == 0:
            start, rp, pod, job, run, heavy, d, disp = j
            if len(in_use) < WH_SLOTS:
                qd = 0.0
            else:
                qd = in_use[0] - t
                heapq.heappop(in_use)
            heapq.heappush(in_use, t + qd + d)
            job_results.append((j, qd))
        else:
            ex = R.uniform(0.35, 2.4)
            if len(in_use) < WH_SLOTS:
                qd = 0.0
            else:
                qd = in_use[0] - t
            if qd + ex > 30.0:
                results_dash[t] = ("timeout", qd, ex)
                continue
            if qd > 0:
                heapq.heappop(in_use)
            heapq.heappush(in_use, t + qd + ex)
            results_dash[t] = ("ok", qd, ex)
    return jobs, job_results, dash_reqs, results_dash, tiles, dashes

def hash_s(s):
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) & 0xffffffff
    return h

LOGURU_TB = """Traceback (most recent call last):

  File "/app/.venv/lib/python3.12/site-packages/starlette/middleware/errors.py", line 164, in __call__
    await self.app(scope, receive, _send)
  File "/app/.venv/lib/python3.12/site-packages/fastapi/routing.py", line 299, in app
    raise e
  File "/app/.venv/lib/python3.12/site-packages/fastapi/routing.py", line 294, in app
    raw_response = await run_endpoint_function(
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
> File "/app/reporting/api/tiles.py", line 91, in get_tile
    rows = await run_query(sql, params, timeout=30)
                 \u2502         \u2502    \u2514 {'dashboard': '%s', 'tile': '%s', 'window': '7d'}
                 \u2502         \u2514 'SELECT region, SUM(events) FROM ANALYTICS.ROLLUP.USAGE_HOURLY WHERE ts >= DATEADD(day, -7, CURRENT_TIMESTAMP()) GROUP BY 1'
                 \u2514 <function run_query at 0x7f2c1a9e3d80>

  File "/app/reporting/warehouse.py", line 44, in run_query
    await loop.run_in_executor(None, cur.execute, sql, params)
  File "/app/.venv/lib/python3.12/site-packages/snowflake/connector/cursor.py", line 1097, in execute
    Error.errorhandler_wrapper(self.connection, self, error_class, errvalue)
  File "/app/.venv/lib/python3.12/site-packages/snowflake/connector/errors.py", line 284, in errorhandler_wrapper
    handed_over = Error.hand_to_other_handler(

snowflake.connector.errors.ProgrammingError: 000630 (57014): %s: Statement reached its statement or warehouse timeout of 30 second(s) and was canceled."""

def emit_all():
    jobs, job_results, dash_reqs, results_dash, tiles, dashes = main()
    for (j, qd) in job_results:
        start, rp, pod, job, run, heavy, d, disp = j
        qid = sfqid()
        src = "akka://runner/user/run-supervisor/run-%s-%s" % (job, run)
        akka(rp, disp + 0.02, "INFO", "runner-akka.actor.default-dispatcher-%d" % ri(2, 12), "akka://runner/user/run-supervisor", "Accepted run %s job=%s from=%s" % (run, job, pod))
        akka(rp, start + 0.05, "INFO", "runner-blocking-io-dispatcher-%d" % ri(10, 30), src, "Snowflake query %s submitted (warehouse=REPORTING_WH, user=SVC_ROLLUP)" % qid)
        end = start + qd + d
        if qd > 5:
            akka(rp, end - 0.01, "WARNING", "runner-blocking-io-dispatcher-%d" % ri(10, 30), src, "Snowflake query %s spent %.1fs in QUEUED_OVERLOAD before execution" % (qid, qd))
        akka(rp, end, "INFO", "runner-blocking-io-dispatcher-%d" % ri(10, 30), src, "Run %s job=%s finished in %.1fs rows_merged=%d" % (run, job, end - start, ri(20000, 900000) if heavy != "light" else ri(10, 300)))
    klines = []
    i = 0
    for t in dash_reqs:
        i += 1
        pod = api_pod(t, i)
        dsh = rc(["ops-overview", "exec-kpis", "customer-health", "billing-daily", "platform-sre"])
        tile = rc(tiles)
        path = "/api/v2/dashboards/%s/tiles/%s" % (dsh, tile)
        ip = "%d.%d.%d.%d" % (rc([46, 51, 77, 78, 84, 85, 88, 91, 92, 193, 195]), ri(0, 255), ri(0, 255), ri(1, 254))
        ua = rc(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15", "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0"])
        country, city = rc([("NO", "OSLO"), ("NO", "BERGEN"), ("SE", "STOCKHOLM"), ("DK", "COPENHAGEN"), ("DE", "BERLIN"), ("GB", "LONDON")])
        kind, qd, ex = results_dash[t]
        qid = sfqid()
        if kind == "cache":
            d = R.uniform(0.003, 0.015)
            lg(pod, t + d, "INFO", "reporting.api.tiles:get_tile:84", "tile=%s dashboard=%s cache=hit elapsed_ms=%d" % (tile, dsh, int(d * 1000)))
            akamai(t, d + 0.03, ip, path, 200, ri(900, 9000), ua, 0, country, city)
        elif kind == "ok":
            d = qd + ex + 0.02
            lg(pod, t + d, "INFO", "reporting.api.tiles:get_tile:88", "tile=%s dashboard=%s cache=miss sf_query_id=%s queued_ms=%d elapsed_ms=%d" % (tile, dsh, qid, int(qd * 1000), int(d * 1000)))
            akamai(t, d + 0.03, ip, path, 200, ri(900, 9000), ua, 0, country, city)
        else:
            d = 30.0 + R.uniform(0.05, 0.3)
            lg(pod, t + d, "ERROR", "reporting.api.tiles:get_tile:97", "tile query failed tile=%s dashboard=%s sf_query_id=%s\n%s" % (tile, dsh, qid, LOGURU_TB % (dsh, tile, qid)))
            lg(pod, t + d + 0.001, "INFO", "uvicorn.protocols.http.httptools_impl:send:476", "10.8.%d.%d:%d - \"GET %s HTTP/1.1\" 504" % (ri(1, 3), ri(10, 200), ri(32000, 60999), path))
            akamai(t, d + 0.03, ip, path, 504, 112, ua, 0, country, city)
        if R.random() < 0.35:
            sp = rc(["/static/js/main.%s.js" % hexid(8), "/static/css/app.%s.css" % hexid(8), "/static/js/vendor.%s.js" % hexid(8)])
            akamai(t + R.uniform(0, 2), R.uniform(0.001, 0.01), ip, sp, 200, ri(40000, 400000), ua, 1, country, city)

def gen_sched_lease():
    for pod in SCHED:
        t = START + (0.8 if pod == "report-scheduler-0" else 1.3)
        while t < END:
            if pod == "report-scheduler-0":
                if t < RENEW_FAIL:
                    pass
                elif t < LOST:
                    klog(pod, t, "E", "leaderelection.go:369", "Failed to update lock: Put \"https://10.96.0.1:443/apis/coordination.k8s.io/v1/namespaces/reports/leases/report-scheduler?timeout=5s\": context deadline exceeded")
                else:
                    break
            else:
                if t < ACQ - 0.5:
                    pass
            t += 2.0
    klog("report-scheduler-0", LOST, "I", "leaderelection.go:285", "failed to renew lease reports/report-scheduler: timed out waiting for the condition")
    klog("report-scheduler-0", LOST + 0.0004, "E", "main.go:131", "\"Leader election lost\" identity=\"%s\"" % SCHED["report-scheduler-0"]["id"])
    klog("report-scheduler-0", LOST + 0.0009, "I", "main.go:137", "\"Stopping lease renewal; dispatcher will resume when leadership is re-acquired\"")
    klog("report-scheduler-0", LOST + 2.1, "I", "leaderelection.go:250", "attempting to acquire leader lease reports/report-scheduler...")
    t = LOST + 4.1
    while t < END:
        if R.random() < 0.1:
            klog("report-scheduler-0", t, "I", "leaderelection.go:354", "lock is held by %s and has not yet expired" % SCHED["report-scheduler-1"]["id"])
        t += 2.0 + R.uniform(-0.01, 0.01)
    klog("report-scheduler-1", START + 0.4, "I", "leaderelection.go:250", "attempting to acquire leader lease reports/report-scheduler...")
    t = START + 2.4
    while t < ACQ:
        if R.random() < 0.08:
            klog("report-scheduler-1", t, "I", "leaderelection.go:354", "lock is held by %s and has not yet expired" % SCHED["report-scheduler-0"]["id"])
        t += 2.0 + R.uniform(-0.01, 0.01)
    klog("report-scheduler-1", ACQ, "I", "leaderelection.go:260", "successfully acquired lease reports/report-scheduler")
    klog("report-scheduler-1", ACQ + 0.0008, "I", "main.go:112", "\"Became leader, starting dispatcher\" identity=\"%s\"" % SCHED["report-scheduler-1"]["id"])
    klog("report-scheduler-1", ACQ + 0.3, "I", "reconcile.go:52", "\"Reconciling run state from lease annotations\" lease=\"reports/report-scheduler\"")
    for pod in SCHED:
        t = START + R.uniform(0, 60)
        while t < END:
            klog(pod, t, "I", "metrics.go:40", "\"Runtime\" goroutines=%d heap_mb=%.1f" % (ri(40, 70), R.uniform(18, 26)))
            t += 300
    t = RENEW_FAIL - 0.9
    klog("report-scheduler-0", t, "W", "reflector.go:462", "pkg/mod/k8s.io/client-go@v0.29.4/tools/cache/reflector.go:229: watch of *v1.ConfigMap ended with: an error on the server (\"unable to decode an event from the watch stream: http2: client connection lost\") has prevented the request from succeeding")
    for k in range(5):
        klog("report-scheduler-0", RENEW_FAIL + 1.0 + k * 2.0, "E", "dispatcher.go:141", "\"Failed to record run acknowledgement\" err=\"Patch \\\"https://10.96.0.1:443/apis/coordination.k8s.io/v1/namespaces/reports/leases/report-scheduler\\\": context deadline exceeded\"") if k in (0, 3) else None

def gen_api_misc():
    for k in range(2):
        old = API["old"][k]
        new = API["new"][k]
        s = API_SW[k]
        lg(old, s + 0.2, "INFO", "uvicorn.server:shutdown:263", "Shutting down")
        lg(old, s + 0.4, "INFO", "uvicorn.lifespan.on:shutdown:67", "Waiting for application shutdown.")
        lg(old, s + 0.5, "INFO", "uvicorn.lifespan.on:shutdown:76", "Application shutdown complete.")
        lg(new, s - 4.1, "INFO", "uvicorn.server:_serve:83", "Started server process [1]")
        lg(new, s - 4.0, "INFO", "uvicorn.lifespan.on:startup:48", "Waiting for application startup.")
        lg(new, s - 2.2, "INFO", "reporting.app:lifespan:31", "reporting-api 4.12.0 starting: warehouse=REPORTING_WH pool_size=8 statement_timeout_s=30 cache_ttl_s=300")
        lg(new, s - 0.4, "INFO", "uvicorn.lifespan.on:startup:62", "Application startup complete.")
        lg(new, s - 0.3, "INFO", "uvicorn.server:_log_started_message:215", "Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)")
    for pods in (API["old"], API["new"]):
        for pod in pods:
            t = START + R.uniform(0, 200)
            while t < END:
                lg(pod, t, "WARNING", "snowflake.connector.ocsp_snowflake:_fetch_ocsp_response:1478", "Failed to get OCSP response after 1 attempt. Consider checking for OCSP URLs being blocked. Fail open: true")
                t += R.uniform(300, 900)

def write_all():
    shutil.rmtree(LOGS, ignore_errors=True)
    os.makedirs(LOGS)
    for rel in sorted(FILES):
        rows = FILES[rel]
        rows.sort(key=lambda r: (r[0], r[1]))
        p = os.path.join(LOGS, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(("\n".join(r[2] for r in rows) + "\n").encode())
    DS.sort(key=lambda r: r[0])
    os.makedirs(os.path.join(LOGS, "akamai"), exist_ok=True)
    with open(os.path.join(LOGS, "akamai", "ds2-1438211-20261006.json"), "wb") as f:
        f.write(("\n".join(r[1] for r in DS) + "\n").encode())

emit_all()
gen_sched_lease()
gen_api_misc()
write_all()
