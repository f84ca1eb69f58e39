import Addressing
import Canvas
import Diagram
import IPAM

/// The full text of one thing (a finding, a node, a route, the answers of `:find`), shown
/// over the screen instead of cut to a row: every field on its own line, long ones wrapped
/// at word boundaries, scrolled with ↑↓, and the fix command copied with `c`.
public struct DetailPage: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        /// The field's name (`message`, `fix`), or "" for a continuation.
        public var label: String
        public var text: String
        public var role: Role

        public init(_ label: String, _ text: String, role: Role = .plain) {
            self.label = label
            self.text = text
            self.role = role
        }
    }

    public var title: String
    public var lines: [Line]
    /// What `c` copies: the commands that fix what the page shows, one per line.
    public var command: String?
    public var scroll = 0

    public init(title: String, lines: [Line], command: String? = nil) {
        self.title = title
        self.lines = lines
        self.command = command
    }
}

extension DetailPage {
    /// The page as screen lines for a box `boxWidth` wide: each field's label, then its
    /// text wrapped at words.
    func text(boxWidth: Int) -> [(label: String, text: String, role: Role)] {
        let labelWidth = min(18, (lines.map { CellWidth.of($0.label) }.max() ?? 0) + 2)
        let textWidth = max(10, boxWidth - 4 - labelWidth)
        var out: [(String, String, Role)] = []
        for line in lines {
            for (i, piece) in WordWrap.lines(line.text, width: textWidth).enumerated() {
                out.append((i == 0 ? line.label.padding(labelWidth) : String(repeating: " ", count: labelWidth), piece, line.role))
            }
        }
        return out
    }

    /// Draws the page framed in `box`, scrolled, with what `c` does in its footer.
    func draw(into c: inout Canvas, box: Rect) {
        c.clear(box)
        c.box(box, role: .title)
        let text = self.text(boxWidth: box.width)
        let rowsHigh = box.height - 2
        let first = max(0, min(scroll, text.count - rowsHigh))
        var title = " \(self.title) "
        if text.count > rowsHigh { title += "(\(first + 1)-\(min(text.count, first + rowsHigh)) of \(text.count)) " }
        c.put(title, x: box.x + 2, y: box.y, role: .title, maxWidth: box.width - 4)
        for (i, line) in text.dropFirst(first).prefix(rowsHigh).enumerated() {
            let y = box.y + 1 + i
            let x = box.x + 2 + c.put(line.label, x: box.x + 2, y: y, role: .label, maxWidth: box.width - 4)
            c.put(line.text, x: x, y: y, role: line.role, maxWidth: box.maxX - 2 - x)
        }
        let foot = command == nil ? " Esc closes " : " c copies the fix command · Esc closes "
        c.put(foot, x: box.x + 2, y: box.maxY - 1, role: .dim, maxWidth: box.width - 4)
    }

    /// ↑↓ PgUp PgDn Home End (and k j space g G) scroll the page shown in `box`; false for any
    /// other key (the view decides what that does).
    mutating func scroll(_ key: Key, box: Rect) -> Bool {
        let step = max(1, box.height - 4)
        let last = max(0, text(boxWidth: box.width).count - (box.height - 2))
        switch key {
        case .up, .char("k"): scroll = max(0, scroll - 1)
        case .down, .char("j"): scroll = min(last, scroll + 1)
        case .pageUp: scroll = max(0, scroll - step)
        case .pageDown, .char(" "): scroll = min(last, scroll + step)
        case .home, .char("g"): scroll = 0
        case .end, .char("G"): scroll = last
        default: return false
        }
        return true
    }

    /// Where a page goes on a `width`×`height` screen: most of it.
    static func box(width: Int, height: Int) -> Rect {
        let w = max(20, width - 4), h = max(6, height - 4)
        return Rect(x: (width - w) / 2, y: 1, width: w, height: h)
    }
}


extension AppModel {
    /// A finding in full.
    func detail(of d: Diagnostic) -> DetailPage {
        var lines: [DetailPage.Line] = [
            .init("severity", d.severity.rawValue, role: d.severity.role),
            .init("code", d.code.rawValue),
            .init("rule of", d.origin.rawValue),
            .init("path", d.path),
        ]
        if let at = d.location { lines.append(.init("written at", at.description)) }
        lines.append(.init("message", SafeText.terminal(d.message, maxLength: 4000)))
        for o in d.objects { lines.append(.init("concerns", SafeText.terminal(o.description))) }
        if let c = d.command { lines.append(.init("fix", SafeText.terminal(c), role: .ok)) }
        return DetailPage(title: "\(d.severity.rawValue) \(d.code.rawValue)", lines: lines, command: d.command)
    }

    /// A node: its addresses and prefixes, its routes and every finding naming it.
    func detail(ofNode name: String) -> DetailPage? {
        guard let n = plan.nodes.first(where: { $0.name == name }) else { return nil }
        var lines: [DetailPage.Line] = [.init("node", SafeText.terminal(n.name))]
        lines.append(.init("zone", SafeText.terminal(n.zone ?? "-")))
        lines.append(.init("source", n.source.rawValue, role: n.source.isInvented ? .simulated : .plain))
        for a in n.addresses { lines.append(.init("address", a.description, role: .address)) }
        if let p = n.nodePrefix { lines.append(.init("node prefix", p.description, role: .address)) }
        if let p = n.reservedPrefix { lines.append(.init("reserved", p.description, role: .address)) }
        for p in n.podCIDRs { lines.append(.init("pod CIDR", p.description, role: .address)) }
        for r in plan.routes where r.node == name {
            lines.append(.init("route", "\(r.destination) via \(r.nexthop) on \(SafeText.terminal(r.router)): \(r.status.rawValue)",
                               role: r.status.isProblem ? .error : .ok))
        }
        let findings = plan.diagnostics.filter { $0.objects.contains(.node(name)) }
        lines += findingLines(findings)
        return DetailPage(title: "node \(SafeText.terminal(name))", lines: lines, command: commands(findings))
    }

    /// A route: where it points, what the router has, and the command that fixes it.
    func detail(ofRoute router: String, _ destination: IPPrefix) -> DetailPage? {
        guard let r = plan.routes.first(where: { $0.router == router && $0.destination == destination }) else { return nil }
        var lines: [DetailPage.Line] = [
            .init("router", SafeText.terminal(r.router)),
            .init("destination", r.destination.description, role: .address),
            .init("next hop", r.nexthop.description, role: .address),
            .init("status", r.status.rawValue, role: r.status == .stale ? .warning : r.status.isProblem ? .error : .ok),
        ]
        if let actual = r.actualNexthop { lines.append(.init("on router", "via \(actual)", role: .error)) }
        if let node = r.node { lines.append(.init("node", SafeText.terminal(node))) }
        if let at = r.location { lines.append(.init("written at", at.description)) }
        let findings = plan.diagnostics.filter { $0.objects.contains(.route(router: router, destination: destination)) }
        lines += findingLines(findings)
        return DetailPage(title: "route \(destination)", lines: lines, command: commands(findings))
    }

    /// The findings of a page, each with its fix.
    private func findingLines(_ findings: [Diagnostic]) -> [DetailPage.Line] {
        findings.flatMap { d -> [DetailPage.Line] in
            var out: [DetailPage.Line] = [.init(d.severity.rawValue, "[\(d.code.rawValue)] " + SafeText.terminal(d.message, maxLength: 4000),
                                               role: d.severity.role)]
            if let c = d.command { out.append(.init("fix", SafeText.terminal(c), role: .ok)) }
            return out
        }
    }

    private func commands(_ findings: [Diagnostic]) -> String? {
        let all = findings.compactMap(\.command)
        return all.isEmpty ? nil : all.joined(separator: "\n")
    }
}
