import CausewaySimulator
import Foundation

/// A small shop: every fault kind has at least one valid root in it.
let shop: SimulatedTopology = {
    do {
        return try SimulatedTopology(services: [
            .init(name: "api-gateway", role: .gateway, calls: ["web-frontend", "checkout-api"]),
            .init(name: "web-frontend", role: .frontend, calls: ["checkout-api", "catalog-api"]),
            .init(name: "checkout-api", role: .api, calls: ["payments-worker", "orders-service", "redis-sessions"]),
            .init(name: "catalog-api", role: .api, calls: ["catalog-db", "redis-sessions"]),
            .init(name: "orders-service", role: .api, calls: ["orders-db", "kafka"]),
            .init(name: "payments-worker", role: .worker, calls: ["payments-db", "stripe-gateway", "kafka"]),
            .init(name: "orders-consumer", role: .consumer, calls: ["kafka", "orders-db"]),
            .init(name: "catalog-db", role: .database),
            .init(name: "orders-db", role: .database),
            .init(name: "payments-db", role: .database),
            .init(name: "redis-sessions", role: .cache),
            .init(name: "kafka", role: .queue),
            .init(name: "stripe-gateway", role: .external),
        ])
    } catch {
        fatalError("fixture topology is invalid: \(error)")
    }
}()

/// The log files of a case, Kubernetes events left out.
func logFiles(_ c: SimulatedCase) -> [SimulatedCase.File] {
    c.files.filter { !$0.relativePath.hasSuffix("k8s-events.json") }
}

/// Parses JSON text into an object, or nil.
func jsonObject(_ text: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
}

/// The lines of a text, without the final empty one.
func lines(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0 }
}
