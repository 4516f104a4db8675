internal import CZlib
internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Where a reader's bytes come from: a range of a file, a gzip file, bytes in memory, or a descriptor
/// such as standard input. Every source is read in blocks, so memory never grows with the input.
enum BlockSource {
    case fileRange(descriptor: Int32, offset: Int, end: Int)
    case gzip(GzipStream)
    case memory(Data, offset: Int)
    case descriptor(Int32)
    /// Bytes already read from a descriptor (to sniff its format), then the rest of it.
    case prefixed(Data, offset: Int, descriptor: Int32)

    /// What went wrong while reading, for the statistics.
    enum Failure: Equatable {
        case readError
        case truncatedGzip
    }

    /// Reads up to `buffer.count` bytes; 0 at the end. A failure ends the source and is remembered.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer, failure: inout Failure?) -> Int {
        switch self {
        case .fileRange(let descriptor, let offset, let end):
            let wanted = min(buffer.count, end - offset)
            guard wanted > 0 else { return 0 }
            let got = pread(descriptor, buffer.baseAddress, wanted, off_t(offset))
            if got < 0 {
                failure = .readError
                self = .fileRange(descriptor: descriptor, offset: end, end: end)
                return 0
            }
            self = .fileRange(descriptor: descriptor, offset: offset + got, end: got == 0 ? offset : end)
            return got
        case .gzip(let stream):
            let got = stream.read(into: buffer)
            if got < 0 {
                failure = stream.truncated ? .truncatedGzip : .readError
                return 0
            }
            return got
        case .memory(let data, let offset):
            let n = min(buffer.count, data.count - offset)
            guard n > 0 else { return 0 }
            data.withUnsafeBytes { raw in
                buffer.baseAddress!.copyMemory(from: raw.baseAddress! + offset, byteCount: n)
            }
            self = .memory(data, offset: offset + n)
            return n
        case .prefixed(let data, let offset, let descriptor):
            if offset < data.count {
                let n = min(buffer.count, data.count - offset)
                data.withUnsafeBytes { raw in
                    buffer.baseAddress!.copyMemory(from: raw.baseAddress! + offset, byteCount: n)
                }
                self = .prefixed(data, offset: offset + n, descriptor: descriptor)
                return n
            }
            self = .descriptor(descriptor)
            return read(into: buffer, failure: &failure)
        case .descriptor(let descriptor):
            while true {
                let got = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
                if got < 0 && errno == EINTR { continue }
                if got < 0 {
                    failure = .readError
                    return 0
                }
                return got
            }
        }
    }
}

/// A gzip (or zlib) file inflated block by block; concatenated members are read one after another.
final class GzipStream {
    private let descriptor: Int32
    private var stream = z_stream()
    private let input: UnsafeMutablePointer<UInt8>
    private static let inputCapacity = 256 * 1024
    private var inputEnded = false
    private var insideMember = false
    private var failed = false
    private var done = false
    /// True when the stream ended inside a member or its data is damaged (as opposed to a read error).
    private(set) var truncated = false

    init?(descriptor: Int32) {
        self.descriptor = descriptor
        input = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.inputCapacity)
        guard causeway_inflate_init(&stream) == Z_OK else {
            input.deallocate()
            return nil
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    /// Inflated bytes; 0 at a clean end; -1 after a damaged or truncated stream or a read error (the bytes
    /// inflated before it have been returned by earlier calls).
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        if done { return failed ? -1 : 0 }
        stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(buffer.count)
        while stream.avail_out > 0 {
            if stream.avail_in == 0 {
                if inputEnded { break }
                let got = Glibc.read(descriptor, input, Self.inputCapacity)
                if got < 0 && errno == EINTR { continue }
                if got < 0 {
                    failed = true
                    break
                }
                if got == 0 {
                    inputEnded = true
                    break
                }
                stream.next_in = input
                stream.avail_in = uInt(got)
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            insideMember = true
            if status == Z_STREAM_END {
                insideMember = false
                inflateReset(&stream)
                continue
            }
            if status == Z_OK || status == Z_BUF_ERROR { continue }
            failed = true
            truncated = true
            break
        }
        let produced = buffer.count - Int(stream.avail_out)
        if inputEnded && insideMember && stream.avail_in == 0 && !failed {
            failed = true
            truncated = true
        }
        if produced == 0 || failed {
            if produced == 0 {
                done = true
                return failed ? -1 : 0
            }
            done = true
        }
        return produced
    }
}
