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
        let capacity = Self.blockSize + Self.maximumLineBytes
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        defer { beforeReuse() }
        var length = 0
        var lineNumber = firstLineNumber - 1
        var skippingRest = false

        func emit(_ start: Int, _ end: Int, cut: Bool) {
            var stop = end
            var cut = cut
            if stop > start, buffer[stop - 1] == ASCII.carriageReturn { stop -= 1 }
            if stop - start > Self.maximumLineBytes {
                stop = start + Self.maximumLineBytes
                cut = true
            }
            lineNumber += 1
            body(Bytes(start: buffer + start, count: stop - start), lineNumber, cut)
        }

        while true {
            beforeReuse()
            let room = UnsafeMutableRawBufferPointer(start: buffer + length, count: capacity - length)
            let got = source.read(into: room, failure: &failure)
            if got <= 0 {
                if length > 0 && !skippingRest { emit(0, length, cut: false) }
                break
            }
            length += got
            var position = 0
            while position < length {
                guard let found = memchr(buffer + position, Int32(ASCII.newline), length - position) else { break }
                let newline = UnsafeMutablePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - buffer
                if skippingRest {
                    skippingRest = false
                } else {
                    emit(position, newline, cut: false)
                }
                position = newline + 1
            }
            let leftover = length - position
            if skippingRest {
                length = 0
            } else if leftover >= Self.maximumLineBytes {
                emit(position, position + Self.maximumLineBytes, cut: true)
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
