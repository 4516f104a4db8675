public import Foundation

/// One case to evaluate: a folder with `truth.json` (FORMAT.md).
public struct EvaluationCase: Hashable, Sendable {
    public var name: String
    /// The suite it belongs to: the folder given on the command line, or the case's parent folder.
    public var suite: String
    public var folder: URL
    public var truth: CaseTruth
    /// The call edges of the case's topology file, when the caller loaded them: what an analysis run
    /// without that file is scored against (``TopologyScore``).
    public var declaredCalls: Set<CallEdge>?

    /// Finds every case under `roots`, sorted by suite and name. A root may itself be a case.
    public static func discover(in roots: [URL]) throws -> [EvaluationCase] {
        var found: [EvaluationCase] = []
        let manager = FileManager.default
        for root in roots {
            let truth = root.appendingPathComponent("truth.json")
            if manager.fileExists(atPath: truth.path) {
                found.append(
                    EvaluationCase(
                        name: root.lastPathComponent, suite: root.deletingLastPathComponent().lastPathComponent, folder: root,
                        truth: try CaseTruth.load(truth)))
                continue
            }
            guard let enumerator = manager.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            var folders: [URL] = []
            for case let url as URL in enumerator where url.lastPathComponent == "truth.json" {
                folders.append(url.deletingLastPathComponent())
            }
            for folder in folders.sorted(by: { $0.path < $1.path }) {
                found.append(
                    EvaluationCase(
                        name: folder.lastPathComponent, suite: root.lastPathComponent, folder: folder,
                        truth: try CaseTruth.load(folder.appendingPathComponent("truth.json"))))
            }
        }
        return found.sorted { ($0.suite, $0.name) < ($1.suite, $1.name) }
    }
}

/// The outcome of one case.
public struct CaseResult: Hashable, Sendable, Codable {
    public var name: String
    public var suite: String
    public var fault: String
    public var expected: String
    public var top: String?
    public var score: CaseScore
    public var baselineRanks: [String: Int]
    public var seconds: Double
    public var peakMB: Double
    /// Why the case could not be analysed, if it could not.
    public var failure: String?
    /// How the topology found without the case's topology file matches it (runs without topology only).
    public var topology: TopologyScore?
}

/// Scores of one group of cases beside the baselines.
public struct GroupSummary: Hashable, Sendable, Codable {
    public var name: String
    public var scores: ScoreSummary
    public var baselines: [String: ScoreSummary]
    public var meanSeconds: Double
    public var maximumPeakMB: Double
    /// The inferred topology's recall and precision (runs without topology only).
    public var topology: TopologyScoreSummary?
}

/// Everything `causeway eval` reports.
public struct EvaluationReport: Hashable, Sendable, Codable {
    public var cases: [CaseResult]
    /// One per suite.
    public var suites: [GroupSummary]
    /// One per (suite, fault kind), named `suite/fault`.
    public var faults: [GroupSummary]
    public var overall: GroupSummary

    public init(cases: [CaseResult]) {
        self.cases = cases
        func summary(_ name: String, _ group: [CaseResult]) -> GroupSummary {
            var baselines: [String: ScoreSummary] = [:]
            for baseline in Baseline.allCases {
                baselines[baseline.rawValue] = ScoreSummary(
                    group.map { result in
                        var score = CaseScore(ranked: [], truth: CaseTruth(rootCause: .init(service: result.expected)))
                        score.rank = result.baselineRanks[baseline.rawValue]
                        return score
                    })
            }
            return GroupSummary(
                name: name, scores: ScoreSummary(group.map(\.score)), baselines: baselines,
                meanSeconds: group.isEmpty ? 0 : group.map(\.seconds).reduce(0, +) / Double(group.count),
                maximumPeakMB: group.map(\.peakMB).max() ?? 0, topology: TopologyScoreSummary(group.compactMap(\.topology)))
        }
        let suiteNames = Array(Set(cases.map(\.suite))).sorted()
        suites = suiteNames.map { suite in summary(suite, cases.filter { $0.suite == suite }) }
        var faultGroups: [GroupSummary] = []
        for suite in suiteNames {
            let inSuite = cases.filter { $0.suite == suite }
            for fault in Array(Set(inSuite.map(\.fault))).sorted() {
                faultGroups.append(summary("\(suite)/\(fault)", inSuite.filter { $0.fault == fault }))
            }
        }
        faults = faultGroups
        overall = summary("all", cases)
    }

    /// The report as a text table.
    public var table: String {
        var lines: [String] = []
        let header = "group".padding(toLength: 44, withPad: " ", startingAt: 0)
            + " cases  AC@1  AC@3  Avg@5  path    F1  | most-errors AC@1  earliest-error AC@1 |  time s  peak MB"
        lines.append(header)
        func row(_ group: GroupSummary, indent: String) -> String {
            let s = group.scores
            let path = s.pathExact.map { String(format: "%5.2f", $0) } ?? "    —"
            let f1 = s.blastRadiusF1.map { String(format: "%5.2f", $0) } ?? "    —"
            let most = group.baselines[Baseline.mostErrors.rawValue]?.ac1 ?? 0
            let earliest = group.baselines[Baseline.earliestError.rawValue]?.ac1 ?? 0
            return (indent + group.name).padding(toLength: 44, withPad: " ", startingAt: 0)
                + String(
                    format: " %5d  %4.2f  %4.2f  %5.2f  %@  %@  |             %4.2f                 %4.2f | %7.2f  %7.1f", s.cases, s.ac1,
                    s.ac3, s.avg5, path, f1, most, earliest, group.meanSeconds, group.maximumPeakMB)
        }
        for suite in suites {
            lines.append(row(suite, indent: ""))
            for fault in faults where fault.name.hasPrefix(suite.name + "/") {
                var named = fault
                named.name = String(fault.name.dropFirst(suite.name.count + 1))
                lines.append(row(named, indent: "  "))
            }
        }
        if suites.count > 1 { lines.append(row(overall, indent: "")) }
        let scored = suites + (suites.count > 1 ? [overall] : [])
        if scored.contains(where: { $0.topology != nil }) {
            lines.append("")
            lines.append("Topology found without the topology files, against them:")
            for group in scored {
                guard let t = group.topology else { continue }
                let recall = t.recall.map { String(format: "%.3f", $0) } ?? "—"
                let precision = t.precision.map { String(format: "%.3f", $0) } ?? "—"
                lines.append(
                    "  \(group.name): recall \(recall) (\(t.propagationEdgesFound) of \(t.propagationEdges) propagation edges), "
                        + "precision \(precision) (\(t.observedEdgesDeclared) of \(t.observedEdges) observed edges declared), \(t.cases) case(s)")
            }
        }
        let failures = cases.filter { $0.failure != nil }
        if !failures.isEmpty {
            lines.append("")
            lines.append("\(failures.count) case(s) could not be analysed:")
            for failure in failures { lines.append("  \(failure.suite)/\(failure.name): \(failure.failure!)") }
        }
        return lines.joined(separator: "\n")
    }
}

/// Runs cases and scores them. The runner analyses one case and returns the report JSON with the time and
/// peak memory it took; the command line runs each case in its own process so both are the case's own.
public struct Evaluator: Sendable {
    public typealias Runner = @Sendable (EvaluationCase) throws -> (json: Data, seconds: Double, peakMB: Double)

    public var runner: Runner
    /// Whether the runner analyses without the cases' topology files, so that the topology the analysis
    /// found is scored against each case's ``EvaluationCase/declaredCalls``.
    public var scoresTopology: Bool

    public init(scoresTopology: Bool = false, runner: @escaping Runner) {
        self.runner = runner
        self.scoresTopology = scoresTopology
    }

    public func evaluate(_ cases: [EvaluationCase], progress: ((Int, EvaluationCase) -> Void)? = nil) -> EvaluationReport {
        var results: [CaseResult] = []
        for (index, evaluationCase) in cases.enumerated() {
            progress?(index, evaluationCase)
            results.append(run(evaluationCase))
        }
        return EvaluationReport(cases: results)
    }

    func run(_ evaluationCase: EvaluationCase) -> CaseResult {
        let truth = evaluationCase.truth
        var result = CaseResult(
            name: evaluationCase.name, suite: evaluationCase.suite, fault: truth.rootCause.fault ?? "unknown",
            expected: truth.rootCause.service, top: nil, score: CaseScore(ranked: [], truth: truth), baselineRanks: [:],
            seconds: 0, peakMB: 0, failure: nil)
        do {
            let (json, seconds, peak) = try runner(evaluationCase)
            let answer = try JSONDecoder().decode(CaseAnswer.self, from: json)
            result.top = answer.hypotheses.first?.service
            result.score = CaseScore(answer: answer, truth: truth)
            if scoresTopology, let declared = evaluationCase.declaredCalls {
                result.topology = TopologyScore(
                    observed: answer.observedCalls, declared: declared, propagation: truth.propagation ?? [])
            }
            result.seconds = seconds
            result.peakMB = peak
            for baseline in Baseline.allCases {
                if let rank = CaseScore(ranked: baseline.rank(answer.serviceActivity ?? []), truth: truth).rank {
                    result.baselineRanks[baseline.rawValue] = rank
                }
            }
        } catch {
            result.failure = "\(error)"
        }
        return result
    }
}

extension CaseTruth {
    init(rootCause: RootCause) {
        self.rootCause = rootCause
        propagation = nil
        affected = nil
        acceptableRoots = nil
    }
}
