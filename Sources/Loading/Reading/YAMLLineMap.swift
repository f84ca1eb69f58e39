/// libyaml starts a new line at LF, CR LF, a lone CR, NEL (U+0085), LS (U+2028) and PS
/// (U+2029); editors, kubectl and every message shootnet prints count lines at LF only. This
/// map turns libyaml's 1-based line:column into the LF-counted one, so an error after a raw
/// U+2028 names the line the user sees.
struct YAMLLineMap {
    /// Per libyaml line (index line − 1): the LF-counted line and column it starts at. Empty
    /// when the text breaks lines at LF only (the two counts agree).
    private let starts: [(line: Int, column: Int)]

    init(_ text: String) {
        guard text.utf8.contains(where: { $0 == 0x0D || $0 == 0xC2 || $0 == 0xE2 }) else {
            starts = []
            return
        }
        var starts = [(line: 1, column: 1)]
        var line = 1, column = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x0A:
                line += 1
                column = 1
                starts.append((line, column))
            case 0x0D where pending?.value == 0x0A:
                // CR LF is one break for both counts.
                pending = scalars.next()
                line += 1
                column = 1
                starts.append((line, column))
            case 0x0D, 0x85, 0x2028, 0x2029:
                column += 1
                starts.append((line, column))
            default:
                column += 1
            }
        }
        self.starts = starts
    }

    /// The LF-counted position of libyaml's `line:column`.
    func position(line: Int, column: Int) -> (line: Int, column: Int) {
        guard !starts.isEmpty, line >= 1 else { return (line, column) }
        guard line <= starts.count else {
            let last = starts[starts.count - 1]
            return (last.line + line - starts.count, column)
        }
        let start = starts[line - 1]
        return (start.line, start.column + column - 1)
    }
}
