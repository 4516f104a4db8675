#!/usr/bin/env python3
"""m02: Vault auto-unseal key (AWS KMS) was disabled; a routine EKS node-group upgrade
restarts the three Vault pods one by one and each comes back sealed. When the active
node is drained the whole cluster is sealed: transit encryption fails at once, dynamic DB
and AWS credentials expire over the next 15-20 minutes."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from m_common import (LogSet, Rand, USER_AGENTS, iso, jdump, main_dir, report, strf, ts_of,  # noqa: E402
                      write_truth, java_trace)

R = Rand(20250603)
T0 = ts_of(2025, 6, 3, 8, 55, 0)
T1 = ts_of(2025, 6, 3, 9, 50, 0)
KMS_DISABLED = ts_of(2025, 6, 3, 8, 31, 12.0)
DRAIN = {  # node drains of the managed node-group update (red herring / trigger)
    "ip-10-60-1-77": ts_of(2025, 6, 3, 9, 2, 3.0),
    "ip-10-60-2-19": ts_of(2025, 6, 3, 9, 8, 14.0),
    "ip-10-60-3-140": ts_of(2025, 6, 3, 9, 15, 30.0),
    "ip-10-60-4-8": ts_of(2025, 6, 3, 9, 21, 38.0),
    "ip-10-60-5-201": ts_of(2025, 6, 3, 9, 27, 5.0),
}
V2_UP = ts_of(2025, 6, 3, 9, 8, 51.882)
V0_UP = ts_of(2025, 6, 3, 9, 15, 52.310)
SEALED = ts_of(2025, 6, 3, 9, 21, 40.412)     # active vault-1 stops -> no unsealed node
V1_UP = ts_of(2025, 6, 3, 9, 22, 9.040)
ACC_C_GONE = DRAIN["ip-10-60-5-201"] + 1.0
ACC_B_EXPIRE = ts_of(2025, 6, 3, 9, 33, 47.0)
BILL_X_EXPIRE = ts_of(2025, 6, 3, 9, 39, 12.0)
AWS_EXPIRE = ts_of(2025, 6, 3, 9, 35, 55.0)
CDT = -300
KEY = "arn:aws:kms:us-east-1:447120988361:key/5f1e0c2a-9b7d-4e61-a3c8-2d7b0e9f4a15"
DISABLED_ERR = ("fetching stored unseal keys failed: failed to decrypt encrypted stored keys: error decrypting data "
                "encryption key: DisabledException: %s is disabled." % KEY)

L = None

ACC = {"a": ("account-svc-6d8f7b9c5-h4x9k", "10.60.3.14"), "b": ("account-svc-6d8f7b9c5-q2w8m", "10.60.4.21"),
       "c": ("account-svc-6d8f7b9c5-z7c5r", "10.60.5.33"), "a2": ("account-svc-6d8f7b9c5-t9d3f", "10.60.6.17"),
       "c2": ("account-svc-6d8f7b9c5-n7q2x", "10.60.6.52")}
BILL = {"x": ("billing-svc-5c7d9f8b6-p8l2v", "10.60.4.66"), "y": ("billing-svc-5c7d9f8b6-f3k7s", "10.60.2.45"),
        "y2": ("billing-svc-5c7d9f8b6-m5r8n", "10.60.6.23")}
REPORT = ("report-svc-7f6b5d4c8-k2m9p", "10.60.6.88")
REPORT_OLD = ("report-svc-58d9c7f6b-w6j4t", "10.60.1.91")
NOTIF = ("notifier-7d5c9b8f4-s4v6g", "10.60.4.12")
DB_USER = {"a": "v-kubernetes-account-svc-Xs8dKq2vP1mN7-1748937352", "b": "v-kubernetes-account-svc-Pd2vLm9qT4bZ1-1748937227",
           "c": "v-kubernetes-account-svc-Hq7nB3xWc8kR2-1748938154", "a2": "v-kubernetes-account-svc-Tr5yN1mQ6wE8d-1748942153",
           "x": "v-kubernetes-billing-svc-Ka8sD2fG5hJ3l-1748937552", "y": "v-kubernetes-billing-svc-Zm4xC7vB1nQ9w-1748937391",
           "y2": "v-kubernetes-billing-svc-Wq3eR6tY9uI2o-1748941715"}


def acc_pods(t):
    pods = []
    pods.append("a" if t < DRAIN["ip-10-60-3-140"] + 1 else ("a2" if t > DRAIN["ip-10-60-3-140"] + 24 else None))
    pods.append("b")
    if t < ACC_C_GONE:
        pods.append("c")
    return [p for p in pods if p]


def bill_pods(t):
    out = ["x"]
    if t < DRAIN["ip-10-60-2-19"] + 1:
        out.append("y")
    elif t > DRAIN["ip-10-60-2-19"] + 23:
        out.append("y2")
    return out


def add(path, t, line):
    L.add(path, t, line)


# ----------------------------------------------------------------- formats
def spring(svc, pod, t, level, thread, logger, msg):
    add("logs/%s/%s.log" % (svc, pod), t, "%s %5s 1 --- [%s] [%15s] %-40s : %s" % (
        iso(t, 3, True), level, svc, thread[-15:], logger, msg))


def vault_log(pod, t, level, msg):
    add("logs/vault/%s.log" % pod, t, "%s [%s]%s%s" % (iso(t, 3, True), level, " " * (6 - len(level)), msg))


def agent_log(t, level, msg):
    pod = REPORT[0] if t > ts_of(2025, 6, 3, 9, 12, 25) else REPORT_OLD[0]
    add("logs/report-svc/%s/vault-agent.log" % pod, t, "%s [%s]%s%s" % (iso(t, 3, True), level, " " * (6 - len(level)), msg))


def rails(t, sev, msg, pid=1):
    letter = sev[0]
    add("logs/report-svc/%s/rails.log" % (REPORT[0] if t > ts_of(2025, 6, 3, 9, 12, 30) else REPORT_OLD[0]), t,
        "%s, [%s #%d] %5s -- : %s" % (letter, strf(t, "%Y-%m-%dT%H:%M:%S.{us}", CDT), pid, sev, msg))


def notifier(t, level, msg, **kw):
    parts = ["ts=%s" % iso(t, 3, True), "level=%s" % level, "caller=%s" % kw.pop("caller", "push/apns.go:141"),
             'msg="%s"' % msg]
    for k, v in kw.items():
        sv = str(v)
        parts.append('%s="%s"' % (k, sv) if (" " in sv or "=" in sv) else "%s=%s" % (k, sv))
    add("logs/notifier/%s.log" % NOTIF[0], t, " ".join(parts))


def pgcsv(t, user, db, pid, conn, sev, code, msg, detail="", btype="client backend", app=""):
    def q(s):
        return '"%s"' % s.replace('"', '""') if s else ""
    sess = "%x.%x" % (int(t), pid)
    line = ",".join([strf(t, "%Y-%m-%d %H:%M:%S.{ms} UTC"), q(user), q(db), str(pid), q(conn), sess, "1",
                     q("authentication") if user else "", strf(t - 0.002, "%Y-%m-%d %H:%M:%S UTC"), "", "0", sev, code,
                     q(msg), q(detail), "", "", "", "", "", "", "", q(app), q(btype), "", "0"])
    add("logs/account-db/postgresql-2025-06-03_090000.csv" if t >= ts_of(2025, 6, 3, 9) else
        "logs/account-db/postgresql-2025-06-03_080000.csv", t, line)


def k8s_event(t, ns, kind, name, reason, msg, etype="Normal", comp="kubelet", host=""):
    ev = {"metadata": {"name": "%s.%s" % (name, R.hexid(16)), "namespace": ns, "uid": R.uuid(),
                       "resourceVersion": str(R.randrange(80000000, 99999999)),
                       "creationTimestamp": iso(t, 0, True)},
          "involvedObject": {"kind": kind, "namespace": ns, "name": name, "apiVersion": "v1" if kind in ("Pod", "Node") else "apps/v1"},
          "reason": reason, "message": msg, "source": {"component": comp, "host": host} if host else {"component": comp},
          "firstTimestamp": iso(t, 0, True), "lastTimestamp": iso(t, 0, True), "count": 1, "type": etype,
          "eventTime": None, "reportingComponent": comp, "reportingInstance": host}
    add("logs/k8s-events/event-exporter.json", t, jdump(ev))


def traefik(t_start, dur, client, method, path, status, router, svc_addr, size, retry=0, origin_status=None):
    t_end = t_start + dur
    d = {"ClientAddr": "%s:%d" % (client, R.randrange(1024, 65535)), "ClientHost": client, "ClientPort": str(R.randrange(1024, 65535)),
         "ClientUsername": "-", "DownstreamContentSize": size, "DownstreamStatus": status,
         "Duration": int(dur * 1e9), "OriginContentSize": size if svc_addr else 0,
         "OriginDuration": int(max(0, dur - 0.0004) * 1e9), "OriginStatus": origin_status if origin_status is not None else (status if svc_addr else 0),
         "Overhead": 412000 + R.randrange(0, 300000), "RequestAddr": "api.acme-cloud.io", "RequestContentSize": 0 if method == "GET" else R.randrange(80, 900),
         "RequestCount": int((t_start - T0) * 1.6) + 831204, "RequestHost": "api.acme-cloud.io", "RequestMethod": method,
         "RequestPath": path, "RequestPort": "-", "RequestProtocol": "HTTP/2.0", "RequestScheme": "https",
         "RetryAttempts": retry, "RouterName": "%s@kubernetescrd" % router,
         "ServiceAddr": svc_addr or "", "ServiceName": "%s@kubernetescrd" % router,
         "ServiceURL": ("http://" + svc_addr) if svc_addr else "", "StartLocal": iso(t_start, 9, True),
         "StartUTC": iso(t_start, 9, True), "TLSCipher": "TLS_AES_128_GCM_SHA256", "TLSVersion": "1.3",
         "entryPointName": "websecure", "level": "info", "msg": "", "request_User-Agent": R.pick(USER_AGENTS),
         "time": iso(t_end, 0, True)}
    pod = "traefik-6f8d7c9b5-4kq8z" if R.random() < 0.5 else "traefik-6f8d7c9b5-9wj2c"
    add("logs/traefik/%s-access.json" % pod, t_end, jdump(d))


# ----------------------------------------------------------------- stack traces
def tr_vault_sealed(path, op):
    return java_trace(
        "org.springframework.vault.VaultException", "Status 503 Service Unavailable [%s]: Vault is sealed" % path,
        ["org.springframework.vault.client.VaultResponses.buildException(VaultResponses.java:89)",
         "org.springframework.vault.core.VaultTemplate.lambda$write$3(VaultTemplate.java:331)",
         "org.springframework.vault.core.VaultTemplate.doWithSession(VaultTemplate.java:446)",
         "org.springframework.vault.core.VaultTemplate.write(VaultTemplate.java:325)",
         "org.springframework.vault.core.VaultTransitTemplate.%s(VaultTransitTemplate.java:%d)" % (op, 229 if op == "encrypt" else 282),
         "io.acme.billing.crypto.TransitPiiCipher.%s(TransitPiiCipher.java:%d)" % (op, 47 if op == "encrypt" else 63),
         "io.acme.billing.paymentmethods.PaymentMethodService.%s(PaymentMethodService.java:%d)" % (
             "create" if op == "encrypt" else "list", 88 if op == "encrypt" else 121),
         "io.acme.billing.paymentmethods.PaymentMethodController.%s(PaymentMethodController.java:%d)" % (
             "create" if op == "encrypt" else "list", 54 if op == "encrypt" else 39),
         "java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
         "java.base/java.lang.reflect.Method.invoke(Method.java:580)",
         "org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)",
         "org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118)",
         "org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)",
         "org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)"],
        caused=("org.springframework.web.client.HttpServerErrorException$ServiceUnavailable",
                "503 Service Unavailable: \"{\"errors\":[\"Vault is sealed\"]}<EOL>\"",
                ["org.springframework.web.client.HttpServerErrorException.create(HttpServerErrorException.java:116)",
                 "org.springframework.web.client.StatusHandler.lambda$defaultHandler$3(StatusHandler.java:89)",
                 "org.springframework.web.client.StatusHandler.handle(StatusHandler.java:146)",
                 "org.springframework.web.client.DefaultResponseErrorHandler.handleError(DefaultResponseErrorHandler.java:186)",
                 "org.springframework.web.client.RestTemplate.handleResponse(RestTemplate.java:944)",
                 "org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:893)",
                 "org.springframework.web.client.RestTemplate.execute(RestTemplate.java:847)",
                 "org.springframework.vault.core.VaultTemplate.lambda$write$3(VaultTemplate.java:328)"], 36))


def tr_hikari(user):
    return java_trace(
        "org.postgresql.util.PSQLException", "FATAL: password authentication failed for user \"%s\"" % user,
        ["org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)",
         "org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:203)",
         "org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:258)",
         "org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)",
         "org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:263)",
         "org.postgresql.Driver.makeConnection(Driver.java:443)",
         "org.postgresql.Driver.connect(Driver.java:297)",
         "com.zaxxer.hikari.util.DriverDataSource.getConnection(DriverDataSource.java:137)",
         "com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:360)",
         "com.zaxxer.hikari.pool.PoolBase.newPoolEntry(PoolBase.java:202)",
         "com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:461)",
         "com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator.call(HikariPool.java:724)",
         "com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator.call(HikariPool.java:703)",
         "java.base/java.util.concurrent.FutureTask.run(FutureTask.java:317)",
         "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)",
         "java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:642)",
         "java.base/java.lang.Thread.run(Thread.java:1583)"])


def tr_login():
    return java_trace(
        "org.springframework.vault.authentication.VaultLoginException", "Cannot login using Kubernetes: Vault is sealed",
        ["org.springframework.vault.authentication.VaultLoginException.create(VaultLoginException.java:68)",
         "org.springframework.vault.authentication.KubernetesAuthentication.createTokenUsingKubernetes(KubernetesAuthentication.java:95)",
         "org.springframework.vault.authentication.KubernetesAuthentication.login(KubernetesAuthentication.java:70)",
         "org.springframework.vault.authentication.LifecycleAwareSessionManager.login(LifecycleAwareSessionManager.java:335)",
         "org.springframework.vault.authentication.LifecycleAwareSessionManager.getSessionToken(LifecycleAwareSessionManager.java:318)",
         "org.springframework.vault.core.VaultTemplate.doWithSession(VaultTemplate.java:441)",
         "org.springframework.vault.core.lease.SecretLeaseContainer.doGetSecrets(SecretLeaseContainer.java:623)",
         "org.springframework.vault.core.lease.SecretLeaseContainer.start(SecretLeaseContainer.java:382)",
         "org.springframework.cloud.vault.config.LeasingVaultPropertySourceLocator.locate(LeasingVaultPropertySourceLocator.java:112)",
         "org.springframework.boot.SpringApplication.prepareContext(SpringApplication.java:409)",
         "org.springframework.boot.SpringApplication.run(SpringApplication.java:322)",
         "io.acme.account.AccountServiceApplication.main(AccountServiceApplication.java:14)"],
        caused=("org.springframework.web.client.HttpServerErrorException$ServiceUnavailable",
                "503 Service Unavailable: \"{\"errors\":[\"Vault is sealed\"]}<EOL>\"",
                ["org.springframework.web.client.HttpServerErrorException.create(HttpServerErrorException.java:116)",
                 "org.springframework.web.client.RestTemplate.handleResponse(RestTemplate.java:944)",
                 "org.springframework.web.client.RestTemplate.postForObject(RestTemplate.java:503)",
                 "org.springframework.vault.authentication.KubernetesAuthentication.createTokenUsingKubernetes(KubernetesAuthentication.java:86)"], 11))


# ----------------------------------------------------------------- state helpers
def acc_fail_p(pod, t):
    if pod == "b" and t > ACC_B_EXPIRE:
        return min(0.97, (t - ACC_B_EXPIRE) / 420.0)
    return 0.0


def bill_db_fail_p(pod, t):
    if pod == "x" and t > BILL_X_EXPIRE:
        return min(0.97, (t - BILL_X_EXPIRE) / 360.0)
    return 0.0


ACC_IDS = ["acc_%s" % R.alnum(10) for _ in range(2500)]
ACC_LOGGERS = ["i.a.account.web.AccountController", "i.a.account.prefs.PreferenceService", "i.a.account.web.AddressController"]


def account_request(t, method, path, src_ip, internal=False):
    """returns (status, dur, podkey)"""
    pods = acc_pods(t)
    pk = R.pick(pods)
    pod, ip = ACC[pk]
    fp = acc_fail_p(pk, t)
    thread = "nio-8080-exec-%d" % R.randrange(1, 41)
    if fp and R.random() < fp:
        dur = 30.0 + R.random() * 0.02
        te = t + dur
        spring("account-svc", pod, te - 0.004, "WARN", thread, "o.h.engine.jdbc.spi.SqlExceptionHelper", "SQL Error: 0, SQLState: 08001")
        spring("account-svc", pod, te - 0.003, "ERROR", thread, "o.h.engine.jdbc.spi.SqlExceptionHelper",
               "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=%d)" % R.randrange(3, 31))
        spring("account-svc", pod, te, "ERROR", thread, "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
               "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing "
               "failed: org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for "
               "transaction] with root cause\n\n" + tr_hikari(DB_USER[pk]))
        return 500, dur, pk
    dur = R.lat(0.021, 0.45)
    if R.random() < 0.04:
        spring("account-svc", pod, t + dur, "INFO", thread, R.pick(ACC_LOGGERS),
               "%s %s account=%s took=%dms" % (method, path.split("?")[0], R.pick(ACC_IDS), int(dur * 1000)))
    return (200 if method != "POST" else 201), dur, pk


def billing_request(t, method, path):
    pods = bill_pods(t)
    pk = R.pick(pods)
    pod, ip = BILL[pk]
    thread = "nio-8080-exec-%d" % R.randrange(1, 41)
    needs_transit = "payment-methods" in path
    if needs_transit and t >= SEALED and t < V1_UP + 10 ** 6:
        dur = R.lat(0.012, 0.3)
        op = "encrypt" if method == "POST" else "decrypt"
        spring("billing-svc", pod, t + dur, "ERROR", thread, "i.a.billing.web.ApiExceptionHandler",
               "Unhandled exception on %s %s\n%s" % (method, path, tr_vault_sealed("transit/%s/billing-pii" % op, op)))
        return 500, dur, ip
    if R.random() < bill_db_fail_p(pk, t):
        dur = 30.0 + R.random() * 0.02
        spring("billing-svc", pod, t + dur - 0.003, "ERROR", thread, "o.h.engine.jdbc.spi.SqlExceptionHelper",
               "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=%d)" % R.randrange(2, 14))
        spring("billing-svc", pod, t + dur, "ERROR", thread, "i.a.billing.web.ApiExceptionHandler",
               "Unhandled exception on %s %s\n%s" % (method, path, java_trace(
                   "org.springframework.transaction.CannotCreateTransactionException", "Could not open JPA EntityManager for transaction",
                   ["org.springframework.orm.jpa.JpaTransactionManager.doBegin(JpaTransactionManager.java:466)",
                    "org.springframework.transaction.support.AbstractPlatformTransactionManager.startTransaction(AbstractPlatformTransactionManager.java:531)",
                    "io.acme.billing.invoices.InvoiceService$$SpringCGLIB$$0.list(<generated>)",
                    "io.acme.billing.invoices.InvoiceController.list(InvoiceController.java:44)"],
                   caused=("org.postgresql.util.PSQLException", "FATAL: password authentication failed for user \"%s\"" % DB_USER[pk],
                           ["org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)",
                            "com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:360)"], 9))))
        return 500, dur, ip
    # invoices call account-svc internally
    dur = R.lat(0.045, 0.4)
    if "invoices" in path:
        st, adur, _ = account_request(t + 0.004, "GET", "/internal/accounts/%s" % R.pick(ACC_IDS), ip, internal=True)
        if st >= 500:
            dur = adur + 0.01
            spring("billing-svc", pod, t + dur, "ERROR", thread, "i.a.billing.clients.AccountClient",
                   "account lookup failed: 500 Internal Server Error from GET http://account-svc.accounts.svc:8080/internal/accounts/{id}")
            return 502, dur, ip
        dur += adur
    if R.random() < 0.03:
        spring("billing-svc", pod, t + dur, "INFO", thread, "i.a.billing.invoices.InvoiceService",
               "listed invoices account=%s count=%d" % (R.pick(ACC_IDS), R.randrange(1, 40)))
    return (201 if method == "POST" else 200), dur, ip


def report_request(t, method, path):
    rid = R.uuid()
    dur = R.lat(0.09, 0.5) if method == "GET" else R.lat(0.85, 0.3)
    ip = REPORT[1] if t > ts_of(2025, 6, 3, 9, 12, 30) else REPORT_OLD[1]
    rails(t, "INFO", "[%s] Started %s \"%s\" for 10.60.0.17 at %s" % (rid, method, path, strf(t, "%Y-%m-%d %H:%M:%S -0500", CDT)))
    ctrl = "Api::V1::ReportsController#index" if method == "GET" else "Api::V1::ExportsController#create"
    rails(t + 0.001, "INFO", "[%s] Processing by %s as JSON" % (rid, ctrl))
    if method == "POST" and t > AWS_EXPIRE:
        dur = R.lat(0.35, 0.3)
        rails(t + dur - 0.002, "ERROR", "[%s] Aws::S3::Errors::InvalidAccessKeyId (The AWS Access Key Id you provided does not exist in our records.):" % rid)
        rails(t + dur - 0.0015, "ERROR", "[%s]   \n[%s] app/services/report_exporter.rb:42:in `upload!'\n[%s] app/services/report_exporter.rb:18:in `call'\n"
              "[%s] app/controllers/api/v1/exports_controller.rb:11:in `create'" % (rid, rid, rid, rid))
        rails(t + dur, "INFO", "[%s] Completed 500 Internal Server Error in %dms (ActiveRecord: %.1fms | Allocations: %d)" % (
            rid, dur * 1000, R.uniform(4, 30), R.randrange(4000, 20000)))
        return 500, dur, ip
    rails(t + dur, "INFO", "[%s] Completed %s in %dms (Views: %.1fms | ActiveRecord: %.1fms | Allocations: %d)" % (
        rid, "200 OK" if method == "GET" else "201 Created", dur * 1000, R.uniform(0.2, 3), R.uniform(3, 60), R.randrange(3000, 40000)))
    return (200 if method == "GET" else 201), dur, ip


def notif_request(t):
    dur = R.lat(0.012, 0.4)
    return 200, dur, NOTIF[1]


def main():
    global L
    out = main_dir(sys.argv)
    L = LogSet(out)
    for t in R.arrivals(T0, T1, lambda t: 1.3):
        client = R.public_ip()
        k = R.wpick([("acc_me", 30), ("acc_prefs", 10), ("acc_addr", 5), ("inv", 15), ("pm_get", 9), ("pm_post", 3),
                     ("rep", 5), ("exp", 2.5), ("notif", 12)])
        if k.startswith("acc"):
            aid = R.pick(ACC_IDS)
            method, path = {"acc_me": ("GET", "/api/v1/accounts/me"),
                            "acc_prefs": (R.pick(["GET", "GET", "PUT"]), "/api/v1/accounts/%s/preferences" % aid),
                            "acc_addr": ("GET", "/api/v1/accounts/%s/addresses" % aid)}[k]
            st, dur, pk = account_request(t, method, path, client)
            traefik(t, dur + 0.0006, client, method, path, st, "accounts-accounts-api-9f3c1a", ACC[pk][1] + ":8080", R.randrange(300, 2200) if st < 500 else 118)
        elif k in ("inv", "pm_get", "pm_post"):
            method, path = {"inv": ("GET", "/api/v1/billing/invoices?page=%d" % R.pick([1, 1, 2])),
                            "pm_get": ("GET", "/api/v1/billing/payment-methods"),
                            "pm_post": ("POST", "/api/v1/billing/payment-methods")}[k]
            st, dur, ip = billing_request(t, method, path)
            traefik(t, dur + 0.0006, client, method, path, st, "billing-billing-api-51be07", ip + ":8080", R.randrange(400, 5200) if st < 500 else 121)
        elif k in ("rep", "exp"):
            method, path = ("GET", "/api/v1/reports") if k == "rep" else ("POST", "/api/v1/reports/exports")
            st, dur, ip = report_request(t, method, path)
            traefik(t, dur + 0.0006, client, method, path, st, "reports-reports-api-0d77e2", ip + ":3000", R.randrange(500, 9000) if st < 500 else 86)
        else:
            st, dur, ip = notif_request(t)
            traefik(t, dur + 0.0005, client, "GET", "/api/v1/notifications?unread=true", st, "notify-notifier-api-c2a9b4", ip + ":8081", R.randrange(90, 3000))
    platform()
    sizes = L.write()
    report(out, sizes)
    write_truth(out, {
        "root_cause": {"service": "vault", "fault": "sealed-after-restart-kms-unseal-key-disabled", "start": iso(V2_UP + 0.506, 3)},
        "propagation": ["vault", "billing-svc", "traefik"],
        "affected": ["vault", "billing-svc", "account-svc", "report-svc", "traefik"],
        "acceptable_roots": [],
        "notes": (
            "Vault (StatefulSet vault-0/1/2, raft storage, awskms seal) auto-unseals with KMS key 5f1e0c2a..., which a "
            "KMS hygiene Lambda disabled at 08:31:12Z (CloudTrail DisableKey). Nothing breaks until pods restart: an EKS "
            "managed node-group update drains nodes one by one from 09:02. vault-2 restarts at 09:08:52 and keeps logging "
            "'failed to unseal core ... DisabledException' every 5 s (first root anomaly; readiness 503 only), vault-0 the "
            "same at 09:15:52. At 09:21:40 the active vault-1 is drained: the whole cluster is sealed. Immediately billing-svc "
            "transit encrypt/decrypt (payment-methods) fails with 'Vault is sealed' (500 via traefik), vault-agent in "
            "report-svc cannot re-authenticate, Spring Cloud Vault cannot renew DB leases. account-svc pod z7c5r is drained "
            "at 09:27 and its replacement n7q2x crash-loops (Kubernetes auth login 503). Delayed effects as leases expire: "
            "account-svc pod q2w8m's Postgres role expires 09:33:47 (account-db: 'password authentication failed ... has "
            "an expired password'), Hikari empties, requests take 30 s then 500 (billing invoices depending on account-svc "
            "return 502); report-svc's 15-minute AWS creds expire 09:35:55 -> S3 InvalidAccessKeyId on exports; billing-svc "
            "pod p8l2v's DB role expires 09:39:12. Clock quirks: report-svc Ruby Logger prefix is America/Chicago local "
            "time without offset (UTC-5) while its 'Started ... at' text carries -0500; Traefik 'time' is the end of the "
            "request, StartUTC the start. Red herrings: the node-group upgrade and its evictions (trigger, not root); "
            "report-svc deploy at 09:12; notifier's constant APNs BadDeviceToken/Unregistered warnings; a Hikari "
            "'Thread starvation or clock leap' warning during the first drain; account-db FATALs are a symptom."),
    })


def platform():
    # ---------------- vault
    vpods = {"vault-0": "10.60.3.27", "vault-1": "10.60.4.30", "vault-2": "10.60.2.52"}
    # active node routine noise
    t = T0 + 3
    while t < SEALED:
        r = R.random()
        if r < 0.45:
            role = R.pick(["account-svc", "billing-svc", "report-svc"])
            vault_log("vault-1", t, "INFO", "expiration: revoked lease: lease_id=database/creds/%s/%s" % (role, R.alnum(24, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")))
        elif r < 0.6:
            idx = int(48211000 + (t - T0) * 14)
            vault_log("vault-1", t, "INFO", "storage.raft: starting snapshot up to: index=%d" % idx)
            vault_log("vault-1", t + 0.41, "INFO", "storage.raft: compacting logs: from=%d to=%d" % (idx - 18432, idx - 8192))
            vault_log("vault-1", t + 0.43, "INFO", "storage.raft: snapshot complete up to: index=%d" % idx)
        else:
            vault_log("vault-1", t, "INFO", "expiration: revoked lease: lease_id=aws/creds/report-exporter/%s" % R.alnum(24, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"))
        t += R.expovariate(1 / 40.0)
    for name, down_t in (("vault-2", DRAIN["ip-10-60-2-19"]), ("vault-0", DRAIN["ip-10-60-3-140"]), ("vault-1", DRAIN["ip-10-60-4-8"])):
        dt0 = down_t + 2.4
        add("logs/vault/%s.log" % name, dt0, "==> Vault shutdown triggered")
        if name == "vault-1":
            seq = ["core: marked as sealed", "core: pre-seal teardown starting", "core: stopping raft active node",
                   "rollback: stopping rollback manager", "core: pre-seal teardown complete", "core: stopping cluster listeners",
                   "core.cluster-listener: forwarding rpc listeners stopped", "core.cluster-listener: rpc listeners successfully shut down",
                   "core: cluster listeners successfully shut down", "core: vault is sealed"]
            base = SEALED - 0.2
        else:
            seq = ["core: marked as sealed", "core: stopping cluster listeners", "core.cluster-listener: forwarding rpc listeners stopped",
                   "core.cluster-listener: rpc listeners successfully shut down", "core: cluster listeners successfully shut down",
                   "core: vault is sealed"]
            base = dt0 + 0.05
        for i, m in enumerate(seq):
            vault_log(name, base + 0.011 * i, "INFO", m)
        if name != "vault-1":
            vault_log("vault-1", base + 2.6, "ERROR", "storage.raft: failed to heartbeat to: peer=%s.vault-internal:8201 backoff time=10ms error=\"dial tcp %s:8201: connect: connection refused\"" % (name, vpods[name]))
            vault_log("vault-1", base + 4.0, "WARN", "storage.raft: failed to contact: server-id=%s time=2.501883122s" % name)
    starts = {"vault-2": (V2_UP, "10.60.6.41"), "vault-0": (V0_UP, "10.60.6.44"), "vault-1": (V1_UP, "10.60.7.12")}
    for name, (st, ip) in starts.items():
        vpods[name] = ip
        banner = ("==> Vault server configuration:\n\nAdministrative Namespace: \n             Api Address: https://%s:8200\n"
                  "                     Cgo: disabled\n         Cluster Address: https://%s.vault-internal:8201\n"
                  "   Environment Variables: HOME, HOSTNAME, HOST_IP, KUBERNETES_PORT, NAME, PATH, POD_IP, SKIP_CHOWN, SKIP_SETCAP, VAULT_ADDR, VAULT_API_ADDR, VAULT_CLUSTER_ADDR, VAULT_K8S_NAMESPACE, VAULT_K8S_POD_NAME, VAULT_SEAL_TYPE\n"
                  "              Go Version: go1.22.5\n              Listener 1: tcp (addr: \"[::]:8200\", cluster address: \"[::]:8201\", "
                  "max_request_duration: \"1m30s\", max_request_size: \"33554432\", tls: \"enabled\")\n               Log Level: info\n"
                  "                   Mlock: supported: true, enabled: false\n           Recovery Mode: false\n"
                  "                 Storage: raft (HA available)\n                 Version: Vault v1.17.2, built 2024-07-05T15:19:12Z\n"
                  "             Version Sha: a4b0b2b4c5d1e1ba3f5d5b2f3cd0c7a2ba0f69fe\n\n==> Vault server started! Log data will stream in below:\n" % (ip, name))
        add("logs/vault/%s.log" % name, st - 0.05, banner)
        vault_log(name, st, "INFO", "proxy environment: http_proxy=\"\" https_proxy=\"\" no_proxy=\"\"")
        vault_log(name, st + 0.108, "INFO", "incrementing seal generation: generation=1")
        vault_log(name, st + 0.219, "INFO", "core: Initializing version history cache for core")
        vault_log(name, st + 0.220, "INFO", "events: Starting event system")
        vault_log(name, st + 0.258, "INFO", "core: stored unseal keys supported, attempting fetch")
        t = st + 0.506
        while t < T1:
            vault_log(name, t, "WARN", "failed to unseal core: error=\"%s\"" % DISABLED_ERR)
            t += 5.0 + R.random() * 0.004
        # readiness probe failures as events
        host = {"vault-2": "ip-10-60-6-30", "vault-0": "ip-10-60-6-30", "vault-1": "ip-10-60-7-5"}[name]
        k8s_event(st + 5.2, "vault", "Pod", name, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503",
                  "Warning", "kubelet", host)
    # ---------------- cloudtrail (kms)
    recs = []
    t = T0 - 1500
    role_vault = "arn:aws:sts::447120988361:assumed-role/vault-server-irsa/vault-1"
    recs.append((KMS_DISABLED, {"eventVersion": "1.09", "userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::447120988361:assumed-role/kms-hygiene-lambda-role/kms-hygiene-prod",
                 "accountId": "447120988361", "invokedBy": "lambda.amazonaws.com"}, "eventTime": iso(KMS_DISABLED, 0, True),
                 "eventSource": "kms.amazonaws.com", "eventName": "DisableKey", "awsRegion": "us-east-1", "sourceIPAddress": "lambda.amazonaws.com",
                 "userAgent": "Boto3/1.34.131 md/Botocore#1.34.131 ua/2.0 os/linux#5.10.219-229.866.amzn2.x86_64 lang/python#3.12.3 exec-env/AWS_Lambda_python3.12",
                 "requestParameters": {"keyId": KEY}, "responseElements": None, "requestID": R.uuid(), "eventID": R.uuid(),
                 "readOnly": False, "resources": [{"accountId": "447120988361", "type": "AWS::KMS::Key", "ARN": KEY}],
                 "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": "447120988361", "eventCategory": "Management"}))
    for (st, name) in ((V2_UP + 0.38, "vault-2"), (V0_UP + 0.38, "vault-0"), (V1_UP + 0.38, "vault-1")):
        recs.append((st, {"eventVersion": "1.09", "userIdentity": {"type": "AssumedRole", "arn": role_vault.replace("vault-1", name), "accountId": "447120988361"},
                     "eventTime": iso(st, 0, True), "eventSource": "kms.amazonaws.com", "eventName": "Decrypt", "awsRegion": "us-east-1",
                     "sourceIPAddress": "3.215.88.%d" % R.randrange(2, 250), "userAgent": "aws-sdk-go/1.54.6 (go1.22.5; linux; amd64)",
                     "errorCode": "DisabledException", "errorMessage": "%s is disabled." % KEY,
                     "requestParameters": {"encryptionAlgorithm": "SYMMETRIC_DEFAULT", "keyId": KEY}, "responseElements": None,
                     "requestID": R.uuid(), "eventID": R.uuid(), "readOnly": True,
                     "resources": [{"accountId": "447120988361", "type": "AWS::KMS::Key", "ARN": KEY}], "eventType": "AwsApiCall",
                     "managementEvent": True, "recipientAccountId": "447120988361", "eventCategory": "Management"}))
    for i in range(5):
        tt = KMS_DISABLED + 120 + i * 400
        recs.append((tt, {"eventVersion": "1.09", "userIdentity": {"type": "AWSService", "invokedBy": "cloudtrail.amazonaws.com"},
                     "eventTime": iso(tt, 0, True), "eventSource": "kms.amazonaws.com", "eventName": "GenerateDataKey", "awsRegion": "us-east-1",
                     "sourceIPAddress": "cloudtrail.amazonaws.com", "userAgent": "cloudtrail.amazonaws.com",
                     "requestParameters": {"keyId": "arn:aws:kms:us-east-1:447120988361:key/0c9e7b11-2d43-4f5a-8e61-77a0b3c9d2e4", "keySpec": "AES_256"},
                     "responseElements": None, "requestID": R.uuid(), "eventID": R.uuid(), "readOnly": True, "eventType": "AwsApiCall",
                     "managementEvent": True, "recipientAccountId": "447120988361", "eventCategory": "Management"}))
    recs.sort(key=lambda r: r[0])
    import json as _json
    body = _json.dumps({"Records": [r[1] for r in recs]}, separators=(",", ":"))
    L.add("logs/aws/cloudtrail/447120988361_CloudTrail_us-east-1_20250603T0935Z_kms.json.gz", 0, body)

    # ---------------- k8s events: node group update
    order = ["ip-10-60-1-77", "ip-10-60-2-19", "ip-10-60-3-140", "ip-10-60-4-8", "ip-10-60-5-201"]
    victims = {"ip-10-60-1-77": [("notify", "notifier-7d5c9b8f4-b8x2m"), ("reports", "report-svc-58d9c7f6b-w6j4t"), ("kube-system", "coredns-5b9dc7c6f-lx8rq")],
               "ip-10-60-2-19": [("vault", "vault-2"), ("billing", BILL["y"][0]), ("kube-system", "ebs-csi-controller-6c8d8b9f7-2gqkd")],
               "ip-10-60-3-140": [("vault", "vault-0"), ("accounts", ACC["a"][0]), ("monitoring", "prometheus-k8s-1")],
               "ip-10-60-4-8": [("vault", "vault-1"), ("traefik", "traefik-6f8d7c9b5-x7n4p")],
               "ip-10-60-5-201": [("accounts", ACC["c"][0]), ("monitoring", "alertmanager-main-0")]}
    for n in order:
        td = DRAIN[n]
        node = "%s.ec2.internal" % n
        k8s_event(td - 20, "default", "Node", node, "NodeNotSchedulable", "Node %s status is now: NodeNotSchedulable" % node, comp="kubelet", host=node)
        for ns, pod in victims[n]:
            k8s_event(td + R.random(), ns, "Pod", pod, "Killing", "Stopping container %s" % (
                pod.split("-")[0] if not pod.startswith("vault") else "vault"), comp="kubelet", host=node)
        k8s_event(td + 60, "default", "Node", node, "RemovingNode", "Node %s event: Removing Node %s from Controller" % (node, node), comp="node-controller")
    k8s_event(DRAIN["ip-10-60-1-77"] - 40, "kube-system", "Node", "eks-nodegroup/general-m6i", "UpdateStarted",
              "Managed node group general-m6i update to AMI release 1.29.3-20250519 started (maxUnavailable=1)", comp="eks-nodegroup")
    # crash-looping account pod
    c2 = ACC["c2"][0]
    k8s_event(ACC_C_GONE + 2, "accounts", "Pod", c2, "Scheduled", "Successfully assigned accounts/%s to ip-10-60-6-30.ec2.internal" % c2, comp="default-scheduler")
    t = ACC_C_GONE + 14
    backoff = 10
    n = 0
    while t < T1:
        n += 1
        # spring boot start that fails
        spring("account-svc", c2, t, "INFO", "main", "i.a.account.AccountServiceApplication",
               "Starting AccountServiceApplication v3.9.4 using Java 21.0.3 with PID 1 (/app/app.jar started by app in /app)")
        spring("account-svc", c2, t + 0.02, "INFO", "main", "i.a.account.AccountServiceApplication", "The following 1 profile is active: \"prod\"")
        spring("account-svc", c2, t + 1.9, "INFO", "main", "o.s.v.a.LifecycleAwareSessionManager", "Logging in to Vault using KUBERNETES at https://vault.vault.svc:8200")
        spring("account-svc", c2, t + 2.05, "ERROR", "main", "o.s.boot.SpringApplication", "Application run failed\n\n" + tr_login())
        k8s_event(t + 2.3, "accounts", "Pod", c2, "BackOff", "Back-off restarting failed container account-svc in pod %s_accounts(%s)" % (c2, "6e1f0c8a-3b7d-4f2c-9d1e-a8b4c2f7e913"),
                  "Warning", "kubelet", "ip-10-60-6-30.ec2.internal")
        t += 2.3 + backoff + R.random()
        backoff = min(300, backoff * 2)
    # first drain: hikari clock leap (red herring)
    spring("account-svc", ACC["b"][0], DRAIN["ip-10-60-1-77"] + 64, "WARN", "l-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool",
           "HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m2s118ms).")
    # restarted pods (fine): account a2 and billing y2 start-up
    for pod, svc, st in ((ACC["a2"][0], "account-svc", DRAIN["ip-10-60-3-140"] + 6), (BILL["y2"][0], "billing-svc", DRAIN["ip-10-60-2-19"] + 6)):
        spring(svc, pod, st, "INFO", "main", "i.a.%s.Application" % svc.split("-")[0], "Starting %sApplication v%s using Java 21.0.3 with PID 1" % (
            "AccountService" if svc == "account-svc" else "BillingService", "3.9.4" if svc == "account-svc" else "2.22.1"))
        spring(svc, pod, st + 1.9, "INFO", "main", "o.s.v.a.LifecycleAwareSessionManager", "Logging in to Vault using KUBERNETES at https://vault.vault.svc:8200")
        spring(svc, pod, st + 2.4, "INFO", "main", "o.s.c.v.c.LeasingVaultPropertySourceLocator", "Requested secret database/creds/%s, lease_duration=3600s renewable=true" % svc)
        spring(svc, pod, st + 9.8, "INFO", "main", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed.")
        spring(svc, pod, st + 14.2, "INFO", "main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path '/'")
        spring(svc, pod, st + 14.3, "INFO", "main", "i.a.%s.Application" % svc.split("-")[0], "Started application in 15.1 seconds (process running for 16.0)")
    # lease renewals failing after the seal
    for key, svc, pods in (("b", "account-svc", ACC), ("a2", "account-svc", ACC), ("x", "billing-svc", BILL), ("y2", "billing-svc", BILL)):
        pod = pods[key][0]
        exp = {"b": ACC_B_EXPIRE, "a2": ts_of(2025, 6, 3, 10, 16, 1), "x": BILL_X_EXPIRE, "y2": ts_of(2025, 6, 3, 10, 9, 17)}[key]
        lease = "database/creds/%s/%s" % (svc, DB_USER[key].split("-")[4])
        t = max(SEALED + R.uniform(5, 40), exp - 60 - 600)
        while t < min(exp, T1):
            spring(svc, pod, t, "WARN", "g-Cloud-Vault-1", "o.s.v.core.lease.SecretLeaseContainer",
                   "Cannot renew lease [leaseId='%s', leaseDuration=PT%dS, renewable=true]: Status 503 Service Unavailable [sys/leases/renew]: Vault is sealed" % (
                       lease, max(1, int(exp - t))))
            t += 10.0 + R.random() * 0.2
        if exp < T1:
            spring(svc, pod, exp - 1, "WARN", "g-Cloud-Vault-1", "o.s.c.v.c.VaultConfiguration",
                   "Lease [leaseId='%s'] expired; requesting new secret for database/creds/%s" % (lease, svc))
            t = exp - 0.9
            while t < T1:
                spring(svc, pod, t, "ERROR", "g-Cloud-Vault-1", "o.s.v.core.lease.SecretLeaseContainer",
                       "Cannot rotate secret database/creds/%s: Status 503 Service Unavailable [database/creds/%s]: Vault is sealed" % (svc, svc))
                t += 30.0 + R.random() * 0.3
    # account-db: expired password FATALs at the rate Hikari retries
    for key, start, ip in (("b", ACC_B_EXPIRE, ACC["b"][1]), ("x", BILL_X_EXPIRE, BILL["x"][1])):
        t = start + R.random()
        while t < T1:
            user = DB_USER[key]
            pid = R.randrange(40000, 99999)
            pgcsv(t, user, "accounts" if key == "b" else "billing", pid, "%s:%d" % (ip, R.randrange(33000, 60999)), "FATAL", "28P01",
                  "password authentication failed for user \"%s\"" % user,
                  "User \"%s\" has an expired password.\nConnection matched file \"/etc/postgresql/pg_hba.conf\" line 14: \"hostssl all all 10.60.0.0/16 scram-sha-256\"" % user)
            t += R.uniform(0.4, 2.5)
    t = T0 + 60
    while t < T1:
        pgcsv(t, "", "", 61, "", "LOG", "00000", "checkpoint starting: time", btype="checkpointer")
        w = R.randrange(900, 5000)
        pgcsv(t + 269.9, "", "", 61, "", "LOG", "00000", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=269.802 s, sync=0.012 s, total=269.901 s; sync files=%d, longest=0.004 s, average=0.001 s; distance=%d kB, estimate=%d kB" % (
            w, w / 1310.7, R.randrange(1, 4), R.randrange(20, 80), R.randrange(9000, 40000), R.randrange(20000, 40000)), btype="checkpointer")
        t += 300
    for _ in range(40):
        t = R.uniform(T0, T1)
        pgcsv(t, "v-kubernetes-billing-svc-Ka8sD2fG5hJ3l-1748937552", "billing", R.randrange(40000, 99999), "10.60.4.66:%d" % R.randrange(33000, 60999),
              "LOG", "00000", "duration: %.3f ms  execute <unnamed>: select i1_0.id,i1_0.account_id,i1_0.amount_minor,i1_0.currency,i1_0.issued_at,i1_0.status from invoices i1_0 where i1_0.account_id=$1 order by i1_0.issued_at desc offset $2 rows fetch first $3 rows only" % R.uniform(250, 900),
              "parameters: $1 = '%s', $2 = '0', $3 = '20'" % R.pick(ACC_IDS), app="PostgreSQL JDBC Driver")
    # ---------------- vault-agent in report-svc
    t = T0 + 12
    while t < SEALED:
        agent_log(t, "INFO", "agent.auth.handler: renewed auth token")
        t += 300 + R.random()
    for rt in (ts_of(2025, 6, 3, 9, 5, 55), ts_of(2025, 6, 3, 9, 12, 31), ts_of(2025, 6, 3, 9, 20, 55)):
        agent_log(rt, "INFO", "agent: (runner) rendered \"(dynamic)\" => \"/vault/secrets/aws-credentials\"")
        if rt == ts_of(2025, 6, 3, 9, 12, 31):
            agent_log(rt - 0.3, "INFO", "agent.auth.handler: authentication successful, sending token to sinks")
            agent_log(rt + 0.1, "INFO", "agent: (runner) rendered \"(dynamic)\" => \"/vault/secrets/database.yml\"")
    agent_log(SEALED + 11.8, "ERROR", "agent.auth.handler: error renewing token: error=\"Error making API request.\n\nURL: PUT https://vault.vault.svc:8200/v1/auth/token/renew-self\nCode: 503. Errors:\n\n* Vault is sealed\"")
    t = SEALED + 11.9
    back = 1.0
    while t < T1:
        agent_log(t, "ERROR", "agent.auth.handler: error authenticating:\n  error=\n  | Error making API request.\n  | \n  | URL: PUT https://vault.vault.svc:8200/v1/auth/kubernetes/login\n  | Code: 503. Errors:\n  | \n  | * Vault is sealed\n   backoff=%.1fs" % back)
        t += back
        back = min(300.0, back * 1.5 + R.random())
    agent_log(AWS_EXPIRE - 150, "WARN", "agent: (runner) watching 1 dependencies, lease for aws/creds/report-exporter expires in 2m30s and cannot be renewed")
    # report-svc old pod/new pod deploy (red herring)
    dep = ts_of(2025, 6, 3, 9, 12, 20)
    rails(dep - 10, "INFO", "=> Booting Puma")
    add("logs/report-svc/%s/rails.log" % REPORT[0], dep - 9.9, "I, [%s #1]  INFO -- : Puma starting in single mode...\n* Puma version: 6.4.2 (ruby 3.3.1-p55) (\"The Eagle of Durango\")\n*  Min threads: 5\n*  Max threads: 5\n*  Environment: production\n*          PID: 1\n* Listening on http://0.0.0.0:3000\nUse Ctrl-C to stop" % strf(dep - 9.9, "%Y-%m-%dT%H:%M:%S.{us}", CDT))
    add("logs/report-svc/%s/rails.log" % REPORT[0], dep - 9.5, "I, [%s #1]  INFO -- : report-svc 5.14.2 (rev 3b7c2d1) booted" % strf(dep - 9.5, "%Y-%m-%dT%H:%M:%S.{us}", CDT))
    add("logs/report-svc/%s/rails.log" % REPORT_OLD[0], dep + 2, "I, [%s #1]  INFO -- : - Gracefully stopping, waiting for requests to finish" % strf(dep + 2, "%Y-%m-%dT%H:%M:%S.{us}", CDT))
    # notifier
    t = T0 + 1
    while t < T1:
        r = R.random()
        if r < 0.7:
            notifier(t, "info", "push sent", platform=R.pick(["apns", "fcm"]), device=R.hexid(12), latency_ms=R.randrange(30, 400), caller="push/sender.go:88")
        elif r < 0.9:
            notifier(t, "warn", "apns rejected device token", status=400, reason="BadDeviceToken", device=R.hexid(12))
        else:
            notifier(t, "warn", "apns rejected device token", status=410, reason="Unregistered", device=R.hexid(12))
        t += R.expovariate(1 / 2.2)


if __name__ == "__main__":
    main()
