import Foundation
import Testing
import TestSupport

/// The real UI under tmux: what it says after `o` is true, and a FIFO planted at the
/// recovery path does not stop it from starting.
@Suite(.serialized) struct UIRecoverySafetyTests {
    @Test func overwritingAFileThatWasRemovedSaysThereIsNoBackup() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("shoot.yaml")
        _ = try UISaveFaultTests.placeSample(at: file)
        let pane = try UISaveFaultTests.openAndEdit(file)
        defer { pane.close() }
        try FileManager.default.removeItem(atPath: file)
        try pane.keys("w", thenWaitFor: "not saved: the file was removed since it was loaded")
        let screen = try pane.keys("o", thenWaitFor: "(there was no file, so no backup)")
        #expect(!screen.contains("previous version kept"))
        #expect(!FileManager.default.fileExists(atPath: file + ".bak"))
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("maximum: 9"))
        try pane.keys("q")
        #expect(try pane.waitForExit().status == 0)
    }

    @Test func aFIFOAtTheRecoveryPathDoesNotBlockTheStart() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("shoot.yaml")
        _ = try UISaveFaultTests.placeSample(at: file)
        #expect(mkfifo(file + ".shootnet-recovery", 0o600) == 0)
        let pane = try ShellPane(width: 250, height: 45)
        defer { pane.close() }
        try pane.startShootnet([file])
        // waitFor has a deadline: a start blocked on the FIFO fails here instead of hanging.
        let screen = try pane.waitFor("is not a regular file (a FIFO, folder, socket or device); not reading it")
        #expect(screen.contains("Tab pane") && !screen.contains("Unsaved edits found"))
        try pane.keys("q")
        #expect(try pane.waitForExit().status == 0)
    }
}
