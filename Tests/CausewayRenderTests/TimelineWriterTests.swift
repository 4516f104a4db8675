import CausewayAnalysis
import CausewayRender
import Foundation
import Testing

@Suite("TimelineWriter")
struct TimelineWriterTests {
    func svg(_ report: IncidentReport) throws -> SVGStructure {
        let data = try GraphvizRenderer().render(dot: TimelineWriter().dot(for: report), layout: TimelineWriter.layout)
        return try #require(SVGStructure.parse(String(decoding: data, as: UTF8.self)))
    }

    @Test("one lane per affected service, a mark per timed event, patient zero and the first user-visible symptom marked, MTTD drawn")
    func structure() throws {
        let report = try demoReport()
        let structure = try svg(report)
        for service in report.affectedServices where service.health != .atRisk {
            #expect(structure.groupIDs.contains("timeline-lane-\(DOTText.identifier(service.service.rawValue))"), "no lane for \(service.service)")
        }
        // Graphviz writes `class="node mark level-…"`.
        let marks = structure.groupClasses.filter { $0.contains("mark level-") }
        #expect(marks.count == report.timeline.filter { $0.time != nil }.count)
        #expect(marks.filter { $0.contains("patient-zero") }.count == 1)
        #expect(marks.filter { $0.contains("first-user-visible") }.count == 1)
        #expect(structure.groupIDs.contains("timeline-mttd"))
        #expect(structure.groupIDs.contains("timeline-guide-root"))
    }

    @Test("every mark's tooltip cites its line")
    func tooltips() throws {
        let report = try demoReport()
        let dot = TimelineWriter().dot(for: report)
        for entry in report.timeline {
            #expect(dot.contains("(\(entry.evidence.file):\(entry.evidence.line))"), "no tooltip cites \(entry.evidence.file):\(entry.evidence.line)")
        }
    }

    @Test("identical timestamps are noted, and marks at one time are set apart rather than stacked")
    func sharedTimestamps() throws {
        let report = try demoReport()
        #expect(report.timingNotes.contains { $0.kind == .sharedTimestamp })
        let dot = TimelineWriter().dot(for: report)
        #expect(dot.contains("Every event shares one timestamp"))
        let positions = dot.split(separator: "\n").filter { $0.contains("class=\"mark level-") }.compactMap { line -> String? in
            line.range(of: "pos=\"").map { String(line[$0.upperBound...].prefix(while: { $0 != "\"" })) }
        }
        #expect(Set(positions).count == positions.count, "two marks at one place: \(positions)")
    }

    @Test("a symptom stamped before the failure that explains it is shown as clock skew, and MTTD spans the gap to users")
    func clockSkew() throws {
        let report = try report(from: skewedIncident)
        let skew = try #require(report.timingNotes.first { $0.kind == .clockSkew })
        #expect(skew.text.contains("800 ms"))
        let dot = TimelineWriter().dot(for: report)
        #expect(dot.contains("clock skew?"))
        #expect(dot.contains("\"timeline-skew-"))
        #expect(dot.contains("MTTD 1.0 s"))
        let structure = try svg(report)
        #expect(structure.groupIDs.contains("timeline-mttd"))
    }

    @Test("log text stays inside quoted strings and Graphviz parses the timeline")
    func hostile() throws {
        let report = try report(from: """
            2026-05-24T10:00:00.000Z FATAL evil-api Out of memory "]; node [label="pwned" <script>alert(1)</script> \\N
            2026-05-24T10:00:01.000Z ERROR edge-gateway upstream evil-api returned 503 <img src=x onerror=alert(1)>
            """)
        let dot = TimelineWriter().dot(for: report)
        #expect(!dot.contains("node [label=\"pwned\""))
        let structure = try svg(report)
        #expect(!structure.elementNames.contains("script"))
        #expect(!structure.elementNames.contains("img"))
    }

    @Test("the same report gives the same bytes")
    func deterministic() throws {
        let first = try GraphvizRenderer().render(dot: TimelineWriter().dot(for: try demoReport()), layout: .pinned)
        let second = try GraphvizRenderer().render(dot: TimelineWriter().dot(for: try demoReport()), layout: .pinned)
        #expect(first == second)
    }
}
