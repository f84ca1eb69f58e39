import Addressing

/// A node as `kubectl get nodes -o json` reports it.
public struct ObservedNode: Sendable, Hashable {
    public var name: String
    public var zone: String?
    /// InternalIP addresses, in the order listed.
    public var addresses: [IPAddress]
    /// `spec.podCIDRs` (or `spec.podCIDR` when the list is absent).
    public var podCIDRs: [IPPrefix]
    public var location: SourceLocation?

    public init(name: String, zone: String? = nil, addresses: [IPAddress] = [], podCIDRs: [IPPrefix] = [], location: SourceLocation? = nil) {
        self.name = name
        self.zone = zone
        self.addresses = addresses
        self.podCIDRs = podCIDRs
        self.location = location
    }
}

/// One entry of a router's static routes.
public struct ObservedRoute: Sendable, Hashable {
    public var destination: IPPrefix
    public var nexthop: IPAddress
    public var location: SourceLocation?

    public init(destination: IPPrefix, nexthop: IPAddress, location: SourceLocation? = nil) {
        self.destination = destination
        self.nexthop = nexthop
        self.location = location
    }
}

/// A router as `openstack router show -f json` reports it.
public struct ObservedRouter: Sendable, Hashable {
    public var name: String
    public var routes: [ObservedRoute]

    public init(name: String, routes: [ObservedRoute]) {
        self.name = name
        self.routes = routes
    }
}

/// What the cloud really assigned, when known.
public struct ObservedState: Sendable, Hashable {
    /// nil when no node list was given (the engine then simulates the workers' nodes).
    public var nodes: [ObservedNode]?
    /// nil when no router state was given (routes are then `planned`).
    public var router: ObservedRouter?

    public init(nodes: [ObservedNode]? = nil, router: ObservedRouter? = nil) {
        self.nodes = nodes
        self.router = router
    }
}

/// Everything the engine plans from: the shoot, the settings and what was observed.
public struct PlanInput: Sendable, Hashable {
    public var shoot: Shoot
    public var settings: Settings
    public var observed: ObservedState

    public init(shoot: Shoot, settings: Settings = Settings(), observed: ObservedState = ObservedState()) {
        self.shoot = shoot
        self.settings = settings
        self.observed = observed
    }
}
