import Foundation

/// Most probable paths: Dijkstra's algorithm over `-log(weight)`, so the path found maximises the product
/// of its edge weights (Dijkstra, 1959).
extension Digraph {
    /// The path from `source` to `target` whose edge weights have the largest product, following only the
    /// edges `weight` returns a value in (0, 1] for.
    ///
    /// - Returns: node indices from `source` to `target` and the path's probability, or nil when `target`
    ///   cannot be reached. Ties go to the path found first in edge insertion order.
    /// - Complexity: O((V + E) log V).
    public func mostProbablePath(from source: Int, to target: Int, weight: (Edge) -> Double?) -> (
        nodes: [Int], probability: Double
    )? {
        let n = nodeCount
        var cost = [Double](repeating: .infinity, count: n)
        var previous = [Int](repeating: -1, count: n)
        var done = [Bool](repeating: false, count: n)
        var queue = MinimumQueue()
        cost[source] = 0
        queue.push(0, source)
        while let (distance, node) = queue.pop() {
            if done[node] { continue }
            done[node] = true
            if node == target { break }
            if distance > cost[node] { continue }
            for edgeIndex in outgoing[node] {
                let edge = edges[edgeIndex]
                guard let w = weight(edge), w > 0, w <= 1, !done[edge.target] else { continue }
                let candidate = distance - log(w)
                if candidate < cost[edge.target] - 1e-15 {
                    cost[edge.target] = candidate
                    previous[edge.target] = node
                    queue.push(candidate, edge.target)
                }
            }
        }
        guard cost[target].isFinite else { return nil }
        var path = [target]
        var node = target
        while node != source {
            node = previous[node]
            path.append(node)
        }
        return (path.reversed(), exp(-cost[target]))
    }
}

/// A binary min-heap of (cost, node), ties broken by node index so pops are deterministic.
struct MinimumQueue {
    private var items: [(Double, Int)] = []

    mutating func push(_ cost: Double, _ node: Int) {
        items.append((cost, node))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.less(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, Self.less(items[left], items[smallest]) { smallest = left }
            if right < items.count, Self.less(items[right], items[smallest]) { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }

    private static func less(_ a: (Double, Int), _ b: (Double, Int)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }
}
