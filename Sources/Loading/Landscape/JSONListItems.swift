import Bytes

/// The items of a JSON `List` (`{"apiVersion": "v1", "items": [...], "kind": "List", …}`, as
/// `kubectl get … -o json` prints it), found by one byte scan that matches brackets and
/// strings but builds nothing, so each item can be read into a tape of its own: a list of
/// 100,000 shoots is never one tape. Returns nil for anything else — another shape, another
/// kind, or malformed JSON — which the whole-document reader then reads (and words the error).
struct JSONListItems {
    struct Item: Equatable {
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

    /// A mapped list larger than this is scanned in two halves at once (``SecondHalf``).
    static let halvesAbove = 2 << 20

    static func split(_ bytes: [UInt8], from start: Int) -> [Item]? {
        ByteSpan.with(bytes) { split($0, from: start) }
    }

    /// `passed(offset)` is told, every few megabytes, that the scan will not look before
    /// `offset` again (a mapped file can then let go of those pages). A list of more than
    /// `halvesAbove` bytes is scanned in two halves at once (``SecondHalf``), the second one
    /// letting go of its pages through `releasing`; the items are the same either way.
    static func split(_ b: ByteSpan, from start: Int, passed: (Int) -> Void = { _ in },
                      halvesAbove: Int = .max, releasing: @escaping @Sendable (Range<Int>) -> Void = { _ in }) -> [Item]? {
        var scanner = Scanner(b: b, i: start, lineStart: start)
        return scanner.topLevel(passed: passed, halvesAbove: halvesAbove, releasing: releasing)
    }

    struct Scanner {
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

        mutating func topLevel(passed: (Int) -> Void, halvesAbove: Int, releasing: @escaping @Sendable (Range<Int>) -> Void) -> [Item]? {
            guard let kind = openToItems(), let items = itemList(passed: passed, halvesAbove: halvesAbove, releasing: releasing),
                  closeAfterItems(kind: kind) else { return nil }
            return items
        }

        /// Reads the list's object up to its `items` array (left at its `[`): the kind when it
        /// came first (`.some(nil)` when it comes after), nil when this is not a list's start.
        mutating func openToItems() -> String?? {
            skipWhitespace()
            guard peek == UInt8(ascii: "{") else { return nil }
            i += 1
            var kind: String?
            while true {
                skipWhitespace()
                guard let key = string() else { return nil }
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { return nil }
                i += 1
                skipWhitespace()
                switch key {
                case "items":
                    return .some(kind)
                case "kind":
                    guard kind == nil, let k = string() else { return nil }
                    kind = k
                default:
                    guard skipValue() else { return nil }
                }
                skipWhitespace()
                guard peek == UInt8(ascii: ",") else { return nil }
                i += 1
            }
        }

        /// Reads the rest of the list's object after its `items` array: true when it ends the
        /// input and the list's kind (`kind`, or one after the items) is a list kind.
        mutating func closeAfterItems(kind: String?) -> Bool {
            var kind = kind
            while true {
                skipWhitespace()
                if peek == UInt8(ascii: "}") { i += 1; break }
                guard peek == UInt8(ascii: ",") else { return false }
                i += 1
                skipWhitespace()
                guard let key = string(), key != "items" else { return false }
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { return false }
                i += 1
                skipWhitespace()
                if key == "kind" {
                    guard kind == nil, let k = string() else { return false }
                    kind = k
                } else {
                    guard skipValue() else { return false }
                }
            }
            skipWhitespace()
            guard i == b.count, let kind else { return false }
            return Self.isList(kind)
        }

        static func isList(_ kind: String) -> Bool { JSONListItems.listKinds.contains(kind) }

        /// How many spaces start the line up to here, when nothing else does: a list's first
        /// item's indentation in kubectl's form, which its other items share.
        var indentation: Int? {
            i > lineStart && (lineStart..<i).allSatisfy({ b[$0] == 0x20 }) ? i - lineStart : nil
        }

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

        mutating func itemList(passed: (Int) -> Void, halvesAbove: Int, releasing: @escaping @Sendable (Range<Int>) -> Void) -> [Item]? {
            guard peek == UInt8(ascii: "[") else { return nil }
            i += 1
            var items: [Item] = []
            var reported = i
            skipWhitespace()
            if peek == UInt8(ascii: "]") { i += 1; return items }
            var second = b.count - i > halvesAbove
                ? SecondHalf.start(b, from: i + (b.count - i) / 2, indent: indentation, releasing: releasing) : nil
            // Whatever way this returns, the other thread has stopped reading the bytes.
            defer { second?.cancel() }
            while true {
                skipWhitespace()
                if let half = second, i >= half.start {
                    second = nil
                    // Here exactly at an item's start: the guess was right, and the rest is
                    // the second half's (nil when that scan failed: this one goes on and fails
                    // at the same place).
                    if i == half.start, let (rest, end) = half.finish() {
                        items += adopt(rest, end: end)
                        return items
                    }
                    half.cancel()
                }
                guard let item = nextItem() else { return nil }
                items.append(item)
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

        /// The item that starts here (the scanner left after it); nil when it is malformed.
        mutating func nextItem() -> Item? {
            let start = i, startLine = line, startLineStart = lineStart, startContinuation = continuationBytes
            let (skipped, kind) = skipObjectReadingKind()
            if !skipped { guard skipValue() else { return nil } }
            return Item(start: start, end: i, line: startLine, lineStart: startLineStart,
                        continuationBytes: startContinuation, kind: kind)
        }

        /// The items from here to the end of the list, and the scanner after its `]`: the
        /// second half's scan. nil when it meets anything else, or once `cancelled()`.
        mutating func itemsToEnd(cancelled: () -> Bool, releasing: (Range<Int>) -> Void) -> [Item]? {
            var items: [Item] = []
            var released = i
            while !cancelled() {
                skipWhitespace()
                guard let item = nextItem() else { return nil }
                items.append(item)
                if i - released >= 8 << 20 {
                    releasing(released..<i)
                    released = i
                }
                skipWhitespace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                guard peek == UInt8(ascii: "]") else { return nil }
                i += 1
                return items
            }
            return nil
        }

        /// The second half's items and end, whose lines it counted from 1 at its start (this
        /// scanner's position now), made absolute: the first line's items lie on this line.
        mutating func adopt(_ rest: [Item], end: Scanner) -> [Item] {
            func absolute(line: Int, lineStart: Int, continuation: Int) -> (Int, Int, Int) {
                line == 1 ? (self.line, self.lineStart, self.continuationBytes + continuation)
                          : (self.line + line - 1, lineStart, continuation)
            }
            let out = rest.map { item in
                var item = item
                (item.line, item.lineStart, item.continuationBytes) = absolute(line: item.line, lineStart: item.lineStart,
                                                                               continuation: item.continuationBytes)
                return item
            }
            (line, lineStart, continuationBytes) = absolute(line: end.line, lineStart: end.lineStart, continuation: end.continuationBytes)
            i = end.i
            return out
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
