#!/usr/bin/env python3
"""f01: Redis Sentinel failover; cart-service pinned to the old master (READONLY after it rejoins as replica)."""
import datetime as dt
import json
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
R = random.Random(20260311)
UTC = dt.timezone.utc
T0 = dt.datetime(2026, 3, 11, 13, 55, 0, tzinfo=UTC)
T_END = dt.datetime(2026, 3, 11, 14, 26, 0, tzinfo=UTC)
T_FSYNC = dt.datetime(2026, 3, 11, 14, 12, 7, 118000, tzinfo=UTC)
T_HANG = dt.datetime(2026, 3, 11, 14, 12, 31, 402000, tzinfo=UTC)
T_BACK = dt.datetime(2026, 3, 11, 14, 13, 52, 104000, tzinfo=UTC)
T_RO = dt.datetime(2026, 3, 11, 14, 13, 55, 0, tzinfo=UTC)  # cart-service reconnected to old master (now replica)
LOCAL = dt.timedelta(hours=-5)  # redis VMs log America/Chicago (CDT) without offset
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

files = {}


def emit(path, t, line):
    files.setdefault(path, []).append((t, line))


def sec(t0, t1):
    return (t1 - t0).total_seconds()


def redis_ts(t, skew=0.0):
    lt = t + LOCAL + dt.timedelta(seconds=skew)
    return "%02d %s %d %s.%03d" % (lt.day, MON[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), lt.microsecond // 1000)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def docker(path, t, line, stream="stdout"):
    emit(path, t, json.dumps({"log": line + "\n", "stream": stream, "time": None} | {
                              "time": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d" % t.microsecond + "%03dZ" % (t.microsecond % 997)}, separators=(",", ":")))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


# ---------------------------------------------------------------- redis nodes
NODES = [("redis-cart-0", "10.0.3.11", 1274), ("redis-cart-1", "10.0.3.12", 1301), ("redis-cart-2", "10.0.3.13", 1297)]
SENT_ID = {n[0]: hexid(40) for n in NODES}
SKEW = {"redis-cart-0": 0.0, "redis-cart-1": 0.0, "redis-cart-2": 3.6}  # redis-cart-2 clock runs ~3.6 s ahead


def rlog(node, t, role, lvl, msg, pid=None, kind="redis-server"):
    p = pid if pid is not None else dict((n[0], n[2]) for n in NODES)[node]
    emit("%s/var/log/redis/%s.log" % (node, kind), t, "%d:%s %s %s %s" % (p, role, redis_ts(t, SKEW[node]), lvl, msg))


def slog(node, t, lvl, msg):
    emit("%s/var/log/redis/redis-sentinel.log" % node, t, "1:X %s %s %s" % (redis_ts(t, SKEW[node]), lvl, msg))


# background RDB saves on every node
for name, ip, pid in NODES:
    role = "M" if name == "redis-cart-0" else "S"
    t = T0 + dt.timedelta(seconds=R.uniform(20, 90))
    while t < T_END:
        if name == "redis-cart-0" and T_HANG - dt.timedelta(seconds=5) < t < T_BACK + dt.timedelta(seconds=60):
            t += dt.timedelta(seconds=300)
            continue
        r2 = role
        if name == "redis-cart-1" and t > T_HANG:
            r2 = "M"
        if name == "redis-cart-0" and t > T_BACK:
            r2 = "S"
        child = R.randint(30000, 60000)
        ppid = pid if not (name == "redis-cart-0" and t > T_BACK) else 1288
        rlog(name, t, r2, "*", "%d changes in 300 seconds. Saving..." % R.randint(100, 9000), pid=ppid)
        rlog(name, t + dt.timedelta(milliseconds=1), r2, "*", "Background saving started by pid %d" % child, pid=ppid)
        d = R.uniform(0.4, 1.3)
        rlog(name, t + dt.timedelta(seconds=d), "C", "*", "DB saved on disk", pid=child)
        rlog(name, t + dt.timedelta(seconds=d, milliseconds=2), "C", "*",
             "Fork CoW for RDB: current %d MB, peak %d MB, average %d MB" % (R.randint(2, 6), R.randint(6, 9), R.randint(2, 5)), pid=child)
        rlog(name, t + dt.timedelta(seconds=d + 0.1), r2, "*", "Background saving terminated with success", pid=ppid)
        t += dt.timedelta(seconds=300 + R.uniform(-3, 3))

# pre-existing: a replica reconnect blip at 13:58 (noise)
rlog("redis-cart-2", T0 + dt.timedelta(minutes=3, seconds=12), "S", "#", "Connection with master lost.")
rlog("redis-cart-2", T0 + dt.timedelta(minutes=3, seconds=12, milliseconds=1), "S", "*", "Caching the disconnected master state.")
rlog("redis-cart-2", T0 + dt.timedelta(minutes=3, seconds=12, milliseconds=400), "S", "*", "Reconnecting to MASTER 10.0.3.11:6379")
rlog("redis-cart-2", T0 + dt.timedelta(minutes=3, seconds=12, milliseconds=401), "S", "*", "MASTER <-> REPLICA sync started")
rlog("redis-cart-2", T0 + dt.timedelta(minutes=3, seconds=12, milliseconds=403), "S", "*", "Master replied to PING, replication can continue...")
rlog("redis-cart-2", T0 + dt.timedelta(minutes=3, seconds=12, milliseconds=404), "S", "*", "Trying a partial resynchronization (request %s:88412312)." % hexid(40))
rlog("redis-cart-2", T0 + dt.timedelta(minutes=3, seconds=12, milliseconds=405), "S", "*", "Successful partial resynchronization with master.")
rlog("redis-cart-2", T0 + dt.timedelta(minutes=3, seconds=12, milliseconds=406), "S", "*", "MASTER <-> REPLICA sync: Master accepted a Partial Resynchronization.")
rlog("redis-cart-0", T0 + dt.timedelta(minutes=3, seconds=12, milliseconds=402), "M", "*", "Replica 10.0.3.13:6379 asks for synchronization")
rlog("redis-cart-0", T0 + dt.timedelta(minutes=3, seconds=12, milliseconds=403), "M", "*", "Partial resynchronization request from 10.0.3.13:6379 accepted. Sending 1822 bytes of backlog starting from offset 88410491.")

# the fault: disk stall on redis-cart-0's hypervisor, then the VM freezes
for i, off in enumerate([0, 2.1, 4.3, 6.0, 9.8, 13.5, 17.9, 21.2, 23.7]):
    rlog("redis-cart-0", T_FSYNC + dt.timedelta(seconds=off), "M", "*",
         "Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer without waiting for fsync to complete, this may slow down Redis.")
# nothing from redis-cart-0 between T_HANG and T_BACK (VM frozen)

mid = {n[0]: SENT_ID[n[0]] for n in NODES}
old, new = "cart-master 10.0.3.11 6379", "cart-master 10.0.3.12 6379"
ts = T_HANG + dt.timedelta(seconds=5.1)
for node in ("redis-cart-1", "redis-cart-2"):
    o = 0.0 if node == "redis-cart-1" else 0.21
    slog(node, ts + dt.timedelta(seconds=o), "#", "+sdown master %s" % old)
slog("redis-cart-1", ts + dt.timedelta(seconds=0.31), "#", "+odown master %s #quorum 2/2" % old)
slog("redis-cart-1", ts + dt.timedelta(seconds=0.311), "#", "+new-epoch 7")
slog("redis-cart-1", ts + dt.timedelta(seconds=0.312), "#", "+try-failover master %s" % old)
slog("redis-cart-1", ts + dt.timedelta(seconds=0.315), "*", "Sentinel new configuration saved on disk")
slog("redis-cart-1", ts + dt.timedelta(seconds=0.316), "#", "+vote-for-leader %s 7" % mid["redis-cart-1"])
slog("redis-cart-2", ts + dt.timedelta(seconds=0.33), "#", "+odown master %s #quorum 2/2" % old)
slog("redis-cart-2", ts + dt.timedelta(seconds=0.34), "#", "+new-epoch 7")
slog("redis-cart-2", ts + dt.timedelta(seconds=0.341), "#", "+vote-for-leader %s 7" % mid["redis-cart-1"])
slog("redis-cart-1", ts + dt.timedelta(seconds=0.36), "#", "%s voted for %s 7" % (mid["redis-cart-2"], mid["redis-cart-1"]))
seq = [("#", "+elected-leader master %s" % old), ("#", "+failover-state-select-slave master %s" % old),
       ("#", "+selected-slave slave 10.0.3.12:6379 10.0.3.12 6379 @ %s" % old),
       ("*", "+failover-state-send-slaveof-noone slave 10.0.3.12:6379 10.0.3.12 6379 @ %s" % old),
       ("*", "+failover-state-wait-promotion slave 10.0.3.12:6379 10.0.3.12 6379 @ %s" % old),
       ("#", "+promoted-slave slave 10.0.3.12:6379 10.0.3.12 6379 @ %s" % old),
       ("#", "+failover-state-reconf-slaves master %s" % old),
       ("*", "+slave-reconf-sent slave 10.0.3.13:6379 10.0.3.13 6379 @ %s" % old),
       ("*", "+slave-reconf-inprog slave 10.0.3.13:6379 10.0.3.13 6379 @ %s" % old),
       ("*", "+slave-reconf-done slave 10.0.3.13:6379 10.0.3.13 6379 @ %s" % old),
       ("#", "+failover-end master %s" % old), ("#", "+switch-master cart-master 10.0.3.11 6379 10.0.3.12 6379"),
       ("*", "+slave slave 10.0.3.13:6379 10.0.3.13 6379 @ %s" % new),
       ("*", "+slave slave 10.0.3.11:6379 10.0.3.11 6379 @ %s" % new)]
t = ts + dt.timedelta(seconds=1.1)
for lvl, m in seq:
    slog("redis-cart-1", t, lvl, m)
    t += dt.timedelta(milliseconds=R.randint(40, 700))
T_SWITCH = t
slog("redis-cart-2", T_SWITCH + dt.timedelta(milliseconds=120), "#", "+config-update-from sentinel %s 10.0.3.12 26379 @ %s" % (mid["redis-cart-1"], old))
slog("redis-cart-2", T_SWITCH + dt.timedelta(milliseconds=121), "#", "+switch-master cart-master 10.0.3.11 6379 10.0.3.12 6379")
slog("redis-cart-2", T_SWITCH + dt.timedelta(milliseconds=122), "*", "+slave slave 10.0.3.13:6379 10.0.3.13 6379 @ %s" % new)
slog("redis-cart-2", T_SWITCH + dt.timedelta(milliseconds=123), "*", "+slave slave 10.0.3.11:6379 10.0.3.11 6379 @ %s" % new)
for node in ("redis-cart-1", "redis-cart-2"):
    slog(node, T_SWITCH + dt.timedelta(seconds=5.2), "#", "+sdown slave 10.0.3.11:6379 10.0.3.11 6379 @ %s" % new)
    slog(node, T_BACK + dt.timedelta(seconds=1.3), "#", "-sdown slave 10.0.3.11:6379 10.0.3.11 6379 @ %s" % new)
slog("redis-cart-1", T_BACK + dt.timedelta(seconds=11.3), "*", "+convert-to-slave slave 10.0.3.11:6379 10.0.3.11 6379 @ %s" % new)
# sentinel on redis-cart-0 restarts with the VM
slog("redis-cart-0", T_BACK + dt.timedelta(milliseconds=50), "#", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo")
slog("redis-cart-0", T_BACK + dt.timedelta(milliseconds=51), "#", "Redis version=7.2.4, bits=64, commit=00000000, modified=0, pid=1, just started")
slog("redis-cart-0", T_BACK + dt.timedelta(milliseconds=52), "#", "Configuration loaded")
slog("redis-cart-0", T_BACK + dt.timedelta(milliseconds=60), "*", "Running mode=sentinel, port=26379.")
slog("redis-cart-0", T_BACK + dt.timedelta(milliseconds=70), "#", "Sentinel ID is %s" % mid["redis-cart-0"])
slog("redis-cart-0", T_BACK + dt.timedelta(milliseconds=71), "#", "+monitor master %s quorum 2" % old)
slog("redis-cart-0", T_BACK + dt.timedelta(seconds=1.9), "#", "+config-update-from sentinel %s 10.0.3.12 26379 @ %s" % (mid["redis-cart-1"], old))
slog("redis-cart-0", T_BACK + dt.timedelta(seconds=1.91), "#", "+switch-master cart-master 10.0.3.11 6379 10.0.3.12 6379")
slog("redis-cart-0", T_BACK + dt.timedelta(seconds=1.92), "*", "+slave slave 10.0.3.11:6379 10.0.3.11 6379 @ %s" % new)
# background sentinel chatter at startup of the window
for node, _, _ in NODES:
    slog(node, T0 + dt.timedelta(seconds=R.uniform(1, 40)), "*", "Sentinel new configuration saved on disk")

# redis-cart-1 promotion as seen by the replica
r1 = "redis-cart-1"
rlog(r1, T_HANG + dt.timedelta(seconds=3.0), "S", "#", "Connection with master lost.")
rlog(r1, T_HANG + dt.timedelta(seconds=3.001), "S", "*", "Caching the disconnected master state.")
rlog(r1, T_HANG + dt.timedelta(seconds=3.5), "S", "*", "Reconnecting to MASTER 10.0.3.11:6379")
rlog(r1, T_HANG + dt.timedelta(seconds=3.501), "S", "*", "MASTER <-> REPLICA sync started")
for k in range(3):
    rlog(r1, T_HANG + dt.timedelta(seconds=4.5 + k * 1.0), "S", "#", "Timeout connecting to the MASTER...")
    rlog(r1, T_HANG + dt.timedelta(seconds=4.6 + k * 1.0), "S", "*", "Reconnecting to MASTER 10.0.3.11:6379")
tp = T_SWITCH - dt.timedelta(seconds=2.0)
rlog(r1, tp, "M", "*", "Discarding previously cached master state.")
rlog(r1, tp + dt.timedelta(milliseconds=1), "M", "*", "Setting secondary replication ID to %s, valid up to offset: 91284411. New replication ID is %s" % (hexid(40), hexid(40)))
rlog(r1, tp + dt.timedelta(milliseconds=2), "M", "*", "MASTER MODE enabled (user request from 'id=41 addr=10.0.3.12:51720 laddr=10.0.3.12:6379 fd=12 name=sentinel-%s-cmd age=4801 idle=0 flags=x db=0 sub=0 psub=0 ssub=0 multi=4 qbuf=188 qbuf-free=20286 argv-mem=4 multi-mem=169 rbs=2048 rbp=1024 obl=45 oll=0 omem=0 tot-mem=23365 events=r cmd=exec user=default redir=-1 resp=2 lib-name= lib-ver=')" % mid["redis-cart-1"][:8])
rlog(r1, tp + dt.timedelta(seconds=1.2), "M", "*", "Replica 10.0.3.13:6379 asks for synchronization")
rlog(r1, tp + dt.timedelta(seconds=1.201), "M", "*", "Partial resynchronization request from 10.0.3.13:6379 accepted. Sending 0 bytes of backlog starting from offset 91284412.")
rlog(r1, T_BACK + dt.timedelta(seconds=11.6), "M", "*", "Replica 10.0.3.11:6379 asks for synchronization")
rlog(r1, T_BACK + dt.timedelta(seconds=11.601), "M", "*", "Partial resynchronization not accepted: Requested offset for second ID was 91301177, but I can reply up to 91284411")
rlog(r1, T_BACK + dt.timedelta(seconds=11.602), "M", "*", "Starting BGSAVE for SYNC with target: disk")
rlog(r1, T_BACK + dt.timedelta(seconds=11.603), "M", "*", "Background saving started by pid 51822")
rlog(r1, T_BACK + dt.timedelta(seconds=12.4), "C", "*", "DB saved on disk", pid=51822)
rlog(r1, T_BACK + dt.timedelta(seconds=12.5), "M", "*", "Background saving terminated with success")
rlog(r1, T_BACK + dt.timedelta(seconds=12.7), "M", "*", "Synchronization with replica 10.0.3.11:6379 succeeded")
r2 = "redis-cart-2"
rlog(r2, T_HANG + dt.timedelta(seconds=3.2), "S", "#", "Connection with master lost.")
rlog(r2, T_HANG + dt.timedelta(seconds=3.201), "S", "*", "Caching the disconnected master state.")
rlog(r2, tp + dt.timedelta(seconds=1.1), "S", "*", "Connecting to MASTER 10.0.3.12:6379")
rlog(r2, tp + dt.timedelta(seconds=1.101), "S", "*", "MASTER <-> REPLICA sync started")
rlog(r2, tp + dt.timedelta(seconds=1.102), "S", "*", "REPLICAOF 10.0.3.12:6379 enabled (user request from 'id=39 addr=10.0.3.12:40112 laddr=10.0.3.13:6379 fd=11 name=sentinel-%s-cmd age=4801 idle=0 flags=x db=0 sub=0 psub=0 ssub=0 multi=4 qbuf=329 qbuf-free=20145 argv-mem=4 multi-mem=181 rbs=1024 rbp=1024 obl=45 oll=0 omem=0 tot-mem=22413 events=r cmd=exec user=default redir=-1 resp=2 lib-name= lib-ver=')" % mid["redis-cart-1"][:8])
rlog(r2, tp + dt.timedelta(seconds=1.2), "S", "*", "Master replied to PING, replication can continue...")
rlog(r2, tp + dt.timedelta(seconds=1.21), "S", "*", "MASTER <-> REPLICA sync: Master accepted a Partial Resynchronization.")
# redis-cart-0 comes back as master (stale config), then gets converted
r0 = "redis-cart-0"
boot = [("C", "#", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo"),
        ("C", "#", "Redis version=7.2.4, bits=64, commit=00000000, modified=0, pid=1288, just started"),
        ("C", "#", "Configuration loaded"), ("M", "*", "monotonic clock: POSIX clock_gettime"),
        ("M", "*", "Running mode=standalone, port=6379."), ("M", "*", "Server initialized"),
        ("M", "*", "Reading RDB base file on AOF loading..."), ("M", "*", "Loading RDB produced by version 7.2.4"),
        ("M", "*", "RDB age 1487 seconds"), ("M", "*", "RDB memory usage when created 212.44 Mb"),
        ("M", "*", "RDB is base AOF"), ("M", "*", "Done loading RDB, keys loaded: 418223, keys expired: 1722."),
        ("M", "*", "DB loaded from base file appendonly.aof.14.base.rdb: 0.388 seconds"),
        ("M", "*", "DB loaded from incr file appendonly.aof.14.incr.aof: 0.051 seconds"),
        ("M", "*", "DB loaded from append only file: 0.441 seconds"), ("M", "*", "Opening AOF incr file appendonly.aof.14.incr.aof on server start"),
        ("M", "*", "Ready to accept connections tcp")]
for i, (role, lvl, m) in enumerate(boot):
    rlog(r0, T_BACK + dt.timedelta(milliseconds=i * 31), role, lvl, m, pid=1288)
tc = T_BACK + dt.timedelta(seconds=11.35)
conv = ["Before turning into a replica, using my own master parameters to synthesize a cached master: I may be able to synchronize with the new master with just a partial transfer.",
        "Connecting to MASTER 10.0.3.12:6379", "MASTER <-> REPLICA sync started",
        "REPLICAOF 10.0.3.12:6379 enabled (user request from 'id=7 addr=10.0.3.12:51733 laddr=10.0.3.11:6379 fd=10 name=sentinel-%s-cmd age=0 idle=0 flags=x db=0 sub=0 psub=0 ssub=0 multi=4 qbuf=196 qbuf-free=20278 argv-mem=4 multi-mem=169 rbs=2048 rbp=1024 obl=45 oll=0 omem=0 tot-mem=23365 events=r cmd=exec user=default redir=-1 resp=2 lib-name= lib-ver=')" % mid["redis-cart-1"][:8],
        "Non blocking connect for SYNC fired the event.", "Master replied to PING, replication can continue...",
        "Trying a partial resynchronization (request %s:91301178)." % hexid(40),
        "Full resync from master: %s:91284411" % hexid(40),
        "MASTER <-> REPLICA sync: receiving 223887114 bytes from master to disk",
        "Discarding previously cached master state.", "MASTER <-> REPLICA sync: Flushing old data",
        "MASTER <-> REPLICA sync: Loading DB in memory", "Loading RDB produced by version 7.2.4",
        "Done loading RDB, keys loaded: 418106, keys expired: 0.", "MASTER <-> REPLICA sync: Finished with success",
        "Creating AOF incr file temp-appendonly.aof.incr on background rewrite", "Background append only file rewriting started by pid 1402"]
for i, m in enumerate(conv):
    rlog(r0, tc + dt.timedelta(milliseconds=i * 90), "S", "*", m, pid=1288)

# ---------------------------------------------------------------- applications (docker json-file via /var/log/containers)
NODEPODS = {
    "cart-service": [("ip-10-0-21-14", "cart-service-5d8f7c6b9-q7xkl"), ("ip-10-0-22-31", "cart-service-5d8f7c6b9-zr2mn")],
    "session-service": [("ip-10-0-21-14", "session-service-7b94d5c7f-w4hbt")],
    "storefront-bff": [("ip-10-0-21-14", "storefront-bff-6c9d7b8f5-k2x9q"), ("ip-10-0-22-31", "storefront-bff-6c9d7b8f5-p8d4v")],
    "recommendations": [("ip-10-0-22-31", "recommendations-84c6d9f7b-mm5t2")],
}
CID = {}
for svc in NODEPODS:
    for node, pod in NODEPODS[svc]:
        CID[pod] = hexid(64)


def cpath(node, pod, container):
    return "%s/var/log/containers/%s_shop_%s-%s.log" % (node, pod, container, CID[pod])


def spring(node, pod, app, t, lvl, thread, logger, msg, pid=1):
    th = thread[-15:].rjust(15)
    lg = logger if len(logger) <= 40 else logger[:40]
    docker(cpath(node, pod, app), t, "%s %5s %d --- [%s] [%s] %-40s : %s" % (iso(t), lvl, pid, app, th, lg, msg))


def spring_trace(node, pod, app, t, lines):
    for ln in lines:
        docker(cpath(node, pod, app), t, ln)


def pino(node, pod, t, obj):
    o = {"level": obj.pop("level"), "time": int(t.timestamp() * 1000), "pid": 1, "hostname": pod}
    o.update(obj)
    docker(cpath(node, pod, "storefront-bff"), t, json.dumps(o, separators=(",", ":")))


RO_TRACE = [
    "org.springframework.data.redis.RedisSystemException: Error in execution",
    "\tat org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter.convert(LettuceExceptionConverter.java:52)",
    "\tat org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter.convert(LettuceExceptionConverter.java:41)",
    "\tat org.springframework.data.redis.connection.lettuce.LettuceConnection.convertLettuceAccessException(LettuceConnection.java:258)",
    "\tat org.springframework.data.redis.connection.lettuce.LettuceConnection.await(LettuceConnection.java:1035)",
    "\tat org.springframework.data.redis.connection.lettuce.LettuceHashCommands.hSet(LettuceHashCommands.java:55)",
    "\tat org.springframework.data.redis.core.DefaultHashOperations.put(DefaultHashOperations.java:226)",
    "\tat com.larkspur.cart.store.RedisCartStore.addItem(RedisCartStore.java:88)",
    "\tat com.larkspur.cart.service.CartService.addItem(CartService.java:64)",
    "\tat com.larkspur.cart.web.CartController.addItem(CartController.java:47)",
    "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
    "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)",
    "\tat org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:61)",
    "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
    "Caused by: io.lettuce.core.RedisReadOnlyException: READONLY You can't write against a read only replica.",
    "\tat io.lettuce.core.internal.ExceptionFactory.createExecutionException(ExceptionFactory.java:143)",
    "\tat io.lettuce.core.internal.ExceptionFactory.createExecutionException(ExceptionFactory.java:116)",
    "\tat io.lettuce.core.protocol.AsyncCommand.completeResult(AsyncCommand.java:120)",
    "\tat io.lettuce.core.protocol.AsyncCommand.complete(AsyncCommand.java:111)",
    "\tat io.lettuce.core.protocol.CommandHandler.complete(CommandHandler.java:745)",
    "\tat io.lettuce.core.protocol.CommandHandler.decode(CommandHandler.java:680)",
    "\tat io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:566)",
    "\t... 1 common frames omitted",
]
TO_TRACE = [
    "org.springframework.dao.QueryTimeoutException: Redis command timed out",
    "\tat org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter.convert(LettuceExceptionConverter.java:66)",
    "\tat org.springframework.data.redis.connection.lettuce.LettuceConnection.await(LettuceConnection.java:1035)",
    "\tat org.springframework.data.redis.connection.lettuce.LettuceHashCommands.hGetAll(LettuceHashCommands.java:197)",
    "\tat com.larkspur.cart.store.RedisCartStore.load(RedisCartStore.java:52)",
    "\tat com.larkspur.cart.service.CartService.getCart(CartService.java:38)",
    "\tat com.larkspur.cart.web.CartController.getCart(CartController.java:31)",
    "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
    "Caused by: io.lettuce.core.RedisCommandTimeoutException: Command timed out after 2 second(s)",
    "\tat io.lettuce.core.internal.ExceptionFactory.createTimeoutException(ExceptionFactory.java:63)",
    "\tat io.lettuce.core.protocol.CommandExpiryWriter.lambda$potentiallyExpire$0(CommandExpiryWriter.java:172)",
    "\tat io.netty.util.concurrent.AbstractEventExecutor.runTask(AbstractEventExecutor.java:173)",
    "\t... 1 common frames omitted",
]

# recommendations: a deploy at 14:03 (red herring)
rn, rp = NODEPODS["recommendations"][0]
T_DEP = dt.datetime(2026, 3, 11, 14, 3, 4, 0, tzinfo=UTC)
for i, (lg, m) in enumerate([("c.l.reco.RecommendationsApplication", "Starting RecommendationsApplication v4.19.0 using Java 21.0.2 with PID 1 (/app/app.jar started by app in /app)"),
                             ("c.l.reco.RecommendationsApplication", "The following 1 profile is active: \"prod\""),
                             ("o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 8080 (http)"),
                             ("c.l.reco.model.ModelLoader", "Loading model bundle s3://larkspur-ml/reco/2026-03-10/model.onnx"),
                             ("o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path ''"),
                             ("c.l.reco.RecommendationsApplication", "Started RecommendationsApplication in 21.87 seconds (process running for 23.1)")]):
    spring(rn, rp, "recommendations", T_DEP + dt.timedelta(seconds=i * 4), "INFO", "main", lg, m)
for k in range(60):
    t = T_DEP + dt.timedelta(seconds=25 + k * R.uniform(4, 9))
    spring(rn, rp, "recommendations", t, "WARN", "nio-8080-exec-%d" % R.randint(1, 20), "c.l.reco.service.RecoService",
           "Model cache cold for segment=%s, serving popularity fallback" % R.choice(["new", "returning", "vip", "anon"]))

# traffic
rate = 3.5  # storefront requests/s across pods
t = T0
rid = 100000
while t < T_END:
    t += dt.timedelta(seconds=R.expovariate(rate))
    rid += 1
    r = R.random()
    if r < 0.45:
        method, url, kind = "GET", "/api/cart", "read"
    elif r < 0.65:
        method, url, kind = "POST", "/api/cart/items", "write"
    elif r < 0.72:
        method, url, kind = "DELETE", "/api/cart/items/%d" % R.randint(1000, 9999), "write"
    elif r < 0.85:
        method, url, kind = "GET", "/api/recommendations?slot=pdp", "reco"
    else:
        method, url, kind = "GET", "/api/session", "session"
    bnode, bpod = R.choice(NODEPODS["storefront-bff"])
    status, dur = 200, R.uniform(8, 45)
    err = None
    if kind in ("read", "write"):
        cnode, cpod = R.choice(NODEPODS["cart-service"])
        th = "nio-8080-exec-%d" % R.randint(1, 50)
        hang = T_HANG - dt.timedelta(seconds=1) <= t < T_RO
        if hang:
            # commands time out after 2 s; lettuce reconnecting to pinned old master
            tt = t + dt.timedelta(seconds=2.0 + R.uniform(0, 0.02))
            spring(cnode, cpod, "cart-service", tt, "ERROR", th, "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                   "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.QueryTimeoutException: Redis command timed out] with root cause")
            spring_trace(cnode, cpod, "cart-service", tt, TO_TRACE[8:] if R.random() < 0.5 else TO_TRACE)
            status, dur, err = 502, 2000 + R.uniform(5, 40), "Response code 500 (Internal Server Error)"
        elif t >= T_BACK + dt.timedelta(seconds=11.5) and kind == "write":
            tt = t + dt.timedelta(milliseconds=R.uniform(2, 6))
            spring(cnode, cpod, "cart-service", tt, "ERROR", th, "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                   "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.data.redis.RedisSystemException: Error in execution] with root cause")
            spring_trace(cnode, cpod, "cart-service", tt, RO_TRACE[14:] if R.random() < 0.6 else RO_TRACE)
            status, dur, err = 502, R.uniform(8, 20), "Response code 500 (Internal Server Error)"
        elif R.random() < 0.08:
            spring(cnode, cpod, "cart-service", t + dt.timedelta(milliseconds=4), "INFO", th,
                   "c.l.cart.service.CartService", "cart merged for anonymous session into customer %d (%d items)" % (R.randint(10000, 99999), R.randint(1, 6)))
    elif kind == "reco":
        if T_DEP <= t < T_DEP + dt.timedelta(seconds=24):
            status, dur, err = 503, R.uniform(1, 4), "connect ECONNREFUSED 172.20.14.77:8080"
        else:
            dur = R.uniform(20, 90)
    elif kind == "session":
        if T_HANG <= t < T_SWITCH + dt.timedelta(seconds=0.5):
            status, dur, err = 502, 1000 + R.uniform(0, 30), "Response code 503 (Service Unavailable)"
    if err:
        pino(bnode, bpod, t + dt.timedelta(milliseconds=dur), {"level": 50, "reqId": "req-%x" % rid,
             "upstream": {"cart": "http://cart-service.shop.svc.cluster.local:8080", "reco": "http://recommendations.shop.svc.cluster.local:8080",
                          "session": "http://session-service.shop.svc.cluster.local:8080"}["cart" if kind in ("read", "write") else kind],
             "err": {"type": "HTTPError" if "Response" in err else "RequestError", "message": err,
                     "stack": ("HTTPError: %s\n    at Request.<anonymous> (/app/node_modules/got/dist/source/as-promise/index.js:118:42)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)" % err)
                     if "Response" in err else ("RequestError: %s\n    at ClientRequest.<anonymous> (/app/node_modules/got/dist/source/core/index.js:970:111)\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)" % err),
                     "code": "ERR_NON_2XX_3XX_RESPONSE" if "Response" in err else "ECONNREFUSED"},
             "msg": "upstream call failed"})
    pino(bnode, bpod, t + dt.timedelta(milliseconds=dur + 0.5), {"level": 30 if status < 500 else 50, "req": {"id": "req-%x" % rid, "method": method, "url": url,
         "remoteAddress": "::ffff:10.0.%d.%d" % (R.randint(20, 23), R.randint(2, 250))}, "res": {"statusCode": status},
         "responseTime": int(round(dur)), "msg": "request completed" if status < 500 else "request errored"})
    # caddy at the edge
    ip = "%d.%d.%d.%d" % (R.randint(24, 220), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
    ce = t + dt.timedelta(milliseconds=dur + R.uniform(0.5, 3))
    emit("edge-caddy-1/var/log/caddy/access.log", ce, json.dumps({
        "level": "info" if status < 500 else "error", "ts": round(ce.timestamp(), 6), "logger": "http.log.access.log0", "msg": "handled request",
        "request": {"remote_ip": ip, "remote_port": str(R.randint(30000, 65000)), "client_ip": ip, "proto": "HTTP/2.0", "method": method,
                    "host": "shop.larkspur.com", "uri": url, "headers": {"User-Agent": [R.choice(["Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36"])]},
                    "tls": {"resumed": False, "version": 772, "cipher_suite": 4865, "proto": "h2", "server_name": "shop.larkspur.com"}},
        "bytes_read": 0 if method == "GET" else R.randint(80, 400), "user_id": "", "duration": round((dur + 1.2) / 1000.0, 6),
        "size": R.randint(200, 4000) if status < 500 else 61, "status": status,
        "resp_headers": {"Server": ["Caddy"], "Content-Type": ["application/json; charset=utf-8"]}}, separators=(",", ":")))

# session-service (sentinel-aware) : brief blip then recovers on the new master
sn, sp = NODEPODS["session-service"][0]
spring(sn, sp, "session-service", T_HANG + dt.timedelta(seconds=2.8), "INFO", "ioEventLoop-6-2", "i.l.core.protocol.ConnectionWatchdog",
       "Reconnecting, last destination was /10.0.3.11:6379")
for k in range(3):
    spring(sn, sp, "session-service", T_HANG + dt.timedelta(seconds=3.0 + k * 2.1), "WARN", "ioEventLoop-6-%d" % (k + 1), "i.l.core.protocol.ConnectionWatchdog",
           "Cannot reconnect to [10.0.3.11/<unresolved>:6379]: connection timed out: /10.0.3.11:6379")
spring(sn, sp, "session-service", T_SWITCH + dt.timedelta(seconds=0.4), "INFO", "ioEventLoop-6-1", "i.l.core.protocol.ReconnectionHandler",
       "Reconnected to 10.0.3.12/<unresolved>:6379")
t = T0
while t < T_END:
    t += dt.timedelta(seconds=R.uniform(40, 80))
    spring(sn, sp, "session-service", t, "INFO", "scheduling-1", "c.l.session.jobs.SessionReaper", "reaped %d expired sessions in %d ms" % (R.randint(0, 60), R.randint(3, 30)))
    if R.random() < 0.3:
        spring(sn, sp, "session-service", t + dt.timedelta(seconds=1), "WARN", "nio-8080-exec-%d" % R.randint(1, 10), "c.l.session.web.SessionController",
               "rejecting session token with unknown kid=%s" % hexid(8))

# cart-service lettuce reconnect story (pinned to redis-cart-0)
for node, pod in NODEPODS["cart-service"]:
    spring(node, pod, "cart-service", T_HANG + dt.timedelta(seconds=3.1), "INFO", "ioEventLoop-4-1", "i.l.core.protocol.ConnectionWatchdog",
           "Reconnecting, last destination was redis-cart-0.redis-cart.data.svc.cluster.local/10.0.3.11:6379")
    t = T_HANG + dt.timedelta(seconds=13.1)
    while t < T_BACK:
        spring(node, pod, "cart-service", t, "WARN", "ioEventLoop-4-%d" % R.randint(1, 4), "i.l.core.protocol.ConnectionWatchdog",
               "Cannot reconnect to [redis-cart-0.redis-cart.data.svc.cluster.local/<unresolved>:6379]: connection timed out: redis-cart-0.redis-cart.data.svc.cluster.local/10.0.3.11:6379")
        t += dt.timedelta(seconds=min(30, 10 + R.uniform(0, 1)))
    spring(node, pod, "cart-service", T_RO - dt.timedelta(seconds=0.6), "INFO", "ioEventLoop-4-2", "i.l.core.protocol.ReconnectionHandler",
           "Reconnected to redis-cart-0.redis-cart.data.svc.cluster.local/<unresolved>:6379")

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
