#!/usr/bin/env python3
"""l08: Prometheus unavailable (evicted by a cluster-autoscaler scale-down, then a ~15 min WAL
replay) -> KEDA's prometheus scaler errors -> after cooldownPeriod KEDA deactivates the
report-worker ScaledObject and scales the Celery workers to zero -> report jobs pile up in Redis,
report-api times out waiting for results (504 through envoy-gateway).

prometheus itself logs only INFO lines (graceful shutdown, WAL replay). keda-operator, report-api
and grafana produce the error floods. cluster-autoscaler (klog) drains the node. billing-api is a
noisy, unrelated service.
"""
import os
import sys
from l_common import *

rng = Rng(8808)
OUT = Out(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))

T0 = T("2026-03-19T01:35:00Z")
T1 = T("2026-03-19T02:30:00Z")
CA_DECIDE = T("2026-03-19T01:40:10.412Z")
SIGTERM = T("2026-03-19T01:40:41.208Z")
PROM_START = T("2026-03-19T01:42:19.550Z")
WAL_SEGS = (3312, 3561)
SEG_TIME = 3.52
PROM_READY = PROM_START + 6.2 + (WAL_SEGS[1] - WAL_SEGS[0] + 1) * SEG_TIME + 1.4
SCALE_ZERO = T("2026-03-19T01:45:51.6Z")
KEDA_POLL = 30.0
PROM_SVC = "10.100.12.7"

rw_pods = rng.pods("report-worker", 6)
rw_rs = rw_pods[0].split("-")[2]
rw_new = ["report-worker-%s-%s" % (rw_rs, rng.k8s(5)) for _ in range(10)]
ra_pods = rng.pods("report-api", 3)
eg_pods = rng.pods("envoy-gateway", 2)
keda_pod = rng.pods("keda-operator", 1)[0]
graf_pod = rng.pods("grafana", 1)[0]
ca_pod = rng.pods("cluster-autoscaler", 1)[0]
bill_pods = rng.pods("billing-api", 2)
dash_pods = rng.pods("dashboard-api", 2)
ip = {}
for p in rw_pods + rw_new + ra_pods + eg_pods + [keda_pod, graf_pod, ca_pod] + bill_pods + dash_pods + ["prometheus-0"]:
    ip[p] = "10.0.%d.%d" % (rng.randint(2, 9), rng.randint(2, 250))


def prom_up(t):
    return t < SIGTERM or t >= PROM_READY


# worker capacity over time
FIRST_POLL_OK = PROM_READY + 13.1
new_start = [FIRST_POLL_OK + 38 + (0 if i == 0 else 60 + i * 6) for i in range(10)]


def workers(t):
    if t < SCALE_ZERO:
        return 6
    return sum(1 for s in new_start if t >= s)


# ---------------------------------------------------------------- queue model (jobs FIFO, 4 concurrent per worker)
queue = []   # job submit times waiting
results = {}


def simulate_queue(submits):
    """submits: sorted list of (t, job_id, dur). Returns dict job_id -> (start, end, worker)"""
    free = []  # (time free, worker idx, slot)
    out = {}
    pending = []
    cap_events = []
    i = 0
    # discrete time stepping every 0.5 s
    t = T0
    slots = {}
    busy = {}
    while t < T1 + 600:
        w = workers(t)
        # slots available
        active = [k for k, v in busy.items() if v > t]
        for k in list(busy):
            if busy[k] <= t:
                del busy[k]
        while i < len(submits) and submits[i][0] <= t:
            pending.append(submits[i])
            i += 1
        cap = w * 4
        while pending and len(busy) < cap:
            st, jid, dur = pending.pop(0)
            slot = "%d" % (len(out))
            widx = rng.randrange(max(1, w))
            busy[slot] = t + dur
            out[jid] = (max(t, st), max(t, st) + dur, widx, len(pending))
        t += 0.5
    return out


# ---------------------------------------------------------------- prometheus (logfmt)
PF = "logs/monitoring/prometheus-0.log"


def pl(t, level, caller, msg, **kv):
    pairs = [("ts", iso(t)), ("caller", caller), ("level", level), ("msg", msg)]
    pairs += list(kv.items())
    OUT.add(PF, t, logfmt(pairs))


def prometheus():
    # steady state: compaction / head gc / checkpoints
    t = T0 + 212.4
    while t < SIGTERM:
        pl(t, "info", "compact.go:576", "write block", component="tsdb", mint=epoch_ms(t) - 7200000 - 3600000, maxt=epoch_ms(t) - 3600000,
           ulid="01J%s" % rng.alnum(23, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"), duration="%.3fs" % rng.uniform(8, 14))
        pl(t + 0.9, "info", "head.go:1394", "Head GC completed", component="tsdb", duration="%.3fms" % rng.uniform(300, 700))
        t += 600
    for t in arrivals(rng, T0, SIGTERM, 1 / 45.0):
        pl(t, "warn", "scrape.go:1810", "Error on ingesting samples with different value but same timestamp", component="scrape manager",
           scrape_pool="serviceMonitor/billing/billing-api/0", target="http://%s:8080/actuator/prometheus" % ip[rng.choice(bill_pods)], num_dropped=rng.randint(1, 4))
    # shutdown
    pl(SIGTERM, "warn", "main.go:964", "Received SIGTERM, exiting gracefully...")
    pl(SIGTERM + 0.001, "info", "main.go:988", "Stopping scrape discovery manager...")
    pl(SIGTERM + 0.002, "info", "main.go:1002", "Stopping notify discovery manager...")
    pl(SIGTERM + 0.002, "info", "manager.go:177", "Stopping rule manager...", component="rule manager")
    pl(SIGTERM + 0.011, "info", "manager.go:187", "Rule manager stopped", component="rule manager")
    pl(SIGTERM + 0.012, "info", "main.go:1039", "Stopping scrape manager...")
    pl(SIGTERM + 0.4, "info", "main.go:998", "Notify discovery manager stopped")
    pl(SIGTERM + 0.41, "info", "main.go:984", "Scrape discovery manager stopped")
    pl(SIGTERM + 1.9, "info", "main.go:1031", "Scrape manager stopped")
    pl(SIGTERM + 2.4, "info", "notifier.go:618", "Stopping notification manager...", component="notifier")
    pl(SIGTERM + 2.41, "info", "main.go:1261", "Notifier manager stopped")
    pl(SIGTERM + 3.1, "info", "main.go:1273", "See you next time!")
    # start
    s = PROM_START
    pl(s, "info", "main.go:604", "No time or size retention was set so using the default time retention", duration="15d")
    pl(s + 0.001, "info", "main.go:648", "Starting Prometheus Server", mode="server", version="(version=2.53.1, branch=HEAD, revision=14cfec3f6048b735e08c1e9c64c8d4211d32bab4)")
    pl(s + 0.001, "info", "main.go:653", "operational information", build_context="(go=go1.22.5, platform=linux/amd64, user=root@9f8f0aa7d4a5, date=20240710-10:16:27, tags=netgo,builtinassets,stringlabels)",
       host_details="(Linux 6.1.90-99.173.amzn2023.x86_64 #1 SMP PREEMPT_DYNAMIC Tue May 28 21:00:46 UTC 2024 x86_64 prometheus-0 (none))", fd_limits="(soft=1048576, hard=1048576)", vm_limits="(soft=unlimited, hard=unlimited)")
    pl(s + 0.01, "info", "web.go:571", "Start listening for connections", component="web", address="0.0.0.0:9090")
    pl(s + 0.02, "info", "main.go:1160", "Starting TSDB ...")
    pl(s + 0.021, "info", "tls_config.go:313", "Listening on", component="web", address="[::]:9090")
    pl(s + 0.021, "info", "tls_config.go:316", "TLS is disabled.", component="web", http2="false", address="[::]:9090")
    pl(s + 0.4, "info", "repair.go:56", "Found healthy block", component="tsdb", mint=epoch_ms(s) - 86400000 * 2, maxt=epoch_ms(s) - 86400000, ulid="01J%s" % rng.alnum(23, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"))
    pl(s + 1.0, "info", "head.go:626", "Replaying on-disk memory mappable chunks if any", component="tsdb")
    pl(s + 5.8, "info", "head.go:713", "On-disk memory mappable chunks replay completed", component="tsdb", duration="4.812s")
    pl(s + 5.81, "info", "head.go:721", "Replaying WAL, this may take a while", component="tsdb")
    pl(s + 6.1, "info", "head.go:758", "WAL checkpoint loaded", component="tsdb")
    t = s + 6.2
    for seg in range(WAL_SEGS[0], WAL_SEGS[1] + 1):
        t += SEG_TIME * rng.uniform(0.85, 1.15)
        pl(t, "info", "head.go:793", "WAL segment loaded", component="tsdb", segment=seg, maxSegment=WAL_SEGS[1])
    pl(PROM_READY - 1.3, "info", "head.go:830", "WAL replay completed", component="tsdb", checkpoint_replay_duration="301.2ms", wal_replay_duration="%.3fs" % (PROM_READY - 1.3 - s - 6.2), wbl_replay_duration="192ns", chunk_snapshot_load_duration="0s", mmap_chunk_replay_duration="4.812s", total_replay_duration="%.3fs" % (PROM_READY - 1.3 - s))
    pl(PROM_READY - 0.9, "info", "main.go:1181", "filesystem information", fs_type="EXT4_SUPER_MAGIC")
    pl(PROM_READY - 0.9, "info", "main.go:1184", "TSDB started")
    pl(PROM_READY - 0.8, "info", "main.go:1367", "Loading configuration file", filename="/etc/prometheus/prometheus.yml")
    pl(PROM_READY - 0.2, "info", "main.go:1404", "updated GOGC", old=100, new=75)
    pl(PROM_READY - 0.1, "info", "main.go:1415", "Completed loading of configuration file", filename="/etc/prometheus/prometheus.yml", totalDuration="712.4ms")
    pl(PROM_READY, "info", "main.go:1145", "Server is ready to receive web requests.")
    pl(PROM_READY + 0.01, "info", "manager.go:164", "Starting rule manager...", component="rule manager")
    for t in arrivals(rng, PROM_READY + 20, T1, 1 / 45.0):
        pl(t, "warn", "scrape.go:1810", "Error on ingesting samples with different value but same timestamp", component="scrape manager",
           scrape_pool="serviceMonitor/billing/billing-api/0", target="http://%s:8080/actuator/prometheus" % ip[rng.choice(bill_pods)], num_dropped=rng.randint(1, 4))
    pl(PROM_READY + 64, "info", "compact.go:576", "write block", component="tsdb", mint=epoch_ms(PROM_READY) - 10800000, maxt=epoch_ms(PROM_READY) - 3600000,
       ulid="01J%s" % rng.alnum(23, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"), duration="21.404s")


# ---------------------------------------------------------------- keda-operator (zap console)
KF = "logs/keda/%s.log" % keda_pod


def kz(t, level, logger, msg, fields=None):
    line = "%s\t%s\t%s\t%s" % (iso(t), level, logger, msg)
    if fields:
        line += "\t" + json.dumps(fields, separators=(", ", ": "))
    OUT.add(KF, t, line)


def keda():
    err = "prometheus query api returned error. status: 503 response: "
    t = T0 + 7.3
    base = {"scaledobject.Name": "report-worker", "scaledObject.Namespace": "reports", "scaleTarget.Name": "report-worker"}
    queue_len = 40
    while t < T1:
        if prom_up(t):
            if t < SIGTERM:
                queue_len = rng.randint(10, 80)
            kz(t, "DEBUG", "prometheus_scaler", "prometheus query result", {"type": "ScaledObject", "namespace": "reports", "name": "report-worker",
                                                                           "query": "sum(celery_queue_length{queue=\"reports\"})", "value": queue_len if t < SIGTERM else max(rng.randint(0, 30), int(410 - (t - FIRST_POLL_OK) * 3.5))}) if rng.random() < 0.5 else None
        else:
            e = 'Post "http://prometheus.monitoring.svc.cluster.local:9090/api/v1/query?query=sum%%28celery_queue_length%%7Bqueue%%3D%%22reports%%22%%7D%%29&time=%s": dial tcp %s:9090: connect: connection refused' % (
                iso_s(t).replace(":", "%3A"), PROM_SVC)
            kz(t, "ERROR", "prometheus_scaler", "error executing prometheus query", {"type": "ScaledObject", "namespace": "reports", "name": "report-worker", "error": e})
            kz(t + 0.0002, "ERROR", "scale_handler", "error getting scale decision", dict(base, **{"scaler": "prometheusScaler", "error": e}))
            kz(t + 0.0003, "INFO", "scaleexecutor", "ScaleTarget not active, scaling to zero after cooldown", dict(base, **{"cooldownPeriod": 300})) if t < SCALE_ZERO and rng.random() < 0.1 else None
        t += KEDA_POLL
    kz(SCALE_ZERO, "INFO", "scaleexecutor", "Successfully set ScaleTarget replicas count to ScaledObject minReplicaCount", dict(base, **{"Original Replicas Count": 6, "New Replicas Count": 0}))
    kz(FIRST_POLL_OK, "INFO", "scaleexecutor", "Successfully updated ScaleTarget", dict(base, **{"Original Replicas Count": 0, "New Replicas Count": 1}))
    # metrics adapter errors for the HPA (external metrics API), more frequent
    t = SIGTERM + 4
    while t < PROM_READY:
        kz(t, "ERROR", "grpc_server", "error when getting metric values", {"scaledObject.Namespace": "reports", "scaledObject.Name": "report-worker", "metricName": "s0-prometheus",
                                                                           "error": "error requesting metrics endpoint: Post \"http://prometheus.monitoring.svc.cluster.local:9090/api/v1/query\": dial tcp %s:9090: connect: connection refused" % PROM_SVC})
        t += 15
    # other scaled objects on other triggers stay fine
    for t in arrivals(rng, T0, T1, 1 / 30.0):
        kz(t, "INFO", "controller.scaledobject", "Reconciling ScaledObject", {"ScaledObject": {"name": rng.choice(["email-sender", "thumbnailer"]), "namespace": "media"}, "namespace": "media", "reconcileID": rng.uuid()})


# ---------------------------------------------------------------- cluster-autoscaler (klog)
CF = "logs/kube-system/%s.log" % ca_pod


def kl(t, lvl, src, msg):
    OUT.add(CF, t, "%s       1 %s] %s" % (klog_ts(t, lvl), src, msg))


def cluster_autoscaler():
    nodes = ["ip-10-0-%d-%d.ec2.internal" % (rng.randint(2, 9), rng.randint(2, 250)) for _ in range(7)]
    target = "ip-10-0-7-33.ec2.internal"
    t = T0 + 3.2
    while t < T1:
        kl(t, "I", "static_autoscaler.go:290", "Starting main loop")
        kl(t + 0.05, "I", "filter_out_schedulable.go:66", "Filtering out schedulables")
        kl(t + 0.06, "I", "filter_out_schedulable.go:123", "0 pods marked as unschedulable can be scheduled.")
        kl(t + 0.06, "I", "static_autoscaler.go:547", "No unschedulable pods")
        for n in nodes[:3]:
            kl(t + 0.07, "I", "eligibility.go:162", "Node %s is not suitable for removal - cpu utilization too big (%.6f)" % (n, rng.uniform(0.55, 0.9)))
        if t < CA_DECIDE:
            unneeded = max(0, t - (CA_DECIDE - 600))
            if unneeded > 0:
                kl(t + 0.08, "I", "static_autoscaler.go:612", "%s is unneeded since %s duration %s" % (target, iso_s(CA_DECIDE - 600).replace("T", " ").replace("Z", " +0000 UTC"), "%dm%.6fs" % (unneeded // 60, unneeded % 60)))
        t += 10
    kl(CA_DECIDE, "I", "legacy.go:296", "Scale-down: removing node %s, utilization: {0.31 0.27 0 cpu 0.31}, pods to reschedule: monitoring/prometheus-0,kube-system/ebs-csi-node-%s,monitoring/node-exporter-%s" % (target, rng.k8s(5), rng.k8s(5)))
    kl(CA_DECIDE + 0.02, "I", "delete.go:103", "Successfully added ToBeDeletedTaint on node %s" % target)
    kl(CA_DECIDE + 0.03, "I", "event_sink_logging_wrapper.go:48", "Event(v1.ObjectReference{Kind:\"ConfigMap\", Namespace:\"kube-system\", Name:\"cluster-autoscaler-status\", UID:\"%s\", APIVersion:\"v1\", ResourceVersion:\"%d\", FieldPath:\"\"}): type: 'Normal' reason: 'ScaleDown' Scale-down: removing node %s, utilization: {0.31 0.27 0 cpu 0.31}, pods to reschedule: monitoring/prometheus-0" % (rng.uuid(), rng.randint(10 ** 8, 10 ** 9), target))
    kl(SIGTERM - 0.4, "I", "drain.go:151", "Pod monitoring/prometheus-0 evicted")
    kl(SIGTERM + 62, "I", "actuator.go:247", "Scale-down: node %s removed with drain" % target)
    kl(SIGTERM + 70, "I", "aws_manager.go:163", "DeleteInstances was called: scheduling an ASG list refresh for next main loop evaluation")
    kl(SIGTERM + 71, "I", "auto_scaling_groups.go:330", "Terminating EC2 instance: i-0%s" % rng.hex(16))


# ---------------------------------------------------------------- report-worker (celery)
def celery(pod, t, text):
    OUT.add("logs/reports/%s.log" % pod, t, text)


def worker_lifecycle():
    for p in rw_pods:
        s = SCALE_ZERO + rng.uniform(0.5, 2.0)
        celery(p, s, "[%s: WARNING/MainProcess] worker: Warm shutdown (MainProcess)" % comma_ts(s))
    for i, p in enumerate(rw_new):
        s = new_start[i]
        celery(p, s - 1.8, "[%s: INFO/MainProcess] Connected to redis://reports-redis.reports.svc.cluster.local:6379/0" % comma_ts(s - 1.8))
        celery(p, s - 1.7, "[%s: INFO/MainProcess] mingle: searching for neighbors" % comma_ts(s - 1.7))
        celery(p, s - 0.7, "[%s: INFO/MainProcess] mingle: %s" % (comma_ts(s - 0.7), "all alone" if i == 0 else "sync with %d nodes" % min(i, 4)))
        celery(p, s - 0.1, "[%s: INFO/MainProcess] celery@%s ready." % (comma_ts(s - 0.1), p))
        celery(p, s - 1.9, "[%s: WARNING/MainProcess] /usr/local/lib/python3.11/site-packages/celery/worker/consumer/consumer.py:508: CPendingDeprecationWarning: The broker_connection_retry configuration setting will no longer determine\nwhether broker connection retries are made during startup in Celery 6.0 and above.\nIf you wish to retain the existing behavior for retrying connections on startup,\nyou should set broker_connection_retry_on_startup to True.\n  warnings.warn(" % comma_ts(s - 1.9))


# ---------------------------------------------------------------- report-api + envoy gateway
def ra(pod, t, level, event, **kv):
    d = {"event": event}
    d.update(kv)
    d["level"] = level
    d["logger"] = "report_api"
    d["timestamp"] = iso(t, 6)
    OUT.add("logs/reports/%s.log" % pod, t, jdump_sp(d))


def eg(t, d, method, path, code, up, ua, bytes_):
    rec = {"start_time": iso(t), "method": method, "x-envoy-origin-path": path, "protocol": "HTTP/2", "response_code": code, "response_flags": "-",
           "response_code_details": "via_upstream", "connection_termination_details": None, "upstream_transport_failure_reason": None,
           "bytes_received": 0 if method == "GET" else rng.randint(80, 600), "bytes_sent": bytes_, "duration": int(d * 1000),
           "x-envoy-upstream-service-time": str(max(0, int(d * 1000) - 1)), "x-forwarded-for": client_ip(rng), "user-agent": ua,
           "x-request-id": rng.uuid(), ":authority": "app.example-analytics.com", "upstream_host": up,
           "upstream_cluster": "httproute/reports/report-api/rule/0" if "report" in path else "httproute/dash/dashboard-api/rule/0",
           "upstream_local_address": "10.0.%d.%d:%d" % (rng.randint(2, 9), rng.randint(2, 250), rng.randint(32768, 60999)),
           "downstream_local_address": "10.0.1.5:10443", "downstream_remote_address": "%s:%d" % (client_ip(rng), rng.randint(1024, 65535)),
           "requested_server_name": "app.example-analytics.com",
           "route_name": "httproute/reports/report-api/rule/0/match/0/app_example-analytics_com" if "report" in path else "httproute/dash/dashboard-api/rule/0/match/0/app_example-analytics_com"}
    OUT.add("logs/envoy-gateway/%s.log" % rng.choice(eg_pods), t + d, jdump(rec))


CELERY_TB = """Traceback (most recent call last):
  File "/app/report_api/routes/export.py", line 64, in export_pdf
    result = async_result.get(timeout=25, propagate=True)
  File "/usr/local/lib/python3.11/site-packages/celery/result.py", line 251, in get
    return self.backend.wait_for_pending(
  File "/usr/local/lib/python3.11/site-packages/celery/backends/asynchronous.py", line 221, in wait_for_pending
    for _ in self._wait_for_pending(result, **kwargs):
  File "/usr/local/lib/python3.11/site-packages/celery/backends/asynchronous.py", line 293, in _wait_for_pending
    raise TimeoutError('The operation timed out.')
celery.exceptions.TimeoutError: The operation timed out."""


def traffic():
    submits = []
    reqs = []
    for t in arrivals(rng, T0, T1, 1.1):
        kind = rng.wchoice([("export", 40), ("create", 10), ("status", 20), ("dash", 30)])
        reqs.append((t, kind))
        if kind in ("export", "create"):
            jid = rng.uuid()
            submits.append((t + 0.01, jid, rng.lat(6.0, 0.45)))
            reqs[-1] = (t, kind, jid)
    sim = simulate_queue(sorted(submits))
    for r in reqs:
        t, kind = r[0], r[1]
        ua = rng.choice(UA_BROWSER)
        if kind == "dash":
            pod = rng.choice(dash_pods)
            d = rng.lat(0.03, 0.5)
            path = rng.choice(["/api/dashboards/%d" % rng.randint(1, 400), "/api/widgets?dashboard=%d" % rng.randint(1, 400)])
            OUT.add("logs/dash/%s.log" % pod, t + d, logfmt([("time", iso(t + d)), ("level", "info"), ("msg", "http"), ("method", "GET"), ("path", path), ("status", 200), ("dur_ms", round(d * 1000, 1))]))
            eg(t, d + 0.001, "GET", path, 200, "%s:8080" % ip[pod], ua, rng.randint(2000, 30000))
            continue
        if kind == "status":
            pod = rng.choice(ra_pods)
            d = rng.lat(0.006, 0.4)
            rid = rng.uuid()
            ra(pod, t + d, "info", "report status", report_id=rid, state=rng.choice(["SUCCESS", "SUCCESS", "PENDING"]) if workers(t) > 0 else "PENDING")
            eg(t, d + 0.001, "GET", "/api/reports/%s" % rid, 200, "%s:8000" % ip[pod], ua, rng.randint(200, 600))
            continue
        jid = r[2]
        pod = rng.choice(ra_pods)
        ra(pod, t + 0.01, "info", "report job enqueued", task="reports.generate_pdf", task_id=jid, queue="reports", kind="export" if kind == "export" else "scheduled")
        start, end, widx, backlog = sim[jid]
        # worker side logs
        cand = rw_pods if start < SCALE_ZERO else [p for i, p in enumerate(rw_new) if new_start[i] <= start] or rw_new[:1]
        wp = cand[widx % len(cand)]
        celery(wp, start, "[%s: INFO/MainProcess] Task reports.generate_pdf[%s] received" % (comma_ts(start), jid))
        celery(wp, end, "[%s: INFO/ForkPoolWorker-%d] Task reports.generate_pdf[%s] succeeded in %.3fs: {'report_id': '%s', 'pages': %d, 'bytes': %d}" % (
            comma_ts(end), rng.randint(1, 4), jid, end - start, jid[:8], rng.randint(1, 40), rng.randint(40000, 4000000)))
        if kind == "create":
            d = rng.lat(0.02, 0.3)
            eg(t, d, "POST", "/api/reports", 202, "%s:8000" % ip[pod], ua, 96)
            continue
        path = "/api/reports/%s/export.pdf" % jid[:8]
        if end - t <= 25.0:
            d = end - t + rng.lat(0.05, 0.3)
            ra(pod, t + d, "info", "report delivered", task_id=jid, wait_s=round(end - t, 3))
            eg(t, d + 0.002, "GET", path, 200, "%s:8000" % ip[pod], ua, rng.randint(40000, 4000000))
        else:
            d = 25.0 + rng.uniform(0.001, 0.02)
            ra(pod, t + d, "error", "timed out waiting for report result", task_id=jid, timeout_s=25, queue="reports", exc_info=CELERY_TB)
            eg(t, d + 0.002, "GET", path, 504, "%s:8000" % ip[pod], ua, 64)
    # queue depth gauge logged by report-api
    for pod in ra_pods:
        t = T0 + rng.uniform(0, 60)
        while t < T1:
            depth = sum(1 for s in submits if s[0] <= t and sim[s[1]][0] > t)
            lvl = "warning" if depth > 200 else "info"
            ra(pod, t, lvl, "queue depth", queue="reports", depth=depth, workers_seen=workers(t) if workers(t) else 0)
            t += 60


# ---------------------------------------------------------------- grafana (logfmt)
def grafana():
    f = "logs/monitoring/%s.log" % graf_pod

    def G(t, pairs):
        OUT.add(f, t, logfmt(pairs))

    for t in arrivals(rng, T0, T1, 0.4):
        if not prom_up(t):
            if rng.random() < 0.6:
                G(t, [("logger", "tsdb.prometheus"), ("endpoint", "queryData"), ("pluginId", "prometheus"), ("dsName", "Prometheus"), ("dsUID", "PBFA97CFB590B2093"),
                      ("uname", "grafana_scheduler"), ("fromAlert", "true"), ("t", iso(t, 9, "") + "Z"), ("level", "error"), ("msg", "Failed to query"),
                      ("error", 'Post "http://prometheus.monitoring.svc.cluster.local:9090/api/v1/query_range": dial tcp %s:9090: connect: connection refused' % PROM_SVC)])
            else:
                G(t, [("logger", "ngalert.scheduler"), ("rule_uid", rng.alnum(14)), ("org_id", 1), ("version", rng.randint(3, 40)), ("attempt", rng.randint(0, 2)),
                      ("now", iso_s(t)), ("t", iso(t, 9, "") + "Z"), ("level", "error"), ("msg", "Failed to evaluate rule"),
                      ("error", "failed to execute query A: Post \"http://prometheus.monitoring.svc.cluster.local:9090/api/v1/query_range\": dial tcp %s:9090: connect: connection refused" % PROM_SVC)])
        else:
            G(t, [("logger", "context"), ("userId", rng.randint(1, 40)), ("orgId", 1), ("uname", rng.choice(["sre-bot", "j.doe", "m.ito"])), ("t", iso(t, 9, "") + "Z"),
                  ("level", "info"), ("msg", "Request Completed"), ("method", "POST"), ("path", "/api/ds/query"), ("status", 200), ("remote_addr", "10.0.1.5"),
                  ("time_ms", rng.randint(5, 300)), ("duration", "%.1fms" % rng.uniform(5, 300)), ("size", rng.randint(2000, 90000)), ("referer", "https://grafana.example-analytics.com/d/reports"), ("handler", "/api/ds/query")])
    for t in arrivals(rng, T0, T1, 1 / 60.0):
        G(t, [("logger", "plugins.update.checker"), ("t", iso(t, 9, "") + "Z"), ("level", "warn"), ("msg", "Failed to check for plugin updates"), ("error", "Get \"https://grafana.com/api/plugins/versioncheck\": dial tcp: lookup grafana.com: i/o timeout")])


def billing():
    for p in bill_pods:
        for t in arrivals(rng, T0, T1, 0.3):
            if rng.random() < 0.65:
                OUT.add("logs/billing/%s.log" % p, t, "%s ERROR 1 --- [billing-api] [   scheduling-1] c.e.billing.invoices.TaxSync            : Tax rate sync failed for region=%s: 401 Unauthorized from https://api.taxprovider.example/v2/rates" % (iso(t), rng.choice(["DE", "FR", "NL", "ES"])))
            else:
                OUT.add("logs/billing/%s.log" % p, t, "%s  INFO 1 --- [billing-api] [nio-8080-exec-%d] c.e.billing.web.InvoiceController       : GET /api/invoices 200 (%d ms)" % (iso(t), rng.randint(1, 9), rng.randint(8, 120)))


def redis_broker():
    f = "logs/reports/reports-redis-master-0.log"
    t = T0 + 23.1
    while t < T1:
        load = workers(t) == 0
        OUT.add(f, t, "1:M %s * %s" % (redis_ts(t), "100 changes in 300 seconds. Saving..." if not load else "10000 changes in 60 seconds. Saving..."))
        cp = rng.randint(1000, 9000)
        OUT.add(f, t + 0.002, "1:M %s * Background saving started by pid %d" % (redis_ts(t + 0.002), cp))
        OUT.add(f, t + 0.3, "%d:C %s * DB saved on disk" % (cp, redis_ts(t + 0.3)))
        OUT.add(f, t + 0.4, "1:M %s * Background saving terminated with success" % redis_ts(t + 0.4))
        t += 300 if not load else 60


def events():
    rows = []

    def ev(t, ns, typ, reason, obj, msg):
        rows.append((t, "%-11s %-24s %-8s %-28s %-46s %s" % (ns, iso_s(t), typ, reason, obj, msg)))

    ev(CA_DECIDE + 0.1, "default", "Normal", "ScaleDown", "node/ip-10-0-7-33.ec2.internal", "marked the node as toBeDeleted/unschedulable")
    ev(SIGTERM - 0.3, "monitoring", "Normal", "ScaleDown", "pod/prometheus-0", "deleting pod for node scale down")
    ev(SIGTERM, "monitoring", "Normal", "Killing", "pod/prometheus-0", "Stopping container prometheus")
    ev(SIGTERM + 1.0, "monitoring", "Normal", "SuccessfulDelete", "statefulset/prometheus", "delete Pod prometheus-0 in StatefulSet prometheus successful")
    ev(SIGTERM + 2.0, "monitoring", "Normal", "SuccessfulCreate", "statefulset/prometheus", "create Pod prometheus-0 in StatefulSet prometheus successful")
    ev(SIGTERM + 3.5, "monitoring", "Normal", "Scheduled", "pod/prometheus-0", "Successfully assigned monitoring/prometheus-0 to ip-10-0-4-12.ec2.internal")
    ev(SIGTERM + 5, "monitoring", "Warning", "FailedAttachVolume", "pod/prometheus-0", 'Multi-Attach error for volume "pvc-%s" Volume is already exclusively attached to one node and can\'t be attached to another' % rng.uuid())
    ev(PROM_START - 25, "monitoring", "Normal", "SuccessfulAttachVolume", "pod/prometheus-0", 'AttachVolume.Attach succeeded for volume "pvc-3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"')
    ev(PROM_START - 2, "monitoring", "Normal", "Pulled", "pod/prometheus-0", 'Container image "quay.io/prometheus/prometheus:v2.53.1" already present on machine')
    ev(PROM_START - 1, "monitoring", "Normal", "Started", "pod/prometheus-0", "Started container prometheus")
    t = PROM_START + 15
    n = 1
    while t < PROM_READY:
        ev(t, "monitoring", "Warning", "Unhealthy", "pod/prometheus-0", "Readiness probe failed: HTTP probe failed with statuscode: 503")
        t += 60
        n += 1
    t = SIGTERM + 10
    while t < PROM_READY:
        ev(t, "reports", "Warning", "KEDAScalerFailed", "scaledobject/report-worker", 'Post "http://prometheus.monitoring.svc.cluster.local:9090/api/v1/query?...": dial tcp %s:9090: connect: connection refused' % PROM_SVC)
        ev(t + 5, "reports", "Warning", "FailedGetExternalMetric", "horizontalpodautoscaler/keda-hpa-report-worker", "unable to get external metric reports/s0-prometheus/&LabelSelector{MatchLabels:map[string]string{scaledobject.keda.sh/name: report-worker,},MatchExpressions:[]LabelSelectorRequirement{},}: unable to fetch metrics from external metrics API: rpc error: code = Unknown desc = error when getting metric values metric:s0-prometheus encountered error")
        t += 120
    ev(SCALE_ZERO, "reports", "Normal", "KEDAScaleTargetDeactivated", "scaledobject/report-worker", "Deactivated apps/v1.Deployment reports/report-worker from 6 to 0")
    ev(SCALE_ZERO + 0.1, "reports", "Normal", "ScalingReplicaSet", "deployment/report-worker", "Scaled down replica set report-worker-%s to 0 from 6" % rw_rs)
    for p in rw_pods:
        ev(SCALE_ZERO + 0.2, "reports", "Normal", "Killing", "pod/%s" % p, "Stopping container worker")
    ev(FIRST_POLL_OK, "reports", "Normal", "KEDAScaleTargetActivated", "scaledobject/report-worker", "Scaled apps/v1.Deployment reports/report-worker from 0 to 1, triggered by prometheusScaler")
    ev(FIRST_POLL_OK + 0.1, "reports", "Normal", "ScalingReplicaSet", "deployment/report-worker", "Scaled up replica set report-worker-%s to 1 from 0" % rw_rs)
    ev(FIRST_POLL_OK + 60, "reports", "Normal", "SuccessfulRescale", "horizontalpodautoscaler/keda-hpa-report-worker", "New size: 4; reason: external metric s0-prometheus(&LabelSelector{MatchLabels:map[string]string{scaledobject.keda.sh/name: report-worker,},MatchExpressions:[]LabelSelectorRequirement{},}) above target")
    ev(FIRST_POLL_OK + 75, "reports", "Normal", "SuccessfulRescale", "horizontalpodautoscaler/keda-hpa-report-worker", "New size: 10; reason: external metric s0-prometheus(&LabelSelector{MatchLabels:map[string]string{scaledobject.keda.sh/name: report-worker,},MatchExpressions:[]LabelSelectorRequirement{},}) above target")
    for i, p in enumerate(rw_new):
        ev(new_start[i] - 6, "reports", "Normal", "Scheduled", "pod/%s" % p, "Successfully assigned reports/%s to ip-10-0-%d-%d.ec2.internal" % (p, rng.randint(2, 9), rng.randint(2, 250)))
        ev(new_start[i] - 3, "reports", "Normal", "Started", "pod/%s" % p, "Started container worker")
    for t in arrivals(rng, T0, T1, 1 / 240.0):
        ev(t, "billing", "Warning", "BackOff", "pod/tax-sync-29565%d-%s" % (rng.randint(100, 999), rng.k8s(5)), "Back-off restarting failed container tax-sync")
    rows.sort(key=lambda r: r[0])
    OUT.set_raw("logs/events-all-namespaces.txt", "%-11s %-24s %-8s %-28s %-46s %s\n" % ("NAMESPACE", "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE") + "".join(r[1] + "\n" for r in rows))


prometheus()
keda()
cluster_autoscaler()
worker_lifecycle()
traffic()
grafana()
billing()
redis_broker()
events()

truth = {
    "root_cause": {"service": "prometheus", "fault": "unavailable-wal-replay", "start": iso(SIGTERM)},
    "propagation": ["prometheus", "keda-operator", "report-worker", "report-api", "envoy-gateway"],
    "affected": ["prometheus", "keda-operator", "report-worker", "report-api", "envoy-gateway", "grafana"],
    "acceptable_roots": ["keda-operator"],
    "notes": "A cluster-autoscaler scale-down evicted prometheus-0 at 01:40:41; after rescheduling it replayed ~250 WAL segments for ~15 min "
             "while not ready. KEDA's prometheus scaler for report-worker failed (connection refused), and after the 300 s cooldown KEDA "
             "deactivated the ScaledObject and scaled the Celery workers to 0. Report jobs piled up in Redis and report-api timed out "
             "waiting (504 at envoy-gateway) until Prometheus was ready at ~01:57, KEDA re-activated and the backlog drained. "
             "prometheus logs only INFO/WARN; keda-operator, report-api and grafana carry the error floods.",
}
OUT.write(truth)
