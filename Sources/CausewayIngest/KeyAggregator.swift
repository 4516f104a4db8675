internal import CausewayCore
internal import Foundation

/// Statistics of one key: the lines of one service whose masked message (and signals) are the same.
struct KeyStats {
    // The fields counting a line touches come first, so they share a cache line.
    var count = 0
    var firstSeen: Timestamp?
    var lastSeen: Timestamp?
    /// The second of the latest timed line, for spotting bursts.
    var lastSecond: Int64?
    var level: LogLevel
    /// Whether `firstSamples` is full (kept beside it, so counting a line need not read the array).
    private var firstSamplesFull = false
    var service: ServiceName
    var signals: [SignalID]
    /// The first lines, in reading order.
    var firstSamples: [EvidenceLine] = []
    /// The first lines of the latest bursts (after at least ``burstGapSeconds`` of silence), newest last.
    var recentSamples: [EvidenceLine] = []
    /// The first line's message.
    var message: String
    /// The exception lines of the first line's stack trace (``StackTraceCause``), where it has one.
    var causes: [EvidenceLine] = []
    /// Lines over time (counted in batches, see ``KeyAggregator``).
    var timeline = TemplateTimeline()
    /// Where the first line is, for ordering keys by first appearance.
    var firstOrder: (job: Int, line: Int)

    static let firstSampleLimit = 3

    init(service: ServiceName, level: LogLevel, signals: [SignalID], message: String, firstOrder: (job: Int, line: Int)) {
        self.service = service
        self.level = level
        self.signals = signals
        self.message = message
        self.firstOrder = firstOrder
    }

    mutating func addRecent(_ sample: EvidenceLine) {
        if recentSamples.count == Self.recentSampleLimit { recentSamples.removeFirst() }
        recentSamples.append(sample)
    }
    static let recentSampleLimit = 3

    /// Counts one more line of this key (one access to the key's storage for all of it), all but its place
    /// on the timeline, which the caller counts (see ``KeyAggregator``).
    @inline(__always)
    mutating func count(timestamp: Timestamp?, level: LogLevel, sample: () -> EvidenceLine) {
        count += 1
        if level > self.level { self.level = level }
        if let timestamp {
            if firstSeen.map({ timestamp < $0 }) ?? true { firstSeen = timestamp }
            if lastSeen.map({ timestamp > $0 }) ?? true { lastSeen = timestamp }
            let second = timestamp.second
            let previous = lastSecond
            lastSecond = second
            if !firstSamplesFull {
                firstSamples.append(sample())
                firstSamplesFull = firstSamples.count >= Self.firstSampleLimit
            } else if let previous, second - previous >= Self.burstGapSeconds {
                // The first line after a quiet spell starts a burst: keep it, so evidence reaches the
                // incident even for messages that were seen long before it.
                addRecent(sample())
            }
        } else if !firstSamplesFull {
            firstSamples.append(sample())
            firstSamplesFull = firstSamples.count >= Self.firstSampleLimit
        }
    }
    static let burstGapSeconds: Int64 = 30

    mutating func merge(_ other: KeyStats) {
        count += other.count
        level = max(level, other.level)
        if let t = other.firstSeen, firstSeen.map({ t < $0 }) ?? true { firstSeen = t }
        if let t = other.lastSeen, lastSeen.map({ t > $0 }) ?? true { lastSeen = t }
        // Replay the other part's first lines as this part would have seen them, so that the samples do not
        // depend on where a file was cut.
        var previous = lastSecond
        for sample in other.firstSamples {
            if firstSamples.count < Self.firstSampleLimit {
                firstSamples.append(sample)
            } else if let second = sample.timestamp?.second, let p = previous, second - p >= Self.burstGapSeconds {
                addRecent(sample)
            }
            if let second = sample.timestamp?.second { previous = second }
        }
        firstSamplesFull = firstSamples.count >= Self.firstSampleLimit
        for sample in other.recentSamples { addRecent(sample) }
        if other.lastSecond != nil { lastSecond = other.lastSecond }
        timeline.append(other.timeline)
    }
}

/// Collects one job's records into keys. The hot path ``add(service:key:…)`` allocates only for a new key or
/// a new sample.
///
/// Each timed line also counts on its key's timeline. Done line by line, that touches a different growing
/// array for nearly every line (the misses dominated the profile), so the (key, second) pairs are queued
/// and counted in batches, grouped by key in reading order: each timeline sees the same seconds in the same
/// order as if counted at once. ``finish()`` counts what is queued; ``stats`` is read only after it.
struct KeyAggregator {
    let job: Int
    private(set) var table = ByteKeyTable(capacity: 1024)
    private var counted: [KeyStats] = []
    /// Past this many keys, new keys fold into one per service (counted): memory stays bounded whatever
    /// the input.
    static let keyLimit = 400_000
    private(set) var foldedRecords = 0
    /// Timeline counts not yet applied: key ids and seconds, in reading order.
    private let queue = TimelineQueue()
    static let queueLimit = 64 * 1024

    init(job: Int) {
        self.job = job
    }

    /// Every key's statistics, by id (after ``finish()``).
    var stats: [KeyStats] {
        precondition(queue.count == 0, "KeyAggregator.finish() must run before its stats are read")
        return counted
    }

    /// Gives every key of a service another name (``ServiceAliases``); the keys stay apart here and join
    /// when the jobs' keys are merged by name.
    mutating func renameServices(_ aliases: [ServiceName: ServiceName]) {
        precondition(queue.count == 0, "KeyAggregator.finish() must run before its services are renamed")
        for index in counted.indices {
            if let name = aliases[counted[index].service] { counted[index].service = name }
        }
    }

    /// Counts a record under `key` (service id prefix included), creating the key with `make` when new.
    @inline(__always)
    /// - Returns: the key's id in ``table``, or -1 when the table was full and the record was folded.
    @discardableResult
    mutating func add(
        key: Bytes, hash: UInt64, timestamp: Timestamp?, level: LogLevel, line: Int, sample: () -> EvidenceLine,
        make: () -> KeyStats
    ) -> Int32 {
        var id: Int
        if let found = table.find(key, hash: hash) {
            id = found
        } else if table.count >= Self.keyLimit {
            foldedRecords += 1
            return -1
        } else {
            id = table.findOrInsert(key, hash: hash).id
            var created = make()
            created.firstOrder = (job, line)
            counted.append(created)
        }
        counted[id].count(timestamp: timestamp, level: level, sample: sample)
        if let timestamp, queue.append(key: Int32(truncatingIfNeeded: id), second: timestamp.second) { countQueued() }
        return Int32(truncatingIfNeeded: id)
    }

    /// Counts every queued timeline entry; call once reading is done, before ``stats``.
    mutating func finish() {
        countQueued()
        queue.release()
    }

    /// Applies the queue key by key (a stable counting sort by key id), then empties it.
    private mutating func countQueued() {
        let n = queue.count
        guard n > 0 else { return }
        let queuedKeys = UnsafeBufferPointer(start: queue.keys, count: n)
        let queuedSeconds = UnsafeBufferPointer(start: queue.seconds, count: n)
        // Where each key's run starts in the grouped order.
        var starts = [Int32](repeating: 0, count: counted.count + 1)
        var keys: [Int32] = []
        let keyCount = counted.count
        starts.withUnsafeMutableBufferPointer { starts in
            for k in queuedKeys {
                precondition(k >= 0 && Int(k) < keyCount)
                if starts[Int(k) + 1] == 0 { keys.append(k) }
                starts[Int(k) + 1] &+= 1
            }
            for i in 0..<keyCount { starts[i + 1] &+= starts[i] }
        }
        // The seconds grouped by key, in the queue's own scratch buffer: each of its first `n` places is
        // written once below (a fresh zeroed array of 512 KB per batch cost page faults and a memset).
        let grouped = UnsafeMutableBufferPointer(start: queue.grouped, count: n)
        var next = starts
        next.withUnsafeMutableBufferPointer { next in
            for i in 0..<n {
                let k = Int(queuedKeys[i])
                grouped[Int(next[k])] = queuedSeconds[i]
                next[k] &+= 1
            }
        }
        counted.withUnsafeMutableBufferPointer { counted in
            for k in keys {
                let id = Int(k)
                // A run of lines in one second counts at once (as many single counts would: they land in
                // the same slot).
                var i = Int(starts[id])
                let end = Int(starts[id + 1])
                while i < end {
                    let second = grouped[i]
                    var j = i + 1
                    while j < end, grouped[j] == second { j += 1 }
                    counted[id].timeline.add(second, count: Int32(j - i))
                    i = j
                }
            }
        }
        queue.count = 0
    }
}

/// The timeline queue's storage: two fixed buffers, allocated on the first timed line and freed by
/// ``release()`` (or with the queue). A class, so that appending is two stores and a count, with none of an
/// array's uniqueness and capacity checks; one aggregator owns it and only that aggregator's thread uses it.
final class TimelineQueue: @unchecked Sendable {
    private(set) var keys: UnsafeMutablePointer<Int32>?
    private(set) var seconds: UnsafeMutablePointer<Int64>?
    /// Scratch for ``KeyAggregator``'s batch count: the queued seconds grouped by key.
    private(set) var grouped: UnsafeMutablePointer<Int64>?
    var count = 0

    /// Queues one entry; true when the queue is then full (``KeyAggregator/queueLimit``).
    @inline(__always)
    func append(key: Int32, second: Int64) -> Bool {
        if keys == nil {
            keys = .allocate(capacity: KeyAggregator.queueLimit)
            seconds = .allocate(capacity: KeyAggregator.queueLimit)
            grouped = .allocate(capacity: KeyAggregator.queueLimit)
        }
        keys.unsafelyUnwrapped[count] = key
        seconds.unsafelyUnwrapped[count] = second
        count += 1
        return count == KeyAggregator.queueLimit
    }

    /// Frees the buffers (a later append allocates them again).
    func release() {
        precondition(count == 0, "released with entries queued")
        keys?.deallocate()
        seconds?.deallocate()
        grouped?.deallocate()
        keys = nil
        seconds = nil
        grouped = nil
    }

    deinit {
        keys?.deallocate()
        seconds?.deallocate()
        grouped?.deallocate()
    }
}
