#!/usr/bin/env python3
"""k10: Karpenter consolidates node ip-10-0-47-112 at 03:41 and evicts orders-db-0 (single
Postgres, StatefulSet, gp3 EBS volume). Postgres gets a smart shutdown, is SIGKILLed after
the grace period, and the EC2 instance hangs in shutting-down, so the EBS volume stays
attached: the replacement pod sits in ContainerCreating with 'Multi-Attach error' for the
6-minute maxWaitForUnmountDuration, then the force-detach races the attach ('expected device
to be attached but was detaching'); the volume is attached at 03:57:55 and Postgres recovers
at 03:58:31. orders-api returns 503 for everything meanwhile; Contour/Envoy shows it.
orders-db itself logs nothing between 03:41:35 and 03:58:10.
Red herrings: cart-api evicted from the same node (readiness failures, a few UC resets),
karpenter disruption logs, report-exporter ImagePullBackOff events all along.
Python 3 standard library only; fixed seed; rewrites logs/ beside itself."""
import json
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

SLUG = "k10-ebs-multi-attach"
OUT = Path(__file__).resolve().parent / "logs"
rng = random.Random(100428)
UTC = timezone.utc
BASE = datetime(2026, 4, 28, 3, 15, 0, tzinfo=UTC)
END = 55 * 60.0
FILES = {}
SEQ = [0]


def emit(name, t, text):
    SEQ[0] += 1
    FILES.setdefault(name, []).append((t, SEQ[0], text))


def dt(t):
    return BASE + timedelta(seconds=t)


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def iso_s(t):
    return dt(t).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_ns(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.%f") + "%03dZ" % rng.randint(0, 999)


def hexid(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


def klog_head(sev, t):
    d = dt(t)
    return "%s%s %s.%06d       1" % (sev, d.strftime("%m%d"), d.strftime("%H:%M:%S"), d.microsecond)


DISRUPT = 26 * 60 + 2.118           # 03:41:02
SMART_SHUTDOWN = DISRUPT + 3.2       # 03:41:05.3
SIGKILL = SMART_SHUTDOWN + 30.0      # 03:41:35.3
POD_DELETED = SIGKILL + 0.4
NEW_SCHEDULED = POD_DELETED + 1.1
FORCE_DETACH = NEW_SCHEDULED + 360.0  # maxWaitForUnmountDuration 6m
ATTACHED = 42 * 60 + 55.4            # 03:57:55.4
PG_START = ATTACHED + 15.0
PG_READY = PG_START + 21.0           # ~03:58:31

OLD_NODE = "ip-10-0-47-112.eu-west-1.compute.internal"
NEW_NODE = "ip-10-0-51-9.eu-west-1.compute.internal"
OLD_I = "i-0c41f7a9be2d35e18"
NEW_I = "i-0f3a82d6c91b47e05"
VOL = "vol-0a1b2c3d4e5f67890"
PVC = "pvc-3f1c9e2a-7b4d-4c8e-a6f5-0d2b9c8e7a41"
UNIQ = "kubernetes.io/csi/ebs.csi.aws.com^%s" % VOL
DB_OLD_UID = uuid4()
DB_NEW_UID = uuid4()
ORDERS = ["orders-api-7c5d9b8f6-2kxqv", "orders-api-7c5d9b8f6-h9w4m", "orders-api-7c5d9b8f6-tz7rn"]
ORDERS_IP = {ORDERS[0]: "10.0.33.14", ORDERS[1]: "10.0.52.87", ORDERS[2]: "10.0.61.5"}
CART = ["cart-api-5f8b7c9d4-8mxwp", "cart-api-5f8b7c9d4-qz2kd", "cart-api-5f8b7c9d4-v6n4t"]
CART_NEW = "cart-api-5f8b7c9d4-jr5xl"
CART_IP = {CART[0]: "10.0.47.31", CART[1]: "10.0.52.140", CART[2]: "10.0.61.77", CART_NEW: "10.0.53.12"}
CART_READY = POD_DELETED + 44.0
ENVOY = "envoy-6d9f8b7c5-x4kqm"
PG_SVC_IP = "172.20.118.40"


def db_state(t):
    if t < SMART_SHUTDOWN:
        return "up"
    if t < SIGKILL:
        return "shutting_down"
    if t < PG_READY:
        return "down"
    return "up"


# ------------------------------------------------------------------ writers
def vector(ns, pod, container, node, uid, t, message, stream="stderr", app=None):
    rec = {"file": "/var/log/pods/%s_%s_%s/%s/0.log" % (ns, pod, uid, container),
           "kubernetes": {"container_id": "containerd://%s" % CID.setdefault((pod, container, uid), hexid(64)),
                          "container_image": IMAGES[container], "container_name": container,
                          "namespace_labels": {"kubernetes.io/metadata.name": ns},
                          "node_labels": {"karpenter.sh/capacity-type": "on-demand", "node.kubernetes.io/instance-type": "m6i.xlarge", "topology.kubernetes.io/zone": ZONE[node]},
                          "pod_ip": POD_IP.get(pod, "10.0.0.1"), "pod_labels": {"app.kubernetes.io/name": app or container},
                          "pod_name": pod, "pod_namespace": ns, "pod_node_name": node, "pod_owner": OWNER.get(pod, "ReplicaSet/%s" % pod.rsplit("-", 1)[0]), "pod_uid": uid},
           "message": message, "source_type": "kubernetes_logs", "stream": stream, "timestamp": iso_ns(t)}
    emit("%s/%s.json" % (app or container, pod), t, json.dumps(rec, separators=(",", ":")))


CID = {}
IMAGES = {"postgres": "docker.io/library/postgres:16.2", "orders-api": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders-api:1.42.3",
          "cart-api": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cart-api:3.7.0"}
ZONE = {OLD_NODE: "eu-west-1a", NEW_NODE: "eu-west-1a", "ip-10-0-33-201.eu-west-1.compute.internal": "eu-west-1a",
        "ip-10-0-52-18.eu-west-1.compute.internal": "eu-west-1b", "ip-10-0-61-93.eu-west-1.compute.internal": "eu-west-1c"}
POD_IP = {"orders-db-0": "10.0.47.201"}
POD_IP.update(ORDERS_IP)
POD_IP.update(CART_IP)
OWNER = {"orders-db-0": "StatefulSet/orders-db"}
NODE_OF = {ORDERS[0]: "ip-10-0-33-201.eu-west-1.compute.internal", ORDERS[1]: "ip-10-0-52-18.eu-west-1.compute.internal", ORDERS[2]: "ip-10-0-61-93.eu-west-1.compute.internal",
           CART[0]: OLD_NODE, CART[1]: "ip-10-0-52-18.eu-west-1.compute.internal", CART[2]: "ip-10-0-61-93.eu-west-1.compute.internal", CART_NEW: NEW_NODE}
UIDS = {p: uuid4() for p in ORDERS + CART + [CART_NEW]}


def pg_old(t, sev, msg, pid=1):
    d = dt(t)
    vector("data", "orders-db-0", "postgres", OLD_NODE, DB_OLD_UID, t, "%s.%03d UTC [%d] %s:  %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, pid, sev, msg), app="orders-db")


def pg_new(t, sev, msg, pid=1):
    d = dt(t)
    vector("data", "orders-db-0", "postgres", NEW_NODE, DB_NEW_UID, t, "%s.%03d UTC [%d] %s:  %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, pid, sev, msg), app="orders-db")


def slogj(pod, t, level, msg, **kv):
    rec = {"time": iso_ms(t), "level": level, "msg": msg}
    rec.update(kv)
    vector("shop", pod, "orders-api", NODE_OF[pod], UIDS[pod], t, json.dumps(rec, separators=(",", ":")), stream="stdout")


def cartlog(pod, t, level, event, **kv):
    parts = ["timestamp=%s" % iso_ms(t), "level=%s" % level, "event=%s" % (('"%s"' % event) if " " in event else event)]
    for k, v in kv.items():
        v = str(v)
        parts.append("%s=%s" % (k, ('"%s"' % v) if (" " in v or "=" in v) else v))
    vector("shop", pod, "cart-api", NODE_OF[pod], UIDS[pod], t, " ".join(parts), stream="stdout")


def envoy(t, method, path, code, flags, dur, ups_t, cluster, upstream_host, client, ua, rx=0, tx=0):
    rec = {"@timestamp": iso_ms(t), "authority": "api.shop-example.com", "bytes_received": rx, "bytes_sent": tx,
           "downstream_local_address": "10.0.40.12:8443", "downstream_remote_address": "%s:%d" % (client, rng.randint(1024, 65535)),
           "duration": dur, "method": method, "path": path, "protocol": "HTTP/2", "request_id": uuid4(),
           "requested_server_name": "api.shop-example.com", "response_code": code, "response_flags": flags,
           "uber_trace_id": None, "upstream_cluster": cluster, "upstream_host": upstream_host,
           "upstream_local_address": "10.0.40.12:%d" % rng.randint(32768, 60999) if upstream_host else None,
           "upstream_service_time": str(ups_t) if ups_t is not None else None, "user_agent": ua, "x_forwarded_for": client}
    emit("envoy/%s.log" % ENVOY, t + dur / 1000.0, json.dumps(rec, separators=(",", ":")))


EVENTS = []


def kevent(t, ns, kind, name, reason, message, etype="Normal", component="kubelet", host=None, count=1, first=None, uid=None):
    ev = {"metadata": {"name": "%s.%s" % (name, hexid(16)), "namespace": ns, "uid": uuid4(), "resourceVersion": str(88120000 + len(EVENTS) * 7 + rng.randint(0, 6)),
                       "creationTimestamp": iso_s(first if first is not None else t)},
          "reason": reason, "message": message, "source": {"component": component} if not host else {"component": component, "host": host},
          "firstTimestamp": iso_s(first if first is not None else t), "lastTimestamp": iso_s(t), "count": count, "type": etype, "eventTime": None,
          "reportingComponent": component, "reportingInstance": host or "",
          "involvedObject": {"kind": kind, "namespace": ns if kind != "Node" else "", "name": name, "uid": uid or uuid4(), "apiVersion": "v1" if kind in ("Pod", "Node", "PersistentVolumeClaim") else "apps/v1",
                             "resourceVersion": str(88000000 + rng.randint(0, 99999))}}
    if kind == "Node":
        del ev["involvedObject"]["namespace"]
    EVENTS.append((t, ev))


def kcm(t, sev, text):
    emit("kube-controller-manager/kube-controller-manager-ip-10-0-12-5.eu-west-1.compute.internal.log", t, "%s %s" % (klog_head(sev, t), text))


def ebs(t, sev, text, container="ebs-plugin"):
    emit("ebs-csi-controller/ebs-csi-controller-6b8d9f7c5-p2m8x_%s.log" % container, t, "%s %s" % (klog_head(sev, t), text))


def karp(t, level, msg, **kv):
    rec = {"level": level, "time": iso_ms(t), "logger": "controller", "message": msg, "commit": "490ef94"}
    rec.update(kv)
    emit("karpenter/karpenter-7d8c9b6f5-w2xkq.log", t, json.dumps(rec, separators=(",", ":")))


# ------------------------------------------------------------------ orders-api behaviour
PGX_REFUSED = "failed to connect to `user=orders database=orders`: %s:5432 (orders-db.data.svc.cluster.local): dial error: dial tcp %s:5432: connect: connection refused" % (PG_SVC_IP, PG_SVC_IP)
PGX_SHUTDOWN = "failed to connect to `user=orders database=orders`: %s:5432 (orders-db.data.svc.cluster.local): server error: FATAL: the database system is shutting down (SQLSTATE 57P03)" % PG_SVC_IP
POOL_CONNS = {p: 6 for p in ORDERS}


def orders_request(t, method, path):
    pod = rng.choice(ORDERS)
    st = db_state(t)
    lat = rng.uniform(0.004, 0.03)
    code = 200 if method == "GET" else 201
    err = None
    if st == "shutting_down":
        # pooled sessions keep working under smart shutdown; new dials are refused
        if rng.random() < 0.25:
            err = PGX_SHUTDOWN
            pg_old(t + 0.001, "FATAL", "the database system is shutting down", pid=rng.randint(3000, 9000))
    elif st == "down":
        if t < SIGKILL + 3 and rng.random() < 0.5:
            err = "read tcp %s:%d->10.0.47.201:5432: read: connection reset by peer" % (ORDERS_IP[pod], rng.randint(32768, 60999))
        else:
            err = PGX_REFUSED
        lat = rng.uniform(0.001, 0.004)
    if err:
        code = 503
        slogj(pod, t + lat, "ERROR", "database query failed", method=method, path=path, error=err, request_id=uuid4(), db="orders-db.data.svc.cluster.local:5432/orders")
    slogj(pod, t + lat + 0.0002, "INFO" if code < 500 else "WARN", "http request", method=method, path=path, status=code, duration_ms=round(lat * 1000, 2), remote_addr="10.0.40.12:%d" % rng.randint(32768, 60999))
    return code, lat, pod


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    clients = ["%d.%d.%d.%d" % (rng.choice([2, 31, 46, 79, 86, 109, 185, 217]), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254)) for _ in range(400)]
    uas = ["ShopApp/9.1.0 (iPhone; iOS 17.4.1)", "ShopApp/9.1.0 (Android 14)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"]
    t = 0.0
    while t < END:
        t += rng.expovariate(0.85)
        if t >= END:
            break
        c = rng.choice(clients)
        ua = rng.choice(uas)
        r = rng.random()
        if r < 0.55:
            method, path = rng.choice([("GET", "/orders/%d" % rng.randint(9000000, 9999999)), ("GET", "/orders?customer=c_%s&limit=20" % hexid(8)), ("POST", "/orders"),
                                       ("GET", "/orders/%d/status" % rng.randint(9000000, 9999999))])
            code, lat, pod = orders_request(t, method, path)
            ms = int(lat * 1000) + 1
            envoy(t, method, path, code, "-", ms + 1, ms, "shop/orders-api/8080/da39a3ee5e", "%s:8080" % ORDERS_IP[pod], c, ua, tx=rng.randint(200, 4000) if code < 500 else 96)
        elif r < 0.9:
            pods = [p for p in CART if not (p == CART[0] and t >= DISRUPT + 2)]
            if t >= CART_READY:
                pods.append(CART_NEW)
            pod = rng.choice(pods)
            method, path = rng.choice([("GET", "/cart"), ("POST", "/cart/items"), ("DELETE", "/cart/items/%d" % rng.randint(1, 9))])
            if pod == CART[0] and DISRUPT <= t < DISRUPT + 2.5 and rng.random() < 0.7:
                envoy(t, method, path, 503, "UC", 2, None, "shop/cart-api/8080/da39a3ee5e", "%s:8080" % CART_IP[pod], c, ua, tx=95)
                continue
            lat = rng.uniform(0.003, 0.02)
            cartlog(pod, t + lat, "info", "request handled", method=method, path=path, status=200, duration_ms=round(lat * 1000, 1))
            envoy(t, method, path, 200, "-", int(lat * 1000) + 1, int(lat * 1000), "shop/cart-api/8080/da39a3ee5e", "%s:8080" % CART_IP[pod], c, ua, tx=rng.randint(200, 3000))
        else:
            lat = rng.uniform(0.01, 0.06)
            path = rng.choice(["/catalog/products?page=%d" % rng.randint(1, 20), "/catalog/products/%d" % rng.randint(1000, 9999)])
            envoy(t, "GET", path, 200, "-", int(lat * 1000) + 1, int(lat * 1000), "shop/catalog-api/8080/da39a3ee5e", "10.0.%d.%d:8080" % (rng.choice([33, 52, 61]), rng.randint(2, 250)), c, ua, tx=rng.randint(2000, 30000))

    # ---------------- orders-api pool stats + pre-existing errors
    for pod in ORDERS:
        t = rng.uniform(0, 30)
        while t < END:
            st = db_state(t)
            total = 6 if st == "up" else (4 if st == "shutting_down" else 0)
            slogj(pod, t, "INFO", "db pool stats", total_conns=total, idle_conns=max(0, total - rng.randint(0, 2)), acquire_count=rng.randint(100, 900),
                  empty_acquire_count=0 if st == "up" else rng.randint(20, 200), canceled_acquire_count=0)
            t += 30
        t = rng.uniform(60, 400)
        while t < END:
            slogj(pod, t, "WARN", "payment status webhook rejected", provider="klarna", error="signature timestamp outside tolerance (skew 412s)")
            t += rng.uniform(300, 800)

    # ---------------- cart-api: old pod on drained node, new pod slow to become ready
    t = rng.uniform(0, 60)
    for pod in CART:
        t = rng.uniform(0, 60)
        stop = DISRUPT + 30 if pod == CART[0] else END
        while t < stop:
            cartlog(pod, t, "info", "redis pool", active=rng.randint(1, 5), idle=rng.randint(3, 8))
            t += 60
    cartlog(CART[0], DISRUPT + 2.4, "info", "shutdown signal received, draining", signal="SIGTERM")
    cartlog(CART[0], DISRUPT + 2.9, "info", "server stopped")
    cartlog(CART_NEW, NEW_SCHEDULED + 8.0, "info", "starting cart-api", version="3.7.0")
    for k in range(4):
        cartlog(CART_NEW, NEW_SCHEDULED + 9 + k * 8, "warning", "redis not reachable yet, retrying", host="cart-redis.shop.svc.cluster.local:6379", error="Timeout connecting to server", attempt=k + 1)
    cartlog(CART_NEW, CART_READY - 1, "info", "connected to redis", host="cart-redis.shop.svc.cluster.local:6379")
    cartlog(CART_NEW, CART_READY - 0.5, "info", "listening", port=8080)

    # ---------------- orders-db (old pod until kill, new pod after attach)
    t = rng.uniform(0, 120)
    while t < SMART_SHUTDOWN:
        pg_old(t, "LOG", "checkpoint starting: time", pid=64)
        w = rng.randint(300, 2400)
        pg_old(t + rng.uniform(20, 40), "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, 1 recycled; write=%.3f s, sync=0.003 s, total=%.3f s; sync files=%d, longest=0.001 s, average=0.001 s; distance=%d kB, estimate=%d kB; lsn=1A/%08X, redo lsn=1A/%08X" % (
            w, w / 1310.72, rng.uniform(20, 39), rng.uniform(20, 40), rng.randint(12, 40), rng.randint(4000, 20000), rng.randint(15000, 22000), rng.getrandbits(30), rng.getrandbits(30)), pid=64)
        t += 300
    t = rng.uniform(100, 600)
    while t < SMART_SHUTDOWN:
        pid = rng.randint(3000, 9000)
        pg_old(t, "ERROR", "canceling statement due to statement timeout", pid=pid)
        pg_old(t, "STATEMENT", "SELECT o.id, o.status, o.total FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.customer_id = $1 ORDER BY o.created_at DESC", pid=pid)
        t += rng.uniform(500, 900)
    pg_old(SMART_SHUTDOWN, "LOG", "received smart shutdown request")
    pg_old(SMART_SHUTDOWN + 0.01, "LOG", "background worker \"logical replication launcher\" (PID 71) exited with exit code 1")
    pg_new(PG_START, "LOG", "starting PostgreSQL 16.2 (Debian 16.2-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit")
    pg_new(PG_START + 0.01, "LOG", "listening on IPv4 address \"0.0.0.0\", port 5432")
    pg_new(PG_START + 0.01, "LOG", "listening on IPv6 address \"::\", port 5432")
    pg_new(PG_START + 0.02, "LOG", "listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"")
    pg_new(PG_START + 0.05, "LOG", "database system was interrupted; last known up at 2026-04-28 03:38:12 UTC", pid=29)
    pg_new(PG_START + 0.9, "LOG", "database system was not properly shut down; automatic recovery in progress", pid=29)
    pg_new(PG_START + 0.95, "LOG", "redo starts at 1A/3F0012A8", pid=29)
    pg_new(PG_START + 2.8, "LOG", "invalid record length at 1A/3F9A2C10: expected at least 24, got 0", pid=29)
    pg_new(PG_START + 2.8, "LOG", "redo done at 1A/3F9A2BD8 system usage: CPU: user: 0.41 s, system: 0.12 s, elapsed: 1.88 s", pid=29)
    pg_new(PG_START + 2.9, "LOG", "checkpoint starting: end-of-recovery immediate wait", pid=27)
    pg_new(PG_READY - 0.1, "LOG", "checkpoint complete: wrote 3412 buffers (2.6%); 0 WAL file(s) added, 0 removed, 0 recycled; write=17.902 s, sync=0.211 s, total=18.171 s; sync files=212, longest=0.011 s, average=0.001 s; distance=9806 kB, estimate=9806 kB; lsn=1A/3F9A2C10, redo lsn=1A/3F9A2C10", pid=27)
    pg_new(PG_READY, "LOG", "database system is ready to accept connections")
    t = PG_READY + 200
    while t < END:
        pg_new(t, "LOG", "checkpoint starting: time", pid=27)
        t += 300

    # ---------------- karpenter
    t = 7 * 60 + 12.0
    nc = "default-%s" % "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(5))
    karp(t, "INFO", "found provisionable pod(s)", controller="provisioner", Pods="batch/report-exporter-29621475-8xq2c", duration="41.2ms")
    karp(t + 0.03, "INFO", "computed new nodeclaim(s) to fit pod(s)", controller="provisioner", nodeclaims=1, pods=1)
    karp(t + 0.1, "INFO", "created nodeclaim", controller="provisioner", NodePool={"name": "default"}, NodeClaim={"name": nc}, requests={"cpu": "1150m", "memory": "2560Mi", "pods": "6"}, instance_types="c6i.large, c6i.xlarge, m6i.large, m6i.xlarge and 11 other(s)")
    karp(t + 2.4, "INFO", "launched nodeclaim", controller="nodeclaim.lifecycle", NodeClaim={"name": nc}, provider_id="aws:///eu-west-1b/i-0d81e2f3a4b5c6d7e", instance_type="m6i.large", zone="eu-west-1b", capacity_type="spot", allocatable={"cpu": "1930m", "memory": "6903Mi", "pods": "29"})
    karp(t + 38.1, "INFO", "registered nodeclaim", controller="nodeclaim.lifecycle", NodeClaim={"name": nc}, Node={"name": "ip-10-0-55-140.eu-west-1.compute.internal"})
    karp(t + 49.7, "INFO", "initialized nodeclaim", controller="nodeclaim.lifecycle", NodeClaim={"name": nc}, Node={"name": "ip-10-0-55-140.eu-west-1.compute.internal"}, allocatable={"cpu": "1930m", "memory": "6903Mi", "pods": "29"})
    cid = uuid4()
    karp(DISRUPT, "INFO", "disrupting nodeclaim(s) via delete, terminating 1 nodes (3 pods) %s/m6i.xlarge/on-demand" % OLD_NODE, controller="disruption", **{"command-id": cid, "reason": "underutilized"})
    karp(DISRUPT + 0.4, "INFO", "tainted node", controller="node.termination", Node={"name": OLD_NODE}, taint={"key": "karpenter.sh/disrupted", "effect": "NoSchedule"})
    karp(POD_DELETED + 2.0, "INFO", "deleted node", controller="node.termination", Node={"name": OLD_NODE})
    karp(POD_DELETED + 2.3, "INFO", "deleted nodeclaim", controller="nodeclaim.termination", NodeClaim={"name": "default-q7x2m"}, Node={"name": OLD_NODE}, provider_id="aws:///eu-west-1a/%s" % OLD_I)
    t = 0.0
    while t < END:
        t += rng.uniform(300, 600)
        karp(t, "INFO", "pricing updated", controller="pricing", instance_types=rng.randint(620, 680))

    # ---------------- Kubernetes events
    kevent(DISRUPT + 0.1, "", "Node", OLD_NODE, "DisruptionTerminating", "Disrupting Node: Underutilized/Delete", component="karpenter")
    for pod, ns, cont in [("orders-db-0", "data", "postgres"), (CART[0], "shop", "cart-api"), ("node-exporter-ds-9k2xw", "monitoring", "node-exporter")]:
        if pod.startswith("node-exporter"):
            continue
        kevent(DISRUPT + 1.5, ns, "Pod", pod, "Evicted", "Evicted pod: Underutilized", component="karpenter")
        kevent(DISRUPT + 2.2, ns, "Pod", pod, "Killing", "Stopping container %s" % cont, host=OLD_NODE)
    kevent(SIGKILL + 0.2, "data", "Pod", "orders-db-0", "FailedKillPod", "error killing pod: failed to \"KillPodSandbox\" for \"%s\" with KillPodSandboxError: \"rpc error: code = DeadlineExceeded desc = context deadline exceeded\"" % DB_OLD_UID, etype="Warning", host=OLD_NODE)
    kevent(POD_DELETED + 0.6, "data", "StatefulSet", "orders-db", "SuccessfulCreate", "create Pod orders-db-0 in StatefulSet orders-db successful", component="statefulset-controller")
    kevent(NEW_SCHEDULED, "data", "Pod", "orders-db-0", "Scheduled", "Successfully assigned data/orders-db-0 to %s" % NEW_NODE, component="default-scheduler", uid=DB_NEW_UID)
    kevent(NEW_SCHEDULED + 0.2, "data", "Pod", "orders-db-0", "FailedAttachVolume",
           "Multi-Attach error for volume \"%s\" Volume is already exclusively attached to one node and can't be attached to another" % PVC, etype="Warning", component="attachdetach-controller", uid=DB_NEW_UID)
    k = 1
    tt = NEW_SCHEDULED + 121.0
    while tt < ATTACHED:
        kevent(tt, "data", "Pod", "orders-db-0", "FailedMount",
               "Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data kube-api-access-7xk2p]: timed out waiting for the condition",
               etype="Warning", host=NEW_NODE, count=k, first=NEW_SCHEDULED + 121.0, uid=DB_NEW_UID)
        k += 1
        tt += 122.0
    kevent(FORCE_DETACH + 41.0, "data", "Pod", "orders-db-0", "FailedAttachVolume",
           "AttachVolume.Attach failed for volume \"%s\" : rpc error: code = Internal desc = Could not attach volume \"%s\" to node \"%s\": attachment of disk \"%s\" failed, expected device to be attached but was detaching" % (PVC, VOL, NEW_I, VOL),
           etype="Warning", component="attachdetach-controller", uid=DB_NEW_UID)
    kevent(ATTACHED, "data", "Pod", "orders-db-0", "SuccessfulAttachVolume", "AttachVolume.Attach succeeded for volume \"%s\" " % PVC, component="attachdetach-controller", uid=DB_NEW_UID)
    kevent(PG_START - 1.2, "data", "Pod", "orders-db-0", "Pulled", "Container image \"docker.io/library/postgres:16.2\" already present on machine", host=NEW_NODE, uid=DB_NEW_UID)
    kevent(PG_START - 0.6, "data", "Pod", "orders-db-0", "Created", "Created container postgres", host=NEW_NODE, uid=DB_NEW_UID)
    kevent(PG_START - 0.3, "data", "Pod", "orders-db-0", "Started", "Started container postgres", host=NEW_NODE, uid=DB_NEW_UID)
    kevent(PG_START + 9.0, "data", "Pod", "orders-db-0", "Unhealthy", "Readiness probe failed: 127.0.0.1:5432 - rejecting connections", etype="Warning", host=NEW_NODE, uid=DB_NEW_UID, count=2, first=PG_START + 5)
    # cart-api replacement
    kevent(DISRUPT + 1.9, "shop", "ReplicaSet", "cart-api-5f8b7c9d4", "SuccessfulCreate", "Created pod: %s" % CART_NEW, component="replicaset-controller")
    kevent(NEW_SCHEDULED - 0.5, "shop", "Pod", CART_NEW, "Scheduled", "Successfully assigned shop/%s to %s" % (CART_NEW, NEW_NODE), component="default-scheduler")
    kevent(NEW_SCHEDULED + 3.0, "shop", "Pod", CART_NEW, "Pulling", "Pulling image \"%s\"" % IMAGES["cart-api"], host=NEW_NODE)
    kevent(NEW_SCHEDULED + 6.8, "shop", "Pod", CART_NEW, "Pulled", "Successfully pulled image \"%s\" in 3.712s (3.712s including waiting)" % IMAGES["cart-api"], host=NEW_NODE)
    kevent(NEW_SCHEDULED + 7.0, "shop", "Pod", CART_NEW, "Created", "Created container cart-api", host=NEW_NODE)
    kevent(NEW_SCHEDULED + 7.2, "shop", "Pod", CART_NEW, "Started", "Started container cart-api", host=NEW_NODE)
    kevent(CART_READY - 4, "shop", "Pod", CART_NEW, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", etype="Warning", host=NEW_NODE, count=4, first=NEW_SCHEDULED + 15)
    kevent(POD_DELETED + 3.0, "", "Node", OLD_NODE, "NodeNotReady", "Node %s status is now: NodeNotReady" % OLD_NODE, etype="Normal", component="node-controller")
    kevent(POD_DELETED + 40.0, "", "Node", OLD_NODE, "RemovingNode", "Node %s event: Removing Node %s from Controller" % (OLD_NODE, OLD_NODE), component="node-controller")
    # pre-existing noise: a broken CronJob image and an HPA metrics warning
    first = -1800.0
    tt = rng.uniform(0, 60)
    k = 88
    while tt < END:
        kevent(tt, "batch", "Pod", "report-exporter-29621475-8xq2c", "BackOff", "Back-off pulling image \"registry.example.com/reports/exporter:2.3.1\"", etype="Warning",
               host="ip-10-0-55-140.eu-west-1.compute.internal", count=k, first=first)
        kevent(tt + 0.2, "batch", "Pod", "report-exporter-29621475-8xq2c", "Failed", "Error: ImagePullBackOff", etype="Warning", host="ip-10-0-55-140.eu-west-1.compute.internal", count=k, first=first)
        k += 1
        tt += rng.uniform(280, 320)
    tt = rng.uniform(0, 100)
    while tt < END:
        kevent(tt, "shop", "HorizontalPodAutoscaler", "catalog-api", "FailedGetResourceMetric", "failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API",
               etype="Warning", component="horizontal-pod-autoscaler", count=rng.randint(40, 400), first=-7200)
        tt += rng.uniform(400, 900)
    EVENTS.sort(key=lambda x: x[0])
    for t, ev in EVENTS:
        emit("k8s-events/kubernetes-event-exporter.json", t, json.dumps(ev, separators=(",", ":")))

    # ---------------- kube-controller-manager (attachdetach) + ebs-csi-controller
    t = rng.uniform(30, 200)
    while t < END:
        kcm(t, "W", 'garbagecollector.go:761] "failed to discover some groups" groups="map[metrics.k8s.io/v1beta1:stale GroupVersion discovery: metrics.k8s.io/v1beta1]"')
        t += rng.uniform(250, 400)
    kcm(NEW_SCHEDULED + 0.15, "W", 'reconciler.go:370] "Multi-Attach error: volume is already exclusively attached and can\'t be attached to another node" attachedTo=["%s"] volume={"VolumeToAttach":{"MultiAttachErrorReported":false,"VolumeName":"%s","VolumeSpec":{},"NodeName":"%s","ScheduledPods":[{"metadata":{"name":"orders-db-0","namespace":"data","uid":"%s"}}]}}' % (OLD_NODE, UNIQ, NEW_NODE, DB_NEW_UID))
    kcm(NEW_SCHEDULED + 0.16, "I", 'event.go:376] "Event occurred" object="data/orders-db-0" fieldPath="" kind="Pod" apiVersion="v1" type="Warning" reason="FailedAttachVolume" message="Multi-Attach error for volume \\"%s\\" Volume is already exclusively attached to one node and can\'t be attached to another"' % PVC)
    kcm(FORCE_DETACH, "W", 'reconciler.go:224] attacherDetacher.DetachVolume started for volume "%s" (UniqueName: "%s") on node "%s" This volume is not safe to detach, but maxWaitForUnmountDuration 6m0s expired, force detaching' % (PVC, UNIQ, OLD_NODE))
    kcm(FORCE_DETACH + 35.0, "I", 'operation_generator.go:1620] DetachVolume.Detach succeeded for volume "%s" (UniqueName: "%s") on node "%s" ' % (PVC, UNIQ, OLD_NODE))
    kcm(FORCE_DETACH + 35.2, "I", 'reconciler.go:304] attacherDetacher.AttachVolume started for volume "%s" (UniqueName: "%s") from node "%s" ' % (PVC, UNIQ, NEW_NODE))
    kcm(FORCE_DETACH + 41.0, "E", 'nestedpendingoperations.go:348] Operation for "{volumeName:%s podName: nodeName:%s}" failed. No retries permitted until %s (durationBeforeRetry 500ms). Error: AttachVolume.Attach failed for volume "%s" (UniqueName: "%s") from node "%s" : rpc error: code = Internal desc = Could not attach volume "%s" to node "%s": attachment of disk "%s" failed, expected device to be attached but was detaching' % (
        UNIQ, NEW_NODE, dt(FORCE_DETACH + 41.5).strftime("%Y-%m-%d %H:%M:%S.%f +0000 UTC"), PVC, UNIQ, NEW_NODE, VOL, NEW_I, VOL))
    # exponential retry backoff until the attach finally sticks
    tt = FORCE_DETACH + 41.5
    back = 1.0
    while tt + back < ATTACHED - 20:
        tt += back
        kcm(tt, "E", 'nestedpendingoperations.go:348] Operation for "{volumeName:%s podName: nodeName:%s}" failed. No retries permitted until %s (durationBeforeRetry %s). Error: AttachVolume.Attach failed for volume "%s" (UniqueName: "%s") from node "%s" : rpc error: code = DeadlineExceeded desc = context deadline exceeded' % (
            UNIQ, NEW_NODE, dt(tt + back * 2).strftime("%Y-%m-%d %H:%M:%S.%f +0000 UTC"), ("%ds" % int(back * 2)) if back * 2 >= 1 else "500ms", PVC, UNIQ, NEW_NODE))
        back = min(back * 2, 122.0)
    kcm(ATTACHED, "I", 'operation_generator.go:400] AttachVolume.Attach succeeded for volume "%s" (UniqueName: "%s") from node "%s" ' % (PVC, UNIQ, NEW_NODE))
    # ebs plugin
    t = rng.uniform(0, 120)
    while t < END:
        ebs(t, "I", 'controller.go:%d] "ControllerGetCapabilities: called" args=""' % 560)
        t += rng.uniform(280, 320)
    ebs(FORCE_DETACH + 0.4, "I", 'controller.go:482] "ControllerUnpublishVolume: called" args="volume_id:\\"%s\\" node_id:\\"%s\\" "' % (VOL, OLD_I))
    ebs(FORCE_DETACH + 0.5, "I", 'cloud.go:792] "Waiting for volume state" volumeID="%s" actual="detaching" desired="detached"' % VOL)
    ebs(FORCE_DETACH + 35.0, "I", 'controller.go:499] "ControllerUnpublishVolume: detached" volumeID="%s" nodeID="%s"' % (VOL, OLD_I))
    ebs(FORCE_DETACH + 35.4, "I", 'controller.go:415] "ControllerPublishVolume: attaching" volumeID="%s" nodeID="%s"' % (VOL, NEW_I))
    ebs(FORCE_DETACH + 40.9, "E", 'driver.go:107] "GRPC error" err="rpc error: code = Internal desc = Could not attach volume \\"%s\\" to node \\"%s\\": attachment of disk \\"%s\\" failed, expected device to be attached but was detaching"' % (VOL, NEW_I, VOL))
    tt = FORCE_DETACH + 42
    back = 1.0
    while tt + back < ATTACHED - 20:
        tt += back
        ebs(tt, "I", 'controller.go:415] "ControllerPublishVolume: attaching" volumeID="%s" nodeID="%s"' % (VOL, NEW_I))
        ebs(tt + 0.3, "I", 'cloud.go:792] "Waiting for volume state" volumeID="%s" actual="busy" desired="attached"' % VOL)
        back = min(back * 2, 122.0)
    ebs(ATTACHED - 0.3, "I", 'cloud.go:792] "Waiting for volume state" volumeID="%s" actual="attaching" desired="attached"' % VOL)
    ebs(ATTACHED - 0.1, "I", 'controller.go:429] "ControllerPublishVolume: attached" volumeID="%s" nodeID="%s" devicePath="/dev/xvdaa"' % (VOL, NEW_I))

    for name, rows in FILES.items():
        rows.sort(key=lambda r: (r[0], r[1]))
        p = OUT / name
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            for _, _, text in rows:
                f.write(text)
                f.write("\n")
    print("smart shutdown", iso_ms(SMART_SHUTDOWN), "attached", iso_ms(ATTACHED), "ready", iso_ms(PG_READY))


if __name__ == "__main__":
    main()
