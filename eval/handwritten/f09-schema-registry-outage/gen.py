#!/usr/bin/env python3
"""f09: a Helm upgrade (Recreate strategy) points Schema Registry at a wrong Kafka listener; new pods crash-loop, registry is gone.
Cached clients keep working; a later checkout-service deploy that must register a new schema fails, and a rescaled Flink job can't fetch schemas."""
import datetime as dt
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
R = random.Random(90909)
UTC = dt.timezone.utc
T0 = dt.datetime(2026, 6, 2, 10, 50, 0, tzinfo=UTC)
T_END = dt.datetime(2026, 6, 2, 11, 40, 0, tzinfo=UTC)
T_HELM = dt.datetime(2026, 6, 2, 11, 7, 44, tzinfo=UTC)
T_DOWN = dt.datetime(2026, 6, 2, 11, 7, 46, 310000, tzinfo=UTC)   # old SR pods stop serving
T_FLINK = dt.datetime(2026, 6, 2, 11, 15, 20, tzinfo=UTC)         # flink operator rescale
T_CKDEP = dt.datetime(2026, 6, 2, 11, 24, 3, tzinfo=UTC)          # checkout-service rollout (new schema version)
T_ROLLBACK = dt.datetime(2026, 6, 2, 11, 33, 12, tzinfo=UTC)      # helm rollback
T_SRUP = T_ROLLBACK + dt.timedelta(seconds=19)
files = {}


def emit(path, t, line):
    files.setdefault(path, []).append((t, line))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def l4j(t):
    return t.strftime("[%Y-%m-%d %H:%M:%S,") + "%03d]" % (t.microsecond // 1000)


OLD_SR = ["schema-registry-7d8b9c6f5-hk2wq", "schema-registry-7d8b9c6f5-zp4mn"]
NEW_SR = ["schema-registry-5c9f7d8b6-4rxtl", "schema-registry-5c9f7d8b6-w8q2j"]
FIX_SR = ["schema-registry-7d8b9c6f5-b7nc3", "schema-registry-7d8b9c6f5-m5vkd"]


def sr(pod, t, lvl, msg, logger):
    emit("data-platform/%s/schema-registry.log" % pod, t, "%s %s %s (%s)" % (l4j(t), lvl, msg, logger))


def sr_raw(pod, t, text):
    emit("data-platform/%s/schema-registry.log" % pod, t, text)


def sr_alive(t):
    return t < T_DOWN or t >= T_SRUP


# ---------------------------------------------------------------- schema registry
def sr_access(pod, t, client, req, status, size, ms):
    acc = t.strftime("%d/%b/%Y:%H:%M:%S +0000")
    sr(pod, t, "INFO", '%s - - [%s] "%s HTTP/1.1" %d %d "-" "Java/17.0.11" %d' % (client, acc, req, status, size, ms), "io.confluent.rest-utils.requests")


STARTUP_OK = [("INFO", "SchemaRegistryConfig values: \n\taccess.control.allow.headers = \n\tkafkastore.bootstrap.servers = [SASL_SSL://kafka-0.kafka.data-platform.svc:9093, SASL_SSL://kafka-1.kafka.data-platform.svc:9093, SASL_SSL://kafka-2.kafka.data-platform.svc:9093]\n\tkafkastore.topic = _schemas\n\tleader.eligibility = true\n\tlisteners = [http://0.0.0.0:8081]", "io.confluent.kafka.schemaregistry.rest.SchemaRegistryConfig"),
              ("INFO", "Logging initialized @1432ms to org.eclipse.jetty.util.log.Slf4jLog", "org.eclipse.jetty.util.log"),
              ("INFO", "Initializing KafkaStore with broker endpoints: SASL_SSL://kafka-0.kafka.data-platform.svc:9093,SASL_SSL://kafka-1.kafka.data-platform.svc:9093,SASL_SSL://kafka-2.kafka.data-platform.svc:9093", "io.confluent.kafka.schemaregistry.storage.KafkaStore"),
              ("INFO", "Validating schemas topic _schemas", "io.confluent.kafka.schemaregistry.storage.KafkaStore"),
              ("INFO", "Wait to catch up until the offset at 4471", "io.confluent.kafka.schemaregistry.storage.KafkaStore"),
              ("INFO", "Reached offset at 4471", "io.confluent.kafka.schemaregistry.storage.KafkaStore"),
              ("INFO", "Joining schema registry with Kubernetes-based leader election", "io.confluent.kafka.schemaregistry.storage.KafkaSchemaRegistry"),
              ("INFO", "Finished rebalance with leader election result: Assignment{version=1, error=0, leader='sr-1-%s', leaderIdentity=version=1,host=schema-registry-0,port=8081,scheme=http,leaderEligibility=true}" % hexid(8), "io.confluent.kafka.schemaregistry.leaderelector.kafka.KafkaGroupLeaderElector"),
              ("INFO", "Started o.e.j.s.ServletContextHandler@6a2f6f80{/,null,AVAILABLE}", "org.eclipse.jetty.server.handler.ContextHandler"),
              ("INFO", "Started NetworkTrafficServerConnector@2a7b6f69{HTTP/1.1, (http/1.1, h2c)}{0.0.0.0:8081}", "org.eclipse.jetty.server.AbstractConnector"),
              ("INFO", "Server started, listening for requests...", "io.confluent.kafka.schemaregistry.rest.SchemaRegistryMain")]
for pods, base in ((FIX_SR, T_ROLLBACK),):
    for p in pods:
        for i, (lv, m, lg) in enumerate(STARTUP_OK):
            sr(p, base + dt.timedelta(seconds=1 + i * 1.6), lv, m, lg)
for p in OLD_SR:
    sr(p, T_DOWN - dt.timedelta(seconds=1.3), "INFO", "Shutting down schema registry", "io.confluent.kafka.schemaregistry.rest.SchemaRegistryRestApplication")
    sr(p, T_DOWN - dt.timedelta(seconds=1.2), "INFO", "Stopped NetworkTrafficServerConnector@2a7b6f69{HTTP/1.1, (http/1.1, h2c)}{0.0.0.0:8081}", "org.eclipse.jetty.server.AbstractConnector")
    sr(p, T_DOWN - dt.timedelta(seconds=1.1), "INFO", "Kafka store reader thread shut down", "io.confluent.kafka.schemaregistry.storage.KafkaStoreReaderThread")
    sr(p, T_DOWN - dt.timedelta(seconds=1.0), "INFO", "Kafka store shut down complete", "io.confluent.kafka.schemaregistry.storage.KafkaStore")
CRASH = """{ts} ERROR Error starting the schema registry (io.confluent.kafka.schemaregistry.rest.SchemaRegistryRestApplication)
io.confluent.kafka.schemaregistry.exceptions.SchemaRegistryInitializationException: Error initializing kafka store while initializing schema registry
	at io.confluent.kafka.schemaregistry.storage.KafkaSchemaRegistry.init(KafkaSchemaRegistry.java:367)
	at io.confluent.kafka.schemaregistry.rest.SchemaRegistryRestApplication.initSchemaRegistry(SchemaRegistryRestApplication.java:75)
	at io.confluent.kafka.schemaregistry.rest.SchemaRegistryRestApplication.configureBaseApplication(SchemaRegistryRestApplication.java:97)
	at io.confluent.rest.Application.configureHandler(Application.java:285)
	at io.confluent.rest.ApplicationServer.doStart(ApplicationServer.java:270)
	at org.eclipse.jetty.util.component.AbstractLifeCycle.start(AbstractLifeCycle.java:73)
	at io.confluent.kafka.schemaregistry.rest.SchemaRegistryMain.main(SchemaRegistryMain.java:44)
Caused by: io.confluent.kafka.schemaregistry.storage.exceptions.StoreInitializationException: Timed out trying to create or validate schema topic configuration
	at io.confluent.kafka.schemaregistry.storage.KafkaStore.createOrVerifySchemaTopic(KafkaStore.java:192)
	at io.confluent.kafka.schemaregistry.storage.KafkaStore.init(KafkaStore.java:124)
	at io.confluent.kafka.schemaregistry.storage.KafkaSchemaRegistry.init(KafkaSchemaRegistry.java:365)
	... 6 more
Caused by: java.util.concurrent.TimeoutException
	at java.base/java.util.concurrent.CompletableFuture.timedGet(CompletableFuture.java:1960)
	at java.base/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2095)
	at org.apache.kafka.common.internals.KafkaFutureImpl.get(KafkaFutureImpl.java:180)
	at io.confluent.kafka.schemaregistry.storage.KafkaStore.createOrVerifySchemaTopic(KafkaStore.java:185)
	... 8 more"""
for p in NEW_SR:
    st = T_HELM + dt.timedelta(seconds=4 + R.uniform(0, 2))
    backoff = 10
    while st < T_ROLLBACK:
        sr(p, st, "INFO", "SchemaRegistryConfig values: \n\taccess.control.allow.headers = \n\tkafkastore.bootstrap.servers = [PLAINTEXT://kafka-0.kafka.data-platform.svc:9092, PLAINTEXT://kafka-1.kafka.data-platform.svc:9092, PLAINTEXT://kafka-2.kafka.data-platform.svc:9092]\n\tkafkastore.topic = _schemas\n\tleader.eligibility = true\n\tlisteners = [http://0.0.0.0:8081]", "io.confluent.kafka.schemaregistry.rest.SchemaRegistryConfig")
        sr(p, st + dt.timedelta(seconds=1.2), "INFO", "Initializing KafkaStore with broker endpoints: PLAINTEXT://kafka-0.kafka.data-platform.svc:9092,PLAINTEXT://kafka-1.kafka.data-platform.svc:9092,PLAINTEXT://kafka-2.kafka.data-platform.svc:9092", "io.confluent.kafka.schemaregistry.storage.KafkaStore")
        for k in range(3):
            tw = st + dt.timedelta(seconds=3 + k * 18)
            sr(p, tw, "WARN", "[AdminClient clientId=adminclient-1] Connection to node -%d (kafka-%d.kafka.data-platform.svc/10.40.9.%d:9092) could not be established. Broker may not be available." % (k + 1, k, 21 + k), "org.apache.kafka.clients.NetworkClient")
        te = st + dt.timedelta(seconds=61.5)
        sr_raw(p, te, CRASH.replace("{ts}", l4j(te)))
        st = te + dt.timedelta(seconds=backoff)
        backoff = min(backoff * 2, 300)
# SR background access log (cache misses from clients) while alive
t = T0
while t < T_END:
    t += dt.timedelta(seconds=R.uniform(4, 20))
    if not sr_alive(t):
        continue
    pod = R.choice(OLD_SR if t < T_DOWN else FIX_SR)
    sid = R.choice([1187, 1187, 1192, 1203, 977])
    sr_access(pod, t, "10.40.%d.%d" % (R.randint(3, 8), R.randint(2, 250)), "GET /schemas/ids/%d?fetchMaxId=false&subject=%s" % (sid, R.choice(["orders-value", "payments-value", "customers-value"])), 200, R.randint(900, 3000), R.randint(1, 6))
for p in FIX_SR:
    sr_access(p, T_SRUP + dt.timedelta(seconds=R.uniform(1, 4)), "10.40.6.%d" % R.randint(2, 250), "POST /subjects/orders-value/versions", 200, 9, 41)

# ---------------------------------------------------------------- checkout-service (Micronaut, logback default pattern = time of day only)
OLD_CK = ["checkout-service-6c8d7f9b5-5jq2v", "checkout-service-6c8d7f9b5-v9hmx"]
NEW_CK = ["checkout-service-84b7c5d6f-8wn4k", "checkout-service-84b7c5d6f-rq7zs"]


def mn(pod, t, thread, lvl, logger, msg):
    emit("shop/%s/checkout-service.log" % pod, t, "%s [%s] %-5s %s - %s" % (t.strftime("%H:%M:%S.") + "%03d" % (t.microsecond // 1000), thread, lvl, logger, msg))


REG_TRACE = """org.apache.kafka.common.errors.SerializationException: Error registering Avro schema{"type":"record","name":"OrderPlaced","namespace":"com.acme.events","fields":[{"name":"orderId","type":"string"},{"name":"customerId","type":"string"},{"name":"totalCents","type":"long"},{"name":"currency","type":"string"},{"name":"loyaltyTier","type":["null","string"],"default":null}]}
	at io.confluent.kafka.serializers.AbstractKafkaSchemaSerDe.toKafkaException(AbstractKafkaSchemaSerDe.java:805)
	at io.confluent.kafka.serializers.AbstractKafkaAvroSerializer.serializeImpl(AbstractKafkaAvroSerializer.java:162)
	at io.confluent.kafka.serializers.KafkaAvroSerializer.serialize(KafkaAvroSerializer.java:68)
	at org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:1015)
	at org.apache.kafka.clients.producer.KafkaProducer.send(KafkaProducer.java:962)
	at io.micronaut.configuration.kafka.intercept.KafkaClientIntroductionAdvice.intercept(KafkaClientIntroductionAdvice.java:158)
	at com.acme.checkout.events.$OrderEventsClient$Intercepted.orderPlaced(Unknown Source)
	at com.acme.checkout.service.OrderService.place(OrderService.kt:88)
	at com.acme.checkout.api.CheckoutController.placeOrder(CheckoutController.kt:41)
Caused by: java.net.ConnectException: Connection refused
	at java.base/sun.nio.ch.Net.pollConnect(Native Method)
	at java.base/sun.nio.ch.Net.pollConnectNow(Net.java:682)
	at java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:542)
	at java.base/java.net.Socket.connect(Socket.java:752)
	at java.base/sun.net.www.http.HttpClient.openServer(HttpClient.java:532)
	at io.confluent.kafka.schemaregistry.client.rest.RestService.sendHttpRequest(RestService.java:281)
	at io.confluent.kafka.schemaregistry.client.rest.RestService.httpRequest(RestService.java:390)
	at io.confluent.kafka.schemaregistry.client.rest.RestService.registerSchema(RestService.java:611)
	at io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient.registerAndGetId(CachedSchemaRegistryClient.java:311)
	at io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient.register(CachedSchemaRegistryClient.java:424)
	at io.confluent.kafka.serializers.AbstractKafkaAvroSerializer.serializeImpl(AbstractKafkaAvroSerializer.java:126)
	... 7 common frames omitted"""
t = T0
while t < T_END:
    t += dt.timedelta(seconds=R.expovariate(2.0))
    newver = t >= T_CKDEP + dt.timedelta(seconds=35)
    pod = R.choice(NEW_CK if newver else OLD_CK)
    th = "default-nioEventLoopGroup-1-%d" % R.randint(1, 8)
    oid = "O-%s" % hexid(10).upper()
    if R.random() < 0.6:
        if newver and not sr_alive(t):
            te = t + dt.timedelta(milliseconds=R.uniform(2, 8))
            mn(pod, te, th, "ERROR", "i.m.http.server.RouteExecutor", "Unexpected error occurred: Error registering Avro schema{\"type\":\"record\",\"name\":\"OrderPlaced\",...}")
            emit("shop/%s/checkout-service.log" % pod, te + dt.timedelta(microseconds=5), REG_TRACE)
            mn(pod, te + dt.timedelta(microseconds=10), th, "WARN", "c.a.checkout.api.AccessLog", 'POST /api/v1/checkout/orders 500 %dms order=%s' % (int((te - t).total_seconds() * 1000) + 1, oid))
            continue
        te = t + dt.timedelta(milliseconds=R.uniform(20, 70))
        mn(pod, te - dt.timedelta(milliseconds=1), th, "INFO", "c.a.checkout.service.OrderService", "order placed order=%s items=%d total=%d EUR" % (oid, R.randint(1, 5), R.randint(9, 400)))
        mn(pod, te, th, "INFO", "c.a.checkout.api.AccessLog", 'POST /api/v1/checkout/orders 201 %dms order=%s' % (int((te - t).total_seconds() * 1000), oid))
    else:
        te = t + dt.timedelta(milliseconds=R.uniform(5, 25))
        mn(pod, te, th, "INFO", "c.a.checkout.api.AccessLog", "GET /api/v1/checkout/session 200 %dms" % int((te - t).total_seconds() * 1000))
    if R.random() < 0.01:
        mn(pod, t, "scheduled-executor-thread-1", "WARN", "c.a.checkout.promo.PromoCache", "promo feed refresh took %d ms (> 2000 ms budget)" % R.randint(2100, 3900))
for i, p in enumerate(NEW_CK):
    ts = T_CKDEP + dt.timedelta(seconds=8 + i * 12)
    for k, (th, lg, m) in enumerate([("main", "io.micronaut.runtime.Micronaut", "Startup completed in 1874ms. Server Running: http://checkout-service-84b7c5d6f:8080"),
                                     ("main", "c.a.checkout.Application", "checkout-service 5.3.0 (git 7be21f0) - OrderPlaced schema v5 (adds loyaltyTier), auto.register.schemas=true"),
                                     ("kafka-producer-network-thread | checkout-producer", "o.a.kafka.clients.Metadata", "[Producer clientId=checkout-producer] Cluster ID: 8c1yV3q2TQ2x1f8o0L4eWA")]):
        mn(p, ts + dt.timedelta(milliseconds=300 * k), th, "INFO", lg, m)
for i, p in enumerate(OLD_CK):
    ts = T_CKDEP + dt.timedelta(seconds=36 + i * 12)
    mn(p, ts, "shutdownHook", "INFO", "io.micronaut.runtime.Micronaut", "Embedded Application shutting down")

# ---------------------------------------------------------------- Flink fraud-scoring (jobmanager + taskmanagers)
JM = "streaming/fraud-scoring-7f6b8d9c4-jx2lp/flink-main-container.log"
TMS_OLD = ["fraud-scoring-taskmanager-1-1", "fraud-scoring-taskmanager-1-2"]
TMS_NEW = ["fraud-scoring-taskmanager-2-1", "fraud-scoring-taskmanager-2-2", "fraud-scoring-taskmanager-2-3"]
JOBID = hexid(32)


def fl(path, t, lvl, logger, msg):
    emit(path, t, "%s %-5s %s [] - %s" % (t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000), lvl, logger, msg))


t = T0 + dt.timedelta(seconds=30)
cp = 18211
while t < T_FLINK:
    cp += 1
    fl(JM, t, "INFO", "org.apache.flink.runtime.checkpoint.CheckpointCoordinator", "Triggering checkpoint %d (type=CheckpointType{name='Checkpoint', sharingFilesStrategy=FORWARD_BACKWARD}) @ %d for job %s." % (cp, int(t.timestamp() * 1000), JOBID))
    fl(JM, t + dt.timedelta(milliseconds=R.randint(400, 1400)), "INFO", "org.apache.flink.runtime.checkpoint.CheckpointCoordinator", "Completed checkpoint %d for job %s (%d bytes, checkpointDuration=%d ms, finalizationTime=%d ms)." % (cp, JOBID, R.randint(2000000, 9000000), R.randint(400, 1400), R.randint(1, 9)))
    t += dt.timedelta(seconds=60)
fl(JM, T_FLINK, "INFO", "org.apache.flink.runtime.scheduler.adaptive.AdaptiveScheduler", "Rescaling job %s from parallelism 4 to 6 (triggered by resource requirements update)." % JOBID)
fl(JM, T_FLINK + dt.timedelta(seconds=1), "INFO", "org.apache.flink.runtime.executiongraph.ExecutionGraph", "Job fraud-scoring (%s) switched from state RUNNING to CANCELLING." % JOBID)
fl(JM, T_FLINK + dt.timedelta(seconds=3), "INFO", "org.apache.flink.runtime.executiongraph.ExecutionGraph", "Job fraud-scoring (%s) switched from state CANCELLING to CANCELED." % JOBID)
attempt = 0
t = T_FLINK + dt.timedelta(seconds=22)
FAIL = """{ts} WARN  org.apache.flink.runtime.taskmanager.Task [] - Source: orders-avro[1] -> Map[2] -> FraudScore[3] -> Sink: alerts[4] ({n}/6)#{a} ({aid}) switched from RUNNING to FAILED with failure cause:
org.apache.kafka.common.errors.SerializationException: Error retrieving Avro value schema for id 1203
	at io.confluent.kafka.serializers.AbstractKafkaSchemaSerDe.toKafkaException(AbstractKafkaSchemaSerDe.java:805)
	at io.confluent.kafka.serializers.AbstractKafkaAvroDeserializer$DeserializationContext.schemaFromRegistry(AbstractKafkaAvroDeserializer.java:415)
	at io.confluent.kafka.serializers.AbstractKafkaAvroDeserializer.deserialize(AbstractKafkaAvroDeserializer.java:163)
	at org.apache.flink.formats.avro.registry.confluent.ConfluentSchemaRegistryCoder.readSchema(ConfluentSchemaRegistryCoder.java:70)
	at org.apache.flink.formats.avro.RegistryAvroDeserializationSchema.deserialize(RegistryAvroDeserializationSchema.java:73)
	at org.apache.flink.connector.kafka.source.reader.deserializer.KafkaValueOnlyDeserializationSchemaWrapper.deserialize(KafkaValueOnlyDeserializationSchemaWrapper.java:51)
	at org.apache.flink.connector.kafka.source.reader.KafkaRecordEmitter.emitRecord(KafkaRecordEmitter.java:53)
	at org.apache.flink.streaming.runtime.tasks.StreamTask.runMailboxLoop(StreamTask.java:917)
	at org.apache.flink.runtime.taskmanager.Task.run(Task.java:568)
	at java.base/java.lang.Thread.run(Thread.java:840)
Caused by: java.net.ConnectException: Connection refused
	at java.base/sun.nio.ch.Net.pollConnect(Native Method)
	at java.base/java.net.Socket.connect(Socket.java:752)
	at io.confluent.kafka.schemaregistry.client.rest.RestService.sendHttpRequest(RestService.java:281)
	at io.confluent.kafka.schemaregistry.client.rest.RestService.getId(RestService.java:968)
	at io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient.getSchemaByIdFromRegistry(CachedSchemaRegistryClient.java:295)
	... 14 more"""
while t < T_END:
    attempt += 1
    fl(JM, t, "INFO", "org.apache.flink.runtime.executiongraph.ExecutionGraph", "Job fraud-scoring (%s) switched from state %s to RUNNING." % (JOBID, "CREATED" if attempt == 1 else "RESTARTING"))
    if sr_alive(t):
        for tm in TMS_NEW:
            fl("streaming/%s/flink-main-container.log" % tm, t + dt.timedelta(seconds=1), "INFO", "org.apache.flink.runtime.taskmanager.Task", "Source: orders-avro[1] -> Map[2] -> FraudScore[3] -> Sink: alerts[4] (%d/6)#%d (%s) switched from INITIALIZING to RUNNING." % (TMS_NEW.index(tm) + 1, attempt, hexid(32)))
        cp += 1
        tt = t + dt.timedelta(seconds=30)
        while tt < T_END:
            cp += 1
            fl(JM, tt, "INFO", "org.apache.flink.runtime.checkpoint.CheckpointCoordinator", "Completed checkpoint %d for job %s (%d bytes, checkpointDuration=%d ms, finalizationTime=%d ms)." % (cp, JOBID, R.randint(2000000, 9000000), R.randint(400, 1400), R.randint(1, 9)))
            tt += dt.timedelta(seconds=60)
        break
    tm = R.choice(TMS_NEW)
    tf = t + dt.timedelta(seconds=R.uniform(1.5, 3))
    emit("streaming/%s/flink-main-container.log" % tm, tf, FAIL.replace("{ts}", tf.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (tf.microsecond // 1000)).replace("{n}", str(TMS_NEW.index(tm) + 1)).replace("{a}", str(attempt)).replace("{aid}", hexid(32)))
    fl(JM, tf + dt.timedelta(milliseconds=40), "INFO", "org.apache.flink.runtime.executiongraph.ExecutionGraph", "Job fraud-scoring (%s) switched from state RUNNING to RESTARTING." % JOBID)
    fl(JM, tf + dt.timedelta(milliseconds=41), "INFO", "org.apache.flink.runtime.jobmaster.JobMaster", "Trying to recover from a global failure.\norg.apache.kafka.common.errors.SerializationException: Error retrieving Avro value schema for id 1203")
    t = tf + dt.timedelta(seconds=10)
for tm in TMS_OLD:
    fl("streaming/%s/flink-main-container.log" % tm, T0 + dt.timedelta(seconds=R.uniform(5, 20)), "INFO", "org.apache.flink.runtime.taskexecutor.TaskExecutor", "Successful registration at resource manager akka.tcp://flink@fraud-scoring.streaming:6123/user/rpc/resourcemanager_0 under registration id %s." % hexid(32))
    fl("streaming/%s/flink-main-container.log" % tm, T_FLINK + dt.timedelta(seconds=2), "INFO", "org.apache.flink.runtime.taskmanager.Task", "Source: orders-avro[1] -> Map[2] -> FraudScore[3] -> Sink: alerts[4] (%d/4)#0 switched from RUNNING to CANCELED." % (TMS_OLD.index(tm) + 1))
    fl("streaming/%s/flink-main-container.log" % tm, T_FLINK + dt.timedelta(seconds=6), "INFO", "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "RECEIVED SIGNAL 15: SIGTERM. Shutting down as requested.")

# ---------------------------------------------------------------- helm history (operator's local time, CEST) and a red-herring kafka note
HH = ["REVISION\tUPDATED                 \tSTATUS    \tCHART                  \tAPP VERSION\tDESCRIPTION     ",
      "11      \tTue Apr 14 16:21:09 2026\tsuperseded\tschema-registry-0.9.4  \t7.6.1      \tUpgrade complete",
      "12      \tThu May  7 10:02:55 2026\tsuperseded\tschema-registry-0.9.6  \t7.6.1      \tUpgrade complete",
      "13      \tMon May 25 15:47:31 2026\tsuperseded\tschema-registry-0.10.0 \t7.6.2      \tUpgrade complete",
      "14      \tTue Jun  2 13:07:44 2026\tsuperseded\tschema-registry-0.10.1 \t7.6.2      \tUpgrade complete",
      "15      \tTue Jun  2 13:33:12 2026\tdeployed  \tschema-registry-0.10.0 \t7.6.2      \tRollback to 13  "]
emit("helm/helm-history-schema-registry-n-data-platform.txt", T_END, "\n".join(HH))

# ---------------------------------------------------------------- write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
for path in sorted(files):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    rows = sorted(files[path], key=lambda x: x[0])
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        for _, line in rows:
            f.write(line + "\n")
