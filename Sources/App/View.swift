import Canvas
import Diagram
import IPAM
import Spec

extension AppModel {
    /// Draws the whole screen.
    public func view() -> Canvas {
        var c = Canvas(width: width, height: height, glyphs: glyphs)
        if isTooSmall {
            drawTooSmall(&c)
            return c
        }
        let l = layout
        drawTitle(&c)
        c.clear(l.topology)
        diagram.draw(into: &c, viewport: Rect(x: scrollX, y: scrollY, width: l.topology.width, height: l.topology.height),
                     originX: l.topology.x, originY: l.topology.y, highlight: highlight, selection: selection)
        drawTabs(&c, row: l.tabs)
        drawScrollHint(&c, l.topology, row: l.tabs)
        drawPanel(&c, l.panel)
        drawMessageLine(&c, row: l.message)
        drawHints(&c, row: l.hints)
        switch mode {
        case .help(let scroll): drawHelp(&c, scroll: scroll)
        case .detail(let page): drawDetail(&c, page)
        case .confirmQuit:
            drawDialog(&c, title: "Unsaved edits", lines: ["\(edits.count) unsaved edit\(edits.count == 1 ? "" : "s") to \(file).", "",
                                                           "y  save and quit", "n  quit without saving", "Esc  keep editing"])
        case .confirmReload:
            drawDialog(&c, title: "File changed on disk", lines: ["\(file) is not what was loaded.", "",
                                                                  "r  reload it (drops your edits)", "o  overwrite it with your version",
                                                                  "Esc  keep editing"])
        case .confirmRecovery:
            drawDialog(&c, title: "Unsaved edits found", lines: ["\(pendingRecovery.count) edit(s) of an earlier session were not saved:",
                                                                 "\(recoveryOffer ?? "")", "",
                                                                 "r  replay them (then w saves)", "d  discard them", "Esc  decide later"])
        default: break
        }
        return c
    }

    /// Where the terminal cursor goes (on the edit, command or filter line), if anywhere.
    public var cursorPosition: (x: Int, y: Int)? {
        guard !isTooSmall else { return nil }
        switch mode {
        case .editing(let field, let line):
            return (min(width - 1, editLineStart(field) + line.cursorColumn), layout.message)
        case .command(let line), .filter(let line): return (min(width - 1, 1 + line.cursorColumn), layout.hints)
        default: return nil
        }
    }

    private func drawTooSmall(_ c: inout Canvas) {
        let lines = ["Terminal too small", "need \(Self.minimumWidth)×\(Self.minimumHeight), have \(width)×\(height)", "enlarge it, or q to quit"]
        for (i, line) in lines.enumerated() {
            let y = height / 2 - 1 + i
            c.put(line, x: max(0, (width - CellWidth.of(line)) / 2), y: y, role: i == 0 ? .warning : .plain, maxWidth: width)
        }
    }

    private func drawTitle(_ c: inout Canvas) {
        c.clear(Rect(x: 0, y: 0, width: width, height: 1), role: .statusBar)
        let counts = SeverityCounts(plan.diagnostics)
        let errors = counts.errors, warnings = counts.warnings
        let families = plan.ipFamilies.map(\.description).joined(separator: "+")
        var title = " shootnet  \(SafeText.terminal(plan.shootName, maxLength: 60)) · \(SafeText.terminal(plan.providerName, maxLength: 20))"
        if let r = plan.region { title += " \(SafeText.terminal(r, maxLength: 30))" }
        title += " · \(families) · \(plan.nodes.count) node\(plan.nodes.count == 1 ? "" : "s")"
        if plan.nodesSimulated { title += " (simulated)" }
        // The state on the right (modified, counts) always shows; the title gives way.
        var right = ""
        if readOnly { right += "read-only  " }
        if isDirty { right += "● modified  " }
        if changedOnDisk { right += "changed on disk  " }
        right += "\(errors)E \(warnings)W "
        let x = max(0, width - CellWidth.of(right))
        c.put(title, x: 0, y: 0, role: .statusBar, maxWidth: max(0, x - 1))
        c.put(right, x: x, y: 0, role: errors > 0 ? .error : warnings > 0 ? .warning : .statusBar, maxWidth: width)
    }

    private func drawScrollHint(_ c: inout Canvas, _ area: Rect, row: Int) {
        // Say what lies beyond the edges: nothing is cut off silently.
        var parts: [String] = []
        if scrollY > 0 { parts.append("↑\(scrollY)") }
        let below = diagram.height - (scrollY + area.height)
        if below > 0 { parts.append("↓\(below)") }
        if scrollX > 0 { parts.append("←\(scrollX)") }
        let right = diagram.width - (scrollX + area.width)
        if right > 0 { parts.append("→\(right)") }
        guard !parts.isEmpty else { return }
        let text = " more: " + parts.joined(separator: " ") + " "
        let x = area.maxX - CellWidth.of(text) - 1
        let tabsEnd = tabTitles().last.map { $0.x + CellWidth.of($0.text) } ?? 0
        if x > tabsEnd { c.put(text, x: x, y: row, role: .dim) }
    }

    func tabTitles() -> [(pane: Pane, text: String, x: Int)] {
        var x = 1
        var out: [(Pane, String, Int)] = []
        for pane in Pane.allCases {
            var text = " \(pane.rawValue + 1) \(pane.title)"
            switch pane {
            case .diagnostics: text += " (\(plan.diagnostics.count))"
            case .nodes: text += " (\(nodeRows.count)\(nodeFilter.isEmpty ? "" : "/\(plan.nodes.count)"))"
            case .routes:
                text += routeProblemCount > 0 ? " (\(routeProblemCount)!)" : " (\(plan.routes.count))"
            default: break
            }
            text += " "
            out.append((pane, text, x))
            x += CellWidth.of(text) + 1
        }
        return out
    }

    func tabHit(x: Int) -> Pane? {
        tabTitles().first { x >= $0.x && x < $0.x + CellWidth.of($0.text) }?.pane
    }

    private func drawTabs(_ c: inout Canvas, row: Int) {
        c.horizontalLine(x: 0, y: row, length: width, role: .frame)
        for tab in tabTitles() {
            let role: Role = tab.pane == focus ? .selected : (tab.pane == panel ? .title : .dim)
            c.put(tab.text, x: tab.x, y: row, role: role)
        }
    }

    /// The first row shown in a list pane so the selected row stays visible.
    func panelScrollRow(_ pane: Pane) -> Int {
        let rowsHigh = max(1, layout.panel.height - 1 - (pane == .diagnostics ? diagnosticDetailLines : 0))
        // One row less when the list is cut: the last one says how many more there are.
        let visible = rowCount(pane) > rowsHigh ? max(1, rowsHigh - 1) : rowsHigh
        let selected = rows[pane] ?? 0
        return max(0, selected - visible + 1)
    }

    /// Lines under the diagnostics list for the selected finding, wrapped.
    var diagnosticDetailLines: Int { layout.panel.height >= 9 ? 2 : 1 }

    private func drawPanel(_ c: inout Canvas, _ area: Rect) {
        c.clear(area)
        switch panel {
        case .spec: drawSpec(&c, area)
        case .diagnostics, .topology: drawDiagnostics(&c, area)
        case .nodes: drawNodes(&c, area)
        case .routes: drawRoutes(&c, area)
        }
    }

    private func drawRows(_ c: inout Canvas, _ area: Rect, pane: Pane, header: String, count: Int, height: Int? = nil,
                          row: (Int) -> [(String, Role)]) {
        let filter = self.filter(pane)
        c.put(header, x: 1, y: area.y, role: .label, maxWidth: area.width - 2)
        if !filter.isEmpty {
            let text = " /\(SafeText.terminal(filter, maxLength: 30)): \(count) "
            c.put(text, x: max(1, area.maxX - CellWidth.of(text) - 1), y: area.y, role: .input)
        }
        let rowsHigh = max(0, (height ?? area.height) - 1)
        let first = panelScrollRow(pane)
        if count == 0 {
            c.put(filter.isEmpty ? "(none)" : "(nothing matches /\(SafeText.terminal(filter, maxLength: 40)); / then Esc clears it)",
                  x: 2, y: area.y + 1, role: .dim, maxWidth: area.width - 3)
            return
        }
        // The "+N more" marker gets a row of its own, never painted over a row's text.
        let cut = first + rowsHigh < count
        let visible = cut ? max(0, rowsHigh - 1) : rowsHigh
        for i in 0..<visible {
            let index = first + i
            guard index < count else { break }
            let y = area.y + 1 + i
            var x = 1
            for (text, role) in row(index) {
                x += c.put(text, x: x, y: y, role: role, maxWidth: max(0, area.maxX - x - 1))
            }
            if index == (rows[pane] ?? 0) && focus == pane {
                c.paint(Rect(x: 0, y: y, width: area.width, height: 1), role: .selected)
            }
        }
        if cut {
            c.put("+\(count - first - visible) more (PgDn, G, / filters)", x: 2, y: area.y + 1 + visible, role: .dim, maxWidth: area.width - 3)
        }
    }

    private func drawSpec(_ c: inout Canvas, _ area: Rect) {
        let fields = self.fields
        let labelWidth = min(28, (fields.map { CellWidth.of($0.label(in: input)) }.max() ?? 10) + 2)
        drawRows(&c, area, pane: .spec, header: "FIELD" + String(repeating: " ", count: max(1, labelWidth - 5)) + "VALUE   (Enter edits, u undoes)",
                 count: fields.count) { i in
            let f = fields[i]
            let label = f.label(in: input)
            let text = f.text(in: input)
            let pad = String(repeating: " ", count: max(1, labelWidth - CellWidth.of(label)))
            if text.isEmpty { return [(label + pad, .label), (f.placeholder, .dim)] }
            let bad: Bool
            if case .networks(let k) = f { bad = input.shoot.networking[k].contains { $0.family == nil } } else { bad = false }
            return [(label + pad, .label), (SafeText.terminal(text), bad ? .error : .plain)]
        }
    }

    private func drawDiagnostics(_ c: inout Canvas, _ area: Rect) {
        let ds = plan.diagnostics
        let rows = diagnosticRows
        let detail = diagnosticDetailLines
        let mark: (Severity) -> (String, Role) = { s in
            let text = switch s {
            case .error: "✗ error  "
            case .warning: "! warning"
            case .info: "i info   "
            }
            return (text, s.role)
        }
        // The code column fits the longest code listed (a group adds " ×N").
        let codeWidth = min(40, max(20, width / 3), max(28, ds.map { CellWidth.of($0.code.rawValue) }.max() ?? 0) + 5)
        drawRows(&c, area, pane: .diagnostics, header: "SEVERITY  " + "CODE".padding(codeWidth) + "MESSAGE   (Enter: full text · ] next problem)",
                 count: rows.count, height: area.height - detail) { i in
            switch rows[i] {
            case .finding(let k):
                let d = ds[k]
                let (m, role) = mark(d.severity)
                return [(m + " ", role), (d.code.rawValue.padding(codeWidth), .dim), (SafeText.terminal(d.message), .plain)]
            case .group(let code, let severity, let members, let expanded):
                let (m, role) = mark(severity)
                let fold = expanded ? "▾" : "▸"
                return [(m + " ", role), ("\(code.rawValue) ×\(members.count)".padding(codeWidth), role),
                        ("\(fold) " + SafeText.terminal(ds[members[0]].message), .plain)]
            case .member(let k):
                return [("    └ ", .dim), (SafeText.terminal(ds[k].message), .plain)]
            }
        }
        // The selected row in full, wrapped at words, under the list.
        guard let row = self.rows[.diagnostics], rows.indices.contains(row) else { return }
        let text: String
        switch rows[row] {
        case .group(let code, _, let members, let expanded):
            text = "\(members.count) findings of \(code.rawValue) — " + (expanded ? "Enter folds them" : "Enter unfolds them") + "; first: "
                + SafeText.terminal(ds[members[0]].message, maxLength: 1000)
        case .finding(let k), .member(let k):
            text = "\(ds[k].path): \(SafeText.terminal(ds[k].message, maxLength: 1000))"
        }
        let wrapWidth = max(10, area.width - 2)
        var lines = WordWrap.lines(text, width: wrapWidth)
        if lines.count > detail {
            lines = Array(lines.prefix(detail))
            lines[detail - 1] = String(lines[detail - 1].prefix(max(0, wrapWidth - 12))) + glyphs.ellipsis + " (Enter)"
        }
        for (i, line) in lines.enumerated() {
            c.put(line, x: 1, y: area.maxY - detail + i, role: .info, maxWidth: wrapWidth)
        }
    }

    private func drawNodes(_ c: inout Canvas, _ area: Rect) {
        let nodes = plan.nodes
        let rows = nodeRows
        let nameWidth = min(40, max(6, (rows.prefix(500).map { CellWidth.of(nodes[$0].name) }.max() ?? 4) + 2))
        let direction = nodeSortDescending ? "↓" : "↑"
        let header = "NAME".padding(nameWidth) + "ZONE         ROUTE          PROBLEM                ADDRESSES                         POD CIDRS"
            + "   [s]ort: \(nodeSort.rawValue) \(direction)"
        drawRows(&c, area, pane: .nodes, header: header, count: rows.count) { i in
            let n = nodes[rows[i]]
            let route = nodeRouteStatus[n.name]
            let problem = nodeProblems[n.name]
            return [(SafeText.terminal(n.name).padding(nameWidth), n.source == .simulated ? .simulated : .plain),
                    (SafeText.terminal(n.zone ?? "-").padding(13), .dim),
                    (NodeTable.routeText(route).padding(15), route.map { $0.isProblem ? .error : .ok } ?? .dim),
                    (NodeTable.problemText(problem).padding(23), problem?.severity.role ?? .dim),
                    (n.addresses.map(\.description).joined(separator: " ").padding(34), .address),
                    (n.podCIDRs.map(\.description).joined(separator: " "), .address)]
        }
    }

    private func drawRoutes(_ c: inout Canvas, _ area: Rect) {
        let routes = routeRows
        drawRows(&c, area, pane: .routes, header: "STATUS         DESTINATION                          NEXTHOP                NODE / ON ROUTER   (Enter: fix command)",
                 count: routes.count) { i in
            let r = routes[i]
            let role: Role
            switch r.status {
            case .missing, .wrongNexthop: role = .error
            case .stale: role = .warning
            case .ok: role = .ok
            case .planned: role = .plain
            }
            var tail = SafeText.terminal(r.node ?? "-")
            if let actual = r.actualNexthop { tail += " (router: via \(actual))" }
            return [(r.status.rawValue.padding(15), role), (r.destination.description.padding(37), .address),
                    (r.nexthop.description.padding(23), .address), (tail, .plain)]
        }
    }

    private func drawMessageLine(_ c: inout Canvas, row: Int) {
        c.clear(Rect(x: 0, y: row, width: width, height: 1))
        switch mode {
        case .editing(let field, let line):
            let buffer = line.text
            let x = editLineStart(field)
            c.put(field.label(in: input) + ": ", x: 0, y: row, role: .label)
            c.put(buffer, x: x, y: row, role: .input, maxWidth: width - x)
            if let problem = liveProblem(field, buffer) {
                let hint = "  ← " + problem
                let hx = x + CellWidth.of(buffer) + 1
                if hx < width - 10 { c.put(hint, x: hx, y: row, role: .error, maxWidth: width - hx) }
            }
        default:
            if let m = message { c.put(" " + m.text, x: 0, y: row, role: m.role, maxWidth: width) }
        }
    }

    /// The column where the text of the edit line starts, after `label: ` and a space.
    func editLineStart(_ field: SpecField) -> Int { CellWidth.of(field.label(in: input)) + 3 }

    /// What is wrong with the text being typed, checked on every keystroke.
    func liveProblem(_ field: SpecField, _ buffer: String) -> String? {
        if let e = field.validate(buffer) { return e }
        if case .networks = field {
            for slot in CIDRSlot.parseTuple(buffer) {
                if case .invalid(let e) = slot.value { return "\(slot.text): \(e.message)" }
            }
        }
        return nil
    }

    private func drawHints(_ c: inout Canvas, row: Int) {
        c.clear(Rect(x: 0, y: row, width: width, height: 1), role: .hint)
        switch mode {
        case .command(let line):
            c.put(":" + line.text, x: 0, y: row, role: .input, maxWidth: width)
            return
        case .filter(let line):
            c.put("/" + line.text, x: 0, y: row, role: .input, maxWidth: width)
            return
        default: break
        }
        let hints: [String]
        switch mode {
        case .editing: hints = ["Enter apply", "Esc cancel", "←→ Home End move", "Ctrl-U clear"]
        case .help: hints = ["↑↓ PgUp PgDn scroll", "any other key closes help"]
        case .detail(let page): hints = ["↑↓ scroll"] + (page.command == nil ? [] : ["c copy fix"]) + ["Esc close"]
        case .confirmQuit: hints = ["y save+quit", "n discard+quit", "Esc cancel"]
        case .confirmReload: hints = ["r reload", "o overwrite", "Esc keep"]
        case .confirmRecovery: hints = ["r replay", "d discard", "Esc later"]
        default:
            var h = ["] problem"]
            switch focus {
            case .topology: h += ["Enter detail", "↑↓←→ scroll", "n node"]
            case .spec: h += ["Enter edit", "↑↓ field"]
            case .diagnostics: h += ["Enter detail", "/ filter"]
            case .nodes: h += ["Enter detail", "/ filter", "s sort"]
            case .routes: h += ["Enter fix", "/ filter"]
            }
            h += readOnly ? ["Tab pane", ": cmd"] : ["Tab pane", "u undo", "w save", ": cmd"]
            hints = h
        }
        // `? help` and `q quit` always show: the others give way from the right.
        let essentials = mode == .normal ? [" ? help ", " q quit "] : []
        let reserved = essentials.reduce(0) { $0 + CellWidth.of($1) }
        var x = 0
        for hint in hints {
            let text = " " + hint + " "
            guard x + CellWidth.of(text) + reserved <= width else { break }
            x += c.put(text, x: x, y: row, role: .hint)
        }
        for text in essentials where x + CellWidth.of(text) <= width {
            x += c.put(text, x: x, y: row, role: .hint)
        }
    }

    private func drawDialog(_ c: inout Canvas, title: String, lines: [String]) {
        let w = min(width - 4, max(CellWidth.of(title) + 6, (lines.map { CellWidth.of($0) }.max() ?? 20) + 4))
        let h = lines.count + 2
        let box = Rect(x: (width - w) / 2, y: max(1, (height - h) / 2), width: w, height: h)
        c.clear(box)
        c.box(box, role: .warning)
        c.put(" \(title) ", x: box.x + 2, y: box.y, role: .title)
        for (i, line) in lines.enumerated() {
            c.put(line, x: box.x + 2, y: box.y + 1 + i, role: .plain, maxWidth: w - 4)
        }
    }

    /// The key list of the help overlay.
    var helpLines: [String] {
        var lines: [String] = [
            "Tab / Shift-Tab     next / previous pane (1-5 jump)",
            "] / [               next / previous problem (any pane)",
            "Enter               full text of a row (finding, node, route);",
            "                    unfold a group; edit a spec field",
            "o                   show the row in the topology",
            "↑↓←→ hjkl PgUp PgDn  move, scroll the topology",
            "Esc                 cancel; clear highlight",
            "/                   filter the list (any column)",
            "s / S               sort nodes by the next column / reverse",
            "n / N               next / previous node in the topology",
            "c (in a detail)     copy the fix command",
            "u / Ctrl-R          undo / redo (says what changed)",
            "w                   save (atomic, keeps FILE.bak)",
            "q                   quit (asks when there are unsaved edits)",
            "mouse click         select what is under it",
            "",
            "Commands (:)",
        ]
        lines += Self.commandHelp.map { "  :" + $0.0.padding(30) + $0.1 }
        return lines
    }

    /// Lines of the help overlay that fit the screen.
    var helpVisibleLines: Int { max(1, min(helpLines.count, height - 4)) }

    private func drawHelp(_ c: inout Canvas, scroll: Int) {
        let all = helpLines
        let shown = helpVisibleLines
        let first = max(0, min(scroll, all.count - shown))
        var lines = Array(all[first..<min(all.count, first + shown)])
        let title = first + shown < all.count || first > 0
            ? "shootnet keys (\(first + 1)-\(first + lines.count) of \(all.count), ↑↓ scroll)" : "shootnet keys"
        if lines.isEmpty { lines = [""] }
        drawDialog(&c, title: title, lines: lines)
    }

    /// Where a detail page is drawn: most of the screen.
    var detailBox: Rect { DetailPage.box(width: width, height: height) }

    private func drawDetail(_ c: inout Canvas, _ page: DetailPage) { page.draw(into: &c, box: detailBox) }
}

extension String {
    /// The string padded with spaces to `width` columns (never cut).
    func padding(_ width: Int) -> String {
        let w = CellWidth.of(self)
        return w >= width ? self + " " : self + String(repeating: " ", count: width - w)
    }
}
