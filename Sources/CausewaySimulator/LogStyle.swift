/// How a simulated case's logs are laid out on disk.
///
/// Every style carries the same events; only the envelope, the files and the field names change.
public enum LogStyle: String, Sendable, Hashable, CaseIterable, Codable {
    /// `2026-05-24T11:54:10.221Z ERROR payments-worker message`, all services in one file.
    case plain
    /// One JSON object per line; the field names (ts/time/@timestamp/timestamp, level/severity/lvl,
    /// service/app/service.name, msg/message) vary from case to case.
    case json
    /// `ts=2026-05-24T11:54:10.221Z level=error service=payments-worker msg="..."`.
    case logfmt
    /// A log shipper's envelope: `<time> <LEVEL> <stream> <INNER-LEVEL> <service> <message>`.
    case wrapped
    /// `docker compose logs`: `payments-worker-1  | <the application's own line>`.
    case compose
    /// `kubectl logs --prefix`: `[pod/payments-worker-7d9f8c6b5-x2x1q/payments-worker] <line>`.
    case kubectlPrefix
    /// One file per pod (`payments-worker-7d9f8c6b5-x2x1q.log`) holding the application's own lines, which
    /// carry no service field.
    case perServiceFiles
    /// Different services in different styles, across several files.
    case mixed
}
