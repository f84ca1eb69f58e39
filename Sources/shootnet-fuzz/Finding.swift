/// A broken invariant: what was expected, for the report. The runner adds the target and
/// the input that caused it.
struct Finding: Error, CustomStringConvertible {
    var invariant: String

    init(_ invariant: String) { self.invariant = invariant }

    var description: String { invariant }
}

/// Shared checks on text that reaches users.
enum TextInvariants {
    /// Error messages are one line and carry no control characters or bidi overrides, so
    /// text from a hostile file cannot steer the terminal through stderr.
    static func isSafeOneLine(_ text: String) -> Bool {
        for s in text.unicodeScalars where isTerminalControl(s) { return false }
        return true
    }

    /// C0 (tab and newline included), DEL, C1, and the bidi embedding/override/isolate marks.
    static func isTerminalControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
        switch v {
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    static func requireSafeOneLine(_ text: String, _ what: String) throws(Finding) {
        guard isSafeOneLine(text) else { throw Finding("\(what) is not one safe line: \(Escaped.text(text, limit: 300))") }
    }
}

/// Inputs and messages shown in reports with every unusual character escaped.
enum Escaped {
    static func text(_ s: String, limit: Int = 2000) -> String {
        var out = ""
        var n = 0
        for scalar in s.unicodeScalars {
            if n >= limit { out += "…(\(s.unicodeScalars.count) scalars)"; break }
            let v = scalar.value
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if v < 0x20 || (v >= 0x7F && v < 0xA0) || TextInvariants.isTerminalControl(scalar) || v > 0xFFFF {
                    out += "\\u{" + String(v, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            n += 1
        }
        return out
    }

    static func bytes(_ b: [UInt8], limit: Int = 2000) -> String {
        var out = ""
        for (i, byte) in b.enumerated() {
            if i >= limit { out += "…(\(b.count) bytes)"; break }
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == 0x0A {
                out += "\\n"
            } else {
                let hex = String(byte, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            }
        }
        return out
    }
}
