internal import CCausewayBytes

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Splits a block source into lines without holding more than one block and one line in memory.
///
/// A line longer than ``maximumLineBytes`` is handed over cut at that length (flagged) and the rest of it
/// skipped; `\r\n` endings lose their `\r`; the last line needs no newline.
struct LineReader {
    static let blockSize = 1 << 20
    static let maximumLineBytes = 64 * 1024
    /// Bytes swept at once (``causeway_sweep``): the lines that end in them are handed over before the next
    /// window, which starts at the first line not handed over. A longer line is found and scanned alone.
    static let sweepCapacity = 16 * 1024

    private(set) var failure: BlockSource.Failure?

    /// Calls `body` with each line's bytes, its 1-based number and whether it was cut. Returns the number of
    /// lines.
    ///
    /// A line's bytes stay valid after the call until the reader next reuses its buffer; it calls
    /// `beforeReuse` first (before each read, before moving a partial line, and before it returns), so a
    /// caller may keep a view of the last line and copy it out only then.
    @discardableResult
    mutating func forEachLine(
        of source: inout BlockSource, firstLineNumber: Int = 1, beforeReuse: () -> Void = {}, _ body: (Bytes, Int, Bool) -> Void
    ) -> Int {
        forEachScannedLine(of: &source, firstLineNumber: firstLineNumber, beforeReuse: beforeReuse) { bytes, number, cut, _ in
            body(bytes, number, cut)
        }
    }

    /// As ``forEachLine(of:firstLineNumber:beforeReuse:_:)``, also handing over each line's
    /// ``causeway_line_scan`` result (0 bytes: ``causeway_mark_bracket``), which it takes from one sweep over
    /// each block (``causeway_sweep``) that also finds the newlines, rather than from a pass over each line.
    @discardableResult
    mutating func forEachScannedLine(
        of source: inout BlockSource, firstLineNumber: Int = 1, beforeReuse: () -> Void = {}, _ body: (Bytes, Int, Bool, Int32) -> Void
    ) -> Int {
        let capacity = Self.blockSize + Self.maximumLineBytes
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        let ends = UnsafeMutablePointer<Int32>.allocate(capacity: Self.sweepCapacity)
        let events = UnsafeMutablePointer<Int32>.allocate(capacity: Self.sweepCapacity)
        defer {
            buffer.deallocate()
            ends.deallocate()
            events.deallocate()
        }
        defer { beforeReuse() }
        var length = 0
        var lineNumber = firstLineNumber - 1
        var skippingRest = false
        var eventCount = 0
        var cursor = 0

        /// Hands over `buffer[start..<end]` (without a `\r` before its end, cut at ``maximumLineBytes``);
        /// `swept`: every byte of it was swept into `events`, else its bytes are scanned.
        func emit(_ start: Int, _ end: Int, cut: Bool, swept: Bool) {
            var stop = end
            var cut = cut
            if stop > start, buffer[stop - 1] == ASCII.carriageReturn { stop -= 1 }
            if stop - start > Self.maximumLineBytes {
                stop = start + Self.maximumLineBytes
                cut = true
            }
            lineNumber += 1
            let marks =
                swept && !cut
                ? causeway_line_marks(buffer, start, stop, events, eventCount, &cursor)
                : stop > start ? causeway_line_scan(buffer + start, stop - start) : Int32(causeway_mark_bracket)
            body(Bytes(start: buffer + start, count: stop - start), lineNumber, cut, marks)
        }

        while true {
            beforeReuse()
            let room = UnsafeMutableRawBufferPointer(start: buffer + length, count: capacity - length)
            let got = source.read(into: room, failure: &failure)
            if got <= 0 {
                if length > 0 && !skippingRest { emit(0, length, cut: false, swept: false) }
                break
            }
            length += got
            var position = 0
            while position < length {
                // The newlines and marks of the next window of bytes from the next line's start.
                let stop = min(length, position + Self.sweepCapacity)
                var endCount = 0
                causeway_sweep(buffer, position, stop, ends, &endCount, events, &eventCount)
                cursor = 0
                for k in 0..<endCount {
                    let newline = Int(ends[k])
                    if skippingRest {
                        skippingRest = false
                    } else {
                        emit(position, newline, cut: false, swept: true)
                    }
                    position = newline + 1
                }
                if stop >= length { break }
                if endCount == 0 {
                    // A line longer than the window: found and scanned as itself.
                    guard let found = memchr(buffer + position, Int32(ASCII.newline), length - position) else { break }
                    let newline = UnsafeMutablePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - buffer
                    if skippingRest {
                        skippingRest = false
                    } else {
                        emit(position, newline, cut: false, swept: false)
                    }
                    position = newline + 1
                }
            }
            let leftover = length - position
            if skippingRest {
                length = 0
            } else if leftover >= Self.maximumLineBytes {
                emit(position, position + Self.maximumLineBytes, cut: true, swept: false)
                skippingRest = true
                length = 0
            } else {
                if leftover > 0 && position > 0 {
                    beforeReuse()
                    memmove(buffer, buffer + position, leftover)
                }
                length = leftover
            }
        }
        return lineNumber - firstLineNumber + 1
    }
}
