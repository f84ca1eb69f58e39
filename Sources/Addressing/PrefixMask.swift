/// Mask arithmetic that never traps on lengths 0 or the full width.
///
/// Written with masking shifts (`&<<`) on a host width kept in 0..<128: every prefix of every
/// planned shoot is masked here many times, and `UInt128`'s checked shifts cost several
/// branches each.
enum PrefixMask {
    /// The network mask of `length` bits in a family of `bits` bits, right-aligned.
    @inline(__always)
    static func mask(length: Int, bits: Int) -> UInt128 {
        if length <= 0 { return 0 }
        return full(bits: bits) & ~hostMask(length: length, bits: bits)
    }

    /// The host part mask: the low `bits - length` bits set.
    @inline(__always)
    static func hostMask(length: Int, bits: Int) -> UInt128 {
        let host = bits - max(0, min(length, bits))
        if host <= 0 { return 0 }
        if host >= 128 { return .max }
        return (1 as UInt128) &<< UInt128(truncatingIfNeeded: host) &- 1
    }

    /// Every bit of a `bits`-bit family.
    @inline(__always)
    static func full(bits: Int) -> UInt128 {
        bits >= 128 ? .max : (1 as UInt128) &<< UInt128(truncatingIfNeeded: max(0, bits)) &- 1
    }
}
