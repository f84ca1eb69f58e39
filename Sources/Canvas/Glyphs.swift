/// The characters used for boxes and arrows: Unicode box drawing or a plain ASCII fallback.
public struct Glyphs: Sendable, Hashable {
    public var horizontal: Unicode.Scalar
    public var vertical: Unicode.Scalar
    public var topLeft: Unicode.Scalar
    public var topRight: Unicode.Scalar
    public var bottomLeft: Unicode.Scalar
    public var bottomRight: Unicode.Scalar
    public var teeDown: Unicode.Scalar
    public var teeUp: Unicode.Scalar
    public var arrowUp: Unicode.Scalar
    public var cross: Unicode.Scalar
    public var ellipsis: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeUp: "┴", arrowUp: "▲", cross: "✗", ellipsis: "…")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", arrowUp: "^", cross: "x", ellipsis: "...")
}
