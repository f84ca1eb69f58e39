import Canvas

/// One character to put on the screen at (x, y), taking `columns` cells (1 or 2).
public struct ScreenGlyph: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var scalar: Unicode.Scalar
    public var role: Role
    public var columns: Int

    public init(x: Int, y: Int, scalar: Unicode.Scalar, role: Role, columns: Int) {
        self.x = x
        self.y = y
        self.scalar = scalar
        self.role = role
        self.columns = columns
    }
}

/// Works out which characters must be written to turn the previous frame into the next.
///
/// Pure: the terminal's idea of character widths comes in as `displayWidth` (curses uses the
/// C library's `wcwidth`), so a scalar the canvas and the terminal disagree about is replaced
/// rather than shifting the rest of the row.
public enum FrameDiff {
    /// Drawn instead of a character the terminal cannot show in the cells the canvas gave it.
    static func replacement(displayWidth: (Unicode.Scalar) -> Int) -> Unicode.Scalar {
        displayWidth("\u{FFFD}") == 1 ? "\u{FFFD}" : "?"
    }

    /// The glyphs to write, row by row, left to right. With no previous frame, or one of a
    /// different size, every cell is written.
    ///
    /// A changed cell next to a wide character also rewrites that character, since writing
    /// either half of a wide character on a terminal disturbs the other. A continuation cell
    /// is skipped when the glyph to its left covers it, and written as a blank otherwise; a
    /// wide character whose continuation cell was overwritten is written as a blank too.
    /// Control characters and scalars the terminal gives no width (or a width other than the
    /// canvas's) become U+FFFD, or `?` where that cannot be shown.
    public static func glyphs(from previous: Canvas?, to next: Canvas, displayWidth: (Unicode.Scalar) -> Int) -> [ScreenGlyph] {
        let width = next.width
        let height = next.height
        guard width > 0, height > 0 else { return [] }
        let full = previous.map { $0.width != width || $0.height != height } ?? true
        let fallback = replacement(displayWidth: displayWidth)
        var out: [ScreenGlyph] = []
        if full { out.reserveCapacity(width * height) }
        var dirty = [Bool](repeating: false, count: width)

        for y in 0..<height {
            let row = y * width
            var anyDirty = full
            if full {
                for x in 0..<width { dirty[x] = true }
            } else if let previous {
                for x in 0..<width {
                    dirty[x] = previous.cells[row + x] != next.cells[row + x]
                    anyDirty = anyDirty || dirty[x]
                }
                guard anyDirty else { continue }
                // Spread to both halves of every wide character touched, in either frame.
                // Right to left, so a run of continuation cells reaches its first character.
                for x in stride(from: width - 1, to: 0, by: -1)
                where dirty[x] && (previous.cells[row + x].isContinuation || next.cells[row + x].isContinuation) {
                    dirty[x - 1] = true
                }
                for x in 0..<(width - 1)
                where dirty[x] && (previous.cells[row + x + 1].isContinuation || next.cells[row + x + 1].isContinuation) {
                    dirty[x + 1] = true
                }
            }
            guard anyDirty else { continue }

            var coveredColumn = -1
            for x in 0..<width where dirty[x] {
                let cell = next.cells[row + x]
                if cell.isContinuation {
                    if coveredColumn == x { continue }
                    out.append(ScreenGlyph(x: x, y: y, scalar: " ", role: cell.role, columns: 1))
                    continue
                }
                let followedByContinuation = x + 1 < width && next.cells[row + x + 1].isContinuation
                var scalar = cell.scalar
                var columns = CellWidth.isUnsafe(scalar) ? -1 : displayWidth(scalar)
                if columns == 2 && !followedByContinuation && CellWidth.of(scalar) == 2 {
                    // Its right half was overwritten: like a terminal, show the rest as blank.
                    scalar = " "
                    columns = 1
                } else if columns == 2 && !followedByContinuation {
                    // The canvas took it as narrow; the terminal would shift the row.
                    scalar = fallback
                    columns = 1
                } else if columns != 1 && columns != 2 {
                    scalar = fallback
                    columns = 1
                }
                out.append(ScreenGlyph(x: x, y: y, scalar: scalar, role: cell.role, columns: columns))
                if columns == 2 { coveredColumn = x + 1 }
            }
        }
        return out
    }
}
