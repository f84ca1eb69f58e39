import Foundation
import Testing

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
        let path = entry.isGenerated ? try GeneratedInput.make(entry.file, in: scratch) : PackagePaths.corpus + "/" + entry.file
        let run = try Run.shootnet(entry.arguments(path: path), timeout: Self.timeLimit)
        #expect(!run.timedOut, "hang: killed after \(Self.timeLimit) s")
        #expect(run.signal == nil, "died of signal \(run.signal ?? 0)")
        #expect(run.seconds < Self.timeLimit)

        if entry.file == "@unreadable.yaml" && !GeneratedInput.permissionsBindUs {
            // Running as root: chmod 000 does not stop root, so the file simply loads.
            #expect(access(path, R_OK) == 0)
            #expect(run.status == 0, "\(run.err)")
            #expect(run.stderr.isEmpty)
            return
        }

        #expect(run.status == entry.exit, "exit \(run.status); stderr: \(run.err.prefix(500))")
        let regex = try entry.regex(path: path)
        func matches(_ line: String) -> Bool {
            regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
        }
        switch entry.exit {
        case 2:
            #expect(run.stdout.isEmpty, "stdout: \(run.out.prefix(300))")
            #expect(run.errLines.count == 1, "stderr: \(run.err.prefix(1000))")
            let line = run.errLines.first ?? ""
            #expect(matches(line), "got: \(line)")
        case 1:
            #expect(run.stderr.isEmpty, "stderr: \(run.err.prefix(500))")
            #expect(run.outLines.contains(where: matches), "no line matches \(entry.pattern) in:\n\(run.out.prefix(3000))")
        default:
            Issue.record("the manifest line for \(entry.file) is malformed")
        }
    }

    @Test func theCorpusIsCompleteAndLargeEnough() throws {
        let entries = CorpusManifest.entries
        #expect(entries.count >= 40)
        let files = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.corpus)
            .filter { $0 != "expected.tsv" && !$0.hasPrefix(".") }
        let listed = Set(entries.map(\.file))
        for file in files { #expect(listed.contains(file), "\(file) has no line in expected.tsv") }
        for entry in entries where !entry.isGenerated { #expect(files.contains(entry.file), "\(entry.file) is listed but missing") }
    }
}
