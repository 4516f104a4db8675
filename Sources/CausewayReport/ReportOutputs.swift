public import CausewayAnalysis
public import CausewayRender
public import Foundation

/// Every document of a report, rendered from the one ``IncidentReport``.
public struct ReportOutputs: Sendable {
    public var markdown: String
    public var html: String
    public var json: Data
    public var dot: String
    /// Nil when Graphviz failed; ``renderError`` says why, and the other documents still stand.
    public var svg: Data?
    public var renderError: RenderError?

    /// The files `--out DIR` writes, by name.
    public static let fileNames = ["report.md", "report.html", "report.json", "causal-graph.dot", "causal-graph.svg"]

    public init(report: IncidentReport, renderer: GraphvizRenderer = GraphvizRenderer()) {
        let document = PostmortemDocument(report: report)
        markdown = MarkdownRenderer.render(document)
        json = JSONReportWriter.data(report)
        dot = DOTWriter().dot(for: report)
        do {
            svg = try renderer.render(dot: dot, format: .svg)
            renderError = nil
        } catch {
            svg = nil
            renderError = error
        }
        html = HTMLRenderer.render(document, svg: svg.map { String(decoding: $0, as: UTF8.self) })
    }

    /// Writes the five files into `directory`, creating it if needed; returns the paths written.
    @discardableResult
    public func write(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        func put(_ data: Data, _ name: String) throws {
            let url = directory.appendingPathComponent(name)
            try data.write(to: url, options: .atomic)
            written.append(url)
        }
        try put(Data(markdown.utf8), "report.md")
        try put(Data(html.utf8), "report.html")
        try put(json, "report.json")
        try put(Data(dot.utf8), "causal-graph.dot")
        let svgURL = directory.appendingPathComponent("causal-graph.svg")
        if let svg {
            try put(svg, "causal-graph.svg")
        } else if FileManager.default.fileExists(atPath: svgURL.path) {
            // Never leave a diagram from an earlier run beside this report.
            try FileManager.default.removeItem(at: svgURL)
        }
        return written
    }
}
