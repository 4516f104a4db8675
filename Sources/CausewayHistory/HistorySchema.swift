internal import GRDB

/// The history's tables, as GRDB migrations. A migration, once released, never changes: a new need is a
/// new migration appended at the end, so every older file can be brought forward.
///
/// - `v1`: `incident` (the signature's scalar fields and the `report.json` bytes), `incident_service`,
///   `incident_template` and `incident_term` (the signature's lists, deleted with their incident).
/// - `v2`: resolution notes (`incident.resolution`, `incident.resolvedAt`), and indexes for listing by
///   window and looking up terms.
///
/// Times are integer nanoseconds since 1970-01-01T00:00:00Z; lists of names are JSON arrays.
enum HistorySchema {
    static let v1 = """
        CREATE TABLE incident (
            id TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL,
            severity TEXT NOT NULL,
            windowStart INTEGER,
            windowEnd INTEGER,
            patientZeroService TEXT,
            patientZeroRole TEXT,
            patientZeroSignal TEXT,
            propagationPath TEXT NOT NULL,
            pathRoles TEXT NOT NULL,
            storedAt INTEGER NOT NULL,
            report BLOB NOT NULL
        );
        CREATE TABLE incident_service (
            incidentId TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
            service TEXT NOT NULL,
            role TEXT NOT NULL,
            health TEXT NOT NULL,
            PRIMARY KEY (incidentId, service)
        ) WITHOUT ROWID;
        CREATE TABLE incident_template (
            incidentId TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
            service TEXT NOT NULL,
            signal TEXT NOT NULL,
            pattern TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (incidentId, service, signal, pattern)
        ) WITHOUT ROWID;
        CREATE TABLE incident_term (
            incidentId TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            term TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (incidentId, kind, term)
        ) WITHOUT ROWID;
        """

    static let v2 = """
        ALTER TABLE incident ADD COLUMN resolution TEXT;
        ALTER TABLE incident ADD COLUMN resolvedAt INTEGER;
        CREATE INDEX incident_by_window ON incident(windowStart);
        CREATE INDEX incident_term_by_term ON incident_term(kind, term);
        """

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try db.execute(sql: v1) }
        migrator.registerMigration("v2") { db in try db.execute(sql: v2) }
        return migrator
    }
}
