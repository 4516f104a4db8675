public import CausewayCore

/// How many lines a template had in each second, sorted by second.
public struct TemplateTimeline: Hashable, Sendable {
    /// Seconds since the epoch, ascending, each once.
    public private(set) var seconds: [Int64] = []
    /// Lines in each of ``seconds``.
    public private(set) var counts: [Int32] = []

    public init() {}

    /// Counts one line at `second`; cheap when lines arrive in time order.
    mutating func add(_ second: Int64, count: Int32 = 1) {
        if let last = seconds.last, last == second {
            counts[counts.count - 1] += count
        } else {
            seconds.append(second)
            counts.append(count)
        }
    }

    /// Sorts and merges repeated seconds (lines out of order, or timelines joined).
    mutating func normalise() {
        var sorted = true
        for i in seconds.indices.dropFirst() where seconds[i] <= seconds[i - 1] {
            sorted = false
            break
        }
        if sorted { return }
        let order = seconds.indices.sorted { (seconds[$0], $0) < (seconds[$1], $1) }
        var newSeconds: [Int64] = []
        var newCounts: [Int32] = []
        for i in order {
            if let last = newSeconds.last, last == seconds[i] {
                newCounts[newCounts.count - 1] += counts[i]
            } else {
                newSeconds.append(seconds[i])
                newCounts.append(counts[i])
            }
        }
        seconds = newSeconds
        counts = newCounts
    }

    /// Appends another timeline (then ``normalise()`` before reading).
    mutating func append(_ other: TemplateTimeline) {
        seconds.append(contentsOf: other.seconds)
        counts.append(contentsOf: other.counts)
    }

    /// Lines in `[from, to)` seconds.
    public func count(from: Int64, to: Int64) -> Int {
        var total = 0
        var low = 0
        var high = seconds.count
        while low < high {
            let mid = (low + high) / 2
            if seconds[mid] < from { low = mid + 1 } else { high = mid }
        }
        var i = low
        while i < seconds.count, seconds[i] < to {
            total += Int(counts[i])
            i += 1
        }
        return total
    }

    public var total: Int { counts.reduce(0) { $0 + Int($1) } }
}

extension Timestamp {
    /// Whole seconds since the epoch (floor).
    public var second: Int64 {
        nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
    }
}
