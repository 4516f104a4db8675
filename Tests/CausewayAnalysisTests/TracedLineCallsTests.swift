import CausewayAnalysis
import CausewayCore
import CausewayIngest
import Foundation
import Testing

@Suite("Calls read off lines that carry trace ids")
struct TracedLineCallsTests {
    /// One trace per entry of `requests`, its lines from the services in the order given, 5 ms apart.
    func traces(_ requests: [[ServiceName]]) -> [TracedLine] {
        let origin = TimestampParser.parse("2026-05-24T10:00:00Z")!
        var lines: [TracedLine] = []
        for (r, services) in requests.enumerated() {
            for (position, service) in services.enumerated() {
                let clock = 36_000.0 + Double(r) + Double(position) * 0.005
                lines.append(
                    TracedLine(
                        service: service, trace: UInt64(100 + r), time: origin.adding(seconds: clock - 36_000), clock: clock, level: .info,
                        location: SourceLocation(file: "app.log", line: lines.count + 1), template: "\(service)/line"))
            }
        }
        return lines.sorted { ($0.trace, $0.clock, $0.location) < ($1.trace, $1.clock, $1.location) }
    }

    @Test("the line before a service's first line in a trace is its caller's, counted over the traces")
    func callsFromFirstLines() {
        let request: [ServiceName] = ["travel", "travel", "basic", "route", "basic", "price", "basic", "travel"]
        let calls = TracedLineCalls.infer(traces(Array(repeating: request, count: 6)))
        #expect(calls.map { "\($0.caller)→\($0.callee)" } == ["basic→price", "basic→route", "travel→basic"])
        #expect(calls.allSatisfy { $0.provenance == .traced && $0.traffic?.calls == 6 && !$0.evidence.isEmpty })
        #expect(calls.first?.reason?.contains("in 6 trace(s) a line of basic comes right before price's first line") == true)
    }

    @Test("a pair seen about as often both ways, or in too few traces, draws no call")
    func ambiguousOrRare() {
        let forward: [ServiceName] = ["a", "b"]
        let backward: [ServiceName] = ["b", "a"]
        #expect(TracedLineCalls.infer(traces([forward, forward, forward, backward, backward])).isEmpty)
        #expect(TracedLineCalls.infer(traces([forward, forward])).isEmpty)
        // One reversed trace among many (a caller that logged nothing before its call) does not flip the edge.
        let calls = TracedLineCalls.infer(traces(Array(repeating: forward, count: 9) + [backward]))
        #expect(calls.map { "\($0.caller)→\($0.callee)" } == ["a→b"])
    }
}
