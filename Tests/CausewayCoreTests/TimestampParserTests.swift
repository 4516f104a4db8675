import CausewayCore
import Testing

@Suite("TimestampParser")
struct TimestampParserTests {
    @Test(
        "reads the common timestamp forms",
        arguments: [
            ("2026-05-24T11:54:10.221Z", "2026-05-24T11:54:10.221Z"),
            ("2026-05-24T11:54:10Z", "2026-05-24T11:54:10.000Z"),
            ("2026-05-24T13:54:10.221+02:00", "2026-05-24T11:54:10.221Z"),
            ("2026-05-24T06:54:10.221-0500", "2026-05-24T11:54:10.221Z"),
            ("2026-05-24 11:54:10,221", "2026-05-24T11:54:10.221Z"),
            ("2026-05-24 11:54:10.221456789", "2026-05-24T11:54:10.221Z"),
            ("2026/05/24 11:54:10", "2026-05-24T11:54:10.000Z"),
            ("2026-06-23 20:42:30 +0000", "2026-06-23T20:42:30.000Z"),
            ("2026-06-23 15:42:30 -05:00", "2026-06-23T20:42:30.000Z"),
            ("2023-01-29T08:42:09.487160534Z", "2023-01-29T08:42:09.487Z"),
            ("1779623650", "2026-05-24T11:54:10.000Z"),
            ("1779623650221", "2026-05-24T11:54:10.221Z"),
            ("1779623650.221", "2026-05-24T11:54:10.221Z"),
        ])
    func parsesForms(text: String, expected: String) throws {
        let parsed = try #require(TimestampParser.parse(text))
        #expect(parsed.iso8601 == expected)
    }

    @Test("takes the year of a syslog date and the date of a bare time from context")
    func partialTimestampsUseContext() throws {
        let context = try #require(TimestampParser.parse("2026-05-24T00:00:00Z"))
        #expect(TimestampParser.parse("May 24 11:54:10", context: context)?.iso8601 == "2026-05-24T11:54:10.000Z")
        #expect(TimestampParser.parse("May  4 11:54:10", context: context)?.iso8601 == "2026-05-04T11:54:10.000Z")
        #expect(TimestampParser.parse("11:54:10.221", context: context)?.iso8601 == "2026-05-24T11:54:10.221Z")
    }

    @Test(
        "refuses an instant nanoseconds since the epoch cannot hold, instead of overflowing",
        arguments: ["9026-02-03T01:44:02.100000Z", "2999-01-01 00:00:00", "9999999999", "9999999999999", "9999999999999999"])
    func refusesOverflow(text: String) {
        #expect(TimestampParser.parse(text) == nil)
    }

    @Test("refuses what is not a timestamp", arguments: ["", "hello", "2026-13-24T11:54:10Z", "2026-02-30 10:00:00", "12345", "2026-05-24T11:54:10abc", "99:99:99"])
    func refusesNonTimestamps(text: String) {
        #expect(TimestampParser.parse(text) == nil)
    }

    @Test("civil fields round-trip across leap years and before the epoch")
    func civilRoundTrip() throws {
        for (y, m, d) in [(2024, 2, 29), (2000, 2, 29), (1969, 12, 31), (2100, 3, 1), (1970, 1, 1)] {
            let ts = try #require(Timestamp(year: y, month: m, day: d, hour: 23, minute: 59, second: 58, nanosecond: 1_000_000))
            let c = ts.civil
            #expect((c.year, c.month, c.day, c.hour, c.minute, c.second) == (y, m, d, 23, 59, 58))
            #expect(TimestampParser.parse(ts.iso8601) == ts)
        }
        #expect(Timestamp(year: 2023, month: 2, day: 29) == nil)
    }
}
