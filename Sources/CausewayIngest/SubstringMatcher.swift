internal import CausewayCore

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Case-insensitive substring search over UTF-8 bytes, for the rule table's keyword lists.
///
/// Text is lower-cased byte by byte (ASCII only: every keyword is ASCII) into a reusable buffer, then each
/// keyword is found with `memchr` and `memcmp`, which are vectorised in the C library. Foundation's `String.contains`
/// costs two orders of magnitude more on long lines.
struct LowercasedBytes {
    /// Longest prefix examined: a message never needs more to be classified.
    static let limit = 8 * 1024

    private(set) var bytes: [UInt8]
    /// The byte pairs that occur side by side: a keyword whose first two bytes do not is not searched for
    /// (most of the rule table's keywords, for most messages).
    private let pairs: BytePairFilter

    init(_ text: String) {
        var buffer = [UInt8]()
        buffer.reserveCapacity(min(text.utf8.count, Self.limit))
        for byte in text.utf8.prefix(Self.limit) {
            buffer.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        bytes = buffer
        pairs = BytePairFilter(buffer)
    }

    /// Whether `needle` (already lower case) occurs.
    func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= bytes.count, pairs.mayHold(needle) else { return false }
        return bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                Self.find(pattern, in: haystack)
            }
        }
    }

    /// Whether `needle` occurs as a word of prose rather than inside an identifier: not joined by `.`, `_`
    /// or `/` to the characters around it (`auth.client.timeout` and `timeout_ms` are names, not timeouts).
    func containsWord(_ needle: [UInt8]) -> Bool {
        containsWord(needle, prose: Self.isProse(needle))
    }

    /// Only words of prose get the rule; a keyword with its own punctuation (`status=404`) is a pattern.
    static func isProse(_ needle: [UInt8]) -> Bool {
        needle.allSatisfy { ASCII.isAlphanumeric($0) || $0 == ASCII.space || $0 == ASCII.hyphen }
    }

    /// ``containsWord(_:)`` with `prose` (``isProse(_:)`` of the needle) worked out beforehand.
    func containsWord(_ needle: [UInt8], prose: Bool) -> Bool {
        guard !needle.isEmpty, needle.count <= bytes.count else { return needle.isEmpty }
        guard pairs.mayHold(needle) else { return false }
        let first = needle[0]
        let last = needle[needle.count - 1]
        let checkBefore = prose && ASCII.isAlphanumeric(first)
        let checkAfter = prose && ASCII.isAlphanumeric(last)
        return bytes.withUnsafeBufferPointer { haystack in
            var offset = 0
            while offset + needle.count <= haystack.count {
                guard let hit = memchr(haystack.baseAddress! + offset, Int32(first), haystack.count - offset - needle.count + 1) else {
                    return false
                }
                let position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - haystack.baseAddress!
                if needle.withUnsafeBufferPointer({ memcmp(haystack.baseAddress! + position, $0.baseAddress!, needle.count) }) == 0 {
                    let before = position > 0 ? haystack[position - 1] : ASCII.space
                    let after = position + needle.count < haystack.count ? haystack[position + needle.count] : ASCII.space
                    let joinedBefore = checkBefore && (before == ASCII.dot || before == ASCII.underscore || before == ASCII.slash)
                    // A dot that ends a sentence (`Unhandled exception. System.…`) joins nothing; one inside a
                    // dotted name (`exception.count`) does.
                    let afterNext = position + needle.count + 1 < haystack.count ? haystack[position + needle.count + 1] : ASCII.space
                    let joinedAfter = checkAfter
                        && ((after == ASCII.dot && ASCII.isAlphanumeric(afterNext)) || after == ASCII.underscore || after == ASCII.slash)
                    if !joinedBefore && !joinedAfter { return true }
                }
                offset = position + 1
            }
            return false
        }
    }
}

extension LowercasedBytes {
    /// `memchr` to the next candidate first byte, `memcmp` for the rest: both vectorised in the C library.
    static func find(_ pattern: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Bool {
        guard let base = haystack.baseAddress, let needle = pattern.baseAddress, pattern.count > 0 else {
            return pattern.count == 0
        }
        let first = Int32(pattern[0])
        let lastStart = haystack.count - pattern.count
        var offset = 0
        while offset <= lastStart {
            guard let hit = memchr(base + offset, first, lastStart - offset + 1) else { return false }
            let position = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + position, needle, pattern.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }
}

/// One rule's keywords as byte arrays, prepared once.
struct CompiledSignal: Sendable {
    var id: SignalID
    var minimumLevel: LogLevel
    let anyOf: [[UInt8]]
    let allOf: [[[UInt8]]]
    var noneOf: [[UInt8]]
    /// Response statuses that show the signal whatever the words (`500-599` for server errors).
    var httpStatuses: [ClosedRange<Int>]
    /// ``LowercasedBytes/isProse(_:)`` of each keyword, worked out once.
    private let anyOfProse: [Bool]
    private let allOfProse: [[Bool]]

    init(id: SignalID, minimumLevel: LogLevel, anyOf: [[UInt8]], allOf: [[[UInt8]]], noneOf: [[UInt8]], httpStatuses: [ClosedRange<Int>]) {
        self.id = id
        self.minimumLevel = minimumLevel
        self.anyOf = anyOf
        self.allOf = allOf
        self.noneOf = noneOf
        self.httpStatuses = httpStatuses
        anyOfProse = anyOf.map(LowercasedBytes.isProse)
        allOfProse = allOf.map { $0.map(LowercasedBytes.isProse) }
    }

    func matches(_ text: LowercasedBytes, httpStatus: Int? = nil) -> Bool {
        var hit = httpStatus.map { status in httpStatuses.contains { $0.contains(status) } } ?? false
        if !hit { hit = anyOf.indices.contains { text.containsWord(anyOf[$0], prose: anyOfProse[$0]) } }
        if !hit {
            hit = allOf.indices.contains { group in
                allOf[group].indices.allSatisfy { text.containsWord(allOf[group][$0], prose: allOfProse[group][$0]) }
            }
        }
        return hit && !noneOf.contains { text.contains($0) }
    }
}
