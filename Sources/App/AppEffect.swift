/// Side effects the app asks for; the runtime performs them and reports back with a message.
public enum AppEffect: Equatable, Sendable {
    /// Write the spec with these edits applied to `path` (atomically, with a backup), unless
    /// the file changed on disk since it was loaded — or even then when `force` is set.
    case save(edits: [FieldEdit], force: Bool)
    /// Write the spec with these edits to another file, `path` (`:w FILE`, `:saveas FILE`);
    /// the loaded file is left as it is. An existing `path` is replaced only when `force` is
    /// set. With `adopt`, the UI edits `path` from then on.
    case saveAs(path: String, edits: [FieldEdit], force: Bool, adopt: Bool)
    /// Put a fix command where the user can paste it: the terminal's clipboard (OSC 52)
    /// where it takes one, and a file.
    case copy(String)
    /// Keep unsaved edits in a recovery file (signal or crash-free quit with changes).
    case writeRecovery(edits: [FieldEdit])
    /// Load the file again from disk.
    case reload
    /// The recovery file was replayed or discarded: delete it.
    case deleteRecovery
    /// Leave the UI with this exit status.
    case quit(Int32)
}

/// One applied edit: the field and the text that was entered.
public struct FieldEdit: Equatable, Hashable, Sendable {
    public var field: SpecField
    public var text: String
    /// What the field held before, for undo.
    public var previous: String

    public init(field: SpecField, text: String, previous: String) {
        self.field = field
        self.text = text
        self.previous = previous
    }
}
