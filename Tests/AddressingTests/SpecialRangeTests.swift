import TestSupport
import Testing
@testable import Addressing

@Test(arguments: [
    ("0.0.0.0", ["unspecified", "this-network"], false),
    ("0.1.2.3", ["this-network"], false),
    ("10.1.2.3", ["private"], false),
    ("172.31.255.255", ["private"], false),
    ("172.32.0.0", [], true),
    ("192.168.0.1", ["private"], false),
    ("100.64.0.1", ["shared"], false),
    ("100.128.0.0", [], true),
    ("127.0.0.1", ["loopback"], false),
    ("169.254.1.1", ["link-local"], false),
    ("192.0.0.8", ["ietf-protocol"], false),
    ("192.0.2.1", ["documentation"], false),
    ("198.18.0.1", ["benchmarking"], false),
    ("198.51.100.1", ["documentation"], false),
    ("203.0.113.9", ["documentation"], false),
    ("224.0.0.1", ["multicast"], false),
    ("239.255.255.255", ["multicast"], false),
    ("240.0.0.1", ["reserved"], false),
    ("255.255.255.255", ["broadcast", "reserved"], false),
    ("8.8.8.8", [], true),
    ("::", ["unspecified"], false),
    ("::1", ["loopback"], false),
    ("::ffff:1.2.3.4", ["ipv4-mapped"], false),
    ("64:ff9b::1.2.3.4", ["nat64"], true),
    ("64:ff9b:1::1", ["nat64-local"], false),
    ("100::1", ["discard-only"], false),
    ("2001::1", ["teredo", "global-unicast"], true),
    ("2001:db8::1", ["documentation", "global-unicast"], false),
    ("2002:c000:204::1", ["6to4", "global-unicast"], true),
    ("3fff:fff::1", ["documentation", "global-unicast"], false),
    ("3fff:1000::", ["global-unicast"], true),
    ("2600::1", ["global-unicast"], true),
    ("fd00::1", ["unique-local"], false),
    ("fe80::1", ["link-local"], false),
    ("febf:ffff::", ["link-local"], false),
    ("fec0::1", ["site-local"], false),
    ("ff02::1", ["multicast"], false),
    ("4000::1", [], false),
])
func classifiesAddresses(_ text: String, _ names: [String], _ global: Bool) throws {
    let a = try address(text)
    #expect(a.specialRanges.map(\.name) == names)
    #expect(a.isGlobalUnicast == global)
}

@Test(arguments: [
    ("10.1.0.0/16", [("private", "10.0.0.0/8", SpecialRange.Relation.within)]),
    ("10.0.0.0/8", [("private", "10.0.0.0/8", .within)]),
    ("10.0.0.0/7", [("private", "10.0.0.0/8", .contains)]),
    ("2001:db8::/48", [("documentation", "2001:db8::/32", .within), ("global-unicast", "2000::/3", .within)]),
    ("fc00::/7", [("unique-local", "fc00::/7", .within)]),
    ("fc00::/6", [("unique-local", "fc00::/7", .contains), ("link-local", "fe80::/10", .contains),
                  ("site-local", "fec0::/10", .contains), ("multicast", "ff00::/8", .contains)]),
    ("fe80::/9", [("link-local", "fe80::/10", .contains), ("site-local", "fec0::/10", .contains)]),
    ("8.0.0.0/8", []),
    ("4000::/2", []),
    ("254.0.0.0/7", [("reserved", "240.0.0.0/4", .within), ("broadcast", "255.255.255.255/32", .contains)]),
])
func classifiesPrefixes(_ text: String, _ expected: [(String, String, SpecialRange.Relation)]) throws {
    let matches = try prefix(text).specialRanges
    #expect(matches.map(\.range.name) == expected.map(\.0))
    #expect(matches.map(\.range.prefix.description) == expected.map(\.1))
    #expect(matches.map(\.relation) == expected.map(\.2))
}

@Test(arguments: IPFamily.allCases)
func wholeFamilyContainsEveryRangeOfItsFamily(_ family: IPFamily) {
    let all = IPPrefix(masking: IPAddress(family: family, value: 0), length: 0)
    let matches = all.specialRanges
    #expect(matches.count == SpecialRange.all.filter { $0.prefix.family == family }.count)
    for m in matches where m.range.prefix.length > 0 {
        #expect(m.relation == .contains)
    }
}

@Test func tableIsWellFormed() {
    #expect(SpecialRange.all.count == SpecialRange.ipv4.count + SpecialRange.ipv6.count)
    #expect(SpecialRange.all == SpecialRange.all.sorted { $0.prefix < $1.prefix })
    #expect(Set(SpecialRange.all.map(\.prefix)).count == SpecialRange.all.count)
    for r in SpecialRange.all {
        #expect(r.rfc.hasPrefix("RFC "))
        #expect(!r.kind.title.isEmpty)
        #expect(r.description == "\(r.name) \(r.prefix) (\(r.rfc))")
        // Each table entry is classified as (at least) itself.
        #expect(r.prefix.specialRanges.contains(SpecialRange.Match(range: r, relation: .within)))
        #expect(r.prefix.network.specialRanges.contains(r))
    }
    // Every kind but none is used, and names are unique and stable.
    #expect(Set(SpecialRange.all.map(\.kind)) == Set(SpecialRange.Kind.allCases))
    #expect(Set(SpecialRange.Kind.allCases.map(\.rawValue)).count == SpecialRange.Kind.allCases.count)
}

@Test(arguments: [
    ("2001:db8::/32", "RFC 3849"), ("3fff::/20", "RFC 9637"), ("192.0.2.0/24", "RFC 5737"),
    ("198.51.100.0/24", "RFC 5737"), ("203.0.113.0/24", "RFC 5737"),
])
func documentationPrefixes(_ text: String, _ rfc: String) throws {
    let p = try prefix(text)
    let range = try #require(SpecialRange.all.first { $0.prefix == p })
    #expect(range.kind == .documentation)
    #expect(range.rfc == rfc)
}

/// The matches of a prefix, against the definition on the whole table: the blocks it lies
/// within, most specific first, then the blocks it holds, in address order. Random prefixes
/// of every length, and prefixes in, around and over each special block (the index by first
/// byte must never miss one).
@Test func matchesAreTheBlocksThatOverlapInOrder() {
    var rng = SplitMix64(seed: 0x5BEC1A1)
    var prefixes: [IPPrefix] = []
    for _ in 0..<3000 {
        let a: IPAddress = switch rng.address() {
        case .v4(let v): IPAddress(v4: v)
        case .v6(let v): IPAddress(v6: v)
        }
        prefixes.append(IPPrefix(masking: a, length: Int.random(in: 0...a.family.bits, using: &rng)))
    }
    for block in SpecialRange.all.map(\.prefix) {
        for length in [0, 1, 7, 8, 9, block.length - 1, block.length, block.length + 1, block.bits] where (0...block.bits).contains(length) {
            prefixes.append(IPPrefix(masking: block.network, length: length))
            prefixes.append(IPPrefix(masking: block.last, length: length))
        }
    }
    for p in prefixes {
        let within = SpecialRange.all.filter { $0.prefix.contains(p) }.sorted { $0.prefix.length > $1.prefix.length }
        let holds = SpecialRange.all.filter { $0.prefix.length > p.length && p.contains($0.prefix) }
        let matches = SpecialRange.matches(for: p)
        #expect(matches.map(\.range.prefix) == within.map(\.prefix) + holds.map(\.prefix), "\(p)")
        #expect(matches.map(\.relation) == within.map { _ in .within } + holds.map { _ in .contains }, "\(p)")
    }
}
