public import CausewayCore

/// Something a log line names besides its emitter: a service by name (`upstream: payments-worker`,
/// `http://payments-worker:8080`), or a technology that stands for a dependency (`Redis CLUSTERDOWN`).
public enum MentionTarget: Hashable, Sendable, Comparable {
    case service(ServiceName)
    /// A service named as the emitter's caller (`rate limit exceeded for client ingress-nginx`,
    /// `request from api-gateway`): it calls the emitter, not the other way round.
    case caller(ServiceName)
    /// A technology word: its canonical name, the role it implies, and whether it names a product
    /// (`redis`) or only a kind of dependency (`jdbc`, generic).
    case technology(String, ServiceRole, generic: Bool)

    public static func < (lhs: MentionTarget, rhs: MentionTarget) -> Bool {
        lhs.sortKey < rhs.sortKey
    }

    private var sortKey: String {
        switch self {
        case .service(let name): "0" + name.rawValue
        case .caller(let name): "2" + name.rawValue
        case .technology(let word, _, _): "1" + word
        }
    }
}

/// Finds the services and technologies a message names.
public struct MentionExtractor: Sendable {
    public var knownServices: Set<ServiceName>
    public var vocabulary: [VocabularyEntry]

    public init(knownServices: Set<ServiceName>, vocabulary: [VocabularyEntry]) {
        self.knownServices = knownServices
        self.vocabulary = vocabulary
    }

    /// The targets `message` names, sorted, without the emitter itself.
    /// - Complexity: O(m · v) for a message of length m and a vocabulary of v words.
    public func mentions(in message: String, emitter: ServiceName?) -> [MentionTarget] {
        var names: [Substring: ServiceName?] = [:]
        return mentions(in: message, emitter: emitter, names: &names)
    }

    /// As ``mentions(in:emitter:)``, remembering in `names` what each token normalises to (messages of one
    /// input share most of their words).
    func mentions(in message: String, emitter: ServiceName?, names: inout [Substring: ServiceName?]) -> [MentionTarget] {
        var found = namedServices(in: message, emitter: emitter, names: &names)
        let lowered = Array(message.lowercased().utf8)
        let original = Array(message.utf8)
        var claimed = [Bool](repeating: false, count: lowered.count)
        for entry in vocabulary {
            var text = entry.word
            let matched = text.withUTF8 { word -> Bool in
                guard word.count > 0, word.count <= lowered.count else { return false }
                var matched = false
                var start = 0
                while start + word.count <= lowered.count {
                    if !claimed[start], lowered[start] == word[0], Self.matches(lowered, at: start, word),
                        Self.startsWord(original, start), Self.endsWord(original, start + word.count)
                    {
                        for i in start..<(start + word.count) { claimed[i] = true }
                        matched = true
                        start += word.count
                    } else {
                        start += 1
                    }
                }
                return matched
            }
            if matched { found.insert(.technology(entry.technology, entry.role, generic: entry.generic ?? false)) }
        }
        return found.sorted()
    }

    /// The known services `message` names (as dependencies or as callers), without technologies.
    /// - Complexity: O(m) for a message of length m.
    func namedServices(in message: String, emitter: ServiceName?) -> Set<MentionTarget> {
        var names: [Substring: ServiceName?] = [:]
        return namedServices(in: message, emitter: emitter, names: &names)
    }

    /// As ``namedServices(in:emitter:)``, remembering in `names` what each token normalises to.
    func namedServices(in message: String, emitter: ServiceName?, names: inout [Substring: ServiceName?]) -> Set<MentionTarget> {
        var found = Set<MentionTarget>()
        var previous: Substring = ""
        for token in Self.nameTokens(message) {
            defer { previous = token }
            let normalized: ServiceName?
            if let known = names[token] {
                normalized = known
            } else {
                normalized = ServiceName.normalized(token)
                names[token] = normalized
            }
            guard var name = normalized else { continue }
            if !knownServices.contains(name), let upstream = upstreamName(name.rawValue) { name = upstream }
            guard name != emitter, knownServices.contains(name) else { continue }
            found.insert(Self.callerWords.contains(previous.lowercased()) ? .caller(name) : .service(name))
        }
        return found
    }

    /// The services `message` names as the emitter's dependencies: lines that name different ones are
    /// about different dependencies and belong to different templates.
    public func dependenciesNamed(in message: String, emitter: ServiceName?) -> Set<ServiceName> {
        var names: [Substring: ServiceName?] = [:]
        return dependenciesNamed(in: message, emitter: emitter, names: &names)
    }

    /// As ``dependenciesNamed(in:emitter:)``, remembering in `names` what each token normalises to.
    func dependenciesNamed(in message: String, emitter: ServiceName?, names: inout [Substring: ServiceName?]) -> Set<ServiceName> {
        Set(namedServices(in: message, emitter: emitter, names: &names).compactMap { if case .service(let name) = $0 { name } else { nil } })
    }

    /// A known service inside a proxy's upstream or cluster name: `apps-checkout-service-8080` (ingress-nginx:
    /// namespace, service, port), `checkout-service-8080`.
    func upstreamName(_ token: String) -> ServiceName? {
        var parts = token.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, let port = parts.last, (2...5).contains(port.count), port.allSatisfy(\.isNumber) else { return nil }
        parts.removeLast()
        // The service with at most two namespace words before it.
        for dropped in 0...min(2, parts.count - 1) {
            let candidate = ServiceName(parts.dropFirst(dropped).joined(separator: "-"))
            if knownServices.contains(candidate) { return candidate }
        }
        return nil
    }

    /// Words after which a named service is the emitter's caller, not its dependency. (A proxy's
    /// "upstream" is its backend; its "downstream" is the client.)
    static let callerWords: Set<String> = ["client", "from", "caller", "by", "downstream", "requester", "source", "origin"]

    /// Runs of name characters: letters, digits, `-`, `_`, `.`; trailing dots dropped.
    static func nameTokens(_ message: String) -> [Substring] {
        // ASCII text (nearly every message): the same runs found byte by byte, without grapheme breaking.
        if message.utf8.allSatisfy({ $0 < 0x80 }) { return asciiNameTokens(message) }
        return message.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".")) })
            .map { token in
                var t = token
                while t.last == "." || t.last == "-" { t = t.dropLast() }
                return t
            }
            .filter { $0.count >= 2 }
    }

    /// ``nameTokens(_:)`` for ASCII text.
    static func asciiNameTokens(_ message: String) -> [Substring] {
        @inline(__always)
        func isName(_ b: UInt8) -> Bool {
            ASCII.isAlphanumeric(b) || b == ASCII.hyphen || b == ASCII.underscore || b == ASCII.dot
        }
        let utf8 = message.utf8
        var tokens: [Substring] = []
        var index = utf8.startIndex
        while index != utf8.endIndex {
            guard isName(utf8[index]) else {
                utf8.formIndex(after: &index)
                continue
            }
            let start = index
            var length = 0
            // The run's length without trailing dots and hyphens.
            var kept = 0
            var keptEnd = index
            while index != utf8.endIndex, isName(utf8[index]) {
                let b = utf8[index]
                utf8.formIndex(after: &index)
                length += 1
                if b != ASCII.dot && b != ASCII.hyphen {
                    kept = length
                    keptEnd = index
                }
            }
            if kept >= 2 { tokens.append(Substring(utf8[start..<keptEnd])) }
        }
        return tokens
    }

    /// Whether `bytes` holds `word` at `start` (the caller checks it fits).
    @inline(__always)
    static func matches(_ bytes: [UInt8], at start: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<word.count where bytes[start + i] != word[i] { return false }
        return true
    }

    /// A word starts at `index` when the byte before it is not a letter, or the case turns there (`myRedis`).
    static func startsWord(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let before = bytes[index - 1]
        let isLetter = (before >= 0x41 && before <= 0x5A) || (before >= 0x61 && before <= 0x7A)
        if !isLetter { return true }
        let isLowerBefore = before >= 0x61 && before <= 0x7A
        let current = bytes[index]
        return isLowerBefore && current >= 0x41 && current <= 0x5A
    }

    /// A word ends at `index` when the next byte is not a lower-case letter, or a capital starts the next
    /// camel-case word (`RedisConnectionException`, `PSQLException`).
    static func endsWord(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index < bytes.count else { return true }
        let next = bytes[index]
        let isLower = next >= 0x61 && next <= 0x7A
        if !isLower { return true }
        // `postgres` inside `postgresql` is the longer word's business: longer entries are tried first.
        return false
    }
}
