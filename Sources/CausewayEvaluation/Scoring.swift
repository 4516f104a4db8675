/// The scores of FORMAT.md for one case.
public struct CaseScore: Hashable, Sendable, Codable {
    /// The 1-based rank of the first correct root among the hypotheses, nil when none is.
    public var rank: Int?
    /// Whether the propagation path equals the truth's (nil when the truth has none).
    public var pathExact: Bool?
    /// F1 of the down-or-degraded services against the truth's affected set (nil when the truth has none).
    public var blastRadiusF1: Double?

    public init(answer: CaseAnswer, truth: CaseTruth) {
        let correct = truth.correctRoots
        rank = answer.hypotheses.firstIndex { correct.contains($0.service) }.map { $0 + 1 }
        pathExact = truth.propagation.map { $0 == answer.propagationPath }
        if let affected = truth.affected {
            let predicted = Set(answer.affectedServices.filter { $0.health == "down" || $0.health == "degraded" }.map(\.service))
            blastRadiusF1 = Self.f1(predicted: predicted, actual: Set(affected))
        }
    }

    /// A baseline's answer: just a ranked list of services.
    public init(ranked: [String], truth: CaseTruth) {
        rank = ranked.firstIndex { truth.correctRoots.contains($0) }.map { $0 + 1 }
        pathExact = nil
        blastRadiusF1 = nil
    }

    /// Whether a correct root is among the first `k`.
    public func hit(at k: Int) -> Bool {
        rank.map { $0 <= k } ?? false
    }

    static func f1(predicted: Set<String>, actual: Set<String>) -> Double {
        guard !predicted.isEmpty || !actual.isEmpty else { return 1 }
        let hits = Double(predicted.intersection(actual).count)
        guard hits > 0 else { return 0 }
        let precision = hits / Double(predicted.count)
        let recall = hits / Double(actual.count)
        return 2 * precision * recall / (precision + recall)
    }
}

/// Scores over a set of cases: AC@k, Avg@5, path exact match, blast-radius F1.
public struct ScoreSummary: Hashable, Sendable, Codable {
    public var cases: Int
    public var ac1: Double
    public var ac3: Double
    public var avg5: Double
    /// Share of cases with a truth path whose path matched; nil when no case has one.
    public var pathExact: Double?
    public var blastRadiusF1: Double?

    public init(_ scores: [CaseScore]) {
        cases = scores.count
        func share(_ k: Int) -> Double {
            scores.isEmpty ? 0 : Double(scores.filter { $0.hit(at: k) }.count) / Double(scores.count)
        }
        ac1 = share(1)
        ac3 = share(3)
        avg5 = (1...5).map(share).reduce(0, +) / 5
        let paths = scores.compactMap(\.pathExact)
        pathExact = paths.isEmpty ? nil : Double(paths.filter { $0 }.count) / Double(paths.count)
        let f1s = scores.compactMap(\.blastRadiusF1)
        blastRadiusF1 = f1s.isEmpty ? nil : f1s.reduce(0, +) / Double(f1s.count)
    }
}

/// The simple baselines every figure is compared with.
public enum Baseline: String, CaseIterable, Sendable, Codable {
    /// The service with the most error lines.
    case mostErrors = "most-errors"
    /// The service whose first error came first.
    case earliestError = "earliest-error"

    public func rank(_ activity: [CaseAnswer.Activity]) -> [String] {
        switch self {
        case .mostErrors:
            return activity.filter { $0.errorLines > 0 }.sorted { ($1.errorLines, $0.service) < ($0.errorLines, $1.service) }.map(\.service)
        case .earliestError:
            return activity.filter { $0.firstError != nil }
                .sorted { ($0.firstError!, $0.service) < ($1.firstError!, $1.service) }.map(\.service)
        }
    }
}
