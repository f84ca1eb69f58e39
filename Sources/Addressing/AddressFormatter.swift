/// Canonical text for addresses: dotted quad for IPv4, RFC 5952 for IPv6.
///
/// Text is produced as UTF-8 bytes into a caller's buffer (``append(_:to:)``), so writers of
/// large outputs (a plan of 50,000 nodes) format without allocating a String per address.
public enum AddressFormatter {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func format(_ a: IPAddress) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(a.family == .v4 ? 15 : 39)
        append(a, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the canonical text of `a` to `out`.
    public static func append(_ a: IPAddress, to out: inout [UInt8]) {
        if a.family == .v4 {
            appendV4(UInt32(truncatingIfNeeded: a.value), to: &out)
        } else {
            appendV6(a.value, to: &out)
        }
    }

    /// Appends `ADDRESS/LENGTH`.
    public static func append(_ p: IPPrefix, to out: inout [UInt8]) {
        append(p.network, to: &out)
        out.append(UInt8(ascii: "/"))
        appendDecimal(p.length, to: &out)
    }

    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n >= 100 { out.append(UInt8(truncatingIfNeeded: 0x30 + n / 100)) }
        if n >= 10 { out.append(UInt8(truncatingIfNeeded: 0x30 + (n / 10) % 10)) }
        out.append(UInt8(truncatingIfNeeded: 0x30 + n % 10))
    }

    static func appendV4(_ v: UInt32, to out: inout [UInt8]) {
        appendDecimal(Int(v >> 24), to: &out)
        out.append(UInt8(ascii: "."))
        appendDecimal(Int((v >> 16) & 0xFF), to: &out)
        out.append(UInt8(ascii: "."))
        appendDecimal(Int((v >> 8) & 0xFF), to: &out)
        out.append(UInt8(ascii: "."))
        appendDecimal(Int(v & 0xFF), to: &out)
    }

    /// RFC 5952 §4: lower case, no leading zeros, the longest run of two or more zero groups
    /// replaced by `::` (the first on a tie), IPv4-mapped addresses as `::ffff:a.b.c.d`.
    static func appendV6(_ v: UInt128, to out: inout [UInt8]) {
        if v >> 32 == 0xFFFF {
            out.append(contentsOf: [0x3A, 0x3A, 0x66, 0x66, 0x66, 0x66, 0x3A])  // "::ffff:"
            appendV4(UInt32(truncatingIfNeeded: v), to: &out)
            return
        }
        @inline(__always) func group(_ i: Int) -> UInt16 { UInt16(truncatingIfNeeded: v >> UInt128(112 - 16 * i)) }
        var bestStart = -1, bestLen = 0, runStart = -1
        for i in 0...8 {
            if i < 8 && group(i) == 0 {
                if runStart < 0 { runStart = i }
            } else if runStart >= 0 {
                let len = i - runStart
                if len > bestLen { bestStart = runStart; bestLen = len }
                runStart = -1
            }
        }
        if bestLen < 2 { bestStart = -1 }
        var i = 0
        var afterColons = true
        while i < 8 {
            if i == bestStart {
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: ":"))
                afterColons = true
                i += bestLen
                continue
            }
            if !afterColons { out.append(UInt8(ascii: ":")) }
            appendHex(group(i), to: &out)
            afterColons = false
            i += 1
        }
    }

    private static func appendHex(_ g: UInt16, to out: inout [UInt8]) {
        var started = false
        var shift: UInt16 = 12
        while true {
            let d = Int((g >> shift) & 0xF)
            if d != 0 || started || shift == 0 {
                out.append(hexDigits[d])
                started = true
            }
            if shift == 0 { break }
            shift -= 4
        }
    }
}
