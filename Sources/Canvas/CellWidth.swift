import TextPolicy

/// How many terminal columns a scalar takes, and which scalars must never reach a terminal.
public enum CellWidth {
    /// 0 for combining marks, 2 for East Asian wide and emoji, 1 otherwise.
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return 1 }
        // Fast paths for what diagrams draw most: punctuation, arrows, box drawing, shapes.
        if (0x2010...0x2027).contains(v) || (0x2190...0x21FF).contains(v) || (0x2500...0x25FF).contains(v)
            || v == 0x2713 || v == 0x2717 || v == 0xFFFD {
            return 1
        }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if s.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Control characters (C0, DEL, C1) and bidi overrides/isolates: text from input files
    /// that contains them is shown with a replacement so nothing can steer the terminal.
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool { UnsafeText.isUnsafe(s) }

    /// Columns `text` takes when drawn with ``Canvas/put(_:x:y:role:maxWidth:)``.
    public static func of(_ text: String) -> Int {
        var n = 0
        // Printable ASCII is one column a byte: the common case, counted without decoding.
        var ascii = true
        for b in text.utf8 where b < 0x20 || b >= 0x7F { ascii = false; break }
        if ascii { return text.utf8.count }
        for s in text.unicodeScalars { n += isUnsafe(s) ? 1 : of(s) }
        return n
    }
}
