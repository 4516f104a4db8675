# Helpers every hand-written case's gen.py runs (exec) before its own body: time formats, random
# shapes, the line sink. Kept here once; scripts/handwritten-cases copies it beside each gen.py.
# ---- shared helpers (standard library only) ---------------------------------
import gzip
import json
import os
import random
import string
from datetime import datetime, timedelta, timezone

UTC = timezone.utc
HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(SEED)  # noqa: F821  (SEED is set at the top of each gen.py)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def T(s):
    """ISO string (UTC) -> aware datetime."""
    return datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(UTC)


def iso(t, ms=3):
    if ms == 0:
        return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    frac = ("%06d" % t.microsecond)[:ms]
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S") + "." + frac + "Z"


def iso_off(t, hours, ms=3):
    tz = timezone(timedelta(hours=hours))
    lt = t.astimezone(tz)
    frac = ("%06d" % lt.microsecond)[:ms]
    sign = "+" if hours >= 0 else "-"
    return lt.strftime("%Y-%m-%dT%H:%M:%S") + "." + frac + "%s%02d:00" % (sign, abs(hours))


def epoch(t):
    return t.timestamp()


def ms(t):
    return int(round(t.timestamp() * 1000))


def clf(t, hours=0):
    """[20/Nov/2026:10:01:02 +0000] without the brackets"""
    lt = t.astimezone(timezone(timedelta(hours=hours)))
    sign = "+" if hours >= 0 else "-"
    return "%02d/%s/%04d:%s %s%02d00" % (lt.day, MONTHS[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), sign, abs(hours))


def rfc3164(t):
    return "%s %2d %s" % (MONTHS[t.month - 1], t.day, t.strftime("%H:%M:%S"))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n):
    return "".join(R.choice(string.ascii_lowercase + string.digits) for _ in range(n))


def uuid():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:32])


def traceparent():
    return "00-%s-%s-01" % (hexid(32), hexid(16))


def podname(svc, rs=None):
    rs = rs or alnum(9).replace("a", "7")
    return "%s-%s-%s" % (svc, rs[:9] if len(rs) >= 9 else rs, alnum(5))


def ip(prefix="10.0"):
    return "%s.%d.%d" % (prefix, R.randint(0, 15), R.randint(2, 250))


def poisson_times(start, end, rate):
    """Arrival times with mean `rate` per second between start and end (datetimes)."""
    t = start
    out = []
    if rate <= 0:
        return out
    while True:
        t = t + timedelta(seconds=R.expovariate(rate))
        if t >= end:
            return out
        out.append(t)


def every(start, end, period, jitter=0.0):
    t = start
    out = []
    while t < end:
        out.append(t + timedelta(seconds=R.uniform(-jitter, jitter)) if jitter else t)
        t = t + timedelta(seconds=period)
    return out


def jdur(lo, hi):
    return R.uniform(lo, hi)


def logn(mu_ms, sigma=0.5):
    """lognormal duration in ms with median mu_ms"""
    import math
    return mu_ms * math.exp(R.gauss(0, sigma))


# ---- output sink ------------------------------------------------------------
class Sink:
    def __init__(self):
        self.files = {}
        self.seq = 0

    def add(self, path, t, line):
        """path is relative to the case folder; t is the REAL time used for ordering."""
        self.seq += 1
        self.files.setdefault(path, []).append((t, self.seq, line))

    def write(self, gz=()):
        total = 0
        for path, rows in self.files.items():
            rows.sort(key=lambda r: (r[0], r[1]))
            text = "\n".join(r[2] for r in rows) + "\n"
            full = os.path.join(HERE, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            n = text.count("\n")
            total += n
            if path in gz:
                with open(full, "wb") as raw, gzip.GzipFile(filename=os.path.basename(full)[:-3], mode="wb", fileobj=raw, mtime=0) as f:
                    f.write(text.encode("utf-8", "surrogateescape"))
            else:
                with open(full, "w", encoding="utf-8", errors="surrogateescape") as f:
                    f.write(text)
        print("wrote %d lines in %d files" % (total, len(self.files)))


def clean_logs():
    d = os.path.join(HERE, "logs")
    if os.path.isdir(d):
        for root, dirs, files in os.walk(d, topdown=False):
            for f in files:
                os.remove(os.path.join(root, f))
            for x in dirs:
                os.rmdir(os.path.join(root, x))


# ---- line formats -------------------------------------------------------------
def zap(t, level, caller, msg, **kw):
    d = {"level": level, "ts": round(epoch(t), 3), "caller": caller, "msg": msg}
    d.update(kw)
    return json.dumps(d, separators=(",", ":"))


def logrus(t, level, msg, **kw):
    parts = ['time="%s"' % iso(t, 0), "level=%s" % level, "msg=%s" % json.dumps(msg)]
    for k, v in kw.items():
        v = str(v)
        parts.append("%s=%s" % (k, json.dumps(v) if (" " in v or "=" in v or '"' in v or v == "") else v))
    return " ".join(parts)


def logfmt(t, level, msg, **kw):
    parts = ["ts=%s" % iso(t), "level=%s" % level, "msg=%s" % json.dumps(msg)]
    for k, v in kw.items():
        v = str(v)
        parts.append("%s=%s" % (k, json.dumps(v) if (" " in v or "=" in v or '"' in v or v == "") else v))
    return " ".join(parts)


PINO_LEVEL = {"trace": 10, "debug": 20, "info": 30, "warn": 40, "error": 50, "fatal": 60}


def pino(t, level, msg, pid, hostname, **kw):
    d = {"level": PINO_LEVEL[level], "time": ms(t), "pid": pid, "hostname": hostname}
    d.update(kw)
    d["msg"] = msg
    return json.dumps(d, separators=(",", ":"))


def pylog(t, level, module, msg):
    return "%s,%03d %s [%s] %s" % (t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, level, module, msg)


def gunicorn_err(t, pid, level, msg):
    return "[%s +0000] [%d] [%s] %s" % (t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"), pid, level, msg)


def spring(t, level, pid, thread, logger, msg, app=None):
    """Spring Boot 3 console pattern (UTC)."""
    lvl = "%5s" % level
    appp = "[%s] " % app if app else ""
    return "%s %s %d --- %s[%15s] %-40s : %s" % (iso(t), lvl, pid, appp, thread[-15:], logger, msg)


def spring2(t, level, pid, thread, logger, msg):
    """Spring Boot 2 console pattern, local time without zone."""
    return "%s.%03d %5s %d --- [%15s] %-40s : %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, level, pid, thread[-15:], logger, msg)


def pg(t, pid, level, msg, who=None):
    prefix = "%s.%03d UTC [%d] " % (t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, pid)
    if who:
        prefix += who + " "
    return prefix + "%s:  %s" % (level, msg)


def redislog(t, pid, role, sym, msg):
    return "%d:%s %02d %s %04d %s.%03d %s %s" % (pid, role, t.day, MONTHS[t.month - 1], t.year, t.strftime("%H:%M:%S"), t.microsecond // 1000, sym, msg)


def nginx_err(t, level, pid, conn, msg):
    return "%s [%s] %d#%d: *%d %s" % (t.strftime("%Y/%m/%d %H:%M:%S"), level, pid, pid, conn, msg)


def garbage():
    kinds = [
        "\x00\x00\x00\x17\x03\x01\x9c\xff\xfe",
        '{"level":"info","ts":17',
        "\x1b[2K\x1b[1G",
        '{"level":30,"time":17',
        "\ufffd\ufffd\x07\x00\ufffdbinary",
        "---- truncated ----",
    ]
    return R.choice(kinds)
