#!/usr/bin/env python3
"""k07: a terraform apply at 10:21:37 sets reserved concurrency of the image-resize Lambda
to 2 (was 50; a variable typo). upload-api (ECS, Python/boto3) invokes it synchronously for
every upload; most invocations are now throttled (TooManyRequestsException / Rate Exceeded)
and upload-api returns 503 to API Gateway. Throttled invocations leave no trace in the
Lambda's own log group: image-resize keeps printing normal START/END/REPORT lines, just
fewer of them. CloudTrail shows the PutFunctionConcurrency call among routine events.
Red herrings: gallery-api ECS deploy at 10:18 (UpdateService, startup errors), gallery-api
DynamoDB throttling warnings all along, mobile client retries.
Python 3 standard library only; fixed seed; rewrites logs/ beside itself."""
import json
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

SLUG = "k07-lambda-reserved-concurrency"
OUT = Path(__file__).resolve().parent / "logs"
rng = random.Random(70407)
UTC = timezone.utc
BASE = datetime(2026, 4, 7, 9, 50, 0, tzinfo=UTC)
END = 55 * 60.0
FILES = {}
SEQ = [0]
ACCOUNT = "123456789012"


def emit(name, t, text):
    SEQ[0] += 1
    FILES.setdefault(name, []).append((t, SEQ[0], text))


def dt(t):
    return BASE + timedelta(seconds=t)


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def cw_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d000+00:00" % (d.microsecond // 1000)


def epoch_ms(t):
    return int(round(dt(t).timestamp() * 1000))


def hexid(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


CONC_CHANGE = 31 * 60 + 37.0          # 10:21:37
GALLERY_DEPLOY = 28 * 60 + 5.0        # 10:18:05
LIMIT_BEFORE = 50
LIMIT_AFTER = 2

UPLOAD_TASKS = ["3f9c2b1e8d7a4c6b9e0f1a2b3c4d5e6f", "8a1d7c3e5b9f4e2a8c6d0b1f3e5a7c9d"]
GALLERY_OLD = ["c41e8a2d7b5f4d3c9e1a6b8f0d2c4e6a"]
GALLERY_NEW = ["5e7a9c1b3d4f4a6e8c0b2d4f6a8c0e1b"]
LAMBDA_STREAMS = []
INFLIGHT = []          # (start, end, stream)
STREAM_FREE = {}       # stream -> free at


# ------------------------------------------------------------------ writers
def ecs(service, task, t, text):
    # awslogs driver without multiline pattern: every stdout line is its own event
    for i, line in enumerate(text.split("\n")):
        emit("%s/aws-logs-tail_ecs_%s.txt" % (service, service), t + i * 1e-6, "%s ecs/%s/%s %s" % (cw_ts(t), service, task, line))


def lam(stream, t, text):
    emit("image-resize/aws-logs-tail_aws_lambda_image-resize.txt", t, "%s %s %s" % (cw_ts(t), stream, text))


APIGW_EVENTS = []


def apigw(t, rec):
    APIGW_EVENTS.append((t, rec))


CT = []


def cloudtrail(t, source, name, params, response=None, role="terraform-ci", session=None, ua=None, readonly=False, ip="20.61.114.92", resources=None):
    session = session or "gha-%d" % rng.randint(8000000000, 8999999999)
    rec = {"eventVersion": "1.09",
           "userIdentity": {"type": "AssumedRole", "principalId": "AROA4ZQ7XK2M3N5P6R7S8:%s" % session,
                            "arn": "arn:aws:sts::%s:assumed-role/%s/%s" % (ACCOUNT, role, session), "accountId": ACCOUNT,
                            "accessKeyId": "ASIA4ZQ7XK2M%s" % "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(8)),
                            "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROA4ZQ7XK2M3N5P6R7S8", "arn": "arn:aws:iam::%s:role/%s" % (ACCOUNT, role),
                                                                 "accountId": ACCOUNT, "userName": role},
                                               "attributes": {"creationDate": dt(t - 300).strftime("%Y-%m-%dT%H:%M:%SZ"), "mfaAuthenticated": "false"}}},
           "eventTime": dt(t).strftime("%Y-%m-%dT%H:%M:%SZ"), "eventSource": source, "eventName": name, "awsRegion": "eu-west-1",
           "sourceIPAddress": ip, "userAgent": ua or "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.44.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.1 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/lambda#1.53.2",
           "requestParameters": params, "responseElements": response, "requestID": uuid4(), "eventID": uuid4(), "readOnly": readonly,
           "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": ACCOUNT, "eventCategory": "Management",
           "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader": "%s.eu-west-1.amazonaws.com" % source.split(".")[0]}}
    if resources:
        rec["resources"] = resources
    CT.append((t, rec))


# ------------------------------------------------------------------ lambda model
def lambda_limit(t):
    return LIMIT_BEFORE if t < CONC_CHANGE else LIMIT_AFTER


def try_invoke(t, upload_id, size_mb):
    """Returns (ok, duration) -- records lambda logs when it runs."""
    global INFLIGHT
    INFLIGHT = [x for x in INFLIGHT if x[1] > t]
    if len(INFLIGHT) >= lambda_limit(t):
        return False, 0.0
    # pick a warm execution environment or cold start a new one
    stream = None
    for s in LAMBDA_STREAMS:
        if STREAM_FREE[s] <= t:
            stream = s
            break
    cold = False
    if stream is None:
        stream = "2026/04/07/[$LATEST]%s" % hexid(32)
        LAMBDA_STREAMS.append(stream)
        cold = True
    rid = uuid4()
    init = rng.uniform(780, 1150) if cold else 0
    dur = rng.uniform(900, 1400) + size_mb * rng.uniform(280, 420)
    cur = t + 0.02
    if cold:
        lam(stream, cur, "INIT_START Runtime Version: python:3.12.v38\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:4b0a7c9e2d8f1a3b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b")
        cur += init / 1000
    lam(stream, cur, "START RequestId: %s Version: $LATEST" % rid)
    lam(stream, cur + 0.004, "[INFO]\t%s\t%s\tresizing s3://shop-uploads-prod/originals/%s.jpg (%.1f MB) -> [1600, 800, 400, 160]" % (iso_ms(cur + 0.004), rid, upload_id, size_mb))
    if rng.random() < 0.04:
        lam(stream, cur + 0.2, "[WARNING]\t%s\t%s\tEXIF orientation tag missing for %s, assuming 1" % (iso_ms(cur + 0.2), rid, upload_id))
    end = cur + dur / 1000
    lam(stream, end - 0.003, "[INFO]\t%s\t%s\twrote 4 renditions to s3://shop-uploads-prod/renditions/%s/ in %d ms" % (iso_ms(end - 0.003), rid, upload_id, int(dur) - 12))
    lam(stream, end, "END RequestId: %s" % rid)
    mem = rng.randint(290, 420)
    rep = "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: 1024 MB\tMax Memory Used: %d MB" % (rid, dur, int(dur) + 1, mem)
    if cold:
        rep += "\tInit Duration: %.2f ms" % init
    lam(stream, end + 0.0005, rep)
    STREAM_FREE[stream] = end + 0.001
    INFLIGHT.append((t, end + 0.001, stream))
    return True, end + 0.01 - t


THROTTLE_TB = """Traceback (most recent call last):
  File "/app/upload_api/thumbnails.py", line 58, in generate
    resp = self._lambda.invoke(
           ^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 565, in _api_call
    return self._make_api_call(operation_name, kwargs)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 1021, in _make_api_call
    raise error_class(parsed_response, operation_name)
botocore.errorfactory.TooManyRequestsException: An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 2): Rate Exceeded."""


def upload_request(t, client, ua, attempt_of=None):
    task = rng.choice(UPLOAD_TASKS)
    uid = "u_" + hexid(16)
    size = rng.uniform(0.8, 6.5)
    cur = t + rng.uniform(0.08, 0.3)   # S3 PutObject of the original
    ok = False
    for a in range(3):
        ok, d = try_invoke(cur, uid, size)
        if ok:
            cur += d
            break
        cur += rng.uniform(0.03, 0.08) + (0.05 * 2 ** a) * rng.uniform(0.5, 1.0)
    if ok:
        status = 201
        ecs("upload-api", task, cur, "INFO:     10.0.%d.%d:%d - \"POST /v1/uploads HTTP/1.1\" 201 Created" % (rng.choice([1, 2]), rng.randint(10, 250), rng.randint(30000, 60000)))
    else:
        status = 503
        ecs("upload-api", task, cur, "%s ERROR upload_api.thumbnails: thumbnail generation failed for upload %s (function=image-resize): An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 2): Rate Exceeded." % (
            dt(cur).strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (dt(cur).microsecond // 1000), uid))
        ecs("upload-api", task, cur + 0.0001, THROTTLE_TB)
        ecs("upload-api", task, cur + 0.0005, "INFO:     10.0.%d.%d:%d - \"POST /v1/uploads HTTP/1.1\" 503 Service Unavailable" % (rng.choice([1, 2]), rng.randint(10, 250), rng.randint(30000, 60000)))
    lat = int((cur - t) * 1000)
    apigw(t, {"requestId": "%s=" % "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(15)),
              "ip": client, "requestTime": dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000"), "httpMethod": "POST", "routeKey": "POST /v1/uploads",
              "status": str(status), "protocol": "HTTP/1.1", "responseLength": str(212 if status == 201 else 58), "integrationLatency": str(lat),
              "integrationStatus": str(status), "integrationErrorMessage": "-", "path": "/v1/uploads", "userAgent": ua})
    return status


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    clients = ["%d.%d.%d.%d" % (rng.choice([2, 31, 78, 86, 109, 176, 185]), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254)) for _ in range(400)]
    uas = ["PhotoShare/6.3.1 (iPhone; iOS 17.4.1)", "PhotoShare/6.3.0 (Android 14; Pixel 7a)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36"]
    t = 0.0
    while t < END:
        t += rng.expovariate(1.35)
        if t >= END:
            break
        c = rng.choice(clients)
        ua = rng.choice(uas)
        r = rng.random()
        if r < 0.42:
            st = upload_request(t, c, ua)
            if st == 503 and ua.startswith("PhotoShare"):
                tt = t
                for k in range(2):
                    tt += rng.uniform(2.0, 5.0) * (k + 1)
                    if upload_request(tt, c, ua) != 503:
                        break
        elif r < 0.62:
            task = rng.choice(UPLOAD_TASKS)
            uid = "u_" + hexid(16)
            lat = rng.uniform(0.008, 0.04)
            ecs("upload-api", task, t + lat, "INFO:     10.0.%d.%d:%d - \"GET /v1/uploads/%s HTTP/1.1\" 200 OK" % (rng.choice([1, 2]), rng.randint(10, 250), rng.randint(30000, 60000), uid))
            apigw(t, {"requestId": "%s=" % hexid(15), "ip": c, "requestTime": dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000"), "httpMethod": "GET",
                      "routeKey": "GET /v1/uploads/{id}", "status": "200", "protocol": "HTTP/1.1", "responseLength": str(rng.randint(400, 1200)),
                      "integrationLatency": str(int(lat * 1000)), "integrationStatus": "200", "integrationErrorMessage": "-", "path": "/v1/uploads/%s" % uid, "userAgent": ua})
        else:
            tasks = GALLERY_OLD if t < GALLERY_DEPLOY + 70 else GALLERY_NEW
            task = rng.choice(tasks)
            lat = rng.uniform(0.02, 0.12)
            st = 200
            if GALLERY_DEPLOY + 50 <= t < GALLERY_DEPLOY + 72 and rng.random() < 0.35:
                st = 502
            elif rng.random() < 0.015:
                st = 500
                rec = {"time": iso_ms(t + lat), "level": "WARN", "msg": "dynamodb query throttled, serving cached page", "table": "gallery-items",
                       "error": "operation error DynamoDB: Query, exceeded maximum number of attempts, 3, https response error StatusCode: 400, RequestID: %s, ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API." % "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUV0123456789") for _ in range(52))}
                ecs("gallery-api", task, t + lat, json.dumps(rec, separators=(",", ":")))
                st = 200
            if st != 502:
                rec = {"time": iso_ms(t + lat), "level": "INFO", "msg": "request", "method": "GET", "path": "/v1/gallery", "status": st, "duration_ms": round(lat * 1000, 1)}
                ecs("gallery-api", task, t + lat, json.dumps(rec, separators=(",", ":")))
            apigw(t, {"requestId": "%s=" % hexid(15), "ip": c, "requestTime": dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000"), "httpMethod": "GET",
                      "routeKey": "GET /v1/gallery", "status": str(st), "protocol": "HTTP/1.1", "responseLength": str(rng.randint(3000, 30000) if st == 200 else 35),
                      "integrationLatency": str(int(lat * 1000)) if st == 200 else "3", "integrationStatus": str(st) if st == 200 else "-",
                      "integrationErrorMessage": "-" if st == 200 else "Network error communicating with endpoint", "path": "/v1/gallery", "userAgent": ua})

    # ---------------- upload-api background
    for task in UPLOAD_TASKS:
        t = rng.uniform(0, 30)
        while t < END:
            ecs("upload-api", task, t, "INFO:     10.0.0.%d:%d - \"GET /healthz HTTP/1.1\" 200 OK" % (rng.randint(2, 60), rng.randint(30000, 60000)))
            t += 30
        t = rng.uniform(60, 400)
        while t < END:
            d = dt(t)
            ecs("upload-api", task, t, "%s WARNING upload_api.validation: rejected upload: unsupported content-type image/heic-sequence" % (d.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (d.microsecond // 1000)))
            t += rng.uniform(300, 700)

    # ---------------- gallery-api deploy (red herring)
    gt = GALLERY_DEPLOY + 40
    task = GALLERY_NEW[0]
    for k, (lvl, msg, extra) in enumerate([
            ("INFO", "starting gallery-api", {"version": "4.9.0", "commit": "b7e21c4"}),
            ("INFO", "loaded config", {"table": "gallery-items", "cache_ttl": "30s"}),
            ("ERROR", "failed to warm cache", {"error": "operation error DynamoDB: Scan, https response error StatusCode: 400, RequestID: 8K1Q0M2N4P6R8T0V2X4Z6B8D0F2H4J6L8N0P2R4T6V8X0Z2B4D6F8H, ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."}),
            ("INFO", "listening", {"addr": ":8080"})]):
        rec = {"time": iso_ms(gt + k * 1.3), "level": lvl, "msg": msg}
        rec.update(extra)
        ecs("gallery-api", task, gt + k * 1.3, json.dumps(rec, separators=(",", ":")))
    rec = {"time": iso_ms(GALLERY_DEPLOY + 71), "level": "INFO", "msg": "shutting down", "signal": "terminated"}
    ecs("gallery-api", GALLERY_OLD[0], GALLERY_DEPLOY + 71, json.dumps(rec, separators=(",", ":")))

    # ---------------- CloudTrail (routine + the two deploy events)
    t = 0.0
    while t < END:
        t += rng.uniform(20, 90)
        kind = rng.random()
        if kind < 0.4:
            cloudtrail(t, "sts.amazonaws.com", "AssumeRole", {"roleArn": "arn:aws:iam::%s:role/ecsTaskRole-upload-api" % ACCOUNT, "roleSessionName": hexid(32), "durationSeconds": 3600},
                       {"credentials": {"accessKeyId": "ASIA%s" % hexid(16).upper(), "sessionToken": "IQoJb3JpZ2luX2Vj...", "expiration": dt(t + 3600).strftime("%b %d, %Y, %I:%M:%S %p")}},
                       role="ecsTaskExecutionRole", session="ecs-agent", ua="ecs.amazonaws.com", readonly=True, ip="ecs.amazonaws.com")
        elif kind < 0.7:
            cloudtrail(t, "ssm.amazonaws.com", "GetParameters", {"names": ["/shop/prod/upload-api/SENTRY_DSN", "/shop/prod/upload-api/MAX_UPLOAD_MB"], "withDecryption": True}, None,
                       role="ecsTaskExecutionRole", session=hexid(32), ua="aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 md/GOOS#linux md/GOARCH#amd64 api/ssm#1.44.5", readonly=True, ip="34.240.12.%d" % rng.randint(2, 250))
        else:
            cloudtrail(t, "logs.amazonaws.com", "CreateLogStream", {"logGroupName": "/aws/lambda/image-resize", "logStreamName": "2026/04/07/[$LATEST]%s" % hexid(32)}, None,
                       role="image-resize-exec", session="image-resize", ua="awslambda-worker/1.0 rusoto/0.48.0 rust/1.76.0 linux", readonly=False, ip="52.18.%d.%d" % (rng.randint(1, 254), rng.randint(1, 254)))
    cloudtrail(GALLERY_DEPLOY, "ecs.amazonaws.com", "UpdateService",
               {"cluster": "shop-prod", "service": "gallery-api", "taskDefinition": "arn:aws:ecs:eu-west-1:%s:task-definition/gallery-api:212" % ACCOUNT, "forceNewDeployment": False},
               {"service": {"serviceName": "gallery-api", "status": "ACTIVE", "desiredCount": 1, "taskDefinition": "arn:aws:ecs:eu-west-1:%s:task-definition/gallery-api:212" % ACCOUNT}},
               role="github-actions-deploy", ua="aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5.0-1016-azure md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off md/command#ecs.update-service")
    ct = CONC_CHANGE - 4.0
    sess = "gha-8812345517"
    cloudtrail(ct, "lambda.amazonaws.com", "GetFunction20150331v2", {"functionName": "image-resize"}, None, session=sess, readonly=True)
    cloudtrail(ct + 1.0, "lambda.amazonaws.com", "GetFunctionCodeSigningConfig", {"functionName": "image-resize"}, None, session=sess, readonly=True)
    cloudtrail(ct + 2.0, "lambda.amazonaws.com", "ListVersionsByFunction20150331", {"functionName": "image-resize", "maxItems": 50}, None, session=sess, readonly=True)
    cloudtrail(CONC_CHANGE, "lambda.amazonaws.com", "PutFunctionConcurrency20171031",
               {"functionName": "image-resize", "reservedConcurrentExecutions": LIMIT_AFTER}, {"reservedConcurrentExecutions": LIMIT_AFTER}, session=sess,
               resources=[{"accountId": ACCOUNT, "type": "AWS::Lambda::Function", "ARN": "arn:aws:lambda:eu-west-1:%s:function:image-resize" % ACCOUNT}])
    cloudtrail(CONC_CHANGE + 1.0, "lambda.amazonaws.com", "TagResource20170331v2",
               {"resource": "arn:aws:lambda:eu-west-1:%s:function:image-resize" % ACCOUNT, "tags": {"cost-center": "media", "managed-by": "terraform"}}, None, session=sess)

    # write CloudTrail as S3-delivered files (one per 5-minute window, delivered late)
    buckets = {}
    for t, rec in sorted(CT, key=lambda x: x[0]):
        b = int(t // 300)
        buckets.setdefault(b, []).append(rec)
    for b, recs in sorted(buckets.items()):
        tb = b * 300 + 300
        d = dt(tb)
        name = "cloudtrail/%s_CloudTrail_eu-west-1_%s_%s.json" % (ACCOUNT, d.strftime("%Y%m%dT%H%MZ"), "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(16)))
        FILES[name] = [(tb, 0, json.dumps({"Records": recs}, separators=(",", ":")))]

    # API Gateway access logs: CloudWatch -> subscription filter -> Firehose (DATA_MESSAGE records)
    APIGW_EVENTS.sort(key=lambda x: x[0])
    batch = []
    bstart = None
    for t, rec in APIGW_EVENTS:
        if bstart is None:
            bstart = t
        batch.append((t, rec))
        if t - bstart > 8 or len(batch) >= 40:
            flush_apigw(batch)
            batch, bstart = [], None
    if batch:
        flush_apigw(batch)

    for name, rows in FILES.items():
        rows.sort(key=lambda r: (r[0], r[1]))
        p = OUT / name
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            for _, _, text in rows:
                f.write(text)
                f.write("\n")


def flush_apigw(batch):
    events = []
    for t, rec in batch:
        events.append({"id": "%056d" % rng.randint(10 ** 55, 10 ** 56 - 1), "timestamp": epoch_ms(t), "message": json.dumps(rec, separators=(",", ":"))})
    recd = {"messageType": "DATA_MESSAGE", "owner": ACCOUNT, "logGroup": "/aws/apigateway/shop-public-api/access",
            "logStream": "%s_$default" % "k8x2q1m9zd", "subscriptionFilters": ["to-firehose-central-logging"], "logEvents": events}
    t_last = batch[-1][0]
    emit("api-gateway/firehose-central-logging-2026-04-07-%02d.json" % dt(t_last).hour, t_last, json.dumps(recd, separators=(",", ":")))


if __name__ == "__main__":
    main()
