import Addressing

/// Finds which ranges of different owners overlap, in O(n log n): the ranges are sorted by
/// start address (shorter prefix first) and swept once. Prefixes are nested or disjoint, so
/// the ranges still open at a range's start — a stack of at most one group per prefix
/// length — are exactly the ranges that contain it; no pair is ever compared blindly.
struct RangeSweep {
    /// The ranges of one family.
    let ranges: [LandscapeRange]
    /// Indices into ``ranges`` by start address, shorter prefix first, then by index: equal
    /// prefixes are adjacent, in the order they were given.
    let order: [Int]

    init(ranges: [LandscapeRange]) {
        self.ranges = ranges
        order = ranges.indices.sorted { a, b in
            let p = ranges[a].prefix, q = ranges[b].prefix
            if p.network.value != q.network.value { return p.network.value < q.network.value }
            if p.length != q.length { return p.length < q.length }
            return a < b
        }
    }

    static let countingLookups = 64

    /// Ranges sharing one prefix, still open in the sweep.
    private struct Group {
        var prefix: IPPrefix
        var last: UInt128
        var members: [Int]
    }

    /// Calls `overlap(a, b)` (indices into ``ranges``, `a` sorted first) for each pair of
    /// overlapping ranges of different owners while `wantPairs()` is true; after that, only
    /// counts the ranges that overlap a range of an owner `isNew(a, b)` accepts (looking at
    /// no more than ``countingLookups`` members of each containing group, so the count stays
    /// O(n log n); beyond that a range counts). Returns that count.
    func sweep(wantPairs: () -> Bool, isNew: (Int, Int) -> Bool = { _, _ in true }, overlap: (Int, Int) -> Void) -> Int {
        var stack: [Group] = []
        var unlisted = 0
        for r in order {
            let range = ranges[r]
            let start = range.prefix.network.value
            while let top = stack.last, top.last < start { stack.removeLast() }
            var counted = false
            scan: for g in stack.indices {
                for (k, m) in stack[g].members.enumerated() where ranges[m].owner != range.owner {
                    if wantPairs() {
                        overlap(m, r)
                    } else if k >= Self.countingLookups || isNew(m, r) {
                        counted = true
                        break scan
                    }
                }
            }
            if counted { unlisted += 1 }
            if let top = stack.last, top.prefix == range.prefix {
                stack[stack.count - 1].members.append(r)
            } else {
                stack.append(Group(prefix: range.prefix, last: range.prefix.last.value, members: [r]))
            }
        }
        return unlisted
    }
}
