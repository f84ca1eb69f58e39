extension AddressFormatter {
    /// Characters in the canonical text of `a` (`format(a).count`), computed without building
    /// the text, so a layout can size thousands of addresses without formatting them.
    public static func length(of a: IPAddress) -> Int {
        if a.family == .v4 { return lengthV4(UInt32(truncatingIfNeeded: a.value)) }
        let v = a.value
        if v >> 32 == 0xFFFF { return 7 + lengthV4(UInt32(truncatingIfNeeded: v)) }  // "::ffff:" + dotted quad
        let run = compressedZeroRun(v)
        var digits = 0
        for i in 0..<8 where !(run?.contains(i) ?? false) { digits += hexLength(group(v, i)) }
        guard let run else { return digits + 7 }
        // `::` plus a colon between neighbouring groups on either side of it.
        let before = run.lowerBound, after = 8 - run.upperBound
        return digits + 2 + max(0, before - 1) + max(0, after - 1)
    }

    /// Characters in the canonical text of `p` (`ADDRESS/LENGTH`).
    public static func length(of p: IPPrefix) -> Int {
        length(of: p.network) + 1 + decimalLength(p.length)
    }

    /// The groups RFC 5952 §4.2 writes as `::`: the longest run of two or more zero groups,
    /// the first one on a tie; nil when there is none.
    static func compressedZeroRun(_ v: UInt128) -> Range<Int>? {
        var best: Range<Int>?
        var runStart = -1
        for i in 0...8 {
            if i < 8 && group(v, i) == 0 {
                if runStart < 0 { runStart = i }
            } else if runStart >= 0 {
                if i - runStart >= 2 && i - runStart > (best?.count ?? 0) { best = runStart..<i }
                runStart = -1
            }
        }
        return best
    }

    /// Group `i` (0 = most significant) of an IPv6 address value.
    @inline(__always)
    static func group(_ v: UInt128, _ i: Int) -> UInt16 { UInt16(truncatingIfNeeded: v >> UInt128(112 - 16 * i)) }

    private static func hexLength(_ g: UInt16) -> Int { g >= 0x1000 ? 4 : g >= 0x100 ? 3 : g >= 0x10 ? 2 : 1 }

    /// Digits of a non-negative number below 1000 (octets, prefix lengths).
    private static func decimalLength(_ n: Int) -> Int { n >= 100 ? 3 : n >= 10 ? 2 : 1 }

    private static func lengthV4(_ v: UInt32) -> Int {
        decimalLength(Int(v >> 24)) + decimalLength(Int((v >> 16) & 0xFF))
            + decimalLength(Int((v >> 8) & 0xFF)) + decimalLength(Int(v & 0xFF)) + 3
    }
}
