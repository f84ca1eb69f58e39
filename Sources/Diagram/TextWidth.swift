import Addressing
import Canvas

/// Columns that values take when written, computed without building their text, so a
/// layout can size 5,000 node cards without formatting 30,000 addresses.
///
/// Must agree with `AddressFormatter` (RFC 5952); `TextWidthTests` checks it against the
/// formatter over many addresses.
enum TextWidth {
    static func of(_ p: IPPrefix) -> Int { of(p.network) + 1 + digits(p.length) }

    static func of(_ a: IPAddress) -> Int {
        if a.family == .v4 { return v4(UInt32(truncatingIfNeeded: a.value)) }
        let v = a.value
        if v >> 32 == 0xFFFF { return 7 + v4(UInt32(truncatingIfNeeded: v)) }
        func group(_ i: Int) -> UInt16 { UInt16(truncatingIfNeeded: v >> UInt128(112 - 16 * i)) }
        // The longest run of two or more zero groups (the first on a tie) becomes `::`.
        var bestStart = 0, bestLength = 0, runStart = -1
        for i in 0...8 {
            if i < 8 && group(i) == 0 {
                if runStart < 0 { runStart = i }
            } else if runStart >= 0 {
                if i - runStart > bestLength { bestStart = runStart; bestLength = i - runStart }
                runStart = -1
            }
        }
        if bestLength < 2 { bestLength = 0 }
        var total = 0
        for i in 0..<8 where i < bestStart || i >= bestStart + bestLength { total += hex(group(i)) }
        guard bestLength > 0 else { return total + 7 }
        let before = bestStart, after = 8 - bestStart - bestLength
        return total + 2 + max(0, before - 1) + max(0, after - 1)
    }

    /// Columns of a node name or other free text (ASCII quickly, else by scalar).
    static func of(_ s: String) -> Int {
        var ascii = true
        for byte in s.utf8 where byte >= 0x80 { ascii = false; break }
        return ascii ? s.utf8.count : CellWidth.of(s)
    }

    static func digits(_ n: Int) -> Int {
        var n = max(0, n), d = 1
        while n >= 10 { n /= 10; d += 1 }
        return d
    }

    private static func hex(_ g: UInt16) -> Int { g >= 0x1000 ? 4 : g >= 0x100 ? 3 : g >= 0x10 ? 2 : 1 }

    private static func v4(_ v: UInt32) -> Int {
        digits(Int(v >> 24)) + digits(Int((v >> 16) & 0xFF)) + digits(Int((v >> 8) & 0xFF)) + digits(Int(v & 0xFF)) + 3
    }
}
