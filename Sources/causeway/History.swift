import ArgumentParser
import CausewayAnalysis
import CausewayCore
import CausewayHistory
import CausewayReport
import Foundation

/// `causeway history …` and the `--history` option of `analyze`: the local incident history.
extension Causeway {
    /// Output of the history commands.
    enum HistoryFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// `--history PATH` and `--format`, shared by every history subcommand.
    struct HistoryOptions: ParsableArguments {
        @Option(
            name: .customLong("history"),
            help: ArgumentHelp(
                "The history file (default: $XDG_DATA_HOME/causeway/history.sqlite, else ~/.local/share/causeway/history.sqlite).",
                valueName: "path"))
        var path: String?

        @Option(help: "text for people, json for machines.")
        var format: HistoryFormat = .text

        func open() throws -> IncidentHistory {
            try Causeway.openHistory(path)
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The local incident history: list, show, search, resolve, forget, export and import incidents.",
            discussion: """
                `causeway analyze … --history` stores every analysed incident (its signature and report.json) \
                in an SQLite file and lists similar past incidents in the report. These commands read and \
                edit that file. Every one takes --history PATH and --format json.

                Examples:
                  causeway history list
                  causeway history search ./new-incident-logs
                  causeway history resolve INC-3fa9c1d2e4b7 --note "raised the worker heap to 1 GiB"
                """,
            subcommands: [List.self, Show.self, Search.self, Resolve.self, Forget.self, Export.self, Import.self]
        )
    }

    // MARK: - Shared

    /// Opens the history at `path` ("" or nil: the default location), mapping failures to exit code 1.
    static func openHistory(_ path: String?) throws -> IncidentHistory {
        let resolved = path.flatMap { $0.isEmpty ? nil : ($0 as NSString).expandingTildeInPath } ?? IncidentHistory.defaultPath()
        return try historyStep { () throws(HistoryError) in try IncidentHistory(path: resolved) }
    }

    /// Runs a history call; a ``HistoryError`` is printed as one line and becomes exit code 1.
    static func historyStep<T>(_ body: () throws(HistoryError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    /// `analyze --history`: fills the report's similar incidents from the history, then stores the
    /// incident with the report.json that `analyze` writes.
    static func recordInHistory(_ report: IncidentReport, path: String) throws -> IncidentReport {
        let history = try openHistory(path)
        let filled = try historyStep { () throws(HistoryError) in try history.withSimilarIncidents(report) }
        let outcome = try historyStep { () throws(HistoryError) in try history.store(filled, reportJSON: JSONReportWriter.data(filled)) }
        let similar = filled.similarIncidents.matches.count
        let stored = outcome.inserted ? "Stored as \(outcome.id)" : "Already stored as \(outcome.id)"
        FileHandle.standardError.write(
            Data("\(stored) in \(history.path); \(similar) similar past incident\(similar == 1 ? "" : "s").\n".utf8))
        return filled
    }

    /// Resolves a full id or an unambiguous prefix of one.
    static func resolveID(_ text: String, in history: IncidentHistory) throws -> IncidentID {
        let candidates = try historyStep { () throws(HistoryError) in try history.incidents(withIDPrefix: text) }
        if let exact = IncidentID(text), candidates.contains(exact) { return exact }
        switch candidates.count {
        case 1: return candidates[0]
        case 0:
            printError("no incident \(text) in \(history.path); `causeway history list` shows the ids")
        default:
            printError("\(text) matches \(candidates.count) incidents (\(candidates.prefix(5).map(\.rawValue).joined(separator: ", "))); give more of the id")
        }
        throw ExitCode(1)
    }

    static func printJSON(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = (try? encoder.encode(value)) ?? Data("null".utf8)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    static func day(_ time: Timestamp?) -> String {
        guard let time else { return "—" }
        let text = time.iso8601
        return text.count >= 16 ? String(text.prefix(16)).replacingOccurrences(of: "T", with: " ") : text
    }

    /// One line per incident: id, severity, when, title, resolution.
    static func line(_ summary: IncidentSummary) -> String {
        var text = "\(summary.id)  \(summary.severity)  \(day(summary.windowStart))  \(summary.title)"
        if let resolution = summary.resolution { text += "  — resolved: \(resolution.note)" }
        return text
    }
}

// MARK: - Subcommands

extension Causeway.History {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List stored incidents, the most recent first.",
            discussion: """
                Examples:
                  causeway history list
                  causeway history list --history team.sqlite --format json | jq '.[0].id'
                """)

        @OptionGroup var options: Causeway.HistoryOptions

        func run() throws {
            let history = try options.open()
            let incidents = try Causeway.historyStep { () throws(HistoryError) in try history.incidents() }
            switch options.format {
            case .json: Causeway.printJSON(incidents)
            case .text:
                if incidents.isEmpty { print("No incident in \(history.path) yet; `causeway analyze … --history` stores them.") }
                for incident in incidents { print(Causeway.line(incident)) }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one stored incident: its signature, resolution, and report.",
            discussion: """
                An id can be shortened to any unambiguous prefix.

                Examples:
                  causeway history show INC-3fa9c1d2e4b7
                  causeway history show 3fa9 --report > report.json
                """)

        @Argument(help: "The incident's id (INC-…), or a prefix of it.")
        var id: String

        @Flag(help: "Print the stored report.json exactly as it was written.")
        var report = false

        @OptionGroup var options: Causeway.HistoryOptions

        struct Document: Encodable {
            var incident: IncidentSummary
            var signature: IncidentSignature
            var report: IncidentReport?
        }

        func run() throws {
            let history = try options.open()
            let id = try Causeway.resolveID(self.id, in: history)
            guard let stored = try Causeway.historyStep({ () throws(HistoryError) in try history.incident(id) }) else {
                Causeway.printError("no incident \(id) in \(history.path)")
                throw ExitCode(1)
            }
            if report {
                FileHandle.standardOutput.write(stored.reportJSON)
                return
            }
            switch options.format {
            case .json:
                let decoded = try? JSONDecoder().decode(IncidentReport.self, from: stored.reportJSON)
                Causeway.printJSON(Document(incident: stored.summary, signature: stored.signature, report: decoded))
            case .text:
                let s = stored.signature
                print(Causeway.line(stored.summary))
                if let start = s.windowStart, let end = s.windowEnd { print("Window: \(start.iso8601) to \(end.iso8601)") }
                if let root = s.patientZero { print("Patient zero: \(root.service) (\(root.role.rawValue), \(root.signal))") }
                if !s.propagationPath.isEmpty { print("Path: \(s.propagationPath.map(\.rawValue).joined(separator: " → "))") }
                print("Services: " + s.services.map { "\($0.name) (\($0.role.rawValue), \($0.health.rawValue))" }.joined(separator: ", "))
                print("Signals: " + s.terms.filter { $0.kind == .signal }.map { "\($0.text) ×\($0.count)" }.joined(separator: ", "))
                print("Templates:")
                for template in s.templates { print("  \(template.service)  \(template.signal)  ×\(template.count)  \(template.pattern)") }
                print("Stored: \(stored.summary.storedAt.iso8601)")
                if let resolution = stored.summary.resolution {
                    print("Resolution (\(resolution.recordedAt.iso8601)): \(resolution.note)")
                } else {
                    print("Resolution: none recorded (causeway history resolve \(id) --note \"…\")")
                }
            }
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find stored incidents like new logs, or matching words.",
            discussion: """
                Given log files or folders (or - for stdin), analyses them as `analyze` does, without storing \
                anything, and lists the stored incidents most like them. Given words, lists the incidents \
                whose signals, template words or services match them. --text reads existing paths as words.

                Examples:
                  causeway history search ./new-incident-logs
                  causeway history search oom payments-worker --format json
                """)

        @Argument(help: "Log files, folders or - for stdin; or words to look for.")
        var query: [String]

        @Flag(help: "Read the arguments as words even when they name files.")
        var text = false

        @Option(help: "The service map for log inputs (topology.yaml or topology.json).")
        var topology: String?

        @Option(help: "Most matches to list.")
        var limit: Int = 10

        @Option(name: .customLong("min-score"), help: "Leave out matches scoring below this (0 to 1; default 0.15 for logs, 0.01 for words).")
        var minimumScore: Double?

        @OptionGroup var options: Causeway.HistoryOptions

        struct Row: Encodable {
            var id: IncidentID
            var title: String
            var severity: String
            var score: Double
            var why: [String]
            var resolution: String?
            var breakdown: SimilarityBreakdown
        }

        func validate() throws {
            guard !query.isEmpty else { throw ValidationError("give log files, folders, - for stdin, or words to search for") }
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
            if let minimumScore, !(0...1).contains(minimumScore) { throw ValidationError("--min-score must be between 0 and 1") }
        }

        var isLogInput: Bool {
            !text && query.allSatisfy { $0 == "-" || FileManager.default.fileExists(atPath: $0) }
        }

        func run() throws {
            let history = try options.open()
            let result: SimilaritySearch
            if isLogInput {
                let report = try Causeway.analyse(IncidentPipeline.Input(paths: query, topologyPath: topology))
                result = try Causeway.historyStep { () throws(HistoryError) in
                    try history.similar(to: report, limit: limit, minimumScore: minimumScore ?? IncidentHistory.defaultMinimumScore)
                }
            } else {
                result = try Causeway.historyStep { () throws(HistoryError) in
                    try history.search(text: query.joined(separator: " "), limit: limit, minimumScore: minimumScore ?? 0.01)
                }
            }
            switch options.format {
            case .json:
                Causeway.printJSON(
                    result.matches.map {
                        Row(id: $0.incident.id, title: $0.incident.title, severity: $0.incident.severity, score: $0.score, why: $0.why,
                            resolution: $0.incident.resolution?.note, breakdown: $0.breakdown)
                    })
            case .text:
                print("Compared with \(result.compared) stored incident\(result.compared == 1 ? "" : "s"); \(result.matches.count) match\(result.matches.count == 1 ? "" : "es").")
                for match in result.matches {
                    print("\(String(format: "%.2f", match.score))  \(Causeway.line(match.incident))")
                    for reason in match.why { print("      \(reason)") }
                }
            }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record how an incident was resolved; the note is shown wherever it matches later.",
            discussion: """
                Example:
                  causeway history resolve INC-3fa9c1d2e4b7 --note "raised the worker heap to 1 GiB; see PM-142"
                """)

        @Argument(help: "The incident's id (INC-…), or a prefix of it.")
        var id: String

        @Option(help: "What fixed it, in a sentence or two.")
        var note: String

        @OptionGroup var options: Causeway.HistoryOptions

        func validate() throws {
            if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--note cannot be empty") }
        }

        func run() throws {
            let history = try options.open()
            let id = try Causeway.resolveID(self.id, in: history)
            let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
            let summary = try Causeway.historyStep { () throws(HistoryError) in try history.resolve(id, note: note) }
            switch options.format {
            case .json: Causeway.printJSON(summary)
            case .text: print("Recorded the resolution of \(id).")
            }
        }
    }

    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete one incident from the history.",
            discussion: """
                Example:
                  causeway history forget INC-3fa9c1d2e4b7
                """)

        @Argument(help: "The incident's id (INC-…); a prefix is not enough here.")
        var id: String

        @OptionGroup var options: Causeway.HistoryOptions

        func validate() throws {
            if IncidentID(id) == nil { throw ValidationError("'\(id)' is not an incident id; give the whole id, such as INC-3fa9c1d2e4b7") }
        }

        func run() throws {
            let history = try options.open()
            let id = IncidentID(self.id)!
            try Causeway.historyStep { () throws(HistoryError) in try history.forget(id) }
            switch options.format {
            case .json: Causeway.printJSON(["forgotten": id.rawValue])
            case .text: print("Forgot \(id).")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every incident (reports and resolution notes) as one JSON document.",
            discussion: """
                The document is JSON whatever --format says; `causeway history import` reads it back.

                Examples:
                  causeway history export > history-backup.json
                  causeway history export --out history-backup.json
                """)

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @OptionGroup var options: Causeway.HistoryOptions

        func run() throws {
            let history = try options.open()
            let document = try Causeway.historyStep { () throws(HistoryError) in try history.export() }
            let data = document.data()
            if let out {
                do {
                    try data.write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    Causeway.printError("cannot write \(out): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
                FileHandle.standardError.write(Data("Exported \(document.incidents.count) incident(s) to \(out).\n".utf8))
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the incidents of an export to this history; incidents already stored are kept.",
            discussion: """
                Incidents are written in batches, each its own transaction. A resolution note in the export \
                is recorded for an incident stored without one.

                Examples:
                  causeway history import history-backup.json
                  ssh oncall-box causeway history export | causeway history import - --history team.sqlite
                """)

        @Argument(help: "An export file, or - for standard input.")
        var file: String

        @OptionGroup var options: Causeway.HistoryOptions

        struct Summary: Encodable {
            var imported: Int
            var alreadyPresent: Int
        }

        func run() throws {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: file) else {
                    Causeway.printError("cannot read \(file); give an export file (causeway history export writes one)")
                    throw ExitCode(1)
                }
                data = contents
            }
            let document = try Causeway.historyStep { () throws(HistoryError) in try HistoryExport.decode(data) }
            let history = try options.open()
            let incidents = document.incidents.map { entry in
                NewIncident(report: entry.report, reportJSON: JSONReportWriter.data(entry.report), resolution: entry.resolution)
            }
            let outcomes = try Causeway.historyStep { () throws(HistoryError) in try history.store(incidents) }
            for (entry, outcome) in zip(document.incidents, outcomes) where outcome.id != entry.id {
                Causeway.printError("\(entry.id) is stored as \(outcome.id): its report reads differently in this version")
            }
            let imported = outcomes.filter(\.inserted).count
            switch options.format {
            case .json: Causeway.printJSON(Summary(imported: imported, alreadyPresent: outcomes.count - imported))
            case .text: print("Imported \(imported) incident(s); \(outcomes.count - imported) already in \(history.path).")
            }
        }
    }
}
