import Canvas
import IPAM

extension LandscapeModel {
    /// Rows: title, header, the list, three lines on the selected row, message, hints.
    var listTop: Int { 2 }
    var listHeight: Int { max(1, height - 7) }

    /// The first row shown, so the selection stays in view.
    var firstShown: Int { max(0, selected - listHeight + 1) }

    public var cursorPosition: (x: Int, y: Int)? {
        if let shoot { return shoot.cursorPosition }
        switch mode {
        case .filter(let line), .command(let line): return (min(width - 1, 1 + line.cursorColumn), height - 1)
        default: return nil
        }
    }

    public func view() -> Canvas {
        if let shoot { return shoot.view() }
        var c = Canvas(width: width, height: height, glyphs: glyphs)
        guard width >= AppModel.minimumWidth, height >= AppModel.minimumHeight else {
            c.put("Terminal too small: need \(AppModel.minimumWidth)×\(AppModel.minimumHeight)", x: 0, y: 0, role: .warning, maxWidth: width)
            return c
        }
        drawTitle(&c)
        drawList(&c)
        drawSelected(&c)
        if let m = message { c.put(" " + m.text, x: 0, y: height - 2, role: m.role, maxWidth: width) }
        drawHints(&c)
        switch mode {
        case .detail(let page): drawPage(&c, page)
        case .help: drawPage(&c, DetailPage(title: "landscape keys", lines: Self.help))
        default: break
        }
        return c
    }

    static let help: [DetailPage.Line] = [
        .init("↑↓ PgUp PgDn", "move"), .init("] / [", "next / previous row with a collision or errors"),
        .init("Enter", "a shoot: its topology (q or Esc comes back); a seed: its ranges and collisions"),
        .init("/", "filter by any column (name, seed, range, \"collision\", \"error\")"),
        .init(":find ADDR|CIDR", "every range of the landscape holding the address or overlapping the CIDR"),
        .init("q", "quit"),
    ]

    private func drawTitle(_ c: inout Canvas) {
        c.clear(Rect(x: 0, y: 0, width: width, height: 1), role: .statusBar)
        let collisions = result.diagnostics.filter { $0.code == .landscapeIPv6Overlap }.count
        let counts = SeverityCounts(result.diagnostics)
        let right = "\(collisions) collision\(collisions == 1 ? "" : "s")  \(counts.errors)E \(counts.warnings)W "
        let x = max(0, width - CellWidth.of(right))
        c.put(" shootnet landscape · \(result.shootCount) shoot\(result.shootCount == 1 ? "" : "s") · \(result.seedCount) seed\(result.seedCount == 1 ? "" : "s") · \(SafeText.terminal(source, maxLength: 40))",
              x: 0, y: 0, role: .statusBar, maxWidth: max(0, x - 1))
        c.put(right, x: x, y: 0, role: collisions > 0 || counts.errors > 0 ? .error : .statusBar, maxWidth: width)
    }

    /// Column widths: kind, name, seed, problems, then the IPv6 ranges.
    private var nameWidth: Int { min(40, max(12, (rows.prefix(2000).map { CellWidth.of($0.name) }.max() ?? 10) + 2)) }

    private func drawList(_ c: inout Canvas) {
        let nw = nameWidth
        var header = "KIND  " + "NAME".padding(nw) + "SEED".padding(16) + "PROBLEMS".padding(22) + "IPv6"
        if !filter.isEmpty { header += "    /\(SafeText.terminal(filter, maxLength: 30)): \(shown.count) of \(rows.count)" }
        c.put(header, x: 1, y: 1, role: .label, maxWidth: width - 2)
        if shown.isEmpty {
            c.put(filter.isEmpty ? "(no shoots and no seeds)" : "(nothing matches; / then Esc clears the filter)", x: 2, y: listTop, role: .dim)
            return
        }
        let first = firstShown
        for k in 0..<listHeight {
            let i = first + k
            guard i < shown.count else { break }
            let r = rows[shown[i]]
            let y = listTop + k
            var x = 1
            x += c.put(r.kind.rawValue.padding(6), x: x, y: y, role: .dim)
            x += c.put(SafeText.terminal(r.name).padding(nw), x: x, y: y, role: r.kind == .seed ? .title : .plain, maxWidth: width - x - 1)
            x += c.put(SafeText.terminal(r.seed ?? "?").padding(16), x: x, y: y, role: .dim, maxWidth: max(0, width - x - 1))
            var problems: [(String, Role)] = []
            if r.collisions > 0 { problems.append(("\(glyphs.cross) \(r.collisions) collision\(r.collisions == 1 ? "" : "s")", .error)) }
            if r.errors > 0 { problems.append(("\(r.errors)E", .error)) }
            if r.warnings > 0 { problems.append(("\(r.warnings)W", .warning)) }
            if problems.isEmpty { problems.append(("ok", .ok)) }
            var px = x
            for (text, role) in problems { px += c.put(text + " ", x: px, y: y, role: role, maxWidth: max(0, width - px - 1)) }
            x = max(px, x + 22)
            c.put(r.ipv6.isEmpty ? "-" : r.ipv6.joined(separator: ", "), x: x, y: y, role: r.ipv6.isEmpty ? .dim : .address,
                  maxWidth: max(0, width - x - 1))
            if i == selected { c.paint(Rect(x: 0, y: y, width: width, height: 1), role: .selected) }
        }
        if first + listHeight < shown.count {
            let more = " +\(shown.count - first - listHeight) more "
            c.put(more, x: max(0, width - CellWidth.of(more) - 1), y: listTop + listHeight, role: .dim)
        }
    }

    /// Under the list: what is wrong with the selected row, wrapped.
    private func drawSelected(_ c: inout Canvas) {
        let top = listTop + listHeight + 1
        c.horizontalLine(x: 0, y: top - 1, length: width, role: .frame)
        guard let r = selectedRow else { return }
        let findings = result.diagnostics.filter { $0.objects.contains(r.ref) }
        let text: String
        if let d = findings.first {
            text = "\(d.code.rawValue): " + SafeText.terminal(d.message, maxLength: 1000) + (findings.count > 1 ? " (+\(findings.count - 1) more: Enter)" : "")
        } else if r.kind == .shoot {
            text = "\(r.name): no collision; its own check: \(r.errors) errors, \(r.warnings) warnings — Enter opens its topology"
        } else {
            text = "seed \(r.name): no collision"
        }
        let lines = WordWrap.lines(text, width: max(10, width - 2))
        for (i, line) in lines.prefix(2).enumerated() {
            c.put(line, x: 1, y: top + i, role: findings.isEmpty ? .info : .error, maxWidth: width - 2)
        }
    }

    private func drawHints(_ c: inout Canvas) {
        let y = height - 1
        c.clear(Rect(x: 0, y: y, width: width, height: 1), role: .hint)
        switch mode {
        case .filter(let line): c.put("/" + line.text, x: 0, y: y, role: .input, maxWidth: width); return
        case .command(let line): c.put(":" + line.text, x: 0, y: y, role: .input, maxWidth: width); return
        default: break
        }
        let hints = ["Enter open", "] collision", "/ filter", ": find", "? help", "q quit"]
        var x = 0
        for h in hints {
            let text = " " + h + " "
            guard x + CellWidth.of(text) <= width else { break }
            x += c.put(text, x: x, y: y, role: .hint)
        }
    }

    private func drawPage(_ c: inout Canvas, _ page: DetailPage) { page.draw(into: &c, box: DetailPage.box(width: width, height: height)) }
}
