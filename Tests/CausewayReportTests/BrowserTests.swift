import CausewayAnalysis
import CausewayReport
import Foundation
import Testing

/// report.html in a real browser: Debian's headless `chromium`, which `scripts/install-dependencies`
/// installs. Without it these tests fail and say how to install it; they never pass without a browser.
@Suite("report.html in a headless browser", .serialized)
struct BrowserTests {
    /// Debian's `chromium`, or another Chromium-family browser on the PATH.
    static var browser: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/snap/bin"]
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return URL(fileURLWithPath: folder + "/" + name)
            }
        }
        return nil
    }

    static let missing = "no headless browser found: install Debian's chromium (./scripts/install-dependencies does, or apt-get install chromium)"

    /// Runs the browser headless on `page` with `arguments`; returns its standard output. Killed after two minutes.
    static func run(_ browser: URL, _ arguments: [String], page: URL, profile: URL) throws -> Data {
        let process = Process()
        process.executableURL = browser
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile.path)",
        ] + arguments + [page.absoluteString]
        process.environment = ["HOME": profile.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: timer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        return data
    }

    func folderWithReport() throws -> (URL, IncidentReport) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-browser-\(UUID().uuidString)")
        let report = try demoReport()
        try ReportOutputs(report: report).write(to: folder)
        return (folder, report)
    }

    @Test("the parsed page holds the causal graph, the timeline and every hypothesis' diagram as SVG, with their nodes")
    func dom() throws {
        guard let browser = Self.browser else {
            Issue.record(Comment(rawValue: Self.missing))
            return
        }
        let (folder, report) = try folderWithReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dom = String(
            decoding: try Self.run(browser, ["--dump-dom"], page: folder.appendingPathComponent("report.html"), profile: folder.appendingPathComponent("profile")),
            as: UTF8.self)
        #expect(dom.contains("<main>"), "the browser printed no DOM: \(dom.prefix(200))")
        #expect(dom.components(separatedBy: "<svg").count - 1 >= 5, "fewer than five inline SVGs in the DOM")
        for id in ["causal-graph", "timeline-diagram", "hypothesis-1", "hypothesis-2", "hypothesis-3"] {
            #expect(dom.contains("id=\"\(id)\""), "no diagram \(id) in the DOM")
        }
        for node in report.graph.nodes {
            #expect(dom.contains("<title>\(node.id)</title>"), "no node \(node.id) in the causal graph")
        }
        #expect(dom.contains("id=\"timeline-mttd\""))
        #expect(!dom.contains("<script"))
    }

    @Test("the rendered page and its diagrams are not blank")
    func screenshots() throws {
        guard let browser = Self.browser else {
            Issue.record(Comment(rawValue: Self.missing))
            return
        }
        let (folder, _) = try folderWithReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blank = folder.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html><body style=\"background:#fff\"></body></html>".utf8).write(to: blank)
        func shot(_ page: URL, _ name: String, size: String) throws -> Int {
            let png = folder.appendingPathComponent(name)
            _ = try Self.run(browser, ["--screenshot=\(png.path)", "--window-size=\(size)"], page: page, profile: folder.appendingPathComponent("profile"))
            let data = try Data(contentsOf: png)
            #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(name) is not a PNG")
            return data.count
        }
        // A blank page of the same size compresses to almost nothing; drawn ones do not.
        let empty = try shot(blank, "blank.png", size: "1280,6000")
        let page = try shot(folder.appendingPathComponent("report.html"), "report.png", size: "1280,6000")
        #expect(page > empty * 5, "report.html looks blank: \(page) bytes against \(empty) for an empty page")
        let emptySmall = try shot(blank, "blank-small.png", size: "1100,700")
        for diagram in ["causal-graph.svg", "timeline.svg", "hypothesis-2-redis-cache.svg"] {
            let size = try shot(folder.appendingPathComponent(diagram), diagram + ".png", size: "1100,700")
            #expect(size > emptySmall * 3, "\(diagram) looks blank: \(size) bytes against \(emptySmall)")
        }
    }
}
