public import CausewayAnalysis
internal import CausewayCore
internal import Foundation

/// A past incident found by a search, with its score and reasons.
public struct SimilarityMatch: Hashable, Sendable, Codable {
    public var incident: IncidentSummary
    /// In [0, 1], rounded to three decimals.
    public var score: Double
    /// The parts of the score (for a text search, only ``SimilarityBreakdown/terms`` is used).
    public var breakdown: SimilarityBreakdown
    /// What the two share, most telling first.
    public var why: [String]

    public init(incident: IncidentSummary, score: Double, breakdown: SimilarityBreakdown, why: [String]) {
        self.incident = incident
        self.score = score
        self.breakdown = breakdown
        self.why = why
    }
}

/// The outcome of a search: how many incidents were compared and the matches, best first.
public struct SimilaritySearch: Hashable, Sendable, Codable {
    public var compared: Int
    public var matches: [SimilarityMatch]

    public init(compared: Int, matches: [SimilarityMatch]) {
        self.compared = compared
        self.matches = matches
    }
}

extension IncidentHistory {
    /// Matches scoring below this are left out of the report: they share little more than common words.
    public static let defaultMinimumScore = 0.15

    /// The stored incidents most like `report`, best first (ties by id), the incident itself left out.
    ///
    /// Scored by ``SimilarityScorer`` over every stored signature.
    public func similar(
        to report: IncidentReport, limit: Int = 5, minimumScore: Double = IncidentHistory.defaultMinimumScore
    ) throws(HistoryError) -> SimilaritySearch {
        let own = IncidentID(of: report)
        let query = IncidentSignature(report: report)
        let stored = try signatures()
        let scorer = SimilarityScorer(corpus: stored.values.map(\.1))
        let inCorpus = stored[own] != nil
        var matches: [SimilarityMatch] = []
        for (id, entry) in stored where id != own {
            let (score, breakdown, why) = scorer.compare(query, entry.1, queryInCorpus: inCorpus)
            guard score > 0, score >= minimumScore else { continue }
            matches.append(SimilarityMatch(incident: entry.0, score: score, breakdown: breakdown, why: why))
        }
        return SimilaritySearch(compared: stored.count - (inCorpus ? 1 : 0), matches: Self.best(matches, limit: limit))
    }

    /// The stored incidents that match words typed by a person (`oom payments-worker heap`), best first.
    ///
    /// Each word is looked up as a template word, a signal id and a service name. The score is the share
    /// of the query's IDF weight that the incident matches: 1 when it matches every word.
    public func search(text: String, limit: Int = 10, minimumScore: Double = 0.01) throws(HistoryError) -> SimilaritySearch {
        let stored = try signatures()
        var documents: [IncidentID: Set<String>] = [:]
        var frequency: [String: Int] = [:]
        for (id, entry) in stored {
            var keys = Set(entry.1.terms.map(\.key))
            for service in entry.1.services { keys.insert("service:\(service.name)") }
            if let root = entry.1.patientZero { keys.insert("service:\(root.service)") }
            documents[id] = keys
            for key in keys { frequency[key, default: 0] += 1 }
        }
        // Each typed word is one query item, matched by any of its spellings.
        var items: [(word: String, keys: [String])] = []
        for raw in text.split(whereSeparator: \.isWhitespace) {
            let word = raw.lowercased().trimmingCharacters(in: .punctuationCharacters)
            guard !word.isEmpty else { continue }
            var keys = ["signal:\(word)", "service:\(word)"]
            keys += Tokenizer.tokens(in: String(raw)).map { "token:\($0)" }
            if !items.contains(where: { $0.word == word }) { items.append((word, keys)) }
        }
        guard !items.isEmpty else { return SimilaritySearch(compared: stored.count, matches: []) }
        let n = Double(stored.count)
        func idf(_ keys: [String]) -> Double {
            let df = Double(keys.map { frequency[$0] ?? 0 }.max() ?? 0)
            return log((1 + n) / (1 + df)) + 1
        }
        let weights = items.map { idf($0.keys) }
        let total = weights.reduce(0, +)
        var matches: [SimilarityMatch] = []
        for (id, entry) in stored {
            let keys = documents[id] ?? []
            var matched = 0.0
            var words: [String] = []
            for (index, item) in items.enumerated() where item.keys.contains(where: keys.contains) {
                matched += weights[index]
                words.append(item.word)
            }
            let score = SimilarityScorer.round(total > 0 ? matched / total : 0)
            guard score > 0, score >= minimumScore else { continue }
            matches.append(
                SimilarityMatch(
                    incident: entry.0, score: score, breakdown: SimilarityBreakdown(terms: score, services: 0, patientZero: 0, path: 0),
                    why: ["matches \(words.count) of \(items.count) words: \(words.joined(separator: ", "))"]))
        }
        return SimilaritySearch(compared: stored.count, matches: Self.best(matches, limit: limit))
    }

    static func best(_ matches: [SimilarityMatch], limit: Int) -> [SimilarityMatch] {
        Array(matches.sorted { ($1.score, $0.incident.id) < ($0.score, $1.incident.id) }.prefix(max(0, limit)))
    }

    /// `report` with its similar incidents filled from this history: searched, a note saying how many
    /// incidents were compared, and the top `limit` matches with score, reasons and resolution note.
    public func withSimilarIncidents(_ report: IncidentReport, limit: Int = 5) throws(HistoryError) -> IncidentReport {
        let search = try similar(to: report, limit: limit)
        var filled = report
        filled.similarIncidents = Self.similarIncidents(search)
        return filled
    }

    static func similarIncidents(_ search: SimilaritySearch) -> SimilarIncidents {
        let compared = search.compared == 1 ? "1 past incident" : "\(search.compared) past incidents"
        let note: String
        if search.compared == 0 {
            note = "The incident history holds no other incident to compare with yet."
        } else if search.matches.isEmpty {
            note = "Compared with \(compared) in the incident history; none scored \(IncidentHistory.defaultMinimumScore) or more."
        } else {
            note = "Compared with \(compared) in the incident history; the \(search.matches.count == 1 ? "closest is" : "\(search.matches.count) closest are") listed, best first."
        }
        return SimilarIncidents(
            searched: true, note: note,
            matches: search.matches.map { match in
                SimilarIncident(
                    id: match.incident.id.rawValue, title: match.incident.title, score: match.score, why: match.why,
                    resolution: match.incident.resolution?.note)
            })
    }
}
