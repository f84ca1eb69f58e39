import Foundation
import Testing

/// Byte-for-byte comparison with the golden files in `Tests/Golden/` (one folder for every
/// test target; see ``PackagePaths/golden``).
///
/// Golden files are never recorded silently: a missing one fails the test. With
/// `SHOOTNET_RECORD=1` the test that owns a file writes it when it differs (or is missing) and
/// fails saying so, so a person reads the change before it is committed; a file several tests
/// compare with is written by one of them only (the others name it in `recordedBy`).
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["SHOOTNET_RECORD"] == "1" }

    /// Expects `actual` to equal the golden file `name` byte for byte. `recordedBy` names the
    /// test that records the file when this one only reads it.
    public static func expect(_ actual: String, matches name: String, recordedBy owner: String? = nil,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let url = PackagePaths.golden.appendingPathComponent(name)
        let existing = FileManager.default.contents(atPath: url.path)
        if existing == Data(actual.utf8) { return }
        if recording && owner == nil {
            do {
                try FileManager.default.createDirectory(at: PackagePaths.golden, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url, options: .atomic)
                Issue.record("recorded golden file \(url.path) — read and check it, then run the tests again without SHOOTNET_RECORD",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record golden file \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        let howToRecord = "SHOOTNET_RECORD=1 swift test" + (owner.map { " --filter \($0)" } ?? "") + " records it after you check the change"
        guard let existing else {
            Issue.record("golden file \(url.path) is missing; \(howToRecord)", sourceLocation: sourceLocation)
            return
        }
        let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent(name + ".actual")
        try? Data(actual.utf8).write(to: actualURL)
        Issue.record("""
            output differs from golden \(name) (actual written to \(actualURL.path)): \
            \(firstDifference(String(decoding: existing, as: UTF8.self), actual)); \(howToRecord)
            """, sourceLocation: sourceLocation)
    }

    /// The first line where two texts differ, both versions shown.
    public static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end of file>"
            let al = i < a.count ? String(a[i]) : "<end of file>"
            if el != al { return "line \(i + 1):\n  golden: \(el)\n  actual: \(al)" }
        }
        return "same lines, different bytes (line endings or a final newline)"
    }
}
