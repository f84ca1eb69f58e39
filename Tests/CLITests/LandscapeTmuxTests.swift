import Foundation
import Testing
import TestSupport

/// `shootnet landscape FILE` on a terminal opens the landscape view: the real binary under tmux.
@Suite("Landscape view under tmux", .serialized)
struct LandscapeTmuxTests {
    @Test func collisionFirstEnterIntoAShootAndBackFindAcrossTheLandscape() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write("shoots.yaml", LandscapeFixtures.list(
            LandscapeFixtures.shootItem("alpha", v6: "2001:db8:7::/64"),
            LandscapeFixtures.shootItem("beta", v6: "2001:db8:8::/64"),
            LandscapeFixtures.shootItem("gamma", v6: "2001:db8:7::/64")))
        let t = try TmuxSession(["landscape", file], width: 120, height: 30)
        defer { t.close() }
        // Collisions first: alpha and gamma, then beta. A capture can land mid-frame, so each
        // check below reads a screen that stayed the same for a moment.
        let first = try t.waitForStableScreen { $0.contains("shootnet landscape") && $0.contains("garden-a/beta") }
        let lines = first.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.contains("KIND") && $0.contains("IPv6") })
        #expect(lines[header + 1].contains("garden-a/alpha") && lines[header + 1].contains("1 collision"), "\(first)")
        #expect(lines[header + 2].contains("garden-a/gamma") && lines[header + 2].contains("1 collision"), "\(first)")
        #expect(lines[header + 3].contains("garden-a/beta") && lines[header + 3].contains("ok"), "\(first)")
        // Enter: alpha's topology; q: back.
        let topology = try t.after({ try t.keys("Enter") }, waitUntil: "alpha's topology", stable: true) {
            $0.contains("q or Esc goes back to the landscape")
        }
        #expect(topology.contains("shootnet  alpha"), "\(topology)")
        try t.keys("q", thenWaitFor: "back in the landscape view")
        // :find across the landscape.
        try t.keys(":")
        try t.type("find 2001:db8:7::1")
        let page = try t.after({ try t.keys("Enter") }, waitUntil: "the find page", stable: true) {
            $0.contains("find 2001:db8:7::1: 4 ranges")
        }
        #expect(page.contains("shoot garden-a/alpha") && page.contains("shoot garden-a/gamma") && !page.contains("shoot garden-a/beta"), "\(page)")
        try t.after({ try t.keys("Escape") }, waitUntil: "the page closed") { !$0.contains("4 ranges") }
        try t.keys("q", thenWaitFor: "EXIT=0")
    }

    /// The list is cut short while the view is open (kubectl writing it again): Enter reads
    /// the shoot from it again, and the fault ends the view with the terminal restored and
    /// the one-line error.
    @Test func aListCutShortWhileTheViewIsOpenEndsWithOneLineAndExitTwo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write("shoots.json", LandscapeFixtures.jsonList(count: 200))
        let t = try TmuxSession(["landscape", file], width: 240, height: 30)
        defer { t.close() }
        try t.waitFor("200 shoots")
        #expect(truncate(file, 0) == 0)
        let end = try t.keys("Enter", thenWaitFor: "EXIT=2")
        #expect(end.contains("\(file): error: the file was cut short while it was read"), "\(end)")
        #expect(!end.contains("200 shoots"), "the view's screen is gone: \(end)")
    }

    @Test func withOutputOrAPipeItPrintsInstead() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write("shoots.yaml", LandscapeFixtures.list(LandscapeFixtures.shootItem("alpha", v6: "2001:db8:7::/64")))
        // Not a terminal: the table, as before.
        let r = try ProcessRunner.shootnet(["landscape", file])
        #expect(r.stdout.contains("1 shoot, 0 seeds"), "\(r.stdout)")
    }
}
