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

    /// Normalises what a log calls its source (a pod, container, compose service or host name) to the
    /// service it belongs to.
    ///
    /// Removes, in order: a Kubernetes namespace prefix (`prod/api`), a `.svc.cluster.local`-style DNS tail,
    /// a port, a Deployment pod suffix (`-<replicaset hash>-<pod hash>`), a DaemonSet or bare ReplicaSet pod
    /// suffix (`-<hash>` in Kubernetes' alphabet holding a digit), a StatefulSet ordinal or compose replica
    /// number (`-0`, `-1`, `_1`). Lower-cases the result. Returns nil when nothing name-like remains.
    public static func normalized(_ raw: some StringProtocol) -> ServiceName? {
        var name = Substring(raw).trimmingSurrounding()
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let colon = name.firstIndex(of: ":") { name = name[..<colon] }
        if let dot = name.firstIndex(of: "."), name[dot...].hasPrefix(".svc") || name.hasSuffix(".local")
            || name.hasSuffix(".internal")
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
        text = stripPodSuffix(text)
        text = stripReplicaNumber(text)
        guard let first = text.first, first.isLetter || first.isNumber else { return nil }
        return ServiceName(text)
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
        if parts.count >= 3, isScheduleMinute(parts[parts.count - 2]), isHash(parts[parts.count - 1], 5...5) {
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
        }
        if parts.count >= 2 {
            let pod = parts[parts.count - 1]
            if isHash(pod, 5...5), pod.contains(where: { $0.isNumber }), pod.contains(where: { $0.isLetter }) {
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
