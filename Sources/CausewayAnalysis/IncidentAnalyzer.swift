public import CausewayCore
public import CausewayIngest

/// Everything the reasoning found, with graph indices intact; ``ReportAssembler`` turns it into the
/// ``IncidentReport`` every writer reads.
public struct IncidentAnalysis: Sendable {
    public var log: IncidentLog
    public var graph: CausalGraph
    public var buildSummary: CausalGraphBuilder.Summary
    public var model: ExplanationModel
    public var health: [ServiceName: ServiceHealth]
    public var ranking: CausalGraph.Ranking
    /// Services from patient zero to the user-facing entry; empty without a patient zero.
    public var path: [ServiceName]
    public var pathSteps: [CausalGraph.PropagationStep]
    public var blastRadius: CausalGraph.BlastRadius
    public var hasDeclaredTopology: Bool
    /// Where the topology came from, for the report (`topology.yaml`, or `inferred from logs`).
    public var topologySource: String
    /// The incident window and each template's anomaly.
    public var anomalies: AnomalyModel
    /// The traffic change that moved the window's start back from the errors' surge, if one did.
    public var windowLead: WindowLead?

    public var patientZero: Hypothesis? { ranking.hypotheses.first }
}

/// Runs the reasoning: builds the causal graph, ranks hypotheses, walks the propagation path and
/// measures the blast radius.
public struct IncidentAnalyzer: Sendable {
    public var rulebook: SignalRulebook
    public var playbook: Playbook

    public init(rulebook: SignalRulebook, playbook: Playbook) {
        self.rulebook = rulebook
        self.playbook = playbook
    }

    /// The analyzer with the bundled rule and recommendation tables.
    public static func bundled() throws -> IncidentAnalyzer {
        IncidentAnalyzer(rulebook: try SignalRulebook.bundled(), playbook: try Playbook.bundled())
    }

    public func analyze(
        _ log: IncidentLog, topology: Topology?, topologySource: String? = nil, since: Timestamp? = nil, until: Timestamp? = nil
    ) -> IncidentAnalysis {
        var weights: [String: Double] = [:]
        var changes = Set<String>()
        for template in log.templates where template.isAnomalous {
            let level = template.level >= .error ? 1.0 : template.level == .warning ? 0.4 : 0.2
            let signal = template.signals.first.flatMap { rulebook.definition($0) }
            weights[template.id] = signal?.benign == true || signal?.change == true ? 0 : level * (1 + 2 * (signal?.rootLikelihood ?? 0.1))
            if signal?.change == true { changes.insert(template.id) }
        }
        var anomalies = AnomalyModel(templates: log.templates, weights: weights, changes: changes, since: since, until: until)
        var (graph, summary, model) = build(log, topology: topology, anomalies: anomalies)
        // A change the requests' traffic shows before the errors surged starts the incident: measure again
        // from there.
        var windowLead: WindowLead?
        if let window = anomalies.window, window.source == .detected, let change = graph.leadingTrafficChange, change.onset < window.start {
            // The model decides whether the change is close enough to move the window (``AnomalyModel/maximumLead``).
            let moved = AnomalyModel(
                templates: log.templates, weights: weights, changes: changes, since: since, until: until, leadingChange: change.onset)
            if let start = moved.window?.start, start < window.start {
                windowLead = WindowLead(onset: change.onset, service: change.service, signal: change.signal, surge: window.start)
                anomalies = moved
                (graph, summary, model) = build(log, topology: topology, anomalies: anomalies)
            }
        }
        #if DEBUG
            graph.checkInvariants()
        #endif
        let health = graph.health(rulebook: rulebook)
        let ranking = graph.rankHypotheses(rulebook: rulebook, health: health)
        var path: [ServiceName] = []
        var steps: [CausalGraph.PropagationStep] = []
        var radius = CausalGraph.BlastRadius(affected: [], atRisk: [], unrelated: health.filter { $0.value >= .degraded }.keys.sorted())
        if let root = ranking.hypotheses.first?.service {
            (path, steps) = graph.propagationPath(from: root, rulebook: rulebook, health: health, model: model)
            radius = graph.blastRadius(from: root, rulebook: rulebook, health: health, model: model)
        }
        let declared = topology.map { !$0.isEmpty } ?? false
        return IncidentAnalysis(
            log: log, graph: graph, buildSummary: summary, model: model, health: health, ranking: ranking, path: path,
            pathSteps: steps, blastRadius: radius, hasDeclaredTopology: declared,
            topologySource: declared ? (topologySource ?? "topology file") : "inferred from the logs", anomalies: anomalies,
            windowLead: windowLead)
    }

    func build(
        _ log: IncidentLog, topology: Topology?, anomalies: AnomalyModel
    ) -> (CausalGraph, CausalGraphBuilder.Summary, ExplanationModel) {
        let shifts = BehaviourShift.measure(log.templates, window: anomalies.window)
        let latencies = LatencyShift.measure(log.spans, window: anomalies.window)
        return CausalGraphBuilder(rulebook: rulebook).build(
            log: log, declared: topology, anomalies: anomalies, shifts: shifts, latencies: latencies)
    }

    /// Analyses and assembles the report in one go.
    public func report(
        _ log: IncidentLog, topology: Topology?, topologySource: String? = nil, since: Timestamp? = nil, until: Timestamp? = nil,
        generator: String
    ) -> IncidentReport {
        let analysis = analyze(log, topology: topology, topologySource: topologySource, since: since, until: until)
        return ReportAssembler(analysis: analysis, rulebook: rulebook, playbook: playbook).assemble(generator: generator)
    }
}
