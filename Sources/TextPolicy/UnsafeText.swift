/// The one rule of what text taken from input may not reach a terminal as it is: every
/// output (the screen, text reports, JSON, error lines, address parse messages) asks this.
///
/// Unsafe are the controls (C0, DEL, C1), the line and paragraph separators, the bidi marks
/// and overrides (they reorder what follows), and the invisible characters that make two
/// different names look the same (zero-width space and joiners, word joiner and invisible
/// operators, zero-width no-break space, soft hyphen, Mongolian vowel separator).
public enum UnsafeText {
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool { isUnsafe(s.value) }

    public static func isUnsafe(_ v: UInt32) -> Bool {
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
        switch v {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true
        case 0x2028, 0x2029: return true
        case 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0x00AD, 0x180E: return true
        default: return false
        }
    }

    /// `text` with every unsafe scalar written as `\u{…}` (`\t`, `\n`, `\r` for the common
    /// ones), cut with `…` after `limit` scalars: for one-line messages that quote input.
    public static func escaped(_ text: String, limit: Int? = nil) -> String {
        var safe = String.UnicodeScalarView()
        var count = 0
        for s in text.unicodeScalars {
            if count == limit {
                safe.append("…")
                break
            }
            switch s.value {
            case 0x09: safe.append(contentsOf: "\\t".unicodeScalars)
            case 0x0A: safe.append(contentsOf: "\\n".unicodeScalars)
            case 0x0D: safe.append(contentsOf: "\\r".unicodeScalars)
            case let v where isUnsafe(v): safe.append(contentsOf: "\\u{\(String(v, radix: 16))}".unicodeScalars)
            default: safe.append(s)
            }
            count += 1
        }
        return String(safe)
    }
}
