#!/usr/bin/env python3
"""b04: kafka-1 is lost with its node (NodeNotReady).  A topic that was
auto-created with RF=1 goes partly offline, consumers rebalance and lag.
Per-pod log files, kafka-2 log gzipped, k8s events as JSON.  Run: python3 gen.py"""
SEED = 404
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common.py")).read())

# ---- case -------------------------------------------------------------------
clean_logs()
S = Sink()

START = T("2026-09-03T14:00:00Z")
END = T("2026-09-03T14:33:00Z")
LOST = T("2026-09-03T14:15:48.214Z")      # node ip-10-4-7-88 loses power/network
FENCED = T("2026-09-03T14:15:57.390Z")    # controller fences broker 1 (session timeout 9s)
NODE_BACK = T("2026-09-03T14:23:51.000Z")
K1_UP = T("2026-09-03T14:24:29.600Z")
K1_ISR = T("2026-09-03T14:25:34.000Z")
COORD_OK = T("2026-09-03T14:19:02.000Z")  # fulfillment group settles after rebalance storm

GW_POD = "api-gateway-7c9d8f6b5-2xkq1"
OA_PODS = ["order-api-6b8f9c7d4-h2k9s", "order-api-6b8f9c7d4-tz6wm"]
FC_POD = "fulfillment-consumer-5d7c8b9f6-x8zq2"
EC_POD = "email-consumer-84c6d9b7f-m3n5p"
INV_POD = "inventory-api-9f7d6c5b8-qq4rl"
K1_ADDR = "kafka-1.kafka-headless.data.svc.cluster.local/10.4.7.112:9092"


def f(pod):
    return "logs/%s.log" % pod


def k(n, t, level, msg, cls):
    path = "logs/kafka-%d.log" % n + (".gz" if n == 2 else "")
    S.add(path, t, "[%s,%03d] %s %s (%s)" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, level, msg, cls))


def down(t):
    return LOST <= t < K1_UP


def offline(t):
    # RF=1 partitions of order-events.v2 led by broker 1
    return LOST <= t < K1_UP + timedelta(seconds=4)


def gw(t, method, uri, status, rt, upstream, up_addr, rid):
    d = {"time": t.strftime("%Y-%m-%dT%H:%M:%S+00:00"), "remote_addr": ip("100.70"), "request_id": rid, "request": "%s %s HTTP/1.1" % (method, uri),
         "status": status, "body_bytes_sent": R.randint(40, 3000), "request_time": round(rt, 3), "upstream": upstream,
         "upstream_addr": up_addr, "upstream_status": str(status), "upstream_response_time": "%.3f" % max(rt - 0.001, 0),
         "http_user_agent": R.choice(["acme-mobile/3.4.1 (iOS 18.0)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/128.0"])}
    S.add(f(GW_POD), t + timedelta(seconds=rt), json.dumps(d, separators=(",", ":")))


def oa(pod, t, level, thread, logger, msg):
    S.add(f(pod), t, spring2(t, level, 1, thread, logger, msg))


def fc(t, level, caller, msg, **kw):
    S.add(f(FC_POD), t, zap(t, level, caller, msg, **kw))


def ec(t, level, msg, **kw):
    S.add(f(EC_POD), t, pino(t, level, msg, 1, EC_POD, **kw))


# --------------------------------------------------------------- kafka brokers
for n in (0, 1, 2):
    for t in every(START + timedelta(seconds=R.uniform(0, 60)), END, 300):
        if n == 1 and down(t):
            continue
        k(n, t, "INFO", "[GroupMetadataManager brokerId=%d] Removed 0 expired offsets in %d milliseconds." % (n, R.randint(0, 3)), "kafka.coordinator.group.GroupMetadataManager")
    for t in every(START + timedelta(seconds=R.uniform(0, 200)), END, 240):
        if n == 1 and down(t):
            continue
        k(n, t, "INFO", "[LocalLog partition=orders-%d, dir=/var/lib/kafka/data] Rolled new log segment at offset %d in %d ms." % (R.randint(0, 5), R.randint(18000000, 19000000), R.randint(1, 9)), "kafka.log.LocalLog")
        k(n, t + timedelta(milliseconds=3), "INFO", "[ProducerStateManager partition=orders-%d] Wrote producer snapshot at offset %d with 0 producer ids in %d ms." % (R.randint(0, 5), R.randint(18000000, 19000000), R.randint(1, 9)), "org.apache.kafka.storage.internals.log.ProducerStateManager")
# pre-existing: kafka-2 keeps complaining about a slow log dir fsync (distractor)
for t in poisson_times(START, END, 1 / 40.0):
    k(2, t, "WARN", "[Log partition=clickstream-%d, dir=/var/lib/kafka/data] Flushing log took %d ms, which exceeds the slow flush threshold" % (R.randint(0, 11), R.randint(1200, 3100)), "kafka.log.UnifiedLog")
# pre-existing: auto-created topic (RF=1) warning emitted by controller at each metadata check
for t in every(START + timedelta(seconds=90), END, 300):
    k(0, t, "WARN", "[QuorumController id=0] Topic order-events.v2 has replication factor 1 which is below the recommended minimum (3); partitions [1, 4] are hosted only on broker 1", "org.apache.kafka.controller.ReplicationControlManager")

# the loss: kafka-1 simply stops logging. Followers notice first.
last = LOST - timedelta(seconds=R.uniform(0.5, 2.5))
k(1, last, "INFO", "[SnapshotEmitter id=1] Successfully wrote snapshot 00000000000004712233-0000000041", "org.apache.kafka.image.publisher.SnapshotEmitter")
for n in (0, 2):
    t0 = LOST + timedelta(seconds=R.uniform(0.3, 1.5))
    for i, t in enumerate(every(t0, K1_UP, 1.0 if n == 0 else 1.3, jitter=0.2)):
        if i == 0:
            k(n, t, "INFO", "[ReplicaFetcher replicaId=%d, leaderId=1, fetcherId=0] Error sending fetch request (sessionId=%d, epoch=%d) to node 1:" % (n, R.randint(10**8, 10**9), R.randint(1000, 9000)), "org.apache.kafka.server.ReplicaFetcherThread")
            S.add("logs/kafka-%d.log" % n + (".gz" if n == 2 else ""), t, "java.io.IOException: Connection to 1 was disconnected before the response was read\n\tat org.apache.kafka.clients.NetworkClientUtils.sendAndReceive(NetworkClientUtils.java:99)\n\tat kafka.server.BrokerBlockingSender.sendRequest(BrokerBlockingSender.scala:113)\n\tat kafka.server.RemoteLeaderEndPoint.fetch(RemoteLeaderEndPoint.scala:79)\n\tat kafka.server.AbstractFetcherThread.processFetchRequest(AbstractFetcherThread.scala:317)\n\tat org.apache.kafka.server.util.ShutdownableThread.run(ShutdownableThread.java:135)")
        elif t < FENCED + timedelta(seconds=1):
            k(n, t, "WARN", "[ReplicaFetcher replicaId=%d, leaderId=1, fetcherId=0] Connection to node 1 (%s) could not be established. Node may not be available." % (n, K1_ADDR), "org.apache.kafka.clients.NetworkClient")
        elif i % 15 == 0:
            k(n, t, "WARN", "[RaftManager id=%d] Connection to node 1 (%s) could not be established. Node may not be available." % (n, K1_ADDR.replace("9092", "9093")), "org.apache.kafka.clients.NetworkClient")
k(0, FENCED, "INFO", "[QuorumController id=0] Fencing broker 1 because its session has timed out.", "org.apache.kafka.controller.ReplicationControlManager")
k(0, FENCED + timedelta(milliseconds=4), "INFO", "[QuorumController id=0] handleBrokerFenced: changing partition(s): orders-1, orders-4, __consumer_offsets-7, __consumer_offsets-19, __consumer_offsets-31, fulfillment-results-2 (truncated)", "org.apache.kafka.controller.ReplicationControlManager")
k(0, FENCED + timedelta(milliseconds=5), "WARN", "[QuorumController id=0] handleBrokerFenced: partition(s) order-events.v2-1, order-events.v2-4 have no eligible leader (replicas=[1], isr=[1], unclean.leader.election.enable=false) and are now OFFLINE", "org.apache.kafka.controller.ReplicationControlManager")
for n in (0, 2):
    for p in ("orders-1", "orders-4", "fulfillment-results-2"):
        t = FENCED + timedelta(milliseconds=R.randint(30, 400))
        k(n, t, "INFO", "[Partition %s broker=%d] ISR updated to %s and version updated to %d" % (p, n, R.choice(["0,2", "2,0"]), R.randint(40, 90)), "kafka.cluster.Partition")
    k(n, FENCED + timedelta(milliseconds=450), "INFO", "[Broker id=%d] Transitioning 7 partition(s) to local leaders." % n, "state.change.logger")
k(2, FENCED + timedelta(milliseconds=500), "INFO", "[GroupCoordinator 2]: Elected as the group coordinator for partition 7 in epoch 44", "kafka.coordinator.group.GroupCoordinator")
k(2, FENCED + timedelta(milliseconds=620), "INFO", "[GroupMetadataManager brokerId=2] Finished loading offsets and group metadata from __consumer_offsets-7 in 118 milliseconds for epoch 44, of which 2 milliseconds was spent in the scheduler.", "kafka.coordinator.group.GroupMetadataManager")
# rebalance storm on coordinator 2
t = FENCED + timedelta(seconds=3)
gen = 312
while t < COORD_OK:
    gen += 1
    k(2, t, "INFO", "[GroupCoordinator 2]: Preparing to rebalance group fulfillment in state PreparingRebalance with old generation %d (__consumer_offsets-7) (reason: Leader fulfillment-consumer-%s left group)" % (gen - 1, uuid()), "kafka.coordinator.group.GroupCoordinator")
    k(2, t + timedelta(seconds=R.uniform(2, 10)), "INFO", "[GroupCoordinator 2]: Stabilized group fulfillment generation %d (__consumer_offsets-7) with 3 members" % gen, "kafka.coordinator.group.GroupCoordinator")
    t += timedelta(seconds=R.uniform(18, 35))
for n in (0, 2):
    for t in every(FENCED + timedelta(seconds=5), K1_ISR, 30):
        k(n, t, "INFO", "[ReplicaManager broker=%d] %d partitions are under-replicated (min.insync.replicas satisfied)" % (n, 41), "kafka.server.ReplicaManager")
# kafka-1 comes back
k(1, K1_UP, "INFO", "Registered kafka:type=kafka.Log4jController MBean", "kafka.utils.Log4jControllerRegistration$")
k(1, K1_UP + timedelta(seconds=0.8), "INFO", "[KafkaRaftServer nodeId=1] Rewriting /var/lib/kafka/data/meta.properties", "kafka.server.KafkaRaftServer")
k(1, K1_UP + timedelta(seconds=2.1), "WARN", "[LogLoader partition=orders-1, dir=/var/lib/kafka/data] Found a corrupted index file corresponding to log file /var/lib/kafka/data/orders-1/00000000000018811201.log due to Corrupt time index found, time index file (/var/lib/kafka/data/orders-1/00000000000018811201.timeindex) has non-zero size but the last timestamp is 0 which is less than the first timestamp 1788445221104}, recovering segment and rebuilding index files...", "kafka.log.LogLoader")
k(1, K1_UP + timedelta(seconds=9.4), "INFO", "[BrokerServer id=1] Transition from STARTING to STARTED", "kafka.server.BrokerServer")
k(1, K1_UP + timedelta(seconds=9.6), "INFO", "[KafkaRaftServer nodeId=1] Kafka Server started", "kafka.server.KafkaRaftServer")
k(0, K1_UP + timedelta(seconds=9.9), "INFO", "[QuorumController id=0] Unfenced broker 1 at epoch %d" % R.randint(300, 400), "org.apache.kafka.controller.ReplicationControlManager")
k(0, K1_UP + timedelta(seconds=10.0), "INFO", "[QuorumController id=0] partition(s) order-events.v2-1, order-events.v2-4 elected leader 1 and are ONLINE", "org.apache.kafka.controller.ReplicationControlManager")
for n in (0, 2):
    k(n, K1_ISR + timedelta(seconds=R.uniform(0, 3)), "INFO", "[Partition orders-1 broker=%d] ISR updated to 0,2,1 and version updated to %d" % (n, R.randint(90, 99)), "kafka.cluster.Partition")
for t in every(K1_UP + timedelta(seconds=12), END, 300):
    k(1, t, "INFO", "[GroupMetadataManager brokerId=1] Removed 0 expired offsets in 1 milliseconds.", "kafka.coordinator.group.GroupMetadataManager")

# --------------------------------------------------------------- k8s events
EV = []


def ev(t, kind, name, ns, typ, reason, msg, source, count=1, last=None):
    EV.append({"apiVersion": "v1", "kind": "Event", "count": count, "type": typ, "reason": reason, "message": msg,
               "firstTimestamp": iso(t, 0), "lastTimestamp": iso(last or t, 0),
               "involvedObject": {"kind": kind, "name": name, "namespace": ns, "apiVersion": "v1"},
               "metadata": {"name": "%s.%s" % (name, hexid(16)), "namespace": ns or "default", "creationTimestamp": iso(t, 0)},
               "reportingComponent": source, "source": {"component": source},
               "_t": t})


NODE = "ip-10-4-7-88.eu-west-1.compute.internal"
ev(LOST + timedelta(seconds=40.5), "Node", NODE, "", "Normal", "NodeNotReady", "Node %s status is now: NodeNotReady" % NODE, "node-controller")
ev(LOST + timedelta(seconds=40.9), "Pod", "kafka-1", "data", "Warning", "NodeNotReady", "Node is not ready", "node-controller")
ev(LOST + timedelta(seconds=41.0), "Pod", "node-exporter-7xk2p", "monitoring", "Warning", "NodeNotReady", "Node is not ready", "node-controller")
ev(LOST + timedelta(seconds=41.0), "Pod", "fluent-bit-q2m8c", "logging", "Warning", "NodeNotReady", "Node is not ready", "node-controller")
ev(LOST + timedelta(seconds=340.9), "Pod", "kafka-1", "data", "Normal", "TaintManagerEviction", "Marking for deletion Pod data/kafka-1", "taint-eviction-controller")
ev(NODE_BACK, "Node", NODE, "", "Normal", "NodeReady", "Node %s status is now: NodeReady" % NODE, "kubelet")
ev(NODE_BACK + timedelta(seconds=1), "Node", NODE, "", "Warning", "Rebooted", "Node %s has been rebooted, boot id: %s" % (NODE, uuid()), "kubelet")
ev(NODE_BACK + timedelta(seconds=19), "Pod", "kafka-1", "data", "Normal", "Pulled", 'Container image "confluentinc/cp-kafka:7.7.1" already present on machine', "kubelet")
ev(NODE_BACK + timedelta(seconds=19), "Pod", "kafka-1", "data", "Normal", "Created", "Created container kafka", "kubelet")
ev(NODE_BACK + timedelta(seconds=20), "Pod", "kafka-1", "data", "Normal", "Started", "Started container kafka", "kubelet")
ev(NODE_BACK + timedelta(seconds=24), "Pod", "kafka-1", "data", "Warning", "Unhealthy", "Readiness probe failed: dial tcp 10.4.7.112:9092: connect: connection refused", "kubelet", count=4, last=NODE_BACK + timedelta(seconds=48))
# background events: HPA and an unrelated image pull backoff in another namespace (distractor, all along)
for t in every(START, END, 120):
    ev(t + timedelta(seconds=7), "Pod", "nightly-report-28761120-9b2kd", "batch", "Warning", "BackOff", "Back-off pulling image \"registry.acme.io/reports:2.3.0-rc1\"", "kubelet", count=int((t - START).total_seconds() // 120) + 31)
for t in every(START + timedelta(seconds=65), END, 420):
    ev(t, "HorizontalPodAutoscaler", "order-api", "shop", "Normal", "SuccessfulRescale", "New size: %d; reason: cpu resource utilization (percentage of request) above target" % R.choice([2, 2, 3]), "horizontal-pod-autoscaler")
EV.sort(key=lambda e: e["_t"])
for e in EV:
    del e["_t"]
os.makedirs(os.path.join(HERE, "logs"), exist_ok=True)
with open(os.path.join(HERE, "logs", "events.json"), "w") as fh:
    json.dump({"apiVersion": "v1", "items": EV, "kind": "List", "metadata": {"resourceVersion": ""}}, fh, indent=4)

# --------------------------------------------------------------- order-api producer
ORDER_PARTS = 6
for pod in OA_PODS:
    # NetworkClient reconnect warnings while broker 1 is gone (producer + admin client)
    for t in every(LOST + timedelta(seconds=R.uniform(0.5, 1.2)), K1_UP, 1.0, jitter=0.1):
        oa(pod, t, "WARN", "producer-1", "o.apache.kafka.clients.NetworkClient",
           "[Producer clientId=order-api-producer-1] Connection to node 1 (%s) could not be established. Broker may not be available." % K1_ADDR)
    for t in every(START + timedelta(seconds=R.uniform(0, 30)), END, 60):
        oa(pod, t, "INFO", "scheduling-1", "c.a.orders.health.KafkaHealthReporter", "producer metrics record-send-rate=%.1f record-error-rate=%.2f request-latency-avg=%.1fms" % (
            R.uniform(0.6, 1.4), 0.0 if not down(t) else R.uniform(0.2, 0.45), R.uniform(2, 6) if not down(t) else R.uniform(800, 4000)))
for t in poisson_times(START, END, 1.1):
    pod = R.choice(OA_PODS)
    rid = uuid()
    th = "http-nio-8080-exec-%d" % R.randint(1, 50)
    order = R.randint(90000000, 99999999)
    part = order % ORDER_PARTS
    inv_d = logn(12, 0.3) / 1000
    S.add(f(INV_POD), t + timedelta(seconds=inv_d), pylog(t + timedelta(seconds=inv_d), "INFO", "inventory.api", "reserve ok order=%d skus=%d took=%.1fms" % (order, R.randint(1, 5), inv_d * 1000)))
    if offline(t) and part in (1, 4):
        d = 5.0 + inv_d + R.uniform(0.001, 0.02)
        e = t + timedelta(seconds=d)
        oa(pod, e, "ERROR", th, "c.a.orders.events.OrderEventPublisher",
           "Failed to publish OrderCreated order=%d topic=order-events.v2 partition=%d requestId=%s\njava.util.concurrent.TimeoutException: null\n\tat java.base/java.util.concurrent.CompletableFuture.timedGet(CompletableFuture.java:1960)\n\tat java.base/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2095)\n\tat com.acme.orders.events.OrderEventPublisher.publish(OrderEventPublisher.java:57)\n\tat com.acme.orders.api.OrderController.create(OrderController.java:88)" % (order, part, rid))
        oa(pod, e + timedelta(milliseconds=1), "WARN", th, "c.a.orders.api.OrderController", "order %d rolled back: event not published, returning 503" % order)
        gw(t, "POST", "/v1/orders", 503, d + 0.002, "order-api", "10.4.2.%d:8080" % (7 if pod == OA_PODS[0] else 19), rid)
        if R.random() < 0.3:
            oa(pod, e + timedelta(milliseconds=3), "WARN", "producer-1", "o.a.k.c.producer.internals.Sender",
               "[Producer clientId=order-api-producer-1] Got error produce response with correlation id %d on topic-partition order-events.v2-%d, retrying (2147483640 attempts left). Error: NOT_LEADER_OR_FOLLOWER" % (R.randint(100000, 999999), part))
    elif LOST <= t < FENCED + timedelta(seconds=1) and part in (1, 4, 0):
        # leadership for orders-* moving: slow but OK after retries
        d = (FENCED - t).total_seconds() + R.uniform(0.3, 0.9) + inv_d
        oa(pod, t + timedelta(seconds=0.2), "WARN", "producer-1", "o.a.k.c.producer.internals.Sender",
           "[Producer clientId=order-api-producer-1] Received invalid metadata error in produce request on partition orders-%d due to org.apache.kafka.common.errors.NotLeaderOrFollowerException: For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition.. Going to request metadata update now" % part)
        oa(pod, t + timedelta(seconds=d), "INFO", th, "c.a.orders.api.OrderController", "order %d created in %dms" % (order, d * 1000))
        gw(t, "POST", "/v1/orders", 201, d + 0.002, "order-api", "10.4.2.%d:8080" % (7 if pod == OA_PODS[0] else 19), rid)
    else:
        d = logn(60, 0.3) / 1000 + inv_d
        oa(pod, t + timedelta(seconds=d), "INFO", th, "c.a.orders.api.OrderController", "order %d created in %dms" % (order, d * 1000))
        gw(t, "POST", "/v1/orders", 201, d + 0.002, "order-api", "10.4.2.%d:8080" % (7 if pod == OA_PODS[0] else 19), rid)
# reads through the gateway (unaffected)
for t in poisson_times(START, END, 2.4):
    rid = uuid()
    pod = R.choice(OA_PODS)
    d = logn(20, 0.4) / 1000
    gw(t, "GET", R.choice(["/v1/orders/%d" % R.randint(90000000, 99999999), "/v1/orders?customer=%d" % R.randint(1000, 90000)]), R.choice([200] * 30 + [404]), d, "order-api", "10.4.2.%d:8080" % (7 if pod == OA_PODS[0] else 19), rid)
for t in every(START, END, 5):
    gw(t, "GET", "/healthz", 200, 0.001, "-", "-", "-")

# --------------------------------------------------------------- fulfillment consumer (Go, sarama)
for t in every(START + timedelta(seconds=3), END, 15):
    if FENCED <= t < COORD_OK:
        continue
    fc(t, "info", "consumer/loop.go:141", "batch processed", topic="orders", messages=R.randint(8, 25), commit_ms=R.randint(2, 9))
t = LOST + timedelta(seconds=0.8)
fc(t, "error", "consumer/loop.go:97", "consume error", topic="orders", partition=1, error="kafka: error while consuming orders/1: read tcp 10.4.3.40:51822->10.4.7.112:9092: i/o timeout")
fc(t + timedelta(milliseconds=2), "error", "consumer/loop.go:97", "consume error", topic="orders", partition=4, error="kafka: error while consuming orders/4: read tcp 10.4.3.40:51822->10.4.7.112:9092: i/o timeout")
t = FENCED + timedelta(seconds=1)
while t < COORD_OK:
    fc(t, "warn", "consumer/group.go:63", "consumer group session ended, rejoining", group="fulfillment", generation=R.randint(312, 330))
    fc(t + timedelta(seconds=0.5), "error", "consumer/group.go:71", "group consume failed", group="fulfillment",
       error=R.choice(["kafka server: The coordinator is loading and hence can't process requests", "kafka server: The provided member is not known in the current generation",
                       "kafka: tried to use a client that was closed", "kafka server: Request was for a consumer group that is not coordinated by this broker"]),
       retry_in="2s")
    t += timedelta(seconds=R.uniform(2, 6))
fc(COORD_OK, "info", "consumer/group.go:48", "partitions assigned", group="fulfillment", topic="orders", partitions="[0 1 2]")
for t in every(COORD_OK + timedelta(seconds=1), COORD_OK + timedelta(seconds=180), 10):
    fc(t, "info", "consumer/loop.go:141", "batch processed", topic="orders", messages=R.randint(200, 500), commit_ms=R.randint(2, 9), catching_up=True)

# --------------------------------------------------------------- email consumer (kafkajs via pino)
for t in every(START + timedelta(seconds=7), END, 20):
    if LOST <= t < K1_UP + timedelta(seconds=30):
        continue
    ec(t, "info", "sent order confirmation emails", count=R.randint(3, 15), provider="ses")
t = LOST + timedelta(seconds=1.1)
restart = 0
while t < K1_UP + timedelta(seconds=12):
    ec(t, "error", "[Connection] Connection error: connect EHOSTUNREACH 10.4.7.112:9092", logger="kafkajs", broker="kafka-1.kafka-headless.data.svc.cluster.local:9092", clientId="email-consumer", stack="Error: connect EHOSTUNREACH 10.4.7.112:9092\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1606:16)")
    ec(t + timedelta(milliseconds=2), "error", "[BrokerPool] Failed to connect to seed broker, trying another broker from the list: Connection error: connect EHOSTUNREACH 10.4.7.112:9092", logger="kafkajs", retryCount=R.randint(0, 5), retryTime=R.randint(300, 5000))
    if R.random() < 0.35:
        ec(t + timedelta(milliseconds=5), "error", "[Consumer] Crash: KafkaJSNumberOfRetriesExceeded: Connection error: connect EHOSTUNREACH 10.4.7.112:9092", logger="kafkajs", groupId="email-sender", retryCount=5, stack="KafkaJSNonRetriableError\n  Caused by: KafkaJSConnectionError: Connection error: connect EHOSTUNREACH 10.4.7.112:9092\n    at Socket.onError (/app/node_modules/kafkajs/src/network/connection.js:210:23)")
        ec(t + timedelta(milliseconds=7), "info", "[Consumer] Restarting the consumer in 3000ms", logger="kafkajs", groupId="email-sender", retryCount=restart)
        restart += 1
    if R.random() < 0.3:
        ec(t + timedelta(milliseconds=9), "warn", "[Consumer] Partition order-events.v2-%d has no leader, skipping fetch" % R.choice([1, 4]), logger="kafkajs", groupId="email-sender")
    t += timedelta(seconds=R.uniform(1.5, 4.5))
ec(K1_UP + timedelta(seconds=14), "info", "[ConsumerGroup] Consumer has joined the group", logger="kafkajs", groupId="email-sender", memberId="email-consumer-%s" % uuid(), leaderId="email-consumer-%s" % uuid(), isLeader=True, memberAssignment={"order-events.v2": [0, 1, 2, 3, 4, 5]}, groupProtocol="RoundRobinAssigner", duration=812)

# --------------------------------------------------------------- lag monitor (logfmt)
lag = {("fulfillment", "orders"): 0, ("email-sender", "order-events.v2"): 0}
for t in every(START + timedelta(seconds=11), END, 30):
    for (g, topic) in lag:
        if g == "fulfillment":
            if FENCED <= t < COORD_OK:
                lag[(g, topic)] += R.randint(25, 45)
            elif t >= COORD_OK:
                lag[(g, topic)] = max(R.randint(0, 12), lag[(g, topic)] - 400)
            else:
                lag[(g, topic)] = R.randint(0, 12)
        else:
            if LOST <= t < K1_UP + timedelta(seconds=14):
                lag[(g, topic)] += R.randint(10, 25)
            elif t >= K1_UP:
                lag[(g, topic)] = max(R.randint(0, 6), lag[(g, topic)] - 300)
            else:
                lag[(g, topic)] = R.randint(0, 6)
        v = lag[(g, topic)]
        lvl = "warn" if v > 200 else "info"
        S.add("logs/lag-monitor.log", t, logfmt(t, lvl, "consumer group lag", group=g, topic=topic, total_lag=v, status="WARN" if v > 200 else "OK", cluster="kafka-prod"))
    if LOST <= t < K1_UP:
        S.add("logs/lag-monitor.log", t + timedelta(milliseconds=5), logfmt(t, "error", "failed to fetch offsets from broker", broker="kafka-1.kafka-headless.data.svc.cluster.local:9092", err="i/o timeout"))

for _ in range(2):
    t = START + timedelta(seconds=R.uniform(100, 1800))
    S.add(f(EC_POD), t, garbage())
S.write(gz={"logs/kafka-2.log.gz"})
