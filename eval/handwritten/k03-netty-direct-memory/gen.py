#!/usr/bin/env python3
"""k03: file-gateway (Spring WebFlux / reactor-netty) leaks pooled direct ByteBufs on the
multipart upload path. Netty's sampled leak detector prints a few 'LEAK:' ERRORs during
the baseline (looks like old noise). Direct memory reaches -XX:MaxDirectMemorySize=512m on
pod 1 at ~10:34:51 and on pod 2 at ~10:39: uploads/downloads fail with
OutOfDirectMemoryError while /actuator/health stays UP. claims-api (.NET, Polly retries)
turns it into 502s, web-portal (Node) into 500s, edge HAProxy shows the 5xx.
Red herrings: notification-service rollout 10:31, claims-api EF Core warnings, HAProxy
legacy backend flapping. Pods restarted 10:47:20 -> recovery.
Python 3 standard library only; fixed seed; rewrites logs/ beside itself."""
import json
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

SLUG = "k03-netty-direct-memory"
OUT = Path(__file__).resolve().parent / "logs"
rng = random.Random(240224)
UTC = timezone.utc
BASE = datetime(2026, 2, 24, 10, 0, 0, tzinfo=UTC)
END = 55 * 60.0
FILES = {}
SEQ = [0]


def emit(name, t, text):
    SEQ[0] += 1
    FILES.setdefault(name, []).append((t, SEQ[0], text))


def dt(t):
    return BASE + timedelta(seconds=t)


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def iso_7(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.%f") + "%dZ" % rng.randint(0, 9)


def hexid(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


MB = 1024 * 1024
MAXDIRECT = 536870912
CHUNK = 4194304
RESTART = 47 * 60 + 20.0
NOTIF_DEPLOY = 31 * 60 + 10.0

FG_PODS = ["file-gateway-5b8c7d6f9-4kq7n", "file-gateway-5b8c7d6f9-vx2mp"]
FG_NEW = ["file-gateway-5b8c7d6f9-h8d3w", "file-gateway-5b8c7d6f9-q6t2z"]
FG_IP = {FG_PODS[0]: "10.3.2.14", FG_PODS[1]: "10.3.4.27", FG_NEW[0]: "10.3.2.55", FG_NEW[1]: "10.3.4.61"}
USED = {FG_PODS[0]: 352.0 * MB, FG_PODS[1]: 338.0 * MB, FG_NEW[0]: 24 * MB, FG_NEW[1]: 24 * MB}
CL_PODS = ["claims-api-7c9f6d8b5-2mkwd", "claims-api-7c9f6d8b5-jr8tx"]
CL_IP = {CL_PODS[0]: "10.3.1.22", CL_PODS[1]: "10.3.5.9"}
WP_PODS = ["web-portal-6f8d9c7b4-lx5vr", "web-portal-6f8d9c7b4-ph2nk"]
WP_SRV = {WP_PODS[0]: "wp1", WP_PODS[1]: "wp2"}
WP_IP = {WP_PODS[0]: "10.3.1.40", WP_PODS[1]: "10.3.6.12"}
NOTIF_OLD = "notification-service-84d7c6b9f-wz4lq"
NOTIF_NEW = "notification-service-5f9b8c7d6-k2j8s"
CONN = {p: "0HN" + "".join(rng.choice("0123456789ABCDEFGHIJKLMNOPQRSTUV") for _ in range(10)) for p in CL_PODS}
REQN = {p: 1 for p in CL_PODS}
FIRST_OODM = {}


def fg_pod(t):
    if t < RESTART:
        return rng.choice(FG_PODS)
    if t < RESTART + 24:
        return FG_NEW[0] if t >= RESTART + 9 else FG_PODS[1]
    return rng.choice(FG_NEW)


# ------------------------------------------------------------------ writers
def frames(spec):
    out = []
    for cls, meth, fil, line, jar in spec:
        out.append({"class": cls, "method": meth, "file": fil, "line": line, "exact": False,
                    "location": jar, "version": jar.rsplit("-", 1)[-1].replace(".jar", "") if "-" in jar else "?"})
    return out


NETTY = "netty-common-4.1.107.Final.jar"
NETTYB = "netty-buffer-4.1.107.Final.jar"
NETTYE = "netty-transport-classes-epoll-4.1.107.Final.jar"
OODM_FRAMES = frames([
    ("io.netty.util.internal.PlatformDependent", "incrementMemoryCounter", "PlatformDependent.java", 880, NETTY),
    ("io.netty.util.internal.PlatformDependent", "allocateDirectNoCleaner", "PlatformDependent.java", 809, NETTY),
    ("io.netty.buffer.PoolArena$DirectArena", "allocateDirect", "PoolArena.java", 718, NETTYB),
    ("io.netty.buffer.PoolArena$DirectArena", "newChunk", "PoolArena.java", 707, NETTYB),
    ("io.netty.buffer.PoolArena", "allocateNormal", "PoolArena.java", 224, NETTYB),
    ("io.netty.buffer.PoolArena", "tcacheAllocateNormal", "PoolArena.java", 206, NETTYB),
    ("io.netty.buffer.PoolArena", "allocate", "PoolArena.java", 141, NETTYB),
    ("io.netty.buffer.PooledByteBufAllocator", "newDirectBuffer", "PooledByteBufAllocator.java", 403, NETTYB),
    ("io.netty.buffer.AbstractByteBufAllocator", "directBuffer", "AbstractByteBufAllocator.java", 188, NETTYB),
    ("io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator$MaxMessageHandle", "allocate", "DefaultMaxMessagesRecvByteBufAllocator.java", 120, "netty-transport-4.1.107.Final.jar"),
    ("io.netty.channel.epoll.AbstractEpollStreamChannel$EpollStreamUnsafe", "epollInReady", "AbstractEpollStreamChannel.java", 785, NETTYE),
    ("io.netty.channel.epoll.EpollEventLoop", "processReady", "EpollEventLoop.java", 501, NETTYE),
    ("io.netty.channel.epoll.EpollEventLoop", "run", "EpollEventLoop.java", 399, NETTYE),
    ("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", "SingleThreadEventExecutor.java", 997, NETTY),
    ("java.lang.Thread", "run", "Thread.java", 1583, "?"),
])


def l4j(pod, t, level, logger, msg, thread=None, thrown=None):
    d = dt(t)
    rec = {"instant": {"epochSecond": int(d.timestamp()), "nanoOfSecond": d.microsecond * 1000 + rng.randint(0, 999)},
           "thread": thread or "reactor-http-epoll-%d" % rng.randint(1, 4), "level": level, "loggerName": logger,
           "message": msg}
    if thrown:
        rec["thrown"] = thrown
    rec.update({"endOfBatch": False, "loggerFqcn": "org.apache.logging.slf4j.Log4jLogger",
                "threadId": rng.randint(40, 60), "threadPriority": 5})
    emit("file-gateway/%s.log" % pod, t, json.dumps(rec, separators=(",", ":")))


def clef(pod, t, mt, level=None, exc=None, **props):
    rec = {"@t": iso_7(t), "@mt": mt}
    if level:
        rec["@l"] = level
    if exc:
        rec["@x"] = exc
    rec.update(props)
    rec.setdefault("Application", "Claims.Api")
    emit("claims-api/%s.clef" % pod, t, json.dumps(rec, separators=(",", ":")))


def winston(pod, t, level, message, **extra):
    rec = {"level": level, "message": message}
    rec.update(extra)
    rec["service"] = "web-portal"
    rec["timestamp"] = iso_ms(t)
    emit("web-portal/%s.log" % pod, t, json.dumps(rec, separators=(",", ":")))


def haproxy(t, client, fe, be, srv, tr, tw, tc, trr, ta, status, size, term, path, method):
    d = dt(t)
    head = d.strftime("%b %d %H:%M:%S").replace(" 0", "  ", 1) if d.day < 10 else d.strftime("%b %d %H:%M:%S")
    acc = d.strftime("%d/%b/%Y:%H:%M:%S.") + "%03d" % (d.microsecond // 1000)
    conns = "%d/%d/%d/%d/0" % (rng.randint(380, 460), rng.randint(370, 450), rng.randint(14, 30), rng.randint(6, 15))
    line = '%s lb-edge-01 haproxy[2231]: %s:%d [%s] %s %s/%s %d/%d/%d/%d/%d %d %d - - %s %s 0/0 "%s %s HTTP/1.1"' % (
        head, client, rng.randint(1024, 65535), acc, fe, be, srv, tr, tw, tc, trr, ta, status, size, term, conns, method, path)
    emit("edge-haproxy/haproxy.log", t + ta / 1000.0, line)


def logrus(pod, t, level, msg, **kv):
    parts = ['time="%s"' % dt(t).strftime("%Y-%m-%dT%H:%M:%SZ"), "level=%s" % level, 'msg="%s"' % msg.replace('"', '\\"')]
    for k, v in kv.items():
        v = str(v)
        parts.append('%s=%s' % (k, '"%s"' % v.replace('"', '\\"') if (" " in v or '"' in v or "=" in v) else v))
    emit("notification-service/%s.log" % pod, t, " ".join(parts))


# ------------------------------------------------------------------ file-gateway behaviour

def fg_handle(t, method, path, caller_ip, size):
    """Returns (status, duration, mode) where mode in ok/500/reset."""
    pod = fg_pod(t)
    headroom = MAXDIRECT - USED[pod]
    p_fail = 0.0
    if headroom < 24 * MB:
        p_fail = min(0.97, 1.0 - headroom / (24.0 * MB) + 0.25)
    d = rng.uniform(0.04, 0.25) + size / (60.0 * MB)
    cid = hexid(8)
    conn = "[%s-%d, L:/%s:8080 - R:/%s:%d]" % (cid, rng.randint(1, 40), FG_IP[pod], caller_ip, rng.randint(32768, 60999))
    if rng.random() < p_fail:
        used = MAXDIRECT - rng.randint(1, CHUNK // 4096 - 1) * 4096 - rng.randint(0, 7)
        if pod not in FIRST_OODM:
            FIRST_OODM[pod] = t
        thrown = {"commonElementCount": 0,
                  "localizedMessage": "failed to allocate %d byte(s) of direct memory (used: %d, max: %d)" % (CHUNK, used, MAXDIRECT),
                  "message": "failed to allocate %d byte(s) of direct memory (used: %d, max: %d)" % (CHUNK, used, MAXDIRECT),
                  "name": "io.netty.util.internal.OutOfDirectMemoryError", "extendedStackTrace": OODM_FRAMES}
        if method == "PUT" and rng.random() < 0.45:
            l4j(pod, t + d * 0.3, "WARN", "reactor.netty.http.server.HttpServerOperations",
                "%s Error was received while reading the incoming data. The connection will be closed." % conn, thrown=thrown)
            l4j(pod, t + d * 0.3 + 0.001, "INFO", "reactor.netty.http.server.AccessLog",
                '%s - - [%s] "%s %s HTTP/1.1" 500 0 %d' % (caller_ip, dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000"), method, path, int(d * 300)))
            return 0, d * 0.3, "reset"
        l4j(pod, t + d * 0.5, "ERROR", "org.springframework.boot.autoconfigure.web.reactive.error.AbstractErrorWebExceptionHandler",
            '[%s-%d]  500 Server Error for HTTP %s "%s"' % (cid, rng.randint(1, 300), method, path), thrown=thrown)
        l4j(pod, t + d * 0.5 + 0.001, "INFO", "reactor.netty.http.server.AccessLog",
            '%s - - [%s] "%s %s HTTP/1.1" 500 %d %d' % (caller_ip, dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000"), method, path, 137, int(d * 500)))
        return 500, d * 0.5, "500"
    if method == "PUT":
        USED[pod] += rng.uniform(0.7, 2.4) * MB if pod in FG_PODS else rng.uniform(0.005, 0.02) * MB
        code, blen = 201, 96
    else:
        code, blen = 200, size
    l4j(pod, t + d, "INFO", "reactor.netty.http.server.AccessLog",
        '%s - - [%s] "%s %s HTTP/1.1" %d %d %d' % (caller_ip, dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000"), method, path, code, blen, int(d * 1000)))
    return code, d, "ok"


def claims_call(t, kind, claim, doc, wp_ip, size):
    pod = rng.choice(CL_PODS)
    REQN[pod] += 1
    reqid = "%s:%08X" % (CONN[pod], REQN[pod])
    trace = hexid(32)
    base = {"RequestId": reqid, "ConnectionId": CONN[pod], "TraceId": trace, "SpanId": hexid(16)}
    cur = t + rng.uniform(0.002, 0.01)
    status = 200
    if kind in ("upload", "download"):
        method = "PUT" if kind == "upload" else "GET"
        fpath = "/files/%s/%s" % (claim, doc)
        url = "http://file-gateway.claims.svc.cluster.local:8080" + fpath
        client = "System.Net.Http.HttpClient.FileGateway"
        clef(pod, cur, "Start processing HTTP request {HttpMethod} {Uri}", HttpMethod=method, Uri=url,
             SourceContext=client + ".LogicalHandler", EventId={"Id": 100, "Name": "RequestPipelineStart"}, **base)
        ok = False
        for attempt in range(4):
            clef(pod, cur, "Sending HTTP request {HttpMethod} {Uri}", HttpMethod=method, Uri=url,
                 SourceContext=client + ".ClientHandler", EventId={"Id": 100, "Name": "RequestStart"}, **base)
            code, d, mode = fg_handle(cur, method, fpath, CL_IP[pod], size)
            cur += d + rng.uniform(0.001, 0.004)
            if mode == "ok":
                clef(pod, cur, "Received HTTP response headers after {ElapsedMilliseconds}ms - {StatusCode}",
                     ElapsedMilliseconds=round(d * 1000, 4), StatusCode=code, SourceContext=client + ".ClientHandler",
                     EventId={"Id": 101, "Name": "RequestEnd"}, **base)
                ok = True
                break
            res = "500" if mode == "500" else "System.Net.Http.HttpRequestException: An error occurred while sending the request."
            if mode == "500":
                clef(pod, cur, "Received HTTP response headers after {ElapsedMilliseconds}ms - {StatusCode}",
                     ElapsedMilliseconds=round(d * 1000, 4), StatusCode=500, SourceContext=client + ".ClientHandler",
                     EventId={"Id": 101, "Name": "RequestEnd"}, **base)
            clef(pod, cur + 0.0002,
                 "Execution attempt. Source: '{PipelineName}/{PipelineInstance}/{StrategyName}', Operation Key: '{OperationKey}', Result: '{Result}', Handled: '{Handled}', Attempt: '{Attempt}', Execution Time: {ExecutionTimeMs}ms",
                 level="Warning", PipelineName="FileGateway-standard", PipelineInstance="", StrategyName="Standard-Retry",
                 OperationKey=None, Result=res, Handled=attempt < 3, Attempt=attempt, ExecutionTimeMs=round(d * 1000, 4),
                 SourceContext="Polly", EventId={"Id": 3, "Name": "ExecutionAttempt"}, **base)
            if attempt < 3:
                cur += 2 ** attempt * 0.1 * rng.uniform(0.8, 1.2)
        if not ok:
            if mode == "500":
                exc = ("System.Net.Http.HttpRequestException: Response status code does not indicate success: 500 (Internal Server Error).\n"
                       "   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n"
                       "   at Claims.Api.Documents.FileGatewayClient.%sAsync(String claimId, String documentId, CancellationToken ct) in /src/Claims.Api/Documents/FileGatewayClient.cs:line %d\n"
                       "   at Claims.Api.Documents.DocumentsController.%s(String claimId, String documentId, CancellationToken ct) in /src/Claims.Api/Documents/DocumentsController.cs:line %d\n"
                       "   at lambda_method412(Closure, Object)\n"
                       "   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.AwaitableObjectResultExecutor.Execute(ActionContext actionContext, IActionResultTypeMapper mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)")
                exc = exc % (("Upload", 61, "Upload", 48) if kind == "upload" else ("Download", 88, "Download", 73))
            else:
                exc = ("System.Net.Http.HttpRequestException: An error occurred while sending the request.\n"
                       " ---> System.IO.IOException: The response ended prematurely.\n"
                       "   at System.Net.Http.HttpConnection.SendAsync(HttpRequestMessage request, Boolean async, CancellationToken cancellationToken)\n"
                       "   --- End of inner exception stack trace ---\n"
                       "   at System.Net.Http.HttpConnection.SendAsync(HttpRequestMessage request, Boolean async, CancellationToken cancellationToken)\n"
                       "   at System.Net.Http.HttpConnectionPool.SendWithVersionDetectionAndRetryAsync(HttpRequestMessage request, Boolean async, Boolean doRequestAuth, CancellationToken cancellationToken)\n"
                       "   at Microsoft.Extensions.Http.Resilience.ResilienceHandler.<>c.<<SendAsync>b__3_0>d.MoveNext()\n"
                       "   at Claims.Api.Documents.FileGatewayClient.UploadAsync(String claimId, String documentId, Stream content, CancellationToken ct) in /src/Claims.Api/Documents/FileGatewayClient.cs:line 61")
            clef(pod, cur + 0.001, "Document {Operation} via file-gateway failed for claim {ClaimId} document {DocumentId}",
                 level="Error", exc=exc, Operation=kind, ClaimId=claim, DocumentId=doc,
                 SourceContext="Claims.Api.Documents.DocumentsController", ActionName="Claims.Api.Documents.DocumentsController.%s (Claims.Api)" % ("Upload" if kind == "upload" else "Download"), **base)
            status = 502
        else:
            status = 201 if kind == "upload" else 200
        clef(pod, cur + 0.001, "End processing HTTP request after {ElapsedMilliseconds}ms - {StatusCode}",
             ElapsedMilliseconds=round((cur - t) * 1000, 4), StatusCode=200 if ok else 500,
             SourceContext=client + ".LogicalHandler", EventId={"Id": 101, "Name": "RequestPipelineEnd"}, **base)
        rpath = "/api/claims/%s/documents" % claim + ("" if kind == "upload" else "/%s/content" % doc)
        rmethod = "POST" if kind == "upload" else "GET"
    else:
        cur += rng.uniform(0.008, 0.06)
        rpath = "/api/claims" if kind == "list" else "/api/claims/%s" % claim
        rmethod = "GET"
        # side effect: view events go to notification-service (red herring during its rollout)
        if kind == "detail" and NOTIF_DEPLOY + 4 <= t < NOTIF_DEPLOY + 33 and rng.random() < 0.7:
            clef(pod, cur, "Failed to publish {EventType} to notification-service, will retry in background", level="Warning",
                 exc="System.Net.Http.HttpRequestException: Connection refused (notification-service.claims.svc.cluster.local:8080)\n"
                     " ---> System.Net.Sockets.SocketException (111): Connection refused\n"
                     "   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)\n"
                     "   at System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync(String host, Int32 port, HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)\n"
                     "   --- End of inner exception stack trace ---",
                 EventType="ClaimViewed", SourceContext="Claims.Api.Notifications.NotificationPublisher", **base)
    elapsed = (cur - t) * 1000 + rng.uniform(0.3, 2)
    lvl = "Error" if status >= 500 else None
    clef(pod, cur + 0.002, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms", level=lvl,
         RequestMethod=rmethod, RequestPath=rpath, StatusCode=status, Elapsed=round(elapsed, 4),
         SourceContext="Serilog.AspNetCore.RequestLoggingMiddleware", **base)
    return status, cur - t + 0.003


def portal(t, kind, client):
    pod = rng.choice(WP_PODS)
    claim = "CLM-2026-%05d" % rng.randint(10000, 99999)
    doc = "doc_" + hexid(10)
    size = int(rng.uniform(0.2, 6.0) * MB)
    cur = t + 0.001
    if kind == "upload":
        url, method = "/claims/%s/documents" % claim, "POST"
        api = "/api/claims/%s/documents" % claim
    elif kind == "download":
        url, method = "/claims/%s/documents/%s" % (claim, doc), "GET"
        api = "/api/claims/%s/documents/%s/content" % (claim, doc)
    elif kind == "list":
        url, method, api = "/claims", "GET", "/api/claims"
    else:
        url, method, api = "/claims/%s" % claim, "GET", "/api/claims/%s" % claim
    st, d = claims_call(cur, kind, claim, doc, WP_IP[pod], size)
    cur += d
    rt = int((cur - t) * 1000) + rng.randint(1, 6)
    if st >= 500:
        winston(pod, cur, "error", "Request failed with status code %d" % st,
                stack="AxiosError: Request failed with status code %d\n    at settle (/usr/src/app/node_modules/axios/dist/node/axios.cjs:1966:12)\n    at IncomingMessage.handleStreamEnd (/usr/src/app/node_modules/axios/dist/node/axios.cjs:3065:11)\n    at IncomingMessage.emit (node:events:531:35)\n    at endReadableNT (node:internal/streams/readable:1696:12)\n    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)\n    at Axios.request (/usr/src/app/node_modules/axios/dist/node/axios.cjs:3876:41)\n    at async %s (/usr/src/app/src/routes/documents.js:%d:22)" % (st, "uploadDocument" if kind == "upload" else "downloadDocument", 42 if kind == "upload" else 77),
                config={"url": "http://claims-api.claims.svc.cluster.local:8080" + api, "method": "post" if kind == "upload" else "get", "timeout": 30000})
        out = 500
    else:
        out = 302 if kind == "upload" else 200
    winston(pod, cur + 0.0005, "warn" if out >= 500 else "info", "HTTP %s %s" % (method, url),
            meta={"req": {"url": url, "headers": {"host": "portal.insureco.example", "user-agent": "-"}, "method": method,
                          "httpVersion": "1.1", "originalUrl": url, "query": {}},
                  "res": {"statusCode": out}, "responseTime": rt})
    return out, rt, pod, url, method


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    clients = ["%d.%d.%d.%d" % (rng.choice([31, 37, 78, 82, 86, 145, 193]), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254)) for _ in range(300)]

    t = 0.0
    kinds = ["list"] * 5 + ["detail"] * 6 + ["upload"] * 2 + ["download"] * 2
    while t < END:
        t += rng.expovariate(0.85)
        if t >= END:
            break
        client = rng.choice(clients)
        if rng.random() < 0.35:
            path = rng.choice(["/static/js/main.7c1e9f3a.js", "/static/css/main.4b2a8d11.css", "/static/media/logo.9e8f.svg", "/favicon.ico"])
            pod = rng.choice(WP_PODS)
            ta = rng.randint(1, 9)
            haproxy(t, client, "fe_https~", "be_web_portal", WP_SRV[pod], 0, 0, rng.randint(0, 2), ta - 1 if ta > 1 else 0, ta, 200, rng.randint(1200, 280000), "----", path, "GET")
            continue
        kind = rng.choice(kinds)
        st, rt, pod, url, method = portal(t, kind, client)
        size = rng.randint(400, 40000) if st < 500 else 312
        haproxy(t, client, "fe_https~", "be_web_portal", WP_SRV[pod], rng.randint(0, 3) if method == "GET" else rng.randint(40, 900), 0,
                rng.randint(0, 2), rt, rt + rng.randint(1, 5), st, size, "----", url, method)

    # HAProxy pre-existing noise: legacy backend flapping, 400s from bad clients
    for tt, msg in [(12 * 60 + 4.2, "Server be_legacy_docs/legacy1 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."),
                    (12 * 60 + 4.2, "backend be_legacy_docs has no server available!"),
                    (13 * 60 + 46.9, "Server be_legacy_docs/legacy1 is UP, reason: Layer4 check passed, check duration: 1ms. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue."),
                    (38 * 60 + 12.0, "Server be_legacy_docs/legacy1 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."),
                    (38 * 60 + 12.0, "backend be_legacy_docs has no server available!"),
                    (40 * 60 + 1.3, "Server be_legacy_docs/legacy1 is UP, reason: Layer4 check passed, check duration: 1ms. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.")]:
        d = dt(tt)
        emit("edge-haproxy/haproxy.log", tt, "%s lb-edge-01 haproxy[2231]: %s" % (d.strftime("%b %d %H:%M:%S"), msg))
    t = 0.0
    while t < END:
        t += rng.expovariate(1 / 90.0)
        d = dt(t)
        emit("edge-haproxy/haproxy.log", t, '%s lb-edge-01 haproxy[2231]: %s:%d [%s] fe_https~ fe_https/<NOSRV> -1/-1/-1/-1/0 400 0 - - PR-- 401/389/0/0/0 0/0 "<BADREQ>"' % (
            d.strftime("%b %d %H:%M:%S"), rng.choice(["185.224.128.%d" % rng.randint(2, 250), "45.95.147.%d" % rng.randint(2, 250)]),
            rng.randint(1024, 65535), d.strftime("%d/%b/%Y:%H:%M:%S.") + "%03d" % (d.microsecond // 1000)))

    # ---------------- file-gateway background: leak reports (sampled), health, blob token refresh
    for pod in FG_PODS:
        t = rng.uniform(60, 300)
        while t < RESTART:
            l4j(pod, t, "ERROR", "io.netty.util.ResourceLeakDetector",
                "LEAK: ByteBuf.release() was not called before it's garbage-collected. Enable advanced leak reporting to find out where the leak occurred. To enable advanced leak reporting, specify the JVM option '-Dio.netty.leakDetection.level=advanced' or call ResourceLeakDetector.setLevel() See https://netty.io/wiki/reference-counted-objects.html for more information.",
                thread="reactor-http-epoll-%d" % rng.randint(1, 4))
            t += rng.uniform(300, 700)
        t = rng.uniform(0, 10)
        while t < RESTART:
            l4j(pod, t, "INFO", "reactor.netty.http.server.AccessLog",
                '10.3.%d.1 - - [%s] "GET /actuator/health/readiness HTTP/1.1" 200 15 %d' % (2 if pod == FG_PODS[0] else 4, dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000"), rng.randint(1, 4)))
            t += 10.0
        t = rng.uniform(100, 400)
        while t < RESTART:
            l4j(pod, t, "INFO", "com.azure.identity.ManagedIdentityCredential", "Azure Identity => Managed Identity environment: AZURE AKS Workload Identity", thread="boundedElastic-%d" % rng.randint(1, 12))
            l4j(pod, t + 0.2, "INFO", "com.azure.identity.ManagedIdentityCredential", "Azure Identity => getToken() result for scopes [https://storage.azure.com/.default]: SUCCESS", thread="boundedElastic-%d" % rng.randint(1, 12))
            t += 1800
    for i, pod in enumerate(FG_NEW):
        t0 = RESTART - 6 + i * 20
        for k, (lg, msg) in enumerate([
                ("com.insureco.files.FileGatewayApplication", "Starting FileGatewayApplication v3.4.2 using Java 21.0.2 with PID 1 (/app/file-gateway.jar started by app in /app)"),
                ("com.insureco.files.FileGatewayApplication", "The following 1 profile is active: \"aks-prod\""),
                ("org.springframework.boot.actuate.endpoint.web.EndpointLinksResolver", "Exposing 3 endpoint(s) beneath base path '/actuator'"),
                ("org.springframework.boot.web.embedded.netty.NettyWebServer", "Netty started on port 8080"),
                ("com.insureco.files.FileGatewayApplication", "Started FileGatewayApplication in 7.41 seconds (process running for 8.322)")]):
            l4j(pod, t0 + k * 1.6, "INFO", lg, msg, thread="main")
        t = t0 + 10
        while t < END:
            l4j(pod, t, "INFO", "reactor.netty.http.server.AccessLog",
                '10.3.%d.1 - - [%s] "GET /actuator/health/readiness HTTP/1.1" 200 15 %d' % (2 if i == 0 else 4, dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000"), rng.randint(1, 4)))
            t += 10.0
    for pod in FG_PODS:
        l4j(pod, RESTART + (0.3 if pod == FG_PODS[0] else 18.3), "INFO", "org.springframework.boot.web.embedded.netty.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete", thread="SpringApplicationShutdownHook")
        l4j(pod, RESTART + (0.9 if pod == FG_PODS[0] else 18.9), "INFO", "org.springframework.boot.web.embedded.netty.GracefulShutdown", "Graceful shutdown complete", thread="netty-shutdown")

    # ---------------- claims-api background: EF Core warnings (pre-existing), health checks
    for pod in CL_PODS:
        t = rng.uniform(30, 200)
        while t < END:
            clef(pod, t, "The query uses a row limiting operator ('Skip'/'Take') without an 'OrderBy' operator. This may lead to unpredictable results. If the 'Distinct' operator is used after 'OrderBy', then make sure to use the 'OrderBy' operator after 'Distinct' as the ordering would otherwise get erased.",
                 level="Warning", SourceContext="Microsoft.EntityFrameworkCore.Query", EventId={"Id": 10102, "Name": "Microsoft.EntityFrameworkCore.Query.RowLimitingOperationWithoutOrderByWarning"})
            t += rng.uniform(200, 500)
        t = rng.uniform(0, 60)
        while t < END:
            clef(pod, t, "Outbox dispatcher processed {Count} messages in {ElapsedMilliseconds}ms", Count=rng.randint(0, 12),
                 ElapsedMilliseconds=round(rng.uniform(3, 40), 4), SourceContext="Claims.Api.Outbox.OutboxDispatcher")
            t += 60

    # ---------------- web-portal background
    for pod in WP_PODS:
        t = rng.uniform(100, 400)
        while t < END:
            winston(pod, t, "warn", "session store: connect-redis reconnecting after ECONNRESET", attempt=1)
            t += rng.uniform(600, 1100)

    # ---------------- notification-service rollout (red herring)
    t = 5.0
    while t < NOTIF_DEPLOY + 30:
        logrus(NOTIF_OLD, t, "info", "dispatched batch", channel="email", sent=rng.randint(0, 9), failed=0)
        t += rng.uniform(25, 35)
    logrus(NOTIF_OLD, NOTIF_DEPLOY + 30.2, "info", "received signal, shutting down", signal="terminated")
    logrus(NOTIF_OLD, NOTIF_DEPLOY + 30.9, "info", "amqp consumer closed", queue="notifications.claims")
    n0 = NOTIF_DEPLOY + 1.0
    logrus(NOTIF_NEW, n0, "info", "starting notification-service", version="1.18.0", commit="c41a9e2")
    for k in range(3):
        logrus(NOTIF_NEW, n0 + 2 + k * 5, "warning", "failed to connect to rabbitmq, retrying", error="dial tcp 10.3.9.40:5672: connect: connection refused", attempt=k + 1)
    logrus(NOTIF_NEW, n0 + 17.5, "info", "connected to rabbitmq", url="amqp://notifications@rabbitmq.messaging.svc.cluster.local:5672/")
    logrus(NOTIF_NEW, n0 + 17.8, "error", "template cache warmup failed for 2 templates", error="template: claim_rejected_de.html:14: function \"formatIBAN\" not defined")
    logrus(NOTIF_NEW, n0 + 18.0, "info", "http server listening", addr=":8080")
    t = n0 + 30
    while t < END:
        logrus(NOTIF_NEW, t, "info", "dispatched batch", channel="email", sent=rng.randint(0, 9), failed=0)
        t += rng.uniform(25, 35)

    for name, rows in FILES.items():
        rows.sort(key=lambda r: (r[0], r[1]))
        p = OUT / name
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            for _, _, text in rows:
                f.write(text)
                f.write("\n")
    for pod, tt in sorted(FIRST_OODM.items()):
        print("first OODM", pod, iso_ms(tt))


if __name__ == "__main__":
    main()
