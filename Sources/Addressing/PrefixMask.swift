/// Mask arithmetic that never traps on lengths 0 or the full width.
enum PrefixMask {
    /// The network mask of `length` bits in a family of `bits` bits, right-aligned.
    static func mask(length: Int, bits: Int) -> UInt128 {
        let full: UInt128 = bits == 128 ? .max : (UInt128(1) << UInt128(bits)) - 1
        if length <= 0 { return 0 }
        if length >= bits { return full }
        return full & ~(hostMask(length: length, bits: bits))
    }

    /// The host part mask: the low `bits - length` bits set.
    static func hostMask(length: Int, bits: Int) -> UInt128 {
        let host = bits - max(0, min(length, bits))
        if host <= 0 { return 0 }
        if host >= 128 { return .max }
        return (UInt128(1) << UInt128(host)) - 1
    }
}
