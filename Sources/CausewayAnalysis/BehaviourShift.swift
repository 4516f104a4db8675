public import CausewayCore
public import CausewayIngest
internal import Foundation

/// How a service's ordinary traffic changed in the incident window: its mix of messages and its volume.
///
/// Faults that log no error still change what a service does: an exception handled upstream, a slow
/// dependency, a CPU starved process shift which code paths run and how often. For each service with
/// enough lines before and during the window, a G-test of homogeneity (Sokal & Rohlf) compares the
/// counts of its templates in the two periods; the Jensen–Shannon divergence measures how large the shift
/// is; the rate ratio says whether the service went quiet.
public struct BehaviourShift: Hashable, Sendable {
    public var service: ServiceName
    /// Jensen–Shannon divergence of the template mix (0 = same mix; ln 2 at most).
    public var divergence: Double
    /// G statistic over the degrees of freedom: about 1 when nothing changed.
    public var strength: Double
    /// Lines per second in the window over lines per second before it.
    public var volumeRatio: Double
    public var linesBefore: Int
    public var linesDuring: Int
    /// The template whose rate changed most, for evidence.
    public var mostChanged: LogTemplate
    /// The message that stopped, or nearly, while the service went on logging; nil when none did.
    public var stopped: StoppedMessage?
    /// When the most changed template's rate changed: the split of its counts, from shortly before the
    /// window on, where two rates fit them best (the window's start when no split does).
    public var onset: Timestamp

    /// Whether the service's lines before the window began in the first half of the time before it: a
    /// steady emitter, not a job that ran for a few minutes and was done.
    public var loggedThroughBaseline = true

    /// The least lines a service needs in each period to be compared.
    static let minimumLines = 8

    /// Whether the service nearly stopped logging. Only a service that logged through the time before the
    /// window can: a scheduled job's short run, over before the incident, is silent in the window because
    /// it finished.
    public var wentQuiet: Bool { volumeRatio < 0.2 && linesBefore >= 3 * Self.minimumLines && loggedThroughBaseline }

    /// Lines in the window a service needs to show that it is serving as usual.
    static let servingLines = 20

    /// Whether the service kept logging its usual traffic: enough lines in the window, at least half its
    /// rate before, and no significant change of mix.
    public var isServingNormally: Bool {
        !isSignificant && linesDuring >= Self.servingLines && volumeRatio >= 0.5
    }

    /// Whether the change is both significant and large enough to matter.
    public var isSignificant: Bool { wentQuiet || (strength >= 3 && divergence >= 0.02) }

    /// Shifts of every service that has enough lines on both sides of the window start.
    public static func measure(_ templates: [LogTemplate], window: IncidentWindow?) -> [BehaviourShift] {
        guard let window, window.source != .wholeInput else { return [] }
        let times = templates.flatMap { [$0.firstSeen, $0.lastSeen].compactMap { $0 } }
        guard let first = times.min(), let last = times.max() else { return [] }
        let baseline = max(1, first.seconds(until: window.start))
        let incident = max(1, window.start.seconds(until: min(last, window.end)))
        let startSecond = window.start.second
        let endSecond = window.end.second + 1
        var byService: [ServiceName: [(LogTemplate, Double, Double)]] = [:]
        for template in templates {
            let before = Double(template.timeline.count(from: Int64.min, to: startSecond))
            let during = Double(template.timeline.count(from: startSecond, to: endSecond))
            guard before + during > 0 else { continue }
            byService[template.service, default: []].append((template, before, during))
        }
        var shifts: [BehaviourShift] = []
        let earliest = window.start.second - Int64(max(2 * window.bucketSeconds, 10))
        // A message stops where the fault begins, which the window's start (found from the trouble that
        // follows) can miss by tens of seconds.
        let stopEarliest = window.start.second - Int64(max(4 * window.bucketSeconds, StoppedMessage.leadSeconds))
        for (service, rows) in byService.sorted(by: { $0.key < $1.key }) {
            let totalBefore = rows.reduce(0) { $0 + $1.1 }
            let totalDuring = rows.reduce(0) { $0 + $1.2 }
            let ratio = (totalDuring / incident) / max(totalBefore / baseline, 1e-9)
            guard totalBefore >= Double(minimumLines) else { continue }
            // G-test of homogeneity over the templates (expected counts from the pooled mix).
            var g = 0.0
            var divergence = 0.0
            let total = totalBefore + totalDuring
            let k = Double(rows.count)
            for (_, b, d) in rows {
                let pooled = (b + d) / total
                for (observed, size) in [(b, totalBefore), (d, totalDuring)] where observed > 0 {
                    g += 2 * observed * log(observed / (pooled * size))
                }
                let p = (b + 0.5) / (totalBefore + 0.5 * k)
                let q = (d + 0.5) / (totalDuring + 0.5 * k)
                let m = (p + q) / 2
                divergence += 0.5 * p * log(p / m) + 0.5 * q * log(q / m)
            }
            let degrees = max(1, k - 1)
            guard totalDuring >= Double(minimumLines) || ratio < 0.2 else { continue }
            // The template whose rate moved most (in either direction), per second.
            let changed = rows.max { a, b in
                abs(a.2 / incident - a.1 / baseline) < abs(b.2 / incident - b.1 / baseline)
            }!.0
            let onset = changeSecond(changed.timeline, from: first.second, earliest: earliest, to: endSecond)
                .map { Timestamp(nanoseconds: $0 * 1_000_000_000) } ?? window.start
            let stopped = StoppedMessage.strongest(
                rows.map(\.0), from: first.second, earliest: stopEarliest, to: endSecond)
            var shift = BehaviourShift(
                service: service, divergence: divergence, strength: totalDuring >= Double(minimumLines) ? g / degrees : 0,
                volumeRatio: ratio, linesBefore: Int(totalBefore), linesDuring: Int(totalDuring), mostChanged: changed,
                stopped: stopped, onset: onset)
            if let serviceFirst = rows.compactMap(\.0.firstSeen).min() {
                shift.loggedThroughBaseline = serviceFirst.seconds(until: window.start) >= 0.5 * baseline
            }
            shifts.append(shift)
        }
        return shifts
    }

    /// The second, at or after `earliest`, where a template's counts from `from` to `to` split into two
    /// Poisson rates (up or down) with the highest likelihood against one rate; nil without counts on
    /// either side of any such split.
    /// - Complexity: O(n) in the timeline's entries.
    static func changeSecond(_ timeline: TemplateTimeline, from: Int64, earliest: Int64, to: Int64) -> Int64? {
        let total = timeline.counts.reduce(0.0) { $0 + Double($1) }
        let length = Double(max(1, to - from))
        guard total > 0 else { return nil }
        var best: (second: Int64, score: Double)?
        var before = 0.0
        // Candidate splits: where a line arrives, and just after one (where lines stop arriving).
        func consider(_ second: Int64) {
            guard second >= earliest, second > from, second < to else { return }
            let score = twoRateLikelihoodRatio(before: before, beforeLength: Double(second - from), total: total, length: length)
            if best == nil || score > best!.score { best = (second, score) }
        }
        for (second, count) in zip(timeline.seconds, timeline.counts) {
            consider(second)
            before += Double(count)
            consider(second + timeline.resolution)
        }
        return best.map(\.second)
    }
}

/// A message a service logged steadily that stopped, or nearly, while the service went on logging.
///
/// The code that writes it now fails before reaching it (an exception, a changed return value, a bad
/// deploy), or its callers stopped asking for it. Exceptions handled upstream leave no error at the
/// failing service; the missing success line is often all its own logs show.
public struct StoppedMessage: Hashable, Sendable {
    public var template: LogTemplate
    /// Where it stopped: the end of its last second before the drop.
    public var onset: Timestamp
    /// Its lines before the drop, after it, and the lines its earlier rate predicts after it.
    public var before: Int
    public var after: Int
    public var expected: Double
    /// The log-likelihood ratio of two Poisson rates (split at the drop) against one.
    public var strength: Double

    /// How long before the window's start a drop may come.
    static let leadSeconds = 30.0
    /// The least lines the earlier rate must predict after the drop.
    static let minimumExpected = 8.0
    /// The most lines left after the drop, as a share of the prediction.
    static let remainingShare = 0.25
    /// The least log-likelihood ratio of the split (about p < 1e-5 for one split).
    static let minimumStrength = 10.0
    /// The least share of its earlier rate the rest of the service must keep logging: a service that went
    /// silent is `went_quiet`, not a stopped message.
    static let servingShare = 0.5

    /// The score of the finding in [0, 1]: 1 at a ratio of 20 and above.
    public var score: Double { min(1, strength / 20) }

    /// The strongest stopped message among one service's templates, its drop at or after `earliest`.
    /// - Complexity: O(n) in the templates' timeline entries, times the templates for the service's volume
    ///   at each candidate.
    static func strongest(_ templates: [LogTemplate], from: Int64, earliest: Int64, to: Int64) -> StoppedMessage? {
        var best: StoppedMessage?
        // Trouble that stops (an error, a warning, a classified symptom) is a failure ending, not one starting.
        for template in templates where !template.isAnomalous {
            guard let found = drop(template, from: from, earliest: earliest, to: to) else { continue }
            guard best == nil || found.strength > best!.strength else { continue }
            // The rest of the service must go on logging.
            var othersBefore = 0
            var othersAfter = 0
            let split = found.onset.second
            for other in templates where other.id != template.id {
                othersBefore += other.timeline.count(from: from, to: split)
                othersAfter += other.timeline.count(from: split, to: to)
            }
            let predicted = Double(othersBefore) / Double(max(1, split - from)) * Double(max(1, to - split))
            guard othersBefore > 0, Double(othersAfter) >= servingShare * predicted else { continue }
            best = found
        }
        return best
    }

    /// The split of one template's counts where its rate drops most surely, if the drop qualifies.
    static func drop(_ template: LogTemplate, from: Int64, earliest: Int64, to: Int64) -> StoppedMessage? {
        let timeline = template.timeline
        let total = timeline.counts.reduce(0.0) { $0 + Double($1) }
        let length = Double(max(1, to - from))
        guard total >= minimumExpected else { return nil }
        var best: (second: Int64, before: Double, strength: Double)?
        var before = 0.0
        for (second, count) in zip(timeline.seconds, timeline.counts) {
            before += Double(count)
            let split = second + timeline.resolution
            guard split >= earliest, split > from, split < to else { continue }
            let left = Double(split - from)
            let right = length - left
            let after = total - before
            let expected = before / left * right
            guard expected >= minimumExpected, after <= remainingShare * expected else { continue }
            let strength = twoRateLikelihoodRatio(before: before, beforeLength: left, total: total, length: length)
            if best == nil || strength > best!.strength { best = (split, before, strength) }
        }
        guard let best, best.strength >= minimumStrength else { return nil }
        let left = Double(best.second - from)
        return StoppedMessage(
            template: template, onset: Timestamp(nanoseconds: best.second * 1_000_000_000), before: Int(best.before),
            after: Int(total - best.before), expected: best.before / left * (length - left), strength: best.strength)
    }
}
