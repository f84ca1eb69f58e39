/// Byte offsets of a text's lines, to turn a 1-based line:column (columns in Unicode
/// scalars, as libyaml counts them) into a UTF-8 byte offset and back.
struct TextIndex {
    let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
    }

    var lineCount: Int { lineStarts.count }

    /// The byte offset of `line:column`, clamped to the line (and the text).
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return bytes.count }
        var i = lineStarts[line - 1]
        let end = lineEnd(line)
        var scalars = 1
        while scalars < column && i < end {
            i += 1
            while i < end && bytes[i] & 0xC0 == 0x80 { i += 1 }
            scalars += 1
        }
        return i
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
