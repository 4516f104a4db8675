#!/usr/bin/env python3
"""Generate the logs/ tree for this case. Standard library only, byte-deterministic."""
import datetime as dt
import gzip
import json
import os
import random
import shutil

# The set's shared helpers (ids, arrival times, file writers), kept once in g_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "g_common.py")).read())

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
rng = random.Random(90626)
UTC = dt.timezone.utc


def E(h, mi, s=0.0):
    return dt.datetime(2026, 6, 9, h, mi, tzinfo=UTC).timestamp() + s


T_START = E(13, 50)
T_END = E(14, 30)
T_CFG = E(14, 3, 12.44)
T_REVERT = E(14, 21, 40.1)
T_CATALOG_DEPLOY = E(14, 1, 5.0)
LIMIT_BAD = 30

ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"


def podsfx():
    return "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5))


def iso_ms(t):
    d = dt.datetime.fromtimestamp(t, UTC)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


# ---------------------------------------------------------------- actors
BFF = [("mobile-bff-5d8f7c6b9-" + podsfx(), ip) for ip in ("10.8.1.14", "10.8.2.33", "10.8.3.7")]
KONG = [("kong-internal-dp-7c9b6d5f8-" + podsfx(), ip) for ip in ("10.8.4.21", "10.8.5.12")]
kong_access = {k: [] for k, _ in KONG}
kong_error = {k: [] for k, _ in KONG}
bff_logs = {b: [] for b, _ in BFF}
orders_logs = []
catalog_logs = []
cf_lines = []
counters = {}


def limit_active(t):
    return T_CFG <= t < T_REVERT


def kong_clf(t):
    return dt.datetime.fromtimestamp(t, UTC).strftime("%d/%b/%Y:%H:%M:%S +0000")


def serilog_text(t, lvl, msg):
    return "[%s %s] %s" % (dt.datetime.fromtimestamp(t, UTC).strftime("%H:%M:%S"), lvl, msg)


def quarkus(t, lvl, cat, thread, msg):
    d = dt.datetime.fromtimestamp(t, UTC)
    return "%s,%03d %-5s [%s] (%s) %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, lvl, cat, thread, msg)


def catalog_slow(t):
    if T_CATALOG_DEPLOY + 20 <= t < T_CATALOG_DEPLOY + 260:
        return 1 + 6 * (1 - (t - T_CATALOG_DEPLOY - 20) / 240.0)
    return 1.0


def upstream(t, svc, method, path):
    """Backend behind kong; returns (status, ms)."""
    if svc == "orders":
        ms = rng.lognormvariate(2.4, 0.5)
        st = 200 if rng.random() > 0.004 else 500
        orders_logs.append((t + ms / 1000.0, serilog_text(t + ms / 1000.0, "INF" if st == 200 else "ERR",
                                                          "HTTP %s %s responded %d in %.4f ms" % (method, path.split("?")[0], st, ms))))
        return st, ms
    if svc == "catalog":
        ms = rng.lognormvariate(2.8, 0.5) * catalog_slow(t)
        return 200, ms
    ms = rng.lognormvariate(2.1, 0.4)
    return 200, ms


def kong_call(t, bff_ip, ua, svc, method, path):
    node, node_ip = rng.choice(KONG)
    minute = int(t // 60)
    limit = LIMIT_BAD if limit_active(t) else None
    key = (node, bff_ip, minute)
    counters[key] = counters.get(key, 0) + 1
    krid = hexs(32)
    if limit is not None and counters[key] > limit:
        ms = rng.uniform(0.4, 1.6)
        kong_access[node].append((t + ms / 1000.0, '%s - - [%s] "%s /%s%s HTTP/1.1" 429 41 "-" "%s" kong_request_id: "%s"' % (
            bff_ip, kong_clf(t + ms / 1000.0), method, svc, path, ua, krid)))
        return 429, ms, int(60 - (t % 60)) + 1
    st, ms = upstream(t + 0.001, svc, method, path)
    ms += rng.uniform(0.8, 2.5)
    size = rng.randint(300, 9000) if st == 200 else 120
    kong_access[node].append((t + ms / 1000.0, '%s - - [%s] "%s /%s%s HTTP/1.1" %d %d "-" "%s" kong_request_id: "%s"' % (
        bff_ip, kong_clf(t + ms / 1000.0), method, svc, path, st, size, ua, krid)))
    return st, ms, None


def winston(pod, t, level, message, **kv):
    d = {"level": level, "message": message}
    d.update(kv)
    d["service"] = "mobile-bff"
    d["timestamp"] = iso_ms(t)
    bff_logs[pod].append((t, json.dumps(d, separators=(",", ":"))))


SCREENS = [
    ("GET", "/api/home", [("profile", "GET", "/v1/me"), ("orders", "GET", "/v1/orders/summary"),
                          ("catalog", "GET", "/v1/recommendations?limit=12")], 0.34),
    ("GET", "/api/orders", [("orders", "GET", "/v1/orders?page=1&size=20")], 0.18),
    ("GET", "/api/orders/{id}", [("orders", "GET", "/v1/orders/{id}"), ("catalog", "GET", "/v1/products/batch")], 0.16),
    ("POST", "/api/orders", [("profile", "GET", "/v1/me/addresses"), ("orders", "POST", "/v1/orders")], 0.07),
    ("GET", "/api/search", [("catalog", "GET", "/v1/search?q={q}")], 0.17),
    ("GET", "/api/profile", [("profile", "GET", "/v1/me")], 0.08),
]


def pick_screen():
    x = rng.random()
    acc = 0.0
    for s in SCREENS:
        acc += s[3]
        if x < acc:
            return s
    return SCREENS[-1]


def bff_request(t):
    pod, ip = rng.choice(BFF)
    method, route, calls, _ = pick_screen()
    oid = "o_" + rid(10)
    q = rng.choice(["pizza", "sushi", "burger", "vegan", "thai", "ramen", "salad", "tacos"])
    req_id = hexs(8) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(12)
    ua = "axios/1.6.8"
    worst = 200
    total = rng.uniform(0.5, 2.0)
    for svc, m, p in calls:
        p = p.replace("{id}", oid).replace("{q}", q)
        cur = t + total / 1000.0
        for attempt in range(4):
            st, ms, ra = kong_call(cur, ip, ua, svc, m, p)
            total += ms
            cur += ms / 1000.0
            if st != 429 and st < 500:
                break
            url = "http://kong-internal-proxy.gateway.svc:8000/%s%s" % (svc, p)
            if attempt < 3:
                winston(pod, cur, "warn", "upstream %s responded %d, retrying" % (svc, st), url=url, status=st,
                        attempt=attempt + 1, retryAfter=ra, requestId=req_id)
                back = 100 * (2 ** attempt)
                total += back
                cur += back / 1000.0
            else:
                winston(pod, cur, "error", "upstream %s failed after retries" % svc, url=url, status=st,
                        attempts=4, requestId=req_id, route=route)
                worst = 503
        if worst >= 500:
            break
    route_real = route.replace("{id}", oid)
    end = t + total / 1000.0
    if worst >= 500:
        winston(pod, end, "error", "%s %s 503" % (method, route_real), route=route, status=503,
                durationMs=round(total, 1), requestId=req_id)
    else:
        winston(pod, end, "info", "%s %s %d" % (method, route_real, 201 if method == "POST" else 200), route=route,
                status=201 if method == "POST" else 200, durationMs=round(total, 1), requestId=req_id)
    return (503 if worst >= 500 else (201 if method == "POST" else 200)), total, route_real, method


# ---------------------------------------------------------------- CloudFront
EDGES = ["FRA56-P4", "FRA60-P2", "AMS58-C1", "CDG52-P1", "MUC50-C1"]
CF_UAS = ["Snackr/7.4.0%20(com.snackr.app;%20build:7401;%20iOS%2017.5.1)%20Alamofire/5.9.1",
          "Snackr/7.4.0%20(Android%2014;%20SM-S921B)%20okhttp/4.12.0",
          "Snackr/7.3.2%20(Android%2013;%20Pixel%207)%20okhttp/4.12.0",
          "Snackr/7.4.0%20(com.snackr.app;%20build:7401;%20iOS%2016.7.8)%20Alamofire/5.9.1"]


def cf(t, method, uri, query, status, nbytes, ttaken, result, detailed, ctype):
    d = dt.datetime.fromtimestamp(t, UTC)
    cip = "%d.%d.%d.%d" % (rng.choice((46, 77, 84, 91, 109, 176, 185)), rng.randint(0, 255), rng.randint(0, 255),
                           rng.randint(1, 254))
    rid_ = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(56)) + "=="
    fields = [d.strftime("%Y-%m-%d"), d.strftime("%H:%M:%S"), rng.choice(EDGES), str(nbytes), cip, method,
              "d3k9x2m4q7z1ab.cloudfront.net", uri, str(status), "-", rng.choice(CF_UAS), query, "-", result, rid_,
              "api.snackr.app", "https", str(rng.randint(200, 900)), "%.3f" % ttaken, "-", "TLSv1.3",
              "TLS_AES_128_GCM_SHA256", result, "HTTP/2.0", "-", "-", str(rng.randint(1024, 65535)), "%.3f" % ttaken,
              detailed, ctype, str(max(0, nbytes - 380)), "-", "-"]
    cf_lines.append((t, "\t".join(fields)))


for t in arrivals(T_START, T_END, 3.3):
    st, total, route, method = bff_request(t + 0.012)
    path, _, query = route.partition("?")
    ttk = total / 1000.0 + rng.uniform(0.012, 0.04)
    if st >= 500:
        cf(t + ttk, method, path, query or "-", 503, rng.randint(520, 640), ttk, "Error", "Error",
           "application/json;%20charset=utf-8")
    else:
        cf(t + ttk, method, path, query or "-", st, rng.randint(900, 14000), ttk, "Miss", "Miss",
           "application/json;%20charset=utf-8")
for t in arrivals(T_START, T_END, 1.3):
    p = rng.choice(["/static/img/banners/%s.webp" % rid(8), "/static/img/restaurants/%s_640.webp" % rid(10),
                    "/config/mobile.json", "/static/fonts/Inter-Medium.woff2"])
    hit = rng.random() < 0.93
    cf(t, "GET", p, "-", 200, rng.randint(2000, 180000), rng.uniform(0.001, 0.02) if hit else rng.uniform(0.03, 0.2),
       "Hit" if hit else "Miss", "Hit" if hit else "Miss",
       "image/webp" if p.endswith("webp") else "application/json" if p.endswith("json") else "font/woff2")

# ---------------------------------------------------------------- background noise
for pod, ip in BFF:
    for t in arrivals(T_START, T_END, 1 / 35.0):
        winston(pod, t, "error", "push token rejected by FCM", code="messaging/registration-token-not-registered",
                userId="u_" + rid(9))
    for t in arrivals(T_START, T_END, 1 / 10.0):
        winston(pod, t, "info", "GET /healthz 200", route="/healthz", status=200, durationMs=round(rng.uniform(0.2, 1.1), 1))
for t in arrivals(T_START, T_END, 1 / 12.0):
    orders_logs.append((t, serilog_text(t, "INF", "Outbox relay published %d messages" % rng.randint(1, 40))))
for t in arrivals(T_START, T_END, 1 / 240.0):
    orders_logs.append((t, serilog_text(t, "WRN", "Courier ETA provider slow: %d ms" % rng.randint(900, 2400))))
for node, nip in KONG:
    for t in arrivals(T_START, T_END, 1 / 150.0):
        kong_error[node].append((t, "%s [warn] %d#0: *%d a client request body is buffered to a temporary file "
                                    "/usr/local/kong/client_body_temp/%010d, client: %s, server: kong, request: \"POST "
                                    "/catalog/v1/images HTTP/1.1\", host: \"kong-internal-proxy.gateway.svc:8000\"" % (
                                        dt.datetime.fromtimestamp(t, UTC).strftime("%Y/%m/%d %H:%M:%S"),
                                        rng.randint(1280, 1300), rng.randint(100000, 999999), rng.randint(1, 99999),
                                        rng.choice(BFF)[1])))
    for tc, ts_cp in ((T_CFG + rng.uniform(-0.3, 0.3), E(14, 3, 11.907)), (T_REVERT + rng.uniform(-0.3, 0.3), E(14, 21, 39.52))):
        w = rng.randint(1280, 1300)
        kong_error[node].append((tc, "%s [notice] %d#0: *%d [lua] data_plane.lua:244: [clustering] received reconfigure "
                                     "frame from control plane with timestamp: %.3f, context: ngx.timer" % (
                                         dt.datetime.fromtimestamp(tc, UTC).strftime("%Y/%m/%d %H:%M:%S"), w,
                                         rng.randint(5, 40), ts_cp)))
        kong_error[node].append((tc + 0.21, "%s [notice] %d#0: *%d [lua] data_plane.lua:270: [clustering] dataplane "
                                            "configuration applied, hash: %s, context: ngx.timer" % (
                                                dt.datetime.fromtimestamp(tc + 0.21, UTC).strftime("%Y/%m/%d %H:%M:%S"),
                                                w, rng.randint(5, 40), hexs(32))))

CAT_OLD = "catalog-svc-6f7d8c9b5-" + podsfx()
CAT_NEW = "catalog-svc-7a8b9c6d4-" + podsfx()
t0 = T_CATALOG_DEPLOY
catalog_logs += [
    (t0, quarkus(t0, "INFO", "io.quarkus", "main", "catalog-svc 2.19.0 on JVM (powered by Quarkus 3.8.4) started in 3.912s. "
                                                  "Listening on: http://0.0.0.0:8080")),
    (t0 + 0.001, quarkus(t0 + 0.001, "INFO", "io.quarkus", "main", "Profile prod activated. ")),
    (t0 + 0.002, quarkus(t0 + 0.002, "INFO", "io.quarkus", "main", "Installed features: [agroal, cdi, hibernate-orm, "
                                                                  "jdbc-postgresql, narayana-jta, redis-client, "
                                                                  "rest, rest-jackson, smallrye-health, "
                                                                  "smallrye-metrics, vertx]")),
    (t0 + 0.8, quarkus(t0 + 0.8, "INFO", "c.s.c.cache.RecommendationCache", "executor-thread-1",
                       "warming recommendation cache for 412 cities")),
]
for t in arrivals(t0 + 20, t0 + 260, 0.5):
    ms = rng.uniform(700, 2600) * (1 - (t - t0 - 20) / 260.0)
    catalog_logs.append((t, quarkus(t, "WARN", "c.s.c.api.RecommendationResource", "executor-thread-%d" % rng.randint(1, 40),
                                    "slow request GET /v1/recommendations took %d ms (cache cold)" % ms)))
catalog_logs.append((t0 + 262, quarkus(t0 + 262, "INFO", "c.s.c.cache.RecommendationCache", "executor-thread-1",
                                       "recommendation cache warm: 412 cities, 91,204 entries in 261.2s")))
for t in arrivals(T_START, t0 + 30, 1 / 60.0):
    catalog_logs.append((t, quarkus(t, "INFO", "c.s.c.cache.RecommendationCache", "executor-thread-%d" % rng.randint(1, 40),
                                    "refresh done: %d entries" % rng.randint(90000, 92000))))

# ---------------------------------------------------------------- CI job that pushed the config
ci = []


def cil(t, s):
    d = dt.datetime.fromtimestamp(t, UTC)
    ci.append(d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%dZ %s" % (d.microsecond, rng.randint(0, 9), s))


c0 = E(14, 2, 38.2)
steps = [
    (0.0, "Requested labels: ubuntu-latest"),
    (0.0, "Job defined at: snackr/platform-gateway/.github/workflows/kong-sync.yml@refs/heads/main"),
    (0.0, "Waiting for a runner to pick up this job..."),
    (2.1, "Job is about to start running on the runner: GitHub Actions 41 (hosted)"),
    (3.0, "##[group]Run actions/checkout@v4"),
    (3.0, "with:"),
    (3.0, "  repository: snackr/platform-gateway"),
    (3.4, "##[endgroup]"),
    (4.2, "HEAD is now at 5e0c2f9 Merge pull request #1842 from snackr/partner-api-limits"),
    (4.5, "##[group]Run kong/setup-deck@v1"),
    (6.9, "deck v1.36.1 installed"),
    (6.9, "##[endgroup]"),
    (7.2, "##[group]Run deck gateway diff --kong-addr $KONG_ADMIN kong/internal/*.yaml"),
    (9.8, "updating plugin rate-limiting (global)  {"),
    (9.8, "   \"config\": {"),
    (9.8, "     \"day\": null,"),
    (9.8, "     \"fault_tolerant\": true,"),
    (9.8, "     \"header_name\": null,"),
    (9.8, "     \"hide_client_headers\": false,"),
    (9.8, "-    \"limit_by\": \"consumer\","),
    (9.8, "+    \"limit_by\": \"ip\","),
    (9.8, "-    \"minute\": 6000,"),
    (9.8, "+    \"minute\": 30,"),
    (9.8, "     \"policy\": \"local\","),
    (9.8, "     \"second\": null"),
    (9.8, "   },"),
    (9.8, "   \"enabled\": true,"),
    (9.8, "   \"id\": \"6b3e1c0a-93f2-4d1e-9a77-0c54f2b1d8e4\","),
    (9.8, "   \"name\": \"rate-limiting\","),
    (9.8, "   \"protocols\": ["),
    (9.8, "     \"grpc\","),
    (9.8, "     \"grpcs\","),
    (9.8, "     \"http\","),
    (9.8, "     \"https\""),
    (9.8, "   ]"),
    (9.8, " }"),
    (9.8, ""),
    (9.9, "Summary:"),
    (9.9, "  Created: 0"),
    (9.9, "  Updated: 1"),
    (9.9, "  Deleted: 0"),
    (10.0, "##[endgroup]"),
    (10.1, "##[group]Run deck gateway sync --kong-addr $KONG_ADMIN kong/internal/*.yaml"),
    (33.3, "updating plugin rate-limiting (global)"),
    (33.6, "Summary:"),
    (33.6, "  Created: 0"),
    (33.6, "  Updated: 1"),
    (33.6, "  Deleted: 0"),
    (33.7, "##[endgroup]"),
    (34.0, "Cleaning up orphan processes"),
]
for dtt, s in steps:
    cil(c0 + dtt, s)
ci2 = []
c1 = E(14, 21, 2.0)
for dtt, s in [(0.0, "Job defined at: snackr/platform-gateway/.github/workflows/kong-sync.yml@refs/heads/main"),
               (4.2, "HEAD is now at 0d7a4be Revert \"partner-api: tighten rate limits (#1842)\" (#1843)"),
               (7.2, "##[group]Run deck gateway sync --kong-addr $KONG_ADMIN kong/internal/*.yaml"),
               (37.5, "updating plugin rate-limiting (global)"),
               (37.9, "Summary:"), (37.9, "  Created: 0"), (37.9, "  Updated: 1"), (37.9, "  Deleted: 0"),
               (38.0, "##[endgroup]")]:
    d = dt.datetime.fromtimestamp(c1 + dtt, UTC)
    ci2.append(d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%dZ %s" % (d.microsecond, rng.randint(0, 9), s))

# ---------------------------------------------------------------- write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)


def write_lines(path, ents):
    ents = sorted(ents, key=lambda x: x[0])
    write_bytes(path, "".join(l + "\n" for _, l in ents).encode("utf-8"))


for node, _ in KONG:
    write_lines("k8s/gateway/%s/proxy.log" % node, kong_access[node] + kong_error[node])
for pod, _ in BFF:
    write_lines("k8s/mobile/%s.log" % pod, bff_logs[pod])
write_lines("k8s/orders/orders-svc-84c6b7d9f5-%s.log" % podsfx(), orders_logs)
old_cat = [x for x in catalog_logs if x[0] < T_CATALOG_DEPLOY]
new_cat = [x for x in catalog_logs if x[0] >= T_CATALOG_DEPLOY]
write_lines("k8s/catalog/%s.log" % CAT_OLD, old_cat)
write_lines("k8s/catalog/%s.log" % CAT_NEW, new_cat)
write_bytes("ci/kong-sync/run-9182736455/1_sync.txt", ("\n".join(ci) + "\n").encode("utf-8"))
write_bytes("ci/kong-sync/run-9182951107/1_sync.txt", ("\n".join(ci2) + "\n").encode("utf-8"))

cf_lines.sort(key=lambda x: x[0])
HDR = ("#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status "
       "cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header "
       "cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type "
       "cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type "
       "sc-content-type sc-content-len sc-range-start sc-range-end\n")
slices = {}
for t, l in cf_lines:
    k = int(t // 600)
    slices.setdefault(k, []).append(l)
for k in sorted(slices):
    d = dt.datetime.fromtimestamp(k * 600, UTC)
    name = "E2Q8X1ABCDEF7.%s.%s.gz" % (d.strftime("%Y-%m-%d-%H"), hexs(8))
    body = HDR + "".join(l + "\n" for l in slices[k])
    write_bytes("cloudfront/%s" % name, gzip.compress(body.encode("utf-8"), 6, mtime=0))
