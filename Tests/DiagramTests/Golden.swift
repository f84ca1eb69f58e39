import Foundation
import Testing

/// Golden text files under `Tests/DiagramTests/Golden/`, found next to this source file.
///
/// A missing file, or `SHOOTNET_RECORD=1`, writes the file and fails the test saying so, so a
/// CI run never records silently. On a mismatch the actual text is written to the temporary
/// directory for a diff.
enum Golden {
    static func directory(_ filePath: String) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func check(_ actual: String, named name: String, filePath: String = #filePath,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory(filePath).appendingPathComponent(name)
        let text = actual.hasSuffix("\n") ? actual : actual + "\n"
        let record = ProcessInfo.processInfo.environment["SHOOTNET_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("Recorded golden file \(url.path); check it by eye and run the tests again", sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not record golden file \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard expected != text else { return }
        let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent(name + ".actual")
        try? text.write(to: actualURL, atomically: true, encoding: .utf8)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let want = line < e.count ? String(e[line]) : "<end>"
        let got = line < a.count ? String(a[line]) : "<end>"
        Issue.record("""
            \(name) differs at line \(line + 1) (actual written to \(actualURL.path); SHOOTNET_RECORD=1 re-records)
            expected: \(want)
            actual:   \(got)
            """, sourceLocation: sourceLocation)
    }
}
