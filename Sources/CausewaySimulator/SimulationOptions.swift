/// The difficulty knobs of a simulated incident, each independent of the others.
///
/// ``init()`` gives a realistic but fair incident: retries, circuit breakers, gateway 5xx, stack traces and
/// Kubernetes events, and none of the hard parts. ``hardest`` turns everything on; ``random(using:)`` draws
/// each knob on its own, as suites do.
public struct SimulationOptions: Sendable, Hashable, Codable {
    /// Some services' clocks run off by a few hundred milliseconds to several seconds, either way.
    public var clockSkew: Bool
    /// A log shipper stamps every line of a few seconds around the onset with one flush time, so timing cannot
    /// order them.
    public var identicalTimestampBurst: Bool
    /// The root logs nothing at all; only its callers (and Kubernetes events, when its fault makes any) name it.
    public var silentRoot: Bool
    /// Errors that began well before the incident: in unrelated services, and in one service near the root.
    public var distractors: Bool
    /// Callers log 10–100 times more error lines than the root does.
    public var symptomFlood: Bool
    /// Errors carry multi-line stack traces (Java frames with `Caused by:`, Python tracebacks, Go panics,
    /// Node stacks) where the runtime prints them.
    public var stackTraces: Bool
    /// Some lines in each file are a little out of time order, as merged and buffered streams are.
    public var outOfOrderLines: Bool
    /// Callers retry with exponential backoff and log each attempt.
    public var retries: Bool
    /// Callers' circuit breakers open (and half-open, and open again) on the failing dependency.
    public var circuitBreakers: Bool
    /// The user-facing entry answers 5xx. Off, the failure is contained below the entry (callers fall back),
    /// the entry shows no symptom, and the propagation ends at the highest affected caller.
    public var gatewayErrors: Bool
    /// A `k8s-events.json` (`kubectl get events -o json`) is written when the fault produces events.
    public var kubernetesEvents: Bool

    /// A realistic, fair incident: retries, breakers, gateway 5xx, stack traces and events; no hard parts.
    public init(
        clockSkew: Bool = false, identicalTimestampBurst: Bool = false, silentRoot: Bool = false,
        distractors: Bool = false, symptomFlood: Bool = false, stackTraces: Bool = true,
        outOfOrderLines: Bool = false, retries: Bool = true, circuitBreakers: Bool = true,
        gatewayErrors: Bool = true, kubernetesEvents: Bool = true
    ) {
        self.clockSkew = clockSkew
        self.identicalTimestampBurst = identicalTimestampBurst
        self.silentRoot = silentRoot
        self.distractors = distractors
        self.symptomFlood = symptomFlood
        self.stackTraces = stackTraces
        self.outOfOrderLines = outOfOrderLines
        self.retries = retries
        self.circuitBreakers = circuitBreakers
        self.gatewayErrors = gatewayErrors
        self.kubernetesEvents = kubernetesEvents
    }

    /// Every knob that makes a case harder is on.
    public static let hardest = SimulationOptions(
        clockSkew: true, identicalTimestampBurst: true, silentRoot: true, distractors: true, symptomFlood: true,
        stackTraces: true, outOfOrderLines: true, retries: true, circuitBreakers: true, gatewayErrors: true,
        kubernetesEvents: true)

    /// Each knob drawn on its own: the hard parts about a third to a half of the time, the usual behaviours
    /// (retries, breakers, gateway 5xx, events) most of the time.
    public static func random(using rng: inout some RandomNumberGenerator) -> SimulationOptions {
        SimulationOptions(
            clockSkew: rng.chance(0.4), identicalTimestampBurst: rng.chance(0.3), silentRoot: rng.chance(0.35),
            distractors: rng.chance(0.5), symptomFlood: rng.chance(0.35), stackTraces: rng.chance(0.7),
            outOfOrderLines: rng.chance(0.3), retries: rng.chance(0.7), circuitBreakers: rng.chance(0.6),
            gatewayErrors: rng.chance(0.9), kubernetesEvents: rng.chance(0.85))
    }

    /// The names of the knobs that are on, in declaration order (for notes and case listings).
    public var enabledKnobs: [String] {
        let all: [(String, Bool)] = [
            ("clock_skew", clockSkew), ("identical_timestamp_burst", identicalTimestampBurst),
            ("silent_root", silentRoot), ("distractors", distractors), ("symptom_flood", symptomFlood),
            ("stack_traces", stackTraces), ("out_of_order_lines", outOfOrderLines), ("retries", retries),
            ("circuit_breakers", circuitBreakers), ("gateway_errors", gatewayErrors),
            ("kubernetes_events", kubernetesEvents),
        ]
        return all.filter(\.1).map(\.0)
    }
}
