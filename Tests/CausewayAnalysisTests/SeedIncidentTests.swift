import CausewayAnalysis
import CausewayCore
import Testing

@Suite("The example incident")
struct SeedIncidentTests {
    @Test("patient zero is payments-worker or redis-cache, with the other among the hypotheses")
    func patientZero() throws {
        let report = try analyse(try seedLines().joined(separator: "\n"))
        let zero = try #require(report.patientZero)
        let acceptable: Set<ServiceName> = ["payments-worker", "redis-cache"]
        #expect(acceptable.contains(zero.service))
        let other = acceptable.subtracting([zero.service]).first!
        #expect(report.hypotheses.contains { $0.service == other })
        #expect(report.hypotheses.first?.service == zero.service)
        #expect(zero.signal == "oom" || zero.signal == "cluster_down")
    }

    @Test("the path ends at api-gateway, and redis-cache never sits downstream of it")
    func path() throws {
        let report = try analyse(try seedLines().joined(separator: "\n"))
        #expect(report.propagationPath.last == "api-gateway")
        #expect(report.propagationPath.contains("fashion-aura-api"))
        if let redis = report.propagationPath.firstIndex(of: "redis-cache") {
            #expect(redis < report.propagationPath.firstIndex(of: "api-gateway")!)
        }
        // Every hop runs from a dependency to its caller.
        for hop in report.propagationSteps {
            #expect(report.topology.calls.contains { $0.caller == hop.to && $0.callee == hop.from })
        }
    }

    @Test("confidences are in [0, 1], ranked, and sum to at most 1")
    func confidences() throws {
        let report = try analyse(try seedLines().joined(separator: "\n"))
        let values = report.hypotheses.map(\.confidence)
        #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(values.reduce(0, +) <= 1)
        #expect(values == values.sorted(by: >))
        #expect(report.hypotheses.map(\.rank) == Array(1...report.hypotheses.count))
    }

    @Test("the blast radius holds the four services, and severity is P1 because the gateway is degraded")
    func blastRadius() throws {
        let report = try analyse(try seedLines().joined(separator: "\n"))
        let affected = Set(report.affectedServices.filter { $0.health != .atRisk }.map(\.service))
        #expect(affected == ["payments-worker", "fashion-aura-api", "api-gateway", "redis-cache"])
        #expect(report.affectedServices.first { $0.service == "api-gateway" }?.health == .degraded)
        #expect(report.severity.level == "P1")
    }

    @Test("equal timestamps are no evidence: any order of the lines gives the same answer")
    func orderDoesNotMatter() throws {
        let lines = try seedLines()
        let reference = try analyse(lines.joined(separator: "\n"))
        for permutation in [lines.reversed(), [lines[3], lines[1], lines[4], lines[0], lines[2]], [lines[2], lines[4], lines[3], lines[1], lines[0]]] {
            let report = try analyse(permutation.joined(separator: "\n"))
            #expect(report.patientZero?.service == reference.patientZero?.service)
            #expect(report.propagationPath == reference.propagationPath)
            #expect(report.hypotheses.map(\.service) == reference.hypotheses.map(\.service))
            #expect(report.hypotheses.map(\.confidence) == reference.hypotheses.map(\.confidence))
        }
    }

    @Test("every claim cites a line that exists")
    func citations() throws {
        let lines = try seedLines()
        let report = try analyse(lines.joined(separator: "\n"))
        var refs = report.hypotheses.flatMap(\.evidence) + report.affectedServices.flatMap(\.evidence)
        refs += report.summary.flatMap(\.evidence) + report.whys.flatMap(\.evidence) + report.recommendations.flatMap(\.evidence)
        refs += report.timeline.map(\.evidence)
        #expect(!refs.isEmpty)
        for ref in refs { #expect((1...lines.count).contains(ref.line)) }
        #expect(report.summary.allSatisfy { !$0.evidence.isEmpty })
        #expect(report.whys.filter { !$0.needsHuman }.allSatisfy { !$0.evidence.isEmpty })
    }
}
