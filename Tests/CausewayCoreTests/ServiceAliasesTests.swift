@testable import CausewayCore
import Testing

@Suite("ServiceAliases")
struct ServiceAliasesTests {
    @Test("a folder's, a namespace's and machines' spellings of one service become its hyphenated name")
    func spellings() {
        let aliases = ServiceAliases.resolve(["ledgerapi", "fabrikam.ledger.api", "ledger01", "ledger02", "checkout-api", "ca02"])
        #expect(aliases == ["ledgerapi": "ledger-api", "fabrikam.ledger.api": "ledger-api", "ledger01": "ledger-api", "ledger02": "ledger-api"])
    }

    @Test("a namespace ending in a kind of service is that service without its company's prefix")
    func namespace() {
        #expect(ServiceAliases.resolve(["acme.payments.worker", "checkout-api"]) == ["acme.payments.worker": "payments-worker"])
    }

    @Test("a declared service is the canonical spelling; separators alone do not make two services")
    func declared() {
        #expect(ServiceAliases.resolve(["orders_api", "ordersapi"], declared: ["orders-api"]) == ["orders_api": "orders-api", "ordersapi": "orders-api"])
        #expect(ServiceAliases.resolve(["payments-worker", "paymentsworker"]) == ["paymentsworker": "payments-worker"])
    }

    @Test(
        "leaves apart what is not a spelling: hosts in a domain, generic machine words, two services one word could start, lone names",
        arguments: [
            ["shop.fabrikam.com", "shop-fabrikam"] as Set<ServiceName>,
            ["node01", "node-exporter"],
            ["web01", "web-frontend"],
            ["orders01", "orders-api", "orders-worker"],
            ["ledger01"],
            ["com.acme.billing", "payments-api"],
        ])
    func leavesApart(names: Set<ServiceName>) {
        #expect(ServiceAliases.resolve(names).isEmpty)
    }
}
