import ArgumentParser
import CausewayAnalysis
import CausewayCore
import CausewayReport
import Foundation

extension Causeway {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare the competing hypotheses of an incident side by side.",
            discussion: """
                Analyses the inputs as analyze does, then writes compare.html: the top hypotheses side by \
                side, each with its confidence, the evidence for and against it (file:line), what it \
                explains and leaves unexplained, and its own diagram with its own propagation path in red. \
                Each diagram is also written as hypothesis-<rank>-<service>.svg and .dot. The page is one \
                self-contained file: no script, no external request.

                Examples:
                  causeway compare ./logs --out ./hypotheses
                  causeway compare app.log db.log --topology topology.yaml --hypotheses 5 --out ./hypotheses
                """
        )

        @Argument(help: "Log files, folders, or - for standard input.")
        var inputs: [String]

        @Option(help: "The service map (topology.yaml or topology.json).")
        var topology: String?

        @Option(help: "The folder to write into (default: ./causeway-compare).")
        var out: String = "causeway-compare"

        @Option(help: "The service for lines that name none (when neither the line nor its file name says).")
        var service: String?

        @OptionGroup var diagramOptions: DiagramOptions

        func validate() throws {
            guard !inputs.isEmpty else { throw ValidationError("give at least one log file, folder, or - for stdin") }
            if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("- (stdin) can be given once") }
            if let service, ServiceName.normalized(service) == nil {
                throw ValidationError("--service '\(service)' is not a service name (letters, digits, - and _)")
            }
        }

        func run() throws {
            let report = try Causeway.analyse(
                .init(paths: inputs, topologyPath: topology, defaultService: service.flatMap(ServiceName.normalized)))
            let comparison = HypothesisComparison(report: report, hypotheses: diagramOptions.hypotheses)
            if let error = comparison.renderError {
                Causeway.printError("a diagram could not be rendered (\(error)); the page says which")
            }
            do {
                try comparison.write(to: URL(fileURLWithPath: out, isDirectory: true))
            } catch {
                Causeway.printError("cannot write to \(out): \(error.localizedDescription); choose another --out folder")
                throw ExitCode(1)
            }
            if report.hypotheses.isEmpty {
                print("No hypothesis: no service shows a failure.")
            }
            for hypothesis in report.hypotheses.prefix(diagramOptions.hypotheses) {
                let path = hypothesis.propagationPath.map(\.rawValue).joined(separator: " → ")
                let unexplained = hypothesis.leavesUnexplained.isEmpty ? "nothing" : hypothesis.leavesUnexplained.map(\.rawValue).joined(separator: ", ")
                print("#\(hypothesis.rank) \(hypothesis.service) — \(hypothesis.signalTitle.lowercased()) (confidence \(String(format: "%.2f", hypothesis.confidence))): path \(path); leaves \(unexplained) unexplained")
            }
            print("Comparison: \(out)/\(HypothesisComparison.pageFile) (also \(comparison.fileNames.dropFirst().joined(separator: ", ")))")
        }
    }
}
