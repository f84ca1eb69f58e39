import Addressing

/// How the per-node IPv6 pod prefix is cut from the node's provider prefix:
/// `<nodePrefix>::f000:0/100` means "node prefix OR ::f000:0, length 100".
public struct PodPrefixTemplate: Sendable, Hashable, CustomStringConvertible {
    /// The offset OR-ed into the node prefix (the part after `<nodePrefix>`).
    public var offset: UInt128
    public var length: Int
    /// The template as written.
    public var text: String

    public static let placeholder = "<nodePrefix>"
    public static let standard = PodPrefixTemplate(offset: 0xF000_0000, length: 100, text: "<nodePrefix>::f000:0/100")

    public init(offset: UInt128, length: Int, text: String) {
        self.offset = offset
        self.length = length
        self.text = text
    }

    /// Parses `<nodePrefix>::f000:0/100`; returns nil and a reason when malformed.
    public static func parse(_ text: String) -> Result<PodPrefixTemplate, TemplateError> {
        let t = text.trimmingSpaces
        guard t.hasPrefix(placeholder) else { return .failure(.missingPlaceholder) }
        let rest = t.dropFirst(placeholder.count)
        guard let slash = rest.lastIndex(of: "/") else { return .failure(.malformed(.missingPrefixLength)) }
        let addressText = rest[..<slash]
        let offset: IPAddress
        switch AddressParser.parseAddress(addressText.hasPrefix(":") ? addressText : "::" + addressText) {
        case .success(let a): offset = a
        case .failure(let e): return .failure(.malformed(e))
        }
        guard offset.family == .v6 else { return .failure(.notIPv6) }
        switch AddressParser.parseLength(rest[rest.index(after: slash)...], max: 128) {
        case .success(let len): return .success(PodPrefixTemplate(offset: offset.value, length: len, text: t))
        case .failure(let e): return .failure(.malformed(e))
        }
    }

    public enum TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
        case missingPlaceholder
        case notIPv6
        case malformed(AddressParseError)

        public var description: String {
            switch self {
            case .missingPlaceholder: "pod prefix template must start with <nodePrefix> (e.g. <nodePrefix>::f000:0/100)"
            case .notIPv6: "pod prefix template must be an IPv6 offset and length (e.g. <nodePrefix>::f000:0/100)"
            case .malformed(let e): "pod prefix template: \(e.message)"
            }
        }
    }

    public var description: String { text }
}

/// Where service ranges come from (proposal §Service CIDR).
public enum ServiceStrategy: String, Sendable, Hashable, CaseIterable {
    /// Globally unique: a VPC reservation (AWS) or a dummy node's prefix (GCP).
    case unique
    /// One fixed, not globally unique prefix shared by all shoots.
    case wellKnown = "well-known"
}

/// Kubernetes `ipFamilyPolicy` for services.
public enum ServicePreference: String, Sendable, Hashable, CaseIterable {
    case singleStack = "SingleStack"
    case preferDualStack = "PreferDualStack"
    case requireDualStack = "RequireDualStack"
}

/// Deterministic stand-in for the provider's address pool, so AUTOv6 plans offline.
public struct SimulationSettings: Sendable, Hashable {
    /// The pool AUTOv6 ranges are drawn from (a documentation prefix by default).
    public var pool: IPPrefix
    /// VPC / network prefix length (aws /56, gcp /48, openstack subnet pool /64 …).
    public var vpcLength: Int
    /// Per-zone subnet length (/64).
    public var subnetLength: Int
    /// Per-node delegated prefix length (aws /80, gcp /96).
    public var nodePrefixLength: Int
    /// Service range length (/108).
    public var serviceLength: Int

    public init(pool: IPPrefix, vpcLength: Int, subnetLength: Int, nodePrefixLength: Int, serviceLength: Int) {
        self.pool = pool
        self.vpcLength = vpcLength
        self.subnetLength = subnetLength
        self.nodePrefixLength = nodePrefixLength
        self.serviceLength = serviceLength
    }
}

/// The seed's networks: a shoot's ranges must not collide with them (IPv6 always; IPv4 is
/// tolerated by Gardener's VPN and reported as info).
public struct SeedNetworks: Sendable, Hashable, RangesByKind {
    public var name: String?
    public var nodes: [Located<IPPrefix>]
    public var pods: [Located<IPPrefix>]
    public var services: [Located<IPPrefix>]
    /// `spec.networks.shootDefaults`: what Gardener's mutating admission writes into a shoot
    /// that leaves `pods` / `services` out. nil when the seed has none.
    public var shootDefaults: ShootDefaults?
    /// The ranges above that were read from the Seed's `status.networks` and are not also in
    /// its spec (they are real ranges all the same: the seed uses them).
    public var fromStatus: Set<IPPrefix> = []
    /// Where the seed's manifest starts (nil for the settings' `seed:` section).
    public var location: SourceLocation?

    public init(name: String? = nil, nodes: [Located<IPPrefix>] = [], pods: [Located<IPPrefix>] = [], services: [Located<IPPrefix>] = [],
                shootDefaults: ShootDefaults? = nil) {
        self.name = name
        self.nodes = nodes
        self.pods = pods
        self.services = services
        self.shootDefaults = shootDefaults
    }
}

/// A seed's `spec.networks.shootDefaults`.
public struct ShootDefaults: Sendable, Hashable {
    public var pods: Located<IPPrefix>?
    public var services: Located<IPPrefix>?

    public init(pods: Located<IPPrefix>? = nil, services: Located<IPPrefix>? = nil) {
        self.pods = pods
        self.services = services
    }

    public subscript(kind: NetworkKind) -> Located<IPPrefix>? {
        switch kind {
        case .nodes: nil
        case .pods: pods
        case .services: services
        }
    }
}

/// Settings Gardener has no field for; they live in a `ShootnetSettings` document of the
/// same file. Every field is optional there; nil means "the provider profile's default".
public struct Settings: Sendable, Hashable {
    public var podPrefixTemplate: Located<PodPrefixTemplate>?
    /// Length of the node-reserved range at the start of each node prefix (proposal: /100).
    public var nodeReservedLength: Located<Int>?
    public var serviceStrategy: Located<ServiceStrategy>?
    /// The prefix used with the well-known strategy.
    public var wellKnownServices: Located<IPPrefix>?
    public var servicePreference: Located<ServicePreference>?
    /// The family single-stack services get; the primary family when nil.
    public var serviceFamily: Located<IPFamily>?
    public var simulationPool: Located<IPPrefix>?
    public var vpcLength: Located<Int>?
    public var subnetLength: Located<Int>?
    public var nodePrefixLength: Located<Int>?
    public var serviceLength: Located<Int>?
    /// OpenStack: the allocation pool (DHCPv6/SLAAC range) inside the IPv6 subnet.
    public var allocationPool: Located<IPPrefix>?
    /// OpenStack: how many routes one router takes (default 30).
    public var routeQuota: Located<Int>?
    public var seed: SeedNetworks?
    public var location: SourceLocation?

    public init() {}
}
