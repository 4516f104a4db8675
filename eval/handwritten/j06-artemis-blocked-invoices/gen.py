#!/usr/bin/env python3
"""Generator for case j06 (deterministic, standard library only).

Writes ./logs/ beside this file. Re-running produces byte-identical output.
"""
import datetime
import json
import math
import os
import random
import shutil

SEED = 6606
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
UTC = datetime.timezone.utc
DAY0 = datetime.datetime(2025, 6, 11, tzinfo=UTC).timestamp()


def T(h, m, s=0.0):
    return DAY0 + h * 3600 + m * 60 + s


def dt(t):
    return datetime.datetime.fromtimestamp(round(t, 6), UTC)


def iso_us(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % d.microsecond


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def iso_7(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%dZ" % (d.microsecond, R.randint(0, 9))


def log4j_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (d.microsecond // 1000)


def chromium_ts(t):
    d = dt(t)
    return d.strftime("%m%d/%H%M%S.") + "%06d" % d.microsecond


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


START = T(9, 50)
END = T(10, 55)
SHM_FULL = T(10, 14, 7.412)
LOYALTY_DEPLOY = T(10, 24, 2.0)
MAX_BYTES = 6 * 1024 * 1024
MSG_BYTES = 40960
PUBLISH_TIMEOUT = 30.0

ORDER_API = [("order-api-5d7c9b8f6-2jx4m", "10.0.11.21"), ("order-api-5d7c9b8f6-h8r2v", "10.0.12.22"), ("order-api-5d7c9b8f6-wq9lt", "10.0.13.23")]
WORKERS = ["invoice-worker-6f8b7c9d5-9zkq2", "invoice-worker-6f8b7c9d5-tx4pl"]
RENDERERS = ["pdf-renderer-7c6d5b9f8-kl2mn", "pdf-renderer-7c6d5b9f8-rv8sd"]
BROKER = "artemis-broker-0"


class Queue:
    def __init__(self):
        self.depth = 40
        self.blocked = False
        self.events = []

    def bytes(self):
        return self.depth * MSG_BYTES


Q = Queue()


def renderer_state(t):
    return "hung" if t >= SHM_FULL else "ok"


CONSUMERS = [(WORKERS[i // 4], "DefaultMessageListenerContainer-%d" % (i % 4 + 1)) for i in range(8)]


def run():
    t = START
    step = 0.25
    busy_until = [START] * 8
    produced_wait = []
    pending_alb = []
    arrivals = []
    tt = START
    while tt < END:
        tt += R.expovariate(1.05)
        arrivals.append(tt)
    ai = 0
    redeliver = []
    block_started = None
    last_block_log = 0
    while t < END:
        while ai < len(arrivals) and arrivals[ai] < t + step:
            api_request(arrivals[ai])
            ai += 1
        for c in range(8):
            if busy_until[c] <= t:
                item = None
                if redeliver and redeliver[0][0] <= t:
                    item = redeliver.pop(0)
                elif Q.depth > 0:
                    Q.depth -= 1
                    item = (t, "INV-2025-%07d" % R.randint(1000000, 9999999), 1)
                if item is None:
                    busy_until[c] = t + step
                    continue
                dur, ok = render(t, c, item[1], item[2])
                busy_until[c] = t + dur
                if not ok:
                    if item[2] < 5:
                        redeliver.append((t + dur + 5.0, item[1], item[2] + 1))
                        redeliver.sort()
                    else:
                        tt2 = t + dur + 0.01
                        artemis(tt2, "WARN", "org.apache.activemq.artemis.core.server",
                                "AMQ222149: Sending message Reference[%d]:RELIABLE:CoreMessage[messageID=%d,durable=true,userID=%s,priority=4, timestamp=%s,expiration=0, durable=true, address=invoice.render,size=%d,properties=TypedProperties[_AMQ_ROUTING_TYPE=1,invoiceId=%s]]@%d to Dead Letter Address DLA from invoice.render" % (
                                    R.randint(10 ** 9, 10 ** 10), R.randint(10 ** 9, 10 ** 10), uuid4(), dt(t).strftime("%a %b %d %H:%M:%S UTC %Y"), MSG_BYTES, item[1], R.randint(10 ** 8, 10 ** 9)))
        if not Q.blocked and Q.bytes() >= MAX_BYTES:
            Q.blocked = True
            block_started = t
            artemis(t + R.uniform(0, step), "WARN", "org.apache.activemq.artemis.core.server",
                    "AMQ222183: Blocking message production on address 'invoice.render'; size is currently: %d bytes; max-size-bytes on address: %d, global-size-bytes: %d; global-max-size-bytes: 536870912" % (
                        Q.bytes(), MAX_BYTES, Q.bytes() + R.randint(200000, 900000)))
        elif Q.blocked and Q.bytes() < MAX_BYTES:
            Q.blocked = False
            artemis(t + R.uniform(0, step), "INFO", "org.apache.activemq.artemis.core.server",
                    "AMQ221046: Unblocking message production on address 'invoice.render'; size=%d bytes (%d messages); maxSize=%d bytes (-1 messages); globalSize=%d bytes (%d messages); globalMaxSize=536870912 bytes (-1 messages);" % (
                        Q.bytes(), Q.depth, MAX_BYTES, Q.bytes() + 412331, Q.depth + 61))
        t += step


def artemis(t, lvl, logger, msg):
    emit("%s/artemis.log" % BROKER, t, "%s %-5s [%s] %s" % (log4j_ts(t), lvl, logger, msg))


def winston(pod, t, level, message, **kw):
    d = {"level": level, "message": message}
    d.update(kw)
    d["service"] = "pdf-renderer"
    d["timestamp"] = iso_ms(t)
    emit("pdf-renderer/%s.log" % pod, t, json.dumps(d, separators=(",", ":")))


def jlog(pod, t, level, logger, thread, msg, stack=None, **mdc):
    d = {"@timestamp": iso_ms(t).replace("Z", "+00:00"), "@version": "1", "message": msg, "logger_name": logger,
         "thread_name": thread, "level": level, "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000, "DEBUG": 10000}[level]}
    if stack:
        d["stack_trace"] = stack
    d.update(mdc)
    emit("invoice-worker/%s.json" % pod, t, json.dumps(d, separators=(",", ":")))


def render(t, c, invoice, attempt):
    wpod, thread = CONSUMERS[c]
    rpod = RENDERERS[c % 2]
    rid = hexid(16)
    if attempt > 1:
        jlog(wpod, t + 0.002, "INFO", "com.fernhill.invoice.listener.InvoiceRenderListener", thread,
             "Rendering invoice %s (redelivery %d)" % (invoice, attempt), invoiceId=invoice, traceId=rid)
    if renderer_state(t) == "ok":
        d = lognorm(0.65, 0.35)
        pages = R.randint(1, 6)
        if R.random() < 0.25:
            winston(rpod, t + d, "info", "rendered pdf", requestId=rid, template="invoice-v4", pages=pages, bytes=R.randint(40000, 400000), durationMs=int(d * 1000))
        if R.random() < 0.2:
            jlog(wpod, t + d + 0.05, "INFO", "com.fernhill.invoice.listener.InvoiceRenderListener", thread,
                 "Invoice %s rendered and stored (s3://fernhill-invoices/2025/06/%s.pdf, %d pages)" % (invoice, invoice, pages), invoiceId=invoice, traceId=rid)
        return d + 0.08, True
    if R.random() < 0.06:
        d = lognorm(40, 0.4)
        winston(rpod, t + d, "warn", "slow render", requestId=rid, template="invoice-v4", durationMs=int(d * 1000))
        return d + 0.08, True
    d = 120.0 + R.uniform(0.001, 0.05)
    stack = ("java.net.http.HttpTimeoutException: request timed out\n"
             "\tat java.net.http/jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:950)\n"
             "\tat java.net.http/jdk.internal.net.http.HttpClientFacade.send(HttpClientFacade.java:133)\n"
             "\tat org.springframework.http.client.JdkClientHttpRequest.executeInternal(JdkClientHttpRequest.java:95)\n"
             "\tat org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec.exchangeInternal(DefaultRestClient.java:486)\n"
             "\tat com.fernhill.invoice.render.PdfRendererClient.render(PdfRendererClient.java:58)\n"
             "\tat com.fernhill.invoice.listener.InvoiceRenderListener.onMessage(InvoiceRenderListener.java:41)\n"
             "\tat org.springframework.jms.listener.AbstractMessageListenerContainer.doInvokeListener(AbstractMessageListenerContainer.java:800)\n")
    jlog(wpod, t + d, "ERROR", "com.fernhill.invoice.render.PdfRendererClient", thread,
         "POST http://pdf-renderer.billing.svc.cluster.local:3000/render failed for invoice %s after %d ms" % (invoice, int(d * 1000)),
         stack=stack, invoiceId=invoice, traceId=rid)
    jlog(wpod, t + d + 0.002, "WARN", "org.springframework.jms.listener.DefaultMessageListenerContainer", thread,
         "Execution of JMS message listener failed, and no ErrorHandler has been set.",
         stack="org.springframework.jms.listener.adapter.ListenerExecutionFailedException: Listener method 'public void com.fernhill.invoice.listener.InvoiceRenderListener.onMessage(com.fernhill.invoice.InvoiceRequested)' threw exception\n"
               "\tat org.springframework.jms.listener.adapter.MessagingMessageListenerAdapter.invokeHandler(MessagingMessageListenerAdapter.java:122)\n"
               "Caused by: com.fernhill.invoice.render.RenderFailedException: renderer timeout\n"
               "\t... 12 common frames omitted\n")
    return d + 0.01, False


def renderer_background():
    for i, pod in enumerate(RENDERERS):
        t = START + R.uniform(0, 30)
        nproc = 14 + i * 3
        while t < END:
            t += 60
            if t < SHM_FULL:
                nproc += R.choice([0, 0, 1])
            winston(pod, t, "info", "browser pool stats", chromiumProcesses=nproc, openPages=R.randint(0, 4) if t < SHM_FULL else R.randint(18, 40),
                    queued=0 if t < SHM_FULL else R.randint(4, 30), heapUsedMb=R.randint(180, 260))
            if t < SHM_FULL and R.random() < 0.2:
                winston(pod, t + 3, "warn", "font fallback used", requestId=hexid(16), font="Fernhill Sans", fallback="DejaVu Sans")
        t0 = SHM_FULL + i * 2.917
        path = "pdf-renderer/%s.log" % pod
        for k in range(3):
            tt = t0 + k * R.uniform(0.2, 3.0)
            emit(path, tt, "[%d:%d:%s:ERROR:platform_shared_memory_region_posix.cc(217)] Creating shared memory in /dev/shm/.org.chromium.Chromium.%s failed: No space left on device (28)" % (
                R.randint(200, 999), R.randint(1, 40), chromium_ts(tt), "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(6))))
        emit(path, t0 + 4.1, "[%d:%d:%s:ERROR:shared_image_manager.cc(249)] SharedImageManager::ProduceSkia: Trying to Produce a Skia representation from a non-existent mailbox." % (R.randint(200, 999), R.randint(1, 40), chromium_ts(t0 + 4.1)))
        winston(pod, t0 + 5.3, "error", "page error", requestId=hexid(16), error="Page crashed!")
        winston(pod, t0 + 64.0, "warn", "render still pending", requestId=hexid(16), elapsedMs=60000)


def worker_background():
    for pod in WORKERS:
        t = START + R.uniform(0, 30)
        while t < END:
            t += R.uniform(30, 90)
            x = R.random()
            if x < 0.5:
                jlog(pod, t, "WARN", "com.fernhill.invoice.template.TemplateCache", "scheduling-1", "Template cache miss for invoice-v4/de_AT, loading from classpath")
            else:
                jlog(pod, t, "INFO", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 housekeeper", "HikariPool-1 - Pool stats (total=10, active=%d, idle=%d, waiting=0)" % (R.randint(0, 2), R.randint(8, 10)))


def clef(pod, t, level, mt, props, exc=None):
    d = {"@t": iso_7(t), "@mt": mt}
    if level != "Information":
        d["@l"] = level
    if exc:
        d["@x"] = exc
    d.update(props)
    emit("order-api/%s.clef" % pod, t, json.dumps(d, separators=(",", ":")))


UAS = ["Fernhill/7.3.1 (iPhone; iOS 18.5; Scale/3.00)", "Fernhill/7.3.1 (Android 15; Pixel 9)",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15"]
ALB_ID = "app/prod-public/7b1e9d3c5a2f4e60"
TG = {"order-api": "arn:aws:elasticloadbalancing:eu-central-1:418275630911:targetgroup/order-api/a83f1c5e9d2b7046",
      "catalog": "arn:aws:elasticloadbalancing:eu-central-1:418275630911:targetgroup/catalog-api/3c5d7e9f1a2b4c6d"}
CERT = "arn:aws:acm:eu-central-1:418275630911:certificate/5e2a7c41-9b3d-4f06-8e1a-2c7d9f0b3a64"


def alb(t_start, t_end, client, target, rpt, tpt, spt, elb, tgt, rx, tx, method, path, ua, tg, err="-"):
    tr = "Root=1-%08x-%s" % (int(t_start), hexid(24))
    line = ('https %s %s %s %s %s %s %s %s %s %d %d "%s https://api.fernhill.eu:443%s HTTP/1.1" "%s" TLS_AES_128_GCM_SHA256 TLSv1.3 %s "%s" "api.fernhill.eu" "%s" %d %s "forward" "-" "%s" "%s" "%s" "-" "-" TID_%s' % (
        iso_us(t_end), ALB_ID, client, target, rpt, tpt, spt, elb, tgt, rx, tx, method, path, ua, TG[tg], tr, CERT,
        1 if tg == "order-api" else 2, iso_us(t_start), err, target if target != "-" else "-", tgt, hexid(32)))
    slot = dt(t_end)
    slot = slot.replace(minute=slot.minute - slot.minute % 5, second=0, microsecond=0)
    fn = "alb/418275630911_elasticloadbalancing_eu-central-1_app.prod-public.7b1e9d3c5a2f4e60_%s_3.120.%d.%d_%s.log" % (
        slot.strftime("%Y%m%dT%H%MZ"), 18, 44, "q2x7lk9f")
    emit(fn, t_end, line)


LOY_FAIL = [LOYALTY_DEPLOY + 3, LOYALTY_DEPLOY + 95]
BLOCKED_SINCE = [None]


def api_request(t):
    pod, ip = R.choice(ORDER_API)
    client = "%d.%d.%d.%d:%d" % (R.choice([31, 37, 46, 62, 78, 84, 91]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254), R.randint(20000, 65000))
    ua = R.choice(UAS)
    x = R.random()
    rid = "0HN%s:%08X" % (hexid(10).upper(), R.randint(1, 99))
    ctx = {"RequestId": rid, "SourceContext": "Serilog.AspNetCore.RequestLoggingMiddleware", "Application": "order-api"}
    if x < 0.55:
        d = lognorm(0.04, 0.3)
        if R.random() < 0.004:
            alb(t, t + 0.002, client, "10.0.%d.%d:8080" % (R.randint(11, 13), R.randint(40, 49)), "0.000", "-1", "-1", 502, "-",
                R.randint(200, 500), 272, "GET", "/v1/catalog/products?page=%d" % R.randint(1, 9), ua, "catalog")
            return
        if R.random() < 0.006:
            alb(t, t + R.uniform(1, 9), client, "10.0.%d.%d:8080" % (R.randint(11, 13), R.randint(40, 49)), "0.000", "-1", "-1", 460, "-",
                R.randint(200, 500), 0, "GET", "/v1/catalog/search?q=%s" % R.choice(["lamp", "chair", "vase"]), ua, "catalog")
            return
        alb(t, t + d + 0.001, client, "10.0.%d.%d:8080" % (R.randint(11, 13), R.randint(40, 49)), "0.000", "%.3f" % d, "0.000", 200, "200",
            R.randint(200, 500), R.randint(2000, 30000), "GET", "/v1/catalog/products?page=%d" % R.randint(1, 9), ua, "catalog")
        return
    if x < 0.80:
        oid = "FH-%08d" % R.randint(10 ** 7, 10 ** 8 - 1)
        d = lognorm(0.09, 0.3)
        status = 201
        if LOY_FAIL[0] < t < LOY_FAIL[1] and R.random() < 0.6:
            clef(pod, t + d * 0.6, "Warning", "Loyalty accrual for {OrderId} failed, queued for retry",
                 {"OrderId": oid, "SourceContext": "Fernhill.Orders.Loyalty.LoyaltyClient", "RequestId": rid, "Application": "order-api"},
                 exc="System.Net.Http.HttpRequestException: Connection refused (loyalty-svc.commerce.svc.cluster.local:8080)\n ---> System.Net.Sockets.SocketException (111): Connection refused\n   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)\n   at Fernhill.Orders.Loyalty.LoyaltyClient.AccrueAsync(Order order, CancellationToken ct) in /src/Fernhill.Orders/Loyalty/LoyaltyClient.cs:line 44")
        if Q.blocked:
            wait = PUBLISH_TIMEOUT + R.uniform(0.0, 0.02)
            if R.random() < 0.07:
                wait = R.uniform(3, 29)
                Q.depth += 1
            else:
                d2 = d + wait
                clef(pod, t + d + 1.0, "Warning", "Publishing {MessageType} for {OrderId} to {Address} is waiting for producer credits",
                     {"MessageType": "InvoiceRequested", "OrderId": oid, "Address": "invoice.render", "SourceContext": "Fernhill.Orders.Messaging.ArtemisPublisher", "RequestId": rid, "Application": "order-api"})
                clef(pod, t + d2, "Error", "Failed to publish {MessageType} for {OrderId} to {Address} after {TimeoutSeconds}s; rolling back order",
                     {"MessageType": "InvoiceRequested", "OrderId": oid, "Address": "invoice.render", "TimeoutSeconds": 30, "Broker": "tcp://artemis-broker-0.artemis-broker.messaging.svc.cluster.local:61616",
                      "SourceContext": "Fernhill.Orders.Messaging.ArtemisPublisher", "RequestId": rid, "Application": "order-api"},
                     exc="System.TimeoutException: Timed out waiting for producer credits on address 'invoice.render' (30000 ms)\n   at ActiveMQ.Artemis.Core.Client.ProducerCreditManager.AcquireAsync(Int32 credits, CancellationToken ct)\n   at ActiveMQ.Artemis.Core.Client.ClientProducer.SendAsync(Message message, CancellationToken ct)\n   at Fernhill.Orders.Messaging.ArtemisPublisher.PublishAsync[T](String address, T payload, CancellationToken ct) in /src/Fernhill.Orders/Messaging/ArtemisPublisher.cs:line 71\n   at Fernhill.Orders.Checkout.CheckoutHandler.Handle(PlaceOrder command, CancellationToken ct) in /src/Fernhill.Orders/Checkout/CheckoutHandler.cs:line 118")
                clef(pod, t + d2 + 0.002, "Error", "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms",
                     dict(ctx, RequestMethod="POST", RequestPath="/v1/orders", StatusCode=503, Elapsed=round(d2 * 1000, 4)))
                alb(t, t + d2 + 0.003, client, ip + ":8080", "0.000", "%.3f" % d2, "0.000", 503, "503", R.randint(900, 2400), 312, "POST", "/v1/orders", ua, "order-api")
                return
            d += wait
        else:
            Q.depth += 1
        clef(pod, t + d, "Information", "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms",
             dict(ctx, RequestMethod="POST", RequestPath="/v1/orders", StatusCode=status, Elapsed=round(d * 1000, 4)))
        alb(t, t + d + 0.001, client, ip + ":8080", "0.000", "%.3f" % d, "0.000", status, str(status), R.randint(900, 2400), R.randint(600, 1400), "POST", "/v1/orders", ua, "order-api")
        return
    oid = "FH-%08d" % R.randint(10 ** 7, 10 ** 8 - 1)
    d = lognorm(0.03, 0.3)
    pending_p = 0.05 if t < SHM_FULL + 120 else min(0.9, 0.05 + (t - SHM_FULL) / 900.0)
    if x < 0.92:
        status = 202 if R.random() < pending_p else 200
        path = "/v1/orders/%s/invoice" % oid
        tx = 98 if status == 202 else R.randint(40000, 400000)
    else:
        status = 200
        path = "/v1/orders/%s" % oid
        tx = R.randint(1200, 4000)
    if R.random() < 0.5 or status != 200:
        clef(pod, t + d, "Information", "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms",
             dict(ctx, RequestMethod="GET", RequestPath=path, StatusCode=status, Elapsed=round(d * 1000, 4)))
    alb(t, t + d + 0.001, client, ip + ":8080", "0.000", "%.3f" % d, "0.000", status, str(status), R.randint(300, 700), tx, "GET", path, ua, "order-api")


def order_background():
    for pod, ip in ORDER_API:
        t = START + R.uniform(0, 30)
        while t < END:
            t += R.uniform(40, 140)
            if R.random() < 0.5:
                clef(pod, t, "Warning", "Retrying {Operation} after transient database error (attempt {Attempt})",
                     {"Operation": "ReserveStock", "Attempt": R.randint(1, 2), "SourceContext": "Fernhill.Orders.Data.RetryPolicy", "Application": "order-api"},
                     exc="Npgsql.PostgresException (0x80004005): 40001: could not serialize access due to concurrent update\n   at Npgsql.Internal.NpgsqlConnector.ReadMessageLong(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)")
            else:
                clef(pod, t, "Information", "Outbox relay published {Count} events",
                     {"Count": R.randint(0, 12), "SourceContext": "Fernhill.Orders.Outbox.OutboxRelay", "Application": "order-api"})


def artemis_background():
    t = START + 5
    while t < END:
        t += R.uniform(50, 200)
        q = R.choice(["audit.events", "loyalty.accrual", "notifications.email"])
        artemis(t, "WARN", "org.apache.activemq.artemis.core.server", "AMQ222165: No Dead Letter Address configured for queue %s in AddressSettings" % q)
        artemis(t + 0.001, "WARN", "org.apache.activemq.artemis.core.server", "AMQ222166: No Expiry Address configured for queue %s in AddressSettings" % q)
    t = START + 30
    while t < END:
        t += R.uniform(240, 420)
        artemis(t, "INFO", "org.apache.activemq.artemis.core.server", "AMQ221080: Deploying address DLQ.%s supporting [ANYCAST]" % R.choice(["audit", "loyalty"]))
    for k in range(2):
        tt = LOYALTY_DEPLOY + 1.1 + k * 0.4
        sid = uuid4()
        artemis(tt, "WARN", "org.apache.activemq.artemis.core.client", "AMQ212037: Connection failure to /10.0.12.%d:%d has been detected: AMQ219014: Timed out after waiting 30000 ms for response when sending packet 71 [code=CONNECTION_TIMEDOUT]" % (R.randint(60, 70), R.randint(40000, 60000)))
        artemis(tt + 0.01, "WARN", "org.apache.activemq.artemis.core.server", "AMQ222061: Client connection failed, clearing up resources for session %s" % sid)
        artemis(tt + 0.02, "WARN", "org.apache.activemq.artemis.core.server", "AMQ222107: Cleared up resources for session %s" % sid)


def loyalty_logs():
    old = "loyalty-svc/loyalty-svc-59d8c7b6f4-m2zkv.log"
    new = "loyalty-svc/loyalty-svc-7b5c9d8e6f-8wq3n.log"

    def slog(f, t, lvl, msg, **kw):
        d = dt(t)
        ts = d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)
        kv = " ".join('%s=%s' % (k, ('"%s"' % v) if isinstance(v, str) and (" " in v or v == "") else v) for k, v in kw.items())
        emit(f, t, 'time=%s level=%s msg="%s"%s' % (ts, lvl, msg, (" " + kv) if kv else ""))
    t = START
    while t < LOYALTY_DEPLOY:
        t += R.uniform(5, 20)
        slog(old, t, "INFO", "accrued points", order="FH-%08d" % R.randint(10 ** 7, 10 ** 8 - 1), points=R.randint(5, 300))
    slog(old, LOYALTY_DEPLOY, "INFO", "shutting down", signal="terminated")
    slog(new, LOYALTY_DEPLOY + 90.0, "INFO", "starting loyalty-svc", version="3.9.0", go="go1.24.3")
    slog(new, LOYALTY_DEPLOY + 90.4, "WARN", "migration took longer than expected", version=57, elapsed="88.1s")
    slog(new, LOYALTY_DEPLOY + 90.9, "INFO", "listening", addr=":8080")
    t = LOYALTY_DEPLOY + 91
    while t < END:
        t += R.uniform(5, 20)
        if R.random() < 0.1:
            slog(new, t, "ERROR", "tier recalculation failed", customer="c_%s" % hexid(8), err="pq: duplicate key value violates unique constraint \"tiers_customer_id_key\"")
        else:
            slog(new, t, "INFO", "accrued points", order="FH-%08d" % R.randint(10 ** 7, 10 ** 8 - 1), points=R.randint(5, 300))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    run()
    renderer_background()
    worker_background()
    order_background()
    artemis_background()
    loyalty_logs()
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
