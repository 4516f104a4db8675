internal import CausewayCore

extension LogLevel {
    /// Reads a level word from bytes, as ``LogLevel/init(word:)`` does from text: any common spelling and
    /// case, with brackets or a trailing colon. With `header` true, only words (three letters or more)
    /// count, since single letters and numbers are too common in messages to mean a level there.
    static func parse(_ token: Bytes, header: Bool) -> LogLevel? {
        // The common case, a bare word of up to eight bytes that starts and ends with a letter (`INFO`, `error`):
        // nothing to trim, and the word is read and lower-cased eight bytes at once. Setting bit 5 of every byte
        // lower-cases the letters and turns no other byte into a letter, so a word holding any other byte still
        // matches no level word (each is all letters, or all digits with no letter at either end).
        let n = token.count
        if n > 0, n <= 8, let base = token.baseAddress, ASCII.isLetter(base[0]), ASCII.isLetter(base[n - 1]) {
            if header && n < 3 { return nil }
            return word(packed(base, n) | 0x2020_2020_2020_2020 >> UInt64(64 - 8 * n))
        }
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
        // Read as the big-endian packing this replaced read it: NUL bytes (a decoded `\u0000`) before the word
        // vanish, one after it matches nothing.
        guard token[end - 1] != 0 else { return nil }
        while token[start] == 0 { start += 1 }
        var key: UInt64 = 0
        for i in start..<end { key |= UInt64(ASCII.lower(token[i])) << UInt64(8 * (i - start)) }
        return word(key)
    }

    /// The `n` bytes (1 to 8) at `base` packed little-endian (the first byte lowest), read in at most two
    /// loads that stay within the `n` bytes.
    @inline(__always)
    private static func packed(_ base: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        switch n {
        case 1: return UInt64(base[0])
        case 2: return UInt64(UInt16(littleEndian: raw.loadUnaligned(as: UInt16.self)))
        case 3: return UInt64(UInt16(littleEndian: raw.loadUnaligned(as: UInt16.self))) | UInt64(base[2]) << 16
        default:
            // Two four-byte loads, the second ending at byte n; where they overlap they hold the same bytes.
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)))
            return low | high << UInt64(8 * (n - 4))
        }
    }

    /// Level words packed little-endian into a UInt64 (`"warn"` is 0x6E726177), matched by one switch.
    @inline(__always)
    private static func word(_ key: UInt64) -> LogLevel? {
        switch key {
        case pack("trace"), pack("trc"), pack("trce"), pack("finest"), pack("finer"), pack("verbose"), pack("t"): return .trace
        case pack("debug"), pack("dbg"), pack("dbug"), pack("fine"), pack("d"), pack("10"), pack("20"): return .debug
        case pack("info"), pack("inf"), pack("log"), pack("note"), pack("i"), pack("30"), pack("6"): return .info
        case pack("notice"), pack("5"): return .notice
        case pack("warn"), pack("warning"), pack("wrn"), pack("w"), pack("40"), pack("4"): return .warning
        case pack("error"), pack("err"), pack("eror"), pack("fail"), pack("severe"), pack("e"), pack("50"), pack("3"): return .error
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
        for i in 0..<word.utf8CodeUnitCount { key |= UInt64(p[i]) << UInt64(8 * i) }
        return key
    }
}
