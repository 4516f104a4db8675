import CausewayAnalysis
import CausewayCore
import CausewayRender
import Foundation
import Testing

/// A merged topology with one call from each source, a conflict, and hostile text in a reason.
func mixedTopology() -> TopologySummary {
    let traffic = Topology.Traffic(calls: 42, errors: 3, firstSeen: nil, lastSeen: nil)
    return TopologySummary(
        source: "topology.yaml",
        services: [
            .init(name: "api-gateway", role: .gateway, roleSource: "declared"),
            .init(name: "checkout-api", role: .api, roleSource: "name"),
            .init(name: "orders-db", role: .database, roleSource: "address"),
            .init(name: "payments-worker", role: .worker, roleSource: "name"),
        ],
        calls: [
            .init(caller: "api-gateway", callee: "checkout-api", provenance: "declared", reason: nil, confidence: 1),
            .init(
                caller: "checkout-api", callee: "orders-db", provenance: "inferred",
                reason: #"a line from checkout-api reaches orders-db at its address: "}]; evil -> x <script>"#, confidence: 0.9,
                evidence: [EvidenceRef(SourceLocation(file: "logs/app.log", line: 7))]),
            .init(caller: "checkout-api", callee: "payments-worker", provenance: "traced", reason: "traces show 42 call(s)", confidence: 0.95, traffic: traffic),
        ],
        conflicts: [
            TopologyConflict(
                kind: .undeclaredCall, caller: "checkout-api", callee: "payments-worker", seenBy: .traced,
                detail: "traces show checkout-api calling payments-worker (42 call(s)), which the topology does not declare", evidence: [])
        ])
}

@Suite("Call line styles by provenance")
struct ProvenanceStyleTests {
    @Test("solid for declared, dashed for inferred, dotted for traced")
    func styles() {
        #expect(DOTWriter.lineStyle(provenance: "declared") == "solid")
        #expect(DOTWriter.lineStyle(provenance: "inferred") == "dashed")
        #expect(DOTWriter.lineStyle(provenance: "traced") == "dotted")
    }

    @Test("the causal graph draws inferred calls dashed, with a legend for the styles it uses")
    func causalGraphLegend() throws {
        let report = try demoReport()
        let dot = DOTWriter().dot(for: report)
        let calls = dot.split(separator: "\n").filter { $0.contains("class=\"edge-calls") }
        #expect(!calls.isEmpty)
        for line in calls where !line.contains("grp:") {
            #expect(line.contains("style=dashed") && line.contains("provenance-inferred"), "\(line)")
        }
        #expect(dot.contains(#"subgraph "cluster_legend""#))
        #expect(dot.contains(#""legend:inferred" -> "legend:inferred:end" [style=dashed"#))
        #expect(!dot.contains("legend:traced") && !dot.contains("legend:declared"), "the legend lists only the styles drawn")
    }

    @Test("a hypothesis diagram's legend takes its id prefix")
    func prefixedLegend() throws {
        let report = try demoReport()
        let dot = DOTWriter().dot(for: report, hypothesis: report.hypotheses[1])
        #expect(dot.contains(#"id="h2-legend""#))
    }
}

@Suite("Topology diagram")
struct TopologyDiagramTests {
    @Test("one arrow per call, styled by its source, conflicts in red, and a legend")
    func dot() {
        let dot = TopologyDOTWriter().dot(for: mixedTopology())
        let line = { (from: String, to: String) in
            dot.split(separator: "\n").first { $0.hasPrefix("  \"svc:\(from)\" -> \"svc:\(to)\"") }.map(String.init) ?? ""
        }
        #expect(line("api-gateway", "checkout-api").contains("style=solid"))
        #expect(line("checkout-api", "orders-db").contains("style=dashed"))
        #expect(line("checkout-api", "orders-db").contains("inferred 0.90"))
        #expect(line("checkout-api", "orders-db").contains("logs/app.log:7"))
        #expect(line("checkout-api", "payments-worker").contains("style=dotted"))
        #expect(line("checkout-api", "payments-worker").contains("traced ×42"))
        #expect(line("checkout-api", "payments-worker").contains("conflict"))
        for provenance in ["declared", "inferred", "traced"] { #expect(dot.contains("\"legend:\(provenance)\"")) }
        #expect(TopologyDOTWriter().dot(for: mixedTopology()) == dot, "stable output")
    }

    @Test("log text in a reason cannot break out of its quotes")
    func escapes() {
        let dot = TopologyDOTWriter().dot(for: mixedTopology())
        #expect(dot.contains(#"\"}]; evil -> x <script>"#))
        #expect(!dot.contains("\n evil"))
        #expect(dot.split(separator: "\n").filter { $0.contains("evil") }.count == 1)
    }

    @Test("renders to SVG whose edges carry their provenance class")
    func svg() throws {
        let data = try GraphvizRenderer().render(dot: TopologyDOTWriter().dot(for: mixedTopology()))
        let structure = try #require(SVGStructure.parse(String(decoding: data, as: UTF8.self)))
        for service in mixedTopology().services { #expect(structure.titles.contains("svc:\(service.name)")) }
        for provenance in ["declared", "inferred", "traced"] {
            #expect(structure.groupClasses.contains { $0.contains("edge-calls") && $0.contains("provenance-\(provenance)") }, "\(structure.groupClasses)")
        }
        #expect(structure.groupClasses.contains { $0.contains("conflict") })
    }
}
