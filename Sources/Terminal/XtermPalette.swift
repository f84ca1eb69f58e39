/// The xterm 256-colour palette as RGB, for approximating palette colours on smaller terminals.
enum XtermPalette {
    struct RGB: Hashable { var r: Int; var g: Int; var b: Int }

    /// xterm's defaults for the 16 ANSI colours.
    static let ansi: [RGB] = [
        RGB(r: 0, g: 0, b: 0), RGB(r: 205, g: 0, b: 0), RGB(r: 0, g: 205, b: 0), RGB(r: 205, g: 205, b: 0),
        RGB(r: 0, g: 0, b: 238), RGB(r: 205, g: 0, b: 205), RGB(r: 0, g: 205, b: 205), RGB(r: 229, g: 229, b: 229),
        RGB(r: 127, g: 127, b: 127), RGB(r: 255, g: 0, b: 0), RGB(r: 0, g: 255, b: 0), RGB(r: 255, g: 255, b: 0),
        RGB(r: 92, g: 92, b: 255), RGB(r: 255, g: 0, b: 255), RGB(r: 0, g: 255, b: 255), RGB(r: 255, g: 255, b: 255),
    ]

    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// RGB of palette index 0…255 (clamped).
    static func rgb(of index: Int) -> RGB {
        let i = min(max(index, 0), 255)
        if i < 16 { return ansi[i] }
        if i < 232 {
            let c = i - 16
            return RGB(r: cubeLevels[c / 36], g: cubeLevels[(c / 6) % 6], b: cubeLevels[c % 6])
        }
        let grey = 8 + (i - 232) * 10
        return RGB(r: grey, g: grey, b: grey)
    }

    /// The ANSI colour (below `limit`, 8 or 16) closest to palette index `index`.
    static func nearestANSI(to index: Int, limit: Int) -> Int {
        let count = min(max(limit, 1), 16)
        if index >= 0 && index < count { return index }
        let target = rgb(of: index)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<count {
            let c = ansi[candidate]
            let dr = c.r - target.r, dg = c.g - target.g, db = c.b - target.b
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance {
                bestDistance = distance
                best = candidate
            }
        }
        return best
    }
}
