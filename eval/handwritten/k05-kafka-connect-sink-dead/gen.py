#!/usr/bin/env python3
"""k05: someone PUTs a new config for the Kafka Connect Elasticsearch sink (batch.size
2000 -> 20000) at 07:58:31. Normal traffic keeps batches small, but when catalog-service's
bulk price update (right after its own deploy) floods catalog.product-updates, the first
full bulk request exceeds http.max_content_length and Elasticsearch answers 413. The sink
task dies ('will not recover until manually restarted') at 08:03 and from then on nothing
is logged about it. The products index goes stale: search-api freshness warnings,
cart-api rejects add-to-cart with 409 price_changed/out_of_stock (noisy victim, client
retries), storefront shows the 409s. Kafka broker logs the consumer leaving its group.
Python 3 standard library only; fixed seed; rewrites logs/ beside itself."""
import json
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

SLUG = "k05-kafka-connect-sink-dead"
OUT = Path(__file__).resolve().parent / "logs"
rng = random.Random(310)
UTC = timezone.utc
BASE = datetime(2026, 3, 10, 7, 30, 0, tzinfo=UTC)
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


def hexid(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


CONFIG_PUT = 28 * 60 + 31.2          # 07:58:31
CATALOG_DEPLOY = 31 * 60 + 10.0      # 08:01:10
BULK_START = 32 * 60 + 30.0          # 08:02:30
BULK_END = BULK_START + 171.0
TASK_DEAD = 33 * 60 + 2.4            # 08:03:02.4 (first full batch)
LAST_INDEXED = TASK_DEAD - 1.9


def staleness(t):
    """fraction of products whose search doc no longer matches the source of truth"""
    if t < TASK_DEAD:
        return 0.002
    if t < BULK_END:
        frac = 0.02 + 0.55 * (t - TASK_DEAD) / (BULK_END - TASK_DEAD)
    else:
        frac = 0.57 + 0.0004 * (t - BULK_END) / 60
    return min(0.62, frac)


# ------------------------------------------------------------------ writers
def connect(worker, t, level, ctx, msg, src, exc=None):
    d = dt(t)
    s = "[%s,%03d] %s %s%s (%s)" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level, ctx, msg, src)
    if exc:
        s += "\n" + exc
    emit("kafka-connect/%s.log" % worker, t, s)


def broker(b, t, level, msg, src):
    d = dt(t)
    emit("kafka/kafka-%d/server.log" % b, t, "[%s,%03d] %s %s (%s)" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level, msg, src))


def es(t, level, logger, msg, node="products-es-0"):
    rec = {"@timestamp": iso_ms(t), "log.level": level, "message": msg, "ecs.version": "1.2.0",
           "service.name": "ES_ECS", "event.dataset": "elasticsearch.server", "process.thread.name": "elasticsearch[%s][%s][T#%d]" % (node, rng.choice(["scheduler", "generic", "management"]), rng.randint(1, 4)),
           "log.logger": logger, "elasticsearch.cluster.uuid": "Xq2l9rTfQ1K8cJ2h3yQ1ZA", "elasticsearch.node.id": "dK3r9BvNS0WcJtq6xYzE1g" if node.endswith("0") else "pA7nQ2LmT4uH8sVw1eRf9c",
           "elasticsearch.node.name": node, "elasticsearch.cluster.name": "products-es"}
    emit("products-es/%s.json" % node, t, json.dumps(rec, separators=(",", ":")))


def logback(pod, t, level, thread, logger, msg, exc=None):
    d = dt(t)
    s = "%s.%03dZ %5s 1 --- [catalog-service] [%15s] %-40s : %s" % (
        d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond // 1000, level, thread[-15:], logger[-40:], msg)
    if exc:
        s += "\n" + exc
    emit("catalog-service/%s.log" % pod, t, s)


def logrus(pod, t, level, msg, **kv):
    rec = {"level": level, "msg": msg}
    rec.update(kv)
    rec["time"] = dt(t).strftime("%Y-%m-%dT%H:%M:%SZ")
    emit("search-api/%s.log" % pod, t, json.dumps(rec, separators=(",", ":")))


def fluent(pod, t, level, name, message, **extra):
    d = dt(t)
    inner = {"asctime": "%s,%03d" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000), "levelname": level, "name": name, "message": message}
    inner.update(extra)
    rec = {"date": round(d.timestamp(), 6), "log": json.dumps(inner, separators=(", ", ": ")) + "\n", "stream": "stderr",
           "time": d.strftime("%Y-%m-%dT%H:%M:%S.%f") + "%03dZ" % rng.randint(0, 999),
           "kubernetes": {"pod_name": pod, "namespace_name": "shop", "pod_id": POD_UID[pod], "labels": {"app": "cart-api", "pod-template-hash": pod.split("-")[2]},
                          "host": NODE[pod], "container_name": "cart-api", "docker_id": DOCKER[pod],
                          "container_hash": "registry.example.com/shop/cart-api@sha256:6c1f0e2a9d8b7c4f3e2d1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d",
                          "container_image": "registry.example.com/shop/cart-api:2.40.1"}}
    emit("cart-api/%s.json" % pod, t, json.dumps(rec, separators=(",", ":")))


def caddy(t, method, uri, status, dur, size, client, ua):
    d = dt(t)
    rec = {"level": "info", "ts": round(d.timestamp() + dur, 6), "logger": "http.log.access.log0", "msg": "handled request",
           "request": {"remote_ip": client, "remote_port": str(rng.randint(1024, 65535)), "client_ip": client, "proto": "HTTP/2.0",
                       "method": method, "host": "shop.example.com", "uri": uri,
                       "headers": {"User-Agent": [ua], "Accept": ["application/json"], "Accept-Encoding": ["gzip, deflate, br"]},
                       "tls": {"resumed": rng.random() < 0.6, "version": 772, "cipher_suite": 4865, "proto": "h2", "server_name": "shop.example.com"}},
           "bytes_read": 0 if method == "GET" else rng.randint(60, 300), "user_id": "", "duration": round(dur, 9), "size": size, "status": status,
           "resp_headers": {"Server": ["Caddy"], "Content-Type": ["application/json"]}}
    emit("storefront/caddy-access.log", t + dur, json.dumps(rec, separators=(",", ":")))


# ------------------------------------------------------------------ pods
CART = ["cart-api-7d6c5b9f8-4xqkp", "cart-api-7d6c5b9f8-tm2wz"]
POD_UID = {p: uuid4() for p in CART}
NODE = {CART[0]: "ip-10-1-21-77.eu-central-1.compute.internal", CART[1]: "ip-10-1-34-12.eu-central-1.compute.internal"}
DOCKER = {p: hexid(64) for p in CART}
SEARCH = ["search-api-6b7f9d8c5-8hv2m", "search-api-6b7f9d8c5-rn4qx"]
CAT_OLD = "catalog-service-5c9d7f6b8-mz2xk"
CAT_NEW = "catalog-service-74f8b6c9d-qw7pl"
UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3.1 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Linux; Android 14; SM-G991B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.6261.64 Mobile Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36"]
CLIENTS = ["%d.%d.%d.%d" % (rng.choice([31, 46, 80, 84, 93, 178, 212]), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254)) for _ in range(500)]
SKUS = ["%07d" % rng.randint(1000000, 9999999) for _ in range(1500)]
QUERIES = ["sneakers", "winter jacket", "desk lamp", "yoga mat", "coffee grinder", "backpack", "running shoes", "throw pillow", "cast iron pan", "headphones"]

CONNECT_CFG = """	batch.size = 20000
	behavior.on.malformed.documents = FAIL
	behavior.on.null.values = FAIL
	bulk.size.bytes = 5242880
	compact.map.entries = true
	connection.compression = false
	connection.password = [hidden]
	connection.timeout.ms = 1000
	connection.url = [http://products-es.search.svc.cluster.local:9200]
	connection.username = connect_writer
	data.stream.dataset = 
	data.stream.type = NONE
	drop.invalid.message = false
	flush.synchronously = false
	flush.timeout.ms = 180000
	key.ignore = false
	linger.ms = 1000
	max.buffered.records = 40000
	max.connection.idle.time.ms = 60000
	max.in.flight.requests = 5
	max.retries = 5
	read.timeout.ms = 3000
	retry.backoff.ms = 100
	schema.ignore = true
	write.method = UPSERT"""

ES_STACK = """org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.
	at org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java:632)
	at org.apache.kafka.connect.runtime.WorkerSinkTask.poll(WorkerSinkTask.java:350)
	at org.apache.kafka.connect.runtime.WorkerSinkTask.iteration(WorkerSinkTask.java:250)
	at org.apache.kafka.connect.runtime.WorkerSinkTask.execute(WorkerSinkTask.java:219)
	at org.apache.kafka.connect.runtime.WorkerTask.doRun(WorkerTask.java:204)
	at org.apache.kafka.connect.runtime.WorkerTask.run(WorkerTask.java:259)
	at org.apache.kafka.connect.runtime.isolation.Plugins.lambda$withClassLoader$1(Plugins.java:236)
	at java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:539)
	at java.base/java.util.concurrent.FutureTask.run(FutureTask.java:264)
	at java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)
	at java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)
	at java.base/java.lang.Thread.run(Thread.java:840)
Caused by: org.apache.kafka.connect.errors.ConnectException: Bulk request failed
	at io.confluent.connect.elasticsearch.ElasticsearchClient$1.afterBulk(ElasticsearchClient.java:442)
	at org.elasticsearch.action.bulk.BulkRequestHandler$1.onFailure(BulkRequestHandler.java:64)
	at org.elasticsearch.action.ActionListener$Delegating.onFailure(ActionListener.java:66)
	at org.elasticsearch.action.ActionListener$RunAfterActionListener.onFailure(ActionListener.java:350)
	at org.elasticsearch.action.bulk.Retry$RetryHandler.onFailure(Retry.java:130)
	at io.confluent.connect.elasticsearch.ElasticsearchClient.lambda$null$1(ElasticsearchClient.java:216)
	... 5 more
Caused by: org.elasticsearch.client.ResponseException: method [POST], host [http://products-es.search.svc.cluster.local:9200], URI [/_bulk?timeout=1m], status line [HTTP/1.1 413 Request Entity Too Large]
	at org.elasticsearch.client.RestClient.convertResponse(RestClient.java:347)
	at org.elasticsearch.client.RestClient.performRequest(RestClient.java:313)
	at org.elasticsearch.client.RestClient.performRequest(RestClient.java:288)
	at org.elasticsearch.client.RestHighLevelClient.internalPerformRequest(RestHighLevelClient.java:2699)
	at org.elasticsearch.client.RestHighLevelClient.performRequest(RestHighLevelClient.java:2171)
	at org.elasticsearch.client.RestHighLevelClient.performRequestAndParseEntity(RestHighLevelClient.java:2137)
	at org.elasticsearch.client.RestHighLevelClient.bulk(RestHighLevelClient.java:620)
	at io.confluent.connect.elasticsearch.ElasticsearchClient.lambda$null$1(ElasticsearchClient.java:212)
	at io.confluent.connect.elasticsearch.RetryUtil.callWithRetries(RetryUtil.java:119)
	... 6 more"""


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)

    # ---------------- user traffic through Caddy
    t = 0.0
    while t < END:
        t += rng.expovariate(1.25)
        if t >= END:
            break
        client = rng.choice(CLIENTS)
        ua = rng.choice(UAS)
        r = rng.random()
        if r < 0.45:
            q = rng.choice(QUERIES)
            pod = rng.choice(SEARCH)
            took = rng.randint(4, 28)
            hits = rng.randint(20, 900)
            d = took / 1000 + rng.uniform(0.002, 0.01)
            logrus(pod, t + d, "info", "search", q=q, page=1, hits=hits, took_ms=int(d * 1000), es_took_ms=took, status=200, request_id=uuid4())
            caddy(t, "GET", "/api/search?q=%s&page=1" % q.replace(" ", "+"), 200, d + 0.0008, rng.randint(8000, 40000), client, ua)
        elif r < 0.7:
            sku = rng.choice(SKUS)
            pod = rng.choice(SEARCH)
            d = rng.uniform(0.004, 0.02)
            logrus(pod, t + d, "info", "product lookup", sku=sku, source="products", took_ms=int(d * 1000), status=200, request_id=uuid4())
            caddy(t, "GET", "/api/products/%s" % sku, 200, d + 0.0008, rng.randint(2000, 9000), client, ua)
        elif r < 0.93:
            # add to cart from a search/product page
            sku = rng.choice(SKUS)
            rid = uuid4()
            tt = t
            for attempt in range(3):
                pod = rng.choice(CART)
                d = rng.uniform(0.012, 0.05)
                stale = rng.random() < staleness(tt)
                if not stale:
                    fluent(pod, tt + d, "INFO", "cart.api", "item added", request_id=rid, sku=sku, qty=1, cart_id="crt_" + hexid(10))
                    caddy(tt, "POST", "/api/cart/items", 201, d + 0.001, rng.randint(700, 2200), client, ua)
                    break
                if rng.random() < 0.75:
                    shown = round(rng.uniform(9, 180), 2)
                    cur = round(shown * rng.uniform(0.7, 0.92), 2)
                    fluent(pod, tt + d, "WARNING", "cart.pricing", "price mismatch: client price %.2f != current price %.2f for sku %s" % (shown, cur, sku),
                           request_id=rid, sku=sku, reason="price_changed")
                else:
                    fluent(pod, tt + d, "WARNING", "cart.inventory", "rejecting add: sku %s out of stock (requested=1, available=0)" % sku,
                           request_id=rid, sku=sku, reason="out_of_stock")
                caddy(tt, "POST", "/api/cart/items", 409, d + 0.001, 96, client, ua)
                # SPA refetches the product from search-api (still stale) and retries
                spod = rng.choice(SEARCH)
                tt += d + rng.uniform(0.3, 0.9)
                logrus(spod, tt + 0.008, "info", "product lookup", sku=sku, source="products", took_ms=8, status=200, request_id=uuid4())
                caddy(tt, "GET", "/api/products/%s" % sku, 200, 0.009, rng.randint(2000, 9000), client, ua)
                tt += rng.uniform(0.2, 0.6)
            else:
                fluent(rng.choice(CART), tt, "ERROR", "cart.api", "add-to-cart failed after client retries; cart line rejected 3 times", request_id=rid, sku=sku)
        else:
            pod = rng.choice(CART)
            d = rng.uniform(0.01, 0.03)
            fluent(pod, t + d, "INFO", "cart.api", "cart fetched", cart_id="crt_" + hexid(10), lines=rng.randint(0, 6))
            caddy(t, "GET", "/api/cart", 200, d + 0.0008, rng.randint(300, 3000), client, ua)

    # static assets
    t = 0.0
    while t < END:
        t += rng.expovariate(0.3)
        caddy(t, "GET", rng.choice(["/_app/immutable/entry/start.3f9c1a2e.js", "/_app/immutable/assets/0.8d7e6c5b.css", "/favicon.png", "/"]),
              200, rng.uniform(0.0003, 0.004), rng.randint(1500, 90000), rng.choice(CLIENTS), rng.choice(UAS))

    # ---------------- search-api freshness checker
    for pod in SEARCH:
        t = rng.uniform(0, 60)
        while t < END:
            newest = min(t, LAST_INDEXED) if t >= TASK_DEAD else t - rng.uniform(0.5, 6)
            age = t - newest
            if age > 900:
                logrus(pod, t, "error", "search index stale beyond SLO", index="products", newest_doc_age_s=int(age), slo_s=900, newest_updated_at=dt(newest).strftime("%Y-%m-%dT%H:%M:%SZ"))
            elif age > 300:
                logrus(pod, t, "warning", "search index freshness degraded", index="products", newest_doc_age_s=int(age), threshold_s=300)
            else:
                logrus(pod, t, "info", "freshness check ok", index="products", newest_doc_age_s=int(age))
            t += 60
        t = rng.uniform(50, 300)
        while t < END:
            est = rng.randint(850, 2300)
            logrus(pod, t, "warning", "slow query", q=rng.choice(QUERIES), took_ms=est + rng.randint(3, 40), es_took_ms=est, reason="wildcard prefix on name.ngram")
            t += rng.uniform(300, 800)

    # cart-api pre-existing: redis latency warnings and a recurring promo error
    for pod in CART:
        t = rng.uniform(30, 200)
        while t < END:
            fluent(pod, t, "ERROR", "cart.promotions", "promotion service returned 500 for code WINTER24, applying no discount", code="WINTER24")
            t += rng.uniform(200, 600)

    # ---------------- kafka-connect workers
    W = {"connect-0": "10.1.4.11", "connect-1": "10.1.5.23"}
    for w, ip in W.items():
        t = rng.uniform(0, 30)
        while t < END:
            d = dt(t)
            connect(w, t, "INFO", "", '10.1.9.40 - - [%s] "GET /connectors?expand=status&expand=info HTTP/1.1" 200 %d "-" "kafka-connect-exporter/0.4.1" %d' % (d.strftime("%d/%b/%Y:%H:%M:%S +0000"), rng.randint(3100, 3300), rng.randint(3, 19)),
                    "org.apache.kafka.connect.runtime.rest.RestServer:62")
            t += 30
        part = 0 if w == "connect-0" else 1
        t = rng.uniform(0, 120)
        off = 1848121 + part * 17
        while t < END:
            for p in (part * 3, part * 3 + 1, part * 3 + 2):
                off += rng.randint(40, 160)
                connect(w, t + 0.01 * p, "INFO", "[s3-sink-orders|task-%d] " % part, "Files committed to S3. Target commit offset for orders.events-%d is %d" % (p, off),
                        "io.confluent.connect.s3.TopicPartitionWriter:1080")
            t += 600 / 4
        t = rng.uniform(600, 1300)
        while t < END:
            connect(w, t, "WARN", "[s3-sink-orders|task-%d] " % part, "Retrying multipart upload for orders.events/year=2026/month=03/day=10/hour=%02d part after SdkClientException: Unable to execute HTTP request: Read timed out" % dt(t).hour,
                    "io.confluent.connect.s3.storage.S3OutputStream:202")
            t += rng.uniform(900, 1500)
    # config change (07:58:31) on the leader connect-0 + rebalance; es task runs on connect-1
    tc = CONFIG_PUT
    d = dt(tc)
    connect("connect-0", tc + 0.09, "INFO", "", '10.1.7.22 - - [%s] "PUT /connectors/es-sink-products/config HTTP/1.1" 200 1647 "-" "curl/8.5.0" 88' % d.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "org.apache.kafka.connect.runtime.rest.RestServer:62")
    connect("connect-0", tc + 0.05, "INFO", "", "[Worker clientId=connect-0, groupId=connect-cluster] Connector es-sink-products config updated", "org.apache.kafka.connect.runtime.distributed.DistributedHerder:2387")
    for w in W:
        connect(w, tc + 0.12, "INFO", "", "[Worker clientId=%s, groupId=connect-cluster] Rebalance started" % w, "org.apache.kafka.connect.runtime.distributed.WorkerCoordinator:242")
        connect(w, tc + 0.12, "INFO", "", "[Worker clientId=%s, groupId=connect-cluster] (Re-)joining group" % w, "org.apache.kafka.clients.consumer.internals.AbstractCoordinator:576")
        connect(w, tc + 0.19, "INFO", "", "[Worker clientId=%s, groupId=connect-cluster] Successfully joined group with generation Generation{generationId=58, memberId='%s-%s', protocol='sessioned'}" % (w, w, uuid4()), "org.apache.kafka.clients.consumer.internals.AbstractCoordinator:637")
        connect(w, tc + 0.21, "INFO", "", "[Worker clientId=%s, groupId=connect-cluster] Successfully synced group in generation Generation{generationId=58, memberId='%s-%s', protocol='sessioned'}" % (w, w, uuid4()), "org.apache.kafka.clients.consumer.internals.AbstractCoordinator:812")
    connect("connect-1", tc + 0.22, "INFO", "", "[Worker clientId=connect-1, groupId=connect-cluster] Joined group at generation 58 with protocol version 2 and got assignment: Assignment{error=0, leader='connect-0-7d1e2c3b-5a6f-4e8d-9c0b-1a2b3c4d5e6f', leaderUrl='http://10.1.4.11:8083/', offset=912, connectorIds=[es-sink-products], taskIds=[es-sink-products-0, s3-sink-orders-1], revokedConnectorIds=[], revokedTaskIds=[], delay=0} with rebalance delay: 0",
            "org.apache.kafka.connect.runtime.distributed.DistributedHerder:2580")
    connect("connect-1", tc + 0.25, "INFO", "[es-sink-products|task-0] ", "Stopping task es-sink-products-0", "org.apache.kafka.connect.runtime.Worker:1016")
    connect("connect-1", tc + 0.9, "INFO", "[es-sink-products|task-0] ", "[Consumer clientId=connector-consumer-es-sink-products-0, groupId=connect-es-sink-products] Revoke previously assigned partitions catalog.product-updates-0, catalog.product-updates-1, catalog.product-updates-2, catalog.product-updates-3, catalog.product-updates-4, catalog.product-updates-5",
            "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator:333")
    connect("connect-1", tc + 1.1, "INFO", "", "[Worker clientId=connect-1, groupId=connect-cluster] Starting task es-sink-products-0", "org.apache.kafka.connect.runtime.distributed.DistributedHerder:1826")
    connect("connect-1", tc + 1.11, "INFO", "[es-sink-products|task-0] ", "Creating task es-sink-products-0", "org.apache.kafka.connect.runtime.Worker:599")
    connect("connect-1", tc + 1.15, "INFO", "[es-sink-products|task-0] ", "ElasticsearchSinkConnectorConfig values: \n" + CONNECT_CFG, "io.confluent.connect.elasticsearch.ElasticsearchSinkConnectorConfig:376")
    connect("connect-1", tc + 1.9, "INFO", "[es-sink-products|task-0] ", "WorkerSinkTask{id=es-sink-products-0} Sink task finished initialization and start", "org.apache.kafka.connect.runtime.WorkerSinkTask:330")
    connect("connect-1", tc + 1.95, "INFO", "[es-sink-products|task-0] ", "[Consumer clientId=connector-consumer-es-sink-products-0, groupId=connect-es-sink-products] Subscribed to topic(s): catalog.product-updates", "org.apache.kafka.clients.consumer.KafkaConsumer:1004")
    connect("connect-1", tc + 2.4, "INFO", "[es-sink-products|task-0] ", "[Consumer clientId=connector-consumer-es-sink-products-0, groupId=connect-es-sink-products] Adding newly assigned partitions: catalog.product-updates-0, catalog.product-updates-1, catalog.product-updates-2, catalog.product-updates-3, catalog.product-updates-4, catalog.product-updates-5",
            "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator:284")
    # failure (08:03:02) -- only a handful of lines, then silence
    tf = TASK_DEAD
    connect("connect-1", tf - 0.8, "WARN", "[es-sink-products|task-0] ", "Bulk request 1871 failed. Retrying request.", "io.confluent.connect.elasticsearch.ElasticsearchClient:398")
    connect("connect-1", tf, "ERROR", "[es-sink-products|task-0] ", "Failed to execute bulk request due to 'org.elasticsearch.client.ResponseException: method [POST], host [http://products-es.search.svc.cluster.local:9200], URI [/_bulk?timeout=1m], status line [HTTP/1.1 413 Request Entity Too Large]' after 6 attempt(s)",
            "io.confluent.connect.elasticsearch.RetryUtil:165")
    connect("connect-1", tf + 0.004, "ERROR", "[es-sink-products|task-0] ", "WorkerSinkTask{id=es-sink-products-0} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted", "org.apache.kafka.connect.runtime.WorkerTask:212", exc=ES_STACK)
    connect("connect-1", tf + 0.01, "INFO", "[es-sink-products|task-0] ", "[Consumer clientId=connector-consumer-es-sink-products-0, groupId=connect-es-sink-products] Member connector-consumer-es-sink-products-0-4e7f0a1b-9c2d-4a3e-8f5b-6d7c8e9f0a1b sending LeaveGroup request to coordinator kafka-2.kafka-headless.data.svc.cluster.local:9092 (id: 2147483645 rack: null) due to the consumer is being closed",
            "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator:1133")
    connect("connect-1", tf + 0.011, "INFO", "[es-sink-products|task-0] ", "[Consumer clientId=connector-consumer-es-sink-products-0, groupId=connect-es-sink-products] Resetting generation and member id due to: consumer pro-actively leaving the group", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator:1025")
    connect("connect-1", tf + 0.012, "INFO", "[es-sink-products|task-0] ", "[Consumer clientId=connector-consumer-es-sink-products-0, groupId=connect-es-sink-products] Request joining group due to: consumer pro-actively leaving the group", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator:1072")
    connect("connect-1", tf + 0.02, "INFO", "[es-sink-products|task-0] ", "Metrics scheduler closed", "org.apache.kafka.common.metrics.Metrics:693")
    connect("connect-1", tf + 0.02, "INFO", "[es-sink-products|task-0] ", "App info kafka.consumer for connector-consumer-es-sink-products-0 unregistered", "org.apache.kafka.common.utils.AppInfoParser:83")

    # ---------------- kafka brokers
    for b in (0, 1, 2):
        t = rng.uniform(0, 300)
        while t < END:
            tp = "%s-%d" % (rng.choice(["orders.events", "catalog.product-updates", "cart.events", "__consumer_offsets"]), rng.randint(0, 5))
            broker(b, t, "INFO", "[ProducerStateManager partition=%s] Wrote producer snapshot at offset %d with 0 producer ids in 2 ms." % (tp, rng.randint(10 ** 6, 10 ** 8)), "kafka.log.ProducerStateManager")
            broker(b, t + 0.002, "INFO", "[MergedLog partition=%s, dir=/var/lib/kafka/data] Rolled new log segment at offset %d in 3 ms." % (tp, rng.randint(10 ** 6, 10 ** 8)), "kafka.log.MergedLog")
            t += rng.uniform(200, 500)
        t = rng.uniform(0, 600)
        while t < END:
            broker(b, t, "INFO", "[GroupMetadataManager brokerId=%d] Removed 0 expired offsets in 1 milliseconds." % b, "kafka.coordinator.group.GroupMetadataManager")
            t += 600
    broker(1, 9 * 60 + 14.2, "WARN", "[ReplicaFetcher replicaId=1, leaderId=2, fetcherId=0] Error in response for fetch request (type=FetchRequest, replicaId=1, maxWait=500, minBytes=1, maxBytes=10485760, fetchData={orders.events-4=PartitionData(fetchOffset=88123412, logStartOffset=80011223, maxBytes=1048576, currentLeaderEpoch=Optional[41], lastFetchedEpoch=Optional[41])}, isolationLevel=READ_UNCOMMITTED, removed=, replaced=, metadata=(sessionId=1220938, epoch=77121), rackId=)", "kafka.server.ReplicaFetcherThread")
    broker(1, 9 * 60 + 14.2, "INFO", "[ReplicaFetcher replicaId=1, leaderId=2, fetcherId=0] Client requested connection close from node 2", "org.apache.kafka.clients.NetworkClient")
    # coordinator for connect-es-sink-products is broker 2
    broker(2, CONFIG_PUT + 0.95, "INFO", "[GroupCoordinator 2]: Preparing to rebalance group connect-es-sink-products in state PreparingRebalance with old generation 41 (__consumer_offsets-23) (reason: removing member connector-consumer-es-sink-products-0-9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d on LeaveGroup; client reason: the consumer unsubscribed from all topics)", "kafka.coordinator.group.GroupCoordinator")
    broker(2, CONFIG_PUT + 0.95, "INFO", "[GroupCoordinator 2]: Group connect-es-sink-products with generation 42 is now empty (__consumer_offsets-23)", "kafka.coordinator.group.GroupCoordinator")
    broker(2, CONFIG_PUT + 2.3, "INFO", "[GroupCoordinator 2]: Dynamic member with unknown member id joins group connect-es-sink-products in Empty state. Created a new member id connector-consumer-es-sink-products-0-4e7f0a1b-9c2d-4a3e-8f5b-6d7c8e9f0a1b and request the member to rejoin with this id.", "kafka.coordinator.group.GroupCoordinator")
    broker(2, CONFIG_PUT + 2.31, "INFO", "[GroupCoordinator 2]: Preparing to rebalance group connect-es-sink-products in state PreparingRebalance with old generation 42 (__consumer_offsets-23) (reason: Adding new member connector-consumer-es-sink-products-0-4e7f0a1b-9c2d-4a3e-8f5b-6d7c8e9f0a1b with group instance id None; client reason: need to re-join with the given member-id: connector-consumer-es-sink-products-0-4e7f0a1b-9c2d-4a3e-8f5b-6d7c8e9f0a1b)", "kafka.coordinator.group.GroupCoordinator")
    broker(2, CONFIG_PUT + 2.35, "INFO", "[GroupCoordinator 2]: Stabilized group connect-es-sink-products generation 43 (__consumer_offsets-23) with 1 members", "kafka.coordinator.group.GroupCoordinator")
    broker(2, CONFIG_PUT + 2.38, "INFO", "[GroupCoordinator 2]: Assignment received from leader connector-consumer-es-sink-products-0-4e7f0a1b-9c2d-4a3e-8f5b-6d7c8e9f0a1b for group connect-es-sink-products for generation 43. The group has 1 members, 0 of which are static.", "kafka.coordinator.group.GroupCoordinator")
    broker(2, TASK_DEAD + 0.015, "INFO", "[GroupCoordinator 2]: Preparing to rebalance group connect-es-sink-products in state PreparingRebalance with old generation 43 (__consumer_offsets-23) (reason: removing member connector-consumer-es-sink-products-0-4e7f0a1b-9c2d-4a3e-8f5b-6d7c8e9f0a1b on LeaveGroup; client reason: the consumer is being closed)", "kafka.coordinator.group.GroupCoordinator")
    broker(2, TASK_DEAD + 0.016, "INFO", "[GroupCoordinator 2]: Group connect-es-sink-products with generation 44 is now empty (__consumer_offsets-23)", "kafka.coordinator.group.GroupCoordinator")
    broker(2, TASK_DEAD + 0.016, "INFO", "[GroupCoordinator 2]: Member MemberMetadata(memberId=connector-consumer-es-sink-products-0-4e7f0a1b-9c2d-4a3e-8f5b-6d7c8e9f0a1b, groupInstanceId=None, clientId=connector-consumer-es-sink-products-0, clientHost=/10.1.5.23, sessionTimeoutMs=45000, rebalanceTimeoutMs=300000, supportedProtocols=List(range, cooperative-sticky)) has left group connect-es-sink-products through explicit `LeaveGroup`; client reason: the consumer is being closed", "kafka.coordinator.group.GroupCoordinator")

    # ---------------- products-es: quiet
    for node in ("products-es-0", "products-es-1"):
        t = rng.uniform(0, 200)
        while t < END:
            if rng.random() < 0.5:
                es(t, "INFO", "org.elasticsearch.monitor.jvm.JvmGcMonitorService", "[gc][%d] overhead, spent [%dms] collecting in the last [1s]" % (int(t) + 88000, rng.randint(250, 480)), node)
            else:
                es(t, "WARN", "org.elasticsearch.monitor.jvm.JvmGcMonitorService", "[gc][young][%d][%d] duration [%.1fs], collections [1]/[1.6s], total [%.1fs]/[2.4m], memory [3.1gb]->[1.2gb]/[8gb], all_pools {[young] [1.9gb]->[0b]/[0b]}{[old] [1.1gb]->[1.1gb]/[8gb]}{[survivor] [56mb]->[88mb]/[0b]}" % (int(t) + 88000, rng.randint(900, 990), rng.uniform(1.0, 1.4), rng.uniform(1.0, 1.4)), node)
            t += rng.uniform(150, 450)
        t = rng.uniform(0, 1800)
        es(t, "INFO", "org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor", "low disk watermark [85%%] no longer exceeded on [%s][%s][/usr/share/elasticsearch/data] free: 41.8gb[16.4%%]" % ("dK3r9BvNS0WcJtq6xYzE1g", node), node)
    es(2 * 60 + 3.0, "WARN", "org.elasticsearch.deprecation.rest.RestController", "[types removal] Specifying types in bulk requests is deprecated.")

    # ---------------- catalog-service: deploy 08:01:10 and bulk price update (red herring)
    t = 0.0
    while t < CATALOG_DEPLOY + 20:
        t += rng.uniform(8, 14)
        logback(CAT_OLD, t, "INFO", "kafka-producer-network-thread | catalog-service-producer-1", "c.e.catalog.events.ProductEventPublisher", "Published %d ProductUpdated events to catalog.product-updates" % rng.randint(4, 40))
    td = CATALOG_DEPLOY
    for k, (lvl, lg, msg) in enumerate([
            ("INFO", "com.example.catalog.CatalogApplication", "Starting CatalogApplication v5.22.0 using Java 21.0.2 with PID 1 (/workspace/BOOT-INF/classes started by cnb in /workspace)"),
            ("INFO", "com.example.catalog.CatalogApplication", "The following 2 profiles are active: \"k8s\", \"prod\""),
            ("INFO", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 8080 (http)"),
            ("INFO", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Starting..."),
            ("INFO", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed."),
            ("INFO", "o.f.core.internal.command.DbMigrate", "Migrating schema \"catalog\" to version \"88 - add price list valid from\""),
            ("INFO", "o.f.core.internal.command.DbMigrate", "Successfully applied 1 migration to schema \"catalog\", now at version v88 (execution time 00:00.412s)"),
            ("INFO", "o.a.kafka.common.utils.AppInfoParser", "Kafka version: 3.6.1"),
            ("INFO", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path ''"),
            ("INFO", "com.example.catalog.CatalogApplication", "Started CatalogApplication in 21.337 seconds (process running for 22.81)")]):
        logback(CAT_NEW, td + k * 2.3, lvl, "main", lg, msg)
    logback(CAT_NEW, BULK_START, "INFO", "scheduling-1", "c.e.catalog.pricing.BulkPriceUpdateJob", "Starting bulk price update job spring-sale-2026-03 (320114 SKUs, price list PL-2026-03-10)")
    n = 0
    t = BULK_START
    while t < BULK_END:
        t += 15
        n = min(320114, n + rng.randint(26000, 30000))
        logback(CAT_NEW, t, "INFO", "scheduling-1", "c.e.catalog.pricing.BulkPriceUpdateJob", "Bulk price update progress: %d/320114 SKUs updated, events published" % n)
        if rng.random() < 0.3:
            logback(CAT_NEW, t + 0.3, "WARN", "kafka-producer-network-thread | catalog-service-producer-1", "o.a.k.c.producer.internals.Sender",
                    "[Producer clientId=catalog-service-producer-1] Got error produce response with correlation id %d on topic-partition catalog.product-updates-%d, retrying (2147483646 attempts left). Error: REQUEST_TIMED_OUT. Error Message: Disconnected from node 1 due to timeout" % (rng.randint(80000, 99999), rng.randint(0, 5)))
    logback(CAT_NEW, BULK_END, "INFO", "scheduling-1", "c.e.catalog.pricing.BulkPriceUpdateJob", "Bulk price update job spring-sale-2026-03 finished: 320114 SKUs, 320114 events in 171.0s")
    t = BULK_END
    while t < END:
        t += rng.uniform(8, 14)
        logback(CAT_NEW, t, "INFO", "kafka-producer-network-thread | catalog-service-producer-1", "c.e.catalog.events.ProductEventPublisher", "Published %d ProductUpdated events to catalog.product-updates" % rng.randint(4, 40))
    logback(CAT_NEW, CATALOG_DEPLOY + 40, "ERROR", "http-nio-8080-exec-2", "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
            "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.InvalidDataAccessApiUsageException: Price list PL-2026-03-10 not yet valid] with root cause",
            "java.lang.IllegalStateException: Price list PL-2026-03-10 not yet valid\n\tat com.example.catalog.pricing.PriceListService.current(PriceListService.java:77)\n\t... 112 common frames omitted")

    for name, rows in FILES.items():
        rows.sort(key=lambda r: (r[0], r[1]))
        p = OUT / name
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            for _, _, text in rows:
                f.write(text)
                f.write("\n")


if __name__ == "__main__":
    main()
