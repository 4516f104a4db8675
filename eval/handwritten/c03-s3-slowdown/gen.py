#!/usr/bin/env python3
"""c03: Amazon S3 503 SlowDown throttling on a hot prefix of the media bucket (silent root: S3 writes no logs here).
CloudWatch-exported API Gateway access logs + Lambda (Node.js, Python) logs as gzip, Rust tracing (media-api),
Go slog text (catalog-service, moderation-worker). Deterministic: fixed seed, gzip mtime=0."""
import datetime as dt, json, os, random, shutil, itertools, gzip, math, uuid

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "logs")
R = random.Random(3303)
BASE = dt.datetime(2026, 11, 4, 7, 30, 0, tzinfo=dt.timezone.utc)
END = 1680.0
SEQ = itertools.count()
FILES = {}
def T(s): return BASE + dt.timedelta(microseconds=int(round(s * 1e6)))
def ms(s): t = T(s); return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
def us(s): t = T(s); return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % t.microsecond
def emit(f, s, text): FILES.setdefault(f, []).append((s, next(SEQ), text))
def hexid(n): return "".join(R.choice("0123456789abcdef") for _ in range(n))
def uid(): return str(uuid.UUID(int=R.getrandbits(128), version=4))
def j(d): return json.dumps(d, separators=(",", ":"))
def xray(s): return "1-%08x-%s" % (int(T(s).timestamp()), hexid(24))

BUCKET = "media-assets-prod"
S3HOST = f"{BUCKET}.s3.eu-west-1.amazonaws.com"
T0 = 847.6   # 07:44:07.6 first SlowDown
def p_throttle(s, op):
    if s < T0: return 0.0
    if s < T0 + 70: p = 0.62 * (s - T0) / 70
    elif s < 1290: p = 0.62
    elif s < 1570: p = 0.62 * (1570 - s) / 280
    else: p = 0.0
    return p if op == "PUT" else p * 0.45
def s3lat(s, op):
    base = R.uniform(0.018, 0.06) if op == "GET" else R.uniform(0.03, 0.09)
    if p_throttle(s, op) > 0: base *= R.uniform(1.5, 6)
    return base
def s3_reqid(): return "".join(R.choice("0123456789ABCDEF") for _ in range(16))
def s3_hostid(): return "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(76))

def s3_call(s, op, attempts, delays):
    """simulate SDK retries. returns (ok, t_end, n_attempts, total_retry_delay, last_reqid)"""
    t = s; delay_total = 0.0
    for a in range(1, attempts + 1):
        t += s3lat(t, op)
        if R.random() >= p_throttle(t, op):
            return True, t, a, delay_total, s3_reqid()
        if a == attempts:
            return False, t, a, delay_total, s3_reqid()
        d = delays(a); delay_total += d; t += d
    raise AssertionError

def js_delay(a): return R.uniform(0, min(20.0, 0.5 * 2 ** a))          # aws-sdk-js v3 standard, throttling base 500ms
def boto_delay(a): return R.random() * (2 ** (a - 1))                    # botocore legacy: rand * 2^n (base=rand)
def rust_delay(a): return R.uniform(0, min(20.0, 1.0 * 2 ** (a - 1)))   # smithy standard, initial backoff 1s

# ---------------------------------------------------------------- writers
def cw(group, s, msg): emit(f"cloudwatch/{group}/000000.gz", s, f"{ms(s)} {msg}")
def apigw(s_start, dur, route, path, method, status, xr, integ_reqid, integ_status, integ_err="-", integ_lat=None):
    s = s_start + dur
    d = {"requestId": "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(14)) + "=",
         "ip": f"{R.randint(31, 213)}.{R.randint(0,255)}.{R.randint(0,255)}.{R.randint(1,254)}", "requestTime": T(s_start).strftime("%d/%b/%Y:%H:%M:%S +0000"),
         "requestTimeEpoch": int(T(s_start).timestamp() * 1000), "httpMethod": method, "routeKey": route, "path": path, "status": str(status),
         "protocol": "HTTP/1.1", "responseLength": str(R.randint(60, 900) if status < 400 else R.randint(30, 80)),
         "integrationLatency": str(int((integ_lat if integ_lat is not None else dur - 0.004) * 1000)), "integrationStatus": str(integ_status),
         "integrationErrorMessage": integ_err, "integrationRequestId": integ_reqid, "xrayTraceId": xr, "userAgent": R.choice(UAS)}
    cw("api-gateway", s, j(d))
UAS = ["MediaApp/5.3.1 (iPhone; iOS 19.1; Scale/3.00)", "MediaApp/5.3.0 (Android 15; Pixel 9)", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/141.0.0.0"]

def lam_node(s, reqid, level, msg): cw("upload-api", s, f"{ms(s)}\t{reqid}\t{level}\t{msg}")
def lam_py(s, reqid, level, msg): cw("thumbnail-worker", s, f"[{level}]\t{ms(s)}\t{reqid}\t{msg}")
def lam_start(group, s, reqid, ver): cw(group, s, f"START RequestId: {reqid} Version: {ver}")
def lam_end(group, s_start, s_end, reqid, mem, maxmem, init=None, status=None):
    cw(group, s_end, f"END RequestId: {reqid}")
    dur = (s_end - s_start) * 1000
    extra = (f"\tInit Duration: {init:.2f} ms" if init else "") + (f"\tStatus: {status}" if status else "")
    cw(group, s_end + 0.0005, f"REPORT RequestId: {reqid}\tDuration: {dur:.2f} ms\tBilled Duration: {math.ceil(dur)} ms\tMemory Size: {mem} MB\tMax Memory Used: {maxmem} MB{extra}\t")

def rust(s, level, span, target, msg, **kv):
    kvs = " ".join(f"{k}={v}" for k, v in kv.items())
    emit("ecs/media-api.log.gz", s, f"{us(s)} {level:>5} {span}: {target}: {msg}" + (" " + kvs if kvs else ""))
def slogt(f, s, level, msg, **kv):
    parts = [f"time={ms(s)}", f"level={level}", "msg=" + (f'"{msg}"' if " " in msg else msg)]
    for k, v in kv.items():
        v = str(v)
        parts.append(f"{k}=" + (json.dumps(v) if (" " in v or '"' in v or "=" in v) else v))
    emit(f, s, " ".join(parts))

# ---------------------------------------------------------------- upload-api (Lambda, Node.js 20)
warm = {}
UPLOAD_VER = "57"
uploaded = []
t = 0.0
while t < END:
    t += R.expovariate(0.62)
    if t >= END: break
    xr = xray(t); reqid = uid()
    s0 = t + R.uniform(0.006, 0.015)
    init = None
    if R.random() < 0.03:
        init = R.uniform(380, 620); s0 += init / 1000
    lam_start("upload-api", s0, reqid, UPLOAD_VER)
    media_id = hexid(20)
    key = f"uploads/2026/11/04/{media_id}.jpg"
    dest = f"originals/2026/11/04/{media_id}.jpg"
    lam_node(s0 + 0.002, reqid, "INFO", f'completing upload {j({"mediaId": media_id, "source": f"s3://{BUCKET}/{key}", "xrayTraceId": xr})}')
    # HeadObject then CopyObject (PUT) then DeleteObject
    okh, th, nh, dh, rh = s3_call(s0 + 0.003, "GET", 3, js_delay)
    ok = okh; tt = th; op = "HeadObject"; n = nh; dl = dh; rid3 = rh
    if okh:
        okc, tc, nc, dc, rc = s3_call(th + 0.001, "PUT", 3, js_delay)
        ok = okc; tt = tc; op = "CopyObject"; n = nc; dl = dc; rid3 = rc
    timeout_at = s0 + 3.0
    if tt > timeout_at:
        cw("upload-api", timeout_at + 0.001, f"{ms(timeout_at + 0.001)} {reqid} Task timed out after 3.00 seconds")
        lam_end("upload-api", s0, timeout_at + R.uniform(0.002, 0.005), reqid, 512, R.randint(140, 180), init, status="timeout")
        apigw(t, timeout_at + 0.02 - t, "POST /v1/media/{id}/complete", f"/v1/media/{media_id}/complete", "POST", 500, xr, reqid, 200,
              "The Lambda function returned the following error: Task timed out after 3.00 seconds", integ_lat=timeout_at + 0.015 - t)
        continue
    if ok:
        lam_node(tt + 0.002, reqid, "INFO", f'upload completed {j({"mediaId": media_id, "key": dest, "bytes": R.randint(180000, 9000000), "s3Attempts": n, "durationMs": int((tt - s0) * 1000)})}')
        lam_end("upload-api", s0, tt + 0.004, reqid, 512, R.randint(120, 175), init)
        apigw(t, tt + 0.012 - t, "POST /v1/media/{id}/complete", f"/v1/media/{media_id}/complete", "POST", 200, xr, reqid, 200)
        uploaded.append((tt, media_id))
    else:
        err = {"name": "SlowDown", "$fault": "server", "$metadata": {"httpStatusCode": 503, "requestId": rid3, "extendedRequestId": s3_hostid(),
               "attempts": n, "totalRetryDelay": int(dl * 1000)}, "Code": "SlowDown", "message": "Please reduce your request rate.",
               "operation": op, "bucket": BUCKET, "endpoint": f"https://{S3HOST}"}
        lam_node(tt + 0.002, reqid, "ERROR", f'complete upload failed {j(err)}')
        lam_end("upload-api", s0, tt + 0.005, reqid, 512, R.randint(120, 175), init)
        apigw(t, tt + 0.013 - t, "POST /v1/media/{id}/complete", f"/v1/media/{media_id}/complete", "POST", 503, xr, reqid, 503)

# presign requests (no S3 call; pure signing) -> unaffected
t = 0.0
while t < END:
    t += R.expovariate(0.5)
    if t >= END: break
    xr = xray(t); reqid = uid(); s0 = t + R.uniform(0.006, 0.015)
    lam_start("upload-api", s0, reqid, UPLOAD_VER)
    mid = hexid(20)
    lam_node(s0 + 0.004, reqid, "INFO", f'presigned upload url issued {j({"mediaId": mid, "key": f"uploads/2026/11/04/{mid}.jpg", "expiresIn": 900})}')
    pe = R.uniform(0.005, 0.011)
    lam_end("upload-api", s0, s0 + pe, reqid, 512, R.randint(110, 150))
    apigw(t, pe + 0.005 + (s0 - t), "POST /v1/media", "/v1/media", "POST", 201, xr, reqid, 200)

# ---------------------------------------------------------------- thumbnail-worker (Lambda, Python 3.12, SQS batch of S3 events)
queue = sorted(uploaded)
pending = [(tt + R.uniform(0.8, 2.5), mid, 0) for (tt, mid) in queue]
pending.sort()
THUMB_VER = "112"
inv_t = 0.0
while pending:
    batch_t, _, _ = pending[0]
    batch = [p for p in pending if p[0] <= batch_t + 1.0][:5]
    for b in batch: pending.remove(b)
    reqid = uid(); s0 = batch_t + 1.0 + R.uniform(0.02, 0.2)
    if s0 > END: break
    lam_start("thumbnail-worker", s0, reqid, THUMB_VER)
    lam_py(s0 + 0.001, reqid, "INFO", f"processing batch size={len(batch)}")
    t = s0 + 0.002; failed = []
    for (bt, mid, tries) in batch:
        okg, tg, ng, dg, rg = s3_call(t, "GET", 5, boto_delay)
        t = tg + R.uniform(0.15, 0.45)   # resize
        if not okg:
            lam_py(t, reqid, "ERROR", f"thumbnail generation failed media_id={mid} key=originals/2026/11/04/{mid}.jpg: An error occurred (SlowDown) when calling the GetObject operation (reached max retries: 4): Please reduce your request rate.")
            failed.append((bt, mid, tries)); continue
        bad = False
        for size in ("320", "640", "1280"):
            okp, tp, np_, dp, rp = s3_call(t, "PUT", 5, boto_delay)
            t = tp
            if not okp:
                lam_py(t, reqid, "ERROR", f"thumbnail generation failed media_id={mid} key=thumbnails/{size}/2026/11/04/{mid}.webp: An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.")
                bad = True; break
        if bad: failed.append((bt, mid, tries)); continue
        lam_py(t + 0.001, reqid, "INFO", f"thumbnails written media_id={mid} sizes=320,640,1280 elapsed_ms={int((t - s0) * 1000)}")
    if failed:
        lam_py(t + 0.002, reqid, "WARNING", f"batch partially failed, returning batchItemFailures count={len(failed)} of {len(batch)}")
        for (bt, mid, tries) in failed:
            if tries < 4:
                pending.append((t + 60.0 + R.uniform(0, 2), mid, tries + 1))   # SQS visibility timeout 60s
            else:
                lam_py(t + 0.003, reqid, "ERROR", f"giving up on media_id={mid} after {tries + 1} receives; message will move to DLQ thumbnail-events-dlq")
        pending.sort()
    lam_end("thumbnail-worker", s0, t + 0.004, reqid, 1536, R.randint(380, 610))

# ---------------------------------------------------------------- media-api (Rust, ECS) GET /v1/media/{id}
TASKS = ["ip-10-30-11-84", "ip-10-30-12-19", "ip-10-30-13-201"]
t = 0.0
while t < END:
    t += R.expovariate(1.25)
    if t >= END: break
    xr = xray(t); mid = hexid(20); size = R.choice(["320", "640", "1280", "orig"])
    key = f"thumbnails/{size}/2026/10/{R.randint(10,31)}/{mid}.webp" if size != "orig" else f"originals/2026/10/{R.randint(10,31)}/{mid}.jpg"
    span = f'request{{method=GET uri=/v1/media/{mid}/{size} trace_id={xr} task={R.choice(TASKS)}}}'
    s0 = t + 0.004
    ok, te, n, dl, rid3 = s3_call(s0, "GET", 3, rust_delay)
    if n > 1 and ok:
        rust(te + 0.0005, "WARN", span, "media_api::store", "s3 GetObject succeeded after retries", bucket=BUCKET, attempts=n, elapsed_ms=int((te - s0) * 1000))
    if ok:
        rust(te + 0.001, "INFO", span, "tower_http::trace::on_response", "finished processing request", latency=f"{int((te - s0) * 1000 + 1)} ms", status=200)
        apigw(t, te + 0.006 - t, "GET /v1/media/{id}/{size}", f"/v1/media/{mid}/{size}", "GET", 200, xr, "-", 200)
    else:
        rust(te + 0.0005, "ERROR", span, "media_api::store", "s3 GetObject failed",
             error=f'"service error: unhandled error (SlowDown): Please reduce your request rate. (status 503, request id {rid3})"', bucket=BUCKET, key=key, attempts=n,
             endpoint=f"https://{S3HOST}")
        rust(te + 0.001, "ERROR", span, "tower_http::trace::on_failure", "response failed", classification='"Status code: 503 Service Unavailable"', latency=f"{int((te - s0) * 1000 + 1)} ms")
        apigw(t, te + 0.006 - t, "GET /v1/media/{id}/{size}", f"/v1/media/{mid}/{size}", "GET", 503, xr, "-", 503)
# media-api health checks from the ALB target group (span-less)
for task in TASKS:
    s = R.uniform(0, 15)
    while s < END:
        rust(s, "DEBUG", f"request{{method=GET uri=/healthz trace_id=- task={task}}}", "tower_http::trace::on_response", "finished processing request", latency="0 ms", status=200)
        s += 15.0

# ---------------------------------------------------------------- catalog-service (Go slog text, DynamoDB) unaffected; pre-existing DynamoDB throttling
CATF = "ecs/catalog-service.log"
t = 0.0
while t < END:
    t += R.expovariate(1.1)
    if t >= END: break
    xr = xray(t); d = R.uniform(0.008, 0.04)
    path = R.choice(["/v1/albums", f"/v1/albums/{hexid(12)}", "/v1/feed?cursor=" + hexid(10), f"/v1/users/{R.randint(10**6, 10**7)}/albums"])
    slogt(CATF, t + d, "INFO", "request served", method="GET", path=path, status=200, duration_ms=round(d * 1000, 1), trace_id=xr)
    apigw(t, d + 0.005, "GET /v1/{proxy+}", path, "GET", 200, xr, "-", 200)
s = R.uniform(5, 30)
while s < END:
    slogt(CATF, s, "WARN", "dynamodb throttled, retrying", table="album-views", operation="UpdateItem",
          error="operation error DynamoDB: UpdateItem, exceeded maximum number of attempts, 3, https response error StatusCode: 400, RequestID: " + "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(52)) + ", ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.")
    if R.random() < 0.5:
        slogt(CATF, s + 0.002, "ERROR", "view counter update dropped", table="album-views", album_id=hexid(12))
    s += R.uniform(15, 45)

# ---------------------------------------------------------------- moderation-worker (Go slog text, SQS consumer; HeadObject + GetObjectTagging)
MODF = "ecs/moderation-worker.log"
for (tt, mid) in sorted(uploaded):
    s = tt + R.uniform(0.5, 3.0)
    ok, te, n, dl, rid3 = s3_call(s, "GET", 3, lambda a: R.uniform(0, min(20, 0.1 * 2 ** a)))   # aws-sdk-go-v2 standard
    if ok:
        slogt(MODF, te + 0.2, "INFO", "moderation verdict", media_id=mid, verdict=R.choice(["approved"] * 30 + ["review"]), labels=R.randint(0, 6),
              duration_ms=int((te + 0.2 - s) * 1000))
    else:
        slogt(MODF, te, "ERROR", "moderation failed, message will be retried", media_id=mid,
              error=f"operation error S3: HeadObject, exceeded maximum number of attempts, 3, https response error StatusCode: 503, RequestID: {rid3}, HostID: {s3_hostid()}, api error SlowDown: Please reduce your request rate.",
              queue="media-moderation")
s = R.uniform(0, 20)
while s < END:
    slogt(MODF, s, "DEBUG", "sqs receive", queue="media-moderation", messages=0 if R.random() < 0.3 else R.randint(1, 4), wait_seconds=20)
    s += R.uniform(18, 22)

# ---------------------------------------------------------------- write (gzip for *.gz, mtime=0, no filename)
if os.path.isdir(OUT): shutil.rmtree(OUT)
total = 0
for f, rows in sorted(FILES.items()):
    rows.sort(key=lambda r: (r[0], r[1]))
    body = "".join(r[2] + "\n" for r in rows if r[0] <= END + 8).encode()
    total += body.count(b"\n")
    p = os.path.join(OUT, f); os.makedirs(os.path.dirname(p), exist_ok=True)
    if f.endswith(".gz"):
        with open(p, "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz: gz.write(body)
    else:
        with open(p, "wb") as fh: fh.write(body)
print(OUT, total)
