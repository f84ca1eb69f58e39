extension SpecialRange {
    /// How a prefix and a special range overlap (two prefixes overlap only by nesting).
    public enum Relation: String, Sendable, Hashable {
        /// The prefix lies inside the range (or is the range).
        case within
        /// The prefix is larger and holds the whole range.
        case contains
    }

    /// A special range that overlaps a prefix, and how.
    public struct Match: Sendable, Hashable {
        public let range: SpecialRange
        public let relation: Relation

        public init(range: SpecialRange, relation: Relation) {
            self.range = range
            self.relation = relation
        }
    }

    /// The special ranges holding `address`, most specific (longest prefix) first.
    public static func ranges(containing address: IPAddress) -> [SpecialRange] {
        all.filter { $0.prefix.contains(address) }.sorted { $0.prefix.length > $1.prefix.length }
    }

    /// The special ranges overlapping `prefix`: first those it lies within (most specific
    /// first), then those it contains (in address order).
    public static func matches(for prefix: IPPrefix) -> [Match] {
        var out: [Match] = []
        forEachMatch(for: prefix) { m in
            if out.isEmpty { out.reserveCapacity(3) }  // one allocation for the usual one to three
            out.append(m)
        }
        return out
    }

    /// ``matches(for:)`` one by one, without building the list: every shoot range of every
    /// planned shoot is classified (10,000 shoots in a landscape), so only the blocks that can
    /// overlap the prefix are looked at (``candidates``), as plain integers, each entry copied
    /// only when it matches.
    ///
    /// A block overlaps the prefix when their first `min(both lengths)` bits agree (compared by
    /// XOR and shift). The table is in address order and blocks holding one prefix are nested,
    /// so those it lies within, read backwards, come most specific first; the blocks it holds
    /// follow, forwards.
    public static func forEachMatch(for prefix: IPPrefix, _ body: (Match) -> Void) {
        let value = prefix.network.value, length = prefix.length, bits = prefix.family.bits
        let index = Index.shared
        let candidates = index.candidates(for: prefix)
        index.entries.withUnsafeBufferPointer { entries in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: candidates.count) { hits in
                var n = 0
                for c in candidates {
                    let i = index.order[c]
                    let e = entries[i]
                    let common = min(length, e.length)
                    if common == 0 || (value ^ e.network) &>> UInt128(truncatingIfNeeded: bits - common) == 0 {
                        hits[n] = i
                        n += 1
                    }
                }
                for k in stride(from: n - 1, through: 0, by: -1) where length >= entries[hits[k]].length {
                    body(Match(range: all[hits[k]], relation: .within))
                }
                for k in 0..<n where length < entries[hits[k]].length {
                    body(Match(range: all[hits[k]], relation: .contains))
                }
            }
        }
    }

    /// ``all``'s prefixes as the scan reads them, and which of them each first byte can meet.
    /// Scanning every block of a family for every range was a twentieth of planning a shoot;
    /// a range of /8 or longer can only meet the blocks its first byte lies in (three or so).
    private struct Index: Sendable {
        struct Entry {
            let length: Int
            let network: UInt128
        }

        let entries: [Entry]
        /// Indices into ``entries``, in table order: per family, every block (for ranges
        /// shorter than /8), then per first byte the blocks that overlap that /8.
        let order: [Int]
        /// Where each family's and each (family, first byte)'s run in ``order`` starts; runs
        /// end where the next starts.
        let starts: [Int]

        static let shared = Index()

        private init() {
            entries = all.map { Entry(length: $0.prefix.length, network: $0.prefix.network.value) }
            var order: [Int] = [], starts: [Int] = []
            for family in [IPFamily.v4, .v6] {
                let members = all.indices.filter { all[$0].prefix.family == family }
                starts.append(order.count)
                order += members
                for byte in 0..<256 {
                    let block = IPPrefix(masking: IPAddress(family: family, value: UInt128(byte) << UInt128(family.bits - 8)), length: 8)
                    starts.append(order.count)
                    order += members.filter { all[$0].prefix.overlaps(block) }
                }
            }
            starts.append(order.count)
            self.order = order
            self.starts = starts
        }

        /// Positions in ``order`` of the blocks that can overlap `prefix`.
        func candidates(for prefix: IPPrefix) -> Range<Int> {
            let familyRun = prefix.family == .v4 ? 0 : 257
            guard prefix.length >= 8 else { return starts[familyRun]..<starts[familyRun + 1] }
            let byte = Int(truncatingIfNeeded: prefix.network.value >> UInt128(prefix.family.bits - 8)) & 0xFF
            return starts[familyRun + 1 + byte]..<starts[familyRun + 2 + byte]
        }
    }
}

extension IPAddress {
    /// The special ranges this address lies in, most specific first; empty for ordinary
    /// public IPv4 and for unassigned IPv6 space.
    public var specialRanges: [SpecialRange] { SpecialRange.ranges(containing: self) }

    /// True for a unicast address that is routable on the public Internet: no
    /// special range that is not globally reachable holds it, and an IPv6 address must
    /// moreover lie in assigned global space (2000::/3 or the NAT64 prefix).
    public var isGlobalUnicast: Bool {
        let ranges = specialRanges
        if ranges.contains(where: { !$0.globallyReachable }) { return false }
        return family == .v4 || !ranges.isEmpty
    }
}

extension IPPrefix {
    /// The special ranges this prefix lies within or contains; see ``SpecialRange/matches(for:)``.
    public var specialRanges: [SpecialRange.Match] { SpecialRange.matches(for: self) }
}
