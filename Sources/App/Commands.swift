import Addressing
import IPAM

extension AppModel {
    /// The `:` commands (k9s / vim habits).
    static let commandHelp: [(String, String)] = [
        ("find ADDR", "who owns an address (node, pod prefix, route, range, subnet)"),
        ("node NAME", "select a node in the topology"),
        ("w", "save"), ("q", "quit (asks when there are unsaved edits)"), ("q!", "quit without saving"),
        ("wq", "save and quit"), ("reload", "load the file again"), ("undo / redo", "as u and Ctrl-R"),
        ("spec, diag, nodes, routes, topo", "go to a pane"), ("help", "the key list"),
    ]

    mutating func runCommand(_ raw: String) -> [AppEffect] {
        let words = raw.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let verb = words.first else { return [] }
        let arg = words.dropFirst().joined(separator: " ")
        switch verb {
        case "w", "write": return requestSave(force: false)
        case "w!": return requestSave(force: true)
        case "q", "quit":
            if isDirty { mode = .confirmQuit; return [] }
            return [.quit(0)]
        case "q!": return [.quit(0)]
        case "wq", "x":
            if !isDirty { return [.quit(0)] }
            return saveThenQuit()
        case "reload", "e!":
            if isDirty { mode = .confirmReload; say("reload drops your edits: r reload, o overwrite the file, Esc keep", .warning); return [] }
            return [.reload]
        case "undo": if !undo() { say("nothing to undo") }
        case "redo": if !redo() { say("nothing to redo") }
        case "help", "h": mode = .help
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

    /// `:find ADDR`: names the owners, most specific first, and highlights them.
    mutating func find(_ text: String) {
        guard let address = IPAddress(text.trimmingCharacters(in: " \t")) else {
            let reason: String
            if case .failure(let e) = AddressParser.parseAddress(Substring(text)) { reason = e.message } else { reason = "not an address" }
            say("find: \"\(text)\": \(reason)", .error)
            return
        }
        let owners = plan.owners(of: address, seed: input.settings.seed)
        guard let first = owners.first else {
            highlight = []
            say("\(address): not in any range of this shoot", .warning)
            return
        }
        highlight = Set(owners.compactMap(\.object))
        selection = first.object
        if let ref = first.object, let rect = diagram.rect(of: ref) { reveal(rect) }
        let rest = owners.dropFirst().map(\.text)
        say("\(address) → \(first.text)" + (rest.isEmpty ? "" : "; in " + rest.joined(separator: "; ")), .ok)
    }
}
