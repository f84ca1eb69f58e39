import Foundation
import Testing
import TestSupport

/// End-to-end tests of the interactive UI: the real binary under tmux, as a user drives it.
@Suite("UI under tmux", .serialized)
struct TUITmuxTests {
    /// A private copy of a sample (the UI saves into it).
    static func copy(_ sample: String) throws -> (dir: String, file: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shootnet-tui-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = dir + "/shoot.yaml"
        try FileManager.default.copyItem(atPath: SampleFiles.yaml(sample), toPath: file)
        return (dir, file)
    }

    @Test func theREADMEWalkthroughFindsTheMissingRouteFixesTheConflictSavesAndQuits() throws {
        let (dir, file) = try Self.copy("gep-openstack")
        let t = try TmuxSession([file])
        // The figure: upstream, router with its routing entries, the missing one marked.
        let first = try t.waitFor("Routing Entries:")
        #expect(first.contains("Upstream v6"))
        #expect(first.split(separator: "\n").contains { $0.contains("2001:db8::4000:0:1:0/112 via 2001:db8::b4") && $0.contains("missing") })
        // Why are node-b4's pods unreachable? The routes pane lists the missing route first.
        try t.keys("5")
        let routes = try t.waitFor("STATUS")
        let lines = routes.split(separator: "\n")
        let header = try #require(lines.firstIndex { $0.contains("STATUS") && $0.contains("DESTINATION") })
        #expect(lines[header + 1].contains("missing") && lines[header + 1].contains("node-b4"))
        // The CIDR conflict: IPv4 pods and services are both 10.0.0.0/16.
        try t.keys("3")
        try t.waitFor("overlap.pods-services")
        // Fix it in the spec editor: services is the fourth field.
        try t.keys("2")
        try t.waitFor("FIELD")
        try t.keys("Home", "Down", "Down", "Down", "Enter", "C-u")
        try t.type("10.1.0.0/16, 2001:db8:0:0:8000::/108")
        try t.keys("Enter")
        try t.waitFor("re-planned")
        try t.keys("3")
        let fixed = try t.waitFor("Diagnostics")
        #expect(!fixed.contains("overlap.pods-services"))
        #expect(fixed.contains("● modified"))
        // Save, then quit cleanly.
        try t.keys("w")
        try t.waitFor("previous version kept")
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains("10.1.0.0/16, 2001:db8:0:0:8000::/108"))
        #expect(FileManager.default.fileExists(atPath: file + ".bak"))
        let backup = try String(contentsOfFile: file + ".bak", encoding: .utf8)
        #expect(backup == (try String(contentsOfFile: SampleFiles.yaml("gep-openstack"), encoding: .utf8)))
        try t.keys("q")
        try t.waitFor("EXIT=0")
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// In the spec pane, edits `workers[0].maximum` (the seventh field) and waits for the re-plan.
    static func setFirstWorkerMaximum(_ t: TmuxSession, to value: String) throws {
        try t.waitFor("Tab pane")
        try t.keys("2", "Home")
        for _ in 0..<6 { try t.keys("Down") }
        try t.keys("Enter", "C-u")
        try t.type(value)
        try t.keys("Enter")
        try t.waitFor("re-planned")
    }

    @Test func quitWithUnsavedEditsAsksFirst() throws {
        let (dir, file) = try Self.copy("ipv4-default")
        let t = try TmuxSession([file])
        try Self.setFirstWorkerMaximum(t, to: "7")
        try t.keys("q")
        try t.waitFor("Unsaved edits")
        try t.keys("Escape")
        try t.waitFor("quit cancelled")
        try t.keys("q")
        try t.waitFor("Unsaved edits")
        try t.keys("n")
        try t.waitFor("EXIT=0")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == (try String(contentsOfFile: SampleFiles.yaml("ipv4-default"), encoding: .utf8)))
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test func resizeAndTooSmall() throws {
        let t = try TmuxSession([SampleFiles.yaml("gep-openstack")], width: 120, height: 40)
        try t.waitFor("Upstream v6")
        try t.resize(width: 50, height: 12)
        try t.waitFor("Terminal too small")
        try t.resize(width: 100, height: 30)
        try t.waitFor("Upstream")
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }

    @Test func sigtermKeepsUnsavedEditsAndTheNextStartOffersThem() throws {
        let (dir, file) = try Self.copy("ipv4-default")
        do {
            let t = try TmuxSession([file])
            try Self.setFirstWorkerMaximum(t, to: "9")
            let pid = try #require(try t.programPID())
            kill(pid, SIGTERM)
            try t.waitFor("EXIT=143")
            #expect(FileManager.default.fileExists(atPath: file + ".shootnet-recovery"))
        }
        let again = try TmuxSession([file])
        try again.waitFor("Unsaved edits found")
        try again.keys("r")
        try again.waitFor("replayed 1")
        try again.keys("w")
        try again.waitFor("previous version kept")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("maximum: 9"))
        #expect(!FileManager.default.fileExists(atPath: file + ".shootnet-recovery"))
        try again.keys("q")
        try again.waitFor("EXIT=0")
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test func findAnAddressFromTheCommandLine() throws {
        let t = try TmuxSession([SampleFiles.yaml("gep-openstack")])
        try t.waitFor("Tab pane")
        try t.keys(":")
        try t.type("find 2001:db8::4000:0:1:5")
        try t.keys("Enter")
        try t.waitFor("→ pod CIDR 2001:db8::4000:0:1:0/112 of node node-b4")
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }

    @Test func notATerminalIsAClearError() throws {
        let r = try ProcessRunner.shootnet([SampleFiles.yaml("gep-openstack")], stdin: "")
        #expect(r.exitCode == 2)
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.contains("terminal"))
    }
}
