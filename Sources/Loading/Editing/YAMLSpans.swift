import Bytes

/// Where nodes of a YAML text begin and end, as UTF-8 byte offsets, so an edit can replace
/// exactly a value's characters and leave everything around it (comments, spacing, other
/// documents) byte for byte as it was.
///
/// Yams gives only start positions; ends are found by scanning the text the way the
/// node's style was written.
struct YAMLSpans {
    let index: TextIndex
    private var bytes: [UInt8] { index.bytes }

    func start(_ node: DocNode) -> Int { index.offset(line: node.line, column: node.column) }

    /// The offset just past the node's text, or nil when the text does not look as expected.
    /// `parentIndent` (the indentation of the key owning the node) bounds block scalars.
    func end(_ node: DocNode, parentIndent: Int? = nil) -> Int? {
        switch node.kind {
        case .sequence, .mapping:
            if node.style == .flow { return matchingBracket(from: start(node)) }
            var last: DocNode?
            for child in node.children { last = child }
            guard let last else { return start(node) }
            // A block collection ends with its last child; the collection's own column is the
            // indentation of its keys (or dashes), which bounds a trailing block scalar.
            return end(last, parentIndent: node.column - 1)
        default:
            return scalarEnd(node, parentIndent: parentIndent)
        }
    }

    private func scalarEnd(_ node: DocNode, parentIndent: Int?) -> Int? {
        let s = start(node)
        switch node.style {
        case .singleQuoted: return quotedEnd(from: s, quote: UInt8(ascii: "'"))
        case .doubleQuoted: return quotedEnd(from: s, quote: UInt8(ascii: "\""))
        case .literal, .folded: return blockScalarEnd(from: s, parentIndent: parentIndent)
        default: return plainEnd(from: s, value: node.bytes)
        }
    }

    /// A plain scalar: its text, where a line break and indentation may stand for one space.
    private func plainEnd(from s: Int, value: ByteSpan) -> Int? {
        var i = s, j = 0
        while j < value.count {
            guard i < bytes.count else { return nil }
            if bytes[i] == value[j] {
                i += 1
                j += 1
            } else if (value[j] == 0x20 || value[j] == 0x0A) && isSpace(bytes[i]) {
                while j < value.count && (value[j] == 0x20 || value[j] == 0x0A) { j += 1 }
                while i < bytes.count && isSpace(bytes[i]) { i += 1 }
            } else {
                return nil
            }
        }
        return i
    }

    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// `'…'` (a doubled `''` is a quote) or `"…"` (backslash escapes).
    private func quotedEnd(from s: Int, quote: UInt8) -> Int? {
        guard index.byte(at: s) == quote else { return nil }
        var i = s + 1
        while i < bytes.count {
            let c = bytes[i]
            if quote == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if c == quote {
                if quote == UInt8(ascii: "'") && i + 1 < bytes.count && bytes[i + 1] == quote {
                    i += 2
                    continue
                }
                return i + 1
            }
            i += 1
        }
        return nil
    }

    /// `|` or `>` scalars: the header line, then every blank or deeper-indented line.
    private func blockScalarEnd(from s: Int, parentIndent: Int?) -> Int? {
        let header = index.lineColumn(ofByte: s).line
        let limit = parentIndent ?? indentation(ofLine: header)
        var end = index.lineEnd(header)
        var line = header + 1
        while line <= index.lineCount {
            let from = index.lineStarts[line - 1], to = index.lineEnd(line)
            let content = bytes[from..<to].drop { $0 == 0x20 || $0 == 0x0D }
            if !content.isEmpty {
                guard indentation(ofLine: line) > limit else { break }
                end = to
            }
            line += 1
        }
        return end
    }

    /// `[…]` or `{…}` with nested brackets, quoted strings and comments skipped.
    private func matchingBracket(from s: Int) -> Int? {
        var depth = 0
        var i = s
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return i + 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let e = quotedEnd(from: i, quote: c) else { return nil }
                i = e
                continue
            case UInt8(ascii: "#") where i > 0 && isSpace(bytes[i - 1]):
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                continue
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// Leading spaces of a line.
    func indentation(ofLine line: Int) -> Int {
        guard line >= 1 && line <= index.lineCount else { return 0 }
        var i = index.lineStarts[line - 1]
        var n = 0
        while i < bytes.count && bytes[i] == 0x20 {
            i += 1
            n += 1
        }
        return n
    }

    /// The offset just after the `:` that follows a key.
    func afterColon(ofKey key: DocNode) -> Int? {
        guard var i = end(key) else { return nil }
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        guard i < bytes.count && bytes[i] == UInt8(ascii: ":") else { return nil }
        return i + 1
    }

    /// The offset of the line break ending the line that holds `offset` (its `\r` in a CRLF
    /// file), or the end of the text.
    func endOfLine(containing offset: Int) -> Int {
        var i = offset
        while i < bytes.count && bytes[i] != 0x0A { i += 1 }
        return i > offset && bytes[i - 1] == 0x0D ? i - 1 : i
    }

    func startOfLine(containing offset: Int) -> Int {
        var i = min(offset, bytes.count)
        while i > 0 && bytes[i - 1] != 0x0A { i -= 1 }
        return i
    }
}
