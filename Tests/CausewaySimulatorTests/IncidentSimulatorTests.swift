import CausewaySimulator
import Foundation
import Testing

@Suite("IncidentSimulator")
struct IncidentSimulatorTests {
    let simulator = IncidentSimulator()

    @Test("the same inputs give a byte-identical case")
    func deterministic() throws {
        for style in LogStyle.allCases {
            let a = try simulator.simulate(topology: shop, fault: .oom, root: "payments-worker", style: style, options: .hardest, seed: 99)
            let b = try simulator.simulate(topology: shop, fault: .oom, root: "payments-worker", style: style, options: .hardest, seed: 99)
            #expect(a == b)
            #expect(a.allFiles.map(\.contents) == b.allFiles.map(\.contents))
        }
        let c = try simulator.simulate(topology: shop, fault: .oom, root: "payments-worker", style: .plain, options: .hardest, seed: 100)
        let d = try simulator.simulate(topology: shop, fault: .oom, root: "payments-worker", style: .plain, options: .hardest, seed: 99)
        #expect(c.files != d.files)
    }

    @Test("a suite is reproducible from its seed")
    func suiteDeterministic() {
        let a = simulator.suite(count: 6, seed: 5)
        let b = simulator.suite(count: 6, seed: 5)
        #expect(a == b)
    }

    @Test("every fault, in several styles, has a valid root and a propagation up the callers to an entry",
          arguments: FaultKind.allCases)
    func truthIsConsistent(fault: FaultKind) throws {
        let roots = fault.validRoots(in: shop)
        #expect(!roots.isEmpty)
        for (k, style) in [LogStyle.plain, .json, .kubectlPrefix, .mixed].enumerated() {
            let root = roots[k % roots.count]
            let c = try simulator.simulate(topology: shop, fault: fault, root: root, style: style,
                                           options: SimulationOptions(), seed: UInt64(k * 31 + fault.rawValue.count))
            let truth = c.truth
            #expect(truth.service == root)
            #expect(fault.canStrike(truth.service, in: shop))
            #expect(truth.propagation.first == root)
            for (callee, caller) in zip(truth.propagation, truth.propagation.dropFirst()) {
                #expect(shop.callers(of: callee).contains(caller), "\(caller) does not call \(callee)")
            }
            let last = try #require(truth.propagation.last)
            #expect(shop.callers(of: last).isEmpty, "\(fault.rawValue): propagation ends at \(last), which has callers")
            #expect(Set(truth.propagation).isSubset(of: Set(truth.affected)))
            #expect(truth.affected.contains(root))
            #expect(Set(truth.acceptableRoots).isSubset(of: Set(shop.services.map(\.name))))
            #expect(!truth.acceptableRoots.contains(root))
            // truth.json follows FORMAT.md.
            let json = try #require(jsonObject(c.truthJSON))
            let rootCause = try #require(json["root_cause"] as? [String: Any])
            #expect(rootCause["service"] as? String == root)
            #expect(rootCause["fault"] as? String == fault.rawValue)
            let start = try #require(rootCause["start"] as? String)
            #expect(start.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil)
            #expect(json["propagation"] as? [String] == truth.propagation)
            #expect(json["affected"] as? [String] == truth.affected)
            #expect(json["acceptable_roots"] as? [String] == truth.acceptableRoots)
            #expect(json["notes"] is String)
            #expect(c.topologyYAML == shop.yaml)
            #expect(c.files.allSatisfy { $0.relativePath.hasPrefix("logs/") && !$0.contents.isEmpty })
        }
    }

    @Test("without gateway errors the failure stops below the user-facing entry")
    func containedIncident() throws {
        var options = SimulationOptions()
        options.gatewayErrors = false
        let c = try simulator.simulate(topology: shop, fault: .cacheDown, root: "redis-sessions", style: .plain, options: options, seed: 3)
        #expect(!c.truth.affected.contains("api-gateway"))
        #expect(!c.truth.affected.contains("web-frontend"))
        #expect(c.truth.propagation.first == "redis-sessions")
    }

    @Test("json style: every line of every log file is a JSON object", arguments: 0..<6)
    func jsonLinesParse(seed: Int) throws {
        let fault = FaultKind.allCases[seed * 5 % FaultKind.allCases.count]
        let root = fault.validRoots(in: shop)[0]
        let c = try simulator.simulate(topology: shop, fault: fault, root: root, style: .json, options: .hardest, seed: UInt64(seed))
        var count = 0
        for file in logFiles(c) {
            for line in lines(file.contents) {
                count += 1
                #expect(jsonObject(String(line)) != nil, "not JSON in \(file.relativePath): \(line.prefix(200))")
            }
        }
        #expect(count > 100)
    }

    @Test("Kubernetes events are a kubectl get events -o json list")
    func kubernetesEvents() throws {
        let c = try simulator.simulate(topology: shop, fault: .crashLoop, root: "checkout-api", style: .plain, options: .hardest, seed: 11)
        let file = try #require(c.files.first { $0.relativePath == "logs/k8s-events.json" })
        let json = try #require(jsonObject(file.contents))
        #expect(json["kind"] as? String == "List")
        let items = try #require(json["items"] as? [[String: Any]])
        let reasons = items.compactMap { $0["reason"] as? String }
        #expect(reasons.contains("BackOff"))
        #expect(items.allSatisfy { $0["kind"] as? String == "Event" && $0["involvedObject"] is [String: Any] })
    }

    @Test("a silent root writes no line of its own, in any style", arguments: LogStyle.allCases)
    func silentRoot(style: LogStyle) throws {
        var options = SimulationOptions.hardest
        options.silentRoot = true
        for (fault, root) in [(FaultKind.oom, "payments-worker"), (.slowQuery, "orders-db"), (.badDeploy, "checkout-api")] {
            let c = try simulator.simulate(topology: shop, fault: fault, root: root, style: style, options: options, seed: 17)
            for file in logFiles(c) {
                #expect(!file.relativePath.contains("/\(root)-"), "a file of the root: \(file.relativePath)")
                for line in lines(file.contents) {
                    #expect(!emittedBy(root, line), "\(style) line from \(root): \(line.prefix(160))")
                }
            }
            #expect(c.truth.affected.contains(root))
            #expect(logFiles(c).contains { $0.contents.contains(root) }, "callers must name the silent root")
        }
    }

    /// Whether a rendered line carries `service` as its emitter in any style's envelope.
    private func emittedBy(_ service: String, _ line: Substring) -> Bool {
        let s = String(line)
        if s.hasPrefix("\(service)-1 ") || s.hasPrefix("\(service)-2 ") || s.hasPrefix("[pod/\(service)-") { return true }
        let tokens = s.split(separator: " ", maxSplits: 6).map(String.init)
        if tokens.count > 2, tokens[0].first?.isNumber == true, tokens[2] == service { return true }  // plain
        if tokens.count > 4, tokens[0].first?.isNumber == true, tokens[4] == service { return true }  // wrapped
        if s.contains("service=\(service) ") || s.contains("app=\(service) ") || s.contains("svc=\(service) ") { return true }
        if let object = jsonObject(s) {
            for key in ["service", "app", "service.name"] where object[key] as? String == service { return true }
            if (object["service"] as? [String: Any])?["name"] as? String == service { return true }
        }
        return false
    }

    @Test("a suite of 28 covers every fault kind and every style, with valid roots and unique names")
    func suiteCoverage() throws {
        let cases = simulator.suite(count: 28, seed: 2026)
        #expect(cases.count == 28)
        #expect(Set(cases.map(\.truth.fault)) == Set(FaultKind.allCases))
        #expect(Set(cases.map(\.style)) == Set(LogStyle.allCases))
        #expect(Set(cases.map(\.name)).count == 28)
        #expect(cases[7].name.hasPrefix("sim-0007-\(cases[7].truth.fault.rawValue)-"))
        for c in cases {
            #expect(c.truth.fault.canStrike(c.truth.service, in: c.topology), "\(c.name)")
            #expect(try SimulatedTopology(parsing: c.topologyYAML) == c.topology)
            for (callee, caller) in zip(c.truth.propagation, c.truth.propagation.dropFirst()) {
                #expect(c.topology.callers(of: callee).contains(caller), "\(c.name): \(caller) does not call \(callee)")
            }
        }
    }

    @Test("an invalid root is refused with a reason")
    func invalidRoot() {
        #expect(throws: SimulatorError.self) {
            try simulator.simulate(topology: shop, fault: .slowQuery, root: "api-gateway", style: .plain, seed: 1)
        }
        #expect(throws: SimulatorError.self) {
            try simulator.simulate(topology: shop, fault: .oom, root: "nowhere", style: .plain, seed: 1)
        }
    }

    @Test("a burst stamps many lines with one timestamp")
    func burst() throws {
        var options = SimulationOptions()
        options.identicalTimestampBurst = true
        let c = try simulator.simulate(topology: shop, fault: .cacheDown, root: "redis-sessions", style: .plain, options: options, seed: 8)
        var counts: [Substring: Int] = [:]
        for line in lines(logFiles(c)[0].contents) where line.first?.isNumber == true {
            counts[line.prefix(24), default: 0] += 1
        }
        #expect((counts.values.max() ?? 0) >= 5)
    }

    @Test("symptom floods: a caller logs at least ten times as many problem lines as the root")
    func flood() throws {
        var options = SimulationOptions()
        options.symptomFlood = true
        options.retries = false
        let c = try simulator.simulate(topology: shop, fault: .thirdPartyOutage, root: "stripe-gateway", style: .plain, options: options, seed: 4)
        let text = logFiles(c)[0].contents
        let problems = lines(text).filter { $0.contains(" ERROR ") || $0.contains(" WARN") }
        let caller = problems.filter { $0.split(separator: " ")[2] == "payments-worker" }.count
        #expect(caller >= 60)

        let oom = try simulator.simulate(topology: shop, fault: .badDeploy, root: "orders-service", style: .plain, options: options, seed: 4)
        let oomLines = lines(logFiles(oom)[0].contents).filter { $0.contains(" ERROR ") || $0.contains(" WARN") }
        let rootCount = oomLines.filter { $0.split(separator: " ")[2] == "orders-service" }.count
        let callerCount = oomLines.filter { $0.split(separator: " ")[2] == "checkout-api" }.count
        #expect(rootCount > 0 && callerCount >= 10 * rootCount, "root \(rootCount), caller \(callerCount)")
    }

    @Test("a case writes its folder: logs, topology.yaml and truth.json")
    func writes() throws {
        let c = try simulator.simulate(topology: shop, fault: .diskFull, root: "orders-db", style: .perServiceFiles, seed: 21)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("causeway-sim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try c.write(to: folder)
        for file in c.allFiles {
            let written = try String(contentsOf: folder.appendingPathComponent(file.relativePath), encoding: .utf8)
            #expect(written == file.contents)
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("truth.json").path))
    }
}
