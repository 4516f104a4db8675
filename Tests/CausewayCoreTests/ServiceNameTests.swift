@testable import CausewayCore
import Testing

@Suite("ServiceName")
struct ServiceNameTests {
    @Test(
        "normalises pods, replicas, namespaces and hosts to the service",
        arguments: [
            ("payments-worker", "payments-worker"),
            ("payments-worker-7d9f8c6b5-x2x4q", "payments-worker"),
            ("ts-contacts-service-866bd68c97-xcqfx", "ts-contacts-service"),
            ("ts-basic-service-5dc8d4f9fd-46997", "ts-basic-service"),
            ("fluentd-x7k2p", "fluentd"),
            ("postgres-0", "postgres"),
            ("shop_payments-worker_1", "shop_payments-worker"),
            ("checkout-api-1", "checkout-api"),
            ("prod/checkout-api", "checkout-api"),
            ("postgres-orders.prod.svc.cluster.local:5432", "postgres-orders"),
            ("API-Gateway", "api-gateway"),
            ("[redis-cache]", "redis-cache"),
            ("nightly-export-28620621-gmvtg", "nightly-export"),
            ("cleanup-sessions-29656206", "cleanup-sessions"),
            ("refunds-worker-29823065-ac73f", "refunds-worker"),
            ("envoy-edge-lvbbvwxks-gtzrc", "envoy-edge"),
            ("storefront-bff-7d6c5b8f9-r5x3m", "storefront-bff"),
            ("cart-api-5f8b7c9d4", "cart-api"),
            ("ip-10-1-2-33", "ip-10-1-2-33"),
            ("ip-10-1-2-33.eu-west-1.compute.internal", "ip-10-1-2-33"),
        ])
    func normalises(raw: String, expected: String) {
        #expect(ServiceName.normalized(raw)?.rawValue == expected)
    }

    @Test(
        "keeps names whose last words only look like suffixes",
        arguments: ["order-batch-jobs", "ts-travel2-service", "api-v2", "fashion-aura-api", "redis", "search-indexer-hourly", "checkout-v2-migration"])
    func keepsRealNames(raw: String) {
        #expect(ServiceName.normalized(raw)?.rawValue == raw)
    }

    @Test("a name in another known form: a shorter or longer one, or underscores for hyphens")
    func knownForms() {
        let known: Set<ServiceName> = ["pricing-service", "catalog-bff", "orders"]
        #expect(ServiceName("pricing").knownForm(in: known) == "pricing-service")
        #expect(ServiceName("catalog_bff").knownForm(in: known) == "catalog-bff", "an Envoy cluster's name")
        #expect(ServiceName("orders-api").knownForm(in: known) == "orders")
        #expect(ServiceName("catalog-bff").knownForm(in: known) == nil, "known itself")
        #expect(ServiceName("search_api").knownForm(in: known) == nil)
    }

    @Test("refuses text that is not a name", arguments: ["", "hello world", "<script>", "---", "a/b/"])
    func refuses(raw: String) {
        #expect(ServiceName.normalized(raw) == nil)
    }
}

@Suite("LogLevel")
struct LogLevelTests {
    @Test("reads level words in any common spelling")
    func spellings() {
        #expect(LogLevel(word: "WARN") == .warning)
        #expect(LogLevel(word: "warning") == .warning)
        #expect(LogLevel(word: "[ERROR]") == .error)
        #expect(LogLevel(word: "Err:") == .error)
        #expect(LogLevel(word: "FATAL") == .critical)
        #expect(LogLevel(word: "EMERGENCY") == .emergency)
        #expect(LogLevel(word: "50") == .error)
        #expect(LogLevel(word: "banana") == nil)
        #expect(LogLevel(headerWord: "E") == nil, "single letters are too common in messages to mean a level")
        #expect(LogLevel(otelSeverityNumber: 17) == .error)
    }
}

@Suite("ServiceName on bytes")
struct ServiceNameBytesTests {
    /// ASCII names are normalised on bytes; the rules on characters must give the same for every input.
    @Test("reads ASCII names as the rules on characters do")
    func bytesMatchCharacters() {
        let pieces = [
            "a", "b", "z", "x", "q", "7", "2", "0", "1", "3", "-", "-", "-", "_", ".", "/", ":", "[", "]", " ", "\"", "'", "(", ")",
            ",", "A", "Q", "api", "worker", ".svc", ".local", ".internal", ".service", ".timer", "\r\n", "\t", "28620621", "gmvtg",
            "7d9f8c6b5", "x2x4q", "r5x3m", "ip-10", "-1-2-33", "bcdfg", "lvbbvwxks", "5432", "é",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var checked = 0
        for _ in 0..<40_000 {
            var raw = ""
            for _ in 0..<(1 + next(9)) { raw += pieces[next(pieces.count)] }
            #expect(ServiceName.normalized(raw) == ServiceName.normalizedByCharacters(raw), "\(raw.debugDescription)")
            checked += 1
        }
        for raw in ["", " ", "[]", "-", "-b2c4d", "a-0", "a_12", "a-1234", "A-B", String(repeating: "a", count: 129), String(repeating: "a", count: 128)] {
            #expect(ServiceName.normalized(raw) == ServiceName.normalizedByCharacters(raw), "\(raw.debugDescription)")
        }
        #expect(checked == 40_000)
    }
}
