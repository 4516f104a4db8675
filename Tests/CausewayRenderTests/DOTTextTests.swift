import CausewayRender
import Testing

@Suite("DOTText")
struct DOTTextTests {
    @Test("quotes and escapes so log text cannot end the string or inject attributes")
    func escapes() {
        #expect(DOTText.quoted("plain") == "\"plain\"")
        #expect(DOTText.quoted("say \"hi\"") == "\"say \\\"hi\\\"\"")
        #expect(DOTText.quoted("a\\Nb") == "\"a\\\\Nb\"")
        #expect(DOTText.quoted("\"]; node [shape=box") == "\"\\\"]; node [shape=box\"")
        #expect(DOTText.quoted("two\nlines") == "\"two\\nlines\"")
        #expect(DOTText.quoted("bell\u{7}tab\t") == "\"belltab \"")
    }

    @Test("cuts very long text below Graphviz's limit")
    func truncates() {
        let quoted = DOTText.quoted(String(repeating: "x", count: 100_000))
        #expect(quoted.count <= DOTText.maximumLength + 3)
        #expect(quoted.hasSuffix("…\""))
    }

    @Test("identifiers keep only safe characters")
    func identifiers() {
        #expect(DOTText.identifier("svc:api-gateway") == "svc-api-gateway")
        #expect(DOTText.identifier("evt:a/b<script>") == "evt-a-b-script-")
    }
}
