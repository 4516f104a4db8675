#!/usr/bin/env python3
"""m04: Black Friday doorbuster. deals-svc keeps every reservation (a list append) and an
impressions counter on one DynamoDB item of table prod-deals. At 14:00Z the item is
~300 KB, each write costs ~300 WCU and the single partition throttles; every add-to-cart
(eligibility check increments the counter) fails. Root: the DynamoDB table."""
import csv
import io
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from m_common import (LogSet, Rand, USER_AGENTS, iso, jdump, main_dir, report, strf, ts_of,  # noqa: E402
                      write_topology, write_truth, write_text)

R = Rand(20251128)
T0 = ts_of(2025, 11, 28, 13, 45, 0)
T1 = ts_of(2025, 11, 28, 14, 35, 0)
OPEN = ts_of(2025, 11, 28, 14, 0, 0)
THROTTLE = ts_of(2025, 11, 28, 14, 0, 11.6)
STOREFRONT_DEPLOY = ts_of(2025, 11, 28, 13, 52, 40)
SCALE_OUT = ts_of(2025, 11, 28, 14, 3, 12)
MITIGATE = ts_of(2025, 11, 28, 14, 26, 40)   # deals-svc:89 disables impression counter
EST = -300
ACCT = "318812345678"
ALB = "app/prod-edge-alb/50dc6c495c0c9188"
L = None
CSVROWS = {"cart-api": [], "checkout-api": []}


def add(path, t, line):
    L.add(path, t, line)


def p_throttle(t, op):
    if t < THROTTLE:
        return 0.0
    ramp = min(1.0, (t - THROTTLE) / 70.0)
    if op == "eligibility":
        if t >= MITIGATE + 20:
            return 0.0
        decay = 1.0 - 0.25 * max(0.0, (t - OPEN - 600) / 1500.0)
        return 0.86 * ramp * decay
    # reserve (list append) keeps throttling, demand falls off
    return 0.9 * ramp * (1.0 - 0.35 * max(0.0, (t - OPEN - 600) / 1800.0))


# ----------------------------------------------------------------- ids / hosts
CART_TASKS = ["3f2a9c1d7e4b4f0a8c6d2e1f0a9b8c7d", "8b1e2d3c4f5a46b7a8c9d0e1f2a3b4c5", "c7d6e5f4a3b2419080f7e6d5c4b3a291",
              "1a2b3c4d5e6f4a7b8c9d0e1f2a3b4c5d", "9e8d7c6b5a4f43e2d1c0b9a8f7e6d5c4", "5c4b3a2f1e0d4c9b8a7f6e5d4c3b2a19"]
CART_NEW = ["e1d2c3b4a5f64e7d8c9b0a1f2e3d4c5b", "f0e9d8c7b6a54f4e3d2c1b0a9f8e7d6c", "0a9b8c7d6e5f44a3b2c1d0e9f8a7b6c5",
            "7f6e5d4c3b2a41908f7e6d5c4b3a2f1e"]
CART_IPS = {}
for i, tid in enumerate(CART_TASKS + CART_NEW):
    CART_IPS[tid] = "10.0.%d.%d" % (12 + i % 3, 30 + i * 7)
DEALS_TASKS = [("4d3c2b1a0f9e48d7c6b5a4f3e2d1c0b9", "10.0.13.81"), ("a0b1c2d3e4f546a7b8c9d0e1f2a3b4c5", "10.0.14.82"),
               ("b9c8d7e6f5a44b3c2d1e0f9a8b7c6d5e", "10.0.12.83")]
SF_IPS = ["10.0.12.101", "10.0.13.102", "10.0.14.103", "10.0.12.104"]
CHK_TASK = [("6e5d4c3b2a1f40e9d8c7b6a5f4e3d2c1", "10.0.13.120"), ("2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7", "10.0.14.121")]
RECS_IPS = ["10.0.12.140", "10.0.14.141"]
ALB_NODES = ["10.0.1.23", "10.0.2.57", "10.0.3.91"]
SKUS = ["GH-%06d" % R.randrange(100000, 999999) for _ in range(600)]
DEAL = "BF25-DB-001"


def cart_tasks(t):
    if t < SCALE_OUT + 70:
        return CART_TASKS
    return CART_TASKS + CART_NEW


# ----------------------------------------------------------------- writers
def alb(t_start, t_end, client, target_ip, port, tg, status, tstatus, method, url, rb, sb, err="-"):
    node = R.pick(ALB_NODES)
    trace = "Root=1-%08x-%s" % (int(t_start), R.hexid(24))
    rpt = 0.000 + R.random() * 0.001
    tpt = max(0.0, t_end - t_start - rpt)
    line = ('https %s %s %s:%d %s:%d %.3f %.3f %.3f %s %s %d %d "%s %s HTTP/2.0" "%s" TLS_AES_128_GCM_SHA256 TLSv1.3 '
            'arn:aws:elasticloadbalancing:us-east-1:%s:targetgroup/%s "%s" "www.gearhaus.com" '
            '"arn:aws:acm:us-east-1:%s:certificate/8c1d5e0a-2f47-4b9e-9a61-3d0c7e2b5f18" %d %s "forward" "-" "%s" "%s:%d" "%s" "-" "-" TID_%s') % (
        iso(t_end, 6, True), ALB, client, R.randrange(1024, 65535), target_ip, port, rpt, tpt, 0.0, status, tstatus, rb, sb,
        method, "https://www.gearhaus.com:443" + url, R.pick(USER_AGENTS), ACCT, tg, trace, ACCT,
        {"cart-api-tg/6d0ecf831eec9f09": 10, "checkout-api-tg/1b2c3d4e5f6a7b8c": 20, "recs-tg/0f1e2d3c4b5a6978": 30}.get(tg, 100),
        iso(t_start, 6, True), err, target_ip, port, tstatus, R.hexid(32))
    bucket = int((t_end - T0) // 300)
    fstart = T0 + bucket * 300 + 300
    fname = "logs/edge-alb/AWSLogs/%s/elasticloadbalancing/us-east-1/2025/11/28/%s_elasticloadbalancing_us-east-1_app.prod-edge-alb.50dc6c495c0c9188_%s_%s_%s.log.gz" % (
        ACCT, ACCT, strf(fstart, "%Y%m%dT%H%MZ"), node, {"10.0.1.23": "3k2j1h4g", "10.0.2.57": "p9q8r7s6", "10.0.3.91": "z5y4x3w2"}[node])
    add(fname, t_end + R.uniform(-0.4, 0.4), line)


def pino(svc, task, t, level, msg, **kw):
    d = {"level": level, "time": int(round(t * 1000)), "pid": 1, "hostname": "ip-%s.ec2.internal" % CART_IPS.get(task, "10.0.13.120").replace(".", "-")}
    d.update(kw)
    d["msg"] = msg
    CSVROWS[svc].append((t, "ecs/%s/%s" % (svc, task), jdump(d)))


def deals(task, t, level, msg, **kw):
    z = {"level": level, "ts": round(t, 6), "caller": kw.pop("caller", "api/handlers.go:77"), "msg": msg}
    z.update(kw)
    rec = {"date": iso(t + 0.15, 6, True), "container_id": task[0] + "-" + task[0][:10], "container_name": "deals-svc",
           "ecs_cluster": "prod-ecs", "ecs_task_arn": "arn:aws:ecs:us-east-1:%s:task/prod-ecs/%s" % (ACCT, task[0]),
           "ecs_task_definition": "deals-svc:%d" % (89 if t >= MITIGATE else 88), "source": "stderr" if level in ("error", "warn") else "stdout",
           "log": jdump(z)}
    add("logs/deals-svc/firelens/deals-svc-%s.json" % strf(t, "%Y%m%d-%H"), t + 0.15, jdump(rec))


def sf(t, level, msg, **kw):
    d = {"level": level, "time": int(round(t * 1000)), "pid": 27, "hostname": "ip-%s.ec2.internal" % R.pick(SF_IPS).replace(".", "-"),
         "name": "storefront"}
    d.update(kw)
    d["msg"] = msg
    add("logs/storefront/storefront.log", t, jdump(d))


def catalog(t, level, event, **kw):
    d = {"event": event}
    d.update(kw)
    d["level"] = level
    d["logger"] = "catalog.api"
    d["timestamp"] = iso(t, 6, False, EST)
    add("logs/catalog-svc/catalog-svc.log", t, jdump(d))


# ----------------------------------------------------------------- flows
THROTTLE_MSG = ("ProvisionedThroughputExceededException: Throughput exceeds the current capacity of your table or index. "
                "DynamoDB is automatically scaling your table or index so please try again shortly. If exceptions persist, "
                "check if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html")


def deals_call(t, op, cart_id):
    """deals-svc handling; returns (status, dur)."""
    task = R.pick(DEALS_TASKS)
    p = p_throttle(t, op)
    dur = 0.0
    attempts = 0
    ok = False
    quota = (t > THROTTLE + 45 and t < MITIGATE + 20 and R.random() < 0.35)
    while attempts < 3:
        attempts += 1
        dur += R.lat(0.009, 0.3)
        if R.random() >= p:
            ok = True
            break
        if quota and attempts == 1:
            break
        dur += R.uniform(0.05, 1.0) * (2 ** (attempts - 1))
    if ok:
        if R.random() < 0.02 or (op == "reserve" and R.random() < 0.3):
            deals(task, t + dur, "info", "reservation created" if op == "reserve" else "eligibility evaluated", deal_id=DEAL,
                  cart_id=cart_id, attempts=attempts, latency_ms=int(dur * 1000), caller="api/handlers.go:%d" % (112 if op == "reserve" else 77))
        return (201 if op == "reserve" else 200), dur, task
    api = "UpdateItem"
    rid = R.alnum(52, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    if quota:
        err = "operation error DynamoDB: %s, failed to get rate limit token, retry quota exceeded, %d available, 5 requested" % (api, R.randrange(0, 5))
    else:
        err = "operation error DynamoDB: %s, exceeded maximum number of attempts, 3, https response error StatusCode: 400, RequestID: %s, %s" % (api, rid, THROTTLE_MSG)
    deals(task, t + dur, "error", "reserve failed" if op == "reserve" else "eligibility check failed", deal_id=DEAL, cart_id=cart_id,
          table="prod-deals", error=err, caller="store/dynamo.go:%d" % (141 if op == "reserve" else 96))
    return 503, dur + 0.001, task


def err_obj(msg):
    return {"type": "DealsServiceError", "message": msg,
            "stack": "DealsServiceError: %s\n    at DealsClient.request (/app/dist/clients/deals.js:88:15)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\n"
                     "    at async DealsClient.checkEligibility (/app/dist/clients/deals.js:41:20)\n    at async CartService.priceCart (/app/dist/services/cart.js:141:22)\n"
                     "    at async CartController.%s (/app/dist/controllers/cart.js:57:18)" % (msg, R.pick(["addItem", "getCart"])),
            "status": 503, "code": "DEALS_UNAVAILABLE"}


def cart_flow(t, method, url, op="eligibility", internal=False):
    """cart-api request; returns (status, dur, task)."""
    task = R.pick(cart_tasks(t))
    cart_id = "c_" + R.alnum(16)
    req_id = "req-%s" % R.alnum(8)
    tt = t + R.lat(0.004, 0.3)
    status = 200 if method == "GET" else 201
    for attempt in (1, 2):
        st, d, dtask = deals_call(tt, op, cart_id)
        if d > 1.0:
            # client timeout 1000 ms
            pino("cart-api", task, tt + 1.0, 40, "deals-svc request timed out", reqId=req_id, attempt=attempt, timeoutMs=1000,
                 upstream="http://deals-svc.prod.local:8080/v2/deals/%s/%s" % (DEAL, op))
            tt += 1.0
        elif st >= 500:
            pino("cart-api", task, tt + d, 40, "deals-svc returned error", reqId=req_id, attempt=attempt, statusCode=st,
                 upstream="http://deals-svc.prod.local:8080/v2/deals/%s/%s" % (DEAL, op), body='{"error":"deals_store_throttled"}')
            tt += d
        else:
            tt += d
            break
        if attempt == 2:
            status = 503
        else:
            tt += 0.1
    tt += R.lat(0.006, 0.3)
    if status == 503:
        pino("cart-api", task, tt, 50, "failed to price cart", reqId=req_id, cartId=cart_id, err=err_obj("deals-svc responded 503: deals_store_throttled"))
    dur = tt - t
    pino("cart-api", task, tt + 0.0005, 30 if status < 500 else 50, "request completed", reqId=req_id,
         req={"method": method, "url": url, "remoteAddress": "10.0.%d.%d" % (1 + R.randrange(3), R.randrange(10, 250))},
         res={"statusCode": status}, responseTime=int(dur * 1000))
    return status, dur, task


def main():
    global L
    out = main_dir(sys.argv)
    L = LogSet(out)

    def surge(t):
        if t < OPEN:
            return 0.0
        return max(0.0, 1.0 - (t - OPEN) / 1500.0)

    for t in R.arrivals(T0, T1, lambda t: 1.1 + 1.35 * surge(t)):
        client = R.public_ip()
        s = surge(t)
        k = R.wpick([("page", 0.55), ("cart_get", 0.22), ("cart_add", 0.22 + 0.9 * s), ("reserve", 0.02 + 0.55 * s),
                     ("checkout", 0.05), ("recs", 0.12), ("product_api", 0.1)])
        if k == "page":
            url = R.pick(["/", "/deals", "/p/%s" % R.pick(SKUS), "/c/%s" % R.pick(["tvs", "gaming", "laptops", "audio", "smart-home"]), "/cart"])
            ip = R.pick(SF_IPS)
            d = R.lat(0.14, 0.4)
            st = 200
            if url == "/cart":
                cst, cd, _ = cart_flow(t + 0.01, "GET", "/internal/carts/current")
                d += cd
                if cst >= 500:
                    st = 500
                    sf(t + d, 50, "getServerSideProps failed for /cart", err={"type": "Error", "message": "cart-api responded 503",
                       "stack": "Error: cart-api responded 503\n    at fetchCart (/app/.next/server/pages/cart.js:1:4821)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\n    at async getServerSideProps (/app/.next/server/pages/cart.js:1:5310)"})
            if R.random() < 0.05:
                catalog(t + 0.02, "info", "product fetched", sku=R.pick(SKUS), cache="hit" if R.random() < 0.8 else "miss", duration_ms=R.randrange(2, 40))
            alb(t, t + d, client, ip, 3000, "storefront-tg/7a8b9c0d1e2f3a4b", st, st, "GET", url, R.randrange(300, 900), R.randrange(20000, 160000) if st == 200 else 2400)
        elif k in ("cart_get", "cart_add"):
            method, url = ("GET", "/api/cart") if k == "cart_get" else ("POST", "/api/cart/items")
            st, d, task = cart_flow(t, method, url)
            alb(t, t + d + 0.001, client, CART_IPS[task], 8080, "cart-api-tg/6d0ecf831eec9f09", st, st, method, url,
                R.randrange(300, 1400), R.randrange(600, 4200) if st < 500 else 96)
        elif k == "reserve":
            url = "/api/deals/%s/reserve" % DEAL
            st, d, task = cart_flow(t, "POST", url, op="reserve")
            alb(t, t + d + 0.001, client, CART_IPS[task], 8080, "cart-api-tg/6d0ecf831eec9f09", st, st, "POST", url,
                R.randrange(300, 900), R.randrange(200, 600) if st < 500 else 96)
        elif k == "checkout":
            task, ip = R.pick(CHK_TASK)
            cst, cd, _ = cart_flow(t + 0.01, "GET", "/internal/carts/priced")
            rid = "req-%s" % R.alnum(8)
            if cst >= 500:
                d = cd + 0.02
                st = 502
                CSVROWS["checkout-api"].append((t + d, "ecs/checkout-api/%s" % task, jdump({
                    "level": 50, "time": int((t + d) * 1000), "pid": 1, "hostname": "ip-%s.ec2.internal" % ip.replace(".", "-"), "reqId": rid,
                    "err": {"type": "UpstreamError", "message": "cart-api GET /internal/carts/priced -> 503", "stack": "UpstreamError: cart-api GET /internal/carts/priced -> 503\n    at CartClient.priced (/app/dist/clients/cart.js:52:13)\n    at async CheckoutService.start (/app/dist/services/checkout.js:73:19)"},
                    "msg": "checkout start failed"})))
            else:
                d = cd + R.lat(0.35, 0.3)
                st = 201
            CSVROWS["checkout-api"].append((t + d + 0.001, "ecs/checkout-api/%s" % task, jdump({
                "level": 30 if st < 500 else 50, "time": int((t + d + 0.001) * 1000), "pid": 1, "hostname": "ip-%s.ec2.internal" % ip.replace(".", "-"),
                "reqId": rid, "req": {"method": "POST", "url": "/api/checkout"}, "res": {"statusCode": st}, "responseTime": int(d * 1000), "msg": "request completed"})))
            alb(t, t + d + 0.001, client, ip, 8080, "checkout-api-tg/1b2c3d4e5f6a7b8c", st, st, "POST", "/api/checkout", R.randrange(600, 2000), R.randrange(300, 1500) if st < 500 else 110)
        elif k == "recs":
            d = R.lat(0.06, 0.4)
            alb(t, t + d, client, R.pick(RECS_IPS), 8000, "recs-tg/0f1e2d3c4b5a6978", 200, 200, "GET", "/api/recs?slot=%s" % R.pick(["home", "pdp", "cart"]), 400, R.randrange(1500, 6000))
        else:
            d = R.lat(0.03, 0.4)
            sku = R.pick(SKUS)
            if R.random() < 0.2:
                catalog(t + d, "info", "product fetched", sku=sku, cache="hit" if R.random() < 0.8 else "miss", duration_ms=int(d * 1000))
            alb(t, t + d, client, R.pick(SF_IPS), 3000, "storefront-tg/7a8b9c0d1e2f3a4b", 200, 200, "GET", "/api/products/%s" % sku, 420, R.randrange(2000, 9000))
    platform(out)
    # CSV exports from CloudWatch Logs Insights: newest first, max 10000 rows per export
    for svc, rows in CSVROWS.items():
        rows.sort(key=lambda r: r[0], reverse=True)
        chunks = []
        cur = []
        for r in rows:
            cur.append(r)
            if len(cur) == 5000:
                chunks.append(cur)
                cur = []
        if cur:
            chunks.append(cur)
        for i, ch in enumerate(chunks):
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            w.writerow(["@timestamp", "@logStream", "@message"])
            for t, stream, msg in ch:
                w.writerow([strf(t, "%Y-%m-%d %H:%M:%S.{ms}"), stream, msg])
            lo, hi = ch[-1][0], ch[0][0]
            write_text(out, "logs/cloudwatch-insights/%s_logs-insights-results_%s-%s.csv" % (svc, strf(lo, "%H%M%S"), strf(hi, "%H%M%S")), buf.getvalue())
    sizes = L.write()
    extra = 0
    for root, _, files in os.walk(os.path.join(out, "logs", "cloudwatch-insights")):
        for f in files:
            extra += os.path.getsize(os.path.join(root, f))
    sizes["cloudwatch-insights"] = extra
    report(out, sizes)
    write_truth(out, {
        "root_cause": {"service": "deals-dynamodb", "fault": "hot-partition-write-throttling", "start": iso(THROTTLE, 3)},
        "propagation": ["deals-dynamodb", "deals-svc", "cart-api", "edge-alb"],
        "affected": ["deals-dynamodb", "deals-svc", "cart-api", "storefront", "checkout-api", "edge-alb"],
        "acceptable_roots": ["deals-svc"],
        "notes": (
            "DynamoDB table prod-deals (on-demand; topology node deals-dynamodb). deals-svc stores every doorbuster "
            "reservation as a list append and an impressions counter on the single item DEAL#BF25-DB-001; by the 14:00:00Z "
            "doorbuster opening the item is ~300 KB, so every write costs ~300 WCU and the item's partition exceeds the "
            "per-partition limit. From 14:00:11.6Z UpdateItem calls throttle (ProvisionedThroughputExceededException '... "
            "check if you have a hot key'); the Go SDK retries 3x and then its retry-token bucket empties ('failed to get rate "
            "limit token, retry quota exceeded'). Because the eligibility check that cart-api runs on EVERY add-to-cart and "
            "cart pricing also increments the counter, carts fail site-wide: cart-api (1 s timeout, 1 retry) returns 503, "
            "storefront's /cart SSR fails (500), checkout-api gets 503 from cart-api and returns 502; ALB shows 5xx on cart "
            "and checkout target groups. The table itself has no logs: it is named only by the SDK error text (in deals-svc "
            "FireLens records, a JSON string inside 'log'), by the CloudWatch alarm on WriteThrottleEvents, and by the "
            "topology. Mitigation at 14:26:40Z: deals-svc:89 disables the impressions counter -> eligibility recovers, "
            "doorbuster reservations keep throttling at a lower rate. Clock/format quirks: CloudWatch Logs Insights CSV "
            "exports are newest-first, run as several 5,000-row windowed queries, timestamps without zone (UTC); cart-api pino time is epoch ms; "
            "deals-svc zap 'ts' is epoch seconds inside the FireLens 'log' string while 'date' is the shipper time (~150 ms "
            "later); catalog-svc and ECS events use US Eastern with offset; ALB files are per node per 5 minutes and lines "
            "are not strictly ordered. Red herrings: storefront deployment storefront:412 at 13:52:40Z; ECS auto scaling "
            "adds 4 cart-api tasks at 14:03 (looks like a capacity problem); the price-sync Lambda times out every 5 minutes "
            "all along; an ALB 5XX alarm and a cart-api p99 alarm fire after the DynamoDB throttle alarm."),
    })
    write_topology(out, [
        {"name": "edge-alb", "role": "gateway", "calls": ["storefront", "cart-api", "checkout-api", "recommendation-svc"]},
        {"name": "storefront", "role": "frontend", "calls": ["cart-api", "catalog-svc", "deals-svc"]},
        {"name": "cart-api", "role": "api", "calls": ["deals-svc", "catalog-svc", "cart-redis"]},
        {"name": "checkout-api", "role": "api", "calls": ["cart-api", "payments-gw"]},
        {"name": "deals-svc", "role": "api", "calls": ["deals-dynamodb"]},
        {"name": "catalog-svc", "role": "api", "calls": ["catalog-db"]},
        {"name": "recommendation-svc", "role": "api", "calls": ["catalog-svc"]},
        {"name": "price-sync", "role": "worker", "calls": ["catalog-svc"]},
        {"name": "deals-dynamodb", "role": "database", "calls": []},
        {"name": "cart-redis", "role": "cache", "calls": []},
        {"name": "catalog-db", "role": "database", "calls": []},
        {"name": "payments-gw", "role": "external", "calls": []},
    ])


def platform(out):
    # price-sync lambda: times out every 5 minutes (pre-existing)
    t = T0 + 2.1
    while t < T1:
        rid = R.uuid()
        p = "logs/lambda/price-sync/%s.log" % strf(t, "%Y-%m-%d")
        add(p, t, "START RequestId: %s Version: $LATEST" % rid)
        add(p, t + 0.4, "%s\t%s\tINFO\tfetching supplier feed https://feeds.acme-distribution.com/v3/prices?since=%s" % (iso(t + 0.4, 3, True), rid, strf(t - 300, "%Y-%m-%dT%H:%M:%SZ")))
        if R.random() < 0.8:
            add(p, t + 30.03, "%s %s Task timed out after 30.03 seconds" % (iso(t + 30.03, 3, True), rid))
            add(p, t + 30.04, "END RequestId: %s" % rid)
            add(p, t + 30.05, "REPORT RequestId: %s\tDuration: 30030.41 ms\tBilled Duration: 30000 ms\tMemory Size: 512 MB\tMax Memory Used: %d MB" % (rid, R.randrange(180, 230)))
        else:
            add(p, t + 11.2, "%s\t%s\tINFO\tupdated %d prices" % (iso(t + 11.2, 3, True), rid, R.randrange(100, 3000)))
            add(p, t + 11.21, "END RequestId: %s" % rid)
            add(p, t + 11.22, "REPORT RequestId: %s\tDuration: 11214.09 ms\tBilled Duration: 11215 ms\tMemory Size: 512 MB\tMax Memory Used: %d MB" % (rid, R.randrange(180, 230)))
        t += 300.0
    # deals-svc: heartbeat-ish info
    t = T0 + 10
    while t < T1:
        task = R.pick(DEALS_TASKS)
        deals(task, t, "info", "active deals cache refreshed", deals=14, caller="deals/cache.go:58")
        t += 30.0
    for task in DEALS_TASKS:
        deals(task, MITIGATE + R.uniform(0, 15), "info", "starting deals-svc", version="2.41.1", impression_counter=False, table="prod-deals", caller="cmd/server/main.go:44")
    deals(DEALS_TASKS[0], OPEN - 300, "info", "deal scheduled to open", deal_id=DEAL, opens_at="2025-11-28T14:00:00Z", stock=2500, caller="deals/scheduler.go:91")
    deals(DEALS_TASKS[1], OPEN + 0.02, "info", "deal opened", deal_id=DEAL, caller="deals/scheduler.go:104")
    # storefront deploy
    sf(STOREFRONT_DEPLOY + 30, 30, "ready - started server on 0.0.0.0:3000, url: http://localhost:3000", version="4.12.0", build="storefront:412")
    # CloudWatch alarms via SNS (json lines)
    def alarm(t, name, metric, ns, dims, thr, desc, state="ALARM"):
        msg = {"AlarmName": name, "AlarmDescription": desc, "AWSAccountId": ACCT, "AlarmConfigurationUpdatedTimestamp": "2025-10-02T16:11:09.412+0000",
               "NewStateValue": state, "NewStateReason": "Threshold Crossed: 1 datapoint [%s (%s)] was greater than the threshold (%s)." % (
                   thr * (3 + R.random() * 20), strf(t - 60, "%d/%m/%y %H:%M:%S"), thr) if state == "ALARM" else "Threshold Crossed: 1 datapoint was not greater than the threshold.",
               "StateChangeTime": strf(t, "%Y-%m-%dT%H:%M:%S.{ms}+0000"), "Region": "US East (N. Virginia)",
               "AlarmArn": "arn:aws:cloudwatch:us-east-1:%s:alarm:%s" % (ACCT, name), "OldStateValue": "OK" if state == "ALARM" else "ALARM",
               "Trigger": {"MetricName": metric, "Namespace": ns, "StatisticType": "Statistic", "Statistic": "SUM", "Unit": None,
                           "Dimensions": dims, "Period": 60, "EvaluationPeriods": 1, "ComparisonOperator": "GreaterThanThreshold", "Threshold": thr}}
        env = {"Type": "Notification", "MessageId": R.uuid(), "TopicArn": "arn:aws:sns:us-east-1:%s:prod-oncall" % ACCT,
               "Subject": "%s: \"%s\" in US East (N. Virginia)" % (state, name), "Message": json.dumps(msg, separators=(",", ":")),
               "Timestamp": iso(t + 0.3, 3, True), "SignatureVersion": "1"}
        add("logs/alerts/sns-prod-oncall.json", t, jdump(env))
    alarm(THROTTLE + 78, "prod-deals-WriteThrottleEvents", "WriteThrottleEvents", "AWS/DynamoDB", [{"value": "prod-deals", "name": "TableName"}], 10.0,
          "DynamoDB write throttling on prod-deals")
    alarm(THROTTLE + 139, "cart-api-ALB-5XX", "HTTPCode_Target_5XX_Count", "AWS/ApplicationELB",
          [{"value": "targetgroup/cart-api-tg/6d0ecf831eec9f09", "name": "TargetGroup"}, {"value": ALB, "name": "LoadBalancer"}], 25.0, "cart-api 5xx via ALB")
    alarm(THROTTLE + 200, "cart-api-p99-latency", "TargetResponseTime", "AWS/ApplicationELB",
          [{"value": "targetgroup/cart-api-tg/6d0ecf831eec9f09", "name": "TargetGroup"}], 1.5, "cart-api p99 > 1.5s")
    alarm(THROTTLE + 145, "cart-api-CPU-high", "CPUUtilization", "AWS/ECS", [{"value": "cart-api", "name": "ServiceName"}, {"value": "prod-ecs", "name": "ClusterName"}], 70.0,
          "Target tracking scale-out cart-api")
    alarm(OPEN - 600, "price-sync-errors", "Errors", "AWS/Lambda", [{"value": "price-sync", "name": "FunctionName"}], 0.0, "price-sync Lambda errors")
    alarm(MITIGATE + 240, "cart-api-ALB-5XX", "HTTPCode_Target_5XX_Count", "AWS/ApplicationELB",
          [{"value": "targetgroup/cart-api-tg/6d0ecf831eec9f09", "name": "TargetGroup"}], 25.0, "cart-api 5xx via ALB", state="OK")
    # ECS service events (describe-services output, newest first)
    evs = []
    def ev(t, svc, msg):
        evs.append((t, {"id": R.uuid(), "createdAt": iso(t, 6, False, EST), "message": "(service %s) %s" % (svc, msg)}))
    ev(STOREFRONT_DEPLOY, "storefront", "has started 4 tasks: (task %s) (task %s) (task %s) (task %s)." % tuple(R.hexid(32) for _ in range(4)))
    ev(STOREFRONT_DEPLOY + 95, "storefront", "has stopped 4 running tasks: (task %s) (task %s) (task %s) (task %s)." % tuple(R.hexid(32) for _ in range(4)))
    ev(STOREFRONT_DEPLOY + 180, "storefront", "deployment ecs-svc/%d completed." % R.randrange(10 ** 18, 10 ** 19))
    ev(STOREFRONT_DEPLOY + 181, "storefront", "has reached a steady state.")
    ev(SCALE_OUT, "cart-api", "has started 4 tasks: (task %s) (task %s) (task %s) (task %s)." % tuple(CART_NEW))
    ev(SCALE_OUT - 1, "cart-api", "Message: Successfully set desired count to 10. Cause: monitor alarm TargetTracking-service/prod-ecs/cart-api-AlarmHigh-8d1f2c in state ALARM triggered policy cart-api-cpu-tt")
    ev(SCALE_OUT + 95, "cart-api", "registered 4 targets in (target-group arn:aws:elasticloadbalancing:us-east-1:%s:targetgroup/cart-api-tg/6d0ecf831eec9f09)" % ACCT)
    ev(MITIGATE - 5, "deals-svc", "has started 3 tasks: (task %s) (task %s) (task %s)." % tuple(R.hexid(32) for _ in range(3)))
    ev(MITIGATE + 110, "deals-svc", "has stopped 3 running tasks: (task %s) (task %s) (task %s)." % tuple(d[0] for d in DEALS_TASKS))
    ev(MITIGATE + 170, "deals-svc", "has reached a steady state.")
    for h in range(0, 3000, 1800):
        ev(T0 + 600 + h, "catalog-svc", "has reached a steady state.")
        ev(T0 + 700 + h, "recommendation-svc", "has reached a steady state.")
    evs.sort(key=lambda e: e[0], reverse=True)
    write_text(out, "logs/ecs/describe-services-events.json", json.dumps({"services": [{"clusterArn": "arn:aws:ecs:us-east-1:%s:cluster/prod-ecs" % ACCT,
               "events": [e[1] for e in evs]}]}, indent=2) + "\n")
    # catalog noise
    t = T0 + 5
    while t < T1:
        catalog(t, "warning", "slow query", table="products", duration_ms=R.randrange(300, 900), query="list_by_category")
        t += R.expovariate(1 / 90.0)


if __name__ == "__main__":
    main()
