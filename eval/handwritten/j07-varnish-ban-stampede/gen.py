#!/usr/bin/env python3
"""Generator for case j07 (deterministic, standard library only).

Writes ./logs/ beside this file. Re-running produces byte-identical output.
"""
import datetime
import math
import os
import random
import shutil

SEED = 7707
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
UTC = datetime.timezone.utc
DAY0 = datetime.datetime(2025, 5, 20, tzinfo=UTC).timestamp()


def T(h, m, s=0.0):
    return DAY0 + h * 3600 + m * 60 + s


def dt(t):
    return datetime.datetime.fromtimestamp(round(t, 6), UTC)


def ncsa_ts(t):
    return dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000")


def heroku_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d+00:00" % d.microsecond


def celery_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (d.microsecond // 1000)


def logrus_ts(t):
    return dt(t).strftime("%Y-%m-%dT%H:%M:%SZ")


def pg_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%d %H:%M:%S.") + "%03d UTC" % (d.microsecond // 1000)


LINES = {}


def emit(path, t, line):
    LINES.setdefault(path, []).append((t, len(LINES.get(path, [])), line))


def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))


def uuid4():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[R.randrange(4)], h[17:20], h[20:32])


def lognorm(median, sigma):
    return median * math.exp(R.gauss(0, sigma))


START = T(13, 35)
END = T(14, 40)
BAN_ALL = T(14, 2, 3.412)
COMMENTS_DEPLOY = T(13, 59, 20.0)
VARNISH = [("varnish-1", "10.60.0.11"), ("varnish-2", "10.60.0.12"), ("varnish-3", "10.60.0.13")]
API_PODS = [("content-api-7f5d8c9b6-4kx2p", "10.60.2.14"), ("content-api-7f5d8c9b6-b9lmw", "10.60.2.15"),
            ("content-api-7f5d8c9b6-qz7rt", "10.60.2.16"), ("content-api-7f5d8c9b6-wd3hn", "10.60.2.17")]

SECTIONS = ["news", "politics", "business", "sport", "culture", "opinion", "science", "travel"]
SLUG_WORDS = ["council", "budget", "vote", "storm", "league", "final", "museum", "election", "markets", "rates", "bridge",
              "festival", "strike", "merger", "record", "climate", "transit", "housing", "report", "review"]
URLS = []
for i in range(2600):
    sec = R.choice(SECTIONS)
    slug = "-".join(R.sample(SLUG_WORDS, 4))
    URLS.append("/%s/2025/05/%02d/%s" % (sec, R.randint(1, 20), slug))
API_URLS = ["/api/v2/articles/%s" % u.split("/")[-1] for u in URLS[:900]] + ["/api/v2/sections/%s?page=%d" % (s, p) for s in SECTIONS for p in range(1, 6)]
WEIGHTS = [1.0 / (i + 1) ** 0.9 for i in range(len(URLS))]
AWEIGHTS = [1.0 / (i + 1) ** 0.9 for i in range(len(API_URLS))]

CACHED = {}


def hit_prob_bias(t):
    return 1.0


def db_saturation(t):
    if t < BAN_ALL:
        return 0.0
    x = t - BAN_ALL
    up = 1 - math.exp(-x / 25.0)
    down = math.exp(-max(0, x - 780) / 600.0)
    return max(0.0, min(1.0, up * down))


def backend_fetch(t, node, url):
    pod, ip = R.choice(API_PODS)
    s = db_saturation(t)
    ms = lognorm(45 + 4000 * s * s, 0.6)
    if ms > 5000:
        return 503, 5000.0 + R.uniform(0, 3), pod, ip, "timeout"
    if s > 0.55 and R.random() < 0.35 * s:
        return 500, ms, pod, ip, "db"
    return 200, ms, pod, ip, None


def logrus(pod, t, level, msg, **kw):
    parts = ['time="%s"' % logrus_ts(t), "level=%s" % level, 'msg="%s"' % msg.replace('"', '\\"')]
    for k, v in kw.items():
        v = str(v)
        if " " in v or '"' in v or "=" in v:
            v = '"%s"' % v.replace('"', '\\"')
        parts.append("%s=%s" % (k, v))
    emit("content-api/%s.log" % pod, t, " ".join(parts))


def api_log_for_fetch(t, pod, url, code, ms, why):
    route = "/api/v2/articles/{slug}" if "/api/v2/articles/" in url else ("/api/v2/sections/{section}" if "/sections/" in url else "/render{path}")
    if why == "timeout":
        if R.random() < 0.6:
            logrus(pod, t + ms / 1000.0 + R.uniform(0.5, 6), "error", "request failed", route=route,
                   error="pq: canceling statement due to user request" if R.random() < 0.5 else "acquire conn: context deadline exceeded",
                   duration="%.3fs" % (ms / 1000.0 + R.uniform(0.5, 6)), status=499)
    elif why == "db":
        logrus(pod, t + ms / 1000.0, "error", "query failed", route=route, error="pq: sorry, too many clients already",
               component="store", status=500)
    elif ms > 1500 and R.random() < 0.5:
        logrus(pod, t + ms / 1000.0, "warning", "slow request", route=route, duration="%.3fs" % (ms / 1000.0), status=code)
    elif R.random() < 0.04:
        logrus(pod, t + ms / 1000.0, "info", "request completed", route=route, duration="%.3fms" % ms, status=code)


UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15",
    "DailyLedger/5.8.2 (com.dailyledger.app; build:5820; iOS 18.4.1) Alamofire/5.10.2",
    "DailyLedger/5.8.2 (Android 15; SM-S928B) okhttp/4.12.0",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
]


def ncsa(node, t, ip, method, url, status, size, ref, ua, hitmiss, handling, backend, us):
    emit("%s/varnishncsa.log" % node, t, '%s - - [%s] "%s http://www.dailyledger.co%s HTTP/1.1" %d %s "%s" "%s" %s %s %s %d' % (
        ip, ncsa_ts(t), method, url, status, size, ref, ua, hitmiss, handling, backend, us))


VXID = {"varnish-1": 31490011}
VLOG_BUDGET = [0]


def varnishlog_error(node, t, url, ua, ip, pod_ip, why, first):
    if node != "varnish-1" or R.random() > 0.06:
        return
    VXID[node] += R.randint(3, 400)
    v = VXID[node]
    be = v + 1
    ts = t
    lines = ["*   << Request  >> %d" % v,
             "-   Begin          req %d rxreq" % (v - 1),
             "-   Timestamp      Start: %.6f 0.000000 0.000000" % ts,
             "-   Timestamp      Req: %.6f 0.000000 0.000000" % ts,
             "-   ReqStart       %s %d a0" % (ip, R.randint(20000, 65000)),
             "-   ReqMethod      GET",
             "-   ReqURL         %s" % url,
             "-   ReqProtocol    HTTP/1.1",
             "-   ReqHeader      Host: www.dailyledger.co",
             "-   ReqHeader      User-Agent: %s" % ua,
             "-   VCL_call       RECV",
             "-   VCL_return     hash",
             "-   VCL_call       HASH",
             "-   VCL_return     lookup",
             ] + (["-   ExpBan         %d banned lookup" % R.randint(10 ** 6, 10 ** 7)] if first else []) + [
             "-   VCL_call       MISS",
             "-   VCL_return     fetch",
             "-   Link           bereq %d fetch" % be,
             "-   Timestamp      Fetch: %.6f %.6f %.6f" % (ts + 5.0, 5.0, 5.0),
             "-   RespProtocol   HTTP/1.1",
             "-   RespStatus     503",
             "-   RespReason     Backend fetch failed",
             "-   RespHeader     Date: %s" % dt(ts + 5).strftime("%a, %d %b %Y %H:%M:%S GMT"),
             "-   RespHeader     Server: Varnish",
             "-   RespHeader     X-Varnish: %d" % v,
             "-   VCL_call       SYNTH",
             "-   VCL_return     deliver",
             "-   Timestamp      Resp: %.6f %.6f 0.000041" % (ts + 5.0, 5.0),
             "-   End",
             "",
             "**  << BeReq    >> %d" % be,
             "--  Begin          bereq %d fetch" % v,
             "--  Timestamp      Start: %.6f 0.000000 0.000000" % ts,
             "--  BereqMethod    GET",
             "--  BereqURL       %s" % url,
             "--  BereqHeader    Host: content-api.web.svc.cluster.local",
             "--  VCL_call       BACKEND_FETCH",
             "--  VCL_return     fetch",
             "--  BackendOpen    %d boot.content_api %s 8080 10.60.0.11 %d connect" % (R.randint(20, 90), pod_ip, R.randint(30000, 60000)),
             "--  Timestamp      Bereq: %.6f 0.000412 0.000412" % ts,
             "--  FetchError     first byte timeout" if why == "timeout" else "--  FetchError     backend write error: 104 (Connection reset by peer)",
             "--  BackendClose   %d boot.content_api close" % R.randint(20, 90),
             "--  Timestamp      Beresp: %.6f 5.000522 5.000110" % (ts + 5.0),
             "--  Timestamp      Error: %.6f 5.000601 0.000079" % (ts + 5.0),
             "--  BerespProtocol HTTP/1.1",
             "--  BerespStatus   503",
             "--  BerespReason   Backend fetch failed",
             "--  VCL_call       BACKEND_ERROR",
             "--  VCL_return     deliver",
             "--  End",
             ""]
    emit("varnish-1/varnishlog-5xx.txt", t + 5.0, "\n".join(lines))


BANNED_AT = {}


def traffic():
    t = START
    while t < END:
        t += R.expovariate(3.4)
        node, nip = R.choice(VARNISH)
        api = R.random() < 0.35
        if api:
            url = R.choices(API_URLS, AWEIGHTS)[0]
            ua = R.choice(UAS[3:5])
            ref = "-"
        else:
            if R.random() < 0.2:
                url = "/" if R.random() < 0.5 else "/%s/" % R.choice(SECTIONS)
            else:
                url = R.choices(URLS, WEIGHTS)[0]
            ua = R.choice(UAS[:3] + UAS[5:])
            ref = R.choice(["https://www.google.com/", "https://www.dailyledger.co/", "-", "https://news.google.com/"])
        ip = "%d.%d.%d.%d" % (R.choice([2, 5, 31, 51, 77, 81, 86, 92, 109, 151, 185]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
        key = (node, url)
        exp = CACHED.get(key, 0)
        ttl = 120 if url == "/" or url.endswith("/") else (900 if api else 3600)
        fresh = exp > t
        first = False
        if fresh and BAN_ALL <= t and CACHED.get((node, url, "ts"), 0) < BAN_ALL:
            fresh = False
            first = True
        if fresh:
            us = int(lognorm(180, 0.4))
            ncsa(node, t, ip, "GET", url, 200, str(R.randint(9000, 160000) if not api else R.randint(3000, 30000)), ref, ua, "hit", "hit", "-", us)
            continue
        code, ms, pod, pip, why = backend_fetch(t, node, url)
        api_log_for_fetch(t, pod, url, code, ms, why)
        us = int(ms * 1000) + R.randint(100, 900)
        if code == 200:
            CACHED[key] = t + ms / 1000.0 + ttl
            CACHED[(node, url, "ts")] = t + ms / 1000.0
            ncsa(node, t + ms / 1000.0, ip, "GET", url, 200, str(R.randint(9000, 160000) if not api else R.randint(3000, 30000)), ref, ua, "miss", "miss", "content_api", us)
        else:
            ncsa(node, t + ms / 1000.0, ip, "GET", url, 503, "282", ref, ua, "miss", "miss", "content_api", us)
            varnishlog_error(node, t, url, ua, ip, pip, why, first)
            if api and R.random() < 0.8:
                for k in (1, 2):
                    tr = t + ms / 1000.0 + 0.5 * k + R.uniform(0, 0.3)
                    c2, ms2, pod2, pip2, why2 = backend_fetch(tr, node, url)
                    api_log_for_fetch(tr, pod2, url, c2, ms2, why2)
                    ncsa(node, tr + ms2 / 1000.0, ip, "GET", url, c2 if c2 == 200 else 503, str(R.randint(3000, 30000)) if c2 == 200 else "282", ref, ua, "miss", "miss", "content_api", int(ms2 * 1000))
                    if c2 == 200:
                        CACHED[key] = tr + ms2 / 1000.0 + ttl
                        CACHED[(node, url, "ts")] = tr + ms2 / 1000.0
                        break


def heroku(t, src, msg):
    emit("cms-publisher/heroku-logs.txt", t, "%s %s: %s" % (heroku_ts(t), src, msg))


def router(t, method, path, status, service_ms, dyno="web.1", bytes_=None):
    heroku(t, "heroku[router]", 'at=info method=%s path="%s" host=cms.dailyledger.co request_id=%s fwd="%d.%d.%d.%d" dyno=%s connect=%dms service=%dms status=%d bytes=%d protocol=https' % (
        method, path, uuid4(), R.choice([81, 86, 195]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254), dyno, R.randint(0, 2), service_ms, status, bytes_ or R.randint(400, 40000)))


def cms_logs():
    t = START + 10
    while t < END:
        t += R.uniform(8, 40)
        x = R.random()
        if x < 0.35:
            art = R.randint(88000, 89999)
            url = R.choice(URLS)
            router(t, "POST", "/admin/articles/%d/publish/" % art, 302, R.randint(150, 600), bytes_=0)
            heroku(t + 0.4, "app[worker.1]", "[%s: INFO/MainProcess] Task purge.tasks.ban_paths[%s] received" % (celery_ts(t + 0.4), uuid4()))
            heroku(t + 0.6, "app[worker.1]", '[%s: INFO/ForkPoolWorker-%d] purge.tasks.ban_paths: BAN sent to 3 varnish nodes: obj.http.x-url ~ "^%s$" || obj.http.x-url ~ "^/%s/$" (article=%d)' % (
                celery_ts(t + 0.6), R.randint(1, 4), url, url.split("/")[1], art))
            heroku(t + 0.62, "app[worker.1]", "[%s: INFO/ForkPoolWorker-%d] Task purge.tasks.ban_paths[%s] succeeded in %.4fs: 3" % (celery_ts(t + 0.62), R.randint(1, 4), uuid4(), R.uniform(0.1, 0.3)))
            for node, nip in VARNISH:
                ncsa(node, t + 0.6 + R.uniform(0, 0.05), "54.%d.%d.%d" % (R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)), "BAN", "/", 200, "0", "-", "python-requests/2.32.3", "synth", "synth", "-", R.randint(80, 300))
        elif x < 0.7:
            s = db_saturation(t)
            if s > 0.4 and R.random() < s:
                router(t, "GET", "/admin/articles/%d/preview/" % R.randint(88000, 89999), 502, R.randint(5010, 5400), bytes_=1342)
                heroku(t + 0.01, "app[web.1]", '[%s] ERROR django.request: Internal Server Error: /admin/articles/%d/preview/' % (celery_ts(t), R.randint(88000, 89999)))
                heroku(t + 0.02, "app[web.1]", "requests.exceptions.ReadTimeout: HTTPConnectionPool(host='content-api.web.svc.cluster.local', port=8080): Read timed out. (read timeout=5)")
            else:
                router(t, "GET", "/admin/articles/%d/preview/" % R.randint(88000, 89999), 200, R.randint(200, 900))
        elif x < 0.8:
            router(t, "GET", "/admin/", 200, R.randint(40, 200))
        else:
            heroku(t, "app[web.1]", '[%s] WARNING django.security.csrf: Forbidden (CSRF token from POST incorrect.): /admin/login/' % celery_ts(t))
            router(t + 0.01, "POST", "/admin/login/", 403, R.randint(10, 40), bytes_=2830)
    for tt in (T(13, 41, 12.1), T(14, 11, 12.4)):
        heroku(tt, "heroku[worker.1]", "Process running mem=412M(80.5%)")
    heroku(T(14, 21, 3.3), "heroku[worker.1]", "Error R14 (Memory quota exceeded)")
    t0 = BAN_ALL - 1.2
    router(t0, "POST", "/admin/sections/purge/", 302, 812, bytes_=0)
    heroku(t0 + 0.5, "app[worker.1]", "[%s: INFO/MainProcess] Task purge.tasks.ban_section[%s] received" % (celery_ts(t0 + 0.5), uuid4()))
    heroku(BAN_ALL, "app[worker.1]", '[%s: INFO/ForkPoolWorker-3] purge.tasks.ban_section: BAN sent to 3 varnish nodes: obj.http.x-url ~ "^/" (section=None, requested_by=m.okafor)' % celery_ts(BAN_ALL))
    heroku(BAN_ALL + 0.03, "app[worker.1]", "[%s: INFO/ForkPoolWorker-3] Task purge.tasks.ban_section[%s] succeeded in 0.3512s: 3" % (celery_ts(BAN_ALL + 0.03), uuid4()))
    for node, nip in VARNISH:
        ncsa(node, BAN_ALL - 0.05 + R.uniform(0, 0.05), "54.%d.%d.%d" % (R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)), "BAN", "/", 200, "0", "-", "python-requests/2.32.3", "synth", "synth", "-", R.randint(80, 300))


def pg(t, pid, who, lvl, msg):
    emit("content-db/postgresql-2025-05-20_133500.log", t, "%s [%d] %s%s:  %s" % (pg_ts(t), pid, who, lvl, msg))


def db_logs():
    t = START
    while t < END:
        t += R.uniform(4, 12)
        s = db_saturation(t)
        if R.random() < 0.05 + 0.9 * s:
            ms = lognorm(1100 + 6000 * s, 0.4)
            q = R.choice([
                "SELECT a.id, a.slug, a.title, a.body_html, a.published_at, s.slug FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.slug = $1 AND a.status = 'published'",
                "SELECT a.id, a.slug, a.title, a.standfirst, a.published_at FROM articles a WHERE a.section_id = $1 AND a.status = 'published' ORDER BY a.published_at DESC LIMIT 30 OFFSET $2",
                "SELECT t.slug, t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id = ANY($1)",
            ])
            pg(t, R.randint(20000, 40000), "content@content ", "LOG", "duration: %.3f ms  execute <unnamed>: %s" % (ms, q))
            if s > 0.2:
                pg(t + 0.0001, R.randint(20000, 40000), "content@content ", "DETAIL", "parameters: $1 = '%s'" % R.choice(URLS).split("/")[-1])
        if s > 0.5 and R.random() < s:
            for k in range(R.randint(1, 4)):
                pg(t + R.uniform(0, 3), R.randint(20000, 40000), "content@content ", "FATAL", "sorry, too many clients already")
        if s > 0.4 and R.random() < 0.3:
            pg(t + R.uniform(0, 3), R.randint(20000, 40000), "content@content ", "ERROR", "canceling statement due to user request")
            pg(t + R.uniform(0, 3), R.randint(20000, 40000), "content@content ", "LOG", "could not send data to client: Broken pipe")
    t = START + 20
    while t < END:
        t += R.uniform(140, 300)
        pg(t, 71, "", "LOG", "checkpoint starting: time")
        pg(t + 30, 71, "", "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=%.3f s, total=%.3f s; sync files=%d, longest=%.3f s, average=%.3f s; distance=%d kB, estimate=%d kB; lsn=2F/%X, redo lsn=2F/%X" % (
            R.randint(2000, 9000), R.uniform(1, 6), R.randint(1, 9), R.uniform(20, 29), R.uniform(0.01, 0.2), R.uniform(20, 30), R.randint(30, 120), R.uniform(0.005, 0.05), R.uniform(0.001, 0.004), R.randint(100000, 400000), R.randint(300000, 500000), R.randint(10 ** 7, 10 ** 8), R.randint(10 ** 7, 10 ** 8)))
        if R.random() < 0.4:
            pg(t + 1, 71, "", "LOG", "checkpoints are occurring too frequently (%d seconds apart)" % R.randint(20, 29))
            pg(t + 1.0001, 71, "", "HINT", 'Consider increasing the configuration parameter "max_wal_size".')
    t = START + 100
    while t < END:
        t += R.uniform(300, 600)
        pg(t, R.randint(40000, 50000), "", "LOG", 'automatic vacuum of table "content.public.article_views": index scans: 1\n\tpages: 0 removed, %d remain, %d scanned (%.2f%% of total)\n\ttuples: %d removed, %d remain, 0 are dead but not yet removable' % (
            R.randint(40000, 60000), R.randint(5000, 9000), R.uniform(10, 20), R.randint(100000, 300000), R.randint(4000000, 6000000)))


def api_background():
    for pod, ip in API_PODS:
        t = START + R.uniform(0, 30)
        while t < END:
            t += 30
            s = db_saturation(t)
            logrus(pod, t, "info", "db pool stats", open=min(25, int(6 + 25 * s)), in_use=min(25, int(2 + 25 * s)), idle=max(0, int(4 - 4 * s)), wait_count=int(R.randint(0, 2) + 4000 * s * R.random()), max_open=25)
            if R.random() < 0.1:
                logrus(pod, t + 1, "warning", "image resize upstream slow", upstream="https://img.dailyledger.co", duration="%.2fs" % R.uniform(1, 3))
        t = START + R.uniform(0, 100)
        while t < END:
            t += R.uniform(60, 200)
            logrus(pod, t, "error", "failed to load related articles", error="elastic: Error 404 (Not Found): no such index [related-v2] [type=index_not_found_exception]", component="related")


def comments_logs():
    f_old = "comments-svc/comments-svc-5b8d6c7f9-lx2vq.log"
    f_new = "comments-svc/comments-svc-6c9e7d8f1-p4zkm.log"
    t = START
    while t < COMMENTS_DEPLOY:
        t += R.uniform(3, 12)
        emit(f_old, t, '{"level":"info","ts":"%s","msg":"comments fetched","thread":%d,"count":%d}' % (heroku_ts(t)[:23] + "Z", R.randint(10000, 99999), R.randint(0, 80)))
    emit(f_new, COMMENTS_DEPLOY + 1, '{"level":"info","ts":"%s","msg":"starting comments-svc","version":"2.14.0"}' % (heroku_ts(COMMENTS_DEPLOY + 1)[:23] + "Z"))
    t = COMMENTS_DEPLOY + 2
    while t < END:
        t += R.uniform(3, 12)
        if t < COMMENTS_DEPLOY + 240 and R.random() < 0.5:
            emit(f_new, t, '{"level":"error","ts":"%s","msg":"moderation webhook failed","error":"Post \\"https://api.perspectiveapi.example/v1alpha1/comments:analyze\\": x509: certificate signed by unknown authority","thread":%d}' % (heroku_ts(t)[:23] + "Z", R.randint(10000, 99999)))
        else:
            emit(f_new, t, '{"level":"info","ts":"%s","msg":"comments fetched","thread":%d,"count":%d}' % (heroku_ts(t)[:23] + "Z", R.randint(10000, 99999), R.randint(0, 80)))


def warm_cache():
    for node, nip in VARNISH:
        for i, url in enumerate(URLS):
            CACHED[(node, url)] = START + R.uniform(0, 3600)
            CACHED[(node, url, "ts")] = START - R.uniform(0, 600)
        for url in API_URLS:
            CACHED[(node, url)] = START + R.uniform(0, 900)
            CACHED[(node, url, "ts")] = START - R.uniform(0, 300)
        for s in SECTIONS:
            CACHED[(node, "/%s/" % s)] = START + R.uniform(0, 120)
            CACHED[(node, "/%s/" % s, "ts")] = START - 10
        CACHED[(node, "/")] = START + R.uniform(0, 120)
        CACHED[(node, "/", "ts")] = START - 10


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    warm_cache()
    traffic()
    cms_logs()
    db_logs()
    api_background()
    comments_logs()
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
