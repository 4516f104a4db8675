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
rng = random.Random(31126)
UTC = dt.timezone.utc


def E(h, mi, s=0.0):
    return dt.datetime(2026, 11, 3, h, mi, tzinfo=UTC).timestamp() + s


T_START = E(9, 0)
T_END = E(9, 50)
T_KC1_STOP = E(9, 15, 2.3)
T_KC1_UP = E(9, 15, 17.9)
T_JOIN = E(9, 15, 19.4)
T_ROLLBACK = E(9, 41, 0.5)
T_KC1_UP2 = E(9, 41, 38.2)
T_ACCOUNT_DEPLOY = E(9, 13, 4.0)

ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"
POD = "bcdfghjklmnpqrstvwxz2456789"


def podsfx(n=5):
    return "".join(rng.choice(POD) for _ in range(n))


def broken(t):
    return T_JOIN + 1.5 <= t < T_ROLLBACK + 0.5


REALM_ID = uuid()
USERS = ["%s.%s@acme.io" % (rng.choice(["anna", "ben", "chen", "dana", "eli", "fatma", "georg", "hana", "ivan", "jun",
                                        "kai", "lena", "milo", "nora", "omar", "pia", "quinn", "rosa", "sven", "tara"]),
                            rng.choice(["schmidt", "meyer", "okafor", "li", "novak", "costa", "berg", "kaya", "jensen",
                                        "moreau", "silva", "tanaka"])) for _ in range(400)]
USER_IDS = {u: uuid() for u in USERS}

# ------------------------------------------------------------------------------------------ keycloak
kc = {"keycloak-0": [], "keycloak-1-gone": [], "keycloak-1-prev": [], "keycloak-1": []}
NODE_ADDR = {"keycloak-0": "keycloak-0-38512", "keycloak-1": "keycloak-1-4417"}


def kts(t):
    d = dt.datetime.fromtimestamp(t, UTC)
    return "%s,%03d" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000)


def kc_stream(pod, t):
    if pod == "keycloak-0":
        return "keycloak-0"
    if t < T_KC1_STOP + 1:
        return "keycloak-1-gone"
    return "keycloak-1-prev" if t < T_ROLLBACK + 1 else "keycloak-1"


def klog(pod, t, lvl, cat, thread, msg, trace=None):
    if pod == "keycloak-1" and (T_ROLLBACK + 0.01 <= t < T_KC1_UP2 - 10 or T_KC1_STOP + 0.01 <= t < T_KC1_UP - 10):
        return
    s = "%s %-5s [%s] (%s) %s" % (kts(t), lvl, cat, thread, msg)
    if trace:
        s += "\n" + "\n".join(trace)
    kc[kc_stream(pod, t)].append((t, s))


def ex():
    return "executor-thread-%d" % rng.randint(1, 60)


def kc_event(pod, t, typ, client, user, ip, error=None, extra=""):
    lvl = "WARN " if error else "DEBUG"
    uid = USER_IDS.get(user, "null") if user else "null"
    msg = 'type="%s", realmId="%s", realmName="acme", clientId="%s", userId="%s", ipAddress="%s"' % (
        typ, REALM_ID, client, uid, ip)
    if error:
        msg += ', error="%s"' % error
    msg += extra
    klog(pod, t, "WARN" if error else "INFO", "org.keycloak.events", ex(), msg)


MARSHAL_TRACE = [
    "org.infinispan.remoting.RemoteException: ISPN000217: Received exception from %s, see cause for remote stack trace",
    "\tat org.infinispan.remoting.transport.ResponseCollectors.wrapRemoteException(ResponseCollectors.java:26)",
    "\tat org.infinispan.remoting.transport.ValidSingleResponseCollector.withException(ValidSingleResponseCollector.java:37)",
    "\tat org.infinispan.remoting.transport.ValidSingleResponseCollector.addResponse(ValidSingleResponseCollector.java:21)",
    "\tat org.infinispan.remoting.transport.impl.SingleTargetRequest.addResponse(SingleTargetRequest.java:73)",
    "\tat org.infinispan.remoting.transport.jgroups.JGroupsTransport.processResponse(JGroupsTransport.java:1582)",
    "\tat org.infinispan.remoting.transport.jgroups.JGroupsTransport$ChannelCallbacks.up(JGroupsTransport.java:1768)",
    "\tat org.jgroups.JChannel.up(JChannel.java:733)",
    "\tat org.jgroups.stack.ProtocolStack.up(ProtocolStack.java:936)",
    "\tat org.jgroups.protocols.FRAG2.up(FRAG2.java:139)",
    "\tat org.jgroups.protocols.pbcast.GMS.up(GMS.java:876)",
    "\tat org.jgroups.protocols.UNICAST3.deliverMessage(UNICAST3.java:1059)",
    "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
    "\tSuppressed: org.infinispan.util.logging.TraceException",
    "\t\tat org.infinispan.interceptors.impl.SimpleAsyncInvocationStage.get(SimpleAsyncInvocationStage.java:39)",
    "\t\tat org.infinispan.interceptors.impl.AsyncInterceptorChainImpl.invoke(AsyncInterceptorChainImpl.java:249)",
    "\t\tat org.infinispan.cache.impl.InvocationHelper.doInvoke(InvocationHelper.java:313)",
    "\t\tat org.infinispan.cache.impl.CacheImpl.put(CacheImpl.java:1340)",
    "\t\tat org.keycloak.models.sessions.infinispan.InfinispanAuthenticationSessionProvider.createRootAuthenticationSession(InfinispanAuthenticationSessionProvider.java:112)",
    "\t\tat org.keycloak.services.managers.AuthenticationSessionManager.createAuthenticationSession(AuthenticationSessionManager.java:77)",
    "\t\tat org.keycloak.protocol.AuthorizationEndpointBase.createAuthenticationSession(AuthorizationEndpointBase.java:177)",
    "Caused by: org.infinispan.commons.marshall.MarshallingException: ISPN000615: Unable to unmarshall "
    "'%s' as a marshaller is not present in the user or global SerializationContext",
    "\tat org.infinispan.marshall.protostream.impl.AbstractInternalProtoStreamMarshaller.objectFromByteBuffer(AbstractInternalProtoStreamMarshaller.java:130)",
    "\tat org.infinispan.marshall.core.GlobalMarshaller.objectFromObjectInput(GlobalMarshaller.java:191)",
    "\t... 19 more",
]


def marshal_trace(peer, entity):
    out = []
    for l in MARSHAL_TRACE:
        if "%s" in l:
            l = l % (peer if "ISPN000217" in l else entity)
        out.append(l)
    return out


def kc_fail(pod, t, op):
    peer = NODE_ADDR["keycloak-1" if pod == "keycloak-0" else "keycloak-0"]
    cache, entity = {"auth": ("authenticationSessions",
                              "org.keycloak.models.sessions.infinispan.entities.RootAuthenticationSessionEntity"),
                     "token": ("sessions", "org.keycloak.models.sessions.infinispan.entities.UserSessionEntity"),
                     "refresh": ("clientSessions",
                                 "org.keycloak.models.sessions.infinispan.entities.AuthenticatedClientSessionEntity")}[op]
    th = "non-blocking-thread--p2-t%d" % rng.randint(1, 8)
    klog(pod, t, "ERROR", "org.infinispan.interceptors.impl.InvocationContextInterceptor", th,
         "ISPN000136: Error executing command PutKeyValueCommand on Cache '%s', writing keys [%s]" % (cache, uuid()))
    full = rng.random() < 0.3
    klog(pod, t + 0.0008, "ERROR", "org.keycloak.services.error.KeycloakErrorHandler", ex(),
         "Uncaught server error: org.infinispan.remoting.RemoteException: ISPN000217: Received exception from %s, "
         "see cause for remote stack trace" % peer, marshal_trace(peer, entity) if full else None)


def pick_kc(t):
    if T_KC1_STOP <= t < T_KC1_UP + 1 or T_ROLLBACK <= t < T_KC1_UP2 + 1:
        return "keycloak-0"
    return "keycloak-0" if rng.random() < 0.5 else "keycloak-1"


def kc_request(t, kind, user, ip, client="web-app"):
    """Returns (status, ms)."""
    pod = pick_kc(t)
    if broken(t) and rng.random() < 0.96:
        ms = rng.uniform(30, 180) if rng.random() < 0.8 else 15000 + rng.uniform(0, 40)
        kc_fail(pod, t + ms / 1000.0, {"auth": "auth", "login": "auth", "code": "token", "refresh": "refresh"}[kind])
        if kind == "code":
            kc_event(pod, t + ms / 1000.0 + 0.001, "CODE_TO_TOKEN_ERROR", client, None, ip, error="unknown_error")
        if kind == "refresh":
            kc_event(pod, t + ms / 1000.0 + 0.001, "REFRESH_TOKEN_ERROR", client, None, ip, error="unknown_error")
        return 500, ms
    ms = rng.lognormvariate(3.3, 0.4)
    te = t + ms / 1000.0
    if kind == "login":
        if rng.random() < 0.06:
            kc_event(pod, te, "LOGIN_ERROR", client, None, ip, error="invalid_user_credentials",
                     extra=', auth_method="openid-connect", username="%s"' % user)
            return 200, ms
        kc_event(pod, te, "LOGIN", client, user, ip, extra=', sessionId="%s", auth_method="openid-connect", '
                                                          'auth_type="code", redirect_uri="https://app.acme.io/oauth2/'
                                                          'callback", code_id="%s", username="%s"' % (
                                                              uuid(), uuid(), user))
        return 302, ms
    if kind == "code":
        kc_event(pod, te, "CODE_TO_TOKEN", client, user, ip, extra=', token_id="%s", grant_type="authorization_code", '
                                                                  'refresh_token_type="Refresh", scope="openid email '
                                                                  'profile"' % uuid())
        return 200, ms
    if kind == "refresh":
        if rng.random() < 0.03:
            kc_event(pod, te, "REFRESH_TOKEN_ERROR", client, None, ip, error="invalid_token",
                     extra=', grant_type="refresh_token"')
            return 400, ms
        kc_event(pod, te, "REFRESH_TOKEN", client, user, ip, extra=', token_id="%s", grant_type="refresh_token"' % uuid())
        return 200, ms
    return 200, ms


for dtt, msg in [(0.0, "Keycloak stopped in 0.412s")]:
    klog("keycloak-1", T_KC1_STOP + dtt, "INFO", "io.quarkus", "Shutdown thread", msg)
klog("keycloak-1", T_KC1_STOP - 0.3, "INFO", "org.infinispan.CLUSTER", "Shutdown thread",
     "ISPN000080: Disconnecting JGroups channel `ISPN`")
for v, t0, addr in (("25.0.2", T_KC1_UP, "keycloak-1-4417"), ("24.0.5", T_KC1_UP2, "keycloak-1-29051")):
    pod = "keycloak-1"
    lines = [
        (-9.0, "INFO", "org.keycloak.quarkus.runtime.hostname.DefaultHostnameProvider", "main",
         "Hostname settings: Base URL: <unset>, Hostname: id.acme.io, Strict HTTPS: false, Path: <request>, "
         "Strict BackChannel: false, Admin URL: <unset>, Admin: <request>, Port: -1, Proxied: true"),
        (-6.2, "INFO", "org.keycloak.common.crypto.CryptoIntegration", "main",
         "Detected crypto provider: org.keycloak.crypto.def.DefaultCryptoProvider"),
        (-3.1, "INFO", "org.infinispan.CONTAINER", "Thread-5", "ISPN000556: Starting user marshaller "
                                                              "'org.infinispan.jboss.marshalling.core.JBossUserMarshaller'"
         if v == "24.0.5" else "ISPN000556: Starting user marshaller "
                               "'org.infinispan.commons.marshall.ImmutableProtoStreamMarshaller'"),
        (-2.2, "INFO", "org.infinispan.CLUSTER", "Thread-5",
         "ISPN000078: Starting JGroups channel `ISPN` with stack `kubernetes`"),
        (-1.9, "INFO", "org.infinispan.CLUSTER", "Thread-5",
         "ISPN000094: Received new cluster view for channel ISPN: [keycloak-0-38512|%d] (2) [keycloak-0-38512, %s]" % (
             7 if v == "25.0.2" else 9, addr)),
        (-1.88, "INFO", "org.infinispan.CLUSTER", "Thread-5",
         "ISPN000079: Channel `ISPN` local address is `%s`, physical addresses are `[10.20.4.%d:7800]`" % (
             addr, 17 if v == "25.0.2" else 61)),
        (0.0, "INFO", "io.quarkus", "main",
         "Keycloak %s on JVM (powered by Quarkus %s) started in %.3fs. Listening on: http://0.0.0.0:8080. "
         "Management interface listening on http://0.0.0.0:9000." % (v, "3.8.5" if v == "25.0.2" else "3.8.4",
                                                                     rng.uniform(12, 16))),
        (0.001, "INFO", "io.quarkus", "main", "Profile prod activated."),
        (0.002, "INFO", "io.quarkus", "main", "Installed features: [agroal, cdi, hibernate-orm, jdbc-postgresql, "
                                              "keycloak, logging-gelf, narayana-jta, reactive-routes, resteasy-reactive, "
                                              "resteasy-reactive-jackson, smallrye-context-propagation, vertx]"),
    ]
    for dtt, lvl, cat, th, msg in lines:
        klog(pod, t0 + dtt, lvl, cat, th, msg)
    klog("keycloak-0", t0 - 1.85, "INFO", "org.infinispan.CLUSTER", "jgroups-%d,keycloak-0-38512" % rng.randint(5, 40),
         "ISPN000094: Received new cluster view for channel ISPN: [keycloak-0-38512|%d] (2) [keycloak-0-38512, %s]" % (
             7 if v == "25.0.2" else 9, addr))
    klog("keycloak-0", t0 - 1.6, "INFO", "org.infinispan.CLUSTER", "non-blocking-thread--p2-t%d" % rng.randint(1, 8),
         "[Context=authenticationSessions] ISPN100002: Starting rebalance with members [keycloak-0-38512, %s], "
         "phase READ_OLD_WRITE_ALL, topology id %d" % (addr, 14 if v == "25.0.2" else 22))
    if v == "24.0.5":
        klog("keycloak-0", t0 - 0.2, "INFO", "org.infinispan.CLUSTER", "non-blocking-thread--p2-t3",
             "[Context=authenticationSessions] ISPN100010: Finished rebalance with members [keycloak-0-38512, %s], "
             "topology id %d" % (addr, 25))
for tt, view in ((T_KC1_STOP - 0.2, "[keycloak-0-38512|6] (1) [keycloak-0-38512]"),
                 (T_ROLLBACK + 0.4, "[keycloak-0-38512|8] (1) [keycloak-0-38512]")):
    klog("keycloak-0", tt, "INFO", "org.infinispan.CLUSTER", "jgroups-%d,keycloak-0-38512" % rng.randint(5, 40),
         "ISPN000094: Received new cluster view for channel ISPN: %s" % view)
klog("keycloak-1", T_ROLLBACK, "INFO", "io.quarkus", "Shutdown thread", "Keycloak stopped in 0.388s")
for tt in arrivals(T_JOIN + 60, T_ROLLBACK, 1 / 120.0):
    klog("keycloak-0", tt, "WARN", "org.infinispan.statetransfer.InboundTransferTask",
         "non-blocking-thread--p2-t%d" % rng.randint(1, 8),
         "ISPN000210: Failed to request state of cache %s from node keycloak-1-4417, segments {%d-%d}" % (
             rng.choice(["sessions", "clientSessions", "authenticationSessions"]), rng.randint(0, 100),
             rng.randint(101, 255)))

# ------------------------------------------------------------------------------------------ oauth2-proxy + fastly
o2p = {"oauth2-proxy-6c9d7f5b8-" + podsfx(): [] for _ in range(2)}
fastly = []
POPS = ["FRA", "AMS", "LHR", "CDG", "MUC", "WAW"]
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1"]


def gotime(t):
    return dt.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M:%S.%f +0000 UTC")


def o2p_ts(t):
    return dt.datetime.fromtimestamp(t, UTC).strftime("%Y/%m/%d %H:%M:%S")


def o2p_req(pod, t, client, rqid, user, method, uri, ua, status, size, dur, upstream="-"):
    o2p[pod].append((t, '%s - %s - %s [%s] app.acme.io %s %s "%s" HTTP/1.1 "%s" %d %d %.3f' % (
        client, rqid, user or "", o2p_ts(t), method, upstream, uri, ua, status, size, dur)))


def o2p_auth(pod, t, client, rqid, user, status, msg):
    o2p[pod].append((t, "%s - %s - %s [%s] [%s] %s" % (client, rqid, user or "", o2p_ts(t), status, msg)))


def o2p_err(pod, t, src, msg):
    o2p[pod].append((t, "[%s] [%s] %s" % (o2p_ts(t), src, msg)))


def fast(t, host, method, url, status, size, elapsed_us, cache, country="DE"):
    fastly.append((t, json.dumps({
        "timestamp": dt.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%S+0000"),
        "client_ip": "%d.%d.%d.%d" % (rng.choice((31, 46, 62, 79, 85, 93, 141, 178, 212)), rng.randint(0, 255),
                                      rng.randint(0, 255), rng.randint(1, 254)),
        "geo_country": country, "host": host, "url": url, "request_method": method, "status": status,
        "response_body_size": size, "time_elapsed_us": int(elapsed_us), "cache_status": cache,
        "pop": rng.choice(POPS), "service_version": "412", "request_id": hexs(32)}, separators=(",", ":"))))


def user_session(t):
    """One browser interaction through Fastly -> oauth2-proxy (app.acme.io) or -> keycloak (id.acme.io)."""
    pod = rng.choice(sorted(o2p))
    client = "10.20.0.%d" % rng.randint(2, 30)
    rqid = hexs(32)
    user = rng.choice(USERS)
    ua = rng.choice(UAS)
    x = rng.random()
    if x < 0.62:
        uri = rng.choice(["/dashboard", "/api/projects?page=%d" % rng.randint(1, 5), "/api/notifications",
                          "/api/projects/%s/tasks" % rid(8), "/settings/profile", "/api/search?q=%s" % rid(5)])
        method = "GET" if not uri.endswith("tasks") or rng.random() < 0.7 else "POST"
        cur = t
        if rng.random() < 0.18:
            st, ms = kc_request(t + 0.002, "refresh", user, "10.20.3.%d" % rng.randint(10, 30), client="app-proxy")
            cur += ms / 1000.0
            if st >= 500:
                o2p_err(pod, cur, "stored_session.go:217", "Unable to refresh session: error refreshing tokens: "
                                                           "oauth2: \"unknown_error\"")
                o2p_err(pod, cur + 0.0003, "oauthproxy.go:1041", "Error loading cookied session: session is expired, "
                                                                 "removing session")
                o2p_req(pod, cur + 0.0005, client, rqid, "", method, uri, ua, 302 if method == "GET" else 401,
                        0, cur - t + 0.0005)
                fast(cur + 0.002, "app.acme.io", method, uri, 302 if method == "GET" else 401, 0,
                     (cur - t) * 1e6 + rng.uniform(2000, 9000), "PASS")
                return
            o2p_auth(pod, cur, client, rqid, user, "AuthSuccess", "Refreshed session")
        dur = rng.lognormvariate(3.5, 0.5) / 1000.0
        cur += dur
        size = rng.randint(800, 40000)
        o2p_req(pod, cur, client, rqid, user, method, uri, ua, 200, size, cur - t, "web-app")
        fast(cur + 0.002, "app.acme.io", method, uri, 200, size, (cur - t) * 1e6 + rng.uniform(2000, 9000), "PASS")
    elif x < 0.82:
        state = rid(43)
        st, ms = kc_request(t, "auth", user, "10.20.3.%d" % rng.randint(10, 30))
        url = "/realms/acme/protocol/openid-connect/auth?client_id=web-app&response_type=code&redirect_uri=" \
              "https%%3A%%2F%%2Fapp.acme.io%%2Foauth2%%2Fcallback&scope=openid+email+profile&state=%s" % state
        fast(t + ms / 1000.0, "id.acme.io", "GET", url, st, 3211 if st == 200 else 2093, ms * 1000 + 4000, "PASS")
        if st >= 500:
            return
        t2 = t + ms / 1000.0 + rng.uniform(4, 15)
        st, ms = kc_request(t2, "login", user, "10.20.3.%d" % rng.randint(10, 30))
        fast(t2 + ms / 1000.0, "id.acme.io", "POST", "/realms/acme/login-actions/authenticate?session_code=%s&"
                                                     "execution=%s&client_id=web-app&tab_id=%s" % (rid(43), uuid(), rid(11)),
             st, 0 if st == 302 else 2093, ms * 1000 + 4000, "PASS")
        if st != 302:
            return
        t3 = t2 + ms / 1000.0 + rng.uniform(0.05, 0.2)
        st, ms = kc_request(t3 + 0.003, "code", user, "10.20.3.%d" % rng.randint(10, 30), client="app-proxy")
        cur = t3 + ms / 1000.0 + 0.004
        if st >= 500:
            o2p_err(pod, cur, "oauthproxy.go:885", "Error redeeming code during OAuth2 callback: token exchange "
                                                   "failed: oauth2: \"unknown_error\"")
            o2p_req(pod, cur + 0.0003, client, rqid, "", "GET", "/oauth2/callback?state=%s&code=%s" % (state, rid(36)),
                    ua, 500, 2917, cur - t3)
            fast(cur + 0.002, "app.acme.io", "GET", "/oauth2/callback?state=%s&code=..." % state, 500, 2917,
                 (cur - t3) * 1e6 + 3000, "PASS")
            return
        o2p_auth(pod, cur, client, rqid, user, "AuthSuccess", "Authenticated via OAuth2: Session{email:%s user:%s "
                                                              "PreferredUsername:%s token:true id_token:true "
                                                              "created:%s expires:%s refresh_token:true}" % (
                                                                  user, USER_IDS[user], user.split("@")[0],
                                                                  gotime(cur), gotime(cur + 300)))
        o2p_req(pod, cur + 0.0003, client, rqid, user, "GET", "/oauth2/callback?state=%s&code=%s" % (state, rid(36)),
                ua, 302, 24, cur - t3)
        fast(cur + 0.002, "app.acme.io", "GET", "/oauth2/callback?state=%s&code=..." % state, 302, 24,
             (cur - t3) * 1e6 + 3000, "PASS")
    else:
        p = rng.choice(["/static/js/app.%s.js" % hexs(8), "/static/css/app.%s.css" % hexs(8), "/favicon.ico",
                        "/", "/static/img/logo.svg", "/robots.txt"])
        fast(t, "app.acme.io", "GET", p, 200, rng.randint(300, 400000), rng.uniform(200, 2000), "HIT")


for t in arrivals(T_START, T_END, 2.6):
    user_session(t)

for t in arrivals(T_START, T_END, 0.5):
    pod = pick_kc(t)
    klog(pod, t, "INFO" if not broken(t) else "WARN", "org.keycloak.events", ex(),
         'type="CLIENT_LOGIN", realmId="%s", realmName="acme", clientId="%s", userId="%s", ipAddress="10.20.%d.%d", '
         'token_id="%s", grant_type="client_credentials", scope="profile email", client_auth_method="client-secret"' % (
             REALM_ID, rng.choice(["reporting-job", "billing-sync", "ci-deployer"]), uuid(), rng.randint(5, 9),
             rng.randint(2, 250), uuid()) if not broken(t) else
         'type="CLIENT_LOGIN_ERROR", realmId="%s", realmName="acme", clientId="%s", userId="null", ipAddress="10.20.%d.%d", '
         'error="unknown_error", grant_type="client_credentials"' % (
             REALM_ID, rng.choice(["reporting-job", "billing-sync", "ci-deployer"]), rng.randint(5, 9), rng.randint(2, 250)))
for t in arrivals(T_START, T_END, 1 / 90.0):
    klog(pick_kc(t), t, "WARN", "org.keycloak.events", ex(),
         'type="LOGIN_ERROR", realmId="%s", realmName="acme", clientId="legacy-portal", userId="null", '
         'ipAddress="%d.%d.%d.%d", error="invalid_redirect_uri", redirect_uri="http://portal.acme.io/sso/callback"' % (
             REALM_ID, rng.randint(30, 220), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)))

# ------------------------------------------------------------------------------------------ account-api (Rust, JSON)
acct = {"account-api-7b6c9d8f4-" + podsfx(): [], "account-api-59d8c7b6f-" + podsfx(): []}
AOLD, ANEW = sorted(acct)[0], sorted(acct)[1]
if not AOLD.startswith("account-api-7b"):
    AOLD, ANEW = ANEW, AOLD


def rjson(pod, t, level, msg, target="account_api", **fields):
    d = dt.datetime.fromtimestamp(t, UTC)
    f = {"message": msg}
    f.update(fields)
    acct[pod].append((t, json.dumps({"timestamp": d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % d.microsecond,
                                     "level": level, "fields": f, "target": target}, separators=(",", ":"))))


for t in arrivals(T_START, T_END, 1.1):
    pod = AOLD if t < T_ACCOUNT_DEPLOY + 20 else ANEW
    rjson(pod, t, "INFO", "finished processing request", target="tower_http::trace::on_response",
          latency="%d ms" % rng.randint(2, 40), status=200)
for t in arrivals(T_START, T_END, 1 / 300.0):
    pod = AOLD if t < T_ACCOUNT_DEPLOY + 20 else ANEW
    rjson(pod, t, "INFO", "refreshed JWKS", target="account_api::auth", keys=2,
          url="http://keycloak.iam.svc:8080/realms/acme/protocol/openid-connect/certs")
rjson(ANEW, T_ACCOUNT_DEPLOY, "INFO", "starting account-api", version="0.88.0")
rjson(ANEW, T_ACCOUNT_DEPLOY + 0.4, "WARN", "config key `audit.sink` is deprecated, use `audit.exporter`",
      target="account_api::config")
rjson(AOLD, T_ACCOUNT_DEPLOY + 21, "INFO", "shutdown signal received, draining", target="account_api")

# ------------------------------------------------------------------------------------------ write
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)


write_lines("k8s/iam/keycloak-0.log", kc["keycloak-0"])
write_lines("k8s/iam/keycloak-1.previous.log", kc["keycloak-1-prev"])
write_lines("k8s/iam/keycloak-1.log", kc["keycloak-1"])
for pod, ents in o2p.items():
    write_lines("k8s/edge/%s.log" % pod, ents)
for pod, ents in acct.items():
    write_lines("k8s/apps/%s.log" % pod, ents)
fastly.sort(key=lambda x: x[0])
buckets = {}
for t, l in fastly:
    buckets.setdefault(int(t // 900), []).append(l)
for k in sorted(buckets):
    d = dt.datetime.fromtimestamp(k * 900, UTC)
    write_lines("fastly/acme-prod/%s.000-%s.log" % (d.strftime("%Y-%m-%dT%H:%M:%S"), rid(22)),
                [(0, l) for l in buckets[k]])
