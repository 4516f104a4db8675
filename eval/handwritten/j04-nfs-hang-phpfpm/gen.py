#!/usr/bin/env python3
"""Generator for case j04 (deterministic, standard library only).

Writes ./logs/ beside this file. Re-running produces byte-identical output.
"""
import datetime
import math
import os
import random
import shutil

SEED = 4404
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
UTC = datetime.timezone.utc
DAY0 = datetime.datetime(2025, 8, 14, tzinfo=UTC).timestamp()


def T(h, m, s=0.0):
    return DAY0 + h * 3600 + m * 60 + s


def dt(t):
    return datetime.datetime.fromtimestamp(round(t, 6), UTC)


def rfc5424_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d+00:00" % d.microsecond


def fpm_ts(t):
    return dt(t).strftime("%d-%b-%Y %H:%M:%S")


def nginx_local(t):
    return dt(t).strftime("%d/%b/%Y:%H:%M:%S +0000")


def nginx_err_ts(t):
    return dt(t).strftime("%Y/%m/%d %H:%M:%S")


def py_ts(t):
    d = dt(t)
    return d.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (d.microsecond // 1000)


def laravel_ts(t):
    return dt(t).strftime("%Y-%m-%d %H:%M:%S")


LINES = {}


def emit(path, t, line):
    LINES.setdefault(path, []).append((t, len(LINES.get(path, [])), line))


def hexid(n):
    return "%0*x" % (n, R.getrandbits(4 * n))


def lognorm(median, sigma):
    return median * math.exp(R.gauss(0, sigma))


START = T(9, 40)
END = T(10, 45)
DISK_HANG = T(10, 11, 52.318)
MD_KICK = T(10, 29, 47.902)
NFS_OK = MD_KICK + 2.7
ERP_DEPLOY = T(10, 9, 31.0)
WEB = [("web01", "10.20.1.11"), ("web02", "10.20.1.12"), ("web03", "10.20.1.13")]
NFS_HOST = "media-nfs"
NFS_FQDN = "media-nfs.int.larkspur-home.net"
RELEASE = "/var/www/shop/releases/20250812093011"
UPTIME0 = {"web01": 3021847.0, "web02": 3021852.5, "web03": 1721933.2, "media-nfs": 9814220.7, "worker01": 3021861.1}


def kts(host, t):
    return "[%12.6f]" % (UPTIME0[host] + (t - START))


def syslog(host, t, pri, app, procid, msg, sd="-", msgid="-"):
    emit("%s/syslog" % host, t, "<%d>1 %s %s %s %s %s %s %s" % (pri, rfc5424_ts(t), host, app, procid, msgid, sd, msg))


def kern(host, t, sev, msg):
    syslog(host, t, sev, "kernel", "-", "%s %s" % (kts(host, t), msg))


MAX_CHILDREN = 24
TERMINATE = 55.0


class Pool:
    def __init__(self, host):
        self.host = host
        self.busy = []
        self.next_pid = {"web01": 23100, "web02": 19877, "web03": 8012}[host]
        self.at_max = False
        self.pids = [self.spawn_pid() for _ in range(12)]

    def spawn_pid(self):
        self.next_pid += R.randint(1, 9)
        return self.next_pid

    def free(self, t):
        self.busy = [b for b in self.busy if b[0] > t]
        return MAX_CHILDREN - len(self.busy)


POOLS = {h: Pool(h) for h, ip in WEB}


def nfs_hung(t):
    return DISK_HANG <= t < NFS_OK


SLUGS = ["merino-throw-blanket", "oak-side-table", "linen-duvet-cover", "ceramic-planter-set", "walnut-floor-lamp",
         "jute-area-rug", "velvet-cushion", "stoneware-mugs-4pk", "rattan-pendant", "teak-bath-mat"]
CATS = ["living-room", "bedroom", "lighting", "kitchen-dining", "outdoor", "rugs", "sale"]
UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Mobile Safari/537.36",
]

STACKS = {
    "product": [("file_exists()", "app/Support/Media/ImageResolver.php:88"),
                ("resolve()", "app/Support/Media/ImageResolver.php:41"),
                ("galleryUrls()", "app/Models/Product.php:212"),
                ("toViewModel()", "app/Http/Controllers/ProductController.php:57"),
                ("show()", "app/Http/Controllers/ProductController.php:33"),
                ("dispatch()", "vendor/laravel/framework/src/Illuminate/Routing/ControllerDispatcher.php:46"),
                ("runController()", "vendor/laravel/framework/src/Illuminate/Routing/Route.php:260"),
                ("run()", "vendor/laravel/framework/src/Illuminate/Routing/Route.php:206"),
                ("handle()", "vendor/laravel/framework/src/Illuminate/Foundation/Http/Kernel.php:144"),
                ("[INCLUDE_OR_EVAL]()", "public/index.php:51")],
    "category": [("filemtime()", "app/Support/Media/ThumbnailCache.php:64"),
                 ("isFresh()", "app/Support/Media/ThumbnailCache.php:29"),
                 ("thumbnail()", "app/Support/Media/ImageResolver.php:102"),
                 ("thumbnailUrl()", "app/Models/Product.php:198"),
                 ("{closure}()", "app/Http/Controllers/CategoryController.php:71"),
                 ("map()", "vendor/laravel/framework/src/Illuminate/Collections/Collection.php:813"),
                 ("show()", "app/Http/Controllers/CategoryController.php:68"),
                 ("handle()", "vendor/laravel/framework/src/Illuminate/Foundation/Http/Kernel.php:144"),
                 ("[INCLUDE_OR_EVAL]()", "public/index.php:51")],
    "upload": [("fopen()", "vendor/league/flysystem-local/LocalFilesystemAdapter.php:118"),
               ("writeStream()", "vendor/league/flysystem-local/LocalFilesystemAdapter.php:111"),
               ("writeStream()", "vendor/league/flysystem/src/Filesystem.php:61"),
               ("store()", "app/Http/Controllers/ReviewPhotoController.php:40"),
               ("handle()", "vendor/laravel/framework/src/Illuminate/Foundation/Http/Kernel.php:144"),
               ("[INCLUDE_OR_EVAL]()", "public/index.php:51")],
}


def slowlog(host, t, pid, kind):
    f = "%s/php-fpm/www-slow.log" % host
    base = 0x7f3a2c413f20 + R.randrange(0, 0x1000) * 16
    lines = ["", "[%s]  [pool www] pid %d" % (fpm_ts(t), pid), "script_filename = %s/public/index.php" % RELEASE]
    for k, (fn, loc) in enumerate(STACKS[kind]):
        lines.append("[0x%016x] %s %s/%s" % (base - k * 0xa0, fn, RELEASE, loc))
    emit(f, t, "\n".join(lines))


def fpm(host, t, lvl, msg):
    emit("%s/php-fpm.log" % host, t, "[%s] %s: %s" % (fpm_ts(t), lvl, msg))


def nginx_access(host, t, ip, method, path, status, size, ref, ua, rt, urt):
    te = t + rt
    emit("%s/nginx/access.log" % host, te, '%s - - [%s] "%s %s HTTP/2.0" %d %d "%s" "%s" %.3f %s' % (
        ip, nginx_local(te), method, path, status, size, ref, ua, rt, urt))


def nginx_error(host, t, lvl, msg):
    emit("%s/nginx/error.log" % host, t, "%s [%s] %d#%d: %s" % (nginx_err_ts(t), lvl, NGX_PID[host], NGX_PID[host], msg))


NGX_PID = {"web01": 1187, "web02": 1190, "web03": 1176}
CONN = {"web01": 4410233, "web02": 4398120, "web03": 2210871}


def conn(host):
    CONN[host] += R.randint(1, 30)
    return CONN[host]


def client_ip():
    return "%d.%d.%d.%d" % (R.choice([24, 47, 71, 96, 104, 173, 184, 208]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))


def handle(host, t):
    pool = POOLS[host]
    x = R.random()
    ua = R.choice(UAS)
    ip = client_ip()
    if x < 0.36:
        kind, method, path = "product", "GET", "/p/%s" % R.choice(SLUGS)
        base_ms = lognorm(140, 0.35)
    elif x < 0.56:
        kind, method, path = "category", "GET", "/c/%s?page=%d" % (R.choice(CATS), R.randint(1, 4))
        base_ms = lognorm(190, 0.35)
    elif x < 0.74:
        kind, method, path = "api", "GET", "/api/cart"
        base_ms = lognorm(45, 0.3)
    elif x < 0.78:
        kind, method, path = "api", "POST", "/api/cart/items"
        base_ms = lognorm(70, 0.3)
    elif x < 0.795:
        kind, method, path = "upload", "POST", "/reviews/photos"
        base_ms = lognorm(300, 0.3)
    elif x < 0.81:
        kind, method, path = "api", "POST", "/checkout/place-order"
        base_ms = lognorm(420, 0.3)
    else:
        nginx_access(host, t, ip, "GET", "/build/assets/app-%s.js" % "Cq9x3Lk2", 200, 148211, "https://www.larkspur-home.net/", ua, 0.001, "-")
        return
    ref = "https://www.larkspur-home.net/" if kind != "api" else "https://www.larkspur-home.net/cart"
    free = pool.free(t)
    if free <= 0:
        if R.random() < 0.62:
            nginx_error(host, t, "error", '*%d connect() to unix:/run/php/php8.2-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream, client: %s, server: www.larkspur-home.net, request: "%s %s HTTP/2.0", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "www.larkspur-home.net", referrer: "%s"' % (conn(host), ip, method, path, ref))
            nginx_access(host, t, ip, method, path, 502, 552, ref, ua, 0.000, "-")
        else:
            te = t + 60.0
            nginx_error(host, te, "error", '*%d upstream timed out (110: Connection timed out) while reading response header from upstream, client: %s, server: www.larkspur-home.net, request: "%s %s HTTP/2.0", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock", host: "www.larkspur-home.net", referrer: "%s"' % (conn(host), ip, method, path, ref))
            nginx_access(host, t, ip, method, path, 504, 562, ref, ua, 60.001, "60.001")
        return
    pid = R.choice(pool.pids)
    if nfs_hung(t) and kind in ("product", "category", "upload"):
        release_nfs = NFS_OK + R.uniform(0.05, 2.0)
        if release_nfs - t < TERMINATE:
            dur = release_nfs - t + base_ms / 1000.0
            pool.busy.append((t + dur, pid))
            if dur > 10:
                fpm(host, t + 10.0, "WARNING", '[pool www] child %d, script \'%s/public/index.php\' (request: "%s /index.php") executing too slow (%.6f sec), logging' % (pid, RELEASE, method, 10.0 + R.uniform(0.0, 0.99)))
                fpm(host, t + 10.001, "NOTICE", "child %d stopped for tracing" % pid)
                fpm(host, t + 10.002, "NOTICE", "about to trace %d" % pid)
                slowlog(host, t + 10.0, pid, kind)
                fpm(host, t + 10.004, "NOTICE", "finished trace of %d" % pid)
            code = 200 if kind != "upload" else 201
            nginx_access(host, t, ip, method, path, code, R.randint(30000, 90000) if code == 200 else 88, ref, ua, dur + 0.001, "%.3f" % dur)
            return
        te = t + TERMINATE + R.uniform(0.0, 0.9)
        pool.busy.append((te + 0.05, pid))
        fpm(host, t + 10.0, "WARNING", '[pool www] child %d, script \'%s/public/index.php\' (request: "%s /index.php") executing too slow (%.6f sec), logging' % (pid, RELEASE, method, 10.0 + R.uniform(0.0, 0.99)))
        fpm(host, t + 10.001, "NOTICE", "child %d stopped for tracing" % pid)
        fpm(host, t + 10.002, "NOTICE", "about to trace %d" % pid)
        if R.random() < 0.3:
            fpm(host, t + 10.003, "ERROR", "failed to ptrace(PEEKDATA) pid %d: Input/output error (5)" % pid)
        else:
            slowlog(host, t + 10.0, pid, kind)
        fpm(host, t + 10.004, "NOTICE", "finished trace of %d" % pid)
        fpm(host, te, "WARNING", '[pool www] child %d, script \'%s/public/index.php\' (request: "%s /index.php") execution timed out (%.6f sec), terminating' % (pid, RELEASE, method, te - t))
        fpm(host, te + 0.004, "WARNING", "[pool www] child %d exited on signal 15 (SIGTERM) after %.6f seconds from start" % (pid, R.uniform(80, 2400)))
        newpid = pool.spawn_pid()
        fpm(host, te + 0.005, "NOTICE", "[pool www] child %d started" % newpid)
        if pid in pool.pids:
            pool.pids.remove(pid)
        pool.pids.append(newpid)
        nginx_error(host, te, "error", '*%d upstream prematurely closed FastCGI stdout while reading response header from upstream, client: %s, server: www.larkspur-home.net, request: "%s %s HTTP/2.0", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "www.larkspur-home.net", referrer: "%s"' % (conn(host), ip, method, path, ref))
        nginx_access(host, t, ip, method, path, 502, 552, ref, ua, te - t + 0.001, "%.3f" % (te - t))
        return
    dur = base_ms / 1000.0
    pool.busy.append((t + dur, pid))
    code = 200
    if kind == "api" and path == "/checkout/place-order":
        code = 302 if R.random() > 0.05 else 422
    if kind == "upload":
        code = 201
    if kind == "product" and R.random() < 0.01:
        code = 404
    nginx_access(host, t, ip, method, path, code, R.randint(30000, 90000) if code == 200 else R.randint(60, 900), ref, ua, dur + 0.001, "%.3f" % dur)


def traffic():
    t = START
    while t < END:
        t += R.expovariate(2.4)
        host = WEB[R.randrange(3)][0]
        handle(host, t)
        pool = POOLS[host]
        if pool.free(t) <= 0:
            if not pool.at_max:
                fpm(host, t, "WARNING", "[pool www] server reached pm.max_children setting (%d), consider raising it" % MAX_CHILDREN)
                pool.at_max = True
        elif pool.free(t) > 2:
            pool.at_max = False


def background_syslog():
    hosts = [h for h, ip in WEB] + [NFS_HOST, "worker01"]
    for h in hosts:
        t = START + R.uniform(0, 60)
        while t < END:
            t += R.uniform(40, 160)
            x = R.random()
            pid = R.randint(100000, 999999)
            if x < 0.3:
                syslog(h, t, 86, "CRON", str(pid), "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)")
                syslog(h, t + 0.01, 78, "CRON", str(pid + 1), "(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)")
                syslog(h, t + 0.3, 86, "CRON", str(pid), "pam_unix(cron:session): session closed for user root")
            elif x < 0.45:
                syslog(h, t, 38, "sshd", str(pid), "Invalid user %s from %d.%d.%d.%d port %d" % (R.choice(["admin", "oracle", "ubnt", "test", "git"]), R.randint(1, 223), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254), R.randint(30000, 65000)))
                syslog(h, t + 0.2, 38, "sshd", str(pid), "Connection closed by invalid user admin %d.%d.%d.%d port %d [preauth]" % (R.randint(1, 223), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254), R.randint(30000, 65000)))
            elif x < 0.6:
                syslog(h, t, 30, "systemd", "1", "Starting sysstat-collect.service - system activity accounting tool...")
                syslog(h, t + 0.05, 30, "systemd", "1", "sysstat-collect.service: Deactivated successfully.")
                syslog(h, t + 0.051, 30, "systemd", "1", "Finished sysstat-collect.service - system activity accounting tool.")
            elif x < 0.7:
                syslog(h, t, 30, "systemd-networkd", "612", "ens5: DHCPv4 address %s/24, gateway 10.20.1.1 acquired from 10.20.1.1" % (dict(WEB).get(h, "10.20.2.30")))
            elif x < 0.8 and h != NFS_HOST:
                syslog(h, t, 28, "node_exporter", "911", 'ts=%s caller=collector.go:169 level=error msg="collector failed" name=hwmon duration_seconds=0.0021 err="open /sys/class/hwmon/hwmon1/temp1_input: no such device"' % rfc5424_ts(t).replace("+00:00", "Z"))
            elif h == NFS_HOST and x < 0.85:
                syslog(h, t, 30, "rpc.mountd", "812", "authenticated mount request from 10.20.%d.%d:%d for /export/media (/export/media)" % (R.choice([1, 2]), R.randint(11, 30), R.randint(600, 1000)))
            else:
                syslog(h, t, 30, "chronyd", "701", "Selected source 169.254.169.123")
    t = T(9, 41, 17.0)
    while t < END:
        syslog(NFS_HOST, t, 26, "smartd", "733", "Device: /dev/sdd [SAT], 8 Currently unreadable (pending) sectors",
               sd='[meta sequenceId="%d"]' % R.randint(1000, 9999))
        syslog(NFS_HOST, t + 0.01, 26, "smartd", "733", "Device: /dev/sdd [SAT], 8 Offline uncorrectable sectors")
        syslog(NFS_HOST, t + 0.02, 30, "smartd", "733", "Device: /dev/sdb [SAT], SMART Usage Attribute: 194 Temperature_Celsius changed from %d to %d" % (R.randint(33, 36), R.randint(33, 36)))
        t += 1800
    for h, ip in WEB:
        t = START + R.uniform(0, 40)
        while t < END:
            t += R.uniform(60, 240)
            nginx_error(h, t, "error", '*%d open() "/var/www/shop/current/public/apple-touch-icon.png" failed (2: No such file or directory), client: %s, server: www.larkspur-home.net, request: "GET /apple-touch-icon.png HTTP/1.1", host: "www.larkspur-home.net"' % (conn(h), client_ip()))
            if R.random() < 0.3:
                nginx_error(h, t + 3, "warn", '*%d a client request body is buffered to a temporary file /var/cache/nginx/client_temp/%010d, client: %s, server: www.larkspur-home.net, request: "POST /reviews/photos HTTP/2.0", host: "www.larkspur-home.net"' % (conn(h), R.randint(10 ** 8, 10 ** 9), client_ip()))
        t = START + R.uniform(0, 100)
        while t < END:
            t += R.uniform(120, 400)
            fpm(h, t, "WARNING", "[pool www] seems busy (you may need to increase pm.start_servers, or pm.min/max_spare_servers), spawning 8 children, there are 2 idle, and 14 total children")
        t = START + R.uniform(0, 30)
        while t < END:
            t += R.uniform(25, 90)
            x = R.random()
            if x < 0.4:
                msg = 'production.WARNING: Stripe webhook signature verification failed {"event":"evt_%s","ip":"54.187.%d.%d"}' % (hexid(24), R.randint(0, 255), R.randint(1, 254))
            elif x < 0.7:
                msg = 'production.ERROR: Undefined array key "variant_id" {"userId":%d,"exception":"[object] (ErrorException(code: 0): Undefined array key \\"variant_id\\" at %s/app/Services/Cart/CartMerger.php:77)"}' % (R.randint(10000, 99999), RELEASE)
            else:
                msg = 'production.INFO: Order placed {"order":"LH-%07d","total":"%d.%02d","gateway":"stripe"}' % (R.randint(1000000, 9999999), R.randint(20, 900), R.randint(0, 99))
            emit("%s/laravel.log" % h, t, "[%s] %s" % (laravel_ts(t), msg))


def nfs_server_kernel():
    h = NFS_HOST
    t = DISK_HANG + 30.0
    k = 0
    while t < MD_KICK - 5:
        tag = R.randint(100, 4000)
        sector = R.randint(1900000000, 1960000000)
        kern(h, t, 3, "sd 0:0:3:0: [sdd] tag#%d FAILED Result: hostbyte=DID_TIME_OUT driverbyte=DRIVER_OK cmd_age=30s" % tag)
        kern(h, t + 0.0001, 3, "sd 0:0:3:0: [sdd] tag#%d CDB: Read(16) 88 00 00 00 00 00 %02x %02x %02x 00 00 00 00 80 00 00" % (tag, R.randint(0, 255), R.randint(0, 255), R.randint(0, 255)))
        kern(h, t + 0.0002, 3, "I/O error, dev sdd, sector %d op 0x0:(READ) flags 0x4000 phys_seg 16 prio class 2" % sector)
        if k % 3 == 1:
            kern(h, t + 1.2, 4, "mpt3sas_cm0: log_info(0x31120303): originator(PL), code(0x12), sub_code(0x0303)")
            kern(h, t + 6.8, 5, "sd 0:0:3:0: Power-on or device reset occurred")
        k += 1
        t += R.uniform(28, 95)
    for n, tt in enumerate((DISK_HANG + 123.1, DISK_HANG + 245.9, DISK_HANG + 368.6, DISK_HANG + 491.4)):
        pid = [1432, 1438, 1441, 1429][n]
        kern(h, tt, 3, "INFO: task nfsd:%d blocked for more than %d seconds." % (pid, 120 + 2 * n))
        kern(h, tt + 0.0001, 3, "      Not tainted 5.15.0-118-generic #128-Ubuntu")
        kern(h, tt + 0.0002, 3, '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.')
        kern(h, tt + 0.0003, 6, "task:nfsd            state:D stack:    0 pid:%5d ppid:     2 flags:0x00004000" % pid)
        kern(h, tt + 0.0004, 4, "Call Trace:")
        for fr in ["<TASK>", "__schedule+0x24e/0x590", "schedule+0x69/0x110", "io_schedule+0x46/0x80", "folio_wait_bit_common+0x14f/0x350",
                   "filemap_read+0x3c6/0x3f0", "xfs_file_buffered_read+0x5d/0xd0 [xfs]", "xfs_file_read_iter+0x74/0xe0 [xfs]",
                   "nfsd_splice_read+0x7c/0x100 [nfsd]", "nfsd4_encode_read+0x10b/0x150 [nfsd]", "nfsd4_proc_compound+0x40d/0x700 [nfsd]",
                   "nfsd_dispatch+0x167/0x280 [nfsd]", "svc_process_common+0x2f3/0x5c0 [sunrpc]", "nfsd+0xdc/0x1b0 [nfsd]", "kthread+0x127/0x150", "</TASK>"]:
            kern(h, tt + 0.0005, 4, " " + fr)
    kern(h, MD_KICK, 2, "md/raid10:md0: Disk failure on sdd, disabling device.")
    kern(h, MD_KICK + 0.0001, 2, "md/raid10:md0: Operation continuing on 5 devices.")
    syslog(h, MD_KICK + 0.4, 26, "mdadm", "1544", "Fail event detected on md device /dev/md0, component device /dev/sdd", msgid="Fail")
    syslog(h, MD_KICK + 0.5, 29, "systemd", "1", "Started mdadm-last-resort@md0.timer - Timer to wait for more drives before activating degraded array md0..")


def nfs_clients_kernel():
    clients = [(h, DISK_HANG + R.uniform(64, 75)) for h, ip in WEB] + [("worker01", DISK_HANG + 81.3)]
    for h, t0 in clients:
        kern(h, t0, 4, "nfs: server %s not responding, still trying" % NFS_FQDN)
        t = t0 + R.uniform(170, 190)
        while t < NFS_OK:
            kern(h, t, 4, "nfs: server %s not responding, still trying" % NFS_FQDN)
            t += R.uniform(170, 190)
        kern(h, NFS_OK + R.uniform(0.01, 0.5), 5, "nfs: server %s OK" % NFS_FQDN)
        if h == "worker01":
            continue
        for n in range(3):
            tt = t0 + 60 + n * 123.0 + R.uniform(0, 3)
            if tt > NFS_OK:
                break
            pid = POOLS[h].next_pid - R.randint(5, 200)
            kern(h, tt, 3, "INFO: task php-fpm8.2:%d blocked for more than 120 seconds." % pid)
            kern(h, tt + 0.0001, 3, "      Not tainted 6.8.0-1012-aws #13~22.04.1-Ubuntu")
            kern(h, tt + 0.0002, 3, '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.')
            kern(h, tt + 0.0003, 6, "task:php-fpm8.2      state:D stack:0     pid:%d   tgid:%d  ppid:%d  flags:0x00000002" % (pid, pid, 1021))
            kern(h, tt + 0.0004, 4, "Call Trace:")
            for fr in ["<TASK>", "__schedule+0x27c/0x6a0", "schedule+0x33/0x110", "rpc_wait_bit_killable+0x11/0x70 [sunrpc]",
                       "__wait_on_bit+0x42/0x110", "out_of_line_wait_on_bit+0x8c/0xb0", "__rpc_execute+0x110/0x490 [sunrpc]",
                       "rpc_execute+0xbf/0x110 [sunrpc]", "rpc_run_task+0x12c/0x190 [sunrpc]", "nfs4_call_sync_sequence+0x74/0xb0 [nfsv4]",
                       "_nfs4_proc_getattr+0x11c/0x160 [nfsv4]", "nfs4_proc_getattr+0x69/0x110 [nfsv4]", "__nfs_revalidate_inode+0xbe/0x2f0 [nfs]",
                       "nfs_getattr+0x1d1/0x3d0 [nfs]", "vfs_statx+0x9c/0x160", "__do_sys_newstat+0x3d/0x80", "do_syscall_64+0x81/0x170",
                       "entry_SYSCALL_64_after_hwframe+0x78/0x80", "</TASK>"]:
                kern(h, tt + 0.0005, 4, " " + fr)


def erp_sync():
    f = "worker01/erp-sync/erp-sync.log"
    t = START
    while t < ERP_DEPLOY:
        t += R.uniform(20, 40)
        emit(f, t, "%s INFO [erp_sync.jobs] synced %d stock levels from ERP (batch=%s)" % (py_ts(t), R.randint(40, 300), hexid(8)))
    syslog("worker01", ERP_DEPLOY - 1.0, 30, "systemd", "1", "Stopping erp-sync.service - Larkspur ERP stock/price sync...")
    syslog("worker01", ERP_DEPLOY - 0.2, 30, "systemd", "1", "erp-sync.service: Deactivated successfully.")
    syslog("worker01", ERP_DEPLOY, 30, "systemd", "1", "Started erp-sync.service - Larkspur ERP stock/price sync.")
    emit(f, ERP_DEPLOY + 0.8, "%s INFO [erp_sync] starting erp-sync 2.4.0 (git 3be91f2) with 4 workers" % py_ts(ERP_DEPLOY + 0.8))
    emit(f, ERP_DEPLOY + 1.0, "%s WARNING [erp_sync.config] ERP_PAGE_SIZE not set, defaulting to 500" % py_ts(ERP_DEPLOY + 1.0))
    t = ERP_DEPLOY + 2
    while t < END:
        t += R.uniform(6, 25)
        if R.random() < 0.55:
            te = t + 30.0
            emit(f, te, "%s ERROR [erp_sync.jobs] batch %s failed, will retry\nTraceback (most recent call last):\n"
                        "  File \"/opt/erp-sync/venv/lib/python3.11/site-packages/urllib3/connectionpool.py\", line 536, in _make_request\n"
                        "    response = conn.getresponse()\n"
                        "  File \"/opt/erp-sync/venv/lib/python3.11/site-packages/urllib3/connection.py\", line 507, in getresponse\n"
                        "    httplib_response = super().getresponse()\n"
                        "TimeoutError: The read operation timed out\n\n"
                        "During handling of the above exception, another exception occurred:\n\n"
                        "Traceback (most recent call last):\n"
                        "  File \"/opt/erp-sync/erp_sync/jobs.py\", line 88, in run_batch\n"
                        "    rows = self.client.fetch_stock(page=page, size=self.page_size)\n"
                        "  File \"/opt/erp-sync/erp_sync/client.py\", line 41, in fetch_stock\n"
                        "    r = self.session.get(f\"{self.base}/api/v3/stock\", params=params, timeout=30)\n"
                        "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='erp.fenwick-supply.com', port=443): Read timed out. (read timeout=30)" % (py_ts(te), hexid(8)))
        else:
            emit(f, t, "%s INFO [erp_sync.jobs] synced %d stock levels from ERP (batch=%s)" % (py_ts(t), R.randint(200, 500), hexid(8)))


def mysql_slowlog():
    f = "db01/mysql/mysql-slow.log"
    t = START
    while t < END:
        t += R.uniform(30, 140)
        qt = lognorm(2.8, 0.4)
        q = R.choice([
            "SELECT p.*, COUNT(r.id) AS reviews FROM products p LEFT JOIN reviews r ON r.product_id = p.id WHERE p.status = 'active' GROUP BY p.id ORDER BY reviews DESC LIMIT 24;",
            "SELECT * FROM orders WHERE customer_email LIKE '%%@gmail.com' AND created_at > '2025-07-01' ORDER BY id DESC;",
            "DELETE FROM sessions WHERE last_activity < 1755140000;",
        ])
        emit(f, t, "# Time: %s\n# User@Host: shop[shop] @  [10.20.1.%d]  Id: %d\n# Query_time: %.6f  Lock_time: 0.000%03d Rows_sent: %d  Rows_examined: %d\nSET timestamp=%d;\n%s" % (
            dt(t).strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % dt(t).microsecond, R.randint(11, 13), R.randint(900000, 999999), qt, R.randint(10, 99),
            R.randint(0, 500), R.randint(200000, 3000000), int(t), q))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    traffic()
    background_syslog()
    nfs_server_kernel()
    nfs_clients_kernel()
    erp_sync()
    mysql_slowlog()
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
