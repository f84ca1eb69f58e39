import Canvas
import IPAM
import Spec

extension Diagram {
    /// Narrowest layout width; a smaller request is laid out at this width (a UI pane
    /// that narrow scrolls sideways).
    public static let minimumWidth = 40

    /// Lays out `plan` for a canvas `width` columns wide: OpenStack like the proposal's
    /// figure, other providers as VPC → zones → subnets → nodes.
    ///
    /// O(n) in nodes and routes with no text built for them: node cards and route lines
    /// are placed on grids and expanded only where drawn, hit or looked up.
    ///
    /// - Parameters:
    ///   - nodeLimit: draw at most this many nodes and count the rest in "+N more nodes"
    ///     lines (nil: all, for a UI that scrolls).
    ///   - routeLimit: list at most this many routes per router and count the rest in a
    ///     "+N more routes" line; defaults to `nodeLimit`.
    public init(plan: Plan, width: Int, nodeLimit: Int? = nil, routeLimit: Int? = nil) {
        var memo = DiagramMemo()
        self.init(plan: plan, width: width, nodeLimit: nodeLimit, routeLimit: routeLimit, memo: &memo)
    }

    /// The same diagram as ``init(plan:width:nodeLimit:routeLimit:)``, measuring nodes and
    /// routes only when they differ from those `memo` remembers (see ``DiagramMemo``); `memo`
    /// then remembers this plan's.
    public init(plan: Plan, width: Int, nodeLimit: Int? = nil, routeLimit: Int? = nil, memo: inout DiagramMemo) {
        let w = max(Self.minimumWidth, width)
        let nodes = nodeLimit.map { max(0, $0) }
        let routes = (routeLimit ?? nodeLimit).map { max(0, $0) }
        var b = DiagramBuilder()
        let height: Int, hiddenNodes: Int, hiddenRoutes: Int
        if plan.provider == .openstack {
            (height, hiddenNodes, hiddenRoutes) = OpenStackLayout(plan: plan, width: w, nodeLimit: nodes, routeLimit: routes).layout(into: &b, memo: &memo)
        } else {
            (height, hiddenNodes) = CloudLayout(plan: plan, width: w, nodeLimit: nodes).layout(into: &b, memo: &memo)
            hiddenRoutes = 0
        }
        self.init(width: w, height: height, fixed: b.elements, blocks: b.blocks, hiddenNodeCount: hiddenNodes, hiddenRouteCount: hiddenRoutes,
                  problems: plan.problemObjects)
    }
}
