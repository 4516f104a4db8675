/// Escaping for Mermaid: text becomes inert inside a double-quoted label, an edge label between pipes, a
/// `click` tooltip, or a comment.
///
/// Labels keep letters, digits, spaces and `. , : - _ /`; every other character (quotes, brackets,
/// parentheses, pipes, `#`, `;`, `<`, backticks, symbols) is written as Mermaid's entity code `#<decimal>;`,
/// which Mermaid draws as the character. So no label can end its string or its edge text, start a shape,
/// a statement or a comment, or carry markup.
public enum MermaidText {
    /// Longest text kept in one label.
    public static let maximumLength = 600

    /// Characters written as themselves; everything else becomes `#<code>;`.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let c = Character(scalar)
            return c.isLetter || c.isNumber || " .,:-_/".unicodeScalars.contains(scalar)
        }
        // Letters and digits of any script, but not format or control characters (bidi overrides).
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Text for a double-quoted node label or a piped edge label: line breaks as `<br/>`, every other
    /// character outside letters, digits and plain punctuation as an entity code, cut at ``maximumLength``.
    public static func label(_ text: String) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= maximumLength {
                out += "#8230;"
                break
            }
            count += 1
            switch scalar {
            case "\n": out += "<br/>"
            case "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out += isPlain(scalar) ? String(scalar) : "#\(scalar.value);"
            }
        }
        return out
    }

    /// Text for a `click` tooltip string: no quotes, no markup, one line.
    public static func tooltip(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(maximumLength) {
            switch scalar {
            case "\"": out += "'"
            case "<": out += "‹"
            case ">": out += "›"
            case "&": out += "+"
            case "\\": out += "/"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .format { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text for a `%%` comment: one line.
    public static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) }).replacingOccurrences(of: "%%{", with: "% {")
    }
}
