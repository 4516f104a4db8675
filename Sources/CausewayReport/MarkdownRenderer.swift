internal import Foundation

/// Renders the postmortem as GitHub-flavoured Markdown.
///
/// Log text is hostile: outside code it is escaped (`<`, `>`, `&` as entities so no renderer sees HTML;
/// Markdown punctuation with backslashes; `|` in tables), inside code spans and blocks it is fenced with
/// more backticks than it contains. Diagrams are linked as files beside the report (relative paths), or
/// written inline as Mermaid.
public enum MarkdownRenderer {
    /// - Parameters:
    ///   - diagrams: how diagrams are shown.
    ///   - mermaid: Mermaid flowcharts by the SVG file name they stand for (`causal-graph.svg`), for
    ///     ``DiagramStyle/mermaid``.
    public static func render(_ document: PostmortemDocument, diagrams: DiagramStyle = .svg, mermaid: [String: String] = [:]) -> String {
        let context = Context(style: diagrams, mermaid: mermaid)
        var out: [String] = []
        out.append("# " + escape(document.title))
        out.append("")
        out.append("> " + inlines(document.byline, inTable: false))
        out.append("")
        for section in document.sections {
            out.append("## " + escape(section.title))
            out.append("")
            for block in section.blocks { out.append(contentsOf: render(block, level: 3, context)) }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    struct Context {
        var style: DiagramStyle
        var mermaid: [String: String]
    }

    static func render(_ block: Block, level: Int, _ context: Context) -> [String] {
        switch block {
        case .paragraph(let content):
            return [inlines(content, inTable: false), ""]
        case .note(let content):
            return ["> " + inlines(content, inTable: false), ""]
        case .human(let content):
            return ["> **Needs a human:** " + inlines(content, inTable: false), ""]
        case .columns(let columns):
            return columns.flatMap { $0.flatMap { render($0, level: level, context) } }
        case .list(let ordered, let items):
            return items.enumerated().map { index, item in
                (ordered ? "\(index + 1). " : "- ") + inlines(item, inTable: false)
            } + [""]
        case .table(let header, let rows):
            var lines = ["| " + header.map { escape($0, inTable: true) }.joined(separator: " | ") + " |"]
            lines.append("|" + header.map { _ in " --- |" }.joined())
            for row in rows {
                lines.append("| " + row.map { inlines($0, inTable: true) }.joined(separator: " | ") + " |")
            }
            return lines + [""]
        case .code(let language, let text):
            let fence = fenceFor(text)
            return [fence + language, text, fence, ""]
        case .diagram(let file, let alt):
            switch context.style {
            case .mermaid:
                if let flowchart = context.mermaid[file] {
                    let fence = fenceFor(flowchart)
                    return [fence + "mermaid", flowchart.hasSuffix("\n") ? String(flowchart.dropLast()) : flowchart, fence, ""]
                }
                return ["![\(escape(alt))](\(link(file)))", ""]
            case .png:
                return ["![\(escape(alt))](\(link(pngFile(file))))", ""]
            case .svg:
                return ["![\(escape(alt))](\(link(file)))", ""]
            }
        case .subsection(let title, let blocks):
            var lines = [String(repeating: "#", count: level) + " " + inlines(title, inTable: false), ""]
            for inner in blocks { lines.append(contentsOf: render(inner, level: level + 1, context)) }
            return lines
        }
    }

    /// `causal-graph.svg` → `causal-graph.png`.
    public static func pngFile(_ svgFile: String) -> String {
        svgFile.hasSuffix(".svg") ? String(svgFile.dropLast(4)) + ".png" : svgFile + ".png"
    }

    /// A relative link target: the file name with anything but safe characters percent-encoded.
    static func link(_ file: String) -> String {
        var out = ""
        for byte in file.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-_./".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    static func inlines(_ content: [Inline], inTable: Bool) -> String {
        content.map { inline -> String in
            switch inline {
            case .text(let text): return escape(text, inTable: inTable)
            case .strong(let text): return emphasised(text, "**", inTable: inTable)
            case .emphasis(let text): return emphasised(text, "*", inTable: inTable)
            case .code(let text): return codeSpan(text, inTable: inTable)
            case .citation(let ref): return codeSpan("\(ref.file):\(ref.line)", inTable: inTable)
            case .badge(let text, _): return emphasised(text, "**", inTable: inTable)
            }
        }.joined()
    }

    /// `**text**` with the delimiters hugging the text: CommonMark ignores a closing `**` after a space, so
    /// surrounding spaces move outside.
    static func emphasised(_ text: String, _ delimiter: String, inTable: Bool) -> String {
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return escape(text, inTable: inTable) }
        let leading = text.prefix(while: { $0 == " " })
        let trailing = String(text.reversed().prefix(while: { $0 == " " }))
        return leading + delimiter + escape(core, inTable: inTable) + delimiter + trailing
    }

    /// Escapes text for Markdown outside code: HTML-significant characters as entities, Markdown
    /// punctuation with a backslash where it could start markup, line breaks as spaces.
    static func escape(_ text: String, inTable: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : " "
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "[", "]": out += "\\" + String(character)
            case "_" where !(previous.isLetter || previous.isNumber) || !(next.isLetter || next.isNumber):
                out += "\\_"
            case "#" where index == 0: out += "\\#"
            case "!" where next == "[": out += "\\!"
            case "~" where next == "~": out += "\\~"
            case "|": out += inTable ? "\\|" : "|"
            case "\n", "\r", "\t": out += " "
            default:
                if let ascii = character.asciiValue, ascii < 0x20 { continue }
                out.append(character)
            }
        }
        return out
    }

    /// A code span that survives backticks, pipes and line breaks in its text.
    static func codeSpan(_ text: String, inTable: Bool) -> String {
        var body = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        body = String(body.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        if inTable { body = body.replacingOccurrences(of: "|", with: "\\|") }
        var longest = 0
        var run = 0
        for character in body {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = body.hasPrefix("`") || body.hasSuffix("`") || body.isEmpty ? " " : ""
        return fence + pad + body + pad + fence
    }

    /// A code fence longer than any run of backticks in the text.
    static func fenceFor(_ text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
