internal import CausewayCore

/// Reads `time LEVEL service message` lines and their common variants.
///
/// After an optional timestamp the parser peels header tokens off the front of the line while they fit a
/// header: level words (`ERROR`, `[warn]`, `level=info` is logfmt's job), a time of day, a stream word
/// (`stdout`, `stderr`, CRI's `F`/`P` tag) and service names. When a second level follows a service, the line
/// is a shipper envelope around an application line: the inner level and service win, because they name
/// the emitter rather than the shipper's stream.
///
/// A lower-case word right after the level is taken for a service only when it looks like one (it holds
/// `-`, `_`, `.` or a digit, is bracketed or ends in `:`, is a known service, or another header token
/// follows it), so `ERROR failed to connect` keeps `failed` in its message.
struct PlainLineParser: Sendable {
    /// Services known before parsing (from the topology), accepted as header tokens whatever their shape.
    var knownServices: Set<String> = []

    func parse(_ line: Substring, context: Timestamp?) -> ParsedLine {
        var rest = line
        var result = ParsedLine(message: line, format: .plain)

        // A timestamp, possibly bracketed: `[2026-05-24 11:54:10,221]`.
        rest = rest.drop(while: { $0 == " " || $0 == "\t" })
        let bracketed = rest.first == "["
        let candidate = bracketed ? rest.dropFirst() : rest
        if let match = Self.timestamp(at: candidate, context: context) {
            result.timestamp = match.timestamp
            result.timestampIsComplete = match.isComplete
            var after = candidate.dropFirst(match.length)
            if bracketed {
                guard after.first == "]" else { return unparsedHeader(line, result) }
                after = after.dropFirst()
            }
            rest = after
        }

        var tokens = HeaderTokens(rest)
        var levels: [LogLevel] = []
        var services: [ServiceName] = []
        var sawLevelLast = false
        var sawServiceLast = false
        var peeled = 0

        while peeled < 8, let token = tokens.peek() {
            let word = token.text
            if let level = LogLevel(headerWord: word) ?? Self.bracketedLevel(word) {
                levels.append(level)
                sawLevelLast = true
                sawServiceLast = false
                tokens.advance()
                peeled += 1
                continue
            }
            if Self.isTimeOfDay(word) || Self.isStreamWord(word) {
                if Self.isTimeOfDay(word), result.timestamp == nil,
                    let match = Self.timestamp(at: word, context: context)
                {
                    result.timestamp = match.timestamp
                    result.timestampIsComplete = false
                }
                tokens.advance()
                peeled += 1
                continue
            }
            if let service = serviceToken(
                word, after: sawLevelLast, afterService: sawServiceLast, next: tokens.peek(offset: 1)?.text)
            {
                services.append(service)
                sawLevelLast = false
                sawServiceLast = true
                tokens.advance()
                peeled += 1
                continue
            }
            break
        }

        if levels.count >= 2 && services.count >= 2 { result.format = .wrapped }
        result.level = levels.last
        result.service = services.last
        result.message = tokens.remainder
        return result
    }

    private func unparsedHeader(_ line: Substring, _ partial: ParsedLine) -> ParsedLine {
        var result = partial
        result.timestamp = nil
        result.message = line
        return result
    }

    /// Decides whether `word` is a service name standing in the header.
    private func serviceToken(_ word: Substring, after level: Bool, afterService: Bool, next: Substring?)
        -> ServiceName?
    {
        var core = word
        var marked = false
        if core.hasPrefix("["), core.hasSuffix("]"), core.count > 2 {
            core = core.dropFirst().dropLast()
            marked = true
        } else if core.hasSuffix(":"), core.count > 1 {
            core = core.dropLast()
            marked = true
        }
        guard let first = core.first, first.isLetter, first.isLowercase,
            core.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }),
            core.count >= 2, core.count <= 96, !core.hasSuffix("."),
            LogLevel(headerWord: core) == nil
        else { return nil }
        let shaped = core.contains(where: { $0 == "-" || $0 == "_" || $0 == "." || $0.isNumber })
        let nextIsHeader = next.map { LogLevel(headerWord: $0) != nil || Self.isTimeOfDay($0) || Self.isStreamWord($0) }
            ?? false
        let known = knownServices.contains(String(core))
        // Two services in a row (`pod container LEVEL`) only when a header token follows them.
        if afterService, !nextIsHeader { return nil }
        guard shaped || marked || known || nextIsHeader else { return nil }
        // A bare word after a level with nothing service-like about it is the message's first word.
        if level, !shaped, !marked, !known, !nextIsHeader { return nil }
        // `key.name` with no hyphen and a dot is a logger or host more often than a service when it starts
        // the message; accept it only in a position that only a header could hold.
        if core.contains("."), !core.contains("-"), !core.contains("_"), !marked, !nextIsHeader, !known { return nil }
        return ServiceName.normalized(core)
    }

    static func bracketedLevel(_ word: Substring) -> LogLevel? {
        guard word.hasPrefix("["), word.hasSuffix("]") else { return nil }
        return LogLevel(word: word)
    }

    static func isTimeOfDay(_ word: Substring) -> Bool {
        let bytes = Array(word.utf8.prefix(8))
        guard bytes.count == 8 else { return false }
        return bytes[2] == 0x3A && bytes[5] == 0x3A && [0, 1, 3, 4, 6, 7].allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
    }

    static func isStreamWord(_ word: Substring) -> Bool {
        word == "stdout" || word == "stderr" || word == "F" || word == "P"
    }

    static func timestamp(at text: Substring, context: Timestamp?) -> TimestampParser.Match? {
        var text = text
        return text.withUTF8 { buffer in
            TimestampParser.parsePrefix(buffer, context: context)
        }
    }
}

/// Walks the space-separated tokens at the front of a line without splitting the rest of it.
struct HeaderTokens {
    struct Token {
        var text: Substring
    }

    private var rest: Substring

    init(_ text: Substring) {
        rest = text.drop(while: { $0 == " " || $0 == "\t" })
    }

    func peek(offset: Int = 0) -> Token? {
        var cursor = rest
        for _ in 0..<offset {
            guard let space = cursor.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
            cursor = cursor[space...].drop(while: { $0 == " " || $0 == "\t" })
        }
        guard !cursor.isEmpty else { return nil }
        let end = cursor.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? cursor.endIndex
        return Token(text: cursor[..<end])
    }

    mutating func advance() {
        let end = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? rest.endIndex
        rest = rest[end...].drop(while: { $0 == " " || $0 == "\t" })
    }

    var remainder: Substring { rest }
}
