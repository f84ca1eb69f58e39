@preconcurrency import CNcursesw
@testable import Terminal
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The one colour decision: whether a terminal gets colour or attributes only.
struct ColorDecisionTests {
    static let xterm256 = TerminalColorFacts(colors: 256, pairs: 65536, canSetColors: true)
    static let eight = TerminalColorFacts(colors: 8, pairs: 64, canSetColors: true)

    @Test(arguments: [
        // requested, NO_COLOR, terminal → colour
        (true, String?.none, xterm256, true),
        (true, "", xterm256, true),
        (true, nil, eight, true),
        (false, nil, xterm256, false),
        (true, "1", xterm256, false),
        (true, "0", xterm256, false),
        (true, " ", xterm256, false),
        (true, nil, TerminalColorFacts.none, false),
        (true, nil, TerminalColorFacts(colors: 2, pairs: 2, canSetColors: true), false),
        (true, nil, TerminalColorFacts(colors: 8, pairs: 0, canSetColors: true), false),
        (true, nil, TerminalColorFacts(colors: 256, pairs: 256, canSetColors: false), false),
    ])
    func decision(requested: Bool, noColor: String?, terminal: TerminalColorFacts, expected: Bool) {
        #expect(ColorDecision.usesColor(requested: requested, noColorValue: noColor, terminal: terminal) == expected)
    }

    @Test(arguments: [(String?.none, false), ("", false), ("1", true), ("0", true), ("false", true)])
    func noColor(value: String?, expected: Bool) {
        #expect(ColorDecision.noColorRequested(environmentValue: value) == expected)
    }
}

/// The decision fed from the machine's terminfo database. Serialized: terminfo lookups go
/// through curses' one global terminal.
@Suite(.serialized)
struct TerminfoColorTests {
    @Test(arguments: [
        ("vt100", false), ("vt220", false), ("xterm-mono", false), ("dumb", false), ("no-such-terminal-type", false),
        ("xterm-256color", true), ("tmux-256color", true), ("screen", true), ("linux", true),
    ])
    func terminalTypes(name: String, colour: Bool) throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        let facts = TerminalColorFacts.ofTerminalType(name, fileDescriptor: pty.secondary)
        #expect(ColorDecision.usesColor(requested: true, noColorValue: nil, terminal: facts) == colour, "\(name): \(facts)")
        #expect(ColorDecision.usesColor(onFileDescriptor: pty.secondary, terminalType: name, noColorValue: "") == colour)
        #expect(!ColorDecision.usesColor(onFileDescriptor: pty.secondary, terminalType: name, noColorValue: "1"))
        #expect(!ColorDecision.usesColor(onFileDescriptor: pty.secondary, terminalType: name, noColorValue: "", requested: false))
    }

    @Test func vt100HasNoColourFacts() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        #expect(TerminalColorFacts.ofTerminalType("vt100", fileDescriptor: pty.secondary).colors == 0)
        #expect(TerminalColorFacts.ofTerminalType("xterm-256color", fileDescriptor: pty.secondary).colors == 256)
    }

    @Test func notATerminalGetsNoColour() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { _ = Glibc.close(fds[0]); _ = Glibc.close(fds[1]) }
        #expect(!ColorDecision.usesColor(onFileDescriptor: fds[1], terminalType: "xterm-256color", noColorValue: ""))
        #expect(!ColorDecision.usesColor(onFileDescriptor: -1, terminalType: "xterm-256color", noColorValue: ""))
    }

    @Test func emptyTerminalTypeGetsNoColour() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        #expect(!ColorDecision.usesColor(onFileDescriptor: pty.secondary, terminalType: "", noColorValue: ""))
    }

    @Test func lookupLeavesNoTerminalLoaded() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        #expect(set_curterm(nil) == nil)
        _ = TerminalColorFacts.ofTerminalType("xterm-256color", fileDescriptor: pty.secondary)
        #expect(set_curterm(nil) == nil)
    }
}
