import os, shutil, random, math, json
from datetime import datetime, timezone

R = random.Random(914009)
HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc
CEST = 7200

def ri(a, b):
    return a + int(R.random() * (b - a + 1))

def rc(seq):
    return seq[int(R.random() * len(seq))]

def T(h, m, s=0.0):
    return datetime(2026, 9, 14, h, m, 0, tzinfo=UTC).timestamp() + s

START = T(11, 0)
END = T(12, 5)
POLICY = T(11, 30, 5.412)
OA_DEPLOY = T(11, 24, 10.77)
FILES = {}
SEQ = [0]
_SC = {}

def sec_fmt(t, fmt):
    k = (int(math.floor(t)), fmt)
    v = _SC.get(k)
    if v is None:
        v = datetime.fromtimestamp(k[0], UTC).strftime(fmt)
        _SC[k] = v
    return v

def frac(t, n):
    return int((t - math.floor(t)) * 10 ** n)

def iso_ms(t):
    return sec_fmt(t, "%Y-%m-%dT%H:%M:%S.") + "%03dZ" % frac(t, 3)

def iso_us(t):
    return sec_fmt(t, "%Y-%m-%dT%H:%M:%S.") + "%06dZ" % frac(t, 6)

def iso_ns(t):
    return sec_fmt(t, "%Y-%m-%dT%H:%M:%S.") + "%09dZ" % frac(t, 9)

def emit(path, t, line):
    SEQ[0] += 1
    FILES.setdefault(path, []).append((t, SEQ[0], line))

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def uuid():
    h = "%032x" % R.getrandbits(128)
    return "%s-%s-4%s-a%s-%s" % (h[:8], h[8:12], h[13:16], h[17:20], h[20:])

NODES = ["ip-10-0-3-14.eu-west-1.compute.internal", "ip-10-0-4-40.eu-west-1.compute.internal", "ip-10-0-5-22.eu-west-1.compute.internal"]
BFF = [("web-bff-5b8c7d9f6-8hq2v", "10.42.1.21"), ("web-bff-5b8c7d9f6-w4kzt", "10.42.2.19")]
OA_OLD = [("orders-api-7c5d9f8b6-2xk8q", "10.42.3.18", 0), ("orders-api-7c5d9f8b6-m7vzr", "10.42.4.27", 1), ("orders-api-7c5d9f8b6-t9pnc", "10.42.1.33", 2)]
OA_NEW = [("orders-api-58f6b7c4d9-b6jxw", "10.42.3.44", 0), ("orders-api-58f6b7c4d9-k2qhs", "10.42.4.51", 1), ("orders-api-58f6b7c4d9-zr8mt", "10.42.1.57", 2)]
OA_SW = [OA_DEPLOY + 18.2 + i * 31.7 + R.uniform(0, 2) for i in range(3)]
PAY = [("payments-6d8f9b7c4-h2kqz", "10.42.5.31", NODES[2]), ("payments-6d8f9b7c4-q5nld", "10.42.4.63", NODES[1])]
PAY_UID = {p[0]: uuid() for p in PAY}
PAY_CID = {p[0]: hexid(64) for p in PAY}
IDENT = {"orders-api": 40211, "payments": 51877, "web-bff": 23119, "kube-dns": 102, "postgres": 33870, "refunds-worker": 40388, "sandbox": 61204, "world": 2, "host": 1, "remote-node": 6}

def oa_pod(t, i):
    k = i % 3
    if t >= OA_SW[k]:
        return OA_NEW[k]
    return OA_OLD[k]

def l4j(t, level, cat, msg):
    return "[%s.%03d] [%s] %s - %s" % (sec_fmt(t + CEST, "%Y-%m-%dT%H:%M:%S"), frac(t, 3), level, cat, msg)

def bff(pod, t, level, cat, msg):
    emit("web-bff/%s.log" % pod, t, l4j(t, level, cat, msg))

def oa(pod, t, level, logger, msg, thread=None, stack=None, trace=None):
    lvv = {"INFO": 20000, "WARN": 30000, "ERROR": 40000, "DEBUG": 10000}[level]
    s = '{"@timestamp":"%s","@version":"1","message":%s,"logger_name":"%s","thread_name":"%s","level":"%s","level_value":%d' % (iso_ms(t), json.dumps(msg), logger, thread or "http-nio-8080-exec-%d" % ri(1, 40), level, lvv)
    if stack:
        s += ',"stack_trace":%s' % json.dumps(stack)
    if trace:
        s += ',"traceId":"%s","spanId":"%s"' % (trace, hexid(16))
    s += ',"app":"orders-api","env":"prod"}'
    emit("orders-api/%s.json" % pod, t, s)

def pay_vector(pod, t, inner):
    name, ip, node = pod
    rec = '{"file":"/var/log/pods/payments_%s_%s/payments/0.log","kubernetes":{"container_id":"containerd://%s","container_image":"registry.brightcart.eu/payments/payments:3.4.1","container_name":"payments","namespace_labels":{"kubernetes.io/metadata.name":"payments","team":"payments"},"pod_ip":"%s","pod_labels":{"app":"payments","pod-template-hash":"6d8f9b7c4","tier":"core"},"pod_name":"%s","pod_namespace":"payments","pod_node_name":"%s","pod_uid":"%s"},"message":%s,"source_type":"kubernetes_logs","stream":"stdout","timestamp":"%s"}' % (
        name, PAY_UID[name], PAY_CID[name], ip, name, node, PAY_UID[name], json.dumps(inner), iso_ns(t))
    emit("vector/payments-2026-09-14.log", t, rec)

def hub(t, verdict, src, dst, sport, dport, flags, node, direction, reason=None, reply=False):
    tt = iso_ns(t)
    fl = ",".join('"%s":true' % f for f in flags)
    s = '{"flow":{"time":"%s","uuid":"%s","verdict":"%s",' % (tt, uuid(), verdict)
    if reason:
        s += '"drop_reason":133,'
    s += '"IP":{"source":"%s","destination":"%s","ipVersion":"IPv4"},"l4":{"TCP":{"source_port":%d,"destination_port":%d,"flags":{%s}}},' % (src[1], dst[1], sport, dport, fl)
    s += '"source":%s,"destination":%s,"Type":"L3_L4","node_name":"%s",' % (src[2], dst[2], node)
    if reason:
        s += '"event_type":{"type":1,"sub_type":133},"traffic_direction":"%s","drop_reason_desc":"%s",' % (direction, reason)
    else:
        s += '"event_type":{"type":4,"sub_type":3},"traffic_direction":"%s","trace_observation_point":"TO_ENDPOINT","is_reply":%s,' % (direction, "true" if reply else "false")
    s += '"Summary":"TCP Flags: %s"},"node_name":"%s","time":"%s"}' % (", ".join(flags), node, tt)
    emit("hubble/hubble-observe.json", t, s)

def ep(ns, app, pod, ident, extra_labels=()):
    labels = ["k8s:app=%s" % app, "k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name=%s" % ns, "k8s:io.kubernetes.pod.namespace=%s" % ns] + list(extra_labels)
    return '{"ID":%d,"identity":%d,"namespace":"%s","labels":%s,"pod_name":"%s","workloads":[{"name":"%s","kind":"Deployment"}]}' % (ri(100, 3999), ident, ns, json.dumps(labels, separators=(",", ":")), pod, app)

EP_PAY = {p[0]: ep("payments", "payments", p[0], IDENT["payments"], ["k8s:tier=core", "k8s:io.cilium.k8s.namespace.labels.team=payments"]) for p in PAY}

def ep_oa(pod):
    return ep("orders", "orders-api", pod[0], IDENT["orders-api"], ["k8s:payments-client=true", "k8s:io.cilium.k8s.namespace.labels.team=orders"])

AUD = []

def audit(t, verb, uri, user, groups, ua, resource, ns, name, api_group, api_version, code=200, level="Metadata", req_obj=None, resp_obj=None, src="10.0.1.10", dur=None):
    d = dur if dur is not None else R.uniform(0.002, 0.02)
    s = '{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"%s","auditID":"%s","stage":"ResponseComplete","requestURI":"%s","verb":"%s","user":{"username":"%s","groups":%s},"sourceIPs":["%s"],"userAgent":"%s","objectRef":{"resource":"%s",%s"name":"%s",%s"apiVersion":"%s"},"responseStatus":{"metadata":{},"code":%d},' % (
        level, uuid(), uri, verb, user, json.dumps(groups), src, ua, resource, ('"namespace":"%s",' % ns) if ns else "", name, ('"apiGroup":"%s",' % api_group) if api_group else "", api_version, code)
    if req_obj is not None:
        s += '"requestObject":%s,' % json.dumps(req_obj, separators=(",", ":"))
    if resp_obj is not None:
        s += '"responseObject":%s,' % json.dumps(resp_obj, separators=(",", ":"))
    s += '"requestReceivedTimestamp":"%s","stageTimestamp":"%s","annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":"%s"}}' % (iso_us(t), iso_us(t + d), "RBAC: allowed by ClusterRoleBinding \\\"argocd-application-controller\\\" of ClusterRole \\\"argocd-application-controller\\\" to ServiceAccount \\\"argocd-application-controller/argocd\\\"" if "argocd" in user else "")
    emit("audit/kube-apiserver-audit.log", t + d, s)

ARGO = ("system:serviceaccount:argocd:argocd-application-controller", ["system:serviceaccounts", "system:serviceaccounts:argocd", "system:authenticated"], "argocd-application-controller/v2.11.3 (linux/amd64) kubernetes/$Format")

def gen_audit_bg():
    t = START + R.uniform(0, 2)
    leases = [("kube-controller-manager", "system:kube-controller-manager", "kube-controller-manager/v1.29.4 (linux/amd64) kubernetes/55019c8/leader-election", "kube-system"),
              ("kube-scheduler", "system:kube-scheduler", "kube-scheduler/v1.29.4 (linux/amd64) kubernetes/55019c8/leader-election", "kube-system"),
              ("cilium-operator-resource-lock", "system:serviceaccount:kube-system:cilium-operator", "cilium-operator-generic/v0.0.0 (linux/amd64) kubernetes/$Format", "kube-system")]
    while t < END:
        for nm, user, ua, ns in leases:
            audit(t + R.uniform(0, 0.5), "update", "/apis/coordination.k8s.io/v1/namespaces/%s/leases/%s?timeout=5s" % (ns, nm), user, ["system:authenticated"], ua, "leases", ns, nm, "coordination.k8s.io", "v1")
        t += 2.0 + R.uniform(-0.05, 0.05)
    for node in NODES:
        t = START + R.uniform(0, 10)
        while t < END:
            short = node.split(".")[0]
            audit(t, "update", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/%s?timeout=10s" % node, "system:node:%s" % node, ["system:nodes", "system:authenticated"], "kubelet/v1.29.4 (linux/amd64) kubernetes/55019c8", "leases", "kube-node-lease", node, "coordination.k8s.io", "v1", src=short.replace("ip-", "").replace("-", "."))
            t += 10.0 + R.uniform(-0.02, 0.02)
    t = START + R.uniform(0, 30)
    apps = [("orders", "orders"), ("payments", "payments"), ("web", "web-bff"), ("monitoring", "kube-prometheus-stack")]
    while t < END:
        ns, app = rc(apps)
        audit(t, "get", "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/%s" % app, ARGO[0], ARGO[1], ARGO[2], "applications", "argocd", app, "argoproj.io", "v1alpha1")
        if R.random() < 0.3:
            audit(t + 0.05, "patch", "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/%s" % app, ARGO[0], ARGO[1], ARGO[2], "applications", "argocd", app, "argoproj.io", "v1alpha1")
        t += R.uniform(3, 15)

def gen_audit_changes():
    t = OA_DEPLOY
    audit(t, "patch", "/apis/apps/v1/namespaces/orders/deployments/orders-api?fieldManager=argocd-controller&force=true", ARGO[0], ARGO[1], ARGO[2], "deployments", "orders", "orders-api", "apps", "v1", level="Metadata")
    for i in range(3):
        audit(OA_SW[i] - 15.0, "create", "/api/v1/namespaces/orders/pods", "system:serviceaccount:kube-system:replicaset-controller", ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"], "kube-controller-manager/v1.29.4 (linux/amd64) kubernetes/55019c8/system:serviceaccount:kube-system:replicaset-controller", "pods", "orders", OA_NEW[i][0], "", "v1", code=201)
        audit(OA_SW[i] + 0.4, "delete", "/api/v1/namespaces/orders/pods/%s" % OA_OLD[i][0], "system:serviceaccount:kube-system:replicaset-controller", ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"], "kube-controller-manager/v1.29.4 (linux/amd64) kubernetes/55019c8/system:serviceaccount:kube-system:replicaset-controller", "pods", "orders", OA_OLD[i][0], "", "v1")
    t = POLICY - 0.61
    audit(t, "patch", "/api/v1/namespaces/payments/configmaps/payments-grafana-dashboards?fieldManager=argocd-controller&force=true", ARGO[0], ARGO[1], ARGO[2], "configmaps", "payments", "payments-grafana-dashboards", "", "v1", level="Metadata")
    req = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"annotations": {"argocd.argoproj.io/tracking-id": "payments:networking.k8s.io/NetworkPolicy:payments/payments-ingress"}, "labels": {"app.kubernetes.io/instance": "payments", "app.kubernetes.io/managed-by": "Helm", "helm.sh/chart": "payments-3.5.0"}, "name": "payments-ingress", "namespace": "payments"},
           "spec": {"ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"brightcart.eu/tier": "backend"}}, "podSelector": {"matchLabels": {"payments-client": "true"}}}, {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}}], "ports": [{"port": 8443, "protocol": "TCP"}]}],
                    "podSelector": {"matchLabels": {"app": "payments"}}, "policyTypes": ["Ingress"]}}
    resp = {"kind": "NetworkPolicy", "apiVersion": "networking.k8s.io/v1", "metadata": {"name": "payments-ingress", "namespace": "payments", "uid": "7f4c1e2a-93b1-4c55-8e0d-2f61a9b3c4d5", "resourceVersion": "918273645", "generation": 4, "creationTimestamp": "2025-11-03T09:12:44Z", "labels": {"app.kubernetes.io/instance": "payments", "app.kubernetes.io/managed-by": "Helm", "helm.sh/chart": "payments-3.5.0"}}, "spec": req["spec"]}
    audit(POLICY, "patch", "/apis/networking.k8s.io/v1/namespaces/payments/networkpolicies/payments-ingress?fieldManager=argocd-controller&force=true", ARGO[0], ARGO[1], ARGO[2], "networkpolicies", "payments", "payments-ingress", "networking.k8s.io", "v1", level="RequestResponse", req_obj=req, resp_obj=resp, dur=0.0121)
    audit(POLICY + 0.4, "patch", "/api/v1/namespaces/payments/services/payments?fieldManager=argocd-controller&force=true", ARGO[0], ARGO[1], ARGO[2], "services", "payments", "payments", "", "v1", level="Metadata")
    t = START + 600
    old_req = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "orders-ingress", "namespace": "orders"}, "spec": {"ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "web"}}}, {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}}], "ports": [{"port": 8080, "protocol": "TCP"}]}], "podSelector": {"matchLabels": {"app": "orders-api"}}, "policyTypes": ["Ingress"]}}
    audit(T(11, 9, 41.3), "get", "/apis/networking.k8s.io/v1/namespaces/orders/networkpolicies/orders-ingress", ARGO[0], ARGO[1], ARGO[2], "networkpolicies", "orders", "orders-ingress", "networking.k8s.io", "v1", level="RequestResponse", resp_obj=old_req)

PSP_IP = "34.120.77.%d"

def gen_traffic():
    t = START
    i = 0
    cb = {k: {"state": "closed", "win": [], "until": 0.0} for k in range(3)}
    while True:
        rate = 4.4 + 0.5 * math.sin((t - START) / 500.0)
        t += R.expovariate(rate)
        if t >= END:
            break
        i += 1
        b = BFF[i % 2]
        cip = "::ffff:10.0.%d.%d" % (ri(10, 13), ri(2, 250))
        ua = rc(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15"])
        x = R.random()
        if x < 0.55:
            path = rc(["/api/products?category=%s" % rc(["shoes", "bags", "jackets", "hats"]), "/api/cart", "/api/products/%d" % ri(1000, 9999), "/api/recommendations"])
            d = R.uniform(0.01, 0.08)
            bff(b[0], t + d, "INFO", "http", "%s - - \"GET %s HTTP/1.1\" 200 %d \"https://www.brightcart.eu/\" \"%s\"" % (cip, path, ri(900, 20000), ua))
            continue
        k = i % 3
        pod = oa_pod(t, k)
        trace = hexid(32)
        if x < 0.80:
            d = R.uniform(0.01, 0.05)
            oa(pod[0], t + d, "INFO", "c.b.orders.web.OrderController", "GET /v1/orders/%d 200 (%dms)" % (ri(500000, 599999), int(d * 1000)), trace=trace)
            bff(b[0], t + d + 0.006, "INFO", "http", "%s - - \"GET /api/orders/%d HTTP/1.1\" 200 %d \"https://www.brightcart.eu/account\" \"%s\"" % (cip, ri(500000, 599999), ri(500, 3000), ua))
            continue
        oid = ri(600000, 699999)
        c = cb[k]
        if c["state"] == "open" and t >= c["until"]:
            c["state"] = "half"
            oa(pod[0], t, "INFO", "c.b.orders.config.ResilienceConfig", "CircuitBreaker 'payments' changed state from OPEN to HALF_OPEN", thread="parallel-%d" % ri(1, 4))
        if c["state"] == "open":
            d = R.uniform(0.004, 0.012)
            oa(pod[0], t + d - 0.001, "WARN", "c.b.orders.service.CheckoutService", "payment for order %d rejected: CircuitBreaker 'payments' is OPEN and does not permit further calls" % oid, trace=trace)
            oa(pod[0], t + d, "INFO", "c.b.orders.web.OrderController", "POST /v1/orders 503 (%dms)" % int(d * 1000), trace=trace)
            bff(b[0], t + d + 0.004, "ERROR", "orders-client", "POST http://orders-api.orders.svc.cluster.local:8080/v1/orders failed: 503 Service Unavailable {\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"payments unavailable\",\"instance\":\"/v1/orders\"}")
            bff(b[0], t + d + 0.005, "INFO", "http", "%s - - \"POST /api/checkout HTTP/1.1\" 502 118 \"https://www.brightcart.eu/checkout\" \"%s\"" % (cip, ua))
            continue
        if t < POLICY + 0.8:
            p = PAY[i % 2]
            pd = R.uniform(0.18, 0.6)
            sp = ri(32768, 60999)
            if R.random() < 0.12:
                hub(t + 0.004, "FORWARDED", ("orders-api", pod[1], ep_oa(pod)), ("payments", p[1], EP_PAY[p[0]]), sp, 8443, ["SYN"], p[2], "INGRESS")
            pay_vector(p, t + 0.005 + pd, '{"time":"%s","level":"INFO","msg":"request","method":"POST","path":"/v1/charges","status":201,"dur_ms":%.1f,"peer":"%s:%d","psp":"adyen","order":"%d"}' % (iso_ms(t + 0.005 + pd), pd * 1000, pod[1], sp, oid))
            d = pd + 0.02
            oa(pod[0], t + d - 0.002, "INFO", "c.b.orders.service.CheckoutService", "order %d paid amount=%.2f EUR psp_ref=%s" % (oid, R.uniform(15, 400), hexid(16).upper()), trace=trace)
            oa(pod[0], t + d, "INFO", "c.b.orders.web.OrderController", "POST /v1/orders 201 (%dms)" % int(d * 1000), trace=trace)
            bff(b[0], t + d + 0.006, "INFO", "http", "%s - - \"POST /api/checkout HTTP/1.1\" 201 %d \"https://www.brightcart.eu/checkout\" \"%s\"" % (cip, ri(300, 700), ua))
            c["win"].append(0)
        else:
            tt = t
            for attempt in (1, 2, 3):
                p = PAY[(i + attempt) % 2]
                sp = ri(32768, 60999)
                for rtx in (0.0, 1.0):
                    if tt + rtx < tt + 2.0:
                        hub(tt + 0.003 + rtx, "DROPPED", ("orders-api", pod[1], ep_oa(pod)), ("payments", p[1], EP_PAY[p[0]]), sp, 8443, ["SYN"], p[2], "INGRESS", reason="POLICY_DENIED")
                tt += 2.0 + R.uniform(0.001, 0.006)
                if attempt < 3:
                    oa(pod[0], tt, "WARN", "c.b.orders.client.PaymentsClient", "Retry 'payments' attempt %d/3 after: I/O error on POST request for \"https://payments.payments.svc.cluster.local:8443/v1/charges\": Connect timed out" % attempt, trace=trace)
                    tt += 0.2
            stack = ("org.springframework.web.client.ResourceAccessException: I/O error on POST request for \"https://payments.payments.svc.cluster.local:8443/v1/charges\": Connect timed out\n"
                     "\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:905)\n"
                     "\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:885)\n"
                     "\tat org.springframework.web.client.RestTemplate.execute(RestTemplate.java:781)\n"
                     "\tat org.springframework.web.client.RestTemplate.postForEntity(RestTemplate.java:531)\n"
                     "\tat com.brightcart.orders.client.PaymentsClient.charge(PaymentsClient.java:64)\n"
                     "\tat io.github.resilience4j.retry.Retry.lambda$decorateCheckedSupplier$3(Retry.java:213)\n"
                     "\tat io.github.resilience4j.circuitbreaker.CircuitBreaker.lambda$decorateCheckedSupplier$0(CircuitBreaker.java:71)\n"
                     "\tat com.brightcart.orders.service.CheckoutService.pay(CheckoutService.java:118)\n"
                     "\tat com.brightcart.orders.web.OrderController.create(OrderController.java:52)\n"
                     "\t... 58 common frames omitted\n"
                     "Caused by: java.net.SocketTimeoutException: Connect timed out\n"
                     "\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:551)\n"
                     "\tat java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:602)\n"
                     "\tat java.base/java.net.SocksSocketImpl.connect(SocksSocketImpl.java:327)\n"
                     "\tat java.base/java.net.Socket.connect(Socket.java:751)\n"
                     "\tat java.base/sun.security.ssl.SSLSocketImpl.connect(SSLSocketImpl.java:304)\n"
                     "\tat org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator.connect(DefaultHttpClientConnectionOperator.java:205)\n"
                     "\t... 71 common frames omitted")
            oa(pod[0], tt, "ERROR", "c.b.orders.service.CheckoutService", "payment for order %d failed" % oid, stack=stack, trace=trace)
            oa(pod[0], tt + 0.001, "INFO", "c.b.orders.web.OrderController", "POST /v1/orders 503 (%dms)" % int((tt - t) * 1000), trace=trace)
            if tt - t > 5.0:
                bff(b[0], t + 5.0, "ERROR", "orders-client", "POST http://orders-api.orders.svc.cluster.local:8080/v1/orders failed: timeout of 5000ms exceeded")
                bff(b[0], t + 5.001, "INFO", "http", "%s - - \"POST /api/checkout HTTP/1.1\" 504 96 \"https://www.brightcart.eu/checkout\" \"%s\"" % (cip, ua))
            c["win"].append(1)
            if c["state"] == "half":
                c["state"] = "open"
                c["until"] = tt + 30.0
                oa(pod[0], tt + 0.0005, "WARN", "c.b.orders.config.ResilienceConfig", "CircuitBreaker 'payments' changed state from HALF_OPEN to OPEN", thread="parallel-%d" % ri(1, 4))
                continue
        c["win"] = c["win"][-10:]
        if c["state"] == "closed" and len(c["win"]) >= 10 and sum(c["win"]) >= 5:
            c["state"] = "open"
            c["until"] = t + 30.0
            c["win"] = []
            oa(pod[0], t + 6.3, "WARN", "c.b.orders.config.ResilienceConfig", "CircuitBreaker 'payments' changed state from CLOSED to OPEN", thread="parallel-%d" % ri(1, 4))

def gen_payments_bg():
    for p in PAY:
        t = START + R.uniform(0, 10)
        while t < END:
            pay_vector(p, t, '{"time":"%s","level":"INFO","msg":"request","method":"GET","path":"/healthz","status":200,"dur_ms":%.1f,"peer":"%s:%d","psp":"","order":""}' % (iso_ms(t), R.uniform(0.1, 0.6), {NODES[2]: "10.0.5.22", NODES[1]: "10.0.4.40"}[p[2]], ri(32768, 60999)))
            if R.random() < 0.1:
                hub(t - 0.001, "FORWARDED", ("host", {NODES[2]: "10.0.5.22", NODES[1]: "10.0.4.40"}[p[2]], '{"identity":1,"labels":["reserved:host"]}'), ("payments", p[1], EP_PAY[p[0]]), ri(32768, 60999), 8080, ["SYN"], p[2], "INGRESS")
            t += 10 + R.uniform(-0.01, 0.01)
        t = START + R.uniform(0, 30)
        while t < END:
            pay_vector(p, t, '{"time":"%s","level":"INFO","msg":"psp keepalive","provider":"adyen","latency_ms":%d}' % (iso_ms(t), ri(30, 110)))
            t += 60 + R.uniform(-0.01, 0.01)
        t = START + R.uniform(0, 900)
        while t < END:
            pay_vector(p, t, '{"time":"%s","level":"WARN","msg":"webhook signature mismatch, ignoring","provider":"adyen","event":"AUTHORISATION","psp_ref":"%s"}' % (iso_ms(t), hexid(16).upper()))
            t += R.uniform(400, 1100)

def gen_hubble_bg():
    t = START + R.uniform(0, 5)
    while t < END:
        b = rc(BFF)
        pod = oa_pod(t, ri(0, 2))
        hub(t, "FORWARDED", ("web-bff", b[1], ep("web", "web-bff", b[0], IDENT["web-bff"])), ("orders-api", pod[1], ep_oa(pod)), ri(32768, 60999), 8080, ["SYN"], rc(NODES), "INGRESS")
        t += R.expovariate(0.9)
    t = START + R.uniform(0, 5)
    while t < END:
        pod = oa_pod(t, ri(0, 2))
        hub(t, "FORWARDED", ("orders-api", pod[1], ep_oa(pod)), ("postgres", "10.42.6.11", ep("data", "postgres", "orders-db-0", IDENT["postgres"])), ri(32768, 60999), 5432, ["SYN"], NODES[0], "EGRESS")
        t += R.expovariate(0.25)
    t = START + R.uniform(0, 60)
    while t < END:
        hub(t, "DROPPED", ("sandbox", "10.42.7.%d" % ri(10, 90), ep("sandbox", "debug-shell", "debug-shell-%s" % hexid(5), IDENT["sandbox"])), ("orders-api", oa_pod(t, 0)[1], ep_oa(oa_pod(t, 0))), ri(32768, 60999), 8080, ["SYN"], NODES[0], "INGRESS", reason="POLICY_DENIED")
        t += R.uniform(20, 90)

def gen_refunds():
    t = T(11, 0, 2.0)
    while t < END:
        pod = "refunds-worker-%d-%s" % (int(t / 60), hexid(5))
        f = "refunds-worker/%s.log" % pod
        emit(f, t, "%s,%03d INFO refunds.job: starting refund batch window=5m" % (sec_fmt(t, "%Y-%m-%d %H:%M:%S"), frac(t, 3)))
        n = ri(0, 4)
        tt = t + 0.4
        failed = 0
        for j in range(n):
            if tt < POLICY:
                d = R.uniform(0.2, 0.5)
                tt += d
                emit(f, tt, "%s,%03d INFO refunds.job: refund issued order=%d amount=%.2f" % (sec_fmt(tt, "%Y-%m-%d %H:%M:%S"), frac(tt, 3), ri(500000, 699999), R.uniform(10, 200)))
            else:
                tt += 3.0
                failed += 1
                emit(f, tt, "%s,%03d ERROR refunds.job: refund failed order=%d: HTTPSConnectionPool(host='payments.payments.svc.cluster.local', port=8443): Max retries exceeded with url: /v1/refunds (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at 0x7f%s>, 'Connection to payments.payments.svc.cluster.local timed out. (connect timeout=3)'))" % (sec_fmt(tt, "%Y-%m-%d %H:%M:%S"), frac(tt, 3), ri(500000, 699999), hexid(9)))
        tt += 0.1
        emit(f, tt, "%s,%03d INFO refunds.job: batch done processed=%d failed=%d" % (sec_fmt(tt, "%Y-%m-%d %H:%M:%S"), frac(tt, 3), n, failed))
        t += 300

def gen_oa_startup():
    for i in range(3):
        pod = OA_NEW[i][0]
        s = OA_SW[i]
        for k, (lvl, lg, m) in enumerate([("INFO", "c.b.orders.OrdersApplication", "Starting OrdersApplication v2.18.1 using Java 21.0.4 with PID 1 (/app/orders-api.jar started by app in /app)"),
                                         ("INFO", "c.b.orders.OrdersApplication", "The following 1 profile is active: \"prod\""),
                                         ("INFO", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 8080 (http)"),
                                         ("INFO", "com.zaxxer.hikari.HikariDataSource", "orders-pool - Start completed."),
                                         ("WARN", "o.s.b.a.o.j.JpaBaseConfiguration$JpaWebConfiguration", "spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning"),
                                         ("INFO", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path '/'"),
                                         ("INFO", "c.b.orders.OrdersApplication", "Started OrdersApplication in 8.412 seconds (process running for 9.103)")]):
            oa(pod, s - 9.2 + k * 1.3, lvl, lg, m, thread="main")
        oa(OA_OLD[i][0], s + 0.3, "INFO", "o.s.b.w.e.tomcat.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete", thread="SpringApplicationShutdownHook")
        oa(OA_OLD[i][0], s + 0.9, "INFO", "o.s.b.w.e.tomcat.GracefulShutdown", "Graceful shutdown complete", thread="tomcat-shutdown")
    for b, ip in BFF:
        t = START + R.uniform(0, 300)
        while t < END:
            bff(b, t, "WARN", "recs-client", "recommendations fallback used: upstream latency budget exceeded (250ms)")
            t += R.uniform(120, 500)

def write_all():
    shutil.rmtree(LOGS, ignore_errors=True)
    os.makedirs(LOGS)
    for rel in sorted(FILES):
        rows = FILES[rel]
        rows.sort(key=lambda r: (r[0], r[1]))
        p = os.path.join(LOGS, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(("\n".join(r[2] for r in rows) + "\n").encode())

gen_audit_bg()
gen_audit_changes()
gen_traffic()
gen_payments_bg()
gen_hubble_bg()
gen_refunds()
gen_oa_startup()
write_all()
