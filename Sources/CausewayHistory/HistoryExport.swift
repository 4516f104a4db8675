public import CausewayAnalysis
public import CausewayCore
public import Foundation
internal import GRDB

/// A whole history as one JSON document, to back it up, move it to another machine or merge it into
/// another history: every incident's report (as a JSON object, not a string) and its resolution note.
///
/// Signatures are not exported: importing reads them off the reports again, with the importing version's
/// rules.
public struct HistoryExport: Sendable, Codable {
    public static let formatName = "causeway-history"
    public static let currentVersion = 1

    /// One incident.
    public struct Entry: Sendable, Codable {
        public var id: IncidentID
        public var storedAt: Timestamp
        public var resolution: Resolution?
        public var report: IncidentReport

        public init(id: IncidentID, storedAt: Timestamp, resolution: Resolution?, report: IncidentReport) {
            self.id = id
            self.storedAt = storedAt
            self.resolution = resolution
            self.report = report
        }
    }

    /// Always `causeway-history`.
    public var format: String
    public var version: Int
    public var incidents: [Entry]

    public init(incidents: [Entry]) {
        format = Self.formatName
        version = Self.currentVersion
        self.incidents = incidents
    }

    /// The document's bytes: keys sorted, two-space indent.
    public func data() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    /// Reads an export; refuses anything else with a message that says what was expected.
    public static func decode(_ data: Data) throws(HistoryError) -> HistoryExport {
        let document: HistoryExport
        do {
            document = try JSONDecoder().decode(HistoryExport.self, from: data)
        } catch {
            throw HistoryError(
                .invalidExport,
                "the document is not a Causeway history export (`causeway history export` writes one)",
                underlying: "\(error)".prefix(300).description)
        }
        guard document.format == formatName else {
            throw HistoryError(.invalidExport, "the document's format is '\(document.format)', not '\(formatName)'")
        }
        guard document.version <= currentVersion else {
            throw HistoryError(
                .invalidExport, "the export is version \(document.version), newer than this Causeway reads (\(currentVersion)); upgrade Causeway")
        }
        return document
    }
}

extension IncidentHistory {
    /// Every incident with its report and resolution, oldest stored first (ties by id).
    public func export() throws(HistoryError) -> HistoryExport {
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.summaryColumns), report FROM incident ORDER BY storedAt, id").map { row in
                (try Self.summary(row), row["report"] as Data)
            }
        }
        var entries: [HistoryExport.Entry] = []
        for (summary, json) in rows {
            let report: IncidentReport
            do {
                report = try JSONDecoder().decode(IncidentReport.self, from: json)
            } catch {
                throw HistoryError(
                    .corrupt, "the stored report of \(summary.id) does not decode; forget it (causeway history forget \(summary.id)) and export again",
                    path: path, underlying: "\(error)".prefix(300).description)
            }
            entries.append(HistoryExport.Entry(id: summary.id, storedAt: summary.storedAt, resolution: summary.resolution, report: report))
        }
        return HistoryExport(incidents: entries)
    }
}
