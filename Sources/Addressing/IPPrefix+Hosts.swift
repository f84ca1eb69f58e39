/// Addresses inside a prefix: masks, offsets, the usable host range and the next prefix.
extension IPPrefix {
    /// The prefix holding only `address` (`/32` or `/128`).
    public init(host address: IPAddress) {
        self.init(masking: address, length: address.family.bits)
    }

    /// The first address of the range (the network address).
    public var first: IPAddress { network }

    /// The network mask as an address: `255.255.255.0`, `ffff:ffff:ffff:ffff::`.
    public var netmask: IPAddress {
        IPAddress(family: family, value: PrefixMask.mask(length: length, bits: bits))
    }

    /// The host mask (Cisco "wildcard"): `0.0.0.255`, `::ffff:ffff:ffff:ffff`.
    public var hostmask: IPAddress {
        IPAddress(family: family, value: PrefixMask.hostMask(length: length, bits: bits))
    }

    /// The address `offset` places after the network address, or nil past ``last``.
    public func address(at offset: UInt128) -> IPAddress? {
        guard offset <= PrefixMask.hostMask(length: length, bits: bits) else { return nil }
        return IPAddress(family: family, value: network.value | offset)
    }

    /// Whether the first address is reserved: the IPv4 network address, or the IPv6
    /// Subnet-Router anycast address (RFC 4291 §2.6.1). Point-to-point /31 (RFC 3021) and
    /// /127 (RFC 6164) links and single-address prefixes use every address.
    private var reservesFirst: Bool { hostBits >= 2 }
    /// Whether the last address is reserved: the IPv4 broadcast address (IPv6 has none).
    private var reservesLast: Bool { family == .v4 && hostBits >= 2 }

    /// The first address a host may use (as Kubernetes' allocators count it): the network
    /// address + 1, except for /31, /32, /127 and /128.
    public var firstUsable: IPAddress {
        reservesFirst ? IPAddress(family: family, value: network.value + 1) : network
    }

    /// The last address a host may use: the IPv4 broadcast address − 1 (except /31 and /32),
    /// for IPv6 the last address.
    public var lastUsable: IPAddress {
        reservesLast ? IPAddress(family: family, value: last.value - 1) : last
    }

    /// The number of addresses from ``firstUsable`` to ``lastUsable``. Always fits: an IPv6 /0
    /// has 2^128 − 1 usable addresses.
    public var usableAddressCount: UInt128 {
        (lastUsable.value - firstUsable.value) + 1
    }

    /// The prefix of the same length right after this one, or nil when this one ends at the
    /// family's last address.
    public var next: IPPrefix? {
        guard let start = last.adding(1) else { return nil }
        return IPPrefix(masking: start, length: length)
    }
}
