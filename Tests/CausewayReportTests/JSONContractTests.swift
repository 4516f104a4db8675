import CausewayAnalysis
import CausewayReport
import Foundation
import Testing

/// The fields FORMAT.md says scoring reads, checked on the JSON text itself.
@Suite("JSON contract")
struct JSONContractTests {
    @Test("report.json carries the FORMAT.md fields with their meaning")
    func contract() throws {
        let data = JSONReportWriter.data(try demoReport())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)

        let hypotheses = try #require(object["hypotheses"] as? [[String: Any]])
        #expect(!hypotheses.isEmpty)
        var total = 0.0
        for (index, hypothesis) in hypotheses.enumerated() {
            #expect(hypothesis["rank"] as? Int == index + 1)
            #expect(hypothesis["service"] is String)
            #expect(hypothesis["signal"] is String)
            let confidence = try #require(hypothesis["confidence"] as? Double)
            #expect((0...1).contains(confidence))
            total += confidence
            let evidence = try #require(hypothesis["evidence"] as? [[String: Any]])
            for ref in evidence {
                #expect(ref["file"] is String)
                #expect(ref["line"] is Int)
            }
        }
        #expect(total <= 1)

        let zero = try #require(object["patientZero"] as? [String: Any])
        #expect(zero["service"] as? String == hypotheses[0]["service"] as? String)
        #expect(zero["signal"] is String)
        #expect((zero["time"] as? String)?.hasSuffix("Z") == true)

        let path = try #require(object["propagationPath"] as? [String])
        #expect(path.first == zero["service"] as? String)

        let affected = try #require(object["affectedServices"] as? [[String: Any]])
        for service in affected {
            #expect(["down", "degraded", "at-risk"].contains(service["health"] as? String ?? ""))
            #expect(service["service"] is String)
            #expect(service["role"] is String)
        }
    }

    @Test("keys are sorted, so the bytes are stable")
    func sortedKeys() throws {
        let text = JSONReportWriter.string(try demoReport())
        let topLevelKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topLevelKeys == topLevelKeys.sorted())
        #expect(topLevelKeys.contains("ingest"))
    }

    @Test("a report.json written before the hypothesis paths, hop events and graph counts existed still decodes")
    func olderReportsDecode() throws {
        let data = JSONReportWriter.data(try demoReport())
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["hypotheses"] = (object["hypotheses"] as? [[String: Any]])?.map { h in
            h.filter { !["event", "propagationPath", "propagationSteps"].contains($0.key) }
        }
        object["propagationSteps"] = (object["propagationSteps"] as? [[String: Any]])?.map { hop in
            hop.filter { !["causeEvent", "effectEvent", "causeTime", "effectTime"].contains($0.key) }
        }
        var graph = try #require(object["graph"] as? [String: Any])
        for key in ["servicesTotal", "servicesDrawn", "servicesCollapsed"] { graph[key] = nil }
        graph["nodes"] = (graph["nodes"] as? [[String: Any]])?.map { $0.filter { $0.key != "members" } }
        object["graph"] = graph
        object["timeline"] = (object["timeline"] as? [[String: Any]])?.map { $0.filter { $0.key != "event" } }
        let old = try JSONSerialization.data(withJSONObject: object)
        #expect(!String(decoding: old, as: UTF8.self).contains("propagationSteps\":[{\"causeEvent"))
        let decoded = try JSONDecoder().decode(IncidentReport.self, from: old)
        #expect(decoded.hypotheses.first?.propagationPath == [decoded.hypotheses[0].service])
        #expect(decoded.hypotheses.first?.propagationSteps.isEmpty == true)
        #expect(decoded.graph.servicesDrawn == decoded.graph.nodes.filter { $0.kind == "service" }.count)
    }
}
