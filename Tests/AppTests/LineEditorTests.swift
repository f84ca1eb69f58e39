import Canvas
import TestSupport
import Testing
@testable import App

@Suite("Line editor")
struct LineEditorTests {
    /// `text` after `keys`, with the cursor shown as `|`.
    static func edit(_ text: String, cursor: Int? = nil, _ keys: [Key]) -> String {
        var line = cursor.map { LineEditor(text, cursor: $0) } ?? LineEditor(text)
        for key in keys { _ = line.handle(key) }
        var chars = Array(line.text)
        chars.insert("|", at: line.cursor)
        return String(chars)
    }

    @Test func typesAtTheCursor() {
        #expect(Self.edit("ac", [.left, .char("b")]) == "ab|c")
        #expect(Self.edit("bc", [.home, .char("a")]) == "a|bc")
        #expect(Self.edit("bc", [.ctrl("a"), .char("a"), .ctrl("e"), .char("d")]) == "abcd|")
        #expect(Self.edit("ab", [.home, .right, .char("-")]) == "a-|b")
        #expect(Self.edit("ab", [.ctrl("b"), .ctrl("b"), .ctrl("f"), .char("-")]) == "a-|b")
    }

    @Test func deletesAtTheCursor() {
        #expect(Self.edit("abc", [.left, .backspace]) == "a|c")
        #expect(Self.edit("abc", [.left, .left, .delete]) == "a|c")
        #expect(Self.edit("abc", [.home, .backspace]) == "|abc")
        #expect(Self.edit("abc", [.delete]) == "abc|")
        #expect(Self.edit("abcd", [.left, .ctrl("u")]) == "|d")
        #expect(Self.edit("abcd", [.home, .right, .ctrl("k")]) == "a|")
    }

    @Test func theCursorStopsAtTheEnds() {
        #expect(Self.edit("ab", [.left, .left, .left, .left]) == "|ab")
        #expect(Self.edit("ab", [.right, .right]) == "ab|")
        #expect(Self.edit("ab", cursor: 99, []) == "ab|")
        #expect(Self.edit("ab", cursor: -5, []) == "|ab")
    }

    @Test func movesAndDeletesWholeCharacters() {
        // é as e + U+0301, a flag of two regional indicators, a CJK character.
        let text = "ne\u{301}🇩🇪漢x"
        #expect(Self.edit(text, [.left, .left, .backspace]) == "ne\u{301}|漢x")
        #expect(Self.edit(text, [.home, .right, .delete]) == "n|🇩🇪漢x")
        #expect(Self.edit(text, [.home, .right, .right, .right, .char("-")]) == "ne\u{301}🇩🇪-|漢x")
    }

    @Test func aTypedCombiningMarkJoinsTheCharacterBeforeTheCursor() {
        // e, then U+0301 typed: one character é; the cursor stays right after it.
        #expect(Self.edit("eb", cursor: 1, [.char("\u{301}"), .char("x")]) == "e\u{301}x|b")
        #expect(Self.edit("🇩", [.char("🇪"), .char("!")]) == "🇩🇪!|")
    }

    @Test func theCursorColumnCountsTerminalColumns() {
        #expect(LineEditor("漢字a", cursor: 2).cursorColumn == 4)
        #expect(LineEditor("e\u{301}x", cursor: 1).cursorColumn == 1)
        #expect(LineEditor("abc", cursor: 0).cursorColumn == 0)
    }

    @Test func submitAndCancelLeaveTheTextAlone() {
        var line = LineEditor("abc", cursor: 1)
        #expect(line.handle(.enter) == .submit)
        #expect(line.handle(.escape) == .cancel)
        #expect(line.handle(.ctrl("c")) == .cancel)
        #expect(line == LineEditor("abc", cursor: 1))
    }

    /// Nothing typed makes the editor trap or lose its cursor.
    @Test func randomKeysKeepTheCursorInsideTheText() {
        var rng = SplitMix64(seed: 14)
        let keys: [Key] = [.left, .right, .home, .end, .backspace, .delete, .ctrl("u"), .ctrl("k"), .ctrl("a"), .ctrl("e"),
                           .char("a"), .char("\u{301}"), .char("🇩"), .char("🇪"), .char("漢"), .char("\r\n")]
        var line = LineEditor()
        for _ in 0..<5_000 {
            _ = line.handle(keys.randomElement(using: &rng) ?? .left)
            #expect(line.cursor >= 0 && line.cursor <= line.text.count)
            if line.cursor < 0 || line.cursor > line.text.count { return }
        }
    }
}

@Suite("Line editing in the UI")
struct LineEditingFlowTests {
    @Test func theCommandLineEditsAtTheCursorAndDrawsItThere() throws {
        var h = try AppHarness.sample("ipv4-default.yaml")
        h.press(.char(":"))
        h.type("ind 10.250.0.9")
        h.press(.home)
        h.type("f")
        #expect(h.model.mode == .command(LineEditor("find 10.250.0.9", cursor: 1)))
        #expect(h.model.cursorPosition?.x == 2)
        #expect(h.model.cursorPosition?.y == h.model.height - 1)
        #expect(h.row(containing: ":find 10.250.0.9") != nil)
        h.press(.end, .left, .left)
        #expect(h.model.cursorPosition?.x == 1 + "find 10.250.0".count)
        h.press(.enter)
        guard case .detail(let page) = h.model.mode else { Issue.record("no answers page: \(h.model.mode)"); return }
        #expect(page.title == "find 10.250.0.9: 3 answers")
        #expect(h.model.message?.text.hasPrefix("10.250.0.9 →") == true)
    }

    @Test func theFilterLineKeepsItsCursor() throws {
        var h = try AppHarness.sample("ipv4-default.yaml")
        h.press(.char("4"), .char("/"))
        h.type("bc")
        h.press(.left, .left)
        h.type("a")
        #expect(h.model.mode == .filter(LineEditor("abc", cursor: 1)))
        #expect(h.model.nodeFilter == "abc")
        #expect(h.model.cursorPosition?.x == 2)
        h.press(.delete)
        #expect(h.model.nodeFilter == "ac")
    }

    @Test func theSpecEditLineInsertsAtTheCursor() throws {
        var h = try AppHarness.sample("ipv4-default.yaml")
        h.goToField(.workerMaximum(0))
        h.press(.enter, .ctrl("u"))
        h.type("5")
        h.press(.ctrl("a"))
        h.type("1")
        h.press(.ctrl("e"))
        h.type("0")
        h.press(.left)
        let label = SpecField.workerMaximum(0).label(in: h.model.input)
        // `label: ` and a space, then "15" up to the cursor.
        #expect(h.model.cursorPosition?.x == label.count + 3 + 2)
        #expect(h.row(containing: "\(label):  150") != nil)
        h.press(.enter)
        #expect(h.model.input.shoot.workers[0].maximum == 150)
    }
}
