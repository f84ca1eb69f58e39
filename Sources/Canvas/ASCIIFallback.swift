/// What an ASCII-only canvas (`--ascii`, a non-UTF-8 locale) shows for a character outside
/// ASCII: a look-alike of the same width, so text measured for Unicode keeps its layout.
/// Everything drawn goes through ``Canvas/put(_:x:y:role:)``, so no view can send a
/// non-ASCII byte to such a terminal by mistake.
enum ASCIIFallback {
    /// The stand-in for `scalar` (one column; a wide character gets two of them).
    static func scalar(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "─", "━", "—", "–", "‐", "−": "-"
        case "│", "┃": "|"
        case "┌", "┐", "└", "┘", "┬", "┴", "├", "┤", "┼": "+"
        case "↑", "▲", "^": "^"
        case "↓", "▼": "v"
        case "←", "◀": "<"
        case "→", "▶": ">"
        case "·", "•": "."
        case "●", "★": "*"
        case "✗", "✘", "×": "x"
        case "✓", "✔": "+"
        case "…": "~"
        case "≥": ">"
        case "≤": "<"
        case "‘", "’", "′": "'"
        case "“", "”", "″": "\""
        case "\u{A0}": " "
        default: "?"
        }
    }
}
