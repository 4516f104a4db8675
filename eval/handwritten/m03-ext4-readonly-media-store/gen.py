#!/usr/bin/env python3
"""m03: the NVMe data disk of stor-03 (one of three media-store shards) throws I/O errors,
ext4 aborts its journal and remounts read-only. Reads keep working, every write for users
sharded to stor-03 fails with EROFS. stor-03's clock runs 97 s fast until chrony steps it."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from m_common import (LogSet, Rand, USER_AGENTS, iso, jdump, main_dir, report, strf, ts_of,  # noqa: E402
                      write_topology, write_truth, py_trace)

R = Rand(20250917)
T0 = ts_of(2025, 9, 17, 7, 40, 0)
T1 = ts_of(2025, 9, 17, 8, 44, 0)
DEPLOY = ts_of(2025, 9, 17, 7, 52, 6)              # web-frontend release (red herring)
SMART = ts_of(2025, 9, 17, 7, 31, 40)
NVME_RESET = ts_of(2025, 9, 17, 7, 58, 12.4)
FAULT = ts_of(2025, 9, 17, 8, 7, 31.208)           # ext4 remount-ro (true time)
CHRONY_STEP = ts_of(2025, 9, 17, 8, 31, 2.0)       # true time of the step
SKEW = 97.204311
CEST = 120
HAPROXY_RELOAD = ts_of(2025, 9, 17, 8, 15, 3)
STOR = {0: ("stor-01", "10.20.3.11"), 1: ("stor-02", "10.20.3.12"), 2: ("stor-03", "10.20.3.13")}
L = None


def add(path, t, line):
    L.add(path, t, line)


def stor_clock(host, t):
    if host == "stor-03" and t < CHRONY_STEP:
        return t + SKEW
    return t


def jr(host, t, ident, msg):
    """journalctl -o short-iso line (local time, +0200)."""
    shown = stor_clock(host, t)
    add("logs/media-store/%s/journal.log" % host, t, "%s %s %s: %s" % (strf(shown, "%Y-%m-%dT%H:%M:%S+0200", CEST), host, ident, msg))


def ms_json(host, t, level, msg, **kw):
    shown = stor_clock(host, t)
    d = {"time": iso(shown, 3, False, CEST), "level": level, "msg": msg}
    d.update(kw)
    jr(host, t, "media-store[1187]", jdump(d))


def hap(t_accept, client, fe, be_srv, timers, status, size, req, term="----"):
    t_log = t_accept + timers[4] / 1000.0
    conns = "%d/%d/%d/%d/0" % (R.randrange(300, 460), R.randrange(290, 440), R.randrange(5, 40), R.randrange(1, 9))
    line = "%s lb-01 haproxy[2231]: %s:%d [%s] %s %s %d/%d/%d/%d/%d %d %d - - %s %s 0/0 \"%s\"" % (
        strf(t_log, "%b %d %H:%M:%S", CEST), client, R.randrange(1024, 65535),
        strf(t_accept, "%d/%b/%Y:%H:%M:%S.{ms}", CEST), fe, be_srv, timers[0], timers[1], timers[2], timers[3], timers[4],
        status, size, term, conns, req)
    add("logs/haproxy/lb-01-haproxy.log", t_log, line)


def upl(pod, t, level, msg, **kw):
    parts = ["time=%s" % iso(t, 3, True), "level=%s" % level, 'msg="%s"' % msg]
    for k, v in kw.items():
        sv = str(v)
        if any(c in sv for c in ' "='):
            sv = '"%s"' % sv.replace('"', '\\"')
        parts.append("%s=%s" % (k, sv))
    add("logs/upload-api/%s.log" % pod, t, " ".join(parts))


def aspnet(t, level, cat, msg, state=None, exc=None, eid=0):
    d = {"Timestamp": strf(t, "%Y-%m-%d %H:%M:%S.{ms}", CEST), "EventId": eid, "LogLevel": level, "Category": cat, "Message": msg}
    if exc:
        d["Exception"] = exc
    st = {"Message": msg}
    if state:
        st.update(state)
    d["State"] = st
    add("logs/listing-svc/%s.json" % CUR["pod"], t, jdump(d))


CUR = {"pod": "listing-svc-7c9f6d5b8-2hx4q"}
LPODS = ["listing-svc-7c9f6d5b8-2hx4q", "listing-svc-7c9f6d5b8-wm7tz"]


def laravel(t, level, msg, ctx=None):
    line = "[%s] production.%s: %s" % (strf(t, "%Y-%m-%d %H:%M:%S", CEST), level, msg)
    if ctx is not None:
        line += " " + ctx
    add("logs/web-frontend/laravel.log", t, line)


def thumb(t, level, msg):
    add("logs/thumbnailer/thumbnailer.log", t, "%s %s %s" % (strf(t, "%Y-%m-%d %H:%M:%S,{ms}"), level, msg))


def caddy(t_end, dur, client, uri, status, size, host="stor-0x"):
    d = {"level": "info", "ts": round(t_end, 6), "logger": "http.log.access.log0", "msg": "handled request",
         "request": {"remote_ip": "10.20.1.5", "remote_port": str(R.randrange(20000, 65000)), "client_ip": client,
                     "proto": "HTTP/1.1", "method": "GET", "host": "img.kleinmarkt.de", "uri": uri,
                     "headers": {"User-Agent": [R.pick(USER_AGENTS)], "Accept": ["image/avif,image/webp,*/*"],
                                 "Via": ["1.1 varnish"], "X-Forwarded-For": [client]}},
         "bytes_read": 0, "user_id": "", "duration": round(dur, 9), "size": size, "status": status,
         "resp_headers": {"Server": ["Caddy"], "Content-Type": ["image/jpeg"] if status == 200 else ["text/plain; charset=utf-8"],
                          "Cache-Control": ["public, max-age=31536000, immutable"] if status == 200 else ["no-store"]}}
    add("logs/media-origin/access.json", t_end, jdump(d))


# ----------------------------------------------------------------- state
USERS = sorted(set(R.randrange(10000, 99999) for _ in range(4000)))
UPLOAD_PODS = ["upload-api-01", "upload-api-02"]
inflight_thumbs = []
PUTS = []
GETS = []


def shard_of(uid):
    return uid % 3


def media_put(host, t, key):
    """returns (ok, dur)"""
    if host == "stor-03" and t >= FAULT:
        PUTS.append((t, host, False, key))
        return False, R.lat(0.0015, 0.3)
    PUTS.append((t, host, True, key))
    return True, R.lat(0.045, 0.4)


def key_for(uid):
    return "u/%d/%s" % (uid, R.hexid(20))


def do_upload(t, uid, client):
    shard = shard_of(uid)
    host, ip = STOR[shard]
    pod = R.pick(UPLOAD_PODS)
    uid_s = R.hexid(16)
    key = key_for(uid)
    size = R.randrange(180000, 6200000)
    recv = size / R.uniform(2.0e6, 9.0e6)
    tt = t + recv
    delays = [0.2, 0.4, 0.8]
    for attempt in range(1, 4):
        ok, d = media_put(host, tt, key)
        tt += d
        if ok:
            upl(pod, tt + 0.001, "INFO", "upload stored", upload_id=uid_s, user_id=uid, key=key, bytes=size, shard=shard + 1,
                target="http://%s:9100" % ip, dur_ms=int((tt - t) * 1000))
            if R.random() < 0.9:
                inflight_thumbs.append((tt + R.uniform(0.2, 3.0), key, host, 1))
            return 201, tt - t + 0.003
        upl(pod, tt + 0.0005, "ERROR", "store original failed", upload_id=uid_s, user_id=uid, key=key, shard=shard + 1,
            target="http://%s:9100" % ip, status=500, attempt=attempt, body="internal error: write object", retry=attempt < 3)
        if attempt < 3:
            tt += delays[attempt - 1]
    upl(pod, tt + 0.001, "ERROR", "upload failed, giving up", upload_id=uid_s, user_id=uid, shard=shard + 1,
        err="media-store http://%s:9100: 3 attempts, last status 500" % ip)
    return 502, tt - t + 0.002


def exc_media(host, key):
    return ("System.Net.Http.HttpRequestException: Response status code does not indicate success: 500 (Internal Server Error).\n"
            "   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n"
            "   at Listings.Infrastructure.Media.MediaStoreClient.CommitAsync(String key, CancellationToken ct) in /src/Listings.Infrastructure/Media/MediaStoreClient.cs:line 71\n"
            "   at Listings.Application.Listings.CreateListingHandler.CommitMediaAsync(IReadOnlyList`1 keys, CancellationToken ct) in /src/Listings.Application/Listings/CreateListingHandler.cs:line 118\n"
            "   at Listings.Application.Listings.CreateListingHandler.Handle(CreateListingCommand request, CancellationToken ct) in /src/Listings.Application/Listings/CreateListingHandler.cs:line 64\n"
            "   at Listings.Api.Endpoints.ListingEndpoints.<>c.<<MapListingEndpoints>b__0_1>d.MoveNext() in /src/Listings.Api/Endpoints/ListingEndpoints.cs:line 39\n"
            "--- End of stack trace from previous location ---\n"
            "   at Microsoft.AspNetCore.Http.RequestDelegateFactory.ExecuteTaskResult[T](Task`1 task, HttpContext httpContext)\n"
            "   at Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl.<Invoke>g__Awaited|10_0(ExceptionHandlerMiddlewareImpl middleware, HttpContext context, Task task)")


def laravel_exc(status, url, body, uid):
    frames = [
        "#0 /var/www/html/vendor/guzzlehttp/guzzle/src/Middleware.php(72): GuzzleHttp\\\\Exception\\\\RequestException::create(Object(GuzzleHttp\\\\Psr7\\\\Request), Object(GuzzleHttp\\\\Psr7\\\\Response), NULL, Array, NULL)",
        "#1 /var/www/html/vendor/guzzlehttp/promises/src/Promise.php(209): GuzzleHttp\\\\Middleware::GuzzleHttp\\\\{closure}(Object(GuzzleHttp\\\\Psr7\\\\Response))",
        "#2 /var/www/html/vendor/guzzlehttp/promises/src/Promise.php(158): GuzzleHttp\\\\Promise\\\\Promise::callHandler(1, Object(GuzzleHttp\\\\Psr7\\\\Response), NULL)",
        "#3 /var/www/html/vendor/guzzlehttp/promises/src/TaskQueue.php(52): GuzzleHttp\\\\Promise\\\\Promise::GuzzleHttp\\\\Promise\\\\{closure}()",
        "#4 /var/www/html/vendor/guzzlehttp/promises/src/Promise.php(251): GuzzleHttp\\\\Promise\\\\TaskQueue->run(true)",
        "#5 /var/www/html/vendor/guzzlehttp/promises/src/Promise.php(227): GuzzleHttp\\\\Promise\\\\Promise->invokeWaitFn()",
        "#6 /var/www/html/vendor/guzzlehttp/guzzle/src/Client.php(189): GuzzleHttp\\\\Promise\\\\Promise->wait()",
        "#7 /var/www/html/vendor/laravel/framework/src/Illuminate/Http/Client/PendingRequest.php(913): GuzzleHttp\\\\Client->request('POST', 'http://listing-s...', Array)",
        "#8 /var/www/html/app/Services/ListingApi.php(57): Illuminate\\\\Http\\\\Client\\\\PendingRequest->post('/api/listings', Array)",
        "#9 /var/www/html/app/Http/Controllers/ListingController.php(88): App\\\\Services\\\\ListingApi->create(Array)",
        "#10 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54): App\\\\Http\\\\Controllers\\\\ListingController->store(Object(App\\\\Http\\\\Requests\\\\StoreListingRequest))",
        "#11 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/ControllerDispatcher.php(43): Illuminate\\\\Routing\\\\Controller->callAction('store', Array)",
        "#12 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Route.php(260): Illuminate\\\\Routing\\\\ControllerDispatcher->dispatch(Object(Illuminate\\\\Routing\\\\Route), Object(App\\\\Http\\\\Controllers\\\\ListingController), 'store')",
        "#13 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Route.php(206): Illuminate\\\\Routing\\\\Route->runController()",
        "#14 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Router.php(806): Illuminate\\\\Routing\\\\Route->run()",
        "#15 /var/www/html/vendor/laravel/framework/src/Illuminate/Pipeline/Pipeline.php(144): Illuminate\\\\Routing\\\\Router->Illuminate\\\\Routing\\\\{closure}(Object(Illuminate\\\\Http\\\\Request))",
        "#16 /var/www/html/vendor/laravel/framework/src/Illuminate/Foundation/Http/Kernel.php(175): Illuminate\\\\Pipeline\\\\Pipeline->then(Object(Closure))",
        "#17 /var/www/html/public/index.php(51): Illuminate\\\\Foundation\\\\Http\\\\Kernel->handle(Object(Illuminate\\\\Http\\\\Request))",
        "#18 {main}"]
    ctx = '{"userId":%d,"exception":"[object] (GuzzleHttp\\\\Exception\\\\ServerException(code: %d): Server error: `POST %s` resulted in a `%d Internal Server Error` response:\\n%s\\n at /var/www/html/vendor/guzzlehttp/guzzle/src/Exception/RequestException.php:113)\n[stacktrace]\n%s\n"} ' % (
        uid, status, url, status, body.replace('"', '\\"'), "\n".join(frames))
    return ctx


def do_listing_create(t, uid, client):
    shard = shard_of(uid)
    host, ip = STOR[shard]
    n = R.randrange(1, 9)
    keys = [key_for(uid) for _ in range(n)]
    CUR["pod"] = R.pick(LPODS)
    tid = "00-%s-%s-00" % (R.hexid(32), R.hexid(16))
    t1 = t + R.lat(0.02, 0.3)
    aspnet(t1, "Information", "Microsoft.AspNetCore.Hosting.Diagnostics",
           "Request starting HTTP/1.1 POST http://listing-svc.internal/api/listings - application/json %d" % (900 + 110 * n),
           {"Protocol": "HTTP/1.1", "Method": "POST", "ContentType": "application/json", "ContentLength": 900 + 110 * n,
            "Scheme": "http", "Host": "listing-svc.internal", "PathBase": "", "Path": "/api/listings", "QueryString": "",
            "{OriginalFormat}": "Request starting {Protocol} {Method} {Scheme}://{Host}{PathBase}{Path}{QueryString} - {ContentType} {ContentLength}"}, eid=1)
    tt = t1 + R.lat(0.012, 0.3)
    fail = False
    for k in keys:
        ok, d = media_put(host, tt, k + ".meta")
        tt += d
        if not ok:
            fail = True
            break
    if fail:
        aspnet(tt + 0.001, "Error", "Listings.Infrastructure.Media.MediaStoreClient",
               "Media commit failed for {Key} on {Endpoint}: {StatusCode}".replace("{Key}", keys[0]).replace("{Endpoint}", "http://%s.media.internal:9100" % host).replace("{StatusCode}", "500"),
               {"Key": keys[0], "Endpoint": "http://%s.media.internal:9100" % host, "StatusCode": 500,
                "{OriginalFormat}": "Media commit failed for {Key} on {Endpoint}: {StatusCode}"}, eid=4102)
        aspnet(tt + 0.003, "Error", "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware",
               "An unhandled exception has occurred while executing the request.", {"{OriginalFormat}": "An unhandled exception has occurred while executing the request."},
               exc=exc_media(host, keys[0]), eid=1)
        dur = tt + 0.004 - t1
        aspnet(tt + 0.004, "Information", "Microsoft.AspNetCore.Hosting.Diagnostics",
               "Request finished HTTP/1.1 POST http://listing-svc.internal/api/listings - 500 161 application/problem+json %.4fms" % (dur * 1000),
               {"ElapsedMilliseconds": round(dur * 1000, 4), "StatusCode": 500, "ContentType": "application/problem+json", "ContentLength": 161,
                "Protocol": "HTTP/1.1", "Method": "POST", "Scheme": "http", "Host": "listing-svc.internal", "PathBase": "", "Path": "/api/listings", "QueryString": "",
                "{OriginalFormat}": "Request finished {Protocol} {Method} {Scheme}://{Host}{PathBase}{Path}{QueryString} - {StatusCode} {ContentLength} {ContentType} {ElapsedMilliseconds}ms"}, eid=2)
        body = '{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.1","title":"An error occurred while processing your request.","status":500,"traceId":"%s"}' % tid
        te = tt + 0.02
        laravel(te, "ERROR", "Server error: `POST http://listing-svc.internal/api/listings` resulted in a `500 Internal Server Error` response:\n%s\n" % body,
                laravel_exc(500, "http://listing-svc.internal/api/listings", body, uid))
        return 500, te - t + 0.01
    lid = R.randrange(41000000, 41999999)
    tt += R.lat(0.03, 0.3)
    aspnet(tt, "Information", "Listings.Application.Listings.CreateListingHandler", "Listing %d created for user %d with %d media" % (lid, uid, n),
           {"ListingId": lid, "UserId": uid, "MediaCount": n, "{OriginalFormat}": "Listing {ListingId} created for user {UserId} with {MediaCount} media"}, eid=3001)
    dur = tt - t1 + 0.001
    aspnet(tt + 0.001, "Information", "Microsoft.AspNetCore.Hosting.Diagnostics",
           "Request finished HTTP/1.1 POST http://listing-svc.internal/api/listings - 201 212 application/json; charset=utf-8 %.4fms" % (dur * 1000),
           {"ElapsedMilliseconds": round(dur * 1000, 4), "StatusCode": 201, "ContentType": "application/json; charset=utf-8", "ContentLength": 212,
            "Protocol": "HTTP/1.1", "Method": "POST", "Scheme": "http", "Host": "listing-svc.internal", "PathBase": "", "Path": "/api/listings", "QueryString": "",
            "{OriginalFormat}": "Request finished {Protocol} {Method} {Scheme}://{Host}{PathBase}{Path}{QueryString} - {StatusCode} {ContentLength} {ContentType} {ElapsedMilliseconds}ms"}, eid=2)
    return 302, tt - t + 0.03


def do_listing_get(t):
    t1 = t + R.lat(0.01, 0.3)
    CUR["pod"] = R.pick(LPODS)
    lid = R.randrange(38000000, 41999999)
    d = R.lat(0.018, 0.4)
    if R.random() < 0.25:
        aspnet(t1 + d, "Information", "Microsoft.AspNetCore.Hosting.Diagnostics",
               "Request finished HTTP/1.1 GET http://listing-svc.internal/api/listings/%d - 200 %d application/json; charset=utf-8 %.4fms" % (lid, R.randrange(1800, 6000), d * 1000),
               {"ElapsedMilliseconds": round(d * 1000, 4), "StatusCode": 200, "Method": "GET", "Path": "/api/listings/%d" % lid,
                "{OriginalFormat}": "Request finished {Protocol} {Method} {Scheme}://{Host}{PathBase}{Path}{QueryString} - {StatusCode} {ContentLength} {ContentType} {ElapsedMilliseconds}ms"}, eid=2)
    return d + 0.02


CATS = ["elektronik", "moebel", "auto-rad-boot", "mode-beauty", "haus-garten", "familie-kind", "freizeit-hobby", "tiere", "immobilien", "jobs"]
CITIES = ["berlin", "hamburg", "muenchen", "koeln", "frankfurt", "stuttgart", "leipzig", "dresden", "bremen", "hannover"]


def main():
    global L
    out = main_dir(sys.argv)
    L = LogSet(out)
    retry_q = []
    for t in R.arrivals(T0, T1, lambda t: 3.3):
        client = R.public_ip()
        k = R.wpick([("page", 60), ("listing", 16), ("upload", 13), ("create", 3.2), ("img", 0.1)])
        srv = "web-0%d" % R.randrange(1, 4)
        if k == "page":
            path = R.pick(["/", "/s/%s/%s" % (R.pick(CATS), R.pick(CITIES)), "/s/%s?page=%d" % (R.pick(CATS), R.randrange(2, 9)),
                           "/meine-anzeigen", "/nachrichten"])
            d = R.lat(0.11, 0.45)
            hap(t, client, "fe_https~", "be_web/%s" % srv, (0, 0, 1, int(d * 1000), int(d * 1000) + 1), 200, R.randrange(18000, 90000), "GET %s HTTP/1.1" % path)
        elif k == "listing":
            d = do_listing_get(t) + R.lat(0.08, 0.4)
            lid = R.randrange(38000000, 41999999)
            hap(t, client, "fe_https~", "be_web/%s" % srv, (0, 0, 1, int(d * 1000), int(d * 1000) + 1), 200, R.randrange(30000, 110000), "GET /a/%d HTTP/1.1" % lid)
        elif k == "upload":
            uid = R.pick(USERS)
            tries = 1
            tt = t
            while True:
                st, d = do_upload(tt, uid, client)
                srv_u = "upload-0%d" % R.randrange(1, 3)
                hap(tt, client, "fe_https~", "be_upload/%s" % srv_u, (R.randrange(40, 900), 0, 1, int(d * 1000), int(d * 1000) + 1), st,
                    R.randrange(180, 260) if st == 201 else 312, "POST /v1/uploads HTTP/1.1")
                if st == 201 or tries >= 3 or R.random() < 0.3:
                    break
                tries += 1
                tt += d + R.uniform(2, 15)
        elif k == "create":
            uid = R.pick(USERS)
            st, d = do_listing_create(t, uid, client)
            hap(t, client, "fe_https~", "be_web/%s" % srv, (R.randrange(5, 60), 0, 1, int(d * 1000), int(d * 1000) + 1), st,
                R.randrange(400, 900) if st == 302 else 7421, "POST /anzeige-aufgeben HTTP/1.1")
    # thumbnailer: consume in time order
    inflight_thumbs.sort()
    jobs = list(inflight_thumbs)
    idx = 0
    while idx < len(jobs):
        t, key, host, attempt = jobs[idx]
        idx += 1
        if t >= T1:
            continue
        jid = R.hexid(12)
        ok, d = media_put(host, t + 0.6, key + "/w160.jpg")
        if ok:
            media_put(host, t + 0.7, key + "/w640.jpg")
            media_put(host, t + 0.8, key + "/w1280.jpg")
            if R.random() < 0.012:
                thumb(t + 0.2, "ERROR", "thumbnailer.worker job=%s key=%s failed permanently: cannot decode source\n%s" % (jid, key, py_trace([
                    ("/app/thumbnailer/worker.py", 88, "process", "img = Image.open(io.BytesIO(src))"),
                    ("/usr/local/lib/python3.12/site-packages/PIL/Image.py", 3339, "open", "raise UnidentifiedImageError(msg)")],
                    "PIL.UnidentifiedImageError: cannot identify image file <_io.BytesIO object at 0x7f%s>" % R.hexid(10))))
                continue
            thumb(t + 0.9, "INFO", "thumbnailer.worker job=%s key=%s sizes=w160,w640,w1280 took=%.2fs attempt=%d" % (jid, key, R.uniform(0.6, 1.6), attempt))
        else:
            url = "http://%s.media.internal:9100/objects/%s/w160.jpg" % (host, key)
            thumb(t + 0.62, "ERROR", "thumbnailer.worker job=%s key=%s attempt=%d failed, requeue in %ds\n%s" % (jid, key, attempt, 15 * 2 ** (attempt - 1), py_trace([
                ("/app/thumbnailer/worker.py", 121, "process", "self.store.put(f\"{key}/w{w}.jpg\", buf.getvalue())"),
                ("/app/thumbnailer/store.py", 44, "put", "resp.raise_for_status()"),
                ("/usr/local/lib/python3.12/site-packages/requests/models.py", 1024, "raise_for_status", "raise HTTPError(http_error_msg, response=self)")],
                "requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: %s" % url)))
            if attempt < 8:
                nt = t + 15 * 2 ** (attempt - 1) + R.random()
                # insert keeping order
                j = idx
                while j < len(jobs) and jobs[j][0] < nt:
                    j += 1
                jobs.insert(j, (nt, key, host, attempt + 1))
            else:
                thumb(t + 0.63, "ERROR", "thumbnailer.worker job=%s key=%s moved to dead-letter queue thumbs:dlq after 8 attempts" % (jid, key))
    # media-origin reads (image CDN origin); reads keep working everywhere
    for t in R.arrivals(T0, T1, lambda t: 0.75):
        uid = R.pick(USERS)
        key = key_for(uid)
        host = STOR[shard_of(uid)][0]
        GETS.append((t, host))
        d = R.lat(0.009, 0.5)
        size = R.randrange(9000, 260000)
        st = 200
        if host == "stor-03" and t > FAULT + 60 and R.random() < 0.05:
            st, size = 404, 19
        caddy(t + d, d, R.public_ip(), "/m/%s/w%d.jpg" % (key, R.pick([160, 640, 640, 1280])), st, size)
    platform()
    sizes = L.write()
    report(out, sizes)
    write_truth(out, {
        "root_cause": {"service": "media-store", "fault": "filesystem-remounted-read-only-disk-io-errors", "start": iso(FAULT, 3)},
        "propagation": ["media-store", "listing-svc", "web-frontend", "haproxy"],
        "affected": ["media-store", "listing-svc", "web-frontend", "haproxy", "upload-api", "thumbnailer"],
        "acceptable_roots": [],
        "notes": (
            "media-store runs as a systemd unit on three shard hosts stor-01/02/03 (10.20.3.11-13, DNS "
            "stor-0N.media.internal); users are sharded by user_id % 3. stor-03's NVMe data disk logs a SMART reliability "
            "warning (07:31:40Z) and a controller reset (07:58:12Z); at 08:07:31.208Z (true time) writes fail, ext4 "
            "aborts its journal and remounts /srv/media read-only. Reads keep working and /healthz stays green, so nothing "
            "ejects the shard. media-store itself logs one sampled 'put failed ... read-only file system' WARN per 10 s "
            "(with a suppressed count). Callers: upload-api retries 3x against http://10.20.3.13:9100 (logged by IP only) "
            "and returns 502; listing-svc's media commit to stor-03.media.internal fails -> 500 (.NET exception), "
            "web-frontend (Laravel) logs a Guzzle ServerException with full stack and answers 500 on POST /anzeige-aufgeben; "
            "thumbnailer requeues in-flight jobs with exponential backoff (HTTPError tracebacks) until DLQ. Clock quirks: "
            "stor-03 runs 97.2 s fast (chronyd: no selectable sources) so its kernel EXT4 lines are stamped ~10:09:08+0200, "
            "after the first caller errors; at 08:31:02Z chrony steps the clock back by 97.2 s and the stor-03 journal "
            "goes backwards. haproxy (rsyslog, RFC3164 without year/zone), Laravel and listing-svc (.NET JSON console "
            "with a custom TimestampFormat) print Europe/Berlin local time without offset; upload-api and thumbnailer "
            "are UTC; Caddy uses epoch seconds. Red herrings: web-frontend release 2025.09.17-0752 at 07:52:06Z with a "
            "short burst of 'View [partials.banner-promo] not found' errors; haproxy reload for a certificate at "
            "08:15:03Z; thumbnailer's pre-existing PIL UnidentifiedImageError for HEIC uploads; listing-svc search "
            "indexing lag warnings."),
    })
    write_topology(out, [
        {"name": "haproxy", "role": "gateway", "calls": ["web-frontend", "upload-api"]},
        {"name": "web-frontend", "role": "frontend", "calls": ["listing-svc", "search-svc"]},
        {"name": "upload-api", "role": "api", "calls": ["media-store", "jobs-redis"]},
        {"name": "listing-svc", "role": "api", "calls": ["media-store", "listings-db"]},
        {"name": "thumbnailer", "role": "worker", "calls": ["jobs-redis", "media-store"]},
        {"name": "media-origin", "role": "frontend", "calls": ["media-store"]},
        {"name": "media-store", "role": "database", "calls": []},
        {"name": "jobs-redis", "role": "queue", "calls": []},
        {"name": "listings-db", "role": "database", "calls": []},
        {"name": "search-svc", "role": "api", "calls": []},
    ])


def platform():
    # stor hosts: chrony, cron, sshd, stats lines
    PUTS.sort(key=lambda r: r[0])
    GETS.sort()
    # sampled put-failure warnings: first failure of each 10 s window, with the count suppressed before it
    last_bucket = None
    supp = 0
    for (t, host, ok, key) in PUTS:
        if ok:
            continue
        b = int((t - FAULT) // 10)
        if b != last_bucket:
            ms_json(host, t, "WARN", "put failed", key=key,
                    err="open /srv/media/objects/%s/%s/%s.tmp: read-only file system" % (key[2:4], key[4:6], key.split("/")[-1][:20]),
                    suppressed=supp)
            last_bucket = b
            supp = 0
        else:
            supp += 1
    for host in ("stor-01", "stor-02", "stor-03"):
        t = T0 + R.uniform(0, 60)
        free = R.uniform(310, 420)
        while t < T1:
            w0 = t - 300
            puts = sum(1 for r in PUTS if r[1] == host and w0 <= r[0] < t)
            errs = sum(1 for r in PUTS if r[1] == host and w0 <= r[0] < t and not r[2])
            gets = sum(1 for r in GETS if r[1] == host and w0 <= r[0] < t)
            ms_json(host, t, "INFO", "stats", window="5m", puts=puts, put_errors=errs, gets=gets, disk="/srv/media",
                    free_gb=round(free, 1))
            free -= (puts - errs) * 0.0009
            t += 300
        t = T0 + R.uniform(0, 900)
        while t < T1:
            jr(host, t, "CRON[%d]" % R.randrange(20000, 40000), "(root) CMD (/usr/local/bin/media-scrub --quick >/dev/null 2>&1)")
            t += 900
        t = T0 + R.uniform(100, 600)
        while t < T1:
            pid = R.randrange(30000, 60000)
            jr(host, t, "sshd[%d]" % pid, "Accepted publickey for deploy from 10.20.0.4 port %d ssh2: ED25519 SHA256:Xq3m0eW1VqRkJH2t0o8R1mX8nO3bE0yZr2Qm2k6b0tI" % R.randrange(40000, 60000))
            jr(host, t + 0.02, "systemd-logind[641]", "New session %d of user deploy." % R.randrange(3000, 9000))
            jr(host, t + 4.2, "sshd[%d]" % pid, "pam_unix(sshd:session): session closed for user deploy")
            t += R.uniform(600, 1500)
    # chrony on stor-03 unsynchronised
    t = T0 + 200
    while t < CHRONY_STEP:
        jr("stor-03", t, "chronyd[812]", "Can't synchronise: no selectable sources")
        t += R.uniform(300, 700)
    jr("stor-03", CHRONY_STEP - 0.01, "chronyd[812]", "Selected source 10.20.0.2 (ntp1.infra.internal)")
    jr("stor-03", CHRONY_STEP - 0.005, "chronyd[812]", "System clock wrong by -%.6f seconds" % SKEW)
    jr("stor-03", CHRONY_STEP, "chronyd[812]", "System clock was stepped by -%.6f seconds" % SKEW)
    jr("stor-03", CHRONY_STEP + 0.2, "systemd[1]", "Time has been changed")
    for h in ("stor-01", "stor-02"):
        t = T0 + R.uniform(0, 900)
        while t < T1:
            jr(h, t, "chronyd[809]", "Source 10.20.0.3 replaced with 10.20.0.2 (ntp1.infra.internal)") if R.random() < 0.1 else None
            t += 1800
    # disk precursors + the failure on stor-03
    jr("stor-03", SMART, "smartd[702]", "Device: /dev/nvme1, Critical Warning (0x04): Reliability")
    jr("stor-03", SMART + 0.01, "smartd[702]", "Device: /dev/nvme1, number of Error Log entries increased from 12 to 19")
    jr("stor-03", NVME_RESET, "kernel", "nvme nvme1: I/O 88 QID 3 timeout, reset controller")
    jr("stor-03", NVME_RESET + 1.9, "kernel", "nvme nvme1: 16/0/0 default/read/poll queues")
    f = FAULT - 2.9
    jr("stor-03", f, "kernel", "nvme nvme1: I/O 523 QID 7 timeout, aborting")
    jr("stor-03", f + 0.4, "kernel", "nvme nvme1: Abort status: 0x0")
    jr("stor-03", FAULT - 0.02, "kernel", "blk_update_request: I/O error, dev nvme1n1, sector 1937483264 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0")
    jr("stor-03", FAULT - 0.015, "kernel", "Buffer I/O error on dev nvme1n1p1, logical block 242185152, lost async page write")
    jr("stor-03", FAULT - 0.01, "kernel", "JBD2: Detected IO errors while flushing file data on nvme1n1p1-8")
    jr("stor-03", FAULT, "kernel", "EXT4-fs error (device nvme1n1p1): ext4_journal_check_start:83: comm media-store: Detected aborted journal")
    jr("stor-03", FAULT + 0.003, "kernel", "EXT4-fs (nvme1n1p1): Remounting filesystem read-only")
    jr("stor-03", FAULT + 61.4, "kernel", "EXT4-fs error (device nvme1n1p1): ext4_find_entry:1682: inode #2: comm media-scrub: reading directory lblock 0")
    # media-store startup-ish info on all hosts (process has been up for days: only a config reload)
    for h in ("stor-01", "stor-02", "stor-03"):
        ms_json(h, T0 + 33.3, "INFO", "config reloaded", root="/srv/media/objects", max_object_mb=64, fsync=True, health="/healthz (process only)")
    # web-frontend deploy red herring
    laravel(DEPLOY, "INFO", "Deployment 2025.09.17-0752 activated (git a93c1e4)")
    for _ in range(23):
        t = DEPLOY + R.uniform(1, 130)
        laravel(t, "ERROR", "View [partials.banner-promo] not found. (View: /var/www/html/resources/views/home.blade.php)",
                '{"userId":null,"exception":"[object] (Illuminate\\\\View\\\\ViewException(code: 0): View [partials.banner-promo] not found. (View: /var/www/html/resources/views/home.blade.php) at /var/www/html/vendor/laravel/framework/src/Illuminate/View/FileViewFinder.php:139)\n[stacktrace]\n#0 /var/www/html/vendor/laravel/framework/src/Illuminate/View/FileViewFinder.php(79): Illuminate\\\\View\\\\FileViewFinder->findInPaths(\'partials.banner...\', Array)\n#1 /var/www/html/vendor/laravel/framework/src/Illuminate/View/Factory.php(151): Illuminate\\\\View\\\\FileViewFinder->find(\'partials.banner...\')\n#2 {main}\n"} ')
    laravel(DEPLOY + 140, "INFO", "Deployment 2025.09.17-0754 activated (git 5d0be27) [hotfix: banner partial]")
    t = T0 + 40
    while t < T1:
        laravel(t, "WARNING", "Slow response from search-svc (%.0f ms) for /s/%s/%s" % (R.uniform(1200, 2500), R.pick(CATS), R.pick(CITIES)))
        t += R.expovariate(1 / 240.0)
    # listing-svc pre-existing warnings
    t = T0 + 75
    while t < T1:
        CUR["pod"] = R.pick(LPODS)
        aspnet(t, "Warning", "Listings.Infrastructure.Search.IndexingBackgroundService",
               "Search indexing lag is %d s (threshold 60 s), queue length %d" % (R.randrange(61, 140), R.randrange(200, 900)),
               {"LagSeconds": 0, "{OriginalFormat}": "Search indexing lag is {LagSeconds} s (threshold 60 s), queue length {QueueLength}"}, eid=5201)
        t += R.uniform(120, 400)
    # haproxy reload + health checks
    add("logs/haproxy/lb-01-haproxy.log", HAPROXY_RELOAD, "%s lb-01 haproxy[2231]: Proxy fe_https started." % strf(HAPROXY_RELOAD, "%b %d %H:%M:%S", CEST))
    add("logs/haproxy/lb-01-haproxy.log", HAPROXY_RELOAD + 0.01, "%s lb-01 haproxy[2231]: Proxy be_web started." % strf(HAPROXY_RELOAD, "%b %d %H:%M:%S", CEST))
    add("logs/haproxy/lb-01-haproxy.log", HAPROXY_RELOAD + 0.02, "%s lb-01 haproxy[2231]: Proxy be_upload started." % strf(HAPROXY_RELOAD, "%b %d %H:%M:%S", CEST))
    add("logs/haproxy/lb-01-haproxy.log", HAPROXY_RELOAD + 0.5, "%s lb-01 haproxy[2231]: [WARNING]  (2231) : Former worker (1984) exited with code 0 (Exit)" % strf(HAPROXY_RELOAD + 0.5, "%b %d %H:%M:%S", CEST))


if __name__ == "__main__":
    main()
