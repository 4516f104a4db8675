import CausewayGraph
import Testing

@Suite("Digraph")
struct DigraphTests {
    /// a → b → c, a → c (weak): symptom a, causes further down.
    func chain() -> Digraph<String, Void> {
        var graph = Digraph<String, Void>()
        for name in ["a", "b", "c"] { graph.addNode(name) }
        graph.addEdge(from: 0, to: 1, weight: 0.9, label: ())
        graph.addEdge(from: 1, to: 2, weight: 0.8, label: ())
        graph.addEdge(from: 0, to: 2, weight: 0.1, label: ())
        graph.checkInvariants()
        return graph
    }

    @Test("a random walk with restart gathers its mass where the edges lead and stay")
    func randomWalk() {
        let graph = chain()
        let (mass, iterations) = graph.randomWalkWithRestart(restart: [1, 0, 0], stay: [0.05, 0.05, 0.9])
        #expect(abs(mass.reduce(0, +) - 1) < 1e-9)
        #expect(mass[2] > mass[1] && mass[2] > mass[0])
        #expect(iterations > 1 && iterations < 1_000)
    }

    @Test("a node with neither edges nor stay weight sends its walkers home")
    func dangling() {
        var graph = Digraph<String, Void>()
        graph.addNode("x")
        graph.addNode("y")
        graph.addEdge(from: 0, to: 1, weight: 1, label: ())
        let (mass, _) = graph.randomWalkWithRestart(restart: [1, 0], stay: [0, 0])
        #expect(abs(mass.reduce(0, +) - 1) < 1e-9)
        #expect(mass[0] > 0 && mass[1] > 0)
    }

    @Test("the most probable path maximises the product of weights")
    func mostProbablePath() throws {
        let graph = chain()
        let path = try #require(graph.mostProbablePath(from: 0, to: 2, weight: { $0.weight }))
        #expect(path.nodes == [0, 1, 2])
        #expect(abs(path.probability - 0.72) < 1e-9)
        #expect(graph.mostProbablePath(from: 2, to: 0, weight: { $0.weight }) == nil)
    }

    @Test("reachability follows the requested direction and counts hops")
    func reachability() {
        let graph = chain()
        #expect(graph.reachable(from: 0) == [0: 0, 1: 1, 2: 1])
        #expect(graph.reachable(from: 2, direction: .backward) == [2: 0, 0: 1, 1: 1])
        #expect(graph.reachable(from: 1, including: { $0.weight > 0.85 }) == [1: 0])
    }
}
