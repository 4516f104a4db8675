import CausewayAnalysis
import CausewayCore
import CausewayIngest
import Foundation
import Testing

@Suite("Anomaly model")
struct AnomalyModelTests {
    /// `08:00:00` plus `seconds`, as an RFC 3339 time.
    func time(_ seconds: Int) -> String {
        String(format: "2025-05-14T%02d:%02d:%02dZ", 8 + seconds / 3600, (seconds / 60) % 60, seconds % 60)
    }

    /// The templates of `lines` (seconds after 08:00, text), in time order as one file, and their anomaly model.
    func scored(_ lines: [(Int, String)]) throws -> ([LogTemplate], AnomalyModel) {
        let text = lines.sorted { $0.0 < $1.0 }.map { "\(time($0.0)) \($0.1)" }.joined(separator: "\n")
        var ingestor = LogIngestor(rulebook: try SignalRulebook.bundled())
        ingestor.ingest(data: Data(text.utf8), displayPath: "app.log")
        let templates = ingestor.finish().templates
        return (templates, AnomalyModel(templates: templates))
    }

    @Test("trouble that began minutes before the surge, after a quiet history, is how the incident began; chronic trouble is not")
    func precursor() throws {
        var lines: [(Int, String)] = []
        for second in stride(from: 0, to: 1500, by: 5) {
            lines.append((second, "INFO payments-api request served in 12ms"))
            lines.append((second, "INFO secrets-api request handled"))
        }
        // Chronic: there from the start, at the same rate throughout.
        for second in stride(from: 30, to: 1500, by: 60) { lines.append((second, "ERROR cart-api upstream reset by peer")) }
        // The precursor: renewals denied from 08:15:20, every 20 s.
        for second in stride(from: 920, to: 1500, by: 20) { lines.append((second, "ERROR secrets-api permission denied")) }
        // The surge from 08:20: every pool connection fails.
        for second in 1200..<1500 {
            for _ in 0..<4 { lines.append((second, "ERROR payments-api password authentication failed for user")) }
        }
        let (templates, model) = try scored(lines)
        let window = try #require(model.window)
        func anomaly(_ service: ServiceName) throws -> TemplateAnomaly {
            let template = try #require(templates.first { $0.service == service && $0.level == .error })
            return try #require(model.anomalies[template.id])
        }
        // The window starts at the surge, minutes after the denials began.
        #expect(window.start > TimestampParser.parse(time(1100))! && window.start < TimestampParser.parse(time(1200))!)
        let denied = try anomaly("secrets-api")
        #expect(denied.kind == .new)
        #expect(denied.score == 1)
        #expect(denied.onset == TimestampParser.parse(time(920)))
        #expect(try anomaly("cart-api").score < 0.5)
    }

    @Test("sparse trouble absent for a short while before the surge is no precursor: its absence means nothing at its rate")
    func sparseIsNoPrecursor() throws {
        var lines: [(Int, String)] = []
        for second in stride(from: 0, to: 800, by: 5) { lines.append((second, "INFO payments-api request served in 12ms")) }
        // A line a minute from 250 s: four minutes without one say nothing.
        for second in stride(from: 250, to: 800, by: 60) { lines.append((second, "WARN mysql-main IP address could not be resolved")) }
        // Dense from 260 s: four minutes without one say it began there.
        for second in stride(from: 260, to: 800, by: 5) { lines.append((second, "ERROR secrets-api permission denied")) }
        for second in 500..<800 {
            for _ in 0..<4 { lines.append((second, "ERROR payments-api password authentication failed for user")) }
        }
        let (templates, model) = try scored(lines)
        let sparse = try #require(templates.first { $0.service == "mysql-main" })
        let dense = try #require(templates.first { $0.service == "secrets-api" })
        #expect(model.anomalies[sparse.id]?.kind != .new)
        #expect(model.anomalies[dense.id]?.kind == .new)
    }
}
