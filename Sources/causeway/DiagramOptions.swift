import ArgumentParser
import CausewayReport

/// The diagram flags `analyze` and `compare` share.
struct DiagramOptions: ParsableArguments {
    @Option(help: "How many of the top hypotheses get a diagram of their own (1 to 10).")
    var hypotheses: Int = PostmortemDocument.defaultHypothesisDiagrams

    func validate() throws {
        guard (1...10).contains(hypotheses) else { throw ValidationError("--hypotheses takes 1 to 10") }
    }
}

/// How report.md shows its diagrams (`--diagrams`).
enum MarkdownDiagrams: String, ExpressibleByArgument, CaseIterable {
    case svg, png, mermaid

    var style: DiagramStyle {
        switch self {
        case .svg: .svg
        case .png: .png
        case .mermaid: .mermaid
        }
    }
}
