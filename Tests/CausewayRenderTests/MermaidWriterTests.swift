import CausewayAnalysis
import CausewayRender
import Foundation
import Testing

@Suite("MermaidWriter")
struct MermaidWriterTests {
    @Test("labels keep only letters, digits and plain punctuation; everything else becomes an entity code")
    func escapes() {
        let label = MermaidText.label("a\"b]c|d;e#f<script>`g` (h) {i} %%j\nk\u{202E}l")
        // Outside its entity codes (`#60;`) and line breaks, nothing but plain characters is left.
        let bare = label.replacingOccurrences(of: "<br/>", with: " ").replacingOccurrences(of: "#[0-9]+;", with: " ", options: .regularExpression)
        for forbidden in ["\"", "]", "[", "|", ";", "#", "<", ">", "`", "(", ")", "{", "}", "%", "\u{202E}"] {
            #expect(!bare.contains(forbidden), "\(forbidden) survived in \(label)")
        }
        #expect(label.contains("#34;"))
        #expect(label.contains("<br/>"))
        #expect(MermaidText.label("api-gateway 5xx: 38/40.") == "api-gateway 5xx: 38/40.")
        #expect(!MermaidText.tooltip("say \"hi\" <b>").contains("\""))
        #expect(!MermaidText.comment("one\ntwo").contains("\n"))
    }

    @Test("the flowchart has every drawn node, grouped by tier, and the propagation path styled")
    func flowchart() throws {
        let report = try demoReport()
        let text = MermaidWriter().flowchart(for: report)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "flowchart TB")
        #expect(lines.filter { $0.hasPrefix("  subgraph tier") }.count == Set(report.graph.nodes.map(\.role.tier)).count)
        #expect(lines.filter { $0.hasPrefix("    ") }.count == report.graph.nodes.count)
        let linkStyle = try #require(lines.first { $0.hasPrefix("  linkStyle ") })
        let styled = linkStyle.split(separator: " ")[1].split(separator: ",")
        #expect(styled.count == report.graph.edges.filter(\.onPath).count)
        #expect(lines.filter { $0.hasPrefix("  click ") }.count == report.graph.nodes.count)
        #expect(!text.contains("```"))
    }

    @Test("a hypothesis' flowchart roots at its service")
    func hypothesis() throws {
        let report = try demoReport()
        let text = MermaidWriter().flowchart(for: report, hypothesis: report.hypotheses[1])
        #expect(text.contains("svc_redis_cache[\"ROOT<br/>redis-cache"))
        #expect(text.contains("style svc_redis_cache stroke:#b03a2e,stroke-width:4px"))
    }

    @Test("hostile log text cannot break out of a label")
    func hostile() throws {
        let report = try report(from: """
            2026-05-24T10:00:00.000Z FATAL evil-api Out of memory "] --> x[pwned] %% `code` <script>alert(1)</script>
            2026-05-24T10:00:01.000Z ERROR edge-gateway upstream evil-api returned 503 |end| ;click x
            """)
        let text = MermaidWriter().flowchart(for: report)
        for line in text.split(separator: "\n") {
            // What Mermaid reads as syntax: the line without its quoted strings and edge texts.
            let syntax = line.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }
                .map(\.element).joined().replacingOccurrences(of: "\\|[^|]*\\|", with: "||", options: .regularExpression)
            #expect(!syntax.contains("pwned") && !syntax.contains("script") && !syntax.contains("end|"), "\(line)")
        }
        #expect(!text.contains("<script"))
        for line in text.split(separator: "\n") where line.hasPrefix("    ") {
            // A node statement: id, an opening, one quoted label, a closing; no quote inside the label.
            let quotes = line.filter { $0 == "\"" }.count
            #expect(quotes == 2, "\(line)")
        }
    }
}
