import CausewayAnalysis
import CausewayCore
import CausewayIngest
import Foundation
import Testing

@Suite("Calls that stopped reaching a dependency's logs")
struct UnansweredCallsTests {
    /// How one request's trace goes once the callee stopped answering.
    enum Failure {
        /// The callee logs nothing; the caller carries on with its next step.
        case silent
        /// The callee logs nothing; the caller logs an error of its own.
        case complained
        /// The callee answers as before.
        case none
    }

    /// `requests` traces, one every 2 s from 10:00:00: the caller's call-site line (template `call`), the
    /// callee's line, the caller's next line. From request `failingFrom` on, the trace goes as `failure` says.
    /// With `duplicated`, every caller line is collected twice.
    func traces(failingFrom: Int, failure: Failure, requests: Int = 40, duplicated: Bool = false) -> [TracedLine] {
        var lines: [TracedLine] = []
        let origin = try! #require(TimestampParser.parse("2026-05-24T10:00:00Z"))
        var number = 0
        for r in 0..<requests {
            let trace = UInt64(1000 + r)
            var clock = 36_000.0 + Double(r) * 2
            func add(_ service: ServiceName, _ template: String, _ level: LogLevel = .info) {
                for _ in 0..<(duplicated && service == "basic" ? 2 : 1) {
                    number += 1
                    lines.append(
                        TracedLine(
                            service: service, trace: trace, time: origin.adding(seconds: clock - 36_000), clock: clock, level: level,
                            location: SourceLocation(file: "app.log", line: number), template: "\(service)/\(template)"))
                }
                clock += 0.005
            }
            add("basic", "call")
            let failing = r >= failingFrom ? failure : .none
            if failing == .none { add("route", "entry") }
            if failing == .complained { add("basic", "failed", .error) }
            add("basic", "next")
        }
        return lines.sorted { ($0.trace, $0.clock, $0.location) < ($1.trace, $1.clock, $1.location) }
    }

    func topology() -> Topology {
        var topology = Topology()
        topology.addCall(.init(caller: "basic", callee: "route", provenance: .declared))
        return topology
    }

    func window(from start: String = "2026-05-24T10:00:40Z") -> IncidentWindow {
        IncidentWindow(
            start: TimestampParser.parse(start)!, end: TimestampParser.parse("2026-05-24T10:02:00Z")!, source: .detected,
            bucketSeconds: 1)
    }

    @Test("a call site the callee stopped following points at the callee, split where the answers stopped")
    func silentCallee() throws {
        let found = UnansweredCalls.measure(traces(failingFrom: 20, failure: .silent), topology: topology(), window: window())
        let calls = try #require(found.first)
        #expect(found.count == 1)
        #expect(calls.caller == "basic" && calls.callee == "route" && calls.callSite == "basic/call")
        #expect(calls.callsBefore == 20 && calls.answeredBefore == 20)
        #expect(calls.callsDuring == 20 && calls.answeredDuring == 0)
        #expect(calls.onset == TimestampParser.parse("2026-05-24T10:00:40Z")!)
        #expect(calls.answer.service == "route" && calls.followedBy.template == "basic/next")
        #expect(UnansweredCalls.suspects(found).map(\.service) == ["route"])
    }

    @Test("a caller that says why its call failed, steady answers, a callee outside the topology or a change long before the window raise nothing")
    func nothingToClaim() {
        #expect(UnansweredCalls.measure(traces(failingFrom: 20, failure: .complained), topology: topology(), window: window()).isEmpty)
        #expect(UnansweredCalls.measure(traces(failingFrom: 0, failure: .none), topology: topology(), window: window()).isEmpty)
        #expect(UnansweredCalls.measure(traces(failingFrom: 20, failure: .silent), topology: Topology(), window: window()).isEmpty)
        let late = window(from: "2026-05-24T10:03:00Z")
        #expect(
            UnansweredCalls.measure(traces(failingFrom: 20, failure: .silent), topology: topology(), window: late).isEmpty,
            "answers that stopped two minutes before the window are an older condition")
    }

    @Test("a caller line collected twice is not a call its twin left unanswered")
    func duplicatedLines() {
        #expect(
            UnansweredCalls.measure(traces(failingFrom: 40, failure: .none, duplicated: true), topology: topology(), window: window())
                .isEmpty)
        let found = UnansweredCalls.measure(traces(failingFrom: 20, failure: .silent, duplicated: true), topology: topology(), window: window())
        #expect(found.map(\.callee) == ["route"])
    }

    @Test("a few unanswered calls are not enough to claim anything")
    func tooFewCalls() {
        #expect(UnansweredCalls.measure(traces(failingFrom: 36, failure: .silent), topology: topology(), window: window()).isEmpty)
    }

    /// A TrainTicket-like log: travel → basic → route. Each request: travel's entry, basic's entry, basic's
    /// call to route, route's entry, basic's next step, travel's reply. From 10:01:00 route fails at its entry
    /// on that endpoint: basic carries on without complaint and travel fails the request.
    func trainTicketLog(silentFrom failing: Int, complaint: Bool = false) -> String {
        var lines: [String] = []
        for r in 0..<90 {
            var milliseconds = r * 2000
            let trace = String(format: "%032x", 0xABC000 + r)
            func line(_ pod: String, _ level: String, _ logger: String, _ message: String) {
                let clock = String(
                    format: "10:%02d:%02d.%03d", milliseconds / 60_000, milliseconds / 1000 % 60, milliseconds % 1000)
                lines.append("2026-05-24T\(clock)Z \(pod) \(clock) \(level)  \(logger) TraceID: \(trace) SpanID: \(String(format: "%016x", r * 7 + lines.count)) \(message)")
                milliseconds += 4
            }
            line("ts-travel-service-64469b5b48-25zj6", "INFO", "t.c.TravelController#122", "[query][Query TripResponse]")
            line("ts-basic-service-5dc8d4f9fd-46997", "INFO", "f.m.c.BasicController#45", "[queryForTravels][Query for travels]")
            line("ts-basic-service-5dc8d4f9fd-46997", "INFO", "f.m.s.BasicServiceImpl#405", "[getRoutesByRouteIds][Get Route By Ids][Route IDs: [\(String(format: "%08x-1111-2222-3333-%012x", r, r * 31))]]")
            if r < failing {
                line("ts-route-service-b6c59fb57-zv8dt", "INFO", "r.c.RouteController#53", "[getRouteById][Query route by id]")
            } else if complaint {
                line("ts-basic-service-5dc8d4f9fd-46997", "ERROR", "f.m.s.BasicServiceImpl#411", "[getRoutesByRouteIds][No instances available for ts-route-service]")
            }
            line("ts-basic-service-5dc8d4f9fd-46997", "INFO", "f.m.s.BasicServiceImpl#418", "[getRoutesByRouteIds][Get Route By Ids][Success]")
            if r >= failing {
                line(
                    "ts-travel-service-64469b5b48-25zj6", "ERROR", "o.a.c.c.C.[.[.[.[dispatcherServlet]#175",
                    "Servlet.service() for servlet [dispatcherServlet] threw exception [Request processing failed] with root cause")
            } else {
                line("ts-travel-service-64469b5b48-25zj6", "INFO", "t.s.TravelServiceImpl#548", "[getRestTicketNumber][Seat request]")
            }
            // route's other endpoint, called by basic's other step, keeps working.
            line("ts-basic-service-5dc8d4f9fd-46997", "INFO", "f.m.s.BasicServiceImpl#380", "[getRouteById][Get Route By Id]")
            line("ts-route-service-b6c59fb57-zv8dt", "INFO", "r.c.RouteController#47", "[getRouteById][Query route by id]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    let trainTicketTopology = """
        services:
          - name: ts-travel-service
            calls: [ts-basic-service]
          - name: ts-basic-service
            calls: [ts-route-service]
          - name: ts-route-service
        """

    @Test("a dependency that fails at its entry is patient zero, cited by the call it left unanswered")
    func silentRootRanksFirst() throws {
        let report = try analyse(trainTicketLog(silentFrom: 45), topology: trainTicketTopology)
        let top = try #require(report.hypotheses.first)
        #expect(top.service == "ts-route-service" && top.signal == "unanswered_calls", "\(report.hypotheses.prefix(3).map { ($0.service, $0.signal) })")
        #expect(report.evidence.contains { $0.text.contains("BasicServiceImpl#405") }, "the unanswered call is cited")
        let first = try #require(report.recommendations.first)
        #expect(
            first.service == "ts-route-service" && first.title == "Find where ts-route-service fails calls before it logs"
                && first.commands.contains("kubectl get endpoints ts-route-service   # a ready pod behind the Service?"),
            "the finding has its own steps, not the advice to read errors a silent service never logged: \(first)")
    }

    @Test("when the caller says why the call failed, its complaint is the evidence, not an unanswered call")
    func complaintIsItsOwnEvidence() throws {
        let report = try analyse(trainTicketLog(silentFrom: 45, complaint: true), topology: trainTicketTopology)
        #expect(!report.hypotheses.contains { $0.signal == "unanswered_calls" })
    }
}
