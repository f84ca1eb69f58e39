import Foundation

/// How values are written into YAML text: plain when that reads back as the same string,
/// double-quoted otherwise.
enum YAMLScalarFormat {
    /// Characters that may not start a plain scalar (YAML indicators), plus `<` so that
    /// `<nodePrefix>::f000:0/100` stays quoted as the schema writes it.
    private static let indicatorStarts: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "<", " "]

    /// True when `text` can be written unquoted and reads back as this string.
    static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if indicatorStarts.contains(first) || last == " " || last == ":" { return false }
        if text.contains(": ") || text.contains(" #") || text.contains("\t") { return false }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || needsEscape($0) }) { return false }
        if inFlow && text.contains(where: { ",[]{}".contains($0) }) { return false }
        if readsAsOtherTypeInYAML11(text) { return false }
        return YAMLScalarKind.resolve(plain: text) == .string
    }

    /// kubectl (go-yaml, YAML 1.1) reads `yes`, `no`, `on`, `off`, `y`, `n` as booleans and
    /// `1:30`, `0777`, `1_000` as numbers: such text is quoted so it stays a string for every
    /// reader, not only for YAML 1.2 ones.
    static func readsAsOtherTypeInYAML11(_ text: String) -> Bool {
        let booleans: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false"]
        if booleans.contains(text.lowercased()) { return true }
        var body = Substring(text)
        if let f = body.first, f == "+" || f == "-" { body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber else { return false }
        return body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "_" || $0 == ":" || $0 == ".") }
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if scalar.value < 0x20 || needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += scalar.value <= 0xFF ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u" + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Characters libyaml does not take literally in any scalar: DEL and C1 (not printable
    /// in YAML), NEL and the line/paragraph separators (read as line breaks, so folded to a
    /// space), the byte order mark and the noncharacters U+FFFE/U+FFFF.
    private static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    static func singleQuoted(_ text: String) -> String? {
        guard !text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || needsEscape($0) }) else { return nil }
        return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A string scalar; `preferring` keeps the quote style a value had before.
    static func string(_ text: String, inFlow: Bool, preferring style: NodeStyle? = nil) -> String {
        switch style {
        case .singleQuoted?: if let s = singleQuoted(text) { return s }
        case .doubleQuoted?: return doubleQuoted(text)
        default: break
        }
        return isPlainSafe(text, inFlow: inFlow) ? text : doubleQuoted(text)
    }

    /// A value as it goes after `key: `.
    static func value(_ value: SpecEdit.Value, inFlow: Bool, preferring style: NodeStyle? = nil) -> String {
        switch value {
        case .string(let s): string(s, inFlow: inFlow, preferring: style)
        case .int(let n): String(n)
        case .bool(let b): b ? "true" : "false"
        case .strings(let items): "[" + items.map { string($0, inFlow: true) }.joined(separator: ", ") + "]"
        case .tuple(let items): string(items.joined(separator: ", "), inFlow: inFlow, preferring: style)
        case .remove: ""
        }
    }
}
