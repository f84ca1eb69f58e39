import Canvas

/// What the runtime prints on stderr about unsaved edits once the screen is closed. Paths
/// and values go through ``SafeText`` like every other text shown on a terminal: a file
/// name may hold escape sequences.
public enum RecoveryNotice {
    /// Paths are cut only where no real path reaches (PATH_MAX is 4096 bytes).
    static let maxPathLength = 4096

    public static func kept(_ count: Int, in path: String) -> String {
        "shootnet: \(count) unsaved edit(s) kept in \(safe(path)); the next start offers to replay them"
    }

    /// Neither place took the recovery file: the edits themselves, so they can be typed again.
    public static func notKept(_ edits: [FieldEdit], places: [String]) -> String {
        let lines = edits.map { "  \($0.field.key)\t\(SafeText.terminal($0.text, maxLength: maxPathLength))" }
        return (["shootnet: cannot write \(places.map(safe).joined(separator: " or ")); your \(edits.count) unsaved edit(s), one field<TAB>value a line:"]
                + lines).joined(separator: "\n")
    }

    static func safe(_ path: String) -> String { SafeText.terminal(path, maxLength: maxPathLength) }
}
