import CausewayAnalysis
import CausewayCore
import CausewayHistory
import CausewayReport
import Foundation
import GRDB
import Testing

@Suite("IncidentHistory on a real SQLite file")
struct StorageTests {
    @Test("a stored incident reads back with its report.json bytes, signature and a stable id")
    func roundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = try IncidentHistory(path: folder.appendingPathComponent("nested/history.sqlite").path)
        let report = try analyse(Incidents.paymentsOOM)
        let json = JSONReportWriter.data(report)
        let outcome = try history.store(report, reportJSON: json)
        #expect(outcome.inserted)
        #expect(outcome.id == IncidentID(of: report))
        let stored = try #require(try history.incident(outcome.id))
        #expect(stored.reportJSON == json)
        #expect(stored.signature == IncidentSignature(report: report))
        #expect(stored.summary.title == report.title)
        #expect(stored.summary.resolution == nil)
    }

    @Test("storing the same report again changes nothing")
    func idempotent() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = try IncidentHistory(path: folder.appendingPathComponent("history.sqlite").path)
        let report = try analyse(Incidents.redisDown)
        let first = try history.store(report, reportJSON: JSONReportWriter.data(report))
        try history.resolve(first.id, note: "failed over the cluster")
        let again = try history.store(try analyse(Incidents.redisDown), reportJSON: JSONReportWriter.data(report))
        #expect(again == StoreOutcome(id: first.id, inserted: false))
        #expect(try history.count() == 1)
        #expect(try history.incident(first.id)?.summary.resolution?.note == "failed over the cluster")
    }

    @Test("list: most recent window first; resolve records a note; forget deletes the incident and its signature")
    func listResolveForget() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("history.sqlite").path
        let history = try IncidentHistory(path: path)
        let may = try store(Incidents.paymentsOOM, in: history)
        let july = try store(Incidents.paymentsOOMAgain, in: history)
        let june = try store(Incidents.redisDown, in: history)
        #expect(try history.incidents().map(\.id) == [july, june, may])

        let resolved = try history.resolve(may, note: "raised the heap to 1 GiB", at: Timestamp(nanoseconds: 1_000_000_000))
        #expect(resolved.resolution == Resolution(note: "raised the heap to 1 GiB", recordedAt: Timestamp(nanoseconds: 1_000_000_000)))
        #expect(try history.incidents(withIDPrefix: String(may.rawValue.prefix(8))).contains(may))

        try history.forget(june)
        #expect(try history.incidents().map(\.id) == [july, may])
        let orphans = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM incident_term WHERE incidentId = ?) + (SELECT COUNT(*) FROM incident_service WHERE incidentId = ?)", arguments: [june.rawValue, june.rawValue])
        }
        #expect(orphans == 0)
        #expect(throws: HistoryError.self) { try history.forget(june) }
        do {
            try history.resolve(june, note: "x")
            Issue.record("resolving a forgotten incident must fail")
        } catch {
            #expect(error.code == .incidentNotFound)
        }
    }

    @Test("export then import into another file keeps every id, report and resolution note")
    func exportImport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try IncidentHistory(path: folder.appendingPathComponent("a.sqlite").path)
        let ids = try [Incidents.paymentsOOM, Incidents.ordersPool, Incidents.diskFull].map { try store($0, in: source) }
        try source.resolve(ids[1], note: "bigger pool", at: Timestamp(nanoseconds: 5))
        let document = try HistoryExport.decode(try source.export().data())
        #expect(Set(document.incidents.map(\.id)) == Set(ids))

        let target = try IncidentHistory(path: folder.appendingPathComponent("b.sqlite").path)
        let outcomes = try target.store(
            document.incidents.map { NewIncident(report: $0.report, reportJSON: JSONReportWriter.data($0.report), resolution: $0.resolution) })
        #expect(outcomes.allSatisfy { $0.inserted })
        #expect(Set(outcomes.map(\.id)) == Set(ids), "a report read back from an export has the same id")
        for id in ids {
            #expect(try target.incident(id)?.reportJSON == source.incident(id)?.reportJSON)
        }
        #expect(try target.incident(ids[1])?.summary.resolution?.note == "bigger pool")
        #expect(throws: HistoryError.self) { try HistoryExport.decode(Data("{\"incidents\": 3}".utf8)) }
    }

    @Test("the default path follows XDG_DATA_HOME, else ~/.local/share")
    func defaultPath() {
        #expect(IncidentHistory.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]) == "/data/causeway/history.sqlite")
        #expect(IncidentHistory.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/share/causeway/history.sqlite")
        #expect(
            IncidentHistory.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/a"])
                == "/home/a/.local/share/causeway/history.sqlite", "a relative XDG_DATA_HOME is ignored, as the spec says")
    }

    @Test("the file is in WAL mode with full sync")
    func walMode() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("history.sqlite").path
        _ = try IncidentHistory(path: path)
        let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }
}
