import Addressing
import Spec

/// What a provider does with IPv6, as the proposal and DESIGN §1 describe it. Every value is
/// a default that the settings document can override.
public struct ProviderProfile: Sendable, Hashable {
    public var provider: ProviderType
    /// How IPv6 pod prefixes are cut per node.
    public var ipv6PodMode: PodAllocationMode
    /// Whether the provider can assign IPv6 ranges itself (AUTOv6).
    public var hasIPv6Pool: Bool
    /// Default pool AUTOv6 is simulated from.
    public var simulationPool: IPPrefix
    public var vpcLength: Int
    public var subnetLength: Int
    /// Per-node prefix length in node-prefix mode (aws /80, gcp /96).
    public var nodePrefixLength: Int
    public var serviceLength: Int
    /// Whether routers hold one route per node pod prefix (OpenStack).
    public var usesRouterRoutes: Bool

    // Documentation prefixes: the simulation never invents addresses someone could own.
    static let documentationPool = IPPrefix(masking: IPAddress(v6: UInt128(0x2001_0db8) << 96), length: 32)
    static let gcpULAPool = IPPrefix(masking: IPAddress(v6: UInt128(0xfd20) << 112), length: 20)

    public static func profile(for provider: ProviderType) -> ProviderProfile {
        switch provider {
        case .aws:
            ProviderProfile(provider: .aws, ipv6PodMode: .nodePrefix, hasIPv6Pool: true, simulationPool: documentationPool,
                            vpcLength: 56, subnetLength: 64, nodePrefixLength: 80, serviceLength: 108,
                            usesRouterRoutes: false)
        case .gcp:
            ProviderProfile(provider: .gcp, ipv6PodMode: .nodePrefix, hasIPv6Pool: true, simulationPool: gcpULAPool,
                            vpcLength: 48, subnetLength: 64, nodePrefixLength: 96, serviceLength: 108,
                            usesRouterRoutes: false)
        case .openstack:
            ProviderProfile(provider: .openstack, ipv6PodMode: .clusterRange, hasIPv6Pool: true, simulationPool: documentationPool,
                            vpcLength: 64, subnetLength: 64, nodePrefixLength: 64, serviceLength: 108,
                            usesRouterRoutes: true)
        case .azure:
            ProviderProfile(provider: .azure, ipv6PodMode: .clusterRange, hasIPv6Pool: false, simulationPool: documentationPool,
                            vpcLength: 48, subnetLength: 64, nodePrefixLength: 64, serviceLength: 108,
                            usesRouterRoutes: false)
        case .other:
            ProviderProfile(provider: .other, ipv6PodMode: .clusterRange, hasIPv6Pool: false, simulationPool: documentationPool,
                            vpcLength: 48, subnetLength: 64, nodePrefixLength: 64, serviceLength: 108,
                            usesRouterRoutes: false)
        }
    }

    /// The profile with the settings document's overrides applied.
    public func applying(_ s: Settings) -> ProviderProfile {
        var p = self
        if let v = s.simulationPool?.value { p.simulationPool = v }
        if let v = s.vpcLength?.value { p.vpcLength = v }
        if let v = s.subnetLength?.value { p.subnetLength = v }
        if let v = s.nodePrefixLength?.value { p.nodePrefixLength = v }
        if let v = s.serviceLength?.value { p.serviceLength = v }
        return p
    }
}
