import Canvas
import Diagram
import IPAM
import Testing

/// What the UI relies on: hit tests, scrolling to objects, viewport drawing, highlights.
@Suite("Diagram interaction")
struct InteractionTests {
    static let diagrams: [(String, Diagram)] = [
        ("figure", Diagram(plan: PlanFixtures.openStackFigure(), width: 160)),
        ("figure-narrow", Diagram(plan: PlanFixtures.openStackFigure(), width: 80)),
        ("aws", Diagram(plan: PlanFixtures.awsSimulated(), width: 120)),
        ("large", Diagram(plan: PlanFixtures.openStackLarge(40, missingEvery: 4), width: 140)),
    ]

    @Test("rect(of:) and hitTest(x:y:) agree for every object drawn")
    func roundTrip() {
        for (name, d) in Self.diagrams {
            let refs = Set(d.allElements().compactMap(\.ref))
            #expect(refs.count > 5, "\(name)")
            for ref in refs {
                guard let r = d.rect(of: ref) else {
                    Issue.record("\(name): no rect for \(ref)")
                    continue
                }
                #expect(d.bounds.intersection(r) == r, "\(name): \(ref) outside the diagram")
                #expect(d.hitTest(x: r.x, y: r.y) == ref, "\(name): hit test at the corner of \(ref)")
            }
        }
    }

    @Test("The objects a diagnostic names can be found")
    func diagnosticObjects() {
        let d = Self.diagrams[0].1
        let plan = PlanFixtures.openStackFigure()
        let missing = ObjectRef.route(router: "router-v6", destination: plan.routes[1].destination)
        let expected: [ObjectRef] = [
            .node("node-a1"), .node("node-b4"), .podCIDR(node: "node-b4", plan.nodes[1].podCIDRs[1]),
            .router("router-v6"), .subnet("shoot-v6"), missing,
            .network(.pods, plan.networks[3].prefix), .network(.services, plan.networks[5].prefix),
        ]
        for ref in expected { #expect(d.rect(of: ref) != nil, "\(ref)") }
        #expect(d.rect(of: .node("no-such-node")) == nil)
        #expect(d.hitTest(x: 0, y: 0) == nil)
        #expect(d.hitTest(x: -5, y: 3) == nil)
        #expect(d.hitTest(x: 3, y: d.height + 10) == nil)
        // Inside a node box but on no smaller object: the node.
        if let box = d.rect(of: .node("node-a1")) {
            #expect(d.hitTest(x: box.x + 1, y: box.y + 1) == .node("node-a1"))
        }
    }

    @Test("Drawing a viewport equals the same region of the full render")
    func viewports() {
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(max(1, n)))
        }
        for (name, d) in Self.diagrams {
            var full = Canvas(width: d.width, height: d.height)
            d.draw(into: &full, viewport: d.bounds)
            for _ in 0..<40 {
                let vp = Rect(x: next(d.width) - 10, y: next(d.height) - 10, width: 1 + next(90), height: 1 + next(40))
                var part = Canvas(width: vp.width, height: vp.height)
                d.draw(into: &part, viewport: vp)
                var expected = Canvas(width: vp.width, height: vp.height)
                expected.blit(full, from: vp, toX: max(0, -vp.x), toY: max(0, -vp.y))
                #expect(part.lines() == expected.lines(), "\(name): text of viewport \(vp)")
                let differing = part.cells.indices.first { part.cells[$0] != expected.cells[$0] }
                #expect(differing == nil, "\(name): viewport \(vp), first differing cell \(differing.map { ($0 % vp.width, $0 / vp.width) }.debugDescription)")
            }
        }
    }

    @Test("A viewport drawn at an offset stays inside its pane")
    func paneClipping() {
        let d = Self.diagrams[0].1
        var screen = Canvas(width: 100, height: 40)
        screen.clear(screen.bounds, role: .statusBar)
        let pane = Rect(x: 10, y: 5, width: 50, height: 20)
        d.draw(into: &screen, viewport: Rect(x: 30, y: 0, width: pane.width, height: pane.height), originX: pane.x, originY: pane.y)
        var touched = 0
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                let cell = screen[x, y]
                if pane.contains(x: x, y: y) {
                    if cell.role != .statusBar { touched += 1 }
                } else {
                    #expect(cell == Cell(" ", role: .statusBar), "cell (\(x), \(y)) outside the pane was drawn on")
                }
            }
        }
        #expect(touched > 50)
    }

    @Test("Highlighted and selected objects are painted, nothing else")
    func highlightAndSelection() {
        let plan = PlanFixtures.openStackFigure()
        let d = Diagram(plan: plan, width: 160)
        let missing = ObjectRef.route(router: "router-v6", destination: plan.routes[1].destination)
        var plain = Canvas(width: d.width, height: d.height)
        d.draw(into: &plain, viewport: d.bounds)
        var marked = Canvas(width: d.width, height: d.height)
        d.draw(into: &marked, viewport: d.bounds, highlight: [missing, .subnet("shoot-v6")], selection: .node("node-a1"))
        let painted = d.rects(of: missing) + d.rects(of: .subnet("shoot-v6"))
        let selected = d.rects(of: .node("node-a1"))
        #expect(!painted.isEmpty && !selected.isEmpty)
        for y in 0..<d.height {
            for x in 0..<d.width {
                let role = marked[x, y].role
                #expect(marked[x, y].scalar == plain[x, y].scalar)
                if selected.contains(where: { $0.contains(x: x, y: y) }) {
                    #expect(role == .selected)
                } else if painted.contains(where: { $0.contains(x: x, y: y) }) {
                    #expect(role == .highlight)
                } else {
                    #expect(role == plain[x, y].role, "(\(x), \(y))")
                }
            }
        }
    }
}
