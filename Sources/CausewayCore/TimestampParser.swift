/// Reads the timestamp at the start of a log line or field.
///
/// Accepts RFC 3339 / ISO 8601 with `T` or a space, with or without fraction (`.` or `,`) and zone
/// (`Z`, `±HH:MM`, `±HHMM`, `±HH`), `YYYY/MM/DD HH:MM:SS`, syslog's `May 24 11:54:10` (year from context),
/// epoch seconds or milliseconds (10 or 13 digits, optional fraction), and a bare time of day (date from
/// context). A time without a zone is taken as UTC.
public enum TimestampParser {
    /// What a parse found: the instant, how many bytes it used, and whether it carried a date of its own.
    public struct Match: Sendable, Equatable {
        public var timestamp: Timestamp
        public var length: Int
        /// False for a bare time of day or a syslog date without a year: the caller supplied that part.
        public var isComplete: Bool
        /// Whether the text fixed its instant: a zone (`Z`, `+02:00`, ` UTC`) or epoch time. A time without
        /// one is read as UTC but may be the writer's local time.
        public var hasZone: Bool

        public init(timestamp: Timestamp, length: Int, isComplete: Bool, hasZone: Bool = false) {
            self.timestamp = timestamp
            self.length = length
            self.isComplete = isComplete
            self.hasZone = hasZone
        }
    }

    /// Parses a whole string (surrounding spaces allowed). Nil when it is not one timestamp.
    public static func parse(_ text: String, context: Timestamp? = nil) -> Timestamp? {
        var text = text
        return text.withUTF8 { buffer -> Timestamp? in
            var start = 0
            var end = buffer.count
            while start < end, buffer[start] == 0x20 { start += 1 }
            while end > start, buffer[end - 1] == 0x20 { end -= 1 }
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
            guard let match = parsePrefix(slice, context: context), match.length == slice.count else { return nil }
            return match.timestamp
        }
    }

    /// Parses the timestamp that starts at `bytes[0]`.
    /// - Parameter context: an earlier complete timestamp that supplies the date (or year) a partial one lacks.
    /// - Complexity: O(1): it reads at most about 40 bytes.
    public static func parsePrefix(_ bytes: UnsafeBufferPointer<UInt8>, context: Timestamp? = nil) -> Match? {
        if let match = parseDateTime(bytes) { return match }
        if let match = parseSyslog(bytes, context: context) { return match }
        if let match = parseEpoch(bytes) { return match }
        if let match = parseTimeOfDay(bytes, context: context) { return match }
        return nil
    }

    // MARK: - Forms

    /// `2026-05-24T11:54:10.221Z`, `2026-05-24 11:54:10,221`, `2026/05/24 11:54:10 +0200`.
    static func parseDateTime(_ b: UnsafeBufferPointer<UInt8>) -> Match? {
        guard b.count >= 19, let year = digits(b, 0, 4), b[4] == 0x2D || b[4] == 0x2F, let month = digits(b, 5, 2),
            b[7] == b[4], let day = digits(b, 8, 2), b[10] == 0x54 || b[10] == 0x20 || b[10] == 0x74,
            let hour = digits(b, 11, 2), b[13] == 0x3A, let minute = digits(b, 14, 2), b[16] == 0x3A,
            let second = digits(b, 17, 2)
        else { return nil }
        var index = 19
        let nanos = fraction(b, &index)
        let zoneStart = index
        let offset = zone(b, &index)
        guard
            let timestamp = Timestamp(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                nanosecond: nanos, utcOffsetSeconds: offset)
        else { return nil }
        guard endsToken(b, index) else { return nil }
        return Match(timestamp: timestamp, length: index, isComplete: true, hasZone: index > zoneStart)
    }

    /// RFC 3164: `May 24 11:54:10` or `May  4 11:54:10`, optionally followed by a year.
    static func parseSyslog(_ b: UnsafeBufferPointer<UInt8>, context: Timestamp?) -> Match? {
        guard b.count >= 15, let month = monthNumber(b[0], b[1], b[2]), b[3] == 0x20 else { return nil }
        let day: Int
        if b[4] == 0x20, let d = digits(b, 5, 1) {
            day = d
        } else if let d = digits(b, 4, 2) {
            day = d
        } else {
            return nil
        }
        guard b[6] == 0x20, let hour = digits(b, 7, 2), b[9] == 0x3A, let minute = digits(b, 10, 2),
            b[12] == 0x3A, let second = digits(b, 13, 2)
        else { return nil }
        var index = 15
        let nanos = fraction(b, &index)
        var year = context?.civil.year ?? 1970
        var complete = false
        if index + 5 <= b.count, b[index] == 0x20, let y = digits(b, index + 1, 4), endsToken(b, index + 5) {
            year = y
            index += 5
            complete = true
        }
        guard
            let timestamp = Timestamp(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanos)
        else { return nil }
        guard endsToken(b, index) else { return nil }
        return Match(timestamp: timestamp, length: index, isComplete: complete)
    }

    /// 10 digits of epoch seconds or 13 of milliseconds (years 2001-2286), with an optional fraction.
    static func parseEpoch(_ b: UnsafeBufferPointer<UInt8>) -> Match? {
        var index = 0
        var value: Int64 = 0
        while index < b.count, index < 20, let d = digit(b[index]) {
            value = value * 10 + Int64(d)
            index += 1
        }
        let time: Timestamp?
        switch index {
        case 10:
            var end = index
            time = Timestamp(value, unit: 1_000_000_000, plus: Int64(fraction(b, &end)))
            index = end
        case 13:
            time = Timestamp(value, unit: 1_000_000)
        case 16:
            time = Timestamp(value, unit: 1_000)
        case 19:
            time = Timestamp(nanoseconds: value)
        default:
            return nil
        }
        guard let time, time.nanoseconds >= 978_307_200_000_000_000, endsToken(b, index) else { return nil }
        return Match(timestamp: time, length: index, isComplete: true, hasZone: true)
    }

    /// `11:54:10`, `11:54:10.221`: the date comes from `context`, or 1970-01-01 without one.
    static func parseTimeOfDay(_ b: UnsafeBufferPointer<UInt8>, context: Timestamp?) -> Match? {
        guard b.count >= 8, let hour = digits(b, 0, 2), b[2] == 0x3A, let minute = digits(b, 3, 2), b[5] == 0x3A,
            let second = digits(b, 6, 2)
        else { return nil }
        var index = 8
        let nanos = fraction(b, &index)
        guard endsToken(b, index) else { return nil }
        let date = context?.civil
        guard
            let timestamp = Timestamp(
                year: date?.year ?? 1970, month: date?.month ?? 1, day: date?.day ?? 1, hour: hour, minute: minute, second: second,
                nanosecond: nanos)
        else { return nil }
        return Match(timestamp: timestamp, length: index, isComplete: false)
    }

    /// The Common Log Format time of Apache and nginx access logs: `19/May/2026:19:19:37 +0000`.
    public static func parseCommonLog(_ b: UnsafeBufferPointer<UInt8>) -> Match? {
        guard b.count >= 20, let day = digits(b, 0, 2), b[2] == 0x2F, let month = monthNumber(b[3], b[4], b[5]), b[6] == 0x2F,
            let year = digits(b, 7, 4), b[11] == 0x3A, let hour = digits(b, 12, 2), b[14] == 0x3A,
            let minute = digits(b, 15, 2), b[17] == 0x3A, let second = digits(b, 18, 2)
        else { return nil }
        var index = 20
        let nanos = fraction(b, &index)
        var offset = 0
        var zoned = false
        if index + 5 < b.count + 1, index < b.count, b[index] == 0x20 {
            var zoneIndex = index + 1
            offset = zone(b, &zoneIndex)
            if zoneIndex > index + 1 {
                index = zoneIndex
                zoned = true
            }
        }
        guard
            let timestamp = Timestamp(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanos,
                utcOffsetSeconds: offset)
        else { return nil }
        return Match(timestamp: timestamp, length: index, isComplete: true, hasZone: zoned)
    }

    /// klog's header (Kubernetes components, many Go services): `I0524 11:54:10.221000`, the level letter,
    /// month and day; the year comes from context.
    public static func parseKlog(_ b: UnsafeBufferPointer<UInt8>, context: Timestamp?) -> (Match, LogLevel)? {
        guard b.count >= 21 else { return nil }
        let level: LogLevel
        switch b[0] {
        case 0x49: level = .info
        case 0x57: level = .warning
        case 0x45: level = .error
        case 0x46: level = .critical
        default: return nil
        }
        guard let month = digits(b, 1, 2), let day = digits(b, 3, 2), b[5] == 0x20, let hour = digits(b, 6, 2), b[8] == 0x3A,
            let minute = digits(b, 9, 2), b[11] == 0x3A, let second = digits(b, 12, 2)
        else { return nil }
        var index = 14
        let nanos = fraction(b, &index)
        guard
            let timestamp = Timestamp(
                year: context?.civil.year ?? 1970, month: month, day: day, hour: hour, minute: minute, second: second,
                nanosecond: nanos)
        else { return nil }
        return (Match(timestamp: timestamp, length: index, isComplete: context != nil), level)
    }

    // MARK: - Pieces

    @inline(__always)
    static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }

    @inline(__always)
    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            guard let d = digit(b[i]) else { return nil }
            value = value * 10 + d
        }
        return value
    }

    /// A `.` or `,` followed by 1-9 digits (more are read and dropped), as nanoseconds.
    static func fraction(_ b: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Int {
        guard index + 1 < b.count, b[index] == 0x2E || b[index] == 0x2C, digit(b[index + 1]) != nil else { return 0 }
        // Milliseconds, the commonest fraction: three digits and no fourth.
        if index + 4 <= b.count, let d2 = digit(b[index + 2]), let d3 = digit(b[index + 3]),
            index + 4 == b.count || digit(b[index + 4]) == nil
        {
            let value = Int(b[index + 1] - 0x30) * 100 + d2 * 10 + d3
            index += 4
            return value * 1_000_000
        }
        var i = index + 1
        var value = 0
        var used = 0
        while i < b.count, let d = digit(b[i]) {
            if used < 9 {
                value = value * 10 + d
                used += 1
            }
            i += 1
        }
        index = i
        return value * Self.scaleToNanoseconds[used]
    }

    /// 10^(9 - digits): what a fraction of `digits` digits is multiplied by to make nanoseconds.
    static let scaleToNanoseconds = [1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1]

    /// `Z`, `+02:00`, `+0200`, `+02`, or ` UTC`; returns the offset east of UTC in seconds.
    static func zone(_ b: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Int {
        guard index < b.count else { return 0 }
        let c = b[index]
        if c == 0x5A || c == 0x7A {
            index += 1
            return 0
        }
        if c == 0x2B || c == 0x2D {
            let sign = c == 0x2D ? -1 : 1
            guard let hours = digits(b, index + 1, 2) else { return 0 }
            var end = index + 3
            var minutes = 0
            if end < b.count, b[end] == 0x3A, let m = digits(b, end + 1, 2) {
                minutes = m
                end += 3
            } else if let m = digits(b, end, 2) {
                minutes = m
                end += 2
            }
            guard hours <= 14, minutes < 60 else { return 0 }
            index = end
            return sign * (hours * 3600 + minutes * 60)
        }
        if c == 0x20, index + 4 <= b.count, b[index + 1] == 0x55, b[index + 2] == 0x54, b[index + 3] == 0x43,
            endsToken(b, index + 4)
        {
            index += 4
        }
        // ` +0000` / ` -05:00` after a space, as gunicorn and Apache write it (`[2026-06-23 20:42:30 +0000]`):
        // four digits, or two and two with a colon, then the token's end.
        if c == 0x20, index + 5 <= b.count, b[index + 1] == 0x2B || b[index + 1] == 0x2D {
            var end = index + 1
            let offset = zone(b, &end)
            if end == index + 6 || end == index + 7, endsToken(b, end) {
                index = end
                return offset
            }
        }
        return 0
    }

    /// True when `index` is the end of the buffer or a separator, so `2026-05-24T11:54:10abc` is refused.
    @inline(__always)
    static func endsToken(_ b: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < b.count else { return true }
        switch b[index] {
        case 0x20, 0x09, 0x5D, 0x7C, 0x2C, 0x3B, 0x22, 0x27, 0x29, 0x3A, 0x0D, 0x0A: return true
        default: return false
        }
    }

    static func monthNumber(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        let key = (UInt32(a | 0x20) << 16) | (UInt32(b | 0x20) << 8) | UInt32(c | 0x20)
        switch key {
        case 0x6A616E: return 1  // jan
        case 0x666562: return 2  // feb
        case 0x6D6172: return 3  // mar
        case 0x617072: return 4  // apr
        case 0x6D6179: return 5  // may
        case 0x6A756E: return 6  // jun
        case 0x6A756C: return 7  // jul
        case 0x617567: return 8  // aug
        case 0x736570: return 9  // sep
        case 0x6F6374: return 10  // oct
        case 0x6E6F76: return 11  // nov
        case 0x646563: return 12  // dec
        default: return nil
        }
    }
}
