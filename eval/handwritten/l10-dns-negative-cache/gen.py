#!/usr/bin/env python3
"""l10: external-dns deletes ledger.internal.acme.io during an NLB -> ALB migration and only
re-creates it ~3 minutes later (the new Ingress had no address yet). Meanwhile the VPC resolver
has cached NXDOMAIN with the zone's 900 s negative TTL, so lookups keep failing for up to 15 more
minutes and recover node by node.

Callers only ever name the DNS name: payments-api (zap) "no such host", wallet-service
(Spring, java.net.UnknownHostException), payout-worker (python requests NameResolutionError),
fraud-scoring (VM, RFC5424 syslog, clock +2.4 s). ledger-api (Rust tracing) is healthy and just
sees less traffic. node-local-dns (CRI log files) logs denials, including the usual search-path
NXDOMAIN noise. external-dns logs only INFO. api-gateway (nginx JSON) shows 502s.
"""
import os
import sys
from l_common import *

rng = Rng(1010)
OUT = Out(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))

T0 = T("2026-05-28T03:10:00Z")
T1 = T("2026-05-28T03:48:00Z")
ALB_MODEL = T("2026-05-28T03:17:41.220Z")
FAULT = T("2026-05-28T03:18:12.847Z")
RECREATE = T("2026-05-28T03:21:14.902Z")
NEG_TTL = 900.0
FRAUD_SKEW = 2.4
NAME = "ledger.internal.acme.io"
ZONE = "Z08123456QK3WYX8VN7PL"

# the VPC resolver caches NXDOMAIN per resolver endpoint; each node's node-local-dns forwards to one
NODES = ["ip-10-8-%d-%d" % (rng.randint(1, 9), rng.randint(2, 250)) for _ in range(5)]
neg_cached_at = {}
for i, n in enumerate(NODES):
    # first NXDOMAIN seen by that resolver shortly after the delete
    neg_cached_at[n] = FAULT + rng.uniform(1.5, 150.0)
VM_NEG = FAULT + 17.0


def resolves(node, t):
    if t < FAULT:
        return True
    if node == "vm":
        return t >= max(RECREATE, VM_NEG + NEG_TTL)
    return t >= max(RECREATE, neg_cached_at[node] + NEG_TTL)


def pods_on(deploy, n, nodes):
    ps = rng.pods(deploy, n)
    return [(p, nodes[i % len(nodes)]) for i, p in enumerate(ps)]


pay = pods_on("payments-api", 3, [NODES[0], NODES[2], NODES[4]])
wal = pods_on("wallet-service", 2, [NODES[1], NODES[3]])
pout = pods_on("payout-worker", 1, [NODES[2]])
ledg = pods_on("ledger-api", 3, [NODES[0], NODES[1], NODES[3]])
gw = pods_on("api-gateway", 2, [NODES[0], NODES[4]])
ip = {}
for p, n in pay + wal + pout + ledg + gw:
    ip[p] = "10.8.%d.%d" % (rng.randint(32, 63), rng.randint(2, 250))
NODE_DNS = {n: "169.254.20.10" for n in NODES}


# ---------------------------------------------------------------- node-local-dns (CRI format)
NLD_POD = {n: "kube-system_node-local-dns-%s_%s" % (rng.k8s(5), rng.uuid()) for n in NODES}


def nld(node, t, text, stream="stdout"):
    OUT.add("logs/node-local-dns/%s/node-cache/0.log" % NLD_POD[node], t, "%sZ %s F %s" % (iso(t, 9, ""), stream, text))


def dns_query(node, client, t, name, qtype, rcode):
    nld(node, t, '[INFO] %s:%d - %d "%s IN %s. udp %d false 512" %s qr,rd,ra %d %.9fs' % (
        client, rng.randint(30000, 60999), rng.randint(1, 65535), qtype, name, 40 + len(name), rcode, 90 + len(name), rng.uniform(0.00005, 0.0009) if rcode != "NXDOMAIN" or rng.random() < 0.7 else rng.uniform(0.0008, 0.004)))


def dns_lookup(node, client, t, ns, ok):
    """simulate the resolver walk: search-path expansions (ndots:5) then the FQDN"""
    for suf in ("%s.svc.cluster.local" % ns, "svc.cluster.local", "cluster.local", "eu-west-1.compute.internal"):
        if rng.random() < 0.35:
            dns_query(node, client, t, "%s.%s" % (NAME, suf), rng.choice(["A", "AAAA"]), "NXDOMAIN")
    if not ok:
        dns_query(node, client, t + 0.0004, NAME, "A", "NXDOMAIN")
        if rng.random() < 0.5:
            dns_query(node, client, t + 0.0005, NAME, "AAAA", "NXDOMAIN")


def nld_background():
    for n in NODES:
        nld(n, T0 + rng.uniform(0, 5), "[INFO] plugin/reload: Running configuration SHA512 = %s" % rng.hex(128)) if rng.random() < 0.2 else None
        for t in arrivals(rng, T0, T1, 0.3):
            other = rng.choice(["api.stripe.com", "sqs.eu-west-1.amazonaws.com", "kafka-0.kafka-headless.data", "vault.platform", "ledger-db.cluster-cdx.eu-west-1.rds.amazonaws.com", "otel-collector.observability"])
            dns_query(n, "10.8.%d.%d" % (rng.randint(32, 63), rng.randint(2, 250)), t, "%s.%s.svc.cluster.local" % (other, rng.choice(["payments", "wallet", "ledger"])), rng.choice(["A", "AAAA"]), "NXDOMAIN")
        for t in arrivals(rng, T0, T1, 1 / 240.0):
            nld(n, t, "[ERROR] plugin/errors: 2 %s. AAAA: read udp 169.254.20.10:%d->10.8.0.2:53: i/o timeout" % (rng.choice(["sts.eu-west-1.amazonaws.com", "api.segment.io"]), rng.randint(30000, 60000)))


# ---------------------------------------------------------------- ledger-api (rust tracing fmt)
def lt(pod, t, level, target, msg, **kv):
    fields = " ".join("%s=%s" % (k, v) for k, v in kv.items())
    OUT.add("logs/ledger-api/%s.log" % pod, t, "%s %5s %s: %s%s" % (iso(t, 6), level, target, msg, (" " + fields) if fields else ""))


def ledger_call(t, path, method):
    pod, _ = rng.choice(ledg)
    d = rng.lat(0.008, 0.4)
    st = 201 if method == "POST" else 200
    lt(pod, t + d, "INFO", "ledger_api::http", "request completed", method=method, path=path, status=st, latency_ms="%.2f" % (d * 1000),
       request_id=rng.uuid())
    return st, d


def ledger_background():
    for pod, _ in ledg:
        lt(pod, T0 + rng.uniform(0, 20), "INFO", "ledger_api::db", "pool status", size=20, idle=rng.randint(12, 19))
        for t in arrivals(rng, T0, T1, 0.2):
            lt(pod, t, "DEBUG" if rng.random() < 0.3 else "INFO", "ledger_api::http", "request completed", method="GET", path="/healthz", status=200,
               latency_ms="%.2f" % rng.uniform(0.05, 0.3), user_agent="kube-probe/1.29")
        for t in arrivals(rng, ALB_MODEL + 70, T1, 1 / 15.0):
            lt(pod, t, "INFO", "ledger_api::http", "request completed", method="GET", path="/healthz", status=200, latency_ms="%.2f" % rng.uniform(0.05, 0.3), user_agent="ELB-HealthChecker/2.0")
        for t in arrivals(rng, T0, T1, 1 / 120.0):
            lt(pod, t, "WARN", "ledger_api::reconcile", "reconciliation drift detected, will retry next cycle", account="acct_%s" % rng.alnum(10), drift_minor_units=rng.randint(1, 40))


# ---------------------------------------------------------------- payments-api (zap)
def pz(pod, t, level, caller, msg, **kv):
    d = {"level": level, "ts": iso(t, 3), "caller": caller, "msg": msg}
    d.update(kv)
    OUT.add("logs/payments-api/%s.log" % pod, t, jdump(d))


def payments(t):
    pod, node = rng.choice(pay)
    pid = "pay_" + rng.alnum(20)
    d = rng.lat(0.012, 0.3)   # psp call happens later; ledger hold first
    for attempt in range(3):
        ok = resolves(node, t + d)
        dns_lookup(node, ip[pod], t + d, "payments", ok)
        if ok:
            st, ld = ledger_call(t + d + 0.001, "/v1/entries", "POST")
            d += ld + 0.002
            d += rng.lat(0.18, 0.3)  # PSP authorisation
            pz(pod, t + d, "info", "payments/service.go:142", "payment authorised", payment_id=pid, amount=rng.randint(500, 90000), currency="EUR", ledger_entry="le_" + rng.alnum(16))
            pz(pod, t + d + 0.0002, "info", "httpx/middleware.go:58", "request", method="POST", path="/v1/payments", status=201, duration_ms=round(d * 1000, 2))
            return 201, d + 0.0003
        d += rng.uniform(0.0008, 0.003)
        pz(pod, t + d, "warn", "ledger/client.go:77", "ledger request failed, retrying", attempt=attempt + 1, payment_id=pid,
           error='Post "https://%s/v1/entries": dial tcp: lookup %s on 169.254.20.10:53: no such host' % (NAME, NAME))
        d += 0.1 * (2 ** attempt)
    pz(pod, t + d, "error", "payments/service.go:118", "could not place ledger hold", payment_id=pid,
       error='ledger: Post "https://%s/v1/entries": dial tcp: lookup %s on 169.254.20.10:53: no such host' % (NAME, NAME),
       stacktrace="github.com/acme/payments/internal/payments.(*Service).Authorise\n\t/src/internal/payments/service.go:118\ngithub.com/acme/payments/internal/httpx.(*Handler).CreatePayment\n\t/src/internal/httpx/payments.go:64\nnet/http.HandlerFunc.ServeHTTP\n\t/usr/local/go/src/net/http/server.go:2220")
    pz(pod, t + d + 0.0002, "info", "httpx/middleware.go:58", "request", method="POST", path="/v1/payments", status=502, duration_ms=round(d * 1000, 2))
    return 502, d + 0.0003


# ---------------------------------------------------------------- wallet-service (spring text)
def wl(pod, t, level, thread, logger, msg):
    OUT.add("logs/wallet-service/%s.log" % pod, t, "%s %5s 1 --- [wallet-service] [%15s] %-40s : %s" % (iso(t), level, thread[-15:], logger[:40], msg))


UHE = ("org.springframework.web.client.ResourceAccessException: I/O error on GET request for \"https://ledger.internal.acme.io/v1/balances/{acct}\": ledger.internal.acme.io\n"
       "\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915) ~[spring-web-6.1.12.jar!/:6.1.12]\n"
       "\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:895) ~[spring-web-6.1.12.jar!/:6.1.12]\n"
       "\tat org.springframework.web.client.RestTemplate.execute(RestTemplate.java:790) ~[spring-web-6.1.12.jar!/:6.1.12]\n"
       "\tat org.springframework.web.client.RestTemplate.getForObject(RestTemplate.java:380) ~[spring-web-6.1.12.jar!/:6.1.12]\n"
       "\tat com.acme.wallet.ledger.LedgerClient.balance(LedgerClient.java:44) ~[!/:1.18.2]\n"
       "\tat com.acme.wallet.service.WalletService.summary(WalletService.java:71) ~[!/:1.18.2]\n"
       "\tat com.acme.wallet.web.WalletController.summary(WalletController.java:38) ~[!/:1.18.2]\n"
       "\tat java.base/java.lang.Thread.run(Thread.java:1583) ~[na:na]\n"
       "Caused by: java.net.UnknownHostException: ledger.internal.acme.io\n"
       "\tat java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:567) ~[na:na]\n"
       "\tat java.base/java.net.Socket.connect(Socket.java:751) ~[na:na]\n"
       "\tat java.base/sun.security.ssl.SSLSocketImpl.connect(SSLSocketImpl.java:304) ~[na:na]\n"
       "\tat java.base/sun.net.NetworkClient.doConnect(NetworkClient.java:178) ~[na:na]\n"
       "\tat java.base/sun.net.www.http.HttpClient.openServer(HttpClient.java:531) ~[na:na]\n"
       "\tat java.base/sun.net.www.protocol.https.HttpsClient.<init>(HttpsClient.java:264) ~[na:na]\n"
       "\t... 112 common frames omitted")


def wallet(t):
    pod, node = rng.choice(wal)
    th = "http-nio-8080-exec-%d" % rng.randint(1, 200)
    acct = "acct_" + rng.alnum(10)
    d = rng.lat(0.004, 0.3)
    ok = resolves(node, t + d)
    dns_lookup(node, ip[pod], t + d, "wallet", ok)
    if ok:
        st, ld = ledger_call(t + d + 0.001, "/v1/balances/%s" % acct, "GET")
        d += ld + rng.lat(0.006, 0.3)
        wl(pod, t + d, "INFO", th, "c.a.wallet.web.AccessLog", "GET /v1/wallet/summary 200 %dms" % int(d * 1000))
        return 200, d
    d += 0.004
    OUT.block("logs/wallet-service/%s.log" % pod, t + d, "%s ERROR 1 --- [wallet-service] [%15s] %-40s : %s\n\n%s" % (
        iso(t + d), th[-15:], "o.a.c.c.C.[.[.[/].[dispatcherServlet]", "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.web.client.ResourceAccessException: I/O error on GET request for \"https://ledger.internal.acme.io/v1/balances/%s\": ledger.internal.acme.io] with root cause" % acct,
        UHE.replace("{acct}", acct)))
    wl(pod, t + d + 0.001, "INFO", th, "c.a.wallet.web.AccessLog", "GET /v1/wallet/summary 500 %dms" % int(d * 1000))
    return 500, d + 0.001


# ---------------------------------------------------------------- payout-worker (python logging)
def payout_worker():
    pod, node = pout[0]
    f = "logs/payout-worker/%s.log" % pod
    t = T0 + 4.1
    while t < T1:
        batch = rng.randint(3, 25)
        OUT.add(f, t, "%s INFO [payouts.worker] picked batch size=%d queue=payouts-eu" % (comma_ts(t), batch))
        ok = resolves(node, t + 0.01)
        dns_lookup(node, ip[pod], t + 0.01, "payouts", ok)
        if ok:
            for i in range(min(batch, 3)):
                ledger_call(t + 0.02 + i * 0.03, "/v1/entries", "POST")
            OUT.add(f, t + 0.4, "%s INFO [payouts.worker] batch settled ok=%d failed=0" % (comma_ts(t + 0.4), batch))
        else:
            OUT.add(f, t + 0.05, "%s ERROR [payouts.ledger] ledger post failed, batch will be retried\nTraceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/urllib3/connection.py\", line 199, in _new_conn\n    sock = connection.create_connection(\n  File \"/usr/local/lib/python3.12/site-packages/urllib3/util/connection.py\", line 60, in create_connection\n    for res in socket.getaddrinfo(host, port, family, socket.SOCK_STREAM):\n  File \"/usr/local/lib/python3.12/socket.py\", line 963, in getaddrinfo\n    for res in _socket.getaddrinfo(host, port, family, type, proto, flags):\nsocket.gaierror: [Errno -2] Name or service not known\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"/app/payouts/ledger.py\", line 52, in post_entries\n    r = self.session.post(f\"{self.base_url}/v1/entries\", json=payload, timeout=5)\n  File \"/usr/local/lib/python3.12/site-packages/requests/adapters.py\", line 700, in send\n    raise ConnectionError(e, request=request)\nrequests.exceptions.ConnectionError: HTTPSConnectionPool(host='ledger.internal.acme.io', port=443): Max retries exceeded with url: /v1/entries (Caused by NameResolutionError(\"<urllib3.connection.HTTPSConnection object at 0x7f%s>: Failed to resolve 'ledger.internal.acme.io' ([Errno -2] Name or service not known)\"))" % (comma_ts(t + 0.05), rng.hex(9)))
            OUT.add(f, t + 0.06, "%s WARNING [payouts.worker] batch requeued size=%d attempt=%d" % (comma_ts(t + 0.06), batch, rng.randint(1, 5)))
        t += rng.uniform(14, 22)
    for t in arrivals(rng, T0, T1, 1 / 90.0):
        OUT.add(f, t, "%s WARNING [py.warnings] /usr/local/lib/python3.12/site-packages/botocore/auth.py:424: DeprecationWarning: datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version." % comma_ts(t))


# ---------------------------------------------------------------- fraud-scoring (VM, RFC5424)
def fraud():
    f = "logs/fraud-vm-01/syslog"
    pid = 2231
    for t in arrivals(rng, T0, T1, 0.45):
        ts = t + FRAUD_SKEW
        ok = resolves("vm", t)
        if ok:
            OUT.add(f, ts, "<14>1 %s+00:00 fraud-vm-01 fraud-scoring %d - - INFO score computed txn=%s score=%.3f model=gbm-v14 ledger_history_ms=%d" % (
                iso(ts, 6, "")[:-3], pid, "tx_" + rng.alnum(16), rng.uniform(0, 1), rng.randint(8, 40)))
        else:
            OUT.add(f, ts, "<11>1 %s+00:00 fraud-vm-01 fraud-scoring %d - - ERROR ledger history unavailable for txn=%s: [Errno -2] Name or service not known (ledger.internal.acme.io); scoring without history" % (
                iso(ts, 6, "")[:-3], pid, "tx_" + rng.alnum(16)))
    for t in arrivals(rng, T0, T1, 1 / 60.0):
        ts = t + FRAUD_SKEW
        OUT.add(f, ts, "<30>1 %s+00:00 fraud-vm-01 systemd 1 - - Started session-%d.scope - Session %d of User ansible." % (iso(ts, 6, "")[:-3], rng.randint(9000, 9999), rng.randint(9000, 9999))) if rng.random() < 0.2 else \
            OUT.add(f, ts, "<38>1 %s+00:00 fraud-vm-01 sshd %d - - Connection closed by authenticating user root 45.%d.%d.%d port %d [preauth]" % (iso(ts, 6, "")[:-3], rng.randint(10000, 40000), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254), rng.randint(20000, 60000)))


# ---------------------------------------------------------------- external-dns + aws lb controller
def external_dns():
    f = "logs/external-dns/external-dns-%s.log" % rng.k8s(10)

    def E(t, lvl, msg, **kv):
        OUT.add(f, t, logfmt([("time", iso_s(t)), ("level", lvl), ("msg", msg)] + list(kv.items())))

    loop = T("2026-05-28T03:09:12.847Z")
    while loop < T1:
        if abs(loop - FAULT) < 1:
            E(loop - 0.3, "info", "Desired change: DELETE %s A [Id: /hostedzone/%s]" % (NAME, ZONE), profile="default", zoneID="/hostedzone/" + ZONE, zoneName="internal.acme.io.")
            E(loop - 0.29, "info", "Desired change: DELETE %s TXT [Id: /hostedzone/%s]" % (NAME, ZONE), profile="default", zoneID="/hostedzone/" + ZONE, zoneName="internal.acme.io.")
            E(loop - 0.29, "info", "Desired change: DELETE a-%s TXT [Id: /hostedzone/%s]" % (NAME, ZONE), profile="default", zoneID="/hostedzone/" + ZONE, zoneName="internal.acme.io.")
            E(loop, "info", "3 record(s) in zone internal.acme.io. [Id: /hostedzone/%s] were successfully updated" % ZONE, profile="default", zoneID="/hostedzone/" + ZONE, zoneName="internal.acme.io.")
        elif abs(loop - RECREATE) < 40:
            E(RECREATE - 0.3, "info", "Desired change: CREATE %s A [Id: /hostedzone/%s]" % (NAME, ZONE), profile="default", zoneID="/hostedzone/" + ZONE, zoneName="internal.acme.io.")
            E(RECREATE - 0.29, "info", "Desired change: CREATE %s TXT [Id: /hostedzone/%s]" % (NAME, ZONE), profile="default", zoneID="/hostedzone/" + ZONE, zoneName="internal.acme.io.")
            E(RECREATE - 0.29, "info", "Desired change: CREATE a-%s TXT [Id: /hostedzone/%s]" % (NAME, ZONE), profile="default", zoneID="/hostedzone/" + ZONE, zoneName="internal.acme.io.")
            E(RECREATE, "info", "3 record(s) in zone internal.acme.io. [Id: /hostedzone/%s] were successfully updated" % ZONE, profile="default", zoneID="/hostedzone/" + ZONE, zoneName="internal.acme.io.")
        else:
            E(loop + rng.uniform(-0.4, 0.4), "info", "All records are already up to date")
        loop += 60.0
    E(T0 + 300.2, "warning", "Domain filter (internal.acme.io) does not match the source hostname api.acme.io of ingress public/api-gateway, ignoring")


def albc():
    f = "logs/aws-load-balancer-controller/aws-load-balancer-controller-%s.log" % rng.k8s(10)

    def A(t, lvl, logger, msg, **kv):
        d = {"level": lvl, "ts": iso(t, 3), "logger": logger, "msg": msg}
        d.update(kv)
        OUT.add(f, t, jdump(d))

    for t in arrivals(rng, T0, T1, 1 / 45.0):
        A(t, "info", "controllers.ingress", "successfully deployed model", ingressGroup="public/api-gateway")
    arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/k8s-ledger-ledgerap-%s/%s" % (rng.hex(10), rng.hex(16))
    A(ALB_MODEL - 3.1, "info", "controllers.ingress", "successfully built model", model='{"id":"ledger/ledger-api","resources":{"AWS::ElasticLoadBalancingV2::LoadBalancer":{"LoadBalancer":{"spec":{"name":"k8s-ledger-ledgerap-%s","type":"application","scheme":"internal"}}}}}' % rng.hex(10))
    A(ALB_MODEL - 2.0, "info", "controllers.ingress", "creating loadBalancer", stackID="ledger/ledger-api", resourceID="LoadBalancer")
    A(ALB_MODEL - 0.4, "info", "controllers.ingress", "created loadBalancer", stackID="ledger/ledger-api", resourceID="LoadBalancer", arn=arn)
    A(ALB_MODEL, "info", "controllers.ingress", "successfully deployed model", ingressGroup="ledger/ledger-api")
    A(ALB_MODEL + 0.2, "info", "controllers.service", "deleted loadBalancer", arn="arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/k8s-ledger-ledgerap-%s/%s" % (rng.hex(10), rng.hex(16)))
    A(RECREATE - 8.0, "info", "controllers.ingress", "successfully updated ingress status", ingressGroup="ledger/ledger-api", address="internal-k8s-ledger-ledgerap-%s-%d.eu-west-1.elb.amazonaws.com" % (rng.hex(10), rng.randint(10 ** 8, 10 ** 9)))


# ---------------------------------------------------------------- api-gateway (nginx json)
def gw_log(t, d, method, path, status, up, upt):
    pod, _ = rng.choice(gw)
    rec = {"time": iso_s(t + d).replace("Z", "+00:00"), "remote_addr": client_ip(rng), "request_id": rng.hex(32), "method": method, "uri": path, "status": status,
           "body_bytes_sent": rng.randint(100, 3000) if status < 400 else 146, "request_time": round(d, 3), "upstream_addr": up, "upstream_status": str(status),
           "upstream_response_time": "%.3f" % upt, "http_user_agent": rng.choice(UA_APP + UA_BROWSER), "host": "api.acme.io"}
    OUT.add("logs/api-gateway/%s.log" % pod, t + d, jdump(rec))


def traffic():
    for t in arrivals(rng, T0, T1, 1.6):
        kind = rng.wchoice([("pay", 30), ("wallet", 30), ("profile", 25), ("rates", 15)])
        if kind == "pay":
            st, d = payments(t + 0.001)
            pod, _ = rng.choice(pay)
            gw_log(t, d + 0.002, "POST", "/v1/payments", st, "%s:8080" % ip[pod], d)
        elif kind == "wallet":
            st, d = wallet(t + 0.001)
            pod, _ = rng.choice(wal)
            gw_log(t, d + 0.002, "GET", "/v1/wallet/summary", st, "%s:8080" % ip[pod], d)
        elif kind == "profile":
            d = rng.lat(0.015, 0.4)
            gw_log(t, d, "GET", "/v1/profile", 200, "10.8.%d.%d:8080" % (rng.randint(32, 63), rng.randint(2, 250)), d - 0.001)
        else:
            d = rng.lat(0.006, 0.4)
            gw_log(t, d, "GET", "/v1/fx/rates?base=EUR", 200, "10.8.%d.%d:8080" % (rng.randint(32, 63), rng.randint(2, 250)), d - 0.001)
    for pod, _ in pay:
        for t in arrivals(rng, T0, T1, 1 / 60.0):
            pz(pod, t, "warn", "psp/adyen.go:211", "psp notification hmac mismatch, ignoring", psp="adyen", event_code="AUTHORISATION")
    for pod, _ in wal:
        for t in arrivals(rng, T0, T1, 1 / 30.0):
            a = rng.randint(0, 3)
            wl(pod, t, "INFO", "HikariPool-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 - Pool stats (total=10, active=%d, idle=%d, waiting=0)" % (a, 10 - a))


nld_background()
ledger_background()
payout_worker()
fraud()
external_dns()
albc()
traffic()

truth = {
    "root_cause": {"service": "external-dns", "fault": "dns-record-deleted-negative-cache", "start": iso(FAULT)},
    "propagation": ["external-dns", "payments-api", "api-gateway"],
    "affected": ["external-dns", "payments-api", "wallet-service", "payout-worker", "fraud-scoring", "api-gateway"],
    "notes": "During the ledger-api NLB->ALB migration external-dns deleted ledger.internal.acme.io at 03:18:12 and only re-created it at 03:21:14, "
             "after the new Ingress got its address. The VPC resolver had cached NXDOMAIN with the zone's 900 s negative TTL, so every caller "
             "(payments-api, wallet-service, payout-worker, the fraud-scoring VM) kept failing with 'no such host' until ~03:33-03:34, node by node. "
             "ledger-api itself stayed healthy; external-dns only logs INFO; node-local-dns carries the usual search-path NXDOMAIN noise.",
}
OUT.write(truth)
