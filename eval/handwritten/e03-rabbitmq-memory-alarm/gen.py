#!/usr/bin/env python3
"""Generator for incident case e03-rabbitmq-memory-alarm (standard library only, deterministic)."""
SEED = 4303
import os, json, gzip, shutil, random, math
from datetime import datetime, timezone, timedelta

# The set's shared helpers (output sink, time formats, random shapes), kept once in e_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "e_common.py")).read())

# ======================================================================== case
# e03: RabbitMQ memory high-watermark alarm blocks every publisher cluster-wide.

T_BEGIN = ep(2025, 6, 3, 19, 20, 0)
T_END = ep(2025, 6, 3, 19, 52, 0)
T_UPG = ep(2025, 6, 3, 19, 22, 10, 330)       # rolling restart of rabbitmq-2 (3.13.1 -> 3.13.2)
T_UP2 = T_UPG + 88.4
T_ALARM = ep(2025, 6, 3, 19, 31, 2, 114)      # memory alarm on rabbitmq-0
T_CLEAR = ep(2025, 6, 3, 19, 46, 28, 702)     # follower caught up, memory released
APACHE_TZ = 2.0

RNODE = {i: "rabbit@rabbitmq-%d.rabbitmq-nodes.messaging" % i for i in range(3)}
RIP = {i: "10.42.9.%d" % (4 + i * 7) for i in range(3)}
PODS = {}
PODIP = {}


def mk(svc, n, rs):
    PODS[svc] = [podname(svc, rs) for _ in range(n)]
    for p in PODS[svc]:
        PODIP[p] = ip()


mk("storefront", 3, "6f8c7d9b5")
mk("order-api", 2, "5b9d8c7f6")
mk("accounts", 2, "7c6b9f8d5")
mk("catalog", 2, "58f7c9d6b")
mk("payment-api", 2, "6d9c8b7f5")
mk("fulfillment-worker", 2, "7b8f6d5c9")
mk("email-worker", 1, "5c9f7b6d8")
mk("analytics-ingest", 1, "6b7d9f8c5")
APACHE_IP = "10.20.1.10"


def blocked(t):
    return T_ALARM <= t < T_CLEAR


# ------------------------------------------------------------------ formatters
def laravel(pod, t, level, msg, ctx="[]"):
    emit("shop/%s/laravel.log" % pod, t, "[%s] production.%s: %s %s []" % (dt(t).strftime("%Y-%m-%d %H:%M:%S"), level, msg, ctx))


MONO_LV = {"INFO": 200, "WARNING": 300, "ERROR": 400}


def monojson(pod, t, level, msg, ctx, extra=None):
    d = {"message": msg, "context": ctx, "level": MONO_LV[level], "level_name": level, "channel": "production",
         "datetime": dt(t).strftime("%Y-%m-%dT%H:%M:%S.%f") + "+00:00", "extra": extra or {}}
    emit("shop/%s/laravel.json" % pod, t, json.dumps(d, separators=(",", ":")).replace("/", "\\/"))


RMQ_PID = [23000]


def rpid():
    RMQ_PID[0] += R.randint(3, 90)
    return "<0.%d.0>" % RMQ_PID[0]


def rmq(i, t, level, msg, pid=None):
    d = dt(t)
    pre = "%s.%06d+00:00 [%s] %s " % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond, level, pid or rpid())
    emit("messaging/rabbitmq-%d/rabbit.log" % i, t, "\n".join(pre + ln for ln in msg.split("\n")))


def apache_access(t, cip, method, path, status, size, us, ref, ua):
    emit("edge-httpd/web-01/access_log", t + us / 1e6, '%s - - [%s] "%s %s HTTP/1.1" %d %s "%s" "%s" %d' % (
        cip, clf(t, APACHE_TZ), method, path, status, size if size else "-", ref, ua, int(us)))


def apache_error(t, module, level, msg, cip):
    d = dt(t, APACHE_TZ)
    emit("edge-httpd/web-01/error_log", t, "[%s.%06d %s] [%s:%s] [pid %d:tid %d] %s[client %s:%d] %s" % (
        d.strftime("%a %b %d %H:%M:%S"), d.microsecond, d.strftime("%Y"), module, level, R.choice([2211, 2212, 2876]), R.randint(139800000000000, 139899999999999),
        "(70007)The timeout specified has expired: " if "AH01102" in msg else "", cip, R.randint(30000, 65000), msg))


UWSGI_REQ = {}


def uwsgi(pod, t, method, path, status, size, ms, cip):
    n = UWSGI_REQ.setdefault(pod, [R.randint(2000, 3000), R.randint(9000, 12000)])
    n[0] += 1
    n[1] += 1
    d = dt(t)
    emit("accounts/%s.log" % pod, t + ms / 1000.0, "[pid: %d|app: 0|req: %d/%d] %s () {%d vars in %d bytes} [%s] %s %s => generated %d bytes in %d msecs (HTTP/1.1 %d) %d headers in %d bytes (1 switches on core %d)" % (
        R.choice([14, 15, 16, 17]), n[0], n[1], cip, R.randint(44, 56), R.randint(900, 1300), d.strftime("%a %b ") + ("%2d" % d.day) + d.strftime(" %H:%M:%S %Y"),
        method, path, size, int(ms), status, R.randint(4, 8), R.randint(150, 400), R.randint(0, 3)))


def django(pod, t, level, name, msg):
    d = dt(t)
    emit("accounts/%s.log" % pod, t, "%s,%03d %s %s %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level, name, msg))


def logfmt(svcdir, pod, t, level, caller, msg, **kv):
    s = "ts=%s caller=%s level=%s msg=%s" % (iso_ms(t), caller, level, json.dumps(msg))
    for k, v in kv.items():
        v = str(v)
        s += " %s=%s" % (k, json.dumps(v) if (" " in v or v == "") else v)
    emit("%s/%s.log" % (svcdir, pod), t, s)


def nest(pod, t, level, ctx, msg):
    d = dt(t)
    h = d.hour % 12 or 12
    ts = "%d/%d/%d, %d:%02d:%02d %s" % (d.month, d.day, d.year, h, d.minute, d.second, "PM" if d.hour >= 12 else "AM")
    emit("workers/%s.log" % pod, t, "[Nest] 1  - %s %7s [%s] %s" % (ts, level, ctx, msg))


def structlog(pod, t, level, event, **kv):
    s = "%s [%-9s] %-30s" % (iso_us(t), level, event)
    s += " " + " ".join("%s=%s" % (k, v) for k, v in kv.items())
    emit("workers/%s.log" % pod, t, s.rstrip())


def php_trace(frames):
    lines = ["[stacktrace]"]
    for i, f in enumerate(frames):
        lines.append("#%d %s" % (i, f))
    lines.append("#%d {main}" % len(frames))
    return "\n".join(lines)


AMQP_FRAMES = [
    "/var/www/html/vendor/php-amqplib/php-amqplib/PhpAmqpLib/Wire/IO/StreamIO.php(220): PhpAmqpLib\\\\Wire\\\\IO\\\\StreamIO->check_heartbeat()",
    "/var/www/html/vendor/php-amqplib/php-amqplib/PhpAmqpLib/Wire/AMQPReader.php(149): PhpAmqpLib\\\\Wire\\\\IO\\\\StreamIO->read(7)",
    "/var/www/html/vendor/php-amqplib/php-amqplib/PhpAmqpLib/Channel/AbstractChannel.php(374): PhpAmqpLib\\\\Wire\\\\AMQPReader->readFrame()",
    "/var/www/html/vendor/php-amqplib/php-amqplib/PhpAmqpLib/Channel/AMQPChannel.php(1253): PhpAmqpLib\\\\Channel\\\\AbstractChannel->wait(Array, false, 5.0)",
    "/var/www/html/app/Messaging/EventPublisher.php(61): PhpAmqpLib\\\\Channel\\\\AMQPChannel->wait_for_pending_acks_returns(5.0)",
]


def amqp_exc(caller_frames):
    fr = AMQP_FRAMES + caller_frames + [
        "/var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54): call_user_func_array(Array, Array)",
        "/var/www/html/vendor/laravel/framework/src/Illuminate/Routing/ControllerDispatcher.php(43): Illuminate\\\\Routing\\\\Controller->callAction('store', Array)",
        "/var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Route.php(260): Illuminate\\\\Routing\\\\ControllerDispatcher->dispatch(Object(Illuminate\\\\Routing\\\\Route), Object(App\\\\Http\\\\Controllers\\\\CheckoutController), 'store')",
        "/var/www/html/vendor/laravel/framework/src/Illuminate/Pipeline/Pipeline.php(167): Illuminate\\\\Routing\\\\Router->Illuminate\\\\Routing\\\\{closure}(Object(Illuminate\\\\Http\\\\Request))",
        "/var/www/html/vendor/laravel/octane/src/Worker.php(92): Illuminate\\\\Foundation\\\\Http\\\\Kernel->handle(Object(Illuminate\\\\Http\\\\Request))",
    ]
    return ('{"exception":"[object] (PhpAmqpLib\\\\Exception\\\\AMQPTimeoutException(code: 0): The connection timed out after 5 sec while awaiting incoming data at '
            '/var/www/html/vendor/php-amqplib/php-amqplib/PhpAmqpLib/Wire/AMQPReader.php:154)\n' + php_trace(fr) + '\n"}')


# ------------------------------------------------------------------ AMQP connection bookkeeping (broker side)
CONN = {}


def open_conn(client_pod, user, t, quiet=False):
    i = R.randint(0, 2)
    pid = rpid()
    port = R.randint(32768, 60999)
    CONN[client_pod] = (i, pid, port, user)
    rmq(i, t, "info", "accepting AMQP connection %s (%s:%d -> %s:5672)" % (pid, PODIP[client_pod], port, RIP[i]), pid)
    rmq(i, t + 0.004, "info", "connection %s (%s:%d -> %s:5672): user '%s' authenticated and granted access to vhost 'shop'" % (
        pid, PODIP[client_pod], port, RIP[i], user), pid)


def drop_conn(client_pod, t):
    if client_pod not in CONN:
        return
    i, pid, port, user = CONN.pop(client_pod)
    rmq(i, t, "warning", "closing AMQP connection %s (%s:%d -> %s:5672, vhost: 'shop', user: '%s'):\nclient unexpectedly closed TCP connection" % (
        pid, PODIP[client_pod], port, RIP[i], user), pid)


for svc, user in (("storefront", "storefront"), ("order-api", "order-api"), ("accounts", "accounts"),
                  ("fulfillment-worker", "fulfillment"), ("email-worker", "email"), ("analytics-ingest", "analytics")):
    for p in PODS[svc]:
        CONN[p] = (R.randint(0, 2), rpid(), R.randint(32768, 60999), user)

BLOCK_NOTED = {}


def publish(pod, t, routing_key):
    """returns (ok, elapsed_ms, blocked_notice_needed)"""
    if pod not in CONN:
        open_conn(pod, {"storefront": "storefront", "order-api": "order-api", "accounts": "accounts"}[pod.rsplit("-", 2)[0]], t)
    if blocked(t):
        return False
    return True


# ------------------------------------------------------------------ services
def payment(t, order, amount):
    pod = R.choice(PODS["payment-api"])
    ms = lat(140, 0.35)
    logfmt("shop", pod, t + ms / 1000.0, "info", "charge.go:142", "charge captured", order=order, amount="%.2f" % amount, currency="EUR", psp="mollie", took_ms=int(ms))
    return 201, ms


CONSUMED = []


def order_api(t, method, path, rid, via):
    pod = R.choice(PODS["order-api"])
    ms = lat(12, 0.35)
    status = 200
    ctx = {"request_id": rid}
    if method == "POST":
        order = "SO-%08d" % R.randint(10000000, 99999999)
        amount = R.randint(1200, 29000) / 100.0
        st, m = payment(t + ms / 1000.0, order, amount)
        ms += m
        tp = t + ms / 1000.0
        if publish(pod, tp, "order.created"):
            ms += lat(3, 0.3)
            CONSUMED.append((tp + 0.05, order))
            status = 201
            monojson(pod, t + ms / 1000.0, "INFO", "Order created", {"request_id": rid, "order": order, "amount": amount, "published": "order.created"})
        else:
            if not BLOCK_NOTED.get(pod):
                BLOCK_NOTED[pod] = True
                monojson(pod, tp + 0.01, "WARNING", "AMQP connection blocked by broker", {"reason": "low on memory", "host": "rabbitmq.messaging.svc.cluster.local", "port": 5672})
            ms += 5000 + lat(2, 0.2)
            monojson(pod, t + ms / 1000.0, "ERROR", "Failed to publish order.created for order %s: The connection timed out after 5 sec while awaiting incoming data" % order,
                     {"request_id": rid, "order": order, "exchange": "orders", "routing_key": "order.created",
                      "exception": "[object] (PhpAmqpLib\\Exception\\AMQPTimeoutException(code: 0): The connection timed out after 5 sec while awaiting incoming data at /var/www/html/vendor/php-amqplib/php-amqplib/PhpAmqpLib/Wire/AMQPReader.php:154)"})
            drop_conn(pod, t + ms / 1000.0)
            status = 503
    else:
        ms += lat(4, 0.3)
    monojson(pod, t + ms / 1000.0, "INFO", "%s %s %d" % (method, path, status), {"request_id": rid, "status": status, "duration_ms": round(ms, 1), "client": via})
    return status, ms


def catalog(t, path):
    pod = R.choice(PODS["catalog"])
    ms = lat(16, 0.45)
    st = 200
    if R.random() < 0.012:
        st = 404
        logfmt("shop", pod, t + ms / 1000.0, "warn", "handler.go:88", "product not found", path=path)
    logfmt("shop", pod, t + ms / 1000.0, "info", "middleware.go:41", "request", method="GET", path=path, status=st, took_ms=round(ms, 1))
    return st, ms


def storefront(t, cip, route):
    pod = R.choice(PODS["storefront"])
    ms = lat(25, 0.3)
    rid = hexid(16)
    if route == "page":
        slug = R.choice(["women", "men", "kids", "sale", "shoes", "bags", "new-in", "outdoor"])
        path = "/shop/%s" % slug if R.random() < 0.4 else "/shop/p/%d" % R.randint(10000, 99999)
        st, m = catalog(t + 0.004, path.replace("/shop", "/v1"))
        ms += m
        return "GET", path, (200 if st == 200 else 404), ms
    # checkout
    path = "/shop/checkout"
    tp = t + ms / 1000.0
    if publish(pod, tp, "cart.converted"):
        ms += lat(3, 0.3)
    else:
        if not BLOCK_NOTED.get(pod):
            BLOCK_NOTED[pod] = True
            laravel(pod, tp + 0.01, "WARNING", "AMQP connection blocked by broker", '{"reason":"low on memory","host":"rabbitmq.messaging.svc.cluster.local"}')
        ms += 5000 + lat(2, 0.2)
        laravel(pod, t + ms / 1000.0, "ERROR", "Failed to publish cart.converted: The connection timed out after 5 sec while awaiting incoming data",
                amqp_exc(["/var/www/html/app/Http/Controllers/CheckoutController.php(88): App\\\\Messaging\\\\EventPublisher->publish('cart.converted', Array)"]))
        drop_conn(pod, t + ms / 1000.0)
    st, m = order_api(t + ms / 1000.0, "POST", "/api/orders", rid, "storefront")
    ms += m
    if st >= 500:
        laravel(pod, t + ms / 1000.0, "ERROR", "Checkout failed: order-api responded 503",
                '{"url":"http://order-api.shop.svc.cluster.local/api/orders","status":503,"request_id":"%s","body":"{\\"message\\":\\"order could not be queued\\"}"}' % rid)
        return "POST", path, 502, ms
    laravel(pod, t + ms / 1000.0, "INFO", "Checkout completed", '{"request_id":"%s"}' % rid)
    return "POST", path, 302, ms


def accounts(t, cip, route):
    pod = R.choice(PODS["accounts"])
    ms = lat(35, 0.35)
    if route == "login":
        if blocked(t):
            ms += 12000 + lat(5, 0.3)
            if pod not in CONN:
                open_conn(pod, "accounts", t + 0.01)
            django(pod, t + ms / 1000.0, "WARNING", "pika.adapters.blocking_connection", "Connection blocked by broker: Connection.Blocked: reason='low on memory'")
            django(pod, t + ms / 1000.0 + 0.001, "ERROR", "pika.adapters.blocking_connection", "Blocked connection timeout expired.")
            django(pod, t + ms / 1000.0 + 0.003, "ERROR", "django.request", "Internal Server Error: /account/login/\nTraceback (most recent call last):\n"
                   "  File \"/usr/local/lib/python3.11/site-packages/django/core/handlers/exception.py\", line 55, in inner\n    response = get_response(request)\n"
                   "  File \"/usr/local/lib/python3.11/site-packages/django/core/handlers/base.py\", line 197, in _get_response\n    response = wrapped_callback(request, *callback_args, **callback_kwargs)\n"
                   "  File \"/app/accounts/views.py\", line 74, in login_view\n    audit.publish(\"user.login\", {\"user_id\": user.pk, \"ip\": ip})\n"
                   "  File \"/app/accounts/audit.py\", line 31, in publish\n    self._channel.basic_publish(exchange=\"audit\", routing_key=event, body=payload, properties=PROPS)\n"
                   "  File \"/usr/local/lib/python3.11/site-packages/pika/adapters/blocking_connection.py\", line 2265, in basic_publish\n    self._flush_output()\n"
                   "  File \"/usr/local/lib/python3.11/site-packages/pika/adapters/blocking_connection.py\", line 1353, in _flush_output\n    self._connection._flush_output(lambda: self.is_closed, *waiters)\n"
                   "  File \"/usr/local/lib/python3.11/site-packages/pika/adapters/blocking_connection.py\", line 523, in _flush_output\n    raise self._closed_result.value.error\n"
                   "pika.exceptions.ConnectionBlockedTimeout")
            drop_conn(pod, t + ms / 1000.0 + 0.004)
            uwsgi(pod, t, "POST", "/account/login/", 500, 145, ms, APACHE_IP)
            return "POST", "/account/login/", 500, ms
        uwsgi(pod, t, "POST", "/account/login/", 302, 0, ms, APACHE_IP)
        return "POST", "/account/login/", 302, ms
    path = R.choice(["/account/", "/account/orders/", "/account/addresses/", "/account/settings/"])
    uwsgi(pod, t, "GET", path, 200, R.randint(8000, 30000), ms, APACHE_IP)
    return "GET", path, 200, ms


def rate(t):
    return 4.2 + 0.6 * math.sin((t - T_BEGIN) / 700.0)


ROUTES = [("page", 54), ("checkout", 5), ("api_get", 10), ("api_post", 3), ("account", 12), ("login", 6), ("static", 10)]
for t in arrivals(T_BEGIN, T_END, rate):
    cip = client_ip()
    r = wchoice(ROUTES)
    ua = R.choice(UAS)
    ref = "https://www.kleidhaus.example/"
    if r in ("page", "checkout"):
        method, path, st, ms = storefront(t + 0.0005, cip, r)
    elif r in ("api_get", "api_post"):
        ua = R.choice(["KleidhausApp/5.12.1 (iOS 17.4)", "KleidhausApp/5.12.0 (Android 14)", "KleidhausApp/5.11.3 (Android 13)"])
        ref = "-"
        if r == "api_get":
            method, path = "GET", "/api/orders/SO-%08d" % R.randint(10000000, 99999999)
        else:
            method, path = "POST", "/api/orders"
        st, ms = order_api(t + 0.0005, method, path, hexid(16), "mobile")
    elif r in ("account", "login"):
        method, path, st, ms = accounts(t + 0.0005, cip, r)
        if ms > 10000:
            # ProxyTimeout 10 on the /account vhost: Apache gives up before Django answers
            apache_error(t + 10.0, "proxy_http", "error", "AH01102: error reading status line from remote server accounts.shop.svc.cluster.local:8000", cip)
            apache_error(t + 10.0001, "proxy", "error", "AH00898: Error reading from remote server returned by /account/login/", cip)
            st, ms = 504, 10000.8
    else:
        method, path, st, ms = "GET", "/static/%s.%s" % (hexid(10), R.choice(["js", "css", "woff2", "webp"])), 200, lat(0.4, 0.3)
    size = R.randint(2000, 90000) if st < 400 else R.randint(200, 600)
    apache_access(t, cip, method, path, st, size, ms * 1000 + R.randint(200, 900), ref, ua)

# ------------------------------------------------------------------ consumers
for (tp, order) in CONSUMED:
    pod = R.choice(PODS["fulfillment-worker"])
    tt = tp + lat(0.08, 0.5)
    nest(pod, tt, "LOG", "OrderCreatedConsumer", "Received order.created %s (delivery_tag=%d)" % (order, R.randint(1000, 900000)))
    nest(pod, tt + lat(0.6, 0.4), "LOG", "WarehouseService", "Pick list created for %s at WH-RTM-1 (%d lines)" % (order, R.randint(1, 6)))
    pe = PODS["email-worker"][0]
    te = tp + lat(0.15, 0.5)
    if R.random() < 0.04:
        structlog(pe, te + 0.4, "warning", "smtp send deferred", order=order, provider="ses", code=454, reason="'Throttling failure: Maximum sending rate exceeded.'", retry_in="30s")
    else:
        structlog(pe, te + 0.3, "info", "email sent", order=order, template="order_confirmation", provider="ses", message_id=hexid(20))
pa = PODS["analytics-ingest"][0]
t = T_BEGIN + 3
while t < T_END:
    n_ev = R.randint(400, 900) if not blocked(t) else R.randint(150, 400)
    logfmt("workers", pa, t, "info", "batch.go:77", "flushed batch to clickhouse", queue="analytics.events", events=n_ev, took_ms=R.randint(40, 160))
    t += 10
for p in PODS["fulfillment-worker"]:
    t = T_BEGIN + R.random() * 60
    while t < T_END:
        nest(p, t, "LOG", "HealthController", "heartbeat ok, prefetch=20, unacked=%d" % R.randint(0, 3))
        t += 60
# accounts background noise: bots hitting with a bad Host header
for p in PODS["accounts"]:
    t = T_BEGIN + R.random() * 100
    while t < T_END:
        django(p, t, "ERROR", "django.security.DisallowedHost", "Invalid HTTP_HOST header: '%s'. You may need to add '%s' to ALLOWED_HOSTS." % ((lambda h: (h, h))("%d.%d.%d.%d" % (R.randint(1, 223), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)))))
        t += lat(140, 0.5)

# apache background noise: scanners
t = T_BEGIN + R.random() * 60
while t < T_END:
    c = client_ip()
    if R.random() < 0.5:
        apache_error(t, "authz_core", "error", "AH01630: client denied by server configuration: /var/www/html/%s" % R.choice([".env", ".git/config", "wp-login.php", "server-status", ".aws/credentials"]), c)
    else:
        apache_error(t, "core", "error", "AH10244: invalid URI path (/cgi-bin/.%2e/.%2e/.%2e/bin/sh)", c)
    t += lat(90, 0.6)

# ------------------------------------------------------------------ rabbitmq
# rolling upgrade of rabbitmq-2 (planned maintenance)
rmq(2, T_UPG, "info", "RabbitMQ is asked to stop...", "<0.5.0>")
rmq(2, T_UPG + 0.3, "info", "Stopping RabbitMQ applications and their dependencies in the following order:\n    rabbitmq_prometheus\n    rabbitmq_management\n    rabbitmq_peer_discovery_k8s\n    rabbit", "<0.5.0>")
rmq(2, T_UPG + 2.1, "info", "Successfully stopped RabbitMQ and its dependencies", "<0.5.0>")
for i in (0, 1):
    rmq(i, T_UPG + 2.3 + i * 0.05, "info", "rabbit on node '%s' down" % RNODE[2])
    rmq(i, T_UPG + 2.4 + i * 0.05, "info", "node '%s' down: connection_closed" % RNODE[2])
rmq(0, T_UPG + 2.9, "info", "queue 'analytics.events' in vhost 'shop': member {'%%2F_analytics.events','%s'} is now unreachable" % RNODE[2])
b = T_UP2
rmq(2, b, "info", "Starting RabbitMQ 3.13.2 on Erlang 26.2.5 [jit]\n Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries\n Licensed under the MPL 2.0. Website: https://rabbitmq.com", "<0.231.0>")
rmq(2, b + 0.8, "info", "Feature flags: all feature flags are enabled", "<0.231.0>")
rmq(2, b + 3.6, "info", "Waiting for Mnesia tables for 30000 ms, 9 retries left", "<0.231.0>")
rmq(2, b + 4.0, "info", "Successfully synced tables from a peer", "<0.231.0>")
rmq(2, b + 6.2, "info", "Ready to start client connection listeners", "<0.231.0>")
rmq(2, b + 6.3, "info", "started TCP listener on [::]:5672", "<0.1061.0>")
rmq(2, b + 7.0, "info", "Server startup complete; 6 plugins started.\n * rabbitmq_prometheus\n * rabbitmq_federation\n * rabbitmq_management\n * rabbitmq_management_agent\n * rabbitmq_web_dispatch\n * rabbitmq_peer_discovery_k8s", "<0.231.0>")
for i in (0, 1):
    rmq(i, b + 7.2 + i * 0.02, "info", "node '%s' up" % RNODE[2])
    rmq(i, b + 7.3 + i * 0.02, "info", "rabbit on node '%s' up" % RNODE[2])
# quorum-queue follower catch-up keeps the leader's log in memory on rabbitmq-0
qpid = "<0.1934.0>"
t = b + 9.5
behind = 2140000
k = 0
while t < T_CLEAR - 40:
    behind += R.randint(90000, 140000)
    if k % 3 == 0:
        rmq(0, t, "info", "queue 'analytics.events' in vhost 'shop': sending snapshot to member {'%%2F_analytics.events','%s'} (%d entries behind)" % (RNODE[2], behind), qpid)
    else:
        rmq(0, t, "warning", "queue 'analytics.events' in vhost 'shop': snapshot install to {'%%2F_analytics.events','%s'} timed out after 30000ms, retrying" % RNODE[2], qpid)
    rmq(2, t + 0.3, "info", "queue 'analytics.events' in vhost 'shop': receiving snapshot chunk %d/%d" % (R.randint(1, 30), 311), "<0.2311.0>")
    t += 30 + R.random() * 5
    k += 1
# the alarm
pa0 = "<0.612.0>"
rmq(0, T_ALARM - 0.0002, "info", "vm_memory_high_watermark set. Memory used:3436240896 allowed:3435973836", pa0)
rmq(0, T_ALARM, "warning", "memory resource limit alarm set on node '%s'.\n\n**********************************************************\n*** Publishers will be blocked until this alarm clears ***\n**********************************************************" % RNODE[0], pa0)
rmq(0, T_CLEAR - 39.0, "info", "queue 'analytics.events' in vhost 'shop': snapshot installed on member {'%%2F_analytics.events','%s'}, releasing %d retained entries" % (RNODE[2], behind), qpid)
rmq(2, T_CLEAR - 38.8, "info", "queue 'analytics.events' in vhost 'shop': installed snapshot at index %d" % (88123044 + behind), "<0.2311.0>")
rmq(0, T_CLEAR - 0.0002, "info", "vm_memory_high_watermark clear. Memory used:3079917568 allowed:3435973836", pa0)
rmq(0, T_CLEAR, "warning", "memory resource limit alarm cleared on node '%s'" % RNODE[0], pa0)
rmq(0, T_CLEAR + 0.001, "warning", "memory resource limit alarm cleared across the cluster", pa0)
# background: management/prometheus scrapes and periodic connection churn of a cron client
for i in range(3):
    t = T_BEGIN + R.random() * 300
    while t < T_END:
        if not (i == 2 and T_UPG < t < T_UP2 + 8):
            pid = rpid()
            port = R.randint(32768, 60999)
            cip_ = "10.42.%d.%d" % (R.randint(0, 15), R.randint(2, 250))
            rmq(i, t, "info", "accepting AMQP connection %s (%s:%d -> %s:5672)" % (pid, cip_, port, RIP[i]), pid)
            rmq(i, t + 0.003, "info", "connection %s (%s:%d -> %s:5672): user 'cron-reports' authenticated and granted access to vhost 'shop'" % (pid, cip_, port, RIP[i]), pid)
            rmq(i, t + 1.7, "info", "closing AMQP connection %s (%s:%d -> %s:5672, vhost: 'shop', user: 'cron-reports')" % (pid, cip_, port, RIP[i]), pid)
        t += 300 + R.random() * 10

n = write_all()
print("e03 lines:", n)
