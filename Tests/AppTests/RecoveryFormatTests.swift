import Spec
import Testing
@testable import App

/// Unsaved edits written to a recovery file come back as the same edits, and no value can
/// make a line of its own.
@Suite struct RecoveryFormatTests {
    static func roundTrip(_ edits: [FieldEdit]) -> [FieldEdit] {
        RecoveryFormat.decode(RecoveryFormat.encode(edits)).map { FieldEdit(field: $0.0, text: $0.1, previous: "") }
    }

    @Test func everyFieldComesBack() {
        let fields: [SpecField] = [.networks(.nodes), .networks(.pods), .networks(.services), .ipFamilies, .provider,
                                   .workerMinimum(0), .workerMaximum(3), .workerZones(9_999), .nodeMaskV4, .nodeMaskV6,
                                   .maxPods, .podPrefixTemplate, .serviceStrategy, .servicePolicy]
        let edits = fields.enumerated().map { FieldEdit(field: $1, text: "value \($0)", previous: "") }
        #expect(Self.roundTrip(edits) == edits)
    }

    @Test(arguments: ["", "#not a comment", "a\tb\tc", "workers[0].maximum\t1", "漢字 e\u{301} 🇩🇪", "\u{1B}[2J", " padded "])
    func hostileTextComesBackUnchanged(_ text: String) {
        let edits = [FieldEdit(field: .provider, text: text, previous: ""), FieldEdit(field: .maxPods, text: "7", previous: "")]
        #expect(Self.roundTrip(edits) == edits)
    }

    /// Line breaks of every kind become spaces: a value cannot add an edit.
    @Test(arguments: ["\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}"])
    func aLineBreakInAValueStaysInThatValue(_ newline: String) {
        let injected = "aws\(newline)workers[0].maximum\t999"
        let decoded = RecoveryFormat.decode(RecoveryFormat.encode([FieldEdit(field: .provider, text: injected, previous: "")]))
        #expect(decoded.count == 1)
        #expect(decoded.first?.0 == .provider)
        #expect(decoded.first?.1 == "aws workers[0].maximum\t999")
    }

    @Test func decodingSkipsWhatIsNotAnEdit() {
        let text = "# comment\nnonsense\nunknown.key\t1\nworkers[-1].maximum\t2\nworkers[99999999999999999999].maximum\t3\n"
            + "workers[0].zones\ta, b\r\nmaxPods\t\n"
        let decoded = RecoveryFormat.decode(text)
        #expect(decoded.map(\.0) == [.workerZones(0), .maxPods])
        #expect(decoded.map(\.1) == ["a, b", ""])
    }
}
