public import CausewayCore
public import CausewayIngest

/// Calls read off log lines that carry a trace id, when no topology is declared.
///
/// A request enters a service by a call: in a trace's lines, in the order of their emitters' clocks, the
/// line right before a service's first line in that trace is most often its caller's (the line before the
/// call). Counted over many traces, the pairs show who calls whom. A caller that logs nothing before it
/// calls puts its callee's line first and reverses the pair in that trace; the count in each direction
/// decides, and a pair seen about as often both ways is left out.
public enum TracedLineCalls {
    /// Fewer traces say nothing.
    static let minimumTraces = 3
    /// The share of a pair's traces that must run one way.
    static let minimumShare = 0.8

    /// The calls the traced lines show, sorted, with provenance ``Topology/Provenance/traced``: each with how
    /// many traces entered the callee from the caller, and the callee's first line in a few of them.
    /// `lines` must be grouped by trace and in clock order within a trace (as ``IncidentLog/tracedLines``
    /// are).
    public static func infer(_ lines: [TracedLine]) -> [Topology.Call] {
        var entries: [Pair: Entry] = [:]
        for trace in lines.traceRanges {
            var seen = Set<ServiceName>([lines[trace.lowerBound].service])
            for index in trace.dropFirst() where !seen.contains(lines[index].service) {
                let line = lines[index]
                seen.insert(line.service)
                let previous = lines[index - 1]
                entries[Pair(caller: previous.service, callee: line.service), default: Entry()].add(line)
            }
        }
        var calls: [Topology.Call] = []
        for (pair, entry) in entries.sorted(by: { $0.key < $1.key }) where entry.traces >= minimumTraces {
            let reverse = entries[Pair(caller: pair.callee, callee: pair.caller)]?.traces ?? 0
            let share = Double(entry.traces) / Double(entry.traces + reverse)
            guard share >= minimumShare else { continue }
            let cited = entry.evidence.first.map { " (\($0))" } ?? ""
            calls.append(
                Topology.Call(
                    caller: pair.caller, callee: pair.callee, provenance: .traced,
                    reason: "in \(entry.traces) trace(s) a line of \(pair.caller) comes right before \(pair.callee)'s first line\(cited)",
                    confidence: share * min(1, Double(entry.traces) / 10), evidence: entry.evidence,
                    traffic: Topology.Traffic(calls: entry.traces, errors: 0, firstSeen: entry.firstSeen, lastSeen: entry.lastSeen)))
        }
        return calls
    }

    struct Pair: Hashable, Comparable {
        var caller: ServiceName
        var callee: ServiceName

        static func < (a: Pair, b: Pair) -> Bool { (a.caller, a.callee) < (b.caller, b.callee) }
    }

    struct Entry {
        var traces = 0
        var evidence: [SourceLocation] = []
        var firstSeen: Timestamp?
        var lastSeen: Timestamp?

        mutating func add(_ line: TracedLine) {
            traces += 1
            if evidence.count < Topology.Call.evidenceLimit { evidence.append(line.location) }
            if firstSeen.map({ line.time < $0 }) ?? true { firstSeen = line.time }
            if lastSeen.map({ line.time > $0 }) ?? true { lastSeen = line.time }
        }
    }
}
