#!/usr/bin/env python3
# Deterministic incident log generator (standard library only).
import os
import shutil
import random
import json
import gzip
import math
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc


def reset_logs():
    if os.path.isdir(LOGS):
        shutil.rmtree(LOGS)
    os.makedirs(LOGS)


def write_file(rel, lines, gz=False):
    path = os.path.join(LOGS, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    with open(path, "wb") as f:
        if gz:
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as g:
                g.write(data)
        else:
            f.write(data)


class Sink:
    """Collects (time, text) records; emits them sorted by time (stable)."""

    def __init__(self):
        self.items = []
        self.n = 0

    def add(self, t, text):
        self.items.append((t, self.n, text))
        self.n += 1

    def sorted_lines(self):
        return [x[2] for x in sorted(self.items, key=lambda x: (x[0], x[1]))]

    def __len__(self):
        return len(self.items)


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    L = math.exp(-lam)
    k, p = 0, 1.0
    while True:
        p *= rng.random()
        if p <= L:
            return k
        k += 1


def iso_ms(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def iso_us(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % t.microsecond


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum(rng, n, alphabet="abcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def uuid_from(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[0:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


def jdump(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def each_second(start, end):
    t = start
    while t < end:
        yield t
        t += timedelta(seconds=1)


def arrivals(rng, start, end, rate_fn):
    """Poisson arrivals; rate_fn(t) -> requests per second."""
    out = []
    for s in each_second(start, end):
        n = poisson(rng, rate_fn(s))
        ts = sorted(rng.random() for _ in range(n))
        for x in ts:
            out.append(s + timedelta(microseconds=int(x * 1e6)))
    return out


def ms(x):
    return timedelta(milliseconds=x)

# ---------------------------------------------------------------------------
# d02: both memcached nodes restart (docker engine auto-upgrade), the cache is
# empty, catalog-api stampedes the catalog database through pgbouncer; pool
# wait timeouts -> catalog-api 500s -> storefront (IIS) 500/503.
# Formats: .NET Microsoft.Extensions.Logging console (two-line), IIS W3C extended,
# memcached -vv via `docker logs -t`, pgbouncer log, memcached stats poller lines.
rng = random.Random(4202)

START = datetime(2025, 3, 11, 8, 58, 0, tzinfo=UTC)
END = START + timedelta(minutes=36)
MC_RESTART = {"mc-01": datetime(2025, 3, 11, 9, 12, 40, 231000, tzinfo=UTC),
              "mc-02": datetime(2025, 3, 11, 9, 12, 52, 874000, tzinfo=UTC)}
MC_IP = {"mc-01": "10.3.1.21", "mc-02": "10.3.1.22"}
MC_DOWN_S = 4.2
PRICING_DEPLOY = datetime(2025, 3, 11, 9, 10, 5, 0, tzinfo=UTC)
WIN_OFFSET = timedelta(hours=1)   # storefront Windows host: W. Europe Standard Time, logs local time

sinks = {}


def sink(key):
    if key not in sinks:
        sinks[key] = Sink()
    return sinks[key]


def mel_ts(t, local=False):
    if local:
        t = t + WIN_OFFSET
    return t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000)


def mel(service, t, level, category, eid, message, exc=None, local=False):
    body = "\n".join("      " + ln for ln in message.split("\n"))
    text = "%s %s: %s[%d]\n%s" % (mel_ts(t, local), level, category, eid, body)
    if exc:
        text += "\n" + "\n".join("      " + ln for ln in exc.split("\n"))
    sink(service).add(t, text)


def mc_node_for(key):
    return "mc-01" if (sum(ord(c) for c in key) % 2 == 0) else "mc-02"


def hit_ratio(node, t):
    r = MC_RESTART[node]
    if t < r:
        return 0.965
    if t < r + timedelta(seconds=MC_DOWN_S):
        return None   # down
    x = (t - r).total_seconds()
    # warms slowly because many DB fetches fail before they can populate the cache
    return 0.965 * (1 - math.exp(-max(0.0, x - 60) / 330.0))


def db_pressure(t):
    r = MC_RESTART["mc-01"]
    x = (t - r).total_seconds()
    if x < 6:
        return 0.0
    if x < 30:
        return (x - 6) / 24.0
    if x < 480:
        return 1.0
    return max(0.0, 1.0 - (x - 480) / 420.0)


# ---------------- catalog-api ----------------
NPGSQL_TIMEOUT_EXC = """Npgsql.NpgsqlException (0x80004005): Exception while reading from stream
 ---> System.TimeoutException: Timeout during reading attempt
   at Npgsql.Internal.NpgsqlReadBuffer.<Ensure>g__EnsureLong|55_0(NpgsqlReadBuffer buffer, Int32 count, Boolean async, Boolean readingNotifications)
   at Npgsql.Internal.NpgsqlConnector.ReadMessageLong(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)
   at Npgsql.NpgsqlDataReader.NextResult(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)
   at Npgsql.NpgsqlCommand.ExecuteReader(Boolean async, CommandBehavior behavior, CancellationToken cancellationToken)
   at Dapper.SqlMapper.QueryAsync[T](IDbConnection cnn, Type effectiveType, CommandDefinition command) in /_/Dapper/SqlMapper.Async.cs:line 434
   at Catalog.Api.Data.ProductRepository.GetByIdAsync(Int64 id, CancellationToken ct) in /src/Catalog.Api/Data/ProductRepository.cs:line 57
   at Catalog.Api.Services.ProductService.GetAsync(Int64 id, CancellationToken ct) in /src/Catalog.Api/Services/ProductService.cs:line 41"""

POOLER_EXC = """Npgsql.PostgresException (0x80004005): 08P01: query_wait_timeout
   at Npgsql.Internal.NpgsqlConnector.ReadMessageLong(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)
   at Npgsql.NpgsqlConnection.<Open>g__OpenAsync|42_0(Boolean async, CancellationToken cancellationToken)
   at Catalog.Api.Data.ProductRepository.GetByIdAsync(Int64 id, CancellationToken ct) in /src/Catalog.Api/Data/ProductRepository.cs:line 52
   at Catalog.Api.Services.ProductService.GetAsync(Int64 id, CancellationToken ct) in /src/Catalog.Api/Services/ProductService.cs:line 41
  Exception data:
    Severity: FATAL
    SqlState: 08P01
    MessageText: query_wait_timeout"""

pg_sink = sink("pgbouncer")
PG_START = START
pg_clients = {}
pool_stats = {}


def pg_ts(t):
    return t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d UTC" % (t.microsecond // 1000)


def pg(t, level, msg):
    pg_sink.add(t, "%s [1] %s %s" % (pg_ts(t), level, msg))


def cptr():
    return "C-0x%012x" % rng.randint(0x55d100000000, 0x55d1ffffffff)


def sptr():
    return "S-0x%012x" % rng.randint(0x55d100000000, 0x55d1ffffffff)


catalog_ips = ["10.3.4.%d" % i for i in (31, 32, 33)]
inventory_ips = ["10.3.4.%d" % i for i in (51, 52)]
mc_err_logged = {}
cache_events = []
stats_acc = {}


def stat_bump(name, key, n=1):
    stats_acc.setdefault(name, {}).setdefault(key, 0)
    stats_acc[name][key] += n


def db_call(t, who, dbname, user, ip_list, base_ms, nqueries):
    """Returns (latency_ms, error_kind or None)."""
    p = db_pressure(t)
    med = base_ms * (1 + 70 * p * p)
    lat = 0.0
    for _ in range(nqueries):
        lat += rng.lognormvariate(math.log(med), 0.7)
    stat_bump("db", "queries", nqueries)
    if p > 0.2:
        # waits in pgbouncer queue first
        if rng.random() < 0.55 * p:
            if rng.random() < 0.5:
                c = cptr()
                pg(t + timedelta(seconds=15), "WARNING", "%s: %s/%s@%s:%d pooler error: query_wait_timeout" % (c, dbname, user, rng.choice(ip_list), rng.randint(30000, 60999)))
                pg(t + timedelta(seconds=15, milliseconds=1), "LOG", "%s: %s/%s@%s:%d closing because: query_wait_timeout (age=15s)" % (c, dbname, user, rng.choice(ip_list), rng.randint(30000, 60999)))
                return 15000 + rng.uniform(1, 30), "wait"
            return 10000 + rng.uniform(0, 15), "timeout"
    if lat > 10000:
        return 10000 + rng.uniform(0, 15), "timeout"
    return lat, None


def catalog_request(t, path, key, nq):
    """catalog-api handles a request; returns (latency_ms, status)."""
    node = mc_node_for(key)
    hr = hit_ratio(node, t)
    lat = rng.uniform(0.8, 2.5)
    status = 200
    if hr is None:
        # node is restarting: connection refused, treated as miss
        k = (node, int((t - START).total_seconds()))
        if k not in mc_err_logged:
            mc_err_logged[k] = 1
            mel("catalog-api", t + ms(1), "warn", "Enyim.Caching.Memcached.MemcachedNode", 0,
                "Error connecting to %s:11211, marking node as dead for 10s" % MC_IP[node],
                "System.Net.Sockets.SocketException (111): Connection refused\n   at Enyim.Caching.Memcached.PooledSocket.Connect()")
        hit = False
    else:
        hit = rng.random() < hr
    cache_events.append((t, hit))
    if hit:
        lat += rng.lognormvariate(0.4, 0.4)
    else:
        dl, err = db_call(t, "catalog-api", "catalog", "catalog_app", catalog_ips, 2.2, nq)
        lat += dl
        if err == "timeout":
            status = 500
            mel("catalog-api", t + ms(lat), "fail", "Catalog.Api.Middleware.ExceptionHandlingMiddleware", 0,
                "Unhandled exception for GET %s (TraceId %s)" % (path, hexs(rng, 32)), NPGSQL_TIMEOUT_EXC)
        elif err == "wait":
            status = 500
            mel("catalog-api", t + ms(lat), "fail", "Catalog.Api.Middleware.ExceptionHandlingMiddleware", 0,
                "Unhandled exception for GET %s (TraceId %s)" % (path, hexs(rng, 32)), POOLER_EXC)
        else:
            lat += rng.uniform(0.3, 1.0)  # cache set
    mel("catalog-api", t + ms(lat), "info", "Catalog.Api.Middleware.RequestLogging", 0,
        "HTTP GET %s responded %d in %.4f ms" % (path, status, lat))
    return lat, status


def inventory_request(t, sku):
    dl, err = db_call(t, "inventory-api", "inventory", "inventory_app", inventory_ips, 1.6, 1)
    lat = dl + rng.uniform(0.5, 2)
    status = 200
    if err:
        status = 503
        mel("inventory-api", t + ms(lat), "fail", "Inventory.Api.Controllers.StockController", 0,
            "Stock lookup for {Sku} failed".replace("{Sku}", sku),
            ("Npgsql.NpgsqlException (0x80004005): Exception while reading from stream\n ---> System.TimeoutException: Timeout during reading attempt\n   at Npgsql.Internal.NpgsqlConnector.ReadMessageLong(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)\n   at Inventory.Api.Data.StockRepository.GetAsync(String sku) in /src/Inventory.Api/Data/StockRepository.cs:line 33"
             if err == "timeout" else
             "Npgsql.PostgresException (0x80004005): 08P01: query_wait_timeout\n   at Npgsql.NpgsqlConnection.<Open>g__OpenAsync|42_0(Boolean async, CancellationToken cancellationToken)\n   at Inventory.Api.Data.StockRepository.GetAsync(String sku) in /src/Inventory.Api/Data/StockRepository.cs:line 29"))
    mel("inventory-api", t + ms(lat), "info", "Inventory.Api.RequestLogging", 0,
        "HTTP GET /api/stock/%s responded %d in %.4f ms" % (sku, status, lat))
    return lat, status


def simple(service, t, method, path, mu, category, err_p=0.0, err_msg=None, status_err=500):
    lat = rng.lognormvariate(mu, 0.45)
    status = 200
    if rng.random() < err_p:
        status = status_err
        mel(service, t + ms(lat), "fail" if status_err >= 500 else "warn", category, 0, err_msg)
    mel(service, t + ms(lat), "info", service.title().replace("-", "") .replace("Api", ".Api") + ".RequestLogging", 0,
        "HTTP %s %s responded %d in %.4f ms" % (method, path, status, lat))
    return lat, status


# ---------------- storefront (IIS + app log) ----------------
iis = sink("iis")
SKUS = ["SKU-%05d" % rng.randint(1000, 99999) for _ in range(900)]
PIDS = [rng.randint(10000, 99999) for _ in range(900)]
CATS = ["shoes", "outdoor", "kitchen", "toys", "garden", "books", "audio", "lighting", "bath", "office"]
UAS = ["Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/122.0.0.0+Safari/537.36",
       "Mozilla/5.0+(iPhone;+CPU+iPhone+OS+17_3+like+Mac+OS+X)+AppleWebKit/605.1.15+(KHTML,+like+Gecko)+Version/17.3+Mobile/15E148+Safari/604.1",
       "Mozilla/5.0+(Macintosh;+Intel+Mac+OS+X+10_15_7)+AppleWebKit/605.1.15+(KHTML,+like+Gecko)+Version/17.2+Safari/605.1.15",
       "Mozilla/5.0+(Linux;+Android+14;+Pixel+8)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/122.0.0.0+Mobile+Safari/537.36"]


def iis_line(t, method, stem, query, status, substatus, win32, taken):
    # date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
    te = t + ms(taken)
    iis.add(te, "%s %s 10.3.0.10 %s %s %s 443 - %d.%d.%d.%d %s https://www.northwind-shop.example/ %d %d %d %d" % (
        te.strftime("%Y-%m-%d"), te.strftime("%H:%M:%S"), method, stem, query or "-",
        rng.randint(31, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.choice(UAS),
        status, substatus, win32, int(taken)))


def catalog_via_storefront(t, path, key, nq):
    """storefront's typed HttpClient with Polly: 8s timeout, 2 retries on 5xx/timeout."""
    elapsed = 0.0
    for attempt in range(3):
        lat, st = catalog_request(t + ms(elapsed), path, key, nq)
        if lat > 8000:
            elapsed += 8000
            mel("storefront", t + ms(elapsed), "warn", "Polly", 3,
                "Execution attempt. Source: 'CatalogClient-standard//Standard-Retry', Operation Key: '', Result: 'The request was canceled due to the configured HttpClient.Timeout of 8 seconds elapsing.', Handled: 'True', Attempt: '%d', Execution Time: '%.4f'" % (attempt, 8000 + rng.uniform(0, 3)),
                local=True)
            continue
        elapsed += lat + rng.uniform(0.3, 1.5)
        if st >= 500:
            mel("storefront", t + ms(elapsed), "warn", "Polly", 3,
                "Execution attempt. Source: 'CatalogClient-standard//Standard-Retry', Operation Key: '', Result: '500', Handled: 'True', Attempt: '%d', Execution Time: '%.4f'" % (attempt, lat),
                local=True)
            continue
        return elapsed, 200
    return elapsed, 500


def rate(t):
    m = (t - START).total_seconds() / 60.0
    return 1.7 + 0.35 * math.sin(m / 7.0)


for t0 in arrivals(rng, START, END, rate):
    r = rng.random()
    sku_i = rng.randrange(len(SKUS))
    if r < 0.40:
        pid = PIDS[sku_i]
        stem, q = "/p/%d" % pid, "-"
        cl, cs = catalog_via_storefront(t0, "/api/products/%d" % pid, "product:%d" % pid, rng.randint(5, 9))
        il, ist = inventory_request(t0 + ms(1), SKUS[sku_i])
        pl, ps = simple("pricing-api", t0 + ms(1), "GET", "/api/prices/%s" % SKUS[sku_i], 1.6, "Pricing.Api.Services.PriceService")
        rl, rs = simple("recs-api", t0 + ms(1), "GET", "/api/recs/similar/%d" % pid, 3.0, "Recs.Api.Clients.ModelClient", 0.03,
                        "Model server returned 500 for model 'similar-items-v7': upstream connect error or disconnect/reset before headers")
        taken = max(cl, il, pl, min(rl, 1500)) + rng.uniform(3, 25)
        status = 200 if (cs == 200 and ist == 200) else 500
    elif r < 0.62:
        cat = rng.choice(CATS)
        stem, q = "/c/%s" % cat, "page=%d" % rng.randint(1, 6)
        cl, cs = catalog_via_storefront(t0, "/api/categories/%s/products?page=1" % cat, "cat:%s:%d" % (cat, rng.randint(1, 6)), rng.randint(2, 4))
        pl, ps = simple("pricing-api", t0 + ms(1), "POST", "/api/prices/batch", 2.2, "Pricing.Api.Services.PriceService")
        taken = max(cl, pl) + rng.uniform(3, 20)
        status = 200 if cs == 200 else 500
    elif r < 0.77:
        stem, q = "/", "-"
        cl, cs = catalog_via_storefront(t0, "/api/featured", "featured:%d" % rng.randint(1, 3), 3)
        rl, rs = simple("recs-api", t0 + ms(1), "GET", "/api/recs/home", 3.0, "Recs.Api.Clients.ModelClient", 0.03,
                        "Model server returned 500 for model 'home-feed-v3': upstream connect error or disconnect/reset before headers")
        taken = max(cl, min(rl, 1500)) + rng.uniform(3, 20)
        status = 200 if cs == 200 else 500
    elif r < 0.90:
        stem, q = "/cart", "-"
        cl, cs = simple("cart-api", t0 + ms(1), "GET", "/api/carts/%s" % hexs(rng, 12), 1.8, "Cart.Api.Data.CartStore")
        pl, ps = simple("pricing-api", t0 + ms(1), "POST", "/api/prices/batch", 2.2, "Pricing.Api.Services.PriceService")
        taken = max(cl, pl) + rng.uniform(3, 15)
        status = 200
    else:
        stem, q = "/account", "-"
        al, ast = simple("identity-api", t0 + ms(1), "GET", "/connect/userinfo", 1.7, "Identity.Api.Services.TokenService", 0.004,
                         "Refresh token for client 'storefront' expired or revoked", 401)
        taken = al + rng.uniform(3, 15)
        status = 200
    if status != 200:
        mel("storefront", t0 + ms(taken - 0.5), "fail", "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", 1,
            "An unhandled exception has occurred while executing the request.",
            "System.Net.Http.HttpRequestException: Response status code does not indicate success: 500 (Internal Server Error).\n   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n   at Storefront.Clients.CatalogClient.GetAsync[T](String path, CancellationToken ct) in D:\\a\\storefront\\src\\Storefront\\Clients\\CatalogClient.cs:line 48\n   at Storefront.Pages.ProductModel.OnGetAsync(Int64 id) in D:\\a\\storefront\\src\\Storefront\\Pages\\Product.cshtml.cs:line 37"
            if taken < 24000 else
            "Polly.Timeout.TimeoutRejectedException: The operation didn't complete within the allowed timeout of '00:00:08'.\n ---> System.Threading.Tasks.TaskCanceledException: The operation was canceled.\n   at Storefront.Clients.CatalogClient.GetAsync[T](String path, CancellationToken ct) in D:\\a\\storefront\\src\\Storefront\\Clients\\CatalogClient.cs:line 48",
            local=True)
    elif rng.random() < 0.08:
        mel("storefront", t0 + ms(taken - 0.3), "info", "Storefront.Pages.PageTiming", 0,
            "Rendered %s in %d ms (catalog=%d ms)" % (stem, int(taken), int(taken * 0.7)), local=True)
    iis_line(t0, "GET", stem, q, status, 0, 0, taken)

# ---------------- background: order-worker, identity-api noise ----------------
t = START + timedelta(seconds=3)
while t < END:
    oid = rng.randint(4000000, 4999999)
    dl, err = db_call(t, "order-worker", "orders", "orders_app", ["10.3.4.71"], 3.0, 3)
    if err:
        mel("order-worker", t + ms(dl), "warn", "Orders.Worker.OutboxPublisher", 0,
            "Outbox batch for order %d failed, will retry in 30s: query_wait_timeout" % oid)
    else:
        mel("order-worker", t + ms(dl), "info", "Orders.Worker.OutboxPublisher", 0,
            "Published %d outbox messages for order %d to 'orders.events' in %.1f ms" % (rng.randint(1, 4), oid, dl))
    t += timedelta(seconds=rng.uniform(3, 11))

# ---------------- pricing-api red-herring deploy ----------------
mel("pricing-api", PRICING_DEPLOY, "info", "Microsoft.Hosting.Lifetime", 0, "Application is shutting down...")
mel("pricing-api", PRICING_DEPLOY + timedelta(seconds=9), "warn", "Microsoft.AspNetCore.Hosting.Diagnostics", 15,
    "Overriding HTTP_PORTS '8080' and HTTPS_PORTS ''. Binding to values defined by URLS instead 'http://+:8080'.")
mel("pricing-api", PRICING_DEPLOY + timedelta(seconds=10), "info", "Microsoft.Hosting.Lifetime", 14, "Now listening on: http://[::]:8080")
mel("pricing-api", PRICING_DEPLOY + timedelta(seconds=10, milliseconds=3), "info", "Microsoft.Hosting.Lifetime", 0, "Application started. Press Ctrl+C to shut down.")
mel("pricing-api", PRICING_DEPLOY + timedelta(seconds=10, milliseconds=5), "info", "Microsoft.Hosting.Lifetime", 0, "Hosting environment: Production")
mel("pricing-api", PRICING_DEPLOY + timedelta(seconds=11), "info", "Pricing.Api.Startup", 0,
    "Pricing.Api 2.31.0+9f1c2ab starting; feature flags: UseNewRoundingRules=true, PromoEngineV2=false")
for k in range(4):
    mel("pricing-api", PRICING_DEPLOY + timedelta(seconds=12 + k * 7), "warn", "StackExchange.Redis.ConnectionMultiplexer", 0,
        "Connection to pricing-redis:6379 is still being established (attempt %d), falling back to database prices" % (k + 1))

# ---------------- memcached (docker logs -t) ----------------
SLABS = [(1, 96, 10922), (2, 120, 8738), (3, 152, 6898), (4, 192, 5461), (5, 240, 4369), (6, 304, 3449), (7, 384, 2730),
         (8, 480, 2184), (9, 600, 1747), (10, 752, 1394), (11, 944, 1110), (12, 1184, 885), (13, 1480, 708), (14, 1856, 564),
         (15, 2320, 451), (16, 2904, 361), (17, 3632, 288), (18, 4544, 230), (19, 5680, 184), (20, 7104, 147)]


def dts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%09dZ" % (t.microsecond * 1000 + rng.randint(0, 999))


for node in ("mc-01", "mc-02"):
    s = sink("mc:" + node)
    fd = 40

    def mline(t, text):
        s.add(t, "%s %s" % (dts(t), text))
    t = START + timedelta(seconds=rng.uniform(0, 20))
    r = MC_RESTART[node]
    while t < END:
        if r <= t < r + timedelta(seconds=MC_DOWN_S + 2):
            t += timedelta(seconds=3)
            continue
        fd = rng.randint(30, 400)
        if rng.random() < 0.5:
            mline(t, "<%d new auto-negotiating client connection" % fd)
            mline(t + ms(rng.uniform(0.1, 2)), "%d: Client using the ascii protocol" % fd)
        else:
            mline(t, "<%d connection closed." % fd)
        t += timedelta(seconds=rng.expovariate(1 / 9.0))
    mline(r, "Signal handled: Terminated.")
    mline(r + ms(3), "stopped assoc")
    mline(r + ms(4), "asking workers to stop")
    mline(r + ms(40), "asking background threads to stop")
    mline(r + ms(51), "stopped lru crawler")
    mline(r + ms(55), "stopped maintainer")
    mline(r + ms(61), "stopped slab mover")
    mline(r + ms(62), "stopped logger thread")
    mline(r + ms(63), "stopped idle timeout thread")
    mline(r + ms(70), "closing connections")
    mline(r + ms(98), "reaped all connections")
    up = r + timedelta(seconds=MC_DOWN_S)
    for i, (cls, size, per) in enumerate(SLABS):
        mline(up + ms(i * 0.05), "slab class %3d: chunk size %9d perslab %7d" % (cls, size, per))
    mline(up + ms(2), "<26 server listening (auto-negotiate)")
    # reconnect burst of all client pools
    for k in range(160):
        fd = 28 + k
        tt = up + ms(rng.uniform(5, 4000))
        mline(tt, "<%d new auto-negotiating client connection" % fd)
        mline(tt + ms(rng.uniform(0.1, 1)), "%d: Client using the ascii protocol" % fd)

# stats poller (cron every 60s, writes one line per node)
for node in ("mc-01", "mc-02"):
    s = sink("mcstats:" + node)
    r = MC_RESTART[node]
    hits = rng.randint(10**9, 2 * 10**9)
    misses = int(hits * 0.036)
    items = rng.randint(1700000, 1900000)
    uptime0 = 2811942 + rng.randint(0, 9000)
    t = START + timedelta(seconds=7 + (0 if node == "mc-01" else 2))
    prev_hits, prev_miss = hits, misses
    while t < END:
        if t < r:
            uptime = uptime0 + int((t - START).total_seconds())
            dh, dm = rng.randint(9000, 12000), 0
            dm = int(dh * 0.036)
            hits += dh
            misses += dm
            items += rng.randint(-400, 900)
            evict = 0
        else:
            uptime = int((t - r).total_seconds() - MC_DOWN_S)
            if uptime < 0:
                t += timedelta(seconds=60)
                continue
            if prev_hits > hits:  # noqa - unreachable
                pass
            if uptime < 60:
                hits, misses, items = 0, 0, 0
            hr = hit_ratio(node, t)
            tot = rng.randint(14000, 22000)
            dh = int(tot * hr)
            dm = tot - dh
            hits += dh
            misses += dm
            items += int(dm * 0.45)
            evict = 0
        mr = dh / float(dh + dm) if dh + dm else 0.0
        s.add(t, "%s host=%s addr=%s:11211 uptime=%d curr_connections=%d curr_items=%d get_hits=%d get_misses=%d hit_ratio_1m=%.3f evictions=%d bytes=%d limit_maxbytes=4294967296" % (
            t.strftime("%Y-%m-%dT%H:%M:%SZ"), node, MC_IP[node], uptime, rng.randint(180, 240), items, hits, misses, mr, evict, items * 812))
        t += timedelta(seconds=60)

# ---------------- pgbouncer stats + connection churn ----------------
t = START + timedelta(seconds=30)
while t < END:
    p = db_pressure(t)
    q = int(rng.randint(160, 220) * (1 + 6 * p))
    pg(t, "LOG", "stats: %d xacts/s, %d queries/s, %d client parses/s, 0 server parses/s, 0 binds/s, in %d B/s, out %d B/s, xact %d us, query %d us, wait %d us" % (
        q, q, int(q * 0.4), q * 160, q * 2100, int(1800 * (1 + 60 * p * p)), int(1500 * (1 + 60 * p * p)), int(300 + 9000000 * p)))
    t += timedelta(seconds=60)
t = START + timedelta(seconds=2)
while t < END:
    p = db_pressure(t)
    db, usr, ips = rng.choice([("catalog", "catalog_app", catalog_ips), ("inventory", "inventory_app", inventory_ips), ("orders", "orders_app", ["10.3.4.71"])])
    c = cptr()
    ip = rng.choice(ips)
    port = rng.randint(30000, 60999)
    pg(t, "LOG", "%s: %s/%s@%s:%d login attempt: db=%s user=%s tls=no" % (c, db, usr, ip, port, db, usr))
    if rng.random() < 0.4:
        pg(t + timedelta(seconds=rng.uniform(1, 50)), "LOG", "%s: %s/%s@%s:%d closing because: client close request (age=%ds)" % (c, db, usr, ip, port, rng.randint(60, 3600)))
    if p > 0.6 and rng.random() < 0.3:
        pg(t + ms(3), "LOG", "%s: %s/%s@10.3.2.10:5432 new connection to server (from 10.3.2.5:%d)" % (sptr(), db, usr, rng.randint(30000, 60999)))
    if p > 0.85 and rng.random() < 0.35:
        c2 = cptr()
        pg(t + ms(7), "WARNING", "%s: (nodb)/(nouser)@%s:%d pooler error: no more connections allowed (max_client_conn)" % (c2, rng.choice(catalog_ips), rng.randint(30000, 60999)))
    t += timedelta(seconds=rng.expovariate((0.25 + 3.0 * p)))

# periodic catalog cache stats (aggregated from the simulated lookups)
win = {}
for (tc, hit) in cache_events:
    k = int((tc - START).total_seconds() // 60)
    a = win.setdefault(k, [0, 0])
    a[0 if hit else 1] += 1
for k in range(int((END - START).total_seconds() // 60)):
    h, m_ = win.get(k, [0, 0])
    t = START + timedelta(seconds=60 * (k + 1), milliseconds=rng.randint(0, 900))
    mel("catalog-api", t, "info", "Catalog.Api.Caching.CacheMetricsReporter", 0,
        "ProductCache 60s window: lookups=%d hits=%d misses=%d hitRatio=%.3f servers=10.3.1.21:11211,10.3.1.22:11211" % (
            h + m_, h, m_, (h / float(h + m_)) if h + m_ else 0.0))

# ---------------- write ----------------
reset_logs()
total = 0


def out(key, rel):
    global total
    lines = sink(key).sorted_lines()
    write_file(rel, lines)
    total += sum(x.count("\n") + 1 for x in lines)


iis_header = ["#Software: Microsoft Internet Information Services 10.0", "#Version: 1.0", "#Date: 2025-03-11 08:58:00",
              "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken"]
iis_lines = iis_header + sink("iis").sorted_lines()
write_file("storefront/W3SVC2/u_ex25031108.log", iis_lines)
total += len(iis_lines)
out("storefront", "storefront/app/storefront-20250311.log")
for svc in ("catalog-api", "inventory-api", "pricing-api", "recs-api", "cart-api", "identity-api", "order-worker"):
    out(svc, "%s/%s.log" % (svc, svc))
out("mc:mc-01", "memcached/mc-01/docker-memcached.log")
out("mc:mc-02", "memcached/mc-02/docker-memcached.log")
out("mcstats:mc-01", "memcached/mc-01/mcstat.log")
out("mcstats:mc-02", "memcached/mc-02/mcstat.log")
out("pgbouncer", "pgbouncer/pgbouncer.log")
print("d02 lines:", total)
