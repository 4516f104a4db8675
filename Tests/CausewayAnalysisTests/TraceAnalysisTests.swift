import CausewayAnalysis
import CausewayCore
import CausewayIngest
import Foundation
import Testing

/// The trace exports of `CausewayIngestTests/Fixtures/traces`.
func traceFixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CausewayIngestTests/Fixtures/traces/\(name)")
}

@Suite("Incidents read off traces")
struct TraceAnalysisTests {
    @Test(
        "a trace export alone is an incident: failed spans are events, traced calls carry the path",
        arguments: ["otlp-traces.json", "jaeger-traces.json", "zipkin-traces.json"])
    func tracesAlone(file: String) throws {
        let pipeline = IncidentPipeline(analyzer: try IncidentAnalyzer.bundled(), generator: "causeway test")
        let report = try pipeline.run(.init(paths: [traceFixture(file).path]))
        #expect(report.patientZero?.service == "payments-worker")
        #expect(report.propagationPath == ["payments-worker", "checkout-api", "web-frontend"])
        let calls = report.graph.edges.filter { $0.kind == .calls }
        #expect(!calls.isEmpty && calls.allSatisfy { $0.provenance == "traced" })
        #expect(report.topology.callsByProvenance == ["traced": 3])
    }

    @Test(
        "every propagation step cites lines, one the calls alone carry too (the first trouble at each end)",
        arguments: ["nezha-tt-2023-01-29-1056", "nezha-tt-2023-01-29-1119"])
    func everyStepCitesLines(name: String) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Cases/nezha-tt/\(name)")
        let pipeline = IncidentPipeline(analyzer: try IncidentAnalyzer.bundled(), generator: "causeway test")
        let report = try pipeline.run(.init(paths: [folder.path]))
        let steps = report.hypotheses.flatMap(\.propagationSteps) + report.propagationSteps
        #expect(!steps.isEmpty)
        #expect(steps.allSatisfy { !$0.evidence.isEmpty }, "\(steps.filter { $0.evidence.isEmpty }.map { "\($0.from) → \($0.to): \($0.reason)" })")
    }

    @Test("a declared call the traces run against is reported as a conflict, with the spans as evidence")
    func conflictInReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-trace-case-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: traceFixture("jaeger-traces.json"), to: folder.appendingPathComponent("traces.json"))
        try """
        services:
          - name: web-frontend
            role: frontend
            calls: [checkout-api]
          - name: checkout-api
            calls: [orders-db]
          - name: payments-worker
            calls: [checkout-api]
          - name: orders-db
            role: database
        """.write(to: folder.appendingPathComponent("topology.yaml"), atomically: true, encoding: .utf8)
        let pipeline = IncidentPipeline(analyzer: try IncidentAnalyzer.bundled(), generator: "causeway test")
        let report = try pipeline.run(.init(paths: [folder.path]))
        let conflicts = report.topology.conflicts ?? []
        let reversed = try #require(conflicts.first { $0.kind == .reversed }, "\(conflicts)")
        #expect(reversed.caller == "checkout-api" && reversed.callee == "payments-worker" && reversed.seenBy == .traced)
        #expect(reversed.evidence.allSatisfy { $0.file == "traces.json" } && !reversed.evidence.isEmpty)
        // The confirmed declarations carry the traffic the traces saw.
        let confirmed = try #require(report.topology.calls.first { $0.caller == "web-frontend" && $0.callee == "checkout-api" })
        #expect(confirmed.provenance == "declared" && confirmed.alsoSeenBy == ["traced"] && confirmed.traffic?.calls == 3)
    }
}
