import CausewayAnalysis
import CausewayHistory
import Foundation
import Testing

/// `causeway analyze --history` and `causeway history …`, run as a user would.
@Suite("The history commands", .serialized)
struct HistoryCommandTests {
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data((text + "\n").utf8).write(to: url)
        return url.path
    }

    static func jsonArray(_ data: Data) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    @Test("analyze --history alone stores into $XDG_DATA_HOME/causeway/history.sqlite and fills the similar incidents")
    func analyzeDefaultPath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("xdg")
        let environment = ["XDG_DATA_HOME": data.path]
        let first = try Self.write(Incidents.paymentsOOM, "first.log", in: folder)
        let twin = try Self.write(Incidents.paymentsOOMAgain, "twin.log", in: folder)

        let stored = try CausewayBinary.run(["analyze", first, "--format", "json", "--history"], home: folder, extra: environment)
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("causeway/history.sqlite").path))
        let firstReport = try JSONDecoder().decode(IncidentReport.self, from: stored.stdout)
        #expect(firstReport.similarIncidents.searched)
        #expect(firstReport.similarIncidents.matches.isEmpty)

        let out = folder.appendingPathComponent("postmortem")
        let again = try CausewayBinary.run(["analyze", "--history", "--out", out.path, twin], home: folder, extra: environment)
        #expect(again.status == 0, "\(again.stderr)")
        let report = try JSONDecoder().decode(IncidentReport.self, from: try #require(contents(out.appendingPathComponent("report.json"))))
        #expect(report.similarIncidents.matches.first?.id == IncidentID(of: firstReport).rawValue)
        #expect(report.similarIncidents.note.contains("Compared with 1 past incident"))
        let markdown = String(decoding: try #require(contents(out.appendingPathComponent("report.md"))), as: UTF8.self)
        #expect(markdown.contains("`\(IncidentID(of: firstReport))`"))

        // The report.json stored is the one written.
        let shown = try CausewayBinary.run(["history", "show", IncidentID(of: report).rawValue, "--report"], home: folder, extra: environment)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout == contents(out.appendingPathComponent("report.json")))
    }

    @Test("list and search print JSON arrays, best match first; resolve's note shows in later matches; forget removes")
    func listSearchResolveForget() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("team.sqlite").path
        for (index, text) in [Incidents.paymentsOOM, Incidents.ordersPool, Incidents.redisDown].enumerated() {
            let log = try Self.write(text, "incident-\(index).log", in: folder)
            let result = try CausewayBinary.run(["analyze", log, "--format", "json", "--history", database], home: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let list = try CausewayBinary.run(["history", "list", "--history", database, "--format", "json"], home: folder)
        #expect(list.status == 0, "\(list.stderr)")
        let incidents = try Self.jsonArray(list.stdout)
        #expect(incidents.count == 3)
        #expect(incidents.first?["title"] as? String == "Cluster down in redis-cache", "most recent first")

        let twin = try Self.write(Incidents.ordersPoolAgain, "twin.log", in: folder)
        let search = try CausewayBinary.run(["history", "search", twin, "--history", database, "--format", "json"], home: folder)
        #expect(search.status == 0, "\(search.stderr)")
        let matches = try Self.jsonArray(search.stdout)
        let best = try #require(matches.first)
        #expect((best["title"] as? String)?.contains("orders-api") == true)
        let scores = matches.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        let id = try #require(best["id"] as? String)

        let resolve = try CausewayBinary.run(["history", "resolve", String(id.prefix(9)), "--note", "doubled the pool", "--history", database], home: folder)
        #expect(resolve.status == 0, "\(resolve.stderr)")
        let words = try CausewayBinary.run(["history", "search", "pool", "exhausted", "--history", database, "--format", "json"], home: folder)
        #expect(try Self.jsonArray(words.stdout).first?["resolution"] as? String == "doubled the pool")

        let text = try CausewayBinary.run(["history", "search", "clusterdown", "--history", database], home: folder)
        #expect(text.status == 0)
        #expect(text.output.contains("Cluster down in redis-cache"))

        let forget = try CausewayBinary.run(["history", "forget", id, "--history", database], home: folder)
        #expect(forget.status == 0, "\(forget.stderr)")
        let after = try CausewayBinary.run(["history", "list", "--history", database, "--format", "json"], home: folder)
        #expect(try Self.jsonArray(after.stdout).count == 2)
    }

    @Test("export and import move a history, resolution notes included; importing twice adds nothing")
    func exportImport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("a.sqlite").path
        let target = folder.appendingPathComponent("b.sqlite").path
        let log = try Self.write(Incidents.diskFull, "disk.log", in: folder)
        #expect(try CausewayBinary.run(["analyze", log, "--format", "json", "--history", source], home: folder).status == 0)
        let id = try #require(try Self.jsonArray(CausewayBinary.run(["history", "list", "--history", source, "--format", "json"], home: folder).stdout).first?["id"] as? String)
        #expect(try CausewayBinary.run(["history", "resolve", id, "--note", "rotated logs", "--history", source], home: folder).status == 0)
        let file = folder.appendingPathComponent("export.json").path
        let export = try CausewayBinary.run(["history", "export", "--out", file, "--history", source], home: folder)
        #expect(export.status == 0, "\(export.stderr)")
        let first = try CausewayBinary.run(["history", "import", file, "--history", target, "--format", "json"], home: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.output.contains("\"imported\" : 1"))
        let second = try CausewayBinary.run(["history", "import", file, "--history", target, "--format", "json"], home: folder)
        #expect(second.output.contains("\"alreadyPresent\" : 1"))
        let shown = try CausewayBinary.run(["history", "show", id, "--history", target], home: folder)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.output.contains("rotated logs"))
    }

    @Test("exit codes: 1 with the reason for an unknown id or a file that is not a history, 2 for usage")
    func exitCodes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("h.sqlite").path
        let unknown = try CausewayBinary.run(["history", "show", "INC-000000000000", "--history", database], home: folder)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no incident INC-000000000000"))

        let foreign = folder.appendingPathComponent("notes.txt")
        try Data("these are my notes, not a database\n".utf8).write(to: foreign)
        let refused = try CausewayBinary.run(["history", "list", "--history", foreign.path], home: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not an SQLite database"))
        #expect(contents(foreign) == Data("these are my notes, not a database\n".utf8))

        #expect(try CausewayBinary.run(["history", "resolve", "INC-000000000000", "--history", database], home: folder).status == 2, "--note is required")
        #expect(try CausewayBinary.run(["history", "list", "--format", "xml", "--history", database], home: folder).status == 2)
        #expect(try CausewayBinary.run(["history", "forget", "nope", "--history", database], home: folder).status == 2)
        #expect(try CausewayBinary.run(["history", "frobnicate"], home: folder).status == 2)
        let empty = try CausewayBinary.run(["history", "list", "--history", database, "--format", "json"], home: folder)
        #expect(empty.status == 0)
        #expect(try Self.jsonArray(empty.stdout).isEmpty)
    }

    @Test("--help of every history command shows an example", arguments: ["list", "show", "search", "resolve", "forget", "export", "import"])
    func help(_ command: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CausewayBinary.run(["history", command, "--help"], home: folder)
        #expect(result.status == 0)
        #expect(result.output.contains("Example"))
        #expect(result.output.contains("causeway history \(command) "))
        #expect(result.output.contains("--history <path>"))
    }
}
