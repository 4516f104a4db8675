#if canImport(Glibc)
    internal import Glibc
#endif

/// A 64-bit hash over 8-byte words (multiply-xorshift), several times faster than byte-wise FNV for the
/// keys ingest looks up once per line.
struct WordHash {
    var value: UInt64

    init(value: UInt64) {
        self.value = value
    }

    init(of bytes: Bytes) {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else {
            value = h
            return
        }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        value = h &* 0x94D0_49BB_1331_11EB ^ (h >> 27)
    }
}

/// Byte classes for masking, one table lookup per byte.
enum ByteClass {
    static let digit: UInt8 = 1
    static let hexLetter: UInt8 = 2
    static let separator: UInt8 = 4
    static let hyphen: UInt8 = 8
    static let other: UInt8 = 16
    /// Other than `,` and `+`, which numbers may hold.
    static let nonNumeric: UInt8 = 32

    static let table: [UInt8] = (0..<256).map { value in
        let b = UInt8(value)
        if ASCII.isDigit(b) { return digit }
        if (b | 0x20) &- 0x61 < 6 { return hexLetter }
        if b == ASCII.dot || b == ASCII.colon { return separator }
        if b == ASCII.hyphen { return hyphen }
        if b == ASCII.comma || b == 0x2B { return other }
        return other | nonNumeric
    }
}

/// Masks a message into its key: the constant words kept, variable parts (numbers, ids, hashes,
/// addresses, durations) replaced by `<*>`, pod names reduced to their service, and HTTP status codes kept
/// (so a 503 and a 200 stay apart). The key is written into a buffer and hashed as it is written; nothing
/// is allocated.
struct MessageMasker {
    static let maximumTokens = 32
    static let capacity = 4096

    private let buffer: UnsafeMutablePointer<UInt8>
    private(set) var length = 0
    /// A hash of the key, computed once the key is written.
    private(set) var hash = WordHash(value: 0)

    init() {
        buffer = .allocate(capacity: Self.capacity)
    }

    func release() {
        buffer.deallocate()
    }

    var key: Bytes { Bytes(start: buffer, count: length) }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        if length < Self.capacity {
            buffer[length] = byte
            length += 1
        }
    }

    @inline(__always)
    private mutating func put(_ bytes: Bytes) {
        let n = min(bytes.count, Self.capacity - length)
        guard n > 0 else { return }
        (buffer + length).update(from: bytes.baseAddress!, count: n)
        length += n
    }

    @inline(__always)
    private mutating func putWildcard() {
        guard length + 3 <= Self.capacity else { return }
        buffer[length] = ASCII.lessThan
        buffer[length + 1] = 0x2A
        buffer[length + 2] = ASCII.greaterThan
        length += 3
    }

    /// Masks `message` into the key buffer.
    mutating func mask(_ message: Bytes) {
        length = 0
        defer { hash = WordHash(of: key) }
        var index = message.skipSpaces(from: 0)
        var tokens = 0
        var previousStart = -1
        var previousEnd = -1
        while index < message.count {
            let end = message.tokenEnd(from: index)
            if tokens == Self.maximumTokens {
                put(ASCII.space)
                put(0xE2); put(0x80); put(0xA6)  // …
                break
            }
            if tokens > 0 { put(ASCII.space) }
            let previous = previousStart >= 0 ? message.slice(previousStart, previousEnd) : nil
            maskToken(message.slice(index, end), previous: previous)
            tokens += 1
            previousStart = index
            previousEnd = end
            index = message.skipSpaces(from: end)
        }
    }

    private mutating func maskToken(_ token: Bytes, previous: Bytes?) {
        // `key=value`: keep the key.
        if token.count > 1, let found = memchr(token.baseAddress! + 1, Int32(ASCII.equals), token.count - 1) {
            let i = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - token.baseAddress!
            let key = token.slice(0, i)
            put(token.slice(0, i + 1))
            if i + 1 < token.count { maskCore(token.slice(i + 1, token.count), statusContext: Self.isStatusWord(key)) }
            return
        }
        maskCore(token, statusContext: previous.map(Self.isStatusWord) ?? false)
    }

    private mutating func maskCore(_ token: Bytes, statusContext: Bool) {
        var start = 0
        var end = token.count
        while start < end, Self.isOpening(token[start]) { start += 1 }
        while end > start, Self.isClosing(token[end - 1]) { end -= 1 }
        put(token.slice(0, start))
        defer { put(token.slice(end, token.count)) }
        guard start < end else { return }
        let core = token.slice(start, end)

        if statusContext, core.count == 3, ASCII.isDigit(core[0]), ASCII.isDigit(core[1]), ASCII.isDigit(core[2]),
            core[0] >= 0x31, core[0] <= 0x35
        {
            put(core)
            return
        }
        // One branch-free pass to classify the token (see `ByteClass`).
        var digits = 0
        var hexLetters = 0
        var separators = 0
        var hyphens = 0
        var other = 0
        var numericOther = 0
        ByteClass.table.withUnsafeBufferPointer { table in
            for b in core {
                let c = table[Int(b)]
                digits &+= Int(c & ByteClass.digit)
                hexLetters &+= Int((c & ByteClass.hexLetter) >> 1)
                separators &+= Int((c & ByteClass.separator) >> 2)
                hyphens &+= Int((c & ByteClass.hyphen) >> 3)
                other &+= Int((c & ByteClass.other) >> 4)
                numericOther &+= Int((c & ByteClass.nonNumeric) >> 5)
            }
        }
        if digits == 0 {
            put(core)
            return
        }
        if other == 0 && core.count >= 8 {
            // Hex ids (with a digit), UUIDs, IPv4 addresses with or without a port.
            if hexLetters + digits >= 8 && (hexLetters == 0 || separators == 0) {
                putWildcard()
                return
            }
            if hexLetters == 0 && separators >= 3 {
                putWildcard()
                return
            }
        }
        if hyphens > 0, core.count >= 9, let stripped = Self.podStem(core) {
            put(core.slice(0, stripped))
            return
        }
        // A number (with separators, signs, decimal marks).
        if hexLetters == 0 && numericOther == 0 {
            putWildcard()
            return
        }
        var i = 0
        while i < core.count {
            if ASCII.isDigit(core[i]) {
                var j = i
                while j < core.count, ASCII.isDigit(core[j]) { j += 1 }
                if j - i >= 2 {
                    putWildcard()
                } else {
                    put(core[i])
                }
                i = j
            } else {
                put(core[i])
                i += 1
            }
        }
    }

    @inline(__always)
    static func isOpening(_ b: UInt8) -> Bool {
        b == 0x28 || b == ASCII.openBracket || b == ASCII.openBrace || b == ASCII.quote || b == ASCII.apostrophe || b == ASCII.lessThan
    }

    @inline(__always)
    static func isClosing(_ b: UInt8) -> Bool {
        b == 0x29 || b == ASCII.closeBracket || b == ASCII.closeBrace || b == ASCII.quote || b == ASCII.apostrophe || b == ASCII.comma
            || b == 0x3B || b == ASCII.colon || b == ASCII.dot || b == ASCII.greaterThan
    }

    /// `status`, `code`, `returned`, `HTTP/1.1"`…: words after which a 3-digit number is a status code.
    static func isStatusWord(_ word: Bytes) -> Bool {
        guard word.count >= 4, word.count <= 12 else { return false }
        switch word[0] | 0x20 {
        case 0x73, 0x63, 0x72, 0x68: break  // s, c, r, h
        default: return false
        }
        var w = word
        while let last = w.last, last == ASCII.quote || last == ASCII.colon || last == ASCII.equals { w = w.slice(0, w.count - 1) }
        if w.count >= 6, w[0] | 0x20 == 0x68, w[1] | 0x20 == 0x74, w[2] | 0x20 == 0x74, w[3] | 0x20 == 0x70, w[4] == ASCII.slash {
            return true  // HTTP/1.1, HTTP/2
        }
        return w.equalsIgnoringCase("status") || w.equalsIgnoringCase("code") || w.equalsIgnoringCase("returned")
            || w.equalsIgnoringCase("status_code") || w.equalsIgnoringCase("statuscode") || w.equalsIgnoringCase("response")
            || w.equalsIgnoringCase("http") || w.equalsIgnoringCase("responded") || w.equalsIgnoringCase("status.code")
    }

    /// Hex ids of 8 or more characters with a digit, UUIDs, and IPv4 addresses with or without a port.
    static func isIdentifier(_ core: Bytes) -> Bool {
        guard core.count >= 7 else { return false }
        var digits = 0
        var hexLetters = 0
        var separators = 0
        for b in core {
            if ASCII.isDigit(b) {
                digits += 1
            } else if (b | 0x20) &- 0x61 < 6 {
                hexLetters += 1
            } else if b == ASCII.dot || b == ASCII.colon {
                separators += 1
            } else if b != ASCII.hyphen {
                return false
            }
        }
        if digits > 0 && core.count >= 8 && hexLetters + digits >= 8 && (hexLetters == 0 || separators == 0) { return true }
        return hexLetters == 0 && digits > 0 && separators >= 3
    }

    /// The length of a pod name's service stem (`payments-worker-7d9f8c6b5-x2x4q` → `payments-worker`), or
    /// nil when the token does not end in Kubernetes-generated suffixes.
    static func podStem(_ core: Bytes) -> Int? {
        guard core.count >= 9 else { return nil }
        var dashes: [Int] = []
        for i in stride(from: core.count - 1, through: 1, by: -1) where core[i] == ASCII.hyphen {
            dashes.append(i)
            if dashes.count == 2 { break }
        }
        guard let last = dashes.first else { return nil }
        let podLength = core.count - last - 1
        guard (4...5).contains(podLength), isKubernetesHash(core.slice(last + 1, core.count)) else { return nil }
        if dashes.count == 2 {
            let replicaSet = core.slice(dashes[1] + 1, last)
            if (5...10).contains(replicaSet.count), isKubernetesHash(replicaSet),
                replicaSet.count >= 8 || hasDigit(replicaSet) || hasDigit(core.slice(last + 1, core.count)), dashes[1] >= 2
            {
                return dashes[1]
            }
        }
        let pod = core.slice(last + 1, core.count)
        if podLength == 5, hasDigit(pod), pod.contains(where: ASCII.isLetter), last >= 2 { return last }
        return nil
    }

    private static func isKubernetesHash(_ bytes: Bytes) -> Bool {
        for b in bytes {
            switch b {
            case 0x62, 0x63, 0x64, 0x66, 0x67, 0x68, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x70, 0x71, 0x72, 0x73, 0x74, 0x76,
                0x77, 0x78, 0x7A, 0x32, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39:
                continue
            default:
                return false
            }
        }
        return true
    }

    private static func hasDigit(_ bytes: Bytes) -> Bool {
        bytes.contains(where: ASCII.isDigit)
    }
}
