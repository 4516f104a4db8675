/// What callers print when a cache, database, broker or third-party API fails them.
extension Phrasebook {
    // MARK: Redis

    static func redis(_ f: DependencyFailure, _ c: CallContext, using rng: inout SimulatorRandom) -> Line {
        let addr = "\(c.host):\(c.port)"
        let misconf = "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error."
        let key = "\(rng.pick(["session", "cart", "rate", c.caller.noun, "user"])):\(rng.hex(12))"
        switch c.caller.runtime {
        case .java:
            var exception: String
            var causes: [String] = []
            switch f {
            case .refused, .reset, .noRoute:
                exception = "org.springframework.data.redis.RedisConnectionFailureException: Unable to connect to Redis"
                causes = ["io.lettuce.core.RedisConnectionException: Unable to connect to \(c.host)/<unresolved>:\(c.port)",
                          f == .noRoute ? "io.netty.channel.ConnectTimeoutException: connection timed out after 10000 ms: \(c.host)/\(c.dep.ip):\(c.port)"
                          : "io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: \(c.host)/\(c.dep.ip):\(c.port)"]
            case .timeout:
                exception = "org.springframework.dao.QueryTimeoutException: Redis command timed out"
                causes = ["io.lettuce.core.RedisCommandTimeoutException: Command timed out after \(rng.pick(["1 minute(s)", "10 second(s)", "2 second(s)"]))"]
            case .clusterDown:
                exception = "org.springframework.data.redis.RedisSystemException: Error in execution"
                causes = ["io.lettuce.core.RedisCommandExecutionException: CLUSTERDOWN The cluster is down"]
            case .loading:
                exception = "org.springframework.data.redis.RedisSystemException: Error in execution"
                causes = ["io.lettuce.core.RedisCommandExecutionException: LOADING Redis is loading the dataset in memory"]
            case .readOnlyDisk:
                exception = "org.springframework.data.redis.RedisSystemException: Error in execution"
                causes = ["io.lettuce.core.RedisCommandExecutionException: \(misconf)"]
            case .tlsExpired:
                exception = "org.springframework.data.redis.RedisConnectionFailureException: Unable to connect to Redis"
                causes = ["io.lettuce.core.RedisConnectionException: Unable to connect to \(c.host)/\(c.dep.ip):\(c.port)",
                          "javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed"]
            default:
                exception = "org.springframework.data.redis.RedisSystemException: Unknown redis exception"
            }
            if !c.traces { exception += "; nested exception is " + (causes.last ?? "") }
            return javaLine(.error, exception, causes: causes, library: .lettuce, c, using: &rng)
        case .go:
            let err: String = switch f {
            case .refused, .reset: rng.pick(["dial tcp \(c.ipPort): connect: connection refused", "read tcp \(c.callerIP):\(rng.int(32768...60999))->\(c.ipPort): read: connection reset by peer"])
            case .timeout, .noRoute: rng.pick(["redis: connection pool timeout", "dial tcp \(c.ipPort): i/o timeout", "context deadline exceeded"])
            case .clusterDown: "CLUSTERDOWN The cluster is down"
            case .loading: "LOADING Redis is loading the dataset in memory"
            case .readOnlyDisk: misconf
            case .tlsExpired: "tls: failed to verify certificate: x509: certificate has expired or is not yet valid"
            default: "redis: client is closed"
            }
            return goStoreLine(err, c, what: rng.pick(["cache get", "failed to get \(key.prefix { $0 != ":" }) from \(c.label(using: &rng))", "redis"]), key: key, using: &rng)
        case .node:
            let err: String = switch f {
            case .refused, .reset: "Error: connect ECONNREFUSED \(c.ipPort)"
            case .timeout, .noRoute: rng.pick(["Error: connect ETIMEDOUT", "MaxRetriesPerRequestError: Reached the max retries per request limit (which is 20). Refer to \"maxRetriesPerRequest\" option for details."])
            case .clusterDown: "ReplyError: CLUSTERDOWN The cluster is down"
            case .loading: "ReplyError: LOADING Redis is loading the dataset in memory"
            case .readOnlyDisk: "ReplyError: \(misconf)"
            case .tlsExpired: "Error: certificate has expired"
            default: "Error: Connection is closed."
            }
            let unhandled = f == .refused && rng.chance(0.5)
            var line = Line(.error, unhandled ? "[ioredis] Unhandled error event: \(err)" : "\(rng.pick(["Cache lookup failed", "Redis error", "Failed to read session"])): \(err)")
            if c.mustName || c.technologyAmbiguous || rng.chance(0.4) { line.fields.append(("redis", addr)) }
            if c.traces { line.trace = [err] + StackTraces.node(library: "ioredis", service: c.caller, using: &rng) }
            return line
        default:
            let err: String = switch f {
            case .refused, .reset: "redis.exceptions.ConnectionError: Error 111 connecting to \(addr). Connection refused."
            case .noRoute: "redis.exceptions.ConnectionError: Error 113 connecting to \(addr). No route to host."
            case .timeout: rng.pick(["redis.exceptions.TimeoutError: Timeout reading from socket", "redis.exceptions.TimeoutError: Timeout connecting to server"])
            case .clusterDown: "redis.exceptions.ClusterDownError: The cluster is down"
            case .loading: "redis.exceptions.BusyLoadingError: Redis is loading the dataset in memory"
            case .readOnlyDisk: "redis.exceptions.ResponseError: \(misconf)"
            case .tlsExpired: "redis.exceptions.ConnectionError: Error 1 connecting to \(addr). [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)."
            default: "redis.exceptions.ConnectionError: Connection closed by server."
            }
            return pythonStoreLine(err, c, what: rng.pick(["Cache unavailable", "Failed to fetch \(key)", "redis call failed"]),
                                   library: "redis", using: &rng)
        }
    }

    // MARK: Databases

    static func database(_ f: DependencyFailure, _ c: CallContext, using rng: inout SimulatorRandom) -> Line {
        let mysql = c.dep.runtime == .mysql
        let table = c.caller.domain.filling("-", with: "_")
        let relfile = "base/\(rng.int(16384...16420))/\(rng.int(16400...99999))"
        let pids = (rng.int(1000...60000), rng.int(1000...60000), rng.int(100_000...9_999_999))
        switch c.caller.runtime {
        case .java:
            var exception: String
            var causes: [String] = []
            var library: StackTraces.JavaLibrary = mysql ? .mysql : .jdbc
            let pool = rng.chance(0.7) ? "HikariPool-1" : "\(c.caller.name)-pool"
            switch (f, mysql) {
            case (.refused, false), (.reset, false):
                exception = "org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection"
                causes = ["org.postgresql.util.PSQLException: Connection to \(c.hostPort) refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.",
                          "java.net.ConnectException: Connection refused"]
            case (.refused, true), (.reset, true):
                exception = "org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection"
                causes = ["com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\n\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.",
                          "java.net.ConnectException: Connection refused"]
            case (.timeout, _), (.noRoute, _):
                library = .hikari
                exception = "java.sql.SQLTransientConnectionException: \(pool) - Connection is not available, request timed out after \(rng.pick(["30000", "30001", "30003", "10000"]))ms."
                if f == .noRoute { causes = [mysql ? "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure" : "org.postgresql.util.PSQLException: The connection attempt failed.", "java.net.SocketTimeoutException: Connect timed out"] }
            case (.statementTimeout, false):
                exception = "org.springframework.dao.QueryTimeoutException: PreparedStatementCallback; SQL [select * from \(table) where id=?]; ERROR: canceling statement due to statement timeout"
                causes = ["org.postgresql.util.PSQLException: ERROR: canceling statement due to statement timeout"]
            case (.statementTimeout, true):
                exception = "com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException: Lock wait timeout exceeded; try restarting transaction"
            case (.deadlock, false):
                exception = "org.springframework.dao.CannotAcquireLockException: could not execute statement; SQL [n/a]; nested exception is org.hibernate.exception.LockAcquisitionException: could not execute statement"
                causes = ["org.postgresql.util.PSQLException: ERROR: deadlock detected\n  Detail: Process \(pids.0) waits for ShareLock on transaction \(pids.2); blocked by process \(pids.1).\nProcess \(pids.1) waits for ShareLock on transaction \(pids.2 + 3); blocked by process \(pids.0).\n  Hint: See server log for query details."]
            case (.deadlock, true):
                exception = "com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException: Deadlock found when trying to get lock; try restarting transaction"
            case (.tooManyClients, false):
                exception = "org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection"
                causes = ["org.postgresql.util.PSQLException: FATAL: sorry, too many clients already"]
            case (.tooManyClients, true):
                exception = "java.sql.SQLNonTransientConnectionException: Data source rejected establishment of connection,  message from server: \"Too many connections\""
            case (.diskFullWrite, false):
                exception = "org.springframework.dao.DataAccessResourceFailureException: could not execute statement"
                causes = ["org.postgresql.util.PSQLException: ERROR: could not extend file \"\(relfile)\": No space left on device\n  Hint: Check free disk space."]
            case (.diskFullWrite, true):
                exception = "java.sql.SQLException: The table '\(table)' is full"
            case (.recovering, false):
                exception = "org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection"
                causes = ["org.postgresql.util.PSQLException: FATAL: the database system is in recovery mode"]
            case (.recovering, true):
                exception = "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure"
            case (.tlsExpired, _):
                exception = "org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection"
                causes = [mysql ? "com.mysql.cj.exceptions.SSLParamsException: Connection is not secure: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed"
                          : "org.postgresql.util.PSQLException: SSL error: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed"]
            default:
                exception = "org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection"
            }
            if !c.traces, let first = causes.first, !exception.contains(first) { exception += "; nested exception is \(first)" }
            var line = javaLine(.error, exception, causes: causes, library: library, c, using: &rng)
            if c.mustName && !line.message.contains(c.dep.name) { line.fields.append(("db", c.dep.name)) }
            return line
        case .go:
            let target = "`host=\(c.host) user=\(table) database=\(table)`"
            let err: String
            if mysql {
                err = switch f {
                case .refused, .reset: "dial tcp \(c.ipPort): connect: connection refused"
                case .timeout, .noRoute: rng.pick(["context deadline exceeded", "dial tcp \(c.ipPort): i/o timeout", "driver: bad connection"])
                case .statementTimeout: "Error 1205 (HY000): Lock wait timeout exceeded; try restarting transaction"
                case .deadlock: "Error 1213 (40001): Deadlock found when trying to get lock; try restarting transaction"
                case .tooManyClients: "Error 1040: Too many connections"
                case .diskFullWrite: "Error 1114 (HY000): The table '\(table)' is full"
                case .recovering: "invalid connection"
                case .tlsExpired: "x509: certificate has expired or is not yet valid"
                default: "driver: bad connection"
                }
            } else {
                err = switch f {
                case .refused, .reset: "failed to connect to \(target): dial error (dial tcp \(c.ipPort): connect: connection refused)"
                case .timeout: rng.pick(["context deadline exceeded", "failed to acquire connection: context deadline exceeded", "timeout: context already done: context deadline exceeded"])
                case .noRoute: "failed to connect to \(target): dial error (timeout: dial tcp \(c.ipPort): i/o timeout)"
                case .statementTimeout: "ERROR: canceling statement due to statement timeout (SQLSTATE 57014)"
                case .deadlock: "ERROR: deadlock detected (SQLSTATE 40P01)"
                case .tooManyClients: "failed to connect to \(target): server error (FATAL: sorry, too many clients already (SQLSTATE 53300))"
                case .diskFullWrite: "ERROR: could not extend file \"\(relfile)\": No space left on device (SQLSTATE 53100)"
                case .recovering: "failed to connect to \(target): server error (FATAL: the database system is in recovery mode (SQLSTATE 57P03))"
                case .tlsExpired: "failed to connect to \(target): tls error (x509: certificate has expired or is not yet valid)"
                default: "conn closed"
                }
            }
            return goStoreLine(err, c, what: rng.pick(["query failed", "failed to load \(c.caller.noun)", "repository: \(rng.pick(["insert", "select", "update"])) \(table)", "db"]), key: nil, using: &rng)
        case .node:
            let err: String
            if mysql {
                err = switch f {
                case .refused, .reset: "Error: connect ECONNREFUSED \(c.ipPort)"
                case .timeout, .noRoute: "Error: connect ETIMEDOUT"
                case .statementTimeout: "Error: Lock wait timeout exceeded; try restarting transaction"
                case .deadlock: "Error: Deadlock found when trying to get lock; try restarting transaction"
                case .tooManyClients: "Error: Too many connections"
                case .diskFullWrite: "Error: The table '\(table)' is full"
                default: "Error: Connection lost: The server closed the connection."
                }
            } else {
                err = switch f {
                case .refused, .reset: "Error: connect ECONNREFUSED \(c.ipPort)"
                case .timeout: rng.pick(["KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) in your query?", "Error: Connection terminated due to connection timeout"])
                case .noRoute: "Error: Connection terminated due to connection timeout"
                case .statementTimeout: "error: canceling statement due to statement timeout"
                case .deadlock: "error: deadlock detected"
                case .tooManyClients: "error: sorry, too many clients already"
                case .diskFullWrite: "error: could not extend file \"\(relfile)\": No space left on device"
                case .recovering: "error: the database system is in recovery mode"
                case .tlsExpired: "Error: certificate has expired"
                default: "Error: Connection terminated unexpectedly"
                }
            }
            var line = Line(.error, "\(rng.pick(["Query failed", "Database error", "Failed to load \(c.caller.noun)", "Unhandled error in \(c.method) \(c.caller.noun) route"])): \(err)")
            if c.mustName || c.technologyAmbiguous || rng.chance(0.4) { line.fields.append(("db", c.hostPort)) }
            if c.traces { line.trace = [err] + StackTraces.node(library: "pg", service: c.caller, using: &rng) }
            return line
        default:
            let err: String
            let server = "connection to server at \"\(c.host)\" (\(c.dep.ip)), port \(c.port) failed"
            if mysql {
                err = switch f {
                case .refused, .reset: "pymysql.err.OperationalError: (2003, \"Can't connect to MySQL server on '\(c.host)' ([Errno 111] Connection refused)\")"
                case .timeout, .noRoute: "pymysql.err.OperationalError: (2013, 'Lost connection to MySQL server during query')"
                case .statementTimeout: "pymysql.err.OperationalError: (1205, 'Lock wait timeout exceeded; try restarting transaction')"
                case .deadlock: "pymysql.err.OperationalError: (1213, 'Deadlock found when trying to get lock; try restarting transaction')"
                case .tooManyClients: "pymysql.err.OperationalError: (1040, 'Too many connections')"
                case .diskFullWrite: "pymysql.err.OperationalError: (1114, \"The table '\(table)' is full\")"
                default: "pymysql.err.InterfaceError: (0, '')"
                }
            } else {
                err = switch f {
                case .refused, .reset: "psycopg2.OperationalError: \(server): Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?"
                case .timeout: rng.pick(["sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)", "psycopg2.OperationalError: \(server): timeout expired"])
                case .noRoute: "psycopg2.OperationalError: \(server): No route to host"
                case .statementTimeout: "sqlalchemy.exc.OperationalError: (psycopg2.errors.QueryCanceled) canceling statement due to statement timeout"
                case .deadlock: "sqlalchemy.exc.OperationalError: (psycopg2.errors.DeadlockDetected) deadlock detected\nDETAIL:  Process \(pids.0) waits for ShareLock on transaction \(pids.2); blocked by process \(pids.1)."
                case .tooManyClients: "psycopg2.OperationalError: \(server): FATAL:  sorry, too many clients already"
                case .diskFullWrite: "sqlalchemy.exc.OperationalError: (psycopg2.errors.DiskFull) could not extend file \"\(relfile)\": No space left on device\nHINT:  Check free disk space."
                case .recovering: "psycopg2.OperationalError: \(server): FATAL:  the database system is in recovery mode"
                case .tlsExpired: "psycopg2.OperationalError: \(server): SSL error: certificate verify failed"
                default: "psycopg2.InterfaceError: connection already closed"
                }
            }
            return pythonStoreLine(err, c, what: rng.pick(["Database error", "Failed to save \(c.caller.noun)", "Query failed"]),
                                   library: "psycopg2", using: &rng)
        }
    }

    // MARK: Brokers

    static func broker(_ f: DependencyFailure, _ c: CallContext, using rng: inout SimulatorRandom) -> Line {
        let topic = "\(c.caller.domain).\(rng.pick(["created", "events", "updated", "completed"]))"
        let brokerHost = c.dep.pods.first.map { "\($0).\(c.dep.name)-headless.\(c.namespace).svc.cluster.local" } ?? c.host
        if c.dep.runtime == .rabbitmq {
            let err: String
            switch f {
            case .publishBlocked:
                err = switch c.caller.runtime {
                case .java: "Connection blocked by broker, reason: low on disk; publishing to exchange '\(topic)' is paused"
                case .go: "connection blocked: low on disk"
                case .node: "Error: Channel ended, no reply will be forthcoming (connection blocked: low on disk)"
                default: "pika.exceptions.ConnectionBlockedTimeout"
                }
            case .tlsExpired:
                err = switch c.caller.runtime {
                case .java: "org.springframework.amqp.AmqpConnectException: javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed"
                case .go: "tls: failed to verify certificate: x509: certificate has expired or is not yet valid"
                case .node: "Error: certificate has expired"
                default: "pika.exceptions.AMQPConnectionError: (AMQPConnectorSocketConnectError: SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)'))"
                }
            case .timeout, .noRoute:
                err = switch c.caller.runtime {
                case .java: "org.springframework.amqp.AmqpTimeoutException: java.util.concurrent.TimeoutException"
                case .go: "dial tcp \(c.ipPort): i/o timeout"
                case .node: "Error: connect ETIMEDOUT \(c.ipPort)"
                default: "pika.exceptions.AMQPConnectionError: (AMQPConnectorSocketConnectError: TimeoutError('TCP connection attempt timed out: \\'\(c.host)\\'/(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, \\'\\', (\\'\(c.dep.ip)\\', \(c.port)))'),)"
                }
            default:
                err = switch c.caller.runtime {
                case .java: rng.pick(["org.springframework.amqp.AmqpConnectException: java.net.ConnectException: Connection refused",
                                      "com.rabbitmq.client.ShutdownSignalException: connection error; protocol method: #method<connection.close>(reply-code=320, reply-text=CONNECTION_FORCED - broker forced connection closure with reason 'shutdown', class-id=0, method-id=0)"])
                case .go: rng.pick(["dial tcp \(c.ipPort): connect: connection refused", "Exception (504) Reason: \"channel/connection is not open\"", "Exception (501) Reason: \"EOF\""])
                case .node: rng.pick(["Error: connect ECONNREFUSED \(c.ipPort)", "Error: Connection closed: 320 (CONNECTION-FORCED) with message \"CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'\""])
                default: rng.pick(["pika.exceptions.AMQPConnectionError", "pika.exceptions.StreamLostError: Stream connection lost: ConnectionResetError(104, 'Connection reset by peer')"])
                }
            }
            var line = Line(.error, "\(rng.pick(["Failed to publish \(c.caller.noun) event", "AMQP connection lost", "Consumer cancelled", "Publish to \(topic) failed"])): \(err)")
            if !line.message.contains(c.dep.name) { line.fields.append(("amqp", "amqp://\(c.hostPort)")) }
            return line
        }
        // Kafka
        let clientID = rng.chance(0.5) ? "producer-\(rng.int(1...4))" : "consumer-\(c.caller.domain)-\(rng.int(1...3))"
        let isConsumer = clientID.hasPrefix("consumer")
        let client = isConsumer ? "[Consumer clientId=\(clientID), groupId=\(c.caller.name)]" : "[Producer clientId=\(clientID)]"
        switch c.caller.runtime {
        case .java:
            switch f {
            case .recordsExpired:
                return Line(.error, "\(rng.pick(["Failed to send", "Error sending"])) \(c.caller.noun) event to topic \(topic): org.apache.kafka.common.errors.TimeoutException: Expiring \(rng.int(3...180)) record(s) for \(topic)-\(rng.int(0...11)):\(rng.int(120_000...120_500)) ms has passed since batch creation",
                            logger: "o.s.k.support.LoggingProducerListener")
            case .timeout:
                return Line(.error, "org.apache.kafka.common.errors.TimeoutException: Topic \(topic) not present in metadata after 60000 ms.",
                            logger: "o.s.k.support.LoggingProducerListener")
            case .tlsExpired:
                return Line(.error, "\(client) Failed authentication with \(brokerHost)/\(c.dep.ip) (channelId=\(rng.int(-1...3))) (SSL handshake failed)",
                            logger: "org.apache.kafka.clients.NetworkClient")
            default:
                let node = rng.chance(0.5) ? "node -1 (\(c.host)/\(c.dep.ip):\(c.port))" : "node \(rng.int(0...2)) (\(brokerHost)/\(c.dep.ip):\(c.port))"
                let msg = rng.chance(0.8)
                    ? "\(client) Connection to \(node) could not be established. Broker may not be available."
                    : "\(client) Bootstrap broker \(c.hostPort) (id: -1 rack: null) disconnected"
                return Line(.warn, msg, logger: "org.apache.kafka.clients.NetworkClient")
            }
        case .go:
            let err: String = switch f {
            case .recordsExpired, .timeout: rng.pick(["kafka: Failed to deliver \(rng.int(2...60)) messages.", "context deadline exceeded"])
            case .tlsExpired: "tls: failed to verify certificate: x509: certificate has expired or is not yet valid"
            default: rng.pick(["kafka: client has run out of available brokers to talk to: dial tcp \(c.ipPort): connect: connection refused",
                               "failed to dial: failed to open connection to \(c.hostPort): dial tcp \(c.ipPort): connect: connection refused",
                               "unable to dial: dial tcp \(c.ipPort): connect: connection refused"])
            }
            return goStoreLine(err, c, what: rng.pick(["failed to publish event", "kafka writer", "consumer error", "produce \(topic)"]), key: nil, using: &rng)
        case .node:
            let err: String = switch f {
            case .recordsExpired, .timeout: "KafkaJSRequestTimeoutError: Request Produce(key: 0, version: 7) timed out"
            case .tlsExpired: "KafkaJSConnectionError: Connection error: certificate has expired"
            default: rng.pick(["KafkaJSConnectionError: Connection error: connect ECONNREFUSED \(c.ipPort)",
                               "KafkaJSNumberOfRetriesExceeded: Connection error: connect ECONNREFUSED \(c.ipPort)"])
            }
            return Line(.error, "\(rng.pick(["[Producer] Failed to send messages", "[Consumer] Crash", "[Connection] Connection error"])): \(err)",
                        fields: [("broker", "\(brokerHost):\(c.port)"), ("clientId", clientID)])
        default:
            let err: String = switch f {
            case .recordsExpired, .timeout: "KafkaError{code=_MSG_TIMED_OUT,val=-192,str=\"Local: Message timed out\"}"
            case .tlsExpired: "FAIL|rdkafka#\(clientID)| [thrd:ssl://\(c.hostPort)/bootstrap]: ssl://\(c.hostPort)/bootstrap: SSL handshake failed: error:0A000086:SSL routines::certificate verify failed: broker certificate could not be verified, verify that ssl.ca.location is correctly configured or root CA certificates are installed (install ca-certificates package) (after 12ms in state SSL_HANDSHAKE)"
            default: rng.chance(0.5) ? "kafka.errors.NoBrokersAvailable: NoBrokersAvailable"
                : "FAIL|rdkafka#\(clientID)| [thrd:\(c.hostPort)/bootstrap]: \(c.hostPort)/bootstrap: Connect to ipv4#\(c.ipPort) failed: Connection refused (after 0ms in state CONNECT)"
            }
            return pythonStoreLine(err, c, what: "Failed to deliver message to \(topic)", library: "kafka", using: &rng)
        }
    }

    // MARK: Third parties

    static func external(_ f: DependencyFailure, _ c: CallContext, at time: SimulatedInstant,
                         using rng: inout SimulatorRandom) -> Line {
        let host = c.dep.externalHost
        let isStripe = host.contains("stripe")
        let path = c.path
        let url = "https://\(host)\(path)"
        let status = f == .timeout ? 0 : (f == .serverError ? 500 : rng.pick([502, 503, 503, 504]))
        let statusText = [500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"][status] ?? ""
        let err: String
        switch c.caller.runtime {
        case .java:
            if isStripe && (f == .timeout || rng.chance(0.4)) {
                err = "com.stripe.exception.APIConnectionException: IOException during API request to Stripe (https://api.stripe.com): Read timed out Please check your internet connection and try again. If this problem persists,you should check Stripe's service status at https://status.stripe.com, or let us know at support@stripe.com."
            } else if f == .timeout {
                err = "org.springframework.web.client.ResourceAccessException: I/O error on POST request for \"\(url)\": Read timed out"
            } else {
                err = "org.springframework.web.client.HttpServerErrorException$\(statusText.filling(" ", with: "")): \(status) \(statusText): \"<html><head><title>\(status) \(statusText)</title></head><body><center><h1>\(status) \(statusText)</h1></center></body></html>\""
            }
        case .go:
            err = f == .timeout ? "Post \"\(url)\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
                : "unexpected status \(status) \(statusText) from \(url)"
        case .node:
            if isStripe { err = f == .timeout ? "StripeConnectionError: An error occurred with our connection to Stripe. Request was retried 2 times." : "StripeAPIError: An unknown error occurred" }
            else { err = f == .timeout ? "AxiosError: timeout of \(c.timeoutMs)ms exceeded" : "AxiosError: Request failed with status code \(status)" }
        default:
            if isStripe && f == .timeout { err = "stripe.error.APIConnectionError: Unexpected error communicating with Stripe.  If this problem persists,\nlet us know at support@stripe.com.\n\n(Network error: ReadTimeout: HTTPSConnectionPool(host='api.stripe.com', port=443): Read timed out. (read timeout=80))" }
            else { err = f == .timeout ? "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='\(host)', port=443): Read timed out. (read timeout=\(max(1, c.timeoutMs / 1000)))"
                : "requests.exceptions.HTTPError: \(status) Server Error: \(statusText) for url: \(url)" }
        }
        let named = rng.chance(0.5) || c.mustName
        let message = named
            ? "\(rng.pick(["Call to", "Request to", "Payment provider", "Third-party API"])) \(c.dep.name) \(rng.pick(["failed", "returned an error", "unavailable"])): \(err)"
            : err
        var fields: [(String, String)] = []
        if named || rng.chance(0.5) { fields.append(("provider", c.dep.name)) }
        if status > 0 { fields.append(("status", String(status))) }
        return Line(.error, message, fields: fields)
    }

    // MARK: Shared shapes

    static func goStoreLine(_ err: String, _ c: CallContext, what: String, key: String?,
                            using rng: inout SimulatorRandom) -> Line {
        var fields: [(String, String)] = []
        let message: String
        if rng.chance(0.5) {
            message = what
            fields.append(("error", err))
        } else {
            message = "\(what): \(err)"
        }
        if let key, rng.chance(0.5) { fields.append(("key", key)) }
        if c.mustName || c.technologyAmbiguous || rng.chance(0.35) {
            fields.append((rng.pick(["addr", "host", "upstream"]), c.hostPort))
        }
        return Line(.error, message, fields: fields)
    }

    static func pythonStoreLine(_ err: String, _ c: CallContext, what: String, library: String,
                                using rng: inout SimulatorRandom) -> Line {
        let logger = "\(c.caller.domain.filling("-", with: "_")).\(rng.pick(["repository", "cache", "events", "db"]))"
        let mentions = err.contains(c.host)
        var message = mentions || !(c.mustName || c.technologyAmbiguous) ? what : "\(what) (\(c.dep.name))"
        if c.traces {
            let call = "self.\(rng.pick(["session.execute", "client.get", "producer.send", "conn.cursor"]))(\(rng.pick(["stmt", "key", "payload"])))"
            return Line(.error, message, trace: StackTraces.python(err, call: call, service: c.caller, library: library, using: &rng), logger: logger)
        }
        message += ": " + err.split(separator: "\n").joined(separator: " ")
        return Line(.error, message, logger: logger)
    }
}
