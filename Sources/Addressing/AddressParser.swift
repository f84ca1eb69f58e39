import Bytes

/// Strict parsing of addresses and prefixes, with a reason for every rejection.
///
/// Rules follow Go's `netip`: no leading zeros in IPv4 octets, no zones, at most one `::`
/// and it stands for at least one zero group, groups of 1–4 hex digits, embedded IPv4 only in
/// the last 32 bits, prefix lengths in decimal without leading zeros.
public enum AddressParser {
    /// UTF-8 text in place, indexed from 0: the parsers stay specialised and free of
    /// per-byte range checks, which matters for the 100,000 addresses of a 50,000-node list.
    typealias Bytes = ByteSpan

    public static func parseAddress(_ text: Substring) -> Result<IPAddress, AddressParseError> {
        ByteSpan.with(utf8: text) { parseAddressBytes($0) }
    }

    /// ``parseAddress(_:)`` on UTF-8 bytes in place (a decoder's buffer, say).
    public static func parseAddress(utf8: ByteSpan) -> Result<IPAddress, AddressParseError> {
        parseAddressBytes(utf8)
    }

    /// ``parsePrefix(_:allowHostBits:)`` on UTF-8 bytes in place.
    public static func parsePrefix(utf8: ByteSpan, allowHostBits: Bool = false) -> Result<IPPrefix, AddressParseError> {
        parsePrefixBytes(utf8, allowHostBits: allowHostBits)
    }

    static func parseAddressBytes(_ bytes: Bytes) -> Result<IPAddress, AddressParseError> {
        if bytes.isEmpty { return .failure(.empty) }
        if bytes.firstIndex(of: UInt8(ascii: "%")) != nil { return .failure(.zoneNotAllowed) }
        if bytes.firstIndex(of: UInt8(ascii: ":")) != nil {
            return parseV6(bytes).map { IPAddress(v6: $0) }
        }
        return parseV4(bytes).map { IPAddress(v4: $0) }
    }

    /// Parses `ADDR/LEN`. When `allowHostBits` is false (spec fields), host bits are an error
    /// naming the masked prefix; when true (`calc`), they are cleared.
    public static func parsePrefix(_ text: Substring, allowHostBits: Bool = false) -> Result<IPPrefix, AddressParseError> {
        ByteSpan.with(utf8: text) { parsePrefixBytes($0, allowHostBits: allowHostBits) }
    }

    static func parsePrefixBytes(_ bytes: Bytes, allowHostBits: Bool) -> Result<IPPrefix, AddressParseError> {
        if bytes.isEmpty { return .failure(.empty) }
        if bytes.firstIndex(of: UInt8(ascii: "%")) != nil { return .failure(.zoneNotAllowed) }
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else {
            if case .failure(let e) = parseAddressBytes(bytes) { return .failure(e) }
            return .failure(.missingPrefixLength)
        }
        let address: IPAddress
        switch parseAddressBytes(bytes.span(0..<slash)) {
        case .success(let a): address = a
        case .failure(let e): return .failure(e)
        }
        let length: Int
        switch parseLengthBytes(bytes.span((slash + 1)..<bytes.count), max: address.family.bits) {
        case .success(let l): length = l
        case .failure(let e): return .failure(e)
        }
        let prefix = IPPrefix(masking: address, length: length)
        if prefix.network != address && !allowHostBits {
            return .failure(.hostBitsSet(masked: prefix))
        }
        return .success(prefix)
    }

    /// Like ``parsePrefix(_:allowHostBits:)``, but a bare address is accepted as the prefix
    /// holding only that address (`/32` or `/128`), as subnet calculators do.
    public static func parsePrefixOrAddress(_ text: Substring, allowHostBits: Bool = false) -> Result<IPPrefix, AddressParseError> {
        if text.contains("/") { return parsePrefix(text, allowHostBits: allowHostBits) }
        return parseAddress(text).map { IPPrefix(host: $0) }
    }

    /// Parses a prefix length: decimal digits only, no leading zeros, at most `max`.
    public static func parseLength(_ s: Substring, max: Int) -> Result<Int, AddressParseError> {
        ByteSpan.with(utf8: s) { parseLengthBytes($0, max: max) }
    }

    static func parseLengthBytes(_ s: Bytes, max: Int) -> Result<Int, AddressParseError> {
        if s.isEmpty { return .failure(.emptyPrefixLength) }
        var n = 0
        for b in s {
            guard b >= 0x30 && b <= 0x39 else {
                return .failure(.prefixLengthNotNumeric(String(decoding: s, as: UTF8.self)))
            }
            // Saturate instead of overflowing: anything this large is out of range anyway.
            let (times10, o1) = n.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(b - 0x30))
            n = o1 || o2 ? Int.max : sum
        }
        if s.count > 1 && s.first == 0x30 { return .failure(.prefixLengthLeadingZero(String(decoding: s, as: UTF8.self))) }
        if n > max { return .failure(.prefixLengthOutOfRange(n, max: max)) }
        return .success(n)
    }

    static func parseV4(_ b: Bytes) -> Result<UInt32, AddressParseError> {
        var value: UInt32 = 0
        var octets = 0
        var i = b.startIndex
        while true {
            let start = i
            var n = 0
            while i < b.endIndex, b[i] >= 0x30 && b[i] <= 0x39 {
                n = n * 10 + Int(b[i] - 0x30)
                if n > 999 { n = 999 }
                i += 1
            }
            let digits = i - start
            if digits == 0 {
                if i < b.endIndex && b[i] != UInt8(ascii: ".") { return .failure(.unexpectedCharacter(Self.char(b, at: i))) }
                return .failure(.emptyOctet)
            }
            if digits > 1 && b[start] == 0x30 { return .failure(.octetLeadingZero(String(decoding: b[start..<i], as: UTF8.self))) }
            if n > 255 { return .failure(.octetTooLarge(String(decoding: b[start..<i], as: UTF8.self))) }
            octets += 1
            if octets > 4 { return .failure(.wrongOctetCount(octets + b[i...].filter { $0 == UInt8(ascii: ".") }.count)) }
            value = value << 8 | UInt32(n)
            if i == b.endIndex { break }
            guard b[i] == UInt8(ascii: ".") else { return .failure(.unexpectedCharacter(Self.char(b, at: i))) }
            i += 1
        }
        if octets != 4 { return .failure(.wrongOctetCount(octets)) }
        return .success(value)
    }

    static func parseV6(_ b: Bytes) -> Result<UInt128, AddressParseError> {
        let colon = UInt8(ascii: ":")
        // Groups accumulate into one value; `ellipsis` is how many came before "::" (or -1).
        // No array: this runs for every address of a 50,000-node list.
        var value: UInt128 = 0
        var count = 0
        var ellipsis = -1
        var i = b.startIndex
        let end = b.endIndex
        if b.count >= 2 && b[i] == colon && b[i + 1] == colon {
            ellipsis = 0
            i += 2
            if i == end { return .success(0) }
            if b[i] == colon { return .failure(.unexpectedCharacter(":")) }
        } else if b.first == colon {
            return .failure(.emptyGroup)
        }
        while i < end {
            let start = i
            var v: UInt32 = 0
            while i < end {
                let d = hexDigit(b[i])
                if d > 15 { break }
                // More than 4 digits is an error below; the shifted-out bits do not matter.
                v = v << 4 | UInt32(d)
                i += 1
            }
            if i < end && b[i] == UInt8(ascii: ".") {
                // Embedded IPv4: allowed only as the last 32 bits, so nothing may follow it.
                if b[i...].contains(colon) { return .failure(.embeddedIPv4NotAtEnd) }
                guard count <= 6 else { return .failure(.tooManyGroups) }
                switch parseV4(b.span(start..<end)) {
                case .failure(let e): return .failure(e)
                case .success(let v4):
                    value = value << 32 | UInt128(v4)
                    count += 2
                }
                break
            }
            let digits = i - start
            if digits == 0 {
                if i < end && b[i] != colon { return .failure(.unexpectedCharacter(Self.char(b, at: i))) }
                return .failure(.emptyGroup)
            }
            if digits > 4 { return .failure(.groupTooLong(String(decoding: b[start..<i], as: UTF8.self))) }
            count += 1
            if count > 8 { return .failure(.tooManyGroups) }
            value = value << 16 | UInt128(v)
            if i == end { break }
            guard b[i] == colon else { return .failure(.unexpectedCharacter(Self.char(b, at: i))) }
            i += 1
            if i == end { return .failure(.emptyGroup) }
            if b[i] == colon {
                if ellipsis >= 0 { return .failure(.multipleDoubleColons) }
                ellipsis = count
                i += 1
                if i < end && b[i] == colon { return .failure(.unexpectedCharacter(":")) }
            }
        }
        if count > 8 { return .failure(.tooManyGroups) }
        if ellipsis >= 0 {
            // "::" stands for one or more zero groups (RFC 4291 §2.2), never for none.
            if count == 8 { return .failure(.doubleColonWithEightGroups) }
            // The groups after "::" are the low bits; those before it move up past the zeros.
            let tailBits = 16 * (count - ellipsis)
            let tail = tailBits == 0 ? 0 : value & (UInt128.max >> (128 - tailBits))
            let head = tailBits == 0 ? value : value >> tailBits
            let headShift = 16 * (8 - ellipsis)
            return .success((headShift >= 128 ? 0 : head << headShift) | tail)
        } else if count < 8 {
            return .failure(.tooFewGroups)
        }
        return .success(value)
    }

    /// The value of a hex digit, or 0xFF.
    @inline(__always) private static func hexDigit(_ c: UInt8) -> UInt8 {
        let d = c &- 0x30
        if d < 10 { return d }
        let letter = (c | 0x20) &- 0x61
        return letter < 6 ? letter + 10 : 0xFF
    }

    private static func char(_ b: Bytes, at i: Int) -> Character {
        // Decode the (possibly multi-byte) character starting at i for the error message.
        var end = i + 1
        while end < b.endIndex && (b[end] & 0xC0) == 0x80 { end += 1 }
        return String(decoding: b[i..<end], as: UTF8.self).first ?? "?"
    }
}
