#!/usr/bin/env python3
"""f04: lock-order deadlock in inventory-service (stock-sync scheduler vs reservation requests) exhausts Tomcat's pool; liveness restarts, recurs."""
import datetime as dt
import json
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
R = random.Random(40404)
UTC = dt.timezone.utc
T0 = dt.datetime(2026, 5, 14, 10, 0, 0, tzinfo=UTC)
T_CAP = dt.datetime(2026, 5, 14, 10, 42, 5, tzinfo=UTC)  # when the SRE ran kubectl
files = {}


def emit(path, t, line):
    files.setdefault(path, []).append((t, line))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def S(h, m, s, ms=0):
    return dt.datetime(2026, 5, 14, h, m, s, ms * 1000, tzinfo=UTC)


PODA, PODB = "inventory-service-7f9c6d5b8-4xkqp", "inventory-service-7f9c6d5b8-tn2vr"
# container instances: (pod, start, deadlock time or None, kill time or None)
# pod A: instance 1 (pre 09:12) deadlocks 10:17:22, killed 10:18:58; instance 2 10:19:00..deadlock 10:33:41, killed 10:35:20 ; instance 3 from 10:35:22
# pod B: instance 1 deadlocks 10:26:05 killed 10:27:41; instance 2 from 10:27:43
INST = [
    (PODA, S(9, 12, 4), S(10, 17, 22, 614), S(10, 18, 58, 120), None),
    (PODA, S(10, 19, 0, 300), S(10, 33, 41, 88), S(10, 35, 20, 500), "previous"),
    (PODA, S(10, 35, 22, 700), None, None, "current"),
    (PODB, S(9, 12, 31), S(10, 26, 5, 230), S(10, 27, 41, 900), "previous"),
    (PODB, S(10, 27, 43, 100), None, None, "current"),
]
BOOT = 24.0  # seconds until Started


def inst_for(pod, t):
    for p, st, dl, kill, keep in INST:
        if p == pod and st <= t and (kill is None or t < kill):
            return (p, st, dl, kill, keep)
    return None


def spring(inst, t, lvl, thread, logger, msg):
    pod, st, dl, kill, keep = inst
    if keep is None:
        return  # log of that container instance is gone (only current and previous survive)
    th = thread[-15:].rjust(15)
    emit("kubectl-logs/%s/inventory-service%s.log" % (pod, ".previous" if keep == "previous" else ""), t,
         "%s %5s 1 --- [inventory-service] [%s] %-40s : %s" % (iso(t), lvl, th, logger[:40], msg))


STARTUP = [("c.a.inventory.InventoryServiceApplication", "Starting InventoryServiceApplication v2.31.4 using Java 21.0.3 with PID 1 (/workspace/BOOT-INF/classes started by cnb in /workspace)"),
           ("c.a.inventory.InventoryServiceApplication", "The following 1 profile is active: \"kubernetes\""),
           ("o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 8080 (http)"),
           ("o.apache.catalina.core.StandardService", "Starting service [Tomcat]"),
           ("o.apache.catalina.core.StandardEngine", "Starting Servlet engine: [Apache Tomcat/10.1.20]"),
           ("com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Starting..."),
           ("com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@6b1e8c2f"),
           ("com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed."),
           ("o.s.b.a.e.web.EndpointLinksResolver", "Exposing 3 endpoint(s) beneath base path '/actuator'"),
           ("o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path ''"),
           ("c.a.inventory.InventoryServiceApplication", "Started InventoryServiceApplication in 23.418 seconds (process running for 24.07)")]

for inst in INST:
    pod, st, dl, kill, keep = inst
    if st > T0:
        for i, (lg, m) in enumerate(STARTUP):
            spring(inst, st + dt.timedelta(seconds=BOOT * (i + 1) / len(STARTUP)), "INFO", "main", lg, m)
    # stock-sync every 5 minutes, on the wall clock minute%5==2
    t = T0
    while t < T_CAP:
        t += dt.timedelta(minutes=1)
        if t.minute % 5 != 2:
            continue
        ts = t.replace(second=0, microsecond=0) + dt.timedelta(seconds=R.uniform(0.001, 0.01))
        if ts < st + dt.timedelta(seconds=BOOT) or (kill and ts >= kill) or (dl and ts > dl + dt.timedelta(seconds=30)):
            continue
        spring(inst, ts, "INFO", "stock-sync-1", "c.a.inventory.sync.StockSyncJob", "Stock sync batch started (source=wms-eu-1, since=%s)" % iso(ts - dt.timedelta(minutes=5)))
        if dl and abs((dl - ts).total_seconds()) < 40:
            continue  # this batch never finishes
        spring(inst, ts + dt.timedelta(milliseconds=R.randint(500, 1400)), "INFO", "stock-sync-1", "c.a.inventory.sync.StockSyncJob",
               "Stock sync batch completed: %d SKUs updated, %d unchanged" % (R.randint(200, 900), R.randint(9000, 12000)))
    if kill:
        spring(inst, kill - dt.timedelta(seconds=30), "INFO", "ionShutdownHook", "o.s.b.w.embedded.tomcat.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete")
# deadlock instant: the last request-thread lines before silence
for inst in INST:
    pod, st, dl, kill, keep = inst
    if dl:
        spring(inst, dl - dt.timedelta(milliseconds=40), "INFO", "stock-sync-1", "c.a.inventory.sync.StockSyncJob", "Applying WMS delta for warehouse FRA-2 (%d lines)" % R.randint(300, 700))

# pre-existing noise: a WARN that appears every few minutes on all instances
for inst in INST:
    pod, st, dl, kill, keep = inst
    t = st + dt.timedelta(seconds=BOOT + 5)
    while t < (dl or kill or T_CAP):
        t += dt.timedelta(seconds=R.uniform(150, 320))
        if t < (dl or kill or T_CAP):
            spring(inst, t, "WARN", "http-nio-8080-exec-%d" % R.randint(1, 40), "c.a.inventory.api.ReservationController",
                   "Reservation for sku=%s exceeds soft limit (qty=%d, limit=50); allowing for B2B account" % ("SKU-%06d" % R.randint(0, 999999), R.randint(51, 400)))

# ---- traffic: storefront-gateway -> checkout-api -> (linkerd) -> inventory-service
GW = "kubectl-logs/storefront-gateway-5b8c7d9f4-hq6lm/storefront-gateway.log"
CK = ["checkout-api-86d5f7b9c-8zq2n", "checkout-api-86d5f7b9c-r5t7x"]
POD_IP = {PODA: "10.244.3.17", PODB: "10.244.5.9"}
PROXY_START = {CK[0]: S(7, 41, 12), CK[1]: S(7, 41, 40)}


def slogj(fpath, t, lvl, msg, **kw):
    o = {"time": t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "%03dZ" % R.randint(0, 999), "level": lvl, "msg": msg}
    o.update(kw)
    emit(fpath, t, json.dumps(o, separators=(",", ":")))


def l5d(ck, t, lvl, span, target, msg):
    up = (t - PROXY_START[ck]).total_seconds()
    emit("kubectl-logs/%s/linkerd-proxy.log" % ck, t, "%s [%12.6fs] %5s ThreadId(%02d) %s: %s: %s" % (
        t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "%03dZ" % R.randint(0, 999), up, lvl, R.choice([1, 2]), span, target, msg))


def gw(t, lvl, msg, **kw):
    parts = ["time=%s" % (t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)), "level=%s" % lvl, 'msg="%s"' % msg]
    for k, v in kw.items():
        v = str(v)
        parts.append("%s=%s" % (k, ('"%s"' % v.replace('"', '\\"')) if (" " in v or '"' in v or "=" in v) else v))
    emit(GW, t, " ".join(parts))


stuck_since = {}
t = T0
while t < T_CAP:
    t += dt.timedelta(seconds=R.expovariate(5.0))
    ck = R.choice(CK)
    ckpath = "kubectl-logs/%s/checkout-api.log" % ck
    route = R.random()
    rid = hexid(16)
    if route < 0.55:
        path, needs_inv = "/api/checkout/cart", True
    elif route < 0.75:
        path, needs_inv = "/api/checkout/place-order", True
    else:
        path, needs_inv = "/api/checkout/shipping-options", False
    status, dur = 200, R.uniform(15, 60)
    if needs_inv:
        pod = R.choice([PODA, PODB])
        inst = inst_for(pod, t)
        ok = inst is not None and t >= inst[1] + dt.timedelta(seconds=BOOT) and not (inst[2] and t >= inst[2])
        if inst is not None and inst[2] and t >= inst[2] and t - inst[2] > dt.timedelta(seconds=25) and R.random() < 0.7:
            # linkerd has marked the endpoint as failing; balancer prefers the other pod
            other = PODB if pod == PODA else PODA
            oi = inst_for(other, t)
            if oi is not None and t >= oi[1] + dt.timedelta(seconds=BOOT) and not (oi[2] and t >= oi[2]):
                pod, inst, ok = other, oi, True
        if ok:
            dur = R.uniform(20, 80)
            if path.endswith("place-order") and R.random() < 0.5:
                spring(inst, t + dt.timedelta(milliseconds=dur - 3), "INFO", "http-nio-8080-exec-%d" % R.randint(1, 40), "c.a.inventory.service.ReservationService",
                       "Reserved %d unit(s) of %s for order %s" % (R.randint(1, 4), "SKU-%06d" % R.randint(0, 999999), "ORD-%08d" % R.randint(0, 99999999)))
        else:
            if inst is None or t < inst[1] + dt.timedelta(seconds=BOOT):
                # restarting: connection refused -> linkerd 503 quickly
                dur = R.uniform(2, 30)
                status = 503
                l5d(ck, t + dt.timedelta(milliseconds=dur - 1), "INFO", "outbound:proxy{addr=10.96.44.120:8080}:rescue{client.addr=10.244.%d.%d:%d}" % (R.randint(1, 6), R.randint(2, 250), R.randint(30000, 60000)),
                    "linkerd_app_core::errors::respond", "HTTP/1.1 request failed error=logical service 10.96.44.120:8080: service unavailable error.sources=[service unavailable]")
                err = "inventory: unexpected status 503 Service Unavailable (l5d-proxy-error: service unavailable)"
            else:
                dur = 3000 + R.uniform(0, 4)
                status = 504
                err = 'Post "http://inventory-service.shop.svc.cluster.local:8080/v1/reservations/check": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'
                if R.random() < 0.4:
                    l5d(ck, t + dt.timedelta(milliseconds=dur), "INFO", "outbound:proxy{addr=10.96.44.120:8080}:service{ns=shop name=inventory-service port=8080}:endpoint{addr=%s:8080}" % POD_IP[pod],
                        "linkerd_proxy_http::client", "Request canceled error=operation was canceled: connection closed")
            slogj(ckpath, t + dt.timedelta(milliseconds=dur), "ERROR", "inventory check failed", req_id=rid, path=path, upstream="inventory-service", err=err)
            status = 502 if status == 503 else 504
    if not needs_inv and R.random() < 0.03:
        slogj(ckpath, t + dt.timedelta(milliseconds=dur - 1), "WARN", "shipping quote slow, using cached table", req_id=rid, carrier=R.choice(["dhl", "ups", "gls"]), elapsed_ms=R.randint(800, 1500))
    slogj(ckpath, t + dt.timedelta(milliseconds=dur + 0.3), "INFO" if status == 200 else "WARN", "handled request", req_id=rid, method="POST" if "place" in path else "GET",
          path=path, status=status, duration_ms=round(dur + 0.3, 1))
    gw_status = status if status == 200 else 502
    gw(t + dt.timedelta(milliseconds=dur + 1.5), "INFO" if gw_status == 200 else "ERROR", "proxied", route="checkout", path=path, upstream="checkout-api.shop.svc.cluster.local:8080",
       status=gw_status, dur="%.1fms" % (dur + 1.5), client_ip="%d.%d.%d.%d" % (R.randint(24, 220), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)))

# linkerd: failing endpoint state changes
for inst in INST:
    pod, st, dl, kill, keep = inst
    if dl:
        for ck in CK:
            l5d(ck, dl + dt.timedelta(seconds=R.uniform(25, 28)), "WARN", "outbound:proxy{addr=10.96.44.120:8080}:service{ns=shop name=inventory-service port=8080}:endpoint{addr=%s:8080}" % POD_IP[pod],
                "linkerd_proxy_balance_queue::worker", "Service failed error=endpoint %s:8080: response head timed out after 3s" % POD_IP[pod])
            l5d(ck, kill + dt.timedelta(seconds=R.uniform(0.2, 1.5)), "WARN", "outbound:proxy{addr=10.96.44.120:8080}:service{ns=shop name=inventory-service port=8080}:endpoint{addr=%s:8080}" % POD_IP[pod],
                "linkerd_reconnect", "Failed to connect error=Connection refused (os error 111)")
for ck in CK:
    tt = T0 + dt.timedelta(seconds=R.uniform(10, 60))
    while tt < T_CAP:
        l5d(ck, tt, "INFO", "outbound:proxy{addr=10.96.8.41:443}", "linkerd_tls::client", "TLS handshake failed to coupon-svc.partners.example.net:443: peer closed connection without sending TLS close_notify") if R.random() < 0.2 else None
        tt += dt.timedelta(seconds=R.uniform(200, 500))

# ---- thread dump taken by on-call at 10:34:10 on pod A (instance 2, deadlocked since 10:33:41)
TD = S(10, 34, 10, 5)
lines = ["2026-05-14 10:34:10", "Full thread dump OpenJDK 64-Bit Server VM (21.0.3+9-LTS mixed mode, sharing):", "",
         "Threads class SMR info:", "_java_thread_list=0x00007f3c2c0a4b20, length=231, elements={", "0x00007f3c7c02a3e0, 0x00007f3c7c1b8f60, 0x00007f3c7c1ba8b0, ...", "}", ""]
LEDGER, RESV = "0x00000006c2b41e28", "0x00000006c2b42f10"


def thread(name, tid, nid, state, frames, lock_lines, daemon=True, prio=5):
    out = ['"%s" #%d %sprio=%d os_prio=0 cpu=%.2fms elapsed=%.2fs tid=0x00007f3c%08x nid=%d waiting for monitor entry  [0x00007f3bd%07x]' % (
        name, tid, "daemon " if daemon else "", prio, R.uniform(200, 9000), (TD - S(10, 19, 0, 300)).total_seconds(), R.randint(0, 0xffffffff), nid, R.randint(0, 0xfffffff)) if state.startswith("BLOCKED")
        else '"%s" #%d %sprio=%d os_prio=0 cpu=%.2fms elapsed=%.2fs tid=0x00007f3c%08x nid=%d waiting on condition  [0x00007f3bd%07x]' % (
        name, tid, "daemon " if daemon else "", prio, R.uniform(10, 900), (TD - S(10, 19, 0, 300)).total_seconds(), R.randint(0, 0xffffffff), nid, R.randint(0, 0xfffffff)),
        "   java.lang.Thread.State: %s" % state]
    for i, f in enumerate(frames):
        out.append("\tat %s" % f)
        for ll in lock_lines.get(i, []):
            out.append("\t- %s" % ll)
    out.append("")
    return out


SYNC_FRAMES = ["com.acme.inventory.domain.Reservations.release(Reservations.java:141)",
               "com.acme.inventory.sync.StockSyncJob.applyDelta(StockSyncJob.java:118)",
               "com.acme.inventory.sync.StockSyncJob.run(StockSyncJob.java:74)",
               "org.springframework.scheduling.support.DelegatingErrorHandlingRunnable.run(DelegatingErrorHandlingRunnable.java:54)",
               "java.util.concurrent.Executors$RunnableAdapter.call(java.base@21.0.3/Executors.java:572)",
               "java.util.concurrent.FutureTask.runAndReset(java.base@21.0.3/FutureTask.java:358)",
               "java.util.concurrent.ThreadPoolExecutor.runWorker(java.base@21.0.3/ThreadPoolExecutor.java:1144)",
               "java.lang.Thread.runWith(java.base@21.0.3/Thread.java:1596)", "java.lang.Thread.run(java.base@21.0.3/Thread.java:1583)"]
REQ_FRAMES = ["com.acme.inventory.domain.StockLedger.adjust(StockLedger.java:88)",
              "com.acme.inventory.service.ReservationService.reserve(ReservationService.java:63)",
              "com.acme.inventory.api.ReservationController.create(ReservationController.java:41)",
              "java.lang.invoke.LambdaForm$DMH/0x00007f3c1c4a1c00.invokeVirtual(java.base@21.0.3/LambdaForm$DMH)",
              "org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)",
              "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:138)",
              "org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1744)",
              "org.apache.tomcat.util.threads.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1190)",
              "org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:63)",
              "java.lang.Thread.run(java.base@21.0.3/Thread.java:1583)"]
CHECK_FRAMES = ["com.acme.inventory.domain.StockLedger.available(StockLedger.java:52)",
                "com.acme.inventory.service.AvailabilityService.check(AvailabilityService.java:29)",
                "com.acme.inventory.api.ReservationController.check(ReservationController.java:58)"] + REQ_FRAMES[3:]
lines += thread("stock-sync-1", 61, 88, "BLOCKED (on object monitor)", SYNC_FRAMES,
                {0: ["waiting to lock <%s> (a com.acme.inventory.domain.Reservations)" % RESV], 1: ["locked <%s> (a com.acme.inventory.domain.StockLedger)" % LEDGER]})
lines += thread("http-nio-8080-exec-17", 77, 104, "BLOCKED (on object monitor)", REQ_FRAMES,
                {0: ["waiting to lock <%s> (a com.acme.inventory.domain.StockLedger)" % LEDGER], 1: ["locked <%s> (a com.acme.inventory.domain.Reservations)" % RESV]})
for n in range(1, 201):
    if n == 17:
        continue
    frames = CHECK_FRAMES if n % 3 else REQ_FRAMES
    lines += thread("http-nio-8080-exec-%d" % n, 60 + n + (20 if n > 17 else 0), 87 + n, "BLOCKED (on object monitor)", frames,
                    {0: ["waiting to lock <%s> (a com.acme.inventory.domain.StockLedger)" % LEDGER]})
lines += thread("HikariPool-1 housekeeper", 41, 66, "TIMED_WAITING (parking)", ["jdk.internal.misc.Unsafe.park(java.base@21.0.3/Native Method)",
                "java.util.concurrent.locks.LockSupport.parkNanos(java.base@21.0.3/LockSupport.java:269)",
                "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take(java.base@21.0.3/ScheduledThreadPoolExecutor.java:1170)"], {1: ["parking to wait for  <0x00000006c0f1a2b8> (a java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject)"]})
lines += ["", "Found one Java-level deadlock:", "=============================",
          '"stock-sync-1":', "  waiting to lock monitor 0x00007f3c2c0b7d40 (object %s, a com.acme.inventory.domain.Reservations)," % RESV,
          '  which is held by "http-nio-8080-exec-17"', "",
          '"http-nio-8080-exec-17":', "  waiting to lock monitor 0x00007f3c2c0b6a90 (object %s, a com.acme.inventory.domain.StockLedger)," % LEDGER,
          '  which is held by "stock-sync-1"', "", "Java stack information for the threads listed above:", "===================================================",
          '"stock-sync-1":'] + ["\tat " + SYNC_FRAMES[0], "\t- waiting to lock <%s> (a com.acme.inventory.domain.Reservations)" % RESV, "\tat " + SYNC_FRAMES[1],
                                "\t- locked <%s> (a com.acme.inventory.domain.StockLedger)" % LEDGER] + ["\tat " + f for f in SYNC_FRAMES[2:]] + [
          '"http-nio-8080-exec-17":', "\tat " + REQ_FRAMES[0], "\t- waiting to lock <%s> (a com.acme.inventory.domain.StockLedger)" % LEDGER, "\tat " + REQ_FRAMES[1],
          "\t- locked <%s> (a com.acme.inventory.domain.Reservations)" % RESV] + ["\tat " + f for f in REQ_FRAMES[2:]] + ["", "Found 1 deadlock.", ""]
emit("diagnostics/jstack-%s-20260514T103410Z.txt" % PODA, TD, "\n".join(lines))

# ---- kubectl get events -o wide (captured 10:42:05, relative ages)


def age(t):
    s = int((T_CAP - t).total_seconds())
    if s < 120:
        return "%ds" % s
    if s < 600:
        return "%dm%ds" % (s // 60, s % 60) if s % 60 else "%dm" % (s // 60)
    return "%dm" % (s // 60)


EV = []  # (last, type, reason, object, subobject, source, message, first, count)
for inst in INST:
    pod, st, dl, kill, keep = inst
    if dl:
        EV.append((kill - dt.timedelta(seconds=31), "Warning", "Unhealthy", "pod/" + pod, "spec.containers{inventory-service}", "kubelet, " + ("gke-shop-pool-2-9a1c7f3e-x8kd" if pod == PODA else "gke-shop-pool-2-9a1c7f3e-m2pq"),
                   "Liveness probe failed: Get \"http://%s:8080/actuator/health/liveness\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % POD_IP[pod], dl + dt.timedelta(seconds=38), 3))
        EV.append((kill - dt.timedelta(seconds=31), "Normal", "Killing", "pod/" + pod, "spec.containers{inventory-service}", "kubelet, ",
                   "Container inventory-service failed liveness probe, will be restarted", kill - dt.timedelta(seconds=31), 1))
        EV.append((dl + dt.timedelta(seconds=20), "Warning", "Unhealthy", "pod/" + pod, "spec.containers{inventory-service}", "kubelet, ",
                   "Readiness probe failed: Get \"http://%s:8080/actuator/health/readiness\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % POD_IP[pod], dl + dt.timedelta(seconds=12), 9))
    if st > T0:
        EV.append((st, "Normal", "Pulled", "pod/" + pod, "spec.containers{inventory-service}", "kubelet, ",
                   "Container image \"europe-west3-docker.pkg.dev/acme-shop/apps/inventory-service:2.31.4\" already present on machine", st, 1))
        EV.append((st, "Normal", "Created", "pod/" + pod, "spec.containers{inventory-service}", "kubelet, ", "Created container inventory-service", st, 1))
        EV.append((st + dt.timedelta(seconds=0.4), "Normal", "Started", "pod/" + pod, "spec.containers{inventory-service}", "kubelet, ", "Started container inventory-service", st, 1))
SD = S(10, 9, 14)
EV.append((SD, "Normal", "ScalingReplicaSet", "deployment/search-service", "", "deployment-controller", "Scaled up replica set search-service-6d4f8b7c9 to 1", SD, 1))
EV.append((SD + dt.timedelta(seconds=41), "Normal", "ScalingReplicaSet", "deployment/search-service", "", "deployment-controller", "Scaled down replica set search-service-5c7b9d8f6 to 2 from 3", SD + dt.timedelta(seconds=41), 1))
EV.append((SD + dt.timedelta(seconds=80), "Normal", "ScalingReplicaSet", "deployment/search-service", "", "deployment-controller", "Scaled down replica set search-service-5c7b9d8f6 to 0 from 1", SD + dt.timedelta(seconds=80), 1))
EV.append((S(10, 41, 30), "Warning", "Unhealthy", "pod/pricing-service-7c5d8b6f9-2wdxs", "spec.containers{pricing-service}", "kubelet, ",
           "Readiness probe failed: HTTP probe failed with statuscode: 503", S(8, 2, 11), 714))
EV.append((S(10, 40, 2), "Warning", "FailedGetResourceMetric", "horizontalpodautoscaler/pricing-service", "", "horizontal-pod-autoscaler",
           "failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API", S(9, 51, 2), 49))
EV = [e for e in EV if T_CAP - e[0] < dt.timedelta(hours=1)]
EV.sort(key=lambda e: (e[0], e[3], e[2]))
hdr = "%-10s %-8s %-26s %-46s %-37s %-38s %s   %s   %s   %s" % ("LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE", "FIRST SEEN", "COUNT", "NAME")
rows = [hdr]
for last, typ, reason, obj, sub, src, msg, first, cnt in EV:
    if src == "kubelet, ":
        src = "kubelet, " + ("gke-shop-pool-2-9a1c7f3e-x8kd" if PODA in obj else "gke-shop-pool-2-9a1c7f3e-m2pq")
    rows.append("%-10s %-8s %-26s %-46s %-37s %-38s %s   %s   %d   %s.%x" % (age(last), typ, reason, obj, sub, src, msg, age(first), cnt, obj.split("/")[1], R.randint(0x17c0000000000000, 0x17cfffffffffffff)))
emit("diagnostics/kubectl-get-events-n-shop-o-wide-sort-by-lastTimestamp_2026-05-14T10-42-05Z.txt", T_CAP, "\n".join(rows))

# ---- write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
for path in sorted(files):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    rows2 = sorted(files[path], key=lambda x: x[0])
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        for _, line in rows2:
            f.write(line + "\n")
