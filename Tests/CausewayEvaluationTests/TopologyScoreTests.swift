import CausewayEvaluation
import Foundation
import Testing

@Suite("Topology score")
struct TopologyScoreTests {
    func edges(_ pairs: [(String, String)]) -> Set<CallEdge> { Set(pairs.map { CallEdge(caller: $0.0, callee: $0.1) }) }

    @Test("recall over the calls the propagation crosses, in their direction; precision over every observed call")
    func score() {
        let declared = edges([("gw", "api"), ("api", "worker"), ("api", "db"), ("worker", "cache")])
        let observed = edges([("gw", "api"), ("worker", "api"), ("api", "db"), ("api", "phantom")])
        let score = TopologyScore(observed: observed, declared: declared, propagation: ["worker", "api", "gw"])
        // Crossed: api → worker (observed reversed: missed), gw → api (found).
        #expect(score.propagationEdges == 2 && score.propagationEdgesFound == 1)
        #expect(score.recall == 0.5)
        #expect(score.observedEdges == 4 && score.observedEdgesDeclared == 2)
        #expect(score.precision == 0.5)
        #expect(score.missed == [CallEdge(caller: "api", callee: "worker")])
        #expect(score.spurious == [CallEdge(caller: "api", callee: "phantom"), CallEdge(caller: "worker", callee: "api")])
    }

    @Test("groups add counts, not ratios; nothing observed is no precision rather than zero")
    func summary() throws {
        let declared = edges([("b", "a"), ("c", "b")])
        let one = TopologyScore(observed: edges([("b", "a")]), declared: declared, propagation: ["a", "b"])
        let two = TopologyScore(observed: [], declared: declared, propagation: ["a", "b", "c"])
        #expect(two.precision == nil && two.recall == 0)
        let total = try #require(TopologyScoreSummary([one, two]))
        #expect(total.propagationEdges == 3 && total.propagationEdgesFound == 1)
        #expect(total.precision == 1)
        #expect(TopologyScoreSummary([]) == nil)
    }

    @Test("report.json's topology calls are read; declared ones are not observations")
    func answer() throws {
        let json = #"{"hypotheses": [], "propagationPath": [], "affectedServices": [], "topology": {"source": "x", "services": [], "calls": [{"caller": "a", "callee": "b", "provenance": "declared"}, {"caller": "b", "callee": "c", "provenance": "inferred"}, {"caller": "c", "callee": "d", "provenance": "traced"}]}}"#
        let answer = try JSONDecoder().decode(CaseAnswer.self, from: Data(json.utf8))
        #expect(answer.observedCalls == edges([("b", "c"), ("c", "d")]))
    }
}
