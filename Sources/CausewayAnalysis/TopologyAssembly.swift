public import CausewayCore
public import CausewayIngest

/// The service map an analysis runs on: what the declaration says, what trace exports show and what log
/// lines imply, merged into one ``Topology``.
///
/// 1. Services: every declared service, every emitter, every service a trace names, every service a line
///    reaches at an address or after a phrase of calling, and every dependency a line names by technology
///    (`Redis CLUSTERDOWN`), resolved to a known service when one fits, else named `<technology>-<role>`.
/// 2. Roles: declared, else from the name, else from how lines reach it (`postgres://`, `:6379`) or the
///    vocabulary that named it, else unknown (the middle tier).
/// 3. Calls: declared edges; traced edges (merged into a declared one they confirm, left out when they only
///    reverse one); without a declaration, calls read off log lines that carry trace ids
///    (``TracedLineCalls``); edges inferred from what lines name (``CallInference``), unless the declaration
///    or the traces draw the pair already. An observed call the declaration contradicts is a ``TopologyConflict``.
///
/// Deterministic: services are visited sorted, and the topology keeps its calls sorted.
public struct TopologyAssembly: Sendable {
    /// The merged map.
    public private(set) var topology: Topology
    /// Every service's role (``ServiceRole/unknown`` where nothing tells).
    public private(set) var roles: [ServiceName: ServiceRole] = [:]
    /// Where each role came from.
    public private(set) var roleSources: [ServiceName: ServiceNode.RoleSource] = [:]
    /// Services only a technology word named (`redis-cache`).
    public private(set) var vocabularyServices = Set<ServiceName>()
    /// Services that wrote at least one line.
    public private(set) var emitters = Set<ServiceName>()
    /// Observed calls that contradict the declaration, sorted.
    public private(set) var conflicts: [TopologyConflict] = []
    /// Each template's mentions resolved to services, in the log's template order.
    var resolvedMentions: [[ResolvedMention]] = []

    /// - Complexity: O(t · m + c log c) for t templates of m mentions and c call edges.
    public init(log: IncidentLog, declared: Topology?) {
        let declaredTopology = declared ?? Topology()
        var topology = declaredTopology
        var roles: [ServiceName: ServiceRole] = [:]
        var roleSources: [ServiceName: ServiceNode.RoleSource] = [:]
        var emitters = Set<ServiceName>()
        var vocabularyServices = Set<ServiceName>()
        var resolvedMentions: [[ResolvedMention]] = []

        // 1-2. Services and roles: declared, emitters, and the services traces name.
        for template in log.templates { emitters.insert(template.service) }
        var known = Set(declaredTopology.services).union(emitters)
        for call in log.tracedCalls {
            known.insert(call.caller)
            known.insert(call.callee)
        }
        func assignRole(_ service: ServiceName, hint: ServiceRole?, hintSource: ServiceNode.RoleSource) {
            if let role = declaredTopology.roles[service] {
                roles[service] = role
                roleSources[service] = .declared
            } else if let role = RoleInference.role(forName: service) {
                roles[service] = role
                roleSources[service] = .name
            } else if let hint {
                roles[service] = hint
                roleSources[service] = hintSource
            }
        }
        for service in known.sorted() {
            topology.addService(service)
            assignRole(service, hint: nil, hintSource: .unknown)
        }

        // Resolve every template's mentions to services: services named at an address or after a phrase of
        // calling join the map; technology words resolve to a known service or a `<technology>-<role>` one.
        // Services each emitter reaches by address or phrase: a technology word in its lines most likely
        // stands for one of them (`redis: connection refused` beside `addr=sessions-redis:6379`).
        var reached: [ServiceName: Set<ServiceName>] = [:]
        for template in log.templates {
            var resolved: [ResolvedMention] = []
            // A resolver's lines name the names it was asked for (`sqs.eu-west-1.amazonaws.com. AAAA: i/o
            // timeout` is a query that failed upstream): queries, not calls, and not what its trouble is about.
            let mentions = ExplanationModel.isResolver(template.service) ? [] : template.mentions
            for mention in mentions {
                switch mention.target {
                case .service(var name):
                    if !known.contains(name), let emitter = Self.emitter(firstWord: name, among: emitters) { name = emitter }
                    if !known.contains(name), let service = Self.service(distinctiveWordOf: name, among: known) { name = service }
                    if !known.contains(name) {
                        known.insert(name)
                        topology.addService(name)
                        assignRole(name, hint: mention.roleHint, hintSource: .address)
                    } else if roles[name] == nil, let hint = mention.roleHint {
                        roles[name] = hint
                        roleSources[name] = .address
                    }
                    if mention.cue >= .phrase { reached[template.service, default: []].insert(name) }
                    resolved.append(ResolvedMention(service: name, evidence: mention.evidence, technology: nil, cue: mention.cue))
                case .caller(let name):
                    if !known.contains(name) {
                        known.insert(name)
                        topology.addService(name)
                        assignRole(name, hint: nil, hintSource: .unknown)
                    }
                    resolved.append(
                        ResolvedMention(service: name, evidence: mention.evidence, technology: nil, isCaller: true, cue: mention.cue))
                case .technology: break
                }
            }
            resolvedMentions.append(resolved)
        }
        let soleStores = Self.soleStores(templates: log.templates, known: known, roles: roles)
        for (index, template) in log.templates.enumerated() where !ExplanationModel.isResolver(template.service) {
            for mention in template.mentions {
                guard case .technology(let word, let role, let generic) = mention.target else { continue }
                let emitterReached = (reached[template.service] ?? []).sorted()
                let matching = emitterReached.filter { Self.holds($0, word: word) }
                let sameRole = emitterReached.filter { roles[$0] == role }
                // The one service of that role these very lines reach (`postgresql call to psql-orders-prod.…`)
                // before any other the emitter reaches elsewhere.
                let sameLine = Set(resolvedMentions[index].filter { $0.cue >= .phrase && !$0.isCaller && roles[$0.service] == role }.map(\.service))
                let name: ServiceName?
                if let first = matching.first {
                    name = first
                } else if sameLine.count == 1 {
                    name = sameLine.first
                } else if sameRole.count == 1 {
                    name = sameRole[0]
                } else {
                    name = Self.resolveTechnology(
                        word, role: role, generic: generic, emitter: template.service, known: known, topology: declaredTopology,
                        roles: roles, soleStores: soleStores)
                }
                guard let name else { continue }
                if !known.contains(name) {
                    known.insert(name)
                    vocabularyServices.insert(name)
                    topology.addService(name)
                    roles[name] = role
                    roleSources[name] = .vocabulary
                }
                guard name != template.service else { continue }
                if let same = resolvedMentions[index].firstIndex(where: { $0.service == name && !$0.isCaller }) {
                    // The service's own name is the technology's word (`Cassandra timeout` with a `cassandra`
                    // service): the line names it as that technology, which says more than a bare name.
                    if resolvedMentions[index][same].cue < mention.cue {
                        resolvedMentions[index][same].cue = mention.cue
                        resolvedMentions[index][same].technology = word
                    }
                } else {
                    resolvedMentions[index].append(
                        ResolvedMention(service: name, evidence: mention.evidence, technology: word, cue: mention.cue))
                }
            }
        }
        for service in known where roles[service] == nil {
            roles[service] = .unknown
            roleSources[service] = .unknown
        }

        // 3. Calls: traced edges (facts, weighted by traffic), then edges inferred from what lines name.
        // A traced call the declaration draws the other way, and that no trace shows the declared way, is
        // listed as a conflict and left out: both directions at once would let each side explain the other.
        let tracedPairs = Set(log.tracedCalls.map { [$0.caller, $0.callee] })
        for call in log.tracedCalls {
            if declaredTopology.hasCall(from: call.callee, to: call.caller), !declaredTopology.hasCall(from: call.caller, to: call.callee),
                !tracedPairs.contains([call.callee, call.caller])
            {
                continue
            }
            topology.merge(call)
        }
        // Without a declaration, the lines that carry trace ids show calls too (traced, like an export's, but
        // read off which service's line comes before another's first line in each trace).
        if declaredTopology.isEmpty {
            for call in TracedLineCalls.infer(log.tracedLines) {
                if topology.call(from: call.caller, to: call.callee) != nil || !topology.hasCall(from: call.callee, to: call.caller) {
                    topology.merge(call)
                }
            }
        }
        let inference = CallInference.infer(
            templates: log.templates, mentions: resolvedMentions, roles: roles, declared: declared)
        for call in inference.calls {
            if let existing = topology.call(from: call.caller, to: call.callee) {
                if existing.provenance != .inferred { topology.merge(call) }
                continue
            }
            // An edge the declaration or the traces already draw the other way wins.
            if topology.hasCall(from: call.callee, to: call.caller) { continue }
            topology.addCall(call)
        }
        self.conflicts = Topology.conflicts(declared: declaredTopology, observed: log.tracedCalls + inference.betweenDeclared)

        self.topology = topology
        self.roles = roles
        self.roleSources = roleSources
        self.emitters = emitters
        self.vocabularyServices = vocabularyServices
        self.resolvedMentions = resolvedMentions
    }

    /// The merged map as the report shows it: services with their roles, calls with their provenance,
    /// confidence and evidence, and the conflicts.
    public func summary(source: String) -> TopologySummary {
        TopologySummary(
            source: source,
            services: topology.services.map { name in
                TopologySummary.Service(
                    name: name, role: roles[name] ?? .unknown, roleSource: (roleSources[name] ?? .unknown).rawValue)
            },
            calls: topology.calls.map(TopologySummary.Call.init),
            conflicts: conflicts)
    }

    /// The one emitting service whose name begins with `name` as a whole word (`media-ingest` for `media`,
    /// as an internal DNS name `media.int.example.net` calls it); nil when none or several do, or when
    /// `name` is itself hyphenated, short or a generic word. Logs name a service by its short DNS name
    /// while its own files carry the deployment's longer one.
    static func emitter(firstWord name: ServiceName, among emitters: Set<ServiceName>) -> ServiceName? {
        let word = name.rawValue
        guard word.count >= 4, word.allSatisfy(\.isLetter), !ServiceName.genericHostWords.contains(word) else { return nil }
        let matches = emitters.filter { $0.rawValue.hasPrefix(word + "-") }
        return matches.count == 1 ? matches.first : nil
    }

    /// The one known service holding the only distinctive word of `name` (`squid-egress` for a host
    /// `egress-proxy`: `proxy` says what the host is, `egress` which one); nil when the name has no such
    /// word or several, or when no known service or several hold it. A host is often named for its job while
    /// the service is named for its software and job.
    static func service(distinctiveWordOf name: ServiceName, among known: Set<ServiceName>) -> ServiceName? {
        let parts = name.rawValue.split(separator: "-").map(String.init)
        guard parts.count >= 2 else { return nil }
        let distinctive = parts.filter { !ServiceName.genericHostWords.contains($0) }
        guard distinctive.count == 1, let word = distinctive.first, word.count >= 4, word.allSatisfy(\.isLetter) else { return nil }
        let holders = known.filter { $0 != name && holds($0, word: word) }
        return holders.count == 1 ? holders.first : nil
    }

    /// Whether a service's name holds `word` as one of its parts (`sessions-redis` holds `redis`).
    static func holds(_ name: ServiceName, word: String) -> Bool {
        words(of: name).contains { $0 == word }
    }

    /// A service name's parts (`sessions-redis` → `sessions`, `redis`).
    static func words(of name: ServiceName) -> [Substring] {
        name.rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
    }

    /// Whether a service's name holds a product that speaks `word`'s protocol (``compatibleProducts``:
    /// `feed-scylla` for `cassandra`).
    static func runsCompatibleProduct(_ name: ServiceName, word: String) -> Bool {
        words(of: name).contains { compatibleProducts[String($0)] == word }
    }

    /// Products that speak another product's protocol, by the name their clients and drivers use for it:
    /// an application's log names `Cassandra`, `Redis` or `Kafka` whichever server answers.
    static let compatibleProducts: [String: String] = [
        "scylla": "cassandra", "scylladb": "cassandra",
        "keydb": "redis", "dragonfly": "redis", "dragonflydb": "redis", "valkey": "redis",
        "redpanda": "kafka",
        "opensearch": "elasticsearch",
        "mariadb": "mysql", "percona": "mysql", "tidb": "mysql", "vitess": "mysql",
        "cockroachdb": "postgres", "yugabytedb": "postgres", "timescaledb": "postgres", "citus": "postgres",
    ]

    /// Maps a technology word to a service: the emitter's declared callee whose name holds the word, else its
    /// one declared callee with that role, else a known service whose name holds the word, else the one known
    /// service named for a product compatible with it (``compatibleProducts``), else nobody when the emitter
    /// is itself of that role, else `<word>-<role>` unless the word is generic.
    static func resolveTechnology(
        _ word: String, role: ServiceRole, generic: Bool, emitter: ServiceName, known: Set<ServiceName>,
        topology: Topology, roles: [ServiceName: ServiceRole], soleStores: [String: ServiceName] = [:]
    ) -> ServiceName? {
        let callees = topology.callees(of: emitter)
        func holdsWord(_ name: ServiceName) -> Bool { holds(name, word: word) }
        if let callee = callees.first(where: holdsWord) { return callee }
        // The declaration says what the emitter calls: its one callee in that role, before any other service
        // that happens to hold the word.
        let sameRole = callees.filter { roles[$0] == role }
        if sameRole.count == 1 { return sameRole[0] }
        let named = known.filter(holdsWord).sorted()
        if let first = named.first { return first }
        // A client names the protocol's original product (a Cassandra driver's timeout from a ScyllaDB
        // cluster): the one known service named for a product that speaks it.
        let compatible = known.filter { runsCompatibleProduct($0, word: word) }
        if compatible.count == 1, let service = compatible.first, service != emitter { return service }
        // A store, cache or queue naming its own kind of software (`mariadb` in a MariaDB server's log) names
        // itself, not a dependency.
        if role != .unknown, roles[emitter] == role { return nil }
        if let store = soleStores[word], store != emitter { return store }
        if generic { return nil }
        // A third party goes by its own name (`twilio`); a store, cache or queue of ours that no line names
        // by its deployment's name by its kind (`postgres-database`).
        return role == .external ? ServiceName(word) : ServiceName("\(word)-\(role.rawValue)")
    }

    /// Data stores, caches and queues no product word names: when the map holds exactly one such service of
    /// a role (`orders-db`, a database by its name) and the clients' lines name exactly one product of that
    /// role that no service is named for (`PSQLException`), the product is that service's. Keyed by the
    /// product's word. An incident that names two database products, or shows two unnamed databases, maps
    /// neither: which is which is not in the lines.
    static func soleStores(templates: [LogTemplate], known: Set<ServiceName>, roles: [ServiceName: ServiceRole]) -> [String: ServiceName] {
        var products: [ServiceRole: Set<String>] = [:]
        for template in templates {
            for mention in template.mentions {
                guard case .technology(let word, let role, false) = mention.target, [.database, .cache, .queue].contains(role),
                    !known.contains(where: { holds($0, word: word) || runsCompatibleProduct($0, word: word) })
                else { continue }
                products[role, default: []].insert(word)
            }
        }
        var stores: [String: ServiceName] = [:]
        for (role, named) in products where named.count == 1 {
            let unnamed = known.filter { service in
                roles[service] == role && !words(of: service).contains { productWords.contains(String($0)) }
            }
            if unnamed.count == 1, let word = named.first, let store = unnamed.first { stores[word] = store }
        }
        return stores
    }

    /// Words that name a data store's, cache's or queue's product rather than its kind (`redis`, not `cache`).
    static let productWords: Set<String> = Set(compatibleProducts.keys).union(compatibleProducts.values).union([
        "postgresql", "pg", "mongo", "mongodb", "memcached", "memcache", "dynamodb", "clickhouse", "couchbase", "couchdb",
        "rabbitmq", "rabbit", "nats", "sqs", "pulsar", "mssql", "sqlserver", "oracle", "etcd", "zookeeper", "minio", "s3",
    ])
}
