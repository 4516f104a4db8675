import CausewayAnalysis
import CausewayCore
import CausewayIngest
import CausewaySamples
import Foundation

/// Analyses text (one file) with an optional topology in YAML.
func analyse(_ text: String, topology yaml: String? = nil, file: String = "app.log") throws -> IncidentReport {
    let analyzer = try IncidentAnalyzer.bundled()
    let topology = try yaml.map { try TopologyLoader.parse($0, source: "topology.yaml") }
    var ingestor = LogIngestor(rulebook: analyzer.rulebook, options: .init(knownServices: Set(topology?.services ?? [])))
    ingestor.ingest(data: Data(text.utf8), displayPath: file)
    return analyzer.report(ingestor.finish(), topology: topology, topologySource: yaml == nil ? nil : "topology.yaml", generator: "causeway test")
}

/// Analyses several files (display path → text) with an optional topology in YAML.
func analyse(files: [(String, String)], topology yaml: String? = nil) throws -> IncidentReport {
    let analyzer = try IncidentAnalyzer.bundled()
    let topology = try yaml.map { try TopologyLoader.parse($0, source: "topology.yaml") }
    var ingestor = LogIngestor(rulebook: analyzer.rulebook, options: .init(knownServices: Set(topology?.services ?? [])))
    for (path, text) in files { ingestor.ingest(data: Data(text.utf8), displayPath: path) }
    return analyzer.report(ingestor.finish(), topology: topology, topologySource: yaml == nil ? nil : "topology.yaml", generator: "causeway test")
}

/// The lines of the bundled example incident.
func seedLines() throws -> [String] {
    let folder = try #require(BundledIncidents.directory(named: BundledIncidents.demo))
    let text = try String(contentsOf: folder.appendingPathComponent("logs/incident.log"), encoding: .utf8)
    return text.split(separator: "\n").map(String.init)
}

import Testing
