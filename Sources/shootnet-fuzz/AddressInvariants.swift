import Addressing
import Spec
#if canImport(Glibc)
import Glibc
#endif

/// What must hold for every text given to the address parsers, whatever it is.
enum AddressInvariants {
    /// Accepted addresses format canonically and read back as themselves; glibc's
    /// `inet_pton` agrees on the value and `inet_ntop` on the text; rejections explain
    /// themselves in one safe line.
    static func address(_ text: String) throws(Finding) {
        switch AddressParser.parseAddress(Substring(text)) {
        case .success(let a):
            try roundTrip(a)
            try agreesWithLibc(text, a)
        case .failure(let e):
            try TextInvariants.requireSafeOneLine(e.message, "address error message")
        }
    }

    static func roundTrip(_ a: IPAddress) throws(Finding) {
        let text = AddressFormatter.format(a)
        guard case .success(let again) = AddressParser.parseAddress(Substring(text)), again == a else {
            throw Finding("format→parse round trip failed: \(a.family) value \(a.value) formats as \(text)")
        }
        guard a.description == text, AddressFormatter.format(again) == text else { throw Finding("formatting is not stable for \(text)") }
        if let reference = libcFormat(a), reference != text {
            throw Finding("not RFC 5952 canonical: formatted \(text), inet_ntop gives \(reference)")
        }
    }

    /// inet_pton must accept what we accept, with the same value. (It accepts more: we are
    /// stricter about leading zeros and never take zones.)
    static func agreesWithLibc(_ text: String, _ a: IPAddress) throws(Finding) {
        guard !text.utf8.contains(0) else { throw Finding("an address with a NUL byte was accepted") }
        var buffer = [UInt8](repeating: 0, count: 16)
        let family = a.family == .v4 ? AF_INET : AF_INET6
        let ok = text.withCString { inet_pton(family, $0, &buffer) }
        guard ok == 1 else { throw Finding("accepted \(a) but inet_pton rejects the text") }
        let count = a.family == .v4 ? 4 : 16
        let value = buffer.prefix(count).reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
        guard value == a.value else { throw Finding("parsed value differs from inet_pton's for \(a)") }
    }

    /// glibc's text for `a`, except where glibc prints the deprecated `::a.b.c.d` form of
    /// IPv4-compatible addresses (RFC 5952 §5 wants hex there).
    static func libcFormat(_ a: IPAddress) -> String? {
        if a.family == .v6 && a.value >> 32 == 0 { return nil }
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = a.family == .v4 ? 4 : 16
        for i in 0..<count { bytes[i] = UInt8(truncatingIfNeeded: a.value >> UInt128(8 * (count - 1 - i))) }
        var out = [CChar](repeating: 0, count: 64)
        let family = a.family == .v4 ? AF_INET : AF_INET6
        guard inet_ntop(family, bytes, &out, socklen_t(out.count)) != nil else { return nil }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Strict and lenient prefix parsing agree: they differ only when host bits are set,
    /// and then the strict error names exactly the prefix the lenient parse returns.
    static func prefix(_ text: String) throws(Finding) {
        let strict = AddressParser.parsePrefix(Substring(text))
        let lenient = AddressParser.parsePrefix(Substring(text), allowHostBits: true)
        switch (strict, lenient) {
        case (.success(let p), .success(let q)):
            guard p == q else { throw Finding("strict \(p) and lenient \(q) differ") }
            try canonicalPrefix(p)
        case (.failure(.hostBitsSet(let masked)), .success(let q)):
            guard masked == q else { throw Finding("host-bits error suggests \(masked), lenient parse gives \(q)") }
            try canonicalPrefix(q)
        case (.failure(let e1), .failure(let e2)):
            guard e1 == e2 else { throw Finding("strict and lenient fail differently: \(e1.message) / \(e2.message)") }
            try TextInvariants.requireSafeOneLine(e1.message, "prefix error message")
        case (.success(let p), .failure(let e)):
            throw Finding("strict accepts \(p) but lenient rejects: \(e.message)")
        case (.failure(let e), .success(let q)):
            throw Finding("lenient accepts \(q) but strict fails with something other than host bits: \(e.message)")
        }
    }

    /// The network has no host bits, the length fits, the text reads back strictly.
    static func canonicalPrefix(_ p: IPPrefix) throws(Finding) {
        guard p.length >= 0, p.length <= p.family.bits else { throw Finding("prefix length \(p.length) out of range") }
        guard IPPrefix(masking: p.network, length: p.length) == p else { throw Finding("prefix \(p) has host bits set") }
        try roundTrip(p.network)
        guard case .success(let again) = AddressParser.parsePrefix(Substring(p.description)), again == p else {
            throw Finding("prefix \(p) does not read back")
        }
        guard p.contains(p.network), p.contains(p.last), p.last >= p.network else { throw Finding("prefix \(p) range is inconsistent") }
    }

    /// A bare address becomes a host prefix; with a slash it is `parsePrefix`.
    static func prefixOrAddress(_ text: String) throws(Finding) {
        let combined = AddressParser.parsePrefixOrAddress(Substring(text), allowHostBits: true)
        let expected = text.contains("/")
            ? AddressParser.parsePrefix(Substring(text), allowHostBits: true)
            : AddressParser.parseAddress(Substring(text)).map { IPPrefix(host: $0) }
        guard combined == expected else { throw Finding("parsePrefixOrAddress disagrees with parsePrefix/parseAddress") }
        if case .success(let p) = combined { try canonicalPrefix(p) }
    }

    /// Tuple entries are the trimmed, non-empty comma items, each parsed like a single entry,
    /// and each location points at the entry's first character (columns in scalars).
    static func tuple(_ text: String) throws(Finding) {
        let base = SourceLocation(file: "fuzz.yaml", line: 7, column: 12)
        let slots = CIDRSlot.parseTuple(text, location: base)
        let scalars = Array(text.unicodeScalars)
        guard slots.count <= text.utf8.filter({ $0 == UInt8(ascii: ",") }).count + 1 else { throw Finding("more entries than items") }
        for slot in slots {
            guard !slot.text.isEmpty else { throw Finding("an empty tuple entry was kept") }
            guard slot.value == CIDRSlot(parsing: slot.text).value else { throw Finding("entry \(slot.text) parses differently alone") }
            guard let location = slot.location, location.line == base.line, location.file == base.file else {
                throw Finding("entry \(Escaped.text(slot.text)) lost its location")
            }
            let offset = location.column - base.column
            let entry = Array(slot.text.unicodeScalars)
            guard offset >= 0, offset + entry.count <= scalars.count, Array(scalars[offset..<offset + entry.count]) == entry else {
                throw Finding("entry \(Escaped.text(slot.text)) is not at column \(location.column) (offset \(offset))")
            }
            switch slot.value {
            case .prefix(let p): try canonicalPrefix(p)
            case .invalid(let e): try TextInvariants.requireSafeOneLine(e.message, "tuple entry error")
            case .auto: guard slot.text == CIDRSlot.autoKeyword else { throw Finding("\(slot.text) taken as AUTOv6") }
            }
        }
    }

    /// Templates read back from their own text; errors are one safe line.
    static func template(_ text: String) throws(Finding) {
        switch PodPrefixTemplate.parse(text) {
        case .success(let t):
            guard t.length >= 0, t.length <= 128 else { throw Finding("template length \(t.length) out of range") }
            guard case .success(let again) = PodPrefixTemplate.parse(t.text), again == t else {
                throw Finding("template \(Escaped.text(t.text)) does not read back")
            }
        case .failure(let e):
            try TextInvariants.requireSafeOneLine(e.description, "template error")
        }
    }
}
