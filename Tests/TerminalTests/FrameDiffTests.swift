import Canvas
import Terminal
import Testing
import TestSupport

struct FrameDiffTests {
    let width: (Unicode.Scalar) -> Int = { CellWidth.isUnsafe($0) ? -1 : CellWidth.of($0) }

    /// The screen a list of glyphs leaves behind, applied on top of `screen`.
    func apply(_ glyphs: [ScreenGlyph], to screen: inout [[String]]) {
        for g in glyphs {
            // Writing over either half of a wide character blanks the other half.
            let end = g.x + g.columns
            if screen[g.y][g.x] == "" && g.x > 0 { screen[g.y][g.x - 1] = " " }
            if end < screen[g.y].count && screen[g.y][end] == "" { screen[g.y][end] = " " }
            screen[g.y][g.x] = String(g.scalar)
            if g.columns == 2 { screen[g.y][g.x + 1] = "" }
        }
    }

    func render(_ canvas: Canvas) -> [[String]] {
        var screen = Array(repeating: Array(repeating: "?", count: canvas.width), count: canvas.height)
        apply(FrameDiff.glyphs(from: nil, to: canvas, displayWidth: width), to: &screen)
        return screen
    }

    @Test func firstFrameWritesEveryVisibleCell() {
        var c = Canvas(width: 6, height: 2)
        c.put("a日b", x: 0, y: 0)
        let glyphs = FrameDiff.glyphs(from: nil, to: c, displayWidth: width)
        #expect(glyphs.count == 11)
        #expect(glyphs.contains(ScreenGlyph(x: 1, y: 0, scalar: "日", role: .plain, columns: 2)))
        #expect(!glyphs.contains { $0.x == 2 && $0.y == 0 })
        #expect(render(c).map { $0.joined() } == ["a日b  ", "      "])
    }

    @Test func unchangedFrameWritesNothing() {
        var c = Canvas(width: 10, height: 3)
        c.put("hello 日本", x: 0, y: 1, role: .title)
        #expect(FrameDiff.glyphs(from: c, to: c, displayWidth: width).isEmpty)
    }

    @Test func onlyChangedCellsAreWritten() {
        var a = Canvas(width: 10, height: 3)
        a.put("hello", x: 0, y: 1)
        var b = a
        b.put("J", x: 0, y: 1)
        b.paint(Rect(x: 4, y: 2, width: 1, height: 1), role: .error)
        #expect(FrameDiff.glyphs(from: a, to: b, displayWidth: width) == [
            ScreenGlyph(x: 0, y: 1, scalar: "J", role: .plain, columns: 1),
            ScreenGlyph(x: 4, y: 2, scalar: " ", role: .error, columns: 1),
        ])
    }

    @Test func changingHalfOfAWideCharacterRewritesBothHalves() {
        var a = Canvas(width: 6, height: 1)
        a.put("x日y", x: 0, y: 0)
        var b = a
        b.paint(Rect(x: 2, y: 0, width: 1, height: 1), role: .error) // only the continuation's role
        let glyphs = FrameDiff.glyphs(from: a, to: b, displayWidth: width)
        #expect(glyphs == [ScreenGlyph(x: 1, y: 0, scalar: "日", role: .plain, columns: 2)])
    }

    @Test func overwrittenHalvesBecomeBlanks() {
        var a = Canvas(width: 6, height: 1)
        a.put("日本", x: 0, y: 0)
        var b = a
        b.put("a", x: 0, y: 0) // left half of 日: its continuation is orphaned
        b.put("b", x: 3, y: 0) // right half of 本: its first half has no continuation now
        #expect(render(b).map { $0.joined() } == ["a  b  "])
        var screen = render(a)
        apply(FrameDiff.glyphs(from: a, to: b, displayWidth: width), to: &screen)
        #expect(screen == render(b))
    }

    @Test func unsafeAndDisagreeingScalarsAreReplaced() {
        var c = Canvas(width: 4, height: 1)
        c[0, 0] = Cell("\u{1B}")
        c[1, 0] = Cell("\u{301}")          // combining mark alone: no width
        c[2, 0] = Cell("日")               // wide, but no continuation cell after it... 
        c[3, 0] = Cell("W")
        let narrowOnly: (Unicode.Scalar) -> Int = { $0 == "W" ? 2 : (CellWidth.isUnsafe($0) ? -1 : CellWidth.of($0)) }
        let glyphs = FrameDiff.glyphs(from: nil, to: c, displayWidth: narrowOnly)
        #expect(glyphs.map(\.scalar) == ["\u{FFFD}", "\u{FFFD}", " ", "\u{FFFD}"])
        #expect(glyphs.allSatisfy { $0.columns == 1 })
        #expect(FrameDiff.glyphs(from: nil, to: c, displayWidth: { _ in -1 }).first?.scalar == "?")
    }

    @Test func sizeChangeRepaintsEverything() {
        let a = Canvas(width: 3, height: 2)
        let b = Canvas(width: 4, height: 2)
        #expect(FrameDiff.glyphs(from: a, to: b, displayWidth: width).count == 8)
        #expect(FrameDiff.glyphs(from: nil, to: Canvas(width: 0, height: 5), displayWidth: width).isEmpty)
    }

    @Test func incrementalFramesMatchAFullRepaint() {
        var generator = SplitMix64(seed: 42)
        let pool = ["日本", "ab", "é", "─┐", "🚀", "x", "テスト", "  ", "wide漢字"]
        var canvas = Canvas(width: 30, height: 6)
        var screen = render(canvas)
        for step in 0..<2000 {
            let previous = canvas
            let text = pool[Int(generator.next() % UInt64(pool.count))]
            let x = Int(generator.next() % 32) - 2
            let y = Int(generator.next() % 6)
            if step % 13 == 0 {
                canvas[x, y] = Cell("#", role: .error)
            } else {
                canvas.put(text, x: x, y: y, role: Role.allCases[Int(generator.next() % UInt64(Role.allCases.count))])
            }
            apply(FrameDiff.glyphs(from: previous, to: canvas, displayWidth: width), to: &screen)
            #expect(screen == render(canvas), "step \(step)")
            if screen != render(canvas) { return }
        }
    }
}
