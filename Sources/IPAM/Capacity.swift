import Addressing
import Spec

extension PlanBuilder {
    /// Max nodes exactly as gardenlet computes it for cluster-autoscaler (see
    /// ``GardenerMaxNodes``), from every pod and node network of the plan and the status.
    mutating func computeCapacity() {
        guard !shoot.isWorkerless else {
            plan.maxNodesReason = "no limit: a workerless shoot has no nodes"
            return
        }
        let pods = Self.withStatus(plan.ranges(.pods), shoot.status?.pods)
        let nodes = Self.withStatus(plan.ranges(.nodes), shoot.status?.nodes)
        let dualStack = plan.ipFamilies.count == 2
        let result = GardenerMaxNodes.compute(pods: pods, nodes: nodes, dualStack: dualStack,
                                              maskV4: gardenerMaskV4 ?? 0, maskV6: gardenerMaskV6 ?? 0)
        plan.maxNodesDetail = result
        if result.isUnlimited {
            plan.maxNodes = nil
            plan.maxNodesReason = pods.isEmpty
                ? "no limit: no pod network"
                : "no limit: the pod and node networks hold more than 2^62 nodes"
            return
        }
        plan.maxNodes = UInt128(result.total)
        plan.maxNodesReason = limitingReason(result, pods: pods, nodes: nodes, dualStack: dualStack)
    }

    /// The planned prefixes, then the status's others. (Not a nested function reading
    /// `plan`: from this mutating method that copied the whole plan per call.)
    private static func withStatus(_ planned: [PlannedRange], _ status: [Located<IPPrefix>]?) -> [IPPrefix] {
        var out = planned.map(\.prefix)
        for s in status ?? [] where !out.contains(s.value) { out.append(s.value) }
        return out
    }

    /// Which network limits, in words: `IPv4 pods 100.96.0.0/20 hold 16 blocks of /24`.
    private func limitingReason(_ r: GardenerMaxNodes, pods: [IPPrefix], nodes: [IPPrefix], dualStack: Bool) -> String {
        let byPods = r.total == r.pods
        func label(_ p: IPPrefix, _ kind: NetworkKind) -> String {
            let source = plan.ranges(kind).first { $0.prefix == p }?.source
            return source.map { $0.isInvented ? "\(p) (\($0.rawValue))" : "\(p)" } ?? "\(p)"
        }
        if byPods {
            let counted = pods.filter { !(dualStack && $0.family == .v6) }
            let limiting = counted.first { p in
                let mask = p.family == .v4 ? gardenerMaskV4 : gardenerMaskV6
                return mask.map { GardenerMaxNodes.power($0 - p.length) } == r.pods
            } ?? counted.first
            guard let p = limiting else { return "the pod networks" }
            let mask = (p.family == .v4 ? gardenerMaskV4 : gardenerMaskV6) ?? 0
            return "\(p.family) pods \(label(p, .pods)) hold \(r.pods) blocks of /\(mask)"
        }
        guard let n = nodes.first(where: { $0.family == .v4 }) ?? nodes.first else { return "the node networks" }
        return "\(n.family) nodes \(label(n, .nodes)) hold \(r.nodes) node addresses"
    }
}
