internal import Foundation

/// The DOT statements of a pinned drawing, in drawing order (later on top); y runs down from the top and
/// is flipped for Graphviz, whose y runs up.
struct PinnedCanvas {
    enum Alignment { case left, centre, right }

    private var nodes: [(id: String, y: Double, attributes: [(String, String)])] = []
    private var edges: [String] = []

    static func number(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    private mutating func node(_ id: String, x: Double, y: Double, _ attributes: [(String, String)]) {
        nodes.append((id, y, [("pos", "\"\(Self.number(x)),Y\"")] + attributes))
    }

    mutating func box(
        id: String, x: Double, y: Double, width: Double, height: Double, fill: String, border: String? = nil, dashed: Bool = false,
        tooltip: String, classes: String
    ) {
        node(
            id, x: x, y: y,
            [
                ("shape", "box"), ("style", dashed ? "\"filled,dashed\"" : "filled"), ("fillcolor", DOTText.quoted(fill)),
                ("color", DOTText.quoted(border ?? fill)), ("penwidth", border == nil ? "0" : "0.8"),
                ("width", Self.number(width / 72)), ("height", Self.number(height / 72)), ("label", "\"\""),
                ("tooltip", DOTText.quoted(tooltip)), ("id", DOTText.quoted("timeline-" + id)), ("class", DOTText.quoted(classes)),
            ])
    }

    mutating func mark(
        id: String, x: Double, y: Double, size: Double, shape: String, fill: String, border: String, double: Bool, tooltip: String,
        classes: String
    ) {
        var attributes: [(String, String)] = [
            ("shape", shape), ("style", "filled"), ("fillcolor", DOTText.quoted(fill)), ("color", DOTText.quoted(border)),
            ("penwidth", "1.2"), ("width", Self.number(size / 72)), ("height", Self.number(size / 72)), ("label", "\"\""),
        ]
        if double { attributes.append(("peripheries", "2")) }
        attributes += [("tooltip", DOTText.quoted(tooltip)), ("id", DOTText.quoted("timeline-" + id)), ("class", DOTText.quoted(classes))]
        node(id, x: x, y: y, attributes)
    }

    mutating func point(id: String, x: Double, y: Double) {
        node(id, x: x, y: y, [("shape", "point"), ("width", "0.01"), ("style", "invis"), ("id", DOTText.quoted("timeline-" + id))])
    }

    /// Text whose left edge, centre or right edge (by `align`) is fixed within a box from `x` to `x + width`.
    mutating func text(
        id: String, _ text: String, x: Double, y: Double, width: Double, align: Alignment, size: Double, colour: String,
        bold: Bool = false, tooltip: String? = nil
    ) {
        let end: String
        switch align {
        case .left: end = "\\l"
        case .centre: end = "\\n"
        case .right: end = "\\r"
        }
        // Each line quoted on its own, then ended by the justification escape.
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        let body = parts.map { DOTText.quoted(String($0)).dropFirst().dropLast() }.joined(separator: end)
        let lines = Double(parts.count)
        node(
            id, x: x + width / 2, y: y,
            [
                ("shape", "plaintext"), ("width", Self.number(width / 72)), ("height", Self.number(lines * (size + 2) / 72)),
                ("margin", "0"), ("fontsize", Self.number(size)), ("fontcolor", DOTText.quoted(colour)),
                ("fontname", bold ? "\"Helvetica-Bold\"" : "\"Helvetica\""), ("label", "\"" + body + end + "\""),
                ("tooltip", DOTText.quoted(tooltip ?? text)), ("id", DOTText.quoted("timeline-" + id)), ("class", "\"text\""),
            ])
    }

    mutating func edge(id: String, from: String, to: String, colour: String, dashed: Bool, tooltip: String, both: Bool = false) {
        var attributes: [(String, String)] = [
            ("color", DOTText.quoted(colour)), ("penwidth", "1.2"), ("arrowsize", "0.5"),
            ("style", dashed ? "dashed" : "solid"), ("tooltip", DOTText.quoted(tooltip)), ("id", DOTText.quoted("timeline-" + id)),
        ]
        if both { attributes += [("dir", "both"), ("arrowhead", "tee"), ("arrowtail", "tee")] }
        edges.append(DOTText.quoted(from) + " -> " + DOTText.quoted(to) + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];")
    }

    func dot(title: String, height: Double) -> String {
        var lines = ["digraph timeline {"]
        lines.append(
            "  graph [id=\"timeline-diagram\", label=\(DOTText.quoted(title)), labelloc=t, fontname=\"Helvetica\", fontsize=12, tooltip=\(DOTText.quoted(title)), splines=line, outputorder=nodesfirst, pad=0.1];")
        lines.append("  node [fontname=\"Helvetica\", fixedsize=true];")
        for node in nodes {
            let y = Self.number(height - node.y)
            let attributes = node.attributes.map { key, value in
                key == "pos" ? (key, value.replacingOccurrences(of: ",Y\"", with: ",\(y)\"")) : (key, value)
            }
            lines.append("  " + DOTText.quoted(node.id) + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];")
        }
        for edge in edges { lines.append("  " + edge) }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
