import ArgumentParser
import CausewayEvaluation
import CausewayIngest
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Causeway {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Score the analysis on incident cases with ground truth.",
            discussion: """
                Every folder holding a truth.json (FORMAT.md) under the given folders is a case. Each case is \
                analysed in its own process (so its time and peak memory are its own) and scored: AC@1, AC@3, \
                Avg@5, propagation-path exact match and blast-radius F1, per suite and per fault kind, beside two \
                simple baselines (the service with the most error lines; the one with the earliest error).

                With --without-topology each case is analysed without its topology.yaml / topology.json,                 and the topology the analysis found in the logs and traces is scored against that file:                 recall of the call edges the truth's propagation crosses, precision of every observed edge.

                With --floors FILE the run fails when a suite falls below a floor in the file (CI's ratchet); \
                --raise-floors writes the figures measured now, less the file's margin, where they are higher.

                Example:
                  causeway eval cases/nezha-tt cases/simulated --baseline
                  causeway eval Tests/Cases/nezha-tt /tmp/ci-sim --floors eval/floors.json
                  causeway eval /tmp/sim --without-topology
                """
        )

        @Argument(help: "Folders of cases (or single cases).")
        var folders: [String]

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        @Flag(help: "Show the baselines' scores beside each figure (always in --json).")
        var baseline = false

        @Flag(help: "Analyse without the cases' topology files and score the topology found against them.")
        var withoutTopology = false

        @Option(help: "Fail (exit 1) when a suite's AC@1 is below this floor: SUITE=VALUE, repeatable.")
        var floor: [String] = []

        @Option(help: "Fail (exit 1) when a suite falls below any floor in this JSON file (the CI ratchet).")
        var floors: String?

        @Flag(help: "With --floors: raise the file's floors to the figures measured now, less its margin (never lowers).")
        var raiseFloors = false

        func validate() throws {
            for folder in folders where !FileManager.default.fileExists(atPath: folder) {
                throw ValidationError("no folder at \(folder)")
            }
            for item in floor where item.split(separator: "=").count != 2 || Double(item.split(separator: "=")[1]) == nil {
                throw ValidationError("--floor takes SUITE=VALUE, such as nezha-tt=0.8")
            }
            if raiseFloors && floors == nil { throw ValidationError("--raise-floors needs --floors FILE") }
            if let floors, !FileManager.default.fileExists(atPath: floors), !raiseFloors {
                throw ValidationError("no floors file at \(floors)")
            }
        }

        func run() throws {
            var cases = try EvaluationCase.discover(in: folders.map { URL(fileURLWithPath: $0) })
            if withoutTopology { cases = try cases.map(Self.withDeclaredCalls) }
            guard !cases.isEmpty else {
                Causeway.printError("no case (a folder with truth.json) under \(folders.joined(separator: ", "))")
                throw ExitCode(1)
            }
            let binary = Causeway.executablePath
            let extra = withoutTopology ? ["--without-topology"] : []
            let evaluator = Evaluator(scoresTopology: withoutTopology) { evaluationCase in
                let result = try Subprocess.run([binary, "analyze", evaluationCase.folder.path, "--format", "json"] + extra)
                guard result.status == 0 else {
                    throw CommandFailure(description: result.error.isEmpty ? "exit status \(result.status)" : result.error)
                }
                return (result.output, result.seconds, result.peakMB)
            }
            let interactive = isatty(2) == 1
            let report = evaluator.evaluate(cases) { index, evaluationCase in
                if interactive {
                    FileHandle.standardError.write(Data("\r\u{1B}[K[\(index + 1)/\(cases.count)] \(evaluationCase.suite)/\(evaluationCase.name)".utf8))
                }
            }
            if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                FileHandle.standardOutput.write(try encoder.encode(report))
                print()
            } else {
                print(report.table)
            }
            var failed = false
            for item in floor {
                let parts = item.split(separator: "=")
                let suite = String(parts[0])
                let value = Double(parts[1])!
                guard let summary = report.suites.first(where: { $0.name == suite }) else {
                    Causeway.printError("floor for unknown suite \(suite)")
                    failed = true
                    continue
                }
                if summary.scores.ac1 + 1e-9 < value {
                    Causeway.printError(String(format: "%@: AC@1 %.3f is below its floor %.3f", suite, summary.scores.ac1, value))
                    failed = true
                }
            }
            if let floors {
                let url = URL(fileURLWithPath: floors)
                let current = FileManager.default.fileExists(atPath: floors) ? try EvaluationFloors.load(from: url) : EvaluationFloors()
                if raiseFloors {
                    let next = current.raised(by: report)
                    try next.write(to: url)
                    FileHandle.standardError.write(Data("floors in \(floors) raised where the figures allow (never lowered)\n".utf8))
                } else {
                    let shortfalls = current.shortfalls(in: report)
                    for shortfall in shortfalls { Causeway.printError(shortfall.description) }
                    if shortfalls.isEmpty {
                        FileHandle.standardError.write(Data("every floor in \(floors) holds\n".utf8))
                    } else {
                        failed = true
                    }
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}

extension Causeway.Eval {
    /// The case with its topology file's call edges, which the analysis will not see; a case without a
    /// topology file is not scored on topology. An invalid file fails the run with its file and line.
    static func withDeclaredCalls(_ evaluationCase: EvaluationCase) throws -> EvaluationCase {
        var result = evaluationCase
        for name in ["topology.yaml", "topology.yml", "topology.json"] {
            let path = evaluationCase.folder.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do {
                let topology = try TopologyLoader.load(path: path)
                result.declaredCalls = Set(topology.calls.map { CallEdge(caller: $0.caller.rawValue, callee: $0.callee.rawValue) })
            } catch {
                Causeway.printError(error.description)
                throw ExitCode(1)
            }
            break
        }
        return result
    }
}

/// Runs a child process, returning its output, wall time and peak resident memory (from `wait4`).
enum Subprocess {
    struct Result {
        var status: Int32
        var output: Data
        var error: String
        var seconds: Double
        var peakMB: Double
    }

    static func run(_ command: [String]) throws -> Result {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw CommandFailure(description: "cannot create a pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, outPipe[0])
        posix_spawn_file_actions_addclose(&actions, errPipe[0])
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, command[0], &actions, nil, argv, environ) == 0 else {
            throw CommandFailure(description: "cannot run \(command[0])")
        }
        close(outPipe[1])
        close(errPipe[1])
        // Read stderr on another thread so that neither pipe can fill and block the child.
        let errors = ErrorCollector(descriptor: errPipe[0])
        let output = FileHandle(fileDescriptor: outPipe[0], closeOnDealloc: true).readDataToEndOfFile()
        let errorText = errors.wait()
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(
            status: exitStatus, output: output, error: errorText.trimmingCharacters(in: .whitespacesAndNewlines), seconds: seconds,
            peakMB: Double(usage.ru_maxrss) / 1024)
    }

    final class ErrorCollector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(descriptor: Int32) {
            Thread.detachNewThread { [self] in
                data = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).readDataToEndOfFile()
                done.signal()
            }
        }

        func wait() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}

extension Causeway {
    /// This executable's own path, for running it again.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
