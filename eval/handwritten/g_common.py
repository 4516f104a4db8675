# Helpers the sixth set's gen.py files (g01-g10) run (exec) right after their imports: random ids, arrival
# times, a ramp, file writers. Each reads the case's own `rng` and `OUT` when called. Kept here once;
# scripts/handwritten-cases copies it beside each gen.py.

def hexs(n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def arrivals(start, end, rate):
    t = start
    while True:
        t += rng.expovariate(rate(t) if callable(rate) else rate)
        if t >= end:
            return
        yield t


def rid(n):
    return "".join(rng.choice(ALNUM) for _ in range(n))


def ramp(t, a, b):
    return 0.0 if t <= a else 1.0 if t >= b else (t - a) / (b - a)


def write_lines(path, ents):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    ents = sorted(ents, key=lambda x: x[0])
    with open(full, "wb") as f:
        for _, l in ents:
            f.write((l + "\n").encode("utf-8"))


def write_bytes(path, data):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)


def uuid():
    return "%s-%s-%s-%s-%s" % (hexs(8), hexs(4), hexs(4), hexs(4), hexs(12))
