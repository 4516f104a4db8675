#!/usr/bin/env python3
"""Generate the logs for this case (deterministic, stdlib only)."""
import os, shutil, random, json, math
from datetime import datetime, timezone, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
R = random.Random(20260120)

def ep(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()

T0 = ep("2026-01-20T13:38:00")
T_END = ep("2026-01-20T14:22:30")
T_BUNDLE = ep("2026-01-20T13:55:41") + 0.207
T_THRASH = ep("2026-01-20T14:07:50")
T_OOM = ep("2026-01-20T14:09:17") + 0.482
T_KILL = ep("2026-01-20T14:17:38") + 0.9
T_UP = T_KILL + 24.6
T_ROTATE = ep("2026-01-20T13:59:12") + 0.33
BERLIN = timedelta(hours=1)  # CET, quote-api host logs local time without offset

def dtu(t):
    return datetime.fromtimestamp(t, tz=timezone.utc)

out = {"kong": [], "quote": [], "rules_a": [], "rules_b": []}
seq = [0]
def emit(key, t, text):
    seq[0] += 1
    out[key].append((t, seq[0], text))

def al(n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ23456789"):
    return "".join(R.choice(alphabet) for _ in range(n))

def uuid():
    return "%08x-%04x-4%03x-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12),
                                           0x8000 | R.getrandbits(14), R.getrandbits(48))

# ------------------------------------------------------------------ log4net (quote-api)
def l4n(t, thread, level, logger, msg):
    d = dtu(t) + BERLIN
    return "%s,%03d [%d] %-5s %s - %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, thread, level, logger, msg)

def qthread():
    return R.choice([5, 8, 11, 12, 14, 17, 19, 23, 24, 27, 31, 33, 38, 41, 42, 45, 48, 52, 57, 61])

STACK_500 = ("System.Net.Http.HttpRequestException: Response status code does not indicate success: 500 (Internal Server Error).\n"
             "   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n"
             "   at Acme.Quote.Api.Rules.RulesEngineClient.EvaluateAsync(RulesRequest request, CancellationToken cancellationToken) in /src/Acme.Quote.Api/Rules/RulesEngineClient.cs:line 74\n"
             "   at Polly.Retry.AsyncRetryEngine.ImplementationAsync[TResult](Func`3 action, Context context, CancellationToken cancellationToken, ExceptionPredicates shouldRetryExceptionPredicates, ResultPredicates`1 shouldRetryResultPredicates, Func`5 onRetryAsync, Int32 permittedRetryCount, IEnumerable`1 sleepDurationsEnumerable, Func`4 sleepDurationProvider, Boolean continueOnCapturedContext)\n"
             "   at Polly.AsyncPolicy.ExecuteAsync[TResult](Func`3 action, Context context, CancellationToken cancellationToken, Boolean continueOnCapturedContext)\n"
             "   at Acme.Quote.Api.Services.PricingService.PriceAsync(QuoteDraft draft, CancellationToken ct) in /src/Acme.Quote.Api/Services/PricingService.cs:line 112")
STACK_TIMEOUT = ("System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 5 seconds elapsing.\n"
                 " ---> System.TimeoutException: The operation was canceled.\n"
                 " ---> System.Threading.Tasks.TaskCanceledException: The operation was canceled.\n"
                 " ---> System.IO.IOException: Unable to read data from the transport connection: Operation canceled.\n"
                 " ---> System.Net.Sockets.SocketException (125): Operation canceled\n"
                 "   --- End of inner exception stack trace ---\n"
                 "   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)\n"
                 "   at System.Net.Http.HttpConnection.FillAsync(Boolean async)\n"
                 "   at System.Net.Http.HttpConnection.SendAsyncCore(HttpRequestMessage request, Boolean async, CancellationToken cancellationToken)\n"
                 "   --- End of inner exception stack trace ---\n"
                 "   at System.Net.Http.HttpClient.HandleFailure(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)\n"
                 "   at System.Net.Http.HttpClient.<SendAsync>g__Core|83_0(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)\n"
                 "   at Acme.Quote.Api.Rules.RulesEngineClient.EvaluateAsync(RulesRequest request, CancellationToken cancellationToken) in /src/Acme.Quote.Api/Rules/RulesEngineClient.cs:line 69")
STACK_REFUSED = ("System.Net.Http.HttpRequestException: Connection refused (rules-engine.rules.svc.cluster.local:8080)\n"
                 " ---> System.Net.Sockets.SocketException (111): Connection refused\n"
                 "   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)\n"
                 "   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.System.Threading.Tasks.Sources.IValueTaskSource.GetResult(Int16 token)\n"
                 "   at System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync(String host, Int32 port, HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)\n"
                 "   --- End of inner exception stack trace ---\n"
                 "   at System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync(String host, Int32 port, HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)\n"
                 "   at Acme.Quote.Api.Rules.RulesEngineClient.EvaluateAsync(RulesRequest request, CancellationToken cancellationToken) in /src/Acme.Quote.Api/Rules/RulesEngineClient.cs:line 69")
STACK_BROKEN = ("Polly.CircuitBreaker.BrokenCircuitException: The circuit is now open and is not allowing calls.\n"
                "   at Polly.CircuitBreaker.CircuitStateController`1.OnActionPreExecute()\n"
                "   at Polly.CircuitBreaker.AsyncCircuitBreakerEngine.ImplementationAsync[TResult](Func`3 action, Context context, CancellationToken cancellationToken, Boolean continueOnCapturedContext, ExceptionPredicates shouldHandleExceptionPredicates, ResultPredicates`1 shouldHandleResultPredicates, ICircuitController`1 breakerController)\n"
                "   at Polly.AsyncPolicy.ExecuteAsync[TResult](Func`3 action, Context context, CancellationToken cancellationToken, Boolean continueOnCapturedContext)\n"
                "   at Acme.Quote.Api.Services.PricingService.PriceAsync(QuoteDraft draft, CancellationToken ct) in /src/Acme.Quote.Api/Services/PricingService.cs:line 112")
STACK_429 = ("Acme.Quote.Api.Partners.PartnerRateLimitedException: partner-pricing returned 429 Too Many Requests (retry-after: 2)\n"
             "   at Acme.Quote.Api.Partners.PartnerPricingClient.GetLoadingAsync(String productCode, String postcode, CancellationToken ct) in /src/Acme.Quote.Api/Partners/PartnerPricingClient.cs:line 58\n"
             "   at Acme.Quote.Api.Services.PricingService.PriceAsync(QuoteDraft draft, CancellationToken ct) in /src/Acme.Quote.Api/Services/PricingService.cs:line 131")

# ------------------------------------------------------------------ JUL XMLFormatter (rules-engine)
def xesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

jul_seq = {"a": 0, "b": 0}
def jul(run, t, logger, level, cls, method, thread, msg, exc=None):
    us = int(round(t * 1e6))
    d = dtu(us / 1e6)
    milli = us // 1000
    frac = us % 1000000
    if frac == 0:
        date = d.strftime("%Y-%m-%dT%H:%M:%S") + "Z"
    elif frac % 1000 == 0:
        date = d.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (frac // 1000)
    else:
        date = d.strftime("%Y-%m-%dT%H:%M:%S") + ".%06dZ" % frac
    rec = ["<record>", "  <date>%s</date>" % date, "  <millis>%d</millis>" % milli]
    nano = (us % 1000) * 1000
    if nano:
        rec.append("  <nanos>%d</nanos>" % nano)
    rec.append("  <sequence>{SEQ}</sequence>")
    rec += ["  <logger>%s</logger>" % logger, "  <level>%s</level>" % level, "  <class>%s</class>" % cls,
            "  <method>%s</method>" % method, "  <thread>%d</thread>" % thread, "  <message>%s</message>" % xesc(msg)]
    if exc:
        rec.append("  <exception>")
        rec.append("    <message>%s</message>" % xesc(exc[0]))
        for fr in exc[1]:
            rec.append("    <frame>")
            rec.append("      <class>%s</class>" % fr[0])
            rec.append("      <method>%s</method>" % xesc(fr[1]))
            if fr[2] >= 0:
                rec.append("      <line>%d</line>" % fr[2])
            rec.append("    </frame>")
        rec.append("  </exception>")
    rec.append("</record>")
    emit("rules_" + run, t, "\n".join(rec))

OOM_FRAMES = [("java.lang.ClassLoader", "defineClass1", -2), ("java.lang.ClassLoader", "defineClass", 1012),
              ("java.security.SecureClassLoader", "defineClass", 150),
              ("groovy.lang.GroovyClassLoader$ClassCollector", "createClass", 518),
              ("groovy.lang.GroovyClassLoader$ClassCollector", "onClassNode", 535),
              ("groovy.lang.GroovyClassLoader$ClassCollector", "call", 539),
              ("org.codehaus.groovy.control.CompilationUnit$IPrimaryClassNodeOperation", "doPhaseOperation", 943),
              ("org.codehaus.groovy.control.CompilationUnit", "processPhaseOperations", 671),
              ("org.codehaus.groovy.control.CompilationUnit", "compile", 635),
              ("groovy.lang.GroovyClassLoader", "doParseClass", 389),
              ("groovy.lang.GroovyClassLoader", "lambda$parseClass$3", 332),
              ("org.codehaus.groovy.runtime.memoize.StampedCommonCache", "compute", 163),
              ("groovy.lang.GroovyClassLoader", "parseClass", 330),
              ("groovy.lang.GroovyShell", "parseClass", 566),
              ("groovy.lang.GroovyShell", "parse", 578),
              ("com.acme.rules.groovy.ExpressionCompiler", "compile", 88),
              ("com.acme.rules.engine.RuleEvaluator", "evaluateCondition", 164),
              ("com.acme.rules.engine.RuleEvaluator", "evaluate", 121),
              ("com.acme.rules.http.EvaluateHandler", "handle", 61),
              ("io.javalin.http.JavalinServlet$addHandler$protectedHandler$1", "handle", 134),
              ("org.eclipse.jetty.servlet.ServletHolder", "handle", 799),
              ("org.eclipse.jetty.server.handler.ScopedHandler", "handle", 141),
              ("org.eclipse.jetty.server.Server", "handle", 516),
              ("org.eclipse.jetty.server.HttpChannel", "handle", 487),
              ("org.eclipse.jetty.util.thread.QueuedThreadPool$Runner", "run", 1034),
              ("java.lang.Thread", "run", 840)]
OOM_FRAMES_SCHED = [("java.lang.ClassLoader", "defineClass1", -2), ("java.lang.ClassLoader", "defineClass", 1012),
                    ("jdk.internal.reflect.ClassDefiner$1", "run", 63), ("jdk.internal.reflect.ClassDefiner$1", "run", 57),
                    ("java.security.AccessController", "doPrivileged", 319), ("jdk.internal.reflect.ClassDefiner", "defineClass", 56),
                    ("jdk.internal.reflect.MethodAccessorGenerator$1", "run", 400),
                    ("jdk.internal.reflect.MethodAccessorGenerator", "generate", 396),
                    ("jdk.internal.reflect.MethodAccessorGenerator", "generateSerializationConstructor", 114),
                    ("com.acme.rules.bundle.BundleRefresher", "refresh", 77),
                    ("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
                    ("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1136),
                    ("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 635), ("java.lang.Thread", "run", 840)]

RULE_IDS = ["PRC-DISC-%04d" % i for i in range(1, 140)] + ["UW-HOME-%03d" % i for i in range(1, 90)] + ["FRAUD-%03d" % i for i in range(1, 40)]
script_no = [48211]
classes = [39120.0]
meta = [196.4]

def rules_run(t):
    return "a" if t < T_KILL else "b"

def rtid():
    return R.choice([27, 28, 29, 31, 33, 34, 36, 41, 42, 44, 45, 47])

# ------------------------------------------------------------------ rules-engine behaviour per call
def rules_call(t, qid):
    """returns (outcome, duration); outcome in ok|500|timeoutish|refused"""
    if T_KILL - 0.5 <= t < T_UP:
        return "refused", R.uniform(0.001, 0.004)
    if t >= T_UP:
        d = R.lognormvariate(-3.3, 0.4)
        if t < T_UP + 40:
            d *= 3
        maybe_compile(t, d)
        return "ok", d
    if t < T_THRASH:
        d = R.lognormvariate(-3.4, 0.4)
        maybe_compile(t, d)
        return "ok", d
    if t < T_OOM:
        d = R.lognormvariate(-3.4, 0.4) + R.uniform(0.3, 1.8) * (t - T_THRASH) / (T_OOM - T_THRASH)
        maybe_compile(t, d)
        return "ok", d
    # metaspace exhausted: compilation fails, GC thrash stalls everything
    x = R.random()
    if x < 0.52:
        d = R.uniform(0.4, 2.6)
        jul(rules_run(t), t + d - 0.003, "com.acme.rules.http.EvaluateHandler", "SEVERE", "com.acme.rules.http.EvaluateHandler",
            "handle", rtid(), "Unhandled error while evaluating quote %s" % qid, ("java.lang.OutOfMemoryError: Metaspace", OOM_FRAMES))
        return "500", d
    if x < 0.80:
        return "ok", R.uniform(1.2, 4.8)
    return "slow", R.uniform(5.0, 9.0)

def maybe_compile(t, d):
    if R.random() < 0.11:
        script_no[0] += 1
        rule = R.choice(RULE_IDS)
        if t < T_KILL:
            classes[0] += R.uniform(2.5, 4.5)
        jul(rules_run(t), t + d * 0.6, "com.acme.rules.groovy.ExpressionCompiler", "INFO", "com.acme.rules.groovy.ExpressionCompiler",
            "compile", rtid(), "Compiled expression Script%d for rule %s in %d ms" % (script_no[0], rule, R.randint(9, 61)))

# ------------------------------------------------------------------ quote-api state
breaker = {"state": "closed", "fails": [], "open_until": 0.0}

def qlog(t, level, logger, msg, thread=None):
    emit("quote", t, l4n(t, thread or qthread(), level, logger, msg))

PRODUCTS = ["HOME-PLUS", "HOME-BASIC", "CONTENTS", "MOTOR-COMP", "MOTOR-TPFT", "TRAVEL-ANNUAL", "PET-LIFETIME"]
CHANNELS = ["web", "app", "aggregator:check24", "aggregator:verivox", "broker"]

def price(t, qid, rid, thread):
    """returns (status, t_done)"""
    cur = t
    rules_ok = False
    for attempt in (1, 2):
        if breaker["state"] == "open":
            if cur >= breaker["open_until"]:
                breaker["state"] = "half-open"
                qlog(cur, "INFO", "Acme.Quote.Api.Resilience.PolicyRegistry", "Circuit breaker 'rules-engine' is half-open; next call is a trial", thread)
            else:
                qlog(cur + 0.0002, "ERROR", "Acme.Quote.Api.Services.PricingService",
                     "Pricing failed for quote %s, correlationId=%s\n%s" % (qid, rid, STACK_BROKEN), thread)
                return 503, cur + 0.0004
        outcome, d = rules_call(cur + 0.001, qid)
        if outcome == "slow" or (outcome == "ok" and d > 5.0):
            cur += 5.0 + R.uniform(0.001, 0.02)
            err = STACK_TIMEOUT
        elif outcome == "500":
            cur += d + 0.002
            err = STACK_500
        elif outcome == "refused":
            cur += d + 0.001
            err = STACK_REFUSED
        else:
            cur += d + 0.002
            rules_ok = True
            if breaker["state"] == "half-open":
                breaker["state"] = "closed"
                breaker["fails"] = []
                qlog(cur, "INFO", "Acme.Quote.Api.Resilience.PolicyRegistry", "Circuit breaker 'rules-engine' reset (closed)", thread)
            break
        qlog(cur, "ERROR" if attempt == 2 else "WARN", "Acme.Quote.Api.Rules.RulesEngineClient",
             "Rules evaluation failed for quote %s (attempt %d/2), correlationId=%s\n%s" % (qid, attempt, rid, err), thread)
        if breaker["state"] == "half-open":
            breaker["state"] = "open"
            breaker["open_until"] = cur + 30
            qlog(cur + 0.0003, "WARN", "Acme.Quote.Api.Resilience.PolicyRegistry",
                 "Circuit breaker 'rules-engine' re-opened for 00:00:30 after failed trial call", thread)
            return 503, cur + 0.0005
        breaker["fails"] = [x for x in breaker["fails"] if x > cur - 30] + [cur]
        if breaker["state"] == "closed" and len(breaker["fails"]) >= 12:
            breaker["state"] = "open"
            breaker["open_until"] = cur + 30
            qlog(cur + 0.0003, "WARN", "Acme.Quote.Api.Resilience.PolicyRegistry",
                 "Circuit breaker 'rules-engine' opened for 00:00:30 after %d handled failures in 00:00:30 (last: %s)" % (
                     len(breaker["fails"]), err.split(":")[0]), thread)
            return 503, cur + 0.0005
        cur += 0.2 if attempt == 1 else 0
    if not rules_ok:
        return 503, cur + 0.0005
    # partner pricing (external); pre-existing throttling
    pd = R.lognormvariate(-2.6, 0.5)
    if R.random() < 0.035:
        pd += 2.0
        qlog(cur + pd, "WARN", "Acme.Quote.Api.Partners.PartnerPricingClient",
             "partner-pricing throttled request for quote %s; retrying once\n%s" % (qid, STACK_429), thread)
        if R.random() < 0.4:
            qlog(cur + pd + 0.3, "ERROR", "Acme.Quote.Api.Services.PricingService",
                 "Partner loading unavailable for quote %s, falling back to list price (correlationId=%s)\n%s" % (qid, rid, STACK_429), thread)
        pd += 0.3
    cur += pd
    qlog(cur, "INFO", "Acme.Quote.Api.Services.PricingService",
         "Quote %s priced: premium=%.2f EUR, rulesHit=%d, rulesMs=%d, partnerMs=%d" % (qid, R.uniform(89, 1840), R.randint(3, 41),
                                                                                    int(d * 1000), int(pd * 1000)), thread)
    return 201, cur + 0.003

# ------------------------------------------------------------------ Kong file-log
KONG_SERVICES = {
    "quote-api": {"id": "5b1f2a6e-3c44-4f0b-9a3e-0d3f7c1e2b91", "host": "quote-api.quotes.svc", "port": 8080, "created_at": 1697031211, "updated_at": 1733412276},
    "policy-admin": {"id": "9e0a7d11-84c2-47a5-b8c0-2f55e1a3c6d4", "host": "policy-admin.rules.svc", "port": 8080, "created_at": 1697031254, "updated_at": 1729503318},
}
KONG_ROUTES = {
    "quotes": {"id": "c4a1e0f3-1b7d-4e52-9d68-51c0b8a2f7e3", "paths": ["/quotes"], "service": "quote-api"},
    "policies": {"id": "2d7b9c45-0e61-4a83-b1f2-7c9d3e5a8b60", "paths": ["/admin/policies"], "service": "policy-admin"},
}
QUOTE_PODS = ["10.1.4.21", "10.1.5.17", "10.1.6.9"]
ADMIN_PODS = ["10.1.5.44"]
CLIENTS = ["%d.%d.%d.%d" % (R.choice([31, 37, 46, 62, 77, 79, 84, 87, 91, 93, 178, 185, 188, 217]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)) for _ in range(300)]
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
       "AcmeInsure/5.14.0 (Android 14; SM-S911B)", "AcmeInsure/5.14.0 (iOS 17.2.1; iPhone15,3)",
       "Check24-Tarifrechner/3.2 (+https://www.check24.de)", "Verivox-Connector/1.9.7", "okhttp/4.12.0",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15"]
WS = "0dc6f45b-8f8d-40d2-a504-473544ee190b"

def kong_line(t_start, t_end, method, uri, status, size_req, size_resp, ua, client, route, upstream_ip, upstream_ms, rid, source="upstream"):
    svc_name = KONG_ROUTES[route]["service"]
    s = KONG_SERVICES[svc_name]
    total = int(round((t_end - t_start) * 1000))
    kong_ms = R.randint(0, 2)
    rec = {
        "response": {"headers": {"content-type": "application/json; charset=utf-8", "content-length": str(size_resp),
                                 "x-kong-upstream-latency": str(upstream_ms) if upstream_ip else None,
                                 "x-kong-proxy-latency": str(kong_ms), "via": "kong/3.4.2", "x-kong-request-id": rid},
                     "size": size_resp + 312, "status": status},
        "route": {"https_redirect_status_code": 426, "regex_priority": 0, "paths": KONG_ROUTES[route]["paths"], "protocols": ["https"],
                  "request_buffering": True, "response_buffering": True, "ws_id": WS, "strip_path": False, "updated_at": 1733412276,
                  "id": KONG_ROUTES[route]["id"], "preserve_host": False, "name": route, "path_handling": "v0", "created_at": 1697031212,
                  "service": {"id": s["id"]}},
        "latencies": {"request": total, "kong": kong_ms, "proxy": upstream_ms if upstream_ip else -1, "receive": 0},
        "upstream_uri": uri.split("?")[0] if upstream_ip else "",
        "source": source,
        "client_ip": client,
        "workspace": WS,
        "workspace_name": "default",
        "request": {"querystring": {}, "size": size_req, "uri": uri, "url": "https://api.acme-insure.de:443" + uri,
                    "headers": {"host": "api.acme-insure.de", "user-agent": ua, "accept": "application/json",
                                "content-type": "application/json" if method != "GET" else None, "x-request-id": rid},
                    "method": method, "id": rid.replace("-", "")},
        "tries": ([{"balancer_start": int(t_start * 1000) + kong_ms, "balancer_latency": 0, "ip": upstream_ip, "port": s["port"],
                    "balancer_start_ns": int(t_start * 1000) * 1000000 + kong_ms * 1000000 + R.randint(0, 999999), "balancer_latency_ns": R.randint(9000, 48000)}]
                  if upstream_ip else []),
        "service": {"write_timeout": 60000, "read_timeout": 60000, "updated_at": s["updated_at"], "ws_id": WS, "connect_timeout": 60000,
                    "retries": 5, "protocol": "http", "port": s["port"], "id": s["id"], "host": s["host"], "enabled": True,
                    "created_at": s["created_at"], "name": svc_name},
        "upstream_status": str(status) if upstream_ip else "",
        "started_at": int(t_start * 1000),
    }
    for h in (rec["response"]["headers"], rec["request"]["headers"]):
        for k in [k for k, v in h.items() if v is None]:
            del h[k]
    if not upstream_ip:
        rec["response"]["headers"].pop("x-kong-upstream-latency", None)
    emit("kong", t_end, json.dumps(rec, separators=(",", ":")))

def handle(t):
    client = R.choice(CLIENTS)
    ua = R.choice(UAS)
    rid = uuid()
    x = R.random()
    if x < 0.012:
        # a broker integration keeps calling with a revoked key
        kong_line(t, t + 0.002, "POST", "/quotes", 401, 1408, 26, "Java/1.8.0_392", "91.198.14.%d" % R.randint(2, 40), "quotes", None, 0, rid, "kong")
        return
    if x < 0.04:
        ip = ADMIN_PODS[0]
        d = R.lognormvariate(-3.0, 0.4)
        kong_line(t, t + d + 0.002, "GET", "/admin/policies?status=active", 200, 912, R.randint(8000, 24000), "AcmePolicyAdmin/2.3 (+intranet)",
                  "10.20.%d.%d" % (R.randint(0, 3), R.randint(2, 250)), "policies", ip, int(d * 1000), rid)
        return
    pod = R.choice(QUOTE_PODS)
    thread = qthread()
    qid = "q-" + al(10)
    if x < 0.30:
        d = R.lognormvariate(-4.4, 0.4)
        uri = "/quotes/" + qid
        qlog(t + d, "INFO", "Acme.Quote.Api.Middleware.RequestLogging", "HTTP GET %s responded 200 in %.1f ms" % (uri, d * 1000), thread)
        kong_line(t, t + d + 0.002, "GET", uri, 200, 840, R.randint(1800, 4200), ua, client, "quotes", pod, int(d * 1000), rid)
        return
    method, uri = ("POST", "/quotes") if x < 0.93 else ("POST", "/quotes/%s/bind" % qid)
    prod = R.choice(PRODUCTS)
    qlog(t + 0.001, "INFO", "Acme.Quote.Api.Controllers.QuotesController",
         "%s quote %s product=%s channel=%s correlationId=%s" % ("Creating" if uri == "/quotes" else "Binding", qid, prod, R.choice(CHANNELS), rid), thread)
    status, tdone = price(t + 0.002, qid, rid, thread)
    if status == 201 and uri != "/quotes":
        status = 200
    dur = tdone - t
    lvl = "INFO" if status < 500 else "WARN"
    qlog(tdone, lvl, "Acme.Quote.Api.Middleware.RequestLogging", "HTTP %s %s responded %d in %.1f ms" % (method, uri, status, dur * 1000), thread)
    size = R.randint(1400, 3800) if status < 400 else 147
    kong_line(t, tdone + 0.002, method, uri, status, R.randint(1900, 4600), size, ua, client, "quotes", pod, int(dur * 1000), rid)

t = T0 + 0.5
while t < T_END:
    rate = 1.0 + 0.2 * math.sin((t - T0) / 700.0)
    t += R.expovariate(rate)
    if t < T_END:
        handle(t)

# ------------------------------------------------------------------ rules-engine periodic / lifecycle records
def watchdog(t, run):
    pass

tw = T0 + 20.318
while tw < T_END:
    run = rules_run(tw)
    if tw < T_KILL:
        frac = (tw - T0) / (T_OOM - T0)
        used = 196.4 + 59.0 * min(1.0, frac ** 1.15)
        used = min(used, 255.9)
        if used > 204.8:
            jul(run, tw, "com.acme.rules.ops.MemoryWatchdog", "WARNING", "com.acme.rules.ops.MemoryWatchdog", "check", 19,
                "Metaspace usage %.1f MB exceeds 80%% of max 256.0 MB (loaded classes: %d, unloaded: %d)" % (used, 39120 + int((used - 196.4) * 104.7), 112))
    tw += (60 if tw < T_THRASH else 20) + R.uniform(-0.05, 0.05)

for k in range(int((T_END - T0) / 300)):
    tt = T0 + 150 + k * 300 + R.uniform(-2, 2)
    run = rules_run(tt)
    if T_OOM < tt < T_KILL:
        jul(run, tt, "com.acme.rules.bundle.BundleRefresher", "SEVERE", "com.acme.rules.bundle.BundleRefresher", "refresh", 22,
            "Scheduled bundle refresh failed", ("java.lang.OutOfMemoryError: Metaspace", OOM_FRAMES_SCHED))
    elif not (T_KILL <= tt < T_UP):
        jul(run, tt, "com.acme.rules.bundle.BundleRefresher", "INFO", "com.acme.rules.bundle.BundleRefresher", "refresh", 22,
            "Bundle 2026.01.20-%d is current (etag \"%s\"), nothing to do" % (2 if tt < T_BUNDLE else 3, "8f3c1a9e" if tt < T_BUNDLE else "b71d04c2"))

jul("a", T_BUNDLE, "com.acme.rules.bundle.BundleRefresher", "INFO", "com.acme.rules.bundle.BundleRefresher", "refresh", 22,
    "New bundle published by policy-admin: 2026.01.20-3 (etag \"b71d04c2\")")
jul("a", T_BUNDLE + 1.84, "com.acme.rules.bundle.BundleLoader", "INFO", "com.acme.rules.bundle.BundleLoader", "load", 22,
    "Loaded rules bundle 2026.01.20-3 from s3://acme-rules-prod/bundles/2026.01.20-3.zip: 412 rules (37 changed, 4 added, 1 removed)")
jul("a", T_BUNDLE + 1.86, "com.acme.rules.engine.RuleRegistry", "INFO", "com.acme.rules.engine.RuleRegistry", "swap", 22,
    "Rule registry swapped atomically; previous generation 2026.01.20-2 released")
jul("a", T_OOM + 4.1, "org.eclipse.jetty.server.HttpChannel", "WARNING", "org.eclipse.jetty.server.HttpChannel", "handleException", 45,
    "/v1/evaluate", ("java.lang.OutOfMemoryError: Metaspace", OOM_FRAMES[:3] + OOM_FRAMES[15:]))
jul("a", T_KILL - 31, "com.acme.rules.ops.HealthEndpoint", "WARNING", "com.acme.rules.ops.HealthEndpoint", "live", 46,
    "Liveness probe took 3204 ms")
jul("a", T_KILL - 0.6, "com.acme.rules.Main", "INFO", "com.acme.rules.Main", "lambda$main$4", 62,
    "SIGTERM received, shutting down (grace 5s)")

# new process after the container restart (FileHandler append=false rotated the old files)
startup = [
    ("com.acme.rules.Main", "main", "Starting rules-engine 4.12.1 (build 2026-01-18T09:41:07Z, git 3f9e2a1) on OpenJDK 64-Bit Server VM 21.0.1+12-LTS"),
    ("com.acme.rules.Main", "main", "JVM args: -XX:MaxMetaspaceSize=256m -Xmx1536m -XX:+UseG1GC -Djava.util.logging.config.file=/app/logging.properties"),
    ("com.acme.rules.bundle.BundleLoader", "load", "Loaded rules bundle 2026.01.20-3 from s3://acme-rules-prod/bundles/2026.01.20-3.zip: 412 rules (0 changed, 0 added, 0 removed)"),
    ("org.eclipse.jetty.server.Server", "doStart", "jetty-11.0.18; built: 2023-10-27T02:14:36.036Z; git: 5a9a771a9fbcb9d36993630850f612581b78c13f; jvm 21.0.1+12-LTS"),
    ("org.eclipse.jetty.server.AbstractConnector", "doStart", "Started ServerConnector@4b2a01d4{HTTP/1.1, (http/1.1)}{0.0.0.0:8080}"),
    ("org.eclipse.jetty.server.Server", "doStart", "Started Server@7c29daf3{STARTING}[11.0.18,sto=0] @6411ms"),
    ("io.javalin.Javalin", "start", "Javalin started in 418ms \\o/"),
]
for i, (lg, m, msg) in enumerate(startup):
    jul("b", T_UP - 6.6 + i * 0.9 + R.uniform(0, 0.0009), lg, "INFO", lg, m, 1 if i < 3 else 1, msg)

# ------------------------------------------------------------------ write
def header():
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!DOCTYPE log SYSTEM "logger.dtd">\n<log>\n'

def srt(rows):
    return [r[2] for r in sorted(rows, key=lambda r: (r[0], r[1]))]

def seqd(rows, start):
    res = []
    n = start
    for r in sorted(rows, key=lambda r: (r[0], r[1])):
        res.append((r[0], r[2].replace("{SEQ}", str(n))))
        n += 1
    return res

shutil.rmtree(LOGS, ignore_errors=True)
os.makedirs(os.path.join(LOGS, "kong"))
os.makedirs(os.path.join(LOGS, "quote-api"))
os.makedirs(os.path.join(LOGS, "rules-engine"))

import gzip
T_KROT = ep("2026-01-20T14:00:00")
krows = sorted(out["kong"], key=lambda r: (r[0], r[1]))
with open(os.path.join(LOGS, "kong", "file-log.json"), "w") as f:
    f.write("\n".join(r[2] for r in krows if r[0] >= T_KROT) + "\n")
with open(os.path.join(LOGS, "kong", "file-log.json-2026012014.gz"), "wb") as raw:
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=int(T_KROT)) as gz:
        gz.write(("\n".join(r[2] for r in krows if r[0] < T_KROT) + "\n").encode())

# log4net RollingFileAppender (size based, staticLogFileName): quote-api.log is newest
qlines = srt(out["quote"])
chunks, cur, size = [], [], 0
for ln in qlines:
    cur.append(ln)
    size += len(ln) + 2
    if size > 640 * 1024:
        chunks.append(cur)
        cur, size = [], 0
if cur:
    chunks.append(cur)
names = ["quote-api.log"] + ["quote-api.log.%d" % i for i in range(1, len(chunks))]
for name, ch in zip(names, reversed(chunks)):
    with open(os.path.join(LOGS, "quote-api", name), "w", newline="\n") as f:
        f.write("\n".join(ch) + "\n")

# JUL FileHandler pattern /var/log/rules/rules-engine.%g.log, limit 2 MB, count 3, append=false
ra = seqd(out["rules_a"], 1184233)
pre = [r[1] for r in ra if r[0] < T_ROTATE]
post = [r[1] for r in ra if r[0] >= T_ROTATE]
with open(os.path.join(LOGS, "rules-engine", "rules-engine.2.log"), "w") as f:
    f.write(header() + "\n".join(pre) + "\n" + "</log>\n")
with open(os.path.join(LOGS, "rules-engine", "rules-engine.1.log"), "w") as f:
    f.write(header() + "\n".join(post) + "\n")   # process was killed: no closing </log>
with open(os.path.join(LOGS, "rules-engine", "rules-engine.0.log"), "w") as f:
    f.write(header() + "\n".join(r[1] for r in seqd(out["rules_b"], 0)) + "\n")
