import CausewaySimulator
import Foundation
import Testing

@Suite("SimulatedTopology")
struct SimulatedTopologyTests {
    @Test("YAML written by a topology reads back to the same topology", arguments: [1, 2, 3, 5, 8, 13, 21, 34] as [UInt64])
    func yamlRoundTrip(seed: UInt64) throws {
        var rng = SimulatorRandom(seed: seed)
        let topology = SimulatedTopology.random(using: &rng, size: Int(5 + seed % 36))
        let parsed = try SimulatedTopology(parsing: topology.yaml)
        #expect(parsed == topology)
        #expect(parsed.yaml == topology.yaml)
    }

    @Test("the fixture round-trips through YAML")
    func fixtureRoundTrip() throws {
        #expect(try SimulatedTopology(parsing: shop.yaml) == shop)
    }

    @Test("FORMAT.md's YAML shape parses: comments, optional roles, flow and block call lists")
    func formatShape() throws {
        let text = """
            # the service map
            services:
              - name: api-gateway
                role: gateway          # optional
                calls: [fashion-aura-api]
              - name: "fashion-aura-api"
                role: api
                calls:
                  - payments-worker
                  - 'postgres'
              - name: payments-worker
                calls: []
            other: ignored
            """
        let topology = try SimulatedTopology(parsing: text)
        #expect(topology.services.map(\.name) == ["api-gateway", "fashion-aura-api", "payments-worker", "postgres"])
        #expect(topology.service(named: "fashion-aura-api")?.calls == ["payments-worker", "postgres"])
        #expect(topology.service(named: "payments-worker")?.role == .worker)
        #expect(topology.service(named: "postgres")?.role == .database)
        #expect(topology.callers(of: "payments-worker") == ["fashion-aura-api"])
        #expect(topology.entries == ["api-gateway"])
    }

    @Test("topology.json parses, roles optional")
    func jsonShape() throws {
        let text = #"{"services": [{"name": "ts-ui-dashboard", "calls": ["ts-order-service"]}, {"name": "ts-order-service", "role": "api", "calls": []}]}"#
        let topology = try SimulatedTopology(parsing: text)
        #expect(topology.services.count == 2)
        #expect(topology.service(named: "ts-ui-dashboard")?.role == .frontend)
        #expect(topology.callers(of: "ts-order-service") == ["ts-ui-dashboard"])
    }

    @Test("an unknown role, a duplicate and a missing list are errors")
    func errors() {
        #expect(throws: SimulatorError.self) { try SimulatedTopology(parsing: "services:\n  - name: a\n    role: wizard\n") }
        #expect(throws: SimulatorError.self) { try SimulatedTopology(parsing: "services:\n  - name: a\n  - name: a\n") }
        #expect(throws: SimulatorError.self) { try SimulatedTopology(parsing: "nodes: []\n") }
        #expect(throws: SimulatorError.self) { try SimulatedTopology(services: [.init(name: "a", role: .api, calls: ["b"])]) }
    }

    @Test("random topologies are layered DAGs with a gateway on top and stores at the bottom", arguments: 0..<20)
    func randomShape(seed: Int) throws {
        var rng = SimulatorRandom(seed: UInt64(seed) &* 7919)
        let size = 5 + seed * 7 % 36
        let topology = SimulatedTopology.random(using: &rng, size: size)
        #expect(topology.services.count == size)
        #expect(topology.services.first?.role == .gateway)
        for service in topology.services where !service.role.isApplication {
            #expect(service.calls.isEmpty, "\(service.name) is a store and calls nothing")
        }
        for entry in topology.entries {
            let role = topology.service(named: entry)!.role
            #expect(role == .gateway || role == .consumer, "\(entry) has no caller")
        }
        // Acyclic: a topological order exists.
        var remaining = Dictionary(uniqueKeysWithValues: topology.services.map { ($0.name, $0.calls.count) })
        var ready = topology.services.filter(\.calls.isEmpty).map(\.name)
        var ordered = 0
        while let name = ready.popLast() {
            ordered += 1
            for caller in topology.callers(of: name) {
                remaining[caller]! -= 1
                if remaining[caller] == 0 { ready.append(caller) }
            }
        }
        #expect(ordered == size)
        if size >= 8 {
            for fault in FaultKind.allCases {
                #expect(!fault.validRoots(in: topology).isEmpty, "no root for \(fault.rawValue)")
            }
        }
    }
}
