import CausewayReport
import Foundation
import Testing

@Suite("HTML report")
struct HTMLReportTests {
    @Test("is one self-contained file: inline SVG, no script, no external request")
    func selfContained() throws {
        let html = ReportOutputs(report: try demoReport()).html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<?xml"))
        #expect(!html.contains("<script"))
        for attribute in ["src=\"http", "href=\"http", "src='http", "href='http", "@import", "url(http"] {
            #expect(!html.contains(attribute), "external request via \(attribute)")
        }
        #expect(html.contains("prefers-color-scheme: dark"))
        #expect(html.contains("@media print"))
    }

    @Test("carries every section of the postmortem")
    func sections() throws {
        let html = ReportOutputs(report: try demoReport()).html
        for id in [
            "summary", "impact", "root-cause", "detection", "resolution", "action-items", "lessons", "timeline", "diagram",
            "hypotheses", "whys", "forensics", "evidence", "similar", "ingest", "trail",
        ] {
            #expect(html.contains("<section id=\"\(id)\">"), "missing section \(id)")
        }
    }

    @Test("the diagram holds a node for every service and the patient zero class")
    func diagramStructure() throws {
        let report = try demoReport()
        let svg = try #require(ReportOutputs(report: report).svg.map { String(decoding: $0, as: UTF8.self) })
        let structure = try #require(SVGStructure.parse(svg))
        for node in report.graph.nodes {
            #expect(structure.titles.contains(node.id), "no node titled \(node.id)")
        }
        let zero = try #require(report.graph.nodes.first { $0.kind == "service" && $0.isPatientZero })
        #expect(zero.service == report.patientZero?.service)
        #expect(structure.groupClasses.contains { $0.contains("patient-zero") && $0.contains("service") })
        #expect(structure.groupClasses.filter { $0.contains("on-path") && $0.contains("edge-calls") }.count == report.propagationPath.count - 1)
        #expect(structure.titles.contains { $0.hasPrefix("cluster_tier") }, "services are grouped by tier")
    }

    @Test("holds at least three inline diagrams: the causal graph, the timeline and the hypotheses'")
    func inlineDiagrams() throws {
        let report = try demoReport()
        let html = ReportOutputs(report: report).html
        #expect(html.components(separatedBy: "<svg").count - 1 >= 5)
        for figure in ["figure-causal-graph", "figure-timeline"] + report.hypotheses.prefix(3).map({ "figure-" + PostmortemDocument.hypothesisFile($0).dropLast(4) }) {
            #expect(html.contains("id=\"\(figure)\""), "no \(figure)")
        }
        #expect(html.contains("<div class=\"columns\">"), "hypotheses sit side by side")
        #expect(html.contains("class=\"human\""), "what needs a human is marked")
    }

    @Test("ids are unique across all the inline diagrams")
    func uniqueIDs() throws {
        let html = ReportOutputs(report: try demoReport()).html
        let regex = try NSRegularExpression(pattern: " id=\"([^\"]+)\"")
        let ids = regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { (html as NSString).substring(with: $0.range(at: 1)) }
        var seen = Set<String>()
        let duplicates = ids.filter { !seen.insert($0).inserted }
        #expect(duplicates.isEmpty, "duplicate ids: \(Set(duplicates).sorted().prefix(10))")
        #expect(ids.count > 50)
    }
}
