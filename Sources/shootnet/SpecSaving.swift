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

    /// The file edit for one UI edit. Empty text removes an optional field; a number field
    /// whose text is not a number is refused rather than written as something else.
    static func specEdit(_ e: FieldEdit) throws(SpecEditError) -> SpecEdit {
        let text = e.text
        let list = text.split(separator: ",").map { String($0).trimmingCharacters(in: " []") }.filter { !$0.isEmpty }
        func number() throws(SpecEditError) -> Int {
            guard let n = Int(text) else { throw SpecEditError("\(e.field.key): \"\(text)\" is not a whole number") }
            return n
        }
        func optionalNumber() throws(SpecEditError) -> Int? { text.isEmpty ? nil : try number() }
        switch e.field {
        case .networks(let kind): return .networking(kind, text.isEmpty ? nil : text)
        case .ipFamilies: return .ipFamilies(list.isEmpty ? nil : list)
        case .provider: return .providerType(text)
        case .workerMinimum(let i): return .workerMinimum(i, try number())
        case .workerMaximum(let i): return .workerMaximum(i, try number())
        case .workerZones(let i): return .workerZones(i, list)
        case .nodeMaskV4: return .nodeMaskV4(try optionalNumber())
        case .nodeMaskV6: return .nodeMaskV6(try optionalNumber())
        case .maxPods: return .maxPods(try optionalNumber())
        case .podPrefixTemplate: return .setting("podPrefixTemplate", text.isEmpty ? .remove : .string(text))
        case .serviceStrategy: return .setting("services.strategy", text.isEmpty ? .remove : .string(text))
        case .servicePolicy: return .setting("services.ipFamilyPolicy", text.isEmpty ? .remove : .string(text))
        }
    }
}

/// What the file on disk holds now.
enum DiskState {
    static func fingerprint(of path: String) -> FileFingerprint? { FileFingerprint(ofFile: path) }
}
