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
    /// When the most changed template's rate changed: the split of its counts, from shortly before the
    /// window on, where two rates fit them best (the window's start when no split does).
    public var onset: Timestamp

    /// The least lines a service needs in each period to be compared.
    static let minimumLines = 8

    /// Whether the service nearly stopped logging.
    public var wentQuiet: Bool { volumeRatio < 0.2 && linesBefore >= 3 * Self.minimumLines }

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
            let earliest = window.start.second - Int64(max(2 * window.bucketSeconds, 10))
            let onset = changeSecond(changed.timeline, from: first.second, earliest: earliest, to: endSecond)
                .map { Timestamp(nanoseconds: $0 * 1_000_000_000) } ?? window.start
            shifts.append(
                BehaviourShift(
                    service: service, divergence: divergence, strength: totalDuring >= Double(minimumLines) ? g / degrees : 0,
                    volumeRatio: ratio, linesBefore: Int(totalBefore), linesDuring: Int(totalDuring), mostChanged: changed,
                    onset: onset))
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
        func term(_ count: Double, _ seconds: Double) -> Double {
            count > 0 && seconds > 0 ? count * log(count / seconds) : 0
        }
        var best: (second: Int64, score: Double)?
        var before = 0.0
        // Candidate splits: where a line arrives, and just after one (where lines stop arriving).
        func consider(_ second: Int64) {
            guard second >= earliest, second > from, second < to else { return }
            let left = Double(second - from)
            let score = term(before, left) + term(total - before, length - left) - term(total, length)
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
