/// An IP network: an address and a prefix length, like Go's `netip.Prefix`.
///
/// A prefix created through ``init(masking:length:)`` or parsed strictly is always canonical
/// (host bits zero). Ordering: family, then network address, then shorter prefixes first.
public struct IPPrefix: Hashable, Sendable, Comparable {
    /// The network address (host bits zero).
    public let network: IPAddress
    /// One byte (0...128) right after the address's 17: a prefix is 24 bytes, a third less
    /// for every plan and every landscape range (60,000 ranges for 10,000 shoots).
    @usableFromInline let storedLength: UInt8
    @inlinable public var length: Int { Int(storedLength) }

    /// The prefix of `length` bits containing `address`; host bits are cleared.
    /// The length is clamped to 0...family width.
    public init(masking address: IPAddress, length: Int) {
        let len = max(0, min(length, address.family.bits))
        storedLength = UInt8(len)
        self.network = IPAddress(family: address.family,
                                 value: address.value & PrefixMask.mask(length: len, bits: address.family.bits))
    }

    /// Strict parse (`10.0.0.0/8`, `2001:db8::/32`); nil on any error, including host bits.
    public init?(_ text: String) {
        guard case .success(let p) = AddressParser.parsePrefix(Substring(text)) else { return nil }
        self = p
    }

    public var family: IPFamily { network.family }
    public var bits: Int { network.family.bits }
    /// Number of host bits (`bits - length`).
    public var hostBits: Int { bits - length }

    /// The last address of the range.
    public var last: IPAddress {
        IPAddress(family: family, value: network.value | PrefixMask.hostMask(length: length, bits: bits))
    }

    /// The number of addresses, or nil when it is 2^128 (an IPv6 /0).
    public var addressCount: UInt128? {
        hostBits >= 128 ? nil : UInt128(1) << UInt128(hostBits)
    }

    /// The number of addresses in decimal (2^128 included).
    public var addressCountText: String { PowerOfTwo.decimal(hostBits) }

    /// True when the prefix length is a multiple of 4 (a nibble boundary, reverse-DNS friendly).
    public var isNibbleAligned: Bool { length % 4 == 0 }

    // The network bits are equal when the XOR shifted past the host bits is zero: a third of
    // the instructions of masking both (every planned range is checked against many).
    @inlinable
    public func contains(_ address: IPAddress) -> Bool {
        guard address.family == network.family else { return false }
        let host = (network.family == .v4 ? 32 : 128) - length
        if host >= 128 { return true }
        return (address.value ^ network.value) &>> UInt128(truncatingIfNeeded: host) == 0
    }

    /// True when `other` lies entirely inside this prefix.
    public func contains(_ other: IPPrefix) -> Bool {
        other.family == family && other.length >= length && contains(other.network)
    }

    /// True when the two ranges share at least one address.
    public func overlaps(_ other: IPPrefix) -> Bool {
        guard other.family == family else { return false }
        return length <= other.length ? contains(other.network) : other.contains(network)
    }

    /// The prefix of a shorter `length` that contains this one; nil when `length` is longer
    /// than this prefix's or negative.
    public func supernet(length newLength: Int) -> IPPrefix? {
        guard newLength >= 0, newLength <= length else { return nil }
        return IPPrefix(masking: network, length: newLength)
    }

    /// How many subnets of `subnetLength` this prefix holds, or nil when it is 2^128 or
    /// `subnetLength` is out of range.
    public func subnetCount(length subnetLength: Int) -> UInt128? {
        guard subnetLength >= length, subnetLength <= bits else { return nil }
        let diff = subnetLength - length
        return diff >= 128 ? nil : UInt128(1) << UInt128(diff)
    }

    /// ``subnetCount(length:)`` in decimal (2^128 included), or nil when `subnetLength` is out
    /// of range.
    public func subnetCountText(length subnetLength: Int) -> String? {
        guard subnetLength >= length, subnetLength <= bits else { return nil }
        return PowerOfTwo.decimal(subnetLength - length)
    }

    /// The `index`-th (0-based) subnet of `subnetLength`, or nil when there is none.
    public func subnet(_ index: UInt128, length subnetLength: Int) -> IPPrefix? {
        guard subnetLength >= length, subnetLength <= bits else { return nil }
        let diff = subnetLength - length
        if diff < 128 && index >= (UInt128(1) << UInt128(diff)) { return nil }
        let shift = bits - subnetLength
        let offset: UInt128 = shift >= 128 ? 0 : index << UInt128(shift)
        if shift >= 128 && index != 0 { return nil }
        return IPPrefix(masking: IPAddress(family: family, value: network.value | offset), length: subnetLength)
    }

    /// The first `limit` subnets of `subnetLength`, in order (all of them when fewer).
    public func split(length subnetLength: Int, limit: Int) -> [IPPrefix] {
        guard subnetLength >= length, subnetLength <= bits, limit > 0 else { return [] }
        var out: [IPPrefix] = []
        var i: UInt128 = 0
        while out.count < limit, let s = subnet(i, length: subnetLength) {
            out.append(s)
            i += 1
        }
        return out
    }

    public static func < (a: IPPrefix, b: IPPrefix) -> Bool {
        if a.network != b.network { return a.network < b.network }
        return a.length < b.length
    }
}

extension IPPrefix: CustomStringConvertible {
    /// Canonical text, e.g. `2001:db8::/64`.
    public var description: String { AddressFormatter.format(self) }
}
