internal import Foundation

extension SimulatedTopology {
    /// Parses a FORMAT.md topology: the YAML of `topology.yaml` or the JSON of `topology.json`.
    ///
    /// The YAML reader knows exactly that shape: a `services:` list whose items have `name`, an optional
    /// `role`, and `calls` as a flow list (`[a, b]`) or a block list (`- a` lines). Comments, quotes and other
    /// top-level keys are tolerated. A missing role is inferred from the name
    /// (``Role/inferred(fromName:)``); a called service that is not listed is added with an inferred role.
    ///
    /// - Complexity: O(n) in the length of the text.
    public init(parsing text: String) throws(SimulatorError) {
        let trimmed = text.drop { $0.isWhitespace }
        let entries = trimmed.first == "{" ? try Self.jsonEntries(text) : try Self.yamlEntries(text)
        try self.init(entries: entries)
    }

    /// One `services` item as read, before roles are resolved.
    fileprivate struct Entry {
        var name: String?
        var role: String?
        var calls: [String] = []
        var line: Int
    }

    private init(entries: [Entry]) throws(SimulatorError) {
        var services: [Service] = []
        var listed: [String: Bool] = [:]
        for entry in entries {
            guard let name = entry.name, !name.isEmpty else {
                throw SimulatorError(.topologyMalformed, "a service has no name", location: "line \(entry.line)")
            }
            let role: Role
            if let text = entry.role, !text.isEmpty {
                guard let known = Role(rawValue: text.lowercased()) else {
                    let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
                    throw SimulatorError(
                        .topologyInvalid, "unknown role '\(text)' for '\(name)'; use one of \(roles)",
                        location: "line \(entry.line)")
                }
                role = known
            } else {
                role = Role.inferred(fromName: name)
            }
            listed[name] = true
            services.append(Service(name: name, role: role, calls: entry.calls))
        }
        var implicit: [Service] = []
        for service in services {
            for callee in service.calls where listed[callee] == nil {
                listed[callee] = true
                implicit.append(Service(name: callee, role: Role.inferred(fromName: callee)))
            }
        }
        try self.init(services: services + implicit)
    }

    private static func jsonEntries(_ text: String) throws(SimulatorError) -> [Entry] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw SimulatorError(.topologyMalformed, "topology JSON does not parse: \(error.localizedDescription)")
        }
        guard let root = object as? [String: Any], let list = root["services"] as? [Any] else {
            throw SimulatorError(.topologyMalformed, "topology JSON needs an object with a \"services\" array")
        }
        var entries: [Entry] = []
        for (i, item) in list.enumerated() {
            guard let fields = item as? [String: Any] else {
                throw SimulatorError(.topologyMalformed, "services[\(i)] is not an object")
            }
            var entry = Entry(line: i + 1)
            entry.name = fields["name"] as? String
            entry.role = fields["role"] as? String
            if let calls = fields["calls"] {
                guard let names = calls as? [Any], names.allSatisfy({ $0 is String }) else {
                    throw SimulatorError(.topologyMalformed, "services[\(i)].calls is not an array of names")
                }
                entry.calls = names.compactMap { $0 as? String }
            }
            entries.append(entry)
        }
        return entries
    }

    private static func yamlEntries(_ text: String) throws(SimulatorError) -> [Entry] {
        var entries: [Entry] = []
        var inServices = false
        var servicesIndent = -1
        var itemIndent = -1
        var blockListKey: String?
        var sawServices = false

        func assign(_ key: String, _ rawValue: String, to entry: inout Entry, line: Int) throws(SimulatorError) {
            switch key {
            case "name": entry.name = unquote(rawValue)
            case "role": entry.role = unquote(rawValue)
            case "calls":
                if rawValue.isEmpty {
                    blockListKey = "calls"
                } else {
                    entry.calls = try flowList(rawValue, line: line)
                }
            default: break
            }
        }

        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = stripComment(String(rawLine))
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent).trimmingCharacters(in: .whitespaces)

            if !inServices || indent <= servicesIndent {
                inServices = false
                if content == "services:" || content.hasPrefix("services:") && content.dropFirst(9)
                    .allSatisfy(\.isWhitespace)
                {
                    inServices = true
                    sawServices = true
                    servicesIndent = indent
                    itemIndent = -1
                }
                continue
            }

            if content.hasPrefix("- ") || content == "-" {
                let rest = content.dropFirst(1).trimmingCharacters(in: .whitespaces)
                if itemIndent < 0 { itemIndent = indent }
                if indent == itemIndent {
                    blockListKey = nil
                    var entry = Entry(line: lineNumber)
                    if !rest.isEmpty {
                        guard let (key, value) = keyValue(rest) else {
                            throw SimulatorError(
                                .topologyMalformed, "expected 'name: ...' after '-'", location: "line \(lineNumber)")
                        }
                        try assign(key, value, to: &entry, line: lineNumber)
                    }
                    entries.append(entry)
                } else if indent > itemIndent, blockListKey == "calls", !entries.isEmpty {
                    entries[entries.count - 1].calls.append(unquote(rest))
                } else {
                    throw SimulatorError(.topologyMalformed, "unexpected list item", location: "line \(lineNumber)")
                }
                continue
            }

            guard !entries.isEmpty, indent > itemIndent else {
                throw SimulatorError(
                    .topologyMalformed, "expected a '- name: ...' item under services", location: "line \(lineNumber)")
            }
            guard let (key, value) = keyValue(content) else {
                throw SimulatorError(.topologyMalformed, "expected 'key: value'", location: "line \(lineNumber)")
            }
            blockListKey = nil
            try assign(key, value, to: &entries[entries.count - 1], line: lineNumber)
        }
        guard sawServices else {
            throw SimulatorError(.topologyMalformed, "topology YAML has no top-level 'services:' list")
        }
        return entries
    }

    private static func keyValue(_ text: String) -> (String, String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = text[..<colon].trimmingCharacters(in: .whitespaces)
        let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { return nil }
        return (unquote(key), value)
    }

    private static func flowList(_ text: String, line: Int) throws(SimulatorError) -> [String] {
        guard text.hasPrefix("["), text.hasSuffix("]") else {
            // A single scalar is taken as a one-element list.
            return [unquote(text)]
        }
        let inner = text.dropFirst().dropLast()
        return inner.split(separator: ",").map { unquote($0.trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.isEmpty }
    }

    private static func unquote(_ text: String) -> String {
        var s = text.trimmingCharacters(in: .whitespaces)
        if s.count >= 2, let first = s.first, let last = s.last, first == last, first == "\"" || first == "'" {
            s = String(s.dropFirst().dropLast())
        }
        return s
    }

    /// Removes a `#` comment that is not inside quotes.
    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var result = ""
        for c in line {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" && previous.isWhitespace {
                break
            }
            result.append(c)
            previous = c
        }
        return result
    }
}
