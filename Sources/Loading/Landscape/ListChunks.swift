import Bytes
import Dispatch
import Spec

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
    let starts: [Place]
    /// The list's kind when it came before its items.
    let kindBeforeItems: String?

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
        // The first item's indentation, when it starts its line (kubectl's form).
        let lineStart = scanner.lineStart
        let indent = first.offset > lineStart && (lineStart..<first.offset).allSatisfy({ b[$0] == 0x20 }) ? first.offset - lineStart : nil
        var offsets = [first.offset]
        while let last = offsets.last, last + chunkBytes < b.count,
              let next = JSONListItems.guessItemStart(b, from: last + chunkBytes, indent: indent) {
            offsets.append(next)
        }
        return ListChunks(starts: places(of: offsets, first: first, in: b), kindBeforeItems: kind)
    }

    /// The places of `offsets` (the first being `first`), from the lines and continuation
    /// bytes between each and the next, counted for all of them at once.
    private static func places(of offsets: [Int], first: Place, in b: ByteSpan) -> [Place] {
        struct Between { var newlines = 0, lastNewline = -1, continuationBytes = 0 }
        let gaps = offsets.count - 1
        var between = [Between](repeating: Between(), count: max(gaps, 0))
        between.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            nonisolated(unsafe) let bytes = b  // read only, and only until this returns
            let count: @Sendable (Int) -> Void = { g in
                let gap = bytes.span(offsets[g]..<offsets[g + 1])
                var r = Between()
                r.newlines = gap.count(of: 0x0A)
                let lineStart = r.newlines > 0 ? (gap.lastIndex(of: 0x0A, before: gap.count) ?? -1) + 1 : 0
                r.lastNewline = r.newlines > 0 ? offsets[g] + lineStart - 1 : -1
                r.continuationBytes = gap.span(lineStart..<gap.count).countContinuationBytes()
                out[g] = r
            }
            if gaps > 1 { DispatchQueue.concurrentPerform(iterations: gaps, execute: count) } else if gaps == 1 { count(0) }
        }
        var places = [first]
        for g in 0..<gaps {
            let before = places[g], r = between[g]
            places.append(r.newlines > 0
                ? Place(offset: offsets[g + 1], line: before.line + r.newlines, lineStart: r.lastNewline + 1, continuationBytes: r.continuationBytes)
                : Place(offset: offsets[g + 1], line: before.line, lineStart: before.lineStart,
                        continuationBytes: before.continuationBytes + r.continuationBytes))
        }
        return places
    }

    /// Reads chunk `k` of `list`, handing each shoot to `shoot` in order; stops early once
    /// `abandoned()` (another chunk stopped: the list will be scanned instead).
    func read(_ k: Int, of list: LandscapeShoots.MappedList, abandoned: () -> Bool, shoot: (Shoot) -> Void) -> Outcome {
        let b = list.file.bytes
        let limit = k + 1 < starts.count ? starts[k + 1].offset : b.count
        let decoder = LandscapeDecoder(fields: list.fields)
        var at = starts[k]
        var items: [JSONListItems.Item] = []
        var hint = 1024
        defer { list.file.release(starts[k].offset..<limit) }
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
            // The item's byte count bounds the next one's tape well (an entry per two bytes).
            hint = read.end - at.offset
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
                guard next == starts[k + 1].offset else { return nil }
            } else {
                guard let listEnd else { return nil }
                var scanner = JSONListItems.Scanner(b: b, i: listEnd, lineStart: listEnd)
                guard scanner.closeAfterItems(kind: kindBeforeItems) else { return nil }
            }
        }
        return items
    }
}
