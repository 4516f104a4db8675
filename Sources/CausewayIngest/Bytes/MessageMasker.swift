internal import CCausewayBytes

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
        // The last 0 to 7 bytes, little-endian: the last eight bytes shifted down when there are eight,
        // else a 4-, 2- and 1-byte load.
        var tail: UInt64 = 0
        let rest = bytes.count - i
        if rest > 0 {
            if bytes.count >= 8 {
                tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self) >> UInt64(64 - 8 * rest)
            } else {
                var shift: UInt64 = 0
                if rest & 4 != 0 {
                    tail = UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                    i += 4
                    shift = 32
                }
                if rest & 2 != 0 {
                    tail |= UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt16.self)) << shift
                    i += 2
                    shift += 16
                }
                if rest & 1 != 0 { tail |= UInt64(raw.load(fromByteOffset: i, as: UInt8.self)) << shift }
            }
        }
        h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        value = h &* 0x94D0_49BB_1331_11EB ^ (h >> 27)
    }
}

extension UInt64 {
    /// Rotated left by `k` bits (0 < k < 64).
    @inline(__always)
    func rotated(_ k: UInt64) -> UInt64 { (self &<< k) | (self &>> (64 &- k)) }
}

/// Byte classes for masking, counted for a whole token in one pass: each byte's entry adds one to the
/// 10-bit lane of every class the byte belongs to, so a token of up to ``ByteClass/chunk`` bytes is
/// classified with one load and one add per byte.
enum ByteClass {
    static let digit: UInt64 = 1
    static let hexLetter: UInt64 = 1 << 10
    static let separator: UInt64 = 1 << 20
    static let hyphen: UInt64 = 1 << 30
    static let other: UInt64 = 1 << 40
    /// Other than `,` and `+`, which numbers may hold.
    static let nonNumeric: UInt64 = 1 << 50
    /// Bytes counted before the lanes are unpacked (a lane holds 1023).
    static let chunk = 1023

    /// Written once, read only after (hence safe to share).
    nonisolated(unsafe) static let table: UnsafePointer<UInt64> = {
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 256)
        for value in 0..<256 {
            let b = UInt8(value)
            if ASCII.isDigit(b) {
                table[value] = digit
            } else if (b | 0x20) &- 0x61 < 6 {
                table[value] = hexLetter
            } else if b == ASCII.dot || b == ASCII.colon {
                table[value] = separator
            } else if b == ASCII.hyphen {
                table[value] = hyphen
            } else if b == ASCII.comma || b == 0x2B {
                table[value] = other
            } else {
                table[value] = other | nonNumeric
            }
        }
        return UnsafePointer(table)
    }()

    /// How many bytes of a token fall in each class.
    struct Counts {
        var digits = 0
        var hexLetters = 0
        var separators = 0
        var hyphens = 0
        var other = 0
        var numericOther = 0

        @inline(__always)
        init(_ bytes: Bytes, table: UnsafePointer<UInt64>) {
            if bytes.count <= ByteClass.chunk, let base = bytes.baseAddress {
                // The usual token: one pass, no chunking.
                var packed: UInt64 = 0
                for i in 0..<bytes.count { packed &+= table[Int(base[i])] }
                digits = Int(packed & 0x3FF)
                hexLetters = Int((packed >> 10) & 0x3FF)
                separators = Int((packed >> 20) & 0x3FF)
                hyphens = Int((packed >> 30) & 0x3FF)
                other = Int((packed >> 40) & 0x3FF)
                numericOther = Int((packed >> 50) & 0x3FF)
                return
            }
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + ByteClass.chunk)
                var packed: UInt64 = 0
                for i in start..<end { packed &+= table[Int(bytes[i])] }
                digits &+= Int(packed & 0x3FF)
                hexLetters &+= Int((packed >> 10) & 0x3FF)
                separators &+= Int((packed >> 20) & 0x3FF)
                hyphens &+= Int((packed >> 30) & 0x3FF)
                other &+= Int((packed >> 40) & 0x3FF)
                numericOther &+= Int((packed >> 50) & 0x3FF)
                start = end
            }
        }
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
    /// ``ByteClass/table``, held here so the hot loop does not pass through the global's lazy initialiser.
    private let classes: UnsafePointer<UInt64>
    private(set) var length = 0
    /// A hash of the key, computed once the key is written.
    private(set) var hash = WordHash(value: 0)

    init() {
        buffer = .allocate(capacity: Self.capacity)
        classes = ByteClass.table
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
        copyBytes(buffer + length, bytes.baseAddress!, n)
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
        var index = message.skipSpaces(from: 0)
        var tokens = 0
        var previousStart = -1
        var previousEnd = -1
        let count = message.count
        guard let base = message.baseAddress else {
            hash = WordHash(value: Self.keyHash(key))
            return
        }
        while index < count {
            // The token's end, and whether it holds a digit: a token without one is kept as it is.
            var digitFlags: Int32 = 0
            let end = causeway_token_end(base, index, count, &digitFlags)
            if tokens == Self.maximumTokens {
                put(ASCII.space)
                put(0xE2); put(0x80); put(0xA6)  // …
                break
            }
            if tokens > 0 { put(ASCII.space) }
            if digitFlags & Int32(causeway_token_all_digits) != 0 {
                let previous = previousStart >= 0 ? message.slice(previousStart, previousEnd) : nil
                maskNumber(message.slice(index, end), previous: previous)
            } else if digitFlags & Int32(causeway_token_has_digit) != 0 {
                let previous = previousStart >= 0 ? message.slice(previousStart, previousEnd) : nil
                maskToken(in: message, index, end, previous: previous)
            } else {
                put(message.slice(index, end))
            }
            tokens += 1
            previousStart = index
            previousEnd = end
            index = message.skipSpaces(from: end)
        }
        hash = WordHash(value: Self.keyHash(key))
    }

    /// The hash of a key for the job's key table, which only places keys (it compares their bytes): two
    /// lanes of eight bytes a step, each a multiply and a rotation, the last sixteen bytes read overlapping the
    /// step before, then a full mix. About half the work of ``WordHash`` for the usual key of 30 to 60 bytes.
    @inline(__always)
    static func keyHash(_ key: Bytes) -> UInt64 {
        let n = key.count
        var a: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: n)
        var b: UInt64 = 0x1319_8A2E_0370_7344
        if let base = key.baseAddress, n > 0 {
            let raw = UnsafeRawPointer(base)
            if n >= 16 {
                var i = 0
                while i + 16 < n {
                    a = ((a ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15).rotated(31)
                    b = ((b ^ raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* 0xC2B2_AE3D_27D4_EB4F).rotated(29)
                    i += 16
                }
                a ^= raw.loadUnaligned(fromByteOffset: n - 16, as: UInt64.self)
                b ^= raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if n >= 8 {
                a ^= raw.loadUnaligned(as: UInt64.self)
                b ^= raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 {
                a ^= UInt64(raw.loadUnaligned(as: UInt32.self))
                b ^= UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            } else {
                a ^= UInt64(base[0]) | UInt64(base[n / 2]) << 8 | UInt64(base[n - 1]) << 16
            }
        }
        var h = (a &* 0xBF58_476D_1CE4_E5B9) ^ (b &* 0x94D0_49BB_1331_11EB).rotated(32)
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }

    /// Masks a token of digits alone, as ``maskToken(in:_:_:previous:)`` would (it holds no `=`, no
    /// punctuation and nothing but digits): a status code after a status word is kept, any other number
    /// becomes `<*>`.
    @inline(__always)
    private mutating func maskNumber(_ token: Bytes, previous: Bytes?) {
        if Self.isStatusCode(token), let previous, Self.isStatusWord(previous) {
            put(token)
        } else {
            putWildcard()
        }
    }

    /// Three digits, the first 1 to 5: what a status code looks like.
    @inline(__always)
    static func isStatusCode(_ core: Bytes) -> Bool {
        core.count == 3 && ASCII.isDigit(core[0]) && ASCII.isDigit(core[1]) && ASCII.isDigit(core[2]) && core[0] >= 0x31 && core[0] <= 0x35
    }

    /// Masks the token at `start..<end` of `message`; `previous` is the token before it (a status word there
    /// makes a 3-digit core a status code).
    @inline(__always)
    private mutating func maskToken(in message: Bytes, _ start: Int, _ end: Int, previous: Bytes?) {
        let token = message.slice(start, end)
        // `key=value`: keep the key. The search is given the message from its start, so that a short token
        // late in it is searched with one block read inside the message.
        let n = token.count
        let i = n > 1 ? causeway_find_either(message.baseAddress!, start + 1, end, ASCII.equals, ASCII.equals) - start : n
        if i < n {
            put(token.slice(0, i + 1))
            guard i + 1 < n else { return }
            let value = token.slice(i + 1, n)
            if Self.isNumber(value) {
                // `retries=3`, `code=503`: what `maskCore` makes of digits alone (no punctuation to strip, no
                // other class), taken the short way: a status code after a status word is kept, else `<*>`.
                if Self.isStatusCode(value), Self.isStatusWord(token.slice(0, i)) { put(value) } else { putWildcard() }
                return
            }
            if Self.isDottedNumber(value) || Self.isHexIdentifier(value) {
                putWildcard()
                return
            }
            if maskMeasure(value) { return }
            maskCore(value, statusWord: token.slice(0, i))
            return
        }
        if Self.isDottedNumber(token) || Self.isHexIdentifier(token) {
            putWildcard()
            return
        }
        if maskMeasure(token) { return }
        maskCore(token, statusWord: previous)
    }

    /// Digits with `.` or `:` among them, ending in a digit (`0.25`, `10.0.0.1:8080`): `maskCore` strips
    /// nothing from it (it ends in a digit; neither byte opens), it is no status code (it holds a separator),
    /// and its bytes are all digits and separators, which `maskInner` masks whole (as an address, or else as
    /// a number). So `<*>`.
    @inline(__always)
    static func isDottedNumber(_ bytes: Bytes) -> Bool {
        guard let last = bytes.last, ASCII.isDigit(last) else { return false }
        var separators = 0
        for b in bytes {
            if ASCII.isDigit(b) { continue }
            guard b == ASCII.dot || b == ASCII.colon else { return false }
            separators += 1
        }
        return separators > 0
    }

    /// Eight or more hex digits, at least one of them a digit (`6cb984dc7e39793f`): nothing to strip, no
    /// status code, and `maskInner` masks it whole as a hex id. So `<*>`.
    @inline(__always)
    static func isHexIdentifier(_ bytes: Bytes) -> Bool {
        guard bytes.count >= 8 else { return false }
        var digit = false
        for b in bytes {
            if ASCII.isDigit(b) {
                digit = true
            } else if (b | 0x20) &- 0x61 >= 6 {
                return false
            }
        }
        return digit
    }

    /// Digits alone (at least one).
    @inline(__always)
    static func isNumber(_ bytes: Bytes) -> Bool {
        guard !bytes.isEmpty else { return false }
        for b in bytes where !ASCII.isDigit(b) { return false }
        return true
    }

    /// A measure (`312ms`, `5s`, `10kb`): digits, then lower-case letters. Written as `maskCore` would write
    /// it (nothing to strip, not a status code, no hyphen, a letter that is no number's): the digits as
    /// `<*>` (one digit kept), then the letters. A token of eight bytes or more whose letters are all `a` to
    /// `f` is left to `maskCore`, which masks it whole as a hex id. Returns false, writing nothing, for any
    /// other token.
    @inline(__always)
    private mutating func maskMeasure(_ token: Bytes) -> Bool {
        let n = token.count
        var digits = 0
        while digits < n, ASCII.isDigit(token[digits]) { digits += 1 }
        guard digits >= 1, digits < n else { return false }
        var beyondHex = false
        for k in digits..<n {
            let b = token[k]
            guard ASCII.isLower(b) else { return false }
            if b > 0x66 { beyondHex = true }
        }
        if n >= 8 && !beyondHex { return false }
        if digits >= 2 { putWildcard() } else { put(token[0]) }
        put(token.slice(digits, n))
        return true
    }

    /// Masks a token without its `key=`: opening and closing punctuation kept, the core masked. A 3-digit
    /// core after `statusWord` (when that is a status word) is kept as a status code.
    @inline(__always)
    private mutating func maskCore(_ token: Bytes, statusWord: Bytes?) {
        var start = 0
        var end = token.count
        while start < end, Self.isOpening(token[start]) { start += 1 }
        while end > start, Self.isClosing(token[end - 1]) { end -= 1 }
        put(token.slice(0, start))
        if start < end { maskInner(token.slice(start, end), statusWord: statusWord) }
        put(token.slice(end, token.count))
    }

    private mutating func maskInner(_ core: Bytes, statusWord: Bytes?) {
        if Self.isStatusCode(core), let statusWord, Self.isStatusWord(statusWord) {
            put(core)
            return
        }
        // One pass to classify the token (see `ByteClass`).
        let counts = ByteClass.Counts(core, table: classes)
        let digits = counts.digits
        let hexLetters = counts.hexLetters
        let separators = counts.separators
        if digits == 0 {
            put(core)
            return
        }
        if counts.other == 0 && core.count >= 8 {
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
        if counts.hyphens > 0, core.count >= 9, let stripped = Self.podStem(core) {
            put(core.slice(0, stripped))
            return
        }
        // A number (with separators, signs, decimal marks).
        if hexLetters == 0 && counts.numericOther == 0 {
            putWildcard()
            return
        }
        // Runs of two digits or more become `<*>`; the bytes between them are copied a run at a time.
        var i = 0
        let n = core.count
        while i < n {
            var j = i
            while j < n, !ASCII.isDigit(core[j]) { j += 1 }
            if j > i { put(core.slice(i, j)) }
            guard j < n else { break }
            var k = j
            while k < n, ASCII.isDigit(core[k]) { k += 1 }
            if k - j >= 2, k == n, Self.isSourceLocation(core, lineAt: j) {
                // A source line (`c.f.BasicServiceImpl#459`, `Handler.java:88`) names the statement that
                // logged: the same for every line it writes, and two statements are two events.
                put(core.slice(j, k))
            } else if k - j >= 2 {
                putWildcard()
            } else {
                put(core[j])
            }
            i = k
        }
    }

    /// Whether the digits from `line` to the end of `core` are a source line number: they follow `#` or `:`
    /// after a dotted name whose last part is a class (`c.f.BasicServiceImpl#459`, `o.a.Foo:12`) or a
    /// source file's extension (`Handler.java:88`, `main.go:42`).
    static func isSourceLocation(_ core: Bytes, lineAt line: Int) -> Bool {
        guard line >= 3, core[line - 1] == ASCII.hash || core[line - 1] == ASCII.colon else { return false }
        let nameEnd = line - 1
        var dot = nameEnd - 1
        while dot >= 0, core[dot] != ASCII.dot {
            let b = core[dot]
            guard ASCII.isAlphanumeric(b) || b == ASCII.underscore || b == 0x24 else { return false }  // `$` of inner classes
            dot -= 1
        }
        guard dot > 0, dot + 1 < nameEnd else { return false }
        let last = core.slice(dot + 1, nameEnd)
        if ASCII.isUpper(last[0]) { return true }
        guard core[line - 1] == ASCII.colon, last.count <= 6 else { return false }
        var word: UInt64 = 0
        for b in last { word = word << 8 | UInt64(ASCII.lower(b)) }
        return sourceExtensions.contains(word)
    }

    /// Source files' extensions, each packed big-endian into an integer.
    static let sourceExtensions: Set<UInt64> = Set(
        ["java", "kt", "scala", "groovy", "go", "py", "rb", "js", "mjs", "ts", "cs", "swift", "c", "cc", "cpp", "h", "hpp", "rs",
         "php", "ex", "exs", "erl", "clj", "fs", "vb", "m", "lua", "pl", "dart"].map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

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
        // The last two dashes (index 1 or later), last first.
        var last = -1
        var secondLast = -1
        var i = core.count - 1
        while i >= 1 {
            if core[i] == ASCII.hyphen {
                if last < 0 {
                    last = i
                } else {
                    secondLast = i
                    break
                }
            }
            i -= 1
        }
        guard last >= 0 else { return nil }
        let podLength = core.count - last - 1
        guard (4...5).contains(podLength), isKubernetesHash(core.slice(last + 1, core.count)) else { return nil }
        if secondLast >= 0 {
            let replicaSet = core.slice(secondLast + 1, last)
            if (5...10).contains(replicaSet.count), isKubernetesHash(replicaSet),
                replicaSet.count >= 8 || hasDigit(replicaSet) || hasDigit(core.slice(last + 1, core.count)), secondLast >= 2
            {
                return secondLast
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
