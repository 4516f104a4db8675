/// One service under several spellings, made one name.
///
/// Stacks name the same service differently in different places: a folder `LedgerApi` (read `ledgerapi`),
/// a .NET application property `Fabrikam.Ledger.Api`, the DNS name its callers use (`ledger-api`), the
/// machines it runs on (`LEDGER01`, `LEDGER02`). Left apart, each spelling is a service of its own: the
/// evidence splits, and none of them has enough to be found.
///
/// Three rules, each about what a spelling means:
/// 1. Names equal once their separators are dropped (`ledgerapi`, `ledger-api`, `ledger_api`) are one.
/// 2. A dotted name (a namespace, `fabrikam.ledger.api`) is the service its trailing parts spell
///    (`ledger-api`) when some other name spells it too, else, when its last part is a kind of service
///    (`api`, `worker`), the service its last two parts name. Its parts tell where words break, so a group
///    of rule 1 is named `ledger-api`, not `ledgerapi`.
/// 3. A machine named by a word and a number (`ledger01`) runs the one service whose first word that is
///    (`ledger-api`), when exactly one does.
///
/// The canonical name of a group prefers a declared service, then a name whose words are marked
/// (hyphenated), then the shorter, then the first in order: the same names always give the same map.
public enum ServiceAliases {
    /// Maps every name that is another's spelling to the canonical one; names that are no one's alias are
    /// absent. `declared` are the topology's services: they are canonical where they fit.
    public static func resolve(_ names: Set<ServiceName>, declared: Set<ServiceName> = []) -> [ServiceName: ServiceName] {
        let all = names.union(declared)
        // Rule 1 and 2: group by the compact form, a dotted name also by its tails' compact forms.
        var groups: [String: [ServiceName]] = [:]
        for name in all.sorted() {
            groups[compact(name.rawValue), default: []].append(name)
        }
        var aliases: [ServiceName: ServiceName] = [:]
        // Spellings with their word breaks that dotted names reveal (`ledger-api` from `fabrikam.ledger.api`).
        var spelled: [String: String] = [:]
        for name in all.sorted() where isNamespace(name.rawValue) {
            let parts = name.rawValue.split(separator: ".").map(String.init)
            var found = false
            for length in stride(from: parts.count - 1, through: 2, by: -1) {
                let tail = Array(parts.suffix(length))
                let key = compact(tail.joined())
                guard let group = groups[key], group.contains(where: { $0 != name }) else { continue }
                groups[key]!.append(name)
                if spelled[key] == nil { spelled[key] = tail.joined(separator: "-") }
                found = true
                break
            }
            // No other spelling: a namespace ending in a kind of service (`Fabrikam.Ledger.Api`) is that
            // service without the company's prefix (`ledger-api`), as its DNS name and deployment spell it.
            if !found, let kind = parts.last, serviceKindWords.contains(kind) {
                let key = compact(parts[parts.count - 2] + kind)
                groups[key, default: []].append(name)
                if spelled[key] == nil { spelled[key] = parts[parts.count - 2] + "-" + kind }
            }
        }
        for key in groups.keys.sorted() {
            let group = Set(groups[key]!)
            guard group.count > 1 || spelled[key] != nil else { continue }
            let canonical = canonicalName(of: group, declared: declared, spelled: spelled[key])
            for name in group.sorted() where name != canonical { aliases[name] = canonical }
        }
        // Rule 3: machines named by a word and a number.
        let renamed = Set(all.map { aliases[$0] ?? $0 })
        for name in all.sorted() where aliases[name] == nil {
            guard let word = machineWord(name.rawValue) else { continue }
            let matches = renamed.filter { $0.rawValue.hasPrefix(word + "-") }
            if matches.count == 1, let service = matches.first { aliases[name] = service }
        }
        return aliases
    }

    /// Last words of a namespace that say it names a service.
    static let serviceKindWords: Set<String> = ["api", "service", "svc", "app", "server", "worker", "web", "gateway", "consumer", "host"]

    /// The letters and digits of a name.
    static func compact(_ name: String) -> String {
        String(name.filter { $0.isLetter || $0.isNumber })
    }

    /// A dotted name of three or more word parts (`fabrikam.ledger.api`), not a host in a public or
    /// internal domain (its last part a top-level domain or a zone word).
    static func isNamespace(_ name: String) -> Bool {
        let parts = name.split(separator: ".")
        guard parts.count >= 3, parts.allSatisfy({ $0.count >= 2 && $0.allSatisfy(\.isLetter) }) else { return false }
        return !domainEndings.contains(String(parts.last!))
    }

    /// Last labels of host names, which make a dotted name a host, not a namespace.
    static let domainEndings: Set<String> = [
        "com", "net", "org", "io", "dev", "app", "cloud", "co", "uk", "de", "fr", "eu", "us", "info", "biz", "local", "internal",
        "lan", "corp", "home", "consul", "cluster", "svc", "intra", "example", "test", "invalid", "localhost",
    ]

    /// The word of a machine name made of a word and a two- to four-digit number (`ledger01` → `ledger`);
    /// nil for other names and for words that say what a host is rather than which service.
    static func machineWord(_ name: String) -> String? {
        let digits = name.reversed().prefix { $0.isNumber }.count
        guard (2...4).contains(digits) else { return nil }
        let word = String(name.dropLast(digits))
        guard word.count >= 4, word.allSatisfy(\.isLetter), !genericMachineWords.contains(word) else { return nil }
        return word
    }

    /// Machine name words that tell a host's kind, not the service it runs: the generic host words and
    /// the words of machines' own trades.
    static let genericMachineWords: Set<String> = ServiceName.genericHostWords.union([
        "host", "node", "master", "minion", "agent", "desktop", "laptop", "vmhost", "hyperv", "esxi", "build", "runner", "jenkins",
        "bastion", "jump", "compute", "instance", "machine",
    ])

    static func canonicalName(of group: Set<ServiceName>, declared: Set<ServiceName>, spelled: String?) -> ServiceName {
        if let name = group.filter(declared.contains).sorted().first { return name }
        let hyphenated = group.filter { $0.rawValue.contains("-") && !$0.rawValue.contains(".") }
        if let name = hyphenated.sorted(by: { ($0.rawValue.count, $0) < ($1.rawValue.count, $1) }).first { return name }
        if let spelled { return ServiceName(spelled) }
        return group.filter { !isNamespace($0.rawValue) }.sorted(by: { ($0.rawValue.count, $0) < ($1.rawValue.count, $1) }).first
            ?? group.sorted().first!
    }
}
