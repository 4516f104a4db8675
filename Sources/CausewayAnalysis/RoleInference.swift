public import CausewayCore

/// Guesses a service's role from the words in its name.
///
/// The last word that names a role wins, because in English compounds the head noun comes last:
/// `api-gateway` is a gateway, `kafka-consumer` a consumer, `redis-cache` a cache, `orders-db` a database.
public enum RoleInference {
    static let words: [String: ServiceRole] = [
        "gateway": .gateway, "gw": .gateway, "ingress": .gateway, "proxy": .gateway, "edge": .gateway,
        "nginx": .gateway, "envoy": .gateway, "haproxy": .gateway, "traefik": .gateway, "lb": .gateway,
        "loadbalancer": .gateway,
        "frontend": .frontend, "web": .frontend, "ui": .frontend, "webapp": .frontend, "bff": .frontend,
        "storefront": .frontend, "portal": .frontend, "site": .frontend,
        "api": .api, "apis": .api, "graphql": .api, "grpc": .api, "rest": .api,
        "worker": .worker, "workers": .worker, "job": .worker, "jobs": .worker, "cron": .worker, "batch": .worker,
        "processor": .worker, "scheduler": .worker, "daemon": .worker,
        "consumer": .consumer, "listener": .consumer, "subscriber": .consumer, "ingester": .consumer,
        "cache": .cache, "redis": .cache, "memcached": .cache, "memcache": .cache, "valkey": .cache,
        "db": .database, "database": .database, "postgres": .database, "postgresql": .database, "pg": .database,
        "mysql": .database, "mariadb": .database, "mongo": .database, "mongodb": .database,
        "cassandra": .database, "sql": .database, "elasticsearch": .database, "es": .database,
        "dynamodb": .database, "store": .database, "storage": .database, "scylla": .database, "scylladb": .database,
        "opensearch": .database, "cockroachdb": .database, "tidb": .database, "yugabytedb": .database,
        "timescaledb": .database, "couchbase": .database, "couchdb": .database, "clickhouse": .database,
        "keydb": .cache, "dragonfly": .cache, "dragonflydb": .cache, "redpanda": .queue, "pulsar": .queue,
        "queue": .queue, "kafka": .queue, "rabbitmq": .queue, "rabbit": .queue, "nats": .queue, "sqs": .queue,
        "broker": .queue, "mq": .queue, "pubsub": .queue, "bus": .queue,
        "external": .external, "thirdparty": .external, "stripe": .external, "paypal": .external,
        "twilio": .external, "sendgrid": .external, "partner": .external, "vendor": .external,
    ]

    /// Third parties' product names: `paypal-api` is PayPal's API, an external dependency, whatever head
    /// follows (unless a word naming another role does: `stripe-webhook-consumer` is ours).
    static let vendors: Set<String> = [
        "stripe", "paypal", "twilio", "sendgrid", "auth0", "okta", "braintree", "adyen", "mailgun", "plaid",
        "mailchimp", "shippo", "algolia", "mapbox", "segment", "pagerduty", "slack", "salesforce", "zendesk",
    ]

    /// Generic heads (`orders-service`, `auth-server`): they make a service an API only when no other word
    /// in the name says more (`ts-gateway-service` is a gateway).
    static let weakWords: [String: ServiceRole] = [
        "service": .api, "svc": .api, "server": .api, "backend": .api, "app": .api, "srv": .api,
    ]

    /// The role a name implies, or nil when none of its words names one.
    public static func role(forName name: ServiceName) -> ServiceRole? {
        var strong: ServiceRole?
        var weak: ServiceRole?
        var vendor = false
        for word in name.rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }) {
            if vendors.contains(String(word)) { vendor = true }
            if let role = words[String(word)] { strong = role }
            if let role = weakWords[String(word)] { weak = role }
        }
        // A vendor's name with only an API-like head (`paypal-api`, `stripe-service`) is the vendor's API.
        if vendor, strong == nil || strong == .api || strong == .external { return .external }
        return strong ?? weak
    }
}
