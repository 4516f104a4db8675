#!/usr/bin/env python3
"""Generator for case j08 (deterministic, standard library only).

Cloud Logging export (one LogEntry JSON per line, as written by a log sink to Cloud Storage).
Writes ./logs/ beside this file. Re-running produces byte-identical output.
"""
import datetime
import json
import math
import os
import random
import shutil

SEED = 8808
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
UTC = datetime.timezone.utc
DAY0 = datetime.datetime(2025, 4, 15, tzinfo=UTC).timestamp()
PROJECT = "finch-prod-7a21"
REGION = "europe-west1"


def T(h, m, s=0.0):
    return DAY0 + h * 3600 + m * 60 + s


def dt(t):
    return datetime.datetime.fromtimestamp(round(t, 6), UTC)


def iso_us(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % d.microsecond


def iso_ns(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%03dZ" % (d.microsecond, R.randint(0, 999))


def py_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (d.microsecond // 1000)


LINES = {}


def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))


def lognorm(median, sigma):
    return median * math.exp(R.gauss(0, sigma))


START = T(8, 40)
END = T(9, 45)
TWILIO_DEGRADE = T(9, 7, 42.0)
TWILIO_RECOVER = T(9, 38, 10.0)
AUTH_DEPLOY = T(9, 3, 10.0)

REVS = {
    "mobile-bff": ["mobile-bff-00311-qaw"],
    "auth-api": ["auth-api-00141-rex", "auth-api-00142-tuv"],
    "otp-svc": ["otp-svc-00087-kaz"],
    "notification-worker": ["notification-worker-00064-muj"],
    "orders-api": ["orders-api-00230-bif"],
}
INSTANCES = {}


def instance(svc, t):
    key = svc
    if key not in INSTANCES:
        INSTANCES[key] = ["00f46b92%s" % hexid(88) for _ in range(2)]
    return R.choice(INSTANCES[key])


def revision(svc, t):
    if svc == "auth-api":
        return REVS[svc][1] if t >= AUTH_DEPLOY + 20 else REVS[svc][0]
    return REVS[svc][0]


def entry(svc, t, severity, log, payload=None, text=None, http=None, trace=None, labels=None, inst=None):
    e = {"insertId": hexid(16)}
    if http is not None:
        e["httpRequest"] = http
    if payload is not None:
        e["jsonPayload"] = payload
    if text is not None:
        e["textPayload"] = text
    e["resource"] = {"type": "cloud_run_revision", "labels": {"configuration_name": svc, "location": REGION,
                                                              "project_id": PROJECT, "revision_name": revision(svc, t), "service_name": svc}}
    e["timestamp"] = iso_ns(t)
    e["severity"] = severity
    lb = {"instanceId": inst or instance(svc, t)}
    if labels:
        lb.update(labels)
    e["labels"] = lb
    e["logName"] = "projects/%s/logs/%s" % (PROJECT, log)
    if trace:
        e["trace"] = "projects/%s/traces/%s" % (PROJECT, trace)
        e["spanId"] = hexid(16)
        e["traceSampled"] = True
    e["receiveTimestamp"] = iso_ns(t + R.uniform(0.02, 0.4))
    kind = {"run.googleapis.com%2Frequests": "requests", "run.googleapis.com%2Fstderr": "stderr",
            "run.googleapis.com%2Fstdout": "stdout", "run.googleapis.com%2Fvarlog%2Fsystem": "varlog_system"}[log]
    path = "gcs-sink/run.googleapis.com/%s/%s/%s:00:00_%s:59:59_S0.json" % (kind, dt(t).strftime("%Y/%m/%d"), dt(t).strftime("%H"), dt(t).strftime("%H"))
    LINES.setdefault(path, []).append((t, len(LINES.get(path, [])), json.dumps(e, separators=(",", ":"))))


def req_log(svc, t, method, url, status, latency, ua, remote, rx, tx, trace):
    http = {"requestMethod": method, "requestUrl": url, "requestSize": str(rx), "status": status, "responseSize": str(tx),
            "userAgent": ua, "remoteIp": remote, "serverIp": "216.239.%d.%d" % (R.choice([32, 34, 36, 38]), 53),
            "latency": "%.6fs" % latency, "protocol": "HTTP/1.1"}
    sev = "INFO" if status < 400 else ("WARNING" if status < 500 else "ERROR")
    entry(svc, t + latency, sev, "run.googleapis.com%2Frequests", http=http, trace=trace)


def host(svc):
    return "https://%s-q7x2mlk4va-ew.a.run.app" % svc


def twilio_state(t):
    if t < TWILIO_DEGRADE or t >= TWILIO_RECOVER:
        return 0.0, 0.0
    x = (t - TWILIO_DEGRADE) / 480.0
    sev = min(1.0, 0.25 + 0.75 * x)
    if t > TWILIO_RECOVER - 240:
        sev *= (TWILIO_RECOVER - t) / 240.0
    return 0.55 * sev, 0.3 * sev


def twilio_call(t):
    p503, ptmo = twilio_state(t)
    x = R.random()
    if x < ptmo:
        return "timeout", 10000.0 + R.uniform(2, 30)
    if x < ptmo + p503:
        return "503", lognorm(900, 0.4)
    if R.random() < 0.03:
        return "400", lognorm(180, 0.3)
    return "ok", lognorm(210, 0.3)


OTP_SVC_SID = "VA2f4c9e0b7d1a83c6e5f0b2d4a6c8e013"
ACCOUNT_SID = "AC5b1d7e9f3a2c4b6d8e0f1a3c5e7b9d21"


def otp_text(t, msg, sev="INFO", trace=None, inst=None):
    entry("otp-svc", t, sev, "run.googleapis.com%2Fstderr", text=msg, trace=trace, inst=inst)


def otp_send(t, trace, channel):
    inst = instance("otp-svc", t)
    phone = "+44 7%03d %06d" % (R.randint(100, 999), R.randint(0, 999999))
    masked = "+44*******%02d" % R.randint(0, 99)
    total = lognorm(0.008, 0.3)
    attempts = 0
    while True:
        attempts += 1
        outcome, ms = twilio_call(t + total)
        total += ms / 1000.0
        if outcome == "ok":
            if R.random() < 0.15:
                otp_text(t + total, "%s INFO [otp.verify] verification started sid=VE%s channel=%s to=%s" % (py_ts(t + total), hexid(32), channel, masked), trace=trace, inst=inst)
            break
        if outcome == "400":
            otp_text(t + total, "%s WARNING [otp.verify] Twilio rejected verification to=%s: HTTP 400 error: Unable to create record: Invalid parameter `To`: %s (code 60200)" % (py_ts(t + total), masked, phone.replace(" ", "")), sev="WARNING", trace=trace, inst=inst)
            req_log("otp-svc", t, "POST", host("otp-svc") + "/v1/otp/send", 422, total + 0.003, "python-httpx/0.27.2", "35.241.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), 212, 88, trace)
            return 422, total + 0.003
        tt = t + total
        if outcome == "503":
            lines = ["%s ERROR [otp.verify] verification to %s failed (attempt %d/2)" % (py_ts(tt), masked, attempts),
                     "Traceback (most recent call last):",
                     '  File "/app/otp/verify.py", line 58, in start_verification',
                     "    v = self.client.verify.v2.services(self.service_sid).verifications.create(to=to, channel=channel)",
                     '  File "/usr/local/lib/python3.12/site-packages/twilio/rest/verify/v2/service/verification.py", line 370, in create',
                     "    payload = self._version.create(",
                     '  File "/usr/local/lib/python3.12/site-packages/twilio/base/version.py", line 465, in create',
                     "    return self._parse_create(method, uri, response)",
                     '  File "/usr/local/lib/python3.12/site-packages/twilio/base/version.py", line 436, in _parse_create',
                     '    raise self.exception(method, uri, response, "Unable to create record")',
                     "twilio.base.exceptions.TwilioRestException: HTTP 503 error: Unable to create record: Service is unavailable. Please try again (code 20503)"]
        else:
            lines = ["%s ERROR [otp.verify] verification to %s failed (attempt %d/2)" % (py_ts(tt), masked, attempts),
                     "Traceback (most recent call last):",
                     '  File "/usr/local/lib/python3.12/site-packages/urllib3/connectionpool.py", line 536, in _make_request',
                     "    response = conn.getresponse()",
                     "TimeoutError: The read operation timed out",
                     "",
                     "During handling of the above exception, another exception occurred:",
                     "",
                     "Traceback (most recent call last):",
                     '  File "/app/otp/verify.py", line 58, in start_verification',
                     "    v = self.client.verify.v2.services(self.service_sid).verifications.create(to=to, channel=channel)",
                     '  File "/usr/local/lib/python3.12/site-packages/twilio/http/http_client.py", line 112, in request',
                     "    response = session.send(prepped_request, **settings)",
                     '  File "/usr/local/lib/python3.12/site-packages/requests/adapters.py", line 713, in send',
                     "    raise ReadTimeout(e, request=request)",
                     "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='verify.twilio.com', port=443): Read timed out. (read timeout=10)"]
        for k, ln in enumerate(lines):
            otp_text(tt + k * 0.00003, ln, sev="ERROR" if k == 0 else "DEFAULT", trace=trace, inst=inst)
        if attempts >= 2:
            total += 0.002
            req_log("otp-svc", t, "POST", host("otp-svc") + "/v1/otp/send", 502, total, "python-httpx/0.27.2", "35.241.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), 212, 96, trace)
            return 502, total
        total += 0.25
    total += 0.002
    req_log("otp-svc", t, "POST", host("otp-svc") + "/v1/otp/send", 200, total, "python-httpx/0.27.2", "35.241.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), 212, 61, trace)
    return 200, total


def auth_json(t, sev, msg, trace=None, **kw):
    p = {"message": msg, "logger": kw.pop("logger", "auth.api")}
    p.update(kw)
    p["severity"] = sev
    entry("auth-api", t, sev, "run.googleapis.com%2Fstdout", payload=p, trace=trace)


def auth_login(t, trace, flow):
    d = lognorm(0.09, 0.3)
    if flow == "password_reset":
        path = "/v1/password-reset"
    else:
        path = "/v1/login"
    if R.random() < 0.1 and flow == "login":
        auth_json(t + d, "WARNING", "login failed: invalid credentials", trace=trace, logger="auth.login", reason="bad_password")
        req_log("auth-api", t, "POST", host("auth-api") + path, 401, d, "Finch-BFF/2.3 undici", "35.241.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), 310, 74, trace)
        return 401, d
    needs_otp = flow == "password_reset" or R.random() < 0.62
    if not needs_otp:
        req_log("auth-api", t, "POST", host("auth-api") + path, 200, d + 0.01, "Finch-BFF/2.3 undici", "35.241.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), 310, 812, trace)
        return 200, d + 0.01
    if not otp_capacity_ok(t + d):
        entry("otp-svc", t + d + 0.004, "ERROR", "run.googleapis.com%2Frequests",
              http={"requestMethod": "POST", "requestUrl": host("otp-svc") + "/v1/otp/send", "requestSize": "212", "status": 429,
                    "responseSize": "0", "userAgent": "python-httpx/0.27.2", "remoteIp": "35.241.%d.%d" % (R.randint(0, 255), R.randint(1, 254)),
                    "serverIp": "216.239.32.53", "latency": "0.%06ds" % R.randint(1000, 9000), "protocol": "HTTP/1.1"}, trace=trace)
        entry("otp-svc", t + d + 0.0041, "ERROR", "run.googleapis.com%2Fstderr",
              text="The request was aborted because there was no available instance. Additional troubleshooting documentation can be found at: https://cloud.google.com/run/docs/troubleshooting#abort-request",
              trace=trace)
        sc, lat = 429, 0.005
    else:
        sc, lat = otp_send(t + d, trace, "sms" if R.random() < 0.85 else "whatsapp")
        otp_register(t + d, lat)
    d += lat
    if sc == 502:
        auth_json(t + d, "ERROR", "second factor challenge could not be sent", trace=trace, logger="auth.mfa",
                  upstream="https://otp-svc-q7x2mlk4va-ew.a.run.app/v1/otp/send", status=502, flow=flow, elapsed_ms=int(lat * 1000))
        req_log("auth-api", t, "POST", host("auth-api") + path, 503, d + 0.003, "Finch-BFF/2.3 undici", "35.241.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), 310, 120, trace)
        return 503, d + 0.003
    if sc == 429:
        auth_json(t + d, "ERROR", "second factor challenge could not be sent", trace=trace, logger="auth.mfa",
                  upstream="https://otp-svc-q7x2mlk4va-ew.a.run.app/v1/otp/send", status=429, flow=flow, elapsed_ms=int(lat * 1000))
        req_log("auth-api", t, "POST", host("auth-api") + path, 503, d + 0.003, "Finch-BFF/2.3 undici", "35.241.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), 310, 120, trace)
        return 503, d + 0.003
    if sc == 422:
        req_log("auth-api", t, "POST", host("auth-api") + path, 400, d + 0.003, "Finch-BFF/2.3 undici", "35.241.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), 310, 98, trace)
        return 400, d + 0.003
    req_log("auth-api", t, "POST", host("auth-api") + path, 202, d + 0.003, "Finch-BFF/2.3 undici", "35.241.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), 310, 140, trace)
    return 202, d + 0.003


OTP_INFLIGHT = []


def otp_capacity_ok(t):
    global OTP_INFLIGHT
    OTP_INFLIGHT = [e for e in OTP_INFLIGHT if e[1] > t]
    return sum(1 for e in OTP_INFLIGHT if e[0] <= t) < OTP_MAX


def otp_register(t, dur):
    OTP_INFLIGHT.append((t, t + dur))


OTP_MAX = 12


UAS = ["Finch/4.12.1 (iPhone; iOS 18.3.2; Scale/3.00)", "Finch/4.12.1 (Android 14; SM-A556B)", "Finch/4.12.0 (Android 15; Pixel 8a)"]


def bff_json(t, sev, msg, trace=None, **kw):
    p = {"severity": sev, "message": msg}
    p.update(kw)
    p["logging.googleapis.com/trace"] = "projects/%s/traces/%s" % (PROJECT, trace) if trace else None
    if trace is None:
        del p["logging.googleapis.com/trace"]
    entry("mobile-bff", t, sev, "run.googleapis.com%2Fstdout", payload=p, trace=trace)


def traffic():
    t = START
    while t < END:
        t += R.expovariate(0.36)
        trace = hexid(32)
        ua = R.choice(UAS)
        rip = "%d.%d.%d.%d" % (R.choice([2, 5, 31, 78, 81, 86, 90, 109, 151]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
        x = R.random()
        if x < 0.5:
            d = lognorm(0.12, 0.35)
            path = R.choice(["/api/home", "/api/orders?limit=20", "/api/cards", "/api/rewards"])
            code = 200 if R.random() > 0.03 else 401
            if code == 401:
                bff_json(t + d, "WARNING", "token rejected", trace=trace, reason="jwt expired", path=path)
            req_log("mobile-bff", t, "GET", host("mobile-bff") + path, code, d, ua, rip, 420, R.randint(800, 9000) if code == 200 else 64, trace)
            if R.random() < 0.3:
                req_log("orders-api", t + 0.01, "GET", host("orders-api") + "/v2/orders?customer=me&limit=20", 200, d * 0.6, "Finch-BFF/2.3 undici", "35.241.%d.%d" % (R.randint(0, 255), R.randint(1, 254)), 280, R.randint(800, 9000), trace)
        elif x < 0.9:
            flow = "login" if x < 0.84 else "password_reset"
            path = "/api/auth/login" if flow == "login" else "/api/auth/password-reset"
            code_a, lat = auth_login(t + 0.004, trace, flow)
            d = lat + lognorm(0.02, 0.3)
            code = {200: 200, 202: 200, 401: 401, 400: 400, 503: 502}[code_a]
            if code == 502:
                bff_json(t + d, "ERROR", "auth upstream error", trace=trace, route=path, upstream="auth-api", status=code_a,
                         err="Request failed with status code 503", elapsedMs=int(d * 1000))
                if R.random() < 0.7:
                    t2 = t + d + R.uniform(1.0, 3.0)
                    trace2 = hexid(32)
                    c2, l2 = auth_login(t2 + 0.004, trace2, flow)
                    d2 = l2 + 0.02
                    cc = {200: 200, 202: 200, 401: 401, 400: 400, 503: 502}[c2]
                    if cc == 502:
                        bff_json(t2 + d2, "ERROR", "auth upstream error", trace=trace2, route=path, upstream="auth-api", status=c2,
                                 err="Request failed with status code 503", elapsedMs=int(d2 * 1000))
                    req_log("mobile-bff", t2, "POST", host("mobile-bff") + path, cc, d2, ua, rip, 512, 140 if cc == 200 else 96, trace2)
            req_log("mobile-bff", t, "POST", host("mobile-bff") + path, code, d, ua, rip, 512, 140 if code == 200 else 96, trace)
        else:
            d = lognorm(0.3, 0.3)
            req_log("mobile-bff", t, "POST", host("mobile-bff") + "/api/otp/verify", 200 if R.random() > 0.08 else 400, d, ua, rip, 180, 90, trace)


def notification_worker():
    t = START
    while t < END:
        t += R.expovariate(0.08)
        deliveries = 1
        tt = t
        msgid = str(R.randint(10 ** 15, 10 ** 16))
        while True:
            trace = hexid(32)
            outcome, ms = twilio_call(tt)
            lat = ms / 1000.0 + lognorm(0.02, 0.3)
            if outcome == "ok":
                if R.random() < 0.3:
                    entry("notification-worker", tt + lat, "INFO", "run.googleapis.com%2Fstdout",
                          payload={"severity": "INFO", "message": "sms sent", "event": "order.dispatched", "sid": "SM" + hexid(32), "pubsubMessageId": msgid, "deliveryAttempt": deliveries}, trace=trace)
                req_log("notification-worker", tt, "POST", host("notification-worker") + "/pubsub/order-events", 204, lat, "APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)", "66.102.%d.%d" % (R.randint(0, 9), R.randint(1, 254)), 1480, 0, trace)
                break
            if outcome == "400":
                entry("notification-worker", tt + lat, "WARNING", "run.googleapis.com%2Fstdout",
                      payload={"severity": "WARNING", "message": "sms rejected, dropping", "event": "order.dispatched", "twilioCode": 21211, "error": "HTTP 400 error: Unable to create record: The 'To' number is not a valid phone number.", "pubsubMessageId": msgid}, trace=trace)
                req_log("notification-worker", tt, "POST", host("notification-worker") + "/pubsub/order-events", 204, lat, "APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)", "66.102.%d.%d" % (R.randint(0, 9), R.randint(1, 254)), 1480, 0, trace)
                break
            err = ("HTTP 503 error: Unable to create record: Service is unavailable. Please try again" if outcome == "503"
                   else "HTTPSConnectionPool(host='api.twilio.com', port=443): Read timed out. (read timeout=10)")
            entry("notification-worker", tt + lat, "ERROR", "run.googleapis.com%2Fstdout",
                  payload={"severity": "ERROR", "message": "sms send failed, nacking for redelivery", "event": "order.dispatched",
                           "endpoint": "https://api.twilio.com/2010-04-01/Accounts/%s/Messages.json" % ACCOUNT_SID,
                           "error": err, "pubsubMessageId": msgid, "deliveryAttempt": deliveries}, trace=trace)
            req_log("notification-worker", tt, "POST", host("notification-worker") + "/pubsub/order-events", 500, lat, "APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)", "66.102.%d.%d" % (R.randint(0, 9), R.randint(1, 254)), 1480, 21, trace)
            deliveries += 1
            if deliveries > 10 or tt > END:
                break
            tt += lat + min(600, 10 * 2 ** (deliveries - 2)) + R.uniform(0, 2)


def system_logs():
    for svc in ("mobile-bff", "auth-api", "otp-svc", "notification-worker", "orders-api"):
        t = START + R.uniform(0, 200)
        while t < END:
            t += R.uniform(400, 1100)
            entry(svc, t, "INFO", "run.googleapis.com%2Fvarlog%2Fsystem",
                  text="Starting new instance. Reason: AUTOSCALING - Instance started due to configured scaling factors (e.g. CPU utilization, request throughput, etc.) or no existing capacity for current traffic.")
            entry(svc, t + R.uniform(0.4, 2.0), "INFO", "run.googleapis.com%2Fvarlog%2Fsystem",
                  text="Default STARTUP TCP probe succeeded after 1 attempt for container \"%s-1\" on port 8080." % svc)
    t = TWILIO_DEGRADE + 60
    while t < TWILIO_RECOVER:
        t += R.uniform(25, 70)
        entry("otp-svc", t, "INFO", "run.googleapis.com%2Fvarlog%2Fsystem",
              text="Starting new instance. Reason: AUTOSCALING - Instance started due to configured scaling factors (e.g. CPU utilization, request throughput, etc.) or no existing capacity for current traffic.")
    d = AUTH_DEPLOY
    entry("auth-api", d, "INFO", "run.googleapis.com%2Fvarlog%2Fsystem",
          text="Starting new instance. Reason: DEPLOYMENT_ROLLOUT - Instance started due to traffic shifting between revisions due to deployment, traffic split adjustment, or deployment health check.")
    entry("auth-api", d + 2.4, "INFO", "run.googleapis.com%2Fvarlog%2Fsystem",
          text="Default STARTUP TCP probe succeeded after 1 attempt for container \"auth-api-1\" on port 8080.")
    for k, line in enumerate(["INFO:     Started server process [1]", "INFO:     Waiting for application startup.",
                              "/app/.venv/lib/python3.12/site-packages/pydantic/_internal/_config.py:345: UserWarning: Valid config keys have changed in V2:",
                              "* 'orm_mode' has been renamed to 'from_attributes'",
                              "  warnings.warn(message, UserWarning)",
                              "INFO:     Application startup complete.", "INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)"]):
        entry("auth-api", d + 2.5 + k * 0.01, "DEFAULT" if "Warn" not in line else "WARNING", "run.googleapis.com%2Fstderr", text=line)
    entry("auth-api", d + 30, "INFO", "run.googleapis.com%2Fvarlog%2Fsystem",
          text="Shutting down user disabled instance")
    t = START + 30
    while t < END:
        t += R.uniform(60, 200)
        auth_json(t, "WARNING", "refresh token reuse detected, revoking family", logger="auth.tokens", family=hexid(12))
    t = START + 50
    while t < END:
        t += R.uniform(90, 300)
        bff_json(t, "WARNING", "remote config fetch slow", elapsedMs=R.randint(1200, 2400), source="firebase-remote-config")
    t = START + 20
    while t < END:
        t += R.uniform(120, 360)
        entry("orders-api", t, "ERROR", "run.googleapis.com%2Fstdout",
              payload={"severity": "ERROR", "message": "carrier tracking lookup failed", "carrier": "evri", "error": "404 Not Found"})


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    traffic()
    notification_worker()
    system_logs()
    for path in sorted(LINES):
        full = os.path.join(OUT, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        rows = sorted(LINES[path], key=lambda r: (r[0], r[1]))
        with open(full, "w", encoding="utf-8", newline="\n") as fh:
            for r in rows:
                fh.write(r[2])
                fh.write("\n")


if __name__ == "__main__":
    main()
