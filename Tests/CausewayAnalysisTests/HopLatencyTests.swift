import CausewayAnalysis
import CausewayCore
import CausewayIngest
import Foundation
import Testing

@Suite("Hop latency between traced lines")
struct HopLatencyTests {
    /// `requests` traces, one every 2 s from 10:00:00: a line at `caller`, then at each callee, then at
    /// `caller` again. Hops into and out of `slow` take `delay` seconds from `slowFrom` on, else 3 ms.
    /// With `slowerWork`, that callee's work (between its two lines) takes 0.3 s instead of 4 ms from
    /// `slowFrom` on.
    func traces(
        caller: ServiceName, callees: [ServiceName], slow: ServiceName?, delay: Double, slowFrom: Int, requests: Int = 40,
        slowerWork: ServiceName? = nil
    ) -> [TracedLine] {
        var lines: [TracedLine] = []
        let origin = try! #require(TimestampParser.parse("2026-05-24T10:00:00Z"))
        var line = 0
        for r in 0..<requests {
            let trace = UInt64(1000 + r)
            var clock = 36_000.0 + Double(r) * 2
            func add(_ service: ServiceName) {
                line += 1
                lines.append(
                    TracedLine(
                        service: service, trace: trace, time: origin.adding(seconds: clock - 36_000), clock: clock, level: .info,
                        location: SourceLocation(file: "app.log", line: line)))
            }
            add(caller)
            for callee in callees {
                let hop = r >= slowFrom && (callee == slow || caller == slow) ? delay : 0.003
                clock += hop
                add(callee)
                clock += r >= slowFrom && callee == slowerWork ? 0.3 : 0.004
                add(callee)
                clock += hop
                add(caller)
            }
        }
        return lines.sorted { ($0.trace, $0.clock, $0.location) < ($1.trace, $1.clock, $1.location) }
    }

    func topology(_ calls: [(ServiceName, ServiceName)]) -> Topology {
        var topology = Topology()
        for (caller, callee) in calls { topology.addCall(.init(caller: caller, callee: callee, provenance: .declared)) }
        return topology
    }

    func window() -> IncidentWindow {
        IncidentWindow(
            start: TimestampParser.parse("2026-05-24T10:00:40Z")!, end: TimestampParser.parse("2026-05-24T10:02:00Z")!,
            source: .detected, bucketSeconds: 1)
    }

    @Test("a delayed callee stretches the hops into and out of it, and is the suspect")
    func delayedCallee() {
        let lines = traces(caller: "travel", callees: ["basic", "seat"], slow: "basic", delay: 1.0, slowFrom: 20)
        let shifts = HopShift.measure(lines, topology: topology([("travel", "basic"), ("travel", "seat")]), window: window())
        let risen = shifts.filter(\.isSignificantRise)
        #expect(Set(risen.map(\.callee)) == ["basic"])
        #expect(Set(risen.map(\.direction)) == [.request, .response])
        let request = risen.first { $0.direction == .request }!
        #expect(abs(request.medianDuring - 1.0) < 0.01 && abs(request.medianBefore - 0.003) < 0.001)
        #expect(request.hopsBefore == 20 && request.hopsDuring == 20, "the change point falls where the delay began")
        #expect(request.onset == TimestampParser.parse("2026-05-24T10:00:40Z")!)
        #expect(HopShift.suspects(shifts).map(\.service) == ["basic"])
    }

    @Test("a starved caller slows every edge it has, and the shared end is the suspect")
    func starvedCaller() {
        let lines = traces(caller: "preserve", callees: ["contacts", "security", "travel"], slow: "preserve", delay: 0.08, slowFrom: 20)
        let shifts = HopShift.measure(
            lines, topology: topology([("preserve", "contacts"), ("preserve", "security"), ("preserve", "travel")]), window: window())
        #expect(shifts.filter(\.isSignificantRise).count == 6)
        #expect(HopShift.suspects(shifts).map(\.service) == ["preserve"])
    }

    @Test("steady hops, or hops between services with no call edge, raise nothing")
    func nothingWithoutChange() {
        let steady = traces(caller: "travel", callees: ["basic"], slow: nil, delay: 1, slowFrom: 0)
        #expect(HopShift.measure(steady, topology: topology([("travel", "basic")]), window: window()).allSatisfy { !$0.isSignificantRise })
        let slow = traces(caller: "travel", callees: ["basic"], slow: "basic", delay: 1, slowFrom: 20)
        #expect(HopShift.measure(slow, topology: topology([("gateway", "travel")]), window: window()).isEmpty)
        #expect(HopShift.measure(slow, topology: topology([("travel", "basic")]), window: nil).isEmpty)
    }

    @Test("a rarely called edge: two quick hops before, then every hop a second long, is a rise; a modest one is not")
    func rarelyCalledEdge() {
        let lines = traces(caller: "auth", callees: ["verification-code"], slow: "verification-code", delay: 1.0, slowFrom: 2, requests: 10)
        let window = IncidentWindow(
            start: TimestampParser.parse("2026-05-24T10:00:04Z")!, end: TimestampParser.parse("2026-05-24T10:02:00Z")!,
            source: .detected, bucketSeconds: 1)
        let shifts = HopShift.measure(lines, topology: topology([("auth", "verification-code")]), window: window)
        #expect(shifts.filter(\.isSignificantRise).count == 2, "\(shifts.map { ($0.direction, $0.hopsBefore, $0.z, $0.ratio) })")
        #expect(HopShift.suspects(shifts).map(\.service) == ["verification-code"])
        let modest = traces(caller: "auth", callees: ["verification-code"], slow: "verification-code", delay: 0.03, slowFrom: 2, requests: 10)
        #expect(HopShift.measure(modest, topology: topology([("auth", "verification-code")]), window: window).allSatisfy { !$0.isSignificantRise })
    }

    @Test("end to end: a silent network delay at a callee is found from its callers' and its own trace-correlated lines")
    func endToEnd() throws {
        let report = try analyse(
            traces(caller: "travel-service", callees: ["basic-service", "seat-service"], slow: "basic-service", delay: 1.2, slowFrom: 60, requests: 90))
        let hops = try #require(report.hypotheses.first { $0.service == "basic-service" })
        #expect(hops.signal == "slow_hops")
        #expect(report.hypotheses.first?.service == "basic-service")
        // The evidence is the two lines of a slow hop, read back from the file: one at each end of it.
        let cited = hops.evidence.compactMap { ref in report.evidence.first { $0.file == ref.file && $0.line == ref.line } }
        #expect(cited.count == 2)
        #expect(cited.contains { $0.text.contains("INFO travel-service") } && cited.contains { $0.text.contains("INFO basic-service") })
        #expect(cited.allSatisfy { $0.text.contains("TraceID") })
        #expect(report.trail.contains { $0.observation.contains("hops between services") })
    }

    @Test("hops that slowed well before the errors surged start the incident window there, not at the errors")
    func slowHopsLeadTheWindow() throws {
        // Hops into basic-service take 1.2 s from 10:01:00 on; the errors come at 10:02:05.
        let report = try analyse(
            traces(caller: "travel-service", callees: ["basic-service", "seat-service"], slow: "basic-service", delay: 1.2, slowFrom: 30, requests: 90))
        let window = try #require(report.incidentWindow)
        #expect(window.source == .detected)
        let slowed = try #require(TimestampParser.parse("2026-05-24T10:01:00Z"))
        // Back to the slowing, with the usual few seconds' margin for clocks; not 10:01:55, where the errors surge.
        #expect(window.start <= slowed && window.start >= slowed.adding(seconds: -20), "\(window.start.iso8601)")
        #expect(report.patientZero?.service == "basic-service", "\(report.hypotheses.map { ($0.service, $0.signal, $0.confidence) })")
        // The trail says where the errors surged and why the window starts earlier.
        #expect(report.trail.contains { $0.observation.contains("where the requests first changed") && $0.observation.contains("slow hops at basic-service") })
    }

    @Test("a slowing that came long before the errors is another story: the window stays at the errors")
    func slowHopsTooEarlyLeaveTheWindow() throws {
        // Hops slow from 10:00:20 on, and the errors come at 10:07:05: more than five minutes apart.
        let lines = traces(caller: "travel-service", callees: ["basic-service", "seat-service"], slow: "basic-service", delay: 1.2, slowFrom: 10, requests: 240)
        let report = try analyse(lines, errorsAt: "2026-05-24T10:07:05Z")
        let window = try #require(report.incidentWindow)
        #expect(window.start >= TimestampParser.parse("2026-05-24T10:06:30Z")!, "\(window.start.iso8601)")
    }

    @Test("slower work inside a callee does not explain slower hops at its caller's edges: the hops leave that work out")
    func slowerCalleeDoesNotExplainHops() throws {
        let report = try analyse(
            traces(
                caller: "travel-service", callees: ["basic-service", "seat-service"], slow: "travel-service", delay: 1.2, slowFrom: 60,
                requests: 90, slowerWork: "seat-service"))
        #expect(report.hypotheses.contains { $0.service == "seat-service" && $0.signal == "latency_rise" }, "\(report.hypotheses.map { ($0.service, $0.signal) })")
        #expect(report.hypotheses.contains { $0.service == "travel-service" && $0.signal == "slow_hops" })
        // Its spans' slowing is dated by the first slow span (request 60, sent at 10:02:00, reaches seat-service
        // after three 1.2 s hops and basic-service's 4 ms), not by the window's start (10:01:55).
        let slower = try #require(report.timeline.first { $0.service == "seat-service" && $0.signal == "latency_rise" })
        #expect(slower.time == TimestampParser.parse("2026-05-24T10:02:03.604Z")!, "\(slower.time?.iso8601 ?? "none") against a window from \(report.incidentWindow?.start.iso8601 ?? "none")")
        let explained = report.graph.edges.filter { $0.kind == .explains && $0.to == "evt:travel-service/slow_hops" }
        #expect(explained.allSatisfy { $0.from != "evt:seat-service/latency_rise" || $0.weight <= 0.1 }, "\(report.graph.edges.filter { $0.kind == .explains }.map { ($0.from, $0.to, $0.weight) })")
    }

    /// Writes traced lines as a log file (with a burst of errors at travel-service for the window to find) and
    /// analyses it with the three services' topology.
    func analyse(_ lines: [TracedLine], errorsAt: String = "2026-05-24T10:02:05Z") throws -> IncidentReport {
        var text = ""
        for line in lines.sorted(by: { ($0.time, $0.location) < ($1.time, $1.location) }) {
            let stamp = line.time.iso8601
            text += "\(stamp) INFO \(line.service) handling request TraceID: \(String(line.trace, radix: 16))abcdef0123 step \(line.location.line % 3)\n"
        }
        // Some trouble for the window to find, at the callers only.
        let errorTime = try #require(TimestampParser.parse(errorsAt))
        for i in 0..<20 {
            text += "\(errorTime.adding(seconds: Double(i)).iso8601) ERROR travel-service request took too long, giving up\n"
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-hops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("app.log")
        try Data(text.utf8).write(to: file)
        let analyzer = try IncidentAnalyzer.bundled()
        let topology = try TopologyLoader.parse(
            """
            services:
              - {name: travel-service, role: api, calls: [basic-service, seat-service]}
              - {name: basic-service, role: api}
              - {name: seat-service, role: api}
            """, source: "topology.yaml")
        var ingestor = LogIngestor(rulebook: analyzer.rulebook, options: .init(knownServices: Set(topology.services)))
        ingestor.ingest(fileAt: file.path, displayPath: "app.log")
        let log = ingestor.finish()
        #expect(log.tracedLines.count == lines.count)
        return analyzer.report(log, topology: topology, topologySource: "topology.yaml", generator: "test")
    }
}
