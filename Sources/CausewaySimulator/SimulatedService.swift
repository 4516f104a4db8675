/// What a service runs, which decides how it phrases everything it logs.
enum Runtime: Sendable, Equatable {
    case java, go, node, python
    case nginx, envoy
    case redis, postgres, mysql, kafka, rabbitmq
    case external

    var isApplication: Bool { [.java, .go, .node, .python].contains(self) }
    var isDatabase: Bool { self == .postgres || self == .mysql }
    var isBroker: Bool { self == .kafka || self == .rabbitmq }

    /// The technology's everyday name, as callers say it when they name nothing else (`redis`, `postgres`).
    var technology: String {
        switch self {
        case .redis: "redis"
        case .postgres: "postgres"
        case .mysql: "mysql"
        case .kafka: "kafka"
        case .rabbitmq: "rabbitmq"
        default: "http"
        }
    }

    var defaultPort: Int {
        switch self {
        case .redis: 6379
        case .postgres: 5432
        case .mysql: 3306
        case .kafka: 9092
        case .rabbitmq: 5672
        case .external: 443
        case .nginx, .envoy: 80
        case .node: 3000
        case .python: 8000
        case .java, .go: 8080
        }
    }
}

/// A service as the simulator runs it: the topology's name and role plus a runtime, pods, an address and a
/// clock.
struct SimulatedService: Sendable {
    let index: Int
    let name: String
    let role: SimulatedTopology.Role
    let runtime: Runtime
    /// The business word in the name (`payments` for `payments-worker`), for paths, classes and topics.
    let domain: String
    /// Pod names (Kubernetes styles) or replica names (compose); the first serves unless a deploy adds one.
    var pods: [String]
    /// Compose replica names (`payments-worker-1`).
    var replicas: [String]
    let ip: String
    let port: Int
    /// Milliseconds this service's clock is ahead (positive) or behind (negative).
    var skew: Int64 = 0
    /// Whether this service writes any line at all (third parties never do; some stores are not collected).
    var logs: Bool
    /// A Java package or Python module root, for loggers and stack frames (`com.acme.payments`).
    let codeRoot: String
    /// Whether callers reach it over TLS (only matters for `tls_expired`).
    var tls = false

    /// The external host a third party is reached at (`api.stripe.com`), or the service name.
    var externalHost: String {
        let n = name.lowercased()
        let hosts: [(String, String)] = [
            ("stripe", "api.stripe.com"), ("sendgrid", "api.sendgrid.com"), ("twilio", "api.twilio.com"),
            ("paypal", "api-m.paypal.com"), ("shippo", "api.goshippo.com"), ("maps", "maps.googleapis.com"),
            ("auth0", "acme.eu.auth0.com"),
        ]
        return hosts.first { n.contains($0.0) }?.1 ?? name
    }

    /// Title-cased domain for class names: `payments` → `Payments`, `order-events` → `OrderEvents`.
    var typeStem: String {
        domain.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The singular business noun: `orders` → `order`.
    var noun: String {
        if domain.hasSuffix("ies") { return String(domain.dropLast(3)) + "y" }
        if domain.hasSuffix("s") && !domain.hasSuffix("ss") { return String(domain.dropLast()) }
        return domain
    }
}

/// A log level, rendered by each runtime in its own words.
enum Level: Int, Sendable, Comparable {
    case debug, info, warn, error, fatal

    static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

    func word(for runtime: Runtime, uppercase: Bool = true) -> String {
        let w: String
        switch (self, runtime) {
        case (.warn, .python): w = "warning"
        case (.fatal, .python): w = "critical"
        case (.fatal, .java): w = "error"
        case (.debug, _): w = "debug"
        case (.info, _): w = "info"
        case (.warn, _): w = "warn"
        case (.error, _): w = "error"
        case (.fatal, _): w = "fatal"
        }
        return uppercase ? w.uppercased() : w
    }
}

/// What a service prints at one moment: a message, structured fields and continuation lines.
struct Line: Sendable {
    var level: Level
    var message: String
    var fields: [(String, String)] = []
    /// Continuation lines (a stack trace, a panic), printed after the message in text styles.
    var trace: [String] = []
    /// A logger or module name (`c.a.p.ChargeService`, `orders.views`).
    var logger: String?

    init(_ level: Level, _ message: String, fields: [(String, String)] = [], trace: [String] = [], logger: String? = nil) {
        self.level = level
        self.message = message
        self.fields = fields
        self.trace = trace
        self.logger = logger
    }
}

/// One emitted line, placed in time.
struct LogRecord: Sendable {
    /// True time (ms), before skew.
    var time: Int64
    /// The time the line shows (skewed, maybe flattened by a burst).
    var shownTime: Int64
    var service: Int
    var pod: Int
    var line: Line
    /// Emission order, the tie-breaker that keeps sorting stable.
    var sequence: Int
    /// Whether the line is a symptom of the incident (for bookkeeping, never printed).
    var isSymptom: Bool
}

/// How a dependency fails, as a caller experiences it.
enum DependencyFailure: Sendable, Equatable {
    case refused, reset, timeout, unavailable, serverError, tooManyRequests, tlsExpired, noRoute
    case circuitOpen
    // Stores and brokers.
    case clusterDown, loading, readOnlyDisk
    case tooManyClients, statementTimeout, deadlock, diskFullWrite, recovering
    case brokerUnavailable, recordsExpired, publishBlocked

    /// Whether the caller waits before it fails (which makes its own callers time out too).
    var isSlow: Bool {
        switch self {
        case .timeout, .noRoute, .statementTimeout, .recordsExpired, .publishBlocked: true
        default: false
        }
    }
}
