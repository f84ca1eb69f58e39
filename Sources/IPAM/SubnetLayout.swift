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
        let zones = self.zones
        // Round the zone count up to a power of two so every zone gets an equal slice.
        var splitBits = 0
        while (1 << splitBits) < zones.count { splitBits += 1 }
        for (i, zone) in zones.enumerated() {
            for family in plan.ipFamilies {
                guard let nodes = plan.range(.nodes, family) else { continue }
                let subnet: IPPrefix?
                if family == .v6, let vpc = plan.vpc.first(where: { $0.family == .v6 }) {
                    // A VPC no larger than one subnet (GCP's regional /64) is shared by every zone.
                    subnet = vpc.prefix.length >= profile.subnetLength ? vpc.prefix
                        : vpc.prefix.subnet(UInt128(i), length: profile.subnetLength)
                } else {
                    subnet = nodes.prefix.subnet(UInt128(i), length: min(nodes.prefix.length + splitBits, nodes.prefix.bits))
                }
                guard let subnet else { continue }
                let source = family == .v6 ? (plan.vpc.first { $0.family == .v6 }?.source ?? nodes.source) : nodes.source
                plan.subnets.append(PlannedSubnet(name: "\(zone)-\(family == .v4 ? "v4" : "v6")", zone: zone,
                                                  prefix: subnet, source: source))
            }
        }
    }

    var routeQuota: Int { settings.routeQuota?.value ?? 30 }
}
