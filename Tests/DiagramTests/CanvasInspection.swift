import Canvas
import Diagram

/// Helpers for reading rendered canvases in tests.
extension Canvas {
    /// The text of row `y` with the display column where each exported character starts.
    func columnsOfRow(_ y: Int) -> [(column: Int, scalar: Unicode.Scalar)] {
        var out: [(Int, Unicode.Scalar)] = []
        var col = 0
        for s in lines()[y].unicodeScalars {
            out.append((col, s))
            col += CellWidth.of(s)
        }
        return out
    }

    /// Roles of the cells where `needle` is written on row `y`, or nil when it is not there.
    func roles(of needle: String, row y: Int) -> [Role]? {
        let line = lines()[y]
        guard let r = line.range(of: needle) else { return nil }
        let start = CellWidth.of(String(line[..<r.lowerBound]))
        return (start..<(start + CellWidth.of(needle))).map { self[$0, y].role }
    }

    /// The first row containing `needle`.
    func row(containing needle: String) -> Int? {
        lines().firstIndex { $0.contains(needle) }
    }
}

/// The numbers N of every "+N more <what>" in `text`.
func moreCounts(_ text: String, what: String) -> [Int] {
    var out: [Int] = []
    var rest = Substring(text)
    while let r = rest.range(of: " more " + what) {
        let digits = rest[..<r.lowerBound].reversed().prefix { $0.isNumber }
        if let n = Int(String(digits.reversed())), rest[..<r.lowerBound].dropLast(digits.count).last == "+" { out.append(n) }
        rest = rest[r.upperBound...]
    }
    return out
}
