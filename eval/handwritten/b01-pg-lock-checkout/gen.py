#!/usr/bin/env python3
"""b01: Postgres row-lock contention and deadlocks on orders-db, triggered by a
reconcile-job release that switched to one big transaction.  Run: python3 gen.py"""
SEED = 101
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common.py")).read())

# ---- case -------------------------------------------------------------------
clean_logs()
S = Sink()

START = T("2026-03-12T13:20:00Z")
END = T("2026-03-12T13:52:00Z")
JOB_START = T("2026-03-12T13:34:00.118Z")
LOCK_START = T("2026-03-12T13:34:06.904Z")      # job reaches rows checkout touches
JOB_DEAD = T("2026-03-12T13:40:31.377Z")        # job tx killed by deadlock detector
CHECKOUT_SKEW = timedelta(seconds=-2.8)          # checkout-api node clock is behind
DB_SKEW = timedelta(seconds=0)

NGX = "logs/edge-nginx/access.log"
NGXE = "logs/edge-nginx/error.log"
CO = "logs/checkout-api.log"
CART = "logs/cart-svc.log"
CAT = "logs/catalog-svc.log"
INV = "logs/inventory-svc.log"
PG = "logs/orders-db/postgresql-2026-03-12_132000.log"
RJ = "logs/reconcile-job.log"
RD = "logs/session-cache.log"

CO_PODS = ["10.42.1.17:8080", "10.42.2.9:8080", "10.42.3.21:8080"]
CART_PODS = ["10.42.1.33:8081", "10.42.2.40:8081"]
CAT_PODS = ["10.42.1.51:8082", "10.42.3.8:8082"]
UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/122.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 Version/17.3 Safari/605.1.15",
       "okhttp/4.12.0", "ShopApp/5.31.0 (Android 14)"]
conn_no = [880000]


def ngx(t, method, path, status, size, rt, upstream, ups_addr, rid, uht=None):
    conn_no[0] += 1
    uct = "%.3f" % R.uniform(0.0, 0.002)
    if uht is None:
        uht = rt - 0.001
    line = '%s - - [%s] "%s %s HTTP/1.1" %d %d "https://shop.acme-retail.com/" "%s" rt=%.3f uct="%s" uht="%s" urt="%.3f" ua="%s" ups=%s rid=%s' % (
        ip("203.0"), clf(t), method, path, status, size, R.choice(UAS), rt, uct,
        ("%.3f" % uht) if uht is not None and uht >= 0 else "-", max(rt - 0.0005, 0), ups_addr, upstream, rid)
    S.add(NGX, t + timedelta(seconds=rt), line)


def co(t, level, caller, msg, **kw):
    S.add(CO, t, zap(t + CHECKOUT_SKEW, level, caller, msg, **kw))


pgpid = [4300]


def newpid():
    pgpid[0] += R.randint(1, 9)
    return pgpid[0]


def pgl(t, pid, who, level, msg):
    S.add(PG, t, pg(t + DB_SKEW, pid, level, msg, who))


BAL_SQL = "UPDATE customer_balances SET store_credit = store_credit - $1, updated_at = now() WHERE customer_id = $2"
JOB_PID = 4388
JOB_XID = 88123456

# ---------------------------------------------------------------- background
# postgres: checkpoints, autovacuum, metabase auth failures (pre-existing)
for t in every(START + timedelta(seconds=41), END, 300):
    pgl(t, 61, "", "LOG", "checkpoint starting: time")
    pgl(t + timedelta(seconds=R.uniform(100, 140)), 61, "", "LOG",
        "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=%.3f s, total=%.3f s; sync files=%d, longest=0.%03d s, average=0.00%d s; distance=%d kB, estimate=%d kB; lsn=3A/%X, redo lsn=3A/%X" % (
            R.randint(900, 4000), R.uniform(1, 6), R.randint(1, 4), R.uniform(100, 130), R.uniform(0.01, 0.2), R.uniform(110, 140), R.randint(40, 120), R.randint(1, 90), R.randint(1, 9), R.randint(9000, 40000), R.randint(30000, 41000), R.randint(0x1000000, 0xFFFFFFF), R.randint(0x1000000, 0xFFFFFFF)))
for t in every(START + timedelta(seconds=13), END, 60, jitter=2):
    p = newpid()
    pgl(t, p, "metabase@orders/[unknown]", "FATAL", 'password authentication failed for user "metabase"')
    S.add(PG, t + timedelta(milliseconds=1), pg(t + timedelta(milliseconds=1), p, "DETAIL", 'Connection matched file "/var/lib/postgresql/data/pg_hba.conf" line 99: "host all all 10.42.0.0/16 scram-sha-256"', "metabase@orders/[unknown]"))
for t in every(START + timedelta(seconds=200), END, 420, jitter=30):
    pgl(t, newpid(), "", "LOG", 'automatic vacuum of table "orders.public.order_events": index scans: 1\n\tpages: 0 removed, %d remain, %d scanned (%.2f%% of total)\n\ttuples: %d removed, %d remain, 0 are dead but not yet removable' % (
        R.randint(20000, 30000), R.randint(2000, 5000), R.uniform(5, 20), R.randint(3000, 9000), R.randint(900000, 1200000)))

# catalog: pre-existing CDN timeouts (distractor), constant rate all along
for t in poisson_times(START, END, 1 / 22.0):
    S.add(CAT, t, zap(t, "error", "media/cdn.go:88", "failed to fetch image metadata",
                      sku="SKU-%05d" % R.randint(1, 40000),
                      error='Get "https://img.cdn-acme.net/meta/%s.json": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' % hexid(12),
                      timeout="800ms"))
for t in poisson_times(START, END, 1 / 45.0):
    S.add(CAT, t, zap(t, "warn", "catalog/price.go:214", "price cache stale, serving last known", age_s=R.randint(61, 300)))

# redis session cache: periodic saves
for t in every(START + timedelta(seconds=29), END, 300):
    S.add(RD, t, redislog(t, 1, "M", "*", "100 changes in 300 seconds. Saving..."))
    S.add(RD, t + timedelta(milliseconds=2), redislog(t + timedelta(milliseconds=2), 1, "M", "*", "Background saving started by pid %d" % R.randint(2000, 9000)))
    t2 = t + timedelta(milliseconds=R.randint(180, 400))
    S.add(RD, t2, redislog(t2, R.randint(2000, 9000), "C", "*", "DB saved on disk"))
    S.add(RD, t2 + timedelta(milliseconds=90), redislog(t2 + timedelta(milliseconds=90), 1, "M", "*", "Background saving terminated with success"))

# health checks (kubelet probes hit each service; services log at debug only for checkout)
for t in every(START, END, 10):
    for p in ("checkout-api-6f7c9d8b5-2kqlm", "checkout-api-6f7c9d8b5-9zt4w", "checkout-api-6f7c9d8b5-xv7rp"):
        tt = t + timedelta(milliseconds=R.randint(0, 900))
        co(tt, "debug", "server/health.go:31", "health check", pod=p, path="/healthz", status=200, db_ping_ms=round(R.uniform(0.4, 1.8), 2))

# reconcile-job: the 13:19 run (old version, chunked commits) and the 13:34 run (new version)
def rj(t, level, mod, msg):
    S.add(RJ, t, pylog(t, level, mod, msg))

t = T("2026-03-12T13:19:00.231Z")
rj(t, "INFO", "reconcile.main", "reconcile-job 1.7.3 starting run_id=rc-5521 batch_mode=chunked chunk_size=500")
for i in range(1, 10):
    rj(t + timedelta(seconds=4.1 * i), "INFO", "reconcile.balances", "committed chunk %d/97 (%d customers)" % (i * 10, i * 5000))
rj(t + timedelta(seconds=41.8), "INFO", "reconcile.main", "run rc-5521 finished ok customers=48203 adjusted=1312 elapsed=41.6s")
# deploy of the new version happens at 13:31 (only visible as a startup line from the image)
rj(T("2026-03-12T13:31:12.003Z"), "INFO", "reconcile.main", "image registry.acme.internal/reconcile-job:1.8.0 pulled, next schedule 13:34:00")
t = JOB_START
rj(t, "INFO", "reconcile.main", "reconcile-job 1.8.0 starting run_id=rc-5522 batch_mode=single_transaction")
rj(t + timedelta(seconds=0.4), "INFO", "reconcile.db", "connected to orders-db:5432/orders as reconcile (application_name=reconcile-job)")
rj(t + timedelta(seconds=0.6), "INFO", "reconcile.balances", "BEGIN; selecting 48211 customer balances FOR UPDATE")
pgl(t + timedelta(seconds=6.3), JOB_PID, "reconcile@orders/reconcile-job", "LOG",
    "duration: 5702.118 ms  execute <unnamed>: SELECT customer_id, store_credit FROM customer_balances WHERE updated_at < $1 ORDER BY customer_id FOR UPDATE")
k = 1
tt = t + timedelta(seconds=40)
while tt < JOB_DEAD:
    rj(tt, "INFO", "reconcile.balances", "adjusted %d/48211 customers (transaction still open)" % min(48211, k * 4000))
    k += 1
    tt += timedelta(seconds=R.uniform(38, 46))
for i, tt in enumerate(every(JOB_START + timedelta(seconds=95), JOB_DEAD, 61)):
    pgl(tt, JOB_PID, "reconcile@orders/reconcile-job", "LOG",
        "duration: %.3f ms  execute <unnamed>: UPDATE orders SET settled_at = now() WHERE customer_id = ANY($1) AND settled_at IS NULL" % R.uniform(2100, 3900))

# the job's transaction finally loses a deadlock and is rolled back; locks released
dj = JOB_DEAD
pgl(dj, JOB_PID, "reconcile@orders/reconcile-job", "ERROR", "deadlock detected")
S.add(PG, dj, pg(dj, JOB_PID, "DETAIL", "Process %d waits for ShareLock on transaction %d; blocked by process 5127.\n\tProcess 5127 waits for ShareLock on transaction %d; blocked by process %d.\n\tProcess %d: UPDATE orders SET settled_at = now() WHERE customer_id = ANY($1) AND settled_at IS NULL\n\tProcess 5127: %s" % (JOB_PID, JOB_XID + 9121, JOB_XID, JOB_PID, JOB_PID, BAL_SQL), "reconcile@orders/reconcile-job"))
S.add(PG, dj, pg(dj, JOB_PID, "HINT", "See server log for query details.", "reconcile@orders/reconcile-job"))
S.add(PG, dj, pg(dj, JOB_PID, "STATEMENT", "UPDATE orders SET settled_at = now() WHERE customer_id = ANY($1) AND settled_at IS NULL", "reconcile@orders/reconcile-job"))
rj(dj + timedelta(milliseconds=9), "ERROR", "reconcile.main", "run rc-5522 failed after 391.3s, transaction rolled back\nTraceback (most recent call last):\n  File \"/app/reconcile/main.py\", line 88, in run\n    balances.apply(conn, rows)\n  File \"/app/reconcile/balances.py\", line 141, in apply\n    cur.execute(SETTLE_ORDERS_SQL, (ids,))\npsycopg2.errors.DeadlockDetected: deadlock detected\nDETAIL:  Process %d waits for ShareLock on transaction %d; blocked by process 5127.\nProcess 5127 waits for ShareLock on transaction %d; blocked by process %d.\nHINT:  See server log for query details." % (JOB_PID, JOB_XID + 9121, JOB_XID, JOB_PID))
rj(dj + timedelta(milliseconds=15), "INFO", "reconcile.main", "exiting with status 1")
pgl(dj + timedelta(milliseconds=16), JOB_PID, "reconcile@orders/reconcile-job", "LOG", "disconnection: session time: 0:06:31.259 user=reconcile database=orders host=10.42.2.77 port=51544")

# -------------------------------------------------------------- request flow
def blocked_prob(t):
    if t < LOCK_START or t > JOB_DEAD:
        return 0.0
    x = (t - LOCK_START).total_seconds()
    return min(0.92, 0.15 + x / 110.0)


inflight = []  # (end_time) of checkout requests holding a pool conn
POOL = 20


def pool_busy(t):
    global inflight
    inflight = [e for e in inflight if e > t]
    return len(inflight)


last_deadlock = [LOCK_START]
for t in poisson_times(START, END, 1.45):
    rid = hexid(32)
    cust = R.randint(1000, 99999)
    order = "ord_%s" % alnum(10)
    ups = R.choice(CO_PODS)
    items = R.randint(1, 6)
    bp = blocked_prob(t)
    if pool_busy(t) >= POOL:
        # waiting for a pool connection; pgxpool acquire honours the 3s acquire timeout
        d = 3.0 + R.uniform(0.001, 0.02)
        co(t + timedelta(seconds=d), "error", "store/pg.go:77", "acquire connection from pool",
           request_id=rid, pool="orders-db", max_conns=POOL, acquired=POOL, wait_ms=int(d * 1000),
           error="failed to connect to `host=orders-db user=checkout database=orders`: context deadline exceeded")
        co(t + timedelta(seconds=d + 0.0004), "error", "http/checkout.go:142", "checkout failed",
           request_id=rid, customer_id=cust, status=503, latency_ms=int(d * 1000), error="store: acquire conn: context deadline exceeded")
        ngx(t, "POST", "/api/v2/checkout", 503, 61, d + 0.003, "checkout-api", ups, rid)
        continue
    if R.random() < bp:
        # lock wait path: lock_timeout=5s, retried up to 3 times by the service
        total = 0.0
        ok = False
        for attempt in range(1, 4):
            p = newpid()
            at = t + timedelta(seconds=total + 0.012)
            # deadlock instead of a lock timeout, now and then
            if (at - last_deadlock[0]).total_seconds() > R.uniform(25, 45) and attempt == 1:
                last_deadlock[0] = at
                dt_ = at + timedelta(seconds=1.0 + R.uniform(0.0, 0.01))
                xid = JOB_XID + R.randint(800, 9000)
                pgl(dt_, p, "checkout@orders/checkout-api", "ERROR", "deadlock detected")
                S.add(PG, dt_, pg(dt_, p, "DETAIL", "Process %d waits for ShareLock on transaction %d; blocked by process %d.\n\tProcess %d waits for ShareLock on transaction %d; blocked by process %d.\n\tProcess %d: %s\n\tProcess %d: UPDATE orders SET settled_at = now() WHERE customer_id = ANY($1) AND settled_at IS NULL" % (
                    p, JOB_XID, JOB_PID, JOB_PID, xid, p, p, BAL_SQL, JOB_PID), "checkout@orders/checkout-api"))
                S.add(PG, dt_, pg(dt_, p, "HINT", "See server log for query details.", "checkout@orders/checkout-api"))
                S.add(PG, dt_, pg(dt_, p, "CONTEXT", 'while updating tuple (%d,%d) in relation "customer_balances"' % (R.randint(100, 9000), R.randint(1, 60)), "checkout@orders/checkout-api"))
                S.add(PG, dt_, pg(dt_, p, "STATEMENT", BAL_SQL, "checkout@orders/checkout-api"))
                co(dt_ + timedelta(milliseconds=2), "warn", "store/orders.go:203", "order transaction aborted, retrying",
                   request_id=rid, order_id=order, attempt=attempt, backoff_ms=100,
                   error="ERROR: deadlock detected (SQLSTATE 40P01)")
                total += 1.0 + 0.1
                continue
            w1 = at + timedelta(seconds=1.0 + R.uniform(0.0, 0.003))
            pgl(w1, p, "checkout@orders/checkout-api", "LOG", "process %d still waiting for ShareLock on transaction %d after 1000.%03d ms" % (p, JOB_XID, R.randint(40, 200)))
            S.add(PG, w1, pg(w1, p, "DETAIL", "Process holding the lock: %d. Wait queue: %d." % (JOB_PID, p), "checkout@orders/checkout-api"))
            S.add(PG, w1, pg(w1, p, "CONTEXT", 'while updating tuple (%d,%d) in relation "customer_balances"' % (R.randint(100, 9000), R.randint(1, 60)), "checkout@orders/checkout-api"))
            S.add(PG, w1, pg(w1, p, "STATEMENT", BAL_SQL, "checkout@orders/checkout-api"))
            # still blocked at this moment?
            if R.random() < blocked_prob(at + timedelta(seconds=5)) or attempt == 1:
                e = at + timedelta(seconds=5.0 + R.uniform(0.0, 0.004))
                pgl(e, p, "checkout@orders/checkout-api", "ERROR", "canceling statement due to lock timeout")
                S.add(PG, e, pg(e, p, "CONTEXT", 'while updating tuple (%d,%d) in relation "customer_balances"' % (R.randint(100, 9000), R.randint(1, 60)), "checkout@orders/checkout-api"))
                S.add(PG, e, pg(e, p, "STATEMENT", BAL_SQL, "checkout@orders/checkout-api"))
                co(e + timedelta(milliseconds=1), "warn", "store/orders.go:203", "order transaction aborted, retrying",
                   request_id=rid, order_id=order, attempt=attempt, backoff_ms=100 * attempt,
                   error="ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)")
                total += 5.0 + 0.1 * attempt
            else:
                total += R.uniform(1.2, 3.0)
                ok = True
                break
        inflight.append(t + timedelta(seconds=total))
        if ok and total < 15:
            co(t + timedelta(seconds=total), "info", "http/checkout.go:131", "order placed", request_id=rid, order_id=order, customer_id=cust,
               items=items, latency_ms=int(total * 1000))
            ngx(t, "POST", "/api/v2/checkout", 201, 412, total + 0.004, "checkout-api", ups, rid)
        elif total >= 15:
            # nginx proxy_read_timeout 15s fires first
            conn_no[0] += 1
            S.add(NGXE, t + timedelta(seconds=15), nginx_err(t + timedelta(seconds=15), "error", 31, conn_no[0],
                  'upstream timed out (110: Connection timed out) while reading response header from upstream, client: %s, server: shop.acme-retail.com, request: "POST /api/v2/checkout HTTP/1.1", upstream: "http://%s/api/v2/checkout", host: "shop.acme-retail.com"' % (ip("203.0"), ups)))
            ngx(t, "POST", "/api/v2/checkout", 504, 167, 15.001, "checkout-api", ups, rid, uht=-1)
            co(t + timedelta(seconds=total + 0.01), "error", "http/checkout.go:142", "checkout failed", request_id=rid, customer_id=cust,
               status=500, latency_ms=int(total * 1000), error="store: update customer_balances: context canceled")
        else:
            co(t + timedelta(seconds=total), "error", "http/checkout.go:142", "checkout failed", request_id=rid, customer_id=cust,
               status=500, latency_ms=int(total * 1000), error="store: update customer_balances: ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)")
            ngx(t, "POST", "/api/v2/checkout", 500, 88, total + 0.003, "checkout-api", ups, rid)
        continue
    # normal path
    d = logn(140, 0.35) / 1000
    S.add(INV, t + timedelta(seconds=0.02), zap(t + timedelta(seconds=0.02), "info", "reserve/handler.go:58", "reserved stock", order_id=order, lines=items, latency_ms=round(R.uniform(3, 18), 1)))
    co(t + timedelta(seconds=d), "info", "http/checkout.go:131", "order placed", request_id=rid, order_id=order, customer_id=cust, items=items, latency_ms=int(d * 1000))
    ngx(t, "POST", "/api/v2/checkout", 201, 412, d + 0.004, "checkout-api", ups, rid)

# cart + catalog traffic through the gateway (not affected)
for t in poisson_times(START, END, 2.1):
    rid = hexid(32)
    d = logn(18, 0.4) / 1000
    ngx(t, R.choice(["GET", "GET", "POST", "DELETE"]), R.choice(["/api/v2/cart", "/api/v2/cart/items"]), R.choice([200] * 40 + [404, 400]), R.randint(80, 1900), d, "cart-svc", R.choice(CART_PODS), rid)
    if R.random() < 0.08:
        S.add(CART, t + timedelta(seconds=d), zap(t + timedelta(seconds=d), "info", "cart/service.go:91", "cart merged", session=alnum(16), items=R.randint(1, 9)))
for t in poisson_times(START, END, 2.6):
    rid = hexid(32)
    d = logn(35, 0.5) / 1000
    ngx(t, "GET", R.choice(["/api/v2/products?page=%d" % R.randint(1, 30), "/api/v2/products/SKU-%05d" % R.randint(1, 40000), "/api/v2/search?q=" + R.choice(["boots", "lamp", "desk", "socks"])]),
        R.choice([200] * 60 + [404]), R.randint(900, 24000), d, "catalog-svc", R.choice(CAT_PODS), rid)
for t in every(START, END, 30, jitter=1):
    S.add(CART, t, zap(t, "info", "redis/pool.go:40", "redis pool stats", addr="session-cache:6379", total_conns=R.randint(8, 12), idle_conns=R.randint(5, 10), stale_conns=0))
    S.add(INV, t, zap(t, "info", "stock/sync.go:22", "stock snapshot refreshed", skus=40211, took_ms=R.randint(80, 140)))

# a few garbage lines
for _ in range(3):
    t = START + timedelta(seconds=R.uniform(0, 1900))
    S.add(CO, t, garbage())

S.write()
