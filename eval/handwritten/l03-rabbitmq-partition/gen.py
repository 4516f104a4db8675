#!/usr/bin/env python3
"""l03: RabbitMQ node rabbitmq-1 keeps dropping out of the Erlang cluster (net_tick_timeout) -> quorum
queue leader elections, pause_minority, forced connection closures.

order-api (Spring AMQP, publisher confirms) times out / cannot connect and answers 503 on POST
/api/orders; ingress-nginx shows the 503s; fulfillment-worker (aio-pika) and notification-worker
(amqp091-go) lose their consumers and reconnect. rabbitmq-1's clock is ~4.2 s behind.
fulfillment-worker logs are a single `kubectl logs --prefix` dump (grouped per pod, not time
ordered). notification-worker is rolled out at 03:19 (unrelated).
"""
import os
import sys
from l_common import *

rng = Rng(3303)
OUT = Out(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))

T0 = T("2026-01-22T03:00:00Z")
T1 = T("2026-01-22T03:40:00Z")
FAULT = T("2026-01-22T03:12:40.000Z")
FLAPS = [(FAULT, T("2026-01-22T03:15:08Z")), (T("2026-01-22T03:17:02Z"), T("2026-01-22T03:18:44Z")),
         (T("2026-01-22T03:21:15Z"), T("2026-01-22T03:22:31Z"))]
RESTART = T("2026-01-22T03:26:02Z")
R1_SKEW = -4.2
NOTIF_DEPLOY = T("2026-01-22T03:19:10Z")

NODES = ["rabbit@rabbitmq-%d.rabbitmq-headless.messaging.svc.cluster.local" % i for i in range(3)]
RIP = ["10.43.11.27", "10.43.12.41", "10.43.13.9"]
QUEUES = ["orders.created", "orders.payment", "orders.fulfillment", "notifications.email", "notifications.push", "analytics.events"]
LEADER = {"orders.created": 1, "orders.payment": 1, "orders.fulfillment": 0, "notifications.email": 1, "notifications.push": 2, "analytics.events": 2}
qpid = {(q, n): "<0.%d.0>" % rng.randint(600, 1400) for q in QUEUES for n in range(3)}
term = {q: rng.randint(4, 9) for q in QUEUES}

oa_pods = rng.pods("order-api", 3)
fw_pods = rng.pods("fulfillment-worker", 2)
nw_old = rng.pods("notification-worker", 2)
nw_new = rng.pods("notification-worker", 2)
pay_pods = rng.pods("payments-api", 2)
ing_pods = rng.pods("ingress-nginx-controller", 2)
ip = {}
for p in oa_pods + fw_pods + nw_old + nw_new + pay_pods + ing_pods:
    ip[p] = "10.43.%d.%d" % (rng.randint(0, 15), rng.randint(2, 250))
conn_node = {}  # client pod -> rabbit node index
for p in oa_pods + fw_pods + nw_old + nw_new:
    conn_node[p] = rng.choice([0, 1, 1, 2])
conn_node[oa_pods[0]] = 1
conn_node[fw_pods[0]] = 1
nw_start = {p: NOTIF_DEPLOY + 6 + 30 * i for i, p in enumerate(nw_new)}
nw_stop = {p: NOTIF_DEPLOY + 20 + 30 * i for i, p in enumerate(nw_old)}


def flap(t):
    for i, (a, b) in enumerate(FLAPS):
        if a <= t < b:
            return i, a, b
    return None


def detect_window(t):
    """time during which rabbitmq-1 is unreachable but not yet declared down (net_tick)."""
    f = flap(t)
    if not f:
        return False
    return t < f[1] + 58


# ---------------------------------------------------------------- rabbitmq logs
def rlog(n, t, level, pid, msg):
    ts = t + (R1_SKEW if n == 1 else 0.0)
    d, fr = iso(ts, 6, "").split(".")
    OUT.block("logs/rabbitmq/rabbitmq-%d.log" % n, ts, "%s.%s+00:00 [%s] %s %s" % (d.replace("T", " "), fr, level, pid, msg))


def pidn():
    return "<0.%d.0>" % rng.randint(1000, 60000)


def rabbit_conn_open(n, t, client_ip, user, cname=None):
    pid = pidn()
    port = rng.randint(32768, 60999)
    rlog(n, t, "info", pid, "accepting AMQP connection %s (%s:%d -> %s:5672)" % (pid, client_ip, port, RIP[n]))
    if cname:
        rlog(n, t + 0.002, "info", pid, "connection %s (%s:%d -> %s:5672 - %s): user '%s' authenticated and granted access to vhost 'shop'" % (pid, client_ip, port, RIP[n], cname, user))
    else:
        rlog(n, t + 0.002, "info", pid, "connection %s (%s:%d -> %s:5672): user '%s' authenticated and granted access to vhost 'shop'" % (pid, client_ip, port, RIP[n], user))
    return pid, port


def rabbit_background():
    # legacy cron publisher connects every ~30s; analytics consumer crashes now and then
    for t in arrivals(rng, T0, T1, 1 / 30.0):
        n = rng.choice([0, 2]) if flap(t) else rng.choice([0, 1, 2])
        cip = "10.43.7.%d" % rng.randint(2, 250)
        pid, port = rabbit_conn_open(n, t, cip, "legacy-cron")
        rlog(n, t + rng.uniform(0.05, 0.4), "info", pid, "closing AMQP connection %s (%s:%d -> %s:5672, vhost: 'shop', user: 'legacy-cron')" % (pid, cip, port, RIP[n]))
    for t in arrivals(rng, T0, T1, 1 / 170.0):
        n = 2
        cip = "10.43.9.%d" % rng.randint(2, 250)
        pid = pidn()
        port = rng.randint(32768, 60999)
        rlog(n, t, "warning", pid, "closing AMQP connection %s (%s:%d -> %s:5672, vhost: 'shop', user: 'analytics'):\nclient unexpectedly closed TCP connection" % (pid, cip, port, RIP[n]))
        pid2, _ = rabbit_conn_open(n, t + rng.uniform(4, 12), cip, "analytics", "analytics-loader")
    for n in range(3):
        for t in arrivals(rng, T0, T1, 1 / 600.0):
            rlog(n, t, "warning", pidn(), "Deprecated features: `transient_nonexcl_queues`: Feature `transient_nonexcl_queues` is deprecated.\n"
                 "By default, this feature can still be used for now.\nIts use will not be permitted by default in a future minor RabbitMQ version and the feature will be removed from a future major RabbitMQ version; actual removal is planned for RabbitMQ 4.0\n"
                 "To continue using this feature when it is not permitted by default, set the following parameter in your configuration:\n    \"deprecated_features.permit.transient_nonexcl_queues = true\"\n"
                 "To test RabbitMQ as if the feature was removed, set this in your configuration:\n    \"deprecated_features.permit.transient_nonexcl_queues = false\"")
        t = T0 + rng.uniform(10, 120)
        while t < T1:
            for q in QUEUES:
                if rng.random() < 0.25:
                    idx = rng.randint(100000, 900000)
                    rlog(n, t + rng.uniform(0, 1), "info", qpid[(q, n)],
                         "queue '%s' in vhost 'shop': %s" % (q, rng.choice(["release cursor at %d" % idx, "snapshot written at index %d, term %d" % (idx, term[q])])))
            t += rng.uniform(200, 320)


def rabbit_incident():
    for k, (a, b) in enumerate(FLAPS):
        down = a + rng.uniform(57, 61)
        for n in (0, 2):
            rlog(n, down, "error", "<0.%d.0>" % (240 + n), "** Node '%s' not responding **\n** Removing (timedout) connection **" % NODES[1])
            rlog(n, down + 0.004, "info", "<0.612.0>", "node '%s' down: net_tick_timeout" % NODES[1])
            rlog(n, down + 0.006, "info", "<0.612.0>", "rabbit on node '%s' down" % NODES[1])
        for q in QUEUES:
            if LEADER[q] == 1:
                for n in (0, 2):
                    rlog(n, down + rng.uniform(0.01, 0.05), "warning", qpid[(q, n)], "queue '%s' in vhost 'shop': Leader monitor down with noconnection, setting election timeout" % q)
                newl = rng.choice([0, 2])
                other = 2 if newl == 0 else 0
                term[q] += 1
                te = down + rng.uniform(0.3, 1.8)
                rlog(newl, te, "info", qpid[(q, newl)], "queue '%s' in vhost 'shop': pre_vote election called for in term %d" % (q, term[q] - 1))
                rlog(other, te + 0.004, "info", qpid[(q, other)], "queue '%s' in vhost 'shop': granting pre_vote for {'%%2F_%s','%s'} with last {index, term} {%d,%d} for term %d previous term %d" % (
                    q, q, NODES[newl], rng.randint(100000, 900000), term[q] - 1, term[q] - 1, term[q] - 1))
                rlog(newl, te + 0.01, "info", qpid[(q, newl)], "queue '%s' in vhost 'shop': election called for in term %d" % (q, term[q]))
                rlog(other, te + 0.012, "info", qpid[(q, other)], "queue '%s' in vhost 'shop': granting vote for {'%%2F_%s','%s'} for term %d previous term was %d" % (q, q, NODES[newl], term[q], term[q] - 1))
                rlog(newl, te + 0.02, "notice", qpid[(q, newl)], "queue '%s' in vhost 'shop': leader saw request_vote_result for term %d from {'%%2F_%s','%s'} ... becoming leader" % (q, term[q], q, NODES[other]))
                rlog(other, te + 0.03, "info", qpid[(q, other)], "queue '%s' in vhost 'shop': detected a new leader {'%%2F_%s','%s'} in term %d" % (q, q, NODES[newl], term[q]))
                LEADER[q] = newl
            else:
                rlog(LEADER[q], down + rng.uniform(0.01, 0.3), "warning", qpid[(q, LEADER[q])],
                     "queue '%s' in vhost 'shop': member {'%%2F_%s','%s'} is not responding" % (q, q, NODES[1]))
        # rabbitmq-1 side: pause_minority
        p1 = a + rng.uniform(58, 62)
        rlog(1, p1, "error", "<0.241.0>", "** Node '%s' not responding **\n** Removing (timedout) connection **" % NODES[0])
        rlog(1, p1 + 0.3, "error", "<0.242.0>", "** Node '%s' not responding **\n** Removing (timedout) connection **" % NODES[2])
        rlog(1, p1 + 0.31, "info", "<0.612.0>", "node '%s' down: net_tick_timeout" % NODES[0])
        rlog(1, p1 + 0.32, "info", "<0.612.0>", "node '%s' down: net_tick_timeout" % NODES[2])
        rlog(1, p1 + 0.35, "warning", "<0.612.0>", "Cluster minority/secondary status detected - awaiting recovery")
        rlog(1, p1 + 0.36, "info", "<0.9934.0>", "RabbitMQ is asked to stop...")
        rlog(1, p1 + 0.4, "info", "<0.9934.0>", "Stopping RabbitMQ applications and their dependencies in the following order:\n    rabbitmq_prometheus\n    rabbitmq_peer_discovery_k8s\n    rabbitmq_management\n    rabbitmq_web_dispatch\n    rabbitmq_management_agent\n    amqp_client\n    rabbit\n    rabbitmq_prelaunch\n    rabbit_common")
        rlog(1, p1 + 0.42, "info", "<0.9934.0>", "Stopping application 'rabbitmq_prometheus'")
        rlog(1, p1 + 0.8, "info", "<0.9934.0>", "Stopping application 'rabbit'")
        rlog(1, p1 + 0.81, "info", "<0.588.0>", "Peer discovery backend rabbit_peer_discovery_k8s does not support registration, skipping unregistration.")
        rlog(1, p1 + 0.82, "info", "<0.702.0>", "stopped TCP listener on [::]:5672")
        cnt = rng.randint(9, 16)
        for c in range(cnt):
            cip = rng.choice([ip[p] for p in oa_pods + fw_pods + nw_old] + ["10.43.7.%d" % rng.randint(2, 250)])
            pid = pidn()
            rlog(1, p1 + 0.83 + c * 0.001, "warning", pid, "closing AMQP connection %s (%s:%d -> %s:5672, vhost: 'shop', user: '%s'):\nclient unexpectedly closed TCP connection" % (
                pid, cip, rng.randint(32768, 60999), RIP[1], rng.choice(["order-api", "fulfillment", "notifier", "legacy-cron"])) if c % 4 == 3 else
                "Closing all connections in vhost 'shop' on node '%s' because the vhost is stopping" % NODES[1] if c == 0 else
                "closing AMQP connection %s (%s:%d -> %s:5672, vhost: 'shop', user: '%s', duration: '%dM, %dS')" % (
                pid, cip, rng.randint(32768, 60999), RIP[1], rng.choice(["order-api", "fulfillment", "notifier"]), rng.randint(1, 59), rng.randint(0, 59)))
        rlog(1, p1 + 1.2, "info", "<0.9934.0>", "Successfully stopped RabbitMQ and its dependencies")
        for j in range(int((b - p1) / 10)):
            rlog(1, p1 + 2 + j * 10, "info", "<0.612.0>", "Waiting for nodes to come back: [%s,%s]" % (NODES[0], NODES[2])) if j % 3 == 0 else None
        # recovery
        rlog(1, b, "info", "<0.612.0>", "Partial partition disappeared; node '%s' is back" % NODES[0])
        rlog(1, b + 0.2, "info", "<0.612.0>", "Cluster minority/secondary status resolved, starting RabbitMQ")
        rlog(1, b + 0.3, "info", "<0.9990.0>", "Starting RabbitMQ 3.13.7 on Erlang 26.2.5.3 [jit]")
        rlog(1, b + 2.1, "info", "<0.702.0>", "started TCP listener on [::]:5672")
        rlog(1, b + 2.2, "info", "<0.9990.0>", "Server startup complete; 6 plugins started.\n * rabbitmq_prometheus\n * rabbitmq_peer_discovery_k8s\n * rabbitmq_management\n * rabbitmq_web_dispatch\n * rabbitmq_management_agent\n * amqp_client")
        for q in QUEUES:
            rlog(1, b + rng.uniform(1.0, 2.0), "info", qpid[(q, 1)], "queue '%s' in vhost 'shop': detected a new leader {'%%2F_%s','%s'} in term %d" % (q, q, NODES[LEADER[q]], term[q]))
        for n in (0, 2):
            rlog(n, b + rng.uniform(0.5, 1.5), "info", "<0.612.0>", "node '%s' up" % NODES[1])
            rlog(n, b + rng.uniform(2.3, 2.6), "info", "<0.612.0>", "rabbit on node '%s' up" % NODES[1])
        # after the first two flaps somebody rebalances leaders -> moves some back to node 1
        if k < 2:
            rb = b + 48 + 20 * k
            rlog(0, rb, "info", "<0.14001.0>", "Rebalancing 6 quorum queues across nodes in vhost 'shop'")
            for q in ("orders.created", "notifications.email"):
                term[q] += 1
                rlog(0, rb + 0.5, "info", qpid[(q, LEADER[q])], "queue '%s' in vhost 'shop': leader transferring leadership to {'%%2F_%s','%s'}" % (q, q, NODES[1]))
                rlog(1, rb + 0.6, "info", qpid[(q, 1)], "queue '%s' in vhost 'shop': leader saw request_vote_result for term %d from {'%%2F_%s','%s'} ... becoming leader" % (q, term[q], q, NODES[LEADER[q]]))
                LEADER[q] = 1
            rlog(0, rb + 1.1, "info", "<0.14001.0>", "Finished rebalancing 6 quorum queues. Leaders per node: rabbit@rabbitmq-0: 2, rabbit@rabbitmq-1: 2, rabbit@rabbitmq-2: 2")
    # final: pod deleted and restarted
    rlog(1, RESTART, "info", "<0.9934.0>", "RabbitMQ is asked to stop...")
    rlog(1, RESTART + 0.5, "info", "<0.9934.0>", "Successfully stopped RabbitMQ and its dependencies")
    rlog(1, RESTART + 0.6, "info", "<0.9934.0>", "Halting Erlang VM with the following applications:\n    ra\n    sysmon_handler\n    os_mon\n    inets\n    mnesia\n    crypto\n    ssl\n    public_key")
    s = RESTART + 61
    boot = ["Starting RabbitMQ 3.13.7 on Erlang 26.2.5.3 [jit]", "Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries", "Licensed under the MPL 2.0. Website: https://rabbitmq.com",
            "\n node           : %s\n home dir       : /var/lib/rabbitmq\n config file(s) : /etc/rabbitmq/rabbitmq.conf\n cookie hash    : 8KkY2vQ6c1b7mW7c9rZp1A==\n log(s)         : <stdout>\n data dir       : /var/lib/rabbitmq/mnesia/%s" % (NODES[1], NODES[1]),
            "Running boot step pre_boot defined by app rabbit", "Running boot step rabbit_global_counters defined by app rabbit", "Running boot step rabbit_osiris_metrics defined by app rabbit",
            "Running boot step rabbit_core_metrics defined by app rabbit", "Running boot step rabbit_peer_discovery_k8s defined by app rabbitmq_peer_discovery_k8s",
            "Peer discovery: configured backend: rabbit_peer_discovery_k8s", "Waiting for Mnesia tables for 30000 ms, 9 retries left", "Successfully synced tables from a peer",
            "Starting ra_systems", "starting Ra system: quorum_queues in directory: /var/lib/rabbitmq/mnesia/%s/quorum/%s" % (NODES[1], NODES[1]),
            "wal: recovering 00000021.wal, Mode initial", "wal: recovered 00000021.wal time taken 312ms", "Recovering 6 queues of type rabbit_quorum_queue took 441ms",
            "Ready to start client connection listeners", "started TCP listener on [::]:5672", "Server startup complete; 6 plugins started."]
    for i, m in enumerate(boot):
        rlog(1, s + i * 0.21, "info", "<0.%d.0>" % (230 + i * 7), m)
    for q in QUEUES:
        rlog(1, s + 2.4 + rng.uniform(0, 0.5), "info", qpid[(q, 1)], "queue '%s' in vhost 'shop': detected a new leader {'%%2F_%s','%s'} in term %d" % (q, q, NODES[LEADER[q]] if LEADER[q] != 1 else NODES[0], term[q] + 1))
    for n in (0, 2):
        rlog(n, RESTART + 0.9, "info", "<0.612.0>", "rabbit on node '%s' down" % NODES[1])
        rlog(n, RESTART + 1.0, "info", "<0.612.0>", "Keeping %s listeners: the node is already back" % NODES[1])
        rlog(n, s + 4.2, "info", "<0.612.0>", "rabbit on node '%s' up" % NODES[1])


# ---------------------------------------------------------------- order-api (spring boot text)
def sb(pod, t, level, thread, logger, msg):
    th = thread[-15:]
    OUT.add("logs/order-api/%s.log" % pod, t, "%s %5s 1 --- [order-api] [%15s] %-40s : %s" % (iso(t), level, th, logger[:40], msg))


def sb_block(pod, t, level, thread, logger, msg, stack):
    th = thread[-15:]
    OUT.block("logs/order-api/%s.log" % pod, t, "%s %5s 1 --- [order-api] [%15s] %-40s : %s\n\n%s" % (iso(t), level, th, logger[:40], msg, stack))


TIMEOUT_STACK = ("org.springframework.amqp.AmqpTimeoutException: java.util.concurrent.TimeoutException\n"
                 "\tat org.springframework.amqp.rabbit.support.RabbitExceptionTranslator.convertRabbitAccessException(RabbitExceptionTranslator.java:73) ~[spring-rabbit-3.1.7.jar!/:3.1.7]\n"
                 "\tat org.springframework.amqp.rabbit.core.RabbitTemplate.waitForConfirmsOrDie(RabbitTemplate.java:2317) ~[spring-rabbit-3.1.7.jar!/:3.1.7]\n"
                 "\tat org.springframework.amqp.rabbit.core.RabbitTemplate.invoke(RabbitTemplate.java:2238) ~[spring-rabbit-3.1.7.jar!/:3.1.7]\n"
                 "\tat com.shop.orders.events.OrderEventPublisher.publishConfirmed(OrderEventPublisher.java:64) ~[!/:2.19.0]\n"
                 "\tat com.shop.orders.service.OrderService.create(OrderService.java:118) ~[!/:2.19.0]\n"
                 "\tat com.shop.orders.web.OrderController.create(OrderController.java:52) ~[!/:2.19.0]\n"
                 "\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089) ~[spring-webmvc-6.1.14.jar!/:6.1.14]\n"
                 "\tat org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659) ~[tomcat-embed-core-10.1.31.jar!/:na]\n"
                 "\tat java.base/java.lang.Thread.run(Thread.java:1583) ~[na:na]\n"
                 "Caused by: java.util.concurrent.TimeoutException: null\n"
                 "\tat com.rabbitmq.client.impl.ChannelN.waitForConfirms(ChannelN.java:220) ~[amqp-client-5.21.0.jar!/:5.21.0]\n"
                 "\tat com.rabbitmq.client.impl.ChannelN.waitForConfirmsOrDie(ChannelN.java:253) ~[amqp-client-5.21.0.jar!/:5.21.0]\n"
                 "\tat org.springframework.amqp.rabbit.connection.CachingConnectionFactory$CachedChannelInvocationHandler.invoke(CachingConnectionFactory.java:1209) ~[spring-rabbit-3.1.7.jar!/:3.1.7]\n"
                 "\t... 98 common frames omitted")
CONNECT_STACK = ("org.springframework.amqp.AmqpConnectException: java.net.ConnectException: Connection refused\n"
                 "\tat org.springframework.amqp.rabbit.support.RabbitExceptionTranslator.convertRabbitAccessException(RabbitExceptionTranslator.java:61) ~[spring-rabbit-3.1.7.jar!/:3.1.7]\n"
                 "\tat org.springframework.amqp.rabbit.connection.AbstractConnectionFactory.createBareConnection(AbstractConnectionFactory.java:603) ~[spring-rabbit-3.1.7.jar!/:3.1.7]\n"
                 "\tat org.springframework.amqp.rabbit.connection.CachingConnectionFactory.createConnection(CachingConnectionFactory.java:729) ~[spring-rabbit-3.1.7.jar!/:3.1.7]\n"
                 "\tat org.springframework.amqp.rabbit.core.RabbitTemplate.doExecute(RabbitTemplate.java:2132) ~[spring-rabbit-3.1.7.jar!/:3.1.7]\n"
                 "\tat com.shop.orders.events.OrderEventPublisher.publishConfirmed(OrderEventPublisher.java:58) ~[!/:2.19.0]\n"
                 "\tat com.shop.orders.service.OrderService.create(OrderService.java:118) ~[!/:2.19.0]\n"
                 "\tat com.shop.orders.web.OrderController.create(OrderController.java:52) ~[!/:2.19.0]\n"
                 "\tat java.base/java.lang.Thread.run(Thread.java:1583) ~[na:na]\n"
                 "Caused by: java.net.ConnectException: Connection refused\n"
                 "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method) ~[na:na]\n"
                 "\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:542) ~[na:na]\n"
                 "\tat java.base/java.net.Socket.connect(Socket.java:751) ~[na:na]\n"
                 "\tat com.rabbitmq.client.impl.SocketFrameHandlerFactory.create(SocketFrameHandlerFactory.java:61) ~[amqp-client-5.21.0.jar!/:5.21.0]\n"
                 "\t... 121 common frames omitted")

oa_conn_state = {p: {"node": conn_node[p], "broken_until": 0} for p in oa_pods}


def order_create(t, pod, rid):
    """returns (status, dur)"""
    oid = rng.uuid()
    cid = rng.randint(100000, 999999)
    thread = "http-nio-8080-exec-%d" % rng.randint(1, 200)
    d = rng.lat(0.018, 0.35)  # db insert
    st = oa_conn_state[pod]
    f = flap(t)
    node = st["node"]
    if f and node == 1:
        if detect_window(t):
            # connection to the partitioned node: confirms never come
            d += 5.0
            sb(pod, t + d, "WARN", thread, "c.s.orders.events.OrderEventPublisher", "Publisher confirm not received within 5000ms for order %s (exchange=orders, routingKey=order.created)" % oid)
            sb_block(pod, t + d + 0.001, "ERROR", thread, "c.s.orders.web.ApiExceptionHandler", "Order %s persisted but order.created could not be published; answering 503" % oid, TIMEOUT_STACK)
            return 503, d + 0.003
        else:
            # connection was force-closed; reconnect
            if rng.random() < 0.5:
                d += rng.lat(0.003, 0.3)
                sb_block(pod, t + d, "ERROR", thread, "c.s.orders.web.ApiExceptionHandler", "Order %s persisted but order.created could not be published; answering 503" % oid, CONNECT_STACK)
                return 503, d + 0.002
            st["node"] = rng.choice([0, 2])
            sb(pod, t + d, "INFO", thread, "o.s.a.r.c.CachingConnectionFactory", "Attempting to connect to: [rabbitmq.messaging.svc.cluster.local:5672]")
            sb(pod, t + d + 0.03, "INFO", thread, "o.s.a.r.c.CachingConnectionFactory", "Created new connection: rabbitConnectionFactory#6b1e7ad3:%d/SimpleConnection@%s [delegate=amqp://order-api@%s:5672/shop, localPort=%d]" % (
                rng.randint(2, 40), rng.hex(8), RIP[st["node"]], rng.randint(32768, 60999)))
            rabbit_conn_open(st["node"], t + d + 0.02, ip[pod], "order-api", "order-api#%s" % pod[-5:])
            d += 0.04
    elif f and detect_window(t) and rng.random() < 0.93:
        # the orders.created quorum queue leader sits on rabbitmq-1 when each flap starts
        # (moved back there by the rebalance after the first flap) -> confirms stall via any node
        if True:
            d += 5.0
            sb(pod, t + d, "WARN", thread, "c.s.orders.events.OrderEventPublisher", "Publisher confirm not received within 5000ms for order %s (exchange=orders, routingKey=order.created)" % oid)
            sb_block(pod, t + d + 0.001, "ERROR", thread, "c.s.orders.web.ApiExceptionHandler", "Order %s persisted but order.created could not be published; answering 503" % oid, TIMEOUT_STACK)
            return 503, d + 0.003
    if not f and node != conn_node[pod] and rng.random() < 0.02:
        pass
    cd = rng.lat(0.006, 0.4) if not f else rng.lat(0.04, 0.5)
    d += cd
    sb(pod, t + d, "INFO", thread, "c.s.orders.service.OrderService", "Order %s created for customer %d, %d items, total=%.2f EUR (confirm %dms)" % (
        oid, cid, rng.randint(1, 6), rng.uniform(9, 400), int(cd * 1000)))
    consume_event(t + d, oid, cid)
    return 201, d + 0.002


# ---------------------------------------------------------------- consumers
fw_backlog = []
nw_backlog = []


def consumer_available(pod, t):
    f = flap(t)
    if f and conn_node.get(pod) == 1:
        return False
    return True


def consume_event(t, oid, cid):
    # fulfillment
    pod = rng.choice(fw_pods)
    delay = rng.lat(0.05, 0.5)
    tt = t + delay
    f = flap(tt)
    if f:
        tt = f[2] + rng.uniform(6, 40)  # delivered after recovery / reconnect
    fw(pod, tt, "info", "order received", order_id=oid, routing_key="order.created", redelivered=bool(f))
    fw(pod, tt + rng.lat(0.3, 0.4), "info", "shipment requested", order_id=oid, carrier=rng.choice(["dhl", "ups", "dpd", "gls"]), warehouse=rng.choice(["DUB1", "AMS2"]))
    # notification
    cand = [p for p in nw_old if tt < nw_stop[p]] + [p for p in nw_new if tt >= nw_start[p]]
    npod = rng.choice(cand)
    nt = t + rng.lat(0.08, 0.5)
    if flap(nt):
        nt = flap(nt)[2] + rng.uniform(5, 35)
    nz(npod, nt, "info", "notifications/consumer.go:88", "order confirmation queued", order_id=oid, customer_id=cid, channel="email", template="order-confirmation-v3")


def fw(pod, t, level, event, **kv):
    d = {"event": event}
    d.update(kv)
    d["level"] = level
    d["logger"] = "fulfillment.consumer"
    d["timestamp"] = iso(t, 6)
    OUT.add("fw:" + pod, t, jdump_sp(d))


def nz(pod, t, level, caller, msg, **kv):
    d = {"level": level, "ts": iso(t, 3), "caller": caller, "msg": msg}
    d.update(kv)
    OUT.add("logs/notification-worker/%s.log" % pod, t, jdump(d))


def consumers_incident():
    for k, (a, b) in enumerate(FLAPS):
        down = a + 59
        for pod in fw_pods:
            if conn_node[pod] == 1 or rng.random() < 0.3:
                fw(pod, down + rng.uniform(0.5, 1.5), "warning", "Channel closed by server", channel=1,
                   reason="CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'", code=320)
                fw(pod, down + 1.6, "error", "consumer cancelled", queue="orders.fulfillment",
                   exc_info="Traceback (most recent call last):\n  File \"/app/.venv/lib/python3.12/site-packages/aio_pika/robust_connection.py\", line 88, in _on_connection_close\n    raise closing_exc\naiormq.exceptions.ConnectionClosed: (320, \"CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'\")")
                rt = down + 2
                while rt < b + 3:
                    fw(pod, rt, "warning", 'Connection attempt to "amqp://fulfillment:******@rabbitmq.messaging.svc.cluster.local:5672/shop" failed: [Errno 111] Connection refused. Reconnecting after 5 seconds.')
                    rt += 5 + rng.uniform(0, 0.05)
                    if rng.random() < 0.35:
                        break
                fw(pod, rt + 0.1, "info", "Connection established", host="rabbitmq.messaging.svc.cluster.local", node=NODES[rng.choice([0, 2])].split("@")[1].split(".")[0])
                fw(pod, rt + 0.12, "info", "consumer started", queue="orders.fulfillment", prefetch=20)
        for pod in nw_old + nw_new:
            alive = (pod in nw_old and down < nw_stop[pod]) or (pod in nw_new and down >= nw_start[pod])
            if not alive:
                continue
            if conn_node[pod] == 1 or rng.random() < 0.25:
                nz(pod, down + rng.uniform(0.3, 1.2), "error", "notifications/consumer.go:141", "consumer channel closed",
                   error="Exception (320) Reason: \"CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'\"", queue="notifications.email")
                rt = down + 1.5
                for i in range(rng.randint(1, 6)):
                    nz(pod, rt, "warn", "notifications/amqp.go:57", "amqp dial failed, retrying", addr="rabbitmq.messaging.svc.cluster.local:5672",
                       error="dial tcp %s:5672: connect: connection refused" % RIP[1], attempt=i + 1, backoff="%ds" % min(2 ** i, 16))
                    rt += min(2 ** i, 16)
                nz(pod, rt, "info", "notifications/amqp.go:71", "amqp connected", addr="rabbitmq.messaging.svc.cluster.local:5672")
                nz(pod, rt + 0.01, "info", "notifications/consumer.go:64", "consuming", queue="notifications.email", prefetch=50)
        # queue backlog warnings while consumers are away
        for pod in fw_pods:
            fw(pod, b + rng.uniform(3, 8), "warning", "processing backlog", queue="orders.fulfillment", ready=rng.randint(300, 1400), lag_seconds=round(b - a, 1))


def consumers_background():
    for pod in fw_pods:
        fw(pod, T0 + rng.uniform(0, 20), "info", "consumer started", queue="orders.fulfillment", prefetch=20)
        for t in arrivals(rng, T0, T1, 1 / 45.0):
            fw(pod, t, "info", "carrier rate cache refreshed", carriers=4, took_ms=rng.randint(40, 300))
        for t in arrivals(rng, T0, T1, 1 / 240.0):
            fw(pod, t, "warning", "address validation degraded, using fallback", provider="loqate", status=503)
    for pod in nw_old + nw_new:
        a = T0 if pod in nw_old else nw_start[pod]
        b = nw_stop[pod] if pod in nw_old else T1
        if pod in nw_new:
            nz(pod, a, "info", "cmd/worker/main.go:44", "starting notification-worker", version="1.31.0", commit="e1a9f03")
            nz(pod, a + 0.3, "info", "notifications/amqp.go:71", "amqp connected", addr="rabbitmq.messaging.svc.cluster.local:5672")
            nz(pod, a + 0.31, "info", "notifications/consumer.go:64", "consuming", queue="notifications.email", prefetch=50)
        else:
            nz(pod, b, "info", "cmd/worker/main.go:97", "received signal, draining", signal="terminated")
            nz(pod, b + 1.2, "info", "cmd/worker/main.go:104", "shutdown complete")
        for t in arrivals(rng, a, b, 1 / 20.0):
            if rng.random() < 0.5:
                nz(pod, t, "info", "notifications/sender.go:120", "email sent", provider="ses", message_id="0102019%s-%s-000000" % (rng.hex(9), rng.uuid()), latency_ms=rng.randint(40, 300))
            else:
                nz(pod, t, "warn", "notifications/push.go:77", "push token invalid, dropping", platform="apns", reason="BadDeviceToken")


# ---------------------------------------------------------------- payments-api & inventory-sync noise
def payments_req(t, pod):
    d = rng.lat(0.03, 0.5)
    lvl = "INFO"
    msg = "Payment intent %s captured amount=%d currency=EUR" % ("pi_" + rng.alnum(24), rng.randint(900, 40000))
    OUT.add("logs/payments-api/%s.log" % pod, t + d, jdump({"@timestamp": iso(t + d), "@version": "1", "message": msg, "logger_name": "com.shop.payments.CaptureService",
                                                          "thread_name": "http-nio-8080-exec-%d" % rng.randint(1, 80), "level": lvl, "level_value": 20000}))
    return d


def payments_noise():
    for pod in pay_pods:
        for t in arrivals(rng, T0, T1, 1 / 25.0):
            OUT.add("logs/payments-api/%s.log" % pod, t, jdump({"@timestamp": iso(t), "@version": "1", "message": "Webhook signature verification failed for event evt_%s: No signatures found matching the expected signature for payload" % rng.alnum(24),
                                                              "logger_name": "com.shop.payments.webhook.StripeWebhookController", "thread_name": "http-nio-8080-exec-%d" % rng.randint(1, 80),
                                                              "level": "ERROR", "level_value": 40000}))


def inventory_sync():
    f = "logs/inventory-sync/inventory-sync.log"
    t = T0 + 3
    while t < T1:
        OUT.add(f, t, "%s INFO [inventory_sync] starting delta sync run supplier=acme-wholesale" % comma_ts(t))
        OUT.add(f, t + 0.8, "%s ERROR [inventory_sync.client] supplier API returned 401 Unauthorized: {\"error\":\"invalid_token\",\"error_description\":\"The access token expired\"}" % comma_ts(t + 0.8))
        OUT.add(f, t + 0.81, "%s ERROR [inventory_sync] run failed after 1 attempt(s); next run in 60s" % comma_ts(t + 0.81))
        t += 60 + rng.uniform(-0.5, 0.5)


# ---------------------------------------------------------------- ingress + traffic
def ingress(t, d, method, path, status, upstream, up_addr, bytes_, ua, reqlen=None):
    pod = rng.choice(ing_pods)
    line = '%s - - [%s] "%s %s HTTP/2.0" %d %d "%s" "%s" %d %.3f [%s] [] %s %s %.3f %s %s' % (
        client_ip(rng), clf(t + d), method, path, status, bytes_, rng.choice(["-", "https://shop.example.com/checkout", "https://shop.example.com/"]),
        ua, reqlen or rng.randint(300, 900), d, upstream, up_addr, bytes_ if up_addr != "-" else "-", max(0.0, d - 0.001) if up_addr != "-" else 0.0,
        status if up_addr != "-" else "-", rng.hex(32))
    OUT.add("logs/ingress-nginx/%s.log" % pod, t + d, line)


def traffic():
    for t in arrivals(rng, T0, T1, 2.6):
        ua = rng.choice(UA_BROWSER + UA_APP)
        kind = rng.wchoice([("create", 20), ("get", 30), ("list", 12), ("pay", 14), ("web", 30)])
        if kind == "create":
            pod = rng.choice(oa_pods)
            st, d = order_create(t, pod, rng.hex(16))
            ingress(t, d + 0.001, "POST", "/api/orders", st, "shop-order-api-8080", "%s:8080" % ip[pod], 412 if st == 201 else 128, ua, rng.randint(900, 2400))
        elif kind == "get":
            pod = rng.choice(oa_pods)
            d = rng.lat(0.012, 0.4)
            ingress(t, d, "GET", "/api/orders/%s" % rng.uuid(), 200, "shop-order-api-8080", "%s:8080" % ip[pod], rng.randint(800, 3000), ua)
        elif kind == "list":
            pod = rng.choice(oa_pods)
            d = rng.lat(0.025, 0.4)
            ingress(t, d, "GET", "/api/orders?page=%d&size=20" % rng.randint(0, 4), 200, "shop-order-api-8080", "%s:8080" % ip[pod], rng.randint(3000, 20000), ua)
        elif kind == "pay":
            pod = rng.choice(pay_pods)
            d = payments_req(t, pod)
            ingress(t, d, "POST", "/api/payments/capture", 200, "shop-payments-api-8080", "%s:8080" % ip[pod], rng.randint(200, 600), ua, rng.randint(500, 1200))
        else:
            path = rng.choice(["/", "/products", "/checkout", "/static/js/main.%s.js" % rng.hex(8), "/static/css/app.%s.css" % rng.hex(8), "/favicon.ico"])
            d = rng.lat(0.004, 0.5)
            ingress(t, d, "GET", path, 200, "shop-web-80", "10.43.%d.%d:80" % (rng.randint(0, 15), rng.randint(2, 250)), rng.randint(500, 90000), ua)
    # order-api periodic
    for pod in oa_pods:
        for t in arrivals(rng, T0, T1, 1 / 60.0):
            sb(pod, t, "INFO", "scheduling-1", "c.s.orders.outbox.OutboxRelay", "Outbox relay: 0 pending, %d relayed in last minute" % rng.randint(40, 120))
    for k, (a, b) in enumerate(FLAPS):
        for pod in oa_pods:
            if oa_conn_state[pod]["node"] == 1 or conn_node[pod] == 1:
                down = a + rng.uniform(59, 61)
                sb(pod, down, "ERROR", "AMQP Connection %s:5672" % RIP[1], "o.s.a.r.c.CachingConnectionFactory",
                   "Shutdown Signal: connection error; protocol method: #method<connection.close>(reply-code=320, reply-text=CONNECTION_FORCED - broker forced connection closure with reason 'shutdown', class-id=0, method-id=0)")
                sb(pod, down + 0.002, "ERROR", "AMQP Connection %s:5672" % RIP[1], "o.s.a.r.c.CachingConnectionFactory",
                   "Channel shutdown: connection error; protocol method: #method<connection.close>(reply-code=320, reply-text=CONNECTION_FORCED - broker forced connection closure with reason 'shutdown', class-id=0, method-id=0)")
            if k == 1:
                oa_conn_state[pod]["node"] = 1 if pod == oa_pods[1] else oa_conn_state[pod]["node"]


# ---------------------------------------------------------------- k8s events (text)
def events():
    rows = []

    def ev(t, typ, reason, obj, msg, ns="messaging"):
        rows.append((t, "%-10s %-24s %-8s %-20s %-52s %s" % (ns, iso_s(t), typ, reason, obj, msg)))

    for a, b in FLAPS:
        for k in range(int((b - a - 60) / 10)):
            ev(a + 62 + k * 10, "Warning", "Unhealthy", "pod/rabbitmq-1", "Readiness probe failed: dial tcp %s:5672: connect: connection refused" % RIP[1])
    ev(RESTART - 30, "Normal", "NodeNotSchedulable", "node/ip-10-30-2-44.ec2.internal", "Node ip-10-30-2-44.ec2.internal status is now: NodeNotSchedulable", "default")
    ev(RESTART, "Normal", "Killing", "pod/rabbitmq-1", "Stopping container rabbitmq")
    ev(RESTART + 40, "Normal", "Scheduled", "pod/rabbitmq-1", "Successfully assigned messaging/rabbitmq-1 to ip-10-30-2-91.ec2.internal")
    ev(RESTART + 52, "Normal", "SuccessfulAttachVolume", "pod/rabbitmq-1", 'AttachVolume.Attach succeeded for volume "pvc-%s"' % rng.uuid())
    ev(RESTART + 58, "Normal", "Pulled", "pod/rabbitmq-1", 'Container image "docker.io/bitnami/rabbitmq:3.13.7-debian-12-r2" already present on machine')
    ev(RESTART + 59, "Normal", "Created", "pod/rabbitmq-1", "Created container rabbitmq")
    ev(RESTART + 60, "Normal", "Started", "pod/rabbitmq-1", "Started container rabbitmq")
    for k in range(3):
        ev(RESTART + 62 + k * 10, "Warning", "Unhealthy", "pod/rabbitmq-1", "Readiness probe failed: Error: unable to perform an operation on node '%s'. Please see diagnostics information and suggestions below." % NODES[1])
    new_rs = nw_new[0].split("-")[2]
    old_rs = nw_old[0].split("-")[2]
    ev(NOTIF_DEPLOY, "Normal", "ScalingReplicaSet", "deployment/notification-worker", "Scaled up replica set notification-worker-%s to 1" % new_rs, "shop")
    for i, p in enumerate(nw_new):
        ev(nw_start[p] - 5, "Normal", "Pulling", "pod/%s" % p, 'Pulling image "ghcr.io/shop/notification-worker:1.31.0"', "shop")
        ev(nw_start[p] - 1, "Normal", "Started", "pod/%s" % p, "Started container notification-worker", "shop")
        ev(nw_stop[nw_old[i]], "Normal", "Killing", "pod/%s" % nw_old[i], "Stopping container notification-worker", "shop")
        ev(nw_stop[nw_old[i]], "Normal", "ScalingReplicaSet", "deployment/notification-worker", "Scaled down replica set notification-worker-%s to %d from %d" % (old_rs, 1 - i, 2 - i), "shop")
    fp = fw_pods[0]
    ev(FLAPS[1][0] + 95, "Warning", "Unhealthy", "pod/%s" % fp, "Liveness probe failed: consumer idle for 90s on orders.fulfillment", "shop")
    for t in arrivals(rng, T0, T1, 1 / 60.0):
        ev(t, "Warning", "BackOff", "pod/inventory-sync-29486%d-%s" % (rng.randint(100, 999), rng.k8s(5)), "Back-off restarting failed container inventory-sync", "shop")
    rows = [r for r in rows if r]
    rows.sort(key=lambda r: r[0])
    hdr = "%-10s %-24s %-8s %-20s %-52s %s" % ("NAMESPACE", "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE")
    OUT.set_raw("logs/kubectl-get-events.txt", hdr + "\n" + "".join(r[1] + "\n" for r in rows))


# ---------------------------------------------------------------- main
rabbit_background()
rabbit_incident()
consumers_background()
consumers_incident()
payments_noise()
inventory_sync()
traffic()
events()

# fulfillment-worker: one `kubectl logs -l app=fulfillment-worker --prefix --timestamps=false` dump, grouped by pod
chunks = []
for pod in fw_pods:
    ent = sorted(OUT.files.pop("fw:" + pod), key=lambda e: (e[0], e[1]))
    chunks.append("".join("[pod/%s/fulfillment-worker] %s\n" % (pod, e[2]) for e in ent))
OUT.set_raw("logs/fulfillment-worker/kubectl-logs-prefix.txt", "".join(chunks))

truth = {
    "root_cause": {"service": "rabbitmq", "fault": "node-partition-quorum-leader-loss", "start": iso(FAULT)},
    "propagation": ["rabbitmq", "order-api", "ingress-nginx-controller"],
    "affected": ["rabbitmq", "order-api", "ingress-nginx-controller", "fulfillment-worker", "notification-worker"],
    "notes": "rabbitmq-1 repeatedly lost Erlang distribution connectivity (net_tick_timeout) from 03:12:40; quorum queues whose leader lived there "
             "stalled and re-elected, pause_minority stopped the node and force-closed its AMQP connections. order-api publisher confirms timed out / "
             "connections were refused (503 via ingress-nginx), consumers reconnected and built backlogs. rabbitmq-1 clock is ~4 s behind; the "
             "notification-worker rollout at 03:19 is unrelated.",
}
topology = [
    ("ingress-nginx-controller", "gateway", ["order-api", "payments-api"]),
    ("order-api", "api", ["rabbitmq"]),
    ("payments-api", "api", []),
    ("rabbitmq", "queue", []),
    ("fulfillment-worker", "consumer", ["rabbitmq"]),
    ("notification-worker", "consumer", ["rabbitmq"]),
    ("inventory-sync", "worker", []),
]
OUT.write(truth, topology)
