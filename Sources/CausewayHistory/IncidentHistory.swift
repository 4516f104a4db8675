internal import CausewayAnalysis
internal import CausewayCore
public import Foundation
internal import GRDB

/// A team's past incidents, kept in one SQLite file through GRDB: each incident's signature and its
/// `report.json`, searchable for similar incidents.
///
/// The file is opened as a `DatabasePool` in WAL mode with a busy timeout, so several processes can
/// analyse and write the same history at once without losing anything, and every write is one
/// transaction with `synchronous = FULL`: a process killed mid-write leaves the database as it was after
/// its last commit. Before anything is written, the file is checked: a file that is not SQLite, is
/// damaged, or holds migrations this version does not know is refused with a ``HistoryError`` and left
/// untouched.
///
/// ## Topics
/// ### Opening
/// - ``init(path:busyTimeout:)``
/// - ``defaultPath(environment:)``
/// ### Writing
/// - ``store(_:reportJSON:)``
/// - ``store(_:batchSize:)``
/// - ``resolve(_:note:at:)``
/// - ``forget(_:)``
/// ### Reading
/// - ``incidents()``
/// - ``incident(_:)``
/// - ``export()``
/// ### Searching
/// - ``similar(to:limit:minimumScore:)``
/// - ``search(text:limit:minimumScore:)``
/// - ``withSimilarIncidents(_:limit:)``
public struct IncidentHistory: Sendable {
    /// The history file.
    public let path: String
    let pool: DatabasePool

    /// `$XDG_DATA_HOME/causeway/history.sqlite`, else `~/.local/share/causeway/history.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return (data as NSString).appendingPathComponent("causeway/history.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/causeway/history.sqlite")
    }

    /// Opens the history at `path`, creating it (and its folder) when missing and bringing an older
    /// schema up to date.
    ///
    /// - Parameter busyTimeout: how long, in seconds, to wait for another process's write to finish.
    /// - Throws: ``HistoryError`` `notADatabase`, `corrupt` or `newerSchema` (the file is left untouched),
    ///   or `cannotOpen` when the file or its folder cannot be created or read.
    public init(path: String, busyTimeout: TimeInterval = 30) throws(HistoryError) {
        self.path = path
        try Self.prepareLocation(path)
        try Self.validateExisting(path, busyTimeout: busyTimeout)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "causeway.history"
        do {
            pool = try Self.retryingWhenBusy {
                let pool = try DatabasePool(path: path, configuration: configuration)
                // WAL's default (NORMAL) can lose the last commits on power loss; a history cannot.
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
                return pool
            }
        } catch {
            throw Self.map(error, path: path)
        }
        try Self.migrate(pool, path: path)
    }

    // MARK: - Opening

    /// SQLite's 16-byte file header.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    static func prepareLocation(_ path: String) throws(HistoryError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw HistoryError(
                    .cannotOpen, "cannot create the folder \(folder); choose another --history path", path: path,
                    underlying: error.localizedDescription)
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw HistoryError(.cannotOpen, "this is a folder; give the path of a history file such as \(path)/history.sqlite", path: path)
        }
    }

    /// Reads an existing file without writing to it: the header, then the applied migrations through a
    /// read-only connection.
    static func validateExisting(_ path: String, busyTimeout: TimeInterval) throws(HistoryError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw HistoryError(.cannotOpen, "the file cannot be read; check its permissions", path: path)
        }
        let header = (try? handle.read(upToCount: 16)) ?? nil
        try? handle.close()
        guard let header, !header.isEmpty else { return }  // empty: SQLite takes it as a new database
        guard Array(header) == sqliteHeader else {
            throw HistoryError(
                .notADatabase,
                "the file is not an SQLite database, so it is not a Causeway history; it was left untouched. Give another --history path, or move the file aside",
                path: path)
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let unknown = try retryingWhenBusy {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                defer { try? queue.close() }
                // One transaction, so that a process creating the file meanwhile is seen before or after, not half-way.
                return try queue.inDatabase { db in
                    var identifiers: Set<String> = []
                    try db.inTransaction(.deferred) {
                        // Reading sqlite_master first fixes the snapshot the next query sees.
                        let hasMigrations = try Bool.fetchOne(
                            db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'") ?? false
                        if hasMigrations {
                            identifiers = try Set(String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
                        }
                        return .commit
                    }
                    return identifiers.subtracting(HistorySchema.migrator.migrations)
                }
            }
            if !unknown.isEmpty {
                throw HistoryError(
                    .newerSchema,
                    "the history was written by a newer Causeway (unknown migrations: \(unknown.sorted().joined(separator: ", "))); it was left untouched. Upgrade Causeway to use it, or give another --history path",
                    path: path)
            }
        } catch let error as HistoryError {
            throw error
        } catch {
            throw map(error, path: path)
        }
    }

    /// Applies missing migrations. Each migration is one transaction; when several processes open a new
    /// file at once, one may apply a migration between another's check and its attempt, which then fails
    /// and tries again from what is now applied.
    static func migrate(_ pool: DatabasePool, path: String) throws(HistoryError) {
        let migrator = HistorySchema.migrator
        func complete() -> Bool { (try? pool.read { try migrator.hasCompletedMigrations($0) }) ?? false }
        var failure: (any Error)?
        for attempt in 0..<20 {
            if complete() { return }
            do {
                try migrator.migrate(pool)
                return
            } catch {
                failure = error
                if let database = error as? DatabaseError, database.resultCode == .SQLITE_CORRUPT || database.resultCode == .SQLITE_NOTADB {
                    break
                }
                usleep(UInt32(10_000 * (attempt + 1)))
            }
        }
        if complete() { return }
        throw map(failure ?? HistoryError(.database, "the schema could not be brought up to date; try again"), path: path)
    }

    /// Runs `body` again when SQLite answers "busy" without waiting. While a new file is still in rollback
    /// mode, switching it to WAL can meet another process's lock in a way SQLite reports at once (to avoid
    /// a deadlock) instead of through the busy timeout; a few short retries see the switch done.
    static func retryingWhenBusy<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && attempt < 50 {
                attempt += 1
                usleep(UInt32(2_000 * min(attempt, 20)))
            }
        }
    }

    /// Turns an SQLite failure into the error that says what to do.
    static func map(_ error: any Error, path: String) -> HistoryError {
        if let error = error as? HistoryError { return error }
        guard let error = error as? DatabaseError else {
            return HistoryError(.database, "unexpected failure; try again", path: path, underlying: "\(error)")
        }
        let detail = "SQLite error \(error.extendedResultCode.rawValue): \(error.message ?? "no message")"
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return HistoryError(
                .notADatabase,
                "the file is not an SQLite database, so it is not a Causeway history; it was left untouched. Give another --history path, or move the file aside",
                path: path, underlying: detail)
        case .SQLITE_CORRUPT:
            return HistoryError(
                .corrupt,
                "the history file is damaged; it was left untouched. Restore it from a backup or an export (causeway history import), or give another --history path",
                path: path, underlying: detail)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return HistoryError(
                .cannotOpen, "the file or its folder cannot be opened for writing; check permissions or give another --history path",
                path: path, underlying: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return HistoryError(
                .database, "another process held the history locked for too long; try again", path: path, underlying: detail)
        case .SQLITE_FULL:
            return HistoryError(.database, "the disk is full; free some space and try again", path: path, underlying: detail)
        default:
            return HistoryError(.database, "the history could not be read or written", path: path, underlying: detail)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.map(error, path: path)
        }
    }

    /// One IMMEDIATE transaction: the write lock is taken up front, so a busy writer makes this one wait
    /// (up to the busy timeout) instead of failing when a read turns into a write.
    func write<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.map(error, path: path)
        }
    }

    static func now() -> Timestamp {
        Timestamp(nanoseconds: Int64((Date().timeIntervalSince1970 * 1e9).rounded()))
    }
}
