import Bytes

/// A strict RFC 8259 reader that walks raw bytes once and fills a ``DocumentTape``.
///
/// Strings without escapes are not copied: their entries point into the input. Nesting is
/// handled with an explicit stack (no recursion), capped at ``maxDepth`` levels.
struct JSONReader {
    static let maxDepth = 512

    /// Where and why reading stopped: a byte offset into the input, or a line:column
    /// already known from the tape.
    struct Failure: Error {
        var offset: Int
        var message: String
        var lineColumn: (line: Int, column: Int)?

        init(offset: Int, message: String, lineColumn: (line: Int, column: Int)? = nil) {
            self.offset = offset
            self.message = message
            self.lineColumn = lineColumn
        }
    }

    /// Reads one JSON value from `bytes[start...]` (`start` skips a byte order mark).
    ///
    /// `end` reads only `bytes[start..<end]` (one item of a larger document); `position` is
    /// where `start` lies in the file — its line, and its column as the byte offset of that
    /// line's start and the UTF-8 continuation bytes between there and `start` — so every
    /// node keeps its place in the whole file.
    static func read(_ bytes: [UInt8], from start: Int = 0, end: Int? = nil,
                     position: (line: Int, lineStart: Int, continuationBytes: Int)? = nil) -> Result<DocumentTape, Failure> {
        var failure: Failure?
        var extra: [UInt8] = []
        let end = min(end ?? bytes.count, bytes.count)
        // Every entry takes at least two bytes of input (a value and a separator, or a
        // bracket pair), so this capacity is never exceeded and the tape never grows.
        let capacity = max(0, end - start) / 2 + 2
        let entries = ByteSpan.with(bytes, 0..<end) { buffer in
            [TapeEntry](unsafeUninitializedCapacity: capacity) { out, count in
                guard let base = out.baseAddress else { return }
                var reader = JSONReader(buffer: buffer, start: start, out: base, capacity: out.count)
                if let position {
                    reader.line = position.line
                    reader.lineStart = position.lineStart
                    reader.continuationBytesOnLine = position.continuationBytes
                }
                do throws(Failure) {
                    try reader.readDocument()
                } catch {
                    failure = error
                }
                count = reader.count
                extra = reader.extra
            }
        }
        if let failure { return .failure(failure) }
        return .success(DocumentTape(entries: entries, source: bytes, extra: extra, roots: [0]))
    }

    /// Reads the one value that starts at `start` in `b` — a List's item whose end is not
    /// known yet — and stops right after it. The tape holds a copy of the value's bytes; `end`
    /// is the offset after the value and `endPosition` where that lies, as `position` is for
    /// `start`. `capacityHint`: tape entries to start with (an item the size of the one before
    /// needs at most half its bytes); a value that needs more is read again with room for it.
    static func readValue(_ b: ByteSpan, from start: Int, position: (line: Int, lineStart: Int, continuationBytes: Int),
                          capacityHint: Int) -> Result<(tape: DocumentTape, end: Int, endPosition: (line: Int, lineStart: Int, continuationBytes: Int)), Failure> {
        let rest = b.span(start..<b.count)
        // The same bound as read(_:from:end:position:), here over all the bytes that are left.
        let bound = rest.count / 2 + 2
        var capacity = min(bound, max(64, capacityHint))
        while true {
            var failure: Failure?
            var extra: [UInt8] = []
            var end = 0, endPosition = (line: 0, lineStart: 0, continuationBytes: 0)
            var full = false
            let entries = [TapeEntry](unsafeUninitializedCapacity: capacity) { out, count in
                guard let base = out.baseAddress else { return }
                var reader = JSONReader(buffer: rest, start: 0, out: base, capacity: out.count)
                reader.oneValue = true
                reader.line = position.line
                reader.lineStart = position.lineStart - start
                reader.continuationBytesOnLine = position.continuationBytes
                do throws(Failure) {
                    try reader.readDocument()
                } catch {
                    failure = error
                    full = reader.count == reader.capacity
                }
                count = reader.count
                extra = reader.extra
                end = reader.i
                endPosition = (reader.line, reader.lineStart + start, reader.continuationBytesOnLine)
            }
            if full && capacity < bound {
                capacity = min(bound, capacity * 4)
                continue
            }
            if var failure {
                failure.offset += start
                return .failure(failure)
            }
            let source = rest.span(0..<end).array
            return .success((DocumentTape(entries: entries, source: source, extra: extra, roots: [0]), start + end, endPosition))
        }
    }

    private struct Frame {
        var index: Int
        var count: Int
        var isObject: Bool
    }

    private let b: ByteSpan
    private let n: Int
    private var i: Int
    private var line = 1
    private var lineStart: Int
    /// UTF-8 continuation bytes seen on the current line (columns count Unicode scalars).
    private var continuationBytesOnLine = 0
    /// The tape, written in place.
    private let out: UnsafeMutablePointer<TapeEntry>
    private let capacity: Int
    private var count = 0
    /// Decoded bytes of strings with escapes.
    private var extra: [UInt8] = []
    /// Stop after the first value (``readValue(_:from:position:capacityHint:)``) instead of
    /// requiring that nothing follows it.
    private var oneValue = false

    private init(buffer: ByteSpan, start: Int, out: UnsafeMutablePointer<TapeEntry>, capacity: Int) {
        b = buffer
        n = buffer.count
        i = start
        lineStart = start
        self.out = out
        self.capacity = capacity
    }

    private var column: Int { i - lineStart - continuationBytesOnLine + 1 }

    // MARK: Tape

    static func tooManyLines(at offset: Int) -> Failure {
        Failure(offset: offset, message: "more than \(TapeEntry.maxLine) lines; shootnet reads files of at most that many lines")
    }

    @inline(__always)
    private mutating func append(_ entry: TapeEntry) throws(Failure) {
        guard count < capacity else { throw Failure(offset: i, message: "internal error: JSON tape capacity exceeded") }
        guard line <= TapeEntry.maxLine else { throw Self.tooManyLines(at: i) }
        out[count] = entry
        count += 1
    }

    @inline(__always)
    private mutating func appendScalar(_ kind: NodeKind, line: Int, column: Int, start: Int, length: Int, inExtra: Bool = false) throws(Failure) {
        try append(.scalar(kind, style: kind == .string ? .doubleQuoted : .plain, inExtra: inExtra,
                           line: Int32(truncatingIfNeeded: line), column: Int32(truncatingIfNeeded: column),
                           start: Int32(truncatingIfNeeded: start), length: Int32(truncatingIfNeeded: length)))
    }

    // MARK: Structure

    private mutating func readDocument() throws(Failure) {
        // Nesting is capped, so the stack of open containers is allocated once.
        let stack = UnsafeMutablePointer<Frame>.allocate(capacity: Self.maxDepth + 1)
        defer { stack.deallocate() }
        var depth = 0
        value: while true {
            skipWhitespace()
            guard i < n else { throw endOfInput(stack, depth) }
            switch b[i] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = b[i] == UInt8(ascii: "{")
                guard depth < Self.maxDepth else {
                    throw Failure(offset: i, message: "JSON nesting is deeper than \(Self.maxDepth) levels")
                }
                let index = count
                try append(.collection(isObject ? .mapping : .sequence, style: .flow,
                                       line: Int32(truncatingIfNeeded: line), column: Int32(truncatingIfNeeded: column)))
                i += 1
                skipWhitespace()
                if i < n && b[i] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i += 1
                    out[index].close(childCount: 0, end: Int32(truncatingIfNeeded: count))
                    break
                }
                stack[depth] = Frame(index: index, count: 0, isObject: isObject)
                depth += 1
                if isObject { try readKeyAndColon() }
                continue value
            case UInt8(ascii: "\""):
                try readString()
            case UInt8(ascii: "t"):
                try readLiteral("true", kind: .bool)
            case UInt8(ascii: "f"):
                try readLiteral("false", kind: .bool)
            case UInt8(ascii: "n"):
                try readLiteral("null", kind: .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try readNumber()
            default:
                throw unexpected("a value")
            }
            // A value is complete: close containers or move to the next element.
            while depth > 0 {
                let top = stack[depth - 1]
                skipWhitespace()
                guard i < n else { throw endOfInput(stack, depth) }
                let c = b[i]
                if c == UInt8(ascii: ",") {
                    let comma = i
                    i += 1
                    stack[depth - 1].count += 1
                    skipWhitespace()
                    let closer = top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if i < n && b[i] == closer {
                        throw Failure(offset: comma, message: "trailing comma before '\(Character(Unicode.Scalar(closer)))'")
                    }
                    if top.isObject { try readKeyAndColon() }
                    continue value
                }
                if c == (top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    depth -= 1
                    out[top.index].close(childCount: Int32(truncatingIfNeeded: top.count + 1), end: Int32(truncatingIfNeeded: count))
                    if top.isObject { try checkDuplicateKeys(of: top.index) }
                    i += 1
                    continue
                }
                throw unexpected(top.isObject ? "',' or '}'" : "',' or ']'")
            }
            break
        }
        if oneValue { return }
        skipWhitespace()
        if i < n { throw Failure(offset: i, message: "unexpected content after the JSON value") }
    }

    private mutating func readKeyAndColon() throws(Failure) {
        skipWhitespace()
        guard i < n else { throw Failure(offset: i, message: "unexpected end of input; expected a key") }
        guard b[i] == UInt8(ascii: "\"") else { throw unexpected("a string key") }
        try readString()
        skipWhitespace()
        guard i < n, b[i] == UInt8(ascii: ":") else { throw unexpected("':' after the key") }
        i += 1
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while i < n {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0D {
                i += 1
            } else if c == 0x0A {
                i += 1
                line += 1
                lineStart = i
                continuationBytesOnLine = 0
                skipIndentation()
            } else {
                return
            }
        }
    }

    /// Pretty-printed JSON (kubectl's) indents every line: skip spaces eight at a time.
    @inline(__always)
    private mutating func skipIndentation() {
        while i + 8 <= n && b.word(at: i) == 0x2020_2020_2020_2020 {
            i += 8
        }
    }

    // MARK: Scalars

    private mutating func readLiteral(_ word: StaticString, kind: NodeKind) throws(Failure) {
        let len = word.utf8CodeUnitCount
        guard b.hasPrefix(word, at: i) else {
            throw Failure(offset: i, message: "invalid literal; expected true, false, null, a number, a string, an object or an array")
        }
        try appendScalar(kind, line: line, column: column, start: i, length: len)
        i += len
    }

    private mutating func readNumber() throws(Failure) {
        let start = i
        let startColumn = column
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n, isDigit(b[i]) else { throw Failure(offset: i, message: "invalid number: expected a digit") }
        if b[i] == UInt8(ascii: "0") {
            i += 1
            if i < n && isDigit(b[i]) { throw Failure(offset: start, message: "invalid number: leading zeros are not allowed") }
        } else {
            while i < n && isDigit(b[i]) { i += 1 }
        }
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            guard i < n, isDigit(b[i]) else { throw Failure(offset: i, message: "invalid number: expected a digit after '.'") }
            while i < n && isDigit(b[i]) { i += 1 }
        }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < n, isDigit(b[i]) else { throw Failure(offset: i, message: "invalid number: expected a digit in the exponent") }
            while i < n && isDigit(b[i]) { i += 1 }
        }
        try appendScalar(.number, line: line, column: startColumn, start: start, length: i - start)
    }

    @inline(__always)
    private func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    /// Reads a string at `i` (the opening quote). Without escapes it is a slice of the input.
    private mutating func readString() throws(Failure) {
        let quote = i
        let startColumn = column
        i += 1
        let start = i
        skipPlainStringBytes()
        // Nearly every string is plain ASCII: done at the first special byte, its closing quote.
        if i < n && b[i] == UInt8(ascii: "\"") {
            try appendScalar(.string, line: line, column: startColumn, start: start, length: i - start)
            i += 1
            return
        }
        try readStringRest(quote: quote, contentStart: start, column: startColumn)
    }

    /// The rest of a string that is not plain ASCII up to `i`.
    private mutating func readStringRest(quote: Int, contentStart start: Int, column startColumn: Int) throws(Failure) {
        let startLine = line
        while i < n {
            skipPlainStringBytes()
            guard i < n else { break }
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                try appendScalar(.string, line: startLine, column: startColumn, start: start, length: i - start)
                i += 1
                return
            }
            if c == UInt8(ascii: "\\") {
                try readEscapedString(contentStart: start, line: startLine, column: startColumn, quote: quote)
                return
            }
            if c < 0x20 { throw controlCharacter(c) }
            if c >= 0x80 {
                try skipMultibyte()
            } else {
                i += 1
            }
        }
        throw Failure(offset: quote, message: "unterminated string")
    }

    /// The slow path: decodes escapes into the tape's side buffer.
    private mutating func readEscapedString(contentStart: Int, line startLine: Int, column startColumn: Int, quote: Int) throws(Failure) {
        let extraStart = extra.count
        b.span(contentStart..<i).append(to: &extra)
        while i < n {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                try appendScalar(.string, line: startLine, column: startColumn, start: extraStart,
                                 length: extra.count - extraStart, inExtra: true)
                i += 1
                return
            }
            if c == UInt8(ascii: "\\") {
                try readEscape()
            } else if c < 0x20 {
                throw controlCharacter(c)
            } else if c >= 0x80 {
                let from = i
                try skipMultibyte()
                b.span(from..<i).append(to: &extra)
            } else {
                extra.append(c)
                i += 1
            }
        }
        throw Failure(offset: quote, message: "unterminated string")
    }

    private mutating func readEscape() throws(Failure) {
        let backslash = i
        guard i + 1 < n else { throw Failure(offset: backslash, message: "unterminated string") }
        let e = b[i + 1]
        i += 2
        let simple: UInt8?
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = e
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            let shown = e >= 0x20 && e < 0x7F ? "\\" + String(Character(Unicode.Scalar(e))) : "\\ followed by byte \(UTF8Text.hex(e))"
            throw Failure(offset: backslash, message: "invalid escape sequence \(shown) in string")
        }
        if let simple {
            extra.append(simple)
            return
        }
        var scalar = try readHex4(escapeAt: backslash)
        if scalar >= 0xD800 && scalar <= 0xDBFF {
            guard i + 1 < n, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
                throw Failure(offset: backslash, message: "invalid \\u escape: high surrogate without a following low surrogate")
            }
            let second = i
            i += 2
            let low = try readHex4(escapeAt: second)
            guard low >= 0xDC00 && low <= 0xDFFF else {
                throw Failure(offset: second, message: "invalid \\u escape: expected a low surrogate (\\uDC00–\\uDFFF)")
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
            throw Failure(offset: backslash, message: "invalid \\u escape: unpaired low surrogate")
        }
        guard let s = Unicode.Scalar(scalar) else {
            throw Failure(offset: backslash, message: "invalid \\u escape")
        }
        UTF8.encode(s) { extra.append($0) }
    }

    private mutating func readHex4(escapeAt start: Int) throws(Failure) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < n else { throw Failure(offset: start, message: "invalid \\u escape: expected 4 hex digits") }
            let c = b[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw Failure(offset: start, message: "invalid \\u escape: expected 4 hex digits")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    /// Skips 8 bytes at a time while none of them is a quote, a backslash, a control
    /// character or non-ASCII (SWAR: the "has a zero byte" bit trick).
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let x = b.word(at: i)
            let quote = x ^ (ones &* 0x22)
            let backslash = x ^ (ones &* 0x5C)
            var special = (quote &- ones) & ~quote
            special |= (backslash &- ones) & ~backslash
            special |= (x &- ones &* 0x20) & ~x
            special = (special | x) & highs
            if special != 0 {
                i += special.trailingZeroBitCount >> 3
                return
            }
            i += 8
        }
    }

    @inline(__always)
    private mutating func skipMultibyte() throws(Failure) {
        guard let len = UTF8Text.sequenceLength(b, at: i) else {
            throw Failure(offset: i, message: "invalid UTF-8 byte \(UTF8Text.hex(b[i])) (the file must be UTF-8)")
        }
        i += len
        continuationBytesOnLine += len - 1
    }

    // MARK: Checks and messages

    /// Duplicate keys make "which one wins" ambiguous; report the second one. Objects are
    /// small, so keys are compared pairwise (lengths first) without extra storage.
    private mutating func checkDuplicateKeys(of index: Int) throws(Failure) {
        let pairs = out[index].childCount
        guard pairs > 1 else { return }
        if pairs > 32 { return try checkDuplicateKeysHashed(of: index, pairs: pairs) }
        var a = index + 1
        for p in 1..<pairs {
            a = nextKey(after: a)
            let ka = out[a]
            var c = index + 1
            for _ in 0..<p {
                let kc = out[c]
                if kc.scalarLength == ka.scalarLength && keyBytesEqual(a, c) { throw duplicateKey(at: a, first: c) }
                c = nextKey(after: c)
            }
        }
    }

    /// The key entry after the pair whose key is at `key`.
    @inline(__always)
    private func nextKey(after key: Int) -> Int {
        let value = out[key + 1]
        return value.kind.isCollection ? value.collectionEnd : key + 2
    }

    private mutating func checkDuplicateKeysHashed(of index: Int, pairs: Int) throws(Failure) {
        var seen: [[UInt8]: Int] = [:]
        var k = index + 1
        for _ in 0..<pairs {
            let bytes = keyBytes(k)
            if let first = seen[bytes] { throw duplicateKey(at: k, first: first) }
            seen[bytes] = k
            k = nextKey(after: k)
        }
    }

    private func keyBytes(_ entryIndex: Int) -> [UInt8] {
        let e = out[entryIndex]
        let range = e.scalarStart..<e.scalarStart + e.scalarLength
        return e.inExtra ? Array(extra[range]) : Array(b[range])
    }

    private func keyBytesEqual(_ x: Int, _ y: Int) -> Bool {
        let ex = out[x], ey = out[y]
        guard ex.scalarLength == ey.scalarLength else { return false }
        if !ex.inExtra && !ey.inExtra {
            // memcmp: keys of one length ("name", "kind", "type") meet in most objects.
            return b.span(ex.scalarStart..<ex.scalarStart + ex.scalarLength).equals(b.span(ey.scalarStart..<ey.scalarStart + ey.scalarLength))
        }
        return keyBytes(x) == keyBytes(y)
    }

    private func duplicateKey(at key: Int, first: Int) -> Failure {
        let e = out[key], f = out[first]
        let name = String(decoding: keyBytes(key), as: UTF8.self)
        return Failure(offset: 0, message: "duplicate key \"\(name)\" (first defined at line \(f.line), column \(f.column))",
                       lineColumn: (Int(e.line), Int(e.column)))
    }

    private func controlCharacter(_ c: UInt8) -> Failure {
        Failure(offset: i, message: "control character \(UTF8Text.hex(c)) in string; it must be escaped (e.g. \\n, \\t, \\u0001)")
    }

    private func unexpected(_ expectation: String) -> Failure {
        guard i < n else { return Failure(offset: i, message: "unexpected end of input; expected \(expectation)") }
        let c = b[i]
        let shown = c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte \(UTF8Text.hex(c))"
        return Failure(offset: i, message: "unexpected \(shown); expected \(expectation)")
    }

    private func endOfInput(_ stack: UnsafeMutablePointer<Frame>, _ depth: Int) -> Failure {
        guard depth > 0 else {
            return Failure(offset: i, message: "unexpected end of input; expected a value")
        }
        let top = stack[depth - 1]
        let open = out[top.index]
        let what = top.isObject ? "object" : "array"
        return Failure(offset: i, message: "unexpected end of input; the \(what) opened at line \(open.line), column \(open.column) is not closed")
    }
}
