public import CausewayCore

/// Something a reader of the timeline must know about its timestamps.
public struct TimingNote: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// Events from different services carry one timestamp: timing cannot order them.
        case sharedTimestamp = "shared-timestamp"
        /// A symptom is stamped before the failure that explains it: the two hosts' clocks disagree, and the
        /// causal order was kept over the timestamps.
        case clockSkew = "clock-skew"
        /// Events without a timestamp: listed, but not placed in time.
        case untimed
    }

    public var kind: Kind
    /// The note in a sentence, for the timeline's notes and its diagram.
    public var text: String
    /// The time the note is about, when one time is.
    public var time: Timestamp?
    /// The events the note is about (`evt:<template id>`), in timeline order.
    public var events: [String]
}

/// What the timeline's timestamps can and cannot say, read off the report's timeline and propagation path.
extension IncidentReport {
    /// Most shared-timestamp notes; the largest groups first.
    static let sharedTimestampNoteLimit = 3

    /// Notes on shared timestamps, clock skew along the propagation path, and events without a time; the
    /// Markdown and HTML timeline and the timeline diagram all show these.
    ///
    /// - Complexity: O(T log T) for T timeline entries.
    public var timingNotes: [TimingNote] {
        var notes: [TimingNote] = []
        let timed = timeline.filter { $0.time != nil }
        let times = Set(timed.compactMap(\.time))
        if timed.count > 1, times.count == 1, let only = times.first {
            notes.append(
                TimingNote(
                    kind: .sharedTimestamp,
                    text: "Every event shares one timestamp (\(only.timeOfDay) UTC); they are ordered by the causal graph, root first.",
                    time: only, events: timed.compactMap(\.event)))
        } else {
            let groups = Dictionary(grouping: timed) { $0.time! }
                .filter { Set($0.value.map(\.service)).count > 1 }
                .sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
            for (time, entries) in groups.prefix(Self.sharedTimestampNoteLimit) {
                var services: [ServiceName] = []
                for entry in entries where !services.contains(entry.service) { services.append(entry.service) }
                notes.append(
                    TimingNote(
                        kind: .sharedTimestamp,
                        text: "\(entries.count) events from \(services.map(\.rawValue).joined(separator: ", ")) share the timestamp \(time.timeOfDay) UTC: the logs cannot order them, so the causal graph does.",
                        time: time, events: entries.compactMap(\.event)))
            }
        }
        for hop in propagationSteps {
            guard let cause = hop.causeTime, let effect = hop.effectTime else { continue }
            let gap = effect.seconds(until: cause)
            guard gap > ExplanationModel.sameClockTolerance else { continue }
            let allowance = ExplanationModel.crossClockTolerance
            let verdict = gap <= allowance
                ? "within the \(CausalGraph.duration(allowance)) allowed for clock skew between hosts, so the cause is taken to come first"
                : "more than the \(CausalGraph.duration(allowance)) allowed for clock skew between hosts; the link was weakened for it and is still the strongest"
            notes.append(
                TimingNote(
                    kind: .clockSkew,
                    text: "\(hop.to)'s symptom is stamped \(CausalGraph.duration(gap)) before the trouble at \(hop.from) that explains it: \(verdict).",
                    time: effect, events: [hop.effectEvent, hop.causeEvent].compactMap { $0 }))
        }
        if let detection, detection.to < detection.from.adding(seconds: -ExplanationModel.sameClockTolerance) {
            notes.append(
                TimingNote(
                    kind: .clockSkew,
                    text: "The first user-visible symptom at \(detection.toService) (\(detection.to.timeOfDay) UTC) is stamped \(CausalGraph.duration(detection.to.seconds(until: detection.from))) before the first line about the root cause (\(detection.from.timeOfDay) UTC): the root cause began before its first line, or the clocks disagree, so MTTD is counted as 0.",
                    time: detection.to, events: []))
        }
        let untimed = timeline.filter { $0.time == nil }
        if !untimed.isEmpty {
            notes.append(
                TimingNote(
                    kind: .untimed,
                    text: "\(untimed.count) event(s) carry no timestamp; they are listed but cannot be placed in time.",
                    time: nil, events: untimed.compactMap(\.event)))
        }
        return notes
    }
}
