import Addressing
import Spec

extension PlanBuilder {
    /// The pods per node Gardener's default IPv4 mask is cut for: the shoot's kubelet maxPods
    /// (110 when unset), raised — never lowered — by any pool that allows more
    /// (gardener pkg/apis/core/v1beta1/defaults_shoot.go, `calculateDefaultNodeCIDRMaskSize`).
    var maxPodsForDefaultMask: Int {
        var pods = shoot.maxPods?.value ?? 110
        for w in shoot.workers { if let p = w.maxPods, p > pods { pods = p } }
        return pods
    }

    /// The pods per node Gardener checks the mask against: the shoot's kubelet maxPods, raised by
    /// any pool that allows more, 110 when that leaves 0 (gardener pkg/api/core/validation/shoot.go,
    /// `validateProvider` → `ValidateNodeCIDRMaskWithMaxPod`). Unlike the default above, an unset
    /// shoot value starts at 0, so a pool's lower maxPods counts.
    var maxPodsForValidation: Int {
        var pods = shoot.maxPods?.value ?? 0
        for w in shoot.workers { if let p = w.maxPods, p > pods { pods = p } }
        return pods == 0 ? 110 : pods
    }

    /// Gardener's default IPv4 mask: 32 − ceil(log2(maxPods × 2)); /24 for 110 pods.
    static func ipv4NodeMask(maxPods: Int) -> Int {
        let needed = max(1, maxPods) &* 2
        var bits = 0
        while bits < 32 && (1 << bits) < needed { bits += 1 }
        return max(0, 32 - bits)
    }

    /// kube-controller-manager's `nodeCIDRMaskSize` after Gardener's defaulting (for shoots with
    /// workers): written, else the maxPods rule in IPv4 single- and dual-stack, else 64 in IPv6
    /// single-stack when neither mask is written (`SetDefaults_Shoot`).
    var gardenerMaskV4: Int? {
        if let m = shoot.nodeMaskV4?.value { return m }
        guard !shoot.isWorkerless else { return nil }
        if plan.ipFamilies.contains(.v4) { return Self.ipv4NodeMask(maxPods: maxPodsForDefaultMask) }
        return shoot.nodeMaskV6 == nil ? 64 : nil
    }

    /// The IPv6 mask kube-controller-manager gets: `nodeCIDRMaskSizeIPv6` (defaulted to 64 in
    /// dual-stack), in IPv6 single-stack else `nodeCIDRMaskSize`.
    var gardenerMaskV6: Int? {
        guard plan.ipFamilies.contains(.v6) else { return nil }
        if let m = shoot.nodeMaskV6?.value { return m }
        if plan.ipFamilies == [.v6] { return gardenerMaskV4 }
        return shoot.isWorkerless ? nil : 64
    }

    /// Per-family allocation mode and node mask (cluster-range) or per-node pod prefix length.
    mutating func resolveNodeMasks() {
        for family in plan.ipFamilies {
            switch family {
            case .v4:
                plan.podModes[.v4] = .clusterRange
                if let m = gardenerMaskV4 { plan.nodeMasks[.v4] = m }
            case .v6:
                plan.podModes[.v6] = profile.ipv6PodMode
                switch profile.ipv6PodMode {
                case .nodePrefix: plan.nodeMasks[.v6] = template.length
                case .clusterRange: if let m = gardenerMaskV6 { plan.nodeMasks[.v6] = m }
                }
            }
        }
    }
}
