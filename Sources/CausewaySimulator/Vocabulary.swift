/// Names real systems use, for random topologies. `{d}` stands for a business domain.
enum Vocabulary {
    static let domains = [
        "orders", "payments", "checkout", "inventory", "cart", "catalog", "users", "accounts", "auth", "shipping",
        "notifications", "search", "recommendations", "pricing", "reviews", "billing", "invoices", "fraud", "ledger",
        "profile", "wishlist", "promotions", "loyalty", "media", "reporting", "fulfillment", "returns",
        "subscriptions", "coupons", "tax",
    ]
    static let gateways = ["api-gateway", "edge-gateway", "ingress-nginx", "envoy-edge", "gateway", "public-gateway"]
    static let frontends = ["web-frontend", "storefront", "web", "shop-bff", "mobile-bff", "web-app"]
    static let apiPatterns = ["{d}-api", "{d}-service", "{d}-service", "{d}-svc", "{d}", "{d}-api"]
    static let workerPatterns = ["{d}-worker", "{d}-worker", "{d}-jobs", "{d}-batch-worker"]
    static let consumerPatterns = ["{d}-consumer", "{d}-events-consumer", "{d}-processor", "{d}-listener"]
    static let databasePatterns = ["{d}-db", "{d}-db", "{d}-postgres", "postgres", "{d}-mysql", "mysql-main", "{d}-pg"]
    static let cachePatterns = ["redis-sessions", "redis-cache", "{d}-redis", "redis", "rate-limit-redis", "{d}-cache"]
    static let queues = ["kafka", "kafka", "rabbitmq", "kafka-events", "{d}-rabbitmq"]
    static let externals = [
        "stripe-gateway", "stripe-api", "sendgrid-api", "twilio-api", "paypal-api", "shippo-api", "maps-api", "auth0",
    ]
}
