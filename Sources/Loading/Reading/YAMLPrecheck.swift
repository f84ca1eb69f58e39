/// A lexical check before Yams composes the text.
///
/// Yams checks mapping keys for duplicates by hashing whole key nodes. An alias to a huge
/// (alias-bomb) collection used as a key would make that hashing run for hours before our
/// expansion budget ever sees it, so keys that could be such aliases are refused up front.
/// Only files that define anchors (`&`) and use aliases (`*`) are checked; manifests
/// written by kubectl have neither.
enum YAMLPrecheck {
    static func rejectAliasKeys(in text: String, file: String) throws(LoadError) {
        let utf8 = text.utf8
        guard utf8.contains(UInt8(ascii: "&")), utf8.contains(UInt8(ascii: "*")) else { return }
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var s = line.unicodeScalars[...]
            var column = 1
            // Skip indentation and block sequence dashes ("- - key: …").
            while let c = s.first, c == " " || (c == "-" && s.dropFirst().first.map { $0 == " " } ?? false) {
                s = s.dropFirst()
                column += 1
            }
            guard let first = s.first else { continue }
            if first == "?" && (s.count == 1 || s.dropFirst().first == " ") {
                throw LoadError(file: file, line: lineNumber, column: column,
                                message: "explicit mapping keys ('? ') are not supported in a file that uses aliases")
            }
            if first == "*" {
                let rest = s.dropFirst().drop { $0 != " " && $0 != ":" && $0 != "," && $0 != "]" && $0 != "}" }
                let afterSpaces = rest.drop { $0 == " " }
                if afterSpaces.first == ":" && (afterSpaces.count == 1 || afterSpaces.dropFirst().first == " ") {
                    throw LoadError(file: file, line: lineNumber, column: column,
                                    message: "an alias cannot be used as a mapping key")
                }
            }
        }
    }
}
