# Helpers the fourth set's gen.py files (e01-e10) run (exec) after their SEED and imports: the output sink,
# time formats, random shapes, a circuit breaker. Kept here once; scripts/handwritten-cases copies it beside
# each gen.py.
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
R = random.Random(SEED)

# ---------------------------------------------------------------- output sink
_FILES = {}
_SEQ = [0]


def emit(path, t, text):
    """Queue one (possibly multi-line) record for file `path`, ordered by true time t."""
    _SEQ[0] += 1
    _FILES.setdefault(path, []).append((t, _SEQ[0], text))


def write_all(nosort=()):
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    total = 0
    for path in sorted(_FILES):
        rows = _FILES[path]
        if path not in nosort:
            rows.sort(key=lambda r: (r[0], r[1]))
        data = "".join(r[2] + "\n" for r in rows)
        full = os.path.join(OUT, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        raw = data.encode("utf-8")
        if path.endswith(".gz"):
            with open(full, "wb") as f:
                with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as g:
                    g.write(raw)
        else:
            with open(full, "wb") as f:
                f.write(raw)
        total += data.count("\n")
    return total


# ---------------------------------------------------------------- time helpers
def ep(y, mo, d, h, mi, s=0, ms=0):
    return datetime(y, mo, d, h, mi, s, ms * 1000, tzinfo=timezone.utc).timestamp()


def dt(t, off_h=0.0):
    return datetime.fromtimestamp(round(t, 6), tz=timezone(timedelta(hours=off_h)))


def iso_ms(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def iso_us(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % d.microsecond


def iso_s(t):
    return dt(t).strftime("%Y-%m-%dT%H:%M:%SZ")


def clf(t, off_h=0.0):
    d = dt(t, off_h)
    sign = "+" if off_h >= 0 else "-"
    oh = int(abs(off_h))
    om = int(round((abs(off_h) - oh) * 60))
    return d.strftime("%d/%b/%Y:%H:%M:%S ") + "%s%02d%02d" % (sign, oh, om)


# ---------------------------------------------------------------- random helpers
def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))


def uuidish():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[0:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4], h[17:20], h[20:32])


def lat(median, sigma=0.45):
    return median * math.exp(R.gauss(0.0, sigma))


def arrivals(t0, t1, rate_fn):
    out = []
    t = t0
    while True:
        r = rate_fn(t)
        t += R.expovariate(r) if r > 0 else 1.0
        if t >= t1:
            return out
        out.append(t)


def wchoice(pairs):
    tot = sum(w for _, w in pairs)
    x = R.random() * tot
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def podname(base, rs=None):
    alnum = "bcdfghjklmnpqrstvwxz2456789"
    if rs is None:
        rs = "".join(R.choice("0123456789abcdef") for _ in range(R.choice([9, 10])))
    return "%s-%s-%s" % (base, rs, "".join(R.choice(alnum) for _ in range(5)))


def ip(prefix="10.42"):
    return "%s.%d.%d" % (prefix, R.randint(0, 15), R.randint(2, 250))


UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:124.0) Gecko/20100101 Firefox/124.0",
]


def client_ip():
    return "%d.%d.%d.%d" % (R.choice([31, 46, 62, 77, 81, 85, 89, 91, 93, 109, 176, 185, 188, 212, 213, 217]),
                            R.randint(1, 254), R.randint(1, 254), R.randint(1, 254))


class Breaker:
    """Simple count-based circuit breaker: opens after `threshold` consecutive failures,
    half-opens after `cooldown` seconds."""

    def __init__(self, threshold=5, cooldown=10.0):
        self.threshold = threshold
        self.cooldown = cooldown
        self.fails = 0
        self.state = "closed"
        self.opened = 0.0

    def allow(self, t):
        if self.state == "open":
            if t - self.opened >= self.cooldown:
                self.state = "half_open"
                return True, "half_open"
            return False, None
        return True, None

    def record(self, t, ok):
        """returns a transition name or None"""
        if ok:
            self.fails = 0
            if self.state != "closed":
                self.state = "closed"
                return "closed"
            return None
        self.fails += 1
        if self.state == "half_open":
            self.state = "open"
            self.opened = t
            return "open"
        if self.state == "closed" and self.fails >= self.threshold:
            self.state = "open"
            self.opened = t
            return "open"
        return None
