import Canvas
import IPAM

/// A router's "Routing Entries:" list: `DEST via NEXTHOP` per route, its status marked
/// (`✗ missing`, `✗ wrong next hop`, `stale`, `ok`; planned routes plain), markers aligned
/// in a column. Beyond the limit the rest is counted by status in a "+N more routes" line.
///
/// Measured without building text; the route lines themselves are a ``RouteBlock``.
struct RouteList {
    static let header = TextSegment("Routing Entries:", role: .label)

    let routes: [PlannedRoute]
    /// Indices into `routes` of this router's routes, all of them.
    let members: [Int]
    let shown: Int
    /// Widest `DEST via NEXTHOP` of the shown routes.
    let textWidth: Int
    /// Widest status marker of the shown routes (0 when none has one).
    let markerWidth: Int
    let more: [TextSegment]?

    init(_ routes: [PlannedRoute], members: [Int], limit: Int?) {
        self.routes = routes
        self.members = members
        shown = min(members.count, limit ?? members.count)
        var text = 0, marker = 0
        for i in members.prefix(shown) {
            let r = routes[i]
            text = max(text, TextWidth.of(r.destination) + 5 + TextWidth.of(r.nexthop))
            marker = max(marker, Self.marker(r, ref: nil)?.naturalWidth ?? 0)
        }
        textWidth = text
        markerWidth = marker
        let hidden = members.count - shown
        if hidden > 0 {
            let rest = members.dropFirst(shown).lazy.map { routes[$0] }
            let serious = rest.contains { $0.status == .missing || $0.status == .wrongNexthop || $0.status == .stale }
            more = [TextSegment("+\(hidden) more \(hidden == 1 ? "route" : "routes") (\(PlanText.statusCounts(rest)))",
                                role: serious ? .warning : .dim)]
        } else {
            more = nil
        }
    }

    var isEmpty: Bool { members.isEmpty }
    var hidden: Int { members.count - shown }

    /// Columns the list needs on one line per route.
    var width: Int {
        guard !isEmpty else { return 0 }
        return max(Self.header.width, textWidth + (markerWidth > 0 ? 2 + markerWidth : 0), more?.width ?? 0)
    }

    /// Columns needed when markers go below their routes.
    var narrowWidth: Int {
        guard !isEmpty else { return 0 }
        return max(Self.header.width, textWidth, markerWidth + 2, more?.width ?? 0)
    }

    /// Rows per route when the list gets `width` columns: 2 when markers must wrap.
    func rowsPerRoute(in width: Int) -> Int {
        markerWidth > 0 && textWidth + 2 + markerWidth > width ? 2 : 1
    }

    func lineCount(rowsPerRoute: Int) -> Int {
        isEmpty ? 0 : 1 + shown * rowsPerRoute + (more == nil ? 0 : 1)
    }

    /// Places the header, the route lines (as a block) and the "+N more" line at (x, y)
    /// within `limit` columns.
    func place(x: Int, y: Int, limit: Int, into b: inout DiagramBuilder) {
        guard !isEmpty else { return }
        let rows = rowsPerRoute(in: limit)
        b.line([Self.header], x: x, y: y, limit: limit)
        b.add(RouteBlock(list: self, x: x, y: y + 1, limit: limit, rowsPerRoute: rows))
        if let more { b.line(more, x: x, y: y + 1 + shown * rows, limit: limit) }
    }

    static func role(_ s: RouteStatus) -> Role {
        switch s {
        case .planned: .address
        case .ok: .ok
        case .missing, .wrongNexthop: .error
        case .stale: .warning
        }
    }

    static func marker(_ r: PlannedRoute, ref: ObjectRef?) -> TextSegment? {
        switch r.status {
        case .planned: nil
        case .ok: TextSegment("ok", role: .ok, ref: ref)
        case .missing: TextSegment("missing", role: .error, ref: ref, glyph: .crossMark)
        case .stale: TextSegment("stale", role: .warning, ref: ref)
        case .wrongNexthop:
            TextSegment("wrong next hop" + (r.actualNexthop.map { ", router has \($0)" } ?? ""),
                        role: .error, ref: ref, glyph: .crossMark)
        }
    }
}

/// The shown routes of a ``RouteList``, one or two rows each.
struct RouteBlock: RepeatedBlock {
    let list: RouteList
    let x: Int
    let y: Int
    let limit: Int
    let rowsPerRoute: Int

    var count: Int { list.shown }
    var frame: Rect { Rect(x: x, y: y, width: limit, height: count * rowsPerRoute) }

    func items(intersecting rect: Rect) -> Range<Int> {
        rows(intersecting: rect, top: y, pitch: rowsPerRoute, perRow: 1)
    }

    func item(showing ref: ObjectRef) -> Int? {
        guard case .route(let router, let destination) = ref else { return nil }
        return list.members.prefix(count).firstIndex {
            list.routes[$0].router == router && list.routes[$0].destination == destination
        }
    }

    func emit(_ index: Int, into b: inout DiagramBuilder) {
        let r = list.routes[list.members[index]]
        let ref = ObjectRef.route(router: r.router, destination: r.destination)
        let text = TextSegment("\(r.destination) via \(r.nexthop)", role: RouteList.role(r.status), ref: ref,
                               minWidth: list.textWidth + 2)
        let row = y + index * rowsPerRoute
        guard let marker = RouteList.marker(r, ref: ref) else {
            b.line([text], x: x, y: row, limit: limit)
            return
        }
        if rowsPerRoute == 2 {
            b.line([text], x: x, y: row, limit: limit)
            b.line([.space(2), marker], x: x, y: row + 1, limit: limit)
        } else {
            b.line([text, marker], x: x, y: row, limit: limit)
        }
    }
}
