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

    static let minimumSpans = 5

    public var ratio: Double { (medianDuring + 0.001) / (medianBefore + 0.001) }

    public var isSignificantRise: Bool { z >= 3 && ratio >= 1.5 && medianDuring - medianBefore >= 0.005 }

    public static func measure(_ spans: [ObservedSpan], window: IncidentWindow?) -> [LatencyShift] {
        guard let window, window.source != .wholeInput else { return [] }
        var byService: [ServiceName: ([Double], [Double])] = [:]
        for span in spans {
            if span.start < window.start {
                byService[span.service, default: ([], [])].0.append(span.duration)
            } else if span.start <= window.end {
                byService[span.service, default: ([], [])].1.append(span.duration)
            }
        }
        var shifts: [LatencyShift] = []
        for (service, (before, during)) in byService.sorted(by: { $0.key < $1.key }) {
            guard before.count >= minimumSpans, during.count >= minimumSpans else { continue }
            shifts.append(
                LatencyShift(
                    service: service, medianBefore: median(before), medianDuring: median(during), spansBefore: before.count,
                    spansDuring: during.count, z: mannWhitneyZ(before, during)))
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
