import Addressing

/// Finds which ranges of different owners overlap, in O(n log n): the ranges are sorted by
/// start address (shorter prefix first) and swept once. Prefixes are nested or disjoint, so
/// the ranges still open at a range's start — a stack of at most one group per prefix
/// length — are exactly the ranges that contain it; no pair is ever compared blindly.
struct RangeSweep {
    /// The landscape's ranges; the sweep looks at those ``order`` lists (of one family).
    let ranges: [LandscapeRange]
    /// Indices into ``ranges`` of the ranges swept, by start address, shorter prefix first,
    /// then by index: equal prefixes are adjacent, in the order they were given.
    let order: [Int]

    /// Sweeps the ranges `including` accepts (all of one family). The ranges are shared, not
    /// filtered into a copy: a landscape's are megabytes, and both families are swept.
    init(ranges: [LandscapeRange], including: (LandscapeRange) -> Bool = { _ in true }) {
        self.ranges = ranges
        // Sorted as small keys side by side, not as indices that reach into the ranges at
        // every comparison: a landscape sorts tens of thousands of them on one thread. Three
        // words (the start's two, then the length above the index), not a UInt128 that
        // aligned each key to 48 bytes.
        struct Key { var high: UInt64, low: UInt64, lengthAndIndex: UInt64 }
        var keys: [Key] = []
        keys.reserveCapacity(ranges.count)
        ranges.withUnsafeBufferPointer { all in
            for i in all.indices where including(all[i]) {
                let start = all[i].prefix.network.value
                keys.append(Key(high: UInt64(truncatingIfNeeded: start >> 64), low: UInt64(truncatingIfNeeded: start),
                                lengthAndIndex: UInt64(all[i].prefix.length) << 48 | UInt64(i)))
            }
        }
        keys.sort { a, b in
            if a.high != b.high { return a.high < b.high }
            if a.low != b.low { return a.low < b.low }
            return a.lengthAndIndex < b.lengthAndIndex
        }
        order = keys.map { Int($0.lengthAndIndex & 0xFFFF_FFFF_FFFF) }
    }

    static let countingLookups = 64

    /// Ranges sharing one prefix, still open in the sweep; its members are `open[start...]`
    /// up to the next group's start (one array for every open group: a group of its own
    /// allocated an array per distinct prefix of the landscape).
    private struct Group {
        var prefix: IPPrefix
        var last: UInt128
        var start: Int
    }

    /// Calls `overlap(a, b)` (indices into ``ranges``, `a` sorted first) for each pair of
    /// overlapping ranges of different owners while `wantPairs()` is true; after that, only
    /// counts the ranges that overlap a range of an owner `isNew(a, b)` accepts (looking at
    /// no more than ``countingLookups`` members of each containing group, so the count stays
    /// O(n log n); beyond that a range counts). Returns that count.
    func sweep(wantPairs: () -> Bool, isNew: (Int, Int) -> Bool = { _, _ in true }, overlap: (Int, Int) -> Void) -> Int {
        var stack: [Group] = []
        var open: [Int] = []
        var unlisted = 0
        for r in order {
            let range = ranges[r]
            let start = range.prefix.network.value
            while let top = stack.last, top.last < start {
                open.removeSubrange(top.start...)
                stack.removeLast()
            }
            var counted = false
            scan: for g in stack.indices {
                let end = g + 1 < stack.count ? stack[g + 1].start : open.count
                for k in 0..<(end - stack[g].start) {
                    let m = open[stack[g].start + k]
                    guard ranges[m].owner != range.owner else { continue }
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
                open.append(r)
            } else {
                stack.append(Group(prefix: range.prefix, last: range.prefix.last.value, start: open.count))
                open.append(r)
            }
        }
        return unlisted
    }
}
