import Addressing

/// A small, fast JSON writer into a byte buffer. Plans of 50,000 nodes are written in one
/// pass without building an intermediate tree.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    private let pretty: Bool

    public init(pretty: Bool = false, capacity: Int = 1 << 16) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        newline()
    }

    /// A line break indented to the current depth (none before the first top-level value).
    private mutating func newline() {
        guard pretty, !bytes.isEmpty else { return }
        let depth = needsComma.count - 1
        if depth < Self.indentation.count / 2 {
            bytes.append(contentsOf: Self.indentation[0...(2 * depth)])
        } else {
            bytes.append(UInt8(ascii: "\n"))
            for _ in 0..<depth { bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: " ")) }
        }
    }

    /// A newline and the indentation of the deepest levels plans use, appended in one copy.
    private static let indentation: [UInt8] = [UInt8(ascii: "\n")] + [UInt8](repeating: UInt8(ascii: " "), count: 32)

    public mutating func beginObject() { valuePrefix(); open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { valuePrefix(); open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ c: UInt8) {
        bytes.append(c)
        needsComma.append(false)
    }

    private mutating func close(_ c: UInt8) {
        let hadItems = needsComma.removeLast()
        if hadItems { newline() }
        bytes.append(c)
    }

    /// Writes `"name":` inside an object; the next value call fills it.
    public mutating func key(_ name: String) {
        separator()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        pendingKey = true
    }

    private var pendingKey = false

    private mutating func valuePrefix() {
        if pendingKey {
            pendingKey = false
        } else {
            separator()
        }
    }

    public mutating func string(_ s: String) { valuePrefix(); appendString(s) }
    public mutating func number(_ n: Int) { valuePrefix(); bytes.append(contentsOf: String(n).utf8) }
    public mutating func bool(_ b: Bool) { valuePrefix(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    public mutating func null() { valuePrefix(); bytes.append(contentsOf: "null".utf8) }
    /// A canonical address or prefix as a JSON string, formatted straight into the buffer.
    public mutating func string(_ a: IPAddress) {
        valuePrefix()
        bytes.append(UInt8(ascii: "\""))
        AddressFormatter.append(a, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func string(_ p: IPPrefix) {
        valuePrefix()
        bytes.append(UInt8(ascii: "\""))
        AddressFormatter.append(p, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func field(_ name: String, _ value: IPPrefix) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: IPAddress) { key(name); string(value) }
    public mutating func field(_ name: String, prefixes: [IPPrefix]) {
        key(name)
        beginArray()
        for p in prefixes { string(p) }
        endArray()
    }
    public mutating func field(_ name: String, addresses: [IPAddress]) {
        key(name)
        beginArray()
        for a in addresses { string(a) }
        endArray()
    }

    /// A pre-formatted JSON number (for values beyond Int).
    public mutating func rawNumber(_ text: String) { valuePrefix(); bytes.append(contentsOf: text.utf8) }

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); number(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    public mutating func field(_ name: String, strings: [String]) {
        key(name)
        beginArray()
        for s in strings { string(s) }
        endArray()
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Bytes that start something ``appendString(_:)`` may escape: quote, backslash, C0,
    /// DEL and the lead bytes of the escaped scalars above U+007F.
    @inline(__always) private static func mayNeedEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2
    }

    /// Writes `s` as a JSON string. Besides what JSON requires (quote, backslash, C0), DEL,
    /// C1 controls, U+2028/U+2029 and the bidi marks are written as `\uXXXX`, so JSON
    /// printed to a terminal cannot steer it either (parsers read back the same text).
    private mutating func appendString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        // Nearly every string (names, zones, codes, messages) needs no escape: one copy.
        let copied = s.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard !utf8.contains(where: Self.mayNeedEscape) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied == true {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        var utf8 = s.utf8.makeIterator()
        while let b = utf8.next() {
            switch b {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F: appendEscape(UInt32(b))
            case 0xC2, 0xD8, 0xE2:
                // Lead bytes of the unsafe scalars above U+007F (a Swift string is valid
                // UTF-8, so the continuation bytes are there).
                let second = utf8.next() ?? 0x80
                let third: UInt8? = b == 0xE2 ? utf8.next() ?? 0x80 : nil
                let scalar = third.map { (UInt32(b & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32($0 & 0x3F) }
                    ?? (UInt32(b & 0x1F) << 6) | UInt32(second & 0x3F)
                if Self.escapedAboveASCII(scalar) {
                    appendEscape(scalar)
                } else {
                    bytes.append(b)
                    bytes.append(second)
                    if let third { bytes.append(third) }
                }
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Hands the bytes written so far to `sink` and starts a new chunk once more than
    /// `threshold` bytes are pending, so huge documents stream with bounded memory.
    public mutating func drain(ifLargerThan threshold: Int = 1 << 16, into sink: ([UInt8]) -> Void) {
        guard bytes.count > threshold else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func appendEscape(_ scalar: UInt32) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(Self.hex[Int((scalar >> UInt32(shift)) & 0xF)]) }
    }

    private static func escapedAboveASCII(_ v: UInt32) -> Bool {
        switch v {
        case 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The document as text, with a final newline.
    public var text: String { String(decoding: bytes, as: UTF8.self) + "\n" }
}
