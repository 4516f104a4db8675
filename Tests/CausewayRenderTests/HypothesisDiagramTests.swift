import CausewayAnalysis
import CausewayRender
import Foundation
import Testing

@Suite("Hypothesis diagrams")
struct HypothesisDiagramTests {
    @Test("each hypothesis has its own propagation path, starting at its service")
    func ownPaths() throws {
        let report = try demoReport()
        #expect(report.hypotheses.count >= 3)
        #expect(report.hypotheses[0].propagationPath == report.propagationPath)
        for hypothesis in report.hypotheses {
            #expect(hypothesis.propagationPath.first == hypothesis.service)
            #expect(hypothesis.propagationSteps.count == hypothesis.propagationPath.count - 1)
        }
        #expect(Set(report.hypotheses.prefix(3).map(\.propagationPath)).count == 3, "the top three paths differ")
    }

    @Test("a hypothesis' diagram marks its service as the root and draws its own path, with ids of its own")
    func highlightsItsPath() throws {
        let report = try demoReport()
        let hypothesis = report.hypotheses[1]
        let svg = String(decoding: try GraphvizRenderer().render(dot: DOTWriter().dot(for: report, hypothesis: hypothesis)), as: UTF8.self)
        let structure = try #require(SVGStructure.parse(svg))
        let root = "h\(hypothesis.rank)-" + DOTText.identifier("svc:" + hypothesis.service.rawValue)
        #expect(structure.groupIDs.contains(root))
        #expect(structure.groupClasses.contains { $0.contains("patient-zero") && $0.contains("service") })
        let pathCalls = structure.groupClasses.filter { $0.contains("edge-calls") && $0.contains("on-path") }
        #expect(pathCalls.count == hypothesis.propagationSteps.count)
        #expect(structure.groupIDs.allSatisfy { $0.hasPrefix("h\(hypothesis.rank)-") || $0.hasPrefix("a_h\(hypothesis.rank)-") || $0.hasPrefix("hypothesis-") || $0.hasPrefix("a_hypothesis-") },
                "ids not prefixed: \(structure.groupIDs.filter { !$0.contains("h\(hypothesis.rank)-") && !$0.hasPrefix("hypothesis-") && !$0.hasPrefix("a_hypothesis-") })")
        for node in report.graph.nodes { #expect(structure.titles.contains(node.id)) }
    }

    @Test("every node's tooltip carries its evidence")
    func tooltips() throws {
        let report = try demoReport()
        let dot = DOTWriter().dot(for: report)
        for node in report.graph.nodes {
            let line = try #require(dot.split(separator: "\n").first { $0.hasPrefix("    \(DOTText.quoted(node.id)) [") })
            let refs = node.kind == "event" ? node.evidence : report.affectedServices.first { $0.service == node.service }?.evidence ?? []
            for ref in refs { #expect(line.contains("\(ref.file):\(ref.line)"), "\(node.id)'s tooltip does not cite \(ref.file):\(ref.line)") }
        }
    }
}
