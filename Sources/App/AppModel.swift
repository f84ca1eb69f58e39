import Canvas
import Diagram
import IPAM
import Spec

/// The whole state of the interactive UI. ``update(_:)`` changes it in answer to a message
/// and returns the side effects to perform; ``view()`` draws it. No terminal, no files.
public struct AppModel: Sendable {
    /// Terminals smaller than this get a message instead of a layout.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public let file: String
    public let readOnly: Bool
    /// The spec as loaded (or last reloaded).
    public private(set) var baseInput: PlanInput
    /// The spec with ``edits`` applied; what is planned and shown.
    public private(set) var input: PlanInput
    public private(set) var plan: Plan
    public private(set) var diagram: Diagram
    /// The last planning run's per-node steps, so a re-plan after an edit reuses them.
    private var planMemo: PlanMemo
    /// The diagram's node and route measurements, reused while nodes and routes are unchanged.
    private var diagramMemo: DiagramMemo
    /// Edits since load, oldest first; undo pops from here.
    public private(set) var edits: [FieldEdit] = []
    public private(set) var redoStack: [FieldEdit] = []
    /// ``edits`` as last written to disk.
    public private(set) var savedEdits: [FieldEdit] = []

    public private(set) var width: Int
    public private(set) var height: Int
    public var glyphs: Glyphs
    public internal(set) var focus: Pane = .topology
    /// The pane shown in the lower panel (the last focused one that is not the topology).
    public internal(set) var panel: Pane = .diagnostics
    public internal(set) var mode: Mode = .normal
    public internal(set) var scrollX = 0
    public internal(set) var scrollY = 0
    public internal(set) var selection: ObjectRef?
    public internal(set) var highlight: Set<ObjectRef> = []
    /// Selected row per list pane.
    public internal(set) var rows: [Pane: Int] = [:]
    public internal(set) var nodeSort: NodeSort = .name
    public internal(set) var nodeFilter = ""
    /// Indices into `plan.nodes` in table order (sorted and filtered).
    public private(set) var nodeRows: [Int] = []
    /// Routes in table order (problems first).
    public private(set) var routeRows: [PlannedRoute] = []
    /// Routes missing, with a wrong next hop or stale (the routes tab's count).
    public private(set) var routeProblemCount = 0
    public internal(set) var message: StatusMessage?
    /// Set when the file changed on disk since it was loaded.
    public internal(set) var changedOnDisk = false
    /// A recovery file with unsaved edits from an earlier session, offered at start.
    public internal(set) var recoveryOffer: String?
    var pendingRecovery: [FieldEdit] = []
    /// Recovered edits were replayed but not saved yet; their recovery file stays until then.
    public internal(set) var recoveryAwaitingSave = false
    /// A save was asked for on the way out; its success quits.
    var quitAfterSave = false

    public struct StatusMessage: Equatable, Sendable {
        public var text: String
        public var role: Role
    }

    /// `memoizing: false` re-plans and re-measures everything on every edit (the tests'
    /// reference for the memos).
    public init(file: String, input: PlanInput, width: Int, height: Int, glyphs: Glyphs = .unicode, readOnly: Bool = false,
                memoizing: Bool = true) {
        self.file = file
        self.readOnly = readOnly
        self.baseInput = input
        self.input = input
        self.width = width
        self.height = height
        self.glyphs = glyphs
        var memo = memoizing ? PlanMemo() : .disabled
        let plan = Planner.plan(input, memo: &memo)
        self.planMemo = memo
        self.plan = plan
        var diagramMemo = memoizing ? DiagramMemo() : .disabled
        self.diagram = Self.makeDiagram(plan, width: width, memo: &diagramMemo)
        self.diagramMemo = diagramMemo
        refreshTables()
    }

    public var isDirty: Bool { edits != savedEdits }
    public var fields: [SpecField] { SpecField.all(for: input) }

    /// The diagram fills the terminal's width (panning covers narrower terminals). The
    /// router lists at most 50 routing entries; the routes pane has them all.
    static func makeDiagram(_ plan: Plan, width: Int, memo: inout DiagramMemo) -> Diagram {
        Diagram(plan: plan, width: max(80, width), nodeLimit: nil, routeLimit: 50, memo: &memo)
    }

    // MARK: Re-planning

    /// Applies an edit, re-plans and records it for undo. Returns the error when refused.
    mutating func applyEdit(_ field: SpecField, text: String) -> EditError? {
        let previous = field.text(in: input)
        var next = input
        if case .failure(let e) = field.apply(text, to: &next) { return e }
        if previous == field.text(in: next) { return nil }
        edits.append(FieldEdit(field: field, text: field.text(in: next), previous: previous))
        redoStack.removeAll()
        setInput(next)
        return nil
    }

    mutating func undo() -> Bool {
        guard let last = edits.popLast() else { return false }
        var next = input
        _ = last.field.apply(last.previous, to: &next)
        redoStack.append(last)
        setInput(next)
        return true
    }

    mutating func redo() -> Bool {
        guard let again = redoStack.popLast() else { return false }
        var next = input
        _ = again.field.apply(again.text, to: &next)
        edits.append(again)
        setInput(next)
        return true
    }

    mutating func markSaved() { savedEdits = edits }

    /// Replaces everything with a fresh load (edits are dropped).
    mutating func reset(to newInput: PlanInput) {
        baseInput = newInput
        edits = []
        redoStack = []
        savedEdits = []
        changedOnDisk = false
        setInput(newInput)
    }

    private mutating func setInput(_ next: PlanInput) {
        input = next
        plan = Planner.plan(next, memo: &planMemo)
        diagram = Self.makeDiagram(plan, width: width, memo: &diagramMemo)
        // Highlights are a diagnostic's few objects: keep those some diagnostic still names.
        if !highlight.isEmpty {
            highlight = highlight.filter { ref in plan.diagnostics.contains { $0.objects.contains(ref) } }
        }
        refreshTables()
        clampScroll()
    }

    mutating func resize(width w: Int, height h: Int) {
        width = max(0, w)
        height = max(0, h)
        diagram = Self.makeDiagram(plan, width: width, memo: &diagramMemo)
        clampScroll()
    }

    /// What the node table order was computed from; re-sorting 5,000 names on every edit
    /// would eat the re-plan budget when the nodes did not change. The node array compares
    /// in O(1) while it is the one the table was made from (re-planning reuses it).
    private struct TableKey: Equatable {
        var nodes: [PlannedNode]
        var sort: NodeSort
        var filter: String
    }
    private var tableKey: TableKey?
    /// The routes ``routeRows`` were sorted from.
    private var routeRowsSource: [PlannedRoute]?

    mutating func refreshTables() {
        if routeRowsSource != plan.routes {
            routeRowsSource = plan.routes
            routeRows = PlannedRoute.problemsFirst(plan.routes)
            routeProblemCount = plan.routes.withUnsafeBufferPointer { routes in
                routes.indices.reduce(0) { $0 + (routes[$1].status != .ok && routes[$1].status != .planned ? 1 : 0) }
            }
        }
        let key = TableKey(nodes: plan.nodes, sort: nodeSort, filter: nodeFilter)
        if key == tableKey {
            clampRows()
            return
        }
        tableKey = key
        let filter = nodeFilter.lowercased()
        var indices = plan.nodes.indices.filter { i in
            guard !filter.isEmpty else { return true }
            let n = plan.nodes[i]
            return n.name.lowercased().contains(filter) || (n.zone?.lowercased().contains(filter) ?? false)
                || n.addresses.contains { $0.description.contains(filter) }
                || n.podCIDRs.contains { $0.description.contains(filter) }
        }
        let nodes = plan.nodes
        switch nodeSort {
        case .name: indices.sort { nodes[$0].name < nodes[$1].name }
        case .zone: indices.sort { (nodes[$0].zone ?? "", nodes[$0].name) < (nodes[$1].zone ?? "", nodes[$1].name) }
        case .address:
            indices.sort { a, b in
                let x = nodes[a].addresses.first, y = nodes[b].addresses.first
                if x == y { return nodes[a].name < nodes[b].name }
                guard let x else { return false }
                guard let y else { return true }
                return x < y
            }
        case .podCIDR:
            indices.sort { a, b in
                let x = nodes[a].podCIDRs.first, y = nodes[b].podCIDRs.first
                if x == y { return nodes[a].name < nodes[b].name }
                guard let x else { return false }
                guard let y else { return true }
                return x < y
            }
        }
        nodeRows = indices
        clampRows()
    }

    private mutating func clampRows() {
        for pane in [Pane.spec, .diagnostics, .nodes, .routes] {
            rows[pane] = min(rows[pane] ?? 0, max(0, rowCount(pane) - 1))
        }
    }

    func rowCount(_ pane: Pane) -> Int {
        switch pane {
        case .topology: 0
        case .spec: fields.count
        case .diagnostics: plan.diagnostics.count
        case .nodes: nodeRows.count
        case .routes: routeRows.count
        }
    }

    // MARK: Geometry

    /// Screen rows: title, topology, tab bar, panel, message line, hint bar.
    struct Layout: Equatable {
        var topology: Rect
        var tabs: Int
        var panel: Rect
        var message: Int
        var hints: Int
    }

    var layout: Layout {
        let panelHeight = max(7, (height - 4) / 3)
        let topHeight = max(1, height - 4 - panelHeight)
        return Layout(topology: Rect(x: 0, y: 1, width: width, height: topHeight),
                      tabs: 1 + topHeight,
                      panel: Rect(x: 0, y: 2 + topHeight, width: width, height: panelHeight),
                      message: height - 2, hints: height - 1)
    }

    var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    mutating func clampScroll() {
        let view = layout.topology
        scrollX = max(0, min(scrollX, diagram.width - view.width))
        scrollY = max(0, min(scrollY, diagram.height - view.height))
    }

    /// Scrolls the topology so `rect` is visible.
    mutating func reveal(_ rect: Rect) {
        let view = layout.topology
        if rect.y < scrollY || rect.maxY > scrollY + view.height { scrollY = max(0, rect.y - 2) }
        if rect.x < scrollX || rect.maxX > scrollX + view.width { scrollX = max(0, rect.x - 2) }
        clampScroll()
    }
}


extension AppModel {
    /// Applies an edit as Enter in the spec editor does (for the benchmark).
    public mutating func benchEdit(_ field: SpecField, text: String) -> EditError? { applyEdit(field, text: text) }
}
