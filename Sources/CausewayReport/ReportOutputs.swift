public import CausewayAnalysis
public import CausewayRender
public import Foundation

/// Every document of a report, rendered from the one ``IncidentReport``.
public struct ReportOutputs: Sendable {
    /// What to render besides the documents every report has.
    public struct Options: Sendable, Hashable {
        /// How many of the top hypotheses get a diagram of their own.
        public var hypothesisDiagrams: Int
        /// How `report.md` shows its diagrams.
        public var markdownDiagrams: DiagramStyle
        /// Render every diagram as PNG too (always so when ``markdownDiagrams`` is ``DiagramStyle/png``).
        public var png: Bool

        public init(
            hypothesisDiagrams: Int = PostmortemDocument.defaultHypothesisDiagrams, markdownDiagrams: DiagramStyle = .svg,
            png: Bool = false
        ) {
            self.hypothesisDiagrams = hypothesisDiagrams
            self.markdownDiagrams = markdownDiagrams
            self.png = png || markdownDiagrams == .png
        }
    }

    public var markdown: String
    public var html: String
    public var json: Data
    /// The causal graph's DOT.
    public var dot: String
    /// The causal graph's SVG; nil when Graphviz failed: ``renderError`` says why, and the other documents
    /// still stand.
    public var svg: Data?
    public var renderError: RenderError?
    /// The causal graph as a Mermaid flowchart.
    public var mermaid: String
    /// The causal graph, the timeline and the hypotheses' diagrams, in that order.
    public var diagrams: [RenderedDiagram]
    public var options: Options

    /// The files `--out DIR` always writes, by name; diagrams add their own (see ``fileNames``).
    public static let fileNames = ["report.md", "report.html", "report.json", "causal-graph.dot", "causal-graph.svg"]

    public init(report: IncidentReport, renderer: GraphvizRenderer = GraphvizRenderer(), options: Options = Options()) {
        self.options = options
        let document = PostmortemDocument(report: report, hypothesisDiagrams: options.hypothesisDiagrams)
        diagrams = RenderedDiagram.all(for: report, hypotheses: options.hypothesisDiagrams, png: options.png, renderer: renderer)
        let graph = diagrams[0]
        dot = graph.dot
        svg = graph.svg
        mermaid = graph.mermaid ?? ""
        renderError = diagrams.lazy.compactMap(\.renderError).first
        json = JSONReportWriter.data(report)
        var flowcharts: [String: String] = [:]
        var svgs: [String: String] = [:]
        for diagram in diagrams {
            if let flowchart = diagram.mermaid { flowcharts[diagram.svgFile] = flowchart }
            if let svg = diagram.svg { svgs[diagram.svgFile] = String(decoding: svg, as: UTF8.self) }
        }
        markdown = MarkdownRenderer.render(document, diagrams: options.markdownDiagrams, mermaid: flowcharts)
        html = HTMLRenderer.render(document, diagrams: svgs)
    }

    /// The files ``write(to:)`` writes, in order.
    public var fileNames: [String] {
        var names = ["report.md", "report.html", "report.json"]
        for diagram in diagrams {
            names.append(diagram.name + ".dot")
            if diagram.svg != nil { names.append(diagram.svgFile) }
            if diagram.png != nil { names.append(diagram.name + ".png") }
            if diagram.name == "causal-graph", diagram.mermaid != nil { names.append(diagram.name + ".mmd") }
        }
        return names
    }

    /// Writes the documents and every diagram into `directory`, creating it if needed; removes diagrams an
    /// earlier run left there that this report does not have. Returns the paths written.
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
        for diagram in diagrams {
            try put(Data(diagram.dot.utf8), diagram.name + ".dot")
            if let svg = diagram.svg { try put(svg, diagram.svgFile) }
            if let png = diagram.png { try put(png, diagram.name + ".png") }
            if diagram.name == "causal-graph", let flowchart = diagram.mermaid { try put(Data(flowchart.utf8), diagram.name + ".mmd") }
        }
        // Never leave a diagram from an earlier run beside this report.
        let names = Set(written.map(\.lastPathComponent))
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in existing.sorted() where !names.contains(name) && Self.isDiagramFile(name) {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
        return written
    }

    /// Whether Causeway writes files of this name: `causal-graph.*`, `timeline.*`, `hypothesis-<n>-*.*`
    /// with a diagram extension.
    static func isDiagramFile(_ name: String) -> Bool {
        let extensions = [".dot", ".svg", ".png", ".mmd"]
        guard let ext = extensions.first(where: { name.hasSuffix($0) }) else { return false }
        let base = name.dropLast(ext.count)
        if base == "causal-graph" || base == "timeline" { return true }
        guard base.hasPrefix("hypothesis-") else { return false }
        let rest = base.dropFirst("hypothesis-".count)
        let rank = rest.prefix(while: \.isNumber)
        return !rank.isEmpty && rest.dropFirst(rank.count).hasPrefix("-")
    }
}
