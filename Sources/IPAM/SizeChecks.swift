import Addressing
import Spec

extension PlanBuilder {
    /// Node masks Gardener accepts, per family.
    static func nodeMaskBounds(_ f: IPFamily) -> ClosedRange<Int> { f == .v4 ? 16...28 : 64...124 }

    mutating func checkSizes() {
        for family in plan.ipFamilies {
            let maskLocation = family == .v4 ? shoot.nodeMaskV4?.location : shoot.nodeMaskV6?.location
            let maskField = family == .v4 ? "spec.kubernetes.kubeControllerManager.nodeCIDRMaskSize"
                                          : "spec.kubernetes.kubeControllerManager.nodeCIDRMaskSizeIPv6"
            if plan.podModes[family] == .clusterRange, let mask = plan.nodeMasks[family] {
                let bounds = Self.nodeMaskBounds(family)
                if !bounds.contains(mask) {
                    report(.nodeMaskRange, path: maskField,
                           "\(family) node mask /\(mask) is outside \(bounds.lowerBound)..\(bounds.upperBound)", at: maskLocation)
                }
                if let pods = plan.range(.pods, family) {
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
                let hostBits = family.bits - mask
                if hostBits >= 1 && hostBits < 63 {
                    let usable = (1 << hostBits) - 2
                    if usable < maxPods {
                        report(.maxPods, path: maskField,
                               "\(family) node mask /\(mask) gives \(usable) pod addresses per node but maxPods is \(maxPods); use /\(Self.ipv4NodeMask(maxPods: maxPods)) or lower maxPods",
                               at: maskLocation ?? shoot.maxPods?.location)
                    }
                }
            }
            if family == .v6, let services = plan.range(.services, .v6), services.prefix.length < 108 {
                report(.serviceRangeTooLarge, path: path(of: services),
                       "IPv6 services \(services.prefix) is larger than /108; kube-apiserver rejects service ranges above 2^20 addresses unless the MultiCIDRServiceAllocator is on; use e.g. \(services.prefix.network)/108",
                       objects: [.network(.services, services.prefix)], at: services.location)
            }
        }
    }
}
