import Bytes
import Spec

/// Typed access to document nodes for one file: every wrong type, bad number or missing
/// field becomes a `LoadError` at the node's line:column. Messages start with the field's
/// path (`spec.provider.workers[0].maximum: expected an integer, found a string ("five")`).
struct FieldDecoder {
    let file: String
    /// `file`, interned once: each location made here is then plain integers.
    private let fileName: SourceLocation.File

    init(file: String) {
        self.file = file
        fileName = SourceLocation.File(file)
    }

    func location(_ node: DocNode) -> SourceLocation {
        SourceLocation(file: fileName, line: node.line, column: node.column)
    }

    /// Where a scalar's text begins (after the opening quote of a quoted scalar).
    func contentLocation(_ node: DocNode) -> SourceLocation {
        SourceLocation(file: fileName, line: node.line, column: node.column + (node.style.isQuoted ? 1 : 0))
    }

    func error(_ node: DocNode, _ message: String) -> LoadError {
        LoadError(file: file, line: node.line, column: node.column, message: message)
    }

    /// "a string ("five")", "a mapping", … for messages.
    func found(_ node: DocNode) -> String {
        switch node.kind {
        case .string, .number, .bool:
            var text = node.text
            if text.count > 40 { text = String(text.prefix(40)) + "…" }
            return "\(node.kind.phrase) (\(quoted(text)))"
        default:
            return node.kind.phrase
        }
    }

    func quoted(_ text: String) -> String { "\"" + text + "\"" }

    // MARK: Structure

    /// The mapping at `node`; nil when absent or null.
    func mapping(_ node: DocNode?, _ path: @autoclosure () -> String) throws(LoadError) -> DocNode? {
        guard let node, !node.isNull else { return nil }
        guard node.kind == .mapping else { throw error(node, "\(path()): expected a mapping, found \(found(node))") }
        return node
    }

    /// The sequence at `node`; nil when absent or null.
    func sequence(_ node: DocNode?, _ path: @autoclosure () -> String) throws(LoadError) -> DocNode? {
        guard let node, !node.isNull else { return nil }
        guard node.kind == .sequence else { throw error(node, "\(path()): expected a list, found \(found(node))") }
        return node
    }

    // MARK: Scalars

    /// A string value; nil when absent or null.
    func string(_ node: DocNode?, _ path: @autoclosure () -> String) throws(LoadError) -> String? {
        guard let node, !node.isNull else { return nil }
        guard node.kind == .string else { throw error(node, "\(path()): expected a string, found \(found(node))") }
        return node.text
    }

    /// A required string under `key` of `parent`.
    func requiredString(_ parent: DocNode, _ key: StaticString, _ path: @autoclosure () -> String) throws(LoadError) -> Located<String> {
        guard let node = parent[key], let s = try string(node, path()) else {
            throw error(parent, "\(path()) is missing")
        }
        return Located(s, at: location(node))
    }

    /// A list of strings; a single string counts as a one-element list.
    func stringList(_ node: DocNode?, _ path: @autoclosure () -> String) throws(LoadError) -> [String]? {
        guard let node, !node.isNull else { return nil }
        if node.kind == .string { return [node.text] }
        guard node.kind == .sequence else { throw error(node, "\(path()): expected a list of strings, found \(found(node))") }
        var out: [String] = []
        out.reserveCapacity(node.count)
        var i = 0
        for item in node.children {
            guard let s = try string(item, "\(path())[\(i)]") else { throw error(item, "\(path())[\(i)]: expected a string, found nothing (null)") }
            out.append(s)
            i += 1
        }
        return out
    }

    /// An integer in `range`; nil when absent or null. Rejects fractions, strings and numbers
    /// too large for the platform's integers.
    func int(_ node: DocNode?, _ path: @autoclosure () -> String, in range: ClosedRange<Int> = Int.min...Int.max) throws(LoadError) -> Located<Int>? {
        guard let node, !node.isNull else { return nil }
        guard node.kind == .number else { throw error(node, "\(path()): expected an integer, found \(found(node))") }
        let value: Int
        switch IntegerText.parse(node.bytes) {
        case .value(let v): value = v
        case .notInteger: throw error(node, "\(path()): expected an integer, found \(quoted(node.text))")
        case .overflow: throw error(node, "\(path()): the number \(node.text) is too large")
        }
        guard range.contains(value) else {
            if value < 0 && range.lowerBound >= 0 { throw error(node, "\(path()): must not be negative (found \(value))") }
            throw error(node, "\(path()): \(value) is out of range \(range.lowerBound)…\(range.upperBound)")
        }
        return Located(value, at: location(node))
    }

    /// A boolean; nil when absent or null.
    func bool(_ node: DocNode?, _ path: @autoclosure () -> String) throws(LoadError) -> Bool? {
        guard let node, !node.isNull else { return nil }
        guard node.kind == .bool else { throw error(node, "\(path()): expected true or false, found \(found(node))") }
        return node.boolValue
    }
}

/// Integer text as YAML and JSON write it: decimal with an optional sign, or YAML's `0x`/`0o`.
enum IntegerText {
    enum Parsed: Equatable {
        case value(Int)
        case notInteger
        case overflow
    }

    static func parse(_ text: ByteSpan) -> Parsed {
        var i = 0
        var negative = false
        var radix = 10
        if let f = text.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            i = 1
        }
        if text.hasPrefix("0x", at: i) {
            radix = 16
            i += 2
        } else if text.hasPrefix("0o", at: i) {
            radix = 8
            i += 2
        }
        guard i < text.count else { return .notInteger }
        var value = 0
        for c in text.span(i..<text.count) {
            let d: Int
            switch c {
            case 0x30...0x39: d = Int(c - 0x30)
            case 0x61...0x66 where radix == 16: d = Int(c - 0x61 + 10)
            case 0x41...0x46 where radix == 16: d = Int(c - 0x41 + 10)
            default: return .notInteger
            }
            guard d < radix else { return .notInteger }
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (s, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 { return .overflow }
            value = s
        }
        return .value(value)
    }
}
