public import Foundation

/// The sample incidents shipped with Causeway, laid out as FORMAT.md cases.
public enum BundledIncidents {
    /// The incident behind `causeway demo`: a payments worker killed for lack of memory, 5 lines in one
    /// millisecond, wrapped by a log shipper.
    public static let demo = "seed-payments-worker-oom"

    /// Every bundled case, sorted.
    public static var names: [String] {
        guard let root = root,
            let entries = try? FileManager.default.contentsOfDirectory(atPath: root.path)
        else { return [] }
        return entries.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The folder of a bundled case, or nil when the resources are missing.
    public static func directory(named name: String) -> URL? {
        guard let root else { return nil }
        let url = root.appendingPathComponent(name, isDirectory: true)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static var root: URL? {
        Bundle.module.url(forResource: "incidents", withExtension: nil)
    }
}
