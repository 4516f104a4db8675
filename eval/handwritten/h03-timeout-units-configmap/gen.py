import os, shutil, random, json, math
from datetime import datetime, timezone

R = random.Random(310310)
HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc

def ri(a, b):
    return a + int(R.random() * (b - a + 1))

def rc(seq):
    return seq[int(R.random() * len(seq))]

def T(h, m, s=0.0):
    return datetime(2026, 3, 10, h, m, 0, tzinfo=UTC).timestamp() + s

START = T(15, 0)
END = T(16, 5)
FILES = {}
SEQ = [0]
_SC = {}

def sec_fmt(t, fmt):
    k = (int(math.floor(t)), fmt)
    v = _SC.get(k)
    if v is None:
        v = datetime.fromtimestamp(k[0], UTC).strftime(fmt)
        _SC[k] = v
    return v

def frac(t, n):
    return int((t - math.floor(t)) * 10 ** n)

def iso_ms(t):
    return sec_fmt(t, "%Y-%m-%dT%H:%M:%S.") + "%03dZ" % frac(t, 3)

def iso_us(t):
    return sec_fmt(t, "%Y-%m-%dT%H:%M:%S.") + "%06dZ" % frac(t, 6)

def emit(path, t, line):
    SEQ[0] += 1
    FILES.setdefault(path, []).append((t, SEQ[0], line))

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def jq(s):
    return json.dumps(s)

GW_PODS = [("web-gateway-5b7c9d8f6-4kq2m", "10.42.1.31"), ("web-gateway-5b7c9d8f6-x8v7n", "10.42.2.44")]

CO_V1 = ["checkout-svc-6d4f9b8c7-2lk9x", "checkout-svc-6d4f9b8c7-7qmzp", "checkout-svc-6d4f9b8c7-fj4wt", "checkout-svc-6d4f9b8c7-r8c2n"]
CO_V2 = ["checkout-svc-85c7d9f6b-b2x7q", "checkout-svc-85c7d9f6b-hn5vz", "checkout-svc-85c7d9f6b-m9tdk", "checkout-svc-85c7d9f6b-wq6rl"]
CO_V3 = ["checkout-svc-7b5c8f9d4-c4jzr", "checkout-svc-7b5c8f9d4-g7np2", "checkout-svc-7b5c8f9d4-kx3ws", "checkout-svc-7b5c8f9d4-t9fbh"]
DEPLOY1 = T(15, 6, 3.412)
RELOAD = T(15, 38, 12.081)
CO = {}
for i, n in enumerate(CO_V1):
    CO[n] = {"start": START - 3600 * 30, "end": DEPLOY1 + 31 + i * 34.3 + R.uniform(0, 2), "ip": "10.42.%d.%d" % (3 + i % 3, 20 + i), "timeout_ms": 3000, "ver": "5.13.2"}
for i, n in enumerate(CO_V2):
    CO[n] = {"start": DEPLOY1 + 8 + i * 34.3 + R.uniform(0, 3), "end": RELOAD + 31.6 + i * 37.9 + R.uniform(0, 2), "ip": "10.42.%d.%d" % (3 + (i + 1) % 3, 60 + i), "timeout_ms": 3000, "ver": "5.14.0"}
for i, n in enumerate(CO_V3):
    CO[n] = {"start": RELOAD + 9.2 + i * 37.9 + R.uniform(0, 3), "end": END + 100, "ip": "10.42.%d.%d" % (3 + (i + 2) % 3, 90 + i), "timeout_ms": 3, "ver": "5.14.0"}
TAX_OLD = ["tax-svc-66b8d5c7f-5hx2k", "tax-svc-66b8d5c7f-9mnbq", "tax-svc-66b8d5c7f-vz7cd"]
TAX_NEW = ["tax-svc-7c4d9b6f8-2wrtp", "tax-svc-7c4d9b6f8-l6kzs", "tax-svc-7c4d9b6f8-qd8xf"]
TAXDEP = T(15, 27, 40.553)
TAX = {}
for i, n in enumerate(TAX_OLD):
    TAX[n] = {"start": START - 86400, "end": TAXDEP + 25 + i * 21.7, "ip": "10.42.%d.%d" % (4 + i % 2, 140 + i), "ver": "4.1.7"}
for i, n in enumerate(TAX_NEW):
    TAX[n] = {"start": TAXDEP + 6 + i * 21.7 + R.uniform(0, 2), "end": END + 100, "ip": "10.42.%d.%d" % (4 + (i + 1) % 2, 150 + i), "ver": "4.2.0"}
PAY = ["payment-svc-5f9d7c6b8-jq4ls", "payment-svc-5f9d7c6b8-p2h8m"]

def live(pods, t):
    return [n for n, p in pods.items() if p["start"] + 3 <= t < p["end"] - 2]

def gwlog(pod, t, level, thread, logger, msg):
    emit("web-gateway/%s.log" % pod, t, "%s %5s 1 --- [web-gateway] [%15s] %-40s : %s" % (iso_ms(t), level, thread[-15:], logger[-40:], msg))

def gw_access(pod, t, dur, cip, method, uri, status, clen):
    gwlog(pod, t + dur, "INFO", "or-http-epoll-%d" % ri(1, 4), "reactor.netty.http.server.AccessLog", "%s - - [%s] \"%s %s HTTP/1.1\" %d %d 8080 %d ms" % (cip, sec_fmt(t, "%d/%b/%Y:%H:%M:%S +0000"), method, uri, status, clen, int(dur * 1000)))

def dn(pod, t, level, cat, msg, state=None, eid=0, exc=None):
    d = '{"Timestamp":"%s","EventId":%d,"LogLevel":"%s","Category":"%s","Message":%s' % (iso_ms(t), eid, level, cat, jq(msg))
    if exc:
        d += ',"Exception":%s' % jq(exc)
    if state is not None:
        d += ',"State":%s' % json.dumps(state, separators=(",", ":"))
    d += "}"
    emit("checkout-svc/%s.log" % pod, t, d)

def co_finish(pod, t, method, path, status, ms, ctype="application/json; charset=utf-8"):
    msg = "Request finished HTTP/1.1 %s http://checkout-svc.shop.svc.cluster.local:8080%s - %d null %s %.4fms" % (method, path, status, ctype, ms)
    emit("checkout-svc/%s.log" % pod, t, '{"Timestamp":"%s","EventId":2,"LogLevel":"Information","Category":"Microsoft.AspNetCore.Hosting.Diagnostics","Message":"%s","State":{"Message":"%s","ElapsedMilliseconds":%.4f,"StatusCode":%d,"ContentType":"%s","ContentLength":null,"Protocol":"HTTP/1.1","Method":"%s","Scheme":"http","Host":"checkout-svc.shop.svc.cluster.local:8080","PathBase":"","Path":"%s","QueryString":"","{OriginalFormat}":"Request finished {Protocol} {Method} {Scheme}://{Host}{PathBase}{Path}{QueryString} - {StatusCode} {ContentLength} {ContentType} {ElapsedMilliseconds}ms"}}' % (iso_ms(t), msg, msg, ms, status, ctype, method, path))

def co_http_end(pod, t, client, ms, code):
    msg = "End processing HTTP request after %.4fms - %d" % (ms, code)
    emit("checkout-svc/%s.log" % pod, t, '{"Timestamp":"%s","EventId":101,"LogLevel":"Information","Category":"System.Net.Http.HttpClient.%s.LogicalHandler","Message":"%s","State":{"Message":"%s","ElapsedMilliseconds":%.4f,"StatusCode":%d,"{OriginalFormat}":"End processing HTTP request after {ElapsedMilliseconds}ms - {StatusCode}"}}' % (iso_ms(t), client, msg, msg, ms, code))

def taxlog(pod, t, level, event, **kv):
    logger = kv.pop("logger", "tax.http")
    parts = ['"event": %s' % jq(event)]
    for k, v in kv.items():
        parts.append('"%s": %s' % (k, jq(v) if isinstance(v, str) else repr(v)))
    parts.append('"level": "%s"' % level)
    parts.append('"logger": "%s"' % logger)
    parts.append('"timestamp": "%s"' % iso_us(t))
    emit("tax-svc/%s.log" % pod, t, "{" + ", ".join(parts) + "}")

def taxraw(pod, t, line):
    emit("tax-svc/%s.log" % pod, t, line)

def paylog(pod, t, level, logger, msg, thread="executor-thread-3", exc=None):
    d = '{"timestamp":"%s","sequence":%d,"loggerClassName":"org.jboss.logging.Logger","loggerName":"%s","level":"%s","message":%s,"threadName":"%s","threadId":%d,"mdc":{},"ndc":"","hostName":"%s","processName":"payment-svc-runner.jar","processId":1}' % (iso_us(t), SEQ[0] % 100000, logger, level, jq(msg), thread, ri(30, 80), pod)
    emit("payment-svc/%s.log" % pod, t, d)

TIMEOUT_EXC = ("Polly.Timeout.TimeoutRejectedException: The operation didn't complete within the allowed timeout of '00:00:00.0030000'.\n"
               " ---> System.Threading.Tasks.TaskCanceledException: The operation was canceled.\n"
               " ---> System.Threading.Tasks.TaskCanceledException: The operation was canceled.\n"
               " ---> System.IO.IOException: Unable to read data from the transport connection: Operation canceled.\n"
               " ---> System.Net.Sockets.SocketException (125): Operation canceled\n"
               "   --- End of inner exception stack trace ---\n"
               "   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)\n"
               "   at System.Net.Http.HttpConnection.FillAsync(Boolean async)\n"
               "   at System.Net.Http.HttpConnection.SendAsync(HttpRequestMessage request, Boolean async, CancellationToken cancellationToken)\n"
               "   --- End of inner exception stack trace ---\n"
               "   at System.Net.Http.HttpClient.HandleFailure(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)\n"
               "   at Microsoft.Extensions.Http.Resilience.ResilienceHandler.<>c.<<SendAsync>b__3_0>d.MoveNext()\n"
               "   --- End of inner exception stack trace ---\n"
               "   at Polly.Outcome`1.GetResultOrRethrow()\n"
               "   at Polly.ResiliencePipeline.ExecuteAsync[TResult,TState](Func`3 callback, ResilienceContext context, TState state)\n"
               "   at Microsoft.Extensions.Http.Resilience.ResilienceHandler.SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)\n"
               "   at Acme.Checkout.Tax.TaxClient.QuoteAsync(TaxQuoteRequest request, CancellationToken ct) in /src/Acme.Checkout/Tax/TaxClient.cs:line 58\n"
               "   at Acme.Checkout.Api.CheckoutEndpoints.QuoteAsync(QuoteRequest req, ITaxClient tax, ICartStore carts, CancellationToken ct) in /src/Acme.Checkout/Api/CheckoutEndpoints.cs:line 74")
BROKEN_EXC = ("Polly.CircuitBreaker.BrokenCircuitException: The circuit is now open and is not allowing calls.\n"
              "   at Polly.Outcome`1.GetResultOrRethrow()\n"
              "   at Polly.ResiliencePipeline.ExecuteAsync[TResult,TState](Func`3 callback, ResilienceContext context, TState state)\n"
              "   at Microsoft.Extensions.Http.Resilience.ResilienceHandler.SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)\n"
              "   at Acme.Checkout.Tax.TaxClient.QuoteAsync(TaxQuoteRequest request, CancellationToken ct) in /src/Acme.Checkout/Tax/TaxClient.cs:line 58\n"
              "   at Acme.Checkout.Api.CheckoutEndpoints.QuoteAsync(QuoteRequest req, ITaxClient tax, ICartStore carts, CancellationToken ct) in /src/Acme.Checkout/Api/CheckoutEndpoints.cs:line 74")

CO_CB = {}
GW_CBS = {p: {"state": "CLOSED", "win": [], "until": 0.0, "half_calls": 0} for p, _ in GW_PODS}

def tax_call(t, co_pod, rid, timeout_ms):
    tp = live(TAX, t)
    attempts = []
    lat_real = R.uniform(0.022, 0.058) * (1.0 if R.random() > 0.02 else 3.0)
    if timeout_ms >= 1000:
        pod = rc(tp)
        taxlog(pod, t + 0.0008 + lat_real, "info", "request completed", method="POST", path="/v1/tax/quote", status=200, duration_ms=round(lat_real * 1000, 1), client="%s:%d" % (CO[co_pod]["ip"], ri(32000, 60999)), request_id=rid, region=rc(["DE", "DE", "DE", "FR", "NL", "AT", "BE", "IT", "XI"]))
        return True, lat_real + 0.0015
    tt = t
    for a in range(3):
        pod = rc(tp)
        lr = R.uniform(0.022, 0.058)
        ex = 0.003 + R.uniform(0.0001, 0.0009)
        taxlog(pod, tt + 0.0008 + lr, "warning", "client disconnected before response was sent", method="POST", path="/v1/tax/quote", status=200, duration_ms=round(lr * 1000, 1), client="%s:%d" % (CO[co_pod]["ip"], ri(32000, 60999)), request_id=rid)
        dn(co_pod, tt + ex, "Warning", "Polly", "Execution attempt. Source: 'tax-client-standard//Standard-Retry', Operation Key: '', Result: 'The operation didn't complete within the allowed timeout of '00:00:00.0030000'.', Handled: 'True', Attempt: '%d', Execution Time: %.4fms" % (a, ex * 1000), eid=3)
        if a < 2:
            d = [0.0021, 0.0043][a] * R.uniform(0.8, 1.3)
            dn(co_pod, tt + ex + 0.0001, "Warning", "Polly", "Resilience event occurred. EventName: 'OnRetry', Source: 'tax-client-standard//Standard-Retry', Operation Key: '', Result: 'The operation didn't complete within the allowed timeout of '00:00:00.0030000'.'", eid=0)
            tt += ex + d
        else:
            tt += ex
    return False, tt - t

def checkout_request(t, path, method, cip, gwpod, rid):
    pods = live(CO, t)
    pod = rc(pods)
    p = CO[pod]
    cb = CO_CB.setdefault(pod, {"state": "closed", "win": [], "until": 0.0})
    if cb["state"] == "open" and t >= cb["until"]:
        cb["state"] = "half"
    if path.startswith("/api/checkout/session/"):
        ms = R.uniform(1.2, 6.5)
        co_finish(pod, t + ms / 1000, "GET", path, 200, ms)
        return 200, ms / 1000 + 0.002, 900
    if cb["state"] == "open":
        ms = R.uniform(0.4, 1.6)
        dn(pod, t + ms / 1000 - 0.0001, "Error", "Acme.Checkout.Api.CheckoutEndpoints", "Tax quote failed for cart %s" % rid[:12], {"CartId": rid[:12], "{OriginalFormat}": "Tax quote failed for cart {CartId}"}, eid=5001, exc=BROKEN_EXC)
        co_finish(pod, t + ms / 1000, method, path, 503, ms, "application/problem+json")
        return 503, ms / 1000 + 0.002, 243
    ok, tl = tax_call(t + 0.0006, pod, rid, p["timeout_ms"])
    if ok:
        co_http_end(pod, t + 0.0006 + tl, "tax", tl * 1000, 200)
        cb["win"].append(0)
        if cb["state"] == "half":
            cb["state"] = "closed"
        total = tl + 0.002
        if path == "/api/checkout/submit":
            pl = R.uniform(0.14, 0.42)
            pp = rc(PAY)
            paylog(pp, t + total + pl - 0.002, "INFO", "io.acme.payments.ChargeResource", "charge authorised order=%s amount=%.2f currency=EUR psp=adyen psp_ref=%s latency_ms=%d" % (rid[:10].upper(), R.uniform(9, 480), hexid(16).upper(), int(pl * 1000) - 4))
            co_http_end(pod, t + total + pl, "payment", pl * 1000, 201)
            total += pl + 0.003
        ms = total * 1000
        co_finish(pod, t + total, method, path, 200, ms)
        return 200, total + 0.002, ri(380, 900)
    cb["win"].append(1)
    dn(pod, t + tl + 0.0002, "Error", "Acme.Checkout.Api.CheckoutEndpoints", "Tax quote failed for cart %s" % rid[:12], {"CartId": rid[:12], "{OriginalFormat}": "Tax quote failed for cart {CartId}"}, eid=5001, exc=TIMEOUT_EXC)
    ms = (tl + 0.0009) * 1000
    co_finish(pod, t + tl + 0.0009, method, path, 503, ms, "application/problem+json")
    cb["win"] = cb["win"][-40:]
    if cb["state"] == "half" or (cb["state"] == "closed" and len(cb["win"]) >= 20 and sum(cb["win"]) / len(cb["win"]) >= 0.1):
        dn(pod, t + tl + 0.0003, "Error", "Polly", "Resilience event occurred. EventName: 'OnCircuitOpened', Source: 'tax-client-standard//Standard-CircuitBreaker', Operation Key: '', Result: 'The operation didn't complete within the allowed timeout of '00:00:00.0030000'.'", eid=0)
        cb["state"] = "open"
        cb["until"] = t + 5.0
        cb["win"] = []
    return 503, tl + 0.002, 243

OTHER = [("GET", "/api/catalog/products/%d", "catalog-api", 200), ("GET", "/api/catalog/search?q=%s", "catalog-api", 200), ("GET", "/api/account/me", "account-api", 200), ("GET", "/api/cart", "cart-api", 200), ("POST", "/api/cart/items", "cart-api", 201), ("GET", "/api/account/orders", "account-api", 200)]
QS = ["sofa", "lamp", "rug", "desk", "oak+table", "mirror", "chair", "bookshelf", "pillow", "duvet"]

def gw_cb_record(t, pod, failed):
    g = GW_CBS[pod]
    if g["state"] == "OPEN" and t >= g["until"]:
        g["state"] = "HALF_OPEN"
        g["half_calls"] = 0
        gwlog(pod, t, "INFO", "parallel-%d" % ri(1, 4), "c.a.gateway.config.CircuitBreakerEvents", "CircuitBreaker 'checkout' changed state from OPEN to HALF_OPEN")
    g["win"].append(1 if failed else 0)
    g["win"] = g["win"][-50:]
    if g["state"] == "HALF_OPEN":
        g["half_calls"] += 1
        if g["half_calls"] >= 10:
            rate_ = sum(g["win"][-10:]) * 10.0
            if rate_ >= 50:
                g["state"] = "OPEN"
                g["until"] = t + 30
                gwlog(pod, t + 0.0005, "WARN", "parallel-%d" % ri(1, 4), "c.a.gateway.config.CircuitBreakerEvents", "CircuitBreaker 'checkout' changed state from HALF_OPEN to OPEN (failureRate=%.1f%%, slowCallRate=0.0%%)" % rate_)
            else:
                g["state"] = "CLOSED"
                g["win"] = []
                gwlog(pod, t + 0.0005, "INFO", "parallel-%d" % ri(1, 4), "c.a.gateway.config.CircuitBreakerEvents", "CircuitBreaker 'checkout' changed state from HALF_OPEN to CLOSED")
    elif g["state"] == "CLOSED" and len(g["win"]) >= 50 and sum(g["win"]) >= 25:
        g["state"] = "OPEN"
        g["until"] = t + 30
        gwlog(pod, t + 0.0005, "WARN", "parallel-%d" % ri(1, 4), "c.a.gateway.config.CircuitBreakerEvents", "CircuitBreaker 'checkout' changed state from CLOSED to OPEN (failureRate=%.1f%%, slowCallRate=0.0%%)" % (sum(g["win"]) * 2.0))

def rate(t):
    x = (t - START) / 60.0
    return 5.6 + 0.7 * math.sin(x / 7.0) + 0.4 * math.sin(x / 2.1)

def gen_traffic():
    t = START
    while True:
        t += R.expovariate(rate(t))
        if t >= END:
            break
        gwpod, _ = rc(GW_PODS)
        cip = "10.0.%d.%d" % (ri(10, 13), ri(2, 250))
        rid = hexid(32)
        x = R.random()
        if x < 0.30:
            m, tpl, svc, st = rc(OTHER)
            uri = tpl % (ri(1000, 99999) if "%d" in tpl else rc(QS)) if "%" in tpl else tpl
            dur = R.uniform(0.008, 0.09)
            if R.random() < 0.004:
                st = 500
            gw_access(gwpod, t, dur, cip, m, uri, st, ri(200, 9000))
            continue
        if x < 0.55:
            path, method = "/api/checkout/session/%s" % hexid(12), "GET"
        elif x < 0.87:
            path, method = "/api/checkout/quote", "POST"
        else:
            path, method = "/api/checkout/submit", "POST"
        if GW_CBS[gwpod]["state"] == "OPEN" and t < GW_CBS[gwpod]["until"]:
            gw_access(gwpod, t, R.uniform(0.0008, 0.003), cip, method, path, 503, 0)
            if R.random() < 0.2:
                gwlog(gwpod, t + 0.001, "WARN", "parallel-%d" % ri(1, 4), "o.s.c.g.f.f.SpringCloudCircuitBreakerFilterFactory", "Fallback for route 'checkout' (%s %s): CircuitBreaker 'checkout' is OPEN and does not permit further calls" % (method, path))
            continue
        st, lat, clen = checkout_request(t + 0.0015, path, method, cip, gwpod, rid)
        gw_cb_record(t + lat, gwpod, st >= 500)
        gw_access(gwpod, t, lat + 0.003, cip, method, path, st, clen)

def gen_startup_and_periodic():
    for n, p in CO.items():
        if p["start"] > START:
            s = p["start"]
            dn(n, s - 2.4, "Information", "Acme.Checkout.Tax.TaxClientRegistration", "Tax client configured: BaseAddress=http://tax-svc.shop.svc.cluster.local:8000, AttemptTimeout=%s (TaxClient__TimeoutMs=%d), TotalTimeout=00:00:10, Retries=2" % ("00:00:03" if p["timeout_ms"] == 3000 else "00:00:00.0030000", p["timeout_ms"]),
               {"BaseAddress": "http://tax-svc.shop.svc.cluster.local:8000", "AttemptTimeout": "00:00:03" if p["timeout_ms"] == 3000 else "00:00:00.0030000", "TimeoutMs": p["timeout_ms"], "Retries": 2, "{OriginalFormat}": "Tax client configured: BaseAddress={BaseAddress}, AttemptTimeout={AttemptTimeout} (TaxClient__TimeoutMs={TimeoutMs}), TotalTimeout=00:00:10, Retries={Retries}"}, eid=1001)
            dn(n, s - 2.3, "Information", "Acme.Checkout.Payments.PaymentClientRegistration", "Payment client configured: BaseAddress=http://payment-svc.payments.svc.cluster.local:8080, AttemptTimeout=00:00:05 (Payment__TimeoutSeconds=5), Retries=0", eid=1002)
            dn(n, s - 0.9, "Information", "Microsoft.Hosting.Lifetime", "Now listening on: http://[::]:8080", {"address": "http://[::]:8080", "{OriginalFormat}": "Now listening on: {address}"}, eid=14)
            dn(n, s - 0.88, "Information", "Microsoft.Hosting.Lifetime", "Application started. Press Ctrl\u002BC to shut down.", {"{OriginalFormat}": "Application started. Press Ctrl\u002BC to shut down."})
            dn(n, s - 0.87, "Information", "Microsoft.Hosting.Lifetime", "Hosting environment: Production", {"EnvName": "Production", "{OriginalFormat}": "Hosting environment: {EnvName}"})
            dn(n, s - 0.86, "Information", "Microsoft.Hosting.Lifetime", "Content root path: /app", {"ContentRoot": "/app", "{OriginalFormat}": "Content root path: {ContentRoot}"})
            dn(n, s - 0.5, "Information", "Acme.Checkout.Program", "checkout-svc %s (commit %s) ready" % (p["ver"], "a91f3c2" if p["ver"] == "5.14.0" else "d7e0b14"))
        if p["end"] < END:
            dn(n, p["end"] - 1.6, "Information", "Microsoft.Hosting.Lifetime", "Application is shutting down...", eid=0)
        t = max(START, p["start"]) + R.uniform(1, 60)
        while t < min(END, p["end"] - 2):
            dn(n, t, "Information", "Acme.Checkout.Carts.CartStoreHealth", "Redis cart store healthy: latency_ms=%.2f connected_clients=%d" % (R.uniform(0.3, 1.4), ri(40, 60)))
            t += 60 + R.uniform(-0.01, 0.01)
    for n, p in TAX.items():
        if p["start"] > START:
            s = p["start"]
            pid = 1
            taxraw(n, s - 3.1, "INFO:     Started server process [%d]" % pid)
            taxraw(n, s - 3.09, "INFO:     Waiting for application startup.")
            taxlog(n, s - 2.9, "info", "loading rate tables", source="s3://acme-tax-rates/2026-03/rates.parquet", logger="tax.rates")
            taxlog(n, s - 0.6, "info", "tax rates cache warmed", regions=31, rules=4812, took_s=2.3, logger="tax.rates")
            taxraw(n, s - 0.4, "INFO:     Application startup complete.")
            taxraw(n, s - 0.39, "INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)")
            taxlog(n, s - 0.3, "info", "tax-svc started", version=p["ver"], workers=1, logger="tax.app")
        if p["end"] < END:
            taxraw(n, p["end"] - 1.5, "INFO:     Shutting down")
            taxraw(n, p["end"] - 1.4, "INFO:     Waiting for application shutdown.")
            taxraw(n, p["end"] - 1.3, "INFO:     Application shutdown complete.")
            taxraw(n, p["end"] - 1.29, "INFO:     Finished server process [1]")
        t = max(START, p["start"]) + R.uniform(5, 200)
        while t < min(END, p["end"] - 2):
            taxlog(n, t, "warning", "rate table for region missing, falling back to default", region="XI", default_rate=0.2, logger="tax.rates")
            t += R.uniform(120, 400)
    for pp in PAY:
        t = START + R.uniform(0, 30)
        while t < END:
            paylog(pp, t, "INFO", "io.acme.payments.psp.AdyenHealth", "psp health ok provider=adyen latency_ms=%d" % ri(40, 140), thread="executor-thread-1")
            t += 30 + R.uniform(-0.02, 0.02)

def gen_reloader():
    f = "reloader/reloader-7d9b8c6f5-nq4wz.log"
    emit(f, START + 2.1, 'time="%s" level=info msg="Environment: Kubernetes"' % sec_fmt(START + 2.1, "%Y-%m-%dT%H:%M:%SZ"))
    for t, cm, dep, ns in ((T(15, 12, 44.1), "storefront-banners", "storefront-web", "web"), (RELOAD, "checkout-config", "checkout-svc", "shop"), (T(15, 51, 3.9), "search-synonyms", "search-api", "search")):
        emit(f, t, 'time="%s" level=info msg="Changes detected in \'%s\' of type \'CONFIGMAP\' in namespace \'%s\'; updated \'%s\' of type \'Deployment\' in namespace \'%s\'"' % (sec_fmt(t, "%Y-%m-%dT%H:%M:%SZ"), cm, ns, dep, ns))

def write_all():
    shutil.rmtree(LOGS, ignore_errors=True)
    os.makedirs(LOGS)
    for rel in sorted(FILES):
        rows = FILES[rel]
        rows.sort(key=lambda r: (r[0], r[1]))
        p = os.path.join(LOGS, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(("\n".join(r[2] for r in rows) + "\n").encode())

gen_traffic()
gen_startup_and_periodic()
gen_reloader()
write_all()
