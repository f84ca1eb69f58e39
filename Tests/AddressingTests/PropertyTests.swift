import TestSupport
import Testing
@testable import Addressing

private let seed: UInt64 = 0x5EED_0F_5400_7E7
private let rounds = 4000

private func randomAddress(_ rng: inout SplitMix64) -> IPAddress {
    switch rng.address() {
    case .v4(let v): IPAddress(v4: v)
    case .v6(let v): IPAddress(v6: v)
    }
}

private func randomPrefix(_ rng: inout SplitMix64) -> IPPrefix {
    let a = randomAddress(&rng)
    // Favour the edges: /0, the full width and their neighbours.
    let bits = a.family.bits
    let length = switch Int.random(in: 0..<8, using: &rng) {
    case 0: 0
    case 1: bits
    case 2: Int.random(in: 0...2, using: &rng)
    case 3: bits - Int.random(in: 0...2, using: &rng)
    default: Int.random(in: 0...bits, using: &rng)
    }
    return IPPrefix(masking: a, length: length)
}

/// RFC 5952 written a second, independent way: the eight groups as text, then the first of the
/// longest runs of at least two "0" groups (searched longest first) replaced by "::".
private func referenceText(_ a: IPAddress) -> String {
    if a.family == .v4 {
        let v = UInt32(truncatingIfNeeded: a.value)
        return [24, 16, 8, 0].map { String((v >> UInt32($0)) & 0xFF) }.joined(separator: ".")
    }
    if a.value >> 32 == 0xFFFF {
        return "::ffff:" + referenceText(IPAddress(v4: UInt32(truncatingIfNeeded: a.value)))
    }
    let groups = (0..<8).map { String(UInt16(truncatingIfNeeded: a.value >> UInt128(112 - 16 * $0)), radix: 16) }
    for runLength in stride(from: 8, through: 2, by: -1) {
        for start in 0...(8 - runLength) where groups[start..<start + runLength].allSatisfy({ $0 == "0" }) {
            let head = groups[..<start].joined(separator: ":")
            let tail = groups[(start + runLength)...].joined(separator: ":")
            return head + "::" + tail
        }
    }
    return groups.joined(separator: ":")
}

/// The same address written the long way: every group with four digits, upper case.
private func uncompressedText(_ a: IPAddress) -> String {
    guard a.family == .v6 else { return a.description }
    return (0..<8).map { i -> String in
        let hex = String(UInt16(truncatingIfNeeded: a.value >> UInt128(112 - 16 * i)), radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }.joined(separator: ":")
}

@Test func formatThenParseRoundTrips() {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<rounds {
        let a = randomAddress(&rng)
        let text = a.description
        #expect(text == referenceText(a), "value \(a.value)")
        #expect(IPAddress(text) == a, "\(text)")
        #expect(IPAddress(uncompressedText(a)) == a, "\(uncompressedText(a))")
        #expect(IPAddress(text.uppercased()) == a, "\(text.uppercased())")
    }
}

@Test func prefixTextRoundTripsAndIsCanonical() {
    var rng = SplitMix64(seed: seed ^ 1)
    for _ in 0..<rounds {
        let p = randomPrefix(&rng)
        #expect(IPPrefix(p.description) == p, "\(p)")
        #expect(p.contains(p.network) && p.contains(p.last) && p.contains(p.firstUsable) && p.contains(p.lastUsable))
        #expect(p.first <= p.firstUsable && p.firstUsable <= p.lastUsable && p.lastUsable <= p.last)
        if let after = p.last.adding(1) { #expect(!p.contains(after)) }
        if let before = p.network.subtracting(1) { #expect(!p.contains(before)) }
        #expect(p.supernet(length: Int.random(in: 0...p.length, using: &rng))?.contains(p) == true)
        if let next = p.next {
            #expect(next.length == p.length && !next.overlaps(p) && next.network.subtracting(1) == p.last)
        } else {
            #expect(p.last.value == p.network.familyMax)
        }
    }
}

@Test func kthSubnetLiesInItsParent() {
    var rng = SplitMix64(seed: seed ^ 2)
    for _ in 0..<rounds {
        let parent = randomPrefix(&rng)
        let length = Int.random(in: parent.length...parent.bits, using: &rng)
        let diff = length - parent.length
        let countMask: UInt128 = diff >= 128 ? .max : (UInt128(1) << UInt128(diff)) - 1
        let k = UInt128(UInt64.random(in: .min ... .max, using: &rng)) << 64
            | UInt128(UInt64.random(in: .min ... .max, using: &rng))
        let index = k & countMask
        guard let subnet = parent.subnet(index, length: length) else {
            Issue.record("no subnet \(index) of length \(length) in \(parent)")
            continue
        }
        #expect(subnet.length == length)
        #expect(parent.contains(subnet) && parent.overlaps(subnet) && subnet.overlaps(parent))
        #expect(subnet.supernet(length: parent.length) == parent)
        // The index is the subnet's position: its network minus the parent's, in subnet units.
        let shift = parent.bits - length
        #expect((shift >= 128 ? 0 : (subnet.network.value - parent.network.value) >> UInt128(shift)) == index)
        // Past the end there is nothing, and asking never traps.
        if diff < 128 {
            #expect(parent.subnet(countMask + 1, length: length) == nil)
            #expect(parent.subnet(.max, length: length) == nil)
        }
        #expect(parent.subnet(index, length: parent.bits + 1) == nil)
        #expect(parent.subnet(index, length: parent.length - 1) == nil)
    }
}

@Test func overlapsIsSymmetricAndMeansNesting() {
    var rng = SplitMix64(seed: seed ^ 3)
    for _ in 0..<rounds {
        let p = randomPrefix(&rng)
        // Often a relative of p, so overlapping pairs are common.
        let q: IPPrefix = switch Int.random(in: 0..<3, using: &rng) {
        case 0: IPPrefix(masking: p.network, length: Int.random(in: 0...p.bits, using: &rng))
        case 1: IPPrefix(masking: p.last, length: Int.random(in: 0...p.bits, using: &rng))
        default: randomPrefix(&rng)
        }
        #expect(p.overlaps(q) == q.overlaps(p), "\(p) \(q)")
        #expect(p.overlaps(q) == (p.contains(q) || q.contains(p)), "\(p) \(q)")
        if p.family != q.family { #expect(!p.overlaps(q)) }
    }
}

@Test func smallSplitsCoverTheParentExactly() {
    var rng = SplitMix64(seed: seed ^ 4)
    for _ in 0..<rounds / 4 {
        let parent = randomPrefix(&rng)
        let length = min(parent.bits, parent.length + Int.random(in: 0...6, using: &rng))
        let count = 1 << (length - parent.length)
        let parts = parent.split(length: length, limit: 1000)
        #expect(parts.count == count)
        #expect(parts.first?.network == parent.network)
        #expect(parts.last?.last == parent.last)
        for (a, b) in zip(parts, parts.dropFirst()) {
            #expect(a.next == b && a.last.adding(1) == b.network && a < b)
        }
        #expect(parts.allSatisfy { parent.contains($0) && $0.length == length })
        // A cap lists a prefix of the full list.
        let capped = parent.split(length: length, limit: 3)
        #expect(capped == Array(parts.prefix(3)))
    }
}

@Test func classificationAgreesWithContainment() {
    var rng = SplitMix64(seed: seed ^ 5)
    for _ in 0..<rounds {
        let a = randomAddress(&rng)
        #expect(a.specialRanges == SpecialRange.all.filter { $0.prefix.contains(a) }
            .sorted { $0.prefix.length > $1.prefix.length })
        let p = randomPrefix(&rng)
        for m in p.specialRanges {
            switch m.relation {
            case .within: #expect(m.range.prefix.contains(p))
            case .contains: #expect(p.contains(m.range.prefix) && m.range.prefix != p)
            }
        }
        #expect(p.specialRanges.count == SpecialRange.all.filter { $0.prefix.overlaps(p) }.count)
        // The order: the blocks it lies within, most specific first; then those it holds, in
        // address order (as ``SpecialRange/all`` lists them).
        let within = SpecialRange.all.filter { $0.prefix.contains(p) }.sorted { $0.prefix.length > $1.prefix.length }
        let holds = SpecialRange.all.filter { p.contains($0.prefix) && !$0.prefix.contains(p) }
        #expect(p.specialRanges == within.map { .init(range: $0, relation: .within) } + holds.map { .init(range: $0, relation: .contains) })
    }
}

@Test(arguments: [0, 1, 31, 32, 63, 64, 127, 128])
func edgeLengthsNeverTrap(_ length: Int) {
    for family in IPFamily.allCases where length <= family.bits {
        for value in [UInt128(0), IPAddress(family: family, value: .max).value] {
            let p = IPPrefix(masking: IPAddress(family: family, value: value), length: length)
            _ = (p.description, p.addressCountText, p.usableAddressCount, p.netmask, p.hostmask, p.next,
                 p.firstUsable, p.lastUsable, p.specialRanges, p.isNibbleAligned)
            for sub in [length, min(family.bits, length + 1), family.bits, family.bits + 1, -1, Int.max, Int.min] {
                _ = (p.subnetCount(length: sub), p.subnetCountText(length: sub), p.split(length: sub, limit: 2),
                     p.subnet(.max, length: sub), p.subnet(0, length: sub), p.supernet(length: sub))
            }
            #expect(p.address(at: .max) == (p.hostBits == 128 ? p.last : nil))
            #expect(p.address(at: p.hostmask.value) == p.last)
            #expect(IPPrefix(masking: p.network, length: Int.max).length == family.bits)
            #expect(IPPrefix(masking: p.network, length: Int.min).length == 0)
        }
    }
}

/// `contains` against the definition: the address's first `length` bits are the network's,
/// written with a mask, for random addresses of both families, near the prefix and far.
@Test func containsMatchesTheMaskDefinition() {
    var rng = SplitMix64(seed: seed ^ 7)
    for _ in 0..<rounds {
        let p = randomPrefix(&rng)
        let candidates = [randomAddress(&rng), p.network, p.last, p.last.adding(1), p.network.subtracting(1),
                          IPAddress(family: p.family, value: p.network.value ^ (UInt128(1) << UInt128(Int.random(in: 0..<p.bits, using: &rng))))]
        for case let a? in candidates {
            let host = p.bits - p.length
            let mask: UInt128 = host >= 128 ? 0 : ~((UInt128(1) << UInt128(host)) - 1)
            let expected = a.family == p.family && (a.value & mask) == (p.network.value & mask)
            #expect(p.contains(a) == expected, "\(p) \(a)")
        }
    }
}
