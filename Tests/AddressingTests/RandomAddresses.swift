import TestSupport

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
