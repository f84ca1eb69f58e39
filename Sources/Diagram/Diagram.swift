import Canvas
import IPAM

/// A laid-out topology: every element with its place on a virtual canvas of
/// ``width`` × ``height`` cells and the plan object it stands for.
///
/// Build one with ``init(plan:width:nodeLimit:routeLimit:)`` (O(n) in nodes and routes),
/// then draw any viewport of it; drawing touches only the elements that intersect the
/// viewport, found through a row index, so a UI can re-lay out and redraw on every edit.
public struct Diagram: Sendable {
    public let width: Int
    public let height: Int
    /// All elements in layout order (a plan object's main element comes first).
    public let elements: [DiagramElement]
    /// Nodes of the plan not drawn because of the node limit (each counted in a "+N more nodes" line).
    public let hiddenNodeCount: Int
    /// Routes not listed because of the route limit (counted in a "+N more routes" line).
    public let hiddenRouteCount: Int

    private let index: RowIndex

    init(width: Int, height: Int, elements: [DiagramElement], hiddenNodeCount: Int, hiddenRouteCount: Int) {
        self.width = width
        self.height = height
        self.elements = elements
        self.hiddenNodeCount = hiddenNodeCount
        self.hiddenRouteCount = hiddenRouteCount
        self.index = RowIndex(elements.map(\.rect))
    }

    /// The whole diagram as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The elements that intersect `viewport`, in drawing order.
    public func elements(intersecting viewport: Rect) -> [DiagramElement] {
        visibleIndices(viewport).map { elements[$0] }
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
        var pen = Pen(clip: clip, dx: originX - viewport.x, dy: originY - viewport.y)
        let visible = visibleIndices(viewport)
        for i in visible { pen.draw(elements[i], on: &canvas) }
        guard !highlight.isEmpty || selection != nil else { return }
        for i in visible {
            guard let ref = elements[i].ref else { continue }
            if ref == selection {
                pen.paint(elements[i].rect, role: .selected, on: &canvas)
            } else if highlight.contains(ref) {
                pen.paint(elements[i].rect, role: .highlight, on: &canvas)
            }
        }
    }

    /// The object drawn at (`x`, `y`) of the diagram: the smallest element there that
    /// shows an object (a pod prefix line rather than its node box), or nil.
    public func hitTest(x: Int, y: Int) -> ObjectRef? {
        var best: (area: Int, index: Int)?
        for i in index.candidates(row: y) {
            let e = elements[i]
            guard e.ref != nil, e.rect.contains(x: x, y: y) else { continue }
            let area = e.rect.width * e.rect.height
            if let b = best, b.area < area || (b.area == area && b.index > i) { continue }
            best = (area, i)
        }
        return best.flatMap { elements[$0.index].ref }
    }

    /// Where `ref` is drawn (its main element), to scroll to a selection; nil when the
    /// diagram does not show it. Linear in the number of elements.
    public func rect(of ref: ObjectRef) -> Rect? {
        elements.first { $0.ref == ref }?.rect
    }

    /// Every rectangle showing `ref` (a range can appear in several places).
    public func rects(of ref: ObjectRef) -> [Rect] {
        elements.compactMap { $0.ref == ref ? $0.rect : nil }
    }

    private func visibleIndices(_ viewport: Rect) -> [Int] {
        var out = index.candidates(intersecting: viewport).filter { elements[$0].rect.intersects(viewport) }
        out.sort { a, b in
            let la = elements[a].layer, lb = elements[b].layer
            return la != lb ? la < lb : a < b
        }
        return out
    }
}
