/// The lines of a stack trace that say what went wrong, read from a record's continuation lines.
///
/// A Java, .NET or Python record often names its dependency only there: the head says `timeline read failed`
/// and the next line `com.datastax.oss.driver…ReadTimeoutException: Cassandra timeout during read query`;
/// the last `Caused by:` line is the deepest cause (`Caused by: java.net.ConnectException: Connection
/// refused: ledger/10.0.4.7:5432`); Python's exception line comes last
/// (`redis.exceptions.ConnectionError: Error 111 connecting to sessions-redis:6379`).
enum StackTraceCause {
    /// An exception line and its place: 1 for the first continuation line (the file line after the head).
    struct Line {
        var text: Bytes
        var index: Int
    }

    /// The first exception line of `continuation` (lines each after a newline, as the line job joins them)
    /// and, when another comes later, the last `Caused by:` line: at most two, in reading order.
    static func exceptionLines(in continuation: Bytes) -> [Line] {
        var first: Line?
        var lastCause: Line?
        var index = 0
        var start = 0
        let count = continuation.count
        while start < count {
            var end = start
            while end < count, continuation[end] != ASCII.newline { end += 1 }
            if end > start {
                if let exception = exceptionText(continuation.slice(start, end)) {
                    if first == nil {
                        first = Line(text: exception.text, index: index)
                    } else if exception.isCause {
                        lastCause = Line(text: exception.text, index: index)
                    }
                }
            }
            // Each continuation line starts after a newline, so the first segment (before it) is empty and the
            // first line is number 1.
            if end < count { index += 1 }
            start = end + 1
        }
        return [first, lastCause].compactMap { $0 }
    }

    /// The line without its indentation when it is an exception line: `Name: message` (or `Caused by: Name:
    /// message`) whose name, a dotted identifier without spaces, ends in `Exception` or `Error`.
    static func exceptionText(_ line: Bytes) -> (text: Bytes, isCause: Bool)? {
        var start = 0
        while start < line.count, ASCII.isSpace(line[start]) { start += 1 }
        let text = line.slice(start, line.count)
        var name = text
        let causedBy: StaticString = "Caused by: "
        let isCause = text.hasPrefix(causedBy)
        if isCause { name = text.slice(causedBy.utf8CodeUnitCount, text.count) }
        var colon = 0
        while colon < name.count, name[colon] != ASCII.colon {
            let b = name[colon]
            guard ASCII.isAlphanumeric(b) || b == ASCII.dot || b == ASCII.underscore || b == UInt8(ascii: "$") else { return nil }
            colon += 1
        }
        guard colon > 0, colon < name.count else { return nil }
        let identifier = name.slice(0, colon)
        guard identifier.hasSuffix("Exception") || identifier.hasSuffix("Error") else { return nil }
        return (text, isCause)
    }

    /// The lines that say what went wrong in an error a structured record states in a field of its own
    /// (`err.message`, `error`, `stack_trace`, all on the record's one line): the exception lines of a stack
    /// trace there, as ``exceptionLines(in:)`` finds them, else the field's first line that is not blank
    /// (`dial tcp 10.0.4.7:5432: connect: connection refused`), at most 500 bytes of it.
    static func statedError(in detail: Bytes) -> [Bytes] {
        let exceptions = exceptionLines(in: detail)
        if !exceptions.isEmpty { return exceptions.map(\.text) }
        var start = 0
        while start < detail.count {
            var end = start
            while end < detail.count, detail[end] != ASCII.newline { end += 1 }
            let from = detail.skipSpaces(from: start)
            if from < end { return [detail.slice(from, min(end, from + 500))] }
            start = end + 1
        }
        return []
    }
}
