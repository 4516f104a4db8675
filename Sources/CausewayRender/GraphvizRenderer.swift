internal import CGraphviz
public import Foundation
internal import Synchronization

/// Why Graphviz could not render a graph.
public struct RenderError: Error, Sendable, CustomStringConvertible, Equatable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        /// Graphviz could not create its context.
        public static let unavailable = Code(name: "Graphviz unavailable")
        /// The DOT text does not parse.
        public static let invalidDOT = Code(name: "invalid DOT")
        /// Layout failed (for example, the `dot` plugin is not registered).
        public static let layoutFailed = Code(name: "layout failed")
        /// The output format is not available.
        public static let renderFailed = Code(name: "render failed")
        public var description: String { name }
    }

    public var code: Code
    public var message: String

    public var description: String { "\(code): \(message)" }
}

/// An output format libgvc renders.
public enum GraphvizFormat: String, Sendable, CaseIterable {
    case svg
    case png
    /// DOT with layout positions, for debugging.
    case dot
}

/// How libgvc places the nodes.
public enum GraphvizLayout: String, Sendable, CaseIterable {
    /// Layered layout (`dot`): ranks from top to bottom, for the causal graph.
    case layered = "dot"
    /// Every node already carries its position in points (`pos="x,y!"`): nothing moves and edges are drawn
    /// as given by `splines` (`nop2`, neato's `-n2`). For diagrams with an axis, such as the timeline.
    case pinned = "nop2"
}

/// Renders DOT in-process through libgvc.
///
/// libgvc and cgraph keep process-wide state and crash when two threads call them, even with one context
/// each; every call here runs under one lock around one long-lived context (a new context per render
/// leaks about 3.7 KB).
public struct GraphvizRenderer: Sendable {
    public init() {}

    /// Lays out `dot` with the `dot` engine (or as `layout` says) and renders it.
    /// - Returns: exactly the bytes libgvc produced.
    public func render(dot: String, format: GraphvizFormat = .svg, layout: GraphvizLayout = .layered) throws(RenderError) -> Data {
        try Self.state.withLock { state throws(RenderError) -> Data in
            try state.render(dot: dot, format: format.rawValue, layout: layout.rawValue)
        }
    }

    /// The Graphviz version libgvc reports, such as `2.43.0`.
    public static var version: String {
        state.withLock { state in
            guard let context = try? state.context(), let text = gvcVersion(context) else { return "unknown" }
            return String(cString: text)
        }
    }

    private static let state = Mutex(GraphvizState())
}

/// The one Graphviz context and the error text cgraph reported during the current call.
private struct GraphvizState: ~Copyable, @unchecked Sendable {
    var gvc: OpaquePointer?

    mutating func context() throws(RenderError) -> OpaquePointer {
        if let gvc { return gvc }
        causeway_quiet_errors()
        guard let created = gvContext() else {
            throw RenderError(code: .unavailable, message: "gvContext() failed; is libgraphviz installed?")
        }
        gvc = created
        // Graphviz loads its text-layout plugin lazily, during the first render: a context's first layout
        // measures text with estimated font metrics and every later one with the real ones. Render once
        // here so that every graph is measured the same way and output is byte-for-byte repeatable.
        _ = try? render(dot: "digraph warmup { a [label=\"warm up\"] }", format: "svg", layout: "dot")
        return created
    }

    mutating func render(dot: String, format: String, layout: String) throws(RenderError) -> Data {
        let context = try context()
        guard let graph = dot.withCString({ causeway_read_dot($0) }) else {
            let detail = aglasterr().map { String(cString: $0) } ?? ""
            throw RenderError(code: .invalidDOT, message: "Graphviz could not parse the DOT text\(detail.isEmpty ? "" : ": " + detail)")
        }
        defer { agclose(graph) }
        guard gvLayout(context, graph, layout) == 0 else {
            throw RenderError(
                code: .layoutFailed,
                message: "the \(layout) layout failed; if Graphviz says the layout type is not recognised, run `dot -c` as root to register its plugins")
        }
        defer { gvFreeLayout(context, graph) }
        var buffer: UnsafeMutablePointer<CChar>?
        var length = 0
        guard causeway_render_data(context, graph, format, &buffer, &length) == 0, let buffer else {
            throw RenderError(code: .renderFailed, message: "Graphviz could not render \(format)")
        }
        defer { gvFreeRenderData(buffer) }
        return Data(bytes: buffer, count: length)
    }
}
