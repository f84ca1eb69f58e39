import Bytes

extension JSONListItems {
    /// Where an item of a list seems to start, for scanning or reading a large list in parts
    /// (``SecondHalf``, ``ListChunks``): the place is only a guess until a scan or read from
    /// the list's start reaches it as an item's start; a part that started at a wrong one is
    /// dropped. In valid JSON the pattern cannot lie inside a string (a `{` followed by `"`
    /// would end the string, and a letter cannot follow a string), but it can be a nested
    /// array's element (an ownerReference starts with apiVersion too): hence the indentation.
    ///
    /// The `{` of the first `}` `,` `{` (JSON whitespace between) at or after `from`, indented
    /// by `indent` spaces on its own line when `indent` is given.
    static func guessItemStart(_ b: ByteSpan, from: Int, indent: Int?) -> Int? {
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
        func indented(_ j: Int) -> Bool {
            guard let indent else { return true }
            let lineStart = j - indent
            guard lineStart > 0, b[lineStart - 1] == 0x0A else { return false }
            return (lineStart..<j).allSatisfy { b[$0] == 0x20 }
        }
        func startsWithAPIVersion(_ j: Int) -> Bool {
            var k = j + 1
            while k < b.count, isSpace(b[k]) { k += 1 }
            let key = Array("\"apiVersion\"".utf8)
            return k + key.count <= b.count && key.indices.allSatisfy { b[k + $0] == key[$0] }
        }
        var k = from
        while k < b.count {
            guard b[k] == UInt8(ascii: "}") else { k += 1; continue }
            var j = k + 1
            while j < b.count, isSpace(b[j]) { j += 1 }
            if j < b.count, b[j] == UInt8(ascii: ",") {
                j += 1
                while j < b.count, isSpace(b[j]) { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "{"), indented(j), startsWithAPIVersion(j) { return j }
            }
            k += 1
        }
        return nil
    }
}
