import Addressing
import Canvas
import IPAM
import Spec

/// The figure's "Shoot Properties" text (ranges per kind, capacity, families, provider) and
/// the legend lines that explain markers used in the diagram.
enum ShootProperties {
    static func lines(_ plan: Plan) -> [[TextSegment]] {
        var out: [[TextSegment]] = [[TextSegment("Shoot Properties", role: .title)]]
        for (label, kind) in [("Node CIDR: ", NetworkKind.nodes), ("Pod CIDR: ", .pods), ("Svc CIDR: ", .services)] {
            out.append([TextSegment(label, role: .label)] + PlanText.ranges(plan.ranges(kind)))
        }
        out.append(capacity(plan))
        var families = [TextSegment("IP families: ", role: .label),
                        TextSegment(plan.ipFamilies.isEmpty ? "none" : plan.ipFamilies.map(\.description).joined(separator: ", "))]
        let masks = plan.ipFamilies.compactMap { f in plan.nodeMasks[f].map { "/\($0) (\(f))" } }
        if !masks.isEmpty {
            families += [TextSegment("   Pod prefix per node: ", role: .label), TextSegment(masks.joined(separator: ", "))]
        }
        out.append(families)
        var provider = [TextSegment("Provider: ", role: .label), TextSegment(plan.providerName)]
        if let region = plan.region { provider += [TextSegment("   Region: ", role: .label), TextSegment(region)] }
        out.append(provider)
        return out
    }

    /// `Max nodes: 256 (IPv4 pods 10.0.0.0/16 hold 256 blocks of /24)   Workers' maximum: 10`.
    private static func capacity(_ plan: Plan) -> [TextSegment] {
        var line = [TextSegment("Max nodes: ", role: .label)]
        if let max = plan.maxNodes {
            let exceeded = plan.workersMaximum > 0 && UInt128(plan.workersMaximum) > max
            line.append(TextSegment("\(max)", role: exceeded ? .error : .plain))
        } else {
            line.append(TextSegment("no limit", role: .dim))
        }
        if !plan.maxNodesReason.isEmpty { line.append(TextSegment(" (\(plan.maxNodesReason))", role: .dim)) }
        line += [TextSegment("   Workers' maximum: ", role: .label), TextSegment("\(plan.workersMaximum)")]
        return line
    }

    /// The kinds of simulated values a diagram shows.
    struct Simulated {
        /// Ranges resolved offline from the simulation pool (AUTOv6 without the provider).
        var ranges = false
        /// Nodes planned from the workers' minimum (no node list given).
        var nodes = false
    }

    /// Explanations of the markers the diagram used: what `~` stands for, one line per kind.
    static func legend(_ simulated: Simulated, plan: Plan) -> [[TextSegment]] {
        var what: [String] = []
        let assumed = plan.networks.contains { $0.source == .assumed }
        let madeUp = plan.networks.contains { $0.source == .simulated } || plan.vpc.contains { $0.source == .simulated }
            || plan.subnets.contains { $0.source == .simulated }
        if simulated.ranges && (madeUp || !assumed) { what.append("ranges made up offline as the provider would assign them") }
        if assumed { what.append("ranges assumed: no seed given for its shootDefaults") }
        if simulated.nodes { what.append("nodes planned from the workers' minimum (no node list given)") }
        let lead = " simulated: "
        let indent = CellWidth.of(PlanText.simulatedMarker + lead)
        return what.enumerated().map { i, text in
            let text = text + (i < what.count - 1 ? ";" : "")
            return i == 0
                ? [TextSegment(PlanText.simulatedMarker, role: .simulated), TextSegment(lead + text, role: .dim)]
                : [.space(indent), TextSegment(text, role: .dim)]
        }
    }

    /// `+N more nodes not drawn (node limit L)`.
    static func moreNodes(_ hidden: Int, limit: Int?) -> [TextSegment] {
        let why = limit.map { " (node limit \($0))" } ?? ""
        return [TextSegment("+\(hidden) more \(hidden == 1 ? "node" : "nodes") not drawn" + why, role: .warning)]
    }
}
