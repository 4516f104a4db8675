#!/usr/bin/env python3
"""k09: legacy-payments (ASP.NET on IIS, PAY-IIS-01/02) crashes its w3wp.exe whenever a charge
carries an 8-digit BIN from a newly issued card range (IndexOutOfRangeException in an async
void continuation -> process terminated). From 13:36:52 such requests arrive every ~25 s;
each crash abandons all in-flight requests; after 5 crashes in 5 minutes WAS Rapid-Fail
Protection disables 'LegacyPaymentsPool' (event 5002) and HTTP.sys answers every request
with 503 AppOffline. checkout-svc (Serilog) logs payment failures, web-shop (Azure App
Service, exported from Log Analytics as CSV) shows 502s. The app's own log4net file just
stops. Red herrings: fraud-check deploy 13:35, DCOM/Schannel noise, app pool idle
shutdowns and scheduled recycles, acquirer latency warnings.
Python 3 standard library only; fixed seed; rewrites logs/ beside itself."""
import json
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

SLUG = "k09-iis-rapid-fail"
OUT = Path(__file__).resolve().parent / "logs"
rng = random.Random(4210)
UTC = timezone.utc
BASE = datetime(2026, 4, 21, 13, 0, 0, tzinfo=UTC)
END = 55 * 60.0
FILES = {}
SEQ = [0]


def emit(name, t, text):
    SEQ[0] += 1
    FILES.setdefault(name, []).append((t, SEQ[0], text))


def dt(t):
    return BASE + timedelta(seconds=t)


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def hexid(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


POISON_START = 36 * 60 + 52.0       # 13:36:52
FRAUD_DEPLOY = 35 * 60 + 0.0        # 13:35:00
SERVERS = ["PAY-IIS-01", "PAY-IIS-02"]
SIP = {"PAY-IIS-01": "10.40.5.21", "PAY-IIS-02": "10.40.5.22"}
POOL = "LegacyPaymentsPool"
W3WP = {"PAY-IIS-01": 4820, "PAY-IIS-02": 5132}
CRASHES = {s: [] for s in SERVERS}
DISABLED = {s: None for s in SERVERS}
REC_ID = {("PAY-IIS-01", "System"): 88112, ("PAY-IIS-01", "Application"): 40211, ("PAY-IIS-02", "System"): 87220, ("PAY-IIS-02", "Application"): 39881}
EVENTS = {}
POISONS = []
_t = POISON_START
while _t < END:
    POISONS.append((_t, rng.choice(["PAY-IIS-01", "PAY-IIS-02"])))
    _t += rng.uniform(15, 35)
CRASH_AT = {s: [] for s in SERVERS}
for _t, _s in POISONS:
    if DISABLED[_s] is not None:
        continue
    ct = _t + 0.06
    CRASH_AT[_s].append(ct)
    if len([c for c in CRASH_AT[_s] if ct - c <= 300]) >= 5:
        DISABLED[_s] = ct + 0.13
COLD = {s: False for s in SERVERS}
CHECKOUT = ["checkout-svc-6c9b7d8f5-4lq2x", "checkout-svc-6c9b7d8f5-n8t5w"]
FRAUD_OLD = "fraud-check-7f8c9d6b5-kx2p4"
FRAUD_NEW = "fraud-check-59b8c7d6f-wm3r8"
WEBHOST = ["RD0003FF4A12B7", "RD0003FF4A5C21"]
RESOURCE = "/SUBSCRIPTIONS/7D3F2A1B-9C8E-4F6D-A5B4-3C2D1E0F9A8B/RESOURCEGROUPS/RG-SHOP-PROD/PROVIDERS/MICROSOFT.WEB/SITES/WEB-SHOP-PROD"
TENANT = "b1e2d3c4-a5f6-4789-9a0b-c1d2e3f4a5b6"


# ------------------------------------------------------------------ windows event log
PROVIDERS = {
    "WAS": ("Microsoft-Windows-WAS", "{524B5D04-133C-4A62-8362-64E8EDB9CE40}", "WAS"),
    ".NET Runtime": (".NET Runtime", None, None),
    "Application Error": ("Application Error", "{a0e9b465-b939-57d7-b27d-95d8e925ff57}", None),
    "Windows Error Reporting": ("Windows Error Reporting", None, None),
    "DistributedCOM": ("Microsoft-Windows-DistributedCOM", "{1B562E86-B7AA-4131-BADC-B6F3A001407E}", "DCOM"),
    "Schannel": ("Schannel", "{1F678132-5938-4686-9FDC-C8FF68F15C85}", None),
    "Service Control Manager": ("Service Control Manager", "{555908d1-a6d7-4695-8e1e-26931d2012f4}", "Service Control Manager"),
    "Security-SPP": ("Microsoft-Windows-Security-SPP", "{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}", "Software Protection Platform Service"),
}
LEVELNAME = {1: "Critical", 2: "Error", 3: "Warning", 4: "Information"}


def winevent(server, t, channel, prov, eid, level, message, data, qualifiers=None, task=0, keywords="0x80000000000000", pid=0, tid=0):
    REC_ID[(server, channel)] += 1
    name, guid, esn = PROVIDERS[prov]
    d = dt(t)
    st = d.strftime("%Y-%m-%dT%H:%M:%S.%f") + "%dZ" % rng.randint(0, 9)
    p = "<Provider Name='%s'%s%s/>" % (name, " Guid='%s'" % guid if guid else "", " EventSourceName='%s'" % esn if esn else "")
    q = " Qualifiers='%d'" % qualifiers if qualifiers is not None else ""
    if isinstance(data, dict):
        ed = "".join("<Data Name='%s'>%s</Data>" % (k, escape(v)) for k, v in data.items())
    else:
        ed = "".join("<Data>%s</Data>" % escape(v).replace("\n", "&#xD;&#xA;") for v in data)
    msg = escape(message).replace("\n", "&#xD;&#xA;")
    x = ("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>%s<EventID%s>%d</EventID><Version>0</Version>"
         "<Level>%d</Level><Task>%d</Task><Opcode>0</Opcode><Keywords>%s</Keywords><TimeCreated SystemTime='%s'/><EventRecordID>%d</EventRecordID>"
         "<Correlation/><Execution ProcessID='%d' ThreadID='%d'/><Channel>%s</Channel><Computer>%s.corp.example.com</Computer><Security/></System>"
         "<EventData>%s</EventData><RenderingInfo Culture='en-US'><Message>%s</Message><Level>%s</Level><Task></Task><Opcode>Info</Opcode>"
         "<Channel>%s</Channel><Provider>%s</Provider><Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo></Event>") % (
        p, q, eid, level, task, keywords, st, REC_ID[(server, channel)], pid, tid, channel, server, ed, msg, LEVELNAME[level], channel, name)
    EVENTS.setdefault((server, channel), []).append((t, x))


def w3c(server, t, method, stem, query, status, sub, win32, taken, cip, ua, ref="-"):
    d = dt(t + taken / 1000.0)
    emit("legacy-payments/%s/W3SVC1/u_ex260421.log" % server, t + taken / 1000.0, "%s %s %s %s %s 443 - %s %s %s %d %d %d %d" % (
        d.strftime("%Y-%m-%d %H:%M:%S"), SIP[server], method, stem, query, cip, ua.replace(" ", "+"), ref, status, sub, win32, taken))


def httperr(server, t, cip, method, uri, status, reason, queue=POOL):
    d = dt(t)
    st = str(status) if status else "-"
    emit("legacy-payments/%s/HTTPERR/httperr1.log" % server, t, "%s %s %d %s 443 HTTP/1.1 %s %s - %s 3 %s %s" % (
        d.strftime("%Y-%m-%d %H:%M:%S"), cip, rng.randint(49152, 65535), SIP[server], method, uri, st, reason, queue))


def log4net(server, t, thread, level, logger, msg):
    d = dt(t)
    emit("legacy-payments/%s/App_Data/logs/legacy-payments-2026-04-21.log" % server, t, "%s,%03d [%d] %-5s %s - %s" % (
        d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, thread, level, logger, msg))


def serilog(pod, t, lvl, msg, exc=None):
    d = dt(t)
    s = "%s.%03d +00:00 [%s] %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, lvl, msg)
    if exc:
        s += "\n" + exc
    emit("checkout-svc/%s.log" % pod, t, s)


def pyjson(pod, t, level, name, msg, **kv):
    d = dt(t)
    rec = {"asctime": d.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (d.microsecond // 1000), "levelname": level, "name": name, "message": msg}
    rec.update(kv)
    emit("fraud-check/%s.log" % pod, t, json.dumps(rec))


def azure_time(t):
    d = dt(t)
    h = d.hour % 12 or 12
    return "%d/%d/%d, %d:%02d:%02d.%03d %s" % (d.month, d.day, d.year, h, d.minute, d.second, d.microsecond // 1000, "PM" if d.hour >= 12 else "AM")


def csvq(v):
    v = str(v)
    if any(c in v for c in ',"\n'):
        return '"%s"' % v.replace('"', '""')
    return v


def appsvc_http(t, method, stem, status, taken, cip, ua, query=""):
    row = [TENANT, azure_time(t + taken / 1000.0), "AppServiceHTTPLogs", method, stem, "443", cip, ua, "", rng.randint(300, 1800), rng.randint(500, 60000) if status < 400 else 1245,
           status, 0, 0, taken, "www.shop-example.com", "https://www.shop-example.com/checkout" if "checkout" in stem else "", "", "Success" if status < 400 else "Failure",
           rng.choice(WEBHOST), query, RESOURCE, "Azure", "AppServiceHTTPLogs"]
    emit("web-shop/AppServiceHTTPLogs_2026-04-21_1300-1355.csv", t + taken / 1000.0, ",".join(csvq(x) for x in row))


def appsvc_console(t, level, text):
    row = [TENANT, azure_time(t), "AppServiceConsoleLogs", level, text, rng.choice(WEBHOST), "web-shop-prod_%s" % hexid(8), RESOURCE, "AppServiceConsoleLogs"]
    emit("web-shop/AppServiceConsoleLogs_2026-04-21_1300-1355.csv", t, ",".join(csvq(x) for x in row))


# ------------------------------------------------------------------ legacy-payments behaviour
CLR_STACK = """Application: w3wp.exe
Framework Version: v4.0.30319
Description: The process was terminated due to an unhandled exception.
Exception Info: System.IndexOutOfRangeException
   at Contoso.Payments.Bins.BinTable.Lookup(System.String)
   at Contoso.Payments.Risk.IssuerResolver+<ResolveAsync>d__7.MoveNext()
   at System.Runtime.CompilerServices.AsyncMethodBuilderCore+<>c.<ThrowAsync>b__6_1(System.Object)
   at System.Threading.QueueUserWorkItemCallback.WaitCallback_Context(System.Object)
   at System.Threading.ExecutionContext.RunInternal(System.Threading.ExecutionContext, System.Threading.ContextCallback, System.Object, Boolean)
   at System.Threading.ExecutionContext.Run(System.Threading.ExecutionContext, System.Threading.ContextCallback, System.Object, Boolean)
   at System.Threading.QueueUserWorkItemCallback.System.Threading.IThreadPoolWorkItem.ExecuteWorkItem()
   at System.Threading.ThreadPoolWorkQueue.Dispatch()
   at System.Threading._ThreadPoolWaitCallback.PerformWaitCallback()
"""


def crash(server, t):
    pid = W3WP[server]
    winevent(server, t + 0.05, "Application", ".NET Runtime", 1026, 2, CLR_STACK, [CLR_STACK], qualifiers=0)
    msg1000 = ("Faulting application name: w3wp.exe, version: 10.0.17763.1, time stamp: 0xcfdb13d8\nFaulting module name: KERNELBASE.dll, version: 10.0.17763.5458, time stamp: 0x9e3a1c2b\n"
               "Exception code: 0xe0434352\nFault offset: 0x0000000000034fd9\nFaulting process id: 0x%x\nFaulting application start time: 0x01da93f0%08x\n"
               "Faulting application path: c:\\windows\\system32\\inetsrv\\w3wp.exe\nFaulting module path: C:\\Windows\\System32\\KERNELBASE.dll\nReport Id: %s\nFaulting package full name: \nFaulting package-relative application ID: ") % (pid, rng.getrandbits(32), uuid4())
    winevent(server, t + 0.09, "Application", "Application Error", 1000, 2, msg1000,
             ["w3wp.exe", "10.0.17763.1", "cfdb13d8", "KERNELBASE.dll", "10.0.17763.5458", "9e3a1c2b", "e0434352", "0000000000034fd9", "%x" % pid,
              "01da93f0e2b1c3a4", "c:\\windows\\system32\\inetsrv\\w3wp.exe", "C:\\Windows\\System32\\KERNELBASE.dll", uuid4(), "", ""], qualifiers=0, task=100)
    winevent(server, t + 0.6, "Application", "Windows Error Reporting", 1001, 4,
             "Fault bucket 1543982150817345712, type 5\nEvent Name: CLR20r3\nResponse: Not available\nCab Id: 0\n\nProblem signature:\nP1: w3wp.exe\nP2: 10.0.17763.1\nP3: cfdb13d8\nP4: Contoso.Payments\nP5: 3.8.1.0\nP6: 65f1b2c4\nP7: 2c1\nP8: 2a\nP9: System.IndexOutOfRange\nP10: ",
             ["1543982150817345712", "5", "CLR20r3", "Not available", "0", "w3wp.exe", "10.0.17763.1", "cfdb13d8", "Contoso.Payments", "3.8.1.0", "65f1b2c4", "2c1", "2a", "System.IndexOutOfRange", ""], qualifiers=0)
    winevent(server, t + 0.12, "System", "WAS", 5011, 3,
             "A process serving application pool '%s' suffered a fatal communication error with the Windows Process Activation Service. The process id was '%d'. The data field contains the error number." % (POOL, pid),
             {"AppPoolID": POOL, "ProcessID": str(pid)}, qualifiers=32768)
    CRASHES[server].append(t)
    if DISABLED[server] is not None and abs(DISABLED[server] - (t + 0.13)) < 1e-6:
        winevent(server, t + 0.13, "System", "WAS", 5002, 2,
                 "Application pool '%s' is being automatically disabled due to a series of failures in the process(es) serving that application pool." % POOL,
                 {"AppPoolID": POOL}, qualifiers=49152)
    else:
        COLD[server] = True
        W3WP[server] += rng.randint(20, 400)


def crash_between(server, a, b):
    for c in CRASH_AT[server]:
        if a < c < b:
            return c
    return None


def payments_request(server, t, cip, poison, amount, thread):
    """Returns (status, latency)"""
    if DISABLED[server] is not None and t >= DISABLED[server]:
        httperr(server, t, cip, "POST", "/api/v2/charges", 503, "AppOffline")
        return 503, 0.002
    if poison:
        bin8 = "4571%04d" % rng.randint(0, 9999)
        log4net(server, t + 0.01, thread, "INFO", "Contoso.Payments.Api.ChargesController", "Charge request accepted merchant=%s amount=%.2f EUR card=%s******%04d" % (
            rng.choice(["mrc_88231", "mrc_10422", "mrc_77310"]), amount, bin8, rng.randint(0, 9999)))
        log4net(server, t + 0.02, thread, "DEBUG", "Contoso.Payments.Risk.IssuerResolver", "Resolving issuer for BIN %s" % bin8)
        crash(server, t + 0.06)
        httperr(server, t + 0.09, cip, "POST", "/api/v2/charges", None, "Connection_Abandoned_By_ReqQueue")
        return 0, 0.09
    lat = rng.uniform(0.25, 0.9)
    if COLD[server]:
        COLD[server] = False
        log4net(server, t + 0.4, 1, "INFO", "Contoso.Payments.Global", "Application_Start: Contoso.Payments 3.8.1.0 starting (w3wp pid %d)" % W3WP[server])
        log4net(server, t + 2.1, 1, "INFO", "Contoso.Payments.Bins.BinTable", "BIN table loaded: 412884 ranges (6-digit)")
        lat += rng.uniform(2.5, 4.0)
    c = crash_between(server, t, t + lat)
    if c is not None:
        httperr(server, c + 0.03, cip, "POST", "/api/v2/charges", None, "Connection_Abandoned_By_ReqQueue")
        return 0, c + 0.03 - t
    log4net(server, t + lat - 0.01, thread, "INFO", "Contoso.Payments.Api.ChargesController", "Charge ch_%s authorized merchant=%s amount=%.2f EUR acquirer=adyen rrn=%012d" % (
        hexid(12), rng.choice(["mrc_88231", "mrc_10422", "mrc_77310", "mrc_45021", "mrc_30017"]), amount, rng.randint(10 ** 11, 10 ** 12 - 1)))
    w3c(server, t, "POST", "/api/v2/charges", "-", 201, 0, 0, int(lat * 1000), cip, "checkout-svc/5.4.2")
    return 201, lat


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    clients = ["%d.%d.%d.%d" % (rng.choice([2, 31, 77, 84, 91, 145, 188, 217]), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254)) for _ in range(500)]
    uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
           "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
           "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36"]
    pq = list(POISONS)
    t = 0.0
    while t < END:
        t += rng.expovariate(1.5)
        poison = None
        if pq and pq[0][0] <= t:
            t, poison = pq.pop(0)
        if t >= END:
            break
        cip = rng.choice(clients)
        ua = rng.choice(uas)
        r = rng.random()
        if poison:
            r = 0.0
        if r > 0.2:
            stem = rng.choice(["/", "/products", "/products/%d" % rng.randint(10000, 99999), "/cart", "/api/cart", "/_next/data/b7c1/products.json", "/search"])
            taken = rng.randint(8, 160)
            appsvc_http(t, "GET", stem, 200, taken, cip, ua)
            continue
        # checkout: web-shop -> checkout-svc -> fraud-check -> legacy-payments
        pod = rng.choice(CHECKOUT)
        oid = "ORD-%d" % rng.randint(6000000, 6999999)
        cur = t + 0.01
        # fraud-check
        fpod = FRAUD_OLD if cur < FRAUD_DEPLOY + 25 else FRAUD_NEW
        if FRAUD_DEPLOY + 18 <= cur < FRAUD_DEPLOY + 47 and rng.random() < 0.6:
            serilog(pod, cur + 0.004, "WRN", "fraud-check unavailable for order %s (503 Service Unavailable), defaulting to manual review queue" % oid)
            cur += 0.005
        else:
            fl = rng.uniform(0.02, 0.09)
            pyjson(fpod, cur + fl, "INFO", "fraud.api", "scored", order_id=oid, score=round(rng.uniform(0.01, 0.4), 3), decision="approve", latency_ms=int(fl * 1000))
            cur += fl
        server = poison or rng.choice(SERVERS)
        amount = round(rng.lognormvariate(4.0, 0.8), 2)
        thread = rng.randint(5, 60)
        st, lat = payments_request(server, cur, "10.40.2.%d" % rng.choice([17, 18]), bool(poison), amount, thread)
        cur += lat
        if st == 201:
            serilog(pod, cur + 0.002, "INF", "Payment authorized for order %s via legacy-payments (%s)" % (oid, server.lower()))
            code = 201
        else:
            if st == 503:
                exc = ("System.Net.Http.HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable).\n"
                       "   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n"
                       "   at Shop.Checkout.Payments.LegacyPaymentsClient.AuthorizeAsync(PaymentRequest request, CancellationToken ct) in /src/Shop.Checkout/Payments/LegacyPaymentsClient.cs:line 73\n"
                       "   at Shop.Checkout.Orders.PlaceOrderHandler.Handle(PlaceOrderCommand command, CancellationToken ct) in /src/Shop.Checkout/Orders/PlaceOrderHandler.cs:line 112")
            else:
                exc = ("System.Net.Http.HttpRequestException: An error occurred while sending the request.\n"
                       " ---> System.IO.IOException: Unable to read data from the transport connection: Connection reset by peer.\n"
                       " ---> System.Net.Sockets.SocketException (104): Connection reset by peer\n"
                       "   --- End of inner exception stack trace ---\n"
                       "   at System.Net.Security.SslStream.EnsureFullTlsFrameAsync[TIOAdapter](CancellationToken cancellationToken)\n"
                       "   at System.Net.Http.HttpConnection.SendAsync(HttpRequestMessage request, Boolean async, CancellationToken cancellationToken)\n"
                       "   --- End of inner exception stack trace ---\n"
                       "   at System.Net.Http.HttpConnection.SendAsync(HttpRequestMessage request, Boolean async, CancellationToken cancellationToken)\n"
                       "   at Shop.Checkout.Payments.LegacyPaymentsClient.AuthorizeAsync(PaymentRequest request, CancellationToken ct) in /src/Shop.Checkout/Payments/LegacyPaymentsClient.cs:line 68\n"
                       "   at Shop.Checkout.Orders.PlaceOrderHandler.Handle(PlaceOrderCommand command, CancellationToken ct) in /src/Shop.Checkout/Orders/PlaceOrderHandler.cs:line 112")
            serilog(pod, cur + 0.002, "ERR", "Payment authorization failed for order %s against https://legacy-payments.corp.example.com/api/v2/charges" % oid, exc)
            code = 502
        total = cur + 0.01 - t
        serilog(pod, t + total, "INF" if code < 500 else "ERR", "HTTP POST /api/checkout responded %d in %.4f ms" % (code, total * 1000))
        appsvc_http(t, "POST", "/api/checkout", code, int(total * 1000) + 3, cip, ua)
        if code >= 500:
            appsvc_console(t + total, "Error", "[checkout] POST https://checkout-svc.internal.shop-example.com/api/checkout failed with 502 Bad Gateway (order %s)" % oid)

    # ---------------- legacy-payments: health probes, W3C header, HTTPERR idle noise, app warnings
    for s in SERVERS:
        emit("legacy-payments/%s/W3SVC1/u_ex260421.log" % s, -3, "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2026-04-21 13:00:00\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken")
        emit("legacy-payments/%s/HTTPERR/httperr1.log" % s, -3, "#Software: Microsoft HTTP API 2.0\n#Version: 1.0\n#Date: 2026-04-21 13:00:00\n#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename")
        t = rng.uniform(0, 5)
        while t < END:
            if DISABLED[s] is not None and t >= DISABLED[s]:
                httperr(s, t, "168.63.129.16", "GET", "/health", 503, "AppOffline")
            else:
                w3c(s, t, "GET", "/health", "-", 200, 0, 0, rng.randint(0, 3), "168.63.129.16", "Load Balancer Agent")
            t += 15
        t = rng.uniform(10, 90)
        while t < END:
            d = dt(t)
            emit("legacy-payments/%s/HTTPERR/httperr1.log" % s, t, "%s 10.40.2.%d %d %s 443 - - - - - - Timer_ConnectionIdle -" % (d.strftime("%Y-%m-%d %H:%M:%S"), rng.choice([17, 18]), rng.randint(49152, 65535), SIP[s]))
            t += rng.uniform(60, 200)
        t = rng.uniform(60, 300)
        while t < (DISABLED[s] or END):
            log4net(s, t, rng.randint(5, 60), "WARN", "Contoso.Payments.Gateway.AcquirerClient", "Acquirer response slow: %d ms (threshold 2000 ms) endpoint=https://checkout-live.adyen.com/v68/payments" % rng.randint(2001, 3800))
            t += rng.uniform(240, 600)
        # windows noise
        t = rng.uniform(30, 300)
        while t < END:
            winevent(s, t, "System", "DistributedCOM", 10016, 3,
                     "The application-specific permission settings do not grant Local Activation permission for the COM Server application with CLSID \n{2593F8B9-4EAF-457C-B68A-50F6B8EA6B54}\n and APPID \n{15C20B67-12E7-4BB6-92BB-7AFF07997402}\n to the user NT AUTHORITY\\NETWORK SERVICE SID (S-1-5-20) from address LocalHost (Using LRPC) running in the application container Unavailable SID (Unavailable). This security permission can be modified using the Component Services administrative tool.",
                     {"param1": "application-specific", "param2": "Local", "param3": "Activation", "param4": "{2593F8B9-4EAF-457C-B68A-50F6B8EA6B54}", "param5": "{15C20B67-12E7-4BB6-92BB-7AFF07997402}",
                      "param6": "NT AUTHORITY", "param7": "NETWORK SERVICE", "param8": "S-1-5-20", "param9": "LocalHost (Using LRPC)", "param10": "Unavailable", "param11": "Unavailable"},
                     qualifiers=0, pid=1012, tid=rng.randint(1000, 9000))
            t += rng.uniform(400, 900)
        t = rng.uniform(10, 200)
        while t < END:
            winevent(s, t, "System", "Schannel", 36887, 2, "A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 46.", {"AlertDesc": "46"},
                     pid=812, tid=rng.randint(1000, 9000))
            t += rng.uniform(200, 500)
        winevent(s, rng.uniform(600, 1200), "System", "WAS", 5186, 4,
                 "A worker process with process id of '%d' serving application pool 'ReportsPool' was shutdown due to inactivity. Application Pool timeout configuration was set to 20 minutes. A new worker process will be started when needed." % rng.randint(2000, 9000),
                 {"AppPoolID": "ReportsPool", "ProcessID": str(rng.randint(2000, 9000)), "TimeoutMinutes": "20"}, qualifiers=16384)
        winevent(s, 17 * 60 + rng.uniform(0, 60), "System", "WAS", 5074, 4,
                 "A worker process with process id of '%d' serving application pool 'DefaultAppPool' has requested a recycle because the worker process reached its allowed processing time limit." % rng.randint(2000, 9000),
                 {"AppPoolID": "DefaultAppPool", "ProcessID": str(rng.randint(2000, 9000))}, qualifiers=16384)
        winevent(s, rng.uniform(100, 3000), "System", "Service Control Manager", 7036, 4, "The WinHTTP Web Proxy Auto-Discovery Service service entered the running state.",
                 {"param1": "WinHTTP Web Proxy Auto-Discovery Service", "param2": "running", "Binary": "570069006E0048007400740070004100750074006F00500072006F00780079005300760063002F0034000000"},
                 qualifiers=16384, task=0, keywords="0x8080000000000000", pid=668, tid=rng.randint(1000, 9000))
        winevent(s, rng.uniform(100, 3000), "Application", "Security-SPP", 16384, 4, "Successfully scheduled Software Protection service for re-start at 2026-04-22T09:12:44Z. Reason: RulesEngine.",
                 ["2026-04-22T09:12:44Z", "RulesEngine"], qualifiers=16384, keywords="0x80000000000000")

    # ---------------- fraud-check deploy (red herring) + background
    t = 0.0
    while t < FRAUD_DEPLOY + 25:
        t += rng.uniform(50, 70)
        pyjson(FRAUD_OLD, t, "INFO", "fraud.model", "model cache hit ratio", ratio=round(rng.uniform(0.9, 0.97), 3))
    pyjson(FRAUD_OLD, FRAUD_DEPLOY + 18, "INFO", "uvicorn.error", "Shutting down")
    pyjson(FRAUD_OLD, FRAUD_DEPLOY + 18.4, "INFO", "uvicorn.error", "Finished server process [1]")
    pyjson(FRAUD_NEW, FRAUD_DEPLOY + 2, "INFO", "uvicorn.error", "Started server process [1]")
    pyjson(FRAUD_NEW, FRAUD_DEPLOY + 2.1, "INFO", "uvicorn.error", "Waiting for application startup.")
    pyjson(FRAUD_NEW, FRAUD_DEPLOY + 20.5, "WARNING", "fraud.model", "model artifact fraud-gbm-2026-04-20 loaded with sklearn 1.4.2 but was trained with 1.4.1; InconsistentVersionWarning")
    pyjson(FRAUD_NEW, FRAUD_DEPLOY + 44.8, "INFO", "uvicorn.error", "Application startup complete.")
    pyjson(FRAUD_NEW, FRAUD_DEPLOY + 44.8, "INFO", "uvicorn.error", "Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)")
    t = FRAUD_DEPLOY + 50
    while t < END:
        t += rng.uniform(50, 70)
        pyjson(FRAUD_NEW, t, "INFO", "fraud.model", "model cache hit ratio", ratio=round(rng.uniform(0.9, 0.97), 3))

    # ---------------- checkout-svc background
    for pod in CHECKOUT:
        t = rng.uniform(30, 300)
        while t < END:
            serilog(pod, t, "WRN", "Slow query detected on ShippingQuotes ({ElapsedMs} ms): SELECT TOP(1) ... FROM [ShippingQuotes] WHERE [Zone] = @p0".replace("{ElapsedMs}", str(rng.randint(600, 1900))))
            t += rng.uniform(300, 800)
    t = rng.uniform(60, 400)
    while t < END:
        appsvc_console(t, "Warning", "(node:42) Warning: Possible EventEmitter memory leak detected. 11 close listeners added to [TLSSocket]. Use emitter.setMaxListeners() to increase limit")
        t += rng.uniform(600, 1200)

    # ---------------- write
    emit("web-shop/AppServiceHTTPLogs_2026-04-21_1300-1355.csv", -10, "TenantId,TimeGenerated [UTC],Category,CsMethod,CsUriStem,SPort,CIp,UserAgent,CsUsername,CsBytes,ScBytes,ScStatus,ScSubStatus,ScWin32Status,TimeTaken,CsHost,Referer,Cookie,Result,ComputerName,CsUriQuery,_ResourceId,SourceSystem,Type")
    emit("web-shop/AppServiceConsoleLogs_2026-04-21_1300-1355.csv", -10, "TenantId,TimeGenerated [UTC],Category,Level,ResultDescription,Host,ContainerId,_ResourceId,Type")
    for name, rows in FILES.items():
        rows.sort(key=lambda r: (r[0], r[1]))
        p = OUT / name
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            for _, _, text in rows:
                f.write(text)
                f.write("\n")
    # Event Viewer "Save All Events As... (XML)": newest first, CRLF line endings, UTF-8
    for (server, channel), evs in EVENTS.items():
        evs.sort(key=lambda x: x[0], reverse=True)
        p = OUT / "legacy-payments" / server / ("%s.xml" % channel)
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<Events>\r\n')
            for _, x in evs:
                f.write(x + "\r\n")
            f.write("</Events>\r\n")
    for s in SERVERS:
        print(s, "crashes", [iso_ms(c) for c in CRASHES[s]], "disabled", iso_ms(DISABLED[s]) if DISABLED[s] else None)


if __name__ == "__main__":
    main()
