#!/usr/bin/env python3
"""b07: the third-party tax API's server certificate expires at midnight UTC;
tax-service (Go, on VMs, shipped as RFC 5424 syslog) fails TLS verification
as its keep-alive connections and rate cache turn over.  Callers: checkout
(Django, local time), invoice-worker (Sidekiq).  Gateway: Caddy JSON.
Run: python3 gen.py"""
SEED = 707
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common.py")).read())

# ---- case -------------------------------------------------------------------
clean_logs()
S = Sink()

START = T("2026-03-31T23:44:00Z")
END = T("2026-04-01T00:19:30Z")
EXPIRY = T("2026-04-01T00:00:00Z")        # notAfter 2026-03-31T23:59:59Z
RENEWED = T("2026-04-01T00:13:40Z")       # provider deploys a new cert
SKEW02 = timedelta(seconds=4.3)           # tax-svc-02 has a broken NTP client
CET = 2                                   # checkout host TZ Europe/Amsterdam (CEST)

SYSL = "logs/syslog/tax-hosts.log"
CADDY = "logs/caddy-edge/access.json"
CHK = "logs/checkout/app.log"
CHKA = "logs/checkout/gunicorn-access.log"
SKQ = "logs/invoice-worker.log"
CART = "logs/cart-service.log"
PAY = "logs/payments.log"
REP = "logs/report-cron.log"
TAXHOST = "api.taxwise.io"


def tax(host, t, level, msg, **kw):
    skew = SKEW02 if host == "tax-svc-02" else timedelta(0)
    lt = t + skew
    sev = {"info": 6, "warning": 4, "error": 3, "debug": 7}[level]
    pri = 1 * 8 + sev  # facility user
    S.add(SYSL, t, "<%d>1 %s %s tax-service %d - - %s" % (pri, iso(lt, 6), host, 2231 if host == "tax-svc-01" else 1987, logrus(lt, level, msg, **kw)))


def caddy(t, method, uri, status, dur, upstream):
    d = {"level": "info" if status < 500 else "error", "ts": round(epoch(t + timedelta(seconds=dur)), 6), "logger": "http.log.access.log0", "msg": "handled request",
         "request": {"remote_ip": ip("91.198"), "remote_port": str(R.randint(1024, 65000)), "client_ip": ip("91.198"), "proto": "HTTP/2.0", "method": method,
                     "host": "shop.tulip-home.nl", "uri": uri, "headers": {"User-Agent": [R.choice(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/124.0", "TulipApp/2.9 (iOS 17.4)"])]}},
         "bytes_read": R.randint(0, 2000), "user_id": "", "duration": round(dur, 6), "size": R.randint(100, 20000) if status < 400 else 41, "status": status,
         "resp_headers": {"Server": ["Caddy"], "X-Upstream": [upstream]}}
    S.add(CADDY, t + timedelta(seconds=dur), json.dumps(d, separators=(",", ":")))


def chk(t, level, mod, msg):
    lt = t + timedelta(hours=CET)
    S.add(CHK, t, "%s,%03d %s [%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, level, mod, msg))


def chka(t, method, path, status, dur):
    S.add(CHKA, t + timedelta(seconds=dur), '%s - - [%s] "%s %s HTTP/1.1" %d %d "-" "Caddy" %.6f' % ("10.30.0.5", clf(t, CET), method, path, status, R.randint(50, 4000), dur))


TID = {}


def sk(t, level, msg, **kw):
    extra = " ".join("%s=%s" % (k, v) for k, v in kw.items())
    tid = TID.setdefault(kw.get("jid"), alnum(4))
    S.add(SKQ, t, "%s pid=14 tid=%s %s %s: %s" % (iso(t), tid, extra, level, msg))


# ------------------------------------------------------------ tax-service model
# rate cache: (region, category) -> expiry; TTL 600s; cache warmed continuously
cache = {}
conns = {"tax-svc-01": [], "tax-svc-02": []}   # established (pre-expiry) keep-alive connections: list of last-used times


def tls_ok(host, t):
    if t < EXPIRY or t >= RENEWED:
        return True
    # a pooled connection established before expiry can still be reused if used within 90s idle timeout
    pool = conns[host]
    live = [c for c in pool if (t - c).total_seconds() < 90]
    if live and R.random() < max(0.0, 1 - (t - EXPIRY).total_seconds() / 200.0):
        pool.remove(live[0])
        pool.append(t)
        return True
    return False


def quote_tax(t, caller, key):
    """tax-service handling one /v1/quote request -> (status, dur)"""
    host = R.choice(["tax-svc-01", "tax-svc-02"])
    exp = cache.get(key)
    if exp and exp > t:
        d = logn(2, 0.3) / 1000
        return 200, d, host
    total = 0.0
    for attempt in range(1, 4):
        at = t + timedelta(seconds=total)
        if tls_ok(host, at):
            d = logn(140, 0.3) / 1000
            total += d
            cache[key] = t + timedelta(seconds=600)
            if at < EXPIRY:
                conns[host] = [c for c in conns[host] if (at - c).total_seconds() < 90][-7:] + [at]
            if R.random() < 0.25:
                tax(host, at + timedelta(seconds=d), "info", "provider quote ok", provider=TAXHOST, region=key[0], category=key[1], latency_ms=int(d * 1000), caller=caller)
            return 200, total, host
        d = R.uniform(0.018, 0.035)
        total += d
        tax(host, at + timedelta(seconds=d), "error", "provider request failed", provider=TAXHOST, attempt=attempt,
            error='Post "https://api.taxwise.io/v2/calculate": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time %s is after 2026-03-31T23:59:59Z' % iso(at + (SKEW02 if host == "tax-svc-02" else timedelta(0)), 0))
        if attempt < 3:
            total += 0.1 * attempt
    tax(host, t + timedelta(seconds=total), "warning", "returning 502 to caller, no cached rate", region=key[0], category=key[1], caller=caller)
    return 502, total, host


REGIONS = ["NL-NH", "NL-ZH", "NL-UT", "BE-VAN", "BE-BRU", "DE-NW", "DE-BY", "FR-IDF", "NL-GE", "NL-NB"]
CATS = ["std", "reduced", "food", "books", "zero"]

# pre-warm the cache so there is a realistic hit ratio
for r in REGIONS:
    for c in CATS:
        cache[(r, c)] = START + timedelta(seconds=R.uniform(0, 600))

# invoice worker: finalises ~1 invoice every 4s, needs tax lines; Sidekiq retries with backoff
def invoice(t):
    jid = hexid(24)
    key = (R.choice(REGIONS), R.choice(CATS))
    st, d, host = quote_tax(t, "invoice-worker", key)
    sk(t, "INFO", "start", **{"class": "FinalizeInvoiceJob", "jid": jid})
    if st == 200:
        sk(t + timedelta(seconds=d + 0.05), "INFO", "done", **{"class": "FinalizeInvoiceJob", "jid": jid, "elapsed": "%.3f" % (d + 0.05)})
    else:
        sk(t + timedelta(seconds=d + 0.01), "INFO", "fail", **{"class": "FinalizeInvoiceJob", "jid": jid, "elapsed": "%.3f" % (d + 0.01)})
        sk(t + timedelta(seconds=d + 0.011), "WARN", '{"context":"Job raised exception","job":{"class":"FinalizeInvoiceJob","jid":"%s","retry_count":%d}}' % (jid, R.randint(0, 3)), **{"class": "FinalizeInvoiceJob", "jid": jid})
        sk(t + timedelta(seconds=d + 0.012), "WARN", "Faraday::ServerError: the server responded with status 502 for POST http://tax-service.internal:8085/v1/quote", **{"class": "FinalizeInvoiceJob", "jid": jid})
        sk(t + timedelta(seconds=d + 0.013), "WARN", "/app/vendor/bundle/ruby/3.3.0/gems/faraday-2.9.0/lib/faraday/response/raise_error.rb:38:in `on_complete'", **{"class": "FinalizeInvoiceJob", "jid": jid})


# ------------------------------------------------------------ traffic
EVENTS = sorted([(x, "web") for x in poisson_times(START, END, 2.3)] + [(x, "inv") for x in poisson_times(START, END, 0.25)])
for t, kind in EVENTS:
    if kind == "inv":
        invoice(t)
        continue
    k = R.random()
    if k < 0.33:
        # checkout: caddy -> checkout(django) -> cart, tax-service, payments
        key = (R.choice(REGIONS), R.choice(CATS))
        oid = "T%08d" % R.randint(0, 99999999)
        st, d, host = quote_tax(t + timedelta(seconds=0.02), "checkout", key)
        total = 0.02 + d + 0.002
        if st == 200:
            pd = logn(220, 0.3) / 1000
            total += pd
            chk(t + timedelta(seconds=total), "INFO", "checkout.views", "order %s placed region=%s total_eur=%.2f" % (oid, key[0], R.uniform(9, 400)))
            chka(t, "POST", "/api/checkout/", 201, total)
            caddy(t, "POST", "/api/checkout/", 201, total + 0.001, "checkout:8000")
            if R.random() < 0.3:
                S.add(PAY, t + timedelta(seconds=total), spring(t + timedelta(seconds=total), "INFO", 1, "http-nio-8443-exec-%d" % R.randint(1, 60), "n.t.payments.AuthorizeController", "authorized %s amount=%d EUR cents via mollie" % (oid, R.randint(900, 40000)), app="payments"))
        else:
            chk(t + timedelta(seconds=total), "ERROR", "checkout.tax", "tax quote failed for order %s region=%s\nTraceback (most recent call last):\n  File \"/srv/checkout/checkout/tax.py\", line 58, in quote\n    resp.raise_for_status()\n  File \"/usr/local/lib/python3.11/site-packages/requests/models.py\", line 1021, in raise_for_status\n    raise HTTPError(http_error_msg, response=self)\nrequests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: http://tax-service.internal:8085/v1/quote" % (oid, key[0]))
            chk(t + timedelta(seconds=total + 0.001), "WARNING", "django.request", "Service Unavailable: /api/checkout/")
            chka(t, "POST", "/api/checkout/", 503, total + 0.001)
            caddy(t, "POST", "/api/checkout/", 503, total + 0.002, "checkout:8000")
    elif k < 0.45:
        # cart: tax estimate for the basket (best effort, swallowed on failure)
        key = (R.choice(REGIONS), R.choice(CATS))
        st, d, host = quote_tax(t + timedelta(seconds=0.01), "cart-service", key)
        total = d + 0.015
        if st != 200:
            S.add(CART, t + timedelta(seconds=total), pino(t + timedelta(seconds=total), "warn", "tax estimate unavailable, showing prices excl. tax", 1, "cart-7d6c", status=st, upstream="http://tax-service.internal:8085/v1/quote"))
        caddy(t, "GET", "/api/cart", 200, total, "cart:3000")
    else:
        d = logn(25, 0.4) / 1000
        uri = R.choice(["/api/products?page=%d" % R.randint(1, 40), "/api/products/%d" % R.randint(100, 9999), "/static/app.%s.js" % hexid(8)])
        caddy(t, "GET", uri, 200, d, "catalog:8080" if "products" in uri else "file_server")

# ------------------------------------------------------------ background noise
for host in ("tax-svc-01", "tax-svc-02"):
    for t in every(START + timedelta(seconds=R.uniform(0, 30)), END, 30):
        tax(host, t, "info", "cache stats", entries=len(cache), hit_ratio="%.2f" % R.uniform(0.7, 0.9))
    for t in every(START + timedelta(seconds=R.uniform(0, 60)), END, 60):
        skew = SKEW02 if host == "tax-svc-02" else timedelta(0)
        S.add(SYSL, t, "<30>1 %s %s systemd 1 - - Started session-%d.scope - Session %d of User deploy." % (iso(t + skew, 6), host, R.randint(4000, 9000), R.randint(4000, 9000)) if R.random() < 0.1 else
              "<78>1 %s %s CRON %d - - (root) CMD (/usr/lib/node-exporter/textfile-collector.sh)" % (iso(t + skew, 6), host, R.randint(10000, 60000)))
S.add(SYSL, T("2026-03-31T23:50:12Z"), "<28>1 %s tax-svc-02 chronyd 611 - - No suitable source for synchronisation" % iso(T("2026-03-31T23:50:12Z") + SKEW02, 6))
S.add(SYSL, T("2026-04-01T00:05:12Z"), "<28>1 %s tax-svc-02 chronyd 611 - - No suitable source for synchronisation" % iso(T("2026-04-01T00:05:12Z") + SKEW02, 6))
# the provider renews: first success after RENEWED is logged by tax-service
tax("tax-svc-01", RENEWED + timedelta(seconds=1.2), "info", "provider TLS handshake ok", provider=TAXHOST, cert_not_after="2027-04-30T23:59:59Z", issuer="R11")

# payments: pre-existing webhook signature warnings
for t in poisson_times(START, END, 1 / 25.0):
    S.add(PAY, t, spring(t, "WARN", 1, "http-nio-8443-exec-%d" % R.randint(1, 60), "n.t.payments.webhook.MollieWebhookController", "webhook signature verification failed for event tr_%s (replayed from staging?)" % alnum(10), app="payments"))
for t in every(START, END, 60):
    S.add(PAY, t, spring(t, "INFO", 1, "scheduling-1", "n.t.payments.SettlementPoller", "settlement poll: %d pending" % R.randint(0, 5), app="payments"))
    S.add(CART, t + timedelta(seconds=3), pino(t + timedelta(seconds=3), "info", "carts in memory", 1, "cart-7d6c", count=R.randint(900, 1300)))
    chk(t + timedelta(seconds=7), "INFO", "checkout.health", "db=ok redis=ok tax=%s" % ("ok" if t < EXPIRY or t >= RENEWED else "ok"))  # health only pings tax-service /healthz

# midnight cron (distractor): daily report fails at 00:00:02 for an unrelated reason
def rep(t, level, msg):
    S.add(REP, t, pylog(t, level, "reports.daily", msg))


rep(T("2026-03-31T23:45:00.400Z"), "INFO", "hourly stock snapshot written (rows=18211)")
rep(T("2026-04-01T00:00:00.410Z"), "INFO", "daily sales report for 2026-03-31 starting")
rep(T("2026-04-01T00:00:02.930Z"), "ERROR", "warehouse query failed: psycopg2.errors.QueryCanceled: canceling statement due to statement timeout (dwh.internal:5432/sales)")
rep(T("2026-04-01T00:00:02.931Z"), "ERROR", "daily sales report for 2026-03-31 FAILED, will retry at 00:30")
rep(T("2026-04-01T00:00:03.100Z"), "INFO", "monthly partition sales_2026_04 created")
rep(T("2026-04-01T00:15:00.380Z"), "INFO", "hourly stock snapshot written (rows=18190)")

S.add(SYSL, T("2026-04-01T00:09:11Z"), "<14>1 2026-04-01T00:09:15.5Z tax-svc-02 tax-service 1987 - - " + garbage())
S.write()
