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
    /// planned shoot is classified (10,000 shoots in a landscape), and the table is scanned as
    /// plain integers, each entry copied only when it matches.
    ///
    /// The table is in address order, and blocks holding one prefix are nested, so read
    /// backwards they come most specific first; the blocks the prefix holds follow, forwards.
    public static func forEachMatch(for prefix: IPPrefix, _ body: (Match) -> Void) {
        let value = prefix.network.value, length = prefix.length
        let ownMask = PrefixMask.mask(length: length, bits: prefix.family.bits)
        // ``all`` holds IPv4 first: only the prefix's own family is scanned.
        let family = prefix.family == .v4 ? 0..<ipv4.count : ipv4.count..<all.count
        table.withUnsafeBufferPointer { entries in
            for i in family.reversed() {
                let e = entries[i]
                if length >= e.length && value & e.mask == e.network { body(Match(range: all[i], relation: .within)) }
            }
            for i in family {
                let e = entries[i]
                let within = length >= e.length && value & e.mask == e.network
                if !within && e.length > length && e.network & ownMask == value { body(Match(range: all[i], relation: .contains)) }
            }
        }
    }

    /// ``all``'s prefixes as the scan in ``matches(for:)`` reads them.
    private struct Entry {
        let length: Int
        let network: UInt128
        let mask: UInt128
    }

    private static let table: [Entry] = all.map { r in
        Entry(length: r.prefix.length, network: r.prefix.network.value,
              mask: PrefixMask.mask(length: r.prefix.length, bits: r.prefix.family.bits))
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
