/// Why the simulator could not build or write a case, and what to do about it.
public struct SimulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; new kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Kind: String {
            case topologyMalformed = "malformed topology"
            case topologyInvalid = "invalid topology"
            case unknownService = "unknown service"
            case invalidRoot = "invalid root"
            case writeFailed = "write failed"
        }

        fileprivate let kind: Kind

        /// The topology text is not the YAML or JSON shape of FORMAT.md.
        public static let topologyMalformed = Code(kind: .topologyMalformed)
        /// The topology parses but is unusable (no services, a duplicate name, an unknown role).
        public static let topologyInvalid = Code(kind: .topologyInvalid)
        /// A service named by the caller is not in the topology.
        public static let unknownService = Code(kind: .unknownService)
        /// The chosen root cannot suffer the chosen fault (a `slow_query` on a gateway, say).
        public static let invalidRoot = Code(kind: .invalidRoot)
        /// A case folder or file could not be written.
        public static let writeFailed = Code(kind: .writeFailed)

        public var description: String { kind.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What went wrong and what to do next.
    public var message: String
    /// The file or line the problem is in, where there is one (a topology line, a path being written).
    public var location: String?

    public init(_ code: Code, _ message: String, location: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(code): \(message)" }
        return "\(code): \(message)"
    }
}
