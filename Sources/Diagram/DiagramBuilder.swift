import Canvas
import IPAM

/// Collects the elements of a diagram while a layout places them.
struct DiagramBuilder {
    private(set) var elements: [DiagramElement] = []
    /// Per-node and per-route content, expanded into elements only where looked at.
    private(set) var blocks: [any RepeatedBlock] = []
    /// What the `~` marker stood for so far, for the legend that explains it.
    private(set) var simulated = ShootProperties.Simulated()

    init() {}

    mutating func add(_ block: some RepeatedBlock) {
        if block.count > 0 { blocks.append(block) }
    }

    /// Records that a node block shows simulated nodes.
    mutating func noteSimulatedNodes() { simulated.nodes = true }

    mutating func add(_ shape: DiagramElement.Shape, _ rect: Rect, role: Role, ref: ObjectRef? = nil) {
        guard !rect.isEmpty else { return }
        // Outside node blocks only ranges are simulated (AUTOv6 resolved offline).
        if role == .simulated { simulated.ranges = true }
        elements.append(DiagramElement(shape: shape, rect: rect, role: role, ref: ref))
    }

    mutating func box(_ rect: Rect, role: Role = .frame, ref: ObjectRef? = nil) {
        add(.box, rect, role: role, ref: ref)
    }

    mutating func tab(_ rect: Rect, role: Role = .frame, ref: ObjectRef? = nil) {
        add(.tab, rect, role: role, ref: ref)
    }

    mutating func glyph(_ g: DiagramGlyph, x: Int, y: Int, role: Role = .frame) {
        add(.glyph(g), Rect(x: x, y: y, width: 1, height: 1), role: role)
    }

    mutating func verticalLine(x: Int, from top: Int, to bottom: Int, role: Role = .frame) {
        add(.verticalLine, Rect(x: x, y: top, width: 1, height: bottom - top), role: role)
    }

    mutating func horizontalLine(y: Int, from left: Int, to right: Int, role: Role = .frame) {
        add(.horizontalLine, Rect(x: left, y: y, width: right - left, height: 1), role: role)
    }

    /// A text in `width` columns (its own width when nil); drawing cuts it with an ellipsis.
    mutating func text(_ s: String, x: Int, y: Int, width: Int? = nil, role: Role = .plain, ref: ObjectRef? = nil) {
        add(.text(s), Rect(x: x, y: y, width: width ?? CellWidth.of(s), height: 1), role: role, ref: ref)
    }

    /// A text centred in `width` columns starting at `x`.
    mutating func centered(_ s: String, x: Int, y: Int, width: Int, role: Role = .title, ref: ObjectRef? = nil) {
        let w = CellWidth.of(s)
        let left = max(0, (width - w) / 2)
        text(s, x: x + left, y: y, width: min(w, width), role: role, ref: ref)
    }

    /// A connector pointing up: `▲` at `arrowY` (just below the upper item), a line down to
    /// `joinY`, where `join` marks the edge of the lower item it leaves from.
    mutating func connector(x: Int, arrowY: Int, joinY: Int, join: DiagramGlyph = .teeUp) {
        guard joinY > arrowY else { return }
        glyph(.arrowUp, x: x, y: arrowY)
        if joinY > arrowY + 1 { verticalLine(x: x, from: arrowY + 1, to: joinY) }
        glyph(join, x: x, y: joinY)
    }

    /// Places one line of segments at (x, y) within `limit` columns. A segment that does not
    /// fit is cut (drawn with an ellipsis) and the rest of the line dropped, so a cut is
    /// always visible.
    mutating func line(_ segments: [TextSegment], x: Int, y: Int, limit: Int) {
        var col = x
        let end = x + max(0, limit)
        var lastPlaced: Int?
        for s in segments {
            if s.isBlank {
                col += s.width
                continue
            }
            if col >= end {
                // Nothing left: shorten the last placed element so its ellipsis shows the cut.
                if let last = lastPlaced, elements[last].rect.width > 1 { elements[last].rect.width -= 1 }
                return
            }
            let room = end - col
            let shape: DiagramElement.Shape = s.glyph.map { .marked($0, s.text) } ?? .text(s.text)
            add(shape, Rect(x: col, y: y, width: min(s.naturalWidth, room), height: 1), role: s.role, ref: s.ref)
            lastPlaced = elements.count - 1
            if s.naturalWidth > room { return }
            // Padding that does not fit is cut to one column, so what follows still shows (or its
            // cut does) without touching this segment.
            col += s.width > room ? min(s.width, s.naturalWidth + 1) : s.width
        }
    }
}

/// A piece of a text line: its text, role and object, optionally led by a glyph.
struct TextSegment {
    var text: String
    var role: Role
    var ref: ObjectRef?
    var glyph: DiagramGlyph?
    /// Columns the segment occupies at least (for aligned columns).
    var minWidth: Int

    init(_ text: String, role: Role = .plain, ref: ObjectRef? = nil, glyph: DiagramGlyph? = nil, minWidth: Int = 0) {
        self.text = text
        self.role = role
        self.ref = ref
        self.glyph = glyph
        self.minWidth = minWidth
    }

    static func space(_ n: Int) -> TextSegment { TextSegment("", minWidth: n) }

    var naturalWidth: Int { CellWidth.of(text) + (glyph == nil ? 0 : 2) }
    var width: Int { max(naturalWidth, minWidth) }
    var isBlank: Bool { glyph == nil && text.unicodeScalars.allSatisfy { $0 == " " } }
}

extension Array where Element == TextSegment {
    var width: Int { reduce(0) { $0 + $1.width } }

    /// This line broken at segment boundaries into lines of at most `width` columns,
    /// continuation lines indented; a single segment wider than `width` stays whole
    /// (and is cut visibly when placed).
    func wrapped(to width: Int, indent: Int = 2) -> [[TextSegment]] {
        guard self.width > width else { return [self] }
        var out: [[TextSegment]] = []
        var current: [TextSegment] = []
        var used = 0
        for var s in self {
            s.minWidth = 0
            if used + s.width > width, current.contains(where: { !$0.isBlank }) {
                out.append(current)
                current = [.space(indent)]
                used = indent
                if s.isBlank { continue }
            }
            current.append(s)
            used += s.width
        }
        if current.contains(where: { !$0.isBlank }) { out.append(current) }
        return out
    }
}
