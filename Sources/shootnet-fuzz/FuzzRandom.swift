/// SplitMix64: a tiny deterministic generator, so a fuzz run is reproduced by its seed.
struct FuzzRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (0 when `n` is not positive).
    mutating func below(_ n: Int) -> Int {
        n <= 0 ? 0 : Int(truncatingIfNeeded: next() % UInt64(n))
    }

    /// True once in `n` times on average.
    mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }

    /// A random element; `fallback` for an empty collection.
    mutating func pick<T>(_ items: [T], or fallback: T) -> T {
        items.isEmpty ? fallback : items[below(items.count)]
    }

    /// A random element of a non-empty literal list.
    mutating func pick(_ items: [String]) -> String { pick(items, or: "") }
}
