/// The base name of a service, with pod, replica and compose suffixes removed (`payments-worker`, never
/// `payments-worker-7d9f8c6b5-x2x1q` or `payments-worker-1`).
public struct ServiceName: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    /// Wraps a name that is already normalised.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: ServiceName, rhs: ServiceName) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Short names that say what a host is, not which service (`api`, `proxy`, `worker`).
    public static let genericHostWords: Set<String> = [
        "api", "apis", "app", "apps", "web", "www", "gateway", "proxy", "edge", "internal", "public", "admin", "service", "server",
        "backend", "frontend", "static", "cdn", "mail", "smtp", "auth", "login", "data", "cache", "queue", "worker", "workers",
    ]

    /// Suffixes a workload's name and its service's often differ by (`pricing`, `pricing-service`).
    static let formSuffixes = ["-service", "-svc", "-api", "-app", "-server"]

    /// The one service of `known` this name is a shorter or longer form of: a host or folder `pricing`, or a
    /// `pricing-svc`, for a topology's `pricing-service`; `payments-service` for its `payments`. Nil when the
    /// name is known itself, or when no known service fits, or more than one does.
    public func knownForm(in known: Set<ServiceName>) -> ServiceName? {
        guard !known.isEmpty, !known.contains(self) else { return nil }
        // `catalog_bff` (an Envoy cluster, a Python module) is `catalog-bff`.
        if rawValue.contains("_") {
            let hyphenated = ServiceName(String(rawValue.map { $0 == "_" ? "-" : $0 }))
            if known.contains(hyphenated) { return hyphenated }
        }
        var base = rawValue
        for suffix in Self.formSuffixes where base.count > suffix.count && base.hasSuffix(suffix) {
            base = String(base.dropLast(suffix.count))
            break
        }
        var found: ServiceName?
        for candidate in [base] + Self.formSuffixes.map({ base + $0 }) where candidate != rawValue && known.contains(ServiceName(candidate)) {
            guard found == nil else { return nil }
            found = ServiceName(candidate)
        }
        return found
    }

    /// Normalises what a log calls its source (a pod, container, compose service or host name) to the
    /// service it belongs to.
    ///
    /// Removes, in order: a Kubernetes namespace prefix (`prod/api`), a `.svc.cluster.local`-style DNS tail,
    /// a port, a Deployment pod suffix (`-<replicaset hash>-<pod hash>`), a DaemonSet or bare ReplicaSet pod
    /// suffix (`-<hash>` in Kubernetes' alphabet holding a digit), a StatefulSet ordinal or compose replica
    /// number (`-0`, `-1`, `_1`). Lower-cases the result. Returns nil when nothing name-like remains.
    public static func normalized(_ raw: some StringProtocol) -> ServiceName? {
        // ASCII names (nearly all) are read as bytes, with the same result as the rules on characters below,
        // at a small fraction of the cost; any other text takes the rules on characters.
        if let read = raw.utf8.withContiguousStorageIfAvailable({ normalizedASCII($0) }), let ascii = read { return ascii }
        return normalizedByCharacters(raw)
    }

    /// ``normalized(_:)`` on characters, for any text.
    static func normalizedByCharacters(_ raw: some StringProtocol) -> ServiceName? {
        var name = Substring(raw).trimmingSurrounding()
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let colon = name.firstIndex(of: ":") { name = name[..<colon] }
        if let dot = name.firstIndex(of: "."), name[dot...].hasPrefix(".svc") || name.hasSuffix(".local")
            || name.hasSuffix(".internal") || name.hasSuffix(".consul")
        {
            name = name[..<dot]
        }
        for unit in [".service", ".socket", ".scope", ".slice", ".timer"] where name.hasSuffix(unit) {
            // systemd units: `payments-worker.service`.
            name = name.dropLast(unit.count)
            break
        }
        var text = name.lowercased()
        guard !text.isEmpty, text.count <= 128, text.allSatisfy({ $0.isServiceNameCharacter }) else { return nil }
        if !isAddressHostName(text) {
            text = stripPodSuffix(text)
            text = stripReplicaNumber(text)
        }
        guard let first = text.first, first.isLetter || first.isNumber else { return nil }
        return ServiceName(text)
    }

    /// ``normalized(_:)`` on the bytes of an ASCII name: `.some(result)`, or nil when the text is not all
    /// ASCII (then the rules on characters apply). In ASCII every character is one byte, except a `\r\n` pair,
    /// which no rule matches and no service name holds, so each step below reads as its character version.
    static func normalizedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ServiceName?? {
        guard let base = bytes.baseAddress else { return .some(nil) }
        for b in bytes where b >= 0x80 { return nil }
        var lo = 0
        var hi = bytes.count
        // `trimmingSurrounding`.
        func opening(_ b: UInt8) -> Bool { b == 0x20 || b == 0x5B || b == 0x22 || b == 0x27 || b == 0x28 }  // space [ " ' (
        func closing(_ b: UInt8) -> Bool { b == 0x20 || b == 0x5D || b == 0x22 || b == 0x27 || b == 0x29 || b == 0x3A || b == 0x2C }
        while lo < hi, opening(base[lo]) { lo += 1 }
        while hi > lo, closing(base[hi - 1]) { hi -= 1 }
        // After the last `/`; before the first `:`.
        var i = hi
        while i > lo {
            if base[i - 1] == 0x2F {
                lo = i
                break
            }
            i -= 1
        }
        for j in lo..<hi where base[j] == 0x3A {
            hi = j
            break
        }
        func hasSuffix(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard hi - lo >= n else { return false }
            let s = suffix.utf8Start
            for k in 0..<n where base[hi - n + k] != s[k] { return false }
            return true
        }
        // A DNS tail.
        if let dot = (lo..<hi).first(where: { base[$0] == 0x2E }) {
            let svcPrefix = hi - dot >= 4 && base[dot + 1] == 0x73 && base[dot + 2] == 0x76 && base[dot + 3] == 0x63  // .svc
            if svcPrefix || hasSuffix(".local") || hasSuffix(".internal") || hasSuffix(".consul") { hi = dot }
        }
        // systemd units.
        for unit: StaticString in [".service", ".socket", ".scope", ".slice", ".timer"] where hasSuffix(unit) {
            hi -= unit.utf8CodeUnitCount
            break
        }
        guard hi > lo, hi - lo <= 128 else { return .some(nil) }
        var text = [UInt8](repeating: 0, count: hi - lo)
        for k in 0..<text.count {
            var b = base[lo + k]
            if b &- 0x41 < 26 { b |= 0x20 }
            guard b &- 0x61 < 26 || b &- 0x30 < 10 || b == 0x2D || b == 0x5F || b == 0x2E else { return .some(nil) }
            text[k] = b
        }
        var end = text.count
        let addressHost = text.count >= 10 && text[0] == 0x69 && text[1] == 0x70 && text[2] == 0x2D  // `ip-`
            && isAddressHostName(String(decoding: text, as: UTF8.self))
        if !addressHost {
            end = stripPodSuffix(text)
            end = stripReplicaNumber(text, end: end)
        }
        guard end > 0, text[0] &- 0x61 < 26 || text[0] &- 0x30 < 10 else { return .some(nil) }
        return .some(ServiceName(String(decoding: text[0..<end], as: UTF8.self)))
    }

    /// Whether `b` is in Kubernetes' hash alphabet (``kubernetesHashAlphabet``).
    @inline(__always)
    private static func isHashByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x62, 0x63, 0x64, 0x66, 0x67, 0x68, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x70, 0x71, 0x72, 0x73, 0x74, 0x76, 0x77, 0x78,
            0x7A, 0x32, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39:
            true
        default: false
        }
    }

    /// ``stripPodSuffix(_:)`` on lower-case name bytes: the length of the name without its pod suffix.
    static func stripPodSuffix(_ name: [UInt8]) -> Int {
        // The parts between hyphens, as `split(separator: "-", omittingEmptySubsequences: false)` gives them:
        // only the last three matter.
        var hyphens: [Int] = []
        for (k, b) in name.enumerated() where b == 0x2D { hyphens.append(k) }
        let partCount = hyphens.count + 1
        func part(fromEnd k: Int) -> Range<Int> {
            // k = 1 is the last part.
            let index = partCount - k
            let start = index == 0 ? 0 : hyphens[index - 1] + 1
            let end = index == partCount - 1 ? name.count : hyphens[index]
            return start..<end
        }
        func isHash(_ r: Range<Int>, _ lengths: ClosedRange<Int>) -> Bool {
            lengths.contains(r.count) && r.allSatisfy { isHashByte(name[$0]) }
        }
        func isScheduleMinute(_ r: Range<Int>) -> Bool { (7...10).contains(r.count) && r.allSatisfy { name[$0] &- 0x30 < 10 } }
        func hasDigit(_ r: Range<Int>) -> Bool { r.contains { name[$0] &- 0x30 < 10 } }
        func hasLetter(_ r: Range<Int>) -> Bool { r.contains { name[$0] &- 0x61 < 26 } }
        // Dropping the last k parts leaves the text before the k-th hyphen from the end.
        func dropping(_ k: Int) -> Int { hyphens[hyphens.count - k] }
        // After a schedule minute, a five-character pod suffix is one whatever its letters (as after a long
        // ReplicaSet hash below).
        if partCount >= 3, isScheduleMinute(part(fromEnd: 2)), part(fromEnd: 1).count == 5,
            part(fromEnd: 1).allSatisfy({ name[$0] &- 0x61 < 26 || name[$0] &- 0x30 < 10 })
        {
            return dropping(2)
        }
        if partCount >= 2, isScheduleMinute(part(fromEnd: 1)) { return dropping(1) }
        if partCount >= 3 {
            let replicaSet = part(fromEnd: 2)
            let pod = part(fromEnd: 1)
            if isHash(replicaSet, 5...10), isHash(pod, 4...5), replicaSet.count >= 8 || hasDigit(replicaSet) || hasDigit(pod) {
                return dropping(2)
            }
            // After a ReplicaSet hash of eight or more, a five-character pod suffix is one whatever its letters:
            // names copied by hand or made by other controllers stray from Kubernetes' alphabet.
            if isHash(replicaSet, 8...10), pod.count == 5, pod.allSatisfy({ name[$0] &- 0x61 < 26 || name[$0] &- 0x30 < 10 }) {
                return dropping(2)
            }
        }
        if partCount >= 2 {
            let pod = part(fromEnd: 1)
            if isHash(pod, 5...5), hasDigit(pod), hasLetter(pod) { return dropping(1) }
            // A ReplicaSet's own name (`cart-api-5f8b7c9d4`, as events name it): its pod-template hash alone.
            if isHash(pod, 8...10), hasDigit(pod), hasLetter(pod) { return dropping(1) }
        }
        return name.count
    }

    /// ``stripReplicaNumber(_:)`` on name bytes up to `end`: the length without a replica number.
    static func stripReplicaNumber(_ name: [UInt8], end: Int) -> Int {
        var separator = end - 1
        while separator >= 0, name[separator] != 0x2D, name[separator] != 0x5F { separator -= 1 }
        guard separator >= 0 else { return end }
        let tail = (separator + 1)..<end
        guard (1...3).contains(tail.count), tail.allSatisfy({ name[$0] &- 0x30 < 10 }), separator != 0 else { return end }
        return separator
    }

    /// A host named by its IPv4 address (`ip-10-1-2-33`, EC2's private DNS names): its numbers are the
    /// address, not a replica number.
    static func isAddressHostName(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 5 && parts[0] == "ip" && parts.dropFirst().allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    /// The characters Kubernetes uses in generated names (no vowels, no 0, 1, 3).
    static let kubernetesHashAlphabet = Set("bcdfghjklmnpqrstvwxz2456789")

    static func stripPodSuffix(_ name: String) -> String {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        func isHash(_ part: Substring, _ lengths: ClosedRange<Int>) -> Bool {
            lengths.contains(part.count) && part.allSatisfy { kubernetesHashAlphabet.contains($0) }
        }
        // A CronJob's jobs are named `<cronjob>-<scheduled minute since the epoch>`, their pods add a hash.
        func isScheduleMinute(_ part: Substring) -> Bool { (7...10).contains(part.count) && part.allSatisfy(\.isNumber) }
        if parts.count >= 3, isScheduleMinute(parts[parts.count - 2]), parts[parts.count - 1].count == 5,
            parts[parts.count - 1].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) })
        {
            return parts.dropLast(2).joined(separator: "-")
        }
        if parts.count >= 2, isScheduleMinute(parts[parts.count - 1]) {
            return parts.dropLast().joined(separator: "-")
        }
        if parts.count >= 3 {
            let replicaSet = parts[parts.count - 2]
            let pod = parts[parts.count - 1]
            // A short pair of consonant runs could be words; eight or more consonants in a row with a pod
            // hash after them are not (about 1 pod in 70 draws a hash without a digit).
            if isHash(replicaSet, 5...10), isHash(pod, 4...5),
                replicaSet.count >= 8 || (replicaSet + pod).contains(where: { $0.isNumber })
            {
                return parts.dropLast(2).joined(separator: "-")
            }
            // After a ReplicaSet hash of eight or more, a five-character pod suffix is one whatever its letters:
            // names copied by hand or made by other controllers stray from Kubernetes' alphabet.
            if isHash(replicaSet, 8...10), pod.count == 5, pod.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }) {
                return parts.dropLast(2).joined(separator: "-")
            }
        }
        if parts.count >= 2 {
            let pod = parts[parts.count - 1]
            if isHash(pod, 5...5), pod.contains(where: { $0.isNumber }), pod.contains(where: { $0.isLetter }) {
                return parts.dropLast().joined(separator: "-")
            }
            if isHash(pod, 8...10), pod.contains(where: { $0.isNumber }), pod.contains(where: { $0.isLetter }) {
                return parts.dropLast().joined(separator: "-")
            }
        }
        return name
    }

    static func stripReplicaNumber(_ name: String) -> String {
        guard let separator = name.lastIndex(where: { $0 == "-" || $0 == "_" }) else { return name }
        let tail = name[name.index(after: separator)...]
        guard (1...3).contains(tail.count), tail.allSatisfy({ $0.isASCII && $0.isNumber }),
            separator != name.startIndex
        else { return name }
        return String(name[..<separator])
    }
}

extension Character {
    /// Letters, digits, `-`, `_` and `.`: what service, pod and host names are made of.
    var isServiceNameCharacter: Bool {
        isASCII && (isLetter || isNumber || self == "-" || self == "_" || self == ".")
    }
}

extension Substring {
    func trimmingSurrounding() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "[" || first == "\"" || first == "'" || first == "(" {
            text = text.dropFirst()
        }
        while let last = text.last,
            last == " " || last == "]" || last == "\"" || last == "'" || last == ")" || last == ":" || last == ","
        {
            text = text.dropLast()
        }
        return text
    }
}
