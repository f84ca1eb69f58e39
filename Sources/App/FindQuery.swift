import Addressing

/// What `:find` looks for, in the shoot UI and the landscape view: an address (as the prefix
/// holding only it) or a CIDR, host bits allowed as `calc` allows them.
struct FindQuery: Equatable {
    let range: IPPrefix

    /// True for a single address.
    var isAddress: Bool { range.length == range.family.bits }

    /// How answers name it: the address alone, or the CIDR.
    var text: String { isAddress ? "\(range.network)" : "\(range)" }

    static func parse(_ text: String) -> Result<FindQuery, AddressParseError> {
        AddressParser.parsePrefixOrAddress(Substring(text), allowHostBits: true).map { FindQuery(range: $0) }
    }
}
