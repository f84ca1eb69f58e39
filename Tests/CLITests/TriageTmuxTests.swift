import Foundation
import Testing
import TestSupport

/// The "done when", on the real binary at 80×24: a 5,000-node shoot with a route
/// quota problem shows the root cause first, every failing object is two keys away with its
/// full fix, and a variant is saved under another name.
@Suite("Triage under tmux", .serialized)
struct TriageTmuxTests {
    @Test func rootCauseFirstFixInTwoKeysAndSaveAVariant() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let f = try LargeShoot.write(nodes: 5000, into: scratch)
        let original = try String(contentsOfFile: f.shoot, encoding: .utf8)
        let t = try TmuxSession([f.shoot, "--nodes", f.nodes, "--routes", f.router], width: 80, height: 24, directory: scratch.folder)
        defer { t.close() }
        // The first screen: counts in the header, the root cause on the first row, the 100
        // missing routes folded under it, help and quit in the hints.
        let first = try t.waitFor("route.missing ×100", timeout: 30)
        let lines = first.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasSuffix("101E 7W"), "\(lines[0])")
        let header = try #require(lines.firstIndex { $0.contains("SEVERITY  CODE") })
        #expect(lines[header + 1].contains("route.quota") && lines[header + 2].contains("route.missing ×100"), "\(first)")
        #expect(lines.last { !$0.isEmpty }?.hasSuffix("? help  q quit") == true, "\(first)")
        // Two keys to a failing route and its full fix: 5, then Enter (] steps to the next one).
        let routes = try t.keys("5", thenWaitFor: "DESTINATION")
        #expect(routes.split(separator: "\n").first { $0.contains("via") || $0.hasPrefix(" missing") || $0.contains(" missing ") } != nil)
        let page = try t.keys("Enter", thenWaitFor: "c copies the fix command")
        #expect(page.contains("openstack router add route --route"), "\(page)")
        #expect(page.contains("status       missing"), "\(page)")
        try t.after({ try t.keys("Escape") }, waitUntil: "the page closed") { !$0.contains("c copies the fix command") }
        // A variant: one edit, saved under another name; the loaded file stays as it was.
        try t.setSpecField("workers[pool].maximum", to: "6000")
        try t.keys(":")
        try t.type("saveas variant.yaml")
        try t.keys("Enter", thenWaitFor: "saved as variant.yaml")
        #expect(try String(contentsOfFile: f.shoot, encoding: .utf8) == original)
        let variant = try String(contentsOfFile: scratch.path("variant.yaml"), encoding: .utf8)
        #expect(variant == original.replacingOccurrences(of: "maximum: 5000", with: "maximum: 6000"))
        try t.keys("q", thenWaitFor: "EXIT=0")
    }
}
