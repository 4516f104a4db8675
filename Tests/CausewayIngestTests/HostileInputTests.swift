import CausewayCore
import CausewayIngest
import Testing

@Suite("Hostile input")
struct HostileInputTests {
    @Test("repairs invalid UTF-8 and removes NUL bytes, counting both")
    func repairs() throws {
        var bytes = Array("2026-05-24T11:54:10Z ERROR api-gateway bad \u{0}byte\n".utf8)
        bytes += Array("2026-05-24T11:54:11Z ERROR api-gateway bad ".utf8) + [0xFF, 0xFE] + Array(" utf8\n".utf8)
        let log = try ingest(bytes: bytes)
        #expect(log.statistics.records == 2)
        #expect(log.statistics.skipped[.nulBytes] == 1)
        #expect(log.statistics.skipped[.invalidUTF8] == 1)
    }

    @Test("skips binary and empty files with a reason")
    func binaryAndEmpty() throws {
        let binary = try ingest(bytes: (0..<4096).map { UInt8($0 % 7) })
        #expect(binary.statistics.records == 0)
        #expect(binary.statistics.skipped[.binaryFile] == 1)
        let empty = try ingest(bytes: [])
        #expect(empty.statistics.skipped[.emptyFile] == 1)
    }

    @Test("cuts an overlong line and still reads it")
    func overlong() throws {
        let line = "2026-05-24T11:54:10Z ERROR api-gateway " + String(repeating: "x", count: 200_000) + "\n"
        let log = try ingest(line)
        #expect(log.statistics.records == 1)
        #expect(log.statistics.skipped[.overlongLine] == 1)
        #expect(try #require(log.templates.first).samples[0].text.count <= EvidenceLine.maximumLength + 1)
    }

    @Test("counts lines that name no service instead of dropping them silently")
    func noService() throws {
        let log = try ingest("2026-05-24T11:54:10Z ERROR something happened\n")
        #expect(log.statistics.records == 0)
        #expect(log.statistics.skipped[.noService] == 1)
    }

    @Test("a seeded stream of random bytes never crashes the readers and every line is accounted for")
    func fuzz() throws {
        var generator = SplitMix(seed: 0xC0FFEE)
        let alphabet = Array("{}[]\":=, \t\nabcERRORWARN0123456789-_.:TZ+/\\<>&'".utf8)
        for _ in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 600) {
                let roll = generator.next() % 10
                bytes.append(roll < 8 ? alphabet[Int(generator.next() % UInt64(alphabet.count))] : UInt8(generator.next() % 256))
            }
            let log = try ingest(bytes: bytes, file: "fuzz-service.log")
            let stats = log.statistics
            let accounted = stats.records + stats.joinedLines + (stats.skipped[.blankLine] ?? 0) + (stats.skipped[.noService] ?? 0)
            if stats.skipped[.binaryFile] == nil && stats.skipped[.emptyFile] == nil {
                #expect(accounted == stats.lines, "every line is a record, a continuation, blank, or counted as skipped")
            }
        }
    }
}

/// A small seeded generator, so the fuzz test is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
