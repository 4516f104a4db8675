public import CausewayAnalysis
public import CausewayCore
public import Foundation
internal import GRDB

extension IncidentHistory {
    // MARK: - Writing

    /// Stores one analysed incident: its signature and its `report.json` bytes as written
    /// (`JSONReportWriter.data(report)`). Storing a report the history already holds changes nothing.
    @discardableResult
    public func store(_ report: IncidentReport, reportJSON: Data) throws(HistoryError) -> StoreOutcome {
        try store([NewIncident(report: report, reportJSON: reportJSON)])[0]
    }

    /// Stores incidents in transactions of `batchSize`: a process killed part-way keeps every batch it
    /// committed. A resolution given for an incident already stored without one is recorded.
    @discardableResult
    public func store(_ incidents: [NewIncident], batchSize: Int = 100) throws(HistoryError) -> [StoreOutcome] {
        var outcomes: [StoreOutcome] = []
        outcomes.reserveCapacity(incidents.count)
        var start = 0
        while start < incidents.count {
            let batch = incidents[start..<min(incidents.count, start + max(1, batchSize))]
            let storedAt = Self.now()
            outcomes += try write { db in try batch.map { try Self.insert($0, storedAt: storedAt, db) } }
            start += batch.count
        }
        return outcomes
    }

    static func insert(_ incident: NewIncident, storedAt: Timestamp, _ db: Database) throws -> StoreOutcome {
        let id = IncidentID(of: incident.report)
        let signature = IncidentSignature(report: incident.report)
        try db.execute(
            sql: """
                INSERT INTO incident (id, title, severity, windowStart, windowEnd, patientZeroService, patientZeroRole,
                    patientZeroSignal, propagationPath, pathRoles, storedAt, report, resolution, resolvedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO NOTHING
                """,
            arguments: [
                id.rawValue, signature.title, signature.severity, signature.windowStart?.nanoseconds,
                signature.windowEnd?.nanoseconds, signature.patientZero?.service.rawValue,
                signature.patientZero?.role.rawValue, signature.patientZero?.signal,
                jsonArray(signature.propagationPath.map(\.rawValue)), jsonArray(signature.pathRoles.map(\.rawValue)),
                storedAt.nanoseconds, incident.reportJSON, incident.resolution?.note, incident.resolution?.recordedAt.nanoseconds,
            ])
        guard db.changesCount > 0 else {
            if let resolution = incident.resolution {
                try db.execute(
                    sql: "UPDATE incident SET resolution = ?, resolvedAt = ? WHERE id = ? AND resolution IS NULL",
                    arguments: [resolution.note, resolution.recordedAt.nanoseconds, id.rawValue])
            }
            return StoreOutcome(id: id, inserted: false)
        }
        for service in signature.services {
            try db.execute(
                sql: "INSERT INTO incident_service (incidentId, service, role, health) VALUES (?, ?, ?, ?)",
                arguments: [id.rawValue, service.name.rawValue, service.role.rawValue, service.health.rawValue])
        }
        for template in signature.templates {
            try db.execute(
                sql: "INSERT INTO incident_template (incidentId, service, signal, pattern, count) VALUES (?, ?, ?, ?, ?)",
                arguments: [id.rawValue, template.service.rawValue, template.signal, template.pattern, template.count])
        }
        for term in signature.terms {
            try db.execute(
                sql: "INSERT INTO incident_term (incidentId, kind, term, count) VALUES (?, ?, ?, ?)",
                arguments: [id.rawValue, term.kind.rawValue, term.text, term.count])
        }
        return StoreOutcome(id: id, inserted: true)
    }

    /// Records how the incident was resolved, replacing an earlier note.
    @discardableResult
    public func resolve(_ id: IncidentID, note: String, at time: Timestamp? = nil) throws(HistoryError) -> IncidentSummary {
        let recordedAt = time ?? Self.now()
        let changed = try write { db in
            try db.execute(
                sql: "UPDATE incident SET resolution = ?, resolvedAt = ? WHERE id = ?",
                arguments: [note, recordedAt.nanoseconds, id.rawValue])
            return db.changesCount
        }
        guard changed > 0, let summary = try incident(id)?.summary else { throw notFound(id) }
        return summary
    }

    /// Deletes the incident and its signature.
    public func forget(_ id: IncidentID) throws(HistoryError) {
        let changed = try write { db in
            try db.execute(sql: "DELETE FROM incident WHERE id = ?", arguments: [id.rawValue])
            return db.changesCount
        }
        guard changed > 0 else { throw notFound(id) }
    }

    func notFound(_ id: IncidentID) -> HistoryError {
        HistoryError(.incidentNotFound, "no incident \(id) in this history; `causeway history list` shows the ids", path: path)
    }

    // MARK: - Reading

    /// Every stored incident, the most recent window first (incidents without times last), ties by id.
    public func incidents() throws(HistoryError) -> [IncidentSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.summaryColumns) FROM incident ORDER BY windowStart IS NULL, windowStart DESC, id")
                .map(Self.summary)
        }
    }

    /// How many incidents the history holds.
    public func count() throws(HistoryError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM incident") ?? 0 }
    }

    /// The incident with `id`, in full; nil when there is none.
    public func incident(_ id: IncidentID) throws(HistoryError) -> StoredIncident? {
        try read { db in
            guard let (summary, base) = try Self.signatures(db, only: id)[id],
                let report = try Data.fetchOne(db, sql: "SELECT report FROM incident WHERE id = ?", arguments: [id.rawValue])
            else { return nil }
            var signature = base
            signature.templates = try Row.fetchAll(
                db, sql: "SELECT service, signal, pattern, count FROM incident_template WHERE incidentId = ? ORDER BY service, signal, pattern",
                arguments: [id.rawValue]
            ).map { row in
                IncidentSignature.Template(service: ServiceName(row["service"]), signal: row["signal"], pattern: row["pattern"], count: row["count"])
            }
            return StoredIncident(summary: summary, signature: signature, reportJSON: report)
        }
    }

    /// Incidents whose id starts with `prefix` (`INC-3fa9` or `3fa9`), for ids typed by hand.
    public func incidents(withIDPrefix prefix: String) throws(HistoryError) -> [IncidentID] {
        var text = prefix.lowercased()
        if text.hasPrefix("inc-") { text.removeFirst(4) }
        guard !text.isEmpty, text.allSatisfy(\.isHexDigit) else { return [] }
        return try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM incident WHERE id LIKE ? ORDER BY id", arguments: ["INC-\(text)%"])
                .map(IncidentID.init(unchecked:))
        }
    }

    /// The summaries and signatures (services and terms; templates are only read for ``incident(_:)``)
    /// of every incident, read in one transaction.
    func signatures() throws(HistoryError) -> [IncidentID: (IncidentSummary, IncidentSignature)] {
        try read { db in try Self.signatures(db, only: nil) }
    }

    static func signatures(_ db: Database, only id: IncidentID?) throws -> [IncidentID: (IncidentSummary, IncidentSignature)] {
        let filter = id == nil ? "" : " WHERE i.id = ?"
        let arguments: StatementArguments = id.map { [$0.rawValue] } ?? []
        var result: [IncidentID: (IncidentSummary, IncidentSignature)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT \(summaryColumns), pathRoles FROM incident i\(filter)", arguments: arguments) {
            let summary = try Self.summary(row)
            let roles = decodeArray(row["pathRoles"]).map { ServiceRole(rawValue: $0) ?? .unknown }
            result[summary.id] = (summary, emptySignature(summary, pathRoles: roles))
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT s.incidentId, s.service, s.role, s.health FROM incident_service s JOIN incident i ON i.id = s.incidentId\(filter) ORDER BY s.incidentId, s.service",
            arguments: arguments)
        {
            let key = IncidentID(unchecked: row["incidentId"])
            result[key]?.1.services.append(
                IncidentSignature.Service(
                    name: ServiceName(row["service"]), role: ServiceRole(rawValue: row["role"]) ?? .unknown,
                    health: ServiceHealth(rawValue: row["health"]) ?? .degraded))
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT t.incidentId, t.kind, t.term, t.count FROM incident_term t JOIN incident i ON i.id = t.incidentId\(filter) ORDER BY t.incidentId, t.kind, t.term",
            arguments: arguments)
        {
            guard let kind = IncidentSignature.Term.Kind(rawValue: row["kind"]) else { continue }
            result[IncidentID(unchecked: row["incidentId"])]?.1.terms.append(IncidentSignature.Term(kind: kind, text: row["term"], count: row["count"]))
        }
        return result
    }

    static let summaryColumns =
        "id, title, severity, windowStart, windowEnd, patientZeroService, patientZeroRole, patientZeroSignal, propagationPath, storedAt, resolution, resolvedAt"

    static func summary(_ row: Row) throws -> IncidentSummary {
        var root: IncidentSignature.Root?
        if let service: String = row["patientZeroService"] {
            root = IncidentSignature.Root(
                service: ServiceName(service), role: ServiceRole(rawValue: row["patientZeroRole"] ?? "") ?? .unknown,
                signal: row["patientZeroSignal"] ?? "error")
        }
        let resolution: Resolution? = (row["resolution"] as String?).map { note in
            Resolution(note: note, recordedAt: Timestamp(nanoseconds: row["resolvedAt"] ?? 0))
        }
        return IncidentSummary(
            id: IncidentID(unchecked: row["id"]), title: row["title"], severity: row["severity"],
            windowStart: (row["windowStart"] as Int64?).map(Timestamp.init(nanoseconds:)),
            windowEnd: (row["windowEnd"] as Int64?).map(Timestamp.init(nanoseconds:)), patientZero: root,
            propagationPath: decodeArray(row["propagationPath"]).map { ServiceName($0) }, storedAt: Timestamp(nanoseconds: row["storedAt"]),
            resolution: resolution)
    }

    static func emptySignature(_ summary: IncidentSummary, pathRoles: [ServiceRole]) -> IncidentSignature {
        IncidentSignature(
            title: summary.title, severity: summary.severity, windowStart: summary.windowStart, windowEnd: summary.windowEnd,
            patientZero: summary.patientZero, propagationPath: summary.propagationPath, pathRoles: pathRoles, services: [],
            templates: [], terms: [])
    }

    static func jsonArray(_ items: [String]) -> String {
        let data = (try? JSONEncoder().encode(items)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decodeArray(_ text: String?) -> [String] {
        guard let text else { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
