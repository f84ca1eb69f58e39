import Terminal
import Testing

struct ResetSequenceTests {
    @Test func orderAndContent() {
        let bytes = ResetSequence.bytes(mouseWasEnabled: true, exitAttributes: "\u{1B}[m", cursorNormal: "\u{1B}[?25h", keypadLocal: "\u{1B}>", exitAlternateScreen: "\u{1B}[?1049l")
        #expect(String(decoding: bytes, as: UTF8.self) == ResetSequence.mouseOff + "\u{1B}[m\u{1B}[?25h\u{1B}>\u{1B}[?1049l")
    }

    @Test func withoutMouseOrAlternateScreen() {
        let bytes = ResetSequence.bytes(mouseWasEnabled: false, exitAttributes: nil, cursorNormal: "C", keypadLocal: nil, exitAlternateScreen: nil)
        #expect(String(decoding: bytes, as: UTF8.self) == "C\r\n")
    }
}
