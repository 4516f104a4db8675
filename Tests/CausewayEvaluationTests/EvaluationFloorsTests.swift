import CausewayEvaluation
import Foundation
import Testing

@Suite("Evaluation floors (the CI ratchet)")
struct EvaluationFloorsTests {
    /// A report with one suite and these scores.
    func report(suite: String, ac1: Double, path: Double?) throws -> EvaluationReport {
        let scores = #"{"cases": 10, "ac1": \#(ac1), "ac3": 1, "avg5": 0.9\#(path.map { ", \"pathExact\": \($0)" } ?? "")}"#
        let group = #"{"name": "\#(suite)", "scores": \#(scores), "baselines": {}, "meanSeconds": 0.1, "maximumPeakMB": 40}"#
        let json = #"{"cases": [], "suites": [\#(group)], "faults": [], "overall": \#(group)}"#
        return try JSONDecoder().decode(EvaluationReport.self, from: Data(json.utf8))
    }

    @Test("a suite below a floor, or missing, is a shortfall; at or above is fine")
    func shortfalls() throws {
        let floors = EvaluationFloors(margin: 0.02, suites: ["real": ["ac1": 0.8, "pathExact": 0.5], "gone": ["ac1": 0.1]])
        let low = floors.shortfalls(in: try report(suite: "real", ac1: 0.7, path: 0.5))
        #expect(low.map(\.metric) == ["ac1", "ac1"])
        #expect(low.map(\.suite) == ["gone", "real"])
        #expect(low[0].measured == nil && low[1].measured == 0.7)
        let fine = floors.shortfalls(in: try report(suite: "real", ac1: 0.8, path: 0.6)).filter { $0.suite == "real" }
        #expect(fine.isEmpty)
        #expect(floors.shortfalls(in: try report(suite: "real", ac1: 0.9, path: nil)).contains { $0.metric == "pathExact" },
                "a metric the suite no longer measures falls short")
    }

    @Test("raising only ever goes up, to the measured figure less the margin")
    func ratchet() throws {
        let floors = EvaluationFloors(margin: 0.02, suites: ["real": ["ac1": 0.8]])
        let up = floors.raised(by: try report(suite: "real", ac1: 0.9, path: 0.7))
        #expect(up.suites["real"]?["ac1"] == 0.88)
        #expect(up.suites["real"]?["pathExact"] == 0.68)
        let down = up.raised(by: try report(suite: "real", ac1: 0.5, path: 0.1))
        #expect(down.suites["real"]?["ac1"] == 0.88)
        #expect(down.suites["real"]?["pathExact"] == 0.68)
    }

    @Test("runs without topology files have floors for the inferred topology's recall and precision")
    func topologyFloors() throws {
        let topology = #"{"cases": 10, "propagationEdges": 20, "propagationEdgesFound": 19, "observedEdges": 50, "observedEdgesDeclared": 45, "recall": 0.95, "precision": 0.9}"#
        let group = #"{"name": "sim", "scores": {"cases": 10, "ac1": 1, "ac3": 1, "avg5": 1}, "baselines": {}, "meanSeconds": 0.1, "maximumPeakMB": 40, "topology": \#(topology)}"#
        let report = try JSONDecoder().decode(
            EvaluationReport.self, from: Data(#"{"cases": [], "suites": [\#(group)], "faults": [], "overall": \#(group)}"#.utf8))
        let raised = EvaluationFloors(margin: 0.02).raised(by: report)
        #expect(raised.suites["sim"]?["topologyRecall"] == 0.93)
        #expect(raised.suites["sim"]?["topologyPrecision"] == 0.88)
        let strict = EvaluationFloors(margin: 0.02, suites: ["sim": ["topologyPrecision": 0.95]])
        #expect(strict.shortfalls(in: report).map(\.metric) == ["topologyPrecision"])
    }

    @Test("the floors file round-trips, and an unknown metric is refused with the file named")
    func file() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("floors-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let floors = EvaluationFloors(margin: 0.03, suites: ["real": ["ac1": 0.4, "ac3": 0.6]])
        try floors.write(to: url)
        #expect(try EvaluationFloors.load(from: url) == floors)
        try Data(#"{"margin": 0.02, "suites": {"real": {"accuracy": 0.5}}}"#.utf8).write(to: url)
        #expect(throws: FloorsError.self) { try EvaluationFloors.load(from: url) }
    }

    @Test("the repository's floors file is valid and covers the real cases and the CI suite")
    func repositoryFloors() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let floors = try EvaluationFloors.load(from: root.appendingPathComponent("eval/floors.json"))
        #expect(floors.suites["nezha-tt"]?["ac1"] != nil)
        #expect(floors.suites["ci-sim"]?["ac1"] != nil)
    }
}
