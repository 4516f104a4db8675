#!/usr/bin/env python3
"""Generate the logs/ tree for this case. Standard library only, byte-deterministic."""
import datetime as dt
import gzip
import os
import random
import shutil

# The set's shared helpers (ids, arrival times, file writers), kept once in g_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "g_common.py")).read())

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
rng = random.Random(100326)
UTC = dt.timezone.utc
CET = dt.timezone(dt.timedelta(hours=1))


def E(h, mi, s=0.0, d=10):
    return dt.datetime(2026, 3, d, h, mi, tzinfo=UTC).timestamp() + s


T_START = E(14, 20)
T_END = E(15, 18)
T_FULL = {"media-ingest-02": E(14, 41, 7.31), "media-ingest-01": E(14, 52, 30.8)}
T_CLEAN = {"media-ingest-02": E(15, 6, 12.0), "media-ingest-01": E(15, 10, 41.0)}
T_LISTINGS_DEPLOY = E(14, 35, 40.0)

ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"


def broken(host, t):
    return T_FULL[host] <= t < T_CLEAN[host]


# ======================================================================= media-ingest (journald)
HOSTS = {
    "media-ingest-01": {"ip": "10.30.7.11", "pids": list(range(2211, 2219)), "master": 2203,
                        "boot": hexs(32), "machine": hexs(32), "mono0": 41.0 * 86400 + 3021.5,
                        "inv": hexs(32), "stream": hexs(32), "files": 32.1e6},
    "media-ingest-02": {"ip": "10.30.7.12", "pids": list(range(1873, 1881)), "master": 1866,
                        "boot": hexs(32), "machine": hexs(32), "mono0": 12.0 * 86400 + 611.2,
                        "inv": hexs(32), "stream": hexs(32), "files": 32.4e6},
}
INODES = 32768000
journal = {h: [] for h in HOSTS}
req_counter = {h: {"total": 0, "per": {p: 0 for p in HOSTS[h]["pids"]}} for h in HOSTS}
upload_results = []


def jentry(host, t, msg, ident="uwsgi", pid=None, unit="media-ingest.service", comm="uwsgi",
           exe="/usr/bin/uwsgi-core", cmdline="/usr/bin/uwsgi --ini /etc/uwsgi/apps-enabled/media-ingest.ini",
           prio=6, transport="stdout", uid=998):
    journal[host].append((t, (ident, pid, unit, comm, exe, cmdline, prio, transport, uid, msg)))


def local_asctime(t):
    d = dt.datetime.fromtimestamp(t, CET)
    return d.strftime("%Y-%m-%d %H:%M:%S") + ",%03d" % (d.microsecond // 1000)


def uwsgi_date(t):
    return dt.datetime.fromtimestamp(t, CET).strftime("%a %b %d %H:%M:%S %Y")


def uwsgi_req(host, t, pid, client, method, path, status, nbytes, msecs, nvars):
    hdrs = 2 if status >= 500 else rng.choice((4, 5))
    hbytes = 84 if status >= 500 else rng.randint(140, 200)
    line = ("[pid: %d|app: 0|req: {REQ}] %s () {%d vars in %d bytes} [%s] %s %s => generated %d bytes in %d msecs "
            "(HTTP/1.1 %d) %d headers in %d bytes (1 switches on core %d)") % (
        pid, client, nvars, nvars * 18 + rng.randint(20, 90), uwsgi_date(t - msecs / 1000.0),
        method, path, nbytes, msecs, status, hdrs, hbytes, rng.randint(0, 1))
    jentry(host, t, line, pid=pid)


FLASK_FRAMES = [
    ('  File "/opt/media-ingest/venv/lib/python3.11/site-packages/flask/app.py", line 1463, in wsgi_app',
     "    response = self.full_dispatch_request()", "               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^"),
    ('  File "/opt/media-ingest/venv/lib/python3.11/site-packages/flask/app.py", line 872, in full_dispatch_request',
     "    rv = self.handle_user_exception(e)", "         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"),
    ('  File "/opt/media-ingest/venv/lib/python3.11/site-packages/flask/app.py", line 870, in full_dispatch_request',
     "    rv = self.dispatch_request()", "         ^^^^^^^^^^^^^^^^^^^^^^^"),
    ('  File "/opt/media-ingest/venv/lib/python3.11/site-packages/flask/app.py", line 855, in dispatch_request',
     "    return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]",
     "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"),
]


def traceback_entries(host, t, pid, kind, path, req_path, method):
    lines = ["[%s] ERROR in app: Exception on %s [%s]" % (local_asctime(t), req_path, method),
             "Traceback (most recent call last):"]
    for fr in FLASK_FRAMES:
        lines.extend(fr)
    if kind == "upload":
        lines += ['  File "/opt/media-ingest/app/views/assets.py", line 61, in create_asset',
                  "    stored = storage.spool_upload(request.stream, meta)",
                  "             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
                  '  File "/opt/media-ingest/app/storage.py", line 88, in spool_upload',
                  '    with open(part_path, "wb") as fh:',
                  "         ^^^^^^^^^^^^^^^^^^^^^^^^^"]
    else:
        lines += ['  File "/opt/media-ingest/app/views/variants.py", line 40, in get_variant',
                  "    cached = thumbs.render_and_cache(asset_id, width, fmt)",
                  "             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
                  '  File "/opt/media-ingest/app/thumbs.py", line 117, in render_and_cache',
                  "    img.save(tmp_path, format=fmt.upper(), quality=82)",
                  '  File "/opt/media-ingest/venv/lib/python3.11/site-packages/PIL/Image.py", line 2436, in save',
                  '    fp = builtins.open(filename, "w+b")',
                  "         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"]
    lines.append("OSError: [Errno 28] No space left on device: '%s'" % path)
    for i, l in enumerate(lines):
        jentry(host, t + i * 0.00003, l, pid=pid, transport="stdout")


def media_call(t, kind, client_ip):
    """listings-api -> media LB -> one of the hosts. Returns (host, status, ms)."""
    host = "media-ingest-01" if rng.random() < 0.5 else "media-ingest-02"
    H = HOSTS[host]
    pid = rng.choice(H["pids"])
    if kind == "upload":
        size_kb = rng.randint(180, 6400)
        if broken(host, t):
            ms = rng.randint(4, 30)
            tt = t + ms / 1000.0
            d = dt.datetime.fromtimestamp(t, CET)
            part = "/srv/media/spool/%s/%s/%s/upl_%s.part" % (d.strftime("%Y/%m/%d"), hexs(2), hexs(2), hexs(12))
            traceback_entries(host, tt - 0.001, pid, "upload", part, "/v1/assets", "POST")
            uwsgi_req(host, tt, pid, client_ip, "POST", "/v1/assets", 500, 265, ms, 44)
            return host, 500, ms
        ms = int(size_kb / rng.uniform(30, 60)) + rng.randint(30, 90)
        uwsgi_req(host, t + ms / 1000.0, pid, client_ip, "POST", "/v1/assets", 201, rng.randint(380, 460), ms, 44)
        H["files"] += 6
        return host, 201, ms
    else:
        aid = hexs(16)
        w = rng.choice((160, 320, 640, 1280))
        fmt = rng.choice(("webp", "webp", "jpeg"))
        path = "/v1/assets/%s/variants/w%d.%s" % (aid, w, fmt)
        if rng.random() < 0.8:
            ms = rng.randint(1, 9)
            uwsgi_req(host, t + ms / 1000.0, pid, client_ip, "GET", path, 200, rng.randint(4000, 90000), ms, 38)
            return host, 200, ms
        if broken(host, t):
            ms = rng.randint(40, 160)
            tt = t + ms / 1000.0
            tp = "/srv/media/cache/thumbs/%s/%s/%s_w%d.%s.tmp" % (aid[:2], aid[2:4], aid, w, fmt)
            traceback_entries(host, tt - 0.001, pid, "variant", tp, path, "GET")
            uwsgi_req(host, tt, pid, client_ip, "GET", path, 500, 265, ms, 38)
            return host, 500, ms
        ms = rng.randint(60, 380)
        uwsgi_req(host, t + ms / 1000.0, pid, client_ip, "GET", path, 200, rng.randint(4000, 90000), ms, 38)
        HOSTS[host]["files"] += 1
        return host, 200, ms


for host in HOSTS:
    for lb in ("10.30.0.4", "10.30.0.5"):
        t = T_START + rng.uniform(0, 5)
        while t < T_END:
            pid = rng.choice(HOSTS[host]["pids"])
            uwsgi_req(host, t + 0.002, pid, lb, "GET", "/healthz", 200, 61, rng.randint(1, 3), 31)
            t += 10.0 + rng.uniform(-0.01, 0.01)
    t = E(14, 20, 0.0) + 0.004
    used = 41.7 if host.endswith("01") else 43.2
    while t < T_END:
        used += rng.uniform(0.0, 0.05)
        if broken(host, t):
            files = INODES - 11 - rng.randint(0, 40)
        else:
            files = min(HOSTS[host]["files"] + (t - T_START) * 50, INODES - 400)
            if t >= T_CLEAN[host]:
                files = 24.9e6 + (t - T_CLEAN[host]) * 40
        jentry(host, t, "[%s] INFO in housekeeping: spool usage %.1f%% (%.1fGiB of 500.0GiB), cache entries %.2fM" % (
            local_asctime(t), used, used * 5.0, files / 1e6), pid=HOSTS[host]["master"] + 20, comm="python3",
            exe="/opt/media-ingest/venv/bin/python3", cmdline="/opt/media-ingest/venv/bin/python3 -m app.housekeeping",
            unit="media-ingest-housekeeping.service", ident="python3")
        t += 300.0

for host in HOSTS:
    pp = 400000 + rng.randint(0, 90000)
    t = E(15, 17, 2.0 + rng.uniform(0, 1.5))
    sysd = dict(ident="systemd", pid=1, unit="init.scope", comm="systemd", exe="/usr/lib/systemd/systemd",
                cmdline="/sbin/init", uid=0, transport="journal")
    jentry(host, t, "Starting media-cache-prune.service - Prune media thumbnail cache...", **sysd)
    for sub in ("00", "01", "02", "03"):
        jentry(host, t + 0.21, "find: '/srv/media/cache/thumbs/%s': Permission denied" % sub, ident="media-cache-prune",
               pid=pp, unit="media-cache-prune.service", comm="find", exe="/usr/bin/find",
               cmdline="find /srv/media/cache/thumbs -type f -mtime +3 -delete", prio=6, uid=65534)
    jentry(host, t + 0.40, "media-cache-prune.service: Main process exited, code=exited, status=1/FAILURE", **sysd)
    jentry(host, t + 0.40, "media-cache-prune.service: Failed with result 'exit-code'.", prio=4, **{k: v for k, v in sysd.items()})
    jentry(host, t + 0.41, "Failed to start media-cache-prune.service - Prune media thumbnail cache.", prio=3, **sysd)

    tc = T_CLEAN[host]
    sudo = dict(ident="sudo", pid=rng.randint(500000, 600000), unit="session-4411.scope", comm="sudo",
                exe="/usr/bin/sudo", cmdline="sudo -i", uid=1003, transport="syslog")
    jentry(host, tc - 95.0, "pam_unix(sudo:session): session opened for user root(uid=0) by mkaplan(uid=1003)",
           prio=6, **sudo)
    sudo["cmdline"] = "sudo find /srv/media/cache/thumbs -type f -mtime +2 -delete"
    jentry(host, tc - 93.0, "  mkaplan : TTY=pts/0 ; PWD=/home/mkaplan ; USER=root ; COMMAND=/usr/bin/find "
                            "/srv/media/cache/thumbs -type f -mtime +2 -delete", prio=5, **sudo)
    jentry(host, tc + 1.2, "pam_unix(sudo:session): session closed for user root", prio=6, **sudo)
    jentry(host, tc + 14.0, "  mkaplan : TTY=pts/0 ; PWD=/home/mkaplan ; USER=root ; COMMAND=/usr/bin/systemctl "
                            "restart media-ingest.service", prio=5, **sudo)
    jentry(host, tc + 14.1, "Stopping media-ingest.service - media-ingest uWSGI...", **sysd)
    jentry(host, tc + 14.3, "SIGINT/SIGTERM received...killing workers...", pid=HOSTS[host]["master"])
    jentry(host, tc + 15.4, "goodbye to uWSGI.", pid=HOSTS[host]["master"])
    jentry(host, tc + 15.5, "media-ingest.service: Deactivated successfully.", **sysd)
    jentry(host, tc + 15.6, "Started media-ingest.service - media-ingest uWSGI.", **sysd)
    jentry(host, tc + 15.7, "*** Starting uWSGI 2.0.23-debian (64bit) on [%s] ***" % dt.datetime.fromtimestamp(
        tc + 15.7, CET).strftime("%a %b %d %H:%M:%S %Y"), pid=HOSTS[host]["master"])
    jentry(host, tc + 15.71, "compiled with version: 12.2.0 on 24 June 2023 21:40:51", pid=HOSTS[host]["master"])
    jentry(host, tc + 15.72, "detected number of CPU cores: 8", pid=HOSTS[host]["master"])
    jentry(host, tc + 15.9, "WSGI app 0 (mountpoint='') ready in 1 seconds on interpreter 0x7f3a2c0 pid: %d (default app)"
           % HOSTS[host]["master"], pid=HOSTS[host]["master"])
    for i, p in enumerate(HOSTS[host]["pids"]):
        jentry(host, tc + 16.0 + i * 0.001, "spawned uWSGI worker %d (pid: %d, cores: 1)" % (i + 1, p),
               pid=HOSTS[host]["master"])

# ======================================================================= listings-api (k8s, tracing w/ ANSI)
OLD_PODS = ["listings-api-7c9d8f6b4-xk2lp", "listings-api-7c9d8f6b4-r8w2n"]
NEW_PODS = ["listings-api-5b6f7d9c8-4hmzq", "listings-api-5b6f7d9c8-tq9vd"]
POD_IP = {OLD_PODS[0]: "10.42.3.17", OLD_PODS[1]: "10.42.5.9", NEW_PODS[0]: "10.42.3.41", NEW_PODS[1]: "10.42.6.22"}
NODE_EGRESS = {p: "10.30.4.%d" % n for p, n in zip(OLD_PODS + NEW_PODS, (17, 21, 17, 26))}
listings = {p: [] for p in OLD_PODS + NEW_PODS}

D = "\x1b[2m"
R = "\x1b[0m"
I = "\x1b[3m"
B = "\x1b[1m"
LVL = {"INFO": "\x1b[32m INFO\x1b[0m", "WARN": "\x1b[33m WARN\x1b[0m", "ERROR": "\x1b[31mERROR\x1b[0m",
       "DEBUG": "\x1b[34mDEBUG\x1b[0m"}


def tr_time(t):
    d = dt.datetime.fromtimestamp(t, UTC)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % d.microsecond


def kv(k, v):
    return "%s%s%s%s=%s%s" % (I, k, R, D, R, v)


def span(method, uri):
    return "%srequest%s%s{%s%s %s %s}%s%s:%s" % (B, R, B, R, kv("method", method), kv("uri", uri),
                                                kv("version", "HTTP/1.1"), B, R, D) + R


def tr_line(t, level, target, msg, fields=(), sp=None):
    parts = [D + tr_time(t) + R, LVL[level]]
    s = ""
    if sp:
        s = sp + " "
    s += "%s%s%s%s:%s %s" % (D, target, R, D, R, msg)
    if fields:
        s += " " + " ".join(kv(k, v) for k, v in fields)
    return " ".join(parts) + " " + s


def pods_at(t):
    if t < T_LISTINGS_DEPLOY:
        return OLD_PODS
    if t < T_LISTINGS_DEPLOY + 40:
        return OLD_PODS + NEW_PODS[:1]
    if t < T_LISTINGS_DEPLOY + 75:
        return [OLD_PODS[1]] + NEW_PODS
    return NEW_PODS


seller = []
SELLER_PODS = ["seller-web-84d5c6f7b8-mv2tq", "seller-web-84d5c6f7b8-zc7kr"]

UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15"]


def morgan(t, ip, method, url, status, size, ref, ua):
    return '%s - - [%s] "%s %s HTTP/1.1" %d %s "%s" "%s"' % (
        ip, dt.datetime.fromtimestamp(t, UTC).strftime("%d/%b/%Y:%H:%M:%S +0000"), method, url, status,
        str(size) if size else "-", ref, ua)


AXIOS_STACK = ["AxiosError: Request failed with status code 502",
               "    at settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)",
               "    at IncomingMessage.handleStreamEnd (/app/node_modules/axios/dist/node/axios.cjs:3065:11)",
               "    at IncomingMessage.emit (node:events:530:35)",
               "    at endReadableNT (node:internal/streams/readable:1696:12)",
               "    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)",
               "    at Axios.request (/app/node_modules/axios/dist/node/axios.cjs:3876:41)",
               "    at async uploadPhoto (/app/server/routes/photos.js:48:22)"]


def listings_handle(t, kind, lid, user_ip, ua):
    """seller-web -> listings-api. Returns (status, ms)."""
    pod = rng.choice(pods_at(t))
    L = listings[pod]
    if kind == "photo":
        uri = "/v1/listings/%s/photos" % lid
        sp = span("POST", uri)
        cur = t + 0.003
        status = 201
        for attempt in range(1, 4):
            host, st, ms = media_call(cur, "upload", NODE_EGRESS[pod])
            cur += ms / 1000.0 + 0.002
            if st < 500:
                break
            L.append((cur, tr_line(cur, "WARN" if attempt < 3 else "ERROR", "listings_api::media",
                                   "media upload failed",
                                   [("error", "HTTP status server error (500 Internal Server Error) for url "
                                              "(http://media.int.sellwise.net/v1/assets)"),
                                    ("attempt", attempt), ("listing_id", lid)], sp)))
            if attempt < 3:
                cur += 0.2 * (2 ** (attempt - 1)) + rng.uniform(0, 0.05)
            else:
                status = 502
        lat = int((cur - t) * 1000)
        L.append((cur, tr_line(cur, "INFO" if status < 500 else "ERROR", "tower_http::trace::on_response",
                               "finished processing request", [("latency", "%d ms" % lat), ("status", status)], sp)))
        return status, lat
    if kind == "view":
        uri = "/v1/listings/%s" % lid
        sp = span("GET", uri)
        lat = rng.randint(6, 40)
        n_var = 1 if rng.random() < 0.35 else 0
        worst = 200
        for _ in range(n_var):
            host, st, ms = media_call(t + 0.004, "variant", NODE_EGRESS[pod])
            lat += ms
            if st >= 500:
                worst = st
        if worst >= 500:
            L.append((t + lat / 1000.0 - 0.001, tr_line(t + lat / 1000.0 - 0.001, "WARN", "listings_api::media",
                                                        "variant fetch failed, serving placeholder",
                                                        [("error", "HTTP status server error (500 Internal Server "
                                                                   "Error) for url (http://media.int.sellwise.net/v1/"
                                                                   "assets/%s/variants/w640.webp)" % hexs(16)),
                                                         ("listing_id", lid)], sp)))
        L.append((t + lat / 1000.0, tr_line(t + lat / 1000.0, "INFO", "tower_http::trace::on_response",
                                            "finished processing request", [("latency", "%d ms" % lat),
                                                                           ("status", 200)], sp)))
        return 200, lat
    uri = "/v1/listings?seller=%s&page=%d" % ("sel_" + rid(6), rng.randint(1, 3))
    sp = span("GET", uri)
    lat = rng.randint(8, 70)
    L.append((t + lat / 1000.0, tr_line(t + lat / 1000.0, "INFO", "tower_http::trace::on_response",
                                        "finished processing request", [("latency", "%d ms" % lat), ("status", 200)],
                                        sp)))
    return 200, lat


for t in arrivals(T_START, T_END, 2.0):
    x = rng.random()
    ip = "%d.%d.%d.%d" % (rng.choice((84, 91, 145, 178, 217)), rng.randint(0, 255), rng.randint(0, 255),
                          rng.randint(1, 254))
    ua = rng.choice(UAS)
    lid = "lst_" + rid(8)
    if x < 0.07:
        st, lat = listings_handle(t, "photo", lid, ip, ua)
        end = t + lat / 1000.0 + 0.004
        url = "/api/listings/%s/photos" % lid
        if st >= 500:
            blk = ["upload failed for %s: %s" % (lid, AXIOS_STACK[0])] + AXIOS_STACK[1:]
            seller.append((end - 0.0005, "\n".join(blk)))
        seller.append((end, morgan(end, ip, "POST", url, 502 if st >= 500 else 201, 87 if st >= 500 else 412,
                                   "https://sell.sellwise.net/listings/%s/edit" % lid, ua)))
    elif x < 0.52:
        st, lat = listings_handle(t, "view", lid, ip, ua)
        end = t + lat / 1000.0 + 0.003
        seller.append((end, morgan(end, ip, "GET", "/api/listings/%s" % lid, 200, rng.randint(2000, 9000),
                                   "https://sell.sellwise.net/listings/%s" % lid, ua)))
    elif x < 0.75:
        st, lat = listings_handle(t, "list", lid, ip, ua)
        end = t + lat / 1000.0 + 0.003
        seller.append((end, morgan(end, ip, "GET", "/api/listings?page=%d" % rng.randint(1, 3), 200,
                                   rng.randint(4000, 30000), "https://sell.sellwise.net/dashboard", ua)))
    else:
        p = rng.choice(["/dashboard", "/listings/%s/edit" % lid, "/static/js/main.%s.js" % hexs(8),
                        "/static/css/app.%s.css" % hexs(8), "/favicon.ico", "/api/session"])
        code = 304 if p.startswith("/static") and rng.random() < 0.6 else 200
        seller.append((t + 0.004, morgan(t + 0.004, ip, "GET", p, code, None if code == 304 else rng.randint(300, 240000),
                                         "https://sell.sellwise.net/dashboard" if p != "/dashboard" else "-", ua)))

for pod in OLD_PODS + NEW_PODS:
    t = T_START + rng.uniform(0, 60)
    while t < T_END:
        if pod in pods_at(t):
            listings[pod].append((t, tr_line(t, "ERROR", "listings_api::fx", "failed to refresh currency rates",
                                             [("error", "error sending request for url (https://api.fxfeed.io/v2/"
                                                        "latest?base=EUR): operation timed out"),
                                              ("stale_for_s", int(3600 + (t - T_START)))])))
        t += 60.0 + rng.uniform(-0.2, 0.2)

for i, pod in enumerate(NEW_PODS):
    t = T_LISTINGS_DEPLOY + 4.0 + 36.0 * i
    L = listings[pod]
    L.append((t, tr_line(t, "INFO", "listings_api", "starting listings-api", [("version", "\"1.42.0\""),
                                                                             ("git_sha", "\"d81c0a4\"")])))
    L.append((t + 0.02, tr_line(t + 0.02, "INFO", "listings_api::config", "feature flags loaded",
                                [("bulk_photo_reorder", "true"), ("photo_max_mb", "25")])))
    L.append((t + 0.08, tr_line(t + 0.08, "INFO", "sqlx::postgres", "connected", [("host", "listings-db.int.sellwise.net")])))
    L.append((t + 0.09, tr_line(t + 0.09, "INFO", "listings_api", "listening", [("addr", "0.0.0.0:8080")])))
for i, pod in enumerate(OLD_PODS):
    t = T_LISTINGS_DEPLOY + 40.0 + 35.0 * i
    L = listings[pod]
    L.append((t, tr_line(t, "INFO", "listings_api", "signal received, starting graceful shutdown")))
    L.append((t + 0.3, tr_line(t + 0.3, "INFO", "listings_api", "graceful shutdown complete")))

for t in arrivals(T_START, T_END, 1 / 45.0):
    seller.append((t, "[session] refreshed %d sessions, %d expired" % (rng.randint(300, 900), rng.randint(0, 30))))

# ======================================================================= write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)


def write(path, data):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(full, "wb") as f:
        f.write(data)


def export(host):
    H = HOSTS[host]
    ents = sorted(journal[host], key=lambda x: x[0])
    out = []
    seq = 0x1a2f00 + rng.randint(0, 0xffff)
    seqid = hexs(32)
    per = {p: rng.randint(9000, 14000) for p in H["pids"]}
    total = sum(per.values()) + rng.randint(0, 50)
    for t, (ident, pid, unit, comm, exe, cmdline, prio, transport, uid, msg) in ents:
        seq += 1
        us = int(round(t * 1e6))
        mono = int((H["mono0"] + (t - T_START)) * 1e6)
        if pid is None:
            pid = H["master"]
        if "{REQ}" in msg:
            per[pid] += 1
            total += 1
            msg = msg.replace("{REQ}", "%d/%d" % (per[pid], total))
        elif msg == "goodbye to uWSGI.":
            per = {p: 0 for p in H["pids"]}
            total = 0
        f = ["__CURSOR=s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (seqid, seq, H["boot"], mono, us, hexs(16)),
             "__REALTIME_TIMESTAMP=%d" % us,
             "__MONOTONIC_TIMESTAMP=%d" % mono,
             "_BOOT_ID=%s" % H["boot"],
             "_TRANSPORT=%s" % transport,
             "PRIORITY=%d" % prio,
             "SYSLOG_IDENTIFIER=%s" % ident,
             "_PID=%d" % pid,
             "_COMM=%s" % comm,
             "_SYSTEMD_UNIT=%s" % unit,
             "_HOSTNAME=%s" % host,
             "MESSAGE=%s" % msg]
        out.append("\n".join(f) + "\n\n")
    return "".join(out)


write("media-ingest-01/journal-export.txt.gz", gzip.compress(export("media-ingest-01").encode(), 6, mtime=0))
write("media-ingest-02/journal-export.txt.gz", gzip.compress(export("media-ingest-02").encode(), 6, mtime=0))

for host in HOSTS:
    lines = []
    t = E(9, 17, 1.0, d=8) + rng.uniform(0, 2)
    pid = 310000 + rng.randint(0, 50000)
    while t < E(14, 20):
        pid += rng.randint(800, 3000)
        def L(tt, who, msg):
            lines.append("%s %s %s: %s" % (dt.datetime.fromtimestamp(tt, CET).strftime("%Y-%m-%dT%H:%M:%S%z"),
                                            host, who, msg))
        L(t, "systemd[1]", "Starting media-cache-prune.service - Prune media thumbnail cache...")
        if t < E(10, 2, 0, d=8):
            n = rng.randint(310000, 420000)
            L(t + 40 + n / 9000.0, "media-cache-prune[%d]" % pid, "pruned %d files older than 3 days" % n)
            L(t + 40.2 + n / 9000.0, "systemd[1]", "media-cache-prune.service: Deactivated successfully.")
            L(t + 40.2 + n / 9000.0, "systemd[1]", "Finished media-cache-prune.service - Prune media thumbnail cache.")
            L(t + 40.2 + n / 9000.0, "systemd[1]", "media-cache-prune.service: Consumed %.3fs CPU time." % rng.uniform(20, 40))
        else:
            for sub in ("00", "01", "02", "03"):
                L(t + 0.2, "media-cache-prune[%d]" % pid, "find: '/srv/media/cache/thumbs/%s': Permission denied" % sub)
            L(t + 0.4, "systemd[1]", "media-cache-prune.service: Main process exited, code=exited, status=1/FAILURE")
            L(t + 0.4, "systemd[1]", "media-cache-prune.service: Failed with result 'exit-code'.")
            L(t + 0.41, "systemd[1]", "Failed to start media-cache-prune.service - Prune media thumbnail cache.")
        t += 3600 + rng.uniform(-1, 1)
    write("%s/journalctl-u-media-cache-prune.txt" % host, "\n".join(lines) + "\n")

for pod, ents in listings.items():
    ents.sort(key=lambda x: x[0])
    write("k8s/listings/%s.log" % pod, "".join(l + "\n" for _, l in ents))

seller.sort(key=lambda x: x[0])
chunks = {p: [] for p in SELLER_PODS}
for t, l in seller:
    chunks[SELLER_PODS[0] if rng.random() < 0.5 else SELLER_PODS[1]].append(l)
write("seller-web/%s.log" % SELLER_PODS[0], "".join(l + "\n" for l in chunks[SELLER_PODS[0]]))
write("seller-web/%s.log" % SELLER_PODS[1], "".join(l + "\n" for l in chunks[SELLER_PODS[1]]))
