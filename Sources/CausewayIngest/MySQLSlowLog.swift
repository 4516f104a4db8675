internal import CausewayCore
internal import Foundation

extension DocumentReaders {
    /// Whether a file's first bytes are MySQL's (or MariaDB's, or Percona's) slow query log: `# Time:`,
    /// `# User@Host:` and `# Query_time:` header lines before each statement, or the server's banner
    /// (`/usr/sbin/mysqld, Version: … started with:`) that opens the file.
    static func looksLikeMySQLSlowLog(_ text: Substring, firstLine: Substring) -> Bool {
        guard firstLine.hasPrefix("# ") || firstLine.contains("mysqld, Version:") || firstLine.contains("mariadbd, Version:") else { return false }
        return text.contains("# User@Host: ") && text.contains("# Query_time: ")
    }

    /// MySQL's slow query log: each entry's header lines (`# Time:`, `# User@Host:`, `# Query_time:`, and
    /// Percona's extra `#` lines), then `use db;`, `SET timestamp=…;` and the statement over one or more lines.
    /// An entry becomes one warning record of `service`, dated when the statement started (the `# Time:` of
    /// MySQL 5.7 and later is when it finished, `Query_time` earlier; else `SET timestamp`), whose message
    /// states the figures and the statement: `slow query: 1450.514 s, 1405.618 s of it waiting for a lock, 0
    /// rows examined, user flyway: ALTER TABLE …`. A statement that spent most of its time waiting for a
    /// lock says so, for that is what its callers waited on. The server's banner lines (written again at each
    /// restart) are no entry.
    static func readMySQLSlowLog(_ text: String, service: ServiceName) -> [DocumentRecord] {
        var records: [DocumentRecord] = []
        var entry = SlowQueryEntry()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("#") {
                if !entry.statement.isEmpty {
                    records.append(entry.record(service: service))
                    entry = SlowQueryEntry()
                }
                entry.read(header: line.dropFirst(), line: index + 1)
            } else if isServerBanner(line) {
                if !entry.statement.isEmpty { records.append(entry.record(service: service)) }
                entry = SlowQueryEntry()
            } else if line.hasPrefix("SET timestamp="), entry.statement.isEmpty {
                entry.started = Double(line.dropFirst("SET timestamp=".count).prefix(while: { $0.isNumber || $0 == "." }))
            } else if line.hasPrefix("use "), line.hasSuffix(";"), entry.statement.isEmpty {
                continue
            } else if !line.allSatisfy(\.isWhitespace) {
                entry.append(statement: line, line: index + 1)
            }
        }
        if !entry.statement.isEmpty { records.append(entry.record(service: service)) }
        return records
    }

    /// The lines the server writes at the top of the file when it starts.
    static func isServerBanner(_ line: Substring) -> Bool {
        line.contains("mysqld, Version:") || line.contains("mariadbd, Version:") || line.hasPrefix("Tcp port:")
            || (line.hasPrefix("Time ") && line.contains(" Id ") && line.hasSuffix("Argument"))
    }
}

/// One slow-log entry as it is read.
struct SlowQueryEntry {
    /// When the entry was written (`# Time:`).
    var logged: Timestamp?
    /// `SET timestamp=` in seconds since the epoch: when the statement started.
    var started: Double?
    var user: String?
    var fields: [String: String] = [:]
    var statement = ""
    var firstLine: Int?
    var raw = ""

    /// Statements longer than this are cut: the message is for people and templates, not a query log.
    static let statementLimit = 400

    mutating func read(header: Substring, line: Int) {
        if firstLine == nil { firstLine = line }
        appendRaw("#" + header)
        let text = header.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("Time:") {
            logged = DocumentReaders.parseTime(String(text.dropFirst("Time:".count)))
        } else if text.hasPrefix("User@Host:") {
            // `bi_reader[bi_reader] @  [10.0.8.238]  Id: 88123`: the account before the brackets.
            let account = text.dropFirst("User@Host:".count).trimmingCharacters(in: .whitespaces)
            user = account.prefix(while: { $0 != "[" && $0 != " " && $0 != "@" }).description
        } else {
            // `Query_time: 5.309017  Lock_time: 0.000004 Rows_sent: 50000  Rows_examined: 50000`
            let words = text.split(whereSeparator: \.isWhitespace)
            var index = 0
            while index < words.count {
                if words[index].hasSuffix(":"), index + 1 < words.count, !words[index + 1].hasSuffix(":") {
                    fields[String(words[index].dropLast())] = String(words[index + 1])
                    index += 2
                } else {
                    index += 1
                }
            }
        }
    }

    mutating func append(statement line: Substring, line number: Int) {
        if firstLine == nil { firstLine = number }
        appendRaw(line)
        guard statement.count < Self.statementLimit else { return }
        if !statement.isEmpty { statement += " " }
        statement += line.trimmingCharacters(in: .whitespaces)
    }

    private mutating func appendRaw(_ line: some StringProtocol) {
        guard raw.utf8.count < LineReader.maximumLineBytes else { return }
        if !raw.isEmpty { raw += "\n" }
        raw += line
    }

    func record(service: ServiceName) -> DocumentRecord {
        let queryTime = fields["Query_time"].flatMap(Self.seconds(in:))
        let lockTime = fields["Lock_time"].flatMap(Self.seconds(in:))
        var timestamp: Timestamp?
        if let logged, let queryTime {
            // In whole microseconds, as the log states both: no binary fraction shifts the start.
            timestamp = Timestamp(nanoseconds: logged.nanoseconds - Int64((queryTime * 1e6).rounded()) * 1000)
        } else if let started, Self.epochRange.contains(started) {
            timestamp = Timestamp(nanoseconds: Int64(started * 1e9))
        } else {
            timestamp = logged
        }
        var parts: [String] = []
        if let queryTime { parts.append(Self.seconds(queryTime)) }
        if let lockTime, let queryTime, lockTime >= 1, lockTime * 2 >= queryTime {
            parts.append("\(Self.seconds(lockTime)) of it waiting for a lock")
        }
        if let examined = fields["Rows_examined"] { parts.append("\(examined) rows examined") }
        if let user, !user.isEmpty { parts.append("user \(user)") }
        var text = statement.count > Self.statementLimit ? String(statement.prefix(Self.statementLimit)) + "…" : statement
        if text.isEmpty { text = "(no statement)" }
        let message = "slow query: " + parts.joined(separator: ", ") + ": " + text
        return DocumentRecord(service: service, timestamp: timestamp, level: .warning, message: message, raw: raw, line: firstLine ?? 1)
    }

    /// `1450.514 s`
    static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }

    /// A duration the log states, in seconds: a number from zero to a year. Anything else (a damaged or
    /// hostile field) is no duration, rather than a time that overflows.
    static func seconds(in text: String) -> Double? {
        guard let value = Double(text), value.isFinite, value >= 0, value <= 366 * 86_400 else { return nil }
        return value
    }

    /// `SET timestamp=` values a time can hold: seconds since the epoch up to the year 2100.
    static let epochRange: ClosedRange<Double> = 0...4_102_444_800
}
