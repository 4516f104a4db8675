public import CausewayCore
public import CausewayIngest
internal import Foundation

/// How long a service's spans took before and during the incident, from the trace and span ids its lines
/// carry (log correlation): a span's duration runs from its first line to its last.
///
/// A Mann–Whitney U test compares the two samples of durations (no assumption about their shape); a rise
/// counts when it is significant and at least 1.5 times the baseline's median.
public struct LatencyShift: Hashable, Sendable {
    public var service: ServiceName
    public var medianBefore: Double
    public var medianDuring: Double
    public var spansBefore: Int
    public var spansDuring: Int
    /// The U test's z score (positive when spans got longer).
    public var z: Double
    /// When the first span of the window that took longer than halfway from the earlier median to the
    /// later one started: when the slowing shows, rather than where the window begins.
    public var onset: Timestamp?

    static let minimumSpans = 5

    public var ratio: Double { (medianDuring + 0.001) / (medianBefore + 0.001) }

    public var isSignificantRise: Bool { z >= 3 && ratio >= 1.5 && medianDuring - medianBefore >= 0.005 }

    public static func measure(_ spans: [ObservedSpan], window: IncidentWindow?) -> [LatencyShift] {
        guard let window, window.source != .wholeInput else { return [] }
        var byService: [ServiceName: ([Double], [ObservedSpan])] = [:]
        for span in spans {
            if span.start < window.start {
                byService[span.service, default: ([], [])].0.append(span.duration)
            } else if span.start <= window.end {
                byService[span.service, default: ([], [])].1.append(span)
            }
        }
        var shifts: [LatencyShift] = []
        for (service, (before, spansDuring)) in byService.sorted(by: { $0.key < $1.key }) {
            let during = spansDuring.map(\.duration)
            guard before.count >= minimumSpans, during.count >= minimumSpans else { continue }
            let medianBefore = median(before)
            let medianDuring = median(during)
            let halfway = (medianBefore + medianDuring) / 2
            let onset = spansDuring.filter { $0.duration > halfway }.map(\.start).min()
            shifts.append(
                LatencyShift(
                    service: service, medianBefore: medianBefore, medianDuring: medianDuring, spansBefore: before.count,
                    spansDuring: during.count, z: mannWhitneyZ(before, during), onset: onset))
        }
        return shifts
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The z score of the Mann–Whitney U statistic for `b` exceeding `a`, with ties ranked by their mean.
    static func mannWhitneyZ(_ a: [Double], _ b: [Double]) -> Double {
        let all = (a.map { ($0, 0) } + b.map { ($0, 1) }).sorted { $0.0 < $1.0 }
        var ranks = [Double](repeating: 0, count: all.count)
        var i = 0
        while i < all.count {
            var j = i
            while j + 1 < all.count, all[j + 1].0 == all[i].0 { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i...j { ranks[k] = rank }
            i = j + 1
        }
        var rankSum = 0.0
        for (k, item) in all.enumerated() where item.1 == 1 { rankSum += ranks[k] }
        let n1 = Double(a.count)
        let n2 = Double(b.count)
        let u = rankSum - n2 * (n2 + 1) / 2
        let mean = n1 * n2 / 2
        let sd = (n1 * n2 * (n1 + n2 + 1) / 12).squareRoot()
        return sd > 0 ? (u - mean) / sd : 0
    }
}
