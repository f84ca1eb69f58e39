import Foundation
import Testing
import TestSupport

/// A 5,000-node OpenStack shoot whose router quota (30) is far below the 5,000 routes it
/// needs, and which misses the route of every 50th node: every output leads with the root
/// cause and shows the problems before the healthy rows.
@Suite struct TriageCLITests {
    static let nodes = 5000

    private func run(_ command: String, _ extra: [String], in scratch: Scratch) throws -> ProcessResult {
        let f = try LargeShoot.write(nodes: Self.nodes, into: scratch)
        return try ProcessRunner.shootnet([command, f.shoot, "--nodes", f.nodes, "--routes", f.router] + extra)
    }

    @Test("check names the route quota before the 100 missing routes it explains")
    func checkLeadsWithTheRootCause() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let r = try run("check", [], in: scratch)
        #expect(r.exitCode == 1, "\(r.stderr)")
        let codes = r.stdoutLines.compactMap { line -> String? in
            guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return nil }
            return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
        }
        let missing = (0..<Self.nodes).filter { !LargeShoot.hasRoute($0) }.count
        #expect(codes.filter { $0 == "route.missing" }.count == missing)
        #expect(codes.first == "route.quota", "first finding: \(codes.first ?? "none")")
        let lastShootLevelError = codes.lastIndex(of: "route.quota") ?? 0
        #expect(codes.firstIndex(of: "route.missing").map { $0 > lastShootLevelError } == true)
    }

    @Test("render cut to 6 nodes and 6 routes draws missing routes and their nodes first")
    func renderShowsProblemsFirst() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let r = try run("render", ["--width", "120", "--color", "never", "--max-nodes", "6"], in: scratch)
        #expect(r.exitCode == 0, "\(r.stderr)")
        Golden.expect(r.stdout, matches: "render-large-5000-cut-6.txt")
        let entries = r.stdoutLines.filter { $0.contains(" via 2001:db8:1000::") }
        #expect(entries.count == 6)
        #expect(entries.allSatisfy { $0.contains("✗ missing") }, "\(entries)")
        // The six drawn nodes are those whose routes are missing: 7, 57, 107, …
        let drawn = r.stdoutLines.compactMap { line in line.range(of: #"node-\d{5}"#, options: .regularExpression).map { String(line[$0]) } }
        #expect(drawn == ["node-00007", "node-00057", "node-00107", "node-00157", "node-00207", "node-00257"])
    }

    @Test("routes lists the missing routes first, then stale, then ok")
    func routesProblemsFirst() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let r = try run("routes", [], in: scratch)
        let statuses = r.stdoutLines.compactMap { line -> String? in
            ["missing", "stale", "ok"].first { line.hasPrefix($0) || line.contains(" \($0) ") }
        }
        #expect(!statuses.isEmpty)
        let ranks = statuses.map { ["missing": 0, "stale": 1, "ok": 2][$0] ?? 3 }
        #expect(ranks == ranks.sorted(), "statuses out of order")
        #expect(statuses.first == "missing")
    }
}
