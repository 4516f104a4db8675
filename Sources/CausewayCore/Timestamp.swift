/// An instant, as nanoseconds since the Unix epoch in UTC.
///
/// Log timestamps are compared, subtracted and printed millions of times; an integer keeps that exact and
/// cheap, and keeps output free of the host's time zone and locale.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// `value` units of `nanosecondsPerUnit` nanoseconds each (an epoch in seconds, milliseconds or
    /// microseconds), plus `extra` nanoseconds. Nil when the instant overflows what nanoseconds since the
    /// epoch can hold: a damaged or hostile number is no time, rather than a crash.
    public init?(_ value: Int64, unit nanosecondsPerUnit: Int64, plus extra: Int64 = 0) {
        let (product, overflow) = value.multipliedReportingOverflow(by: nanosecondsPerUnit)
        guard !overflow else { return nil }
        let (sum, overflowAgain) = product.addingReportingOverflow(extra)
        guard !overflowAgain else { return nil }
        self.nanoseconds = sum
    }

    /// Builds an instant from civil UTC fields. Returns nil when a field is out of range, or when the instant
    /// lies beyond what nanoseconds since the epoch can hold (before 1677 or after 2262: a damaged year).
    public init?(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0,
        utcOffsetSeconds: Int = 0
    ) {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second), (0..<1_000_000_000).contains(nanosecond),
            day <= Timestamp.daysIn(month: month, year: year)
        else { return nil }
        guard (1678...2261).contains(year) else { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(utcOffsetSeconds)
        self.nanoseconds = seconds * 1_000_000_000 + Int64(nanosecond)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// The signed distance to `other`, in seconds.
    public func seconds(until other: Timestamp) -> Double {
        Double(other.nanoseconds - nanoseconds) / 1e9
    }

    /// The instant `seconds` later.
    public func adding(seconds: Double) -> Timestamp {
        Timestamp(nanoseconds: nanoseconds + Int64((seconds * 1e9).rounded()))
    }

    /// The civil UTC fields of this instant.
    public var civil: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int) {
        var seconds = nanoseconds / 1_000_000_000
        var nanos = nanoseconds % 1_000_000_000
        if nanos < 0 {
            nanos += 1_000_000_000
            seconds -= 1
        }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (y, m, d) = Timestamp.civilFromDays(Int(days))
        let s = Int(secondOfDay)
        return (y, m, d, s / 3600, (s % 3600) / 60, s % 60, Int(nanos))
    }

    /// RFC 3339 in UTC with milliseconds, such as `2026-05-24T11:54:10.221Z`.
    public var iso8601: String {
        let c = civil
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):"
            + "\(pad(c.second, 2)).\(pad(c.nanosecond / 1_000_000, 3))Z"
    }

    /// The time of day in UTC with milliseconds, such as `11:54:10.221`.
    public var timeOfDay: String {
        let c = civil
        return "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)).\(pad(c.nanosecond / 1_000_000, 3))"
    }

    // Howard Hinnant's days_from_civil / civil_from_days (public domain), exact for the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Timestamp: CustomStringConvertible {
    public var description: String { iso8601 }
}

extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = TimestampParser.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an RFC 3339 timestamp such as 2026-05-24T11:54:10.221Z")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

@inline(__always)
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
