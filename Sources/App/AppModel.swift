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

    /// The file being edited (`:saveas` moves it).
    public internal(set) var file: String
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
    public internal(set) var nodeSort: NodeSort = .problem
    public internal(set) var nodeSortDescending = false
    /// The `/` filter of each list pane ("" or absent: none).
    public internal(set) var filters: [Pane: String] = [:]
    /// The nodes pane's filter.
    public internal(set) var nodeFilter: String {
        get { filters[.nodes] ?? "" }
        set { filters[.nodes] = newValue.isEmpty ? nil : newValue }
    }
    /// Codes whose folded findings are shown one by one.
    public internal(set) var expandedCodes: Set<DiagnosticCode> = []
    /// The diagnostics pane's rows (findings, folded groups), filtered.
    public private(set) var diagnosticRows: [DiagnosticRow] = []
    /// Indices into `plan.nodes` in table order (sorted and filtered).
    public private(set) var nodeRows: [Int] = []
    /// The worst status of each node's routes, and the worst finding naming each node.
    public private(set) var nodeRouteStatus: [String: RouteStatus] = [:]
    public private(set) var nodeProblems: [String: NodeProblem] = [:]
    /// Routes in table order (problems first), filtered.
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
    /// The file changed on disk with no unsaved edits and is being reloaded.
    var reloadingChangedFile = false
    /// The finding `]` / `[` last jumped to in the topology.
    var problemCursor: Int?

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
        revealFirstProblem()
    }

    public var isDirty: Bool { edits != savedEdits }
    public var fields: [SpecField] { SpecField.all(for: input) }

    /// The diagram fills the terminal's width, down to the narrow layout at 60 columns. The
    /// router lists at most 50 routing entries (problems first); the routes pane has them all.
    static func makeDiagram(_ plan: Plan, width: Int, memo: inout DiagramMemo) -> Diagram {
        Diagram(plan: plan, width: max(minimumWidth, width), nodeLimit: nil, routeLimit: 50, memo: &memo)
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

    /// Takes back the last edit; returns it (nil when there was none).
    @discardableResult
    mutating func undo() -> FieldEdit? {
        guard let last = edits.popLast() else { return nil }
        var next = input
        _ = last.field.apply(last.previous, to: &next)
        redoStack.append(last)
        setInput(next)
        return last
    }

    /// Applies the last undone edit again; returns it.
    @discardableResult
    mutating func redo() -> FieldEdit? {
        guard let again = redoStack.popLast() else { return nil }
        var next = input
        _ = again.field.apply(again.text, to: &next)
        edits.append(again)
        setInput(next)
        return again
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
        let selected = selectedRows()
        input = next
        plan = Planner.plan(next, memo: &planMemo)
        diagram = Self.makeDiagram(plan, width: width, memo: &diagramMemo)
        // Highlights are a diagnostic's few objects: keep those some diagnostic still names.
        if !highlight.isEmpty {
            highlight = highlight.filter { ref in plan.diagnostics.contains { $0.objects.contains(ref) } }
        }
        refreshTables()
        restoreRows(selected)
        clampScroll()
    }

    mutating func resize(width w: Int, height h: Int) {
        width = max(0, w)
        height = max(0, h)
        diagram = Self.makeDiagram(plan, width: width, memo: &diagramMemo)
        clampScroll()
    }

    /// What the tables were computed from: re-sorting 5,000 names on every edit would eat
    /// the re-plan budget when the nodes did not change. Arrays compare in O(1) while they
    /// are the ones the tables were made from (re-planning reuses them).
    private struct TableKey: Equatable {
        var nodes: [PlannedNode]
        var routes: [PlannedRoute]
        var diagnostics: [Diagnostic]
        var sort: NodeSort
        var descending: Bool
        var filters: [Pane: String]
        var expanded: Set<DiagnosticCode>
    }
    private var tableKey: TableKey?

    mutating func refreshTables() {
        let key = TableKey(nodes: plan.nodes, routes: plan.routes, diagnostics: plan.diagnostics, sort: nodeSort,
                           descending: nodeSortDescending, filters: filters, expanded: expandedCodes)
        if key == tableKey {
            clampRows()
            return
        }
        let old = tableKey
        tableKey = key
        if old?.routes != key.routes || old?.filters[.routes] != key.filters[.routes] {
            let needle = filter(.routes).lowercased()
            let sorted = PlannedRoute.problemsFirst(plan.routes)
            routeRows = needle.isEmpty ? sorted : sorted.filter { Self.route($0, matches: needle) }
            routeProblemCount = plan.routes.withUnsafeBufferPointer { routes in
                routes.indices.reduce(0) { $0 + (routes[$1].status.isProblem ? 1 : 0) }
            }
            nodeRouteStatus = NodeTable.routeStatus(plan.routes)
        }
        if old?.diagnostics != key.diagnostics {
            nodeProblems = NodeTable.problems(plan.diagnostics)
        }
        if old?.diagnostics != key.diagnostics || old?.filters[.diagnostics] != key.filters[.diagnostics] || old?.expanded != key.expanded {
            diagnosticRows = DiagnosticRow.build(plan.diagnostics, filter: filter(.diagnostics), expanded: expandedCodes)
        }
        let nodeInputsChanged = old?.nodes != key.nodes || old?.sort != key.sort || old?.descending != key.descending
            || old?.filters[.nodes] != key.filters[.nodes]
        // Route status and problems matter to the order only when filtering or sorting by them.
        let columnsMatter = !nodeFilter.isEmpty || nodeSort == .route || nodeSort == .problem
        if nodeInputsChanged || (columnsMatter && (old?.routes != key.routes || old?.diagnostics != key.diagnostics)) {
            nodeRows = NodeTable.rows(plan.nodes, filter: nodeFilter, sort: nodeSort, descending: nodeSortDescending,
                                      routes: nodeRouteStatus, problems: nodeProblems)
        }
        clampRows()
    }

    /// The filter of a list pane ("" for none).
    public func filter(_ pane: Pane) -> String { filters[pane] ?? "" }

    /// Whether a route's shown columns (status, destination, next hop, node, router) hold `needle`.
    static func route(_ r: PlannedRoute, matches needle: String) -> Bool {
        r.status.rawValue.contains(needle) || r.destination.description.contains(needle) || r.nexthop.description.contains(needle)
            || (r.node?.lowercased().contains(needle) ?? false) || r.router.lowercased().contains(needle)
            || (r.actualNexthop?.description.contains(needle) ?? false)
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
        case .diagnostics: diagnosticRows.count
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
