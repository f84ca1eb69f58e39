import IPAM

/// A row of the diagnostics pane: a finding, or the findings of one code folded into one
/// row with a count (Enter unfolds it; its findings then follow it, indented).
public enum DiagnosticRow: Equatable, Sendable {
    /// A finding on its own (an index into the plan's diagnostics).
    case finding(Int)
    /// The findings of one code and severity (`members`, indices into the diagnostics).
    case group(code: DiagnosticCode, severity: Severity, members: [Int], expanded: Bool)
    /// A finding shown under its unfolded group.
    case member(Int)

    /// The finding this row is, for a finding or a group member.
    public var diagnostic: Int? {
        switch self {
        case .finding(let i), .member(let i): i
        case .group: nil
        }
    }

    /// Folds findings of one code and severity that follow each other (the plan's order puts
    /// them together) once there are at least ``foldFrom`` of them.
    static let foldFrom = 3

    /// The rows of `diagnostics` whose text matches `filter`, with the codes in `expanded`
    /// unfolded.
    static func build(_ diagnostics: [Diagnostic], filter: String, expanded: Set<DiagnosticCode>) -> [DiagnosticRow] {
        let needle = filter.lowercased()
        let shown = diagnostics.indices.filter { needle.isEmpty || matches(diagnostics[$0], needle) }
        var rows: [DiagnosticRow] = []
        var k = 0
        while k < shown.count {
            let d = diagnostics[shown[k]]
            var end = k + 1
            while end < shown.count, diagnostics[shown[end]].code == d.code, diagnostics[shown[end]].severity == d.severity { end += 1 }
            if end - k >= foldFrom {
                let members = Array(shown[k..<end])
                let open = expanded.contains(d.code)
                rows.append(.group(code: d.code, severity: d.severity, members: members, expanded: open))
                if open { rows += members.map(DiagnosticRow.member) }
            } else {
                rows += shown[k..<end].map(DiagnosticRow.finding)
            }
            k = end
        }
        return rows
    }

    /// Whether a finding's shown text (severity, code, path, message) holds `needle`
    /// (lowercased).
    static func matches(_ d: Diagnostic, _ needle: String) -> Bool {
        d.severity.rawValue.contains(needle) || d.code.rawValue.contains(needle) || d.path.lowercased().contains(needle)
            || d.message.lowercased().contains(needle)
    }
}
