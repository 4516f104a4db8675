/// Random walk with restart (personalised PageRank) over edge weights.
///
/// As in MonitorRank (Kim et al., SIGMETRICS 2013) and MicroRCA (Wu et al., NOMS 2020): a walker starts
/// at the anomalous nodes, follows edges in proportion to their weight, stays put with a per-node weight,
/// and with probability `1 - continuation` jumps back to a start node. Where it spends its time ranks the
/// nodes; with edges pointing from a symptom to its possible causes, the mass gathers at root causes.
extension Digraph {
    /// The walk's stationary distribution.
    ///
    /// - Parameters:
    ///   - restart: the restart distribution, one non-negative entry per node (normalised here).
    ///   - continuation: the chance of taking a step rather than restarting, in [0, 1).
    ///   - stay: a non-negative weight per node for staying in place, competing with its outgoing edges.
    ///     A node with no outgoing edge and no stay weight restarts.
    /// - Returns: one probability per node, summing to 1, and the number of iterations used.
    /// - Complexity: O(k · (V + E)) for k iterations (power iteration until the L1 change is below
    ///   `tolerance`).
    public func randomWalkWithRestart(
        restart: [Double], continuation: Double = 0.85, stay: [Double], tolerance: Double = 1e-12,
        maximumIterations: Int = 1_000
    ) -> (distribution: [Double], iterations: Int) {
        precondition(restart.count == nodeCount && stay.count == nodeCount, "one restart and stay weight per node")
        let n = nodeCount
        guard n > 0 else { return ([], 0) }
        let restartTotal = restart.reduce(0, +)
        let start = restartTotal > 0 ? restart.map { $0 / restartTotal } : [Double](repeating: 1 / Double(n), count: n)

        var totals = [Double](repeating: 0, count: n)
        for node in 0..<n {
            totals[node] = stay[node] + outgoing[node].reduce(0) { $0 + edges[$1].weight }
        }

        var current = start
        var next = [Double](repeating: 0, count: n)
        var iterations = 0
        while iterations < maximumIterations {
            iterations += 1
            for i in 0..<n { next[i] = (1 - continuation) * start[i] }
            var dangling = 0.0
            for node in 0..<n where current[node] > 0 {
                let mass = continuation * current[node]
                guard totals[node] > 0 else {
                    dangling += mass
                    continue
                }
                next[node] += mass * stay[node] / totals[node]
                for edge in outgoing[node] {
                    next[edges[edge].target] += mass * edges[edge].weight / totals[node]
                }
            }
            if dangling > 0 {
                for i in 0..<n { next[i] += dangling * start[i] }
            }
            var change = 0.0
            for i in 0..<n { change += abs(next[i] - current[i]) }
            swap(&current, &next)
            if change < tolerance { break }
        }
        return (current, iterations)
    }
}
