/// Applies ``SpecEdit``s to the text of a main file, changing only the edited values:
/// comments, key order, quoting of other values and the other documents stay byte for byte
/// as they were. Missing keys are inserted with the indentation of their siblings; a missing
/// ShootnetSettings document is appended.
///
/// Every result is read back; an edit that would leave unreadable YAML is refused.
public enum SpecEditor {
    /// Applies `edits` in order. JSON files are refused (they are not edited in place).
    public static func apply(_ edits: [SpecEdit], to text: String) throws(SpecEditError) -> String {
        var text = text
        for edit in edits { text = try apply(edit, to: text) }
        return text
    }

    public static func apply(_ edit: SpecEdit, to text: String) throws(SpecEditError) -> String {
        let read: ReadDocuments
        do {
            read = try DocumentReader.read(bytes: Array(text.utf8), file: "text")
        } catch {
            throw SpecEditError("the text does not load (\(error.line.map { "line \($0): " } ?? "")\(error.message)); fix it before editing")
        }
        guard read.format == .yaml else {
            throw SpecEditError("JSON files are not edited in place; convert the file to YAML to edit it")
        }
        let source = read.text ?? text
        let index = TextIndex(source)
        let spans = YAMLSpans(index: index)
        let splice = try read.tape.withDocuments { (docs) throws(SpecEditError) -> Splice? in
            let kind = edit.document == .shoot ? "Shoot" : "ShootnetSettings"
            guard let root = docs.first(where: { $0.kind == .mapping && $0["kind"]?.textEquals(string: kind) == true }) else {
                if edit.document == .shoot { throw SpecEditError("the file has no Shoot document") }
                if edit.value == .remove { return nil }
                return try appendSettings(edit, to: index)
            }
            let locator = EditLocator(spans: spans, step: indentStep(root), newline: newline(of: index), edit: edit)
            return try locator.splice(in: root)
        }
        guard let splice else { return source }
        var bytes = index.bytes
        bytes.replaceSubrange(splice.range, with: Array(splice.replacement.utf8))
        do {
            _ = try DocumentReader.read(bytes: bytes, file: "text")
        } catch {
            throw SpecEditError("editing \(edit.pathText) would make the file unreadable (\(error.message)); nothing was changed")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The file's indentation step, from the first nested block mapping (2 when there is none).
    private static func indentStep(_ root: DocNode) -> Int {
        for (key, value) in root.pairs where value.kind == .mapping && value.style == .block {
            let step = value.column - key.column
            if step > 0 { return step }
        }
        return 2
    }

    /// The file's line ending: CRLF when its first line ends so.
    private static func newline(of index: TextIndex) -> String {
        index.lineCount > 1 && index.lineStarts[1] >= 2 && index.bytes[index.lineStarts[1] - 2] == 0x0D ? "\r\n" : "\n"
    }

    private static func appendSettings(_ edit: SpecEdit, to index: TextIndex) throws(SpecEditError) -> Splice {
        let keys = try EditLocator.keys(edit.path[...], edit)
        let nl = newline(of: index)
        let end = index.bytes.count
        let separator = end == 0 || index.bytes[end - 1] == 0x0A ? "" : nl
        let document = ["---", "apiVersion: shootnet.gardener.cloud/v1alpha1", "kind: ShootnetSettings",
                        EditLocator.blockLines(keys, edit.value, indent: 0, step: 2, newline: nl)].joined(separator: nl) + nl
        return Splice(range: end..<end, replacement: separator + document)
    }
}

/// A replacement of bytes in the text.
struct Splice {
    var range: Range<Int>
    var replacement: String
}

/// Walks an edit's path through a document and decides what to replace or insert.
struct EditLocator {
    let spans: YAMLSpans
    let step: Int
    /// `\n`, or `\r\n` in files written with CRLF.
    let newline: String
    let edit: SpecEdit

    func splice(in root: DocNode) throws(SpecEditError) -> Splice? {
        var node = root
        var key: DocNode?
        var inFlow = false
        var walked = ""
        var path: [DocNode] = []
        for (i, component) in edit.path.enumerated() {
            if i > 0 { path.append(node) }
            if let shared = Self.sharedNode(path.last, in: root) {
                throw SpecEditError("\(walked) is shared through a YAML alias or merge key (&/*/<<, the text at line \(shared.line)): editing it there would change every place that uses it; write it out in full (break the alias) and edit again")
            }
            switch component {
            case .key(let name):
                if node.kind == .mapping {
                    if let pair = node.pair(forKey: name) {
                        inFlow = inFlow || node.style == .flow
                        key = pair.key
                        node = pair.value
                    } else {
                        if edit.value == .remove { return nil }
                        if node.pairs.contains(where: { Self.sharedNode($0.key, in: root) != nil }) {
                            throw SpecEditError("\(walked) takes keys from a YAML merge key (<<): a new key cannot be placed safely; write the mapping out in full and edit again")
                        }
                        return try insert(Self.keys(edit.path[i...], edit), into: node, inFlow: inFlow || node.style == .flow)
                    }
                } else if node.isNull, let owner = key {
                    if edit.value == .remove { return nil }
                    return try fill(node, ownedBy: owner, with: Self.keys(edit.path[i...], edit), inFlow: inFlow)
                } else {
                    throw SpecEditError("\(walked.isEmpty ? "the document" : walked) is \(node.kind.phrase), not a mapping; cannot set \(edit.pathText)")
                }
            case .index(let n):
                guard node.kind == .sequence, let element = node.element(n) else {
                    if edit.value == .remove { return nil }
                    throw SpecEditError("\(walked) has no item \(n); cannot set \(edit.pathText)")
                }
                inFlow = inFlow || node.style == .flow
                key = nil
                node = element
            }
            walked += walked.isEmpty || component.description.hasPrefix("[") ? component.description : "." + component.description
        }
        if let shared = Self.sharedNode(node, in: root) {
            throw SpecEditError("\(edit.pathText) is shared through a YAML alias or merge key (&/*/<<, the text at line \(shared.line)): editing it there would change every place that uses it; write it out in full (break the alias) and edit again")
        }
        if edit.value == .remove {
            guard let key else { throw SpecEditError("list items cannot be removed: \(edit.pathText)") }
            return try remove(key, node, inFlow: inFlow)
        }
        return try replace(node, ownedBy: key, inFlow: inFlow)
    }

    /// `node` when the text it stands at is read in more than one place of the document
    /// (an alias copied it, or a merge key): two nodes of one kind at one line and column.
    static func sharedNode(_ node: DocNode?, in root: DocNode) -> DocNode? {
        guard let node, node.kind.isCollection || !node.isNull else { return nil }
        var seen = 0
        func visit(_ n: DocNode) {
            if n.line == node.line && n.column == node.column && n.kind == node.kind { seen += 1 }
            if n.kind == .mapping {
                for (k, v) in n.pairs { visit(k); visit(v) }
            } else if n.kind == .sequence {
                for c in n.children { visit(c) }
            }
        }
        visit(root)
        return seen > 1 ? node : nil
    }

    /// The rest of a path that has to be created: keys only.
    static func keys(_ path: ArraySlice<SpecEdit.PathComponent>, _ edit: SpecEdit) throws(SpecEditError) -> [String] {
        var keys: [String] = []
        for component in path {
            guard case .key(let k) = component else {
                throw SpecEditError("cannot create list items: \(edit.pathText) does not exist")
            }
            keys.append(k)
        }
        return keys
    }

    /// `k1:\n  k2: value` at `indent`, without a final newline.
    static func blockLines(_ keys: [String], _ value: SpecEdit.Value, indent: Int, step: Int, newline: String) -> String {
        var out = ""
        for (i, k) in keys.enumerated() {
            if i > 0 { out += newline }
            out += String(repeating: " ", count: indent + i * step) + YAMLScalarFormat.string(k, inFlow: false) + ":"
            if i == keys.count - 1 { out += " " + YAMLScalarFormat.value(value, inFlow: false) }
        }
        return out
    }

    /// `k1: {k2: value}` for flow mappings.
    static func flowEntry(_ keys: [String], _ value: SpecEdit.Value) -> String {
        var out = YAMLScalarFormat.value(value, inFlow: true)
        for k in keys.dropFirst().reversed() { out = "{" + YAMLScalarFormat.string(k, inFlow: true) + ": " + out + "}" }
        return YAMLScalarFormat.string(keys.first ?? "", inFlow: true) + ": " + out
    }

    private func unsupported() -> SpecEditError {
        SpecEditError("\(edit.pathText) is written in a YAML form the editor cannot change safely; edit the file by hand")
    }

    /// Replaces an existing value.
    private func replace(_ node: DocNode, ownedBy key: DocNode?, inFlow: Bool) throws(SpecEditError) -> Splice {
        let parentIndent = key.map { $0.column - 1 }
        // A tuple written as a list stays a list.
        var value = edit.value
        if node.kind == .sequence, case .tuple(let items) = value { value = .strings(items) }
        if node.kind.isCollection && node.style == .block {
            // A block list or mapping: replace everything from after `key:` on.
            guard let key, let from = spans.afterColon(ofKey: key), let to = spans.end(node, parentIndent: parentIndent) else {
                throw unsupported()
            }
            // Keep a comment that followed `key:` on its line: `pods: NEW   # comment`.
            let keyLineEnd = min(spans.endOfLine(containing: from), to)
            let rest = spans.index.bytes[from..<keyLineEnd]
            let comment = rest.drop { $0 == 0x20 || $0 == 0x09 }.first == UInt8(ascii: "#") ? String(decoding: rest, as: UTF8.self) : ""
            if node.kind == .sequence, case .strings(let items) = value, !items.isEmpty, !inFlow {
                // A block list stays a block list: one `- item` line per item, at its dashes' column.
                let dash = String(repeating: " ", count: node.column - 1) + "- "
                return Splice(range: from..<to, replacement: comment + items.map { newline + dash + YAMLScalarFormat.string($0, inFlow: false) }.joined())
            }
            return Splice(range: from..<to, replacement: " " + YAMLScalarFormat.value(value, inFlow: inFlow) + comment)
        }
        let from = spans.start(node)
        guard let to = spans.end(node, parentIndent: parentIndent), to >= from else { throw unsupported() }
        if node.isNull, let key, let colon = spans.afterColon(ofKey: key) {
            // `key:` or `key: ~`: write ` value` right after the colon.
            return Splice(range: colon..<max(colon, to), replacement: " " + YAMLScalarFormat.value(value, inFlow: inFlow))
        }
        let keepQuotes: NodeStyle? = node.style.isQuoted && node.kind == .string ? node.style : nil
        return Splice(range: from..<to, replacement: YAMLScalarFormat.value(value, inFlow: inFlow, preferring: keepQuotes))
    }

    /// Adds `keys` (nested) to an existing mapping.
    private func insert(_ keys: [String], into mapping: DocNode, inFlow: Bool) throws(SpecEditError) -> Splice {
        guard let end = spans.end(mapping) else { throw unsupported() }
        if mapping.style == .flow {
            let closing = end - 1
            let entry = Self.flowEntry(keys, edit.value)
            return Splice(range: closing..<closing, replacement: mapping.count == 0 ? entry : ", " + entry)
        }
        let at = spans.endOfLine(containing: end)
        return Splice(range: at..<at, replacement: newline + Self.blockLines(keys, edit.value, indent: mapping.column - 1, step: step, newline: newline))
    }

    /// Turns an empty value (`key:`) into a mapping holding `keys`.
    private func fill(_ null: DocNode, ownedBy key: DocNode, with keys: [String], inFlow: Bool) throws(SpecEditError) -> Splice {
        guard let from = spans.afterColon(ofKey: key), let to = spans.end(null) else { throw unsupported() }
        if inFlow {
            return Splice(range: from..<max(from, to), replacement: " {" + Self.flowEntry(keys, edit.value) + "}")
        }
        let indent = key.column - 1 + step
        return Splice(range: from..<max(from, to), replacement: newline + Self.blockLines(keys, edit.value, indent: indent, step: step, newline: newline))
    }

    /// Deletes a key and its value: whole lines in a block mapping.
    private func remove(_ key: DocNode, _ value: DocNode, inFlow: Bool) throws(SpecEditError) -> Splice {
        guard !inFlow else { throw SpecEditError("\(edit.pathText) is inside a flow mapping ({…}); remove it by hand") }
        let keyStart = spans.start(key)
        let lineStart = spans.startOfLine(containing: keyStart)
        let before = spans.index.bytes[lineStart..<keyStart]
        guard before.allSatisfy({ $0 == 0x20 }) else {
            throw SpecEditError("\(edit.pathText) is the first key of a list item; remove it by hand")
        }
        guard let valueEnd = spans.end(value, parentIndent: key.column - 1) else { throw unsupported() }
        var to = spans.endOfLine(containing: max(valueEnd, keyStart))
        let bytes = spans.index.bytes
        while to < bytes.count && bytes[to] != 0x0A { to += 1 }
        to = min(to + 1, bytes.count)
        return Splice(range: lineStart..<to, replacement: "")
    }
}
