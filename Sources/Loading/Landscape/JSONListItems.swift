import Bytes

/// The items of a JSON `List` (`{"apiVersion": "v1", "items": [...], "kind": "List", …}`, as
/// `kubectl get … -o json` prints it), found by one byte scan that matches brackets and
/// strings but builds nothing, so each item can be read into a tape of its own: a list of
/// 100,000 shoots is never one tape. Returns nil for anything else — another shape, another
/// kind, or malformed JSON — which the whole-document reader then reads (and words the error).
struct JSONListItems {
    struct Item {
        var start: Int
        var end: Int
        /// Where `start` lies: its line, the offset that line starts at, and the UTF-8
        /// continuation bytes between there and `start` (columns count Unicode scalars).
        var line: Int
        var lineStart: Int
        var continuationBytes: Int
        /// The item's top-level `kind`, read during the scan when the item is an object with
        /// plain keys and one plain `kind` string; nil otherwise (the item's reader then
        /// tells). Lets a loader pick the shoots without reading every item twice.
        var kind: String?
    }

    static let listKinds: Set<String> = ["List", "ShootList", "SeedList", "ManagedSeedList"]

    static func split(_ bytes: [UInt8], from start: Int) -> [Item]? {
        ByteSpan.with(bytes) { split($0, from: start) }
    }

    /// `passed(offset)` is told, every few megabytes, that the scan will not look before
    /// `offset` again (a mapped file can then let go of those pages).
    static func split(_ b: ByteSpan, from start: Int, passed: (Int) -> Void = { _ in }) -> [Item]? {
        var scanner = Scanner(b: b, i: start, lineStart: start)
        return scanner.topLevel(passed: passed)
    }

    private struct Scanner {
        let b: ByteSpan
        var i: Int
        var line = 1
        var lineStart: Int
        var continuationBytes = 0

        init(b: ByteSpan, i: Int, lineStart: Int) {
            self.b = b
            self.i = i
            self.lineStart = lineStart
        }

        mutating func topLevel(passed: (Int) -> Void) -> [Item]? {
            skipWhitespace()
            guard peek == UInt8(ascii: "{") else { return nil }
            i += 1
            var items: [Item]?
            var kind: String?
            skipWhitespace()
            if peek == UInt8(ascii: "}") { return nil }
            while true {
                skipWhitespace()
                guard let key = string() else { return nil }
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { return nil }
                i += 1
                skipWhitespace()
                switch key {
                case "items":
                    guard items == nil, let list = itemList(passed: passed) else { return nil }
                    items = list
                case "kind":
                    guard kind == nil, let k = string() else { return nil }
                    kind = k
                default:
                    guard skipValue() else { return nil }
                }
                skipWhitespace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                guard peek == UInt8(ascii: "}") else { return nil }
                i += 1
                break
            }
            skipWhitespace()
            guard i == b.count, let kind, Self.isList(kind), let items else { return nil }
            return items
        }

        static func isList(_ kind: String) -> Bool { JSONListItems.listKinds.contains(kind) }

        var peek: UInt8? { i < b.count ? b[i] : nil }

        mutating func skipWhitespace() {
            while i < b.count {
                switch b[i] {
                case 0x20, 0x09, 0x0D: i += 1
                case 0x0A:
                    i += 1
                    line += 1
                    lineStart = i
                    continuationBytes = 0
                default: return
                }
            }
        }

        /// A string without escapes (keys and kinds are plain); nil otherwise.
        mutating func string() -> String? {
            guard peek == UInt8(ascii: "\"") else { return nil }
            let start = i + 1
            var j = start
            while j < b.count, b[j] != UInt8(ascii: "\""), b[j] != UInt8(ascii: "\\"), b[j] >= 0x20 { j += 1 }
            guard j < b.count, b[j] == UInt8(ascii: "\"") else { return nil }
            for k in start..<j where b[k] & 0xC0 == 0x80 { continuationBytes += 1 }
            i = j + 1
            return b.span(start..<j).string
        }

        mutating func itemList(passed: (Int) -> Void) -> [Item]? {
            guard peek == UInt8(ascii: "[") else { return nil }
            i += 1
            var items: [Item] = []
            var reported = i
            skipWhitespace()
            if peek == UInt8(ascii: "]") { i += 1; return items }
            while true {
                skipWhitespace()
                let item = Item(start: i, end: i, line: line, lineStart: lineStart, continuationBytes: continuationBytes)
                let (skipped, kind) = skipObjectReadingKind()
                if !skipped { guard skipValue() else { return nil } }
                items.append(Item(start: item.start, end: i, line: item.line, lineStart: item.lineStart,
                                  continuationBytes: item.continuationBytes, kind: kind))
                if i - reported >= 8 << 20 {
                    reported = i
                    passed(i)
                }
                skipWhitespace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                guard peek == UInt8(ascii: "]") else { return nil }
                i += 1
                return items
            }
        }

        /// Skips the object that starts here, walking its top-level keys for its `kind`
        /// string (nil when it has none). When it is not an object, or has an escaped key, a
        /// `kind` that is not a plain string or two of them, the scanner is left where it was
        /// and `skipped` is false: ``skipValue()`` then skips it as any value.
        mutating func skipObjectReadingKind() -> (skipped: Bool, kind: String?) {
            let saved = self
            guard peek == UInt8(ascii: "{") else { return (false, nil) }
            i += 1
            var kind: String?
            skipWhitespace()
            if peek == UInt8(ascii: "}") { i += 1; return (true, nil) }
            while true {
                skipWhitespace()
                guard let key = string() else { break }
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { break }
                i += 1
                skipWhitespace()
                if key == "kind" {
                    guard kind == nil, let k = string() else { break }
                    kind = k
                } else {
                    guard skipValue() else { break }
                }
                skipWhitespace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                guard peek == UInt8(ascii: "}") else { break }
                i += 1
                return (true, kind)
            }
            self = saved
            return (false, nil)
        }

        /// Skips one value, matching brackets and strings (the item's reader checks the rest).
        mutating func skipValue() -> Bool {
            if let c = peek, c != UInt8(ascii: "{"), c != UInt8(ascii: "["), c != UInt8(ascii: "\"") {
                // A number, true, false or null: up to the next delimiter.
                let start = i
                while let d = peek, d != UInt8(ascii: ","), d != UInt8(ascii: "}"), d != UInt8(ascii: "]"),
                      d != 0x20, d != 0x09, d != 0x0A, d != 0x0D {
                    i += 1
                }
                return i > start
            }
            var depth = 0
            repeat {
                guard i < b.count else { return false }
                let c = b[i]
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    i += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard depth > 0 else { return false }
                    depth -= 1
                    i += 1
                case UInt8(ascii: "\""):
                    i += 1
                    while i < b.count, b[i] != UInt8(ascii: "\"") {
                        if b[i] == UInt8(ascii: "\\") { i += 1 }
                        else if b[i] == 0x0A { return false }
                        else if b[i] & 0xC0 == 0x80 { continuationBytes += 1 }
                        i += 1
                    }
                    guard i < b.count else { return false }
                    i += 1
                case 0x0A:
                    i += 1
                    line += 1
                    lineStart = i
                    continuationBytes = 0
                default:
                    if c & 0xC0 == 0x80 { continuationBytes += 1 }
                    i += 1
                }
            } while depth > 0
            return true
        }
    }
}
