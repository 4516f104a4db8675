import ArgumentParser
import CausewayAnalysis
import CausewayCore
import CausewayRender
import CausewayReport
import Foundation

/// What `causeway topology --format` prints.
enum TopologyFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, json, dot, svg
}

extension Causeway {
    struct TopologyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "topology",
            abstract: "Print the service map the inputs show: declared, inferred from logs, read off traces.",
            discussion: """
                Reads the inputs as analyze does (log files, folders, trace exports in OTLP, Jaeger or Zipkin \
                JSON, - for stdin) and merges three sources into one map: the declared topology \
                (--topology, or topology.yaml / topology.json in a case folder), calls inferred from log \
                lines (co-mentions, addresses, client vocabulary; each with a confidence and its lines) and \
                calls read off trace spans (weighted by call count). Conflicts between what was seen and \
                what is declared are listed.

                yaml and json are in the shape of topology.yaml (FORMAT.md): save the output, correct it, \
                and pass it back with --topology. dot and svg draw it: solid calls are declared, dashed \
                ones inferred, dotted ones traced.

                Exit status: 0 the map was printed, 1 nothing could be read (or the topology file is \
                invalid: the message names its file and line), 2 usage.

                Examples:
                  causeway topology ./incident-logs > topology.yaml
                  causeway topology app.log traces.json --format svg > map.svg
                  causeway topology ./case --without-topology --format json
                """
        )

        @Argument(help: "Log files, trace exports, folders, or - for standard input.")
        var inputs: [String]

        @Option(help: "The declared service map to merge (topology.yaml or topology.json).")
        var topology: String?

        @Flag(help: "Ignore topology.yaml / topology.json found in case folders: show what the logs and traces alone say.")
        var withoutTopology = false

        @Option(help: "What to print: yaml, json, dot or svg.")
        var format: TopologyFormat = .yaml

        @Option(help: "The service for lines that name none (when neither the line nor its file name says).")
        var service: String?

        @Option(help: "Threads to read with (default: one per core).")
        var threads: Int?

        func validate() throws {
            guard !inputs.isEmpty else { throw ValidationError("give at least one log file, trace export, folder, or - for stdin") }
            if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("- (stdin) can be given once") }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
            if let service, ServiceName.normalized(service) == nil {
                throw ValidationError("--service '\(service)' is not a service name (letters, digits, - and _)")
            }
        }

        func run() throws {
            var input = IncidentPipeline.Input(
                paths: inputs, topologyPath: topology, defaultService: service.flatMap(ServiceName.normalized), threads: threads)
            input.ignoresTopologyFile = withoutTopology
            let pipeline = try Causeway.makePipeline()
            let summary: TopologySummary
            do {
                summary = try pipeline.topology(input)
            } catch {
                Causeway.printError(error.description)
                throw ExitCode(1)
            }
            let data: Data
            switch format {
            case .yaml: data = Data(TopologyDocument.yaml(summary).utf8)
            case .json: data = TopologyDocument.json(summary)
            case .dot: data = Data(TopologyDOTWriter().dot(for: summary).utf8)
            case .svg:
                do {
                    data = try GraphvizRenderer().render(dot: TopologyDOTWriter().dot(for: summary), format: .svg)
                } catch {
                    Causeway.printError("the topology could not be drawn (\(error)); --format dot prints it for Graphviz")
                    throw ExitCode(1)
                }
            }
            FileHandle.standardOutput.write(data)
        }
    }
}
