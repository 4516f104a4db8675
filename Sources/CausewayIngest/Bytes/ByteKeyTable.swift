#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// An open-addressing hash map from byte strings to dense integer ids (0, 1, 2, … in insertion order).
///
/// Keys live back to back in one arena, so a lookup costs a hash and a `memcmp` and allocates nothing;
/// ids index the caller's own arrays of values.
struct ByteKeyTable {
    private var slots: [Int32]  // -1 empty, else id
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int32] = []
    private var arena: [UInt8] = []
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { starts.count }

    /// The id of `key`, or nil.
    func find(_ key: Bytes, hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { return nil }
            if hashes[id] == hash && Int(lengths[id]) == key.count && equal(id, key) { return id }
            slot = (slot + 1) & mask
        }
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
        place(id, hash: hash)
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

    private func equal(_ id: Int, _ key: Bytes) -> Bool {
        guard key.count > 0, let base = key.baseAddress else { return lengths[id] == 0 }
        return arena.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + starts[id], base, key.count) == 0
        }
    }

    private mutating func place(_ id: Int, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(id)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<starts.count { place(id, hash: hashes[id]) }
    }
}
