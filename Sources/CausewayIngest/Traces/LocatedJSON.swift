/// A JSON value that remembers the line each object starts on, so that what is read from a document can
/// cite `file:line` like a log line.
///
/// Trace exports are single documents of many megabytes; Foundation's parser gives no positions and gives
/// up on the first fault. This recursive-descent parser (RFC 8259) records every object's line and, when a
/// document is cut short or damaged, keeps what it read before the fault — closing the open arrays and
/// objects — and says where the fault is.
indirect enum LocatedJSON: Sendable {
    case object(Object)
    case array([LocatedJSON])
    case string(String)
    /// The number as written, so that 19-digit nanosecond times keep every digit.
    case number(String)
    case bool(Bool)
    case null

    /// An object's fields in document order, and the line of its `{`.
    struct Object: Sendable {
        var line: Int
        var fields: [(key: String, value: LocatedJSON)]

        /// The first field named `key`.
        /// - Complexity: O(f) for f fields; objects in trace exports hold a handful.
        subscript(key: String) -> LocatedJSON? {
            fields.first { $0.key == key }?.value
        }
    }

    var object: Object? {
        if case .object(let value) = self { return value }
        return nil
    }

    var array: [LocatedJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The text of a string, or of a number or boolean (exporters write ids and times either way).
    var text: String? {
        switch self {
        case .string(let value), .number(let value): value
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    var integer: Int64? {
        guard let text else { return nil }
        if let value = Int64(text) { return value }
        if let value = Double(text), value.isFinite, abs(value) < 9.2e18 { return Int64(value) }
        return nil
    }

    subscript(key: String) -> LocatedJSON? { object?[key] }
}

/// Parses a sequence of JSON values (one document, or JSON lines) into ``LocatedJSON``.
struct LocatedJSONParser {
    /// Where and why parsing stopped early.
    struct Fault: Sendable, Hashable {
        var line: Int
        var message: String
        /// True when the input ended inside a value (a file cut short), false for a syntax error.
        var truncated: Bool
    }

    /// Deeper nesting than this is refused rather than risking the stack.
    static let maximumDepth = 200

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var fault: Fault?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Every top-level value in the input, and the faults met. A value cut by a fault is returned with
    /// what was read of it; after a syntax error, reading resumes at the next line that starts with `{` (a
    /// damaged line of a JSON-lines export costs that line only).
    static func parse(_ bytes: [UInt8]) -> (values: [LocatedJSON], faults: [Fault]) {
        var parser = LocatedJSONParser(bytes)
        var values: [LocatedJSON] = []
        var faults: [Fault] = []
        // A byte-order mark is not JSON but exporters write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        while true {
            parser.skipSpace()
            guard parser.index < bytes.count else { break }
            let value = parser.value(depth: 0)
            if let value { values.append(value) }
            guard let fault = parser.fault else { continue }
            faults.append(fault)
            guard !fault.truncated, parser.resumeAtNextLine() else { break }
            parser.fault = nil
        }
        return (values, faults)
    }

    /// Moves to the next line that starts with `{`; false when there is none.
    private mutating func resumeAtNextLine() -> Bool {
        while index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                    index += 1
                    return true
                }
            }
            index += 1
        }
        return false
    }

    private mutating func fail(_ message: String) {
        guard fault == nil else { return }
        let truncated = index >= bytes.count
        fault = Fault(line: line, message: truncated ? "the file ends inside a value (cut short?)" : message, truncated: truncated)
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                line += 1
                index += 1
            case 0x20, 0x09, 0x0D:
                index += 1
            default:
                return
            }
        }
    }

    private mutating func value(depth: Int) -> LocatedJSON? {
        skipSpace()
        guard index < bytes.count else {
            fail("a value is missing")
            return nil
        }
        guard depth < Self.maximumDepth else {
            fail("nested deeper than \(Self.maximumDepth) levels")
            return nil
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map { .string($0) }
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default:
            fail("unexpected character '\(Character(UnicodeScalar(bytes[index])))'")
            return nil
        }
    }

    private mutating func object(depth: Int) -> LocatedJSON? {
        var result = LocatedJSON.Object(line: line, fields: [])
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(result)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                fail("expected a quoted field name")
                return .object(result)
            }
            guard let key = string() else { return .object(result) }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                fail("expected ':' after a field name")
                return .object(result)
            }
            index += 1
            guard let item = value(depth: depth + 1) else { return .object(result) }
            result.fields.append((key, item))
            if fault != nil { return .object(result) }
            skipSpace()
            guard index < bytes.count else {
                fail("an object is not closed")
                return .object(result)
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(result)
            } else {
                fail("expected ',' or '}' in an object")
                return .object(result)
            }
        }
    }

    private mutating func array(depth: Int) -> LocatedJSON? {
        var items: [LocatedJSON] = []
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            guard let item = value(depth: depth + 1) else { return .array(items) }
            items.append(item)
            if fault != nil { return .array(items) }
            skipSpace()
            guard index < bytes.count else {
                fail("an array is not closed")
                return .array(items)
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            } else {
                fail("expected ',' or ']' in an array")
                return .array(items)
            }
        }
    }

    private mutating func literal(_ word: StaticString, _ result: LocatedJSON) -> LocatedJSON? {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else {
            index = bytes.count
            fail("a literal is cut")
            return nil
        }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            fail("unexpected word")
            return nil
        }
        index += count
        return result
    }

    private mutating func number() -> LocatedJSON? {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                return .number(String(decoding: bytes[start..<index], as: UTF8.self))
            }
        }
        // A number at the very end of the input is complete only at the top level; callers check for what
        // must follow it.
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    /// A string starting at the opening quote; nil (with a fault) when it is not closed or has a raw line
    /// break.
    private mutating func string() -> String? {
        index += 1
        let start = index
        var hasEscape = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let end = index
                index += 1
                return hasEscape ? unescape(bytes[start..<end]) : String(decoding: bytes[start..<end], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                index += 2
                continue
            }
            if byte == 0x0A {
                fail("a string runs past the end of its line")
                return nil
            }
            index += 1
        }
        index = bytes.count
        fail("a string is not closed")
        return nil
    }

    private func unescape(_ raw: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        func flush() {
            if !utf8.isEmpty {
                scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
                utf8.removeAll(keepingCapacity: true)
            }
        }
        var i = raw.startIndex
        var pendingHigh: UInt32?
        while i < raw.endIndex {
            let byte = raw[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < raw.endIndex else {
                utf8.append(byte)
                i += 1
                continue
            }
            let code = raw[i + 1]
            i += 2
            var scalar: UnicodeScalar?
            switch code {
            case UInt8(ascii: "n"): scalar = "\n"
            case UInt8(ascii: "t"): scalar = "\t"
            case UInt8(ascii: "r"): scalar = "\r"
            case UInt8(ascii: "b"): scalar = UnicodeScalar(8)
            case UInt8(ascii: "f"): scalar = UnicodeScalar(12)
            case UInt8(ascii: "u"):
                guard i + 4 <= raw.endIndex, let value = UInt32(String(decoding: raw[i..<(i + 4)], as: UTF8.self), radix: 16) else {
                    continue
                }
                i += 4
                if (0xD800..<0xDC00).contains(value) {
                    pendingHigh = value
                    continue
                }
                if (0xDC00..<0xE000).contains(value), let high = pendingHigh {
                    scalar = UnicodeScalar(0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00))
                } else {
                    scalar = UnicodeScalar(value)
                }
            default: scalar = UnicodeScalar(code)
            }
            pendingHigh = nil
            flush()
            scalars.append(scalar ?? "\u{FFFD}")
        }
        flush()
        return String(scalars)
    }
}
