import CausewayAnalysis
import CausewayCore
import CausewayIngest
import Foundation
import Testing

@Suite("Lines that stopped following each other in a request's trace")
struct LostSuccessorsTests {
    typealias Step = (service: ServiceName, template: String, level: LogLevel)

    /// `requests` traces, one every 2 s from 10:00:00, each the lines `before` lists, or from request `changeAt`
    /// on those `after` lists, 5 ms apart. With `duplicated`, every line of `twice` is collected twice.
    func traces(
        _ before: [Step], then after: [Step], changeAt: Int, requests: Int = 40, twice: ServiceName? = nil
    ) -> [TracedLine] {
        var lines: [TracedLine] = []
        let origin = try! #require(TimestampParser.parse("2026-05-24T10:00:00Z"))
        var number = 0
        for r in 0..<requests {
            let clockStart = 36_000.0 + Double(r) * 2
            for (position, step) in (r < changeAt ? before : after).enumerated() {
                let clock = clockStart + Double(position) * 0.005
                for _ in 0..<(step.service == twice ? 2 : 1) {
                    number += 1
                    lines.append(
                        TracedLine(
                            service: step.service, trace: UInt64(1000 + r), time: origin.adding(seconds: clock - 36_000), clock: clock,
                            level: step.level, location: SourceLocation(file: "app.log", line: number),
                            template: "\(step.service)/\(step.template)"))
                }
            }
        }
        return lines.sorted { ($0.trace, $0.clock, $0.location) < ($1.trace, $1.clock, $1.location) }
    }

    let answered: [Step] = [("basic", "call", .info), ("route", "entry", .info), ("basic", "next", .info)]
    let unanswered: [Step] = [("basic", "call", .info), ("basic", "next", .info)]
    let complained: [Step] = [("basic", "call", .info), ("basic", "failed", .error), ("basic", "next", .info)]

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
        let found = LostSuccessor.measure(traces(answered, then: unanswered, changeAt: 20), topology: topology(), window: window())
        let calls = try #require(found.first)
        #expect(found.count == 1)
        #expect(calls.kind == .call && calls.service == "basic" && calls.successor == "route" && calls.site == "basic/call")
        #expect(calls.linesBefore == 20 && calls.followedBefore == 20)
        #expect(calls.linesDuring == 20 && calls.followedDuring == 0)
        #expect(calls.onset == TimestampParser.parse("2026-05-24T10:00:40Z")!)
        #expect(calls.successorLine.service == "route" && calls.nextLine.template == "basic/next")
        #expect(LostSuccessor.suspects(found).map(\.service) == ["route"])
    }

    @Test("a caller that says why its call failed, steady answers, a callee outside the topology or a change long before the window raise nothing")
    func nothingToClaim() {
        #expect(LostSuccessor.measure(traces(answered, then: complained, changeAt: 20), topology: topology(), window: window()).isEmpty)
        #expect(LostSuccessor.measure(traces(answered, then: answered, changeAt: 0), topology: topology(), window: window()).isEmpty)
        #expect(LostSuccessor.measure(traces(answered, then: unanswered, changeAt: 20), topology: Topology(), window: window()).isEmpty)
        let late = window(from: "2026-05-24T10:03:00Z")
        #expect(
            LostSuccessor.measure(traces(answered, then: unanswered, changeAt: 20), topology: topology(), window: late).isEmpty,
            "answers that stopped two minutes before the window are an older condition")
    }

    @Test("a line collected twice is not one its twin left unfollowed")
    func duplicatedLines() {
        #expect(
            LostSuccessor.measure(traces(answered, then: answered, changeAt: 40, twice: "basic"), topology: topology(), window: window())
                .isEmpty)
        let found = LostSuccessor.measure(traces(answered, then: unanswered, changeAt: 20, twice: "basic"), topology: topology(), window: window())
        #expect(found.map(\.successor) == ["route"])
    }

    @Test("a few unfollowed lines are not enough to claim anything")
    func tooFewLines() {
        #expect(LostSuccessor.measure(traces(answered, then: unanswered, changeAt: 36), topology: topology(), window: window()).isEmpty)
    }

    @Test("a service's own step that stopped following the one before it is a request cut short, about the service")
    func stepCutShort() throws {
        let whole: [Step] = [("travel", "entry", .info), ("travel", "compute", .info), ("travel", "reply", .info)]
        let cut: [Step] = [("travel", "entry", .info), ("gateway", "failed", .error)]
        let found = LostSuccessor.measure(traces(whole, then: cut, changeAt: 20), topology: Topology(), window: window())
        let step = try #require(found.first)
        #expect(found.count == 1, "\(found.map { ($0.site, $0.successorStep) })")
        #expect(step.kind == .step && step.service == "travel" && step.successor == "travel")
        #expect(step.site == "travel/entry" && step.successorStep == "travel/compute")
        #expect(step.nextLine.service == "gateway")
        #expect(LostSuccessor.suspects(found).map { "\($0.kind) \($0.service)" } == ["step travel"])
        // The service saying what went wrong is its own evidence.
        let said: [Step] = [("travel", "entry", .info), ("travel", "failed", .error)]
        #expect(LostSuccessor.measure(traces(whole, then: said, changeAt: 20), topology: Topology(), window: window()).isEmpty)
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
        #expect(!report.hypotheses.contains { $0.service == "ts-basic-service" && $0.signal == "cut_short" }, "basic carried on: nothing was cut short")
        #expect(
            first.service == "ts-route-service" && first.title == "Find where ts-route-service fails calls before it logs"
                && first.commands.contains("kubectl get endpoints ts-route-service   # a ready pod behind the Service?"),
            "the finding has its own steps, not the advice to read errors a silent service never logged: \(first)")
    }

    @Test("when the failure reaches no service where users arrive, the report claims no user-visible symptom anywhere")
    func noUserVisibleSymptom() throws {
        let topology = trainTicketTopology + """

              - name: ts-ui-dashboard
                role: frontend
                calls: [ts-travel-service]
            """
        let report = try analyse(trainTicketLog(silentFrom: 45), topology: topology)
        #expect(report.hypotheses.first?.service == "ts-route-service")
        #expect(report.severity.reason.contains("no user-facing service shows symptoms"), "\(report.severity)")
        #expect(report.detection == nil, "the severity says no user saw it, so no detection time from a user-visible symptom")
        #expect(!report.whys.contains { $0.question.contains("users were affected") }, "\(report.whys.map(\.question))")
    }

    @Test("without a topology file, the calls the traced lines show are enough to find the silent dependency")
    func silentRootWithoutTopology() throws {
        let report = try analyse(trainTicketLog(silentFrom: 45))
        #expect(report.topology.calls.contains { $0.caller == "ts-basic-service" && $0.callee == "ts-route-service" && $0.provenance == "traced" })
        #expect(report.hypotheses.first?.service == "ts-route-service", "\(report.hypotheses.prefix(3).map { ($0.service, $0.signal) })")
    }

    @Test("when the caller says why the call failed, its complaint is the evidence, not an unanswered call")
    func complaintIsItsOwnEvidence() throws {
        let report = try analyse(trainTicketLog(silentFrom: 45, complaint: true), topology: trainTicketTopology)
        #expect(!report.hypotheses.contains { $0.signal == "unanswered_calls" })
    }
}
