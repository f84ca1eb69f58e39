import Addressing
import Spec
import Testing
import TestSupport
@testable import IPAM

/// The IPv4 reuse info names the prefix the most shoots use: counted in one pass over the
/// sweep's order, checked here against counting with a set per prefix, for ranges given by
/// owner (as the landscape gives them) and shuffled.
@Suite struct MostSharedTests {
    static func ranges(seed: UInt64, shuffled: Bool) -> [LandscapeRange] {
        var random = SplitMix64(seed: seed)
        let prefixes = ["10.250.0.0/16", "10.250.0.0/17", "100.96.0.0/11", "10.1.0.0/16"].compactMap(IPPrefix.init)
        var out: [LandscapeRange] = []
        for owner in 0..<200 {
            for _ in 0..<Int(random.next() % 4) {
                let p = prefixes[Int(random.next() % UInt64(prefixes.count))]
                out.append(LandscapeRange(owner: owner, kind: .nodes, prefix: p, field: .shoot(.spec, specIndex: nil), location: nil))
            }
        }
        if shuffled {
            for i in out.indices.reversed() where i > 0 { out.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        }
        return out
    }

    @Test(arguments: [(1 as UInt64, false), (2, false), (3, true), (4, true)])
    func theMostSharedPrefixMatchesACountBySet(_ seed: UInt64, _ shuffled: Bool) throws {
        let all = Self.ranges(seed: seed, shuffled: shuffled)
        var owners: [IPPrefix: Set<Int>] = [:]
        for r in all { owners[r.prefix, default: []].insert(r.owner) }
        let expected = try #require(owners.max { a, b in a.value.count != b.value.count ? a.value.count < b.value.count : b.key < a.key })
        let found = try #require(LandscapeCheck.mostShared(RangeSweep(ranges: all)))
        #expect(found.prefix == expected.key && found.owners == expected.value.count)
    }
}
