import Foundation
import Testing
import TestSupport

/// End-to-end tests of the interactive UI: the real binary under tmux, as a user drives it.
/// Every wait after a key looks for something only the new state shows (``TmuxPane/after(_:waitFor:timeout:)``
/// checks that it is not on the screen before); spec fields are found by name.
@Suite("UI under tmux", .serialized)
struct TUITmuxTests {
    /// A private copy of a sample (the UI saves into it) in `scratch`.
    static func copy(_ sample: String, into scratch: Scratch) throws -> String {
        try scratch.copy(SampleFiles.yaml(sample), as: "shoot.yaml")
    }

    /// The spec field the first worker pool's maximum is shown as, in ipv4-default.yaml.
    static let firstWorkerMaximum = "workers[worker-m5].maximum"

    @Test func theREADMEWalkthroughFindsTheMissingRouteFixesTheConflictSavesAndQuits() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try Self.copy("gep-openstack", into: scratch)
        let t = try TmuxSession([file])
        defer { t.close() }
        // The figure: upstream, router with its routing entries, the missing one marked.
        let first = try t.waitFor("Routing Entries:")
        #expect(first.contains("Upstream v6"))
        #expect(first.split(separator: "\n").contains { $0.contains("2001:db8::4000:0:1:0/112 via 2001:db8::b4") && $0.contains("missing") })
        // Why are node-b4's pods unreachable? The routes pane lists the missing route first.
        let routes = try t.after({ try t.keys("5") }, waitUntil: "the routes pane", stable: true) { $0.contains("STATUS") && $0.contains("DESTINATION") }
        let lines = routes.split(separator: "\n")
        let header = try #require(lines.firstIndex { $0.contains("STATUS") && $0.contains("DESTINATION") })
        #expect(lines[header + 1].contains("missing") && lines[header + 1].contains("node-b4"), "\(routes)")
        // Enter: the route in full, with the command that adds it.
        let detail = try t.keys("Enter", thenWaitFor: "c copies the fix command")
        #expect(detail.contains("openstack router add route --route"), "\(detail)")
        try t.after({ try t.keys("Escape") }, waitUntil: "the detail page closed") { !$0.contains("c copies the fix command") }
        // The CIDR conflict: IPv4 pods and services are both 10.0.0.0/16.
        try t.keys("3", thenWaitFor: "overlap.pods-services")
        // Fix it in the spec editor.
        try t.setSpecField("services", to: "10.1.0.0/16, 2001:db8:0:0:8000::/108")
        let fixed = try t.after({ try t.keys("3") }, waitUntil: "the diagnostics pane", stable: true) { $0.contains("SEVERITY  CODE") }
        #expect(!fixed.contains("overlap.pods-services"))
        #expect(fixed.contains("● modified"))
        // Save, then quit cleanly.
        try t.keys("w", thenWaitFor: "previous version kept")
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains("10.1.0.0/16, 2001:db8:0:0:8000::/108"))
        #expect(FileManager.default.fileExists(atPath: file + ".bak"))
        let backup = try String(contentsOfFile: file + ".bak", encoding: .utf8)
        #expect(backup == (try String(contentsOfFile: SampleFiles.yaml("gep-openstack"), encoding: .utf8)))
        try t.keys("q", thenWaitFor: "EXIT=0")
    }

    @Test func quitWithUnsavedEditsAsksFirst() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try Self.copy("ipv4-default", into: scratch)
        let t = try TmuxSession([file])
        defer { t.close() }
        try t.waitFor("Tab pane")
        try t.setSpecField(Self.firstWorkerMaximum, to: "7")
        try t.keys("q", thenWaitFor: "Unsaved edits")
        try t.keys("Escape", thenWaitFor: "quit cancelled")
        try t.keys("q", thenWaitFor: "Unsaved edits")
        try t.keys("n", thenWaitFor: "EXIT=0")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == (try String(contentsOfFile: SampleFiles.yaml("ipv4-default"), encoding: .utf8)))
    }

    @Test func resizeAndTooSmall() throws {
        let t = try TmuxSession([SampleFiles.yaml("gep-openstack")], width: 120, height: 40)
        defer { t.close() }
        try t.waitFor("Upstream v6")
        try t.after({ try t.resize(width: 50, height: 12) }, waitFor: "Terminal too small")
        try t.after({ try t.resize(width: 100, height: 30) }, waitFor: "Upstream")
        try t.keys("q", thenWaitFor: "EXIT=0")
    }

    @Test func sigtermKeepsUnsavedEditsAndTheNextStartOffersThem() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try Self.copy("ipv4-default", into: scratch)
        do {
            let t = try TmuxSession([file])
            defer { t.close() }
            try t.waitFor("Tab pane")
            try t.setSpecField(Self.firstWorkerMaximum, to: "9")
            let pid = try #require(try t.programPID())
            try t.after({ kill(pid, SIGTERM) }, waitFor: "EXIT=143")
            #expect(FileManager.default.fileExists(atPath: file + ".shootnet-recovery"))
        }
        let again = try TmuxSession([file])
        defer { again.close() }
        try again.waitFor("Unsaved edits found")
        try again.keys("r", thenWaitFor: "replayed 1")
        try again.keys("w", thenWaitFor: "previous version kept")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("maximum: 9"))
        #expect(!FileManager.default.fileExists(atPath: file + ".shootnet-recovery"))
        try again.keys("q", thenWaitFor: "EXIT=0")
    }

    @Test func findAnAddressFromTheCommandLine() throws {
        let t = try TmuxSession([SampleFiles.yaml("gep-openstack")])
        defer { t.close() }
        try t.waitFor("Tab pane")
        try t.keys(":")
        try t.type("find 2001:db8::4000:0:1:5")
        // The owner in the status line, every answer on a page.
        let page = try t.keys("Enter", thenWaitFor: "→ pod CIDR 2001:db8::4000:0:1:0/112 of node node-b4")
        #expect(page.contains("find 2001:db8::4000:0:1:5:"))
        #expect(page.contains("shoot range") && page.contains("subnet"), "\(page)")
        try t.after({ try t.keys("Escape") }, waitUntil: "the page closed") { !$0.contains("find 2001:db8::4000:0:1:5:") }
        // A CIDR: what it would collide with.
        try t.keys(":")
        try t.type("find 10.0.0.0/24")
        let overlaps = try t.keys("Enter", thenWaitFor: "find 10.0.0.0/24:")
        #expect(overlaps.contains("pods range 10.0.0.0/16") && overlaps.contains("services range 10.0.0.0/16"), "\(overlaps)")
        try t.keys("Escape")
        try t.keys("q", thenWaitFor: "EXIT=0")
    }

    @Test func notATerminalIsAClearError() throws {
        let r = try ProcessRunner.shootnet([SampleFiles.yaml("gep-openstack")], stdin: "")
        #expect(r.exitCode == 2)
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.contains("terminal"))
    }
}
