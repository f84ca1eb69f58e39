import Canvas

extension DiagramElement {
    /// Draws this element onto `canvas`, moved by (dx, dy); the canvas's clip keeps it inside
    /// the pane.
    func draw(on canvas: inout Canvas, dx: Int, dy: Int) {
        let r = Rect(x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height)
        let g = canvas.glyphs
        switch shape {
        case .box:
            canvas.box(r, role: role)
        case .tab:
            canvas.box(r, role: role, bottom: false)
        case .horizontalLine:
            canvas.horizontalLine(x: r.x, y: r.y, length: r.width, role: role)
        case .verticalLine:
            canvas.verticalLine(x: r.x, y: r.y, length: r.height, role: role)
        case .glyph(let glyph):
            canvas[r.x, r.y] = Cell(glyph.scalar(in: g), role: role)
        case .text(let s):
            canvas.put(s, x: r.x, y: r.y, role: role, maxWidth: r.width)
        case .marked(let glyph, let s):
            guard r.width > 0 else { return }
            canvas[r.x, r.y] = Cell(glyph.scalar(in: g), role: role)
            if r.width > 1 { canvas[r.x + 1, r.y] = Cell(" ", role: role) }
            if r.width > 2 { canvas.put(s, x: r.x + 2, y: r.y, role: role, maxWidth: r.width - 2) }
        }
    }
}
