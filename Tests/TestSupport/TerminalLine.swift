/// One line of a screen captured with its escape sequences (``TmuxPane/styledScreen()``): the
/// text, and whether reverse video is on where the line starts. tmux writes only the changes
/// of style, so the state carries over from line to line.
public struct TerminalLine: Equatable, Sendable {
    public var text: String
    /// Reverse video (SGR 7) is on at the line's first column.
    public var startsReversed: Bool

    public init(text: String, startsReversed: Bool) {
        self.text = text
        self.startsReversed = startsReversed
    }

    /// The lines of a styled capture.
    public static func lines(of styled: String) -> [TerminalLine] {
        var out: [TerminalLine] = []
        var reversed = false
        var text = String.UnicodeScalarView()
        var startsReversed: Bool?
        var scalars = Array(styled.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            switch c {
            case "\n":
                out.append(TerminalLine(text: String(text), startsReversed: startsReversed ?? reversed))
                text = String.UnicodeScalarView()
                startsReversed = nil
            case "\u{1B}" where scalars.first == "[":
                scalars.removeFirst()
                var parameters = ""
                while let p = scalars.popFirst() {
                    if (0x40...0x7E).contains(p.value) {
                        if p == "m" { reversed = applySGR(parameters, reversed: reversed) }
                        break
                    }
                    parameters.unicodeScalars.append(p)
                }
            case "\u{1B}" where scalars.first == "]":
                // OSC (a hyperlink, say): up to BEL or ESC \.
                while let p = scalars.popFirst(), p != "\u{07}" {
                    if p == "\u{1B}" { _ = scalars.popFirst(); break }
                }
            default:
                if startsReversed == nil { startsReversed = reversed }
                text.append(c)
            }
        }
        if !text.isEmpty { out.append(TerminalLine(text: String(text), startsReversed: startsReversed ?? reversed)) }
        return out
    }

    /// Reverse video after the SGR parameters `parameters` (e.g. `0;7` or `38;5;7`).
    static func applySGR(_ parameters: String, reversed: Bool) -> Bool {
        var reversed = reversed
        var values = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }[...]
        while let v = values.popFirst() {
            switch v {
            case 0, 27: reversed = false
            case 7: reversed = true
            // Extended colours: 5;n or 2;r;g;b follow and are not attributes.
            case 38, 48, 58: values = values.dropFirst(values.first == 2 ? 4 : 2)
            default: break
            }
        }
        return reversed
    }
}
