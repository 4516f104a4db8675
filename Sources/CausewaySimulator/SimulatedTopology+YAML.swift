extension SimulatedTopology {
    /// The topology as FORMAT.md `topology.yaml` text, services in order, every role and call list written out.
    ///
    /// ``init(parsing:)`` reads it back to an equal topology.
    public var yaml: String {
        var text = "services:\n"
        for service in services {
            text += "  - name: \(service.name)\n"
            text += "    role: \(service.role.rawValue)\n"
            text += "    calls: [\(service.calls.joined(separator: ", "))]\n"
        }
        return text
    }
}
