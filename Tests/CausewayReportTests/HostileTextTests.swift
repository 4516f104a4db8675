import CausewayAnalysis
import CausewayRender
import CausewayReport
import Foundation
import Testing

/// Log text is hostile: it reaches every output and must stay inert in each.
@Suite("Hostile log text")
struct HostileTextTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"]; node [shape=box label=\"pwned\"",
        "it's \"quoted\" & <b>bold</b> `code` | pipe",
        "\\N \\G \\l backslashes",
        "x" + String(repeating: "A", count: 30_000),
    ]

    func hostileReport() throws -> IncidentReport {
        var lines: [String] = []
        for (index, payload) in Self.payloads.enumerated() {
            lines.append("2026-05-24T10:00:0\(index).000Z ERROR evil-api Out of memory \(payload)")
            lines.append("2026-05-24T10:00:0\(index).500Z ERROR edge-gateway upstream evil-api returned 503 \(payload)")
        }
        return try report(from: lines.joined(separator: "\n"))
    }

    @Test("HTML escapes every payload and has no script")
    func html() throws {
        let outputs = ReportOutputs(report: try hostileReport())
        #expect(!outputs.html.contains("<script"))
        #expect(!outputs.html.contains("<img"))
        #expect(!outputs.html.contains("<b>bold</b>"))
        #expect(outputs.html.contains("&lt;script&gt;"))
    }

    @Test("Markdown escapes payloads outside code and fences them inside")
    func markdown() throws {
        let markdown = MarkdownRenderer.render(PostmortemDocument(report: try hostileReport()))
        var fence: Substring?
        for line in markdown.split(separator: "\n") {
            if let open = fence {
                if line == open { fence = nil }
                continue
            }
            if line.hasPrefix("```") {
                fence = line.prefix(while: { $0 == "`" })
                continue
            }
            // Outside code blocks and spans, no raw tag may appear.
            let outsideCode = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined()
            #expect(!outsideCode.contains("<script>"), "\(line.prefix(120))")
            #expect(!outsideCode.contains("<img"), "\(line.prefix(120))")
        }
    }

    @Test("DOT keeps payloads inside quoted strings and Graphviz still parses it")
    func dotAndSVG() throws {
        let outputs = ReportOutputs(report: try hostileReport())
        #expect(!outputs.dot.contains("node [shape=box label=\"pwned\""))
        let svg = try #require(outputs.svg.map { String(decoding: $0, as: UTF8.self) })
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<img"))
        // The SVG is well-formed XML, and no element came from the log text.
        let structure = try #require(SVGStructure.parse(svg))
        #expect(!structure.elementNames.contains("script"))
        #expect(!structure.elementNames.contains("img"))
    }

    @Test("JSON stays valid and holds the text verbatim")
    func json() throws {
        let data = JSONReportWriter.data(try hostileReport())
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object != nil)
        #expect(String(decoding: data, as: UTF8.self).contains("<script>alert(1)</script>"), "JSON escapes by quoting, not by rewriting")
    }
}
