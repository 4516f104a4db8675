public import CausewayCore
public import CausewayIngest
internal import Foundation

/// How long requests took to cross each call edge, before and during the incident, from the lines that
/// share a trace id.
///
/// A trace's lines in the order of their emitters' clocks retrace the request: a caller's line followed by
/// its callee's is a *request* hop, a callee's followed by its caller's a *response* hop. The time between
/// the two lines is spent on the wire, in queues, or waiting for a CPU, not in either service's own work.
/// A network delay or a starved CPU at one service stretches the hops on its edges while the work inside
/// each service takes as long as before: the hops point at the service a span's duration cannot.
///
/// Only the change is measured, so a constant clock offset between two services cancels out.
public struct HopShift: Hashable, Sendable {
    public enum Direction: String, Hashable, Sendable, Codable {
        /// From the caller's line to the callee's: the call arriving.
        case request
        /// From the callee's line back to the caller's: the answer arriving.
        case response
    }

    public var caller: ServiceName
    public var callee: ServiceName
    public var direction: Direction
    /// Median seconds before and after the change point.
    public var medianBefore: Double
    public var medianDuring: Double
    public var hopsBefore: Int
    public var hopsDuring: Int
    /// The Mann–Whitney z score (positive when hops got longer).
    public var z: Double
    /// When the first of the slower hops began.
    public var onset: Timestamp
    /// The two lines of the later hop closest to the later median.
    public var exampleFrom: TracedLine
    public var exampleTo: TracedLine

    /// Fewer hops after the change point say nothing…
    static let minimumHops = 3
    /// …nor fewer before it (a rarely called edge may show only two before the incident).
    static let minimumHopsBefore = 2

    public var ratio: Double { (medianDuring + 0.002) / (medianBefore + 0.002) }

    /// A rise worth a claim: separated from the hops before it (z ≥ 2.5 at the best split, reachable with
    /// four hops before and six after when every later one is slower), at least three times the earlier
    /// median, and 20 ms longer.
    /// A rise far beyond any noise also counts at a smaller z, as on a rarely called edge: z ≥ 2 (two hops
    /// before and eight after, every later one slower), twenty times the earlier median, and 200 ms longer.
    public var isSignificantRise: Bool {
        let longer = medianDuring - medianBefore
        return (z >= 2.5 && hopsBefore >= Self.minimumHops && ratio >= 3 && longer >= 0.02) || (z >= 2 && ratio >= 20 && longer >= 0.2)
    }

    /// The edges' hops up to the end of the incident window, each edge split where its hops step up most
    /// surely (its own change point, so a slowdown is found even where the window's start is off).
    /// `topology` says which way each pair of services calls; hops between services with no call edge
    /// either way are not counted.
    public static func measure(_ lines: [TracedLine], topology: Topology, window: IncidentWindow?) -> [HopShift] {
        guard let window, window.source != .wholeInput, !lines.isEmpty else { return [] }
        var calls = Set<Pair>()
        for call in topology.calls { calls.insert(Pair(caller: call.caller, callee: call.callee)) }
        guard !calls.isEmpty else { return [] }

        var samples: [Key: [Hop]] = [:]
        for trace in lines.traceRanges {
            var previous = lines[trace.lowerBound]
            for index in trace.dropFirst() {
                let line = lines[index]
                defer { previous = line }
                guard line.service != previous.service, previous.time <= window.end else { continue }
                let key: Key
                if calls.contains(Pair(caller: previous.service, callee: line.service)) {
                    key = Key(pair: Pair(caller: previous.service, callee: line.service), direction: .request)
                } else if calls.contains(Pair(caller: line.service, callee: previous.service)) {
                    key = Key(pair: Pair(caller: line.service, callee: previous.service), direction: .response)
                } else {
                    continue
                }
                var gap = line.clock - previous.clock
                if gap < -43_200 { gap += 86_400 }  // the clocks passed midnight between the two lines
                guard gap >= 0, gap < 600 else { continue }
                samples[key, default: []].append(Hop(gap: gap, from: previous, to: line))
            }
        }

        var shifts: [HopShift] = []
        for (key, hops) in samples.sorted(by: { $0.key < $1.key }) {
            let ordered = hops.sorted { ($0.from.time, $0.from.location) < ($1.from.time, $1.from.location) }
            guard let split = changePoint(ordered.map(\.gap)) else { continue }
            let before = ordered[..<split.index].map(\.gap)
            let during = ordered[split.index...]
            let medianDuring = LatencyShift.median(during.map(\.gap))
            let example = during.min { a, b in
                (abs(a.gap - medianDuring), a.from.location) < (abs(b.gap - medianDuring), b.from.location)
            }!
            shifts.append(
                HopShift(
                    caller: key.pair.caller, callee: key.pair.callee, direction: key.direction,
                    medianBefore: LatencyShift.median(before), medianDuring: medianDuring, hopsBefore: before.count,
                    hopsDuring: during.count, z: split.z, onset: during.first!.from.time, exampleFrom: example.from, exampleTo: example.to))
        }
        return shifts
    }

    struct Hop {
        var gap: Double
        var from: TracedLine
        var to: TracedLine
    }

    /// Where a series of hop times steps up most surely: the split maximising the Mann–Whitney z of the
    /// later hops exceeding the earlier ones, with at least ``minimumHops`` on each side. One sort and a
    /// running rank sum make every split O(1).
    /// - Complexity: O(n log n).
    static func changePoint(_ gaps: [Double]) -> (index: Int, z: Double)? {
        let n = gaps.count
        guard n >= minimumHopsBefore + minimumHops else { return nil }
        // Ranks with ties at their mean.
        let order = gaps.indices.sorted { gaps[$0] < gaps[$1] }
        var rank = [Double](repeating: 0, count: n)
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n, gaps[order[j + 1]] == gaps[order[i]] { j += 1 }
            for k in i...j { rank[order[k]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        let total = Double(n) * Double(n + 1) / 2
        var prefix = 0.0
        var best: (index: Int, z: Double)?
        for split in 1..<n {
            prefix += rank[split - 1]
            guard split >= minimumHopsBefore, n - split >= minimumHops else { continue }
            let n1 = Double(split)
            let n2 = Double(n - split)
            let u = (total - prefix) - n2 * (n2 + 1) / 2
            let sd = (n1 * n2 * (n1 + n2 + 1) / 12).squareRoot()
            let z = sd > 0 ? (u - n1 * n2 / 2) / sd : 0
            if best == nil || z > best!.z { best = (split, z) }
        }
        return best
    }

    /// The service each significant rise points at: the endpoint that more slowed edges share (a delayed
    /// network or a starved CPU slows every edge of its service), the callee when the count cannot tell.
    /// Services come sorted by name; each with its edges, the largest rise first.
    public static func suspects(_ shifts: [HopShift]) -> [(service: ServiceName, hops: [HopShift])] {
        let risen = shifts.filter(\.isSignificantRise)
        var touches: [ServiceName: Set<Pair>] = [:]
        for shift in risen {
            let pair = Pair(caller: shift.caller, callee: shift.callee)
            touches[shift.caller, default: []].insert(pair)
            touches[shift.callee, default: []].insert(pair)
        }
        var byService: [ServiceName: [HopShift]] = [:]
        for shift in risen {
            let callerCount = touches[shift.caller]?.count ?? 0
            let calleeCount = touches[shift.callee]?.count ?? 0
            byService[callerCount > calleeCount ? shift.caller : shift.callee, default: []].append(shift)
        }
        return byService.sorted { $0.key < $1.key }.map { entry in
            (entry.key, entry.value.sorted { ($1.ratio, $0.caller, $0.callee) < ($0.ratio, $1.caller, $1.callee) })
        }
    }

    struct Pair: Hashable, Comparable {
        var caller: ServiceName
        var callee: ServiceName

        static func < (a: Pair, b: Pair) -> Bool { (a.caller, a.callee) < (b.caller, b.callee) }
    }

    struct Key: Hashable, Comparable {
        var pair: Pair
        var direction: Direction

        static func < (a: Key, b: Key) -> Bool { (a.pair, a.direction.rawValue) < (b.pair, b.direction.rawValue) }
    }
}
