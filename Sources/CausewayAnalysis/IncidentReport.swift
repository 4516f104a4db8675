public import CausewayCore
internal import CausewayIngest

/// The single source of truth for every output: Markdown, HTML, JSON and the diagram are all read off
/// one value of this type, so they cannot disagree.
///
/// Its JSON form is the analysis contract of FORMAT.md (`schemaVersion` 1): `hypotheses`, `patientZero`,
/// `propagationPath` and `affectedServices` keep their meaning; other fields may be added.
public struct IncidentReport: Hashable, Sendable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// `causeway <version>`; no wall-clock time, so that two runs give identical bytes.
    public var generator: String
    public var title: String
    public var summary: [Statement]
    public var severity: SeverityAssessment
    public var window: TimeWindow?
    /// When the incident happened, as detected (or given), and how.
    public var incidentWindow: IncidentWindow?
    /// Trouble that was there before the incident at the same rate: set aside, listed for completeness.
    public var background: [BackgroundNoise]
    public var patientZero: PatientZero?
    public var hypotheses: [HypothesisEntry]
    public var propagationPath: [ServiceName]
    public var propagationSteps: [PropagationHop]
    public var affectedServices: [AffectedService]
    public var unrelatedAnomalies: [AffectedService]
    public var timeline: [TimelineEntry]
    public var recommendations: [Recommendation]
    public var evidence: [EvidenceEntry]
    public var trigger: TriggerHypothesis?
    public var detection: Detection?
    public var whys: [Why]
    public var trail: [TrailStep]
    public var similarIncidents: SimilarIncidents
    public var ingest: IngestSummary
    /// Lines per service, by level: what the simple baselines rank by.
    public var serviceActivity: [ServiceActivity]
    public var topology: TopologySummary
    public var graph: ReportGraph
}

/// How much a service logged, and when its first error came.
public struct ServiceActivity: Hashable, Sendable, Codable {
    public var service: ServiceName
    public var lines: Int
    public var warningLines: Int
    public var errorLines: Int
    public var firstError: Timestamp?
}

/// Warnings or errors whose rate did not change in the incident.
public struct BackgroundNoise: Hashable, Sendable, Codable {
    public var service: ServiceName
    public var message: String
    public var level: LogLevel
    /// Lines before and during the incident window.
    public var before: Int
    public var during: Int
    public var evidence: [EvidenceRef]
}

/// A sentence and the lines it rests on.
public struct Statement: Hashable, Sendable, Codable {
    public var text: String
    public var evidence: [EvidenceRef]

    public init(_ text: String, evidence: [EvidenceRef] = []) {
        self.text = text
        self.evidence = evidence
    }
}

/// A pointer to a log line: FORMAT.md's `{"file": ..., "line": ...}`.
public struct EvidenceRef: Hashable, Sendable, Codable, Comparable {
    public var file: String
    public var line: Int

    public init(_ location: SourceLocation) {
        file = location.file
        line = location.line
    }

    public static func < (lhs: EvidenceRef, rhs: EvidenceRef) -> Bool { (lhs.file, lhs.line) < (rhs.file, rhs.line) }
}

public struct SeverityAssessment: Hashable, Sendable, Codable {
    /// `P1` (worst) to `P4`.
    public var level: String
    public var reason: String
}

public struct TimeWindow: Hashable, Sendable, Codable {
    public var start: Timestamp
    public var end: Timestamp
}

public struct PatientZero: Hashable, Sendable, Codable {
    public var service: ServiceName
    public var role: ServiceRole
    /// The signal id, or `error` for lines no rule classifies.
    public var signal: String
    public var signalTitle: String
    public var time: Timestamp?
    public var confidence: Double
    public var evidence: [EvidenceRef]
}


public struct HypothesisEntry: Hashable, Sendable, Codable {
    public var rank: Int
    public var service: ServiceName
    public var role: ServiceRole
    /// The signal id, or `error` for lines no rule classifies.
    public var signal: String
    public var signalTitle: String
    public var confidence: Double
    public var firstSeen: Timestamp?
    public var evidence: [EvidenceRef]
    public var reasonsFor: [Statement]
    public var reasonsAgainst: [Statement]
    public var explains: [ServiceName]
    public var leavesUnexplained: [ServiceName]
    /// The drawn event node that stands for the hypothesis (`evt:<template id>`), when one does.
    public var event: String?
    /// Where the failure travelled if this hypothesis is the root: from its service up the callers to the
    /// user-facing entry, as ``CausalGraph/propagationPath(from:rulebook:health:model:)`` finds it. For the
    /// first hypothesis it is the report's ``IncidentReport/propagationPath``.
    public var propagationPath: [ServiceName]
    /// The hops of ``propagationPath``.
    public var propagationSteps: [PropagationHop]
}

public struct PropagationHop: Hashable, Sendable, Codable {
    public var from: ServiceName
    public var to: ServiceName
    public var weight: Double
    public var reason: String
    public var evidence: [EvidenceRef]
    /// The event at `from` and the event showing at `to` behind the weight (`evt:<template id>`), when an
    /// `explains` edge carries the hop.
    public var causeEvent: String?
    public var effectEvent: String?
    /// When each of the two events was first seen, as stamped by their emitters' clocks.
    public var causeTime: Timestamp?
    public var effectTime: Timestamp?
}

public struct AffectedService: Hashable, Sendable, Codable {
    public var service: ServiceName
    public var role: ServiceRole
    public var health: ServiceHealth
    public var firstAnomaly: Timestamp?
    public var impact: String
    public var evidence: [EvidenceRef]
}

public struct TimelineEntry: Hashable, Sendable, Codable {
    public var time: Timestamp?
    public var service: ServiceName
    /// The service the event is about, when it is not the emitter.
    public var about: ServiceName?
    public var signal: String
    public var title: String
    public var level: LogLevel
    public var count: Int
    public var message: String
    public var evidence: EvidenceRef
    /// `patient-zero`, `first-user-visible`, or nil.
    public var marker: String?
    /// The event's node in the causal graph (`evt:<template id>`).
    public var event: String?
}

public struct Recommendation: Hashable, Sendable, Codable {
    public var rank: Int
    /// `mitigate`, `investigate` or `prevent`.
    public var kind: String
    public var title: String
    public var why: String
    public var service: ServiceName
    public var commands: [String]
    public var evidence: [EvidenceRef]
}

/// One line shown as supporting evidence.
public struct EvidenceEntry: Hashable, Sendable, Codable {
    public var file: String
    public var line: Int
    public var time: Timestamp?
    public var service: ServiceName
    public var level: LogLevel
    public var signal: String
    public var text: String
}

public struct TriggerHypothesis: Hashable, Sendable, Codable {
    public var text: String
    /// What the hypothesis rests on, in words: a deploy line, or the signal's usual causes.
    public var basis: String
    public var needsHuman: Bool
    public var evidence: [EvidenceRef]
}

/// Time to detection as far as the logs can tell it.
public struct Detection: Hashable, Sendable, Codable {
    public var seconds: Double
    public var from: Timestamp
    public var fromEvidence: EvidenceRef
    public var to: Timestamp
    public var toEvidence: EvidenceRef
    public var toService: ServiceName
    public var statement: String
}

public struct Why: Hashable, Sendable, Codable {
    public var number: Int
    public var question: String
    public var answer: String
    public var evidence: [EvidenceRef]
    /// True when the logs cannot answer and a human must.
    public var needsHuman: Bool
}

public struct TrailStep: Hashable, Sendable, Codable {
    public var number: Int
    public var step: String
    public var observation: String
}

/// Past incidents that resemble this one, from a local incident history.
public struct SimilarIncidents: Hashable, Sendable, Codable {
    /// Whether a history was searched.
    public var searched: Bool
    /// What was searched (or why nothing was), in a sentence.
    public var note: String
    /// Best match first.
    public var matches: [SimilarIncident]

    public init(searched: Bool, note: String, matches: [SimilarIncident]) {
        self.searched = searched
        self.note = note
        self.matches = matches
    }
}

/// One past incident and why it resembles this one.
public struct SimilarIncident: Hashable, Sendable, Codable {
    /// The past incident's id in the history (`INC-` and twelve hex digits).
    public var id: String
    public var title: String
    /// Similarity in [0, 1]; 1 is the same signature.
    public var score: Double
    /// What the two share, one reason each: shared signals, same patient zero, same path, ...
    public var why: [String]
    /// The resolution note recorded for the past incident, if any.
    public var resolution: String?

    public init(id: String, title: String, score: Double, why: [String], resolution: String?) {
        self.id = id
        self.title = title
        self.score = score
        self.why = why
        self.resolution = resolution
    }
}

public struct IngestSummary: Hashable, Sendable, Codable {
    public var files: Int
    public var lines: Int
    public var records: Int
    public var joinedLines: Int
    public var recordsWithoutTime: Int
    public var recordsByFormat: [String: Int]
    public var skipped: [String: Int]
    public var services: [ServiceName]
    public var templates: Int
    /// Files whose times carried no zone, read in the zone that puts them beside the rest (path → `UTC-05:00`);
    /// nil when none was.
    public var localTime: [String: String]?
    /// Names read as another spelling of a service (`ledger01` → `ledger-api`); nil when none was.
    public var aliases: [String: ServiceName]?
}

/// The merged topology the analysis ran on: declared, inferred and traced edges, and where observation
/// contradicts the declaration.
public struct TopologySummary: Hashable, Sendable, Codable {
    public struct Call: Hashable, Sendable, Codable {
        public var caller: ServiceName
        public var callee: ServiceName
        /// `declared`, `inferred` or `traced`: the strongest source that drew the edge.
        public var provenance: String
        public var reason: String?
        /// How sure that source is, in [0, 1] (nil in reports written before it was recorded).
        public var confidence: Double?
        /// The lines (or trace spans) behind the edge.
        public var evidence: [EvidenceRef]?
        /// What traces saw of the edge.
        public var traffic: Topology.Traffic?
        /// Other sources that drew the same edge (`traced` for a declared call the traces confirm).
        public var alsoSeenBy: [String]?

        public init(
            caller: ServiceName, callee: ServiceName, provenance: String, reason: String?, confidence: Double? = nil,
            evidence: [EvidenceRef]? = nil, traffic: Topology.Traffic? = nil, alsoSeenBy: [String]? = nil
        ) {
            self.caller = caller
            self.callee = callee
            self.provenance = provenance
            self.reason = reason
            self.confidence = confidence
            self.evidence = evidence
            self.traffic = traffic
            self.alsoSeenBy = alsoSeenBy
        }

        /// The edge as the report shows it.
        public init(_ call: Topology.Call) {
            self.init(
                caller: call.caller, callee: call.callee, provenance: call.provenance.rawValue, reason: call.reason,
                confidence: call.confidence, evidence: call.evidence.map(EvidenceRef.init), traffic: call.traffic,
                alsoSeenBy: call.corroboratedBy.isEmpty ? nil : call.corroboratedBy.map(\.rawValue))
        }
    }

    public struct Service: Hashable, Sendable, Codable {
        public var name: ServiceName
        public var role: ServiceRole
        /// `declared`, `name`, `vocabulary`, `address` or `unknown`.
        public var roleSource: String

        public init(name: ServiceName, role: ServiceRole, roleSource: String) {
            self.name = name
            self.role = role
            self.roleSource = roleSource
        }
    }

    /// The declared topology's file, or what stood in for it (`none`).
    public var source: String
    public var services: [Service]
    public var calls: [Call]
    /// Where traces or addresses in log lines contradict the declared topology (nil in older reports).
    public var conflicts: [TopologyConflict]?

    public init(source: String, services: [Service], calls: [Call], conflicts: [TopologyConflict]? = nil) {
        self.source = source
        self.services = services
        self.calls = calls
        self.conflicts = conflicts
    }

    /// Edges per provenance (`declared`, `inferred`, `traced`), for the report's topology line.
    public var callsByProvenance: [String: Int] {
        var counts: [String: Int] = [:]
        for call in calls { counts[call.provenance, default: 0] += 1 }
        return counts
    }
}

/// The causal graph as drawn: every node and edge with what the diagram needs.
public struct ReportGraph: Hashable, Sendable, Codable {
    public struct Node: Hashable, Sendable, Codable {
        /// Stable id: `svc:<name>`, `evt:<template id>`, or `grp:<tier>-<health>` for a collapsed group.
        public var id: String
        /// `service`, `event`, or `group`: services of one tier and health collapsed into one node (large
        /// systems only).
        public var kind: String
        public var label: String
        public var service: ServiceName
        public var role: ServiceRole
        public var health: ServiceHealth
        public var isPatientZero: Bool
        public var onPath: Bool
        /// For events: the signal, count and first line.
        public var detail: String
        public var evidence: [EvidenceRef]
        /// For groups: the services collapsed into the node, by name (``service`` is the first of them).
        public var members: [ServiceName] = []
    }

    public struct Edge: Hashable, Sendable, Codable {
        public var from: String
        public var to: String
        public var kind: CausalEdgeKind
        public var weight: Double
        public var onPath: Bool
        public var reason: String
        /// For `calls`: `declared`, `inferred` or `traced` (nil in older reports).
        public var provenance: String?

        public init(
            from: String, to: String, kind: CausalEdgeKind, weight: Double, onPath: Bool, reason: String, provenance: String? = nil
        ) {
            self.from = from
            self.to = to
            self.kind = kind
            self.weight = weight
            self.onPath = onPath
            self.reason = reason
            self.provenance = provenance
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]
    /// Events in the incident and events drawn (large incidents are condensed).
    public var eventsTotal: Int
    public var eventsDrawn: Int
    /// Services in the topology, services drawn as their own node, and services collapsed into groups.
    /// In large systems the diagram shows the anomalous subgraph and its immediate neighbours only.
    public var servicesTotal: Int = 0
    public var servicesDrawn: Int = 0
    public var servicesCollapsed: Int = 0
}

// MARK: - Reading reports written before a field existed

// Reports are stored (incident history) and read back; fields added since schema version 1 decode to their
// empty value when absent, so an older report.json still decodes.

extension HypothesisEntry {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rank = try c.decode(Int.self, forKey: .rank)
        service = try c.decode(ServiceName.self, forKey: .service)
        role = try c.decode(ServiceRole.self, forKey: .role)
        signal = try c.decode(String.self, forKey: .signal)
        signalTitle = try c.decode(String.self, forKey: .signalTitle)
        confidence = try c.decode(Double.self, forKey: .confidence)
        firstSeen = try c.decodeIfPresent(Timestamp.self, forKey: .firstSeen)
        evidence = try c.decode([EvidenceRef].self, forKey: .evidence)
        reasonsFor = try c.decode([Statement].self, forKey: .reasonsFor)
        reasonsAgainst = try c.decode([Statement].self, forKey: .reasonsAgainst)
        explains = try c.decode([ServiceName].self, forKey: .explains)
        leavesUnexplained = try c.decode([ServiceName].self, forKey: .leavesUnexplained)
        event = try c.decodeIfPresent(String.self, forKey: .event)
        propagationPath = try c.decodeIfPresent([ServiceName].self, forKey: .propagationPath) ?? [service]
        propagationSteps = try c.decodeIfPresent([PropagationHop].self, forKey: .propagationSteps) ?? []
    }
}

extension ReportGraph.Node {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(String.self, forKey: .kind)
        label = try c.decode(String.self, forKey: .label)
        service = try c.decode(ServiceName.self, forKey: .service)
        role = try c.decode(ServiceRole.self, forKey: .role)
        health = try c.decode(ServiceHealth.self, forKey: .health)
        isPatientZero = try c.decode(Bool.self, forKey: .isPatientZero)
        onPath = try c.decode(Bool.self, forKey: .onPath)
        detail = try c.decode(String.self, forKey: .detail)
        evidence = try c.decode([EvidenceRef].self, forKey: .evidence)
        members = try c.decodeIfPresent([ServiceName].self, forKey: .members) ?? []
    }
}

extension ReportGraph {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nodes = try c.decode([Node].self, forKey: .nodes)
        edges = try c.decode([Edge].self, forKey: .edges)
        eventsTotal = try c.decode(Int.self, forKey: .eventsTotal)
        eventsDrawn = try c.decode(Int.self, forKey: .eventsDrawn)
        let services = nodes.filter { $0.kind == "service" }.count
        servicesTotal = try c.decodeIfPresent(Int.self, forKey: .servicesTotal) ?? services
        servicesDrawn = try c.decodeIfPresent(Int.self, forKey: .servicesDrawn) ?? services
        servicesCollapsed = try c.decodeIfPresent(Int.self, forKey: .servicesCollapsed) ?? 0
    }
}
