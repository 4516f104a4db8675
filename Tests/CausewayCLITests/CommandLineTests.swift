import CausewaySamples
import Foundation
import Testing

/// Runs the built `causeway` binary, as a user would, with a fixed environment.
struct CommandResult {
    var status: Int32
    var stdout: Data
    var stderr: String
    var output: String { String(decoding: stdout, as: UTF8.self) }
}

enum Binary {
    /// The `causeway` executable beside this test bundle (SwiftPM builds both into one folder).
    static var url: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // Inside an .xctest bundle on Darwin the binary sits deeper; walk up to the build folder.
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("causeway").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("causeway")
    }

    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C", "TZ": "Pacific/Auckland", "COLUMNS": "100"]
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("The causeway binary", .serialized)
struct CommandLineTests {
    @Test("the binary exists (build it with `swift build` before `swift test`)")
    func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: Binary.url.path), "\(Binary.url.path)")
    }

    @Test("demo writes the five documents and prints where they are and a three-line summary")
    func demo() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Binary.run(["demo", "--out", directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["report.md", "report.html", "report.json", "causal-graph.dot", "causal-graph.svg"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)
            #expect((attributes[.size] as? Int ?? 0) > 500, "\(name) is missing or tiny")
        }
        #expect(result.output.contains(directory.path))
        #expect(result.output.contains("Root cause: "))
        #expect(result.output.contains("Path: "))
        #expect(result.output.contains("Severity P"))
    }

    @Test("analyze --format json prints the report on stdout and nothing else")
    func analyzeJSON() throws {
        let demo = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: demo) }
        let logs = demo.appendingPathComponent("case/logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        try """
        2026-05-24T10:00:05.000Z FATAL payments-worker java.lang.OutOfMemoryError: Java heap space
        2026-05-24T10:00:06.000Z ERROR checkout-api Circuit breaker OPENED for payments-worker
        """.write(to: logs.appendingPathComponent("app.log"), atomically: true, encoding: .utf8)
        try #"{"root_cause": {"service": "nobody"}}"#.write(to: demo.appendingPathComponent("case/truth.json"), atomically: true, encoding: .utf8)
        // The script that wrote the logs, with times and levels in it: source code, not a log.
        try #"print("2026-05-24T10:00:07.000Z FATAL gen crashed")"#.write(to: demo.appendingPathComponent("case/gen.py"), atomically: true, encoding: .utf8)
        let result = try Binary.run(["analyze", demo.appendingPathComponent("case").path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((object["patientZero"] as? [String: Any])?["service"] as? String == "payments-worker")
        #expect((object["ingest"] as? [String: Any])?["files"] as? Int == 1, "truth.json and gen.py are never read as logs")
        let skipped = (object["ingest"] as? [String: Any])?["skipped"]
        #expect("\(skipped ?? "")".contains("source code"), "the script is counted as skipped: \(skipped ?? "")")
    }

    @Test("reads standard input")
    func stdin() throws {
        let input = Data("2026-05-24T10:00:05.000Z FATAL payments-worker Out of memory: killing process\n".utf8)
        let result = try Binary.run(["analyze", "-", "--format", "md"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.hasPrefix("# Incident report: Out of memory in payments-worker"))
    }

    @Test("two runs print identical bytes, whatever the time zone")
    func deterministic() throws {
        let first = try Binary.run(["analyze", "-", "--format", "json"], stdin: Data("2026-05-24T10:00:05Z ERROR a-api connection refused to b-db\n".utf8))
        let second = try Binary.run(["analyze", "-", "--format", "json"], stdin: Data("2026-05-24T10:00:05Z ERROR a-api connection refused to b-db\n".utf8))
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test("exit 1 with the reason when nothing can be analysed")
    func nothingToAnalyse() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.log")
        try Data().write(to: empty)
        let result = try Binary.run(["analyze", empty.path, "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no usable log record"))
        #expect(result.stdout.isEmpty)
        let missing = try Binary.run(["analyze", "/no/such/file.log"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/no/such/file.log"))
    }

    @Test("exit 2 on usage errors")
    func usage() throws {
        #expect(try Binary.run(["analyze"]).status == 2)
        #expect(try Binary.run(["analyze", "x.log", "--format", "pdf"]).status == 2)
        #expect(try Binary.run(["frobnicate"]).status == 2)
    }

    @Test("compare writes one page and one diagram per hypothesis, and prints each hypothesis' path")
    func compare() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("hypotheses")
        let result = try Binary.run(["compare", try Self.demoFolder(), "--hypotheses", "3", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(names.contains("compare.html"))
        #expect(names.filter { $0.hasPrefix("hypothesis-") && $0.hasSuffix(".svg") }.count == 3, "\(names.sorted())")
        #expect(names.filter { $0.hasPrefix("hypothesis-") && $0.hasSuffix(".dot") }.count == 3)
        #expect(names.contains("hypothesis-1-payments-worker.svg"))
        let html = try String(contentsOf: out.appendingPathComponent("compare.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
        #expect(result.output.contains("#1 payments-worker"))
        #expect(result.output.contains("#2 redis-cache"))
        #expect(try Binary.run(["compare", "x.log", "--hypotheses", "0"]).status == 2)
    }

    @Test("analyze --format png prints the causal graph as PNG; --format mermaid as a Mermaid flowchart")
    func diagramFormats() throws {
        let png = try Binary.run(["analyze", try Self.demoFolder(), "--format", "png"])
        #expect(png.status == 0, "\(png.stderr)")
        #expect(Array(png.stdout.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let mermaid = try Binary.run(["analyze", try Self.demoFolder(), "--format", "mermaid"])
        #expect(mermaid.status == 0, "\(mermaid.stderr)")
        #expect(mermaid.output.hasPrefix("flowchart TB\n"))
        #expect(mermaid.output.contains("svc_payments_worker[\"PATIENT ZERO<br/>payments-worker"))
    }

    @Test("analyze --out writes the timeline and the hypotheses' diagrams that report.md links")
    func outDiagrams() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Binary.run(["analyze", try Self.demoFolder(), "--out", directory.path, "--diagrams", "png"])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOf: directory.appendingPathComponent("report.md"), encoding: .utf8)
        for name in ["timeline.svg", "timeline.png", "causal-graph.png", "causal-graph.mmd", "hypothesis-2-redis-cache.png"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name) missing")
        }
        #expect(markdown.contains("](timeline.png)"))
        #expect(result.stderr.contains("timeline.svg"))
    }

    /// The bundled example's folder, from the sample resources.
    static func demoFolder() throws -> String {
        try #require(BundledIncidents.directory(named: BundledIncidents.demo)).path
    }

    @Test("--help on every command shows an example", arguments: [[], ["analyze"], ["compare"], ["demo"], ["graphs"]])
    func help(command: [String]) throws {
        let result = try Binary.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("Example"), "\(result.output)")
    }
}
