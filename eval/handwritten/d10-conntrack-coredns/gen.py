#!/usr/bin/env python3
# Deterministic incident log generator (standard library only).
import os
import shutil
import random
import json
import gzip
import math
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc


def reset_logs():
    if os.path.isdir(LOGS):
        shutil.rmtree(LOGS)
    os.makedirs(LOGS)


def write_file(rel, lines, gz=False):
    path = os.path.join(LOGS, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    with open(path, "wb") as f:
        if gz:
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as g:
                g.write(data)
        else:
            f.write(data)


class Sink:
    """Collects (time, text) records; emits them sorted by time (stable)."""

    def __init__(self):
        self.items = []
        self.n = 0

    def add(self, t, text):
        self.items.append((t, self.n, text))
        self.n += 1

    def sorted_lines(self):
        return [x[2] for x in sorted(self.items, key=lambda x: (x[0], x[1]))]

    def __len__(self):
        return len(self.items)


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    L = math.exp(-lam)
    k, p = 0, 1.0
    while True:
        p *= rng.random()
        if p <= L:
            return k
        k += 1


def iso_ms(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def iso_us(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % t.microsecond


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum(rng, n, alphabet="abcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def uuid_from(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[0:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


def jdump(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def each_second(start, end):
    t = start
    while t < end:
        yield t
        t += timedelta(seconds=1)


def arrivals(rng, start, end, rate_fn):
    """Poisson arrivals; rate_fn(t) -> requests per second."""
    out = []
    for s in each_second(start, end):
        n = poisson(rng, rate_fn(s))
        ts = sorted(rng.random() for _ in range(n))
        for x in ts:
            out.append(s + timedelta(microseconds=int(x * 1e6)))
    return out


def ms(x):
    return timedelta(milliseconds=x)

# ---------------------------------------------------------------------------
# d10: the "system" node group was replaced at 10:31 by an AMI upgrade that
# dropped the custom nf_conntrack_max sysctl (back to 65536). Both CoreDNS
# replicas landed on the new node ip-10-1-2-33. At the morning DNS peak the
# node's conntrack table fills: new UDP flows to CoreDNS (and CoreDNS's own
# upstream forwards, and kubelet probes) are dropped. Every service that does
# DNS lookups per request sees 5-10 s stalls and "i/o timeout"/EAI_AGAIN/
# UnknownHostException naming *other* hosts. payments-api (new connection per
# charge to the PSP) fails most -> checkout-api -> storefront-web 502s.
# Formats: GELF 1.1 JSON (Graylog input capture, one file per node), dmesg -T,
# CoreDNS plain log inside GELF, kube-proxy klog, Java stack traces in full_message.
rng = random.Random(5010)

START = datetime(2025, 3, 11, 10, 34, 0, tzinfo=UTC)
END = START + timedelta(minutes=34)
NODE_BOOT = datetime(2025, 3, 11, 10, 31, 2, 0, tzinfo=UTC)
FAULT = datetime(2025, 3, 11, 10, 44, 7, 512000, tzinfo=UTC)
FIX = datetime(2025, 3, 11, 11, 0, 41, 0, tzinfo=UTC)
SEARCH_DEPLOY = datetime(2025, 3, 11, 10, 40, 18, 0, tzinfo=UTC)
BAD = "ip-10-1-2-33.eu-west-1.compute.internal"
NODES = [BAD] + ["ip-10-1-%d-%d.eu-west-1.compute.internal" % (rng.randint(3, 6), rng.randint(10, 250)) for _ in range(4)]
DNS_VIP = "10.96.0.10"

gelf = {n: Sink() for n in NODES}
dmesg = Sink()


def pod(app, ns="prod", node=None):
    return {"app": app, "ns": ns, "node": node or rng.choice(NODES[1:]),
            "name": "%s-%s-%s" % (app, alnum(rng, 10, "bcdfghjklmnpqrstvwxz2456789")[:9], alnum(rng, 5, "bcdfghjklmnpqrstvwxz2456789")),
            "ip": "10.244.%d.%d" % (rng.randint(1, 9), rng.randint(2, 250)), "cid": hexs(rng, 64)}


PODS = {}
for app, n in [("storefront-web", 3), ("checkout-api", 2), ("payments-api", 2), ("orders-api", 2), ("inventory-api", 2), ("cart-api", 2),
               ("user-api", 2), ("search-api", 2), ("recommendation-api", 2), ("notification-svc", 1)]:
    PODS[app] = [pod(app) for _ in range(n)]
rs = alnum(rng, 10, "bcdfghjklmnpqrstvwxz2456789")[:10]
COREDNS = [{"app": "coredns", "ns": "kube-system", "node": BAD, "name": "coredns-%s-%s" % (rs, alnum(rng, 5, "bcdfghjklmnpqrstvwxz2456789")),
            "ip": "10.244.3.%d" % rng.randint(2, 250), "cid": hexs(rng, 64)} for _ in range(2)]
NEW_SEARCH = [pod("search-api") for _ in range(2)]
for p in NEW_SEARCH:
    p["name"] = PODS["search-api"][0]["name"].rsplit("-", 2)[0] + "-%s-%s" % (alnum(rng, 9, "bcdfghjklmnpqrstvwxz2456789"), alnum(rng, 5, "bcdfghjklmnpqrstvwxz2456789"))


def G(p, t, level, short, full=None, extra=None, stream="stdout"):
    rec = {"version": "1.1", "host": p["node"], "short_message": short}
    if full:
        rec["full_message"] = full
    rec["timestamp"] = round(t.timestamp(), 3)
    rec["level"] = level
    rec["_container_name"] = p["app"]
    rec["_namespace_name"] = p["ns"]
    rec["_pod_name"] = p["name"]
    rec["_container_id"] = p["cid"][:12]
    rec["_stream"] = stream
    rec["_source"] = "fluent-bit"
    if extra:
        for k, v in extra:
            rec["_" + k] = v
    gelf[p["node"]].add(t, jdump(rec))


# ---------------- DNS model ----------------
def q_drop(t):
    if FAULT <= t < FIX:
        x = (t - FAULT).total_seconds()
        return min(0.55, 0.2 + x / 200.0) * (0.85 + 0.15 * math.sin(x / 23.0))
    return 0.0


# both replicas NotReady windows (kube-proxy REJECTs the VIP: immediate errors)
REJECT = []
t = FAULT + timedelta(seconds=95)
while t < FIX - timedelta(seconds=60):
    d = rng.uniform(8, 25)
    REJECT.append((t, t + timedelta(seconds=d)))
    t += timedelta(seconds=d + rng.uniform(60, 180))


def rejected(t):
    return any(a <= t < b for (a, b) in REJECT)


def lookup(t, name, external=False):
    """glibc/Go style resolver, timeout 5 s x 2 attempts; ndots:5 search list for external names.
    returns (latency_ms, ok, kind)"""
    if rejected(t):
        return rng.uniform(0.3, 2.0), False, "refused"
    q = q_drop(t)
    names = 5 if external else 1
    lat = 0.0
    for _ in range(names):
        ok = False
        for attempt in range(2):
            if rng.random() < q:
                lat += 5000
            else:
                lat += rng.uniform(0.4, 2.5)
                ok = True
                break
        if not ok:
            return lat, False, "timeout"
    return lat, True, None


def src_port():
    return rng.randint(32768, 60999)


def go_dns_err(p, host, kind):
    if kind == "refused":
        return "lookup %s on %s:53: read udp %s:%d->%s:53: read: connection refused" % (host, DNS_VIP, p["ip"], src_port(), DNS_VIP)
    return "lookup %s on %s:53: read udp %s:%d->%s:53: i/o timeout" % (host, DNS_VIP, p["ip"], src_port(), DNS_VIP)


def golog_line(t, msg):
    return "%s %s" % (t.strftime("%Y/%m/%d %H:%M:%S"), msg)


# ---------------- payments-api (Go, no keep-alive to the PSP) ----------------
def payments(t):
    p = rng.choice(PODS["payments-api"])
    el = rng.uniform(1, 3)
    dl, ok, kind = lookup(t + ms(el), "api.psp-gateway.example", external=True)
    el += dl
    if not ok:
        G(p, t + ms(el), 3, golog_line(t + ms(el), "charge.go:141: charge failed: Post \"https://api.psp-gateway.example/v1/charges\": dial tcp: %s" % go_dns_err(p, "api.psp-gateway.example", kind)),
          extra=[("app", "payments-api")], stream="stderr")
        G(p, t + ms(el + 0.5), 6, golog_line(t + ms(el + 0.5), "http.go:52: POST /v1/payments status=502 dur=%.1fms" % (el + 0.5)), extra=[("app", "payments-api")], stream="stderr")
        return el + 1, 502
    psp = rng.lognormvariate(5.6, 0.3)
    el += psp
    G(p, t + ms(el), 6, golog_line(t + ms(el), "http.go:52: POST /v1/payments status=200 dur=%.1fms psp=%.1fms" % (el, psp)), extra=[("app", "payments-api")], stream="stderr")
    return el, 200


# ---------------- checkout-api (Java, JVM DNS cache 30 s / negative 10 s) ----------------
jvm_cache = {}   # (pod, host) -> (valid_until, ok)


def jvm_resolve(p, host, t):
    key = (p["name"], host)
    ent = jvm_cache.get(key)
    if ent and t < ent[0]:
        return 0.0, ent[1], "cached"
    dl, ok, kind = lookup(t, host)
    jvm_cache[key] = (t + ms(dl) + timedelta(seconds=30 if ok else 10), ok)
    return dl, ok, kind


UHE_TRACE = ("java.net.UnknownHostException: %s: Temporary failure in name resolution\n"
             "\tat java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)\n"
             "\tat java.base/java.net.InetAddress$PlatformResolver.lookupByName(InetAddress.java:1211)\n"
             "\tat java.base/java.net.InetAddress.getAddressesFromNameService(InetAddress.java:1828)\n"
             "\tat java.base/java.net.InetAddress$NameServiceAddresses.get(InetAddress.java:1139)\n"
             "\tat java.base/java.net.InetAddress.getAllByName0(InetAddress.java:1818)\n"
             "\tat org.apache.hc.client5.http.SystemDefaultDnsResolver.resolve(SystemDefaultDnsResolver.java:43)\n"
             "\tat org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator.connect(DefaultHttpClientConnectionOperator.java:143)\n"
             "\tat com.shop.checkout.clients.%s.post(%s.java:%d)\n"
             "\tat com.shop.checkout.CheckoutService.placeOrder(CheckoutService.java:118)\n"
             "\t... 71 common frames omitted")


def jlog(p, t, level, logger, msg, full=None):
    lv = {"INFO": 6, "WARN": 4, "ERROR": 3}[level]
    line = "%s %-5s 1 --- [nio-8080-exec-%d] %s : %s" % (t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000), level, rng.randint(1, 99), logger, msg)
    G(p, t, lv, line, full=(line + "\n" + full) if full else None, extra=[("app", "checkout-api")])


def checkout(t):
    p = rng.choice(PODS["checkout-api"])
    el = rng.uniform(1, 4)
    for host, client, line, call in [("inventory-api.prod.svc.cluster.local", "InventoryClient", 61, "inventory"),
                                     ("payments-api.prod.svc.cluster.local", "PaymentsClient", 77, "payments"),
                                     ("orders-api.prod.svc.cluster.local", "OrdersClient", 54, "orders")]:
        # keep-alive pool: only ~15% of calls need a fresh connection (and thus a lookup)
        if rng.random() < 0.15:
            dl, ok, kind = jvm_resolve(p, host, t + ms(el))
            el += dl
            if not ok:
                jlog(p, t + ms(el), "ERROR", "c.s.checkout.web.CheckoutController", "checkout failed: I/O error on POST request for \"http://%s:8080/v1/%s\": %s" % (host, call, host),
                     full=UHE_TRACE % (host, client, client, line))
                jlog(p, t + ms(el + 1), "INFO", "c.s.checkout.web.AccessLog", "POST /v1/checkout 503 %dms" % int(el + 1))
                return el + 2, 503
        if call == "payments":
            pl, pst = payments(t + ms(el))
            el += pl
            if pst != 200:
                jlog(p, t + ms(el), "ERROR", "c.s.checkout.web.CheckoutController", "checkout failed: payments-api returned 502 BAD_GATEWAY")
                jlog(p, t + ms(el + 1), "INFO", "c.s.checkout.web.AccessLog", "POST /v1/checkout 502 %dms" % int(el + 1))
                return el + 2, 502
        else:
            cl = rng.lognormvariate(2.3, 0.4)
            el += cl
            svc = "inventory-api" if call == "inventory" else "orders-api"
            q = rng.choice(PODS[svc])
            G(q, t + ms(el), 6, golog_line(t + ms(el), "handler.go:40: POST /v1/%s status=200 dur=%.1fms" % ("reservations" if call == "inventory" else "orders", cl)),
              extra=[("app", svc)], stream="stderr")
    jlog(p, t + ms(el + 1), "INFO", "c.s.checkout.web.AccessLog", "POST /v1/checkout 200 %dms" % int(el + 1))
    return el + 2, 200


# ---------------- storefront-web (Node, keep-alive agents) ----------------
def nodelog(p, t, level, msg, err=None):
    rec = {"t": iso_ms(t), "lvl": level, "msg": msg}
    if err:
        rec["err"] = err
    G(p, t, {"info": 6, "warn": 4, "error": 3}[level], jdump(rec), extra=[("app", "storefront-web")])


def simple_backend(app, t, path, mu):
    p = rng.choice(PODS[app])
    lat = rng.lognormvariate(mu, 0.4)
    if app == "recommendation-api" and rng.random() < 0.05:
        G(p, t + ms(lat), 4, "%s WARNING recs.model: model not found for segment '%s', serving popular items" % (iso_ms(t + ms(lat)), rng.choice(["de-new", "fr-returning", "nl-vip"])),
          extra=[("app", app)])
    if app == "search-api":
        pods = PODS["search-api"] if t < SEARCH_DEPLOY + timedelta(seconds=30) else NEW_SEARCH
        p = rng.choice(pods)
        G(p, t + ms(lat), 6, golog_line(t + ms(lat), "search.go:88: q=%s hits=%d dur=%.1fms" % (rng.choice(["coat", "lamp", "rug", "mug"]), rng.randint(0, 300), lat)),
          extra=[("app", app)], stream="stderr")
        return lat
    if app in ("cart-api",):
        G(p, t + ms(lat), 6, jdump({"level": 30, "time": int((t + ms(lat)).timestamp() * 1000), "msg": "request completed", "req": {"method": "GET", "url": path}, "res": {"statusCode": 200}, "responseTime": round(lat, 1)}),
          extra=[("app", app)])
    elif app == "user-api":
        G(p, t + ms(lat), 6, "%s INFO  1 --- [nio-8080-exec-%d] c.s.user.web.AccessLog : GET %s 200 %dms" % ((t + ms(lat)).strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % ((t + ms(lat)).microsecond // 1000), rng.randint(1, 99), path, int(lat)),
          extra=[("app", app)])
    else:
        G(p, t + ms(lat), 6, "%s INFO recs.api: GET %s 200 %.1fms" % (iso_ms(t + ms(lat)), path, lat), extra=[("app", app)])
    return lat


def rate(t):
    m = (t - START).total_seconds() / 60.0
    return 2.2 + 0.6 * min(1.0, m / 12.0)


for t0 in arrivals(rng, START, END, rate):
    p = rng.choice(PODS["storefront-web"])
    r = rng.random()
    el = rng.uniform(1, 5)
    status = 200
    if r < 0.18:
        route = "POST /checkout"
        cl, cst = checkout(t0 + ms(el))
        el += cl
        if cst != 200:
            status = 502
            nodelog(p, t0 + ms(el), "error", "checkout failed", err={"type": "UpstreamError", "message": "checkout-api responded %d" % cst})
    else:
        if r < 0.45:
            route, app, path, mu = "GET /cart", "cart-api", "/v1/cart", 2.0
        elif r < 0.62:
            route, app, path, mu = "GET /account", "user-api", "/v1/me", 2.2
        elif r < 0.82:
            route, app, path, mu = "GET /search", "search-api", "/v1/search", 3.2
        else:
            route, app, path, mu = "GET /", "recommendation-api", "/v1/recs/home", 3.0
        # a new socket now and then (agent maxSockets churn) -> getaddrinfo
        if rng.random() < 0.04:
            host = "%s.prod.svc.cluster.local" % app
            dl, ok, kind = lookup(t0 + ms(el), host)
            el += dl
            if not ok:
                status = 502
                nodelog(p, t0 + ms(el), "error", "upstream request failed", err={"type": "Error", "code": "EAI_AGAIN" if kind == "timeout" else "ECONNREFUSED",
                                                                                   "message": "getaddrinfo EAI_AGAIN %s" % host if kind == "timeout" else "querySrv ECONNREFUSED %s" % host,
                                                                                   "stack": "Error: getaddrinfo EAI_AGAIN %s\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:118:26)" % host})
        if status == 200:
            el += simple_backend(app, t0 + ms(el), path, mu)
    el += rng.uniform(2, 10)
    nodelog(p, t0 + ms(el), "info" if status == 200 else "warn", "%s %d %dms" % (route, status, int(el)))

# ---------------- notification-svc (Go, SMTP per message) ----------------
t = START + timedelta(seconds=2)
while t < END:
    p = PODS["notification-svc"][0]
    dl, ok, kind = lookup(t, "email-smtp.eu-west-1.amazonaws.com", external=True)
    if ok:
        G(p, t + ms(dl + 300), 6, golog_line(t + ms(dl + 300), "mailer.go:77: sent order-confirmation to %s***@%s" % (alnum(rng, 2), rng.choice(["gmail.com", "web.de", "outlook.com"]))),
          extra=[("app", "notification-svc")], stream="stderr")
    else:
        G(p, t + ms(dl), 4, golog_line(t + ms(dl), "mailer.go:81: send failed, will retry in 30s: dial tcp: %s" % go_dns_err(p, "email-smtp.eu-west-1.amazonaws.com", kind)),
          extra=[("app", "notification-svc")], stream="stderr")
    t += timedelta(seconds=rng.uniform(2, 7))

# ---------------- orders-api pgx pool reconnects ----------------
for p in PODS["orders-api"]:
    t = START + timedelta(seconds=rng.uniform(0, 60))
    while t < END:
        dl, ok, kind = lookup(t, "orders-db.cluster-c9x2k1hq7.eu-west-1.rds.amazonaws.com", external=True)
        if not ok:
            G(p, t + ms(dl), 4, golog_line(t + ms(dl), "pool.go:212: pgxpool: failed to open new connection (pool keeps %d idle): failed to connect to `host=orders-db.cluster-c9x2k1hq7.eu-west-1.rds.amazonaws.com user=orders database=orders`: hostname resolving error (%s)" % (
                rng.randint(3, 8), go_dns_err(p, "orders-db.cluster-c9x2k1hq7.eu-west-1.rds.amazonaws.com", kind))), extra=[("app", "orders-api")], stream="stderr")
        t += timedelta(seconds=rng.uniform(40, 90))

# ---------------- CoreDNS ----------------
for i, c in enumerate(COREDNS):
    ts = NODE_BOOT + timedelta(seconds=38 + i * 3)
    for k, ln in enumerate([".:53", "[INFO] plugin/reload: Running configuration SHA512 = 8b1f4e5c2f5d37c1b63a2d1e9c8f7e06b5a4d3c2b1a09f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1908f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5",
                            "CoreDNS-1.11.1", "linux/amd64, go1.20.7, ae2bbc2"]):
        G(c, ts + ms(k), 6, ln, extra=[("app", "coredns")])


def coredns_log(t, short, level=3):
    c = rng.choice(COREDNS)
    # during the incident the node's fluent-bit loses part of its own output too
    if FAULT <= t < FIX and rng.random() < 0.45:
        return
    G(c, t, level, short, extra=[("app", "coredns")])


t = START + timedelta(seconds=rng.uniform(0, 30))
while t < END:
    if FAULT <= t < FIX:
        host = rng.choice(["api.psp-gateway.example.", "email-smtp.eu-west-1.amazonaws.com.", "orders-db.cluster-c9x2k1hq7.eu-west-1.rds.amazonaws.com.",
                           "sqs.eu-west-1.amazonaws.com.", "sts.eu-west-1.amazonaws.com."])
        coredns_log(t, "[ERROR] plugin/errors: 2 %s %s: read udp %s:%d->10.1.0.2:53: i/o timeout" % (host, rng.choice(["A", "AAAA"]), rng.choice(COREDNS)["ip"], src_port()))
        if rng.random() < 0.08:
            coredns_log(t + ms(3), "[WARNING] plugin/health: Local health request to \"http://:8080/health\" took more than 1s: %.3fs" % rng.uniform(1.0, 5.0), level=4)
        t += timedelta(seconds=rng.expovariate(1 / 4.0))
    else:
        if rng.random() < 0.02:
            coredns_log(t, "[ERROR] plugin/errors: 2 %s.ec2.internal. AAAA: read udp %s:%d->10.1.0.2:53: i/o timeout" % (rng.choice(["metadata", "ip-10-1-4-12"]), rng.choice(COREDNS)["ip"], src_port()))
        t += timedelta(seconds=rng.uniform(20, 60))

# ---------------- kube-proxy (klog) startup on the system node + one app node ----------------
for node, base in [(BAD, NODE_BOOT + timedelta(seconds=21))]:
    kp = {"app": "kube-proxy", "ns": "kube-system", "node": node, "name": "kube-proxy-%s" % alnum(rng, 5, "bcdfghjklmnpqrstvwxz2456789"), "ip": "10.1.2.33", "cid": hexs(rng, 64)}
    for k, ln in enumerate(["I0311 %s       1 server_others.go:72] \"Using iptables proxy\"",
                            "I0311 %s       1 service.go:324] \"Service updated ports\" service=\"kube-system/kube-dns\" portCount=3",
                            "I0311 %s       1 service.go:339] \"Adding new service port\" portName=\"kube-system/kube-dns:dns\" servicePort=\"10.96.0.10:53/UDP\"",
                            "I0311 %s       1 service.go:339] \"Adding new service port\" portName=\"kube-system/kube-dns:dns-tcp\" servicePort=\"10.96.0.10:53/TCP\"",
                            "I0311 %s       1 service.go:339] \"Adding new service port\" portName=\"kube-system/kube-dns:metrics\" servicePort=\"10.96.0.10:9153/TCP\"",
                            "I0311 %s       1 conntrack.go:52] \"Setting nf_conntrack_max\" nfConntrackMax=65536",
                            "I0311 %s       1 shared_informer.go:318] Caches are synced for endpoint slice config"]):
        tt = base + ms(k * 37)
        G(kp, tt, 6, ln % (tt.strftime("%H:%M:%S.") + "%06d" % tt.microsecond), extra=[("app", "kube-proxy")], stream="stderr")
    for (a, b) in REJECT:
        G(kp, a + ms(rng.uniform(200, 900)), 6, "I0311 %s       1 proxier.go:1540] \"Service has no endpoints\" service=\"kube-system/kube-dns:dns\"" % (a.strftime("%H:%M:%S.") + "%06d" % a.microsecond),
          extra=[("app", "kube-proxy")], stream="stderr")

# ---------------- Kubernetes events (event exporter -> GELF, runs on an app node) ----------------
EXP = {"app": "kube-event-exporter", "ns": "monitoring", "node": NODES[2], "name": "kube-event-exporter-%s" % alnum(rng, 5, "bcdfghjklmnpqrstvwxz2456789"), "ip": "10.244.5.9", "cid": hexs(rng, 64)}


def kevent(t, kind, name, ns, reason, msg, typ="Normal"):
    G(EXP, t, 4 if typ == "Warning" else 6, "%s %s/%s: %s" % (reason, ns, name, msg),
      extra=[("app", "kube-event-exporter"), ("event_reason", reason), ("event_type", typ), ("involved_kind", kind), ("involved_name", name), ("involved_namespace", ns)])


t = FAULT + timedelta(seconds=12)
while t < FIX:
    c = rng.choice(COREDNS)
    if rng.random() < 0.7:
        kevent(t, "Pod", c["name"], "kube-system", "Unhealthy", "Readiness probe failed: Get \"http://%s:8181/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % c["ip"], "Warning")
    else:
        kevent(t, "Pod", c["name"], "kube-system", "Unhealthy", "Liveness probe failed: Get \"http://%s:8080/health\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % c["ip"], "Warning")
    t += timedelta(seconds=rng.uniform(6, 25))
for (a, b) in REJECT[:2]:
    c = rng.choice(COREDNS)
    kevent(a + timedelta(seconds=1), "Pod", c["name"], "kube-system", "Killing", "Container coredns failed liveness probe, will be restarted", "Normal")
kevent(NODE_BOOT + timedelta(seconds=15), "Node", BAD.split(".")[0], "", "NodeReady", "Node %s status is now: NodeReady" % BAD)
for c in COREDNS:
    kevent(NODE_BOOT + timedelta(seconds=30), "Pod", c["name"], "kube-system", "Scheduled", "Successfully assigned kube-system/%s to %s" % (c["name"], BAD))
kevent(SEARCH_DEPLOY, "Deployment", "search-api", "prod", "ScalingReplicaSet", "Scaled up replica set %s to 1" % NEW_SEARCH[0]["name"].rsplit("-", 1)[0])
for i, p in enumerate(NEW_SEARCH):
    kevent(SEARCH_DEPLOY + timedelta(seconds=2 + 12 * i), "Pod", p["name"], "prod", "Scheduled", "Successfully assigned prod/%s to %s" % (p["name"], p["node"]))
    kevent(SEARCH_DEPLOY + timedelta(seconds=9 + 12 * i), "Pod", p["name"], "prod", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", "Warning")
    G(p, SEARCH_DEPLOY + timedelta(seconds=6 + 12 * i), 4, golog_line(SEARCH_DEPLOY + timedelta(seconds=6 + 12 * i), "es.go:41: elasticsearch: no alive nodes yet, retrying in 2s"), extra=[("app", "search-api")], stream="stderr")
for k in range(5):
    p = rng.choice(PODS["user-api"])
    tt = START + timedelta(seconds=rng.randint(0, 2000))
    kevent(tt, "Pod", p["name"], "prod", "BackOff", "Back-off pulling image \"registry.shop.example/user-api-sidecar:latest\"", "Warning")

# ---------------- dmesg -T on the system node ----------------
def dm(t, msg):
    dmesg.add(t, "[%s] %s" % (t.strftime("%a %b %d %H:%M:%S %Y"), msg))


boot_lines = ["Linux version 6.1.79-99.164.amzn2023.x86_64 (mockbuild@ip-10-0-41-150) (gcc (GCC) 11.4.1 20230605 (Red Hat 11.4.1-2), GNU ld version 2.39-6.amzn2023.0.9) #1 SMP PREEMPT_DYNAMIC Tue Feb 27 18:02:37 UTC 2024",
              "Command line: BOOT_IMAGE=(hd0,gpt1)/boot/vmlinuz-6.1.79-99.164.amzn2023.x86_64 root=UUID=1c2f7a2e-33b5-4b70-9d8e-5a4a8c1e2f11 ro console=tty0 console=ttyS0,115200n8 nvme_core.io_timeout=4294967295",
              "DMI: Amazon EC2 m6i.large/, BIOS 1.0 10/16/2017",
              "Hypervisor detected: KVM",
              "ena 0000:00:05.0: Elastic Network Adapter (ENA) v2.12.0g",
              "Netfilter messages via NETLINK v0.30.",
              "nf_conntrack version 0.5.0 (16384 buckets, 65536 max)",
              "IPVS: Registered protocols (TCP, UDP, SCTP, AH, ESP)",
              "bridge: filtering via arp/ip/ip6tables is no longer available by default. Update your scripts to load br_netfilter if you need this.",
              "Bridge firewalling registered",
              "systemd[1]: Started kubelet.service - Kubernetes Kubelet."]
for k, ln in enumerate(boot_lines):
    dm(NODE_BOOT + ms(k * 400), ln)
t = NODE_BOOT + timedelta(seconds=90)
while t < END:
    if FAULT <= t < FIX:
        if rng.random() < 0.4:
            dm(t, "net_ratelimit: %d callbacks suppressed" % rng.randint(40, 2600))
        for _ in range(rng.randint(3, 10)):
            dm(t, "nf_conntrack: nf_conntrack: table full, dropping packet")
        t += timedelta(seconds=rng.uniform(1, 6))
    else:
        if rng.random() < 0.05:
            dm(t, "IPv6: ADDRCONF(NETDEV_CHANGE): eni%s: link becomes ready" % hexs(rng, 11))
        t += timedelta(seconds=rng.uniform(30, 120))

# ---------------- write ----------------
reset_logs()
total = 0
for n in NODES:
    lines = gelf[n].sorted_lines()
    write_file("graylog/gelf-%s.jsonl" % n.split(".")[0], lines)
    total += len(lines)
lines = dmesg.sorted_lines()
write_file("nodes/%s/dmesg-T.txt" % BAD.split(".")[0], lines)
total += len(lines)
print("d10 lines:", total, "reject windows:", len(REJECT))
