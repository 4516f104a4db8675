import CausewayEvaluation
import Foundation
import Testing

@Suite("Scoring")
struct ScoringTests {
    func truth(_ json: String) throws -> CaseTruth {
        try JSONDecoder().decode(CaseTruth.self, from: Data(json.utf8))
    }

    func answer(_ json: String) throws -> CaseAnswer {
        try JSONDecoder().decode(CaseAnswer.self, from: Data(json.utf8))
    }

    @Test("AC@k counts the first correct root, acceptable roots included")
    func ranks() throws {
        let truth = try truth(#"{"root_cause": {"service": "a"}, "acceptable_roots": ["b"]}"#)
        let hit = try answer(#"{"hypotheses": [{"service": "c", "confidence": 0.5}, {"service": "b", "confidence": 0.3}], "propagationPath": [], "affectedServices": []}"#)
        let score = CaseScore(answer: hit, truth: truth)
        #expect(score.rank == 2)
        #expect(!score.hit(at: 1) && score.hit(at: 2) && score.hit(at: 3))
        let miss = try answer(#"{"hypotheses": [{"service": "c", "confidence": 0.5}], "propagationPath": [], "affectedServices": []}"#)
        #expect(CaseScore(answer: miss, truth: truth).rank == nil)
    }

    @Test("path exact match and blast-radius F1 over down and degraded services")
    func pathAndF1() throws {
        let truth = try truth(#"{"root_cause": {"service": "a"}, "propagation": ["a", "b", "gw"], "affected": ["a", "b", "gw", "c"]}"#)
        let answer = try answer(
            #"{"hypotheses": [{"service": "a", "confidence": 0.9}], "propagationPath": ["a", "b", "gw"], "affectedServices": [{"service": "a", "health": "down"}, {"service": "b", "health": "degraded"}, {"service": "gw", "health": "degraded"}, {"service": "x", "health": "at-risk"}, {"service": "y", "health": "degraded"}]}"#)
        let score = CaseScore(answer: answer, truth: truth)
        #expect(score.pathExact == true)
        // predicted {a, b, gw, y}, actual {a, b, gw, c}: precision 3/4, recall 3/4.
        #expect(abs((score.blastRadiusF1 ?? 0) - 0.75) < 1e-9)
    }

    @Test("summaries: AC@1, AC@3, Avg@5")
    func summary() {
        var scores: [CaseScore] = []
        for rank in [1, 2, 3, nil, 5] as [Int?] {
            var score = CaseScore(ranked: [], truth: CaseTruthFixture.make())
            score.rank = rank
            scores.append(score)
        }
        let summary = ScoreSummary(scores)
        #expect(summary.ac1 == 0.2)
        #expect(summary.ac3 == 0.6)
        #expect(abs(summary.avg5 - (0.2 + 0.4 + 0.6 + 0.6 + 0.8) / 5) < 1e-9)
    }

    @Test("baselines rank by error lines and by the first error")
    func baselines() throws {
        let activity = try answer(
            #"{"hypotheses": [], "propagationPath": [], "affectedServices": [], "serviceActivity": [{"service": "a", "errorLines": 3, "firstError": "2026-01-01T00:00:05.000Z"}, {"service": "b", "errorLines": 9, "firstError": "2026-01-01T00:00:07.000Z"}, {"service": "c", "errorLines": 0}]}"#
        ).serviceActivity!
        #expect(Baseline.mostErrors.rank(activity) == ["b", "a"])
        #expect(Baseline.earliestError.rank(activity) == ["a", "b"])
    }
}

enum CaseTruthFixture {
    static func make() -> CaseTruth {
        try! JSONDecoder().decode(CaseTruth.self, from: Data(#"{"root_cause": {"service": "a"}}"#.utf8))
    }
}
