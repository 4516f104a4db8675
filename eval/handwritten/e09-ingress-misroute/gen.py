#!/usr/bin/env python3
"""Generator for incident case e09-ingress-misroute (standard library only, deterministic)."""
SEED = 4909
import os, json, gzip, shutil, random, math
from datetime import datetime, timezone, timedelta

# The set's shared helpers (output sink, time formats, random shapes), kept once in e_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "e_common.py")).read())

# ======================================================================== case
# e09: a CI change to the shop-api Ingress adds a regex path that captures /api/orders/* and sends it
# to the legacy-orders monolith. Red herring: an orders-api canary (Argo Rollouts) at the same time.

T_BEGIN = ep(2025, 12, 9, 10, 30, 0)
T_END = ep(2025, 12, 9, 11, 0, 0)
T_CANARY = ep(2025, 12, 9, 10, 39, 30, 0)
T_CHANGE = ep(2025, 12, 9, 10, 41, 2, 377)     # gitlab-deployer updates ingress shop/shop-api
T_RELOAD = T_CHANGE + 1.42                       # controllers reload nginx
T_ABORT = T_CANARY + 252.0
T_REVERT = ep(2025, 12, 9, 10, 53, 40, 511)
T_RELOAD2 = T_REVERT + 1.45

PODS = {}
PODIP = {}


def mk(svc, n, rs):
    PODS[svc] = [podname(svc, rs) for _ in range(n)]
    for p in PODS[svc]:
        PODIP[p] = "10.12.%d.%d" % (R.randint(0, 15), R.randint(2, 250))


mk("ingress-nginx-controller", 2, "7f6b9c8d5")
mk("orders-api", 3, "6d8c7b9f4")
ORD_CANARY = [podname("orders-api", "8b5d7f6c9")]
PODIP[ORD_CANARY[0]] = "10.12.%d.%d" % (R.randint(0, 15), R.randint(2, 250))
mk("legacy-orders", 2, "5c9d7f8b6")
mk("checkout-api", 2, "7b6f8d5c9")
mk("catalog-api", 2, "6c7d9b8f5")
mk("accounts-api", 2, "58d6c9b7f")
mk("payments-api", 2, "7d9f5b6c8")
mk("argo-rollouts", 1, "6f5c8d7b9")
NS = {"ingress-nginx-controller": "ingress-nginx", "argo-rollouts": "argo-rollouts"}


def ns(svc):
    return NS.get(svc, "shop")


def svc_of(p):
    return p.rsplit("-", 2)[0]


def ppath(pod, container=None):
    s = svc_of(pod)
    return "%s/%s_%s.log" % (ns(s), pod, container or {"ingress-nginx-controller": "controller", "argo-rollouts": "argo-rollouts"}.get(s, s))


# ------------------------------------------------------------------ formatters
def klog(pod, t, sev, src, msg):
    d = dt(t)
    emit(ppath(pod), t, "%s%s %s.%06d       7 %s] %s" % (sev, d.strftime("%m%d"), d.strftime("%H:%M:%S"), d.microsecond, src, msg))


def ing_access(pod, t, cip, method, uri, status, rt, upstream, upaddr, upst, rid, ua, size, alt=""):
    d = {"time": dt(t + rt).strftime("%Y-%m-%dT%H:%M:%S+00:00"), "remote_addr": cip, "x_forwarded_for": cip, "request_id": rid,
         "remote_user": "", "bytes_sent": size, "request_time": round(rt, 3), "status": status, "vhost": "shop.kestrel.example",
         "request_proto": "HTTP/2.0", "path": uri.split("?")[0], "request_query": uri.split("?")[1] if "?" in uri else "", "request_length": R.randint(60, 900),
         "duration": round(rt, 3), "method": method, "http_referrer": "https://shop.kestrel.example/account/orders", "http_user_agent": ua,
         "proxy_upstream_name": upstream, "proxy_alternative_upstream_name": alt, "upstream_addr": upaddr,
         "upstream_response_length": str(size), "upstream_response_time": "%.3f" % max(rt - 0.001, 0.0), "upstream_status": upst}
    emit(ppath(pod), t + rt, json.dumps(d, separators=(",", ":")))


def log4js(pod, t, level, cat, msg):
    d = dt(t)
    emit(ppath(pod), t, "[%s.%03d] [%s] %s - %s" % (d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond // 1000, level, cat, msg))


def jul(t):
    d = dt(t)
    return d.strftime("%d-%b-%Y %H:%M:%S.") + "%03d" % (d.microsecond // 1000)


def catalina(pod, t, level, thread, src, msg):
    emit("shop/%s/catalina.out" % pod, t, "%s %s [%s] %s %s" % (jul(t), level, thread, src, msg))


def tc_access(pod, t, cip, method, path, status, size, ms):
    emit("shop/%s/localhost_access_log.2025-12-09.txt" % pod, t + ms / 1000.0,
         '%s - - [%s] "%s %s HTTP/1.1" %d %s %d' % (cip, clf(t), method, path, status, size if size else "-", int(ms)))


def play(pod, t, level, logger, msg):
    d = dt(t)
    emit(ppath(pod), t, "%s %-5s %s  %s" % (d.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (d.microsecond // 1000), level, logger, msg))


def lfmt(pod, t, level, msg, **kv):
    s = "ts=%s level=%s msg=%s" % (iso_ms(t), level, json.dumps(msg))
    for k, v in kv.items():
        s += " %s=%s" % (k, v)
    emit(ppath(pod), t, s)


def logrus(pod, t, level, msg, **kv):
    s = 'time="%s" level=%s msg=%s' % (dt(t).strftime("%Y-%m-%dT%H:%M:%SZ"), level, json.dumps(msg))
    for k, v in kv.items():
        s += " %s=%s" % (k, v)
    emit(ppath(pod), t, s)


# ------------------------------------------------------------------ routing state of the ingress
def route_orders(t, path):
    """which upstream ingress-nginx picks for a /api/orders* request"""
    if T_RELOAD <= t < T_RELOAD2:
        if path.startswith("/api/orders"):
            return "legacy"
    if T_CANARY + 2.0 <= t < T_ABORT and R.random() < 0.2:
        return "canary"
    return "orders"


# ------------------------------------------------------------------ services
def orders_api(t, pod, method, path, cip, internal=False):
    ms = lat(11, 0.35)
    st = 200 if method == "GET" else 201
    if "status" in path:
        ms = lat(6, 0.3)
    log4js(pod, t + ms / 1000.0, "INFO", "http", "%s %s %d %dms%s" % (method, path, st, ms, " (internal)" if internal else ""))
    return st, ms


LEGACY_THREADS = lambda: "http-nio-8080-exec-%d" % R.randint(1, 60)


def legacy(t, method, path, cip):
    pod = R.choice(PODS["legacy-orders"])
    ms = lat(4, 0.4)
    tail = path.split("?")[0]
    if method == "GET" and tail.count("/") == 3 and "status" not in tail and "/api/orders/" in tail:
        # legacy knows GET /api/orders/{id} but answers with its old XML-ish JSON
        ms = lat(35, 0.4)
        tc_access(pod, t, cip, method, path, 200, R.randint(800, 3000), ms)
        return 200, ms, R.randint(800, 3000)
    if method == "POST":
        ms = lat(9, 0.4)
        catalina(pod, t + ms / 1000.0, "WARNING", LEGACY_THREADS(), "org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver.logException",
                 "Resolved [org.springframework.web.HttpMediaTypeNotSupportedException: Content-Type 'application/vnd.kestrel.order.v2+json' is not supported]")
        tc_access(pod, t, cip, method, path, 415, 0, ms)
        return 415, ms, 0
    catalina(pod, t + ms / 1000.0, "WARNING", LEGACY_THREADS(), "org.springframework.web.servlet.PageNotFound.noHandlerFound",
             "No mapping for %s %s" % (method, tail))
    tc_access(pod, t, cip, method, path, 404, 0, ms)
    return 404, ms, 0


def legacy_legit(t):
    # the small amount of traffic the old monolith legitimately serves (back-office exports)
    pod = R.choice(PODS["legacy-orders"])
    ms = lat(120, 0.5)
    path = "/api/legacy-orders/export?from=2025-12-0%d&format=csv" % R.randint(1, 8)
    tc_access(pod, t, PODIP[PODS["ingress-nginx-controller"][0]], "GET", path, 200, R.randint(20000, 400000), ms)
    return ms, path


def payments(t, oid):
    pod = R.choice(PODS["payments-api"])
    ms = lat(160, 0.3)
    lfmt(pod, t + ms / 1000.0, "info", "payment authorized", order=oid, psp="adyen", took_ms=int(ms))
    return ms


def checkout(t, cip):
    pod = R.choice(PODS["checkout-api"])
    oid = "ord_" + hexid(12)
    ms = lat(10, 0.3)
    ms += payments(t + ms / 1000.0, oid)
    # internal call to orders-api over cluster DNS (not through the ingress)
    opod = R.choice(PODS["orders-api"])
    st, m = orders_api(t + ms / 1000.0, opod, "POST", "/internal/orders", PODIP[pod], internal=True)
    ms += m
    play(pod, t + ms / 1000.0, "INFO", "c.CheckoutController", "order %s placed via http://orders-api.shop.svc.cluster.local:8080/internal/orders (%d ms)" % (oid, ms))
    return 201, ms


def simple(t, svc, method, path):
    pod = R.choice(PODS[svc])
    ms = lat(9, 0.4)
    lfmt(pod, t + ms / 1000.0, "info", "request", method=method, path=path, status=200, dur_ms="%.1f" % ms)
    return 200, ms, pod


def rate(t):
    return 6.4 + 0.6 * math.sin((t - T_BEGIN) / 500.0)


WEB_UA = UAS
APP_UA = ["Kestrel/6.2.0 (iOS 18.1)", "Kestrel/6.2.0 (Android 15)", "Kestrel/6.1.4 (Android 14)"]
for t in arrivals(T_BEGIN, T_END, rate):
    cip = client_ip()
    ipod = R.choice(PODS["ingress-nginx-controller"])
    rid = hexid(32)
    r = wchoice([("orders_list", 9), ("order_get", 8), ("order_status", 10), ("reorder", 2), ("app_orders", 7), ("checkout", 4),
                 ("catalog", 40), ("account", 14), ("legacy_export", 0.4)])
    ua = R.choice(WEB_UA)
    if r in ("orders_list", "order_get", "order_status", "reorder"):
        oid = "ord_" + hexid(12)
        method, uri = {"orders_list": ("GET", "/api/orders?page=%d&size=20" % R.randint(1, 4)),
                       "order_get": ("GET", "/api/orders/%s" % oid),
                       "order_status": ("GET", "/api/orders/%s/status" % oid),
                       "reorder": ("POST", "/api/orders/%s/reorder" % oid)}[r]
        tgt = route_orders(t, uri)
        if tgt == "legacy":
            st, ms, size = legacy(t + 0.001, method, uri, PODIP[ipod])
            lp = R.choice(PODS["legacy-orders"])
            ing_access(ipod, t, cip, method, uri, st, ms / 1000.0 + 0.001, "shop-legacy-orders-8080", "%s:8080" % PODIP[lp], str(st), rid, ua, size if size else 150)
        else:
            opod = ORD_CANARY[0] if tgt == "canary" else R.choice(PODS["orders-api"])
            st, ms = orders_api(t + 0.001, opod, method, uri.split("?")[0] if r != "orders_list" else uri, PODIP[ipod])
            ing_access(ipod, t, cip, method, uri, st, ms / 1000.0 + 0.001, "shop-orders-api-canary-8080" if tgt == "canary" else "shop-orders-api-8080",
                       "%s:8080" % PODIP[opod], str(st), rid, ua, R.randint(300, 9000), alt="shop-orders-api-canary-8080" if T_CANARY + 2 <= t < T_ABORT and tgt != "canary" else "")
    elif r == "app_orders":
        ua = R.choice(APP_UA)
        uri = "/api/v2/orders?limit=20"
        opod = R.choice(PODS["orders-api"])
        st, ms = orders_api(t + 0.001, opod, "GET", "/api/v2/orders", PODIP[ipod])
        ing_access(ipod, t, cip, "GET", uri, st, ms / 1000.0 + 0.001, "shop-orders-api-8080", "%s:8080" % PODIP[opod], str(st), rid, ua, R.randint(300, 9000))
    elif r == "checkout":
        st, ms = checkout(t + 0.001, cip)
        cpod = R.choice(PODS["checkout-api"])
        ing_access(ipod, t, cip, "POST", "/api/checkout", st, ms / 1000.0 + 0.001, "shop-checkout-api-8080", "%s:9000" % PODIP[cpod], str(st), rid, ua, R.randint(200, 800))
    elif r == "catalog":
        uri = R.choice(["/api/catalog/products?category=%s" % R.choice(["tents", "boots", "jackets", "packs", "stoves"]), "/api/catalog/products/%d" % R.randint(10000, 99999)])
        st, ms, pod = simple(t + 0.001, "catalog-api", "GET", uri.split("?")[0])
        ing_access(ipod, t, cip, "GET", uri, st, ms / 1000.0 + 0.001, "shop-catalog-api-8080", "%s:8080" % PODIP[pod], str(st), rid, ua, R.randint(2000, 40000))
    elif r == "account":
        uri = R.choice(["/api/account/me", "/api/account/addresses", "/api/account/preferences"])
        st, ms, pod = simple(t + 0.001, "accounts-api", "GET", uri)
        ing_access(ipod, t, cip, "GET", uri, st, ms / 1000.0 + 0.001, "shop-accounts-api-8080", "%s:8080" % PODIP[pod], str(st), rid, ua, R.randint(300, 3000))
    else:
        ms, uri = legacy_legit(t + 0.001)
        lp = R.choice(PODS["legacy-orders"])
        ing_access(ipod, t, "10.40.0.%d" % R.randint(2, 30), "GET", uri, 200, ms / 1000.0 + 0.001, "shop-legacy-orders-8080", "%s:8080" % PODIP[lp], "200", rid, "curl/8.5.0", R.randint(20000, 400000))

# internal orders-api traffic (other services call it in-cluster) + probes
for pod in PODS["orders-api"]:
    t = T_BEGIN + R.random() * 5
    while t < T_END:
        log4js(pod, t, "INFO", "http", "GET /healthz 200 1ms")
        t += 15
for pod in PODS["legacy-orders"]:
    t = T_BEGIN + R.random() * 10
    while t < T_END:
        tc_access(pod, t, "10.12.0.1", "GET", "/actuator/health", 200, 49, lat(2, 0.2))
        t += 10
    catalina(pod, T_BEGIN + 400 + R.random() * 60, "INFO", "Catalina-utility-1", "org.apache.catalina.session.StandardManager.processExpires",
             "Expired sessions: 212, processing time 3 ms")

# ------------------------------------------------------------------ ingress-nginx controller events / reloads
for k, ipod in enumerate(PODS["ingress-nginx-controller"]):
    off = k * 0.11
    for (tt, name, reason) in ((T_CANARY + 1.1 + off, "shop-api-orders-api-canary", "Sync"), (T_CHANGE + 0.2 + off, "shop-api", "Sync"),
                               (T_ABORT + 1.3 + off, "shop-api-orders-api-canary", "Sync"), (T_REVERT + 0.25 + off, "shop-api", "Sync")):
        klog(ipod, tt, "I", "event.go:377", 'Event(v1.ObjectReference{Kind:"Ingress", Namespace:"shop", Name:"%s", UID:"%s", APIVersion:"networking.k8s.io/v1", ResourceVersion:"%d", FieldPath:""}): type: \'Normal\' reason: \'%s\' Scheduled for sync' % (
            name, {"shop-api": "3c0b8a51-7f2e-4d93-b6a1-0e9d4c2f7a18", "shop-api-orders-api-canary": "a7e1d2c9-4b3f-4e8a-9c6d-5f1b0a2e3d47"}[name], 918220411 + int(tt - T_BEGIN), reason))
        klog(ipod, tt + 0.3, "I", "controller.go:193", '"Configuration changes detected, backend reload required"')
        klog(ipod, tt + 1.2, "I", "controller.go:213", '"Backend successfully reloaded"')
        klog(ipod, tt + 1.2001, "I", "event.go:377", 'Event(v1.ObjectReference{Kind:"Pod", Namespace:"ingress-nginx", Name:"%s", UID:"%s", APIVersion:"v1", ResourceVersion:"918197733", FieldPath:""}): type: \'Normal\' reason: \'RELOAD\' NGINX reload triggered due to a change in configuration' % (ipod, uuidish()))
    # pre-existing noise: a stale ingress referencing a missing secret
    t = T_BEGIN + 20 + R.random() * 10
    while t < T_END:
        klog(ipod, t, "W", "backend_ssl.go:47", 'Error obtaining X.509 certificate: unexpected error creating SSL Cert: no valid PEM formatted block found')
        klog(ipod, t + 0.001, "W", "controller.go:1372", 'Error getting SSL certificate "marketing/promo-tls": local SSL certificate marketing/promo-tls was not found. Using default certificate')
        t += 300

# ------------------------------------------------------------------ Kubernetes API audit log
AUD = "kube-apiserver/audit.log"


def audit(t, verb, user, groups, res, nsp, name, code, level="Metadata", uri=None, ua="kube-controller-manager/v1.30.5 (linux/amd64) kubernetes/74e84a9/leader-election", src="10.0.0.11", reqobj=None, respobj=None, api="coordination.k8s.io", ver="v1", sub=None):
    aid = uuidish()
    obj = {"resource": res, "namespace": nsp, "name": name, "apiGroup": api, "apiVersion": ver}
    if sub:
        obj["subresource"] = sub
    if not nsp:
        del obj["namespace"]
    ev = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": level, "auditID": aid, "stage": "ResponseComplete",
          "requestURI": uri or "/apis/%s/%s/namespaces/%s/%s/%s" % (api, ver, nsp, res, name), "verb": verb,
          "user": {"username": user, "groups": groups}, "sourceIPs": [src], "userAgent": ua, "objectRef": obj,
          "responseStatus": {"metadata": {}, "code": code}, "requestReceivedTimestamp": dt(t).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
          "stageTimestamp": dt(t + 0.004 + R.random() * 0.01).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
          "annotations": {"authorization.k8s.io/decision": "allow", "authorization.k8s.io/reason": ""}}
    if reqobj is not None:
        ev["requestObject"] = reqobj
    if respobj is not None:
        ev["responseObject"] = respobj
    emit(AUD, t, json.dumps(ev, separators=(",", ":")))


# lease renewals (background)
LEASES = [("kube-controller-manager", "kube-system", "system:kube-controller-manager", "kube-controller-manager/v1.30.5 (linux/amd64) kubernetes/74e84a9/leader-election", 2.0),
          ("kube-scheduler", "kube-system", "system:kube-scheduler", "kube-scheduler/v1.30.5 (linux/amd64) kubernetes/74e84a9/leader-election", 2.0),
          ("ingress-nginx-leader", "ingress-nginx", "system:serviceaccount:ingress-nginx:ingress-nginx", "nginx-ingress-controller/v1.11.3 (linux/amd64) ingress-nginx/4b2f0c1", 10.0),
          ("argo-rollouts-controller-lock", "argo-rollouts", "system:serviceaccount:argo-rollouts:argo-rollouts", "rollouts-controller/v1.7.2 (linux/amd64)", 10.0)]
for name, nsp, user, ua, every in LEASES:
    t = T_BEGIN + R.random() * every
    while t < T_END:
        audit(t, "update", user, ["system:authenticated"] if ":" in user else ["system:authenticated"], "leases", nsp, name, 200, ua=ua)
        t += every * (1 + 0.02 * R.random())
INGRESS_OLD = {"kind": "Ingress", "apiVersion": "networking.k8s.io/v1", "metadata": {"name": "shop-api", "namespace": "shop",
               "annotations": {"nginx.ingress.kubernetes.io/use-regex": "true", "nginx.ingress.kubernetes.io/proxy-body-size": "8m"}},
               "spec": {"ingressClassName": "nginx", "rules": [{"host": "shop.kestrel.example", "http": {"paths": [
                   {"path": "/api/orders", "pathType": "Prefix", "backend": {"service": {"name": "orders-api", "port": {"number": 8080}}}},
                   {"path": "/api/v2/orders", "pathType": "Prefix", "backend": {"service": {"name": "orders-api", "port": {"number": 8080}}}},
                   {"path": "/api/legacy-orders", "pathType": "Prefix", "backend": {"service": {"name": "legacy-orders", "port": {"number": 8080}}}},
                   {"path": "/api/checkout", "pathType": "Prefix", "backend": {"service": {"name": "checkout-api", "port": {"number": 9000}}}},
                   {"path": "/api/catalog", "pathType": "Prefix", "backend": {"service": {"name": "catalog-api", "port": {"number": 8080}}}},
                   {"path": "/api/account", "pathType": "Prefix", "backend": {"service": {"name": "accounts-api", "port": {"number": 8080}}}}]}}]}}
INGRESS_NEW = json.loads(json.dumps(INGRESS_OLD))
INGRESS_NEW["spec"]["rules"][0]["http"]["paths"][2] = {"path": "/api/(legacy-orders|orders)(/|$)(.*)", "pathType": "ImplementationSpecific",
                                                       "backend": {"service": {"name": "legacy-orders", "port": {"number": 8080}}}}
INGRESS_NEW["metadata"]["annotations"]["kestrel.example/change"] = "CHG-20411 consolidate legacy order export paths"
audit(T_CHANGE, "update", "system:serviceaccount:ci:gitlab-deployer", ["system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated"],
      "ingresses", "shop", "shop-api", 200, level="RequestResponse", ua="kubectl/v1.30.4 (linux/amd64) kubernetes/d0a93b6", src="10.40.3.18",
      reqobj=INGRESS_NEW, api="networking.k8s.io")
audit(T_REVERT, "update", "oncall-jmartin@kestrel.example", ["oidc:sre", "system:authenticated"],
      "ingresses", "shop", "shop-api", 200, level="RequestResponse", ua="kubectl/v1.31.1 (darwin/arm64) kubernetes/948afe5", src="10.40.9.77",
      reqobj=INGRESS_OLD, api="networking.k8s.io")
for tt, verb, code in ((T_CANARY + 0.6, "create", 201), (T_CANARY + 0.9, "update", 200), (T_ABORT + 0.8, "update", 200)):
    audit(tt, verb, "system:serviceaccount:argo-rollouts:argo-rollouts", ["system:serviceaccounts", "system:authenticated"], "ingresses", "shop", "shop-api-orders-api-canary", code,
          level="Metadata", ua="rollouts-controller/v1.7.2 (linux/amd64)", src="10.12.3.9", api="networking.k8s.io")
for tt in (T_CANARY, T_CANARY + 0.3, T_ABORT, T_ABORT + 0.5):
    audit(tt, "patch", "system:serviceaccount:argo-rollouts:argo-rollouts", ["system:serviceaccounts", "system:authenticated"], "rollouts", "shop", "orders-api", 200,
          ua="rollouts-controller/v1.7.2 (linux/amd64)", src="10.12.3.9", api="argoproj.io", ver="v1alpha1", sub="status")
audit(T_CANARY - 4.0, "patch", "system:serviceaccount:ci:gitlab-deployer", ["system:serviceaccounts", "system:authenticated"], "rollouts", "shop", "orders-api", 200,
      ua="kubectl/v1.30.4 (linux/amd64) kubernetes/d0a93b6", src="10.40.3.18", api="argoproj.io", ver="v1alpha1")
# periodic CI reads (red-herring-ish noise)
t = T_BEGIN + 33
while t < T_END:
    audit(t, "get", "system:serviceaccount:ci:gitlab-deployer", ["system:serviceaccounts", "system:authenticated"], "deployments", "shop", R.choice(["catalog-api", "accounts-api", "checkout-api"]), 200,
          ua="kubectl/v1.30.4 (linux/amd64) kubernetes/d0a93b6", src="10.40.3.18", api="apps")
    t += lat(90, 0.5)

# ------------------------------------------------------------------ Argo Rollouts controller (red herring)
ar = PODS["argo-rollouts"][0]
RK = dict(rollout="shop/orders-api", namespace="shop")
t = T_BEGIN + R.random() * 30
while t < T_END:
    logrus(ar, t, "info", "Reconciliation completed", generation=57 if t > T_CANARY else 56, resourceVersion=918200000 + int(t - T_BEGIN), time_ms="%.6f" % lat(25, 0.3), **RK)
    t += 30 * (1 + 0.1 * R.random())
logrus(ar, T_CANARY - 3.9, "info", "Rollout updated to revision 57", **RK)
logrus(ar, T_CANARY - 3.8, "info", "Created ReplicaSet orders-api-8b5d7f6c9 (revision 57) with size 1", **RK)
logrus(ar, T_CANARY, "info", "Pod template hash: 8b5d7f6c9, canary weight: 0 -> 20", **RK)
logrus(ar, T_CANARY + 0.5, "info", "Created Ingress `shop-api-orders-api-canary`", ingress="shop/shop-api", **RK)
logrus(ar, T_CANARY + 0.8, "info", "Step 0: setWeight 20 (current step index 0)", **RK)
logrus(ar, T_CANARY + 60.0, "info", "Step 1: pause {duration: 2m}", **RK)
logrus(ar, T_CANARY + 61.0, "info", "Created AnalysisRun 'orders-api-8b5d7f6c9-57-1'", **RK)
for k in range(5):
    tt = T_ABORT - 151.0 + k * 30
    logrus(ar, tt, "warning", "Metric 'success-rate' assessed Error: reflect: slice index out of range (query returned no data)",
           analysisrun="shop/orders-api-8b5d7f6c9-57-1", metric="success-rate", consecutiveErrors=k + 1, consecutiveErrorLimit=4)
logrus(ar, T_ABORT - 0.5, "info", "Metric 'success-rate' assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4)", analysisrun="shop/orders-api-8b5d7f6c9-57-1")
logrus(ar, T_ABORT, "warning", "Rollout aborted: RolloutAborted: Rollout aborted update to revision 57: Metric \"success-rate\" assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4): \"Error Message: reflect: slice index out of range\"", **RK)
logrus(ar, T_ABORT + 0.6, "info", "Canary weight: 20 -> 0", **RK)
logrus(ar, T_ABORT + 30.0, "info", "Scaled down ReplicaSet orders-api-8b5d7f6c9 (revision 57) from 1 to 0", **RK)
log4js(ORD_CANARY[0], T_CANARY - 20, "INFO", "server", "orders-api 3.14.0 listening on :8080")
log4js(ORD_CANARY[0], T_ABORT + 29.5, "INFO", "server", "SIGTERM received, closing server")

n = write_all()
print("e09 lines:", n)
