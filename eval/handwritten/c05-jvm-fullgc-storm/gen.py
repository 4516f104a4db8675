#!/usr/bin/env python3
"""c05: JVM Full-GC pause storm in pricing-service (G1, heap filled by an unbounded promo-rules map after a huge promotion
was published). VM hosts under systemd: journalctl -o short-iso text per host, JDK unified GC logs (gc.log, rotated gc.log.0
after an OOM restart), HAProxy logs via journald. checkout-01's clock runs 4.2s behind. Fixed seed."""
import datetime as dt, json, os, random, shutil, itertools, bisect

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "logs")
R = random.Random(5505)
BASE = dt.datetime(2026, 7, 22, 11, 0, 0, tzinfo=dt.timezone.utc)
END = 1800.0
SEQ = itertools.count()
FILES = {}
SKEW = {"checkout-01": -4.2}
def T(s): return BASE + dt.timedelta(microseconds=int(round(s * 1e6)))
def emit(f, s, text): FILES.setdefault(f, []).append((s, next(SEQ), text))
def hexid(n): return "".join(R.choice("0123456789abcdef") for _ in range(n))

PIDS = {"lb-01": ("haproxy", 1412), "storefront-01": ("storefront", 2231), "storefront-02": ("storefront", 2187), "checkout-01": ("checkout-service", 1893),
        "pricing-service-01": ("pricing-service", 3120), "pricing-service-02": ("pricing-service", 2984), "catalog-01": ("catalog-service", 1710),
        "cart-01": ("cart-service", 902), "promo-admin-01": ("gunicorn", 1544)}
def journal(host, s, text, ident=None, pid=None):
    ls = s + SKEW.get(host, 0.0)
    t = T(ls)
    idn, p = PIDS[host]
    idn = ident or idn; p = pid if pid is not None else p
    for ln in text.split("\n"):
        emit(f"{host}/journal.log", s, t.strftime("%Y-%m-%dT%H:%M:%S+00:00") + f" {host} {idn}[{p}]: {ln}")
def spring(host, s, level, thread, logger, msg, trace=None, app=None):
    ls = s + SKEW.get(host, 0.0); t = T(ls)
    idn, p = PIDS[host]
    tr = f"[{trace}-{trace[16:]}] " if trace else "[                                                 ] "
    line = t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000) + f" {level:>5} {p} --- [{app or idn}] [{thread:>15}] {tr}{logger:<40} : {msg}"
    journal(host, s, line)

# ---------------------------------------------------------------- GC model for pricing nodes
TRIGGER = 700.4   # 11:11:40.4 promo-admin publishes SUMMER-MEGA (1.84M rules)
class Node:
    def __init__(self, host, storm_start, storm_end, oom):
        self.host, self.storm_start, self.storm_end, self.oom = host, storm_start, storm_end, oom
        self.pauses = []   # (start, end)
        self.gcfile = f"{host}/gc.log" if not oom else f"{host}/gc.log.0"
        self.gcn = R.randint(1800, 2600)
        self.down = None
N1 = Node("pricing-service-01", 820.9, None, 1265.3)     # OOM exit 11:21:05.3
N2 = Node("pricing-service-02", 861.6, 1368.0, None)     # freed after promo paused (tombstones) ~11:22:48
NODES = [N1, N2]
PAUSE_PROMO = 1350.2   # 11:22:30.2 operator pauses the promotion
RESTART1 = (1265.3, 1275.6, 1299.4)  # exit, systemd restart, "Started PricingApplication"

def gcl(node, s, tags, msg, f=None):
    t = T(s)
    emit(f or node.gcfile, s, "[" + t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d+0000" % (t.microsecond // 1000) + f"][info][{tags:<12}] {msg}")

def young(node, s, before, after, pause, kind="(Normal) (G1 Evacuation Pause)", f=None, tospace=False):
    node.gcn += 1; n = node.gcn
    gcl(node, s, "gc,start", f"GC({n}) Pause Young {kind}", f)
    if tospace: gcl(node, s + pause * 0.7, "gc", f"GC({n}) To-space exhausted", f)
    eden = R.randint(150, 204)
    gcl(node, s + pause, "gc,heap", f"GC({n}) Eden regions: {eden}->0({R.randint(150, 204)})", f)
    gcl(node, s + pause, "gc,heap", f"GC({n}) Old regions: {int(before / 2 * 0.8)}->{int(after / 2)}", f)
    gcl(node, s + pause, "gc", f"GC({n}) Pause Young {kind} {before}M->{after}M(4096M) {pause * 1000:.3f}ms", f)
    gcl(node, s + pause, "gc,cpu", f"GC({n}) User={pause * 7.6:.2f}s Sys={pause * 0.2:.2f}s Real={pause:.2f}s", f)
    node.pauses.append((s, s + pause))
def full(node, s, before, after, pause, f=None):
    node.gcn += 1; n = node.gcn
    gcl(node, s, "gc,start", f"GC({n}) Pause Full (G1 Compaction Pause)", f)
    p = [0.38, 0.14, 0.31, 0.17]
    acc = 0
    for i, name in enumerate(["Mark live objects", "Prepare for compaction", "Adjust pointers", "Compact heap"]):
        gcl(node, s + acc, "gc,phases,start", f"GC({n}) Phase {i + 1}: {name}", f)
        acc += pause * p[i]
        gcl(node, s + acc, "gc,phases", f"GC({n}) Phase {i + 1}: {name} {pause * p[i] * 1000:.3f}ms", f)
    gcl(node, s + pause, "gc,heap", f"GC({n}) Eden regions: 0->0({R.randint(10, 40)})", f)
    gcl(node, s + pause, "gc,heap", f"GC({n}) Old regions: {int(before / 2)}->{int(after / 2)}", f)
    gcl(node, s + pause, "gc", f"GC({n}) Pause Full (G1 Compaction Pause) {before}M->{after}M(4096M) {pause * 1000:.3f}ms", f)
    gcl(node, s + pause, "gc,cpu", f"GC({n}) User={pause * 7.9:.2f}s Sys={pause * 0.05:.2f}s Real={pause:.2f}s", f)
    node.pauses.append((s, s + pause))

def gen_gc(node):
    s = R.uniform(0, 6)
    heap_after = 610
    f = node.gcfile
    end = node.oom if node.oom else END
    while s < end:
        if s < TRIGGER + 5:
            young(node, s, R.randint(2150, 2400), heap_after + R.randint(-20, 25), R.uniform(0.009, 0.026), f=f)
            s += R.uniform(6, 11)
        elif s < node.storm_start:
            frac = (s - TRIGGER - 5) / (node.storm_start - TRIGGER - 5)
            heap_after = int(650 + frac * 3250)
            kind = "(Concurrent Start) (G1 Humongous Allocation)" if R.random() < 0.15 else "(Normal) (G1 Evacuation Pause)"
            young(node, s, min(4090, heap_after + R.randint(500, 900)), heap_after, R.uniform(0.04, 0.16) + frac * 0.2, kind=kind, f=f)
            if kind.startswith("(Concurrent"):
                node.gcn += 1
                gcl(node, s + 0.3, "gc", f"GC({node.gcn}) Concurrent Mark Cycle", f)
                gcl(node, s + R.uniform(1.5, 3), "gc", f"GC({node.gcn}) Concurrent Mark Cycle {R.uniform(1200, 2900):.3f}ms", f)
            s += R.uniform(2.5, 4.5) * (1 - frac * 0.6)
        elif node.storm_end is None or s < node.storm_end:
            yp = R.uniform(0.22, 0.6)
            young(node, s, 4095, 4093, yp, f=f, tospace=True)
            s += yp + 0.002
            fp = R.uniform(4.6, 9.4)
            if node.oom and s + fp > node.oom - 0.5:
                full(node, s, 4095, 4094, node.oom - s - 0.3, f=f); s = node.oom; break
            full(node, s, 4095, R.randint(3960, 4040), fp, f=f)
            s += fp + R.uniform(0.35, 2.6)
        else:
            if heap_after > 1000:
                full(node, s, 4095, 884, R.uniform(3.2, 3.9), f=f); heap_after = 884
                s = node.pauses[-1][1] + R.uniform(3, 6)
                continue
            young(node, s, R.randint(2150, 2400), heap_after + R.randint(-20, 25), R.uniform(0.009, 0.03), f=f)
            s += R.uniform(6, 11)
    node.pauses.sort()
for n in NODES: gen_gc(n)
# pricing-service-01 after the OOM restart: new JVM, new gc.log (old one rotated to gc.log.0)
def gen_gc_restarted():
    f = "pricing-service-01/gc.log"
    st = RESTART1[1] + 0.6
    for tags, msg in [("gc,init", "Version: 17.0.12+7 (release)"), ("gc,init", "CPUs: 8 total, 8 available"), ("gc,init", "Memory: 15876M"),
                      ("gc,init", "Heap Region Size: 2M"), ("gc,init", "Heap Min Capacity: 4G"), ("gc,init", "Heap Initial Capacity: 4G"), ("gc,init", "Heap Max Capacity: 4G"),
                      ("gc", "Using G1")]:
        gcl(N1, st, tags, msg, f)
    N1.gcn = 0
    s = st + 4.0
    while s < END:
        young(N1, s, R.randint(900, 2300), R.randint(380, 700), R.uniform(0.01, 0.04), f=f)
        s += R.uniform(5, 11) if s > RESTART1[2] else R.uniform(1.5, 3.0)
gen_gc_restarted()
# OOM exit: the process is gone between exit and "Started" (connection refused)
def pricing_available(node, a):
    if node is N1 and RESTART1[0] <= a < RESTART1[2]: return False
    return True
STARTS = {n.host: [p[0] for p in n.pauses] for n in NODES}
def run_finish(node, a, proc):
    """time when `proc` seconds of mutator time after a have elapsed, skipping STW pauses"""
    t = a; need = proc
    ps = node.pauses; i = bisect.bisect_right(STARTS[node.host], t) - 1
    if i >= 0 and ps[i][0] <= t < ps[i][1]: t = ps[i][1]
    i = max(i, 0)
    while True:
        nxt = None
        while i < len(ps) and ps[i][0] < t: i += 1
        if i < len(ps): nxt = ps[i][0]
        if nxt is None or t + need <= nxt: return t + need
        need -= (nxt - t); t = ps[i][1]; i += 1

# ---------------------------------------------------------------- HAProxy health checks for pricing_be (inter 2s, timeout check 2s, fall 2, rise 3)
STATE_CHANGES = {n.host: [(0.0, True)] for n in NODES}
for node in NODES:
    s = R.uniform(0, 2); up = True; fails = 0; oks = 0
    while s < END:
        if not pricing_available(node, s):
            ok = False; reason = ('Layer4 connection problem, info: "Connection refused"', "0ms")
        else:
            fin = run_finish(node, s, 0.002)
            ok = fin - s <= 2.0; reason = ("Layer7 timeout", "2001ms")
        if ok:
            oks += 1; fails = 0
            if not up and oks >= 3:
                up = True; STATE_CHANGES[node.host].append((s, True))
                left = sum(1 for h in STATE_CHANGES if STATE_CHANGES[h][-1][1])
                journal("lb-01", s + 0.01, f"[WARNING]  (1412) : Server pricing_be/{node.host} is UP, reason: Layer7 check passed, code: 200, check duration: {R.randint(2, 9)}ms. {left} active and 0 backup servers online. 0 sessions requeued, 0 total in queue.")
        else:
            fails += 1; oks = 0
            if up and fails >= 2:
                up = False; STATE_CHANGES[node.host].append((s + (2.0 if reason[1] == "2001ms" else 0.001), False))
                left = sum(1 for h in STATE_CHANGES if STATE_CHANGES[h][-1][1])
                journal("lb-01", s + 2.0, f"[WARNING]  (1412) : Server pricing_be/{node.host} is DOWN, reason: {reason[0]}, check duration: {reason[1]}. {left} active and 0 backup servers left. {R.randint(0, 12)} sessions active, 0 requeued, 0 remaining in queue.")
                if left == 0:
                    journal("lb-01", s + 2.0005, "[ALERT]    (1412) : backend 'pricing_be' has no server available!")
        s += 2.0 + R.uniform(-0.05, 0.05)
def is_up(host, a):
    st = True
    for (t, v) in STATE_CHANGES[host]:
        if t <= a: st = v
        else: break
    return st

# ---------------------------------------------------------------- pricing calls through haproxy pricing_fe (option dontlog-normal)
RR = [0]
def hx_time(s): t = T(s); return t.strftime("%d/%b/%Y:%H:%M:%S.") + "%03d" % (t.microsecond // 1000)
def pricing_call(a, caller_host, caller_ip, path, timeout, trace):
    ups = [n for n in NODES if is_up(n.host, a)]
    if not ups:
        journal("lb-01", a + 0.0004, f'{caller_ip}:{R.randint(30000, 60000)} [{hx_time(a)}] pricing_fe pricing_be/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- {R.randint(40, 90)}/{R.randint(5, 30)}/0/0/0 0/0 "{path.split(" ")[0]} {path.split(" ")[1]} HTTP/1.1"')
        return "nosrv", a + 0.0006, None
    RR[0] += 1
    node = ups[RR[0] % len(ups)]
    if not pricing_available(node, a):
        return "refused", a + 0.001, node
    proc = R.uniform(0.006, 0.03)
    fin = run_finish(node, a + 0.0008, proc)
    if fin - a <= timeout:
        if fin - a > 0.4:   # slow but OK: logged by haproxy? dontlog-normal -> no
            pass
        return "ok", fin + 0.0004, node
    # client aborts at timeout: haproxy logs CH-- (abnormal)
    tt = int(timeout * 1000)
    journal("lb-01", a + timeout, f'{caller_ip}:{R.randint(30000, 60000)} [{hx_time(a)}] pricing_fe pricing_be/{node.host} 0/0/0/-1/{tt} -1 0 - - CH-- {R.randint(40, 90)}/{R.randint(5, 30)}/{R.randint(1, 20)}/{R.randint(1, 12)}/0 0/0 "{path.split(" ")[0]} {path.split(" ")[1]} HTTP/1.1"')
    return "timeout", a + timeout, node

# ---------------------------------------------------------------- storefront + resilience4j breaker
class Breaker:
    def __init__(self, host): self.host = host; self.state = "CLOSED"; self.win = []; self.until = 0; self.half = 0; self.half_res = []
    def allow(self, s):
        if self.state == "OPEN" and s >= self.until:
            self.state = "HALF_OPEN"; self.half = 0; self.half_res = []
            spring(self.host, s, "INFO", "pricing-cb-1", "c.a.storefront.pricing.PricingBreakerEvents", "CircuitBreaker 'pricing' changed state from OPEN to HALF_OPEN")
        if self.state == "OPEN": return False
        if self.state == "HALF_OPEN":
            if self.half >= 5: return False
            self.half += 1
        return True
    def record(self, s, ok):
        if self.state == "HALF_OPEN":
            self.half_res.append(ok)
            if len(self.half_res) >= 5:
                rate = 100.0 * self.half_res.count(False) / 5
                if rate >= 50: self._open(s, rate)
                else:
                    self.state = "CLOSED"; self.win = []
                    spring(self.host, s, "INFO", "pricing-cb-1", "c.a.storefront.pricing.PricingBreakerEvents", "CircuitBreaker 'pricing' changed state from HALF_OPEN to CLOSED")
            return
        if self.state != "CLOSED": return
        self.win.append(ok); self.win = self.win[-20:]
        if len(self.win) >= 10:
            rate = 100.0 * self.win.count(False) / len(self.win)
            if rate >= 50: self._open(s, rate)
    def _open(self, s, rate):
        old = self.state; self.state = "OPEN"; self.until = s + 30
        spring(self.host, s, "WARN", "pricing-cb-1", "c.a.storefront.pricing.PricingBreakerEvents", f"CircuitBreaker 'pricing' changed state from {old} to OPEN (failure rate {rate:.1f}% >= 50.0%)")
BRK = {"storefront-01": Breaker("storefront-01"), "storefront-02": Breaker("storefront-02")}
SF_IP = {"storefront-01": "10.20.1.21", "storefront-02": "10.20.1.22", "checkout-01": "10.20.1.31"}

def hx_front(a, client, backend, server, tq, tw, tc, tr, status, size, term, path, method="GET"):
    tt = tq + tw + tc + tr if tr >= 0 else tq + tw + tc
    s = a + tt / 1000.0
    journal("lb-01", s, f'{client}:{R.randint(1024, 65000)} [{hx_time(a)}] www~ {backend}/{server} {tq}/{tw}/{tc}/{tr}/{tt} {status} {size} - - {term} {R.randint(80, 160)}/{R.randint(70, 150)}/{R.randint(0, 9)}/{R.randint(0, 5)}/0 0/0 "{method} {path} HTTP/1.1"')

def client_ip(): return f"{R.choice([81, 84, 92, 145, 176, 188, 212])}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
THREADS = lambda: f"nio-8080-exec-{R.randint(1, 200)}"
PRICE_EXC = ('org.springframework.web.client.ResourceAccessException: I/O error on GET request for "http://pricing.internal:8080/api/v2/prices": Read timed out\n'
             "\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915)\n"
             "\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:895)\n"
             "\tat com.acme.storefront.pricing.PricingClient.fetchPrices(PricingClient.java:71)\n"
             "Caused by: java.net.SocketTimeoutException: Read timed out\n"
             "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)\n"
             "\t... 58 common frames omitted")
t = 0.0
while t < END:
    t += R.expovariate(3.1)
    if t >= END: break
    trace = hexid(32); x = R.random(); cip = client_ip()
    sf = R.choice(["storefront-01", "storefront-02"])
    if x < 0.62 or (x < 0.80):
        cart = x >= 0.62
        path = f"/cart" if cart else R.choice([f"/p/{R.randint(100000, 999999)}", f"/c/{R.choice(['garden', 'kitchen', 'tools', 'lighting'])}?page={R.randint(1, 6)}", "/", f"/search?q={R.choice(['drill', 'lamp', 'hose', 'kettle'])}"])
        a = t + 0.001 + R.uniform(0.003, 0.02)
        b = BRK[sf]
        if b.allow(a):
            res, fin, node = pricing_call(a, sf, SF_IP[sf], "GET /api/v2/prices", 0.8, trace)
            ok = res == "ok"
            b.record(fin, ok)
            if not ok:
                if res == "timeout":
                    spring(sf, fin, "ERROR", THREADS(), "c.a.storefront.pricing.PricingClient", "Pricing call failed after 800 ms\n" + PRICE_EXC if R.random() < 0.25 else "Pricing call failed after 800 ms: I/O error on GET request for \"http://pricing.internal:8080/api/v2/prices\": Read timed out", trace)
                else:
                    spring(sf, fin, "ERROR", THREADS(), "c.a.storefront.pricing.PricingClient", "Pricing call failed: 503 Service Unavailable: \"<html><body><h1>503 Service Unavailable</h1>No server is available to handle this request.</body></html>\"", trace)
        else:
            ok = False; fin = a + 0.0002
            if R.random() < 0.2:
                spring(sf, fin, "DEBUG", THREADS(), "c.a.storefront.pricing.PricingClient", "CallNotPermittedException: CircuitBreaker 'pricing' is OPEN and does not permit further calls", trace)
        if ok or not cart:
            if not ok:
                spring(sf, fin + 0.0005, "WARN", THREADS(), "c.a.storefront.pricing.PriceFallback", f"Pricing unavailable, serving cached prices for {R.randint(1, 48)} skus (max age 6h)", trace)
            tr = int((fin - t) * 1000) + R.randint(8, 40)
            hx_front(t, cip, "storefront_be", sf, 0, 0, R.randint(0, 1), tr, 200, R.randint(18000, 90000), "----", path)
        else:
            spring(sf, fin + 0.0005, "ERROR", THREADS(), "c.a.storefront.web.CartController", "Cannot render cart: price totals unavailable", trace)
            tr = int((fin - t) * 1000) + R.randint(2, 9)
            hx_front(t, cip, "storefront_be", sf, 0, 0, R.randint(0, 1), tr, 503, R.randint(900, 1400), "----", path)
        if cart:
            journal("cart-01", fin - 0.002, f'time={T(fin).strftime("%Y-%m-%dT%H:%M:%S.")}{T(fin).microsecond // 1000:03d}Z level=INFO msg="cart loaded" items={R.randint(1, 9)} trace_id={trace}')
    elif x < 0.88:
        # checkout via checkout-service (Spring Retry: 3 attempts, 200ms backoff, 2s read timeout)
        co = "checkout-01"
        a = t + 0.002; cid = f"c{R.randint(10**6, 10**7)}"
        spring(co, a, "INFO", THREADS(), "c.a.checkout.api.CheckoutController", f"Checkout started for cart {cid}", trace)
        att = 0; res = None
        while att < 3:
            att += 1
            res, fin, node = pricing_call(a, co, SF_IP[co], "POST /api/v2/quote", 2.0, trace)
            if res == "ok": break
            why = {"timeout": "java.net.SocketTimeoutException: Read timed out", "nosrv": "503 Service Unavailable from POST http://pricing.internal:8080/api/v2/quote", "refused": "Connection refused"}[res]
            if att < 3:
                spring(co, fin + 0.001, "WARN", THREADS(), "c.a.checkout.pricing.QuoteClient", f"Pricing quote attempt {att}/3 failed: {why}; retrying in 200 ms", trace)
                a = fin + 0.2
            else:
                spring(co, fin + 0.001, "ERROR", THREADS(), "c.a.checkout.api.CheckoutController",
                       f"Checkout failed for cart {cid}: pricing quote unavailable after 3 attempts\norg.springframework.retry.ExhaustedRetryException: Retry exhausted after last attempt with no recovery path; nested exception is {why}\n\tat org.springframework.retry.support.RetryTemplate.handleRetryExhausted(RetryTemplate.java:570)\n\tat com.acme.checkout.pricing.QuoteClient.quote(QuoteClient.java:58)", trace)
        if res == "ok":
            pay = R.uniform(0.25, 0.9)
            spring(co, fin + pay, "INFO", THREADS(), "c.a.checkout.api.CheckoutController", f"Order {R.randint(10**7, 10**8)} placed for cart {cid} (payment {R.choice(['adyen', 'adyen', 'paypal'])} authorised in {int(pay * 1000)} ms)", trace)
            hx_front(t, cip, "checkout_be", co, 0, 0, 1, int((fin + pay - t) * 1000) + 3, 201, R.randint(400, 900), "----", "/checkout/submit", "POST")
        else:
            hx_front(t, cip, "checkout_be", co, 0, 0, 1, int((fin - t) * 1000) + 3, 503, R.randint(300, 500), "----", "/checkout/submit", "POST")
    else:
        path = R.choice(["/static/app.9f1c.js", "/static/app.9f1c.css", "/favicon.ico", "/img/logo.svg", "/robots.txt"])
        hx_front(t, cip, "static_be", "storefront-0" + str(R.randint(1, 2)), 0, 0, 0, R.randint(1, 6), 200, R.randint(800, 190000), "----", path)

# ---------------------------------------------------------------- pricing-service app logs (journald): sparse; nothing during STW
def pricing_app(node, s, level, logger, msg, thread="main"):
    spring(node.host, s, level, thread, logger, msg)
for node in NODES:
    s = R.uniform(0, 60)
    while s < END:
        if pricing_available(node, s) and run_finish(node, s, 0.001) - s < 0.01:
            pricing_app(node, s, "INFO", "c.a.pricing.rules.RuleCache", f"Rule cache stats: entries={2104 + (0 if s < TRIGGER else 0)}, hitRate=0.97, evictions=0", "scheduling-1")
        s += 60
    # promo rules consumption
    s = TRIGGER + R.uniform(1.5, 3)
    k = 0
    while s < node.storm_start:
        k += 1
        pricing_app(node, s, "INFO", "c.a.pricing.promo.PromoRuleListener", f"Applied promo-rules batch (partition {R.randint(0, 11)}, offset {4481200 + k * 500}): +500 rules, total promo rules {k * 500 * 12:,}".replace(",", ""), "promo-consumer-0")
        s += R.uniform(4, 7)
    # Hikari housekeeper and kafka heartbeat symptoms after long pauses
    last = 0
    for (ps, pe) in node.pauses:
        if pe - ps > 4 and pe - last > 25:
            last = pe
            pricing_app(node, pe + 0.01, "WARN", "com.zaxxer.hikari.pool.HikariPool", f"HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta={int(pe - ps + 30)}s{R.randint(0, 999)}ms).", "HikariPool-1 housekeeper")
            if R.random() < 0.5:
                pricing_app(node, pe + 0.02, "INFO", "o.a.k.c.c.internals.ConsumerCoordinator", f"[Consumer clientId=pricing-promo-0, groupId=pricing-{node.host[-2:]}] Disconnecting from node 2 due to request timeout.", "kafka-coordinator-heartbeat-thread | pricing")
# pricing-service-01 OOM and systemd restart
e, rs, up = RESTART1
spring("pricing-service-01", e - 0.05, "ERROR", "promo-consumer-0", "o.s.k.l.KafkaMessageListenerContainer", "Consumer exception\njava.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.HashMap.resize(HashMap.java:702)\n\tat com.acme.pricing.rules.RuleCache.putAll(RuleCache.java:88)\n\tat com.acme.pricing.promo.PromoRuleListener.onBatch(PromoRuleListener.java:47)")
journal("pricing-service-01", e - 0.02, "Terminating due to java.lang.OutOfMemoryError: Java heap space")
journal("pricing-service-01", e + 0.2, "pricing-service.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED", ident="systemd", pid=1)
journal("pricing-service-01", e + 0.21, "pricing-service.service: Failed with result 'exit-code'.", ident="systemd", pid=1)
journal("pricing-service-01", e + 0.22, "pricing-service.service: Consumed 2h 41min 7.118s CPU time.", ident="systemd", pid=1)
journal("pricing-service-01", rs, "pricing-service.service: Scheduled restart job, restart counter is at 1.", ident="systemd", pid=1)
journal("pricing-service-01", rs + 0.01, "Started pricing-service.service - Pricing Service.", ident="systemd", pid=1)
PIDS["pricing-service-01"] = ("pricing-service", 3877)
spring("pricing-service-01", rs + 2.4, "INFO", "main", "com.acme.pricing.PricingApplication", "Starting PricingApplication v5.12.3 using Java 17.0.12 with PID 3877 (/opt/pricing/pricing-service.jar started by pricing in /opt/pricing)")
spring("pricing-service-01", rs + 2.5, "INFO", "main", "com.acme.pricing.PricingApplication", 'The following 1 profile is active: "prod"')
spring("pricing-service-01", rs + 9.8, "INFO", "main", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed.")
spring("pricing-service-01", rs + 14.2, "INFO", "main", "c.a.pricing.promo.PromoRuleLoader", "Loaded 2104 base rules and 0 active promotions from promo-rules (SUMMER-MEGA paused)")
spring("pricing-service-01", up - 0.1, "INFO", "main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path '/'")
spring("pricing-service-01", up, "INFO", "main", "com.acme.pricing.PricingApplication", "Started PricingApplication in 23.514 seconds (process running for 24.1)")
# pricing-service-02 recovers after the promotion pause tombstones
spring("pricing-service-02", 1369.5, "INFO", "promo-consumer-0", "c.a.pricing.promo.PromoRuleListener", "Promotion SUMMER-MEGA paused: evicted 1838117 promo rules")

# ---------------------------------------------------------------- promo-admin (Django/gunicorn): the publish that triggered the growth; operator pause
journal("promo-admin-01", TRIGGER - 0.6, f'INFO promotions.views user=marta.k action=publish promotion=SUMMER-MEGA rules=1840221 skus=612340')
journal("promo-admin-01", TRIGGER, 'INFO promotions.publisher published promotion SUMMER-MEGA to kafka topic promo-rules (3681 batches, 1840221 rules) in 38.2s')
journal("promo-admin-01", PAUSE_PROMO, 'INFO promotions.views user=oncall.sre action=pause promotion=SUMMER-MEGA reason="pricing full GC incident INC-4471"')
journal("promo-admin-01", PAUSE_PROMO + 6.1, 'INFO promotions.publisher published tombstones for SUMMER-MEGA to kafka topic promo-rules (1840221 keys)')
s = R.uniform(0, 20)
while s < END:
    journal("promo-admin-01", s, f'{R.choice(["10.20.9.14", "10.20.9.15"])} - - [{T(s).strftime("%d/%b/%Y:%H:%M:%S +0000")}] "GET /admin/promotions/ HTTP/1.1" 200 {R.randint(8000, 20000)} "-" "Mozilla/5.0"')
    s += R.uniform(20, 70)

# ---------------------------------------------------------------- catalog-service: unaffected, pre-existing errors; cart-service background
s = R.uniform(0, 10)
while s < END:
    spring("catalog-01", s, "INFO", "scheduling-1", "c.a.catalog.index.ReindexJob", f"Reindexed {R.randint(40, 400)} products in {R.randint(200, 1900)} ms")
    s += R.uniform(25, 40)
s = R.uniform(0, 30)
while s < END:
    spring("catalog-01", s, "ERROR", "es-bulk-1", "c.a.catalog.index.BulkIndexer",
           f"Bulk item failed: index=products-v7 id={R.randint(100000, 999999)} status=409 type=version_conflict_engine_exception reason=\"[{R.randint(100000, 999999)}]: version conflict, required seqNo [{R.randint(10**6, 10**7)}], primary term [3]. current document has seqNo [{R.randint(10**6, 10**7)}] and primary term [3]\"")
    s += R.uniform(20, 50)
# haproxy backend health for storefront/checkout stays green; lb-01 systemd noise
for h in ("lb-01",):
    s = R.uniform(0, 300)
    while s < END:
        journal(h, s, "Starting sysstat-collect.service - system activity accounting tool...", ident="systemd", pid=1)
        journal(h, s + 0.2, "sysstat-collect.service: Deactivated successfully.", ident="systemd", pid=1)
        s += 600

# ---------------------------------------------------------------- write
if os.path.isdir(OUT): shutil.rmtree(OUT)
total = 0
for f, rows in sorted(FILES.items()):
    rows.sort(key=lambda r: (r[0], r[1]))
    p = os.path.join(OUT, f); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            if r[0] <= END + 2: fh.write(r[2] + "\n"); total += 1
first_long = min(p[0] for n in NODES for p in n.pauses if p[1] - p[0] > 0.2)
print(OUT, total, "first pause >200ms:", T(first_long).isoformat())
