import IPAM
#if canImport(Glibc)
import Glibc
#endif

/// Where unsaved edits go when the UI must leave without saving, and where the next start
/// looks for them: beside the spec (`FILE.shootnet-recovery`) or, when that folder cannot
/// take a file (read-only, full, not ours), in the user's state folder
/// (`$XDG_STATE_HOME/shootnet/recovery/`, by default `~/.local/state/shootnet/recovery/`).
struct RecoveryFile {
    /// `FILE.shootnet-recovery`.
    let beside: String
    /// `<state>/shootnet/recovery/<hash of the absolute path>-<file name>`; nil without a home.
    let fallback: String?

    init(for file: String, environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) {
        beside = file + ".shootnet-recovery"
        let state = environment("XDG_STATE_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? environment("HOME").flatMap { $0.hasPrefix("/") ? $0 + "/.local/state" : nil }
        if let state {
            let absolute = Self.absolutePath(of: file)
            let name = absolute.split(separator: "/").last.map(String.init) ?? "spec"
            let hash = String(StableHash.of(absolute), radix: 16)
            fallback = "\(state)/shootnet/recovery/\(hash)-\(name).shootnet-recovery"
        } else {
            fallback = nil
        }
    }

    /// The recovery file a previous session left (beside the spec first) and its text.
    func existing() -> (path: String, text: String)? {
        for path in [beside] + (fallback.map { [$0] } ?? []) {
            if let text = String(contentsOfFileAt: path) { return (path, text) }
        }
        return nil
    }

    /// Writes `text` beside the spec, else in the state folder; the path written, or nil
    /// when neither place takes it. A write that fails leaves no partial file behind.
    func write(_ text: String) -> String? {
        if Self.writeWhole(text, to: beside) { return beside }
        guard let fallback else { return nil }
        Self.makeFolders(for: fallback)
        return Self.writeWhole(text, to: fallback) ? fallback : nil
    }

    /// Removes the recovery files (after replaying or discarding them).
    func remove() {
        unlink(beside)
        if let fallback { unlink(fallback) }
    }

    /// Writes to a temporary name, syncs, then renames over `path`.
    private static func writeWhole(_ text: String, to path: String) -> Bool {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
        let synced = written && fsync(fd) == 0
        let closed = close(fd) == 0
        guard synced, closed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// `mkdir -p` of the file's folder, private to the user.
    private static func makeFolders(for file: String) {
        var folder = ""
        for part in file.split(separator: "/").dropLast() {
            folder += "/" + part
            mkdir(folder, 0o700)
        }
    }

    private static func absolutePath(of file: String) -> String {
        if let resolved = realpath(file, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        if file.hasPrefix("/") { return file }
        guard let cwd = getcwd(nil, 0) else { return file }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + file
    }
}
