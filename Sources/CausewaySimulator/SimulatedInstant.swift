/// A UTC instant in milliseconds since 1970, with the renderings real logs use.
///
/// Calendar arithmetic is done by hand (Howard Hinnant's `civil_from_days`,
/// <https://howardhinnant.github.io/date_algorithms.html>), so no time zone, locale or `Date` can leak in.
struct SimulatedInstant: Hashable, Comparable, Sendable {
    var milliseconds: Int64

    init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// Midnight UTC of a civil date.
    init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        milliseconds = Int64(days) * 86_400_000
    }

    static func < (a: SimulatedInstant, b: SimulatedInstant) -> Bool { a.milliseconds < b.milliseconds }

    static func + (a: SimulatedInstant, ms: Int64) -> SimulatedInstant { SimulatedInstant(milliseconds: a.milliseconds + ms) }

    struct Parts {
        var year, month, day, hour, minute, second, millisecond, weekday: Int
    }

    var parts: Parts {
        let days = Int(floorDiv(milliseconds, 86_400_000))
        let msOfDay = Int(milliseconds - Int64(days) * 86_400_000)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = ((days % 7) + 11) % 7  // 0 = Sunday; 1970-01-01 was a Thursday
        return Parts(
            year: year, month: month, day: day, hour: msOfDay / 3_600_000, minute: msOfDay / 60_000 % 60,
            second: msOfDay / 1000 % 60, millisecond: msOfDay % 1000, weekday: weekday)
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// `2026-05-24T11:54:10.221Z`
    var iso: String {
        let p = parts
        return "\(p.year)-\(pad(p.month))-\(pad(p.day))T\(pad(p.hour)):\(pad(p.minute)):\(pad(p.second)).\(pad(p.millisecond, 3))Z"
    }
    /// `2026-05-24T11:54:10Z` (Kubernetes)
    var isoSeconds: String {
        let p = parts
        return "\(p.year)-\(pad(p.month))-\(pad(p.day))T\(pad(p.hour)):\(pad(p.minute)):\(pad(p.second))Z"
    }
    /// `2026-05-24T11:54:10.221+00:00`
    var isoOffset: String { String(iso.dropLast()) + "+00:00" }
    /// `2026-05-24 11:54:10.221` with the given separator before the milliseconds.
    func spaced(_ msSeparator: String = ".") -> String {
        let p = parts
        return "\(p.year)-\(pad(p.month))-\(pad(p.day)) \(pad(p.hour)):\(pad(p.minute)):\(pad(p.second))\(msSeparator)\(pad(p.millisecond, 3))"
    }
    /// `2026/05/24 11:54:10` (nginx error log, Go's log package)
    var slashed: String {
        let p = parts
        return "\(p.year)/\(pad(p.month))/\(pad(p.day)) \(pad(p.hour)):\(pad(p.minute)):\(pad(p.second))"
    }
    /// `24/May/2026:11:54:10 +0000` (nginx access log)
    var common: String {
        let p = parts
        return "\(pad(p.day))/\(Self.monthNames[p.month - 1])/\(p.year):\(pad(p.hour)):\(pad(p.minute)):\(pad(p.second)) +0000"
    }
    /// `24 May 2026 11:54:10.221` (Redis)
    var redis: String {
        let p = parts
        return "\(pad(p.day)) \(Self.monthNames[p.month - 1]) \(p.year) \(pad(p.hour)):\(pad(p.minute)):\(pad(p.second)).\(pad(p.millisecond, 3))"
    }
    /// `Sun May 24 11:50:00 UTC 2026` (Java's `Date.toString()`)
    var javaDate: String {
        let p = parts
        return "\(Self.dayNames[p.weekday]) \(Self.monthNames[p.month - 1]) \(pad(p.day)) \(pad(p.hour)):\(pad(p.minute)):\(pad(p.second)) UTC \(p.year)"
    }
    /// `1779623650.221` (seconds since 1970 with milliseconds)
    var epochSeconds: String {
        "\(milliseconds / 1000).\(pad(Int(milliseconds % 1000), 3))"
    }
    /// `11:54:10.221`
    var clock: String {
        let p = parts
        return "\(pad(p.hour)):\(pad(p.minute)):\(pad(p.second)).\(pad(p.millisecond, 3))"
    }
}

/// Zero-padded decimal.
func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
