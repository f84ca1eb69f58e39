import Foundation
import Testing

/// Byte-for-byte comparison with files in Tests/CLITests/Golden/.
///
/// A missing golden file, or any golden when `SHOOTNET_RECORD=1` is set, is written from the
/// actual output and the test FAILS saying so: a recorded file must be read and checked by a
/// person before it is committed, and CI never records silently.
enum GoldenFile {
    static let directory = SampleFiles.packageRoot.appendingPathComponent("Tests/CLITests/Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["SHOOTNET_RECORD"] == "1" }

    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        let existing = try? Data(contentsOf: url)
        if recording || existing == nil {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record("recorded golden file \(url.path) — read and check it, then run the tests again without SHOOTNET_RECORD",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record golden file \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let existing, existing != Data(actual.utf8) else { return }
        let expected = String(decoding: existing, as: UTF8.self)
        Issue.record("output differs from golden \(name): \(firstDifference(expected, actual)); rerun with SHOOTNET_RECORD=1 to re-record after checking the change",
                     sourceLocation: sourceLocation)
    }

    /// The first line where two texts differ, both versions shown.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
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
