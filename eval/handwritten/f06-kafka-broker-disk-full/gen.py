#!/usr/bin/env python3
"""f06: kafka-2 runs out of disk (clickstream volume), halts and crash-loops; RF=2/min.insync=2 'orders' partitions reject produces."""
import datetime as dt
import json
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
R = random.Random(60606)
UTC = dt.timezone.utc
T0 = dt.datetime(2026, 5, 6, 2, 50, 0, tzinfo=UTC)
T_END = dt.datetime(2026, 5, 6, 3, 40, 0, tzinfo=UTC)
T_FULL = dt.datetime(2026, 5, 6, 3, 14, 22, 513000, tzinfo=UTC)
T_FENCE = T_FULL + dt.timedelta(seconds=9.1)
T_FIX = dt.datetime(2026, 5, 6, 3, 33, 10, 0, tzinfo=UTC)       # kafka-2 finally starts (space freed)
T_ISR = dt.datetime(2026, 5, 6, 3, 34, 2, 0, tzinfo=UTC)
RESTARTS = [dt.datetime(2026, 5, 6, 3, 15, 4, tzinfo=UTC), dt.datetime(2026, 5, 6, 3, 16, 41, tzinfo=UTC), dt.datetime(2026, 5, 6, 3, 19, 55, tzinfo=UTC),
            dt.datetime(2026, 5, 6, 3, 26, 30, tzinfo=UTC)]
files = {}


def emit(path, t, line):
    files.setdefault(path, []).append((t, line))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def l4j(t):
    return t.strftime("[%Y-%m-%d %H:%M:%S,") + "%03d]" % (t.microsecond // 1000)


def kafka(b, t, lvl, msg, logger):
    # log4j DailyRollingFileAppender with hourly rollover: server.log.YYYY-MM-DD-HH for past hours, server.log for the current one
    name = "server.log" if t.hour == 3 else "server.log.%s" % t.strftime("%Y-%m-%d-%H")
    emit("kafka/kafka-%d/var/log/kafka/%s" % (b, name), t, "%s %s %s (%s)" % (l4j(t), lvl, msg, logger))


def kafka_trace(b, t, lines):
    name = "server.log" if t.hour == 3 else "server.log.%s" % t.strftime("%Y-%m-%d-%H")
    emit("kafka/kafka-%d/var/log/kafka/%s" % (b, name), t, "\n".join(lines))


ORD_PARTS = 12  # orders: RF 2, min.insync.replicas 2 (legacy topic)
REPL = {p: sorted(R.sample([0, 1, 2], 2)) for p in range(ORD_PARTS)}
with2 = [p for p in range(ORD_PARTS) if 2 in REPL[p]]

# background: retention deletes, log roll, group coordinator chatter
for b in range(3):
    t = T0 + dt.timedelta(seconds=R.uniform(0, 60))
    while t < T_END:
        if b == 2 and T_FULL <= t < T_FIX:
            t += dt.timedelta(seconds=60)
            continue
        k = R.random()
        if k < 0.4:
            p = R.randint(0, 11)
            kafka(b, t, "INFO", "[LocalLog partition=clickstream-raw-%d, dir=/var/lib/kafka/data] Rolled new log segment at offset %d in %d ms." % (p, R.randint(10 ** 8, 9 * 10 ** 8), R.randint(1, 9)), "kafka.log.LocalLog")
        elif k < 0.6:
            topic = R.choice(["payments-events", "inventory-updates", "audit-log"])
            p = R.randint(0, 5)
            kafka(b, t, "INFO", "[UnifiedLog partition=%s-%d, dir=/var/lib/kafka/data] Deleting segment LogSegment(baseOffset=%d, size=%d, lastModifiedTime=%d, largestRecordTimestamp=%d) due to log retention time 604800000ms breach based on the largest record timestamp in the segment" % (topic, p, R.randint(10 ** 6, 10 ** 7), R.randint(10 ** 8, 10 ** 9), int((t - dt.timedelta(days=7, hours=1)).timestamp() * 1000), int((t - dt.timedelta(days=7, minutes=30)).timestamp() * 1000)), "kafka.log.UnifiedLog")
        elif k < 0.8:
            kafka(b, t, "INFO", "[GroupCoordinator %d]: Member %s in group %s has left, removing it from the group" % (b, "fulfillment-worker-%s" % hexid(8), "fulfillment"), "kafka.coordinator.group.GroupCoordinator") if R.random() < 0.1 else \
                kafka(b, t, "INFO", "[ProducerStateManager partition=orders-%d] Wrote producer snapshot at offset %d with 0 producer ids in %d ms." % (R.randint(0, 11), R.randint(10 ** 6, 10 ** 7), R.randint(1, 12)), "org.apache.kafka.storage.internals.log.ProducerStateManager")
        else:
            if b == 1:
                kafka_trace(b, t, ["%s WARN [SocketServer listenerType=BROKER, nodeId=1] Unexpected error from /10.12.9.7 (channelId=10.12.3.43:9092-10.12.9.7:%d-%d); closing connection (org.apache.kafka.common.network.Selector)" % (l4j(t), R.randint(30000, 60000), R.randint(1, 400)),
                                   "org.apache.kafka.common.network.InvalidReceiveException: Invalid receive (size = 1195725856 larger than 104857600)",
                                   "\tat org.apache.kafka.common.network.NetworkReceive.readFrom(NetworkReceive.java:94)",
                                   "\tat org.apache.kafka.common.network.KafkaChannel.receive(KafkaChannel.java:452)",
                                   "\tat org.apache.kafka.common.network.KafkaChannel.read(KafkaChannel.java:402)",
                                   "\tat org.apache.kafka.common.network.Selector.attemptRead(Selector.java:674)",
                                   "\tat org.apache.kafka.common.network.Selector.pollSelectionKeys(Selector.java:576)",
                                   "\tat org.apache.kafka.common.network.Selector.poll(Selector.java:481)",
                                   "\tat kafka.network.Processor.poll(SocketServer.scala:1144)",
                                   "\tat kafka.network.Processor.run(SocketServer.scala:1047)",
                                   "\tat java.base/java.lang.Thread.run(Thread.java:840)"])
        t += dt.timedelta(seconds=R.uniform(8, 30))

# the fault on kafka-2
STACK = ["java.io.IOException: No space left on device",
         "\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)",
         "\tat java.base/sun.nio.ch.FileDispatcherImpl.write(FileDispatcherImpl.java:62)",
         "\tat java.base/sun.nio.ch.IOUtil.writeFromNativeBuffer(IOUtil.java:132)",
         "\tat java.base/sun.nio.ch.IOUtil.write(IOUtil.java:97)",
         "\tat java.base/sun.nio.ch.FileChannelImpl.write(FileChannelImpl.java:285)",
         "\tat org.apache.kafka.common.record.MemoryRecords.writeFullyTo(MemoryRecords.java:92)",
         "\tat org.apache.kafka.common.record.FileRecords.append(FileRecords.java:188)",
         "\tat org.apache.kafka.storage.internals.log.LogSegment.append(LogSegment.java:264)",
         "\tat kafka.log.LocalLog.append(LocalLog.scala:439)",
         "\tat kafka.log.UnifiedLog.append(UnifiedLog.scala:911)",
         "\tat kafka.log.UnifiedLog.appendAsLeader(UnifiedLog.scala:719)",
         "\tat kafka.cluster.Partition.$anonfun$appendRecordsToLeader$1(Partition.scala:1313)",
         "\tat kafka.cluster.Partition.appendRecordsToLeader(Partition.scala:1301)",
         "\tat kafka.server.ReplicaManager.$anonfun$appendToLocalLog$6(ReplicaManager.scala:1277)",
         "\tat scala.collection.StrictOptimizedMapOps.map(StrictOptimizedMapOps.scala:28)",
         "\tat kafka.server.ReplicaManager.appendToLocalLog(ReplicaManager.scala:1265)",
         "\tat kafka.server.ReplicaManager.appendRecords(ReplicaManager.scala:788)",
         "\tat kafka.server.KafkaApis.handleProduceRequest(KafkaApis.scala:717)",
         "\tat kafka.server.KafkaApis.handle(KafkaApis.scala:179)",
         "\tat kafka.server.KafkaRequestHandler.run(KafkaRequestHandler.scala:154)",
         "\tat java.base/java.lang.Thread.run(Thread.java:840)"]
kafka_trace(2, T_FULL, ["%s ERROR Error while appending records to clickstream-raw-7 in dir /var/lib/kafka/data (org.apache.kafka.storage.internals.log.LogDirFailureChannel)" % l4j(T_FULL)] + STACK)
t = T_FULL + dt.timedelta(milliseconds=6)
for m, lg in [("[ReplicaManager broker=2] Stopping serving replicas in dir /var/lib/kafka/data", "kafka.server.ReplicaManager"),
              ("[ReplicaManager broker=2] Broker 2 stopped fetcher for partitions " + ",".join("orders-%d" % p for p in with2) + ",clickstream-raw-0,clickstream-raw-3,clickstream-raw-7,clickstream-raw-9,payments-events-2,inventory-updates-4 and stopped moving logs for partitions  because they are in the failed log directory /var/lib/kafka/data.", "kafka.server.ReplicaManager"),
              ("Stopping serving logs in dir /var/lib/kafka/data", "kafka.log.LogManager")]:
    kafka(2, t, "WARN", m, lg)
    t += dt.timedelta(milliseconds=R.randint(3, 12))
kafka(2, t, "ERROR", "Shutdown broker because all log dirs in /var/lib/kafka/data have failed", "kafka.log.LogManager")
STARTUP = [("INFO", "Registered kafka:type=kafka.Log4jController MBean", "kafka.utils.Log4jControllerRegistration$"),
           ("INFO", "Setting -D jdk.tls.rejectClientInitiatedRenegotiation=true to disable client-initiated TLS renegotiation", "org.apache.zookeeper.common.X509Util"),
           ("INFO", "[BrokerServer id=2] Transition from SHUTDOWN to STARTING", "kafka.server.BrokerServer"),
           ("INFO", "[BrokerServer id=2] Starting broker", "kafka.server.BrokerServer"),
           ("INFO", "Loading logs from log dirs ArraySeq(/var/lib/kafka/data)", "kafka.log.LogManager"),
           ("INFO", "Attempting recovery for all logs in /var/lib/kafka/data since no clean shutdown file was found", "kafka.log.LogManager")]
for i, rt in enumerate(RESTARTS):
    for k, (lv, m, lg) in enumerate(STARTUP):
        kafka(2, rt + dt.timedelta(milliseconds=k * 180), lv, m, lg)
    te = rt + dt.timedelta(seconds=R.uniform(3.5, 6))
    kafka_trace(2, te, ["%s ERROR There was an error in one of the threads during logs loading: java.io.IOException: No space left on device (kafka.log.LogManager)" % l4j(te)])
    kafka_trace(2, te + dt.timedelta(milliseconds=9), ["%s ERROR [BrokerServer id=2] Fatal error during broker startup. Prepare to shutdown (kafka.server.BrokerServer)" % l4j(te + dt.timedelta(milliseconds=9)),
                                                        "java.io.IOException: No space left on device",
                                                        "\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)",
                                                        "\tat java.base/sun.nio.ch.FileDispatcherImpl.write(FileDispatcherImpl.java:62)",
                                                        "\tat org.apache.kafka.storage.internals.log.ProducerStateManager.writeSnapshot(ProducerStateManager.java:650)",
                                                        "\tat kafka.log.UnifiedLog.$anonfun$rebuildProducerState$1(UnifiedLog.scala:1025)",
                                                        "\tat kafka.log.LogLoader.recoverLog(LogLoader.scala:399)",
                                                        "\tat kafka.log.LogLoader.load(LogLoader.scala:162)",
                                                        "\tat kafka.log.LogManager.loadLog(LogManager.scala:291)",
                                                        "\tat java.base/java.lang.Thread.run(Thread.java:840)"])
    kafka(2, te + dt.timedelta(milliseconds=30), "INFO", "[BrokerServer id=2] Transition from STARTING to SHUTTING_DOWN", "kafka.server.BrokerServer")
    kafka(2, te + dt.timedelta(milliseconds=240), "INFO", "[BrokerServer id=2] shut down completed", "kafka.server.BrokerServer")
for k, (lv, m, lg) in enumerate(STARTUP):
    kafka(2, T_FIX + dt.timedelta(milliseconds=k * 180), lv, m, lg)
kafka(2, T_FIX + dt.timedelta(seconds=31.2), "INFO", "[BrokerServer id=2] Transition from STARTING to STARTED", "kafka.server.BrokerServer")
kafka(2, T_FIX + dt.timedelta(seconds=31.3), "INFO", "[KafkaRaftServer nodeId=2] Kafka Server started", "kafka.server.KafkaRaftServer")
# controller (kafka-0 runs the active KRaft controller) and ISR changes
kafka(0, T_FENCE, "INFO", "[QuorumController id=0] Fencing broker 2 because its session has timed out.", "org.apache.kafka.controller.QuorumController")
kafka(0, T_FENCE + dt.timedelta(milliseconds=4), "INFO", "[QuorumController id=0] handleBrokerFenced: changing partition(s): " + ", ".join("orders-%d" % p for p in with2) + ", clickstream-raw-0, clickstream-raw-3, clickstream-raw-7, clickstream-raw-9, payments-events-2, inventory-updates-4", "org.apache.kafka.controller.ReplicationControlManager")
for p in with2:
    other = [x for x in REPL[p] if x != 2][0]
    tt = T_FENCE + dt.timedelta(milliseconds=R.randint(20, 300))
    kafka(other, tt, "INFO", "[Partition orders-%d broker=%d] ISR updated to %d  and version updated to %d" % (p, other, other, R.randint(40, 90)), "kafka.cluster.Partition")
    tt2 = T_ISR + dt.timedelta(milliseconds=R.randint(0, 1500))
    kafka(other, tt2, "INFO", "[Partition orders-%d broker=%d] ISR updated to %s  and version updated to %d" % (p, other, ",".join(str(x) for x in REPL[p]), R.randint(91, 99)), "kafka.cluster.Partition")
kafka(0, T_FIX + dt.timedelta(seconds=30.8), "INFO", "[QuorumController id=0] The request from broker 2 to unfence has been granted because it has caught up with the offset of its register broker record 4412871.", "org.apache.kafka.controller.BrokerHeartbeatManager")

# ---------------------------------------------------------------- order-service (python, JSON logs; librdkafka stderr) captured with stern --timestamps
PODS = ["order-service-6b7f9c8d5-2kx4w", "order-service-6b7f9c8d5-9qv7p", "order-service-6b7f9c8d5-lm3zt"]
stern = []


def st(pod, t, msg):
    stern.append((t, "%s order-service %s %s" % (pod, t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "%03dZ" % R.randint(0, 999), msg)))


def pj(pod, t, lvl, name, msg, **kw):
    o = {"asctime": t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000), "levelname": lvl, "name": name, "message": msg}
    o.update(kw)
    st(pod, t, json.dumps(o, separators=(", ", ": ")))


BK = {0: "10.12.3.42", 1: "10.12.3.43", 2: "10.12.3.44"}


def kafka2_up(t):
    return t < T_FULL or t >= T_FIX + dt.timedelta(seconds=31)


t = T0
on = 0
while t < T_END:
    t += dt.timedelta(seconds=R.expovariate(4.0))
    pod = R.choice(PODS)
    on += 1
    oid = "ord_%s" % hexid(12)
    p = R.randint(0, ORD_PARTS - 1)
    status = 201
    lat = R.uniform(12, 45)
    if R.random() < 0.75:  # POST /v1/orders publishes OrderCreated synchronously
        broken = (p in with2) and (T_FULL <= t < T_ISR)
        if broken:
            if t < T_FENCE + dt.timedelta(seconds=0.5) and 2 in REPL[p] and p % 2 == 0:
                err = 'KafkaError{code=KAFKA_STORAGE_ERROR,val=56,str="Broker: Disk error when trying to access log file on disk"}'
                lat = R.uniform(30, 200)
            else:
                err = 'KafkaError{code=NOT_ENOUGH_REPLICAS,val=19,str="Broker: Not enough in-sync replicas"}'
                lat = R.uniform(300, 1800)  # librdkafka retries until message.timeout/retries exhausted
            if "NOT_ENOUGH" in err and R.random() < 0.25:
                other = [x for x in REPL[p] if x != 2][0]
                kafka_trace(other, t + dt.timedelta(milliseconds=2), ["%s ERROR [ReplicaManager broker=%d] Error processing append operation on partition orders-%d (kafka.server.ReplicaManager)" % (l4j(t + dt.timedelta(milliseconds=2)), other, p),
                                                                       "org.apache.kafka.common.errors.NotEnoughReplicasException: The size of the current ISR Set(%d) is insufficient to satisfy the min.isr requirement of 2 for partition orders-%d" % (other, p)])
            pj(pod, t + dt.timedelta(milliseconds=lat), "ERROR", "order_service.events", "failed to publish OrderCreated", order_id=oid, topic="orders", partition=p, error=err)
            status = 503
        path = "/v1/orders"
        meth = "POST"
    else:
        path, meth, status = "/v1/orders/%s" % oid, "GET", 200
        lat = R.uniform(3, 14)
    if status == 201 and R.random() < 0.05:
        pj(pod, t + dt.timedelta(milliseconds=lat - 1), "INFO", "order_service.api", "order created", order_id=oid, items=R.randint(1, 5), total_cents=R.randint(900, 40000))
    if R.random() < 0.004:
        pj(pod, t, "WARNING", "order_service.tax", "tax service returned stale rates, using cache", region=R.choice(["DE", "FR", "NL", "AT"]))
    tt = t + dt.timedelta(milliseconds=lat + 0.5)
    st(pod, tt, 'INFO:     10.12.%d.%d:%d - "%s %s HTTP/1.1" %d %s' % (R.randint(5, 8), R.randint(2, 250), R.randint(30000, 60000), meth, path, status,
                                                                    {201: "Created", 200: "OK", 503: "Service Unavailable"}[status]))
# librdkafka broker connection errors (stderr, %LEVEL|ts|FAC|name| ...)
for i, pod in enumerate(PODS):
    t = T_FULL + dt.timedelta(seconds=R.uniform(0.01, 0.2))
    first = True
    while t < T_FIX + dt.timedelta(seconds=31):
        up = any(rt <= t < rt + dt.timedelta(seconds=6) for rt in RESTARTS)
        if first:
            msg = "%%3|%.3f|FAIL|rdkafka#producer-1| [thrd:kafka-2.kafka.streaming.internal:9092/2]: kafka-2.kafka.streaming.internal:9092/2: Disconnected (after %dms in state UP)" % (t.timestamp(), R.randint(3600000, 9000000))
            first = False
        else:
            msg = "%%3|%.3f|FAIL|rdkafka#producer-1| [thrd:kafka-2.kafka.streaming.internal:9092/2]: kafka-2.kafka.streaming.internal:9092/2: Connect to ipv4#%s:9092 failed: Connection refused (after 0ms in state CONNECT, %d identical error(s) suppressed)" % (t.timestamp(), BK[2], R.randint(1, 30))
        if not up:
            st(pod, t, msg)
        t += dt.timedelta(seconds=R.uniform(28, 34))
    st(pod, T_FULL + dt.timedelta(seconds=0.4), "%%4|%.3f|REQTMOUT|rdkafka#producer-1| [thrd:kafka-2.kafka.streaming.internal:9092/2]: kafka-2.kafka.streaming.internal:9092/2: Timed out 0 in-flight, 1 retry-queued, 0 out-queue, 0 partially-sent requests" % (T_FULL + dt.timedelta(seconds=0.4)).timestamp())

# ---------------------------------------------------------------- clickstream-collector (go, logfmt-ish json) - the volume behind the disk
CC = "clickstream-collector/clickstream-collector.log"
t = T0
while t < T_END:
    t += dt.timedelta(seconds=30)
    broken = T_FULL <= t < T_FIX + dt.timedelta(seconds=31)
    emit(CC, t, json.dumps({"ts": round(t.timestamp(), 3), "level": "info" if not broken else "warn", "caller": "producer/flush.go:88",
                            "msg": "flush", "topic": "clickstream-raw", "events": R.randint(380000, 460000), "bytes": R.randint(700000000, 820000000),
                            "delivery_errors": 0 if not broken else R.randint(20000, 60000), "last_error": "" if not broken else "kafka: broker not available: kafka-2.kafka.streaming.internal:9092"}, separators=(",", ":")))

# ---------------------------------------------------------------- kafka-connect (orders -> s3 sink) on connect-01
CP = "kafka-connect/connect-01/var/log/kafka-connect/connect.log"


def conn(t, lvl, ctx, msg, logger):
    emit(CP, t, "%s %s %s%s (%s:%d)" % (l4j(t), lvl, ("[%s] " % ctx) if ctx else "", msg, logger, R.randint(80, 400)))


t = T0 + dt.timedelta(seconds=7)
while t < T_END:
    if not (T_FULL <= t < T_ISR):
        conn(t, "INFO", "orders-s3-sink|task-0", "Files committed to S3. Target commit offset for orders-%d is %d" % (R.randint(0, 11), R.randint(10 ** 6, 10 ** 7)), "io.confluent.connect.s3.TopicPartitionWriter")
    t += dt.timedelta(seconds=R.uniform(50, 70))
conn(T_FULL + dt.timedelta(seconds=0.6), "WARN", "orders-s3-sink|task-0", "[Consumer clientId=connector-consumer-orders-s3-sink-0, groupId=connect-orders-s3-sink] Connection to node 2 (kafka-2.kafka.streaming.internal/10.12.3.44:9092) could not be established. Broker may not be available.", "org.apache.kafka.clients.NetworkClient")
t = T_FULL + dt.timedelta(seconds=31)
while t < T_ISR:
    conn(t, "WARN", "orders-s3-sink|task-0", "[Consumer clientId=connector-consumer-orders-s3-sink-0, groupId=connect-orders-s3-sink] Connection to node 2 (kafka-2.kafka.streaming.internal/10.12.3.44:9092) could not be established. Node may not be available.", "org.apache.kafka.clients.NetworkClient")
    t += dt.timedelta(seconds=R.uniform(30, 60))
tt = T_FULL + dt.timedelta(seconds=62)
emit(CP, tt, "\n".join(["%s ERROR [orders-s3-sink|task-0] WorkerSinkTask{id=orders-s3-sink-0} Commit of offsets threw an unexpected exception for sequence number 2291: {orders-1=OffsetAndMetadata{offset=4418210, leaderEpoch=null, metadata=''}, orders-4=OffsetAndMetadata{offset=4401177, leaderEpoch=null, metadata=''}} (org.apache.kafka.connect.runtime.WorkerSinkTask:267)" % l4j(tt),
                        "org.apache.kafka.clients.consumer.RetriableCommitFailedException: Offset commit failed with a retriable exception. You should retry committing the latest consumed offsets.",
                        "Caused by: org.apache.kafka.common.errors.TimeoutException: Failed to send request after 60000 ms."]))
# pre-existing broken connector + its config change (red herring)
t = T0 + dt.timedelta(seconds=40)
while t < T_END:
    emit(CP, t, "\n".join(["%s ERROR [crm-jdbc-source|task-0] WorkerSourceTask{id=crm-jdbc-source-0} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted (org.apache.kafka.connect.runtime.WorkerTask:234)" % l4j(t),
                           "org.apache.kafka.connect.errors.ConnectException: java.sql.SQLNonTransientConnectionException: Could not create connection to database server. Attempted reconnect 3 times. Giving up.",
                           "\tat io.confluent.connect.jdbc.util.CachedConnectionProvider.getConnection(CachedConnectionProvider.java:69)",
                           "\tat io.confluent.connect.jdbc.source.JdbcSourceTask.poll(JdbcSourceTask.java:404)",
                           "\tat org.apache.kafka.connect.runtime.AbstractWorkerSourceTask.poll(AbstractWorkerSourceTask.java:488)",
                           "\tat org.apache.kafka.connect.runtime.AbstractWorkerSourceTask.execute(AbstractWorkerSourceTask.java:360)",
                           "\tat org.apache.kafka.connect.runtime.WorkerTask.doRun(WorkerTask.java:229)",
                           "\tat java.base/java.lang.Thread.run(Thread.java:840)",
                           "Caused by: java.sql.SQLNonTransientConnectionException: Could not create connection to database server. Attempted reconnect 3 times. Giving up.",
                           "\t... 12 more"]))
    t += dt.timedelta(minutes=R.uniform(6, 9))
tc = dt.datetime(2026, 5, 6, 3, 5, 12, tzinfo=UTC)
conn(tc, "INFO", "", "[Worker clientId=connect-1, groupId=connect-cluster] Connector crm-jdbc-source config updated", "org.apache.kafka.connect.runtime.distributed.DistributedHerder")
conn(tc + dt.timedelta(milliseconds=40), "INFO", "", "[Worker clientId=connect-1, groupId=connect-cluster] Rebalance started", "org.apache.kafka.connect.runtime.distributed.WorkerCoordinator")
conn(tc + dt.timedelta(milliseconds=2100), "INFO", "", "[Worker clientId=connect-1, groupId=connect-cluster] Finished starting connectors and tasks", "org.apache.kafka.connect.runtime.distributed.DistributedHerder")

# ---------------------------------------------------------------- write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
files["stern/order-service_stern_2026-05-06T0250Z.txt"] = stern
for path in sorted(files):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    rows = sorted(files[path], key=lambda x: x[0])
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        for _, line in rows:
            f.write(line + "\n")
