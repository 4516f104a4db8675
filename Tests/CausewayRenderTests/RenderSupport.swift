import CausewayAnalysis
import CausewayIngest
import CausewaySamples
import Foundation
import Testing

/// The bundled example incident, analysed as `causeway demo` does.
func demoReport() throws -> IncidentReport {
    let folder = try #require(BundledIncidents.directory(named: BundledIncidents.demo))
    return try IncidentPipeline(analyzer: try IncidentAnalyzer.bundled(), generator: "causeway test").run(.init(paths: [folder.path]))
}

/// A report analysed from text, as one file.
func report(from text: String, file: String = "incident.log") throws -> IncidentReport {
    let analyzer = try IncidentAnalyzer.bundled()
    var ingestor = LogIngestor(rulebook: analyzer.rulebook)
    ingestor.ingest(data: Data(text.utf8), displayPath: file)
    return analyzer.report(ingestor.finish(), topology: nil, generator: "causeway test")
}

/// An incident whose caller's symptom is stamped 800 ms before the callee's failure that explains it, and
/// whose users see errors one second after the failure.
let skewedIncident = """
    2026-05-24T10:00:05.000Z FATAL payments-worker Out of memory: killing process
    2026-05-24T10:00:04.200Z ERROR checkout-api Circuit breaker OPENED for upstream: payments-worker
    2026-05-24T10:00:06.000Z ERROR api-gateway upstream checkout-api returned 503
    """
