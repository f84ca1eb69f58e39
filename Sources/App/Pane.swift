/// The panes Tab cycles through.
public enum Pane: Int, CaseIterable, Sendable {
    case topology, spec, diagnostics, nodes, routes

    public var title: String {
        switch self {
        case .topology: "Topology"
        case .spec: "Spec"
        case .diagnostics: "Diagnostics"
        case .nodes: "Nodes"
        case .routes: "Routes"
        }
    }

    var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count) ?? .topology }
    var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count) ?? .topology }
}

/// What the keyboard is doing right now.
public enum Mode: Equatable, Sendable {
    case normal
    /// Editing a spec field; `line` holds what was typed and where the cursor is.
    case editing(field: SpecField, line: LineEditor)
    /// The `:` command line.
    case command(LineEditor)
    /// The `/` filter line of the list pane shown (nodes, routes or diagnostics).
    case filter(LineEditor)
    /// The key list, scrolled down by `scroll` lines.
    case help(scroll: Int)
    /// The full text of a finding, node, route or `:find` answer (Enter on a row).
    case detail(DetailPage)
    /// `q` with unsaved edits: save, discard or cancel.
    case confirmQuit
    /// The file changed on disk since it was loaded: reload (losing edits) or keep.
    case confirmReload
    /// Unsaved edits of an earlier session were found: replay, discard or keep for later.
    case confirmRecovery
}

/// Node table sort column (`s` cycles, `S` reverses). The table starts problems first: the
/// nodes a finding names (errors, then warnings), then the rest, each by name.
public enum NodeSort: String, CaseIterable, Sendable {
    case problem, name, zone, route, address, podCIDR = "pod CIDR"

    var next: NodeSort {
        let all = NodeSort.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}
