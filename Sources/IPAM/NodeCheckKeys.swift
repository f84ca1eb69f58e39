import Addressing
import Spec

/// The inputs of ``NodeIdentityCheck`` (it reads nothing else).
struct NodeIdentityCheckKey: Equatable, Sendable {
    var nodes: [PlannedNode]
    var simulated: Bool
    var families: [IPFamily]
    /// The nodes range per family of `families` (nil where there is none).
    var nodeRanges: [IPPrefix?]
    var shootLocation: SourceLocation?
}

/// The inputs of ``PodCIDRPlacementCheck`` for one family (it reads nothing else).
struct PodCIDRPlacementKey: Equatable, Sendable {
    var nodes: [PlannedNode]
    var family: IPFamily
    var pods: IPPrefix?
    var nodePrefixMode: Bool
    var shootLocation: SourceLocation?
}

/// The inputs of ``PodCIDROverlapCheck`` for one family (it reads nothing else; not the ranges).
struct PodCIDROverlapKey: Equatable, Sendable {
    var nodes: [PlannedNode]
    var family: IPFamily
    var shootLocation: SourceLocation?
}

extension PlanBuilder {
    var nodeIdentityCheckKey: NodeIdentityCheckKey {
        NodeIdentityCheckKey(nodes: plan.nodes, simulated: plan.nodesSimulated, families: plan.ipFamilies,
                             nodeRanges: plan.ipFamilies.map { plan.range(.nodes, $0)?.prefix }, shootLocation: shoot.location)
    }

    func podCIDRPlacementKey(_ family: IPFamily) -> PodCIDRPlacementKey {
        PodCIDRPlacementKey(nodes: plan.nodes, family: family, pods: plan.range(.pods, family)?.prefix,
                            nodePrefixMode: plan.podModes[family] == .nodePrefix, shootLocation: shoot.location)
    }

    func podCIDROverlapKey(_ family: IPFamily) -> PodCIDROverlapKey {
        PodCIDROverlapKey(nodes: plan.nodes, family: family, shootLocation: shoot.location)
    }
}
