import Addressing
import Spec

extension PlanBuilder {
    /// The router's name when no router state names it: the extension builds one.
    static let routerName = "router"
    /// The proposal's figure draws a second router for IPv4.
    static let routerV4 = "router-v4"

    /// Subnets and routers: OpenStack has one subnet per family on one network, each with a
    /// router (the proposal's figure); the hyperscalers have a subnet per zone and family.
    mutating func layoutSubnets() {
        if profile.provider == .openstack {
            // The extension builds one router with an interface on the IPv4 and the IPv6 node
            // subnet (gardener-extension-provider-openstack infraflow `ensureRouter`,
            // `ensureRouterInterfaceIPv6`), and the route controller puts both families' routes
            // on it. A router that carries IPv6 routes only is the proposal's layout: a router
            // per family, the IPv4 one not known.
            let routerName = input.observed.router?.name ?? Self.routerName
            let proposalLayout = input.observed.router.map { r in
                plan.ipFamilies.count == 2 && !r.routes.isEmpty && !r.routes.contains { $0.destination.family == .v4 }
            } ?? false
            if let v4 = plan.range(.nodes, .v4) {
                let v4Router = proposalLayout ? Self.routerV4 : routerName
                plan.subnets.append(PlannedSubnet(name: "subnet-v4", prefix: v4.prefix, allocationPool: v4.prefix,
                                                  source: v4.source, router: v4Router))
                plan.routers.append(PlannedRouter(name: v4Router, family: .v4, subnet: "subnet-v4", routeQuota: routeQuota,
                                                  carriesRoutes: !proposalLayout))
            }
            if let base = plan.vpc.first(where: { $0.family == .v6 }) {
                let pool = settings.allocationPool?.value ?? plan.range(.nodes, .v6)?.prefix
                plan.subnets.append(PlannedSubnet(name: "subnet-v6", prefix: base.prefix, allocationPool: pool,
                                                  source: base.source, router: routerName))
                plan.routers.append(PlannedRouter(name: routerName, family: .v6, subnet: "subnet-v6", routeQuota: routeQuota))
            }
            return
        }
        layoutZoneSubnets()
    }

    /// The hyperscalers' subnets: IPv4 from the infrastructure config where it names them,
    /// IPv6 where the extension derives them; anything else is invented (simulated).
    private mutating func layoutZoneSubnets() {
        let infra = shoot.infrastructure
        let vpc6 = plan.vpc.first { $0.family == .v6 }
        // Round the zone count up to a power of two so every zone gets an equal slice.
        var splitBits = 0
        while (1 << splitBits) < zones.count { splitBits += 1 }
        plan.subnets.reserveCapacity(plan.subnets.count + zones.count * plan.ipFamilies.count * 3 + 3)
        func add(_ name: String, _ purpose: PlannedSubnet.Purpose, _ prefix: IPPrefix?, _ source: RangeSource) {
            guard let prefix else { return }
            plan.subnets.append(PlannedSubnet(name: name, purpose: purpose, prefix: prefix, source: source))
        }
        func add(zone: String, _ purpose: PlannedSubnet.Purpose, _ prefix: IPPrefix?, _ source: RangeSource) {
            guard let prefix else { return }
            plan.subnets.append(PlannedSubnet(zone: zone, purpose: purpose, prefix: prefix, source: source))
        }
        // Regional IPv4 subnets (GCP `workers` and `internal`, Azure `workers` without zones).
        let regional = profile.provider == .gcp || (profile.provider == .azure && (infra?.zones.isEmpty ?? true))
        if regional, plan.ipFamilies.contains(.v4), let w = infra?.workers {
            add("workers-v4", .workers, w.value, .spec)
            if let i = infra?.internalCIDR { add("internal-v4", .internalUtility, i.value, .spec) }
        }
        for (i, zone) in zones.enumerated() {
            let configured = infra?.zones.first { $0.name == zone }
            for family in plan.ipFamilies {
                if family == .v4 {
                    if regional && infra?.workers != nil { continue }
                    if let w = configured?.workers {
                        add(zone: zone, .workers, w.value, .spec)
                        if let p = configured?.internalCIDR { add(zone: zone, .internalUtility, p.value, .spec) }
                        if let p = configured?.publicCIDR { add(zone: zone, .publicUtility, p.value, .spec) }
                    } else if let nodes = plan.range(.nodes, .v4) {
                        // Not configured: an equal slice of the nodes range, made up.
                        add(zone: zone, .workers,
                            nodes.prefix.subnet(UInt128(i), length: min(nodes.prefix.length + splitBits, nodes.prefix.bits)), .simulated)
                    }
                    continue
                }
                guard let vpc = vpc6 ?? plan.range(.nodes, .v6) else { continue }
                if profile.provider == .aws && vpc.prefix.length < profile.subnetLength {
                    // gardener-extension-provider-aws infraflow `ensureManagedZones`: zone i's
                    // subnets are the /64s 3i (workers), 3i+1 (internal), 3i+2 (public) of the VPC /56.
                    let base = UInt128(3 * i)
                    add(zone: zone, .workers, vpc.prefix.subnet(base, length: profile.subnetLength), vpc.source)
                    add(zone: zone, .internalUtility, vpc.prefix.subnet(base + 1, length: profile.subnetLength), vpc.source)
                    add(zone: zone, .publicUtility, vpc.prefix.subnet(base + 2, length: profile.subnetLength), vpc.source)
                } else if vpc.prefix.length >= profile.subnetLength {
                    // A VPC no larger than one subnet (GCP's regional /64) is shared by every zone.
                    if i == 0 { add(family == .v4 ? "nodes-v4" : "nodes-v6", .workers, vpc.prefix, vpc.source) }
                } else {
                    add(zone: zone, .workers, vpc.prefix.subnet(UInt128(i), length: profile.subnetLength), vpc.source)
                }
            }
        }
        // GCP: services get a subnet of their own (infraflow `ensureServicesSubnet`).
        if profile.provider == .gcp, let services = plan.range(.services, .v6), !plan.subnets.contains(where: { $0.prefix.contains(services.prefix) }),
           let subnet = IPPrefix(masking: services.prefix.network, length: profile.subnetLength) as IPPrefix? {
            add("services-v6", .services, subnet, services.source)
        }
    }

    var routeQuota: Int { settings.routeQuota?.value ?? 30 }
}
