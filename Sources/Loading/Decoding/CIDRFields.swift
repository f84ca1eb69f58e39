import Addressing
import Bytes
import Spec

/// The three ways a CIDR field may be written: one CIDR (Gardener's form), the proposal's
/// comma tuple (`AUTOv6, 100.128.0.0/11,`), or a YAML/JSON list of strings.
extension FieldDecoder {
    static let cidrFieldExpectation = "expected a list of CIDRs or a comma-separated string"

    /// Spec fields: every entry is kept, invalid text as `.invalid` with its location, for the
    /// engine to report. Wrong types are load errors.
    func cidrSlots(_ node: DocNode?, _ path: @autoclosure () -> String) throws(LoadError) -> [CIDRSlot] {
        guard let node, !node.isNull else { return [] }
        switch node.kind {
        case .string:
            if let slot = wholePrefixSlot(node) { return [slot] }
            return CIDRSlot.parseTuple(node.text, location: contentLocation(node))
        case .sequence:
            var slots: [CIDRSlot] = []
            slots.reserveCapacity(node.count)
            var i = 0
            for item in node.children {
                guard item.kind == .string else {
                    throw error(item, "\(path())[\(i)]: expected a CIDR string, found \(found(item))")
                }
                slots.append(wholePrefixSlot(item) ?? CIDRSlot(parsing: item.text, location: contentLocation(item)))
                i += 1
            }
            return slots
        default:
            throw error(node, "\(path()): \(Self.cidrFieldExpectation), found \(found(node))")
        }
    }

    /// Machine-written and settings fields: the same forms, but every entry must be a valid,
    /// canonical CIDR (a load error otherwise); `AUTOv6` is not allowed.
    func prefixes(_ node: DocNode?, _ path: @autoclosure () -> String) throws(LoadError) -> [Located<IPPrefix>] {
        var out: [Located<IPPrefix>] = []
        out.reserveCapacity(Self.expectedPrefixes(node))
        try forEachPrefix(node, path()) { out.append($0) }
        return out
    }

    /// ``prefixes(_:_:)`` without the locations (node pod CIDRs: one array less per node).
    func plainPrefixes(_ node: DocNode?, _ path: @autoclosure () -> String) throws(LoadError) -> [IPPrefix] {
        var out: [IPPrefix] = []
        out.reserveCapacity(Self.expectedPrefixes(node))
        try forEachPrefix(node, path()) { out.append($0.value) }
        return out
    }

    /// A list's length, 1 for a string (nearly always one CIDR): what the arrays above reserve.
    private static func expectedPrefixes(_ node: DocNode?) -> Int {
        guard let node else { return 0 }
        return node.kind == .string ? 1 : node.count
    }

    private func forEachPrefix(_ node: DocNode?, _ path: @autoclosure () -> String,
                               _ body: (Located<IPPrefix>) -> Void) throws(LoadError) {
        guard let node, !node.isNull else { return }
        switch node.kind {
        case .string:
            if let whole = wholePrefix(node) {
                body(whole)
                return
            }
            let text = node.text
            var column = contentLocation(node).column
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                var item = part
                while item.first == " " { item = item.dropFirst() }
                while item.last == " " { item = item.dropLast() }
                if !item.isEmpty {
                    let lead = part.distance(from: part.startIndex, to: item.startIndex)
                    let loc = SourceLocation(file: file, line: node.line, column: column + lead)
                    body(try strictPrefix(item, at: loc, path()))
                }
                column += part.count + 1
            }
        case .sequence:
            var i = 0
            for item in node.children {
                guard item.kind == .string else {
                    throw error(item, "\(path())[\(i)]: expected a CIDR string, found \(found(item))")
                }
                body(try strictPrefix(item, path: path()))
                i += 1
            }
        default:
            throw error(node, "\(path()): \(Self.cidrFieldExpectation), found \(found(node))")
        }
    }

    /// A single canonical CIDR; nil when absent or null.
    func prefix(_ node: DocNode?, _ path: @autoclosure () -> String) throws(LoadError) -> Located<IPPrefix>? {
        guard let node, !node.isNull else { return nil }
        guard node.kind == .string else { throw error(node, "\(path()): expected a CIDR string, found \(found(node))") }
        return try strictPrefix(node, path: path())
    }

    /// A string node holding one canonical CIDR.
    private func strictPrefix(_ node: DocNode, path: @autoclosure () -> String) throws(LoadError) -> Located<IPPrefix> {
        if let whole = wholePrefix(node) { return whole }
        // The slow path words the error.
        return try strictPrefix(Substring(node.text), at: contentLocation(node), path())
    }

    /// The node's prefix when its text is exactly one valid canonical CIDR (no comma, no
    /// spaces) — nearly always — parsed from the bytes in place.
    private func wholePrefix(_ node: DocNode) -> Located<IPPrefix>? {
        guard case .success(let p) = AddressParser.parsePrefix(utf8: node.bytes) else { return nil }
        return Located(p, at: contentLocation(node))
    }

    /// The slot of a string node that is exactly one canonical CIDR (nearly always): what
    /// ``CIDRSlot/parseTuple(_:location:)`` would make of it, without splitting or trimming.
    private func wholePrefixSlot(_ node: DocNode) -> CIDRSlot? {
        guard let whole = wholePrefix(node) else { return nil }
        return CIDRSlot(value: .prefix(whole.value), text: node.text, location: whole.location)
    }

    private func strictPrefix(_ text: Substring, at loc: SourceLocation, _ path: @autoclosure () -> String) throws(LoadError) -> Located<IPPrefix> {
        switch AddressParser.parsePrefix(text) {
        case .success(let p):
            return Located(p, at: loc)
        case .failure(let e):
            let message = text == Substring(CIDRSlot.autoKeyword)
                ? "\(path()): \(CIDRSlot.autoKeyword) is not allowed here; write a CIDR"
                : "\(path()): \(quoted(String(text))) is not a valid CIDR: \(e.message)"
            throw LoadError(file: file, line: loc.line, column: loc.column, message: message)
        }
    }

    /// An IP address (no prefix length); nil when absent or null.
    func address(_ node: DocNode?, _ path: @autoclosure () -> String) throws(LoadError) -> IPAddress? {
        guard let node, !node.isNull else { return nil }
        guard node.kind == .string else { throw error(node, "\(path()): expected an IP address, found \(found(node))") }
        switch AddressParser.parseAddress(utf8: node.bytes) {
        case .success(let a): return a
        case .failure(let e): throw error(node, "\(path()): \(quoted(node.text)) is not a valid IP address: \(e.message)")
        }
    }
}
