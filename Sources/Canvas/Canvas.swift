/// A grid of styled cells that views draw into and the terminal driver copies to the screen.
///
/// Everything drawn is clipped: coordinates outside the canvas — or outside ``clip``, when a
/// pane sets one — are ignored, so callers can draw at a scroll offset without bounds checks;
/// a wide character the clip cuts becomes a blank, never half a glyph. Text is sanitised on the way in: control
/// characters and bidi overrides become `�`, so nothing from an input file reaches the terminal
/// as an escape sequence.
public struct Canvas: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    public var glyphs: Glyphs
    /// Where drawing may land (nil: the whole canvas). A pane drawing a larger picture, such as
    /// the diagram, sets it to its own rectangle.
    public var clip: Rect?

    public init(width: Int, height: Int, glyphs: Glyphs = .unicode) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
        self.glyphs = glyphs
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cells drawing may change: the clip within the canvas.
    public var drawable: Rect { clip.map { $0.intersection(bounds) } ?? bounds }

    public subscript(x: Int, y: Int) -> Cell {
        get { (x >= 0 && x < width && y >= 0 && y < height) ? cells[y * width + x] : .blank }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            if let clip, !clip.contains(x: x, y: y) { return }
            let i = y * width + x
            // Overwriting half of a wide character blanks its other half, so no orphan remains.
            if cells[i].isContinuation, x > 0, !newValue.isContinuation {
                cells[i - 1] = Cell(" ", role: cells[i - 1].role)
            } else if x + 1 < width, cells[i + 1].isContinuation, newValue.isContinuation || !cells[i].isContinuation {
                cells[i + 1] = Cell(" ", role: cells[i + 1].role)
            }
            cells[i] = newValue
        }
    }

    /// Writes one scalar; returns the columns it took.
    @discardableResult
    public mutating func put(_ scalar: Unicode.Scalar, x: Int, y: Int, role: Role) -> Int {
        let safe: Unicode.Scalar = CellWidth.isUnsafe(scalar) ? "\u{FFFD}" : scalar
        let w = CellWidth.isUnsafe(scalar) ? 1 : CellWidth.of(safe)
        guard w > 0 else { return 0 }
        if glyphs.isASCII && !safe.isASCII {
            let stand = ASCIIFallback.scalar(for: safe)
            for i in 0..<w { self[x + i, y] = Cell(stand, role: role) }
            return w
        }
        if w == 2 {
            // A wide character that would straddle the right edge or the clip is replaced by a
            // blank in the half that is drawn, never split.
            let area = drawable
            let leftIn = area.contains(x: x, y: y), rightIn = area.contains(x: x + 1, y: y)
            if !(leftIn && rightIn) {
                if leftIn { self[x, y] = Cell(" ", role: role) } else if rightIn { self[x + 1, y] = Cell(" ", role: role) }
                return 2
            }
            self[x, y] = Cell(safe, role: role)
            var cont = Cell.continuation
            cont.role = role
            self[x + 1, y] = cont
            return 2
        }
        self[x, y] = Cell(safe, role: role)
        return 1
    }

    /// Writes `text` starting at (x, y); stops after `maxWidth` columns, ending with an
    /// ellipsis when the text did not fit. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .plain, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth ?? Int.max
        guard limit > 0, y >= 0, y < height else { return 0 }
        // Cut text ends with the ellipsis when there is room for it and a character before it.
        var budget = limit
        var ellipsis: String?
        if CellWidth.of(text) > limit {
            let ew = CellWidth.of(glyphs.ellipsis)
            if ew < limit { budget = limit - ew; ellipsis = glyphs.ellipsis }
        }
        var col = 0
        for s in text.unicodeScalars {
            let w = CellWidth.isUnsafe(s) ? 1 : CellWidth.of(s)
            if col + w > budget { break }
            col += put(s, x: x + col, y: y, role: role)
        }
        if let ellipsis {
            for s in ellipsis.unicodeScalars { col += put(s, x: x + col, y: y, role: .dim) }
        }
        return col
    }

    /// Sets the role of every cell in `rect`, keeping the characters (used for highlights).
    public mutating func paint(_ rect: Rect, role: Role) {
        let r = rect.intersection(drawable)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { cells[y * width + x].role = role } }
    }

    /// Fills `rect` with blanks of `role`.
    public mutating func clear(_ rect: Rect, role: Role = .plain) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { cells[y * width + x] = Cell(" ", role: role) } }
    }

    public mutating func horizontalLine(x: Int, y: Int, length: Int, role: Role = .frame) {
        guard length > 0 else { return }
        for i in 0..<length { self[x + i, y] = Cell(glyphs.horizontal, role: role) }
    }

    public mutating func verticalLine(x: Int, y: Int, length: Int, role: Role = .frame) {
        guard length > 0 else { return }
        for i in 0..<length { self[x, y + i] = Cell(glyphs.vertical, role: role) }
    }

    /// Draws the outline of `rect` (at least 2×2); without `bottom`, a tab open at the bottom
    /// that sits on the box below it.
    public mutating func box(_ rect: Rect, role: Role = .frame, bottom: Bool = true) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        horizontalLine(x: rect.x + 1, y: rect.y, length: rect.width - 2, role: role)
        if bottom { horizontalLine(x: rect.x + 1, y: rect.maxY - 1, length: rect.width - 2, role: role) }
        let sides = bottom ? rect.height - 2 : rect.height - 1
        verticalLine(x: rect.x, y: rect.y + 1, length: sides, role: role)
        verticalLine(x: rect.maxX - 1, y: rect.y + 1, length: sides, role: role)
        self[rect.x, rect.y] = Cell(glyphs.topLeft, role: role)
        self[rect.maxX - 1, rect.y] = Cell(glyphs.topRight, role: role)
        if bottom {
            self[rect.x, rect.maxY - 1] = Cell(glyphs.bottomLeft, role: role)
            self[rect.maxX - 1, rect.maxY - 1] = Cell(glyphs.bottomRight, role: role)
        }
    }

    /// Copies `source` (or the part `from` of it) to (x, y) of this canvas, clipped.
    public mutating func blit(_ source: Canvas, from: Rect? = nil, toX: Int, toY: Int) {
        let src = (from ?? source.bounds).intersection(source.bounds)
        guard !src.isEmpty else { return }
        for row in 0..<src.height {
            let ty = toY + row
            guard ty >= 0, ty < height else { continue }
            for col in 0..<src.width {
                let tx = toX + col
                guard tx >= 0, tx < width else { continue }
                cells[ty * width + tx] = source.cells[(src.y + row) * source.width + src.x + col]
            }
        }
    }

    /// The text of each row with trailing blanks removed (what golden files hold).
    public func lines() -> [String] {
        var out: [String] = []
        out.reserveCapacity(height)
        for y in 0..<height {
            var line = String.UnicodeScalarView()
            for x in 0..<width {
                let c = cells[y * width + x]
                if !c.isContinuation { line.append(c.scalar) }
            }
            var s = String(line)
            while s.last == " " { s.removeLast() }
            out.append(s)
        }
        return out
    }

    /// All rows joined with newlines, trailing empty rows dropped.
    public func text() -> String {
        var ls = lines()
        while ls.last == "" { ls.removeLast() }
        return ls.joined(separator: "\n")
    }
}
