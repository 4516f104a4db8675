internal import CausewayCore
internal import CausewayIngest

/// Infers call edges from what log lines name, each with a confidence and the lines behind it.
///
/// A template whose lines name another service is one piece of evidence that its emitter calls that service
/// (or is called by it, when the line names a caller: `request from api-gateway`). How much one piece
/// weighs depends on the cue (``MentionCue/confidence``): an address (`http://payments-worker:8080`) says
/// more than a phrase (`Error calling payments-worker`), which says more than a technology word (`Redis`)
/// or a bare name. Distinct templates are taken as independent evidence, so an edge's confidence is
/// 1 − Π(1 − cᵢ) over the templates that name it; edges below ``CallInference/minimumConfidence`` are not
/// drawn.
///
/// Direction: a caller phrase points at the emitter; an address or a phrase of calling points away from it;
/// a bare name or a technology word points down the tiers (`ServiceRole/tier`), since a line is more often
/// about a dependency than about a client.
///
/// Some bare mentions are set aside as saying nothing about calls: a name or technology that the emitter's
/// own name holds (`cart-listener` naming `cart`: its own queue, table or domain; `kafka-events` naming
/// Kafka), and the bare names in the lines of an emitter that names ``CallInference/hubThreshold`` or more
/// services that way (a log shipper, a scheduler or a dashboard reporting on others).
///
/// With a declared topology, edges between two declared services are never inferred (the declaration is the
/// truth about them); the strong ones are returned apart, so that a declaration that misses a call can be
/// reported.
enum CallInference {
    struct Result {
        /// Inferred edges to draw, sorted.
        var calls: [Topology.Call]
        /// Confident edges between two declared services that the declaration lacks, sorted.
        var betweenDeclared: [Topology.Call]
    }

    /// Edges less sure than this are not drawn: one bare co-mention is not enough, two are.
    static let minimumConfidence = 0.5
    /// An emitter whose lines name this many services by bare name is reporting on them, not calling them.
    static let hubThreshold = 5

    private struct Pair: Hashable, Comparable {
        var caller: ServiceName
        var callee: ServiceName

        static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.caller, lhs.callee) < (rhs.caller, rhs.callee) }
    }

    private struct Candidate {
        /// Π(1 − cᵢ) over the templates naming the edge.
        var doubt = 1.0
        var evidence: [SourceLocation] = []
        var strongest: MentionCue = .name
        var reason = ""

        var confidence: Double { 1 - doubt }
    }

    /// - Complexity: O(t · m + e log e) for t templates of m mentions each and e candidate edges.
    static func infer(
        templates: [LogTemplate], mentions: [[ResolvedMention]], roles: [ServiceName: ServiceRole], declared: Topology?
    ) -> Result {
        var bareNamed: [ServiceName: Set<ServiceName>] = [:]
        for (index, template) in templates.enumerated() {
            for mention in mentions[index] where mention.cue == .name && !mention.isCaller {
                bareNamed[template.service, default: []].insert(mention.service)
            }
        }

        var candidates: [Pair: Candidate] = [:]
        for (index, template) in templates.enumerated() {
            let emitter = template.service
            for mention in mentions[index] {
                let named = mention.service
                guard emitter != named else { continue }
                if mention.cue <= .technology, !mention.isCaller {
                    if sharesStem(emitter, named) { continue }
                    if let word = mention.technology, TopologyAssembly.holds(emitter, word: word) { continue }
                    if mention.cue == .name, (bareNamed[emitter]?.count ?? 0) >= hubThreshold { continue }
                }
                let pair: Pair
                if mention.isCaller {
                    pair = Pair(caller: named, callee: emitter)
                } else if mention.cue >= .phrase {
                    pair = Pair(caller: emitter, callee: named)
                } else {
                    let emitterTier = roles[emitter]?.tier ?? 2
                    let namedTier = roles[named]?.tier ?? 2
                    pair = namedTier < emitterTier ? Pair(caller: named, callee: emitter) : Pair(caller: emitter, callee: named)
                }
                var candidate = candidates[pair] ?? Candidate()
                candidate.doubt *= 1 - mention.cue.confidence
                if candidate.evidence.count < Topology.Call.evidenceLimit { candidate.evidence.append(mention.evidence.location) }
                if candidate.reason.isEmpty || mention.cue > candidate.strongest {
                    candidate.strongest = mention.cue
                    candidate.reason = "a line from \(emitter) \(describe(mention)) (\(mention.evidence.location))"
                }
                candidates[pair] = candidate
            }
        }

        var calls: [Topology.Call] = []
        var betweenDeclared: [Topology.Call] = []
        for pair in candidates.keys.sorted() {
            let candidate = candidates[pair]!
            guard candidate.confidence >= minimumConfidence else { continue }
            // Both directions named: the surer one stands (on a tie, the one running down the tiers).
            if let reverse = candidates[Pair(caller: pair.callee, callee: pair.caller)], reverse.confidence >= minimumConfidence {
                let tierOrder = (roles[pair.caller]?.tier ?? 2) <= (roles[pair.callee]?.tier ?? 2)
                if reverse.confidence > candidate.confidence || (reverse.confidence == candidate.confidence && !tierOrder) { continue }
            }
            var reason = candidate.reason
            if candidate.evidence.count > 1 { reason += "; \(candidate.evidence.count) template(s) in all" }
            let call = Topology.Call(
                caller: pair.caller, callee: pair.callee, provenance: .inferred, reason: reason,
                confidence: (candidate.confidence * 1000).rounded() / 1000, evidence: candidate.evidence)
            if let declared, declared.contains(pair.caller), declared.contains(pair.callee) {
                if !declared.hasCall(from: pair.caller, to: pair.callee), candidate.strongest == .address { betweenDeclared.append(call) }
                continue
            }
            calls.append(call)
        }
        return Result(calls: calls, betweenDeclared: betweenDeclared)
    }

    /// `cart-listener` and `cart`, `kafka-v2` and `kafka`: one name is the other's first words.
    static func sharesStem(_ a: ServiceName, _ b: ServiceName) -> Bool {
        a.rawValue.hasPrefix(b.rawValue + "-") || b.rawValue.hasPrefix(a.rawValue + "-")
            || a.rawValue.hasPrefix(b.rawValue + "_") || b.rawValue.hasPrefix(a.rawValue + "_")
    }

    private static func describe(_ mention: ResolvedMention) -> String {
        if mention.isCaller { return "says \(mention.service) called it" }
        if let word = mention.technology { return "names \(word)" }
        switch mention.cue {
        case .address: return "reaches \(mention.service) at its address"
        case .phrase: return "says it called \(mention.service)"
        case .name, .technology: return "names \(mention.service)"
        }
    }
}
