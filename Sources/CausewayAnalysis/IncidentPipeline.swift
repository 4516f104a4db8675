public import CausewayCore
public import CausewayIngest
public import Foundation

/// The whole analysis from inputs to report: resolve the inputs, load the topology, read every file,
/// reason, and assemble the one ``IncidentReport``.
public struct IncidentPipeline: Sendable {
    public struct Input: Sendable {
        /// Files, folders, or `-` for standard input.
        public var paths: [String]
        /// A topology file given explicitly; otherwise one found in a case folder is used.
        public var topologyPath: String?
        /// Bytes for `-`; nil reads the process's standard input as it arrives.
        public var standardInput: Data?
        /// The service for lines and files that name none.
        public var defaultService: ServiceName?
        /// Threads to read with; nil for one per core.
        public var threads: Int?
        /// Shared byte counter for a progress display.
        public var progress: ProgressCounter?
        /// The incident window, when the user knows it better than detection.
        public var since: Timestamp?
        public var until: Timestamp?
        /// Ignore a `topology.yaml` / `topology.json` found in a case folder (the file is still not read as
        /// a log): the topology is then traced and inferred only. An explicit ``topologyPath`` still counts.
        public var ignoresTopologyFile = false

        public init(
            paths: [String], topologyPath: String? = nil, standardInput: Data? = nil, defaultService: ServiceName? = nil,
            threads: Int? = nil, progress: ProgressCounter? = nil
        ) {
            self.paths = paths
            self.topologyPath = topologyPath
            self.standardInput = standardInput
            self.defaultService = defaultService
            self.threads = threads
            self.progress = progress
        }
    }

    public var analyzer: IncidentAnalyzer
    /// `causeway <version>`, written into the report.
    public var generator: String

    public init(analyzer: IncidentAnalyzer, generator: String) {
        self.analyzer = analyzer
        self.generator = generator
    }

    /// Reads and analyses; throws when an input is missing, the topology is invalid, or nothing usable
    /// remains to analyse.
    public func run(_ input: Input) throws(IngestError) -> IncidentReport {
        let (log, topology, source) = try read(input)
        guard log.statistics.records > 0 else {
            throw IngestError(.noUsableRecords, Self.explainEmpty(log.statistics, files: log.statistics.files.count))
        }
        return analyzer.report(
            log, topology: topology, topologySource: source, since: input.since, until: input.until, generator: generator)
    }

    /// Reads the inputs and merges the topology they show (declared, traced, inferred from lines) without
    /// analysing the incident: what `causeway topology` prints. Throws when an input is missing, the
    /// topology file is invalid, or the inputs show no service at all.
    public func topology(_ input: Input) throws(IngestError) -> TopologySummary {
        let (log, topology, source) = try read(input)
        let assembly = TopologyAssembly(log: log, declared: topology)
        guard !assembly.topology.isEmpty else {
            throw IngestError(.noUsableRecords, Self.explainEmpty(log.statistics, files: log.statistics.files.count))
        }
        return assembly.summary(source: source ?? "none")
    }

    /// Resolves and reads the inputs: the log, the declared topology (if any) and how to cite it.
    func read(_ input: Input) throws(IngestError) -> (IncidentLog, Topology?, String?) {
        let resolved = try ResolvedInputs.resolve(input.paths)
        let topologyPath = input.topologyPath ?? (input.ignoresTopologyFile ? nil : resolved.topologyFile)
        let topology = try topologyPath.map { path throws(IngestError) in try TopologyLoader.load(path: path) }
        var ingestor = LogIngestor(
            rulebook: analyzer.rulebook,
            options: .init(
                knownServices: Set(topology?.services ?? []),
                declared: topology ?? Topology(),
                defaultService: input.defaultService,
                workers: input.threads ?? ProcessInfo.processInfo.activeProcessorCount, progress: input.progress))
        for file in resolved.logFiles {
            if file.path == "-" {
                if let data = input.standardInput {
                    ingestor.ingest(data: data, displayPath: file.displayPath)
                } else {
                    ingestor.ingestStandardInput(displayPath: file.displayPath)
                }
            } else {
                ingestor.ingest(fileAt: file.path, displayPath: file.displayPath)
            }
        }
        var log = ingestor.finish()
        if !resolved.notLogs.isEmpty { log.statistics.skipped[.notALog, default: 0] += resolved.notLogs.count }
        let source = topologyPath.map { path in
            input.topologyPath != nil ? path : (path as NSString).lastPathComponent
        }
        return (log, topology, source)
    }

    static func explainEmpty(_ stats: IngestStatistics, files: Int) -> String {
        if files == 0 { return "no log file was found in the inputs (truth.json and topology files are not logs)" }
        var reasons = stats.skipped.sorted { $0.key < $1.key }.map { "\($0.key.rawValue): \($0.value)" }
        if reasons.isEmpty { reasons = ["the files hold no lines"] }
        var message = "no usable log record in \(files) file(s) (\(reasons.joined(separator: ", ")))"
        if (stats.skipped[.noService] ?? 0) > 0 {
            message += "; lines that name no service need --service NAME, or a file named after the service"
        }
        return message
    }
}
