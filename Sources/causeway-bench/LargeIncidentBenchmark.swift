import CausewayAnalysis
import CausewayRender
import CausewayReport
import CausewaySimulator
import Foundation

/// Analysing and drawing an incident in a system of hundreds of services: the simulated case is written to
/// a folder, then analysed and drawn in this process, each stage timed (fastest of three runs).
///
///     swift build -c release && .build/release/causeway-bench large-incident [--services 500]
struct LargeIncidentBenchmark {
    var services = 500
    var directory: URL

    func run() throws {
        var rng = SimulatorRandom(seed: 500)
        let topology = SimulatedTopology.large(size: services, using: &rng)
        guard let root = topology.services.first(where: { $0.role == .cache && !topology.callers(of: $0.name).isEmpty })?.name else {
            throw NSError(domain: "causeway-bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "no cache with a caller"])
        }
        let simulated = try IncidentSimulator().simulate(topology: topology, fault: .cacheDown, root: root, style: .plain, seed: 7, name: "large")
        let folder = directory.appendingPathComponent("large-\(services)")
        try? FileManager.default.removeItem(at: folder)
        try simulated.write(to: folder)
        let lines = simulated.files.reduce(0) { $0 + $1.contents.split(separator: "\n").count }

        let pipeline = IncidentPipeline(analyzer: try IncidentAnalyzer.bundled(), generator: "causeway-bench")
        var report: IncidentReport?
        let analyse = try best { report = try pipeline.run(.init(paths: [folder.path])) }
        let analysed = report!
        let dot = DOTWriter().dot(for: analysed)
        let renderer = GraphvizRenderer()
        let graphSVG = try best { _ = try renderer.render(dot: dot, format: .svg) }
        let graphPNG = try best { _ = try renderer.render(dot: dot, format: .png) }
        let timelineSVG = try best { _ = try renderer.render(dot: TimelineWriter().dot(for: analysed), layout: .pinned) }
        let everything = try best { _ = ReportOutputs(report: analysed) }

        let graph = analysed.graph
        let figures: [(String, String)] = [
            ("input", "\(services) services, \(lines) lines; \(root) goes down"),
            ("analysis (read to report)", String(format: "%.2f s", analyse)),
            ("drawn", "\(graph.nodes.count) nodes (\(graph.servicesDrawn) services, \(graph.nodes.filter { $0.kind == "group" }.count) groups for \(graph.servicesCollapsed) collapsed services, \(graph.eventsDrawn) of \(graph.eventsTotal) events), \(graph.edges.count) edges"),
            ("causal graph: layout + SVG", String(format: "%.3f s", graphSVG)),
            ("causal graph: layout + PNG", String(format: "%.3f s", graphPNG)),
            ("timeline: layout + SVG", String(format: "%.3f s", timelineSVG)),
            ("every document and diagram", String(format: "%.3f s (Markdown, HTML, JSON; causal graph, timeline, 3 hypotheses)", everything)),
            ("analysis and drawing", String(format: "%.2f s", analyse + everything)),
        ]
        let width = figures.map(\.0.count).max() ?? 0
        for (name, value) in figures { print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value) }
    }

    /// The fastest of three runs, in seconds.
    func best(_ body: () throws -> Void) throws -> Double {
        var fastest = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return fastest
    }
}
