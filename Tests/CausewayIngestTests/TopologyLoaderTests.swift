import CausewayCore
import CausewayIngest
import Testing

@Suite("TopologyLoader")
struct TopologyLoaderTests {
    @Test("reads services, roles and calls from YAML and JSON")
    func reads() throws {
        let yaml = try TopologyLoader.parse(
            """
            services:
              - name: api-gateway
                role: gateway
                calls: [orders-api]
              - name: orders-api
                calls:
                  - orders-db
              - name: orders-db
                role: database
            """, source: "topology.yaml")
        #expect(yaml.services == ["api-gateway", "orders-api", "orders-db"])
        #expect(yaml.roles["api-gateway"] == .gateway)
        #expect(yaml.roles["orders-api"] == nil)
        #expect(yaml.hasCall(from: "orders-api", to: "orders-db"))
        let json = try TopologyLoader.parse(
            #"{"services": [{"name": "a", "calls": ["b"]}, {"name": "b", "calls": []}]}"#, source: "topology.json")
        #expect(json.calls.count == 1)
    }

    @Test(
        "names the file and line of what is wrong",
        arguments: [
            ("services:\n  - name: a\n    role: wizard\n", "unknown role 'wizard'", 3),
            ("services:\n  - name: a\n  - name: a\n", "declared twice", 3),
            ("services:\n  - name: a\n    calls: [ghost]\n", "does not declare", 3),
            ("services: [\n", "not valid YAML", nil),
            ("nodes: []\n", "top-level `services:`", nil),
            ("services:\n  - name: a\n    calls: [b\n", "not valid YAML", nil),
            ("services:\n  - name: a\n    calls: b\n", "`calls` of 'a' must be a list", 3),
            ("services:\n  - role: api\n", "no usable `name`", 2),
            ("{\n  \"services\": [\n    {\"name\": \"a\", \"role\": \"wizard\"}\n  ]\n}\n", "unknown role 'wizard'", 3),
            ("{\"services\": [\n  {\"name\": \"a\"},\n  {\"name\": \"a\"}\n]}\n", "declared twice (first at line 2)", 3),
            ("{\"services\": [\n  {\"name\": \"a\", \"calls\": [\"ghost\"]}\n]}\n", "'a' calls 'ghost', which the file does not declare", 2),
            ("{\"services\": [\n  {\"name\": \"a\",,}\n]}\n", "not valid YAML or JSON", 2),
        ] as [(String, String, Int?)])
    func errors(text: String, fragment: String, line: Int?) {
        do {
            _ = try TopologyLoader.parse(text, source: "topology.yaml")
            Issue.record("expected an error containing '\(fragment)'")
        } catch {
            #expect(error.file == "topology.yaml")
            #expect(error.message.contains(fragment), "\(error.message)")
            if let line { #expect(error.line == line) }
        }
    }

    @Test("a missing file is named, with what to check")
    func missingFile() {
        do {
            _ = try TopologyLoader.load(path: "/nonexistent/topology.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "/nonexistent/topology.yaml")
            #expect(error.description.contains("check the path"))
        }
    }
}
