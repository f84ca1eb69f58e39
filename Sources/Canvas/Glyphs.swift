/// The characters used for boxes and arrows: Unicode box drawing or a plain ASCII fallback.
public struct Glyphs: Sendable, Hashable {
    public var horizontal: Unicode.Scalar
    public var vertical: Unicode.Scalar
    public var topLeft: Unicode.Scalar
    public var topRight: Unicode.Scalar
    public var bottomLeft: Unicode.Scalar
    public var bottomRight: Unicode.Scalar
    /// `┬`: a horizontal line with a branch down.
    public var teeDown: Unicode.Scalar
    /// `┴`: a horizontal line with a branch up.
    public var teeUp: Unicode.Scalar
    /// `┤`: a vertical line with a branch to the left.
    public var teeLeft: Unicode.Scalar
    /// `┼`: a vertical line crossing a horizontal one.
    public var junction: Unicode.Scalar
    public var arrowUp: Unicode.Scalar
    public var cross: Unicode.Scalar
    public var ellipsis: String

    /// True for a glyph set meant for terminals that show ASCII only: the canvas then draws
    /// every other character as a look-alike (see ``ASCIIFallback``).
    public var isASCII: Bool { horizontal.isASCII && vertical.isASCII && cross.isASCII }

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeUp: "┴", teeLeft: "┤", junction: "┼", arrowUp: "▲", cross: "✗", ellipsis: "…")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", teeLeft: "+", junction: "+", arrowUp: "^", cross: "x", ellipsis: "...")
}
