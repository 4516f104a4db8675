internal import CausewayCore
internal import Foundation

/// How much two incidents resemble each other, in [0, 1], and why.
public struct SimilarityBreakdown: Hashable, Sendable, Codable {
    /// TF-IDF cosine of the signal and template-word vectors.
    public var terms: Double
    /// Jaccard index of the services with symptoms.
    public var services: Double
    /// 1 for the same service failing the same way; partial credit for the same service or the same signal.
    public var patientZero: Double
    /// Longest common subsequence of the propagation paths (services, then roles), as a Dice ratio.
    public var path: Double

    public init(terms: Double, services: Double, patientZero: Double, path: Double) {
        self.terms = terms
        self.services = services
        self.patientZero = patientZero
        self.path = path
    }
}

/// Scores signatures against a corpus of stored ones.
///
/// The score is a weighted sum of four parts, each in [0, 1], so the score is too:
/// - **terms** (0.45): signals and template words as TF-IDF vectors, compared by cosine (Salton & Buckley,
///   "Term-weighting approaches in automatic text retrieval", 1988): a term's weight is
///   `(1 + ln tf) × (ln((1 + N) / (1 + df)) + 1)`, so what every incident says (`error`, `timeout`) counts
///   for little and a rare signal for much;
/// - **services** (0.20): the Jaccard index of the services with symptoms;
/// - **patient zero** (0.20): 1 for the same service with the same signal, 0.6 for the same service, 0.5 for
///   the same signal at a service of the same role, 0.35 for the same signal elsewhere;
/// - **path** (0.15): the propagation paths' longest common subsequence as a Dice ratio `2·LCS / (|a| + |b|)`,
///   0.6 of it over services and 0.4 over roles, so the same shape through other services still counts.
///
/// Scores are rounded to three decimals, so equal signatures tie exactly and ties are broken by id.
public struct SimilarityScorer: Sendable {
    public static let termWeight = 0.45
    public static let serviceWeight = 0.20
    public static let patientZeroWeight = 0.20
    public static let pathWeight = 0.15

    /// In how many corpus signatures each term key occurs.
    let documentFrequency: [String: Int]
    let documents: Int

    /// - Complexity: O(total terms in the corpus).
    public init(corpus: [IncidentSignature]) {
        var frequency: [String: Int] = [:]
        for signature in corpus {
            for term in signature.terms { frequency[term.key, default: 0] += 1 }
        }
        documentFrequency = frequency
        documents = corpus.count
    }

    /// The query's own terms count as one more document unless it is already in the corpus.
    func idf(_ key: String, queryInCorpus: Bool, queryHasTerm: Bool) -> Double {
        let extra = !queryInCorpus && queryHasTerm ? 1 : 0
        let n = Double(documents + (queryInCorpus ? 0 : 1))
        let df = Double((documentFrequency[key] ?? 0) + extra)
        return log((1 + n) / (1 + df)) + 1
    }

    func vector(_ signature: IncidentSignature, query: Set<String>, queryInCorpus: Bool) -> [String: Double] {
        var vector: [String: Double] = [:]
        for term in signature.terms where term.count > 0 {
            vector[term.key] = (1 + log(Double(term.count))) * idf(term.key, queryInCorpus: queryInCorpus, queryHasTerm: query.contains(term.key))
        }
        return vector
    }

    /// Scores `candidate` against `query`, with the reasons a person would give.
    ///
    /// - Parameter queryInCorpus: whether `query` itself is one of the corpus signatures (a stored
    ///   incident searched again), so that it is not counted twice in document frequencies.
    /// - Complexity: O(t log t + p·q) for t terms and paths of lengths p and q.
    public func compare(_ query: IncidentSignature, _ candidate: IncidentSignature, queryInCorpus: Bool = false)
        -> (score: Double, breakdown: SimilarityBreakdown, why: [String])
    {
        let queryKeys = Set(query.terms.map(\.key))
        let q = vector(query, query: queryKeys, queryInCorpus: queryInCorpus)
        let c = vector(candidate, query: queryKeys, queryInCorpus: queryInCorpus)
        let terms = Self.cosine(q, c)

        let queryServices = Set(query.services.map(\.name))
        let candidateServices = Set(candidate.services.map(\.name))
        let union = queryServices.union(candidateServices)
        let shared = queryServices.intersection(candidateServices).sorted()
        let services = union.isEmpty ? 0 : Double(shared.count) / Double(union.count)

        let (zero, zeroWhy) = Self.patientZero(query.patientZero, candidate.patientZero)
        let (path, pathWhy) = Self.path(query, candidate)

        let breakdown = SimilarityBreakdown(
            terms: Self.round(terms), services: Self.round(services), patientZero: zero, path: Self.round(path))
        let score = Self.round(
            Self.termWeight * terms + Self.serviceWeight * services + Self.patientZeroWeight * zero + Self.pathWeight * path)

        var why: [String] = []
        if let zeroWhy { why.append(zeroWhy) }
        if let pathWhy { why.append(pathWhy) }
        let sharedSignals = Set(query.terms.filter { $0.kind == .signal && $0.text != "error" }.map(\.text))
            .intersection(candidate.terms.filter { $0.kind == .signal }.map(\.text)).sorted()
        if !sharedSignals.isEmpty {
            why.append("shared signals: \(Self.list(sharedSignals, limit: 6))")
        }
        let sharedWords = q.keys.filter { $0.hasPrefix("token:") && c[$0] != nil }
            .sorted { (q[$0]! * c[$0]!, $1) > (q[$1]! * c[$1]!, $0) }
            .map { String($0.dropFirst("token:".count)) }
        if !sharedWords.isEmpty {
            why.append("shared words: \(Self.list(Array(sharedWords.prefix(5)), limit: 5))")
        }
        if !shared.isEmpty {
            why.append("shared services: \(shared.count) of \(union.count) (\(Self.list(shared.map(\.rawValue), limit: 5)))")
        }
        return (score, breakdown, why)
    }

    // MARK: - Parts

    /// - Complexity: O(min(|a|, |b|)) lookups, summed in key order so the result is reproducible.
    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        let normA = a.keys.sorted().reduce(0.0) { $0 + a[$1]! * a[$1]! }.squareRoot()
        let normB = b.keys.sorted().reduce(0.0) { $0 + b[$1]! * b[$1]! }.squareRoot()
        guard normA > 0, normB > 0 else { return 0 }
        let dot = a.keys.sorted().reduce(0.0) { sum, key in sum + a[key]! * (b[key] ?? 0) }
        return min(1, max(0, dot / (normA * normB)))
    }

    static func patientZero(_ a: IncidentSignature.Root?, _ b: IncidentSignature.Root?) -> (Double, String?) {
        guard let a, let b else { return (0, nil) }
        if a.service == b.service {
            if a.signal == b.signal { return (1, "same patient zero: \(a.service) (\(a.signal))") }
            return (0.6, "same patient zero service: \(a.service) (\(b.signal) then, \(a.signal) now)")
        }
        guard a.signal == b.signal, a.signal != "error" else { return (0, nil) }
        if a.role == b.role, a.role != .unknown {
            return (0.5, "same root signal at a \(a.role.rawValue): \(a.signal) (at \(b.service) then)")
        }
        return (0.35, "same root signal: \(a.signal) (at \(b.service) then)")
    }

    static func path(_ a: IncidentSignature, _ b: IncidentSignature) -> (Double, String?) {
        guard !a.propagationPath.isEmpty, !b.propagationPath.isEmpty else { return (0, nil) }
        let common = longestCommonSubsequence(a.propagationPath, b.propagationPath)
        let roles = longestCommonSubsequence(a.pathRoles, b.pathRoles)
        let total = Double(a.propagationPath.count + b.propagationPath.count)
        let score = 0.6 * 2 * Double(common.count) / total + 0.4 * 2 * Double(roles.count) / total
        let arrow = " → "
        if a.propagationPath == b.propagationPath {
            return (score, "same propagation path: \(a.propagationPath.map(\.rawValue).joined(separator: arrow))")
        }
        if common.count >= 2 {
            return (score, "path in common: \(common.map(\.rawValue).joined(separator: arrow))")
        }
        if a.pathRoles == b.pathRoles, a.pathRoles.count >= 2 {
            return (score, "same path shape: \(a.pathRoles.map(\.rawValue).joined(separator: arrow))")
        }
        return (score, nil)
    }

    /// The longest common subsequence, by dynamic programming (Cormen et al., *Introduction to
    /// Algorithms*, 3rd ed., §15.4).
    ///
    /// - Complexity: O(n·m) time and space.
    static func longestCommonSubsequence<T: Equatable>(_ a: [T], _ b: [T]) -> [T] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [T] = []
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                result.append(a[i])
                i += 1
                j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    static func round(_ value: Double) -> Double {
        (min(1, max(0, value)) * 1000).rounded() / 1000
    }

    static func list(_ items: [String], limit: Int) -> String {
        let shown = items.prefix(limit).joined(separator: ", ")
        return items.count > limit ? "\(shown) and \(items.count - limit) more" : shown
    }
}
