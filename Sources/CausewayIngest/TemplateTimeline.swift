public import CausewayCore

/// How many lines a template had over time: counts per slot of ``resolution`` seconds, sorted by slot.
///
/// Slots start one second wide; when a timeline holds more than ``capacity`` slots they double in width,
/// so memory stays bounded by the number of templates whatever the input's length.
public struct TemplateTimeline: Hashable, Sendable {
    /// Most slots kept before slots are widened.
    public static let capacity = 512

    /// The first second of each slot, ascending, each once (after ``normalise()``).
    public private(set) var seconds: [Int64] = []
    /// Lines in each of ``seconds``' slots.
    public private(set) var counts: [Int32] = []
    /// Seconds per slot: 1, 2, 4, …
    public private(set) var resolution: Int64 = 1

    public init() {}

    /// The first second of the slot `second` falls in: `second` rounded down to a multiple of ``resolution``
    /// (a power of two, so a mask does it, for negative seconds too, without two divisions).
    @inline(__always)
    private func slot(_ second: Int64) -> Int64 {
        Self.slot(second, resolution: resolution)
    }

    @inline(__always)
    private static func slot(_ second: Int64, resolution: Int64) -> Int64 {
        resolution & (resolution - 1) == 0 ? second & ~(resolution - 1) : second - ((second % resolution) + resolution) % resolution
    }

    /// Counts one line at `second`; cheap when lines arrive in time order.
    mutating func add(_ second: Int64, count: Int32 = 1) {
        let start = slot(second)
        if let last = seconds.last, last == start {
            counts[counts.count - 1] += count
        } else {
            seconds.append(start)
            counts.append(count)
            if seconds.count > Self.capacity { widen() }
        }
    }

    /// Doubles the slot width until the timeline fits its capacity.
    private mutating func widen() {
        while seconds.count > Self.capacity {
            resolution *= 2
            rebucket()
        }
    }

    /// Re-slots every entry at the current resolution, sorting and merging.
    private mutating func rebucket() {
        // Already sorted, merged and on slot boundaries (the usual timeline of one part): nothing changes.
        if isSlotted { return }
        // Seconds already in order (a part read in time order, widened) keep their order: no sort, and the
        // slots are merged in place.
        var ordered = true
        for i in seconds.indices.dropFirst() where seconds[i] < seconds[i - 1] {
            ordered = false
            break
        }
        if ordered {
            let resolution = resolution
            var kept = 0
            seconds.withUnsafeMutableBufferPointer { seconds in
                counts.withUnsafeMutableBufferPointer { counts in
                    for i in 0..<seconds.count {
                        let start = Self.slot(seconds[i], resolution: resolution)
                        if kept > 0, seconds[kept - 1] == start {
                            counts[kept - 1] += counts[i]
                        } else {
                            seconds[kept] = start
                            counts[kept] = counts[i]
                            kept += 1
                        }
                    }
                }
            }
            // Fresh arrays of the slots kept: trimming in place would keep the widest capacity each timeline
            // ever had, and memory would grow with the input's length (14 MB more at 3M lines on two cores).
            seconds = Array(seconds[0..<kept])
            counts = Array(counts[0..<kept])
            return
        }
        let order = seconds.indices.sorted { (seconds[$0], $0) < (seconds[$1], $1) }
        var newSeconds: [Int64] = []
        var newCounts: [Int32] = []
        newSeconds.reserveCapacity(seconds.count)
        newCounts.reserveCapacity(seconds.count)
        for i in order {
            let start = slot(seconds[i])
            if let last = newSeconds.last, last == start {
                newCounts[newCounts.count - 1] += counts[i]
            } else {
                newSeconds.append(start)
                newCounts.append(counts[i])
            }
        }
        seconds = newSeconds
        counts = newCounts
    }

    /// Whether every second is on a slot boundary and strictly after the one before it.
    private var isSlotted: Bool {
        var previous = Int64.min
        for second in seconds {
            if second <= previous || slot(second) != second { return false }
            previous = second
        }
        return true
    }

    /// Sorts and merges repeated slots (lines out of order, or timelines joined).
    mutating func normalise() {
        rebucket()
        widen()
    }

    /// Appends another timeline (then ``normalise()`` before reading).
    mutating func append(_ other: TemplateTimeline) {
        resolution = max(resolution, other.resolution)
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
