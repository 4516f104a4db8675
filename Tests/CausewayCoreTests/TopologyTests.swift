import CausewayCore
import Testing

@Suite("Topology")
struct TopologyTests {
    @Test("keeps services and calls sorted and unique, and refuses self-calls")
    func sortedAndUnique() {
        var topology = Topology()
        let added = [
            topology.addCall(.init(caller: "b", callee: "c", provenance: .declared)),
            topology.addCall(.init(caller: "a", callee: "b", provenance: .declared)),
            topology.addCall(.init(caller: "a", callee: "b", provenance: .inferred)),
            topology.addCall(.init(caller: "a", callee: "a", provenance: .inferred)),
        ]
        #expect(added == [true, true, false, false])
        #expect(topology.services == ["a", "b", "c"])
        #expect(topology.calls.map(\.caller) == ["a", "b"])
        #expect(topology.callers(of: "b") == ["a"])
        #expect(topology.callees(of: "b") == ["c"])
    }

    @Test("orders roles from the user-facing edge down to the stores")
    func roleTiers() {
        #expect(ServiceRole.gateway.tier < ServiceRole.api.tier)
        #expect(ServiceRole.api.tier < ServiceRole.worker.tier)
        #expect(ServiceRole.worker.tier < ServiceRole.cache.tier)
        #expect(ServiceRole.database.tier == ServiceRole.cache.tier)
        #expect(ServiceRole.gateway.isUserFacing && ServiceRole.frontend.isUserFacing && !ServiceRole.api.isUserFacing)
    }
}
