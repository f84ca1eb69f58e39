import Bytes
import Spec
import Synchronization

/// A mapped JSON List of shoots read in chunks, by any thread and in any order, each item
/// read once — by the reader that builds its tape, which finds where the item ends — while
/// the shoots are planned. Scanning the list for its items first and reading each item then
/// walked every byte twice; the scan was a tenth of checking a landscape.
///
/// A chunk starts at a guessed item start (``JSONListItems/guessItemStart(_:from:indent:)``)
/// and reads items until it reaches the next chunk's start. The chunks are right when each
/// one ended exactly where the next one starts, the last one at the list's `]`, and the list
/// closes as a List: ``verify(_:)`` tells. Only a list of nothing but well-formed Shoots is
/// read this way; a chunk that meets anything else stops, and the loader then scans the list
/// as before (``LandscapeShoots/finishReading()``), which also words any error.
struct ListChunks: Sendable {
    /// A place in the file, as the readers keep it: the line, the offset that line starts at
    /// and the UTF-8 continuation bytes between there and the place.
    struct Place: Sendable, Equatable {
        var offset: Int
        var line: Int
        var lineStart: Int
        var continuationBytes: Int
    }

    /// What one chunk read.
    enum Outcome: Sendable {
        /// Its items (Shoots), and where it stopped: at `next`, the first item start at or past
        /// the next chunk's start, or after the list's `]` (`listEnd`).
        case read(items: [JSONListItems.Item], next: Int?, listEnd: Int?)
        /// Something other than a well-formed Shoot, or a list that is not laid out as
        /// expected (or another chunk stopped first).
        case stopped
    }

    /// Bytes per chunk: small enough that two threads finish together on a shared machine.
    static let chunkBytes = 256 << 10

    /// Where each chunk starts; the first is the list's first item.
    let starts: [Int]
    /// The list's kind when it came before its items.
    let kindBeforeItems: String?
    /// The starts' places, counted as the chunks are read (``place(_:in:)``).
    private let places: Places

    /// The places known so far, the first one's from the start. Counted in order by whichever
    /// reader needs the next, not all before reading: counting a 16 MB list's lines first
    /// (touching every page of it) was two serial milliseconds before anything was planned.
    private final class Places: Sendable {
        let known: Mutex<[Place]>
        init(first: Place) { known = Mutex([first]) }
    }

    /// The chunks of the List that starts at `start`, when its first item is a Shoot; nil
    /// otherwise (the loader scans it then).
    static func layout(_ b: ByteSpan, from start: Int, chunkBytes: Int = chunkBytes) -> ListChunks? {
        var scanner = JSONListItems.Scanner(b: b, i: start, lineStart: start)
        guard let kind = scanner.openToItems(), scanner.peek == UInt8(ascii: "[") else { return nil }
        scanner.i += 1
        scanner.skipWhitespace()
        guard scanner.peek == UInt8(ascii: "{") else { return nil }
        var probe = scanner
        guard case (true, "Shoot") = probe.skipObjectReadingKind() else { return nil }
        let first = Place(offset: scanner.i, line: scanner.line, lineStart: scanner.lineStart, continuationBytes: scanner.continuationBytes)
        let indent = scanner.indentation
        var offsets = [first.offset]
        while let last = offsets.last, last + chunkBytes < b.count,
              let next = JSONListItems.guessItemStart(b, from: last + chunkBytes, indent: indent) {
            offsets.append(next)
        }
        return ListChunks(starts: offsets, kindBeforeItems: kind, places: Places(first: first))
    }

    /// Where chunk `k` starts: its line and column, counted from the place before it.
    func place(_ k: Int, in b: ByteSpan) -> Place {
        places.known.withLock { known in
            while known.count <= k {
                known.append(Self.place(of: starts[known.count], after: known[known.count - 1], in: b))
            }
            return known[k]
        }
    }

    /// The place of `offset`, from the lines and continuation bytes between `before` and it.
    private static func place(of offset: Int, after before: Place, in b: ByteSpan) -> Place {
        let gap = b.span(before.offset..<offset)
        let newlines = gap.count(of: 0x0A)
        guard newlines > 0, let lastNewline = gap.lastIndex(of: 0x0A) else {
            return Place(offset: offset, line: before.line, lineStart: before.lineStart,
                         continuationBytes: before.continuationBytes + gap.countContinuationBytes())
        }
        return Place(offset: offset, line: before.line + newlines, lineStart: before.offset + lastNewline + 1,
                     continuationBytes: gap.span(lastNewline + 1..<gap.count).countContinuationBytes())
    }

    /// Reads chunk `k` of `list`, handing each shoot to `shoot` in order; stops early once
    /// `abandoned()` (another chunk stopped: the list will be scanned instead).
    func read(_ k: Int, of list: LandscapeShoots.MappedList, abandoned: () -> Bool, shoot: (Shoot) -> Void) -> Outcome {
        let b = list.file.bytes
        let limit = k + 1 < starts.count ? starts[k + 1] : b.count
        let decoder = LandscapeDecoder(fields: list.fields)
        var at = place(k, in: b)
        var items: [JSONListItems.Item] = []
        var hint = 1024
        defer { list.file.release(starts[k]..<limit) }
        while !abandoned() {
            guard case .success(let read) = JSONReader.readValue(b, from: at.offset, position: (at.line, at.lineStart, at.continuationBytes),
                                                                 capacityHint: hint) else { return .stopped }
            var one = LandscapeInput()
            do throws(LoadError) {
                try decoder.decodeItem(read.tape, into: &one)
            } catch {
                return .stopped
            }
            guard one.shoots.count == 1, one.seeds.isEmpty, one.skipped.isEmpty, let s = one.shoots.popLast() else { return .stopped }
            items.append(JSONListItems.Item(start: at.offset, end: read.end, line: at.line, lineStart: at.lineStart,
                                            continuationBytes: at.continuationBytes, kind: "Shoot"))
            shoot(s)
            // An item of this one's size needs at most an entry per two bytes (and far fewer).
            hint = (read.end - at.offset) / 2 + 2
            var scanner = JSONListItems.Scanner(b: b, i: read.end, lineStart: read.endPosition.lineStart)
            scanner.line = read.endPosition.line
            scanner.continuationBytes = read.endPosition.continuationBytes
            scanner.skipWhitespace()
            if scanner.peek == UInt8(ascii: "]") { return .read(items: items, next: nil, listEnd: scanner.i + 1) }
            guard scanner.peek == UInt8(ascii: ",") else { return .stopped }
            scanner.i += 1
            scanner.skipWhitespace()
            at = Place(offset: scanner.i, line: scanner.line, lineStart: scanner.lineStart, continuationBytes: scanner.continuationBytes)
            if at.offset >= limit { return .read(items: items, next: at.offset, listEnd: nil) }
        }
        return .stopped
    }

    /// The list's items, chunk by chunk, when `outcomes` (one per chunk, in order) read it
    /// exactly as it is and it closes as a List; nil otherwise.
    func verify(_ outcomes: [Outcome], in b: ByteSpan) -> [[JSONListItems.Item]]? {
        guard outcomes.count == starts.count else { return nil }
        var items: [[JSONListItems.Item]] = []
        items.reserveCapacity(outcomes.count)
        for (k, outcome) in outcomes.enumerated() {
            guard case .read(let chunkItems, let next, let listEnd) = outcome else { return nil }
            items.append(chunkItems)
            if k + 1 < starts.count {
                guard next == starts[k + 1] else { return nil }
            } else {
                guard let listEnd else { return nil }
                var scanner = JSONListItems.Scanner(b: b, i: listEnd, lineStart: listEnd)
                guard scanner.closeAfterItems(kind: kindBeforeItems) else { return nil }
            }
        }
        return items
    }
}
