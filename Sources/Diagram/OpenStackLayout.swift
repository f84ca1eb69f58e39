import Addressing
import Canvas
import IPAM
import Spec

/// The proposal's OpenStack figure: upstream networks, a router per family with its routing
/// entries, the subnets on the network bar, and the shoot frame with the nodes and the
/// shoot properties.
///
/// When the figure's side texts (subnet CIDRs left and right, routing entries beside the
/// router) do not fit the width, they move into the boxes ("narrow" form); routing entries
/// too wide for their router box even so are listed in a full-width block below the shoot.
/// Node rows after the first reach the network through bus lines and a trunk (``NodeBlock``).
struct OpenStackLayout {
    /// One family's upstream → router → subnet stack.
    struct Column {
        var family: IPFamily
        var router: PlannedRouter?
        var subnet: PlannedSubnet?
        var routes: RouteList
        var subnetLines: [[TextSegment]]
        /// Side texts go to this column's outer side in the figure form.
        var outerLeft = false
        /// The routing entries are listed in a block below the shoot, because the router box
        /// (narrow form) cannot hold them whole.
        var routesBelow = false
        // Placement, filled by `arrangeWide` / `arrangeNarrow`.
        var spine = 0
        var upstream = Rect(x: 0, y: 0, width: 0, height: 0)
        var routerBox = Rect(x: 0, y: 0, width: 0, height: 0)
        var subnetTab = Rect(x: 0, y: 0, width: 0, height: 0)

        var subnetLinesWidth: Int { subnetLines.map(\.width).max() ?? 0 }
        var subnetTitle: String { "Subnet " + PlanText.family(family) }
    }

    let plan: Plan
    let width: Int
    let nodeLimit: Int?
    let routeLimit: Int?

    static let upstreamHeight = 5
    static let routerWidth = 16
    static let subnetWidth = 28
    static let networkHeight = 5

    /// The rows every column shares, worked out once the columns are arranged.
    struct Rows {
        var wide: Bool
        var routerY: Int
        var routerHeight: Int
        var subnetY: Int
        var subnetHeight: Int
        var networkY: Int
        /// The shoot frame's top line.
        var frameY: Int
        var cardsTop: Int { frameY + 3 }
    }

    /// The figure in three phases: measure (columns, node cards), arrange (where each box and
    /// row goes), draw (infrastructure, then the shoot frame, then routes listed below).
    func layout(into b: inout DiagramBuilder, memo: inout DiagramMemo) -> (height: Int, hiddenNodes: Int, hiddenRoutes: Int) {
        // Measure.
        var (columns, hiddenRoutes) = measureColumns(memo: &memo)
        let members = plan.shownNodes(limit: nodeLimit)
        let shown = members.count
        let options = NodeCard.Options(plan: plan)
        let metrics = memo.value(\.nodeMetrics, for: NodeMetricsKey(nodes: plan.nodes, members: members, options: options)) {
            NodeMetrics(plan.nodes, members: members, options)
        }
        if metrics.anySimulated { b.noteSimulatedNodes() }
        var grid = NodeGrid(metrics, areaWidth: width - 4, hasPort: true, preferFigure: true)
        if grid.rowCount(shown) > 1 {
            // Later rows reach the network through bus lines and a trunk at the right: keep
            // room for the trunk and a row for each bus.
            grid = NodeGrid(metrics, areaWidth: width - 4 - NodeBlock.trunkRoom, hasPort: true, preferFigure: true, rowGap: 2)
        }

        // Arrange.
        let wide = arrangeWide(&columns)
        if !wide { arrangeNarrow(&columns) }
        let rows = self.rows(columns, wide: wide)

        // Draw.
        for c in columns {
            drawColumn(c, wide: wide, routerY: rows.routerY, routerHeight: rows.routerHeight, subnetY: rows.subnetY,
                       subnetHeight: rows.subnetHeight, networkY: rows.networkY, into: &b)
        }
        let nodes = NodeBlock(nodes: plan.nodes, members: members, grid: grid, options: options, x: 2, y: rows.cardsTop)
        b.add(nodes)
        drawNetwork(columns, rows: rows, nodes: nodes, into: &b)
        var y = drawShootContent(rows: rows, nodes: nodes, shown: shown, into: &b)
        y += 1
        for c in columns where c.routesBelow {
            y = placeRoutesBelow(c, top: y + 1, into: &b)
        }
        return (y, plan.nodes.count - shown, hiddenRoutes)
    }

    /// One column per family with its router, subnet and routing entries (remembered while
    /// routes and routers are unchanged), and the routes the route limit hides.
    private func measureColumns(memo: inout DiagramMemo) -> ([Column], hidden: Int) {
        var hiddenRoutes = 0
        let rangeFamilies = plan.ipFamilies.isEmpty ? plan.networks.map(\.family) + plan.subnets.map(\.prefix.family) : []
        let routeColumns = memo.value(\.routeColumns, for: RouteColumnsKey(routes: plan.routes, routers: plan.routers, ipFamilies: plan.ipFamilies,
                                                                         rangeFamilies: rangeFamilies, routeLimit: routeLimit)) {
            let families = families()
            return RouteColumns(families: families, routes: families.map { RouteList(plan.routes, members: routeIndices(of: $0), limit: routeLimit) })
        }
        var columns = zip(routeColumns.families, routeColumns.routes).map { f, routes -> Column in
            hiddenRoutes += routes.hidden
            // Routes naming a router the plan does not list still get a router box to stand at.
            let router = plan.routers.first { $0.family == f }
                ?? routes.members.first.map { PlannedRouter(name: plan.routes[$0].router, family: f, subnet: "", routeQuota: 0) }
            let subnet = plan.subnets.first { $0.prefix.family == f }
            return Column(family: f, router: router, subnet: subnet, routes: routes, subnetLines: subnet.map(subnetLines) ?? [])
        }
        if columns.count > 1 { columns[0].outerLeft = true }
        return (columns, hiddenRoutes)
    }

    /// The rows shared by all columns, from the arranged columns.
    private func rows(_ columns: [Column], wide: Bool) -> Rows {
        let hasRouters = columns.contains { $0.router != nil }
        let hasSubnets = columns.contains { $0.subnet != nil }
        let routerY = Self.upstreamHeight + 2
        let routerHeight = wide ? 5 : columns.map { c in
            c.routes.isEmpty || c.routesBelow ? 5 : 3 + c.routes.lineCount(in: c.routerBox.width - 4)
        }.max() ?? 5
        let routerBottom = routerY + routerHeight
        let entriesEnd = wide ? routerY + 1 + (columns.map { $0.routes.lineCount(in: $0.routes.width) }.max() ?? 0) : 0
        let subnetY = hasRouters ? max(routerBottom + 2, entriesEnd + 1) : routerY
        let subnetHeight = wide ? 2 : 2 + (columns.map(\.subnetLines.count).max() ?? 0)
        let networkY = hasSubnets ? subnetY + subnetHeight : subnetY
        return Rows(wide: wide, routerY: routerY, routerHeight: routerHeight, subnetY: subnetY, subnetHeight: subnetHeight,
                    networkY: networkY, frameY: networkY + Self.networkHeight + 2)
    }

    /// The network bar under the subnets and the connectors from it down to the nodes: one per
    /// first-row node, and a trunk the later rows' buses join.
    private func drawNetwork(_ columns: [Column], rows: Rows, nodes: NodeBlock, into b: inout DiagramBuilder) {
        var tees = nodes.firstRowConnectors
        let noNodes = tees.isEmpty
        if noNodes { tees = [width / 2] }
        let downLines = tees + (nodes.trunkX.map { [$0] } ?? [])
        // The network bar reaches past the subnets sitting on it and over every connector.
        var left = columns.map { min($0.upstream.x, $0.subnet == nil ? Int.max : $0.subnetTab.x - 2) }.min() ?? width / 2
        var right = columns.map { max($0.upstream.maxX, $0.subnet == nil ? 0 : $0.subnetTab.maxX + 2) }.max() ?? width / 2
        left = max(0, min(left, (downLines.min() ?? left) - 4))
        right = min(width, max(right, (downLines.max() ?? right) + 5))
        b.box(Rect(x: left, y: rows.networkY, width: right - left, height: Self.networkHeight))
        b.centered("Network", x: left, y: rows.networkY + 2, width: right - left)
        for c in columns where c.subnet != nil {
            b.glyph(.teeUp, x: c.subnetTab.x, y: rows.networkY)
            b.glyph(.teeUp, x: c.subnetTab.maxX - 1, y: rows.networkY)
        }
        for t in tees {
            b.connector(x: t, arrowY: rows.networkY + Self.networkHeight, joinY: rows.frameY, join: noNodes ? .teeUp : .junction)
            if !noNodes { b.verticalLine(x: t, from: rows.frameY + 1, to: rows.cardsTop) }
        }
        if let trunk = nodes.trunkX, let end = nodes.lastBusY {
            b.connector(x: trunk, arrowY: rows.networkY + Self.networkHeight, joinY: rows.frameY, join: .junction)
            b.verticalLine(x: trunk, from: rows.frameY + 1, to: end)
        }
        placeShootTitle(y: rows.frameY + 1, avoiding: downLines, into: &b)
    }

    /// The shoot frame's content below the cards (hidden-node count, properties, legend) and
    /// the frame itself; returns the frame's last row.
    private func drawShootContent(rows: Rows, nodes: NodeBlock, shown: Int, into b: inout DiagramBuilder) -> Int {
        var y = rows.cardsTop + nodes.height
        if plan.nodes.isEmpty {
            b.text("no nodes", x: 2, y: rows.cardsTop, role: .dim)
            y = rows.cardsTop + 1
        }
        let hiddenNodes = plan.nodes.count - shown
        if hiddenNodes > 0 {
            y += 1
            b.line(ShootProperties.moreNodes(hiddenNodes, limit: nodeLimit), x: 2, y: y, limit: width - 4)
            y += 1
        }
        y += 2
        for l in ShootProperties.lines(plan) {
            b.line(l, x: 2, y: y, limit: width - 4)
            y += 1
        }
        let legend = ShootProperties.legend(b.simulated, plan: plan)
        if !legend.isEmpty { y += 1 }
        for l in legend {
            b.line(l, x: 2, y: y, limit: width - 4)
            y += 1
        }
        b.box(Rect(x: 0, y: rows.frameY, width: width, height: y + 1 - rows.frameY))
        return y
    }

    // MARK: Content

    /// The plan's families, and any family a route or router is for, IPv4 first as in the figure.
    private func families() -> [IPFamily] {
        var fs = Set(plan.ipFamilies)
        if fs.isEmpty { fs.formUnion(plan.networks.map(\.family) + plan.subnets.map(\.prefix.family)) }
        fs.formUnion(plan.routers.map(\.family))
        // One pass noting which families occur, not a set insertion per route.
        var seen = (v4: false, v6: false)
        plan.routes.withUnsafeBufferPointer { routes in
            for i in routes.indices {
                if routes[i].destination.family == .v4 { seen.v4 = true } else { seen.v6 = true }
                if seen.v4 && seen.v6 { break }
            }
        }
        if seen.v4 { fs.insert(.v4) }
        if seen.v6 { fs.insert(.v6) }
        return fs.sorted()
    }

    /// The routes shown at `family`'s router: those whose destination is of that family (one
    /// router may carry both families' routes).
    /// When the list is cut at the route limit, the problem routes come first so none hides
    /// behind healthy ones; a list shown whole keeps the plan's order.
    private func routeIndices(of family: IPFamily) -> [Int] {
        // Through a buffer: subscripting the array would copy each route.
        let members = plan.routes.withUnsafeBufferPointer { routes in
            routes.indices.filter { routes[$0].destination.family == family }
        }
        guard let routeLimit, routeLimit < members.count else { return members }
        return PlannedRoute.problemsFirst(members, of: plan.routes)
    }

    private func subnetLines(_ s: PlannedSubnet) -> [[TextSegment]] {
        var out = [[TextSegment("CIDR: ", role: .label), PlanText.value("\(s.prefix)", source: s.source, ref: .subnet(s.name))]]
        if let pool = s.allocationPool {
            out.append([TextSegment("Allocation Pool: ", role: .label), PlanText.value("\(pool)", source: s.source, ref: .subnet(s.name))])
        }
        return out
    }

    // MARK: Horizontal arrangement

    /// The figure's form: fixed-size boxes on a spine per family, texts beside them.
    /// Returns false when that does not fit the width.
    private func arrangeWide(_ columns: inout [Column]) -> Bool {
        for upstreamWidth in [38, 32, 26] {
            var extents: [(min: Int, max: Int)] = []
            for c in columns {
                var lo = min(-upstreamWidth / 2, -7, -Self.subnetWidth / 2)
                var hi = max(upstreamWidth - upstreamWidth / 2, Self.routerWidth - 7, Self.subnetWidth - Self.subnetWidth / 2)
                if c.outerLeft {
                    if c.subnet != nil { lo = min(lo, -Self.subnetWidth / 2 - 2 - c.subnetLinesWidth) }
                    if !c.routes.isEmpty { lo = min(lo, -7 - 2 - c.routes.width) }
                } else {
                    if c.subnet != nil { hi = max(hi, Self.subnetWidth - Self.subnetWidth / 2 + 1 + c.subnetLinesWidth) }
                    if !c.routes.isEmpty { hi = max(hi, Self.routerWidth - 7 + 2 + c.routes.width) }
                }
                extents.append((lo, hi))
            }
            guard let first = extents.first, let last = extents.last else { return true }
            let step = upstreamWidth + 4
            let total = -first.min + step * (columns.count - 1) + last.max
            guard total <= width else { continue }
            let spine0 = (width - total) / 2 - first.min
            for i in columns.indices {
                let s = spine0 + i * step
                columns[i].spine = s
                columns[i].upstream = Rect(x: s - upstreamWidth / 2, y: 0, width: upstreamWidth, height: Self.upstreamHeight)
                columns[i].routerBox = Rect(x: s - 7, y: 0, width: Self.routerWidth, height: 0)
                columns[i].subnetTab = Rect(x: s - Self.subnetWidth / 2, y: 0, width: Self.subnetWidth, height: 0)
            }
            return true
        }
        return false
    }

    /// The narrow form: each column as wide as its widest box, texts inside the boxes and
    /// wrapped to them, every box centred on its column's spine. A router box whose column
    /// cannot keep its routing entries whole lists them in a block below the shoot instead.
    private func arrangeNarrow(_ columns: inout [Column]) {
        let gap = 2
        var widths = narrowWidths(columns, gap: gap)
        var moved = false
        for i in columns.indices where columns[i].router != nil && !columns[i].routes.isEmpty {
            if columns[i].routes.wholeWidth > min(widths[i], Self.routerWidth(columns[i])) - 4 {
                columns[i].routesBelow = true
                moved = true
            }
        }
        if moved { widths = narrowWidths(columns, gap: gap) }
        let room = width - 2
        var x = 1 + max(0, (room - widths.reduce(0, +) - gap * (columns.count - 1)) / 2)
        for i in columns.indices {
            let w = widths[i]
            let spine = x + w / 2
            // Boxes take the column's parity (one column wider if need be; bw < w then), so each
            // stands as far in from both sides of the column: centred on the spine, exactly
            // when the column's width is odd.
            func centred(_ bw: Int) -> Rect {
                let even = (w - bw) % 2 == 0 ? bw : bw + 1
                return Rect(x: x + (w - even) / 2, y: 0, width: even, height: 0)
            }
            columns[i].spine = spine
            // The upstream box keeps the figure's size above a wide router.
            var upstream = centred(min(w, 38))
            upstream.height = Self.upstreamHeight
            columns[i].upstream = upstream
            columns[i].routerBox = centred(min(w, Self.routerWidth(columns[i])))
            // A subnet tab stays one column inside its column, so the network bar's corners stay free.
            columns[i].subnetTab = centred(min(w - 2, Self.subnetWidth(columns[i])))
            columns[i].subnetLines = columns[i].subnetLines.flatMap { $0.wrapped(to: columns[i].subnetTab.width - 4) }
            x += w + gap
        }
    }

    /// Column widths of the narrow form: each column as wide as its widest box; when that is
    /// too wide, columns shrink toward the width their longest unbreakable text needs (widest
    /// first, so subnet texts wrap first), and only then below it (texts cut visibly).
    private func narrowWidths(_ columns: [Column], gap: Int) -> [Int] {
        // Columns share the width down to a router box each; below that the figure runs over.
        let floor = max(Self.routerWidth, min(20, (width - 2 - gap * (columns.count - 1)) / max(1, columns.count)))
        func widest(_ lines: [[TextSegment]]) -> Int { lines.flatMap { $0.map(\.naturalWidth) }.max() ?? 0 }
        var widths = columns.map { c in max(floor, Self.routerWidth(c), c.subnet == nil ? 0 : Self.subnetWidth(c) + 2) }
        let needs = columns.map { c in
            let routes = c.routesBelow ? c.routes.belowSummaryWidth : c.routes.wholeWidth
            return max(floor, c.router == nil ? 0 : 4 + routes,
                       c.subnet == nil ? 0 : 6 + max(CellWidth.of(c.subnetTitle), widest(c.subnetLines)))
        }
        var excess = widths.reduce(0, +) + gap * (columns.count - 1) - (width - 2)
        for limit in [needs, Array(repeating: floor, count: columns.count)] {
            while excess > 0, let i = widths.indices.filter({ widths[$0] > limit[$0] }).max(by: { widths[$0] < widths[$1] }) {
                let others = widths.indices.filter { $0 != i && widths[$0] > limit[$0] }.map { widths[$0] }.max() ?? limit[i]
                let cut = min(excess, widths[i] - max(limit[i], min(others, widths[i] - 1)))
                widths[i] -= max(1, cut)
                excess -= max(1, cut)
            }
        }
        // Odd widths where there is room, so the spine is the exact middle of the boxes.
        for i in widths.indices where widths[i] % 2 == 0 && excess < 0 {
            widths[i] += 1
            excess += 1
        }
        return widths
    }

    /// The router box's width in the narrow form: its routing entries on one line each, or
    /// the note that they are listed below.
    private static func routerWidth(_ c: Column) -> Int {
        guard c.router != nil else { return routerWidth }
        return max(routerWidth, 4 + (c.routesBelow ? c.routes.belowSummaryWidth : c.routes.width))
    }

    private static func subnetWidth(_ c: Column) -> Int { max(16, 4 + max(CellWidth.of(c.subnetTitle), c.subnetLinesWidth)) }

    // MARK: Drawing one column

    private func drawColumn(_ c: Column, wide: Bool, routerY: Int, routerHeight: Int, subnetY: Int, subnetHeight: Int,
                            networkY: Int, into b: inout DiagramBuilder) {
        b.box(c.upstream)
        b.centered("Upstream " + PlanText.family(c.family), x: c.upstream.x, y: 2, width: c.upstream.width)
        let lowerY = c.subnet != nil ? subnetY : networkY
        if let router = c.router {
            let box = Rect(x: c.routerBox.x, y: routerY, width: c.routerBox.width, height: wide ? 5 : routerHeight)
            let ref = ObjectRef.router(router.name)
            b.box(box, ref: ref)
            b.connector(x: c.spine, arrowY: Self.upstreamHeight, joinY: routerY)
            b.connector(x: c.spine, arrowY: box.maxY, joinY: lowerY)
            if wide {
                b.text("Router", x: box.x + 3, y: routerY + 2, role: .title, ref: ref)
                let x = max(0, c.outerLeft ? box.x - 2 - c.routes.width : box.maxX + 2)
                c.routes.place(x: x, y: routerY + 1, limit: c.outerLeft ? box.x - 2 - x : width - x, into: &b)
            } else {
                b.text("Router", x: box.x + 2, y: routerY + (c.routes.isEmpty || c.routesBelow ? 2 : 1), width: min(6, box.width - 4), role: .title, ref: ref)
                if c.routesBelow {
                    b.line([c.routes.belowSummary], x: box.x + 2, y: routerY + 3, limit: box.width - 4)
                } else {
                    c.routes.place(x: box.x + 2, y: routerY + 2, limit: box.width - 4, into: &b)
                }
            }
        } else {
            b.connector(x: c.spine, arrowY: Self.upstreamHeight, joinY: lowerY)
        }
        guard let subnet = c.subnet else { return }
        let tab = Rect(x: c.subnetTab.x, y: subnetY, width: c.subnetTab.width, height: subnetHeight)
        let ref = ObjectRef.subnet(subnet.name)
        b.tab(tab, ref: ref)
        b.centered(c.subnetTitle, x: tab.x + 1, y: subnetY + 1, width: tab.width - 2, ref: ref)
        if wide {
            let x = c.outerLeft ? tab.x - 2 - c.subnetLinesWidth : tab.maxX + 1
            for (i, l) in c.subnetLines.enumerated() {
                b.line(l, x: max(0, x), y: subnetY + i, limit: width - max(0, x))
            }
        } else {
            for (i, l) in c.subnetLines.enumerated() {
                b.line(l, x: tab.x + 2, y: subnetY + 2 + i, limit: tab.width - 4)
            }
        }
    }

    /// A full-width box at `top` listing the routing entries of `c`'s router, for a router box
    /// too narrow to hold them whole. Returns the row below it.
    private func placeRoutesBelow(_ c: Column, top: Int, into b: inout DiagramBuilder) -> Int {
        let limit = width - 4
        let lines = c.routes.lineCount(in: limit, header: false)
        b.box(Rect(x: 0, y: top, width: width, height: lines + 2))
        let name = c.router?.name ?? ""
        let title = " Routing Entries of Router " + PlanText.family(c.family) + (name.isEmpty ? "" : " (\(name))") + " "
        b.text(title, x: 2, y: top, width: min(CellWidth.of(title), limit), role: .title, ref: c.router.map { .router($0.name) })
        c.routes.place(x: 2, y: top + 1, limit: limit, header: false, into: &b)
        return top + lines + 2
    }

    /// "Shoot NAME" in the frame's first row, in the gap between connectors nearest the middle.
    private func placeShootTitle(y: Int, avoiding xs: [Int], into b: inout DiagramBuilder) {
        let title = plan.shootName.isEmpty ? "Shoot" : "Shoot " + plan.shootName
        let w = CellWidth.of(title)
        let edges = [0] + xs.sorted() + [width - 1]
        var best: (lo: Int, hi: Int)?
        for (lo, hi) in zip(edges, edges.dropFirst()) where hi - lo - 3 >= w || best == nil {
            let mid = width / 2
            let fits = hi - lo - 3 >= w
            guard let current = best else { best = (lo, hi); continue }
            let currentFits = current.hi - current.lo - 3 >= w
            let closer = abs((lo + hi) / 2 - mid) < abs((current.lo + current.hi) / 2 - mid)
            if (fits && !currentFits) || (fits == currentFits && closer) { best = (lo, hi) }
        }
        guard let gap = best else { return }
        let room = gap.hi - gap.lo - 3
        b.text(title, x: gap.lo + 2 + max(0, (room - w) / 2), y: y, width: min(w, max(1, room)), role: .title)
    }
}
