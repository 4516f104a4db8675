internal import CCausewayBytes

/// Reads one JSON object from bytes and offers each string and number field (nested objects flattened
/// to dotted, lower-case paths) to ``StructuredFields``. Arrays are skipped. Nothing is allocated per
/// line: the path is built in a fixed buffer and values are byte ranges.
struct JSONFieldScanner {
    /// Settable only so that the parser can pass it by address (`inout`) rather than copy it per line.
    var fields = StructuredFields()
    private var path = [UInt8](repeating: 0, count: 256)
    private var pathLength = 0
    /// ``FieldNames/shortNames``, held so that each field does not pass through the global's initialiser.
    private let names = FieldNames.shortNames
    /// Top-level keys that mark whole documents rather than log records (`resourceLogs`, `items`, ...).
    private(set) var sawDocumentKey = false

    /// True when `line` is one well-formed JSON object.
    mutating func scan(_ line: Bytes) -> Bool {
        fields.reset()
        pathLength = 0
        sawDocumentKey = false
        var index = 0
        guard parseObject(line, &index, depth: 0) else { return false }
        index = line.skipSpaces(from: index)
        return index == line.count
    }

    private mutating func parseObject(_ b: Bytes, _ i: inout Int, depth: Int) -> Bool {
        i = b.skipSpaces(from: i)
        guard i < b.count, b[i] == ASCII.openBrace else { return false }
        i += 1
        i = b.skipSpaces(from: i)
        if i < b.count, b[i] == ASCII.closeBrace {
            i += 1
            return true
        }
        while true {
            i = b.skipSpaces(from: i)
            guard i < b.count, b[i] == ASCII.quote, let key = parseString(b, &i) else { return false }
            i = b.skipSpaces(from: i)
            guard i < b.count, b[i] == ASCII.colon else { return false }
            i += 1
            i = b.skipSpaces(from: i)
            guard i < b.count else { return false }
            let saved = pathLength
            let c = b[i]
            if c == ASCII.quote {
                guard let value = parseString(b, &i) else { return false }
                offer(b, key, value: value)
            } else if c == ASCII.openBrace {
                appendPath(b, key)
                if depth >= 6 {
                    guard skipValue(b, &i) else { return false }
                } else {
                    guard parseObject(b, &i, depth: depth + 1) else { return false }
                }
            } else if c == ASCII.openBracket {
                if depth == 0 { noteDocumentKey(b, key) }
                guard skipValue(b, &i) else { return false }
            } else {
                let start = i
                while i < b.count, b[i] != ASCII.comma, b[i] != ASCII.closeBrace, !ASCII.isSpace(b[i]) { i += 1 }
                guard i > start else { return false }
                offer(b, key, value: FieldValue(start: start, end: i, escaped: false))
            }
            pathLength = saved
            i = b.skipSpaces(from: i)
            guard i < b.count else { return false }
            if b[i] == ASCII.comma {
                i += 1
                continue
            }
            if b[i] == ASCII.closeBrace {
                i += 1
                return true
            }
            return false
        }
    }

    /// Offers a string or number field named `key` under the current path. A top-level name of up to eight
    /// bytes (the usual `ts`, `level`, `msg`) is looked up straight from the line; any other is first
    /// written into the path buffer.
    @inline(__always)
    private mutating func offer(_ b: Bytes, _ key: FieldValue, value: FieldValue) {
        let length = key.end - key.start
        if pathLength == 0, length >= 1, length <= 8 {
            fields.offer(shortName: key.start, length: length, in: b, names: names, value: value)
            return
        }
        let saved = pathLength
        appendPath(b, key)
        fields.offer(path: currentPath(), value: value)
        pathLength = saved
    }

    private mutating func noteDocumentKey(_ b: Bytes, _ key: FieldValue) {
        let name = b.slice(key.start, key.end)
        if name.equalsIgnoringCase("resourceLogs") || name.equalsIgnoringCase("resourceSpans") || name.equalsIgnoringCase("items")
            || name.equalsIgnoringCase("data") || name.equalsIgnoringCase("values")
        {
            sawDocumentKey = true
        }
    }

    /// A string at `i` (on its opening quote); leaves `i` after the closing quote.
    private func parseString(_ b: Bytes, _ i: inout Int) -> FieldValue? {
        i += 1
        let start = i
        var escaped = false
        guard let base = b.baseAddress else { return nil }
        while i < b.count {
            // The next quote or backslash, sixteen bytes at a time.
            i = causeway_find_either(base, i, b.count, ASCII.quote, ASCII.backslash)
            guard i < b.count else { break }
            if b[i] == ASCII.backslash {
                escaped = true
                i += 2
                continue
            }
            let value = FieldValue(start: start, end: i, escaped: escaped)
            i += 1
            return value
        }
        return nil
    }

    /// Skips any value (nested arrays and objects, strings with escapes).
    private func skipValue(_ b: Bytes, _ i: inout Int) -> Bool {
        var depth = 0
        while i < b.count {
            let c = b[i]
            if c == ASCII.quote {
                guard parseString(b, &i) != nil else { return false }
                if depth == 0 { return true }
                continue
            }
            if c == ASCII.openBrace || c == ASCII.openBracket {
                depth += 1
            } else if c == ASCII.closeBrace || c == ASCII.closeBracket {
                depth -= 1
                if depth == 0 {
                    i += 1
                    return true
                }
                if depth < 0 { return false }
            } else if depth == 0 && (c == ASCII.comma) {
                return true
            }
            i += 1
        }
        return depth == 0
    }

    private mutating func appendPath(_ b: Bytes, _ key: FieldValue) {
        var length = pathLength
        path.withUnsafeMutableBufferPointer { path in
            if length > 0, length < path.count {
                path[length] = ASCII.dot
                length += 1
            }
            for j in key.start..<key.end where length < path.count {
                path[length] = ASCII.lower(b[j])
                length += 1
            }
        }
        pathLength = length
    }

    private func currentPath() -> Bytes {
        path.withUnsafeBufferPointer { Bytes(start: $0.baseAddress, count: pathLength) }
    }

    /// Decodes JSON escapes (`\n`, `\"`, `\uXXXX` with surrogate pairs) into `scratch`; invalid escapes are
    /// kept as written.
    static func unescape(_ raw: Bytes, into scratch: UnsafeMutablePointer<UInt8>, capacity: Int) -> Bytes {
        var out = 0
        var i = 0
        func put(_ byte: UInt8) {
            if out < capacity {
                scratch[out] = byte
                out += 1
            }
        }
        func putScalar(_ value: UInt32) {
            guard let scalar = Unicode.Scalar(value) else {
                put(0xEF); put(0xBF); put(0xBD)
                return
            }
            for unit in String(Character(scalar)).utf8 { put(unit) }
        }
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= raw.count else { return nil }
            var value: UInt32 = 0
            for k in at..<(at + 4) {
                let c = raw[k]
                let digit: UInt32
                switch c {
                case 0x30...0x39: digit = UInt32(c - 0x30)
                case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
                case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
                default: return nil
                }
                value = value << 4 | digit
            }
            return value
        }
        while i < raw.count {
            let c = raw[i]
            guard c == ASCII.backslash, i + 1 < raw.count else {
                put(c)
                i += 1
                continue
            }
            let e = raw[i + 1]
            switch e {
            case 0x6E: put(ASCII.newline); i += 2
            case 0x74: put(ASCII.tab); i += 2
            case 0x72: put(ASCII.carriageReturn); i += 2
            case 0x62, 0x66: put(ASCII.space); i += 2
            case 0x75:
                guard var value = hex4(i + 2) else {
                    put(c)
                    i += 1
                    continue
                }
                i += 6
                if (0xD800...0xDBFF).contains(value), i + 1 < raw.count, raw[i] == ASCII.backslash, raw[i + 1] == 0x75,
                    let low = hex4(i + 2), (0xDC00...0xDFFF).contains(low)
                {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                putScalar(value)
            default: put(e); i += 2
            }
        }
        return Bytes(start: scratch, count: out)
    }
}

/// Reads `key=value key="quoted \"value\""` pairs; nil unless there are two pairs or more, one of them a
/// message and one a level or time.
enum LogfmtScanner {
    static func scan(_ line: Bytes) -> StructuredFields? {
        // The lower-cased key of each pair, on the stack.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { keyBuffer in scan(line, keyBuffer: keyBuffer) }
    }

    private static func scan(_ line: Bytes, keyBuffer: UnsafeMutableBufferPointer<UInt8>) -> StructuredFields? {
        var fields = StructuredFields()
        let names = FieldNames.shortNames
        var pairs = 0
        var i = 0
        while i < line.count {
            i = line.skipSpaces(from: i)
            let keyStart = i
            // The key ends at the first `=`, space or tab, sixteen bytes at a time.
            if i < line.count { i = causeway_find_any3(line.baseAddress!, i, line.count, ASCII.equals, ASCII.space, ASCII.tab) }
            guard i < line.count, line[i] == ASCII.equals, i > keyStart, i - keyStart <= 64 else {
                i = line.tokenEnd(from: i)
                continue
            }
            let keyLength = i - keyStart
            // A key of up to eight bytes is looked up straight from the line (see `StructuredFields`).
            let shortKey = keyLength <= 8
            if !shortKey {
                for k in 0..<keyLength { keyBuffer[k] = ASCII.lower(line[keyStart + k]) }
            }
            i += 1
            var value: FieldValue
            if i < line.count, line[i] == ASCII.quote {
                i += 1
                let start = i
                var escaped = false
                while i < line.count {
                    // The next quote or backslash, sixteen bytes at a time.
                    i = causeway_find_either(line.baseAddress!, i, line.count, ASCII.quote, ASCII.backslash)
                    guard i < line.count, line[i] == ASCII.backslash else { break }
                    escaped = true
                    i += 2
                }
                value = FieldValue(start: start, end: min(i, line.count), escaped: escaped)
                if i < line.count { i += 1 }
            } else {
                let start = i
                i = line.tokenEnd(from: i)
                value = FieldValue(start: start, end: i, escaped: false)
            }
            pairs += 1
            if shortKey {
                fields.offer(shortName: keyStart, length: keyLength, in: line, names: names, value: value)
            } else {
                fields.offer(path: Bytes(start: keyBuffer.baseAddress, count: keyLength), value: value)
            }
        }
        guard pairs >= 2, fields.message != nil, fields.level != nil || fields.time != nil else { return nil }
        return fields
    }
}
