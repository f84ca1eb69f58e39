import Addressing

/// `spec.provider.infrastructureConfig`: what the provider extension was configured to
/// build, as far as addresses go. One shape for every provider; each fills what its
/// extension's `InfrastructureConfig` (`pkg/apis/<provider>/v1alpha1/types_infrastructure.go`)
/// has.
public struct InfrastructureConfig: Sendable, Hashable {
    /// One zone's subnets (AWS `networks.zones[]`: workers, public, internal; Azure
    /// `networks.zones[]`: its `cidr` as workers).
    public struct Zone: Sendable, Hashable {
        public var name: String
        public var workers: Located<IPPrefix>?
        public var publicCIDR: Located<IPPrefix>?
        public var internalCIDR: Located<IPPrefix>?

        public init(name: String, workers: Located<IPPrefix>? = nil, publicCIDR: Located<IPPrefix>? = nil, internalCIDR: Located<IPPrefix>? = nil) {
            self.name = name
            self.workers = workers
            self.publicCIDR = publicCIDR
            self.internalCIDR = internalCIDR
        }
    }

    /// OpenStack `networks.ipv6`: a subnet pool, or the node, pod and service CIDRs.
    public struct OpenStackIPv6: Sendable, Hashable {
        public var subnetPoolID: String?
        public var nodeCIDR: Located<IPPrefix>?
        public var podCIDR: Located<IPPrefix>?
        public var serviceCIDR: Located<IPPrefix>?
        public var location: SourceLocation?

        public init(subnetPoolID: String? = nil, nodeCIDR: Located<IPPrefix>? = nil, podCIDR: Located<IPPrefix>? = nil,
                    serviceCIDR: Located<IPPrefix>? = nil, location: SourceLocation? = nil) {
            self.subnetPoolID = subnetPoolID
            self.nodeCIDR = nodeCIDR
            self.podCIDR = podCIDR
            self.serviceCIDR = serviceCIDR
            self.location = location
        }
    }

    /// AWS `networks.vpc.cidr`, Azure `networks.vnet.cidr`.
    public var vpcCIDR: Located<IPPrefix>?
    /// GCP, OpenStack and Azure `networks.workers` (or the older `worker`).
    public var workers: Located<IPPrefix>?
    /// GCP `networks.internal`.
    public var internalCIDR: Located<IPPrefix>?
    public var zones: [Zone]
    public var openStackIPv6: OpenStackIPv6?
    /// OpenStack `networks.router.id`.
    public var routerID: String?
    public var location: SourceLocation?

    public init(vpcCIDR: Located<IPPrefix>? = nil, workers: Located<IPPrefix>? = nil, internalCIDR: Located<IPPrefix>? = nil,
                zones: [Zone] = [], openStackIPv6: OpenStackIPv6? = nil, routerID: String? = nil, location: SourceLocation? = nil) {
        self.vpcCIDR = vpcCIDR
        self.workers = workers
        self.internalCIDR = internalCIDR
        self.zones = zones
        self.openStackIPv6 = openStackIPv6
        self.routerID = routerID
        self.location = location
    }
}
