extension SpecialRange {
    /// Every special range of both families, IPv4 first, each family in address order.
    public static let all: [SpecialRange] = (ipv4 + ipv6).sorted { $0.prefix < $1.prefix }

    /// IANA IPv4 Special-Purpose Address Registry (RFC 6890), plus multicast and broadcast.
    static let ipv4: [SpecialRange] = [
        v4(.thisNetwork, 0, 0, 0, 0, 8, "RFC 791 §3.2"),
        v4(.unspecified, 0, 0, 0, 0, 32, "RFC 1122 §3.2.1.3"),
        v4(.privateUse, 10, 0, 0, 0, 8, "RFC 1918"),
        v4(.shared, 100, 64, 0, 0, 10, "RFC 6598"),
        v4(.loopback, 127, 0, 0, 0, 8, "RFC 1122 §3.2.1.3"),
        v4(.linkLocal, 169, 254, 0, 0, 16, "RFC 3927"),
        v4(.privateUse, 172, 16, 0, 0, 12, "RFC 1918"),
        v4(.ietfProtocol, 192, 0, 0, 0, 24, "RFC 6890 §2.1"),
        v4(.documentation, 192, 0, 2, 0, 24, "RFC 5737"),
        v4(.privateUse, 192, 168, 0, 0, 16, "RFC 1918"),
        v4(.benchmarking, 198, 18, 0, 0, 15, "RFC 2544"),
        v4(.documentation, 198, 51, 100, 0, 24, "RFC 5737"),
        v4(.documentation, 203, 0, 113, 0, 24, "RFC 5737"),
        v4(.multicast, 224, 0, 0, 0, 4, "RFC 5771"),
        v4(.reserved, 240, 0, 0, 0, 4, "RFC 1112 §4"),
        v4(.broadcast, 255, 255, 255, 255, 32, "RFC 919 §7"),
    ]

    /// IANA IPv6 Special-Purpose Address Registry, plus the RFC 4291 architecture blocks.
    static let ipv6: [SpecialRange] = [
        v6(.unspecified, [], 128, "RFC 4291 §2.5.2"),
        v6(.loopback, [0, 0, 0, 0, 0, 0, 0, 1], 128, "RFC 4291 §2.5.3"),
        v6(.ipv4Mapped, [0, 0, 0, 0, 0, 0xFFFF], 96, "RFC 4291 §2.5.5.2"),
        v6(.nat64, [0x64, 0xFF9B], 96, "RFC 6052 §2.1", reachable: true),
        v6(.nat64Local, [0x64, 0xFF9B, 1], 48, "RFC 8215"),
        v6(.discardOnly, [0x100], 64, "RFC 6666"),
        v6(.globalUnicast, [0x2000], 3, "RFC 4291 §2.4", reachable: true),
        v6(.teredo, [0x2001], 32, "RFC 4380", reachable: true),
        v6(.documentation, [0x2001, 0xDB8], 32, "RFC 3849"),
        v6(.sixToFour, [0x2002], 16, "RFC 3056", reachable: true),
        v6(.documentation, [0x3FFF], 20, "RFC 9637"),
        v6(.uniqueLocal, [0xFC00], 7, "RFC 4193"),
        v6(.linkLocal, [0xFE80], 10, "RFC 4291 §2.5.6"),
        v6(.siteLocal, [0xFEC0], 10, "RFC 3879"),
        v6(.multicast, [0xFF00], 8, "RFC 4291 §2.7"),
    ]

    private static func v4(_ kind: Kind, _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32,
                           _ length: Int, _ rfc: String) -> SpecialRange {
        let address = IPAddress(v4: (a & 0xFF) << 24 | (b & 0xFF) << 16 | (c & 0xFF) << 8 | (d & 0xFF))
        return SpecialRange(kind: kind, prefix: IPPrefix(masking: address, length: length),
                            rfc: rfc, globallyReachable: false)
    }

    /// `leading` are the first groups; the rest are zero.
    private static func v6(_ kind: Kind, _ leading: [UInt16], _ length: Int, _ rfc: String,
                           reachable: Bool = false) -> SpecialRange {
        var value: UInt128 = 0
        for i in 0..<8 { value = value << 16 | UInt128(i < leading.count ? leading[i] : 0) }
        return SpecialRange(kind: kind, prefix: IPPrefix(masking: IPAddress(v6: value), length: length),
                            rfc: rfc, globallyReachable: reachable)
    }
}
