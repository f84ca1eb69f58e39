import Canvas

/// Draws diagram elements onto a canvas at an offset, never outside `clip`.
///
/// The canvas clips to its own bounds only; a diagram pane inside a larger screen needs
/// its own clip, including for wide characters cut by the clip's edges.
struct Pen {
    let clip: Rect
    /// Diagram coordinates + (dx, dy) = canvas coordinates.
    let dx: Int
    let dy: Int

    init(clip: Rect, dx: Int, dy: Int) {
        self.clip = clip
        self.dx = dx
        self.dy = dy
    }

    mutating func draw(_ e: DiagramElement, on canvas: inout Canvas) {
        let r = Rect(x: e.rect.x + dx, y: e.rect.y + dy, width: e.rect.width, height: e.rect.height)
        let g = canvas.glyphs
        switch e.shape {
        case .box:
            outline(r, bottom: true, role: e.role, on: &canvas)
        case .tab:
            outline(r, bottom: false, role: e.role, on: &canvas)
        case .horizontalLine:
            for x in r.x..<r.maxX { set(g.horizontal, x: x, y: r.y, role: e.role, on: &canvas) }
        case .verticalLine:
            for y in r.y..<r.maxY { set(g.vertical, x: r.x, y: y, role: e.role, on: &canvas) }
        case .glyph(let glyph):
            set(glyph.scalar(in: g), x: r.x, y: r.y, role: e.role, on: &canvas)
        case .text(let s):
            text(s, x: r.x, y: r.y, width: r.width, role: e.role, on: &canvas)
        case .marked(let glyph, let s):
            guard r.width > 0 else { return }
            set(glyph.scalar(in: g), x: r.x, y: r.y, role: e.role, on: &canvas)
            if r.width > 1 { set(" ", x: r.x + 1, y: r.y, role: e.role, on: &canvas) }
            if r.width > 2 { text(s, x: r.x + 2, y: r.y, width: r.width - 2, role: e.role, on: &canvas) }
        }
    }

    /// Sets the role of the part of `rect` (diagram coordinates) inside the clip.
    func paint(_ rect: Rect, role: Role, on canvas: inout Canvas) {
        let r = Rect(x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height).intersection(clip)
        canvas.paint(r, role: role)
    }

    private func outline(_ r: Rect, bottom: Bool, role: Role, on canvas: inout Canvas) {
        guard r.width >= 2, r.height >= 2 else { return }
        let g = canvas.glyphs
        for x in (r.x + 1)..<(r.maxX - 1) {
            set(g.horizontal, x: x, y: r.y, role: role, on: &canvas)
            if bottom { set(g.horizontal, x: x, y: r.maxY - 1, role: role, on: &canvas) }
        }
        let sideEnd = bottom ? r.maxY - 1 : r.maxY
        for y in (r.y + 1)..<max(r.y + 1, sideEnd) {
            set(g.vertical, x: r.x, y: y, role: role, on: &canvas)
            set(g.vertical, x: r.maxX - 1, y: y, role: role, on: &canvas)
        }
        set(g.topLeft, x: r.x, y: r.y, role: role, on: &canvas)
        set(g.topRight, x: r.maxX - 1, y: r.y, role: role, on: &canvas)
        if bottom {
            set(g.bottomLeft, x: r.x, y: r.maxY - 1, role: role, on: &canvas)
            set(g.bottomRight, x: r.maxX - 1, y: r.maxY - 1, role: role, on: &canvas)
        }
    }

    private func set(_ s: Unicode.Scalar, x: Int, y: Int, role: Role, on canvas: inout Canvas) {
        guard clip.contains(x: x, y: y) else { return }
        canvas[x, y] = Cell(s, role: role)
    }

    /// Writes `s` in at most `width` columns, ending with the glyph set's ellipsis when cut.
    private func text(_ s: String, x: Int, y: Int, width: Int, role: Role, on canvas: inout Canvas) {
        guard width > 0, y >= clip.y, y < clip.maxY else { return }
        var budget = width
        var ellipsis: String?
        if CellWidth.of(s) > width {
            let e = canvas.glyphs.ellipsis
            let ew = CellWidth.of(e)
            if ew < width { budget = width - ew; ellipsis = e }
        }
        var col = x
        for scalar in s.unicodeScalars {
            let w = columns(scalar)
            if col + w > x + budget { break }
            col += put(scalar, x: col, y: y, columns: w, role: role, on: &canvas)
        }
        if let e = ellipsis {
            for scalar in e.unicodeScalars { col += put(scalar, x: col, y: y, columns: columns(scalar), role: .dim, on: &canvas) }
        }
    }

    private func columns(_ s: Unicode.Scalar) -> Int { CellWidth.isUnsafe(s) ? 1 : CellWidth.of(s) }

    /// One scalar of `columns` width; a wide character cut by the clip becomes a blank.
    private func put(_ s: Unicode.Scalar, x: Int, y: Int, columns: Int, role: Role, on canvas: inout Canvas) -> Int {
        guard columns > 0 else { return 0 }
        if columns == 2 {
            let leftIn = clip.contains(x: x, y: y), rightIn = clip.contains(x: x + 1, y: y)
            if leftIn && rightIn {
                canvas.put(s, x: x, y: y, role: role)
            } else if leftIn {
                canvas[x, y] = Cell(" ", role: role)
            } else if rightIn {
                canvas[x + 1, y] = Cell(" ", role: role)
            }
            return 2
        }
        if clip.contains(x: x, y: y) { canvas.put(s, x: x, y: y, role: role) }
        return 1
    }
}
