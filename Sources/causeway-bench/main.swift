import CausewayCore
import CausewayIngest
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Causeway's benchmark: ingest and end-to-end speed and memory on a generated 50-service incident, each
/// figure beside a baseline measured in the same run.
///
///     swift build -c release && .build/release/causeway-bench [--lines 1000000] [--scale 3] [--no-drain3]
///     .build/release/causeway-bench large-incident [--services 500]   # analysing and drawing a large system
///
/// Baselines: reading the file's lines (the floor any reader pays), and Drain3 (PyPI `drain3`) mining the
/// same file's templates. Drain3 is installed with pip when missing.
struct Benchmark {
    var lines = 1_000_000
    var scale = 3
    var drain3 = true
    var directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("causeway-bench")
    var json = false

    static func main() throws {
        var bench = Benchmark()
        var arguments = Array(CommandLine.arguments.dropFirst())
        while !arguments.isEmpty {
            let flag = arguments.removeFirst()
            switch flag {
            case "--lines": bench.lines = Int(arguments.removeFirst()) ?? bench.lines
            case "--scale": bench.scale = Int(arguments.removeFirst()) ?? bench.scale
            case "--no-drain3": bench.drain3 = false
            case "--dir": bench.directory = URL(fileURLWithPath: arguments.removeFirst())
            case "--json": bench.json = true
            case "profile":
                // One single-core ingest of a file, for a profiler.
                let path = arguments.removeFirst()
                let start = DispatchTime.now().uptimeNanoseconds
                let log = IngestEngine(rulebook: try SignalRulebook.bundled(), options: .init(workers: 1)).run([.file(path: path, displayPath: "x")])
                print(log.statistics.records, log.statistics.templates, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                return
            case "large-incident":
                var large = LargeIncidentBenchmark(directory: bench.directory)
                if arguments.first == "--services", arguments.count > 1 {
                    arguments.removeFirst()
                    large.services = Int(arguments.removeFirst()) ?? large.services
                }
                try FileManager.default.createDirectory(at: bench.directory, withIntermediateDirectories: true)
                try large.run()
                return
            case "generate":
                let count = Int(arguments.removeFirst()) ?? 1_000_000
                let out = URL(fileURLWithPath: arguments.removeFirst())
                try BenchmarkLog(lines: count, seed: 42).write(to: out)
                return
            default:
                FileHandle.standardError.write(Data("usage: causeway-bench [--lines N] [--scale K] [--no-drain3] [--dir DIR] [--json] | generate N FILE | large-incident [--services N]\n".utf8))
                exit(2)
            }
        }
        try bench.run()
    }

    func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    func run() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let small = directory.appendingPathComponent("bench-\(lines).log")
        let large = directory.appendingPathComponent("bench-\(lines * scale).log")
        for (url, count) in [(small, lines), (large, lines * scale)] where !FileManager.default.fileExists(atPath: url.path) {
            note("generating \(count) lines into \(url.path)…")
            try BenchmarkLog(lines: count, seed: 42).write(to: url)
        }
        let size = (try FileManager.default.attributesOfItem(atPath: small.path)[.size] as? Int) ?? 0
        let rulebook = try SignalRulebook.bundled()

        // 1. Reading lines: the floor.
        let read = best(of: 3) { _ = Self.countLines(small.path) }
        // 2. Ingest and template mining on one core, then on every core.
        var templates = 0
        let oneCore = best(of: 3) {
            let log = IngestEngine(rulebook: rulebook, options: .init(workers: 1)).run([.file(path: small.path, displayPath: "bench.log")])
            templates = log.statistics.templates
        }
        let allCores = best(of: 3) {
            _ = IngestEngine(rulebook: rulebook, options: .init()).run([.file(path: small.path, displayPath: "bench.log")])
        }
        // 3. End to end, as a user runs it.
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("causeway").path
        let endToEnd = try Self.spawn([binary, "analyze", small.path, "--format", "json"], capture: true)
        let report = try JSONSerialization.jsonObject(with: endToEnd.output) as? [String: Any]
        let top = ((report?["hypotheses"] as? [[String: Any]])?.first?["service"] as? String) ?? "none"
        let scaled = try Self.spawn([binary, "analyze", large.path, "--format", "json"], capture: false)
        // 4. Drain3 on the same file.
        var drain3: (seconds: Double, clusters: Int)?
        if self.drain3 {
            if (try? Self.spawn(["python3", "-c", "import drain3"], capture: false))?.status != 0 {
                note("installing drain3 from PyPI…")
                _ = try Self.spawn(["python3", "-m", "pip", "install", "-q", "drain3"], capture: false)
            }
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("bench/drain3_mine.py").path
            note("running Drain3 on \(lines) lines (a minute or two)…")
            let result = try Self.spawn(["python3", script, small.path], capture: true)
            if let object = try? JSONSerialization.jsonObject(with: result.output) as? [String: Any] {
                drain3 = (result.seconds, object["clusters"] as? Int ?? 0)
            }
        }

        let figures: [(String, String)] = [
            ("input", "\(lines) lines, \(size / 1_000_000) MB, 50 services; root cause \(BenchmarkLog.root)"),
            ("read lines (baseline)", rate(read)),
            ("ingest + mining, 1 core", "\(rate(oneCore)) = \(ratio(read, oneCore)) of reading speed; \(templates) templates"),
            ("ingest + mining, all cores", "\(rate(allCores)) (\(String(format: "%.2f", oneCore / allCores))x one core)"),
            ("causeway analyze end to end", String(format: "%.2f s, peak %.0f MB, top hypothesis %@", endToEnd.seconds, endToEnd.peakMB, top)),
            ("Drain3 mining (baseline)", drain3.map { String(format: "%.2f s, %d clusters; causeway is %.1fx faster", $0.seconds, $0.clusters, $0.seconds / endToEnd.seconds) } ?? "skipped"),
            ("memory at \(scale)x lines", String(format: "peak %.0f MB = %.2fx the peak at \(lines) lines", scaled.peakMB, scaled.peakMB / endToEnd.peakMB)),
        ]
        if json {
            var object: [String: Any] = [
                "lines": lines, "bytes": size, "readLinesPerSecond": Double(lines) / read,
                "ingestLinesPerSecondOneCore": Double(lines) / oneCore, "ingestLinesPerSecondAllCores": Double(lines) / allCores,
                "endToEndSeconds": endToEnd.seconds, "peakMB": endToEnd.peakMB, "topHypothesis": top, "expectedRoot": BenchmarkLog.root,
                "scaledPeakMB": scaled.peakMB, "scaledPeakRatio": scaled.peakMB / endToEnd.peakMB,
            ]
            if let drain3 { object["drain3Seconds"] = drain3.seconds; object["speedupOverDrain3"] = drain3.seconds / endToEnd.seconds }
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self))
        } else {
            let width = figures.map(\.0.count).max() ?? 0
            for (name, value) in figures { print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value) }
        }
    }

    func rate(_ seconds: Double) -> String {
        String(format: "%.2f M lines/s (%.3f s)", Double(lines) / seconds / 1e6, seconds)
    }

    func ratio(_ baseline: Double, _ measured: Double) -> String {
        String(format: "%.0f%%", baseline / measured * 100)
    }

    /// The fastest of `n` runs, in seconds.
    func best(of n: Int, _ body: () -> Void) -> Double {
        var fastest = Double.infinity
        for _ in 0..<n {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return fastest
    }

    /// Counts lines the fastest simple way: 1 MiB blocks and `memchr`.
    static func countLines(_ path: String) -> Int {
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var count = 0
        while true {
            let n = read(fd, buffer, 1 << 20)
            if n <= 0 { break }
            var p = buffer
            var left = n
            while left > 0, let hit = memchr(p, 0x0A, left) {
                count += 1
                let used = hit - p + 1
                p = hit + 1
                left -= used
            }
        }
        return count
    }

    struct Spawned {
        var status: Int32
        var seconds: Double
        var peakMB: Double
        var output: Data
    }

    /// Runs a command, returning its wall time and peak resident memory (from `wait4`).
    static func spawn(_ command: [String], capture: Bool) throws -> Spawned {
        var pipe: [Int32] = [0, 0]
        if capture { _ = Glibc.pipe(&pipe) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if capture {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipe[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawnp(&pid, command[0], &actions, nil, argv, environ) == 0 else {
            throw NSError(domain: "causeway-bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "cannot run \(command[0])"])
        }
        var output = Data()
        if capture {
            close(pipe[1])
            let handle = FileHandle(fileDescriptor: pipe[0], closeOnDealloc: true)
            output = handle.readDataToEndOfFile()
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Spawned(status: status, seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024, output: output)
    }
}

try Benchmark.main()
