import CausewayAnalysis
import CausewayCore
import CausewayHistory
import CausewayReport
import Foundation
import Testing

/// A fresh folder under the system's temporary directory, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-history-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Analyses log text as `causeway analyze -` would.
func analyse(_ text: String) throws -> IncidentReport {
    let pipeline = IncidentPipeline(analyzer: try IncidentAnalyzer.bundled(), generator: "causeway test")
    return try pipeline.run(.init(paths: ["-"], standardInput: Data(text.utf8), threads: 1))
}

/// Stores the incident of `text`, with the report.json bytes `analyze` writes.
@discardableResult
func store(_ text: String, in history: IncidentHistory) throws -> IncidentID {
    let report = try analyse(text)
    return try history.store(report, reportJSON: JSONReportWriter.data(report)).id
}

/// The bytes of a file, or nil when it does not exist.
func contents(_ url: URL) -> Data? {
    FileManager.default.contents(atPath: url.path)
}

/// Runs the built `causeway` binary with a fixed environment.
enum CausewayBinary {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var output: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The `causeway` executable beside this test bundle (SwiftPM builds both into one folder).
    static var url: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("causeway").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("causeway")
    }

    static func environment(home: URL, extra: [String: String] = [:]) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "LANG": "C", "TZ": "Pacific/Auckland", "COLUMNS": "100", "HOME": home.path]
            .merging(extra) { $1 }
    }

    /// A started process whose output goes to files (so many can run at once without pipes filling up).
    static func start(_ arguments: [String], home: URL, extra: [String: String] = [:]) throws -> (Process, URL, URL) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment(home: home, extra: extra)
        let out = home.appendingPathComponent("out-\(UUID().uuidString)")
        let err = home.appendingPathComponent("err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    static func run(_ arguments: [String], home: URL, extra: [String: String] = [:]) throws -> Result {
        let (process, out, err) = try start(arguments, home: home, extra: extra)
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: contents(out) ?? Data(),
            stderr: String(decoding: contents(err) ?? Data(), as: UTF8.self))
    }
}

/// Small incidents, each a few log lines, in labelled pairs: the second of a pair is the same failure on
/// another day, with other numbers, and a line more or less.
enum Incidents {
    static let paymentsOOM = """
        2026-05-24T10:00:05.000Z FATAL payments-worker java.lang.OutOfMemoryError: Java heap space
        2026-05-24T10:00:06.000Z ERROR checkout-api Circuit breaker OPENED for payments-worker
        2026-05-24T10:00:07.000Z ERROR api-gateway Upstream checkout-api 5xx rate 38% over last 1m
        """
    static let paymentsOOMAgain = """
        2026-07-02T03:12:40.000Z WARN payments-worker GC overhead limit approaching, heap 97% used
        2026-07-02T03:12:41.500Z FATAL payments-worker java.lang.OutOfMemoryError: Java heap space
        2026-07-02T03:12:42.000Z ERROR checkout-api Circuit breaker OPENED for payments-worker
        2026-07-02T03:12:44.000Z ERROR api-gateway Upstream checkout-api 5xx rate 61% over last 1m
        """
    static let ordersPool = """
        2026-05-30T14:00:01.000Z ERROR orders-api Postgres pool exhausted: 50/50 connections in use
        2026-05-30T14:00:02.000Z ERROR orders-api HikariPool-1 - Connection is not available, request timed out after 30000ms
        2026-05-30T14:00:03.000Z ERROR web-frontend GET /orders returned 503 from orders-api
        """
    static let ordersPoolAgain = """
        2026-08-11T22:40:10.000Z ERROR orders-api Postgres pool exhausted: 80/80 connections in use
        2026-08-11T22:40:12.000Z ERROR web-frontend GET /orders/771 returned 503 from orders-api
        """
    static let redisDown = """
        2026-06-03T09:00:00.000Z ERROR cart-api Redis CLUSTERDOWN The cluster is down
        2026-06-03T09:00:01.000Z ERROR cart-api Failed to read session from redis-cache: connection refused
        2026-06-03T09:00:02.000Z ERROR api-gateway Upstream cart-api 5xx rate 20% over last 1m
        """
    static let redisDownAgain = """
        2026-09-20T16:30:00.000Z ERROR cart-api Redis CLUSTERDOWN The cluster is down
        2026-09-20T16:30:05.000Z ERROR api-gateway Upstream cart-api 5xx rate 44% over last 1m
        """
    static let diskFull = """
        2026-06-10T01:00:00.000Z ERROR search-indexer No space left on device while writing segment 42
        2026-06-10T01:00:03.000Z ERROR search-api Index refresh failed: search-indexer unavailable
        """
    static let certificateExpired = """
        2026-06-15T00:00:01.000Z ERROR billing-api x509: certificate has expired or is not yet valid when calling payments-provider
        2026-06-15T00:00:02.000Z ERROR api-gateway Upstream billing-api 5xx rate 12% over last 1m
        """

    /// One line: the smallest report, for bulk writes.
    static let single = "2026-06-15T00:00:01.000Z ERROR billing-api x509: certificate has expired"

    /// (stored incident, its twin analysed later).
    static let pairs: [(name: String, stored: String, twin: String)] = [
        ("payments OOM", paymentsOOM, paymentsOOMAgain),
        ("orders pool exhausted", ordersPool, ordersPoolAgain),
        ("redis cluster down", redisDown, redisDownAgain),
    ]

    static let distractors = [diskFull, certificateExpired]
}
