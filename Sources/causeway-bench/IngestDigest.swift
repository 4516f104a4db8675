import CausewayCore
import CausewayIngest
import Foundation

/// A complete, stable text dump of what ingest produced, for checking that a change to the ingest hot path
/// leaves its output byte for byte the same (`causeway-bench digest PATH… > before.txt`, change, run again,
/// `diff`). Run with `SWIFT_DETERMINISTIC_HASHING=1` so dictionaries inside the statistics dump in one order.
///
/// A folder holding log files is read as one incident case (as `causeway analyze` reads it); a folder of
/// case folders is read case by case; a file is read alone. Each input is read on one core and again on two
/// workers with small parts, so the dump also covers the parallel split.
struct IngestDigest {
    var paths: [String]

    func run() throws {
        let rulebook = try SignalRulebook.bundled()
        var output = ""
        for path in paths {
            for input in Self.inputs(path) {
                let resolved = try ResolvedInputs.resolve([input])
                let sources = resolved.logFiles.map { LogSource.file(path: $0.path, displayPath: $0.displayPath) }
                let single = IngestEngine(rulebook: rulebook, options: .init(workers: 1)).run(sources)
                let split = IngestEngine(rulebook: rulebook, options: .init(workers: 2, splitThreshold: 1 << 20)).run(sources)
                output += "== \(input)\n"
                dump(single.templates, to: &output)
                dump(single.statistics, to: &output)
                dump(single.spans, to: &output)
                dump(single.tracedLines, to: &output)
                let differing = Self.differences(single, split)
                output += "-- split: \(differing.isEmpty ? "same" : "DIFFERENT (\(differing.joined(separator: ", ")))")\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// The parts of two ingests of one input that differ.
    static func differences(_ a: IncidentLog, _ b: IncidentLog) -> [String] {
        var parts: [String] = []
        if a.templates != b.templates { parts.append("templates") }
        if a.statistics != b.statistics { parts.append("statistics") }
        if a.spans != b.spans { parts.append("spans") }
        if a.tracedLines != b.tracedLines { parts.append("traced lines") }
        return parts
    }

    /// A case folder as itself; a folder of case folders as its cases; a file as itself.
    static func inputs(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        let folders = children.filter { child in
            var childIsDirectory: ObjCBool = false
            let full = (path as NSString).appendingPathComponent(child)
            return FileManager.default.fileExists(atPath: full, isDirectory: &childIsDirectory) && childIsDirectory.boolValue
                && !child.hasPrefix(".") && child != "logs"
        }
        let holdsLogs = children.contains { $0.hasSuffix(".log") || $0.hasSuffix(".jsonl") || $0 == "logs" }
        if holdsLogs || folders.isEmpty { return [path] }
        return folders.flatMap { inputs((path as NSString).appendingPathComponent($0)) }
    }
}
