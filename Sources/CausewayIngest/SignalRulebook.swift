public import CausewayCore
public import Foundation

/// A technology or client word that names a kind of dependency (`redis` → a cache, `kafka` → a queue).
public struct VocabularyEntry: Hashable, Sendable, Codable {
    /// The word as it appears in logs, lower case.
    public var word: String
    public var role: ServiceRole
    /// The name the technology goes by when the word is an alias or client (`psql` → `postgres`); nil when
    /// the word says only what kind of dependency it is (`jdbc`).
    public var canonical: String?
    /// True when the word names a kind of dependency but no product, so it can only point at a dependency
    /// the topology already knows.
    public var generic: Bool?

    /// The technology's own name, lower case.
    public var technology: String { canonical ?? word }
}

/// The signal rule table and the dependency vocabulary, loaded from `signals.json`.
public struct SignalRulebook: Sendable {
    /// Signals in the table's order, which is also their priority when a line matches several.
    public let signals: [SignalDefinition]
    public let vocabulary: [VocabularyEntry]
    private let byID: [SignalID: Int]
    private let compiled: [CompiledSignal]
    private let hasStatusRules: Bool
    private let benign: Set<SignalID>

    private struct File: Decodable {
        var signals: [SignalDefinition]
        var vocabulary: [VocabularyEntry]
    }

    /// Decodes a rule table; the error names the first field that does not decode.
    public init(data: Data, source: String = "signals.json") throws(IngestError) {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw IngestError(.ruleTableInvalid, "\(error)", file: source)
        }
        var index: [SignalID: Int] = [:]
        for (offset, signal) in file.signals.enumerated() {
            guard index[signal.id] == nil else {
                throw IngestError(.ruleTableInvalid, "signal '\(signal.id)' is defined twice", file: source)
            }
            guard signal.rootLikelihood > 0, signal.rootLikelihood <= 1 else {
                throw IngestError(.ruleTableInvalid, "signal '\(signal.id)' needs rootLikelihood in (0, 1]", file: source)
            }
            index[signal.id] = offset
        }
        signals = file.signals
        var compiled: [CompiledSignal] = []
        for signal in file.signals {
            compiled.append(CompiledSignal(
                id: signal.id, minimumLevel: signal.minimumLevel, anyOf: signal.anyOf.map { Array($0.lowercased().utf8) },
                allOf: signal.allOf.map { $0.map { Array($0.lowercased().utf8) } },
                noneOf: signal.noneOf.map { Array($0.lowercased().utf8) },
                httpStatuses: try Self.statusRanges(signal.httpStatuses ?? [], signal: signal.id, source: source)))
        }
        self.compiled = compiled
        hasStatusRules = compiled.contains { !$0.httpStatuses.isEmpty }
        benign = Set(file.signals.filter { $0.benign == true }.map(\.id))
        vocabulary = file.vocabulary.sorted { $0.word.count > $1.word.count || ($0.word.count == $1.word.count && $0.word < $1.word) }
        byID = index
    }

    /// `"500-599"` or `"429"` → ranges of statuses.
    private static func statusRanges(_ texts: [String], signal: SignalID, source: String) throws(IngestError) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for text in texts {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(parts.count), let low = parts[0], let high = parts.last ?? nil, low <= high,
                (100...599).contains(low), (100...599).contains(high)
            else {
                throw IngestError(.ruleTableInvalid, "signal '\(signal)' has httpStatuses entry '\(text)'; use \"503\" or \"500-599\"", file: source)
            }
            ranges.append(low...high)
        }
        return ranges
    }

    /// Signals that mark a line as not trouble, by id (the table's `benign` rows).
    public static let benignSignals: Set<SignalID> = {
        guard let table = try? bundled() else { return [] }
        return Set(table.signals.filter { $0.benign == true }.map(\.id))
    }()

    /// The table shipped with Causeway.
    public static func bundled() throws(IngestError) -> SignalRulebook {
        guard let url = Bundle.module.url(forResource: "signals", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else {
            throw IngestError(.ruleTableInvalid, "the bundled signals.json is missing; reinstall Causeway")
        }
        return try SignalRulebook(data: data)
    }

    public func definition(_ id: SignalID) -> SignalDefinition? {
        byID[id].map { signals[$0] }
    }

    /// The table position of a signal: lower is more specific and wins when a line matches several.
    public func priority(of id: SignalID) -> Int {
        byID[id] ?? Int.max
    }

    /// The signals a line shows, most specific first.
    /// - Parameter text: the message, in any case; only its first 8 KiB are examined.
    public func signals(in text: String, level: LogLevel, httpStatus: Int? = nil) -> [SignalID] {
        let bytes = LowercasedBytes(text)
        var status = httpStatus
        if status == nil, hasStatusRules {
            var copy = text
            status = copy.withUTF8 { HTTPStatus.inText($0) }
        }
        var found: [SignalID] = []
        for signal in compiled where level >= signal.minimumLevel && signal.matches(bytes, httpStatus: status) {
            found.append(signal.id)
        }
        // A benign reading that outranks the rest decides: a span exporter's "connection refused" is no failure.
        if let first = found.first, benign.contains(first) { return [first] }
        return found
    }
}
