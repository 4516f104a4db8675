import CausewayAnalysis
import CausewayCore
@testable import CausewayHistory
import CausewayReport
import Foundation
import Testing

@Suite("Similarity search")
struct SimilarityTests {
    /// A history holding one incident of every labelled pair and the distractors.
    static func labelledHistory(_ folder: URL) throws -> (IncidentHistory, [String: IncidentID]) {
        let history = try IncidentHistory(path: folder.appendingPathComponent("history.sqlite").path)
        var ids: [String: IncidentID] = [:]
        for pair in Incidents.pairs { ids[pair.name] = try store(pair.stored, in: history) }
        for distractor in Incidents.distractors { try store(distractor, in: history) }
        return (history, ids)
    }

    @Test("a re-analysed incident finds its twin first", arguments: Incidents.pairs.map(\.name))
    func twinFirst(_ name: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (history, ids) = try Self.labelledHistory(folder)
        let pair = try #require(Incidents.pairs.first { $0.name == name })
        let result = try history.similar(to: try analyse(pair.twin), limit: 10, minimumScore: 0)
        #expect(result.compared == Incidents.pairs.count + Incidents.distractors.count)
        let first = try #require(result.matches.first)
        #expect(first.incident.id == ids[name], "\(result.matches.map { "\($0.incident.title) \($0.score)" })")
        #expect(first.score >= 0.5)
        if result.matches.count > 1 {
            #expect(first.score - result.matches[1].score >= 0.2, "the twin stands clear of the rest")
        }
        #expect(result.matches.allSatisfy { (0...1).contains($0.score) })
        #expect(result.matches.map(\.score) == result.matches.map(\.score).sorted(by: >))
    }

    @Test("the twin's reasons name the same patient zero, the shared signals and the path")
    func reasons() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (history, _) = try Self.labelledHistory(folder)
        let first = try #require(try history.similar(to: try analyse(Incidents.paymentsOOMAgain)).matches.first)
        #expect(first.why.contains("same patient zero: payments-worker (oom)"))
        #expect(first.why.contains { $0.hasPrefix("shared signals: ") && $0.contains("oom") })
        #expect(first.why.contains { $0.hasPrefix("same propagation path: payments-worker → checkout-api → api-gateway") })
        #expect(first.breakdown.patientZero == 1)
    }

    @Test("the report's similar incidents: searched, how many were compared, at most 5, itself left out, resolution shown")
    func fillsReport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (history, ids) = try Self.labelledHistory(folder)
        let oom = try #require(ids["payments OOM"])
        try history.resolve(oom, note: "raised the heap to 1 GiB")
        let twin = try analyse(Incidents.paymentsOOMAgain)
        try history.store(twin, reportJSON: JSONReportWriter.data(twin))

        let filled = try history.withSimilarIncidents(twin)
        #expect(filled.similarIncidents.searched)
        #expect(filled.similarIncidents.note.contains("Compared with 5 past incidents"), "\(filled.similarIncidents.note)")
        #expect(filled.similarIncidents.matches.count <= 5)
        #expect(!filled.similarIncidents.matches.contains { $0.id == IncidentID(of: twin).rawValue })
        let first = try #require(filled.similarIncidents.matches.first)
        #expect(first.id == oom.rawValue)
        #expect(first.resolution == "raised the heap to 1 GiB")
        var unfilled = filled
        unfilled.similarIncidents = twin.similarIncidents
        #expect(unfilled == twin, "nothing else in the report changes")

        let markdown = MarkdownRenderer.render(PostmortemDocument(report: filled))
        #expect(markdown.contains("`\(oom.rawValue)`"))
        #expect(markdown.contains("raised the heap to 1 GiB"))
    }

    @Test("an empty history says so")
    func emptyHistory() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = try IncidentHistory(path: folder.appendingPathComponent("h.sqlite").path)
        let filled = try history.withSimilarIncidents(try analyse(Incidents.diskFull))
        #expect(filled.similarIncidents.searched)
        #expect(filled.similarIncidents.matches.isEmpty)
        #expect(filled.similarIncidents.note.contains("no other incident"))
    }

    @Test("search by words ranks the incidents holding the rarer words first, ties by id")
    func textSearch() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (history, ids) = try Self.labelledHistory(folder)
        let pool = try history.search(text: "pool exhausted orders-api")
        #expect(pool.matches.first?.incident.id == ids["orders pool exhausted"])
        #expect(pool.matches.first?.score == 1)
        let redis = try history.search(text: "clusterdown")
        #expect(redis.matches.map(\.incident.id) == [ids["redis cluster down"]!])
        #expect(try history.search(text: "nothing-like-this").matches.isEmpty)
        let both = try history.search(text: "api-gateway")
        #expect(both.matches.map(\.incident.id) == both.matches.map(\.incident.id).sorted(), "equal scores tie by id")
    }

    @Test("scores are deterministic: the same history and query give the same matches")
    func deterministic() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (history, _) = try Self.labelledHistory(folder)
        let query = try analyse(Incidents.redisDownAgain)
        let first = try history.similar(to: query, limit: 10, minimumScore: 0)
        for _ in 0..<3 { #expect(try history.similar(to: query, limit: 10, minimumScore: 0) == first) }
    }

    @Test("the parts: identical signatures score 1, disjoint ones 0; LCS over paths")
    func parts() throws {
        let a = IncidentSignature(report: try analyse(Incidents.paymentsOOM))
        let b = IncidentSignature(report: try analyse(Incidents.certificateExpired))
        let scorer = SimilarityScorer(corpus: [a, b])
        #expect(scorer.compare(a, a, queryInCorpus: true).score == 1)
        let disjoint = IncidentSignature(
            title: "x", severity: "P4", windowStart: nil, windowEnd: nil, patientZero: nil, propagationPath: [], pathRoles: [],
            services: [], templates: [], terms: [.init(kind: .token, text: "unrelated", count: 1)])
        #expect(scorer.compare(a, disjoint).score == 0)
        #expect(SimilarityScorer.longestCommonSubsequence(Array("ABCBDAB"), Array("BDCABA")).count == 4)
        #expect(SimilarityScorer.longestCommonSubsequence([1, 2, 3], [4, 5]).isEmpty)
    }
}
