public import CausewayCore
public import Foundation

/// What ingestion hands the analysis: the incident's lines reduced to templates, and what was read.
public struct IncidentLog: Sendable {
    /// Templates sorted by first appearance, then service and id.
    public var templates: [LogTemplate]
    public var statistics: IngestStatistics
    /// Spans seen through trace and span ids in the lines (sampled consistently by trace when many).
    public var spans: [ObservedSpan]
    /// Lines that carry a trace id, by trace then time (sampled consistently by trace when many).
    public var tracedLines: [TracedLine]
    /// Reads lines back from the input files, for evidence the streaming pass did not keep.
    public var sourceLines = SourceLineReader()
    /// Calls between services read off trace exports (provenance `traced`), sorted, one per (caller,
    /// callee), with their traffic and the spans' lines as evidence.
    public var tracedCalls: [Topology.Call]

    public init(
        templates: [LogTemplate], statistics: IngestStatistics, spans: [ObservedSpan] = [], tracedLines: [TracedLine] = [],
        tracedCalls: [Topology.Call] = []
    ) {
        self.templates = templates
        self.statistics = statistics
        self.spans = spans
        self.tracedLines = tracedLines
        self.tracedCalls = tracedCalls
    }
}

/// Collects sources and reads them with the ``IngestEngine``: a convenience for callers that add inputs one
/// at a time.
///
/// Every line is accounted for: it becomes part of a record, is joined to the record above it as a
/// continuation, or is counted in ``IngestStatistics/skipped`` with its reason.
public struct LogIngestor {
    public struct Options: Sendable {
        /// Services known before reading (from the topology): accepted as service names in any position.
        public var knownServices: Set<ServiceName>
        /// The declared topology, if any: a caller's lone dependency is what its cluster-internal addresses
        /// under another name stand for.
        public var declared: Topology
        /// The service for lines that name none, when neither they nor their file name tell.
        public var defaultService: ServiceName?
        /// Threads to read with.
        public var workers: Int
        public var progress: ProgressCounter?

        public init(
            knownServices: Set<ServiceName> = [], declared: Topology = Topology(),
            defaultService: ServiceName? = nil, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
            progress: ProgressCounter? = nil
        ) {
            self.knownServices = knownServices
            self.declared = declared
            self.defaultService = defaultService
            self.workers = workers
            self.progress = progress
        }
    }

    /// Lines longer than this are cut (and counted): a message never needs more to be classified.
    public static let maximumLineBytes = LineReader.maximumLineBytes

    private let engine: IngestEngine
    private var sources: [LogSource] = []

    public init(rulebook: SignalRulebook, options: Options = Options()) {
        engine = IngestEngine(
            rulebook: rulebook,
            options: .init(
                knownServices: options.knownServices, declared: options.declared,
                defaultService: options.defaultService, workers: options.workers,
                progress: options.progress))
    }

    /// Adds a file (plain or gzip).
    public mutating func ingest(fileAt path: String, displayPath: String) {
        sources.append(.file(path: path, displayPath: displayPath))
    }

    /// Adds bytes already in memory. `fileService` is ignored when the display path names a service itself.
    public mutating func ingest(data: Data, displayPath: String, fileService: ServiceName? = nil) {
        sources.append(.data(data, displayPath: displayPath))
    }

    /// Adds standard input.
    public mutating func ingestStandardInput(displayPath: String = "<stdin>") {
        sources.append(.standardInput(displayPath: displayPath))
    }

    /// Reads everything added so far.
    public func finish() -> IncidentLog {
        var log = engine.run(sources)
        log.sourceLines = SourceLineReader(
            files: sources.compactMap { source in
                if case .file(let path, let displayPath) = source { return (path, displayPath) }
                return nil
            })
        return log
    }

    // MARK: - Helpers

    /// More than 1% NUL bytes or 10% other control bytes in the first 8 KiB: not a log.
    static func looksBinary(_ data: Data) -> Bool {
        let head = data.prefix(8192)
        var nul = 0
        var control = 0
        for byte in head {
            if byte == 0 {
                nul += 1
            } else if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x1B {
                control += 1
            }
        }
        return nul * 100 > head.count || control * 10 > head.count
    }

    /// The service a file's path names: its file name (``service(fromFileName:)``), unless that name is generic
    /// or names only the software that wrote it (`postgresql-2026-03-12_132000.log`, `access.log`,
    /// `gunicorn-error.log`, `products_index_search_slowlog.json`): then the nearest folder above it that is not
    /// generic (`orders-db/postgresql-….log` is orders-db's, `edge-nginx/access.log` edge-nginx's), or else the
    /// nearest folder that names software too (`orders-mysql/mysql-slow.log` is orders-mysql's). `path` is
    /// the display path: relative to the folder the user gave, so folders above it never count.
    ///
    /// A host's file system collected under a folder named for the host, in turn under a folder named for
    /// the service (`storefront/web-01/var/log/php8.2-fpm/www-slow.log`, `orders-mysql/db-orders-01/var/log/
    /// mysql/error.log`), is that service's, whatever its words: where a program writes on the host says
    /// nothing of which deployment it serves.
    public static func service(fromPath path: String) -> ServiceName? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard let file = parts.last else { return nil }
        if let root = parts.dropLast().firstIndex(where: { hostRootFolders.contains($0.lowercased()) }), root >= 2,
            let service = service(fromFileName: String(parts[root - 2]))
        {
            return service
        }
        let named = service(fromFileName: String(file))
        if let named, !namesSoftware(named) { return named }
        // A file the program names for itself (`system.log`, `journal.log`) in an instance's folder (a host or
        // a pod numbered within its service and named after it: `cass-inbox-06`, `stor-03`) under the
        // service's folder is that service's: `inbox-cassandra/cass-inbox-06/system.log` is inbox-cassandra's.
        // An instance named for itself under a folder that groups several (`messaging/rabbitmq-2`) keeps its name.
        if parts.count >= 3, isInstanceName(parts[parts.count - 2]), let instance = service(fromFileName: String(parts[parts.count - 2])),
            !namesSoftware(instance), let service = service(fromFileName: String(parts[parts.count - 3])), sharesWord(instance, service)
        {
            return service
        }
        var software: ServiceName?
        for folder in parts.dropLast().reversed() {
            guard let service = service(fromFileName: String(folder)) else { continue }
            // A folder named for the software (`W3SVC2`, `nginx`) says less than one above it.
            if !namesSoftware(service) { return service }
            if software == nil { software = service }
        }
        // Every name on the path is the software's. A file name made of nothing else (`mysql-slow.log`)
        // gives way to the folder's (`orders-mysql/mysql-slow.log` is orders-mysql's); one with a word of
        // its own (`ingress-nginx-controller-…_controller.log`) does not.
        if let named, let software, namesOnlySoftware(named) { return software }
        return named ?? software
    }

    /// Whether one name's word begins another's (three letters at least): `cass-inbox` and `inbox-cassandra`,
    /// `stor` and `media-store`.
    static func sharesWord(_ a: ServiceName, _ b: ServiceName) -> Bool {
        let other = words(of: b)
        return words(of: a).contains { word in
            other.contains { min(word.count, $0.count) >= 3 && (word.hasPrefix($0) || $0.hasPrefix(word)) }
        }
    }

    /// A name that numbers one of several instances: words, then a number of one to three digits as the last
    /// word (`stor-03`, `cass-inbox-06`, `kafka-0`), or one word of letters and such a number (`web01`). A
    /// pod's generated suffix (`legacy-orders-5c9d7f8b6-gztq5`) is no number.
    static func isInstanceName(_ name: Substring) -> Bool {
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let last = words.last else { return false }
        if words.count >= 2 {
            return (1...3).contains(last.count) && last.allSatisfy(\.isASCIIDigit) && words.dropLast().contains { $0.contains(where: \.isLetter) }
        }
        let letters = last.prefix(while: \.isLetter)
        let digits = last.dropFirst(letters.count)
        return !letters.isEmpty && (1...3).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit)
    }

    /// Every word of the name is a ``softwareWords`` word, or the whole of it a ``processRoleNames`` name.
    static func namesOnlySoftware(_ service: ServiceName) -> Bool {
        processRoleNames.contains(service.rawValue) || words(of: service).allSatisfy { softwareWords.contains(String($0)) }
    }

    /// A name's words, between its `-`, `_` and `.`.
    static func words(of service: ServiceName) -> [Substring] {
        service.rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
    }

    /// ``service(fromPath:)`` in the words of a topology: when the name the path gives is not one of `known`
    /// (nor a shorter or longer form of one), the nearest part of the path that is, file name first, then the
    /// folders up (`opensearch/opensearch-data-2/catalog-search.log` is `opensearch`'s when the topology names
    /// `opensearch` and not the cluster `catalog-search` its log file is named after).
    public static func service(fromPath path: String, known: Set<ServiceName>) -> ServiceName? {
        let named = service(fromPath: path).map { $0.knownForm(in: known) ?? $0 }
        guard !known.isEmpty, named.map({ !known.contains($0) }) ?? true else { return named }
        for part in path.split(separator: "/", omittingEmptySubsequences: true).reversed() {
            guard let service = service(fromFileName: String(part)) else { continue }
            if known.contains(service) { return service }
            if let form = service.knownForm(in: known) { return form }
            // An export named for what it holds after the resource (`frontdoor_AzureDiagnostics_FrontDoorAccessLog.csv`).
            if let head = service.rawValue.split(separator: "_").first, head.count < service.rawValue.count, known.contains(ServiceName(String(head))) {
                return ServiceName(String(head))
            }
        }
        return named
    }

    /// The service a file is named after (`payments-worker.log`, `payments-worker-7d9f8-x2x1q.log.gz`,
    /// `orders-api.log.1`, `inventory-2026-03-12.log`), unless the name is a generic one that says nothing
    /// about a service. Rotation numbers and dates at the end of the name are not part of it. An AWS load
    /// balancer's log file (`…_elasticloadbalancing_eu-central-1_app.shop-alb.50dc…_20260514T0700Z_….log`)
    /// names its load balancer.
    public static func service(fromFileName path: String) -> ServiceName? {
        var name = (path as NSString).lastPathComponent.lowercased()
        if let balancer = loadBalancer(inLogFileName: name) { return balancer }
        // CloudTrail's delivery files (`<account>_CloudTrail_<region>_<time>_<id>.json.gz`): each record names its own.
        if name.contains("_cloudtrail_") || name.contains("_cloudtrail-digest_") { return nil }
        var changed = true
        while changed {
            changed = false
            for suffix in [".gz", ".log", ".txt", ".json", ".jsonl", ".ndjson", ".clef", ".out", ".err", ".csv", ".tsv", ".stderr", ".stdout"]
            where name.hasSuffix(suffix) {
                name = String(name.dropLast(suffix.count))
                changed = true
            }
            let undated = withoutDateSuffix(name)
            if undated != name, !undated.isEmpty {
                name = undated
                changed = true
            }
        }
        // A generated instance id at the end (`catalog-indexer-driver-773f0189`, a Spark driver pod; a container's
        // short id): hex of eight or more holding a digit and a letter.
        if let dash = name.lastIndex(of: "-"), name[..<dash].contains(where: \.isLetter), isGeneratedID(name[name.index(after: dash)...]) {
            name = String(name[..<dash])
        }
        // Kubernetes' own names for container log files: `<pod>_<namespace>_<container>-<container id>` (the
        // node's /var/log/containers) and `<pod>_<container>` (kubectl and stern dumps): the pod names the service.
        if let underscore = name.firstIndex(of: "_") {
            let head = name[..<underscore]
            if let pod = ServiceName.normalized(head), pod.rawValue != head.lowercased(), pod.rawValue.contains(where: \.isLetter) {
                return pod
            }
        }
        // IIS names its W3C logs `u_ex` and the date (`u_ex25031108.log`): the software's name, not a service's.
        if name.hasPrefix("u_ex"), name.dropFirst(4).allSatisfy(\.isASCIIDigit), name.count > 4 { name = "iis" }
        // And each site's folder `W3SVC` and the site's number.
        if name.hasPrefix("w3svc"), name.dropFirst(5).allSatisfy(\.isASCIIDigit) { name = "iis" }
        // A collector's word before a name (`docker-memcached.log`, `kubectl-orders.log`) is not part of it.
        for collector in ["docker-", "docker_", "kubectl-", "compose-", "container-", "stern-"] where name.hasPrefix(collector) && name.count > collector.count + 1 {
            name = String(name.dropFirst(collector.count))
            break
        }
        // A name made only of a date, numbers, ids and `latest` (a CloudWatch stream, `2025_03_11_LATEST_41a0…`)
        // names none either.
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == "[" || $0 == "]" || $0 == "$" })
        if !words.isEmpty, words.allSatisfy({ word in
            word == "latest" || isDateOrNumber(word) || isGeneratedID(word)
        }) {
            return nil
        }
        // A name made only of generic words (`all-services`, `combined_logs`) names no service either.
        guard !genericNames.contains(name), let service = ServiceName.normalized(name),
            !service.rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).allSatisfy({ genericNames.contains(String($0)) }),
            service.rawValue.contains(where: \.isLetter)
        else { return nil }
        return service
    }

    /// Which container a kubelet's log file belongs to, when its path tells one run of a container from the
    /// next: `/var/log/containers/<pod>_<namespace>_<container>-<container id>.log` (a restart gets a new id)
    /// and `/var/log/pods/<namespace>_<pod>_<uid>/<container>/<restart count>.log`. Files of one container
    /// share the returned key; nil for any other path.
    public static func containerRun(ofPath path: String) -> String? {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard var file = parts.popLast() else { return nil }
        for suffix in [".gz", ".log"] where file.hasSuffix(suffix) { file = String(file.dropLast(suffix.count)) }
        let folder = parts.joined(separator: "/")
        // `<restart count>.log` in a container's folder under a `<namespace>_<pod>_<uid>` folder.
        if !file.isEmpty, file.allSatisfy(\.isASCIIDigit), parts.count >= 2, parts[parts.count - 2].split(separator: "_").count == 3 {
            return folder
        }
        // `<pod>_<namespace>_<container>-<64 hex>`.
        guard let dash = file.lastIndex(of: "-"), file[..<dash].split(separator: "_", omittingEmptySubsequences: false).count == 3
        else { return nil }
        let id = file[file.index(after: dash)...]
        guard id.count >= 12, id.allSatisfy(\.isHexDigit) else { return nil }
        return folder + "/" + file[..<dash]
    }

    /// The top folders of a Unix file system, where a host's collected files start (`web-01/var/log/…`,
    /// `app-01/home/deploy/.pm2/logs/…`).
    static let hostRootFolders: Set<String> = ["var", "srv", "opt", "home", "usr", "etc"]

    /// Words that name no service: file and folder names of collections, streams and dumps.
    static let genericNames: Set<String> = [
        "log", "logs", "app", "application", "incident", "output", "combined", "all", "messages", "syslog", "stdout",
        "stderr", "events", "console", "server", "main", "current", "latest", "input", "dump", "export", "k8s-events",
        "kube-events", "kubernetes-events", "stdin", "trace", "traces", "spans", "services", "service", "containers",
        "pods", "kubectl", "compose", "docker", "docker-compose", "shipper", "stream", "apps", "legacy", "access", "error",
        "var", "tmp", "data", "case", "cases", "collected", "capture", "raw", "files", "http_requests", "http-requests", "requests",
        "hosts", "nodes", "machines", "servers", "instances", "vms",
    ]

    /// Words of a file name that name the software writing it, not the deployment it serves: a folder above
    /// such a file names the service better (`orders-db/postgresql.log`, `checkout/gunicorn-access.log`).
    static let softwareWords: Set<String> = [
        "access", "error", "errors", "slowlog", "slow", "audit", "gc", "postgresql", "postgres", "mysql", "mysqld", "mariadb",
        "nginx", "httpd", "apache", "apache2", "haproxy", "envoy", "caddy", "traefik", "gunicorn", "uwsgi", "puma", "catalina",
        "tomcat", "fpm", "laravel", "production", "development", "staging", "dmesg", "kern", "kernel", "journal", "journald",
        "iis", "w3svc", "gelf", "flink", "varnishncsa", "varnishlog", "heroku",
    ]

    /// Whole names that say which process or channel of a program wrote the file, not which deployment: Spark's
    /// `driver.log` and `executor.log` sit in the folder of the application they run; Cassandra writes
    /// `system.log` and `debug.log`, Kafka `controller.log` and `state-change.log`, RabbitMQ `rabbit.log`, and
    /// a data store's server binary names its own log (`clickhouse-server.log`, `redis-server.log`, `mongod.log`),
    /// each in a folder named for the node or cluster. A service mesh's sidecar (`istio-proxy.log`,
    /// `linkerd-proxy.log` in a pod's folder) speaks for the pod it runs in.
    static let processRoleNames: Set<String> = [
        "driver", "executor", "executors", "system", "debug", "controller", "state-change", "log-cleaner", "rabbit",
        "clickhouse-server", "redis-server", "mongod", "mongos", "keydb-server", "valkey-server", "istio-proxy", "linkerd-proxy",
    ]

    static func namesSoftware(_ service: ServiceName) -> Bool {
        processRoleNames.contains(service.rawValue) || words(of: service).contains { softwareWords.contains(String($0)) }
    }

    /// `name` without the dates, times and rotation numbers at its end (`postgresql-2026-03-12_132000` →
    /// `postgresql`, `app.log.1` → `app.log`, `laravel-2026-02` → `laravel`).
    static func withoutDateSuffix(_ name: String) -> String {
        // A host named by its address (`ip-10-1-2-33`, EC2's private DNS names) keeps its numbers.
        let parts = name.split(separator: "-")
        if parts.count == 5, parts[0] == "ip", parts.dropFirst().allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) { return name }
        var end = name.endIndex
        while end > name.startIndex {
            let head = name[..<end]
            let separator = head.lastIndex { $0 == "-" || $0 == "_" || $0 == "." }
            let tokenStart = separator.map { head.index(after: $0) } ?? head.startIndex
            let token = head[tokenStart...]
            guard !token.isEmpty, isDateOrNumber(token), let separator else { break }
            end = separator
        }
        return String(name[..<end])
    }

    /// A generated id: eight or more hex digits holding a digit (`773f0189`, a container's or a stream's id).
    static func isGeneratedID(_ word: Substring) -> Bool {
        word.count >= 8 && word.allSatisfy(\.isHexDigit) && word.contains(where: \.isASCIIDigit)
    }

    /// Digits alone (`2026`, `132000`, `1`), or a compact date-time (`20260514t0700z`).
    static func isDateOrNumber(_ token: Substring) -> Bool {
        if token.allSatisfy(\.isASCIIDigit) { return true }
        let parts = token.split(separator: "t", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 8, parts[0].allSatisfy(\.isASCIIDigit) else { return false }
        let time = parts[1].hasSuffix("z") ? parts[1].dropLast() : parts[1]
        return (4...6).contains(time.count) && time.allSatisfy(\.isASCIIDigit)
    }

    /// The load balancer an AWS Elastic Load Balancing log file is named after:
    /// `account_elasticloadbalancing_region_app.NAME.ID_time_ip_random`.
    static func loadBalancer(inLogFileName name: String) -> ServiceName? {
        let fields = name.split(separator: "_")
        guard fields.count >= 4, fields[1] == "elasticloadbalancing" else { return nil }
        let parts = fields[3].split(separator: ".")
        guard parts.count >= 3 else { return nil }
        return ServiceName.normalized(parts[1])
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
