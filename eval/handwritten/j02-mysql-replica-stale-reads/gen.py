#!/usr/bin/env python3
"""Generator for case j02 (deterministic, standard library only).

Writes ./logs/ beside this file. Re-running produces byte-identical output.
"""
import datetime
import json
import math
import os
import random
import shutil

SEED = 2202
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
UTC = datetime.timezone.utc
DAY0 = datetime.datetime(2025, 10, 7, tzinfo=UTC).timestamp()


def T(h, m, s=0.0):
    return DAY0 + h * 3600 + m * 60 + s


def dt(t):
    return datetime.datetime.fromtimestamp(round(t, 6), UTC)


def ruby_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d" % d.microsecond


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def mysql_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % d.microsecond


def nginx_ts(t):
    return dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000")


def nginx_err_ts(t):
    return dt(t).strftime("%Y/%m/%d %H:%M:%S")


LINES = {}


def emit(path, t, line):
    LINES.setdefault(path, []).append((t, len(LINES.get(path, [])), line))


def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))


def uuid4():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[R.randrange(4)], h[17:20], h[20:32])


def lognorm(median, sigma):
    return median * math.exp(R.gauss(0, sigma))


START = T(13, 30)
END = T(14, 42)
LAG_START = T(14, 8, 37.5)
ADMIN_DEPLOY = T(14, 5, 52.0)


def lag(t):
    if t < LAG_START:
        return 0.0 if R.random() < 0.9 else 1.0
    x = t - LAG_START
    return 0.58 * x + 3 * math.sin(x / 50.0)


WEB_PODS = ["storefront-web-7b94d6c8f-2lkxd", "storefront-web-7b94d6c8f-9sd7q", "storefront-web-7b94d6c8f-vjw4h"]
WEB_IPS = ["10.40.2.17", "10.40.2.18", "10.40.2.19"]
SQ_PODS = ["storefront-sidekiq-66c9f7d5b-8mkzr", "storefront-sidekiq-66c9f7d5b-qq4ts"]

UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36",
]
APP_UA = ["Tidewater/4.21.0 (iOS 18.0; iPhone14,2) Alamofire/5.9.1", "Tidewater/4.21.0 (Android 15; SM-S921B) okhttp/4.12.0"]
BOT_PATHS = ["/wp-login.php", "/.env", "/xmlrpc.php", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/.git/config"]

ORDER_SEQ = [4839200]
USERS = list(range(100000, 100600))


def next_order():
    ORDER_SEQ[0] += 1
    oid = ORDER_SEQ[0]
    number = "R%09d" % (oid * 7919 % 1000000000)
    return oid, number


def rails(pod, t, sev, tag, msg):
    c = sev[0]
    emit("storefront-web/%s/production.log" % pod, t, "%s, [%s #%d] %5s -- : [%s] %s" % (c, ruby_ts(t), 1, sev, tag, msg))


def nginx_access(t, ip, method, path, status, size, ref, ua, rt, upstream, urt):
    emit("edge-nginx/access.log", t,
         '%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s" rt=%.3f uct="0.000" uht="%s" urt="%s" upstream=%s' % (
             ip, nginx_ts(t), method, path, status, size, ref, ua, rt, urt, urt, upstream))


def client_ip():
    return "%d.%d.%d.%d" % (R.choice([73, 98, 174, 24, 68, 107, 172]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))


def web_request(t, method, path, controller, params, status, ar_ms, view_ms, extra=None, ua=None, ip=None, fatal=None):
    i = R.randrange(3)
    pod = WEB_PODS[i]
    rid = uuid4()
    ip = ip or client_ip()
    total = ar_ms + view_ms + lognorm(4, 0.4)
    rails(pod, t, "INFO", rid, 'Started %s "%s" for %s at %s' % (method, path, ip, dt(t).strftime("%Y-%m-%d %H:%M:%S +0000")))
    rails(pod, t + 0.0004, "INFO", rid, "Processing by %s as %s" % (controller, "JSON" if path.startswith("/api") else "HTML"))
    if params:
        rails(pod, t + 0.0005, "INFO", rid, "  Parameters: %s" % params)
    for (sev, m) in (extra or []):
        rails(pod, t + total / 2000.0, sev, rid, m)
    te = t + total / 1000.0
    text = {200: "OK", 302: "Found", 404: "Not Found", 422: "Unprocessable Content", 500: "Internal Server Error",
            201: "Created", 401: "Unauthorized"}[status]
    if status == 302:
        rails(pod, te - 0.0002, "INFO", rid, "Redirected to https://www.tidewatersupply.com%s" % (extra_redirect.pop() if extra_redirect else "/"))
    rails(pod, te, "INFO", rid, "Completed %d %s in %dms (%sActiveRecord: %.1fms (%d queries, %d cached) | GC: %.1fms)" % (
        status, text, int(total), ("Views: %.1fms | " % view_ms) if view_ms else "", ar_ms, R.randint(2, 14), R.randint(0, 4), R.uniform(0, 3)))
    if fatal:
        rails(pod, te + 0.0002, "FATAL", rid, "  ")
        for fl in fatal:
            rails(pod, te + 0.0003, "FATAL", rid, fl)
    up = "%s:3000" % WEB_IPS[i]
    return te, up, total / 1000.0


extra_redirect = []


def traffic():
    t = START
    while t < END:
        t += R.expovariate(0.8)
        x = R.random()
        ua = R.choice(UAS)
        ip = client_ip()
        L = lag(t)
        if x < 0.30:
            slug = R.choice(["merino-crew-socks", "canvas-tote", "field-jacket", "rope-sandals", "linen-shirt", "duck-boots"])
            path = "/products/%s" % slug
            te, up, d = web_request(t, "GET", path, "Spree::ProductsController#show", '{"id"=>"%s"}' % slug, 200, lognorm(6, 0.4), lognorm(30, 0.4))
            nginx_access(t, ip, "GET", path, 200, R.randint(38000, 61000), "https://www.tidewatersupply.com/", ua, d + 0.001, up, "%.3f" % d)
        elif x < 0.42:
            path = "/t/%s" % R.choice(["men", "women", "home", "sale", "new-arrivals"])
            te, up, d = web_request(t, "GET", path, "Spree::TaxonsController#show", '{"id"=>"%s"}' % path[3:], 200, lognorm(9, 0.4), lognorm(45, 0.4))
            nginx_access(t, ip, "GET", path, 200, R.randint(60000, 90000), "https://www.tidewatersupply.com/", ua, d + 0.001, up, "%.3f" % d)
        elif x < 0.50:
            path = "/cart"
            te, up, d = web_request(t, "GET", path, "Spree::OrdersController#edit", None, 200, lognorm(5, 0.4), lognorm(20, 0.4))
            nginx_access(t, ip, "GET", path, 200, R.randint(20000, 30000), "https://www.tidewatersupply.com/", ua, d + 0.001, up, "%.3f" % d)
        elif x < 0.565:
            checkout_flow(t, ip, ua, web=True)
        elif x < 0.62:
            checkout_flow(t, ip, R.choice(APP_UA), web=False)
        elif x < 0.70:
            ua = R.choice(APP_UA)
            u = R.choice(USERS)
            path = "/api/v2/storefront/account/orders?page=1"
            te, up, d = web_request(t, "GET", path, "Spree::Api::V2::Storefront::Account::OrdersController#index", '{"page"=>"1"}', 200, lognorm(7, 0.4), 0)
            nginx_access(t, ip, "GET", path, 200, R.randint(2000, 14000), "-", ua, d + 0.001, up, "%.3f" % d)
        elif x < 0.74:
            path = "/api/v2/storefront/products?filter[taxons]=%d&page=%d" % (R.randint(1, 40), R.randint(1, 5))
            te, up, d = web_request(t, "GET", path, "Spree::Api::V2::Storefront::ProductsController#index", None, 200, lognorm(11, 0.4), 0)
            nginx_access(t, ip, "GET", path, 200, R.randint(12000, 40000), "-", R.choice(APP_UA), d + 0.001, up, "%.3f" % d)
        elif x < 0.76:
            path = R.choice(BOT_PATHS)
            te, up, d = web_request(t, "GET", path, "ApplicationController#route_not_found", None, 404, 0, 0,
                                    fatal=['ActionController::RoutingError (No route matches [GET] "%s"):' % path, ""])
            nginx_access(t, "45.%d.%d.%d" % (R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)), "GET", path, 404, 1722, "-",
                         "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)", d, up, "%.3f" % d)
        elif x < 0.78:
            path = "/login"
            if R.random() < 0.2:
                te, up, d = web_request(t, "POST", path, "Spree::UserSessionsController#create", '{"authenticity_token"=>"[FILTERED]", "spree_user"=>{"email"=>"[FILTERED]", "password"=>"[FILTERED]"}}', 422, 1.2, 9,
                                        extra=[("WARN", "Can't verify CSRF token authenticity.")])
                nginx_access(t, ip, "POST", path, 422, 30211, "https://www.tidewatersupply.com/login", ua, d, up, "%.3f" % d)
            else:
                extra_redirect.append("/account")
                te, up, d = web_request(t, "POST", path, "Spree::UserSessionsController#create", '{"authenticity_token"=>"[FILTERED]", "spree_user"=>{"email"=>"[FILTERED]", "password"=>"[FILTERED]"}}', 302, lognorm(4, 0.3), 0)
                nginx_access(t, ip, "POST", path, 302, 104, "https://www.tidewatersupply.com/login", ua, d, up, "%.3f" % d)
        else:
            nginx_access(t, ip, "GET", "/assets/application-%s.css" % "8f14e45fceea167a5a36dedd4bea2543", 200, 91233, "https://www.tidewatersupply.com/", ua, 0.0, "-", "-")


ORDER_404_TRACE = [
    "ActiveRecord::RecordNotFound (Couldn't find Spree::Order):",
    "",
    "app/controllers/spree/orders_controller_decorator.rb:22:in `load_order_with_lock'",
    "app/controllers/concerns/order_tracking.rb:9:in `track_order_view'",
    "actionpack (7.2.1) lib/abstract_controller/callbacks.rb:34:in `block (2 levels) in <module:Callbacks>'",
    "activesupport (7.2.1) lib/active_support/callbacks.rb:121:in `block in run_callbacks'",
]
API_404_TRACE = [
    "ActiveRecord::RecordNotFound (Couldn't find Spree::Order with [WHERE `spree_orders`.`user_id` = ? AND `spree_orders`.`number` = ?]):",
    "",
    "app/controllers/spree/api/v2/storefront/account/orders_controller_decorator.rb:31:in `resource'",
    "spree_api (4.10.1) app/controllers/spree/api/v2/storefront/account/orders_controller.rb:18:in `show'",
]


def checkout_flow(t, ip, ua, web):
    oid, number = next_order()
    created = t
    if web:
        extra_redirect.append("/orders/%s" % number)
        te, up, d = web_request(t, "PATCH", "/checkout/update/confirm", "Spree::CheckoutController#update",
                                '{"authenticity_token"=>"[FILTERED]", "state"=>"confirm"}', 302, lognorm(48, 0.3), 0)
        nginx_access(t, ip, "PATCH", "/checkout/update/confirm", 302, 118, "https://www.tidewatersupply.com/checkout/confirm", ua, d, up, "%.3f" % d)
    else:
        path = "/api/v2/storefront/checkout/complete"
        te, up, d = web_request(t, "PATCH", path, "Spree::Api::V2::Storefront::CheckoutController#complete", None, 200, lognorm(52, 0.3), 0)
        nginx_access(t, ip, "PATCH", path, 200, R.randint(4000, 7000), "-", ua, d, up, "%.3f" % d)
    enqueue_jobs(te + 0.01, oid, number)
    t2 = te + (R.uniform(0.15, 0.6) if web else R.uniform(0.3, 1.2))
    if web:
        reads = [t2]
        if R.random() < 0.35:
            reads.append(t2 + R.uniform(4, 40))
        for tr in reads:
            stale = (tr - created > 2.0) and lag(tr) > tr - created
            path = "/orders/%s" % number
            if stale:
                te2, up2, d2 = web_request(tr, "GET", path, "Spree::OrdersController#show", '{"id"=>"%s"}' % number, 404, 1.1, 0,
                                           fatal=ORDER_404_TRACE, ua=ua, ip=ip)
                nginx_access(tr, ip, "GET", path, 404, 1564, "https://www.tidewatersupply.com/checkout/confirm", ua, d2, up2, "%.3f" % d2)
            else:
                te2, up2, d2 = web_request(tr, "GET", path, "Spree::OrdersController#show", '{"id"=>"%s"}' % number, 200, lognorm(8, 0.3), lognorm(25, 0.3), ua=ua, ip=ip)
                nginx_access(tr, ip, "GET", path, 200, R.randint(30000, 42000), "https://www.tidewatersupply.com/checkout/confirm", ua, d2, up2, "%.3f" % d2)
    else:
        tr = t2
        path = "/api/v2/storefront/account/orders/%s" % number
        stale = lag(tr) > tr - created
        if stale:
            te2, up2, d2 = web_request(tr, "GET", path, "Spree::Api::V2::Storefront::Account::OrdersController#show", '{"id"=>"%s"}' % number, 404, 0.9, 0,
                                       ua=ua, ip=ip)
            nginx_access(tr, ip, "GET", path, 404, 97, "-", ua, d2, up2, "%.3f" % d2)
            for k in range(2):
                tr += 1.5 * (k + 1)
                stale = lag(tr) > tr - created
                te2, up2, d2 = web_request(tr, "GET", path, "Spree::Api::V2::Storefront::Account::OrdersController#show", '{"id"=>"%s"}' % number,
                                           404 if stale else 200, 0.9 if stale else 6.0, 0, ua=ua, ip=ip)
                nginx_access(tr, ip, "GET", path, 404 if stale else 200, 97 if stale else 5120, "-", ua, d2, up2, "%.3f" % d2)
                if not stale:
                    break
            if stale and R.random() < 0.3:
                checkout_flow(tr + R.uniform(8, 30), ip, ua, web=False)
        else:
            te2, up2, d2 = web_request(tr, "GET", path, "Spree::Api::V2::Storefront::Account::OrdersController#show", '{"id"=>"%s"}' % number, 200, 6.0, 0, ua=ua, ip=ip)
            nginx_access(tr, ip, "GET", path, 200, R.randint(4000, 6000), "-", ua, d2, up2, "%.3f" % d2)


def sq_line(pod, t, tid, rest):
    emit("storefront-sidekiq/%s/sidekiq.log" % pod, t, "%s pid=1 tid=%s %s" % (iso_ms(t), tid, rest))


TIDS = {}


def tid_for(pod):
    if pod not in TIDS:
        TIDS[pod] = ["%s" % "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(4)) for _ in range(10)]
    return R.choice(TIDS[pod])


JOB_TRACE = {
    "OrderConfirmationJob": "app/jobs/order_confirmation_job.rb:9:in `perform'",
    "CapturePaymentJob": "app/jobs/capture_payment_job.rb:14:in `perform'",
    "InventoryReservationJob": "app/jobs/inventory_reservation_job.rb:11:in `perform'",
}


def run_job(t, klass, args, oid, created, attempt=0, queue="default", jid=None):
    if t > END:
        return
    pod = R.choice(SQ_PODS)
    tid = tid_for(pod)
    jid = jid or hexid(24)
    ctx = "class=%s jid=%s" % (klass, jid)
    sq_line(pod, t, tid, "%s INFO: start" % ctx)
    stale = (oid is not None) and klass != "InventoryReservationJob" and lag(t) > (t - created)
    if stale:
        el = lognorm(0.012, 0.3)
        sq_line(pod, t + el, tid, "%s elapsed=%.3f INFO: fail" % (ctx, el))
        job = {"retry": {"OrderConfirmationJob": 3, "CapturePaymentJob": 5}[klass], "queue": queue, "args": args,
               "class": klass, "jid": jid, "created_at": round(created, 3), "enqueued_at": round(t, 3)}
        if attempt:
            job["retry_count"] = attempt - 1
            job["failed_at"] = round(created + 0.05, 3)
            job["retried_at"] = round(t - 0.5, 3)
            job["error_message"] = "Couldn't find Spree::Order with 'id'=%d" % oid
            job["error_class"] = "ActiveRecord::RecordNotFound"
        sq_line(pod, t + el + 0.0002, tid, ctx + ' WARN: {"context":"Job raised exception","job":%s}' % json.dumps(job, separators=(",", ":")))
        sq_line(pod, t + el + 0.0003, tid, ctx + " WARN: ActiveRecord::RecordNotFound: Couldn't find Spree::Order with 'id'=%d" % oid)
        sq_line(pod, t + el + 0.0004, tid, ctx + " WARN: /usr/local/bundle/gems/activerecord-7.2.1/lib/active_record/core.rb:253:in `find'\n"
                                           "/app/%s\n"
                                                                                      "/usr/local/bundle/gems/activesupport-7.2.1/lib/active_support/callbacks.rb:121:in `block in run_callbacks'\n"
                                           "/usr/local/bundle/gems/sidekiq-7.3.2/lib/sidekiq/processor.rb:220:in `execute_job'" % JOB_TRACE[klass])
        if attempt < {"OrderConfirmationJob": 3, "CapturePaymentJob": 5}[klass]:
            delay = attempt ** 4 + 15 + R.randint(0, 10) * (attempt + 1)
            run_job(t + delay, klass, args, oid, created, attempt + 1, queue, jid)
        return
    el = lognorm({"OrderConfirmationJob": 0.31, "CapturePaymentJob": 0.84, "InventoryReservationJob": 0.05}.get(klass, 0.1), 0.35)
    if klass == "CapturePaymentJob" and R.random() < 0.01:
        sq_line(pod, t + el, tid, "%s elapsed=%.3f INFO: fail" % (ctx, el))
        sq_line(pod, t + el + 0.0003, tid, "WARN: Braintree::UnexpectedError: expected a gateway response but got a 502 from api.braintreegateway.com")
        return
    sq_line(pod, t + el, tid, "%s elapsed=%.3f INFO: done" % (ctx, el))


def enqueue_jobs(t, oid, number):
    run_job(t + R.uniform(0.02, 0.2), "OrderConfirmationJob", [oid], oid, t, queue="mailers")
    run_job(t + R.uniform(0.02, 0.2), "CapturePaymentJob", [oid], oid, t, queue="critical")
    run_job(t + R.uniform(0.02, 0.2), "InventoryReservationJob", [oid, number], oid, t)


def sidekiq_background():
    t = START
    while t < END:
        t += R.expovariate(0.15)
        x = R.random()
        pod = R.choice(SQ_PODS)
        tid = tid_for(pod)
        jid = hexid(24)
        if x < 0.5:
            k = "Spree::Products::TouchTaxonsJob"
            el = lognorm(0.04, 0.3)
            sq_line(pod, t, tid, "class=%s jid=%s INFO: start" % (k, jid))
            sq_line(pod, t + el, tid, "class=%s jid=%s elapsed=%.3f INFO: done" % (k, jid, el))
        elif x < 0.8:
            k = "AbandonedCartReminderJob"
            el = lognorm(0.2, 0.3)
            sq_line(pod, t, tid, "class=%s jid=%s INFO: start" % (k, jid))
            sq_line(pod, t + el, tid, "class=%s jid=%s elapsed=%.3f INFO: done" % (k, jid, el))
        else:
            k = "ShippingRateSyncJob"
            el = 15.0 + R.uniform(0, 0.05)
            sq_line(pod, t, tid, "class=%s jid=%s INFO: start" % (k, jid))
            if R.random() < 0.5:
                sq_line(pod, t + el, tid, "class=%s jid=%s elapsed=%.3f INFO: fail" % (k, jid, el))
                sq_line(pod, t + el + 0.0002, tid, "WARN: Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>")
                sq_line(pod, t + el + 0.0003, tid, "WARN: /usr/local/lib/ruby/3.3.0/net/protocol.rb:229:in `rbuf_fill'\n/app/app/services/carriers/ups_rates.rb:41:in `fetch'\n/app/app/jobs/shipping_rate_sync_job.rb:12:in `perform'")
            else:
                sq_line(pod, t + el * 0.2, tid, "class=%s jid=%s elapsed=%.3f INFO: done" % (k, jid, el * 0.2))
    for pod in SQ_PODS:
        t = START + R.uniform(0, 10)
        while t < END:
            t += 300 + R.uniform(-5, 5)
            sq_line(pod, t, tid_for(pod), "INFO: Cleaning working queues")


def mysql_logs():
    rep = "mysql-replica/mysql-replica-0/error.log"
    pri = "mysql-primary/mysql-primary-0/error.log"
    for f, host in ((pri, "primary"), (rep, "replica")):
        t = START
        while t < END:
            t += R.expovariate(1 / 90.0)
            x = R.random()
            if x < 0.5:
                emit(f, t, "%s %d [Note] [MY-010914] [Server] Aborted connection %d to db: 'tidewater_production' user: 'storefront' host: '10.40.2.%d' (Got an error reading communication packets)." % (
                    mysql_ts(t), R.randint(180000, 190000), R.randint(180000, 190000), R.randint(17, 19)))
            elif x < 0.8:
                emit(f, t, "%s %d [Warning] [MY-010055] [Server] IP address '10.40.9.%d' could not be resolved: Name or service not known" % (mysql_ts(t), R.randint(180000, 190000), R.randint(2, 60)))
            else:
                emit(f, t, "%s %d [Note] [MY-010926] [Server] Access denied for user 'datadog'@'10.40.7.12' (using password: YES)" % (mysql_ts(t), R.randint(180000, 190000)))
    t = START + 41.8
    ev_total = 0
    while t < END:
        t += 120
        if t < LAG_START:
            ev = R.randint(520000, 610000)
            cc = R.randint(2000, 9000)
            tot = 0
            qf = 0
        else:
            k = min(1.0, (t - LAG_START) / 400.0)
            ev = int(R.randint(520000, 610000) * (1 - 0.45 * k))
            cc = int(R.randint(2000, 9000) + k * R.randint(2500000, 4100000))
            tot = int(k * R.randint(9000, 16000))
            qf = int(k * R.randint(300, 900))
        emit(rep, t, "%s 14 [Note] [MY-010559] [Repl] Multi-threaded replica statistics for channel '': seconds elapsed = 120; events assigned = %d; worker queues filled over overrun level = %d; waited due a Worker queue full = %d; waited due the total size = %d; waited at clock conflicts = %d waited (count) when Workers occupied = %d waited when Workers occupied = %d" % (
            mysql_ts(t), ev, qf, qf // 3, tot, cc * 1000 + R.randint(0, 999), R.randint(0, 40) if t < LAG_START else R.randint(4000, 9000), 0 if t < LAG_START else R.randint(10 ** 9, 9 * 10 ** 9)))
    t = LAG_START + 11.3
    while t < END:
        ms = int(lognorm(4200, 0.35))
        emit(rep, t, "%s 0 [Note] [MY-011953] [InnoDB] Page cleaner took %dms to flush %d and evict 0 pages" % (mysql_ts(t), ms, R.randint(90, 400)))
        t += R.uniform(60, 260)
    emit(pri, ADMIN_DEPLOY + 8, "%s %d [Warning] [MY-013360] [Server] Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'" % (mysql_ts(ADMIN_DEPLOY + 8), 190211))


def admin_backoffice():
    f = "admin-backoffice/admin-backoffice-5f7b8c9d4-kx2mp/production.log"
    t = START
    pid = 1
    while t < ADMIN_DEPLOY:
        t += R.expovariate(0.05)
        rid = uuid4()
        emit(f, t, "I, [%s #%d]  INFO -- : [%s] Started GET \"/admin/orders?q%%5Bstate_eq%%5D=complete\" for 10.40.0.5 at %s" % (ruby_ts(t), pid, rid, dt(t).strftime("%Y-%m-%d %H:%M:%S +0000")))
        emit(f, t + 0.08, "I, [%s #%d]  INFO -- : [%s] Completed 200 OK in 81ms (Views: 44.2ms | ActiveRecord: 21.7ms (11 queries, 0 cached) | GC: 1.2ms)" % (ruby_ts(t + 0.08), pid, rid))
    f2 = "admin-backoffice/admin-backoffice-7d8e9f1a2-p4wcz/production.log"
    d = ADMIN_DEPLOY
    lines = [
        (0.0, "I", "INFO", "Migrating to AddDescriptionToFeatureToggles (20251007120455)"),
        (0.01, "D", "DEBUG", "== 20251007120455 AddDescriptionToFeatureToggles: migrating ========================="),
        (0.02, "D", "DEBUG", "-- add_column(:feature_toggles, :description, :string)"),
        (0.05, "D", "DEBUG", "   -> 0.0213s"),
        (0.06, "D", "DEBUG", "== 20251007120455 AddDescriptionToFeatureToggles: migrated (0.0214s) ================"),
        (2.5, "I", "INFO", "Puma starting in single mode..."),
        (2.51, "I", "INFO", "* Puma version: 6.4.3 (ruby 3.3.5-p100) (\"The Eagle of Durango\")"),
        (2.52, "I", "INFO", "*  Environment: production"),
        (2.6, "I", "INFO", "* Listening on http://0.0.0.0:3000"),
    ]
    for off, c, sev, m in lines:
        emit(f2, d + off, "%s, [%s #%d] %5s -- : %s" % (c, ruby_ts(d + off), pid, sev, m))
    emit(f2, d + 9, "W, [%s #%d]  WARN -- : DEPRECATION WARNING: `Rails.application.secrets` is deprecated in favor of `Rails.application.credentials` and will be removed in Rails 7.2. (called from <main> at /app/config/initializers/sentry.rb:3)" % (ruby_ts(d + 9), pid))
    t = d + 12
    while t < END:
        t += R.expovariate(0.05)
        rid = uuid4()
        if R.random() < 0.15:
            emit(f2, t, "I, [%s #%d]  INFO -- : [%s] Started GET \"/admin/reports/sales\" for 10.40.0.5 at %s" % (ruby_ts(t), pid, rid, dt(t).strftime("%Y-%m-%d %H:%M:%S +0000")))
            emit(f2, t + 0.2, "I, [%s #%d]  INFO -- : [%s] Completed 500 Internal Server Error in 201ms (ActiveRecord: 3.1ms (2 queries, 0 cached) | GC: 0.0ms)" % (ruby_ts(t + 0.2), pid, rid))
            emit(f2, t + 0.2002, "F, [%s #%d] FATAL -- : [%s] ActionView::Template::Error (undefined method `description' for nil):" % (ruby_ts(t + 0.2002), pid, rid))
        else:
            emit(f2, t, "I, [%s #%d]  INFO -- : [%s] Started GET \"/admin/orders?q%%5Bstate_eq%%5D=complete\" for 10.40.0.5 at %s" % (ruby_ts(t), pid, rid, dt(t).strftime("%Y-%m-%d %H:%M:%S +0000")))
            emit(f2, t + 0.08, "I, [%s #%d]  INFO -- : [%s] Completed 200 OK in 83ms (Views: 45.0ms | ActiveRecord: 22.3ms (11 queries, 0 cached) | GC: 1.0ms)" % (ruby_ts(t + 0.08), pid, rid))


def nginx_errors():
    f = "edge-nginx/error.log"
    t = START
    while t < END:
        t += R.expovariate(1 / 45.0)
        x = R.random()
        if x < 0.6:
            emit(f, t, '%s [error] 31#31: *%d open() "/usr/share/nginx/html/apple-touch-icon-precomposed.png" failed (2: No such file or directory), client: %s, server: www.tidewatersupply.com, request: "GET /apple-touch-icon-precomposed.png HTTP/1.1", host: "www.tidewatersupply.com"' % (nginx_err_ts(t), R.randint(10 ** 6, 9 * 10 ** 6), client_ip()))
        else:
            emit(f, t, '%s [warn] 31#31: *%d an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/%d/%02d/%010d while reading upstream, client: %s, server: www.tidewatersupply.com, request: "GET /t/sale HTTP/1.1", upstream: "http://10.40.2.%d:3000/t/sale", host: "www.tidewatersupply.com"' % (
                nginx_err_ts(t), R.randint(10 ** 6, 9 * 10 ** 6), R.randint(0, 9), R.randint(0, 99), R.randint(10 ** 8, 10 ** 9), client_ip(), R.randint(17, 19)))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    traffic()
    sidekiq_background()
    mysql_logs()
    admin_backoffice()
    nginx_errors()
    for path in sorted(LINES):
        full = os.path.join(OUT, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        rows = sorted(LINES[path], key=lambda r: (r[0], r[1]))
        with open(full, "w", encoding="utf-8", newline="\n") as fh:
            for r in rows:
                fh.write(r[2])
                fh.write("\n")


if __name__ == "__main__":
    main()
