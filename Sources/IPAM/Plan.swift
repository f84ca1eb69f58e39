import Addressing
import Spec

/// Where a planned value came from.
public enum RangeSource: String, Sendable, Hashable, CaseIterable {
    /// Written in the shoot spec.
    case spec
    /// Read from the shoot's `status.networking`.
    case status
    /// Taken from observed state (node list, router).
    case observed
    /// The seed's `spec.networks.shootDefaults`, as Gardener's mutating admission fills it in.
    case seedDefault = "seed-default"
    /// From the `ShootnetSettings` document (a value Gardener has no field for).
    case settings
    /// Gardener takes it from the seed, and no seed was given: a typical value, assumed.
    case assumed
    /// Made up deterministically from the simulated provider pool (AUTOv6 offline, or
    /// nodes that do not exist yet).
    case simulated

    /// Not known but made up by shootnet: marked wherever it is shown, never written unmarked.
    public var isInvented: Bool { self == .simulated || self == .assumed }
}

/// One shoot range (`nodes`, `pods` or `services` of one family), resolved.
public struct PlannedRange: Sendable, Hashable {
    public var kind: NetworkKind
    public var prefix: IPPrefix
    public var source: RangeSource
    /// Where the spec wrote it (nil for simulated values and defaults).
    public var location: SourceLocation?
    /// Index of the entry in the spec tuple, for paths like `spec.networking.pods[1]`.
    public var specIndex: Int?

    public init(kind: NetworkKind, prefix: IPPrefix, source: RangeSource, location: SourceLocation? = nil, specIndex: Int? = nil) {
        self.kind = kind
        self.prefix = prefix
        self.source = source
        self.location = location
        self.specIndex = specIndex
    }

    public var family: IPFamily { prefix.family }

    /// The shoot field it lives in: `spec.networking.pods[1]` for a spec range,
    /// `status.networking.pods` for a status range, the field it fills otherwise.
    public var fieldPath: String {
        switch source {
        case .spec: "spec.networking.\(kind.rawValue)" + (specIndex.map { "[\($0)]" } ?? "")
        case .status: "status.networking.\(kind.rawValue)"
        case .observed, .simulated, .seedDefault, .settings, .assumed: "spec.networking.\(kind.rawValue)"
        }
    }
}

/// How per-node pod prefixes are obtained for one family.
public enum PodAllocationMode: String, Sendable, Hashable {
    /// Carved from each node's own provider prefix with the pod prefix template (aws, gcp IPv6).
    case nodePrefix = "node-prefix"
    /// The k-th block of the cluster pod range, as kube-controller-manager's cidrset does.
    case clusterRange = "cluster-range"
}

/// A subnet (per zone and family on aws/gcp/azure, one per family on openstack).
public struct PlannedSubnet: Sendable, Hashable {
    /// What the extension builds a subnet for.
    public enum Purpose: String, Sendable, Hashable {
        /// The machines' subnet (AWS `workers`, GCP and OpenStack `nodes`).
        case workers
        /// AWS public (load balancers, NAT) and internal (internal load balancers) subnets.
        case publicUtility = "public"
        case internalUtility = "internal"
        /// GCP's separate subnet for service addresses.
        case services
    }

    /// The subnet's name. A zone's subnets are named after the zone, purpose and family
    /// (`eu-1a-internal-v6`), and that name is written only when read: a landscape plans a
    /// dozen zone subnets per shoot and reads none of their names.
    @inlinable public var name: String {
        get { givenName ?? zoneName() }
        set { givenName = newValue }
    }
    // Inlinable: a given name is then read from the subnet in place (a call from another
    // module copied the whole subnet first).
    @usableFromInline var givenName: String?

    @usableFromInline func zoneName() -> String { Self.zoneSubnetName(zone ?? "", purpose, prefix.family) }
    /// nil: a regional subnet, shared by every zone.
    public var zone: String?
    public var purpose: Purpose
    public var prefix: IPPrefix
    /// OpenStack DHCP/SLAAC allocation pool (the figure's first /66), if any.
    public var allocationPool: IPPrefix?
    public var source: RangeSource
    /// The router attached to this subnet, if any.
    public var router: String?

    public init(name: String, zone: String? = nil, purpose: Purpose = .workers, prefix: IPPrefix, allocationPool: IPPrefix? = nil,
                source: RangeSource, router: String? = nil) {
        givenName = name
        self.zone = zone
        self.purpose = purpose
        self.prefix = prefix
        self.allocationPool = allocationPool
        self.source = source
        self.router = router
    }

    /// A zone's subnet, named after its zone, purpose and family (``name``).
    public init(zone: String, purpose: Purpose, prefix: IPPrefix, source: RangeSource) {
        self.zone = zone
        self.purpose = purpose
        self.prefix = prefix
        self.source = source
    }

    /// `ZONE-v4`, `ZONE-internal-v6`, `ZONE-public-v4` …
    static func zoneSubnetName(_ zone: String, _ purpose: Purpose, _ family: IPFamily) -> String {
        let suffix = family == .v4 ? "v4" : "v6"
        switch purpose {
        case .workers, .services: return zone + "-" + suffix
        case .internalUtility, .publicUtility: return zone + "-" + purpose.rawValue + "-" + suffix
        }
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.name == b.name && a.zone == b.zone && a.purpose == b.purpose && a.prefix == b.prefix
            && a.allocationPool == b.allocationPool && a.source == b.source && a.router == b.router
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(zone)
        hasher.combine(prefix)
    }
}

/// A router (OpenStack: one per subnet; it propagates what it routes to the upstream network).
public struct PlannedRouter: Sendable, Hashable {
    public var name: String
    public var family: IPFamily
    public var subnet: String
    /// Routes this router may hold (OpenStack quota).
    public var routeQuota: Int
    /// The router holds one route per node pod CIDR of this family (the cloud controller
    /// manager's routes); false for the proposal's IPv4 router when the observed router
    /// carries IPv6 routes only.
    public var carriesRoutes: Bool

    public init(name: String, family: IPFamily, subnet: String, routeQuota: Int, carriesRoutes: Bool = true) {
        self.name = name
        self.family = family
        self.subnet = subnet
        self.routeQuota = routeQuota
        self.carriesRoutes = carriesRoutes
    }
}

/// A node of the shoot, observed or simulated.
public struct PlannedNode: Sendable, Hashable {
    /// Stored, not written on demand: the node table sorts by it, 800,000 comparisons for
    /// 50,000 nodes, and a computed name copied the node for each.
    public var name: String
    public var zone: String?
    /// Node addresses, IPv4 before IPv6.
    public var addresses: [IPAddress]
    /// The node's own IPv6 prefix in node-prefix mode (aws /80, gcp /96).
    public var nodePrefix: IPPrefix?
    /// The part of ``nodePrefix`` reserved for node purposes (its first /100).
    public var reservedPrefix: IPPrefix?
    /// Pod prefixes, one per family, primary family first as Kubernetes lists them.
    public var podCIDRs: [IPPrefix]
    public var source: RangeSource
    /// Where the node list described this node.
    public var location: SourceLocation?
    /// Index into the node list / simulated order.
    public var index: Int

    public init(name: String, zone: String? = nil, addresses: [IPAddress] = [], nodePrefix: IPPrefix? = nil,
                reservedPrefix: IPPrefix? = nil, podCIDRs: [IPPrefix] = [], source: RangeSource, location: SourceLocation? = nil, index: Int) {
        self.name = name
        self.zone = zone
        self.addresses = addresses
        self.nodePrefix = nodePrefix
        self.reservedPrefix = reservedPrefix
        self.podCIDRs = podCIDRs
        self.source = source
        self.location = location
        self.index = index
    }

    /// A simulated node of worker pool `worker`, the `ordinal`-th in its zone, zone number
    /// `zoneNumber`: named `worker-zN-K`.
    init(simulatedIn worker: String, zoneNumber: Int, ordinal: Int, zone: String, addresses: [IPAddress], nodePrefix: IPPrefix?,
         reservedPrefix: IPPrefix?, podCIDRs: [IPPrefix], index: Int) {
        self.init(name: Self.simulatedName(worker, zoneNumber, ordinal), zone: zone, addresses: addresses,
                  nodePrefix: nodePrefix, reservedPrefix: reservedPrefix, podCIDRs: podCIDRs, source: .simulated, index: index)
    }

    /// `worker-zN-K`, its bytes written once into the new string (inline when it has at most
    /// 15): an interpolation of the five parts, or four concatenations, cost more than the
    /// rest of the node, for every simulated node of a landscape.
    static func simulatedName(_ worker: String, _ zoneNumber: Int, _ ordinal: Int) -> String {
        var worker = worker
        return worker.withUTF8 { w in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { tail in
                // "-zN-K", written backwards from the end of `tail`.
                var start = tail.count
                func put(_ number: Int, after separator: UInt8) {
                    var v = number.magnitude
                    repeat {
                        start -= 1
                        tail[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: v % 10)
                        v /= 10
                    } while v > 0
                    if number < 0 { start -= 1; tail[start] = UInt8(ascii: "-") }
                    start -= 1
                    tail[start] = separator
                }
                put(ordinal, after: UInt8(ascii: "-"))
                put(zoneNumber, after: UInt8(ascii: "z"))
                start -= 1
                tail[start] = UInt8(ascii: "-")
                let suffix = UnsafeBufferPointer(rebasing: tail[start...])
                return String(unsafeUninitializedCapacity: w.count + suffix.count) { out in
                    _ = out.initialize(fromContentsOf: w)
                    _ = UnsafeMutableBufferPointer(rebasing: out[w.count...]).initialize(fromContentsOf: suffix)
                    return w.count + suffix.count
                }
            }
        }
    }

    public func address(_ family: IPFamily) -> IPAddress? { addresses.first { $0.family == family } }
    public func podCIDR(_ family: IPFamily) -> IPPrefix? { podCIDRs.first { $0.family == family } }
}

/// Status of a router route: compared with the observed router, or `planned` without one.
public enum RouteStatus: String, Sendable, Hashable, CaseIterable {
    case planned, ok, missing, stale
    case wrongNexthop = "wrong-nexthop"
}

/// A router route: expected (one per node pod prefix) or found on the router.
public struct PlannedRoute: Sendable, Hashable {
    public var router: String
    public var destination: IPPrefix
    /// The expected next hop; for a stale route, the one on the router.
    public var nexthop: IPAddress
    public var status: RouteStatus
    /// The node whose pod prefix this route serves (nil for stale routes).
    public var node: String?
    /// For `wrong-nexthop`: what the router really has.
    public var actualNexthop: IPAddress?
    /// Where the router document listed it.
    public var location: SourceLocation?
    /// Index in the router's route list, when it is there.
    public var routerIndex: Int?

    public init(router: String, destination: IPPrefix, nexthop: IPAddress, status: RouteStatus, node: String? = nil,
                actualNexthop: IPAddress? = nil, location: SourceLocation? = nil, routerIndex: Int? = nil) {
        self.router = router
        self.destination = destination
        self.nexthop = nexthop
        self.status = status
        self.node = node
        self.actualNexthop = actualNexthop
        self.location = location
        self.routerIndex = routerIndex
    }
}

/// Everything the engine worked out for a shoot. The diagram, the UI and every command read it.
public struct Plan: Sendable, Hashable {
    public var shootName: String
    public var provider: ProviderType
    /// The provider as written (`openstack`, `alicloud`, …).
    public var providerName: String
    public var region: String?
    /// Resolved families, primary first.
    public var ipFamilies: [IPFamily]
    /// Resolved shoot ranges, in kind order (nodes, pods, services), primary family first.
    public var networks: [PlannedRange]
    /// The VPC / network prefixes (aws/gcp/azure VPC, openstack subnet pool result).
    public var vpc: [PlannedRange]
    public var subnets: [PlannedSubnet]
    public var routers: [PlannedRouter]
    public var nodes: [PlannedNode]
    /// True when `nodes` were simulated from the workers (no node list given).
    public var nodesSimulated: Bool
    public var routes: [PlannedRoute]
    /// True when router state was given and routes were compared.
    public var routesCompared: Bool
    /// Per-family pod allocation mode.
    public var podModes: SlotMap<IPFamily, PodAllocationMode>
    /// Per-family node mask size (cluster-range mode) or per-node pod prefix length.
    public var nodeMasks: SlotMap<IPFamily, Int>
    /// Max nodes as gardenlet computes it for cluster-autoscaler; nil when the networks set
    /// no limit (see ``maxNodesReason``).
    public var maxNodes: UInt128?
    /// Which range limits max nodes, or why there is no limit.
    public var maxNodesReason: String { maxNodesLimit.description }
    /// ``maxNodesReason`` before it is written out.
    public var maxNodesLimit: MaxNodesLimit
    /// The pod and node network limits behind ``maxNodes``.
    public var maxNodesDetail: GardenerMaxNodes?
    /// Sum of the workers' maxima.
    public var workersMaximum: Int
    public var diagnostics: [Diagnostic]

    public init(shootName: String, provider: ProviderType, providerName: String, region: String? = nil) {
        self.shootName = shootName
        self.provider = provider
        self.providerName = providerName
        self.region = region
        ipFamilies = []
        networks = []
        vpc = []
        subnets = []
        routers = []
        nodes = []
        nodesSimulated = false
        routes = []
        routesCompared = false
        podModes = SlotMap()
        nodeMasks = SlotMap()
        maxNodes = nil
        maxNodesLimit = .none
        maxNodesDetail = nil
        workersMaximum = 0
        diagnostics = []
    }

    /// The resolved ranges of one kind, primary family first.
    public func ranges(_ kind: NetworkKind) -> [PlannedRange] {
        // One allocation (a filter grows its result as it goes): planning asks this often.
        var out: [PlannedRange] = []
        out.reserveCapacity(networks.count)
        for r in networks where r.kind == kind { out.append(r) }
        return out
    }

    public func range(_ kind: NetworkKind, _ family: IPFamily) -> PlannedRange? {
        networks.first { $0.kind == kind && $0.family == family }
    }
}

extension PlannedRoute {
    /// Routes as people want to read them: missing, wrong next hop, stale, ok, planned; each
    /// group by destination.
    public static func problemsFirst(_ routes: [PlannedRoute]) -> [PlannedRoute] {
        // Sort small keys, not routes (moving a route costs its references); the position
        // breaks ties, as a stable sort of the routes would.
        let keys = routes.withUnsafeBufferPointer { r in
            r.indices.map { (rank: r[$0].status.problemRank, destination: r[$0].destination, position: $0) }
        }.sorted { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.destination != b.destination { return a.destination < b.destination }
            return a.position < b.position
        }
        return keys.map { routes[$0.position] }
    }
}
