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
