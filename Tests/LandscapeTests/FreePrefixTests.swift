import Addressing
import IPAM
import Testing
import TestSupport

/// `--free`: the gap walk against an independent brute force that tries every subnet of a
/// small pool in order.
@Suite struct FreePrefixTests {
    static func bruteForce(length: Int, in pool: IPPrefix, count: Int, used: [IPPrefix]) -> [IPPrefix] {
        var out: [IPPrefix] = []
        var i: UInt128 = 0
        while out.count < count, let candidate = pool.subnet(i, length: length) {
            if !used.contains(where: { $0.overlaps(candidate) }) { out.append(candidate) }
            i += 1
        }
        return out
    }

    static func random(_ rng: inout SplitMix64, near pool: IPPrefix) -> IPPrefix {
        // Lengths around the pool's, addresses in and around it.
        let length = max(0, min(pool.bits, pool.length + Int.random(in: -2...10, using: &rng)))
        let span = UInt128(1) << UInt128(min(pool.hostBits + 2, 127))
        let base = pool.network.value >= span / 4 ? pool.network.value - span / 4 : 0
        let offset = (UInt128(rng.next()) << 64 | UInt128(rng.next())) % span
        let value = base &+ offset
        let mask: UInt128 = pool.bits == 32 ? 0xFFFF_FFFF : .max
        return IPPrefix(masking: IPAddress(family: pool.family, value: value & mask), length: length)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func matchesBruteForceOnSmallPools(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let pools = [IPPrefix("2001:db8::/48")!, IPPrefix("2001:db8:ff00::/40")!, IPPrefix("10.0.0.0/20")!,
                     IPPrefix("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/120")!, IPPrefix("255.255.255.0/24")!]
        for pool in pools {
            for _ in 0..<20 {
                let used = (0..<Int.random(in: 0...12, using: &rng)).map { _ in Self.random(&rng, near: pool) }
                let length = pool.length + Int.random(in: 0...min(8, pool.hostBits), using: &rng)
                let count = Int.random(in: 1...40, using: &rng)
                let expected = Self.bruteForce(length: length, in: pool, count: count, used: used)
                let found = FreePrefixes.find(length: length, in: pool, count: count, used: used)
                #expect(found == .success(expected), "pool \(pool) /\(length) used \(used)")
            }
        }
    }

    @Test func aFullPoolHasNothingFree() {
        let pool = IPPrefix("2001:db8::/56")!
        #expect(FreePrefixes.find(length: 64, in: pool, count: 5, used: [IPPrefix("2001:db8::/48")!]) == .success([]))
        #expect(FreePrefixes.find(length: 56, in: pool, count: 5, used: [IPPrefix("2001:db8::ff:0:0:0/80")!]) == .success([]))
    }

    @Test func theWholeAddressSpaceIsWalkedWithoutOverflow() {
        let all = IPPrefix("::/0")!
        let used = [IPPrefix("::/1")!, IPPrefix("c000::/2")!]
        #expect(FreePrefixes.find(length: 2, in: all, count: 10, used: used) == .success([IPPrefix("8000::/2")!]))
        #expect(FreePrefixes.find(length: 0, in: all, count: 10, used: []) == .success([all]))
        let top = IPPrefix("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127")!
        #expect(FreePrefixes.find(length: 128, in: top, count: 10, used: [IPPrefix("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128")!])
                == .success([IPPrefix("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128")!]))
    }

    @Test func aLengthOutsideThePoolIsRefused() {
        let pool = IPPrefix("2001:db8::/40")!
        #expect(FreePrefixes.find(length: 32, in: pool, count: 1, used: []) == .failure(.lengthOutOfRange(length: 32, pool: pool)))
        #expect(FreePrefixes.find(length: 129, in: pool, count: 1, used: []) == .failure(.lengthOutOfRange(length: 129, pool: pool)))
    }

    @Test func aLargePoolIsNotEnumerated() {
        // 2^72 candidate /128s in a /56: only the gaps are walked.
        let pool = IPPrefix("2001:db8::/56")!
        let used = (0..<1000).map { IPPrefix(masking: IPAddress(v6: pool.network.value + UInt128($0) * 2), length: 128) }
        let found = FreePrefixes.find(length: 128, in: pool, count: 3, used: used)
        #expect(found == .success([1, 3, 5].map { IPPrefix(masking: IPAddress(v6: pool.network.value + $0), length: 128) }))
        let past = FreePrefixes.find(length: 120, in: pool, count: 2, used: used)
        #expect(past == .success([IPPrefix("2001:db8::800/120")!, IPPrefix("2001:db8::900/120")!]))
    }
}
