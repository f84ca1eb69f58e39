import Canvas
import IPAM

/// Content repeated per node or per route: laid out as a grid of equal items, turned into
/// elements only for the items a viewport, hit test or lookup touches. This keeps layout
/// O(n) arithmetic with no text built, whatever the number of nodes.
protocol RepeatedBlock: Sendable {
    /// The area all items lie in.
    var frame: Rect { get }
    var count: Int { get }
    /// The items whose rows intersect `rect` (a superset of those that intersect it).
    func items(intersecting rect: Rect) -> Range<Int>
    /// The item that shows `ref`, if any.
    func item(showing ref: ObjectRef) -> Int?
    /// Adds the elements of item `index`.
    func emit(_ index: Int, into b: inout DiagramBuilder)
}

extension RepeatedBlock {
    /// Items of `pitch` rows each, laid out `perRow` to a row from `top`.
    func rows(intersecting rect: Rect, top: Int, pitch: Int, perRow: Int) -> Range<Int> {
        guard count > 0, rect.intersects(frame), pitch > 0 else { return 0..<0 }
        let first = max(0, (rect.y - top) / pitch)
        let last = max(0, (rect.maxY - 1 - top) / pitch)
        let lower = min(count, first * perRow)
        return lower..<min(count, max(lower, (last + 1) * perRow))
    }

    func elements(_ range: Range<Int>) -> [DiagramElement] {
        var b = DiagramBuilder()
        for i in range { emit(i, into: &b) }
        return b.elements
    }
}

/// Node cards on a grid (all the drawn nodes of an OpenStack shoot, or one zone's).
struct NodeBlock: RepeatedBlock {
    let nodes: [PlannedNode]
    /// Indices into `nodes`, in drawing order.
    let members: [Int]
    let grid: NodeGrid
    let options: NodeCard.Options
    let offsets: [Int]
    let x: Int
    let y: Int

    init(nodes: [PlannedNode], members: [Int], grid: NodeGrid, options: NodeCard.Options, columns: Int? = nil, x: Int, y: Int) {
        self.nodes = nodes
        self.members = members
        self.grid = grid
        self.options = options
        self.offsets = grid.columnOffsets(columns ?? members.count)
        self.x = x
        self.y = y
    }

    var count: Int { members.count }
    var height: Int { grid.height(count) }
    var frame: Rect {
        Rect(x: x, y: y, width: (offsets.last ?? 0) + grid.cardWidth, height: height)
    }

    func cardOrigin(_ index: Int) -> (x: Int, y: Int, column: Int) {
        let column = index % offsets.count
        return (x + offsets[column], y + (index / offsets.count) * grid.rowPitch, column)
    }

    /// Where the connectors from above meet the first row's ports.
    var firstRowConnectors: [Int] {
        (0..<min(count, offsets.count)).map { i in
            let o = cardOrigin(i)
            return grid.portConnectorX(cardX: o.x, column: o.column)
        }
    }

    func items(intersecting rect: Rect) -> Range<Int> {
        rows(intersecting: rect, top: y, pitch: grid.rowPitch, perRow: offsets.count)
    }

    func item(showing ref: ObjectRef) -> Int? {
        switch ref {
        case .node(let name), .podCIDR(let name, _):
            return members.firstIndex { nodes[$0].name == name }
        case .reserved(let p):
            return members.firstIndex { nodes[$0].reservedPrefix == p }
        default:
            return nil
        }
    }

    func emit(_ index: Int, into b: inout DiagramBuilder) {
        let o = cardOrigin(index)
        grid.draw(NodeCard(nodes[members[index]], options), cardX: o.x, cardY: o.y, column: o.column, into: &b)
    }
}
