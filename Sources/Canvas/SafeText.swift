/// Text from input files made safe for a terminal: control characters (C0, DEL, C1) and
/// bidi overrides become `�`, and over-long strings are cut with an ellipsis.
public enum SafeText {
    public static func terminal(_ text: String, maxLength: Int = 256) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        for s in text.unicodeScalars {
            if count == maxLength { out.append("…"); break }
            out.append(CellWidth.isUnsafe(s) ? "\u{FFFD}" : s)
            count += 1
        }
        return String(out)
    }
}
