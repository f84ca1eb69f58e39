import Canvas
import IPAM

/// A router's "Routing Entries:" list: `DEST via NEXTHOP` per route, its status marked
/// (`✗ missing`, `✗ wrong next hop`, `stale`, `ok`; planned routes plain), markers aligned
/// in a column. Beyond the limit the rest is counted by status in a "+N more routes" line.
///
/// An entry is never cut where a narrower form fits: the marker goes below the entry, then
/// the next hop below the destination (see ``Form``). Measured without building text; the
/// route lines themselves are a ``RouteBlock``.
struct RouteList {
    static let header = TextSegment("Routing Entries:", role: .label)

    /// How the entries are written, widest first; every route of a list uses the same form.
    enum Form {
        /// `DEST via NEXTHOP  marker`.
        case oneLine
        /// `DEST via NEXTHOP`, then `  marker`.
        case markerBelow
        /// `DEST`, then `  via NEXTHOP  marker`.
        case split
        /// `DEST`, then `  via NEXTHOP`, then `  marker`.
        case splitMarkerBelow
        /// `DEST`, then `  via`, then `  NEXTHOP`, then `  marker`: for a next hop (an EUI-64
        /// address) wider than the box with `via` before it.
        case stacked

        /// Rows each route takes (without a marker, the marker rows are left out).
        func rows(hasMarkers: Bool) -> Int {
            switch self {
            case .oneLine: 1
            case .markerBelow: hasMarkers ? 2 : 1
            case .split: 2
            case .splitMarkerBelow: hasMarkers ? 3 : 2
            case .stacked: hasMarkers ? 4 : 3
            }
        }
    }

    /// Indent of a route's continuation lines.
    static let indent = 2
    /// Columns between an entry and its marker.
    static let markerGap = 2

    let routes: [PlannedRoute]
    /// Indices into `routes` of this router's routes, all of them.
    let members: [Int]
    let shown: Int
    /// Widest `DEST via NEXTHOP` of the shown routes.
    let textWidth: Int
    /// Widest `DEST` of the shown routes.
    let destinationWidth: Int
    /// Widest `via NEXTHOP` of the shown routes.
    let viaWidth: Int
    /// Widest status marker of the shown routes (0 when none has one).
    let markerWidth: Int
    let more: [TextSegment]?

    init(_ routes: [PlannedRoute], members: [Int], limit: Int?) {
        self.routes = routes
        self.members = members
        shown = min(members.count, limit ?? members.count)
        var destination = 0, via = 0, marker = 0
        for i in members.prefix(shown) {
            let r = routes[i]
            destination = max(destination, TextWidth.of(r.destination))
            via = max(via, 4 + TextWidth.of(r.nexthop))
            marker = max(marker, Self.marker(r, ref: nil)?.naturalWidth ?? 0)
        }
        destinationWidth = destination
        viaWidth = via
        textWidth = members.isEmpty ? 0 : destination + 1 + via
        markerWidth = marker
        let hidden = members.count - shown
        if hidden > 0 {
            // Statuses only: mapping to whole routes would copy each one.
            let rest = members.dropFirst(shown).lazy.map { routes[$0].status }
            more = [TextSegment("+\(hidden) more \(hidden == 1 ? "route" : "routes") (\(PlanText.statusCounts(rest)))",
                                role: Self.worstRole(rest))]
        } else {
            more = nil
        }
    }

    var isEmpty: Bool { members.isEmpty }
    var hidden: Int { members.count - shown }
    private var markerColumns: Int { markerWidth > 0 ? Self.markerGap + markerWidth : 0 }

    /// Columns the list needs on one line per route.
    var width: Int {
        guard !isEmpty else { return 0 }
        return max(Self.header.width, textWidth + markerColumns, more?.width ?? 0)
    }

    /// Columns needed to keep every `DEST via NEXTHOP` on one line (markers below them).
    var wholeWidth: Int {
        guard !isEmpty else { return 0 }
        return max(Self.header.width, textWidth, markerWidth > 0 ? Self.indent + markerWidth : 0)
    }

    /// The router box's note when the entries are listed in a block of their own: their
    /// number, coloured by the most serious status among them.
    var belowSummary: TextSegment {
        TextSegment("\(members.count) \(members.count == 1 ? "route" : "routes") below",
                    role: Self.worstRole(members.lazy.map { routes[$0].status }))
    }

    var belowSummaryWidth: Int { belowSummary.naturalWidth }

    /// The widest form that fits `width` columns (the last one when none does; it is cut visibly).
    func form(in width: Int) -> Form {
        if textWidth + markerColumns <= width { return .oneLine }
        if textWidth <= width && (markerWidth == 0 || Self.indent + markerWidth <= width) { return .markerBelow }
        if max(destinationWidth, Self.indent + viaWidth + markerColumns) <= width { return .split }
        if Self.indent + viaWidth <= width { return .splitMarkerBelow }
        return .stacked
    }

    func rowsPerRoute(in width: Int) -> Int { form(in: width).rows(hasMarkers: markerWidth > 0) }

    /// Lines the list takes in `width` columns, with or without its header line.
    func lineCount(in width: Int, header: Bool = true) -> Int {
        isEmpty ? 0 : (header ? 1 : 0) + shown * rowsPerRoute(in: width) + (more == nil ? 0 : 1)
    }

    /// Places the header (unless `header` is false), the route lines (as a block) and the
    /// "+N more" line at (x, y) within `limit` columns.
    func place(x: Int, y: Int, limit: Int, header: Bool = true, into b: inout DiagramBuilder) {
        guard !isEmpty else { return }
        var y = y
        if header {
            b.line([Self.header], x: x, y: y, limit: limit)
            y += 1
        }
        let block = RouteBlock(list: self, x: x, y: y, limit: limit, form: form(in: limit))
        b.add(block)
        if let more { b.line(more, x: x, y: y + shown * block.rowsPerRoute, limit: limit) }
    }

    /// The role of the most serious of `statuses` (dim when all are fine).
    static func worstRole(_ statuses: some Sequence<RouteStatus>) -> Role {
        var role = Role.dim
        for status in statuses {
            switch status {
            case .missing, .wrongNexthop: return .error
            case .stale: role = .warning
            case .ok, .planned: break
            }
        }
        return role
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

/// The shown routes of a ``RouteList``, each in the list's ``RouteList/Form``.
struct RouteBlock: RepeatedBlock {
    let list: RouteList
    let x: Int
    let y: Int
    let limit: Int
    let form: RouteList.Form

    var rowsPerRoute: Int { form.rows(hasMarkers: list.markerWidth > 0) }
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
        let role = RouteList.role(r.status)
        let indent = TextSegment.space(RouteList.indent)
        let gap = RouteList.markerGap
        var lines: [[TextSegment]]
        switch form {
        case .oneLine, .markerBelow:
            lines = [[TextSegment("\(r.destination) via \(r.nexthop)", role: role, ref: ref, minWidth: list.textWidth + gap)]]
        case .split, .splitMarkerBelow:
            lines = [[TextSegment("\(r.destination)", role: role, ref: ref)],
                     [indent, TextSegment("via \(r.nexthop)", role: role, ref: ref, minWidth: list.viaWidth + gap)]]
        case .stacked:
            lines = [[TextSegment("\(r.destination)", role: role, ref: ref)], [indent, TextSegment("via", role: role, ref: ref)],
                     [indent, TextSegment("\(r.nexthop)", role: role, ref: ref)]]
        }
        if let marker = RouteList.marker(r, ref: ref) {
            switch form {
            case .oneLine, .split: lines[lines.count - 1].append(marker)
            case .markerBelow, .splitMarkerBelow, .stacked: lines.append([indent, marker])
            }
        }
        let top = y + index * rowsPerRoute
        for (i, line) in lines.enumerated() { b.line(line, x: x, y: top + i, limit: limit) }
    }
}
