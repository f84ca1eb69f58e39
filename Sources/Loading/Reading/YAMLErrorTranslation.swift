import Yams

/// Turns Yams' multi-line errors into one-line `LoadError`s at the right line:column.
enum YAMLErrorTranslation {
    static func translate(_ error: any Error, text: String, file: String) -> LoadError {
        guard let yamlError = error as? YamlError else {
            return LoadError(file: file, message: "cannot read YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let lines = YAMLLineMap(text)
            let at = lines.position(line: mark.line, column: mark.column)
            if let tab = tabInIndentation(text, line: at.line, column: at.column) {
                return LoadError(file: file, line: tab.line, column: tab.column,
                                 message: "tab character used for indentation; YAML allows only spaces")
            }
            return LoadError(file: file, line: at.line, column: at.column, message: syntaxMessage(problem, context, lines))
        case .reader(let problem, let offset, let value, _):
            let position = offset.map { characterPosition($0, in: text) }
            let hex = String(value, radix: 16, uppercase: true)
            let what = value >= 0 ? " (character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))" : ""
            return LoadError(file: file, line: position?.line, column: position?.column, message: "YAML: \(problem)\(what)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let mark = context.mark
            let first = YAMLLineMap(text).position(line: mark.line, column: mark.column)
            let second = DuplicateKeyFinder.secondOccurrence(of: key, firstLine: first.line, firstColumn: first.column, in: text)
            return LoadError(file: file, line: second?.line ?? first.line, column: second?.column ?? first.column,
                             message: "duplicate key \"\(key)\" (first defined at line \(first.line), column \(first.column))")
        case .memory:
            return LoadError(file: file, message: "out of memory while reading YAML")
        default:
            return LoadError(file: file, message: "cannot read YAML: \(yamlError)")
        }
    }

    private static func syntaxMessage(_ problem: String, _ context: YamlError.Context?, _ lines: YAMLLineMap) -> String {
        if problem.hasPrefix("Maximum nesting level reached") || (context?.text.hasPrefix("Maximum nesting") ?? false) {
            return "nesting is deeper than \(YAMLReader.maxDepth) levels"
        }
        guard let context, !context.text.isEmpty else { return "YAML syntax error: \(problem)" }
        let at = lines.position(line: context.mark.line, column: context.mark.column)
        return "YAML syntax error: \(problem) (\(context.text) at line \(at.line), column \(at.column))"
    }

    /// When the error line (or the one before it) is indented with a tab, that tab is the
    /// real cause; libyaml reports it as an unrelated token error.
    static func tabInIndentation(_ text: String, line: Int, column: Int) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for candidate in [line, line - 1] where candidate >= 1 && candidate <= lines.count {
            var col = 1
            for c in lines[candidate - 1].unicodeScalars {
                if c == "\t" { return (candidate, col) }
                if c != " " && c != "-" { break }
                col += 1
            }
        }
        if line >= 1 && line <= lines.count {
            let scalars = Array(lines[line - 1].unicodeScalars)
            if column >= 1 && column <= scalars.count && scalars[column - 1] == "\t" { return (line, column) }
        }
        return nil
    }

    /// Line and column of the `offset`-th Character of `text` (Yams counts reader offsets in Characters).
    private static func characterPosition(_ offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1, k = 0
        for ch in text {
            if k == offset { break }
            if ch == "\n" || ch == "\r\n" {
                line += 1
                column = 1
            } else {
                column += ch.unicodeScalars.count
            }
            k += 1
        }
        return (line, column)
    }
}

/// Yams reports a duplicate key at its first occurrence; users need the second one.
enum DuplicateKeyFinder {
    static func secondOccurrence(of key: String, firstLine: Int, firstColumn: Int, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard firstLine >= 1 && firstLine <= lines.count else { return nil }
        let keyScalars = Array(key.unicodeScalars)
        // Block mapping: a later line at the same indentation, before the mapping ends.
        var l = firstLine
        while l < lines.count {
            let s = lines[l]
            let indent = s.prefix { $0 == " " }.count
            let content = s.dropFirst(indent)
            l += 1
            if content.isEmpty || content.first == "#" { continue }
            if indent < firstColumn - 1 { break }
            if indent == firstColumn - 1 && keyMatches(keyScalars, at: indent, in: s) { return (l, indent + 1) }
        }
        // Flow mapping: the next occurrence of `key:` after the first one.
        var startColumn = firstColumn - 1 + max(1, keyScalars.count)
        for index in (firstLine - 1)..<lines.count {
            let s = lines[index]
            var c = startColumn
            while c < s.count {
                let boundary = c == 0 || [" ", "{", ",", "\"", "'"].contains(s[c - 1])
                if boundary && keyMatches(keyScalars, at: c, in: s) { return (index + 1, c + 1) }
                c += 1
            }
            startColumn = 0
        }
        return nil
    }

    /// `key`, `"key"` or `'key'` at `column`, followed by optional spaces and `:`.
    private static func keyMatches(_ key: [Unicode.Scalar], at column: Int, in line: [Unicode.Scalar]) -> Bool {
        var c = column
        var quote: Unicode.Scalar?
        if c < line.count && (line[c] == "\"" || line[c] == "'") {
            quote = line[c]
            c += 1
        }
        guard c + key.count <= line.count, Array(line[c..<c + key.count]) == key else { return false }
        c += key.count
        if let quote {
            guard c < line.count && line[c] == quote else { return false }
            c += 1
        }
        while c < line.count && line[c] == " " { c += 1 }
        guard c < line.count && line[c] == ":" else { return false }
        return c + 1 == line.count || line[c + 1] == " " || line[c + 1] == "\r"
    }
}
