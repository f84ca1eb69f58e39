import Addressing
import Canvas

/// A small, fast JSON writer. Plans of 50,000 nodes are written in one pass without building
/// an intermediate tree, straight into an ``OutputBuffer`` (addresses are formatted in place).
/// A writer is a local, single-use value: copies share one buffer.
public struct JSONWriter {
    private let out: OutputBuffer
    private let pretty: Bool
    /// Whether the innermost open object or array already has a member (a comma goes first).
    private var hasMembers = false
    /// The same flag for the enclosing levels (the outermost first).
    private var enclosing: [Bool] = []
    private var pendingKey = false

    public init(pretty: Bool = false, capacity: Int = 1 << 16) {
        self.pretty = pretty
        out = OutputBuffer(capacity: capacity)
    }

    /// The document so far.
    public var bytes: [UInt8] { out.array }

    /// The document as text, with a final newline.
    public var text: String { String(decoding: bytes, as: UTF8.self) + "\n" }

    /// Hands the bytes written so far to `sink` and starts a new chunk once more than
    /// `threshold` bytes are pending, so huge documents stream with bounded memory.
    public mutating func drain(ifLargerThan threshold: Int = 1 << 16, into sink: ([UInt8]) -> Void) {
        guard out.count > threshold else { return }
        sink(out.array)
        out.removeAll()
    }

    // MARK: Structure

    public mutating func beginObject() { valuePrefix(); open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { valuePrefix(); open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `"name":` inside an object; the next value call fills it. Keys written in the
    /// code need no escaping and are copied as they are.
    public mutating func key(_ name: StaticString) {
        separator()
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append($0) }
        out.append(UInt8(ascii: "\""))
        keyColon()
    }

    /// ``key(_:)`` for a key computed at run time (escaped like any string).
    public mutating func key(named name: String) {
        separator()
        appendString(name)
        keyColon()
    }

    private mutating func keyColon() {
        if pretty {
            let p = out.reserve(2)
            p[0] = UInt8(ascii: ":")
            p[1] = UInt8(ascii: " ")
            out.advance(2)
        } else {
            out.append(UInt8(ascii: ":"))
        }
        pendingKey = true
    }

    private mutating func open(_ c: UInt8) {
        out.append(c)
        enclosing.append(hasMembers)
        hasMembers = false
    }

    private mutating func close(_ c: UInt8) {
        let hadMembers = hasMembers
        hasMembers = enclosing.popLast() ?? false
        if hadMembers { newline() }
        out.append(c)
    }

    private mutating func valuePrefix() {
        if pendingKey {
            pendingKey = false
        } else {
            separator()
        }
    }

    private mutating func separator() {
        if hasMembers { out.append(UInt8(ascii: ",")) }
        hasMembers = true
        newline()
    }

    /// A line break indented to the current depth (none before the first top-level value).
    private mutating func newline() {
        guard pretty, out.count > 0 else { return }
        let width = 1 + 2 * enclosing.count
        let p = out.reserve(width)
        p[0] = UInt8(ascii: "\n")
        (p + 1).update(repeating: UInt8(ascii: " "), count: width - 1)
        out.advance(width)
    }

    // MARK: Values

    public mutating func string(_ s: String) { valuePrefix(); appendString(s) }
    public mutating func number(_ n: Int) { valuePrefix(); appendASCII(String(n)) }
    public mutating func bool(_ b: Bool) { valuePrefix(); appendASCII(b ? "true" : "false") }
    public mutating func null() { valuePrefix(); appendASCII("null") }
    /// A pre-formatted JSON number (for values beyond Int).
    public mutating func rawNumber(_ text: String) { valuePrefix(); appendASCII(text) }

    /// A canonical address as a JSON string, formatted straight into the buffer.
    public mutating func string(_ a: IPAddress) {
        valuePrefix()
        let p = out.reserve(AddressFormatter.maxLength + 2)
        p[0] = UInt8(ascii: "\"")
        let n = AddressFormatter.write(a, into: p + 1)
        p[n + 1] = UInt8(ascii: "\"")
        out.advance(n + 2)
    }

    /// A canonical prefix as a JSON string, formatted straight into the buffer.
    public mutating func string(_ prefix: IPPrefix) {
        valuePrefix()
        let p = out.reserve(AddressFormatter.maxLength + 2)
        p[0] = UInt8(ascii: "\"")
        let n = AddressFormatter.write(prefix, into: p + 1)
        p[n + 1] = UInt8(ascii: "\"")
        out.advance(n + 2)
    }

    public mutating func field(_ name: StaticString, _ value: IPPrefix) { key(name); string(value) }
    public mutating func field(_ name: StaticString, _ value: IPAddress) { key(name); string(value) }
    public mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: StaticString, _ value: Int) { key(name); number(value) }
    public mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }

    public mutating func field(_ name: StaticString, prefixes: [IPPrefix]) {
        key(name)
        beginArray()
        for p in prefixes { string(p) }
        endArray()
    }

    public mutating func field(_ name: StaticString, addresses: [IPAddress]) {
        key(name)
        beginArray()
        for a in addresses { string(a) }
        endArray()
    }

    public mutating func field(_ name: StaticString, strings: [String]) {
        key(name)
        beginArray()
        for s in strings { string(s) }
        endArray()
    }

    // MARK: Text

    private func appendASCII(_ s: String) {
        var s = s
        s.withUTF8 { out.append($0) }
    }

    /// Writes `s` as a JSON string. Besides what JSON requires (quote, backslash, C0), every
    /// scalar the terminal text policy calls unsafe (``CellWidth/isUnsafe(_:)``: DEL, C1,
    /// line separators, bidi marks, invisible characters) is written as `\uXXXX`, so JSON
    /// printed to a terminal cannot steer or fool it either (parsers read back the same text).
    private func appendString(_ s: String) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Nearly every string (names, zones, codes, messages) needs no escape: one copy.
            if !utf8.contains(where: Self.mayNeedEscape) {
                out.append(utf8)
            } else {
                appendEscaping(utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private func appendEscaping(_ utf8: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            i += 1
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F: appendEscape(UInt32(b))
            case 0xC2, 0xD8, 0xE1, 0xE2, 0xEF:
                // Lead bytes of the unsafe scalars above U+007F (the text is valid UTF-8, so
                // the continuation bytes are there).
                let length = b >= 0xE0 ? 3 : 2
                guard i + length - 1 <= utf8.count else { out.append(b); continue }
                let second = utf8[i]
                let scalar = length == 3
                    ? (UInt32(b & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(utf8[i + 1] & 0x3F)
                    : (UInt32(b & 0x1F) << 6) | UInt32(second & 0x3F)
                if Self.escapedAboveASCII(scalar) {
                    appendEscape(scalar)
                } else {
                    out.append(UnsafeBufferPointer(rebasing: utf8[(i - 1)..<(i - 1 + length)]))
                }
                i += length - 1
            default: out.append(b)
            }
        }
    }

    /// Bytes that start something ``appendString(_:)`` may escape: quote, backslash, C0,
    /// DEL and the lead bytes of the escaped scalars above U+007F (U+0080…U+00BF, U+061C,
    /// U+180E, U+200B…U+206F, U+FEFF).
    @inline(__always) private static func mayNeedEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE1 || b == 0xE2 || b == 0xEF
    }

    private func appendEscape(_ scalar: UInt32) {
        let p = out.reserve(6)
        p[0] = UInt8(ascii: "\\")
        p[1] = UInt8(ascii: "u")
        for k in 0..<4 {
            let d = UInt8(truncatingIfNeeded: (scalar >> UInt32(12 - 4 * k)) & 0xF)
            p[2 + k] = d < 10 ? 0x30 + d : 0x57 + d
        }
        out.advance(6)
    }

    private static func escapedAboveASCII(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return false }
        return CellWidth.isUnsafe(s)
    }
}
