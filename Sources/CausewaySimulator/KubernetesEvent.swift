/// One Kubernetes event, rendered in `kubectl get events -o json` shape.
struct KubernetesEvent: Sendable {
    var time: Int64
    var lastTime: Int64
    var count: Int
    var type: String  // Normal | Warning
    var reason: String
    var message: String
    var kind: String  // Pod | Node | Deployment | ReplicaSet | HorizontalPodAutoscaler
    var name: String
    var fieldPath: String?
    var component: String
    var host: String?
    var sequence: Int

    func json(namespace: String, using rng: inout SimulatorRandom) -> JSONText {
        let first = SimulatedInstant(milliseconds: time).isoSeconds
        let last = SimulatedInstant(milliseconds: lastTime).isoSeconds
        let uid = "\(rng.hex(8))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(12))"
        let apiVersion = ["Deployment": "apps/v1", "ReplicaSet": "apps/v1", "HorizontalPodAutoscaler": "autoscaling/v2"][kind] ?? "v1"
        var involved: [(String, JSONText)] = [("apiVersion", .string(apiVersion))]
        if let fieldPath { involved.append(("fieldPath", .string(fieldPath))) }
        involved.append(("kind", .string(kind)))
        involved.append(("name", .string(name)))
        if kind != "Node" { involved.append(("namespace", .string(namespace))) }
        involved.append(("resourceVersion", .string(String(rng.int(10_000_000...99_999_999)))))
        involved.append(("uid", .string(uid)))
        var source: [(String, JSONText)] = [("component", .string(component))]
        if let host { source.append(("host", .string(host))) }
        return .object([
            ("apiVersion", .string("v1")),
            ("count", .int(Int64(count))),
            ("eventTime", .null),
            ("firstTimestamp", .string(first)),
            ("involvedObject", .object(involved)),
            ("kind", .string("Event")),
            ("lastTimestamp", .string(last)),
            ("message", .string(message)),
            ("metadata", .object([
                ("creationTimestamp", .string(first)),
                ("name", .string("\(name).\(rng.hex(16))")),
                ("namespace", .string(kind == "Node" ? "default" : namespace)),
                ("resourceVersion", .string(String(rng.int(10_000_000...99_999_999)))),
                ("uid", .string("\(rng.hex(8))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(12))")),
            ])),
            ("reason", .string(reason)),
            ("reportingComponent", .string(component == "kubelet" ? "kubelet" : "")),
            ("reportingInstance", .string(host ?? "")),
            ("source", .object(source)),
            ("type", .string(type)),
        ])
    }

    /// The whole `kubectl get events -o json` document.
    static func document(_ events: [KubernetesEvent], namespace: String, using rng: inout SimulatorRandom) -> String {
        let sorted = events.sorted { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
        return JSONText.object([
            ("apiVersion", .string("v1")),
            ("items", .array(sorted.map { $0.json(namespace: namespace, using: &rng) })),
            ("kind", .string("List")),
            ("metadata", .object([("resourceVersion", .string(""))])),
        ]).pretty(indent: 4) + "\n"
    }
}
