/// An IPv4 or IPv6 address as a small value, in the spirit of Go's `netip.Addr`.
///
/// Both families share one representation: the address bits right-aligned in a `UInt128`
/// (an IPv4 address uses the low 32 bits). Sorting puts IPv4 before IPv6, then numeric order.
public struct IPAddress: Hashable, Sendable, Comparable {
    // Two words, not one UInt128: a UInt128 is aligned to 16 bytes, which padded every
    // address, prefix and range and made each array of them an aligned allocation
    // (posix_memalign, about thirty per planned shoot). The family last, so that a prefix's
    // length fits beside it (17 bytes, then the length: a prefix is 24 bytes, not 32).
    @usableFromInline let high: UInt64
    @usableFromInline let low: UInt64
    public let family: IPFamily

    /// The address bits, right-aligned.
    @inlinable public var value: UInt128 { UInt128(high) << 64 | UInt128(low) }

    /// Creates an address; bits above the family's width are dropped.
    public init(family: IPFamily, value: UInt128) {
        self.family = family
        let v = family == .v4 ? value & 0xFFFF_FFFF : value
        high = UInt64(truncatingIfNeeded: v >> 64)
        low = UInt64(truncatingIfNeeded: v)
    }

    public init(v4: UInt32) { self.init(family: .v4, value: UInt128(v4)) }
    public init(v6: UInt128) { self.init(family: .v6, value: v6) }

    /// Strict parse of `1.2.3.4` or an IPv6 text form; `nil` when invalid.
    /// Use ``AddressParser/parseAddress(_:)`` to learn why.
    public init?(_ text: String) {
        guard case .success(let a) = AddressParser.parseAddress(Substring(text)) else { return nil }
        self = a
    }

    public static func < (a: IPAddress, b: IPAddress) -> Bool {
        a.family != b.family ? a.family < b.family : a.value < b.value
    }

    /// The all-ones value of this family.
    public var familyMax: UInt128 { family == .v4 ? 0xFFFF_FFFF : UInt128.max }

    /// `self + offset`, or nil when that leaves the family's address space.
    public func adding(_ offset: UInt128) -> IPAddress? {
        let (sum, overflow) = value.addingReportingOverflow(offset)
        guard !overflow, sum <= familyMax else { return nil }
        return IPAddress(family: family, value: sum)
    }

    /// `self - offset`, or nil below zero.
    public func subtracting(_ offset: UInt128) -> IPAddress? {
        guard offset <= value else { return nil }
        return IPAddress(family: family, value: value - offset)
    }

    /// For an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), the embedded IPv4 address.
    public var unmappedIPv4: IPAddress? {
        guard family == .v6, value >> 32 == 0xFFFF else { return nil }
        return IPAddress(family: .v4, value: value & 0xFFFF_FFFF)
    }
}

extension IPAddress: CustomStringConvertible {
    /// Canonical text: dotted quad, or RFC 5952 for IPv6.
    public var description: String { AddressFormatter.format(self) }
}
