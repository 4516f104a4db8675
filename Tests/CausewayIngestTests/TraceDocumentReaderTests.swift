import CausewayCore
import CausewayIngest
import Foundation
import Testing

/// The trace fixtures: one checkout flow (web-frontend → checkout-api → payments-worker, checkout-api →
/// orders-db) three times, twice failing at payments-worker, as each tracer exports it.
enum TraceFixture: String, CaseIterable, CustomTestStringConvertible {
    case otlp = "otlp-traces.json"
    case jaeger = "jaeger-traces.json"
    case zipkin = "zipkin-traces.json"

    var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/traces/\(rawValue)")
    }

    var format: LogFormat {
        switch self {
        case .otlp: .otlpTraces
        case .jaeger: .jaegerTraces
        case .zipkin: .zipkinTraces
        }
    }

    var testDescription: String { rawValue }
}

/// Ingests files from disk as one input.
func ingest(files: [URL]) throws -> IncidentLog {
    var ingestor = LogIngestor(rulebook: try SignalRulebook.bundled())
    for file in files { ingestor.ingest(fileAt: file.path, displayPath: file.lastPathComponent) }
    return ingestor.finish()
}

@Suite("Trace exports")
struct TraceDocumentReaderTests {
    @Test("parent and child spans across services become call edges weighted by call count", arguments: TraceFixture.allCases)
    func callEdges(fixture: TraceFixture) throws {
        let log = try ingest(files: [fixture.url])
        let edges = log.tracedCalls.map { "\($0.caller) → \($0.callee)" }
        #expect(
            edges == ["checkout-api → orders-db", "checkout-api → payments-worker", "web-frontend → checkout-api"],
            "\(edges)")
        #expect(log.tracedCalls.allSatisfy { $0.provenance == .traced && $0.traffic?.calls == 3 })
        let errors = Dictionary(uniqueKeysWithValues: log.tracedCalls.map { ("\($0.caller)→\($0.callee)", $0.traffic?.errors ?? -1) })
        #expect(errors["checkout-api→payments-worker"] == 2)
        #expect(errors["web-frontend→checkout-api"] == 2)
        #expect(errors["checkout-api→orders-db"] == 0)
        // Each edge cites spans by their line in the export, and says what traces saw.
        for call in log.tracedCalls {
            #expect(!call.evidence.isEmpty && call.evidence.allSatisfy { $0.file == fixture.rawValue && $0.line > 1 })
            #expect(call.reason?.hasPrefix("traces show 3 call(s) from \(call.caller) to \(call.callee)") == true, "\(call.reason ?? "")")
            #expect(call.confidence > 0.5)
        }
    }

    @Test("the export is detected among the inputs like a log, by its content", arguments: TraceFixture.allCases)
    func detection(fixture: TraceFixture) throws {
        let log = try ingest(files: [fixture.url])
        #expect(log.statistics.files.map(\.format) == [fixture.format])
        #expect(log.statistics.skipped.isEmpty, "\(log.statistics.skipped)")
    }

    @Test("failed spans become ERROR events of their service, at the span's end, citing the span", arguments: TraceFixture.allCases)
    func errorSpans(fixture: TraceFixture) throws {
        let log = try ingest(files: [fixture.url])
        let errors = log.templates.filter { $0.level >= .error }
        let services = Set(errors.map(\.service))
        #expect(services.isSuperset(of: ["payments-worker", "checkout-api"]), "\(services)")
        let worker = errors.filter { $0.service == "payments-worker" }
        #expect(worker.map(\.count).reduce(0, +) == 2)
        #expect(worker.allSatisfy { $0.samples.allSatisfy { $0.location.file == fixture.rawValue && $0.timestamp != nil } })
        // The error names the callee it failed to reach, so the failure can be followed down the calls.
        let checkout = errors.filter { $0.service == "checkout-api" }
        #expect(checkout.contains { $0.mentions.contains { $0.target == .service("payments-worker") } }, "\(checkout.map(\.message))")
    }

    @Test("logs and trace exports read together: the traced calls join the emitters of the logs")
    func besideLogs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-traces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let logFile = folder.appendingPathComponent("app.log")
        try Data("2026-05-24T11:54:10.221Z ERROR payments-worker HikariPool-1 - Connection is not available\n".utf8).write(to: logFile)
        let log = try ingest(files: [logFile, TraceFixture.jaeger.url])
        #expect(log.statistics.recordsByFormat[.plain] == 1)
        #expect(log.tracedCalls.count == 3)
        #expect(Set(log.statistics.files.map(\.path)) == ["app.log", "jaeger-traces.json"])
    }

    @Test("a producer's message consumed in another service is a hand-off, not a call")
    func messagingIsNoCall() throws {
        let jaeger = #"""
            {"data": [{"traceID": "aa01", "spans": [
              {"traceID": "aa01", "spanID": "s1", "operationName": "publish orders", "references": [], "startTime": 1779623650000000, "duration": 1000, "processID": "p1", "tags": [{"key": "span.kind", "type": "string", "value": "producer"}]},
              {"traceID": "aa01", "spanID": "s2", "operationName": "consume orders", "references": [{"refType": "FOLLOWS_FROM", "traceID": "aa01", "spanID": "s1"}], "startTime": 1779623650002000, "duration": 1000, "processID": "p2", "tags": [{"key": "span.kind", "type": "string", "value": "consumer"}]},
              {"traceID": "aa01", "spanID": "s3", "operationName": "GET /stock", "references": [{"refType": "CHILD_OF", "traceID": "aa01", "spanID": "s2"}], "startTime": 1779623650003000, "duration": 1000, "processID": "p3", "tags": [{"key": "span.kind", "type": "string", "value": "server"}]}
            ], "processes": {"p1": {"serviceName": "checkout-api", "tags": []}, "p2": {"serviceName": "orders-consumer", "tags": []}, "p3": {"serviceName": "stock-api", "tags": []}}}]}
            """#
        let log = try ingest(jaeger, file: "traces.json")
        #expect(log.tracedCalls.map { "\($0.caller) → \($0.callee)" } == ["orders-consumer → stock-api"])
    }

    @Test("a server span's own failure fails none of the calls it made, and names no callee when it made several")
    func serverFailure() throws {
        func span(_ id: String, _ parent: String, code: Int) -> String {
            #"{"traceId": "t1", "spanId": "\#(id)", "parentSpanId": "\#(parent)", "name": "POST /checkout", "kind": 2, "startTimeUnixNano": "1779623650000000000", "endTimeUnixNano": "1779623650100000000", "status": {"code": \#(code)}}"#
        }
        func resource(_ service: String, _ spans: [String]) -> String {
            #"{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "\#(service)"}}]}, "scopeSpans": [{"spans": [\#(spans.joined(separator: ","))]}]}"#
        }
        let otlp = #"{"resourceSpans": ["# + [
            resource("checkout-api", [span("a1", "", code: 2)]), resource("orders-api", [span("b1", "a1", code: 0)]),
            resource("stock-api", [span("c1", "a1", code: 0)]),
        ].joined(separator: ",") + "]}"
        let log = try ingest(otlp, file: "traces.json")
        #expect(log.tracedCalls.map { "\($0.caller) → \($0.callee)" } == ["checkout-api → orders-api", "checkout-api → stock-api"])
        #expect(log.tracedCalls.allSatisfy { $0.traffic?.errors == 0 })
        let failure = try #require(log.templates.first { $0.level >= .error })
        #expect(failure.service == "checkout-api")
        #expect(failure.message == "POST /checkout failed", "\(failure.message)")
    }

    @Test("a truncated export keeps the spans before the damage and says so")
    func truncated() throws {
        let data = try Data(contentsOf: TraceFixture.otlp.url)
        let log = try ingest(bytes: Array(data.prefix(data.count * 2 / 3)), file: "otlp-traces.json")
        #expect(log.statistics.skipped[.damagedTrace] == 1)
        #expect(!log.tracedCalls.isEmpty)
    }
}
