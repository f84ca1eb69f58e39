/// Canonical text for addresses: dotted quad for IPv4, RFC 5952 for IPv6.
///
/// Text is produced as UTF-8 bytes into a caller's buffer (``append(_:to:)``), so writers of
/// large outputs (a plan of 50,000 nodes) format without allocating a String per address.
public enum AddressFormatter {
    public static func format(_ a: IPAddress) -> String { string { $0.put(a) } }

    /// `ADDRESS/LENGTH` as a String.
    public static func format(_ p: IPPrefix) -> String { string { $0.put(p) } }

    /// The text `body` writes, made into a String in one step (short ones stay inline):
    /// messages and plans format a few prefixes per range of every planned shoot.
    private static func string(_ body: (inout TextCursor) -> Void) -> String {
        String(unsafeUninitializedCapacity: maxLength) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var cursor = TextCursor(base: base)
            body(&cursor)
            return cursor.count
        }
    }

    /// Room enough for any address or prefix text (the longest, an IPv6 address with an
    /// embedded IPv4 and `/128`, has 49 bytes).
    public static let maxLength = 64

    /// Writes the canonical text of `a` at `out`, which has room for ``maxLength`` bytes;
    /// returns how many bytes it wrote. For writers that manage their own buffer.
    public static func write(_ a: IPAddress, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var cursor = TextCursor(base: out)
        cursor.put(a)
        return cursor.count
    }

    /// Writes `ADDRESS/LENGTH` at `out` (room for ``maxLength`` bytes); returns the count.
    public static func write(_ p: IPPrefix, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var cursor = TextCursor(base: out)
        cursor.put(p)
        return cursor.count
    }

    /// Appends the canonical text of `a` to `out`.
    public static func append(_ a: IPAddress, to out: inout [UInt8]) {
        withCursor(appendingTo: &out) { $0.put(a) }
    }

    /// Appends `ADDRESS/LENGTH`.
    public static func append(_ p: IPPrefix, to out: inout [UInt8]) {
        withCursor(appendingTo: &out) { $0.put(p) }
    }

    /// Formats into a small stack buffer, then appends it to `out` in one copy (appending byte
    /// by byte to an array checks its capacity and uniqueness every time).
    private static func withCursor(appendingTo out: inout [UInt8], _ body: (inout TextCursor) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { buffer in
            guard let base = buffer.baseAddress else { return }
            var cursor = TextCursor(base: base)
            body(&cursor)
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: cursor.count))
        }
    }
}

/// Writes canonical address text into a buffer of at least ``AddressFormatter/maxLength`` bytes.
struct TextCursor {
    let base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(base: UnsafeMutablePointer<UInt8>) { self.base = base }

    @inline(__always) mutating func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    mutating func put(_ a: IPAddress) {
        if a.family == .v4 {
            putV4(UInt32(truncatingIfNeeded: a.value))
        } else {
            putV6(a.value)
        }
    }

    /// `ADDRESS/LENGTH`.
    mutating func put(_ p: IPPrefix) {
        put(p.network)
        put(UInt8(ascii: "/"))
        putDecimal(p.length)
    }

    mutating func putDecimal(_ n: Int) {
        if n >= 100 { put(UInt8(truncatingIfNeeded: 0x30 + n / 100)) }
        if n >= 10 { put(UInt8(truncatingIfNeeded: 0x30 + (n / 10) % 10)) }
        put(UInt8(truncatingIfNeeded: 0x30 + n % 10))
    }

    mutating func putV4(_ v: UInt32) {
        putDecimal(Int(v >> 24))
        put(UInt8(ascii: "."))
        putDecimal(Int((v >> 16) & 0xFF))
        put(UInt8(ascii: "."))
        putDecimal(Int((v >> 8) & 0xFF))
        put(UInt8(ascii: "."))
        putDecimal(Int(v & 0xFF))
    }

    /// RFC 5952 §4: lower case, no leading zeros, the longest run of two or more zero groups
    /// replaced by `::` (the first on a tie), IPv4-mapped addresses as `::ffff:a.b.c.d`.
    mutating func putV6(_ v: UInt128) {
        if v >> 32 == 0xFFFF {
            for b in "::ffff:".utf8 { put(b) }
            putV4(UInt32(truncatingIfNeeded: v))
            return
        }
        // The eight groups, taken out of the two 64-bit halves once (a variable 128-bit shift
        // per group costs more than the rest of the formatting).
        let high = UInt64(truncatingIfNeeded: v >> 64), low = UInt64(truncatingIfNeeded: v)
        @inline(__always) func group(_ i: Int) -> UInt16 {
            UInt16(truncatingIfNeeded: i < 4 ? high >> UInt64(48 - 16 * i) : low >> UInt64(112 - 16 * i))
        }
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
                put(UInt8(ascii: ":"))
                put(UInt8(ascii: ":"))
                afterColons = true
                i += bestLen
                continue
            }
            if !afterColons { put(UInt8(ascii: ":")) }
            putHex(group(i))
            afterColons = false
            i += 1
        }
    }

    @inline(__always) private static func hexDigit(_ d: UInt16) -> UInt8 {
        UInt8(truncatingIfNeeded: d < 10 ? 0x30 + d : 0x57 + d)
    }

    private mutating func putHex(_ g: UInt16) {
        if g >= 0x1000 { put(Self.hexDigit(g >> 12)) }
        if g >= 0x100 { put(Self.hexDigit((g >> 8) & 0xF)) }
        if g >= 0x10 { put(Self.hexDigit((g >> 4) & 0xF)) }
        put(Self.hexDigit(g & 0xF))
    }
}
