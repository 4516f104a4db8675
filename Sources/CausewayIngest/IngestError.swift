/// Why ingestion could not go on, with the file and line when there is one, and what to do about it.
///
/// Log text never appears in ``description``: lines carry secrets, and an error message travels further
/// than the logs it came from.
public struct IngestError: Error, Sendable, CustomStringConvertible, Equatable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Kind: String {
            case inputNotFound = "input not found"
            case unreadable = "unreadable input"
            case noUsableRecords = "nothing to analyse"
            case topologyMalformed = "malformed topology"
            case topologyInvalid = "invalid topology"
            case ruleTableInvalid = "invalid rule table"
        }

        fileprivate let kind: Kind

        /// A path on the command line does not exist.
        public static let inputNotFound = Code(kind: .inputNotFound)
        /// A file or folder exists but cannot be read.
        public static let unreadable = Code(kind: .unreadable)
        /// Every input was empty, binary, or held no line we could attribute to a service.
        public static let noUsableRecords = Code(kind: .noUsableRecords)
        /// The topology file is not valid YAML or JSON.
        public static let topologyMalformed = Code(kind: .topologyMalformed)
        /// The topology file parses but says something impossible (an unknown role, a duplicate name, ...).
        public static let topologyInvalid = Code(kind: .topologyInvalid)
        /// A bundled or user rule table does not decode.
        public static let ruleTableInvalid = Code(kind: .ruleTableInvalid)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    /// What went wrong and what to do next.
    public var message: String
    public var file: String?
    public var line: Int?

    public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String {
        var place = ""
        if let file {
            place = file
            if let line { place += ":\(line)" }
            place += ": "
        }
        return "\(place)\(code): \(message)"
    }
}
