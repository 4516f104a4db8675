#!/usr/bin/env python3
"""b05: pricing-engine pods are OOMKilled (cgroup limit) while loading a price
catalog that tripled in size; crash-loop.  The JVM logs nothing about it.
Logs: a Loki `logcli query` export (local time +02:00 prefix), ALB access logs,
k8s events as a custom-columns table.  Run: python3 gen.py"""
SEED = 505
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common.py")).read())

# ---- case -------------------------------------------------------------------
clean_logs()
S = Sink()

START = T("2026-05-14T06:58:00Z")
END = T("2026-05-14T07:31:00Z")
REFRESH = T("2026-05-14T07:12:04.551Z")
FIX = T("2026-05-14T07:25:40Z")     # memory limit raised + catalog flag rolled back
LOKI = "logs/loki-export-shop.log"
ALB = "logs/alb/123456789012_elasticloadbalancing_eu-central-1_app.shop-alb.50dc6c495c0c9188_20260514T0700Z_10.0.1.15_2fq1mq.log"
EVT = "logs/k8s-events.txt"

PE_PODS = ["pricing-engine-7d4b9c8f6-fk2lp", "pricing-engine-7d4b9c8f6-s9w4c"]
PE_IPS = {PE_PODS[0]: "10.12.4.9", PE_PODS[1]: "10.12.6.33"}
QA_PODS = ["quote-api-5f6d7c8b9-jx8kq", "quote-api-5f6d7c8b9-p2r7v"]
BFF_PODS = ["web-bff-6c9f8d7b5-4lmzt", "web-bff-6c9f8d7b5-wc8n2"]
CART_POD = "cart-service-58b7c6d9f-t7hqx"
REC_POD = "recommendation-svc-7b5d9c6f8-nn3vd"


def loki(app, pod, t, line, container="app"):
    # logcli prints the ingestion time in the operator's local zone (+02:00), slightly after the event
    it = t + timedelta(milliseconds=R.randint(40, 900))
    lbl = '{app="%s", container="%s", namespace="shop", pod="%s"}' % (app, container, pod)
    for l in line.split("\n"):
        S.add(LOKI, it, "%s %s %s" % (iso_off(it, 2, 3), lbl, l))


def pe(pod, t, level, cat, thread, msg):
    loki("pricing-engine", pod, t, "%s,%03d %-5s [%s] (%s) %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, level, cat, thread, msg), container="pricing-engine")


def qa(pod, t, level, msg, **kw):
    loki("quote-api", pod, t, pino(t, level, msg, 1, pod, **kw))


def bff(pod, t, level, msg, **kw):
    loki("web-bff", pod, t, logrus(t, level, msg, **kw))


def cart(t, level, caller, msg, **kw):
    loki("cart-service", CART_POD, t, zap(t, level, caller, msg, **kw))


def alb(t, status, tstatus, dur, method, path, tg, target, trace):
    S.add(ALB, t + timedelta(seconds=dur), 'https %s app/shop-alb/50dc6c495c0c9188 %s:%d %s 0.000 %.3f 0.000 %d %s %d %d "%s https://shop.acme-eu.com:443%s HTTP/2.0" "%s" TLS_AES_128_GCM_SHA256 TLSv1.3 arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/%s/73e2d6bc24d8a067 "%s" "shop.acme-eu.com" "arn:aws:acm:eu-central-1:123456789012:certificate/9c1e" 0 %s "forward" "-" "-" "%s" "%s" "-" "-" "TID_%s"' % (
        iso(t + timedelta(seconds=dur), 6), ip("85.214"), R.randint(1024, 65000), target, dur, status, tstatus, R.randint(200, 900), R.randint(300, 9000),
        method, path, R.choice(["Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/131.0"]), tg, trace, iso(t, 6), target, tstatus, hexid(32)))


# ---------------------------------------------------------------- pricing-engine lifecycle
# Each container: boots (~14s), loads catalog; after REFRESH the catalog is 3x and the
# container is killed by the kernel ~25s into a load.  BackOff doubles 10s..160s.
alive = {p: [] for p in PE_PODS}   # (from, to) intervals when the pod serves traffic
kills = []                          # (pod, time, pid)
restarts = []


def boot(pod, t, big):
    pe(pod, t, "INFO", "io.quarkus", "main", "pricing-engine 3.8.2 on JVM (powered by Quarkus 3.15.1) started in %.3fs. Listening on: http://0.0.0.0:8080" % R.uniform(2.1, 2.9))
    pe(pod, t + timedelta(milliseconds=2), "INFO", "io.quarkus", "main", "Profile prod activated. ")
    pe(pod, t + timedelta(milliseconds=300), "INFO", "com.acm.pri.CatalogLoader", "executor-thread-1",
       "loading price catalog version=%s from s3://acme-pricing/catalog/ (rows=%s)" % ("2026-05-14" if big else "2026-05-13", "4812300" if big else "1604112"))


for pod in PE_PODS:
    pe(pod, START + timedelta(seconds=R.uniform(1, 50)), "INFO", "com.acm.pri.CatalogLoader", "executor-thread-3", "catalog version=2026-05-13 rows=1604112 heap_used=612MB")
    alive[pod].append([START, None])

for pod in PE_PODS:
    off = R.uniform(0, 3)
    t = REFRESH + timedelta(seconds=off)
    pe(pod, t, "INFO", "com.acm.pri.CatalogRefresher", "scheduled-1", "scheduled refresh: new catalog version=2026-05-14 rows=4812300 (was 1604112), loading in background")
    kt = t + timedelta(seconds=R.uniform(24, 29))
    alive[pod][-1][1] = kt
    kills.append((pod, kt, R.randint(1, 1)))
    backoff = 10
    n = 0
    while True:
        n += 1
        st = kt + timedelta(seconds=backoff + R.uniform(0.5, 1.5))
        if st >= FIX:
            break
        restarts.append((pod, st, n))
        boot(pod, st, True)
        kt = st + timedelta(seconds=R.uniform(20, 26))
        # readiness passes after ~6s, pod briefly serves then dies
        alive[pod].append([st + timedelta(seconds=6), kt])
        kills.append((pod, kt, 1))
        backoff = min(backoff * 2, 300)
# fix at FIX: new ReplicaSet with 3Gi limit and catalog pinned to 2026-05-13
NEW_PODS = ["pricing-engine-6f8c7d5b9-2bqkd", "pricing-engine-6f8c7d5b9-vh7xm"]
for i, np_ in enumerate(NEW_PODS):
    st = FIX + timedelta(seconds=5 + 9 * i)
    boot(np_, st, False)
    pe(np_, st + timedelta(seconds=7), "INFO", "com.acm.pri.CatalogLoader", "executor-thread-1", "catalog version=2026-05-13 rows=1604112 heap_used=598MB")
    alive[np_] = [[st + timedelta(seconds=8), END]]
    PE_IPS[np_] = "10.12.%d.%d" % (R.randint(2, 8), R.randint(10, 200))


def pe_up(t):
    ups = [p for p, iv in alive.items() if any(a <= t < (b or END) for a, b in iv)]
    return ups


def pe_serving(t):
    return pe_up(t)


# normal request logging on pricing-engine is sampled (1 in 20 at INFO)
def pe_req(t, pod, sku_count, d):
    if R.random() < 0.05:
        pe(pod, t + timedelta(milliseconds=d), "INFO", "com.acm.pri.api.QuoteResource", "executor-thread-%d" % R.randint(1, 40), "priced %d lines in %dms" % (sku_count, d))


# ---------------------------------------------------------------- k8s events table
ev_rows = []


def ev(t, typ, reason, obj, msg):
    ev_rows.append((t, typ, reason, obj, msg))


for pod, kt, _ in kills:
    node = "ip-10-12-%d-%d.eu-central-1.compute.internal" % ((4, 71) if pod == PE_PODS[0] else (6, 18))
    ev(kt + timedelta(seconds=0.3), "Warning", "OOMKilling", "node/" + node,
       "Memory cgroup out of memory: Killed process %d (java) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, shmem-rss:0kB, UID:1001 pgtables:%dkB oom_score_adj:%d" % (
           R.randint(2000, 60000), R.randint(4800000, 5200000), R.randint(2080000, 2096000), R.randint(20000, 30000), R.randint(4000, 5000), R.choice([936, 994])))
for pod, st, n in restarts:
    ev(st - timedelta(seconds=0.4), "Normal", "Pulled", "pod/" + pod, 'Container image "registry.acme-eu.com/pricing-engine:3.8.2" already present on machine')
    ev(st - timedelta(seconds=0.3), "Normal", "Created", "pod/" + pod, "Created container: pricing-engine")
    ev(st - timedelta(seconds=0.2), "Normal", "Started", "pod/" + pod, "Started container pricing-engine")
    if n >= 2:
        ev(st - timedelta(seconds=R.uniform(2, 6)), "Warning", "BackOff", "pod/" + pod, "Back-off restarting failed container pricing-engine in pod %s_shop(%s)" % (pod, uuid()))
for pod, kt, _ in kills:
    ev(kt + timedelta(seconds=R.uniform(1, 3)), "Warning", "Unhealthy", "pod/" + pod, 'Readiness probe failed: Get "http://%s:8080/q/health/ready": dial tcp %s:8080: connect: connection refused' % (PE_IPS[pod], PE_IPS[pod]))
ev(FIX - timedelta(seconds=1), "Normal", "ScalingReplicaSet", "deployment/pricing-engine", "Scaled up replica set pricing-engine-6f8c7d5b9 to 1")
ev(FIX + timedelta(seconds=14), "Normal", "ScalingReplicaSet", "deployment/pricing-engine", "Scaled down replica set pricing-engine-7d4b9c8f6 to 1 from 2")
ev(FIX + timedelta(seconds=15), "Normal", "ScalingReplicaSet", "deployment/pricing-engine", "Scaled up replica set pricing-engine-6f8c7d5b9 to 2 from 1")
ev(FIX + timedelta(seconds=30), "Normal", "ScalingReplicaSet", "deployment/pricing-engine", "Scaled down replica set pricing-engine-7d4b9c8f6 to 0 from 1")
for pod in NEW_PODS:
    ev(FIX + timedelta(seconds=3), "Normal", "Scheduled", "pod/" + pod, "Successfully assigned shop/%s to ip-10-12-5-40.eu-central-1.compute.internal" % pod)
# pre-existing distractor: recommendation-svc readiness flaps all along
for t in every(START + timedelta(seconds=20), END, 75, jitter=20):
    ev(t, "Warning", "Unhealthy", "pod/" + REC_POD, "Readiness probe failed: HTTP probe failed with statuscode: 503")
for t in every(START + timedelta(seconds=100), END, 600):
    ev(t, "Normal", "SuccessfulCreate", "cronjob/price-feed-sync", "Created job price-feed-sync-%d" % int(t.timestamp() // 60))
ev_rows.sort()
lines = ["%-24s %-8s %-18s %-52s %s" % ("LAST", "TYPE", "REASON", "OBJECT", "MESSAGE")]
for t, typ, reason, obj, msg in ev_rows:
    lines.append("%-24s %-8s %-18s %-52s %s" % (iso(t, 0), typ, reason, obj, msg))
os.makedirs(os.path.join(HERE, "logs"), exist_ok=True)
open(os.path.join(HERE, EVT), "w").write("\n".join(lines) + "\n")


# `kubectl describe pod` captured by on-call at 07:19:05 for one of the crash-looping pods
CAP = T("2026-05-14T07:19:05Z")
pod = PE_PODS[0]
pk = [k_ for k_ in kills if k_[0] == pod and k_[1] < CAP]
prs = [r for r in restarts if r[0] == pod and r[1] < CAP]
last_kill = pk[-1][1]
last_start = prs[-1][1] if prs else REFRESH
prev_start = prs[-2][1] if len(prs) > 1 else START
state_running = last_start > last_kill
desc = """Name:             %s
Namespace:        shop
Priority:         0
Service Account:  pricing-engine
Node:             ip-10-12-4-71.eu-central-1.compute.internal/10.12.4.71
Start Time:       Tue, 12 May 2026 16:02:11 +0000
Labels:           app=pricing-engine
                  pod-template-hash=7d4b9c8f6
Status:           Running
IP:               %s
Controlled By:    ReplicaSet/pricing-engine-7d4b9c8f6
Containers:
  pricing-engine:
    Container ID:   containerd://%s
    Image:          registry.acme-eu.com/pricing-engine:3.8.2
    Port:           8080/TCP
    State:          %s
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
      Started:      %s
      Finished:     %s
    Ready:          False
    Restart Count:  %d
    Limits:
      cpu:     2
      memory:  2Gi
    Requests:
      cpu:      500m
      memory:   1536Mi
    Liveness:   http-get http://:8080/q/health/live delay=30s timeout=1s period=10s #success=1 #failure=3
    Readiness:  http-get http://:8080/q/health/ready delay=5s timeout=1s period=5s #success=1 #failure=3
    Environment:
      JAVA_OPTS:  -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError
Conditions:
  Type              Status
  Initialized       True
  Ready             False
  ContainersReady   False
  PodScheduled      True
QoS Class:          Burstable
Events:
  Type     Reason     Age                   From     Message
  ----     ------     ----                  ----     -------
  Warning  BackOff    %ds (x%d over 6m)      kubelet  Back-off restarting failed container pricing-engine in pod %s_shop(%s)
  Normal   Pulled     %dm%ds (x%d over 6m)  kubelet  Container image "registry.acme-eu.com/pricing-engine:3.8.2" already present on machine
""" % (pod, PE_IPS[pod], hexid(64),
       ("Waiting\n      Reason:       CrashLoopBackOff" if not state_running else "Running\n      Started:      " + last_start.strftime("%a, %d %b %Y %H:%M:%S +0000")),
       (prev_start if state_running else last_start).strftime("%a, %d %b %Y %H:%M:%S +0000"),
       (pk[-2][1] if state_running and len(pk) > 1 else last_kill).strftime("%a, %d %b %Y %H:%M:%S +0000"),
       len(prs), int((CAP - last_kill).total_seconds()) % 60 + 5, len(prs), pod, uuid(),
       int((CAP - last_start).total_seconds()) // 60, int((CAP - last_start).total_seconds()) % 60, len(prs))
open(os.path.join(HERE, "logs", "describe-%s-071905.txt" % pod), "w").write(desc)

# ---------------------------------------------------------------- traffic
breaker = {p: {"fails": [], "open_until": None} for p in QA_PODS}


def call_pricing(t, caller):
    """returns (ok, dur_s, err)"""
    ups = pe_serving(t)
    # a request can be in flight on a pod when it is killed
    killed_now = [p for p, kt, _ in kills if kt - timedelta(seconds=0.2) <= t < kt]
    if killed_now and R.random() < 0.5:
        return False, R.uniform(0.05, 0.2), ("socket hang up", "ECONNRESET")
    if not ups:
        return False, R.uniform(0.001, 0.004), ("connect ECONNREFUSED 172.20.88.14:8080", "ECONNREFUSED")
    pod = R.choice(ups)
    d = logn(38, 0.3)
    pe_req(t, pod, R.randint(1, 12), int(d))
    return True, d / 1000, None


for t in poisson_times(START, END, 2.6):
    trace = "Root=1-%s-%s" % (hexid(8), hexid(24))
    k = R.random()
    bp = R.choice(BFF_PODS)
    if k < 0.45:
        # quote page: alb -> web-bff -> quote-api -> pricing-engine
        qp = R.choice(QA_PODS)
        br = breaker[qp]
        if br["open_until"] and t < br["open_until"]:
            qa(qp, t + timedelta(milliseconds=1), "warn", "pricing breaker open, failing fast", breaker="pricing-engine", traceId=trace)
            ok, d, err = False, 0.001, ("Breaker is open", "EOPENBREAKER")
        else:
            if br["open_until"] and t >= br["open_until"]:
                qa(qp, t, "info", "pricing breaker half-open, trying one request", breaker="pricing-engine")
                br["open_until"] = None
            ok, d, err = call_pricing(t, "quote-api")
            if not ok:
                qa(qp, t + timedelta(seconds=d), "error", "pricing call failed", traceId=trace, url="http://pricing-engine.shop.svc.cluster.local:8080/v2/quote",
                   err={"type": "Error", "message": err[0], "code": err[1], "stack": "Error: %s\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1610:16)" % err[0]})
                br["fails"] = [x for x in br["fails"] if (t - x).total_seconds() < 10] + [t]
                if len(br["fails"]) >= 5:
                    br["open_until"] = t + timedelta(seconds=30)
                    br["fails"] = []
                    qa(qp, t + timedelta(seconds=d, milliseconds=1), "warn", "circuit breaker opened", breaker="pricing-engine", failures=5, windowMs=10000, resetTimeoutMs=30000)
        if ok:
            qd = d + logn(8, 0.3) / 1000
            qa(qp, t + timedelta(seconds=qd), "info", "request completed", traceId=trace, req={"method": "POST", "url": "/quotes"}, res={"statusCode": 200}, responseTime=int(qd * 1000))
            bd = qd + 0.004
            alb(t, 200, "200", bd + 0.002, "POST", "/api/quote", "web-bff", "10.12.3.%d:8080" % R.randint(10, 20), trace)
        else:
            qd = d + 0.002
            qa(qp, t + timedelta(seconds=qd), "error", "request errored", traceId=trace, req={"method": "POST", "url": "/quotes"}, res={"statusCode": 503}, responseTime=int(qd * 1000),
               err={"type": "PricingUnavailableError", "message": "pricing-engine unavailable: " + err[0]})
            bd = qd + 0.003
            bff(bp, t + timedelta(seconds=bd), "error", "upstream returned error", upstream="quote-api", url="http://quote-api.shop.svc.cluster.local/quotes", status=503, trace_id=trace, duration="%dms" % int(bd * 1000))
            alb(t, 502, "502", bd + 0.002, "POST", "/api/quote", "web-bff", "10.12.3.%d:8080" % R.randint(10, 20), trace)
    elif k < 0.65:
        # cart page: web-bff -> cart-service -> pricing-engine (no breaker, 2 retries)
        total = 0
        ok = False
        for attempt in range(1, 4):
            o, d, err = call_pricing(t + timedelta(seconds=total), "cart-service")
            total += d
            if o:
                ok = True
                break
            cart(t + timedelta(seconds=total), "warn", "pricing/client.go:77", "pricing request failed, retrying", attempt=attempt,
                 error='Post "http://pricing-engine.shop.svc.cluster.local:8080/v2/quote": dial tcp 172.20.88.14:8080: connect: connection refused' if err[1] == "ECONNREFUSED" else 'Post "http://pricing-engine.shop.svc.cluster.local:8080/v2/quote": EOF')
            total += 0.05 * attempt
        if ok:
            alb(t, 200, "200", total + 0.01, "GET", "/api/cart", "web-bff", "10.12.3.%d:8080" % R.randint(10, 20), trace)
        else:
            cart(t + timedelta(seconds=total), "error", "http/cart.go:140", "cart pricing unavailable", cart_id=alnum(12), status=503, error="pricing: all 3 attempts failed")
            bff(bp, t + timedelta(seconds=total + 0.002), "error", "upstream returned error", upstream="cart-service", url="http://cart-service.shop.svc.cluster.local/cart", status=503, trace_id=trace, duration="%dms" % int(total * 1000))
            alb(t, 502, "502", total + 0.004, "GET", "/api/cart", "web-bff", "10.12.3.%d:8080" % R.randint(10, 20), trace)
    else:
        # product pages + recommendations (not affected)
        d = logn(30, 0.4) / 1000
        if R.random() < 0.15:
            loki("recommendation-svc", REC_POD, t, pylog(t, "INFO", "recs.api", "served %d recs for session=%s in %dms" % (R.randint(4, 12), alnum(10), int(d * 1000))))
        alb(t, 200, "200", d + 0.003, "GET", "/api/products/%d" % R.randint(1000, 99999), "web-bff", "10.12.3.%d:8080" % R.randint(10, 20), trace)

# pre-existing errors on recommendation-svc (feature store timeouts), all along
for t in poisson_times(START, END, 1 / 9.0):
    loki("recommendation-svc", REC_POD, t, pylog(t, "ERROR", "recs.features", "feature store lookup timed out after 250ms (redis-features:6379), returning popular items"))
for t in every(START, END, 30, jitter=1):
    for p in BFF_PODS:
        bff(p, t, "info", "healthz ok", path="/healthz", remote="10.12.0.1")
for t in every(START, END, 60, jitter=2):
    cart(t, "info", "metrics/report.go:22", "cart stats", carts_active=R.randint(300, 600), goroutines=R.randint(80, 120))

S.write()
