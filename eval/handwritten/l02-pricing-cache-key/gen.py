#!/usr/bin/env python3
"""l02: pricing-service rollout changes the Redis cache key schema -> cache miss storm on price-engine.

Story: pricing-service (.NET, Serilog compact JSON) v3.14.0 rolls out at 01:26:30; it builds cache
keys as pricing:v4:{tenant}:... instead of pricing:v3:..., so every lookup misses the (healthy)
Redis cache and is computed by price-engine (Spring Boot). price-engine's quote executor saturates
and rejects work (RejectedExecutionException stack traces - by far the most error lines);
pricing-service retries (Polly), its circuit breaker opens, shop-api (Rails) renders 503s and
haproxy (two LB hosts, lb-2 clock ~2.7 s ahead) shows 5xx and health-check flaps. Rolled back at 01:40:30.
"""
import os
import sys
from l_common import *

rng = Rng(2202)
OUT = Out(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))

T0 = T("2026-03-04T01:10:00Z")
T1 = T("2026-03-04T01:55:00Z")
DEPLOY = T("2026-03-04T01:26:30Z")
FAULT = T("2026-03-04T01:26:43.512Z")
ROLLBACK = T("2026-03-04T01:40:30Z")
LB2_SKEW = 2.71

ps_old = rng.pods("pricing-service", 3)
ps_new = rng.pods("pricing-service", 3)
ps_back = rng.pods("pricing-service", 3, rs=ps_old[0].split("-")[2])
new_start = [FAULT, T("2026-03-04T01:27:21.090Z"), T("2026-03-04T01:27:59.733Z")]
old_stop = [T("2026-03-04T01:26:50.2Z"), T("2026-03-04T01:27:28.4Z"), T("2026-03-04T01:28:06.1Z")]
back_start = [ROLLBACK + 12.4, ROLLBACK + 47.9, ROLLBACK + 83.2]
new_stop = [ROLLBACK + 19.5, ROLLBACK + 55.0, ROLLBACK + 90.6]
pe_pods = rng.pods("price-engine", 3)
shop_pods = rng.pods("shop-api", 3)
inv_pods = rng.pods("inventory-service", 2)
promo_pods = rng.pods("promo-service", 1)
ip = {}
for p in ps_old + ps_new + ps_back + pe_pods + shop_pods + inv_pods + promo_pods:
    ip[p] = "10.60.%d.%d" % (rng.randint(0, 15), rng.randint(2, 250))
shop_nodes = {p: "10.20.1.%d" % (11 + i) for i, p in enumerate(shop_pods)}


def ps_alive(t):
    a = [p for i, p in enumerate(ps_old) if t < old_stop[i]]
    a += [p for i, p in enumerate(ps_new) if new_start[i] <= t < new_stop[i]]
    a += [p for i, p in enumerate(ps_back) if t >= back_start[i]]
    return a


def is_new(p):
    return p in ps_new


def hit_ratio(p, t):
    if is_new(p):
        return min(0.35, 0.004 + (t - FAULT) / 1800.0 * 0.5)
    if p in ps_back:
        return 0.78 + 0.14 * ramp(t, ROLLBACK, ROLLBACK + 600)
    return 0.94


def miss_share(t):
    a = ps_alive(t)
    return sum(1 - hit_ratio(p, t) for p in a) / len(a)


def engine_state(t):
    f = miss_share(t) / 0.06
    lat = 0.055 * (1 + max(0.0, f - 2.5) * 0.9)
    rej = max(0.0, min(0.72, (f - 4.0) / 11.0))
    return lat, rej, f


# ---------------------------------------------------------------- pricing-service (Serilog CLEF)
def clef(pod, t, mt, level=None, exc=None, **props):
    d = {"@t": iso(t, 7)}
    d["@mt"] = mt
    if level:
        d["@l"] = level
    if exc:
        d["@x"] = exc
    d.update(props)
    d.setdefault("Application", "Pricing.Api")
    OUT.add("logs/pricing-service/%s.log" % pod, t, jdump(d))


def ps_start(pod, t, version, schema):
    clef(pod, t, "Starting {Application} {Version} ({Commit})", Version=version, Commit="a41c09e" if schema == "v4" else "77d1b2f")
    clef(pod, t + 0.41, "Price cache configured: {Provider} endpoint {Endpoint}, key schema {KeySchema}, TTL {Ttl}", Provider="StackExchange.Redis",
         Endpoint="pricing-redis-master.pricing.svc.cluster.local:6379",
         KeySchema="pricing:v4:{tenant}:{sku}:{region}:{currency}" if schema == "v4" else "pricing:v3:{sku}:{region}:{currency}", Ttl="00:30:00",
         SourceContext="Pricing.Api.Caching.PriceCache")
    clef(pod, t + 0.45, "Price engine client registered with base address {BaseAddress}, standard resilience handler (attempts {Attempts}, timeout {Timeout})",
         BaseAddress="http://price-engine.pricing.svc.cluster.local:8080/", Attempts=3, Timeout="00:00:02", SourceContext="Pricing.Api.Engine.PriceEngineClient")
    if schema == "v4":
        clef(pod, t + 0.47, "Tenant-aware cache keys enabled (feature {Feature})", Feature="MultiTenantPricing", SourceContext="Pricing.Api.Caching.PriceCache")
    clef(pod, t + 0.9, "Now listening on: {address}", address="http://[::]:8080", EventId={"Id": 14, "Name": "ListeningOnAddress"}, SourceContext="Microsoft.Hosting.Lifetime")
    clef(pod, t + 0.91, "Application started. Press Ctrl+C to shut down.", SourceContext="Microsoft.Hosting.Lifetime")
    clef(pod, t + 0.91, "Hosting environment: {EnvName}", EnvName="Production", SourceContext="Microsoft.Hosting.Lifetime")
    clef(pod, t + 0.91, "Content root path: {ContentRoot}", ContentRoot="/app", SourceContext="Microsoft.Hosting.Lifetime")


def ps_stop(pod, t):
    clef(pod, t, "Application is shutting down...", SourceContext="Microsoft.Hosting.Lifetime")


def ps_lifecycle():
    for i, p in enumerate(ps_new):
        ps_start(p, new_start[i] - 1.0, "3.14.0", "v4")
        ps_stop(p, new_stop[i])
    for i, p in enumerate(ps_old):
        ps_stop(p, old_stop[i])
    for i, p in enumerate(ps_back):
        ps_start(p, back_start[i] - 1.0, "3.13.2", "v3")
    # cache stats every minute
    for p in ps_old + ps_new + ps_back:
        if p in ps_old:
            a, b = T0 + rng.uniform(0, 60), old_stop[ps_old.index(p)]
        elif p in ps_new:
            a, b = new_start[ps_new.index(p)] + 60, new_stop[ps_new.index(p)]
        else:
            a, b = back_start[ps_back.index(p)] + 60, T1
        t = a
        while t < b:
            hr = hit_ratio(p, t) + rng.uniform(-0.01, 0.01)
            hr = max(0.0, min(1.0, hr))
            lookups = rng.randint(1900, 2400)
            clef(p, t, "Price cache stats: {Lookups} lookups, hit ratio {HitRatio:P1}, {Keys} keys written",
                 Lookups=lookups, HitRatio=round(hr, 4), Keys=int(lookups * (1 - hr)), SourceContext="Pricing.Api.Caching.PriceCache")
            t += 60
        # noise: data protection warning on each start (common in containers)
    for p in ps_new + ps_back:
        s = new_start[ps_new.index(p)] if p in ps_new else back_start[ps_back.index(p)]
        clef(p, s - 0.7, "Storing keys in a directory '{path}' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed. For more information go to https://aka.ms/aspnet/dataprotectionwarning",
             level="Warning", path="/root/.aspnet/DataProtection-Keys", EventId={"Id": 60, "Name": "UsingEphemeralFileSystemLocationInContainer"},
             SourceContext="Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository")
        clef(p, s - 0.69, "No XML encryptor configured. Key {KeyId:B} may be persisted to storage in unencrypted form.", level="Warning",
             KeyId=rng.uuid(), EventId={"Id": 35, "Name": "NoXMLEncryptorConfiguredKeyMayBePersistedToStorageInUnencryptedForm"},
             SourceContext="Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager")


DOTNET_503 = ("System.Net.Http.HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable).\n"
              "   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n"
              "   at Pricing.Api.Engine.PriceEngineClient.GetQuoteAsync(QuoteRequest request, CancellationToken ct) in /src/Pricing.Api/Engine/PriceEngineClient.cs:line 57\n"
              "   at Pricing.Api.Services.PriceService.GetPriceAsync(String sku, String region, String currency, CancellationToken ct) in /src/Pricing.Api/Services/PriceService.cs:line 88\n"
              "   at Pricing.Api.Controllers.PricesController.Get(String sku, String region, String currency, CancellationToken ct) in /src/Pricing.Api/Controllers/PricesController.cs:line 34")
DOTNET_TIMEOUT = ("Polly.Timeout.TimeoutRejectedException: The operation didn't complete within the allowed timeout of '00:00:02'.\n"
                  " ---> System.Threading.Tasks.TaskCanceledException: The operation was canceled.\n"
                  "   at System.Net.Http.HttpConnectionPool.SendWithVersionDetectionAndRetryAsync(HttpRequestMessage request, Boolean async, Boolean doRequestAuth, CancellationToken cancellationToken)\n"
                  "   at Microsoft.Extensions.Http.Logging.LoggingHttpMessageHandler.<SendCoreAsync>g__Core|4_0(HttpRequestMessage request, Boolean useAsync, CancellationToken cancellationToken)\n"
                  "   --- End of inner exception stack trace ---\n"
                  "   at Polly.Outcome`1.GetResultOrRethrow()\n"
                  "   at Pricing.Api.Engine.PriceEngineClient.GetQuoteAsync(QuoteRequest request, CancellationToken ct) in /src/Pricing.Api/Engine/PriceEngineClient.cs:line 49\n"
                  "   at Pricing.Api.Services.PriceService.GetPriceAsync(String sku, String region, String currency, CancellationToken ct) in /src/Pricing.Api/Services/PriceService.cs:line 88")
DOTNET_BROKEN = ("Polly.CircuitBreaker.BrokenCircuitException: The circuit is now open and is not allowing calls.\n"
                 "   at Polly.Outcome`1.GetResultOrRethrow()\n"
                 "   at Pricing.Api.Engine.PriceEngineClient.GetQuoteAsync(QuoteRequest request, CancellationToken ct) in /src/Pricing.Api/Engine/PriceEngineClient.cs:line 49\n"
                 "   at Pricing.Api.Services.PriceService.GetPriceAsync(String sku, String region, String currency, CancellationToken ct) in /src/Pricing.Api/Services/PriceService.cs:line 88")

cb_open_until = {}
cb_fail = {}


def ps_request(t, pod, sku, region, cur, rid_conn):
    """returns (status, dur)"""
    path = "/api/v2/prices/%s" % sku
    ctx = {"RequestId": "%s:%08X" % (rid_conn, rng.randint(1, 4000)), "RequestPath": path, "ConnectionId": rid_conn}
    if rng.random() < hit_ratio(pod, t):
        d = rng.lat(0.0021, 0.4)
        clef(pod, t + d, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms", RequestMethod="GET", StatusCode=200,
             Elapsed=round(d * 1000, 4), SourceContext="Serilog.AspNetCore.RequestLoggingMiddleware", **ctx)
        return 200, d
    # cache miss -> engine
    d = rng.lat(0.0015, 0.3)
    if cb_open_until.get(pod, 0) > t:
        clef(pod, t + d + 0.0003, "Failed to get quote for {Sku} ({Region}/{Currency}) from price engine", level="Warning", exc=DOTNET_BROKEN,
             Sku=sku, Region=region, Currency=cur, SourceContext="Pricing.Api.Services.PriceService", **ctx)
        clef(pod, t + d + 0.0006, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms", level="Error", RequestMethod="GET", StatusCode=503,
             Elapsed=round((d + 0.0006) * 1000, 4), SourceContext="Serilog.AspNetCore.RequestLoggingMiddleware", **ctx)
        return 503, d + 0.0006
    lat, rej, f = engine_state(t)
    for attempt in range(3):
        pe = rng.choice(pe_pods)
        if rng.random() < rej:
            ed = rng.lat(0.004, 0.5)
            pe_reject(t + d + ed * 0.8, pe, sku)
            res, st = "503", 503
        else:
            ed = rng.lat(lat, 0.45)
            if ed > 2.0:
                ed = 2.0
                res, st = "Polly.Timeout.TimeoutRejectedException", 0
            else:
                res, st = "200", 200
        d += ed
        if st == 200:
            if attempt > 0:
                pass
            clef(pod, t + d + 0.001, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms", RequestMethod="GET", StatusCode=200,
                 Elapsed=round((d + 0.001) * 1000, 4), SourceContext="Serilog.AspNetCore.RequestLoggingMiddleware", **ctx)
            cb_fail[pod] = max(0, cb_fail.get(pod, 0) - 1)
            return 200, d + 0.001
        clef(pod, t + d, "Execution attempt. Source: '{PipelineName}/{PipelineInstance}/{StrategyName}', Operation Key: '{OperationKey}', Result: '{Result}', Handled: '{Handled}', Attempt: '{Attempt}', Execution Time: {ExecutionTime}ms",
             level="Warning", PipelineName="price-engine-standard", PipelineInstance="", StrategyName="Standard-Retry", OperationKey="", Result=res,
             Handled=attempt < 2, Attempt=attempt, ExecutionTime=round(ed * 1000, 4), EventId={"Id": 3, "Name": "ExecutionAttempt"},
             SourceContext="Polly", **ctx)
        cb_fail[pod] = cb_fail.get(pod, 0) + 1
        if cb_fail[pod] >= 12:
            cb_fail[pod] = 0
            cb_open_until[pod] = t + d + 5
            clef(pod, t + d + 0.0001, "Resilience event occurred. EventName: '{EventName}', Source: '{PipelineName}/{PipelineInstance}/{StrategyName}', Operation Key: '{OperationKey}', Result: '{Result}'",
                 level="Error", EventName="OnCircuitOpened", PipelineName="price-engine-standard", PipelineInstance="", StrategyName="Standard-CircuitBreaker",
                 OperationKey="", Result=res, EventId={"Id": 0, "Name": "ResilienceEvent"}, SourceContext="Polly")
            clef(pod, t + d + 5.0, "Resilience event occurred. EventName: '{EventName}', Source: '{PipelineName}/{PipelineInstance}/{StrategyName}', Operation Key: '{OperationKey}', Result: '{Result}'",
                 level="Warning", EventName="OnCircuitHalfOpened", PipelineName="price-engine-standard", PipelineInstance="", StrategyName="Standard-CircuitBreaker",
                 OperationKey="", Result="", EventId={"Id": 0, "Name": "ResilienceEvent"}, SourceContext="Polly")
            break
        d += [0.12, 0.34, 0][attempt] * rng.uniform(0.8, 1.2)
        if d > 1.9:
            break
    clef(pod, t + d + 0.0004, "Failed to get quote for {Sku} ({Region}/{Currency}) from price engine", level="Warning",
         exc=DOTNET_503 if res == "503" else DOTNET_TIMEOUT, Sku=sku, Region=region, Currency=cur, SourceContext="Pricing.Api.Services.PriceService", **ctx)
    clef(pod, t + d + 0.0008, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms", level="Error", RequestMethod="GET", StatusCode=503,
         Elapsed=round((d + 0.0008) * 1000, 4), SourceContext="Serilog.AspNetCore.RequestLoggingMiddleware", **ctx)
    return 503, d + 0.0008


# ---------------------------------------------------------------- price-engine (Spring Boot 3 text)
pe_completed = {p: rng.randint(15000000, 19000000) for p in pe_pods}
pe_burst = {}


def sb(pod, t, level, thread, logger, msg, pid=1):
    th = thread[-15:] if len(thread) > 15 else thread
    OUT.add("logs/price-engine/%s.log" % pod, t, "%s %5s %d --- [price-engine] [%15s] %-40s : %s" % (iso(t), level, pid, th, logger[:40], msg))


REJ_STACK = ("java.util.concurrent.RejectedExecutionException: Task java.util.concurrent.FutureTask@{h1}[Not completed, task = com.shop.pricing.engine.QuoteTask@{h2}] rejected from java.util.concurrent.ThreadPoolExecutor@6a5fc7f7[Running, pool size = 32, active threads = 32, queued tasks = 200, completed tasks = {c}]\n"
             "\tat java.base/java.util.concurrent.ThreadPoolExecutor$AbortPolicy.rejectedExecution(ThreadPoolExecutor.java:2081) ~[na:na]\n"
             "\tat java.base/java.util.concurrent.ThreadPoolExecutor.reject(ThreadPoolExecutor.java:841) ~[na:na]\n"
             "\tat java.base/java.util.concurrent.ThreadPoolExecutor.execute(ThreadPoolExecutor.java:1376) ~[na:na]\n"
             "\tat java.base/java.util.concurrent.AbstractExecutorService.submit(AbstractExecutorService.java:134) ~[na:na]\n"
             "\tat com.shop.pricing.engine.QuoteService.quote(QuoteService.java:71) ~[classes!/:3.8.4]\n"
             "\tat com.shop.pricing.engine.web.QuoteController.quote(QuoteController.java:44) ~[classes!/:3.8.4]\n"
             "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103) ~[na:na]\n"
             "\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255) ~[spring-web-6.1.14.jar!/:6.1.14]\n"
             "\tat org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.invokeHandlerMethod(RequestMappingHandlerAdapter.java:920) ~[spring-webmvc-6.1.14.jar!/:6.1.14]\n"
             "\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089) ~[spring-webmvc-6.1.14.jar!/:6.1.14]\n"
             "\tat org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014) ~[spring-webmvc-6.1.14.jar!/:6.1.14]\n"
             "\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:564) ~[tomcat-embed-core-10.1.31.jar!/:6.0]\n"
             "\tat org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1769) ~[tomcat-embed-core-10.1.31.jar!/:na]\n"
             "\tat org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659) ~[tomcat-embed-core-10.1.31.jar!/:na]\n"
             "\tat java.base/java.lang.Thread.run(Thread.java:1583) ~[na:na]")


def pe_reject(t, pod, sku):
    # rejections come in bursts that share the same millisecond
    key = pod
    bt = pe_burst.get(key)
    if bt is not None and abs(t - bt) < 0.25:
        t = bt
    else:
        pe_burst[key] = t
    pe_completed[pod] += rng.randint(5, 400)
    thread = "http-nio-8080-exec-%d" % rng.randint(1, 200)
    h1, h2 = rng.hex(8).lstrip("0"), rng.hex(8).lstrip("0")
    msg = ("Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: "
           "java.util.concurrent.RejectedExecutionException: Task java.util.concurrent.FutureTask@%s[Not completed, task = com.shop.pricing.engine.QuoteTask@%s] "
           "rejected from java.util.concurrent.ThreadPoolExecutor@6a5fc7f7[Running, pool size = 32, active threads = 32, queued tasks = 200, completed tasks = %d]] with root cause"
           % (h1, h2, pe_completed[pod]))
    stack = REJ_STACK.replace("{h1}", h1).replace("{h2}", h2).replace("{c}", str(pe_completed[pod]))
    th = thread[-15:]
    OUT.block("logs/price-engine/%s.log" % pod, t, "%s ERROR 1 --- [price-engine] [%15s] %-40s : %s\n\n%s" % (
        iso(t), th, "o.a.c.c.C.[.[.[/].[dispatcherServlet]", msg, stack))


def pe_background():
    for pod in pe_pods:
        t = T0 + rng.uniform(0, 30)
        while t < T1:
            lat, rej, f = engine_state(t)
            active = min(32, max(1, int(rng.uniform(0.5, 1.5) * 2 * f)))
            queued = 0 if f < 4 else min(200, int(rng.uniform(0.6, 1.0) * 200 * min(1, (f - 4) / 6)))
            lvl = "INFO" if queued < 150 else "WARN"
            sb(pod, t, lvl, "quote-metrics", "c.s.p.engine.QuoteExecutorMetrics",
               "quote executor: active=%d/32 queued=%d/200 completed=%d rejected(1m)=%d p99=%dms" % (
                   active, queued, pe_completed[pod], int(rej * rng.randint(900, 1400)), int(lat * 1000 * rng.uniform(2.2, 3.5))))
            pe_completed[pod] += int(rng.randint(1100, 1500) * min(f, 6))
            t += 30
        for t in arrivals(rng, T0, T1, 1 / 300.0):
            sb(pod, t, "WARN", "HikariPool-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool",
               "HikariPool-1 - Retrograde clock change detected (housekeeper delta=29s%dms), soft-evicting connections from pool." % rng.randint(100, 999))
        for t in arrivals(rng, T0, T1, 1 / 120.0):
            sb(pod, t, "INFO", "rules-refresh-1", "c.s.p.engine.rules.RuleSetLoader", "rule set refreshed: version=%d rules=%d took=%dms" % (
                rng.randint(8812, 8815), rng.randint(4200, 4300), rng.randint(40, 120)))
        # GC pressure under load
        for t in arrivals(rng, FAULT + 120, ROLLBACK + 60, 1 / 45.0):
            sb(pod, t, "WARN", "quote-metrics", "c.s.p.engine.QuoteExecutorMetrics", "quote latency above SLO: p99=%dms (slo=250ms)" % rng.randint(1800, 4200))


# ---------------------------------------------------------------- shop-api (Rails + lograge, Ruby Logger format)
shop_pids = {p: [rng.randint(20, 60) for _ in range(4)] for p in shop_pods}


def rb(pod, t, lvl, msg, pid=None):
    pid = pid or rng.choice(shop_pids[pod])
    OUT.add("logs/shop-api/%s.log" % pod, t, "%s, [%s #%d] %5s -- : %s" % (lvl[0], iso(t, 6, "")[:26], pid, lvl, msg))


def shop_fatal(pod, t, rid, exc, msg, frames):
    pid = rng.choice(shop_pids[pod])
    rb(pod, t, "FATAL", "[%s]   " % rid, pid)
    rb(pod, t, "FATAL", "[%s] %s (%s):" % (rid, exc, msg), pid)
    rb(pod, t, "FATAL", "[%s]   " % rid, pid)
    for f in frames:
        rb(pod, t, "FATAL", "[%s] %s" % (rid, f), pid)


PRICING_FRAMES = ["app/clients/pricing_client.rb:38:in `fetch_price'",
                  "app/services/product_presenter.rb:22:in `price'",
                  "app/controllers/products_controller.rb:14:in `show'"]

SKUS = ["%s-%04d" % (rng.choice(["TSH", "HOD", "JKT", "SHO", "BAG", "CAP", "SCK", "PNT"]), rng.randint(1, 9999)) for _ in range(3000)]


def shop_request(t, kind):
    pod = rng.choice(shop_pods)
    rid = rng.uuid()
    conn = "0HNAB" + rng.alnum(8, "ABCDEFGHIJKLMNOPQRSTUV0123456789")
    if kind == "product":
        sku = rng.choice(SKUS)
        path = "/products/%s" % sku.lower()
        d = rng.lat(0.008, 0.4)
        inv = rng.choice(inv_pods)
        idur = rng.lat(0.004, 0.4)
        OUT.add("logs/inventory-service/%s.log" % inv, t + d + idur, jdump({"level": "info", "ts": iso(t + d + idur, 3), "caller": "api/stock.go:63",
                "msg": "stock lookup", "sku": sku, "warehouses": rng.randint(1, 4), "latency_ms": round(idur * 1000, 2), "request_id": rid}))
        d += idur
        ps = rng.choice(ps_alive(t + d))
        st, pd = ps_request(t + d + 0.001, ps, sku, rng.choice(["EU", "EU", "UK", "US"]), rng.choice(["EUR", "EUR", "GBP", "USD"]), conn)
        d += pd + 0.002
        if st == 200:
            d += rng.lat(0.012, 0.4)
            rb(pod, t + d, "INFO", "[%s] method=GET path=%s format=html controller=ProductsController action=show status=200 allocations=%d duration=%.2f view=%.2f db=%.2f pricing=%.2f"
               % (rid, path, rng.randint(9000, 30000), d * 1000, rng.uniform(5, 20), rng.uniform(1, 8), pd * 1000))
            return 200, d, path, "GET", pod
        if d > 2.0:
            shop_fatal(pod, t + 2.0, rid, "Faraday::TimeoutError", "Net::ReadTimeout with #<TCPSocket:(closed)>", PRICING_FRAMES)
            d = 2.0 + 0.01
        else:
            shop_fatal(pod, t + d, rid, "PricingClient::UnavailableError", "pricing-service returned 503 for %s" % sku, PRICING_FRAMES)
        rb(pod, t + d + 0.002, "INFO", "[%s] method=GET path=%s format=html controller=ProductsController action=show status=503 allocations=%d duration=%.2f view=%.2f db=%.2f pricing=%.2f"
           % (rid, path, rng.randint(3000, 9000), (d + 0.002) * 1000, rng.uniform(1, 3), rng.uniform(1, 8), pd * 1000))
        return 503, d + 0.002, path, "GET", pod
    if kind == "cart":
        path = "/cart"
        d = rng.lat(0.01, 0.4)
        n = rng.randint(1, 4)
        worst = 200
        for i in range(n):
            ps = rng.choice(ps_alive(t + d))
            st, pd = ps_request(t + d, ps, rng.choice(SKUS), "EU", "EUR", conn)
            d += pd
            if st != 200:
                worst = 503
                break
            if d > 2.0:
                break
        if worst == 200 and d <= 2.0:
            rb(pod, t + d + 0.01, "INFO", "[%s] method=GET path=/cart format=html controller=CartsController action=show status=200 allocations=%d duration=%.2f view=%.2f db=%.2f pricing=%.2f"
               % (rid, rng.randint(12000, 40000), (d + 0.01) * 1000, rng.uniform(5, 25), rng.uniform(2, 9), d * 1000 * 0.8))
            return 200, d + 0.01, path, "GET", pod
        d = min(d, 2.0)
        shop_fatal(pod, t + d, rid, "PricingClient::UnavailableError" if d < 2.0 else "Faraday::TimeoutError",
                   "pricing-service returned 503 for cart line" if d < 2.0 else "Net::ReadTimeout with #<TCPSocket:(closed)>",
                   ["app/clients/pricing_client.rb:38:in `fetch_price'", "app/services/cart_pricer.rb:17:in `block in total'",
                    "app/services/cart_pricer.rb:15:in `map'", "app/services/cart_pricer.rb:15:in `total'", "app/controllers/carts_controller.rb:9:in `show'"])
        rb(pod, t + d + 0.002, "INFO", "[%s] method=GET path=/cart format=html controller=CartsController action=show status=503 allocations=%d duration=%.2f view=%.2f db=%.2f"
           % (rid, rng.randint(3000, 9000), (d + 0.002) * 1000, rng.uniform(1, 3), rng.uniform(1, 8)))
        return 503, d + 0.002, path, "GET", pod
    if kind == "search":
        q = rng.choice(["hoodie", "black+tshirt", "cap", "socks", "rain+jacket", "tote", "sneakers"])
        path = "/search?q=%s" % q
        d = rng.lat(0.06, 0.4)
        rb(pod, t + d, "INFO", "[%s] method=GET path=/search format=html controller=SearchController action=index status=200 allocations=%d duration=%.2f view=%.2f db=%.2f"
           % (rid, rng.randint(20000, 60000), d * 1000, rng.uniform(10, 30), rng.uniform(20, 50)))
        return 200, d, path, "GET", pod
    if kind == "promo":
        path = "/api/promotions/active"
        d = rng.lat(0.03, 0.4)
        OUT.add("logs/promo-service/%s.log" % promo_pods[0], t + d, jdump({"asctime": comma_ts(t + d), "levelname": "INFO", "name": "promo.api",
                "message": "active promotions served", "count": rng.randint(3, 9), "request_id": rid}))
        rb(pod, t + d + 0.003, "INFO", "[%s] method=GET path=%s format=json controller=Api::PromotionsController action=index status=200 allocations=%d duration=%.2f view=%.2f db=%.2f"
           % (rid, path, rng.randint(2000, 6000), (d + 0.003) * 1000, rng.uniform(0.5, 2), 0.0))
        return 200, d + 0.003, path, "GET", pod
    # health / assets
    path = "/up"
    d = rng.lat(0.002, 0.3)
    return 200, d, path, "GET", pod


# ---------------------------------------------------------------- haproxy
hap_pid = {"lb-1": 2143, "lb-2": 1988}
srv_names = {p: "shop-api-%d" % (i + 1) for i, p in enumerate(shop_pods)}


def haproxy(t, d, status, path, method, pod, bytes_, term="----"):
    lb = "lb-1" if rng.random() < 0.55 else "lb-2"
    skew = LB2_SKEW if lb == "lb-2" else 0.0
    ts = t + skew
    ci = client_ip(rng)
    tr = rng.randint(0, 2)
    tc = rng.randint(0, 1)
    trr = int(d * 1000)
    ta = tr + tc + trr + rng.randint(0, 2)
    conc = rng.randint(40, 90) if status < 500 else rng.randint(150, 380)
    srv = "be_shop/%s" % srv_names[pod]
    line = "%s %s haproxy[%d]: %s:%d [%s] fe_https~ %s %d/0/%d/%d/%d %d %d - - %s %d/%d/%d/%d/0 0/0 \"%s %s HTTP/1.1\"" % (
        rfc3164(ts + d), lb, hap_pid[lb], ci, rng.randint(1024, 65535), clf(ts, ms=True), srv, tr, tc, trr, ta, status, bytes_, term,
        conc, conc - 2, rng.randint(10, 60) if status < 500 else rng.randint(60, 128), rng.randint(1, 20), method, path)
    OUT.add("logs/%s/haproxy.log" % lb, ts + d, line)


def traffic():
    for t in arrivals(rng, T0, T1, 1.2):
        kind = rng.wchoice([("product", 48), ("cart", 14), ("search", 18), ("promo", 8), ("up", 2)])
        st, d, path, method, pod = shop_request(t, kind)
        if st == 503 and rng.random() < 0.05:
            haproxy(t, min(d, 10.0), 504, path, method, pod, 194, "sH--")
        else:
            haproxy(t, d, st, path, method, pod, rng.randint(3000, 40000) if st == 200 else 1231)
    # health checks flap on lb hosts under load
    flaps = [T("2026-03-04T01:31:12Z"), T("2026-03-04T01:33:40Z"), T("2026-03-04T01:36:02Z"), T("2026-03-04T01:38:51Z")]
    for i, ft in enumerate(flaps):
        for lb in ("lb-1", "lb-2"):
            skew = LB2_SKEW if lb == "lb-2" else 0.0
            srv = "shop-api-%d" % (i % 3 + 1)
            t = ft + rng.uniform(0, 2) + skew
            OUT.add("logs/%s/haproxy.log" % lb, t, "%s %s haproxy[%d]: [WARNING]  (%d) : Server be_shop/%s is DOWN, reason: Layer7 timeout, check duration: 2001ms. 2 active and 0 backup servers left. %d sessions active, 0 requeued, 0 remaining in queue." % (
                rfc3164(t), lb, hap_pid[lb], hap_pid[lb], srv, rng.randint(30, 90)))
            t2 = t + rng.uniform(8, 16)
            OUT.add("logs/%s/haproxy.log" % lb, t2, "%s %s haproxy[%d]: [WARNING]  (%d) : Server be_shop/%s is UP, reason: Layer7 check passed, code: 200, check duration: %dms. 3 active and 0 backup servers online. 0 sessions requeued, 0 total in queue." % (
                rfc3164(t2), lb, hap_pid[lb], hap_pid[lb], srv, rng.randint(3, 900)))
    # stats page scrapes and a bot
    for lb in ("lb-1", "lb-2"):
        skew = LB2_SKEW if lb == "lb-2" else 0.0
        for t in arrivals(rng, T0, T1, 1 / 15.0):
            ts = t + skew
            OUT.add("logs/%s/haproxy.log" % lb, ts, "%s %s haproxy[%d]: 10.20.0.5:%d [%s] fe_stats fe_stats/<STATS> 0/-1/-1/-1/0 200 %d - - LR-- 1/1/0/0/0 0/0 \"GET /metrics HTTP/1.1\"" % (
                rfc3164(ts), lb, hap_pid[lb], rng.randint(30000, 60000), clf(ts, ms=True), rng.randint(40000, 42000)))


# ---------------------------------------------------------------- pricing-redis
def redis_log():
    f = "logs/pricing-redis/pricing-redis-master-0.log"
    t = T0 + 17.2
    while t < T1:
        load = engine_state(t)[2]
        period = 300 if load < 3 else 60
        msg = "100 changes in 300 seconds. Saving..." if period == 300 else "10000 changes in 60 seconds. Saving..."
        OUT.add(f, t, "1:M %s * %s" % (redis_ts(t), msg))
        cpid = rng.randint(3000, 60000)
        OUT.add(f, t + 0.003, "1:M %s * Background saving started by pid %d" % (redis_ts(t + 0.003), cpid))
        dur = rng.uniform(1.5, 3.5) * (1.4 if period == 60 else 1)
        OUT.add(f, t + dur, "%d:C %s * DB saved on disk" % (cpid, redis_ts(t + dur)))
        OUT.add(f, t + dur + 0.001, "%d:C %s * Fork CoW for RDB: current %d MB, peak %d MB, average %d MB" % (
            cpid, redis_ts(t + dur + 0.001), rng.randint(1, 6) * (8 if period == 60 else 1), rng.randint(6, 12) * (8 if period == 60 else 1), rng.randint(1, 5)))
        OUT.add(f, t + dur + 0.1, "1:M %s * Background saving terminated with success" % redis_ts(t + dur + 0.1))
        t += period + rng.uniform(0, 4)


def promo_noise():
    pod = promo_pods[0]
    for t in arrivals(rng, T0, T1, 0.2):
        if rng.random() < 0.7:
            OUT.add("logs/promo-service/%s.log" % pod, t, jdump({"asctime": comma_ts(t), "levelname": "ERROR", "name": "promo.providers.loyalty",
                    "message": "loyalty provider call failed: HTTPSConnectionPool(host='api.loyaltyhub.example', port=443): Read timed out. (read timeout=1.5)",
                    "exc_info": "Traceback (most recent call last):\n  File \"/app/promo/providers/loyalty.py\", line 41, in points\n    r = self.session.get(url, timeout=1.5)\nrequests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api.loyaltyhub.example', port=443): Read timed out. (read timeout=1.5)"}))
        else:
            OUT.add("logs/promo-service/%s.log" % pod, t, jdump({"asctime": comma_ts(t), "levelname": "WARNING", "name": "py.warnings",
                    "message": "/app/promo/rules.py:88: DeprecationWarning: datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version. Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.now(datetime.UTC)."}))


def inv_noise():
    for pod in inv_pods:
        for t in arrivals(rng, T0, T1, 1 / 90.0):
            OUT.add("logs/inventory-service/%s.log" % pod, t, jdump({"level": "warn", "ts": iso(t, 3), "caller": "sync/erp.go:119",
                    "msg": "erp delta sync lagging", "lag_seconds": rng.randint(40, 95), "warehouse": rng.choice(["DUB1", "AMS2", "LHR3"])}))


# ---------------------------------------------------------------- kubernetes events (JSON list)
def events():
    items = []
    old_rs = ps_old[0].split("-")[2]
    new_rs = ps_new[0].split("-")[2]

    def ev(t, typ, reason, kind, name, msg, comp="deployment-controller", count=1):
        uid = rng.uuid()
        items.append((t, {
            "apiVersion": "v1", "count": count, "eventTime": None, "firstTimestamp": iso_s(t),
            "involvedObject": {"apiVersion": "apps/v1" if kind in ("Deployment", "ReplicaSet") else "v1", "kind": kind, "name": name,
                               "namespace": "pricing", "uid": rng.uuid()},
            "kind": "Event", "lastTimestamp": iso_s(t), "message": msg,
            "metadata": {"creationTimestamp": iso_s(t), "name": "%s.%s" % (name, rng.hex(16)), "namespace": "pricing", "resourceVersion": str(rng.randint(80000000, 99999999)), "uid": uid},
            "reason": reason, "reportingComponent": comp, "reportingInstance": "", "source": {"component": comp}, "type": typ}))

    ev(DEPLOY, "Normal", "ScalingReplicaSet", "Deployment", "pricing-service", "Scaled up replica set pricing-service-%s to 1" % new_rs)
    for i, p in enumerate(ps_new):
        s = new_start[i] - 1.0
        ev(s - 9, "Normal", "Scheduled", "Pod", p, "Successfully assigned pricing/%s to ip-10-60-%d-%d.ec2.internal" % (p, rng.randint(0, 15), rng.randint(2, 250)), "default-scheduler")
        ev(s - 8, "Normal", "Pulling", "Pod", p, 'Pulling image "123456789012.dkr.ecr.us-east-1.amazonaws.com/pricing-service:3.14.0"', "kubelet")
        ev(s - 3, "Normal", "Pulled", "Pod", p, 'Successfully pulled image "123456789012.dkr.ecr.us-east-1.amazonaws.com/pricing-service:3.14.0" in 4.88s (4.88s including waiting). Image size: 98123456 bytes.', "kubelet")
        ev(s - 2.5, "Normal", "Created", "Pod", p, "Created container pricing-service", "kubelet")
        ev(s - 2.3, "Normal", "Started", "Pod", p, "Started container pricing-service", "kubelet")
        ev(old_stop[i] - 0.1, "Normal", "ScalingReplicaSet", "Deployment", "pricing-service", "Scaled down replica set pricing-service-%s to %d from %d" % (old_rs, 2 - i, 3 - i))
        ev(old_stop[i], "Normal", "Killing", "Pod", ps_old[i], "Stopping container pricing-service", "kubelet")
        if i < 2:
            ev(new_start[i] + 9, "Normal", "ScalingReplicaSet", "Deployment", "pricing-service", "Scaled up replica set pricing-service-%s to %d from %d" % (new_rs, i + 2, i + 1))
    for p in pe_pods:
        for k in range(rng.randint(4, 9)):
            ev(FAULT + 200 + rng.uniform(0, 800), "Warning", "Unhealthy", "Pod", p, "Liveness probe failed: Get \"http://%s:8081/actuator/health/liveness\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % ip[p], "kubelet")
    ev(FAULT + 300, "Warning", "FailedGetResourceMetric", "HorizontalPodAutoscaler", "price-engine", "failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API", "horizontal-pod-autoscaler")
    ev(FAULT + 360, "Normal", "SuccessfulRescale", "HorizontalPodAutoscaler", "price-engine", "New size: 3; reason: cpu resource utilization (percentage of request) above target", "horizontal-pod-autoscaler")
    ev(ROLLBACK - 5, "Normal", "ScalingReplicaSet", "Deployment", "pricing-service", "Scaled up replica set pricing-service-%s to 1 from 0" % old_rs)
    for i, p in enumerate(ps_back):
        s = back_start[i] - 1.0
        ev(s - 6, "Normal", "Scheduled", "Pod", p, "Successfully assigned pricing/%s to ip-10-60-%d-%d.ec2.internal" % (p, rng.randint(0, 15), rng.randint(2, 250)), "default-scheduler")
        ev(s - 5, "Normal", "Pulled", "Pod", p, 'Container image "123456789012.dkr.ecr.us-east-1.amazonaws.com/pricing-service:3.13.2" already present on machine', "kubelet")
        ev(s - 4.5, "Normal", "Created", "Pod", p, "Created container pricing-service", "kubelet")
        ev(s - 4.3, "Normal", "Started", "Pod", p, "Started container pricing-service", "kubelet")
        ev(new_stop[i], "Normal", "Killing", "Pod", ps_new[i], "Stopping container pricing-service", "kubelet")
    for t in arrivals(rng, T0, T1, 1 / 400.0):
        ev(t, "Warning", "BackOff", "Pod", "promo-sync-29548120-%s" % rng.k8s(5), "Back-off restarting failed container promo-sync in pod promo-sync-29548120_pricing", "kubelet", count=rng.randint(3, 40))
    items.sort(key=lambda x: x[0])
    doc = {"apiVersion": "v1", "items": [x[1] for x in items], "kind": "List", "metadata": {"resourceVersion": ""}}
    OUT.set_raw("logs/k8s/events-pricing.json", json.dumps(doc, indent=4) + "\n")


# ---------------------------------------------------------------- main
ps_lifecycle()
pe_background()
redis_log()
promo_noise()
inv_noise()
traffic()
events()

truth = {
    "root_cause": {"service": "pricing-service", "fault": "cache-key-change", "start": iso(FAULT)},
    "propagation": ["pricing-service", "shop-api", "haproxy"],
    "affected": ["pricing-service", "price-engine", "shop-api", "haproxy"],
    "notes": "pricing-service 3.14.0 switched its Redis cache keys to the pricing:v4 tenant-aware schema, so every price lookup missed the "
             "healthy cache and went to price-engine, whose quote executor saturated and rejected work (the loudest logs). pricing-service "
             "retried and opened its circuit breaker, shop-api rendered 503s and haproxy (lb-2 clock ~2.7 s ahead) served 5xx until the rollback at 01:40:30.",
}
OUT.write(truth)
