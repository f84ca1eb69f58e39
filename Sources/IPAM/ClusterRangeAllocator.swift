import Addressing

/// Hands out per-node pod prefixes from a cluster pod range the way kube-controller-manager's
/// cidrset allocator does: the k-th block of the node mask size, lowest free block first,
/// skipping blocks already taken (observed podCIDRs, the part of a service range inside).
///
/// Taken blocks are kept as sorted index intervals, so allocating n nodes costs O(n log n)
/// whatever the size of the range (a /66 with /112 blocks has 2^46 of them).
struct ClusterRangeAllocator {
    let range: IPPrefix
    let mask: Int
    private var taken: [ClosedRange<UInt128>] = []
    private var sorted = true
    private var cursor: UInt128 = 0
    private var nextTaken = 0
    /// The number of blocks, saturated at UInt128.max.
    let blockCount: UInt128

    init?(range: IPPrefix, mask: Int) {
        guard mask >= range.length, mask <= range.bits else { return nil }
        self.range = range
        self.mask = mask
        let diff = mask - range.length
        blockCount = diff >= 128 ? .max : UInt128(1) << UInt128(diff)
    }

    private var shift: Int { range.bits - mask }

    private func blockIndex(_ a: IPAddress) -> UInt128 {
        let offset = a.value - range.network.value
        return shift >= 128 ? 0 : offset >> UInt128(shift)
    }

    /// Marks the blocks `p` touches as taken (ignores prefixes outside the range).
    mutating func occupy(_ p: IPPrefix) {
        guard p.overlaps(range) else { return }
        let interval: ClosedRange<UInt128> = p.contains(range)
            ? 0...(blockCount == .max ? .max : blockCount - 1)
            : blockIndex(p.network)...blockIndex(p.last)
        taken.append(interval)
        sorted = false
    }

    /// The lowest free block at or after the cursor, or nil when the range is exhausted.
    mutating func next() -> IPPrefix? {
        if !sorted {
            taken.sort { $0.lowerBound < $1.lowerBound }
            sorted = true
            nextTaken = 0
        }
        while nextTaken < taken.count && taken[nextTaken].upperBound < cursor { nextTaken += 1 }
        while nextTaken < taken.count && taken[nextTaken].contains(cursor) {
            if taken[nextTaken].upperBound == .max { return nil }
            cursor = taken[nextTaken].upperBound + 1
            nextTaken += 1
            while nextTaken < taken.count && taken[nextTaken].upperBound < cursor { nextTaken += 1 }
        }
        guard blockCount == .max || cursor < blockCount, let block = range.subnet(cursor, length: mask) else { return nil }
        if cursor < .max { cursor += 1 }
        return block
    }
}
