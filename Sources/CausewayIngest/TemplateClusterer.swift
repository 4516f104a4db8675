internal import CausewayCore

/// Clusters keys into templates the way Drain does (He et al., "Drain: An Online Log Parsing Approach with
/// Fixed Depth Tree", ICWS 2017): keys are grouped by service, signals, token count and first token; within
/// a group a key joins the most similar cluster when at least ``similarityThreshold`` of its tokens match,
/// and the tokens that differ become `<*>`.
///
/// Runs over distinct keys (already masked), not lines, so it costs little however long the input. Two
/// tokens that both name known services never match: "refused to orders-db" and "refused to users-db"
/// stay apart; nor do keys whose lines name different dependencies anywhere (`[apps-checkout-api-3000]`,
/// `http://orders-db.prod.svc:5432/`), so each template is about one dependency.
struct TemplateClusterer {
    static let similarityThreshold = 0.6
    /// The most clusters of one shape a key is compared with (the latest).
    static let candidateLimit = 256

    struct Cluster {
        var tokens: [Substring]
        var members: [Int]
        /// The dependencies its members' lines name (all the same, or none).
        var dependencies: Set<ServiceName> = []
    }

    let knownServices: Set<String>

    /// Clusters the keys of one group (same service and signals), given in first-appearance order.
    /// - Returns: clusters in the order their first member appeared.
    func cluster(_ keys: [(index: Int, text: String, dependencies: Set<ServiceName>)]) -> [Cluster] {
        var clusters: [Cluster] = []
        var byShape: [String: [Int]] = [:]
        for key in keys {
            let tokens = key.text.split(separator: " ", omittingEmptySubsequences: true)
            let first = tokens.first.map(Self.groupToken) ?? ""
            let shape = "\(tokens.count)\u{1}\(first)"
            var best: (Int, Double)?
            // The latest clusters of the shape only: messages that make hundreds of clusters of one shape are
            // unique text (an unread format, escaped JSON), and comparing each with all would be quadratic.
            for candidate in (byShape[shape] ?? []).suffix(Self.candidateLimit) {
                let other = clusters[candidate].dependencies
                guard other.isEmpty || key.dependencies.isEmpty || other == key.dependencies else { continue }
                let score = similarity(clusters[candidate].tokens, tokens)
                if score >= Self.similarityThreshold, best == nil || score > best!.1 { best = (candidate, score) }
            }
            if let (index, _) = best {
                clusters[index].tokens = merge(clusters[index].tokens, tokens)
                clusters[index].members.append(key.index)
                if clusters[index].dependencies.isEmpty { clusters[index].dependencies = key.dependencies }
            } else {
                byShape[shape, default: []].append(clusters.count)
                clusters.append(Cluster(tokens: tokens, members: [key.index], dependencies: key.dependencies))
            }
        }
        // Clusters that grew into the same pattern (two that were never compared, or whose wildcards met)
        // are one template: a template is its pattern.
        var distinct: [Cluster] = []
        var byPattern: [String: Int] = [:]
        for cluster in clusters {
            let pattern = cluster.tokens.joined(separator: " ") + "\u{1}" + cluster.dependencies.map(\.rawValue).sorted().joined(separator: ",")
            if let index = byPattern[pattern] {
                distinct[index].members += cluster.members
            } else {
                byPattern[pattern] = distinct.count
                distinct.append(cluster)
            }
        }
        return distinct
    }

    /// Share of positions whose tokens are equal (a wildcard counts half); -1 when two different known
    /// services face each other.
    func similarity(_ template: [Substring], _ tokens: [Substring]) -> Double {
        guard template.count == tokens.count, !tokens.isEmpty else { return -1 }
        var score = 0.0
        for (a, b) in zip(template, tokens) {
            if a == b {
                score += 1
            } else if a == "<*>" || b == "<*>" {
                score += 0.5
            } else if knownServices.contains(Self.trimmed(a)) && knownServices.contains(Self.trimmed(b)) {
                return -1
            }
        }
        return score / Double(tokens.count)
    }

    func merge(_ template: [Substring], _ tokens: [Substring]) -> [Substring] {
        zip(template, tokens).map { $0 == $1 ? $0 : "<*>" }
    }

    /// The first token as a group key: a variable (a wildcard) groups as `<*>`, but a token whose literal
    /// part is a word (`p.c.PriceController#<*>`) keeps that part: two classes' messages are two templates.
    /// A token the masker left whole is constant, digits and all (a logger's source line,
    /// `t.s.TravelServiceImpl#451`): two statements are two templates.
    static func groupToken(_ token: Substring) -> String {
        guard token.contains("<*>") else { return String(token) }
        let literal = token.filter { !$0.isNumber && $0 != "<" && $0 != "*" && $0 != ">" }
        return literal.count(where: \.isLetter) >= 4 ? literal + "<*>" : "<*>"
    }

    /// The token without surrounding punctuation, as a service name would stand; empty for a token longer
    /// than any name (a blob of escaped JSON is compared often and is never one).
    static func trimmed(_ token: Substring) -> String {
        let utf8 = token.utf8
        guard utf8.count <= 160 else { return "" }
        func isPunctuation(_ b: UInt8) -> Bool {
            switch b {
            case 0x3A, 0x2C, 0x3B, 0x2E, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x22, 0x27: true  // : , ; . ( ) [ ] { } " '
            default: false
            }
        }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isPunctuation(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isPunctuation(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(Substring(utf8[start..<end]))
    }
}
