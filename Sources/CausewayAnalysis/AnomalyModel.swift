public import CausewayCore
public import CausewayIngest
internal import Foundation

/// When the incident happened, as the logs show it.
public struct IncidentWindow: Hashable, Sendable, Codable {
    /// How the window was chosen.
    public enum Source: String, Hashable, Sendable, Codable {
        /// From the onsets of the templates whose rates rose together.
        case detected
        /// `--since` / `--until` given by the user.
        case given
        /// The input is too short or too uniform to tell a baseline from the incident: all of it counts.
        case wholeInput = "whole-input"
    }

    public var start: Timestamp
    public var end: Timestamp
    public var source: Source
    /// The time resolution used to find it, in seconds.
    public var bucketSeconds: Double
}

/// How unusual one template is in the incident window, measured against its own history before it.
public struct TemplateAnomaly: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// First seen in (or just before) the window after a quiet baseline.
        case new
        /// Seen before, at a clearly lower rate.
        case rising
        /// Seen at the same rate before the window: background, not the incident.
        case steady
        /// Too little history to compare: counted as anomalous.
        case unmeasured
        /// Fewer lines than before: a service going quiet.
        case falling
    }

    public var kind: Kind
    /// In [0, 1]: 0 for background, 1 for a template that exists only in the incident.
    public var score: Double
    /// When its rate rose (its first line for a new template).
    public var onset: Timestamp?
    /// Lines before and in the window, and the lines the baseline rate predicts for the window.
    public var before: Int
    public var during: Int
    public var expected: Double
}

/// Finds the incident window and scores each template against its own baseline.
///
/// Time is cut into at most ``maximumBuckets`` buckets. For each template that looks like trouble (a signal,
/// or WARN and above) the split point where its rate rises most significantly is found with a Poisson
/// likelihood-ratio test (the statistic of a single change point in a Poisson rate). Rises that start
/// together are grouped; the group with the most evidence (summed log-likelihood ratio) marks the start of
/// the window, which runs to the end of the input. Each template then gets a score: a template absent from
/// the baseline scores high whatever its count (a single OOM kill matters), a template whose rate rose
/// scores by how far above its baseline it went, and a template at its usual rate scores 0 — errors that
/// were there before the incident weigh little.
public struct AnomalyModel: Sendable {
    public static let maximumBuckets = 240
    /// The log-likelihood ratio a rise needs to count (about p < 0.001 for one change point).
    public static let riseThreshold = 8.0
    /// Onsets closer than this many buckets belong to the same rise.
    static let groupGapBuckets = 3
    /// A baseline shorter than this share of the input (or 30 s) cannot tell new from old.
    static let minimumBaselineShare = 0.1

    public var window: IncidentWindow?
    public var anomalies: [String: TemplateAnomaly]

    /// Scores `templates`; `since`/`until` override the detected window.
    public init(templates: [LogTemplate], since: Timestamp? = nil, until: Timestamp? = nil) {
        let times = templates.flatMap { [$0.firstSeen, $0.lastSeen].compactMap { $0 } }
        guard let first = times.min(), let last = times.max() else {
            window = nil
            anomalies = Dictionary(uniqueKeysWithValues: templates.map {
                ($0.id, TemplateAnomaly(kind: .unmeasured, score: 1, onset: nil, before: 0, during: $0.count, expected: 0))
            })
            return
        }
        let span = max(0, first.seconds(until: last))
        let bucket = max(1, span / Double(Self.maximumBuckets))
        let origin = first.second
        let bucketCount = max(1, Int((Double(last.second - origin) / bucket).rounded(.down)) + 1)
        func bucketIndex(_ second: Int64) -> Int {
            min(bucketCount - 1, max(0, Int(Double(second - origin) / bucket)))
        }
        func time(ofBucket index: Int) -> Timestamp {
            Timestamp(nanoseconds: (origin + Int64((Double(index) * bucket).rounded(.down))) * 1_000_000_000)
        }

        // Bucketed counts of every template.
        var series: [String: [Double]] = [:]
        for template in templates {
            var counts = [Double](repeating: 0, count: bucketCount)
            for (second, count) in zip(template.timeline.seconds, template.timeline.counts) {
                counts[bucketIndex(second)] += Double(count)
            }
            series[template.id] = counts
        }

        // Each trouble template's strongest rise.
        var rises: [(template: Int, bucket: Int, ratio: Double)] = []
        for (index, template) in templates.enumerated() where template.isAnomalous {
            if let rise = Self.strongestRise(series[template.id]!), rise.ratio >= Self.riseThreshold {
                rises.append((index, rise.bucket, rise.ratio))
            }
        }

        // The window.
        var start: Timestamp
        var source = IncidentWindow.Source.detected
        if let since {
            start = since
            source = .given
        } else if bucketCount < 4 || rises.isEmpty {
            start = first
            source = .wholeInput
        } else {
            let ordered = rises.sorted { ($0.bucket, $0.template) < ($1.bucket, $1.template) }
            var best: (score: Double, start: Int)?
            var groupStart = ordered[0].bucket
            var groupScore = 0.0
            var previous = ordered[0].bucket
            for rise in ordered {
                if rise.bucket - previous > Self.groupGapBuckets {
                    if best == nil || groupScore > best!.score { best = (groupScore, groupStart) }
                    groupStart = rise.bucket
                    groupScore = 0
                }
                groupScore += rise.ratio
                previous = rise.bucket
            }
            if best == nil || groupScore > best!.score { best = (groupScore, groupStart) }
            start = time(ofBucket: best!.start)
        }
        let end = until ?? last
        if start > end { start = first }
        window = IncidentWindow(start: start, end: end, source: source, bucketSeconds: bucket)

        // Score every template against the window.
        let baselineSeconds = max(0, first.seconds(until: start))
        let windowSeconds = max(bucket, start.seconds(until: end) + 1)
        let baselineUsable = source != .wholeInput && baselineSeconds >= max(30, span * Self.minimumBaselineShare)
        var scored: [String: TemplateAnomaly] = [:]
        let startSecond = start.second
        let endSecond = end.second + 1
        for template in templates {
            let before = template.timeline.count(from: Int64.min, to: startSecond)
            let during = template.timeline.count(from: startSecond, to: endSecond)
            let onset = Self.strongestRise(series[template.id]!).map { time(ofBucket: $0.bucket) }
            guard baselineUsable else {
                scored[template.id] = TemplateAnomaly(
                    kind: .unmeasured, score: during > 0 || template.timeline.seconds.isEmpty ? 1 : 0.3, onset: template.firstSeen,
                    before: before, during: during, expected: 0)
                continue
            }
            let rate = Double(before) / max(1, baselineSeconds)
            let expected = rate * windowSeconds
            var kind: TemplateAnomaly.Kind
            var score: Double
            if before == 0 && during > 0 {
                kind = .new
                score = 1
            } else if Double(during) > max(expected * 1.5, expected + 2) {
                // How many standard deviations above the baseline's prediction.
                let z = (Double(during) - expected) / (expected + 1).squareRoot()
                kind = .rising
                score = min(1, max(0.2, z / 8))
            } else if Double(during) < expected * 0.3 && expected >= 5 {
                kind = .falling
                score = min(1, (expected - Double(during)) / expected)
            } else {
                kind = .steady
                score = 0
            }
            scored[template.id] = TemplateAnomaly(
                kind: kind, score: score, onset: kind == .new ? template.timeline.seconds.first(where: { $0 >= startSecond }).map {
                    Timestamp(nanoseconds: $0 * 1_000_000_000)
                } ?? onset : onset, before: before, during: during, expected: expected)
        }
        anomalies = scored
    }

    /// The split of a count series where the rate rises most significantly: the bucket the higher rate
    /// starts at and the log-likelihood ratio of two Poisson rates against one.
    /// - Complexity: O(n).
    static func strongestRise(_ counts: [Double]) -> (bucket: Int, ratio: Double)? {
        let n = counts.count
        guard n >= 2 else { return nil }
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        let overall = total / Double(n)
        func term(_ count: Double, _ length: Double) -> Double {
            guard count > 0 else { return 0 }
            return count * log(count / length / overall)
        }
        var best: (Int, Double)?
        var before = 0.0
        for k in 1..<n {
            before += counts[k - 1]
            let after = total - before
            let rateBefore = before / Double(k)
            let rateAfter = after / Double(n - k)
            guard rateAfter > rateBefore else { continue }
            let ratio = term(before, Double(k)) + term(after, Double(n - k))
            if best == nil || ratio > best!.1 { best = (k, ratio) }
        }
        return best.map { (bucket: $0.0, ratio: $0.1) }
    }
}
