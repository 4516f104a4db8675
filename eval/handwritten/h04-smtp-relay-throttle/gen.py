import os, shutil, random, math, heapq
from datetime import datetime, timezone, timedelta

R = random.Random(60314)
HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc
LOCAL = 7200
RELAY_SKEW = 19.4

def ri(a, b):
    return a + int(R.random() * (b - a + 1))

def rc(seq):
    return seq[int(R.random() * len(seq))]

def T(h, m, s=0.0):
    return datetime(2026, 6, 3, h, m, 0, tzinfo=UTC).timestamp() + s

START = T(11, 40)
END = T(12, 45)
BROKEN = T(12, 21, 31.62)
DEPLOY2 = T(12, 15, 2.4)
FILES = {}
SEQ = [0]
_SC = {}

def sec_fmt(t, fmt):
    k = (int(math.floor(t)), fmt)
    v = _SC.get(k)
    if v is None:
        v = datetime.fromtimestamp(k[0], UTC).strftime(fmt)
        _SC[k] = v
    return v

def frac(t, n):
    return int((t - math.floor(t)) * 10 ** n)

def emit(path, t, line):
    SEQ[0] += 1
    FILES.setdefault(path, []).append((t, SEQ[0], line))

def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))

def ctime_local(t):
    s = sec_fmt(t + LOCAL, "%a %b %d %H:%M:%S %Y")
    if s[8] == "0":
        s = s[:8] + " " + s[9:]
    return s

def dj_time(t):
    return sec_fmt(t + LOCAL, "%Y-%m-%d %H:%M:%S") + ",%03d" % frac(t, 3)

def syslog_time(t):
    s = sec_fmt(t, "%b %d %H:%M:%S")
    if s[4] == "0":
        s = s[:4] + " " + s[5:]
    return s

HOSTS = {"web-1": {"ip": "10.8.1.21", "pids": [2101 + i for i in range(8)], "next_pid": 2400, "req": 48211, "wreq": [ri(900, 1400) for _ in range(8)]},
         "web-2": {"ip": "10.8.1.22", "pids": [3101 + i for i in range(8)], "next_pid": 3400, "req": 47002, "wreq": [ri(900, 1400) for _ in range(8)]}}
VARNISH_IP = "10.8.0.5"

PRODUCTS = ["teak-bench-180", "oak-dining-table-6", "linen-sofa-3-seater", "rattan-lounge-chair", "walnut-sideboard", "wool-rug-200x300", "brass-floor-lamp", "velvet-armchair", "bamboo-shelf-5", "marble-coffee-table", "ceramic-vase-set", "jute-pouf", "cast-iron-skillet", "linen-duvet-cover", "oak-bed-frame-160"]
CATS = ["living-room", "dining", "bedroom", "outdoor", "lighting", "rugs", "decor", "kitchen", "sale"]
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
       "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36",
       "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
       "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0"]
EMAIL_KINDS = {"/checkout/confirm/": "order confirmation", "/account/password-reset/": "password reset", "/newsletter/subscribe/": "newsletter double opt-in", "/contact/": "contact form copy"}

def rate(t):
    x = (t - START) / 60.0
    return 9.5 + 1.2 * math.sin(x / 8.0) + 0.6 * math.sin(x / 2.7)

def make_request(t):
    x = R.random()
    if x < 0.22:
        return ("GET", "/static/%s/%s.%s" % (rc(["css", "js", "img"]), hexid(10), rc(["css", "js", "webp"])), "hit", 0, None)
    if x < 0.52:
        return ("GET", "/products/%s/" % rc(PRODUCTS), "hit" if R.random() < 0.7 else "miss", R.uniform(0.05, 0.16), None)
    if x < 0.70:
        return ("GET", "/c/%s/?page=%d" % (rc(CATS), ri(1, 4)), "hit" if R.random() < 0.55 else "miss", R.uniform(0.07, 0.22), None)
    if x < 0.80:
        return ("GET", "/cart/", "pass", R.uniform(0.03, 0.09), None)
    if x < 0.86:
        return ("POST", "/cart/add/", "pass", R.uniform(0.04, 0.11), None)
    if x < 0.895:
        return ("GET", "/account/", "pass", R.uniform(0.04, 0.12), None)
    if x < 0.93:
        return ("GET", "/checkout/", "pass", R.uniform(0.06, 0.15), None)
    if x < 0.945:
        return ("POST", "/checkout/confirm/", "pass", R.uniform(0.22, 0.5), "/checkout/confirm/")
    if x < 0.952:
        return ("POST", "/account/password-reset/", "pass", R.uniform(0.05, 0.1), "/account/password-reset/")
    if x < 0.958:
        return ("POST", "/newsletter/subscribe/", "pass", R.uniform(0.03, 0.07), "/newsletter/subscribe/")
    if x < 0.960:
        return ("POST", "/contact/", "pass", R.uniform(0.03, 0.07), "/contact/")
    if x < 0.985:
        return ("GET", "/search/?q=%s" % rc(["oak", "lamp", "sofa", "rug", "linen", "outdoor", "vase"]), "pass", R.uniform(0.08, 0.3), None)
    return ("GET", "/robots.txt" if R.random() < 0.5 else "/sitemap.xml", "hit", 0, None)

def vlog(t, dur, cip, method, url, status, size, handling, ua, backend, ref="-"):
    emit("varnish/varnishncsa.log", t + dur, '%s - - [%s] "%s http://www.nordhaus-living.de%s HTTP/1.1" %d %s "%s" "%s" %d %s %s' % (
        cip, sec_fmt(t, "%d/%b/%Y:%H:%M:%S +0000"), method, url, status, size if size else "-", ref, ua, int(dur * 1e6), handling, backend))

def uw(host, t, line):
    emit("shop-web/%s/uwsgi.log" % host, t, line)

def djlog(host, t, level, logger, line, msg):
    uw(host, t, "[%s] %s [%s:%d] %s" % (dj_time(t), level, logger, line, msg))

DISC_TB = """Traceback (most recent call last):
  File "/srv/shop/venv/lib/python3.11/site-packages/django/core/handlers/exception.py", line 55, in inner
    response = get_response(request)
               ^^^^^^^^^^^^^^^^^^^^^
  File "/srv/shop/venv/lib/python3.11/site-packages/django/core/handlers/base.py", line 197, in _get_response
    response = wrapped_callback(request, *callback_args, **callback_kwargs)
               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/srv/shop/venv/lib/python3.11/site-packages/django/views/decorators/http.py", line 43, in inner
    return func(request, *args, **kwargs)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/srv/shop/nordhaus/%s", line %d, in %s
    notifications.%s
  File "/srv/shop/nordhaus/notifications/mail.py", line 61, in %s
    msg.send(fail_silently=False)
  File "/srv/shop/venv/lib/python3.11/site-packages/django/core/mail/message.py", line 300, in send
    return self.get_connection(fail_silently).send_messages([self])
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/srv/shop/venv/lib/python3.11/site-packages/django/core/mail/backends/smtp.py", line 128, in send_messages
    new_conn_created = self.open()
                       ^^^^^^^^^^^
  File "/srv/shop/venv/lib/python3.11/site-packages/django/core/mail/backends/smtp.py", line 86, in open
    self.connection = self.connection_class(
                      ^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/lib/python3.11/smtplib.py", line 255, in __init__
    (code, msg) = self.connect(host, port)
                  ^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/lib/python3.11/smtplib.py", line 343, in connect
    (code, msg) = self.getreply()
                  ^^^^^^^^^^^^^^^
  File "/usr/lib/python3.11/smtplib.py", line 405, in getreply
    raise SMTPServerDisconnected("Connection unexpectedly closed")
smtplib.SMTPServerDisconnected: Connection unexpectedly closed"""
VIEW_INFO = {"/checkout/confirm/": ("checkout/views.py", 212, "confirm_order", "send_order_confirmation(order)", "send_order_confirmation"),
             "/account/password-reset/": ("accounts/views.py", 142, "password_reset", "send_password_reset(user, token)", "send_password_reset"),
             "/newsletter/subscribe/": ("newsletter/views.py", 57, "subscribe", "send_double_opt_in(subscriber)", "send_double_opt_in"),
             "/contact/": ("pages/views.py", 88, "contact", "send_contact_copy(form.cleaned_data)", "send_contact_copy")}

MAIL_EVENTS = []

def simulate_host(host, reqs):
    H = HOSTS[host]
    free = [(START - R.uniform(0, 1), i) for i in range(8)]
    heapq.heapify(free)
    queued_starts = []
    qi = 0
    last_full_log = 0
    results = []
    for (t, req, vmeta) in reqs:
        while qi < len(queued_starts) and queued_starts[qi] <= t:
            qi += 1
        qlen = len(queued_starts) - qi
        if qlen >= 100:
            if t - last_full_log >= 1.0:
                uw(host, t, "*** uWSGI listen queue of socket \":8000\" (fd: 3) full !!! (101/100) ***")
                last_full_log = t
            results.append((t, req, vmeta, "refused", 0, 0, None))
            continue
        wfree, w = heapq.heappop(free)
        start = max(t, wfree)
        queued_starts.append(start)
        method, path, handling, dur, email = req
        if email and start + dur * 0.6 >= BROKEN:
            if R.random() < 0.06:
                d = dur * 0.6 + R.uniform(0.002, 0.02)
                outcome = "disconnected"
            else:
                d = 60.0 + R.uniform(0.0, 0.9)
                outcome = "harakiri"
        else:
            d = dur * R.uniform(0.9, 1.1)
            outcome = "ok"
        end = start + d
        if outcome == "harakiri":
            heapq.heappush(free, (end + R.uniform(0.05, 0.3), w))
        else:
            heapq.heappush(free, (end + 0.0005, w))
        results.append((t, req, vmeta, outcome, start, end, w))
    return results

def run():
    t = START
    allreq = []
    while True:
        t += R.expovariate(rate(t))
        if t >= END:
            break
        allreq.append((t, make_request(t)))
    per_host = {"web-1": [], "web-2": []}
    health = {"web-1": [True] * 10000, "web-2": [True] * 10000}
    backend_rr = 0
    for t, req in allreq:
        cip = "%d.%d.%d.%d" % (rc([77, 78, 79, 84, 87, 91, 93, 176, 178, 185, 188, 212, 217]), ri(0, 255), ri(0, 255), ri(1, 254))
        ua = rc(UAS)
        method, path, handling, dur, email = req
        if method == "POST" and "Googlebot" in ua:
            ua = UAS[0]
        if handling == "hit":
            vlog(t, R.uniform(0.00005, 0.0004), cip, method, path, 200, ri(800, 60000), "hit", ua, "-")
            continue
        backend_rr += 1
        host = "web-1" if backend_rr % 2 else "web-2"
        per_host[host].append((t, req, (cip, ua)))
    out = {}
    for host in ("web-1", "web-2"):
        out[host] = simulate_host(host, per_host[host])
    sick_windows = {}
    for host in ("web-1", "web-2"):
        for (t, req, (cip, ua), outcome, start, end, w) in out[host]:
            method, path, handling, dur, email = req
            wait = start - t if outcome != "refused" else 0
            H = HOSTS[host]
            if outcome == "refused":
                vlog(t, 3.5 + R.uniform(0, 0.01), cip, method, path, 503, 282, handling, ua, host)
                continue
            ttfb = (end - t)
            if outcome == "harakiri" or ttfb > 60.0:
                if outcome == "harakiri" and end - t <= 60.0 + 1.0 and wait < 0.9:
                    vlog(t, min(end - t, 60.0) + R.uniform(0, 0.002), cip, method, path, 503, 282, handling, ua, host)
                else:
                    vlog(t, 60.0 + R.uniform(0, 0.002), cip, method, path, 503, 282, handling, ua, host)
            elif outcome == "disconnected":
                vlog(t, ttfb + 0.001, cip, method, path, 500, 145, handling, ua, host)
            else:
                vlog(t, ttfb + 0.0008, cip, method, path, 302 if method == "POST" else 200, ri(300, 5000) if method == "POST" else ri(9000, 70000), handling, ua, host)
            if host == "web-2" and start >= DEPLOY2 and not H.get("switched"):
                H["switched"] = True
                H["pids"] = [5110 + i for i in range(8)]
                H["next_pid"] = 5400
                H["wreq"] = [0] * 8
            pid = H["pids"][w]
            if email:
                kind = EMAIL_KINDS[email]
                ref = "NH-%d" % ri(4100000, 4199999) if email == "/checkout/confirm/" else "-"
                rcpt = "%s%d@%s" % (rc(["anna", "jan", "m.schulz", "k.weber", "lena", "tobias", "s.mueller", "eva", "paul", "nina"]), ri(1, 99), rc(["gmail.com", "web.de", "gmx.de", "t-online.de", "outlook.com", "icloud.com"]))
                tsend = start + dur * 0.6
                djlog(host, tsend, "INFO", "nordhaus.notifications.mail", 54, "sending %s%s to %s via smtp-relay.shop.internal:587" % (kind, (" order=%s" % ref) if ref != "-" else "", rcpt))
                if outcome == "ok":
                    st = R.uniform(0.06, 0.16)
                    djlog(host, tsend + st, "INFO", "nordhaus.notifications.mail", 63, "sent %s to %s in %.2fs" % (kind, rcpt, st))
                    MAIL_EVENTS.append((tsend, host, rcpt, kind))
                elif outcome == "disconnected":
                    vf, ln, fn, call, mfn = VIEW_INFO[email]
                    djlog(host, end - 0.0005, "ERROR", "django.request", 241, "Internal Server Error: %s\n%s" % (email, DISC_TB % (vf, ln, fn, call, mfn)))
            if outcome == "harakiri":
                k = ctime_local(end)
                uw(host, end, "%s - *** HARAKIRI ON WORKER %d (pid: %d, try: 1) ***" % (k, w + 1, pid))
                uw(host, end + 0.0001, "%s - HARAKIRI: -- syscall> 45 0xb 0x7f3a5c1b2e40 0x2000 0x0 0x0 0x0 0x7ffd3c5f2a18 0x7f3a5e9c1e7e" % k)
                uw(host, end + 0.0002, "%s - HARAKIRI: -- wchan> sk_wait_data" % k)
                uw(host, end + 0.0003, "%s - HARAKIRI !!! worker %d status !!!" % (k, w + 1))
                uw(host, end + 0.0004, "%s - HARAKIRI [core 0] %s - %s %s since %d" % (k, VARNISH_IP, method, path, int(start)))
                uw(host, end + 0.0005, "%s - HARAKIRI !!! end of worker %d status !!!" % (k, w + 1))
                uw(host, end + 0.05, "DAMN ! worker %d (pid: %d) died, killed by signal 9 :( trying respawn ..." % (w + 1, pid))
                H["next_pid"] += ri(1, 40)
                H["pids"][w] = H["next_pid"]
                uw(host, end + 0.051, "Respawned uWSGI worker %d (new pid: %d)" % (w + 1, H["pids"][w]))
                continue
            H["req"] += 1
            H["wreq"][w] += 1
            status = 302 if method == "POST" else 200
            size = ri(300, 5000) if method == "POST" else ri(9000, 70000)
            if outcome == "disconnected":
                status, size = 500, 145
            ms = int((end - start) * 1000)
            line = "[pid: %d|app: 0|req: %d/%d] %s () {%d vars in %d bytes} [%s] %s %s => generated %d bytes in %d msecs (HTTP/1.1 %d) %d headers in %d bytes (1 switches on core 0)" % (
                pid, H["wreq"][w], H["req"], VARNISH_IP, ri(44, 52), ri(900, 1300), ctime_local(start), method, path, size, ms, status, ri(5, 9), ri(250, 420))
            uw(host, end, line)
            if ttfb > 60.0:
                uw(host, end + 0.0001, "uwsgi_response_writev_headers_and_body_do(): Broken pipe [core/writer.c line 306] during %s %s (%s)" % (method, path, VARNISH_IP))
                djlog(host, end + 0.0002, "ERROR", "django.request", 241, "OSError: write error")

def gen_django_noise():
    for host in ("web-1", "web-2"):
        t = START + R.uniform(0, 40)
        while t < END:
            ip = rc(["45.13.104.2", "193.35.18.91", "185.224.128.17", "162.142.125.9"])
            djlog(host, t, "ERROR", "django.security.DisallowedHost", 88, "Invalid HTTP_HOST header: '%s'. You may need to add '%s' to ALLOWED_HOSTS." % (ip, ip))
            t += R.uniform(30, 240)
        t = START + R.uniform(0, 60)
        while t < END:
            djlog(host, t, "WARNING", "django.request", 241, "Not Found: /%s" % rc(["wp-login.php", ".env", "xmlrpc.php", "wp-admin/setup-config.php", "phpmyadmin/", ".git/config"]))
            t += R.uniform(20, 150)
    s = DEPLOY2
    host = "web-2"
    k = ctime_local(s)
    uw(host, s - 1.2, "SIGTERM received: gracefully killing workers")
    for w in range(8):
        uw(host, s - 1.1 + w * 0.01, "Gracefully killing worker %d (pid: %d)..." % (w + 1, HOSTS[host]["pids"][w]))
    uw(host, s - 0.4, "goodbye to uWSGI.")
    lines = ["*** Starting uWSGI 2.0.24 (64bit) on [%s] ***" % k,
             "compiled with version: 12.2.0 on 14 February 2024 09:12:40",
             "os: Linux-6.1.0-21-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.90-1 (2024-05-03)",
             "nodename: web-2",
             "machine: x86_64",
             "detected number of CPU cores: 4",
             "current working directory: /srv/shop/releases/20260603-1412-8c1e4d2",
             "detected binary path: /srv/shop/venv/bin/uwsgi",
             "your processes number limit is 63542",
             "your memory page size is 4096 bytes",
             "detected max file descriptor number: 65536",
             "lock engine: pthread robust mutexes",
             "thunder lock: disabled (you can enable it with --thunder-lock)",
             "uwsgi socket 0 bound to TCP address :8000 fd 3",
             "Python version: 3.11.2 (main, Mar 13 2023, 12:18:29) [GCC 12.2.0]",
             "Python main interpreter initialized at 0x55d0c1a2e1b0",
             "your server socket listen backlog is limited to 100 connections",
             "your mercy for graceful operations on workers is 60 seconds",
             "mapped 609552 bytes (595 KB) for 8 cores",
             "*** Operational MODE: preforking ***",
             "WSGI app 0 (mountpoint='') ready in 2 seconds on interpreter 0x55d0c1a2e1b0 pid: 5102 (default app)",
             "*** uWSGI is running in multiple interpreter mode ***",
             "spawned uWSGI master process (pid: 5102)"]
    for i, l in enumerate(lines):
        uw(host, s + i * 0.003 + (1.9 if i >= 20 else 0), l)
    for w in range(8):
        uw(host, s + 1.98 + w * 0.001, "spawned uWSGI worker %d (pid: %d, cores: 1)" % (w + 1, 5110 + w))
    djlog(host, s + 2.2, "INFO", "nordhaus.apps", 31, "nordhaus 2026.06.03-1412 (8c1e4d2) ready, settings=nordhaus.settings.production")

def mailq_id():
    a = "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz"
    return "4" + "".join(a[int(R.random() * len(a))] for _ in range(11))

def ml(t, proc, pid, msg):
    tt = t + RELAY_SKEW
    emit("smtp-relay/maillog", tt, "%s mail-relay-01 postfix/%s[%d]: %s" % (syslog_time(tt + LOCAL), proc, pid, msg))

def gen_postfix():
    spid = [21000]
    for (t, host, rcpt, kind) in sorted(MAIL_EVENTS):
        ip = HOSTS[host]["ip"]
        spid[0] += ri(1, 9)
        sp = spid[0]
        q = mailq_id()
        ml(t + 0.004, "smtpd", sp, "connect from %s.shop.internal[%s]" % (host, ip))
        ml(t + 0.021, "smtpd", sp, "Anonymous TLS connection established from %s.shop.internal[%s]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)" % (host, ip))
        ml(t + 0.032, "smtpd", sp, "%s: client=%s.shop.internal[%s], sasl_method=PLAIN, sasl_username=shop-web" % (q, host, ip))
        ml(t + 0.041, "cleanup", sp + 3, "%s: message-id=<%d.%d.%d@%s.shop.internal>" % (q, int(t * 1000), ri(1000, 9999), ri(1, 99999), host))
        ml(t + 0.049, "qmgr", 1143, "%s: from=<no-reply@nordhaus-living.de>, size=%d, nrcpt=1 (queue active)" % (q, ri(3800, 42000)))
        ml(t + 0.061, "smtpd", sp, "disconnect from %s.shop.internal[%s] ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8" % (host, ip))
        d = R.uniform(0.35, 1.6)
        if rcpt.endswith("t-online.de") and R.random() < 0.5:
            ml(t + 0.05 + d, "smtp", sp + 7, "%s: to=<%s>, relay=smtp.sendgrid.net[167.89.115.%d]:587, delay=%.1f, delays=0.05/0.01/0.3/%.1f, dsn=4.7.1, status=deferred (host smtp.sendgrid.net[167.89.115.%d] said: 421 4.7.1 Temporary deferral: recipient domain rate limited, please retry (in reply to end of DATA command))" % (q, rcpt, ri(2, 90), d, d - 0.3, ri(2, 90)))
        else:
            ml(t + 0.05 + d, "smtp", sp + 7, "%s: to=<%s>, relay=smtp.sendgrid.net[167.89.115.%d]:587, delay=%.2f, delays=0.05/0.01/0.31/%.2f, dsn=2.0.0, status=sent (250 Ok: queued as %s)" % (q, rcpt, ri(2, 90), d, d - 0.36, hexid(22)))
            ml(t + 0.051 + d, "qmgr", 1143, "%s: removed" % q)
    t = START + R.uniform(10, 200)
    while t < END:
        if t < BROKEN:
            spid[0] += 3
            ml(t, "smtpd", spid[0], "connect from monitor-01.shop.internal[10.8.9.4]")
            ml(t + 0.003, "smtpd", spid[0], "disconnect from monitor-01.shop.internal[10.8.9.4] ehlo=1 quit=1 commands=2")
        t += 300 + R.uniform(-1, 1)
    rb = BROKEN - 2.21
    ml(rb, "postfix-script", 30112, "refreshing the Postfix mail system")
    ml(rb + 0.02, "master", 1140, "reload -- version 3.7.11, configuration /etc/postfix")
    t = BROKEN
    k = 0
    while t < END:
        spid[0] += ri(2, 6)
        ml(t, "smtpd", spid[0], "fatal: open database /etc/postfix/sender_access.db: No such file or directory")
        ml(t + 1.003, "master", 1140, "warning: process /usr/libexec/postfix/smtpd pid %d exit status 1" % spid[0])
        ml(t + 1.004, "master", 1140, "warning: /usr/libexec/postfix/smtpd: bad command startup -- throttling")
        t += 61.0 + R.uniform(0.0, 0.05)
        k += 1

def sysmsg(t, proc, msg):
    tt = t + RELAY_SKEW
    emit("smtp-relay/messages", tt, "%s mail-relay-01 %s: %s" % (syslog_time(tt + LOCAL), proc, msg))

def gen_relay_messages():
    t = START + R.uniform(0, 50)
    while t < END:
        sysmsg(t, "systemd[1]", "Starting sysstat-collect.service - system activity accounting tool...")
        sysmsg(t + 0.06, "systemd[1]", "sysstat-collect.service: Deactivated successfully.")
        sysmsg(t + 0.061, "systemd[1]", "Finished sysstat-collect.service - system activity accounting tool.")
        t += 600
    t = START + R.uniform(0, 300)
    while t < END:
        sysmsg(t, "chronyd[612]", "Can't synchronise: no selectable sources")
        t += R.uniform(900, 1300)
    b = BROKEN - 19.0
    sysmsg(b, "sshd[30077]", "Accepted publickey for deploy from 10.8.9.30 port 51522 ssh2: ED25519 SHA256:r5Vv0lV2pE9qK8bXr2w3m7lqHqTqz3L2m0g1GmR4yYc")
    sysmsg(b + 0.01, "sshd[30077]", "pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)")
    sysmsg(b + 1.2, "ansible-ansible.legacy.setup[30081]", "Invoked with gather_subset=['all'] gather_timeout=10 filter=[] fact_path=/etc/ansible/facts.d")
    sysmsg(b + 9.5, "ansible-ansible.legacy.stat[30094]", "Invoked with path=/etc/postfix/main.cf follow=False get_checksum=True get_mime=True get_attributes=True checksum_algorithm=sha1")
    sysmsg(b + 10.3, "ansible-ansible.legacy.copy[30099]", "Invoked with dest=/etc/postfix/main.cf mode=0644 owner=root group=root src=/home/deploy/.ansible/tmp/ansible-tmp-1780489272.41-30061/source _original_basename=main.cf.j2 follow=False checksum=0c7f2d9e1a44b8f3e6d5c2b1a0f9e8d7c6b5a4f3 backup=True force=True unsafe_writes=False")
    sysmsg(b + 11.8, "ansible-ansible.legacy.stat[30103]", "Invoked with path=/etc/postfix/sender_access follow=False get_checksum=True get_mime=True get_attributes=True checksum_algorithm=sha1")
    sysmsg(b + 12.5, "ansible-ansible.legacy.copy[30106]", "Invoked with dest=/etc/postfix/sender_access mode=0644 owner=root group=root src=/home/deploy/.ansible/tmp/ansible-tmp-1780489274.62-30061/source _original_basename=sender_access follow=False checksum=9a1b2c3d4e5f60718293a4b5c6d7e8f901234567 backup=False force=True unsafe_writes=False")
    sysmsg(b + 16.6, "ansible-ansible.legacy.systemd[30110]", "Invoked with name=postfix state=reloaded daemon_reload=False daemon_reexec=False scope=system no_block=False enabled=None force=None masked=None")
    sysmsg(b + 16.7, "systemd[1]", "Reloading postfix@-.service - Postfix Mail Transport Agent (instance -)...")
    sysmsg(b + 16.81, "systemd[1]", "Reloaded postfix@-.service - Postfix Mail Transport Agent (instance -).")
    sysmsg(b + 18.1, "sshd[30077]", "pam_unix(sshd:session): session closed for user deploy")

def gen_pg():
    f = "db/postgresql-2026-06-03_1400.log"
    t = START + R.uniform(0, 60)
    while t < END:
        emit(f, t, "%s.%03d CEST [%d] LOG:  checkpoint starting: time" % (sec_fmt(t + LOCAL, "%Y-%m-%d %H:%M:%S"), frac(t, 3), 812))
        d = R.uniform(26, 29)
        emit(f, t + d, "%s.%03d CEST [%d] LOG:  checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s, sync=0.004 s, total=%.3f s; sync files=%d, longest=0.002 s, average=0.001 s; distance=%d kB, estimate=%d kB; lsn=5A/%X, redo lsn=5A/%X" % (sec_fmt(t + d + LOCAL, "%Y-%m-%d %H:%M:%S"), frac(t + d, 3), 812, ri(800, 4000), R.uniform(0.5, 2.5), ri(1, 4), d - 0.1, d, ri(40, 120), ri(9000, 40000), ri(30000, 42000), ri(0x10000000, 0x7fffffff), ri(0x10000000, 0x7fffffff)))
        t += 300
    for t, q in ((T(12, 18, 4.2), "SELECT o.id, o.created_at, SUM(l.qty * l.price) FROM orders_order o JOIN orders_line l ON l.order_id = o.id WHERE o.created_at >= '2026-05-01' GROUP BY o.id ORDER BY 3 DESC"),
                 (T(12, 18, 19.7), "SELECT p.sku, COUNT(*) FROM catalog_product p JOIN orders_line l ON l.product_id = p.id GROUP BY p.sku"),
                 (T(12, 19, 2.5), "SELECT o.id, o.created_at, SUM(l.qty * l.price) FROM orders_order o JOIN orders_line l ON l.order_id = o.id WHERE o.created_at >= '2026-05-01' GROUP BY o.id ORDER BY 3 DESC")):
        d = R.uniform(2.1, 4.8)
        emit(f, t + d, "%s.%03d CEST [%d] LOG:  duration: %.3f ms  statement: %s" % (sec_fmt(t + d + LOCAL, "%Y-%m-%d %H:%M:%S"), frac(t + d, 3), ri(20000, 29999), d * 1000, q))
    t = START + R.uniform(0, 200)
    while t < END:
        emit(f, t, "%s.%03d CEST [%d] LOG:  automatic vacuum of table \"nordhaus.public.django_session\": index scans: 1" % (sec_fmt(t + LOCAL, "%Y-%m-%d %H:%M:%S"), frac(t, 3), ri(20000, 29999)))
        t += R.uniform(500, 900)

def write_all():
    shutil.rmtree(LOGS, ignore_errors=True)
    os.makedirs(LOGS)
    for rel in sorted(FILES):
        rows = FILES[rel]
        rows.sort(key=lambda r: (r[0], r[1]))
        p = os.path.join(LOGS, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(("\n".join(r[2] for r in rows) + "\n").encode())

gen_django_noise()
run()
gen_postfix()
gen_relay_messages()
gen_pg()
write_all()
