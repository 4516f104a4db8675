public import CausewayAnalysis
internal import CausewayCore
public import Foundation

/// A merged topology written in the shape of `topology.yaml` / `topology.json` (FORMAT.md), so that a user
/// can save what Causeway saw, correct it and declare it.
///
/// The YAML says where each call came from in a comment beside it (declared, inferred with its confidence
/// and first line, traced with its call count) and lists the conflicts with the declaration at the end;
/// the JSON keeps the FORMAT.md `services` list and adds the same facts under `edges` and `conflicts`,
/// which the topology loader ignores. Both are sorted, so the same inputs give the same bytes.
public enum TopologyDocument {
    /// The topology as `topology.yaml`.
    public static func yaml(_ topology: TopologySummary) -> String {
        let counts = topology.callsByProvenance
        var lines = [
            "# Service map merged by Causeway: \(topology.services.count) service(s), \(topology.calls.count) call(s) "
                + "(\(counts["declared", default: 0]) declared, \(counts["inferred", default: 0]) inferred from log lines, "
                + "\(counts["traced", default: 0]) read off traces).",
            counts["declared", default: 0] > 0 || topology.source.hasSuffix(".yaml") || topology.source.hasSuffix(".json")
                ? "# Declared in \(comment(topology.source)). Check the inferred and traced calls, then save this file as topology.yaml."
                : "# No topology file was given. Check the calls, then save this file as topology.yaml.",
            "services:",
        ]
        let callsByCaller = Dictionary(grouping: topology.calls, by: \.caller)
        for service in topology.services {
            lines.append("  - name: \(scalar(service.name.rawValue))")
            if service.role == .unknown {
                let choices = ServiceRole.allCases.filter { $0 != .unknown }.map(\.rawValue).joined(separator: " | ")
                lines.append("    # role: unknown (set one of: \(choices))")
            } else {
                lines.append("    role: \(service.role.rawValue)" + (service.roleSource == "declared" ? "" : "  # from its \(service.roleSource)"))
            }
            let calls = (callsByCaller[service.name] ?? []).sorted { $0.callee < $1.callee }
            guard !calls.isEmpty else { continue }
            lines.append("    calls:")
            for call in calls {
                lines.append("      - \(scalar(call.callee.rawValue))  # \(comment(describe(call)))")
            }
        }
        let conflicts = topology.conflicts ?? []
        if !conflicts.isEmpty {
            lines.append("# Conflicts with the declared topology:")
            for conflict in conflicts {
                lines.append("#   \(conflict.kind.rawValue) \(conflict.caller) -> \(conflict.callee): \(comment(conflict.detail))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The topology as `topology.json`: FORMAT.md's `services`, plus `edges` (every call with its provenance,
    /// confidence, evidence and traffic), `conflicts` and `source`. Keys sorted, two-space indent.
    public static func json(_ topology: TopologySummary) -> Data {
        let file = File(
            services: topology.services.map { service in
                let calls = topology.calls.filter { $0.caller == service.name }.map(\.callee.rawValue).sorted()
                return File.Service(
                    name: service.name.rawValue, role: service.role == .unknown ? nil : service.role.rawValue,
                    calls: calls.isEmpty ? nil : calls)
            },
            edges: topology.calls, conflicts: topology.conflicts ?? [], source: topology.source)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = (try? encoder.encode(file)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    struct File: Encodable {
        struct Service: Encodable {
            var name: String
            var role: String?
            var calls: [String]?
        }

        var services: [Service]
        var edges: [TopologySummary.Call]
        var conflicts: [TopologyConflict]
        var source: String
    }

    /// `inferred 0.75: a line from … (logs/app.log:3)`, `traced ×42 (3 failed)`, `declared; traced ×42`.
    static func describe(_ call: TopologySummary.Call) -> String {
        var text = call.provenance
        if let traffic = call.traffic {
            text += " ×\(traffic.calls)" + (traffic.errors > 0 ? " (\(traffic.errors) failed)" : "")
        }
        if call.provenance == "inferred", let confidence = call.confidence {
            text += " " + String(format: "%.2f", confidence)
            if let reason = call.reason { text += ": " + reason }
        }
        if let also = call.alsoSeenBy, !also.isEmpty { text += "; also \(also.joined(separator: ", "))" }
        return text
    }

    /// Text safe inside a YAML comment: one line.
    static func comment(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// A service name as a YAML scalar: plain when it cannot be read as anything but a string.
    static func scalar(_ name: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        let plain = name.first?.isLetter == true && !reserved.contains(name.lowercased())
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
        if plain { return name }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
