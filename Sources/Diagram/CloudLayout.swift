import Addressing
import Canvas
import IPAM
import Spec

/// AWS, GCP, Azure and other providers: the VPC frame with its prefixes and the service
/// ranges' origin, a frame per zone with its subnets and nodes, then the shoot properties.
struct CloudLayout {
    let plan: Plan
    let width: Int
    let nodeLimit: Int?

    /// The nodes and subnets of one zone (`zone == nil`: nodes without a zone).
    struct Zone: Sendable {
        var name: String?
        var subnets: [PlannedSubnet] = []
        var nodes: [Int] = []
        var hidden = 0
    }

    func layout(into b: inout DiagramBuilder, memo: inout DiagramMemo) -> (height: Int, hiddenNodes: Int) {
        let members = plan.shownNodes(limit: nodeLimit)
        let zones = memo.value(\.zones, for: ZoneKey(nodes: plan.nodes, subnets: plan.subnets, members: members)) { groupByZone(members: members) }
        // The zone frame names the zone; a shorter pod label keeps cards narrow.
        let options = NodeCard.Options(plan: plan, podLabel: "Pod CIDR:", showZone: false)
        let metrics = memo.value(\.nodeMetrics, for: NodeMetricsKey(nodes: plan.nodes, members: members, options: options)) {
            NodeMetrics(plan.nodes, members: members, options)
        }
        if metrics.anySimulated { b.noteSimulatedNodes() }
        let areaX = 5, areaWidth = width - 10
        let grid = NodeGrid(metrics, areaWidth: areaWidth, hasPort: false, preferFigure: false)
        // Cards of all zones share one set of columns.
        let columns = zones.map(\.nodes.count).max() ?? 1

        // VPC header.
        var y = 1
        for l in vpcLines() {
            b.line(l, x: 2, y: y, limit: width - 4)
            y += 1
        }
        y += 1
        if zones.isEmpty {
            b.text("no nodes", x: 2, y: y, role: .dim)
            y += 2
        }
        for zone in zones {
            let top = y
            let title = " " + (zone.name.map { "Zone " + $0 } ?? "No zone") + " "
            b.text(title, x: 4, y: top, width: min(CellWidth.of(title), width - 8), role: .title)
            y += 1
            for s in zone.subnets {
                b.line(subnetLine(s), x: 4, y: y, limit: width - 8)
                y += 1
            }
            if !zone.nodes.isEmpty {
                y += 1
                let block = NodeBlock(nodes: plan.nodes, members: zone.nodes, grid: grid, options: options,
                                      columns: columns, x: areaX, y: y)
                b.add(block)
                y += block.height
            } else if zone.hidden == 0 {
                b.text("no nodes", x: 4, y: y, role: .dim)
                y += 1
            }
            if zone.hidden > 0 {
                y += 1
                b.line(ShootProperties.moreNodes(zone.hidden, limit: nodeLimit), x: 4, y: y, limit: width - 8)
                y += 1
            }
            b.box(Rect(x: 2, y: top, width: width - 4, height: y + 1 - top))
            y += 2
        }
        b.box(Rect(x: 0, y: 0, width: width, height: y))
        b.text(" VPC ", x: 2, y: 0, width: min(5, width - 4), role: .title)

        // Shoot properties below the VPC.
        let propertiesTop = y + 1
        y = propertiesTop + 1
        var lines = ShootProperties.lines(plan)
        lines.removeFirst()
        for l in lines {
            b.line(l, x: 2, y: y, limit: width - 4)
            y += 1
        }
        for l in ShootProperties.legend(b.simulated, plan: plan) {
            b.line(l, x: 2, y: y, limit: width - 4)
            y += 1
        }
        b.box(Rect(x: 0, y: propertiesTop, width: width, height: y + 1 - propertiesTop))
        let title = " Shoot Properties" + (plan.shootName.isEmpty ? "" : " " + plan.shootName) + " "
        b.text(title, x: 2, y: propertiesTop, width: min(CellWidth.of(title), width - 4), role: .title)
        return (y + 1, plan.nodes.count - members.count)
    }

    // MARK: Content

    /// Zones in the order the subnets name them, then those only nodes name; nodes
    /// without a zone last. Only the nodes of `members` are placed (in that order), the rest
    /// counted.
    private func groupByZone(members: [Int]) -> [Zone] {
        var zones: [Zone] = []
        var position: [String: Int] = [:]
        func slot(_ name: String) -> Int {
            if let i = position[name] { return i }
            zones.append(Zone(name: name))
            position[name] = zones.count - 1
            return zones.count - 1
        }
        for s in plan.subnets {
            if let z = s.zone { zones[slot(z)].subnets.append(s) }
        }
        var unzoned = Zone(name: nil)
        var drawn = [Bool](repeating: false, count: plan.nodes.count)
        for i in members {
            drawn[i] = true
            if let z = plan.nodes[i].zone { zones[slot(z)].nodes.append(i) } else { unzoned.nodes.append(i) }
        }
        for i in plan.nodes.indices where !drawn[i] {
            if let z = plan.nodes[i].zone { zones[slot(z)].hidden += 1 } else { unzoned.hidden += 1 }
        }
        if !unzoned.nodes.isEmpty || unzoned.hidden > 0 { zones.append(unzoned) }
        return zones
    }

    private func vpcLines() -> [[TextSegment]] {
        var out: [[TextSegment]] = []
        var head = [TextSegment("Provider: ", role: .label), TextSegment(plan.providerName)]
        if let r = plan.region { head += [TextSegment("   Region: ", role: .label), TextSegment(r)] }
        out.append(head)
        var vpc = [TextSegment("VPC prefixes: ", role: .label)]
        if plan.vpc.isEmpty {
            vpc.append(TextSegment("none resolved", role: .dim))
        }
        for (i, r) in plan.vpc.enumerated() {
            if i > 0 { vpc.append(TextSegment(", ")) }
            vpc.append(PlanText.value("\(r.prefix)", source: r.source, ref: .network(r.kind, r.prefix)))
        }
        out.append(vpc)
        // Subnets without a zone belong to the whole VPC (e.g. one Azure subnet).
        for s in plan.subnets where s.zone == nil { out.append(subnetLine(s)) }
        for r in plan.ranges(.services) {
            out.append([TextSegment("Services " + PlanText.family(r.family) + ": ", role: .label),
                        PlanText.value("\(r.prefix)", source: r.source, ref: .network(.services, r.prefix)),
                        TextSegment("  " + serviceOrigin(r), role: .dim)])
        }
        return out
    }

    private func subnetLine(_ s: PlannedSubnet) -> [TextSegment] {
        var line = [TextSegment("Subnet ", role: .label), TextSegment(s.name + ": ", role: .label),
                    PlanText.value("\(s.prefix)", source: s.source, ref: .subnet(s.name))]
        if let pool = s.allocationPool {
            line += [TextSegment("  pool ", role: .label), PlanText.value("\(pool)", source: s.source, ref: .subnet(s.name))]
        }
        return line
    }

    /// Where a service range comes from, as far as the plan shows it: the spec or status,
    /// and the subnet or VPC holding it (GCP: its services subnet; AWS: a CIDR reservation in
    /// a worker subnet),
    /// else, for a range no one gave, a well-known prefix.
    private func serviceOrigin(_ r: PlannedRange) -> String {
        var parts: [String] = []
        switch r.source {
        case .spec: parts.append("from the spec")
        case .status: parts.append("from the shoot status")
        case .seedDefault: parts.append("from the seed's shoot defaults")
        case .settings: parts.append("from the settings")
        case .assumed: parts.append("assumed: no seed given")
        case .observed, .simulated: break
        }
        // Where a given range lies is a fact; for a simulated one it is how it was chosen.
        let given = !parts.isEmpty
        if let s = plan.subnets.first(where: { $0.prefix.contains(r.prefix) }) {
            switch (s.purpose, plan.provider) {
            case (.services, _) where r.prefix.network == s.prefix.network: parts.append("first /\(r.prefix.length) of subnet \(s.name)")
            case (_, .aws): parts.append("reserved in subnet \(s.name)")
            default: parts.append("inside subnet \(s.name)")
            }
        } else if plan.vpc.contains(where: { $0.prefix.contains(r.prefix) }) {
            parts.append(given ? "inside the VPC" : "reserved in the VPC")
        } else if !given {
            parts.append("well-known, not globally unique")
        }
        return parts.joined(separator: ", ")
    }

}
