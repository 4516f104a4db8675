import ArgumentParser
import CausewayAnalysis
import CausewayReport
import CausewaySamples
import Foundation

extension Causeway {
    struct Graphs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Regenerate the DOT and SVG diagrams of the bundled incidents.",
            discussion: """
                Writes <incident>.dot and <incident>.svg (the causal graph) and <incident>-timeline.dot and \
                <incident>-timeline.svg for every bundled incident. The repository's \
                Graphs/ folder is made this way, and a test fails when it is stale.

                Example:
                  swift run causeway graphs --out Graphs
                """
        )

        @Option(help: "The folder to write into.")
        var out: String = "Graphs"

        func run() throws {
            let directory = URL(fileURLWithPath: out, isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for name in BundledIncidents.names {
                guard let folder = BundledIncidents.directory(named: name) else { continue }
                let report = try Causeway.analyse(.init(paths: [folder.path]))
                let outputs = Causeway.outputs(for: report)
                try Data(outputs.dot.utf8).write(to: directory.appendingPathComponent("\(name).dot"), options: .atomic)
                guard let svg = outputs.svg else { throw ExitCode(1) }
                try svg.write(to: directory.appendingPathComponent("\(name).svg"), options: .atomic)
                guard let timeline = outputs.diagrams.first(where: { $0.name == "timeline" }), let timelineSVG = timeline.svg else {
                    throw ExitCode(1)
                }
                try Data(timeline.dot.utf8).write(to: directory.appendingPathComponent("\(name)-timeline.dot"), options: .atomic)
                try timelineSVG.write(to: directory.appendingPathComponent("\(name)-timeline.svg"), options: .atomic)
                print("\(out)/\(name).dot, \(out)/\(name).svg, \(out)/\(name)-timeline.dot, \(out)/\(name)-timeline.svg")
            }
        }
    }
}
