/// A directed graph with weighted, labelled edges, stored over dense integer indices.
///
/// Nodes and edges are values in arrays; adjacency lists hold edge indices, so every walk is O(V + E) and
/// follows insertion order, which keeps results deterministic. Callers keep their own map from public IDs
/// to node indices.
///
/// ## Topics
/// - ``addNode(_:)``
/// - ``addEdge(from:to:weight:label:)``
/// - ``randomWalkWithRestart(restart:continuation:stay:tolerance:maximumIterations:)``
/// - ``mostProbablePath(from:to:weight:)``
/// - ``reachable(from:direction:including:)``
public struct Digraph<Node: Sendable, Label: Sendable>: Sendable {
    /// One directed edge.
    public struct Edge: Sendable {
        public var source: Int
        public var target: Int
        /// A weight in (0, 1]: the strength of the relation the edge stands for.
        public var weight: Double
        public var label: Label
    }

    public private(set) var nodes: [Node] = []
    public private(set) var edges: [Edge] = []
    /// Edge indices leaving each node, in insertion order.
    public private(set) var outgoing: [[Int]] = []
    /// Edge indices entering each node, in insertion order.
    public private(set) var incoming: [[Int]] = []

    public init() {}

    public var nodeCount: Int { nodes.count }
    public var edgeCount: Int { edges.count }

    /// Adds a node and returns its index.
    @discardableResult
    public mutating func addNode(_ node: Node) -> Int {
        nodes.append(node)
        outgoing.append([])
        incoming.append([])
        return nodes.count - 1
    }

    /// Replaces the value stored at a node.
    public mutating func updateNode(_ index: Int, _ body: (inout Node) -> Void) {
        body(&nodes[index])
    }

    /// Adds an edge and returns its index.
    /// - Precondition: both ends exist and `weight` is in (0, 1].
    @discardableResult
    public mutating func addEdge(from source: Int, to target: Int, weight: Double, label: Label) -> Int {
        precondition(nodes.indices.contains(source) && nodes.indices.contains(target), "edge end out of range")
        precondition(weight > 0 && weight <= 1, "edge weight \(weight) outside (0, 1]")
        edges.append(Edge(source: source, target: target, weight: weight, label: label))
        let index = edges.count - 1
        outgoing[source].append(index)
        incoming[target].append(index)
        return index
    }

    /// Checks the adjacency lists against the edge array; traps with a message that says what broke.
    public func checkInvariants() {
        precondition(outgoing.count == nodes.count && incoming.count == nodes.count, "adjacency lists out of step with nodes")
        var seenOut = 0
        var seenIn = 0
        for node in nodes.indices {
            for edge in outgoing[node] {
                precondition(edges[edge].source == node, "edge \(edge) listed as leaving node \(node) but starts elsewhere")
            }
            for edge in incoming[node] {
                precondition(edges[edge].target == node, "edge \(edge) listed as entering node \(node) but ends elsewhere")
            }
            seenOut += outgoing[node].count
            seenIn += incoming[node].count
        }
        precondition(seenOut == edges.count && seenIn == edges.count, "an edge is missing from the adjacency lists")
        for edge in edges {
            precondition(edge.weight > 0 && edge.weight <= 1, "edge weight \(edge.weight) outside (0, 1]")
        }
    }
}
