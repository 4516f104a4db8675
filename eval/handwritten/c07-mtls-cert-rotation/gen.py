#!/usr/bin/env python3
"""c07: cert-manager re-issues ledger-service's serving cert from a new CA (issuerRef changed by an Argo CD sync);
callers' Envoy sidecars only trust the old CA -> new mTLS handshakes to ledger fail (CERTIFICATE_VERIFY_FAILED) while
pooled connections keep working until recycled. Folder per pod with generic names (envoy.log, app.log).
Formats: Envoy access + app logs, .NET Serilog compact JSON, Rust tracing, Go slog text/JSON, cert-manager klog, Argo CD logrus."""
import datetime as dt, json, os, random, shutil, itertools, uuid

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "logs")
R = random.Random(7707)
BASE = dt.datetime(2026, 10, 14, 9, 0, 0, tzinfo=dt.timezone.utc)
END = 1560.0
SEQ = itertools.count()
FILES = {}
def T(s): return BASE + dt.timedelta(microseconds=int(round(s * 1e6)))
def emit(f, s, text): FILES.setdefault(f, []).append((s, next(SEQ), text))
def hexid(n): return "".join(R.choice("0123456789abcdef") for _ in range(n))
def uid(): return str(uuid.UUID(int=R.getrandbits(128), version=4))
def z3(s): t = T(s); return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
def z6(s): t = T(s); return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % t.microsecond
def z7(s): t = T(s); return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%dZ" % (t.microsecond, R.randint(0, 9))

BILLING_SYNC = 490.3       # 09:08:10 Argo CD syncs billing-service 3.4.1 -> 3.4.2 (red herring)
LEDGER_SYNC = 838.1        # 09:13:58 Argo CD auto-sync ledger-service: Certificate issuerRef -> internal-ca-2026
ISSUED = 841.6             # cert-manager issues the new cert
ROTATE = 871.9             # 09:14:31.9 ledger's Envoy loads the new cert via file SDS (kubelet secret refresh)
ROLLBACK_SYNC = 1300.4     # 09:21:40 on-call rolls back in Argo CD
REISSUED = 1304.2
RESTORE = 1340.6           # 09:22:20.6 ledger Envoy loads a 2024-CA cert again
def bad(s): return ROTATE <= s < RESTORE

LEDGER_PODS = [("ledger-service-5c9f8d7b6-h7r2k", "10.4.2.17"), ("ledger-service-5c9f8d7b6-z4m8q", "10.4.3.22")]
BILL_OLD = [("billing-service-7b9d8c6f5-4kx2p", "10.4.1.33"), ("billing-service-7b9d8c6f5-9qz7m", "10.4.2.41")]
BILL_NEW = [("billing-service-6f8c7d9b4-l2v8n", "10.4.1.58"), ("billing-service-6f8c7d9b4-t5w3r", "10.4.3.19")]
BILL_SWITCH = [522.0, 551.0]
TAX = [("tax-service-6d5c8b7f9-p3n6x", "10.4.1.71")]
RECON = [("reconciliation-worker-7c8d9f6b5-k2j9w", "10.4.3.45")]
BFF = [("web-bff-58f7c6d9b-m4q7t", "10.4.1.12"), ("web-bff-58f7c6d9b-x8w2c", "10.4.2.9")]
CM = "cert-manager-5d7f8b9c6-wq4hz"
ARGO = "argocd-application-controller-0"

def billing_pod(s):
    c = [BILL_NEW[i] for i in range(2) if s >= BILL_SWITCH[i]] + [BILL_OLD[i] for i in range(2) if s < BILL_SWITCH[i]]
    return R.choice(c)

# ---------------------------------------------------------------- envoy helpers
TLS_VERIFY = "TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end"
def envoy_access(pod, s_start, dur, method, path, code, flags, details, tfr, rx, tx, ust, ua, rid, authority, uhost, cluster, ulocal, dlocal, dremote, sni="-"):
    line = (f'[{z3(s_start)}] "{method} {path} HTTP/1.1" {code} {flags} {details} - "{tfr}" {rx} {tx} {int(dur * 1000)} {ust} "-" "{ua}" "{rid}" "{authority}" '
            f'"{uhost}" {cluster} {ulocal} {dlocal} {dremote} {sni} default')
    emit(f"{pod}/envoy.log", s_start + dur, line)
def envoy_app(pod, s, level, comp, src, msg):
    t = T(s)
    emit(f"{pod}/envoy.log", s, t.strftime("[%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000) + f"][1][{level}][{comp}] [{src}] {msg}")

# pooled upstream connections from each client sidecar to ledger (max_requests_per_connection 100)
class Pool:
    def __init__(self, n): self.conns = [R.randint(1, 30) for _ in range(n)]
    def take(self, s):
        """returns True if an existing (pre-rotation or good) connection served it, False if a new handshake was needed"""
        for i, left in enumerate(self.conns):
            if left > 0:
                self.conns[i] -= 1
                return True
        return False
    def new_ok(self): self.conns.append(100)
POOLS = {}
def ledger_call(client_pod, client_ip, s, method, path, ua, rid):
    """client sidecar -> ledger sidecar. returns (ok, end_time, code)"""
    pool = POOLS.setdefault(client_pod, Pool(R.randint(2, 4)))
    lp, lip = R.choice(LEDGER_PODS)
    if bad(s) and not pool.take(s):
        # new connection needed: handshake fails; Envoy retries twice (connect-failure), 25ms+ backoff
        d = 0.0
        for attempt in range(3):
            d += R.uniform(0.003, 0.009)
            lp2, lip2 = R.choice(LEDGER_PODS)
            if R.random() < 0.15:   # listener access log has a 15% runtime_filter for handshake failures
                emit(f"{lp2}/envoy.log", s + d, f'[{z3(s + d)}] "- - -" 0 - - - "-" 0 0 {R.randint(1, 6)} - "-" "-" "-" "-" "-" inbound_mtls - {lip2}:8443 {client_ip}:{R.randint(32000, 60999)} ledger-service.finance.svc - TLS_error:|268435576:SSL routines:OPENSSL_internal:TLSV1_ALERT_UNKNOWN_CA:TLS_error_end')
            if attempt < 2: d += R.uniform(0.025, 0.06)
        envoy_access(client_pod, s, d, method, path, 503, "UF", f"upstream_reset_before_response_started{{remote_connection_failure|{TLS_VERIFY.replace(' ', '_')}}}", TLS_VERIFY,
                     R.randint(200, 700) if method == "POST" else 0, 190, "-", ua, rid, "ledger-service.finance.svc:8443", f"{lip}:8443", "ledger_mtls", "-", "127.0.0.1:15001", f"127.0.0.1:{R.randint(40000, 60000)}")
        return False, s + d, 503
    if not bad(s) and not pool.take(s): pool.new_ok()
    proc = R.uniform(0.004, 0.03)
    lat = proc + R.uniform(0.001, 0.003)
    code = 201 if method == "POST" else 200
    # ledger inbound sidecar + app
    envoy_access(lp, s + 0.0008, proc + 0.0004, method, path, code, "-", "via_upstream", "-", R.randint(200, 700) if method == "POST" else 0, R.randint(120, 900), int(proc * 1000), ua, rid,
                 "ledger-service.finance.svc:8443", "127.0.0.1:8080", "local_app", "127.0.0.1:39112", f"{lip}:8443", f"{client_ip}:{R.randint(32000, 60999)}", sni="ledger-service.finance.svc")
    emit(f"{lp}/app.log", s + 0.0008 + proc, f"{z6(s + 0.0008 + proc)}  INFO request{{method={method} path={path} request_id={rid}}}: ledger::http: request completed status={code} latency_ms={int(proc * 1000)}")
    envoy_access(client_pod, s, lat, method, path, code, "-", "via_upstream", "-", R.randint(200, 700) if method == "POST" else 0, R.randint(120, 900), int(proc * 1000) + 1, ua, rid,
                 "ledger-service.finance.svc:8443", f"{lip}:8443", "ledger_mtls", f"{client_ip}:{R.randint(32000, 60999)}", "127.0.0.1:15001", f"127.0.0.1:{R.randint(40000, 60000)}")
    return True, s + lat, code

def tax_call(client_pod, client_ip, s, ua, rid):
    tp, tip = TAX[0]
    proc = R.uniform(0.002, 0.012)
    envoy_access(tp, s + 0.0007, proc + 0.0003, "GET", "/v1/rates?country=DE", 200, "-", "via_upstream", "-", 0, R.randint(300, 500), int(proc * 1000), ua, rid,
                 "tax-service.finance.svc:8443", "127.0.0.1:8080", "local_app", "127.0.0.1:39110", f"{tip}:8443", f"{client_ip}:{R.randint(32000, 60999)}", sni="tax-service.finance.svc")
    emit(f"{tp}/app.log", s + 0.0007 + proc, json.dumps({"time": z3(s + 0.0007 + proc), "level": "INFO", "msg": "rates served", "country": "DE", "request_id": rid, "duration_ms": round(proc * 1000, 2)}, separators=(",", ":")))
    envoy_access(client_pod, s, proc + 0.002, "GET", "/v1/rates?country=DE", 200, "-", "via_upstream", "-", 0, R.randint(300, 500), int(proc * 1000) + 1, ua, rid,
                 "tax-service.finance.svc:8443", f"{tip}:8443", "tax_mtls", f"{client_ip}:{R.randint(32000, 60999)}", "127.0.0.1:15001", f"127.0.0.1:{R.randint(40000, 60000)}")
    return s + proc + 0.002

def serilog(pod, s, mt, level=None, x=None, **props):
    d = {"@t": z7(s), "@mt": mt}
    if level: d["@l"] = level
    if x: d["@x"] = x
    d.update(props); d.setdefault("Application", "billing-service"); d.setdefault("MachineName", pod)
    emit(f"{pod}/app.log", s, json.dumps(d, separators=(",", ":")))

X503 = ("System.Net.Http.HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable).\n"
        "   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n"
        "   at Finance.Billing.Ledger.LedgerClient.PostEntryAsync(LedgerEntry entry, CancellationToken ct) in /src/Finance.Billing/Ledger/LedgerClient.cs:line 64\n"
        "   at Polly.AsyncPolicy`1.ExecuteAsync(Func`3 action, Context context, CancellationToken cancellationToken, Boolean continueOnCapturedContext)\n"
        "   at Finance.Billing.Invoices.PayInvoiceHandler.Handle(PayInvoice command, CancellationToken ct) in /src/Finance.Billing/Invoices/PayInvoiceHandler.cs:line 91")

def bff(pod, s, level, msg, **kv):
    d = {"time": z3(s), "level": level, "msg": msg}; d.update(kv)
    emit(f"{pod}/app.log", s, json.dumps(d, separators=(",", ":")))

# ---------------------------------------------------------------- user traffic: web-bff -> billing-service
t = 0.0
while t < END:
    t += R.expovariate(1.65)
    if t >= END: break
    bp, bip = R.choice(BFF); rid = uid(); trace = hexid(32)
    bl, blip = billing_pod(t)
    ver = "3.4.2" if bl in [p for p, _ in BILL_NEW] else "3.4.1"
    ua = f"billing-service/{ver}"
    if R.random() < 0.42:   # pay invoice
        inv = f"INV-{R.randint(2026000000, 2026999999)}"
        path = f"/v1/invoices/{inv}/pay"
        a = t + 0.002 + R.uniform(0.0005, 0.0015)
        serilog(bl, a, "Paying invoice {InvoiceId} amount {Amount} {Currency}", InvoiceId=inv, Amount=round(R.uniform(20, 4000), 2), Currency="EUR",
                SourceContext="Finance.Billing.Invoices.PayInvoiceHandler", TraceId=trace, RequestId=rid)
        a = tax_call(bl, blip, a + 0.001, ua, rid) + 0.001
        attempt = 0; ok = False
        while attempt < 4:
            attempt += 1
            serilog(bl, a, "Start processing HTTP request {HttpMethod} {Uri}", HttpMethod="POST", Uri="http://localhost:15001/v1/entries", SourceContext="System.Net.Http.HttpClient.ledger.LogicalHandler", TraceId=trace)
            ok, end, code = ledger_call(bl, blip, a + 0.0005, "POST", "/v1/entries", ua, rid)
            serilog(bl, end + 0.0004, "End processing HTTP request after {ElapsedMilliseconds}ms - {StatusCode}", None,
                    ElapsedMilliseconds=round((end + 0.0004 - a) * 1000, 4), StatusCode=code, SourceContext="System.Net.Http.HttpClient.ledger.LogicalHandler", TraceId=trace)
            if ok: a = end + 0.001; break
            if attempt < 4:
                delay = 0.2 * 2 ** (attempt - 1)
                serilog(bl, end + 0.001, "Ledger request failed with {StatusCode}, retry {RetryAttempt} of 3 in {DelayMs} ms", "Warning", StatusCode=503, RetryAttempt=attempt,
                        DelayMs=int(delay * 1000), SourceContext="Finance.Billing.Ledger.LedgerClient", TraceId=trace)
                a = end + delay
            else:
                a = end + 0.001
        if ok:
            serilog(bl, a + 0.002, "Invoice {InvoiceId} paid, ledger entry posted", InvoiceId=inv, SourceContext="Finance.Billing.Invoices.PayInvoiceHandler", TraceId=trace)
            code, lvl = 200, None
        else:
            serilog(bl, a, "Failed to post ledger entry for invoice {InvoiceId}", "Error", X503, InvoiceId=inv, SourceContext="Finance.Billing.Invoices.PayInvoiceHandler", TraceId=trace)
            code = 502
        el = a + 0.003 - (t + 0.002)
        serilog(bl, a + 0.003, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms", "Error" if code >= 500 else None,
                RequestMethod="POST", RequestPath=path, StatusCode=code, Elapsed=round(el * 1000, 4), SourceContext="Serilog.AspNetCore.RequestLoggingMiddleware", TraceId=trace, RequestId=rid)
        # billing inbound sidecar
        envoy_access(bl, t + 0.0015, el + 0.0008, "POST", path, code, "-", "via_upstream", "-", R.randint(100, 300), R.randint(80, 400), int(el * 1000), "web-bff/2.9.0", rid,
                     "billing-service.finance.svc:8443", "127.0.0.1:8080", "local_app", "127.0.0.1:39120", f"{blip}:8443", f"{bip}:{R.randint(32000, 60999)}", sni="billing-service.finance.svc")
        dur = el + 0.004
        if code == 200:
            bff(bp, t + dur, "INFO", "request", method="POST", path=f"/api/invoices/{inv}/pay", status=200, duration_ms=round(dur * 1000, 1), request_id=rid, trace_id=trace)
        else:
            bff(bp, t + dur - 0.0005, "ERROR", "billing call failed", upstream="billing-service", url=f"https://billing-service.finance.svc:8443{path}", status=502, request_id=rid, trace_id=trace)
            bff(bp, t + dur, "ERROR", "request", method="POST", path=f"/api/invoices/{inv}/pay", status=502, duration_ms=round(dur * 1000, 1), request_id=rid, trace_id=trace)
    else:
        path = R.choice(["/v1/invoices?status=open", "/v1/invoices?status=paid&page=2", f"/v1/invoices/INV-{R.randint(2026000000, 2026999999)}", "/v1/customers/me/payment-methods"])
        d = R.uniform(0.006, 0.04)
        serilog(bl, t + 0.002 + d, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms", RequestMethod="GET", RequestPath=path, StatusCode=200,
                Elapsed=round(d * 1000, 4), SourceContext="Serilog.AspNetCore.RequestLoggingMiddleware", TraceId=trace, RequestId=rid)
        envoy_access(bl, t + 0.0015, d + 0.0008, "GET", path, 200, "-", "via_upstream", "-", 0, R.randint(400, 9000), int(d * 1000), "web-bff/2.9.0", rid,
                     "billing-service.finance.svc:8443", "127.0.0.1:8080", "local_app", "127.0.0.1:39120", f"{blip}:8443", f"{bip}:{R.randint(32000, 60999)}", sni="billing-service.finance.svc")
        bff(bp, t + d + 0.004, "INFO", "request", method="GET", path="/api" + path[3:], status=200, duration_ms=round((d + 0.004) * 1000, 1), request_id=rid, trace_id=trace)

# ---------------------------------------------------------------- reconciliation-worker: every 15s, 8 balance reads via its sidecar
rp, rip = RECON[0]
def slogt(pod, s, level, msg, **kv):
    parts = [f"time={z3(s)}", f"level={level}", "msg=" + (json.dumps(msg) if " " in msg else msg)]
    for k, v in kv.items():
        v = str(v); parts.append(f"{k}=" + (json.dumps(v) if (" " in v or '"' in v or "=" in v) else v))
    emit(f"{pod}/app.log", s, " ".join(parts))
s = R.uniform(0, 15)
while s < END:
    run = hexid(8); fails = 0; a = s
    slogt(rp, a, "INFO", "reconciliation run started", run_id=run, accounts=8)
    for k in range(8):
        acct = f"ACC-{R.randint(100000, 999999)}"
        ok, end, code = ledger_call(rp, rip, a + 0.001, "GET", f"/v1/balances/{acct}", "reconciliation-worker/1.7.3", uid())
        if not ok:
            fails += 1
            slogt(rp, end + 0.0005, "ERROR", "balance fetch failed", run_id=run, account=acct, url=f"http://127.0.0.1:15001/v1/balances/{acct}", upstream="ledger-service", status=503,
                  body="upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, transport failure reason: " + TLS_VERIFY)
        a = end + 0.002
    if fails:
        slogt(rp, a + 0.001, "WARN", "reconciliation run incomplete", run_id=run, failed=fails, next_retry="15s")
    else:
        slogt(rp, a + 0.001, "INFO", "reconciliation run finished", run_id=run, mismatches=0, duration_ms=round((a - s) * 1000, 1))
    s += 15.0

# ---------------------------------------------------------------- ledger app: health probes (plain HTTP on :8081, unaffected), snapshots
for lp, lip in LEDGER_PODS:
    s = R.uniform(0, 10)
    while s < END:
        emit(f"{lp}/app.log", s, f"{z6(s)} DEBUG ledger::health: probe ok path=/healthz db_pool_idle={R.randint(4, 10)}")
        s += 10
    s = R.uniform(0, 60)
    while s < END:
        emit(f"{lp}/app.log", s, f"{z6(s)}  INFO ledger::snapshot: balance snapshot written accounts={R.randint(180000, 182000)} took_ms={R.randint(300, 900)}")
        s += 60
    emit(f"{lp}/envoy.log", 0.5, T(0.5).strftime("[%Y-%m-%d %H:%M:%S.") + "512][1][info][main] [source/server/server.cc:932] all clusters initialized. initializing init manager")
    for when, ca in ((ROTATE, "internal-ca-2026"), (RESTORE, "internal-ca-2024")):
        w = when + (0 if lp == LEDGER_PODS[0][0] else R.uniform(0.4, 3.5))
        envoy_app(lp, w, "info", "config", "source/extensions/config_subscription/filesystem/filesystem_subscription_impl.cc:81",
                  "Filesystem config update accepted for /etc/envoy/sds/ledger-service-tls.yaml")
        envoy_app(lp, w + 0.0004, "info", "secret", "source/common/secret/sds_api.cc:127", "secret ledger-service-tls updated (tls_certificate)")
# billing / recon / tax sidecars: startup and the static validation context
for pod, ip in BILL_OLD + TAX + RECON + LEDGER_PODS:
    envoy_app(pod, 0.3 + R.uniform(0, 0.2), "info", "upstream", "source/common/upstream/cluster_manager_impl.cc:239", "cm init: all clusters initialized")
for i, (pod, ip) in enumerate(BILL_NEW):
    b = BILL_SWITCH[i] - 12
    envoy_app(pod, b, "info", "main", "source/server/server.cc:430", "initializing epoch 0 (base id=0, hot restart version=11.104)")
    envoy_app(pod, b + 0.2, "info", "upstream", "source/common/upstream/cluster_manager_impl.cc:239", "cm init: all clusters initialized")
    envoy_app(pod, b + 0.21, "info", "secret", "source/common/secret/sds_api.cc:127", "secret ca-bundle updated (validation_context: internal-ca-2024)")
    serilog(pod, b + 2.3, "Now listening on: {address}", address="http://[::]:8080", SourceContext="Microsoft.Hosting.Lifetime")
    serilog(pod, b + 2.31, "Application started. Press Ctrl+C to shut down.", SourceContext="Microsoft.Hosting.Lifetime")
    serilog(pod, b + 2.5, "Configuration value {Key} is deprecated; use {Replacement}", "Warning", Key="Ledger:TimeoutSeconds", Replacement="Ledger:Timeout", SourceContext="Finance.Billing.Startup")
    serilog(BILL_OLD[i][0], BILL_SWITCH[i] + 0.3, "Application is shutting down...", SourceContext="Microsoft.Hosting.Lifetime")
    envoy_app(BILL_OLD[i][0], BILL_SWITCH[i] + 0.4, "warning", "main", "source/server/server.cc:904", "caught SIGTERM")
# pre-existing noise: billing slow SQL warnings, web-bff 4xx, tax stale rate table
s = R.uniform(0, 40)
while s < END:
    bl, _ = billing_pod(s)
    serilog(bl, s, "Slow query {QueryName} took {ElapsedMs} ms", "Warning", QueryName="InvoicesByCustomer", ElapsedMs=R.randint(1200, 2600), SourceContext="Finance.Billing.Data.InvoiceRepository")
    s += R.uniform(30, 90)
s = R.uniform(0, 20)
while s < END:
    bp, _ = R.choice(BFF)
    bff(bp, s, "WARN", "request", method="GET", path=f"/api/invoices/INV-{R.randint(2026000000, 2026999999)}", status=404, duration_ms=round(R.uniform(5, 20), 1), request_id=uid(), trace_id=hexid(32))
    s += R.uniform(10, 30)
s = R.uniform(0, 50)
while s < END:
    emit(f"{TAX[0][0]}/app.log", s, json.dumps({"time": z3(s), "level": "ERROR", "msg": "rate table refresh failed, serving cached table", "source": "https://tax-feed.example-gov.eu/v2/rates.json", "error": "Get \"https://tax-feed.example-gov.eu/v2/rates.json\": x509: certificate has expired or is not yet valid: current time 2026-10-14T09:00:00Z is after 2026-10-01T00:00:00Z".replace("09:00:00", T(s).strftime("%H:%M:%S")), "cache_age": f"{13 * 24 + 9}h"}, separators=(",", ":")))
    s += R.uniform(55, 65)

# ---------------------------------------------------------------- cert-manager (klog)
def klog(s, sev, src, msg, **kv):
    t = T(s)
    kvs = "".join(f' {k}={json.dumps(v) if isinstance(v, str) else v}' for k, v in kv.items())
    emit(f"{CM}/controller.log", s, f"{sev}{t.strftime('%m%d %H:%M:%S.')}{t.microsecond:06d}       1 {src}] {json.dumps(msg)}{kvs}")
def issue(s, cert, issuer, reason, rev, secret):
    klog(s, "I", "trigger_controller.go:215", "cert-manager/certificates-trigger: Certificate must be re-issued", key=f"finance/{cert}", reason=reason,
         message=("Issuing certificate as Secret was previously issued by \"ClusterIssuer.cert-manager.io/" + ("internal-ca-2024" if issuer.endswith("2026") else "internal-ca-2026") + "\"") if reason == "IncorrectIssuer" else "Renewing certificate as renewal was scheduled at " + T(s - 0.5).strftime("%Y-%m-%d %H:%M:%S +0000 UTC"))
    klog(s + 0.002, "I", "conditions.go:203", "Setting lastTransitionTime for Certificate condition", certificate=f"finance/{cert}", condition="Issuing", lastTransitionTime=T(s).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + " +0000 UTC")
    klog(s + 0.41, "I", "conditions.go:263", "Setting lastTransitionTime for CertificateRequest condition", resource_name=f"{cert}-{rev}", resource_namespace="finance", resource_kind="CertificateRequest", resource_version="v1", type="Approved")
    klog(s + 0.43, "I", "conditions.go:263", "Setting lastTransitionTime for CertificateRequest condition", resource_name=f"{cert}-{rev}", resource_namespace="finance", resource_kind="CertificateRequest", resource_version="v1", type="Ready")
    klog(s + 0.44, "I", "sync.go:125", "cert-manager/certificaterequests-issuer-ca: certificate issued", resource_name=f"{cert}-{rev}", resource_namespace="finance", resource_kind="CertificateRequest", resource_version="v1", related_resource_name=issuer, related_resource_kind="ClusterIssuer")
    klog(s + 0.47, "I", "issuing_controller.go:316", "cert-manager/certificates-issuing: Issued certificate", key=f"finance/{cert}", resource_name=secret, resource_namespace="finance", resource_kind="Secret", resource_version="v1", serial=hexid(32).upper())
issue(312.4, "tax-service-tls", "internal-ca-2024", "Renewing", 41, "tax-service-tls")
issue(ISSUED, "ledger-service-tls", "internal-ca-2026", "IncorrectIssuer", 8, "ledger-service-tls")
issue(REISSUED, "ledger-service-tls", "internal-ca-2024", "IncorrectIssuer", 9, "ledger-service-tls")
s = R.uniform(0, 120)
while s < END:
    klog(s, "E", "controller.go:167", "cert-manager/challenges: re-queuing item due to error processing", err="error getting clusterissuer: clusterissuer.cert-manager.io \"letsencrypt-staging\" not found", key="sandbox/demo-web-tls-1-2901114512-3119866120")
    s += R.uniform(90, 180)

# ---------------------------------------------------------------- Argo CD application controller (logrus text)
def argo(s, level, msg, **kv):
    t = T(s)
    kvs = "".join(f" {k}={json.dumps(v) if (' ' in str(v) or '=' in str(v) or str(v) == '') else v}" for k, v in kv.items())
    emit(f"{ARGO}/app.log", s, f'time="{t.strftime("%Y-%m-%dT%H:%M:%SZ")}" level={level} msg={json.dumps(msg)}{kvs}')
def sync(s, app, rev, res, extra=None, rollback=False):
    argo(s, "info", f"Initiated automated sync to '{rev}'" if not rollback else f"Initiated sync to '{rev}' (rollback by user oncall@finance)", application=f"argocd/{app}", dest_namespace="finance", dest_server="https://kubernetes.default.svc", reason="OperationStarted", type="Normal")
    argo(s + 0.2, "info", "Updating operation state. phase: Running -> Running, message: 'one or more tasks are running'", application=f"argocd/{app}", syncId=f"{R.randint(10000, 99999)}-{hexid(5)}")
    for i, (kind, name, verb) in enumerate(res):
        argo(s + 0.5 + i * 0.05, "info", f"Applying resource {kind}/{name} in cluster: https://kubernetes.default.svc, namespace: finance", application=f"argocd/{app}")
        argo(s + 0.9 + i * 0.05, "info", f"{verb}", application=f"argocd/{app}", kind=kind, name=name, namespace="finance", phase="Sync", syncId=f"{R.randint(10000, 99999)}-{hexid(5)}")
    argo(s + 1.6, "info", f"sync/{int(T(s).timestamp())} successfully synced (all tasks run)", application=f"argocd/{app}")
    argo(s + 1.7, "info", f"Sync operation to {rev} succeeded", application=f"argocd/{app}", dest_namespace="finance", reason="OperationCompleted", type="Normal")
s = R.uniform(0, 180)
while s < END:
    for app in ("billing-service", "ledger-service", "tax-service", "web-bff", "reconciliation-worker"):
        argo(s + R.uniform(0, 2), "info", "Reconciliation completed", application=f"argocd/{app}", comparison_level=1, dedup_ms=0, dest_name="", dest_namespace="finance", dest_server="https://kubernetes.default.svc",
             diff_ms=R.randint(1, 9), fields_ms=0, git_ms=R.randint(10, 60), health_ms=R.randint(0, 3), live_ms=R.randint(0, 4), patch_ms=0, setop_ms=0, settings_ms=0, sync_ms=0, time_ms=R.randint(40, 120))
    s += 180
sync(BILLING_SYNC, "billing-service", "3d9e1a7", [("ConfigMap", "billing-service-config", "configmap/billing-service-config unchanged"), ("Deployment", "billing-service", "deployment.apps/billing-service configured")])
argo(BILLING_SYNC - 0.4, "info", "Refreshing app status (controller refresh requested), level (2)", application="argocd/billing-service")
argo(LEDGER_SYNC - 0.4, "info", "Refreshing app status (controller refresh requested), level (2)", application="argocd/ledger-service")
sync(LEDGER_SYNC, "ledger-service", "7f3e9a1", [("Certificate", "ledger-service-tls", "certificate.cert-manager.io/ledger-service-tls configured"), ("Deployment", "ledger-service", "deployment.apps/ledger-service unchanged")])
sync(ROLLBACK_SYNC, "ledger-service", "c41b07d", [("Certificate", "ledger-service-tls", "certificate.cert-manager.io/ledger-service-tls configured"), ("Deployment", "ledger-service", "deployment.apps/ledger-service unchanged")], rollback=True)

# ---------------------------------------------------------------- write
if os.path.isdir(OUT): shutil.rmtree(OUT)
total = 0
for f, rows in sorted(FILES.items()):
    rows.sort(key=lambda r: (r[0], r[1]))
    p = os.path.join(OUT, f); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            if r[0] <= END + 2: fh.write(r[2] + "\n"); total += 1
print(OUT, total)
