import Addressing
import Spec

extension PlanBuilder {
    static let maskFieldV4 = "spec.kubernetes.kubeControllerManager.nodeCIDRMaskSize"
    static let maskFieldV6 = "spec.kubernetes.kubeControllerManager.nodeCIDRMaskSizeIPv6"

    mutating func checkSizes() {
        if !shoot.isWorkerless { checkGardenerMasks() }
        for family in plan.ipFamilies {
            let maskLocation = family == .v4 ? shoot.nodeMaskV4?.location : (shoot.nodeMaskV6 ?? shoot.nodeMaskV4)?.location
            let maskField = family == .v4 || (plan.ipFamilies == [.v6] && shoot.nodeMaskV6 == nil) ? Self.maskFieldV4 : Self.maskFieldV6
            if plan.podModes[family] == .clusterRange, let mask = plan.nodeMasks[family], let pods = plan.range(.pods, family) {
                // kube-controller-manager's cidrset allocator (k8s pkg/controller/nodeipam/ipam/cidrset).
                if mask < pods.prefix.length {
                    report(.nodeMaskShorterThanPods, path: maskField,
                           "\(family) node mask /\(mask) is larger than the pod range \(pods.prefix); use a mask of at least /\(pods.prefix.length)",
                           objects: [.network(.pods, pods.prefix)], at: maskLocation)
                } else if mask - pods.prefix.length > 16 {
                    report(.maskDifference, path: maskField,
                           "\(family) pod range \(pods.prefix) and node mask /\(mask) are \(mask - pods.prefix.length) bits apart; kube-controller-manager's allocator accepts at most 16, so per-node pod prefixes must be assigned by other means (or use a pod range of /\(mask - 16) or longer)",
                           objects: [.network(.pods, pods.prefix)], at: maskLocation)
                }
            }
            if family == .v6, let services = plan.range(.services, .v6), services.prefix.length < 108 {
                report(.serviceRangeTooLarge, path: path(of: services),
                       "IPv6 services \(services.prefix) is larger than /108; kube-apiserver rejects service ranges above 2^20 addresses unless the MultiCIDRServiceAllocator is on; use e.g. \(services.prefix.network)/108",
                       objects: [.network(.services, services.prefix)], at: services.location)
            }
        }
    }

    /// kube-controller-manager's mask fields as Gardener validates them
    /// (gardener pkg/api/core/validation/shoot.go, `ValidateKubeControllerManager` and
    /// `ValidateNodeCIDRMaskWithMaxPod`).
    private mutating func checkGardenerMasks() {
        let families = plan.ipFamilies
        let v6Only = families == [.v6], v4Only = families == [.v4]
        if v6Only, let v4 = shoot.nodeMaskV4, shoot.nodeMaskV6 != nil {
            report(.maskCombination, path: Self.maskFieldV4,
                   "only one of nodeCIDRMaskSize or nodeCIDRMaskSizeIPv6 can be set for single-stack clusters; in IPv6 single-stack keep one of them", at: v4.location)
        }
        if let v4 = shoot.nodeMaskV4 {
            if v6Only && !(64...124).contains(v4.value) {
                report(.nodeMaskRange, path: Self.maskFieldV4,
                       "nodeCIDRMaskSize /\(v4.value) must be between 64 and 124 for IPv6 single-stack clusters (it is the IPv6 mask there)", at: v4.location)
            } else if v4Only && !(16...28).contains(v4.value) {
                report(.nodeMaskRange, path: Self.maskFieldV4, "nodeCIDRMaskSize /\(v4.value) must be between 16 and 28", at: v4.location)
            }
        }
        if let v6 = shoot.nodeMaskV6 {
            if v4Only {
                report(.maskCombination, path: Self.maskFieldV6,
                       "nodeCIDRMaskSizeIPv6 cannot be set for IPv4 single-stack clusters; remove it or add IPv6 to ipFamilies", at: v6.location)
            } else if !(64...124).contains(v6.value) {
                report(.nodeMaskRange, path: Self.maskFieldV6, "nodeCIDRMaskSizeIPv6 /\(v6.value) must be between 64 and 124", at: v6.location)
            }
        }
        // The defaulted nodeCIDRMaskSize is checked too: validation runs after defaulting.
        guard let mask = gardenerMaskV4 else { return }
        let bits = v6Only ? 128 : 32
        let pods = maxPodsForValidation
        let hostBits = bits - mask
        // 2^hostBits − 2 addresses (Go's big.Int: 1 − 2 for a negative exponent).
        let enough = hostBits >= 63 || (hostBits <= 0 ? -1 : (1 << hostBits) - 2) >= pods
        if !enough {
            let usable = hostBits <= 0 ? -1 : (1 << hostBits) - 2
            let fix = v6Only ? "a mask of /\(max(64, 128 - Self.bitsFor(pods + 2)))" : "/\(Self.ipv4NodeMask(maxPods: pods))"
            report(.maxPods, path: Self.maskFieldV4,
                   "nodeCIDRMaskSize /\(mask) only supports \(usable) pod addresses per node but the highest maxPods is \(pods); use \(fix) or lower maxPods",
                   at: shoot.nodeMaskV4?.location ?? shoot.maxPods?.location)
        }
    }

    /// The number of bits that hold `n` values.
    static func bitsFor(_ n: Int) -> Int {
        var bits = 0
        while bits < 62 && (1 << bits) < n { bits += 1 }
        return bits
    }
}
