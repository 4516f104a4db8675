public import CausewayCore
public import CausewayGraph
public import CausewayIngest

/// A service in the causal graph.
public struct ServiceNode: Hashable, Sendable {
    /// How a service's role was decided.
    public enum RoleSource: String, Hashable, Sendable, Codable {
        /// The topology file says so.
        case declared
        /// Its name says so (`api-gateway`, `orders-db`).
        case name
        /// A technology word named it (`Redis CLUSTERDOWN` → a cache).
        case vocabulary
        /// How lines reach it: its URL scheme or port (`postgres://`, `:6379`).
        case address
        /// Nothing said; the middle tier is assumed.
        case unknown
    }

    public var name: ServiceName
    public var role: ServiceRole
    public var roleSource: RoleSource
    /// True when no log line came from it and no topology declared it: it exists because a line named its
    /// technology (`Redis`), under the name `<technology>-<role>`.
    public var isInferredFromVocabulary: Bool
    /// Whether any line in the input was emitted by it.
    public var emitsLogs: Bool
}

/// An event: the lines of one template at one service, with what they mean.
public struct EventNode: Hashable, Sendable {
    public var template: LogTemplate
    /// The service the event is about: its emitter, or the dependency its signal names
    /// (`Circuit breaker OPENED for upstream: payments-worker` is about payments-worker).
    public var subject: ServiceName
    /// The most specific matched signal, or nil for an error line no rule classifies.
    public var signal: SignalID?
    /// The prior that this is where a failure starts, from the signal table (0.3 for an unclassified error,
    /// 0.15 for an unclassified warning).
    public var rootLikelihood: Double
    /// How unusual the template is in the incident window against its own baseline.
    public var anomaly: TemplateAnomaly

    public var id: String { template.id }
    public var emitter: ServiceName { template.service }
    /// When the event started to matter: the onset of a rise, else the template's first line.
    public var firstSeen: Timestamp? {
        anomaly.kind == .rising ? (anomaly.onset ?? template.firstSeen) : template.firstSeen
    }
    /// The lines to cite, those in the incident window first.
    public var evidence: [EvidenceLine]
}

/// What an edge stands for.
public enum CausalEdgeKind: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Service → service: the source depends on the target (topology or inferred).
    case calls
    /// Service → event: the service wrote the event's lines.
    case emits
    /// Event → service: the event's lines name the service.
    case mentions
    /// Event → event: the source was first seen before the target, at related services.
    case precedes
    /// Event → event: the source is a plausible cause of the target; the weight says how plausible.
    case explains

    public static func < (lhs: CausalEdgeKind, rhs: CausalEdgeKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An edge's kind and the evidence that produced it.
public struct CausalEdge: Hashable, Sendable {
    public var kind: CausalEdgeKind
    /// Why the edge exists, in words (`declared in topology.yaml`, `oom explains circuit_open (0.9)`).
    public var reason: String
    /// Lines behind it, if any.
    public var evidence: [EvidenceLine]
    /// For `calls`: where the edge came from.
    public var provenance: Topology.Provenance?
    /// For `explains`: the service at which the cause acts (its subject, or its failing emitter).
    public var causeLocus: ServiceName?

    public init(
        kind: CausalEdgeKind, reason: String, evidence: [EvidenceLine], provenance: Topology.Provenance? = nil,
        causeLocus: ServiceName? = nil
    ) {
        self.kind = kind
        self.reason = reason
        self.evidence = evidence
        self.provenance = provenance
        self.causeLocus = causeLocus
    }
}

/// A node of the causal graph.
public enum CausalNode: Hashable, Sendable {
    case service(ServiceNode)
    case event(EventNode)

    public var service: ServiceNode? {
        if case .service(let node) = self { return node }
        return nil
    }

    public var event: EventNode? {
        if case .event(let node) = self { return node }
        return nil
    }
}

/// The typed causal graph of an incident: services and events as nodes; calls, emits, mentions, precedes
/// and explains as weighted edges.
///
/// Built once by ``CausalGraphBuilder``; the analysis reads it and never changes it.
public struct CausalGraph: Sendable {
    public internal(set) var graph = Digraph<CausalNode, CausalEdge>()
    /// Node index by service name.
    public internal(set) var serviceIndex: [ServiceName: Int] = [:]
    /// Node index by event id.
    public internal(set) var eventIndex: [String: Int] = [:]
    /// The merged topology the graph was built on (declared and inferred calls).
    public internal(set) var topology = Topology()
    /// Services that kept logging their usual traffic through the window: enough lines, at least half the
    /// rate before, and no significant change of mix (``BehaviourShift``).
    public internal(set) var servingNormally: Set<ServiceName> = []

    public init() {}

    /// Service node indices, sorted by name.
    public var serviceNodes: [Int] {
        serviceIndex.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Event node indices, in the order they were added (first seen, then service, then id).
    public var eventNodes: [Int] {
        graph.nodes.indices.filter { graph.nodes[$0].event != nil }
    }

    public func service(_ name: ServiceName) -> ServiceNode? {
        serviceIndex[name].flatMap { graph.nodes[$0].service }
    }

    public func event(_ index: Int) -> EventNode {
        graph.nodes[index].event!
    }

    /// Edges of one kind, in insertion order.
    public func edges(_ kind: CausalEdgeKind) -> [Digraph<CausalNode, CausalEdge>.Edge] {
        graph.edges.filter { $0.label.kind == kind }
    }

    /// Traps unless every edge joins the node types its kind requires.
    public func checkInvariants() {
        graph.checkInvariants()
        for edge in graph.edges {
            let source = graph.nodes[edge.source]
            let target = graph.nodes[edge.target]
            switch edge.label.kind {
            case .calls:
                precondition(source.service != nil && target.service != nil, "calls must join two services")
            case .emits:
                precondition(source.service != nil && target.event != nil, "emits must run from a service to an event")
            case .mentions:
                precondition(source.event != nil && target.service != nil, "mentions must run from an event to a service")
            case .precedes, .explains:
                precondition(source.event != nil && target.event != nil, "\(edge.label.kind) must join two events")
            }
        }
        for (name, index) in serviceIndex {
            precondition(graph.nodes[index].service?.name == name, "service index for \(name) points elsewhere")
        }
    }
}
