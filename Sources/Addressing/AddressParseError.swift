import TextPolicy

/// Why a text is not an address or prefix. ``message`` is one line for users.
///
/// New cases may be added as the parser learns to explain more; match on the cases you
/// handle and use ``message`` for the rest.
public enum AddressParseError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case unexpectedCharacter(Character)
    case zoneNotAllowed
    case octetLeadingZero(String)
    case octetTooLarge(String)
    case wrongOctetCount(Int)
    case emptyOctet
    case multipleDoubleColons
    case tooManyGroups
    case tooFewGroups
    /// `::` written together with eight groups, so it would stand for no group at all.
    case doubleColonWithEightGroups
    case groupTooLong(String)
    case emptyGroup
    case embeddedIPv4NotAtEnd
    case missingPrefixLength
    case emptyPrefixLength
    case prefixLengthLeadingZero(String)
    case prefixLengthNotNumeric(String)
    case prefixLengthOutOfRange(Int, max: Int)
    /// The address has bits set beyond the prefix length; `masked` is what was probably meant.
    case hostBitsSet(masked: IPPrefix)

    public var message: String {
        switch self {
        case .empty: "empty address"
        case .unexpectedCharacter(let c): "unexpected character \(Self.quote(c))"
        case .zoneNotAllowed: "zone identifiers (%…) are not allowed here"
        case .octetLeadingZero(let o): "IPv4 octet \(Self.quote(o)) has a leading zero (ambiguous: octal or decimal?)"
        case .octetTooLarge(let o): "IPv4 octet \(Self.shown(o)) is larger than 255"
        case .wrongOctetCount(let n): "IPv4 address needs 4 octets, found \(n)"
        case .emptyOctet: "empty IPv4 octet"
        case .multipleDoubleColons: "more than one \"::\" in IPv6 address"
        case .tooManyGroups: "too many groups in IPv6 address (at most 8)"
        case .tooFewGroups: "too few groups in IPv6 address (8 needed without \"::\")"
        case .doubleColonWithEightGroups: "\"::\" must stand for at least one zero group, but 8 groups are already given"
        case .groupTooLong(let g): "IPv6 group \(Self.quote(g)) has more than 4 hex digits"
        case .emptyGroup: "empty group in IPv6 address (single \":\" at start or end?)"
        case .embeddedIPv4NotAtEnd: "embedded IPv4 address must be the last 32 bits"
        case .missingPrefixLength: "missing prefix length (e.g. /64)"
        case .emptyPrefixLength: "empty prefix length after \"/\""
        case .prefixLengthLeadingZero(let s): "prefix length \(Self.quote(s)) has a leading zero"
        case .prefixLengthNotNumeric(let s): "prefix length \(Self.quote(s)) is not a number"
        case .prefixLengthOutOfRange(let n, let max): "prefix length \(n) is out of range 0..\(max)"
        case .hostBitsSet(let masked): "host bits set; did you mean \(masked)?"
        }
    }

    public var description: String { message }

    /// A character for a message: quoted, or as `U+XXXX` when it is a control character, a
    /// line or paragraph separator or a bidi mark (so no input can steer the terminal).
    private static func quote(_ c: Character) -> String {
        let scalars = c.unicodeScalars
        if scalars.count == 1, let s = scalars.first?.value, isUnsafe(s) { return "U+" + String(s, radix: 16, uppercase: true) }
        return quote(String(c))
    }

    /// Text from the input for a message: quoted, unsafe characters as `\u{…}`, at most 40
    /// characters.
    private static func quote(_ text: String) -> String { "\"" + shown(text) + "\"" }

    private static func shown(_ text: String) -> String {
        var out = ""
        for (i, scalar) in text.unicodeScalars.enumerated() {
            if i == 40 { return out + "…" }
            if isUnsafe(scalar.value) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isUnsafe(_ v: UInt32) -> Bool { UnsafeText.isUnsafe(v) }
}
