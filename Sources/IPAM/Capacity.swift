import Addressing
import Spec

extension PlanBuilder {
    /// Max nodes exactly as gardenlet computes it for cluster-autoscaler (see
    /// ``GardenerMaxNodes``), from every pod and node network of the plan and the status.
    mutating func computeCapacity() {
        guard !shoot.isWorkerless else {
            plan.maxNodesLimit = .workerless
            return
        }
        let pods = Self.withStatus(plan.networks, .pods, shoot.status?.pods)
        let nodes = Self.withStatus(plan.networks, .nodes, shoot.status?.nodes)
        let dualStack = plan.ipFamilies.count == 2
        let result = GardenerMaxNodes.compute(pods: pods, nodes: nodes, dualStack: dualStack,
                                              maskV4: gardenerMaskV4 ?? 0, maskV6: gardenerMaskV6 ?? 0)
        plan.maxNodesDetail = result
        if result.isUnlimited {
            plan.maxNodes = nil
            plan.maxNodesLimit = pods.isEmpty ? .noPodNetwork : .unlimited
            return
        }
        plan.maxNodes = UInt128(result.total)
        plan.maxNodesLimit = limit(result, pods: pods, nodes: nodes, dualStack: dualStack)
    }

    /// The planned prefixes of `kind`, then the status's others. (Not a nested function reading
    /// `plan`: from this mutating method that copied the whole plan per call.)
    private static func withStatus(_ networks: [PlannedRange], _ kind: NetworkKind, _ status: [Located<IPPrefix>]?) -> [IPPrefix] {
        var out: [IPPrefix] = []
        out.reserveCapacity(networks.count + (status?.count ?? 0))
        for r in networks where r.kind == kind { out.append(r.prefix) }
        for s in status ?? [] where !out.contains(s.value) { out.append(s.value) }
        return out
    }

    /// Which network limits: the first counted pod network whose blocks give the limit, or
    /// the first node network (IPv4 first).
    private func limit(_ r: GardenerMaxNodes, pods: [IPPrefix], nodes: [IPPrefix], dualStack: Bool) -> MaxNodesLimit {
        func source(_ p: IPPrefix, _ kind: NetworkKind) -> RangeSource? {
            plan.networks.first { $0.kind == kind && $0.prefix == p }?.source
        }
        if r.total == r.pods {
            let counted = pods.filter { !(dualStack && $0.family == .v6) }
            let limiting = counted.first { p in
                let mask = p.family == .v4 ? gardenerMaskV4 : gardenerMaskV6
                return mask.map { GardenerMaxNodes.power($0 - p.length) } == r.pods
            } ?? counted.first
            guard let p = limiting else { return .podNetworks }
            let mask = (p.family == .v4 ? gardenerMaskV4 : gardenerMaskV6) ?? 0
            return .pods(p, source: source(p, .pods), blocks: r.pods, mask: mask)
        }
        guard let n = nodes.first(where: { $0.family == .v4 }) ?? nodes.first else { return .nodeNetworks }
        return .nodes(n, source: source(n, .nodes), addresses: r.nodes)
    }
}

/// Which network limits max nodes, or why there is none (``Plan/maxNodesReason``); written
/// out only when read, as most plans of a landscape never show it.
public enum MaxNodesLimit: Sendable, Hashable, CustomStringConvertible {
    /// Not computed.
    case none
    case workerless
    case noPodNetwork
    case unlimited
    /// The pod networks limit, none of them named.
    case podNetworks
    /// The node networks limit, none of them named.
    case nodeNetworks
    /// A pod network (`source`: where the plan got it; nil for a status-only range).
    case pods(IPPrefix, source: RangeSource?, blocks: Int64, mask: Int)
    case nodes(IPPrefix, source: RangeSource?, addresses: Int64)

    /// `IPv4 pods 100.96.0.0/20 hold 16 blocks of /24`; invented ranges say so.
    public var description: String {
        func label(_ p: IPPrefix, _ source: RangeSource?) -> String {
            source.map { $0.isInvented ? "\(p) (\($0.rawValue))" : "\(p)" } ?? "\(p)"
        }
        switch self {
        case .none: return ""
        case .workerless: return "no limit: a workerless shoot has no nodes"
        case .noPodNetwork: return "no limit: no pod network"
        case .unlimited: return "no limit: the pod and node networks hold more than 2^62 nodes"
        case .podNetworks: return "the pod networks"
        case .nodeNetworks: return "the node networks"
        case .pods(let p, let source, let blocks, let mask): return "\(p.family) pods \(label(p, source)) hold \(blocks) blocks of /\(mask)"
        case .nodes(let n, let source, let addresses): return "\(n.family) nodes \(label(n, source)) hold \(addresses) node addresses"
        }
    }
}
