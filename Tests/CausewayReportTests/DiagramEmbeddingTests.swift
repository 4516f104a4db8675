import CausewayAnalysis
import CausewayReport
import Foundation
import Testing

/// Diagrams travel: files beside the Markdown with relative links, PNG for hosts without SVG, Mermaid for
/// hosts that draw it.
@Suite("Diagrams beside the Markdown")
struct DiagramEmbeddingTests {
    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("causeway-diagrams-\(UUID().uuidString)")
    }

    /// The targets of `![alt](target)` in Markdown.
    func imageLinks(_ markdown: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: "!\\[[^\\]]*\\]\\(([^)]+)\\)")
        return regex.matches(in: markdown, range: NSRange(markdown.startIndex..., in: markdown)).map {
            (markdown as NSString).substring(with: $0.range(at: 1))
        }
    }

    @Test("--out writes every SVG report.md links, by relative path: causal graph, timeline, each hypothesis")
    func svgLinks() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try demoReport()
        let outputs = ReportOutputs(report: report)
        try outputs.write(to: folder)
        let links = try imageLinks(outputs.markdown)
        #expect(links.contains("causal-graph.svg"))
        #expect(links.contains("timeline.svg"))
        #expect(links.filter { $0.hasPrefix("hypothesis-") }.count == 3)
        for link in links {
            #expect(!link.hasPrefix("/") && !link.contains(".."), "\(link) is not a relative path beside the report")
            let data = try Data(contentsOf: folder.appendingPathComponent(link))
            #expect(String(decoding: data.prefix(200), as: UTF8.self).contains("<?xml"), "\(link) is not an SVG")
        }
    }

    @Test("--diagrams png links PNG files rendered by libgvc, and writes them")
    func pngLinks() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputs = ReportOutputs(report: try demoReport(), options: .init(markdownDiagrams: .png))
        try outputs.write(to: folder)
        let links = try imageLinks(outputs.markdown)
        #expect(links.count >= 5)
        for link in links {
            #expect(link.hasSuffix(".png"))
            let data = try Data(contentsOf: folder.appendingPathComponent(link))
            #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(link) is not a PNG")
        }
    }

    @Test("--diagrams mermaid writes the graphs into the Markdown as Mermaid blocks; the timeline stays a linked SVG")
    func mermaidBlocks() throws {
        let report = try demoReport()
        let outputs = ReportOutputs(report: report, options: .init(markdownDiagrams: .mermaid))
        #expect(outputs.markdown.components(separatedBy: "```mermaid\nflowchart TB").count - 1 == 4)
        #expect(try imageLinks(outputs.markdown) == ["timeline.svg"])
    }

    @Test("a diagram from an earlier run is never left beside a report that does not have it")
    func staleDiagramsRemoved() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["hypothesis-7-old-service.svg", "hypothesis-7-old-service.dot", "timeline.png", "notes.txt"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        try ReportOutputs(report: try demoReport()).write(to: folder)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(!names.contains("hypothesis-7-old-service.svg"))
        #expect(!names.contains("hypothesis-7-old-service.dot"))
        #expect(!names.contains("timeline.png"))
        #expect(names.contains("notes.txt"), "files Causeway does not write are left alone")
    }

    @Test("the comparison page has one diagram per hypothesis inline and beside it")
    func comparison() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try demoReport()
        let comparison = HypothesisComparison(report: report, hypotheses: 4)
        try comparison.write(to: folder)
        #expect(comparison.diagrams.count == min(4, report.hypotheses.count))
        #expect(comparison.html.components(separatedBy: "<svg").count - 1 == comparison.diagrams.count)
        #expect(!comparison.html.contains("<script"))
        for hypothesis in report.hypotheses.prefix(4) {
            let file = PostmortemDocument.hypothesisFile(hypothesis)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file) missing")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(String(file.dropLast(4)) + ".dot").path))
        }
    }
}
