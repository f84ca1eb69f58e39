import App
import Loading

/// Turns the UI's field edits into the new file text, keeping everything else as it was.
enum SpecSaving {
    static func apply(_ edits: [FieldEdit], to text: String, file: String) -> Result<String, SaveFailure> {
        .failure(SaveFailure(message: "saving is not wired yet"))
    }
}

/// What the file on disk holds now.
enum DiskState {
    static func fingerprint(of path: String) -> FileFingerprint? {
        guard let text = String(contentsOfFileAt: path) else { return nil }
        return FileFingerprint(bytes: Array(text.utf8))
    }
}
