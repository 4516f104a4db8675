#!/usr/bin/env python3
# Deterministic incident log generator (standard library only).
import os
import shutil
import random
import json
import gzip
import math
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc


def reset_logs():
    if os.path.isdir(LOGS):
        shutil.rmtree(LOGS)
    os.makedirs(LOGS)


def write_file(rel, lines, gz=False):
    path = os.path.join(LOGS, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    with open(path, "wb") as f:
        if gz:
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as g:
                g.write(data)
        else:
            f.write(data)


class Sink:
    """Collects (time, text) records; emits them sorted by time (stable)."""

    def __init__(self):
        self.items = []
        self.n = 0

    def add(self, t, text):
        self.items.append((t, self.n, text))
        self.n += 1

    def sorted_lines(self):
        return [x[2] for x in sorted(self.items, key=lambda x: (x[0], x[1]))]

    def __len__(self):
        return len(self.items)


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    L = math.exp(-lam)
    k, p = 0, 1.0
    while True:
        p *= rng.random()
        if p <= L:
            return k
        k += 1


def iso_ms(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def iso_us(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % t.microsecond


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum(rng, n, alphabet="abcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def uuid_from(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[0:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


def jdump(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def each_second(start, end):
    t = start
    while t < end:
        yield t
        t += timedelta(seconds=1)


def arrivals(rng, start, end, rate_fn):
    """Poisson arrivals; rate_fn(t) -> requests per second."""
    out = []
    for s in each_second(start, end):
        n = poisson(rng, rate_fn(s))
        ts = sorted(rng.random() for _ in range(n))
        for x in ts:
            out.append(s + timedelta(microseconds=int(x * 1e6)))
    return out


def ms(x):
    return timedelta(milliseconds=x)

# ---------------------------------------------------------------------------
# d07: the external payment provider (paygate) starts rate-limiting the merchant
# account (x-ratelimit-limit 100 -> 20, HTTP 429 + Retry-After). payment-fn
# (Lambda) retries honoring Retry-After, runs into its 15 s timeout, concurrency
# climbs to the reserved limit and Lambda throttles invocations; order-service
# fails orders; API Gateway returns 502/503 on POST /orders.
# Formats: `aws logs tail --format detailed` output of Lambda log streams
# (START/END/REPORT, tab-separated app lines, Node "Invoke Error"), API Gateway
# HTTP API JSON access log, Datadog Logs API v2 export (NDJSON) for ECS services.
rng = random.Random(4707)

START = datetime(2025, 3, 11, 14, 58, 0, tzinfo=UTC)
END = START + timedelta(minutes=36)
LIMIT_START = datetime(2025, 3, 11, 15, 9, 31, 412000, tzinfo=UTC)
LIMIT_END = datetime(2025, 3, 11, 15, 27, 8, 0, tzinfo=UTC)
CART_DEPLOY = datetime(2025, 3, 11, 15, 5, 40, 0, tzinfo=UTC)
RESERVED = 6

lam = {}         # stream -> Sink
streams = {}     # function -> list of envs
apigw = Sink()
dd = Sink()


def lam_line(fn, env, t, msg):
    key = (fn, env["stream"])
    if key not in lam:
        lam[key] = Sink()
    lam[key].add(t, "%s %s %s" % (t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d+00:00" % t.microsecond, env["stream"], msg))


def new_env(fn, t, version):
    env = {"stream": "%s/[%s]%s" % (t.strftime("%Y/%m/%d"), version, hexs(rng, 32)), "busy_until": t, "cold": True}
    streams.setdefault(fn, []).append(env)
    return env


def acquire(fn, t, version, reserved=None):
    envs = streams.setdefault(fn, [])
    busy = [e for e in envs if e["busy_until"] > t]
    free = [e for e in envs if e["busy_until"] <= t]
    if reserved is not None and len(busy) >= reserved:
        return None
    if free:
        e = free[0]
        e["cold"] = False
        return e
    return new_env(fn, t, version)


def app(fn, env, t, rid, level, obj):
    lam_line(fn, env, t, "%s\t%s\t%s\t%s" % (iso_ms(t), rid, level, jdump(obj)))


def report(fn, env, t_start, dur_ms, mem, rid, status=None, init=None):
    lam_line(fn, env, t_start + ms(dur_ms), "END RequestId: %s" % rid)
    s = "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB" % (
        rid, dur_ms, int(math.ceil(dur_ms)), mem, rng.randint(88, 131))
    if init:
        s += "\tInit Duration: %.2f ms" % init
    if status:
        s += "\tStatus: %s" % status
    lam_line(fn, env, t_start + ms(dur_ms + 0.3), s)


def limited(t):
    return LIMIT_START <= t < LIMIT_END


def p429(t):
    if not limited(t):
        return 0.0
    x = (t - LIMIT_START).total_seconds()
    return min(0.72, 0.35 + x / 300.0)


def paygate_call(fn, env, t, rid, order_id, attempt, path="/v2/charges"):
    """one HTTPS call; returns (latency_ms, status, retry_after)."""
    if rng.random() < p429(t):
        lat = rng.uniform(35, 95)
        ra = rng.choice([1, 2, 2, 2, 3])
        app(fn, env, t + ms(lat), rid, "WARN", {"level": "warn", "msg": "paygate rate limited", "status": 429, "attempt": attempt,
                                                 "endpoint": "POST https://api.paygate.io" + path, "retry_after_s": ra,
                                                 "ratelimit_limit": 20, "ratelimit_remaining": 0,
                                                 "paygate_request_id": "req_" + alnum(rng, 14, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
                                                 "order_id": order_id})
        return lat, 429, ra
    lat = rng.lognormvariate(math.log(380), 0.35)
    if rng.random() < 0.004:
        app(fn, env, t + ms(lat), rid, "WARN", {"level": "warn", "msg": "paygate 502, retrying", "status": 502, "attempt": attempt, "order_id": order_id})
        return lat, 502, 1
    rem = rng.randint(55, 97) if not limited(t) else rng.randint(0, 6)
    lim = 100 if not limited(t) else 20
    app(fn, env, t + ms(lat), rid, "INFO", {"level": "info", "msg": "paygate response", "status": 201 if path == "/v2/charges" else 200,
                                             "endpoint": "POST https://api.paygate.io" + path, "latency_ms": int(lat),
                                             "ratelimit_limit": lim, "ratelimit_remaining": rem, "order_id": order_id})
    return lat, 201, 0


def payment_invoke(t, order_id, amount):
    """Returns (outcome, duration_ms): outcome in ok|failed|timeout|throttled."""
    env = acquire("payment-fn", t, "$LATEST", RESERVED)
    if env is None:
        return "throttled", 0
    rid = uuid_from(rng)
    init = None
    t0 = t
    if env["cold"]:
        init = rng.uniform(280, 420)
        t0 = t + ms(init)
        env["cold"] = False
    lam_line("payment-fn", env, t0, "START RequestId: %s Version: 37" % rid)
    app("payment-fn", env, t0 + ms(2), rid, "INFO", {"level": "info", "msg": "charge request", "order_id": order_id, "amount": amount,
                                                      "currency": "EUR", "idempotency_key": "idk_" + hexs(rng, 20)})
    el = 3.0
    outcome = None
    for attempt in range(1, 5):
        lat, st, ra = paygate_call("payment-fn", env, t0 + ms(el), rid, order_id, attempt)
        el += lat
        if st == 201:
            app("payment-fn", env, t0 + ms(el + 1), rid, "INFO", {"level": "info", "msg": "charge captured", "order_id": order_id,
                                                                   "charge_id": "ch_" + alnum(rng, 24, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
                                                                   "attempts": attempt})
            outcome = "ok"
            el += 2
            break
        if attempt == 4:
            break
        sleep = max(ra * 1000.0, 500 * 2 ** (attempt - 1)) * rng.uniform(1.0, 1.25)
        if el + sleep > 15000:
            el = 15000 + rng.uniform(5, 25)
            outcome = "timeout"
            break
        el += sleep
    if outcome is None:
        outcome = "failed"
        app("payment-fn", env, t0 + ms(el + 1), rid, "ERROR", {"level": "error", "msg": "charge failed", "order_id": order_id,
                                                                "error": "PaygateRateLimitError: 429 Too Many Requests after 4 attempts"})
        lam_line("payment-fn", env, t0 + ms(el + 3), "%s\t%s\tERROR\tInvoke Error \t%s" % (iso_ms(t0 + ms(el + 3)), rid, jdump(
            {"errorType": "PaygateRateLimitError", "errorMessage": "429 Too Many Requests after 4 attempts (order %s)" % order_id,
             "name": "PaygateRateLimitError", "status": 429,
             "stack": ["PaygateRateLimitError: 429 Too Many Requests after 4 attempts (order %s)" % order_id,
                       "    at PaygateClient.charge (/var/task/src/paygate.js:112:15)",
                       "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
                       "    at async Runtime.handler (/var/task/src/index.js:41:20)"]})))
        el += 5
    if outcome == "timeout":
        lam_line("payment-fn", env, t0 + ms(el), "%s %s Task timed out after 15.02 seconds" % (iso_ms(t0 + ms(el)), rid))
        report("payment-fn", env, t0, el, 512, rid, status="timeout", init=init)
    else:
        report("payment-fn", env, t0, el, 512, rid, init=init)
    env["busy_until"] = t0 + ms(el + 5)
    return outcome, el + (init or 0)


# ---------------- Datadog export (ECS services) ----------------
HOSTS = {"order-service": ["i-0a1f3c%s" % hexs(rng, 11) for _ in range(3)],
         "cart-service": ["i-0b77e2%s" % hexs(rng, 11) for _ in range(2)],
         "catalog-service": ["i-0c93d1%s" % hexs(rng, 11) for _ in range(2)],
         "inventory-service": ["i-0d02aa%s" % hexs(rng, 11) for _ in range(2)],
         "fraud-service": ["i-0e4b19%s" % hexs(rng, 11) for _ in range(1)]}
VERS = {"order-service": "4.2.0", "cart-service": "2.9.3", "catalog-service": "7.1.0", "inventory-service": "3.0.8", "fraud-service": "1.4.2"}


def ddlog(svc, t, status, message, attrs=None, version=None):
    v = version or VERS[svc]
    rec = {"id": "AQAAAY" + alnum(rng, 40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), "type": "log",
           "attributes": {"service": svc, "host": rng.choice(HOSTS[svc]), "status": status, "timestamp": iso_ms(t),
                          "tags": ["env:prod", "service:%s" % svc, "version:%s" % v, "ecs_cluster_name:shop-prod", "region:eu-central-1",
                                   "source:java" if svc != "cart-service" else "source:go"],
                          "message": message, "attributes": attrs or {}}}
    dd.add(t, jdump(rec))


def apigw_log(t0, method, route, path, status, integ, err_msg="-", integ_status=None):
    rec = {"requestId": alnum(rng, 14, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") + "=",
           "ip": "%d.%d.%d.%d" % (rng.randint(31, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
           "requestTime": t0.strftime("%d/%b/%Y:%H:%M:%S +0000"), "httpMethod": method, "routeKey": "%s %s" % (method, route),
           "path": path, "status": str(status), "protocol": "HTTP/1.1", "responseLength": str(rng.randint(80, 4000)),
           "integrationLatency": str(int(integ)), "integrationStatus": str(integ_status or status), "integrationErrorMessage": err_msg,
           "responseLatency": str(int(integ) + rng.randint(1, 6))}
    te = t0 + ms(integ + 3)
    apigw.add(te, "%s %s %s" % (te.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d+00:00" % te.microsecond,
                                 "%s_%s" % (te.strftime("%Y-%m-%d"), "shop-prod-http-api"), jdump(rec)))


def trace():
    return {"trace_id": str(rng.getrandbits(63)), "span_id": str(rng.getrandbits(63))}


def order_flow(t, user):
    order_id = "ord_%s" % alnum(rng, 12)
    amount = rng.randint(999, 45999)
    tr = trace()
    el = rng.uniform(2, 5)
    # fraud check (pre-existing flakiness: falls open after 800 ms)
    fl = rng.lognormvariate(4.0, 0.4)
    if rng.random() < 0.04:
        fl = 800 + rng.uniform(0, 5)
        ddlog("fraud-service", t + ms(el + fl), "warn", "Scoring model timeout after 800ms, failing open", {"order_id": order_id, "model": "fraud-gbm-v12", "dd": tr})
    else:
        ddlog("fraud-service", t + ms(el + fl), "info", "Scored order %s risk=%.2f" % (order_id, rng.uniform(0, 0.4)), {"order_id": order_id, "dd": tr})
    el += fl
    il = rng.lognormvariate(2.8, 0.3)
    ddlog("inventory-service", t + ms(el + il), "info", "Reserved %d items for %s" % (rng.randint(1, 5), order_id), {"order_id": order_id, "duration_ms": round(il, 1), "dd": tr})
    el += il
    # invoke payment-fn synchronously (SDK: 3 attempts on throttling)
    outcome = None
    for sdk_attempt in range(3):
        oc, d = payment_invoke(t + ms(el), order_id, amount)
        if oc == "throttled":
            el += rng.uniform(20, 60) + 100 * (2 ** sdk_attempt)
            continue
        outcome = oc
        el += d + rng.uniform(10, 30)
        break
    if outcome is None:
        ddlog("order-service", t + ms(el), "error", "Payment invocation failed for order %s" % order_id,
              {"logger": {"name": "com.shop.orders.payment.PaymentClient", "thread_name": "http-nio-8080-exec-%d" % rng.randint(1, 200)},
               "error": {"kind": "software.amazon.awssdk.services.lambda.model.TooManyRequestsException",
                         "message": "Rate Exceeded. (Service: Lambda, Status Code: 429, Request ID: %s)" % uuid_from(rng),
                         "stack": "software.amazon.awssdk.services.lambda.model.TooManyRequestsException: Rate Exceeded. (Service: Lambda, Status Code: 429, Request ID: %s)\n\tat software.amazon.awssdk.core.internal.http.CombinedResponseHandler.handleErrorResponse(CombinedResponseHandler.java:125)\n\tat software.amazon.awssdk.services.lambda.DefaultLambdaClient.invoke(DefaultLambdaClient.java:3217)\n\tat com.shop.orders.payment.PaymentClient.charge(PaymentClient.kt:58)\n\tat com.shop.orders.api.OrderController.create(OrderController.kt:91)" % uuid_from(rng)},
               "function": "arn:aws:lambda:eu-central-1:210987654321:function:payment-fn", "order_id": order_id, "dd": tr})
        status, msg = 503, "payment temporarily unavailable"
    elif outcome == "ok":
        ddlog("order-service", t + ms(el), "info", "Order %s placed" % order_id, {"order_id": order_id, "amount_cents": amount, "dd": tr})
        status, msg = 201, None
    else:
        kind = "Unhandled" if outcome == "failed" else "Sandbox.Timedout"
        ddlog("order-service", t + ms(el), "error", "Payment function returned error for order %s" % order_id,
              {"logger": {"name": "com.shop.orders.payment.PaymentClient", "thread_name": "http-nio-8080-exec-%d" % rng.randint(1, 200)},
               "error": {"kind": "com.shop.orders.payment.PaymentFailedException",
                         "message": "FunctionError=%s payload=%s" % (kind, jdump({"errorType": "PaygateRateLimitError", "errorMessage": "429 Too Many Requests after 4 attempts"}) if outcome == "failed"
                                                                     else jdump({"errorType": "Sandbox.Timedout", "errorMessage": "Task timed out after 15.02 seconds"}))},
               "function": "arn:aws:lambda:eu-central-1:210987654321:function:payment-fn", "order_id": order_id, "dd": tr})
        status, msg = 502, "payment failed"
    el += rng.uniform(1, 4)
    ddlog("order-service", t + ms(el), "info" if status < 500 else "warn", "POST /orders %d %dms" % (status, int(el)),
          {"http": {"method": "POST", "url_details": {"path": "/orders"}, "status_code": status}, "duration": int(el * 1e6), "usr": {"id": user}, "dd": tr})
    return el, status


def rate(t):
    m = (t - START).total_seconds() / 60.0
    return 2.4 + 0.4 * math.sin(m / 5.0)


for t0 in arrivals(rng, START, END, rate):
    user = "usr_%s" % alnum(rng, 8)
    r = rng.random()
    tb = t0 + ms(rng.uniform(1, 4))
    if r < 0.26:
        el, st = order_flow(tb, user)
        apigw_log(t0, "POST", "/orders", "/orders", st, el + 2)
    elif r < 0.52:
        cl = rng.lognormvariate(2.3, 0.4)
        v = "2.10.0" if tb >= CART_DEPLOY + timedelta(seconds=30) else "2.9.3"
        ddlog("cart-service", tb + ms(cl), "info", "GET /cart 200 %.1fms" % cl, {"http": {"method": "GET", "status_code": 200}, "usr": {"id": user}}, version=v)
        apigw_log(t0, "GET", "/cart", "/cart", 200, cl + 2)
    elif r < 0.90:
        pid = rng.randint(1000, 99999)
        cl = rng.lognormvariate(2.7, 0.5)
        ddlog("catalog-service", tb + ms(cl), "info", "GET /products/%d 200 %.1fms" % (pid, cl), {"http": {"method": "GET", "status_code": 200}})
        apigw_log(t0, "GET", "/products/{id}", "/products/%d" % pid, 200, cl + 2)
    else:
        oid = "ord_%s" % alnum(rng, 12)
        ol = rng.lognormvariate(2.9, 0.4)
        ddlog("order-service", tb + ms(ol), "info", "GET /orders/%s 200 %.1fms" % (oid, ol), {"http": {"method": "GET", "status_code": 200}, "usr": {"id": user}})
        apigw_log(t0, "GET", "/orders/{id}", "/orders/%s" % oid, 200, ol + 2)

# ---------------- refund-fn: EventBridge every minute ----------------
t = START + timedelta(seconds=11)
while t < END:
    env = acquire("refund-fn", t, "$LATEST")
    rid = uuid_from(rng)
    init = None
    if env["cold"]:
        init = rng.uniform(300, 400)
        env["cold"] = False
    lam_line("refund-fn", env, t, "START RequestId: %s Version: 12" % rid)
    n = rng.randint(3, 12)
    el = 5.0
    failed = 0
    for k in range(n):
        lat, st, ra = paygate_call("refund-fn", env, t + ms(el), rid, "ord_%s" % alnum(rng, 12), 1, path="/v2/refunds")
        el += lat + 5
        if st != 201:
            failed += 1
    app("refund-fn", env, t + ms(el), rid, "INFO" if failed == 0 else "ERROR",
        {"level": "info" if failed == 0 else "error", "msg": "refund batch finished", "total": n, "failed": failed,
         "requeued": failed})
    report("refund-fn", env, t, el + 2, 256, rid, init=init)
    env["busy_until"] = t + ms(el + 3)
    t += timedelta(seconds=60)

# ---------------- notify-fn: SNS order events, pre-existing SES throttling warnings ----------------
t = START + timedelta(seconds=3)
while t < END:
    env = acquire("notify-fn", t, "$LATEST")
    rid = uuid_from(rng)
    lam_line("notify-fn", env, t, "START RequestId: %s Version: 58" % rid)
    d = rng.lognormvariate(4.6, 0.3)
    if rng.random() < 0.12:
        app("notify-fn", env, t + ms(d), rid, "WARN", {"level": "warn", "msg": "SES throttled, message re-queued", "error": "Throttling: Maximum sending rate exceeded."})
    else:
        app("notify-fn", env, t + ms(d), rid, "INFO", {"level": "info", "msg": "order confirmation sent", "template": "order-confirmed-v3"})
    report("notify-fn", env, t, d + 2, 256, rid)
    env["busy_until"] = t + ms(d + 3)
    t += timedelta(seconds=rng.uniform(2, 9))

# ---------------- cart-service deploy (red herring) ----------------
ddlog("cart-service", CART_DEPLOY, "info", "Deployment circuit breaker: rolling update of task definition shop-cart-service:88 started", {"ecs": {"task_definition": "shop-cart-service:88"}}, version="2.10.0")
ddlog("cart-service", CART_DEPLOY + timedelta(seconds=22), "warn", "redis: connection pool warm-up took 2.3s (expected < 1s)", {}, version="2.10.0")
ddlog("cart-service", CART_DEPLOY + timedelta(seconds=25), "info", "cart-service 2.10.0 listening on :8080", {}, version="2.10.0")

# ---------------- write ----------------
reset_logs()
total = 0
for (fn, stream) in sorted(lam.keys()):
    lines = lam[(fn, stream)].sorted_lines()
    safe = stream.replace("/", "_").replace("[", "").replace("]", "_").replace("$", "")
    write_file("cloudwatch/aws/lambda/%s/%s.log" % (fn, safe), lines)
    total += len(lines)
lines = apigw.sorted_lines()
write_file("cloudwatch/apigateway/shop-prod-http-api/access.log", lines)
total += len(lines)
lines = dd.sorted_lines()
write_file("datadog/logs-export-ecs-shop-prod.ndjson", lines)
total += len(lines)
print("d07 lines:", total, "payment envs:", len(streams["payment-fn"]))
