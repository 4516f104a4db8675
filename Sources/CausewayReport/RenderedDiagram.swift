public import CausewayAnalysis
public import CausewayRender
public import Foundation

/// One diagram of the report in the forms it is written in: its DOT source, the SVG and (when asked) the
/// PNG that libgvc made of it, and, for causal graphs, a Mermaid flowchart.
public struct RenderedDiagram: Sendable {
    /// The file name without extension: `causal-graph`, `timeline`, `hypothesis-2-redis-cache`.
    public var name: String
    /// What it shows, in words (the alt text).
    public var title: String
    public var dot: String
    public var layout: GraphvizLayout
    /// Nil when Graphviz failed; ``renderError`` says why.
    public var svg: Data?
    /// Nil unless PNG was asked for, or when Graphviz failed.
    public var png: Data?
    /// The Mermaid flowchart, for the causal graph and the hypotheses (the timeline has none).
    public var mermaid: String?
    public var renderError: RenderError?

    /// `<name>.svg`, the file the document's diagram blocks name.
    public var svgFile: String { name + ".svg" }

    /// Renders `dot` to SVG (and PNG when `png` is true); a failure is kept in ``renderError``.
    public init(
        name: String, title: String, dot: String, layout: GraphvizLayout = .layered, mermaid: String? = nil, png: Bool = false,
        renderer: GraphvizRenderer = GraphvizRenderer()
    ) {
        self.name = name
        self.title = title
        self.dot = dot
        self.layout = layout
        self.mermaid = mermaid
        do {
            svg = try renderer.render(dot: dot, format: .svg, layout: layout)
            self.png = png ? try renderer.render(dot: dot, format: .png, layout: layout) : nil
            renderError = nil
        } catch {
            svg = nil
            self.png = nil
            renderError = error
        }
    }

    /// The causal graph, the timeline, and the first `hypotheses` hypotheses' own diagrams, in that order.
    public static func all(
        for report: IncidentReport, hypotheses: Int = PostmortemDocument.defaultHypothesisDiagrams, png: Bool = false,
        renderer: GraphvizRenderer = GraphvizRenderer()
    ) -> [RenderedDiagram] {
        var diagrams = [
            RenderedDiagram(
                name: "causal-graph", title: "Causal graph: \(report.title)", dot: DOTWriter().dot(for: report),
                mermaid: MermaidWriter().flowchart(for: report), png: png, renderer: renderer),
            RenderedDiagram(
                name: "timeline", title: "Timeline: \(report.title)", dot: TimelineWriter().dot(for: report),
                layout: TimelineWriter.layout, png: png, renderer: renderer),
        ]
        for hypothesis in report.hypotheses.prefix(max(0, hypotheses)) {
            diagrams.append(.hypothesis(hypothesis, of: report, png: png, renderer: renderer))
        }
        return diagrams
    }

    /// One hypothesis' own diagram: its service as the root, its propagation path in red. Named
    /// `hypothesis-<rank>-<service>`.
    public static func hypothesis(
        _ hypothesis: HypothesisEntry, of report: IncidentReport, png: Bool = false, renderer: GraphvizRenderer = GraphvizRenderer()
    ) -> RenderedDiagram {
        RenderedDiagram(
            name: String(PostmortemDocument.hypothesisFile(hypothesis).dropLast(4)),
            title: "Hypothesis #\(hypothesis.rank): \(hypothesis.signalTitle.lowercased()) at \(hypothesis.service)",
            dot: DOTWriter().dot(for: report, hypothesis: hypothesis),
            mermaid: MermaidWriter().flowchart(for: report, hypothesis: hypothesis), png: png, renderer: renderer)
    }
}
