internal import CCausewayBytes

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Helpers on a line's bytes. Ingest works on UTF-8 bytes, not `String`s, so that a million lines cost
/// no allocations beyond what the templates keep.
typealias Bytes = UnsafeBufferPointer<UInt8>

enum ASCII {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let quote: UInt8 = 0x22
    static let apostrophe: UInt8 = 0x27
    static let backslash: UInt8 = 0x5C
    static let equals: UInt8 = 0x3D
    static let colon: UInt8 = 0x3A
    static let hash: UInt8 = 0x23
    static let comma: UInt8 = 0x2C
    static let pipe: UInt8 = 0x7C
    static let openBracket: UInt8 = 0x5B
    static let closeBracket: UInt8 = 0x5D
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let lessThan: UInt8 = 0x3C
    static let greaterThan: UInt8 = 0x3E
    static let hyphen: UInt8 = 0x2D
    static let underscore: UInt8 = 0x5F
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inline(__always) static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes from `start` to `end`.
    @inline(__always)
    func slice(_ start: Int, _ end: Int) -> Bytes {
        Bytes(rebasing: self[start..<end])
    }

    /// The first index at or after `start` whose byte is not a space or tab.
    @inline(__always)
    func skipSpaces(from start: Int) -> Int {
        var i = start
        while i < count, ASCII.isSpace(self[i]) { i += 1 }
        return i
    }

    /// The end of the token that starts at `start` (the next space or tab, or the end).
    @inline(__always)
    func tokenEnd(from start: Int) -> Int {
        guard start < count, let base = baseAddress else { return start }
        return causeway_find_either(base, start, count, ASCII.space, ASCII.tab)
    }

    /// Whether the bytes equal `literal`, comparing ASCII letters without case.
    func equalsIgnoringCase(_ literal: StaticString) -> Bool {
        guard count == literal.utf8CodeUnitCount else { return false }
        let other = literal.utf8Start
        for i in 0..<count where ASCII.lower(self[i]) != ASCII.lower(other[i]) { return false }
        return true
    }

    /// Whether the bytes start with `literal` (exact case).
    func hasPrefix(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard count >= n else { return false }
        let other = literal.utf8Start
        for i in 0..<n where self[i] != other[i] { return false }
        return true
    }

    /// Whether the bytes end with `literal` (exact case).
    func hasSuffix(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard count >= n else { return false }
        let other = literal.utf8Start
        for i in 0..<n where self[count - n + i] != other[i] { return false }
        return true
    }

    /// The index where `literal` (exact case) first occurs at or after `start` and starts before `limit`, or nil.
    func firstIndex(of literal: StaticString, from start: Int = 0, before limit: Int = .max) -> Int? {
        let n = literal.utf8CodeUnitCount
        let end = Swift.min(count, limit == .max ? count : limit + n)
        guard n > 0, start >= 0, end - start >= n, let base = baseAddress else { return nil }
        let needle = literal.utf8Start
        var i = start
        while i <= end - n {
            guard let hit = memchr(base + i, Int32(needle[0]), end - n + 1 - i) else { return nil }
            let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
            if bytesEqual(base + at, needle, n) { return at }
            i = at + 1
        }
        return nil
    }

    /// The bytes as a `String`, repairing invalid UTF-8.
    var string: String { String(decoding: self, as: UTF8.self) }
}

/// Words written one after another into a scratch buffer, a space between two, each with an optional prefix
/// (`GET /cart 503 upstream orders-api`): an access record's message, written from its fields.
struct ScratchWords {
    let buffer: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private(set) var length = 0

    init(buffer: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.buffer = buffer
        self.capacity = capacity
    }

    /// Appends `prefix` and `text`, unless `text` is empty or would not fit.
    mutating func append(_ text: Bytes, prefix: StaticString = "") {
        let p = prefix.utf8CodeUnitCount
        guard text.count > 0, length + p + text.count + 1 <= capacity else { return }
        if length > 0 {
            buffer[length] = ASCII.space
            length += 1
        }
        if p > 0 {
            (buffer + length).update(from: prefix.utf8Start, count: p)
            length += p
        }
        (buffer + length).update(from: text.baseAddress!, count: text.count)
        length += text.count
    }

    var bytes: Bytes { Bytes(start: buffer, count: length) }
}

/// Copies `count` bytes between buffers that do not overlap; a short run (the usual token) is copied with
/// two overlapping loads and stores instead of a call into libc.
@inline(__always)
func copyBytes(_ destination: UnsafeMutablePointer<UInt8>, _ source: UnsafePointer<UInt8>, _ count: Int) {
    let d = UnsafeMutableRawPointer(destination)
    let s = UnsafeRawPointer(source)
    switch count {
    case ..<1:
        return
    case 1:
        destination[0] = source[0]
    case 2...3:
        let a = s.loadUnaligned(as: UInt16.self)
        let b = s.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)
        d.storeBytes(of: a, as: UInt16.self)
        d.storeBytes(of: b, toByteOffset: count - 2, as: UInt16.self)
    case 4...7:
        let a = s.loadUnaligned(as: UInt32.self)
        let b = s.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        d.storeBytes(of: a, as: UInt32.self)
        d.storeBytes(of: b, toByteOffset: count - 4, as: UInt32.self)
    case 8...16:
        let a = s.loadUnaligned(as: UInt64.self)
        let b = s.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        d.storeBytes(of: a, as: UInt64.self)
        d.storeBytes(of: b, toByteOffset: count - 8, as: UInt64.self)
    default:
        d.copyMemory(from: s, byteCount: count)
    }
}

/// Whether the `count` bytes at `a` and at `b` are the same. Keys of up to 64 bytes (the usual masked key
/// or service name) are compared eight bytes at a time in line, the last word overlapping the one before,
/// which is cheaper than a call into the C library for so few bytes; longer ones with `memcmp`.
@inline(__always)
func bytesEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    let x = UnsafeRawPointer(a)
    let y = UnsafeRawPointer(b)
    switch count {
    case ..<1:
        return true
    case 1...3:
        for i in 0..<count where a[i] != b[i] { return false }
        return true
    case 4...7:
        return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
            && x.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
    case 8...64:
        var i = 0
        while i + 8 < count {
            if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        return x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    default:
        return memcmp(a, b, count) == 0
    }
}

/// FNV-1a, 64 bits: a fast, stable hash for byte keys.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    mutating func add(_ bytes: Bytes) {
        for byte in bytes { add(byte) }
    }

    static func hash(_ bytes: Bytes) -> UInt64 {
        var h = FNV1a()
        h.add(bytes)
        return h.value
    }
}
