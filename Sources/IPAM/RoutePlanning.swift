import Addressing
import Spec

extension PlanBuilder {
    /// OpenStack: one route per node IPv6 pod prefix via the node's IPv6 address, so the
    /// router can bring upstream traffic back to the pods (proposal, "Dual-Stack Solution").
    /// With router state, each is compared: ok, missing, wrong next hop; leftovers are stale.
    /// Replayed from the memo when ``routePlanKey`` is unchanged.
    mutating func planRoutes() {
        memoized(\.routes, key: routePlanKey,
                 save: { RoutePlanOutput(routes: $0.plan.routes, compared: $0.plan.routesCompared) },
                 restore: { $0.plan.routes = $1.routes; $0.plan.routesCompared = $1.compared }) { $0.compareRoutes() }
    }

    private mutating func compareRoutes() {
        guard profile.usesRouterRoutes, let router = plan.routers.first(where: { $0.family == .v6 }) else { return }
        // Compared in place below: statuses are set on these, so no route is copied out and back.
        var routes = expectedRoutes(router: router.name)
        let expectedCount = routes.count
        guard let observed = input.observed.router else {
            plan.routes = routes
            return
        }
        plan.routesCompared = true
        // Read observed routes through a buffer: copying one costs a retain and release.
        observed.routes.withUnsafeBufferPointer { found in
            var index = RouteIndex(found)
            for (i, first) in index.duplicates {
                let destination = found[i].destination
                report(.routeDuplicate, path: "router.routes[\(i)]",
                       "router \(router.name) lists \(destination) twice (routes[\(first)] and routes[\(i)]); remove one",
                       objects: [.route(router: router.name, destination: destination)], at: found[i].location)
            }
            var used = [Bool](repeating: false, count: found.count)
            routes.reserveCapacity(expectedCount + found.count)
            for k in 0..<expectedCount {
                if let i = index.position(of: routes[k].destination) {
                    used[i] = true
                    let actual = found[i].nexthop
                    routes[k].location = found[i].location
                    routes[k].routerIndex = i
                    if actual == routes[k].nexthop {
                        routes[k].status = .ok
                    } else {
                        routes[k].status = .wrongNexthop
                        routes[k].actualNexthop = actual
                        let route = routes[k]
                        report(.routeWrongNexthop, path: "router.routes[\(i)]",
                               "route \(route.destination) on router \(router.name) goes via \(actual) but node \(route.node ?? "?") is \(route.nexthop); fix: openstack router remove route --route destination=\(route.destination),gateway=\(actual) \(router.name) && openstack router add route --route destination=\(route.destination),gateway=\(route.nexthop) \(router.name)",
                               objects: routeObjects(route), at: found[i].location)
                    }
                } else {
                    routes[k].status = .missing
                    let route = routes[k]
                    report(.routeMissing, path: "router.routes",
                           "router \(router.name) has no route for \(route.destination) via \(route.nexthop): pods of node \(route.node ?? "?") are unreachable from upstream; fix: openstack router add route --route destination=\(route.destination),gateway=\(route.nexthop) \(router.name)",
                           objects: routeObjects(route), at: found.first?.location)
                }
            }
            for i in found.indices where !used[i] && index.isFirst[i] {
                let destination = found[i].destination, nexthop = found[i].nexthop
                routes.append(PlannedRoute(router: router.name, destination: destination, nexthop: nexthop,
                                           status: .stale, location: found[i].location, routerIndex: i))
                report(.routeStale, path: "router.routes[\(i)]",
                       "route \(destination) via \(nexthop) on router \(router.name) serves no node's pod prefix; remove it: openstack router remove route --route destination=\(destination),gateway=\(nexthop) \(router.name)",
                       objects: [.route(router: router.name, destination: destination)], at: found[i].location)
            }
            plan.routes = routes
        }
        let count = max(observed.routes.count, expectedCount)
        if count > router.routeQuota {
            report(.routeQuota, path: "router.routes",
                   "router \(router.name) needs \(count) routes but its quota allows \(router.routeQuota); raise the quota (openstack quota set) or use larger per-node pod prefixes",
                   objects: [.router(router.name)], at: settings.routeQuota?.location)
        }
    }

    /// One `planned` route per node IPv6 pod prefix, in node order.
    private func expectedRoutes(router: String) -> [PlannedRoute] {
        var expected: [PlannedRoute] = []
        expected.reserveCapacity(plan.nodes.count)
        // Borrow the nodes through a buffer: array subscripts would copy each node.
        plan.nodes.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                // The address array, not the node: a method call on nodes[i] would copy the node.
                guard let hop = nodes[i].addresses.first(where: { $0.family == .v6 }) else { continue }
                for pod in nodes[i].podCIDRs where pod.family == .v6 {
                    expected.append(PlannedRoute(router: router, destination: pod, nexthop: hop, status: .planned, node: nodes[i].name))
                }
            }
        }
        return expected
    }

    private func routeObjects(_ r: PlannedRoute) -> [ObjectRef] {
        var out: [ObjectRef] = [.route(router: r.router, destination: r.destination)]
        if let n = r.node { out.append(.node(n)); out.append(.podCIDR(node: n, r.destination)) }
        return out
    }
}
