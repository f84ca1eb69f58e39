import Canvas
import IPAM

/// The uniform grid node cards are placed on: every card has the same size, as many per row
/// as fit the width.
///
/// Two styles: the figure's (labels beside the box, cards spread over the row, odd columns
/// mirrored so neighbours face each other) and a compact boxed one (name and labels inside
/// the box, cards packed from the left), used when the figure's would cut a node name.
struct NodeGrid: Sendable {
    enum Style: Sendable { case figure, boxed }

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
    /// Blank rows between rows of cards (2 leave a row for a bus line above the ports).
    let rowGap: Int

    var labelsWidth: Int { labelColumn + 1 + valueWidth }
    var boxHeight: Int { innerRows + 2 }
    var cardHeight: Int { (hasPort ? 2 : 0) + boxHeight }
    /// A row of cards and the blank rows below it.
    var rowPitch: Int { cardHeight + rowGap }

    /// The figure's small box holds names up to this width; longer ones (Gardener's node
    /// names run to 50 columns) read better in the boxed style.
    static let figureNameLimit = 24

    init(_ m: NodeMetrics, areaWidth: Int, hasPort: Bool, preferFigure: Bool, rowGap: Int = 1) {
        var valueWidth = m.valueWidth
        let labels = m.labelColumn + 1 + valueWidth
        let figureBox = max(16, m.nameWidth + 4)
        if preferFigure && m.nameWidth <= Self.figureNameLimit && labels + 1 + figureBox <= areaWidth {
            style = .figure
            boxWidth = figureBox
            innerRows = max(3, m.lines)
            cardWidth = labels + 1 + figureBox
        } else {
            style = .boxed
            // Too narrow even so: the values give way (cut with an ellipsis).
            boxWidth = min(areaWidth, 4 + max(labels, m.headerWidth))
            valueWidth = min(valueWidth, max(6, boxWidth - 4 - m.labelColumn - 1))
            innerRows = 1 + m.lines
            cardWidth = boxWidth
        }
        labelColumn = m.labelColumn
        self.valueWidth = valueWidth
        self.hasPort = hasPort
        self.areaWidth = areaWidth
        self.rowGap = max(1, rowGap)
        capacity = max(1, (areaWidth + Self.minimumGap) / (cardWidth + Self.minimumGap))
    }

    func rowCount(_ count: Int) -> Int { count == 0 ? 0 : (count + capacity - 1) / capacity }

    /// Height of `count` cards: rows of cards with blank rows between them.
    func height(_ count: Int) -> Int {
        let rows = rowCount(count)
        return rows == 0 ? 0 : rows * rowPitch - rowGap
    }

    /// X offsets (within the area) of the columns used by a group of `count` cards.
    func columnOffsets(_ count: Int) -> [Int] {
        let n = min(capacity, max(1, count))
        guard style == .figure else { return (0..<n).map { $0 * (cardWidth + Self.minimumGap) } }
        if n == 1 { return [max(0, (areaWidth - cardWidth) / 2)] }
        let spare = max(0, areaWidth - n * cardWidth)
        return (0..<n).map { i in i * cardWidth + i * spare / (n - 1) }
    }

    private func boxX(cardX: Int, column: Int) -> Int {
        style == .boxed || column % 2 == 1 ? cardX : cardX + labelsWidth + 1
    }

    private func portRect(boxX: Int, cardY: Int) -> Rect {
        let pw = min(Self.portWidth, boxWidth - 2)
        return Rect(x: boxX + (boxWidth - pw) / 2, y: cardY, width: pw, height: 2)
    }

    /// Where the connector from above meets the port of a card in `column`.
    func portConnectorX(cardX: Int, column: Int) -> Int {
        let port = portRect(boxX: boxX(cardX: cardX, column: column), cardY: 0)
        return port.x + (port.width - 1) / 2
    }

    /// Draws `card` with its top-left corner at (cardX, cardY) in grid column `column`.
    func draw(_ card: NodeCard, cardX: Int, cardY: Int, column: Int, into b: inout DiagramBuilder) {
        let boxX = boxX(cardX: cardX, column: column)
        let boxY = cardY + (hasPort ? 2 : 0)
        b.box(Rect(x: boxX, y: boxY, width: boxWidth, height: boxHeight), ref: card.ref)
        if hasPort {
            let port = portRect(boxX: boxX, cardY: cardY)
            b.tab(port, ref: card.ref)
            b.text("Port", x: port.x + 2, y: cardY + 1, width: min(4, port.width - 3), role: .label)
            b.glyph(.teeUp, x: port.x, y: boxY)
            b.glyph(.teeUp, x: port.maxX - 1, y: boxY)
        }
        switch style {
        case .figure:
            let nameY = boxY + 1 + (innerRows - 1) / 2
            b.text(card.name, x: boxX + 2, y: nameY, width: min(CellWidth.of(card.name), boxWidth - 4), role: .title)
            if let zone = card.zone {
                b.text(zone, x: boxX + 2, y: nameY + 1, width: min(CellWidth.of(zone), boxWidth - 4), role: .dim)
            }
            drawLines(card, x: column % 2 == 1 ? cardX + boxWidth + 1 : cardX, y: boxY + 1, into: &b)
        case .boxed:
            var header = [TextSegment(card.name, role: .title)]
            if let zone = card.zone { header += [.space(2), TextSegment(zone, role: .dim)] }
            b.line(header, x: boxX + 2, y: boxY + 1, limit: boxWidth - 4)
            drawLines(card, x: boxX + 2, y: boxY + 2, into: &b)
        }
    }

    /// The label/value lines: labels right-aligned on a common column, values after it.
    private func drawLines(_ card: NodeCard, x: Int, y: Int, into b: inout DiagramBuilder) {
        for (i, l) in card.lines.enumerated() {
            if !l.label.isEmpty {
                b.text(l.label, x: x + labelColumn - CellWidth.of(l.label), y: y + i, role: .label)
            }
            b.text(l.value, x: x + labelColumn + 1, y: y + i, width: min(CellWidth.of(l.value), valueWidth), role: l.role, ref: l.ref)
        }
    }
}
