import Spec

extension SpecField {
    /// A stable text key (`networks.pods`, `workers[0].maximum`) for recovery files and saving.
    public var key: String { descriptor.key }

    /// The field whose ``key`` is `key`.
    public init?(key: String) {
        var index = 0
        if key.hasPrefix("workers["), let close = key.firstIndex(of: "]") {
            guard let i = Int(key[key.index(key.startIndex, offsetBy: 8)..<close]), i >= 0, i < 10_000 else { return nil }
            index = i
        }
        let candidates: [SpecField] = NetworkKind.allCases.map { .networks($0) }
            + [.ipFamilies, .provider, .workerMinimum(index), .workerMaximum(index), .workerZones(index),
               .nodeMaskV4, .nodeMaskV6, .maxPods, .podPrefixTemplate, .serviceStrategy, .servicePolicy]
        guard let field = candidates.first(where: { $0.key == key }) else { return nil }
        self = field
    }
}

/// Unsaved edits as text: one `key<TAB>value` line each, oldest first. Written when the UI
/// must leave with unsaved edits (a signal), replayed on the next start if the user agrees.
public enum RecoveryFormat {
    public static let header = "# shootnet unsaved edits (key<TAB>value); replayed with r at the next start"

    public static func encode(_ edits: [FieldEdit]) -> String {
        ([header] + edits.map { "\($0.field.key)\t\($0.text.replacingNewlines)" }).joined(separator: "\n") + "\n"
    }

    /// The edits in `text`; unknown keys and malformed lines are skipped.
    public static func decode(_ text: String) -> [(SpecField, String)] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t"),
                  let field = SpecField(key: String(line[..<tab])) else { return nil }
            return (field, String(line[line.index(after: tab)...]))
        }
    }
}

extension String {
    /// Every line break Swift knows (CR LF is one character, as are U+2028 and NEL) as a
    /// space, so a value stays on its line.
    var replacingNewlines: String { String(map { $0.isNewline ? " " : $0 }) }
}

extension AppModel {
    /// Offers a recovery file found at start (shown as a dialog until answered).
    mutating func offerRecovery(path: String, edits: [(SpecField, String)]) {
        guard !edits.isEmpty else { return }
        recoveryOffer = path
        pendingRecovery = edits.map { FieldEdit(field: $0.0, text: $0.1, previous: "") }
        mode = .confirmRecovery
    }

    /// Replays recovered edits as if typed (each can be undone).
    mutating func replayRecovery() {
        var failed = 0
        for e in pendingRecovery where applyEdit(e.field, text: e.text) != nil { failed += 1 }
        say("replayed \(pendingRecovery.count - failed) unsaved edit(s) from \(recoveryOffer ?? "the recovery file")" + (failed > 0 ? "; \(failed) no longer apply" : ""), .warning)
        pendingRecovery = []
    }
}
