import CausewayAnalysis
import CausewayCore
import CausewayIngest
import CausewayReport
import Foundation

let args = Array(CommandLine.arguments.dropFirst())
let inputs = try ResolvedInputs.resolve(args)
let rulebook = try SignalRulebook.bundled()
var topology: Topology?
if let file = inputs.topologyFile { topology = try TopologyLoader.load(path: file) }
var ingestor = LogIngestor(rulebook: rulebook, options: .init(knownServices: Set(topology?.services ?? [])))
for file in inputs.logFiles { ingestor.ingest(fileAt: file.path, displayPath: file.displayPath) }
let log = ingestor.finish()
let analyzer = try IncidentAnalyzer.bundled()
let report = analyzer.report(log, topology: topology, generator: "causeway dev")
print(JSONReportWriter.string(report))
