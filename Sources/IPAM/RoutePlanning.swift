import Addressing
import Spec

extension PlanBuilder {
    /// OpenStack: one route per node IPv6 pod prefix via the node's IPv6 address, so the
    /// router can bring upstream traffic back to the pods (proposal, "Dual-Stack Solution").
    /// With router state, each is compared: ok, missing, wrong next hop; leftovers are stale.
    mutating func planRoutes() {
        guard profile.usesRouterRoutes, let router = plan.routers.first(where: { $0.family == .v6 }) else { return }
        var expected: [PlannedRoute] = []
        expected.reserveCapacity(plan.nodes.count)
        // Borrow the nodes through a buffer: array subscripts would copy each node.
        plan.nodes.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                guard let hop = nodes[i].address(.v6) else { continue }
                for pod in nodes[i].podCIDRs where pod.family == .v6 {
                    expected.append(PlannedRoute(router: router.name, destination: pod, nexthop: hop, status: .planned, node: nodes[i].name))
                }
            }
        }
        guard let observed = input.observed.router else {
            plan.routes = expected
            return
        }
        plan.routesCompared = true
        var byDestination: [IPPrefix: Int] = [:]
        byDestination.reserveCapacity(observed.routes.count)
        for (i, route) in observed.routes.enumerated() {
            if let first = byDestination[route.destination] {
                report(.routeDuplicate, path: "router.routes[\(i)]",
                       "router \(router.name) lists \(route.destination) twice (routes[\(first)] and routes[\(i)]); remove one",
                       objects: [.route(router: router.name, destination: route.destination)], at: route.location)
            } else {
                byDestination[route.destination] = i
            }
        }
        var used = [Bool](repeating: false, count: observed.routes.count)
        for var route in expected {
            if let i = byDestination[route.destination] {
                used[i] = true
                let actual = observed.routes[i]
                route.location = actual.location
                route.routerIndex = i
                if actual.nexthop == route.nexthop {
                    route.status = .ok
                } else {
                    route.status = .wrongNexthop
                    route.actualNexthop = actual.nexthop
                    report(.routeWrongNexthop, path: "router.routes[\(i)]",
                           "route \(route.destination) on router \(router.name) goes via \(actual.nexthop) but node \(route.node ?? "?") is \(route.nexthop); fix: openstack router remove route --route destination=\(route.destination),gateway=\(actual.nexthop) \(router.name) && openstack router add route --route destination=\(route.destination),gateway=\(route.nexthop) \(router.name)",
                           objects: routeObjects(route), at: actual.location)
                }
            } else {
                route.status = .missing
                report(.routeMissing, path: "router.routes",
                       "router \(router.name) has no route for \(route.destination) via \(route.nexthop): pods of node \(route.node ?? "?") are unreachable from upstream; fix: openstack router add route --route destination=\(route.destination),gateway=\(route.nexthop) \(router.name)",
                       objects: routeObjects(route), at: observed.routes.first?.location)
            }
            plan.routes.append(route)
        }
        for (i, route) in observed.routes.enumerated() where !used[i] && byDestination[route.destination] == i {
            plan.routes.append(PlannedRoute(router: router.name, destination: route.destination, nexthop: route.nexthop,
                                            status: .stale, location: route.location, routerIndex: i))
            report(.routeStale, path: "router.routes[\(i)]",
                   "route \(route.destination) via \(route.nexthop) on router \(router.name) serves no node's pod prefix; remove it: openstack router remove route --route destination=\(route.destination),gateway=\(route.nexthop) \(router.name)",
                   objects: [.route(router: router.name, destination: route.destination)], at: route.location)
        }
        let count = max(observed.routes.count, expected.count)
        if count > router.routeQuota {
            report(.routeQuota, path: "router.routes",
                   "router \(router.name) needs \(count) routes but its quota allows \(router.routeQuota); raise the quota (openstack quota set) or use larger per-node pod prefixes",
                   objects: [.router(router.name)], at: settings.routeQuota?.location)
        }
    }

    private func routeObjects(_ r: PlannedRoute) -> [ObjectRef] {
        var out: [ObjectRef] = [.route(router: r.router, destination: r.destination)]
        if let n = r.node { out.append(.node(n)); out.append(.podCIDR(node: n, r.destination)) }
        return out
    }
}
