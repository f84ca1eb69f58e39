import Canvas
import IPAM

/// A router's "Routing Entries:" list: `DEST via NEXTHOP` per route, its status marked
/// (`✗ missing`, `✗ wrong next hop`, `stale`, `ok`; planned routes plain).
enum RouteEntries {
    /// The header line, one line per route up to `limit`, and a "+N more routes" line
    /// counting the rest by status. Returns the lines and how many routes were left out.
    static func lines(_ routes: [PlannedRoute], limit: Int?) -> (lines: [[TextSegment]], hidden: Int) {
        guard !routes.isEmpty else { return ([], 0) }
        let shown = routes.prefix(limit ?? routes.count)
        var texts: [String] = []
        texts.reserveCapacity(shown.count)
        var column = 0
        for r in shown {
            let t = "\(r.destination) via \(r.nexthop)"
            column = max(column, CellWidth.of(t))
            texts.append(t)
        }
        var out: [[TextSegment]] = [[TextSegment("Routing Entries:", role: .label)]]
        out.reserveCapacity(shown.count + 2)
        for (r, t) in zip(shown, texts) {
            let ref = ObjectRef.route(router: r.router, destination: r.destination)
            var line = [TextSegment(t, role: role(r.status), ref: ref, minWidth: column + 2)]
            if let m = marker(r, ref: ref) { line.append(m) }
            out.append(line)
        }
        let hidden = routes.count - shown.count
        if hidden > 0 {
            let rest = routes.dropFirst(shown.count)
            let serious = rest.contains { $0.status == .missing || $0.status == .wrongNexthop || $0.status == .stale }
            out.append([TextSegment("+\(hidden) more \(hidden == 1 ? "route" : "routes") (\(PlanText.statusCounts(rest)))", role: serious ? .warning : .dim)])
        }
        return (out, hidden)
    }

    static func role(_ s: RouteStatus) -> Role {
        switch s {
        case .planned: .address
        case .ok: .ok
        case .missing, .wrongNexthop: .error
        case .stale: .warning
        }
    }

    private static func marker(_ r: PlannedRoute, ref: ObjectRef) -> TextSegment? {
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
