import Foundation
import Testing
import TestSupport

/// Every bad input of the corpus, through the built binary: the documented exit status,
/// exactly the expected line (naming the file, and line:column where the content is at
/// fault), no crash signal, and no hang.
@Suite struct CorpusTests {
    /// Debug builds on a loaded 2-core machine; a hang is caught well before this.
    static let timeLimit = 15.0

    @Test(arguments: CorpusManifest.entries)
    func badInputGivesItsOneLine(_ entry: CorpusEntry) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = entry.isGenerated ? try GeneratedInput.make(entry.file, in: scratch) : CorpusManifest.folder + "/" + entry.file
        let run = try ProcessRunner.shootnet(entry.arguments(path: path), timeout: Self.timeLimit)
        #expect(!run.timedOut, "hang: killed after \(Self.timeLimit) s")
        #expect(run.signal == nil, "died of signal \(run.signal ?? 0)")
        #expect(run.seconds < Self.timeLimit)

        if entry.file == "@unreadable.yaml" && !GeneratedInput.permissionsBindUs {
            // Running as root: chmod 000 does not stop root, so the file simply loads.
            #expect(access(path, R_OK) == 0)
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(run.stderrBytes.isEmpty)
            return
        }

        #expect(run.exitCode == entry.exit, "exit \(run.exitCode); stderr: \(run.stderr.prefix(500))")
        let regex = try entry.regex(path: path)
        func matches(_ line: String) -> Bool {
            regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
        }
        switch entry.exit {
        case 2:
            #expect(run.stdoutBytes.isEmpty, "stdout: \(run.stdout.prefix(300))")
            #expect(run.stderrLines.count == 1, "stderr: \(run.stderr.prefix(1000))")
            let line = run.stderrLines.first ?? ""
            #expect(matches(line), "got: \(line)")
        case 1:
            #expect(run.stderrBytes.isEmpty, "stderr: \(run.stderr.prefix(500))")
            #expect(run.stdoutLines.contains(where: matches), "no line matches \(entry.pattern) in:\n\(run.stdout.prefix(3000))")
        default:
            Issue.record("the manifest line for \(entry.file) is malformed")
        }
    }

    /// Not an error: IPv6 groups may have leading zeros and upper case (RFC 4291); output is
    /// canonical (RFC 5952) wherever they were read.
    @Test func leadingZerosInIPv6GroupsAreReadAndPrintedCanonically() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let nodes = try scratch.write("nodes.json", """
            {"kind": "List", "items": [{"metadata": {"name": "n1"}, "spec": {"podCIDRs": ["2001:0DB8:0000:0000:4000:0000:0000:0000/112"]},
              "status": {"addresses": [{"type": "InternalIP", "address": "2001:0db8:0000:0000:0000:0000:0000:00A1"}]}}]}
            """)
        let run = try ProcessRunner.shootnet(["plan", PackagePaths.sample("gep-openstack.yaml"), "--nodes", nodes, "-o", "json"])
        #expect(run.exitCode == 0 && run.stderrBytes.isEmpty, "\(run.stderr)")
        #expect(run.stdout.contains("\"2001:db8:0:0:4000::/112\""))
        #expect(run.stdout.contains("\"2001:db8::a1\""))
        #expect(!run.stdout.lowercased().contains("0db8"))
    }

    @Test func theCorpusIsCompleteAndLargeEnough() throws {
        let entries = CorpusManifest.entries
        #expect(entries.count >= 40)
        let files = try FileManager.default.contentsOfDirectory(atPath: CorpusManifest.folder)
            .filter { $0 != "expected.tsv" && !$0.hasPrefix(".") }
        let listed = Set(entries.map(\.file))
        for file in files { #expect(listed.contains(file), "\(file) has no line in expected.tsv") }
        for entry in entries where !entry.isGenerated { #expect(files.contains(entry.file), "\(entry.file) is listed but missing") }
    }
}
