#!/usr/bin/env python3
"""Generate the logs for this case (deterministic, stdlib only)."""
import os, shutil, random, json, math
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
R = random.Random(6232026)

def ep(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()

T0 = ep("2026-06-23T13:40:00")
T_END = ep("2026-06-23T14:28:00")
T_LIMIT = ep("2026-06-23T14:12:37") + 0.118   # first order insert after this fails
T_SWAP = ep("2026-06-23T14:03:51")
SEQ_MAX = 2147483647

def dtu(t):
    return datetime.fromtimestamp(t, tz=timezone.utc)

def azt(t):
    """Log Analytics portal CSV export: 6/23/2026, 2:12:37.118 PM"""
    d = dtu(t)
    h = d.hour % 12 or 12
    return "%d/%d/%d, %d:%02d:%02d.%03d %s" % (d.month, d.day, d.year, h, d.minute, d.second, int(round(t * 1000)) % 1000, "AM" if d.hour < 12 else "PM")

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def guid():
    return "%08x-%04x-4%03x-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12), 0x8000 | R.getrandbits(14), R.getrandbits(48))

tables = {k: [] for k in ("fd", "req", "dep", "exc", "trc", "pg")}
seq = [0]
def add(tab, t, row):
    seq[0] += 1
    tables[tab].append((t, seq[0], row))

ORD_INST = ["lw1sdlwk000PJ5", "lw1sdlwk000Q2K", "lw1sdlwk000R7M"]
INV_INST_OLD = ["lw1sdlwk0009XN", "lw1sdlwk000A3D"]
INV_INST_NEW = ["lw1sdlwk000T4B", "lw1sdlwk000U8F"]
FUNC_INST = ["54ad6f1e2c7b9d80e3f1a2b4c6d8e0f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4"]
PG_RES = "PSQL-ORDERS-PROD"
PG_HOST = "psql-orders-prod.postgres.database.azure.com"
SB = "sb-shop-prod.servicebus.windows.net"
POPS = ["AMS", "FRA", "LHR", "CDG", "MAD", "WAW", "ARN", "ZRH", "VIE", "MXP"]
CLIENTS = ["%d.%d.%d.%d" % (R.choice([2, 5, 31, 37, 46, 62, 77, 80, 81, 82, 84, 86, 88, 90, 91, 94, 109, 145, 176, 178, 185, 188, 212, 213, 217]),
                            R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)) for _ in range(600)]
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0"]

# ------------------------------------------------------------------ emitters
def fd(t_start, dur, method, uri, status, origin, cache, ip=None, ua=None, details=None):
    tr = "%s%s" % ("20260623T", hexid(8).upper()) + "-" + "".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(12))
    add("fd", t_start + dur, [azt(t_start + dur), "FrontDoorAccessLog", method, "https://www.shop-eu.example%s" % uri, str(status),
        details or ("Result originated from origin" if origin != "N/A" and cache != "HIT" else ("Result originated from cache" if cache == "HIT" else "Result originated from WAF")),
        "%.3f" % dur, origin, ip or R.choice(CLIENTS), ua or R.choice(UAS), R.choice(POPS), cache,
        "route-api" if uri.startswith("/api/") else "route-static", tr])

def req(t_start, dur, role, inst, name, url, code, op):
    add("req", t_start + dur, [azt(t_start), name, url, str(code), "%.4f" % (dur * 1000), "True" if int(code) < 400 else "False", role, inst, op, "1"])

def dep(t_start, dur, role, inst, typ, target, name, data, success, code, op):
    add("dep", t_start + dur, [azt(t_start), typ, target, name, data, "True" if success else "False", str(code), "%.4f" % (dur * 1000), role, inst, op])

def trc(t, role, inst, sev, msg, dims, op):
    add("trc", t, [azt(t), msg, str(sev), json.dumps(dims, separators=(",", ":")), role, inst, op])

def exc(t, role, inst, problem, typ, outer, inner_t, inner_m, method, op, sev=3):
    add("exc", t, [azt(t), problem, typ, outer, inner_t, inner_m, method, str(sev), role, inst, op])

def pg(t, level, code, pid, msg):
    d = dtu(t)
    sess = PG_SESS.setdefault(pid, "%x.%x" % (int(T0) - R.randint(10, 80000), pid))
    add("pg", t, [azt(t), PG_RES, "PostgreSQLLogs", level, code, str(pid), "%s UTC-%s-%s:  %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), sess, level, msg)])

PG_SESS = {}
PG_PIDS = [R.randint(20000, 29999) for _ in range(14)]

# ------------------------------------------------------------------ traffic
order_ids = []
STATIC = ["/", "/static/js/main.8f3c2a.js", "/static/css/main.1b7e4d.css", "/img/hero-summer.webp", "/favicon.ico",
          "/p/%d" % R.randint(100000, 999999), "/c/garden", "/c/kitchen", "/cart", "/checkout"]

def inventory_call(t, op, method, path, caller_inst, role="orders-api"):
    inst = R.choice(INV_INST_NEW if t > T_SWAP + 20 else INV_INST_OLD)
    d = R.lognormvariate(-3.8, 0.35)
    code = 200 if method != "POST" else 201
    if method == "DELETE":
        code = 204
    req(t, d, "inventory-api", inst, "%s %s" % (method, path.rsplit("/", 1)[0] + ("/{id}" if method == "DELETE" else "")), "https://app-inventory-api-prod.azurewebsites.net" + path, code, op)
    dep(t - 0.0005, d + 0.001, role, caller_inst, "HTTP", "app-inventory-api-prod.azurewebsites.net", "%s %s" % (method, path), "https://app-inventory-api-prod.azurewebsites.net" + path, True, code, op)
    return t + d + 0.001

next_id = [None]

def create_order(t, ip, ua):
    op = hexid(32)
    inst = R.choice(ORD_INST)
    cust = R.randint(100000, 2999999)
    lines = R.randint(1, 6)
    cur = t + 0.003
    trc(cur, "orders-api", inst, 1, "Creating order for customer %d with %d lines" % (cust, lines),
        {"CustomerId": str(cust), "LineCount": str(lines), "CategoryName": "Orders.Api.Controllers.OrdersController", "OriginalFormat": "Creating order for customer {CustomerId} with {LineCount} lines"}, op)
    res = "r_" + hexid(12)
    cur = inventory_call(cur, op, "POST", "/api/reservations", inst)
    d = R.lognormvariate(-4.6, 0.3)
    if t < T_LIMIT:
        oid = next_id[0]
        next_id[0] += 1
        dep(cur, d, "orders-api", inst, "postgresql", "%s | orders" % PG_HOST, "INSERT orders", "INSERT INTO orders (customer_id, status, currency, total_minor, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id", True, 0, op)
        cur += d
        d2 = R.lognormvariate(-5.0, 0.3)
        dep(cur, d2, "orders-api", inst, "postgresql", "%s | orders" % PG_HOST, "INSERT order_lines", "INSERT INTO order_lines (order_id, sku, qty, unit_price_minor) VALUES ($1, $2, $3, $4)", True, 0, op)
        cur += d2
        d3 = R.lognormvariate(-4.2, 0.3)
        dep(cur, d3, "orders-api", inst, "Azure Service Bus", "%s/order-events" % SB, "ServiceBusSender.Send", "", True, 0, op)
        cur += d3
        trc(cur, "orders-api", inst, 1, "Order %d created (reservation %s)" % (oid, res),
            {"OrderId": str(oid), "ReservationId": res, "CategoryName": "Orders.Api.Services.OrderService", "OriginalFormat": "Order {OrderId} created (reservation {ReservationId})"}, op)
        fulfil(cur + R.uniform(0.2, 1.4), oid, op)
        code = 201
    else:
        dep(cur, d, "orders-api", inst, "postgresql", "%s | orders" % PG_HOST, "INSERT orders", "INSERT INTO orders (customer_id, status, currency, total_minor, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id", False, "2200H", op)
        cur += d
        pid = R.choice(PG_PIDS)
        pg(cur - 0.0008, "ERROR", "2200H", pid, 'nextval: reached maximum value of sequence "orders_id_seq" (2147483647)')
        pg(cur - 0.0007, "STATEMENT", "2200H", pid, "INSERT INTO orders (customer_id, status, currency, total_minor, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
        exc(cur + 0.001, "orders-api", inst, "Npgsql.PostgresException at Orders.Api.Data.OrderRepository+<InsertAsync>d__7.MoveNext",
            "Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.",
            "Npgsql.PostgresException", '2200H: nextval: reached maximum value of sequence "orders_id_seq" (2147483647)',
            "Orders.Api.Data.OrderRepository+<InsertAsync>d__7.MoveNext", op)
        trc(cur + 0.0012, "orders-api", inst, 3, "Failed to persist order for customer %d; releasing reservation %s" % (cust, res),
            {"CustomerId": str(cust), "ReservationId": res, "CategoryName": "Orders.Api.Services.OrderService", "OriginalFormat": "Failed to persist order for customer {CustomerId}; releasing reservation {ReservationId}"}, op)
        cur = inventory_call(cur + 0.002, op, "DELETE", "/api/reservations/%s" % res, inst)
        code = 500
    cur += 0.002
    req(t, cur - t, "orders-api", inst, "POST /api/orders", "https://app-orders-api-prod.azurewebsites.net/api/orders", code, op)
    fd(t - 0.004, cur - t + 0.012, "POST", "/api/orders", code, "app-orders-api-prod.azurewebsites.net:443", "CONFIG_NOCACHE", ip, ua)
    return code

def fulfil(t, oid, op):
    inst = FUNC_INST[0]
    d = R.lognormvariate(-2.3, 0.4)
    req(t, d, "fulfillment-func", inst, "OrderCreatedHandler", "", 0, op)
    trc(t + 0.002, "fulfillment-func", inst, 1, "Executing 'Functions.OrderCreatedHandler' (Reason='(null)', Id=%s)" % guid(), {"Category": "Function.OrderCreatedHandler", "LogLevel": "Information"}, op)
    trc(t + d - 0.001, "fulfillment-func", inst, 1, "Shipment request queued for order %d" % oid, {"Category": "Function.OrderCreatedHandler.User", "LogLevel": "Information"}, op)
    trc(t + d, "fulfillment-func", inst, 1, "Executed 'Functions.OrderCreatedHandler' (Succeeded, Id=%s, Duration=%dms)" % (guid(), int(d * 1000)), {"Category": "Function.OrderCreatedHandler", "LogLevel": "Information"}, op)

def get_order(t, ip, ua):
    op = hexid(32)
    inst = R.choice(ORD_INST)
    d = R.lognormvariate(-4.2, 0.35)
    oid = R.randint(2147400000, 2147483600)
    dep(t + 0.002, d * 0.7, "orders-api", inst, "postgresql", "%s | orders" % PG_HOST, "SELECT orders", "SELECT o.id, o.status, o.total_minor FROM orders AS o WHERE o.id = $1 LIMIT 1", True, 0, op)
    code = 200 if R.random() > 0.02 else 404
    req(t, d, "orders-api", inst, "GET /api/orders/{id}", "https://app-orders-api-prod.azurewebsites.net/api/orders/%d" % oid, code, op)
    fd(t - 0.003, d + 0.01, "GET", "/api/orders/%d" % oid, code, "app-orders-api-prod.azurewebsites.net:443", "CONFIG_NOCACHE", ip, ua)

def stock(t, ip, ua):
    op = hexid(32)
    sku = "SKU%06d" % R.randint(1, 120000)
    in_swap = T_SWAP - 1 < t < T_SWAP + 24
    if in_swap and R.random() < 0.22:
        d = R.uniform(0.5, 2.5)
        fd(t, d, "GET", "/api/stock/%s" % sku, 503, "app-inventory-api-prod.azurewebsites.net:443", "CONFIG_NOCACHE", ip, ua, "Result originated from origin")
        return
    inst = R.choice(INV_INST_NEW if t > T_SWAP + 20 else INV_INST_OLD)
    d = R.lognormvariate(-4.5, 0.4)
    req(t, d, "inventory-api", inst, "GET /api/stock/{sku}", "https://app-inventory-api-prod.azurewebsites.net/api/stock/%s" % sku, 200, op)
    fd(t - 0.003, d + 0.01, "GET", "/api/stock/%s" % sku, 200, "app-inventory-api-prod.azurewebsites.net:443", "CONFIG_NOCACHE", ip, ua)

# pre-compute order creation times so the sequence runs out exactly at T_LIMIT
events = []
t = T0 + 0.3
while t < T_END:
    rate = 2.3 + 0.4 * math.sin((t - T0) / 700.0)
    t += R.expovariate(rate)
    if t < T_END:
        events.append(t)
kinds = []
n_orders_before = 0
for t in events:
    x = R.random()
    kinds.append(x)
    if 0.55 <= x < 0.67 and t < T_LIMIT:
        n_orders_before += 1
next_id[0] = SEQ_MAX - n_orders_before + 1

retry_queue = []
for t, x in zip(events, kinds):
    ip, ua = R.choice(CLIENTS), R.choice(UAS)
    if x < 0.55:
        u = R.choice(STATIC)
        hit = u.startswith("/static") or u.startswith("/img") or u == "/favicon.ico" or R.random() < 0.6
        if hit:
            fd(t, R.uniform(0.001, 0.02), "GET", u, 200, "N/A", "HIT", ip, ua)
        else:
            fd(t, R.uniform(0.03, 0.2), "GET", u, 200, "stshopwebprod.z6.web.core.windows.net:443", "MISS", ip, ua)
    elif x < 0.67:
        code = create_order(t, ip, ua)
        if code == 500 and R.random() < 0.6:
            retry_queue.append((t + R.uniform(2, 9), ip, ua))
    elif x < 0.80:
        get_order(t, ip, ua)
    elif x < 0.985:
        stock(t, ip, ua)
    else:
        # bots blocked by the WAF managed rule set (long-standing)
        fd(t, 0.001, R.choice(["GET", "POST"]), R.choice(["/wp-login.php", "/.env", "/api/orders?id=1%27%20OR%201=1--", "/xmlrpc.php", "/cgi-bin/luci"]), 403, "N/A", "N/A",
           R.choice(["45.155.205.%d" % R.randint(1, 254), "193.35.18.%d" % R.randint(1, 254)]), "Mozilla/5.0 zgrab/0.x", "Result originated from WAF")
for t, ip, ua in retry_queue:
    if t < T_END:
        create_order(t, ip, ua)

# ------------------------------------------------------------------ inventory slot swap (red herring)
for i, inst in enumerate(INV_INST_NEW):
    ts = T_SWAP - 40 + i * 3.1
    op = hexid(32)
    trc(ts, "inventory-api", inst, 1, "Now listening on: http://[::]:8080", {"CategoryName": "Microsoft.Hosting.Lifetime"}, op)
    trc(ts + 0.01, "inventory-api", inst, 1, "Application started. Press Ctrl+C to shut down.", {"CategoryName": "Microsoft.Hosting.Lifetime"}, op)
    trc(ts + 0.02, "inventory-api", inst, 1, "Hosting environment: Production", {"CategoryName": "Microsoft.Hosting.Lifetime"}, op)
    trc(ts + 0.03, "inventory-api", inst, 1, "Content root path: /home/site/wwwroot", {"CategoryName": "Microsoft.Hosting.Lifetime"}, op)
    trc(ts + 6.2, "inventory-api", inst, 2, "Stock cache warm-up incomplete after 6s (41233/120000 SKUs); serving from database",
        {"CategoryName": "Inventory.Api.Caching.StockCache", "OriginalFormat": "Stock cache warm-up incomplete after {Seconds}s ({Loaded}/{Total} SKUs); serving from database"}, op)
for inst in INV_INST_OLD:
    trc(T_SWAP + 22 + R.uniform(0, 3), "inventory-api", inst, 1, "Application is shutting down...", {"CategoryName": "Microsoft.Hosting.Lifetime"}, hexid(32))

# fulfillment-func: dead-lettered messages from last week's carrier outage keep being reported
for k in range(int((T_END - T0) / 300)):
    ts = T0 + 70 + k * 300 + R.uniform(0, 4)
    trc(ts, "fulfillment-func", FUNC_INST[0], 2, "Dead-letter queue order-events/$deadletterqueue contains %d messages (oldest 2026-06-17T22:41:09Z, reason MaxDeliveryCountExceeded)" % (37 + k // 4),
        {"Category": "Function.DlqMonitor.User", "LogLevel": "Warning"}, hexid(32))
    trc(ts + 0.5, "fulfillment-func", FUNC_INST[0], 1, "Executed 'Functions.DlqMonitor' (Succeeded, Id=%s, Duration=%dms)" % (guid(), R.randint(180, 420)),
        {"Category": "Function.DlqMonitor", "LogLevel": "Information"}, hexid(32))

# ------------------------------------------------------------------ PostgreSQL background
pg_t = T0 + 12
while pg_t < T_END:
    pg(pg_t, "LOG", "00000", 4112, "checkpoint starting: time")
    pg(pg_t + R.uniform(150, 270), "LOG", "00000", 4112, "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=%.3f s, total=%.3f s; sync files=%d, longest=%.3f s, average=%.3f s; distance=%d kB, estimate=%d kB; lsn=1A4/%08X, redo lsn=1A4/%08X" % (
        R.randint(1800, 9000), R.uniform(0.4, 2.2), R.randint(1, 4), R.uniform(100, 270), R.uniform(0.002, 0.03), R.uniform(100, 270),
        R.randint(30, 90), R.uniform(0.001, 0.01), R.uniform(0.0005, 0.002), R.randint(30000, 120000), R.randint(60000, 130000), R.getrandbits(32), R.getrandbits(32)))
    pg_t += 300
tb = T0 + 3
while tb < T_END:
    tb += R.expovariate(1 / 22.0)
    pid = R.randint(30000, 39999)
    host = R.choice(["10.40.2.%d" % R.randint(4, 60), "10.40.3.%d" % R.randint(4, 60)])
    pg(tb, "LOG", "00000", pid, "connection received: host=%s port=%d" % (host, R.randint(30000, 65000)))
    pg(tb + 0.02, "LOG", "00000", pid, "connection authorized: user=orders_app database=orders application_name=Npgsql SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)")
    if R.random() < 0.5:
        pg(tb + R.uniform(60, 400), "LOG", "00000", pid, "disconnection: session time: 0:0%d:%06.3f user=orders_app database=orders host=%s port=%d" % (R.randint(1, 6), R.uniform(0, 59), host, R.randint(30000, 65000)))
for k in range(int((T_END - T0) / 60)):
    ts = T0 + 40 + k * 60 + R.uniform(0, 3)
    pid = R.randint(40000, 49999)
    pg(ts, "LOG", "00000", pid, "connection received: host=10.60.8.21 port=%d" % R.randint(30000, 65000))
    pg(ts + 0.03, "FATAL", "28P01", pid, 'password authentication failed for user "reporting_ro"')
    pg(ts + 0.031, "DETAIL", "28P01", pid, 'Connection matched file "/datadrive/pg/data/pg_hba.conf" line 14: "host all all 0.0.0.0/0 scram-sha-256"')
for k in range(9):
    ts = T0 + R.uniform(0, T_END - T0)
    pid = R.choice(PG_PIDS)
    pg(ts, "ERROR", "23505", pid, 'duplicate key value violates unique constraint "customers_email_key"')
    pg(ts + 0.0001, "DETAIL", "23505", pid, "Key (email)=(%s@%s) already exists." % (hexid(8), R.choice(["gmail.com", "web.de", "outlook.com", "gmx.net"])))
    pg(ts + 0.0002, "STATEMENT", "23505", pid, "INSERT INTO customers (email, display_name, created_at) VALUES ($1, $2, $3) RETURNING id")
for k in range(6):
    ts = T0 + R.uniform(0, T_END - T0)
    pg(ts, "LOG", "00000", R.randint(50000, 59999), 'automatic vacuum of table "orders.public.order_events": index scans: 1, pages: 0 removed, %d remain, %d scanned (%.2f%% of total), tuples: %d removed, %d remain, 0 are dead but not yet removable' % (
        R.randint(40000, 90000), R.randint(2000, 9000), R.uniform(2, 15), R.randint(3000, 40000), R.randint(1000000, 9000000)))

# ------------------------------------------------------------------ write CSV exports
def csvq(v):
    if any(c in v for c in ',"\n\r'):
        return '"' + v.replace('"', '""') + '"'
    return v

HEAD = {
    "fd": ("frontdoor_AzureDiagnostics_FrontDoorAccessLog.csv", ["TimeGenerated [UTC]", "Category", "httpMethod_s", "requestUri_s", "httpStatusCode_s", "httpStatusDetails_s",
            "timeTaken_s", "originName_s", "clientIp_s", "userAgent_s", "pop_s", "cacheStatus_s", "routeName_s", "trackingReference_s"]),
    "req": ("appinsights_requests.csv", ["timestamp [UTC]", "name", "url", "resultCode", "duration", "success", "cloud_RoleName", "cloud_RoleInstance", "operation_Id", "itemCount"]),
    "dep": ("appinsights_dependencies.csv", ["timestamp [UTC]", "type", "target", "name", "data", "success", "resultCode", "duration", "cloud_RoleName", "cloud_RoleInstance", "operation_Id"]),
    "exc": ("appinsights_exceptions.csv", ["timestamp [UTC]", "problemId", "type", "outerMessage", "innermostType", "innermostMessage", "method", "severityLevel", "cloud_RoleName", "cloud_RoleInstance", "operation_Id"]),
    "trc": ("appinsights_traces.csv", ["timestamp [UTC]", "message", "severityLevel", "customDimensions", "cloud_RoleName", "cloud_RoleInstance", "operation_Id"]),
    "pg": ("postgres_AzureDiagnostics_PostgreSQLLogs.csv", ["TimeGenerated [UTC]", "Resource", "Category", "errorLevel_s", "sqlerrcode_s", "processId_d", "Message"]),
}
shutil.rmtree(LOGS, ignore_errors=True)
os.makedirs(LOGS)
for key, (name, head) in HEAD.items():
    rows = sorted(tables[key], key=lambda r: (r[0], r[1]))
    # the portal export keeps the query's order: "| order by TimeGenerated desc" for the Front Door query, ascending otherwise
    if key == "fd":
        rows.reverse()
    with open(os.path.join(LOGS, name), "w", newline="") as f:
        f.write(",".join(head) + "\r\n")
        for _, _, row in rows:
            f.write(",".join(csvq(v) for v in row) + "\r\n")
