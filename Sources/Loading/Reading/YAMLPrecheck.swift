/// A lexical check before Yams composes the text.
///
/// Yams checks mapping keys for duplicates by hashing whole key nodes. An alias to a huge
/// (alias-bomb) collection inside a key — `*a: 1`, `{*a : 1}`, `[*a]: 1`, `&k [x, *a]: 1` —
/// would make that hashing run for days before our expansion budget ever sees it, so any key
/// that holds an alias is refused up front, and so are explicit keys (`? `), which could.
/// Only files that define anchors (`&`) and use aliases (`*`) are checked; manifests written
/// by kubectl have neither.
///
/// Implicit keys never span lines (YAML 1.2, 7.4.2 and 8.2.2), so each line is scanned once,
/// left to right, outside quotes, comments and block scalars: linear in the text.
enum YAMLPrecheck {
    static func rejectAliasKeys(in text: String, file: String) throws(LoadError) {
        let utf8 = text.utf8
        guard utf8.contains(UInt8(ascii: "&")), utf8.contains(UInt8(ascii: "*")) else { return }
        var scanner = Scanner(bytes: Array(utf8))
        if let (offset, message) = scanner.firstAliasKey() {
            let (line, column) = TextIndex(text).lineColumn(ofByte: offset)
            throw LoadError(file: file, line: line, column: column, message: message)
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        /// Inside a quoted scalar that continues on the next line.
        var quote: UInt8?
        /// Lines indented deeper than this belong to a block scalar (`|`, `>`).
        var blockScalarIndent: Int?

        init(bytes: [UInt8]) { self.bytes = bytes }

        static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), lf = UInt8(0x0A), cr = UInt8(0x0D)

        func isBlank(_ c: UInt8?) -> Bool { c == nil || c == Self.space || c == Self.tab || c == Self.lf || c == Self.cr }

        func at(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }

        /// Where the first key holding an alias (or the first explicit key) starts, and why.
        mutating func firstAliasKey() -> (Int, String)? {
            while i < bytes.count {
                var end = i
                while end < bytes.count && bytes[end] != Self.lf { end += 1 }
                if let found = scanLine(from: i, to: end) { return found }
                i = end + 1
            }
            return nil
        }

        private mutating func scanLine(from start: Int, to end: Int) -> (Int, String)? {
            var k = start
            while k < end && (bytes[k] == Self.space) { k += 1 }
            let indent = k - start
            if let block = blockScalarIndent {
                if k == end || indent > block { return nil }
                blockScalarIndent = nil
            }
            // Key regions per flow nesting level: where the current key would start.
            var keyStarts = [k]
            var aliases: [Int] = []
            var tokenStart = true
            while k < end {
                let c = bytes[k]
                if let q = quote {
                    if q == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") { k += 2; continue }
                    if c == q {
                        if q == UInt8(ascii: "'") && at(k + 1) == q { k += 2; continue }
                        quote = nil
                    }
                    k += 1
                    tokenStart = false
                    continue
                }
                switch c {
                case Self.space, Self.tab:
                    tokenStart = true
                    k += 1
                    continue
                case UInt8(ascii: "#") where tokenStart:
                    return nil
                case UInt8(ascii: "'"), UInt8(ascii: "\""):
                    quote = c
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    keyStarts.append(k + 1)
                    k += 1
                    tokenStart = true
                    continue
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if keyStarts.count > 1 { keyStarts.removeLast() }
                case UInt8(ascii: ","):
                    keyStarts[keyStarts.count - 1] = k + 1
                    k += 1
                    tokenStart = true
                    continue
                case UInt8(ascii: "-") where tokenStart && isBlank(at(k + 1)) && keyStarts.count == 1:
                    keyStarts[0] = k + 1
                case UInt8(ascii: "?") where tokenStart && isBlank(at(k + 1)):
                    return (k, "explicit mapping keys ('? ') are not supported in a file that uses aliases")
                case UInt8(ascii: "*") where tokenStart:
                    aliases.append(k)
                    k = skipName(from: k + 1, to: end)
                    tokenStart = false
                    continue
                case UInt8(ascii: "&") where tokenStart:
                    k = skipName(from: k + 1, to: end)
                    tokenStart = false
                    continue
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if tokenStart && keyStarts.count == 1 {
                        // A block scalar: the lines indented deeper than this one are its text.
                        blockScalarIndent = indent
                        return nil
                    }
                case UInt8(ascii: ":"):
                    let next = at(k + 1)
                    let inFlow = keyStarts.count > 1
                    if isBlank(next) || (inFlow && (next == UInt8(ascii: ",") || next == UInt8(ascii: "]") || next == UInt8(ascii: "}"))) {
                        let keyStart = keyStarts[keyStarts.count - 1]
                        if let alias = aliases.first(where: { $0 >= keyStart && $0 < k }) {
                            return (alias, "an alias cannot be used as a mapping key or inside one")
                        }
                        keyStarts[keyStarts.count - 1] = k + 1
                        k += 1
                        tokenStart = true
                        continue
                    }
                default:
                    break
                }
                tokenStart = false
                k += 1
            }
            return nil
        }

        /// The end of an anchor or alias name: libyaml takes `[0-9A-Za-z_-]` (`yaml_parser_scan_anchor`).
        private func skipName(from start: Int, to end: Int) -> Int {
            var k = start
            while k < end {
                let c = bytes[k]
                let alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
                guard alnum || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") else { break }
                k += 1
            }
            return k
        }
    }
}
