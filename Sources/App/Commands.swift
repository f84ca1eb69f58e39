import Addressing
import Canvas
import IPAM

extension AppModel {
    /// The `:` commands (k9s / vim habits).
    static let commandHelp: [(String, String)] = [
        ("find ADDR|CIDR|NODE", "who owns an address, what a CIDR overlaps, a node"),
        ("node NAME", "select a node in the topology"),
        ("w", "save"), ("w FILE", "write a copy to FILE (w! FILE replaces it)"),
        ("saveas FILE", "save to FILE and edit that file from now on"), ("q", "quit (asks when there are unsaved edits)"), ("q!", "quit without saving"),
        ("wq", "save and quit"), ("reload", "load the file again"), ("undo / redo", "as u and Ctrl-R"),
        ("spec, diag, nodes, routes, topo", "go to a pane"), ("help", "the key list"),
    ]

    mutating func runCommand(_ raw: String) -> [AppEffect] {
        let words = raw.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let verb = words.first else { return [] }
        let arg = words.dropFirst().joined(separator: " ")
        switch verb {
        case "w", "write":
            return arg.isEmpty ? requestSave(force: false) : requestSaveAs(arg, force: false, adopt: false)
        case "w!":
            return arg.isEmpty ? requestSave(force: true) : requestSaveAs(arg, force: true, adopt: false)
        case "saveas", "sav":
            guard !arg.isEmpty else { say(":saveas needs a file name", .error); return [] }
            return requestSaveAs(arg, force: false, adopt: true)
        case "saveas!", "sav!":
            guard !arg.isEmpty else { say(":saveas! needs a file name", .error); return [] }
            return requestSaveAs(arg, force: true, adopt: true)
        case "q", "quit":
            if isDirty { mode = .confirmQuit; return [] }
            return [.quit(0)]
        case "q!": return [.quit(0)]
        case "wq", "x":
            if !isDirty { return [.quit(0)] }
            return saveThenQuit()
        case "reload", "e!":
            if readOnly { say("read-only: this view does not reload its input", .warning); return [] }
            if isDirty { mode = .confirmReload; say("reload drops your edits: r reload, o overwrite the file, Esc keep", .warning); return [] }
            return [.reload]
        case "undo": sayUndo()
        case "redo": sayRedo()
        case "help", "h": mode = .help(scroll: 0)
        case "find", "f", "lookup", "who": find(arg)
        case "node":
            if plan.nodes.contains(where: { $0.name == arg }) { select(.node(arg)) } else { say("no node \(arg)", .error) }
        case "spec": setFocus(.spec)
        case "diag", "diagnostics": setFocus(.diagnostics)
        case "nodes", "no": setFocus(.nodes)
        case "routes", "ro": setFocus(.routes)
        case "topo", "topology": setFocus(.topology)
        default: say("unknown command :\(verb) (:help lists them)", .error)
        }
        return []
    }

    /// `:w FILE` / `:saveas FILE`: the edits go to another file; the loaded one stays as it is.
    mutating func requestSaveAs(_ path: String, force: Bool, adopt: Bool) -> [AppEffect] {
        if path == file { return requestSave(force: force) }
        return [.saveAs(path: path, edits: edits, force: force, adopt: adopt)]
    }

    /// `:find ADDR|CIDR|NODE`: an address's owners, what a CIDR overlaps, or a node; every
    /// answer on a detail page, the most specific highlighted and selected.
    mutating func find(_ raw: String) {
        let text = raw.trimmingCharacters(in: " \t")
        guard !text.isEmpty else { return say("find: give an address, a CIDR or a node name", .error) }
        if plan.nodes.contains(where: { $0.name == text }) {
            select(.node(text))
            openDetail(.node(text))
            return
        }
        let query: FindQuery
        switch FindQuery.parse(text) {
        case .success(let q): query = q
        case .failure(let e):
            let shown = SafeText.terminal(text, maxLength: 60)
            return say(text.contains("/") ? "find: \"\(shown)\": \(e.message)" : "find: \"\(shown)\" is no node, and as an address: \(e.message)", .error)
        }
        let what = query.text
        let owners = plan.owners(overlapping: query.range, seed: input.settings.seed)
        guard let first = owners.first else {
            highlight = []
            return say("\(what): not in any range of this shoot and overlapping none", .warning)
        }
        highlight = Set(owners.compactMap(\.object))
        selection = first.object
        if let ref = first.object, let rect = diagram.rect(of: ref) { reveal(rect) }
        let verb = query.isAddress ? "in" : "overlaps"
        let lines = owners.map { DetailPage.Line($0.kind.rawValue, SafeText.terminal($0.text), role: .address) }
        mode = .detail(DetailPage(title: "find \(what): \(owners.count) answer\(owners.count == 1 ? "" : "s")", lines: lines))
        say("\(what) → \(first.text)" + (owners.count > 1 ? " (\(verb) \(owners.count - 1) more: see the page)" : ""), .ok)
    }
}
