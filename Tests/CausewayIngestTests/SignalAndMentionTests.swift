import CausewayCore
import CausewayIngest
import Testing

@Suite("Signals, mentions and templates")
struct SignalAndMentionTests {
    let rulebook: SignalRulebook

    init() throws {
        rulebook = try SignalRulebook.bundled()
    }

    @Test(
        "classifies common failure lines",
        arguments: [
            ("out of memory: killed process 4242 (java)", "oom"),
            ("java.lang.outofmemoryerror: java heap space", "oom"),
            ("circuit breaker opened for upstream: payments-worker", "circuit_open"),
            ("upstream fashion-aura-api 5xx rate 38% over last 1m", "http_5xx"),
            ("hikaripool-1 - connection is not available, request timed out after 30000ms", "pool_exhausted"),
            ("failed to acquire order lock - redis clusterdown", "cluster_down"),
            ("dial tcp 10.0.0.7:5432: connect: connection refused", "conn_refused"),
            ("context deadline exceeded", "timeout"),
            ("back-off restarting failed container", "crash"),
            ("no space left on device", "disk_full"),
            ("x509: certificate has expired or is not yet valid", "tls_error"),
        ])
    func classifies(line: String, expected: String) {
        #expect(rulebook.signals(in: line, level: .error).first?.rawValue == expected)
    }

    @Test("a veto word stops a match, and levels below a rule's minimum do not match")
    func vetoAndLevel() {
        #expect(rulebook.signals(in: "client configured with timeout=30s", level: .error).contains("timeout") == false)
        #expect(rulebook.signals(in: "request timed out", level: .info).contains("timeout") == false)
        #expect(rulebook.signals(in: "oomkilled", level: .info).contains("oom"))
    }

    @Test("a telemetry exporter's failures are benign, whatever else they say")
    func telemetryIsBenign() {
        let line = "Failed to export metrics to statsd-exporter.monitoring:9125: connection refused"
        #expect(rulebook.signals(in: line, level: .error) == ["telemetry_export"])
        #expect(rulebook.signals(in: "failed to export spans: rpc error: code = Unavailable", level: .error) == ["telemetry_export"])
        #expect(rulebook.signals(in: "dial tcp 10.0.0.7:5432: connect: connection refused", level: .error) == ["conn_refused"])
    }

    @Test("finds named services and the technologies that stand for dependencies")
    func mentions() {
        let extractor = MentionExtractor(knownServices: ["payments-worker", "api-gateway"], vocabulary: rulebook.vocabulary)
        let found = extractor.mentions(
            in: "POST http://payments-worker:8080/charge failed; RedisConnectionException; org.postgresql.util.PSQLException",
            emitter: "api-gateway")
        #expect(found.contains(.service("payments-worker")))
        #expect(found.contains(.technology("redis", .cache, generic: false)))
        #expect(found.contains(.technology("postgres", .database, generic: false)))
        #expect(!found.contains(.service("api-gateway")), "the emitter does not mention itself")
        #expect(extractor.mentions(in: "striped lock stripes", emitter: nil).isEmpty, "a word inside another word is not a mention")
    }

    @Test("masks variable parts so lines that differ only in them share a template")
    func templates() {
        let a = TemplateMasker.template(of: "user 4711 paid 12.50 EUR in 35ms req=9f8e7d6c5b4a3210 from 10.0.3.17:443")
        let b = TemplateMasker.template(of: "user 815 paid 7.00 EUR in 102ms req=0123456789abcdef from 10.0.9.1:443")
        #expect(a == b)
        #expect(TemplateMasker.template(of: "HTTP 5xx from ts-travel2-service") == "HTTP 5xx from ts-travel2-service")
        #expect(TemplateMasker.identifier(of: a) == TemplateMasker.identifier(of: b))
        #expect(TemplateMasker.identifier(of: a).count == 12)
    }
}
