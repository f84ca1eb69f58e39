/// A small deterministic PRNG (SplitMix64), so property tests see the same inputs every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SplitMix64 {
    /// An address with many zero groups (to exercise `::`), sometimes IPv4-mapped or IPv4.
    mutating func address() -> IPAddressSample {
        switch Int.random(in: 0..<10, using: &self) {
        case 0..<3:
            return .v4(UInt32.random(in: .min ... .max, using: &self))
        case 3:
            return .v6(0xFFFF_0000_0000 | UInt128(UInt32.random(in: .min ... .max, using: &self)))
        default:
            var value: UInt128 = 0
            let zeroChance = Int.random(in: 0...4, using: &self)
            for _ in 0..<8 {
                let group: UInt16 = Int.random(in: 0..<5, using: &self) < zeroChance
                    ? 0 : UInt16.random(in: .min ... .max, using: &self)
                value = value << 16 | UInt128(group)
            }
            return .v6(value)
        }
    }
}

/// A random address as raw bits, so this file needs nothing from the module under test.
enum IPAddressSample {
    case v4(UInt32)
    case v6(UInt128)
}
