public import CausewayAnalysis
public import CausewayCore

/// What the history keeps of an incident to compare it with others: its signals and templates as
/// terms, the services it touched and their roles, patient zero, and the propagation path.
///
/// Read off an ``IncidentReport`` (``init(report:)``); stored beside the report's JSON.
public struct IncidentSignature: Hashable, Sendable, Codable {
    /// A service the incident touched.
    public struct Service: Hashable, Sendable, Codable, Comparable {
        public var name: ServiceName
        public var role: ServiceRole
        public var health: ServiceHealth

        public init(name: ServiceName, role: ServiceRole, health: ServiceHealth) {
            self.name = name
            self.role = role
            self.health = health
        }

        public static func < (lhs: Service, rhs: Service) -> Bool { lhs.name < rhs.name }
    }

    /// Where the incident started.
    public struct Root: Hashable, Sendable, Codable {
        public var service: ServiceName
        public var role: ServiceRole
        /// The signal id, or `error` for lines no rule classifies.
        public var signal: String

        public init(service: ServiceName, role: ServiceRole, signal: String) {
            self.service = service
            self.role = role
            self.signal = signal
        }
    }

    /// One event of the incident: a log template, with numbers masked.
    public struct Template: Hashable, Sendable, Codable, Comparable {
        public var service: ServiceName
        public var signal: String
        /// The message with every word that holds a digit masked as `<*>`.
        public var pattern: String
        /// Lines of this template in the incident.
        public var count: Int

        public init(service: ServiceName, signal: String, pattern: String, count: Int) {
            self.service = service
            self.signal = signal
            self.pattern = pattern
            self.count = count
        }

        public static func < (lhs: Template, rhs: Template) -> Bool {
            (lhs.service, lhs.signal, lhs.pattern) < (rhs.service, rhs.signal, rhs.pattern)
        }
    }

    /// A weighted term: a signal id or a word of a template.
    public struct Term: Hashable, Sendable, Codable, Comparable {
        public enum Kind: String, Hashable, Sendable, Codable, Comparable {
            case signal
            case token

            public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
        }

        public var kind: Kind
        public var text: String
        /// In how many of the incident's templates the term occurs.
        public var count: Int

        public init(kind: Kind, text: String, count: Int) {
            self.kind = kind
            self.text = text
            self.count = count
        }

        /// `signal:oom`, `token:memory`: one vocabulary for both kinds.
        public var key: String { "\(kind.rawValue):\(text)" }

        public static func < (lhs: Term, rhs: Term) -> Bool { (lhs.kind, lhs.text) < (rhs.kind, rhs.text) }
    }

    public var title: String
    /// `P1` to `P4`.
    public var severity: String
    public var windowStart: Timestamp?
    public var windowEnd: Timestamp?
    public var patientZero: Root?
    /// From patient zero up to the user-facing entry.
    public var propagationPath: [ServiceName]
    /// The role of each service on the path, in order: the path's shape.
    public var pathRoles: [ServiceRole]
    /// The services with symptoms (and patient zero), by name.
    public var services: [Service]
    /// The incident's events, sorted.
    public var templates: [Template]
    /// Signals and template words with their counts, sorted.
    public var terms: [Term]

    public init(
        title: String, severity: String, windowStart: Timestamp?, windowEnd: Timestamp?, patientZero: Root?,
        propagationPath: [ServiceName], pathRoles: [ServiceRole], services: [Service], templates: [Template], terms: [Term]
    ) {
        self.title = title
        self.severity = severity
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.patientZero = patientZero
        self.propagationPath = propagationPath
        self.pathRoles = pathRoles
        self.services = services
        self.templates = templates
        self.terms = terms
    }

    /// Reads the signature off a report.
    ///
    /// Templates come from the timeline (every event that touches the blast radius or carries a signal);
    /// services from the affected services (at-risk ones left out: they show no symptom) and patient
    /// zero; roles from the report's topology.
    public init(report: IncidentReport) {
        var roles: [ServiceName: ServiceRole] = [:]
        for service in report.topology.services { roles[service.name] = service.role }
        for service in report.affectedServices { roles[service.service] = service.role }

        var services: [ServiceName: Service] = [:]
        for affected in report.affectedServices where affected.health != .atRisk {
            services[affected.service] = Service(name: affected.service, role: affected.role, health: affected.health)
        }
        var root: Root?
        if let zero = report.patientZero {
            root = Root(service: zero.service, role: zero.role, signal: zero.signal)
            roles[zero.service] = roles[zero.service] ?? zero.role
            if services[zero.service] == nil {
                services[zero.service] = Service(name: zero.service, role: zero.role, health: .degraded)
            }
        }

        var templateCounts: [Template: Int] = [:]
        for entry in report.timeline {
            let key = Template(service: entry.service, signal: entry.signal, pattern: Self.pattern(entry.message), count: 0)
            templateCounts[key, default: 0] += entry.count
        }
        let templates = templateCounts.map { key, count in
            Template(service: key.service, signal: key.signal, pattern: key.pattern, count: count)
        }.sorted()

        self.init(
            title: report.title, severity: report.severity.level, windowStart: report.window?.start,
            windowEnd: report.window?.end, patientZero: root, propagationPath: report.propagationPath,
            pathRoles: report.propagationPath.map { roles[$0] ?? .unknown }, services: services.values.sorted(),
            templates: templates, terms: Self.terms(templates: templates, root: root))
    }

    /// Each template contributes its signal once and each distinct word once; patient zero's signal counts
    /// even when its template fell outside the timeline.
    static func terms(templates: [Template], root: Root?) -> [Term] {
        var counts: [Term: Int] = [:]
        for template in templates {
            counts[Term(kind: .signal, text: template.signal, count: 0), default: 0] += 1
            for token in Set(Tokenizer.tokens(in: template.pattern)) {
                counts[Term(kind: .token, text: token, count: 0), default: 0] += 1
            }
        }
        if let root, counts[Term(kind: .signal, text: root.signal, count: 0)] == nil {
            counts[Term(kind: .signal, text: root.signal, count: 0)] = 1
        }
        return counts.map { Term(kind: $0.key.kind, text: $0.key.text, count: $0.value) }.sorted()
    }

    /// The message with every whitespace-separated word that holds a digit replaced by `<*>`.
    static func pattern(_ message: String) -> String {
        message.split(separator: " ", omittingEmptySubsequences: true)
            .map { word in word.contains(where: \.isNumber) ? "<*>" : String(word) }
            .joined(separator: " ")
    }
}
