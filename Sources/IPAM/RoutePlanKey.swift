import Addressing
import Spec

/// The inputs of the route step: ``RouteComparison/run(_:_:)`` reads nothing else, so equal
/// inputs give equal routes and diagnostics (the memo key cannot miss an input).
struct RoutePlanKey: Equatable, Sendable {
    /// Whether the provider's routers hold per-node routes at all (nothing else matters if not).
    var usesRouterRoutes: Bool
    var routers: [PlannedRouter]
    var nodes: [PlannedNode]
    var observed: ObservedRouter?
    /// The pod ranges: what the route controller is responsible for (stale or left alone).
    var podRanges: [IPPrefix]
    var quotaLocation: SourceLocation?
    /// Where diagnostics without a location of their own point.
    var shootLocation: SourceLocation?
}

/// What ``PlanBuilder/planRoutes()`` produces besides diagnostics.
struct RoutePlanOutput: Sendable {
    var routes: [PlannedRoute]
    var compared: Bool
}

extension PlanBuilder {
    /// The key of ``planRoutes()`` for this run; O(1) while the node list and the router's
    /// routes are the remembered arrays.
    var routePlanKey: RoutePlanKey {
        guard profile.usesRouterRoutes else {
            return RoutePlanKey(usesRouterRoutes: false, routers: [], nodes: [], observed: nil, podRanges: [], quotaLocation: nil, shootLocation: nil)
        }
        return RoutePlanKey(usesRouterRoutes: true, routers: plan.routers, nodes: plan.nodes, observed: input.observed.router,
                            podRanges: plan.ranges(.pods).map(\.prefix),
                            quotaLocation: settings.routeQuota?.location, shootLocation: shoot.location)
    }
}
