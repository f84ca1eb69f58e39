import Foundation

/// A copied fix command, also kept in a file of its own (a fresh, private one in the
/// temporary directory each time), so it can be pasted where the terminal takes no
/// clipboard writes: `sh FILE` or `cat FILE`.
enum FixFile {
    struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// The C library's text for an errno value.
    private static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(validatingCString: text) ?? "error \(code)"
    }

    /// Copies `command` as `c` does: to the clipboard where `screen` takes it, and to a file.
    /// What went where, as the views' `copied` messages carry it (a failure only when it
    /// went nowhere).
    static func copy(_ command: String, screen: any TerminalBackend) -> (clipboard: Bool, file: String?, failure: String?) {
        let clipboard = screen.copyToClipboard(command)
        switch write(command) {
        case .success(let path): return (clipboard, path, nil)
        case .failure(let f): return (clipboard, nil, clipboard ? nil : f.message)
        }
    }

    static func write(_ command: String) -> Result<String, Failure> {
        var template = Array((FileManager.default.temporaryDirectory.path + "/shootnet-fix-XXXXXX.sh").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemps($0, 3) } ?? -1 }
        guard fd >= 0 else { return .failure(Failure("cannot create a file in \(FileManager.default.temporaryDirectory.path): \(reason(errno))")) }
        defer { close(fd) }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let bytes = Array(("#!/bin/sh\n" + command + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBufferPointer { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return .failure(Failure("cannot write \(path): \(reason(errno))")) }
            written += n
        }
        return .success(path)
    }
}
