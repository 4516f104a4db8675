#!/usr/bin/env python3
"""l05: identity-service rotates its token signing key with immediate activation while the JWKS
document is cached for 15 min at the CDN (max-age=900).

From 03:20:00 newly issued/refreshed access tokens carry kid k-20260512-1; orders-api (Spring
Security/Nimbus), profile-api (express + jwks-rsa) and cart-api (FastAPI + PyJWT) refetch the JWKS
from https://auth.example.com/.well-known/jwks.json, get the stale cached set, and reject the
tokens with 401. Clients refresh/login in loops (identity-service load up, INFO only). The CDN
copy expires 03:33:10 and the resource servers recover in a staggered way. cart-api rollout at
03:24 is unrelated. The root logs nothing above WARN.
"""
import os
import sys
from l_common import *

rng = Rng(5505)
OUT = Out(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))

T0 = T("2026-05-12T03:05:00Z")
T1 = T("2026-05-12T03:50:00Z")
ROTATE = T("2026-05-12T03:20:00.412Z")
CDN_FETCH = [T("2026-05-12T03:03:10.8Z"), T("2026-05-12T03:18:10.9Z"), T("2026-05-12T03:33:11.2Z"), T("2026-05-12T03:48:11.4Z")]
CART_DEPLOY = T("2026-05-12T03:24:05Z")
OLD_KID, NEW_KID = "k-20260412-1", "k-20260512-1"
ISS = "https://auth.example.com/"
JWKS = "https://auth.example.com/.well-known/jwks.json"

id_pods = rng.pods("identity-service", 2)
ord_pods = rng.pods("orders-api", 3)
prof_pods = rng.pods("profile-api", 2)
cart_old = rng.pods("cart-api", 2)
cart_new = rng.pods("cart-api", 2)
cat_pods = rng.pods("catalog-api", 2)
notif_pods = rng.pods("notifications-service", 1)
tr_pods = rng.pods("traefik", 2)
ip = {}
for p in id_pods + ord_pods + prof_pods + cart_old + cart_new + cat_pods + notif_pods + tr_pods:
    ip[p] = "10.42.%d.%d" % (rng.randint(0, 9), rng.randint(2, 250))
cart_start = {p: CART_DEPLOY + 8 + 40 * i for i, p in enumerate(cart_new)}
cart_stop = {p: CART_DEPLOY + 30 + 40 * i for i, p in enumerate(cart_old)}


def cdn_has_new(t):
    return t >= CDN_FETCH[2]


def cart_alive(t):
    return [p for p in cart_old if t < cart_stop[p]] + [p for p in cart_new if t >= cart_start[p]]


# resource-server key state
rs_known = {"orders-api": {OLD_KID}, "profile-api": {OLD_KID}, "cart-api": {OLD_KID}}
rs_last_fetch = {"orders-api": T0 - 100, "profile-api": T0 - 30, "cart-api": T0 - 200}
RS_MIN_INTERVAL = {"orders-api": 300.0, "profile-api": 6.0, "cart-api": 0.0}


# ---------------------------------------------------------------- identity-service (slog JSON)
def idlog(pod, t, level, msg, **kv):
    d = {"time": iso(t, 9, "") + "Z", "level": level, "msg": msg}
    d.update(kv)
    OUT.add("logs/identity-service/%s.log" % pod, t, jdump(d))


def current_kid(t):
    return NEW_KID if t >= ROTATE else OLD_KID


issued_rate = []


def issue_token(t, grant, client, sub):
    pod = rng.choice(id_pods)
    d = rng.lat(0.018, 0.35) * (1.0 + 1.8 * ramp(t, ROTATE + 120, ROTATE + 420) * (0 if t > CDN_FETCH[2] + 180 else 1))
    idlog(pod, t + d, "INFO", "token issued", grant_type=grant, client_id=client, sub=sub, kid=current_kid(t), expires_in=900,
          scope="openid profile orders cart", duration_ms=round(d * 1000, 1))
    issued_rate.append(t)
    return d


def identity_background():
    for pod in id_pods:
        idlog(pod, T0 + rng.uniform(0, 5), "INFO", "signing keys loaded", active_kid=OLD_KID, keys=[OLD_KID], source="kms://projects/acme-prod/locations/eu/keyRings/identity/cryptoKeys/jwt-signing")
        for t in arrivals(rng, T0, T1, 1 / 30.0):
            idlog(pod, t, "INFO", "http request", method="GET", path="/healthz", status=200, duration_ms=round(rng.uniform(0.1, 0.6), 3), user_agent="kube-probe/1.30")
        for t in arrivals(rng, T0, T1, 1 / 75.0):
            idlog(pod, t, "WARN", "login failed", reason="invalid_credentials", client_id=rng.choice(["web-spa", "mobile-app"]), ip=client_ip(rng))
    # the rotation (scheduled, in-process on the leader)
    leader = id_pods[0]
    idlog(leader, ROTATE - 0.35, "INFO", "key rotation job started", schedule="0 20 3 12 * *", leader=leader)
    idlog(leader, ROTATE - 0.12, "INFO", "new signing key created", kid=NEW_KID, alg="RS256", kms_version=7)
    idlog(leader, ROTATE, "INFO", "signing key rotated", new_kid=NEW_KID, previous_kid=OLD_KID, activation="immediate", previous_key_retained_for="720h0m0s")
    idlog(leader, ROTATE + 0.002, "INFO", "jwks updated", keys=[NEW_KID, OLD_KID], cache_control="public, max-age=900")
    idlog(id_pods[1], ROTATE + 1.9, "INFO", "signing keys reloaded", active_kid=NEW_KID, keys=[NEW_KID, OLD_KID], trigger="watch")
    # CDN origin fetches of the JWKS
    for i, t in enumerate(CDN_FETCH):
        pod = rng.choice(id_pods)
        idlog(pod, t, "INFO", "http request", method="GET", path="/.well-known/jwks.json", status=200, duration_ms=round(rng.uniform(0.4, 1.2), 3),
              user_agent="Amazon CloudFront", bytes=1311 if t > ROTATE else 668, cache_control="public, max-age=900", via="1.1 %s.cloudfront.net (CloudFront)" % rng.hex(16))
    for t in arrivals(rng, T0, T1, 1 / 200.0):
        idlog(rng.choice(id_pods), t, "INFO", "http request", method="GET", path="/.well-known/openid-configuration", status=200, duration_ms=round(rng.uniform(0.2, 0.9), 3), user_agent="Amazon CloudFront")
    # token-endpoint pressure
    t = ROTATE + 240
    while t < CDN_FETCH[2] + 200:
        idlog(rng.choice(id_pods), t, "WARN", "token issuance rate above threshold", client_id="mobile-app", rate_per_min=rng.randint(900, 1900), threshold=600)
        t += 60


# ---------------------------------------------------------------- resource servers
def rs_validate(rs, t, kid):
    """returns True if accepted. Performs (rate-limited) JWKS refetch on unknown kid."""
    if kid in rs_known[rs]:
        return True, None
    if t - rs_last_fetch[rs] >= RS_MIN_INTERVAL[rs]:
        rs_last_fetch[rs] = t
        if cdn_has_new(t):
            rs_known[rs] = {OLD_KID, NEW_KID}
            return True, "refetched-new"
        return False, "refetched-stale"
    return False, "not-refetched"


def lb(pod, t, level, logger, thread, msg, stack=None, **kv):
    d = {"@timestamp": iso(t), "@version": "1", "message": msg, "logger_name": logger, "thread_name": thread, "level": level,
         "level_value": {"INFO": 20000, "WARN": 30000, "ERROR": 40000, "DEBUG": 10000}[level]}
    d.update(kv)
    if stack:
        d["stack_trace"] = stack
    OUT.add("logs/orders-api/%s.log" % pod, t, jdump(d))


NIMBUS = ("org.springframework.security.oauth2.server.resource.InvalidBearerTokenException: An error occurred while attempting to decode the Jwt: Signed JWT rejected: Another algorithm expected, or no matching key(s) found\n"
          "\tat org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider.getJwt(JwtAuthenticationProvider.java:101)\n"
          "\tat org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider.authenticate(JwtAuthenticationProvider.java:88)\n"
          "\tat org.springframework.security.authentication.ProviderManager.authenticate(ProviderManager.java:182)\n"
          "\tat org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter.doFilterInternal(BearerTokenAuthenticationFilter.java:137)\n"
          "\tat org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116)\n"
          "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
          "Caused by: org.springframework.security.oauth2.jwt.BadJwtException: An error occurred while attempting to decode the Jwt: Signed JWT rejected: Another algorithm expected, or no matching key(s) found\n"
          "\tat org.springframework.security.oauth2.jwt.NimbusJwtDecoder.createJwt(NimbusJwtDecoder.java:180)\n"
          "\tat org.springframework.security.oauth2.jwt.NimbusJwtDecoder.decode(NimbusJwtDecoder.java:139)\n"
          "\tat org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider.getJwt(JwtAuthenticationProvider.java:97)\n"
          "\t... 42 common frames omitted\n"
          "Caused by: com.nimbusds.jose.proc.BadJOSEException: Signed JWT rejected: Another algorithm expected, or no matching key(s) found\n"
          "\tat com.nimbusds.jwt.proc.DefaultJWTProcessor.process(DefaultJWTProcessor.java:357)\n"
          "\tat com.nimbusds.jwt.proc.DefaultJWTProcessor.process(DefaultJWTProcessor.java:303)\n"
          "\tat org.springframework.security.oauth2.jwt.NimbusJwtDecoder.createJwt(NimbusJwtDecoder.java:154)\n"
          "\t... 44 common frames omitted")


def orders_req(t, kid, user):
    pod = rng.choice(ord_pods)
    th = "http-nio-8080-exec-%d" % rng.randint(1, 200)
    path = rng.choice(["/v1/orders?limit=20", "/v1/orders/%s" % rng.uuid(), "/v1/orders/%s/tracking" % rng.uuid()])
    ok, why = rs_validate("orders-api", t, kid)
    if why == "refetched-stale" or why == "refetched-new":
        lb(pod, t + 0.001, "INFO", "c.a.orders.security.CachingJwkSource", th, "Refreshing JWK set from %s (unknown kid %s)" % (JWKS, kid))
        lb(pod, t + 0.09, "INFO", "c.a.orders.security.CachingJwkSource", th, "JWK set refreshed: kids=%s, cache ttl=300s" % ("[%s, %s]" % (NEW_KID, OLD_KID) if why == "refetched-new" else "[%s]" % OLD_KID))
    if not ok:
        d = rng.lat(0.003, 0.3) + (0.09 if why == "refetched-stale" else 0)
        lb(pod, t + d, "WARN", "c.a.orders.security.AuthFailureLogger", th, "Bearer token rejected for %s: An error occurred while attempting to decode the Jwt: Signed JWT rejected: Another algorithm expected, or no matching key(s) found" % path.split("?")[0],
           NIMBUS if rng.random() < 0.25 else None, kid=kid, issuer=ISS)
        lb(pod, t + d + 0.0003, "INFO", "c.a.orders.web.AccessLog", th, "GET %s 401 %dms" % (path, int(d * 1000)))
        return 401, d, path, pod
    d = rng.lat(0.024, 0.4)
    lb(pod, t + d, "INFO", "c.a.orders.web.AccessLog", th, "GET %s 200 %dms" % (path, int(d * 1000)), userId=user)
    return 200, d, path, pod


def winston(pod, t, level, message, **kv):
    d = {"level": level, "message": message}
    d.update(kv)
    d["service"] = "profile-api"
    d["timestamp"] = iso(t)
    OUT.add("logs/profile-api/%s.log" % pod, t, jdump(d))


def profile_req(t, kid, user):
    pod = rng.choice(prof_pods)
    path = rng.choice(["/v1/me", "/v1/me/preferences", "/v1/me/addresses"])
    ok, why = rs_validate("profile-api", t, kid)
    if why:
        winston(pod, t + 0.001, "info", "jwks: Fetching keys from '%s'" % JWKS)
        winston(pod, t + 0.06, "info", "jwks: Keys: %s" % ("[{\"kid\":\"%s\",\"alg\":\"RS256\"},{\"kid\":\"%s\",\"alg\":\"RS256\"}]" % (NEW_KID, OLD_KID) if why == "refetched-new" else "[{\"kid\":\"%s\",\"alg\":\"RS256\"}]" % OLD_KID))
    if not ok:
        d = rng.lat(0.004, 0.3) + (0.06 if why else 0)
        winston(pod, t + d, "warn", "JWT verification failed: SigningKeyNotFoundError: Unable to find a signing key that matches '%s'" % kid, path=path, issuer=ISS)
        winston(pod, t + d + 0.0002, "info", "GET %s 401 %.3f ms - 38" % (path, d * 1000), path=path, status=401)
        return 401, d, path, pod
    d = rng.lat(0.011, 0.4)
    winston(pod, t + d, "info", "GET %s 200 %.3f ms - %d" % (path, d * 1000, rng.randint(200, 2400)), path=path, status=200, userId=user)
    return 200, d, path, pod


def slog_cart(pod, t, level, event, **kv):
    d = {"event": event}
    d.update(kv)
    d["level"] = level
    d["logger"] = "cart.api"
    d["timestamp"] = iso(t, 6)
    OUT.add("logs/cart-api/%s.log" % pod, t, jdump_sp(d))


def cart_req(t, kid, user):
    pod = rng.choice(cart_alive(t))
    path = rng.choice(["/v1/cart", "/v1/cart/items", "/v1/cart/summary"])
    method = "POST" if path == "/v1/cart/items" else "GET"
    ok, why = rs_validate("cart-api", t, kid)
    if why:
        slog_cart(pod, t + 0.05, "info", "jwks fetched", uri=JWKS, keys=2 if why == "refetched-new" else 1)
    if not ok:
        d = rng.lat(0.004, 0.3) + 0.05
        slog_cart(pod, t + d, "warning", "token validation failed", error='Unable to find a signing key that matches: "%s"' % kid, exc_type="jwt.exceptions.PyJWKClientError", path=path)
        slog_cart(pod, t + d + 0.0002, "info", "request", method=method, path=path, status=401, duration_ms=round(d * 1000, 2))
        return 401, d, path, pod, method
    d = rng.lat(0.016, 0.4)
    slog_cart(pod, t + d, "info", "request", method=method, path=path, status=200 if method == "GET" else 201, duration_ms=round(d * 1000, 2), user_id=user)
    return (200 if method == "GET" else 201), d, path, pod, method


def catalog_req(t):
    pod = rng.choice(cat_pods)
    d = rng.lat(0.009, 0.4)
    path = rng.choice(["/v1/products", "/v1/products/%d" % rng.randint(1000, 90000), "/v1/categories", "/v1/products?category=%s" % rng.choice(["shoes", "bags", "outdoor"])])
    OUT.add("logs/catalog-api/%s.log" % pod, t + d, jdump({"level": "info", "method": "GET", "path": path, "status": 200, "duration": round(d * 1000, 3),
                                                          "time": iso(t + d, 0), "message": "request"}))
    return 200, d, path, pod


# ---------------------------------------------------------------- traefik JSON access log
reqcount = [880000]


def traefik(t, d, method, path, status, router, svc_pod, port=8080, size=None):
    reqcount[0] += 1
    pod = rng.choice(tr_pods)
    ci = client_ip(rng)
    cp = rng.randint(1024, 65535)
    size = size if size is not None else (rng.randint(200, 9000) if status < 400 else 38)
    dur = int(d * 1e9)
    od = int(max(0, d - 0.0003) * 1e9)
    rec = {"ClientAddr": "%s:%d" % (ci, cp), "ClientHost": ci, "ClientPort": str(cp), "ClientUsername": "-", "DownstreamContentSize": size,
           "DownstreamStatus": status, "Duration": dur, "OriginContentSize": size, "OriginDuration": od, "OriginStatus": status, "Overhead": dur - od,
           "RequestAddr": "api.example.com", "RequestContentSize": 0 if method == "GET" else rng.randint(60, 900), "RequestCount": reqcount[0],
           "RequestHost": "api.example.com", "RequestMethod": method, "RequestPath": path, "RequestPort": "-", "RequestProtocol": "HTTP/2.0",
           "RequestScheme": "https", "RetryAttempts": 0, "RouterName": "%s@kubernetescrd" % router,
           "ServiceAddr": "%s:%d" % (ip[svc_pod], port), "ServiceName": "%s-%d@kubernetescrd" % (router, port),
           "ServiceURL": "http://%s:%d" % (ip[svc_pod], port), "StartLocal": iso(t, 9, "") + "Z", "StartUTC": iso(t, 9, "") + "Z",
           "entryPointName": "websecure", "level": "info", "msg": "", "time": iso_s(t + d)}
    OUT.add("logs/traefik/%s.log" % pod, t + d, jdump(rec))


# ---------------------------------------------------------------- users & traffic
class User:
    pass


users = []
for i in range(2600):
    u = User()
    u.id = "usr_" + rng.alnum(14)
    u.client = rng.choice(["web-spa", "web-spa", "mobile-app", "mobile-app", "mobile-app"])
    u.kid = OLD_KID
    u.exp = T0 + rng.uniform(0, 900)
    users.append(u)


def refresh(u, t):
    d = issue_token(t + 0.002, "refresh_token", u.client, u.id)
    traefik(t, d + 0.003, "POST", "/oauth2/token", 200, "identity-service-identity", rng.choice(id_pods), size=rng.randint(1400, 1600))
    u.kid = current_kid(t)
    u.exp = t + 900
    return d + 0.01


def login(u, t):
    d = issue_token(t + 0.2, "authorization_code", u.client, u.id)
    traefik(t, 0.15, "POST", "/login", 302, "identity-service-identity", rng.choice(id_pods), size=0)
    traefik(t + 0.2, d + 0.003, "POST", "/oauth2/token", 200, "identity-service-identity", rng.choice(id_pods), size=rng.randint(1400, 1600))
    u.kid = current_kid(t)
    u.exp = t + 900
    return d + 0.25


def api_call(u, t, kind):
    if kind == "orders":
        st, d, path, pod = orders_req(t + 0.0008, u.kid, u.id)
        traefik(t, d + 0.001, "GET", "/orders" + path, st, "orders-api-orders-api", pod)
    elif kind == "profile":
        st, d, path, pod = profile_req(t + 0.0008, u.kid, u.id)
        traefik(t, d + 0.001, "GET", "/profile" + path, st, "profile-api-profile-api", pod, 3000)
    else:
        st, d, path, pod, method = cart_req(t + 0.0008, u.kid, u.id)
        traefik(t, d + 0.001, method, "/cart" + path, st, "cart-api-cart-api", pod, 8000)
    return st, d


def traffic():
    for t in arrivals(rng, T0, T1, 0.8):
        kind = rng.wchoice([("orders", 38), ("profile", 20), ("cart", 20), ("catalog", 22)])
        if kind == "catalog":
            st, d, path, pod = catalog_req(t + 0.0008)
            traefik(t, d + 0.001, "GET", "/catalog" + path, st, "catalog-api-catalog-api", pod, 8080)
            continue
        u = rng.choice(users)
        if t >= u.exp:
            t += refresh(u, t)
        st, d = api_call(u, t, kind)
        if st == 401:
            if u.client == "mobile-app":
                t2 = t + d + rng.uniform(0.05, 0.3)
                t2 += refresh(u, t2)
                st2, d2 = api_call(u, t2, kind)
                if st2 == 401 and rng.random() < 0.5:
                    t3 = t2 + d2 + rng.uniform(1, 4)
                    t3 += refresh(u, t3)
                    api_call(u, t3, kind)
            else:
                if rng.random() < 0.6:
                    t2 = t + d + rng.uniform(2, 12)
                    t2 += login(u, t2)
                    api_call(u, t2 + rng.uniform(0.2, 1.0), kind)
    # health checks
    for pod in tr_pods:
        for t in arrivals(rng, T0, T1, 0.1):
            rec = {"ClientAddr": "10.42.0.1:%d" % rng.randint(30000, 60000), "ClientHost": "10.42.0.1", "DownstreamContentSize": 2, "DownstreamStatus": 200,
                   "Duration": rng.randint(30000, 90000), "RequestMethod": "GET", "RequestPath": "/ping", "RequestProtocol": "HTTP/1.1", "RouterName": "ping@internal",
                   "entryPointName": "traefik", "level": "info", "msg": "", "time": iso_s(t)}
            OUT.add("logs/traefik/%s.log" % pod, t, jdump(rec))


# ---------------------------------------------------------------- other background
def backgrounds():
    for pod in notif_pods:
        f = "logs/notifications-service/%s.log" % pod
        for t in arrivals(rng, T0, T1, 0.35):
            if rng.random() < 0.6:
                OUT.add(f, t, "%s ERROR 1 --- [pool-3-thread-%d] c.a.notify.push.FcmSender : FCM send failed for token %s...: Requested entity was not found. (UNREGISTERED)" % (
                    space_ts(t, 3), rng.randint(1, 8), rng.alnum(11)))
            else:
                OUT.add(f, t, "%s  INFO 1 --- [pool-3-thread-%d] c.a.notify.push.FcmSender : FCM batch sent: success=%d failure=%d" % (space_ts(t, 3), rng.randint(1, 8), rng.randint(20, 90), rng.randint(1, 9)))
    for pod in ord_pods:
        for t in arrivals(rng, T0, T1, 1 / 45.0):
            a = rng.randint(0, 3)
            lb(pod, t, "INFO", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 housekeeper", "HikariPool-1 - Pool stats (total=10, active=%d, idle=%d, waiting=0)" % (a, 10 - a))
    for pod in prof_pods:
        for t in arrivals(rng, T0, T1, 1 / 120.0):
            winston(pod, t, "warn", "(node:1) [DEP0106] DeprecationWarning: crypto.createCipher is deprecated.")
    for pod in cat_pods:
        for t in arrivals(rng, T0, T1, 1 / 60.0):
            OUT.add("logs/catalog-api/%s.log" % pod, t, jdump({"level": "info", "component": "indexer", "docs": rng.randint(10, 400), "time": iso(t, 0), "message": "incremental index sync done"}))
    # cart-api lifecycle
    for i, p in enumerate(cart_new):
        s = cart_start[p]
        slog_cart(p, s - 2.0, "info", "Started server process [1]", logger_name="uvicorn.error")
        slog_cart(p, s - 1.9, "info", "Waiting for application startup.")
        slog_cart(p, s - 1.2, "info", "jwks client configured", uri=JWKS, cache_keys=True, lifespan=300, version="5.4.0")
        slog_cart(p, s - 1.1, "info", "Application startup complete.")
        slog_cart(p, s - 1.0, "info", "Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)")
    for p in cart_old:
        slog_cart(p, cart_stop[p], "info", "Shutting down")
        slog_cart(p, cart_stop[p] + 0.4, "info", "Finished server process [1]")


def events():
    rows = []

    def ev(t, typ, reason, obj, msg):
        rows.append((t, "%-24s %-8s %-18s %-48s %s" % (iso_s(t), typ, reason, obj, msg)))

    new_rs = cart_new[0].split("-")[2]
    old_rs = cart_old[0].split("-")[2]
    ev(CART_DEPLOY, "Normal", "ScalingReplicaSet", "deployment/cart-api", "Scaled up replica set cart-api-%s to 1" % new_rs)
    for i, p in enumerate(cart_new):
        ev(cart_start[p] - 7, "Normal", "Pulling", "pod/%s" % p, 'Pulling image "ghcr.io/acme/cart-api:2026.05.11.2"')
        ev(cart_start[p] - 3, "Normal", "Pulled", "pod/%s" % p, 'Successfully pulled image "ghcr.io/acme/cart-api:2026.05.11.2" in 3.9s (3.9s including waiting)')
        ev(cart_start[p] - 2.5, "Normal", "Started", "pod/%s" % p, "Started container cart-api")
        ev(cart_stop[cart_old[i]], "Normal", "Killing", "pod/%s" % cart_old[i], "Stopping container cart-api")
        ev(cart_stop[cart_old[i]], "Normal", "ScalingReplicaSet", "deployment/cart-api", "Scaled down replica set cart-api-%s to %d from %d" % (old_rs, 1 - i, 2 - i))
    for t in arrivals(rng, T0, T1, 1 / 180.0):
        ev(t, "Warning", "FailedScheduling", "pod/batch-export-29642%d-%s" % (rng.randint(100, 999), rng.k8s(5)), "0/9 nodes are available: 3 Insufficient memory, 6 node(s) didn't match Pod's node affinity/selector. preemption: 0/9 nodes are available: 3 No preemption victims found for incoming pod, 6 Preemption is not helpful for scheduling.")
    ev(ROTATE + 400, "Normal", "SuccessfulRescale", "horizontalpodautoscaler/identity-service", "New size: 3; reason: cpu resource utilization (percentage of request) above target")
    rows.sort(key=lambda r: r[0])
    OUT.set_raw("logs/events.txt", "%-24s %-8s %-18s %-48s %s\n" % ("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE") + "".join(r[1] + "\n" for r in rows))


identity_background()
backgrounds()
traffic()
events()

truth = {
    "root_cause": {"service": "identity-service", "fault": "signing-key-rotation-jwks-not-propagated", "start": iso(ROTATE)},
    "propagation": ["identity-service", "orders-api", "traefik"],
    "affected": ["identity-service", "orders-api", "profile-api", "cart-api", "traefik"],
    "notes": "identity-service rotated its JWT signing key at 03:20:00 with immediate activation while its JWKS is cached 15 min by the CDN; "
             "resource servers refetched https://auth.example.com/.well-known/jwks.json, got the stale set and rejected every token with the new kid (401 flood "
             "at traefik, refresh/login loops against identity-service) until the CDN copy expired at 03:33 and each API refreshed its key set. "
             "identity-service logs only INFO/WARN; the cart-api rollout at 03:24 is unrelated.",
}
topology = [
    ("traefik", "gateway", ["orders-api", "profile-api", "cart-api", "catalog-api", "identity-service"]),
    ("orders-api", "api", ["identity-service"]),
    ("profile-api", "api", ["identity-service"]),
    ("cart-api", "api", ["identity-service"]),
    ("catalog-api", "api", []),
    ("identity-service", "api", []),
    ("notifications-service", "worker", []),
]
OUT.write(truth, topology)
