#!/usr/bin/env python3
"""Generator for incident case e10-temporal-poisoned-activity (standard library only, deterministic)."""
SEED = 5010
import os, json, gzip, shutil, random, math
from datetime import datetime, timezone, timedelta

# The set's shared helpers (output sink, time formats, random shapes), kept once in e_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "e_common.py")).read())

# ======================================================================== case
# e10: poisoned orders (pathological product description) make the generateCustomsDocs activity
# hang the Node.js event loop of the Temporal TypeScript worker. Heartbeat timeouts retry the same
# activity onto the next worker, liveness probes kill and restart pods, the fulfillment task queue
# stalls, and shipment-api's synchronous "create shipment" times out.

T_BEGIN = ep(2026, 1, 14, 16, 0, 0)
T_END = ep(2026, 1, 14, 16, 35, 0)
T_POISON = [ep(2026, 1, 14, 16, 7, 42, 310), ep(2026, 1, 14, 16, 9, 51, 4), ep(2026, 1, 14, 16, 9, 58, 770),
            ep(2026, 1, 14, 16, 12, 3, 145), ep(2026, 1, 14, 16, 12, 9, 902), ep(2026, 1, 14, 16, 12, 30, 66)]
T_TERMINATE = ep(2026, 1, 14, 16, 26, 10, 0)   # on-call terminates the six poisoned workflows
T_NOTIF_DEPLOY = ep(2026, 1, 14, 16, 6, 2, 0)  # red herring: notification-worker rollout
T_HISTORY_ROLL = ep(2026, 1, 14, 16, 11, 20, 0)  # red herring: temporal-history pod restart (config rollout)

PODS = {}
PODIP = {}


def mk(svc, n, rs):
    PODS[svc] = [podname(svc, rs) for _ in range(n)]
    for p in PODS[svc]:
        PODIP[p] = "10.50.%d.%d" % (R.randint(0, 15), R.randint(2, 250))


mk("krakend", 2, "6c8d7b9f5")
mk("shipment-api", 3, "7d9b6c8f4")
mk("fulfillment-worker", 3, "5f8c9d7b6")
mk("notification-worker", 2, "6b7f9c5d8")
NOTIF_NEW = [podname("notification-worker", "8d6c5f9b7") for _ in range(2)]
mk("inventory-api", 2, "7c5d8b6f9")
mk("carrier-gateway", 2, "58b9d6c7f")
TEMPORAL = {"frontend": ["temporal-frontend-7b9d6f8c5-%s" % x for x in ("q2kzm", "w7xcd")],
            "history": ["temporal-history-0", "temporal-history-1"],
            "matching": ["temporal-matching-6d8f5c9b7-l4nvt"]}
POISON_ORDERS = ["ord_%s" % hexid(10) for _ in T_POISON]


# ------------------------------------------------------------------ worker pod state simulation
class Pod:
    def __init__(self, name):
        self.name = name
        self.state = "running"
        self.until = 0.0
        self.restarts = 0
        self.blocked_on = None
        self.intervals = []      # (start, end, state, restart_no, poison_idx)
        self.cur_start = T_BEGIN - 7200
        self.cur_state = "running"


WP = [Pod(n) for n in PODS["fulfillment-worker"]]
# poisoned task state: available_at, attempt, held_by, done
PT = [{"avail": T_POISON[i] + 0.6, "attempt": 0, "held": None, "done": False} for i in range(len(T_POISON))]
STEP = 0.5
RUNNING = {}
EVENTS = []   # (t, kind, data)


def set_state(p, t, st, extra=None):
    p.intervals.append((p.cur_start, t, p.cur_state, p.restarts, p.blocked_on))
    p.cur_start = t
    p.cur_state = st


t = T_BEGIN
while t < T_END + 1:
    for i, pt_ in enumerate(PT):
        if t >= T_TERMINATE and not pt_["done"]:
            pt_["done"] = True
            EVENTS.append((T_TERMINATE + i * 0.8, "terminate", i))
    for p in WP:
        if p.state == "blocked" and t >= p.until:
            # liveness probe failed 3 times -> container killed, restarting
            EVENTS.append((p.until - 20.0, "probe", (p.name, 1)))
            EVENTS.append((p.until - 10.0, "probe", (p.name, 2)))
            EVENTS.append((p.until, "probe", (p.name, 3)))
            EVENTS.append((p.until + 0.1, "kill", p.name))
            p.state = "restarting"
            p.restarts += 1
            set_state(p, t, "restarting")
            p.until = t + 11.0 + R.random() * 3
            p.blocked_on = None
        elif p.state == "restarting" and t >= p.until:
            p.state = "running"
            set_state(p, t, "running")
            EVENTS.append((t, "start", (p.name, p.restarts)))
    for i, pt_ in enumerate(PT):
        if pt_["done"] or pt_["held"] is not None or t < pt_["avail"]:
            continue
        free = [p for p in WP if p.state == "running"]
        if not free:
            continue
        p = free[R.randrange(len(free))]
        pt_["attempt"] += 1
        pt_["held"] = p.name
        pt_["hb_deadline"] = t + 60.0
        p.state = "blocked"
        p.blocked_on = i
        set_state(p, t, "blocked")
        p.until = t + 30.0 + R.random() * 9.0     # 3 x 10 s liveness failures
        EVENTS.append((t, "pick", (p.name, i, pt_["attempt"])))
    for i, pt_ in enumerate(PT):
        if pt_["held"] is not None and not pt_["done"] and t >= pt_["hb_deadline"]:
            EVENTS.append((t, "hb_timeout", (i, pt_["attempt"], pt_["held"])))
            pt_["held"] = None
            pt_["avail"] = t + min(100.0, 2.0 ** (pt_["attempt"] - 1))
    RUNNING[int(t * 2)] = sum(1 for p in WP if p.state == "running")
    t += STEP
for p in WP:
    set_state(p, T_END + 2, "end")


def n_running(t):
    return RUNNING.get(int(t * 2), 3)


# fluid backlog on the fulfillment task queue
LAMBDA = 1.1
MU = 1.4   # shipments per second per running worker
BACK = {}
B = 0.0
s = int(T_BEGIN)
while s < int(T_END) + 2:
    n = sum(n_running(s + k * 0.5) for k in range(2)) / 2.0
    B = max(0.0, B + LAMBDA - MU * n)
    BACK[s] = (B, n)
    s += 1


def queue_wait(t):
    b, n = BACK[int(t)]
    if n <= 0.01:
        return 1e9
    return b / (MU * n)


# ------------------------------------------------------------------ formatters
def kr(pod, t, status, ms, cip, method, path):
    d = dt(t + ms / 1000.0)
    lat_s = ("%.6fms" % ms) if ms < 1000 else ("%.6fs" % (ms / 1000.0))
    emit("krakend/%s.log" % pod, t + ms / 1000.0, "[GIN] %s | %3d | %15s | %15s | %-7s \"%s\"" % (d.strftime("%Y/%m/%d - %H:%M:%S"), status, lat_s, cip, method, path))


def sj(pod, t, level, event, **kv):
    d = {"event": event}
    d.update(kv)
    d["level"] = level
    d["logger"] = "shipment_api"
    d["timestamp"] = iso_us(t)
    emit("shipment-api/%s.log" % pod, t, json.dumps(d, separators=(",", ":")))


POD_UID = {}


def wlog(pod, restart, t, level, msg, meta):
    cid = POD_UID.setdefault((pod, restart), hexid(64))
    line = "%s [%s] %s %s" % (iso_ms(t), level, msg, meta)
    d = dt(t)
    emit("containers/%s_prod_worker-%s.log" % (pod, cid), t, "%s.%06d%03dZ stdout F %s" % (d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond, R.randint(0, 999), line))


def tz(comp, pod, t, level, msg, **kv):
    d = {"level": level, "ts": iso_ms(t), "msg": msg, "service": comp}
    at = kv.pop("_at", None)
    d.update(kv)
    d["logging-call-at"] = at or R.choice(["handler.go:%d" % R.randint(300, 1900), "transfer_queue_active_task_executor.go:%d" % R.randint(100, 900),
                                                            "timer_queue_active_task_executor.go:%d" % R.randint(100, 700)])
    emit("temporal/%s.log" % pod, t, json.dumps(d, separators=(",", ":")))


def gosdk(pod, t, level, msg, **kv):
    d = dt(t)
    emit("notification-worker/%s.log" % pod, t, "%s %-5s %s %s" % (d.strftime("%Y/%m/%d %H:%M:%S"), level, msg, " ".join("%s %s" % (k, v) for k, v in kv.items())))


def lf(svc, pod, t, level, msg, **kv):
    s = "ts=%s level=%s msg=%s" % (iso_ms(t), level, json.dumps(msg))
    for k, v in kv.items():
        s += " %s=%s" % (k, v)
    emit("%s/%s.log" % (svc, pod), t, s)


def wmeta(**kv):
    parts = []
    for k, v in kv.items():
        parts.append("%s: %s" % (k, ("'%s'" % v) if isinstance(v, str) else v))
    return "{ " + ", ".join(parts) + " }"


# ------------------------------------------------------------------ worker pod lifecycle lines
def pod_at(name):
    return [p for p in WP if p.name == name][0]


def running_interval(pod, t):
    p = pod_at(pod)
    for (a, b, st, rno, bo) in p.intervals:
        if a <= t < b:
            return st, rno
    return "running", p.restarts


for (t_, kind, data) in sorted(EVENTS, key=lambda e: e[0]):
    if kind == "pick":
        pod, i, att = data
        st, rno = running_interval(pod, t_ - 0.01)
        wlog(pod, rno, t_ + 0.05, "INFO", "generating customs docs for %s (%d items, destination=%s, attempt %d)" % (POISON_ORDERS[i], [23, 41, 17, 38, 29, 52][i], ["CH", "NO", "CH", "GB", "CH", "NO"][i], att),
             wmeta(sdkComponent="activity", taskQueue="fulfillment", namespace="prod", workflowId="shipment-%s" % POISON_ORDERS[i], activityType="generateCustomsDocs", attempt=att))
    elif kind == "start":
        pod, rno = data
        wlog(pod, rno, t_ - 1.4, "INFO", "Creating worker", wmeta(sdkComponent="worker", taskQueue="fulfillment", maxConcurrentActivityTaskExecutions=8, maxCachedWorkflows=400))
        wlog(pod, rno, t_ - 0.2, "INFO", "Worker state changed", wmeta(sdkComponent="worker", taskQueue="fulfillment", state="RUNNING"))
        wlog(pod, rno, t_ - 0.1, "INFO", "health server listening on :9464 (/healthz)", wmeta(sdkComponent="app"))

# ------------------------------------------------------------------ shipment traffic
BUSY_LINES = {}


def worker_process(t, order, intl):
    """log the worker side of a normal shipment workflow on some running pod"""
    cands = [p.name for p in WP if running_interval(p.name, t)[0] == "running"]
    if not cands:
        return
    pod = R.choice(cands)
    st, rno = running_interval(pod, t)
    if intl:
        wlog(pod, rno, t + 0.3, "INFO", "generating customs docs for %s (%d items, destination=%s, attempt 1)" % (order, R.randint(1, 6), R.choice(["US", "GB", "CH", "NO", "CA"])),
             wmeta(sdkComponent="activity", taskQueue="fulfillment", namespace="prod", workflowId="shipment-%s" % order, activityType="generateCustomsDocs", attempt=1))
    tl = t + lat(1.3, 0.3)
    wlog(pod, rno, tl, "INFO", "label purchased for %s carrier=%s tracking=%s" % (order, R.choice(["dhl", "ups", "dpd"]), hexid(12).upper()),
         wmeta(sdkComponent="activity", taskQueue="fulfillment", namespace="prod", workflowId="shipment-%s" % order, activityType="buyLabel", attempt=1))
    lf("inventory-api", R.choice(PODS["inventory-api"]), t + 0.2, "info", "stock reserved", order=order, lines=R.randint(1, 6), took_ms=R.randint(4, 20))
    lf("carrier-gateway", R.choice(PODS["carrier-gateway"]), tl - 0.05, "info", "label created", order=order, carrier=R.choice(["dhl", "ups", "dpd"]), upstream_ms=R.randint(300, 1200))


def shipment_post(t, cip):
    pod = R.choice(PODS["shipment-api"])
    order = "ord_%s" % hexid(10)
    wf = "shipment-%s" % order
    intl = R.random() < 0.22
    start_ms = lat(18, 0.3)
    w = queue_wait(t + start_ms / 1000.0)
    base = lat(2.2, 0.25)
    if w + base < 20.0:
        ms = start_ms + (w + base) * 1000.0
        worker_process(t + start_ms / 1000.0 + w, order, intl)
        sj(pod, t + ms / 1000.0, "info", "shipment created", order_id=order, workflow_id=wf, duration_ms=int(ms), international=intl)
        return 201, ms
    ms = start_ms + 20000.0
    sj(pod, t + ms / 1000.0, "error", "workflow result timeout", order_id=order, workflow_id=wf, task_queue="fulfillment",
       error="temporalio.service.RPCError: Timeout expired", waited_s=20, temporal="temporal-frontend.temporal.svc.cluster.local:7233")
    # the workflow will still run later when the queue drains
    BUSY_LINES.setdefault("late", []).append((t, order, intl))
    return 504, ms


def shipment_get(t, cip):
    pod = R.choice(PODS["shipment-api"])
    order = "ord_%s" % hexid(10)
    n = n_running(t)
    fail = (n == 0) or (queue_wait(t) > 30 and R.random() < 0.5)
    if fail:
        ms = 10000.0 + lat(3, 0.3)
        sj(pod, t + ms / 1000.0, "error", "workflow query failed", order_id=order, workflow_id="shipment-%s" % order, query="status",
           error="temporalio.service.RPCError: context deadline exceeded", temporal="temporal-frontend.temporal.svc.cluster.local:7233")
        fe = R.choice(TEMPORAL["frontend"])
        tz("frontend", fe, t + ms / 1000.0 - 0.01, "warn", "query workflow failed", **{"wf-namespace": "prod", "wf-id": "shipment-%s" % order, "error": "context deadline exceeded",
                                                                                      "wf-task-queue-name": "fulfillment", "_at": "workflow_handler.go:3391"})
        return 503, ms
    ms = lat(35, 0.4)
    return 200, ms


def rate(t):
    return 3.0 + 0.4 * math.sin((t - T_BEGIN) / 300.0)


for t in arrivals(T_BEGIN, T_END, rate):
    cip = client_ip()
    if R.random() < LAMBDA / 3.0:
        st, ms = shipment_post(t + 0.001, cip)
        kr(R.choice(PODS["krakend"]), t, st, ms + 0.9, cip, "POST", "/v1/shipments")
    else:
        st, ms = shipment_get(t + 0.001, cip)
        kr(R.choice(PODS["krakend"]), t, st, ms + 0.9, cip, "GET", "/v1/shipments/ord_%s" % hexid(10))
# workflows that timed out for the caller complete later, once a worker is free
for (t0, order, intl) in BUSY_LINES.get("late", []):
    tt = t0
    while tt < T_END and n_running(tt) == 0:
        tt += 5
    tt += queue_wait(min(tt, T_END - 1)) if queue_wait(min(tt, T_END - 1)) < 1e8 else 0
    if tt < T_END:
        worker_process(tt, order, intl)

# ------------------------------------------------------------------ temporal server
HIST = TEMPORAL["history"]
for (t_, kind, data) in sorted(EVENTS, key=lambda e: e[0]):
    if kind == "hb_timeout":
        i, att, pod = data
        tz("history", HIST[i % 2], t_, "info", "Activity task timed out", **{"shard-id": R.randint(1, 512), "wf-namespace": "prod", "wf-id": "shipment-%s" % POISON_ORDERS[i],
                                                                          "wf-run-id": uuidish(), "wf-activity-type": "generateCustomsDocs", "timeout-type": "Heartbeat", "attempt": att,
                                                                          "_at": "timer_queue_active_task_executor.go:312"})
    elif kind == "kill":
        # sticky workflow tasks that were on the killed worker time out and go back to the normal queue
        for k in range(R.randint(2, 5)):
            tz("history", R.choice(HIST), t_ + 5.0 + R.random() * 4, "info", "Workflow task timed out", **{"shard-id": R.randint(1, 512), "wf-namespace": "prod",
                                                                                                           "wf-id": "shipment-ord_%s" % hexid(10), "timeout-type": "ScheduleToStart",
                                                                                                           "wf-task-queue-name": "%s:%s" % (data, uuidish()), "_at": "timer_queue_active_task_executor.go:402"})
    elif kind == "terminate":
        i = data
        tz("frontend", TEMPORAL["frontend"][0], t_, "info", "TerminateWorkflowExecution", **{"wf-namespace": "prod", "wf-id": "shipment-%s" % POISON_ORDERS[i],
                                                                                            "reason": "INC-4471 poison order: customs description hangs generateCustomsDocs", "identity": "temporal-cli@oncall-akhan",
                                                                                            "_at": "workflow_handler.go:2511"})
# matching: backlog warnings while the queue is not drained
s = int(T_BEGIN)
while s < int(T_END):
    b, n = BACK[s]
    if b > 40 and s % 30 == 0:
        tz("matching", TEMPORAL["matching"][0], s + 0.2, "warn", "task queue backlog is growing", **{"wf-namespace": "prod", "wf-task-queue-name": "fulfillment",
                                                                                                    "wf-task-queue-type": "Workflow", "backlog-count": int(b * 4), "pollers": int(n), "_at": "task_queue_manager.go:1021"})
    s += 1
# red herring: a history pod restart for a dynamic-config rollout, with shard movement
hp = HIST[1]
tz("history", hp, T_HISTORY_ROLL, "info", "Received signal, shutting down", **{"signal": "terminated", "_at": "server_impl.go:129"})
for k in range(6):
    tz("history", HIST[0], T_HISTORY_ROLL + 2 + k * 0.2, "info", "Membership changed", **{"service": "history", "shard-count": 512, "acquired-shards": 256 + k, "_at": "controller_impl.go:387"})
tz("history", hp, T_HISTORY_ROLL + 31.0, "info", "history starting", **{"version": "1.25.2", "_at": "server_impl.go:88"})
for k in range(40):
    tz("history", R.choice(HIST), T_HISTORY_ROLL + 33 + k * 0.4, "warn", "Shard ownership lost", **{"shard-id": R.randint(1, 512), "_at": "context_impl.go:%d" % R.randint(1000, 2000)})
# pre-existing: rate limited namespace
t = T_BEGIN + 20
while t < T_END:
    tz("frontend", R.choice(TEMPORAL["frontend"]), t, "warn", "namespace rate limit exceeded", **{"wf-namespace": "analytics", "wf-task-queue-name": "batch-export", "_at": "rate_limit_interceptor.go:71"})
    t += lat(45, 0.5)
# healthy background noise from the server
for comp, pods in TEMPORAL.items():
    for pod in pods:
        t = T_BEGIN + R.random() * 60
        while t < T_END:
            tz(comp, pod, t, "info", "history client stats" if comp == "history" else "poll stats",
               **{"_at": "metrics.go:%d" % R.randint(40, 90), "component": comp})
            t += 120

# ------------------------------------------------------------------ notification-worker (Go SDK) incl. red-herring rollout
def notif_pods(t):
    return PODS["notification-worker"] if t < T_NOTIF_DEPLOY + 20 else NOTIF_NEW


t = T_BEGIN + 1
while t < T_END:
    pod = R.choice(notif_pods(t))
    gosdk(pod, t, "INFO", "Activity completed", Namespace="prod", TaskQueue="notifications", ActivityType="sendEmail", Attempt=1, DurationMs=R.randint(80, 600))
    t += lat(1.8, 0.5)
for k, pod in enumerate(NOTIF_NEW):
    tt = T_NOTIF_DEPLOY + k * 11
    gosdk(pod, tt, "INFO", "Started Worker", Namespace="prod", TaskQueue="notifications", WorkerID="1@%s@" % pod)
    gosdk(pod, tt + 2, "WARN", "Failed to poll for task.", Namespace="prod", TaskQueue="notifications", WorkerID="1@%s@" % pod, Error="context canceled")
for k, pod in enumerate(PODS["notification-worker"]):
    gosdk(pod, T_NOTIF_DEPLOY + 20 + k * 11, "INFO", "Stopped Worker", Namespace="prod", TaskQueue="notifications", WorkerID="1@%s@" % pod)
# inventory/carrier health lines
for svc in ("inventory-api", "carrier-gateway"):
    for pod in PODS[svc]:
        t = T_BEGIN + R.random() * 30
        while t < T_END:
            lf(svc, pod, t, "info", "GET /healthz", status=200, took_ms=1)
            t += 30
# krakend health probes
for pod in PODS["krakend"]:
    t = T_BEGIN + R.random() * 10
    while t < T_END:
        kr(pod, t, 200, lat(0.05, 0.3), "10.50.0.1", "GET", "/__health")
        t += 10

n = write_all()
print("e10 lines:", n)
