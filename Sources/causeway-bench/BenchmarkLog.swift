import Foundation

/// A deterministic, realistic log for the benchmark: `lines` lines from 50 services over about an hour,
/// steady background traffic, an error that was there all along in one service, and an incident late in
/// the file: `payments-worker` is killed for lack of memory and its callers fail up to the gateway.
struct BenchmarkLog {
    static let root = "payments-worker"

    let lines: Int
    let seed: UInt64

    /// 50 services: a gateway, 8 APIs, 30 workers, 11 stores and brokers.
    static let services: [String] = {
        var names = ["api-gateway"]
        names += ["checkout-api", "catalog-api", "search-api", "accounts-api", "cart-api", "orders-api", "pricing-api", "reviews-api"]
        let workers = [
            "payments-worker", "email-worker", "invoice-worker", "shipping-worker", "fraud-worker", "ledger-worker",
            "export-worker", "thumbnail-worker", "recommendation-worker", "inventory-worker", "refund-worker", "audit-worker",
            "notification-worker", "loyalty-worker", "tax-worker", "report-worker", "sitemap-worker", "webhook-worker",
            "session-worker", "coupon-worker", "geo-worker", "currency-worker", "feed-worker", "index-worker",
            "cleanup-worker", "billing-worker", "partner-worker", "sms-worker", "push-worker", "metrics-worker",
        ]
        names += workers
        names += ["orders-db", "accounts-db", "catalog-db", "ledger-db", "redis-cache", "session-cache", "kafka-broker",
                  "search-index", "rabbitmq-broker", "inventory-db", "billing-db"]
        return names
    }()

    /// Writes the log; returns the incident's start.
    @discardableResult
    func write(to url: URL) throws -> Date {
        // When the file cannot be created, opening it below throws with the reason.
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var random = SplitMix64(seed: seed)
        var buffer = Data()
        buffer.reserveCapacity(4 << 20)
        let start = 1_779_620_400.0  // 2026-05-24T11:00:00Z
        let step = 3600.0 / Double(lines)
        let incidentLine = lines * 7 / 10
        let pods = Self.services.map { name in "\(name)-\(hash(name, 10, &random))-\(hash(name, 5, &random))" }
        for index in 0..<lines {
            let time = start + Double(index) * step
            var service = Int(random.next() % UInt64(Self.services.count))
            var level = "INFO"
            var message: String
            let inIncident = index >= incidentLine && index < incidentLine + lines / 20
            let roll = random.next() % 1000
            if index == incidentLine {
                service = Self.services.firstIndex(of: Self.root)!
                level = "FATAL"
                message = "java.lang.OutOfMemoryError: Java heap space (heap=2048MiB used=2047MiB), killing process"
            } else if inIncident && roll < 60 {
                switch roll % 3 {
                case 0:
                    service = Self.services.firstIndex(of: "checkout-api")!
                    level = "ERROR"
                    message = "POST http://payments-worker:8080/v1/charge failed: connect ECONNREFUSED 10.4.\(roll % 200).\(roll % 50):8080 order=\(random.next() % 100_000)"
                case 1:
                    service = Self.services.firstIndex(of: "checkout-api")!
                    level = "ERROR"
                    message = "Circuit breaker OPENED for upstream: payments-worker after \(roll % 20 + 5) failures"
                default:
                    service = 0
                    level = "WARN"
                    message = "upstream checkout-api returned 503 Service Unavailable for POST /api/checkout in \(roll % 900 + 100)ms"
                }
            } else if roll < 3 {
                // An error that was there all along.
                service = Self.services.firstIndex(of: "reviews-api")!
                level = "ERROR"
                message = "failed to render review \(random.next() % 100_000): template variable 'author' is undefined"
            } else {
                message = Self.background(service: Self.services[service], &random)
                if roll < 8 { level = "DEBUG" } else if roll < 12 { level = "WARN" }
            }
            let stamp = Self.timestamp(time)
            let line: String
            switch service % 5 {
            case 0, 1, 2:
                line = "\(stamp) \(level) \(pods[service]) \(message)\n"
            case 3:
                line = "{\"ts\":\"\(stamp)\",\"level\":\"\(level.lowercased())\",\"service\":\"\(Self.services[service])\",\"msg\":\"\(message.replacingOccurrences(of: "\"", with: "\\\""))\"}\n"
            default:
                line = "ts=\(stamp) level=\(level.lowercased()) app=\(Self.services[service]) msg=\"\(message.replacingOccurrences(of: "\"", with: "'"))\"\n"
            }
            buffer.append(contentsOf: line.utf8)
            if buffer.count > 4 << 20 {
                handle.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(buffer)
        return Date(timeIntervalSince1970: start + Double(incidentLine) * step)
    }

    static func background(service: String, _ random: inout SplitMix64) -> String {
        let n = random.next()
        let id = n % 1_000_000
        switch n % 9 {
        case 0: return "GET /v1/\(service.split(separator: "-")[0])/\(id) 200 \(n % 300 + 2)ms"
        case 1: return "POST /v1/\(service.split(separator: "-")[0]) 201 \(n % 500 + 5)ms request_id=\(String(n, radix: 16))"
        case 2: return "cache hit key=\(service):\(id) ttl=\(n % 3600)s"
        case 3: return "processed batch \(n % 500) of \(n % 50 + 1) items in \(n % 900)ms"
        case 4: return "user \(id) session refreshed from 10.\(n % 250).\(n % 200).\(n % 100)"
        case 5: return "committed offset \(n % 10_000_000) on partition \(n % 12) of topic \(service).events"
        case 6: return "health check ok in \(n % 20)ms"
        case 7: return "scheduled job \(service)-sync finished: \(n % 1000) records, 0 errors"
        default: return "connection pool stats: active=\(n % 40) idle=\(n % 10) waiting=0"
        }
    }

    static func timestamp(_ time: Double) -> String {
        let seconds = Int(time)
        let millis = Int((time - Double(seconds)) * 1000)
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour,
            parts.tm_min, parts.tm_sec, millis)
    }

    func hash(_ name: String, _ length: Int, _ random: inout SplitMix64) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast, seedable generator.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
