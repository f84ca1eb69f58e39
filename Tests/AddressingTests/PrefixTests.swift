import Testing
@testable import Addressing

@Test(arguments: [
    // prefix, first, last, address count, first usable, last usable, usable count
    ("10.0.0.0/8", "10.0.0.0", "10.255.255.255", "16777216", "10.0.0.1", "10.255.255.254", "16777214"),
    ("192.0.2.0/30", "192.0.2.0", "192.0.2.3", "4", "192.0.2.1", "192.0.2.2", "2"),
    ("192.0.2.0/31", "192.0.2.0", "192.0.2.1", "2", "192.0.2.0", "192.0.2.1", "2"),
    ("192.0.2.7/32", "192.0.2.7", "192.0.2.7", "1", "192.0.2.7", "192.0.2.7", "1"),
    ("0.0.0.0/0", "0.0.0.0", "255.255.255.255", "4294967296", "0.0.0.1", "255.255.255.254", "4294967294"),
    ("255.255.255.255/32", "255.255.255.255", "255.255.255.255", "1", "255.255.255.255", "255.255.255.255", "1"),
    ("2001:db8::/64", "2001:db8::", "2001:db8::ffff:ffff:ffff:ffff", "18446744073709551616",
     "2001:db8::1", "2001:db8::ffff:ffff:ffff:ffff", "18446744073709551615"),
    ("2001:db8:0:0:4000::/66", "2001:db8:0:0:4000::", "2001:db8::7fff:ffff:ffff:ffff", "4611686018427387904",
     "2001:db8::4000:0:0:1", "2001:db8::7fff:ffff:ffff:ffff", "4611686018427387903"),
    ("2001:db8::/127", "2001:db8::", "2001:db8::1", "2", "2001:db8::", "2001:db8::1", "2"),
    ("2001:db8::1/128", "2001:db8::1", "2001:db8::1", "1", "2001:db8::1", "2001:db8::1", "1"),
    ("::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "340282366920938463463374607431768211456",
     "::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "340282366920938463463374607431768211455"),
])
func rangeAndSize(_ p: String, _ first: String, _ last: String, _ count: String,
                  _ firstUsable: String, _ lastUsable: String, _ usable: String) throws {
    let prefix = try prefix(p)
    #expect(prefix.first.description == first)
    #expect(prefix.network.description == first)
    #expect(prefix.last.description == last)
    #expect(prefix.addressCountText == count)
    #expect(prefix.addressCount.map { String($0) } ?? "2^128" == (prefix.hostBits == 128 ? "2^128" : count))
    #expect(prefix.firstUsable.description == firstUsable)
    #expect(prefix.lastUsable.description == lastUsable)
    #expect(String(prefix.usableAddressCount) == usable)
}

@Test(arguments: [
    ("10.0.0.0/8", "255.0.0.0", "0.255.255.255"),
    ("192.168.1.0/26", "255.255.255.192", "0.0.0.63"),
    ("0.0.0.0/0", "0.0.0.0", "255.255.255.255"),
    ("1.2.3.4/32", "255.255.255.255", "0.0.0.0"),
    ("2001:db8:0:0:4000::/66", "ffff:ffff:ffff:ffff:c000::", "::3fff:ffff:ffff:ffff"),
    ("::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
    ("::1/128", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::"),
])
func masks(_ p: String, _ netmask: String, _ hostmask: String) throws {
    let prefix = try prefix(p)
    #expect(prefix.netmask.description == netmask)
    #expect(prefix.hostmask.description == hostmask)
}

@Test(arguments: [
    ("10.0.0.0/8", "11.0.0.0/8"),
    ("10.0.0.0/31", "10.0.0.2/31"),
    ("2001:db8::/64", "2001:db8:0:1::/64"),
    ("2001:db8:0:ffff::/64", "2001:db8:1::/64"),
    ("255.0.0.0/8", nil),
    ("255.255.255.255/32", nil),
    ("0.0.0.0/0", nil),
    ("::/0", nil),
    ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", nil),
    ("ff00::/8", nil),
] as [(String, String?)])
func nextPrefix(_ p: String, _ expected: String?) throws {
    #expect(try prefix(p).next?.description == expected)
}

@Test func addressAtOffset() throws {
    let p = try prefix("192.0.2.0/24")
    #expect(p.address(at: 0)?.description == "192.0.2.0")
    #expect(p.address(at: 255)?.description == "192.0.2.255")
    #expect(p.address(at: 256) == nil)
    #expect(p.address(at: .max) == nil)
    let all = try prefix("::/0")
    #expect(all.address(at: .max)?.description == "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
    let one = try prefix("::1/128")
    #expect(one.address(at: 0)?.description == "::1")
    #expect(one.address(at: 1) == nil)
    #expect(try prefix("0.0.0.0/0").address(at: 1 << 32) == nil)
}

@Test(arguments: [
    ("10.0.0.0/8", 16, "256", "10.0.0.0/16", "10.255.0.0/16"),
    ("10.0.0.0/8", 8, "1", "10.0.0.0/8", "10.0.0.0/8"),
    ("0.0.0.0/0", 32, "4294967296", "0.0.0.0/32", "255.255.255.255/32"),
    ("2001:db8::/32", 48, "65536", "2001:db8::/48", "2001:db8:ffff::/48"),
    ("2001:db8:0:0:4000::/66", 68, "4", "2001:db8:0:0:4000::/68", "2001:db8:0:0:7000::/68"),
    ("::/0", 128, "340282366920938463463374607431768211456", "::/128", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"),
    ("::/0", 0, "1", "::/0", "::/0"),
])
func subnetsAtBothEnds(_ p: String, _ length: Int, _ count: String, _ first: String, _ last: String) throws {
    let parent = try prefix(p)
    #expect(parent.subnetCountText(length: length) == count)
    #expect(parent.subnet(0, length: length)?.description == first)
    // The last subnet: index count-1 (count may be 2^128, so compute it as all ones of the diff).
    let diff = length - parent.length
    let lastIndex: UInt128 = diff >= 128 ? .max : (UInt128(1) << UInt128(diff)) - 1
    #expect(parent.subnet(lastIndex, length: length)?.description == last)
    if diff < 128 { #expect(parent.subnet(lastIndex + 1, length: length) == nil) }
    #expect(parent.subnet(.max, length: length)?.description == (diff == 128 ? last : nil))
}

@Test func subnetArgumentsOutOfRange() throws {
    let p = try prefix("10.0.0.0/8")
    #expect(p.subnet(0, length: 7) == nil)
    #expect(p.subnet(0, length: 33) == nil)
    #expect(p.subnet(0, length: -1) == nil)
    #expect(p.subnetCount(length: 7) == nil)
    #expect(p.subnetCountText(length: 33) == nil)
    #expect(p.split(length: 33, limit: 10).isEmpty)
    #expect(p.split(length: 16, limit: 0).isEmpty)
    #expect(p.split(length: 16, limit: -5).isEmpty)
    #expect(try prefix("::/0").subnetCount(length: 128) == nil)
}

@Test(arguments: [
    ("10.1.2.0/24", 8, "10.0.0.0/8"),
    ("10.1.2.0/24", 24, "10.1.2.0/24"),
    ("10.1.2.0/24", 0, "0.0.0.0/0"),
    ("2001:db8:0:0:4000::/66", 64, "2001:db8::/64"),
    ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", 0, "::/0"),
] as [(String, Int, String)])
func supernets(_ p: String, _ length: Int, _ expected: String) throws {
    #expect(try prefix(p).supernet(length: length)?.description == expected)
}

@Test func supernetOutOfRange() throws {
    let p = try prefix("10.1.2.0/24")
    #expect(p.supernet(length: 25) == nil)
    #expect(p.supernet(length: -1) == nil)
}

@Test(arguments: [
    ("10.0.0.0/8", "10.255.255.255", true),
    ("10.0.0.0/8", "11.0.0.0", false),
    ("10.0.0.0/8", "::ffff:10.0.0.1", false),
    ("::/0", "10.0.0.1", false),
    ("::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true),
    ("0.0.0.0/0", "255.255.255.255", true),
    ("2001:db8::/64", "2001:db8::ffff:ffff:ffff:ffff", true),
    ("2001:db8::/64", "2001:db8:0:1::", false),
])
func containsAddress(_ p: String, _ a: String, _ expected: Bool) throws {
    #expect(try prefix(p).contains(try address(a)) == expected)
}

@Test(arguments: [
    ("10.0.0.0/8", "10.1.0.0/16", true),
    ("10.0.0.0/16", "10.1.0.0/16", false),
    ("0.0.0.0/0", "255.255.255.255/32", true),
    ("::/0", "0.0.0.0/0", false),
    ("2001:db8::/32", "2001:db8::/32", true),
    ("2001:db8::/48", "2001:db8::/32", true),
])
func overlapsBothWays(_ a: String, _ b: String, _ expected: Bool) throws {
    let p = try prefix(a), q = try prefix(b)
    #expect(p.overlaps(q) == expected)
    #expect(q.overlaps(p) == expected)
}

@Test(arguments: [("2001:db8::/64", true), ("2001:db8::/66", false), ("10.0.0.0/8", true), ("::/0", true), ("::/127", false)])
func nibbleAlignment(_ p: String, _ aligned: Bool) throws {
    #expect(try prefix(p).isNibbleAligned == aligned)
}

@Test func hostPrefix() throws {
    #expect(IPPrefix(host: try address("1.2.3.4")).description == "1.2.3.4/32")
    #expect(IPPrefix(host: try address("2001:db8::1")).description == "2001:db8::1/128")
}

@Test func orderingAndAddressArithmeticAtTheEdges() throws {
    #expect(try address("255.255.255.255") < address("::"))
    #expect(try prefix("10.0.0.0/8") < prefix("10.0.0.0/16"))
    #expect(try address("255.255.255.255").adding(1) == nil)
    #expect(try address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").adding(1) == nil)
    #expect(try address("::").subtracting(1) == nil)
    #expect(try address("0.0.0.0").adding(.max) == nil)
    #expect(try address("::ffff:10.1.2.3").unmappedIPv4?.description == "10.1.2.3")
    #expect(try address("::fffe:10.1.2.3").unmappedIPv4 == nil)
}
