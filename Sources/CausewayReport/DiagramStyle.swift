/// How Markdown shows its diagrams.
public enum DiagramStyle: String, Sendable, CaseIterable {
    /// Links to the SVG files beside the Markdown (`![…](causal-graph.svg)`).
    case svg
    /// Links to PNG files beside the Markdown, for hosts that take no SVG.
    case png
    /// Mermaid blocks inside the Markdown, for hosts that draw Mermaid (GitHub, GitLab); diagrams without a
    /// Mermaid form (the timeline) stay SVG links.
    case mermaid
}
