public import CausewayCore
internal import CausewayIngest
internal import Foundation

/// The signals the analysis derives from how traffic changed (rows of the signal table with
/// `derived: true`), and the ones its rules test by name.
extension SignalID {
    /// A service nearly stopped logging its usual traffic.
    public static let wentQuiet: SignalID = "went_quiet"
    /// A service's ordinary messages changed mix.
    public static let behaviourShift: SignalID = "behaviour_shift"
    /// A steady message stopped while its service went on logging.
    public static let stoppedMessage: SignalID = "stopped_message"
    /// A data store refusing statements its clients sent (a signal's `atServer` reading).
    public static let statementRefused: SignalID = "statement_refused"
    /// A service's spans got slower.
    public static let latencyRise: SignalID = "latency_rise"
    /// The hops between traced lines at a service's edges got slower.
    public static let slowHops: SignalID = "slow_hops"
    /// A caller's calls no longer reach the service's logs.
    public static let unansweredCalls: SignalID = "unanswered_calls"
    /// A step of a service's requests stopped following the step before it.
    public static let cutShort: SignalID = "cut_short"
    /// A caller reports no route to a dependency.
    public static let networkUnreachable: SignalID = "network_unreachable"
}

extension CausalGraph {
    /// Findings read off the requests' own traffic at their own change points, independent of where the
    /// errors surged: hops that slowed, calls no longer answered, steps cut short.
    static let trafficChangeSignals: Set<SignalID> = [.slowHops, .unansweredCalls, .cutShort]

    /// The earliest ``trafficChangeSignals`` finding: when the requests first changed, which may come well
    /// before the errors that follow (see ``AnomalyModel/init(templates:weights:changes:since:until:leadingChange:)``).
    var leadingTrafficChange: (onset: Timestamp, service: ServiceName, signal: SignalID)? {
        eventNodes.compactMap { node -> (onset: Timestamp, service: ServiceName, signal: SignalID)? in
            let event = event(node)
            guard let signal = event.signal, Self.trafficChangeSignals.contains(signal), let onset = event.anomaly.onset else { return nil }
            return (onset, event.subject, signal)
        }.min { ($0.onset, $0.service, $0.signal) < ($1.onset, $1.service, $1.signal) }
    }
}

/// A change in the requests' traffic that moved the incident window's start back from where the errors
/// surged.
public struct WindowLead: Hashable, Sendable {
    /// When the requests changed: the window's new start, before the clock margin.
    public var onset: Timestamp
    /// The service and finding that changed first.
    public var service: ServiceName
    public var signal: SignalID
    /// Where the window started by the errors alone.
    public var surge: Timestamp
}

/// Two Poisson rates against one: the log-likelihood ratio of `before` events in the first
/// `beforeLength` of `length` (seconds or buckets) and the rest after, against `total` spread evenly.
/// 0 when the split says nothing; larger the surer the rate changed there.
func twoRateLikelihoodRatio(before: Double, beforeLength: Double, total: Double, length: Double) -> Double {
    func term(_ count: Double, _ span: Double) -> Double {
        count > 0 && span > 0 ? count * log(count / span) : 0
    }
    return term(before, beforeLength) + term(total - before, length - beforeLength) - term(total, length)
}

extension Array where Element == TracedLine {
    /// The ranges of one trace's lines each, in order (the lines grouped by trace, as
    /// ``IncidentLog/tracedLines`` are).
    var traceRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < count {
            var end = start + 1
            while end < count, self[end].trace == self[start].trace { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }

    /// The lines as evidence, with their text read back from the input (`texts`); lines whose text could
    /// not be read are left out.
    func evidence(texts: [SourceLocation: String]) -> [EvidenceLine] {
        compactMap { line in
            texts[line.location].map { EvidenceLine(location: line.location, timestamp: line.time, level: line.level, text: $0) }
        }
    }
}
