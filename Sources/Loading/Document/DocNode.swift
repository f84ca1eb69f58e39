import Bytes
import Foundation

/// A node of a ``DocumentTape``: a cheap handle (borrowed storage + index) with tree-style
/// navigation. Only valid inside ``DocumentTape/withDocuments(_:)``.
struct DocNode {
    let view: TapeView
    let index: Int

    var entry: TapeEntry { view.entries[index] }
    var kind: NodeKind { entry.kind }
    var style: NodeStyle { entry.style }
    /// 1-based line of the node's first character (a quote or bracket included).
    var line: Int { Int(entry.line) }
    /// 1-based column, in Unicode scalars.
    var column: Int { Int(entry.column) }
    var isNull: Bool { kind == .null }

    /// The index after this node's subtree.
    var subtreeEnd: Int {
        let e = entry
        return e.kind.isCollection ? e.collectionEnd : index + 1
    }

    // MARK: Scalars

    /// The scalar's bytes (empty for collections); valid only inside
    /// ``DocumentTape/withDocuments(_:)``, like the node.
    var bytes: ByteSpan {
        let e = entry
        return e.kind.isCollection ? .empty : view.bytes(of: e)
    }

    /// The scalar's text as written (decoded); "" for collections and null.
    var text: String { bytes.string }

    /// True when this scalar's text is exactly `literal`.
    func textEquals(_ literal: StaticString) -> Bool { bytes.equals(literal) }

    func textEquals(string: String) -> Bool { bytes.equals(string) }

    /// For a boolean scalar: true for `true`/`True`/`TRUE`.
    var boolValue: Bool { kind == .bool && (bytes.first == UInt8(ascii: "t") || bytes.first == UInt8(ascii: "T")) }

    // MARK: Collections

    /// Number of elements of a sequence or pairs of a mapping; 0 for scalars.
    var count: Int { kind.isCollection ? entry.childCount : 0 }

    /// The elements of a sequence (the keys and values of a mapping, alternating).
    var children: Children { Children(view: view, start: kind.isCollection ? index + 1 : index, end: subtreeEnd) }

    /// The key/value pairs of a mapping (empty for anything else).
    var pairs: Pairs { Pairs(children: kind == .mapping ? children : Children(view: view, start: index, end: index)) }

    /// The value stored under `key` in a mapping.
    subscript(key: StaticString) -> DocNode? {
        ByteSpan.with(literal: key) { keyIndex(of: $0) }.map { DocNode(view: view, index: $0 + 1) }
    }

    func pair(forKey key: StaticString) -> (key: DocNode, value: DocNode)? {
        ByteSpan.with(literal: key) { keyIndex(of: $0) }.map(pair(at:))
    }

    func pair(forKey key: String) -> (key: DocNode, value: DocNode)? {
        ByteSpan.with(utf8: key) { keyIndex(of: $0) }.map(pair(at:))
    }

    private func pair(at key: Int) -> (key: DocNode, value: DocNode) {
        (DocNode(view: view, index: key), DocNode(view: view, index: key + 1))
    }

    /// The hot path of decoding: walk the keys on the tape directly, lengths first. Only an
    /// index is returned (a node is seven words).
    private func keyIndex(of wanted: ByteSpan) -> Int? {
        guard kind == .mapping else { return nil }
        let entries = view.entries
        let end = entries[index].collectionEnd
        var k = index + 1
        while k < end {
            let e = entries[k]
            if e.scalarLength == wanted.count, view.bytes(of: e).equals(wanted) { return k }
            let value = entries[k + 1]
            k = value.kind.isCollection ? value.collectionEnd : k + 2
        }
        return nil
    }

    /// The `i`-th element of a sequence.
    func element(_ i: Int) -> DocNode? {
        guard kind == .sequence, i >= 0 else { return nil }
        var k = 0
        for child in children {
            if k == i { return child }
            k += 1
        }
        return nil
    }

    /// Siblings in order: each step jumps over the previous node's subtree.
    struct Children: Sequence, IteratorProtocol {
        let view: TapeView
        var start: Int
        let end: Int

        mutating func next() -> DocNode? {
            guard start < end else { return nil }
            let node = DocNode(view: view, index: start)
            start = node.subtreeEnd
            return node
        }
    }

    struct Pairs: Sequence, IteratorProtocol {
        var children: Children

        mutating func next() -> (key: DocNode, value: DocNode)? {
            guard let key = children.next(), let value = children.next() else { return nil }
            return (key, value)
        }
    }
}
