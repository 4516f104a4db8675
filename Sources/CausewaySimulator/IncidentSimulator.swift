/// Writes realistic microservice incidents, with logs in any ``LogStyle`` and the ground truth beside them.
///
/// A case is 3–20 minutes of logs: ordinary traffic on every service, the fault striking the root at a drawn
/// time, then symptoms travelling up the callers with delays (failed calls, retries with backoff, circuit
/// breakers, errors served upwards, gateway 5xx), plus the hard parts ``SimulationOptions`` turns on.
///
/// Everything is drawn from ``SimulatorRandom`` seeded by the caller: the same inputs give byte-identical
/// cases.
///
/// ```swift
/// let simulator = IncidentSimulator()
/// let one = try simulator.simulate(topology: topology, fault: .oom, root: "payments-worker",
///                                  style: .json, options: .hardest, seed: 7)
/// for c in simulator.suite(count: 100, seed: 1) { try c.write(to: out.appendingPathComponent(c.name)) }
/// ```
///
/// ## Topics
/// - ``simulate(topology:fault:root:style:options:seed:name:)``
/// - ``suite(count:seed:)``
public struct IncidentSimulator: Sendable {
    public init() {}

    /// Simulates one incident: `fault` strikes `root` in `topology`; logs are written in `style`.
    ///
    /// - Throws: ``SimulatorError/Code-swift.struct/unknownService`` when `root` is not in the topology,
    ///   ``SimulatorError/Code-swift.struct/invalidRoot`` when the fault cannot strike it
    ///   (see ``FaultKind/canStrike(_:in:)``).
    public func simulate(
        topology: SimulatedTopology, fault: FaultKind, root: String, style: LogStyle,
        options: SimulationOptions = SimulationOptions(), seed: UInt64, name: String? = nil
    ) throws(SimulatorError) -> SimulatedCase {
        guard let rootIndex = topology.index(of: root) else {
            throw SimulatorError(.unknownService, "'\(root)' is not in the topology; pick one of its services")
        }
        guard fault.canStrike(root, in: topology) else {
            let roles = fault.rootRoles.map(\.rawValue).joined(separator: ", ")
            let valid = fault.validRoots(in: topology)
            throw SimulatorError(
                .invalidRoot,
                "\(fault.rawValue) cannot strike '\(root)' (role \(topology.service(named: root)!.role.rawValue)); it needs a \(roles)"
                    + (valid.isEmpty ? " and this topology has none" : ", such as \(valid.prefix(5).joined(separator: ", "))"))
        }
        var run = IncidentRun(topology: topology, fault: fault, root: rootIndex, style: style, options: options, seed: seed)
        return run.finish(name: name ?? "sim-\(fault.rawValue)-\(root)", seed: seed)
    }

    /// A drawn set of cases: every fault kind in turn, every style in turn, a random topology of 5–40
    /// services, a valid root and random difficulty knobs for each. Case `i` is named
    /// `sim-0007-oom-payments-worker` and depends only on `seed` and `i`.
    public func suite(count: Int, seed: UInt64) -> [SimulatedCase] {
        let faults = FaultKind.allCases
        let styles = LogStyle.allCases
        return (0..<max(0, count)).map { i in
            let caseSeed = SimulatorRandom.derivedSeed(seed, stream: UInt64(i))
            var rng = SimulatorRandom(seed: caseSeed)
            let fault = faults[i % faults.count]
            let style = styles[(i + i / faults.count) % styles.count]
            var topology: SimulatedTopology
            var roots: [String]
            repeat {
                let size = rng.chance(0.15) ? rng.int(5...7) : rng.pick([(rng.int(8...15), 0.5), (rng.int(16...25), 0.35), (rng.int(26...40), 0.15)])
                topology = SimulatedTopology.random(using: &rng, size: size)
                roots = fault.validRoots(in: topology)
            } while roots.isEmpty
            // Prefer roots that someone calls: an incident nobody notices is a poor test.
            let called = roots.filter { !topology.callers(of: $0).isEmpty }
            let root = rng.pick(called.isEmpty || rng.chance(0.1) ? roots : called)
            let options = SimulationOptions.random(using: &rng)
            let name = "sim-\(pad(i, 4))-\(fault.rawValue)-\(root)"
            do {
                return try simulate(topology: topology, fault: fault, root: root, style: style, options: options,
                                    seed: rng.next(), name: name)
            } catch {
                preconditionFailure("a drawn root must be valid: \(error)")
            }
        }
    }
}

extension IncidentRun {
    /// Runs every stage and assembles the case.
    mutating func finish(name: String, seed: UInt64) -> SimulatedCase {
        if fault == .configChange && services[root].role == .gateway && !options.gatewayErrors {
            options.gatewayErrors = true  // the gateway is the root: its own errors are the incident
        }
        if fault == .tlsExpired { services[root].tls = true }
        drawClockSkew()
        scriptRoot()
        planPropagation()
        callerSymptoms()
        backgroundTraffic()
        distractors()

        // The burst: a shipper stamps every line around the onset with its flush time.
        var burstTime: Int64?
        var burstRank = Array(0..<services.count)
        if options.identicalTimestampBurst {
            // Late enough to catch the first callers' errors, so the root's lines and theirs share a stamp.
            let firstCaller = services.indices.filter { affected[$0] && $0 != root }.map { arrival[$0] }.min() ?? onset
            let flush = max(onset + rng.int64(1_500...6_000), min(firstCaller + rng.int64(200...1_500), onset + 20_000))
            burstTime = flush
            burstRank = rng.shuffled(burstRank)
            var rank = Array(repeating: 0, count: services.count)
            for (k, s) in burstRank.enumerated() { rank[s] = k }
            burstRank = rank
            for i in records.indices where records[i].time >= onset - 400 && records[i].time <= flush {
                records[i].shownTime = flush
            }
            difficultyNotes.append("Every line from \(SimulatedInstant(milliseconds: onset - 400).iso) to \(SimulatedInstant(milliseconds: flush).iso) carries the same timestamp, \(SimulatedInstant(milliseconds: flush).iso) (a shipper's flush time): timing cannot order them.")
        }

        var renderer = LogRenderer(services: services, style: style, rng: SimulatorRandom(seed: rng.next()), records: records,
                                   shuffleOrder: options.outOfOrderLines, burstRank: burstRank, burstTime: burstTime)
        var files = renderer.files()
        if options.outOfOrderLines { difficultyNotes.append("Some lines in each file are a little out of time order.") }
        let producesEvents = events.contains { $0.sequence > 0 }
        if options.kubernetesEvents && producesEvents {
            backgroundEvents()
            files.append(SimulatedCase.File(relativePath: "logs/k8s-events.json",
                                            contents: KubernetesEvent.document(events, namespace: namespace, using: &rng)))
        }

        let path = propagationPath()
        let affectedNames = services.indices.filter { affected[$0] }
            .sorted { (arrival[$0], $0) < (arrival[$1], $1) }.map { services[$0].name }
        var prose = notes + difficultyNotes
        if !services[root].logs {
            prose.insert(services[root].role == .external
                ? "\(services[root].name) is a third party and writes no logs; its callers name it."
                : "\(services[root].name) logs nothing at all; only its callers\(options.kubernetesEvents && producesEvents ? " and Kubernetes events" : "") name it.", at: 0)
        }
        if !options.gatewayErrors {
            prose.append("The failure is contained below the user-facing entry (callers fall back), so the propagation ends at \(services[path.last ?? root].name).")
        }
        let kind = services[root].role == .external ? "external" : "\(services[root].role.rawValue), \(services[root].runtime)"
        prose.insert("\(fault.rawValue) at \(services[root].name) (\(kind)) from \(SimulatedInstant(milliseconds: onset).iso); propagation \(path.map { services[$0].name }.joined(separator: " -> ")).", at: 0)
        let truth = SimulatedTruth(
            service: services[root].name, fault: fault, start: SimulatedInstant(milliseconds: onset).iso,
            propagation: path.map { services[$0].name }, affected: affectedNames, acceptableRoots: acceptableRoots,
            notes: prose.joined(separator: " "))
        let knobs = options.enabledKnobs.joined(separator: ",")
        let source = "causeway simulator; seed \(seed); style \(style.rawValue); options \(knobs.isEmpty ? "none" : knobs)"
        return SimulatedCase(
            name: name, files: files, topologyYAML: topology.yaml, truthJSON: truth.json(source: source), truth: truth,
            topology: topology, style: style, options: options, seed: seed)
    }
}
