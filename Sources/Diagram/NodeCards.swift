import Addressing
import Canvas
import IPAM
import Spec

/// What a node card shows: the node's name and zone in its box, label/value lines beside it.
struct NodeCard {
    struct Line {
        var label: String
        var value: String
        var role: Role
        var ref: ObjectRef?
    }

    var name: String
    var zone: String?
    var ref: ObjectRef
    var lines: [Line]

    /// The figure's label for the per-node pod prefixes.
    static let figurePodLabel = "Assigned Pod CIDR:"

    /// The card of `node`, with IPv6 addresses written with the length of the smallest
    /// plan range holding them (the figure's `2001:db8::a1/66`).
    init(_ node: PlannedNode, containers: [IPPrefix], podLabel: String = figurePodLabel, showZone: Bool = true) {
        name = node.name
        zone = showZone ? node.zone : nil
        ref = .node(node.name)
        let simulated = node.source == .simulated
        func line(_ label: String, _ text: String, ref: ObjectRef? = nil) -> Line {
            simulated
                ? Line(label: label, value: PlanText.simulatedMarker + text, role: .simulated, ref: ref)
                : Line(label: label, value: text, role: .address, ref: ref)
        }
        var lines: [Line] = []
        for a in node.addresses {
            if a.family == .v4 {
                lines.append(line("IPv4:", "\(a)"))
            } else {
                let holder = containers.last { $0.contains(a) }
                lines.append(line("IPv6:", holder.map { "\(a)/\($0.length)" } ?? "\(a)"))
            }
        }
        if let p = node.nodePrefix { lines.append(line("Node prefix:", "\(p)")) }
        if let r = node.reservedPrefix { lines.append(line("Reserved:", "\(r)", ref: .reserved(r))) }
        if node.podCIDRs.isEmpty {
            lines.append(Line(label: podLabel, value: "none", role: .warning, ref: nil))
        }
        for (i, p) in node.podCIDRs.enumerated() {
            lines.append(line(i == 0 ? podLabel : "", "\(p)", ref: .podCIDR(node: node.name, p)))
        }
        self.lines = lines
    }

    /// Candidate ranges for the IPv6 length, shortest first so `last` finds the smallest.
    static func containers(of plan: Plan) -> [IPPrefix] {
        var out = plan.ranges(.nodes).map(\.prefix)
        for s in plan.subnets {
            out.append(s.prefix)
            if let pool = s.allocationPool { out.append(pool) }
        }
        return out.filter { $0.family == .v6 }.sorted { $0.length < $1.length }
    }
}

/// The uniform grid node cards are placed on: every card has the same size, as many per row
/// as fit the width.
///
/// Two styles: the figure's (labels beside the box, cards spread over the row, odd columns
/// mirrored so neighbours face each other) and a compact boxed one (name and labels inside
/// the box, cards packed from the left), used when the figure's would cut a node name.
struct NodeGrid {
    enum Style { case figure, boxed }

    static let minimumGap = 3
    static let portWidth = 12

    let style: Style
    let labelColumn: Int
    let valueWidth: Int
    let boxWidth: Int
    let innerRows: Int
    let hasPort: Bool
    /// Columns the cards may use.
    let areaWidth: Int
    let cardWidth: Int
    /// Cards per full row.
    let capacity: Int

    var labelsWidth: Int { labelColumn + 1 + valueWidth }
    var boxHeight: Int { innerRows + 2 }
    var cardHeight: Int { (hasPort ? 2 : 0) + boxHeight }

    init(cards: [NodeCard], areaWidth: Int, hasPort: Bool, preferFigure: Bool) {
        var labelColumn = 0, valueWidth = 4, nameWidth = 4, headerWidth = 4, lines = 1
        for c in cards {
            let name = CellWidth.of(c.name), zone = c.zone.map { CellWidth.of($0) }
            nameWidth = max(nameWidth, name, zone ?? 0)
            headerWidth = max(headerWidth, name + (zone.map { 2 + $0 } ?? 0))
            lines = max(lines, c.lines.count)
            for l in c.lines {
                labelColumn = max(labelColumn, CellWidth.of(l.label))
                valueWidth = max(valueWidth, CellWidth.of(l.value))
            }
        }
        let labels = labelColumn + 1 + valueWidth
        let figureBox = max(16, nameWidth + 4)
        if preferFigure && labels + 1 + figureBox <= areaWidth {
            style = .figure
            boxWidth = figureBox
            innerRows = max(3, lines)
            cardWidth = labels + 1 + figureBox
        } else {
            style = .boxed
            // Too narrow even so: the values give way (cut with an ellipsis).
            boxWidth = min(areaWidth, 4 + max(labels, headerWidth))
            valueWidth = min(valueWidth, max(6, boxWidth - 4 - labelColumn - 1))
            innerRows = 1 + lines
            cardWidth = boxWidth
        }
        self.labelColumn = labelColumn
        self.valueWidth = valueWidth
        self.hasPort = hasPort
        self.areaWidth = areaWidth
        capacity = max(1, (areaWidth + Self.minimumGap) / (cardWidth + Self.minimumGap))
    }

    func rowCount(_ count: Int) -> Int { count == 0 ? 0 : (count + capacity - 1) / capacity }

    /// Height of `count` cards: rows of cards with one blank row between them.
    func height(_ count: Int) -> Int {
        let rows = rowCount(count)
        return rows == 0 ? 0 : rows * cardHeight + rows - 1
    }

    /// X offsets (within the area) of the columns used by a group of `count` cards.
    func columnOffsets(_ count: Int) -> [Int] {
        let n = min(capacity, max(1, count))
        guard style == .figure else { return (0..<n).map { $0 * (cardWidth + Self.minimumGap) } }
        if n == 1 { return [max(0, (areaWidth - cardWidth) / 2)] }
        let spare = max(0, areaWidth - n * cardWidth)
        return (0..<n).map { i in i * cardWidth + i * spare / (n - 1) }
    }

    /// Places `cards` from (x, y) on the columns of a group of `columns` cards (default:
    /// as many as there are cards); returns the x of each first-row card's port connector.
    /// Only the first row's ports are connected upwards (by the caller).
    @discardableResult
    func place(_ cards: ArraySlice<NodeCard>, columns: Int? = nil, x: Int, y: Int, into b: inout DiagramBuilder) -> [Int] {
        let offsets = columnOffsets(columns ?? cards.count)
        var tees: [Int] = []
        for (k, card) in cards.enumerated() {
            let column = k % offsets.count
            let cx = x + offsets[column]
            let cy = y + (k / offsets.count) * (cardHeight + 1)
            let mirrored = style == .figure && column % 2 == 1
            let boxX = style == .boxed || mirrored ? cx : cx + labelsWidth + 1
            let boxY = cy + (hasPort ? 2 : 0)
            b.box(Rect(x: boxX, y: boxY, width: boxWidth, height: boxHeight), ref: card.ref)
            if hasPort {
                let pw = min(Self.portWidth, boxWidth - 2)
                let px = boxX + (boxWidth - pw) / 2
                b.tab(Rect(x: px, y: cy, width: pw, height: 2), ref: card.ref)
                b.text("Port", x: px + 2, y: cy + 1, width: min(4, pw - 3), role: .label)
                b.glyph(.teeUp, x: px, y: boxY)
                b.glyph(.teeUp, x: px + pw - 1, y: boxY)
                if k < offsets.count { tees.append(px + (pw - 1) / 2) }
            }
            switch style {
            case .figure:
                let nameY = boxY + 1 + (innerRows - 1) / 2
                b.text(card.name, x: boxX + 2, y: nameY, width: min(CellWidth.of(card.name), boxWidth - 4), role: .title)
                if let zone = card.zone {
                    b.text(zone, x: boxX + 2, y: nameY + 1, width: min(CellWidth.of(zone), boxWidth - 4), role: .dim)
                }
                placeLines(card, x: mirrored ? cx + boxWidth + 1 : cx, y: boxY + 1, into: &b)
            case .boxed:
                var header = [TextSegment(card.name, role: .title)]
                if let zone = card.zone { header += [.space(2), TextSegment(zone, role: .dim)] }
                b.line(header, x: boxX + 2, y: boxY + 1, limit: boxWidth - 4)
                placeLines(card, x: boxX + 2, y: boxY + 2, into: &b)
            }
        }
        return tees
    }

    /// The label/value lines: labels right-aligned on a common column, values after it.
    private func placeLines(_ card: NodeCard, x: Int, y: Int, into b: inout DiagramBuilder) {
        for (i, l) in card.lines.enumerated() {
            if !l.label.isEmpty {
                b.text(l.label, x: x + labelColumn - CellWidth.of(l.label), y: y + i, role: .label)
            }
            b.text(l.value, x: x + labelColumn + 1, y: y + i, width: min(CellWidth.of(l.value), valueWidth), role: l.role, ref: l.ref)
        }
    }
}
