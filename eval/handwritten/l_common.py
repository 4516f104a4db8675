"""Shared helpers for the blind-l incident case generators (standard library only).

Everything here is deterministic given the seed passed to Rng: no use of hash(),
set ordering, wall-clock time or os.urandom.
"""
import datetime as _dt
import json
import math
import os
import random
import shutil

UTC = _dt.timezone.utc
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


# --------------------------------------------------------------------------- time
def T(s):
    """'2026-02-17T02:40:00Z' or '2026-02-17T02:40:00.123Z' -> epoch seconds (float)."""
    s = s.rstrip("Z")
    if "." in s:
        base, frac = s.split(".")
    else:
        base, frac = s, "0"
    d = _dt.datetime.strptime(base, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    return d.timestamp() + float("0." + frac)


def _split(t, digits):
    scale = 10 ** digits
    n = int(math.floor(t * scale + 1e-6))
    sec, frac = divmod(n, scale)
    return _dt.datetime.fromtimestamp(sec, UTC), frac


def iso(t, digits=3, z="Z"):
    d, f = _split(t, digits)
    base = d.strftime("%Y-%m-%dT%H:%M:%S")
    if digits:
        base += "." + str(f).zfill(digits)
    return base + z


def iso_s(t):
    return iso(t, 0)


def space_ts(t, digits=3):
    """2026-02-17 03:02:14.318"""
    d, f = _split(t, digits)
    base = d.strftime("%Y-%m-%d %H:%M:%S")
    if digits:
        base += "." + str(f).zfill(digits)
    return base


def pg_ts(t):
    return space_ts(t, 3) + " UTC"


def comma_ts(t):
    """2026-02-17 03:02:14,318 (python logging / log4j)"""
    d, f = _split(t, 3)
    return d.strftime("%Y-%m-%d %H:%M:%S") + "," + str(f).zfill(3)


def rfc3164(t):
    d, _ = _split(t, 0)
    return "%s %2d %s" % (MONTHS[d.month - 1], d.day, d.strftime("%H:%M:%S"))


def clf(t, ms=False):
    d, f = _split(t, 3)
    s = "%02d/%s/%d:%s" % (d.day, MONTHS[d.month - 1], d.year, d.strftime("%H:%M:%S"))
    if ms:
        s += ".%03d" % f
    return s + (" +0000" if not ms else "")


def klog_ts(t, level="I"):
    d, f = _split(t, 6)
    return "%s%02d%02d %s.%06d" % (level, d.month, d.day, d.strftime("%H:%M:%S"), f)


def redis_ts(t):
    d, f = _split(t, 3)
    return "%02d %s %d %s.%03d" % (d.day, MONTHS[d.month - 1], d.year, d.strftime("%H:%M:%S"), f)


def epoch_ms(t):
    return int(math.floor(t * 1000 + 1e-6))


def epoch_us(t):
    return int(math.floor(t * 1000000 + 1e-3))


# --------------------------------------------------------------------------- randomness
ALNUM_K8S = "bcdfghjklmnpqrstvwxz2456789"


class Rng(random.Random):
    def hex(self, n):
        return "".join("0123456789abcdef"[self.randrange(16)] for _ in range(n))

    def uuid(self):
        h = self.hex(32)
        v = "89ab"[self.randrange(4)]
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], v, h[17:20], h[20:32])

    def k8s(self, n):
        return "".join(ALNUM_K8S[self.randrange(len(ALNUM_K8S))] for _ in range(n))

    def pods(self, deploy, n, rs=None):
        rs = rs or self.k8s(10)
        return ["%s-%s-%s" % (deploy, rs, self.k8s(5)) for _ in range(n)]

    def ip(self, prefix="10.42"):
        parts = prefix.split(".")
        while len(parts) < 4:
            parts.append(str(self.randint(1, 254)))
        return ".".join(parts)

    def lat(self, median, sigma=0.5, lo=None, hi=None):
        v = self.lognormvariate(math.log(median), sigma)
        if lo is not None:
            v = max(lo, v)
        if hi is not None:
            v = min(hi, v)
        return v

    def wchoice(self, items):
        """items: list of (value, weight)"""
        tot = sum(w for _, w in items)
        r = self.random() * tot
        for v, w in items:
            r -= w
            if r <= 0:
                return v
        return items[-1][0]

    def alnum(self, n, chars="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"):
        return "".join(chars[self.randrange(len(chars))] for _ in range(n))


def arrivals(rng, t0, t1, rate, rmax=None):
    """Poisson arrivals in [t0,t1). rate: number or function(t)->events/sec."""
    if callable(rate):
        assert rmax
        t = t0
        while True:
            t += rng.expovariate(rmax)
            if t >= t1:
                return
            if rng.random() * rmax < rate(t):
                yield t
    else:
        t = t0
        while True:
            t += rng.expovariate(rate)
            if t >= t1:
                return
            yield t


def ramp(t, a, b):
    """0 before a, 1 after b, linear between."""
    if t <= a:
        return 0.0
    if t >= b:
        return 1.0
    return (t - a) / (b - a)


def jdump(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def jdump_sp(obj):
    return json.dumps(obj, ensure_ascii=False)


def logfmt_val(v):
    s = str(v)
    if s == "" or any(c in s for c in ' ="\t') :
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


def logfmt(pairs):
    return " ".join("%s=%s" % (k, logfmt_val(v)) for k, v in pairs)


# --------------------------------------------------------------------------- output
class Out:
    """Collects lines per file, sorted at write time by (sort key, insertion order)."""

    def __init__(self, case_dir):
        self.case_dir = case_dir
        self.files = {}
        self.n = 0
        self.raw = {}

    def add(self, path, t, line):
        self.files.setdefault(path, []).append((t, self.n, line))
        self.n += 1

    def block(self, path, t, text):
        """multi-line entry kept together"""
        self.add(path, t, text.rstrip("\n"))

    def set_raw(self, path, text):
        self.raw[path] = text

    def write(self, truth, topology=None):
        os.makedirs(self.case_dir, exist_ok=True)
        logs = os.path.join(self.case_dir, "logs")
        if os.path.isdir(logs):
            shutil.rmtree(logs)
        for fn in ("truth.json", "topology.yaml", "topology.json"):
            p = os.path.join(self.case_dir, fn)
            if os.path.exists(p):
                os.remove(p)
        for path in sorted(self.files):
            full = os.path.join(self.case_dir, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            ent = sorted(self.files[path], key=lambda e: (e[0], e[1]))
            with open(full, "w", encoding="utf-8", newline="\n") as f:
                for _, _, line in ent:
                    f.write(line)
                    f.write("\n")
        for path in sorted(self.raw):
            full = os.path.join(self.case_dir, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8", newline="\n") as f:
                f.write(self.raw[path])
        with open(os.path.join(self.case_dir, "truth.json"), "w", encoding="utf-8", newline="\n") as f:
            json.dump(truth, f, indent=2)
            f.write("\n")
        if topology is not None:
            with open(os.path.join(self.case_dir, "topology.yaml"), "w", encoding="utf-8", newline="\n") as f:
                f.write(topology_yaml(topology))


def topology_yaml(services):
    """services: list of (name, role, [calls])"""
    lines = ["services:"]
    for name, role, calls in services:
        lines.append("  - name: %s" % name)
        if role:
            lines.append("    role: %s" % role)
        lines.append("    calls: [%s]" % ", ".join(calls))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- common content
UA_BROWSER = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:134.0) Gecko/20100101 Firefox/134.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
]
UA_APP = ["okhttp/4.12.0", "ShopApp/7.14.2 (iOS 18.2; iPhone15,3)", "ShopApp/7.14.1 (Android 14; SM-S921B)",
          "Dalvik/2.1.0 (Linux; U; Android 13; Pixel 6 Build/TQ3A.230901.001)"]
UA_BOTS = ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
           "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"]


def client_ip(rng):
    p = rng.choice(["203.0.113", "198.51.100", "192.0.2", "100.64", "81.2.69", "94.142", "176.12", "84.17", "62.30", "31.13"])
    parts = p.split(".")
    while len(parts) < 3:
        parts.append(str(rng.randint(0, 255)))
    parts.append(str(rng.randint(1, 254)))
    return ".".join(parts)


def fix_ip(s):
    # make sure ip strings have 4 octets
    p = s.split(".")
    while len(p) < 4:
        p.append("17")
    return ".".join(p[:4])


def java_trace(exc, msg, frames, causes=()):
    """Build a Java stack trace string. frames: list of 'pkg.Class.method(File.java:NN)'.
    causes: list of (exc, msg, frames)."""
    out = ["%s: %s" % (exc, msg) if msg else exc]
    out += ["\tat " + f for f in frames]
    for cexc, cmsg, cframes in causes:
        out.append("Caused by: %s: %s" % (cexc, cmsg) if cmsg else "Caused by: " + cexc)
        out += ["\tat " + f for f in cframes]
        out.append("\t... %d common frames omitted" % (len(frames) + 3))
    return "\n".join(out)


def kube_age(sec):
    sec = int(sec)
    if sec < 120:
        return "%ds" % sec
    if sec < 600:
        m, s = divmod(sec, 60)
        return "%dm%ds" % (m, s) if s else "%dm" % m
    if sec < 7200:
        return "%dm" % (sec // 60)
    h, m = divmod(sec // 60, 60)
    return "%dh%dm" % (h, m) if h < 10 and m else "%dh" % h
