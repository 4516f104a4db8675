import CausewayAnalysis
import CausewayCore
@testable import CausewayHistory
import Foundation
import Testing

@Suite("Incident ids and signatures")
struct SignatureTests {
    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("the id is derived from content: the same report gives the same id, whatever its similar incidents and generator")
    func idFromContent() throws {
        let report = try analyse(Incidents.paymentsOOM)
        let id = IncidentID(of: report)
        #expect(id.rawValue.hasPrefix("INC-") && id.rawValue.count == 16)
        #expect(IncidentID(of: try analyse(Incidents.paymentsOOM)) == id)
        var changed = report
        changed.generator = "causeway 99.0.0"
        changed.similarIncidents = SimilarIncidents(searched: true, note: "x", matches: [])
        #expect(IncidentID(of: changed) == id)
        #expect(IncidentID(of: try analyse(Incidents.paymentsOOMAgain)) != id)
    }

    @Test("ids are parsed as printed, case-insensitively, and nothing else is an id")
    func parsing() {
        #expect(IncidentID("INC-3fa9c1d2e4b7")?.rawValue == "INC-3fa9c1d2e4b7")
        #expect(IncidentID("inc-3FA9C1D2E4B7")?.rawValue == "INC-3fa9c1d2e4b7")
        #expect(IncidentID("INC-3fa9") == nil)
        #expect(IncidentID("3fa9c1d2e4b7") == nil)
        #expect(IncidentID("INC-3fa9c1d2e4bz") == nil)
    }

    @Test("words: split at punctuation and case changes, without numbers, short words or function words")
    func tokens() {
        #expect(
            Tokenizer.tokens(in: "java.lang.OutOfMemoryError: heap=512MiB rss 731MiB, killing the process")
                == ["java", "lang", "memory", "error", "heap", "rss", "killing", "process"])
        #expect(Tokenizer.tokens(in: "Redis CLUSTERDOWN for pod-7f9c") == ["redis", "clusterdown", "pod"])
    }

    @Test("the signature reads patient zero, path, roles, services with symptoms, templates and terms off the report")
    func signature() throws {
        let report = try analyse(Incidents.paymentsOOM)
        let signature = IncidentSignature(report: report)
        #expect(signature.patientZero == .init(service: "payments-worker", role: .worker, signal: "oom"))
        #expect(signature.propagationPath == ["payments-worker", "checkout-api", "api-gateway"])
        #expect(signature.pathRoles == [.worker, .api, .gateway])
        #expect(signature.services.map(\.name) == ["api-gateway", "checkout-api", "payments-worker"])
        #expect(signature.templates.contains { $0.pattern == "Upstream checkout-api <*> rate <*> over last <*>" })
        let keys = signature.terms.map(\.key)
        #expect(keys.contains("signal:oom") && keys.contains("signal:circuit_open") && keys.contains("token:heap"))
        #expect(keys == keys.sorted(), "terms are stored in a stable order")
        #expect(signature.title == report.title && signature.severity == report.severity.level)
    }
}
