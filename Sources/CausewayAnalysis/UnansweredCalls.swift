public import CausewayCore
public import CausewayIngest
internal import Foundation

/// Calls that stopped reaching a dependency's logs, read off the lines that share a trace id.
///
/// In a trace's lines, in the order of their emitters' clocks, a caller's line right before a call is
/// followed by the callee's first line when the call arrives. When that caller's line goes on being logged
/// as often as before but the callee's line no longer follows it, the requests still leave the caller and
/// no longer get as far as the callee's first line: the callee fails before it logs (an exception thrown at
/// its entry, a fault that answers for it, a listener that is gone). This tells a failing dependency from
/// one whose callers stopped asking, which a message that merely stopped at the dependency cannot.
///
/// Only the caller's lines that it followed with no complaint of its own count: when the caller's next
/// line is its own warning or error, the caller said what went wrong (no instance to send the call to, a
/// refused connection), and that line is evidence of its own. A trace's last line says nothing.
public struct UnansweredCalls: Hashable, Sendable {
    public var caller: ServiceName
    public var callee: ServiceName
    /// The template of the caller's line that the callee's line used to follow.
    public var callSite: String
    /// Before the change point: the caller's lines, and those the callee's line followed.
    public var callsBefore: Int
    public var answeredBefore: Int
    /// From the change point to the end of the incident window.
    public var callsDuring: Int
    public var answeredDuring: Int
    /// The log-likelihood ratio of two answer rates split at the change point against one rate.
    public var likelihoodRatio: Double
    /// The first of the unanswered calls.
    public var onset: Timestamp
    /// The caller's line of an answered call before the change point and the callee's line after it.
    public var answeredCall: TracedLine
    public var answer: TracedLine
    /// The caller's line of an unanswered call after the change point and the line that followed it.
    public var unansweredCall: TracedLine
    public var followedBy: TracedLine

    /// Fewer calls before the change point, or fewer unanswered after it, say nothing.
    static let minimumCalls = 5
    /// The callee's line followed at least this share of the calls before the change point…
    static let minimumAnsweredShare = 0.8
    /// …and at most this fraction of that share after it.
    static let maximumAnsweredFractionDuring = 0.5
    /// A change worth a claim: five answered calls then five unanswered ones score 6.9; ten and ten, 13.9.
    static let minimumLikelihoodRatio = 10.0
    /// A change this long before the incident window is an older condition, not the incident.
    static let earliestOnsetBeforeWindow = 120.0

    /// Share of the calls the callee answered before the change point.
    public var answeredShareBefore: Double { Double(answeredBefore) / Double(max(1, callsBefore)) }
    public var answeredShareDuring: Double { Double(answeredDuring) / Double(max(1, callsDuring)) }

    /// The call sites whose callee stopped answering, strongest first. `lines` must be grouped by trace and
    /// in clock order within a trace (as ``IncidentLog/tracedLines`` are); `topology` says which services
    /// call which, and only a callee of the caller counts as the answer.
    public static func measure(_ lines: [TracedLine], topology: Topology, window: IncidentWindow?) -> [UnansweredCalls] {
        guard let window, window.source != .wholeInput, !lines.isEmpty else { return [] }
        var callees: [ServiceName: Set<ServiceName>] = [:]
        for call in topology.calls { callees[call.caller, default: []].insert(call.callee) }
        guard !callees.isEmpty else { return [] }

        // Each call site's calls, as the index of the caller's line (the line after it is what followed).
        var sites: [Site: [Int32]] = [:]
        var start = 0
        while start < lines.count {
            var end = start + 1
            while end < lines.count, lines[end].trace == lines[start].trace { end += 1 }
            for index in start..<(end - 1) {
                let line = lines[index]
                let next = lines[index + 1]
                guard let template = line.template, line.time <= window.end, callees[line.service] != nil,
                    next.service != line.service || next.level < .warning && !Self.isRepeat(next, of: line)
                else { continue }
                sites[Site(service: line.service, template: template), default: []].append(Int32(index))
            }
            start = end
        }

        var found: [UnansweredCalls] = []
        for (site, calls) in sites.sorted(by: { $0.key < $1.key }) where calls.count >= 2 * minimumCalls {
            let ordered = calls.sorted { (lines[Int($0)].time, lines[Int($0)].location) < (lines[Int($1)].time, lines[Int($1)].location) }
                .map { Call(line: lines[Int($0)], next: lines[Int($0) + 1]) }
            let answering = Set(ordered.map(\.next.service)).intersection(callees[site.service] ?? [])
            for callee in answering.sorted() {
                let answered = ordered.map { $0.next.service == callee }
                guard let split = changePoint(answered) else { continue }
                let onset = ordered[split.index].line.time
                guard onset.seconds(until: window.start) <= earliestOnsetBeforeWindow,
                    let before = ordered[..<split.index].last(where: { $0.next.service == callee }),
                    let during = ordered[split.index...].first(where: { $0.next.service != callee })
                else { continue }
                found.append(
                    UnansweredCalls(
                        caller: site.service, callee: callee, callSite: site.template, callsBefore: split.index,
                        answeredBefore: split.answeredBefore, callsDuring: ordered.count - split.index,
                        answeredDuring: split.answeredDuring, likelihoodRatio: split.likelihoodRatio, onset: onset,
                        answeredCall: before.line, answer: before.next, unansweredCall: during.line, followedBy: during.next))
            }
        }
        return found.sorted {
            ($1.likelihoodRatio, $0.callee, $0.caller, $0.callSite) < ($0.likelihoodRatio, $1.callee, $1.caller, $1.callSite)
        }
    }

    /// Where a series of answered (true) and unanswered calls changes from mostly answered to mostly not,
    /// most surely: the split maximising the two-rate log-likelihood ratio, with ``minimumCalls`` on each
    /// side and the shares on either side past their bounds; nil when no split is sure enough.
    /// - Complexity: O(n).
    static func changePoint(_ answered: [Bool]) -> (index: Int, answeredBefore: Int, answeredDuring: Int, likelihoodRatio: Double)? {
        let n = answered.count
        guard n >= 2 * minimumCalls else { return nil }
        let total = answered.count(where: { $0 })
        var prefix = 0
        var best: (index: Int, answeredBefore: Int, answeredDuring: Int, likelihoodRatio: Double)?
        for split in 1..<n {
            if answered[split - 1] { prefix += 1 }
            guard split >= minimumCalls, n - split - (total - prefix) >= minimumCalls else { continue }
            let shareBefore = Double(prefix) / Double(split)
            let shareDuring = Double(total - prefix) / Double(n - split)
            guard shareBefore >= minimumAnsweredShare, shareDuring <= shareBefore * maximumAnsweredFractionDuring else { continue }
            let ratio = bernoulliLogLikelihood(prefix, split) + bernoulliLogLikelihood(total - prefix, n - split)
                - bernoulliLogLikelihood(total, n)
            if best == nil || ratio > best!.likelihoodRatio { best = (split, prefix, total - prefix, ratio) }
        }
        guard let best, best.likelihoodRatio >= minimumLikelihoodRatio else { return nil }
        return best
    }

    /// The log-likelihood of `hits` in `count` trials at their own rate.
    static func bernoulliLogLikelihood(_ hits: Int, _ count: Int) -> Double {
        guard hits > 0, hits < count else { return 0 }
        let p = Double(hits) / Double(count)
        return Double(hits) * log(p) + Double(count - hits) * log(1 - p)
    }

    /// The services the unanswered calls point at (their callees), sorted by name; each with its call
    /// sites, the strongest first.
    public static func suspects(_ found: [UnansweredCalls]) -> [(service: ServiceName, calls: [UnansweredCalls])] {
        Dictionary(grouping: found, by: \.callee).sorted { $0.key < $1.key }.map { entry in
            (entry.key, entry.value.sorted {
                ($1.likelihoodRatio, $0.caller, $0.callSite) < ($0.likelihoodRatio, $1.caller, $1.callSite)
            })
        }
    }

    /// The same line collected twice (one service, one template, one clock reading): the second copy, not the
    /// first, is followed by what came next.
    static func isRepeat(_ next: TracedLine, of line: TracedLine) -> Bool {
        next.service == line.service && next.template == line.template && next.clock == line.clock
    }

    struct Site: Hashable, Comparable {
        var service: ServiceName
        var template: String

        static func < (a: Site, b: Site) -> Bool { (a.service, a.template) < (b.service, b.template) }
    }

    struct Call {
        var line: TracedLine
        var next: TracedLine
    }
}
