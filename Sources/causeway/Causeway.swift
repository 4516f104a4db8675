import ArgumentParser
import CausewayAnalysis
import CausewayCore
import CausewayIngest
import CausewayRender
import CausewayReport
import CausewaySamples
import Foundation

/// The command line: parses flags, wires the library's stages, maps failures to exit codes
/// (0 success, 1 nothing could be analysed, 2 usage).
@main
struct Causeway: ParsableCommand {
    static let version = CausewayVersion.current

    static let configuration = CommandConfiguration(
        commandName: "causeway",
        abstract: "Find the root cause of an incident in its logs, and write the postmortem.",
        discussion: """
            Causeway reads raw logs (files, folders, stdin), builds a typed causal graph of services and \
            events, picks patient zero, ranks competing hypotheses, traces the propagation path and blast \
            radius, and writes Markdown, HTML, JSON, DOT and SVG.

            Example:
              causeway analyze ./incident-logs --topology topology.yaml --out ./postmortem
            """,
        version: version,
        subcommands: [
            Analyze.self, Compare.self, TopologyCommand.self, Demo.self, Simulate.self, Eval.self, History.self, Graphs.self,
        ]
    )

    static var generator: String { "causeway \(version)" }

    /// Maps usage errors to exit code 2 (argument-parser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot(optionalHistoryValue(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                FileHandle.standardError.write(Data("Run 'causeway --help' for usage.\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// `analyze --history` takes an optional value: when nothing follows it, or an option or `-` does, the
/// default history is meant (an empty value). Write `--history=PATH` to put it before the inputs.
func optionalHistoryValue(_ arguments: [String]) -> [String] {
    guard arguments.first == "analyze" else { return arguments }
    var result: [String] = []
    for (index, argument) in arguments.enumerated() {
        result.append(argument)
        if argument == "--history", index + 1 == arguments.count || arguments[index + 1].hasPrefix("-") {
            result.append("")
        }
    }
    return result
}

/// Output documents `--format` can print.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html, json, dot, svg, png, mermaid
}

/// A failure the user can act on: printed as one line, exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
}

extension Causeway {
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data(("causeway: " + message + "\n").utf8))
    }

    static func makePipeline() throws -> IncidentPipeline {
        do {
            return IncidentPipeline(analyzer: try IncidentAnalyzer.bundled(), generator: generator)
        } catch {
            throw CommandFailure(description: "\(error)")
        }
    }

    /// Runs the pipeline, turning ingest failures into exit code 1 with the reason.
    static func analyse(_ input: IncidentPipeline.Input) throws -> IncidentReport {
        let pipeline = try makePipeline()
        do {
            return try pipeline.run(input)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    static func outputs(for report: IncidentReport, options: ReportOutputs.Options = .init()) -> ReportOutputs {
        let outputs = ReportOutputs(report: report, options: options)
        if let error = outputs.renderError {
            printError("the SVG diagram could not be rendered (\(error)); the other documents are complete")
        }
        return outputs
    }

    static func write(_ outputs: ReportOutputs, to directory: String) throws {
        do {
            try outputs.write(to: URL(fileURLWithPath: directory, isDirectory: true))
        } catch {
            printError("cannot write to \(directory): \(error.localizedDescription); choose another --out folder")
            throw ExitCode(1)
        }
    }

    /// Three lines: what happened, where it went, how bad.
    static func summaryLines(_ report: IncidentReport) -> [String] {
        guard let zero = report.patientZero else {
            return [report.title, "Services read: \(report.ingest.services.map(\.rawValue).joined(separator: ", "))", "Severity \(report.severity.level): \(report.severity.reason)"]
        }
        let when = zero.time.map { " at \($0.iso8601)" } ?? ""
        return [
            "Root cause: \(zero.service) — \(zero.signalTitle.lowercased())\(when) (confidence \(String(format: "%.2f", zero.confidence)))",
            "Path: \(report.propagationPath.map(\.rawValue).joined(separator: " → "))",
            "Severity \(report.severity.level): \(report.severity.reason); \(report.affectedServices.filter { $0.health != .atRisk }.count) service(s) affected",
        ]
    }
}
