import Testing
@testable import Addressing

/// Valid texts and their canonical form (RFC 4291 §2.2 forms, RFC 5952 §2 and §4 examples).
private let validAddresses: [(input: String, canonical: String)] = [
    // RFC 4291 §2.2 form 1: the preferred form.
    ("ABCD:EF01:2345:6789:ABCD:EF01:2345:6789", "abcd:ef01:2345:6789:abcd:ef01:2345:6789"),
    ("2001:DB8:0:0:8:800:200C:417A", "2001:db8::8:800:200c:417a"),
    // Form 2: "::" for one or more zero groups.
    ("2001:DB8::8:800:200C:417A", "2001:db8::8:800:200c:417a"),
    ("FF01:0:0:0:0:0:0:101", "ff01::101"),
    ("FF01::101", "ff01::101"),
    ("0:0:0:0:0:0:0:1", "::1"),
    ("::1", "::1"),
    ("0:0:0:0:0:0:0:0", "::"),
    ("::", "::"),
    ("1::", "1::"),
    ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
    ("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
    // Form 3: embedded IPv4 in the last 32 bits.
    ("0:0:0:0:0:0:13.1.68.3", "::d01:4403"),
    ("::13.1.68.3", "::d01:4403"),
    ("0:0:0:0:0:FFFF:129.144.52.38", "::ffff:129.144.52.38"),
    ("::FFFF:129.144.52.38", "::ffff:129.144.52.38"),
    ("::ffff:1.2.3.4", "::ffff:1.2.3.4"),
    ("::ffff:0:0", "::ffff:0.0.0.0"),
    ("0:0:0:0:0:ffff:ffff:ffff", "::ffff:255.255.255.255"),
    ("::fffe:1.2.3.4", "::fffe:102:304"),
    ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
    ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
    // RFC 5952 §2.1: many texts of one address.
    ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
    ("2001:0db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
    ("2001:db8::1:0:0:1", "2001:db8::1:0:0:1"),
    ("2001:db8::0:1:0:0:1", "2001:db8::1:0:0:1"),
    ("2001:0db8::1:0:0:1", "2001:db8::1:0:0:1"),
    ("2001:db8:0:0:1::1", "2001:db8::1:0:0:1"),
    ("2001:db8:0000:0:1::1", "2001:db8::1:0:0:1"),
    ("2001:DB8:0:0:1::1", "2001:db8::1:0:0:1"),
    // RFC 5952 §2.2 / §4.3: hex case.
    ("2001:db8:aaaa:bbbb:cccc:dddd:eeee:AAAA", "2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa"),
    ("2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:AAAA", "2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa"),
    // RFC 5952 §2.3 / §4.2.2: a single zero group is not compressed.
    ("2001:db8:aaaa:bbbb:cccc:dddd::1", "2001:db8:aaaa:bbbb:cccc:dddd:0:1"),
    ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
    ("2001:db8::1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
    ("2001:db8:0:0:0::1", "2001:db8::1"),
    ("2001:db8:0:0::1", "2001:db8::1"),
    ("2001:db8:0::1", "2001:db8::1"),
    // RFC 5952 §4.1: no leading zeros; §4.2.1: shorten as much as possible.
    ("2001:0db8::0001", "2001:db8::1"),
    ("2001:db8::0:1", "2001:db8::1"),
    ("2001:db8:0:0:0:0:2:1", "2001:db8::2:1"),
    // RFC 5952 §4.2.3: the longest run wins, the first on a tie.
    ("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),
    ("1:0:0:1:0:0:0:1", "1:0:0:1::1"),
    ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
    ("2001:db8::aaaa:0:0:1", "2001:db8::aaaa:0:0:1"),
    ("2001:db8:0:0:aaaa::1", "2001:db8::aaaa:0:0:1"),
    ("2001:db8:0:0:4000:0:0:0", "2001:db8:0:0:4000::"),
    ("1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0"),
    ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
    // IPv4.
    ("0.0.0.0", "0.0.0.0"),
    ("255.255.255.255", "255.255.255.255"),
    ("10.0.0.1", "10.0.0.1"),
    ("192.0.2.0", "192.0.2.0"),
]

@Test(arguments: validAddresses)
func parsesAndFormatsCanonically(_ vector: (input: String, canonical: String)) throws {
    let address = try AddressParser.parseAddress(Substring(vector.input)).get()
    #expect(address.description == vector.canonical)
    // The canonical text parses back to the same address.
    #expect(IPAddress(vector.canonical) == address)
}

/// Texts that are not addresses, each with its specific reason.
private let invalidAddresses: [(input: String, error: AddressParseError)] = [
    ("", .empty),
    // IPv4.
    ("010.1.1.1", .octetLeadingZero("010")),
    ("1.2.3.00", .octetLeadingZero("00")),
    ("256.1.1.1", .octetTooLarge("256")),
    ("1.2.3.99999", .octetTooLarge("99999")),
    ("1.2.3", .wrongOctetCount(3)),
    ("1.2.3.4.5", .wrongOctetCount(5)),
    ("1.2.3.4.5.6", .wrongOctetCount(6)),
    ("1.2.3.4.", .emptyOctet),
    ("1..2.3", .emptyOctet),
    (".1.2.3", .emptyOctet),
    ("1.2.3.a", .unexpectedCharacter("a")),
    (" 1.2.3.4", .unexpectedCharacter(" ")),
    ("1.2.3.4 ", .unexpectedCharacter(" ")),
    ("1.2.3.4\n", .unexpectedCharacter("\n")),
    ("1.2.3.4/8", .unexpectedCharacter("/")),
    // IPv6.
    ("1:2:3:4::5:6:7:8", .doubleColonWithEightGroups),
    ("::1:2:3:4:5:6:7:8", .doubleColonWithEightGroups),
    ("1:2:3:4:5:6:7:8::", .doubleColonWithEightGroups),
    ("1:2:3:4:5:6::1.2.3.4", .doubleColonWithEightGroups),
    ("1:2:3:4:5:6:7:8:9", .tooManyGroups),
    ("1:2:3:4:5:6:7:1.2.3.4", .tooManyGroups),
    ("1:2:3:4:5:6:7", .tooFewGroups),
    ("1:2:3:4:5:1.2.3.4", .tooFewGroups),
    ("1::2::3", .multipleDoubleColons),
    ("::1::", .multipleDoubleColons),
    ("12345::", .groupTooLong("12345")),
    ("::0db80", .groupTooLong("0db80")),
    (":1::", .emptyGroup),
    (":", .emptyGroup),
    ("1::2:", .emptyGroup),
    ("1:2:3:4:5:6:7:", .emptyGroup),
    (":::", .unexpectedCharacter(":")),
    ("1:::2", .unexpectedCharacter(":")),
    ("1.2.3.4::", .embeddedIPv4NotAtEnd),
    ("::1.2.3.4:1", .embeddedIPv4NotAtEnd),
    ("::ffff:01.2.3.4", .octetLeadingZero("01")),
    ("::ffff:1.2.3", .wrongOctetCount(3)),
    ("::ffff:1.2.3.256", .octetTooLarge("256")),
    ("2001:db8::g", .unexpectedCharacter("g")),
    ("2001:db8::ü", .unexpectedCharacter("ü")),
    ("2001:db8:: ", .unexpectedCharacter(" ")),
    ("fe80::1%eth0", .zoneNotAllowed),
    ("fe80::1%", .zoneNotAllowed),
]

@Test(arguments: invalidAddresses)
func rejectsAddressWithReason(_ vector: (input: String, error: AddressParseError)) {
    let result = AddressParser.parseAddress(Substring(vector.input))
    #expect(result == .failure(vector.error))
    #expect(IPAddress(vector.input) == nil)
}

/// Prefix texts and their canonical form (RFC 4291 §2.3).
private let validPrefixes: [(input: String, canonical: String)] = [
    ("2001:0DB8:0000:CD30:0000:0000:0000:0000/60", "2001:db8:0:cd30::/60"),
    ("2001:0DB8::CD30:0:0:0:0/60", "2001:db8:0:cd30::/60"),
    ("2001:0DB8:0:CD30::/60", "2001:db8:0:cd30::/60"),
    ("2001:DB8:0:0:4000::/66", "2001:db8:0:0:4000::/66"),
    ("::/0", "::/0"),
    ("::/128", "::/128"),
    ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"),
    ("::ffff:0:0/96", "::ffff:0.0.0.0/96"),
    ("fe80::/10", "fe80::/10"),
    ("0.0.0.0/0", "0.0.0.0/0"),
    ("10.0.0.0/8", "10.0.0.0/8"),
    ("255.255.255.255/32", "255.255.255.255/32"),
    ("100.64.0.0/10", "100.64.0.0/10"),
]

@Test(arguments: validPrefixes)
func parsesPrefixCanonically(_ vector: (input: String, canonical: String)) throws {
    let prefix = try AddressParser.parsePrefix(Substring(vector.input)).get()
    #expect(prefix.description == vector.canonical)
    #expect(IPPrefix(vector.canonical) == prefix)
}

/// Prefix texts that strict parsing rejects, each with its reason.
private let invalidPrefixes: [(input: String, error: AddressParseError)] = [
    ("", .empty),
    ("/64", .empty),
    ("1.2.3.4/33", .prefixLengthOutOfRange(33, max: 32)),
    ("::/129", .prefixLengthOutOfRange(129, max: 128)),
    ("::/1000", .prefixLengthOutOfRange(1000, max: 128)),
    ("::/99999999999999999999999", .prefixLengthOutOfRange(Int.max, max: 128)),
    ("2001:db8::%eth0/64", .zoneNotAllowed),
    ("2001:db8::/64%eth0", .zoneNotAllowed),
    ("10.0.0.0", .missingPrefixLength),
    ("010.0.0.0", .octetLeadingZero("010")),
    ("10.0.0.0/", .emptyPrefixLength),
    ("10.0.0.0/08", .prefixLengthLeadingZero("08")),
    ("10.0.0.0/00", .prefixLengthLeadingZero("00")),
    ("10.0.0.0/x", .prefixLengthNotNumeric("x")),
    ("10.0.0.0/-1", .prefixLengthNotNumeric("-1")),
    ("10.0.0.0/+8", .prefixLengthNotNumeric("+8")),
    ("10.0.0.0/8 ", .prefixLengthNotNumeric("8 ")),
    ("10.0.0.0/٨", .prefixLengthNotNumeric("٨")),
    ("2001:db8::/64/64", .unexpectedCharacter("/")),
    ("1:2:3:4::5:6:7:8/64", .doubleColonWithEightGroups),
    // RFC 4291 §2.3's "not legal" forms: short of groups, or host bits beyond the length.
    ("2001:0DB8:0:CD3/60", .tooFewGroups),
]

@Test(arguments: invalidPrefixes)
func rejectsPrefixWithReason(_ vector: (input: String, error: AddressParseError)) {
    #expect(AddressParser.parsePrefix(Substring(vector.input)) == .failure(vector.error))
    #expect(IPPrefix(vector.input) == nil)
}

@Test(arguments: [
    ("2001:0DB8::CD30/60", "2001:db8::/60"),
    ("2001:0DB8::CD3/60", "2001:db8::/60"),
    ("2001:0DB8:0:CD30:123:4567:89AB:CDEF/60", "2001:db8:0:cd30::/60"),
    ("10.0.0.1/8", "10.0.0.0/8"),
    ("255.255.255.255/0", "0.0.0.0/0"),
    ("::1/0", "::/0"),
])
func hostBitsAreAnErrorNamingTheMaskedPrefix(_ input: String, _ masked: String) throws {
    let expected = try #require(IPPrefix(masked))
    #expect(AddressParser.parsePrefix(Substring(input)) == .failure(.hostBitsSet(masked: expected)))
    #expect(AddressParser.parsePrefix(Substring(input), allowHostBits: true) == .success(expected))
    #expect(AddressParseError.hostBitsSet(masked: expected).message.contains(masked))
}

@Test(arguments: [
    ("1.2.3.4", "1.2.3.4/32"),
    ("::", "::/128"),
    ("2001:DB8::1", "2001:db8::1/128"),
    ("10.0.0.1/8", "10.0.0.0/8"),
    ("::/0", "::/0"),
])
func parsesPrefixOrBareAddress(_ input: String, _ canonical: String) throws {
    let p = try AddressParser.parsePrefixOrAddress(Substring(input), allowHostBits: true).get()
    #expect(p.description == canonical)
}

@Test func prefixOrAddressKeepsTheStrictErrors() throws {
    let masked = try #require(IPPrefix("10.0.0.0/8"))
    #expect(AddressParser.parsePrefixOrAddress("2001:db8::%eth0") == .failure(.zoneNotAllowed))
    #expect(AddressParser.parsePrefixOrAddress("10.0.0.1/8") == .failure(.hostBitsSet(masked: masked)))
    #expect(AddressParser.parsePrefixOrAddress("1.2.3.4/33") == .failure(.prefixLengthOutOfRange(33, max: 32)))
    #expect(AddressParser.parsePrefixOrAddress("") == .failure(.empty))
}

@Test(arguments: [
    ("0", 32, Result<Int, AddressParseError>.success(0)),
    ("32", 32, .success(32)),
    ("33", 32, .failure(.prefixLengthOutOfRange(33, max: 32))),
    ("128", 128, .success(128)),
    ("", 128, .failure(.emptyPrefixLength)),
    ("064", 128, .failure(.prefixLengthLeadingZero("064"))),
    ("6a", 128, .failure(.prefixLengthNotNumeric("6a"))),
])
func parsesLength(_ text: String, _ max: Int, _ expected: Result<Int, AddressParseError>) {
    #expect(AddressParser.parseLength(Substring(text), max: max) == expected)
}

@Test func everyErrorMessageIsOneLine() {
    let errors: [AddressParseError] = invalidAddresses.map(\.error) + invalidPrefixes.map(\.error)
        + [.unexpectedCharacter("\u{7}"), .unexpectedCharacter("\n")]
    for e in errors {
        #expect(!e.message.isEmpty)
        #expect(!e.message.contains("\n"), "\(e.message)")
        #expect(e.description == e.message)
    }
}
