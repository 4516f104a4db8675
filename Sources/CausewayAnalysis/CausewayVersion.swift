/// Causeway's version, written into every report's `generator`.
public enum CausewayVersion {
    public static let current = "0.1.0"
}
