import CausewayAnalysis
import CausewayCore
import CausewayHistory
import CausewayReport
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Several `causeway` processes on one history file: concurrent writers, and a writer killed with
/// SIGKILL in the middle of its writes. Real processes, a real file, no mocks.
@Suite("The history under concurrent and killed processes", .serialized)
struct ProcessTests {
    /// `PRAGMA integrity_check`, foreign keys, and every incident with its signature (batches are atomic).
    static func consistency(_ path: String) throws -> (integrity: [String], foreignKeyErrors: Int, incompleteIncidents: Int, ids: Set<String>) {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            (
                try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM incident WHERE id NOT IN (SELECT incidentId FROM incident_term) OR id NOT IN (SELECT incidentId FROM incident_service)"
                ) ?? -1,
                Set(try String.fetchAll(db, sql: "SELECT id FROM incident"))
            )
        }
    }

    /// Incidents that differ only in their title: distinct ids, cheap to make in bulk.
    static func variants(of report: IncidentReport, count: Int, tag: String) -> [HistoryExport.Entry] {
        (0..<count).map { index in
            var copy = report
            copy.title = "\(report.title) (\(tag) \(index))"
            return HistoryExport.Entry(id: IncidentID(of: copy), storedAt: Timestamp(nanoseconds: 0), resolution: nil, report: copy)
        }
    }

    @Test("four analyses writing one new history at once are all stored")
    func fourConcurrentAnalyses() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("shared/history.sqlite").path
        let texts = [Incidents.paymentsOOM, Incidents.ordersPool, Incidents.redisDown, Incidents.diskFull]
        var logs: [String] = []
        for (index, text) in texts.enumerated() {
            let url = folder.appendingPathComponent("incident-\(index).log")
            try Data((text + "\n").utf8).write(to: url)
            logs.append(url.path)
        }
        let processes = try logs.map { try CausewayBinary.start(["analyze", $0, "--format", "json", "--history", database], home: folder) }
        var expected = Set<String>()
        for (process, out, err) in processes {
            process.waitUntilExit()
            let stderr = String(decoding: contents(err) ?? Data(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(stderr)")
            let report = try JSONDecoder().decode(IncidentReport.self, from: try #require(contents(out)))
            #expect(report.similarIncidents.searched)
            expected.insert(IncidentID(of: report).rawValue)
            #expect(stderr.contains("Stored as \(IncidentID(of: report))"))
        }
        #expect(expected.count == 4)
        let state = try Self.consistency(database)
        #expect(state.integrity == ["ok"])
        #expect(state.ids == expected)
    }

    @Test("four imports of 50 incidents each, at once, store all 200")
    func fourConcurrentImports() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("history.sqlite").path
        let base = try analyse(Incidents.single)
        var expected = Set<String>()
        var files: [String] = []
        for writer in 0..<4 {
            let entries = Self.variants(of: base, count: 50, tag: "writer \(writer)")
            expected.formUnion(entries.map(\.id.rawValue))
            let url = folder.appendingPathComponent("export-\(writer).json")
            try HistoryExport(incidents: entries).data().write(to: url)
            files.append(url.path)
        }
        // Small batches, so the four writers interleave many transactions.
        let processes = try files.map { try CausewayBinary.start(["history", "import", $0, "--history", database], home: folder) }
        for (process, _, err) in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(String(decoding: contents(err) ?? Data(), as: UTF8.self))")
        }
        let state = try Self.consistency(database)
        #expect(state.integrity == ["ok"])
        #expect(state.ids == expected)
        #expect(state.incompleteIncidents == 0)
    }

    @Test("kill -9 during an import: integrity_check is ok and every incident stored before is still there")
    func killedMidWrite() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("history.sqlite").path
        var earlier = Set<String>()
        do {
            let history = try IncidentHistory(path: database)
            for text in [Incidents.paymentsOOM, Incidents.ordersPool, Incidents.redisDown] {
                earlier.insert(try store(text, in: history).rawValue)
            }
        }
        let total = 1200
        let export = folder.appendingPathComponent("big.json")
        try HistoryExport(incidents: Self.variants(of: try analyse(Incidents.single), count: total, tag: "bulk")).data().write(to: export)

        let reader = try DatabaseQueue(path: database)
        func count() throws -> Int { try reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM incident") ?? 0 } }

        // Three rounds, each killed at another point of its writes (fixed delays, no randomness).
        for delay in [0.0, 0.015, 0.04] {
            let before = try Self.consistency(database).ids
            let (process, _, err) = try CausewayBinary.start(["history", "import", export.path, "--history", database], home: folder)
            let deadline = Date().addingTimeInterval(120)
            while try count() <= before.count, process.isRunning, Date() < deadline { usleep(2_000) }
            Thread.sleep(forTimeInterval: delay)
            #expect(process.isRunning, "the import must still be writing when it is killed: \(String(decoding: contents(err) ?? Data(), as: UTF8.self))")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)

            let after = try Self.consistency(database)
            #expect(after.integrity == ["ok"])
            #expect(after.foreignKeyErrors == 0)
            #expect(after.incompleteIncidents == 0, "a batch is committed whole or not at all")
            #expect(earlier.isSubset(of: after.ids), "the incidents stored before the import are all there")
            #expect(before.isSubset(of: after.ids), "nothing committed before this round was lost")
            #expect(after.ids.count > before.count, "the import had committed at least one batch")
            #expect(after.ids.count < total + earlier.count, "killed part-way, not after the end")
        }
        try reader.close()

        // The history opens and works afterwards, and a full import completes it.
        let history = try IncidentHistory(path: database)
        for id in earlier { #expect(try history.incident(IncidentID(id)!) != nil) }
        let result = try CausewayBinary.run(["history", "import", export.path, "--history", database], home: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try history.count() == total + earlier.count)
        #expect(try Self.consistency(database).integrity == ["ok"])
    }
}
