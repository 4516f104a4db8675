/// Escaping for DOT: every string from a log is hostile until it has passed through here.
public enum DOTText {
    /// Longest string written into a DOT attribute. Graphviz 2.42 rejects quoted strings over 16,384
    /// characters; labels never need more than a few hundred.
    public static let maximumLength = 4_000

    /// A double-quoted DOT string holding `text` literally: backslashes and quotes escaped (so log text
    /// cannot produce Graphviz's `\N`, `\G`, `\l` escapes or end the string), line breaks turned into DOT's
    /// `\n`, other control characters dropped, and the text cut at ``maximumLength``.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(min(text.utf8.count, maximumLength) + 8)
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= maximumLength {
                result += "…"
                break
            }
            count += 1
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r", "\t": result += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) {
                    continue
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// An identifier safe for SVG `id` attributes and CSS: letters, digits, `-` and `_`, other characters
    /// replaced by `-`.
    public static func identifier(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return scalar.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : "-"
        })
    }
}
