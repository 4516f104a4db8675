#!/usr/bin/env python3
"""k08: the ActiveMQ Classic broker on activemq-01 runs out of persistent store
(KahaDB journal files pinned by an old unacknowledged message). At 14:31:07 producer flow
control kicks in ('Persistent store is Full ... Stopping producer ... blocking'); every
JMS send from order-api blocks until its 15 s sendTimeout, POST /api/v1/orders fails,
checkout-web (Laravel behind nginx + PHP-FPM, 10 s Guzzle timeout) piles up: cURL error 28,
'server reached pm.max_children', slowlogs, nginx 504/502. The broker logs one WARN per
blocked producer every 30 s among routine EOFException noise. Mitigated 14:44:02 by raising
the store limit over JMX. Red herrings: inventory-sync deploy at 14:27 (and its own blocked
sends), php-fpm saturation, fulfillment-worker idle/rate-limit warnings.
Python 3 standard library only; fixed seed; rewrites logs/ beside itself."""
import json
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

SLUG = "k08-activemq-store-full"
OUT = Path(__file__).resolve().parent / "logs"
rng = random.Random(8415)
UTC = timezone.utc
BASE = datetime(2026, 4, 15, 14, 0, 0, tzinfo=UTC)
END = 55 * 60.0
FILES = {}
SEQ = [0]


def emit(name, t, text):
    SEQ[0] += 1
    FILES.setdefault(name, []).append((t, SEQ[0], text))


def dt(t):
    return BASE + timedelta(seconds=t)


def hexid(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


STORE_FULL = 31 * 60 + 7.412          # 14:31:07.412
MITIGATE = 44 * 60 + 2.118            # 14:44:02
INV_DEPLOY = 27 * 60 + 10.0           # 14:27:10
LIMIT = 10737418240
SEND_TIMEOUT = 15.0
MAXC = 8

ORDER_HOSTS = ["order-api-1", "order-api-2"]
ORDER_IP = {"order-api-1": "10.30.2.21", "order-api-2": "10.30.2.22"}
WEB_HOSTS = ["checkout-web-1", "checkout-web-2"]
PRODUCER_ID = {"order-api-1": "ID:order-api-1-36641-1776236412034-1:1:1:1", "order-api-2": "ID:order-api-2-41877-1776236418761-1:1:1:1",
               "inventory-sync-1": "ID:inventory-sync-1-44103-1776263231552-1:1:2:1"}
PRODUCER_PORT = {"order-api-1": 51234, "order-api-2": 49810, "inventory-sync-1": 40551}


def store_full(t):
    return STORE_FULL <= t < MITIGATE


# ------------------------------------------------------------------ writers
def amq(t, level, msg, logger, thread):
    d = dt(t)
    emit("activemq-01/activemq.log", t, "%s,%03d | %-5s | %s | %s | %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level, msg, logger, thread))


def amq_audit(t, msg):
    d = dt(t)
    emit("activemq-01/audit.log", t, "%s,%03d | INFO  | %s | org.apache.activemq.audit | RMI TCP Connection(%d)-10.30.9.5" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, msg, rng.randint(3, 40)))


def boot(host, t, level, pid, thread, logger, msg, exc=None, app="order-api"):
    d = dt(t)
    s = "%s.%03dZ %5s %d --- [%s] [%15s] %-40s : %s" % (d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond // 1000, level, pid, app, thread[-15:], logger[-40:], msg)
    if exc:
        s += "\n" + exc
    emit("%s/%s.log" % (host, app), t, s)


def laravel(host, t, level, msg, ctx):
    d = dt(t)
    emit("%s/laravel/laravel-2026-04-15.log" % host, t, "[%s] production.%s: %s %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), level, msg, ctx))


def fpm(host, t, level, msg):
    d = dt(t)
    emit("%s/php-fpm/php8.2-fpm.log" % host, t, "[%s] %s: %s" % (d.strftime("%d-%b-%Y %H:%M:%S"), level, msg))


def fpm_slow(host, t, pid, frames):
    d = dt(t)
    s = "\n[%s]  [pool www] pid %d\nscript_filename = /var/www/checkout/public/index.php\n%s" % (d.strftime("%d-%b-%Y %H:%M:%S"), pid, "\n".join(frames))
    emit("%s/php-fpm/www-slow.log" % host, t, s)


def ngx_access(host, t, client, method, uri, status, size, ua, rt, urt):
    d = dt(t)
    emit("%s/nginx/access.log" % host, t + rt, '%s - - [%s] "%s %s HTTP/2.0" %d %d "https://shop.example.com/checkout" "%s" %.3f %s' % (
        client, d.strftime("%d/%b/%Y:%H:%M:%S +0000"), method, uri, status, size, ua, rt, urt))


def ngx_err(host, t, level, msg):
    d = dt(t)
    emit("%s/nginx/error.log" % host, t, "%s [%s] %d#%d: %s" % (d.strftime("%Y/%m/%d %H:%M:%S"), level, 1021 if host.endswith("1") else 998, 1021 if host.endswith("1") else 998, msg))


def pylog(t, level, name, msg):
    d = dt(t)
    emit("fulfillment-worker-1/fulfillment-worker.log", t, "%s,%03d %s %s [%s] %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level, name, "MainThread", msg))


# ------------------------------------------------------------------ order-api behaviour
BLOCK_WARNED = {}   # producer -> last warn time
TX = {h: 0 for h in ORDER_HOSTS}


def broker_block_warn(producer_host, t, dest):
    last = BLOCK_WARNED.get(producer_host)
    if last is not None and t - last < 30:
        return
    BLOCK_WARNED[producer_host] = t
    blocking = int(t - STORE_FULL) if last is not None else 0
    ip = ORDER_IP.get(producer_host, "10.30.3.31")
    used = LIMIT + rng.randint(1000, 9000000)
    amq(t, "WARN", "Usage(default:store:%s:store) percentUsage=100%%, usage=%d, limit=%d, percentUsageMinDelta=1%%;Parent:Usage(default:store) percentUsage=100%%, usage=%d, limit=%d, percentUsageMinDelta=1%%: Persistent store is Full, 100%% of %d. Stopping producer (%s) to prevent flooding %s. See http://activemq.apache.org/producer-flow-control.html for more info (blocking for: %ds)" % (
        dest, used, LIMIT, used, LIMIT, LIMIT, PRODUCER_ID[producer_host], dest, blocking),
        "org.apache.activemq.broker.region.Queue", "ActiveMQ Transport: tcp:///%s:%d@61616" % (ip, PRODUCER_PORT[producer_host]))


JMS_EXC = """org.springframework.jms.UncategorizedJmsException: Uncategorized exception occurred during JMS processing
	at org.springframework.jms.support.JmsUtils.convertJmsAccessException(JmsUtils.java:311)
	at org.springframework.jms.support.JmsAccessor.convertJmsAccessException(JmsAccessor.java:185)
	at org.springframework.jms.core.JmsTemplate.execute(JmsTemplate.java:507)
	at org.springframework.jms.core.JmsTemplate.send(JmsTemplate.java:576)
	at org.springframework.jms.core.JmsTemplate.convertAndSend(JmsTemplate.java:661)
	at com.example.orders.messaging.OrderEventPublisher.publishCreated(OrderEventPublisher.java:42)
	at com.example.orders.service.OrderService.placeOrder(OrderService.java:118)
	at com.example.orders.web.OrderController.create(OrderController.java:57)
	... 52 common frames omitted
Caused by: jakarta.jms.JMSException: org.apache.activemq.transport.RequestTimedOutIOException
	at org.apache.activemq.util.JMSExceptionSupport.create(JMSExceptionSupport.java:80)
	at org.apache.activemq.ActiveMQConnection.syncSendPacket(ActiveMQConnection.java:1399)
	at org.apache.activemq.ActiveMQSession.send(ActiveMQSession.java:1946)
	at org.apache.activemq.ActiveMQMessageProducer.send(ActiveMQMessageProducer.java:288)
	at org.apache.activemq.ActiveMQMessageProducerSupport.send(ActiveMQMessageProducerSupport.java:223)
	at org.springframework.jms.core.JmsTemplate.doSend(JmsTemplate.java:634)
	at org.springframework.jms.core.JmsTemplate.doSend(JmsTemplate.java:608)
	at org.springframework.jms.core.JmsTemplate.lambda$send$3(JmsTemplate.java:578)
	at org.springframework.jms.core.JmsTemplate.execute(JmsTemplate.java:504)
	... 57 common frames omitted
Caused by: org.apache.activemq.transport.RequestTimedOutIOException: null
	at org.apache.activemq.transport.ResponseCorrelator.request(ResponseCorrelator.java:87)
	at org.apache.activemq.ActiveMQConnection.syncSendPacket(ActiveMQConnection.java:1380)
	... 64 common frames omitted"""


def order_post(t, web_host):
    h = rng.choice(ORDER_HOSTS)
    pid = 2871 if h == "order-api-1" else 2904
    thread = "nio-8080-exec-%d" % rng.randint(1, 200)
    oid = rng.randint(7100000, 7199999)
    cur = t + rng.uniform(0.02, 0.08)   # db insert
    if store_full(cur):
        broker_block_warn(h, cur + 0.001, "queue://orders.created")
        cur += SEND_TIMEOUT + rng.uniform(0.001, 0.02)
        boot(h, cur, "ERROR", pid, thread, "c.e.orders.web.ApiExceptionHandler", "Order %d persisted but OrderCreated could not be published; responding 500" % oid, exc=JMS_EXC)
        return 500, cur - t
    cur += rng.uniform(0.002, 0.012)
    if rng.random() < 0.3:
        boot(h, cur, "INFO", pid, thread, "c.e.orders.service.OrderService", "Order %d placed (items=%d, total=%.2f EUR), OrderCreated sent to queue://orders.created" % (oid, rng.randint(1, 6), rng.uniform(9, 400)))
    return 201, cur - t


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    clients = ["%d.%d.%d.%d" % (rng.choice([31, 46, 62, 80, 84, 93, 178]), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254)) for _ in range(400)]
    uas = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
           "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
           "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36"]
    busy = {h: [] for h in WEB_HOSTS}   # php-fpm children end times
    last_maxwarn = {h: -100 for h in WEB_HOSTS}
    fpm_pid = {h: 23100 for h in WEB_HOSTS}
    t = 0.0
    t_req = 0.0
    retries = []
    while t_req < END:
        t = t_req + rng.expovariate(2.1)
        retry = None
        if retries and retries[0][0] < t:
            t, retry = retries.pop(0)
        t_req = t
        if t >= END:
            break
        h = rng.choice(WEB_HOSTS)
        c = rng.choice(clients)
        ua = rng.choice(uas)
        busy[h] = [e for e in busy[h] if e > t]
        r = rng.random()
        if retry:
            r = 0.99
        if r < 0.3:
            uri = rng.choice(["/build/assets/app-4f1c9a2e.js", "/build/assets/app-9d8e7c6b.css", "/images/payment/visa.svg", "/favicon.ico"])
            ngx_access(h, t, c, "GET", uri, 200, rng.randint(900, 120000), ua, rng.uniform(0.0, 0.002), "-")
            continue
        wait = 0.0
        if len(busy[h]) >= MAXC and rng.random() < 0.6:
            # all children busy: request sits in the listen queue until one frees up
            wait = min(busy[h]) - t
            busy[h].remove(min(busy[h]))
        elif len(busy[h]) >= MAXC:
            # php-fpm listen backlog exhausted
            ngx_err(h, t + 0.0005, "error", '*%d connect() to unix:/run/php/php8.2-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream, client: %s, server: shop.example.com, request: "GET /checkout HTTP/2.0", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "shop.example.com"' % (rng.randint(10 ** 6, 10 ** 7), c))
            ngx_access(h, t, c, "GET", "/checkout", 502, 552, ua, 0.001, "0.000")
            continue
        if len(busy[h]) >= MAXC - 1 and t - last_maxwarn[h] > 20:
            fpm(h, t, "WARNING", "[pool www] server reached pm.max_children setting (%d), consider raising it" % MAXC)
            last_maxwarn[h] = t
        t_req = t
        t = t + wait
        fpm_pid[h] += 1
        if r < 0.75:
            uri = rng.choice(["/checkout", "/cart", "/checkout/shipping", "/account/orders"])
            d = rng.uniform(0.04, 0.18)
            busy[h].append(t + d)
            ngx_access(h, t_req, c, "GET", uri, 200, rng.randint(8000, 40000), ua, d + wait, "%.3f" % d)
            continue
        # place order
        st, d = order_post(t + 0.03, h)
        if d > 10.0:
            d_web = 10.0 + rng.uniform(0.001, 0.01) + 0.03
            pidn = rng.randint(23000, 29000)
            laravel(h, t + d_web, "ERROR", "cURL error 28: Operation timed out after 10001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://order-api.internal:8080/api/v1/orders",
                    '{"userId":%d,"exception":"[object] (GuzzleHttp\\\\Exception\\\\ConnectException(code: 0): cURL error 28: Operation timed out after 10001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://order-api.internal:8080/api/v1/orders at /var/www/checkout/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php:275)\n[stacktrace]\n#0 /var/www/checkout/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php(205): GuzzleHttp\\\\Handler\\\\CurlFactory::createRejection()\n#1 /var/www/checkout/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php(157): GuzzleHttp\\\\Handler\\\\CurlFactory::finishError()\n#2 /var/www/checkout/vendor/guzzlehttp/guzzle/src/Handler/CurlHandler.php(47): GuzzleHttp\\\\Handler\\\\CurlFactory::finish()\n#3 /var/www/checkout/app/Services/OrderApiClient.php(61): GuzzleHttp\\\\Client->post()\n#4 /var/www/checkout/app/Http/Controllers/CheckoutController.php(94): App\\\\Services\\\\OrderApiClient->placeOrder()\n#5 {main}\n"} ' % rng.randint(10000, 99999))
            if rng.random() < 0.5:
                fpm_slow(h, t + 5.0, pidn, ["[0x00007f3a1c213f40] curl_exec() /var/www/checkout/vendor/guzzlehttp/guzzle/src/Handler/CurlHandler.php:44",
                                             "[0x00007f3a1c213e60] __invoke() /var/www/checkout/vendor/guzzlehttp/guzzle/src/Handler/Proxy.php:28",
                                             "[0x00007f3a1c213d50] GuzzleHttp\\Handler\\{closure}() /var/www/checkout/vendor/guzzlehttp/guzzle/src/Handler/Proxy.php:48",
                                             "[0x00007f3a1c213c20] post() /var/www/checkout/app/Services/OrderApiClient.php:61",
                                             "[0x00007f3a1c213b10] placeOrder() /var/www/checkout/app/Http/Controllers/CheckoutController.php:94",
                                             "[0x00007f3a1c213a00] store() /var/www/checkout/vendor/laravel/framework/src/Illuminate/Routing/Controller.php:54"])
                fpm(h, t + 5.0, "WARNING", "[pool www] child %d, script '/var/www/checkout/public/index.php' (request: \"POST /index.php\") executing too slow (5.001483 sec), logging" % pidn)
            busy[h].append(t + d_web)
            ngx_access(h, t_req, c, "POST", "/checkout/place-order", 504, 1980, ua, d_web + wait, "%.3f" % d_web)
            if not retry and rng.random() < 0.5:
                retries.append((t + d_web + rng.uniform(3, 20), True))
                retries.sort()
        else:
            busy[h].append(t + d + 0.06)
            ngx_access(h, t_req, c, "POST", "/checkout/place-order", 302, 0, ua, d + 0.06 + wait, "%.3f" % (d + 0.06))

    # ---------------- activemq-01 background
    t = 0.0
    while t < END:
        t += rng.uniform(14, 16)
        for ip in ("10.30.9.14", "10.30.9.15"):
            if rng.random() < 0.5:
                port = rng.randint(32768, 60999)
                amq(t + rng.uniform(0, 0.5), "WARN", "Transport Connection to: tcp://%s:%d failed: java.io.EOFException" % (ip, port),
                    "org.apache.activemq.broker.TransportConnection.Transport", "ActiveMQ Transport: tcp:///%s:%d@61616" % (ip, port))
    t = rng.uniform(100, 400)
    while t < END:
        amq(t, "INFO", "Stomp connection from tcp://10.30.4.11:%d closed after inactivity timeout (90000 ms); client will reconnect" % rng.randint(32768, 60999),
            "org.apache.activemq.transport.stomp.ProtocolConverter", "ActiveMQ InactivityMonitor Worker")
        t += rng.uniform(500, 900)
    amq(8 * 60 + 12.2, "WARN", "Failed to add Connection id=ID:reporting-batch-7-39123-1776262081744-1:1, clientId=reporting-batch-7 due to java.lang.SecurityException: User name [reporting] or password is invalid.",
        "org.apache.activemq.broker.TransportConnection", "ActiveMQ Transport: tcp:///10.30.7.40:41208@61616")
    amq(8 * 60 + 12.2, "WARN", "Failed to add Connection id=ID:reporting-batch-7-39123-1776262081744-1:2, clientId=reporting-batch-7 due to java.lang.SecurityException: User name [reporting] or password is invalid.",
        "org.apache.activemq.broker.TransportConnection", "ActiveMQ Transport: tcp:///10.30.7.40:41212@61616")
    amq_audit(MITIGATE - 0.004, "admin called org.apache.activemq.broker.jmx.BrokerView.setStoreLimit([21474836480]) at 15-04-2026 14:44:02,114")
    amq_audit(12 * 60 + 3.0, "admin called org.apache.activemq.broker.jmx.QueueView.browse() at 15-04-2026 14:12:03,000")
    amq_audit(36 * 60 + 41.0, "admin called org.apache.activemq.broker.jmx.QueueView.browse() at 15-04-2026 14:36:41,000")

    # ---------------- order-api background
    for h in ORDER_HOSTS:
        pid = 2871 if h == "order-api-1" else 2904
        t = rng.uniform(0, 60)
        while t < END:
            boot(h, t, "INFO", pid, "scheduling-1", "c.e.orders.outbox.StaleCartSweeper", "Swept %d stale carts older than 72h" % rng.randint(0, 40))
            t += 300
        t = rng.uniform(30, 200)
        while t < END:
            boot(h, t, "WARN", pid, "nio-8080-exec-%d" % rng.randint(1, 200), "c.e.orders.web.ApiExceptionHandler",
                 "Rejected order request: MethodArgumentNotValidException on field 'shippingAddress.postalCode': must match \"^[0-9A-Z -]{3,10}$\"")
            t += rng.uniform(150, 500)
        t = rng.uniform(60, 300)
        while t < END:
            if rng.random() < 0.15:
                boot(h, t, "WARN", pid, "ActiveMQ InactivityMonitor Worker", "o.a.a.transport.failover.FailoverTransport",
                     "Transport (tcp://activemq-01.internal:61616) failed , attempting to automatically reconnect: java.io.IOException: Connection reset by peer")
            t += 600

    for i, h in enumerate(ORDER_HOSTS):
        pid = 2871 if h == "order-api-1" else 2904
        tt = 9 * 60 + 41.3 + i * 0.4
        boot(h, tt, "WARN", pid, "ActiveMQ InactivityMonitor Worker", "o.a.a.transport.failover.FailoverTransport",
             "Transport (tcp://activemq-01.internal:61616) failed , attempting to automatically reconnect: java.io.IOException: Connection reset by peer")
        boot(h, tt + 0.35, "INFO", pid, "ActiveMQ Task-1", "o.a.a.transport.failover.FailoverTransport",
             "Successfully reconnected to tcp://activemq-01.internal:61616")

    # ---------------- inventory-sync deploy (red herring) and its own blocked sends
    ih = "inventory-sync-1"
    t0 = INV_DEPLOY
    for k, (lvl, lg, msg) in enumerate([
            ("INFO", "c.e.inventory.InventorySyncApplication", "Starting InventorySyncApplication v1.31.0 using Java 17.0.10 with PID 30211"),
            ("INFO", "c.e.inventory.InventorySyncApplication", "No active profile set, falling back to 1 default profile: \"default\""),
            ("WARN", "o.s.b.a.jms.activemq.ActiveMQConnectionFactoryConfigurer", "spring.activemq.pool.enabled is deprecated; use spring.activemq.pool.* from org.messaginghub:pooled-jms"),
            ("INFO", "o.a.a.transport.failover.FailoverTransport", "Successfully connected to tcp://activemq-01.internal:61616"),
            ("INFO", "c.e.inventory.InventorySyncApplication", "Started InventorySyncApplication in 9.114 seconds (process running for 9.8)")]):
        boot(ih, t0 + k * 1.9, lvl, 30211, "main" if k != 3 else "ActiveMQ Task-1", lg, msg, app="inventory-sync")
    t = t0 + 20
    while t < END:
        if store_full(t):
            broker_block_warn(ih, t, "queue://inventory.snapshots")
            boot(ih, t + SEND_TIMEOUT, "ERROR", 30211, "scheduling-1", "c.e.inventory.sync.SnapshotPublisher",
                 "Failed to publish inventory snapshot (1 of 1): org.springframework.jms.UncategorizedJmsException: Uncategorized exception occurred during JMS processing", app="inventory-sync")
        else:
            boot(ih, t + 0.2, "INFO", 30211, "scheduling-1", "c.e.inventory.sync.SnapshotPublisher", "Published inventory snapshot for %d SKUs to queue://inventory.snapshots" % rng.randint(18000, 18400), app="inventory-sync")
        t += 60
    t = 3.0
    while t < INV_DEPLOY + 5:
        boot(ih, t + 0.2, "INFO", 28870, "scheduling-1", "c.e.inventory.sync.SnapshotPublisher", "Published inventory snapshot for %d SKUs to queue://inventory.snapshots" % rng.randint(18000, 18400), app="inventory-sync")
        t += 60

    # ---------------- fulfillment-worker (consumer): normal, then idle
    t = 0.0
    while t < END:
        t += rng.expovariate(0.55)
        if store_full(t):
            continue
        pylog(t, "INFO", "fulfillment.consumer", "consumed OrderCreated order_id=%d from /queue/orders.created, pick list created" % rng.randint(7100000, 7199999))
    t = STORE_FULL + 30
    while t < MITIGATE:
        pylog(t, "INFO", "fulfillment.consumer", "no messages received on /queue/orders.created for 30s")
        t += 30
    t = rng.uniform(100, 300)
    while t < END:
        pylog(t, "WARNING", "fulfillment.carriers", "DHL label API rate limited (HTTP 429), retrying in 2s")
        t += rng.uniform(300, 700)

    for h in WEB_HOSTS:
        t = rng.uniform(60, 500)
        while t < END:
            laravel(h, t, "WARNING", "Stripe webhook signature verification failed", '{"ip":"%s"}' % rng.choice(clients))
            t += rng.uniform(400, 900)

    for name, rows in FILES.items():
        rows.sort(key=lambda r: (r[0], r[1]))
        p = OUT / name
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            for _, _, text in rows:
                f.write(text)
                f.write("\n")


if __name__ == "__main__":
    main()
