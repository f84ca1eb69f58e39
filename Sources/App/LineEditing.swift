import Canvas
import IPAM

/// A one-line text editor: the edit, command and filter lines share it. The cursor is an
/// offset in characters (grapheme clusters), kept between keys in the mode.
public struct LineEditor: Equatable, Sendable {
    public private(set) var text: String
    public private(set) var cursor: Int

    /// `text` with the cursor at its end.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    public init(_ text: String, cursor: Int) {
        self.text = text
        self.cursor = max(0, min(cursor, text.count))
    }

    public enum Outcome: Equatable, Sendable { case editing, submit, cancel }

    /// Applies a key; returns whether the line was submitted, cancelled or is still edited.
    public mutating func handle(_ key: Key) -> Outcome {
        var chars = Array(text)
        cursor = max(0, min(cursor, chars.count))
        switch key {
        case .enter: return .submit
        case .escape, .ctrl("c"): return .cancel
        case .char(let c):
            chars.insert(c, at: cursor)
            cursor += 1
        case .backspace, .ctrl("h"):
            if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < chars.count { chars.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .ctrl("u"):
            chars.removeFirst(cursor)
            cursor = 0
        case .ctrl("k"): chars.removeLast(chars.count - cursor)
        default: break
        }
        // A combining mark or a second regional indicator joins the character before it:
        // the cursor counts the characters of the joined text, not the pieces typed.
        cursor = String(chars[..<cursor]).count
        text = String(chars)
        return .editing
    }

    /// Terminal columns from the start of the line to the cursor.
    public var cursorColumn: Int { CellWidth.of(String(text.prefix(cursor))) }
}

extension AppModel {
    mutating func handleEditing(_ key: Key, field: SpecField, line: LineEditor) -> [AppEffect] {
        var line = line
        switch line.handle(key) {
        case .cancel:
            mode = .normal
            say("edit cancelled")
        case .submit:
            if let error = applyEdit(field, text: line.text) {
                // Keep what was typed: the user fixes it instead of typing it again.
                say("\(field.label(in: input)): \(error.message)", .error)
                mode = .editing(field: field, line: line)
            } else {
                mode = .normal
                let counts = SeverityCounts(plan.diagnostics)
                let errors = counts.errors, warnings = counts.warnings
                say("\(field.label(in: input)) = \(field.text(in: input)); re-planned: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")",
                    errors > 0 ? .error : warnings > 0 ? .warning : .ok)
            }
        case .editing:
            mode = .editing(field: field, line: line)
        }
        return []
    }

    /// The `/` line filters the list pane shown, as it is typed; Esc clears the filter.
    mutating func handleFilterLine(_ key: Key, line: LineEditor) -> [AppEffect] {
        var line = line
        let pane = panel
        switch line.handle(key) {
        case .cancel:
            filters[pane] = nil
            mode = .normal
        case .submit:
            filters[pane] = line.text.isEmpty ? nil : line.text
            mode = .normal
        case .editing:
            filters[pane] = line.text.isEmpty ? nil : line.text
            mode = .filter(line)
        }
        refreshTables()
        rows[pane] = 0
        return []
    }

    mutating func handleCommandLine(_ key: Key, line: LineEditor) -> [AppEffect] {
        var line = line
        switch line.handle(key) {
        case .cancel:
            mode = .normal
            return []
        case .editing:
            mode = .command(line)
            return []
        case .submit:
            mode = .normal
            return runCommand(line.text)
        }
    }
}
