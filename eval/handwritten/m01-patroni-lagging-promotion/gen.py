#!/usr/bin/env python3
"""m01: Patroni fails over to a replica that had silently fallen back to WAL-archive
catch-up; ~3.5 minutes of committed orders are lost, the order id sequence rewinds and
new orders reuse ids that already carry payments (409 idempotency conflicts)."""
import heapq
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from m_common import (LogSet, Rand, USER_AGENTS, iso, jdump, main_dir, report, strf,  # noqa: E402
                      ts_of, write_topology, write_truth, py_trace)

R = Rand(20250311)
T0 = ts_of(2025, 3, 11, 13, 36, 0)
T1 = ts_of(2025, 3, 11, 14, 31, 0)
REPLICA_FALLBACK = ts_of(2025, 3, 11, 13, 51, 4.221)   # orders-pg-1 streaming breaks -> archive catch-up
DEPLOY = ts_of(2025, 3, 11, 13, 47, 30.0)              # red herring: checkout-api 2.31.0
LAST_TX = ts_of(2025, 3, 11, 13, 58, 41.904)           # last commit replayed on orders-pg-1
CRASH = ts_of(2025, 3, 11, 14, 2, 7.412)               # node under orders-pg-0 hangs
NOTREADY = ts_of(2025, 3, 11, 14, 2, 49.118)
PROMOTE = ts_of(2025, 3, 11, 14, 2, 48.201)
PGB_RECOVER = ts_of(2025, 3, 11, 14, 3, 41.530)       # stuck server conns finally die
NODE_BACK = ts_of(2025, 3, 11, 14, 9, 18.0)
AMS = 60  # Django TIME_ZONE Europe/Amsterdam (CET, no offset printed in app log)
PG0_SKEW = 1.8  # node ip-10-42-7-19 clock runs ahead

L = None


def add(path, t, line):
    L.add(path, t, line)


# ------------------------------------------------------------------ pods
ING = [("ingress-nginx-controller-6d5f9c7b8-2xkqz", "10.42.1.10"),
       ("ingress-nginx-controller-6d5f9c7b8-p7w4m", "10.42.2.11")]
CHK_OLD = [("checkout-api-5f7c9d8b6-hq2sd", "10.42.3.41"), ("checkout-api-5f7c9d8b6-mz8vt", "10.42.4.33"),
           ("checkout-api-5f7c9d8b6-x4n2c", "10.42.6.27")]
CHK_NEW = [("checkout-api-7b9d6c5f4-b2kfd", "10.42.3.52"), ("checkout-api-7b9d6c5f4-qg7rw", "10.42.4.49"),
           ("checkout-api-7b9d6c5f4-w9c5l", "10.42.6.38")]
ORD = [("orders-api-84c6d7f9b-5tqzn", "10.42.3.22"), ("orders-api-84c6d7f9b-gx2lm", "10.42.4.17"),
       ("orders-api-84c6d7f9b-rk8vp", "10.42.6.9")]
PAY = [("payments-api-6b8f5c4d7-jd3wq", "10.42.4.61"), ("payments-api-6b8f5c4d7-vn5tx", "10.42.6.44")]
INV = [("inventory-api-77d9b6c8f-2mfkp", "10.42.3.70"), ("inventory-api-77d9b6c8f-s8hzq", "10.42.4.72")]
NTF = [("notification-worker-59c7f8d6b-lk4pw", "10.42.6.81")]
PGB = ("pgbouncer-orders-7c5d8f9b4-t6mzr", "10.42.3.7")
CAT_UP = ["10.42.3.15:8080", "10.42.4.12:8080", "10.42.7.45:8080"]  # one replica lives on the dead node
CART_UP = ["10.42.3.88:8080", "10.42.6.91:8080"]
PG_IP = {"orders-pg-0": "10.42.7.31", "orders-pg-1": "10.42.5.18", "orders-pg-2": "10.42.9.14"}

SKUS = ["SKU-%05d" % R.randrange(10000, 99999) for _ in range(400)]
USERS = ["u_%06d" % R.randrange(100000, 999999) for _ in range(3000)]


def chk_pods(t):
    # rolling update: new pods become ready one by one 13:47:42.. 13:49:05
    ready = [t >= DEPLOY + 12 + 40 * i for i in range(3)]
    pods = [CHK_NEW[i] for i in range(3) if ready[i]] + [CHK_OLD[i] for i in range(3) if not ready[i]]
    return pods


def pretty_ua():
    return R.pick(USER_AGENTS)


# ------------------------------------------------------------------ formatters
def cri(t, line, stream="stdout"):
    return "%s %s F %s" % (iso(t, 9), stream, line)


def ingress_line(t_end, client, method, path, status, nbytes, dur, upstream, up_addr, up_status, up_time, referer,
                 ua=None, reqlen=None):
    rid = R.hexid(32)
    ua = ua or pretty_ua()
    reqlen = reqlen or R.randrange(380, 1400)
    line = '%s - - [%s] "%s %s HTTP/2.0" %d %d "%s" "%s" %d %.3f [%s] [] %s %s %s %s %s' % (
        client, strf(t_end, "%d/%b/%Y:%H:%M:%S +0000"), method, path, status, nbytes, referer, ua, reqlen, dur,
        upstream, up_addr, "0" if up_status in ("502", "504", "503") and nbytes < 200 else str(max(0, nbytes - 40)),
        up_time, up_status, rid)
    pod = R.pick(ING)[0]
    add("logs/ingress-nginx/%s.log" % pod, t_end, cri(t_end, line))


def gunicorn_access(svc, pod, t_end, src, method, path, status, size, dur, ua="python-requests/2.31.0",
                    ref="-"):
    line = '%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s" %.6f' % (
        src, strf(t_end, "%d/%b/%Y:%H:%M:%S +0100", AMS), method, path, status, size, ref, ua, dur)
    add("logs/%s/%s.log" % (svc, pod), t_end, line)


def dj(svc, pod, t, level, logger, msg):
    line = "[%s] %s %s: %s" % (strf(t, "%Y-%m-%d %H:%M:%S,{ms}", AMS), level, logger, msg)
    add("logs/%s/%s.log" % (svc, pod), t, line)


def pay_log(pod, t, level, msg, **kw):
    d = {"time": iso(t, 9, True), "level": level, "msg": msg}
    d.update(kw)
    add("logs/payments-api/%s.log" % pod, t, jdump(d))


def inv_log(pod, t, level, msg, **kw):
    parts = ['time="%s"' % iso(t, 0, True), "level=%s" % level, 'msg="%s"' % msg.replace('"', '\\"')]
    for k, v in kw.items():
        sv = str(v)
        if " " in sv or '"' in sv or "=" in sv:
            sv = '"%s"' % sv.replace('"', '\\"')
        parts.append("%s=%s" % (k, sv))
    add("logs/inventory-api/%s.log" % pod, t, " ".join(parts))


def celery(pod, t, level, proc, msg):
    add("logs/notification-worker/%s.log" % pod, t,
        "[%s: %s/%s] %s" % (strf(t, "%Y-%m-%d %H:%M:%S,{ms}"), level, proc, msg))


def pgb(t, level, msg):
    add("logs/pgbouncer-orders/%s.log" % PGB[0], t,
        "%s UTC [1] %s %s" % (strf(t, "%Y-%m-%d %H:%M:%S.{ms}"), level, msg))


def patroni(member, t, level, msg):
    shown = t + (PG0_SKEW if member == "orders-pg-0" else 0.0)
    add("logs/orders-pg/%s/patroni.log" % member, t, "%s %s: %s" % (strf(shown, "%Y-%m-%d %H:%M:%S,{ms}"), level, msg))


def pglog(member, t, pid, level, msg, user_db=""):
    shown = t + (PG0_SKEW if member == "orders-pg-0" else 0.0)
    add("logs/orders-pg/%s/postgresql.log" % member, t,
        "%s UTC [%d] %s%s:  %s" % (strf(shown, "%Y-%m-%d %H:%M:%S.{ms}"), pid, user_db, level, msg))


def klog(t, sev, src, msg):
    add("logs/kube-system/kube-controller-manager-ip-10-42-0-5.log", t,
        "%s%s %s       1 %s] %s" % (sev, strf(t, "%m%d"), strf(t, "%H:%M:%S.{us}"), src, msg))


# ------------------------------------------------------------------ tracebacks
def tb_orders_db(view_fn, line_no, model_call):
    inner = py_trace([
        ("/usr/local/lib/python3.11/site-packages/django/db/backends/utils.py", 89, "_execute",
         "return self.cursor.execute(sql, params)")],
        "psycopg2.OperationalError: query_wait_timeout\nserver closed the connection unexpectedly\n"
        "\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n")
    return py_trace([
        ("/usr/local/lib/python3.11/site-packages/django/core/handlers/exception.py", 55, "inner",
         "response = get_response(request)"),
        ("/usr/local/lib/python3.11/site-packages/django/core/handlers/base.py", 197, "_get_response",
         "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
        ("/usr/local/lib/python3.11/site-packages/rest_framework/views.py", 506, "dispatch",
         "response = handler(request, *args, **kwargs)"),
        ("/app/orders/api/views.py", line_no, view_fn, model_call),
        ("/usr/local/lib/python3.11/site-packages/django/db/models/query.py", 633, "get",
         "num = len(clone)") if "get" in model_call else
        ("/usr/local/lib/python3.11/site-packages/django/db/models/query.py", 658, "create",
         "obj.save(force_insert=True, using=self.db)"),
        ("/usr/local/lib/python3.11/site-packages/django/db/models/sql/compiler.py", 1562, "execute_sql",
         "cursor.execute(sql, params)"),
        ("/usr/local/lib/python3.11/site-packages/django/db/backends/utils.py", 67, "execute",
         "return self._execute_with_wrappers("),
        ("/usr/local/lib/python3.11/site-packages/django/db/backends/utils.py", 84, "_execute",
         "with self.db.wrap_database_errors:"),
        ("/usr/local/lib/python3.11/site-packages/django/db/utils.py", 91, "__exit__",
         "raise dj_exc_value.with_traceback(traceback) from exc_value"),
        ("/usr/local/lib/python3.11/site-packages/django/db/backends/utils.py", 89, "_execute",
         "return self.cursor.execute(sql, params)")],
        "django.db.utils.OperationalError: query_wait_timeout\nserver closed the connection unexpectedly\n"
        "\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.",
        chained=inner)


def tb_read_timeout():
    inner = py_trace([
        ("/usr/local/lib/python3.11/site-packages/urllib3/connectionpool.py", 537, "_make_request",
         "response = conn.getresponse()"),
        ("/usr/local/lib/python3.11/site-packages/urllib3/connection.py", 466, "getresponse",
         "httplib_response = super().getresponse()"),
        ("/usr/local/lib/python3.11/http/client.py", 1378, "getresponse", "response.begin()"),
        ("/usr/local/lib/python3.11/socket.py", 706, "readinto", "return self._sock.recv_into(b)")],
        "TimeoutError: timed out")
    mid = py_trace([
        ("/usr/local/lib/python3.11/site-packages/requests/adapters.py", 486, "send", "resp = conn.urlopen("),
        ("/usr/local/lib/python3.11/site-packages/urllib3/connectionpool.py", 847, "urlopen",
         "retries = retries.increment("),
        ("/usr/local/lib/python3.11/site-packages/urllib3/util/retry.py", 470, "increment",
         "raise reraise(type(error), error, _stacktrace)"),
        ("/usr/local/lib/python3.11/site-packages/urllib3/connectionpool.py", 793, "urlopen",
         "response = self._make_request("),
        ("/usr/local/lib/python3.11/site-packages/urllib3/connectionpool.py", 539, "_make_request",
         "self._raise_timeout(err=e, url=url, timeout_value=read_timeout)"),
        ("/usr/local/lib/python3.11/site-packages/urllib3/connectionpool.py", 370, "_raise_timeout",
         "raise ReadTimeoutError(")],
        "urllib3.exceptions.ReadTimeoutError: HTTPConnectionPool(host='orders-api.shop.svc.cluster.local', "
        "port=8000): Read timed out. (read timeout=10)", chained=inner, during=True)
    return py_trace([
        ("/app/checkout/views.py", 142, "submit", "order = orders_client.create_order(cart, user)"),
        ("/app/checkout/clients/orders.py", 58, "create_order", "resp = self._post(\"/internal/orders\", json=payload)"),
        ("/app/checkout/clients/base.py", 37, "_post", "return self.session.post(self.base + path, timeout=(2, 10), **kw)"),
        ("/usr/local/lib/python3.11/site-packages/requests/sessions.py", 637, "post",
         "return self.request(\"POST\", url, data=data, json=json, **kwargs)"),
        ("/usr/local/lib/python3.11/site-packages/requests/sessions.py", 703, "send", "r = adapter.send(request, **kwargs)"),
        ("/usr/local/lib/python3.11/site-packages/requests/adapters.py", 532, "send",
         "raise ReadTimeout(e, request=request)")],
        "requests.exceptions.ReadTimeout: HTTPConnectionPool(host='orders-api.shop.svc.cluster.local', port=8000): "
        "Read timed out. (read timeout=10)", chained=mid, during=True)


def tb_conflict(oid):
    return py_trace([
        ("/app/checkout/views.py", 151, "submit", "payment = payments_client.authorize(order, cart.total, idem=f\"order-{order.id}\")"),
        ("/app/checkout/clients/payments.py", 73, "authorize", "self._raise_for_status(resp)"),
        ("/app/checkout/clients/base.py", 61, "_raise_for_status", "raise exc_cls(resp.status_code, body)")],
        "checkout.clients.errors.PaymentConflictError: 409 idempotency_conflict: Idempotency-Key order-%d was "
        "already used with a different request body" % oid)


# ------------------------------------------------------------------ simulation state
state = {
    "seq": 4409120,
    "orders": {},     # id -> dict(t, user, amount_minor, lost, paid)
    "payments": {},   # order id -> (payment id, amount)
}
ev = []
evseq = [0]


def push(t, kind, data=None):
    evseq[0] += 1
    heapq.heappush(ev, (t, evseq[0], kind, data))


def db_ok(t):
    return t < CRASH or t >= PGB_RECOVER


def rate(t):
    base = 2.2
    # evening promo ramp
    base += 0.4 * (t - T0) / (T1 - T0)
    return base


def route_weights():
    return [("catalog", 0.50), ("cart", 0.22), ("orders_view", 0.10), ("orders_list", 0.05), ("checkout", 0.13)]


def gen_amount():
    return R.randrange(990, 38990)


def new_order_id(t):
    if t < CRASH:
        oid = state["seq"]
        state["seq"] += 1
        return oid
    if "seq_new" not in state:
        committed = [i for i, o in state["orders"].items() if o["t"] <= LAST_TX]
        state["seq_new"] = max(committed) + 1 + 19
        state["lost_ids"] = dict((i, o) for i, o in state["orders"].items() if o["lost"])
    oid = state["seq_new"]
    state["seq_new"] += 1
    return oid


def handle_checkout(t, user, attempt):
    client = R.public_ip()
    pods = chk_pods(t)
    cpod, cip = R.pick(pods)
    ipod, _ = R.pick(INV)
    opod, oip = R.pick(ORD)
    ppod, pip = R.pick(PAY)
    items = R.randrange(1, 5)
    amount = gen_amount()
    rid = R.uuid()
    # 1 inventory
    t1 = t + R.lat(0.004, 0.3)
    d_inv = R.lat(0.038, 0.35)
    rsv = "rsv_" + R.alnum(12)
    inv_log(ipod, t1 + d_inv, "info", "reservation created", reservation_id=rsv, items=items,
            request_id=rid, dur_ms="%.1f" % (d_inv * 1000))
    if R.random() < 0.025:
        inv_log(ipod, t1 + d_inv + 0.0005, "warning", "warehouse-gw hold sync failed, reservation kept local",
                reservation_id=rsv, err="POST http://warehouse-gw.logistics.svc:8080/v2/holds: 502 Bad Gateway",
                retry_queue="holds-resync")
    t2 = t1 + d_inv + 0.003
    # 2 orders create
    if not db_ok(t2):
        # two attempts, each times out at 10s on checkout side; orders-api fails at ~20s
        tt = t2
        for a in (1, 2):
            dj("checkout-api", cpod, tt + 10.0, "WARNING", "checkout.clients",
               "orders-api POST /internal/orders failed (attempt %d/2): HTTPConnectionPool(host='orders-api.shop.svc.cluster.local', port=8000): Read timed out. (read timeout=10)" % a)
            o_end = tt + 20.0 + R.lat(0.02, 0.4)
            dj("orders-api", opod, o_end, "ERROR", "django.request", "Internal Server Error: /internal/orders\n" +
               tb_orders_db("create_order", 88, "order = Order.objects.create(**fields)"))
            gunicorn_access("orders-api", opod, o_end, cip, "POST", "/internal/orders", 500, 145, o_end - tt)
            tt += 10.0 + 0.25
        end = tt
        dj("checkout-api", cpod, end, "ERROR", "checkout.views",
           "checkout failed user_id=%s request_id=%s stage=create_order\n%s" % (user, rid, tb_read_timeout()))
        gunicorn_access("checkout-api", cpod, end, R.pick(ING)[1], "POST", "/api/checkout/submit", 503, 98,
                        end - t, ua=pretty_ua(), ref="https://shop.example.com/checkout")
        ingress_line(end + 0.001, client, "POST", "/api/checkout/submit", 503, 98, end - t + 0.001,
                     "shop-checkout-api-8000", cip + ":8000", "503", "%.3f" % (end - t), "https://shop.example.com/checkout")
        return False, amount
    oid = new_order_id(t2)
    d_ord = R.lat(0.045, 0.35)
    lost = (t2 > LAST_TX and t2 < CRASH)
    state["orders"][oid] = {"t": t2, "user": user, "amount": amount, "lost": lost, "paid": False,
                            "era": "old" if t2 < CRASH else "new"}
    gunicorn_access("orders-api", opod, t2 + d_ord, cip, "POST", "/internal/orders", 201, R.randrange(480, 620), d_ord)
    t3 = t2 + d_ord + 0.002
    # 3 payments
    d_pay = R.lat(0.17, 0.3)
    existing = state["payments"].get(oid)
    req_id = R.uuid()
    if existing is not None:
        pay_log(ppod, t3 + 0.006, "WARN", "idempotency key reused with different request",
                idempotency_key="order-%d" % oid, existing_payment_id=existing[0], existing_amount_minor=existing[1],
                request_amount_minor=amount, currency="EUR", request_id=req_id)
        pay_log(ppod, t3 + 0.008, "INFO", "http request", method="POST", path="/v1/payments", status=409,
                duration_ms=round(8.0 + R.random() * 3, 2), remote=cip + ":%d" % R.randrange(32768, 60999),
                request_id=req_id)
        end = t3 + 0.012
        dj("checkout-api", cpod, end, "ERROR", "checkout.views",
           "payment authorization rejected order_id=%d user_id=%s status=409 body={\"error\":\"idempotency_conflict\","
           "\"detail\":\"Idempotency-Key order-%d was already used with a different request body\"}\n%s"
           % (oid, user, oid, tb_conflict(oid)))
        gunicorn_access("checkout-api", cpod, end + 0.002, R.pick(ING)[1], "POST", "/api/checkout/submit", 502, 121,
                        end - t, ua=pretty_ua(), ref="https://shop.example.com/checkout")
        ingress_line(end + 0.003, client, "POST", "/api/checkout/submit", 502, 121, end - t + 0.003,
                     "shop-checkout-api-8000", cip + ":8000", "502", "%.3f" % (end - t), "https://shop.example.com/checkout")
        return False, amount
    pid = "pay_" + R.alnum(24, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    state["payments"][oid] = (pid, amount)
    state["orders"][oid]["paid"] = True
    pay_log(ppod, t3 + d_pay - 0.002, "INFO", "payment authorized", order_id=oid, payment_id=pid,
            amount_minor=amount, currency="EUR", psp="adyen", psp_latency_ms=int(d_pay * 1000 - 9), request_id=req_id)
    pay_log(ppod, t3 + d_pay, "INFO", "http request", method="POST", path="/v1/payments", status=201,
            duration_ms=round(d_pay * 1000, 2), remote=cip + ":%d" % R.randrange(32768, 60999), request_id=req_id)
    push(t3 + R.uniform(25, 110), "capture", (oid, 1, ppod))
    t4 = t3 + d_pay + 0.002
    d_conf = R.lat(0.03, 0.3)
    gunicorn_access("orders-api", opod, t4 + d_conf, cip, "POST", "/internal/orders/%d/confirm" % oid, 200, 212, d_conf)
    end = t4 + d_conf + 0.004
    dj("checkout-api", cpod, end, "INFO", "checkout.views",
       "checkout complete order_id=%d user_id=%s total=%.2f EUR payment_id=%s items=%d request_id=%s"
       % (oid, user, amount / 100.0, pid, items, rid))
    gunicorn_access("checkout-api", cpod, end + 0.001, R.pick(ING)[1], "POST", "/api/checkout/submit", 201,
                    R.randrange(160, 230), end - t, ua=pretty_ua(), ref="https://shop.example.com/checkout")
    ingress_line(end + 0.002, client, "POST", "/api/checkout/submit", 201, R.randrange(160, 230), end - t + 0.002,
                 "shop-checkout-api-8000", cip + ":8000", "201", "%.3f" % (end - t), "https://shop.example.com/checkout")
    push(end + R.uniform(0.3, 2.5), "notify", (oid, 1, R.uuid()))
    return True, amount


def handle_order_view(t, oid, client=None, expect_lost=False):
    client = client or R.public_ip()
    opod, oip = R.pick(ORD)
    path = "/api/orders/%d" % oid
    if not db_ok(t):
        end = t + 20.0 + R.lat(0.02, 0.3)
        dj("orders-api", opod, end, "ERROR", "django.request", "Internal Server Error: %s\n" % path +
           tb_orders_db("retrieve_order", 131, "order = Order.objects.select_related(\"shipping\").get(pk=pk, user=request.user)"))
        gunicorn_access("orders-api", opod, end, R.pick(ING)[1], "GET", path, 500, 145, end - t, ua=pretty_ua())
        ingress_line(end + 0.001, client, "GET", path, 500, 145, end - t + 0.001, "shop-orders-api-8000",
                     oip + ":8000", "500", "%.3f" % (end - t), "https://shop.example.com/account/orders")
        return
    d = R.lat(0.028, 0.35)
    o = state["orders"].get(oid)
    exists = o is not None and not (o["lost"] and t >= CRASH) and not expect_lost
    status = 200 if exists else 404
    if status == 404:
        dj("orders-api", opod, t + d, "WARNING", "django.request", "Not Found: %s" % path)
    size = R.randrange(900, 2400) if status == 200 else 23
    gunicorn_access("orders-api", opod, t + d, R.pick(ING)[1], "GET", path, status, size, d, ua=pretty_ua())
    ingress_line(t + d + 0.001, client, "GET", path, status, size, d + 0.001, "shop-orders-api-8000", oip + ":8000",
                 str(status), "%.3f" % d, "https://shop.example.com/account/orders")


def handle_orders_list(t):
    client = R.public_ip()
    opod, oip = R.pick(ORD)
    path = "/api/orders?page=%d" % R.pick([1, 1, 1, 2])
    if not db_ok(t):
        end = t + 20.0 + R.lat(0.02, 0.3)
        dj("orders-api", opod, end, "ERROR", "django.request", "Internal Server Error: /api/orders\n" +
           tb_orders_db("list_orders", 117, "page = self.paginate_queryset(self.get_queryset())").replace(
               "obj.save(force_insert=True, using=self.db)", "return list(self._iterable_class(self))"))
        gunicorn_access("orders-api", opod, end, R.pick(ING)[1], "GET", path, 500, 145, end - t, ua=pretty_ua())
        ingress_line(end + 0.001, client, "GET", path, 500, 145, end - t + 0.001, "shop-orders-api-8000",
                     oip + ":8000", "500", "%.3f" % (end - t), "https://shop.example.com/account")
        return
    d = R.lat(0.06, 0.4)
    size = R.randrange(2000, 9000)
    gunicorn_access("orders-api", opod, t + d, R.pick(ING)[1], "GET", path, 200, size, d, ua=pretty_ua())
    ingress_line(t + d + 0.001, client, "GET", path, 200, size, d + 0.001, "shop-orders-api-8000", oip + ":8000",
                 "200", "%.3f" % d, "https://shop.example.com/account")


CAT_PATHS = ["/api/products?category=%s&page=%d", "/api/products/%s", "/api/products/%s/reviews", "/api/search?q=%s"]
CATS = ["sneakers", "jackets", "bags", "watches", "hoodies", "jeans", "shirts", "sale", "new-in", "kids"]
QUERIES = ["black+boots", "rain+jacket", "linen+shirt", "running", "leather+bag", "gift", "wool+scarf", "denim"]


def handle_catalog(t):
    client = R.public_ip()
    k = R.randrange(4)
    if k == 0:
        path = CAT_PATHS[0] % (R.pick(CATS), R.randrange(1, 6))
    elif k == 1:
        path = CAT_PATHS[1] % R.pick(SKUS)
    elif k == 2:
        path = CAT_PATHS[2] % R.pick(SKUS)
    else:
        path = CAT_PATHS[3] % R.pick(QUERIES)
    d = R.lat(0.035, 0.5)
    up = R.pick(CAT_UP)
    # replica on dead node until endpoints are updated (NotReady + grace)
    if up.startswith("10.42.7.") and CRASH <= t < NOTREADY + 6:
        other = R.pick(CAT_UP[:2])
        d2 = R.lat(0.035, 0.4)
        ingress_line(t + 5.0 + d2, client, "GET", path, 200, R.randrange(1500, 30000), 5.0 + d2, "shop-catalog-api-8080",
                     "%s, %s" % (up, other), "504, 200", "5.000, %.3f" % d2, "https://shop.example.com/")
        return
    if up.startswith("10.42.7.") and t >= CRASH:
        up = R.pick(CAT_UP[:2])
    ingress_line(t + d, client, "GET", path, 200, R.randrange(1500, 30000), d, "shop-catalog-api-8080", up,
                 "200", "%.3f" % d, "https://shop.example.com/")


def handle_cart(t):
    client = R.public_ip()
    m = R.pick(["GET", "GET", "POST", "PATCH", "DELETE"])
    path = "/api/cart" if m == "GET" else "/api/cart/items" + ("" if m == "POST" else "/" + R.pick(SKUS))
    d = R.lat(0.022, 0.4)
    st = 200 if m != "POST" else 201
    ingress_line(t + d, client, m, path, st, R.randrange(200, 1800), d, "shop-cart-api-8080", R.pick(CART_UP),
                 str(st), "%.3f" % d, "https://shop.example.com/cart")


def handle_capture(t, oid, attempt, ppod):
    o = state["orders"].get(oid)
    opod, oip = R.pick(ORD)
    pid = state["payments"][oid][0]
    if attempt == 1:
        pay_log(ppod, t, "INFO", "psp webhook received", event="CAPTURE", psp="adyen", payment_id=pid,
                psp_reference=R.alnum(16, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"), success=True)
    path = "/internal/orders/%d/mark-captured" % oid
    if not db_ok(t):
        end = t + 10.0
        pay_log(ppod, end, "ERROR", "order capture sync failed", order_id=oid, payment_id=pid, attempt=attempt,
                err="Post \"http://orders-api.shop.svc.cluster.local:8000%s\": context deadline exceeded "
                    "(Client.Timeout exceeded while awaiting headers)" % path,
                retry_in="%ds" % (30 * 2 ** (attempt - 1)))
        o_end = t + 20.0 + R.lat(0.02, 0.3)
        dj("orders-api", opod, o_end, "ERROR", "django.request", "Internal Server Error: %s\n" % path +
           tb_orders_db("mark_captured", 203, "order = Order.objects.select_for_update().get(pk=pk)"))
        gunicorn_access("orders-api", opod, o_end, R.pick(PAY)[1], "POST", path, 500, 145, o_end - t,
                        ua="Go-http-client/1.1")
        if attempt < 6:
            push(end + 30 * 2 ** (attempt - 1), "capture", (oid, attempt + 1, ppod))
        return
    gone = o["lost"] and t >= CRASH
    d = R.lat(0.03, 0.3)
    if gone:
        dj("orders-api", opod, t + d, "WARNING", "django.request", "Not Found: %s" % path)
        gunicorn_access("orders-api", opod, t + d, R.pick(PAY)[1], "POST", path, 404, 23, d, ua="Go-http-client/1.1")
        pay_log(ppod, t + d + 0.001, "ERROR", "order capture sync failed", order_id=oid, payment_id=pid,
                attempt=attempt, err="orders-api: 404 Not Found: {\"detail\":\"Not found.\"}",
                retry_in="%ds" % (30 * 2 ** (attempt - 1)) if attempt < 6 else "none")
        if attempt < 6:
            push(t + d + 30 * 2 ** (attempt - 1), "capture", (oid, attempt + 1, ppod))
        else:
            pay_log(ppod, t + d + 0.002, "ERROR", "giving up on order capture sync, parking for manual review",
                    order_id=oid, payment_id=pid, queue="capture-sync-dlq")
        return
    gunicorn_access("orders-api", opod, t + d, R.pick(PAY)[1], "POST", path, 200, 64, d, ua="Go-http-client/1.1")
    pay_log(ppod, t + d + 0.001, "INFO", "order capture synced", order_id=oid, payment_id=pid, attempt=attempt)


def handle_notify(t, oid, attempt, task_id):
    pod = NTF[0][0]
    if attempt == 1:
        celery(pod, t, "INFO", "MainProcess", "Task notifications.tasks.send_order_confirmation[%s] received" % task_id)
    worker = "ForkPoolWorker-%d" % R.randrange(1, 5)
    o = state["orders"].get(oid)
    opod, oip = R.pick(ORD)
    path = "/internal/orders/%d" % oid
    if not db_ok(t + 0.05):
        end = t + 5.05
        celery(pod, end, "INFO", worker,
               "Task notifications.tasks.send_order_confirmation[%s] retry: Retry in 60s: ReadTimeout(ReadTimeoutError(\"HTTPConnectionPool(host='orders-api.shop.svc.cluster.local', port=8000): Read timed out. (read timeout=5)\"))" % task_id)
        push(end + 60, "notify", (oid, attempt + 1, task_id))
        return
    if o["lost"] and t >= CRASH:
        d = R.lat(0.02, 0.3)
        dj("orders-api", opod, t + d, "WARNING", "django.request", "Not Found: %s" % path)
        gunicorn_access("orders-api", opod, t + d, NTF[0][1], "GET", path, 404, 23, d)
        if attempt < 5:
            celery(pod, t + d + 0.002, "INFO", worker,
                   "Task notifications.tasks.send_order_confirmation[%s] retry: Retry in %ds: OrderLookupError('orders-api returned 404 for order %d')" % (task_id, 60 * attempt, oid))
            push(t + d + 60 * attempt, "notify", (oid, attempt + 1, task_id))
        else:
            celery(pod, t + d + 0.002, "ERROR", worker,
                   "Task notifications.tasks.send_order_confirmation[%s] raised unexpected: OrderLookupError('orders-api returned 404 for order %d')" % (task_id, oid))
        return
    d = R.lat(0.02, 0.3)
    gunicorn_access("orders-api", opod, t + d, NTF[0][1], "GET", path, 200, R.randrange(900, 2200), d)
    sm = R.lat(0.9, 0.3)
    celery(pod, t + d + sm, "INFO", worker,
           "Task notifications.tasks.send_order_confirmation[%s] succeeded in %.3fs: None" % (task_id, d + sm))


# ------------------------------------------------------------------ platform / db logs
def emit_platform():
    # patroni loop_wait = 10s
    t = T0 + 3.3
    while t < T1:
        for m in ("orders-pg-0", "orders-pg-1", "orders-pg-2"):
            tt = t + {"orders-pg-0": 0.0, "orders-pg-1": 2.1, "orders-pg-2": 6.4}[m] + R.random() * 0.05
            if m == "orders-pg-0":
                if tt < CRASH:
                    patroni(m, tt, "INFO", "no action. I am (orders-pg-0), the leader with the lock")
                elif tt >= NODE_BACK + 35:
                    patroni(m, tt, "INFO", "no action. I am (orders-pg-0), a secondary, and following a leader (orders-pg-1)")
            elif m == "orders-pg-1":
                if tt < CRASH + 30:
                    patroni(m, tt, "INFO", "no action. I am (orders-pg-1), a secondary, and following a leader (orders-pg-0)")
                elif tt > PROMOTE + 1:
                    patroni(m, tt, "INFO", "no action. I am (orders-pg-1), the leader with the lock")
            else:
                if tt < CRASH + 30:
                    patroni(m, tt, "INFO", "no action. I am (orders-pg-2), a secondary, and following a leader (orders-pg-0)")
                elif tt > PROMOTE + 3:
                    patroni(m, tt, "INFO", "no action. I am (orders-pg-2), a secondary, and following a leader (orders-pg-1)")
        t += 10.0
    # the failover itself (orders-pg-1 wins, orders-pg-2 carries nofailover tag)
    f = CRASH + 30.2
    patroni("orders-pg-1", f + 0.0, "INFO", "Lock owner: orders-pg-0; I am orders-pg-1")
    patroni("orders-pg-1", f + 0.4, "WARNING", "Request failed to orders-pg-0: GET http://10.42.7.31:8008/patroni "
            "(HTTPConnectionPool(host='10.42.7.31', port=8008): Max retries exceeded with url: /patroni (Caused by "
            "ConnectTimeoutError(<urllib3.connection.HTTPConnection object at 0x7f3a1c2b5d50>, 'Connection to 10.42.7.31 "
            "timed out. (connect timeout=2)')))")
    patroni("orders-pg-2", f + 0.6, "INFO", "Lock owner: orders-pg-0; I am orders-pg-2")
    patroni("orders-pg-2", f + 0.61, "INFO", "Member orders-pg-2 is not allowed to promote (nofailover tag)")
    patroni("orders-pg-1", PROMOTE - 8.2, "INFO", "Got response from orders-pg-2 http://10.42.9.14:8008/patroni: "
            "{\"state\": \"running\", \"postmaster_start_time\": \"2025-03-02 04:11:09.184221+00:00\", \"role\": \"replica\", "
            "\"server_version\": 150006, \"xlog\": {\"received_location\": 112675479552, \"replayed_location\": 112675479552, "
            "\"replayed_timestamp\": \"2025-03-11 14:02:07.190032+00:00\", \"paused\": false}, \"timeline\": 41, "
            "\"tags\": {\"nofailover\": true, \"clonefrom\": true}, \"dcs_last_seen\": 1741701767, "
            "\"database_system_identifier\": \"7339823412097654571\", \"patroni\": {\"version\": \"3.3.2\", \"scope\": \"orders-pg\", \"name\": \"orders-pg-2\"}}")
    patroni("orders-pg-1", PROMOTE - 0.2, "INFO", "Could not take out TTL lock")
    patroni("orders-pg-1", PROMOTE - 0.1, "INFO", "Cleaning up failover key")
    patroni("orders-pg-1", PROMOTE, "INFO", "promoted self to leader by acquiring session lock")
    patroni("orders-pg-1", PROMOTE + 0.004, "INFO", "Lock owner: orders-pg-1; I am orders-pg-1")
    patroni("orders-pg-1", PROMOTE + 0.09, "INFO", "updated leader lock during promote")
    patroni("orders-pg-1", PROMOTE + 0.6, "INFO", "Updating endpoints orders-pg-primary: [10.42.5.18:5432]")
    patroni("orders-pg-2", PROMOTE + 3.4, "INFO", "Local timeline=41 lsn=1A/3C0F8E10")
    patroni("orders-pg-2", PROMOTE + 3.5, "INFO", "primary_timeline=42")
    patroni("orders-pg-2", PROMOTE + 3.6, "INFO", "primary: history=41\t1A/2E44D0A8\tno recovery target specified")
    patroni("orders-pg-2", PROMOTE + 3.7, "INFO", "running pg_rewind from orders-pg-1")
    patroni("orders-pg-2", PROMOTE + 14.9, "INFO", "pg_rewind exit code=0")
    patroni("orders-pg-2", PROMOTE + 15.0, "INFO", " stdout=")
    patroni("orders-pg-2", PROMOTE + 15.1, "INFO", " stderr=pg_rewind: servers diverged at WAL location 1A/2E44D0A8 on timeline 41\n"
            "pg_rewind: rewinding from last common checkpoint at 1A/2C000060 on timeline 41\npg_rewind: Done!")
    # orders-pg-0 comes back
    b = NODE_BACK + 21.0
    patroni("orders-pg-0", b, "INFO", "Selected new K8s API server endpoint https://10.42.0.1:443")
    patroni("orders-pg-0", b + 0.3, "INFO", "No PostgreSQL configuration items changed, nothing to reload.")
    patroni("orders-pg-0", b + 0.9, "WARNING", "Postgresql is not running.")
    patroni("orders-pg-0", b + 1.0, "INFO", "Lock owner: orders-pg-1; I am orders-pg-0")
    patroni("orders-pg-0", b + 1.1, "INFO", "pg_controldata:\n  pg_control version number: 1300\n  Catalog version number: 202307071\n"
            "  Database system identifier: 7339823412097654571\n  Database cluster state: in production\n"
            "  pg_control last modified: Tue Mar 11 14:01:58 2025\n  Latest checkpoint location: 1A/3A0001B8\n"
            "  Latest checkpoint's TimeLineID: 41\n  Latest checkpoint's REDO location: 1A/3A000180")
    patroni("orders-pg-0", b + 1.4, "INFO", "Local timeline=41 lsn=1A/3C1E0F28")
    patroni("orders-pg-0", b + 1.5, "INFO", "primary_timeline=42")
    patroni("orders-pg-0", b + 1.6, "INFO", "primary: history=41\t1A/2E44D0A8\tno recovery target specified")
    patroni("orders-pg-0", b + 1.7, "INFO", "running pg_rewind from orders-pg-1")
    patroni("orders-pg-0", b + 19.6, "INFO", "pg_rewind exit code=0")
    patroni("orders-pg-0", b + 19.7, "INFO", " stdout=")
    patroni("orders-pg-0", b + 19.8, "INFO", " stderr=pg_rewind: servers diverged at WAL location 1A/2E44D0A8 on timeline 41\n"
            "pg_rewind: rewinding from last common checkpoint at 1A/2C000060 on timeline 41\npg_rewind: Done!")
    patroni("orders-pg-0", b + 20.4, "INFO", "starting as a secondary")
    patroni("orders-pg-0", b + 21.9, "INFO", "establishing a new patroni heartbeat connection to postgres")

    # ---- postgres logs
    for m, pid0 in (("orders-pg-0", 71), ("orders-pg-1", 64), ("orders-pg-2", 66)):
        t = T0 + 140 + R.random() * 30
        while t < T1:
            alive = not (m == "orders-pg-0" and CRASH <= t < NODE_BACK + 60)
            if alive:
                pglog(m, t, pid0, "LOG", "checkpoint starting: time" if (m == "orders-pg-0" and t < CRASH) or
                      (m == "orders-pg-1" and t > PROMOTE) else "restartpoint starting: time")
                kind = "checkpoint" if (m == "orders-pg-0" and t < CRASH) or (m == "orders-pg-1" and t > PROMOTE) else "restartpoint"
                w = R.randrange(1800, 9000)
                pglog(m, t + 269.8 + R.random(), pid0, "LOG", "%s complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, "
                      "%d removed, %d recycled; write=269.712 s, sync=0.031 s, total=269.820 s; sync files=%d, "
                      "longest=0.009 s, average=0.001 s; distance=%d kB, estimate=%d kB; lsn=1A/%08X, redo lsn=1A/%08X"
                      % (kind, w, w / 1310.72, R.randrange(0, 2), R.randrange(1, 4), R.randrange(40, 90),
                         R.randrange(30000, 70000), R.randrange(40000, 70000), R.randrange(0, 2 ** 31),
                         R.randrange(0, 2 ** 31)))
            t += 300
    # slow statements on the primary (log_min_duration_statement = 500ms)
    for _ in range(36):
        t = R.uniform(T0, CRASH)
        pglog("orders-pg-0", t, R.randrange(20000, 60000), "LOG",
              "duration: %.3f ms  statement: SELECT \"orders_order\".\"id\", \"orders_order\".\"status\", \"orders_order\".\"total_minor\" "
              "FROM \"orders_order\" WHERE (\"orders_order\".\"created_at\" >= '2025-03-10T00:00:00+00:00'::timestamptz AND "
              "\"orders_order\".\"status\" IN ('paid','confirmed')) ORDER BY \"orders_order\".\"created_at\" DESC" % R.uniform(510, 2400),
              "orders_report@orders ")
    for _ in range(14):
        t = R.uniform(PROMOTE + 5, T1)
        pglog("orders-pg-1", t, R.randrange(20000, 60000), "LOG",
              "duration: %.3f ms  statement: SELECT \"orders_order\".\"id\", \"orders_order\".\"status\", \"orders_order\".\"total_minor\" "
              "FROM \"orders_order\" WHERE (\"orders_order\".\"created_at\" >= '2025-03-10T00:00:00+00:00'::timestamptz AND "
              "\"orders_order\".\"status\" IN ('paid','confirmed')) ORDER BY \"orders_order\".\"created_at\" DESC" % R.uniform(510, 2400),
              "orders_report@orders ")
    # orders-pg-1 streaming breaks and it quietly falls back to restore_command
    f = REPLICA_FALLBACK
    pglog("orders-pg-1", f - 0.9, 845, "LOG", "replication terminated by primary server")
    pglog("orders-pg-1", f - 0.89, 845, "DETAIL", "End of WAL reached on timeline 41 at 1A/1F000000.")
    pglog("orders-pg-1", f, 845, "FATAL", "could not receive data from WAL stream: ERROR:  requested WAL segment "
          "000000290000001A0000001F has already been removed")
    seg = 0x1F
    t = f + 3.2
    while t < CRASH:
        pglog("orders-pg-1", t, 62, "LOG", "restored log file \"000000290000001A%08X\" from archive" % seg)
        if R.random() < 0.5:
            pglog("orders-pg-1", t + 5.0, 3011 + seg, "LOG", "started streaming WAL from primary at 1A/%02X000000 on timeline 41" % (seg + 1))
            pglog("orders-pg-1", t + 5.02, 3011 + seg, "FATAL", "could not receive data from WAL stream: ERROR:  requested WAL segment "
                  "000000290000001A%08X has already been removed" % (seg + 1))
        seg += 1
        t += R.uniform(44, 58)
    # primary side of the same: walsender
    pglog("orders-pg-0", f - 0.95, 31207, "LOG", "terminating walsender process due to replication timeout", "replicator@[unknown] ")
    pglog("orders-pg-0", f + 2.8, 31544, "ERROR", "requested WAL segment 000000290000001A0000001F has already been removed",
          "replicator@[unknown] ")
    # promotion on orders-pg-1
    p = PROMOTE + 0.02
    pglog("orders-pg-1", p, 62, "LOG", "received promote request")
    pglog("orders-pg-1", p + 0.001, 62, "LOG", "redo done at 1A/2E44D030 system usage: CPU: user: 41.22 s, system: 19.08 s, elapsed: 788437.12 s")
    pglog("orders-pg-1", p + 0.002, 62, "LOG", "last completed transaction was at log time 2025-03-11 13:58:41.904711+00")
    pglog("orders-pg-1", p + 0.031, 62, "LOG", "selected new timeline ID: 42")
    pglog("orders-pg-1", p + 0.161, 62, "LOG", "archive recovery complete")
    pglog("orders-pg-1", p + 0.171, 60, "LOG", "checkpoint starting: force")
    pglog("orders-pg-1", p + 0.188, 1, "LOG", "database system is ready to accept connections")
    pglog("orders-pg-1", p + 1.7, 60, "LOG", "checkpoint complete: wrote 2 buffers (0.0%); 0 WAL file(s) added, 0 removed, 1 recycled; "
          "write=1.402 s, sync=0.004 s, total=1.511 s; sync files=2, longest=0.003 s, average=0.002 s; distance=16384 kB, "
          "estimate=39212 kB; lsn=1A/2E44D0E0, redo lsn=1A/2E44D0A8")
    pglog("orders-pg-2", PROMOTE + 2.9, 66, "FATAL", "terminating walreceiver process due to administrator command")
    pglog("orders-pg-2", PROMOTE + 16.8, 71, "LOG", "database system was interrupted while in recovery at log time 2025-03-11 14:02:07 UTC")
    pglog("orders-pg-2", PROMOTE + 17.4, 71, "LOG", "entering standby mode")
    pglog("orders-pg-2", PROMOTE + 18.2, 78, "LOG", "started streaming WAL from primary at 1A/2C000000 on timeline 42")
    b = NODE_BACK + 42.0
    pglog("orders-pg-0", b, 81, "LOG", "database system was interrupted while in recovery at log time 2025-03-11 14:09:40 UTC")
    pglog("orders-pg-0", b + 0.01, 81, "HINT", "If this has occurred more than once some data might be corrupted and you might need to choose an earlier recovery target.")
    pglog("orders-pg-0", b + 0.4, 81, "LOG", "entering standby mode")
    pglog("orders-pg-0", b + 1.3, 88, "LOG", "started streaming WAL from primary at 1A/2C000000 on timeline 42")

    # ---- kube-controller-manager
    t = T0 + 7
    while t < T1:
        if R.random() < 0.15:
            klog(t, "I", "event.go:389", "\"Event occurred\" object=\"monitoring/prometheus-k8s-0\" fieldPath=\"\" kind=\"Pod\" "
                 "apiVersion=\"v1\" type=\"Warning\" reason=\"FailedGetResourceMetric\" message=\"failed to get memory utilization: unable to get metrics for resource memory: no metrics returned from resource metrics API\"")
        if R.random() < 0.2:
            klog(t + 1.1, "I", "cleaner.go:172", "\"Cleaning CSR as it is more than 1h0m0s old and approved.\" csr=\"csr-%s\"" % R.alnum(5))
        t += R.uniform(20, 70)
    d = DEPLOY
    klog(d + 0.3, "I", "event.go:389", "\"Event occurred\" object=\"shop/checkout-api\" fieldPath=\"\" kind=\"Deployment\" apiVersion=\"apps/v1\" "
         "type=\"Normal\" reason=\"ScalingReplicaSet\" message=\"Scaled up replica set checkout-api-7b9d6c5f4 to 1\"")
    for i in range(3):
        klog(d + 12.5 + 40 * i, "I", "event.go:389", "\"Event occurred\" object=\"shop/checkout-api\" fieldPath=\"\" kind=\"Deployment\" apiVersion=\"apps/v1\" "
             "type=\"Normal\" reason=\"ScalingReplicaSet\" message=\"Scaled down replica set checkout-api-5f7c9d8b6 to %d from %d\"" % (2 - i, 3 - i))
        if i < 2:
            klog(d + 12.6 + 40 * i, "I", "event.go:389", "\"Event occurred\" object=\"shop/checkout-api\" fieldPath=\"\" kind=\"Deployment\" apiVersion=\"apps/v1\" "
                 "type=\"Normal\" reason=\"ScalingReplicaSet\" message=\"Scaled up replica set checkout-api-7b9d6c5f4 to %d from %d\"" % (i + 2, i + 1))
    node = "ip-10-42-7-19.eu-west-1.compute.internal"
    n = NOTREADY
    klog(n, "I", "node_lifecycle_controller.go:1050", "\"Node is NotReady\" node=\"%s\"" % node)
    klog(n + 0.001, "I", "controller_utils.go:121", "\"Update ready status of pods on node\" node=\"%s\"" % node)
    for pod in ("shop/catalog-api-6c9f7d8b5-xk2lp", "db/orders-pg-0", "kube-system/aws-node-9hx2t",
                "kube-system/kube-proxy-4lq8w", "monitoring/node-exporter-g7v2d"):
        klog(n + 0.003, "I", "controller_utils.go:145", "\"Updating ready status of pod to false\" pod=\"%s\"" % pod.split("/")[1])
    klog(n + 0.01, "I", "event.go:389", "\"Event occurred\" object=\"%s\" fieldPath=\"\" kind=\"Node\" apiVersion=\"v1\" type=\"Normal\" "
         "reason=\"NodeNotReady\" message=\"Node %s status is now: NodeNotReady\"" % (node, node))
    klog(n + 0.02, "I", "node_lifecycle_controller.go:884", "\"Node is unresponsive. Adding it to the Taint queue\" node=\"%s\"" % node)
    klog(NODE_BACK, "I", "node_lifecycle_controller.go:1073", "\"Node became ready\" node=\"%s\"" % node)
    klog(NODE_BACK + 0.01, "I", "event.go:389", "\"Event occurred\" object=\"%s\" fieldPath=\"\" kind=\"Node\" apiVersion=\"v1\" type=\"Normal\" "
         "reason=\"NodeReady\" message=\"Node %s status is now: NodeReady\"" % (node, node))
    klog(n + 300.02, "I", "taint_manager.go:106", "\"NoExecuteTaintManager is deleting pod\" pod=\"shop/catalog-api-6c9f7d8b5-xk2lp\"")
    klog(n + 300.5, "I", "event.go:389", "\"Event occurred\" object=\"shop/catalog-api-6c9f7d8b5\" fieldPath=\"\" kind=\"ReplicaSet\" "
         "apiVersion=\"apps/v1\" type=\"Normal\" reason=\"SuccessfulCreate\" message=\"Created pod: catalog-api-6c9f7d8b5-q9m3z\"")

    # ---- pgbouncer
    t = T0 + 31.004
    while t < T1:
        if t < CRASH:
            x = R.uniform(38, 52)
            pgb(t, "LOG", "stats: %d xacts/s, %d queries/s, in %d B/s, out %d B/s, xact %d us, query %d us, wait %d us"
                % (x, x * 4.3, x * 1050, x * 6900, R.randrange(2400, 3900), R.randrange(450, 800), R.randrange(4, 19)))
        elif t < PGB_RECOVER:
            pgb(t, "LOG", "stats: %d xacts/s, %d queries/s, in %d B/s, out %d B/s, xact %d us, query %d us, wait %d us"
                % (3, 9, 2210, 8312, 11208433, 10982122, 18200321))
        else:
            x = R.uniform(42, 60)
            pgb(t, "LOG", "stats: %d xacts/s, %d queries/s, in %d B/s, out %d B/s, xact %d us, query %d us, wait %d us"
                % (x, x * 4.3, x * 1050, x * 6900, R.randrange(2400, 3900), R.randrange(450, 800), R.randrange(4, 19)))
        t += 60.0
    # background connection churn
    srcs = [p[1] for p in ORD]
    t = T0 + R.random() * 5
    while t < T1:
        ptr = "0x55d5c3%s" % R.hexid(6)
        src = "%s:%d" % (R.pick(srcs), R.randrange(33000, 60999))
        if db_ok(t):
            pgb(t, "LOG", "C-%s: orders/orders_app@%s login attempt: db=orders user=orders_app tls=no" % (ptr, src))
            pgb(t + R.uniform(20, 60), "LOG", "C-%s: orders/orders_app@%s closing because: client close request (age=%ds)"
                % (ptr, src, R.randrange(20, 60)))
        t += R.expovariate(1 / 9.0)
    t = T0 + 400
    while t < CRASH:
        sp = "0x55d5c3%s" % R.hexid(6)
        pgb(t, "LOG", "S-%s: orders/orders_app@10.42.7.31:5432 closing because: server lifetime over (age=3601s)" % sp)
        pgb(t + 0.004, "LOG", "S-%s: orders/orders_app@10.42.7.31:5432 new connection to server (from 10.42.3.7:%d)" % (
            "0x55d5c3" + R.hexid(6), R.randrange(33000, 60999)))
        t += R.uniform(90, 260)
    # outage: pool slots stuck on the dead primary, clients time out in the queue
    t = CRASH + 15.0
    while t < PGB_RECOVER:
        ptr = "0x55d5c3%s" % R.hexid(6)
        src = "%s:%d" % (R.pick(srcs), R.randrange(33000, 60999))
        pgb(t, "WARNING", "C-%s: orders/orders_app@%s pooler error: query_wait_timeout" % (ptr, src))
        pgb(t + 0.0002, "LOG", "C-%s: orders/orders_app@%s closing because: query_wait_timeout (age=20s)" % (ptr, src))
        t += R.expovariate(1 / 0.9)
    t = CRASH + 15.5
    while t < PGB_RECOVER:
        sp = "0x55d5c3%s" % R.hexid(6)
        host = "10.42.7.31" if t < PROMOTE + 1.5 else "10.42.5.18"
        if host == "10.42.7.31":
            pgb(t, "LOG", "S-%s: orders/orders_app@10.42.7.31:5432 closing because: connect timeout (age=15s)" % sp)
        t += 15.0
    pgb(PROMOTE + 3.1, "LOG", "DNS lookup for orders-pg-primary.db.svc.cluster.local changed: 10.42.7.31 -> 10.42.5.18")
    for i in range(20):
        sp = "0x55d5c3%s" % R.hexid(6)
        pgb(PGB_RECOVER + i * 0.011, "LOG", "S-%s: orders/orders_app@10.42.7.31:5432 closing because: server conn crashed? (age=%ds)"
            % (sp, R.randrange(400, 3500)))
    for i in range(20):
        sp = "0x55d5c3%s" % R.hexid(6)
        pgb(PGB_RECOVER + 0.3 + i * 0.013, "LOG", "S-%s: orders/orders_app@10.42.5.18:5432 new connection to server (from 10.42.3.7:%d)"
            % (sp, R.randrange(33000, 60999)))

    # ---- checkout-api deploy (red herring)
    for i in range(3):
        npod = CHK_NEW[i][0]
        st = DEPLOY + 1.5 + 40 * i
        for k, msg in enumerate(["Starting gunicorn 21.2.0", "Listening at: http://0.0.0.0:8000 (1)", "Using worker: gthread"]):
            add("logs/checkout-api/%s.log" % npod, st + k * 0.01, "[%s] [1] [INFO] %s" % (strf(st + k * 0.01, "%Y-%m-%d %H:%M:%S +0100", AMS), msg))
        for w in range(4):
            add("logs/checkout-api/%s.log" % npod, st + 0.05 + w * 0.01,
                "[%s] [%d] [INFO] Booting worker with pid: %d" % (strf(st + 0.05, "%Y-%m-%d %H:%M:%S +0100", AMS), 7 + w, 7 + w))
        dj("checkout-api", npod, st + 2.8, "INFO", "checkout.apps", "checkout-api 2.31.0 (git 8c1f2e9) ready; payments_client=v2 orders_client timeout=(2, 10) retries=1")
        dj("checkout-api", npod, st + 2.9, "WARNING", "py.warnings", "/usr/local/lib/python3.11/site-packages/django/conf/__init__.py:241: "
           "RemovedInDjango51Warning: The STATICFILES_STORAGE setting is deprecated. Use STORAGES instead.")
        opod = CHK_OLD[i][0]
        et = DEPLOY + 12 + 40 * i
        add("logs/checkout-api/%s.log" % opod, et, "[%s] [1] [INFO] Handling signal: term" % strf(et, "%Y-%m-%d %H:%M:%S +0100", AMS))
        for w in range(4):
            add("logs/checkout-api/%s.log" % opod, et + 0.3 + w * 0.05, "[%s] [%d] [INFO] Worker exiting (pid: %d)" % (
                strf(et + 0.3, "%Y-%m-%d %H:%M:%S +0100", AMS), 7 + w, 7 + w))
        add("logs/checkout-api/%s.log" % opod, et + 0.6, "[%s] [1] [INFO] Shutting down: Master" % strf(et + 0.6, "%Y-%m-%d %H:%M:%S +0100", AMS))
    # pre-existing noise in inventory-api: stock feed import fails every 5 minutes
    t = T0 + 95
    while t < T1:
        inv_log(INV[0][0], t, "error", "stock feed import failed", feed="supplier-ftp/nordic-outdoor",
                err="ftp: 550 /outgoing/stock_2025-03-11.csv: No such file or directory", next_try="5m0s")
        t += 300.0 + R.random()


def main():
    global L
    out = main_dir(sys.argv)
    L = LogSet(out)
    for t in R.arrivals(T0, T1, rate):
        kind = R.wpick(route_weights())
        push(t, kind)
    checkout_users = {}
    while ev:
        t, _, kind, data = heapq.heappop(ev)
        if t >= T1:
            continue
        if kind == "checkout" or kind == "checkout_retry":
            user, attempt = (R.pick(USERS), 1) if data is None else data
            ok, amount = handle_checkout(t, user, attempt)
            if not ok and attempt < 4 and R.random() < 0.65:
                push(t + (25 if t < PGB_RECOVER else 0) + R.uniform(6, 40), "checkout_retry", (user, attempt + 1))
        elif kind == "orders_view":
            olds = list(state["orders"].keys())
            if olds and R.random() < 0.97:
                oid = olds[-1 - min(len(olds) - 1, int(R.expovariate(1 / 120.0)))]
            else:
                oid = R.randrange(4300000, 4409000)
            handle_order_view(t, oid)
        elif kind == "lost_view":
            handle_order_view(t, data, expect_lost=True)
        elif kind == "orders_list":
            handle_orders_list(t)
        elif kind == "catalog":
            handle_catalog(t)
        elif kind == "cart":
            handle_cart(t)
        elif kind == "capture":
            handle_capture(t, *data)
        elif kind == "notify":
            handle_notify(t, *data)
        if kind == "checkout" and t >= PGB_RECOVER and not state.get("lost_sched"):
            state["lost_sched"] = True
            for oid in sorted(state["lost_ids"]):
                if True:
                    for _ in range(R.randrange(1, 4)):
                        push(PGB_RECOVER + 60 + R.expovariate(1 / 700.0), "lost_view", oid)
    emit_platform()
    sizes = L.write()
    report(out, sizes)
    lost = sorted(state["lost_ids"])
    sys.stderr.write("lost orders: %d\n" % len(lost))

    write_truth(out, {
        "root_cause": {"service": "orders-pg", "fault": "failover-to-lagging-replica-data-loss",
                       "start": iso(CRASH, 3)},
        "propagation": ["orders-pg", "pgbouncer-orders", "orders-api", "checkout-api", "ingress-nginx"],
        "affected": ["orders-pg", "pgbouncer-orders", "orders-api", "checkout-api", "ingress-nginx", "payments-api",
                     "notification-worker"],
        "acceptable_roots": [],
        "notes": (
            "Patroni cluster orders-pg (pods orders-pg-0/1/2, Spilo, K8s DCS). 13:51:04Z the streaming replication of "
            "orders-pg-1 breaks (requested WAL segment already removed) and it silently falls back to restore_command "
            "catch-up from the WAL archive, lagging ~1 segment behind; only its postgresql.log shows it, Patroni keeps "
            "reporting 'a secondary, and following a leader'. 14:02:07Z the node ip-10-42-7-19 under the leader "
            "orders-pg-0 hangs (kube-controller-manager marks it NotReady at 14:02:49). orders-pg-2 carries the "
            "nofailover tag, so at 14:02:48 Patroni promotes orders-pg-1 (maximum_lag_on_failover had been raised to "
            "1 GiB, so the lag did not block it). Its postgresql.log says 'last completed transaction was at log time "
            "13:58:41.904711' -> ~3.5 minutes of committed orders are lost; pg_rewind on orders-pg-2 and later on "
            "orders-pg-0 reports 'servers diverged at WAL location 1A/2E44D0A8'. pgbouncer-orders keeps 20 server "
            "connections hung on the dead IP 10.42.7.31 until 14:03:41 ('server conn crashed?'); in between clients get "
            "query_wait_timeout, orders-api raises OperationalError (500 after ~20 s), checkout-api times out twice "
            "(10 s each) and returns 503, ingress logs 503/500. After recovery the orders id sequence has rewound: new "
            "orders reuse ids of lost orders that already have payments, so payments-api answers 409 "
            "idempotency_conflict and checkout-api returns 502 (symptom flood, retried by users). Afterwards the lasting "
            "symptoms are 404s for the lost orders: customer order pages, payments-api capture-sync retries (exponential, "
            "parked to DLQ after 6 attempts) and notification-worker retries. Clock quirks: Django app log lines of "
            "checkout-api and orders-api are Europe/Amsterdam local time (UTC+1) without offset, their gunicorn access "
            "lines carry +0100; Patroni lines have no zone (UTC); node ip-10-42-7-19 (orders-pg-0) runs 1.8 s ahead; "
            "ingress lines carry CRI timestamps. Red herrings: checkout-api 2.31.0 rolling deploy at 13:47:30Z; "
            "inventory-api's pre-existing warehouse-gw 502 warnings and the supplier stock feed 550 error every 5 min; "
            "the node NotReady event and catalog-api upstream 504 retries on the dead node (trigger, not the data-loss "
            "root); Prometheus FailedGetResourceMetric noise in kube-controller-manager."),
    })
    write_topology(out, [
        {"name": "ingress-nginx", "role": "gateway", "calls": ["checkout-api", "orders-api", "catalog-api", "cart-api"]},
        {"name": "checkout-api", "role": "api", "calls": ["inventory-api", "orders-api", "payments-api"]},
        {"name": "orders-api", "role": "api", "calls": ["pgbouncer-orders"]},
        {"name": "payments-api", "role": "api", "calls": ["orders-api", "payments-pg", "adyen"]},
        {"name": "inventory-api", "role": "api", "calls": ["warehouse-gw"]},
        {"name": "notification-worker", "role": "worker", "calls": ["orders-api"]},
        {"name": "catalog-api", "role": "api", "calls": []},
        {"name": "cart-api", "role": "api", "calls": []},
        {"name": "pgbouncer-orders", "role": "database", "calls": ["orders-pg"]},
        {"name": "orders-pg", "role": "database", "calls": []},
        {"name": "payments-pg", "role": "database", "calls": []},
        {"name": "warehouse-gw", "role": "external", "calls": []},
        {"name": "adyen", "role": "external", "calls": []},
    ])


if __name__ == "__main__":
    main()
