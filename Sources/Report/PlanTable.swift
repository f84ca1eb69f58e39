import Addressing
import Canvas
import IPAM
import Spec

/// `plan -o table`: the plan for people.
public enum PlanTable {
    public static func render(_ plan: Plan) -> String {
        var out: [String] = []
        let where_ = [plan.providerName, plan.region].compactMap { $0 }.joined(separator: ", ")
        out.append("Shoot \(SafeText.terminal(plan.shootName)) (\(SafeText.terminal(where_)))  families: "
                   + plan.ipFamilies.map(\.description).joined(separator: ", ")
                   + (plan.ipFamilies.count == 2 ? " (\(plan.ipFamilies[0]) primary)" : ""))
        out.append("")
        var networks = TextTable(["NETWORK", "FAMILY", "CIDR", "SOURCE"])
        func cidr(_ p: IPPrefix, _ source: RangeSource) -> String { (source.isInvented ? "~" : "") + p.description }
        for r in plan.networks { networks.add([r.kind.rawValue, r.family.description, cidr(r.prefix, r.source), r.source.rawValue]) }
        for v in plan.vpc where v.family == .v6 { networks.add(["vpc", "IPv6", cidr(v.prefix, v.source), v.source.rawValue]) }
        out.append(networks.render())
        out.append("")
        out.append("Max nodes: \(plan.maxNodes.map { String($0) } ?? "no limit")"
                   + (plan.maxNodesReason.isEmpty ? "" : " (\(plan.maxNodesReason))") + "; workers scale to \(plan.workersMaximum)")
        let masks = plan.ipFamilies.compactMap { f in plan.nodeMasks[f].map { "\(f) /\($0) \(plan.podModes[f]?.rawValue ?? "")" } }
        if !masks.isEmpty { out.append("Per-node pod prefixes: " + masks.joined(separator: ", ")) }
        if !plan.subnets.isEmpty {
            out.append("")
            var subnets = TextTable(["SUBNET", "ZONE", "CIDR", "ALLOCATION POOL", "ROUTER", "SOURCE"])
            for s in plan.subnets {
                subnets.add([s.name, s.zone ?? "-", cidr(s.prefix, s.source), s.allocationPool.map { "\($0)" } ?? "-", s.router ?? "-", s.source.rawValue])
            }
            out.append(subnets.render())
        }
        out.append("")
        var nodes = TextTable(["NODE" + (plan.nodesSimulated ? " (simulated)" : ""), "ZONE", "ADDRESSES", "NODE PREFIX", "POD CIDRS"])
        for n in plan.nodes {
            nodes.add([n.name, n.zone ?? "-", n.addresses.map(\.description).joined(separator: ", "),
                       n.nodePrefix.map { "\($0)" } ?? "-", n.podCIDRs.map(\.description).joined(separator: ", ")])
        }
        out.append(nodes.render())
        if !plan.routes.isEmpty {
            out.append("")
            out.append(RoutesReport.table(plan.routes))
        }
        out.append("")
        out.append(CheckReport.summary(plan.diagnostics))
        return out.joined(separator: "\n") + "\n"
    }
}
