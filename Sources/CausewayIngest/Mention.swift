public import CausewayCore

/// Something a log line names besides its emitter: a service by name (`upstream: payments-worker`,
/// `http://payments-worker:8080`), or a technology that stands for a dependency (`Redis CLUSTERDOWN`).
public enum MentionTarget: Hashable, Sendable, Comparable {
    case service(ServiceName)
    /// A service named as the emitter's caller (`rate limit exceeded for client ingress-nginx`,
    /// `request from api-gateway`): it calls the emitter, not the other way round.
    case caller(ServiceName)
    /// A technology word: its canonical name, the role it implies, and whether it names a product
    /// (`redis`) or only a kind of dependency (`jdbc`, generic).
    case technology(String, ServiceRole, generic: Bool)

    public static func < (lhs: MentionTarget, rhs: MentionTarget) -> Bool {
        lhs.sortKey < rhs.sortKey
    }

    private var sortKey: String {
        switch self {
        case .service(let name): "0" + name.rawValue
        case .caller(let name): "2" + name.rawValue
        case .technology(let word, _, _): "1" + word
        }
    }
}

/// How a line names a dependency, which says how sure a call edge drawn from it can be.
public enum MentionCue: Int, Hashable, Sendable, Comparable, Codable, CaseIterable {
    /// A known service's bare name somewhere in the message.
    case name
    /// A client's vocabulary (`Redis`, `PSQLException`, `KafkaProducer`): a kind of dependency.
    case technology
    /// A phrase of calling: `calling X`, `call to X`, `upstream X`, `provider X`, `response from X`,
    /// `circuit breaker opened for X`, `X returned 503`, `request from X` (a caller); or a field naming the
    /// callee (`upstream=X`, `peer.service=X`).
    case phrase
    /// An address: a URL's host (`http://payments-worker:8080/charge`), `host:port`
    /// (`postgres-orders:5432`), a cluster DNS name (`redis.prod.svc.cluster.local`), an ingress upstream
    /// (`[prod-checkout-api-8080]`).
    case address

    /// How sure one line with this cue makes a call edge, in [0, 1]: an address is what a client connects to;
    /// a bare name may be a topic, a table or a word.
    public var confidence: Double {
        switch self {
        case .name: 0.4
        case .technology: 0.55
        case .phrase: 0.75
        case .address: 0.9
        }
    }

    public static func < (lhs: MentionCue, rhs: MentionCue) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A mention and how the line made it.
public struct CuedMention: Hashable, Sendable, Comparable {
    public var target: MentionTarget
    public var cue: MentionCue
    /// The role the way of naming implies, when it implies one (`postgres://`, port 6379).
    public var roleHint: ServiceRole?

    public init(target: MentionTarget, cue: MentionCue, roleHint: ServiceRole? = nil) {
        self.target = target
        self.cue = cue
        self.roleHint = roleHint
    }

    public static func < (lhs: CuedMention, rhs: CuedMention) -> Bool {
        (lhs.target, lhs.cue) < (rhs.target, rhs.cue)
    }
}

/// Finds the services and technologies a message names, and how it names them.
///
/// Known services (the emitters and the declared topology) are found by name anywhere; a service nobody
/// declared and that wrote no line is found only where the line says it was called: at an address (a URL,
/// `host:port`, a cluster DNS name) or after a phrase of calling (`Error calling accounts-api`).
public struct MentionExtractor: Sendable {
    public var knownServices: Set<ServiceName>
    public var vocabulary: [VocabularyEntry]
    /// Kubernetes namespaces the input shows (``namespaces(in:known:)``): they let an ingress upstream
    /// (`production-billing-svc-8000`) name a service nobody declared and that wrote no line.
    public var namespaces: Set<String>
    /// The declared topology (empty without one). A Kubernetes Service is often named for what it serves, not
    /// for the workload behind it (`catalog-search.search.svc` in front of `opensearch`): a cluster-internal
    /// address nobody declared, in the lines of a caller the topology gives exactly one dependency, is that
    /// dependency.
    public var declared = Topology()

    public init(knownServices: Set<ServiceName>, vocabulary: [VocabularyEntry], namespaces: Set<String> = []) {
        self.knownServices = knownServices
        self.vocabulary = vocabulary
        self.namespaces = namespaces
    }

    /// The namespaces that `texts` show: the label after the service in a cluster DNS name
    /// (`billing-svc.production.svc.cluster.local`), and what stands before a known service in an ingress
    /// upstream (`production-orders-api-8080` with `orders-api` known).
    /// - Complexity: O(n · k) for n bytes of text and k known services per upstream.
    public static func namespaces(in texts: [String], known: Set<ServiceName>) -> Set<String> {
        var found = Set<String>()
        for text in texts {
            for address in addresses(in: text) {
                switch address.kind {
                case .host(let host):
                    let labels = host.lowercased().split(separator: ".")
                    if labels.count >= 3, labels[2] == "svc" { found.insert(String(labels[1])) }
                case .ingressUpstream(let upstream):
                    for service in known where upstream.hasSuffix("-" + service.rawValue) {
                        let namespace = String(upstream.dropLast(service.rawValue.count + 1))
                        if !namespace.isEmpty { found.insert(namespace) }
                    }
                }
            }
        }
        return found.subtracting(platformNamespaces)
    }

    /// The targets `message` names, sorted, without the emitter itself.
    /// - Complexity: O(m · v) for a message of length m and a vocabulary of v words.
    public func mentions(in message: String, emitter: ServiceName?) -> [MentionTarget] {
        Array(Set(cuedMentions(in: message, emitter: emitter).map(\.target))).sorted()
    }

    /// The targets `message` names with the strongest cue for each, sorted, without the emitter. `raw`, the
    /// whole line, is searched for addresses too: structured lines keep them in fields beside the message
    /// (`db=invoices-db:5432`, `url=http://…`).
    /// - Complexity: O(m · v) for a message of length m and a vocabulary of v words.
    public func cuedMentions(in message: String, emitter: ServiceName?, raw: String? = nil) -> [CuedMention] {
        var names: [Substring: ServiceName?] = [:]
        return cuedMentions(in: message, emitter: emitter, raw: raw, names: &names)
    }

    /// As ``cuedMentions(in:emitter:raw:)``, remembering in `names` what each word normalises to (the
    /// messages of one input share most of their words; normalising is the costly part).
    func cuedMentions(in message: String, emitter: ServiceName?, raw: String? = nil, names: inout [Substring: ServiceName?])
        -> [CuedMention]
    {
        var best: [MentionTarget: CuedMention] = [:]
        func note(_ mention: CuedMention) {
            var mention = mention
            if case .service(let name) = mention.target, let known = knownService(spelledAsHost: name) ?? name.knownForm(in: knownServices) {
                mention.target = .service(known)
            }
            if let existing = best[mention.target], existing.cue >= mention.cue { return }
            best[mention.target] = mention
        }

        // Addresses: the message's, then the whole line's. A service named at an address is named there only.
        var addressed = Set<ServiceName>()
        func noteAddress(_ name: ServiceName, role: ServiceRole?) {
            guard name != emitter, !addressed.contains(name) else { return }
            addressed.insert(name)
            note(CuedMention(target: .service(name), cue: .address, roleHint: role))
        }
        for text in [message, raw].compactMap({ $0 }) {
            for address in Self.addresses(in: text) {
                guard var name = resolve(address), name != emitter else { continue }
                if address.isSocketAddress, !knownServices.contains(name), !Self.serverPorts.contains(address.port ?? 0) { continue }
                addressed.insert(name)
                if !knownServices.contains(name), let emitter, case let callees = declared.callees(of: emitter), callees.count == 1,
                    let callee = callees.first, callee != emitter, Self.isClusterInternal(address)
                {
                    name = callee
                    addressed.insert(name)
                }
                note(CuedMention(target: .service(name), cue: .address, roleHint: address.roleHint))
            }
        }

        // A dependency's host in a structured field (`"db":{"host":"orders-db.…rds.amazonaws.com"}`,
        // `redis.host=sessions-redis`): an address, though no port or scheme stands beside it.
        if let raw {
            for (host, role) in Self.dependencyHosts(in: raw) {
                if let name = resolve(Address(kind: .host(host), scheme: nil, port: nil)) { noteAddress(name, role: role) }
            }
        }

        // Fields that name the callee (`upstream=accounts-api`, `"provider":"auth0"`): the key says it is a
        // service, so even a one-word name counts.
        if let raw {
            for value in Self.calleeFieldValues(in: raw) {
                guard let name = ServiceName.normalized(value), name != emitter, !addressed.contains(name),
                    name.rawValue.count >= 2, name.rawValue.contains(where: \.isLetter), !Self.looksLikeIdentifier(name.rawValue)
                else { continue }
                note(CuedMention(target: .service(name), cue: .phrase))
            }
        }

        // Names and phrases.
        let tokens = Self.nameTokens(message)
        for (position, token) in tokens.enumerated() {
            guard var name = Self.normalized(token, remembering: &names) else { continue }
            // A proxy's upstream or cluster name (`apps-checkout-service-8080`) stands for its known service.
            if !knownServices.contains(name), let upstream = upstreamName(name.rawValue) { name = upstream }
            // A public host name without a port or scheme (`psql-orders-prod.postgres.database.azure.com`) is an
            // address still, when it is a managed endpoint or one of its labels is a known service.
            if !knownServices.contains(name), let host = Self.hostService(name.rawValue, known: knownServices) {
                noteAddress(host.name, role: host.role)
                continue
            }
            guard name != emitter, !addressed.contains(name) else { continue }
            // A segment of a URL path (`GET /api/v1/checkout`) names a resource, not a host.
            if token.startIndex > message.startIndex, message[message.index(before: token.startIndex)] == "/" { continue }
            let before = position > 0 ? tokens[position - 1].lowercased() : ""
            let beforeThat = position > 1 ? tokens[position - 2].lowercased() : ""
            let after = position + 1 < tokens.count ? tokens[position + 1].lowercased() : ""
            let known = knownServices.contains(name)
            if Self.namesCaller(before: before, beforeThat: beforeThat) {
                if known || Self.looksLikeServiceName(token) { note(CuedMention(target: .caller(name), cue: known ? .phrase : .name)) }
                continue
            }
            // After a name, `returned` or `failed` speak of a call only when the name is a service's: a job or a
            // lock can fail too.
            let phrased = Self.namesCallee(before: before, beforeThat: beforeThat, after: known ? after : "")
            if phrased, known || (Self.looksLikeServiceName(token) && !Self.isOwnModule(token, of: emitter)) {
                note(CuedMention(target: .service(name), cue: .phrase))
            } else if known {
                note(CuedMention(target: .service(name), cue: .name))
            }
        }

        // Technology words.
        let lowered = Array(message.lowercased().utf8)
        let original = Array(message.utf8)
        var claimed = [Bool](repeating: false, count: lowered.count)
        let pairs = BytePairFilter(lowered)
        for entry in vocabulary {
            // Most words cannot occur: their first two bytes never stand together in the message.
            if !pairs.mayHold(entry.word) { continue }
            let word = Array(entry.word.utf8)
            guard word.count <= lowered.count else { continue }
            var start = 0
            while start + word.count <= lowered.count {
                if !claimed[start], lowered[start] == word[0], Self.matches(lowered, at: start, word),
                    Self.startsWord(original, start), Self.endsWord(original, start + word.count)
                {
                    for i in start..<(start + word.count) { claimed[i] = true }
                    note(
                        CuedMention(
                            target: .technology(entry.technology, entry.role, generic: entry.generic ?? false), cue: .technology,
                            roleHint: entry.role))
                    start += word.count
                } else {
                    start += 1
                }
            }
        }
        // A service also named by its caller role is its caller only.
        for (target, _) in best {
            if case .caller(let name) = target, let callee = best[.service(name)], callee.cue < .address { best[.service(name)] = nil }
        }
        return best.values.sorted()
    }

    /// Whether an address is a cluster's own DNS name (`orders.shop.svc:8080`, `tax.service.consul`).
    static func isClusterInternal(_ address: Address) -> Bool {
        guard case .host(let host) = address.kind else { return false }
        let lowered = host.lowercased().trimmingTrailingDots()
        return isClusterDNSName(lowered, labels: lowered.split(separator: ".").map(String.init))
    }

    /// Kubernetes' cluster names, and Consul's (`tax-calc.service.consul`, `tax-calc.service.dc1.consul`):
    /// `lowered` is the host in lower case, `labels` its dot-separated parts.
    static func isClusterDNSName(_ lowered: String, labels: [String]) -> Bool {
        labels.dropFirst().contains("svc") || lowered.hasSuffix(".local") || lowered.hasSuffix(".internal") || lowered.hasSuffix(".consul")
    }

    /// The service an address stands for: its host's service label, or for an ingress upstream the known
    /// service it ends with; nil for IP addresses, `localhost` and public domain names.
    func resolve(_ address: Address) -> ServiceName? {
        switch address.kind {
        case .host(let host):
            guard let label = Self.serviceLabel(ofHost: host, known: knownServices) else { return nil }
            guard let name = ServiceName.normalized(label), name.rawValue.count >= 2, name.rawValue.contains(where: \.isLetter),
                !Self.looksLikeIdentifier(name.rawValue)
            else { return nil }
            // A Kubernetes Service object is often the workload's name plus `-svc` (`invoices-service-svc`).
            if !knownServices.contains(name) {
                for suffix in ["-svc", "-service", "-internal", "-headless"] where name.rawValue.hasSuffix(suffix) {
                    let base = ServiceName(String(name.rawValue.dropLast(suffix.count)))
                    if knownServices.contains(base) { return base }
                }
            }
            return name
        case .ingressUpstream(let upstream):
            // `<namespace>-<service>-<port>`: a known service at the end, else what follows a namespace the
            // input shows elsewhere (the longest, so that `prod-eu` wins over `prod`).
            let candidates = knownServices.filter { upstream == $0.rawValue || upstream.hasSuffix("-" + $0.rawValue) }
            if let known = candidates.max(by: { ($0.rawValue.count, $1.rawValue) < ($1.rawValue.count, $0.rawValue) }) {
                return known
            }
            let namespace = namespaces.filter { upstream.hasPrefix($0 + "-") }.max { ($0.count, $1) < ($1.count, $0) }
            guard let namespace, let name = ServiceName.normalized(String(upstream.dropFirst(namespace.count + 1))),
                Self.looksLikeServiceName(Substring(name.rawValue)) || (name.rawValue.count >= 3 && !Self.looksLikeIdentifier(name.rawValue))
            else { return nil }
            return name
        }
    }


    /// The known services `message` names (as dependencies or as callers), without technologies.
    /// - Complexity: O(m) for a message of length m.
    func namedServices(in message: String, emitter: ServiceName?) -> Set<MentionTarget> {
        var names: [Substring: ServiceName?] = [:]
        return namedServices(in: message, emitter: emitter, names: &names)
    }

    /// A word's service name, looked up in `names` first and remembered there (nil: it names none).
    static func normalized(_ token: Substring, remembering names: inout [Substring: ServiceName?]) -> ServiceName? {
        if let remembered = names[token] { return remembered }
        let normalized = ServiceName.normalized(token)
        names[token] = normalized
        return normalized
    }

    /// As ``namedServices(in:emitter:)``, remembering in `names` what each token normalises to (messages of
    /// one input share most of their words).
    func namedServices(in message: String, emitter: ServiceName?, names: inout [Substring: ServiceName?]) -> Set<MentionTarget> {
        var found = Set<MentionTarget>()
        var previous: Substring = ""
        for token in Self.nameTokens(message) {
            defer { previous = token }
            guard var name = Self.normalized(token, remembering: &names) else { continue }
            if !knownServices.contains(name), let upstream = upstreamName(name.rawValue) { name = upstream }
            guard name != emitter, knownServices.contains(name) else { continue }
            let word = previous.lowercased()
            found.insert(Self.callerWords.contains(word) || word == "from" || word == "by" ? .caller(name) : .service(name))
        }
        return found
    }

    /// The services `message` names as the emitter's dependencies: lines that name different ones are
    /// about different dependencies and belong to different templates.
    public func dependenciesNamed(in message: String, emitter: ServiceName?) -> Set<ServiceName> {
        var names: [Substring: ServiceName?] = [:]
        return dependenciesNamed(in: message, emitter: emitter, names: &names)
    }

    /// As ``dependenciesNamed(in:emitter:)``, remembering in `names` what each token normalises to.
    func dependenciesNamed(in message: String, emitter: ServiceName?, names: inout [Substring: ServiceName?]) -> Set<ServiceName> {
        Set(namedServices(in: message, emitter: emitter, names: &names).compactMap { if case .service(let name) = $0 { name } else { nil } })
    }

    /// A known service inside a proxy's upstream or cluster name: `apps-checkout-service-8080` (ingress-nginx:
    /// namespace, service, port), `checkout-service-8080`, and Envoy cluster names joined by `_`
    /// (`checkout-service_apps_8080`: service, namespace, port).
    func upstreamName(_ token: String) -> ServiceName? {
        // Without a `-` or `_` there is one part and no upstream: decided on the bytes, before the character tests.
        let underscored = token.utf8.contains(ASCII.underscore)
        guard underscored || token.utf8.contains(ASCII.hyphen) else { return nil }
        // (The port below is numbers to the end: a token whose last character is none names no upstream.)
        guard let last = token.last, last.isNumber else { return nil }
        if underscored {
            // `service_namespace_port` (or `namespace_service_port`): one of the parts before the port is a known service.
            var fields = token.split(separator: "_", omittingEmptySubsequences: false)
            guard fields.count >= 2, let port = fields.last, (2...5).contains(port.count), port.allSatisfy(\.isNumber) else { return nil }
            fields.removeLast()
            let known = fields.prefix(3).map { ServiceName(String($0)) }.filter { knownServices.contains($0) }
            return known.count == 1 ? known[0] : nil
        }
        var parts = token.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, let port = parts.last, (2...5).contains(port.count), port.allSatisfy(\.isNumber) else { return nil }
        parts.removeLast()
        // The service with at most two namespace words before it.
        for dropped in 0...min(2, parts.count - 1) {
            let candidate = ServiceName(parts.dropFirst(dropped).joined(separator: "-"))
            if knownServices.contains(candidate) { return candidate }
        }
        return nil
    }

    // MARK: - Phrases

    /// Words after which a named service is the emitter's caller, not its dependency. (A proxy's
    /// "upstream" is its backend; its "downstream" is the client.)
    /// (`peer=cart` in a gRPC server's line is its client.)
    static let callerWords: Set<String> = ["client", "caller", "downstream", "requester", "source", "origin", "peer"]
    /// `request from X`, `called by X`: X calls the emitter. (`response from X` is the other way.)
    static let requestWords: Set<String> = [
        "request", "requests", "req", "connection", "connections", "call", "calls", "traffic", "invocation", "called",
        "requested", "invoked", "sent", "initiated",
    ]
    /// Words after which a name is what the emitter calls.
    static let calleeWords: Set<String> = [
        "calling", "call", "calls", "upstream", "provider", "dependency", "backend", "contacting", "querying",
        "connecting", "reaching", "invoking",
    ]
    /// `request to X`, `response from X`: the word before `to`/`from`/`against`/`at`.
    static let calleeLeadWords: Set<String> = [
        "request", "requests", "call", "calls", "connect", "connecting", "connection", "connections", "forwarding",
        "proxying", "sending", "send", "publish", "publishing", "post", "get", "put", "delete", "response", "responses",
        "reply", "error", "errors", "timeout", "result", "results", "operation", "query", "queries", "failed", "failure",
        // `after error talking to X` (Python's tenacity), `connection to server at "X"` (libpq).
        "talking", "server",
    ]
    /// Words after a name that say the emitter called it (`X returned 503`, `X unavailable`).
    static let resultWords: Set<String> = [
        "returned", "responded", "unavailable", "unreachable", "timed", "refused", "failed", "errored", "rejected",
    ]

    /// Keys of structured fields whose value is the service the emitter called.
    static let calleeFieldKeys: Set<String> = [
        // (Not a bare `peer`: in a gRPC server's log it is the client.)
        "upstream", "upstream_service", "upstream.service", "provider", "peer.service", "peer_service",
        "dependency", "backend", "remote_service", "remote.service", "target_service", "callee",
    ]

    /// Objects whose host field is the host of a dependency, with the role the object's name implies.
    static let dependencyObjects: [String: ServiceRole?] = [
        "db": .database, "database": .database, "datasource": .database, "postgres": .database, "postgresql": .database,
        "mysql": .database, "mongo": .database, "mongodb": .database, "redis": .cache, "cache": .cache, "memcached": .cache,
        "kafka": .queue, "broker": .queue, "amqp": .queue, "rabbitmq": .queue, "upstream": nil, "backend": nil,
        "dependency": nil, "remote": nil, "target": nil,
    ]
    /// The host field's names inside such an object.
    static let hostKeys: Set<String> = ["host", "hostname", "address", "addr", "endpoint"]
    /// Flat names of a called host (OpenTelemetry's conventions).
    static let calledHostKeys: Set<String> = ["server.address", "net.peer.name", "db.instance.host"]

    /// The hosts that structured fields give for the emitter's dependencies: a host field inside an object
    /// named for a dependency (JSON `"db":{"host":"…"}`, or flat `db.host=…`), and OpenTelemetry's
    /// `server.address` and `net.peer.name`; each with the role the object's name implies.
    /// - Complexity: O(n) for n bytes.
    static func dependencyHosts(in text: String) -> [(host: String, role: ServiceRole?)] {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == 0x7B || $0 == 0x3D }) else { return [] }
        var found: [(host: String, role: ServiceRole?)] = []
        func isKeyByte(_ b: UInt8) -> Bool { ASCII.isAlphanumeric(b) || b == 0x5F || b == 0x2E || b == 0x2D }
        func take(key: String, parent: String?, value: String) {
            var value = value
            // `sessions-redis:6379`: the host without its port.
            if let colon = value.lastIndex(of: ":"), !value[value.index(after: colon)...].isEmpty, value[value.index(after: colon)...].allSatisfy({ $0.isASCII && $0.isNumber }) {
                value = String(value[..<colon])
            }
            guard !value.isEmpty, value.contains(where: \.isLetter) else { return }
            let parts = key.lowercased().split(separator: ".").map(String.init)
            if calledHostKeys.contains(key.lowercased()) {
                found.append((value, nil))
            } else if let last = parts.last, hostKeys.contains(last) {
                let owner = parts.count >= 2 ? parts[parts.count - 2] : parent?.lowercased()
                if let owner, let role = dependencyObjects[owner] { found.append((value, role)) }
            }
        }
        // Object keys open around the cursor (JSON), innermost last.
        var objects: [String?] = []
        var lastKey: String?
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                // A JSON string: a key when a colon follows, else a value.
                var j = i + 1
                while j < bytes.count, bytes[j] != 0x22 { j += bytes[j] == 0x5C ? 2 : 1 }
                j = min(j, bytes.count)
                let string = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                var k = j + 1
                while k < bytes.count, bytes[k] == 0x20 { k += 1 }
                if k < bytes.count, bytes[k] == 0x3A {
                    lastKey = string
                    i = k + 1
                    continue
                }
                if let key = lastKey { take(key: key, parent: objects.last ?? nil, value: string) }
                lastKey = nil
                i = j + 1
                continue
            }
            if b == 0x7B {
                objects.append(lastKey)
                lastKey = nil
            } else if b == 0x7D {
                _ = objects.popLast()
            } else if b == 0x3D, i > 0, isKeyByte(bytes[i - 1]) {
                // logfmt: `db.host=orders-db`.
                var start = i
                while start > 0, isKeyByte(bytes[start - 1]) { start -= 1 }
                var end = i + 1
                let quoted = end < bytes.count && bytes[end] == 0x22
                if quoted { end += 1 }
                let valueStart = end
                while end < bytes.count, isKeyByte(bytes[end]) { end += 1 }
                take(key: String(decoding: bytes[start..<i], as: UTF8.self), parent: nil,
                    value: String(decoding: bytes[valueStart..<end], as: UTF8.self))
                i = max(end, i + 1)
                continue
            }
            i += 1
        }
        return found
    }

    /// The values of callee fields in a line: logfmt (`upstream=accounts-api`, `upstream="accounts-api"`) and
    /// JSON (`"provider": "auth0"`). Values holding `:` or `/` are addresses, read as such elsewhere.
    /// - Complexity: O(n) for n bytes.
    static func calleeFieldValues(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var values: [String] = []
        func isKeyByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2E
        }
        var i = 0
        while i < bytes.count {
            guard isKeyByte(bytes[i]), i == 0 || !isKeyByte(bytes[i - 1]) else {
                i += 1
                continue
            }
            var j = i
            while j < bytes.count, isKeyByte(bytes[j]) { j += 1 }
            var k = j
            let quotedKey = i > 0 && bytes[i - 1] == 0x22 && k < bytes.count && bytes[k] == 0x22
            if quotedKey { k += 1 }
            while k < bytes.count, bytes[k] == 0x20 { k += 1 }
            // The `=` (or a quoted key's `:`) first: most words are followed by neither, and need no key string.
            guard k < bytes.count, bytes[k] == 0x3D || (quotedKey && bytes[k] == 0x3A),
                calleeFieldKeys.contains(String(decoding: bytes[i..<j], as: UTF8.self).lowercased())
            else {
                i = j
                continue
            }
            k += 1
            while k < bytes.count, bytes[k] == 0x20 { k += 1 }
            if k < bytes.count, bytes[k] == 0x22 { k += 1 }
            var end = k
            while end < bytes.count, isKeyByte(bytes[end]) || bytes[end] == 0x2D { end += 1 }
            let stopsCleanly = end == bytes.count || [0x20, 0x22, 0x2C, 0x7D, 0x09].contains(bytes[end])
            if end > k, stopsCleanly { values.append(String(decoding: bytes[k..<end], as: UTF8.self)) }
            i = max(end, j)
        }
        return values
    }

    static func namesCaller(before: String, beforeThat: String) -> Bool {
        if callerWords.contains(before) { return true }
        return (before == "from" || before == "by") && requestWords.contains(beforeThat)
    }

    /// `circuit breaker opened for X`, `fallback for X`: the emitter guards its calls to X.
    static let guardWords: Set<String> = [
        "breaker", "circuit", "open", "opened", "fallback", "retrying", "retry", "retries", "bulkhead", "timeout",
    ]

    /// Words between a lead word and the callee it names (`connect to`, `read from`).
    static let leadPrepositions: Set<String> = ["to", "from", "against", "at", "on"]

    static func namesCallee(before: String, beforeThat: String, after: String) -> Bool {
        if calleeWords.contains(before) { return true }
        if before == "for", guardWords.contains(beforeThat) { return true }
        if leadPrepositions.contains(before), calleeLeadWords.contains(beforeThat) { return true }
        return resultWords.contains(after)
    }

    /// Whether a word nobody declared looks like a service's name: lower-case words joined by `-` or `_`
    /// (`accounts-api`), one of them at least three letters long, none of them a hash.
    static func looksLikeServiceName(_ token: Substring) -> Bool {
        guard (3...63).contains(token.count), token.first?.isLetter == true,
            token.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" })
        else { return false }
        let parts = token.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard parts.count >= 2, parts.contains(where: { $0.count >= 3 && $0.allSatisfy(\.isLetter) }) else { return false }
        return !looksLikeIdentifier(String(token))
    }

    /// A program's own module, named after the program: RabbitMQ's `rabbit_peer_discovery_k8s`, a plugin
    /// `rabbitmq_prometheus` (snake case, the first word the start of the emitter's one-word name). Not a
    /// service the emitter calls, whatever cue comes before it. An emitter of several words (`orders-api`)
    /// is an application, whose `orders_db` may well be a dependency.
    static func isOwnModule(_ token: Substring, of emitter: ServiceName?) -> Bool {
        guard let emitter, token.contains("_"), !token.contains("-") else { return false }
        let program = emitter.rawValue
        guard !program.contains(where: { $0 == "-" || $0 == "_" || $0 == "." }) else { return false }
        let head = token.prefix { $0 != "_" }
        return head.count >= 3 && program.hasPrefix(head)
    }

    /// Hex runs and digit-heavy words are ids, not names.
    static func looksLikeIdentifier(_ text: String) -> Bool {
        let digits = text.count(where: \.isNumber)
        if digits * 3 > text.count { return true }
        let letters = text.filter(\.isLetter)
        return letters.count >= 8 && letters.allSatisfy { "abcdef".contains($0) }
    }

    // MARK: - Addresses

    /// A place a client connects to, as written.
    struct Address: Hashable, Sendable {
        enum Kind: Hashable, Sendable {
            case host(String)
            /// ingress-nginx's `$proxy_upstream_name`, `<namespace>-<service>-<port>`, port removed.
            case ingressUpstream(String)
        }

        var kind: Kind
        var scheme: String?
        var port: Int?
        /// Java's `host/10.0.4.7:port`: a server also writes it for its own cluster's peers
        /// (`zk-1/10.132.0.21:2888`), so it names a service only when the name is known or the port is a
        /// server's by convention (``MentionExtractor/serverPorts``).
        var isSocketAddress = false

        /// The role the scheme or the port implies (`postgres://`, `:6379`).
        var roleHint: ServiceRole? {
            switch scheme {
            case "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "jdbc", "cassandra", "sqlserver":
                return .database
            case "redis", "rediss", "memcached": return .cache
            case "amqp", "amqps", "kafka", "nats": return .queue
            default: break
            }
            switch port {
            case 5432, 3306, 27017, 9042, 1433, 1521, 26257, 9200: return .database
            case 6379, 6380, 11211: return .cache
            case 9092, 5672, 4222, 61616, 1883: return .queue
            default: break
            }
            if case .host(let host) = kind { return MentionExtractor.managedEndpointRole(ofHost: host.lowercased()) }
            return nil
        }
    }

    /// Cloud providers' endpoints of a managed data store or broker: the first label is the customer's own
    /// name for the server (`orders-db.c9xk2lq.eu-west-1.rds.amazonaws.com`,
    /// `psql-orders-prod.postgres.database.azure.com`, `sessions.redis.cache.windows.net`).
    static let managedEndpoints: [(suffix: String, role: ServiceRole)] = [
        (".rds.amazonaws.com", .database), (".docdb.amazonaws.com", .database),
        (".postgres.database.azure.com", .database), (".mysql.database.azure.com", .database),
        (".mariadb.database.azure.com", .database), (".database.windows.net", .database),
        (".documents.azure.com", .database), (".redis.cache.windows.net", .cache), (".servicebus.windows.net", .queue),
    ]

    /// The role of a managed endpoint's server (``managedEndpoints``); `lowered` is the host in lower case.
    static func managedEndpointRole(ofHost lowered: String) -> ServiceRole? {
        managedEndpoints.first { lowered.hasSuffix($0.suffix) && lowered.count > $0.suffix.count }?.role
    }

    static let schemes: Set<String> = [
        "http", "https", "grpc", "grpcs", "ws", "wss", "tcp", "postgres", "postgresql", "mysql", "mariadb", "mongodb",
        "mongodb+srv", "redis", "rediss", "amqp", "amqps", "kafka", "nats", "memcached", "cassandra", "sqlserver", "jdbc",
        "dns", "consul", "xds",
    ]

    /// Namespaces that hold the cluster's own machinery and its telemetry: a line reaching into them
    /// (exporting metrics, watching the API server) is not a call of the application's.
    static let platformNamespaces: Set<String> = [
        "kube-system", "kube-public", "kube-node-lease", "monitoring", "observability", "telemetry", "logging", "tracing",
        "istio-system", "linkerd", "cert-manager",
    ]

    /// Labels that mark a private zone under a public domain (split-horizon DNS).
    static let internalZoneLabels: Set<String> = ["int", "internal", "intra", "intranet", "corp", "priv", "private", "lan"]

    /// Public top-level domains: a host under one is somebody else's service, named by the operator's own
    /// words rather than its DNS name.
    static let publicSuffixes: Set<String> = [
        "com", "net", "org", "io", "dev", "app", "cloud", "co", "ai", "us", "eu", "de", "uk", "fr", "nl", "jp", "in",
        "info", "biz", "me", "tech", "sh", "gov", "edu",
    ]

    /// URLs (`scheme://[user@]host[:port]`), `host:port` pairs, cluster DNS names and ingress upstream names
    /// in `text`, in order.
    /// - Complexity: O(n) for n bytes.
    static func addresses(in text: String) -> [Address] {
        let bytes = Array(text.utf8)
        var found: [Address] = []
        var i = 0
        func isHostByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E || b == 0x5F
        }
        func isBoundary(_ index: Int) -> Bool {
            guard index > 0 else { return true }
            let b = bytes[index - 1]
            return !(isHostByte(b) || b == 0x2F || b == 0x3A || b == 0x40)
        }
        while i < bytes.count {
            // `scheme://`
            if bytes[i] == 0x3A, i + 2 < bytes.count, bytes[i + 1] == 0x2F, bytes[i + 2] == 0x2F {
                var start = i
                while start > 0, isHostByte(bytes[start - 1]) || bytes[start - 1] == 0x2B { start -= 1 }
                let scheme = String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
                var j = i + 3
                // gRPC's resolver targets leave the authority empty: `dns:///tax-calc.service.consul:9090`.
                if j < bytes.count, bytes[j] == 0x2F, scheme == "dns" || scheme == "consul" || scheme == "xds" { j += 1 }
                // (`jdbc:postgresql://` stops at the inner scheme, which is the one that matters.)
                let effective = scheme
                var hostStart = j
                while j < bytes.count, bytes[j] != 0x2F, bytes[j] != 0x20, bytes[j] != 0x22, bytes[j] != 0x3F, bytes[j] != 0x23 {
                    if bytes[j] == 0x40 { hostStart = j + 1 }  // user:password@
                    j += 1
                }
                if schemes.contains(effective) {
                    let authority = String(decoding: bytes[hostStart..<j], as: UTF8.self)
                    // `host1:port,host2:port` (a cluster's seed list): every host.
                    for part in authority.split(separator: ",") {
                        let pieces = part.split(separator: ":", maxSplits: 1)
                        guard let host = pieces.first, !host.isEmpty, !host.hasPrefix("[") else { continue }
                        let port = pieces.count > 1 ? Int(pieces[1].prefix(while: \.isNumber)) : nil
                        found.append(Address(kind: .host(String(host)), scheme: effective, port: port))
                    }
                }
                i = max(j, i + 3)
                continue
            }
            // `[namespace-service-port]` (ingress-nginx access logs).
            if bytes[i] == 0x5B {
                var j = i + 1
                while j < bytes.count, isHostByte(bytes[j]), bytes[j] != 0x2E { j += 1 }
                if j < bytes.count, bytes[j] == 0x5D, j - i > 4 {
                    let inner = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                    if let dash = inner.lastIndex(of: "-"), let port = Int(inner[inner.index(after: dash)...]), port > 0,
                        inner[..<dash].contains("-")
                    {
                        found.append(Address(kind: .ingressUpstream(String(inner[..<dash]).lowercased()), scheme: nil, port: port))
                    }
                }
                i += 1
                continue
            }
            // `host:port` and `name.ns.svc.cluster.local`, starting at a word boundary.
            if isHostByte(bytes[i]), bytes[i] != 0x2D, bytes[i] != 0x2E, isBoundary(i) {
                var j = i
                while j < bytes.count, isHostByte(bytes[j]) { j += 1 }
                var end = j
                while end > i, bytes[end - 1] == 0x2E || bytes[end - 1] == 0x2D { end -= 1 }
                if end == j, j + 1 < bytes.count, bytes[j] == 0x3A, bytes[j + 1] >= 0x30, bytes[j + 1] <= 0x39 {
                    let host = String(decoding: bytes[i..<end], as: UTF8.self)
                    let lowered = host.lowercased()
                    var k = j + 1
                    while k < bytes.count, bytes[k] >= 0x30, bytes[k] <= 0x39 { k += 1 }
                    let digits = k - j - 1
                    let followedByDigitColon = k < bytes.count && (bytes[k] == 0x3A || bytes[k] == 0x2E) && k + 1 < bytes.count
                        && bytes[k + 1] >= 0x30 && bytes[k + 1] <= 0x39
                    // `file-rss:17344kB` is a quantity, not a port.
                    let followedByWord = k < bytes.count && (isHostByte(bytes[k]) && bytes[k] != 0x2E && bytes[k] != 0x2D)
                    if (2...5).contains(digits), !followedByDigitColon, !followedByWord, let port = Int(String(decoding: bytes[(j + 1)..<k], as: UTF8.self)),
                        port > 0, port < 65536, lowered.contains(where: \.isLetter), isHostAndPort(lowered, port: port)
                    {
                        found.append(Address(kind: .host(host), scheme: nil, port: port))
                    }
                    i = k
                    continue
                }
                // Java's socket address, `host/10.0.4.7:5432` (Netty, Lettuce, the Kafka client, JDBC drivers):
                // the name before the resolved IPv4 address.
                if end == j, let port = Self.resolvedAddressPort(bytes, slash: j) {
                    let host = String(decoding: bytes[i..<end], as: UTF8.self)
                    if host.contains(where: \.isLetter), isHostAndPort(host.lowercased(), port: port) {
                        found.append(Address(kind: .host(host), scheme: nil, port: port, isSocketAddress: true))
                    }
                    i = j + 1
                    continue
                }
                // (Host bytes are ASCII: the same tests as on the lower-cased `String`, on the bytes.)
                if Self.namesClusterService(bytes, i, end) {
                    found.append(Address(kind: .host(String(decoding: bytes[i..<end], as: UTF8.self)), scheme: nil, port: nil))
                }
                i = j
                continue
            }
            i += 1
        }
        return found
    }

    /// The port of `/a.b.c.d:port` at `slash` (an IPv4 address and a port of 2 to 5 digits, then no more
    /// host bytes), else nil.
    static func resolvedAddressPort(_ bytes: [UInt8], slash: Int) -> Int? {
        guard slash < bytes.count, bytes[slash] == 0x2F else { return nil }
        var k = slash + 1
        var dots = 0
        var digits = 0
        while k < bytes.count, ASCII.isDigit(bytes[k]) || bytes[k] == 0x2E {
            if bytes[k] == 0x2E {
                guard digits > 0 else { return nil }
                dots += 1
                digits = 0
            } else {
                digits += 1
                guard digits <= 3 else { return nil }
            }
            k += 1
        }
        guard dots == 3, digits > 0, k < bytes.count, bytes[k] == 0x3A else { return nil }
        var end = k + 1
        while end < bytes.count, ASCII.isDigit(bytes[end]) { end += 1 }
        guard (2...5).contains(end - k - 1), end == bytes.count || !(ASCII.isAlphanumeric(bytes[end]) || bytes[end] == 0x2E && end + 1 < bytes.count && ASCII.isDigit(bytes[end + 1])),
            let port = Int(String(decoding: bytes[(k + 1)..<end], as: UTF8.self)), port > 0, port < 65536
        else { return nil }
        return port
    }

    /// Whether the ASCII host `bytes[start..<end]`, lower-cased, holds `.svc.` or ends in `.svc` or
    /// `.cluster.local`.
    static func namesClusterService(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        let count = end - start
        guard count >= 4 else { return false }
        func lowered(_ k: Int) -> UInt8 { ASCII.lower(bytes[k]) }
        func holds(_ word: StaticString, at k: Int) -> Bool {
            let w = word.utf8Start
            for n in 0..<word.utf8CodeUnitCount where lowered(k + n) != w[n] { return false }
            return true
        }
        if count >= 14, holds(".cluster.local", at: end - 14) { return true }
        if count >= 8, holds(".consul", at: end - 7) { return true }
        if holds(".svc", at: end - 4) { return true }
        var k = start
        while k + 5 <= end {
            if bytes[k] == 0x2E, holds(".svc.", at: k) { return true }
            k += 1
        }
        return false
    }

    /// Ports servers listen on by convention; a one-word host before another number is more likely a
    /// field (`status:503`, `line:42`).
    static let serverPorts: Set<Int> = [
        80, 443, 3000, 4000, 5000, 5432, 3306, 27017, 9042, 1433, 1521, 26257, 9200, 6379, 6380, 11211, 9092, 5672, 4222,
        61616, 1883, 8000, 8080, 8081, 8443, 8888, 9000, 9090, 50051,
    ]

    /// Source file extensions: `RestTemplate.java:905` is a stack frame, not a host.
    static let sourceExtensions: Set<String> = [
        "java", "kt", "kts", "scala", "groovy", "go", "py", "js", "cjs", "mjs", "ts", "tsx", "jsx", "rb", "cs", "cpp", "cc",
        "c", "h", "hpp", "rs", "swift", "php", "ex", "exs", "erl", "clj", "dart", "lua", "pl", "sh", "m", "vue", "yaml",
        "yml", "json", "xml", "properties", "conf", "toml", "txt", "log", "html", "sql", "proto", "class", "jar",
    ]

    /// Whether `host:port` reads as an address rather than a stack frame or a `key:number` field.
    static func isHostAndPort(_ host: String, port: Int) -> Bool {
        if let dot = host.lastIndex(of: ".") {
            return !sourceExtensions.contains(String(host[host.index(after: dot)...]))
        }
        // (`_` is not a host name character: `oom_score_adj:1000` is a field, unless the port says otherwise.)
        return host.contains("-") || serverPorts.contains(port)
    }

    /// The service a host name stands for: a single label (`payments-worker`), the first label of a
    /// cluster name (`redis.prod.svc.cluster.local`, `checkout-api.apps`), nil for IP addresses, localhost
    /// and public domains (unless a known service is one of the labels).
    /// The known service a public host name spells with the same words: `api.taxwise.io` is the topology's
    /// `taxwise-api`, `payments.stripe.com` its `stripe-payments`. Nil when the name is known already, is
    /// no dotted host, or fits no known service, or more than one.
    func knownService(spelledAsHost name: ServiceName) -> ServiceName? {
        guard !knownServices.contains(name), name.rawValue.contains(".") else { return nil }
        var labels = name.rawValue.split(separator: ".").map(String.init)
        if let last = labels.last, Self.publicSuffixes.contains(last) { labels.removeLast() }
        let words = Set(labels.flatMap { $0.split(separator: "-").map(String.init) })
        guard words.count >= 2 else { return nil }
        let matches = knownServices.filter { Set($0.rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).map(String.init)) == words }
        return matches.count == 1 ? matches.first : nil
    }

    /// The service a public host name of three labels or more stands for (``serviceLabel(ofHost:known:)``),
    /// when it is a managed endpoint (``managedEndpoints``) or a known service is one of its labels; nil for
    /// anything else (a Java class, a file name, somebody else's domain).
    static func hostService(_ host: String, known: Set<ServiceName>) -> (name: ServiceName, role: ServiceRole?)? {
        let lowered = host.lowercased()
        let labels = lowered.split(separator: ".")
        guard labels.count >= 3, let last = labels.last, publicSuffixes.contains(String(last)),
            let label = serviceLabel(ofHost: lowered, known: known), let name = ServiceName.normalized(label)
        else { return nil }
        let role = managedEndpointRole(ofHost: lowered)
        guard role != nil || known.contains(name) else { return nil }
        return (name, role)
    }

    static func serviceLabel(ofHost host: String, known: Set<ServiceName>) -> String? {
        var lowered = host.lowercased().trimmingTrailingDots()
        var labels = lowered.split(separator: ".").map(String.init)
        // Istio's names for a cluster (`outbound_.8080_._.ledger-svc.ledger.svc.cluster.local`, the SNI of its
        // mutual TLS): the direction, port and subset before the service's own name.
        if let first = labels.first, first == "outbound_" || first == "inbound_" {
            labels = Array(labels.drop { $0.hasSuffix("_") })
            lowered = labels.joined(separator: ".")
        }
        guard let first = labels.first, !first.isEmpty else { return nil }
        if labels.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return nil }  // IPv4
        if ["localhost", "0", "127", "host", "www", "::1"].contains(first) { return nil }
        // `<service>.<namespace>[.svc…]`: the cluster's own and the telemetry namespaces are plumbing.
        if labels.count >= 2, labels.count == 2 || labels[2] == "svc" {
            if platformNamespaces.contains(labels[1]) || (first == "kubernetes" && labels[1] == "default") { return nil }
        }
        if labels.count == 1 { return first }
        if isClusterDNSName(lowered, labels: labels) { return first }
        if managedEndpointRole(ofHost: lowered) != nil { return first }
        if let last = labels.last, publicSuffixes.contains(last) {
            // A company's internal zone under its public domain (`media.int.example.net`,
            // `ledger.internal.example.com`): the first label is its own service's name.
            if labels.count >= 4, labels.dropFirst().dropLast(2).contains(where: internalZoneLabels.contains) { return first }
            return labels.first { known.contains(ServiceName($0)) }
        }
        // `service.namespace` (Kubernetes' short form) and other private names.
        return labels.count == 2 || known.contains(ServiceName(first)) ? first : nil
    }

    // MARK: - Words

    /// Runs of name characters: letters, digits, `-`, `_`, `.`; trailing dots dropped.
    static func nameTokens(_ message: String) -> [Substring] {
        // ASCII text (nearly every message): the same runs found byte by byte, without grapheme breaking.
        if message.utf8.allSatisfy({ $0 < 0x80 }) { return asciiNameTokens(message) }
        return message.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".")) })
            .map { token in
                var t = token
                while t.last == "." || t.last == "-" { t = t.dropLast() }
                return t
            }
            .filter { $0.count >= 2 }
    }

    /// ``nameTokens(_:)`` for ASCII text.
    static func asciiNameTokens(_ message: String) -> [Substring] {
        @inline(__always)
        func isName(_ b: UInt8) -> Bool {
            ASCII.isAlphanumeric(b) || b == ASCII.hyphen || b == ASCII.underscore || b == ASCII.dot
        }
        let utf8 = message.utf8
        var tokens: [Substring] = []
        var index = utf8.startIndex
        while index != utf8.endIndex {
            guard isName(utf8[index]) else {
                utf8.formIndex(after: &index)
                continue
            }
            let start = index
            var length = 0
            // The run's length without trailing dots and hyphens.
            var kept = 0
            var keptEnd = index
            while index != utf8.endIndex, isName(utf8[index]) {
                let b = utf8[index]
                utf8.formIndex(after: &index)
                length += 1
                if b != ASCII.dot && b != ASCII.hyphen {
                    kept = length
                    keptEnd = index
                }
            }
            if kept >= 2 { tokens.append(Substring(utf8[start..<keptEnd])) }
        }
        return tokens
    }

    /// Whether `bytes` holds `word` at `start` (the caller checks it fits).
    @inline(__always)
    static func matches(_ bytes: [UInt8], at start: Int, _ word: [UInt8]) -> Bool {
        for i in 0..<word.count where bytes[start + i] != word[i] { return false }
        return true
    }

    /// A word starts at `index` when the byte before it is not a letter, or the case turns there (`myRedis`).
    static func startsWord(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let before = bytes[index - 1]
        let isLetter = (before >= 0x41 && before <= 0x5A) || (before >= 0x61 && before <= 0x7A)
        if !isLetter { return true }
        let isLowerBefore = before >= 0x61 && before <= 0x7A
        let current = bytes[index]
        return isLowerBefore && current >= 0x41 && current <= 0x5A
    }

    /// A word ends at `index` when the next byte is not a lower-case letter, or a capital starts the next
    /// camel-case word (`RedisConnectionException`, `PSQLException`).
    static func endsWord(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index < bytes.count else { return true }
        let next = bytes[index]
        let isLower = next >= 0x61 && next <= 0x7A
        if !isLower { return true }
        // `postgres` inside `postgresql` is the longer word's business: longer entries are tried first.
        return false
    }
}

extension String {
    fileprivate func trimmingTrailingDots() -> String {
        var text = Substring(self)
        while text.last == "." { text = text.dropLast() }
        return String(text)
    }
}

/// Which pairs of adjacent bytes a text holds, as a 1024-bit Bloom filter: a word whose first two bytes
/// are not among them cannot occur in the text, so a search for it can be skipped without reading the
/// text again (a set bit may be a false alarm; the search then runs and finds nothing).
struct BytePairFilter {
    private var bits = [UInt64](repeating: 0, count: 16)

    init(_ text: [UInt8]) {
        guard text.count >= 2 else { return }
        for i in 1..<text.count {
            let bit = Self.bit(text[i - 1], text[i])
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    @inline(__always)
    private static func bit(_ first: UInt8, _ second: UInt8) -> Int {
        Int(truncatingIfNeeded: ((UInt32(first) << 8 | UInt32(second)) &* 0x9E37_79B1) >> 22)
    }

    /// False when `word` (two bytes or more) cannot occur in the text; true when it may, and for shorter
    /// words.
    func mayHold(_ word: String) -> Bool {
        var bytes = word.utf8.makeIterator()
        guard let first = bytes.next(), let second = bytes.next() else { return true }
        let bit = Self.bit(first, second)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// ``mayHold(_:)`` for a word's bytes, testing its last two bytes as well as its first two.
    @inline(__always)
    func mayHold(_ word: [UInt8]) -> Bool {
        let n = word.count
        guard n >= 2 else { return true }
        let first = Self.bit(word[0], word[1])
        let last = Self.bit(word[n - 2], word[n - 1])
        return bits[first >> 6] & (1 << UInt64(first & 63)) != 0 && bits[last >> 6] & (1 << UInt64(last & 63)) != 0
    }
}
