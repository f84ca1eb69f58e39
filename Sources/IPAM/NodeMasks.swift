import Addressing
import Spec

extension PlanBuilder {
    /// The pods a node runs at most: the shoot's kubelet setting, else the largest pool's, else 110.
    var maxPods: Int {
        shoot.maxPods?.value ?? shoot.workers.compactMap(\.maxPods).max() ?? 110
    }

    /// Gardener's IPv4 rule: 32 − ceil(log2(maxPods × 2)); /24 for 110 pods.
    static func ipv4NodeMask(maxPods: Int) -> Int {
        let needed = max(1, maxPods) &* 2
        var bits = 0
        while bits < 32 && (1 << bits) < needed { bits += 1 }
        return max(0, 32 - bits)
    }

    /// Per-family allocation mode and node mask (cluster-range) or per-node pod prefix length.
    mutating func resolveNodeMasks() {
        for family in plan.ipFamilies {
            switch family {
            case .v4:
                plan.podModes[.v4] = .clusterRange
                plan.nodeMasks[.v4] = shoot.nodeMaskV4?.value ?? Self.ipv4NodeMask(maxPods: maxPods)
            case .v6:
                plan.podModes[.v6] = profile.ipv6PodMode
                switch profile.ipv6PodMode {
                case .nodePrefix: plan.nodeMasks[.v6] = template.length
                case .clusterRange: plan.nodeMasks[.v6] = shoot.nodeMaskV6?.value ?? profile.ipv6NodeMask
                }
            }
        }
    }
}
