/// What gateways print: nginx and envoy access lines, nginx error lines.
extension Phrasebook {
    /// The gateway's access-log format, drawn once per case.
    enum AccessFormat: Sendable { case ingressNginx, nginxCombined, envoy }

    static let userAgents = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
        "okhttp/4.12.0", "Dart/3.3 (dart:io)", "ShopApp/5.12.1 (Android 14; Pixel 8)", "curl/8.5.0",
    ]

    /// One access-log line of the gateway for a request routed to `c.dep`.
    static func access(
        _ format: AccessFormat, _ c: CallContext, status: Int, durationMs: Int, at time: SimulatedInstant,
        flags: String = "-", details: String = "-", using rng: inout SimulatorRandom
    ) -> Line {
        let client = "\(rng.pick(["10.0", "10.1", "172.16"])).\(rng.int(0...15)).\(rng.int(2...250))"
        let bytes = status >= 500 ? rng.pick([150, 157, 91, 19, 24]) : rng.int(120...9000)
        let seconds = "\(durationMs / 1000).\(pad(durationMs % 1000, 3))"
        let agent = rng.pick(userAgents)
        let requestID = rng.hex(32)
        let level: Level = status >= 500 ? .error : (status >= 400 ? .warn : .info)
        let gatewayPath = c.dep.role == .frontend ? c.path : "/api" + c.path
        switch format {
        case .ingressNginx:
            let upstream = status == 503 && flags == "UH" ? "" : "\(c.dep.ip):\(c.port)"
            let upstreamStatus = status == 504 ? "504" : (status == 502 ? "502" : String(status))
            return Line(level, "\(client) - - [\(time.common)] \"\(c.method) \(gatewayPath) HTTP/1.1\" \(status) \(bytes) \"-\" \"\(agent)\" \(rng.int(300...1400)) \(seconds) [\(c.namespace)-\(c.dep.name)-\(c.port)] [] \(upstream) \(bytes) \(seconds) \(upstreamStatus) \(requestID)")
        case .nginxCombined:
            return Line(level, "\(client) - - [\(time.common)] \"\(c.method) \(gatewayPath) HTTP/1.1\" \(status) \(bytes) \"-\" \"\(agent)\" rt=\(seconds) uct=\"0.00\(rng.int(0...9))\" urt=\"\(seconds)\" upstream=\(c.hostPort)")
        case .envoy:
            let cluster = "outbound|\(c.port)||\(c.dep.name).\(c.namespace).svc.cluster.local"
            return Line(level, "\"\(c.method) \(gatewayPath) HTTP/1.1\" \(status) \(flags) \(details) \"-\" \(rng.int(0...900)) \(bytes) \(durationMs) \(status >= 500 ? "-" : String(max(0, durationMs - rng.int(0...3)))) \"\(client)\" \"\(agent)\" \"\(rng.hex(8))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(12))\" \"shop.example.com\" \"\(c.dep.ip):\(c.port)\" \(cluster) \(c.caller.ip):\(rng.int(32768...60999)) \(c.caller.ip):8080 \(client):0 - default")
        }
    }

    /// What nginx writes to its error log when an upstream fails (nil when only the access log shows it).
    static func nginx(_ f: DependencyFailure, _ c: CallContext, at time: SimulatedInstant,
                      using rng: inout SimulatorRandom) -> Line {
        let connection = rng.int(1000...999_999)
        let prefix = c.dep.role == .frontend ? "" : "/api"
        let upstreamHost = rng.chance(0.5) ? c.ipPort : "\(c.dep.name).\(c.namespace).svc.cluster.local:\(c.port)"
        let tail = "client: \(rng.pick(["10.0", "10.1"])).\(rng.int(0...15)).\(rng.int(2...250)), server: shop.example.com, request: \"\(c.method) \(prefix)\(c.path) HTTP/1.1\", upstream: \"\(c.scheme)://\(upstreamHost)\(prefix)\(c.path)\", host: \"shop.example.com\""
        let what: String
        var level = Level.error
        switch f {
        case .refused: what = "connect() failed (111: Connection refused) while connecting to upstream"
        case .reset: what = rng.pick(["recv() failed (104: Connection reset by peer) while reading response header from upstream",
                                      "upstream prematurely closed connection while reading response header from upstream"])
        case .timeout: what = "upstream timed out (110: Connection timed out) while reading response header from upstream"
        case .noRoute: what = rng.pick(["connect() failed (113: No route to host) while connecting to upstream",
                                        "upstream timed out (110: Connection timed out) while connecting to upstream"])
        case .tlsExpired: what = "upstream SSL certificate verify error: (10:certificate has expired) while SSL handshaking to upstream"
        case .circuitOpen, .unavailable: what = "no live upstreams while connecting to upstream"
        default:
            level = .warn
            what = "upstream sent invalid response while reading response header from upstream"
        }
        return Line(level, "*\(connection) \(what), \(tail)")
    }

    /// Envoy logs failures only in its access log; this is the matching line.
    static func envoy(_ f: DependencyFailure, _ c: CallContext, using rng: inout SimulatorRandom) -> Line {
        // The caller decides status and flags; see `envoyOutcome`. Kept for dispatch symmetry.
        Line(.error, "upstream connect error or disconnect/reset before headers. reset reason: \(f == .timeout ? "overflow" : "connection failure")")
    }

    /// Status, response flags and details envoy records for a failure.
    static func envoyOutcome(_ f: DependencyFailure) -> (status: Int, flags: String, details: String) {
        switch f {
        case .refused, .noRoute: (503, "UF,URX", "upstream_reset_before_response_started{connection_failure}")
        case .reset: (503, "UC", "upstream_reset_before_response_started{connection_termination}")
        case .timeout: (504, "UT", "response_timeout")
        case .circuitOpen: (503, "UO", "upstream_reset_before_response_started{overflow}")
        case .unavailable: (503, "UH", "no_healthy_upstream")
        case .tlsExpired: (503, "UF,URX", "upstream_reset_before_response_started{connection_failure,TLS_error:_268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED}")
        case .tooManyRequests: (429, "-", "via_upstream")
        default: (500, "-", "via_upstream")
        }
    }

    /// Status nginx answers for a failure.
    static func nginxStatus(_ f: DependencyFailure) -> Int {
        switch f {
        case .timeout: 504
        case .noRoute: 504
        case .unavailable, .circuitOpen: 503
        case .serverError: 500
        case .tooManyRequests: 429
        default: 502
        }
    }
}
