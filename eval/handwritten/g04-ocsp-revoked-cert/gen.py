#!/usr/bin/env python3
"""Generate the logs/ tree for this case. Standard library only, byte-deterministic."""
import csv
import datetime as dt
import io
import json
import os
import random
import shutil

# The set's shared helpers (ids, arrival times, file writers), kept once in g_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "g_common.py")).read())

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
rng = random.Random(190526)
UTC = dt.timezone.utc
CEST = dt.timezone(dt.timedelta(hours=2))


def E(h, mi, s=0.0):
    return dt.datetime(2026, 5, 19, h, mi, tzinfo=UTC).timestamp() + s


T_START = E(5, 45)
T_END = E(6, 50)
T_ISSUE = E(6, 0, 2.71)
T_REVOKE = E(6, 0, 9.38)
T_OCSP = E(6, 5, 0.0)
T_PAY_DEPLOY = E(6, 20, 14.0)
T_FIX = {"LEDGER01": E(6, 41, 20.0), "LEDGER02": E(6, 44, 5.0)}
OLD_SERIAL = "6100000a3f8c21e47d5b0e96000200000a3f"
NEW_SERIAL = "6100000c91d7e0a5b2f34c18000200000c91"
OLD_THUMB = "4A3C9E10B7F2D85C61E0A9F3B4D27C8E15F09A6D"
NEW_THUMB = "9F21D4C07A6B3E58F1C2D9A0E47B6C35D8A1F2E4"
REVOKE_JAVA = ("Certificate has been revoked, reason: SUPERSEDED, revocation date: Tue May 19 06:00:09 UTC 2026, "
               "authority: CN=Fabrikam Issuing CA 02, DC=corp, DC=fabrikam, DC=internal, extension OIDs: []")

ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"


def podsfx():
    return "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5))


def guid():
    return "%s-%s-%s-%s-%s" % (hexs(8), hexs(4), hexs(4), hexs(4), hexs(12))


def clef_t(t):
    d = dt.datetime.fromtimestamp(t, UTC)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%dZ" % (d.microsecond, rng.randint(0, 9))


def win_local(t):
    d = dt.datetime.fromtimestamp(t, CEST)
    h = d.hour % 12 or 12
    return "%d/%d/%d %d:%02d:%02d %s" % (d.month, d.day, d.year, h, d.minute, d.second, "AM" if d.hour < 12 else "PM")


# ======================================================================= ledger-api (Windows, two nodes)
LEDGER_NODES = ["LEDGER01", "LEDGER02"]
ledger = {n: [] for n in LEDGER_NODES}
winevt = {n: [] for n in LEDGER_NODES}


def ledger_serves_revoked(node, t):
    return t < T_FIX[node] + 6.0


def ledger_req(node, t, method, path, status, ms, corr):
    ev = {"@t": clef_t(t), "@mt": "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms",
          "@r": ["%.4f" % ms], "RequestMethod": method, "RequestPath": path, "StatusCode": status,
          "Elapsed": round(ms, 4), "SourceContext": "Serilog.AspNetCore.RequestLoggingMiddleware",
          "RequestId": "%s:%08X" % (rid(13).upper(), rng.randint(1, 0xFFFF)), "ConnectionId": rid(13).upper(),
          "CorrelationId": corr, "MachineName": node, "Application": "Fabrikam.Ledger.Api"}
    ledger[node].append((t, json.dumps(ev, separators=(",", ":"))))


def schannel_alert(node, t, code):
    winevt[node].append((t, 36887, "Error", "Schannel",
                         "A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert "
                         "code is %d." % code))


def tls_ok(client, node, t):
    if not ledger_serves_revoked(node, t) or t < T_OCSP:
        return True
    if client == "checkout-api":
        p = 0.95 * ramp(t, T_OCSP + 25, T_OCSP + 200)
    else:
        p = 0.7 * ramp(t, T_OCSP + 70, T_PAY_DEPLOY)
        if t >= T_PAY_DEPLOY + 20:
            p = 1.0
    return rng.random() >= p


def call_ledger(client, t, method, path, corr):
    node = rng.choice(LEDGER_NODES)
    if not tls_ok(client, node, t):
        schannel_alert(node, t + 0.004, 44 if client == "checkout-api" else 42)
        return node, False, rng.uniform(4, 15)
    ms = rng.lognormvariate(2.0, 0.5) if method == "GET" else rng.lognormvariate(2.6, 0.45)
    ledger_req(node, t + ms / 1000.0, method, path, 200 if method == "GET" else 201, ms, corr)
    return node, True, ms + rng.uniform(1, 4)


# ======================================================================= payments-api (Linux k8s, CLEF)
PAY_OLD = ["payments-api-6b9f7c5d48-" + podsfx() for _ in range(3)]
PAY_NEW = ["payments-api-58c4d9b7f6-" + podsfx() for _ in range(3)]
payments = {p: [] for p in PAY_OLD + PAY_NEW}

DOTNET_TLS = (
    "System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.\n"
    " ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors "
    "in the certificate chain: Revoked\n"
    "   at System.Net.Security.SslStream.SendAuthResetSignal(ReadOnlySpan`1 alert, ExceptionDispatchInfo exception)\n"
    "   at System.Net.Security.SslStream.CompleteHandshake(SslAuthenticationOptions sslAuthenticationOptions)\n"
    "   at System.Net.Security.SslStream.ForceAuthenticationAsync[TIOAdapter](Boolean receiveFirst, Byte[] "
    "reAuthenticationData, CancellationToken cancellationToken)\n"
    "   at System.Net.Http.ConnectHelper.EstablishSslConnectionAsync(SslClientAuthenticationOptions sslOptions, "
    "HttpRequestMessage request, Boolean async, Stream stream, CancellationToken cancellationToken)\n"
    "   --- End of inner exception stack trace ---\n"
    "   at System.Net.Http.ConnectHelper.EstablishSslConnectionAsync(SslClientAuthenticationOptions sslOptions, "
    "HttpRequestMessage request, Boolean async, Stream stream, CancellationToken cancellationToken)\n"
    "   at System.Net.Http.HttpConnectionPool.ConnectAsync(HttpRequestMessage request, Boolean async, "
    "CancellationToken cancellationToken)\n"
    "   at System.Net.Http.HttpConnectionPool.CreateHttp11ConnectionAsync(HttpRequestMessage request, Boolean async, "
    "CancellationToken cancellationToken)\n"
    "   at System.Net.Http.HttpConnectionPool.AddHttp11ConnectionAsync(QueueItem queueItem)\n"
    "   at System.Threading.Tasks.TaskCompletionSourceWithCancellation`1.WaitWithCancellationAsync(CancellationToken "
    "cancellationToken)\n"
    "   at System.Net.Http.HttpConnectionPool.SendWithVersionDetectionAndRetryAsync(HttpRequestMessage request, "
    "Boolean async, Boolean doRequestAuthentication, CancellationToken cancellationToken)\n"
    "   at Microsoft.Extensions.Http.Logging.LoggingHttpMessageHandler.<SendCoreAsync>g__Core|5_0(HttpRequestMessage "
    "request, Boolean useAsync, CancellationToken cancellationToken)\n"
    "   at Polly.Retry.AsyncRetryEngine.ImplementationAsync[TResult](Func`3 action, Context context, "
    "CancellationToken cancellationToken, ExceptionPredicates shouldRetryExceptionPredicates)\n"
    "   at Fabrikam.Payments.Ledger.LedgerClient.PostEntriesAsync(LedgerEntryBatch batch, CancellationToken ct) in "
    "/src/Payments.Api/Ledger/LedgerClient.cs:line 58\n"
    "   at Fabrikam.Payments.Api.Handlers.CapturePaymentHandler.Handle(CapturePayment cmd, CancellationToken ct) in "
    "/src/Payments.Api/Handlers/CapturePaymentHandler.cs:line 91")


def pay_pods(t):
    if t < T_PAY_DEPLOY:
        return PAY_OLD
    if t < T_PAY_DEPLOY + 50:
        return PAY_OLD[1:] + PAY_NEW[:1]
    if t < T_PAY_DEPLOY + 95:
        return PAY_OLD[2:] + PAY_NEW[:2]
    return PAY_NEW


def pclef(pod, t, level, mt, **props):
    ev = {"@t": clef_t(t), "@mt": mt}
    if level != "Information":
        ev["@l"] = level
    exc = props.pop("_exc", None)
    if exc:
        ev["@x"] = exc
    ev.update(props)
    ev["SourceContext"] = props.get("SourceContext", "Fabrikam.Payments.Api")
    ev["MachineName"] = pod
    payments[pod].append((t, json.dumps(ev, separators=(",", ":"))))


def payments_capture(t, amount, corr):
    pod = rng.choice(pay_pods(t))
    pid = "pay_" + rid(14)
    cur = t + rng.uniform(0.02, 0.09)
    ok = False
    for attempt in range(3):
        node, ok, ms = call_ledger("payments-api", cur, "POST", "/v1/entries", corr)
        cur += ms / 1000.0
        if ok:
            break
        if attempt < 2:
            pclef(pod, cur, "Warning", "Ledger call failed for {PaymentId}, retry {Attempt} of {MaxAttempts} after "
                                       "{Delay}", PaymentId=pid, Attempt=attempt + 1, MaxAttempts=2,
                  Delay="00:00:00.%07d" % (2000000 * (attempt + 1)), CorrelationId=corr,
                  Endpoint="https://ledger-api.corp.fabrikam.internal:8443/v1/entries",
                  SourceContext="Fabrikam.Payments.Ledger.LedgerClient")
            cur += 0.2 * (attempt + 1)
    if not ok:
        pclef(pod, cur, "Error", "Capture {PaymentId} could not be booked to ledger; compensating PSP authorisation",
              PaymentId=pid, AmountMinor=amount, Currency="EUR", CorrelationId=corr, _exc=DOTNET_TLS,
              SourceContext="Fabrikam.Payments.Api.Handlers.CapturePaymentHandler")
    ms = (cur - t) * 1000
    status = 201 if ok else 502
    ev_level = "Information" if ok else "Error"
    pclef(pod, cur + 0.0004, ev_level, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms",
          RequestMethod="POST", RequestPath="/v1/payments", StatusCode=status, Elapsed=round(ms, 4),
          CorrelationId=corr, SourceContext="Serilog.AspNetCore.RequestLoggingMiddleware")
    return ok, ms


# ======================================================================= checkout-api (Micronaut)
CHK_PODS = ["checkout-api-7d4f6b8c9-" + podsfx() for _ in range(3)]
checkout = {p: [] for p in CHK_PODS}


def jts(t):
    d = dt.datetime.fromtimestamp(t, UTC)
    return d.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (d.microsecond // 1000)


JAVA_TRACE = [
    "io.micronaut.http.client.exceptions.HttpClientException: Connect Error: PKIX path validation failed: "
    "java.security.cert.CertPathValidatorException: " + REVOKE_JAVA,
    "\tat io.micronaut.http.client.netty.ConnectionManager$Pool$PendingRequest.tryCompleteExceptionally(ConnectionManager.java:1012)",
    "\tat io.micronaut.http.client.netty.ConnectionManager$Pool.onNewConnectionFailure(ConnectionManager.java:1189)",
    "\tat io.micronaut.http.client.netty.ConnectionManager$3.onNewConnectionFailure(ConnectionManager.java:647)",
    "\tat io.netty.util.concurrent.DefaultPromise.notifyListener0(DefaultPromise.java:590)",
    "\tat io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:566)",
    "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
    "Caused by: javax.net.ssl.SSLHandshakeException: PKIX path validation failed: "
    "java.security.cert.CertPathValidatorException: " + REVOKE_JAVA,
    "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)",
    "\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:378)",
    "\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1357)",
    "\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.onConsumeCertificate(CertificateMessage.java:1232)",
    "\t... 21 common frames omitted",
    "Caused by: sun.security.validator.ValidatorException: PKIX path validation failed: "
    "java.security.cert.CertPathValidatorException: " + REVOKE_JAVA,
    "\tat java.base/sun.security.validator.PKIXValidator.doValidate(PKIXValidator.java:369)",
    "\tat java.base/sun.security.validator.PKIXValidator.engineValidate(PKIXValidator.java:263)",
    "\t... 27 common frames omitted",
    "Caused by: java.security.cert.CertPathValidatorException: " + REVOKE_JAVA,
    "\tat java.base/sun.security.provider.certpath.OCSPResponse.verify(OCSPResponse.java:632)",
    "\tat java.base/sun.security.provider.certpath.RevocationChecker.checkOCSP(RevocationChecker.java:747)",
    "\tat java.base/sun.security.provider.certpath.RevocationChecker.check(RevocationChecker.java:368)",
    "\t... 33 common frames omitted",
]
JAVA_502 = [
    "io.micronaut.http.client.exceptions.HttpClientResponseException: Bad Gateway",
    "\tat io.micronaut.http.client.netty.DefaultHttpClient$FullHttpResponseHandler.makeErrorFromRequestBody(DefaultHttpClient.java:2074)",
    "\tat io.micronaut.http.client.netty.DefaultHttpClient$FullHttpResponseHandler.buildResponse(DefaultHttpClient.java:2046)",
    "\tat io.micronaut.http.client.netty.DefaultHttpClient$BaseHttpResponseHandler.channelReadInstrumented(DefaultHttpClient.java:1953)",
    "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
]


def jlog(pod, t, thread, level, logger, msg, trace=None):
    s = "%s [%s] %-5s %s - %s" % (jts(t), thread, level, logger, msg)
    if trace:
        s += "\n" + "\n".join(trace)
    checkout[pod].append((t, s))


def nio():
    return "default-nioEventLoopGroup-1-%d" % rng.randint(1, 8)


def checkout_request(t, kind):
    pod = rng.choice(CHK_PODS)
    corr = guid()
    cur = t + rng.uniform(0.002, 0.01)
    status = 200
    if kind == "wallet":
        acc = "acc_" + rid(10)
        node, ok, ms = call_ledger("checkout-api", cur, "GET", "/v1/accounts/%s/balance" % acc, corr)
        cur += ms / 1000.0
        if not ok:
            jlog(pod, cur, nio(), "ERROR", "c.f.checkout.ledger.LedgerClient",
                 "balance lookup failed account=%s url=https://ledger-api.corp.fabrikam.internal:8443/v1/accounts/%s/"
                 "balance corr=%s" % (acc, acc, corr), JAVA_TRACE if rng.random() < 0.35 else None)
            status = 502
    elif kind == "pay":
        amount = rng.randint(500, 48000)
        ok, ms = payments_capture(cur, amount, corr)
        cur += ms / 1000.0
        if not ok:
            jlog(pod, cur, nio(), "ERROR", "c.f.checkout.payments.PaymentsClient",
                 "capture failed corr=%s amount=%d" % (corr, amount), JAVA_502)
            status = 502
    else:
        cur += rng.lognormvariate(2.3, 0.5) / 1000.0
    return pod, status, cur - t


for t in arrivals(T_START, T_END, 1 / 50.0):
    pod = rng.choice(CHK_PODS)
    jlog(pod, t, nio(), "WARN", "c.f.checkout.promo.PromoClient",
         "promo evaluation timed out after 250ms, continuing without discount cart=crt_%s" % rid(10))
for t in arrivals(T_START, T_END, 1 / 70.0):
    pod = rng.choice(pay_pods(t))
    pclef(pod, t, "Warning", "Rejected 3DS callback {CallbackId}: signature mismatch (kid {KeyId})",
          CallbackId=guid(), KeyId="acs-2025-11", SourceContext="Fabrikam.Payments.Api.ThreeDs.CallbackController")

# ======================================================================= app gateway access log (CSV)
agw_rows = []
PATHS_CATALOG = ["/api/catalog/products/%d", "/api/catalog/search?q=%s", "/api/catalog/categories/%d"]
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.0.0",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36"]


def la_time(t):
    d = dt.datetime.fromtimestamp(t, UTC)
    h = d.hour % 12 or 12
    return "%d/%d/%d, %d:%02d:%02d.%03d %s" % (d.month, d.day, d.year, h, d.minute, d.second, d.microsecond // 1000,
                                               "AM" if d.hour < 12 else "PM")


for t in arrivals(T_START, T_END, 2.4):
    x = rng.random()
    client = "%d.%d.%d.%d" % (rng.choice((31, 62, 80, 84, 145, 213)), rng.randint(0, 255), rng.randint(0, 255),
                              rng.randint(1, 254))
    if x < 0.45:
        p = rng.choice(PATHS_CATALOG)
        uri = p % (rng.randint(1000, 99999) if "%d" in p else rng.choice(["lamp", "desk", "chair", "rug", "shelf"]))
        ms = rng.lognormvariate(3.0, 0.5)
        st, srv = 200, "10.60.3.%d:443" % rng.randint(10, 14)
    elif x < 0.62:
        pod, st, dur = checkout_request(t, "wallet")
        uri, ms, srv = "/api/checkout/wallet", dur * 1000 + 2, "10.60.5.%d:8080" % (20 + CHK_PODS.index(pod))
    elif x < 0.76:
        pod, st, dur = checkout_request(t, "pay")
        uri, ms, srv = "/api/checkout/confirm", dur * 1000 + 2, "10.60.5.%d:8080" % (20 + CHK_PODS.index(pod))
    else:
        pod, st, dur = checkout_request(t, "cart")
        uri, ms, srv = rng.choice(["/api/checkout/cart", "/api/checkout/shipping-options", "/api/checkout/address"]), \
            dur * 1000 + 2, "10.60.5.%d:8080" % (20 + CHK_PODS.index(pod))
    method = "POST" if uri.endswith("confirm") else "GET"
    agw_rows.append((t + ms / 1000.0, [la_time(t + ms / 1000.0), "APPGW-PROD-WEU", "ApplicationGatewayAccessLog", client,
                                       method, uri, "%d" % st, "%.3f" % (ms / 1000.0), srv, "%d" % st,
                                       "%.3f" % (ms / 1000.0 - 0.001), rng.choice(UAS), "shop.fabrikam.com",
                                       "appGatewayBackendPool-" + ("catalog" if "catalog" in uri else "checkout")]))

# ======================================================================= ledger own lines, restart
for node in LEDGER_NODES:
    for t in arrivals(T_START, T_END, 0.35):
        ms = rng.lognormvariate(2.2, 0.4)
        ledger_req(node, t, "GET", "/v1/settlements/%s/lines?page=%d" % (rid(8), rng.randint(1, 30)), 200, ms, guid())
    for t in arrivals(T_START, T_END, 1 / 30.0):
        ledger_req(node, t, "GET", "/health", 200, rng.uniform(0.3, 1.5), guid())
    tf = T_FIX[node]
    msgs = [
        (0.0, "Application is shutting down...", "Microsoft.Hosting.Lifetime"),
        (2.9, "Server certificate {Subject} thumbprint {Thumbprint} valid until {NotAfter}",
         "Fabrikam.Ledger.Api.Startup"),
        (3.4, "Now listening on: {address}", "Microsoft.Hosting.Lifetime"),
        (3.41, "Application started. Press Ctrl+C to shut down.", "Microsoft.Hosting.Lifetime"),
        (3.42, "Hosting environment: {EnvName}", "Microsoft.Hosting.Lifetime"),
        (3.43, "Content root path: {ContentRoot}", "Microsoft.Hosting.Lifetime"),
    ]
    for dtt, mt, sc in msgs:
        ev = {"@t": clef_t(tf + dtt), "@mt": mt, "SourceContext": sc, "MachineName": node,
              "Application": "Fabrikam.Ledger.Api"}
        if "{address}" in mt:
            ev["address"] = "https://[::]:8443"
        if "{EnvName}" in mt:
            ev["EnvName"] = "Production"
        if "{ContentRoot}" in mt:
            ev["ContentRoot"] = "D:\\Services\\LedgerApi\\"
        if "{Thumbprint}" in mt:
            ev["Subject"] = "CN=ledger-api.corp.fabrikam.internal"
            ev["Thumbprint"] = NEW_THUMB
            ev["NotAfter"] = "2026-11-15T06:00:02.0000000Z"
        ledger[node].append((tf + dtt, json.dumps(ev, separators=(",", ":"))))
    winevt[node].append((tf + 0.8, 7036, "Information", "Service Control Manager",
                         "The Fabrikam Ledger API service entered the stopped state."))
    winevt[node].append((tf + 1.9, 7036, "Information", "Service Control Manager",
                         "The Fabrikam Ledger API service entered the running state."))
    for t in arrivals(T_START, T_END, 1 / 400.0):
        winevt[node].append((t, 36874, "Error", "Schannel",
                             "An TLS 1.0 connection request was received from a remote client application, but none of "
                             "the cipher suites supported by the client application are supported by the server. The "
                             "TLS connection request has failed."))
    winevt[node].append((E(6, 2, 11.0) + rng.uniform(0, 30), 10016, "Warning", "Microsoft-Windows-DistributedCOM",
                         "The application-specific permission settings do not grant Local Activation permission for "
                         "the COM Server application with CLSID \r\n{D63B10C5-BB46-4990-A94F-E40B9D520160}\r\n and APPID "
                         "\r\n{9CA88EE3-ACB7-47C8-AFC4-AB702511C276}\r\n to the user NT AUTHORITY\\SYSTEM SID (S-1-5-18) "
                         "from address LocalHost (Using LRPC) running in the application container Unavailable SID "
                         "(Unavailable). This security permission can be modified using the Component Services "
                         "administrative tool."))

# ======================================================================= CA + rotation job
ca_evt = []
ca_evt.append((T_ISSUE, 4887, "Information", "Microsoft-Windows-Security-Auditing",
               "Certificate Services approved a certificate request and issued a certificate.\r\n\r\nRequest ID:\t41873"
               "\r\nRequester:\tFABRIKAM\\svc-certrotate\r\nAttributes:\tCertificateTemplate:FabrikamWebServer2y\r\n"
               "Disposition:\t3\r\nSKI:\t5e 19 a2 7c 0d 33 f1 8b 42 aa 90 61 c7 e4 28 b3 0f 9d 12 6e\r\nSubject:\t"
               "CN=ledger-api.corp.fabrikam.internal"))
ca_evt.append((T_REVOKE, 4870, "Information", "Microsoft-Windows-Security-Auditing",
               "Certificate Services revoked a certificate.\r\n\r\nSerial No:\t%s\r\nReason:\t4" % OLD_SERIAL))
ca_evt.append((E(6, 4, 58.3), 4872, "Information", "Microsoft-Windows-Security-Auditing",
               "Certificate Services published the certificate revocation list (CRL).\r\n\r\nBase CRL:\tYes\r\n"
               "CRL No.:\t2291\r\nKey Container:\tFabrikam Issuing CA 02\r\nNext Publish:\t5/19/2026 3:04 PM\r\n"
               "Publish URLs:\tldap:///CN=Fabrikam Issuing CA 02,CN=CA02,CN=CDP,CN=Public Key Services,CN=Services,"
               "CN=Configuration,DC=corp,DC=fabrikam,DC=internal?certificateRevocationList?base?"
               "objectClass=cRLDistributionPoint, http://pki.corp.fabrikam.internal/crl/Fabrikam%20Issuing%20CA%2002.crl"))
for i, (cn, rq) in enumerate((("orders-api.corp.fabrikam.internal", 41871), ("search-api.corp.fabrikam.internal", 41872),
                              ("hr-portal.corp.fabrikam.internal", 41874))):
    tt = T_ISSUE - 40 + i * 21.3 if i < 2 else T_ISSUE + 95
    ca_evt.append((tt, 4887, "Information", "Microsoft-Windows-Security-Auditing",
                   "Certificate Services approved a certificate request and issued a certificate.\r\n\r\nRequest ID:\t%d"
                   "\r\nRequester:\tFABRIKAM\\svc-certrotate\r\nAttributes:\tCertificateTemplate:FabrikamWebServer2y\r\n"
                   "Disposition:\t3\r\nSKI:\t%s\r\nSubject:\tCN=%s" % (
                       rq, " ".join(hexs(2) for _ in range(20)), cn)))
    ca_evt.append((tt + 6.9, 4870, "Information", "Microsoft-Windows-Security-Auditing",
                   "Certificate Services revoked a certificate.\r\n\r\nSerial No:\t6100000%s\r\nReason:\t4" % hexs(29)))
for t in arrivals(T_START, T_END, 1 / 90.0):
    ca_evt.append((t, 4624, "Information", "Microsoft-Windows-Security-Auditing",
                   "An account was successfully logged on.\r\n\r\nSubject:\r\n\tSecurity ID:\t\tS-1-0-0\r\n\tAccount "
                   "Name:\t\t-\r\n\r\nLogon Information:\r\n\tLogon Type:\t\t3\r\n\r\nNew Logon:\r\n\tAccount Name:\t\t"
                   "%s$\r\n\tAccount Domain:\t\tFABRIKAM" % rng.choice(["DC01", "DC02", "OPS-JOB01", "LEDGER01", "WEB03"])))

rot = []


def rlog(t, lvl, msg):
    d = dt.datetime.fromtimestamp(t, CEST)
    rot.append("%s [%s] %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), lvl, msg))


rot_hosts = [("orders-api.corp.fabrikam.internal", "ORDERS01,ORDERS02", T_ISSUE - 40),
             ("search-api.corp.fabrikam.internal", "SEARCH01", T_ISSUE - 19),
             ("ledger-api.corp.fabrikam.internal", "LEDGER01,LEDGER02", T_ISSUE),
             ("hr-portal.corp.fabrikam.internal", "HRWEB01", T_ISSUE + 95)]
rlog(T_ISSUE - 61, "INFO", "Invoke-CertRotation 2.3.1 started by FABRIKAM\\svc-certrotate (scheduled task \\Ops\\CertRotation)")
rlog(T_ISSUE - 60.5, "INFO", "4 certificate(s) due for renewal (threshold 30 days)")
for cn, hosts, t in rot_hosts:
    rlog(t - 1.2, "INFO", "Requesting %s from CA02\\Fabrikam Issuing CA 02 (template FabrikamWebServer2y)" % cn)
    rlog(t + 0.4, "INFO", "Issued %s" % cn)
    for h in hosts.split(","):
        rlog(t + 1.8, "INFO", "  %s: imported into Cert:\\LocalMachine\\My" % h)
        if cn.startswith("ledger"):
            rlog(t + 2.0, "INFO", "  %s: service 'LedgerApi' binds by subject; new certificate used on next service "
                                  "start" % h)
        else:
            rlog(t + 2.0, "INFO", "  %s: IIS binding updated (netsh http update sslcert)" % h)
    rlog(t + 6.9, "INFO", "Revoking superseded certificate for %s (reason Superseded)" % cn)
rlog(T_ISSUE + 103, "INFO", "Invoke-CertRotation finished: 4 renewed, 4 revoked, 0 failed")

# ======================================================================= write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)


def write_lines(path, ents, eol="\n"):
    ents = sorted(ents, key=lambda x: x[0])
    write_bytes(path, "".join(l + eol for _, l in ents).encode("utf-8"))


def win_csv(path, events, machine):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    w.writerow(["TimeCreated", "Id", "LevelDisplayName", "ProviderName", "MachineName", "Message"])
    for t, eid, lvl, prov, msg in sorted(events, key=lambda e: -e[0]):
        w.writerow([win_local(t), eid, lvl, prov, machine, msg])
    write_bytes(path, buf.getvalue().encode("utf-8-sig"))


for node in LEDGER_NODES:
    write_lines("windows/%s/LedgerApi/log-20260519.clef" % node, ledger[node], eol="\r\n")
    win_csv("windows/%s/System-events.csv" % node, winevt[node], node + ".corp.fabrikam.internal")
win_csv("windows/CA02/Security-certsvc.csv", ca_evt, "CA02.corp.fabrikam.internal")
write_bytes("windows/OPS-JOB01/CertRotation/rotation-20260519.log", ("\r\n".join(rot) + "\r\n").encode("utf-8"))

for p in PAY_OLD + PAY_NEW:
    ents = payments[p]
    if p in PAY_NEW:
        i = PAY_NEW.index(p)
        st = T_PAY_DEPLOY + 3 + 45 * i
        ents.append((st, json.dumps({"@t": clef_t(st), "@mt": "Starting {Application} {Version}",
                                     "Application": "Fabrikam.Payments.Api", "Version": "4.12.0",
                                     "SourceContext": "Program", "MachineName": p}, separators=(",", ":"))))
        ents.append((st + 1.1, json.dumps({"@t": clef_t(st + 1.1), "@mt": "Now listening on: {address}",
                                           "address": "http://[::]:8080", "SourceContext": "Microsoft.Hosting.Lifetime",
                                           "MachineName": p}, separators=(",", ":"))))
    else:
        i = PAY_OLD.index(p)
        st = T_PAY_DEPLOY + 48 + 45 * i
        ents.append((st, json.dumps({"@t": clef_t(st), "@mt": "Application is shutting down...",
                                     "SourceContext": "Microsoft.Hosting.Lifetime", "MachineName": p},
                                    separators=(",", ":"))))
    write_lines("k8s/payments/%s.json" % p, ents)

for p in CHK_PODS:
    write_lines("k8s/checkout/%s.log" % p, checkout[p])

buf = io.StringIO()
w = csv.writer(buf, lineterminator="\n")
w.writerow(["TimeGenerated [UTC]", "Resource", "Category", "clientIP_s", "httpMethod_s", "requestUri_s", "httpStatus_d",
            "timeTaken_d", "serverRouted_s", "serverStatus_s", "serverResponseLatency_s", "userAgent_s", "host_s",
            "backendPoolName_s"])
for t, row in sorted(agw_rows, key=lambda r: r[0]):
    w.writerow(row)
write_bytes("azure/appgw-prod-weu_AzureDiagnostics.csv", buf.getvalue().encode("utf-8"))
