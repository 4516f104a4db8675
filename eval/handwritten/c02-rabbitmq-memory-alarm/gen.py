#!/usr/bin/env python3
"""c02: RabbitMQ memory alarm (after a rolling restart recovers a huge classic queue) blocks publishers.
.NET Serilog compact JSON, RabbitMQ 3.13 Erlang logs, ingress-nginx access+error logs.
Layout: one folder per service/pod with generic file names (app.log, current, stdout.log)."""
import datetime as dt, json, os, random, shutil, itertools

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "logs")
R = random.Random(2602)
BASE = dt.datetime(2026, 6, 9, 14, 0, 0, tzinfo=dt.timezone.utc)
END = 1860.0
SEQ = itertools.count()
FILES = {}
def T(s): return BASE + dt.timedelta(microseconds=int(round(s * 1e6)))
def emit(f, s, text): FILES.setdefault(f, []).append((s, next(SEQ), text))
def hexid(n): return "".join(R.choice("0123456789abcdef") for _ in range(n))
def j(d): return json.dumps(d, separators=(",", ":"), ensure_ascii=False)
def net_t(s):  # .NET 7-digit fraction
    t = T(s); frac = "%06d" % t.microsecond + str(R.randint(0, 9))
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + frac + "Z"

BLOCK = 751.482        # memory alarm set on rabbitmq-1
UNBLOCK = 1477.305     # watermark raised, alarm cleared
RESTART2 = 485.1       # rolling restart of rabbitmq-2 (operator), up at ~548
RESTART1 = 700.3       # rolling restart of rabbitmq-1, up at ~722
def blocked(s): return BLOCK <= s < UNBLOCK

APPS = {
    "order-api": [("order-api-6f9d8b7c5-2lkxq", "10.42.2.31"), ("order-api-6f9d8b7c5-8vtzp", "10.42.4.18"), ("order-api-6f9d8b7c5-n4r7d", "10.42.6.44")],
    "customer-api": [("customer-api-7b5c6d9f8-kq2wz", "10.42.2.52"), ("customer-api-7b5c6d9f8-x7m3p", "10.42.5.61")],
    "catalog-api": [("catalog-api-5d8c7f6b9-hh4tn", "10.42.3.14"), ("catalog-api-5d8c7f6b9-r2w9q", "10.42.6.23")],
    "fulfillment-worker": [("fulfillment-worker-64c9d7f5b-9zkqp", "10.42.4.71")],
    "payment-worker": [("payment-worker-7f8b6c5d4-t3vnm", "10.42.3.66")],
    "notification-worker": [("notification-worker-5b7d8c9f6-w8x2l", "10.42.2.90")],
    "shipping-service": [("shipping-service-6c8d9b7f5-p5lrs", "10.42.5.33")],
}
RMQ = {"rabbitmq-0": "10.42.1.12", "rabbitmq-1": "10.42.5.9", "rabbitmq-2": "10.42.3.27"}
NODE = {k: f"rabbit@{k}.rabbitmq-nodes.messaging" for k in RMQ}
AMQP = "amqp://rabbitmq.messaging.svc.cluster.local:5672/shop"
NS = {"order-api": "Shop.Orders", "customer-api": "Shop.Customers", "catalog-api": "Shop.Catalog", "fulfillment-worker": "Shop.Fulfillment",
      "payment-worker": "Shop.Payments", "notification-worker": "Shop.Notifications", "shipping-service": "Shop.Shipping"}

def serilog(svc, pod, s, mt, level=None, x=None, **props):
    d = {"@t": net_t(s), "@mt": mt}
    if level: d["@l"] = level
    if x: d["@x"] = x
    d.update(props)
    d.setdefault("MachineName", pod)
    d.setdefault("Application", svc)
    emit(f"{svc}/app.log", s, j(d))

def reqlog(svc, pod, s, method, path, status, elapsed_ms, trace=None):
    lvl = "Error" if status >= 500 else None
    serilog(svc, pod, s, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms", lvl,
            **{"@r": ["%.4f" % elapsed_ms]}, RequestMethod=method, RequestPath=path, StatusCode=status, Elapsed=round(elapsed_ms, 4),
            SourceContext="Serilog.AspNetCore.RequestLoggingMiddleware", RequestId="0HN" + hexid(10).upper() + ":%08X" % R.randint(1, 4000),
            TraceId=trace or hexid(32), SpanId=hexid(16))

# ---------------------------------------------------------------- ingress-nginx
MON = "Jun"
def ngx_time(s): t = T(s); return t.strftime("%d/") + MON + t.strftime("/%Y:%H:%M:%S +0000")
def ingress(s_start, method, path, status, rt, upstream_name, upstream_ip, up_status, up_rt, rid, ua, blen=None):
    s = s_start + rt
    blen = blen if blen is not None else (R.randint(200, 4800) if status < 400 else R.randint(140, 190))
    line = (f'100.64.{R.randint(0,63)}.{R.randint(2,250)} - - [{ngx_time(s)}] "{method} {path} HTTP/2.0" {status} {blen} "https://shop.example.com/" '
            f'"{ua}" {R.randint(60, 900)} {rt:.3f} [{upstream_name}] [] {upstream_ip}:8080 {blen if up_status != "-" else 0} {up_rt} {up_status} {rid}')
    emit("ingress-nginx/stdout.log", s, line)
def ngx_err(s, msg): t = T(s); emit("ingress-nginx/stdout.log", s, t.strftime("%Y/%m/%d %H:%M:%S") + f" [error] 31#31: *{R.randint(100000, 999999)} " + msg)

UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 19_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.0 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
       "okhttp/4.12.0", "Mozilla/5.0 (X11; Linux x86_64; rv:139.0) Gecko/20100101 Firefox/139.0"]

EXC_CONFIRM = ("RabbitMQ.Client.Exceptions.OperationInterruptedException: The AMQP operation was interrupted: AMQP close-reason, initiated by Library, code=406, text='PRECONDITION_FAILED - Timed out waiting for acks', classId=0, methodId=0\n"
               "   at RabbitMQ.Client.Impl.ModelBase.WaitForConfirmsOrDie(TimeSpan timeout)\n"
               "   at Shop.Orders.Messaging.RabbitPublisher.PublishAsync[T](T message, String routingKey, CancellationToken ct) in /src/Shop.Orders/Messaging/RabbitPublisher.cs:line 87\n"
               "   at Polly.AsyncPolicy.<>c__DisplayClass40_0.<<ImplementationAsync>b__0>d.MoveNext()")
EXC_CHOPEN = ("System.TimeoutException: The operation has timed out.\n"
              "   at RabbitMQ.Client.Impl.SimpleBlockingRpcContinuation.GetReply(TimeSpan timeout)\n"
              "   at RabbitMQ.Client.Impl.ModelBase.ModelRpc(MethodBase method, ContentHeaderBase header, Byte[] body)\n"
              "   at RabbitMQ.Client.Framing.Impl.Model._Private_ChannelOpen(String outOfBand)\n"
              "   at RabbitMQ.Client.Framing.Impl.Connection.CreateModel()\n"
              "   at RabbitMQ.Client.Framing.Impl.AutorecoveringConnection.CreateModel()\n"
              "   at Shop.Orders.Messaging.ChannelPool.Rent() in /src/Shop.Orders/Messaging/ChannelPool.cs:line 41\n"
              "   at Shop.Orders.Messaging.RabbitPublisher.PublishAsync[T](T message, String routingKey, CancellationToken ct) in /src/Shop.Orders/Messaging/RabbitPublisher.cs:line 62")
EXC_CLOSED = ("RabbitMQ.Client.Exceptions.AlreadyClosedException: Already closed: The AMQP operation was interrupted: AMQP close-reason, initiated by Peer, code=320, text='CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'', classId=0, methodId=0\n"
              "   at RabbitMQ.Client.Impl.SessionBase.Transmit(OutgoingCommand& cmd)\n"
              "   at RabbitMQ.Client.Impl.ModelBase.BasicPublish(String exchange, String routingKey, Boolean mandatory, IBasicProperties basicProperties, ReadOnlyMemory`1 body)\n"
              "   at Shop.Orders.Messaging.RabbitPublisher.PublishAsync[T](T message, String routingKey, CancellationToken ct) in /src/Shop.Orders/Messaging/RabbitPublisher.cs:line 79")
EXC_MT = ("System.Threading.Tasks.TaskCanceledException: A task was canceled.\n"
          "   at MassTransit.RabbitMqTransport.BatchPublisher.Publish(String exchange, String routingKey, IBasicProperties properties, Byte[] body, Boolean awaitAck)\n"
          "   at MassTransit.RabbitMqTransport.RabbitMqModelContext.BasicPublishAsync(String exchange, String routingKey, Boolean mandatory, IBasicProperties basicProperties, Byte[] body, Boolean awaitAck)\n"
          "   at MassTransit.Transports.SendTransport`1.Send[T](T message, IPipe`1 pipe, CancellationToken cancellationToken)\n"
          "   at Shop.Customers.Api.CustomersController.Update(Guid id, UpdateCustomerRequest request, CancellationToken ct) in /src/Shop.Customers/Api/CustomersController.cs:line 118")

# rabbit connection ownership per client pod (changes across the rolling restart)
def conn_node(pod, s):
    base = {"order-api-6f9d8b7c5-2lkxq": "rabbitmq-2", "order-api-6f9d8b7c5-8vtzp": "rabbitmq-1", "order-api-6f9d8b7c5-n4r7d": "rabbitmq-0",
            "customer-api-7b5c6d9f8-kq2wz": "rabbitmq-1", "customer-api-7b5c6d9f8-x7m3p": "rabbitmq-0",
            "fulfillment-worker-64c9d7f5b-9zkqp": "rabbitmq-2", "payment-worker-7f8b6c5d4-t3vnm": "rabbitmq-0",
            "notification-worker-5b7d8c9f6-w8x2l": "rabbitmq-1", "shipping-service-6c8d9b7f5-p5lrs": "rabbitmq-2"}[pod]
    if base == "rabbitmq-2" and s >= RESTART2: base = "rabbitmq-0"
    if base == "rabbitmq-1" and s >= RESTART1: base = "rabbitmq-2" if s >= 548 else "rabbitmq-0"
    return base

# ---------------------------------------------------------------- traffic
pending_orders = []   # published OrderPlaced (time, order id)
t = 0.0
while t < END:
    t += R.expovariate(3.6)
    if t >= END: break
    rid = hexid(32); trace = hexid(32); ua = R.choice(UAS)
    x = R.random()
    if x < 0.17:   # POST /api/orders
        pod, ip = R.choice(APPS["order-api"])
        sql = R.uniform(0.006, 0.022)
        oid = f"{R.randint(10**7, 10**8 - 1)}"
        s0 = t + 0.001
        serilog("order-api", pod, s0 + sql, "Order {OrderId} persisted for customer {CustomerId}", OrderId=oid, CustomerId=R.randint(100000, 999999),
                SourceContext="Shop.Orders.Application.PlaceOrderHandler", TraceId=trace)
        tp = s0 + sql + 0.001
        if (RESTART2 + 0.05 <= tp < RESTART2 + 5.1 and conn_node(pod, RESTART2 - 1) == "rabbitmq-2") or (RESTART1 + 0.05 <= tp < RESTART1 + 5.1 and conn_node(pod, RESTART1 - 1) == "rabbitmq-1"):
            serilog("order-api", pod, tp + 0.002, "Failed to publish {MessageType} for order {OrderId}", "Error", EXC_CLOSED, MessageType="OrderPlaced",
                    OrderId=oid, SourceContext="Shop.Orders.Messaging.RabbitPublisher", TraceId=trace)
            el = (tp + 0.003 - s0) * 1000
            reqlog("order-api", pod, tp + 0.004, "POST", "/api/orders", 503, el, trace)
            ingress(t, "POST", "/api/orders", 503, el / 1000 + 0.002, "shop-order-api-8080", ip, 503, "%.3f" % (el / 1000), rid, ua)
            continue
        if blocked(tp):
            serilog("order-api", pod, tp + 10.0, "Publish of {MessageType} for order {OrderId} failed after {ElapsedMs} ms, retrying in {RetryDelayMs} ms (attempt {Attempt}/2)",
                    "Warning", EXC_CONFIRM, MessageType="OrderPlaced", OrderId=oid, ElapsedMs=10000, RetryDelayMs=250, Attempt=1,
                    SourceContext="Shop.Orders.Messaging.RabbitPublisher", TraceId=trace)
            serilog("order-api", pod, tp + 30.251, "Failed to publish {MessageType} for order {OrderId}", "Error", EXC_CHOPEN, MessageType="OrderPlaced",
                    OrderId=oid, SourceContext="Shop.Orders.Messaging.RabbitPublisher", TraceId=trace)
            el = (tp + 30.253 - s0) * 1000
            reqlog("order-api", pod, tp + 30.254, "POST", "/api/orders", 503, el, trace)
            ingress(t, "POST", "/api/orders", 504, 15.0 + R.uniform(0, 0.002), "shop-order-api-8080", ip, 504, "15.000", rid, ua, blen=160)
            ngx_err(t + 15.0, f'upstream timed out (110: Operation timed out) while reading response header from upstream, client: 100.64.{R.randint(0,63)}.{R.randint(2,250)}, server: shop.example.com, request: "POST /api/orders HTTP/2.0", upstream: "http://{ip}:8080/api/orders", host: "shop.example.com"')
            continue
        conf = R.uniform(0.003, 0.012)
        serilog("order-api", pod, tp + conf, "Published {MessageType} {MessageId} to {Exchange} in {ElapsedMs} ms", MessageType="OrderPlaced",
                MessageId=hexid(8) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(12), Exchange="shop.orders", ElapsedMs=round(conf * 1000, 1),
                SourceContext="Shop.Orders.Messaging.RabbitPublisher", TraceId=trace)
        pending_orders.append((tp + conf, oid, trace))
        el = (tp + conf + 0.002 - s0) * 1000
        reqlog("order-api", pod, tp + conf + 0.002, "POST", "/api/orders", 202, el, trace)
        ingress(t, "POST", "/api/orders", 202, el / 1000 + 0.002, "shop-order-api-8080", ip, 202, "%.3f" % (el / 1000), rid, ua)
    elif x < 0.26:  # GET /api/orders/{id}
        pod, ip = R.choice(APPS["order-api"])
        d = R.uniform(0.004, 0.02)
        p = f"/api/orders/{R.randint(10**7, 10**8 - 1)}"
        reqlog("order-api", pod, t + d, "GET", p, 200, d * 1000, trace)
        ingress(t, "GET", p, 200, d + 0.001, "shop-order-api-8080", ip, 200, "%.3f" % d, rid, ua)
    elif x < 0.33:  # PUT /api/customers/{id}
        pod, ip = R.choice(APPS["customer-api"])
        cid = hexid(8) + "-" + hexid(4) + "-4" + hexid(3) + "-" + hexid(4) + "-" + hexid(12)
        p = f"/api/customers/{cid}"
        d = R.uniform(0.008, 0.03)
        if blocked(t + d):
            serilog("customer-api", pod, t + d, "Publishing {MessageType} for customer {CustomerId}",
                    MessageType="CustomerUpdated", CustomerId=cid, SourceContext="Shop.Customers.Api.CustomersController", TraceId=trace)
            serilog("customer-api", pod, t + d + 5.0, "Failed to publish {MessageType} for customer {CustomerId} to {Destination} after {TimeoutMs} ms", "Error", EXC_MT,
                    MessageType="CustomerUpdated", CustomerId=cid, Destination="rabbitmq://rabbitmq.messaging.svc.cluster.local/shop/Shop.Contracts:CustomerUpdated",
                    TimeoutMs=5000, SourceContext="Shop.Customers.Api.CustomersController", TraceId=trace)
            reqlog("customer-api", pod, t + d + 5.003, "PUT", p, 500, (d + 5.003) * 1000, trace)
            ingress(t, "PUT", p, 500, d + 5.004, "shop-customer-api-8080", ip, 500, "%.3f" % (d + 5.003), rid, ua)
        else:
            reqlog("customer-api", pod, t + d, "PUT", p, 204, d * 1000, trace)
            ingress(t, "PUT", p, 204, d + 0.001, "shop-customer-api-8080", ip, 204, "%.3f" % d, rid, ua, blen=0)
    elif x < 0.45:
        pod, ip = R.choice(APPS["customer-api"])
        d = R.uniform(0.003, 0.015)
        p = f"/api/customers/{hexid(8)}-{hexid(4)}-4{hexid(3)}-{hexid(4)}-{hexid(12)}"
        reqlog("customer-api", pod, t + d, "GET", p, 200, d * 1000, trace)
        ingress(t, "GET", p, 200, d + 0.001, "shop-customer-api-8080", ip, 200, "%.3f" % d, rid, ua)
    elif x < 0.55:
        pod, ip = R.choice(APPS["shipping-service"])
        d = R.uniform(0.01, 0.05)
        p = f"/api/shipments/{R.randint(10**7, 10**8 - 1)}/tracking"
        reqlog("shipping-service", pod, t + d, "GET", p, 200, d * 1000, trace)
        ingress(t, "GET", p, 200, d + 0.001, "shop-shipping-service-8080", ip, 200, "%.3f" % d, rid, ua)
    else:
        pod, ip = R.choice(APPS["catalog-api"])
        d = R.uniform(0.004, 0.06)
        p = R.choice(["/api/catalog/products?page=1", "/api/catalog/products?category=garden", f"/api/catalog/products/{R.randint(1000, 99999)}",
                      "/api/catalog/search?q=drill", "/api/catalog/categories"])
        reqlog("catalog-api", pod, t + d, "GET", p, 200, d * 1000, trace)
        ingress(t, "GET", p, 200, d + 0.001, "shop-catalog-api-8080", ip, 200, "%.3f" % d, rid, ua)

# health checks (kubelet probes) on every pod, every 10s, logged by request logging
for svc, pods in APPS.items():
    for pod, ip in pods:
        s = R.uniform(0, 10)
        while s < END:
            for path in ("/healthz/live", "/healthz/ready"):
                ss = s + (0 if path.endswith("live") else R.uniform(0.5, 3))
                reqlog(svc, pod, ss, "GET", path, 200, R.uniform(0.3, 4.5) if path.endswith("ready") else R.uniform(0.05, 0.3))
            s += 10.0

# pre-existing unrelated errors: catalog-api image metadata, steady
s = R.uniform(3, 30)
while s < END:
    pod, ip = R.choice(APPS["catalog-api"])
    serilog("catalog-api", pod, s, "Failed to fetch image metadata for {Sku} from {Url}", "Error",
            "System.Net.Http.HttpRequestException: Response status code does not indicate success: 404 (Not Found).\n   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n   at Shop.Catalog.Media.ImageMetadataClient.GetAsync(String sku, CancellationToken ct) in /src/Shop.Catalog/Media/ImageMetadataClient.cs:line 53",
            Sku=f"SKU-{R.randint(100000, 999999)}", Url="https://media.example-cdn.net/meta/", SourceContext="Shop.Catalog.Media.ImageMetadataClient")
    s += R.uniform(18, 40)

# ---------------------------------------------------------------- rabbit client connection events
def client_conn_events(svc, pod):
    ns = NS[svc]
    for rs, node in ((RESTART2, "rabbitmq-2"), (RESTART1, "rabbitmq-1")):
        if conn_node(pod, rs - 1) == node:
            serilog(svc, pod, rs + 0.05, "RabbitMQ connection to {Endpoint} shut down: {Reason}", "Warning", Endpoint=AMQP,
                    Reason="AMQP close-reason, initiated by Peer, code=320, text='CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'', classId=0, methodId=0",
                    SourceContext=f"{ns}.Messaging.ConnectionManager")
            serilog(svc, pod, rs + 5.1, "RabbitMQ connection recovered to {Endpoint} ({Node})", Endpoint=AMQP, Node=NODE[conn_node(pod, rs + 5)],
                    SourceContext=f"{ns}.Messaging.ConnectionManager")
    if svc in ("order-api", "customer-api", "fulfillment-worker", "payment-worker"):
        first = BLOCK + R.uniform(0.05, 1.5)
        serilog(svc, pod, first, "RabbitMQ connection blocked by broker: {Reason}", "Warning", Reason="low on memory",
                SourceContext=f"{ns}.Messaging.ConnectionManager", Endpoint=AMQP)
        serilog(svc, pod, UNBLOCK + R.uniform(0.005, 0.05), "RabbitMQ connection unblocked", SourceContext=f"{ns}.Messaging.ConnectionManager", Endpoint=AMQP)
for svc, pods in APPS.items():
    if svc == "catalog-api": continue
    for pod, ip in pods: client_conn_events(svc, pod)

# ---------------------------------------------------------------- consumers
fw, _ = APPS["fulfillment-worker"][0]; pw, _ = APPS["payment-worker"][0]; nw, _ = APPS["notification-worker"][0]; sw, _ = APPS["shipping-service"][0]
EXC_W = lambda ns: EXC_CONFIRM.replace("Shop.Orders", ns)
def worker(svc, pod, ns, msgtype, outtype, work, psp=False):
    busy_until = 0.0
    stuck = []
    stuck_ids = set(o[1] for o in [o for o in sorted(pending_orders) if BLOCK - 8 < o[0] < BLOCK][-2:])
    for (tp, oid, trace) in sorted(pending_orders):
        if oid in stuck_ids: continue
        st = max(tp + R.uniform(0.005, 0.03), busy_until)
        if st >= BLOCK and st < UNBLOCK: st = UNBLOCK + R.uniform(0.05, 40)
        w = R.uniform(*work)
        serilog(svc, pod, st, "Received {MessageType} {OrderId} (delivery tag {DeliveryTag}, redelivered {Redelivered})", MessageType=msgtype, OrderId=oid,
                DeliveryTag=R.randint(1, 99999), Redelivered=False, SourceContext=f"{ns}.Consumers.{msgtype}Consumer", TraceId=trace)
        if psp:
            serilog(svc, pod, st + w * 0.9, "Captured payment for order {OrderId} via {Provider}: {Status} in {ElapsedMs} ms", OrderId=oid, Provider="stripe", Status="succeeded",
                    ElapsedMs=round(w * 900, 1), SourceContext="Shop.Payments.Psp.StripeClient", TraceId=trace)
        serilog(svc, pod, st + w, "Published {MessageType} for order {OrderId}", MessageType=outtype, OrderId=oid,
                SourceContext=f"{ns}.Messaging.RabbitPublisher", TraceId=trace)
        busy_until = st + w
    # messages in flight when the alarm fired: handler publishes time out, nack/requeue, redelivered again
    for (tp, oid, trace) in sorted(pending_orders):
        if oid in stuck_ids: stuck.append((oid, trace))
    for i, (oid, trace) in enumerate(stuck):
        s = BLOCK + 0.2 + i * 0.4
        n = 0
        while s + 10.0 < UNBLOCK:
            n += 1
            if psp:
                serilog(svc, pod, s + 0.15, "Captured payment for order {OrderId} via {Provider}: {Status} in {ElapsedMs} ms", OrderId=oid, Provider="stripe",
                        Status="idempotent_replay" if n > 1 else "succeeded", ElapsedMs=round(R.uniform(90, 260), 1), SourceContext="Shop.Payments.Psp.StripeClient", TraceId=trace)
            serilog(svc, pod, s + 10.2, "Handler for {MessageType} {OrderId} failed publishing {OutType}; nack with requeue (attempt {Attempt})", "Error", EXC_W(ns),
                    MessageType=msgtype, OrderId=oid, OutType=outtype, Attempt=n, SourceContext=f"{ns}.Consumers.{msgtype}Consumer", TraceId=trace)
            s += 10.2 + R.uniform(0.3, 0.9)
            serilog(svc, pod, s, "Received {MessageType} {OrderId} (delivery tag {DeliveryTag}, redelivered {Redelivered})", MessageType=msgtype, OrderId=oid,
                    DeliveryTag=R.randint(1, 99999), Redelivered=True, SourceContext=f"{ns}.Consumers.{msgtype}Consumer", TraceId=trace)
        serilog(svc, pod, UNBLOCK + 0.3 + i * 0.1, "Published {MessageType} for order {OrderId}", MessageType=outtype, OrderId=oid,
                SourceContext=f"{ns}.Messaging.RabbitPublisher", TraceId=trace)
worker("fulfillment-worker", fw, "Shop.Fulfillment", "OrderPlaced", "ShipmentRequested", (0.02, 0.09))
worker("payment-worker", pw, "Shop.Payments", "OrderPlaced", "PaymentCaptured", (0.12, 0.42), psp=True)
for (tp, oid, trace) in sorted(pending_orders):
    st = tp + R.uniform(0.2, 0.6)
    if BLOCK <= st < UNBLOCK: st = UNBLOCK + R.uniform(1, 50)
    serilog("notification-worker", nw, st, "Sent {Template} email for order {OrderId} via {Provider}", Template="order-confirmation", OrderId=oid,
            Provider="ses", SourceContext="Shop.Notifications.Email.SesSender", TraceId=trace)
    st2 = st + R.uniform(0.1, 0.4)
    serilog("shipping-service", sw, st2, "Shipment requested for order {OrderId}, carrier {Carrier}", OrderId=oid, Carrier=R.choice(["dhl", "ups", "postnl"]),
            SourceContext="Shop.Shipping.Consumers.ShipmentRequestedConsumer", TraceId=trace)

# ---------------------------------------------------------------- rabbitmq logs
def rts(s): t = T(s); return t.strftime("%Y-%m-%d %H:%M:%S.") + "%06d+00:00" % t.microsecond
def rlog(node, s, lvl, pid, msg):
    for i, ln in enumerate(msg.split("\n")):
        emit(f"{node}/current", s, f"{rts(s)} [{lvl}] {pid} {ln}")
def epid(): return f"<0.{R.randint(500, 48000)}.0>"

clients = []
for svc, pods in APPS.items():
    if svc == "catalog-api": continue
    for pod, ip in pods: clients.append((svc, pod, ip))
USERS = {"order-api": "order-api", "customer-api": "customer-api", "fulfillment-worker": "fulfillment", "payment-worker": "payments",
         "notification-worker": "notifications", "shipping-service": "shipping"}
def accept(node, s, svc, ip):
    p = epid(); port = R.randint(33000, 61000)
    rlog(node, s, "info", p, f"accepting AMQP connection {p} ({ip}:{port} -> {RMQ[node]}:5672)")
    rlog(node, s + 0.004, "info", p, f"connection {p} ({ip}:{port} -> {RMQ[node]}:5672) has a client-provided name: {svc}")
    rlog(node, s + 0.006, "info", p, f"connection {p} ({ip}:{port} - {svc}): user '{USERS[svc]}' authenticated and granted access to vhost 'shop'")

# background: management / health / short-lived connections (rabbitmq-diagnostics probes don't log; shovel & cli do)
for node in RMQ:
    s = R.uniform(0, 60)
    while s < END:
        if not (node == "rabbitmq-2" and RESTART2 <= s < 549) and not (node == "rabbitmq-1" and RESTART1 <= s < 725):
            p = epid(); ip = f"10.42.{R.randint(1,6)}.{R.randint(2,250)}"; port = R.randint(33000, 61000)
            rlog(node, s, "info", p, f"accepting AMQP connection {p} ({ip}:{port} -> {RMQ[node]}:5672)")
            rlog(node, s + 0.003, "info", p, f"connection {p} ({ip}:{port} -> {RMQ[node]}:5672): user 'reports' authenticated and granted access to vhost 'shop'")
            rlog(node, s + R.uniform(0.2, 2), "info", p, f"closing AMQP connection {p} ({ip}:{port} -> {RMQ[node]}:5672, vhost: 'shop', user: 'reports')")
        s += R.uniform(45, 110)
# pre-existing: a legacy client that drops connections without closing (steady warnings on rabbitmq-0)
s = R.uniform(10, 80)
while s < END:
    p = epid(); port = R.randint(33000, 61000)
    rlog("rabbitmq-0", s, "warning", p, f"closing AMQP connection {p} (10.42.6.201:{port} -> {RMQ['rabbitmq-0']}:5672, vhost: 'shop', user: 'legacy-export'):\nclient unexpectedly closed TCP connection")
    s += R.uniform(60, 150)

def shutdown(node, s):
    rlog(node, s, "info", "<0.1056.0>", "RabbitMQ is asked to stop...")
    rlog(node, s + 0.02, "info", "<0.1056.0>", "Stopping RabbitMQ applications and their dependencies in the following order:\n    rabbitmq_prometheus\n    rabbitmq_management\n    rabbitmq_peer_discovery_k8s\n    rabbit")
    rlog(node, s + 0.05, "info", "<0.1061.0>", f"Closing all connections in vhost 'shop' on node '{NODE[node]}' because the vhost is stopping")
    for svc, pod, ip in clients:
        if conn_node(pod, s - 1) == node:
            p = epid()
            rlog(node, s + R.uniform(0.06, 0.09), "info", p, f"closing AMQP connection {p} ({ip}:{R.randint(33000, 61000)} -> {RMQ[node]}:5672, vhost: 'shop', user: '{USERS[svc]}', duration: '{R.randint(2, 9)}D')")
    rlog(node, s + 1.3, "info", "<0.245.0>", "Successfully stopped RabbitMQ and its dependencies")
    rlog(node, s + 1.9, "info", "<0.245.0>", "Halting Erlang VM with the following applications:\n    ra\n    sysmon_handler\n    os_mon\n    mnesia\n    inets")
def boot(node, s, big):
    rlog(node, s, "notice", "<0.44.0>", "Application syslog exited with reason: stopped")
    rlog(node, s + 0.4, "info", "<0.230.0>", "\n Starting RabbitMQ 3.13.7 on Erlang 26.2.5.3 [jit]\n Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries\n Licensed under the MPL 2.0. Website: https://rabbitmq.com")
    rlog(node, s + 0.45, "info", "<0.230.0>", f"\n node           : {NODE[node]}\n home dir       : /var/lib/rabbitmq\n config file(s) : /etc/rabbitmq/rabbitmq.conf\n                : /etc/rabbitmq/conf.d/10-defaults.conf\n                : /etc/rabbitmq/conf.d/90-userDefinedConfiguration.conf\n database dir   : /var/lib/rabbitmq/mnesia/{NODE[node]}")
    rlog(node, s + 0.9, "info", "<0.260.0>", "Memory high watermark set to 1638 MiB (1717986918 bytes) of 4096 MiB (4294967296 bytes) total")
    rlog(node, s + 0.91, "info", "<0.262.0>", "Enabling free disk space monitoring (disk free space: 41857515520, total memory: 4294967296)")
    rlog(node, s + 0.92, "info", "<0.262.0>", "Disk free limit set to 50MB")
    rlog(node, s + 1.4, "info", "<0.275.0>", "Limiting to approx 1048479 file handles (943629 sockets)")
    rlog(node, s + 2.2, "info", "<0.344.0>", "Waiting for Mnesia tables for 30000 ms, 9 retries left")
    rlog(node, s + 2.5, "info", "<0.344.0>", "Successfully synced tables from a peer")
    rlog(node, s + 3.1, "info", "<0.468.0>", "Starting message stores for vhost 'shop'")
    rlog(node, s + 3.2, "info", "<0.475.0>", "Message store \"628WB79CIFDYO9LJI6DKMI09L/msg_store_transient\": using rabbit_msg_store_ets_index to provide index")
    rlog(node, s + 3.3, "info", "<0.480.0>", "Message store \"628WB79CIFDYO9LJI6DKMI09L/msg_store_persistent\": using rabbit_msg_store_ets_index to provide index")
    if big:
        rlog(node, s + 3.4, "warning", "<0.480.0>", "Message store \"628WB79CIFDYO9LJI6DKMI09L/msg_store_persistent\": rebuilding indices from scratch")
        rlog(node, s + 3.5, "info", "<0.470.0>", "Recovering 14 queues of type rabbit_classic_queue")
        rlog(node, s + 24.8, "info", "<0.470.0>", "Recovering 14 queues of type rabbit_classic_queue took 21326ms")
        rlog(node, s + 24.9, "info", "<0.470.0>", "Recovering 4 queues of type rabbit_quorum_queue")
        rlog(node, s + 25.0, "info", "<0.470.0>", "Recovering 4 queues of type rabbit_quorum_queue took 52ms")
        end = s + 26.0
    else:
        rlog(node, s + 3.5, "info", "<0.470.0>", "Recovering 11 queues of type rabbit_classic_queue")
        rlog(node, s + 3.9, "info", "<0.470.0>", "Recovering 11 queues of type rabbit_classic_queue took 381ms")
        rlog(node, s + 4.0, "info", "<0.470.0>", "Recovering 4 queues of type rabbit_quorum_queue")
        rlog(node, s + 4.1, "info", "<0.470.0>", "Recovering 4 queues of type rabbit_quorum_queue took 47ms")
        end = s + 5.0
    rlog(node, end, "info", "<0.601.0>", "started TCP listener on [::]:5672")
    rlog(node, end + 0.2, "info", "<0.230.0>", "Server startup complete; 5 plugins started.\n * rabbitmq_prometheus\n * rabbitmq_management\n * rabbitmq_web_dispatch\n * rabbitmq_management_agent\n * rabbitmq_peer_discovery_k8s")
    for other in RMQ:
        if other != node:
            rlog(other, end + R.uniform(0.1, 0.5), "info", epid(), f"node '{NODE[node]}' up")
    return end
for other in RMQ:
    if other != "rabbitmq-2":
        rlog(other, RESTART2 + 2.0, "info", epid(), f"node '{NODE['rabbitmq-2']}' down: connection_closed")
shutdown("rabbitmq-2", RESTART2)
up2 = boot("rabbitmq-2", 543.0, False)
for other in RMQ:
    if other != "rabbitmq-1":
        rlog(other, RESTART1 + 2.0, "info", epid(), f"node '{NODE['rabbitmq-1']}' down: connection_closed")
shutdown("rabbitmq-1", RESTART1)
up1 = boot("rabbitmq-1", 721.8, True)
# clients reconnecting after restarts
for svc, pod, ip in clients:
    for rs in (RESTART2, RESTART1):
        if conn_node(pod, rs - 1) in ("rabbitmq-2" if rs == RESTART2 else "rabbitmq-1",):
            accept(conn_node(pod, rs + 5.0), rs + 5.05, svc, ip)
# memory alarm on rabbitmq-1 (huge classic queue reports.export-requests paged back into memory after recovery)
rlog("rabbitmq-1", BLOCK - 0.001, "info", "<0.260.0>", "vm_memory_high_watermark set. Memory used:1722948608 allowed:1717986918")
rlog("rabbitmq-1", BLOCK, "warning", "<0.258.0>", f"memory resource limit alarm set on node '{NODE['rabbitmq-1']}'.\n\n**********************************************************\n*** Publishers will be blocked until this alarm clears ***\n**********************************************************")
for other in ("rabbitmq-0", "rabbitmq-2"):
    rlog(other, BLOCK + R.uniform(0.001, 0.01), "warning", "<0.258.0>", f"memory resource limit alarm set on node '{NODE['rabbitmq-1']}'.\n\n**********************************************************\n*** Publishers will be blocked until this alarm clears ***\n**********************************************************")
rlog("rabbitmq-1", BLOCK + 37.2, "info", "<0.1902.0>", "Message store \"628WB79CIFDYO9LJI6DKMI09L/msg_store_persistent\": rebuilding indices from scratch: 1812440 messages, 9.3 GiB in 6188 files")
rlog("rabbitmq-1", UNBLOCK - 0.004, "info", "<0.260.0>", "Memory high watermark set to 2457 MiB (2576980377 bytes) of 4096 MiB (4294967296 bytes) total")
rlog("rabbitmq-1", UNBLOCK, "warning", "<0.258.0>", f"memory resource limit alarm cleared on node '{NODE['rabbitmq-1']}'")
rlog("rabbitmq-1", UNBLOCK + 0.001, "warning", "<0.258.0>", "memory resource limit alarm cleared across the cluster")
for other in ("rabbitmq-0", "rabbitmq-2"):
    rlog(other, UNBLOCK + R.uniform(0.001, 0.01), "warning", "<0.258.0>", f"memory resource limit alarm cleared on node '{NODE['rabbitmq-1']}'")
    rlog(other, UNBLOCK + 0.012, "warning", "<0.258.0>", "memory resource limit alarm cleared across the cluster")
# ---------------------------------------------------------------- write
if os.path.isdir(OUT): shutil.rmtree(OUT)
total = 0
for f, rows in sorted(FILES.items()):
    rows.sort(key=lambda r: (r[0], r[1]))
    p = os.path.join(OUT, f); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            if r[0] <= END + 3: fh.write(r[2] + "\n"); total += 1
print(OUT, total)
