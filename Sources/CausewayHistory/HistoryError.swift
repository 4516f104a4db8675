/// Why the incident history could not do what was asked, and what to do about it.
///
/// The history file is never overwritten or repaired on the caller's behalf: a file that is not a
/// history, is damaged, or was written by a newer Causeway is refused with one of these errors and left
/// exactly as it was. Log text never appears in ``description``.
public struct HistoryError: Error, Sendable, CustomStringConvertible, Equatable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Kind: String {
            case cannotOpen = "cannot open history"
            case notADatabase = "not a history database"
            case corrupt = "damaged history"
            case newerSchema = "history from a newer Causeway"
            case incidentNotFound = "no such incident"
            case invalidExport = "invalid history export"
            case database = "history database error"
        }

        fileprivate let kind: Kind

        /// The file or its folder cannot be created, read or written (permissions, a folder in the way).
        public static let cannotOpen = Code(kind: .cannotOpen)
        /// The file exists but is not an SQLite database; it was left untouched.
        public static let notADatabase = Code(kind: .notADatabase)
        /// SQLite reports the file as damaged; it was left untouched.
        public static let corrupt = Code(kind: .corrupt)
        /// The file holds schema migrations this version does not know; it was left untouched.
        public static let newerSchema = Code(kind: .newerSchema)
        /// No stored incident has the given id.
        public static let incidentNotFound = Code(kind: .incidentNotFound)
        /// An import document does not decode as a Causeway history export.
        public static let invalidExport = Code(kind: .invalidExport)
        /// Any other SQLite failure (disk full, a lock held past the busy timeout, ...).
        public static let database = Code(kind: .database)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    /// What went wrong and what to do next.
    public var message: String
    /// The history file concerned, when there is one.
    public var path: String?
    /// The underlying error's description (an SQLite message), for diagnostics.
    public var underlying: String?

    public init(_ code: Code, _ message: String, path: String? = nil, underlying: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.underlying = underlying
    }

    public var description: String {
        var text = path.map { "\($0): " } ?? ""
        text += "\(code): \(message)"
        if let underlying { text += " (\(underlying))" }
        return text
    }
}
