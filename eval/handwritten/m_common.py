"""Shared helpers for the blind-m incident case generators.

Standard library only. Everything is driven by an explicit random.Random(seed)
and never by hash(), set ordering, wall-clock time or the environment, so a
rerun produces byte-identical files.
"""
import datetime as _dt
import gzip
import json
import math
import os
import random

UTC = _dt.timezone.utc


def ts_of(y, mo, d, h=0, mi=0, s=0.0):
    """Epoch seconds (float) for a UTC wall time."""
    whole = int(s)
    frac = s - whole
    return _dt.datetime(y, mo, d, h, mi, whole, tzinfo=UTC).timestamp() + frac


def dt(t, off_min=0):
    """Aware datetime for epoch t shown in a fixed UTC offset (minutes)."""
    tz = UTC if off_min == 0 else _dt.timezone(_dt.timedelta(minutes=off_min))
    # round to microseconds deterministically
    us = int(round(t * 1_000_000))
    return _dt.datetime.fromtimestamp(us // 1_000_000, tz).replace(microsecond=us % 1_000_000)


def iso(t, digits=3, z=True, off_min=0, sep="T"):
    """ISO-8601 timestamp. z=True -> 'Z' suffix (UTC only); z=False -> +hh:mm offset;
    z=None -> no zone designator at all (local time without offset)."""
    d = dt(t, off_min)
    base = d.strftime("%Y-%m-%d" + sep + "%H:%M:%S")
    if digits:
        base += "." + ("%06d" % d.microsecond)[:digits]
    if z is None:
        return base
    if z and off_min == 0:
        return base + "Z"
    sign = "+" if off_min >= 0 else "-"
    a = abs(off_min)
    return base + "%s%02d:%02d" % (sign, a // 60, a % 60)


def strf(t, fmt, off_min=0, ms=None):
    """strftime with extra tokens: {ms} (3 digits) and {us} (6 digits)."""
    d = dt(t, off_min)
    out = d.strftime(fmt)
    if "{ms}" in out or "{us}" in out:
        out = out.replace("{ms}", "%03d" % (d.microsecond // 1000)).replace("{us}", "%06d" % d.microsecond)
    return out


def epoch_ms(t):
    return int(round(t * 1000))


class Rand(random.Random):
    """random.Random plus helpers used everywhere."""

    def hexid(self, n):
        return "".join("0123456789abcdef"[self.randrange(16)] for _ in range(n))

    def uuid(self):
        h = self.hexid(32)
        h = h[:12] + "4" + h[13:16] + "89ab"[self.randrange(4)] + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def alnum(self, n, alphabet="abcdefghijklmnopqrstuvwxyz0123456789"):
        return "".join(alphabet[self.randrange(len(alphabet))] for _ in range(n))

    def pick(self, seq):
        return seq[self.randrange(len(seq))]

    def wpick(self, pairs):
        """pairs: list of (item, weight)."""
        tot = 0.0
        for _, w in pairs:
            tot += w
        r = self.random() * tot
        acc = 0.0
        for item, w in pairs:
            acc += w
            if r <= acc:
                return item
        return pairs[-1][0]

    def lat(self, median, sigma=0.5, lo=None, hi=None):
        """Log-normal latency around a median (same unit as median)."""
        v = median * math.exp(self.gauss(0.0, sigma))
        if lo is not None and v < lo:
            v = lo
        if hi is not None and v > hi:
            v = hi
        return v

    def ip(self, prefix):
        parts = prefix.split(".")
        while len(parts) < 4:
            parts.append(str(self.randrange(1, 255)))
        return ".".join(parts)

    def public_ip(self):
        first = self.pick([31, 37, 46, 62, 77, 78, 79, 81, 82, 84, 85, 86, 88, 89, 90, 91, 93, 94, 95,
                           109, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217, 24, 50, 66, 67, 68,
                           70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107, 108, 172, 173, 174])
        return "%d.%d.%d.%d" % (first, self.randrange(256), self.randrange(256), self.randrange(1, 255))

    def arrivals(self, t0, t1, rate_fn, step=1.0):
        """Poisson arrivals on [t0,t1) with a piecewise-constant rate (per second)
        re-evaluated every `step` seconds. Returns a sorted list of times."""
        out = []
        t = t0
        while t < t1:
            r = rate_fn(t)
            if r > 0:
                n = self._poisson(r * step)
                for _ in range(n):
                    out.append(t + self.random() * step)
            t += step
        out.sort()
        return out

    def _poisson(self, lam):
        if lam > 50:
            return max(0, int(round(self.gauss(lam, math.sqrt(lam)))))
        L = math.exp(-lam)
        k = 0
        p = 1.0
        while True:
            p *= self.random()
            if p <= L:
                return k
            k += 1


USER_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.2535.92",
    "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.6422.165 Mobile Safari/537.36",
    "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "okhttp/4.12.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
]


class LogSet:
    """Collects lines per output file; ordering key is the moment the line was
    *written* (true time), independent of the (possibly skewed) printed stamp."""

    def __init__(self, outdir):
        self.outdir = outdir
        self.files = {}
        self.opts = {}
        self.seq = 0

    def add(self, path, t, text):
        self.seq += 1
        self.files.setdefault(path, []).append((t, self.seq, text))

    def configure(self, path, gz=False, sort=True):
        self.opts[path] = {"gz": gz, "sort": sort}

    def write(self):
        sizes = {}
        for path in sorted(self.files):
            rows = self.files[path]
            o = self.opts.get(path, {"gz": path.endswith(".gz"), "sort": True})
            if o.get("sort", True):
                rows = sorted(rows, key=lambda r: (r[0], r[1]))
            data = "".join(r[2] + "\n" for r in rows).encode("utf-8")
            full = os.path.join(self.outdir, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            if o.get("gz") or path.endswith(".gz"):
                with open(full, "wb") as fh:
                    with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=6) as gz:
                        gz.write(data)
            else:
                with open(full, "wb") as fh:
                    fh.write(data)
            sizes[path] = len(data)
        return sizes


def jdump(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def write_text(outdir, name, text):
    full = os.path.join(outdir, name)
    os.makedirs(os.path.dirname(full) or ".", exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def write_truth(outdir, truth):
    write_text(outdir, "truth.json", json.dumps(truth, indent=2, ensure_ascii=False) + "\n")


def write_topology(outdir, services):
    """services: list of dicts with name, role, calls."""
    lines = ["services:"]
    for s in services:
        lines.append("  - name: %s" % s["name"])
        if s.get("role"):
            lines.append("    role: %s" % s["role"])
        lines.append("    calls: [%s]" % ", ".join(s.get("calls", [])))
    write_text(outdir, "topology.yaml", "\n".join(lines) + "\n")


def report(outdir, sizes):
    tot = sum(sizes.values())
    print("%s: %d files, %.2f MB uncompressed" % (outdir, len(sizes), tot / 1e6))
    return tot


def main_dir(argv):
    # With no argument, the case's folder is the one gen.py sits in.
    out = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(argv[0]))
    os.makedirs(out, exist_ok=True)
    logs = os.path.join(out, "logs")
    if os.path.isdir(logs):
        import shutil
        shutil.rmtree(logs)  # only the case's own generated logs/ folder
    return out


# ---------------------------------------------------------------- stack traces

def java_trace(exc, msg, frames, caused=None, more=0):
    """frames: list of 'pkg.Class.method(File.java:123)' strings."""
    lines = ["%s: %s" % (exc, msg) if msg else exc]
    for f in frames:
        lines.append("\tat " + f)
    if more:
        lines.append("\t... %d more" % more)
    if caused:
        c_exc, c_msg, c_frames, c_more = caused
        lines.append("Caused by: %s: %s" % (c_exc, c_msg) if c_msg else "Caused by: " + c_exc)
        for f in c_frames:
            lines.append("\tat " + f)
        if c_more:
            lines.append("\t... %d more" % c_more)
    return "\n".join(lines)


def py_trace(frames, exc_line, chained=None, during=False):
    """frames: list of (file, line, func, code). chained: an earlier traceback text;
    during=True uses the implicit-context wording instead of 'direct cause'."""
    out = []
    if chained:
        out.append(chained)
        out.append("")
        out.append("During handling of the above exception, another exception occurred:" if during else
                   "The above exception was the direct cause of the following exception:")
        out.append("")
    out.append("Traceback (most recent call last):")
    for f, ln, fn, code in frames:
        out.append('  File "%s", line %d, in %s' % (f, ln, fn))
        out.append("    " + code)
    out.append(exc_line)
    return "\n".join(out)
