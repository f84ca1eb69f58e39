import Canvas
import IPAM

/// The whole diagram on one canvas, for `shootnet render`: export it with `canvas.text()`
/// or, in colour, `ANSIExport.lines(of:theme:)`.
public enum DiagramRenderer {
    /// The default node limit of `render`: beyond it nodes are counted, not drawn.
    public static let defaultNodeLimit = 200

    public static func render(_ plan: Plan, width: Int, glyphs: Glyphs = .unicode, nodeLimit: Int? = defaultNodeLimit,
                              highlight: Set<ObjectRef> = [], selection: ObjectRef? = nil) -> Canvas {
        let diagram = Diagram(plan: plan, width: width, nodeLimit: nodeLimit)
        var canvas = Canvas(width: diagram.width, height: diagram.height, glyphs: glyphs)
        diagram.draw(into: &canvas, viewport: diagram.bounds, highlight: highlight, selection: selection)
        return canvas
    }
}
