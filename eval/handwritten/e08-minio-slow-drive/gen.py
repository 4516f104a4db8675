#!/usr/bin/env python3
"""Generator for incident case e08-minio-slow-drive (standard library only, deterministic)."""
SEED = 4808
import os, json, gzip, shutil, random, math
from datetime import datetime, timezone, timedelta

# The set's shared helpers (output sink, time formats, random shapes), kept once in e_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "e_common.py")).read())

# ======================================================================== case
# e08: one NVMe drive behind minio-2 degrades (I/O timeouts, not failures). Every erasure-coded PUT
# and most GETs wait for it; MinIO itself stays almost silent until it finally marks the drive faulty.

T_BEGIN = ep(2025, 11, 6, 14, 20, 0)
T_END = ep(2025, 11, 6, 14, 48, 0)
T_SLOW = ep(2025, 11, 6, 14, 24, 40, 0)       # drive starts stalling
T_WORSE = ep(2025, 11, 6, 14, 29, 10, 0)
T_OFF = ep(2025, 11, 6, 14, 38, 12, 0)        # MinIO marks /export3 on minio-2 faulty, stops waiting for it
NODE3_SKEW = -133.0                            # stor-node-03 clock is 2m13s behind (chrony lost sync)

PODS = {}
PODIP = {}


def mk(svc, n, rs):
    PODS[svc] = [podname(svc, rs) for _ in range(n)]
    for p in PODS[svc]:
        PODIP[p] = "10.80.%d.%d" % (R.randint(0, 9), R.randint(2, 250))


mk("media-api", 3, "7c8d9b6f5")
mk("imgproxy", 3, "6f9b8c7d5")
mk("thumbnailer", 2, "5d7c9f8b6")
mk("moderation-worker", 1, "6b8f7d5c9")
mk("gallery-web", 2, "7d6c5b9f8")
mk("auth-api", 2, "6c9d5b8f7")
MINIO = ["minio-0", "minio-1", "minio-2", "minio-3"]
S3 = "http://minio.storage.svc.cluster.local:9000"


def drive_delay(t):
    """extra seconds an erasure-coded operation waits for the slow drive"""
    if t < T_SLOW or t >= T_OFF:
        return 0.0
    if t < T_WORSE:
        return lat(0.9 + 2.5 * (t - T_SLOW) / (T_WORSE - T_SLOW), 0.5)
    return lat(8.0, 0.6)


# ------------------------------------------------------------------ formatters
def loguru(pod, t, level, where, msg):
    d = dt(t)
    emit("media-api/%s.log" % pod, t, "%s.%03d | %-8s | %s - %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level, where, msg))


def imgp(pod, t, level, msg):
    emit("imgproxy/%s.log" % pod, t, "%-7s [%s] %s" % (level, iso_s(t), msg))


def l4j(pod, t, level, thread, logger, msg, svcdir="thumbnailer"):
    d = dt(t)
    emit("%s/%s.log" % (svcdir, pod), t, "%s,%03d [%s] %-5s %s - %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, thread, level, logger, msg))


def minio_log(node, t, text):
    emit("minio/%s.log" % node, t, text)


RAY = [0]


def cf(t, method, host, uri, status, origin_status, dur_ms, cache, ctype, bytes_):
    d = {"ClientIP": client_ip(), "ClientRequestHost": host, "ClientRequestMethod": method, "ClientRequestURI": uri,
         "ClientRequestUserAgent": R.choice(UAS), "EdgeStartTimestamp": int(round(t * 1e9)), "EdgeEndTimestamp": int(round((t + dur_ms / 1000.0) * 1e9)),
         "EdgeResponseStatus": status, "EdgeResponseBytes": bytes_, "EdgeResponseContentType": ctype, "CacheCacheStatus": cache,
         "OriginResponseStatus": origin_status, "OriginResponseDurationMs": int(dur_ms * 0.97) if origin_status else 0,
         "EdgeColoCode": R.choice(["FRA", "FRA", "AMS", "CDG", "LHR", "WAW"]), "RayID": hexid(16), "ZoneName": "pixhaven.example"}
    w0 = T_BEGIN + ((t - T_BEGIN) // 300) * 300
    if w0 not in CFH:
        CFH[w0] = hexid(8)
    emit("cloudflare/http_requests/20251106/%s_%s_%s.log.gz" % (dt(w0).strftime("%Y%m%dT%H%M%SZ"), dt(w0 + 300).strftime("%Y%m%dT%H%M%SZ"), CFH[w0]),
         t + dur_ms / 1000.0, json.dumps(d, separators=(",", ":")))


CFH = {}


# Papertrail archive (TSV, hourly, gz): id generated_at received_at source_id source_name source_ip facility severity program message
PT_ID = [1704482231002119000]
SRC = {"stor-node-01": (118201, "10.80.20.11"), "stor-node-02": (118202, "10.80.20.12"), "stor-node-03": (118203, "10.80.20.13"),
       "stor-node-04": (118204, "10.80.20.14"), "app-node-07": (118311, "10.80.21.7"), "app-node-08": (118312, "10.80.21.8")}


def pt(host, t, facility, severity, program, message):
    PT_ID[0] += R.randint(1000, 900000)
    skew = NODE3_SKEW if host == "stor-node-03" else R.uniform(-0.3, 0.3)
    gen = dt(t + skew).strftime("%Y-%m-%d %H:%M:%S")
    rec = dt(t + 0.4 + R.random()).strftime("%Y-%m-%d %H:%M:%S")
    sid, sip = SRC[host]
    emit("papertrail/2025-11-06-14.tsv.gz", t, "\t".join([str(PT_ID[0]), gen, rec, str(sid), host, sip, facility, severity, program, message]))


# ------------------------------------------------------------------ object store operations
def s3_put(t, size_kb):
    base = lat(0.045 + size_kb / 60000.0, 0.35)
    return base + drive_delay(t)


def s3_get(t, size_kb):
    base = lat(0.018 + size_kb / 120000.0, 0.35)
    if R.random() < 0.62:
        base += drive_delay(t) * 0.7
    return base


# ------------------------------------------------------------------ media-api uploads + metadata
UPLOADS = []


def upload(t):
    pod = R.choice(PODS["media-api"])
    mid = "med_" + hexid(12)
    size = R.randint(400, 12000)
    key = "originals/%s/%s/%s.jpg" % (dt(t).strftime("%Y/%m/%d"), hexid(2), mid)
    ms = lat(14, 0.3) + auth(t + 0.002, "media-api")
    ok = False
    for attempt in (1, 2):
        d = s3_put(t + ms / 1000.0, size)
        if d > 10.0:
            ms += 10000.0
            loguru(pod, t + ms / 1000.0, "WARNING", "media_api.storage:put_object:88",
                   "PUT %s/media-originals/%s attempt %d/2 failed: ReadTimeoutError: Read timeout on endpoint URL: \"%s/media-originals/%s\"" % (S3, key, attempt, S3, key))
            continue
        ms += d * 1000.0
        ok = True
        break
    if not ok:
        loguru(pod, t + ms / 1000.0, "ERROR", "media_api.routes.uploads:create_upload:142",
               "upload %s failed after 2 attempts (%.1f MB): storage unavailable\nTraceback (most recent call last):\n"
               "  File \"/app/media_api/routes/uploads.py\", line 131, in create_upload\n    await storage.put_object(key, body, content_type=ct)\n"
               "  File \"/app/media_api/storage.py\", line 91, in put_object\n    await self._client.put_object(Bucket=self.bucket, Key=key, Body=body, ContentType=content_type)\n"
               "  File \"/usr/local/lib/python3.12/site-packages/aiobotocore/client.py\", line 394, in _make_api_call\n    http, parsed_response = await self._make_request(\n"
               "  File \"/usr/local/lib/python3.12/site-packages/aiobotocore/endpoint.py\", line 193, in _do_get_response\n    http_response = await self._send(request)\n"
               "botocore.exceptions.ReadTimeoutError: Read timeout on endpoint URL: \"%s/media-originals/%s\"" % (mid, size / 1024.0, S3, key))
        loguru(pod, t + ms / 1000.0 + 0.0005, "INFO", "uvicorn.access:send:481", "%s:0 - \"POST /v1/uploads HTTP/1.1\" 503" % PODIP[pod])
        return 503, ms
    ms += lat(6, 0.3)
    if ms > 3000:
        loguru(pod, t + ms / 1000.0, "WARNING", "media_api.routes.uploads:create_upload:150", "slow upload %s: %.1f MB stored in %.2fs" % (mid, size / 1024.0, ms / 1000.0))
    loguru(pod, t + ms / 1000.0, "INFO", "media_api.routes.uploads:create_upload:155", "stored %s (%d KB) -> s3://media-originals/%s, enqueued thumbnail job" % (mid, size, key))
    loguru(pod, t + ms / 1000.0 + 0.0005, "INFO", "uvicorn.access:send:481", "%s:0 - \"POST /v1/uploads HTTP/1.1\" 201" % PODIP[pod])
    UPLOADS.append((t + ms / 1000.0, mid, key, size))
    return 201, ms


def media_meta(t):
    pod = R.choice(PODS["media-api"])
    ms = lat(9, 0.35)
    loguru(pod, t + ms / 1000.0, "INFO", "uvicorn.access:send:481", "%s:0 - \"GET /v1/media/med_%s HTTP/1.1\" 200" % (PODIP[R.choice(PODS["gallery-web"])], hexid(12)))
    return 200, ms


def imgproxy(t):
    pod = R.choice(PODS["imgproxy"])
    rid = hexid(10)
    mid = "med_" + hexid(12)
    w = R.choice([160, 320, 640, 1080, 1600])
    path = "/sig/%s/rs:fit:%d:0/plain/s3://media-originals/originals/2025/%02d/%02d/%s/%s.jpg@webp" % (hexid(22), w, R.randint(1, 11), R.randint(1, 28), hexid(2), mid)
    imgp(pod, t, "INFO", "Started %s request_id=%s method=GET client_ip=%s" % (path, rid, client_ip()))
    d = s3_get(t, R.randint(400, 9000)) * 1000.0
    proc = lat(35, 0.4)
    if d > 10000.0:
        ms = 10000.0 + lat(2, 0.3)
        imgp(pod, t + ms / 1000.0, "ERROR", "Completed in %.2fs %s request_id=%s status=504 error=\"Timeout: The image request is timed out\" source=\"s3://media-originals\"" % (ms / 1000.0, path, rid))
        return 504, ms
    ms = d + proc
    lvl = "INFO" if ms < 1000 else "WARNING"
    imgp(pod, t + ms / 1000.0, lvl, "Completed in %s %s request_id=%s status=200" % (("%.2fms" % ms) if ms < 1000 else ("%.3fs" % (ms / 1000.0)), path, rid))
    return 200, ms


def auth(t, caller):
    pod = R.choice(PODS["auth-api"])
    ms = lat(3, 0.3)
    emit("auth-api/%s.log" % pod, t + ms / 1000.0, "time=%s level=info msg=\"token verified\" caller=%s sub=u_%d scope=%s took_ms=%.1f" % (
        iso_ms(t + ms / 1000.0), caller, R.randint(10 ** 5, 10 ** 7), R.choice(["media:write", "media:read", "profile:read"]), ms))
    return ms


def gallery(t, path):
    pod = R.choice(PODS["gallery-web"])
    ms = auth(t + 0.001, "gallery-web")
    st, m = media_meta(t + 0.003)
    ms += m + lat(28, 0.3)
    emit("gallery-web/%s.log" % pod, t + ms / 1000.0, " GET %s 200 in %dms" % (path, ms))
    return 200, ms


def rate(t):
    return 6.0 + 0.8 * math.sin((t - T_BEGIN) / 500.0)


for t in arrivals(T_BEGIN, T_END, rate):
    r = wchoice([("img", 70), ("upload", 9), ("page", 21)])
    if r == "img":
        if R.random() < 0.72:
            cf(t, "GET", "img.pixhaven.example", "/i/%s/w%d.webp" % (hexid(12), R.choice([320, 640, 1080])), 200, 0, lat(3, 0.4), "hit", "image/webp", R.randint(8000, 200000))
        else:
            st, ms = imgproxy(t + 0.015)
            cf(t, "GET", "img.pixhaven.example", "/i/%s/w%d.webp" % (hexid(12), R.choice([320, 640, 1080])), st, st, ms + 16, "miss", "image/webp" if st == 200 else "text/plain", R.randint(8000, 200000) if st == 200 else 52)
    elif r == "upload":
        st, ms = upload(t + 0.02)
        cf(t, "POST", "upload.pixhaven.example", "/v1/uploads", st, st, ms + 22, "dynamic", "application/json", R.randint(200, 400))
    else:
        gp = R.choice(["/", "/explore", "/u/%s" % hexid(6), "/p/med_%s" % hexid(12)])
        st, ms = gallery(t + 0.012, gp)
        cf(t, "GET", "pixhaven.example", gp, 200, 200, ms + 14, "dynamic", "text/html", R.randint(20000, 90000))

# ------------------------------------------------------------------ thumbnailer jobs (3 sizes per upload)
busy_until = {p: T_BEGIN for p in PODS["thumbnailer"]}
for (tu, mid, key, size) in sorted(UPLOADS):
    pod = min(PODS["thumbnailer"], key=lambda p: busy_until[p])
    start = max(tu + 0.2, busy_until[pod])
    th = "pool-2-thread-%d" % R.randint(1, 4)
    lag = start - tu
    if lag > 30:
        l4j(pod, start, "WARN", th, "com.pixhaven.thumb.JobConsumer", "thumbnail queue lag %.0fs (job %s)" % (lag, mid))
    t = start
    g = s3_get(t, size)
    t += g
    ok = True
    if g > 8.0:
        l4j(pod, t, "WARN", th, "com.pixhaven.thumb.S3Store", "slow GET s3://media-originals/%s took %dms" % (key, g * 1000))
    for w in (160, 640, 1600):
        t += lat(0.08, 0.3)
        p_ = s3_put(t, size / 8)
        if p_ > 20.0:
            t += 20.0
            l4j(pod, t, "ERROR", th, "com.pixhaven.thumb.S3Store",
                "PUT s3://media-thumbs/%s/w%d.webp failed: software.amazon.awssdk.core.exception.SdkClientException: Unable to execute HTTP request: Read timed out\n"
                "\tat software.amazon.awssdk.core.exception.SdkClientException$BuilderImpl.build(SdkClientException.java:111)\n"
                "\tat software.amazon.awssdk.core.internal.http.pipeline.stages.utils.RetryableStageHelper.setLastException(RetryableStageHelper.java:223)\n"
                "\tat software.amazon.awssdk.services.s3.DefaultS3Client.putObject(DefaultS3Client.java:10628)\n"
                "\tat com.pixhaven.thumb.S3Store.put(S3Store.java:74)\n"
                "\tat com.pixhaven.thumb.ThumbnailJob.run(ThumbnailJob.java:58)\n"
                "Caused by: java.net.SocketTimeoutException: Read timed out\n"
                "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)\n"
                "\t... 23 more" % (mid, w))
            ok = False
            break
        t += p_
    if ok:
        l4j(pod, t, "INFO", th, "com.pixhaven.thumb.ThumbnailJob", "job %s done: 3 renditions in %dms" % (mid, (t - start) * 1000))
    else:
        l4j(pod, t + 0.001, "WARN", th, "com.pixhaven.thumb.JobConsumer", "job %s failed, requeued (attempt 1/5)" % mid)
    busy_until[pod] = t
for pod in PODS["thumbnailer"]:
    t = T_BEGIN + R.random() * 60
    while t < T_END:
        l4j(pod, t, "INFO", "main", "com.pixhaven.thumb.Health", "heap used=%dMB committed=2048MB, gc(young)=%d, gc(old)=%d" % (R.randint(600, 1500), R.randint(1000, 9000), R.randint(10, 40)))
        if R.random() < 0.25:
            l4j(pod, t + 0.5, "WARN", "G1 Conc#0", "com.pixhaven.thumb.GcWatcher", "GC pause G1 Evacuation Pause took %dms (> 200ms)" % R.randint(210, 420))
        t += 60

# moderation worker: reads originals for ML scan
mp = PODS["moderation-worker"][0]
for (tu, mid, key, size) in sorted(UPLOADS):
    if R.random() < 0.5:
        continue
    t = tu + lat(2.0, 0.4)
    g = s3_get(t, size)
    ext = lat(0.35, 0.3)
    l4j(mp, t + g + ext, "INFO" if g < 5 else "WARN", "worker-%d" % R.randint(1, 3), "c.p.moderation.ScanJob",
        "scanned %s verdict=%s fetch=%dms classify=%dms" % (mid, R.choice(["ok", "ok", "ok", "ok", "review"]), g * 1000, ext * 1000), svcdir="moderation-worker")

# ------------------------------------------------------------------ minio: nearly silent
DEP = "b1f0c9d2-4e7a-4a61-9d1e-7c3f2a8b5e60"
for node in MINIO:
    minio_log(node, T_BEGIN + 2 + R.random() * 10, "You are running an older version of MinIO released 1 year before the latest release \nUpdate: Run `mc admin update ALIAS`")
for k in range(3):
    tt = ep(2025, 11, 6, 14, 33, 0) + k * 97.0
    minio_log("minio-2", tt, "\nAPI: PutObject(bucket=media-originals, object=originals/2025/11/06/%s/med_%s.jpg)\nTime: %s UTC %s\nDeploymentID: %s\nRequestID: %s\nRemoteHost: %s\nHost: minio.storage.svc.cluster.local:9000\nUserAgent: aiobotocore/2.13.1 md/Botocore#1.34.131 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.12.7\nError: Resource requested is unreadable, please reduce your request rate (cmd.StorageErr)\n       3: internal/logger/logger.go:268:logger.LogIf()\n       2: cmd/api-errors.go:2387:cmd.toAPIErrorCode()\n       1: cmd/object-handlers.go:2006:cmd.objectAPIHandlers.PutObjectHandler()" % (
        hexid(2), hexid(12), dt(tt).strftime("%H:%M:%S"), dt(tt).strftime("%m/%d/%Y"), DEP, hexid(16).upper(), PODIP[R.choice(PODS["media-api"])]))
minio_log("minio-2", T_OFF, "\nAPI: SYSTEM.storage\nTime: %s UTC %s\nDeploymentID: %s\nError: drive:/export3 is taking longer than expected (30.02s) to respond to diskinfo, marking it faulty (*errors.errorString)\n       6: internal/logger/logger.go:268:logger.LogIf()\n       5: cmd/xl-storage-disk-id-check.go:981:cmd.(*xlStorageDiskIDCheck).monitorDiskStatus()" % (
    dt(T_OFF).strftime("%H:%M:%S"), dt(T_OFF).strftime("%m/%d/%Y"), DEP))
minio_log("minio-2", T_OFF + 0.4, "Drive http://minio-2.minio.storage.svc.cluster.local:9000/export3 is offline")
for node in ("minio-0", "minio-1", "minio-3"):
    minio_log(node, T_OFF + 1.2 + R.random(), "Drive http://minio-2.minio.storage.svc.cluster.local:9000/export3 is offline")
minio_log("minio-0", T_OFF + 300.5, "Healing drive '/export3' on 'minio-2.minio.storage.svc.cluster.local:9000' skipped: drive still not responding")

# ------------------------------------------------------------------ host syslog via Papertrail
for host in SRC:
    t = T_BEGIN + R.random() * 60
    while t < T_END:
        pt(host, t, "daemon", "Informational", "kubelet", 'I1106 %s    1923 kubelet_volumes.go:160] "Cleaned up orphaned pod volumes dir" podUID="%s" path="/var/lib/kubelet/pods/%s/volumes"' % (
            dt(t).strftime("%H:%M:%S.%f"), uuidish(), uuidish()) if R.random() < 0.2 else
           'I1106 %s    1923 log.go:245] http: TLS handshake error from 10.80.%d.%d:%d: EOF' % (dt(t).strftime("%H:%M:%S.%f"), R.randint(0, 9), R.randint(2, 250), R.randint(30000, 60000)))
        t += lat(75, 0.5)
    t = T_BEGIN + R.random() * 300
    while t < T_END:
        pt(host, t, "daemon", "Informational", "chronyd", "Selected source 10.80.0.2 (ntp1.pixhaven.internal)" if host != "stor-node-03" else "Can't synchronise: no selectable sources")
        t += 600
# pre-existing: hot drive on stor-node-01 (temperature only, no I/O errors)
t = T_BEGIN + 140
while t < T_END:
    pt("stor-node-01", t, "daemon", "Critical", "smartd[1188]", "Device: /dev/nvme1, Temperature 72 Celsius reached critical limit of 70 Celsius (Min/Max 31/74)")
    t += 600
# the real one: nvme3 on stor-node-03 (minio-2's /export3)
t = T_SLOW + 11.0
k = 0
while t < T_OFF + 20:
    q = R.randint(1, 16)
    pt("stor-node-03", t, "kern", "Warning", "kernel", "[%d.%06d] nvme nvme3: I/O %d (Write) QID %d timeout, aborting" % (int(t - 1762300000), R.randint(0, 999999), R.randint(1, 1023), q))
    pt("stor-node-03", t + 0.002, "kern", "Warning", "kernel", "[%d.%06d] nvme nvme3: Abort status: 0x0" % (int(t - 1762300000), R.randint(0, 999999)))
    if k % 4 == 3:
        pt("stor-node-03", t + 0.5, "kern", "Error", "kernel", "[%d.%06d] INFO: task minio:%d blocked for more than 120 seconds." % (int(t - 1762300000), R.randint(0, 999999), R.randint(20000, 40000)))
        pt("stor-node-03", t + 0.501, "kern", "Error", "kernel", "[%d.%06d]       Not tainted 6.1.0-26-amd64 #1 Debian 6.1.112-1" % (int(t - 1762300000), R.randint(0, 999999)))
    k += 1
    t += lat(25 if t < T_WORSE else 9, 0.4)
pt("stor-node-03", T_SLOW + 300, "daemon", "Warning", "smartd[1201]", "Device: /dev/nvme3, number of Error Log entries increased from 211 to 248")
pt("stor-node-03", T_OFF - 200, "daemon", "Warning", "smartd[1201]", "Device: /dev/nvme3, number of Error Log entries increased from 248 to 391")

n = write_all()
print("e08 lines:", n)
