#!/usr/bin/env python3
"""m07: the ledger namespace was relabelled from istio-injection=enabled to istio.io/rev=1-22-3,
but the installed control plane revision is 1-22-2. Nothing happens until the routine
ledger-svc 3.8.1 rollout at 11:30: the new pods start without an istio-proxy sidecar. The
DestinationRule for ledger-svc forces ISTIO_MUTUAL, so every caller sidecar speaks TLS to a
plaintext port: WRONG_VERSION_NUMBER, UF,URX, 503. ledger-svc logs nothing abnormal."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from m_common import (LogSet, Rand, USER_AGENTS, iso, jdump, main_dir, report, strf, ts_of,  # noqa: E402
                      write_truth, java_trace)

R = Rand(20250218)
T0 = ts_of(2025, 2, 18, 10, 44, 0)
T1 = ts_of(2025, 2, 18, 11, 48, 0)
NS_PATCH = ts_of(2025, 2, 18, 10, 52, 14.337)
ROLLOUT = ts_of(2025, 2, 18, 11, 30, 5.020)
TRANSFER_DEPLOY = ts_of(2025, 2, 18, 11, 31, 10.0)
FIX_PATCH = ts_of(2025, 2, 18, 11, 41, 31.9)
FIX_ROLLOUT = ts_of(2025, 2, 18, 11, 41, 58.4)
MAD = 60
L = None
TLS_ERR = "TLS_error:|268435703:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER:TLS_error_end"
DETAILS = "upstream_reset_before_response_started{remote_connection_failure,TLS_error:|268435703:SSL_routines:OPENSSL_internal:WRONG_VERSION_NUMBER:TLS_error_end}"
BODY = ("upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, "
        "transport failure reason: " + TLS_ERR)


def add(path, t, line):
    L.add(path, t, line)


# ----------------------------------------------------------------- ledger endpoints over time
OLD = [("ledger-svc-5d8c7b6f9-2xkqp", "10.8.12.31", True), ("ledger-svc-5d8c7b6f9-7hm4v", "10.8.13.44", True),
       ("ledger-svc-5d8c7b6f9-c9t2w", "10.8.14.17", True), ("ledger-svc-5d8c7b6f9-rk6zn", "10.8.12.52", True)]
NEW = [("ledger-svc-7c9d8f6b5-4kx2p", "10.8.14.22", False), ("ledger-svc-7c9d8f6b5-9vqz8", "10.8.13.61", False),
       ("ledger-svc-7c9d8f6b5-fm3tl", "10.8.12.70", False), ("ledger-svc-7c9d8f6b5-w8n5d", "10.8.14.39", False)]
FIXED = [("ledger-svc-66f4b9c7d-b6q9x", "10.8.13.83", True), ("ledger-svc-66f4b9c7d-hq2mf", "10.8.12.88", True),
         ("ledger-svc-66f4b9c7d-p4z7k", "10.8.14.91", True), ("ledger-svc-66f4b9c7d-t1v3s", "10.8.13.95", True)]
NEW_READY = [ROLLOUT + 20 + 25 * i for i in range(4)]
FIX_READY = [FIX_ROLLOUT + 34 + 25 * i for i in range(4)]
NODE_OF = {"10.8.12": "gke-core-pool-5e1a2b3c-7qdx", "10.8.13": "gke-core-pool-5e1a2b3c-m2lk", "10.8.14": "gke-core-pool-5e1a2b3c-zr8w"}


def ledger_eps(t):
    eps = []
    for i in range(4):
        if t < NEW_READY[i] + 2:
            eps.append(OLD[i])
        elif t < FIX_READY[i] + 2:
            if t >= NEW_READY[i]:
                eps.append(NEW[i])
        else:
            eps.append(FIXED[i])
        if NEW_READY[i] <= t < NEW_READY[i] + 2:
            eps.append(NEW[i])
        if FIX_READY[i] <= t < FIX_READY[i] + 2:
            eps.append(FIXED[i])
    return eps


WALLET = [("wallet-api-6b7c8d9f5-jx4lm", "10.8.12.15"), ("wallet-api-6b7c8d9f5-v2c8q", "10.8.13.16")]
TRANSFER_OLD = [("transfer-svc-849d7c6b5-k3wqz", "10.8.13.27"), ("transfer-svc-849d7c6b5-r9mfx", "10.8.14.28")]
TRANSFER_NEW = [("transfer-svc-6fb8c9d74-5glpn", "10.8.12.64"), ("transfer-svc-6fb8c9d74-z7dxh", "10.8.14.66")]
GW = ("istio-ingressgateway-7f9c8d6b5-q2m8x", "10.8.1.5")


def transfer_pods(t):
    return TRANSFER_OLD if t < TRANSFER_DEPLOY + 30 else TRANSFER_NEW


# ----------------------------------------------------------------- formatters
def envoy(path, t_start, dur, method, url, proto, code, flags, details, tfr, rb, sb, ust, xff, ua, rid, auth, uhost, ucluster,
          ulocal, dlocal, dremote, sni, route):
    line = '[%s] "%s %s %s" %d %s %s - "%s" %d %d %d %s "%s" "%s" "%s" "%s" "%s" %s %s %s %s %s %s' % (
        iso(t_start, 3, True), method, url, proto, code, flags, details, tfr, rb, sb, int(dur * 1000), ust, xff, ua, rid, auth, uhost, ucluster,
        ulocal, dlocal, dremote, sni, route)
    add(path, t_start + dur, line)


def wildfly(pod, t, level, cat, thread, msg):
    add("logs/wallet-api/%s/server.log" % pod, t, "%s %-5s [%s] (%s) %s" % (strf(t, "%Y-%m-%d %H:%M:%S,{ms}", MAD), level, cat, thread, msg))


def zap(pod, t, level, msg, **kw):
    d = {"level": level, "ts": round(t, 6), "caller": kw.pop("caller", "transfer/service.go:142"), "msg": msg}
    d.update(kw)
    add("logs/transfer-svc/%s.log" % pod, t, jdump(d))


def ledger_log(pod, t, level, msg, **kw):
    parts = ["ts=%s" % iso(t, 3, True), "level=%s" % level, 'msg="%s"' % msg]
    for k, v in kw.items():
        sv = str(v)
        parts.append('%s="%s"' % (k, sv) if (" " in sv or "=" in sv or sv == "") else "%s=%s" % (k, sv))
    add("logs/ledger-svc/%s.log" % pod, t, " ".join(parts))


def kubelet(node, t, sev, src, msg, pid=1843):
    add("logs/nodes/%s/kubelet-containerd.journal" % node, t, "%s %s kubelet[%d]: %s%s %s    %d %s] %s" % (
        strf(t, "%Y-%m-%dT%H:%M:%S+0000"), node, pid, sev, strf(t, "%m%d"), strf(t, "%H:%M:%S.{us}"), pid, src, msg))


def containerd(node, t, level, msg):
    add("logs/nodes/%s/kubelet-containerd.journal" % node, t, '%s %s containerd[912]: time="%s" level=%s msg="%s"' % (
        strf(t, "%Y-%m-%dT%H:%M:%S+0000"), node, iso(t, 9, True), level, msg.replace('"', '\\"')))


def k8s_audit(t, verb, uri, user, ua, resource, name, ns, code=200, req=None, groups=None):
    d = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "RequestResponse" if req else "Metadata", "auditID": R.uuid(),
         "stage": "ResponseComplete", "requestURI": uri, "verb": verb,
         "user": {"username": user, "groups": groups or ["system:authenticated"]},
         "sourceIPs": ["10.8.0.%d" % R.randrange(2, 60)], "userAgent": ua,
         "objectRef": {"resource": resource, "namespace": ns, "name": name, "apiVersion": "v1" if resource in ("namespaces", "pods", "configmaps") else "apps/v1"} if ns else
                      {"resource": resource, "name": name, "apiVersion": "v1"},
         "responseStatus": {"metadata": {}, "code": code}}
    if req is not None:
        d["requestObject"] = req
    d["requestReceivedTimestamp"] = iso(t, 6, True)
    d["stageTimestamp"] = iso(t + R.uniform(0.003, 0.03), 6, True)
    d["annotations"] = {"authorization.k8s.io/decision": "allow", "authorization.k8s.io/reason": "RBAC: allowed by ClusterRoleBinding \"platform-admins\" of ClusterRole \"cluster-admin\" to Group \"platform-admins@finbank.example\""
                        if "@" in user else ""}
    add("logs/kubernetes/apiserver-audit.log", t, jdump(d))


def istiod(t, level, scope, msg):
    add("logs/istio-system/istiod-1-22-2-6c9f8d7b5-xk2lp.log", t, "%s\t%s\t%s\t%s" % (iso(t, 6, True), level, scope, msg))


# ----------------------------------------------------------------- ledger call through the caller's sidecar
def ledger_call(t, caller_pod, caller_ip, method, path, proxy_log):
    """Simulates Envoy outbound to ledger-svc with 2 retries (previous_hosts). Returns (code, dur, ok)."""
    eps = ledger_eps(t)
    tried = []
    tt = t
    rid = R.uuid()
    for attempt in range(3):
        cands = [e for e in eps if e not in tried] or eps
        ep = R.pick(cands)
        tried.append(ep)
        if ep[2]:
            d = R.lat(0.011, 0.4)
            tt += d
            lpod = ep[0]
            ledger_log(lpod, tt - 0.0005, "info", "request", method=method, path=path, status=200, dur_ms="%.1f" % (d * 1000 - 0.6),
                       peer="spiffe://cluster.local/ns/%s/sa/%s" % ("wallet" if "wallet" in caller_pod else "transfer", "wallet-api" if "wallet" in caller_pod else "transfer-svc"))
            if proxy_log:
                envoy(proxy_log, t, tt - t, method, path, "HTTP/1.1", 200, "-", "via_upstream", "-", 0 if method == "GET" else R.randrange(200, 700),
                      R.randrange(150, 900), "%d" % int(d * 1000), "-", "Apache-HttpClient/4.5.14 (Java/17.0.10)" if "wallet" in caller_pod else "Go-http-client/1.1",
                      rid, "ledger-svc.ledger.svc.cluster.local:8080", ep[1] + ":8080", "outbound|8080||ledger-svc.ledger.svc.cluster.local",
                      "%s:%d" % (caller_ip, R.randrange(33000, 60999)), "10.12.%d.%d:8080" % (4, 118), "%s:%d" % (caller_ip, R.randrange(33000, 60999)),
                      "outbound_.8080_._.ledger-svc.ledger.svc.cluster.local", "default")
            return 200, tt - t, True
        tt += R.lat(0.0016, 0.3) + 0.025 * attempt
    if proxy_log:
        envoy(proxy_log, t, tt - t, method, path, "HTTP/1.1", 503, "UF,URX", DETAILS, TLS_ERR, 0 if method == "GET" else R.randrange(200, 700), len(BODY),
              "-", "-", "Apache-HttpClient/4.5.14 (Java/17.0.10)" if "wallet" in caller_pod else "Go-http-client/1.1", rid,
              "ledger-svc.ledger.svc.cluster.local:8080", tried[-1][1] + ":8080", "outbound|8080||ledger-svc.ledger.svc.cluster.local",
              "-", "10.12.4.118:8080", "%s:%d" % (caller_ip, R.randrange(33000, 60999)), "-", "default")
    return 503, tt - t, False


def wallet_ledger_trace(path):
    return java_trace("javax.ws.rs.ServiceUnavailableException", "HTTP 503 Service Unavailable", [
        "org.jboss.resteasy.client.jaxrs.internal.ClientInvocation.handleErrorStatus(ClientInvocation.java:245)",
        "org.jboss.resteasy.client.jaxrs.internal.ClientInvocation.extractResult(ClientInvocation.java:193)",
        "org.jboss.resteasy.client.jaxrs.internal.proxy.extractors.BodyEntityExtractor.extractEntity(BodyEntityExtractor.java:62)",
        "org.jboss.resteasy.client.jaxrs.internal.proxy.ClientInvoker.invokeSync(ClientInvoker.java:151)",
        "org.jboss.resteasy.client.jaxrs.internal.proxy.ClientInvoker.invoke(ClientInvoker.java:112)",
        "org.jboss.resteasy.client.jaxrs.internal.proxy.ClientProxy.invoke(ClientProxy.java:76)",
        "jdk.proxy4/jdk.proxy4.$Proxy142.%s(Unknown Source)" % ("balance" if "balance" in path else "entries"),
        "com.finbank.wallet.ledger.LedgerClient.%s(LedgerClient.java:%d)" % ("balance" if "balance" in path else "entries", 58 if "balance" in path else 74),
        "com.finbank.wallet.api.WalletResource.%s(WalletResource.java:%d)" % ("getBalance" if "balance" in path else "getTransactions", 91 if "balance" in path else 117),
        "java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
        "org.jboss.resteasy.core.MethodInjectorImpl.invoke(MethodInjectorImpl.java:154)",
        "org.jboss.resteasy.core.ResourceMethodInvoker.invokeOnTarget(ResourceMethodInvoker.java:460)",
        "io.undertow.servlet.handlers.ServletHandler.handleRequest(ServletHandler.java:74)"], more=0)


def main():
    global L
    out = main_dir(sys.argv)
    L = LogSet(out)
    gwlog = "logs/istio-ingressgateway/%s.log" % GW[0]
    for t in R.arrivals(T0, T1, lambda t: 1.7):
        client = R.public_ip()
        k = R.wpick([("balance", 40), ("transfer", 12), ("txns", 15), ("me", 20), ("notif", 13)])
        rid = R.uuid()
        wpod, wip = R.pick(WALLET)
        ua = R.pick(["finbank-ios/9.4.1 (iPhone15,2; iOS 18.3)", "finbank-android/9.4.0 (SM-S921B; Android 14)", R.pick(USER_AGENTS)])
        wid = "w_%s" % R.alnum(10)
        if k in ("balance", "txns"):
            path = "/api/v1/wallets/%s/%s" % (wid, "balance" if k == "balance" else "transactions?limit=25")
            lpath = "/v1/accounts/%s/%s" % (wid, "balance" if k == "balance" else "entries?limit=25")
            t1 = t + R.lat(0.002, 0.3)
            code, d, ok = ledger_call(t1, wpod, wip, "GET", lpath, "logs/wallet-api/%s/istio-proxy.log" % wpod)
            thread = "default task-%d" % R.randrange(1, 65)
            if ok:
                total = (t1 - t) + d + R.lat(0.006, 0.3)
                st, size = 200, R.randrange(180, 4200)
            else:
                total = (t1 - t) + d + 0.004
                wildfly(wpod, t + total - 0.001, "ERROR", "com.finbank.wallet.ledger.LedgerClient", thread,
                        "Ledger call failed: GET http://ledger-svc.ledger.svc.cluster.local:8080%s -> 503 body=%s" % (lpath, BODY))
                wildfly(wpod, t + total, "ERROR", "io.undertow.request", thread,
                        "UT005023: Exception handling request to %s: %s" % (path.split("?")[0], wallet_ledger_trace(path)))
                st, size = 502, 84
            envoy(gwlog, t, total + 0.0006, "GET", path, "HTTP/2", st, "-", "via_upstream", "-", 0, size, "%d" % int(total * 1000), client,
                  ua, rid, "api.finbank.example", wip + ":8080", "outbound|8080||wallet-api.wallet.svc.cluster.local",
                  "%s:%d" % (GW[1], R.randrange(33000, 60999)), GW[1] + ":8443", "%s:%d" % (client, R.randrange(1024, 65535)), "api.finbank.example", "-")
        elif k == "transfer":
            path = "/api/v1/transfers"
            tpods = transfer_pods(t)
            tpod, tip = R.pick(tpods)
            t1 = t + R.lat(0.003, 0.3)
            tid = "tr_%s" % R.alnum(14)
            t2 = t1 + R.lat(0.009, 0.3)   # user-svc limits check
            code, d, ok = ledger_call(t2, tpod, tip, "POST", "/v1/postings", None)
            thread = "default task-%d" % R.randrange(1, 65)
            if ok:
                tt = t2 + d + R.lat(0.004, 0.3)
                zap(tpod, tt, "info", "transfer posted", transfer_id=tid, amount_minor=R.randrange(100, 250000), currency="EUR",
                    ledger_latency_ms=int(d * 1000), caller="transfer/service.go:188")
                st_t = 201
            else:
                tt = t2 + d + 0.002
                zap(tpod, tt, "error", "ledger posting failed", transfer_id=tid, status=503, body=BODY,
                    error="ledger: unexpected status 503 Service Unavailable", caller="transfer/service.go:171",
                    stacktrace="main.(*Service).Post\n\t/src/transfer/service.go:171\nmain.(*Handler).CreateTransfer\n\t/src/transfer/handler.go:64\nnet/http.HandlerFunc.ServeHTTP\n\t/usr/local/go/src/net/http/server.go:2171")
                zap(tpod, tt + 0.0004, "warn", "transfer rolled back", transfer_id=tid, state="FAILED_LEDGER", caller="transfer/service.go:176")
                st_t = 503
            envoy("logs/wallet-api/%s/istio-proxy.log" % wpod, t1, tt - t1 + 0.001, "POST", "/v1/transfers", "HTTP/1.1", st_t, "-", "via_upstream", "-",
                  R.randrange(200, 600), R.randrange(150, 400) if st_t == 201 else 92, "%d" % int((tt - t1) * 1000), "-", "Apache-HttpClient/4.5.14 (Java/17.0.10)", rid,
                  "transfer-svc.transfer.svc.cluster.local:8080", tip + ":8080", "outbound|8080||transfer-svc.transfer.svc.cluster.local",
                  "%s:%d" % (wip, R.randrange(33000, 60999)), "10.12.6.201:8080", "%s:%d" % (wip, R.randrange(33000, 60999)),
                  "outbound_.8080_._.transfer-svc.transfer.svc.cluster.local", "default")
            total = tt - t + R.lat(0.004, 0.3)
            if st_t == 201:
                st, size = 201, R.randrange(300, 600)
                if R.random() < 0.1:
                    wildfly(wpod, t + total, "INFO", "com.finbank.wallet.api.TransferResource", thread, "Transfer %s accepted for wallet %s" % (tid, wid))
            else:
                st, size = 502, 84
                wildfly(wpod, t + total - 0.001, "ERROR", "com.finbank.wallet.api.TransferResource", thread,
                        "Transfer %s failed: transfer-svc returned 503 (FAILED_LEDGER)" % tid)
            envoy(gwlog, t, total + 0.0006, "POST", path, "HTTP/2", st, "-", "via_upstream", "-", R.randrange(200, 600), size, "%d" % int(total * 1000), client,
                  ua, rid, "api.finbank.example", wip + ":8080", "outbound|8080||wallet-api.wallet.svc.cluster.local",
                  "%s:%d" % (GW[1], R.randrange(33000, 60999)), GW[1] + ":8443", "%s:%d" % (client, R.randrange(1024, 65535)), "api.finbank.example", "-")
        else:
            svc, path, port = ("user-svc", "/api/v1/users/me", 8080) if k == "me" else ("notification-svc", "/api/v1/notifications?unread=1", 8080)
            d = R.lat(0.014, 0.4)
            ip = "10.8.%d.%d" % (R.randrange(12, 15), 100 + (3 if k == "me" else 7))
            envoy(gwlog, t, d, "GET", path, "HTTP/2", 200, "-", "via_upstream", "-", 0, R.randrange(200, 3000), "%d" % int(d * 1000), client, ua, rid,
                  "api.finbank.example", ip + ":%d" % port, "outbound|%d||%s.%s.svc.cluster.local" % (port, svc, svc.split("-")[0]),
                  "%s:%d" % (GW[1], R.randrange(33000, 60999)), GW[1] + ":8443", "%s:%d" % (client, R.randrange(1024, 65535)), "api.finbank.example", "-")
    platform()
    sizes = L.write()
    report(out, sizes)
    write_truth(out, {
        "root_cause": {"service": "ledger-svc", "fault": "pods-started-without-istio-sidecar-mtls-mismatch", "start": iso(NEW_READY[0], 3)},
        "propagation": ["ledger-svc", "wallet-api", "istio-ingressgateway"],
        "affected": ["ledger-svc", "wallet-api", "transfer-svc", "istio-ingressgateway", "audit-svc"],
        "acceptable_roots": [],
        "notes": (
            "10:52:14Z jdoe@finbank.example patches namespace ledger: removes istio-injection=enabled and sets "
            "istio.io/rev=1-22-3 (k8s audit log), but the only control plane is revision 1-22-2 (istiod-1-22-2-...). "
            "Nothing changes until the routine ledger-svc 3.8.1 rollout at 11:30:05Z (CI patch of the Deployment): the "
            "new pods (7c9d8f6b5-*) are created without istio-init/istio-proxy (kubelet/containerd show a single "
            "container), become Ready on plain-HTTP probes and replace the old pods one by one (11:30:25..11:31:42). The "
            "ledger-svc DestinationRule forces ISTIO_MUTUAL, so caller sidecars (wallet-api, transfer-svc) open TLS to a "
            "plaintext port: 503 UF,URX with 'TLS_error ... WRONG_VERSION_NUMBER'. With Envoy's retries on previous "
            "hosts, failures start when 2-3 of 4 endpoints are new and reach 100% at 11:31:42. ledger-svc's own logs "
            "show only startup lines and kube-probe requests on the new pods (no traffic, no errors); the root is named "
            "by callers only as outbound|8080||ledger-svc.ledger.svc.cluster.local and pod IPs. wallet-api (WildFly) "
            "logs RESTEasy ServiceUnavailableException traces and returns 502 to the ingress gateway; transfer-svc "
            "rolls transfers back; audit-svc stops receiving ledger events. Fix: namespace relabelled at 11:41:32Z and "
            "rollout restart 11:41:58Z, sidecar-injected pods ready 11:42:32..11:43:47, errors stop. Clock quirks: "
            "WildFly server.log is Europe/Madrid local time without offset (UTC+1); transfer-svc zap ts is epoch "
            "seconds; Envoy access lines carry the request START time but are written at completion (out of order). "
            "Red herrings: transfer-svc 2.19.0 deploy at 11:31:10Z right in the middle of the rollout; wallet-api's "
            "Hibernate deprecation warnings and a stuck-thread warning; istiod's routine XDS pushes; gateway TLS "
            "handshake resets from scanners."),
    })


def platform():
    # ledger-svc pod lifecycle logs
    for i, (pod, ip, side) in enumerate(OLD):
        ledger_log(pod, NEW_READY[i] + 2.0, "info", "shutting down", signal="terminated", inflight=R.randrange(0, 4))
        ledger_log(pod, NEW_READY[i] + 2.4, "info", "server stopped")
    for group, ready_list, ver in ((NEW, NEW_READY, "3.8.1"), (FIXED, FIX_READY, "3.8.1")):
        for i, (pod, ip, side) in enumerate(group):
            st = ready_list[i] - 12.0
            ledger_log(pod, st, "info", "starting ledger-svc", version=ver, commit="e41b9c0", go="go1.23.6")
            ledger_log(pod, st + 0.4, "info", "connected to postgres", host="ledger-pg-rw.ledger.svc", pool_max=40)
            ledger_log(pod, st + 0.6, "info", "kafka producer ready", brokers="kafka-0.kafka.data.svc:9092,kafka-1.kafka.data.svc:9092", topic="ledger.postings")
            ledger_log(pod, st + 0.7, "info", "listening", addr=":8080", tls="false", note="mesh provides mTLS")
            end = FIX_READY[i] + 2 if group is NEW else T1
            t = st + 3.0
            node_ip = "10.8.%s.1" % ip.split(".")[2]
            while t < end:
                ledger_log(pod, t, "debug", "request", method="GET", path="/readyz" if int(t) % 2 else "/healthz", status=200, dur_ms="0.%d" % R.randrange(1, 9),
                           remote="%s:%d" % (node_ip, R.randrange(33000, 60999)), ua="kube-probe/1.29")
                t += 5.0
            if group is NEW:
                ledger_log(pod, end, "info", "shutting down", signal="terminated", inflight=0)
    # old pods: probes too
    for i, (pod, ip, side) in enumerate(OLD):
        t = T0 + R.random() * 5
        while t < NEW_READY[i] + 2:
            ledger_log(pod, t, "debug", "request", method="GET", path="/readyz" if int(t) % 2 else "/healthz", status=200, dur_ms="0.%d" % R.randrange(1, 9),
                       remote="10.8.%s.1:%d" % (ip.split(".")[2], R.randrange(33000, 60999)), ua="kube-probe/1.29")
            t += 5.0
    # kubelet + containerd on nodes
    def pod_start(pod, ip, t, sidecar, ver):
        node = NODE_OF[".".join(ip.split(".")[:3])]
        uid = R.uuid()
        kubelet(node, t, "I", "kubelet.go:2432", "\"SyncLoop ADD\" source=\"api\" pods=[\"ledger/%s\"]" % pod)
        sb = R.hexid(64)
        containerd(node, t + 0.4, "info", "RunPodSandbox for &PodSandboxMetadata{Name:%s,Uid:%s,Namespace:ledger,Attempt:0,} returns sandbox id \"%s\"" % (pod, uid, sb))
        tt = t + 0.9
        cs = ["istio-init", "istio-proxy", "ledger-svc"] if sidecar else ["ledger-svc"]
        for c in cs:
            cid = R.hexid(64)
            img = {"istio-init": "docker.io/istio/proxyv2:1.22.2", "istio-proxy": "docker.io/istio/proxyv2:1.22.2",
                   "ledger-svc": "europe-docker.pkg.dev/finbank-prod/apps/ledger-svc:%s" % ver}[c]
            kubelet(node, tt, "I", "kuberuntime_container.go:297" if c != "ledger-svc" else "kuberuntime_container.go:297",
                    "\"Container image already present on machine\" pod=\"ledger/%s\" containerName=\"%s\" image=\"%s\"" % (pod, c, img) if c != "ledger-svc" or ver != "3.8.1" or sidecar else
                    "\"Pulling image\" pod=\"ledger/%s\" image=\"%s\"" % (pod, img))
            containerd(node, tt + 0.3, "info", "CreateContainer within sandbox \"%s\" for container &ContainerMetadata{Name:%s,Attempt:0,}" % (sb, c))
            containerd(node, tt + 0.5, "info", "CreateContainer within sandbox \"%s\" for &ContainerMetadata{Name:%s,Attempt:0,} returns container id \"%s\"" % (sb, c, cid))
            containerd(node, tt + 0.6, "info", "StartContainer for \"%s\"" % cid)
            containerd(node, tt + 0.8, "info", "StartContainer for \"%s\" returns successfully" % cid)
            if c == "istio-init":
                containerd(node, tt + 1.4, "info", "shim disconnected\" id=%s namespace=k8s.io" % cid)
            tt += 1.6
        kubelet(node, tt + 0.2, "I", "kubelet.go:2464", "\"SyncLoop (PLEG): event for pod\" pod=\"ledger/%s\" event={\"ID\":\"%s\",\"Type\":\"ContainerStarted\",\"Data\":\"%s\"}" % (pod, uid, R.hexid(64)))
        return node
    for i, (pod, ip, side) in enumerate(NEW):
        pod_start(pod, ip, NEW_READY[i] - 14, False, "3.8.1")
        kubelet(NODE_OF[".".join(ip.split(".")[:3])], NEW_READY[i], "I", "kubelet.go:2538", "\"SyncLoop (probe)\" probe=\"readiness\" status=\"ready\" pod=\"ledger/%s\"" % pod)
    for i, (pod, ip, side) in enumerate(FIXED):
        pod_start(pod, ip, FIX_READY[i] - 16, True, "3.8.1")
        kubelet(NODE_OF[".".join(ip.split(".")[:3])], FIX_READY[i], "I", "kubelet.go:2538", "\"SyncLoop (probe)\" probe=\"readiness\" status=\"ready\" pod=\"ledger/%s\"" % pod)
    for i, (pod, ip, side) in enumerate(OLD + NEW):
        node = NODE_OF[".".join(ip.split(".")[:3])]
        tk = (NEW_READY[i] + 2) if i < 4 else (FIX_READY[i - 4] + 2)
        kubelet(node, tk, "I", "kubelet.go:2448", "\"SyncLoop DELETE\" source=\"api\" pods=[\"ledger/%s\"]" % pod)
        kubelet(node, tk + 0.01, "I", "kuberuntime_container.go:779", "\"Killing container with a grace period\" pod=\"ledger/%s\" containerName=\"ledger-svc\" containerID=\"containerd://%s\" gracePeriod=30" % (pod, R.hexid(64)))
        if i < 4:
            kubelet(node, tk + 0.02, "I", "kuberuntime_container.go:779", "\"Killing container with a grace period\" pod=\"ledger/%s\" containerName=\"istio-proxy\" containerID=\"containerd://%s\" gracePeriod=30" % (pod, R.hexid(64)))
    # transfer-svc deploy (red herring) - pods with sidecars
    for i, (pod, ip) in enumerate(TRANSFER_NEW):
        node = NODE_OF[".".join(ip.split(".")[:3])]
        t = TRANSFER_DEPLOY + 10 * i
        kubelet(node, t, "I", "kubelet.go:2432", "\"SyncLoop ADD\" source=\"api\" pods=[\"transfer/%s\"]" % pod)
        for c in ("istio-init", "istio-proxy", "transfer-svc"):
            containerd(node, t + 1 + ["istio-init", "istio-proxy", "transfer-svc"].index(c), "info", "CreateContainer within sandbox \"%s\" for container &ContainerMetadata{Name:%s,Attempt:0,}" % (R.hexid(64), c))
        zap(pod, t + 6, "info", "starting transfer-svc", version="2.19.0", commit="7a2d11f", caller="cmd/transfer/main.go:52")
        zap(pod, t + 6.2, "info", "listening on :8080", caller="cmd/transfer/main.go:88")
    for pod, ip in TRANSFER_OLD:
        zap(pod, TRANSFER_DEPLOY + 31 + R.random(), "info", "shutdown requested, draining", caller="cmd/transfer/main.go:97")
    # kubelet background noise
    for node in NODE_OF.values():
        t = T0 + R.uniform(0, 60)
        while t < T1:
            r = R.random()
            if r < 0.5:
                kubelet(node, t, "I", "kubelet_getters.go:218", "\"Pod status is inconsistent with cached status for pod, a reconciliation should be triggered\" pod=\"monitoring/node-exporter-%s\"" % R.alnum(5)) if r < 0.05 else \
                    kubelet(node, t, "I", "prober.go:107", "\"Probe failed\" probeType=\"Readiness\" pod=\"monitoring/prometheus-adapter-7b9c5d8f6-%s\" podUID=\"%s\" containerName=\"prometheus-adapter\" probeResult=\"failure\" output=\"Get \\\"https://10.8.%d.%d:6443/readyz\\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\"" % (R.alnum(5), R.uuid(), R.randrange(12, 15), R.randrange(2, 250)))
            else:
                containerd(node, t, "info", "ImageCreate event name:\"sha256:%s\" labels:{key:\"io.cri-containerd.image\" value:\"managed\"}" % R.hexid(64)) if r < 0.6 else \
                    kubelet(node, t, "I", "log.go:194", "\"Cleaned up orphaned pod volumes dir\" podUID=\"%s\" path=\"/var/lib/kubelet/pods/%s/volumes\"" % (R.uuid(), R.uuid()))
            t += R.expovariate(1 / 70.0)
    # k8s audit
    k8s_audit(NS_PATCH, "patch", "/api/v1/namespaces/ledger?fieldManager=kubectl-label", "jdoe@finbank.example", "kubectl/v1.29.3 (linux/amd64) kubernetes/6813625",
              "namespaces", "ledger", None, req={"metadata": {"labels": {"istio-injection": None, "istio.io/rev": "1-22-3"}}},
              groups=["platform-admins@finbank.example", "system:authenticated"])
    k8s_audit(ROLLOUT, "patch", "/apis/apps/v1/namespaces/ledger/deployments/ledger-svc?fieldManager=argocd-controller", "system:serviceaccount:argocd:argocd-application-controller",
              "argocd-controller/v2.10.5", "deployments", "ledger-svc", "ledger",
              req={"spec": {"template": {"spec": {"containers": [{"name": "ledger-svc", "image": "europe-docker.pkg.dev/finbank-prod/apps/ledger-svc:3.8.1"}]}}}})
    k8s_audit(TRANSFER_DEPLOY, "patch", "/apis/apps/v1/namespaces/transfer/deployments/transfer-svc?fieldManager=argocd-controller", "system:serviceaccount:argocd:argocd-application-controller",
              "argocd-controller/v2.10.5", "deployments", "transfer-svc", "transfer",
              req={"spec": {"template": {"spec": {"containers": [{"name": "transfer-svc", "image": "europe-docker.pkg.dev/finbank-prod/apps/transfer-svc:2.19.0"}]}}}})
    k8s_audit(FIX_PATCH, "patch", "/api/v1/namespaces/ledger?fieldManager=kubectl-label", "mgarcia@finbank.example", "kubectl/v1.30.1 (darwin/arm64) kubernetes/9f3b1c2",
              "namespaces", "ledger", None, req={"metadata": {"labels": {"istio.io/rev": "1-22-2"}}}, groups=["platform-admins@finbank.example", "system:authenticated"])
    k8s_audit(FIX_ROLLOUT, "patch", "/apis/apps/v1/namespaces/ledger/deployments/ledger-svc?fieldManager=kubectl-rollout", "mgarcia@finbank.example",
              "kubectl/v1.30.1 (darwin/arm64) kubernetes/9f3b1c2", "deployments", "ledger-svc", "ledger",
              req={"spec": {"template": {"metadata": {"annotations": {"kubectl.kubernetes.io/restartedAt": iso(FIX_ROLLOUT, 0, False).replace("+00:00", "Z")}}}}},
              groups=["platform-admins@finbank.example", "system:authenticated"])
    for (grp, ready) in ((NEW, NEW_READY), (FIXED, FIX_READY)):
        for i, (pod, ip, side) in enumerate(grp):
            k8s_audit(ready[i] - 15, "create", "/api/v1/namespaces/ledger/pods", "system:serviceaccount:kube-system:replicaset-controller", "kube-controller-manager/v1.29.6 (linux/amd64) kubernetes/0f3c1ab/system:serviceaccount:kube-system:replicaset-controller",
                      "pods", pod, "ledger", code=201)
    t = T0 + 3
    while t < T1:
        verb, uri, user, ua, res, name, ns = R.pick([
            ("update", "/api/v1/namespaces/kube-system/configmaps/cluster-autoscaler-status", "system:serviceaccount:kube-system:cluster-autoscaler",
             "cluster-autoscaler/v1.29.2", "configmaps", "cluster-autoscaler-status", "kube-system"),
            ("update", "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-scheduler", "system:kube-scheduler",
             "kube-scheduler/v1.29.6 (linux/amd64) kubernetes/0f3c1ab/leader-election", "leases", "kube-scheduler", "kube-system"),
            ("list", "/api/v1/namespaces/monitoring/endpoints?labelSelector=app.kubernetes.io%2Fname%3Dprometheus", "system:serviceaccount:monitoring:prometheus-k8s",
             "prometheus/2.51.2", "endpoints", "", "monitoring"),
            ("get", "/api/v1/namespaces/istio-system/configmaps/istio-1-22-2", "system:serviceaccount:istio-system:istiod-1-22-2",
             "pilot-discovery/1.22.2", "configmaps", "istio-1-22-2", "istio-system")])
        k8s_audit(t, verb, uri, user, ua, res, name, ns)
        t += R.expovariate(1 / 20.0)
    # istiod
    t = T0 + 2
    while t < T1:
        r = R.random()
        if r < 0.4:
            istiod(t, "info", "ads", "Push debounce stable[%d] %d for config %s: 100.%dms since last change, 101.%dms since last push, full=true" % (
                R.randrange(4000, 9000), R.randrange(1, 6), R.pick(["EndpointSlice/wallet/wallet-api", "EndpointSlice/transfer/transfer-svc", "EndpointSlice/notification/notification-svc", "ServiceEntry/istio-system/external-psp"]),
                R.randrange(100, 999), R.randrange(100, 999)))
            istiod(t + 0.002, "info", "ads", "XDS: Pushing Services:58 ConnectedEndpoints:%d Version:%s" % (R.randrange(60, 70), strf(t, "%Y-%m-%dT%H:%M:%SZ/") + str(R.randrange(400, 900))))
        elif r < 0.7:
            pod = R.pick(["wallet-api-6b7c8d9f5-jx4lm.wallet", "notification-svc-5c4d3b2a1-x9kq2.notification", "user-svc-7d6c5b4a3-pl0ks.user", "transfer-svc-849d7c6b5-k3wqz.transfer"])
            istiod(t, "info", "ads", "CDS: PUSH for node:%s resources:%d size:%.1fkB" % (pod, R.randrange(140, 160), R.uniform(150, 190)))
        else:
            istiod(t, "info", "ads", "EDS: PUSH INC for node:%s resources:%d size:%.1fkB empty:0 cached:%d/%d" % (
                R.pick(["istio-ingressgateway-7f9c8d6b5-q2m8x.istio-system", "wallet-api-6b7c8d9f5-v2c8q.wallet"]), R.randrange(40, 60), R.uniform(20, 40), R.randrange(40, 60), R.randrange(40, 60)))
        t += R.expovariate(1 / 9.0)
    for i, (pod, ip, side) in enumerate(OLD):
        istiod(NEW_READY[i] + 3, "info", "ads", "ADS: \"%s:%d\" %s.ledger-%d terminated" % (ip, R.randrange(40000, 60000), pod, R.randrange(100, 999)))
    for i, (pod, ip, side) in enumerate(FIXED):
        istiod(FIX_READY[i] - 8, "info", "ads", "ADS: new connection for node:%s.ledger-%d" % (pod, R.randrange(100, 999)))
        istiod(FIX_READY[i] - 7.9, "info", "ads", "CDS: PUSH request for node:%s.ledger resources:152 size:171.4kB cached:150/152" % pod)
    for i, (pod, ip) in enumerate(TRANSFER_NEW):
        istiod(TRANSFER_DEPLOY + 10 * i + 4, "info", "ads", "ADS: new connection for node:%s.transfer-%d" % (pod, R.randrange(100, 999)))
    istiod(NS_PATCH + 0.6, "info", "ads", "Push debounce stable[%d] 1 for config Namespace/ledger: 100.4ms since last change, 100.4ms since last push, full=false" % R.randrange(4000, 9000))
    # wallet-api noise
    for pod, ip in WALLET:
        t = T0 + R.uniform(0, 40)
        while t < T1:
            wildfly(pod, t, "WARN", "org.hibernate.orm.deprecation", "default task-%d" % R.randrange(1, 65),
                    "HHH90000022: Hibernate's legacy org.hibernate.Criteria API is deprecated; use the JPA javax.persistence.criteria.CriteriaQuery instead")
            t += R.expovariate(1 / 45.0)
        wildfly(pod, T0 + 1500 + R.uniform(0, 200), "WARN", "com.arjuna.ats.arjuna", "Transaction Reaper",
                "ARJUNA012117: TransactionReaper::check timeout for TX 0:ffff0a080c0f:-4a1c2b3d:67b4581e:%x in state  RUN" % R.randrange(1000, 9999))
    # audit-svc: consumes ledger.postings; goes quiet when postings stop
    t = T0 + 30
    while t < T1:
        quiet = NEW_READY[2] + 60 <= t < FIX_READY[0] + 30
        line_t = strf(t, "%Y-%m-%d %H:%M:%S,{ms}")
        if quiet:
            add("logs/audit-svc/audit-svc-7f8e9d6c5-m2xq4.log", t, "%s WARNING audit.consumer: no messages on ledger.postings for %ds (partition lag 0, consumer group audit-svc)" % (line_t, int(t - NEW_READY[2])))
        else:
            add("logs/audit-svc/audit-svc-7f8e9d6c5-m2xq4.log", t, "%s INFO audit.consumer: committed offsets ledger.postings p0=%d p1=%d p2=%d (batch=%d)" % (
                line_t, 8812000 + int(t - T0) * 3, 8790000 + int(t - T0) * 3, 8823000 + int(t - T0) * 3, R.randrange(40, 260)))
        t += 60.0
    # gateway noise: TLS resets from scanners
    t = T0 + 11
    gw = "logs/istio-ingressgateway/%s.log" % GW[0]
    while t < T1:
        c = R.public_ip()
        envoy(gw, t, 0.0, "-", "-", "-", 0, "-", "filter_chain_not_found", "-", 0, 0, "-", "-", "-", "-", "-", "-", "-", "-", GW[1] + ":8443",
              "%s:%d" % (c, R.randrange(1024, 65535)), "-", "-")
        t += R.expovariate(1 / 50.0)


if __name__ == "__main__":
    main()
