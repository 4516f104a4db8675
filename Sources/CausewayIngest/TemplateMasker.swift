internal import CausewayCore

/// Turns a message into its template: the constant words kept, the variable parts (numbers, ids, hashes,
/// addresses, durations) replaced by `<*>`, pod names reduced to their service.
///
/// Lines that differ only in variable parts share a template, and so become one event.
public enum TemplateMasker {
    /// The template text for `message`, at most `maximumTokens` words.
    public static func template(of message: Substring, maximumTokens: Int = 32) -> String {
        var words: [String] = []
        words.reserveCapacity(16)
        for token in message.split(separator: " ", omittingEmptySubsequences: true) {
            if words.count == maximumTokens {
                words.append("…")
                break
            }
            words.append(mask(token))
        }
        return words.joined(separator: " ")
    }

    static func mask(_ token: Substring) -> String {
        // Split `key=value` and `key:value` so the key survives.
        if let separator = token.firstIndex(where: { $0 == "=" }), separator != token.startIndex {
            let value = token[token.index(after: separator)...]
            return String(token[...separator]) + (value.isEmpty ? "" : mask(value))
        }
        var core = token
        var leading = ""
        var trailing = ""
        while let first = core.first, "([{\"'<".contains(first) {
            leading.append(first)
            core = core.dropFirst()
        }
        while let last = core.last, ")]}\"',;:.>".contains(last) {
            trailing = String(last) + trailing
            core = core.dropLast()
        }
        guard !core.isEmpty else { return String(token) }
        if isIdentifier(core) { return leading + "<*>" + trailing }
        if core.contains("-"), core.contains(where: \.isNumber), let name = ServiceName.normalized(core),
            name.rawValue.count < core.count, name.rawValue.count >= 3
        {
            return leading + name.rawValue + trailing
        }
        return leading + maskDigitRuns(core) + trailing
    }

    /// Hex ids, UUIDs, IP addresses and long numbers.
    static func isIdentifier(_ core: Substring) -> Bool {
        var digits = 0
        var hexLetters = 0
        var dots = 0
        var other = 0
        for scalar in core.unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case "a"..."f", "A"..."F": hexLetters += 1
            case ".", ":": dots += 1
            case "-": break
            default: other += 1
            }
        }
        if other == 0 && digits > 0 && core.count >= 8 && hexLetters + digits >= 8 { return true }
        if other == 0 && hexLetters == 0 && digits > 0 && dots >= 3 { return true }  // IPv4, IPv4:port
        return false
    }

    /// `512MiB` → `<*>MiB`, `200/200` → `<*>/<*>`, `5` → `<*>`; a single digit inside a word (`5xx`,
    /// `http2`, `travel2`) stays.
    static func maskDigitRuns(_ core: Substring) -> String {
        let allDigits = core.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == "-" || $0 == "+" }
        if allDigits, core.contains(where: \.isNumber) { return "<*>" }
        var result = ""
        var run = ""
        func flush() {
            if run.count >= 2 {
                result += "<*>"
            } else {
                result += run
            }
            run = ""
        }
        for character in core {
            if character.isNumber {
                run.append(character)
            } else {
                if !run.isEmpty { flush() }
                result.append(character)
            }
        }
        if !run.isEmpty { flush() }
        return result
    }

    /// A stable 12-hex-digit id for a template: FNV-1a over its UTF-8 bytes.
    public static func identifier(of template: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in template.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return String(padded.prefix(12))
    }
}
