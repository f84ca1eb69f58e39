extension AddressFormatter {
    /// Characters in the canonical text of `a` (`format(a).count`), computed without building
    /// the text, so a layout can size thousands of addresses without formatting them.
    public static func length(of a: IPAddress) -> Int {
        if a.family == .v4 { return lengthV4(UInt32(truncatingIfNeeded: a.value)) }
        let v = a.value
        if v >> 32 == 0xFFFF { return 7 + lengthV4(UInt32(truncatingIfNeeded: v)) }  // "::ffff:" + dotted quad
        let groups = Groups(v)
        var digits = 0
        for i in 0..<8 { digits += hexLength(groups[i]) }
        let run = compressedZeroRun(groups)
        guard run.count > 0 else { return digits + 7 }
        // The run's groups (one `0` each) become `::`; a colon joins neighbours on either side.
        let before = run.start, after = 8 - run.start - run.count
        return digits - run.count + 2 + max(0, before - 1) + max(0, after - 1)
    }

    /// Characters in the canonical text of `p` (`ADDRESS/LENGTH`).
    public static func length(of p: IPPrefix) -> Int {
        length(of: p.network) + 1 + decimalLength(p.length)
    }

    /// The eight 16-bit groups of an IPv6 address value, read without 128-bit shifts.
    struct Groups {
        let high: UInt64
        let low: UInt64

        init(_ v: UInt128) {
            high = UInt64(truncatingIfNeeded: v >> 64)
            low = UInt64(truncatingIfNeeded: v)
        }

        /// Group `i`, 0 the most significant.
        subscript(i: Int) -> UInt16 {
            let word = i < 4 ? high : low
            return UInt16(truncatingIfNeeded: word >> UInt64(48 - 16 * (i & 3)))
        }
    }

    /// The groups RFC 5952 §4.2.3 writes as `::`: the longest run of two or more zero groups,
    /// the first one on a tie; `count` 0 when there is none.
    static func compressedZeroRun(_ groups: Groups) -> (start: Int, count: Int) {
        var best = (start: 0, count: 0)
        var run = 0
        for i in 0..<8 {
            if groups[i] == 0 {
                run += 1
                if run > best.count { best = (i + 1 - run, run) }
            } else {
                run = 0
            }
        }
        return best.count >= 2 ? best : (0, 0)
    }

    private static func hexLength(_ g: UInt16) -> Int { g >= 0x1000 ? 4 : g >= 0x100 ? 3 : g >= 0x10 ? 2 : 1 }

    /// Digits of a non-negative number below 1000 (octets, prefix lengths).
    private static func decimalLength(_ n: Int) -> Int { n >= 100 ? 3 : n >= 10 ? 2 : 1 }

    private static func lengthV4(_ v: UInt32) -> Int {
        decimalLength(Int(v >> 24)) + decimalLength(Int((v >> 16) & 0xFF))
            + decimalLength(Int((v >> 8) & 0xFF)) + decimalLength(Int(v & 0xFF)) + 3
    }
}
