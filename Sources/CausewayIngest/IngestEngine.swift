public import CausewayCore
public import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

/// Something to read logs from.
public enum LogSource: Sendable {
    /// A file (plain or gzip), cited as `displayPath`.
    case file(path: String, displayPath: String)
    /// Bytes already in memory.
    case data(Data, displayPath: String)
    /// Standard input, read as it arrives.
    case standardInput(displayPath: String)
}

/// Reads every source into templates: streaming, in blocks, on as many cores as pay.
///
/// Large files are cut at record boundaries and read in parallel; each part collects its own keys and the
/// parts are merged in file order, so the result does not depend on how many workers ran. Memory grows
/// with the number of distinct templates and services, not with the number of lines.
public struct IngestEngine: Sendable {
    public struct Options: Sendable {
        /// Services known before reading (from the topology).
        public var knownServices: Set<ServiceName>
        /// The declared topology, if any (``MentionExtractor/declared``).
        public var declared: Topology
        /// The service for lines and files that name none.
        public var defaultService: ServiceName?
        /// Threads to read with; 1 reads on one core.
        public var workers: Int
        /// Files larger than this are split across workers.
        public var splitThreshold: Int
        /// Shared byte counter for a progress display.
        public var progress: ProgressCounter?

        public init(
            knownServices: Set<ServiceName> = [], declared: Topology = Topology(),
            defaultService: ServiceName? = nil, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
            splitThreshold: Int = 8 << 20, progress: ProgressCounter? = nil
        ) {
            self.knownServices = knownServices
            self.declared = declared
            self.defaultService = defaultService
            self.workers = max(1, workers)
            self.splitThreshold = splitThreshold
            self.progress = progress
        }
    }

    public var rulebook: SignalRulebook
    public var options: Options

    public init(rulebook: SignalRulebook, options: Options = Options()) {
        self.rulebook = rulebook
        self.options = options
    }

    /// The total size of the file sources, for a progress display.
    public static func totalBytes(_ sources: [LogSource]) -> Int {
        sources.reduce(0) { total, source in
            if case .file(let path, _) = source, let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
                return total + size
            }
            if case .data(let data, _) = source { return total + data.count }
            return total
        }
    }

    public func run(_ sources: [LogSource]) -> IncidentLog {
        var plans: [FilePlan] = []
        for (index, source) in sources.enumerated() {
            plans.append(plan(source, fileIndex: index))
        }
        // Every job of every file, in file order.
        var jobs: [(file: Int, job: PlannedJob)] = []
        for (fileIndex, plan) in plans.enumerated() {
            for job in plan.jobs { jobs.append((fileIndex, job)) }
        }
        let results = ResultSlots(count: jobs.count)
        let reference = Self.referenceDate(plans.compactMap(\.headTimestamp))
        let planned = plans
        let jobList = jobs
        let known = options.knownServices.map(\.rawValue).sorted()
        let rulebook = rulebook
        let progress = options.progress
        let run: @Sendable (Int) -> Void = { index in
            let (fileIndex, job) = jobList[index]
            results.store(
                index, job.execute(index: index, plan: planned[fileIndex], reference: reference, known: known, rulebook: rulebook, progress: progress))
        }
        if options.workers > 1 && jobs.count > 1 {
            DispatchQueue.concurrentPerform(iterations: jobs.count, execute: run)
        } else {
            for index in jobs.indices { run(index) }
        }
        var all = results.all
        // Files in local time beside files in UTC: read again with their zone.
        let offsets = Self.localTimeOffsets(files: plans.count, jobs: jobs.map(\.file), results: all)
        for (index, (fileIndex, job)) in jobList.enumerated() {
            guard let offset = offsets[fileIndex] else { continue }
            if case .gzipLines = job { lseek(plans[fileIndex].descriptor, 0, SEEK_SET) }
            all[index] = job.execute(
                index: index, plan: plans[fileIndex], reference: reference, utcOffset: offset, known: known, rulebook: rulebook, progress: nil)
        }
        for plan in plans { plan.close() }
        // One service under several spellings (a folder's `ledgerapi`, a namespace's `fabrikam.ledger.api`,
        // its machine `ledger01`) is one service.
        let named = all.reduce(into: Set<ServiceName>()) { names, result in
            names.formUnion(result.emitters)
            for call in result.tracedCalls { names.formUnion([call.caller, call.callee]) }
        }
        let aliases = ServiceAliases.resolve(named, declared: options.knownServices)
        for index in all.indices { all[index].renameServices(aliases) }
        var log = assemble(plans: plans, jobs: jobs.map(\.file), results: all)
        log.statistics.aliases = aliases.sorted { $0.key < $1.key }.map { .init(name: $0.key, service: $0.value) }
        log.statistics.localTimeFiles = offsets.sorted { $0.key < $1.key }.map { .init(path: plans[$0.key].displayPath, utcOffset: $0.value) }
        return log
    }

    /// The zone of each file whose times carry none and that sits apart from the files whose times do,
    /// by file index: the whole-hour offset (a half hour only when no whole hour fits) that moves the file's
    /// span inside the zoned files' span, when at its face value it lies wholly or nearly outside it. Syslog
    /// relays and many servers write local time without a zone while applications write UTC: read as UTC,
    /// a host five hours west of Greenwich logs its failures five hours before they happened. Standard input
    /// cannot be read twice and keeps its times.
    static func localTimeOffsets(files: Int, jobs: [Int], results: [JobResult]) -> [Int: Int] {
        var stamped = [Int](repeating: 0, count: files)
        var local = [Int](repeating: 0, count: files)
        var rereadable = [Bool](repeating: true, count: files)
        for (position, result) in results.enumerated() {
            let file = jobs[position]
            stamped[file] += result.stampedRecords
            local[file] += result.localStampedRecords
            if result.fromStandardInput { rereadable[file] = false }
        }
        let spans = fileSpans(files: files, jobs: jobs, results: results)
        // The span of the files whose times are zoned.
        var zoned: (first: Timestamp, last: Timestamp)?
        for file in 0..<files where stamped[file] > 0 && local[file] * 2 < stamped[file] {
            guard let span = spans[file] else { continue }
            zoned = (min(zoned?.first ?? span.first, span.first), max(zoned?.last ?? span.last, span.last))
        }
        guard let zoned else { return [:] }
        let zonedFirst = Double(zoned.first.nanoseconds) / 1e9, zonedLast = Double(zoned.last.nanoseconds) / 1e9
        func overlap(_ first: Double, _ last: Double) -> Double {
            let shared = min(last, zonedLast) - max(first, zonedFirst)
            guard last > first else { return first >= zonedFirst && first <= zonedLast ? 1 : 0 }
            return max(0, shared) / (last - first)
        }
        var offsets: [Int: Int] = [:]
        for file in 0..<files where rereadable[file] && stamped[file] >= Self.minimumLocalRecords && local[file] * 10 >= stamped[file] * 9 {
            guard let span = spans[file] else { continue }
            let first = Double(span.first.nanoseconds) / 1e9, last = Double(span.last.nanoseconds) / 1e9
            guard overlap(first, last) < 0.2 else { continue }
            // Seconds east of UTC: the file's times less the offset are UTC. Whole hours first, nearest first.
            let wholeHours = (1...14).flatMap { [$0 * 3600, -$0 * 3600] }
            let halfHours = (0...13).flatMap { [$0 * 3600 + 1800, -($0 * 3600 + 1800)] }
            for candidates in [wholeHours, halfHours] {
                if let fit = candidates.first(where: { overlap(first - Double($0), last - Double($0)) >= 0.8 }) {
                    offsets[file] = fit
                    break
                }
            }
        }
        return offsets
    }

    /// Each file's earliest and latest record time (nil for a file with none), from its jobs' keys.
    static func fileSpans(files: Int, jobs: [Int], results: [JobResult]) -> [(first: Timestamp, last: Timestamp)?] {
        var spans = [(first: Timestamp, last: Timestamp)?](repeating: nil, count: files)
        for (position, result) in results.enumerated() {
            let file = jobs[position]
            for stats in result.aggregator.stats {
                guard let first = stats.firstSeen, let last = stats.lastSeen else { continue }
                let span = spans[file]
                spans[file] = (min(span?.first ?? first, first), max(span?.last ?? last, last))
            }
        }
        return spans
    }

    /// Records with a time a file needs before its clock is judged.
    static let minimumLocalRecords = 20

    // MARK: - Planning

    /// How one source will be read.
    final class FilePlan: @unchecked Sendable {
        let displayPath: String
        let fileService: ServiceName?
        /// Whether the file's own name gave `fileService`.
        var fileNamesService = false
        var jobs: [PlannedJob] = []
        var skipped: [IngestStatistics.Reason: Int] = [:]
        var descriptor: Int32 = -1
        /// The first full timestamp (with its date) near the top of a file of lines.
        var headTimestamp: Timestamp?

        init(displayPath: String, fileService: ServiceName?) {
            self.displayPath = displayPath
            self.fileService = fileService
        }

        func close() {
            if descriptor >= 0 { Glibc.close(descriptor) }
            descriptor = -1
        }
    }

    enum PlannedJob: @unchecked Sendable {
        case lines(range: Range<Int>, firstLine: Int, context: Timestamp?)
        case gzipLines
        case memoryLines(Data)
        case standardInput(prefix: Data)
        case document(Data, DocumentReaders.Kind)

        /// `reference` dates the partial timestamps (a syslog date without a year, a time of day) a file
        /// shows before its first full one.
        func execute(
            index: Int, plan: FilePlan, reference: Timestamp?, utcOffset: Int = 0, known: [String], rulebook: SignalRulebook,
            progress: ProgressCounter?
        ) -> JobResult {
            var job = LineJob(
                index: index, displayPath: plan.displayPath, fileService: plan.fileService, firstLineNumber: 1, context: reference,
                rulebook: rulebook, knownServices: known, progress: progress)
            job.utcOffset = utcOffset
            job.fileNamesService = plan.fileNamesService
            switch self {
            case .lines(let range, let firstLine, let context):
                job.firstLineNumber = firstLine
                job.context = context ?? reference
                var source = BlockSource.fileRange(descriptor: plan.descriptor, offset: range.lowerBound, end: range.upperBound)
                return job.run(&source)
            case .gzipLines:
                guard let stream = GzipStream(descriptor: plan.descriptor) else {
                    var result = JobResult(job: index)
                    result.skip(.truncatedGzip)
                    return result
                }
                var source = BlockSource.gzip(stream)
                return job.run(&source)
            case .memoryLines(let data):
                var source = BlockSource.memory(data, offset: 0)
                return job.run(&source)
            case .standardInput(let prefix):
                var source = BlockSource.prefixed(prefix, offset: 0, descriptor: 0)
                var result = job.run(&source)
                result.fromStandardInput = true
                return result
            case .document(let data, let kind):
                if let result = DocumentJob(index: index, displayPath: plan.displayPath, fileService: plan.fileService, rulebook: rulebook)
                    .run(data, kind: kind)
                {
                    return result
                }
                // Not the document it looked like: read it as lines.
                var source = BlockSource.memory(data, offset: 0)
                return job.run(&source)
            }
        }
    }

    /// The inflated bytes of a gzip file whose first 64 KB sniff as a document, with their kind and whether
    /// the stream ended damaged; nil when they sniff as lines (or nothing inflates).
    static func gzipDocument(descriptor: Int32, head inflatedHead: inout Data) -> (Data, DocumentReaders.Kind, truncated: Bool)? {
        guard let stream = GzipStream(descriptor: descriptor) else { return nil }
        var data = Data()
        defer { inflatedHead = data.prefix(64 * 1024) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        func fill(upTo limit: Int) -> Bool {
            while data.count < limit {
                let got = buffer.withUnsafeMutableBytes { stream.read(into: $0) }
                if got < 0 { return false }
                if got == 0 { break }
                data.append(contentsOf: buffer[0..<got])
            }
            return true
        }
        let headIntact = fill(upTo: 64 * 1024)
        guard !data.isEmpty else { return nil }
        let kind = DocumentReaders.sniff(data.prefix(64 * 1024))
        if case .lines = kind { return nil }
        let intact = headIntact && fill(upTo: Int.max)
        return (data, kind, !intact)
    }

    /// The first complete timestamp among a text's first 200 lines: when a file of lines begins.
    static func firstCompleteTimestamp(in head: Data) -> Timestamp? {
        let parser = RecordParser(knownServices: [])
        return head.withUnsafeBytes { raw -> Timestamp? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
            var start = 0
            for _ in 0..<200 where start < raw.count {
                let end = memchr(base + start, 0x0A, raw.count - start).map { UnsafeRawPointer($0) - raw.baseAddress! } ?? raw.count
                let record = parser.parse(Bytes(start: base + start, count: end - start), context: nil)
                if record.timestampIsComplete, let timestamp = record.timestamp { return timestamp }
                start = end + 1
            }
            return nil
        }
    }

    /// The date an incident's files agree on: the median of their first full timestamps. A file whose lines
    /// carry no year (RFC 3164 syslog) or no date (a time of day) takes it from here until it shows its own
    /// full timestamp; before, such a file alone among dated ones fell in 1970, 56 years from the others.
    static func referenceDate(_ heads: [Timestamp]) -> Timestamp? {
        guard !heads.isEmpty else { return nil }
        return heads.sorted()[(heads.count - 1) / 2]
    }

    func plan(_ source: LogSource, fileIndex: Int) -> FilePlan {
        switch source {
        case .file(let path, let displayPath):
            let named = LogIngestor.service(fromPath: displayPath, known: options.knownServices)
            let plan = FilePlan(displayPath: displayPath, fileService: named ?? options.defaultService)
            plan.fileNamesService = named != nil
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                plan.skipped[.unreadableFile, default: 0] += 1
                return plan
            }
            plan.descriptor = descriptor
            var info = stat()
            let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
            var head = Data(count: min(size, 64 * 1024))
            let got = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
            head = head.prefix(max(0, got))
            if size == 0 || head.isEmpty {
                plan.skipped[.emptyFile, default: 0] += 1
                return plan
            }
            if head.count >= 2, head[0] == 0x1F, head[1] == 0x8B {
                // A compressed export may be a document too (events JSON, a CSV export): sniff what it
                // inflates to. Lines stream from the start again; a document is read whole, as it would be.
                var inflated = Data()
                let document = Self.gzipDocument(descriptor: descriptor, head: &inflated)
                plan.headTimestamp = Self.firstCompleteTimestamp(in: inflated)
                if let (data, kind, truncated) = document {
                    if truncated { plan.skipped[.truncatedGzip, default: 0] += 1 }
                    plan.jobs = [.document(data, kind)]
                } else {
                    lseek(descriptor, 0, SEEK_SET)
                    plan.jobs = [.gzipLines]
                }
                return plan
            }
            if LogIngestor.looksBinary(head) {
                plan.skipped[.binaryFile, default: 0] += 1
                return plan
            }
            let kind = DocumentReaders.sniff(head)
            if case .lines = kind {
                plan.headTimestamp = Self.firstCompleteTimestamp(in: head)
                plan.jobs = splitLines(descriptor: descriptor, size: size)
            } else {
                let data = FileManager.default.contents(atPath: path) ?? head
                plan.jobs = [.document(data, kind)]
            }
            return plan
        case .data(let data, let displayPath):
            let named = LogIngestor.service(fromPath: displayPath, known: options.knownServices)
            let plan = FilePlan(displayPath: displayPath, fileService: named ?? options.defaultService)
            plan.fileNamesService = named != nil
            if data.isEmpty {
                plan.skipped[.emptyFile, default: 0] += 1
            } else if LogIngestor.looksBinary(data) {
                plan.skipped[.binaryFile, default: 0] += 1
            } else {
                let kind = DocumentReaders.sniff(data.prefix(64 * 1024))
                if case .lines = kind {
                    plan.headTimestamp = Self.firstCompleteTimestamp(in: data.prefix(64 * 1024))
                    plan.jobs = [.memoryLines(data)]
                } else {
                    plan.jobs = [.document(data, kind)]
                }
            }
            return plan
        case .standardInput(let displayPath):
            let plan = FilePlan(displayPath: displayPath, fileService: options.defaultService)
            var prefix = Data()
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while prefix.count < 64 * 1024 {
                let got = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count - prefix.count) }
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { break }
                prefix.append(contentsOf: buffer[0..<got])
            }
            if prefix.isEmpty {
                plan.skipped[.emptyFile, default: 0] += 1
            } else if LogIngestor.looksBinary(prefix) {
                plan.skipped[.binaryFile, default: 0] += 1
            } else if case .lines = DocumentReaders.sniff(prefix) {
                plan.headTimestamp = Self.firstCompleteTimestamp(in: prefix)
                plan.jobs = [.standardInput(prefix: prefix)]
            } else {
                var all = prefix
                all.append(FileHandle.standardInput.readDataToEndOfFile())
                plan.jobs = [.document(all, DocumentReaders.sniff(prefix))]
            }
            return plan
        }
    }

    /// Cuts a large file into parts at record heads (a line that starts with a timestamp or `{`), so a
    /// stack trace never straddles two parts. Each part learns its first line number and the last full
    /// timestamp before it.
    func splitLines(descriptor: Int32, size: Int) -> [PlannedJob] {
        let parts = min(options.workers * 2, max(1, size / max(1, options.splitThreshold)))
        guard options.workers > 1, size > options.splitThreshold, parts > 1 else {
            return [.lines(range: 0..<size, firstLine: 1, context: nil)]
        }
        var cuts = [0]
        for part in 1..<parts {
            let target = size * part / parts
            if let cut = recordHead(descriptor: descriptor, from: target, size: size), cut > cuts.last! {
                cuts.append(cut)
            }
        }
        cuts.append(size)
        // Line numbers: count newlines before each cut (one pass, in blocks).
        var firstLines: [Int] = [1]
        var newlines = 0
        var position = 0
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { buffer.deallocate() }
        for cut in cuts.dropFirst().dropLast() {
            while position < cut {
                let n = pread(descriptor, buffer, min(1 << 20, cut - position), off_t(position))
                if n <= 0 { break }
                let bytes = buffer.assumingMemoryBound(to: UInt8.self)
                var i = 0
                while i < n, let hit = memchr(bytes + i, Int32(ASCII.newline), n - i) {
                    newlines += 1
                    i = UnsafeMutableRawPointer(hit) - buffer + 1
                }
                position += n
            }
            firstLines.append(newlines + 1)
        }
        var jobs: [PlannedJob] = []
        for index in 0..<(cuts.count - 1) {
            let context = index == 0 ? nil : lastTimestamp(descriptor: descriptor, before: cuts[index])
            jobs.append(.lines(range: cuts[index]..<cuts[index + 1], firstLine: firstLines[index], context: context))
        }
        return jobs
    }

    private func recordHead(descriptor: Int32, from offset: Int, size: Int) -> Int? {
        let window = min(1 << 20, size - offset)
        guard window > 0 else { return nil }
        var data = [UInt8](repeating: 0, count: window)
        let got = data.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, window, off_t(offset)) }
        guard got > 0 else { return nil }
        return data.withUnsafeBufferPointer { buffer -> Int? in
            var i = 0
            while i < got {
                guard let newline = memchr(buffer.baseAddress! + i, Int32(ASCII.newline), got - i) else { return nil }
                let start = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - buffer.baseAddress! + 1
                guard start < got else { return nil }
                let line = buffer.slice(start, min(got, start + 64))
                if let first = line.first, first == ASCII.openBrace || TimestampParser.parsePrefix(line) != nil {
                    return offset + start
                }
                i = start
            }
            return nil
        }
    }

    private func lastTimestamp(descriptor: Int32, before offset: Int) -> Timestamp? {
        let window = min(256 * 1024, offset)
        var data = [UInt8](repeating: 0, count: window)
        let got = data.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, window, off_t(offset - window)) }
        guard got > 0 else { return nil }
        var latest: Timestamp?
        data.withUnsafeBufferPointer { buffer in
            var start = 0
            for i in 0..<got where buffer[i] == ASCII.newline || i == got - 1 {
                let line = buffer.slice(start, min(got, start + 64))
                if let match = TimestampParser.parsePrefix(line), match.isComplete { latest = match.timestamp }
                start = i + 1
            }
        }
        return latest
    }

    // MARK: - Assembly

    func assemble(plans: [FilePlan], jobs: [Int], results: [JobResult]) -> IncidentLog {
        var statistics = IngestStatistics()
        var emitters = Set<ServiceName>()
        // Per-file summaries.
        var fileLines = [Int](repeating: 0, count: plans.count)
        var fileRecords = [Int](repeating: 0, count: plans.count)
        var fileFormats = [[LogFormat: Int]](repeating: [:], count: plans.count)
        var fileServices = [[ServiceName: Int]](repeating: [:], count: plans.count)
        let spans = Self.fileSpans(files: plans.count, jobs: jobs, results: results)
        for plan in plans {
            for (reason, count) in plan.skipped { statistics.skip(reason, count) }
        }
        var global = ByteKeyTable(capacity: 4096)
        var merged: [KeyStats] = []
        var traced = Topology()
        var documentFormats = [LogFormat?](repeating: nil, count: plans.count)
        // Each job's key ids in the merged key table, so that traced lines can name their template.
        var globalKeys: [[Int32]] = []
        for (position, result) in results.enumerated() {
            let file = jobs[position]
            statistics.lines += result.lines
            statistics.records += result.records
            statistics.joinedLines += result.joinedLines
            statistics.recordsWithoutTime += result.recordsWithoutTime
            for (format, count) in result.recordsByFormat {
                statistics.recordsByFormat[format, default: 0] += count
                fileFormats[file][format, default: 0] += count
            }
            for (reason, count) in result.skipped { statistics.skip(reason, count) }
            if result.aggregator.foldedRecords > 0 { statistics.skip(.foldedTemplates, result.aggregator.foldedRecords) }
            fileLines[file] += result.lines
            fileRecords[file] += result.records
            emitters.formUnion(result.emitters)
            statistics.traceSpans += result.traceSpans
            for call in result.tracedCalls { traced.merge(call) }
            if let format = result.documentFormat { documentFormats[file] = format }
            // Re-key from the job's local service id to the service name.
            var keys = [Int32](repeating: -1, count: result.aggregator.table.count)
            defer { globalKeys.append(keys) }
            for id in 0..<result.aggregator.table.count {
                let stats = result.aggregator.stats[id]
                fileServices[file][stats.service, default: 0] += stats.count
                var key = Array(stats.service.rawValue.utf8)
                key.append(0)
                result.aggregator.table.withKey(id) { local in key.append(contentsOf: local.slice(3, local.count)) }
                // key = service, 0, level class, masked message [, 1, signals]
                key.withUnsafeBufferPointer { bytes in
                    let (globalID, inserted) = global.findOrInsert(bytes, hash: WordHash(of: bytes).value)
                    keys[id] = Int32(truncatingIfNeeded: globalID)
                    if inserted {
                        merged.append(stats)
                    } else {
                        merged[globalID].merge(stats)
                    }
                }
            }
        }
        for (index, plan) in plans.enumerated() {
            let format = documentFormats[index] ?? fileFormats[index].max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            let service = fileServices[index].max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            statistics.files.append(
                .init(
                    path: plan.displayPath, lines: fileLines[index], records: fileRecords[index], format: format, service: service,
                    firstSeen: spans[index]?.first, lastSeen: spans[index]?.last))
        }
        for index in merged.indices { merged[index].timeline.normalise() }

        let tracedCalls = traced.calls.map { call in
            var call = call
            let calls = call.traffic?.calls ?? 0
            let failed = call.traffic.map { $0.errors > 0 ? ", \($0.errors) failed" : "" } ?? ""
            let cited = call.evidence.first.map { " (\($0))" } ?? ""
            call.reason = "traces show \(calls) call(s) from \(call.caller) to \(call.callee)\(failed)\(cited)"
            return call
        }
        let (templates, templateOfKey) = buildTemplates(merged, global: global, emitters: emitters.union(traced.services))
        statistics.services = emitters.sorted()
        statistics.templates = templates.count
        return IncidentLog(
            templates: templates, statistics: statistics, spans: mergeSpans(results),
            tracedLines: mergeTracedLines(results, templates: globalKeys.map { $0.map { $0 >= 0 ? templateOfKey[Int($0)] : nil } }),
            tracedCalls: tracedCalls)
    }

    /// Joins the jobs' traced lines at the strictest sampling threshold any job fell to, by trace, then
    /// the emitter's clock, then place in the input. `templates[job][key]` is the template id of a job's key.
    func mergeTracedLines(_ results: [JobResult], templates: [[String?]]) -> [TracedLine] {
        let threshold = results.map(\.spans.threshold).min() ?? 1024
        var lines: [TracedLine] = []
        for (job, result) in results.enumerated() {
            for entry in result.spans.lines where entry.trace % 1024 < threshold {
                lines.append(
                    TracedLine(
                        service: result.spanServices[Int(entry.service)], trace: entry.trace, time: entry.time, clock: entry.clock,
                        level: entry.level, location: SourceLocation(file: result.displayPath, line: Int(entry.line)),
                        template: entry.key >= 0 ? templates[job][Int(entry.key)] : nil))
            }
        }
        return lines.sorted { ($0.trace, $0.clock, $0.location) < ($1.trace, $1.clock, $1.location) }
    }

    /// Joins the jobs' spans (a span cut by a file split is one span), at the strictest sampling threshold
    /// any job fell to, in a stable order.
    func mergeSpans(_ results: [JobResult]) -> [ObservedSpan] {
        let threshold = results.map(\.spans.threshold).min() ?? 1024
        var merged: [String: (ObservedSpan, first: Double, last: Double)] = [:]
        var order: [String] = []
        for result in results {
            for entry in result.spans.entries where entry.trace % 1024 < threshold {
                let service = result.spanServices[entry.service]
                // Not the job's key: it hashes the job's own service number.
                let key = "\(service.rawValue)|\(entry.trace)|\(entry.span)"
                if var existing = merged[key] {
                    existing.first = min(existing.first, entry.first)
                    existing.last = max(existing.last, entry.last)
                    existing.0.lines += Int(entry.lines)
                    if entry.start < existing.0.start { existing.0.start = entry.start }
                    merged[key] = existing
                } else {
                    merged[key] = (
                        ObservedSpan(service: service, trace: entry.trace, start: entry.start, duration: 0, lines: Int(entry.lines)),
                        entry.first, entry.last
                    )
                    order.append(key)
                }
            }
        }
        return order.compactMap { key in
            guard case (var span, let first, let last)? = merged[key], span.lines >= 2 else { return nil }
            var duration = last - first
            if duration < 0 { duration += 86_400 }  // the emitter's clock passed midnight
            span.duration = duration
            return span
        }.sorted { ($0.start, $0.service, $0.trace) < ($1.start, $1.service, $1.trace) }
    }

    /// Clusters merged keys into templates per (service, signals) and resolves what their lines name.
    /// The templates of the merged keys, and each key's template id.
    func buildTemplates(_ keys: [KeyStats], global: ByteKeyTable, emitters: Set<ServiceName>)
        -> (templates: [LogTemplate], templateOfKey: [String?])
    {
        var templateOfKey = [String?](repeating: nil, count: keys.count)
        let known = emitters.union(options.knownServices)
        let clusterer = TemplateClusterer(knownServices: Set(known.map(\.rawValue)))
        var extractor = MentionExtractor(knownServices: known, vocabulary: rulebook.vocabulary)
        extractor.declared = options.declared
        // Namespaces first, from every key's first line: an upstream in one line may need another's namespace.
        extractor.namespaces = MentionExtractor.namespaces(
            in: keys.compactMap { $0.firstSamples.first?.text }, known: known)

        // Masked text of each key (after the service name, NUL and level class, before a signal suffix).
        func maskedText(_ id: Int) -> String {
            global.withKey(id) { bytes in
                var start = 0
                while start < bytes.count, bytes[start] != 0 { start += 1 }
                start += 2
                var end = start
                while end < bytes.count, bytes[end] != 1 { end += 1 }
                return bytes.slice(min(start, bytes.count), min(end, bytes.count)).string
            }
        }

        struct Group: Hashable {
            var service: ServiceName
            var signals: [SignalID]
            var levelClass: UInt8
        }
        var order: [Group] = []
        var members: [Group: [Int]] = [:]
        let byAppearance = keys.indices.sorted { (keys[$0].firstOrder.job, keys[$0].firstOrder.line, $0) < (keys[$1].firstOrder.job, keys[$1].firstOrder.line, $1) }
        for id in byAppearance {
            let group = Group(service: keys[id].service, signals: keys[id].signals, levelClass: keys[id].level.levelClass)
            if members[group] == nil { order.append(group) }
            members[group, default: []].append(id)
        }

        var templates: [LogTemplate] = []
        var usedIDs = Set<String>()
        // What each word of the messages normalises to, shared by every template's mentions.
        var names: [Substring: ServiceName?] = [:]
        for group in order {
            let ids = members[group]!
            let named = ids.map { ($0, maskedText($0), extractor.dependenciesNamed(in: keys[$0].message, emitter: group.service, names: &names)) }
            for cluster in clusterer.cluster(named) {
                let pattern = cluster.tokens.joined(separator: " ")
                let parts = cluster.members.map { keys[$0] }
                var level = LogLevel.trace
                var count = 0
                var firstSeen: Timestamp?
                var lastSeen: Timestamp?
                var timeline = TemplateTimeline()
                var firstSamples: [EvidenceLine] = []
                var recentSamples: [EvidenceLine] = []
                for part in parts {
                    level = max(level, part.level)
                    count += part.count
                    if let t = part.firstSeen, firstSeen.map({ t < $0 }) ?? true { firstSeen = t }
                    if let t = part.lastSeen, lastSeen.map({ t > $0 }) ?? true { lastSeen = t }
                    timeline.append(part.timeline)
                    firstSamples += part.firstSamples
                    recentSamples += part.recentSamples
                }
                timeline.normalise()
                let ordered = firstSamples.sorted()
                var samples = Array(ordered.prefix(KeyStats.firstSampleLimit))
                for sample in recentSamples.sorted().suffix(KeyStats.recentSampleLimit) where !samples.contains(sample) {
                    samples.append(sample)
                }
                samples.sort()
                // What the lines name: each key's first message, with its first line as evidence.
                var mentions: [MentionTarget: LocatedMention] = [:]
                for part in parts.prefix(50) {
                    guard let evidence = part.firstSamples.first else { continue }
                    // The head line, then its stack trace's exception lines, each the evidence for what it names.
                    let lines = [(part.message, evidence)] + part.causes.map { ($0.text, $0) }
                    for (text, evidence) in lines {
                        for found in extractor.cuedMentions(in: text, emitter: group.service, raw: evidence.text, names: &names) {
                            if let existing = mentions[found.target], existing.cue >= found.cue { continue }
                            mentions[found.target] = LocatedMention(
                                target: found.target, evidence: evidence, cue: found.cue, roleHint: found.roleHint)
                        }
                    }
                }
                let signalKey = group.signals.map(\.rawValue).joined(separator: ",") + "\u{2}\(group.levelClass)"
                // Clusters that differ only in the dependency they name can share a pattern: the dependency
                // keeps their ids apart.
                let dependencyKey = cluster.dependencies.isEmpty ? "" : "\u{3}" + cluster.dependencies.map(\.rawValue).sorted().joined(separator: ",")
                var id = group.service.rawValue + "/" + TemplateMasker.identifier(of: pattern + "\u{1}" + signalKey + dependencyKey)
                // Ids are keys everywhere after: a second template with the same one (a hash collision) is
                // numbered, in the stable order templates are built in.
                if usedIDs.contains(id) {
                    var n = 2
                    while usedIDs.contains("\(id)~\(n)") { n += 1 }
                    id = "\(id)~\(n)"
                }
                usedIDs.insert(id)
                for member in cluster.members { templateOfKey[member] = id }
                templates.append(
                    LogTemplate(
                        id: id, service: group.service, pattern: pattern, message: parts[0].message, signals: group.signals,
                        level: level, count: count, firstSeen: firstSeen, lastSeen: lastSeen, samples: samples,
                        mentions: mentions.values.sorted(), timeline: timeline))
            }
        }
        templates.sort {
            let l = $0.firstSeen?.nanoseconds ?? Int64.max
            let r = $1.firstSeen?.nanoseconds ?? Int64.max
            return (l, $0.service, $0.id) < (r, $1.service, $1.id)
        }
        return (templates, templateOfKey)
    }
}

/// One slot per job for results written from worker threads.
final class ResultSlots: @unchecked Sendable {
    private var slots: [JobResult?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ index: Int, _ result: JobResult) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var all: [JobResult] { slots.map { $0! } }
}

/// Reads a document-shaped file (events, OTLP export, CSV) into a job result.
struct DocumentJob {
    var index: Int
    var displayPath: String
    var fileService: ServiceName?
    var rulebook: SignalRulebook

    /// The service of a slow query log that no file or folder name places.
    static let slowLogService: ServiceName = "mysql"

    /// Nil when the data is not the document its first bytes suggested.
    func run(_ data: Data, kind: DocumentReaders.Kind) -> JobResult? {
        var result = JobResult(job: index)
        result.displayPath = displayPath
        var records: [DocumentRecord] = []
        var format = LogFormat.kubernetesEvents
        let text = String(decoding: data, as: UTF8.self)
        result.lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        switch kind {
        case .jsonDocument:
            if TraceDocumentReader.looksLikeTraces(data.prefix(64 * 1024)), let digest = TraceDocumentReader.read(data, file: displayPath) {
                format = digest.format
                result.documentFormat = digest.format
                result.traceSpans = digest.spans
                result.tracedCalls = digest.calls
                records = digest.errorRecords
                if digest.fault != nil { result.skip(.damagedTrace) }
                if digest.malformedSpans > 0 { result.skip(.malformedRecord, digest.malformedSpans) }
                break
            }
            guard let read = DocumentReaders.readJSONDocument(data) else { return nil }
            records = read.records
            format = read.format
        case .eventsTable:
            records = DocumentReaders.readEventsTable(text)
        case .podDescription:
            records = DocumentReaders.readPodDescription(text)
        case .mysqlSlowLog:
            records = DocumentReaders.readMySQLSlowLog(text, service: fileService ?? Self.slowLogService)
            format = .mysqlSlowLog
        case .delimited(let separator):
            let (read, malformed) = DocumentReaders.readDelimited(text, separator: Character(UnicodeScalar(separator)), fallbackService: fileService)
            // Most rows not fitting the header means the first line was not one: read the file as lines.
            guard malformed <= read.count else { return nil }
            records = read
            format = .csv
            if malformed > 0 { result.skip(.malformedRecord, malformed) }
        case .lines:
            return nil
        }
        var masker = MessageMasker()
        let sink = RecordSink(rulebook: rulebook, displayPath: displayPath)
        var services: [ServiceName: Int] = [:]
        for record in records {
            result.records += 1
            result.count(format)
            if record.timestamp == nil { result.recordsWithoutTime += 1 }
            result.emitters.insert(record.service)
            let serviceID = services[record.service] ?? {
                let id = services.count
                services[record.service] = id
                return id
            }()
            var message = Array(record.message.utf8.prefix(LineReader.maximumLineBytes))
            var continuation = Array(record.continuation.utf8.prefix(LineReader.maximumLineBytes))
            message.withUnsafeMutableBufferPointer { bytes in
                continuation.withUnsafeMutableBufferPointer { more in
                    let view = Bytes(bytes)
                    masker.mask(view)
                    sink.add(
                        serviceID: serviceID, service: { record.service }, maskedKey: masker.key, maskedHash: masker.hash.value,
                        message: view,
                        continuation: Bytes(more), level: record.level, httpStatus: record.httpStatus, timestamp: record.timestamp,
                        line: record.line, raw: { record.raw },
                        into: &result.aggregator)
                }
            }
        }
        masker.release()
        sink.release()
        result.aggregator.finish()
        return result
    }
}
