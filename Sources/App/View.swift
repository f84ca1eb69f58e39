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
        case .help: drawHelp(&c)
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
        c.put(title, x: 0, y: 0, role: .statusBar, maxWidth: width)
        var right = ""
        if readOnly { right += "read-only  " }
        if isDirty { right += "● modified  " }
        if changedOnDisk { right += "changed on disk  " }
        right += "\(errors)E \(warnings)W "
        let x = width - CellWidth.of(right)
        if x > CellWidth.of(title) + 1 {
            c.put(right, x: x, y: 0, role: errors > 0 ? .error : warnings > 0 ? .warning : .statusBar)
        }
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
        let visible = max(1, layout.panel.height - 1 - (pane == .diagnostics ? 2 : 0))
        let selected = rows[pane] ?? 0
        return max(0, selected - visible + 1)
    }

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
        c.put(header, x: 1, y: area.y, role: .label, maxWidth: area.width - 2)
        let visible = max(0, (height ?? area.height) - 1)
        let first = panelScrollRow(pane)
        if count == 0 {
            c.put("(none)", x: 2, y: area.y + 1, role: .dim)
            return
        }
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
        if first + visible < count {
            let more = " +\(count - first - visible) more "
            c.put(more, x: area.maxX - CellWidth.of(more) - 1, y: area.y + visible, role: .dim)
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
        let detail = 2
        drawRows(&c, area, pane: .diagnostics, header: "SEVERITY CODE                         MESSAGE", count: ds.count,
                 height: area.height - detail) { i in
            let d = ds[i]
            let mark: String
            let role: Role
            switch d.severity {
            case .error: mark = glyphs == .ascii ? "x error  " : "✗ error  "; role = .error
            case .warning: mark = "! warning"; role = .warning
            case .info: mark = "i info   "; role = .info
            }
            let code = d.code.rawValue.padding(28)
            return [(mark + " ", role), (code + " ", .dim), (SafeText.terminal(d.message), .plain)]
        }
        // The selected finding in full, wrapped, under the list.
        guard ds.indices.contains(rows[.diagnostics] ?? 0) else { return }
        let d = ds[rows[.diagnostics] ?? 0]
        let text = "\(d.path): \(SafeText.terminal(d.message, maxLength: 1000))"
        let wrapWidth = max(10, area.width - 2)
        let chars = Array(text)
        for line in 0..<detail {
            let start = line * wrapWidth
            guard start < chars.count else { break }
            var piece = String(chars[start..<min(chars.count, start + wrapWidth)])
            if line == detail - 1 && start + wrapWidth < chars.count { piece = String(piece.dropLast()) + glyphs.ellipsis }
            c.put(piece, x: 1, y: area.maxY - detail + line, role: .info, maxWidth: wrapWidth)
        }
    }

    private func drawNodes(_ c: inout Canvas, _ area: Rect) {
        let nodes = plan.nodes
        let rows = nodeRows
        let nameWidth = min(40, max(6, (rows.prefix(500).map { CellWidth.of(nodes[$0].name) }.max() ?? 4) + 2))
        let header = "NAME".padding(nameWidth) + "ZONE         ADDRESSES                         POD CIDRS"
            + "   [s]ort: \(nodeSort.rawValue)" + (nodeFilter.isEmpty ? "  [/] filter" : "  filter: \(nodeFilter)")
        drawRows(&c, area, pane: .nodes, header: header, count: rows.count) { i in
            let n = nodes[rows[i]]
            return [(SafeText.terminal(n.name).padding(nameWidth), n.source == .simulated ? .simulated : .plain),
                    (SafeText.terminal(n.zone ?? "-").padding(13), .dim),
                    (n.addresses.map(\.description).joined(separator: " ").padding(34), .address),
                    (n.podCIDRs.map(\.description).joined(separator: " "), .address)]
        }
    }

    private func drawRoutes(_ c: inout Canvas, _ area: Rect) {
        let routes = routeRows
        drawRows(&c, area, pane: .routes, header: "STATUS         DESTINATION                          NEXTHOP                NODE / ON ROUTER",
                 count: routes.count) { i in
            let r = routes[i]
            let role: Role
            switch r.status {
            case .missing, .wrongNexthop: role = .error
            case .stale: role = .warning
            case .ok: role = .ok
            case .planned: role = .plain
            }
            var tail = r.node ?? "-"
            if let actual = r.actualNexthop { tail += " (router: via \(actual))" }
            return [(r.status.rawValue.padding(15), role), (r.destination.description.padding(37), .address),
                    (r.nexthop.description.padding(23), .address), (SafeText.terminal(tail), .plain)]
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
        case .help: hints = ["any key closes help"]
        case .confirmQuit: hints = ["y save+quit", "n discard+quit", "Esc cancel"]
        case .confirmReload: hints = ["r reload", "o overwrite", "Esc keep"]
        case .confirmRecovery: hints = ["r replay", "d discard", "Esc later"]
        default:
            var h = ["Tab pane"]
            switch focus {
            case .topology: h += ["↑↓←→/hjkl scroll", "n node", "click select"]
            case .spec: h += ["↑↓ field", "Enter edit"]
            case .diagnostics: h += ["↑↓ highlight", "Enter show"]
            case .nodes: h += ["↑↓ node", "s sort", "/ filter", "Enter show"]
            case .routes: h += ["↑↓ route", "Enter show"]
            }
            h += ["u undo", "^R redo", "w save", ": cmd", "? help", "q quit"]
            hints = h
        }
        var x = 0
        for hint in hints {
            let text = " " + hint + " "
            guard x + CellWidth.of(text) <= width else { break }
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

    private func drawHelp(_ c: inout Canvas) {
        var lines: [String] = [
            "Tab / Shift-Tab     next / previous pane (1-5 jump)",
            "↑↓←→ hjkl PgUp PgDn  move, scroll the topology",
            "Enter               edit a spec field / show a row in the topology",
            "Esc                 cancel; clear highlight",
            "/                   filter nodes        s  sort nodes",
            "n / N               next / previous node in the topology",
            "u / Ctrl-R          undo / redo",
            "w                   save (atomic, keeps FILE.bak)",
            "q                   quit (asks when there are unsaved edits)",
            "mouse click         select what is under it",
            "",
            "Commands (:)",
        ]
        lines += Self.commandHelp.map { "  :" + $0.0.padding(30) + $0.1 }
        drawDialog(&c, title: "shootnet keys", lines: lines)
    }
}

extension String {
    /// The string padded with spaces to `width` columns (never cut).
    func padding(_ width: Int) -> String {
        let w = CellWidth.of(self)
        return w >= width ? self + " " : self + String(repeating: " ", count: width - w)
    }
}
