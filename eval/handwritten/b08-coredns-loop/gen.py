#!/usr/bin/env python3
"""b08: a Corefile edit makes CoreDNS detect a forwarding loop and exit; both
replicas crash-loop and every new DNS lookup in the cluster fails.  Logs are the
output of `stern -A --timestamps --since 11m .` started at 16:36:00 by on-call:
the 11-minute backlog comes pod by pod (not time-ordered), then live lines
interleave.  Plus kube-system events as JSON.  Run: python3 gen.py"""
SEED = 808
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common.py")).read())

# ---- case -------------------------------------------------------------------
clean_logs()
S = Sink()

START = T("2026-06-17T16:25:00Z")
END = T("2026-06-17T16:58:30Z")
EDIT = T("2026-06-17T16:40:12Z")
RELOAD = {"coredns-7db6d8ff4d-8kq2x": T("2026-06-17T16:40:51.204Z"), "coredns-7db6d8ff4d-tl9wz": T("2026-06-17T16:40:58.671Z")}
REVERT = T("2026-06-17T16:51:26Z")
OUT = "logs/cluster-pods.log"
NODE_SKEW = {"cart-api-6f9d7c8b5-kx2tn": timedelta(seconds=3.1)}

sections = {}   # pod/container -> list of (t, line)


def emit(pod, container, t, line):
    skew = NODE_SKEW.get(pod, timedelta(0))
    ns = "kube-system" if pod.startswith("coredns") else ("data" if pod.startswith("catalog-db") else ("ingress-nginx" if pod.startswith("ingress") else "shop"))
    ts = (t + skew).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S") + ".%06d%03dZ" % ((t + skew).microsecond, R.randint(0, 999))
    for l in line.split("\n"):
        sections.setdefault((pod, container), []).append((t, "%s %s %s %s %s" % (ns, pod, container, ts, l)))


# ------------------------------------------------------------------- coredns
dns_up = {}   # pod -> list of (from, to)
events = []


def ev(t, ns, kind, name, typ, reason, msg, comp="kubelet", count=1, last=None):
    events.append({"apiVersion": "v1", "kind": "Event", "count": count, "type": typ, "reason": reason, "message": msg,
                   "firstTimestamp": iso(t, 0), "lastTimestamp": iso(last or t, 0), "metadata": {"name": "%s.%s" % (name, hexid(16)), "namespace": ns},
                   "involvedObject": {"kind": kind, "name": name, "namespace": ns}, "source": {"component": comp}})


QUERY_NAMES = ["catalog-api.shop.svc.cluster.local.", "cart-redis.shop.svc.cluster.local.", "accounts-db.data.svc.cluster.local.", "catalog-db.data.svc.cluster.local.",
               "northwind.eu.auth0.com.", "rabbitmq.data.svc.cluster.local.", "cart-api.shop.svc.cluster.local.", "account-api.shop.svc.cluster.local."]
for pod, rl in RELOAD.items():
    # the `log` plugin is enabled only for errors (errors plugin) -> a few upstream errors as background
    for t in poisson_times(START, rl, 1 / 50.0):
        emit(pod, "coredns", t, '[ERROR] plugin/errors: 2 %s.%s AAAA: read udp 10.244.%d.%d:%d->169.254.169.253:53: i/o timeout' % (
            R.choice(["telemetry", "updates", "cdn-%d" % R.randint(1, 9)]), R.choice(["vendor-metrics.io", "status.partner-pay.com"]), R.randint(1, 6), R.randint(2, 250), R.randint(30000, 60000)))
    emit(pod, "coredns", rl, "[INFO] Reloading")
    emit(pod, "coredns", rl + timedelta(milliseconds=130), "[INFO] plugin/reload: Running configuration SHA512 = 8d2f61a8e6c2b1d1f0f2be1c19d1e4f3c8b4f24b1b0b8c1f65e7a3c45b6f0d2a19a3c73e4bf7d15de0b6a02f1b9a4b2e7d0a6c1f3e8b9d4c2a7e5f6b0c1d2e3f")
    emit(pod, "coredns", rl + timedelta(milliseconds=131), "[INFO] Reloading complete")
    emit(pod, "coredns", rl + timedelta(milliseconds=410), '[FATAL] plugin/loop: Loop (127.0.0.1:%d -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO %d.%d."' % (R.randint(30000, 60000), R.randint(10**18, 10**19), R.randint(10**18, 10**19)))
    dns_up[pod] = [(START - timedelta(hours=49), rl + timedelta(milliseconds=410))]
    # crash loop: container restarts, loop detected again within ~1s
    t = rl + timedelta(milliseconds=410)
    backoff = 10
    n = 1
    ev(t + timedelta(seconds=1), "kube-system", "Pod", pod, "Normal", "Pulled", 'Container image "registry.k8s.io/coredns/coredns:v1.11.1" already present on machine', count=n)
    while True:
        st = t + timedelta(seconds=backoff + R.uniform(0.2, 1.5))
        if st >= REVERT + timedelta(seconds=20):
            break
        n += 1
        emit(pod, "coredns", st, ".:53")
        emit(pod, "coredns", st + timedelta(milliseconds=2), "[INFO] plugin/reload: Running configuration SHA512 = 8d2f61a8e6c2b1d1f0f2be1c19d1e4f3c8b4f24b1b0b8c1f65e7a3c45b6f0d2a19a3c73e4bf7d15de0b6a02f1b9a4b2e7d0a6c1f3e8b9d4c2a7e5f6b0c1d2e3f")
        emit(pod, "coredns", st + timedelta(milliseconds=3), "CoreDNS-1.11.1")
        emit(pod, "coredns", st + timedelta(milliseconds=4), "linux/amd64, go1.20.7, ae2bbc2")
        ft = st + timedelta(milliseconds=R.randint(300, 900))
        emit(pod, "coredns", ft, '[FATAL] plugin/loop: Loop (127.0.0.1:%d -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO %d.%d."' % (R.randint(30000, 60000), R.randint(10**18, 10**19), R.randint(10**18, 10**19)))
        ev(st - timedelta(seconds=2), "kube-system", "Pod", pod, "Warning", "BackOff", "Back-off restarting failed container coredns in pod %s_kube-system(%s)" % (pod, uuid()), count=n)
        ev(ft + timedelta(seconds=1), "kube-system", "Pod", pod, "Warning", "Unhealthy", 'Readiness probe failed: Get "http://%s:8181/ready": dial tcp %s:8181: connect: connection refused' % ("10.244.0.%d" % (11 if pod.endswith("x") else 19), "10.244.0.%d" % (11 if pod.endswith("x") else 19)), count=n)
        t = ft
        backoff = min(backoff * 2, 300)
    # revert of the ConfigMap -> next restart comes up clean
    st = max(t + timedelta(seconds=backoff), REVERT + timedelta(seconds=R.uniform(20, 70)))
    st = min(st, REVERT + timedelta(seconds=95))
    emit(pod, "coredns", st, ".:53")
    emit(pod, "coredns", st + timedelta(milliseconds=2), "[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908")
    emit(pod, "coredns", st + timedelta(milliseconds=3), "CoreDNS-1.11.1")
    emit(pod, "coredns", st + timedelta(milliseconds=4), "linux/amd64, go1.20.7, ae2bbc2")
    dns_up[pod].append((st + timedelta(seconds=1.5), END + timedelta(hours=1)))
    ev(st, "kube-system", "Pod", pod, "Normal", "Started", "Started container coredns", count=n + 1)
    for t2 in poisson_times(st, END, 1 / 50.0):
        emit(pod, "coredns", t2, '[ERROR] plugin/errors: 2 telemetry.vendor-metrics.io. AAAA: read udp 10.244.%d.%d:%d->169.254.169.253:53: i/o timeout' % (R.randint(1, 6), R.randint(2, 250), R.randint(30000, 60000)))
ev(T("2026-06-17T16:10:03Z"), "kube-system", "Pod", "kube-proxy-9m2xq", "Warning", "FailedMount", 'MountVolume.SetUp failed for volume "kube-api-access-x8k2p" : failed to sync configmap cache: timed out waiting for the condition')
ev(T("2026-06-17T16:31:40Z"), "kube-system", "Pod", "aws-node-5jzbq", "Warning", "Unhealthy", "Liveness probe failed: {\"level\":\"info\",\"ts\":\"2026-06-17T16:31:40.112Z\",\"caller\":\"/root/sdk/go1.21.9/src/runtime/proc.go:271\",\"msg\":\"timeout: failed to connect service \\\":50051\\\" within 5s\"}", count=3)


def dns_ok(t):
    return any(a <= t < b for iv in dns_up.values() for a, b in iv)


def dns_err_kind(t):
    return "refused" if R.random() < 0.85 else "timeout"


# ------------------------------------------------------------------- traffic
ING = "ingress-nginx-controller-6c8f7d9b5-4qz8m"
SF = ["storefront-85d9c6f7b-2fjxw", "storefront-85d9c6f7b-v7n4k"]
CAT = ["catalog-api-7c6b9d8f5-hq2ds", "catalog-api-7c6b9d8f5-xm8pl"]
CART = "cart-api-6f9d7c8b5-kx2tn"
ACC = "account-api-5b8c9d7f6-r2wqj"
OW = "order-worker-6d7f8c9b4-pz5lx"
PG = "catalog-db-0"
# connection pools: a service needs a DNS lookup only when it opens a new connection
last_conn = {}


def needs_lookup(who, host, t, idle=30.0, p_new=0.05):
    k = (who, host)
    lc = last_conn.get(k)
    if lc is None or (t - lc).total_seconds() > idle or R.random() < p_new:
        return True
    last_conn[k] = t
    return False


def lookup(who, host, t):
    if dns_ok(t):
        last_conn[(who, host)] = t
        return True
    return False


def ingress(t, method, path, status, size, rt, upstream, ups_addr):
    emit(ING, "controller", t + timedelta(seconds=rt), '%s - - [%s] "%s %s HTTP/2.0" %d %d "-" "%s" %d %.3f [%s] [] %s %d %.3f %d %s' % (
        ip("62.4"), clf(t + timedelta(seconds=rt)), method, path, status, size, R.choice(["Mozilla/5.0 (X11; Linux x86_64) Firefox/127.0", "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X)"]),
        R.randint(200, 900), rt, upstream, ups_addr, size, max(0, rt - 0.001), status, hexid(32)))


for t in poisson_times(START, END, 3.6):
    sf = R.choice(SF)
    k = R.random()
    reqid = uuid()
    if k < 0.5:
        # product listing: storefront -> catalog-api -> catalog-db
        host = "catalog-api.shop.svc.cluster.local"
        path = R.choice(["/", "/c/%s" % R.choice(["tents", "boots", "stoves", "packs"]), "/p/%d" % R.randint(1000, 99999)])
        if needs_lookup(sf, host, t, idle=5.0, p_new=0.3) and not lookup(sf, host, t):
            # Node: no DNS cache; undici connect does getaddrinfo
            d = 0.004 if dns_err_kind(t) == "refused" else 5.0
            emit(sf, "web", t + timedelta(seconds=d), pino(t + timedelta(seconds=d), "error", "fetch failed", 1, sf, reqId=reqid, upstream="catalog-api",
                                                            err={"type": "TypeError", "message": "fetch failed", "cause": {"errno": -3001, "code": "EAI_AGAIN", "syscall": "getaddrinfo", "hostname": host}}))
            emit(sf, "web", t + timedelta(seconds=d + 0.001), pino(t + timedelta(seconds=d + 0.001), "error", "render failed", 1, sf, reqId=reqid, path=path, statusCode=500))
            ingress(t, "GET", path, 500, 1830, d + 0.003, "shop-storefront-3000", "10.244.3.%d:3000" % (21 if sf == SF[0] else 44))
            continue
        c = R.choice(CAT)
        dbh = "catalog-db.data.svc.cluster.local"
        if needs_lookup(c, dbh, t, idle=60.0, p_new=0.06) and not lookup(c, dbh, t):
            emit(c, "app", t + timedelta(seconds=0.002), zap(t + timedelta(seconds=0.002), "error", "store/pool.go:61", "failed to open db connection",
                                                              error="failed to connect to `host=catalog-db.data.svc.cluster.local user=catalog database=catalog`: hostname resolving error (lookup catalog-db.data.svc.cluster.local on 10.96.0.10:53: read udp 10.244.4.%d:%d->10.96.0.10:53: read: connection refused)" % (R.randint(2, 250), R.randint(30000, 60000)),
                                                              request_id=reqid))
            emit(c, "app", t + timedelta(seconds=0.003), zap(t + timedelta(seconds=0.003), "error", "http/products.go:77", "list products failed", status=503, request_id=reqid, error="store: acquire: hostname resolving error"))
            emit(sf, "web", t + timedelta(seconds=0.006), pino(t + timedelta(seconds=0.006), "error", "upstream error", 1, sf, reqId=reqid, upstream="catalog-api", statusCode=503))
            ingress(t, "GET", path, 502, 600, 0.009, "shop-storefront-3000", "10.244.3.%d:3000" % (21 if sf == SF[0] else 44))
            continue
        d = logn(45, 0.35) / 1000
        if R.random() < 0.1:
            emit(c, "app", t + timedelta(seconds=d), zap(t + timedelta(seconds=d), "info", "http/products.go:70", "listed products", count=R.randint(12, 48), took_ms=int(d * 1000), request_id=reqid))
        ingress(t, "GET", path, 200, R.randint(30000, 110000), d + 0.02, "shop-storefront-3000", "10.244.3.%d:3000" % (21 if sf == SF[0] else 44))
    elif k < 0.75:
        # cart: storefront -> cart-api (python) -> cart-redis
        host = "cart-api.shop.svc.cluster.local"
        if needs_lookup(sf, host, t, idle=5.0, p_new=0.3) and not lookup(sf, host, t):
            emit(sf, "web", t + timedelta(seconds=0.004), pino(t + timedelta(seconds=0.004), "error", "fetch failed", 1, sf, reqId=reqid, upstream="cart-api",
                                                                err={"type": "TypeError", "message": "fetch failed", "cause": {"errno": -3001, "code": "EAI_AGAIN", "syscall": "getaddrinfo", "hostname": host}}))
            ingress(t, "POST", "/api/cart", 502, 160, 0.006, "shop-storefront-3000", "10.244.3.%d:3000" % (21 if sf == SF[0] else 44))
            continue
        rh = "cart-redis.shop.svc.cluster.local"
        if needs_lookup(CART, rh, t, idle=300.0, p_new=0.08) and not lookup(CART, rh, t):
            emit(CART, "app", t + timedelta(seconds=0.01), pylog(t + NODE_SKEW[CART] + timedelta(seconds=0.01), "ERROR", "cart.store", "redis unavailable: Error -3 connecting to %s:6379. Temporary failure in name resolution." % rh))
            emit(CART, "app", t + timedelta(seconds=0.011), '%s - - [%s] "POST /cart/items HTTP/1.1" 503 57 "-" "node"' % ("10.244.3.21", clf(t + NODE_SKEW[CART])))
            emit(sf, "web", t + timedelta(seconds=0.014), pino(t + timedelta(seconds=0.014), "error", "upstream error", 1, sf, reqId=reqid, upstream="cart-api", statusCode=503))
            ingress(t, "POST", "/api/cart", 502, 160, 0.016, "shop-storefront-3000", "10.244.3.%d:3000" % (21 if sf == SF[0] else 44))
            continue
        d = logn(12, 0.3) / 1000
        emit(CART, "app", t + timedelta(seconds=d), '%s - - [%s] "POST /cart/items HTTP/1.1" 200 412 "-" "node"' % ("10.244.3.21", clf(t + NODE_SKEW[CART])))
        ingress(t, "POST", "/api/cart", 200, 412, d + 0.006, "shop-storefront-3000", "10.244.3.%d:3000" % (21 if sf == SF[0] else 44))
    else:
        # account: storefront -> account-api (java) -> accounts-db + auth0 (JVM caches DNS 30s)
        host = "account-api.shop.svc.cluster.local"
        if needs_lookup(sf, host, t, idle=5.0, p_new=0.3) and not lookup(sf, host, t):
            emit(sf, "web", t + timedelta(seconds=0.004), pino(t + timedelta(seconds=0.004), "error", "fetch failed", 1, sf, reqId=reqid, upstream="account-api",
                                                                err={"type": "TypeError", "message": "fetch failed", "cause": {"errno": -3001, "code": "EAI_AGAIN", "syscall": "getaddrinfo", "hostname": host}}))
            ingress(t, "GET", "/account", 500, 1830, 0.006, "shop-storefront-3000", "10.244.3.%d:3000" % (21 if sf == SF[0] else 44))
            continue
        jvm_cache_ok = (t - EDIT).total_seconds() < 75  # JVM positive cache (30s) covers the first moments
        if not dns_ok(t) and not jvm_cache_ok:
            th = "http-nio-8080-exec-%d" % R.randint(1, 80)
            emit(ACC, "app", t + timedelta(seconds=0.02), spring(t + timedelta(seconds=0.02), "ERROR", 1, th, "c.n.account.auth.TokenVerifier",
                                                                  "JWKS refresh failed\ncom.auth0.jwk.NetworkException: Cannot obtain jwks from url https://northwind.eu.auth0.com/.well-known/jwks.json\n\tat com.auth0.jwk.UrlJwkProvider.getJwks(UrlJwkProvider.java:186)\n\tat com.auth0.jwk.GuavaCachedJwkProvider.get(GuavaCachedJwkProvider.java:65)\nCaused by: java.net.UnknownHostException: northwind.eu.auth0.com: Temporary failure in name resolution\n\tat java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)\n\tat java.base/java.net.InetAddress$PlatformResolver.lookupByName(InetAddress.java:1211)\n\t... 47 common frames omitted", app="account-api"))
            emit(sf, "web", t + timedelta(seconds=0.03), pino(t + timedelta(seconds=0.03), "error", "upstream error", 1, sf, reqId=reqid, upstream="account-api", statusCode=401))
            ingress(t, "GET", "/account", 401, 90, 0.033, "shop-storefront-3000", "10.244.3.%d:3000" % (21 if sf == SF[0] else 44))
            continue
        d = logn(60, 0.3) / 1000
        ingress(t, "GET", "/account", 200, R.randint(8000, 20000), d + 0.01, "shop-storefront-3000", "10.244.3.%d:3000" % (21 if sf == SF[0] else 44))

# account-api: Hikari also needs to open new connections to accounts-db (maxLifetime rotation)
for t in every(START + timedelta(seconds=17), END, 45, jitter=10):
    if not dns_ok(t) and (t - EDIT).total_seconds() > 75:
        emit(ACC, "app", t, spring(t, "WARN", 1, "ol-1 connection adder", "com.zaxxer.hikari.pool.PoolBase",
                                   "HikariPool-1 - Pool is empty, failed to create/setup connection (bbc0f2c1-77e2-4b11-9d1d-5c0d5d2a6c12)\ncom.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\n\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\nCaused by: java.net.UnknownHostException: accounts-db.data.svc.cluster.local: Temporary failure in name resolution", app="account-api"))
    else:
        emit(ACC, "app", t, spring(t, "DEBUG", 1, "l-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 - Pool stats (total=10, active=%d, idle=%d, waiting=0)" % (2, 8), app="account-api"))

# order-worker: long-lived AMQP connection, never re-resolves -> unaffected (logs normal work)
for t in poisson_times(START, END, 1 / 6.0):
    emit(OW, "worker", t, logfmt(t, "info", "order processed", queue="orders.created", order_id=R.randint(10**7, 10**8), took_ms=R.randint(20, 90), broker="rabbitmq.data.svc.cluster.local:5672"))
# order-worker pre-existing error: poison message requeued every ~40s (distractor)
for t in every(START + timedelta(seconds=9), END, 40, jitter=4):
    emit(OW, "worker", t, logfmt(t, "error", "failed to process message, nacking with requeue", queue="orders.created", delivery_tag=R.randint(10**5, 10**6), err="json: cannot unmarshal string into Go struct field Order.total_cents of type int64"))

# catalog-db (postgres): quiet, routine checkpoints
for t in every(START + timedelta(seconds=51), END, 300):
    emit(PG, "postgres", t, pg(t, 64, "LOG", "checkpoint starting: time"))
    emit(PG, "postgres", t + timedelta(seconds=33), pg(t + timedelta(seconds=33), 64, "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, 0 recycled; write=32.9 s, sync=0.004 s, total=33.0 s" % (R.randint(100, 600), R.uniform(0.5, 3))))

# health checks
for t in every(START, END, 10):
    for p in SF:
        emit(p, "web", t + timedelta(milliseconds=R.randint(0, 999)), pino(t, "debug", "health", 1, p, path="/healthz", statusCode=200))

# --------------------------------------------------------------- write like stern
CAPTURE_START = T("2026-06-17T16:36:00Z")
order = [(ING, "controller"), (SF[0], "web"), (SF[1], "web"), (CAT[0], "app"), (CAT[1], "app"), (CART, "app"), (ACC, "app"), (OW, "worker"),
         ("coredns-7db6d8ff4d-8kq2x", "coredns"), ("coredns-7db6d8ff4d-tl9wz", "coredns"), (PG, "postgres")]
R.shuffle(order)
os.makedirs(os.path.join(HERE, "logs"), exist_ok=True)
n = 0
live = []
with open(os.path.join(HERE, OUT), "w") as fh:
    for key in order:
        rows = sorted(sections.get(key, []), key=lambda r: r[0])
        for t, l in rows:
            if t < CAPTURE_START:
                fh.write(l + "\n")
                n += 1
            else:
                live.append((t, l))
    live.sort(key=lambda r: r[0])
    for i, (t, l) in enumerate(live):
        fh.write(l + "\n")
        n += 1
        if i == len(live) // 3:
            fh.write("shop storefront-85d9c6f7b-v7n4k web 2026-06-17T16:45:29.998000000Z {\"level\":30,\"time\":17817\n")
events.sort(key=lambda e: e["lastTimestamp"])
with open(os.path.join(HERE, "logs", "kube-system-events.json"), "w") as fh:
    json.dump({"apiVersion": "v1", "kind": "List", "items": events, "metadata": {"resourceVersion": ""}}, fh, indent=2)
print("wrote %d lines + %d events" % (n, len(events)))
