import ArgumentParser
import CausewaySimulator
import Foundation

extension Causeway {
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write simulated incident cases (logs, topology.yaml, truth.json) for drills and tests.",
            discussion: """
                One case: --topology FILE --fault KIND --root SERVICE --out DIR [--seed N] [--style STYLE]. A set: \
                --suite N --out DIR --seed N, drawing topologies, faults, roots, styles and difficulties (clock \
                skew, identical timestamps, silent roots, distractors, symptom floods, stack traces, lines out \
                of order).

                Faults: \(FaultKind.allCases.map(\.rawValue).joined(separator: ", ")).
                Styles: \(LogStyle.allCases.map(\.rawValue).joined(separator: ", ")).

                Examples:
                  causeway simulate --topology topology.yaml --fault oom --root payments-worker --out drill
                  causeway simulate --suite 100 --seed 7 --out cases/simulated
                """
        )

        @Option(help: "The service map to simulate on (topology.yaml or topology.json).")
        var topology: String?

        @Option(help: "The fault to inject.")
        var fault: String?

        @Option(help: "The service the fault strikes.")
        var root: String?

        @Option(help: "The log style.")
        var style: String = "plain"

        @Option(help: "Cases to draw for a suite.")
        var suite: Int?

        @Option(help: "Where to write: the case folder, or the suite's folder.")
        var out: String

        @Option(help: "Seed: the same seed writes the same bytes.")
        var seed: UInt64 = 1

        @Flag(help: "Turn every difficulty on (one case).")
        var hard = false

        func validate() throws {
            if suite == nil {
                guard topology != nil, fault != nil, root != nil else {
                    throw ValidationError("give --topology, --fault and --root for one case, or --suite N for a set")
                }
                guard FaultKind(rawValue: fault!) != nil else {
                    throw ValidationError("unknown fault '\(fault!)'; use one of \(FaultKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard LogStyle(rawValue: style) != nil else {
                    throw ValidationError("unknown style '\(style)'; use one of \(LogStyle.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            } else if let suite, suite < 1 || suite > 10_000 {
                throw ValidationError("--suite takes 1 to 10000 cases")
            }
        }

        func run() throws {
            let simulator = IncidentSimulator()
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            if let suite {
                for simulated in simulator.suite(count: suite, seed: seed) {
                    try write(simulated, to: folder.appendingPathComponent(simulated.name, isDirectory: true))
                }
                print("Wrote \(suite) case(s) to \(out)")
                return
            }
            let text: String
            do {
                text = try String(contentsOfFile: topology!, encoding: .utf8)
            } catch {
                Causeway.printError("cannot read \(topology!): \(error.localizedDescription)")
                throw ExitCode(1)
            }
            do {
                let map = try SimulatedTopology(parsing: text)
                let simulated = try simulator.simulate(
                    topology: map, fault: FaultKind(rawValue: fault!)!, root: root!, style: LogStyle(rawValue: style)!,
                    options: hard ? .hardest : SimulationOptions(), seed: seed)
                try write(simulated, to: folder)
                print("Wrote \(simulated.name) to \(out): \(simulated.files.count) log file(s), topology.yaml, truth.json")
            } catch let error as SimulatorError {
                Causeway.printError("\(error)")
                throw ExitCode(1)
            }
        }

        func write(_ simulated: SimulatedCase, to folder: URL) throws {
            do {
                try simulated.write(to: folder)
            } catch {
                Causeway.printError("cannot write \(folder.path): \(error)")
                throw ExitCode(1)
            }
        }
    }
}
