#!/usr/bin/env python3
"""m10: an Ansible run re-renders /etc/memcached.conf on mc-sess-02 with an undefined memory
variable, so memcached restarts with the 64 MB default instead of 4 GB. Portal sessions
(spymemcached, ketama on portal:sess:<userId>) that hash to mc-sess-02 are evicted within
a minute of inactivity; those users are bounced to the login page over and over, the tiny
auth-svc (bcrypt cost 14) saturates, Apache times out. Memcached itself logs nothing."""
import heapq
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from m_common import (LogSet, Rand, USER_AGENTS, iso, jdump, main_dir, report, strf, ts_of,  # noqa: E402
                      write_truth, java_trace)

R = Rand(20250814)
T0 = ts_of(2025, 8, 14, 16, 36, 0)
T1 = ts_of(2025, 8, 14, 17, 40, 0)
PORTAL_DEPLOY = ts_of(2025, 8, 14, 16, 45, 3)
ANSIBLE_TASK = ts_of(2025, 8, 14, 16, 52, 10.4)
MC_RESTART = ts_of(2025, 8, 14, 16, 52, 31.118)
FIX_RESTART = ts_of(2025, 8, 14, 17, 22, 14.52)
CEST = 120
MC2_SKEW = 45.3
L = None
NODES = {"n1": "mc-sess-01", "n2": "mc-sess-02", "n3": "mc-sess-03"}
MC_IP = {"n1": "10.44.3.11", "n2": "10.44.3.12", "n3": "10.44.3.13"}


def add(path, t, line):
    L.add(path, t, line)


def small_n2(t):
    return MC_RESTART <= t < FIX_RESTART


def evict_age(t):
    return R.uniform(10, 45)


# ----------------------------------------------------------------- formats
def apache_access(t_start, dur, client, method, path, status, size, ref, ua):
    add("logs/apache/web-01/portal_ssl_access.log", t_start + dur, '%s - - [%s] "%s %s HTTP/1.1" %d %s "%s" "%s" %d' % (
        client, strf(t_start, "%d/%b/%Y:%H:%M:%S +0200", CEST), method, path, status, size if size else "-", ref, ua, int(dur * 1e6)))


def apache_error(t, mod, client, msg, ref=None):
    add("logs/apache/web-01/portal_ssl_error.log", t, "[%s] [%s] [pid %d:tid %d] %s[client %s:%d] %s%s" % (
        strf(t, "%a %b %d %H:%M:%S.{us} %Y", CEST), mod, R.pick([21113, 21114, 21240]), R.randrange(139900000000000, 140399999999999),
        "(70007)The timeout specified has expired: " if "AH01102" in msg else "", client, R.randrange(1024, 65535), msg, (", referer: " + ref) if ref else ""))


def catalina(node, t, level, thread, src, msg):
    add("logs/portal/%s/catalina.out" % node, t, "%s %s [%s] %s %s" % (strf(t, "%d-%b-%Y %H:%M:%S.{ms}", CEST), level, thread, src, msg))


def bunyan(t, level, msg, **kw):
    d = {"name": "auth-svc", "hostname": "auth-01", "pid": 1187, "level": level}
    d.update(kw)
    d["msg"] = msg
    d["time"] = iso(t, 3, True)
    d["v"] = 0
    add("logs/auth-svc/auth-svc.log", t, jdump(d))


def journal(host, t, ident, msg):
    shown = t + (MC2_SKEW if host == "mc-sess-02" else 0.0)
    add("logs/memcached/%s/journal.log" % host, t, "%s %s %s: %s" % (strf(shown, "%Y-%m-%dT%H:%M:%S+0200", CEST), host, ident, msg))


def ansible(t, msg):
    add("logs/ops-01/ansible.log", t, "%s p=88231 u=deploy n=ansible | %s" % (strf(t, "%Y-%m-%d %H:%M:%S,{ms}", CEST), msg))


def profile_log(t, level, msg, **kw):
    parts = ["time=%s" % iso(t, 3, True), "level=%s" % level, 'msg="%s"' % msg]
    for k, v in kw.items():
        sv = str(v)
        parts.append('%s="%s"' % (k, sv) if (" " in sv or "=" in sv) else "%s=%s" % (k, sv))
    add("logs/profile-svc/profile-svc.log", t, " ".join(parts))


def mysql_slow(t, dur, rows_ex, rows_sent, user, host, sql):
    add("logs/users-db/mysql-slow.log", t + dur, "# Time: %s\n# User@Host: %s[%s] @  [%s]  Id: %d\n# Query_time: %.6f  Lock_time: 0.000%03d Rows_sent: %d  Rows_examined: %d\nSET timestamp=%d;\n%s;" % (
        iso(t + dur, 6, True), user, user, host, R.randrange(400000, 499999), dur, R.randrange(1, 999), rows_sent, rows_ex, int(t), sql))


# ----------------------------------------------------------------- auth-svc (bcrypt pool of 2 threads)
class AuthPool:
    def __init__(self):
        self.free = [0.0]

    def submit(self, t):
        """FIFO single hashing worker; requests whose client (Apache, 30 s) already gave up are skipped."""
        i = 0
        start = max(t, self.free[i])
        if start - t > 26.0:
            return start, None
        svc = R.lat(1.9, 0.15)
        self.free[i] = start + svc
        return start, start + svc

    def backlog(self, t):
        return max(0.0, min(self.free) - t)


POOL = AuthPool()
PORTAL_NODES = ["portal-01", "portal-02", "portal-03"]
PAGES = ["/portal/dashboard", "/portal/invoices", "/portal/invoices/%d", "/portal/orders", "/portal/orders/%d/tracking", "/portal/reports/monthly",
         "/portal/settings/team", "/portal/documents"]


def page_path():
    p = R.pick(PAGES)
    return p % R.randrange(100000, 999999) if "%d" in p else p


def main():
    global L
    out = main_dir(sys.argv)
    L = LogSet(out)
    users = []
    ev = []
    seq = [0]

    def push(t, kind, u, data=None):
        seq[0] += 1
        heapq.heappush(ev, (t, seq[0], kind, u, data))

    for i in range(640):
        node = R.pick(["n1", "n2", "n3"])   # ketama(user key) -> fixed memcached server per user
        users.append({"ip": R.public_ip(), "ua": R.pick(USER_AGENTS[:8]), "sid": R.hexid(32).upper(), "node": node, "uid": 40000 + i * 7,
                      "last": T0 - R.uniform(0, 900), "email": "user%04d@%s" % (i, R.pick(["kowalski-logistyka.pl", "nordtrans.de", "baltic-freight.lt", "acme-sklep.pl", "ferrovia.it"])),
                      "login_tries": 0, "web": "web-0%d" % (1 + i % 4), "left": 0})
        if R.random() < 0.45:
            push(T0 + R.uniform(0, 40), "page", i)
            users[-1]["left"] = 1 + int(R.expovariate(1 / 13.0))
        else:
            push(T0 + R.expovariate(1 / 600.0), "visit", i)

    def visible(u):
        return u["web"] == "web-01"

    def acc(u, *a, **k):
        if visible(u):
            apache_access(*a, **k)

    def aerr(u, *a, **k):
        if visible(u):
            apache_error(*a, **k)

    def session_ok(u, t):
        if u["sid"] is None:
            return False
        if t - u["last"] > 900:
            return False
        if u["node"] == "n2":
            if u["last"] < MC_RESTART <= t or u["last"] < FIX_RESTART <= t:
                return False
            if small_n2(t) and t - u["last"] > evict_age(t):
                return False
        return True

    def next_page(ui, t):
        u = users[ui]
        u["left"] -= 1
        if u["left"] <= 0:
            push(t + R.expovariate(1 / 720.0), "visit", ui)
        else:
            push(t + R.expovariate(1 / 25.0), "page", ui)

    while ev:
        t, _, kind, ui, data = heapq.heappop(ev)
        if t >= T1:
            continue
        u = users[ui]
        pnode = R.pick(PORTAL_NODES)
        thread = "http-nio-8080-exec-%d" % R.randrange(1, 201)
        if kind == "visit":
            u["left"] = 1 + int(R.expovariate(1 / 13.0))
            kind = "page"
        if kind == "page":
            path = page_path()
            if session_ok(u, t):
                u["last"] = t
                d = R.lat(0.06, 0.4)
                if R.random() < 0.35:
                    # header widget -> profile-svc (profile cache lives on the same memcached pool)
                    miss = R.random() < (0.33 * (0.93 if small_n2(t) else 0.03) + 0.67 * 0.03)
                    if miss:
                        q = R.lat(0.9, 0.5) if small_n2(t) else R.lat(0.004, 0.5)
                        d += q
                        if q > 1.0 and R.random() < 0.5:
                            mysql_slow(t, q, R.randrange(180000, 420000), R.randrange(1, 30), "profile_ro", "10.44.2.31",
                                       "SELECT p.*, pr.locale, pr.timezone, pr.widgets FROM profiles p JOIN preferences pr ON pr.user_id = p.user_id WHERE p.org_id = %d ORDER BY p.updated_at DESC" % R.randrange(1000, 9999))
                        if q > 1.0:
                            profile_log(t + q, "warn", "slow profile load from DB", user=u["email"], took_ms=int(q * 1000), cache="miss")
                if R.random() < 0.01:
                    catalina(pnode, t + d, "INFO", thread, "com.acme.portal.web.AccessLog.log", "%s %s 200 %dms" % ("GET", path.split("?")[0], int(d * 1000)))
                acc(u, t, d + 0.001, u["ip"], "GET", path, 200, R.randrange(4000, 60000), "https://portal.acme-b2b.pl/portal/dashboard", u["ua"])
                next_page(ui, t + d)
            else:
                if u["sid"] is not None:
                    if t - u["last"] > 900:
                        catalina(pnode, t + 0.004, "INFO", thread, "com.acme.portal.security.SessionGuard.doFilter",
                                 "Session JSESSIONID=%s expired (idle %ds), redirecting to login" % (u["sid"], int(t - u["last"])))
                    else:
                        catalina(pnode, t + 0.004, "WARNING", thread, "com.acme.portal.security.SessionGuard.doFilter",
                                 "Session for user %d not found in session store (key portal:sess:%d, server %s/%s:11211), forcing re-authentication [idle=%ds]" % (
                                     u["uid"], u["uid"], NODES[u["node"]], MC_IP[u["node"]], int(t - u["last"])))
                    u["sid"] = None
                acc(u, t, 0.007, u["ip"], "GET", path, 302, 0, "https://portal.acme-b2b.pl/portal/dashboard", u["ua"])
                d2 = R.lat(0.01, 0.3)
                acc(u, t + 0.3, d2, u["ip"], "GET", "/auth/login?return=%s" % path.replace("/", "%2F"), 200, R.randrange(3000, 4200), "https://portal.acme-b2b.pl" + path, u["ua"])
                push(t + 0.3 + R.uniform(4, 14), "login", ui, path)
        elif kind == "login":
            u["login_tries"] += 1
            start, finish = POOL.submit(t)
            rid = R.uuid()
            if finish is None or finish - t > 30.0:
                acc(u, t, 30.0, u["ip"], "POST", "/auth/login", 504, 247, "https://portal.acme-b2b.pl/auth/login", u["ua"])
                aerr(u, t + 30.0, "proxy_http:error", u["ip"], "AH01102: error reading status line from remote server auth-01.internal:3000", "https://portal.acme-b2b.pl/auth/login")
                aerr(u, t + 30.0005, "proxy:error", u["ip"], "AH00898: Error reading from remote server returned by /auth/login", "https://portal.acme-b2b.pl/auth/login")
                if finish is None:
                    bunyan(t + 26.0 + R.uniform(0.01, 0.9), 40, "request aborted by client while queued, skipping password hash", req_id=rid, route="POST /login",
                           queued_ms=int(26000 + R.uniform(10, 900)), email=u["email"])
                else:
                    bunyan(finish, 40, "client went away before response", req_id=rid, route="POST /login", queued_ms=int((start - t) * 1000), hash_ms=int((finish - start) * 1000), email=u["email"])
                if u["login_tries"] < 4:
                    push(t + 30.0 + R.uniform(4, 20), "login", ui, data)
                else:
                    u["login_tries"] = 0
                    push(t + 30.0 + R.uniform(120, 300), "visit", ui)
                continue
            bunyan(finish, 30, "login ok", req_id=rid, route="POST /login", email=u["email"], queued_ms=int((start - t) * 1000),
                   hash_ms=int((finish - start) * 1000), mfa=False)
            if finish - t > 5:
                bunyan(finish + 0.0001, 40, "slow request", req_id=rid, route="POST /login", duration_ms=int((finish - t) * 1000), hash_queue=int(POOL.backlog(finish) / 1.9))
            acc(u, t, finish - t + 0.002, u["ip"], "POST", "/auth/login", 302, 0, "https://portal.acme-b2b.pl/auth/login", u["ua"])
            tc = finish + 0.25
            tok = 0.02 + 0.35 * POOL.backlog(tc) ** 0.5
            if tok > 5.0:
                catalina(pnode, tc + 5.0, "SEVERE", thread, "com.acme.portal.sso.SsoCallbackServlet.doGet", "SSO token exchange failed for state=%s\n%s" % (R.alnum(12), java_trace(
                    "java.net.SocketTimeoutException", "Read timed out", [
                        "java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)",
                        "java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:304)",
                        "org.apache.http.impl.io.SessionInputBufferImpl.streamRead(SessionInputBufferImpl.java:137)",
                        "org.apache.http.impl.conn.DefaultHttpResponseParser.parseHead(DefaultHttpResponseParser.java:101)",
                        "org.apache.http.impl.client.CloseableHttpClient.execute(CloseableHttpClient.java:56)",
                        "com.acme.portal.sso.AuthClient.exchangeCode(AuthClient.java:88)",
                        "com.acme.portal.sso.SsoCallbackServlet.doGet(SsoCallbackServlet.java:61)",
                        "javax.servlet.http.HttpServlet.service(HttpServlet.java:529)"], more=27)))
                acc(u, tc, 5.02, u["ip"], "GET", "/portal/sso/callback?code=%s&state=%s" % (R.alnum(24), R.alnum(12)), 502, 412, "https://portal.acme-b2b.pl/auth/login", u["ua"])
                push(tc + 5.02 + R.uniform(5, 25), "login", ui, data)
                continue
            node = u["node"]
            u["sid"] = R.hexid(32).upper()
            u["last"] = tc + tok
            u["login_tries"] = 0
            bunyan(tc + tok - 0.001, 30, "token issued", route="POST /oauth/token", client_id="b2b-portal", duration_ms=int(tok * 1000))
            acc(u, tc, tok + 0.01, u["ip"], "GET", "/portal/sso/callback?code=%s&state=%s" % (R.alnum(24), R.alnum(12)), 302, 0, "https://portal.acme-b2b.pl/auth/login", u["ua"])
            if R.random() < 0.2:
                catalina(pnode, tc + tok + 0.005, "INFO", thread, "com.acme.portal.sso.SsoCallbackServlet.doGet", "login completed for %s, session stored as portal:sess:%d" % (u["email"], u["uid"]))
            push(tc + tok + R.uniform(0.5, 2.0), "page", ui)
    platform()
    sizes = L.write()
    report(out, sizes)
    write_truth(out, {
        "root_cause": {"service": "memcached", "fault": "memory-limit-misconfigured-eviction-storm", "start": iso(MC_RESTART, 3)},
        "propagation": ["memcached", "portal", "apache"],
        "affected": ["memcached", "portal", "auth-svc", "apache", "profile-svc", "users-db"],
        "acceptable_roots": ["mc-sess"],
        "notes": (
            "Session store: memcached on mc-sess-01/02/03 (10.44.3.11-13), used by the Tomcat portal through spymemcached with "
            "ketama hashing of the key portal:sess:<userId> (single session per user), so each user always maps to the same "
            "server. 16:52:10Z an Ansible play re-renders /etc/memcached.conf; on mc-sess-02 the memory variable is undefined "
            "and the handler restarts memcached at 16:52:31.118Z with the 64 MB default instead of 4096 MB. memcached logs "
            "nothing itself: evidence is the ops-01 ansible.log (changed: [mc-sess-02], RUNNING HANDLER restart memcached), "
            "systemd restart lines in mc-sess-02's journal, spymemcached reconnect messages in catalina.out, telegraf's "
            "memcached metrics (limit_maxbytes=67108864, uptime reset, evictions climbing only on mc-sess-02:11211) and the "
            "portal's 'Session for user ... not found in session store (... server mc-sess-02/10.44.3.12:11211)' warnings. "
            "Every session on that server is lost at the restart and afterwards evicted after ~10-45 s of inactivity, so the "
            "third of users hashed to it are bounced to the login page again and again. auth-svc (bcrypt cost 14 on a single "
            "hashing worker, ~0.5 logins/s; it skips requests whose client already gave up) saturates: POST /auth/login "
            "waits ~26-30 s, Apache mod_proxy times out at 30 s (504, AH01102), users retry, the SSO callback's token "
            "exchange times out (portal SEVERE + 502). profile-svc's cache (same memcached pool) misses on mc-sess-02 and "
            "its DB queries show up in the users-db slow log. Only web-01's Apache logs were collected (one of four "
            "frontends behind DNS round robin), while auth-svc and the portal see all users. Fixed by re-running Ansible "
            "with the right value at 17:22:14Z (one more flush of mc-sess-02), recovery within ~5 minutes as the login "
            "backlog drains. Clock quirks: Tomcat catalina.out and the Apache error log are Europe/Warsaw local time without "
            "offset (+02:00), Apache access has +0200, auth-svc/profile-svc/MySQL are UTC, telegraf uses epoch nanoseconds, "
            "ansible.log is local without offset; mc-sess-02 runs 45 s fast (its NTP sync times out), so its systemd "
            "restart appears at 18:53:16 local. Red herrings: portal release 2025.08.14-2 redeployed at 16:45:03Z (Tomcat "
            "undeploy/deploy); MySQL slow queries (symptom of cache misses, plus a pre-existing reporting query); auth-svc's "
            "slow-request and aborted-request warnings make it look like the root; an unrelated 'install security updates' "
            "Ansible task in the same play."),
    })


def platform():
    # ---- telegraf memcached input (influx line protocol, file output on mon-01)
    stats = {n: {"ev": R.randrange(0, 40), "hits": R.randrange(10 ** 8, 2 * 10 ** 8), "miss": R.randrange(10 ** 6, 2 * 10 ** 6),
                 "items": R.randrange(380000, 420000), "bytes": R.randrange(1_300_000_000, 1_500_000_000), "up": R.randrange(4_000_000, 9_000_000),
                 "conn": R.randrange(300, 380), "rd": R.randrange(10 ** 11, 2 * 10 ** 11), "wr": R.randrange(10 ** 11, 3 * 10 ** 11)}
             for n in ("mc-sess-01", "mc-sess-02", "mc-sess-03")}
    t = T0 + 0.0
    while t < T1:
        for h in ("mc-sess-01", "mc-sess-02", "mc-sess-03"):
            s = stats[h]
            limit = 4294967296
            if h == "mc-sess-02":
                if MC_RESTART <= t < FIX_RESTART:
                    limit = 67108864
                    if s.get("reset") != "a":
                        s.update({"ev": 0, "hits": 0, "miss": 0, "items": 0, "bytes": 0, "up": 0, "rd": 0, "wr": 0, "reset": "a"})
                    s["ev"] += R.randrange(1800, 5200)
                    s["items"] = R.randrange(26000, 34000)
                    s["bytes"] = 67108864 - R.randrange(20000, 400000)
                    s["miss"] += R.randrange(1500, 3500)
                    s["hits"] += R.randrange(1500, 3000)
                elif t >= FIX_RESTART:
                    if s.get("reset") != "b":
                        s.update({"ev": 0, "hits": 0, "miss": 0, "items": 0, "bytes": 0, "up": 0, "rd": 0, "wr": 0, "reset": "b"})
                    s["items"] += R.randrange(300, 900)
                    s["bytes"] += R.randrange(600000, 1800000)
                    s["miss"] += R.randrange(400, 900)
                    s["hits"] += R.randrange(4000, 6000)
                else:
                    s["ev"] += R.randrange(0, 2)
                    s["hits"] += R.randrange(4000, 6000)
                    s["miss"] += R.randrange(30, 90)
            else:
                s["ev"] += R.randrange(0, 2)
                s["hits"] += R.randrange(4000, 6000)
                s["miss"] += R.randrange(30, 90)
                s["items"] += R.randrange(-200, 220)
                s["bytes"] += R.randrange(-300000, 320000)
            s["up"] += 10
            s["rd"] += R.randrange(2_000_000, 4_000_000)
            s["wr"] += R.randrange(3_000_000, 9_000_000)
            add("logs/mon-01/telegraf-metrics.out", t,
                "memcached,host=mon-01,server=%s:11211 accepting_conns=1i,auth_cmds=0i,auth_errors=0i,bytes=%di,bytes_read=%di,bytes_written=%di,cas_badval=0i,cas_hits=0i,cas_misses=0i,cmd_flush=0i,cmd_get=%di,cmd_set=%di,cmd_touch=%di,conn_yields=0i,connection_structures=%di,curr_connections=%di,curr_items=%di,decr_hits=0i,decr_misses=0i,delete_hits=%di,delete_misses=%di,evictions=%di,get_hits=%di,get_misses=%di,incr_hits=0i,incr_misses=0i,limit_maxbytes=%di,listen_disabled_num=0i,reclaimed=%di,threads=4i,total_connections=%di,total_items=%di,touch_hits=%di,touch_misses=%di,uptime=%di %d" % (
                    h, s["bytes"], s["rd"], s["wr"], s["hits"] + s["miss"], s["items"] + s["ev"], s["hits"] // 3, s["conn"] + 12, s["conn"], s["items"],
                    s["hits"] // 900, s["miss"] // 50, s["ev"], s["hits"], s["miss"], limit, s["ev"] // 40, s["conn"] * 41, s["items"] + s["ev"],
                    s["hits"] // 3, s["miss"] // 3 if h == "mc-sess-02" and limit < 10 ** 9 else s["miss"] // 20, s["up"], int(t) * 1000000000))
        add("logs/mon-01/telegraf-metrics.out", t + 0.01, "cpu,cpu=cpu-total,host=mon-01 usage_idle=%.2f,usage_system=%.2f,usage_user=%.2f %d" % (
            R.uniform(85, 95), R.uniform(1, 4), R.uniform(3, 9), int(t) * 1000000000))
        t += 10.0
    # ---- ansible run from ops-01
    a0 = ANSIBLE_TASK - 95
    ansible(a0, "PLAY [memcached_sessions] ******************************************************")
    ansible(a0 + 1.2, "TASK [Gathering Facts] *********************************************************")
    for h in ("mc-sess-01", "mc-sess-02", "mc-sess-03"):
        ansible(a0 + 4.5 + R.random(), "ok: [%s]" % h)
    ansible(a0 + 6, "TASK [common : install security updates] ***************************************")
    for h in ("mc-sess-01", "mc-sess-02", "mc-sess-03"):
        ansible(a0 + 60 + R.uniform(0, 20), "ok: [%s]" % h)
    ansible(ANSIBLE_TASK - 8, "TASK [memcached : install memcached] ***************************************************")
    for h in ("mc-sess-01", "mc-sess-02", "mc-sess-03"):
        ansible(ANSIBLE_TASK - 6 + R.random(), "ok: [%s]" % h)
    ansible(ANSIBLE_TASK - 1, "TASK [memcached : render /etc/memcached.conf] *************************************")
    ansible(ANSIBLE_TASK + 1.8, "ok: [mc-sess-01]")
    ansible(ANSIBLE_TASK + 2.1, "changed: [mc-sess-02]")
    ansible(ANSIBLE_TASK + 2.3, "ok: [mc-sess-03]")
    ansible(ANSIBLE_TASK + 3, "TASK [memcached : enable memcached] *****************************************************")
    for h in ("mc-sess-01", "mc-sess-02", "mc-sess-03"):
        ansible(ANSIBLE_TASK + 5 + R.random(), "ok: [%s]" % h)
    ansible(MC_RESTART - 0.6, "RUNNING HANDLER [memcached : restart memcached] ****************************************")
    ansible(MC_RESTART + 1.4, "changed: [mc-sess-02]")
    ansible(MC_RESTART + 1.5, "PLAY RECAP *********************************************************************")
    ansible(MC_RESTART + 1.51, "mc-sess-01                 : ok=5    changed=0    unreachable=0    failed=0    skipped=1    rescued=0    ignored=0")
    ansible(MC_RESTART + 1.52, "mc-sess-02                 : ok=6    changed=2    unreachable=0    failed=0    skipped=1    rescued=0    ignored=0")
    ansible(MC_RESTART + 1.53, "mc-sess-03                 : ok=5    changed=0    unreachable=0    failed=0    skipped=1    rescued=0    ignored=0")
    f0 = FIX_RESTART - 40
    ansible(f0, "PLAY [memcached_sessions] ******************************************************")
    ansible(f0 + 30, "TASK [memcached : render /etc/memcached.conf] *************************************")
    ansible(f0 + 33, "ok: [mc-sess-01]")
    ansible(f0 + 33.4, "changed: [mc-sess-02]")
    ansible(f0 + 33.6, "ok: [mc-sess-03]")
    ansible(FIX_RESTART - 0.6, "RUNNING HANDLER [memcached : restart memcached] ****************************************")
    ansible(FIX_RESTART + 1.3, "changed: [mc-sess-02]")
    ansible(FIX_RESTART + 1.4, "PLAY RECAP *********************************************************************")
    ansible(FIX_RESTART + 1.41, "mc-sess-02                 : ok=6    changed=2    unreachable=0    failed=0    skipped=1    rescued=0    ignored=0")
    # ---- journals on memcached hosts
    for h in ("mc-sess-01", "mc-sess-02", "mc-sess-03"):
        tt = ANSIBLE_TASK + 1.0 + R.random()
        journal(h, tt - 0.5, "sudo[%d]" % R.randrange(40000, 49999), "  deploy : PWD=/home/deploy ; USER=root ; COMMAND=/bin/sh -c 'echo BECOME-SUCCESS-%s ; /usr/bin/python3'" % R.alnum(32))
        journal(h, tt, "ansible-ansible.legacy.stat[%d]" % R.randrange(40000, 49999), "Invoked with path=/etc/memcached.conf follow=False get_checksum=True checksum_algorithm=sha1 get_mime=True get_attributes=True")
        if h == "mc-sess-02":
            journal(h, tt + 0.8, "ansible-ansible.legacy.copy[%d]" % R.randrange(40000, 49999), "Invoked with dest=/etc/memcached.conf mode=0644 owner=root group=root backup=True src=/home/deploy/.ansible/tmp/ansible-tmp-1755190330.41-88231-%d/.source.conf _original_basename=memcached.conf.j2 follow=False checksum=%s force=True unsafe_writes=False" % (R.randrange(10 ** 14, 10 ** 15), R.hexid(40)))
        for (tt2, ident, msg) in ((T0 + R.uniform(0, 600), "CRON[%d]" % R.randrange(20000, 30000), "(root) CMD (test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily ))"),
                                  (T0 + R.uniform(600, 3000), "systemd[1]", "Starting apt-daily.service - Daily apt download activities..."),
                                  (T0 + R.uniform(600, 3000), "systemd-timesyncd[512]" if h != "mc-sess-02" else "systemd-timesyncd[498]",
                                   "Initial synchronization to time server 10.44.0.2:123 (ntp1.acme.internal)." if h != "mc-sess-02" else "Timed out waiting for reply from 10.44.0.2:123 (ntp1.acme.internal).")):
            journal(h, tt2, ident, msg)
    for rt in (MC_RESTART, FIX_RESTART):
        journal("mc-sess-02", rt - 0.05, "sudo[%d]" % R.randrange(40000, 49999), "  deploy : PWD=/home/deploy ; USER=root ; COMMAND=/bin/sh -c 'echo BECOME-SUCCESS-%s ; /usr/bin/python3'" % R.alnum(32))
        journal("mc-sess-02", rt - 0.02, "ansible-ansible.legacy.systemd[%d]" % R.randrange(40000, 49999), "Invoked with name=memcached state=restarted daemon_reload=False daemon_reexec=False scope=system no_block=False enabled=None force=None masked=None")
        journal("mc-sess-02", rt, "systemd[1]", "Stopping memcached.service - memcached daemon...")
        journal("mc-sess-02", rt + 0.04, "systemd[1]", "memcached.service: Deactivated successfully.")
        journal("mc-sess-02", rt + 0.05, "systemd[1]", "Stopped memcached.service - memcached daemon.")
        journal("mc-sess-02", rt + 0.06, "systemd[1]", "Started memcached.service - memcached daemon.")
    # ---- spymemcached sees the mc-sess-02 restarts
    for rt in (MC_RESTART, FIX_RESTART):
        for node in PORTAL_NODES:
            x = rt + R.uniform(0.05, 0.4)
            catalina(node, x, "INFO", "Memcached IO over {MemcachedConnection to mc-sess-01/10.44.3.11:11211 mc-sess-02/10.44.3.12:11211 mc-sess-03/10.44.3.13:11211}",
                     "net.spy.memcached.MemcachedConnection.handleIO", "Reconnecting due to exception on {QA sa=mc-sess-02/10.44.3.12:11211, #Rops=%d, #Wops=0, #iq=0, topRop=Cmd: 0 Opaque: %d Key: portal:sess:%d, topWop=null, toWrite=0, interested=1}\njava.io.IOException: Disconnected unexpected, will reconnect.\n\tat net.spy.memcached.MemcachedConnection.handleReadsWhenChannelEndOfStream(MemcachedConnection.java:911)\n\tat net.spy.memcached.MemcachedConnection.handleReads(MemcachedConnection.java:823)\n\tat net.spy.memcached.MemcachedConnection.handleReadsAndWrites(MemcachedConnection.java:720)\n\tat net.spy.memcached.MemcachedConnection.handleIO(MemcachedConnection.java:683)\n\tat net.spy.memcached.MemcachedConnection.handleIO(MemcachedConnection.java:436)\n\tat net.spy.memcached.MemcachedConnection.run(MemcachedConnection.java:1446)" % (
                         R.randrange(1, 4), R.randrange(100000, 999999), R.randrange(40000, 44500)))
            catalina(node, x + 0.001, "WARNING", "Memcached IO over {MemcachedConnection to mc-sess-01/10.44.3.11:11211 mc-sess-02/10.44.3.12:11211 mc-sess-03/10.44.3.13:11211}",
                     "net.spy.memcached.MemcachedConnection.queueReconnect", "Closing, and reopening {QA sa=mc-sess-02/10.44.3.12:11211, #Rops=0, #Wops=0, #iq=0, topRop=null, topWop=null, toWrite=0, interested=0}, attempt 0.")
            catalina(node, x + 2.01, "INFO", "Memcached IO over {MemcachedConnection to mc-sess-01/10.44.3.11:11211 mc-sess-02/10.44.3.12:11211 mc-sess-03/10.44.3.13:11211}",
                     "net.spy.memcached.MemcachedConnection.finishConnect", "Reconnected to {QA sa=mc-sess-02/10.44.3.12:11211, #Rops=0, #Wops=0, #iq=0, topRop=null, topWop=null, toWrite=0, interested=0}")
    # ---- portal release (red herring)
    for i, node in enumerate(PORTAL_NODES):
        d = PORTAL_DEPLOY + 70 * i
        catalina(node, d, "INFO", "ContainerBackgroundProcessor[StandardEngine[Catalina]]", "org.apache.catalina.startup.HostConfig.undeploy", "Undeploying context [/portal]")
        catalina(node, d + 2.1, "INFO", "Catalina-utility-2", "org.apache.catalina.startup.HostConfig.deployWAR", "Deploying web application archive [/opt/tomcat/webapps/portal.war]")
        for h, ip in (("mc-sess-01", "10.44.3.11"), ("mc-sess-02", "10.44.3.12"), ("mc-sess-03", "10.44.3.13")):
            catalina(node, d + 9.8 + R.random() * 0.01, "INFO", "Catalina-utility-2", "net.spy.memcached.MemcachedConnection.createConnections",
                     "Added {QA sa=%s/%s:11211, #Rops=0, #Wops=0, #iq=0, topRop=null, topWop=null, toWrite=0, interested=0} to connect queue" % (h, ip))
        catalina(node, d + 9.9, "INFO", "Catalina-utility-2", "com.acme.portal.session.MemcachedSessionStore.<init>",
                 "session store ready: ketama consistent hashing over [mc-sess-01:11211, mc-sess-02:11211, mc-sess-03:11211], key=portal:sess:<userId>, single-session-per-user=true, ttl=1800s")
        catalina(node, d + 14.2, "INFO", "Catalina-utility-2", "org.apache.jasper.servlet.TldScanner.scanJars", "At least one JAR was scanned for TLDs yet contained no TLDs. Enable debug logging for this logger for a complete list of JARs that were scanned but no TLDs were found in them. Skipping unneeded JARs during scanning can improve startup time and JSP compilation time.")
        catalina(node, d + 15.0, "INFO", "Catalina-utility-2", "com.acme.portal.PortalContextListener.contextInitialized", "portal 2025.08.14-2 (build 7731) started, sso=auth-01.internal:3000")
        catalina(node, d + 15.1, "INFO", "Catalina-utility-2", "org.apache.catalina.startup.HostConfig.deployWAR", "Deployment of web application archive [/opt/tomcat/webapps/portal.war] has finished in [13,012] ms")
    # ---- auth-svc baseline + mysql background
    t = T0 + 5
    while t < T1:
        bunyan(t, 30, "healthcheck", route="GET /healthz", duration_ms=R.randrange(1, 4), threadpool_queue=0)
        t += 30.0
    t = T0 + 40
    while t < T1:
        mysql_slow(t, R.uniform(1.0, 2.2), R.randrange(500000, 900000), R.randrange(1, 400), "reporting", "10.44.5.12",
                   "SELECT o.org_id, SUM(i.total_gross) FROM invoices i JOIN orders o ON o.id = i.order_id WHERE i.issued_at >= '2025-08-01' GROUP BY o.org_id")
        t += R.expovariate(1 / 400.0)
    t = T0 + 20
    while t < T1:
        hr = 0.61 if small_n2(t) else 0.97
        profile_log(t, "info", "cache stats", window="60s", hit_ratio="%.2f" % (hr + R.uniform(-0.02, 0.02)), gets=R.randrange(300, 700))
        t += 60.0


if __name__ == "__main__":
    main()
