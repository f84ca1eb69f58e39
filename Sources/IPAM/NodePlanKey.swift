import Addressing
import Spec

/// The inputs of the node step: ``NodePlanStep/run(_:_:)`` reads nothing else, so equal inputs
/// give equal nodes and diagnostics (the memo key cannot miss an input).
struct NodePlanKey: Equatable, Sendable {
    enum Source: Equatable, Sendable {
        /// The node list, and the v6 node prefix shape when nodes get node prefixes.
        case observed([ObservedNode], nodePrefix: NodePrefixShape?)
        case simulated(SimulationInputs)
    }

    /// How node prefixes are cut from a node's IPv6 address (node-prefix mode).
    struct NodePrefixShape: Equatable, Sendable {
        var length: Int
        var reservedLength: Int?
        /// AWS: an observed node's IPv6 pod CIDR of this length is its ENI's delegated prefix.
        var podCIDRIsNodePrefix: Bool
    }

    /// What simulating the workers' nodes reads.
    struct SimulationInputs: Equatable, Sendable {
        /// Per worker pool: name, minimum and zones (not the maximum, which nodes do not depend on).
        var pools: [Pool]
        /// Every zone in plan order (the infrastructure config's first): nodes are numbered by it.
        var zones: [String]
        var provider: ProviderType
        var podModeV6: PodAllocationMode?
        var subnets: [PlannedSubnet]
        var nodeRanges: [PlannedRange]
        var nodePrefix: NodePrefixShape
        /// Whether an earlier step already reported `node.addresses-exhausted` (reported once).
        var exhaustedReported: Bool

        struct Pool: Equatable, Sendable {
            var name: String
            var minimum: Int
            var zones: [String]
        }
    }

    /// How the nodes lacking a pod prefix of one family get one.
    struct Allocation: Equatable, Sendable {
        var family: IPFamily
        var mode: PodAllocationMode
        /// Node-prefix mode: the template applied to each node prefix.
        var template: PodPrefixTemplate?
        /// Cluster-range mode: the pod range, the node mask and the services range kept free.
        var pods: IPPrefix?
        var mask: Int?
        var services: IPPrefix?
    }

    var source: Source
    /// Families in plan order (pod prefixes are sorted by it).
    var families: [IPFamily]
    /// One per family some node lacks a pod prefix of; nothing else depends on the ranges.
    var allocations: [Allocation]
    /// Where diagnostics without a location of their own point.
    var shootLocation: SourceLocation?
}

/// What ``PlanBuilder/planNodes()`` produces besides diagnostics.
struct NodePlanOutput: Sendable {
    var nodes: [PlannedNode]
    var simulated: Bool
}

extension PlanBuilder {
    /// The key of ``planNodes()`` for this run: O(1) for a remembered node list (compared by
    /// storage first), else one pass over it to find the families some node has no pod prefix of.
    mutating func nodePlanKey() -> NodePlanKey {
        let source: NodePlanKey.Source
        let lacking: [IPFamily]
        let shape = NodePlanKey.NodePrefixShape(length: profile.nodePrefixLength, reservedLength: reservedLength,
                                                podCIDRIsNodePrefix: profile.provider == .aws)
        if let observed = input.observed.nodes {
            source = .observed(observed, nodePrefix: plan.podModes[.v6] == .nodePrefix ? shape : nil)
            let coverage = lackingPodFamilies(observed)
            lacking = plan.ipFamilies.filter { coverage.contains($0) }
        } else {
            let pools = shoot.workers.map { NodePlanKey.SimulationInputs.Pool(name: $0.name, minimum: $0.minimum, zones: $0.zones) }
            let exhausted = reported.contains { $0.code == .nodeAddressesExhausted }
            source = .simulated(NodePlanKey.SimulationInputs(
                pools: pools, zones: zones, provider: profile.provider, podModeV6: plan.podModes[.v6],
                subnets: plan.subnets, nodeRanges: plan.ranges(.nodes), nodePrefix: shape, exhaustedReported: exhausted))
            // Simulated nodes start without pod prefixes.
            lacking = plan.ipFamilies
        }
        // A loop, not a closure: a closure reading `plan` from this mutating method copied
        // the whole plan, twice per shoot.
        var allocations: [NodePlanKey.Allocation] = []
        allocations.reserveCapacity(lacking.count)
        for family in lacking {
            let mode = plan.podModes[family] ?? .clusterRange
            switch mode {
            case .nodePrefix:
                allocations.append(NodePlanKey.Allocation(family: family, mode: mode, template: template))
            case .clusterRange:
                allocations.append(NodePlanKey.Allocation(family: family, mode: mode, pods: plan.range(.pods, family)?.prefix,
                                                          mask: plan.nodeMasks[family], services: plan.range(.services, family)?.prefix))
            }
        }
        return NodePlanKey(source: source, families: plan.ipFamilies, allocations: allocations, shootLocation: shoot.location)
    }

    /// The families some node of `observed` has no pod prefix of, remembered per node list.
    private mutating func lackingPodFamilies(_ observed: [ObservedNode]) -> Set<IPFamily> {
        if memo.isEnabled, let c = memo.podCoverage, c.nodes == observed { return c.lacking }
        var lacking: Set<IPFamily> = []
        observed.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                var has: (v4: Bool, v6: Bool) = (false, false)
                for p in nodes[i].podCIDRs {
                    if p.family == .v4 { has.v4 = true } else { has.v6 = true }
                }
                if !has.v4 { lacking.insert(.v4) }
                if !has.v6 { lacking.insert(.v6) }
                if lacking.count == 2 { break }
            }
        }
        if memo.isEnabled { memo.podCoverage = (observed, lacking) }
        return lacking
    }
}
