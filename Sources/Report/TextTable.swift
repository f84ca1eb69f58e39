import Canvas

/// Left-aligned columns for people; cells are sanitised (nothing from an input file reaches
/// the terminal as a control sequence).
public struct TextTable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(_ header: [String]) { self.header = header }

    public mutating func add(_ row: [String]) { rows.append(row.map { SafeText.terminal($0) }) }

    public func render(indent: String = "") -> String {
        var widths = header.map { CellWidth.of($0) }
        for r in rows {
            for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], CellWidth.of(c)) }
        }
        func line(_ cells: [String]) -> String {
            var out = indent
            for (i, c) in cells.enumerated() {
                out += c
                if i < cells.count - 1 { out += String(repeating: " ", count: max(0, widths[i] - CellWidth.of(c)) + 2) }
            }
            return out
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
