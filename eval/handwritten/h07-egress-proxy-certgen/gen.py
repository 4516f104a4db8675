import os, shutil, random, math, json, gzip
from datetime import datetime, timezone

R = random.Random(324007)
HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc
CDT = -5 * 3600

def ri(a, b):
    return a + int(R.random() * (b - a + 1))

def rc(seq):
    return seq[int(R.random() * len(seq))]

def T(h, m, s=0.0):
    return datetime(2026, 3, 24, h, m, 0, tzinfo=UTC).timestamp() + s

START = T(14, 5)
END = T(15, 10)
DBFULL = T(14, 29, 41.806)
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

def emit(path, t, line):
    SEQ[0] += 1
    FILES.setdefault(path, []).append((t, SEQ[0], line))

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def build_cycles():
    cyc = []
    t = DBFULL + 83.0 + R.uniform(0, 3)
    while t < END + 60:
        down = R.uniform(5.5, 8.5)
        cyc.append((t, t + down))
        t = t + down + R.uniform(38, 75)
    return cyc

CYCLES = build_cycles()
CSTART = [a for a, b in CYCLES]
import bisect

def next_cycle_after(t):
    i = bisect.bisect_right(CSTART, t)
    return CYCLES[i] if i < len(CYCLES) else (1e18, 1e18)

def phase(t):
    if t < DBFULL:
        return "normal", 0.0
    i = bisect.bisect_right(CSTART, t) - 1
    if i >= 0 and CYCLES[i][0] <= t < CYCLES[i][1]:
        return "down", 0.0
    since = t - DBFULL if i < 0 else t - CYCLES[i][1]
    q = min(1.0, since / 35.0)
    return "saturated", q

SQ_PID = [1873]
def squid_kid_pid(t):
    n = 0
    for a, b in CYCLES:
        if b <= t:
            n += 1
    return 1873 + n * 211 + (n * n) % 17

def sq_access(t, dur, client, code, size, method, url, hier, ctype="-"):
    te = t + dur
    emit("squid-egress/access.log", te, "%d.%03d %6d %s %s %d %s %s - %s %s" % (int(te), frac(te, 3), int(dur * 1000), client, code, size, method, url, hier, ctype))

def cache_log(t, msg, kid=True):
    emit("squid-egress/cache.log", t, "%s%s %s" % (sec_fmt(t + CDT, "%Y/%m/%d %H:%M:%S"), " kid1|" if kid else "|", msg))

CARRIERS = {"ups": ("onlinetools.ups.com", "153.2.224.61", "/api/rating/v2403/Shop"), "fedex": ("apis.fedex.com", "204.135.8.52", "/rate/v1/rates/quotes"), "usps": ("apis.usps.com", "56.0.34.18", "/prices/v3/base-rates/search")}
STRIPE = ("api.stripe.com", "54.187.174.169")
OTHER_EGRESS = [("hooks.slack.com", "54.89.102.217", "POST", "/services/T0X1/B0Y2/%s"), ("api.segment.io", "52.34.77.53", "POST", "/v1/batch"), ("api.sendgrid.com", "167.89.115.12", "POST", "/v3/mail/send"), ("sentry.io", "35.186.247.156", "POST", "/api/4505/envelope/"), ("api.taxjar.com", "3.215.87.201", "POST", "/v2/taxes")]

def egress_bumped(t, client, host, ip, method, path, timeout):
    ph, q = phase(t)
    if ph == "down":
        return "refused", 0.001, None
    if ph == "normal":
        cg = 0.0 if R.random() < 0.985 else R.uniform(0.08, 0.25)
    else:
        cg = R.uniform(0.5, 2.5) + q * R.uniform(1.5, 9.0)
    up = R.uniform(0.08, 0.45)
    end_ = t + cg + up
    a, b = next_cycle_after(t)
    if t < a < end_:
        if True:
            d = a - t
            sq_access(t, d, client, "NONE_NONE/000" if cg > d else "TCP_MISS_ABORTED/000", 0, "CONNECT" if cg > d else method, "%s:443" % host if cg > d else "https://%s%s" % (host, path), "HIER_NONE/-" if cg > d else "HIER_DIRECT/%s" % ip)
            return "reset", d, None
    if cg + up > timeout:
        sq_access(t, timeout + 0.001, client, "NONE_NONE/000", 0, "CONNECT", "%s:443" % host, "HIER_NONE/-")
        return "timeout", timeout, None
    sq_access(t, cg + 0.002, client, "NONE_NONE/200", 0, "CONNECT", "%s:443" % host, "HIER_NONE/-")
    sq_access(t + cg, up, client, "TCP_MISS/200", ri(600, 4800), method, "https://%s%s" % (host, path), "HIER_DIRECT/%s" % ip, "application/json")
    return "ok", cg + up, None

def egress_spliced(t, client, host, ip, dur_up):
    ph, q = phase(t)
    if ph == "down":
        return "refused", 0.001
    end_ = t + dur_up
    a, b = next_cycle_after(t)
    if t < a < end_:
        if True:
            sq_access(t, a - t, client, "TCP_TUNNEL_ABORTED/200", ri(300, 2000), "CONNECT", "%s:443" % host, "HIER_DIRECT/%s" % ip)
            return "reset", a - t
    sq_access(t, dur_up, client, "TCP_TUNNEL/200", ri(4000, 9000), "CONNECT", "%s:443" % host, "HIER_DIRECT/%s" % ip)
    return "ok", dur_up

RATES_PODS = [("rates-svc-5c7b9d8f6-h2kx9", "10.42.2.31"), ("rates-svc-5c7b9d8f6-q8wzm", "10.42.3.36")]
CO_PODS = [("checkout-api-7f8d6c5b9-4rjxt", "10.42.1.18"), ("checkout-api-7f8d6c5b9-nw2qp", "10.42.2.47"), ("checkout-api-7f8d6c5b9-vk7zs", "10.42.3.52")]
LW_PODS = [("label-worker-6b5d4c8f7-b9tq2", "10.42.1.60"), ("label-worker-6b5d4c8f7-x4mhr", "10.42.3.61")]
OTHER_CLIENTS = ["10.42.1.71", "10.42.2.75", "10.42.3.79", "10.42.2.83"]

def rates_log(pod, t, level, logger, msg):
    emit("rates-svc/%s.log" % pod, t, "%s,%03d %s %s: %s" % (sec_fmt(t, "%Y-%m-%d %H:%M:%S"), frac(t, 3), level, logger, msg))

def rates_access(pod, t, dur, client, status, size):
    emit("rates-svc/%s.log" % pod, t + dur, "%s,%03d INFO aiohttp.access: %s [%s +0000] \"POST /v1/rates HTTP/1.1\" %d %d \"-\" \"GuzzleHttp/7\"" % (sec_fmt(t + dur, "%Y-%m-%d %H:%M:%S"), frac(t + dur, 3), client, sec_fmt(t, "%d/%b/%Y:%H:%M:%S"), status, size))

def rates_call(t, co_ip):
    pod, ip = rc(RATES_PODS)
    ok = 0
    worst = 0.0
    for name in ("ups", "fedex", "usps"):
        host, hip, path = CARRIERS[name]
        res, d, _ = egress_bumped(t + 0.002, ip, host, hip, "POST", path, 4.0)
        worst = max(worst, d)
        if res == "ok":
            ok += 1
        elif res == "timeout":
            rates_log(pod, t + 4.002, "WARNING", "rates.carriers", "%s rating failed after 4.00s: ConnectionTimeoutError: Connection timeout to host https://%s%s (proxy http://egress-proxy.internal:3128)" % (name, host, path))
        elif res == "refused":
            rates_log(pod, t + 0.004, "WARNING", "rates.carriers", "%s rating failed: ClientProxyConnectionError: Cannot connect to host egress-proxy.internal:3128 ssl:default [Connect call failed ('10.20.0.15', 3128)]" % name)
        else:
            rates_log(pod, t + d + 0.002, "WARNING", "rates.carriers", "%s rating failed: ServerDisconnectedError: Server disconnected (proxy http://egress-proxy.internal:3128)" % name)
    dur = worst + 0.006
    if ok == 0:
        rates_log(pod, t + dur - 0.001, "ERROR", "rates.api", "no carrier returned rates (0/3), responding 503")
        rates_access(pod, t, dur, co_ip, 503, 74)
        return False, dur
    rates_access(pod, t, dur, co_ip, 200, 300 + ok * 210)
    return True, dur

GUZZLE_TRACE = ("[stacktrace]\n"
                "#0 /var/www/html/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php(205): GuzzleHttp\\\\Handler\\\\CurlFactory::createRejection()\n"
                "#1 /var/www/html/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php(157): GuzzleHttp\\\\Handler\\\\CurlFactory::finishError()\n"
                "#2 /var/www/html/vendor/guzzlehttp/guzzle/src/Handler/CurlHandler.php(47): GuzzleHttp\\\\Handler\\\\CurlFactory::finish()\n"
                "#3 /var/www/html/vendor/guzzlehttp/guzzle/src/Handler/Proxy.php(28): GuzzleHttp\\\\Handler\\\\CurlHandler->__invoke()\n"
                "#4 /var/www/html/vendor/guzzlehttp/guzzle/src/Client.php(333): GuzzleHttp\\\\Handler\\\\Proxy::GuzzleHttp\\\\Handler\\\\{closure}()\n"
                "#5 /var/www/html/vendor/stripe/stripe-php/lib/HttpClient/GuzzleClient.php(61): GuzzleHttp\\\\Client->request()\n"
                "#6 /var/www/html/app/Services/Payments/StripeGateway.php(88): Stripe\\\\HttpClient\\\\GuzzleClient->request()\n"
                "#7 /var/www/html/app/Http/Controllers/Api/CheckoutController.php(142): App\\\\Services\\\\Payments\\\\StripeGateway->confirm()\n"
                "#8 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/ControllerDispatcher.php(46): App\\\\Http\\\\Controllers\\\\Api\\\\CheckoutController->pay()\n"
                "#9 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Route.php(260): Illuminate\\\\Routing\\\\ControllerDispatcher->dispatch()\n"
                "#10 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Route.php(206): Illuminate\\\\Routing\\\\Route->runController()\n"
                "#11 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Router.php(806): Illuminate\\\\Routing\\\\Route->run()\n"
                "#12 /var/www/html/vendor/laravel/framework/src/Illuminate/Pipeline/Pipeline.php(144): Illuminate\\\\Routing\\\\Router->Illuminate\\\\Routing\\\\{closure}()\n"
                "#13 /var/www/html/public/index.php(51): Illuminate\\\\Foundation\\\\Http\\\\Kernel->handle()\n"
                "#14 {main}\n")

def J(d):
    return json.dumps(d, separators=(",", ":"))

def lv(pod, t, level, msg, ctx):
    emit("checkout-api/%s/laravel-2026-03-24.log" % pod, t, "[%s] production.%s: %s %s" % (sec_fmt(t, "%Y-%m-%d %H:%M:%S"), level, msg, ctx))

def ingress(t, dur, cip, method, uri, status, size, up_name, up_addr, up_status, rid, ua):
    emit("ingress-nginx/controller.log", t + dur, "%s - - [%s] \"%s %s HTTP/2.0\" %d %d \"https://shop.kettle-and-fern.com/checkout\" \"%s\" %d %.3f [%s] [] %s %d %.3f %s %s" % (
        cip, sec_fmt(t + dur, "%d/%b/%Y:%H:%M:%S +0000"), method, uri, status, size, ua, ri(300, 1600), dur, up_name, up_addr, size, max(0.0, dur - 0.001), up_status, rid))

UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.6312.99 Mobile Safari/537.36"]

def rate(t):
    x = (t - START) / 60.0
    return 4.3 + 0.5 * math.sin(x / 9.0) + 0.35 * math.sin(x / 2.5)

def gen_traffic():
    t = START
    while True:
        t += R.expovariate(rate(t))
        if t >= END:
            break
        cip = "%d.%d.%d.%d" % (rc([24, 47, 67, 71, 73, 98, 99, 104, 107, 172]), ri(0, 255), ri(0, 255), ri(1, 254))
        rid = hexid(32)
        ua = rc(UAS)
        x = R.random()
        pod, pip = rc(CO_PODS)
        up = "%s:8000" % pip
        if x < 0.45:
            uri = rc(["/api/cart", "/api/cart/items", "/api/products/%d" % ri(100, 999), "/api/orders/%d" % ri(100000, 199999), "/api/me"])
            d = R.uniform(0.01, 0.09)
            ingress(t, d, cip, "GET", uri, 200, ri(400, 6000), "shop-checkout-api-8000", up, "200", rid, ua)
        elif x < 0.80:
            ok, d = rates_call(t + 0.01, pip)
            if ok:
                lv(pod, t + 0.01 + d + 0.003, "INFO", "Shipping options quoted", J({"cart_id": "c_%s" % hexid(10), "options": ri(3, 9), "rates_ms": int(d * 1000)}))
                ingress(t, d + 0.02, cip, "POST", "/api/checkout/shipping-options", 200, ri(700, 1900), "shop-checkout-api-8000", up, "200", rid, ua)
            else:
                lv(pod, t + 0.01 + d + 0.003, "ERROR", "Shipping rates unavailable: rates-svc responded 503", J({"cart_id": "c_%s" % hexid(10), "rates_ms": int(d * 1000), "exception": "[object] (App\\Exceptions\\UpstreamUnavailable(code: 503): rates-svc returned 503 at /var/www/html/app/Services/Shipping/RatesClient.php:57)"}))
                ingress(t, d + 0.02, cip, "POST", "/api/checkout/shipping-options", 502, 112, "shop-checkout-api-8000", up, "502", rid, ua)
        elif x < 0.93:
            d = R.uniform(0.3, 1.1)
            res, dd = egress_spliced(t + 0.015, pip, STRIPE[0], STRIPE[1], d)
            oid = "KF-%d" % ri(300000, 399999)
            if res == "ok":
                if R.random() < 0.04:
                    lv(pod, t + 0.02 + dd, "WARNING", "Payment declined", J({"order_id": oid, "decline_code": rc(["insufficient_funds", "card_declined", "expired_card"]), "psp_ms": int(dd * 1000)}))
                    ingress(t, dd + 0.03, cip, "POST", "/api/checkout/pay", 402, 140, "shop-checkout-api-8000", up, "402", rid, ua)
                else:
                    lv(pod, t + 0.02 + dd, "INFO", "Payment intent confirmed", J({"order_id": oid, "amount": ri(1200, 48000), "currency": "usd", "psp_ms": int(dd * 1000)}))
                    ingress(t, dd + 0.03, cip, "POST", "/api/checkout/pay", 200, ri(300, 700), "shop-checkout-api-8000", up, "200", rid, ua)
            else:
                if res == "refused":
                    m = "cURL error 7: Failed to connect to egress-proxy.internal port 3128 after 1 ms: Couldn't connect to server (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://api.stripe.com/v1/payment_intents/pi_%s/confirm" % hexid(24)
                else:
                    m = "cURL error 56: Recv failure: Connection reset by peer (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://api.stripe.com/v1/payment_intents/pi_%s/confirm" % hexid(24)
                lv(pod, t + 0.02 + dd, "ERROR", m, "{\"order_id\":\"%s\",\"exception\":\"[object] (GuzzleHttp\\\\Exception\\\\ConnectException(code: 0): %s at /var/www/html/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php:275)\n%s\"}" % (oid, m.replace('"', '\\"'), GUZZLE_TRACE))
                ingress(t, dd + 0.03, cip, "POST", "/api/checkout/pay", 502, 98, "shop-checkout-api-8000", up, "502", rid, ua)
        else:
            d = R.uniform(0.02, 0.12)
            ingress(t, d, cip, "GET", "/api/checkout/summary", 200, ri(900, 3000), "shop-checkout-api-8000", up, "200", rid, ua)

def sk(pod, t, tid, cls, jid, msg, level="INFO", elapsed=None):
    e = " elapsed=%.3f" % elapsed if elapsed is not None else ""
    emit("label-worker/%s.log" % pod, t, "%s pid=7 tid=%s class=%s jid=%s%s %s: %s" % (iso_ms(t), tid, cls, jid, e, level, msg))

def gen_sidekiq():
    t = START
    while True:
        t += R.expovariate(0.45)
        if t >= END:
            break
        pod, ip = rc(LW_PODS)
        tid = "".join(rc("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(4))
        jid = hexid(24)
        carrier = rc(["ups", "fedex", "usps"])
        host, hip, _ = CARRIERS[carrier]
        path = {"ups": "/api/shipments/v2403/ship", "fedex": "/ship/v1/shipments", "usps": "/labels/v3/label"}[carrier]
        sk(pod, t, tid, "PurchaseLabelJob", jid, "start")
        res, d, _ = egress_bumped(t + 0.003, ip, host, hip, "POST", path, 15.0)
        if res == "ok":
            if R.random() < 0.03:
                sk(pod, t + d + 0.01, tid, "PurchaseLabelJob", jid, "fail", elapsed=d + 0.01)
                sk(pod, t + d + 0.011, tid, "PurchaseLabelJob", jid, '{"context":"Job raised exception","job":{"retry":true,"queue":"labels","class":"PurchaseLabelJob","args":[%d],"jid":"%s","retry_count":0}}' % (ri(300000, 399999), jid), level="WARN")
                sk(pod, t + d + 0.012, tid, "PurchaseLabelJob", jid, "Carriers::AddressValidationError: %s: address could not be validated (Hint: check ZIP+4)" % carrier.upper(), level="WARN")
            else:
                sk(pod, t + d + 0.02, tid, "PurchaseLabelJob", jid, "done", elapsed=d + 0.02)
        else:
            if res == "refused":
                err = "Errno::ECONNREFUSED: Failed to open TCP connection to egress-proxy.internal:3128 (Connection refused - connect(2) for \"egress-proxy.internal\" port 3128)"
                frames = ["/usr/local/lib/ruby/3.3.0/net/http.rb:1603:in `initialize'", "/usr/local/lib/ruby/3.3.0/net/http.rb:1603:in `open'", "/usr/local/lib/ruby/3.3.0/net/http.rb:1603:in `block in connect'"]
            elif res == "timeout":
                err = "Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>"
                frames = ["/usr/local/lib/ruby/3.3.0/net/protocol.rb:229:in `rbuf_fill'", "/usr/local/lib/ruby/3.3.0/net/protocol.rb:199:in `readuntil'", "/usr/local/lib/ruby/3.3.0/net/http.rb:1660:in `connect'"]
            else:
                err = "EOFError: end of file reached"
                frames = ["/usr/local/lib/ruby/3.3.0/openssl/buffering.rb:216:in `sysread_nonblock'", "/usr/local/lib/ruby/3.3.0/net/protocol.rb:218:in `rbuf_fill'", "/usr/local/lib/ruby/3.3.0/net/http.rb:1674:in `connect'"]
            frames = frames + ["/usr/local/lib/ruby/3.3.0/net/http.rb:1580:in `do_start'", "/usr/local/lib/ruby/3.3.0/net/http.rb:1569:in `start'", "/app/app/lib/carriers/%s_client.rb:41:in `purchase_label'" % carrier, "/app/app/jobs/purchase_label_job.rb:17:in `perform'"]
            te = t + d + 0.004
            sk(pod, te, tid, "PurchaseLabelJob", jid, "fail", elapsed=d + 0.004)
            sk(pod, te + 0.0005, tid, "PurchaseLabelJob", jid, '{"context":"Job raised exception","job":{"retry":true,"queue":"labels","class":"PurchaseLabelJob","args":[%d],"jid":"%s","retry_count":%d}}' % (ri(300000, 399999), jid, ri(0, 3)), level="WARN")
            sk(pod, te + 0.0006, tid, "PurchaseLabelJob", jid, err, level="WARN")
            for i, fr in enumerate(frames):
                sk(pod, te + 0.0007 + i * 0.00001, tid, "PurchaseLabelJob", jid, fr, level="WARN")

def gen_other_egress():
    t = START
    while True:
        t += R.expovariate(0.8)
        if t >= END:
            break
        host, ip, m, p = rc(OTHER_EGRESS)
        if "%s" in p:
            p = p % hexid(12)
        cl = rc(OTHER_CLIENTS)
        if host in ("api.segment.io", "sentry.io") and R.random() < 0.7:
            egress_spliced(t, cl, host, ip, R.uniform(0.1, 0.6))
        else:
            egress_bumped(t, cl, host, ip, m, p, 30.0)
    t = START + R.uniform(0, 30)
    while t < END:
        ph, q = phase(t)
        if ph != "down":
            sq_access(t, R.uniform(0.0005, 0.002), "10.20.0.2", "TCP_DENIED/403", 3841, "CONNECT", rc(["pastebin.com:443", "transfer.sh:443", "ngrok.io:443"]), "HIER_NONE/-", "text/html")
        t += R.uniform(30, 200)

def gen_cache_log():
    t = START + R.uniform(0, 60)
    while t < END:
        ph, q = phase(t)
        if ph != "down":
            cache_log(t, "ERROR: failure while accepting a TLS connection on conn%d local=10.20.0.15:3128 remote=10.42.%d.%d:%d FD %d flags=1: SQUID_TLS_ERR_ACCEPT+TLS_LIB_ERR=A000412+TLS_IO_ERR=1" % (ri(10000, 99999), ri(1, 3), ri(10, 90), ri(32000, 60999), ri(20, 400)))
            cache_log(t + 0.0001, "    connection: conn%d local=10.20.0.15:3128 remote=10.42.%d.%d:%d FD %d flags=1" % (ri(10000, 99999), ri(1, 3), ri(10, 90), ri(32000, 60999), ri(20, 400)))
        t += R.uniform(90, 400)
    t = DBFULL
    cache_log(t, "(security_file_certgen): Cannot add certificate to db.", kid=False)
    busy_t = DBFULL + R.uniform(3, 6)
    nb = 0
    t = DBFULL + 0.5
    while t < END:
        ph, q = phase(t)
        if ph == "saturated":
            if R.random() < 0.55:
                cache_log(t, "(security_file_certgen): Cannot add certificate to db.", kid=False)
            if q > 0.15:
                cache_log(t + 0.01, "WARNING: All 8/8 security_file_certgen processes are busy.")
                cache_log(t + 0.011, "WARNING: %d pending requests queued" % int(2 + q * 14))
                cache_log(t + 0.012, "WARNING: Consider increasing the number of security_file_certgen processes in your config file.")
        t += R.uniform(1.5, 4.5)
    for a, b in CYCLES:
        if a >= END:
            break
        pid = squid_kid_pid(a - 0.1)
        cache_log(a - 0.002, "WARNING: All 8/8 security_file_certgen processes are busy.")
        cache_log(a - 0.001, "WARNING: 16 pending requests queued")
        cache_log(a, "FATAL: Too many queued security_file_certgen requests")
        cache_log(a + 0.0005, "Squid Cache (Version 6.6): Terminated abnormally.")
        cache_log(a + 0.0006, "CPU Usage: %.3f seconds = %.3f user + %.3f sys" % (R.uniform(200, 900), R.uniform(150, 700), R.uniform(40, 200)))
        cache_log(a + 0.0007, "Maximum Resident Size: %d KB" % ri(380000, 520000))
        cache_log(a + 0.0008, "Page faults with physical i/o: 0")
        cache_log(a + 1.2, "Squid Parent: squid-1 process %d exited with status 1" % pid, kid=False)
        npid = squid_kid_pid(b + 0.1)
        cache_log(b - 1.0, "Squid Parent: (squid-1) process %d started" % npid, kid=False)
        for i, m in enumerate(["Set Current Directory to /var/spool/squid", "Starting Squid Cache version 6.6 for x86_64-pc-linux-gnu...", "Service Name: squid", "Process ID %d" % npid, "Process Roles: worker", "With 65536 file descriptors available", "Initializing IP Cache...", "DNS IPv6 socket created at [::], FD 8", "DNS IPv4 socket created at 0.0.0.0, FD 9", "Adding nameserver 10.20.0.2 from /etc/resolv.conf",
                               "helperOpenServers: Starting 8/32 'security_file_certgen' processes", "Logfile: opening log daemon:/var/log/squid/access.log", "Logfile Daemon: opening log /var/log/squid/access.log", "Local cache digest enabled; rebuild/rewrite every 3600/3600 sec", "Store logging disabled", "Swap maxSize 0 + 262144 KB, estimated 20164 objects", "Target number of buckets: 1008", "Using 8192 Store buckets", "Max Mem  size: 262144 KB", "Max Swap size: 0 KB", "Using Least Load store dir selection", "Finished loading MIME types and icons.", "HTCP Disabled.", "Pinger socket opened on FD 21", "Squid plugin modules loaded: 0", "Adaptation support is off.", "Accepting SSL bumped HTTP Socket connections at conn5 local=[::]:3128 remote=[::] FD 18 flags=9"]):
            cache_log(b - 0.9 + i * 0.02, m)

def gen_laravel_noise():
    for pod, ip in CO_PODS:
        t = START + R.uniform(0, 200)
        while t < END:
            lv(pod, t, "WARNING", "Stripe webhook signature verification skipped for replayed event", J({"event_id": "evt_%s" % hexid(24), "type": "charge.updated"}))
            t += R.uniform(200, 700)
    d = T(14, 21, 7.4)
    for pod, ip in CO_PODS:
        dd = d + R.uniform(0, 40)
        lv(pod, dd, "INFO", "Application booted", J({"release": "2026.03.24-3", "commit": "e41c9a7", "php": "8.3.4", "opcache": True}))
        lv(pod, dd + 0.02, "WARNING", "Config cache was built with APP_ENV=production but .env is present; ignoring .env", "[]")
    for pod, ip in RATES_PODS:
        t = START + R.uniform(0, 60)
        while t < END:
            rates_log(pod, t, "INFO", "rates.cache", "carrier token refresh ok (ups expires_in=14399)") if R.random() < 0.2 else None
            t += 300

def write_all():
    shutil.rmtree(LOGS, ignore_errors=True)
    os.makedirs(LOGS)
    for rel in sorted(FILES):
        rows = FILES[rel]
        rows.sort(key=lambda r: (r[0], r[1]))
        p = os.path.join(LOGS, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        data = ("\n".join(r[2] for r in rows) + "\n").encode()
        if rel == "squid-egress/access.log":
            cut = T(14, 30)
            a = [r[2] for r in rows if r[0] < cut]
            b = [r[2] for r in rows if r[0] >= cut]
            with open(p + ".1.gz", "wb") as f:
                with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=6) as g:
                    g.write(("\n".join(a) + "\n").encode())
            data = ("\n".join(b) + "\n").encode()
        with open(p, "wb") as f:
            f.write(data)

gen_traffic()
gen_sidekiq()
gen_other_egress()
gen_cache_log()
gen_laravel_noise()
write_all()
