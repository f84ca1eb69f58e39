import Addressing

/// The node limit Gardener hands to cluster-autoscaler, computed exactly as gardenlet does
/// (gardener `pkg/gardenlet/operation/botanist/clusterautoscaler.go`,
/// `CalculateMaxNodesForShootNetworks` with `calculateMaxNodesForPodsNetwork` and
/// `calculateMaxNodesForNodesNetwork`):
///
/// - pods: per pod network 2^(nodeMask − length), summed per family; in dual-stack only IPv4
///   networks count; the minimum over the families;
/// - nodes: per node network 2^(32 − length) − 2 (IPv4) or 2^(128 − length) (IPv6), summed
///   per family; the minimum over the families;
/// - an exponent above 62 counts as `Int64.max` ("no limitation"), one of 0 or less as 1
///   (Go's `big.Int.Exp`); the sums wrap as Go's `int64` does;
/// - the result is the smaller of the two that is greater than zero (`utils.MinGreaterThanZero`),
///   0 meaning "no limit".
public struct GardenerMaxNodes: Sendable, Hashable {
    /// The limit from the pod networks (`Int64.max` when no pod network counted).
    public var pods: Int64
    /// The limit from the node networks (0 when there is none).
    public var nodes: Int64
    /// What cluster-autoscaler gets: 0 means no limit.
    public var total: Int64

    /// - Parameters:
    ///   - pods / nodes: every pod and node network of the shoot (spec and status, unique).
    ///   - dualStack: `ipFamilies` has both families.
    ///   - maskV4: `nodeCIDRMaskSize` after defaulting; used for IPv4 pod networks.
    ///   - maskV6: the IPv6 mask gardenlet uses: `nodeCIDRMaskSizeIPv6`, else in IPv6
    ///     single-stack `nodeCIDRMaskSize`, else 0.
    public static func compute(pods: [IPPrefix], nodes: [IPPrefix], dualStack: Bool, maskV4: Int, maskV6: Int) -> GardenerMaxNodes {
        guard !pods.isEmpty else { return GardenerMaxNodes(pods: 0, nodes: 0, total: 0) }
        var podSums = SlotMap<IPFamily, Int64>()
        for p in pods {
            if dualStack && p.family == .v6 { continue }
            let mask = p.family == .v4 ? maskV4 : maskV6
            podSums[p.family] = (podSums[p.family] ?? 0) &+ power(mask - p.length)
        }
        let podLimit = podSums.minimum ?? .max
        var nodeLimit: Int64 = 0
        if !nodes.isEmpty {
            var nodeSums = SlotMap<IPFamily, Int64>()
            for n in nodes {
                var count = power(n.family.bits - n.length)
                if n.family == .v4 { count &-= 2 }  // network and broadcast address
                nodeSums[n.family] = (nodeSums[n.family] ?? 0) &+ count
            }
            nodeLimit = nodeSums.minimum ?? .max
        }
        return GardenerMaxNodes(pods: podLimit, nodes: nodeLimit, total: minGreaterThanZero(podLimit, nodeLimit))
    }

    /// 2^exponent as gardenlet computes it: above 62 `Int64.max`, at 0 or below 1.
    static func power(_ exponent: Int) -> Int64 {
        if exponent > 62 { return .max }
        if exponent <= 0 { return 1 }
        return Int64(1) << Int64(exponent)
    }

    /// gardener `pkg/utils/numbers.go` `MinGreaterThanZero`.
    static func minGreaterThanZero(_ a: Int64, _ b: Int64) -> Int64 {
        if a <= 0 || b <= 0 { return max(a, b, 0) }
        return min(a, b)
    }

    /// No limit: gardenlet passes 0, or a count no cluster reaches (`Int64.max`, the
    /// stand-in for an exponent above 62).
    public var isUnlimited: Bool { total == 0 || total == .max }
}
