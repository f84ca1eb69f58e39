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
///
/// With ports, every port is connected: the first row's from above (the caller draws those
/// connectors to ``firstRowConnectors``), each later row's by a bus line in the blank row
/// above it that joins a trunk at the grid's right (``trunkX``), which runs up to the network.
struct NodeBlock: RepeatedBlock {
    /// Columns right of the cards a trunk needs: two blank ones and the line.
    static let trunkRoom = 3

    let nodes: [PlannedNode]
    /// Indices into `nodes`, in drawing order.
    let members: [Int]
    let grid: NodeGrid
    let options: NodeCard.Options
    let offsets: [Int]
    let x: Int
    let y: Int
    /// Where the buses of later rows join the trunk (nil without ports or with one row).
    let trunkX: Int?

    init(nodes: [PlannedNode], members: [Int], grid: NodeGrid, options: NodeCard.Options, columns: Int? = nil, x: Int, y: Int) {
        self.nodes = nodes
        self.members = members
        self.grid = grid
        self.options = options
        let offsets = grid.columnOffsets(columns ?? members.count)
        self.offsets = offsets
        self.x = x
        self.y = y
        trunkX = grid.hasPort && grid.rowCount(members.count) > 1
            ? x + (offsets.last ?? 0) + grid.cardWidth + Self.trunkRoom - 1 : nil
    }

    var count: Int { members.count }
    var height: Int { grid.height(count) }
    var frame: Rect {
        let right = trunkX.map { $0 + 1 - x } ?? (offsets.last ?? 0) + grid.cardWidth
        return Rect(x: x, y: y, width: right, height: height)
    }

    private var rowCount: Int { grid.rowCount(count) }

    func cardOrigin(_ index: Int) -> (x: Int, y: Int, column: Int) {
        let column = index % offsets.count
        return (x + offsets[column], y + (index / offsets.count) * grid.rowPitch, column)
    }

    private func connectorX(_ index: Int) -> Int {
        let o = cardOrigin(index)
        return grid.portConnectorX(cardX: o.x, column: o.column)
    }

    /// Where the connectors from above meet the first row's ports.
    var firstRowConnectors: [Int] {
        (0..<min(count, offsets.count)).map(connectorX)
    }

    /// The row of the last bus line, where the trunk ends (nil without a trunk).
    var lastBusY: Int? {
        trunkX == nil ? nil : y + (rowCount - 1) * grid.rowPitch - 1
    }

    func items(intersecting rect: Rect) -> Range<Int> {
        // A row's bus lies in the row above its cards.
        let reach = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height + 1)
        return rows(intersecting: reach, top: y, pitch: grid.rowPitch, perRow: offsets.count)
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
        guard grid.hasPort else { return }
        let port = connectorX(index)
        b.glyph(.teeUp, x: port, y: o.y)
        guard let trunk = trunkX, index >= offsets.count else { return }
        // This card's stretch of its row's bus: from its port to the next card's, or to the trunk.
        let busY = o.y - 1
        let lastInRow = o.column == offsets.count - 1 || index == count - 1
        b.glyph(o.column == 0 ? .cornerDownRight : .teeDown, x: port, y: busY)
        let end = lastInRow ? trunk : connectorX(index + 1)
        b.horizontalLine(y: busY, from: port + 1, to: end)
        if lastInRow { b.glyph(busY == lastBusY ? .cornerUpLeft : .teeLeft, x: trunk, y: busY) }
    }
}
