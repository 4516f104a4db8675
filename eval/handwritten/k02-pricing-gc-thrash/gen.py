#!/usr/bin/env python3
"""k02: pricing-svc (Go) keeps an unbounded per-customer quote memo; its live heap creeps
towards GOMEMLIMIT=1536MiB and from ~09:31 the GC runs almost continuously (GC thrash, no
crash, no OOM). Latency goes from ~8 ms to seconds; web-api (Rails, 1 s read timeout,
1 retry) turns it into 503/500s at the Traefik edge. pricing-svc only logs INFO/WARN.
Red herrings: catalog-importer CronJob 09:30-09:34 with warnings, inventory-svc
pre-existing errors, scanner 404s. Recovery: pricing pods restarted at 09:49.
Python 3 standard library only; fixed seed; rewrites logs/ beside itself."""
import json
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

SLUG = "k02-pricing-gc-thrash"
OUT = Path(__file__).resolve().parent / "logs"
rng = random.Random(20260217)
UTC = timezone.utc
BASE = datetime(2026, 2, 17, 9, 0, 0, tzinfo=UTC)
END = 56 * 60.0
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


def iso_us(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.%f")


def iso_ns(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.%f") + "%03dZ" % rng.randint(0, 999)


def hexid(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


# ------------------------------------------------------------------ pods & timeline
TRAEFIK = "traefik-6b8f9d7c4-2hkzq"
WEB = ["web-api-5d7f8b6c9-k8m2p", "web-api-5d7f8b6c9-tq4vz", "web-api-5d7f8b6c9-w7cjd"]
WEB_IP = {WEB[0]: "10.4.1.12", WEB[1]: "10.4.2.31", WEB[2]: "10.4.3.8"}
PRICING = ["pricing-svc-77c8d9f6b-9xk2d", "pricing-svc-77c8d9f6b-fm5tq"]
PRICING_NEW = ["pricing-svc-77c8d9f6b-b2r7w", "pricing-svc-77c8d9f6b-ltz9c"]
PRICING_IP = {PRICING[0]: "10.4.5.17", PRICING[1]: "10.4.6.22", PRICING_NEW[0]: "10.4.5.40", PRICING_NEW[1]: "10.4.6.51"}
INVENTORY = "inventory-svc-6f9d8c7b5-zp3lx"
IMPORTER = "catalog-importer-29519580-7hq2m"
RESTART = 49 * 60 + 10.0             # 09:49:10 kubectl rollout restart deploy/pricing-svc
IMPORT_START = 30 * 60 + 0.0         # 09:30:00 CronJob

GOMEMLIMIT = 1536.0
HEAP0 = {PRICING[0]: 1259.0, PRICING[1]: 1238.0}
GROWTH = {PRICING[0]: 7.0, PRICING[1]: 6.8}   # MB per minute


def live_heap(pod, t):
    if pod in PRICING_NEW:
        return 310.0 + (t - RESTART) / 60.0 * 11.0
    h = HEAP0[pod] + t / 60.0 * GROWTH[pod]
    # once in the thrash zone the memo can barely grow (allocations are starved)
    if h > 1490:
        h = 1490 + (h - 1490) * 0.25
    return min(h, GOMEMLIMIT - 6)


def thrash(pod, t):
    """0..1 share of CPU eaten by the GC."""
    h = live_heap(pod, t)
    headroom = GOMEMLIMIT - h
    if headroom > 150:
        return rng.uniform(0.01, 0.03)
    if headroom > 80:
        return 0.03 + (150 - headroom) / 70.0 * 0.17 + rng.uniform(-0.01, 0.01)
    return min(0.9, 0.2 + (80 - headroom) / 50.0 * 0.7) + rng.uniform(-0.04, 0.04)


def pricing_pod_for(t):
    if t < RESTART + 6:
        return rng.choice(PRICING)
    return rng.choice(PRICING_NEW)


def pricing_latency(pod, t):
    g = thrash(pod, t)
    base = rng.lognormvariate(-4.8, 0.45)  # ~8ms
    if g < 0.1:
        return base
    slow = base / max(0.05, (1 - g)) ** 2
    if g > 0.5:
        slow += rng.expovariate(1 / (g * 1.6))
    return slow


# ------------------------------------------------------------------ writers

def traefik(t, method, path, status, dur, svc, svc_addr, client, ua, origin_status=None, size=None, retry=0):
    d = dt(t)
    cport = rng.randint(1024, 65535)
    rec = {
        "ClientAddr": "%s:%d" % (client, cport), "ClientHost": client, "ClientPort": str(cport), "ClientUsername": "-",
        "DownstreamContentSize": size if size is not None else 0, "DownstreamStatus": status,
        "Duration": int(dur * 1e9), "OriginContentSize": size if size is not None else 0,
        "OriginDuration": int(max(0, dur - 0.0004) * 1e9), "OriginStatus": origin_status if origin_status is not None else status,
        "Overhead": int(0.0004 * 1e9) + rng.randint(0, 90000),
        "RequestAddr": "shop.example.com", "RequestContentSize": 0 if method == "GET" else rng.randint(80, 600),
        "RequestCount": int(t * 2.3) + 1184023, "RequestHost": "shop.example.com", "RequestMethod": method,
        "RequestPath": path, "RequestPort": "-", "RequestProtocol": "HTTP/2.0", "RequestScheme": "https",
        "RetryAttempts": retry, "RouterName": svc.split("@")[0].replace("-3000", "").replace("-80", "") + "-websecure@kubernetescrd",
        "ServiceAddr": svc_addr, "ServiceName": svc,
        "ServiceURL": {"Scheme": "http", "Opaque": "", "User": None, "Host": svc_addr, "Path": "", "RawPath": "", "OmitHost": False,
                       "ForceQuery": False, "RawQuery": "", "Fragment": "", "RawFragment": ""},
        "StartLocal": d.strftime("%Y-%m-%dT%H:%M:%S.%f") + "%03dZ" % rng.randint(0, 999),
        "StartUTC": d.strftime("%Y-%m-%dT%H:%M:%S.%f") + "%03dZ" % rng.randint(0, 999),
        "TLSCipher": "TLS_AES_128_GCM_SHA256", "TLSVersion": "1.3", "entryPointName": "websecure",
        "level": "info", "msg": "", "request_User-Agent": ua, "time": (dt(t + dur)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    emit("traefik/%s.log" % TRAEFIK, t + dur, json.dumps(rec, separators=(",", ":")))


def rails(pod, t, lvl, msg, rid=None):
    letter = lvl[0]
    tag = "[%s] " % rid if rid else ""
    emit("web-api/%s.log" % pod, t, "%s, [%s #1] %5s -- : %s%s" % (letter, iso_us(t), lvl, tag, msg))


def zapj(pod, t, level, caller, msg, **kv):
    rec = {"level": level, "ts": iso_ms(t), "caller": caller, "msg": msg}
    rec.update(kv)
    emit("pricing-svc/%s.log" % pod, t, json.dumps(rec, separators=(",", ":")))


def zerolog(t, level, msg, **kv):
    rec = {"level": level}
    rec.update(kv)
    rec["time"] = iso_ms(t)
    rec["message"] = msg
    emit("inventory-svc/%s.log" % INVENTORY, t, json.dumps(rec, separators=(",", ":")))


def pylog(t, level, name, msg):
    d = dt(t)
    emit("catalog-importer/%s.log" % IMPORTER, t, "[%s,%03d] %s in %s: %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level, name, msg))


# ------------------------------------------------------------------ request handling
UAS = [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36 Edg/121.0.0.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2.1 Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.143 Mobile Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:122.0) Gecko/20100101 Firefox/122.0",
]
CLIENTS = ["%d.%d.%d.%d" % (rng.choice([81, 88, 93, 109, 151, 178, 195, 217]), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254)) for _ in range(500)]
SKUS = ["SKU-%05d" % rng.randint(1000, 99999) for _ in range(800)]
CUSTOMERS = ["cus_%s" % hexid(10) for _ in range(2000)]
PRICING_URL = "http://pricing-svc.pricing.svc.cluster.local:8080/v2/quote"
INV_URL = "http://inventory-svc.inventory.svc.cluster.local:8080/v1/stock/%s"


def pricing_call(t, rid, sku, cust, caller_ip):
    """One HTTP attempt from web-api; returns (ok, elapsed)."""
    pod = pricing_pod_for(t)
    lat = pricing_latency(pod, t)
    qid = hexid(16)
    if lat >= 1.0:
        # web-api gives up after 1s; the Go handler notices the cancelled context later
        zapj(pod, t + lat, "warn", "quote/handler.go:97", "quote computation aborted",
             request_id=rid, trace_id=qid, sku=sku, customer_id=cust, error="context canceled",
             elapsed=round(lat, 6), remote_addr="%s:%d" % (caller_ip, rng.randint(32768, 60999)))
        return False, 1.0 + rng.uniform(0.0005, 0.003)
    zapj(pod, t + lat, "info", "server/http.go:142", "request handled", method="POST", path="/v2/quote",
         status=200, duration=round(lat, 6), request_id=rid, trace_id=qid, sku=sku,
         remote_addr="%s:%d" % (caller_ip, rng.randint(32768, 60999)), bytes_out=rng.randint(310, 540))
    return True, lat + rng.uniform(0.0005, 0.002)


def inventory_call(t, rid, sku):
    lat = rng.lognormvariate(-5.6, 0.4)
    st = 200
    if rng.random() < 0.01:
        st = 404
    zerolog(t + lat, "info", "request", service="inventory-svc", request_id=rid, method="GET", path="/v1/stock/%s" % sku,
            status=st, latency_ms=round(lat * 1000, 2))
    return st, lat + 0.001


def web_request(t, pod, method, path, kind, client, ua):
    rid = uuid4()
    ip = WEB_IP[pod]
    rails(pod, t, "INFO", 'Started %s "%s" for %s at %s +0000' % (method, path, client, dt(t).strftime("%Y-%m-%d %H:%M:%S")), rid)
    ctrl = {"product": "Api::ProductsController#show", "price": "Api::PricesController#show",
            "cart": "Api::CartItemsController#create", "search": "Api::SearchController#index",
            "account": "Api::AccountsController#show"}[kind]
    rails(pod, t + 0.0004, "INFO", "Processing by %s as JSON" % ctrl, rid)
    cur = t + 0.001
    sku = rng.choice(SKUS)
    cust = rng.choice(CUSTOMERS)
    ar = rng.uniform(0.8, 6.0)
    status = 200
    fatal = None
    if kind in ("product", "price", "cart"):
        if kind == "product":
            rails(pod, cur, "INFO", "request: GET %s" % (INV_URL % sku), rid)
            st, d = inventory_call(cur, rid, sku)
            cur += d
            rails(pod, cur, "INFO", "response: Status %d" % st, rid)
        ok = False
        for attempt in (1, 2):
            rails(pod, cur, "INFO", "request: POST %s" % PRICING_URL, rid)
            ok, d = pricing_call(cur, rid, sku, cust, ip)
            cur += d
            if ok:
                rails(pod, cur, "INFO", "response: Status 200", rid)
                break
            if attempt == 1:
                rails(pod, cur, "WARN", "Pricing::Client retrying POST /v2/quote (attempt 2/2) after Net::ReadTimeout", rid)
        if not ok:
            if kind == "cart":
                fatal = True
                status = 500
            else:
                rails(pod, cur, "ERROR", "Pricing::Client error: Net::ReadTimeout with #<TCPSocket:(closed)> (url=%s sku=%s)" % (PRICING_URL, sku), rid)
                status = 503
        cur += ar / 1000
    elif kind == "search":
        cur += rng.uniform(0.02, 0.09)
    else:
        cur += rng.uniform(0.004, 0.02)
    total = cur - t
    if fatal:
        rails(pod, cur, "INFO", "Completed 500 Internal Server Error in %dms (ActiveRecord: %.1fms | Allocations: %d)" % (total * 1000, ar, rng.randint(2500, 9000)), rid)
        rails(pod, cur + 0.0003, "FATAL", "  ", rid)
        rails(pod, cur + 0.0003, "FATAL", "Net::ReadTimeout (Net::ReadTimeout with #<TCPSocket:(closed)>):", rid)
        rails(pod, cur + 0.0003, "FATAL", "  ", rid)
        for bt in ("app/clients/pricing/client.rb:41:in `quote'", "app/services/cart/add_item.rb:27:in `call'",
                   "app/controllers/api/cart_items_controller.rb:12:in `create'"):
            rails(pod, cur + 0.0003, "FATAL", bt, rid)
    else:
        label = {200: "OK", 503: "Service Unavailable"}[status]
        rails(pod, cur, "INFO", "Completed %d %s in %dms (Views: %.1fms | ActiveRecord: %.1fms | Allocations: %d)" % (
            status, label, max(1, int(total * 1000)), rng.uniform(0.2, 3.0), ar, rng.randint(900, 7000)), rid)
    return status, total + 0.0005


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)

    kinds = ["product"] * 6 + ["price"] * 3 + ["cart"] * 2 + ["search"] * 4 + ["account"] * 2
    t = 0.0
    while t < END:
        t += rng.expovariate(1.05)
        if t >= END:
            break
        client = rng.choice(CLIENTS)
        ua = rng.choice(UAS)
        r = rng.random()
        if r < 0.3:
            # static assets served by the nginx static deployment
            path = rng.choice(["/assets/application-4f9d1c2b.js", "/assets/application-8a7e6b5d.css", "/assets/vendor-2c1e9f8a.js",
                               "/images/logo.svg", "/favicon.ico", "/manifest.json"])
            d = rng.uniform(0.0008, 0.006)
            traefik(t, "GET", path, 200, d, "shop-web-static-80@kubernetes", "10.4.%d.%d:80" % (rng.choice([1, 2]), rng.randint(40, 60)), client, ua, size=rng.randint(900, 240000))
            continue
        kind = rng.choice(kinds)
        sku = rng.choice(SKUS)
        method, path = {"product": ("GET", "/api/products/%s" % sku), "price": ("GET", "/api/prices/%s" % sku),
                        "cart": ("POST", "/api/cart/items"), "search": ("GET", "/api/search?q=%s" % rng.choice(["shoes", "jacket", "lamp", "desk", "sofa", "rug", "mug"])),
                        "account": ("GET", "/api/account")}[kind]
        pod = rng.choice(WEB)
        st, d = web_request(t, pod, method, path.split("?")[0] if kind != "search" else path, kind, client, ua)
        traefik(t, method, path, st, d, "shop-web-api-3000@kubernetes", "%s:3000" % WEB_IP[pod], client, ua,
                size=rng.randint(400, 9000) if st == 200 else rng.choice([52, 0]))

    # scanner noise: Rails RoutingError FATALs, present all along
    t = 10.0
    while t < END:
        t += rng.expovariate(1 / 70.0)
        pod = rng.choice(WEB)
        rid = uuid4()
        client = rng.choice(["45.148.10.%d" % rng.randint(2, 250), "194.26.29.%d" % rng.randint(2, 250)])
        p = rng.choice(["/wp-admin/setup-config.php", "/.git/config", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/actuator/env", "/.aws/credentials"])
        rails(pod, t, "INFO", 'Started GET "%s" for %s at %s +0000' % (p, client, dt(t).strftime("%Y-%m-%d %H:%M:%S")), rid)
        rails(pod, t + 0.001, "FATAL", "  ", rid)
        rails(pod, t + 0.001, "FATAL", 'ActionController::RoutingError (No route matches [GET] "%s"):' % p, rid)
        rails(pod, t + 0.001, "FATAL", "  ", rid)
        traefik(t, "GET", p, 404, 0.003, "shop-web-api-3000@kubernetes", "%s:3000" % WEB_IP[pod], client, "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)", size=1722)

    # ---------------- pricing-svc runtime stats every 30s + cache stats
    for pod in PRICING:
        t = rng.uniform(0, 30)
        numgc = rng.randint(18000, 21000)
        while t < RESTART + 2:
            g = thrash(pod, t)
            h = live_heap(pod, t)
            cycles = int(4 + (g ** 1.5) * 900) + rng.randint(0, 3)
            numgc += cycles
            goal = min(GOMEMLIMIT, h * 2) if g < 0.1 else GOMEMLIMIT
            zapj(pod, t, "info", "telemetry/runtime.go:58", "runtime stats", heap_live_mb=round(h, 1),
                 heap_goal_mb=round(goal, 1), gomemlimit_mb=int(GOMEMLIMIT), num_gc=numgc, gc_cycles_30s=cycles,
                 gc_cpu_fraction_30s=round(g, 3), goroutines=rng.randint(140, 190) + int(g * 900),
                 sys_mb=round(h + rng.uniform(90, 130), 1))
            t += 30.0
        t = rng.uniform(0, 60)
        entries = int(HEAP0[pod] * 2100)
        while t < RESTART + 2:
            entries += rng.randint(11000, 14000)
            zapj(pod, t, "info", "quote/memo.go:74", "quote memo stats", entries=entries, hit_ratio=round(rng.uniform(0.61, 0.66), 3),
                 evictions=0)
            t += 60.0
        # the only WARN-level hint before callers fail: background price-rule refresh gets slow
        t = rng.uniform(5, 40)
        while t < RESTART:
            g = thrash(pod, t)
            dur = rng.uniform(0.3, 0.6) / max(0.07, 1 - g) ** 2
            if dur > 2.0:
                zapj(pod, t + dur, "warn", "rules/refresher.go:66", "price rule refresh slow", duration=round(dur, 3), rules=48211, threshold=2.0)
            else:
                zapj(pod, t + dur, "info", "rules/refresher.go:71", "price rules refreshed", duration=round(dur, 3), rules=48211, version=1771318800 + int(t // 300))
            t += 120.0
        zapj(pod, RESTART + (0.4 if pod == PRICING[0] else 21.0), "info", "server/http.go:201", "shutting down", signal="terminated")
        zapj(pod, RESTART + (0.45 if pod == PRICING[0] else 21.05), "info", "server/http.go:214", "http server stopped", drained_requests=rng.randint(20, 60))
    for i, pod in enumerate(PRICING_NEW):
        t0 = RESTART - 4 + i * 21
        zapj(pod, t0, "info", "cmd/pricing/main.go:44", "starting pricing-svc", version="2.31.4", commit="8f2e61d", go_version="go1.22.0",
             gomaxprocs=2, gomemlimit="1536MiB")
        zapj(pod, t0 + 0.8, "info", "rules/refresher.go:71", "price rules refreshed", duration=0.412, rules=48211, version=1771322400)
        zapj(pod, t0 + 0.9, "info", "server/http.go:118", "listening", addr=":8080")
        t = t0 + 30
        numgc = 3
        while t < END:
            h = live_heap(pod, t)
            cycles = rng.randint(4, 8)
            numgc += cycles
            zapj(pod, t, "info", "telemetry/runtime.go:58", "runtime stats", heap_live_mb=round(h, 1), heap_goal_mb=round(h * 2, 1),
                 gomemlimit_mb=1536, num_gc=numgc, gc_cycles_30s=cycles, gc_cpu_fraction_30s=round(rng.uniform(0.01, 0.03), 3),
                 goroutines=rng.randint(120, 160), sys_mb=round(h + rng.uniform(60, 90), 1))
            t += 30

    # ---------------- inventory-svc background + pre-existing errors
    t = 4.0
    while t < END:
        t += rng.uniform(40, 200)
        zerolog(t, "error", "stock reservation failed", service="inventory-svc", sku=rng.choice(SKUS),
                error="pq: could not serialize access due to concurrent update", attempt=3)
    t = 0.0
    while t < END:
        t += 60
        zerolog(t, "info", "replica lag check", service="inventory-svc", replica="inventory-db-replica-1", lag_bytes=rng.randint(0, 65536))

    # ---------------- catalog-importer CronJob (red herring, 09:30:00 - 09:34:41)
    t = IMPORT_START + 2.2
    pylog(t, "INFO", "importer", "catalog-importer 1.9.3 starting, feed=s3://shop-feeds/supplier/2026-02-17/catalog.ndjson.gz")
    pylog(t + 1.1, "INFO", "importer.feed", "downloaded 412.6 MiB in 1.04s")
    cur = t + 2.0
    rows = 0
    for batch in range(1, 56):
        cur += rng.uniform(4.0, 5.5)
        rows += 5000
        pylog(cur, "INFO", "importer.upsert", "batch %d: upserted %d rows into catalog.products (%d total)" % (batch, 5000, rows))
        if rng.random() < 0.3:
            pylog(cur + 0.01, "WARNING", "importer.validate", "skipped %d rows: invalid GTIN checksum (first: %s)" % (rng.randint(1, 19), "0%012d" % rng.randint(10 ** 10, 10 ** 11)))
    pylog(cur + 0.5, "ERROR", "importer.images", "image sync failed for 37 products: botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied")
    pylog(cur + 0.9, "INFO", "importer.search", "requested reindex for 274,118 products (search-indexer job id 88121)")
    pylog(cur + 1.0, "INFO", "importer", "import finished in %.1fs: 274118 upserted, 211 skipped, 37 image failures" % (cur + 1.0 - IMPORT_START))

    # ---------------- traefik own logs (pre-existing)
    t = 30.0
    while t < END:
        t += rng.uniform(180, 400)
        rec = {"level": "warn", "msg": "A new release has been found: 2.11.0. Please consider updating." if rng.random() < 0.1 else
               "Error while Peeking first byte: read tcp 10.4.0.7:8443->%s:%d: read: connection reset by peer" % (rng.choice(CLIENTS), rng.randint(1024, 65535)),
               "time": dt(t).strftime("%Y-%m-%dT%H:%M:%SZ")}
        emit("traefik/%s.log" % TRAEFIK, t, json.dumps(rec, separators=(",", ":")))

    for name, rows_ in FILES.items():
        rows_.sort(key=lambda r: (r[0], r[1]))
        p = OUT / name
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            for _, _, text in rows_:
                f.write(text)
                f.write("\n")


if __name__ == "__main__":
    main()
