#!/usr/bin/env python3
"""Generator for incident case e04-tls-missing-intermediate (standard library only, deterministic)."""
SEED = 4404
import os, json, gzip, shutil, random, math
from datetime import datetime, timezone, timedelta

# The set's shared helpers (output sink, time formats, random shapes), kept once in e_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "e_common.py")).read())

# ======================================================================== case
# e04: account-registry's renewed serving certificate is deployed without the intermediate CA.

T_BEGIN = ep(2025, 7, 22, 10, 0, 0)
T_END = ep(2025, 7, 22, 10, 34, 0)
T_ISSUE = ep(2025, 7, 22, 10, 9, 44, 507)      # cert-manager issues the renewed certificate
T_RELOAD = ep(2025, 7, 22, 10, 10, 51, 312)    # kubelet syncs the secret, account-registry hot-reloads it
T_GWCFG = ep(2025, 7, 22, 10, 7, 2, 0)         # red herring: gateway rate-limit config reload
T_FIX = ep(2025, 7, 22, 10, 27, 33, 880)       # secret patched with full chain, reloaded

PODS = {}
PODIP = {}


def mk(svc, n, rs):
    PODS[svc] = [podname(svc, rs) for _ in range(n)]
    for p in PODS[svc]:
        PODIP[p] = ip()


for s_, n_, rs_ in (("partner-gateway", 2, "7d8c9b6f5"), ("payout-api", 3, "6c9f8d7b5"), ("balance-api", 2, "58b7d6c9f"),
                    ("statement-service", 2, "7f5c8b9d6"), ("risk-engine", 2, "6b8d5f7c9"), ("fx-rates", 1, "5d7b9c8f6"),
                    ("ledger-writer", 2, "84c6d9b7f"), ("doc-renderer", 1, "6f9d8b5c7"), ("account-registry", 2, "5c8b7f9d6"),
                    ("cert-manager", 1, "7b9c6d5f8")):
    mk(s_, n_, rs_)

AR_HOST = "account-registry.core.svc.cluster.local:8443"


# ------------------------------------------------------------------ OTLP (collector file exporter)
OTEL = []   # (t_observed, svc, pod, scope, t, sevnum, sevtext, body, attrs, trace, span)
SEV = {"DEBUG": 5, "INFO": 9, "WARN": 13, "ERROR": 17}


def otel(pod, t, sev, scope, body, attrs=None, trace=None):
    OTEL.append((t + lat(0.35, 0.6), pod.rsplit("-", 2)[0], pod, scope, t, SEV[sev], sev, body, attrs or {}, trace or hexid(32), hexid(16)))


def av(v):
    if isinstance(v, bool):
        return {"boolValue": v}
    if isinstance(v, int):
        return {"intValue": str(v)}
    if isinstance(v, float):
        return {"doubleValue": v}
    return {"stringValue": str(v)}


SDK = {"partner-gateway": ("java", "1.38.0"), "payout-api": ("java", "1.38.0"), "balance-api": ("go", "1.27.0"),
       "risk-engine": ("rust", "0.23.0"), "doc-renderer": ("go", "1.27.0")}


def flush_otel():
    OTEL.sort(key=lambda r: (r[0], r[4]))
    i = 0
    n = len(OTEL)
    while i < n:
        # batch processor: flush every 1s window of observed time, max 512 records
        w_end = math.floor(OTEL[i][0]) + 1.0
        j = i
        while j < n and OTEL[j][0] < w_end and j - i < 512:
            j += 1
        batch = OTEL[i:j]
        res = {}
        order = []
        for r in batch:
            key = (r[2], r[3])
            if key not in res:
                res[key] = []
                order.append(key)
            res[key].append(r)
        rls = []
        for (pod, scope) in order:
            svc = pod.rsplit("-", 2)[0]
            lang, ver = SDK[svc]
            recs = []
            for r in res[(pod, scope)]:
                rec = {"timeUnixNano": str(int(round(r[4] * 1e6)) * 1000), "observedTimeUnixNano": str(int(round(r[0] * 1e6)) * 1000),
                       "severityNumber": r[5], "severityText": r[6], "body": {"stringValue": r[7]},
                       "attributes": [{"key": k, "value": av(v)} for k, v in r[8].items()],
                       "traceId": r[9], "spanId": r[10]}
                if not r[8]:
                    del rec["attributes"]
                recs.append(rec)
            rls.append({"resource": {"attributes": [
                {"key": "service.name", "value": {"stringValue": svc}},
                {"key": "service.namespace", "value": {"stringValue": "payouts" if svc != "partner-gateway" else "edge"}},
                {"key": "k8s.pod.name", "value": {"stringValue": pod}},
                {"key": "k8s.namespace.name", "value": {"stringValue": "payouts" if svc != "partner-gateway" else "edge"}},
                {"key": "telemetry.sdk.language", "value": {"stringValue": lang}},
                {"key": "telemetry.sdk.version", "value": {"stringValue": ver}}]},
                "scopeLogs": [{"scope": {"name": scope}, "logRecords": recs}]})
        hour = dt(batch[0][0]).strftime("%Y-%m-%dT%H")
        part = int((batch[0][0] - T_BEGIN) // 900)
        emit("otel-collector/otlp-logs-%02d.json.gz" % part, batch[0][0], json.dumps({"resourceLogs": rls}, separators=(",", ":")))
        i = j


# ------------------------------------------------------------------ other formatters
def golog(pod, t, msg):
    emit("core/%s.log" % pod, t, "%s %s" % (dt(t).strftime("%Y/%m/%d %H:%M:%S"), msg))


def klog(pod, t, sev, src, msg):
    d = dt(t)
    emit("kube-system/%s.log" % pod, t, "%s%s %s.%06d       1 %s] %s" % (sev, d.strftime("%m%d"), d.strftime("%H:%M:%S"), d.microsecond, src, msg))


def winston(pod, t, level, msg, **kv):
    d = {"level": level, "message": msg}
    d.update(kv)
    d["service"] = "statement-service"
    d["timestamp"] = iso_ms(t)
    emit("payouts/%s.log" % pod, t, json.dumps(d, separators=(",", ":")))


def zconsole(pod, t, lvl, msg, **kv):
    emit("payouts/%s.log" % pod, t, "%s %s %s %s" % (iso_s(t), lvl, msg, " ".join("%s=%s" % (k, v) for k, v in kv.items())))


def akka(pod, t, level, src, msg):
    d = dt(t)
    emit("payouts/%s.log" % pod, t, "[%s] [%s] [ledger-akka.actor.default-dispatcher-%d] [%s] %s" % (
        level, d.strftime("%m/%d/%Y %H:%M:%S.") + "%03d" % (d.microsecond // 1000), R.randint(3, 12), src, msg))


# ------------------------------------------------------------------ TLS state of account-registry
def bad_chain(t):
    return T_RELOAD <= t < T_FIX


LAST_CONN = {}   # (client pod) -> time its pooled connection to account-registry was (re)established


def needs_new_conn(cpod, t, idle):
    last = LAST_CONN.get(cpod)
    LAST_CONN[cpod] = t
    if last is None:
        return True
    # pooled keep-alive connection reused unless idle for longer than `idle` or randomly recycled
    return (t - last) > idle or R.random() < 0.08


HS_ERR = {"java": "remote error: tls: unknown certificate", "go": "remote error: tls: bad certificate",
          "rust": "remote error: tls: unknown certificate authority"}


def registry(t, cpod, lang, method, path, idle=30.0):
    """returns (ok, ms, errtext)"""
    apod = R.choice(PODS["account-registry"])
    new = needs_new_conn(cpod, t, idle)
    if bad_chain(t) and (new or t - T_RELOAD > 150):
        # after ~2.5 min every pooled connection has been recycled at least once
        golog(apod, t + 0.004, "http: TLS handshake error from %s:%d: %s" % (PODIP[cpod], R.randint(32768, 60999), HS_ERR[lang]))
        LAST_CONN.pop(cpod, None)
        return False, lat(4, 0.3)
    ms = lat(5, 0.4)
    golog(apod, t + ms / 1000.0, "access: %s %s %d %.1fms client=%s" % (method, path, 200 if R.random() > 0.01 else 404, ms, cpod.rsplit("-", 2)[0]))
    return True, ms


JAVA_PKIX = ("javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target\n"
             "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)\n"
             "\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:378)\n"
             "\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1302)\n"
             "\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.onConsumeCertificate(CertificateMessage.java:1195)\n"
             "\tat java.base/sun.security.ssl.SSLHandshake.consume(SSLHandshake.java:396)\n"
             "\tat java.base/sun.security.ssl.SSLSocketImpl.startHandshake(SSLSocketImpl.java:451)\n"
             "\tat java.net.http/jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:931)\n"
             "\tat com.fintech.payout.registry.RegistryClient.verifyBeneficiary(RegistryClient.java:88)\n"
             "\tat com.fintech.payout.PayoutService.create(PayoutService.java:141)\n"
             "Caused by: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target\n"
             "\tat java.base/sun.security.validator.PKIXValidator.doBuild(PKIXValidator.java:439)\n"
             "\t... 24 more\n"
             "Caused by: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target\n"
             "\tat java.base/sun.security.provider.certpath.SunCertPathBuilder.build(SunCertPathBuilder.java:148)\n"
             "\t... 29 more")

# ------------------------------------------------------------------ services
BREAK = {p: Breaker(threshold=8, cooldown=20.0) for p in PODS["payout-api"]}


def risk(t, trace, amount):
    pod = R.choice(PODS["risk-engine"])
    ms = lat(11, 0.4)
    otel(pod, t + ms / 1000.0, "INFO", "risk_engine::score", "scored payout amount=%.2f score=%.3f decision=%s" % (amount, R.random() * 0.3, "allow"), {"duration_ms": round(ms, 2)}, trace)
    return ms


def fx(t, cur):
    pod = PODS["fx-rates"][0]
    ms = lat(3, 0.3)
    zconsole(pod, t + ms / 1000.0, "INF", "rate served", pair="EUR%s" % cur, source="cache", age_s=R.randint(1, 59))
    return ms


def ledger(t, payout):
    pod = R.choice(PODS["ledger-writer"])
    ms = lat(9, 0.3)
    akka(pod, t + ms / 1000.0, "INFO", "akka://ledger/user/journal-writer", "appended entry payout=%s seq=%d" % (payout, R.randint(10 ** 8, 10 ** 9)))
    return ms


def payout(t, trace, partner):
    pod = R.choice(PODS["payout-api"])
    pid = "po_" + hexid(16)
    acc = "ACC-%08d" % R.randint(10 ** 7, 10 ** 8 - 1)
    amount = R.randint(1000, 500000) / 100.0
    ms = lat(6, 0.3)
    br = BREAK[pod]
    for attempt in (1, 2, 3):
        ok_, tr = br.allow(t + ms / 1000.0)
        if not ok_:
            otel(pod, t + ms / 1000.0, "ERROR", "com.fintech.payout.PayoutService", "payout %s rejected: CircuitBreaker 'accountRegistry' is OPEN and does not permit further calls" % pid,
                 {"exception.type": "io.github.resilience4j.circuitbreaker.CallNotPermittedException", "payout.id": pid, "partner": partner}, trace)
            return 503, ms + 1
        okr, m = registry(t + ms / 1000.0, pod, "java", "GET", "/v2/accounts/%s/verify" % acc, idle=30.0)
        ms += m
        trn = br.record(t + ms / 1000.0, okr)
        if trn:
            otel(pod, t + ms / 1000.0, "WARN" if trn == "open" else "INFO", "io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine",
                 "CircuitBreaker 'accountRegistry' changed state from %s to %s" % ({"open": "CLOSED", "closed": "HALF_OPEN"}[trn], trn.upper()), {}, trace)
        if okr:
            break
        otel(pod, t + ms / 1000.0, "WARN" if attempt < 3 else "ERROR", "com.fintech.payout.registry.RegistryClient",
             "beneficiary verification failed for %s (attempt %d/3): https://%s/v2/accounts/%s/verify" % (acc, attempt, AR_HOST, acc),
             {"exception.type": "javax.net.ssl.SSLHandshakeException",
              "exception.message": "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
              "exception.stacktrace": JAVA_PKIX, "payout.id": pid}, trace)
        ms += 50 * attempt
    else:
        return 502, ms
    ms += risk(t + ms / 1000.0, trace, amount)
    cur = R.choice(["GBP", "USD", "PLN", "SEK", "CHF"])
    ms += fx(t + ms / 1000.0, cur)
    ms += ledger(t + ms / 1000.0, pid)
    otel(pod, t + ms / 1000.0, "INFO", "com.fintech.payout.PayoutService", "payout %s accepted amount=%.2f EUR->%s beneficiary=%s" % (pid, amount, cur, acc),
         {"payout.id": pid, "partner": partner, "duration_ms": round(ms, 1)}, trace)
    return 201, ms


def balance(t, trace):
    pod = R.choice(PODS["balance-api"])
    acc = "ACC-%08d" % R.randint(10 ** 7, 10 ** 8 - 1)
    ms = lat(4, 0.3)
    okr, m = registry(t + ms / 1000.0, pod, "go", "GET", "/v2/accounts/%s" % acc, idle=90.0)
    ms += m
    if not okr:
        otel(pod, t + ms / 1000.0, "ERROR", "balance-api/internal/registry", "registry lookup failed",
             {"error": 'Get "https://%s/v2/accounts/%s": tls: failed to verify certificate: x509: certificate signed by unknown authority '
                       '(possibly because of "x509: ECDSA verification failure" while trying to verify candidate authority certificate "Fintech Internal Issuing CA G2")' % (AR_HOST, acc),
              "account": acc}, trace)
        return 503, ms
    ms += lat(7, 0.4)
    otel(pod, t + ms / 1000.0, "INFO", "balance-api/internal/http", "GET /v1/balances/%s 200" % acc, {"http.status_code": 200, "duration_ms": round(ms, 2)}, trace)
    return 200, ms


def statement(t, trace):
    pod = R.choice(PODS["statement-service"])
    acc = "ACC-%08d" % R.randint(10 ** 7, 10 ** 8 - 1)
    ms = lat(5, 0.3)
    # node's CA bundle (NODE_EXTRA_CA_CERTS) ships root AND intermediates -> unaffected
    apod = R.choice(PODS["account-registry"])
    m = lat(5, 0.4)
    golog(apod, t + (ms + m) / 1000.0, "access: GET /v2/accounts/%s 200 %.1fms client=statement-service" % (acc, m))
    ms += m
    dr = PODS["doc-renderer"][0]
    m2 = lat(120, 0.4)
    otel(dr, t + (ms + m2) / 1000.0, "INFO", "doc-renderer/render", "rendered statement pdf pages=%d" % R.randint(1, 9), {"duration_ms": round(m2, 1)}, trace)
    ms += m2
    winston(pod, t + ms / 1000.0, "info", "statement generated", account=acc, month="2025-06", durationMs=int(ms))
    return 200, ms


def gateway(t):
    pod = R.choice(PODS["partner-gateway"])
    trace = hexid(32)
    partner = R.choice(["acme-pay", "acme-pay", "northwind", "globex", "initech", "umbrella-fin"])
    r = wchoice([("payout", 30), ("balance", 45), ("statement", 12), ("status", 13)])
    if r == "payout":
        st, ms = payout(t + 0.002, trace, partner)
        route, path, method = "payouts", "/partner/v1/payouts", "POST"
    elif r == "balance":
        st, ms = balance(t + 0.002, trace)
        route, path, method = "balances", "/partner/v1/balances/%s" % hexid(8), "GET"
    elif r == "statement":
        st, ms = statement(t + 0.002, trace)
        route, path, method = "statements", "/partner/v1/statements/2025-06", "GET"
    else:
        # payout status from the gateway's cache
        st, ms, route, path, method = 200, lat(2, 0.3), "payouts", "/partner/v1/payouts/po_%s" % hexid(16), "GET"
    otel(pod, t + (ms + 1.5) / 1000.0, "INFO" if st < 500 else "WARN", "reactor.netty.http.server.AccessLog",
         '%s - %s [%s] "%s %s HTTP/1.1" %d %d %d' % (client_ip(), partner, clf(t), method, path, st, R.randint(90, 4000), int(ms + 1.5)),
         {"http.route": route, "http.status_code": st, "partner.id": partner}, trace)


def rate(t):
    return 4.2 + 0.8 * math.sin((t - T_BEGIN) / 800.0)


for t in arrivals(T_BEGIN, T_END, rate):
    gateway(t)

# ------------------------------------------------------------------ account-registry own lifecycle lines
for k, pod in enumerate(PODS["account-registry"]):
    golog(pod, T_BEGIN + 12.0 + k, "cache: warmed 1893321 accounts in 4.2s")
    tr = T_RELOAD + k * 0.41
    golog(pod, tr, "tls: certificate file changed (/etc/tls/tls.crt), reloading")
    golog(pod, tr + 0.002, "tls: loaded certificate serial=4f:1a:9c:22:de:07:51:8b subject=\"CN=account-registry.core.svc\" issuer=\"CN=Fintech Internal Issuing CA G3\" notAfter=2025-10-20T10:09:44Z chain=1")
    tf = T_FIX + k * 0.37
    golog(pod, tf, "tls: certificate file changed (/etc/tls/tls.crt), reloading")
    golog(pod, tf + 0.002, "tls: loaded certificate serial=4f:1a:9c:22:de:07:51:8b subject=\"CN=account-registry.core.svc\" issuer=\"CN=Fintech Internal Issuing CA G3\" notAfter=2025-10-20T10:09:44Z chain=2")

# ------------------------------------------------------------------ cert-manager
cm = PODS["cert-manager"][0]
klog(cm, T_BEGIN + 301.2, "I", "trigger_controller.go:215", '"Certificate must be re-issued" logger="cert-manager.certificates-trigger" key="edge/partner-gateway-public" reason="Renewing" message="Renewing certificate as renewal was scheduled at 2025-07-22 10:05:00 +0000 UTC"')
klog(cm, T_BEGIN + 301.3, "I", "conditions.go:203", 'Setting lastTransitionTime for Certificate "partner-gateway-public" condition "Issuing" to 2025-07-22 10:05:01.3 +0000 UTC m=+1912771.2')
klog(cm, T_BEGIN + 318.9, "I", "acme.go:233", '"certificate issued" logger="cert-manager.certificaterequests-issuer-acme.sign" resource_name="partner-gateway-public-41" resource_namespace="edge" resource_kind="CertificateRequest" resource_version="v1" related_resource_name="partner-gateway-public-41-2210512311" related_resource_namespace="edge" related_resource_kind="Order" related_resource_version="v1"')
klog(cm, T_BEGIN + 319.1, "I", "issuing_controller.go:288", '"Issued certificate" logger="cert-manager.certificates-issuing" key="edge/partner-gateway-public" resource_name="partner-gateway-public"')
b = T_ISSUE - 0.9
klog(cm, b, "I", "trigger_controller.go:215", '"Certificate must be re-issued" logger="cert-manager.certificates-trigger" key="core/account-registry-tls" reason="Renewing" message="Renewing certificate as renewal was scheduled at 2025-07-22 10:09:43 +0000 UTC"')
klog(cm, b + 0.1, "I", "conditions.go:203", 'Setting lastTransitionTime for Certificate "account-registry-tls" condition "Issuing" to 2025-07-22 10:09:43.7 +0000 UTC m=+1913053.6')
klog(cm, b + 0.3, "I", "conditions.go:263", 'Setting lastTransitionTime for CertificateRequest "account-registry-tls-19" condition "Approved" to 2025-07-22 10:09:43.9 +0000 UTC m=+1913053.8')
klog(cm, b + 0.5, "I", "ca.go:118", '"signed certificate" logger="cert-manager.certificaterequests-issuer-ca.sign" resource_name="account-registry-tls-19" resource_namespace="core" resource_kind="CertificateRequest" resource_version="v1" issuer="internal-ca-g3"')
klog(cm, T_ISSUE, "I", "issuing_controller.go:288", '"Issued certificate" logger="cert-manager.certificates-issuing" key="core/account-registry-tls" resource_name="account-registry-tls"')
klog(cm, T_FIX - 41.0, "I", "secret_manager.go:104", '"observed secret update not made by cert-manager" logger="cert-manager.certificates-issuing" key="core/account-registry-tls" secret="account-registry-tls" manager="kubectl-edit"')
t = T_BEGIN + R.random() * 40
while t < T_END:
    klog(cm, t, "I", "controller.go:162", '"re-queuing item due to optimistic locking on resource" logger="cert-manager.certificates-key-manager" key="%s" error="Operation cannot be fulfilled on certificates.cert-manager.io \\"%s\\": the object has been modified; please apply your changes to the latest version and try again"' % (
        (lambda c: ("%s/%s" % c, c[1]))(R.choice([("core", "ledger-writer-tls"), ("payouts", "payout-api-tls"), ("edge", "partner-gateway-internal")]))))
    t += lat(400, 0.4)

# ------------------------------------------------------------------ gateway config change (red herring) and fx-rates pre-existing errors
for pod in PODS["partner-gateway"]:
    otel(pod, T_GWCFG + R.random(), "INFO", "com.fintech.gateway.config.RateLimitConfigWatcher",
         "rate-limit configuration reloaded from configmap edge/partner-gateway-ratelimits (resourceVersion=88213417): acme-pay 200->120 rps, globex 80 rps, northwind 80 rps", {})
# a burst of 429s for acme-pay after the limit change
t = T_GWCFG + 20
while t < T_GWCFG + 240:
    pod = R.choice(PODS["partner-gateway"])
    otel(pod, t, "WARN", "reactor.netty.http.server.AccessLog",
         '%s - acme-pay [%s] "POST /partner/v1/payouts HTTP/1.1" 429 61 1' % (client_ip(), clf(t)), {"http.route": "payouts", "http.status_code": 429, "partner.id": "acme-pay"})
    t += lat(2.5, 0.6)
fxp = PODS["fx-rates"][0]
t = T_BEGIN + 5
while t < T_END:
    if R.random() < 0.2:
        zconsole(fxp, t, "ERR", "upstream refresh failed", provider="openexchangerates", status=429, error="\"rate limit exceeded\"", retry_in="60s")
    else:
        zconsole(fxp, t, "INF", "rates refreshed", provider="openexchangerates", pairs=168, took_ms=R.randint(80, 400))
    t += 60
for pod in PODS["ledger-writer"]:
    t = T_BEGIN + R.random() * 30
    while t < T_END:
        akka(pod, t, "INFO", "akka://ledger/user/snapshotter", "snapshot written seqNr=%d size=%dKiB" % (R.randint(10 ** 8, 10 ** 9), R.randint(200, 900)))
        t += 120

# risk-engine background refresh of account ages (rustls, trusts only the root CA)
for pod in PODS["risk-engine"]:
    t = T_BEGIN + R.random() * 30
    while t < T_END:
        okr, m = registry(t, pod, "rust", "GET", "/v2/accounts/changes?since=%d" % int(t - 30), idle=10.0)
        if okr:
            otel(pod, t + m / 1000.0, "INFO", "risk_engine::account_age", "account-age cache refreshed changed=%d" % R.randint(0, 40), {})
        else:
            otel(pod, t + m / 1000.0, "WARN", "risk_engine::account_age",
                 "account-age refresh failed, serving stale cache: error sending request for url (https://%s/v2/accounts/changes?since=%d): client error (Connect): invalid peer certificate: UnknownIssuer" % (AR_HOST, int(t - 30)),
                 {"cache_age_s": int(t - T_RELOAD) if bad_chain(t) else 30})
        t += 30

flush_otel()
n = write_all()
print("e04 lines:", n)
