/// What callers print when an HTTP or gRPC dependency of theirs fails, runtime by runtime.
enum Phrasebook {
    /// The line a caller logs for one failed call to `c.dep`.
    static func failure(_ f: DependencyFailure, _ c: CallContext, at time: SimulatedInstant,
                        using rng: inout SimulatorRandom) -> Line {
        switch c.dep.runtime {
        case .redis: return redis(f, c, using: &rng)
        case .postgres, .mysql: return database(f, c, using: &rng)
        case .kafka, .rabbitmq: return broker(f, c, using: &rng)
        case .external: return external(f, c, at: time, using: &rng)
        default:
            switch c.caller.runtime {
            case .nginx: return nginx(f, c, at: time, using: &rng)
            case .envoy: return envoy(f, c, using: &rng)
            default: return http(f, c, at: time, using: &rng)
            }
        }
    }

    /// An application calling another application over HTTP or gRPC.
    static func http(_ f: DependencyFailure, _ c: CallContext, at time: SimulatedInstant,
                     using rng: inout SimulatorRandom) -> Line {
        switch c.caller.runtime {
        case .java: return javaHTTP(f, c, at: time, using: &rng)
        case .go: return goHTTP(f, c, at: time, using: &rng)
        case .node: return nodeHTTP(f, c, at: time, using: &rng)
        default: return pythonHTTP(f, c, at: time, using: &rng)
        }
    }

    static func operation(_ c: CallContext, using rng: inout SimulatorRandom) -> String {
        let noun = c.dep.noun
        if c.dep.runtime.technology != "http" && c.dep.role != .external {
            return rng.pick([
                "Failed to \(rng.pick(["load", "save", "update"])) \(c.caller.noun)", "Error while calling \(c.dep.name)",
                "\(c.dep.runtime.technology) operation failed", "Request processing failed",
            ])
        }
        return rng.pick([
            "Failed to \(rng.pick(["fetch", "create", "update", "submit"])) \(noun)",
            "Call to \(c.dep.name) failed", "Error while calling \(c.dep.name)",
            "\(c.method) \(c.path) to \(c.dep.name) failed", "Request to \(c.dep.name) failed",
            "Unable to process \(c.caller.noun): \(noun) lookup failed",
        ])
    }

    // MARK: Java (Spring: OpenFeign, RestTemplate, WebClient)

    private static func javaHTTP(_ f: DependencyFailure, _ c: CallContext, at time: SimulatedInstant,
                                 using rng: inout SimulatorRandom) -> Line {
        let client = c.dep.typeStem + "Client"
        let op = "\(c.dep.noun)"
        let feignBody: String
        var exception: String
        var causes: [String] = []
        var library = StackTraces.JavaLibrary.feign
        var level = Level.error
        switch f {
        case .refused, .reset, .noRoute:
            let what = f == .refused ? "Connection refused" : (f == .reset ? "Connection reset" : rng.pick(["No route to host", "connect timed out"]))
            switch rng.below(3) {
            case 0:
                exception = "feign.RetryableException: \(what) executing \(c.method) \(c.url)"
            case 1:
                library = .restTemplate
                exception = "org.springframework.web.client.ResourceAccessException: I/O error on \(c.method) request for \"\(c.url)\": \(what)"
            default:
                library = .webClient
                exception = "org.springframework.web.reactive.function.client.WebClientRequestException: \(what): \(c.host)/\(c.dep.ip):\(c.port)"
            }
            causes = [f == .refused ? "java.net.ConnectException: Connection refused"
                      : (f == .reset ? "java.net.SocketException: Connection reset" : "java.net.NoRouteToHostException: No route to host")]
        case .timeout:
            switch rng.below(3) {
            case 0: exception = "feign.RetryableException: Read timed out executing \(c.method) \(c.url)"
            case 1:
                library = .restTemplate
                exception = "org.springframework.web.client.ResourceAccessException: I/O error on \(c.method) request for \"\(c.url)\": Read timed out"
            default:
                library = .webClient
                exception = "java.util.concurrent.TimeoutException: Did not observe any item or terminal signal within \(c.timeoutMs)ms in 'flatMap' (and no fallback has been configured)"
            }
            causes = ["java.net.SocketTimeoutException: Read timed out"]
        case .unavailable, .circuitOpen:
            feignBody = rng.pick([
                "upstream connect error or disconnect/reset before headers. reset reason: connection failure",
                "no healthy upstream", "{\"status\":503,\"error\":\"Service Unavailable\",\"path\":\"\(c.path)\"}",
            ])
            exception = "feign.FeignException$ServiceUnavailable: [503 Service Unavailable] during [\(c.method)] to [\(c.url)] [\(client)#\(op)(\(c.dep.typeStem)Request)]: [\(feignBody)]"
        case .serverError:
            feignBody = "{\"timestamp\":\"\(time.isoOffset)\",\"status\":500,\"error\":\"Internal Server Error\",\"path\":\"\(c.path)\"}"
            if rng.chance(0.5) {
                exception = "feign.FeignException$InternalServerError: [500 Internal Server Error] during [\(c.method)] to [\(c.url)] [\(client)#\(op)(\(c.dep.typeStem)Request)]: [\(feignBody)]"
            } else {
                library = .restTemplate
                exception = "org.springframework.web.client.HttpServerErrorException$InternalServerError: 500 Internal Server Error: \"\(feignBody)\""
            }
        case .tooManyRequests:
            level = .warn
            exception = "feign.FeignException$TooManyRequests: [429 Too Many Requests] during [\(c.method)] to [\(c.url)] [\(client)#\(op)(\(c.dep.typeStem)Request)]: [{\"error\":\"rate limit exceeded\"}]"
        case .tlsExpired:
            library = .restTemplate
            exception = "org.springframework.web.client.ResourceAccessException: I/O error on \(c.method) request for \"\(c.url)\": PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed"
            causes = [
                "javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed",
                "java.security.cert.CertificateExpiredException: NotAfter: \(SimulatedInstant(milliseconds: time.milliseconds - Int64(rng.int(60_000...3_000_000))).javaDate)",
            ]
        default:
            exception = "feign.FeignException$BadGateway: [502 Bad Gateway] during [\(c.method)] to [\(c.url)] [\(client)#\(op)(\(c.dep.typeStem)Request)]: []"
        }
        return javaLine(level, exception, causes: causes, library: library, c, using: &rng)
    }

    static func javaLine(_ level: Level, _ exception: String, causes: [String], library: StackTraces.JavaLibrary,
                         _ c: CallContext, using rng: inout SimulatorRandom) -> Line {
        let logger = rng.pick(["\(c.caller.codeRoot.abbreviatedPackage).service.\(c.caller.typeStem)Service",
                               "\(c.caller.codeRoot.abbreviatedPackage).client.\(c.dep.typeStem)Client",
                               "o.a.c.c.C.[.[.[/].[dispatcherServlet]"])
        if c.traces {
            let message = logger.hasPrefix("o.a.c")
                ? "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: \(exception)] with root cause"
                : operation(c, using: &rng)
            let trace = StackTraces.java(exception, causes: causes, library: library, service: c.caller, using: &rng)
            return Line(level, message, trace: trace, logger: logger)
        }
        let message = rng.chance(0.5) ? exception : "\(operation(c, using: &rng)): \(exception)"
        return Line(level, message, logger: logger)
    }

    // MARK: Go (net/http, gRPC)

    private static func goHTTP(_ f: DependencyFailure, _ c: CallContext, at time: SimulatedInstant,
                               using rng: inout SimulatorRandom) -> Line {
        let verb = c.method.prefix(1) + c.method.dropFirst().lowercased()
        let grpc = rng.chance(0.3)
        let rpc = "\(c.dep.domain).v1.\(c.dep.typeStem)Service/\(rng.pick(["Get", "Create", "List", "Update"]))\(c.dep.typeStem)"
        var err: String
        switch f {
        case .refused:
            err = grpc
                ? "rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp \(c.ipPort): connect: connection refused\""
                : "\(verb) \"\(c.url)\": dial tcp \(c.ipPort): connect: connection refused"
        case .reset:
            err = grpc
                ? "rpc error: code = Unavailable desc = error reading from server: read tcp \(c.callerIP):\(rng.int(32768...60999))->\(c.ipPort): read: connection reset by peer"
                : rng.pick(["\(verb) \"\(c.url)\": read tcp \(c.callerIP):\(rng.int(32768...60999))->\(c.ipPort): read: connection reset by peer",
                            "\(verb) \"\(c.url)\": EOF"])
        case .timeout:
            err = grpc
                ? "rpc error: code = DeadlineExceeded desc = context deadline exceeded"
                : rng.pick(["\(verb) \"\(c.url)\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
                            "\(verb) \"\(c.url)\": net/http: request canceled (Client.Timeout exceeded while awaiting headers)",
                            "\(verb) \"\(c.url)\": context deadline exceeded"])
        case .noRoute:
            err = rng.pick(["\(verb) \"\(c.url)\": dial tcp \(c.ipPort): connect: no route to host",
                            "\(verb) \"\(c.url)\": dial tcp \(c.ipPort): i/o timeout"])
        case .unavailable, .circuitOpen:
            err = grpc ? "rpc error: code = Unavailable desc = no healthy upstream"
                : "unexpected status 503 Service Unavailable from \(c.url): \(rng.pick(["upstream connect error or disconnect/reset before headers. reset reason: connection failure", "no healthy upstream", "{\"error\":\"service unavailable\"}"]))"
        case .serverError:
            err = grpc ? "rpc error: code = Internal desc = \(rng.pick(["internal error", "failed to process request", "unexpected EOF"]))"
                : "unexpected status 500 Internal Server Error from \(c.method) \(c.url): {\"error\":\"internal server error\"}"
        case .tooManyRequests:
            err = grpc ? "rpc error: code = ResourceExhausted desc = rate limit exceeded"
                : "unexpected status 429 Too Many Requests from \(c.url)"
        case .tlsExpired:
            err = "\(verb) \"\(c.url)\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time \(time.isoSeconds) is after \(SimulatedInstant(milliseconds: time.milliseconds - Int64(rng.int(60_000...3_000_000))).isoSeconds)"
        default:
            err = "unexpected status 502 Bad Gateway from \(c.url)"
        }
        let message: String
        var fields: [(String, String)] = []
        switch rng.below(4) {
        case 0: message = "request failed"; fields = [("error", err), ("upstream", c.dep.name)]
        case 1: message = "\(rng.pick(["failed to call", "error calling", "call failed:"])) \(c.dep.name): \(err)"
        case 2: message = err; if grpc { fields = [("grpc.method", rpc), ("target", c.hostPort)] }
        default: message = "\(c.caller.noun) handler: \(rng.pick(["get", "create", "update"])) \(c.dep.noun): \(err)"
        }
        if grpc && !message.contains(c.dep.name) && fields.isEmpty { fields = [("target", "dns:///\(c.hostPort)")] }
        return Line(f == .tooManyRequests ? .warn : .error, message, fields: fields)
    }

    // MARK: Node (axios, node-fetch, got)

    private static func nodeHTTP(_ f: DependencyFailure, _ c: CallContext, at time: SimulatedInstant,
                                 using rng: inout SimulatorRandom) -> Line {
        var err: String
        var library = "axios"
        switch f {
        case .refused:
            if rng.chance(0.5) { err = "AxiosError: connect ECONNREFUSED \(c.ipPort)" }
            else { library = "fetch"; err = "FetchError: request to \(c.url) failed, reason: connect ECONNREFUSED \(c.ipPort)" }
        case .reset:
            err = rng.pick(["Error: socket hang up", "FetchError: request to \(c.url) failed, reason: socket hang up", "Error: read ECONNRESET"])
        case .timeout:
            err = rng.pick(["AxiosError: timeout of \(c.timeoutMs)ms exceeded", "TimeoutError: The operation was aborted due to timeout",
                            "Error: connect ETIMEDOUT \(c.ipPort)"])
        case .noRoute:
            err = rng.pick(["Error: connect EHOSTUNREACH \(c.ipPort)", "Error: connect ETIMEDOUT \(c.ipPort)"])
        case .unavailable, .circuitOpen:
            err = rng.pick(["AxiosError: Request failed with status code 503", "HTTPError: Response code 503 (Service Unavailable)"])
        case .serverError:
            err = rng.pick(["AxiosError: Request failed with status code 500", "HTTPError: Response code 500 (Internal Server Error)"])
        case .tooManyRequests:
            err = "AxiosError: Request failed with status code 429"
        case .tlsExpired:
            err = rng.pick(["Error: certificate has expired", "FetchError: request to \(c.url) failed, reason: certificate has expired"])
        default:
            err = "AxiosError: Request failed with status code 502"
        }
        let code: String? = switch f {
        case .refused: "ECONNREFUSED"
        case .reset: "ECONNRESET"
        case .timeout: err.contains("ETIMEDOUT") ? "ETIMEDOUT" : "ECONNABORTED"
        case .noRoute: err.contains("EHOST") ? "EHOSTUNREACH" : "ETIMEDOUT"
        case .tlsExpired: "CERT_HAS_EXPIRED"
        default: nil
        }
        let message: String
        var fields: [(String, String)] = []
        if err.contains(c.url) || rng.chance(0.5) {
            message = rng.chance(0.5) || err.contains(c.url) ? "\(c.method) \(c.url) failed: \(err)" : err
        } else {
            message = "\(rng.pick(["Error calling", "Upstream request failed:", "Failed to reach"])) \(c.dep.name): \(err)"
        }
        if let code { fields.append(("code", code)) }
        if rng.chance(0.4) { fields.append(("url", c.url)) }
        let trace = c.traces ? [err] + StackTraces.node(library: library, service: c.caller, using: &rng) : []
        return Line(f == .tooManyRequests ? .warn : .error, message, fields: fields, trace: trace)
    }

    // MARK: Python (requests, httpx, aiohttp)

    private static func pythonHTTP(_ f: DependencyFailure, _ c: CallContext, at time: SimulatedInstant,
                                   using rng: inout SimulatorRandom) -> Line {
        let poolKind = c.scheme == "https" ? "HTTPSConnectionPool" : "HTTPConnectionPool"
        let pool = "\(poolKind)(host='\(c.host)', port=\(c.port))"
        let obj = "<urllib3.connection.HTTPConnection object at 0x7f\(rng.hex(10))>"
        var err: String
        var library = "requests"
        switch f {
        case .refused:
            switch rng.below(3) {
            case 0: err = "requests.exceptions.ConnectionError: \(pool): Max retries exceeded with url: \(c.path) (Caused by NewConnectionError('\(obj): Failed to establish a new connection: [Errno 111] Connection refused'))"
            case 1: library = "httpx"; err = "httpx.ConnectError: [Errno 111] Connection refused"
            default: library = "aiohttp"; err = "aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host \(c.hostPort) ssl:default [Connect call failed ('\(c.dep.ip)', \(c.port))]"
            }
        case .reset:
            err = rng.pick(["requests.exceptions.ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))",
                            "requests.exceptions.ConnectionError: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))"])
        case .timeout:
            err = rng.chance(0.6)
                ? "requests.exceptions.ReadTimeout: \(pool): Read timed out. (read timeout=\(max(1, c.timeoutMs / 1000)))"
                : "httpx.ReadTimeout: timed out"
            if err.hasPrefix("httpx") { library = "httpx" }
        case .noRoute:
            err = rng.chance(0.6)
                ? "requests.exceptions.ConnectTimeout: \(pool): Max retries exceeded with url: \(c.path) (Caused by ConnectTimeoutError(\(obj), 'Connection to \(c.host) timed out. (connect timeout=\(max(1, c.timeoutMs / 2000)))'))"
                : "requests.exceptions.ConnectionError: \(pool): Max retries exceeded with url: \(c.path) (Caused by NewConnectionError('\(obj): Failed to establish a new connection: [Errno 113] No route to host'))"
        case .unavailable, .circuitOpen:
            err = "requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: \(c.url)"
        case .serverError:
            err = "requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: \(c.url)"
        case .tooManyRequests:
            err = "requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: \(c.url)"
        case .tlsExpired:
            err = "requests.exceptions.SSLError: \(pool): Max retries exceeded with url: \(c.path) (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)')))"
        default:
            err = "requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: \(c.url)"
        }
        let logger = "\(c.caller.domain.filling("-", with: "_")).\(rng.pick(["views", "clients", "services", "tasks"]))"
        let named = err.contains(c.host) || err.contains(c.url)
        let prefix = "\(rng.pick(["Error calling", "Request to", "Failed to call"])) \(c.dep.name) \(c.method) \(c.path)"
        let level: Level = f == .tooManyRequests ? .warn : .error
        if c.traces {
            let call = "\(c.dep.domain.filling("-", with: "_"))_client.\(rng.pick(["get", "post", "create", "fetch"]))_\(c.dep.noun.filling("-", with: "_"))(\(c.caller.noun.filling("-", with: "_"))_id)"
            let trace = StackTraces.python(err, call: call, service: c.caller, library: library, using: &rng)
            return Line(level, prefix, trace: trace, logger: logger)
        }
        return Line(level, named && rng.chance(0.5) ? err : "\(prefix): \(err)", logger: logger)
    }
}

extension String {
    /// `com.acme.payments` → `c.a.payments` (logback's abbreviation of all but the last segment).
    var abbreviatedPackage: String {
        let parts = split(separator: ".")
        guard parts.count > 1 else { return self }
        return (parts.dropLast().map { String($0.prefix(1)) } + [String(parts.last!)]).joined(separator: ".")
    }
}
