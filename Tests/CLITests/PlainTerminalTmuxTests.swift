import Foundation
import Testing
import TestSupport

/// Small and plain terminals, with the real binary under tmux: a terminal without colour (or
/// `NO_COLOR`) gets attributes only, and a click reported in xterm's SGR encoding (mode 1006)
/// works right of column 223, where the older X10 encoding ends.
@Suite("Plain terminals under tmux", .serialized)
struct PlainTerminalTmuxTests {
    /// The colour codes in a screen captured with its escape sequences (`capture-pane -e`):
    /// foreground 30–37/90–97, background 40–47/100–107 and the extended 38/48/58 forms.
    /// 39 and 49 (the default colours) are not colour: tmux writes them after every reset,
    /// whatever the program sent.
    static func colourCodes(in styled: String) -> [String] {
        var found: [String] = []
        var rest = Substring(styled)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { ("\u{40}"..."\u{7E}").contains($0) }) else { break }
            let parameters = rest[..<end]
            let final = rest[end]
            rest = rest[rest.index(after: end)...]
            guard final == "m" else { continue }
            let values = parameters.split(whereSeparator: { $0 == ";" || $0 == ":" }).map { Int($0) ?? 0 }
            if values.contains(where: { (30...38).contains($0) || (40...48).contains($0) || $0 == 58 || (90...97).contains($0) || (100...107).contains($0) }) {
                found.append(String(parameters))
            }
        }
        return found
    }

    /// SGR parameters such as `0;7` or `1` as single numbers, in order.
    static func sgrValues(in styled: String) -> Set<Int> {
        var values = Set<Int>()
        var rest = Substring(styled)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { ("\u{40}"..."\u{7E}").contains($0) }) else { break }
            if rest[end] == "m" { rest[..<end].split(separator: ";").compactMap { Int($0) }.forEach { values.insert($0) } }
            rest = rest[rest.index(after: end)...]
        }
        return values
    }

    @Test func theDetectorSeesColourAndIgnoresDefaults() {
        #expect(Self.colourCodes(in: "\u{1B}[1mA\u{1B}[0m\u{1B}[39m\u{1B}[49m b \u{1B}[7mc\u{1B}[0m").isEmpty)
        #expect(Self.colourCodes(in: "\u{1B}[36mA") == ["36"])
        #expect(Self.colourCodes(in: "\u{1B}[1;31mA\u{1B}[38;5;208mB\u{1B}[44mC\u{1B}[90mD") == ["1;31", "38;5;208", "44", "90"])
        #expect(Self.colourCodes(in: "\u{1B}[?1049h\u{1B}[31;1H") == [])
    }

    /// The screen once the UI has drawn and settled, with its escape sequences.
    static func drawnScreen(_ t: TmuxSession) throws -> String {
        try t.waitForStableScreen { $0.contains("Tab pane") && $0.contains("Routing Entries:") }
        return try t.styledScreen()
    }

    /// The environment the UI starts with, and whether it may show colour. NO_COLOR is always
    /// given: the pane would inherit the test runner's (`swift test` runs tests with
    /// NO_COLOR=1), and empty counts as unset.
    @Test(arguments: [
        (["TERM": "vt100", "NO_COLOR": ""], false),
        (["TERM": "vt100", "NO_COLOR": "1"], false),
        (["TERM": "tmux-256color", "NO_COLOR": "1"], false),
        // The same check sees colour where there is some: it is not blind.
        (["TERM": "tmux-256color", "NO_COLOR": ""], true),
    ])
    func colourOnlyWhereTheTerminalHasItAndNoColorIsUnset(environment: [String: String], colour: Bool) throws {
        let t = try TmuxSession([SampleFiles.yaml("gep-openstack")], environment: environment)
        defer { t.close() }
        let styled = try Self.drawnScreen(t)
        let codes = Self.colourCodes(in: styled)
        let context = "\(environment): \(Set(codes).sorted())"
        if colour {
            #expect(!codes.isEmpty, "\(context)")
        } else {
            #expect(codes.isEmpty, "\(context)")
            // Attributes only: the status bar and the focused tab in reverse video, titles bold.
            let values = Self.sgrValues(in: styled)
            #expect(values.contains(7) && values.contains(1), "\(context): SGR \(values.sorted())")
        }
        try t.keys("q", thenWaitFor: "EXIT=0")
    }

    /// A left click in SGR encoding at column 230 of a 240-column window, on the diagnostics
    /// pane's `route.missing` row: the row is selected and its message shown. Sent as the bytes
    /// a terminal sends (a detached tmux session has no mouse to click with); any other reading
    /// of them (Esc, then keys like `3`, `4`) would switch panes instead.
    /// A locale set on purpose to something other than UTF-8, or `--ascii`: every byte on the
    /// screen is ASCII, in the figure, the tabs, the hints and the detail page.
    @Test(arguments: [(["LANG": "C", "LC_ALL": "C"], [String]()), (["LANG": "C.UTF-8"], ["--ascii"])])
    func asciiTerminalsGetOnlyASCII(environment: [String: String], flags: [String]) throws {
        let t = try TmuxSession([SampleFiles.yaml("gep-openstack")] + flags, width: 100, height: 30, environment: environment)
        defer { t.close() }
        let first = try t.waitFor("Routing Entries:")
        #expect(first.unicodeScalars.allSatisfy { $0.isASCII }, "\(first.unicodeScalars.filter { !$0.isASCII })")
        let page = try t.keys("5", "Enter", thenWaitFor: "c copies the fix command")
        #expect(page.unicodeScalars.allSatisfy { $0.isASCII }, "\(page.unicodeScalars.filter { !$0.isASCII })")
        try t.keys("Escape")
        try t.keys("q", thenWaitFor: "EXIT=0")
    }

    @Test func anSGRClickRightOfColumn223SelectsTheRowUnderIt() throws {
        let t = try TmuxSession([SampleFiles.yaml("gep-openstack")], width: 240, height: 45)
        defer { t.close() }
        let screen = try t.waitForStableScreen { $0.contains("Tab pane") && $0.contains("route.missing") }
        #expect(try t.format("#{mouse_sgr_flag} #{mouse_standard_flag}") == "1 1", "the UI asks for SGR-encoded button reports")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(lines.firstIndex { $0.contains("route.missing") && $0.contains("error") })
        let click = "\u{1B}[<0;230;\(row + 1)M"
        let release = "\u{1B}[<0;230;\(row + 1)m"
        try t.after({ try t.type(click); try t.type(release) }, waitFor: "router.routes: router shoot--netlab--gep-dualstack-v6 has no route")
        let selected = try t.waitUntil(styled: true) { styled in
            TerminalLine.lines(of: styled).contains { $0.startsReversed && $0.text.contains("route.missing") }
        }
        let chosen = TerminalLine.lines(of: selected).filter(\.startsReversed).map(\.text)
        #expect(chosen.contains { $0.contains("route.missing") } && !chosen.contains { $0.contains("overlap.pods-services") }, "\(chosen)")
        try t.keys("q", thenWaitFor: "EXIT=0")
        #expect(try t.format("#{mouse_sgr_flag} #{mouse_standard_flag}") == "0 0", "mouse reporting is off again")
    }

    /// Ctrl-Z: curses ends the screen and stops the process; the SGR encoding (which curses
    /// does not know about) goes with it, so the shell and whatever runs there meanwhile get
    /// the terminal as it was, and comes back with `fg`.
    @Test func suspendingLeavesTheSGREncodingAndResumingBringsItBack() throws {
        let shell = "env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root TERM=tmux-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile"
        let t = try TmuxPane(command: shell, width: 240, height: 45)
        defer { t.close() }
        try t.waitUntil { $0.contains("$") }
        let flags = "#{mouse_sgr_flag} #{mouse_standard_flag}"
        #expect(try t.format(flags) == "0 0")
        try t.run("\(Tmux.quote(try BuiltProduct.path("shootnet"))) \(Tmux.quote(SampleFiles.yaml("gep-openstack")))")
        try t.waitFor("Tab pane")
        #expect(try t.format(flags) == "1 1")
        try t.keys("C-z", thenWaitFor: "Stopped")
        #expect(try t.format(flags) == "0 0", "suspended: no mouse reports, no SGR encoding")
        // The job's status is printed by the line that resumed it.
        try t.after({ try t.run("fg; echo EXIT=$?") }, waitFor: "Tab pane")
        #expect(try t.format(flags) == "1 1", "resumed")
        try t.keys("q", thenWaitFor: "EXIT=0")
        #expect(try t.format(flags) == "0 0")
    }
}
