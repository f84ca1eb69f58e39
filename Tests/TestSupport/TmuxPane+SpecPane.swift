/// Driving shootnet's spec pane by field name: the tests say which field they edit, not how
/// many rows down it is today.
extension TmuxPane {
    /// The text of the spec pane's selected row (the row under the `FIELD … VALUE` header that
    /// starts in reverse video, as every theme draws the selection), if the pane shows one.
    public static func selectedSpecRow(_ styled: String) -> (text: String, isFirst: Bool)? {
        let lines = TerminalLine.lines(of: styled)
        guard let header = lines.firstIndex(where: { $0.text.contains("FIELD") && $0.text.contains("VALUE") }),
              let row = lines[(header + 1)...].firstIndex(where: \.startsReversed) else { return nil }
        return (lines[row].text, row == header + 1)
    }

    /// Whether a spec row shows field `label` (labels are padded to a column, so a space follows).
    public static func specRow(_ row: String, shows label: String) -> Bool {
        row.drop { $0 == " " }.hasPrefix(label + " ")
    }

    /// Focuses the spec pane and selects the field labelled `label` (as the FIELD column shows
    /// it: `services`, `workers[worker-a].maximum`): Home, then Down until the selected row shows
    /// the label, at most `limit` times.
    public func selectSpecField(_ label: String, limit: Int = 40) throws {
        try keys("2", "Home")
        var row = try Self.selectedSpecRow(waitUntil(styled: true) { Self.selectedSpecRow($0)?.isFirst == true })?.text ?? ""
        for _ in 0..<limit {
            if Self.specRow(row, shows: label) { return }
            try keys("Down")
            let previous = row
            do {
                let screen = try waitUntil(timeout: 5, styled: true) { Self.selectedSpecRow($0).map { $0.text != previous } ?? false }
                row = Self.selectedSpecRow(screen)?.text ?? ""
            } catch is Timeout {
                throw NoSpecField(label: label, lastRow: previous)
            }
        }
        throw NoSpecField(label: label, lastRow: row)
    }

    /// Selects field `label`, replaces its value with `value` and waits for the UI's
    /// `LABEL = VALUE; re-planned: …` message; returns that screen.
    @discardableResult
    public func setSpecField(_ label: String, to value: String) throws -> String {
        try selectSpecField(label)
        try keys("Enter", thenWaitFor: "Enter apply")
        try keys("C-u")
        try type(value)
        let replanned = { (screen: String) in
            screen.split(separator: "\n").contains { $0.contains("\(label) = ") && $0.contains("; re-planned: ") }
        }
        return try after({ try keys("Enter") }, waitUntil: "\"\(label) = …; re-planned\"", replanned)
    }

    public struct NoSpecField: Error, CustomStringConvertible {
        public var label: String
        public var lastRow: String
        public var description: String { "no spec field \"\(label)\" (the selection stopped at \"\(lastRow)\")" }
    }
}
