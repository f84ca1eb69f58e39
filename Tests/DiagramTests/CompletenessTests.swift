import Canvas
import Diagram
import IPAM
import Spec
import Testing

/// Nothing is cut off silently: every node and pod prefix is drawn or counted.
@Suite("Diagram completeness")
struct CompletenessTests {
    static let cases: [(nodes: Int, limit: Int?)] = [(0, nil), (1, nil), (2, nil), (3, 2), (7, nil), (25, 10), (60, 0), (60, 59), (130, 200)]

    /// Every node's name and pod prefixes appear, or the node is counted in "+N more nodes";
    /// every route is listed or counted in "+N more routes".
    func checkAccounted(_ plan: Plan, width: Int, limit: Int?) {
        let diagram = Diagram(plan: plan, width: width, nodeLimit: limit)
        var canvas = Canvas(width: diagram.width, height: diagram.height)
        diagram.draw(into: &canvas, viewport: diagram.bounds)
        let text = canvas.text()
        var missing = 0
        for node in plan.nodes {
            if text.contains(node.name) {
                for p in node.podCIDRs {
                    #expect(text.contains("\(p)"), "pod prefix \(p) of \(node.name) not drawn (width \(width))")
                }
            } else {
                missing += 1
            }
        }
        let counted = moreCounts(text, what: "node").reduce(0, +)
        #expect(missing == counted, "\(plan.nodes.count) nodes, limit \(String(describing: limit)), width \(width)")
        #expect(diagram.hiddenNodeCount == counted)
        if let limit { #expect(plan.nodes.count - missing == min(limit, plan.nodes.count)) } else { #expect(missing == 0) }
        // "no nodes" only for a shoot without nodes (or, on clouds, a zone without nodes), never for hidden ones.
        if plan.nodes.isEmpty || plan.provider == .openstack {
            #expect(text.contains("no nodes") == plan.nodes.isEmpty, "\(plan.nodes.count) nodes, limit \(String(describing: limit))")
        }
        let unlisted = plan.routes.filter { !text.contains("\($0.destination) via \($0.nexthop)") }.count
        #expect(unlisted == moreCounts(text, what: "route").reduce(0, +))
    }

    @Test("OpenStack nodes, pods and routes are drawn or counted", arguments: [80, 160])
    func openStack(width: Int) {
        for c in Self.cases {
            checkAccounted(PlanFixtures.openStackLarge(c.nodes, missingEvery: 3), width: width, limit: c.limit)
        }
    }

    @Test("Cloud nodes and pods are drawn or counted per zone", arguments: [80, 160])
    func cloud(width: Int) {
        for c in Self.cases {
            checkAccounted(PlanFixtures.awsLarge(c.nodes), width: width, limit: c.limit)
            let spread = PlanFixtures.awsSimulated(nodesPerZone: [c.nodes, c.nodes / 2, 1], zones: ["a", "b", "c"])
            checkAccounted(spread, width: width, limit: c.limit)
        }
    }

    @Test("A 1,000-node shoot wraps predictably and stays bounded with a node limit")
    func thousandNodes() {
        let width = 160
        func height(_ n: Int, limit: Int? = nil) -> Int { Diagram(plan: PlanFixtures.awsLarge(n), width: width, nodeLimit: limit).height }
        let full = DiagramRenderer.render(PlanFixtures.awsLarge(1000), width: width, nodeLimit: nil)
        guard let firstRow = full.row(containing: "worker-0000") else {
            Issue.record("first node not drawn")
            return
        }
        let perRow = full.lines()[firstRow].components(separatedBy: "worker-").count - 1
        #expect(perRow >= 2)
        let rowHeight = height(perRow + 1) - height(1)
        #expect(rowHeight > 0)
        func predicted(_ n: Int) -> Int { height(1) + ((n + perRow - 1) / perRow - 1) * rowHeight }
        #expect(full.height == predicted(1000))
        #expect(height(1000) == predicted(1000))

        let limited = Diagram(plan: PlanFixtures.awsLarge(1000), width: width, nodeLimit: 200)
        #expect(limited.hiddenNodeCount == 800)
        #expect(limited.height <= predicted(200) + 3)
        #expect(limited.height < full.height / 4)

        // OpenStack also lists a route per node: limited to the node limit as well.
        let openStack = Diagram(plan: PlanFixtures.openStackLarge(1000, missingEvery: 7), width: width, nodeLimit: 200)
        #expect(openStack.hiddenNodeCount == 800)
        #expect(openStack.hiddenRouteCount == 800)
        #expect(openStack.height < 200 + predicted(200) + 40)
    }

    @Test("A plan without nodes, subnets or routers still draws")
    func emptyPlans() {
        for provider in ProviderType.allCases {
            var plan = Plan(shootName: "empty", provider: provider, providerName: provider.rawValue)
            plan.ipFamilies = [.v6]
            let text = DiagramRenderer.render(plan, width: 80).text()
            #expect(text.contains("no nodes"))
            #expect(text.contains("Shoot Properties"))
        }
    }
}
