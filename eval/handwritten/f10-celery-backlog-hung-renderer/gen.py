#!/usr/bin/env python3
"""f10: pdf-renderer (Gotenberg/Chromium) stops answering; Celery prefork slots on billing-worker all block on it; emails and exports back up; reports-api times out."""
import datetime as dt
import json
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
R = random.Random(101010)
UTC = dt.timezone.utc
BST = dt.timedelta(hours=1)
T0 = dt.datetime(2026, 7, 8, 8, 50, 0, tzinfo=UTC)
T_END = dt.datetime(2026, 7, 8, 9, 41, 0, tzinfo=UTC)
T_HANG = dt.datetime(2026, 7, 8, 9, 12, 37, 420000, tzinfo=UTC)
T_FIX = dt.datetime(2026, 7, 8, 9, 31, 5, 0, tzinfo=UTC)
T_RDEP = dt.datetime(2026, 7, 8, 8, 55, 31, 0, tzinfo=UTC)
files = {}


def emit(path, t, line):
    files.setdefault(path, []).append((t, line))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid():
    return "%s-%s-%s-%s-%s" % (hexid(8), hexid(4), hexid(4), hexid(4), hexid(12))


WORKERS = {"billing-worker-1": 0.0, "billing-worker-2": -37.2}   # worker-2's clock is 37 s behind
CONC = 8


def cel(w, t, who, lvl, msg):
    lt = t + BST + dt.timedelta(seconds=WORKERS[w])
    emit("%s/var/log/celery/worker.log" % w, t, "[%s,%03d: %s/%s] %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, lvl, who, msg))


def dc(svc, t, msg):
    emit("app-01/docker-compose-logs-t_%s.txt" % svc, t, "%s-1  | %s %s" % (svc, t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "%03dZ" % R.randint(0, 999), msg))


def gb(t, obj):
    o = {"level": obj.pop("level"), "ts": round(t.timestamp(), 6), "logger": obj.pop("logger")}
    o.update(obj)
    dc("pdf-renderer", t, json.dumps(o, separators=(",", ":")))


def renderer_ok(t):
    return t < T_HANG or t >= T_FIX + dt.timedelta(seconds=4)


# ---------------------------------------------------------------- task stream and a simple prefork simulation
tasks = []  # (t_enqueue, name, id, extra)
t = T0
while t < T_END:
    t += dt.timedelta(seconds=R.expovariate(0.9))
    r = R.random()
    if r < 0.33:
        tasks.append((t, "reports.export_invoice_pdf", uuid(), {"invoice": "INV-%07d" % R.randint(0, 9999999), "sync": R.random() < 0.7}))
    elif r < 0.83:
        tasks.append((t, "notifications.send_email", uuid(), {"tpl": R.choice(["password_reset", "invoice_ready", "welcome", "payment_receipt"])}))
    else:
        tasks.append((t, "billing.sync_usage", uuid(), {}))
slots = {w: [T0] * CONC for w in WORKERS}
reserved = {w: 0 for w in WORKERS}
results = {}  # task id -> completion time or None
pid_base = {"billing-worker-1": 812, "billing-worker-2": 790}
TRACE_SOFT = """Traceback (most recent call last):
  File "/app/.venv/lib/python3.11/site-packages/celery/app/trace.py", line 477, in trace_task
    R = retval = fun(*args, **kwargs)
                 ^^^^^^^^^^^^^^^^^^^^
  File "/app/.venv/lib/python3.11/site-packages/celery/app/trace.py", line 760, in __protected_call__
    return self.run(*args, **kwargs)
           ^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/app/billing/reports/tasks.py", line 44, in export_invoice_pdf
    pdf = renderer.render_html(html, paper="A4")
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/app/billing/reports/renderer.py", line 31, in render_html
    resp = self.session.post(f"{self.base_url}/forms/chromium/convert/html", files=files, data=opts)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/app/.venv/lib/python3.11/site-packages/requests/sessions.py", line 637, in post
    return self.request("POST", url, data=data, json=json, **kwargs)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/app/.venv/lib/python3.11/site-packages/urllib3/connectionpool.py", line 537, in _make_request
    response = conn.getresponse()
               ^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.11/http/client.py", line 1386, in getresponse
    response.begin()
  File "/usr/local/lib/python3.11/socket.py", line 706, in readinto
    return self._sock.recv_into(b)
           ^^^^^^^^^^^^^^^^^^^^^^^
  File "/app/.venv/lib/python3.11/site-packages/billiard/pool.py", line 229, in soft_timeout_sighandler
    raise SoftTimeLimitExceeded()
billiard.exceptions.SoftTimeLimitExceeded: SoftTimeLimitExceeded()"""
TRACE_RESET = """Traceback (most recent call last):
  File "/app/.venv/lib/python3.11/site-packages/urllib3/connectionpool.py", line 793, in urlopen
    response = self._make_request(
               ^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.11/http/client.py", line 287, in _read_status
    raise RemoteDisconnected("Remote end closed connection without"
http.client.RemoteDisconnected: Remote end closed connection without response

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/app/billing/reports/renderer.py", line 31, in render_html
    resp = self.session.post(f"{self.base_url}/forms/chromium/convert/html", files=files, data=opts)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/app/.venv/lib/python3.11/site-packages/requests/adapters.py", line 501, in send
    raise ConnectionError(err, request=request)
requests.exceptions.ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))"""

for (te, name, tid, extra) in sorted(tasks, key=lambda x: x[0]):
    w = R.choice(sorted(WORKERS))
    # earliest free slot on that worker (prefetch: worker receives immediately if it has reserved capacity)
    i = min(range(CONC), key=lambda k: slots[w][k])
    start = max(te + dt.timedelta(milliseconds=R.uniform(3, 20)), slots[w][i])
    cel(w, te + dt.timedelta(milliseconds=R.uniform(2, 6)) if start - te < dt.timedelta(seconds=30) else start - dt.timedelta(milliseconds=5), "MainProcess", "INFO", "Task %s[%s] received" % (name, tid))
    who = "ForkPoolWorker-%d" % (i + 1)
    if name == "reports.export_invoice_pdf":
        if renderer_ok(start):
            d = R.uniform(0.8, 2.6)
            end = start + dt.timedelta(seconds=d)
            gb(start + dt.timedelta(seconds=d - 0.01), {"level": "info", "logger": "api", "msg": "request handled", "trace": uuid(), "remote_ip": "172.18.0.%d" % (7 if w.endswith("1") else 8),
                                                          "host": "pdf-renderer:3000", "uri": "/forms/chromium/convert/html", "method": "POST", "path": "/forms/chromium/convert/html", "referer": "",
                                                          "user_agent": "python-requests/2.31.0", "status": 200, "latency": int(d * 1e9), "latency_human": ("%.3fms" % (d * 1000)) if d < 1 else ("%.6fs" % d),
                                                          "bytes_in": R.randint(20000, 90000), "bytes_out": R.randint(40000, 400000)})
            cel(w, end, who, "INFO", "Task %s[%s] succeeded in %.9fs: {'invoice': '%s', 'url': 's3://northwind-billing-exports/invoices/%s.pdf'}" % (name, tid, d, extra["invoice"], extra["invoice"]))
            results[tid] = end
        else:
            # blocked until soft time limit (300s) or until the renderer restart cuts the connection
            soft = start + dt.timedelta(seconds=300)
            cut = T_FIX + dt.timedelta(seconds=R.uniform(0.2, 1.5))
            if soft < cut:
                end = soft + dt.timedelta(milliseconds=R.uniform(5, 40))
                cel(w, soft, "MainProcess", "WARNING", "Soft time limit (300s) exceeded for %s[%s]" % (name, tid))
                cel(w, end, who, "ERROR", "Task %s[%s] raised unexpected: SoftTimeLimitExceeded()\n%s" % (name, tid, TRACE_SOFT))
            else:
                end = cut
                cel(w, end, who, "ERROR", "Task %s[%s] raised unexpected: ConnectionError(ProtocolError('Connection aborted.', RemoteDisconnected('Remote end closed connection without response')))\n%s" % (name, tid, TRACE_RESET))
            results[tid] = None
            if start >= T_HANG and (end - start).total_seconds() > 200 and R.random() < 0.5:
                gb(T_FIX - dt.timedelta(seconds=0.5) if end == cut else end, {"level": "error", "logger": "api", "msg": "convert HTML to PDF: context canceled", "trace": uuid(), "remote_ip": "172.18.0.%d" % (7 if w.endswith("1") else 8),
                                                                               "host": "pdf-renderer:3000", "uri": "/forms/chromium/convert/html", "method": "POST", "path": "/forms/chromium/convert/html", "referer": "",
                                                                               "user_agent": "python-requests/2.31.0", "status": 499 if end != cut else 503, "latency": int((end - start).total_seconds() * 1e9),
                                                                               "latency_human": "%dm%.3fs" % ((end - start).total_seconds() // 60, (end - start).total_seconds() % 60), "bytes_in": R.randint(20000, 90000), "bytes_out": 0})
    elif name == "notifications.send_email":
        d = R.uniform(0.2, 0.9)
        end = start + dt.timedelta(seconds=d)
        if R.random() < 0.02:
            cel(w, end, who, "INFO", "Task %s[%s] retry: Retry in 60s: SMTPServerDisconnected('Connection unexpectedly closed')" % (name, tid))
        else:
            lag = (start - te).total_seconds()
            cel(w, end, who, "INFO", "Task %s[%s] succeeded in %.9fs: {'template': '%s', 'queued_for': %.1f}" % (name, tid, d, extra["tpl"], lag))
    else:
        d = R.uniform(2, 6)
        end = start + dt.timedelta(seconds=d)
        cel(w, end, who, "INFO", "Task %s[%s] succeeded in %.9fs: None" % (name, tid, d))
    slots[w][i] = end
    if name == "reports.export_invoice_pdf" and extra["sync"]:
        # reports-api waits synchronously for the result (AsyncResult.get(timeout=30))
        rid = hexid(8)
        done = results.get(tid)
        ip = "172.18.0.%d" % R.randint(20, 40)
        if done is not None and (done - te).total_seconds() <= 30:
            dc("reports-api", done + dt.timedelta(milliseconds=R.uniform(5, 60)), 'INFO:     %s:%d - "POST /v1/invoices/%s/export HTTP/1.1" 200 OK' % (ip, R.randint(30000, 60000), extra["invoice"]))
        else:
            tt = te + dt.timedelta(seconds=30, milliseconds=R.uniform(1, 9))
            dc("reports-api", tt, "%s ERROR [reports_api.exports] export timed out invoice=%s task_id=%s waited=30.0s" % ((tt).strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (tt.microsecond // 1000), extra["invoice"], tid))
            dc("reports-api", tt + dt.timedelta(milliseconds=1), 'INFO:     %s:%d - "POST /v1/invoices/%s/export HTTP/1.1" 504 Gateway Timeout' % (ip, R.randint(30000, 60000), extra["invoice"]))

# worker MainProcess chatter: drift warnings (worker-2 clock), mingle, heartbeat
for w in WORKERS:
    t = T0 + dt.timedelta(seconds=R.uniform(5, 60))
    while t < T_END:
        if w == "billing-worker-1" and R.random() < 0.5:
            o = t + dt.timedelta(seconds=WORKERS["billing-worker-2"])
            cel(w, t, "MainProcess", "WARNING", "Substantial drift from celery@billing-worker-2 may mean clocks are out of sync.  Current drift is 37 seconds.  [orig: %s recv: %s]" % ((o + BST).strftime("%Y-%m-%d %H:%M:%S.%f"), (t + BST).strftime("%Y-%m-%d %H:%M:%S.%f")))
        t += dt.timedelta(seconds=R.uniform(200, 500))
# reports-api other traffic + deploy
t = T0
while t < T_END:
    t += dt.timedelta(seconds=R.expovariate(1.2))
    path = R.choice(["/v1/invoices?page=%d" % R.randint(1, 20), "/v1/invoices/INV-%07d" % R.randint(0, 9999999), "/healthz"])
    dc("reports-api", t, 'INFO:     172.18.0.%d:%d - "GET %s HTTP/1.1" 200 OK' % (R.randint(20, 40), R.randint(30000, 60000), path))
for k, m in enumerate(["INFO:     Started server process [1]", "INFO:     Waiting for application startup.", "INFO:     Application startup complete.", "INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)"]):
    dc("reports-api", T_RDEP + dt.timedelta(milliseconds=k * 40), m)
dc("reports-api", T_RDEP + dt.timedelta(seconds=1), "%s WARNING [reports_api.settings] EXPORT_SYNC_TIMEOUT not set, defaulting to 30s" % (T_RDEP + dt.timedelta(seconds=1)).strftime("%Y-%m-%d %H:%M:%S,%f")[:-3])
# pdf-renderer restart
gb(T_FIX + dt.timedelta(seconds=2.1), {"level": "info", "logger": "api", "msg": "server started on port 3000"})
gb(T_FIX + dt.timedelta(seconds=2.0), {"level": "info", "logger": "chromium", "msg": "browser started", "pid": 27})

# ---------------------------------------------------------------- write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
for path in sorted(files):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    rows = sorted(files[path], key=lambda x: x[0])
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        for _, line in rows:
            f.write(line + "\n")
