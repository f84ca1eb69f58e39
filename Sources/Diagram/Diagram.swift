import Canvas
import IPAM

/// A laid-out topology: every element with its place on a virtual canvas of
/// ``width`` × ``height`` cells and the plan object it stands for.
///
/// Build one with ``init(plan:width:nodeLimit:routeLimit:)``, then draw any viewport of
/// it. The infrastructure (routers, subnets, frames, properties) is a short list of
/// elements found through a row index; node cards and route lines sit on grids and are
/// expanded into elements only for the viewport drawn, the point hit or the object looked
/// up. So layout is O(n) arithmetic and drawing costs what is visible, at any shoot size.
public struct Diagram: Sendable {
    public let width: Int
    public let height: Int
    /// Nodes of the plan not drawn because of the node limit (each counted in a "+N more nodes" line).
    public let hiddenNodeCount: Int
    /// Routes not listed because of the route limit (counted in a "+N more routes" line).
    public let hiddenRouteCount: Int

    private let fixed: [DiagramElement]
    private let index: RowIndex
    private let blocks: [any RepeatedBlock]
    /// The objects findings name (ranges, subnets, nodes, routes), drawn in their severity's colour.
    private let problems: [ObjectRef: Severity]

    init(width: Int, height: Int, fixed: [DiagramElement], blocks: [any RepeatedBlock], hiddenNodeCount: Int, hiddenRouteCount: Int,
         problems: [ObjectRef: Severity] = [:]) {
        self.problems = problems
        self.width = width
        self.height = height
        self.fixed = fixed
        self.blocks = blocks
        self.hiddenNodeCount = hiddenNodeCount
        self.hiddenRouteCount = hiddenRouteCount
        self.index = RowIndex(fixed.map(\.rect))
    }

    /// The whole diagram as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Every element, in layout order (a plan object's main element first). Builds the
    /// text of every node and route: O(n), for exports and tests, not for drawing.
    public func allElements() -> [DiagramElement] {
        fixed + blocks.flatMap { $0.elements(0..<$0.count) }
    }

    /// The elements that intersect `viewport`, in drawing order (outlines, glyphs, text).
    public func elements(intersecting viewport: Rect) -> [DiagramElement] {
        var out = index.candidates(intersecting: viewport).sorted().map { fixed[$0] }
        for block in blocks where block.frame.intersects(viewport) {
            out += block.elements(block.items(intersecting: viewport))
        }
        out = out.filter { $0.rect.intersects(viewport) }
        // Stable by layer: the sort keys on (layer, position) so equal layers keep their order.
        return out.enumerated().sorted { a, b in
            a.element.layer != b.element.layer ? a.element.layer < b.element.layer : a.offset < b.offset
        }.map(\.element)
    }

    /// Draws the part `viewport` of the diagram into `canvas` with the viewport's top-left
    /// corner at (`originX`, `originY`), clipped to the viewport's size and the canvas.
    ///
    /// Elements showing an object in `highlight` are painted `.highlight` (a diagnostic's
    /// objects), those showing `selection` are painted `.selected`. The caller clears the
    /// canvas area first if it holds older content.
    public func draw(into canvas: inout Canvas, viewport: Rect, originX: Int = 0, originY: Int = 0,
                     highlight: Set<ObjectRef> = [], selection: ObjectRef? = nil) {
        let clip = Rect(x: originX, y: originY, width: viewport.width, height: viewport.height).intersection(canvas.bounds)
        guard !clip.isEmpty else { return }
        let dx = originX - viewport.x, dy = originY - viewport.y
        func moved(_ r: Rect) -> Rect { Rect(x: r.x + dx, y: r.y + dy, width: r.width, height: r.height) }
        let outer = canvas.clip
        canvas.clip = clip
        defer { canvas.clip = outer }
        let visible = elements(intersecting: viewport)
        for e in visible { e.draw(on: &canvas, dx: dx, dy: dy) }
        if !problems.isEmpty {
            // The text showing an object a finding names takes the finding's colour (frames
            // keep theirs: a node's whole card in red would hide which of its lines is wrong).
            for e in visible {
                guard let ref = e.ref, let severity = problems[ref] else { continue }
                switch e.shape {
                case .text, .marked: canvas.paint(moved(e.rect), role: severity.role)
                default: break
                }
            }
        }
        guard !highlight.isEmpty || selection != nil else { return }
        for e in visible {
            guard let ref = e.ref else { continue }
            if ref == selection {
                canvas.paint(moved(e.rect), role: .selected)
            } else if highlight.contains(ref) {
                canvas.paint(moved(e.rect), role: .highlight)
            }
        }
    }

    /// The object drawn at (`x`, `y`) of the diagram: the smallest element there that
    /// shows an object (a pod prefix line rather than its node box), or nil.
    public func hitTest(x: Int, y: Int) -> ObjectRef? {
        let point = Rect(x: x, y: y, width: 1, height: 1)
        var best: (area: Int, ref: ObjectRef)?
        for e in elements(intersecting: point) {
            guard let ref = e.ref else { continue }
            let area = e.rect.width * e.rect.height
            if let b = best, b.area < area { continue }  // on a tie the one drawn last wins
            best = (area, ref)
        }
        return best?.ref
    }

    /// Where `ref` is drawn (its main element), to scroll to a selection or a diagnostic's
    /// object; nil when the diagram does not show it.
    public func rect(of ref: ObjectRef) -> Rect? {
        rects(of: ref).first
    }

    /// Every rectangle showing `ref` (a range can appear in several places), main one first.
    public func rects(of ref: ObjectRef) -> [Rect] {
        var out = fixed.compactMap { $0.ref == ref ? $0.rect : nil }
        for block in blocks {
            guard let item = block.item(showing: ref) else { continue }
            out += block.elements(item..<(item + 1)).compactMap { $0.ref == ref ? $0.rect : nil }
        }
        return out
    }
}
