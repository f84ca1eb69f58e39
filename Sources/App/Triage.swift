import Addressing
import Canvas
import IPAM

/// What leads an operator to the problem: jumping from problem to problem, keeping the
/// selected row across re-plans, saying what undo and redo changed, and the help and
/// detail overlays' keys.
extension AppModel {
    // MARK: Undo and redo

    mutating func sayUndo() {
        guard let e = undo() else { return say("nothing to undo") }
        say("undid \(e.field.label(in: input)): \(shown(e.text)) → \(shown(e.previous))", .info)
    }

    mutating func sayRedo() {
        guard let e = redo() else { return say("nothing to redo") }
        say("redid \(e.field.label(in: input)): \(shown(e.previous)) → \(shown(e.text))", .info)
    }

    private func shown(_ text: String) -> String { text.isEmpty ? "(empty)" : SafeText.terminal(text, maxLength: 80) }

    // MARK: Problems, one key each

    /// `]` / `[`: the next / previous problem of the focused pane; in the topology and the
    /// spec, the next object a finding names (in the findings' order, root causes first).
    mutating func jumpToProblem(step: Int) {
        switch focus {
        case .diagnostics:
            let rows = diagnosticRows, diagnostics = plan.diagnostics
            jumpRow(.diagnostics, step: step) { row in
                switch rows[row] {
                case .group(_, let severity, _, _): severity > .info
                case .finding(let i), .member(let i): diagnostics[i].severity > .info
                }
            }
        case .nodes:
            let rows = nodeRows, nodes = plan.nodes, problems = nodeProblems, routes = nodeRouteStatus
            jumpRow(.nodes, step: step) { row in
                let name = nodes[rows[row]].name
                return problems[name] != nil || (routes[name]?.isProblem ?? false)
            }
        case .routes:
            let rows = routeRows
            jumpRow(.routes, step: step) { row in rows[row].status.isProblem }
        case .topology, .spec:
            jumpObject(step: step)
        }
    }

    /// Moves the pane's row to the next row (wrapping) for which `isProblem` holds.
    private mutating func jumpRow(_ pane: Pane, step: Int, _ isProblem: (Int) -> Bool) {
        let count = rowCount(pane)
        guard count > 0 else { return say("no rows") }
        let start = rows[pane] ?? 0
        for k in 1...count {
            let row = ((start + step * k) % count + count) % count
            if isProblem(row) {
                rows[pane] = row
                activate(pane, row: row, focusTopology: false)
                return
            }
        }
        say("no problems in this list", .ok)
    }

    /// The objects findings name that the topology draws, each once, in the findings' order.
    var problemTargets: [(ref: ObjectRef, finding: Int)] {
        var seen: Set<ObjectRef> = []
        var out: [(ObjectRef, Int)] = []
        for (i, d) in plan.diagnostics.enumerated() where d.severity > .info {
            guard let ref = d.objects.first(where: { diagram.rect(of: $0) != nil }), seen.insert(ref).inserted else { continue }
            out.append((ref, i))
        }
        return out
    }

    private mutating func jumpObject(step: Int) {
        let targets = problemTargets
        guard !targets.isEmpty else { return say("no problem is drawn in the topology", .ok) }
        let current = selection.flatMap { s in targets.firstIndex { $0.ref == s } }
        let k = current.map { (($0 + step) % targets.count + targets.count) % targets.count } ?? (step > 0 ? 0 : targets.count - 1)
        let target = targets[k]
        let d = plan.diagnostics[target.finding]
        select(target.ref)
        highlight = Set(d.objects)
        say("\(k + 1)/\(targets.count) \(d.severity.rawValue) [\(d.code)] \(d.message)", d.severity.role)
    }

    /// At start: when no object a finding names is in view, the first one is scrolled up
    /// just into view (the top of the figure stays as much as it can).
    mutating func revealFirstProblem() {
        let targets = problemTargets
        let view = layout.topology
        let shown = Rect(x: scrollX, y: scrollY, width: view.width, height: view.height)
        let rects = targets.compactMap { diagram.rect(of: $0.ref) }
        guard let first = rects.first, !rects.contains(where: { $0.intersects(shown) }) else { return }
        if first.maxY > scrollY + view.height { scrollY = first.maxY - view.height + 1 }
        if first.maxX > scrollX + view.width { scrollX = first.x - 2 }
        clampScroll()
    }

    // MARK: The selected row across re-plans

    /// What each list pane's selected row shows.
    enum RowIdentity: Equatable {
        case finding(DiagnosticCode, path: String, objects: [ObjectRef])
        case group(DiagnosticCode)
        case node(String)
        case route(String, IPPrefix)
    }

    func selectedRows() -> [Pane: RowIdentity] {
        var out: [Pane: RowIdentity] = [:]
        if let row = rows[.diagnostics], diagnosticRows.indices.contains(row) {
            switch diagnosticRows[row] {
            case .group(let code, _, _, _): out[.diagnostics] = .group(code)
            case .finding(let i), .member(let i):
                let d = plan.diagnostics[i]
                out[.diagnostics] = .finding(d.code, path: d.path, objects: d.objects)
            }
        }
        if let row = rows[.nodes], nodeRows.indices.contains(row) { out[.nodes] = .node(plan.nodes[nodeRows[row]].name) }
        if let row = rows[.routes], routeRows.indices.contains(row) { out[.routes] = .route(routeRows[row].router, routeRows[row].destination) }
        return out
    }

    /// Puts each pane's selection back on the row showing the same thing, when there still is one.
    mutating func restoreRows(_ selected: [Pane: RowIdentity]) {
        if let id = selected[.diagnostics], let row = diagnosticRows.firstIndex(where: { identity($0) == id }) { rows[.diagnostics] = row }
        if case .node(let name) = selected[.nodes], let row = nodeRows.firstIndex(where: { plan.nodes[$0].name == name }) { rows[.nodes] = row }
        if case .route(let router, let destination) = selected[.routes],
           let row = routeRows.firstIndex(where: { $0.router == router && $0.destination == destination }) {
            rows[.routes] = row
        }
    }

    private func identity(_ row: DiagnosticRow) -> RowIdentity {
        switch row {
        case .group(let code, _, _, _): return .group(code)
        case .finding(let i), .member(let i):
            let d = plan.diagnostics[i]
            return .finding(d.code, path: d.path, objects: d.objects)
        }
    }

    // MARK: Overlays

    /// The key list: ↑↓ PgUp PgDn scroll it, anything else closes it.
    mutating func handleHelp(_ key: Key, scroll: Int) -> [AppEffect] {
        let page = max(1, helpVisibleLines - 1)
        let last = max(0, helpLines.count - helpVisibleLines)
        switch key {
        case .up, .char("k"): mode = .help(scroll: max(0, scroll - 1))
        case .down, .char("j"): mode = .help(scroll: min(last, scroll + 1))
        case .pageUp: mode = .help(scroll: max(0, scroll - page))
        case .pageDown, .char(" "): mode = .help(scroll: min(last, scroll + page))
        default: mode = .normal
        }
        return []
    }

    /// A detail page: ↑↓ PgUp PgDn scroll, `c` copies its fix command, Esc / q / Enter close.
    mutating func handleDetail(_ key: Key, page: DetailPage) -> [AppEffect] {
        var page = page
        let step = max(1, detailBox.height - 4)
        let last = max(0, detailText(page).count - (detailBox.height - 2))
        switch key {
        case .up, .char("k"): page.scroll = max(0, page.scroll - 1)
        case .down, .char("j"): page.scroll = min(last, page.scroll + 1)
        case .pageUp: page.scroll = max(0, page.scroll - step)
        case .pageDown, .char(" "): page.scroll = min(last, page.scroll + step)
        case .home, .char("g"): page.scroll = 0
        case .end, .char("G"): page.scroll = last
        case .char("c"), .char("y"):
            guard let command = page.command else {
                say("nothing to copy: no fix command here", .info)
                return []
            }
            return [.copy(command)]
        case .escape, .enter, .char("q"), .left, .char("h"), .backspace:
            mode = .normal
            return []
        default: break
        }
        mode = .detail(page)
        return []
    }
}
