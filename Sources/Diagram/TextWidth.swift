import Addressing
import Canvas

/// Columns that values take when written, computed without building their text, so a
/// layout can size 5,000 node cards without formatting 30,000 addresses.
enum TextWidth {
    static func of(_ p: IPPrefix) -> Int { AddressFormatter.length(of: p) }

    static func of(_ a: IPAddress) -> Int { AddressFormatter.length(of: a) }

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
}
