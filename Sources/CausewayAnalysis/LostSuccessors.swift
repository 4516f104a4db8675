public import CausewayCore
public import CausewayIngest
internal import Foundation

/// A line that always came next in a request's trace and stopped coming, read off the lines that share a
/// trace id.
///
/// In a trace's lines, in the order of their emitters' clocks, each line is followed by the request's next
/// step. When a line goes on being logged but the line that always followed it no longer does, the request
/// now breaks off between the two:
///
/// - **An unanswered call** (``Kind/call``): the next line was a callee's first line. The requests still
///   leave the caller and no longer get as far as the callee's first line: the callee fails before it logs
///   (an exception thrown at its entry, a fault that answers for it, a listener that is gone). This tells a
///   failing dependency from one whose callers stopped asking, which a message that merely stopped at the
///   dependency cannot.
/// - **A step cut short** (``Kind/step``): the next line was the same service's next step. The service's
///   handling now stops between the two lines, and no callee logged in between: the failure is in the
///   service's own code (an exception, an early return).
///
/// Only lines followed by no complaint count: when the next line is the service's own warning or error,
/// the service said what went wrong (no instance to call, a refused connection), and that line is evidence
/// of its own. A trace's last line says nothing, nor does a line collected twice.
public struct LostSuccessor: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Comparable {
        /// The lost successor was a callee's line.
        case call
        /// The lost successor was the service's own next step.
        case step

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    /// The service whose line the successor used to follow.
    public var service: ServiceName
    /// The template of that line.
    public var site: String
    /// The service whose line used to come next: a callee, or ``service`` itself for a step.
    public var successor: ServiceName
    /// For a step, the template of the service's line that used to come next.
    public var successorStep: String?
    /// Before the change point: the site's lines, and those the successor followed.
    public var linesBefore: Int
    public var followedBefore: Int
    /// From the change point to the end of the incident window.
    public var linesDuring: Int
    public var followedDuring: Int
    /// The log-likelihood ratio of two rates of being followed, split at the change point, against one.
    public var likelihoodRatio: Double
    /// The first of the lines the successor no longer followed.
    public var onset: Timestamp
    /// A site line before the change point and the successor's line after it.
    public var followedLine: TracedLine
    public var successorLine: TracedLine
    /// A site line after the change point and the line that came next instead.
    public var unfollowedLine: TracedLine
    public var nextLine: TracedLine

    /// Fewer site lines before the change point, or fewer unfollowed ones after it, say nothing.
    static let minimumLines = 5
    /// The successor followed at least this share of the site's lines before the change point…
    static let minimumShareBefore = 0.8
    /// …and at most this share after it.
    static let maximumShareDuring = 0.25
    /// A change worth a claim: five followed lines then five unfollowed ones score 6.9; ten and ten, 13.9.
    static let minimumLikelihoodRatio = 10.0
    /// A change this long before the incident window is an older condition, not the incident.
    static let earliestOnsetBeforeWindow = 120.0

    public var shareBefore: Double { Double(followedBefore) / Double(max(1, linesBefore)) }
    public var shareDuring: Double { Double(followedDuring) / Double(max(1, linesDuring)) }

    /// Every lost successor, strongest first. `lines` must be grouped by trace and in clock order within a
    /// trace (as ``IncidentLog/tracedLines`` are); `topology` says which services call which: only a callee's
    /// line counts as a call's successor.
    public static func measure(_ lines: [TracedLine], topology: Topology, window: IncidentWindow?) -> [LostSuccessor] {
        guard let window, window.source != .wholeInput, !lines.isEmpty else { return [] }
        var callees: [ServiceName: Set<ServiceName>] = [:]
        for call in topology.calls { callees[call.caller, default: []].insert(call.callee) }

        // Each site's lines, as indices (the line after each is what followed it).
        var sites: [Site: [Int32]] = [:]
        for trace in lines.traceRanges {
            for index in trace.dropLast() {
                let line = lines[index]
                let next = lines[index + 1]
                guard let template = line.template, line.time <= window.end,
                    next.service != line.service || next.level < .warning && !Self.isRepeat(next, of: line)
                else { continue }
                sites[Site(service: line.service, template: template), default: []].append(Int32(index))
            }
        }

        var found: [LostSuccessor] = []
        for (site, indices) in sites.sorted(by: { $0.key < $1.key }) where indices.count >= 2 * minimumLines {
            let ordered = indices.sorted { (lines[Int($0)].time, lines[Int($0)].location) < (lines[Int($1)].time, lines[Int($1)].location) }
                .map { (line: lines[Int($0)], next: lines[Int($0) + 1]) }
            var candidates = Set<Successor>()
            for pair in ordered {
                if pair.next.service == site.service {
                    if let step = pair.next.template, step != site.template { candidates.insert(Successor(service: site.service, step: step)) }
                } else if callees[site.service]?.contains(pair.next.service) == true {
                    candidates.insert(Successor(service: pair.next.service, step: nil))
                }
            }
            for successor in candidates.sorted() {
                let followed = ordered.map { successor.matches($0.next) }
                guard let split = changePoint(followed) else { continue }
                let onset = ordered[split.index].line.time
                guard onset.seconds(until: window.start) <= earliestOnsetBeforeWindow,
                    let before = ordered[..<split.index].last(where: { successor.matches($0.next) }),
                    let during = ordered[split.index...].first(where: { !successor.matches($0.next) })
                else { continue }
                found.append(
                    LostSuccessor(
                        kind: successor.step == nil ? .call : .step, service: site.service, site: site.template,
                        successor: successor.service, successorStep: successor.step, linesBefore: split.index,
                        followedBefore: split.followedBefore, linesDuring: ordered.count - split.index,
                        followedDuring: split.followedDuring, likelihoodRatio: split.likelihoodRatio, onset: onset,
                        followedLine: before.line, successorLine: before.next, unfollowedLine: during.line, nextLine: during.next))
            }
        }
        return found.sorted { ($1.likelihoodRatio, $0.successor, $0.service, $0.site) < ($0.likelihoodRatio, $1.successor, $1.service, $1.site) }
    }

    /// Where a series of followed (true) and unfollowed lines changes from mostly followed to mostly not, most
    /// surely: the split maximising the two-rate log-likelihood ratio, with ``minimumLines`` before it and as
    /// many unfollowed after it, and the shares on either side past their bounds; nil when no split is sure
    /// enough.
    /// - Complexity: O(n).
    static func changePoint(_ followed: [Bool]) -> (index: Int, followedBefore: Int, followedDuring: Int, likelihoodRatio: Double)? {
        let n = followed.count
        guard n >= 2 * minimumLines else { return nil }
        let total = followed.count(where: { $0 })
        var prefix = 0
        var best: (index: Int, followedBefore: Int, followedDuring: Int, likelihoodRatio: Double)?
        for split in 1..<n {
            if followed[split - 1] { prefix += 1 }
            guard split >= minimumLines, n - split - (total - prefix) >= minimumLines else { continue }
            let shareBefore = Double(prefix) / Double(split)
            let shareDuring = Double(total - prefix) / Double(n - split)
            guard shareBefore >= minimumShareBefore, shareDuring <= maximumShareDuring else { continue }
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

    /// The services the lost successors point at, one entry per kind and service, sorted by kind then name;
    /// each with its findings, the strongest first. A lost call points at the callee, a lost step at the
    /// service itself.
    public static func suspects(_ found: [LostSuccessor]) -> [(kind: Kind, service: ServiceName, findings: [LostSuccessor])] {
        Dictionary(grouping: found) { SuspectKey(kind: $0.kind, service: $0.successor) }
            .sorted { $0.key < $1.key }
            .map { entry in
                (entry.key.kind, entry.key.service, entry.value.sorted {
                    ($1.likelihoodRatio, $0.service, $0.site) < ($0.likelihoodRatio, $1.service, $1.site)
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

    /// What used to come next: any line of a callee, or one template of the service's own.
    struct Successor: Hashable, Comparable {
        var service: ServiceName
        var step: String?

        func matches(_ line: TracedLine) -> Bool { line.service == service && (step == nil || line.template == step) }

        static func < (a: Successor, b: Successor) -> Bool { (a.service, a.step ?? "") < (b.service, b.step ?? "") }
    }

    struct SuspectKey: Hashable, Comparable {
        var kind: Kind
        var service: ServiceName

        static func < (a: SuspectKey, b: SuspectKey) -> Bool { (a.kind, a.service) < (b.kind, b.service) }
    }
}
