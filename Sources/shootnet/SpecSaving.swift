import App
import IPAM
import Loading
import Spec

/// Turns the UI's field edits into the new file text, keeping everything else as it was.
enum SpecSaving {
    static func apply(_ edits: [FieldEdit], to text: String, file: String) -> Result<String, SaveFailure> {
        do {
            return .success(try SpecEditor.apply(edits.map(specEdit), to: text))
        } catch {
            return .failure(SaveFailure(message: error.message))
        }
    }

    /// The file edit for one UI edit, from the field's descriptor. Empty text removes an
    /// optional field; a number field whose text is not a number is refused rather than
    /// written as something else.
    static func specEdit(_ e: FieldEdit) throws(SpecEditError) -> SpecEdit {
        let d = e.field.descriptor
        let text = e.text.trimmingCharacters(in: " \t")
        let value: SpecEdit.Value
        if text.isEmpty {
            guard d.allowsEmpty else { throw SpecEditError("\(d.key): a value is required") }
            value = .remove
        } else {
            switch d.form {
            case .text: value = .string(text)
            case .list: value = .strings(SpecField.items(text))
            case .tuple: value = .tuple(SpecField.items(text))
            case .number:
                guard let n = Int(text) else { throw SpecEditError("\(d.key): \"\(text)\" is not a whole number") }
                value = .int(n)
            }
        }
        let path: [SpecEdit.PathComponent] = d.path.map { step in
            switch step {
            case .key(let k): .key(k)
            case .index(let i): .index(i)
            }
        }
        return SpecEdit(d.document == .shoot ? .shoot : .settings, path: path, value: value)
    }
}

/// What the file on disk holds now.
enum DiskState {
    static func fingerprint(of path: String) -> FileFingerprint? { FileFingerprint(ofFile: path) }
}
