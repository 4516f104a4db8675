import CausewayCore
import CausewayIngest
import Foundation

/// Ingests text as one file and returns the finished log.
func ingest(_ text: String, file: String = "app.log", known: Set<ServiceName> = [], defaultService: ServiceName? = nil)
    throws -> IncidentLog
{
    var ingestor = LogIngestor(
        rulebook: try SignalRulebook.bundled(), options: .init(knownServices: known, defaultService: defaultService))
    ingestor.ingest(data: Data(text.utf8), displayPath: file, fileService: LogIngestor.service(fromFileName: file))
    return ingestor.finish()
}

/// Ingests raw bytes as one file.
func ingest(bytes: [UInt8], file: String = "app.log") throws -> IncidentLog {
    var ingestor = LogIngestor(rulebook: try SignalRulebook.bundled())
    ingestor.ingest(data: Data(bytes), displayPath: file, fileService: LogIngestor.service(fromFileName: file))
    return ingestor.finish()
}
