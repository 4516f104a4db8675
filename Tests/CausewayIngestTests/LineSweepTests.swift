import CCausewayBytes
import Foundation
import Testing

@testable import CausewayIngest

/// The reader's sweep of a block (``causeway_sweep``, ``causeway_line_marks``) must give every line the
/// marks a scan of the line itself (``causeway_line_scan``) gives, with AVX2 or without.
@Suite("Line sweep")
struct LineSweepTests {
    /// Lines rich in the bytes the marks look at: `trace` in any case and cut short, `[`, NUL, bytes past
    /// ASCII, `\r\n` endings, empty and short lines, a few longer than the sweep's window and one cut.
    static func text(seed: UInt64, lines: Int) -> [UInt8] {
        var generator = SplitMix(seed: seed)
        let pieces: [[UInt8]] =
            ["trace", "TRACE", "tRaCe", "trac", "race", "t   e", "[", "[x", "e", "t", "T", "x", " ", "abc", "traceId=", "[ab] ", "\t"]
            .map { Array($0.utf8) } + [[0], [0xC3, 0xA9], [0x80], [0xFF], [0x7F]]
        var out: [UInt8] = []
        for n in 0..<lines {
            let roll = generator.next() % 100
            let length =
                n == lines / 2 ? 70_000 : roll < 2 ? 16_000 + Int(generator.next() % 8_000) : roll < 30 ? Int(generator.next() % 14)
                : roll < 90 ? Int(generator.next() % 120) : Int(generator.next() % 600)
            var line: [UInt8] = []
            while line.count < length { line += pieces[Int(generator.next() % UInt64(pieces.count))] }
            // `trace` at the very end, or one to six bytes before it.
            if generator.next() % 8 == 0 {
                line += Array("trace".utf8)
                line += Array(repeating: 0x61, count: Int(generator.next() % 7))
            }
            out += line
            out += generator.next() % 5 == 0 ? [0x0D, 0x0A] : [0x0A]
        }
        if generator.next() % 2 == 0 { out += Array("last line without a newline trace [x".utf8) }
        return out
    }

    @Test("every line's marks are the ones a scan of the line gives")
    func marksMatchScan() throws {
        for seed: UInt64 in [1, 2, 3] {
            let bytes = Self.text(seed: seed, lines: 30_000)
            var source = BlockSource.memory(Data(bytes), offset: 0)
            var reader = LineReader()
            var lines = 0
            var mismatches = 0
            reader.forEachScannedLine(of: &source) { line, number, _, flags in
                lines += 1
                if flags != LineJobState.scan(line) { mismatches += 1 }
            }
            #expect(mismatches == 0)
            // The same lines the plain reader hands over.
            var again = BlockSource.memory(Data(bytes), offset: 0)
            var plain = LineReader()
            #expect(plain.forEachLine(of: &again) { _, _, _ in } == lines)
            #expect(lines > 30_000 - 5)
        }
    }

    @Test("`trace`, `[`, NUL and a byte past ASCII at every place of lines of up to 80 bytes")
    func everyPlace() throws {
        var bytes: [UInt8] = []
        var expected: [Int32] = []
        let words: [[UInt8]] = [Array("trace".utf8), Array("TrAcE".utf8), [0x5B], [0], [0xE9], Array("trac".utf8)]
        for n in 0...80 {
            for word in words where word.count <= n {
                for k in 0...(n - word.count) {
                    let line = Array(repeating: UInt8(0x78), count: k) + word + Array(repeating: UInt8(0x78), count: n - k - word.count)
                    bytes += line + [0x0A]
                    expected.append(line.withUnsafeBufferPointer { LineJobState.scan($0) })
                }
            }
        }
        var source = BlockSource.memory(Data(bytes), offset: 0)
        var reader = LineReader()
        var found: [Int32] = []
        reader.forEachScannedLine(of: &source) { _, _, _, flags in found.append(flags) }
        #expect(found == expected)
    }

    @Test("the AVX2 sweep and the portable one find the same newlines and marks")
    func avx2MatchesPortable() throws {
        var generator = SplitMix(seed: 99)
        let bytes = Self.text(seed: 7, lines: 4_000)
        let capacity = 20_000
        let ends = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        let events = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        let ends2 = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        let events2 = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        defer {
            ends.deallocate()
            events.deallocate()
            ends2.deallocate()
            events2.deallocate()
        }
        bytes.withUnsafeBufferPointer { buffer in
            for _ in 0..<2_000 {
                let start = Int(generator.next() % UInt64(bytes.count - 1))
                let count = min(bytes.count, start + Int(generator.next() % UInt64(capacity)))
                var e1 = 0
                var v1 = 0
                var e2 = 0
                var v2 = 0
                causeway_sweep(buffer.baseAddress!, start, count, ends, &e1, events, &v1)
                causeway_sweep_portable(buffer.baseAddress!, start, count, ends2, &e2, events2, &v2)
                #expect(e1 == e2 && v1 == v2)
                #expect(Array(UnsafeBufferPointer(start: ends, count: e1)) == Array(UnsafeBufferPointer(start: ends2, count: e2)))
                #expect(Array(UnsafeBufferPointer(start: events, count: v1)) == Array(UnsafeBufferPointer(start: events2, count: v2)))
            }
        }
    }
}
