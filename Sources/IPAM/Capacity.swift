import Addressing
import Spec

extension PlanBuilder {
    /// 2^n saturated at UInt128.max.
    static func power(_ n: Int) -> UInt128 {
        n <= 0 ? 1 : (n >= 128 ? .max : UInt128(1) << UInt128(n))
    }

    /// Gardener's rule: max nodes = min(2^(nodeMask − podLength) per pod range,
    /// IPv4 node addresses); in node-prefix mode the node prefixes the zone subnets hold.
    mutating func computeCapacity() {
        for family in plan.ipFamilies {
            var limits: [UInt128] = []
            switch plan.podModes[family] ?? .clusterRange {
            case .clusterRange:
                if let pods = plan.range(.pods, family), let mask = plan.nodeMasks[family], mask >= pods.prefix.length {
                    limits.append(Self.power(mask - pods.prefix.length))
                }
            case .nodePrefix:
                let subnets = plan.subnets.filter { $0.prefix.family == family }
                var total: UInt128 = 0
                for s in subnets {
                    let n = Self.power(profile.nodePrefixLength - s.prefix.length)
                    let (sum, overflow) = total.addingReportingOverflow(n)
                    total = overflow ? .max : sum
                }
                if !subnets.isEmpty { limits.append(total) }
            }
            if family == .v4, let nodes = plan.range(.nodes, .v4) {
                limits.append(Self.power(nodes.prefix.hostBits))
            }
            if let m = limits.min() { plan.maxNodesByFamily[family] = m }
        }
        plan.maxNodes = plan.maxNodesByFamily.values.min()
    }
}
