import Canvas
import Diagram
import IPAM
import Testing

@Suite("Diagram rendering")
struct RenderingTests {
    static let plans: [Plan] = [
        PlanFixtures.openStackFigure(), PlanFixtures.awsSimulated(), PlanFixtures.ipv4Only(),
        PlanFixtures.openStackLarge(12, missingEvery: 2), withEveryRouteStatus(),
    ]

    /// The figure plan with a route of every status on the IPv6 router.
    static func withEveryRouteStatus() -> Plan {
        var plan = PlanFixtures.openStackFigure()
        let a1 = plan.nodes[0].addresses[1], b4 = plan.nodes[1].addresses[1]
        plan.routes[0].status = .wrongNexthop
        plan.routes[0].actualNexthop = b4
        plan.routes.append(PlannedRoute(router: "router-v6", destination: PlanFixtures.prefix("2001:db8::4000:0:9:0/112"),
                                        nexthop: a1, status: .stale))
        plan.routes.append(PlannedRoute(router: "router-v6", destination: PlanFixtures.prefix("2001:db8::4000:0:a:0/112"),
                                        nexthop: a1, status: .ok))
        return plan
    }

    @Test("ASCII mode writes only ASCII", arguments: [40, 80, 160])
    func asciiOnly(width: Int) {
        for plan in Self.plans {
            let canvas = DiagramRenderer.render(plan, width: width, glyphs: .ascii)
            let text = canvas.text()
            let foreign = text.unicodeScalars.filter { !$0.isASCII }
            #expect(foreign.isEmpty, "\(plan.shootName) at \(width): \(String(String.UnicodeScalarView(foreign.prefix(10))))")
            #expect(text.contains("|") && text.contains("+-"))
        }
    }

    @Test("Every row fits the requested width", arguments: [40, 61, 80, 120, 160])
    func fitsWidth(width: Int) {
        for plan in Self.plans {
            let canvas = DiagramRenderer.render(plan, width: width)
            #expect(canvas.width == width)
            for line in canvas.lines() { #expect(CellWidth.of(line) <= width, "\(plan.shootName): \(line)") }
        }
    }

    @Test("Route status is marked and styled")
    func routeStatus() {
        let canvas = DiagramRenderer.render(Self.withEveryRouteStatus(), width: 160)
        let expectations: [(String, String, Role)] = [
            ("2001:db8::4000:0:1:0/112 via 2001:db8::b4", "✗ missing", .error),
            ("2001:db8:0:0:4000::/112 via 2001:db8::a1", "✗ wrong next hop, router has 2001:db8::b4", .error),
            ("2001:db8::4000:0:9:0/112 via 2001:db8::a1", "stale", .warning),
            ("2001:db8::4000:0:a:0/112 via 2001:db8::a1", "ok", .ok),
        ]
        for (route, marker, role) in expectations {
            guard let y = canvas.row(containing: route) else {
                Issue.record("route \(route) not drawn")
                continue
            }
            #expect(canvas.roles(of: route, row: y)?.allSatisfy { $0 == role } == true, "\(route)")
            #expect(canvas.roles(of: marker, row: y)?.allSatisfy { $0 == role } == true, "\(marker)")
        }
        // Without router state routes are plain planned entries, no markers.
        var planned = PlanFixtures.openStackFigure()
        for i in planned.routes.indices { planned.routes[i].status = .planned }
        planned.routesCompared = false
        let text = DiagramRenderer.render(planned, width: 160).text()
        #expect(text.contains("2001:db8::4000:0:1:0/112 via 2001:db8::b4"))
        #expect(!text.contains("missing") && !text.contains("✗"))
    }

    @Test("Simulated values are marked and explained")
    func simulated() {
        let canvas = DiagramRenderer.render(PlanFixtures.awsSimulated(), width: 160)
        let text = canvas.text()
        #expect(text.contains("~2600:1f18:4a3b:9c00::/56"))
        #expect(text.contains("~ simulated"))
        if let y = canvas.row(containing: "VPC prefixes:") {
            #expect(canvas.roles(of: "~2600:1f18:4a3b:9c00::/56", row: y)?.allSatisfy { $0 == .simulated } == true)
            #expect(canvas.roles(of: "10.250.0.0/16", row: y)?.allSatisfy { $0 == .address } == true)
        }
        // The legend stands inside the shoot frame, above its bottom edge.
        var planned = PlanFixtures.openStackFigure()
        for i in planned.nodes.indices { planned.nodes[i].source = .simulated }
        planned.nodesSimulated = true
        for width in [80, 160] {
            let lines = DiagramRenderer.render(planned, width: width).lines().filter { !$0.isEmpty }
            #expect(lines.dropLast().last?.hasPrefix("│ ~ simulated") == true, "\(lines.suffix(2))")
            #expect(lines.last?.hasPrefix("└──") == true)
        }
        let given = DiagramRenderer.render(PlanFixtures.openStackFigure(), width: 160).text()
        #expect(!given.contains("~"))
        #expect(!given.contains("simulated"))
    }

    @Test("Wide characters in node names keep boxes aligned", arguments: [80, 160])
    func wideCharacters(width: Int) {
        var plan = PlanFixtures.openStackFigure()
        plan.nodes[0].name = "節点-甲"
        plan.nodes[1].name = "ノード🚀-b4"
        let diagram = Diagram(plan: plan, width: width)
        var canvas = Canvas(width: diagram.width, height: diagram.height)
        diagram.draw(into: &canvas, viewport: diagram.bounds)
        let text = canvas.text()
        for node in plan.nodes {
            #expect(text.contains(node.name))
            guard let box = diagram.rect(of: .node(node.name)) else {
                Issue.record("no box for \(node.name)")
                continue
            }
            // In the exported text, both side walls stand at the box's columns on every row.
            for y in box.y..<box.maxY {
                let columns = canvas.columnsOfRow(y)
                for x in [box.x, box.maxX - 1] {
                    #expect(columns.contains { $0.column == x && "│┌┐└┘┴".unicodeScalars.contains($0.scalar) },
                            "\(node.name): row \(y) has no wall at column \(x): \(canvas.lines()[y])")
                }
            }
        }
        for line in canvas.lines() { #expect(CellWidth.of(line) <= width) }
    }

    @Test("Long names are cut with an ellipsis only when the width is too small")
    func truncation() {
        var plan = PlanFixtures.openStackFigure()
        let long = "shoot--garden--dual-stack-worker-pool-z1-5d7f8c9b6-abcde"
        plan.nodes[0].name = long
        let wide = DiagramRenderer.render(plan, width: 160).text()
        #expect(wide.contains(long))
        #expect(!wide.contains("…"))
        let narrow = DiagramRenderer.render(plan, width: 60)
        #expect(!narrow.text().contains(long))
        guard let y = narrow.row(containing: String(long.prefix(20))) else {
            Issue.record("the long name is not drawn at all")
            return
        }
        // The visible part is a prefix of the name followed directly by the ellipsis.
        let line = narrow.lines()[y]
        let cut = (20..<long.count).reversed().first { line.contains(String(long.prefix($0)) + "…") }
        #expect(cut != nil, "\(line)")
        let ascii = DiagramRenderer.render(plan, width: 60, glyphs: .ascii).text()
        #expect(ascii.contains(String(long.prefix(20))) && ascii.contains("..."))
    }

    @Test("Colour export carries the roles")
    func ansi() {
        let canvas = DiagramRenderer.render(PlanFixtures.openStackFigure(), width: 160)
        let lines = ANSIExport.lines(of: canvas, theme: .dark)
        let error = ANSIExport.sgr(Theme.dark.style(for: .error))
        #expect(lines.contains { $0.contains(error + "✗ missing") })
        let mono = ANSIExport.lines(of: canvas, theme: .monochrome).joined(separator: "\n")
        #expect(mono.contains("Routing Entries:"))
    }
}
