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

    public static func load(paths: [String]) throws(LoadError) -> LandscapeInput {
        var landscape = LandscapeInput()
        for path in paths {
            if path == "-" {
                let bytes = try FileReader.readStandardInput(name: standardInputName, maxBytes: FileReader.maxLandscapeBytes)
                try decode(bytes: bytes, file: standardInputName, into: &landscape)
                continue
            }
            for file in try LandscapePaths.files(at: path) {
                if let mapped = MappedFile(path: file, maxBytes: FileReader.maxLandscapeBytes),
                   try decodeList(mapped, file: file, into: &landscape) {
                    continue
                }
                try decode(bytes: FileReader.read(path: file, maxBytes: FileReader.maxLandscapeBytes), file: file, into: &landscape)
            }
        }
        try checkUnique(landscape)
        return landscape
    }

    /// Texts held in memory, each named by its file name (tests, and text already read).
    public static func parse(_ texts: [(file: String, text: String)]) throws(LoadError) -> LandscapeInput {
        var landscape = LandscapeInput()
        for t in texts { try decode(bytes: Array(t.text.utf8), file: t.file, into: &landscape) }
        try checkUnique(landscape)
        return landscape
    }

    /// A mapped JSON List, item by item, letting go of the pages behind; false when the file
    /// is not a JSON List (then nothing was added).
    private static func decodeList(_ mapped: MappedFile, file: String, into landscape: inout LandscapeInput) throws(LoadError) -> Bool {
        let b = mapped.bytes
        let start = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        var i = start
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: "{"),
              let items = JSONListItems.split(b, from: start, passed: { mapped.release(before: $0) }) else { return false }
        let decoder = LandscapeDecoder(fields: FieldDecoder(file: file))
        // Decoded straight into the landscape (an error ends the whole load anyway), with room
        // for every item, so the shoots are never copied to a larger array.
        landscape.shoots.reserveCapacity(landscape.shoots.count + items.count)
        var released = 0
        for item in items {
            // The item's bytes, copied: its tape points into them, not into the mapping.
            let bytes = Array(UnsafeBufferPointer(rebasing: b[item.start..<item.end]))
            switch JSONReader.read(bytes, position: (item.line, item.lineStart - item.start, item.continuationBytes)) {
            case .success(let tape):
                try decoder.decodeItem(tape, into: &landscape)
            case .failure(let failure):
                let position = failure.lineColumn ?? UTF8Text.lineColumn(ofByte: item.start + failure.offset - start,
                                                                         in: UnsafeBufferPointer(rebasing: b[start...]))
                throw LoadError(file: file, line: position.line, column: position.column, message: failure.message)
            }
            if item.end - released >= 8 << 20 {
                released = item.end
                mapped.release(before: released)
            }
        }
        return true
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
                    let position = failure.lineColumn ?? bytes[start...].withUnsafeBufferPointer {
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
        var shoots: [String: SourceLocation?] = [:]
        shoots.reserveCapacity(landscape.shoots.count)
        for s in landscape.shoots {
            let key = "\(s.namespace ?? "")/\(s.name)"
            if let first = shoots.updateValue(s.location, forKey: key) {
                throw duplicate("shoot \(key)", at: s.location, first: first)
            }
        }
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
