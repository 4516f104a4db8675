#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

extension TimestampParser {
    /// ``TimestampParser/parsePrefix(_:context:)`` for a stream of lines whose timestamps share their date,
    /// hour and minute most of the time: it remembers the last `YYYY-MM-DDTHH:MM` it read in full and,
    /// when the next timestamp opens with the same 16 bytes, reads only the seconds, fraction and zone.
    ///
    /// The results are exactly those of `parsePrefix`: a remembered prefix already passed every check on
    /// its bytes, the rest is checked as `parsePrefix` checks it, and anything else goes to `parsePrefix`.
    public struct PrefixCache: Sendable {
        /// The remembered 16 bytes, as two words; `valid` false until one is remembered.
        private var head: (UInt64, UInt64) = (0, 0)
        private var valid = false
        /// Seconds since the epoch at the start of the remembered minute.
        private var minuteStart: Int64 = 0

        /// A cache that remembers nothing yet.
        public init() {}

        /// The timestamp that starts at `bytes[0]`, as ``TimestampParser/parsePrefix(_:context:)`` reads it.
        /// - Complexity: O(1).
        public mutating func parsePrefix(_ b: UnsafeBufferPointer<UInt8>, context: Timestamp? = nil) -> Match? {
            guard b.count >= 19, let base = b.baseAddress else { return TimestampParser.parsePrefix(b, context: context) }
            let raw = UnsafeRawPointer(base)
            let first = raw.loadUnaligned(as: UInt64.self)
            let second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            if valid, first == head.0, second == head.1, b[16] == 0x3A, let seconds = digits(b, 17, 2), seconds <= 60 {
                // `parseDateTime` from byte 16 on, with the date, hour and minute known good.
                var index = 19
                let nanos = fraction(b, &index)
                let zoneStart = index
                let offset = zone(b, &index)
                if endsToken(b, index) {
                    let total = (minuteStart + Int64(seconds) - Int64(offset)) * 1_000_000_000 + Int64(nanos)
                    return Match(timestamp: Timestamp(nanoseconds: total), length: index, isComplete: true, hasZone: index > zoneStart)
                }
                return TimestampParser.parsePrefix(b, context: context)
            }
            let match = TimestampParser.parsePrefix(b, context: context)
            // Remember the prefix when it reads as a full date, hour and minute.
            if match != nil, let year = digits(b, 0, 4), b[4] == 0x2D || b[4] == 0x2F, let month = digits(b, 5, 2), b[7] == b[4],
                let day = digits(b, 8, 2), b[10] == 0x54 || b[10] == 0x20 || b[10] == 0x74, let hour = digits(b, 11, 2), b[13] == 0x3A,
                let minute = digits(b, 14, 2), (1...12).contains(month), (1...31).contains(day), hour <= 23, minute <= 59,
                day <= Timestamp.daysIn(month: month, year: year)
            {
                head = (first, second)
                valid = true
                minuteStart = Int64(Timestamp.daysFromCivil(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60)
            }
            return match
        }
    }
}
