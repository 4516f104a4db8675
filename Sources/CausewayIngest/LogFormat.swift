/// The shapes of log line Causeway reads. Detected per line and counted per file.
public enum LogFormat: String, Hashable, Sendable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
    /// `time LEVEL service message` and its common variants (level and service in any order, bracketed).
    case plain
    /// A shipper's envelope around an application line: `time LEVEL stream LEVEL service message`.
    /// The inner level and service are the emitter's.
    case wrapped
    /// One JSON object per line (structured loggers, Docker's json-file, Loki, journald, OpenTelemetry).
    case jsonLines = "json"
    /// `key=value` pairs (Heroku, Go's logfmt, slog's text handler).
    case logfmt
    /// `docker compose logs`: `payments-worker-1  | <line>`.
    case compose
    /// `kubectl logs --prefix`: `[pod/payments-worker-7d9f8-x2x1q/worker] <line>`.
    case kubectlPrefix = "kubectl-prefix"
    /// RFC 3164 (`May 24 11:54:10 host app[42]: …`) and RFC 5424 (`<34>1 2026-… host app 42 - - …`).
    case syslog
    /// CSV or TSV exports with a header row.
    case csv
    /// Kubernetes events (`kubectl get events -o json`, or the `-o wide` table).
    case kubernetesEvents = "kubernetes-events"
    /// OpenTelemetry JSON log exports (`resourceLogs`).
    case otlpLogs = "otlp-logs"
    /// OpenTelemetry JSON trace exports (`resourceSpans`): failed spans become records.
    case otlpTraces = "otlp-traces"
    /// Jaeger JSON (`{"data": [{"traceID", "spans", "processes"}]}`).
    case jaegerTraces = "jaeger-traces"
    /// Zipkin v2 JSON (an array of spans with `localEndpoint`).
    case zipkinTraces = "zipkin-traces"
    /// Loki's `logcli query` output: `time {app="payments-worker", pod="…"} <line>`; the labels name the service.
    case loki
    /// Fluentd's `out_file`: `time<TAB>tag<TAB>{record}`; the record's fields (`kubernetes.labels.app`,
    /// `kubernetes.pod_name`) name the service, its `log` field holds the line.
    case fluentd
    /// CloudWatch Logs subscription records (`"messageType":"DATA_MESSAGE"`, as Kinesis Data Firehose delivers
    /// them to S3): each of a record's `logEvents` is a line of the service its log group or stream names.
    case cloudWatchSubscription = "cloudwatch-subscription"
    /// CloudTrail's delivery files (`{"Records": [...]}`): each API call is a record of the resource it acts on.
    case cloudTrail = "cloudtrail"
    /// MySQL's slow query log (`# Time:`, `# User@Host:`, `# Query_time:` before each statement): each entry is
    /// a record dated when its statement started.
    case mysqlSlowLog = "mysql-slow"
    /// AWS Elastic Load Balancing's access log (`https 2026-… app/NAME/id client target … 504 - … "GET …"`).
    case loadBalancerAccess = "elb-access"

    public static func < (lhs: LogFormat, rhs: LogFormat) -> Bool { lhs.rawValue < rhs.rawValue }
}
