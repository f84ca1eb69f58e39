import Canvas
import IPAM

/// A single-cell symbol of a diagram whose character depends on the canvas glyph set.
public enum DiagramGlyph: Sendable, Hashable {
    /// `▲` / `^`: the end of a connector pointing up.
    case arrowUp
    /// `┴`: a line from above joins a horizontal edge.
    case teeUp
    /// `┬`: a line from below joins a horizontal edge.
    case teeDown
    /// `┼`: a line crosses a horizontal edge.
    case junction
    /// `┤`: a line from the left joins a vertical one.
    case teeLeft
    /// `┌`: a line turns from right to down.
    case cornerDownRight
    /// `┘`: a line turns from up to left.
    case cornerUpLeft
    /// `✗` / `x`: something is missing or wrong.
    case crossMark

    /// The character of this glyph in `glyphs`.
    public func scalar(in glyphs: Glyphs) -> Unicode.Scalar {
        switch self {
        case .arrowUp: glyphs.arrowUp
        case .teeUp: glyphs.teeUp
        case .teeDown: glyphs.teeDown
        case .junction: glyphs.junction
        case .teeLeft: glyphs.teeLeft
        case .cornerDownRight: glyphs.topLeft
        case .cornerUpLeft: glyphs.bottomRight
        case .crossMark: glyphs.cross
        }
    }
}

/// One laid-out piece of a diagram: where it is, what it looks like and which plan object
/// it stands for.
public struct DiagramElement: Sendable, Hashable {
    public enum Shape: Sendable, Hashable {
        /// A closed rectangle outline.
        case box
        /// A rectangle without its bottom edge: a tab that sits on the box below it
        /// (the figure's `Port` stubs and subnets on the network bar).
        case tab
        /// A horizontal line filling the rect's first row.
        case horizontalLine
        /// A vertical line filling the rect's first column.
        case verticalLine
        /// One glyph at the rect's origin.
        case glyph(DiagramGlyph)
        /// One line of text at the rect's origin; cut with an ellipsis when wider than the rect.
        case text(String)
        /// A glyph, a space and a text (`✗ missing`), cut like ``text(_:)``.
        case marked(DiagramGlyph, String)
    }

    public var shape: Shape
    /// Position on the diagram's virtual canvas.
    public var rect: Rect
    public var role: Role
    /// The plan object this element shows, for hit tests, highlights and scrolling.
    public var ref: ObjectRef?

    public init(shape: Shape, rect: Rect, role: Role, ref: ObjectRef? = nil) {
        self.shape = shape
        self.rect = rect
        self.role = role
        self.ref = ref
    }

    /// Drawing pass: outlines first, glyphs on them, text last.
    var layer: Int {
        switch shape {
        case .box, .tab, .horizontalLine, .verticalLine: 0
        case .glyph: 1
        case .text, .marked: 2
        }
    }
}
