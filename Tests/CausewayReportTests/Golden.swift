import Foundation
import Testing

/// Compares `actual` with the golden file `name` under Tests/CausewayReportTests/Golden.
/// Set CAUSEWAY_RECORD=1 to write the golden files anew (then review the diff before committing).
func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["CAUSEWAY_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("golden file \(name) is missing; run the tests with CAUSEWAY_RECORD=1 to create it", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let shown = first < actualLines.count ? String(actualLines[first]) : "<end of output>"
        let wanted = first < expectedLines.count ? String(expectedLines[first]) : "<end of file>"
        Issue.record(
            "\(name) differs from its golden file at line \(first + 1):\n  expected: \(wanted)\n  actual:   \(shown)\nRe-record with CAUSEWAY_RECORD=1 if the change is intended.",
            sourceLocation: sourceLocation)
    }
}

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
