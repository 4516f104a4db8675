#!/usr/bin/env python3
"""Generator for incident case e02-vault-policy-lease (standard library only, deterministic)."""
SEED = 4202
import os, json, gzip, shutil, random, math
from datetime import datetime, timezone, timedelta

# The set's shared helpers (output sink, time formats, random shapes), kept once in e_common.py.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "e_common.py")).read())

# ======================================================================== case
# e02: a Vault ACL policy edit removes lease-renew / creds-read for payments-api; its dynamic
# CockroachDB credentials expire one pod at a time and get revoked (DROP ROLE).

T_BEGIN = ep(2025, 5, 14, 8, 10, 0)
T_END = ep(2025, 5, 14, 8, 42, 0)
T_POLICY = ep(2025, 5, 14, 8, 14, 37, 218)   # ops user rewrites policy payments-api (typo + missing renew)
T_FIX = ep(2025, 5, 14, 8, 33, 55, 604)      # policy reverted
T_LEDGER_DEPLOY = T_POLICY + 104.0            # red herring rollout of ledger-api

PODS = {}
PODIP = {}


def mk(svc, n, rs):
    PODS[svc] = [podname(svc, rs) for _ in range(n)]
    for p in PODS[svc]:
        PODIP[p] = ip()


mk("front-envoy", 2, "6b9d7f8c4")
mk("web-bff", 2, "7c5f8d9b6")
mk("catalog-api", 2, "5d8b7c6f9")
mk("cart-api", 2, "64c9d8f7b")
mk("checkout-api", 2, "7b6d9c5f8")
mk("payments-api", 3, "5f7c8d6b9")
mk("ledger-api", 2, "6c8f5b7d9")
mk("fraud-check", 1, "58d6f9c7b")
mk("notification-service", 1, "7d9c6b8f5")
LEDGER_NEW = [podname("ledger-api", "7f9b6d4c8") for _ in range(2)]
for p in LEDGER_NEW:
    PODIP[p] = ip()
VAULT_IP = "10.30.0.21"
DB_NODES = ["payments-db-0", "payments-db-1", "payments-db-2"]
DBIP = {n: "10.42.%d.%d" % (12 + i, R.randint(2, 250)) for i, n in enumerate(DB_NODES)}


def svc_of(pod):
    return pod.rsplit("-", 2)[0]


# ------------------------------------------------------------------ formatters
def zl(pod, t, level, msg, **kv):
    d = {"level": level, "service": svc_of(pod)}
    d.update(kv)
    d["time"] = iso_ms(t)
    d["message"] = msg
    emit("%s/%s/app.log" % (svc_of(pod), pod), t, json.dumps(d, separators=(",", ":")))


def hclog(path, t, level, msg, **kv):
    extra = "".join(" %s=%s" % (k, v) for k, v in kv.items())
    emit(path, t, "%s %-7s %s%s" % (iso_ms(t), "[%s]" % level, msg, extra))


def agent(pod, t, level, msg):
    hclog("%s/%s/vault-agent.log" % (svc_of(pod), pod), t, level, msg)


QSEQ = [88213]


def quarkus(pod, t, level, logger, msg, thread=None, trace=None, exc=None):
    QSEQ[0] += 1
    d = {"timestamp": iso_ms(t).replace("Z", "+00:00").replace(".", ".", 1), "sequence": QSEQ[0], "loggerClassName": "org.jboss.logging.Logger",
         "loggerName": logger, "level": level, "message": msg, "threadName": thread or "executor-thread-%d" % R.randint(1, 24),
         "threadId": R.randint(40, 90), "mdc": ({"traceId": trace} if trace else {}), "ndc": "", "hostName": pod, "processName": "checkout-api-runner.jar",
         "processId": 1}
    if exc:
        d["exception"] = exc
    emit("checkout-api/%s/app.log" % pod, t, json.dumps(d, separators=(",", ":")))


BPID = {}


def bunyan(pod, t, level, msg, **kv):
    lv = {"info": 30, "warn": 40, "error": 50}[level]
    d = {"name": "web-bff", "hostname": pod, "pid": BPID.setdefault(pod, R.randint(18, 60)), "level": lv}
    d.update(kv)
    d["msg"] = msg
    d["time"] = iso_ms(t)
    d["v"] = 0
    emit("web-bff/%s/app.log" % pod, t, json.dumps(d, separators=(",", ":")))


def envoy(pod, t, method, path, status, flags, rx, tx, dur, ust, xff, ua, rid, host):
    d = dt(t)
    emit("front-envoy/%s/access.log" % pod, t + dur / 1000.0, '[%s.%03dZ] "%s %s HTTP/2" %d %s %d %d %d %s "%s" "%s" "%s" "%s" "%s"' % (
        d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond // 1000, method, path, status, flags, rx, tx, int(dur), ust, xff, ua, rid, "api.shopfront.io", host))


def cri(pod, t, stream, text, partial=False):
    d = dt(t)
    emit("fraud-check/%s/0.log" % pod, t, "%s.%06d%03dZ %s %s %s" % (d.strftime("%Y-%m-%dT%H:%M:%S"), d.microsecond, R.randint(0, 999), stream, "P" if partial else "F", text))


def logback(pod, t, level, logger, msg, thread=None):
    d = dt(t)
    emit("ledger-api/%s/app.log" % pod, t, "%s.%03d [%s] %-5s %s - %s" % (
        d.strftime("%H:%M:%S"), d.microsecond // 1000, thread or "eventLoopGroupProxy-4-%d" % R.randint(1, 8), level, logger, msg))


CRDB_SEQ = {n: R.randint(2000, 9000) for n in DB_NODES}


def crdb(node, t, sev, gid, chan, src, tags, msg, security=False):
    d = dt(t)
    CRDB_SEQ[node] += 1
    line = "%s%s %s.%06d %d %s%s ⋮ [%s] %d %s" % (
        sev, d.strftime("%y%m%d"), d.strftime("%H:%M:%S"), d.microsecond, gid, ("%d@" % chan) if chan else "", src, tags, CRDB_SEQ[node], msg)
    fname = "cockroach-security.log" if security else "cockroach.log"
    emit("payments-db/%s/%s" % (node, fname), t, line)


# ------------------------------------------------------------------ vault audit log
AUDIT = "vault/vault-0/audit.log.gz"


def hm():
    return "hmac-sha256:" + hexid(64)


ACC = {}
ENT = {}


def agent_auth(svc, pod):
    if pod not in ACC:
        ACC[pod] = (hm(), hm())
        ENT[svc] = ENT.get(svc) or uuidish()
    ns = {"payments-api": "payments", "ledger-api": "payments", "checkout-api": "shop", "notification-service": "shop"}[svc]
    return {"client_token": ACC[pod][0], "accessor": ACC[pod][1], "display_name": "kubernetes-%s-%s" % (ns, svc),
            "policies": ["default", svc], "token_policies": ["default", svc], "identity_policies": None,
            "metadata": {"role": svc, "service_account_name": svc, "service_account_namespace": ns,
                         "service_account_secret_name": "", "service_account_uid": ENT[svc]},
            "entity_id": ENT[svc], "token_type": "service", "token_ttl": 3600, "token_issue_time": "2025-05-14T07:41:%02dZ" % R.randint(0, 59)}


def audit(t, auth, op, path, mount, mtype, rip, data=None, resp=None, error=None, secret=None):
    rid = uuidish()
    req = {"id": rid, "client_id": auth.get("entity_id", ""), "operation": op, "mount_point": mount, "mount_type": mtype,
           "mount_running_version": "v1.15.6+builtin.vault" if mtype == "system" else "v0.10.2+builtin",
           "mount_class": "secret", "client_token": auth["client_token"], "client_token_accessor": auth["accessor"],
           "namespace": {"id": "root"}, "path": path, "remote_address": rip, "remote_port": R.randint(32768, 60999)}
    if data:
        req["data"] = data
    emit(AUDIT, t, json.dumps({"time": iso_us(t), "type": "request", "auth": auth, "request": req}, separators=(",", ":")))
    r = {"time": iso_us(t + 0.004 + R.random() * 0.01), "type": "response", "auth": auth, "request": req}
    rr = {"mount_point": mount, "mount_type": mtype, "mount_running_plugin_version": req["mount_running_version"]}
    if secret:
        rr["secret"] = {"lease_id": secret}
    if resp:
        rr["data"] = resp
    r["response"] = rr
    if error:
        r["error"] = error
    emit(AUDIT, t + 0.005, json.dumps(r, separators=(",", ":")))


DENIED = "1 error occurred:\n\t* permission denied\n\n"

# ------------------------------------------------------------------ payments-api credentials state
LEASE_EXP = {}   # pod -> time creds revoked
LEASE_ID = {}
DBUSER = {}
RECOVER = {}
for i, pod in enumerate(PODS["payments-api"]):
    last = [ep(2025, 5, 14, 8, 5, 20, 114), ep(2025, 5, 14, 8, 8, 2, 871), ep(2025, 5, 14, 8, 11, 40, 390)][i]
    LEASE_ID[pod] = "database/creds/payments-rw/" + "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24))
    DBUSER[pod] = "v-kubernetes-payments-rw-%s-%d" % ("".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(20)), int(last) - 3600 * R.randint(1, 5))
    pauth = agent_auth("payments-api", pod)
    # renewals every 10 min for a 15 min TTL; the last good ones inside the window
    t = last
    while t < T_END:
        if t >= T_BEGIN:
            if t < T_POLICY:
                audit(t, pauth, "update", "sys/leases/renew", "sys/", "system", PODIP[pod],
                      data={"increment": 900, "lease_id": hm()}, secret=LEASE_ID[pod])
                agent(pod, t + 0.02, "INFO", "(view) vault.read(database/creds/payments-rw): renewed lease (ttl 15m0s)")
            else:
                break
        t += 600
    LEASE_EXP[pod] = t + 300        # renewal due at t, lease ends 5 min later (15m TTL)

# audit + agent traffic of payments-api agents after the policy change
for i, pod in enumerate(PODS["payments-api"]):
    pauth = agent_auth("payments-api", pod)
    due = LEASE_EXP[pod] - 300
    t = due
    attempt = 0
    expired_logged = False
    while t < T_END:
        if t >= T_FIX:
            # creds read succeeds again with the reverted policy
            newlease = "database/creds/payments-rw/" + "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24))
            audit(t, pauth, "read", "database/creds/payments-rw", "database/", "database", PODIP[pod],
                  resp={"password": hm(), "username": hm()}, secret=newlease)
            agent(pod, t + 0.03, "INFO", "(runner) rendered \"(dynamic)\" => \"/vault/secrets/db-creds.json\"")
            agent(pod, t + 0.04, "INFO", "(runner) executing command \"[\\\"/bin/sh\\\" \\\"-c\\\" \\\"kill -HUP $(pidof payments-api)\\\"]\" from \"(dynamic)\" => \"/vault/secrets/db-creds.json\"")
            RECOVER[pod] = t + 0.3
            break
        attempt += 1
        if t < LEASE_EXP[pod]:
            audit(t, pauth, "update", "sys/leases/renew", "sys/", "system", PODIP[pod], data={"increment": 900, "lease_id": hm()}, error=DENIED)
            agent(pod, t + 0.006, "WARN", "(view) vault.read(database/creds/payments-rw): failed to renew: Error making API request.\n\n"
                  "URL: PUT https://vault.vault.svc:8200/v1/sys/leases/renew\nCode: 403. Errors:\n\n* 1 error occurred:\n\t* permission denied\n\n"
                  " (retry attempt %d after \"%s\")" % (attempt, ["250ms", "500ms", "1s", "2s", "4s", "8s", "16s", "32s", "1m0s"][min(attempt - 1, 8)]))
            t += [0.25, 0.5, 1, 2, 4, 8, 16, 32, 60][min(attempt - 1, 8)] + 0.01
        else:
            if not expired_logged:
                agent(pod, LEASE_EXP[pod] + 0.001, "WARN", "(view) vault.read(database/creds/payments-rw): lease %s expired, fetching new secret" % LEASE_ID[pod])
                expired_logged = True
                t = LEASE_EXP[pod] + 0.01
            audit(t, pauth, "read", "database/creds/payments-rw", "database/", "database", PODIP[pod], error=DENIED)
            agent(pod, t + 0.006, "ERROR", "(view) vault.read(database/creds/payments-rw): vault.read(database/creds/payments-rw): Error making API request.\n\n"
                  "URL: GET https://vault.vault.svc:8200/v1/database/creds/payments-rw\nCode: 403. Errors:\n\n* 1 error occurred:\n\t* permission denied\n\n"
                  " (retry attempt %d after \"1m0s\")" % attempt)
            t += 60 + R.random() * 0.5
    # vault's expiration manager revokes the lease -> DROP ROLE on cockroach (logged in USER_ADMIN channel)
    te = LEASE_EXP[pod]
    node = "payments-db-%d" % (i % 3)
    crdb(node, te + 0.21, "I", R.randint(100000, 999999), 5, "util/log/event_log.go:32", "T1,Vsystem,n%d,client=%s:%d,hostssl,user=vault_admin" % (i % 3 + 1, VAULT_IP, R.randint(40000, 60000)),
         '={"Timestamp":%d,"EventType":"change_database_privilege","Statement":"REVOKE ALL ON DATABASE payments FROM ‹%s›","Tag":"REVOKE","User":"vault_admin","DatabaseName":"payments","Grantee":"‹%s›","RevokedPrivileges":["ALL"]}' % (
             int((te + 0.21) * 1e9), DBUSER[pod], DBUSER[pod]), security=True)
    crdb(node, te + 0.26, "I", R.randint(100000, 999999), 5, "util/log/event_log.go:32", "T1,Vsystem,n%d,client=%s:%d,hostssl,user=vault_admin" % (i % 3 + 1, VAULT_IP, R.randint(40000, 60000)),
         '={"Timestamp":%d,"EventType":"drop_role","Statement":"DROP ROLE IF EXISTS ‹%s›","Tag":"DROP ROLE","User":"vault_admin","RoleName":"‹%s›"}' % (
             int((te + 0.26) * 1e9), DBUSER[pod], DBUSER[pod]), security=True)

# other agents: kv reads and token renewals, all fine
for svc in ("payments-api", "ledger-api", "checkout-api", "notification-service"):
    for pod in PODS[svc]:
        a = agent_auth(svc, pod)
        t = T_BEGIN + R.random() * 300
        end = T_LEDGER_DEPLOY + 20 if svc == "ledger-api" else T_END
        while t < end:
            audit(t, a, "read", "secret/data/%s/config" % svc, "secret/", "kv", PODIP[pod], resp={"data": hm(), "metadata": {"version": 7}})
            t += 300 + R.random()
        t = T_BEGIN + R.random() * 900
        while t < end:
            audit(t, a, "update", "auth/token/renew-self", "auth/token/", "token", PODIP[pod], data={"increment": 3600})
            if svc == "payments-api":
                agent(pod, t + 0.01, "INFO", "auth.handler: renewed auth token")
            t += 1200 + R.random()
# ledger-api new pods: kubernetes login + fresh creds (works: separate policy)
for k, pod in enumerate(LEDGER_NEW):
    t = T_LEDGER_DEPLOY + 3 + k * 41
    a = agent_auth("ledger-api", pod)
    login = {"client_token": "", "accessor": "", "display_name": "", "policies": None, "token_policies": None, "metadata": None, "entity_id": "", "token_type": "", "token_ttl": 0}
    audit(t, login, "update", "auth/kubernetes/login", "auth/kubernetes/", "kubernetes", PODIP[pod], data={"jwt": hm(), "role": hm()})
    audit(t + 0.08, a, "read", "database/creds/ledger-rw", "database/", "database", PODIP[pod], resp={"password": hm(), "username": hm()},
          secret="database/creds/ledger-rw/" + hexid(24))
    audit(t + 0.1, a, "read", "secret/data/ledger-api/config", "secret/", "kv", PODIP[pod], resp={"data": hm(), "metadata": {"version": 12}})
    t2 = t + 300
    while t2 < T_END:
        audit(t2, a, "read", "secret/data/ledger-api/config", "secret/", "kv", PODIP[pod], resp={"data": hm(), "metadata": {"version": 12}})
        t2 += 300 + R.random()
    # db side: the new role gets created
    crdb("payments-db-1", t + 0.09, "I", R.randint(100000, 999999), 5, "util/log/event_log.go:32", "T1,Vsystem,n2,client=%s:%d,hostssl,user=vault_admin" % (VAULT_IP, R.randint(40000, 60000)),
         '={"Timestamp":%d,"EventType":"create_role","Statement":"CREATE ROLE ‹v-kubernetes-ledger-rw-%s› WITH LOGIN PASSWORD *****","Tag":"CREATE ROLE","User":"vault_admin","RoleName":"‹v-kubernetes-ledger-rw-%s›"}' % (
             int((t + 0.09) * 1e9), hexid(10), hexid(10)), security=True)

# the human change (and its revert)
ops = {"client_token": hm(), "accessor": hm(), "display_name": "userpass-ops-mkowalski", "policies": ["default", "ops-admin"],
       "token_policies": ["default", "ops-admin"], "metadata": {"username": "ops-mkowalski"}, "entity_id": uuidish(),
       "token_type": "service", "token_ttl": 28800, "token_issue_time": "2025-05-14T07:58:02Z"}
audit(T_POLICY - 41.2, ops, "read", "sys/policies/acl/payments-api", "sys/", "system", "10.30.4.77", resp={"name": "payments-api", "policy": hm()})
audit(T_POLICY - 12.9, ops, "read", "sys/policies/acl/ledger-api", "sys/", "system", "10.30.4.77", resp={"name": "ledger-api", "policy": hm()})
audit(T_POLICY, ops, "update", "sys/policies/acl/payments-api", "sys/", "system", "10.30.4.77", data={"policy": hm()})
audit(T_POLICY + 9.4, ops, "list", "sys/policies/acl", "sys/", "system", "10.30.4.77", resp={"keys": ["checkout-api", "default", "ledger-api", "notification-service", "ops-admin", "payments-api", "root"]})
audit(T_FIX - 60.5, ops, "read", "sys/policies/acl/payments-api", "sys/", "system", "10.30.4.77", resp={"name": "payments-api", "policy": hm()})
audit(T_FIX, ops, "update", "sys/policies/acl/payments-api", "sys/", "system", "10.30.4.77", data={"policy": hm()})

# vault server log: quiet
VLOG = "vault/vault-0/vault.log"
hclog(VLOG, T_BEGIN + 81.4, "INFO", "storage.raft: starting snapshot up to: index=5519204")
hclog(VLOG, T_BEGIN + 81.5, "INFO", "storage.raft: compacting logs: from=5508962 to=5509204")
hclog(VLOG, T_BEGIN + 81.6, "INFO", "storage.raft: snapshot complete up to: index=5519204")
hclog(VLOG, T_BEGIN + 1288.4, "INFO", "storage.raft: starting snapshot up to: index=5529811")
hclog(VLOG, T_BEGIN + 1288.6, "INFO", "storage.raft: compacting logs: from=5519205 to=5519811")
hclog(VLOG, T_BEGIN + 1288.7, "INFO", "storage.raft: snapshot complete up to: index=5529811")
for pod in PODS["payments-api"]:
    agent(pod, T_BEGIN + 0.5 + R.random(), "INFO", "(runner) creating watcher")


# ------------------------------------------------------------------ services
def creds_broken(pod, t):
    return LEASE_EXP[pod] <= t < RECOVER.get(pod, 1e12)


def cockroach_authfail(t, pod):
    node = R.choice(DB_NODES)
    idx = DB_NODES.index(node) + 1
    port = R.randint(32768, 60999)
    crdb(node, t, "I", R.randint(100000, 999999), 4, "util/log/event_log.go:32",
         "T1,Vsystem,n%d,client=%s:%d,hostssl,user=‹%s›" % (idx, PODIP[pod], port, DBUSER[pod]),
         '={"Timestamp":%d,"EventType":"client_authentication_failed","InstanceID":%d,"Network":"tcp","RemoteAddress":"‹%s:%d›","Transport":"hostssl","User":"‹%s›","SystemIdentity":"‹%s›","Reason":"USER_NOT_FOUND","Detail":"‹password authentication failed for user %s›","Method":"password"}' % (
             int(t * 1e9), idx, PODIP[pod], port, DBUSER[pod], DBUSER[pod], DBUSER[pod]))


POOL_STALE = {}


def ledger_pods(t):
    return PODS["ledger-api"] if t < T_LEDGER_DEPLOY + 25 else LEDGER_NEW


def ledger(t, rid, amount):
    pod = R.choice(ledger_pods(t))
    ms = lat(14, 0.4)
    logback(pod, t + ms / 1000.0, "INFO", "c.s.ledger.Routes", "POST /v1/entries 201 (%d ms) journal=payments amount=%.2f" % (ms, amount))
    return 201, ms


def payments(t, rid, kind, pi=None, amount=0.0):
    pod = R.choice(PODS["payments-api"])
    ms = lat(9, 0.35)
    if creds_broken(pod, t):
        # new connections: auth failure; pooled ones: privilege errors, until the pool has churned
        since = t - LEASE_EXP[pod]
        if since < 180 and R.random() < max(0.0, 0.7 - since / 180 * 0.7):
            err = "ERROR: user %s does not have %s privilege on relation payment_intents (SQLSTATE 42501)" % (DBUSER[pod], "INSERT" if kind == "create" else "SELECT")
        else:
            ms += lat(6, 0.3)
            cockroach_authfail(t + ms / 1000.0 - 0.002, pod)
            err = ("failed to connect to `host=payments-db-public.payments.svc.cluster.local user=%s database=payments`: server error "
                   "(FATAL: password authentication failed for user %s (SQLSTATE 28P01))" % (DBUSER[pod], DBUSER[pod]))
        zl(pod, t + ms / 1000.0, "error", "create payment intent" if kind == "create" else "get payment intent", request_id=rid, error=err)
        zl(pod, t + ms / 1000.0 + 0.0003, "info", "http request", request_id=rid, method="POST" if kind == "create" else "GET",
           path="/v1/payment-intents" if kind == "create" else "/v1/payment-intents/%s" % pi, status=500, duration_ms=round(ms, 2))
        return 500, ms
    if kind == "create":
        st, m = ledger(t + ms / 1000.0, rid, amount)
        ms += m + lat(4, 0.3)
        zl(pod, t + ms / 1000.0, "info", "http request", request_id=rid, method="POST", path="/v1/payment-intents", status=201, duration_ms=round(ms, 2), psp="stripe")
        return 201, ms
    zl(pod, t + ms / 1000.0, "info", "http request", request_id=rid, method="GET", path="/v1/payment-intents/%s" % pi, status=200, duration_ms=round(ms, 2))
    return 200, ms


for pod in PODS["payments-api"]:
    if pod in RECOVER:
        zl(pod, RECOVER[pod], "info", "SIGHUP received: database credentials changed, rebuilding pgx pool", creds_file="/vault/secrets/db-creds.json")
        zl(pod, RECOVER[pod] + 0.12, "info", "pgx pool ready", host="payments-db-public.payments.svc.cluster.local", max_conns=20)

BREAKERS = {p: Breaker(threshold=10, cooldown=30.0) for p in PODS["checkout-api"]}


def fraud(t, rid):
    pod = PODS["fraud-check"][0]
    ms = lat(18, 0.4)
    if R.random() < 0.025:
        ms = 800 + lat(20, 0.3)
        cri(pod, t + 0.8, "stderr", "WARNING:  sift.com score timeout after 800ms (order=%s); falling back to local model" % rid[:12])
    cri(pod, t + ms / 1000.0, "stdout", 'INFO:     %s:%d - "POST /v1/score HTTP/1.1" 200 OK' % (PODIP[PODS["checkout-api"][0]], R.randint(33000, 60000)))
    return 200, ms


def notify(t, rid, order):
    pod = PODS["notification-service"][0]
    ms = lat(30, 0.4)
    zl(pod, t + ms / 1000.0, "info", "order confirmation queued", request_id=rid, order_id=order, channel="email", provider="sendgrid")
    return 202, ms


def cart(t, rid, method, cid):
    pod = R.choice(PODS["cart-api"])
    ms = lat(6, 0.4)
    zl(pod, t + ms / 1000.0, "info", "request", request_id=rid, method=method, path="/v1/carts/%s" % cid, status=200, duration_ms=round(ms, 2))
    return 200, ms


def catalog(t, rid, path):
    pod = R.choice(PODS["catalog-api"])
    ms = lat(11, 0.45)
    zl(pod, t + ms / 1000.0, "info", "request", request_id=rid, method="GET", path=path, status=200, duration_ms=round(ms, 2))
    return 200, ms


def checkout(t, rid, cid):
    pod = R.choice(PODS["checkout-api"])
    order = "ord_" + hexid(14)
    trace = hexid(32)
    BREAKER = BREAKERS[pod]
    ms = lat(5, 0.3)
    st, m = cart(t + ms / 1000.0, rid, "GET", cid)
    ms += m
    st, m = fraud(t + ms / 1000.0, rid)
    ms += m
    amount = R.randint(900, 35000) / 100.0
    ok = False
    for attempt in range(1, 4):
        allowed, tr = BREAKER.allow(t + ms / 1000.0)
        if tr == "half_open":
            quarkus(pod, t + ms / 1000.0, "INFO", "io.smallrye.faulttolerance.core.circuit.breaker", "SRFTE01000: Circuit breaker PaymentsClient#createIntent moved to HALF_OPEN", trace=trace)
        if not allowed:
            quarkus(pod, t + ms / 1000.0, "ERROR", "com.shopfront.checkout.CheckoutResource", "checkout %s failed: payments unavailable" % order, trace=trace,
                    exc={"refId": 1, "exceptionType": "io.smallrye.faulttolerance.api.CircuitBreakerOpenException",
                         "message": "PaymentsClient#createIntent circuit breaker is open", "frames": []})
            status = 503
            break
        st, m = payments(t + ms / 1000.0, rid, "create", amount=amount)
        ms += m
        trn = BREAKER.record(t + ms / 1000.0, st < 300)
        if trn == "open":
            quarkus(pod, t + ms / 1000.0, "WARN", "io.smallrye.faulttolerance.core.circuit.breaker", "SRFTE01000: Circuit breaker PaymentsClient#createIntent moved to OPEN", trace=trace)
        elif trn == "closed":
            quarkus(pod, t + ms / 1000.0, "INFO", "io.smallrye.faulttolerance.core.circuit.breaker", "SRFTE01000: Circuit breaker PaymentsClient#createIntent moved to CLOSED", trace=trace)
        if st < 300:
            ok = True
            break
        quarkus(pod, t + ms / 1000.0, "WARN", "com.shopfront.checkout.PaymentsClient",
                "POST http://payments-api.payments.svc.cluster.local:8080/v1/payment-intents returned 500 (attempt %d/3, order=%s)" % (attempt, order), trace=trace)
        ms += 100 * attempt
    else:
        quarkus(pod, t + ms / 1000.0, "ERROR", "com.shopfront.checkout.CheckoutResource", "checkout %s failed: payment intent could not be created" % order, trace=trace,
                exc={"refId": 1, "exceptionType": "org.jboss.resteasy.reactive.ClientWebApplicationException",
                     "message": "Received: 'Internal Server Error, status code 500' when invoking: Rest Client method: 'com.shopfront.checkout.PaymentsClient#createIntent'",
                     "frames": [{"class": "org.jboss.resteasy.reactive.client.impl.RestClientRequestContext", "method": "unwrapException", "line": 195},
                                {"class": "com.shopfront.checkout.PaymentsClient$$QuarkusRestClientInterface", "method": "createIntent", "line": -1},
                                {"class": "com.shopfront.checkout.CheckoutService", "method": "placeOrder", "line": 77}]})
        status = 502
    if ok:
        st, m = notify(t + ms / 1000.0, rid, order)
        ms += m
        status = 201
        quarkus(pod, t + ms / 1000.0, "INFO", "com.shopfront.checkout.CheckoutResource", "order %s placed amount=%.2f EUR" % (order, amount), trace=trace)
    return status, ms


def bff(t, cip, route):
    pod = R.choice(PODS["web-bff"])
    rid = uuidish()
    ms = lat(4, 0.3)
    status = 200
    cid = "cart_" + hexid(10)
    if route == "product":
        method, path = "GET", "/api/products/%d" % R.randint(1000, 99999)
        st, m = catalog(t + 0.002, rid, path.replace("/api", "/v1"))
    elif route == "listing":
        method, path = "GET", "/api/categories/%s" % R.choice(["shoes", "outdoor", "kids", "home", "sale", "new"])
        st, m = catalog(t + 0.002, rid, path.replace("/api", "/v1"))
    elif route == "cart":
        method = R.choice(["GET", "GET", "PUT"])
        path = "/api/cart"
        st, m = cart(t + 0.002, rid, method, cid)
    elif route == "checkout":
        method, path = "POST", "/api/checkout"
        st, m = checkout(t + 0.002, rid, cid)
        if st >= 500:
            bunyan(pod, t + (m + 3) / 1000.0, "error", "upstream error", req_id=rid, upstream="checkout-api", url="http://checkout-api.shop.svc.cluster.local:8080/checkout", statusCode=st)
        status = st
    else:
        method, path = "GET", "/api/orders/ord_%s/payment" % hexid(14)
        st, m = payments(t + 0.002, rid, "get", pi="pi_" + hexid(16))
        if st >= 500:
            bunyan(pod, t + (m + 3) / 1000.0, "error", "upstream error", req_id=rid, upstream="payments-api", url="http://payments-api.payments.svc.cluster.local:8080" + "/v1/payment-intents", statusCode=st)
            status = 502
    ms += m
    bunyan(pod, t + ms / 1000.0, "info" if status < 500 else "warn", "request completed", req_id=rid, method=method, url=path, statusCode=status, responseTime=int(ms))
    return status, ms, method, path, rid, pod


def rate(t):
    return 3.6 + 0.4 * math.sin((t - T_BEGIN) / 500.0)


ROUTES = [("product", 35), ("listing", 20), ("cart", 25), ("checkout", 10), ("order", 10)]
for t in arrivals(T_BEGIN, T_END, rate):
    st, ms, method, path, rid, bpod = bff(t, None, wchoice(ROUTES))
    ep_ = R.choice(PODS["front-envoy"])
    envoy(ep_, t, method, path, st, "-", R.randint(0, 900) if method != "GET" else 0, R.randint(300, 20000) if st < 500 else R.randint(60, 200),
          ms + 1.2, str(int(ms)), client_ip(), R.choice(UAS), rid, PODIP[bpod] + ":3000")

# health checks on envoy -> bff
for pod in PODS["front-envoy"]:
    t = T_BEGIN + R.random() * 5
    while t < T_END:
        envoy(pod, t, "GET", "/healthz", 200, "-", 0, 2, 0, "0", "-", "kube-probe/1.29", uuidish(), "%s:8001" % PODIP[pod])
        t += 10

# fraud-check: periodic model refresh with a big line split by the CRI runtime (P/P/F)
pod = PODS["fraud-check"][0]
t = T_BEGIN + 122.0
while t < T_END:
    feats = ",".join('"f_%04d":%.5f' % (k, R.random()) for k in range(1400))
    line = 'INFO:     model refreshed version=%s weights={%s}' % (hexid(8), feats)
    chunks = [line[i:i + 16384] for i in range(0, len(line), 16384)]
    for k, c in enumerate(chunks):
        cri(pod, t + k * 0.000001, "stdout", c, partial=(k < len(chunks) - 1))
    t += 600

# ledger-api red herring rollout
for k, pod in enumerate(LEDGER_NEW):
    t = T_LEDGER_DEPLOY + 3 + k * 41
    logback(pod, t + 2.0, "INFO", "Application", "Autoreload is disabled because the development mode is off.", thread="main")
    logback(pod, t + 2.9, "INFO", "c.s.ledger.Db", "HikariPool-1 - Starting... (jdbc:postgresql://payments-db-public.payments.svc.cluster.local:26257/ledger?sslmode=verify-full)", thread="main")
    logback(pod, t + 3.3, "INFO", "c.s.ledger.Db", "HikariPool-1 - Start completed.", thread="main")
    logback(pod, t + 3.6, "INFO", "Application", "Application started in 3.612 seconds.", thread="main")
    logback(pod, t + 3.7, "INFO", "Application", "Responding at http://0.0.0.0:8080", thread="DefaultDispatcher-worker-1")
for k, pod in enumerate(PODS["ledger-api"]):
    t = T_LEDGER_DEPLOY + 25 + k * 41
    logback(pod, t, "INFO", "Application", "Application stopping: received SIGTERM", thread="SIGTERM handler")
    logback(pod, t + 0.4, "INFO", "c.s.ledger.Db", "HikariPool-1 - Shutdown completed.", thread="SIGTERM handler")

# cockroach background: runtime stats every 10 s per node, plus pre-existing noise
for k, node in enumerate(DB_NODES):
    t = T_BEGIN + R.random() * 10
    while t < T_END:
        crdb(node, t, "I", R.randint(100, 999), 2, "server/status/runtime_log.go:47", "T1,Vsystem,n%d" % (k + 1),
             "runtime stats: %.1f GiB RSS, %d goroutines (stacks: %.1f MiB), %.1f GiB/%.1f GiB Go alloc/total (heap fragmentation: %.1f MiB, heap reserved: %.1f MiB, heap released: %.1f MiB), %.1f GiB/%.1f GiB CGO alloc/total (%.1f CGO/sec), %.1f/%.1f %%(u/s)time, %.1f %%gc (%dx), %.1f MiB/%.1f MiB (r/w)net" % (
                 lat(5.2, 0.02), R.randint(2400, 3100), lat(38, 0.1), lat(1.1, 0.05), lat(1.6, 0.05), lat(90, 0.2), lat(120, 0.2), lat(300, 0.2), lat(2.1, 0.02), lat(2.6, 0.02),
                 lat(400, 0.4), lat(60, 0.3), lat(9, 0.3), lat(2, 0.4), R.randint(0, 3), lat(2.4, 0.3), lat(1.9, 0.3)))
        t += 10
    t = T_BEGIN + R.random() * 60
    while t < T_END:
        crdb(node, t, "I", R.randint(100000, 999999), 2, "kv/kvserver/store_rebalancer.go:436", "T1,Vsystem,n%d,s%d,store-rebalancer,obj=cpu" % (k + 1, k + 1),
             "considering load-based lease transfers for s%d with %.2fs load, %.2fs average, %.2fs overfull threshold" % (k + 1, lat(1.4, 0.2), lat(1.3, 0.1), lat(1.5, 0.05)))
        t += 60
# a pre-existing, unrelated client auth failure source: an old reporting cronjob with a stale password
t = T_BEGIN + 47
while t < T_END:
    crdb("payments-db-2", t, "I", R.randint(100000, 999999), 4, "util/log/event_log.go:32", "T1,Vsystem,n3,client=10.42.9.201:%d,hostssl,user=‹reporting_ro›" % R.randint(32768, 60999),
         '={"Timestamp":%d,"EventType":"client_authentication_failed","InstanceID":3,"Network":"tcp","RemoteAddress":"‹10.42.9.201:%d›","Transport":"hostssl","User":"‹reporting_ro›","SystemIdentity":"‹reporting_ro›","Reason":"CREDENTIALS_INVALID","Detail":"‹password authentication failed for user reporting_ro›","Method":"password"}' % (
             int(t * 1e9), R.randint(32768, 60999)))
    t += 300
for k, node in enumerate(DB_NODES):
    for fn in ("cockroach.log", "cockroach-security.log"):
        emit("payments-db/%s/%s" % (node, fn), 0, "I250514 08:00:00.000512 1 util/log/file_sync_buffer.go:238 ⋮ [config]   file created at: 2025/05/14 08:00:00\n"
             "I250514 08:00:00.000515 1 util/log/file_sync_buffer.go:238 ⋮ [config]   running on machine: ‹%s›\n"
             "I250514 08:00:00.000517 1 util/log/file_sync_buffer.go:238 ⋮ [config]   binary: CockroachDB CCL v23.2.4 (x86_64-pc-linux-gnu, built 2024/04/08 15:34:48, go1.21.9 X:nocoverageredesign)\n"
             "I250514 08:00:00.000519 1 util/log/file_sync_buffer.go:238 ⋮ [config]   arguments: [‹/cockroach/cockroach› ‹start› ‹--join=payments-db-0.payments-db,payments-db-1.payments-db,payments-db-2.payments-db› ‹--advertise-host=%s.payments-db.payments.svc.cluster.local›]\n"
             "I250514 08:00:00.000521 1 util/log/file_sync_buffer.go:238 ⋮ [config]   log format (utf8=✓): crdb-v2\n"
             "I250514 08:00:00.000523 1 util/log/file_sync_buffer.go:238 ⋮ [config]   line format: [IWEF]yymmdd hh:mm:ss.uuuuuu goid [chan@]file:line marker tags counter msg" % (node, node))

n = write_all()
print("e02 lines:", n)
