#!/usr/bin/env python3
"""b06: promotions-service 2.14.0 rollout NPEs on guest customers.  A second,
harmless deploy (config-service) lands a minute earlier.  W3C traceparent is
propagated.  Per-service files; `kubectl get events` with relative ages.
Run: python3 gen.py"""
SEED = 606
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common.py")).read())

# ---- case -------------------------------------------------------------------
clean_logs()
S = Sink()

START = T("2026-10-02T14:48:00Z")
END = T("2026-10-02T15:22:00Z")
CAPTURE = T("2026-10-02T15:22:30Z")
CFG_DEPLOY = T("2026-10-02T15:01:47Z")
ROLL = [T("2026-10-02T15:03:21.410Z"), T("2026-10-02T15:04:09.882Z"), T("2026-10-02T15:04:58.120Z")]
ROLLBACK = [T("2026-10-02T15:16:44.000Z"), T("2026-10-02T15:17:31.000Z"), T("2026-10-02T15:18:15.000Z")]
OLD = ["promotions-service-6b7f5d9c8-2wq8x", "promotions-service-6b7f5d9c8-hk4nm", "promotions-service-6b7f5d9c8-zr5tb"]
NEW = ["promotions-service-75c9d8b6f-9xplq", "promotions-service-75c9d8b6f-c4vkr", "promotions-service-75c9d8b6f-m2jhs"]
BACK = ["promotions-service-6b7f5d9c8-fp7lw", "promotions-service-6b7f5d9c8-q8rnd", "promotions-service-6b7f5d9c8-vx2kc"]

ING = "logs/ingress-nginx-controller.log"
PROMO = "logs/promotions-service.log"
CO = "logs/checkout.log"
SF = "logs/storefront.log"
LOY = "logs/loyalty-service.log"
CFG = "logs/config-service.log"
PAY = "logs/payment-service.log"


def promo_pods(t):
    """pods serving at t, with version"""
    pods = []
    for i in range(3):
        if t < ROLL[i]:
            pods.append((OLD[i], "2.13.4"))
        elif t < ROLLBACK[i]:
            pods.append((NEW[i], "2.14.0"))
        else:
            pods.append((BACK[i], "2.13.4"))
    return pods


def ing(t, method, path, status, size, rt, upstream, uaddr, ust, rid):
    S.add(ING, t + timedelta(seconds=rt), '%s - - [%s] "%s %s HTTP/2.0" %d %d "https://www.northwind-goods.com/" "%s" %d %.3f [%s] [] %s %d %.3f %s %s' % (
        ip("84.17"), clf(t), method, path, status, size, R.choice(["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) Safari/605.1.15", "Mozilla/5.0 (Linux; Android 15) Chrome/129.0 Mobile"]),
        R.randint(300, 1500), rt, upstream, uaddr, size, max(rt - 0.001, 0), ust, rid))


def sp(t, level, pod, thread, logger, msg, trace="", span=""):
    S.add(PROMO, t, "%s %5s 1 --- [promotions-service] [%15s] [%s-%s] %-40s : %s" % (iso(t), level, thread[-15:], trace, span, logger, msg) if trace else
          "%s %5s 1 --- [promotions-service] [%15s] [%s] %-40s : %s" % (iso(t), level, thread[-15:], " " * 0, logger, msg))


NPE = """Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: java.lang.NullPointerException: Cannot invoke "com.acme.promo.model.LoyaltyTier.getCode()" because the return value of "com.acme.promo.model.Customer.getLoyaltyTier()" is null] with root cause

java.lang.NullPointerException: Cannot invoke "com.acme.promo.model.LoyaltyTier.getCode()" because the return value of "com.acme.promo.model.Customer.getLoyaltyTier()" is null
\tat com.acme.promo.rules.TierMultiplierRule.apply(TierMultiplierRule.java:42)
\tat com.acme.promo.engine.RuleEngine.lambda$evaluate$3(RuleEngine.java:117)
\tat java.base/java.util.stream.ReferencePipeline$3$1.accept(ReferencePipeline.java:197)
\tat java.base/java.util.ArrayList$ArrayListSpliterator.forEachRemaining(ArrayList.java:1708)
\tat com.acme.promo.engine.RuleEngine.evaluate(RuleEngine.java:121)
\tat com.acme.promo.api.%s(%s.java:%d)
\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
\tat org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118)
\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
\tat org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:63)
\tat java.base/java.lang.Thread.run(Thread.java:1583)"""


def call_promo(t, trace, customer, endpoint):
    """returns (status, dur)"""
    pod, ver = R.choice(promo_pods(t))
    guest = customer.startswith("guest-")
    th = "http-nio-8080-exec-%d" % R.randint(1, 200)
    span = hexid(16)
    # loyalty lookup (404 for guests is normal and pre-existing)
    ld = logn(6, 0.3)
    S.add(LOY, t + timedelta(milliseconds=ld), '%s - - [%s] "GET /v1/tiers/%s HTTP/1.1" %d %d "-" "Java-http-client/21.0.4"' % (
        "10.20.%d.%d" % (R.randint(1, 9), R.randint(10, 250)), clf(t), customer, 404 if guest else 200, 22 if guest else 148))
    if guest and R.random() < 0.5:
        S.add(LOY, t + timedelta(milliseconds=ld), pylog(t + timedelta(milliseconds=ld), "WARNING", "loyalty.tiers", "no tier for customer %s, returning 404" % customer))
    if ver == "2.14.0" and guest:
        d = ld + R.uniform(2, 6)
        cls = "PromotionController" if endpoint == "apply" else "BannerController"
        sp(t + timedelta(milliseconds=d), "ERROR", pod, th, "o.a.c.c.C.[.[.[/].[dispatcherServlet]", NPE % (cls + "." + ("applyPromotion" if endpoint == "apply" else "banner"), cls, R.choice([64, 65]) if endpoint == "apply" else 31), trace, span)
        return 500, d / 1000
    d = ld + logn(14, 0.3)
    if R.random() < 0.03:
        sp(t + timedelta(milliseconds=d), "INFO", pod, th, "c.a.promo.api.PromotionController", "applied %s to cart, discount=%d cents" % (R.choice(["AUTUMN15", "FREESHIP", "WELCOME10"]), R.randint(100, 3000)), trace, span)
    return 200, d / 1000


# ---------------------------------------------------------------- deploy logs on promotions pods
for i in range(3):
    t = ROLL[i] - timedelta(seconds=R.uniform(16, 19))
    for (pod, ver, tt) in ((NEW[i], "2.14.0", t), (BACK[i], "2.13.4", ROLLBACK[i] - timedelta(seconds=17))):
        sp(tt, "INFO", pod, "main", "c.a.promo.PromotionsApplication", "Starting PromotionsApplication v%s using Java 21.0.4 with PID 1 (/app/app.jar started by app in /app)" % ver)
        sp(tt + timedelta(seconds=0.1), "INFO", pod, "main", "c.a.promo.PromotionsApplication", 'The following 1 profile is active: "prod"')
        sp(tt + timedelta(seconds=9.3), "INFO", pod, "main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path '/'")
        sp(tt + timedelta(seconds=9.5), "INFO", pod, "main", "c.a.promo.PromotionsApplication", "Started PromotionsApplication in 10.112 seconds (process running for 11.4)")
        if ver == "2.14.0":
            sp(tt + timedelta(seconds=9.6), "INFO", pod, "main", "c.a.promo.engine.RuleEngine", "loaded 14 promotion rules (new: TierMultiplierRule)")
    sp(ROLL[i] + timedelta(seconds=2), "INFO", OLD[i], "ionShutdownHook", "o.s.b.w.e.tomcat.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete")
    sp(ROLLBACK[i] + timedelta(seconds=2), "INFO", NEW[i], "ionShutdownHook", "o.s.b.w.e.tomcat.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete")

# config-service: a harmless deploy a minute before (red herring)
def cfg(t, level, msg, **kw):
    S.add(CFG, t, logrus(t, level, msg, **kw))


cfg(CFG_DEPLOY, "info", "shutting down", signal="SIGTERM", version="1.8.3")
cfg(CFG_DEPLOY + timedelta(seconds=6), "info", "starting config-service", version="1.9.0", commit="e41c9a2", go="go1.23.2")
cfg(CFG_DEPLOY + timedelta(seconds=6.2), "warning", "env CONFIG_LEGACY_KEYS is deprecated and will be removed in 2.0", key="CONFIG_LEGACY_KEYS")
cfg(CFG_DEPLOY + timedelta(seconds=6.4), "info", "loaded namespaces", count=12, source="git@github.com:northwind/config.git@e41c9a2")
for t in poisson_times(START, END, 0.7):
    cfg(t, "info", "served config", namespace=R.choice(["checkout", "promotions", "storefront", "payments"]), etag=hexid(8), client=ip("10.20"))

# loyalty-service gunicorn/app background
for t in every(START, END, 60, jitter=2):
    S.add(LOY, t, pylog(t, "INFO", "loyalty.jobs", "tier cache refreshed: %d customers" % R.randint(812000, 813000)))

# payment-service (logfmt-ish logrus)
def pay(t, level, msg, **kw):
    S.add(PAY, t, logrus(t, level, msg, **kw))


for t in poisson_times(START, END, 1 / 20.0):
    pay(t, "warning", "3ds challenge timeout, falling back to frictionless", psp="adyen", latency_ms=R.randint(3000, 4000))

# ---------------------------------------------------------------- traffic
for t in poisson_times(START, END, 3.4):
    k = R.random()
    tp_trace = hexid(32)
    rid = hexid(32)
    customer = ("guest-%s" % alnum(8)) if R.random() < 0.42 else ("c-%07d" % R.randint(1, 3000000))
    if k < 0.28:
        # checkout: ingress -> checkout -> promotions (only if a promo code) -> payment
        has_code = R.random() < 0.55
        cpod = R.choice(["checkout-5d9c7b8f4-jj2rt", "checkout-5d9c7b8f4-x7mwl"])
        parent = hexid(16)
        total = 0.0
        status = 200
        if has_code:
            st, d = call_promo(t + timedelta(milliseconds=3), tp_trace, customer, "apply")
            total += d + 0.003
            if st == 500:
                S.add(CO, t + timedelta(seconds=total), zap(t + timedelta(seconds=total), "error", "promo/client.go:88", "promotion service error",
                                                             trace_id=tp_trace, span_id=parent, customer=customer, status=500,
                                                             url="http://promotions-service.shop.svc:8080/v3/promotions/apply",
                                                             error="promotions-service returned 500 Internal Server Error"))
                # retry once (idempotent apply)
                st2, d2 = call_promo(t + timedelta(seconds=total + 0.05), tp_trace, customer, "apply")
                total += d2 + 0.05
                S.add(CO, t + timedelta(seconds=total), zap(t + timedelta(seconds=total), "warn", "promo/client.go:95", "retry promotion", attempt=2, trace_id=tp_trace, status=st2))
                if st2 == 500:
                    S.add(CO, t + timedelta(seconds=total + 0.0005), zap(t + timedelta(seconds=total + 0.0005), "error", "http/handler.go:211", "checkout failed",
                                                                          trace_id=tp_trace, customer=customer, http_status=502, error="apply promotion: upstream 500 after 2 attempts"))
                    status = 502
        if status == 200:
            pd = logn(180, 0.3) / 1000
            total += pd
            if R.random() < 0.2:
                pay(t + timedelta(seconds=total), "info", "payment authorised", psp="adyen", amount_cents=R.randint(500, 40000), trace_id=tp_trace)
            S.add(CO, t + timedelta(seconds=total), zap(t + timedelta(seconds=total), "info", "http/handler.go:199", "checkout completed", trace_id=tp_trace, customer=customer,
                                                         promo=has_code, latency_ms=int(total * 1000)))
        ing(t, "POST", "/api/checkout", status, 310 if status == 200 else 96, total + 0.002, "shop-checkout-8080", "10.20.3.%d:8080" % R.randint(10, 40), status, rid)
    elif k < 0.55:
        # storefront SSR -> promotions banner (storefront degrades gracefully)
        pod = R.choice(["storefront-7f6d8c9b5-b8tzd", "storefront-7f6d8c9b5-r4qck"])
        st, d = call_promo(t + timedelta(milliseconds=5), tp_trace, customer, "banner")
        page = R.choice(["/", "/c/kitchen", "/c/garden", "/p/%d" % R.randint(10000, 99999)])
        sd = d + logn(60, 0.3) / 1000
        if st == 500:
            S.add(SF, t + timedelta(seconds=d + 0.005), pino(t + timedelta(seconds=d + 0.005), "error", "promo banner fetch failed, rendering without banner", 1, pod,
                                                             traceparent="00-%s-%s-01" % (tp_trace, hexid(16)), err={"type": "HTTPError", "message": "Response code 500 (Internal Server Error)", "url": "http://promotions-service.shop.svc:8080/v3/banner"}))
        S.add(SF, t + timedelta(seconds=sd), pino(t + timedelta(seconds=sd), "info", "request completed", 1, pod, req={"method": "GET", "url": page}, res={"statusCode": 200}, responseTime=int(sd * 1000)))
        ing(t, "GET", page, 200, R.randint(20000, 90000), sd + 0.002, "shop-storefront-3000", "10.20.5.%d:3000" % R.randint(10, 40), 200, rid)
    else:
        # static + product api through storefront
        d = logn(15, 0.4) / 1000
        ing(t, "GET", R.choice(["/_next/static/chunks/%s.js" % hexid(16), "/api/products/%d" % R.randint(10000, 99999), "/favicon.ico"]), 200, R.randint(500, 80000), d, "shop-storefront-3000", "10.20.5.%d:3000" % R.randint(10, 40), 200, rid)

# ---------------------------------------------------------------- events (relative ages at capture time)
def age(t):
    s = int((CAPTURE - t).total_seconds())
    if s < 120:
        return "%ds" % s
    if s < 600:
        return "%dm%ds" % (s // 60, s % 60) if s % 60 else "%dm" % (s // 60)
    return "%dm" % (s // 60)


evs = []
evs.append((CFG_DEPLOY - timedelta(seconds=1), "Normal", "ScalingReplicaSet", "deployment/config-service", "Scaled up replica set config-service-59d8c7f6b to 1"))
evs.append((CFG_DEPLOY + timedelta(seconds=7), "Normal", "ScalingReplicaSet", "deployment/config-service", "Scaled down replica set config-service-7c8b6d5f9 to 0 from 1"))
for i in range(3):
    evs.append((ROLL[i] - timedelta(seconds=19), "Normal", "ScalingReplicaSet", "deployment/promotions-service", "Scaled up replica set promotions-service-75c9d8b6f to %d from %d" % (i + 1, i) if i else "Scaled up replica set promotions-service-75c9d8b6f to 1"))
    evs.append((ROLL[i] - timedelta(seconds=18), "Normal", "Pulling", "pod/" + NEW[i], 'Pulling image "ghcr.io/northwind/promotions-service:2.14.0"'))
    evs.append((ROLL[i] - timedelta(seconds=14), "Normal", "Pulled", "pod/" + NEW[i], 'Successfully pulled image "ghcr.io/northwind/promotions-service:2.14.0" in 3.81s (3.81s including waiting). Image size: 201883012 bytes.'))
    evs.append((ROLL[i] - timedelta(seconds=13), "Normal", "Started", "pod/" + NEW[i], "Started container promotions-service"))
    evs.append((ROLL[i] - timedelta(seconds=6), "Warning", "Unhealthy", "pod/" + NEW[i], "Readiness probe failed: Get \"http://10.20.7.%d:8080/actuator/health/readiness\": dial tcp 10.20.7.%d:8080: connect: connection refused" % (40 + i, 40 + i)))
    evs.append((ROLL[i] + timedelta(seconds=1), "Normal", "ScalingReplicaSet", "deployment/promotions-service", "Scaled down replica set promotions-service-6b7f5d9c8 to %d from %d" % (2 - i, 3 - i)))
    evs.append((ROLL[i] + timedelta(seconds=2), "Normal", "Killing", "pod/" + OLD[i], "Stopping container promotions-service"))
    evs.append((ROLLBACK[i] - timedelta(seconds=18), "Normal", "ScalingReplicaSet", "deployment/promotions-service", "Scaled up replica set promotions-service-6b7f5d9c8 to %d from %d" % (i + 1, i)))
    evs.append((ROLLBACK[i] + timedelta(seconds=2), "Normal", "Killing", "pod/" + NEW[i], "Stopping container promotions-service"))
evs.append((ROLLBACK[0] - timedelta(seconds=20), "Normal", "DeploymentRollback", "deployment/promotions-service", "Rolled back deployment \"promotions-service\" to revision 41"))
for t in every(START, END, 300):
    evs.append((t + timedelta(seconds=33), "Normal", "SuccessfulCreate", "job/abandoned-cart-mailer-%d" % int(t.timestamp() // 300), "Created pod: abandoned-cart-mailer-%d-%s" % (int(t.timestamp() // 300), alnum(5))))
    evs.append((t + timedelta(seconds=95), "Normal", "Completed", "job/abandoned-cart-mailer-%d" % int(t.timestamp() // 300), "Job completed"))
# kubectl sorts by nothing in particular; group roughly by object like the API returns them
evs.sort(key=lambda e: (e[3], e[0]))
lines = ["%-10s %-8s %-20s %-55s %s" % ("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE")]
for e in evs:
    lines.append("%-10s %-8s %-20s %-55s %s" % (age(e[0]), e[1], e[2], e[3], e[4]))
os.makedirs(os.path.join(HERE, "logs"), exist_ok=True)
open(os.path.join(HERE, "logs", "events-shop-20261002T152230Z.txt"), "w").write("\n".join(lines) + "\n")

for _ in range(2):
    S.add(SF, START + timedelta(seconds=R.uniform(0, 2000)), garbage())
S.write()
