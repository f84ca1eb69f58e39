import Addressing
import Canvas
import Diagram
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

    /// The first object of finding `i` that the topology draws, if any.
    private func drawnObject(of i: Int) -> ObjectRef? {
        let d = plan.diagnostics[i]
        guard d.severity > .info else { return nil }
        return d.objects.first { diagram.rect(of: $0) != nil }
    }

    /// `]` / `[` in the topology: the next finding (in the findings' order, root causes
    /// first) with an object drawn, other than the one selected; that object is selected and
    /// the finding's objects highlighted. Looks at findings one by one from the last one
    /// jumped to, so a press costs a few lookups, not one per finding.
    private mutating func jumpObject(step: Int) {
        let count = plan.diagnostics.count
        guard count > 0 else { return say("no findings", .ok) }
        let start = problemCursor.map { min($0, count - 1) } ?? (step > 0 ? count - 1 : 0)
        for k in 1...count {
            let i = ((start + step * k) % count + count) % count
            guard let ref = drawnObject(of: i), ref != selection || count == 1 else { continue }
            problemCursor = i
            let d = plan.diagnostics[i]
            select(ref)
            highlight = Set(d.objects)
            say("finding \(i + 1) of \(count): \(d.severity.rawValue) [\(d.code)] \(d.message)", d.severity.role)
            return
        }
        say("no problem is drawn in the topology", .ok)
    }

    /// At start: when no object a finding names is in view, the first one drawn is scrolled
    /// up just into view (the top of the figure stays as much as it can).
    mutating func revealFirstProblem() {
        let problems = plan.problemObjects
        guard !problems.isEmpty else { return }
        let view = layout.topology
        let shown = Rect(x: scrollX, y: scrollY, width: view.width, height: view.height)
        if diagram.elements(intersecting: shown).contains(where: { $0.ref.map { problems[$0] != nil } ?? false }) { return }
        var first: Rect?
        for i in plan.diagnostics.indices {
            if let ref = drawnObject(of: i) { first = diagram.rect(of: ref); break }
        }
        guard let rect = first else { return }
        if rect.maxY > scrollY + view.height { scrollY = rect.maxY - view.height + 1 }
        if rect.maxX > scrollX + view.width { scrollX = rect.x - 2 }
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
        if page.scroll(key, box: detailBox) {
            mode = .detail(page)
            return []
        }
        switch key {
        case .char("c"), .char("y"):
            guard let command = page.command else {
                say("nothing to copy: no fix command here", .info)
                return []
            }
            return [.copy(command)]
        case .escape, .enter, .char("q"), .left, .char("h"), .backspace:
            mode = .normal
        default: break
        }
        return []
    }
}
