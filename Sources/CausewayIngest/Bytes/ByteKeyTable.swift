internal import CCausewayBytes

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// An open-addressing hash map from byte strings to dense integer ids (0, 1, 2, … in insertion order).
///
/// Keys live back to back in one arena, so a lookup costs a hash and a comparison and allocates nothing;
/// ids index the caller's own arrays of values.
struct ByteKeyTable {
    /// One open-addressing slot: everything a lookup compares before the key's bytes, in one place, so a probe
    /// touches one cache line of the slot array and then the key's bytes.
    private struct Slot {
        var hash: UInt64 = 0
        var start = 0
        /// -1 when empty.
        var id: Int32 = -1
        var length: Int32 = 0
    }

    private var slots: [Slot]
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int32] = []
    private var arena: [UInt8] = []
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
    }

    var count: Int { starts.count }

    /// The id of `key`, or nil.
    @inline(__always)
    func find(_ key: Bytes, hash: UInt64) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                var index = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let slot = slots[index]
                    if slot.id < 0 { return nil }
                    if slot.hash == hash && Int(slot.length) == key.count {
                        if key.count == 0 || bytesEqual(arena.baseAddress! + slot.start, key.baseAddress!, key.count) {
                            return Int(slot.id)
                        }
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }

    /// Starts loading the slot a lookup of `hash` probes first (a hint to the CPU).
    @inline(__always)
    func prefetch(hash: UInt64) {
        slots.withUnsafeBufferPointer { causeway_prefetch($0.baseAddress! + (Int(truncatingIfNeeded: hash) & mask)) }
    }

    /// The id of `key`, inserting it when new; `inserted` says which.
    mutating func findOrInsert(_ key: Bytes, hash: UInt64) -> (id: Int, inserted: Bool) {
        if let id = find(key, hash: hash) { return (id, false) }
        if (starts.count + 1) * 2 > slots.count { grow() }
        let id = starts.count
        hashes.append(hash)
        starts.append(arena.count)
        lengths.append(Int32(key.count))
        arena.append(contentsOf: key)
        place(id)
        return (id, true)
    }

    /// The bytes of key `id`, valid while the table is not changed.
    func withKey<R>(_ id: Int, _ body: (Bytes) -> R) -> R {
        arena.withUnsafeBufferPointer { body($0.slice(starts[id], starts[id] + Int(lengths[id]))) }
    }

    func key(_ id: Int) -> [UInt8] {
        Array(arena[starts[id]..<(starts[id] + Int(lengths[id]))])
    }

    func hash(_ id: Int) -> UInt64 { hashes[id] }

    private mutating func place(_ id: Int) {
        var index = Int(truncatingIfNeeded: hashes[id]) & mask
        while slots[index].id >= 0 { index = (index + 1) & mask }
        slots[index] = Slot(hash: hashes[id], start: starts[id], id: Int32(id), length: lengths[id])
    }

    private mutating func grow() {
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<starts.count { place(id) }
    }
}
