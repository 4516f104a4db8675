import ArgumentParser
import CausewayAnalysis
import CausewayReport
import CausewaySamples
import Foundation

extension Causeway {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Analyse the bundled example incident and write its postmortem.",
            discussion: """
                The example is a payments worker killed for lack of memory: five shipper-wrapped lines \
                that share one millisecond.

                Example:
                  causeway demo --out ./causeway-report
                """
        )

        @Option(help: "Where to write the documents.")
        var out: String = "causeway-report"

        func run() throws {
            guard let folder = BundledIncidents.directory(named: BundledIncidents.demo) else {
                Causeway.printError("the bundled example incident is missing; reinstall Causeway")
                throw ExitCode(1)
            }
            let report = try Causeway.analyse(.init(paths: [folder.path]))
            let outputs = Causeway.outputs(for: report)
            try Causeway.write(outputs, to: out)
            print("Wrote the postmortem of the example incident to \(out)/:")
            print("  \(outputs.fileNames.joined(separator: ", "))")
            for line in Causeway.summaryLines(report) { print(line) }
        }
    }
}
