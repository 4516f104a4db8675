import CausewayAnalysis
import CausewayRender
import CausewayReport
import CausewaySimulator
import Foundation
import Testing

/// The 500-service incident, analysed once per test process.
let largeIncident = Result { try largeIncidentReport() }

/// A 500-service incident, simulated with a fixed seed, written to a folder and analysed as `analyze` does.
func largeIncidentReport(services: Int = 500) throws -> IncidentReport {
    var rng = SimulatorRandom(seed: 500)
    let topology = SimulatedTopology.large(size: services, using: &rng)
    guard let root = topology.services.first(where: { $0.role == .cache && !topology.callers(of: $0.name).isEmpty })?.name else {
        throw CocoaError(.featureUnsupported)
    }
    let simulated = try IncidentSimulator().simulate(topology: topology, fault: .cacheDown, root: root, style: .plain, seed: 7, name: "large")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-large-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try simulated.write(to: folder)
    return try IncidentPipeline(analyzer: try IncidentAnalyzer.bundled(), generator: "causeway test").run(.init(paths: [folder.path]))
}

@Suite("Large systems")
struct LargeSystemTests {
    @Test("a 500-service incident draws between 10 and 300 nodes: the anomalous subgraph, its neighbours, crowded tiers collapsed")
    func condensed() throws {
        let report = try largeIncident.get()
        let graph = report.graph
        // Every service of the drawn map: `large(size: 500)` draws 499 (the gateway, 497 inside, one third party).
        // (It read 500 while a database's own `postgres` lines invented a `postgres-database` beside it.)
        #expect(graph.servicesTotal >= 499)
        #expect((10...300).contains(graph.nodes.count), "\(graph.nodes.count) nodes drawn")
        #expect(graph.servicesDrawn < graph.servicesTotal)
        // Everything on the propagation path and every hypothesis' service is drawn as itself.
        let drawn = Set(graph.nodes.filter { $0.kind == "service" }.map(\.service))
        for service in report.propagationPath { #expect(drawn.contains(service), "\(service) is on the path but not drawn") }
        for hypothesis in report.hypotheses.prefix(3) { #expect(drawn.contains(hypothesis.service)) }
        // Groups stand for collapsed services, and every edge joins drawn nodes.
        let ids = Set(graph.nodes.map(\.id))
        #expect(graph.nodes.filter { $0.kind == "group" }.allSatisfy { !$0.members.isEmpty })
        #expect(graph.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
        #expect(graph.servicesCollapsed == graph.nodes.filter { $0.kind == "group" }.reduce(0) { $0 + $1.members.count })
    }

    @Test("the condensed graph renders through libgvc with every drawn node")
    func renders() throws {
        let report = try largeIncident.get()
        let svg = String(decoding: try GraphvizRenderer().render(dot: DOTWriter().dot(for: report)), as: UTF8.self)
        let structure = try #require(SVGStructure.parse(svg))
        for node in report.graph.nodes { #expect(structure.titles.contains(node.id), "no node titled \(node.id)") }
    }
}
