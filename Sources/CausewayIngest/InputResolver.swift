internal import Foundation

/// Expands the command line's inputs into the log files to read and the topology file to use.
///
/// A folder is read as an incident case (FORMAT.md): every file under it, recursively and in sorted order,
/// except `truth.json` (ground truth, never analysed), hidden files, and `topology.yaml` / `topology.json`,
/// which are taken as the topology. Source code and notes found in a folder (`gen.py`, `README.md`) are not
/// logs: they are left out and counted in ``notLogs``. `-` stands for standard input.
public struct ResolvedInputs: Hashable, Sendable {
    public struct LogFile: Hashable, Sendable {
        /// The path to open, or `-` for standard input.
        public var path: String
        /// The path as reports cite it: relative to the folder it was found in, or as given.
        public var displayPath: String
    }

    public var logFiles: [LogFile]
    /// A topology file found inside a case folder, if any.
    public var topologyFile: String?
    /// Files a folder held that are source code or notes, not logs (left out, and reported as skipped).
    public var notLogs: [String] = []

    /// Extensions of source code and notes: a folder of an incident may hold the script that fetched the logs
    /// or the on-call's notes beside them. (A file named on the command line is read whatever its name.)
    static let notLogExtensions: Set<String> = [
        "py", "pyc", "sh", "bash", "rb", "go", "java", "swift", "js", "ts", "rs", "c", "h", "cc", "cpp", "md", "markdown",
    ]

    public static func resolve(_ arguments: [String]) throws(IngestError) -> ResolvedInputs {
        var files: [LogFile] = []
        var notLogs: [String] = []
        var topology: String?
        let manager = FileManager.default
        for argument in arguments {
            if argument == "-" {
                files.append(LogFile(path: "-", displayPath: "<stdin>"))
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw IngestError(.inputNotFound, "no file or folder at this path; check the spelling", file: argument)
            }
            if !isDirectory.boolValue {
                files.append(LogFile(path: argument, displayPath: argument))
                continue
            }
            guard let enumerator = manager.enumerator(atPath: argument) else {
                throw IngestError(.unreadable, "cannot list this folder; check its permissions", file: argument)
            }
            var relativePaths: [String] = []
            while let next = enumerator.nextObject() as? String {
                let name = (next as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    var childIsDirectory: ObjCBool = false
                    let full = (argument as NSString).appendingPathComponent(next)
                    if manager.fileExists(atPath: full, isDirectory: &childIsDirectory), childIsDirectory.boolValue {
                        enumerator.skipDescendants()
                    }
                    continue
                }
                relativePaths.append(next)
            }
            for relative in relativePaths.sorted() {
                let full = (argument as NSString).appendingPathComponent(relative)
                var childIsDirectory: ObjCBool = false
                guard manager.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue
                else { continue }
                let name = (relative as NSString).lastPathComponent
                if name == "truth.json" { continue }
                if relative == "topology.yaml" || relative == "topology.yml" || relative == "topology.json" {
                    if topology == nil { topology = full }
                    continue
                }
                if notLogExtensions.contains((name as NSString).pathExtension.lowercased()) {
                    notLogs.append(relative)
                    continue
                }
                files.append(LogFile(path: full, displayPath: relative))
            }
        }
        return ResolvedInputs(logFiles: files, topologyFile: topology, notLogs: notLogs)
    }
}
