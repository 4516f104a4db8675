#!/usr/bin/env python3
"""Generate the logs for this case (deterministic, stdlib only)."""
import os, shutil, random, json, math, gzip
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs")
R = random.Random(3042026)

def ep(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()

ACCT = "318204759961"
REGION = "eu-west-1"
T0 = ep("2026-03-04T13:40:00")
T_END = ep("2026-03-04T14:24:40")
T_TF = ep("2026-03-04T14:06:58")
T_REVOKE = ep("2026-03-04T14:07:12") + 0.611
T_CATALOG_NEW = ep("2026-03-04T14:08:09")

def dtu(t):
    return datetime.fromtimestamp(t, tz=timezone.utc)

def iso_ms(t):
    d = dtu(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (int(round(t * 1000)) % 1000)

def iso_s(t):
    return dtu(t).strftime("%Y-%m-%dT%H:%M:%SZ")

def uuid():
    return "%08x-%04x-4%03x-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12),
                                           0x8000 | R.getrandbits(14), R.getrandbits(48))

out = {}
seq = [0]
def emit(key, t, text):
    seq[0] += 1
    out.setdefault(key, []).append((t, seq[0], text))

# -------------------------------------------------------------- network inventory
DB_IP, DB_ENI = "10.20.3.41", "eni-0db41c7a9e2f3b815"
REDIS_IP, REDIS_ENI = "10.20.4.15", "eni-04c7e1a2b9d3f6058"
ORDERS = [("10.20.11.48", "eni-0a3f5c7e9b1d24680", "ip-10-20-11-48.eu-west-1.compute.internal"),
          ("10.20.12.57", "eni-0b7d9f1a3c5e86420", "ip-10-20-12-57.eu-west-1.compute.internal"),
          ("10.20.13.12", "eni-0c1e3a5b7d9f02468", "ip-10-20-13-12.eu-west-1.compute.internal")]
CHECKOUT = [("10.20.11.25", "eni-0d5f7b9c1e3a46802", "ip-10-20-11-25.eu-west-1.compute.internal"),
            ("10.20.12.31", "eni-0e9b1d3f5a7c68024", "ip-10-20-12-31.eu-west-1.compute.internal")]
CATALOG_OLD = [("10.20.11.60", "eni-0f3d5b7a9c1e80246", "ip-10-20-11-60.eu-west-1.compute.internal"),
               ("10.20.12.19", "eni-01a3c5e7b9d2f4680", "ip-10-20-12-19.eu-west-1.compute.internal")]
CATALOG_NEW = [("10.20.11.83", "eni-02b4d6f8a1c3e5079", "ip-10-20-11-83.eu-west-1.compute.internal"),
               ("10.20.13.40", "eni-03c5e7a9b2d4f6081", "ip-10-20-13-40.eu-west-1.compute.internal")]
NAT_ENI, NAT_PRIV, NAT_PUB = "eni-05e7a9c1d3f5b7092", "10.20.0.87", "34.251.114.203"
VPCLINK_ENIS = [("eni-06f8b1d3a5c7e9014", "10.20.1.201"), ("eni-07a9c2e4b6d8f1035", "10.20.2.117")]

def catalog_pods(t):
    if t < T_CATALOG_NEW + 25:
        return CATALOG_OLD
    return CATALOG_NEW

# -------------------------------------------------------------- bunyan
def bunyan(name, host, level, fields, msg, t):
    rec = {"name": name, "hostname": host, "pid": 1, "level": level}
    rec.update(fields)
    rec["msg"] = msg
    rec["time"] = iso_ms(t)
    rec["v"] = 0
    emit("app/%s.log" % name, t, json.dumps(rec, separators=(",", ":")))

PG_TIMEOUT_STACK = ("Error: Connection terminated due to connection timeout\n"
                    "    at Connection.<anonymous> (/app/node_modules/pg/lib/client.js:132:73)\n"
                    "    at Object.onceWrapper (node:events:632:28)\n"
                    "    at Connection.emit (node:events:518:28)\n"
                    "    at Socket.<anonymous> (/app/node_modules/pg/lib/connection.js:63:12)\n"
                    "    at Socket.emit (node:events:518:28)\n"
                    "    at TCP.<anonymous> (node:net:337:12)")
POOL_TIMEOUT_STACK = ("Error: timeout exceeded when trying to connect\n"
                      "    at Timeout._onTimeout (/app/node_modules/pg-pool/index.js:205:27)\n"
                      "    at listOnTimeout (node:internal/timers:573:17)\n"
                      "    at process.processTimers (node:internal/timers:514:7)")
DB_HOST = "orders-db.cluster-cq1x7bdwsk2l.eu-west-1.rds.amazonaws.com"

# -------------------------------------------------------------- flow-log bookkeeping
flows = []   # (t_minute_start, eni, src, dst, sport, dport, proto, packets, bytes, action)
def flow(t, eni, src, dst, sport, dport, packets, nbytes, action, proto=6):
    flows.append((t, eni, src, dst, sport, dport, proto, packets, nbytes, action))

# long-lived pooled connections: one record per minute per side
pool_conns = []
for o in ORDERS:
    for k in range(6):
        pool_conns.append([o, R.randint(32768, 60999), T0 - R.uniform(100, 5000), None])

# -------------------------------------------------------------- orders-api model
def orders_fail_prob(t):
    if t < T_REVOKE + 4:
        return 0.0
    x = (t - T_REVOKE - 4) / 200.0
    return min(0.9, 0.08 + 0.82 * x)

def orders_call(t, method, path, req_id, caller_ip):
    o = R.choice(ORDERS)
    fail = R.random() < orders_fail_prob(t)
    if fail:
        # a new connection is needed: SYNs are dropped (REJECT on the db ENI), pg gives up after 5 s
        sport = R.randint(32768, 60999)
        flow(t, DB_ENI, o[0], DB_IP, sport, 5432, 3, 180, "REJECT")
        flow(t, o[1], o[0], DB_IP, sport, 5432, 3, 180, "ACCEPT")
        if R.random() < 0.7:
            d = 5.0 + R.uniform(0.001, 0.02)
            err = {"message": "Connection terminated due to connection timeout", "name": "Error", "stack": PG_TIMEOUT_STACK}
        else:
            d = 5.0 + R.uniform(0.001, 0.05)
            err = {"message": "timeout exceeded when trying to connect", "name": "Error", "stack": POOL_TIMEOUT_STACK}
        bunyan("orders-api", o[2], 50, {"req_id": req_id, "db": {"host": DB_HOST, "port": 5432, "database": "orders"},
               "pool": {"total": R.randint(3, 10), "idle": 0, "waiting": R.randint(1, 14)}, "err": err}, "failed to acquire db connection", t + d)
        bunyan("orders-api", o[2], 40, {"req_id": req_id, "method": method, "url": path, "statusCode": 503,
               "responseTime": int(d * 1000) + 1, "remoteAddress": "::ffff:" + caller_ip}, "request completed", t + d + 0.001)
        return 503, t + d + 0.002
    d = R.lognormvariate(-3.6, 0.45)
    st = 201 if method == "POST" else 200
    if method == "GET" and R.random() < 0.015:
        st = 404
    if method == "POST" and R.random() < 0.006:
        st = 409
        bunyan("orders-api", o[2], 40, {"req_id": req_id, "code": "23505", "constraint": "orders_cart_id_key",
               "detail": "Key (cart_id)=(crt_%s) already exists." % uuid()[:13]}, "duplicate order for cart", t + d - 0.001)
    bunyan("orders-api", o[2], 30 if st < 400 else 40, {"req_id": req_id, "method": method, "url": path, "statusCode": st,
           "responseTime": int(d * 1000), "remoteAddress": "::ffff:" + caller_ip}, "request completed", t + d)
    return st, t + d

def catalog_call(t, sku, req_id, caller_ip):
    c = R.choice(catalog_pods(t))
    d = R.lognormvariate(-4.6, 0.5)
    bunyan("catalog-api", c[2], 30, {"req_id": req_id, "method": "GET", "url": "/products/%s" % sku, "statusCode": 200,
           "responseTime": int(d * 1000), "cache": "hit" if R.random() < 0.83 else "miss"}, "request completed", t + d)
    return 200, t + d

# -------------------------------------------------------------- API gateway + checkout-api
SKUS = ["SKU-%05d" % R.randint(10000, 99999) for _ in range(500)]
CLIENTS = ["%d.%d.%d.%d" % (R.choice([2, 5, 31, 46, 62, 78, 80, 82, 86, 90, 109, 176, 188, 212]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)) for _ in range(350)]
APIGW_ID_CH = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

def apigw(t_start, t_end, method, route_key, path, status, resp_len, integ_latency, integ_status, err_msg="-"):
    rid = "".join(R.choice(APIGW_ID_CH) for _ in range(14)) + "="
    rec = {"requestId": rid, "ip": R.choice(CLIENTS), "requestTime": dtu(t_start).strftime("%d/%b/%Y:%H:%M:%S +0000"),
           "httpMethod": method, "routeKey": route_key, "path": path, "status": str(status), "protocol": "HTTP/1.1",
           "responseLength": str(resp_len), "integrationLatency": str(integ_latency) if integ_latency is not None else "-",
           "integrationStatus": str(integ_status) if integ_status is not None else "-", "integrationErrorMessage": err_msg,
           "responseLatency": str(int((t_end - t_start) * 1000))}
    emit("apigateway/access.log", t_end, json.dumps(rec, separators=(",", ":")))

def checkout_log(host, level, fields, msg, t):
    bunyan("checkout-api", host, level, fields, msg, t)

def handle(t):
    x = R.random()
    req_id = uuid()
    if x < 0.42:
        # catalog browsing goes straight to catalog-api
        sku = R.choice(SKUS)
        st, te = catalog_call(t + 0.004, sku, req_id, VPCLINK_ENIS[0][1])
        apigw(t, te + 0.006, "GET", "GET /catalog/products/{sku}", "/catalog/products/" + sku, 200, R.randint(900, 4200), int((te - t) * 1000) + 2, 200)
        return
    ch = R.choice(CHECKOUT)
    if x < 0.62:
        cid = "chk_" + uuid()[:18]
        st, te = orders_call(t + 0.005, "GET", "/orders/by-checkout/%s" % cid, req_id, ch[0])
        status = 200 if st == 200 else (404 if st == 404 else 502)
        if st >= 500:
            checkout_log(ch[2], 50, {"req_id": req_id, "upstream": "orders-api", "statusCode": st,
                         "err": {"message": "orders-api responded 503", "name": "UpstreamError", "code": "UPSTREAM_5XX"}}, "order lookup failed", te + 0.001)
        checkout_log(ch[2], 30 if status < 500 else 50, {"req_id": req_id, "method": "GET", "url": "/checkout/%s" % cid, "statusCode": status,
                     "responseTime": int((te - t) * 1000) + 3}, "request completed", te + 0.003)
        apigw(t, te + 0.008, "GET", "GET /checkout/{id}", "/checkout/" + cid, status, R.randint(400, 1600) if status == 200 else 64,
              int((te - t) * 1000) + 4, status)
        return
    # POST /checkout
    cur = t + 0.004
    n = R.randint(1, 4)
    for _ in range(n):
        _, cur = catalog_call(cur + 0.001, R.choice(SKUS), req_id, ch[0])
    # payment intent (Stripe via NAT)
    cur += R.lognormvariate(-1.9, 0.35)
    status = 201
    st, te = orders_call(cur + 0.002, "POST", "/orders", req_id, ch[0])
    if st >= 500:
        checkout_log(ch[2], 40, {"req_id": req_id, "upstream": "orders-api", "attempt": 1, "statusCode": st}, "orders-api call failed, retrying", te + 0.001)
        st, te = orders_call(te + 0.25, "POST", "/orders", req_id, ch[0])
        if st >= 500:
            checkout_log(ch[2], 50, {"req_id": req_id, "upstream": "orders-api", "attempt": 2, "statusCode": st,
                         "err": {"message": "orders-api responded 503", "name": "UpstreamError", "code": "UPSTREAM_5XX"}},
                         "could not create order; cancelling payment intent", te + 0.001)
            te += R.lognormvariate(-2.2, 0.3)
            checkout_log(ch[2], 30, {"req_id": req_id, "payment_intent": "pi_3" + uuid().replace("-", "")[:21], "status": "canceled"},
                         "payment intent cancelled", te)
            status = 502
    elif st == 409:
        status = 409
    checkout_log(ch[2], 30 if status < 500 else 50, {"req_id": req_id, "method": "POST", "url": "/checkout", "statusCode": status,
                 "responseTime": int((te - t) * 1000) + 3}, "request completed", te + 0.003)
    apigw(t, te + 0.009, "POST", "POST /checkout", "/checkout", status, R.randint(300, 900) if status == 201 else 71,
          int((te - t) * 1000) + 5, status)

t = T0 + 0.3
while t < T_END:
    rate = 1.25 + 0.25 * math.sin((t - T0) / 500.0)
    t += R.expovariate(rate)
    if t < T_END:
        handle(t)

# API GW also rejects some junk on its own (no integration)
for k in range(60):
    ts = T0 + R.uniform(0, T_END - T0)
    apigw(ts, ts + 0.001, "GET", "-", R.choice(["/.env", "/wp-login.php", "/admin", "/.git/config", "/actuator/health"]), 404, 23, None, None)

# -------------------------------------------------------------- catalog deploy + lifecycle logs (red herring)
for c in CATALOG_NEW:
    ts = T_CATALOG_NEW + R.uniform(0, 6)
    bunyan("catalog-api", c[2], 30, {"version": "4.7.0", "commit": "a91c3e2", "node": "v20.11.1"}, "starting catalog-api", ts)
    bunyan("catalog-api", c[2], 30, {"redis": "catalog-cache.ab12cd.ng.0001.euw1.cache.amazonaws.com:6379"}, "redis connected", ts + 0.41)
    bunyan("catalog-api", c[2], 40, {"flag": "catalog.search.v2", "default": False}, "feature flag not found in config, using default", ts + 0.43)
    bunyan("catalog-api", c[2], 30, {"port": 8080}, "listening", ts + 0.52)
for c in CATALOG_OLD:
    ts = T_CATALOG_NEW + 31 + R.uniform(0, 4)
    bunyan("catalog-api", c[2], 30, {"signal": "SIGTERM"}, "shutdown requested, draining connections", ts)
    bunyan("catalog-api", c[2], 30, {"inflight": 0}, "server closed", ts + 1.9)

for o in ORDERS:
    for k in range(int((T_END - T0) / 300)):
        ts = T0 + 120 + k * 300 + R.uniform(-3, 3)
        bunyan("orders-api", o[2], 30, {"pool": {"total": R.randint(4, 10), "idle": R.randint(1, 6), "waiting": 0}}, "pg pool stats", ts)

# -------------------------------------------------------------- flow logs: steady traffic
minute = T0 - (T0 % 60)
while minute < T_END:
    for conn in pool_conns:
        o, sport = conn[0], conn[1]
        pk = R.randint(40, 400)
        by = pk * R.randint(90, 260)
        flow(minute, DB_ENI, o[0], DB_IP, sport, 5432, pk, by, "ACCEPT")
        flow(minute, DB_ENI, DB_IP, o[0], 5432, sport, pk + R.randint(-5, 20), by * 3, "ACCEPT")
        flow(minute, o[1], o[0], DB_IP, sport, 5432, pk, by, "ACCEPT")
        flow(minute, o[1], DB_IP, o[0], 5432, sport, pk + R.randint(-5, 20), by * 3, "ACCEPT")
    # connections recycled before the change succeed (new source ports)
    if minute < T_REVOKE:
        for conn in pool_conns:
            if R.random() < 0.18:
                conn[1] = R.randint(32768, 60999)
    else:
        # tracked connections survive, but idle ones are closed by the pool and are not replaced
        pool_conns = [c for c in pool_conns if R.random() < 0.72]
    for c in catalog_pods(minute) + CHECKOUT:
        sp = R.randint(32768, 60999)
        flow(minute, c[1], c[0], REDIS_IP, sp, 6379, R.randint(100, 900), R.randint(8000, 90000), "ACCEPT")
        flow(minute, c[1], REDIS_IP, c[0], 6379, sp, R.randint(100, 900), R.randint(30000, 400000), "ACCEPT")
    for ch in CHECKOUT:
        for k in range(R.randint(2, 5)):
            sp = R.randint(32768, 60999)
            flow(minute, ch[1], ch[0], "54.187.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), sp, 443, R.randint(12, 40), R.randint(3000, 9000), "ACCEPT")
            flow(minute, NAT_ENI, ch[0], "54.187.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), sp, 443, R.randint(12, 40), R.randint(3000, 9000), "ACCEPT")
    for eni, ip in VPCLINK_ENIS:
        for tgt in CHECKOUT + ORDERS[:0] + catalog_pods(minute):
            sp = R.randint(32768, 60999)
            flow(minute, eni, ip, tgt[0], sp, 8080, R.randint(30, 300), R.randint(9000, 120000), "ACCEPT")
    # the internet never stops knocking on the NAT gateway
    for k in range(R.randint(8, 16)):
        flow(minute, NAT_ENI, "%d.%d.%d.%d" % (R.choice([45, 89, 92, 103, 141, 162, 167, 185, 193, 194]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)),
             NAT_PRIV, R.randint(1024, 65535), R.choice([22, 23, 80, 443, 445, 1433, 3389, 5900, 6379, 8080, 8443, 9200]), 1, 40 + R.choice([0, 4, 20]), "REJECT")
    minute += 60

# -------------------------------------------------------------- CloudTrail
TF_UA = ("APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.40.0 "
         "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.2 os/linux lang/go#1.21.8 "
         "md/GOOS#linux md/GOARCH#amd64 api/%s")
TF_ROLE_SESSION = "GitHubActions-infra-apply-8124553019"

def ident_role(role, session, key):
    return {"type": "AssumedRole", "principalId": "AROAUUQ4DG7ZK3XJ2M5QE:%s" % session,
            "arn": "arn:aws:sts::%s:assumed-role/%s/%s" % (ACCT, role, session), "accountId": ACCT, "accessKeyId": key,
            "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAUUQ4DG7ZK3XJ2M5QE",
                                                 "arn": "arn:aws:iam::%s:role/%s" % (ACCT, role), "accountId": ACCT, "userName": role},
                               "attributes": {"creationDate": "2026-03-04T14:06:41Z", "mfaAuthenticated": "false"}}}

def ident_task(role, task_id):
    return {"type": "AssumedRole", "principalId": "AROAUUQ4DG7ZLN8WQ3B6T:%s" % task_id,
            "arn": "arn:aws:sts::%s:assumed-role/%s/%s" % (ACCT, role, task_id), "accountId": ACCT,
            "accessKeyId": "ASIAUUQ4DG7Z" + "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(8)),
            "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAUUQ4DG7ZLN8WQ3B6T",
                                                 "arn": "arn:aws:iam::%s:role/%s" % (ACCT, role), "accountId": ACCT, "userName": role},
                               "attributes": {"creationDate": "2026-03-04T13:12:07Z", "mfaAuthenticated": "false"}},
            "invokedBy": "ecs-tasks.amazonaws.com"}

trail = []
def ct(t, identity, source, name, ua, src_ip, req, resp, read_only, host=None, error=None):
    rec = {"eventVersion": "1.09", "userIdentity": identity, "eventTime": iso_s(t), "eventSource": source, "eventName": name,
           "awsRegion": REGION, "sourceIPAddress": src_ip, "userAgent": ua, "requestParameters": req, "responseElements": resp,
           "requestID": uuid(), "eventID": uuid(), "readOnly": read_only, "eventType": "AwsApiCall", "managementEvent": True,
           "recipientAccountId": ACCT, "eventCategory": "Management"}
    if error:
        rec["errorCode"], rec["errorMessage"] = error
    if host:
        rec["tlsDetails"] = {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader": host}
    trail.append((t, rec))

TF_KEY = "ASIAUUQ4DG7ZQ5K2V7HT"
TF_IP = "20.61.148.93"
tfi = ident_role("infra-terraform-apply", TF_ROLE_SESSION, TF_KEY)
SG_DB, SG_APP = "sg-0c4e2a91f3d7b5e60", "sg-07b1d3c5e9a2f4680"
tt = T_TF
# refresh phase: lots of read calls
reads = [("ec2.amazonaws.com", "DescribeVpcs", "ec2#1.150.0", {"vpcSet": {}, "filterSet": {}, "vpcIdSet": {"items": [{"vpcId": "vpc-0e4a7c9b1d3f52860"}]}}),
         ("ec2.amazonaws.com", "DescribeSecurityGroups", "ec2#1.150.0", {"securityGroupSet": {}, "securityGroupIdSet": {"items": [{"groupId": SG_DB}]}, "filterSet": {}}),
         ("ec2.amazonaws.com", "DescribeSecurityGroups", "ec2#1.150.0", {"securityGroupSet": {}, "securityGroupIdSet": {"items": [{"groupId": SG_APP}]}, "filterSet": {}}),
         ("ec2.amazonaws.com", "DescribeSecurityGroupRules", "ec2#1.150.0", {"DescribeSecurityGroupRulesRequest": {"Filter": {"Value": {"content": SG_DB}, "Name": "group-id", "tag": 1}}}),
         ("rds.amazonaws.com", "DescribeDBClusters", "rds#1.75.0", {"dBClusterIdentifier": "orders-db"}),
         ("ecs.amazonaws.com", "DescribeServices", "ecs#1.41.1", {"services": ["catalog-api"], "cluster": "shop-prod", "include": ["TAGS"]}),
         ("ecs.amazonaws.com", "DescribeTaskDefinition", "ecs#1.41.1", {"taskDefinition": "catalog-api:57", "include": ["TAGS"]}),
         ("iam.amazonaws.com", "GetRole", "iam#1.31.0", {"roleName": "catalog-api-task"}),
         ("logs.amazonaws.com", "DescribeLogGroups", "cloudwatchlogs#1.34.0", {"logGroupNamePrefix": "/ecs/catalog-api"})]
for i in range(3):
    for src, name, api, req in reads:
        tt += R.uniform(0.05, 0.6)
        host = {"ec2.amazonaws.com": "ec2.eu-west-1.amazonaws.com", "rds.amazonaws.com": "rds.eu-west-1.amazonaws.com",
                "ecs.amazonaws.com": "ecs.eu-west-1.amazonaws.com", "iam.amazonaws.com": "iam.amazonaws.com",
                "logs.amazonaws.com": "logs.eu-west-1.amazonaws.com"}[src]
        ct(tt, tfi, src, name, TF_UA % api, TF_IP, req, None, True, host)
ct(T_TF + 11.2, tfi, "ecs.amazonaws.com", "RegisterTaskDefinition", TF_UA % "ecs#1.41.1", TF_IP,
   {"family": "catalog-api", "taskRoleArn": "arn:aws:iam::%s:role/catalog-api-task" % ACCT, "executionRoleArn": "arn:aws:iam::%s:role/ecs-task-execution" % ACCT,
    "networkMode": "awsvpc", "containerDefinitions": [{"name": "catalog-api", "image": "%s.dkr.ecr.eu-west-1.amazonaws.com/catalog-api:4.7.0" % ACCT,
    "cpu": 512, "memory": 1024, "portMappings": [{"containerPort": 8080, "protocol": "tcp"}], "essential": True,
    "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/catalog-api", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "ecs"}}}],
    "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "1024"},
   {"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:eu-west-1:%s:task-definition/catalog-api:58" % ACCT, "family": "catalog-api", "revision": 58, "status": "ACTIVE"}},
   False, "ecs.eu-west-1.amazonaws.com")
ct(T_REVOKE, tfi, "ec2.amazonaws.com", "RevokeSecurityGroupIngress", TF_UA % "ec2#1.150.0", TF_IP,
   {"groupId": SG_DB, "ipPermissions": {"items": [{"ipProtocol": "tcp", "fromPort": 5432, "toPort": 5432,
    "groups": {"items": [{"groupId": SG_APP, "description": "postgres from app tasks"}]}, "ipRanges": {}, "ipv6Ranges": {}, "prefixListIds": {}}]}},
   {"requestId": uuid(), "_return": True}, False, "ec2.eu-west-1.amazonaws.com")
ct(T_REVOKE + 0.9, tfi, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", TF_UA % "ec2#1.150.0", TF_IP,
   {"groupId": SG_DB, "ipPermissions": {"items": [{"ipProtocol": "tcp", "fromPort": 5432, "toPort": 5432, "groups": {},
    "ipRanges": {"items": [{"cidrIp": "10.30.0.0/16", "description": "postgres from app subnets"}]}, "ipv6Ranges": {}, "prefixListIds": {}}]}},
   {"requestId": uuid(), "_return": True, "securityGroupRuleSet": {"items": [{"groupOwnerId": ACCT, "groupId": SG_DB,
    "securityGroupRuleId": "sgr-0f2a4c6e8b1d3f579", "isEgress": False, "ipProtocol": "tcp", "fromPort": 5432, "toPort": 5432,
    "cidrIpv4": "10.30.0.0/16", "description": "postgres from app subnets"}]}}, False, "ec2.eu-west-1.amazonaws.com")
ct(T_REVOKE + 1.6, tfi, "ec2.amazonaws.com", "DescribeSecurityGroupRules", TF_UA % "ec2#1.150.0", TF_IP,
   {"DescribeSecurityGroupRulesRequest": {"Filter": {"Value": {"content": SG_DB}, "Name": "group-id", "tag": 1}}}, None, True, "ec2.eu-west-1.amazonaws.com")
ct(T_TF + 17.4, tfi, "ecs.amazonaws.com", "UpdateService", TF_UA % "ecs#1.41.1", TF_IP,
   {"cluster": "shop-prod", "service": "catalog-api", "taskDefinition": "catalog-api:58", "desiredCount": 2, "forceNewDeployment": False},
   {"service": {"serviceName": "catalog-api", "clusterArn": "arn:aws:ecs:eu-west-1:%s:cluster/shop-prod" % ACCT, "taskDefinition": "arn:aws:ecs:eu-west-1:%s:task-definition/catalog-api:58" % ACCT,
    "desiredCount": 2, "runningCount": 2, "pendingCount": 0, "launchType": "FARGATE", "status": "ACTIVE"}}, False, "ecs.eu-west-1.amazonaws.com")
ct(T_TF + 19.0, tfi, "ecs.amazonaws.com", "DescribeServices", TF_UA % "ecs#1.41.1", TF_IP, {"services": ["catalog-api"], "cluster": "shop-prod"}, None, True, "ecs.eu-west-1.amazonaws.com")
ct(T_TF + 0.4, {"type": "AssumedRole", "principalId": "AROAUUQ4DG7ZK3XJ2M5QE:%s" % TF_ROLE_SESSION, "arn": "arn:aws:sts::%s:assumed-role/github-oidc/%s" % (ACCT, TF_ROLE_SESSION), "accountId": ACCT},
   "sts.amazonaws.com", "AssumeRole", "aws-sdk-go-v2/1.25.2 os/linux lang/go#1.21.8 md/GOOS#linux md/GOARCH#amd64 api/sts#1.28.4", TF_IP,
   {"roleArn": "arn:aws:iam::%s:role/infra-terraform-apply" % ACCT, "roleSessionName": TF_ROLE_SESSION, "durationSeconds": 3600},
   {"credentials": {"accessKeyId": TF_KEY, "sessionToken": "IQoJb3JpZ2luX2VjEOX//////////wEaCWV1LXdlc3QtMSJHMEUCIQD", "expiration": "Mar 4, 2026, 3:06:41 PM"},
    "assumedRoleUser": {"assumedRoleId": "AROAUUQ4DG7ZK3XJ2M5QE:%s" % TF_ROLE_SESSION, "arn": "arn:aws:sts::%s:assumed-role/infra-terraform-apply/%s" % (ACCT, TF_ROLE_SESSION)}},
   False, "sts.eu-west-1.amazonaws.com")

# steady-state noise: tasks fetching secrets / decrypting, ECS agent, humans looking around
task_ids = {"orders-api": ["8f2c1a7e4b9d4e0f9a3c6b1d2e7f5a08", "3b9e7d1c5a2f4c8e9d0b6a4f2c1e7d93", "c41d8e2a7f3b4a9c8e1d5f6a2b7c9e04"],
            "checkout-api": ["5d7f9b1e3c2a4d6f8e0a1c3b5d7f9e21", "e2a4c6b8d0f14e3a9c5b7d1f3e5a7c96"],
            "catalog-api": ["0a2c4e6b8d1f4a3c5e7b9d1f2a4c6e88", "7c9e1a3d5f2b4c6e8a0d2f4b6c8e1a35"]}
t = T0 + 2
while t < T_END:
    t += R.expovariate(0.55)
    svc = R.choice(list(task_ids))
    tid = R.choice(task_ids[svc])
    ident = ident_task("%s-task" % svc, tid)
    x = R.random()
    if x < 0.45:
        ct(t, ident, "kms.amazonaws.com", "Decrypt", "aws-sdk-nodejs/3.525.0 linux/v20.11.1 lang/js md/nodejs#20.11.1 api/kms#3.525.0", "10.20.%d.%d" % (R.randint(11, 13), R.randint(2, 250)),
           {"encryptionAlgorithm": "SYMMETRIC_DEFAULT", "encryptionContext": {"SecretARN": "arn:aws:secretsmanager:eu-west-1:%s:secret:prod/%s/config-Qx7Lk2" % (ACCT, svc), "SecretVersionId": uuid()}},
           None, True, "kms.eu-west-1.amazonaws.com")
    elif x < 0.8:
        ct(t, ident, "secretsmanager.amazonaws.com", "GetSecretValue", "aws-sdk-nodejs/3.525.0 linux/v20.11.1 lang/js md/nodejs#20.11.1 api/secrets-manager#3.525.0",
           "10.20.%d.%d" % (R.randint(11, 13), R.randint(2, 250)), {"secretId": "prod/%s/config" % svc}, None, True, "secretsmanager.eu-west-1.amazonaws.com")
    elif x < 0.92:
        ct(t, ident, "sqs.amazonaws.com", "GetQueueAttributes", "aws-sdk-nodejs/3.525.0 linux/v20.11.1 lang/js md/nodejs#20.11.1 api/sqs#3.525.0",
           "10.20.%d.%d" % (R.randint(11, 13), R.randint(2, 250)), {"queueUrl": "https://sqs.eu-west-1.amazonaws.com/%s/order-events" % ACCT, "attributeNames": ["ApproximateNumberOfMessages"]}, None, True, "sqs.eu-west-1.amazonaws.com")
    else:
        ct(t, {"type": "AWSService", "invokedBy": "ecs.amazonaws.com"}, "ec2.amazonaws.com", "DescribeNetworkInterfaces", "ecs.amazonaws.com", "ecs.amazonaws.com",
           {"networkInterfaceIdSet": {"items": [{"networkInterfaceId": R.choice(ORDERS + CHECKOUT)[1]}]}, "filterSet": {}}, None, True)
# a pre-existing failing scheduled job: access denied every 5 minutes (unrelated)
for k in range(9):
    ts = T0 + 50 + k * 300 + R.uniform(0, 2)
    ct(ts, ident_task("reports-exporter-task", "9d1f3b5a7c2e4f6a8b0c1d3e5f7a9b24"), "s3.amazonaws.com", "GetBucketAcl",
       "aws-sdk-java/2.21.29 Linux/5.10.205-195.807.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.9+8-LTS Java/17.0.9 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
       "10.20.12.%d" % R.randint(2, 250), {"bucketName": "shop-prod-finance-exports", "Host": "shop-prod-finance-exports.s3.eu-west-1.amazonaws.com", "acl": ""}, None, True,
       "shop-prod-finance-exports.s3.eu-west-1.amazonaws.com", ("AccessDenied", "Access Denied"))
# humans investigating
ENG = {"type": "AssumedRole", "principalId": "AROAUUQ4DG7ZP1M4R8K2J:maria.keller@shop.example", "arn": "arn:aws:sts::%s:assumed-role/AWSReservedSSO_AdministratorAccess_5e3b8a1f2c4d6e70/maria.keller@shop.example" % ACCT,
       "accountId": ACCT, "accessKeyId": "ASIAUUQ4DG7ZM2Q8W4PX", "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAUUQ4DG7ZP1M4R8K2J",
       "arn": "arn:aws:iam::%s:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_5e3b8a1f2c4d6e70" % ACCT, "accountId": ACCT,
       "userName": "AWSReservedSSO_AdministratorAccess_5e3b8a1f2c4d6e70"}, "attributes": {"creationDate": "2026-03-04T14:14:02Z", "mfaAuthenticated": "false"}}}
CONSOLE_UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36"
for k, (src, name, req) in enumerate([("rds.amazonaws.com", "DescribeDBClusters", {"dBClusterIdentifier": "orders-db"}),
                                      ("rds.amazonaws.com", "DescribeDBInstances", {"dBInstanceIdentifier": "orders-db-instance-1"}),
                                      ("rds.amazonaws.com", "DescribeEvents", {"sourceType": "db-cluster", "duration": 60}),
                                      ("ecs.amazonaws.com", "DescribeServices", {"services": ["orders-api"], "cluster": "shop-prod"}),
                                      ("ecs.amazonaws.com", "DescribeServices", {"services": ["catalog-api"], "cluster": "shop-prod"}),
                                      ("ecs.amazonaws.com", "DescribeTasks", {"tasks": task_ids["catalog-api"], "cluster": "shop-prod"}),
                                      ("rds.amazonaws.com", "DescribeDBClusters", {"dBClusterIdentifier": "orders-db"})]):
    ct(ep("2026-03-04T14:14:20") + k * 37 + R.uniform(0, 8), ENG, src, name, CONSOLE_UA, "81.2.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), req, None, True,
       src.replace(".amazonaws.com", ".eu-west-1.amazonaws.com"))

# -------------------------------------------------------------- writers
shutil.rmtree(LOGS, ignore_errors=True)

def write_lines(rel, rows):
    full = os.path.join(LOGS, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    rows.sort(key=lambda r: (r[0], r[1]))
    with open(full, "w") as f:
        f.write("\n".join(r[2] for r in rows) + "\n")

for key in sorted(out):
    write_lines(key, out[key])

def gz_write(rel, data, mtime):
    full = os.path.join(LOGS, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=int(mtime)) as gz:
            gz.write(data.encode())

def rnd_tag(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))

# VPC flow logs: 1-minute aggregation, delivered in ~5-minute files, records not sorted
flows.sort(key=lambda f: (f[0], f[1]))
FL_ID = "fl-0a9b8c7d6e5f43210"
bucket = {}
for f in flows:
    start = int(f[0]) + R.randint(0, 4)
    end = start + 60 - R.randint(0, 3)
    deliver = end + R.randint(60, 420)
    slot = deliver - (deliver % 300)
    if f[0] % 60 != 0:
        start = int(f[0])
        end = start + R.randint(5, 58)
    line = "2 %s %s %s %s %d %d %d %d %d %d %d %s OK" % (ACCT, f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], start, end, f[9])
    bucket.setdefault(slot, []).append(line)
for slot in sorted(bucket):
    lines = bucket[slot]
    R.shuffle(lines)
    d = dtu(slot)
    rel = "AWSLogs/%s/vpcflowlogs/%s/%s/%s_vpcflowlogs_%s_%s_%s_%s.log.gz" % (
        ACCT, REGION, d.strftime("%Y/%m/%d"), ACCT, REGION, FL_ID, d.strftime("%Y%m%dT%H%MZ"), rnd_tag(8))
    gz_write(rel, "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n" + "\n".join(lines) + "\n", slot + 30)

# CloudTrail: files every 5 minutes, up to ~12 minutes of delivery delay, one JSON object per file
trail.sort(key=lambda r: r[0])
ctb = {}
for t, rec in trail:
    deliver = t + R.uniform(120, 720)
    slot = deliver - (deliver % 300)
    ctb.setdefault(slot, []).append(rec)
for slot in sorted(ctb):
    d = dtu(slot)
    recs = ctb[slot]
    R.shuffle(recs)
    rel = "AWSLogs/%s/CloudTrail/%s/%s/%s_CloudTrail_%s_%s_%s.json.gz" % (
        ACCT, REGION, d.strftime("%Y/%m/%d"), ACCT, REGION, d.strftime("%Y%m%dT%H%MZ"),
        "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(16)))
    gz_write(rel, json.dumps({"Records": recs}, separators=(",", ":")), slot + 45)
