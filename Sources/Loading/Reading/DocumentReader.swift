import Bytes

/// How an input file is written.
enum InputFormat: Sendable {
    case yaml, json
}

/// The documents of one file, positioned.
struct ReadDocuments {
    var tape: DocumentTape
    var format: InputFormat
    /// The text without a byte order mark (only produced when asked for, or for YAML).
    var text: String?
    var hadByteOrderMark: Bool
}

/// Bytes → documents: skips a byte order mark, detects JSON by its first non-space byte
/// (`{` or `[`), checks UTF-8, and runs the matching reader.
enum DocumentReader {
    static func read(bytes: [UInt8], file: String, keepText: Bool = false,
                     maxBytes: Int = FileReader.maxBytes) throws(LoadError) -> ReadDocuments {
        // The tape stores offsets in 32 bits; text from memory gets the same cap as files.
        guard bytes.count <= maxBytes else {
            throw LoadError(file: file, message: "file is larger than \(maxBytes >> 20) MiB")
        }
        let bom = UTF8Text.hasByteOrderMark(bytes)
        let start = bom ? 3 : 0
        if isJSON(bytes, from: start) {
            switch JSONReader.read(bytes, from: start) {
            case .success(let tape):
                let text = keepText ? String(decoding: bytes[start...], as: UTF8.self) : nil
                return ReadDocuments(tape: tape, format: .json, text: text, hadByteOrderMark: bom)
            case .failure(let failure):
                let position = failure.lineColumn ?? ByteSpan.with(bytes, start..<bytes.count) {
                    UTF8Text.lineColumn(ofByte: failure.offset - start, in: $0)
                }
                throw LoadError(file: file, line: position.line, column: position.column, message: failure.message)
            }
        }
        if let (bad, position) = ByteSpan.with(bytes, start..<bytes.count, { text in
            UTF8Text.firstInvalidByte(text).map { ($0, UTF8Text.lineColumn(ofByte: $0, in: text)) }
        }) {
            throw LoadError(file: file, line: position.line, column: position.column,
                            message: "invalid UTF-8 byte \(UTF8Text.hex(bytes[start + bad])) (the file must be UTF-8)")
        }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        let tape = try YAMLReader.read(text: text, file: file)
        return ReadDocuments(tape: tape, format: .yaml, text: text, hadByteOrderMark: bom)
    }

    static func isJSON(_ bytes: [UInt8], from start: Int) -> Bool {
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    /// True when the text holds nothing but whitespace and comments.
    static func isBlank(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy { line in
            let t = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            return t.isEmpty || t.first == "#" || t == "---" || t == "..."
        }
    }
}
