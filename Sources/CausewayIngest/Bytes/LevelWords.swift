internal import CausewayCore

extension LogLevel {
    /// Reads a level word from bytes, as ``LogLevel/init(word:)`` does from text: any common spelling and
    /// case, with brackets or a trailing colon. With `header` true, only words (three letters or more)
    /// count, since single letters and numbers are too common in messages to mean a level there.
    static func parse(_ token: Bytes, header: Bool) -> LogLevel? {
        var start = 0
        var end = token.count
        while start < end, token[start] == ASCII.openBracket || token[start] == ASCII.lessThan || token[start] == 0x28 {
            start += 1
        }
        while end > start,
            token[end - 1] == ASCII.closeBracket || token[end - 1] == ASCII.greaterThan || token[end - 1] == 0x29
                || token[end - 1] == ASCII.colon || token[end - 1] == ASCII.comma
        {
            end -= 1
        }
        let length = end - start
        guard length > 0, length <= 13 else { return nil }
        if header && (length < 3 || !ASCII.isLetter(token[start])) { return nil }
        if length > 8 {
            let word = token.slice(start, end)
            if word.equalsIgnoringCase("emergency") { return .emergency }
            if word.equalsIgnoringCase("information") || word.equalsIgnoringCase("informational") { return .info }
            return nil
        }
        var key: UInt64 = 0
        for i in start..<end { key = key << 8 | UInt64(ASCII.lower(token[i])) }
        return word(key)
    }

    /// Level words packed big-endian into a UInt64 (`"warn"` is 0x7761726E), matched by one switch.
    @inline(__always)
    private static func word(_ key: UInt64) -> LogLevel? {
        switch key {
        case pack("trace"), pack("trc"), pack("finest"), pack("finer"), pack("verbose"), pack("t"): return .trace
        case pack("debug"), pack("dbg"), pack("fine"), pack("d"), pack("10"), pack("20"): return .debug
        case pack("info"), pack("inf"), pack("i"), pack("30"), pack("6"): return .info
        case pack("notice"), pack("5"): return .notice
        case pack("warn"), pack("warning"), pack("wrn"), pack("w"), pack("40"), pack("4"): return .warning
        case pack("error"), pack("err"), pack("eror"), pack("severe"), pack("e"), pack("50"), pack("3"): return .error
        case pack("fatal"), pack("critical"), pack("crit"), pack("ftl"), pack("panic"), pack("dpanic"), pack("f"), pack("c"),
            pack("60"), pack("2"):
            return .critical
        case pack("emerg"), pack("alert"), pack("0"), pack("1"): return .emergency
        default: return nil
        }
    }

    @inline(__always)
    private static func pack(_ word: StaticString) -> UInt64 {
        var key: UInt64 = 0
        let p = word.utf8Start
        for i in 0..<word.utf8CodeUnitCount { key = key << 8 | UInt64(p[i]) }
        return key
    }
}
