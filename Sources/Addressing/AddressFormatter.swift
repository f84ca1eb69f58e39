/// Canonical text for addresses: dotted quad for IPv4, RFC 5952 for IPv6.
public enum AddressFormatter {
    private static let hexDigits: [Character] = Array("0123456789abcdef")

    public static func format(_ a: IPAddress) -> String {
        a.family == .v4 ? formatV4(UInt32(truncatingIfNeeded: a.value)) : formatV6(a.value)
    }

    static func formatV4(_ v: UInt32) -> String {
        "\(v >> 24).\((v >> 16) & 0xFF).\((v >> 8) & 0xFF).\(v & 0xFF)"
    }

    /// RFC 5952 §4: lower case, no leading zeros, the longest run of two or more zero groups
    /// replaced by `::` (the first on a tie), IPv4-mapped addresses as `::ffff:a.b.c.d`.
    static func formatV6(_ v: UInt128) -> String {
        if v >> 32 == 0xFFFF {
            return "::ffff:" + formatV4(UInt32(truncatingIfNeeded: v))
        }
        var groups = [UInt16](repeating: 0, count: 8)
        for i in 0..<8 { groups[i] = UInt16(truncatingIfNeeded: v >> UInt128(112 - 16 * i)) }
        var bestStart = -1, bestLen = 0, runStart = -1
        for i in 0...8 {
            if i < 8 && groups[i] == 0 {
                if runStart < 0 { runStart = i }
            } else if runStart >= 0 {
                let len = i - runStart
                if len > bestLen { bestStart = runStart; bestLen = len }
                runStart = -1
            }
        }
        if bestLen < 2 { bestStart = -1 }
        var out = ""
        out.reserveCapacity(39)
        var i = 0
        while i < 8 {
            if i == bestStart {
                out += "::"
                i += bestLen
                continue
            }
            if !out.isEmpty && !out.hasSuffix(":") { out += ":" }
            appendHex(groups[i], to: &out)
            i += 1
        }
        return out
    }

    private static func appendHex(_ g: UInt16, to out: inout String) {
        var started = false
        for shift in stride(from: 12, through: 0, by: -4) {
            let d = Int((g >> UInt16(shift)) & 0xF)
            if d != 0 || started || shift == 0 {
                out.append(hexDigits[d])
                started = true
            }
        }
    }
}
