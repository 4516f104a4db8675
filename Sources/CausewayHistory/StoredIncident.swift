public import CausewayAnalysis
public import CausewayCore
public import Foundation

/// What someone wrote down about how an incident was resolved.
public struct Resolution: Hashable, Sendable, Codable {
    public var note: String
    public var recordedAt: Timestamp

    public init(note: String, recordedAt: Timestamp) {
        self.note = note
        self.recordedAt = recordedAt
    }
}

/// One stored incident as ``IncidentHistory/incidents()`` lists it.
public struct IncidentSummary: Hashable, Sendable, Codable {
    public var id: IncidentID
    public var title: String
    /// `P1` to `P4`.
    public var severity: String
    public var windowStart: Timestamp?
    public var windowEnd: Timestamp?
    public var patientZero: IncidentSignature.Root?
    public var propagationPath: [ServiceName]
    /// When this history first stored it.
    public var storedAt: Timestamp
    public var resolution: Resolution?

    public init(
        id: IncidentID, title: String, severity: String, windowStart: Timestamp?, windowEnd: Timestamp?,
        patientZero: IncidentSignature.Root?, propagationPath: [ServiceName], storedAt: Timestamp, resolution: Resolution?
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.patientZero = patientZero
        self.propagationPath = propagationPath
        self.storedAt = storedAt
        self.resolution = resolution
    }
}

/// One stored incident in full: its summary, its signature and its `report.json` bytes as written.
public struct StoredIncident: Hashable, Sendable {
    public var summary: IncidentSummary
    public var signature: IncidentSignature
    public var reportJSON: Data

    public var id: IncidentID { summary.id }

    public init(summary: IncidentSummary, signature: IncidentSignature, reportJSON: Data) {
        self.summary = summary
        self.signature = signature
        self.reportJSON = reportJSON
    }
}

/// An incident to store: the report, its JSON as written, and (from an import) a resolution already known.
public struct NewIncident: Sendable {
    public var report: IncidentReport
    public var reportJSON: Data
    public var resolution: Resolution?

    public init(report: IncidentReport, reportJSON: Data, resolution: Resolution? = nil) {
        self.report = report
        self.reportJSON = reportJSON
        self.resolution = resolution
    }
}

/// What storing one incident did.
public struct StoreOutcome: Hashable, Sendable, Codable {
    public var id: IncidentID
    /// False when the history already held this incident (storing is idempotent).
    public var inserted: Bool

    public init(id: IncidentID, inserted: Bool) {
        self.id = id
        self.inserted = inserted
    }
}

