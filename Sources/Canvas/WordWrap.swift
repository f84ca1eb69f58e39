/// Lines of at most `width` columns, broken at spaces; a word wider than a line is split.
public enum WordWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var w = CellWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + w <= width {
                    line += " " + word
                    lineWidth += 1 + w
                    continue
                }
                if lineWidth > 0 {
                    out.append(line)
                    line = ""
                    lineWidth = 0
                }
                // Too wide for any line: split it by columns.
                while w > width {
                    var head = "", hw = 0
                    var rest = Substring(word)
                    while let c = rest.first, hw + CellWidth.of(String(c)) <= width {
                        head.append(c)
                        hw += CellWidth.of(String(c))
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty, let c = rest.first { head = String(c); rest = rest.dropFirst() }
                    out.append(head)
                    word = String(rest)
                    w = CellWidth.of(word)
                }
                line = word
                lineWidth = w
            }
            out.append(line)
        }
        return out
    }
}
