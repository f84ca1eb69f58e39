/// Resolves what an untagged plain YAML scalar is, following the YAML 1.2 core schema
/// (so `no` and `on` stay strings, unlike YAML 1.1).
enum YAMLScalarKind {
    static func resolve(plain text: String) -> NodeKind {
        // Most scalars are words; only these first characters can start a non-string.
        if let first = text.utf8.first, !"0123456789+-.~nNtTfF".utf8.contains(first) { return .string }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            return .number
        default:
            return isInteger(text) || isFloat(text) ? .number : .string
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
    static func isInteger(_ text: String) -> Bool {
        var u = Substring(text).utf8[...]
        if u.starts(with: "0o".utf8) { return u.count > 2 && u.dropFirst(2).allSatisfy { $0 >= 0x30 && $0 <= 0x37 } }
        if u.starts(with: "0x".utf8) { return u.count > 2 && u.dropFirst(2).allSatisfy(isHexDigit) }
        if let f = u.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { u = u.dropFirst() }
        return !u.isEmpty && u.allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    static func isFloat(_ text: String) -> Bool {
        let b = Array(text.utf8)
        var i = 0
        if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
        let intStart = i
        while i < b.count && isDigit(b[i]) { i += 1 }
        let intDigits = i - intStart
        var fracDigits = 0
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < b.count && isDigit(b[i]) { i += 1 }
            fracDigits = i - fracStart
        }
        guard intDigits > 0 || fracDigits > 0 else { return false }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
            let expStart = i
            while i < b.count && isDigit(b[i]) { i += 1 }
            if i == expStart { return false }
        }
        return i == b.count
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }
}
