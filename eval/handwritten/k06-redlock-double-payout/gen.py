#!/usr/bin/env python3
"""k06: payout-worker (2 replicas, Go, redsync lock 'payouts:run' with a 90 s TTL and no
extension) runs every minute. At month-end (22:00) the batch is ~1,700 payouts instead of
~40 and takes ~8 minutes; the lock expires at 22:01:30 and replica 1 acquires it at 22:02,
loads the same PENDING rows (status is only flipped at the end of a run) and processes
them again: bank-connector executes duplicate transfers (silently), ledger-service fails
every duplicate with a unique-key violation (500) after having already moved the balance
row, so merchant balances drift and merchant-api's balance endpoint starts failing the
ledger invariant check (500s at the ALB). Root evidence is INFO lines plus one
'failed to unlock, lock was already expired' at the end.
Red herrings: merchant-api deploy 21:58:40, ledger-postgres duplicate-key ERROR flood,
bank-connector partner latency warnings, ledger retry noise.
Python 3 standard library only; fixed seed; rewrites logs/ beside itself."""
import json
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

SLUG = "k06-redlock-double-payout"
OUT = Path(__file__).resolve().parent / "logs"
rng = random.Random(3103)
UTC = timezone.utc
BASE = datetime(2026, 3, 31, 21, 35, 0, tzinfo=UTC)
END = 55 * 60.0
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
    return dt(t).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def hexid(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


MONTH_END = 25 * 60.0                  # 22:00:00
MERCHANT_DEPLOY = 23 * 60 + 40.0       # 21:58:40
LOCK_TTL = 90.0
WORKERS = ["payout-worker-0", "payout-worker-1"]
LEDGER = ["ledger-service-6f7c8d9b5-k4xq2", "ledger-service-6f7c8d9b5-v8n3r"]
BANK = "bank-connector-7b9c6d5f8-j2m4t"
MAPI_OLD = ["merchant-api-5d8f7c6b9-h7x2k", "merchant-api-5d8f7c6b9-q3w9z"]
MAPI_NEW = ["merchant-api-84c9d7e6f-b5n8p", "merchant-api-84c9d7e6f-t2k6v"]
MAPI_IP = {MAPI_OLD[0]: "10.0.2.15", MAPI_OLD[1]: "10.0.3.44", MAPI_NEW[0]: "10.0.2.71", MAPI_NEW[1]: "10.0.3.18"}
MERCHANTS = ["m_%s" % hexid(10) for _ in range(1500)]
CORRUPT = {}      # merchant -> time of first drift
PG_PID = [41200]


# ------------------------------------------------------------------ writers
def zl(worker, t, level, msg, **kv):
    rec = {"level": level}
    rec.update(kv)
    rec["time"] = iso_ms(t)
    rec["message"] = msg
    emit("payout-worker/%s.log" % worker, t, json.dumps(rec, separators=(",", ":")))


def logback(pod, t, level, thread, logger, msg, exc=None):
    d = dt(t)
    s = "%s.%03d %-5s [ledger-service,%s] [%s] %s - %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, level, hexid(16), thread, logger, msg)
    if exc:
        s += "\n" + exc
    emit("ledger-service/%s.log" % pod, t, s)


def pg(t, pid, sev, msg, user="ledger", db="ledger"):
    d = dt(t)
    emit("ledger-postgres/postgresql-2026-03-31_213500.log", t, "%s.%03d UTC [%d] %s@%s %s:  %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, pid, user, db, sev, msg))


def pg_sys(t, pid, sev, msg):
    d = dt(t)
    emit("ledger-postgres/postgresql-2026-03-31_213500.log", t, "%s.%03d UTC [%d] %s:  %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, pid, sev, msg))


def nlog(t, level, logger, msg, exc=None):
    d = dt(t)
    s = "%s.%04d|%s|%s|%s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 100, level, logger, msg)
    if exc:
        s += "|" + exc
    emit("bank-connector/%s.log" % BANK, t, s)


def bunyan(pod, t, level, msg, **kv):
    rec = {"name": "merchant-api", "hostname": pod, "pid": 1}
    rec.update(kv)
    rec["level"] = level
    rec["msg"] = msg
    rec["time"] = iso_ms(t)
    rec["v"] = 0
    emit("merchant-api/%s.log" % pod, t, json.dumps(rec, separators=(",", ":")))


def alb(t, client, target, status_t, status_e, method, url, ua, req_t, tgt_t, resp_t, rx, tx):
    d = dt(t)
    trace = "Root=1-%08x-%s" % (int(d.timestamp()), hexid(24))
    line = ('https %s app/api-gateway/50dc6c495c0c9188 %s:%d %s %.3f %.3f %.3f %s %s %d %d "%s %s HTTP/1.1" "%s" '
            'ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/merchant-api-tg/6d0ecf831eec9f09 '
            '"%s" "merchant.example.com" "arn:aws:acm:eu-west-1:123456789012:certificate/4b1d3c9e-2f7a-4c8e-9d1b-7e6a5f4c3b2a" 0 %s "forward" "-" "-" "%s" "%s" "-" "-" TID_%s') % (
        dt(t + req_t + tgt_t + resp_t).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), client, rng.randint(1024, 65535), target or "-",
        req_t, tgt_t, resp_t, status_e, status_t, rx, tx, method, url, ua, trace, iso_us(t), target or "-", status_t, hexid(32))
    hour = "2200" if d.hour >= 22 else "2135"
    emit("api-gateway/123456789012_elasticloadbalancing_eu-west-1_app.api-gateway.50dc6c495c0c9188_20260331T%sZ_10.0.1.37_4fq2k8mz.log" % hour, t + req_t + tgt_t + resp_t, line)


# ------------------------------------------------------------------ ledger / bank behaviour
def bank_transfer(t, worker, payout, merchant, amount):
    d = rng.uniform(0.06, 0.14)
    ref = "TRX%012d" % rng.randint(10 ** 11, 10 ** 12 - 1)
    nlog(t + d, "INFO", "BankConnector.Transfers.TransferService", "Transfer submitted payout=%s merchant=%s amount=%.2f EUR partner_ref=%s" % (payout, merchant, amount, ref))
    return d


def ledger_post(t, worker, payout, merchant, amount, duplicate):
    pod = rng.choice(LEDGER)
    thread = "http-nio-8080-exec-%d" % rng.randint(1, 50)
    d = rng.uniform(0.008, 0.03)
    PG_PID[0] += 0
    if not duplicate:
        return 201, d
    pid = rng.choice([41288, 41291, 41302, 41317, 41340, 41355])
    # balance UPDATE already auto-committed; the entry INSERT then fails
    pg(t + d * 0.6, pid, "ERROR", 'duplicate key value violates unique constraint "ledger_entries_payout_id_entry_type_key"')
    pg(t + d * 0.6, pid, "DETAIL", "Key (payout_id, entry_type)=(%s, PAYOUT_DEBIT) already exists." % payout)
    pg(t + d * 0.6, pid, "STATEMENT", "insert into ledger_entries (amount,created_at,currency,entry_type,merchant_id,payout_id,id) values ($1,$2,$3,$4,$5,$6,$7)")
    logback(pod, t + d * 0.7, "WARN", thread, "o.h.engine.jdbc.spi.SqlExceptionHelper", "SQL Error: 0, SQLState: 23505")
    logback(pod, t + d * 0.7, "ERROR", thread, "o.h.engine.jdbc.spi.SqlExceptionHelper",
            "ERROR: duplicate key value violates unique constraint \"ledger_entries_payout_id_entry_type_key\"\n  Detail: Key (payout_id, entry_type)=(%s, PAYOUT_DEBIT) already exists." % payout)
    logback(pod, t + d * 0.8, "ERROR", thread, "c.e.ledger.web.ApiExceptionHandler",
            "Unhandled exception on POST /v1/entries (payout=%s)" % payout,
            "org.springframework.dao.DataIntegrityViolationException: could not execute statement [ERROR: duplicate key value violates unique constraint \"ledger_entries_payout_id_entry_type_key\"\n"
            "  Detail: Key (payout_id, entry_type)=(%s, PAYOUT_DEBIT) already exists.] [insert into ledger_entries (amount,created_at,currency,entry_type,merchant_id,payout_id,id) values (?,?,?,?,?,?,?)]; SQL [insert into ledger_entries (amount,created_at,currency,entry_type,merchant_id,payout_id,id) values (?,?,?,?,?,?,?)]; constraint [ledger_entries_payout_id_entry_type_key]\n"
            "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:290)\n"
            "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.translateExceptionIfPossible(HibernateJpaDialect.java:241)\n"
            "\tat com.example.ledger.entries.EntryService.postPayoutDebit(EntryService.java:118)\n"
            "\tat com.example.ledger.web.EntryController.create(EntryController.java:54)\n"
            "\t... 87 common frames omitted" % payout)
    if merchant not in CORRUPT:
        CORRUPT[merchant] = t + d
    return 500, d


# ------------------------------------------------------------------ payout runs
class Run:
    pass


def payout_batch(n):
    out = []
    for _ in range(n):
        out.append(("po_%s" % hexid(14), rng.choice(MERCHANTS), round(rng.lognormvariate(5.5, 1.0), 2)))
    return out


DONE_BY = {}   # payout -> time first processed


def do_run(worker, t0, batch, run_id, month_end=False):
    zl(worker, t0, "info", "acquired run lock", lock="payouts:run", ttl="1m30s", redis="payout-locks-redis.payments.svc.cluster.local:6379")
    zl(worker, t0 + 0.02, "info", "payout run started", run_id=run_id, pending=len(batch), cutoff=dt(t0).strftime("%Y-%m-%dT%H:%M:%SZ"))
    cur = t0 + rng.uniform(0.05, 0.2)
    dupes = 0
    for i, (po, m, amt) in enumerate(batch):
        dup = po in DONE_BY
        cur += bank_transfer(cur, worker, po, m, amt)
        st, d = ledger_post(cur, worker, po, m, amt, dup)
        cur += d
        if st != 201:
            dupes += 1
            zl(worker, cur, "error", "ledger post failed", run_id=run_id, payout_id=po, merchant_id=m, status=st,
               error="ledger-service: POST http://ledger-service.payments.svc.cluster.local:8080/v1/entries: unexpected status 500 Internal Server Error",
               action="marking payout for manual review")
        else:
            DONE_BY.setdefault(po, cur)
        cur += rng.uniform(0.02, 0.06) if month_end else rng.uniform(0.02, 0.08)
        if month_end and (i + 1) % 250 == 0:
            zl(worker, cur, "info", "payout run progress", run_id=run_id, processed=i + 1, pending=len(batch))
    cur += 0.1
    zl(worker, cur, "info", "payout run finished", run_id=run_id, processed=len(batch), ledger_failures=dupes, duration="%.3fs" % (cur - t0))
    zl(worker, cur + 0.01, "info", "payouts marked PAID", run_id=run_id, rows=len(batch) - dupes)
    if cur - t0 > LOCK_TTL:
        zl(worker, cur + 0.02, "error", "failed to release run lock", lock="payouts:run", error="redsync: failed to unlock, lock was already expired")
    else:
        zl(worker, cur + 0.02, "info", "released run lock", lock="payouts:run")
    return cur


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)

    # ---------------- scheduling: both replicas tick every minute (+jitter); whoever gets the lock runs
    lock_until = -1.0
    busy_until = {w: -1.0 for w in WORKERS}
    root_start = None
    minute = 0
    run_no = 8800
    month_end_batch = payout_batch(1100)
    me_busy = {}
    dup_done = False
    while minute * 60 < END:
        tick = minute * 60.0
        order = sorted(WORKERS, key=lambda w: rng.random())
        for w in order:
            tt = tick + (0.01 if w == WORKERS[0] else 0.35) + rng.uniform(0, 0.2)
            if busy_until[w] > tt:
                zl(w, tt, "warn", "previous payout run still in progress, skipping tick", lock="payouts:run")
                continue
            if lock_until > tt:
                zl(w, tt, "info", "run lock held elsewhere, skipping", lock="payouts:run", error="redsync: failed to acquire lock")
                continue
            run_no += 1
            lock_until = tt + LOCK_TTL
            if tick == MONTH_END:
                end = do_run(w, tt, month_end_batch, "run_%d" % run_no, month_end=True)
                me_busy[w] = end
            elif not dup_done and any(v > tt for k, v in me_busy.items() if k != w):
                # the lock expired while the other replica is still in its month-end run:
                # this replica selects the same PENDING rows
                root_start = root_start or tt
                dup_done = True
                end = do_run(w, tt, month_end_batch, "run_%d" % run_no, month_end=True)
            else:
                end = do_run(w, tt, payout_batch(rng.randint(18, 60)), "run_%d" % run_no)
            busy_until[w] = end
            if end - tt < LOCK_TTL:
                lock_until = end + 0.02
        minute += 1
    for w in WORKERS:
        zl(w, 0.5, "info", "payout scheduler running", schedule="@every 1m", lock_ttl="1m30s", lock_extend="false", version="3.14.2")

    # ---------------- merchant dashboard traffic via the ALB
    clients = ["%d.%d.%d.%d" % (rng.choice([5, 31, 62, 81, 89, 94, 151, 213]), rng.randint(1, 254), rng.randint(1, 254), rng.randint(1, 254)) for _ in range(400)]
    uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
           "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
           "MerchantApp/3.2.0 (iPad; iPadOS 17.4)", "MerchantApp/3.2.0 (Android 14)"]
    t = 0.0
    while t < END:
        t += rng.expovariate(0.8)
        if t >= END:
            break
        pods = MAPI_OLD if t < MERCHANT_DEPLOY + 20 else MAPI_NEW
        if MERCHANT_DEPLOY <= t < MERCHANT_DEPLOY + 20:
            pods = [MAPI_OLD[0], MAPI_NEW[0]]
        pod = rng.choice(pods)
        m = rng.choice(MERCHANTS)
        c = rng.choice(clients)
        ua = rng.choice(uas)
        route = rng.choice(["balance", "balance", "payouts", "payouts", "transactions", "profile"])
        rid = uuid4()
        url = {"balance": "/api/v1/balance", "payouts": "/api/v1/payouts?limit=25", "transactions": "/api/v1/transactions?from=2026-03-01", "profile": "/api/v1/profile"}[route]
        lat = rng.uniform(0.015, 0.09)
        status = 200
        if route == "balance":
            lpod = rng.choice(LEDGER)
            if m in CORRUPT and CORRUPT[m] < t:
                status = 500
                logback(lpod, t + lat * 0.8, "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 50), "c.e.ledger.web.ApiExceptionHandler",
                        "Unhandled exception on GET /v1/merchants/%s/balance" % m,
                        "java.lang.IllegalStateException: Ledger invariant violated for merchant %s: balance row available=%.2f != sum(entries)=%.2f\n"
                        "\tat com.example.ledger.balance.BalanceService.verifiedBalance(BalanceService.java:93)\n"
                        "\tat com.example.ledger.web.BalanceController.get(BalanceController.java:31)\n"
                        "\t... 84 common frames omitted" % (m, rng.uniform(100, 9000), rng.uniform(100, 9000)))
                bunyan(pod, t + lat, 50, "ledger balance lookup failed", req_id=rid, merchantId=m,
                       err={"message": "Request failed with status code 500", "name": "AxiosError", "code": "ERR_BAD_RESPONSE",
                            "stack": "AxiosError: Request failed with status code 500\n    at settle (/app/node_modules/axios/dist/node/axios.cjs:1983:12)\n    at IncomingMessage.handleStreamEnd (/app/node_modules/axios/dist/node/axios.cjs:3085:11)\n    at IncomingMessage.emit (node:events:530:35)\n    at endReadableNT (node:internal/streams/readable:1696:12)\n    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)\n    at async LedgerClient.balance (/app/src/clients/ledger.js:41:17)"},
                       upstream="http://ledger-service.payments.svc.cluster.local:8080/v1/merchants/%s/balance" % m)
        bunyan(pod, t + lat + 0.001, 30 if status < 500 else 50, "request completed", req_id=rid, req={"method": "GET", "url": url, "remoteAddress": "::ffff:10.0.1.37"},
               res={"statusCode": status}, merchantId=m, latency=int(lat * 1000))
        alb(t, c, "%s:3000" % MAPI_IP[pod], str(status), str(status), "GET", "https://merchant.example.com:443" + url, ua, 0.0, lat + 0.002, 0.0,
            rng.randint(300, 900), rng.randint(400, 6000) if status == 200 else 187)
    # ---------------- merchant-api deploy (red herring) + background
    for i, pod in enumerate(MAPI_NEW):
        t0 = MERCHANT_DEPLOY + i * 9
        bunyan(pod, t0, 30, "merchant-api starting", version="2.27.0", commit="e5d1f09", node="v20.11.1")
        bunyan(pod, t0 + 0.8, 40, "DEPRECATION: config key LEDGER_TIMEOUT is deprecated, use LEDGER_HTTP_TIMEOUT_MS")
        bunyan(pod, t0 + 1.2, 30, "listening", port=3000)
    for pod in MAPI_OLD:
        bunyan(pod, MERCHANT_DEPLOY + 19.5, 30, "received SIGTERM, draining connections")
        bunyan(pod, MERCHANT_DEPLOY + 20.4, 30, "server closed")
    for pod in MAPI_OLD + MAPI_NEW:
        start = 0 if pod in MAPI_OLD else MERCHANT_DEPLOY + 10
        stop = MERCHANT_DEPLOY + 20 if pod in MAPI_OLD else END
        t = start + rng.uniform(60, 300)
        while t < stop:
            bunyan(pod, t, 40, "slow upstream response", upstream="fx-rates", latencyMs=rng.randint(1200, 3000))
            t += rng.uniform(300, 700)

    # ---------------- ledger-service background
    for pod in LEDGER:
        t = rng.uniform(0, 60)
        while t < END:
            logback(pod, t, "INFO", "scheduling-1", "c.e.ledger.recon.SettlementReconciler", "Reconciled %d settlement lines against bank statement (0 breaks)" % rng.randint(10, 80))
            t += 300
        t = rng.uniform(100, 500)
        while t < END:
            logback(pod, t, "WARN", "HikariPool-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m2s1ms).")
            t += rng.uniform(900, 1600)

    # ---------------- ledger-postgres background
    t = 30.0
    while t < END:
        pg_sys(t, 88, "LOG", "checkpoint starting: time")
        w = rng.randint(900, 5200)
        pg_sys(t + 60 + rng.uniform(0, 30), 88, "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=0.004 s, total=%.3f s; sync files=%d, longest=0.002 s, average=0.001 s; distance=%d kB, estimate=%d kB; lsn=4A/%08X, redo lsn=4A/%08X" % (
            w, w / 1310.72, rng.randint(1, 4), rng.uniform(60, 89), rng.uniform(60, 90), rng.randint(20, 60), rng.randint(9000, 40000), rng.randint(30000, 45000), rng.getrandbits(32), rng.getrandbits(32)))
        t += 300
    t = rng.uniform(100, 400)
    while t < END:
        pid = rng.randint(42000, 48000)
        pg(t, pid, "ERROR", "canceling statement due to statement timeout", user="reporting", db="ledger")
        pg(t, pid, "STATEMENT", "SELECT merchant_id, date_trunc('day', created_at) AS d, sum(amount) FROM ledger_entries WHERE created_at >= $1 GROUP BY 1, 2 ORDER BY 1, 2", user="reporting", db="ledger")
        t += rng.uniform(400, 900)
    t = rng.uniform(50, 200)
    while t < END:
        pg(t, rng.randint(42000, 48000), "LOG", "could not receive data from client: Connection reset by peer", user="reporting", db="ledger")
        t += rng.uniform(300, 800)
    pg_sys(18 * 60 + 2.1, 9912, "LOG", 'automatic vacuum of table "ledger.public.ledger_entries": index scans: 1\n\tpages: 0 removed, 412233 remain, 8123 scanned (1.97% of total)\n\ttuples: 2212 removed, 9812331 remain, 0 are dead but not yet removable\n\tremovable cutoff: 88123412, which was 12 XIDs old when operation ended\n\tindex scan needed: 1211 pages from table (0.29% of total) had 2212 dead item identifiers removed\n\tavg read rate: 12.412 MB/s, avg write rate: 3.109 MB/s\n\tbuffer usage: 16991 hits, 1232 misses, 309 dirtied\n\tWAL usage: 3212 records, 312 full page images, 1882312 bytes\n\tsystem usage: CPU: user: 0.41 s, system: 0.03 s, elapsed: 0.77 s')

    # ---------------- bank-connector background: partner latency warnings, token refresh
    t = rng.uniform(30, 200)
    while t < END:
        nlog(t, "WARN", "BankConnector.Partner.PartnerApiClient", "Partner API latency %dms exceeds 2000ms threshold (endpoint=/v2/credit-transfers)" % rng.randint(2050, 4800))
        t += rng.uniform(200, 500)
    t = 10.0
    while t < END:
        nlog(t, "INFO", "BankConnector.Partner.TokenProvider", "OAuth token refreshed, expires_in=3600")
        t += 1800

    for name, rows in FILES.items():
        rows.sort(key=lambda r: (r[0], r[1]))
        p = OUT / name
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            for _, _, text in rows:
                f.write(text)
                f.write("\n")
    print("double processing starts", iso_ms(root_start) if root_start else None, "corrupt merchants", len(CORRUPT))


if __name__ == "__main__":
    main()
