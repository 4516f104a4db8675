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

    @Test("a slow-log entry's impossible figures are no times; damaged slow-log, load balancer, Ruby and kubelet lines never crash the readers")
    func damagedFormats() throws {
        let slowLog = """
            # Time: 2026-02-26T04:02:25.168000Z
            # User@Host: x[x] @  [10.0.9.130]  Id: 1
            # Query_time: 1e300  Lock_time: -5 Rows_sent: 0  Rows_examined: 0
            SET timestamp=99999999999999999999999999999999999999999999999999;
            SELECT 1;
            # User@Host: y[y] @  [10.0.9.131]  Id: 2
            # Query_time: nan  Lock_time: inf
            SET timestamp=1772077094;
            SELECT 2;
            """
        let slow = try ingest(slowLog, file: "orders-db/mysql-slow.log")
        #expect(slow.statistics.records == 2)
        #expect(slow.templates.compactMap(\.firstSeen).map(\.iso8601).sorted() == ["2026-02-26T03:38:14.000Z", "2026-02-26T04:02:25.168Z"])
        let seeds = [
            slowLog,
            #"h2 2026-02-03T01:20:00.936627Z app/shop-alb/50dc 1.2.3.4:1 10.4.2.12:80 0.000 0.048 0.000 502 - 523 30193 "GET https://a.example/ HTTP/2.0" "ua" - -"#,
            "E, [2026-02-03T01:44:02.100000 #17] ERROR -- sidekiq: [ff0d] boom",
            #"2025-02-18T11:30:36+0000 node-1 kubelet[1843]: I0218 11:30:36.020000 1843 kubelet.go:2432] "SyncLoop ADD" pods=["ledger/ledger-svc-7c9d8f6b5-9vqz8"]"#,
        ]
        var generator = SplitMix(seed: 0x5EED)
        let alphabet = Array("#:[]\"/-= \n0123456789.eEnaif{}".utf8)
        for _ in 0..<300 {
            var bytes = Array(seeds[Int(generator.next() % UInt64(seeds.count))].utf8)
            bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count + 1))))
            for _ in 0..<Int(generator.next() % 8) where !bytes.isEmpty {
                bytes[Int(generator.next() % UInt64(bytes.count))] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            _ = try ingest(bytes: bytes, file: "svc/mysql-slow.log")
        }
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
