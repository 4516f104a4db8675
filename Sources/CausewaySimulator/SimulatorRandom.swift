/// A small, fast, seedable random number generator: xoshiro256** seeded through SplitMix64.
///
/// Every draw the simulator makes goes through this generator, so the same seed gives the same case byte for
/// byte on every platform and toolchain. The system generator is never used.
///
/// Source: David Blackman and Sebastiano Vigna, "Scrambled Linear Pseudorandom Number Generators" (2018),
/// <https://prng.di.unimi.it>; SplitMix64 from Guy Steele, Doug Lea and Christine Flood, "Fast Splittable
/// Pseudorandom Number Generators" (OOPSLA 2014).
public struct SimulatorRandom: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose whole sequence is fixed by `seed`.
    public init(seed: UInt64) {
        var mixer = seed
        s0 = Self.splitMix(&mixer)
        s1 = Self.splitMix(&mixer)
        s2 = Self.splitMix(&mixer)
        s3 = Self.splitMix(&mixer)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// A seed for an independent stream, derived from `seed` and a stream number (one per suite case, say).
    public static func derivedSeed(_ seed: UInt64, stream: UInt64) -> UInt64 {
        var mixer = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        _ = splitMix(&mixer)
        return splitMix(&mixer)
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

/// Draws that depend only on `next()`, so that the results never change with the standard library's own
/// algorithms for `random(in:)` or `shuffle()`.
extension RandomNumberGenerator {
    /// A uniform integer in `0..<bound` (`bound` > 0), by Lemire's multiply-shift with rejection.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "below(_:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform 64-bit integer in `range`.
    mutating func int64(_ range: ClosedRange<Int64>) -> Int64 {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        if width == 0 { return Int64(bitPattern: next()) }
        return range.lowerBound + Int64(next() % width)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in `range`.
    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// A value whose logarithm is roughly uniform in `range` (both bounds positive): many short, some long.
    ///
    /// The range is cut into 8 geometric buckets (found with square roots, which IEEE 754 rounds exactly on
    /// every platform, unlike `log` and `exp`), one drawn uniformly, then a uniform value inside it.
    mutating func logUniform(_ range: ClosedRange<Double>) -> Double {
        let step = (range.upperBound / range.lowerBound).squareRoot().squareRoot().squareRoot()
        var low = range.lowerBound
        for _ in 0..<below(8) { low *= step }
        return min(range.upperBound, low + unit() * (low * step - low))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// One element, drawn with the given positive weights.
    mutating func pick<T>(_ items: [(T, Double)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var x = unit() * total
        for (item, weight) in items {
            if x < weight { return item }
            x -= weight
        }
        return items[items.count - 1].0
    }

    /// The array in a Fisher–Yates order.
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        var i = result.count
        while i > 1 {
            let j = below(i)
            i -= 1
            result.swapAt(i, j)
        }
        return result
    }

    /// `count` distinct elements (fewer when the array is shorter), in drawn order.
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        Array(shuffled(items).prefix(count))
    }

    /// A lowercase hexadecimal string of `length` digits.
    mutating func hex(_ length: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<length).map { _ in digits[below(16)] })
    }

    /// A string of `length` characters from `alphabet`.
    mutating func string(_ length: Int, from alphabet: String) -> String {
        let characters = Array(alphabet)
        return String((0..<length).map { _ in characters[below(characters.count)] })
    }
}
