public import Foundation

/// One simulated incident case: its logs, topology and ground truth, ready to write as a FORMAT.md case folder.
public struct SimulatedCase: Sendable, Hashable {
    /// A file of the case, by its path relative to the case folder (`logs/app.log`).
    public struct File: Sendable, Hashable {
        public var relativePath: String
        public var contents: String

        public init(relativePath: String, contents: String) {
            self.relativePath = relativePath
            self.contents = contents
        }
    }

    /// The case's folder name, such as `sim-0007-oom-payments-worker`.
    public var name: String
    /// The log files (under `logs/`), Kubernetes events included, in a stable order.
    public var files: [File]
    /// `topology.yaml` text.
    public var topologyYAML: String
    /// `truth.json` text.
    public var truthJSON: String
    /// The ground truth as a value (the same facts as ``truthJSON``).
    public var truth: SimulatedTruth
    /// The topology the case was drawn on.
    public var topology: SimulatedTopology
    /// The log style used.
    public var style: LogStyle
    /// The difficulty knobs used.
    public var options: SimulationOptions
    /// The seed that reproduces the case with the same topology, fault, root, style and options.
    public var seed: UInt64

    /// Every file of the case folder: the logs, then `topology.yaml` and `truth.json`.
    public var allFiles: [File] {
        files + [File(relativePath: "topology.yaml", contents: topologyYAML),
                 File(relativePath: "truth.json", contents: truthJSON)]
    }

    /// Writes the case into `folder` (created if needed; existing files of the same names are replaced).
    ///
    /// Pass the case folder itself: `out.appendingPathComponent(case.name)` for a suite.
    public func write(to folder: URL) throws(SimulatorError) {
        let manager = FileManager.default
        for file in allFiles {
            let url = folder.appendingPathComponent(file.relativePath)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .atomic)
            } catch {
                throw SimulatorError(
                    .writeFailed, "could not write the file (\(error.localizedDescription)); check the folder's permissions and free space",
                    location: url.path)
            }
        }
    }
}
