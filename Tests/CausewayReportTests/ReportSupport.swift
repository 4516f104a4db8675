import CausewayAnalysis
import CausewayIngest
import CausewayReport
import CausewaySamples
import Foundation
import Testing

/// The bundled example incident, analysed as `causeway demo` does.
func demoReport() throws -> IncidentReport {
    let folder = try #require(BundledIncidents.directory(named: BundledIncidents.demo))
    return try IncidentPipeline(analyzer: try IncidentAnalyzer.bundled(), generator: "causeway test").run(.init(paths: [folder.path]))
}

/// A report analysed from text, as one file.
func report(from text: String, file: String = "hostile.log") throws -> IncidentReport {
    let analyzer = try IncidentAnalyzer.bundled()
    var ingestor = LogIngestor(rulebook: analyzer.rulebook)
    ingestor.ingest(data: Data(text.utf8), displayPath: file)
    return analyzer.report(ingestor.finish(), topology: nil, generator: "causeway test")
}
