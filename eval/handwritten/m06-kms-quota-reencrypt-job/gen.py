#!/usr/bin/env python3
"""m06: a Cloud Run Job (reencrypt-pii, 32 tasks) re-encrypts stored PII with the new KMS
key version and eats the project's shared Cloud KMS 'Cryptographic requests per minute'
quota. tokenizer's Decrypt/Encrypt calls get 429 RESOURCE_EXHAUSTED late in every minute;
payments fail. Root: the batch job. Exported from a Cloud Logging GCS sink."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from m_common import (LogSet, Rand, USER_AGENTS, iso, jdump, main_dir, report, strf, ts_of,  # noqa: E402
                      write_topology, write_truth, write_text, py_trace)

R = Rand(20250709)
T0 = ts_of(2025, 7, 9, 15, 12, 0)
T1 = ts_of(2025, 7, 9, 16, 8, 0)
KEYVER = ts_of(2025, 7, 9, 14, 50, 31)
PRIMARY = ts_of(2025, 7, 9, 15, 5, 12)
PAY_DEPLOY = ts_of(2025, 7, 9, 15, 24, 3)
RUNJOB = ts_of(2025, 7, 9, 15, 31, 0.512)
THROTTLE = ts_of(2025, 7, 9, 15, 31, 38.0)
CANCEL = ts_of(2025, 7, 9, 15, 57, 30.2)
JOB_END = CANCEL + 6.0
PROJECT = "acme-pay-prod"
PNUM = "482913377105"
CEST = 120
L = None
EXEC = "reencrypt-pii-x7k2q"


def add(path, t, line):
    L.add(path, t, line)


def kms_throttled(t):
    if t < THROTTLE or t > JOB_END + 2:
        return False
    sec = (t - ts_of(2025, 7, 9, 15, 0, 0)) % 60.0
    ramp = min(1.0, (t - THROTTLE) / 150.0)
    cutoff = 58.0 - 30.0 * ramp + R.uniform(-2.5, 2.5)
    return sec > cutoff


def sink_path(logid, t):
    h = strf(t, "%H")
    return "logs/gcs-log-sink/%s/2025/07/09/%s:00:00_%s:59:59_S0.json" % (logid, h, h)


def entry(t, logid, resource, severity, payload=None, text=None, http=None, labels=None, trace=None):
    e = {"insertId": R.alnum(14)}
    if http is not None:
        e["httpRequest"] = http
    if payload is not None:
        e["jsonPayload"] = payload
    if text is not None:
        e["textPayload"] = text
    e["resource"] = resource
    e["timestamp"] = iso(t, 6, True)
    e["severity"] = severity
    if labels:
        e["labels"] = labels
    e["logName"] = "projects/%s/logs/%s" % (PROJECT, logid.replace("/", "%2F"))
    if trace:
        e["trace"] = "projects/%s/traces/%s" % (PROJECT, trace)
    recv = t + R.uniform(0.05, 1.8)
    e["receiveTimestamp"] = iso(recv, 9, True)
    add(sink_path(logid, recv), recv, jdump(e))


REV = {"web-api": "web-api-00311-lip", "tokenizer": "tokenizer-00042-xuz", "fraud-svc": "fraud-svc-00087-kor",
       "payments-api": "payments-api-00117-rek"}
INST = {s: [R.hexid(90) for _ in range(3)] for s in ("web-api", "tokenizer", "fraud-svc", "payments-api")}


def run_res(svc, t):
    rev = REV[svc]
    if svc == "payments-api" and t >= PAY_DEPLOY + 40:
        rev = "payments-api-00118-fox"
    return {"type": "cloud_run_revision", "labels": {"service_name": svc, "revision_name": rev, "location": "europe-west1",
                                                      "configuration_name": svc, "project_id": PROJECT}}


def run_log(svc, t, sev, payload=None, text=None, stream="stdout", trace=None):
    entry(t, "run.googleapis.com/%s" % stream, run_res(svc, t), sev, payload=payload, text=text,
          labels={"instanceId": R.pick(INST[svc])}, trace=trace)


def job_log(t, task, sev, text):
    entry(t, "run.googleapis.com/stdout", {"type": "cloud_run_job", "labels": {"job_name": "reencrypt-pii", "location": "europe-west1", "project_id": PROJECT}},
          sev, text=text, labels={"instanceId": JOBINST[task], "run.googleapis.com/execution_name": EXEC,
                                  "run.googleapis.com/task_attempt": "0", "run.googleapis.com/task_index": str(task)})


JOBINST = {}


def gke_log(t, sev, payload):
    entry(t, "stdout", {"type": "k8s_container", "labels": {"project_id": PROJECT, "location": "europe-west1", "cluster_name": "pay-prod-gke",
                                                            "namespace_name": "orders", "pod_name": R.pick(["orders-svc-7b9c6d5f8-kq2xz", "orders-svc-7b9c6d5f8-w8m4p"]),
                                                            "container_name": "orders-svc"}},
          sev, payload=payload, labels={"k8s-pod/app": "orders-svc", "compute.googleapis.com/resource_name": "gke-pay-prod-gke-pool-1-3c9e1a7d-%s" % R.pick(["x2kd", "q7ld"])})


def gclb(t_start, dur, method, url, status, rsize, backend, trace):
    http = {"requestMethod": method, "requestUrl": "https://api.acmepay.io" + url, "requestSize": str(R.randrange(300, 1900)),
            "status": status, "responseSize": str(rsize), "userAgent": R.pick(USER_AGENTS) if R.random() < 0.4 else R.pick(
                ["acmepay-ios/6.14.2 (iPhone; iOS 18.5)", "acmepay-android/6.14.1 (Pixel 8; Android 15)", "Merchant-SDK-PHP/3.2.0", "Merchant-SDK-Node/4.1.3"]),
            "remoteIp": R.public_ip(), "serverIp": "10.132.0.%d" % R.randrange(2, 250), "latency": "%.6fs" % dur, "protocol": "HTTP/1.1"}
    payload = {"@type": "type.googleapis.com/google.cloud.loadbalancing.type.LoadBalancerLogEntry",
               "backendTargetProjectNumber": "projects/%s" % PNUM, "remoteIp": http["remoteIp"],
               "statusDetails": "response_sent_by_backend", "cacheDecision": ["RESPONSE_HAS_CONTENT_TYPE", "REQUEST_HAS_AUTHORIZATION", "CACHE_MODE_USE_ORIGIN_HEADERS"]}
    res = {"type": "http_load_balancer", "labels": {"backend_service_name": backend, "forwarding_rule_name": "api-https-fr", "project_id": PROJECT,
                                                     "target_proxy_name": "api-https-proxy", "url_map_name": "api-urlmap", "zone": "global"}}
    entry(t_start + dur, "requests", res, "WARNING" if status >= 500 else "INFO", payload=payload, http=http, trace=trace)


# ----------------------------------------------------------------- tokenizer
def quota_trace(op, t):
    inner = py_trace([
        ("/usr/local/lib/python3.12/site-packages/google/api_core/grpc_helpers.py", 76, "error_remapped_callable", "return callable_(*args, **kwargs)"),
        ("/usr/local/lib/python3.12/site-packages/grpc/_channel.py", 1181, "__call__", "return _end_unary_response_blocking(state, call, False, None)"),
        ("/usr/local/lib/python3.12/site-packages/grpc/_channel.py", 1006, "_end_unary_response_blocking", "raise _InactiveRpcError(state)  # pytype: disable=not-instantiable")],
        "grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.RESOURCE_EXHAUSTED\n"
        "\tdetails = \"Quota exceeded for quota metric 'Cryptographic requests' and limit 'Cryptographic requests per minute' of service "
        "'cloudkms.googleapis.com' for consumer 'project_number:%s'.\"\n\tdebug_error_string = \"UNKNOWN:Error received from peer "
        "ipv4:142.250.179.202:443 {grpc_message:\"Quota exceeded for quota metric \\'Cryptographic requests\\' and limit \\'Cryptographic "
        "requests per minute\\' of service \\'cloudkms.googleapis.com\\' for consumer \\'project_number:%s\\'.\", grpc_status:8, "
        "created_time:\"%s\"}\"\n>" % (PNUM, PNUM, iso(t, 6, False).replace("+00:00", "+00:00")))
    return py_trace([
        ("/app/tokenizer/api.py", 97 if op == "decrypt" else 71, "detokenize" if op == "decrypt" else "tokenize",
         "plaintext = crypto.unwrap(token.wrapped_dek, token.ciphertext)" if op == "decrypt" else "wrapped = crypto.wrap(dek)"),
        ("/app/tokenizer/crypto.py", 44 if op == "decrypt" else 29, "unwrap" if op == "decrypt" else "wrap",
         "resp = self.kms.decrypt(request={\"name\": self.key_name, \"ciphertext\": wrapped_dek})" if op == "decrypt" else
         "resp = self.kms.encrypt(request={\"name\": self.key_name, \"plaintext\": dek})"),
        ("/usr/local/lib/python3.12/site-packages/google/cloud/kms_v1/services/key_management_service/client.py", 4311 if op == "decrypt" else 4170, op,
         "response = rpc("),
        ("/usr/local/lib/python3.12/site-packages/google/api_core/gapic_v1/method.py", 131, "__call__", "return wrapped_func(*args, **kwargs)"),
        ("/usr/local/lib/python3.12/site-packages/google/api_core/grpc_helpers.py", 78, "error_remapped_callable", "raise exceptions.from_grpc_error(exc) from exc")],
        "google.api_core.exceptions.ResourceExhausted: 429 Quota exceeded for quota metric 'Cryptographic requests' and limit 'Cryptographic "
        "requests per minute' of service 'cloudkms.googleapis.com' for consumer 'project_number:%s'. [reason: \"RATE_LIMIT_EXCEEDED\"\n"
        "domain: \"googleapis.com\"\nmetadata {\n  key: \"service\"\n  value: \"cloudkms.googleapis.com\"\n}\nmetadata {\n  key: \"quota_metric\"\n"
        "  value: \"cloudkms.googleapis.com/crypto_requests\"\n}\nmetadata {\n  key: \"quota_location\"\n  value: \"europe-west1\"\n}\n"
        "metadata {\n  key: \"quota_limit\"\n  value: \"CryptoRequestsPerMinutePerProject\"\n}\n]" % PNUM,
        chained=inner)


def tokenizer_call(t, op, trace):
    d = R.lat(0.018, 0.3)
    if kms_throttled(t + d * 0.5):
        d = R.lat(0.012, 0.3)
        run_log("tokenizer", t + d - 0.001, "ERROR", text="%s failed: KMS %s RESOURCE_EXHAUSTED\n%s" % (
            "detokenize" if op == "decrypt" else "tokenize", op.capitalize(), quota_trace(op, t + d)), stream="stderr", trace=trace)
        run_log("tokenizer", t + d, "INFO", payload={"message": "POST /v1/%s 503" % ("detokenize" if op == "decrypt" else "tokenize"),
                                                        "status": 503, "latency_ms": round(d * 1000, 1), "error": "kms_quota_exceeded", "logger": "tokenizer.access"}, trace=trace)
        return 503, d
    if R.random() < 0.04:
        run_log("tokenizer", t + d, "INFO", payload={"message": "POST /v1/%s 200" % ("detokenize" if op == "decrypt" else "tokenize"),
                                                        "status": 200, "latency_ms": round(d * 1000, 1), "key_version": 4 if t > PRIMARY else 3, "logger": "tokenizer.access"}, trace=trace)
    return 200, d


def fraud_call(t, trace):
    d = R.lat(0.085, 0.35)
    if R.random() < 0.03:
        d = 0.8
        run_log("fraud-svc", t + d, "WARNING", payload={"message": "model endpoint call failed, returning fallback score",
                                                          "error": "504 Deadline Exceeded", "endpoint": "projects/%s/locations/europe-west1/endpoints/7731029914" % PNUM,
                                                          "fallback_score": 0.12, "logger": "fraud.scoring"}, trace=trace)
    elif R.random() < 0.03:
        run_log("fraud-svc", t + d, "INFO", payload={"message": "scored", "score": round(R.random() * 0.4, 3), "latency_ms": int(d * 1000), "logger": "fraud.scoring"}, trace=trace)
    return d


def payments_pay(t, trace, kind="pay"):
    """payments-api handling; returns (status, dur)."""
    tt = t + 0.003
    ok = False
    for attempt in range(1, 4):
        st, d = tokenizer_call(tt, "decrypt" if kind != "card" else "encrypt", trace)
        tt += d
        if st == 200:
            ok = True
            break
        run_log("payments-api", tt + 0.001, "WARNING", payload={"message": "tokenizer call failed", "attempt": attempt, "max_attempts": 3,
                                                                 "status": st, "op": "detokenize" if kind != "card" else "tokenize",
                                                                 "logger": "payments.clients.tokenizer"}, trace=trace)
        tt += 0.2 * attempt
    if not ok:
        run_log("payments-api", tt + 0.002, "ERROR", payload={"message": "payment failed: card vault unavailable", "error": "TokenizerUnavailable: 3 attempts, last status 503",
                                                               "merchant_id": "m_%s" % R.alnum(8), "logger": "payments.handlers"}, trace=trace)
        return 502, tt - t + 0.003
    if kind == "card":
        return 201, tt - t + R.lat(0.02, 0.3)
    tt += fraud_call(tt, trace)
    psp = R.lat(0.32, 0.3)
    tt += psp
    if R.random() < 0.05:
        run_log("payments-api", tt, "INFO", payload={"message": "payment authorized", "psp": "adyen", "psp_latency_ms": int(psp * 1000),
                                                      "amount_minor": R.randrange(500, 90000), "currency": R.pick(["EUR", "EUR", "GBP", "CHF"]), "logger": "payments.handlers"}, trace=trace)
    return 200, tt - t + 0.002


def main():
    global L
    out = main_dir(sys.argv)
    L = LogSet(out)
    for t in R.arrivals(T0, T1, lambda t: 0.55):
        trace = R.hexid(32)
        k = R.wpick([("pay", 40), ("card", 10), ("merchant", 25), ("orders", 15), ("balance", 10)])
        if k == "pay":
            st, d = payments_pay(t + 0.01, trace)
            web = 200 if st == 200 else 502
            if web >= 500:
                run_log("web-api", t + d + 0.012, "ERROR", payload={"message": "upstream payments-api returned 502", "route": "POST /v1/checkout/pay",
                                                                      "upstream": "https://payments-api-6xkq3rcbva-ew.a.run.app", "logger": "web.proxy"}, trace=trace)
            gclb(t, d + 0.02, "POST", "/v1/checkout/pay", web, R.randrange(300, 900) if web == 200 else 166, "web-api-bes", trace)
        elif k == "card":
            st, d = payments_pay(t + 0.01, trace, "card")
            web = 201 if st < 500 else 502
            if web >= 500:
                run_log("web-api", t + d + 0.012, "ERROR", payload={"message": "upstream payments-api returned 502", "route": "POST /v1/cards",
                                                                      "upstream": "https://payments-api-6xkq3rcbva-ew.a.run.app", "logger": "web.proxy"}, trace=trace)
            gclb(t, d + 0.02, "POST", "/v1/cards", web, R.randrange(200, 500) if web < 500 else 166, "web-api-bes", trace)
        elif k == "merchant":
            d = R.lat(0.045, 0.4)
            gclb(t, d, "GET", "/v1/merchants/m_%s/%s" % (R.alnum(8), R.pick(["settings", "payouts?limit=20", "webhooks", "team"])), 200, R.randrange(800, 9000), "web-api-bes", trace)
        elif k == "orders":
            d = R.lat(0.06, 0.4)
            gclb(t, d, "GET", "/v1/orders?status=%s&limit=50" % R.pick(["paid", "pending", "refunded"]), 200, R.randrange(2000, 30000), "web-api-bes", trace)
            if R.random() < 0.05:
                gke_log(t + d - 0.01, "INFO", {"message": "listed orders", "thread": "http-nio-8080-exec-%d" % R.randrange(1, 30),
                                                "logger": "com.acmepay.orders.api.OrderController", "timeMillis": int((t + d) * 1000), "level": "INFO"})
        else:
            d = R.lat(0.03, 0.4)
            gclb(t, d, "GET", "/v1/balance", 200, R.randrange(200, 700), "web-api-bes", trace)
    platform(out)
    sizes = L.write()
    a = os.path.getsize(os.path.join(out, "logs/audit/gcloud-logging-read_activity.json"))
    sizes["audit"] = a
    report(out, sizes)
    write_truth(out, {
        "root_cause": {"service": "reencrypt-pii", "fault": "shared-kms-quota-exhaustion-by-batch-job", "start": iso(THROTTLE, 3)},
        "propagation": ["reencrypt-pii", "cloud-kms", "tokenizer", "payments-api", "web-api", "gclb"],
        "affected": ["reencrypt-pii", "cloud-kms", "tokenizer", "payments-api", "web-api", "gclb", "orders-svc"],
        "acceptable_roots": ["cloud-kms"],
        "notes": (
            "GCP project acme-pay-prod, logs from a Cloud Logging GCS sink (one LogEntry per line, hourly files per log id, "
            "ordered by receive time) plus a `gcloud logging read` dump of Admin Activity audit logs (pretty JSON array, "
            "newest first). The Cloud Run Job reencrypt-pii is started at 15:31:00Z "
            "(audit RunJob, execution reencrypt-pii-x7k2q, 32 tasks) to re-encrypt stored PII with the key version made "
            "primary at 15:05. Its Decrypt+Encrypt traffic exhausts the project-wide Cloud KMS quota 'Cryptographic "
            "requests per minute' (shared with tokenizer); the job backs off and logs only progress lines with a "
            "throttled_retries counter. From 15:31:38Z tokenizer's KMS calls fail with 429 RESOURCE_EXHAUSTED in the late "
            "part of every minute (sawtooth: the per-minute quota refills at each minute boundary) -> tokenizer 503 "
            "(stderr tracebacks) -> payments-api retries 3x then 502 -> web-api 502 -> GCLB 502 on /v1/checkout/pay and "
            "/v1/cards; orders-svc's refund/capture worker also fails. An SRE cancels the execution at 15:57:30Z "
            "(audit CancelExecution) and errors stop within seconds. Quirks: entries in sink files are out of timestamp "
            "order; the job prints its own local CEST times inside textPayload; orders-svc carries epoch millis. Red "
            "herrings: payments-api revision 00118-fox rolled out at 15:24:03Z; the KMS key rotation "
            "(CreateCryptoKeyVersion 14:50:31Z, UpdateCryptoKeyPrimaryVersion 15:05:12Z) suggests a key/permission "
            "problem but errors are quota (429), not PERMISSION_DENIED/FAILED_PRECONDITION; fraud-svc's steady Vertex AI "
            "504 fallbacks; web-api CORS warnings."),
    })
    write_topology(out, [
        {"name": "gclb", "role": "gateway", "calls": ["web-api"]},
        {"name": "web-api", "role": "api", "calls": ["payments-api", "orders-svc", "merchants-db"]},
        {"name": "payments-api", "role": "api", "calls": ["tokenizer", "fraud-svc", "adyen"]},
        {"name": "tokenizer", "role": "api", "calls": ["cloud-kms", "tokens-db"]},
        {"name": "fraud-svc", "role": "api", "calls": ["vertex-ai"]},
        {"name": "orders-svc", "role": "api", "calls": ["payments-api", "orders-db"]},
        {"name": "reencrypt-pii", "role": "worker", "calls": ["cloud-kms", "customers-db"]},
        {"name": "cloud-kms", "role": "external", "calls": []},
        {"name": "vertex-ai", "role": "external", "calls": []},
        {"name": "adyen", "role": "external", "calls": []},
        {"name": "tokens-db", "role": "database", "calls": []},
        {"name": "customers-db", "role": "database", "calls": []},
        {"name": "orders-db", "role": "database", "calls": []},
        {"name": "merchants-db", "role": "database", "calls": []},
    ])


def platform(out):
    # reencrypt job tasks
    ntasks = 32
    rows_per = 122250
    for task in range(ntasks):
        JOBINST[task] = R.hexid(90)
    for task in range(ntasks):
        st = RUNJOB + 4.0 + task * 2.7 + R.random()
        lo = task * rows_per
        job_log(st, task, "DEFAULT", "%s reencrypt-pii 1.3.0 task %d/%d starting: customers rows %d..%d, kms key projects/%s/locations/europe-west1/keyRings/pii/cryptoKeys/customer-pii versions 3->4, batch=500, workers=16" % (
            strf(st, "%Y-%m-%d %H:%M:%S CEST", CEST), task, ntasks, lo, lo + rows_per - 1, PROJECT))
        t = st + R.uniform(140, 200)
        done = 0
        thr = 0
        while t < JOB_END:
            done += R.randrange(38000, 52000)
            thr += R.randrange(1500, 6000)
            if done >= rows_per:
                break
            job_log(t, task, "DEFAULT", "%s task %d: %d/%d rows re-encrypted, throttled_retries=%d, rate=%d rows/s" % (
                strf(t, "%Y-%m-%d %H:%M:%S CEST", CEST), task, done, rows_per, thr, R.randrange(220, 330)))
            t += R.uniform(150, 230)
        job_log(JOB_END + task * 0.02, task, "DEFAULT", "%s task %d: received SIGTERM, stopping after current batch (%d rows done, checkpoint saved)" % (
            strf(JOB_END, "%Y-%m-%d %H:%M:%S CEST", CEST), task, min(done, rows_per)))
        entry(JOB_END + 0.8 + task * 0.02, "run.googleapis.com/varlog/system", {"type": "cloud_run_job", "labels": {"job_name": "reencrypt-pii", "location": "europe-west1", "project_id": PROJECT}},
              "WARNING", text="Container terminated on signal 15.", labels={"instanceId": JOBINST[task], "run.googleapis.com/execution_name": EXEC,
                                                                             "run.googleapis.com/task_attempt": "0", "run.googleapis.com/task_index": str(task)})
    # orders-svc capture worker: calls payments-api capture -> tokenizer detokenize
    t = T0 + 7
    while t < T1:
        trace = R.hexid(32)
        st, d = payments_pay(t, trace, "capture")
        if st >= 500:
            gke_log(t + d + 0.01, "ERROR", {"message": "capture failed for order, will retry in 5m", "orderId": "ord_%s" % R.alnum(12),
                                             "error": "PaymentsApiException: 502 Bad Gateway from POST https://payments-api-6xkq3rcbva-ew.a.run.app/v1/captures",
                                             "thread": "capture-worker-%d" % R.randrange(1, 5), "logger": "com.acmepay.orders.capture.CaptureWorker",
                                             "timeMillis": int((t + d) * 1000), "level": "ERROR",
                                             "thrown": {"name": "com.acmepay.orders.payments.PaymentsApiException", "message": "502 Bad Gateway",
                                                        "extendedStackTrace": "com.acmepay.orders.payments.PaymentsApiException: 502 Bad Gateway\n\tat com.acmepay.orders.payments.PaymentsClient.capture(PaymentsClient.java:118)\n\tat com.acmepay.orders.capture.CaptureWorker.process(CaptureWorker.java:64)\n\tat com.acmepay.orders.capture.CaptureWorker.run(CaptureWorker.java:41)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)"}})
        elif R.random() < 0.1:
            gke_log(t + d + 0.01, "INFO", {"message": "captured", "orderId": "ord_%s" % R.alnum(12), "thread": "capture-worker-%d" % R.randrange(1, 5),
                                            "logger": "com.acmepay.orders.capture.CaptureWorker", "timeMillis": int((t + d) * 1000), "level": "INFO"})
        t += R.expovariate(1 / 14.0)
    # web-api CORS noise
    t = T0 + 20
    while t < T1:
        run_log("web-api", t, "WARNING", payload={"message": "CORS preflight rejected", "origin": R.pick(["https://shop.example-merchant.de", "http://localhost:3000", "https://staging.merchant-b.io"]),
                                                   "route": "OPTIONS /v1/checkout/pay", "logger": "web.cors"})
        t += R.expovariate(1 / 120.0)
    # payments-api deploy
    for i in range(2):
        run_log("payments-api", PAY_DEPLOY + 12 + i, "INFO", payload={"message": "starting payments-api 5.8.0 (git 1f0c9e2) on :8080", "logger": "payments.main"})
    entry(PAY_DEPLOY + 40, "run.googleapis.com/varlog/system", run_res("payments-api", PAY_DEPLOY + 41), "INFO",
          text="Default STARTUP TCP probe succeeded after 1 attempt for container \"payments-api-1\" on port 8080.")
    # audit logs (gcloud logging read, newest first, pretty JSON)
    audit = []
    UA_OF = {"CreateCryptoKeyVersion": "google-api-go-client/0.5 Terraform/1.8.5 (+https://www.terraform.io) terraform-provider-google/5.36.0",
             "UpdateCryptoKeyPrimaryVersion": "google-api-go-client/0.5 Terraform/1.8.5 (+https://www.terraform.io) terraform-provider-google/5.36.0",
             "google.cloud.run.v1.Services.ReplaceService": "google-cloud-sdk gcloud/480.0.0 command/gcloud.run.deploy invocation-id/%s environment/GCE" % R.hexid(32),
             "google.cloud.run.v1.Jobs.RunJob": "google-cloud-sdk gcloud/480.0.0 command/gcloud.run.jobs.execute invocation-id/%s environment/None" % R.hexid(32),
             "google.cloud.run.v2.Executions.CancelExecution": "google-cloud-sdk gcloud/480.0.0 command/gcloud.run.jobs.executions.cancel invocation-id/%s environment/None" % R.hexid(32),
             "io.k8s.core.v1.configmaps.update": "cluster-autoscaler/v1.29.2"}
    PERM_OF = {"CreateCryptoKeyVersion": "cloudkms.cryptoKeyVersions.create", "UpdateCryptoKeyPrimaryVersion": "cloudkms.cryptoKeys.update",
               "google.cloud.run.v1.Services.ReplaceService": "run.services.update", "google.cloud.run.v1.Jobs.RunJob": "run.jobs.run",
               "google.cloud.run.v2.Executions.CancelExecution": "run.executions.cancel", "io.k8s.core.v1.configmaps.update": "io.k8s.core.v1.configmaps.update"}

    def au(t, method, svc, resname, principal, req=None, resp=None, res=None, sev="NOTICE"):
        audit.append((t, {
            "protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog", "status": {},
                             "authenticationInfo": {"principalEmail": principal},
                             "requestMetadata": {"callerIp": "35.%d.%d.%d" % (R.randrange(180, 240), R.randrange(256), R.randrange(256)),
                                                 "callerSuppliedUserAgent": UA_OF.get(method, "google-api-go-client/0.5 Terraform/1.8.5"),
                                                 "requestAttributes": {"time": iso(t, 6, True), "auth": {}}, "destinationAttributes": {}},
                             "serviceName": svc, "methodName": method, "authorizationInfo": [{"resource": resname, "permission": PERM_OF.get(method, "container.configMaps.update"), "granted": True, "resourceAttributes": {}}],
                             "resourceName": resname, "request": req or {}, "response": resp or {}},
            "insertId": R.alnum(12), "resource": res, "timestamp": iso(t, 6, True), "severity": sev,
            "logName": "projects/%s/logs/cloudaudit.googleapis.com%%2Factivity" % PROJECT, "receiveTimestamp": iso(t + 0.6, 9, True)}))
    keyres = {"type": "cloudkms_cryptokey", "labels": {"project_id": PROJECT, "location": "europe-west1", "key_ring_id": "pii", "crypto_key_id": "customer-pii"}}
    keyname = "projects/%s/locations/europe-west1/keyRings/pii/cryptoKeys/customer-pii" % PROJECT
    au(KEYVER, "CreateCryptoKeyVersion", "cloudkms.googleapis.com", keyname, "security-automation@%s.iam.gserviceaccount.com" % PROJECT,
       req={"@type": "type.googleapis.com/google.cloud.kms.v1.CreateCryptoKeyVersionRequest", "parent": keyname}, res=keyres)
    au(PRIMARY, "UpdateCryptoKeyPrimaryVersion", "cloudkms.googleapis.com", keyname, "security-automation@%s.iam.gserviceaccount.com" % PROJECT,
       req={"@type": "type.googleapis.com/google.cloud.kms.v1.UpdateCryptoKeyPrimaryVersionRequest", "name": keyname, "cryptoKeyVersionId": "4"}, res=keyres)
    runres = {"type": "cloud_run_revision", "labels": {"service_name": "payments-api", "location": "europe-west1", "project_id": PROJECT, "revision_name": "", "configuration_name": ""}}
    au(PAY_DEPLOY, "google.cloud.run.v1.Services.ReplaceService", "run.googleapis.com", "namespaces/%s/services/payments-api" % PROJECT,
       "cloudbuild-deployer@%s.iam.gserviceaccount.com" % PROJECT, req={"@type": "type.googleapis.com/google.cloud.run.v1.ReplaceServiceRequest",
       "name": "namespaces/%s/services/payments-api" % PROJECT, "region": "europe-west1"}, res=runres)
    jobres = {"type": "cloud_run_job", "labels": {"job_name": "reencrypt-pii", "location": "europe-west1", "project_id": PROJECT}}
    au(RUNJOB, "google.cloud.run.v1.Jobs.RunJob", "run.googleapis.com", "namespaces/%s/jobs/reencrypt-pii" % PROJECT, "j.moreau@acmepay.io",
       req={"@type": "type.googleapis.com/google.cloud.run.v1.RunJobRequest", "name": "namespaces/%s/jobs/reencrypt-pii" % PROJECT,
            "overrides": {"taskCount": 32}}, resp={"@type": "type.googleapis.com/google.cloud.run.v1.Execution", "metadata": {"name": EXEC}}, res=jobres)
    au(CANCEL, "google.cloud.run.v2.Executions.CancelExecution", "run.googleapis.com",
       "projects/%s/locations/europe-west1/jobs/reencrypt-pii/executions/%s" % (PROJECT, EXEC), "a.okafor@acmepay.io",
       req={"@type": "type.googleapis.com/google.cloud.run.v2.CancelExecutionRequest", "name": "projects/%s/locations/europe-west1/jobs/reencrypt-pii/executions/%s" % (PROJECT, EXEC)}, res=jobres)
    for _ in range(6):
        t = R.uniform(T0 - 3000, T1)
        au(t, "io.k8s.core.v1.configmaps.update", "k8s.io", "core/v1/namespaces/kube-system/configmaps/cluster-autoscaler-status",
           "system:serviceaccount:kube-system:cluster-autoscaler", res={"type": "k8s_cluster", "labels": {"project_id": PROJECT, "location": "europe-west1", "cluster_name": "pay-prod-gke"}},
           sev="NOTICE")
    audit.sort(key=lambda a: a[0], reverse=True)
    write_text(out, "logs/audit/gcloud-logging-read_activity.json", json.dumps([a[1] for a in audit], indent=2) + "\n")


if __name__ == "__main__":
    main()
