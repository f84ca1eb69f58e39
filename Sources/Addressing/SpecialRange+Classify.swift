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
        // Every shoot range of every planned shoot comes here (10,000 shoots in a landscape):
        // the table's prefixes are compared without copying its entries, which are built
        // only for the few that match.
        var within: [Int] = [], inside: [Int] = []
        allPrefixes.withUnsafeBufferPointer { table in
            for i in table.indices {
                if table[i].contains(prefix) {
                    within.append(i)
                } else if prefix.contains(table[i]) {
                    inside.append(i)
                }
            }
        }
        if within.isEmpty && inside.isEmpty { return [] }
        within.sort { allPrefixes[$0].length > allPrefixes[$1].length }
        return within.map { Match(range: all[$0], relation: .within) } + inside.map { Match(range: all[$0], relation: .contains) }
    }

    /// The prefixes of ``all``, in the same order.
    static let allPrefixes: [IPPrefix] = all.map(\.prefix)
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
