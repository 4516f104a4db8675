/// Breadth-first reachability and weakly connected components.
extension Digraph {
    /// Which way to follow edges.
    public enum Direction: Sendable {
        case forward
        case backward
        case both
    }

    /// Every node reachable from `start` (itself included) through edges `including` accepts, each with
    /// its hop count.
    /// - Complexity: O(V + E).
    public func reachable(from start: Int, direction: Direction = .forward, including: (Edge) -> Bool = { _ in true })
        -> [Int: Int]
    {
        var hops = [start: 0]
        var frontier = [start]
        var head = 0
        while head < frontier.count {
            let node = frontier[head]
            head += 1
            var next: [Int] = []
            if direction != .backward {
                for edge in outgoing[node] where including(edges[edge]) { next.append(edges[edge].target) }
            }
            if direction != .forward {
                for edge in incoming[node] where including(edges[edge]) { next.append(edges[edge].source) }
            }
            for neighbour in next where hops[neighbour] == nil {
                hops[neighbour] = hops[node]! + 1
                frontier.append(neighbour)
            }
        }
        return hops
    }
}
