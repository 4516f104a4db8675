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
        var key: UInt128 = 0
        for i in start..<end { key = key << 8 | UInt128(ASCII.lower(token[i])) }
        return levelWords[key]
    }

    private static let levelWords: [UInt128: LogLevel] = {
        var table: [UInt128: LogLevel] = [:]
        for level in LogLevel.allCases {
            for word in spellings(level) {
                var key: UInt128 = 0
                for byte in word.utf8 { key = key << 8 | UInt128(byte) }
                table[key] = level
            }
        }
        return table
    }()

    private static func spellings(_ level: LogLevel) -> [String] {
        switch level {
        case .trace: ["trace", "trc", "finest", "finer", "verbose", "t"]
        case .debug: ["debug", "dbg", "fine", "d", "10", "20"]
        case .info: ["info", "inf", "information", "informational", "i", "30", "6"]
        case .notice: ["notice", "5"]
        case .warning: ["warn", "warning", "wrn", "w", "40", "4"]
        case .error: ["error", "err", "eror", "severe", "e", "50", "3"]
        case .critical: ["fatal", "critical", "crit", "ftl", "panic", "dpanic", "f", "c", "60", "2"]
        case .emergency: ["emergency", "emerg", "alert", "0", "1"]
        }
    }
}
