import ArgumentParser
import CausewayAnalysis
import CausewayCore
import CausewayReport
import Foundation

extension Causeway {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Analyse an incident's logs.",
            discussion: """
                Inputs are log files, folders (read recursively as an incident case: every file but \
                truth.json; topology.yaml or topology.json is taken as the topology), or - for stdin. \
                Formats are detected per line: plain, shipper-wrapped, JSON lines, logfmt; documents by \
                their content (Kubernetes events, OTLP logs, and OTLP, Jaeger or Zipkin trace exports, whose \
                spans become call edges and whose failed spans become events). --without-topology ignores a \
                case folder's topology file: the calls are then inferred from the lines and read off traces.

                With --out DIR it writes report.md, report.html, report.json and the diagrams beside them: \
                causal-graph (.dot, .svg, .mmd), timeline (.dot, .svg) and hypothesis-<rank>-<service> \
                (.dot, .svg) for the top --hypotheses; --diagrams png adds a .png of each and links those \
                from report.md, --diagrams mermaid writes the graphs into report.md as Mermaid blocks. \
                With --format it prints that one document on stdout (diagnostics go to stderr): png is the \
                causal graph as PNG, mermaid the causal graph as a Mermaid flowchart. With neither, it \
                writes to ./causeway-report.

                Examples:
                  causeway analyze ./logs --out ./postmortem
                  causeway analyze app.log db.log --topology topology.yaml --format json
                  kubectl logs deploy/api --prefix | causeway analyze - --format md
                  causeway analyze ./logs --format png > causal-graph.png
                  causeway analyze ./logs --out ./wiki --diagrams mermaid
                  causeway analyze ./logs --out ./postmortem --history
                """
        )

        @Argument(help: "Log files, folders, or - for standard input.")
        var inputs: [String]

        @Option(help: "The service map (topology.yaml or topology.json).")
        var topology: String?

        @Flag(help: "Ignore topology.yaml / topology.json found in case folders: analyse with the topology the logs and traces show.")
        var withoutTopology = false

        @Option(help: "Write every document into this folder.")
        var out: String?

        @Option(help: "Print one document on stdout: md, html, json, dot, svg, png or mermaid.")
        var format: OutputFormat?

        @Option(help: "How report.md shows its diagrams: svg (files beside it), png (files beside it) or mermaid (inline).")
        var diagrams: MarkdownDiagrams = .svg

        @OptionGroup var diagramOptions: DiagramOptions

        @Option(help: "The service for lines that name none (when neither the line nor its file name says).")
        var service: String?

        @Option(help: "Threads to read with (default: one per core).")
        var threads: Int?

        @Option(help: "Start of the incident window (RFC 3339), instead of detecting it.")
        var since: String?

        @Option(help: "End of the incident window (RFC 3339).")
        var until: String?

        @Option(
            name: .customLong("history"),
            help: ArgumentHelp(
                "Store the incident in this history and list similar past ones; --history alone uses $XDG_DATA_HOME/causeway/history.sqlite (else ~/.local/share/causeway/history.sqlite).",
                valueName: "path"))
        var history: String?

        func validate() throws {
            guard !inputs.isEmpty else { throw ValidationError("give at least one log file, folder, or - for stdin") }
            if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("- (stdin) can be given once") }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
            for (name, value) in [("--since", since), ("--until", until)] {
                if let value, TimestampParser.parse(value) == nil {
                    throw ValidationError("\(name) '\(value)' is not a timestamp; use RFC 3339 such as 2026-05-24T11:54:10Z")
                }
            }
            if let service, ServiceName.normalized(service) == nil {
                throw ValidationError("--service '\(service)' is not a service name (letters, digits, - and _)")
            }
        }

        func run() throws {
            var input = IncidentPipeline.Input(
                paths: inputs, topologyPath: topology, defaultService: service.flatMap(ServiceName.normalized), threads: threads)
            input.since = since.flatMap { TimestampParser.parse($0) }
            input.until = until.flatMap { TimestampParser.parse($0) }
            input.ignoresTopologyFile = withoutTopology
            let progress = ProgressLine(paths: inputs)
            input.progress = progress?.counter
            progress?.start()
            var report: IncidentReport
            do {
                report = try Causeway.analyse(input)
                progress?.stop()
            } catch {
                progress?.stop()
                throw error
            }
            if let history { report = try Causeway.recordInHistory(report, path: history) }
            if out == nil, format == .json {
                // The JSON needs no diagram: skip Graphviz (`causeway eval` runs this for every case).
                FileHandle.standardOutput.write(JSONReportWriter.data(report))
                return
            }
            let outputs = Causeway.outputs(
                for: report,
                options: .init(hypothesisDiagrams: diagramOptions.hypotheses, markdownDiagrams: diagrams.style, png: format == .png))
            if let out {
                try Causeway.write(outputs, to: out)
                FileHandle.standardError.write(Data("Wrote \(outputs.fileNames.joined(separator: ", ")) to \(out)\n".utf8))
            }
            if let format {
                let data: Data
                switch format {
                case .md: data = Data(outputs.markdown.utf8)
                case .html: data = Data(outputs.html.utf8)
                case .json: data = outputs.json
                case .dot: data = Data(outputs.dot.utf8)
                case .svg:
                    guard let svg = outputs.svg else { throw ExitCode(1) }
                    data = svg
                case .png:
                    guard let png = outputs.diagrams.first?.png else { throw ExitCode(1) }
                    data = png
                case .mermaid: data = Data(outputs.mermaid.utf8)
                }
                FileHandle.standardOutput.write(data)
            } else if out == nil {
                let directory = "causeway-report"
                try Causeway.write(outputs, to: directory)
                for line in Causeway.summaryLines(report) { print(line) }
                print("Report: \(directory)/report.html (also report.md, report.json and the diagrams beside them)")
            }
        }
    }
}
