public import CausewayAnalysis
public import CausewayRender
public import Foundation

/// The competing hypotheses of a report, side by side: one self-contained HTML page with a diagram per
/// hypothesis inline (its own propagation path highlighted), and each diagram as its own SVG and DOT file.
/// What `causeway compare` writes.
public struct HypothesisComparison: Sendable {
    /// The page's file name.
    public static let pageFile = "compare.html"

    public var html: String
    /// One diagram per compared hypothesis, best first.
    public var diagrams: [RenderedDiagram]

    /// - Parameter hypotheses: how many of the top hypotheses to compare (the report lists at most ten).
    public init(report: IncidentReport, hypotheses: Int, renderer: GraphvizRenderer = GraphvizRenderer()) {
        let count = max(1, hypotheses)
        diagrams = report.hypotheses.prefix(count).map { .hypothesis($0, of: report, renderer: renderer) }
        var svgs: [String: String] = [:]
        for diagram in diagrams {
            if let svg = diagram.svg { svgs[diagram.svgFile] = String(decoding: svg, as: UTF8.self) }
        }
        html = HTMLRenderer.render(PostmortemDocument(comparing: report, hypotheses: count), diagrams: svgs)
    }

    /// The first diagram Graphviz could not render, if any.
    public var renderError: RenderError? { diagrams.lazy.compactMap(\.renderError).first }

    /// The files ``write(to:)`` writes, in order.
    public var fileNames: [String] {
        [Self.pageFile] + diagrams.flatMap { [$0.name + ".dot"] + ($0.svg == nil ? [] : [$0.svgFile]) }
    }

    /// Writes the page and every diagram's DOT and SVG into `directory`, creating it if needed; removes
    /// hypothesis diagrams an earlier run left there. Returns the paths written.
    @discardableResult
    public func write(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        func put(_ data: Data, _ name: String) throws {
            let url = directory.appendingPathComponent(name)
            try data.write(to: url, options: .atomic)
            written.append(url)
        }
        try put(Data(html.utf8), Self.pageFile)
        for diagram in diagrams {
            try put(Data(diagram.dot.utf8), diagram.name + ".dot")
            if let svg = diagram.svg { try put(svg, diagram.svgFile) }
        }
        let names = Set(written.map(\.lastPathComponent))
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in existing.sorted() where !names.contains(name) && name.hasPrefix("hypothesis-") && ReportOutputs.isDiagramFile(name) {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
        return written
    }
}
