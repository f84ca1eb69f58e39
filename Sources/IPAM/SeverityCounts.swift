/// How many findings of each severity a list holds: the one count behind every summary
/// (`check`'s last line, the UI's title and status line, a landscape's per-shoot counts).
public struct SeverityCounts: Sendable, Hashable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    public init(_ diagnostics: [Diagnostic]) {
        for d in diagnostics {
            switch d.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }
}
