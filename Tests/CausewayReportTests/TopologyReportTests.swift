import CausewayAnalysis
import CausewayCore
import CausewayIngest
import CausewayReport
import Foundation
import Testing

/// The bundled example's report with a merged topology of each source and a conflict, hostile text included.
func reportWithMixedTopology() throws -> IncidentReport {
    var report = try demoReport()
    let traffic = Topology.Traffic(calls: 42, errors: 3, firstSeen: nil, lastSeen: nil)
    report.topology = TopologySummary(
        source: "topology.yaml",
        services: report.topology.services,
        calls: [
            .init(caller: "api-gateway", callee: "fashion-aura-api", provenance: "declared", reason: nil, confidence: 1),
            .init(
                caller: "fashion-aura-api", callee: "payments-worker", provenance: "inferred",
                reason: "a line from fashion-aura-api says it called payments-worker <b>|x|</b>", confidence: 0.75,
                evidence: [EvidenceRef(SourceLocation(file: "logs/incident.log", line: 2))]),
            .init(
                caller: "payments-worker", callee: "redis-cache", provenance: "traced", reason: "traces show 42 call(s)",
                confidence: 0.95, traffic: traffic),
        ],
        conflicts: [
            TopologyConflict(
                kind: .reversed, caller: "payments-worker", callee: "fashion-aura-api", seenBy: .traced,
                detail: "traces show payments-worker calling fashion-aura-api (42 call(s)), but the topology declares fashion-aura-api → payments-worker; check the direction of that call",
                evidence: [SourceLocation(file: "traces.json", line: 31)])
        ])
    return report
}

@Suite("Topology in the report")
struct TopologyReportTests {
    @Test("Markdown lists the provenance summary, the observed calls and the conflicts")
    func markdown() throws {
        let markdown = MarkdownRenderer.render(PostmortemDocument(report: try reportWithMixedTopology()))
        #expect(markdown.contains("## Topology"))
        #expect(markdown.contains("3 call(s) between"))
        #expect(markdown.contains("1 declared (topology.yaml), 1 inferred from log lines, 1 read off traces"))
        #expect(markdown.contains("Conflicts with the declared topology"))
        #expect(markdown.contains("check the direction of that call"))
        #expect(markdown.contains("traces.json:31"))
        #expect(markdown.contains("42 call(s), 3 failed"))
        #expect(markdown.contains("contradict the declared topology: see Topology"))
        #expect(!markdown.contains("<b>|x|</b>"), "log text is escaped in tables")
    }

    @Test("HTML carries the same section, escaped")
    func html() throws {
        let html = HTMLRenderer.render(PostmortemDocument(report: try reportWithMixedTopology()), svg: nil)
        #expect(html.contains(#"id="topology""#))
        #expect(html.contains("reversed"))
        #expect(!html.contains("<b>|x|</b>"))
    }

    @Test("report.json keeps each call's provenance, confidence, evidence and traffic, and the conflicts")
    func json() throws {
        let data = JSONReportWriter.data(try reportWithMixedTopology())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let topology = try #require(object["topology"] as? [String: Any])
        let calls = try #require(topology["calls"] as? [[String: Any]])
        #expect(calls.map { $0["provenance"] as? String } == ["declared", "inferred", "traced"])
        #expect(calls[1]["confidence"] as? Double == 0.75)
        #expect((calls[1]["evidence"] as? [[String: Any]])?.first?["line"] as? Int == 2)
        #expect((calls[2]["traffic"] as? [String: Any])?["calls"] as? Int == 42)
        let conflicts = try #require(topology["conflicts"] as? [[String: Any]])
        #expect(conflicts.first?["kind"] as? String == "reversed")
        #expect(conflicts.first?["seenBy"] as? String == "traced")
    }
}

@Suite("Topology documents")
struct TopologyDocumentTests {
    @Test("the YAML is a topology.yaml the loader reads back, with every call's source in a comment")
    func yamlRoundTrip() throws {
        let summary = try reportWithMixedTopology().topology
        let yaml = TopologyDocument.yaml(summary)
        #expect(yaml.contains("      - payments-worker  # inferred 0.75: a line from fashion-aura-api says it called payments-worker"))
        #expect(yaml.contains("      - redis-cache  # traced ×42 (3 failed)"))
        #expect(yaml.contains("#   reversed payments-worker -> fashion-aura-api"))
        let loaded = try TopologyLoader.parse(yaml, source: "topology.yaml")
        #expect(loaded.services == summary.services.map(\.name))
        #expect(loaded.calls.map { "\($0.caller)→\($0.callee)" } == summary.calls.map { "\($0.caller)→\($0.callee)" })
        #expect(loaded.roles["payments-worker"] == .worker)
    }

    @Test("the JSON is a topology.json the loader reads back, with the edges' details beside it")
    func jsonRoundTrip() throws {
        let summary = try reportWithMixedTopology().topology
        let data = TopologyDocument.json(summary)
        let loaded = try TopologyLoader.parse(String(decoding: data, as: UTF8.self), source: "topology.json")
        #expect(loaded.calls.count == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["edges"] as? [[String: Any]])?.count == 3)
        #expect((object["conflicts"] as? [[String: Any]])?.count == 1)
        #expect(TopologyDocument.json(summary) == data, "stable bytes")
    }

    @Test("names YAML would read as something else are quoted; log text in comments stays on one line")
    func yamlSafety() throws {
        let summary = TopologySummary(
            source: "none",
            services: [.init(name: "null", role: .unknown, roleSource: "unknown"), .init(name: "web", role: .frontend, roleSource: "name")],
            calls: [
                .init(caller: "web", callee: "null", provenance: "inferred", reason: "a line says\nservices: [evil]", confidence: 0.9)
            ])
        let yaml = TopologyDocument.yaml(summary)
        #expect(yaml.contains(#"  - name: "null""#))
        #expect(yaml.contains("# role: unknown (set one of:"))
        #expect(!yaml.contains("\nservices: [evil]"))
        let loaded = try TopologyLoader.parse(yaml, source: "topology.yaml")
        #expect(loaded.services == ["null", "web"])
        #expect(loaded.hasCall(from: "web", to: "null"))
    }
}
