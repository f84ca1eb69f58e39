import Bytes

/// What a node of an input document holds.
enum NodeKind: UInt8, Sendable {
    case null, bool, number, string, sequence, mapping

    /// How error messages name a value of this kind ("found a mapping").
    var phrase: String {
        switch self {
        case .null: "nothing (null)"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    @inline(__always)
    var isCollection: Bool { rawValue >= NodeKind.sequence.rawValue }
}

/// How a node was written. The editor needs it to find where a value ends in the text;
/// JSON strings count as double-quoted and JSON containers as flow collections.
enum NodeStyle: UInt8, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded, block, flow

    var isQuoted: Bool { self == .singleQuoted || self == .doubleQuoted }
}

/// One node of a document, stored flat in pre-order (a "tape").
///
/// A collection is followed by its children (a mapping by key, value, key, value …) and
/// records the index just past its subtree, so siblings are found without recursion.
struct TapeEntry: Sendable {
    /// line (25 bits) | kind (3) | style (3) | inExtra (1): 16 bytes an entry instead of 20,
    /// which is 8 MB less at the peak of loading a 50,000-node list (2 million entries).
    private var bits: UInt32
    /// 1-based, in Unicode scalars.
    var column: Int32
    /// Two words whose meaning depends on the kind — a scalar: its bytes' start and length; a
    /// collection: its number of children and the index after its subtree. Read and written
    /// only through the named accessors below.
    private var word1: Int32
    private var word2: Int32

    /// The last line a tape can name; readers refuse longer files with a clear error.
    static let maxLine = (1 << 25) - 1

    private init(kind: NodeKind, style: NodeStyle, inExtra: Bool, line: Int32, column: Int32, word1: Int32, word2: Int32) {
        let line = UInt32(clamping: min(max(Int(line), 0), Self.maxLine))
        bits = line << 7 | UInt32(kind.rawValue & 7) << 4 | UInt32(style.rawValue & 7) << 1 | (inExtra ? 1 : 0)
        self.column = column
        self.word1 = word1
        self.word2 = word2
    }

    /// A scalar whose bytes are `length` bytes from `start` in the source (or, `inExtra`, in
    /// the tape's decoded `extra` buffer).
    static func scalar(_ kind: NodeKind, style: NodeStyle, inExtra: Bool, line: Int32, column: Int32, start: Int32, length: Int32) -> TapeEntry {
        TapeEntry(kind: kind, style: style, inExtra: inExtra, line: line, column: column, word1: start, word2: length)
    }

    /// A sequence or mapping, empty until ``close(childCount:end:)``.
    static func collection(_ kind: NodeKind, style: NodeStyle, line: Int32, column: Int32) -> TapeEntry {
        TapeEntry(kind: kind, style: style, inExtra: false, line: line, column: column, word1: 0, word2: 0)
    }

    /// Records a collection's children (pairs for a mapping) and the index after its subtree.
    mutating func close(childCount: Int32, end: Int32) {
        word1 = childCount
        word2 = end
    }

    /// A scalar's first byte.
    var scalarStart: Int { Int(word1) }
    /// A scalar's byte count.
    var scalarLength: Int { Int(word2) }
    /// A collection's number of children (pairs for a mapping).
    var childCount: Int { Int(word1) }
    /// The index just past a collection's subtree.
    var collectionEnd: Int { Int(word2) }

    var kind: NodeKind { NodeKind(rawValue: UInt8(truncatingIfNeeded: bits >> 4 & 7)) ?? .null }
    var style: NodeStyle { NodeStyle(rawValue: UInt8(truncatingIfNeeded: bits >> 1 & 7)) ?? .plain }
    /// The scalar's bytes live in the tape's `extra` buffer (decoded) instead of `source`.
    var inExtra: Bool { bits & 1 == 1 }
    /// 1-based line.
    var line: Int32 { Int32(truncatingIfNeeded: bits >> 7) }
}

/// The documents of one input file as a flat, positioned tree that the YAML and the JSON
/// reader both produce, so one decoder serves both with exact line:column errors.
struct DocumentTape: Sendable {
    let entries: [TapeEntry]
    /// The raw input bytes (JSON strings without escapes point straight into it).
    let source: [UInt8]
    /// Decoded scalar bytes (YAML scalars, JSON strings with escapes).
    let extra: [UInt8]
    /// Entry index of each document's root, in file order.
    let roots: [Int]

    /// Runs `body` with the documents' roots. Nodes are views into the tape's storage and
    /// must not escape `body` (which keeps navigation free of reference counting).
    func withDocuments<R, E: Error>(_ body: ([DocNode]) throws(E) -> R) throws(E) -> R {
        try entries.withUnsafeBufferPointer { (e) throws(E) -> R in
            try ByteSpan.with(source) { (s) throws(E) -> R in
                try ByteSpan.with(extra) { (x) throws(E) -> R in
                    let view = TapeView(entries: e, source: s, extra: x)
                    return try body(roots.map { DocNode(view: view, index: $0) })
                }
            }
        }
    }
}

/// The tape's storage, borrowed for the duration of a ``DocumentTape/withDocuments(_:)`` call.
struct TapeView {
    let entries: UnsafeBufferPointer<TapeEntry>
    let source: ByteSpan
    let extra: ByteSpan

    /// A scalar entry's bytes, in the source or (decoded) in the side buffer.
    @inline(__always)
    func bytes(of e: TapeEntry) -> ByteSpan {
        let start = e.scalarStart
        return (e.inExtra ? extra : source).span(start..<start + e.scalarLength)
    }
}

/// Collects entries while the YAML reader walks Yams' nodes (the JSON reader writes its
/// tape in place).
struct TapeBuilder {
    var entries: [TapeEntry] = []
    var extra: [UInt8] = []
    var roots: [Int] = []

    init(expectedEntries: Int = 0) {
        entries.reserveCapacity(expectedEntries)
    }

    mutating func beginDocument() { roots.append(entries.count) }

    /// A scalar whose text is stored in the `extra` buffer.
    mutating func appendScalar(_ kind: NodeKind, style: NodeStyle, line: Int, column: Int, text: String) {
        let start = extra.count
        extra.append(contentsOf: text.utf8)
        entries.append(.scalar(kind, style: style, inExtra: true, line: Int32(clamping: line), column: Int32(clamping: column),
                               start: Int32(clamping: start), length: Int32(clamping: extra.count - start)))
    }

    /// Opens a sequence or mapping; returns its index for ``close(_:count:)``.
    mutating func open(_ kind: NodeKind, style: NodeStyle, line: Int, column: Int) -> Int {
        entries.append(.collection(kind, style: style, line: Int32(clamping: line), column: Int32(clamping: column)))
        return entries.count - 1
    }

    /// Closes the collection opened at `index` with `count` children (pairs for a mapping).
    mutating func close(_ index: Int, count: Int) {
        entries[index].close(childCount: Int32(clamping: count), end: Int32(clamping: entries.count))
    }

    func finish(source: [UInt8]) -> DocumentTape {
        DocumentTape(entries: entries, source: source, extra: extra, roots: roots)
    }
}
