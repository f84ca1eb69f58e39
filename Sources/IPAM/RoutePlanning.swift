import Addressing
import Spec

extension PlanBuilder {
    /// OpenStack: the cloud controller manager's route controller adds one router route per
    /// node pod CIDR, of each family, via the node's first internal address of that family
    /// (kubernetes/cloud-provider-openstack `pkg/openstack/routes.go`, `CreateRoute` and
    /// `getAddrByNodeName`; the extension runs it with `--configure-cloud-routes=true`).
    /// With router state, each is compared: ok, missing, wrong next hop; a route inside the
    /// pod ranges that serves no node is stale (the route controller deletes it too), a route
    /// outside them is none of the shoot's business and left alone. Replayed from the memo
    /// when ``routePlanKey`` is unchanged.
    mutating func planRoutes() {
        memoized(\.routes, inputs: routePlanKey, step: RouteComparison.run,
                 restore: { $0.plan.routes = $1.routes; $0.plan.routesCompared = $1.compared })
    }
}

/// The route step as a function of ``RoutePlanKey`` alone (what it reads is what the memo compares).
enum RouteComparison {
    static func run(_ inputs: RoutePlanKey, _ sink: inout DiagnosticSink) -> RoutePlanOutput {
        var out = RoutePlanOutput(routes: [], compared: false)
        guard inputs.usesRouterRoutes else { return out }
        let routed = inputs.routers.filter(\.carriesRoutes)
        guard let router = routed.first else { return out }
        let families = Set(routed.map(\.family))
        // Compared in place below: statuses are set on these, so no route is copied out and back.
        var routes = expectedRoutes(inputs.nodes, router: router.name, families: families)
        let expectedCount = routes.count
        guard let observed = inputs.observed else {
            out.routes = routes
            checkRouteQuota(router, count: expectedCount, planned: true, quotaLocation: inputs.quotaLocation, &sink)
            return out
        }
        out.compared = true
        let command = RouterCommand(router: router.name)
        // The route controller's responsibility: routes overlapping the cluster's pod ranges
        // (its --cluster-cidr), k8s.io/cloud-provider controllers/route `isResponsibleForRoute`.
        let podRanges = inputs.podRanges
        var unmanaged: [(Int, IPPrefix, IPAddress)] = []
        // Read observed routes through a buffer: copying one costs a retain and release.
        observed.routes.withUnsafeBufferPointer { found in
            var index = RouteIndex(found)
            for (i, first) in index.duplicates {
                let destination = found[i].destination
                sink.report(.routeDuplicate, path: "router.routes[\(i)]",
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
                        let fix = command.fix(replacing: route.destination, from: actual, to: route.nexthop)
                        sink.report(.routeWrongNexthop, path: "router.routes[\(i)]",
                               "route \(route.destination) on router \(router.name) goes via \(actual) but node \(route.node ?? "?") is \(route.nexthop)"
                                   + fix.clause,
                               objects: routeObjects(route), at: found[i].location, command: fix.command)
                    }
                } else {
                    routes[k].status = .missing
                    let route = routes[k]
                    let fix = command.fix(adding: route.destination, via: route.nexthop)
                    sink.report(.routeMissing, path: "router.routes",
                           "router \(router.name) has no route for \(route.destination) via \(route.nexthop): pods of node \(route.node ?? "?") are unreachable from upstream"
                               + fix.clause,
                           objects: routeObjects(route), at: found.first?.location, command: fix.command)
                }
            }
            for i in found.indices where !used[i] && index.isFirst[i] {
                let destination = found[i].destination, nexthop = found[i].nexthop
                guard podRanges.contains(where: { $0.overlaps(destination) }) else {
                    unmanaged.append((i, destination, nexthop))
                    continue
                }
                routes.append(PlannedRoute(router: router.name, destination: destination, nexthop: nexthop,
                                           status: .stale, location: found[i].location, routerIndex: i))
                let fix = command.fix(removing: destination, via: nexthop)
                sink.report(.routeStale, path: "router.routes[\(i)]",
                       "route \(destination) via \(nexthop) on router \(router.name) lies in the pod ranges but serves no node's pod CIDR (the route controller removes such routes)"
                           + fix.clause,
                       objects: [.route(router: router.name, destination: destination)], at: found[i].location, command: fix.command)
            }
            out.routes = routes
        }
        for (i, destination, nexthop) in unmanaged {
            sink.report(.routeUnmanaged, path: "router.routes[\(i)]",
                   "route \(destination) via \(nexthop) on router \(router.name) lies outside the shoot's pod ranges: not the shoot's route controller's, left alone",
                   objects: [.route(router: router.name, destination: destination)], at: observed.routes[i].location)
        }
        checkRouteQuota(router, count: max(observed.routes.count, expectedCount), planned: false, quotaLocation: inputs.quotaLocation, &sink)
        return out
    }

    private static func checkRouteQuota(_ router: PlannedRouter, count: Int, planned: Bool, quotaLocation: SourceLocation?,
                                        _ sink: inout DiagnosticSink) {
        guard count > router.routeQuota else { return }
        sink.report(.routeQuota, path: "router.routes",
                    "router \(router.name) \(planned ? "will need" : "needs") \(count) routes (one per node pod CIDR) but its quota allows \(router.routeQuota); raise the quota (openstack quota set) or use larger per-node pod prefixes",
                    objects: [.router(router.name)], at: quotaLocation)
    }

    /// One `planned` route per node pod CIDR of a routed family, in node order, via the node's
    /// first address of that family.
    private static func expectedRoutes(_ planned: [PlannedNode], router: String, families: Set<IPFamily>) -> [PlannedRoute] {
        var expected: [PlannedRoute] = []
        expected.reserveCapacity(planned.count * families.count)
        // Borrow the nodes through a buffer: array subscripts would copy each node.
        planned.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                for pod in nodes[i].podCIDRs where families.contains(pod.family) {
                    // The address array, not the node: a method call on nodes[i] would copy the node.
                    guard let hop = nodes[i].addresses.first(where: { $0.family == pod.family }) else { continue }
                    expected.append(PlannedRoute(router: router, destination: pod, nexthop: hop, status: .planned, node: nodes[i].name))
                }
            }
        }
        return expected
    }

    private static func routeObjects(_ r: PlannedRoute) -> [ObjectRef] {
        var out: [ObjectRef] = [.route(router: r.router, destination: r.destination)]
        if let n = r.node { out.append(.node(n)); out.append(.podCIDR(node: n, r.destination)) }
        return out
    }
}
