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
# d09: the VM running authz (APISIX forward-auth token verifier, Elixir) is
# live-migrated and resumes with its system clock 392 s ahead; chrony only slews.
# Every freshly issued access token (5 min lifetime) now looks expired to authz
# -> APISIX returns 401 on all authenticated routes -> the SPA refreshes tokens
# and then forces re-logins -> login storm on Keycloak (identity).
# authz's own timestamps are skewed by +392 s until the clock is stepped back.
# Formats: APISIX http-logger JSON + nginx-style error.log, Elixir Logger,
# Keycloak/Quarkus log, Quarkus JSON logging, chrony tracking.log, Sidekiq, Go log.
rng = random.Random(4909)

START = datetime(2025, 3, 11, 13, 55, 0, tzinfo=UTC)
END = START + timedelta(minutes=35)
DRIFT = datetime(2025, 3, 11, 14, 5, 0, 318000, tzinfo=UTC)
FIX = datetime(2025, 3, 11, 14, 24, 10, 0, tzinfo=UTC)
SKEW = 392.118
TOKEN_TTL = 300


def authz_clock(t):
    if DRIFT <= t < FIX:
        return t + timedelta(seconds=SKEW)
    return t


S = {k: Sink() for k in ["apisix", "apisix_err", "authz", "keycloak", "orders-api", "profile-api", "cart-api", "catalog-api", "search-api", "mailer", "chrony"]}


def epoch(t):
    return int(t.timestamp())


# ---------------- authz (Elixir Logger) ----------------
def ex_line(t_real, level, msg, rid=None, node="authz@authz-vm-1"):
    tl = authz_clock(t_real)
    meta = ("request_id=%s " % rid) if rid else ""
    S["authz"].add(t_real, "%s %s%s[%s] %s" % (tl.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (tl.microsecond // 1000), meta, "", level, msg))


def phx_rid():
    return "F" + alnum(rng, 19, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def authz_verify(t, token):
    """returns (latency_ms, status, reason)"""
    rid = phx_rid()
    lat = rng.uniform(0.3, 1.6)
    ex_line(t, "info", "POST /v1/verify", rid)
    now = epoch(authz_clock(t))
    if token["exp"] + 30 < now:
        ex_line(t + ms(lat * 0.8), "warning", "token rejected reason=expired sub=%s kid=%s iat=%d exp=%d now=%d leeway=30" % (
            token["sub"], token["kid"], token["iat"], token["exp"], now), rid)
        ex_line(t + ms(lat), "info", "Sent 401 in %dms" % max(1, int(lat)), rid)
        return lat, 401, "expired"
    if token["iat"] - 30 > now:
        ex_line(t + ms(lat), "warning", "token rejected reason=iat_in_future sub=%s iat=%d now=%d" % (token["sub"], token["iat"], now), rid)
        ex_line(t + ms(lat), "info", "Sent 401 in %dms" % max(1, int(lat)), rid)
        return lat, 401, "iat"
    ex_line(t + ms(lat), "info", "Sent 200 in %dµs" % int(lat * 1000), rid)
    return lat, 200, None


# ---------------- identity (Keycloak) ----------------
def kc_ts(t):
    return t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000)


def kc(t, level, cat, thread, msg):
    S["keycloak"].add(t, "%s %-5s [%s] (%s) %s" % (kc_ts(t), level, cat, thread, msg))


kc_load = {}   # second -> number of heavy ops


def kc_latency(t, heavy):
    k = int((t - START).total_seconds())
    load = sum(kc_load.get(k - i, 0) for i in range(5))
    base = rng.uniform(180, 320) if heavy else rng.uniform(15, 40)
    factor = 1 + max(0.0, load - 1.5) * 0.8
    return base * factor, load


def kc_event(t, typ, user, ip, ok=True, extra=""):
    thread = "executor-thread-%d" % rng.randint(1, 80)
    if ok:
        kc(t, "INFO", "org.keycloak.events", thread,
           "type=\"%s\", realmId=\"shop\", clientId=\"web-spa\", userId=\"%s\", ipAddress=\"%s\"%s" % (typ, user["id"], ip, extra))
    else:
        kc(t, "WARN", "org.keycloak.events", thread,
           "type=\"%s_ERROR\", realmId=\"shop\", clientId=\"web-spa\", userId=\"%s\", ipAddress=\"%s\"%s" % (typ, user["id"] if typ != "LOGIN" else "null", ip, extra))


def identity_call(t, kind, user, ip):
    """kind: refresh | login_page | login | code. returns (lat, status)"""
    heavy = kind == "login"
    k = int((t - START).total_seconds())
    kc_load[k] = kc_load.get(k, 0) + (1 if heavy else 0.1)
    lat, load = kc_latency(t, heavy)
    if load > 3.5 and rng.random() < min(0.3, (load - 3.5) * 0.08):
        lat = 5000 + rng.uniform(0, 30)
        kc(t + ms(lat), "ERROR", "org.keycloak.services.error.KeycloakErrorHandler", "executor-thread-%d" % rng.randint(1, 80),
           "Uncaught server error: org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection [Acquisition timeout while waiting for new connection] [n/a]\n"
           "\tat org.hibernate.exception.internal.SQLStateConversionDelegate.convert(SQLStateConversionDelegate.java:100)\n"
           "\tat org.hibernate.engine.jdbc.connections.internal.LogicalConnectionManagedImpl.acquireConnectionIfNeeded(LogicalConnectionManagedImpl.java:108)\n"
           "\tat org.keycloak.models.jpa.JpaUserProvider.getUserById(JpaUserProvider.java:672)\n"
           "\tat org.keycloak.protocol.oidc.TokenManager.validateToken(TokenManager.java:214)\n"
           "Caused by: java.sql.SQLException: Acquisition timeout while waiting for new connection\n"
           "\tat io.agroal.pool.ConnectionPool.handlerFromSharedCache(ConnectionPool.java:333)\n"
           "\t... 83 more")
        return lat, 500
    if kind == "refresh":
        kc_event(t + ms(lat), "REFRESH_TOKEN", user, ip, extra=", token_id=\"%s\", refresh_token_id=\"%s\"" % (uuid_from(rng), uuid_from(rng)))
    elif kind == "login":
        if rng.random() < 0.04:
            kc_event(t + ms(lat), "LOGIN", user, ip, ok=False, extra=", error=\"invalid_user_credentials\", auth_method=\"openid-connect\", username=\"%s\"" % user["name"])
            return lat, 200
        kc_event(t + ms(lat), "LOGIN", user, ip, extra=", auth_method=\"openid-connect\", auth_type=\"code\", redirect_uri=\"https://app.shop.example/callback\", code_id=\"%s\", username=\"%s\"" % (uuid_from(rng), user["name"]))
    elif kind == "code":
        kc_event(t + ms(lat), "CODE_TO_TOKEN", user, ip, extra=", token_id=\"%s\", grant_type=\"authorization_code\", code_id=\"%s\"" % (uuid_from(rng), uuid_from(rng)))
    return lat, 200


# ---------------- APISIX ----------------
APISIX_HOSTS = ["apisix-6d9f7c5b8-%s" % alnum(rng, 5, "bcdfghjklmnpqrstvwxz2456789") for _ in range(2)]
UPSTREAMS = {"orders": "10.0.4.%d:8080" % rng.randint(10, 250), "profile": "10.0.4.%d:8080" % rng.randint(10, 250),
             "cart": "10.0.4.%d:8080" % rng.randint(10, 250), "catalog": "10.0.5.%d:8080" % rng.randint(10, 250),
             "search": "10.0.5.%d:8080" % rng.randint(10, 250), "identity": "10.0.6.%d:8443" % rng.randint(10, 250)}


def apisix(t0, method, uri, status, lat, route, upstream, up_lat=None, ip=None, extra_hdr=None, ua="Mozilla/5.0"):
    hdrs = {"host": "api.shop.example", "user-agent": ua, "x-request-id": uuid_from(rng)}
    rh = {"content-type": "application/json"}
    if extra_hdr:
        for k, v in extra_hdr:
            rh[k] = v
    rec = {"request": {"method": method, "uri": uri, "url": "https://api.shop.example:443" + uri, "size": rng.randint(300, 1200),
                       "headers": hdrs, "querystring": {}},
           "response": {"status": status, "size": rng.randint(200, 5000) if status == 200 else rng.randint(80, 300), "headers": rh},
           "upstream": upstream, "start_time": int(t0.timestamp() * 1000), "latency": round(lat, 3),
           "upstream_latency": int(up_lat) if up_lat is not None else -1, "apisix_latency": round(rng.uniform(0.2, 1.5), 3),
           "client_ip": ip, "route_id": route, "service_id": "", "server": {"hostname": rng.choice(APISIX_HOSTS), "version": "3.8.0"}}
    S["apisix"].add(t0 + ms(lat), jdump(rec))


def quarkus_json(svc, t, level, logger, msg, seq=[0]):
    seq[0] += 1
    rec = {"timestamp": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000), "sequence": seq[0], "loggerClassName": "org.jboss.logging.Logger",
           "loggerName": logger, "level": level, "message": msg, "threadName": "executor-thread-%d" % rng.randint(1, 40), "threadId": rng.randint(30, 90),
           "mdc": {}, "ndc": "", "hostName": "%s-7c8d9f-%s" % (svc, alnum(rng, 5, "bcdfghjklmnpqrstvwxz2456789")), "processName": svc, "processId": 1}
    S[svc].add(t, jdump(rec))


def golog(svc, t, src, msg):
    S[svc].add(t, "%s %s: %s" % (t.strftime("%Y/%m/%d %H:%M:%S.") + "%06d" % t.microsecond, src, msg))


def backend(route, t, user):
    if route == "orders":
        lat = rng.lognormvariate(3.0, 0.4)
        quarkus_json("orders-api", t + ms(lat), "INFO", "io.quarkus.http.access-log", "%s - %s [%s] \"GET /v1/orders HTTP/1.1\" 200 %d %dms" % (
            "10.0.3.%d" % rng.randint(2, 250), user["id"][:8], t.strftime("%d/%b/%Y:%H:%M:%S +0000"), rng.randint(400, 6000), int(lat)))
    elif route == "profile":
        lat = rng.lognormvariate(2.5, 0.4)
        quarkus_json("profile-api", t + ms(lat), "INFO", "io.quarkus.http.access-log", "%s - %s [%s] \"GET /v1/profile HTTP/1.1\" 200 %d %dms" % (
            "10.0.3.%d" % rng.randint(2, 250), user["id"][:8], t.strftime("%d/%b/%Y:%H:%M:%S +0000"), rng.randint(300, 1500), int(lat)))
    elif route == "cart":
        lat = rng.lognormvariate(2.3, 0.4)
        quarkus_json("cart-api", t + ms(lat), "INFO", "io.quarkus.http.access-log", "%s - %s [%s] \"GET /v1/cart HTTP/1.1\" 200 %d %dms" % (
            "10.0.3.%d" % rng.randint(2, 250), user["id"][:8], t.strftime("%d/%b/%Y:%H:%M:%S +0000"), rng.randint(300, 3000), int(lat)))
    elif route == "catalog":
        lat = rng.lognormvariate(2.6, 0.5)
        golog("catalog-api", t + ms(lat), "handler.go:64", "GET /v1/products status=200 dur=%.1fms" % lat)
    else:
        lat = rng.lognormvariate(3.4, 0.6)
        if rng.random() < 0.012:
            lat = 5000 + rng.uniform(0, 5)
            return lat, 504
        golog("search-api", t + ms(lat), "search.go:101", "q=%s hits=%d dur=%.1fms" % (rng.choice(["boots", "lamp", "desk", "coat", "mug"]), rng.randint(0, 500), lat))
    return lat, 200


USERS = [{"id": uuid_from(rng), "name": "user%05d" % i, "ip": "%d.%d.%d.%d" % (rng.randint(31, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))} for i in range(1500)]
ROUTE_URI = {"orders": "/api/orders", "profile": "/api/profile", "cart": "/api/cart", "catalog": "/api/catalog/products", "search": "/api/search"}


def new_token(user, t):
    return {"sub": user["id"], "kid": "k-2025-03", "iat": epoch(t), "exp": epoch(t) + TOKEN_TTL}


def identity_via_gw(t, kind, user):
    uri = {"refresh": "/auth/realms/shop/protocol/openid-connect/token", "login_page": "/auth/realms/shop/protocol/openid-connect/auth",
           "login": "/auth/realms/shop/login-actions/authenticate", "code": "/auth/realms/shop/protocol/openid-connect/token"}[kind]
    method = "GET" if kind == "login_page" else "POST"
    lat, st = identity_call(t + ms(0.8), kind, user, user["ip"])
    apisix(t, method, uri, st if st != 500 else 502, lat + 1.5, "identity", UPSTREAMS["identity"], lat, user["ip"])
    return lat + 2, st


def authed_request(t, user, route, token):
    """gateway -> authz -> backend. returns (elapsed, status)"""
    al, ast, why = authz_verify(t + ms(0.5), token)
    if ast != 200:
        apisix(t, "GET", ROUTE_URI[route], 401, al + 1.2, route, "", None, user["ip"],
               extra_hdr=[("www-authenticate", "Bearer error=\"invalid_token\", error_description=\"token expired\"")])
        return al + 1.5, 401
    bl, bst = backend(route, t + ms(al + 1), user)
    if bst != 200:
        apisix(t, "GET", ROUTE_URI[route], 504, al + bl + 1.5, route, UPSTREAMS[route], bl, user["ip"])
        return al + bl + 2, 504
    apisix(t, "GET", ROUTE_URI[route], 200, al + bl + 1.5, route, UPSTREAMS[route], bl, user["ip"])
    return al + bl + 2, 200


def rate(t):
    m = (t - START).total_seconds() / 60.0
    return 2.0 + 0.35 * math.sin(m / 7.0)


sessions = {}
for t0 in arrivals(rng, START, END, rate):
    user = rng.choice(USERS)
    r = rng.random()
    if r < 0.40:
        route = rng.choice(["catalog", "catalog", "search"])
        bl, bst = backend(route, t0 + ms(1), user)
        if bst == 504:
            S["apisix_err"].add(t0 + ms(5000), "%s [error] %d#%d: *%d upstream timed out (110: Connection timed out) while reading response header from upstream, client: %s, server: _, request: \"GET /api/search?q=coat HTTP/1.1\", upstream: \"http://%s/v1/search\", host: \"api.shop.example\"" % (
                (t0 + ms(5000)).strftime("%Y/%m/%d %H:%M:%S"), rng.randint(40, 60), rng.randint(40, 60), rng.randint(100000, 999999), user["ip"], UPSTREAMS["search"]))
        apisix(t0, "GET", ROUTE_URI[route], bst, bl + 1.5, route, UPSTREAMS[route], bl, user["ip"])
        continue
    route = rng.choice(["orders", "profile", "cart", "cart"])
    tok = sessions.get(user["id"])
    el = 0.0
    if tok is None or tok["exp"] - 20 < epoch(t0):
        # SPA silently refreshes before calling the API
        rl, rst = identity_via_gw(t0, "refresh", user)
        el += rl
        tok = new_token(user, t0 + ms(el))
        sessions[user["id"]] = tok
    d, st = authed_request(t0 + ms(el), user, route, tok)
    el += d
    if st == 401:
        # SPA interceptor: refresh + retry once, then force a re-login and retry again
        rl, rst = identity_via_gw(t0 + ms(el + 30), "refresh", user)
        el += 30 + rl
        tok = new_token(user, t0 + ms(el))
        d, st = authed_request(t0 + ms(el + 5), user, route, tok)
        el += 5 + d
        if st == 401 and rng.random() < 0.7:
            think = rng.uniform(3000, 12000)
            el += think
            pl, _ = identity_via_gw(t0 + ms(el), "login_page", user)
            el += pl + rng.uniform(2000, 6000)
            ll, lst = identity_via_gw(t0 + ms(el), "login", user)
            el += ll
            if lst == 200:
                cl, cst = identity_via_gw(t0 + ms(el + 40), "code", user)
                el += 40 + cl
                tok = new_token(user, t0 + ms(el))
                sessions[user["id"]] = tok
                d, st = authed_request(t0 + ms(el + 20), user, route, tok)

# sessions of the backends: background noise / health
for svc in ("orders-api", "profile-api", "cart-api"):
    t = START + timedelta(seconds=rng.uniform(0, 30))
    while t < END:
        quarkus_json(svc, t, "INFO", "io.smallrye.health", "Health check: UP (database: UP)")
        t += timedelta(seconds=60)

# ---------------- authz: clock watch, startup, periodic JWKS refresh ----------------
t = START + timedelta(seconds=rng.uniform(0, 60))
while t < END:
    ex_line(t, "info", "JWKS refreshed from https://identity.shop.internal/auth/realms/shop/protocol/openid-connect/certs (keys: k-2025-02,k-2025-03)")
    t += timedelta(seconds=300)
ex_line(DRIFT + ms(810), "warning", "ClockWatch: OS system time moved +392118ms relative to monotonic clock (erlang time_correction=true, warp_mode=multi_time_warp)")
ex_line(FIX + ms(640), "warning", "ClockWatch: OS system time moved -392104ms relative to monotonic clock (erlang time_correction=true, warp_mode=multi_time_warp)")

# ---------------- chrony tracking.log on authz-vm-1 ----------------
BANNER = ["=" * 127,
          "   Date (UTC) Time     IP Address   St   Freq ppm   Skew ppm     Offset L Co  Offset sd Rem. corr. Root delay Root disp. Max. error",
          "=" * 127]
t = START - timedelta(seconds=40)
n = 0
while t < END:
    tl = authz_clock(t)
    if n % 20 == 0:
        for i, b in enumerate(BANNER):
            S["chrony"].add(t - timedelta(microseconds=10 - i), b)
    if DRIFT <= t < FIX:
        left = SKEW - 0.0005 * (t - DRIFT).total_seconds()
        off = -left
        line = "%s 10.0.0.2        3     -2.%03d    500.000 %10.3e N  1  %9.3e %10.3e  1.3%02de-03  2.1%02de-04  %9.3e" % (
            tl.strftime("%Y-%m-%d %H:%M:%S"), rng.randint(300, 600), off, abs(off) * 0.001, off, rng.randint(0, 99), rng.randint(0, 99), abs(off))
    else:
        off = rng.uniform(-3e-6, 3e-6)
        line = "%s 10.0.0.2        3     -2.%03d      0.0%02d %10.3e N  1  %9.3e %10.3e  1.3%02de-03  2.1%02de-04  1.0%02de-03" % (
            tl.strftime("%Y-%m-%d %H:%M:%S"), rng.randint(300, 600), rng.randint(8, 20), off, abs(off) * 2, -off * 0.001, rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99))
    S["chrony"].add(t, line)
    n += 1
    t += timedelta(seconds=64)
# manual step by the on-call engineer
S["chrony"].add(FIX - ms(30), "%s 10.0.0.2        3     -2.512      0.011 -3.921e+02 S  1  1.204e-04  0.000e+00  1.322e-03  2.104e-04  1.022e-03" % authz_clock(FIX - ms(30)).strftime("%Y-%m-%d %H:%M:%S"))

# ---------------- mailer (Sidekiq) pre-existing failures ----------------
t = START + timedelta(seconds=2)
while t < END:
    jid = hexs(rng, 24)
    cls = rng.choice(["OrderConfirmationJob", "PasswordResetJob", "NewsletterJob"])
    tid = alnum(rng, 4, "abcdefghijklmnopqrstuvwxyz0123456789")
    S["mailer"].add(t, "%s pid=7 tid=%s class=%s jid=%s INFO: start" % (iso_ms(t), tid, cls, jid))
    d = rng.uniform(0.2, 1.2)
    te = t + timedelta(seconds=d)
    if rng.random() < 0.15:
        S["mailer"].add(te, "%s pid=7 tid=%s class=%s jid=%s elapsed=%.3f INFO: fail" % (iso_ms(te), tid, cls, jid, d))
        S["mailer"].add(te + ms(1), "%s pid=7 tid=%s WARN: {\"context\":\"Job raised exception\",\"job\":{\"retry\":true,\"queue\":\"mailers\",\"class\":\"%s\",\"jid\":\"%s\",\"retry_count\":%d}}" % (iso_ms(te + ms(1)), tid, cls, jid, rng.randint(0, 6)))
        S["mailer"].add(te + ms(2), "%s pid=7 tid=%s WARN: Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>" % (iso_ms(te + ms(2)), tid))
        S["mailer"].add(te + ms(3), "%s pid=7 tid=%s WARN: /app/vendor/bundle/ruby/3.3.0/gems/net-protocol-0.2.2/lib/net/protocol.rb:229:in `rbuf_fill'" % (iso_ms(te + ms(3)), tid))
    else:
        S["mailer"].add(te, "%s pid=7 tid=%s class=%s jid=%s elapsed=%.3f INFO: done" % (iso_ms(te), tid, cls, jid, d))
    t += timedelta(seconds=rng.uniform(3, 15))

# Keycloak: a few pre-existing wrong-password events already happen via login(); add brute-force noise
for k in range(25):
    tt = START + timedelta(seconds=rng.randint(0, 2100))
    kc(tt, "WARN", "org.keycloak.events", "executor-thread-%d" % rng.randint(1, 80),
       "type=\"LOGIN_ERROR\", realmId=\"shop\", clientId=\"web-spa\", userId=\"null\", ipAddress=\"185.220.%d.%d\", error=\"user_not_found\", auth_method=\"openid-connect\", username=\"admin%d\"" % (
           rng.randint(0, 255), rng.randint(1, 254), rng.randint(1, 99)))

# ---------------- write ----------------
reset_logs()
total = 0
# authz is written in real (file) order: its timestamps jump forward and back
FILES = [("apisix", "apisix/http-logger.ndjson"), ("apisix_err", "apisix/error.log"), ("authz", "authz-vm-1/authz/authz.log"),
         ("chrony", "authz-vm-1/chrony/tracking.log"), ("keycloak", "identity/keycloak/server.log"),
         ("orders-api", "orders-api/orders-api.json"), ("profile-api", "profile-api/profile-api.json"), ("cart-api", "cart-api/cart-api.json"),
         ("catalog-api", "catalog-api/catalog-api.log"), ("search-api", "search-api/search-api.log"), ("mailer", "mailer/sidekiq.log")]
for key, rel in FILES:
    lines = S[key].sorted_lines()
    write_file(rel, lines)
    total += sum(x.count("\n") + 1 for x in lines)
print("d09 lines:", total)
