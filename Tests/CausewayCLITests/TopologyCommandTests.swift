import Foundation
import Testing

/// A case folder: one log (checkout-api calls payments-worker at its address), a topology file, a truth.
func topologyCase(topology: String = "services:\n  - name: checkout-api\n    calls: [payments-worker]\n  - name: payments-worker\n") throws -> URL {
    let folder = try temporaryDirectory().appendingPathComponent("case-1")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
    try """
    2026-05-24T10:00:05.000Z FATAL payments-worker java.lang.OutOfMemoryError: Java heap space
    2026-05-24T10:00:06.000Z ERROR checkout-api POST http://payments-worker:8080/charge failed: connection refused
    2026-05-24T10:00:07.000Z ERROR checkout-api POST http://payments-worker:8080/charge failed: connection refused
    """.write(to: folder.appendingPathComponent("logs/app.log"), atomically: true, encoding: .utf8)
    try topology.write(to: folder.appendingPathComponent("topology.yaml"), atomically: true, encoding: .utf8)
    try #"{"root_cause": {"service": "payments-worker"}, "propagation": ["payments-worker", "checkout-api"]}"#
        .write(to: folder.appendingPathComponent("truth.json"), atomically: true, encoding: .utf8)
    return folder
}

@Suite("causeway topology", .serialized)
struct TopologyCommandTests {
    @Test("prints the merged map as topology.yaml, each call's source beside it")
    func yaml() throws {
        let folder = try topologyCase()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let result = try Binary.run(["topology", folder.path, "--without-topology"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.contains("services:\n  - name: checkout-api\n"))
        #expect(result.output.contains("      - payments-worker  # inferred 0.90: a line from checkout-api reaches payments-worker at its address (logs/app.log:2)"), "\(result.output)")
        // Saved and given back, it is a valid declaration.
        let saved = folder.deletingLastPathComponent().appendingPathComponent("saved.yaml")
        try result.stdout.write(to: saved)
        let again = try Binary.run(["topology", folder.path, "--topology", saved.path, "--format", "json"])
        #expect(again.status == 0, "\(again.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: again.stdout) as? [String: Any])
        let edges = try #require(object["edges"] as? [[String: Any]])
        #expect(edges.map { $0["provenance"] as? String } == ["declared"])
    }

    @Test("the declared file in a case folder is merged; dot draws each source in its style", arguments: ["dot", "svg"])
    func drawings(format: String) throws {
        let folder = try topologyCase()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let result = try Binary.run(["topology", folder.path, "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        if format == "dot" {
            #expect(result.output.hasPrefix("digraph topology {"))
            #expect(result.output.contains(#""svc:checkout-api" -> "svc:payments-worker" [style=solid"#))
        } else {
            #expect(result.output.contains("<svg"))
            // (Graphviz writes `-` in attributes as `&#45;`.)
            #expect(result.output.replacingOccurrences(of: "&#45;", with: "-").contains("edge-calls provenance-declared"))
        }
    }

    @Test("an invalid topology file fails with its file and line (exit 1)")
    func invalidFile() throws {
        let folder = try topologyCase(topology: "services:\n  - name: checkout-api\n    role: wizard\n")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let result = try Binary.run(["topology", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("topology.yaml:3"), "\(result.stderr)")
        #expect(result.stderr.contains("unknown role 'wizard'"))
        #expect(result.stdout.isEmpty)
    }

    @Test("exit codes: 1 when nothing can be read, 2 for usage; --help shows an example")
    func exitCodes() throws {
        #expect(try Binary.run(["topology", "/nonexistent/logs"]).status == 1)
        #expect(try Binary.run(["topology"]).status == 2)
        #expect(try Binary.run(["topology", "x.log", "--format", "png"]).status == 2)
        let help = try Binary.run(["topology", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("causeway topology ./incident-logs > topology.yaml"))
    }

    @Test("analyze --without-topology ignores the case's file; eval --without-topology scores the topology found")
    func withoutTopology() throws {
        let folder = try topologyCase()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let with = try Binary.run(["analyze", folder.path, "--format", "json"])
        let without = try Binary.run(["analyze", folder.path, "--format", "json", "--without-topology"])
        #expect(with.status == 0 && without.status == 0, "\(with.stderr) \(without.stderr)")
        let source = { (data: Data) in
            ((try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["topology"] as? [String: Any])?["source"] as? String
        }
        #expect(source(with.stdout) == "topology.yaml")
        #expect(source(without.stdout) == "inferred from the logs")

        let eval = try Binary.run(["eval", folder.deletingLastPathComponent().path, "--without-topology", "--json"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: eval.stdout) as? [String: Any])
        let overall = try #require(report["overall"] as? [String: Any])
        let topology = try #require(overall["topology"] as? [String: Any], "\(overall)")
        #expect(topology["recall"] as? Double == 1)
        #expect(topology["precision"] as? Double == 1)
        let table = try Binary.run(["eval", folder.deletingLastPathComponent().path, "--without-topology"])
        #expect(table.output.contains("recall 1.000 (1 of 1 propagation edges), precision 1.000 (1 of 1 observed edges declared)"), "\(table.output)")
    }
}
