/// Byte offsets of a text's lines, to turn a 1-based line:column (columns in Unicode
/// scalars, as libyaml counts them) into a UTF-8 byte offset and back.
struct TextIndex {
    let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    let lineStarts: [Int]
    /// For lines that are not pure ASCII: the byte offset of each Unicode scalar, so that
    /// ``offset(line:column:)`` is O(1) on every line (a 300 KB line of flow collections asks
    /// for one offset per node; walking the line each time was quadratic).
    private let scalarStarts: [Int: [Int]]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var starts = [0]
        var tables: [Int: [Int]] = [:]
        var ascii = true
        func finish(upTo end: Int) {
            guard !ascii, let start = starts.last else { return }
            var table: [Int] = []
            for i in start..<end where bytes[i] & 0xC0 != 0x80 { table.append(i) }
            tables[starts.count - 1] = table
        }
        for (i, b) in bytes.enumerated() {
            if b == 0x0A {
                finish(upTo: i)
                starts.append(i + 1)
                ascii = true
            } else if b >= 0x80 {
                ascii = false
            }
        }
        finish(upTo: bytes.count)
        self.bytes = bytes
        lineStarts = starts
        scalarStarts = tables
    }

    var lineCount: Int { lineStarts.count }

    /// The byte offset of `line:column`, clamped to the line (and the text).
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return bytes.count }
        let end = lineEnd(line)
        guard column > 1 else { return lineStarts[line - 1] }
        if let table = scalarStarts[line - 1] {
            return column - 1 < table.count ? min(table[column - 1], end) : end
        }
        return min(lineStarts[line - 1] + column - 1, end)
    }

    /// The offset of the line's newline (or the end of the text); a `\r` before it is kept.
    func lineEnd(_ line: Int) -> Int {
        line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    }

    /// 1-based line and column of a byte offset.
    func lineColumn(ofByte offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = lineStarts[lo]
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (lo + 1, column)
    }

    func byte(at offset: Int) -> UInt8? { offset >= 0 && offset < bytes.count ? bytes[offset] : nil }
}
