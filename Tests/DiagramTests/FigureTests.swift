import Canvas
@testable import Diagram
import Foundation
import IPAM
import Testing

/// The OpenStack figure as a person reads it: routing entries whole, boxes centred over their
/// connectors, every node wired to the network, and a legend that says what was simulated.
@Suite("OpenStack figure")
struct FigureTests {
    static let widths = [40, 60, 80, 100, 120, 160]

    /// The OpenStack samples and fixtures, by name.
    static func plans() throws -> [(String, Plan)] {
        var out: [(String, Plan)] = [
            ("figure", PlanFixtures.openStackFigure()), ("every-status", RenderingTests.withEveryRouteStatus()),
            ("long-routes", PlanFixtures.openStackLongRoutes()), ("large", PlanFixtures.openStackLarge(9, missingEvery: 4)),
        ]
        for sample in SampleGoldenTests.samples {
            let plan = try SampleGoldenTests.plan(sample)
            if plan.provider == .openstack { out.append((sample, plan)) }
        }
        return out
    }

    // MARK: Routing entries

    /// `text` occurs on `line` and is followed by a blank, a border or the line's end.
    private static func standsWhole(_ text: String, in line: String) -> Bool {
        var rest = line[...]
        while let r = rest.range(of: text) {
            let next = rest[r.upperBound...].first
            if next == nil || next == " " || next == "│" { return true }
            rest = rest[r.upperBound...]
        }
        return false
    }

    @Test("Every routing entry is drawn whole: on one line where the width allows, else split after the destination (and, for a next hop too wide for the box with `via`, after `via`)")
    func routesWhole() throws {
        for (name, plan) in try Self.plans() {
            for width in Self.widths {
                let lines = DiagramRenderer.render(plan, width: width).lines()
                for r in plan.routes {
                    let entry = "\(r.destination) via \(r.nexthop)"
                    // The widest list fits a full-width block (4 columns of frame and margin).
                    let fitsOneLine = plan.routes.map { "\($0.destination) via \($0.nexthop)".count }.max() ?? 0 <= width - 4
                    if lines.contains(where: { Self.standsWhole(entry, in: $0) }) { continue }
                    #expect(!fitsOneLine, "\(name) @\(width): \(entry) not on one line though it fits")
                    let split = lines.indices.dropLast().contains {
                        Self.standsWhole("\(r.destination)", in: lines[$0]) && Self.standsWhole("via \(r.nexthop)", in: lines[$0 + 1])
                    } || lines.indices.dropLast(2).contains {
                        Self.standsWhole("\(r.destination)", in: lines[$0]) && Self.standsWhole("via", in: lines[$0 + 1])
                            && Self.standsWhole("\(r.nexthop)", in: lines[$0 + 2]) && "  via \(r.nexthop)".count > width - 4
                    }
                    #expect(split, "\(name) @\(width): \(entry) not drawn whole")
                }
            }
        }
    }

    @Test("Entries too wide for the router box move to a block below the shoot, the box says so")
    func routesBelow() {
        let plan = PlanFixtures.openStackLongRoutes()
        let canvas = DiagramRenderer.render(plan, width: 80)
        let lines = canvas.lines()
        guard let note = lines.firstIndex(where: { $0.contains("4 routes below") }),
              let block = lines.firstIndex(where: { $0.contains("Routing Entries of Router v6 (router-v6)") }),
              let frameEnd = lines.lastIndex(where: { $0.hasPrefix("└") && $0.contains("Routing") == false && $0.hasSuffix("┘") }) else {
            Issue.record("no note or no block:\n\(canvas.text())")
            return
        }
        #expect(note < block)
        // The note is coloured by the most serious status (a missing route).
        #expect(canvas.roles(of: "4 routes below", row: note)?.allSatisfy { $0 == .error } == true)
        // Markers stand in their column, two blanks after the longest entry.
        let wrong = plan.routes[2]
        guard let row = canvas.row(containing: "\(wrong.destination) via \(wrong.nexthop)") else {
            Issue.record("wrong-next-hop route not listed")
            return
        }
        #expect(row > block && row < frameEnd)
        #expect(lines[row].contains("via \(wrong.nexthop)  ✗ wrong next hop, router has") || lines[row + 1].contains("  ✗ wrong next hop"))
        // At 160 the same entries stay with their router.
        let wide = DiagramRenderer.render(plan, width: 160).text()
        #expect(!wide.contains("routes below") && !wide.contains("Routing Entries of"))
    }

    @Test("The narrowest forms split an entry after its destination, the marker below")
    func splitForms() {
        let list = RouteList(PlanFixtures.openStackLongRoutes().routes, members: [0, 1, 2, 3], limit: nil)
        #expect(list.form(in: 200) == .oneLine)
        #expect(list.form(in: list.textWidth) == .markerBelow)
        #expect(list.form(in: list.textWidth - 1) == .split || list.form(in: list.textWidth - 1) == .splitMarkerBelow)
        #expect(list.form(in: list.destinationWidth) == .splitMarkerBelow)
        #expect(list.rowsPerRoute(in: list.destinationWidth) == 3)
        var planned = PlanFixtures.openStackLongRoutes()
        for i in planned.routes.indices { planned.routes[i].status = .planned }
        let plain = RouteList(planned.routes, members: [0, 1, 2, 3], limit: nil)
        #expect(plain.markerWidth == 0 && plain.rowsPerRoute(in: plain.textWidth) == 1 && plain.rowsPerRoute(in: plain.textWidth - 1) == 2)
    }

    // MARK: Geometry

    /// Columns of the corners of the box edge on row `y` that covers column `x`.
    private static func edge(_ c: Canvas, x: Int, y: Int, left: Character, right: Character) -> (Int, Int)? {
        guard y >= 0, y < c.height else { return nil }
        func ch(_ x: Int) -> Character { Character(c[x, y].scalar) }
        var l = x, r = x
        while l >= 0, ch(l) != left { if ch(l) == " " { return nil }; l -= 1 }
        while r < c.width, ch(r) != right { if ch(r) == " " { return nil }; r += 1 }
        return l >= 0 && r < c.width ? (l, r) : nil
    }

    @Test("Upstream and router boxes stand centred over their connectors")
    func centred() throws {
        for (name, plan) in try Self.plans() {
            for width in Self.widths {
                let c = DiagramRenderer.render(plan, width: width)
                guard let network = c.row(containing: "Network") else { continue }
                for y in 1..<network {
                    for x in 0..<c.width where c[x, y].scalar == "▲" {
                        // The box the connector points at, and the box it leaves from.
                        guard let above = Self.edge(c, x: x, y: y - 1, left: "└", right: "┘") else {
                            Issue.record("\(name) @\(width): ▲ at (\(x), \(y)) under no box")
                            continue
                        }
                        #expect(abs(2 * x - (above.0 + above.1)) <= 1, "\(name) @\(width): box \(above) above ▲ at \(x)")
                        var bottom = y + 1
                        while bottom < c.height, c[x, bottom].scalar == "│" { bottom += 1 }
                        if let below = Self.edge(c, x: x, y: bottom, left: "┌", right: "┐") {
                            #expect(abs(2 * x - (below.0 + below.1)) <= 1, "\(name) @\(width): box \(below) below ▲ at \(x)")
                        }
                    }
                }
            }
        }
    }

    // MARK: Wiring

    /// Directions a box-drawing character has arms in (up, down, left, right).
    private static func arms(_ s: Unicode.Scalar) -> (up: Bool, down: Bool, left: Bool, right: Bool) {
        switch s {
        case "│", "▲": (true, true, false, false)
        case "─": (false, false, true, true)
        case "┌": (false, true, false, true)
        case "┐": (false, true, true, false)
        case "└": (true, false, false, true)
        case "┘": (true, false, true, false)
        case "┬": (false, true, true, true)
        case "┴": (true, false, true, true)
        case "├": (true, true, false, true)
        case "┤": (true, true, true, false)
        case "┼": (true, true, true, true)
        default: (false, false, false, false)
        }
    }

    /// True when a line leads from the top of `node`'s port up to the network bar without
    /// passing through any node's box or port.
    static func wired(_ node: String, in d: Diagram, _ c: Canvas) -> Bool {
        guard let networkLabel = c.row(containing: "Network") else { return false }
        let networkBottom = networkLabel + 2
        let nodeRects = d.allElements().filter { if case .node = $0.ref { $0.shape == .box || $0.shape == .tab } else { false } }.map(\.rect)
        guard let port = d.rects(of: .node(node)).first(where: { $0.height == 2 }) else { return false }
        let start = (x: port.x + (port.width - 1) / 2, y: port.y)
        var seen: Set<[Int]> = [[start.x, start.y]]
        var queue = [start]
        while let p = queue.popLast() {
            let a = arms(c[p.x, p.y].scalar)
            let moves: [(Bool, Int, Int, KeyPath<(up: Bool, down: Bool, left: Bool, right: Bool), Bool>)] = [
                (a.up, 0, -1, \.down), (a.down, 0, 1, \.up), (a.left, -1, 0, \.right), (a.right, 1, 0, \.left),
            ]
            for (has, dx, dy, back) in moves where has {
                let n = (x: p.x + dx, y: p.y + dy)
                if n.y == networkBottom && dy == -1 && c[p.x, p.y].scalar == "▲" { return true }
                guard c.bounds.contains(x: n.x, y: n.y), !seen.contains([n.x, n.y]),
                      arms(c[n.x, n.y].scalar)[keyPath: back],
                      !nodeRects.contains(where: { $0.contains(x: n.x, y: n.y) }) else { continue }
                seen.insert([n.x, n.y])
                queue.append(n)
            }
        }
        return false
    }

    @Test("Every node's port is wired to the network, in every row")
    func everyNodeWired() throws {
        for (name, plan) in try Self.plans() {
            for width in Self.widths {
                let d = Diagram(plan: plan, width: width)
                var c = Canvas(width: d.width, height: d.height)
                d.draw(into: &c, viewport: d.bounds)
                for node in plan.nodes {
                    #expect(Self.wired(node.name, in: d, c), "\(name) @\(width): \(node.name) not wired to the network")
                }
            }
        }
    }

    @Test("Two nodes in one row keep the figure's wiring: no trunk, no bus")
    func figureUnchanged() {
        let text = DiagramRenderer.render(PlanFixtures.openStackFigure(), width: 160).text()
        #expect(!text.contains("┤") && text.components(separatedBy: "▲").count - 1 == 6)
    }

    // MARK: Legend

    @Test("The legend says what was simulated", arguments: [(true, false), (false, true), (true, true), (false, false)])
    func legend(ranges: Bool, nodes: Bool) {
        var plan = PlanFixtures.openStackFigure()
        if ranges { plan.networks[1].source = .simulated }
        if nodes {
            for i in plan.nodes.indices { plan.nodes[i].source = .simulated }
            plan.nodesSimulated = true
        }
        for width in [80, 160] {
            let text = DiagramRenderer.render(plan, width: width).text()
            #expect(text.contains("ranges made up offline as the provider would assign them") == ranges)
            #expect(text.contains("nodes planned from the workers' minimum (no node list given)") == nodes)
            #expect(text.contains("~ simulated: ") == (ranges || nodes))
            #expect(text.components(separatedBy: "simulated:").count - 1 == ((ranges || nodes) ? 1 : 0))
        }
    }
}
