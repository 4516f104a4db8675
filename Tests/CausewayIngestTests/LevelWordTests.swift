import CausewayCore
@testable import CausewayIngest
import Testing

@Suite("Level words on bytes")
struct LevelWordTests {
    /// The byte-wise reading `LogLevel.parse` replaced (words packed big-endian, one byte at a time), kept as
    /// the reference its faster reading must agree with.
    static func reference(_ token: [UInt8], header: Bool) -> LogLevel? {
        var start = 0
        var end = token.count
        while start < end, token[start] == 0x5B || token[start] == 0x3C || token[start] == 0x28 { start += 1 }
        while end > start, [0x5D, 0x3E, 0x29, 0x3A, 0x2C].contains(token[end - 1]) { end -= 1 }
        let length = end - start
        guard length > 0, length <= 13 else { return nil }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
        func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
        if header && (length < 3 || !isLetter(token[start])) { return nil }
        let word = String(decoding: token[start..<end].map(lower), as: UTF8.self)
        if length > 8 {
            if word == "emergency" { return .emergency }
            return word == "information" || word == "informational" ? .info : nil
        }
        // Big-endian packing ignored NUL bytes before the word.
        let key = String(decoding: token[start..<end].drop(while: { $0 == 0 }).map(lower), as: UTF8.self)
        switch key {
        case "trace", "trc", "trce", "finest", "finer", "verbose", "t": return .trace
        case "debug", "dbg", "dbug", "fine", "d", "10", "20": return .debug
        case "info", "inf", "log", "i", "30", "6": return .info
        case "notice", "5": return .notice
        case "warn", "warning", "wrn", "w", "40", "4": return .warning
        case "error", "err", "eror", "fail", "severe", "e", "50", "3": return .error
        case "fatal", "critical", "crit", "ftl", "panic", "dpanic", "f", "c", "60", "2": return .critical
        case "emerg", "alert", "0", "1": return .emergency
        default: return nil
        }
    }

    @Test("reads every token as the byte-wise reading did")
    func matchesReference() {
        let pieces: [[UInt8]] = [
            "INFO", "info", "Warn", "WARNING", "error", "E", "w", "fatal", "crit", "panic", "dpanic", "emerg", "alert", "trace",
            "[", "]", "<", ">", "(", ")", ":", ",", "1", "2", "30", "x", "I", "nfo", "\0", "@", "`", "{", "ERR", "r", "O",
            "emergency", "information", "al",
        ].map { Array($0.utf8) }
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var tokens: [[UInt8]] = pieces
        for _ in 0..<60_000 {
            var token: [UInt8] = []
            for _ in 0..<(1 + next(3)) { token += pieces[next(pieces.count)] }
            tokens.append(token)
        }
        for token in tokens {
            for header in [false, true] {
                let parsed = token.withUnsafeBufferPointer { LogLevel.parse($0, header: header) }
                #expect(parsed == Self.reference(token, header: header), "\(token) header \(header)")
            }
        }
    }
}
