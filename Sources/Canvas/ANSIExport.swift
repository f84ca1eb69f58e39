/// Turns a canvas into text with ANSI SGR colour codes (for `render --color always`).
public enum ANSIExport {
    public static func sgr(_ style: Theme.Style) -> String {
        var codes: [String] = []
        if style.bold { codes.append("1") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        switch style.foreground {
        case .none: break
        case .ansi(let n): codes.append(n < 8 ? "\(30 + n)" : "\(90 + n - 8)")
        case .indexed(let n): codes.append("38;5;\(n)")
        }
        switch style.background {
        case .none: break
        case .ansi(let n): codes.append(n < 8 ? "\(40 + n)" : "\(100 + n - 8)")
        case .indexed(let n): codes.append("48;5;\(n)")
        }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// Lines of the canvas with colour; trailing blanks trimmed, trailing empty rows dropped.
    public static func lines(of canvas: Canvas, theme: Theme) -> [String] {
        var out: [String] = []
        for y in 0..<canvas.height {
            var lastCol = -1
            for x in 0..<canvas.width where canvas[x, y].scalar != " " || canvas[x, y].role != .plain { lastCol = x }
            var line = ""
            var current: Role? = nil
            var x = 0
            while x <= lastCol {
                let c = canvas[x, y]
                x += 1
                if c.isContinuation { continue }
                if c.role != current {
                    if current != nil { line += "\u{1B}[0m" }
                    line += sgr(theme.style(for: c.role))
                    current = c.role
                }
                line.unicodeScalars.append(c.scalar)
            }
            if current != nil { line += "\u{1B}[0m" }
            out.append(line)
        }
        while out.last == "" { out.removeLast() }
        return out
    }
}
