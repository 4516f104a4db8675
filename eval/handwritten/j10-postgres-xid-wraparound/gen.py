#!/usr/bin/env python3
"""Generator for case j10 (deterministic, standard library only).

CloudWatch Logs subscription-filter records delivered to S3 by Kinesis Data Firehose
(one DATA_MESSAGE JSON per line, 5-minute objects). Writes ./logs/ beside this file.
Re-running produces byte-identical output.
"""
import datetime
import json
import math
import os
import random
import shutil

SEED = 1010
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
UTC = datetime.timezone.utc
DAY0 = datetime.datetime(2025, 2, 18, tzinfo=UTC).timestamp()
ACCOUNT = "730335218847"


def T(h, m, s=0.0):
    return DAY0 + h * 3600 + m * 60 + s


def dt(t):
    return datetime.datetime.fromtimestamp(round(t, 6), UTC)


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def rds_ts(t):
    return dt(t).strftime("%Y-%m-%d %H:%M:%S UTC")


def log4j_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (d.microsecond // 1000)


def py_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (d.microsecond // 1000)


def apigw_ts(t):
    return dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000")


EVENTS = []


def ev(t, group, stream, msg):
    EVENTS.append((t, len(EVENTS), group, stream, msg))


def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))


def lognorm(median, sigma):
    return median * math.exp(R.gauss(0, sigma))


START = T(9, 30)
END = T(10, 35)
XID_STOP = T(10, 1, 43.219)
DEPLOY = T(9, 58, 12.0)
XID_RATE = 310.0


def xid_remaining(t):
    return int(3000000 + (XID_STOP - t) * XID_RATE)


RDS_GROUP = "/aws/rds/instance/orders-db/postgresql"
RDS_STREAM = "orders-db"
OS_GROUP = "/ecs/order-service"
FW_GROUP = "/ecs/fulfillment-worker"
CAT_GROUP = "/ecs/catalog-service"
APIGW_GROUP = "/aws/apigateway/orders-http-api"
OS_OLD = ["ecs/order-service/%s" % hexid(32) for _ in range(2)]
OS_NEW = ["ecs/order-service/%s" % hexid(32) for _ in range(2)]
FW = ["ecs/fulfillment-worker/%s" % hexid(32) for _ in range(2)]
CAT = ["ecs/catalog-service/%s" % hexid(32)]
OS_IPS = {s: "10.0.%d.%d" % (R.randint(20, 23), R.randint(10, 250)) for s in OS_OLD + OS_NEW}
FW_IPS = {s: "10.0.%d.%d" % (R.randint(20, 23), R.randint(10, 250)) for s in FW}


def os_stream(t):
    return R.choice(OS_NEW if t > DEPLOY + 40 else OS_OLD)


def pg(t, client, user, pid, lvl, msg):
    ev(t, RDS_GROUP, RDS_STREAM, "%s:%s:%s@orders:[%d]:%s:  %s" % (rds_ts(t), client, user, pid, lvl, msg))


HINT_WARN = "To avoid XID assignment failures, execute a database-wide VACUUM in that database.\n\tYou might also need to commit or roll back old prepared transactions, or drop stale replication slots."
HINT_ERR = "Execute a database-wide VACUUM in that database.\n\tYou might also need to commit or roll back old prepared transactions, or drop stale replication slots."
ERR_MSG = 'database is not accepting commands that assign new XIDs to avoid wraparound data loss in database "orders"'


def pg_write(t, ip, user, stmt):
    client = "%s(%d)" % (ip, R.randint(32768, 60999))
    pid = R.randint(20000, 32000)
    if t < XID_STOP:
        if R.random() < 0.3:
            pg(t, client, user, pid, "WARNING", 'database "orders" must be vacuumed within %d transactions' % xid_remaining(t))
            pg(t, client, user, pid, "HINT", HINT_WARN)
        return True
    pg(t, client, user, pid, "ERROR", ERR_MSG)
    pg(t, client, user, pid, "HINT", HINT_ERR)
    pg(t, client, user, pid, "STATEMENT", stmt)
    return False


def pg_background():
    t = START + 30
    while t < END:
        t += R.uniform(150, 330)
        pg(t, "", "", 418, "LOG", "checkpoint starting: time")
        pg(t + 27.1, "", "", 418, "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=26.912 s, sync=0.004 s, total=27.102 s; sync files=%d, longest=0.002 s, average=0.001 s; distance=%d kB, estimate=%d kB; lsn=1A3/%X, redo lsn=1A3/%X" % (
            R.randint(3000, 12000), R.uniform(1, 5), R.randint(4, 12), R.randint(40, 140), R.randint(200000, 600000), R.randint(400000, 700000), R.randint(10 ** 7, 10 ** 8), R.randint(10 ** 7, 10 ** 8)))
    t = START + 61
    while t < END:
        t += R.uniform(600, 900)
        pg(t, "", "", 9811, "LOG", 'skipping vacuum of "order_events" --- lock not available' if R.random() < 0.2 else
           'automatic vacuum of table "orders.public.outbox": index scans: 1\n\tpages: 0 removed, %d remain, %d scanned (100.00%% of total)\n\ttuples: %d removed, %d remain, 0 are dead but not yet removable\n\tremovable cutoff: %d, which was %d XIDs old when operation ended\n\tnew relfrozenxid: %d, which is %d XIDs ahead of previous value\n\tindex scan needed: %d pages from table (%.2f%% of total) had %d dead item identifiers removed' % (
               R.randint(900, 2000), R.randint(900, 2000), R.randint(20000, 60000), R.randint(1000, 4000), R.randint(10 ** 9, 2 * 10 ** 9), R.randint(100, 4000), R.randint(10 ** 9, 2 * 10 ** 9), R.randint(100000, 900000), R.randint(100, 600), R.uniform(10, 40), R.randint(20000, 60000)))
    for k in range(2):
        tt = T(9, 44, 2) + k * 1800
        pg(tt, "10.0.30.5(41122)", "datadog", R.randint(20000, 32000), "ERROR", 'permission denied for function pg_ls_waldir')
        pg(tt, "10.0.30.5(41122)", "datadog", R.randint(20000, 32000), "STATEMENT", "SELECT count(*) FROM pg_ls_waldir()")
    t = START + 5
    while t < END:
        t += R.uniform(60, 200)
        pg(t, "10.0.%d.%d(%d)" % (R.randint(20, 23), R.randint(10, 250), R.randint(32768, 60999)), "orders_app", R.randint(20000, 32000), "LOG",
           "could not receive data from client: Connection reset by peer")
    tv = T(10, 17, 33.0)
    pg(tv, "10.0.40.12(50112)", "dba_admin", 30411, "LOG", "connection authorized: user=dba_admin database=orders application_name=psql SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)")
    pg(tv + 41.0, "10.0.40.12(50112)", "dba_admin", 30411, "WARNING", 'database "orders" must be vacuumed within 2999867 transactions')
    pg(tv + 41.0, "10.0.40.12(50112)", "dba_admin", 30411, "HINT", HINT_WARN)


def jl(stream, t, level, thread, logger, msg):
    ev(t, OS_GROUP, stream, "%s %-5s 1 --- [%s] %s : %s" % (log4j_ts(t), level, thread, logger, msg))


def apigw(t, method, route, path, status, latency, ilat, istatus, length):
    d = {"requestId": "%s=" % hexid(14), "ip": "%d.%d.%d.%d" % (R.choice([3, 18, 34, 44, 52, 54, 99]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)),
         "requestTime": apigw_ts(t), "httpMethod": method, "routeKey": route, "path": path, "status": str(status), "protocol": "HTTP/1.1",
         "responseLength": str(length), "responseLatency": str(latency), "integrationLatency": str(ilat) if ilat is not None else "-",
         "integrationStatus": str(istatus) if istatus is not None else "-", "integrationErrorMessage": "-"}
    ev(t + latency / 1000.0, APIGW_GROUP, "$default", json.dumps(d, separators=(",", ":")))


PSQL_TRACE = ("org.springframework.dao.DataIntegrityViolationException: could not execute statement [ERROR: database is not accepting commands that assign new XIDs to avoid wraparound data loss in database \"orders\"\n"
              "  Hint: Execute a database-wide VACUUM in that database.\n"
              "You might also need to commit or roll back old prepared transactions, or drop stale replication slots.] [insert into orders (created_at,currency,customer_id,status,total_minor,id) values (?,?,?,?,?,?)]; SQL [insert into orders (created_at,currency,customer_id,status,total_minor,id) values (?,?,?,?,?,?)]\n"
              "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:290)\n"
              "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.translateExceptionIfPossible(HibernateJpaDialect.java:241)\n"
              "\tat com.larchmont.orders.api.OrderController.create(OrderController.java:64)\n"
              "Caused by: org.postgresql.util.PSQLException: ERROR: database is not accepting commands that assign new XIDs to avoid wraparound data loss in database \"orders\"\n"
              "  Hint: Execute a database-wide VACUUM in that database.\n"
              "You might also need to commit or roll back old prepared transactions, or drop stale replication slots.\n"
              "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)\n"
              "\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420)\n"
              "\tat org.postgresql.jdbc.PgPreparedStatement.executeUpdate(PgPreparedStatement.java:152)\n"
              "\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeUpdate(HikariProxyPreparedStatement.java)\n"
              "\t... 124 common frames omitted")


def traffic():
    t = START
    while t < END:
        t += R.expovariate(0.62)
        x = R.random()
        stream = os_stream(t)
        ip = OS_IPS[stream]
        thread = "http-nio-8080-exec-%d" % R.randint(1, 60)
        if x < 0.02:
            lat = int(lognorm(60, 0.35))
            oid = R.randint(10 ** 7, 10 ** 8)
            jl(stream, t + lat / 1000.0, "ERROR", thread, "c.l.orders.api.GlobalExceptionHandler", "Unhandled exception on GET /v1/orders/%d/invoice: software.amazon.awssdk.services.s3.model.NoSuchKeyException: The specified key does not exist. (Service: S3, Status Code: 404, Request ID: %s)" % (oid, hexid(16).upper()))
            apigw(t, "GET", "GET /v1/orders/{id}/invoice", "/v1/orders/%d/invoice" % oid, 500, lat + 4, lat, 500, 97)
        elif x < 0.33:
            lat = int(lognorm(28, 0.35))
            path = "/v1/orders/%d" % R.randint(10 ** 7, 10 ** 8)
            st = 200 if R.random() > 0.03 else 404
            apigw(t, "GET", "GET /v1/orders/{id}", path, st, lat + 4, lat, st, 1811 if st == 200 else 74)
        elif x < 0.5:
            lat = int(lognorm(40, 0.35))
            apigw(t, "GET", "GET /v1/orders", "/v1/orders?customer=me&limit=20", 200, lat + 4, lat, 200, R.randint(3000, 15000))
        elif x < 0.72:
            lat = int(lognorm(85, 0.3))
            ok = pg_write(t + lat / 2000.0, ip, "orders_app", "insert into orders (created_at,currency,customer_id,status,total_minor,id) values ($1,$2,$3,$4,$5,$6)")
            if ok:
                apigw(t, "POST", "POST /v1/orders", "/v1/orders", 201, lat + 5, lat, 201, 412)
                if R.random() < 0.15:
                    jl(stream, t + lat / 1000.0, "INFO", thread, "c.l.orders.api.OrderController", "Created order %d for customer %d (total=%d EUR cents)" % (R.randint(10 ** 7, 10 ** 8), R.randint(10 ** 5, 10 ** 6), R.randint(500, 90000)))
            else:
                lat = int(lognorm(30, 0.3))
                jl(stream, t + lat / 1000.0, "WARN", thread, "o.h.engine.jdbc.spi.SqlExceptionHelper", "SQL Error: 0, SQLState: 54000")
                jl(stream, t + lat / 1000.0 + 0.0001, "ERROR", thread, "o.h.engine.jdbc.spi.SqlExceptionHelper", 'ERROR: %s\n  Hint: Execute a database-wide VACUUM in that database.\nYou might also need to commit or roll back old prepared transactions, or drop stale replication slots.' % ERR_MSG)
                jl(stream, t + lat / 1000.0 + 0.0003, "ERROR", thread, "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                   "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: %s] with root cause\n%s" % (PSQL_TRACE.split("\n")[0], PSQL_TRACE))
                apigw(t, "POST", "POST /v1/orders", "/v1/orders", 500, lat + 5, lat, 500, 97)
                if R.random() < 0.6:
                    t2 = t + R.uniform(1.0, 4.0)
                    pg_write(t2, ip, "orders_app", "insert into orders (created_at,currency,customer_id,status,total_minor,id) values ($1,$2,$3,$4,$5,$6)")
                    jl(stream, t2 + 0.03, "WARN", thread, "o.h.engine.jdbc.spi.SqlExceptionHelper", "SQL Error: 0, SQLState: 54000")
                    apigw(t2, "POST", "POST /v1/orders", "/v1/orders", 500, 36, 31, 500, 97)
        elif x < 0.8:
            lat = int(lognorm(60, 0.3))
            oid = R.randint(10 ** 7, 10 ** 8)
            ok = pg_write(t + lat / 2000.0, ip, "orders_app", "update orders set status=$1,updated_at=$2 where id=$3")
            apigw(t, "POST", "POST /v1/orders/{id}/cancel", "/v1/orders/%d/cancel" % oid, 200 if ok else 500, lat + 4, lat, 200 if ok else 500, 96)
            if not ok:
                jl(stream, t + lat / 1000.0, "ERROR", thread, "c.l.orders.api.GlobalExceptionHandler", "Unhandled exception on POST /v1/orders/%d/cancel: org.springframework.orm.jpa.JpaSystemException: could not execute statement [ERROR: %s]" % (oid, ERR_MSG))
        elif x < 0.93:
            lat = int(lognorm(22, 0.35))
            apigw(t, "GET", "GET /v1/catalog/{proxy+}", "/v1/catalog/items?category=%s" % R.choice(["tea", "coffee", "mugs", "gifts"]), 200, lat + 4, lat, 200, R.randint(2000, 20000))
            if R.random() < 0.1:
                ev(t + lat / 1000.0, CAT_GROUP, CAT[0], json.dumps({"level": 30, "time": int((t + lat / 1000.0) * 1000), "pid": 1, "hostname": "ip-10-0-22-71.eu-west-1.compute.internal", "msg": "request completed", "res": {"statusCode": 200}, "responseTime": lat}, separators=(",", ":")))
        else:
            apigw(t, "OPTIONS", "OPTIONS /{proxy+}", "/v1/orders", 204, 1, None, None, 0)


def fulfillment():
    t = START
    while t < END:
        t += R.expovariate(0.16)
        stream = R.choice(FW)
        oid = R.randint(10 ** 7, 10 ** 8)
        tt = t
        receive = 1
        while tt < END:
            ok = pg_write(tt + 0.01, FW_IPS[stream], "fulfillment", "UPDATE shipments SET status = %s, carrier_ref = %s, updated_at = now() WHERE order_id = %s")
            if ok:
                if R.random() < 0.2:
                    ev(tt + 0.02, FW_GROUP, stream, "%s INFO [fulfillment.consumer] shipment updated order_id=%d status=%s receive_count=%d" % (py_ts(tt + 0.02), oid, R.choice(["label_created", "in_transit", "delivered"]), receive))
                break
            ev(tt + 0.02, FW_GROUP, stream, "%s ERROR [fulfillment.consumer] failed to apply shipment event order_id=%d receive_count=%d\nTraceback (most recent call last):\n"
                                            "  File \"/app/fulfillment/consumer.py\", line 72, in handle\n"
                                            "    repo.update_status(evt.order_id, evt.status, evt.carrier_ref)\n"
                                            "  File \"/app/fulfillment/repo.py\", line 41, in update_status\n"
                                            "    cur.execute(UPDATE_SQL, (status, carrier_ref, order_id))\n"
                                            "  File \"/app/.venv/lib/python3.12/site-packages/psycopg/cursor.py\", line 97, in execute\n"
                                            "    raise ex.with_traceback(None)\n"
                                            "psycopg.errors.ProgramLimitExceeded: %s\n"
                                            "HINT:  Execute a database-wide VACUUM in that database.\n"
                                            "You might also need to commit or roll back old prepared transactions, or drop stale replication slots." % (py_ts(tt + 0.02), oid, receive, ERR_MSG))
            receive += 1
            if receive > 5:
                ev(tt + 0.03, FW_GROUP, stream, "%s WARNING [fulfillment.consumer] message for order_id=%d exceeded maxReceiveCount=5, will move to fulfillment-events-dlq" % (py_ts(tt + 0.03), oid))
                break
            tt += 30 + R.uniform(0, 1.5)
    for stream in FW:
        t = START + R.uniform(0, 30)
        while t < END:
            t += R.uniform(40, 120)
            if R.random() < 0.5:
                ev(t, FW_GROUP, stream, "%s WARNING [fulfillment.carriers.dpd] rate limited by carrier API (429), backing off %.1fs" % (py_ts(t), R.uniform(1, 8)))
            else:
                ev(t, FW_GROUP, stream, "%s INFO [fulfillment.consumer] poll: received %d messages from fulfillment-events" % (py_ts(t), R.randint(0, 10)))


def order_background():
    for stream in OS_OLD + OS_NEW:
        alive0 = START if stream in OS_OLD else DEPLOY
        alive1 = DEPLOY + 45 if stream in OS_OLD else END
        t = alive0 + R.uniform(0, 40)
        while t < alive1:
            t += R.uniform(30, 110)
            x = R.random()
            if x < 0.4:
                jl(stream, t, "WARN", "http-nio-8080-exec-%d" % R.randint(1, 60), "o.h.h.internal.ast.QueryTranslatorImpl", "HHH90003004: firstResult/maxResults specified with collection fetch; applying in memory")
            elif x < 0.7:
                jl(stream, t, "INFO", "scheduling-1", "c.l.orders.outbox.OutboxPublisher", "Published %d outbox events to arn:aws:sns:eu-west-1:%s:order-events" % (R.randint(0, 30), ACCOUNT))
            else:
                jl(stream, t, "ERROR", "http-nio-8080-exec-%d" % R.randint(1, 60), "c.l.orders.api.GlobalExceptionHandler", "Unhandled exception on GET /v1/orders/%d/invoice: software.amazon.awssdk.services.s3.model.NoSuchKeyException: The specified key does not exist. (Service: S3, Status Code: 404, Request ID: %s)" % (R.randint(10 ** 7, 10 ** 8), hexid(16).upper()))
    for k, stream in enumerate(OS_NEW):
        t0 = DEPLOY + k * 6.1
        lines = [
            ("INFO", "main", "c.l.orders.OrderServiceApplication", "Starting OrderServiceApplication v3.22.0 using Java 21.0.6 with PID 1 (/app/app.jar started by app in /app)"),
            ("INFO", "main", "c.l.orders.OrderServiceApplication", "The following 1 profile is active: \"prod\""),
            ("INFO", "main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 8080 (http)"),
            ("INFO", "main", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Starting..."),
            ("INFO", "main", "com.zaxxer.hikari.pool.HikariPool", "HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@%s" % hexid(8)),
            ("INFO", "main", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed."),
            ("INFO", "main", "o.f.c.i.s.JdbcTableSchemaHistory", "Successfully validated 58 migrations (execution time 00:00.061s)"),
            ("INFO", "main", "o.f.core.internal.command.DbMigrate", "Current version of schema \"public\": 57"),
            ("INFO", "main", "o.f.core.internal.command.DbMigrate", "Migrating schema \"public\" to version \"58 - add orders gift message\""),
            ("INFO", "main", "o.f.core.internal.command.DbMigrate", "Successfully applied 1 migration to schema \"public\", now at version v58 (execution time 00:00.214s)") if k == 0 else
            ("INFO", "main", "o.f.core.internal.command.DbMigrate", "Schema \"public\" is up to date. No migration necessary."),
            ("WARN", "main", "o.s.b.a.o.j.JpaBaseConfiguration$JpaWebConfiguration", "spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning"),
            ("INFO", "main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path '/'"),
            ("INFO", "main", "c.l.orders.OrderServiceApplication", "Started OrderServiceApplication in 14.382 seconds (process running for 15.611)"),
        ]
        if k == 1:
            lines = [l for l in lines if "Migrating schema" not in l[3]]
        for i, (lvl, th, lg, msg) in enumerate(lines):
            jl(stream, t0 + i * 1.1, lvl, th, lg, msg)
        if k == 0:
            pg_write(t0 + 9.0, OS_IPS[stream], "orders_app", "ALTER TABLE orders ADD COLUMN gift_message text")
    for stream in OS_OLD:
        t0 = DEPLOY + 44
        jl(stream, t0, "INFO", "SpringApplicationShutdownHook", "o.s.b.w.e.tomcat.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete")
        jl(stream, t0 + 0.4, "INFO", "tomcat-shutdown", "o.s.b.w.e.tomcat.GracefulShutdown", "Graceful shutdown complete")
        jl(stream, t0 + 0.6, "INFO", "SpringApplicationShutdownHook", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Shutdown completed.")
    t = START
    while t < END:
        t += R.uniform(30, 90)
        ev(t, CAT_GROUP, CAT[0], json.dumps({"level": 50, "time": int(t * 1000), "pid": 1, "hostname": "ip-10-0-22-71.eu-west-1.compute.internal",
                                             "msg": "image variant missing", "err": {"type": "NoSuchKey", "message": "The specified key does not exist."}, "key": "items/%d/thumb@2x.webp" % R.randint(1000, 9999)}, separators=(",", ":")))


def write_firehose():
    EVENTS.sort(key=lambda e: (e[0], e[1]))
    batches = []
    open_b = {}
    for (t, seq, group, stream, msg) in EVENTS:
        key = (group, stream)
        b = open_b.get(key)
        if b is None or t - b["t0"] > 2.0 or len(b["events"]) >= 40:
            b = {"t0": t, "group": group, "stream": stream, "events": []}
            open_b[key] = b
            batches.append(b)
        b["events"].append({"id": "%d%s" % (int(t * 1000), "".join(str(R.randint(0, 9)) for _ in range(40))), "timestamp": int(t * 1000), "message": msg})
    files = {}
    for b in batches:
        deliver = b["t0"] + R.uniform(0.5, 3.0)
        d = dt(deliver)
        slot = d.replace(minute=d.minute - d.minute % 5, second=0, microsecond=0)
        rec = {"messageType": "DATA_MESSAGE", "owner": ACCOUNT, "logGroup": b["group"], "logStream": b["stream"],
               "subscriptionFilters": ["all-to-s3"], "logEvents": b["events"]}
        files.setdefault(slot, []).append((deliver, json.dumps(rec, separators=(",", ":"))))
    for slot in sorted(files):
        name = "firehose/%s/cwl-archive-1-%s-%s" % (slot.strftime("%Y/%m/%d/%H"), (slot + datetime.timedelta(seconds=R.randint(0, 40))).strftime("%Y-%m-%d-%H-%M-%S"), "%s-%s-%s-%s-%s" % (hexid(8), hexid(4), hexid(4), hexid(4), hexid(12)))
        full = os.path.join(OUT, name)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        rows = sorted(files[slot], key=lambda r: r[0])
        with open(full, "w", encoding="utf-8", newline="\n") as fh:
            for r in rows:
                fh.write(r[1])
                fh.write("\n")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    traffic()
    fulfillment()
    order_background()
    pg_background()
    write_firehose()


if __name__ == "__main__":
    main()
