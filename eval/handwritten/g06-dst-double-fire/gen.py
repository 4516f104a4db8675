#!/usr/bin/env python3
"""Generate the logs/ tree for this case. Standard library only, byte-deterministic."""
import datetime as dt
import json
import os
import random
import shutil

# The set's shared helpers (ids, arrival times, file writers), kept once in g_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "g_common.py")).read())

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
rng = random.Random(251026)
UTC = dt.timezone.utc
CEST = dt.timezone(dt.timedelta(hours=2))
CET = dt.timezone(dt.timedelta(hours=1))


def E(h, mi, s=0.0):
    return dt.datetime(2026, 10, 25, h, mi, tzinfo=UTC).timestamp() + s


T_START = E(0, 10)
T_END = E(2, 10)
T_DST = E(1, 0)
RUN1 = E(0, 30, 0.004)
RUN2 = E(1, 30, 0.004)
T_PAUSE = E(1, 47, 12.0)
T_BACKUP = E(1, 0, 0.31)

ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"


def berlin(t):
    return dt.datetime.fromtimestamp(t, CEST if t < T_DST else CET)


MERCHANTS = ["m_%05d" % i for i in range(1, 3800)]
HOT = MERCHANTS[:260]


def contention(t):
    """0..1: how badly the ledger's balance rows are contended."""
    c = 0.0
    if RUN1 <= t < RUN1 + 460:
        c = 0.06
    if RUN2 + 4 <= t:
        c = 0.25 + 0.65 * ramp(t, RUN2 + 4, RUN2 + 150)
        if t >= T_PAUSE:
            c *= 1 - ramp(t, T_PAUSE, T_PAUSE + 240)
    return c


# ====================================================================== payout-scheduler (log4j2, local time)
sched = []


def slog4j(t, lvl, thread, logger, msg):
    d = berlin(t)
    sched.append((t, "%s,%03d %-5s [%s] %s - %s" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, lvl, thread,
                                                    logger, msg)))


ledger = []


def slog_text(t, level, msg, **kv):
    d = dt.datetime.fromtimestamp(t, UTC)
    ts = d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)
    parts = ["time=" + ts, "level=" + level, "msg=" + (json.dumps(msg) if " " in msg else msg)]
    for k, v in kv.items():
        if isinstance(v, str) and (" " in v or "=" in v or '"' in v):
            v = json.dumps(v)
        parts.append("%s=%s" % (k, v))
    ledger.append((t, " ".join(parts)))


crdb = []


def crdb_line(t, node, sev, gid, src, tags, counter, msg):
    d = dt.datetime.fromtimestamp(t, UTC)
    return (t, node, "%s%s %s.%06d %d %s ⋮ [%s] {CNT}  %s" % (sev, d.strftime("%y%m%d"), d.strftime("%H:%M:%S"),
                                                             d.microsecond, gid, src, tags, msg))


crdb_counter = {1: 3000, 2: 3000, 3: 3000}


def crdb_slow_query(t, node, stmt, age_ms, retries, app="ledger", user="ledger"):
    crdb_counter[node] += 1
    ev = {"Timestamp": int(t * 1e9), "EventType": "slow_query", "Statement": stmt, "Tag": stmt.split(" ")[0].strip("‹"),
          "User": user, "ApplicationName": app, "ExecMode": "exec", "NumRows": 1, "Age": round(age_ms, 3),
          "NumRetries": retries, "FullTableScan": False, "TxnCounter": rng.randint(1, 60)}
    crdb.append(crdb_line(t, node, "I", rng.randint(30000, 99999), "9@util/log/event_log.go:32",
                          "T1,Vsystem,n%d,client=10.50.3.%d:%d,hostssl,user=%s" % (node, rng.choice((21, 22, 23)),
                                                                                 rng.randint(40000, 60000), user),
                          crdb_counter[node], "=" + json.dumps(ev, separators=(",", ":"), ensure_ascii=False)))


RETRY_ERR = ("ERROR: restart transaction: TransactionRetryWithProtoRefreshError: WriteTooOldError: write for key "
             "/Table/112/1/\"%s\"/0 at timestamp %d.%09d,0 too old; must write at or above %d.%09d,1: "
             "\"sql txn\" meta={id=%s key=/Table/112/1/\"%s\"/0 iso=Serializable pri=0.%08d epo=0 ts=%d.%09d,1 "
             "min=%d.%09d,0 seq=2} lock=true stat=PENDING rts=%d.%09d,0 wto=false gul=%d.%09d,0 (SQLSTATE 40001)")


def retry_err(t, m):
    s = int(t)
    ns = int((t - s) * 1e9)
    return RETRY_ERR % (m, s, ns, s, ns + 1200, hexs(8), m, rng.randint(0, 99999999), s, ns + 1200, s, ns, s, ns,
                        s + 1, ns)


def run_batch(t0, run_no):
    run_id = "run_" + hexs(12)
    thread = "payout-batch-%d" % run_no
    slog4j(t0, "INFO", "sched-1", "c.a.payouts.sched.JobRunner",
           "Firing job nightly-payout-batch (cron '0 30 2 * * *', zone Europe/Berlin) scheduled for 2026-10-25T02:30")
    slog4j(t0 + 0.002, "INFO", thread, "c.a.payouts.batch.PayoutBatchJob",
           "Starting payout batch %s for business date 2026-10-24" % run_id)
    n_merch = rng.randint(3600, 3700)
    n_items = rng.randint(38000, 38600)
    tc = t0 + rng.uniform(10.5, 13.5)
    slog4j(tc, "INFO", thread, "c.a.payouts.batch.PayoutBatchJob",
           "Collected %d payout instructions for %d merchants (total EUR %s)" % (
               n_items, n_merch, "{:,.2f}".format(rng.uniform(9.1e6, 9.6e6))))
    chunks = (n_items + 499) // 500
    t = tc + rng.uniform(0.4, 0.9)
    accepted = rejected = failed = 0
    for c in range(1, chunks + 1):
        items = 500 if c < chunks else n_items - 500 * (chunks - 1)
        cont = contention(t)
        if run_no == 1 or cont < 0.01:
            dur = rng.uniform(0.55, 1.1) * (1 + 4 * cont)
            slog_text(t + dur, "INFO", "payout chunk applied", run=run_id, chunk=c, items=items, accepted=items,
                      dur_ms=int(dur * 1000))
            accepted += items
            t += dur + rng.uniform(4.0, 5.5)
            continue
        if t >= T_PAUSE:
            slog4j(t, "WARN", thread, "c.a.payouts.batch.PayoutBatchJob",
                   "Job paused by operator, abandoning run %s at chunk %d/%d" % (run_id, c, chunks))
            break
        dur = rng.uniform(4.0, 9.0) * (0.5 + cont)
        if dur > 15.0 or rng.random() < 0.25 * cont:
            dur = 15.0
            slog_text(t + dur, "ERROR", "payout chunk aborted", run=run_id, chunk=c, items=items,
                      err="context deadline exceeded", dur_ms=15000)
            slog4j(t + dur + 0.01, "WARN", thread, "c.a.payouts.client.LedgerClient",
                   "chunk %d/%d: POST http://ledger.payments.svc:8080/v1/payout-instructions:batch timed out after "
                   "15000 ms, chunk queued for re-drive" % (c, chunks))
            failed += items
            t += dur + 30.0
            continue
        n_rej = int(items * rng.uniform(0.78, 0.93))
        for _ in range(rng.randint(2, 5)):
            m = rng.choice(HOT)
            slog_text(t + rng.uniform(0.2, dur), "WARN", "txn retry", op="payouts.reserve", merchant=m,
                      attempt=rng.randint(1, 6), err=retry_err(t, m))
        slog_text(t + dur, "WARN", "payout chunk applied with rejections", run=run_id, chunk=c, items=items,
                  accepted=items - n_rej, rejected=n_rej, reason="insufficient_available_balance",
                  dur_ms=int(dur * 1000))
        slog4j(t + dur + 0.01, "WARN", thread, "c.a.payouts.client.LedgerClient",
               "chunk %d/%d: 207 Multi-Status, %d of %d instructions rejected (insufficient_available_balance)" % (
                   c, chunks, n_rej, items))
        for _ in range(2):
            crdb_slow_query(t + rng.uniform(0.3, dur), rng.choice((1, 2, 3)),
                            "UPDATE ledger.public.merchant_balances SET available_minor = available_minor - ‹$1›, "
                            "reserved_minor = reserved_minor + ‹$1›, updated_at = now() WHERE merchant_id = ‹$2›",
                            rng.uniform(900, 9000) * (0.4 + cont), rng.randint(2, 9))
        accepted += items - n_rej
        rejected += n_rej
        t += dur + rng.uniform(2.0, 4.0)
    else:
        slog4j(t, "INFO", thread, "c.a.payouts.batch.PayoutBatchJob",
               "Payout batch %s finished: %d accepted, %d rejected, %d failed in %.1fs" % (
                   run_id, accepted, rejected, failed, t - t0))
        left = (RUN2 if run_no == 1 else E(1, 30, 0.004) + 86400) - (t + 0.003)
        nxt = "%s (in %s%dm %ds)" % ("2026-10-25T02:30" if run_no == 1 else "2026-10-26T02:30",
                                      ("%dh " % int(left // 3600)) if left >= 3600 else "",
                                      int(left % 3600 // 60), int(left % 60))
        slog4j(t + 0.003, "INFO", "sched-1", "c.a.payouts.sched.JobRunner", "Next fire for nightly-payout-batch: %s" % nxt)
        return
    left = E(1, 30, 0.004) + 86400 - (t + 0.003)
    slog4j(t + 0.003, "INFO", "sched-1", "c.a.payouts.sched.JobRunner",
           "Next fire for nightly-payout-batch: 2026-10-26T02:30 (in %dh %dm %ds)" % (
               int(left // 3600), int(left % 3600 // 60), int(left % 60)))


run_batch(RUN1, 1)
run_batch(RUN2, 2)
slog4j(T_PAUSE - 0.4, "INFO", "http-nio-8081-exec-3", "c.a.payouts.admin.JobAdminController",
       "PATCH /admin/jobs/nightly-payout-batch {\"paused\":true} by ops:lvanrijn")
for t in arrivals(T_START, T_END, 1 / 300.0):
    slog4j(t, "INFO", "sched-1", "c.a.payouts.sched.JobRunner",
           "heartbeat: 6 jobs registered, 0 running" if not (RUN1 < t < RUN1 + 480 or RUN2 < t < T_PAUSE + 60) else
           "heartbeat: 6 jobs registered, 1 running")
for t in arrivals(T_START, T_END, 1 / 600.0):
    slog4j(t, "INFO", "sched-2", "c.a.payouts.sched.JobRunner",
           "Firing job fx-rate-snapshot (cron '0 */10 * * * *', zone UTC)")

# ====================================================================== payout-executor settles run-1 payouts
for t in arrivals(RUN1 + 600, E(2, 5), 1 / 60.0):
    cont = contention(t)
    n = int(rng.uniform(420, 520) * (1 - 0.6 * cont))
    slog_text(t, "INFO", "settlement progress", source="payout-executor", settled=n, window="60s",
              p99_ms=int(rng.uniform(40, 90) * (1 + 30 * cont)))

# ====================================================================== merchant-api (Sinatra/Puma) and ledger reads
merchant = []


def rack_time(t):
    d = berlin(t)
    return d.strftime("%d/%b/%Y:%H:%M:%S %z")


def ruby_log(t, sev, pid, msg):
    d = berlin(t)
    return "%s, [%s.%06d #%d] %5s -- : %s" % (sev[0], d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond, pid, sev, msg)


RUBY_BT = [
    "/usr/local/lib/ruby/3.3.0/net/protocol.rb:229:in `rbuf_fill'",
    "/usr/local/lib/ruby/3.3.0/net/protocol.rb:199:in `readuntil'",
    "/usr/local/lib/ruby/3.3.0/net/protocol.rb:209:in `readline'",
    "/usr/local/lib/ruby/3.3.0/net/http/response.rb:158:in `read_status_line'",
    "/usr/local/bundle/gems/faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb:111:in `request_with_wrapped_block'",
    "/app/lib/clients/ledger_client.rb:41:in `balance'",
    "/app/app/routes/balance.rb:12:in `block in <class:BalanceRoutes>'",
]
PUMA_PIDS = [41, 47, 53]

for t in arrivals(T_START, T_END, 2.4):
    m = rng.choice(HOT) if rng.random() < 0.4 else rng.choice(MERCHANTS)
    ip = "10.50.1.%d" % rng.choice((7, 8, 9))
    pid = rng.choice(PUMA_PIDS)
    x = rng.random()
    cont = contention(t)
    if x < 0.55:
        hot = m in HOT
        ms = rng.lognormvariate(2.0, 0.4)
        if cont and hot:
            ms += rng.expovariate(1.0 / (6000 * cont))
        elif cont:
            ms += rng.expovariate(1.0 / (250 * cont))
        path = "/v1/merchants/%s/balance" % m
        if ms > 5000:
            slog_text(t + 5.0, "ERROR", "http", method="GET", path=path, status=503, dur_ms=5000,
                      err="context deadline exceeded", remote=ip)
            merchant.append((t + 5.02, ruby_log(t + 5.02, "ERROR", pid,
                                                "Faraday::TimeoutError: Net::ReadTimeout with #<TCPSocket:(closed)> "
                                                "(GET http://ledger.payments.svc:8080%s)" % path)))
            merchant.append((t + 5.021, "\n".join(RUBY_BT)))
            merchant.append((t + 5.03, '%s - - [%s] "GET /api/v1/balance HTTP/1.1" 504 61 %.4f' % (
                ip, rack_time(t + 5.03), 5.03)))
        else:
            slog_text(t + ms / 1000.0, "INFO", "http", method="GET", path=path, status=200, dur_ms=int(ms), remote=ip)
            merchant.append((t + ms / 1000.0 + 0.004, '%s - - [%s] "GET /api/v1/balance HTTP/1.1" 200 %d %.4f' % (
                ip, rack_time(t + ms / 1000.0 + 0.004), rng.randint(380, 520), ms / 1000.0 + 0.004)))
    elif x < 0.75:
        ms = rng.lognormvariate(2.6, 0.5) * (1 + 3 * cont)
        path = "/v1/merchants/%s/payouts?limit=20" % m
        slog_text(t + ms / 1000.0, "INFO", "http", method="GET", path=path, status=200, dur_ms=int(ms), remote=ip)
        merchant.append((t + ms / 1000.0 + 0.005, '%s - - [%s] "GET /api/v1/payouts?page=1 HTTP/1.1" 200 %d %.4f' % (
            ip, rack_time(t + ms / 1000.0 + 0.005), rng.randint(2000, 9000), ms / 1000.0 + 0.005)))
    else:
        p = rng.choice(["/api/v1/profile", "/api/v1/terminals", "/api/v1/notifications?unread=1", "/healthz"])
        ms = rng.uniform(2, 25)
        merchant.append((t + ms / 1000.0, '%s - - [%s] "GET %s HTTP/1.1" 200 %d %.4f' % (
            ip, rack_time(t + ms / 1000.0), p, rng.randint(100, 3000), ms / 1000.0)))

for t in arrivals(T_START, T_END, 1 / 40.0):
    merchant.append((t, ruby_log(t, "WARN", rng.choice(PUMA_PIDS), "client %s uses deprecated API v0 (terminal fw 3.1.x)"
                                 % ("trm_" + rid(8)))))

# ====================================================================== CockroachDB
for node in (1, 2, 3):
    t = T_START + rng.uniform(0, 10)
    while t < T_END:
        c = contention(t)
        backup = 0.25 if T_BACKUP < t < T_BACKUP + 2460 else 0.0
        cpu_u = rng.uniform(18, 30) + 120 * c + 45 * backup
        crdb_counter[node] += 1
        crdb.append(crdb_line(t, node, "I", rng.randint(300, 900), "2@server/status/runtime_log.go:47",
                              "T1,Vsystem,n%d" % node, crdb_counter[node],
                              "runtime stats: %.1f GiB RSS, %d goroutines (stacks: %d MiB), %.1f GiB/%.1f GiB/%.1f GiB "
                              "Go alloc/idle/total, %.1f GiB/%.1f GiB CGO alloc/total, %.1f CGO/sec, %.1f/%.1f "
                              "%%(u/s)time, %.1f %%gc (%dx), %d MiB/%d MiB (r/w)net" % (
                                  rng.uniform(7.2, 7.6), int(rng.uniform(900, 1300) * (1 + 2 * c)), rng.randint(14, 30),
                                  rng.uniform(1.1, 1.6), rng.uniform(0.4, 0.8), rng.uniform(2.0, 2.4),
                                  rng.uniform(2.9, 3.3), rng.uniform(3.6, 3.8), rng.uniform(3000, 9000) * (1 + 3 * c),
                                  cpu_u, cpu_u * 0.22, rng.uniform(0.2, 1.2), rng.randint(0, 3),
                                  int(rng.uniform(4, 12) * (1 + 4 * c + 6 * backup)), int(rng.uniform(3, 9) * (1 + 4 * c)))))
        t += 10.0
    for t in arrivals(T_START, T_END, 1 / 180.0):
        crdb_slow_query(t, node, "SELECT merchant_id, sum(amount_minor) FROM ledger.public.entries WHERE created_at "
                                 ">= ‹$1› GROUP BY merchant_id", rng.uniform(1200, 4800), 0, app="metabase",
                        user="analytics_ro")
crdb_counter[1] += 1
crdb.append(crdb_line(T_BACKUP, 1, "I", 812, "3@jobs/registry.go:1594", "T1,Vsystem,n1", crdb_counter[1],
                      "BACKUP job 1012893772148301825: stepping through state running"))
crdb_counter[1] += 1
crdb.append(crdb_line(T_BACKUP + 0.2, 1, "I", 812, "12@ccl/backupccl/backup_job.go:562",
                      "T1,Vsystem,n1,job=BACKUP id=1012893772148301825", crdb_counter[1],
                      "backup to ‹gs://acme-crdb-backups/ledger/2026/10/25-010000.31?AUTH=implicit› planned: 3 nodes, "
                      "1841 spans, incremental from 2026-10-24 01:00:00"))
crdb_counter[1] += 1
crdb.append(crdb_line(T_BACKUP + 2461, 1, "I", 812, "3@jobs/registry.go:1594", "T1,Vsystem,n1", crdb_counter[1],
                      "BACKUP job 1012893772148301825: stepping through state succeeded"))
for node in (2, 3):
    for t in arrivals(T_BACKUP + 30, T_BACKUP + 2400, 1 / 400.0):
        crdb_counter[node] += 1
        crdb.append(crdb_line(t, node, "W", rng.randint(40000, 90000), "kv/kvserver/batcheval/cmd_export.go:130",
                              "T1,Vsystem,n%d,s%d,r%d/%d:‹/Table/11{2/1/\"m_0…-3}›" % (node, node, rng.randint(900, 2200),
                                                                                    rng.randint(1, 3)),
                              crdb_counter[node], "export request for span ‹/Table/112/{1/\"m_0…-2}› exceeded "
                                                  "timeout, retrying with smaller target size"))

# ====================================================================== write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)


def write_lines(path, ents, sort=True):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if sort:
        ents = sorted(ents, key=lambda x: x[0])
    with open(full, "wb") as f:
        for e in ents:
            f.write((e[-1] + "\n").encode("utf-8"))


write_lines("payout-scheduler/payout-scheduler.log", sched)
write_lines("ledger/ledger-5f6c8d7b9-hq2mv.log", ledger)
write_lines("merchant-api/puma.log", merchant)
for node in (1, 2, 3):
    ents = sorted([e for e in crdb if e[1] == node], key=lambda e: e[0])
    cnt = 2000 + rng.randint(0, 900)
    numbered = []
    for e in ents:
        cnt += 1
        numbered.append((e[0], e[1], e[2].replace("{CNT}", str(cnt), 1)))
    ents = numbered
    hdr_t = E(0, 0, 0.12)
    d = dt.datetime.fromtimestamp(hdr_t, UTC)
    header = [(0, 0, "I%s %s.%06d 1 util/log/file_sync_buffer.go:238 ⋮ [T1,config]   file created at: %s" % (
        d.strftime("%y%m%d"), d.strftime("%H:%M:%S"), d.microsecond, d.strftime("%Y/%m/%d %H:%M:%S"))),
              (0, 0, "I%s %s.%06d 1 util/log/file_sync_buffer.go:238 ⋮ [T1,config]   running on machine: "
                     "crdb-ledger-%d" % (d.strftime("%y%m%d"), d.strftime("%H:%M:%S"), d.microsecond, node - 1)),
              (0, 0, "I%s %s.%06d 1 util/log/file_sync_buffer.go:238 ⋮ [T1,config]   binary: CockroachDB CCL "
                     "v23.2.9 (x86_64-pc-linux-gnu, built 2024/08/01 19:02:51, go1.22.5 X:nocoverageredesign)" % (
                         d.strftime("%y%m%d"), d.strftime("%H:%M:%S"), d.microsecond)),
              (0, 0, "I%s %s.%06d 1 util/log/file_sync_buffer.go:238 ⋮ [T1,config]   line format: [IWEF]yymmdd "
                     "hh:mm:ss.uuuuuu goid [chan@]file:line redactionmark \\[tags\\] [counter] msg" % (
                         d.strftime("%y%m%d"), d.strftime("%H:%M:%S"), d.microsecond))]
    write_lines("cockroachdb/crdb-ledger-%d/cockroach.log" % (node - 1), header + ents, sort=False)
