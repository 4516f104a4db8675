import os, shutil, random, math
from datetime import datetime, timezone

R = random.Random(217021)
HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
UTC = timezone.utc
CET = 3600

def ri(a, b):
    return a + int(R.random() * (b - a + 1))

def rc(seq):
    return seq[int(R.random() * len(seq))]

def T(h, m, s=0.0):
    return datetime(2026, 2, 17, h, m, 0, tzinfo=UTC).timestamp() + s

START = T(9, 50)
END = T(10, 55)
CFG = T(10, 20, 49.31)
FIRST_CRASH = T(10, 21, 13.418)
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

def uuid():
    h = hexid(32)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

USERS = ["akowalski", "jnowak", "mzielinska", "pwisniewski", "kwojcik", "tlewandowski", "akaminska", "mdabrowski", "ejankowska", "rmazur", "bkrawczyk", "lpiotrowska", "sgrabowski", "onowicka", "dpawlak", "wmichalski", "izajac", "fkrol", "hwieczorek", "cjablonski", "mwrobel", "nmajewska", "golszewski", "ustepien", "zmalinowska", "xjaworski", "aadamczyk", "kdudek", "jnowakowska", "pgorski"]
USER_IDS = {u: uuid() for u in USERS}

UP = []
def build_ldap_schedule():
    ev = []
    t = FIRST_CRASH
    crashes = []
    restarts = []
    for k in range(5):
        crashes.append(t)
        rs = t + 5.0 + R.uniform(0.001, 0.02)
        restarts.append(rs)
        t = rs + 1.1 + R.uniform(2.0, 7.5)
    fail_at = crashes[-1] + 5.0
    admin = T(10, 43, 12.77)
    c2 = admin + 1.2 + 93.4
    crashes2 = [c2]
    restarts2 = []
    t = c2
    for k in range(4):
        rs = t + 5.0 + R.uniform(0.001, 0.02)
        restarts2.append(rs)
        t = rs + 1.1 + R.uniform(2.0, 6.0)
        crashes2.append(t)
    fail2 = crashes2[-1] + 5.0
    ups = [(START - 3 * 86400, crashes[0])]
    for i in range(4):
        ups.append((restarts[i] + 1.1, crashes[i + 1]))
    ups.append((admin + 1.2, crashes2[0]))
    for i in range(4):
        ups.append((restarts2[i] + 1.1, crashes2[i + 1]))
    return crashes, restarts, fail_at, admin, crashes2, restarts2, fail2, ups

CRASHES, RESTARTS, FAIL_AT, ADMIN, CRASHES2, RESTARTS2, FAIL2, UPS = build_ldap_schedule()
PIDS = [812]

def ldap_up(t):
    for a, b in UPS:
        if a <= t < b:
            return True
    return False

def up_index(t):
    for i, (a, b) in enumerate(UPS):
        if a <= t < b:
            return i
    return -1

SLAPD_PIDS = [812] + [9130 + 17 * i for i in range(1, 12)]

def jl(t, proc, msg):
    emit("ldap/ldap-01.journal", t, "%s+0100 ldap-01 %s: %s" % (sec_fmt(t + CET, "%Y-%m-%dT%H:%M:%S"), proc, msg))

CONN = [104211]

def slapd_pid(t):
    i = up_index(t)
    return SLAPD_PIDS[i] if i >= 0 else SLAPD_PIDS[0]

def sl(t, msg):
    jl(t, "slapd[%d]" % slapd_pid(t), msg)

def ldap_login(t, src_ip, svc_dn, user, ok=True):
    if not ldap_up(t):
        return "refused", 0.001
    CONN[0] += 1
    c = CONN[0]
    fd = ri(12, 80)
    sl(t, "conn=%d fd=%d ACCEPT from IP=%s:%d (IP=0.0.0.0:636)" % (c, fd, src_ip, ri(32768, 60999)))
    sl(t + 0.004, "conn=%d fd=%d TLS established tls_ssf=256 ssf=256 tls_proto=TLSv1.3 tls_cipher=TLS_AES_256_GCM_SHA384" % (c, fd))
    sl(t + 0.005, "conn=%d op=0 BIND dn=\"%s\" method=128" % (c, svc_dn))
    sl(t + 0.006, "conn=%d op=0 BIND dn=\"%s\" mech=SIMPLE bind_ssf=0 ssf=256" % (c, svc_dn))
    sl(t + 0.0062, "conn=%d op=0 RESULT tag=97 err=0 qtime=0.000010 etime=0.000831 text=" % c)
    sl(t + 0.007, "conn=%d op=1 SRCH base=\"ou=people,dc=corp,dc=example\" scope=2 deref=3 filter=\"(&(uid=%s)(objectClass=inetOrgPerson))\"" % (c, user))
    sl(t + 0.0071, "conn=%d op=1 SRCH attr=uid cn sn givenName mail memberOf entryUUID createTimestamp modifyTimestamp pwdChangedTime" % c)
    sl(t + 0.009, "conn=%d op=1 SEARCH RESULT tag=101 err=0 qtime=0.000012 etime=0.001702 nentries=1 text=" % c)
    sl(t + 0.011, "conn=%d op=2 BIND dn=\"uid=%s,ou=people,dc=corp,dc=example\" method=128" % (c, user))
    if ok:
        sl(t + 0.013, "conn=%d op=2 BIND dn=\"uid=%s,ou=people,dc=corp,dc=example\" mech=SIMPLE bind_ssf=0 ssf=256" % (c, user))
        sl(t + 0.0131, "conn=%d op=2 RESULT tag=97 err=0 qtime=0.000009 etime=0.002113 text=" % c)
    else:
        sl(t + 0.0131, "conn=%d op=2 RESULT tag=97 err=49 qtime=0.000009 etime=0.002241 text=" % c)
    sl(t + 0.014, "conn=%d op=3 UNBIND" % c)
    sl(t + 0.0142, "conn=%d fd=%d closed" % (c, fd))
    return "ok", 0.016

def gen_ldap_background():
    hosts = ["10.30.7.%d" % i for i in (11, 12, 13, 21, 22, 31, 32, 33, 41)]
    t = START + R.uniform(0, 3)
    while t < END:
        if ldap_up(t):
            CONN[0] += 1
            c = CONN[0]
            fd = ri(12, 80)
            h = rc(hosts)
            u = rc(USERS + ["svc-backup", "svc-jenkins", "postgres", "nginx"])
            sl(t, "conn=%d fd=%d ACCEPT from IP=%s:%d (IP=0.0.0.0:636)" % (c, fd, h, ri(32768, 60999)))
            sl(t + 0.003, "conn=%d op=0 BIND dn=\"cn=sssd,ou=services,dc=corp,dc=example\" method=128" % c)
            sl(t + 0.0031, "conn=%d op=0 RESULT tag=97 err=0 qtime=0.000011 etime=0.000702 text=" % c)
            sl(t + 0.004, "conn=%d op=1 SRCH base=\"ou=people,dc=corp,dc=example\" scope=2 deref=0 filter=\"(&(uid=%s)(objectClass=posixAccount)(uid=*)(&(uidNumber=*)(!(uidNumber=0))))\"" % (c, u))
            sl(t + 0.0055, "conn=%d op=1 SEARCH RESULT tag=101 err=0 qtime=0.000010 etime=0.001204 nentries=%d text=" % (c, 1 if u in USERS else 0))
            sl(t + 0.006, "conn=%d op=2 UNBIND" % c)
            sl(t + 0.0061, "conn=%d fd=%d closed" % (c, fd))
        t += R.expovariate(0.9)
    t = START + 37
    while t < END:
        if ldap_up(t):
            CONN[0] += 1
            c = CONN[0]
            src = rc(["10.30.2.21", "10.30.2.22"])
            sl(t, "conn=%d fd=%d ACCEPT from IP=%s:%d (IP=0.0.0.0:636)" % (c, 31, src, ri(32768, 60999)))
            sl(t + 0.004, "conn=%d op=0 BIND dn=\"cn=keycloak,ou=services,dc=corp,dc=example\" method=128" % c)
            sl(t + 0.0045, "conn=%d op=0 RESULT tag=97 err=0 qtime=0.000010 etime=0.000790 text=" % c)
            sl(t + 0.006, "conn=%d op=1 SRCH base=\"ou=people,dc=corp,dc=example\" scope=2 deref=3 filter=\"(&(objectClass=inetOrgPerson)(modifyTimestamp>=%s))\"" % (c, sec_fmt(t - 300, "%Y%m%d%H%M%SZ")))
            sl(t + 0.019, "conn=%d op=1 SEARCH RESULT tag=101 err=0 qtime=0.000011 etime=0.012817 nentries=%d text=" % (c, ri(0, 3)))
            sl(t + 0.02, "conn=%d op=2 UNBIND" % c)
            sl(t + 0.0202, "conn=%d fd=31 closed" % c)
        t += 300 + R.uniform(-0.5, 0.5)

def gen_ldap_crashes():
    t = CFG
    CONN[0] += 1
    c = CONN[0]
    sl(t - 2.1, "conn=%d fd=44 ACCEPT from IP=10.30.9.15:50232 (IP=0.0.0.0:636)" % c)
    sl(t - 2.09, "conn=%d op=0 BIND dn=\"cn=admin,cn=config\" method=128" % c)
    sl(t - 2.085, "conn=%d op=0 RESULT tag=97 err=0 qtime=0.000012 etime=0.000688 text=" % c)
    sl(t, "conn=%d op=1 MOD dn=\"olcOverlay={1}memberof,olcDatabase={1}mdb,cn=config\"" % c)
    sl(t + 0.0001, "conn=%d op=1 MOD attr=olcMemberOfRefInt olcMemberOfDangling" % c)
    sl(t + 0.003, "conn=%d op=1 RESULT tag=103 err=0 qtime=0.000014 etime=0.002901 text=" % c)
    sl(t + 0.1, "conn=%d op=2 UNBIND" % c)
    sl(t + 0.1001, "conn=%d fd=44 closed" % c)
    allc = [(x, 1) for x in CRASHES] + [(x, 2) for x in CRASHES2]
    for x, wave in allc:
        CONN[0] += 1
        c = CONN[0]
        p = slapd_pid(x - 0.01)
        jl(x - 0.6, "slapd[%d]" % p, "conn=%d fd=52 ACCEPT from IP=10.30.8.44:%d (IP=0.0.0.0:636)" % (c, ri(32768, 60999)))
        jl(x - 0.59, "slapd[%d]" % p, "conn=%d op=0 BIND dn=\"cn=hr-sync,ou=services,dc=corp,dc=example\" method=128" % c)
        jl(x - 0.589, "slapd[%d]" % p, "conn=%d op=0 RESULT tag=97 err=0 qtime=0.000011 etime=0.000744 text=" % c)
        jl(x - 0.41, "slapd[%d]" % p, "conn=%d op=1 MOD dn=\"cn=eng-platform,ou=groups,dc=corp,dc=example\"" % c)
        jl(x - 0.4099, "slapd[%d]" % p, "conn=%d op=1 MOD attr=member" % c)
        jl(x, "slapd[%d]" % p, "slapd: overlays/memberof.c:1203: memberof_value_modify: Assertion `!BER_BVISNULL( &mo->mo_ndn )' failed.")
        jl(x + 0.31, "systemd[1]", "slapd.service: Main process exited, code=dumped, status=6/ABRT")
        jl(x + 0.312, "systemd[1]", "slapd.service: Failed with result 'core-dump'.")
        jl(x + 0.313, "systemd[1]", "slapd.service: Consumed %.3fs CPU time." % ((1843.2 + R.uniform(0, 50)) if x == CRASHES[0] else R.uniform(0.08, 0.6) if x not in (CRASHES2[0],) else R.uniform(9, 14)))
        cp = 9100 + ri(0, 999)
        jl(x + 1.92, "systemd-coredump[%d]" % cp, "Process %d (slapd) of user 101 dumped core.\n\nModule libldap.so.2 from deb openldap-2.6.7+dfsg-1~exp1\nModule slapd from deb openldap-2.6.7+dfsg-1~exp1\nStack trace of thread %d:\n#0  0x00007f1c2e89ae2c __pthread_kill_implementation (libc.so.6 + 0x8ae2c)\n#1  0x00007f1c2e84bfb2 raise (libc.so.6 + 0x3bfb2)\n#2  0x00007f1c2e836472 abort (libc.so.6 + 0x26472)\n#3  0x00007f1c2e836395 n/a (libc.so.6 + 0x26395)\n#4  0x00007f1c2e844eb2 __assert_fail (libc.so.6 + 0x34eb2)\n#5  0x00007f1c2d5b1e7a memberof_value_modify (memberof.so + 0x6e7a)\n#6  0x00007f1c2d5b3c41 memberof_res_modify (memberof.so + 0x8c41)\n#7  0x000055d2a3e4f1c9 slap_response_play (slapd + 0x5f1c9)\n#8  0x000055d2a3e50a3b send_ldap_response (slapd + 0x60a3b)\n#9  0x00007f1c2d7c2b10 mdb_modify (back_mdb.so + 0x1fb10)\n#10 0x000055d2a3e8d2a2 overlay_op_walk (slapd + 0x9d2a2)\n#11 0x000055d2a3e8d4f7 over_op_func (slapd + 0x9d4f7)\n#12 0x000055d2a3e35d1e fe_op_modify (slapd + 0x45d1e)\n#13 0x000055d2a3e3636b do_modify (slapd + 0x4636b)\n#14 0x000055d2a3e1f3b0 connection_operation (slapd + 0x2f3b0)\n#15 0x00007f1c2ea2a8d5 ldap_int_thread_pool_wrapper (libldap.so.2 + 0x3a8d5)\n#16 0x00007f1c2e8891c4 start_thread (libc.so.6 + 0x891c4)\n#17 0x00007f1c2e90985c __clone3 (libc.so.6 + 0x10985c)\nELF object binary architecture: AMD x86-64" % (p, p + 3))
    for i, rs in enumerate(RESTARTS[:4] + RESTARTS2[:4]):
        n = (i % 4) + 1
        jl(rs, "systemd[1]", "slapd.service: Scheduled restart job, restart counter is at %d." % n)
        jl(rs + 0.002, "systemd[1]", "Stopped slapd.service - OpenLDAP Server Daemon.")
        jl(rs + 0.003, "systemd[1]", "Starting slapd.service - OpenLDAP Server Daemon...")
        p = slapd_pid(rs + 1.2)
        jl(rs + 0.21, "slapd[%d]" % (p - 1), "@(#) $OpenLDAP: slapd 2.6.7+dfsg-1~exp1 (Jan 29 2026 18:33:05) $\n\tDebian OpenLDAP Maintainers <pkg-openldap-devel@lists.alioth.debian.org>")
        jl(rs + 1.05, "slapd[%d]" % p, "slapd starting")
        jl(rs + 1.08, "systemd[1]", "Started slapd.service - OpenLDAP Server Daemon.")
    for fa in (FAIL_AT, FAIL2):
        jl(fa, "systemd[1]", "slapd.service: Scheduled restart job, restart counter is at 5.")
        jl(fa + 0.001, "systemd[1]", "Stopped slapd.service - OpenLDAP Server Daemon.")
        jl(fa + 0.002, "systemd[1]", "slapd.service: Start request repeated too quickly.")
        jl(fa + 0.003, "systemd[1]", "slapd.service: Failed with result 'core-dump'.")
        jl(fa + 0.004, "systemd[1]", "Failed to start slapd.service - OpenLDAP Server Daemon.")
    a = ADMIN
    jl(a - 40.2, "sshd[21877]", "Accepted publickey for mkrawiec from 10.30.9.15 port 50814 ssh2: ED25519 SHA256:0pYk1vNwq4dBv6b0aM3XQ1b7Xr2Tq7mJd8aZP1rI0cA")
    jl(a - 40.1, "systemd-logind[402]", "New session 1187 of user mkrawiec.")
    jl(a - 0.6, "sudo[21902]", "mkrawiec : TTY=pts/0 ; PWD=/home/mkrawiec ; USER=root ; COMMAND=/usr/bin/systemctl start slapd")
    jl(a - 0.002, "systemd[1]", "Starting slapd.service - OpenLDAP Server Daemon...")
    jl(a + 0.21, "slapd[%d]" % (slapd_pid(a + 1.3) - 1), "@(#) $OpenLDAP: slapd 2.6.7+dfsg-1~exp1 (Jan 29 2026 18:33:05) $\n\tDebian OpenLDAP Maintainers <pkg-openldap-devel@lists.alioth.debian.org>")
    jl(a + 1.15, "slapd[%d]" % slapd_pid(a + 1.3), "slapd starting")
    jl(a + 1.18, "systemd[1]", "Started slapd.service - OpenLDAP Server Daemon.")
    t = START + R.uniform(0, 120)
    while t < END:
        jl(t, "systemd[1]", "Starting sysstat-collect.service - system activity accounting tool...")
        jl(t + 0.04, "systemd[1]", "sysstat-collect.service: Deactivated successfully.")
        jl(t + 0.041, "systemd[1]", "Finished sysstat-collect.service - system activity accounting tool.")
        t += 600

KC_STACK_REFUSED = """org.keycloak.models.ModelException: LDAP Query failed
\tat org.keycloak.storage.ldap.idm.query.internal.LDAPQuery.getResultList(LDAPQuery.java:194)
\tat org.keycloak.storage.ldap.idm.query.internal.LDAPQuery.getFirstResult(LDAPQuery.java:201)
\tat org.keycloak.storage.ldap.LDAPStorageProvider.loadLDAPUserByUsername(LDAPStorageProvider.java:1013)
\tat org.keycloak.storage.ldap.LDAPStorageProvider.getUserByUsername(LDAPStorageProvider.java:538)
\tat org.keycloak.storage.UserStorageManager.lambda$getUserByUsername$7(UserStorageManager.java:421)
\tat org.keycloak.storage.UserStorageManager.getUserByUsername(UserStorageManager.java:428)
\tat org.keycloak.models.cache.infinispan.UserCacheSession.getUserByUsername(UserCacheSession.java:275)
\tat org.keycloak.models.utils.KeycloakModelUtils.findUserByNameOrEmail(KeycloakModelUtils.java:268)
\tat org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator.validateUser(AbstractUsernameFormAuthenticator.java:167)
\tat org.keycloak.authentication.authenticators.browser.UsernamePasswordForm.validateForm(UsernamePasswordForm.java:59)
\tat org.keycloak.authentication.authenticators.browser.UsernamePasswordForm.action(UsernamePasswordForm.java:52)
\tat org.keycloak.authentication.DefaultAuthenticationFlow.processAction(DefaultAuthenticationFlow.java:158)
\tat org.keycloak.authentication.AuthenticationProcessor.authenticationAction(AuthenticationProcessor.java:1001)
\tat org.keycloak.services.resources.LoginActionsService.processFlow(LoginActionsService.java:361)
\tat org.keycloak.services.resources.LoginActionsService.authenticate(LoginActionsService.java:341)
\tat org.keycloak.services.resources.LoginActionsService.authenticateForm(LoginActionsService.java:413)
\tat io.quarkus.resteasy.reactive.server.runtime.QuarkusResteasyReactiveRequestContext.invokeHandler(QuarkusResteasyReactiveRequestContext.java:141)
\tat org.jboss.resteasy.reactive.common.core.AbstractResteasyReactiveContext.run(AbstractResteasyReactiveContext.java:147)
\tat io.quarkus.vertx.core.runtime.VertxCoreRecorder$14.runWith(VertxCoreRecorder.java:582)
\tat org.jboss.threads.EnhancedQueueExecutor$Task.run(EnhancedQueueExecutor.java:2513)
\tat org.jboss.threads.EnhancedQueueExecutor$ThreadBody.run(EnhancedQueueExecutor.java:1538)
\tat org.jboss.threads.DelegatingRunnable.run(DelegatingRunnable.java:29)
\tat org.jboss.threads.ThreadLocalResettingRunnable.run(ThreadLocalResettingRunnable.java:29)
\tat io.netty.util.concurrent.FastThreadLocalRunnable.run(FastThreadLocalRunnable.java:30)
\tat java.base/java.lang.Thread.run(Thread.java:1583)
Caused by: javax.naming.CommunicationException: ldap-01.corp.example:636 [Root exception is java.net.ConnectException: Connection refused]
\tat java.naming/com.sun.jndi.ldap.Connection.<init>(Connection.java:251)
\tat java.naming/com.sun.jndi.ldap.LdapClient.<init>(LdapClient.java:141)
\tat java.naming/com.sun.jndi.ldap.LdapClient.getInstance(LdapClient.java:1620)
\tat java.naming/com.sun.jndi.ldap.LdapCtx.connect(LdapCtx.java:2848)
\tat java.naming/com.sun.jndi.ldap.LdapCtx.<init>(LdapCtx.java:349)
\tat java.naming/com.sun.jndi.ldap.LdapCtxFactory.getLdapCtxFromUrl(LdapCtxFactory.java:229)
\tat java.naming/com.sun.jndi.ldap.LdapCtxFactory.getUsingURL(LdapCtxFactory.java:189)
\tat java.naming/com.sun.jndi.ldap.LdapCtxFactory.getLdapCtxInstance(LdapCtxFactory.java:154)
\tat java.naming/com.sun.jndi.ldap.LdapCtxFactory.getInitialContext(LdapCtxFactory.java:84)
\tat java.naming/javax.naming.spi.NamingManager.getInitialContext(NamingManager.java:520)
\tat java.naming/javax.naming.InitialContext.getDefaultInitCtx(InitialContext.java:305)
\tat java.naming/javax.naming.InitialContext.init(InitialContext.java:236)
\tat java.naming/javax.naming.ldap.InitialLdapContext.<init>(InitialLdapContext.java:154)
\tat org.keycloak.storage.ldap.idm.store.ldap.LDAPContextManager.createLdapContext(LDAPContextManager.java:82)
\tat org.keycloak.storage.ldap.idm.store.ldap.LDAPContextManager.getLdapContext(LDAPContextManager.java:118)
\tat org.keycloak.storage.ldap.idm.store.ldap.LDAPOperationManager.execute(LDAPOperationManager.java:885)
\tat org.keycloak.storage.ldap.idm.store.ldap.LDAPOperationManager.search(LDAPOperationManager.java:218)
\tat org.keycloak.storage.ldap.idm.store.ldap.LDAPIdentityStore.fetchQueryResults(LDAPIdentityStore.java:259)
\tat org.keycloak.storage.ldap.idm.query.internal.LDAPQuery.getResultList(LDAPQuery.java:187)
\t... 24 more
Caused by: java.net.ConnectException: Connection refused
\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)
\tat java.base/sun.nio.ch.Net.pollConnectNow(Net.java:682)
\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:542)
\tat java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:592)
\tat java.base/java.net.SocksSocketImpl.connect(SocksSocketImpl.java:327)
\tat java.base/java.net.Socket.connect(Socket.java:751)
\tat java.base/sun.security.ssl.SSLSocketImpl.connect(SSLSocketImpl.java:304)
\tat java.naming/com.sun.jndi.ldap.Connection.createSocket(Connection.java:355)
\tat java.naming/com.sun.jndi.ldap.Connection.<init>(Connection.java:230)
\t... 42 more"""
KC_STACK_CLOSED = KC_STACK_REFUSED.split("Caused by:")[0] + "Caused by: javax.naming.CommunicationException: connection closed [Root exception is java.io.IOException: connection closed]; remaining name 'ou=people,dc=corp,dc=example'\n\tat java.naming/com.sun.jndi.ldap.LdapClient.ensureOpen(LdapClient.java:1617)\n\tat java.naming/com.sun.jndi.ldap.LdapClient.search(LdapClient.java:546)\n\tat java.naming/com.sun.jndi.ldap.LdapCtx.doSearch(LdapCtx.java:2031)\n\tat java.naming/com.sun.jndi.ldap.LdapCtx.searchAux(LdapCtx.java:1937)\n\t... 31 more\nCaused by: java.io.IOException: connection closed\n\tat java.naming/com.sun.jndi.ldap.LdapClient.ensureOpen(LdapClient.java:1607)\n\t... 35 more"

KC = {"keycloak-0": "10.30.2.21", "keycloak-1": "10.30.2.22"}
KC_SKEW = {"keycloak-0": 0.0, "keycloak-1": -2.6}

def kl(pod, t, level, logger, thread, msg):
    tt = t + KC_SKEW[pod]
    emit("keycloak/%s.log" % pod, tt, "%s,%03d %-5s [%s] (%s) %s" % (sec_fmt(tt, "%Y-%m-%d %H:%M:%S"), frac(tt, 3), level, logger, thread, msg))

def kc_event(pod, t, typ, client, user, ip, err=None, thread=None):
    th = thread or "executor-thread-%d" % ri(1, 64)
    sid = uuid()
    if typ == "LOGIN":
        msg = "type=\"LOGIN\", realmId=\"8c1f1f9e-7a7c-4f1e-9e0f-3c1b9e6b2d10\", realmName=\"corp\", clientId=\"%s\", userId=\"%s\", sessionId=\"%s\", ipAddress=\"%s\", auth_method=\"openid-connect\", auth_type=\"code\", response_type=\"code\", redirect_uri=\"https://intranet.corp.example/%s/redirect_uri\", consent=\"no_consent_required\", code_id=\"%s\", username=\"%s\", response_mode=\"query\"" % (client, USER_IDS[user], sid, ip, client, sid, user)
        kl(pod, t, "INFO", "org.keycloak.events", th, msg)
    elif typ == "CODE_TO_TOKEN":
        msg = "type=\"CODE_TO_TOKEN\", realmId=\"8c1f1f9e-7a7c-4f1e-9e0f-3c1b9e6b2d10\", realmName=\"corp\", clientId=\"%s\", userId=\"%s\", sessionId=\"%s\", ipAddress=\"10.30.1.5\", token_id=\"%s\", grant_type=\"authorization_code\", refresh_token_type=\"Refresh\", scope=\"openid profile email\", refresh_token_id=\"%s\", code_id=\"%s\", client_auth_method=\"client-secret\"" % (client, USER_IDS[user], sid, uuid(), uuid(), sid)
        kl(pod, t, "INFO", "org.keycloak.events", th, msg)
    elif typ == "REFRESH_TOKEN":
        msg = "type=\"REFRESH_TOKEN\", realmId=\"8c1f1f9e-7a7c-4f1e-9e0f-3c1b9e6b2d10\", realmName=\"corp\", clientId=\"%s\", userId=\"%s\", sessionId=\"%s\", ipAddress=\"10.30.1.5\", token_id=\"%s\", refresh_token_id=\"%s\", refresh_token_type=\"Refresh\", scope=\"openid profile email\", updated_refresh_token_id=\"%s\", client_auth_method=\"client-secret\"" % (client, USER_IDS[user], sid, uuid(), uuid(), uuid())
        kl(pod, t, "INFO", "org.keycloak.events", th, msg)
    elif typ == "LOGIN_ERROR":
        msg = "type=\"LOGIN_ERROR\", realmId=\"8c1f1f9e-7a7c-4f1e-9e0f-3c1b9e6b2d10\", realmName=\"corp\", clientId=\"%s\", userId=\"null\", ipAddress=\"%s\", error=\"%s\", auth_method=\"openid-connect\", auth_type=\"code\", redirect_uri=\"https://intranet.corp.example/%s/redirect_uri\", code_id=\"%s\", username=\"%s\"" % (client, ip, err, client, sid, user)
        kl(pod, t, "WARN", "org.keycloak.events", th, msg)

APACHE_PID = [2211, 2212, 2388, 2389, 2390]

def acc(t, dur, ip, method, uri, status, size, ref, ua):
    tt = t + dur
    emit("intranet-proxy/access_log", tt, "%s - %s [%s +0100] \"%s %s HTTP/1.1\" %d %s \"%s\" \"%s\" %d" % (ip, "-", sec_fmt(t + CET, "%d/%b/%Y:%H:%M:%S"), method, uri, status, size if size else "-", ref, ua, int(dur * 1e6)))

def err(t, module, level, msg, client=None):
    pid = rc(APACHE_PID)
    c = " [client %s:%d]" % (client, ri(40000, 65000)) if client else ""
    emit("intranet-proxy/error_log", t, "[%s.%06d 2026] [%s:%s] [pid %d:tid %d]%s %s" % (sec_fmt(t + CET, "%a %b %d %H:%M:%S"), frac(t, 6), module, level, pid, 140233000000000 + pid * 7, c, msg))

UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36 Edg/121.0.0.0",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
       "Mozilla/5.0 (X11; Linux x86_64; rv:122.0) Gecko/20100101 Firefox/122.0",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15"]
WIKI = ["/wiki/display/ENG/Home", "/wiki/display/ENG/Runbooks", "/wiki/display/HR/Benefits", "/wiki/display/OPS/On-call", "/wiki/display/ENG/Architecture+Decision+Records", "/wiki/pages/viewpage.action?pageId=%d", "/wiki/rest/api/search?cql=text~%%22deploy%%22", "/wiki/display/FIN/Travel+policy"]
USER_IP = {u: "10.30.%d.%d" % (ri(40, 47), ri(10, 250)) for u in USERS}

def glog(t, logger, level, msg, extra=""):
    emit("grafana/grafana.log", t, "logger=%s t=%s.%02d+00:00 level=%s msg=%s%s" % (logger, sec_fmt(t, "%Y-%m-%dT%H:%M:%S"), frac(t, 2), level, msg, extra))

def gen_traffic():
    t = START
    while True:
        t += R.expovariate(7.2)
        if t >= END:
            break
        u = rc(USERS)
        ip = USER_IP[u]
        ua = UAS[hash_u(u) % len(UAS)]
        x = R.random()
        if x < 0.45:
            p = rc(WIKI)
            if "%d" in p:
                p = p % ri(10000, 990000)
            acc(t, R.uniform(0.04, 0.6), ip, "GET", p, 200, ri(9000, 190000), "https://intranet.corp.example/wiki/", ua)
            for k in range(ri(0, 3)):
                acc(t + 0.2 + k * 0.01, R.uniform(0.001, 0.02), ip, "GET", "/wiki/s/%s/_/download/batch/%s.js" % (hexid(8), rc(["confluence.web.resources", "com.atlassian.auiplugin", "confluence.editor"])), 304, 0, "https://intranet.corp.example" + p, ua)
        elif x < 0.80:
            acc(t, R.uniform(0.03, 0.9), ip, "POST", "/grafana/api/ds/query?ds_type=prometheus&requestId=Q%d" % ri(100, 999), 200, ri(800, 60000), "https://intranet.corp.example/grafana/d/%s/" % hexid(9), ua)
        elif x < 0.88:
            acc(t, R.uniform(0.005, 0.03), ip, "GET", "/grafana/api/live/ws", 101, 0, "-", ua) if R.random() < 0.1 else acc(t, R.uniform(0.005, 0.04), ip, "GET", "/grafana/api/annotations?from=%d&to=%d" % (int(t - 21600) * 1000, int(t) * 1000), 200, ri(30, 4000), "https://intranet.corp.example/grafana/", ua)
        elif x < 0.975:
            acc(t, R.uniform(0.01, 0.08), ip, "GET", "/portal/api/news?limit=10", 200, ri(2000, 9000), "https://intranet.corp.example/", ua)
        else:
            acc(t, R.uniform(0.0005, 0.002), "10.30.9.9", "GET", "/server-status?auto", 403, 199, "-", "check_http/v2.3.3 (monitoring-plugins 2.3.3)")
            err(t + 0.001, "authz_core", "error", "AH01630: client denied by server configuration: /var/www/html/server-status", client="10.30.9.9")

def hash_u(u):
    return sum(ord(c) for c in u)

def sso_login(t, u, client):
    ip = USER_IP[u]
    ua = UAS[hash_u(u) % len(UAS)]
    pod = "keycloak-0" if R.random() < 0.5 else "keycloak-1"
    state = hexid(22)
    acc(t, R.uniform(0.003, 0.01), ip, "GET", "/%s/" % client, 302, 412, "-", ua)
    acc(t + 0.3, R.uniform(0.01, 0.04), ip, "GET", "/realms/corp/protocol/openid-connect/auth?response_type=code&scope=openid%%20profile%%20email&client_id=%s&state=%s&redirect_uri=https%%3A%%2F%%2Fintranet.corp.example%%2F%s%%2Fredirect_uri&nonce=%s" % (client, state, client, hexid(22)), 200, ri(3900, 4300), "-", ua)
    ts = t + R.uniform(4, 14)
    bad_pw = R.random() < 0.05
    res, d = ldap_login(ts + 0.004, KC[pod], "cn=keycloak,ou=services,dc=corp,dc=example", u, ok=not bad_pw)
    if res == "refused":
        dur = R.uniform(0.006, 0.02)
        kl(pod, ts + dur - 0.002, "ERROR", "org.keycloak.services.error.KeycloakErrorHandler", "executor-thread-%d" % ri(1, 64), "Uncaught server error: " + (KC_STACK_REFUSED if not any(a - 0.8 < ts < a for a in CRASHES + CRASHES2) else KC_STACK_CLOSED))
        acc(ts, dur, ip, "POST", "/realms/corp/login-actions/authenticate?session_code=%s&execution=%s&client_id=%s&tab_id=%s" % (hexid(22), uuid(), client, hexid(11)), 500, 2281, "https://intranet.corp.example/realms/corp/protocol/openid-connect/auth", ua)
        return False
    if bad_pw:
        kc_event(pod, ts + 0.03, "LOGIN_ERROR", client, u, ip, err="invalid_user_credentials")
        acc(ts, 0.035, ip, "POST", "/realms/corp/login-actions/authenticate?session_code=%s&execution=%s&client_id=%s&tab_id=%s" % (hexid(22), uuid(), client, hexid(11)), 200, 4410, "https://intranet.corp.example/realms/corp/protocol/openid-connect/auth", ua)
        return False
    kc_event(pod, ts + 0.028, "LOGIN", client, u, ip)
    acc(ts, 0.031, ip, "POST", "/realms/corp/login-actions/authenticate?session_code=%s&execution=%s&client_id=%s&tab_id=%s" % (hexid(22), uuid(), client, hexid(11)), 302, 0, "https://intranet.corp.example/realms/corp/protocol/openid-connect/auth", ua)
    kc_event(pod, ts + 0.09, "CODE_TO_TOKEN", client, u, ip)
    acc(ts + 0.06, 0.041, ip, "GET", "/%s/redirect_uri?state=%s&session_state=%s&code=%s" % (client, state, uuid(), hexid(40)), 302, 0, "https://intranet.corp.example/", ua)
    return True

def gen_logins():
    t = START
    retry = []
    while True:
        t += R.expovariate(0.21)
        if t >= END:
            break
        u = rc(USERS)
        client = rc(["wiki", "wiki", "portal", "jira"])
        ok = sso_login(t, u, client)
        if not ok and not ldap_up(t) and R.random() < 0.7:
            t2 = t + R.uniform(20, 90)
            if t2 < END:
                sso_login(t2, u, client)
    t = START + R.uniform(0, 5)
    while t < END:
        u = rc(USERS)
        pod = "keycloak-0" if R.random() < 0.5 else "keycloak-1"
        kc_event(pod, t, "REFRESH_TOKEN", rc(["wiki", "portal", "jira"]), u, USER_IP[u])
        t += R.expovariate(0.35)

def gen_grafana():
    t = START
    while True:
        t += R.expovariate(0.05)
        if t >= END:
            break
        u = rc(USERS)
        ip = USER_IP[u]
        ua = UAS[hash_u(u) % len(UAS)]
        if ldap_up(t):
            ldap_login(t + 0.004, "10.30.3.40", "cn=grafana,ou=services,dc=corp,dc=example", u)
            glog(t + 0.031, "context", "info", "\"Successful Login\"", " userId=%d orgId=1 uname=%s User=%s@corp.example" % (ri(2, 300), u, u))
            acc(t, 0.034, ip, "POST", "/grafana/login", 200, 66, "https://intranet.corp.example/grafana/login", ua)
        else:
            dur = R.uniform(0.002, 0.006)
            glog(t + dur - 0.001, "ldap", "error", "\"Error while trying to authenticate user\"", " username=%s error=\"LDAP Result Code 200 \\\"Network Error\\\": dial tcp 10.30.5.10:636: connect: connection refused\"" % u)
            glog(t + dur, "context", "error", "\"Request Completed\"", " userId=0 orgId=0 uname= method=POST path=/login status=500 remote_addr=%s time_ms=%d duration=%.6fms size=66 referer=https://intranet.corp.example/grafana/login handler=/login status_source=server errorReason=InternalError errorMessageID=login.internal" % (ip, int(dur * 1000), dur * 1000))
            acc(t, dur + 0.001, ip, "POST", "/grafana/login", 500, 66, "https://intranet.corp.example/grafana/login", ua)
    t = START + R.uniform(0, 60)
    while t < END:
        glog(t, "plugin.loader", "warn", "\"Skipping finding plugins as directory does not exist\"", " path=/usr/share/grafana/plugins-bundled")
        t += R.uniform(280, 700)
    t = START + R.uniform(0, 30)
    while t < END:
        glog(t, "cleanup", "info", "\"Completed cleanup jobs\"", " duration=%.6fms" % R.uniform(8, 40))
        t += 600
    t = START + R.uniform(0, 300)
    while t < END:
        u = rc(USERS)
        if not ldap_up(t):
            glog(t, "ldap", "error", "\"Failed to sync user from LDAP\"", " userId=%d username=%s error=\"LDAP Result Code 200 \\\"Network Error\\\": dial tcp 10.30.5.10:636: connect: connection refused\"" % (ri(2, 300), u))
        t += R.uniform(25, 70)

def gen_keycloak_misc():
    for pod in KC:
        t = START + R.uniform(0, 100)
        while t < END:
            kl(pod, t, "WARN", "org.keycloak.protocol.oidc.endpoints.TokenEndpoint", "executor-thread-%d" % ri(1, 64), "Client 'jira' uses deprecated 'client_secret_post' authentication method")
            t += R.uniform(200, 600)
    s = T(10, 5, 17.4)
    pod = "keycloak-1"
    kl(pod, s - 22.0, "INFO", "io.quarkus", "Shutdown thread", "Keycloak stopped in 0.311s")
    kl(pod, s - 9.5, "INFO", "org.keycloak.quarkus.runtime.hostname.DefaultHostnameProvider", "main", "Hostname settings: Base URL: <unset>, Hostname: sso.corp.example, Strict HTTPS: true, Path: <request>, Strict BackChannel: false, Admin URL: <unset>, Admin: <request>, Port: -1, Proxied: true")
    kl(pod, s - 6.2, "INFO", "org.keycloak.connections.infinispan.DefaultInfinispanConnectionProviderFactory", "main", "Node name: keycloak-1-48211, Site name: null")
    kl(pod, s - 3.3, "INFO", "org.infinispan.CLUSTER", "jgroups-5,keycloak-1-48211", "ISPN000094: Received new cluster view for channel ISPN: [keycloak-0-17732|9] (2) [keycloak-0-17732, keycloak-1-48211]")
    kl(pod, s - 0.4, "INFO", "io.quarkus", "main", "Keycloak 24.0.5 on JVM (powered by Quarkus 3.8.4) started in 14.218s. Listening on: http://0.0.0.0:8080. Management interface listening on http://0.0.0.0:9000.")
    kl(pod, s - 0.39, "INFO", "io.quarkus", "main", "Profile prod activated. ")
    kl(pod, s - 0.38, "INFO", "io.quarkus", "main", "Installed features: [agroal, cdi, hibernate-orm, jdbc-postgresql, keycloak, logging-gelf, micrometer, narayana-jta, reactive-routes, resteasy-reactive, resteasy-reactive-jackson, smallrye-context-propagation, smallrye-health, vertx]")
    kl(pod, s + 1.2, "WARN", "org.keycloak.quarkus.runtime.KeycloakMain", "main", "Running the server in development mode is DEPRECATED; this message is logged because 'spi-theme-cache-themes' is set to false")

def gen_apache_sso_errors():
    t = START + R.uniform(0, 200)
    while t < END:
        err(t, "auth_openidc", "warn", "oidc_check_user_id: a previous session cookie was found but it could not be decoded or was expired, possibly because the session was already removed or the crypto passphrase changed", client=rc(list(USER_IP.values())))
        t += R.uniform(60, 400)

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

gen_ldap_background()
gen_ldap_crashes()
gen_traffic()
gen_logins()
gen_grafana()
gen_keycloak_misc()
gen_apache_sso_errors()
write_all()
