import Bytes
import Foundation
import Spec

/// Files, directories and standard input → ``LandscapeInput``: every Shoot and Seed they hold.
///
/// A path is a file (YAML stream or JSON), `-` for standard input, or a directory, whose
/// `*.yaml`, `*.yml` and `*.json` files are read in name order (not its subdirectories, not
/// hidden files). Files may be up to 512 MiB (``FileReader/maxLandscapeBytes``). Errors are
/// one `FILE:LINE:COL` line, as for every input.
public enum LandscapeLoader {
    /// The name standard input gets in errors and locations.
    public static let standardInputName = "<stdin>"

    /// Every Shoot and Seed of `paths`; the shoots decoded (small landscapes, tests).
    public static func load(paths: [String]) throws(LoadError) -> LandscapeInput {
        var (landscape, shoots) = try open(paths: paths, chunkingShootLists: false)
        landscape.shoots = try shoots.all()
        try checkUnique(landscape)
        return landscape
    }

    /// The seeds and skipped documents of `paths`, and their shoots to read while they are
    /// planned (``LandscapeShoots``). A mapped JSON List whose first item is a Shoot is read
    /// in chunks then (`chunkingShootLists`; its seeds and skipped documents, if it holds
    /// any, are found by ``rescan(_:)``). Shoots given twice are found by
    /// ``checkUniqueShoots(count:_:)`` once they are read; seeds given twice are refused here.
    public static func open(paths: [String], chunkingShootLists: Bool = true,
                            chunkBytes: Int? = nil) throws(LoadError) -> (input: LandscapeInput, shoots: LandscapeShoots) {
        var files: [LandscapeShoots.MappedList] = []
        var parts: [LandscapeShoots.Part] = []
        for path in paths {
            func chunked(_ list: LandscapeShoots.MappedList) -> Bool {
                guard chunkingShootLists,
                      let chunks = ListChunks.layout(list.file.bytes, from: list.start, chunkBytes: chunkBytes ?? ListChunks.chunkBytes) else { return false }
                files.append(list)
                parts.append(.chunked(file: files.count - 1, chunks))
                return true
            }
            if path == "-" {
                // Read whole, then held like a mapped file: `kubectl get shoots -A -o json |`
                // is read in chunks as a file is.
                let buffer = try FileReader.readStandardInput(name: standardInputName, maxBytes: FileReader.maxLandscapeBytes)
                if let input = MappedFile(standardInput: buffer) {
                    let list = LandscapeShoots.MappedList(name: standardInputName, file: input, start: UTF8Text.hasByteOrderMark(input.bytes) ? 3 : 0)
                    if chunked(list) { continue }
                    parts.append(try decoded(bytes: input.bytes.array, file: standardInputName))
                } else {
                    free(buffer.baseAddress)
                    parts.append(try decoded(bytes: [], file: standardInputName))
                }
                continue
            }
            for file in try LandscapePaths.files(at: path) {
                if let mapped = MappedFile(path: file, maxBytes: FileReader.maxLandscapeBytes) {
                    let list = LandscapeShoots.MappedList(name: file, file: mapped, start: UTF8Text.hasByteOrderMark(mapped.bytes) ? 3 : 0)
                    if chunked(list) { continue }
                    if let part = try scanned(list, fileIndex: files.count) {
                        files.append(list)
                        parts.append(part)
                        continue
                    }
                }
                parts.append(try decoded(bytes: FileReader.read(path: file, maxBytes: FileReader.maxLandscapeBytes), file: file))
            }
        }
        return try assemble(files: files, parts: parts)
    }

    /// Runs `plan` — which reads every unit of the shoots it is given, on any threads — on
    /// `opened` (what ``open(paths:chunkingShootLists:chunkBytes:)`` returned), and once more
    /// on the landscape rescanned (``rescan(_:)``) when a List read in chunks was not read as
    /// it is. Returns the last run's result and what it read; throws the first shoot, in input
    /// order, that cannot be decoded.
    public static func read<Result>(_ opened: (input: LandscapeInput, shoots: LandscapeShoots),
                                    with plan: (LandscapeInput, LandscapeShoots) -> Result) throws(LoadError) -> (Result, input: LandscapeInput, shoots: LandscapeShoots) {
        var (input, shoots) = opened
        while true {
            let result = plan(input, shoots)
            if try shoots.finishReading() { return (result, input, shoots) }
            (input, shoots) = try rescan(shoots)
        }
    }

    /// `shoots` with its chunked Lists scanned for their items (seeds and other kinds among
    /// them found), for when reading them in chunks did not read them as they are
    /// (``LandscapeShoots/finishReading()``). The other inputs are not read again.
    public static func rescan(_ shoots: LandscapeShoots) throws(LoadError) -> (input: LandscapeInput, shoots: LandscapeShoots) {
        var parts: [LandscapeShoots.Part] = []
        for part in shoots.parts {
            guard case .chunked(let f, _) = part else {
                parts.append(part)
                continue
            }
            let list = shoots.files[f]
            if let part = try scanned(list, fileIndex: f) {
                parts.append(part)
            } else {
                // Not a List after all: read whole, as the document it is (standard input
                // from its memory, a file once more, which words any error as for every file).
                let bytes = list.file.isStandardInput ? list.file.bytes.array
                                                      : try FileReader.read(path: list.name, maxBytes: FileReader.maxLandscapeBytes)
                parts.append(try decoded(bytes: bytes, file: list.name))
            }
        }
        return try assemble(files: shoots.files, parts: parts)
    }

    /// The parts' seeds and skipped documents in input order, and their shoots.
    private static func assemble(files: [LandscapeShoots.MappedList], parts: [LandscapeShoots.Part]) throws(LoadError) -> (input: LandscapeInput, shoots: LandscapeShoots) {
        var landscape = LandscapeInput()
        for case .read(let found, _) in parts {
            landscape.seeds += found.seeds
            landscape.skipped += found.skipped
        }
        try checkUnique(landscape)
        return (landscape, LandscapeShoots(files: files, parts: parts))
    }

    /// Refuses a shoot (namespace and name) given twice: two dumps of one landscape. `shoot(i)`
    /// names shoot `i` of `count`, in input order; the second of two is the one refused.
    public static func checkUniqueShoots(count: Int, _ shoot: (Int) -> (namespace: String, name: String, location: SourceLocation?)) throws(LoadError) {
        // Open addressing on a 64-bit FNV-1a hash of the two names, by hand: the standard
        // library's seeded hashing of two strings per shoot into a dictionary was a serial
        // millisecond for 10,000 shoots after planning; this is a fifth of it.
        var size = 16
        while size < 2 * count { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        var hashes = [UInt64](repeating: 0, count: count)
        for i in 0..<count {
            let s = shoot(i)
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in s.namespace.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
            h = (h ^ 0x2F) &* 0x100_0000_01b3
            for byte in s.name.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hashes[i] = h
            var j = Int(truncatingIfNeeded: h) & (size - 1)
            while slots[j] >= 0 {
                let k = Int(slots[j])
                if hashes[k] == h {
                    let other = shoot(k)
                    if other.namespace == s.namespace && other.name == s.name {
                        throw duplicate("shoot \(s.namespace)/\(s.name)", at: s.location, first: other.location)
                    }
                }
                j = (j + 1) & (size - 1)
            }
            slots[j] = Int32(truncatingIfNeeded: i)
        }
    }

    /// A mapped JSON List's items: seeds and other kinds decoded now, shoots left for later
    /// (as entries); nil when the file is not a JSON List.
    private static func scanned(_ list: LandscapeShoots.MappedList, fileIndex: Int) throws(LoadError) -> LandscapeShoots.Part? {
        let b = list.file.bytes
        var i = list.start
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: "{"),
              let items = JSONListItems.split(b, from: list.start, passed: { list.file.release(before: $0) },
                                              halvesAbove: JSONListItems.halvesAbove, releasing: { list.file.release($0) }) else { return nil }
        var landscape = LandscapeInput()
        var entries: [LandscapeShoots.Entry] = []
        entries.reserveCapacity(items.count)
        var released = 0
        for item in items {
            // The scan usually read the item's kind; only an unusual item is read to find it.
            let isShoot: Bool
            if let kind = item.kind { isShoot = kind == "Shoot" } else { isShoot = try Self.isShoot(item, of: list) }
            if isShoot {
                entries.append(.item(file: fileIndex, item))
            } else {
                try decodeItem(item, of: list, into: &landscape)
            }
            if item.end - released >= 8 << 20 {
                released = item.end
                list.file.release(before: released)
            }
        }
        list.file.release(before: b.count)
        return .read(landscape, entries)
    }

    /// The item's tape, read from a copy of its bytes (the tape points into them, not into
    /// the mapping), positioned as in the whole file.
    private static func readItem(_ item: JSONListItems.Item, of list: LandscapeShoots.MappedList) throws(LoadError) -> DocumentTape {
        let b = list.file.bytes
        let bytes = b.span(item.start..<item.end).array
        switch JSONReader.read(bytes, position: (item.line, item.lineStart - item.start, item.continuationBytes)) {
        case .success(let tape):
            return tape
        case .failure(let failure):
            let position = failure.lineColumn ?? UTF8Text.lineColumn(ofByte: item.start + failure.offset - list.start,
                                                                     in: b.span(list.start..<b.count))
            throw LoadError(file: list.name, line: position.line, column: position.column, message: failure.message)
        }
    }

    private static func isShoot(_ item: JSONListItems.Item, of list: LandscapeShoots.MappedList) throws(LoadError) -> Bool {
        let tape = try readItem(item, of: list)
        return tape.withDocuments { docs in docs.first.map { $0.kind == .mapping && $0["kind"]?.textEquals("Shoot") == true } ?? false }
    }

    static func decodeItem(_ item: JSONListItems.Item, of list: LandscapeShoots.MappedList,
                           into landscape: inout LandscapeInput) throws(LoadError) {
        try LandscapeDecoder(fields: list.fields).decodeItem(try readItem(item, of: list), into: &landscape)
    }

    /// Texts held in memory, each named by its file name (tests, and text already read).
    public static func parse(_ texts: [(file: String, text: String)]) throws(LoadError) -> LandscapeInput {
        var landscape = LandscapeInput()
        for t in texts { try decode(bytes: Array(t.text.utf8), file: t.file, into: &landscape) }
        try checkUnique(landscape)
        return landscape
    }

    /// A file read whole (YAML, standard input, a JSON document that is not a mapped List).
    private static func decoded(bytes: [UInt8], file: String) throws(LoadError) -> LandscapeShoots.Part {
        var landscape = LandscapeInput()
        try decode(bytes: bytes, file: file, into: &landscape)
        let entries = landscape.shoots.map { LandscapeShoots.Entry.decoded($0) }
        landscape.shoots = []
        return .read(landscape, entries)
    }

    private static func decode(bytes: [UInt8], file: String, into landscape: inout LandscapeInput) throws(LoadError) {
        let decoder = LandscapeDecoder(fields: FieldDecoder(file: file))
        let start = UTF8Text.hasByteOrderMark(bytes) ? 3 : 0
        if bytes.count <= FileReader.maxLandscapeBytes, DocumentReader.isJSON(bytes, from: start),
           let items = JSONListItems.split(bytes, from: start) {
            // A JSON List: one small tape per item (the whole list is never one tape).
            for item in items {
                switch JSONReader.read(bytes, from: item.start, end: item.end,
                                       position: (item.line, item.lineStart, item.continuationBytes)) {
                case .success(let tape):
                    try decoder.decodeItem(tape, into: &landscape)
                case .failure(let failure):
                    let position = failure.lineColumn ?? ByteSpan.with(bytes, start..<bytes.count) {
                        UTF8Text.lineColumn(ofByte: failure.offset - start, in: $0)
                    }
                    throw LoadError(file: file, line: position.line, column: position.column, message: failure.message)
                }
            }
            return
        }
        let read = try DocumentReader.read(bytes: bytes, file: file, maxBytes: FileReader.maxLandscapeBytes)
        try decoder.decode(read, into: &landscape)
    }

    /// A shoot or seed listed twice (two dumps of one landscape) would collide with itself.
    private static func checkUnique(_ landscape: LandscapeInput) throws(LoadError) {
        let shoots = landscape.shoots
        try checkUniqueShoots(count: shoots.count) { (shoots[$0].namespace ?? "", shoots[$0].name, shoots[$0].location) }
        var seeds: [String: SourceLocation?] = [:]
        for s in landscape.seeds {
            let key = s.name ?? ""
            if let first = seeds.updateValue(s.location, forKey: key) {
                throw duplicate("seed \(key)", at: s.location, first: first)
            }
        }
    }

    private static func duplicate(_ what: String, at location: SourceLocation?, first: SourceLocation?) -> LoadError {
        LoadError(file: location?.file ?? "", line: location?.line, column: location?.column,
                  message: "\(what) appears twice (first at \(first.map { "\($0)" } ?? "?")); give each object once")
    }
}
