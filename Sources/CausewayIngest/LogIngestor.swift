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
        /// The service for lines that name none, when neither they nor their file name tell.
        public var defaultService: ServiceName?
        /// Threads to read with.
        public var workers: Int
        public var progress: ProgressCounter?

        public init(
            knownServices: Set<ServiceName> = [], defaultService: ServiceName? = nil,
            workers: Int = ProcessInfo.processInfo.activeProcessorCount, progress: ProgressCounter? = nil
        ) {
            self.knownServices = knownServices
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
                knownServices: options.knownServices, defaultService: options.defaultService, workers: options.workers,
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

    /// The service a file is named after (`payments-worker.log`, `payments-worker-7d9f8-x2x1q.log.gz`), unless
    /// the name is a generic one that says nothing about a service.
    public static func service(fromFileName path: String) -> ServiceName? {
        var name = (path as NSString).lastPathComponent
        var changed = true
        while changed {
            changed = false
            for suffix in [".gz", ".log", ".txt", ".json", ".jsonl", ".ndjson", ".out", ".err", ".csv", ".tsv"] where name.hasSuffix(suffix) {
                name = String(name.dropLast(suffix.count))
                changed = true
            }
        }
        let generic: Set<String> = [
            "log", "logs", "app", "application", "incident", "output", "combined", "all", "messages", "syslog", "stdout",
            "stderr", "events", "console", "server", "main", "current", "latest", "input", "dump", "export", "k8s-events",
            "kube-events", "kubernetes-events", "stdin", "trace", "traces", "spans", "services", "service", "containers",
            "pods", "kubectl", "compose", "docker", "docker-compose", "shipper", "stream", "apps", "legacy", "access", "error",
        ]
        // A name made only of such words (`all-services`, `combined_logs`) names no service either.
        guard let service = ServiceName.normalized(name),
            !service.rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).allSatisfy({ generic.contains(String($0)) }),
            service.rawValue.contains(where: \.isLetter)
        else { return nil }
        return service
    }
}
