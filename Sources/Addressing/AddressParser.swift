/// Strict parsing of addresses and prefixes, with a reason for every rejection.
///
/// Rules follow Go's `netip`: no leading zeros in IPv4 octets, no zones, at most one `::`,
/// groups of 1–4 hex digits, embedded IPv4 only in the last 32 bits, prefix lengths in
/// decimal without leading zeros.
public enum AddressParser {
    public static func parseAddress(_ text: Substring) -> Result<IPAddress, AddressParseError> {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return .failure(.empty) }
        if bytes.contains(UInt8(ascii: "%")) { return .failure(.zoneNotAllowed) }
        if bytes.contains(UInt8(ascii: ":")) {
            return parseV6(bytes[...]).map { IPAddress(v6: $0) }
        }
        return parseV4(bytes[...]).map { IPAddress(v4: $0) }
    }

    /// Parses `ADDR/LEN`. When `allowHostBits` is false (spec fields), host bits are an error
    /// naming the masked prefix; when true (`calc`), they are cleared.
    public static func parsePrefix(_ text: Substring, allowHostBits: Bool = false) -> Result<IPPrefix, AddressParseError> {
        if text.isEmpty { return .failure(.empty) }
        guard let slash = text.lastIndex(of: "/") else {
            if text.contains("%") { return .failure(.zoneNotAllowed) }
            if case .failure(let e) = parseAddress(text) { return .failure(e) }
            return .failure(.missingPrefixLength)
        }
        let addrText = text[..<slash]
        let lenText = text[text.index(after: slash)...]
        if addrText.contains("%") { return .failure(.zoneNotAllowed) }
        let address: IPAddress
        switch parseAddress(addrText) {
        case .success(let a): address = a
        case .failure(let e): return .failure(e)
        }
        let length: Int
        switch parseLength(lenText, max: address.family.bits) {
        case .success(let l): length = l
        case .failure(let e): return .failure(e)
        }
        let prefix = IPPrefix(masking: address, length: length)
        if prefix.network != address && !allowHostBits {
            return .failure(.hostBitsSet(masked: prefix))
        }
        return .success(prefix)
    }

    public static func parseLength(_ s: Substring, max: Int) -> Result<Int, AddressParseError> {
        if s.isEmpty { return .failure(.emptyPrefixLength) }
        var n = 0
        for b in s.utf8 {
            guard b >= 0x30 && b <= 0x39 else { return .failure(.prefixLengthNotNumeric(String(s))) }
            n = n * 10 + Int(b - 0x30)
            if n > 1000 { return .failure(.prefixLengthOutOfRange(n, max: max)) }
        }
        if s.utf8.count > 1 && s.utf8.first == 0x30 { return .failure(.prefixLengthLeadingZero(String(s))) }
        if n > max { return .failure(.prefixLengthOutOfRange(n, max: max)) }
        return .success(n)
    }

    static func parseV4(_ b: ArraySlice<UInt8>) -> Result<UInt32, AddressParseError> {
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
            let text = String(decoding: b[start..<i], as: UTF8.self)
            if digits > 1 && b[start] == 0x30 { return .failure(.octetLeadingZero(text)) }
            if n > 255 { return .failure(.octetTooLarge(text)) }
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

    static func parseV6(_ b: ArraySlice<UInt8>) -> Result<UInt128, AddressParseError> {
        var groups: [UInt16] = []
        groups.reserveCapacity(8)
        var ellipsis = -1
        var i = b.startIndex
        let end = b.endIndex
        if b.count >= 2 && b[i] == UInt8(ascii: ":") && b[i + 1] == UInt8(ascii: ":") {
            ellipsis = 0
            i += 2
            if i == end { return .success(0) }
        } else if b[i] == UInt8(ascii: ":") {
            return .failure(.emptyGroup)
        }
        while i < end {
            let start = i
            var v: UInt32 = 0
            while i < end, let d = hexValue(b[i]) {
                v = v << 4 | UInt32(d)
                if v > 0xFFFFF { v = 0xFFFFF }
                i += 1
            }
            let digits = i - start
            if i < end && b[i] == UInt8(ascii: ".") {
                // Embedded IPv4: must take exactly the last 32 bits.
                guard groups.count <= 6 else { return .failure(.tooManyGroups) }
                switch parseV4(b[start..<end]) {
                case .failure(let e): return .failure(e)
                case .success(let v4):
                    groups.append(UInt16(v4 >> 16))
                    groups.append(UInt16(v4 & 0xFFFF))
                    i = end
                }
                if ellipsis < 0 && groups.count != 8 { return .failure(.tooFewGroups) }
                break
            }
            if digits == 0 {
                if i < end && b[i] != UInt8(ascii: ":") { return .failure(.unexpectedCharacter(Self.char(b, at: i))) }
                return .failure(.emptyGroup)
            }
            if digits > 4 { return .failure(.groupTooLong(String(decoding: b[start..<i], as: UTF8.self))) }
            groups.append(UInt16(v))
            if groups.count > 8 { return .failure(.tooManyGroups) }
            if i == end { break }
            guard b[i] == UInt8(ascii: ":") else { return .failure(.unexpectedCharacter(Self.char(b, at: i))) }
            i += 1
            if i < end && b[i] == UInt8(ascii: ":") {
                if ellipsis >= 0 { return .failure(.multipleDoubleColons) }
                ellipsis = groups.count
                i += 1
                if i == end { break }
                if b[i] == UInt8(ascii: ":") { return .failure(.multipleDoubleColons) }
            } else if i == end {
                return .failure(.emptyGroup)
            }
        }
        if groups.count > 8 { return .failure(.tooManyGroups) }
        if ellipsis >= 0 {
            // "::" must stand for at least one zero group (RFC 4291 §2.2).
            if groups.count > 7 { return .failure(.tooManyGroups) }
            let fill = 8 - groups.count
            groups.insert(contentsOf: [UInt16](repeating: 0, count: fill), at: ellipsis)
        } else if groups.count < 8 {
            return .failure(.tooFewGroups)
        }
        var value: UInt128 = 0
        for g in groups { value = value << 16 | UInt128(g) }
        return .success(value)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }

    private static func char(_ b: ArraySlice<UInt8>, at i: Int) -> Character {
        // Decode the (possibly multi-byte) character starting at i for the error message.
        var end = i + 1
        while end < b.endIndex && (b[end] & 0xC0) == 0x80 { end += 1 }
        return String(decoding: b[i..<end], as: UTF8.self).first ?? "?"
    }
}
