import Addressing
import Canvas
import IPAM

extension AppModel {
    /// The Elm-style update: changes the model in answer to `message` and returns the side
    /// effects the runtime must perform.
    public mutating func update(_ message: AppMessage) -> [AppEffect] {
        switch message {
        case .input(let event):
            return handle(event)
        case .saved(.success(let saved)):
            markSaved()
            changedOnDisk = false
            mode = .normal
            let kept = saved.backup.map { "previous version kept as \($0)" } ?? "there was no file, so no backup"
            let text = (["saved \(saved.path) (\(kept))"] + saved.notes).joined(separator: "; ")
            say(text, saved.notes.isEmpty ? .ok : .warning)
            var effects: [AppEffect] = []
            // The replayed edits are on disk now: their recovery file has done its job.
            if recoveryAwaitingSave {
                recoveryAwaitingSave = false
                effects.append(.deleteRecovery)
            }
            if quitAfterSave {
                quitAfterSave = false
                effects.append(.quit(0))
            }
            return effects
        case .saved(.failure(let failure)):
            // Never quit after a failed save: the edits would exist nowhere but here.
            quitAfterSave = false
            if failure.changedOnDisk {
                mode = .confirmReload
                changedOnDisk = true
            }
            say("not saved: \(failure.message)", .error)
        case .savedAs(.success(let saved), let adopt):
            if adopt {
                file = saved.path
                markSaved()
                changedOnDisk = false
                say("saved as \(saved.path); editing it from now on", .ok)
            } else {
                say("wrote \(saved.path) (\(file) unchanged" + (isDirty ? ", your edits still unsaved there)" : ")"), .ok)
            }
            mode = .normal
        case .savedAs(.failure(let failure), _):
            say("not saved: \(failure.message)", .error)
        case .copied(let clipboard, let path, let failure):
            if let failure {
                say("not copied: \(failure)", .error)
            } else if clipboard {
                say("copied to the clipboard" + (path.map { "; also written to \($0)" } ?? ""), .ok)
            } else if let path {
                say("written to \(path) (this terminal takes no clipboard writes)", .ok)
            }
        case .fileChangedOnDisk:
            if !changedOnDisk {
                changedOnDisk = true
                // Nothing of the user's would be lost: show what is on disk now.
                if !isDirty {
                    reloadingChangedFile = true
                    return [.reload]
                }
                say("\(file) changed on disk; :reload loads it (your edits would be lost; w asks first)", .warning)
            }
        case .reloaded(.success(let input)):
            let becauseChanged = reloadingChangedFile
            reloadingChangedFile = false
            reset(to: input)
            // The replayed edits are gone with the reload; their recovery file is offered again.
            recoveryAwaitingSave = false
            mode = .normal
            say(becauseChanged ? "\(file) changed on disk; reloaded it (there were no unsaved edits)" : "reloaded \(file)", .ok)
        case .reloaded(.failure(let failure)):
            reloadingChangedFile = false
            say("reload failed: \(failure.message)", .error)
        case .recoveryWritten(let path):
            say("unsaved edits kept in \(path)", .warning)
        case .recoveryRefused(let reason):
            say(reason, .warning)
        case .recoveryFound(let path, let text):
            offerRecovery(path: path, edits: RecoveryFormat.decode(text))
        }
        return []
    }

    mutating func say(_ text: String, _ role: Role = .info) {
        message = StatusMessage(text: text, role: role)
    }

    private mutating func handle(_ event: InputEvent) -> [AppEffect] {
        switch event {
        case .resize(let w, let h):
            resize(width: w, height: h)
            return []
        case .tick:
            return []
        case .signal(let n):
            // Nothing typed is lost: unsaved edits go to a recovery file before leaving.
            var effects: [AppEffect] = []
            if isDirty { effects.append(.writeRecovery(edits: edits)) }
            effects.append(.quit(128 + n))
            return effects
        case .mouse(let x, let y, let button):
            return handleMouse(x: x, y: y, button: button)
        case .key(let key):
            switch mode {
            case .normal: return handleNormal(key)
            case .editing(let field, let line): return handleEditing(key, field: field, line: line)
            case .command(let line): return handleCommandLine(key, line: line)
            case .filter(let line): return handleFilterLine(key, line: line)
            case .help(let scroll): return handleHelp(key, scroll: scroll)
            case .detail(let page): return handleDetail(key, page: page)
            case .confirmQuit: return handleConfirmQuit(key)
            case .confirmReload: return handleConfirmReload(key)
            case .confirmRecovery: return handleConfirmRecovery(key)
            }
        }
    }

    // MARK: Normal mode

    private mutating func handleNormal(_ key: Key) -> [AppEffect] {
        message = nil
        switch key {
        case .tab: setFocus(focus.next)
        case .backTab: setFocus(focus.previous)
        case .char("1"): setFocus(.topology)
        case .char("2"): setFocus(.spec)
        case .char("3"): setFocus(.diagnostics)
        case .char("4"): setFocus(.nodes)
        case .char("5"): setFocus(.routes)
        case .char("?"), .function(1): mode = .help(scroll: 0)
        case .char(":"): mode = .command(LineEditor())
        case .char("q"), .ctrl("c"): return requestQuit()
        case .char("w"), .ctrl("s"): return requestSave(force: false)
        case .char("u"): sayUndo()
        case .ctrl("r"): sayRedo()
        case .char("]"): jumpToProblem(step: 1)
        case .char("["): jumpToProblem(step: -1)
        case .escape:
            selection = nil
            highlight = []
        default:
            switch focus {
            case .topology: handleTopology(key)
            case .spec: return handleSpec(key)
            case .diagnostics, .routes: handleList(key)
            case .nodes: handleNodes(key)
            }
        }
        return []
    }

    mutating func setFocus(_ pane: Pane) {
        focus = pane
        if pane != .topology { panel = pane }
    }

    private mutating func handleTopology(_ key: Key) {
        let page = max(1, layout.topology.height - 2)
        switch key {
        case .up, .char("k"): scrollY -= 1
        case .down, .char("j"): scrollY += 1
        case .left, .char("h"): scrollX -= 4
        case .right, .char("l"): scrollX += 4
        case .pageUp, .ctrl("b"): scrollY -= page
        case .pageDown, .ctrl("f"), .char(" "): scrollY += page
        case .home, .char("g"): scrollY = 0; scrollX = 0
        case .end, .char("G"): scrollY = diagram.height
        case .char("n"): selectNode(step: 1)
        case .char("N"): selectNode(step: -1)
        case .enter:
            if let ref = selection { openDetail(ref) }
        default: break
        }
        clampScroll()
    }

    /// Moves the selection to the next node (in table order) and scrolls to it.
    private mutating func selectNode(step: Int) {
        guard !nodeRows.isEmpty else { return }
        var row = rows[.nodes] ?? 0
        if case .node = selection { row = (row + step + nodeRows.count) % nodeRows.count }
        rows[.nodes] = row
        select(.node(plan.nodes[nodeRows[row]].name))
    }

    /// Selects an object, scrolls the topology to it and says what it is.
    mutating func select(_ ref: ObjectRef) {
        selection = ref
        if let rect = diagram.rect(of: ref) {
            reveal(rect)
            say(describe(ref), .info)
        } else {
            say(describe(ref) + " (not drawn: see the tables)", .info)
        }
    }

    func describe(_ ref: ObjectRef) -> String {
        switch ref {
        case .node(let name):
            guard let n = plan.nodes.first(where: { $0.name == name }) else { return "node \(name)" }
            let src = n.source == .simulated ? " (simulated)" : ""
            return "node \(name)\(src) \(n.zone ?? "") " + n.addresses.map(\.description).joined(separator: " ")
                + " pods " + n.podCIDRs.map(\.description).joined(separator: " ")
        case .route(let router, let dest):
            guard let r = plan.routes.first(where: { $0.router == router && $0.destination == dest }) else { return "route \(dest)" }
            return "route \(dest) via \(r.nexthop) on \(router): \(r.status.rawValue)" + (r.node.map { " (node \($0))" } ?? "")
        default:
            return ref.description
        }
    }

    private mutating func handleList(_ key: Key) {
        let pane = focus
        if key == .char("/") {
            mode = .filter(LineEditor(filter(pane)))
            return
        }
        let count = rowCount(pane)
        guard count > 0 else { return }
        var row = rows[pane] ?? 0
        switch key {
        case .up, .char("k"): row -= 1
        case .down, .char("j"): row += 1
        case .pageUp: row -= max(1, layout.panel.height - 2)
        case .pageDown: row += max(1, layout.panel.height - 2)
        case .home, .char("g"): row = 0
        case .end, .char("G"): row = count - 1
        case .enter:
            openRow(pane, row: row)
            return
        case .char("o"):
            // Shows the row in the topology, focused (Enter opens its detail instead).
            activate(pane, row: row)
            return
        default: return
        }
        rows[pane] = max(0, min(count - 1, row))
        activate(pane, row: rows[pane] ?? 0, focusTopology: false)
    }

    /// Enter on a row: a folded group unfolds (or folds); anything else opens its detail.
    private mutating func openRow(_ pane: Pane, row: Int) {
        switch pane {
        case .diagnostics:
            guard diagnosticRows.indices.contains(row) else { return }
            switch diagnosticRows[row] {
            case .group(let code, _, let members, let expanded):
                if expanded { expandedCodes.remove(code) } else { expandedCodes.insert(code) }
                refreshTables()
                say(expanded ? "folded \(members.count) \(code.rawValue) findings" : "\(members.count) \(code.rawValue) findings; Enter on one shows it in full",
                    .info)
            case .finding(let i), .member(let i):
                mode = .detail(detail(of: plan.diagnostics[i]))
            }
        case .nodes:
            guard nodeRows.indices.contains(row) else { return }
            openDetail(.node(plan.nodes[nodeRows[row]].name))
        case .routes:
            guard routeRows.indices.contains(row) else { return }
            openDetail(.route(router: routeRows[row].router, destination: routeRows[row].destination))
        case .spec, .topology:
            return
        }
    }

    /// The detail page of a node or route (others have none: their findings say it all).
    mutating func openDetail(_ ref: ObjectRef) {
        let page: DetailPage?
        switch ref {
        case .node(let name), .podCIDR(let name, _): page = detail(ofNode: name)
        case .route(let router, let destination): page = detail(ofRoute: router, destination)
        default:
            page = plan.diagnostics.first { $0.objects.contains(ref) }.map { detail(of: $0) }
        }
        if let page { mode = .detail(page) } else { say("\(ref): nothing more to show", .info) }
    }

    /// Shows what a list row is about in the topology (highlight or selection).
    mutating func activate(_ pane: Pane, row: Int, focusTopology: Bool = true) {
        switch pane {
        case .diagnostics:
            guard diagnosticRows.indices.contains(row) else { return }
            let findings: [Diagnostic]
            switch diagnosticRows[row] {
            case .group(_, _, let members, _): findings = members.map { plan.diagnostics[$0] }
            case .finding(let i), .member(let i): findings = [plan.diagnostics[i]]
            }
            highlight = Set(findings.flatMap(\.objects))
            selection = nil
            let diagram = self.diagram
            if let rect = findings.lazy.flatMap(\.objects).compactMap({ diagram.rect(of: $0) }).first { reveal(rect) }
            message = nil
        case .routes:
            guard routeRows.indices.contains(row) else { return }
            let r = routeRows[row]
            select(.route(router: r.router, destination: r.destination))
        case .nodes:
            guard nodeRows.indices.contains(row) else { return }
            select(.node(plan.nodes[nodeRows[row]].name))
        case .spec, .topology:
            return
        }
        if focusTopology { focus = .topology }
    }

    private mutating func handleNodes(_ key: Key) {
        switch key {
        case .char("s"):
            nodeSort = nodeSort.next
            nodeSortDescending = false
            refreshTables()
            say("nodes sorted by \(nodeSort.rawValue) (S reverses)")
        case .char("S"):
            nodeSortDescending.toggle()
            refreshTables()
            say("nodes sorted by \(nodeSort.rawValue), \(nodeSortDescending ? "descending" : "ascending")")
        default:
            handleList(key)
        }
    }

    private mutating func handleSpec(_ key: Key) -> [AppEffect] {
        let count = fields.count
        var row = rows[.spec] ?? 0
        switch key {
        case .up, .char("k"): row -= 1
        case .down, .char("j"): row += 1
        case .home, .char("g"): row = 0
        case .end, .char("G"): row = count - 1
        case .enter, .char("e"), .char("i"):
            guard fields.indices.contains(row) else { return [] }
            if readOnly {
                say("read-only: started with --readonly", .warning)
                return []
            }
            let field = fields[row]
            mode = .editing(field: field, line: LineEditor(field.text(in: input)))
            return []
        default: return []
        }
        rows[.spec] = max(0, min(count - 1, row))
        return []
    }

    private mutating func handleMouse(x: Int, y: Int, button: MouseButton) -> [AppEffect] {
        guard mode == .normal, !isTooSmall else { return [] }
        let l = layout
        switch button {
        case .scrollUp: scrollY -= 3; clampScroll()
        case .scrollDown: scrollY += 3; clampScroll()
        case .left:
            if l.topology.contains(x: x, y: y) {
                focus = .topology
                if let ref = diagram.hitTest(x: x - l.topology.x + scrollX, y: y - l.topology.y + scrollY) {
                    select(ref)
                } else {
                    selection = nil
                }
            } else if y == l.tabs {
                if let pane = tabHit(x: x) { setFocus(pane) }
            } else if l.panel.contains(x: x, y: y) {
                setFocus(panel)
                let row = (rows[panel] ?? 0) - panelScrollRow(panel) + (y - l.panel.y - 1)
                if row >= 0 && row < rowCount(panel) {
                    rows[panel] = row
                    if panel != .spec { activate(panel, row: row, focusTopology: false) }
                }
            }
        default: break
        }
        return []
    }

    // MARK: Quit and save

    private mutating func requestQuit() -> [AppEffect] {
        if isDirty {
            mode = .confirmQuit
            return []
        }
        return [.quit(0)]
    }

    /// Saves; the save's result quits when it succeeded (see `.saved`).
    mutating func saveThenQuit() -> [AppEffect] {
        let effects = requestSave(force: false)
        quitAfterSave = !effects.isEmpty
        return effects
    }

    mutating func requestSave(force: Bool) -> [AppEffect] {
        if readOnly {
            say("read-only: started with --readonly", .warning)
            return []
        }
        if !isDirty && !force {
            say("no changes to save")
            return []
        }
        return [.save(edits: edits, force: force)]
    }

    private mutating func handleConfirmQuit(_ key: Key) -> [AppEffect] {
        switch key {
        case .char("y"), .char("w"), .char("s"):
            mode = .normal
            return saveThenQuit()
        case .char("n"), .char("d"), .char("q"):
            return [.quit(0)]
        case .ctrl("c"):
            return [.writeRecovery(edits: edits), .quit(130)]
        default:
            mode = .normal
            say("quit cancelled")
            return []
        }
    }

    private mutating func handleConfirmRecovery(_ key: Key) -> [AppEffect] {
        mode = .normal
        switch key {
        case .char("r"), .enter:
            replayRecovery()
            // Kept until the replayed edits are saved; with nothing left to save, it is spent.
            if isDirty {
                recoveryAwaitingSave = true
                return []
            }
            return [.deleteRecovery]
        case .char("d"):
            pendingRecovery = []
            say("discarded the unsaved edits of the earlier session")
            return [.deleteRecovery]
        default:
            say("recovery file kept: \(recoveryOffer ?? "")")
            pendingRecovery = []
            return []
        }
    }

    private mutating func handleConfirmReload(_ key: Key) -> [AppEffect] {
        mode = .normal
        switch key {
        case .char("r"): return [.reload]
        case .char("o"): return requestSave(force: true)
        default:
            say("kept your edits; the file on disk is unchanged by shootnet")
            return []
        }
    }
}
