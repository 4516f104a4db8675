import CausewayRender
import Foundation
import Testing

@Suite("GraphvizRenderer")
struct GraphvizRendererTests {
    @Test("renders SVG in-process with the node titles and ids of the DOT")
    func rendersSVG() throws {
        let data = try GraphvizRenderer().render(dot: #"digraph { "svc:a" [id="svc-a"]; "svc:a" -> "svc:b"; }"#)
        let structure = try #require(SVGStructure.parse(String(decoding: data, as: UTF8.self)))
        #expect(structure.titles.contains("svc:a"))
        #expect(structure.titles.contains("svc:b"))
        #expect(structure.titles.contains("svc:a->svc:b"))
        #expect(structure.groupIDs.contains("svc-a"))
        #expect(structure.elementNames.contains("svg"))
    }

    @Test("renders PNG bytes")
    func rendersPNG() throws {
        let data = try GraphvizRenderer().render(dot: "digraph { a -> b }", format: .png)
        #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test("the pinned layout keeps every node where its pos says")
    func pinned() throws {
        let data = try GraphvizRenderer().render(
            dot: #"digraph { a [pos="10,10", shape=point]; b [pos="300,10", shape=point]; a -> b }"#, layout: .pinned)
        let svg = String(decoding: data, as: UTF8.self)
        #expect(svg.contains("<svg"))
        // 290 points apart, whatever the margins.
        #expect(svg.contains("width=\"30") || svg.contains("width=\"29"), "\(svg.prefix(400))")
        #expect(Array(try GraphvizRenderer().render(dot: #"digraph { a [pos="1,1"] }"#, format: .png, layout: .pinned).prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test("bad DOT is an error, and the next render still works")
    func invalidDOT() throws {
        #expect(throws: RenderError.self) { try GraphvizRenderer().render(dot: "digraph { a -> ") }
        #expect(try GraphvizRenderer().render(dot: "digraph { x }").count > 100)
    }

    @Test("the same DOT renders to the same bytes, however many graphs came before in the process")
    func repeatable() throws {
        let dot = #"digraph { subgraph "cluster_b" { x } subgraph "cluster_a" { y } subgraph "cluster_c" { z } x -> y -> z }"#
        let first = try GraphvizRenderer().render(dot: dot)
        for index in 0..<5 {
            _ = try GraphvizRenderer().render(dot: "digraph { subgraph \"cluster_\(index)\" { q\(index) } }")
            #expect(try GraphvizRenderer().render(dot: dot) == first)
        }
    }

    @Test("renders safely from many threads at once (calls are serialised)")
    func concurrent() async throws {
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask { try GraphvizRenderer().render(dot: "digraph { n\(index) -> m\(index) -> o\(index) }").count }
            }
            var sizes: [Int] = []
            for try await size in group { sizes.append(size) }
            return sizes
        }
        #expect(sizes.count == 16)
        #expect(sizes.allSatisfy { $0 > 100 })
    }

    @Test("reports the library's version")
    func version() {
        #expect(GraphvizRenderer.version.first?.isNumber == true)
    }
}
