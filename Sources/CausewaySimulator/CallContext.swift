/// One caller's view of one dependency: how it addresses it and what it was doing when the call failed.
struct CallContext {
    let caller: SimulatedService
    let dep: SimulatedService
    /// The host the caller dials: `payments-worker`, `payments-worker.prod.svc.cluster.local`, `api.stripe.com`.
    let host: String
    let port: Int
    let scheme: String
    let method: String
    let path: String
    /// The caller's client timeout in milliseconds.
    let timeoutMs: Int
    /// Whether this line must name the dependency by its service name (otherwise it may name only an IP or the
    /// technology, when that is unambiguous for this caller).
    let mustName: Bool
    /// Whether the caller has several dependencies of this technology (then it always names which).
    let technologyAmbiguous: Bool
    let traces: Bool
    let namespace: String
    /// The caller's own address (for `10.0.1.5:51234->10.0.3.17:8080`).
    var callerIP: String { caller.ip }

    var hostPort: String { port == 80 || port == 443 ? host : "\(host):\(port)" }
    var url: String { "\(scheme)://\(hostPort)\(path)" }
    var ipPort: String { "\(dep.ip):\(port)" }
    /// Whether a line may leave the dependency's name out.
    var mayOmitName: Bool { !mustName && !technologyAmbiguous }
    /// How the dependency is called in the caller's own words when the client library names nothing.
    func label(using rng: inout some RandomNumberGenerator) -> String {
        if mayOmitName && dep.runtime.technology != "http" && rng.chance(0.6) { return dep.runtime.technology }
        return rng.pick([dep.name, dep.name, hostPort, "upstream \(dep.name)"])
    }
}
