import Foundation
import Testing
import TestSupport

/// The terminal is left as it was found however the UI ends — a quit key, SIGTERM, SIGHUP
/// or a crash — and a storm of resizes leaves a clean frame.
@Suite(.serialized) struct TerminalRestoreTests {
    /// tmux's view of the pane's modes: alternate screen, cursor visible, application cursor
    /// keys, application keypad, mouse reporting (any, button, SGR), insert mode.
    static let modes = "#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{keypad_flag} #{mouse_any_flag} #{mouse_button_flag} #{mouse_sgr_flag} #{insert_flag}"

    /// The tty line discipline as `stty` reports it, on one line.
    static func sttyModes(_ pane: ShellPane) throws -> String {
        // The marker is new for each call (an earlier one may still be on the screen) and
        // computed by the shell, so the typed command line does not match it.
        let n = Int.random(in: 1_000...9_999)
        let marker = "STTY-\(n + 1)"
        let screen = try pane.after({
            try pane.run("stty -a | tr -s ' ;' '\\n\\n' | grep -x -E -e '-?(icanon|echo|isig|icrnl|opost|ixon)' | tr '\\n' ' '; echo STTY-$((\(n)+1))")
        }, waitFor: marker)
        return String(screen.split(separator: "\n").last { $0.hasSuffix(marker) }?.dropLast(marker.count) ?? "")
    }

    enum Ending: String, CaseIterable, Sendable {
        case quitKey = "q", ctrlC = "Ctrl-C", sigterm = "SIGTERM", sighup = "SIGHUP", crash = "SIGSEGV", abort = "SIGABRT"

        var expectedStatus: Int32 {
            switch self {
            case .quitKey: 0
            // The UI reads keys in cbreak mode, so Ctrl-C arrives as SIGINT.
            case .ctrlC: 128 + SIGINT
            case .sigterm: 128 + SIGTERM
            case .sighup: 128 + SIGHUP
            case .crash: 128 + SIGSEGV
            case .abort: 128 + SIGABRT
            }
        }
    }

    @Test(arguments: Ending.allCases)
    func terminalIsRestored(_ ending: Ending) throws {
        let pane = try ShellPane()
        defer { pane.close() }
        let before = try Self.sttyModes(pane)
        let modesBefore = try pane.format(Self.modes)
        try pane.startShootnet([PackagePaths.sample("gep-openstack.yaml")])
        try pane.waitFor("Tab pane")
        #expect(try pane.format("#{alternate_on}") == "1", "the UI runs on the alternate screen")
        switch ending {
        case .quitKey: try pane.keys("q")
        case .ctrlC: try pane.keys("C-c")
        default:
            let pid = try #require(try pane.programPID())
            let signal = [Ending.sigterm: SIGTERM, .sighup: SIGHUP, .crash: SIGSEGV, .abort: SIGABRT][ending] ?? SIGTERM
            kill(pid, signal)
        }
        let (status, screen) = try pane.waitForExit()
        #expect(status == ending.expectedStatus, "\(ending.rawValue):\n\(screen)")
        // Back on the normal screen: the command line that started the UI is visible again.
        #expect(screen.contains("$ ulimit -c 0; env SWIFT_BACKTRACE=enable=no"))
        #expect(try pane.format(Self.modes) == modesBefore, "\(ending.rawValue): tmux modes")
        let after = try Self.sttyModes(pane)
        #expect(after == before, "\(ending.rawValue): stty \(after) (was \(before))")
        #expect(after.hasPrefix("icrnl") && after.contains(" isig icanon echo ") && !after.contains("-icanon") && !after.contains("-echo"), "\(after)")
    }

    /// Edits kept in a recovery file are announced where the user can read them: after the
    /// alternate screen is gone.
    @Test func theRecoveryNoticeIsReadableAfterSIGTERM() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("shoot.yaml")
        try FileManager.default.copyItem(atPath: PackagePaths.sample("ipv4-default.yaml"), toPath: file)
        let pane = try ShellPane()
        defer { pane.close() }
        try pane.startShootnet([file])
        try pane.waitFor("Tab pane")
        try pane.setSpecField(UISaveFaultTests.firstWorkerMaximum, to: "9")
        kill(try #require(try pane.programPID()), SIGTERM)
        let (status, screen) = try pane.waitForExit()
        #expect(status == 143)
        #expect(screen.contains("shootnet: 1 unsaved edit(s) kept in \(file).shootnet-recovery"))
    }

    /// Twenty resizes in a row, some below the minimum size: once it settles, the screen is
    /// exactly what a fresh start at the final size shows.
    @Test func resizeStormLeavesACleanFrame() throws {
        let file = PackagePaths.sample("gep-openstack.yaml")
        let stormed = try ShellPane(width: 120, height: 40)
        defer { stormed.close() }
        try stormed.startShootnet([file])
        try stormed.waitFor("Tab pane")
        let sizes = [(80, 24), (200, 60), (40, 10), (150, 45), (61, 16), (59, 15), (100, 30), (30, 5), (220, 70), (90, 25),
                     (60, 16), (130, 35), (75, 20), (180, 55), (45, 12), (110, 33), (95, 28), (160, 48), (70, 22), (100, 30)]
        for (w, h) in sizes { try stormed.resize(width: w, height: h) }
        let frame = { (screen: String) -> Bool in
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return rows.first?.contains("shootnet") == true && rows.contains { $0.contains("Tab pane") }
        }
        let after = try stormed.waitForStableScreen(frame)
        let fresh = try ShellPane(width: 100, height: 30)
        defer { fresh.close() }
        try fresh.startShootnet([file])
        try fresh.waitFor("Tab pane")
        let expected = try fresh.waitForStableScreen(frame)
        let rows = after.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.allSatisfy { $0.count <= 100 })
        #expect(rows.first?.contains("shootnet") == true, "title bar on row 0")
        #expect(after == expected, "after the storm:\n\(after)\nfresh:\n\(expected)")
        try stormed.keys("q")
        #expect(try stormed.waitForExit().status == 0)
        try fresh.keys("q")
    }
}
