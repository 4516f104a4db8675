import CausewayAnalysis
import CausewayCore
import CausewayHistory
import CausewayReport
import Foundation
import GRDB
import Testing

@Suite("History schema: migrations, and files that are refused untouched")
struct SchemaTests {
    /// The v1 schema as released, written out by hand: a migration test must not build its "old" file
    /// with the current code.
    static let v1 = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1');
        CREATE TABLE incident (
            id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, severity TEXT NOT NULL, windowStart INTEGER,
            windowEnd INTEGER, patientZeroService TEXT, patientZeroRole TEXT, patientZeroSignal TEXT,
            propagationPath TEXT NOT NULL, pathRoles TEXT NOT NULL, storedAt INTEGER NOT NULL, report BLOB NOT NULL);
        CREATE TABLE incident_service (
            incidentId TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE, service TEXT NOT NULL,
            role TEXT NOT NULL, health TEXT NOT NULL, PRIMARY KEY (incidentId, service)) WITHOUT ROWID;
        CREATE TABLE incident_template (
            incidentId TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE, service TEXT NOT NULL,
            signal TEXT NOT NULL, pattern TEXT NOT NULL, count INTEGER NOT NULL,
            PRIMARY KEY (incidentId, service, signal, pattern)) WITHOUT ROWID;
        CREATE TABLE incident_term (
            incidentId TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE, kind TEXT NOT NULL,
            term TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (incidentId, kind, term)) WITHOUT ROWID;
        """

    /// Files SQLite leaves beside a database.
    static func sidecars(_ url: URL) -> [String] {
        ["-wal", "-shm", "-journal"].filter { FileManager.default.fileExists(atPath: url.path + $0) }
    }

    @Test("a v1 file made by hand is migrated to the current schema and keeps its incident")
    func migratesV1() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("old.sqlite")
        let report = try analyse(Incidents.paymentsOOM)
        let json = JSONReportWriter.data(report)
        let id = IncidentID(of: report)
        do {
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { db in
                try db.execute(sql: Self.v1)
                try db.execute(
                    sql: """
                        INSERT INTO incident VALUES (?, ?, 'P1', 1779616805000000000, 1779616807000000000, 'payments-worker',
                            'worker', 'oom', '["payments-worker","checkout-api","api-gateway"]', '["worker","api","gateway"]',
                            1779616900000000000, ?)
                        """, arguments: [id.rawValue, report.title, json])
                try db.execute(sql: "INSERT INTO incident_service VALUES (?, 'payments-worker', 'worker', 'down')", arguments: [id.rawValue])
                try db.execute(sql: "INSERT INTO incident_term VALUES (?, 'signal', 'oom', 1), (?, 'token', 'heap', 1)", arguments: [id.rawValue, id.rawValue])
            }
            try queue.close()
        }

        let history = try IncidentHistory(path: url.path)
        let applied = try DatabaseQueue(path: url.path).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == ["v1", "v2"])
        let stored = try #require(try history.incident(id))
        #expect(stored.reportJSON == json)
        #expect(stored.summary.patientZero?.signal == "oom")
        #expect(stored.signature.pathRoles == [.worker, .api, .gateway])
        #expect(try history.resolve(id, note: "v2 adds resolution notes").resolution?.note == "v2 adds resolution notes")
        #expect(try history.search(text: "heap").matches.map(\.incident.id) == [id])
        #expect(try history.similar(to: try analyse(Incidents.paymentsOOMAgain)).matches.first?.incident.id == id)
    }

    @Test("a file with a migration this version does not know is refused, and left byte for byte as it was")
    func refusesNewerSchema() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("newer.sqlite")
        do {
            let history = try IncidentHistory(path: url.path)
            try store(Incidents.ordersPool, in: history)
        }
        do {
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v3-from-the-future')")
                try db.execute(sql: "CREATE TABLE future (x)")
            }
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try queue.close()
        }
        let before = try #require(contents(url))
        do {
            _ = try IncidentHistory(path: url.path)
            Issue.record("a newer history must be refused")
        } catch {
            #expect(error.code == .newerSchema)
            #expect(error.description.contains("v3-from-the-future"))
            #expect(error.description.contains("Upgrade Causeway"))
        }
        #expect(contents(url) == before)
        let wal = contents(URL(fileURLWithPath: url.path + "-wal")) ?? Data()
        #expect(wal.isEmpty, "nothing was written to the write-ahead log either")
    }

    @Test("a file that is not SQLite is refused, left untouched, and no side file is made")
    func refusesForeignFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("notes.sqlite")
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try bytes.write(to: url)
        do {
            _ = try IncidentHistory(path: url.path)
            Issue.record("a file that is not SQLite must be refused")
        } catch {
            #expect(error.code == .notADatabase)
            #expect(error.description.contains("left untouched"))
        }
        #expect(contents(url) == bytes)
        #expect(Self.sidecars(url).isEmpty)
    }

    @Test("a damaged history (pages overwritten) is refused with `corrupt`, and left untouched")
    func refusesDamagedFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("damaged.sqlite")
        do {
            let history = try IncidentHistory(path: url.path)
            for text in [Incidents.paymentsOOM, Incidents.ordersPool, Incidents.redisDown, Incidents.diskFull] { try store(text, in: history) }
        }
        do {
            let queue = try DatabaseQueue(path: url.path)
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try queue.close()
        }
        // Keep page 1 (the header and the schema), scribble over every later page.
        var bytes = try #require(contents(url))
        let pageSize = 4096
        #expect(bytes.count > 2 * pageSize)
        for index in pageSize..<bytes.count { bytes[index] = UInt8(truncatingIfNeeded: index &* 31 &+ 7) }
        try bytes.write(to: url)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }

        var refused = false
        do {
            let history = try IncidentHistory(path: url.path)
            _ = try history.incidents()
            _ = try history.export()
        } catch {
            refused = true
            #expect(error.code == .corrupt || error.code == .notADatabase, "\(error)")
            #expect(error.description.contains("left untouched"))
        }
        #expect(refused, "reading a damaged history must fail with a clear error")
        #expect(contents(url) == bytes)
    }
}
