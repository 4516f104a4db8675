public import CausewayCore
public import Foundation

/// The recommendation table (`recommendations.json`): per signal, fix steps with concrete commands, and
/// the usual triggers of each signal for the trigger hypothesis.
public struct Playbook: Sendable {
    public struct Entry: Hashable, Sendable, Codable {
        /// A signal id, or `*` for errors no rule classifies.
        public var signal: String
        /// Roles of the service the signal is about that this entry is for; nil or empty for any.
        public var roles: [ServiceRole]?
        /// `mitigate`, `investigate` or `prevent`.
        public var kind: String
        public var title: String
        public var why: String
        public var commands: [String]
    }

    private struct File: Decodable {
        var triggers: [String: String]
        var recommendations: [Entry]
    }

    public let entries: [Entry]
    public let triggers: [String: String]

    public init(data: Data) throws(AnalysisError) {
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            entries = file.recommendations
            triggers = file.triggers
        } catch {
            throw AnalysisError(.playbookInvalid, "recommendations.json does not decode: \(error)")
        }
    }

    /// The table shipped with Causeway.
    public static func bundled() throws(AnalysisError) -> Playbook {
        guard let url = Bundle.module.url(forResource: "recommendations", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else {
            throw AnalysisError(.playbookInvalid, "the bundled recommendations.json is missing; reinstall Causeway")
        }
        return try Playbook(data: data)
    }

    /// Entries for a signal about, or observed at, services of `roles`: role-specific entries first, then general ones
    /// (a general entry is skipped when a role-specific one of the same kind exists). Unknown signals fall
    /// back to `*`.
    public func entries(for signal: SignalID?, roles: [ServiceRole]) -> [Entry] {
        let key = signal?.rawValue ?? "*"
        var matching = entries.filter { $0.signal == key }
        if matching.isEmpty { matching = entries.filter { $0.signal == "*" } }
        let specific = matching.filter { !Set($0.roles ?? []).isDisjoint(with: roles) }
        let general = matching.filter { ($0.roles ?? []).isEmpty }
        let coveredKinds = Set(specific.map(\.kind))
        return specific + general.filter { !coveredKinds.contains($0.kind) }
    }

    /// The usual trigger of a signal, in words.
    public func trigger(for signal: SignalID?) -> String {
        triggers[signal?.rawValue ?? "*"] ?? triggers["*"] ?? "a cause the logs do not show"
    }

    /// Fills `{service}`, `{observer}` and `{root}`.
    static func fill(_ text: String, service: ServiceName, observer: ServiceName, root: ServiceName) -> String {
        text.replacingOccurrences(of: "{service}", with: service.rawValue)
            .replacingOccurrences(of: "{observer}", with: observer.rawValue)
            .replacingOccurrences(of: "{root}", with: root.rawValue)
    }
}

/// Why analysis could not run, and what to do.
public struct AnalysisError: Error, Sendable, CustomStringConvertible, Equatable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        /// The bundled recommendation table is missing or malformed.
        public static let playbookInvalid = Code(name: "invalid recommendation table")
        public var description: String { name }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
