import CausewayAnalysis
import CausewayRender
import CausewayReport
import Foundation
import Testing

@Suite("Golden outputs of the example incident")
struct GoldenReportTests {
    @Test("Markdown matches its golden file")
    func markdown() throws {
        try assertGolden(MarkdownRenderer.render(PostmortemDocument(report: try demoReport())), "seed-payments-worker-oom.md")
    }

    @Test("JSON matches its golden file")
    func json() throws {
        try assertGolden(JSONReportWriter.string(try demoReport()), "seed-payments-worker-oom.json")
    }

    @Test("DOT matches its golden file")
    func dot() throws {
        try assertGolden(DOTWriter().dot(for: try demoReport()), "seed-payments-worker-oom.dot")
    }

    @Test("two runs give identical bytes for every document")
    func deterministic() throws {
        let first = ReportOutputs(report: try demoReport())
        let second = ReportOutputs(report: try demoReport())
        #expect(first.markdown == second.markdown)
        #expect(first.json == second.json)
        #expect(first.dot == second.dot)
        #expect(first.html == second.html)
        #expect(first.svg == second.svg)
        #expect(first.svg != nil)
        #expect(first.mermaid == second.mermaid)
        #expect(first.diagrams.count == second.diagrams.count)
        for (a, b) in zip(first.diagrams, second.diagrams) {
            #expect(a.name == b.name)
            #expect(a.dot == b.dot)
            #expect(a.svg != nil && a.svg == b.svg, "\(a.name).svg differs between two runs")
        }
    }
}
