public import Foundation

/// The least scores each suite must keep: a ratchet CI checks on every run and that only ever goes up.
///
/// ```json
/// {
///   "margin": 0.02,
///   "suites": { "nezha-tt": { "ac1": 0.38, "ac3": 0.58 }, "ci-sim": { "ac1": 0.9, "pathExact": 0.6 } }
/// }
/// ```
/// Metrics: `ac1`, `ac3`, `avg5`, `pathExact`, `blastRadiusF1`, and for runs without topology files
/// `topologyRecall` and `topologyPrecision` (``TopologyScoreSummary``). Raising sets each floor to the measured figure
/// less `margin` (so run-to-run noise in timing-dependent cases does not fail CI) when that is higher than
/// the floor already there; a floor is never lowered.
public struct EvaluationFloors: Hashable, Sendable, Codable {
    public static let metrics = ["ac1", "ac3", "avg5", "pathExact", "blastRadiusF1", "topologyRecall", "topologyPrecision"]

    public var margin: Double
    public var suites: [String: [String: Double]]

    public init(margin: Double = 0.02, suites: [String: [String: Double]] = [:]) {
        self.margin = margin
        self.suites = suites
    }

    /// One floor a suite fell below.
    public struct Shortfall: Hashable, Sendable, CustomStringConvertible {
        public var suite: String
        public var metric: String
        /// Nil when the suite was not evaluated at all.
        public var measured: Double?
        public var floor: Double

        public var description: String {
            guard let measured else { return "\(suite): not evaluated, but it has floors (\(metric) ≥ \(Self.format(floor)))" }
            return "\(suite): \(metric) \(Self.format(measured)) is below its floor \(Self.format(floor))"
        }

        static func format(_ value: Double) -> String { String(format: "%.3f", value) }
    }

    public static func load(from url: URL) throws -> EvaluationFloors {
        let data = try Data(contentsOf: url)
        let floors = try JSONDecoder().decode(EvaluationFloors.self, from: data)
        for (suite, values) in floors.suites {
            for metric in values.keys where !metrics.contains(metric) {
                throw FloorsError(description: "\(url.path): suite \(suite) has unknown metric '\(metric)'; use one of \(metrics.joined(separator: ", "))")
            }
        }
        return floors
    }

    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try (encoder.encode(self) + Data("\n".utf8)).write(to: url, options: .atomic)
    }

    /// Every floor the report falls short of, in suite then metric order.
    public func shortfalls(in report: EvaluationReport) -> [Shortfall] {
        var result: [Shortfall] = []
        for (suite, values) in suites.sorted(by: { $0.key < $1.key }) {
            let summary = report.suites.first { $0.name == suite }
            for (metric, floor) in values.sorted(by: { $0.key < $1.key }) {
                guard let summary else {
                    result.append(Shortfall(suite: suite, metric: metric, measured: nil, floor: floor))
                    break
                }
                let measured = Self.value(metric, in: summary)
                if let measured, measured + 1e-9 >= floor { continue }
                result.append(Shortfall(suite: suite, metric: metric, measured: measured ?? 0, floor: floor))
            }
        }
        return result
    }

    /// The floors raised to what `report` measured, less the margin; never lowered. Suites in the report
    /// without floors get them for every metric they have.
    public func raised(by report: EvaluationReport) -> EvaluationFloors {
        var next = self
        for summary in report.suites {
            var values = suites[summary.name] ?? [:]
            for metric in Self.metrics {
                guard let measured = Self.value(metric, in: summary) else { continue }
                let candidate = ((measured - margin) * 100).rounded(.down) / 100
                values[metric] = max(values[metric] ?? 0, max(0, candidate))
            }
            next.suites[summary.name] = values
        }
        return next
    }

    static func value(_ metric: String, in summary: GroupSummary) -> Double? {
        let scores = summary.scores
        switch metric {
        case "ac1": return scores.ac1
        case "ac3": return scores.ac3
        case "avg5": return scores.avg5
        case "pathExact": return scores.pathExact
        case "blastRadiusF1": return scores.blastRadiusF1
        case "topologyRecall": return summary.topology?.recall
        case "topologyPrecision": return summary.topology?.precision
        default: return nil
        }
    }
}

/// A floors file that cannot be used, with what to fix.
public struct FloorsError: Error, CustomStringConvertible {
    public var description: String
}
