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

    public init(start: Timestamp, end: Timestamp, source: Source, bucketSeconds: Double) {
        self.start = start
        self.end = end
        self.source = source
        self.bucketSeconds = bucketSeconds
    }
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
/// Time is cut into at most ``maximumBuckets`` buckets. The window starts where trouble (templates with a
/// signal, or WARN and above) surprises most against its own past: every bucket's count of every trouble
/// template is compared with that template's rate so far (see ``surgeStart(_:series:buckets:weights:)``),
/// so a new error template or a burst of an old one stands out while steady noise does not. The window
/// runs to the end of the input. Each template then gets a score: a template absent before the window
/// scores 1 whatever its count (a single OOM kill matters), a template whose rate rose scores by how many
/// standard deviations it went above its baseline's prediction, and a template at its usual rate scores 0
/// — errors that were there before the incident weigh nothing.
public struct AnomalyModel: Sendable {
    public static let maximumBuckets = 240
    /// A baseline shorter than this share of the input (or 30 s) cannot tell new from old.
    static let minimumBaselineShare = 0.1
    /// Lines a baseline shorter than that must hold of a template to measure its rate all the same.
    static let minimumShortBaselineLines = 5
    /// The least score of a change (deploy, config change), whenever it happened.
    static let changeScore = 0.5
    /// The weight left to trouble whose onset came well before the window.
    static let earlyOnsetFactor = 0.4
    /// Lines a precursor's rate in the window predicts for the quiet history before it, at least.
    static let precursorQuietLines = 5.0
    /// How far before the detected window a measured change in traffic may move its start.
    public static let maximumLead = 300.0

    public var window: IncidentWindow?
    public var anomalies: [String: TemplateAnomaly]

    /// Scores `templates`; `since`/`until` override the detected window. `weights` says how much each
    /// template's trouble counts toward finding the window (by level and signal; absent templates count 1).
    ///
    /// Templates in `changes` (deploys, config changes) keep at least ``changeScore`` whenever they happened.
    ///
    /// `leadingChange` is the onset of a change in the requests' own traffic (hops that slowed, calls no
    /// longer answered) measured at its own change point: when it came before the detected window, by at
    /// most ``maximumLead`` seconds, the window starts there instead. A fault that slows or breaks requests
    /// without a line of its own starts the incident; the errors that surge later are its consequences
    /// (queues fill, timeouts expire), and a baseline that ran on into the fault would measure them
    /// against trouble already under way.
    public init(
        templates: [LogTemplate], weights: [String: Double] = [:], changes: Set<String> = [], since: Timestamp? = nil,
        until: Timestamp? = nil, leadingChange: Timestamp? = nil
    ) {
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

        // The window: where trouble surprises most against its own history.
        var start: Timestamp
        var source = IncidentWindow.Source.detected
        if let since {
            start = since
            source = .given
        } else if bucketCount < 8, let begin = Self.firstTrouble(templates) {
            start = begin
            source = .wholeInput
        } else if let onset = Self.surgeStart(templates, series: series, buckets: bucketCount, weights: weights) {
            start = time(ofBucket: onset)
            if let leadingChange, leadingChange < start, leadingChange.seconds(until: start) <= Self.maximumLead {
                start = leadingChange
            }
            // Clocks of different services disagree by seconds: start a little early.
            start = start.adding(seconds: -max(2 * bucket, 10))
            if start < first { start = first }
        } else {
            start = first
            source = .wholeInput
        }
        let end = until ?? last
        if start > end { start = first }
        window = IncidentWindow(start: start, end: end, source: source, bucketSeconds: bucket)

        // Score every template by its own change: new after a quiet baseline, or rising.
        let minimumHistory = max(30, span * Self.minimumBaselineShare)
        let baselineUsable = source != .wholeInput && first.seconds(until: start) >= minimumHistory
        var scored: [String: TemplateAnomaly] = [:]
        let startSecond = start.second
        let endSecond = end.second + 1
        let margin = max(2 * bucket, 30)
        for template in templates {
            let before = template.timeline.count(from: Int64.min, to: startSecond)
            let during = template.timeline.count(from: startSecond, to: endSecond)
            let windowSeconds = max(bucket, start.seconds(until: end) + 1)
            let baselineSeconds = max(1, first.seconds(until: start))
            let expected = Double(before) / baselineSeconds * windowSeconds
            // A short baseline cannot show that a template is new (its absence says little), but a template
            // it already holds several lines of is old: its rate can be compared.
            let establishedEarly = source != .wholeInput && before >= Self.minimumShortBaselineLines
            guard baselineUsable || establishedEarly, let firstSeen = template.firstSeen else {
                // Too little history to measure a rate; trouble that was already there well before the
                // surge still weighs less.
                var score = 1.0
                if let firstSeen = template.firstSeen, firstSeen.seconds(until: start) > margin, !changes.contains(template.id) {
                    score = Self.earlyOnsetFactor
                }
                scored[template.id] = TemplateAnomaly(
                    kind: .unmeasured, score: score, onset: template.firstSeen, before: before, during: during, expected: expected)
                continue
            }
            var kind = TemplateAnomaly.Kind.steady
            var score = 0.0
            var onset: Timestamp? = firstSeen
            // Trouble that first appeared at most ``maximumLead`` before the surge, after a history long
            // enough to show it was absent, and went on into it, is how the incident began (a revoked
            // credential failing its renewals minutes before the pools run dry), not old noise.
            // Its lead must be more than the clocks' slack and no longer than the quiet history before it, and
            // that history long enough for its absence to mean something: at the rate it ran since it began,
            // at least ``precursorQuietLines`` of its lines would have shown (sparse noise, a line a minute,
            // is absent for minutes by chance).
            let lead = firstSeen.seconds(until: start)
            let quiet = first.seconds(until: firstSeen)
            let precursor =
                template.isAnomalous && before > 0 && during > 0 && lead > margin && lead <= Self.maximumLead
                && quiet >= max(minimumHistory, lead)
                && Double(before + during) / (lead + windowSeconds) * quiet >= Self.precursorQuietLines
            if (before == 0 || precursor) && during > 0 {
                kind = .new
                score = 1
            } else if let rise = Self.riseScore(during: during, expected: expected) {
                kind = .rising
                score = rise
                onset = Self.strongestRise(series[template.id]!).map { time(ofBucket: $0.bucket) } ?? firstSeen
            } else if Double(during) < expected * 0.3 && expected >= 5 {
                // Trouble that eased is not the incident's symptom; a service that fell silent altogether
                // is found by its whole traffic (``BehaviourShift``), not by one template.
                kind = .falling
                score = 0
            }
            // Trouble that began well before the incident's surge weighs less: it was already there.
            if score > 0, !precursor, let onset, onset.seconds(until: start) > margin { score *= Self.earlyOnsetFactor }
            if changes.contains(template.id), score < Self.changeScore {
                kind = kind == .steady ? .unmeasured : kind
                score = Self.changeScore
            }
            scored[template.id] = TemplateAnomaly(
                kind: kind, score: score, onset: onset, before: before, during: during, expected: expected)
        }
        if baselineUsable {
            Self.rescoreRewordings(
                templates, &scored, changes: changes, baselineSeconds: max(1, first.seconds(until: start)),
                windowSeconds: max(bucket, start.seconds(until: end) + 1), start: start, margin: margin)
        }
        anomalies = scored
    }

    /// The first line of any trouble template.
    static func firstTrouble(_ templates: [LogTemplate]) -> Timestamp? {
        templates.filter(\.isAnomalous).compactMap(\.firstSeen).min()
    }

    /// Surprise needed at the peak for a window to be declared at all.
    static let minimumSurprise = 6.0

    static func surgeStart(_ templates: [LogTemplate], series: [String: [Double]], buckets n: Int, weights: [String: Double]) -> Int? {
        var surprise = [Double](repeating: 0, count: n)
        let warmUp = Double(max(2, n / 5))
        func score(_ counts: [Double], weight: Double) {
            var history = 0.0
            for b in 0..<n {
                let c = counts[b]
                if c > 0 {
                    let rate = (history + 0.1) / Double(b + 1)
                    if c > rate {
                        let settled = min(1, Double(b) / warmUp)
                        surprise[b] += weight * (c * log(c / rate) - c + rate) * settled * settled
                    }
                }
                history += c
            }
        }
        var services: [String: [Double]] = [:]
        for template in templates where template.isAnomalous {
            guard let counts = series[template.id] else { continue }
            let weight = weights[template.id] ?? 1
            guard weight > 0 else { continue }
            score(counts, weight: weight)
            var total = services[template.service.rawValue] ?? [Double](repeating: 0, count: n)
            for b in 0..<n { total[b] += counts[b] * weight }
            services[template.service.rawValue] = total
        }
        // Each service's trouble as a whole: many small new messages at one service add up.
        for (_, total) in services.sorted(by: { $0.key < $1.key }) { score(total, weight: 1) }
        let span = max(1, n / 40)
        var best: (start: Int, total: Double)?
        var running = 0.0
        for b in 0..<n {
            running += surprise[b]
            if b >= span { running -= surprise[b - span] }
            let start = max(0, b - span + 1)
            if best == nil || running > best!.total + 1e-12 { best = (start, running) }
        }
        guard let peak = best, peak.total >= minimumSurprise else { return nil }
        let significant = max(1.0, 0.05 * (surprise.max() ?? 0))
        // The first surprising bucket in the peak span, then back while the gaps stay short.
        var onset = peak.start
        for b in peak.start..<min(n, peak.start + span) where surprise[b] >= significant {
            onset = b
            break
        }
        var b = onset - 1
        var gap = 0
        while b >= 0 {
            if surprise[b] >= significant {
                onset = b
                gap = 0
            } else {
                gap += 1
                if gap > span { break }
            }
            b -= 1
        }
        return onset
    }

    /// The split of a count series where the rate rises most significantly: the bucket the higher rate
    /// starts at and the log-likelihood ratio of two Poisson rates against one.
    /// The score of a count that rose against its baseline's prediction, or nil when it did not rise
    /// significantly (3 standard deviations) and largely (1.5x, and 2 lines more). The score grows with the
    /// ratio to the prediction, 0.1 at most up to 1 at 10x, so busy noise that merely fluctuates weighs little.
    static func riseScore(during: Int, expected: Double) -> Double? {
        let count = Double(during)
        guard count > max(expected * 1.5, expected + 2), (count - expected) / (expected + 1).squareRoot() >= 3 else { return nil }
        return min(1, max(0.1, log(count / max(expected, 0.5)) / log(10)))
    }

    /// Words two rewordings of one message share: lowercased letter runs of three or more, without
    /// wildcards and bracketed logger names.
    static func words(_ pattern: String) -> Set<Substring> {
        var result = Set<Substring>()
        for token in pattern.split(separator: " ") where !(token.first == "[" && token.last == "]") {
            for word in token.split(whereSeparator: { !$0.isLetter }) where word.count >= 3 {
                result.insert(Substring(word.lowercased()))
            }
        }
        return result
    }

    /// Lines before the window that make trouble established.
    static let minimumEstablished = 3

    /// Share of words two messages must share to be rewordings of one another.
    static let rewordingSimilarity = 0.7

    /// A template new in the window that rewords trouble its service already logged before it (another
    /// logger prefix, another token count) is that old trouble, not a new one: it is scored with its
    /// rewordings, by whether their rate together rose.
    static func rescoreRewordings(
        _ templates: [LogTemplate], _ scored: inout [String: TemplateAnomaly], changes: Set<String>, baselineSeconds: Double,
        windowSeconds: Double, start: Timestamp, margin: Double
    ) {
        let fresh = templates.filter { scored[$0.id]?.kind == .new && !changes.contains($0.id) }
        guard !fresh.isEmpty else { return }
        // Rewordings count only of trouble established before the window: a few lines of it.
        // (A precursor is new with lines before the window: it is no rewording of itself.)
        let old = templates.filter { (scored[$0.id]?.before ?? 0) >= minimumEstablished && scored[$0.id]?.kind != .new }
        let oldWords = old.map { words($0.pattern) }
        for template in fresh {
            let own = words(template.pattern)
            guard own.count >= 2, var anomaly = scored[template.id] else { continue }
            let siblings = old.indices.filter { i in
                let other = old[i]
                guard other.service == template.service, other.signals == template.signals, other.level == template.level else { return false }
                let shared = own.intersection(oldWords[i]).count
                return Double(shared) / Double(own.union(oldWords[i]).count) >= rewordingSimilarity
            }
            guard !siblings.isEmpty else { continue }
            let before = siblings.reduce(0) { $0 + scored[old[$1].id]!.before }
            let during = anomaly.during + siblings.reduce(0) { $0 + scored[old[$1].id]!.during }
            let expected = Double(before) / baselineSeconds * windowSeconds
            if let rise = riseScore(during: during, expected: expected) {
                anomaly.kind = .rising
                anomaly.score = rise
                if let onset = anomaly.onset, onset.seconds(until: start) > margin { anomaly.score *= earlyOnsetFactor }
            } else {
                anomaly.kind = .steady
                anomaly.score = 0
            }
            scored[template.id] = anomaly
        }
    }

    /// - Complexity: O(n).
    static func strongestRise(_ counts: [Double]) -> (bucket: Int, ratio: Double)? {
        let n = counts.count
        guard n >= 2 else { return nil }
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        var best: (Int, Double)?
        var before = 0.0
        for k in 1..<n {
            before += counts[k - 1]
            let after = total - before
            let rateBefore = before / Double(k)
            let rateAfter = after / Double(n - k)
            guard rateAfter > rateBefore else { continue }
            let ratio = twoRateLikelihoodRatio(before: before, beforeLength: Double(k), total: total, length: Double(n))
            if best == nil || ratio > best!.1 { best = (k, ratio) }
        }
        return best.map { (bucket: $0.0, ratio: $0.1) }
    }
}
