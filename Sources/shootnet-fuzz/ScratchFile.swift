import Foundation

/// One file in a private temporary folder (in memory when /dev/shm exists), rewritten for
/// every flag-file input and removed at the end.
final class ScratchFile {
    let folder: String
    let path: String

    init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        folder = "\(base)/shootnet-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/input"
    }

    /// Writes `text` and returns the path.
    func write(_ text: String) -> String {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
