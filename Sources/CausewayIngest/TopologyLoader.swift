public import CausewayCore
internal import Foundation
internal import Yams

/// Reads `topology.yaml` / `topology.json` (FORMAT.md) and checks what it says.
///
/// ```yaml
/// services:
///   - name: api-gateway
///     role: gateway
///     calls: [fashion-aura-api]
/// ```
/// Errors name the file and line: a malformed file, an unknown role, a duplicate service, a call to a
/// service the file does not declare.
public enum TopologyLoader {
    public static func load(path: String) throws(IngestError) -> Topology {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestError(.unreadable, "cannot read the topology file; check the path and permissions", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw IngestError(.topologyMalformed, "the topology file is not UTF-8 text", file: path)
        }
        return try parse(text, source: path)
    }

    public static func parse(_ text: String, source: String) throws(IngestError) -> Topology {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw IngestError(.topologyMalformed, "the file is empty; expected a `services:` list", file: source)
            }
            root = node
        } catch let error as IngestError {
            throw error
        } catch let error as YamlError {
            throw IngestError(.topologyMalformed, "not valid YAML or JSON: \(Self.describe(error))", file: source, line: Self.line(of: error))
        } catch {
            throw IngestError(.topologyMalformed, "not valid YAML or JSON", file: source)
        }

        guard let mapping = root.mapping, let services = mapping["services"] else {
            throw IngestError(
                .topologyInvalid, "expected a top-level `services:` list", file: source, line: root.mark.map { $0.line })
        }
        guard let list = services.sequence else {
            throw IngestError(.topologyInvalid, "`services` must be a list", file: source, line: services.mark?.line)
        }

        var topology = Topology()
        var declared: [ServiceName: Int] = [:]
        var pendingCalls: [(caller: ServiceName, callee: ServiceName, line: Int?)] = []
        for entry in list {
            let line = entry.mark?.line
            guard let fields = entry.mapping else {
                throw IngestError(.topologyInvalid, "each service must be a mapping with a `name`", file: source, line: line)
            }
            guard let rawName = fields["name"]?.string, let name = ServiceName.normalized(rawName) else {
                throw IngestError(.topologyInvalid, "a service has no usable `name`", file: source, line: line)
            }
            if let previous = declared[name] {
                throw IngestError(
                    .topologyInvalid, "service '\(name)' is declared twice (first at line \(previous))", file: source,
                    line: line)
            }
            declared[name] = line ?? 0
            var role: ServiceRole?
            if let roleNode = fields["role"] {
                guard let text = roleNode.string, let parsed = ServiceRole(rawValue: text.lowercased()) else {
                    let choices = ServiceRole.allCases.filter { $0 != .unknown }.map(\.rawValue).joined(separator: ", ")
                    throw IngestError(
                        .topologyInvalid, "unknown role '\(roleNode.string ?? "?")'; use one of: \(choices)", file: source,
                        line: roleNode.mark?.line ?? line)
                }
                role = parsed
            }
            topology.addService(name, role: role)
            if let calls = fields["calls"] {
                guard let callList = calls.sequence else {
                    throw IngestError(.topologyInvalid, "`calls` of '\(name)' must be a list", file: source, line: calls.mark?.line)
                }
                for callee in callList {
                    guard let text = callee.string, let calleeName = ServiceName.normalized(text) else {
                        throw IngestError(.topologyInvalid, "a call of '\(name)' is not a service name", file: source, line: callee.mark?.line)
                    }
                    pendingCalls.append((name, calleeName, callee.mark?.line ?? line))
                }
            }
        }
        for call in pendingCalls {
            guard declared[call.callee] != nil else {
                throw IngestError(
                    .topologyInvalid,
                    "'\(call.caller)' calls '\(call.callee)', which the file does not declare; add it under `services`",
                    file: source, line: call.line)
            }
            topology.addCall(.init(caller: call.caller, callee: call.callee, provenance: .declared))
        }
        return topology
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        default:
            return "\(error)"
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }
}
