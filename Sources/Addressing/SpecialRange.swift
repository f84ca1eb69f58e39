/// A special-purpose address block such as link-local, documentation or RFC 1918 space,
/// with the RFC that defines it (after the IANA special-purpose address registries).
///
/// ``SpecialRange/all`` is the table; ``SpecialRange/ranges(containing:)`` and
/// ``SpecialRange/matches(for:)`` classify addresses and prefixes.
public struct SpecialRange: Sendable, Hashable, CustomStringConvertible {
    /// What a block is for. The raw value is a stable short name for output and tests.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case unspecified
        case thisNetwork = "this-network"
        case loopback
        case linkLocal = "link-local"
        case multicast
        case uniqueLocal = "unique-local"
        case siteLocal = "site-local"
        case documentation
        case ipv4Mapped = "ipv4-mapped"
        case nat64
        case nat64Local = "nat64-local"
        case discardOnly = "discard-only"
        case teredo
        case sixToFour = "6to4"
        case globalUnicast = "global-unicast"
        case privateUse = "private"
        case shared
        case ietfProtocol = "ietf-protocol"
        case benchmarking
        case reserved
        case broadcast

        /// Words for people, e.g. "Link-local unicast".
        public var title: String {
            switch self {
            case .unspecified: "Unspecified address"
            case .thisNetwork: "\"This network\""
            case .loopback: "Loopback"
            case .linkLocal: "Link-local unicast"
            case .multicast: "Multicast"
            case .uniqueLocal: "Unique local unicast (ULA)"
            case .siteLocal: "Site-local unicast (deprecated)"
            case .documentation: "Documentation"
            case .ipv4Mapped: "IPv4-mapped IPv6"
            case .nat64: "IPv4/IPv6 translation (NAT64 well-known prefix)"
            case .nat64Local: "IPv4/IPv6 translation (local use)"
            case .discardOnly: "Discard-only"
            case .teredo: "Teredo tunnelling"
            case .sixToFour: "6to4"
            case .globalUnicast: "Global unicast"
            case .privateUse: "Private use (RFC 1918)"
            case .shared: "Shared address space (carrier-grade NAT)"
            case .ietfProtocol: "IETF protocol assignments"
            case .benchmarking: "Benchmarking"
            case .reserved: "Reserved (future use)"
            case .broadcast: "Limited broadcast"
            }
        }
    }

    public let kind: Kind
    public let prefix: IPPrefix
    /// The defining document, e.g. `RFC 4291 §2.5.6`.
    public let rfc: String
    /// Whether addresses of the block may be routed on the public Internet (IANA registry
    /// column "Globally Reachable"; multicast and reserved space count as not reachable).
    public let globallyReachable: Bool

    public init(kind: Kind, prefix: IPPrefix, rfc: String, globallyReachable: Bool) {
        self.kind = kind
        self.prefix = prefix
        self.rfc = rfc
        self.globallyReachable = globallyReachable
    }

    /// The stable short name, e.g. `link-local`.
    public var name: String { kind.rawValue }

    /// `link-local fe80::/10 (RFC 4291 §2.5.6)`.
    public var description: String { "\(name) \(prefix) (\(rfc))" }
}
