import Addressing
import Spec

/// What a provider does with IPv6, as its extension builds it (docs/proposal.md, docs/input-formats.md). Every value is
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
    /// How the provider cuts a node's IPv6 pod CIDR from its own prefix; nil: the proposal's
    /// template (`<nodePrefix>::f000:0/100`, behind a node-reserved /100).
    public var defaultTemplate: PodPrefixTemplate?
    /// Whether routers hold one route per node pod prefix (OpenStack).
    public var usesRouterRoutes: Bool

    // Documentation prefixes: the simulation never invents addresses someone could own.
    static let documentationPool = IPPrefix(masking: IPAddress(v6: UInt128(0x2001_0db8) << 96), length: 32)
    static let gcpULAPool = IPPrefix(masking: IPAddress(v6: UInt128(0xfd20) << 112), length: 20)

    /// AWS: the pod CIDR is the ENI's whole delegated /80 (gardener/aws-ipam-controller
    /// `pkg/ipam/cidr_allocator.go` `fetchIPv6Address`, which keeps the /80 as it is).
    static let awsTemplate = PodPrefixTemplate(offset: 0, length: 80, text: "<nodePrefix>::/80")
    /// GCP: a /112 of the VM's /96 (cloud-provider-gcp's CloudAllocator, as the extension's
    /// docs/usage/ipv6.md describes it; which /112 is GCP's — simulated as the second, the
    /// VM's own address being the first of its /96).
    static let gcpTemplate = PodPrefixTemplate(offset: 0x1_0000, length: 112, text: "<nodePrefix>::1:0/112")

    public static func profile(for provider: ProviderType) -> ProviderProfile {
        switch provider {
        case .aws:
            // A VPC /56 (Amazon's or an IPAM pool's), zone /64s, an ENI /80 per node, the
            // services /108 reserved in a worker subnet.
            ProviderProfile(provider: .aws, ipv6PodMode: .nodePrefix, hasIPv6Pool: true, simulationPool: documentationPool,
                            vpcLength: 56, subnetLength: 64, nodePrefixLength: 80, serviceLength: 108,
                            defaultTemplate: awsTemplate, usesRouterRoutes: false)
        case .gcp:
            // One regional node subnet with a /64 (nodes = pods), a /96 per VM, and a separate
            // services subnet whose first /108 is the service range.
            ProviderProfile(provider: .gcp, ipv6PodMode: .nodePrefix, hasIPv6Pool: true, simulationPool: gcpULAPool,
                            vpcLength: 64, subnetLength: 64, nodePrefixLength: 96, serviceLength: 108,
                            defaultTemplate: gcpTemplate, usesRouterRoutes: false)
        case .openstack:
            ProviderProfile(provider: .openstack, ipv6PodMode: .clusterRange, hasIPv6Pool: true, simulationPool: documentationPool,
                            vpcLength: 64, subnetLength: 64, nodePrefixLength: 64, serviceLength: 108,
                            defaultTemplate: nil, usesRouterRoutes: true)
        case .azure:
            ProviderProfile(provider: .azure, ipv6PodMode: .clusterRange, hasIPv6Pool: false, simulationPool: documentationPool,
                            vpcLength: 48, subnetLength: 64, nodePrefixLength: 64, serviceLength: 108,
                            defaultTemplate: nil, usesRouterRoutes: false)
        case .other:
            ProviderProfile(provider: .other, ipv6PodMode: .clusterRange, hasIPv6Pool: false, simulationPool: documentationPool,
                            vpcLength: 48, subnetLength: 64, nodePrefixLength: 64, serviceLength: 108,
                            defaultTemplate: nil, usesRouterRoutes: false)
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
