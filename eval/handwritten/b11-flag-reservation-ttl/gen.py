#!/usr/bin/env python3
"""b11: a feature-flag edit drops inventory.reservation_ttl_seconds from 900 to
90.  inventory-service applies it live; reservations expire before customers
pay; payment-service voids and returns 409; checkout shows 'items no longer
available'.  The gateway sees 409s, not 5xx.  Run: python3 gen.py"""
SEED = 1111
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common.py")).read())

# ---- case -------------------------------------------------------------------
clean_logs()
S = Sink()

START = T("2026-12-04T11:30:00Z")
END = T("2026-12-04T12:05:00Z")
FLAG = T("2026-12-04T11:46:23.512Z")
APPLIED = T("2026-12-04T11:46:23.941Z")
REVERT = T("2026-12-04T11:58:09.770Z")
REVERT_APPLIED = T("2026-12-04T11:58:10.130Z")
PSP_BLIP = (T("2026-12-04T11:48:40Z"), T("2026-12-04T11:51:10Z"))

TRF = "logs/traefik/access.log"
CHK = "logs/checkout/production.log"
PAY = "logs/payment-service.log"
INV = "logs/inventory-service.log"
FLG = "logs/flag-service.log"
NOTI = "logs/notification-worker.log"
CART = "logs/cart-service.log"


def ttl(t):
    return 90 if APPLIED <= t < REVERT_APPLIED else 900


def trf(t, method, path, status, size, dur, router, backend):
    S.add(TRF, t + timedelta(seconds=dur), '%s - - [%s] "%s %s HTTP/2.0" %d %d "https://www.fernhill-market.com/" "%s" %d "%s" "%s" %dms' % (
        ip("31.13"), clf(t), method, path, status, size, R.choice(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile/15E148"]),
        R.randint(100000, 999999), router, backend, int(dur * 1000)))


def rails(t, lvl, rid, msg):
    ts = t.strftime("%Y-%m-%dT%H:%M:%S") + ".%06d" % t.microsecond
    for i, l in enumerate(msg.split("\n")):
        S.add(CHK, t, "%s, [%s #%d] %5s -- : [%s] %s" % (lvl[0], ts, 1, lvl, rid, l))


def pay(t, level, thread, logger, msg, trace=""):
    S.add(PAY, t, "%s %5s [payment-service,%s] 1 --- [%15s] %-45s : %s" % (iso(t), level, trace, thread[-15:], logger, msg))


def inv(t, level, msg, **kw):
    S.add(INV, t, logrus(t, level, msg, **kw))


def flg(t, level, msg, **kw):
    S.add(FLG, t, logfmt(t, level, msg, **kw))


# ------------------------------------------------------------ flag-service
for t in every(START + timedelta(seconds=4), END, 30):
    flg(t, "debug", "stream heartbeat", subscribers=R.randint(14, 16))
for t in poisson_times(START, END, 1 / 7.0):
    flg(t, "info", "evaluation", flag=R.choice(["checkout.new_address_form", "cart.recs_widget", "search.semantic"]), variant=R.choice(["on", "off"]), client=R.choice(["checkout", "cart-service", "storefront"]))
flg(T("2026-12-04T11:41:02.118Z"), "info", "flag updated", flag="cart.recs_widget", old="off", new="on", actor="m.okafor@fernhill-market.com", source="ui", rollout="10%")
flg(FLAG, "info", "flag updated", flag="inventory.reservation_ttl_seconds", old="900", new="90", actor="svc-ops-bot", source="api", change_request="CR-8812")
flg(FLAG + timedelta(milliseconds=40), "info", "pushed update to subscribers", flag="inventory.reservation_ttl_seconds", subscribers=3)
flg(REVERT, "info", "flag updated", flag="inventory.reservation_ttl_seconds", old="90", new="900", actor="l.brandt@fernhill-market.com", source="ui")
flg(REVERT + timedelta(milliseconds=35), "info", "pushed update to subscribers", flag="inventory.reservation_ttl_seconds", subscribers=3)

inv(APPLIED, "info", "runtime config changed", key="reservation.ttl", value="1m30s", previous="15m0s", source="flag-service")
inv(REVERT_APPLIED, "info", "runtime config changed", key="reservation.ttl", value="15m0s", previous="1m30s", source="flag-service")

# ------------------------------------------------------------ sessions
reservations = []   # (created, rid, expired_at or None)
sessions = []
for t0 in poisson_times(START - timedelta(minutes=6), END, 0.9):
    delay = min(max(logn(110, 0.7), 12), 900)
    if R.random() < 0.25:
        delay = 100000   # abandoned checkout: never pays, reaper releases it after the TTL
    sessions.append((t0, t0 + timedelta(seconds=delay)))


def expiry_time(created):
    """when the reaper releases a reservation created at `created` (reaper runs every 10s,
    evaluates age > current ttl)."""
    t = created + timedelta(seconds=10 - (created.second % 10) - created.microsecond / 1e6)
    while t < END + timedelta(minutes=20):
        if (t - created).total_seconds() > ttl(t):
            return t
        t += timedelta(seconds=10)
    return None


reaped = {}   # reaper tick -> count
RIDS = {}
for (t0, tp) in sessions:
    rid = "res_" + alnum(12)
    exp = expiry_time(t0)
    RIDS[(t0, tp)] = (rid, exp)
    if t0 >= START:
        skus = R.randint(1, 5)
        inv(t0 + timedelta(milliseconds=R.randint(5, 20)), "info", "reservation created", reservation=rid, skus=skus, ttl="15m0s" if ttl(t0) == 900 else "1m30s")
        req = uuid()
        rails(t0, "INFO", req, 'Started POST "/checkout/start" for %s at %s +0000' % (ip("31.13"), t0.strftime("%Y-%m-%d %H:%M:%S")))
        rails(t0 + timedelta(milliseconds=48), "INFO", req, "Completed 201 Created in 47ms (Views: 0.9ms | ActiveRecord: 11.2ms | Allocations: 8123)")
        trf(t0, "POST", "/checkout/start", 201, 388, 0.05, "checkout@kubernetescrd", "http://10.70.3.%d:3000" % R.randint(10, 30))
    if exp is not None and exp < min(tp, END) and exp >= START:
        reaped[exp] = reaped.get(exp, 0) + 1

for tick in sorted(reaped):
    inv(tick + timedelta(milliseconds=R.randint(2, 30)), "info", "released expired reservations", count=reaped[tick], units=reaped[tick] * R.randint(1, 3))
# reaper heartbeat on ticks where nothing expired (debug-ish)
for t in every(START, END, 60):
    inv(t + timedelta(milliseconds=5), "debug", "reaper tick", ttl="15m0s" if ttl(t) == 900 else "1m30s")

# pay step
for (t0, tp) in sessions:
    if not (START <= tp < END):
        continue
    rid, exp = RIDS[(t0, tp)]
    req = uuid()
    trace = hexid(32)
    th = "http-nio-8080-exec-%d" % R.randint(1, 100)
    psp = logn(350, 0.3) / 1000
    if PSP_BLIP[0] <= tp < PSP_BLIP[1]:
        psp = logn(1700, 0.25) / 1000
    amt = R.randint(800, 25000)
    rails(tp, "INFO", req, 'Started POST "/checkout/confirm" for %s at %s +0000' % (ip("31.13"), tp.strftime("%Y-%m-%d %H:%M:%S")))
    rails(tp + timedelta(milliseconds=1), "INFO", req, "Processing by CheckoutController#confirm as JSON")
    # pre-existing: ~6% card declines (normal business errors)
    if R.random() < 0.06:
        pay(tp + timedelta(seconds=psp), "WARN", th, "c.f.payment.psp.AdyenClient", "authorisation refused: Refused (05 : Do not honor) amount=%d EUR" % amt, trace)
        rails(tp + timedelta(seconds=psp + 0.01), "INFO", req, "Completed 402 Payment Required in %dms (Views: 0.4ms | ActiveRecord: 3.1ms | Allocations: 5120)" % ((psp + 0.01) * 1000))
        trf(tp, "POST", "/checkout/confirm", 402, 96, psp + 0.012, "checkout@kubernetescrd", "http://10.70.3.%d:3000" % R.randint(10, 30))
        continue
    pay(tp + timedelta(seconds=psp), "INFO", th, "c.f.payment.psp.AdyenClient", "authorised pspReference=%s amount=%d EUR" % (alnum(16).upper(), amt), trace)
    expired = exp is not None and exp <= tp + timedelta(seconds=psp)
    ct = tp + timedelta(seconds=psp + 0.015)
    if expired:
        inv(ct, "warning", "confirm rejected: reservation expired", reservation=rid, age="%ds" % int((ct - t0).total_seconds()), released_at=iso(exp))
        pay(ct + timedelta(milliseconds=3), "ERROR", th, "c.f.payment.api.PaymentController",
            "payment flow failed for reservation %s, voiding authorisation\ncom.fernhill.payment.inventory.ReservationExpiredException: inventory-service rejected confirm for %s: 409 CONFLICT {\"error\":\"reservation_expired\"}\n\tat com.fernhill.payment.inventory.InventoryClient.confirm(InventoryClient.java:77)\n\tat com.fernhill.payment.service.PaymentFlow.complete(PaymentFlow.java:112)\n\tat com.fernhill.payment.api.PaymentController.pay(PaymentController.java:54)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)\nCaused by: org.springframework.web.client.HttpClientErrorException$Conflict: 409 Conflict: \"{\"error\":\"reservation_expired\"}\"\n\tat org.springframework.web.client.HttpClientErrorException.create(HttpClientErrorException.java:121)\n\t... 4 common frames omitted" % (rid, rid), trace)
        vd = logn(300, 0.3) / 1000
        pay(ct + timedelta(seconds=vd), "INFO", th, "c.f.payment.psp.AdyenClient", "authorisation cancelled amount=%d EUR" % amt, trace)
        done = ct + timedelta(seconds=vd + 0.005)
        rails(done, "ERROR", req, "PaymentClient::Conflict (payment-service responded 409: reservation_expired):\n  \napp/clients/payment_client.rb:48:in `pay!'\napp/services/checkout/confirm.rb:31:in `call'\napp/controllers/checkout_controller.rb:22:in `confirm'")
        rails(done + timedelta(milliseconds=1), "INFO", req, "Completed 409 Conflict in %dms (Views: 0.6ms | ActiveRecord: 4.9ms | Allocations: 9931)" % ((done - tp).total_seconds() * 1000))
        trf(tp, "POST", "/checkout/confirm", 409, 141, (done - tp).total_seconds() + 0.002, "checkout@kubernetescrd", "http://10.70.3.%d:3000" % R.randint(10, 30))
        if R.random() < 0.08:
            # a retry click from the customer, now without a reservation
            rt = done + timedelta(seconds=R.uniform(2, 6))
            rails(rt, "ERROR", uuid(), "NoMethodError (undefined method `items' for nil:NilClass):\n  \napp/services/checkout/confirm.rb:18:in `call'\napp/controllers/checkout_controller.rb:22:in `confirm'")
            trf(rt, "POST", "/checkout/confirm", 500, 77, 0.02, "checkout@kubernetescrd", "http://10.70.3.%d:3000" % R.randint(10, 30))
        continue
    inv(ct, "info", "reservation confirmed", reservation=rid)
    pay(ct + timedelta(milliseconds=4), "INFO", th, "c.f.payment.api.PaymentController", "payment completed reservation=%s amount=%d EUR" % (rid, amt), trace)
    done = ct + timedelta(milliseconds=8)
    rails(done, "INFO", req, "Completed 200 OK in %dms (Views: 0.8ms | ActiveRecord: 6.3ms | Allocations: 10211)" % ((done - tp).total_seconds() * 1000))
    trf(tp, "POST", "/checkout/confirm", 200, 512, (done - tp).total_seconds() + 0.002, "checkout@kubernetescrd", "http://10.70.3.%d:3000" % R.randint(10, 30))
    if R.random() < 0.5:
        S.add(NOTI, done + timedelta(seconds=1), pylog(done + timedelta(seconds=1), "INFO", "notify.email", "order confirmation queued for reservation %s" % rid))

# PSP latency warnings during the blip (coincident red herring)
for t in every(PSP_BLIP[0] + timedelta(seconds=20), PSP_BLIP[1], 30):
    pay(t, "WARN", "scheduling-1", "c.f.payment.psp.PspHealthMonitor", "PSP latency p95=%dms over last 60s (threshold 1000ms)" % R.randint(1500, 2300))

# ------------------------------------------------------------ other traffic
for t in poisson_times(START, END, 3.0):
    d = logn(20, 0.4) / 1000
    path = R.choice(["/api/cart", "/api/cart/items", "/api/products?page=%d" % R.randint(1, 30), "/api/products/%d" % R.randint(100, 9999)])
    router = "cart@kubernetescrd" if "cart" in path else "storefront@kubernetescrd"
    if "cart" in path and R.random() < 0.2:
        S.add(CART, t + timedelta(seconds=d), pino(t + timedelta(seconds=d), "info", "request completed", 1, "cart-service-7c8d", req={"method": "GET", "url": path}, res={"statusCode": 200}, responseTime=int(d * 1000)))
    trf(t, "GET", path, 200, R.randint(300, 30000), d, router, "http://10.70.4.%d:%d" % (R.randint(10, 30), 3001 if "cart" in path else 8080))
for t in every(START, END, 10):
    trf(t, "GET", "/ping", 200, 2, 0.0004, "ping@internal", "-")
# notification-worker pre-existing: SMTP relay throttling warnings
for t in poisson_times(START, END, 1 / 18.0):
    S.add(NOTI, t, pylog(t, "WARNING", "notify.smtp", "421 4.7.0 Try again later (relay throttled), requeueing message"))
# inventory: pre-existing stock sync warning
for t in poisson_times(START, END, 1 / 40.0):
    inv(t, "warning", "supplier feed sku mismatch, skipping", supplier="nordkraft", sku="NK-%05d" % R.randint(1, 99999))

S.write()
